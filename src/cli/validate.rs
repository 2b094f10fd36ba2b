//! `nordgov validate [PATH...]`: check models and report every problem.

use std::path::PathBuf;

use clap::ValueEnum;

use super::{exit_for, output, print_diagnostics, Cli, Exit};
use crate::diagnostic::{emit, sort, SourceDb};
use crate::files::workspace;

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
    /// Also check each model as it stood on this date (YYYY-MM-DD): a role cell left empty on
    /// that date is reported.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<chrono::NaiveDate>,
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
        if let (Some(c), Some(date)) = (&country, args.as_of) {
            diags.extend(crate::load::check_as_of(&m.name, &c.as_of(date), date));
        }
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
            print_diagnostics(cli, &db, &diags);
            if exit == Exit::Success {
                eprintln!("{valid} model{} valid", if valid == 1 { "" } else { "s" });
            }
        }
    }
    exit
}
