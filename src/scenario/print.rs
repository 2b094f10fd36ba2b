//! The scenario printer: operations back to scenario file text, through the same raw types the
//! parser reads (as [`crate::files::print`] does for models), so every [`Op`] kind is written
//! and what is written parses back to the same operation.

use chrono::NaiveDate;
use serde::Serialize;

use super::parse::{RawAssign, RawHeader, RawNewActor, RawOp};
use super::{NewActor, Op};
use crate::files::print::{self, names, s, term};
use crate::load::raw::{DateValue, InstrumentValue, Sp};
use crate::model::{DateSpec, Instrument, Vocabulary};

/// The header of a scenario file built in code.
#[derive(Debug, Clone, Default)]
pub struct Header {
    /// Its name.
    pub name: String,
    /// The base model, as a code or a path.
    pub base: String,
    /// The date the base is taken on.
    pub as_of: Option<NaiveDate>,
    /// Why one would do this.
    pub rationale: String,
}

/// A whole scenario file.
#[derive(Serialize)]
struct RawScenarioFile {
    scenario: RawHeader,
    op: Vec<RawOp>,
}

/// The text of a scenario file with `header` and `ops`, below the comment lines `preamble`;
/// the serialiser's error if an operation cannot be written.
pub fn file_text(preamble: &str, header: &Header, ops: &[Op]) -> Result<String, toml::ser::Error> {
    let file = RawScenarioFile {
        scenario: RawHeader {
            name: header.name.clone(),
            base: s(&header.base),
            as_of: header.as_of.map(date),
            rationale: header.rationale.clone(),
            ..Default::default()
        },
        op: ops.iter().map(raw_op).collect(),
    };
    Ok(format!("{preamble}{}", toml::to_string(&file)?))
}

/// An instrument by name, as people write them in scenarios.
fn instrument(i: Instrument) -> Sp<InstrumentValue> {
    Sp::new(InstrumentValue::Name(i.key().to_string()))
}

fn date(d: NaiveDate) -> Sp<DateValue> {
    print::date(DateSpec::Day(d))
}

fn new_actor(a: &NewActor) -> RawNewActor {
    RawNewActor {
        id: a.id.clone(),
        name: names(&a.name),
        abbr: a.abbr.clone(),
        kind: term(a.kind),
        level: term(a.level),
        parent: a.parent.clone(),
        parent_relation: a.parent_relation.map(term),
        central: a.central,
        portfolio: a.portfolio.map(term),
        standing: a.standing.map(term),
        participation: a.participation.map(term),
    }
}

