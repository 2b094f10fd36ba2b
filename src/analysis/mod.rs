//! Analysis: views computed from a validated [`Country`](crate::model::Country), which the
//! renderers read. Each view is plain data, serialisable, and deterministic for a given model.

pub mod basis;
pub mod compare;
pub mod dimensions;
pub mod findings;
pub mod matrix;
pub mod metrics;
pub mod profile;
pub mod resources;
