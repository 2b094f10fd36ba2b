//! nordgov's diagnostics as LSP diagnostics: the code, severity and message as `nordgov
//! validate` reports them, the hints as `help:` lines under the message (as the terminal shows
//! them), every label as related information, and the code's name and hints again as `data`,
//! so the quick fix reads the "did you mean" from there instead of parsing text.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use lsp_types::{DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Url};

use super::state::Doc;
use crate::diagnostic::{Diagnostic, FileId, Severity};

/// Diagnostics to publish, by file (an empty list clears a file's).
#[derive(Debug, Default)]
pub struct Published {
    /// Diagnostics by file.
    pub files: BTreeMap<PathBuf, Vec<lsp_types::Diagnostic>>,
}

/// What a published diagnostic carries in `data`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Data {
    /// The code's name (`unknown-actor`).
    pub name: String,
    /// The hints.
    pub hints: Vec<String>,
}

/// Adds `d` to `out`, at the file of its primary label; `doc_of` finds a
/// file's path and text. A diagnostic without a span goes to the file it names, else to the
/// start of `fallback`'s first line.
pub fn add<'a>(
    out: &mut Published,
    d: &Diagnostic,
    doc_of: impl Fn(FileId) -> Option<(&'a Path, &'a Doc)>,
    fallback: &'a BTreeMap<PathBuf, Doc>,
) {
    let named = || {
        let p = d.path.as_deref().map(Path::new)?;
        fallback.get_key_value(p).map(|(p, doc)| (p.as_path(), doc))
    };
    let first = || {
        fallback
            .get_key_value(&fallback.keys().find(|p| p.ends_with("country.toml")).cloned().unwrap_or_default())
            .or_else(|| fallback.iter().next())
            .map(|(p, doc)| (p.as_path(), doc))
    };
    let (path, range) = match d.primary().and_then(|l| doc_of(l.file).map(|x| (x, l))) {
        Some(((p, doc), l)) => (p, doc.lines.range(&doc.text, &l.span)),
        None => match named().or_else(first) {
            Some((p, _)) => (p, lsp_types::Range::default()),
            None => return,
        },
    };
    let related: Vec<DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .filter(|l| !l.message.is_empty())
        .filter_map(|l| {
            let (p, doc) = doc_of(l.file)?;
            Some(DiagnosticRelatedInformation {
                location: Location { uri: Url::from_file_path(p).ok()?, range: doc.lines.range(&doc.text, &l.span) },
                message: l.message.clone(),
            })
        })
        .collect();
    out.files.entry(path.to_path_buf()).or_default().push(to_lsp(d, range, related));
}

/// Adds `d`, whose labels all point into the one file `path`.
pub fn add_single(out: &mut Published, d: &Diagnostic, path: &Path, doc: &Doc) {
    let one = BTreeMap::from([(path.to_path_buf(), doc.clone())]);
    add(out, d, |_| Some((path, doc)), &one);
}

/// The LSP form of `d` at `range`.
fn to_lsp(
    d: &Diagnostic,
    range: lsp_types::Range,
    related: Vec<DiagnosticRelatedInformation>,
) -> lsp_types::Diagnostic {
    let info = d.code.info();
    let mut message = d.message.clone();
    for h in &d.hints {
        message.push_str("\nhelp: ");
        message.push_str(h);
    }
    lsp_types::Diagnostic {
        range,
        severity: Some(match d.severity() {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(info.id.to_string())),
        code_description: None,
        source: Some("nordgov".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: serde_json::to_value(Data { name: info.name.to_string(), hints: d.hints.clone() }).ok(),
    }
}
