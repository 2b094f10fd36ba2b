//! Validation: the raw files of one model to a [`Country`], as a sequence of named passes.
//!
//! Per file, in the model's file order ([`Validation::add`]):
//! 1. [`declarations`]: the file's country, documents, levels and actor ids;
//! 2. [`facts`] (with [`actors`] and [`provenance`]): every item is converted, checking
//!    vocabulary terms, ids, references, levels, dates and provenance. A reference to a name no
//!    file read so far declares is checked again at the end, so references resolve whatever file
//!    order the author chose.
//!
//! When every file is in ([`Validation::finish`]):
//! 3. [`deferred`]: the references that waited, and repeated relations;
//! 4. [`hierarchy`]: cycles in parent / reports_to / owned_by / part_of;
//! 5. [`coverage`]: warnings about orphan actors, missing names, empty role cells and relations
//!    that repeat a parent link.
//!
//! Every pass reports all it finds; a [`Country`] is returned only when no error was found, so a
//! broken model never reaches a later stage half-read. The checks of single values (terms,
//! dates, names, ids) are [`super::check`]'s, shared with scenario files.

mod actors;
mod coverage;
mod declarations;
mod deferred;
mod facts;
mod hierarchy;
mod provenance;

pub use coverage::check_as_of;
pub use hierarchy::hierarchy_cycles;

use std::collections::BTreeMap;

// Fx hashing: the keys are ids from the model, and SipHash was the largest single cost of
// validating a 100k-actor model (lookups only; nothing is iterated into output).
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use compact_str::CompactString;

use super::check::Check;
use super::raw::RawFile;
use crate::diagnostic::{Code, Diagnostic, FileId, Severity};
use crate::model::*;

/// One parsed file with the id diagnostics use for it.
#[derive(Debug, Clone)]
pub struct ParsedFile {
    /// The file's id in the [`crate::diagnostic::SourceDb`].
    pub file: FileId,
    /// What it holds.
    pub raw: RawFile,
}

/// Validates the parsed files of one model (named `model` in messages) into a [`Country`].
pub fn validate(model: &str, files: Vec<ParsedFile>) -> (Option<Country>, Vec<Diagnostic>) {
    let mut v = Validation::default();
    for f in files {
        v.add(f);
    }
    v.finish(model)
}

/// Validation fed one file at a time, in the model's file order, so a large model never holds
/// all of its parsed files at once: each file's declarations and facts go into the model as it
/// arrives and its parsed form is dropped. A reference to something a later file declares (an
/// actor, a document, a level) is checked again when every file is in, so the result and the
/// diagnostics do not depend on the file order.
#[derive(Default)]
pub struct Validation {
    v: Validator,
    c: Country,
}

impl Validation {
    /// Validates the next file of the model.
    pub fn add(&mut self, f: ParsedFile) {
        self.v.declare(f.file, &f.raw, &mut self.c);
        self.v.facts(f.file, &f.raw, &mut self.c);
    }

    /// Runs the checks that need the whole model; returns the country when no error was found.
    pub fn finish(self, model: &str) -> (Option<Country>, Vec<Diagnostic>) {
        let Self { mut v, mut c } = self;
        if v.country_origin.is_none() {
            v.push(
                Diagnostic::new(Code::E0301, format!("model `{model}` has no [country] table"))
                    .with_path(model.to_string())
                    .hint("add [country] with code, name and languages to one of the model's files"),
            );
        }
        v.deferred(&mut c);
        for (level, p) in std::mem::take(&mut v.periods) {
            if let Some(l) = c.levels.get_mut(&level) {
                l.periods.push(p);
            }
        }
        for l in c.levels.values_mut() {
            l.periods.sort_by_key(|p| p.validity.from.map(|d| d.first_day()));
        }
        let origins = sort_country(&mut c, std::mem::take(&mut v.relation_origins));
        v.duplicate_relations(&mut c, origins);
        v.hierarchy(&c);
        v.coverage(&c);
        let ok = v.country_origin.is_some() && !v.diags.iter().any(|d| d.severity() == Severity::Error);
        (ok.then_some(c), v.diags)
    }
}

/// Sorts every collection by its stable key, so output does not depend on file order. The
/// relations keep where each was stated (`origins`, in the order they were pushed); returns
/// those in the sorted order. The sort is stable, so repeated relations stay in file order.
fn sort_country(c: &mut Country, origins: Vec<Origin>) -> Vec<Origin> {
    let mut rel: Vec<(Relation, Origin)> = std::mem::take(&mut c.relations).into_iter().zip(origins).collect();
    rel.sort_by(|(a, _), (b, _)| crate::model::Canonical::canonical_cmp(a, b));
    let (relations, origins) = rel.into_iter().unzip();
    c.relations = relations;
    c.normalize();
    origins
}

