//! Printing diagnostics: for people (codespan-reporting, the source line underlined) and for
//! editors and CI (JSON with 1-based lines and columns).

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term;
use codespan_reporting::term::termcolor::WriteColor;
use serde::Serialize;

use super::{Diagnostic, FileId, Severity, SourceDb, Tally};

/// Adapter so codespan-reporting can read our [`SourceDb`].
struct DbFiles<'a>(&'a SourceDb);

impl<'a> Files<'a> for DbFiles<'a> {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.0.get(id).map(|f| f.name.as_str()).ok_or(FilesError::FileMissing)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.0.get(id).map(|f| f.text.as_str()).ok_or(FilesError::FileMissing)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        let text = self.source(id)?;
        let end = byte_index.min(text.len());
        Ok(text.as_bytes().get(..end).map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count()))
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<std::ops::Range<usize>, FilesError> {
        let text = self.source(id)?;
        let mut start = 0;
        for _ in 0..line_index {
            match text.get(start..).and_then(|rest| rest.find('\n')) {
                Some(i) => start += i + 1,
                None => return Err(FilesError::LineTooLarge { given: line_index, max: line_index.saturating_sub(1) }),
            }
        }
        let end = text.get(start..).and_then(|rest| rest.find('\n')).map_or(text.len(), |i| start + i + 1);
        Ok(start..end)
    }
}

/// Writes `diagnostics` for people, followed by a one-line summary.
pub fn human(out: &mut dyn WriteColor, db: &SourceDb, diagnostics: &[Diagnostic]) -> std::io::Result<()> {
    let config = term::Config::default();
    let files = DbFiles(db);
    for d in diagnostics {
        let mut cd = match d.severity() {
            Severity::Error => cs::Diagnostic::error(),
            Severity::Warning => cs::Diagnostic::warning(),
        }
        .with_code(d.code.as_str())
        .with_message(d.message.clone());
        // A label on a very long line would print the whole line; say where instead.
        if let Some(l) = d.primary().filter(|l| line_len(db, l.file, l.span.start) > MAX_SHOWN_LINE) {
            let (line, col) = db.line_col(l.file, l.span.start);
            let name = db.get(l.file).map_or("", |f| f.name.as_str());
            cd = cd.with_message(format!("{} (at {name}:{line}:{col}; the line is too long to show)", d.message));
            cd = cd.with_notes(
                d.hints
                    .iter()
                    .map(|h| format!("help: {h}"))
                    .chain([format!("see `nordgov explain {}`", d.code)])
                    .collect(),
            );
            term::emit_to_write_style(out, &config, &files, &cd).map_err(std::io::Error::other)?;
            continue;
        }
        cd = cd.with_labels(
            d.labels
                .iter()
                .map(|l| {
                    let style = if l.primary { cs::LabelStyle::Primary } else { cs::LabelStyle::Secondary };
                    cs::Label::new(style, l.file, l.span.clone()).with_message(l.message.clone())
                })
                .collect(),
        );
        let mut notes: Vec<String> = d.hints.iter().map(|h| format!("help: {h}")).collect();
        notes.push(format!("see `nordgov explain {}`", d.code));
        cd = cd.with_notes(notes);
        term::emit_to_write_style(out, &config, &files, &cd).map_err(std::io::Error::other)?;
    }
    let t = Tally::of(diagnostics);
    if t.errors + t.warnings > 0 {
        writeln!(out, "{} error{}, {} warning{}", t.errors, plural(t.errors), t.warnings, plural(t.warnings))?;
    }
    Ok(())
}

/// Lines longer than this (in bytes) are not printed under a diagnostic.
const MAX_SHOWN_LINE: usize = 1000;

/// The length in bytes of the line containing `offset`.
fn line_len(db: &SourceDb, file: FileId, offset: usize) -> usize {
    let Some(text) = db.get(file).map(|f| f.text.as_bytes()) else { return 0 };
    let offset = offset.min(text.len());
    let start = text.get(..offset).and_then(|b| b.iter().rposition(|&c| c == b'\n')).map_or(0, |i| i + 1);
    let end = text.get(offset..).and_then(|b| b.iter().position(|&c| c == b'\n')).map_or(text.len(), |i| offset + i);
    end - start
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A position in JSON output: 1-based line and column (columns count characters).
#[derive(Debug, Serialize)]
pub struct JsonPos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

/// A label in JSON output.
#[derive(Debug, Serialize)]
pub struct JsonLabel {
    /// The file's display name.
    pub file: String,
    /// Start position.
    pub start: JsonPos,
    /// End position (exclusive).
    pub end: JsonPos,
    /// What the label says.
    pub message: String,
    /// Whether this is the primary label.
    pub primary: bool,
}

/// A diagnostic in JSON output. The structure is stable: fields are only ever added.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic {
    /// `E0201`.
    pub code: &'static str,
    /// `unknown-actor`.
    pub name: &'static str,
    /// `error` or `warning`.
    pub severity: Severity,
    /// The problem.
    pub message: String,
    /// The file of the primary label (or the file concerned), if any.
    pub file: Option<String>,
    /// Line of the primary label.
    pub line: Option<usize>,
    /// Column of the primary label.
    pub column: Option<usize>,
    /// Every label.
    pub labels: Vec<JsonLabel>,
    /// Hints.
    pub hints: Vec<String>,
}

/// The JSON document `--format json` prints.
#[derive(Debug, Serialize)]
pub struct JsonReport {
    /// Every diagnostic, sorted by file and position.
    pub diagnostics: Vec<JsonDiagnostic>,
    /// Counts.
    pub summary: Tally,
}

/// Converts `diagnostics` to the JSON structure.
pub fn to_json(db: &SourceDb, diagnostics: &[Diagnostic]) -> JsonReport {
    let name = |id: FileId| db.get(id).map(|f| f.name.clone()).unwrap_or_default();
    let pos = |id: FileId, off: usize| {
        let (line, column) = db.line_col(id, off);
        JsonPos { line, column }
    };
    let summary = Tally::of(diagnostics);
    let diagnostics = diagnostics
        .iter()
        .map(|d| {
            let info = d.code.info();
            let primary = d.primary();
            let (line, column) = primary.map(|l| db.line_col(l.file, l.span.start)).unzip();
            JsonDiagnostic {
                code: info.id,
                name: info.name,
                severity: info.severity,
                message: d.message.clone(),
                file: primary.map(|l| name(l.file)).or_else(|| d.path.clone()),
                line,
                column,
                labels: d
                    .labels
                    .iter()
                    .map(|l| JsonLabel {
                        file: name(l.file),
                        start: pos(l.file, l.span.start),
                        end: pos(l.file, l.span.end),
                        message: l.message.clone(),
                        primary: l.primary,
                    })
                    .collect(),
                hints: d.hints.clone(),
            }
        })
        .collect();
    JsonReport { diagnostics, summary }
}
