//! `nordgov validate [PATH...]`: check models and report every problem.

use std::path::PathBuf;

use clap::ValueEnum;

use super::{exit_for, output, report, Cli, Exit};
use crate::diagnostic::{emit, sort, SourceDb};
use crate::workspace;

/// Output format of diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: file:line:col, the source line underlined, hints.
    Human,
    /// For editors and CI: one JSON document on stdout.
    Json,
}

/// What `--deny` can turn into errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    /// Every warning.
    Warnings,
}

/// Arguments of `nordgov validate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Model directories, directories of models, or country codes (default: the models directory).
    pub paths: Vec<String>,
    /// Treat warnings as errors (exit 1).
    #[arg(long, value_enum)]
    pub deny: Option<Deny>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// Runs the command.
pub fn run(cli: &Cli, args: &Args) -> Exit {
    let limits = cli.limits();
    let mut db = SourceDb::new();
    let mut diags = Vec::new();
    let mut models = Vec::new();
    let targets: Vec<String> =
        if args.paths.is_empty() { vec![workspace::display(&cli.models)] } else { args.paths.clone() };
    for t in &targets {
        let path = PathBuf::from(t);
        let found = if path.exists() {
            workspace::discover(&path)
        } else {
            workspace::resolve(t, &cli.models).map(|m| vec![m])
        };
        match found {
            Ok(m) => models.extend(m),
            Err(d) => diags.push(d),
        }
    }
    let mut valid = 0;
    for m in &models {
        let (country, d) = workspace::load_model(m, &mut db, &limits);
        diags.extend(d);
        valid += usize::from(country.is_some());
    }
    sort(&mut diags);
    let deny = args.deny == Some(Deny::Warnings);
    let exit = exit_for(&diags, deny);
    match args.format {
        Format::Json => {
            let json = serde_json::to_string_pretty(&emit::to_json(&db, &diags)).unwrap_or_default();
            let written = output::write(None, &(json + "\n"));
            if written != Exit::Success {
                return written;
            }
        }
        Format::Human => {
            report(cli, &db, &diags);
            if exit == Exit::Success {
                eprintln!("{valid} model{} valid", if valid == 1 { "" } else { "s" });
            }
        }
    }
    exit
}
