//! Scenario operations built in code for tests: one of every kind, on Norway's ids, shared by
//! the tests of the printer (they print and parse back) and of the sentences (they read well).

use crate::load::raw::{Sp, SpStr};
use crate::model::{ActorKind, Instrument, Lang, Level, Names, Qualifier, RelationType, ResourceScope, Role, Sector};
use crate::scenario::{NewActor, Op, OPS};

pub(crate) fn sp(s: &str) -> SpStr {
    Sp::new(s.to_string())
}

pub(crate) fn names(en: &str, nb: &str) -> Names {
    let mut n = Names::default();
    n.insert(Lang::En, en);
    n.insert(Lang::Nb, nb);
    n
}

pub(crate) fn new(id: &str, en: &str, nb: &str, abbr: Option<&str>, kind: ActorKind, parent: Option<&str>) -> NewActor {
    NewActor {
        id: sp(id),
        name: names(en, nb),
        abbr: abbr.map(String::from),
        kind,
        level: Level::State,
        parent: parent.map(sp),
        parent_relation: None,
        central: false,
        portfolio: None,
        standing: None,
        participation: None,
    }
}

/// One operation of every kind (checked against the list of operation names).
pub(crate) fn every_op() -> Vec<Op> {
    let ops = vec![
        Op::AddActor(new(
            "spr",
            "State IT project council",
            "Statens prosjektråd",
            Some("SPR"),
            ActorKind::Council,
            Some("fin"),
        )),
        Op::RemoveActor { actor: sp("difi"), transfer_to: Some(sp("kmd_dig")) },
        Op::Rename {
            actor: sp("difi"),
            name: names("Digitalisation Agency", "Digitaliseringsdirektoratet"),
            abbr: Some("Digdir".into()),
        },
        Op::Succeed {
            actor: sp("difi"),
            successor: new(
                "digdir",
                "Digitalisation Agency",
                "Digitaliseringsdirektoratet",
                Some("Digdir"),
                ActorKind::Agency,
                Some("kmd"),
            ),
            date: chrono::NaiveDate::from_ymd_opt(2020, 1, 1),
        },
        Op::Move { actor: sp("kmd_dig"), parent: sp("fin"), relation: RelationType::PartOf },
        Op::Merge {
            actors: vec![sp("kmd_dig"), sp("difi")],
            into: new(
                "kmd_dig_merged",
                "Digitalisation Agency",
                "Digitaliseringsetaten",
                None,
                ActorKind::Agency,
                None,
            ),
        },
        Op::Split {
            actor: sp("ks"),
            into: vec![
                new(
                    "ks_interesse",
                    "KS interest organisation",
                    "KS interesseorganisasjon",
                    None,
                    ActorKind::Association,
                    None,
                ),
                new("ks_digital", "KS digitalisation", "KS digitalisering", None, ActorKind::Unit, None),
            ],
            roles: vec![(Level::Local, Role::Execution, sp("ks_digital"))],
        },
        Op::AssignRole {
            level: Level::State,
            role: Role::Coordination,
            actor: sp("fin"),
            qualifier: Some(Qualifier::Advisory),
        },
        Op::RevokeRole { level: Level::State, role: Role::Coordination, actor: sp("statlige_virksomheter") },
        Op::TransferRole { level: Level::National, role: Role::Strategy, from: sp("kmd"), to: sp("fin") },
        Op::GrantInstrument {
            actor: sp("fin"),
            sector: Sector::Health,
            role: Role::Execution,
            instrument: Instrument::Economic,
            text: None,
            target_levels: vec![Level::Local],
        },
        Op::RevokeInstrument {
            actor: sp("ks"),
            sector: Sector::General,
            role: Role::Initiation,
            instrument: Instrument::Economic,
        },
        Op::ChangeStrength {
            actor: sp("ks"),
            sector: Sector::General,
            role: Role::Coordination,
            from: Instrument::Guidance,
            to: Instrument::Direct,
        },
        Op::AddRelation { from: sp("ks"), kind: RelationType::AgreementWith, to: sp("fin"), binding: true },
        Op::RemoveRelation { from: sp("difi"), kind: RelationType::ReportsTo, to: sp("kmd") },
        Op::SetResources {
            actor: sp("kmd_dig"),
            fte: Some(25.0),
            budget: Some(12.5),
            currency: None,
            scope: ResourceScope::Digitalisation,
        },
    ];
    let mut kinds: Vec<&str> = ops.iter().map(Op::name).collect();
    kinds.sort_unstable();
    let mut all = OPS.to_vec();
    all.sort_unstable();
    assert_eq!(kinds, all, "the test must cover every operation kind once");
    ops
}
