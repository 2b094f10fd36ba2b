//! Diagnostics: the one type every stage reports problems with.
//!
//! A [`Diagnostic`] carries a stable [`Code`] (a code never changes meaning; `nordgov explain
//! CODE` prints what it means and how to fix it), a message that names the problem, labelled byte
//! spans into source files, and hints that name the fix. Spans stay byte ranges until they are
//! printed; [`emit`] turns them into 1-based `file:line:col` for people (with the source line
//! underlined) or for machines (JSON).

mod codes;
pub mod emit;
mod suggest;

use std::ops::Range;

use serde::Serialize;

pub use codes::{Code, CodeInfo};
pub use suggest::{did_you_mean, suggestion_hint};

/// Index of a source file in a [`SourceDb`].
pub type FileId = usize;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The model is invalid (or could not be read).
    Error,
    /// The model is valid but probably not what the author meant; `--deny warnings` makes it an
    /// error.
    Warning,
}

/// A labelled span in a source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// The file.
    pub file: FileId,
    /// Byte range in the file's text.
    pub span: Range<usize>,
    /// What this span shows ("first defined here"); may be empty.
    pub message: String,
    /// Whether this is where the problem is (as opposed to related context).
    pub primary: bool,
}

/// One problem found in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable code; fixes severity and the explanation.
    pub code: Code,
    /// The problem, in one sentence.
    pub message: String,
    /// Spans to show; the first primary one is the diagnostic's position.
    pub labels: Vec<Label>,
    /// How to fix it.
    pub hints: Vec<String>,
    /// A file the diagnostic concerns when there is no span to show (an unreadable file).
    pub path: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with `code` and `message` and no position yet.
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Self { code, message: message.into(), labels: Vec::new(), hints: Vec::new(), path: None }
    }

    /// Adds the primary label.
    pub fn at(mut self, file: FileId, span: Range<usize>, message: impl Into<String>) -> Self {
        self.labels.push(Label { file, span, message: message.into(), primary: true });
        self
    }

    /// Adds a secondary label (context, "first defined here").
    pub fn also(mut self, file: FileId, span: Range<usize>, message: impl Into<String>) -> Self {
        self.labels.push(Label { file, span, message: message.into(), primary: false });
        self
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Adds a hint when there is one.
    pub fn maybe_hint(mut self, hint: Option<String>) -> Self {
        self.hints.extend(hint);
        self
    }

    /// Names the file the diagnostic is about when no span can be shown.
    pub fn with_path(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// The diagnostic's severity (fixed by its code).
    pub fn severity(&self) -> Severity {
        self.code.info().severity
    }

    /// The primary label, if any.
    pub fn primary(&self) -> Option<&Label> {
        self.labels.iter().find(|l| l.primary).or(self.labels.first())
    }

    /// The key diagnostics are reported in: by file, then position, then code.
    fn sort_key(&self) -> (FileId, usize, Code) {
        self.primary().map_or((usize::MAX, 0, self.code), |l| (l.file, l.span.start, self.code))
    }
}

/// Sorts diagnostics by file, then position, then code, so output is stable whatever order the
/// passes ran in.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()).then_with(|| a.message.cmp(&b.message)));
}

/// One source text the diagnostics can point into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The name shown to users (a path relative to where the user pointed nordgov).
    pub name: String,
    /// The full text.
    pub text: String,
}

/// The source files of one run, addressed by [`FileId`].
#[derive(Debug, Clone, Default)]
pub struct SourceDb {
    files: Vec<SourceFile>,
    /// Where each line of each file starts (byte offsets): indexed once when the file is added,
    /// so a position costs a binary search instead of a scan of the text up to it (a file with
    /// thousands of diagnostics used to be scanned thousands of times).
    line_starts: Vec<Vec<usize>>,
}

impl SourceDb {
    /// An empty database.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file and returns its id.
    pub fn add(&mut self, name: impl Into<String>, text: impl Into<String>) -> FileId {
        // File names reach terminals too: escape control characters in them.
        let text = text.into();
        self.line_starts.push(codespan_reporting::files::line_starts(&text).collect());
        self.files.push(SourceFile { name: emit::printable(&name.into()), text });
        self.files.len() - 1
    }

    /// The file with `id`.
    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id)
    }

    /// Every file with its id.
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().enumerate()
    }

    /// 0-based line of byte `offset` in file `id` (an offset past the end is on the last line).
    pub fn line_index(&self, id: FileId, offset: usize) -> Option<usize> {
        let starts = self.line_starts.get(id)?;
        Some(starts.partition_point(|&s| s <= offset).saturating_sub(1))
    }

    /// Byte range of 0-based line `line` in file `id`, its `\n` included; `None` past the last
    /// line.
    pub fn line_range(&self, id: FileId, line: usize) -> Option<Range<usize>> {
        let (file, starts) = (self.get(id)?, self.line_starts.get(id)?);
        let start = *starts.get(line)?;
        Some(start..starts.get(line + 1).copied().unwrap_or(file.text.len()))
    }

    /// Number of lines in file `id` (a text ending in `\n` has an empty last line).
    pub fn line_count(&self, id: FileId) -> usize {
        self.line_starts.get(id).map_or(0, Vec::len)
    }

    /// 1-based line and column (in characters) of byte `offset` in file `id`.
    pub fn line_col(&self, id: FileId, offset: usize) -> (usize, usize) {
        let Some(file) = self.get(id) else { return (1, 1) };
        let offset = floor_char_boundary(&file.text, offset.min(file.text.len()));
        let line = self.line_index(id, offset).unwrap_or(0);
        let start = self.line_range(id, line).map_or(0, |r| r.start);
        let col = file.text.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
        (line + 1, col)
    }
}

/// The largest char boundary at or below `i` (stable replacement for `str::floor_char_boundary`).
fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Counts of errors and warnings in a set of diagnostics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
}

impl Tally {
    /// Counts `diagnostics`.
    pub fn of(diagnostics: &[Diagnostic]) -> Self {
        let errors = diagnostics.iter().filter(|d| d.severity() == Severity::Error).count();
        Self { errors, warnings: diagnostics.len() - errors }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_come_from_the_line_index() {
        let mut db = SourceDb::new();
        let id = db.add("a.toml", "ab\nçd\r\n\nlast");
        let empty = db.add("empty.toml", "");
        // Columns count characters: `ç` is two bytes, one column.
        assert_eq!(db.line_col(id, 0), (1, 1));
        assert_eq!(db.line_col(id, 2), (1, 3), "the newline ends its line");
        assert_eq!(db.line_col(id, 3), (2, 1));
        assert_eq!(db.line_col(id, 4), (2, 1), "inside `ç`: the start of the character");
        assert_eq!(db.line_col(id, 5), (2, 2));
        assert_eq!(db.line_col(id, 9), (4, 1));
        assert_eq!(db.line_col(id, 999), (4, 5), "past the end: the end");
        assert_eq!(db.line_range(id, 1), Some(3..8), "the line with its CRLF");
        assert_eq!(db.line_range(id, 3), Some(9..13));
        assert_eq!(db.line_range(id, 4), None);
        assert_eq!((db.line_count(id), db.line_count(empty)), (4, 1));
        assert_eq!(db.line_col(empty, 5), (1, 1));
        assert_eq!(db.line_col(7, 0), (1, 1), "an unknown file");
    }
}
