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
    use crate::model::{
        ActorKind, Lang, Level, Names, Participation, Portfolio, Qualifier, RelationType, ResourceScope, Role, Sector,
        Standing,
    };

    fn id(v: &str) -> crate::load::raw::SpStr {
        Sp::new(v.to_string())
    }

    /// A new actor with every optional field set.
    fn new_actor(v: &str) -> NewActor {
        let mut name = Names::default();
        name.insert(Lang::En, format!("{v} (\"quoted\", æøå)"));
        name.insert(Lang::Nb, format!("{v} på norsk"));
        NewActor {
            id: id(v),
            name,
            abbr: Some(v.to_uppercase()),
            kind: ActorKind::Council,
            level: Level::National,
            parent: Some(id("fm")),
            parent_relation: Some(RelationType::OwnedBy),
            central: true,
            portfolio: Portfolio::ALL.first().copied(),
            standing: Standing::ALL.last().copied(),
            participation: Participation::ALL.last().copied(),
        }
    }

    /// One operation of every kind, with the optional parts set where an operation has them.
    fn every_kind() -> Vec<Op> {
        let mut renamed = Names::default();
        renamed.insert(Lang::En, "New name");
        vec![
            Op::AddActor(new_actor("added")),
            Op::RemoveActor { actor: id("a"), transfer_to: Some(id("b")) },
            Op::Rename { actor: id("a"), name: renamed, abbr: Some("NN".into()) },
            Op::Succeed { actor: id("a"), successor: new_actor("next"), date: NaiveDate::from_ymd_opt(2020, 1, 1) },
            Op::Move { actor: id("a"), parent: id("fm"), relation: RelationType::PartOf },
            Op::Merge { actors: vec![id("a"), id("b")], into: new_actor("ab") },
            Op::Split {
                actor: id("a"),
                into: vec![new_actor("a1"), new_actor("a2")],
                roles: vec![(Level::State, Role::Operation, id("a2"))],
            },
            Op::AssignRole {
                level: Level::National,
                role: Role::Strategy,
                actor: id("a"),
                qualifier: Qualifier::ALL.first().copied(),
            },
            Op::RevokeRole { level: Level::National, role: Role::Coordination, actor: id("a") },
            Op::TransferRole { level: Level::Regional, role: Role::Execution, from: id("a"), to: id("b") },
            Op::GrantInstrument {
                actor: id("a"),
                sector: Sector::Health,
                role: Role::Initiation,
                instrument: Instrument::Economic,
                text: Some("funds = \"#1\"".into()),
                target_levels: vec![Level::Regional, Level::Local],
            },
            Op::RevokeInstrument {
                actor: id("a"),
                sector: Sector::General,
                role: Role::Operation,
                instrument: Instrument::Guidance,
            },
            Op::ChangeStrength {
                actor: id("a"),
                sector: Sector::General,
                role: Role::Coordination,
                from: Instrument::Guidance,
                to: Instrument::Direct,
            },
            Op::AddRelation { from: id("a"), kind: RelationType::AgreementWith, to: id("b"), binding: true },
            Op::RemoveRelation { from: id("a"), kind: RelationType::Advises, to: id("b") },
            Op::SetResources {
                actor: id("a"),
                fte: Some(47.5),
                budget: Some(1.25),
                currency: Some("NOK".into()),
                scope: ResourceScope::Digitalisation,
            },
        ]
    }

    #[test]
    fn every_operation_kind_prints_and_parses_back_to_itself() {
        let ops = every_kind();
        let names: std::collections::BTreeSet<&str> = ops.iter().map(Op::name).collect();
        assert_eq!(names.len(), crate::scenario::OPS.len(), "one operation of every kind");
        let header = Header {
            name: "round trip".into(),
            base: "no".into(),
            as_of: NaiveDate::from_ymd_opt(2017, 6, 1),
            rationale: "Every kind, once.".into(),
        };
        let text = file_text("# a preamble\n", &header, &ops).unwrap();
        assert!(text.starts_with("# a preamble\n"), "{text}");
        let back = crate::scenario::parse::parse(0, &text, &crate::load::Limits::default())
            .unwrap_or_else(|d| panic!("{text}\n{d:#?}"));
        assert_eq!((back.name.as_str(), back.base.get().as_str(), back.as_of), ("round trip", "no", header.as_of));
        let back: Vec<Op> = back.ops.into_iter().map(Sp::into_inner).collect();
        for (want, got) in ops.iter().zip(&back) {
            assert_eq!(want, got, "{} does not print back to itself:\n{text}", want.name());
        }
        assert_eq!(back.len(), ops.len());
    }
}
