//! Argument types and value parsers shared by subcommands.

use std::path::PathBuf;

use crate::analysis::dimensions::{Weights, DEFAULT_WEIGHTS};
use crate::model::{Lang, Level, Sector, Vocabulary};

use super::{print_diagnostics, Cli, Exit};

fn parse_vocab<V: Vocabulary>(s: &str) -> Result<V, String> {
    V::from_key(s).ok_or_else(|| format!("expected one of: {}", V::keys().join(", ")))
}

pub(super) fn parse_sector(s: &str) -> Result<Sector, String> {
    parse_vocab(s)
}

pub(super) fn parse_level(s: &str) -> Result<Level, String> {
    parse_vocab(s)
}

pub(super) fn parse_lang(s: &str) -> Result<Lang, String> {
    parse_vocab(s)
}

/// The weights of the governance dimensions a command uses: `--weights FILE`, else the bundled
/// default (every dimension weighs 1).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct WeightsArg {
    /// Weights of the governance dimensions in distances: a TOML file with a `[weights]` table
    /// (see `nordgov compare --print-weights`); default: every dimension weighs 1.
    #[arg(long, value_name = "FILE")]
    pub weights: Option<PathBuf>,
}

impl WeightsArg {
    /// The weights and the text of the file they come from; a file that cannot be read or
    /// holds a mistake prints its diagnostics and gives the exit code.
    pub(super) fn load(&self, cli: &Cli) -> Result<(Weights, String), Exit> {
        let Some(path) = &self.weights else { return Ok((Weights::bundled(), DEFAULT_WEIGHTS.to_string())) };
        let (db, file, text) = super::input::read_source(cli, path)?;
        match Weights::parse(file, &text) {
            Ok(w) => Ok((w, text)),
            Err(d) => {
                print_diagnostics(cli, &db, &d);
                Err(Exit::Findings)
            }
        }
    }
}
