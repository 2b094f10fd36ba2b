//! What-if reorganisations: a scenario is a TOML file naming a base model and an ordered list of
//! operations; [`apply`](mod@apply) runs them on the validated base (each checked against the state the
//! previous ones left), and [`diff`](mod@diff) compares two models semantically, by metrics and by profile
//! distance to other countries.
//!
//! The operations are a closed, typed set ([`Op`]); every id they name keeps its span, so an
//! unknown id is reported at its line and column in the scenario file with a suggestion.

pub mod apply;
pub mod diff;
#[cfg(test)]
pub(crate) mod examples;
pub mod explore;
mod parse;
pub mod print;

pub use apply::apply;
pub use diff::{diff, diff_with, Diff};
pub use parse::parse;

use chrono::NaiveDate;
use serde::Serialize;

use crate::analysis::dimensions::Dimension;
use crate::load::raw::{Sp, SpStr};
use crate::model::{
    ActorKind, Instrument, Level, Names, Participation, Portfolio, Qualifier, RelationType, ResourceScope, Role,
    Sector, Standing,
};

/// A scenario as read from its file.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// Its name.
    pub name: String,
    /// The base model: a country code (under the models directory) or a path, relative to the
    /// scenario file.
    pub base: SpStr,
    /// The date the base is taken on, if any.
    pub as_of: Option<NaiveDate>,
    /// Why one would do this.
    pub rationale: String,
    /// Where the idea comes from (document:lines, as in models).
    pub sources: Vec<String>,
    /// The countries whose arrangement the scenario copies (codes), if it copies one.
    pub copies: Vec<String>,
    /// The governance dimensions the copied arrangement belongs to: applying the scenario should
    /// bring the base closer to each copied country on each of them.
    pub dimensions: Vec<Dimension>,
    /// For a scenario that replays a real reorganisation: the date on which the model's own
    /// dated facts show the result, which applying the scenario must reproduce on the facts it
    /// touches.
    pub reproduces: Option<NaiveDate>,
    /// The operations, in order.
    pub ops: Vec<Sp<Op>>,
}

impl Scenario {
    /// A scenario built in code (not read from a file): `ops` on the country `base`, without
    /// date, rationale or sources.
    pub fn from_ops(name: &str, base: &str, ops: Vec<Op>) -> Self {
        Scenario {
            name: name.to_string(),
            base: Sp::new(base.to_string()),
            as_of: None,
            rationale: String::new(),
            sources: Vec::new(),
            copies: Vec::new(),
            dimensions: Vec::new(),
            reproduces: None,
            ops: ops.into_iter().map(Sp::new).collect(),
        }
    }
}

/// A new actor, as operations that create one describe it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewActor {
    /// Its id (must be new).
    pub id: SpStr,
    /// Its names.
    pub name: Names,
    /// Abbreviation.
    pub abbr: Option<String>,
    /// Kind.
    pub kind: ActorKind,
    /// Level.
    pub level: Level,
    /// Parent, if any.
    pub parent: Option<SpStr>,
    /// How it hangs under the parent (default reports_to).
    pub parent_relation: Option<RelationType>,
    /// Whether it is a central unit.
    pub central: bool,
    /// A ministry's portfolio.
    pub portfolio: Option<Portfolio>,
    /// A forum's or council's standing.
    pub standing: Option<Standing>,
    /// Whether taking part in a forum or council is mandatory.
    pub participation: Option<Participation>,
}

