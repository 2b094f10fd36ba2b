//! Loading: model text to a validated [`Country`].
//!
//! Two stages, kept apart so each can be tested on text held in memory:
//! [`parse`] reads one file's text into a [`raw::RawFile`] (syntax and schema), and [`validate`]
//! merges the raw files of one model directory into a [`Country`] (meaning). Neither touches
//! the disk; [`crate::files::workspace`] reads files and hands their text over. The checks of
//! single values, and the reading of TOML errors, are in [`check`], which scenario files share.

pub mod check;
mod parse;
pub mod raw;
mod validate;

pub use check::{lookup_term, parse_month};
pub use parse::parse;
pub use validate::{check_as_of, hierarchy_cycles, validate, ParsedFile, Validation};

use crate::diagnostic::{Code, Diagnostic, FileId, SourceDb};
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
    /// Most actors in one model.
    pub max_actors: usize,
    /// Most operations in one scenario.
    pub max_ops: usize,
}

impl Default for Limits {
    fn default() -> Self {
        // One million actors is the largest model benchmarked (about 11 s and 2.2 GB to
        // load); ten thousand operations is far beyond any hand-written scenario.
        Self {
            max_file_bytes: 64 * 1024 * 1024,
            max_text_len: 64 * 1024,
            max_files: 10_000,
            max_actors: 1_000_000,
            max_ops: 10_000,
        }
    }
}

/// Parses and validates the files `files` of one model (held in `db`), named `model` in
/// messages. Returns the country only if no error was found, and every diagnostic sorted by
/// file and position.
pub fn load(model: &str, db: &SourceDb, files: &[FileId], limits: &Limits) -> (Option<Country>, Vec<Diagnostic>) {
    use rayon::prelude::*;
    let parse_group = |group: &[FileId]| -> Vec<(ParsedFile, Vec<Diagnostic>)> {
        group
            .par_iter()
            .filter_map(|&file| {
                let src = db.get(file)?;
                let (raw, d) = parse(file, &src.text, limits);
                Some((ParsedFile { file, raw }, d))
            })
            .collect()
    };
    // Files parse in parallel a few at a time while the group before is validated, in file
    // order: a large model's files (up to 10,000 items each) never all wait in parsed form,
    // which costs several times the text's size.
    let mut diags = Vec::new();
    let mut validation = Validation::default();
    let mut actors = 0usize;
    let mut over: Option<Diagnostic> = None;
    let mut groups = files.chunks(rayon::current_num_threads().max(1));
    let mut ready = groups.next().map(parse_group).unwrap_or_default();
    loop {
        let next = groups.next();
        let current = std::mem::take(&mut ready);
        let add = || {
            for (p, d) in current {
                diags.extend(d);
                actors += p.raw.actor.len();
                if actors > limits.max_actors {
                    over = Some(too_many_actors(model, &p, actors - p.raw.actor.len(), limits.max_actors));
                    return;
                }
                validation.add(p);
            }
        };
        let ((), parsed) = rayon::join(add, || next.map(parse_group));
        if let Some(d) = over {
            // The rest is not read: a model this size is refused, not half-validated.
            diags.push(d);
            crate::diagnostic::sort(&mut diags);
            return (None, diags);
        }
        match parsed {
            Some(p) => ready = p,
            None => break,
        }
    }
    let (country, d) = validation.finish(model);
    diags.extend(d);
    crate::diagnostic::sort(&mut diags);
    let has_error = diags.iter().any(|d| d.severity() == crate::diagnostic::Severity::Error);
    (country.filter(|_| !has_error), diags)
}

/// E0108 at the first actor of `p` beyond the limit (`before`: the actors of earlier files).
fn too_many_actors(model: &str, p: &ParsedFile, before: usize, max: usize) -> Diagnostic {
    let d = Diagnostic::new(Code::E0108, format!("model `{model}` has more than {max} actors"))
        .hint("raise the limit with --max-actors if the model is genuine");
    match p.raw.actor.get(max.saturating_sub(before)) {
        Some(a) => d.at(p.file, a.get().id.span(), "this actor is over the limit"),
        None => d.with_path(model.to_string()),
    }
}

/// Loads a model from text held in memory: `(file name, text)` pairs. A convenience for tests,
/// examples and library users who keep models outside the file system.
pub fn load_str(model: &str, files: &[(&str, &str)]) -> (Option<Country>, Vec<Diagnostic>, SourceDb) {
    let mut db = SourceDb::new();
    let ids: Vec<FileId> = files.iter().map(|(name, text)| db.add(*name, *text)).collect();
    let (c, d) = load(model, &db, &ids, &Limits::default());
    (c, d, db)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = include_str!("../../tests/fixtures/invalid/E0303_missing_level/base.toml");

    /// A file that refers to what only `base.toml` declares (actors, the document, the level),
    /// plus, when `broken`, an unknown actor, document and level.
    fn early(broken: bool) -> String {
        let mut s = String::from(
            "[[actor]]\nid = \"aaa\"\nname = { en = \"A\", da = \"A\" }\nkind = \"agency\"\nlevel = \"national\"\n\
             parent = \"digst\"\nsource = \"nordic2017:1\"\nconfidence = \"high\"\n\n\
             [[relation]]\nfrom = \"aaa\"\ntype = \"advises\"\nto = \"regjeringen\"\nsource = \"nordic2017:2\"\nconfidence = \"high\"\n",
        );
        if broken {
            s.push_str(
                "\n[[relation]]\nfrom = \"aaa\"\ntype = \"advises\"\nto = \"DIGST\"\nsource = \"nordic2071:3\"\nconfidence = \"high\"\n\n\
                 [[actor]]\nid = \"bbb\"\nname = { en = \"B\", da = \"B\" }\nkind = \"agency\"\nlevel = \"local\"\n\
                 source = \"nordic2017:4\"\nconfidence = \"high\"\n",
            );
        }
        s
    }

    /// Loads the files in the given order; returns the country and each diagnostic as
    /// (code, message, hints, file name and span of every label), sorted.
    fn run(files: &[(&str, &str)]) -> (Option<Country>, Vec<String>) {
        let (c, diags, db) = load_str("m", files);
        let mut out: Vec<String> = diags
            .iter()
            .map(|d| {
                let labels: Vec<String> = d
                    .labels
                    .iter()
                    .map(|l| format!("{}@{:?}:{}", db.get(l.file).map_or("?", |f| f.name.as_str()), l.span, l.message))
                    .collect();
                format!("{} {} {:?} {labels:?}", d.code.as_str(), d.message, d.hints)
            })
            .collect();
        out.sort();
        (c, out)
    }

    #[test]
    fn file_order_does_not_change_the_model_or_the_diagnostics() {
        for broken in [false, true] {
            let e = early(broken);
            let (c1, d1) = run(&[("a.toml", e.as_str()), ("base.toml", BASE)]);
            let (c2, d2) = run(&[("base.toml", BASE), ("a.toml", e.as_str())]);
            assert_eq!(d1, d2, "broken = {broken}");
            assert_eq!(c1, c2);
            assert_eq!(c1.is_some(), !broken, "{d1:#?}");
            if broken {
                let codes: Vec<&str> = d1.iter().map(|d| &d[..5]).collect();
                for code in ["E0201", "E0203", "E0303"] {
                    assert!(codes.contains(&code), "{code} missing from {d1:#?}");
                }
                assert!(d1.iter().any(|d| d.contains("did you mean `digst`")), "{d1:#?}");
            }
        }
    }
}
