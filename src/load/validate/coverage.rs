//! Pass 5, **coverage**: warnings about what a valid model leaves out: actors that take part in
//! nothing (W0401), empty role cells (W0402, also on a dated view with [`check_as_of`]),
//! missing names (W0405) and relations that repeat a parent link (W0406).

use chrono::NaiveDate;
use rustc_hash::FxHashSet as HashSet;

use super::Validator;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::*;

impl Validator {
    /// The warnings about a model with no errors left: see the module documentation.
    pub(super) fn coverage(&mut self, c: &Country) {
        let mut used: HashSet<&ActorId> = HashSet::default();
        for (from, _, to) in c.edges() {
            used.insert(from);
            used.insert(to);
        }
        for r in &c.roles {
            used.extend(r.holders.iter().map(|h| &h.actor));
        }
        for s in &c.strategies {
            used.extend(s.primary_actors.iter());
        }
        for s in &c.steering {
            used.insert(&s.actor);
            for cell in &s.cells {
                used.extend(cell.targets.iter());
            }
        }
        used.extend(c.resources.iter().map(|r| &r.actor));
        // Names are checked here, not as each actor is read, because the native language is
        // known only once the [country] table is, whichever file holds it.
        let wanted: Vec<Lang> = std::iter::once(Lang::En).chain(c.languages.first().copied()).collect();
        for (id, a) in &c.actors {
            let missing: Vec<&str> = wanted.iter().filter(|l| a.name.get(**l).is_none()).map(|l| l.key()).collect();
            if let (false, Some((f, s))) = (missing.is_empty(), self.actor_ids.get(id)) {
                let d = Diagnostic::new(Code::W0405, format!("actor `{id}` has no name in {}", missing.join(" or ")))
                    .at(*f, s.clone(), "this actor")
                    .hint(format!("add name = {{ {} = \"...\" }}", missing.join(" = \"...\", ")));
                self.push(d);
            }
        }
        for id in c.actors.keys() {
            if !used.contains(id) {
                if let Some((f, s)) = self.actor_ids.get(id) {
                    let (f, s) = (*f, s.clone());
                    self.push(
                        Diagnostic::new(Code::W0401, format!("actor `{id}` takes part in nothing"))
                            .at(f, s, "in no role cell, relation, steering, strategy or resource")
                            .hint("add the facts that connect it, or remove it"),
                    );
                }
            }
        }
        // Walk the sorted relations, not the hash map, so the order is stable.
        for (r, (f, span)) in c.relations.iter().zip(&self.relation_origins) {
            let repeats_parent = c
                .actors
                .get(&r.from)
                .and_then(|a| a.parent.as_ref())
                .is_some_and(|p| p.id == r.to && p.relation == r.kind);
            if repeats_parent {
                let d = Diagnostic::new(
                    Code::W0406,
                    format!("relation `{} {} {}` repeats the actor's parent link", r.from, r.kind, r.to),
                )
                .at(*f, span.clone(), "already stated by `parent`");
                self.diags.push(d);
            }
        }
        for (level, role) in c.empty_role_cells() {
            if let Some((f, s)) = self.level_origin.get(&level) {
                let (f, s) = (*f, s.clone());
                self.push(
                    Diagnostic::new(Code::W0402, format!("role cell {level} x {role} is empty"))
                        .at(f, s, "this level has no holder for the role")
                        .hint(format!(
                            "add [[role]] with level = \"{level}\", role = \"{role}\" and the actors that hold it"
                        )),
                );
            }
        }
    }
}

/// Checks the model as it stood on `date` (`c` is already the dated view): a role cell left
/// empty on that date is a gap in the dating (an actor ended with no successor entered), reported
/// as W0402 for the model named `model`.
pub fn check_as_of(model: &str, c: &Country, date: NaiveDate) -> Vec<Diagnostic> {
    c.empty_role_cells()
        .into_iter()
        .map(|(level, role)| {
            Diagnostic::new(Code::W0402, format!("role cell {level} x {role} of `{model}` is empty on {date}"))
                .with_path(model.to_string())
                .hint("an actor that held the cell ended without a successor entry; add a dated [[role]] entry")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{actor, findings, relation};

    #[test]
    fn gaps_in_a_valid_model_are_warnings() {
        let level = r#"[levels.local]
description = "Municipalities"
source = "nordic2017:1"
confidence = "high"
"#;
        let extra = format!(
            "{level}\n{}\n{}\n{}",
            actor("lonely", "{ en = \"Lonely\" }", "national", ""),
            actor("unit", "{ en = \"Unit\", da = \"Enhed\" }", "national", "parent = \"digst\"\n"),
            relation("unit", "reports_to", "digst")
        );
        assert_eq!(
            findings(&extra),
            vec![
                "W0402 extra.toml:1:9",
                "W0402 extra.toml:1:9",
                "W0402 extra.toml:1:9",
                "W0402 extra.toml:1:9",
                "W0402 extra.toml:1:9",
                "W0401 extra.toml:7:6",
                "W0405 extra.toml:7:6",
                "W0406 extra.toml:24:8"
            ]
        );
    }
}
