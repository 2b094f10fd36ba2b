//! nordgov compares how the Nordic countries govern public-sector digitalisation.
//!
//! Analysts describe each country as a TOML model (actors, levels, roles, steering instruments,
//! resources, each fact with its source); nordgov validates the models and computes matrices,
//! graphs, metrics, diagrams, reports and what-if reorganisations from them.
//!
//! # Steps
//!
//! 1. [`files::workspace`]: find a model directory and read its `*.toml` files (the only stage,
//!    with the CLI, that touches the disk) into a [`diagnostic::SourceDb`].
//! 2. [`load::parse`]: one file's text to a [`load::raw::RawFile`], reporting syntax and schema
//!    problems with spans.
//! 3. [`load::validate`]: the raw files of one model to a validated [`model::Country`], reporting
//!    every reference, structure and coverage problem at once.
//! 4. [`model`]: the typed model every later stage reads; [`model::Country::as_of`] gives the
//!    model on a date, [`model::synth`] builds synthetic countries of any size.
//! 5. [`graph`]: the actor graph (petgraph) of a country, and the views diagrams draw from it.
//! 6. [`analysis`]: what is computed from a country and its graph (matrices, governance
//!    dimensions, comparisons, network metrics); [`scenario`]: what-if reorganisations applied
//!    to a country, compared, and searched for.
//! 7. [`render`]: views to text, one module per format; [`render::report`] assembles a whole
//!    site (pages of tables, charts and diagrams) from them.
//! 8. [`files`]: a country back to model files, new models, the JSON Schema, spreadsheets in
//!    and out; [`diagnostic::emit`]: diagnostics for people or as JSON.
//!
//! [`cli`] is a thin layer over these; [`lsp`] runs steps 1-3 for an editor as the files change
//! (`nordgov lsp`). [`load::load`] chains steps 2 and 3; `examples/pipeline.rs` chains them all.

pub mod analysis;
pub mod cli;
pub mod diagnostic;
pub mod files;
pub mod graph;
pub mod load;
pub mod lsp;
pub mod model;
pub mod render;
pub mod scenario;