/// One operation as the parser reads it (the inverse of its conversion).
fn raw_op(op: &Op) -> RawOp {
    let r = RawOp { op: s(op.name()), ..Default::default() };
    match op {
        Op::AddActor(a) => {
            // add_actor spells the new actor's fields on the operation itself.
            let n = new_actor(a);
            RawOp {
                id: Some(n.id),
                name: n.name,
                abbr: n.abbr,
                kind: Some(n.kind),
                level: Some(n.level),
                parent: n.parent,
                relation: n.parent_relation,
                central: a.central.then_some(true),
                portfolio: n.portfolio,
                standing: n.standing,
                participation: n.participation,
                ..r
            }
        }
        Op::RemoveActor { actor, transfer_to } => {
            RawOp { actor: Some(actor.clone()), transfer_to: transfer_to.clone(), ..r }
        }
        Op::Rename { actor, name, abbr } => {
            RawOp { actor: Some(actor.clone()), name: names(name), abbr: abbr.clone(), ..r }
        }
        Op::Succeed { actor, successor, date: when } => {
            RawOp { actor: Some(actor.clone()), successor: Some(new_actor(successor)), date: when.map(date), ..r }
        }
        Op::Move { actor, parent, relation } => {
            RawOp { actor: Some(actor.clone()), parent: Some(parent.clone()), relation: Some(term(*relation)), ..r }
        }
        Op::Merge { actors, into } => RawOp { actors: actors.clone(), into: Some(new_actor(into)), ..r },
        Op::Split { actor, into, roles } => RawOp {
            actor: Some(actor.clone()),
            parts: into.iter().map(new_actor).collect(),
            assign: roles
                .iter()
                .map(|(level, role, to)| RawAssign { level: term(*level), role: term(*role), to: to.clone() })
                .collect(),
            ..r
        },
        Op::AssignRole { level, role, actor, qualifier } => RawOp {
            level: Some(term(*level)),
            role: Some(term(*role)),
            actor: Some(actor.clone()),
            qualifier: qualifier.map(term),
            ..r
        },
        Op::RevokeRole { level, role, actor } => {
            RawOp { level: Some(term(*level)), role: Some(term(*role)), actor: Some(actor.clone()), ..r }
        }
        Op::TransferRole { level, role, from, to } => RawOp {
            level: Some(term(*level)),
            role: Some(term(*role)),
            from: Some(from.clone()),
            to: Some(to.clone()),
            ..r
        },
        Op::GrantInstrument { actor, sector, role, instrument: i, text, target_levels } => RawOp {
            actor: Some(actor.clone()),
            sector: Some(term(*sector)),
            role: Some(term(*role)),
            instrument: Some(instrument(*i)),
            text: text.clone(),
            target_levels: target_levels.iter().map(|l| term(*l)).collect(),
            ..r
        },
        Op::RevokeInstrument { actor, sector, role, instrument: i } => RawOp {
            actor: Some(actor.clone()),
            sector: Some(term(*sector)),
            role: Some(term(*role)),
            instrument: Some(instrument(*i)),
            ..r
        },
        Op::ChangeStrength { actor, sector, role, from, to } => RawOp {
            actor: Some(actor.clone()),
            sector: Some(term(*sector)),
            role: Some(term(*role)),
            instrument: Some(instrument(*from)),
            new_instrument: Some(instrument(*to)),
            ..r
        },
        Op::AddRelation { from, kind, to, binding } => RawOp {
            from: Some(from.clone()),
            relation_type: Some(term(*kind)),
            to: Some(to.clone()),
            binding: binding.then_some(true),
            ..r
        },
        Op::RemoveRelation { from, kind, to } => {
            RawOp { from: Some(from.clone()), relation_type: Some(term(*kind)), to: Some(to.clone()), ..r }
        }
        Op::SetResources { actor, fte, budget, currency, scope } => RawOp {
            actor: Some(actor.clone()),
            fte: *fte,
            budget: *budget,
            currency: currency.as_deref().map(s),
            scope: Some(term(*scope)),
            ..r
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, Lang, Participation, Portfolio, RelationType, ResourceScope, Standing};
    use crate::scenario::examples::{every_op, names, sp};

    /// One operation of every kind, an added actor with every optional field set (names with
    /// quotes and Nordic letters) and a budget in a currency.
    fn ops() -> Vec<Op> {
        let mut name = names("A \"quoted\" council, æøå", "Råd på norsk");
        name.insert(Lang::Sv, "Råd på svenska");
        let full = NewActor {
            id: sp("full"),
            name,
            abbr: Some("FULL".into()),
            kind: ActorKind::Council,
            level: crate::model::Level::National,
            parent: Some(sp("fin")),
            parent_relation: Some(RelationType::OwnedBy),
            central: true,
            portfolio: Portfolio::ALL.first().copied(),
            standing: Standing::ALL.last().copied(),
            participation: Participation::ALL.last().copied(),
        };
        let mut ops = every_op();
        ops.push(Op::AddActor(full));
        ops.push(Op::SetResources {
            actor: sp("ks"),
            fte: None,
            budget: Some(3.5),
            currency: Some("NOK".into()),
            scope: ResourceScope::Whole,
        });
        ops
    }

    #[test]
    fn every_operation_kind_prints_and_parses_back_to_itself() {
        let ops = ops();
        let header = Header {
            name: "round trip".into(),
            base: "no".into(),
            as_of: NaiveDate::from_ymd_opt(2017, 6, 1),
            rationale: "Every kind, once.".into(),
        };
        let text = file_text("# a preamble\n", &header, &ops).unwrap();
        assert!(text.starts_with("# a preamble\n"), "{text}");
        let back = crate::scenario::parse(0, &text, &crate::load::Limits::default())
            .unwrap_or_else(|d| panic!("{text}\n{d:#?}"));
        assert_eq!((back.name.as_str(), back.base.get().as_str(), back.as_of), ("round trip", "no", header.as_of));
        let back: Vec<Op> = back.ops.into_iter().map(Sp::into_inner).collect();
        for (want, got) in ops.iter().zip(&back) {
            assert_eq!(want, got, "{} does not print back to itself:\n{text}", want.name());
        }
        assert_eq!(back.len(), ops.len());
    }
}
