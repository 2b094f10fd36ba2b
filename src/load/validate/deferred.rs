//! Pass 3, **deferred references**: a reference to an actor, a document or a level that no file
//! read so far declares waits until every file is in, so the model and its diagnostics do not
//! depend on the order of its files. Also the repeated relations (W0406), found once the
//! relations are sorted.

use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;

use super::{Deferred, Origin, Validator};
use crate::diagnostic::{suggestion_hint, Code, Diagnostic, FileId};
use crate::load::raw::*;
use crate::model::*;

impl Validator {
    /// An actor reference; one to an id no file read so far declares is checked again at the
    /// end (E0201).
    pub(super) fn actor_ref(&mut self, file: FileId, s: &SpStr) -> Option<ActorId> {
        let id = ActorId::new(s.get());
        if !self.actor_ids.contains_key(&id) {
            self.deferred.push(Deferred::Actor(file, s.span(), id.clone()));
        }
        Some(id)
    }

    /// A level term that must also be one the country has. Whether it has it is known only
    /// when every file is in, so the check is deferred unless the level is already declared
    /// present; a level declared absent keeps the fact out at once.
    pub(super) fn level(&mut self, file: FileId, s: &SpStr) -> Option<Level> {
        let l = self.ck(file).level(s)?;
        let present = self.levels.get(&l).copied();
        if present != Some(true) {
            self.deferred.push(Deferred::Level(file, s.span(), l));
        }
        (present != Some(false)).then_some(l)
    }

    /// Checks the deferred references now that every file is declared, and drops from the
    /// model what a failed one would have kept out had it been reported at once (so the later
    /// passes see the same model whatever the file order).
    pub(super) fn deferred(&mut self, c: &mut Country) {
        let mut unknown_actors: HashSet<ActorId> = HashSet::default();
        let mut bad_level = false;
        for d in std::mem::take(&mut self.deferred) {
            match d {
                Deferred::Actor(file, span, id) if !self.actor_ids.contains_key(&id) => {
                    self.unknown_actor(file, span, id.as_str());
                    unknown_actors.insert(id);
                }
                Deferred::Document(file, span, doc) if !self.documents.contains_key(doc.as_str()) => {
                    self.unknown_document(file, span, &doc);
                }
                Deferred::Level(file, span, level) if self.levels.get(&level) != Some(&true) => {
                    self.level_error(file, span, level);
                    bad_level = true;
                }
                _ => {}
            }
        }
        if !unknown_actors.is_empty() {
            let known = |id: &ActorId| !unknown_actors.contains(id);
            let origins = std::mem::take(&mut self.relation_origins);
            (c.relations, self.relation_origins) = std::mem::take(&mut c.relations)
                .into_iter()
                .zip(origins)
                .filter(|(r, _)| known(&r.from) && known(&r.to))
                .unzip();
            for a in c.actors.values_mut() {
                a.parent = a.parent.take().filter(|p| known(&p.id));
            }
            for r in &mut c.roles {
                r.holders.retain(|h| known(&h.actor));
            }
            for s in &mut c.strategies {
                s.primary_actors.retain(known);
            }
            c.steering.retain(|s| known(&s.actor));
            for cell in c.steering.iter_mut().flat_map(|s| s.cells.iter_mut()) {
                cell.targets.retain(known);
            }
            c.resources.retain(|r| known(&r.actor));
        }
        if bad_level {
            let present = |l: &Level| self.levels.get(l) == Some(&true);
            c.actors.retain(|_, a| present(&a.level));
            c.roles.retain(|r| present(&r.level));
            c.strategies.retain(|s| present(&s.level));
            for cell in c.steering.iter_mut().flat_map(|s| s.cells.iter_mut()) {
                cell.target_levels.retain(present);
            }
        }
    }

