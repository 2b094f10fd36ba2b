//! `nordgov schema`: the JSON Schema of the model format.

use std::path::PathBuf;

use super::{output, Cli, Exit};

/// Arguments of `nordgov schema`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Write to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Runs the command.
pub fn run(_cli: &Cli, args: &Args) -> Exit {
    output::write(args.output.as_deref(), &crate::files::schema::json_schema())
}
