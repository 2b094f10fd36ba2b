//! The typed, validated in-memory model of one country's digitalisation governance.
//!
//! A [`Country`] is only ever produced by [`crate::load::validate`] (or built in code and then
//! checked by it), so every later stage may rely on its invariants: every id it references
//! exists, the hierarchy is acyclic, every actor sits at a level the country has, and every
//! validity range is ordered. Collections are ordered (`BTreeMap` by id, vectors sorted by a
//! stable key: [`Country::normalize`]), so anything rendered from a model is deterministic.

mod country;
mod dating;
mod labels;
mod order;
pub mod synth;
mod vocab;

pub use country::*;
pub use dating::{DateSpec, Validity};
pub use labels::{pick, ActorName, Labelled, Labels};
pub use order::{sort_canonical, term_rank, Canonical, FILE_ORDER};
pub(crate) use vocab::vocabulary;
pub use vocab::*;