    /// Reports E0201 with a suggestion: the abbreviation's actor, else the closest id.
    pub(super) fn unknown_actor(&mut self, file: FileId, span: Range<usize>, id: &str) {
        let hint = self
            .abbreviations
            .get(&id.to_lowercase())
            .map(|a| format!("did you mean `{a}`? (`{id}` is its abbreviation; references use ids)"))
            .or_else(|| suggestion_hint(id, self.actor_ids.keys().map(ActorId::as_str)));
        self.push(
            Diagnostic::new(Code::E0201, format!("unknown actor `{id}`"))
                .at(file, span, "no actor has this id")
                .maybe_hint(hint),
        );
    }

    /// Reports E0203 with the closest document id.
    pub(super) fn unknown_document(&mut self, file: FileId, span: Range<usize>, doc: &str) {
        let hint = suggestion_hint(doc, self.documents.keys().map(String::as_str));
        self.push(
            Diagnostic::new(Code::E0203, format!("unknown document `{doc}`"))
                .at(file, span, "not declared under [documents]")
                .maybe_hint(hint),
        );
    }

    pub(super) fn level_error(&mut self, file: FileId, span: Range<usize>, l: Level) {
        let have: Vec<&str> = self.levels.iter().filter(|(_, p)| **p).map(|(l, _)| l.key()).collect();
        let why =
            if self.levels.contains_key(&l) { "is marked as not present" } else { "is not described under [levels]" };
        let mut d = Diagnostic::new(Code::E0303, format!("level `{l}` {why} in this country"))
            .at(file, span, "placed at a level the country does not have")
            .hint(format!("the country's levels are: {}", have.join(", ")));
        if let Some((lf, ls)) = self.level_origin.get(&l) {
            d = d.also(*lf, ls.clone(), "the level is described here");
        }
        self.push(d);
    }

    /// Drops repeated relations from the sorted model (`origins` aligned with
    /// `c.relations`), warning at each repetition, and keeps the origins of the rest.
    pub(super) fn duplicate_relations(&mut self, c: &mut Country, origins: Vec<Origin>) {
        let mut kept: Vec<(Relation, Origin)> = Vec::with_capacity(c.relations.len());
        for (rel, (file, span)) in std::mem::take(&mut c.relations).into_iter().zip(origins) {
            if let Some((first, (pf, ps))) = kept.last() {
                if (&first.from, first.kind, &first.to) == (&rel.from, rel.kind, &rel.to) {
                    let d = Diagnostic::new(
                        Code::W0406,
                        format!("relation `{} {} {}` is stated twice", rel.from, rel.kind, rel.to),
                    )
                    .at(file, span, "stated again here")
                    .also(*pf, ps.clone(), "first stated here")
                    .hint("keep one statement and list both sources on it");
                    self.push(d);
                    continue;
                }
            }
            kept.push((rel, (file, span)));
        }
        (c.relations, self.relation_origins) = kept.into_iter().unzip();
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{findings, only};

    #[test]
    fn unknown_names_are_reported_where_they_are_used() {
        let extra = r#"[[relation]]
from = "DIGST"
type = "advises"
to = "regjeringen"
source = "nordic2071:3"
confidence = "high"

[[actor]]
id = "bbb"
name = { en = "B", da = "B" }
kind = "agency"
level = "local"
parent = "digts"
source = "nordic2017:4"
confidence = "high"
"#;
        assert_eq!(
            findings(extra),
            vec!["E0201 extra.toml:2:8", "E0203 extra.toml:5:10", "E0303 extra.toml:12:9", "E0201 extra.toml:13:10"]
        );
    }

    #[test]
    fn a_relation_stated_twice_is_a_warning_at_the_second() {
        let rel = "[[relation]]\nfrom = \"digst\"\ntype = \"advises\"\nto = \"regjeringen\"\nsource = \"nordic2017:1\"\nconfidence = \"high\"\n";
        assert_eq!(only(&format!("{rel}\n{rel}"), "W"), vec!["W0406 extra.toml:9:8 extra.toml:2:8"]);
    }
}
