//! nordgov compares how the Nordic countries govern public-sector digitalisation.
//!
//! Analysts describe each country as a TOML model (actors, levels, roles, steering instruments,
//! resources, each fact with its source); nordgov validates the models and computes matrices,
//! graphs, metrics, diagrams, reports and what-if reorganisations from them.
//!
//! # Steps
//!
//! 1. [`workspace`]: find a model directory and read its `*.toml` files (the only stage, with
//!    the CLI, that touches the disk) into a [`diagnostic::SourceDb`].
//! 2. [`load::parse`]: one file's text to a [`load::raw::RawFile`], reporting syntax and schema
//!    problems with spans.
//! 3. [`load::validate`]: the raw files of one model to a validated [`model::Country`], reporting
//!    every reference, structure and coverage problem at once.
//! 4. [`model`]: the typed model every later stage reads; [`model::Country::as_of`] gives the
//!    model on a date.
//! 5. [`graph`]: the actor graph (petgraph) of a country; [`analysis`]: views computed from a
//!    country and its graph (matrices, comparisons, network metrics).
//! 6. [`render`]: views to text, one module per format.
//!    [`report`] assembles a whole site (pages of tables, charts and diagrams) from them.
//! 7. [`print`]: a country back to model files; [`synth`] builds synthetic countries.
//! 8. [`diagnostic::emit`]: diagnostics for people or as JSON.
//!
//! [`load::load`] chains steps 2 and 3; `examples/pipeline.rs` chains them all. [`lsp`] runs
//! steps 1-3 for an editor as the files change (`nordgov lsp`).

pub mod actor_list;
pub mod analysis;
pub mod cli;
pub mod diagnostic;
pub mod explore;
pub mod format;
pub mod graph;
pub mod load;
pub mod lsp;
pub mod model;
pub mod print;
pub mod render;
pub mod report;
pub mod role_sheet;
pub mod scaffold;
pub mod scenario;
pub mod schema;
pub mod synth;
pub mod workspace;