/// Where something was first defined, for "first defined here" labels.
type Origin = (FileId, Range<usize>);

/// A check that waits for every file: the name was not declared by the files read so far.
enum Deferred {
    Actor(FileId, Range<usize>, ActorId),
    Document(FileId, Range<usize>, CompactString),
    Level(FileId, Range<usize>, Level),
}

#[derive(Default)]
struct Validator {
    diags: Vec<Diagnostic>,
    /// Where the [country] table that counts is.
    country_origin: Option<Origin>,
    /// Document id -> where it is defined.
    documents: BTreeMap<String, Origin>,
    /// Actor id -> where it is defined. The lookup tables are hash maps: nothing is output in
    /// their order (suggestions break ties by name, diagnostics are sorted).
    actor_ids: HashMap<ActorId, Origin>,
    /// Lowercased abbreviation -> actor id, so `DIGST` can suggest `digst`.
    abbreviations: HashMap<String, ActorId>,
    levels: BTreeMap<Level, bool>,
    level_origin: BTreeMap<Level, Origin>,
    /// Where each relation in the model was stated, in the order they were pushed.
    relation_origins: Vec<Origin>,
    /// References to names no file read so far declares.
    deferred: Vec<Deferred>,
    /// Level periods, attached to their levels when every file is in.
    periods: Vec<(Level, LevelPeriod)>,
}

impl Validator {
    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// The shared value checks, reporting into this validation's diagnostics.
    fn ck(&mut self, file: FileId) -> Check<'_> {
        Check { file, diags: &mut self.diags }
    }
}

/// E0202: `what` is `verb` (defined, described) a second time at `again`, first at `first`.
fn twice(what: String, verb: &str, again: Origin, first: &Origin) -> Diagnostic {
    Diagnostic::new(Code::E0202, format!("{what} is {verb} twice"))
        .at(again.0, again.1, format!("{verb} again here"))
        .also(first.0, first.1.clone(), format!("first {verb} here"))
}

/// The first line of a table's span, so a label underlines the header, not the whole table.
fn header_span(span: Range<usize>) -> Range<usize> {
    span.start..span.start
}

/// What the passes' tests share: a valid base model, and a model's findings in a form a test can
/// compare (code and the `file:line:column` of every label).
#[cfg(test)]
mod test_support {
    /// A minimal valid model without findings: one level, every role cell filled, the actors
    /// `regjeringen` and `digst` (abbreviated DIGST), the document `nordic2017`.
    pub const BASE: &str = include_str!("../../../tests/fixtures/invalid/E0303_missing_level/base.toml");

    /// Loads [`BASE`] with `extra` as a second file, `extra.toml`; returns each finding as
    /// `CODE file:line:col[ file:line:col...]` (every label, primary first), in report order.
    pub fn findings(extra: &str) -> Vec<String> {
        let (_, diags, db) = crate::load::load_str("m", &[("base.toml", BASE), ("extra.toml", extra)]);
        diags
            .iter()
            .map(|d| {
                let mut s = d.code.as_str().to_string();
                for l in &d.labels {
                    let (line, col) = db.line_col(l.file, l.span.start);
                    let name = db.get(l.file).map_or("?", |f| f.name.as_str());
                    s.push_str(&format!(" {name}:{line}:{col}"));
                }
                s
            })
            .collect()
    }

    /// An `[[actor]]` item as the tests write it: `id`, `name` (an inline table), kind agency,
    /// `level`, then the `more` lines (each ending in a newline), then source and confidence.
    pub fn actor(id: &str, name: &str, level: &str, more: &str) -> String {
        format!(
            "[[actor]]\nid = \"{id}\"\nname = {name}\nkind = \"agency\"\nlevel = \"{level}\"\n{more}source = \"nordic2017:1\"\nconfidence = \"high\"\n"
        )
    }

    /// A `[[relation]]` item with a source and a confidence.
    pub fn relation(from: &str, kind: &str, to: &str) -> String {
        format!(
            "[[relation]]\nfrom = \"{from}\"\ntype = \"{kind}\"\nto = \"{to}\"\nsource = \"nordic2017:1\"\nconfidence = \"high\"\n"
        )
    }

    /// The findings of [`findings`] whose code starts with `prefix` (`"E03"`, `"W0406"`).
    pub fn only(extra: &str, prefix: &str) -> Vec<String> {
        findings(extra).into_iter().filter(|f| f.starts_with(prefix)).collect()
    }
}
