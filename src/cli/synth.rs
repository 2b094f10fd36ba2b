//! `nordgov synth`: write a synthetic model directory.

use std::path::PathBuf;

use super::{Cli, Exit};
use crate::files::workspace;
use crate::model::synth;

/// Arguments of `nordgov synth`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Number of actors (at least 30).
    #[arg(long, value_name = "N")]
    pub actors: usize,
    /// Seed; the same size and seed always give the same model.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The directory to create. It must not exist or be empty: synth never overwrites a model.
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
}

/// Runs the command.
pub fn run(_cli: &Cli, args: &Args) -> Exit {
    if args.actors < synth::MIN_ACTORS {
        eprintln!("error: --actors must be at least {} (got {})", synth::MIN_ACTORS, args.actors);
        return Exit::Failure;
    }
    let dir = &args.output;
    let country = synth::generate(args.actors, args.seed);
    if let Err(e) = workspace::write_model_dir(dir, &country) {
        eprintln!("error: {e}");
        return Exit::Failure;
    }
    eprintln!("wrote a synthetic model of {} actors to {}", country.actors.len(), workspace::display(dir));
    Exit::Success
}