/// One operation of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Op {
    /// Adds an actor.
    AddActor(NewActor),
    /// Removes an actor; its roles, relations, steering and resources go to `transfer_to`, or
    /// are dropped when it is absent.
    RemoveActor {
        /// The actor.
        actor: SpStr,
        /// Who takes over its facts.
        transfer_to: Option<SpStr>,
    },
    /// Gives an actor new names (its id stays).
    Rename {
        /// The actor.
        actor: SpStr,
        /// New names (replacing the old ones per language).
        name: Names,
        /// New abbreviation.
        abbr: Option<String>,
    },
    /// `actor` is succeeded by a new actor on `date`: the successor takes its place in every
    /// fact, and the predecessor leaves the model.
    Succeed {
        /// The predecessor.
        actor: SpStr,
        /// The successor (new).
        successor: NewActor,
        /// The date of succession.
        date: Option<NaiveDate>,
    },
    /// Puts an actor under a new parent.
    Move {
        /// The actor.
        actor: SpStr,
        /// Its new parent.
        parent: SpStr,
        /// How it hangs under it (default reports_to).
        relation: RelationType,
    },
    /// Merges actors into a new one with the union of their facts.
    Merge {
        /// The actors merged (at least two).
        actors: Vec<SpStr>,
        /// The result (new).
        into: NewActor,
    },
    /// Splits an actor into new ones; `roles` says which part takes which role cell, the rest
    /// of its facts go to the first part.
    Split {
        /// The actor split.
        actor: SpStr,
        /// The parts (new).
        into: Vec<NewActor>,
        /// Role cells assigned to parts other than the first.
        roles: Vec<(Level, Role, SpStr)>,
    },
    /// Adds an actor to a role cell.
    AssignRole {
        /// Level.
        level: Level,
        /// Role.
        role: Role,
        /// The actor.
        actor: SpStr,
        /// Qualifier.
        qualifier: Option<Qualifier>,
    },
    /// Removes an actor from a role cell.
    RevokeRole {
        /// Level.
        level: Level,
        /// Role.
        role: Role,
        /// The actor.
        actor: SpStr,
    },
    /// Moves a role cell's holding from one actor to another.
    TransferRole {
        /// Level.
        level: Level,
        /// Role.
        role: Role,
        /// The actor giving it up.
        from: SpStr,
        /// The actor taking it.
        to: SpStr,
    },
    /// Lets an actor use an instrument in a role (its operational steering gains a cell).
    GrantInstrument {
        /// The actor.
        actor: SpStr,
        /// Sector.
        sector: Sector,
        /// Role.
        role: Role,
        /// Instrument.
        instrument: Instrument,
        /// What the steering consists of.
        text: Option<String>,
        /// Levels it is aimed at.
        target_levels: Vec<Level>,
    },
    /// Takes an instrument from an actor in a role.
    RevokeInstrument {
        /// The actor.
        actor: SpStr,
        /// Sector.
        sector: Sector,
        /// Role.
        role: Role,
        /// Instrument.
        instrument: Instrument,
    },
    /// Changes the instrument of an actor's steering in a role (KS from guidance to indirect).
    ChangeStrength {
        /// The actor.
        actor: SpStr,
        /// Sector.
        sector: Sector,
        /// Role.
        role: Role,
        /// The instrument used now.
        from: Instrument,
        /// The instrument used after.
        to: Instrument,
    },
    /// Adds a relation.
    AddRelation {
        /// From.
        from: SpStr,
        /// Type.
        kind: RelationType,
        /// To.
        to: SpStr,
        /// For an agreement_with: whether it binds the parties.
        binding: bool,
    },
    /// Removes a relation.
    RemoveRelation {
        /// From.
        from: SpStr,
        /// Type.
        kind: RelationType,
        /// To.
        to: SpStr,
    },
    /// Sets an actor's staff and/or budget (a new resource statement replacing its others).
    SetResources {
        /// The actor.
        actor: SpStr,
        /// FTE.
        fte: Option<f64>,
        /// Budget in millions of `currency`.
        budget: Option<f64>,
        /// Currency of the budget.
        currency: Option<String>,
        /// Whether the figures count the whole body or its digitalisation part.
        scope: ResourceScope,
    },
}

impl Op {
    /// The operation's name as written in scenario files.
    pub fn name(&self) -> &'static str {
        match self {
            Op::AddActor(_) => "add_actor",
            Op::RemoveActor { .. } => "remove_actor",
            Op::Rename { .. } => "rename",
            Op::Succeed { .. } => "succeed",
            Op::Move { .. } => "move",
            Op::Merge { .. } => "merge",
            Op::Split { .. } => "split",
            Op::AssignRole { .. } => "assign_role",
            Op::RevokeRole { .. } => "revoke_role",
            Op::TransferRole { .. } => "transfer_role",
            Op::GrantInstrument { .. } => "grant_instrument",
            Op::RevokeInstrument { .. } => "revoke_instrument",
            Op::ChangeStrength { .. } => "change_strength",
            Op::AddRelation { .. } => "add_relation",
            Op::RemoveRelation { .. } => "remove_relation",
            Op::SetResources { .. } => "set_resources",
        }
    }
}

/// Every operation name, for "unknown operation" messages.
pub const OPS: &[&str] = &[
    "add_actor",
    "remove_actor",
    "rename",
    "succeed",
    "move",
    "merge",
    "split",
    "assign_role",
    "revoke_role",
    "transfer_role",
    "grant_instrument",
    "revoke_instrument",
    "change_strength",
    "add_relation",
    "remove_relation",
    "set_resources",
];
