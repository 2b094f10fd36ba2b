//! Pass 2, **facts**: every item of one file converted into the model, its vocabulary terms,
//! references, levels, dates and provenance checked on the way. Actors and their relations are
//! in [`super::actors`]; the values facts share (provenance, validity, attributes) in
//! [`super::provenance`].

use std::collections::BTreeMap;
use std::ops::Range;

use super::Validator;
use crate::diagnostic::{suggestion_hint, Code, Diagnostic, FileId};
use crate::load::raw::*;
use crate::model::*;

impl Validator {
    /// Converts every item of one file into `c`, reporting what does not check.
    pub(super) fn facts(&mut self, file: FileId, raw: &RawFile, c: &mut Country) {
        for (key, level) in &raw.levels {
            let Some(l) = Level::from_key(key.get()) else { continue };
            if self.level_origin.get(&l) != Some(&(file, key.span())) {
                continue;
            }
            let r = level.get();
            c.levels.insert(
                l,
                LevelInfo {
                    level: l,
                    present: r.present.unwrap_or(true),
                    description: r.description.clone(),
                    units: r.units,
                    unit_name: r.unit_name.clone(),
                    character: r.character.as_ref().and_then(|a| self.attribute(file, a)),
                    provenance: self.provenance(file, r, key.span()),
                    periods: Vec::new(),
                },
            );
        }
        for p in &raw.level_period {
            let r = p.get();
            let Some(level) = self.level(file, &r.level) else { continue };
            let validity = self.validity(file, r);
            if validity.is_always() {
                self.push(
                    Diagnostic::new(Code::E0104, "a level period needs `valid_from` or `valid_to`")
                        .at(file, r.level.span(), "this period")
                        .hint("give the dates the period's facts held, e.g. valid_from = 2020-01-01"),
                );
            }
            let period = LevelPeriod {
                validity,
                description: r.description.clone(),
                units: r.units,
                unit_name: r.unit_name.clone(),
                character: r.character.as_ref().and_then(|a| self.attribute(file, a)),
                provenance: self.provenance(file, r, r.level.span()),
            };
            self.periods.push((level, period));
        }
        for a in &raw.actor {
            self.actor(file, a, c);
        }
        for r in &raw.relation {
            let rr = r.get();
            let from = self.actor_ref(file, &rr.from);
            let to = self.actor_ref(file, &rr.to);
            let kind = self.ck(file).term::<RelationType>(&rr.kind);
            let validity = self.validity(file, rr);
            let provenance = self.provenance(file, rr, rr.from.span());
            let binding = rr.binding.as_ref().is_some_and(|b| *b.get());
            if let (Some(b), Some(k)) = (&rr.binding, kind) {
                if k != RelationType::AgreementWith {
                    self.push(
                        Diagnostic::new(Code::E0106, format!("`binding` applies to agreement_with, not to {k}"))
                            .at(file, b.span(), "on this relation")
                            .hint("remove `binding`, or make the relation an agreement_with"),
                    );
                }
            }
            if let (Some(from), Some(kind), Some(to)) = (from, kind, to) {
                self.relation(file, rr.from.span(), Relation { from, kind, to, binding, validity, provenance }, c);
            }
        }
        for r in &raw.role {
            self.role(file, r.get(), c);
        }
        for s in &raw.strategy {
            let s = s.get();
            let level = self.level(file, &s.level);
            let sector = self.ck(file).sector(s.sector.as_ref());
            let primary_actors = s.primary_actors.iter().filter_map(|a| self.actor_ref(file, a)).collect();
            let mut instruments: Vec<Instrument> =
                s.instruments.iter().filter_map(|i| self.ck(file).instrument(i)).collect();
            instruments.sort();
            instruments.dedup();
            let validity = self.validity(file, s);
            let provenance = self.provenance(file, s, s.level.span());
            if let Some(level) = level {
                c.strategies.push(Strategy {
                    level,
                    sector,
                    primary_actors,
                    documents: s
                        .documents
                        .iter()
                        .map(|d| StrategyDocument {
                            title: d.title.clone(),
                            years: d.years.clone(),
                            kind: d.kind.as_ref().and_then(|k| self.ck(file).term::<StrategyKind>(k)),
                            in_force: d.in_force.unwrap_or(true),
                        })
                        .collect(),
                    instruments,
                    text: s.text.clone(),
                    validity,
                    provenance,
                });
            }
        }
        for s in &raw.steering {
            self.steering(file, s.get(), c);
        }
        for r in &raw.resource {
            self.resource(file, r.get(), c);
        }
        for r in &raw.exchange_rate {
            let rr = r.get();
            let currency = self.currency(file, &rr.currency);
            if !(rr.eur.is_finite() && rr.eur > 0.0) {
                self.push(
                    Diagnostic::new(Code::E0106, format!("exchange rate {} is not a positive number", rr.eur)).at(
                        file,
                        rr.currency.span(),
                        "for this currency",
                    ),
                );
            }
            let provenance = self.provenance(file, rr, rr.currency.span());
            c.exchange_rates.push(ExchangeRate { currency, eur: rr.eur, year: rr.year, provenance });
        }
        for e in &raw.experience {
            let ee = e.get();
            let polarity = self.ck(file).term::<Polarity>(&ee.polarity);
            let theme = self.ck(file).term::<Theme>(&ee.theme);
            let sector = self.ck(file).sector(ee.sector.as_ref());
            let provenance = self.provenance(file, ee, ee.polarity.span());
            if let (Some(polarity), Some(theme)) = (polarity, theme) {
                c.experiences.push(Experience { polarity, theme, sector, text: ee.text.clone(), provenance });
            }
        }
        for f in &raw.finding {
            let ff = f.get();
            let kind = self.ck(file).term::<FindingKind>(&ff.kind);
            let provenance = self.provenance(file, ff, ff.kind.span());
            if let Some(kind) = kind {
                c.findings.push(Finding { kind, topic: ff.topic.clone(), text: ff.text.clone(), provenance });
            }
        }
    }

