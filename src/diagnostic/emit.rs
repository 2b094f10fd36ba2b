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
        self.0.line_index(id, byte_index).ok_or(FilesError::FileMissing)
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<std::ops::Range<usize>, FilesError> {
        self.source(id)?;
        let max = self.0.line_count(id).saturating_sub(1);
        self.0.line_range(id, line_index).ok_or(FilesError::LineTooLarge { given: line_index, max })
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
        .with_message(printable(&d.message));
        let mut notes: Vec<String> = d.hints.iter().map(|h| format!("help: {}", printable(h))).collect();
        notes.push(format!("see `nordgov explain {}`", d.code));
        // A line that is very long, or holds control or bidirectional-override characters, is
        // not printed: it would flood the terminal or let a hostile file drive it. Say where.
        if let Some(why) = d.labels.iter().find_map(|l| unshowable(db, l.file, l.span.start)) {
            let at: Vec<String> = d
                .labels
                .iter()
                .map(|l| {
                    let (line, col) = db.line_col(l.file, l.span.start);
                    let name = db.get(l.file).map_or("", |f| f.name.as_str());
                    format!("{}:{line}:{col}", printable(name))
                })
                .collect();
            cd = cd.with_message(format!("{} (at {}; {why})", printable(&d.message), at.join(", ")));
            cd = cd.with_notes(notes);
            term::emit_to_write_style(out, &config, &files, &cd).map_err(std::io::Error::other)?;
            continue;
        }
        cd = cd.with_labels(
            d.labels
                .iter()
                .map(|l| {
                    let style = if l.primary { cs::LabelStyle::Primary } else { cs::LabelStyle::Secondary };
                    cs::Label::new(style, l.file, l.span.clone()).with_message(printable(&l.message))
                })
                .collect(),
        );
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

/// Why the line containing `offset` must not be printed, if it must not.
fn unshowable(db: &SourceDb, file: FileId, offset: usize) -> Option<&'static str> {
    let text = db.get(file)?.text.as_str();
    let range = db.line_range(file, db.line_index(file, offset)?)?;
    let line = text.get(range).unwrap_or("");
    let line = line.strip_suffix('\n').unwrap_or(line);
    if line.len() > MAX_SHOWN_LINE {
        Some("the line is too long to show")
    } else if line.chars().any(is_unsafe_char) {
        Some("the line holds control characters and is not shown")
    } else {
        None
    }
}

/// Characters that must not reach a terminal raw: C0/C1 controls (but tab) and the Unicode
/// bidirectional overrides and isolates, which can make a line read differently than it is.
fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\r') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` with unsafe characters written as escapes (`\u{1b}`), for messages that quote input.
pub fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_unsafe_char(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
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
