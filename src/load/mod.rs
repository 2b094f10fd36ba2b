//! Loading: model text to a validated [`Country`].
//!
//! Two stages, kept apart so each can be tested on text held in memory:
//! [`parse`] reads one file's text into a [`raw::RawFile`] (syntax and schema), and [`validate`]
//! merges the raw files of one model directory into a [`Country`] (meaning). Neither touches
//! the disk; [`crate::workspace`] reads files and hands their text over.

mod parse;
pub mod raw;
mod validate;

pub use parse::parse;
pub use validate::{check_as_of, hierarchy_cycles, lookup_term, validate, ParsedFile};

use crate::diagnostic::{Diagnostic, FileId, SourceDb};
use crate::model::Country;

/// Safety limits on input, so a hostile or broken file gives an error instead of exhausting
/// memory or time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest model file read, in bytes.
    pub max_file_bytes: u64,
    /// Longest text value, in bytes.
    pub max_text_len: usize,
    /// Most files in one model directory.
    pub max_files: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self { max_file_bytes: 64 * 1024 * 1024, max_text_len: 64 * 1024, max_files: 10_000 }
    }
}

/// Parses and validates the files `files` of one model (held in `db`), named `model` in
/// messages. Returns the country only if no error was found, and every diagnostic sorted by
/// file and position.
pub fn load(model: &str, db: &SourceDb, files: &[FileId], limits: &Limits) -> (Option<Country>, Vec<Diagnostic>) {
    use rayon::prelude::*;
    let mut diags = Vec::new();
    // Files parse independently, so in parallel (a large model's actors and relations files
    // are each tens of megabytes); the results keep the files' order.
    let results: Vec<(ParsedFile, Vec<Diagnostic>)> = files
        .par_iter()
        .filter_map(|&file| {
            let src = db.get(file)?;
            let (raw, d) = parse(file, &src.text, limits);
            Some((ParsedFile { file, raw }, d))
        })
        .collect();
    let mut parsed = Vec::with_capacity(results.len());
    for (p, d) in results {
        diags.extend(d);
        parsed.push(p);
    }
    let (country, d) = validate(model, parsed);
    diags.extend(d);
    crate::diagnostic::sort(&mut diags);
    let has_error = diags.iter().any(|d| d.severity() == crate::diagnostic::Severity::Error);
    (country.filter(|_| !has_error), diags)
}

/// Loads a model from text held in memory: `(file name, text)` pairs. A convenience for tests,
/// examples and library users who keep models outside the file system.
pub fn load_str(model: &str, files: &[(&str, &str)]) -> (Option<Country>, Vec<Diagnostic>, SourceDb) {
    let mut db = SourceDb::new();
    let ids: Vec<FileId> = files.iter().map(|(name, text)| db.add(*name, *text)).collect();
    let (c, d) = load(model, &db, &ids, &Limits::default());
    (c, d, db)
}