    /// A `[[role]]` entry: one role-matrix cell (or part of one) and its qualifiers.
    pub(super) fn role(&mut self, file: FileId, r: &RawRole, c: &mut Country) {
        let level = self.level(file, &r.level);
        let role = self.ck(file).term::<Role>(&r.role);
        let sector = self.ck(file).sector(r.sector.as_ref());
        let mut holders = Vec::new();
        for a in &r.actors {
            if let Some(actor) = self.actor_ref(file, a) {
                holders.push(Holder { actor, qualifier: None });
            }
        }
        for (who, q) in &r.qualifiers {
            let q = self.ck(file).term::<Qualifier>(q);
            match holders.iter_mut().find(|h| h.actor.as_str() == who.get()) {
                Some(h) => h.qualifier = q,
                None if r.actors.iter().any(|a| a.get() == who.get()) => {} // unknown actor, already reported
                None => self.push(
                    Diagnostic::new(
                        Code::E0106,
                        format!("qualifier for `{}`, which is not among this cell's actors", who.get()),
                    )
                    .at(file, who.span(), "not listed in `actors`")
                    .maybe_hint(suggestion_hint(who.get(), r.actors.iter().map(|a| a.get().as_str()))),
                ),
            }
        }
        let validity = self.validity(file, r);
        let provenance = self.provenance(file, r, r.level.span());
        if let (Some(level), Some(role)) = (level, role) {
            c.roles.push(RoleEntry { level, role, sector, holders, text: r.text.clone(), validity, provenance });
        }
    }

    /// A steering slide; a role x instrument cell filled twice is E0202.
    pub(super) fn steering(&mut self, file: FileId, s: &RawSteering, c: &mut Country) {
        let actor = self.actor_ref(file, &s.actor);
        let sector = self.ck(file).sector(s.sector.as_ref());
        let roles: Vec<Role> = s.roles.iter().filter_map(|r| self.ck(file).term::<Role>(r)).collect();
        let mut cells = Vec::new();
        let mut seen: BTreeMap<(Role, Instrument), Range<usize>> = BTreeMap::new();
        for cell in &s.cell {
            let role = self.ck(file).term::<Role>(&cell.role);
            let instrument = self.ck(file).instrument(&cell.instrument);
            let targets = cell.targets.iter().filter_map(|t| self.actor_ref(file, t)).collect();
            let target_levels = cell.target_levels.iter().filter_map(|l| self.level(file, l)).collect();
            let provenance = self.provenance(file, cell, cell.role.span());
            let (Some(role), Some(instrument)) = (role, instrument) else { continue };
            if let Some(first) = seen.get(&(role, instrument)) {
                let first = first.clone();
                self.push(
                    Diagnostic::new(Code::E0202, format!("cell {role} x {instrument} is filled twice on this slide"))
                        .at(file, cell.role.span(), "filled again here")
                        .also(file, first, "first filled here")
                        .hint("merge the two descriptions into one cell"),
                );
                continue;
            }
            seen.insert((role, instrument), cell.role.span());
            cells.push(SteeringCell {
                role,
                instrument,
                used: cell.used.unwrap_or(true),
                text: cell.text.clone(),
                source_text: cell.source_text.clone(),
                targets,
                target_levels,
                provenance,
            });
        }
        cells.sort_by_key(|c| (c.role, c.instrument));
        let validity = self.validity(file, s);
        let provenance = self.provenance(file, s, s.actor.span());
        if let Some(actor) = actor {
            c.steering.push(Steering {
                actor,
                sector,
                title: s.title.clone(),
                summary: s.summary.clone(),
                roles,
                cells,
                validity,
                provenance,
            });
        }
    }

