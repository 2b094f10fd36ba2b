//! CLI tests through the real `nordgov` binary, in one test binary (one link, shared helpers).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, missing_docs)]

mod authoring;
mod bad_input;
mod browser;
mod common;
mod diagnostics;
mod diagrams;
mod dimensions;
mod every_command;
mod explore;
mod formats;
mod fuzz_replay;
mod history;
mod hostile;
mod interop;
mod legibility;
mod lsp;
mod lsp_client;
mod matrices;
mod models;
mod networkx;
mod props;
mod report;
mod safety;
mod scenarios;
mod schema;
mod tutorial;
