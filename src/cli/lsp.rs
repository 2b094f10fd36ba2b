//! `nordgov lsp`: the language server, over stdio (see [`crate::lsp`]).

use super::{Cli, Exit};

/// Arguments of `nordgov lsp`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Accepted for editors that pass it; stdio is the only transport.
    #[arg(long)]
    pub stdio: bool,
}

/// Runs the server until the client exits.
pub fn run(cli: &Cli, _args: &Args) -> Exit {
    match crate::lsp::run_stdio(cli.limits()) {
        Ok(()) => Exit::Success,
        Err(e) => {
            eprintln!("error: nordgov lsp: {e}");
            Exit::Failure
        }
    }
}