    /// An actor's staff and budget; a resource stating neither is E0104.
    pub(super) fn resource(&mut self, file: FileId, r: &RawResource, c: &mut Country) {
        let actor = self.actor_ref(file, &r.actor);
        let fte = r.fte.as_ref().and_then(|q| {
            let t = match q.get() {
                QuantityValue::Number(n) => QuantityTable { value: Some(*n), ..Default::default() },
                QuantityValue::Table(t) => t.clone(),
            };
            self.quantity(file, q.span(), &t)
        });
        let budget = r.budget.as_ref().and_then(|b| {
            let m = b.get();
            let amount = self.quantity(
                file,
                b.span(),
                &QuantityTable { value: m.value, min: m.min, max: m.max, approx: m.approx },
            );
            let currency = self.currency(file, &m.currency);
            let scale = self.ck(file).term::<Scale>(&m.scale);
            Some(Money { amount: amount?, currency, scale: scale? })
        });
        if r.fte.is_none() && r.budget.is_none() {
            self.push(Diagnostic::new(Code::E0104, "a resource needs `fte` or `budget`").at(
                file,
                r.actor.span(),
                "this resource states neither",
            ));
        }
        let scope =
            r.scope.as_ref().and_then(|s| self.ck(file).term::<ResourceScope>(s)).unwrap_or(ResourceScope::Whole);
        let provenance = self.provenance(file, r, r.actor.span());
        if let Some(actor) = actor {
            c.resources.push(Resource {
                actor,
                fte,
                budget,
                year: r.year,
                scope,
                covers: r.covers.clone(),
                provenance,
            });
        }
    }

    /// A figure or range: a number is needed, finite, not negative, with min not above max.
    pub(super) fn quantity(&mut self, file: FileId, span: Range<usize>, t: &QuantityTable) -> Option<Quantity> {
        let nums = [t.value, t.min, t.max];
        if nums.iter().all(Option::is_none) {
            self.push(Diagnostic::new(Code::E0104, "a figure needs `value`, or `min` and/or `max`").at(
                file,
                span,
                "no number here",
            ));
            return None;
        }
        if nums.iter().flatten().any(|n| !is_valid_figure(*n)) {
            self.push(Diagnostic::new(Code::E0106, "figures must be finite and not negative").at(file, span, "here"));
            return None;
        }
        if let (Some(a), Some(b)) = (t.min, t.max) {
            if a > b {
                self.push(
                    Diagnostic::new(Code::E0106, format!("range {a}..{b} has min above max")).at(file, span, "here"),
                );
                return None;
            }
        }
        Some(Quantity { value: t.value, min: t.min, max: t.max, approx: t.approx })
    }

    /// The currency code, checked.
    pub(super) fn currency(&mut self, file: FileId, s: &SpStr) -> String {
        self.ck(file).currency(s);
        s.get().clone()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{only, relation};

    #[test]
    fn items_report_unknown_terms_missing_keys_and_cells_filled_twice() {
        let extra = relation("digst", "advices", "regjeringen")
            + r#"
[[level_period]]
level = "national"
source = "nordic2017:1"
confidence = "high"

[[resource]]
actor = "digst"
source = "nordic2017:1"
confidence = "high"

[[steering]]
actor = "digst"
source = "nordic2017:1"
confidence = "high"
[[steering.cell]]
role = "strategy"
instrument = 1
source = "nordic2017:1"
confidence = "high"
[[steering.cell]]
role = "strategy"
instrument = "economic"
source = "nordic2017:1"
confidence = "high"
[[steering.cell]]
role = "strategy"
instrument = 9
source = "nordic2017:1"
confidence = "high"
"#;
        assert_eq!(
            only(&extra, "E"),
            vec![
                "E0105 extra.toml:3:8",
                "E0104 extra.toml:9:9",
                "E0104 extra.toml:14:9",
                "E0202 extra.toml:28:8 extra.toml:23:8",
                "E0105 extra.toml:34:14"
            ]
        );
    }
}
