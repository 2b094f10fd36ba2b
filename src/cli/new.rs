//! `nordgov new CODE`: scaffold a country model directory.

use std::path::PathBuf;

use super::args::parse_lang;
use super::{Cli, Exit};
use crate::files::{scaffold, workspace};
use crate::model::Lang;

/// Arguments of `nordgov new`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The country's two-letter code (`is` for Iceland); the directory is named after it.
    pub code: String,
    /// The country's name in English (default: the code in capitals).
    #[arg(long)]
    pub name: Option<String>,
    /// The first native language (default: by code: da, sv, nb, fi; else en).
    #[arg(long, value_parser = parse_lang)]
    pub language: Option<Lang>,
    /// The directory to create (default: CODE under --models). It must not exist or be empty.
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
}

/// Runs the command.
pub fn run(cli: &Cli, args: &Args) -> Exit {
    let code = args.code.as_str();
    if code.len() != 2 || !code.chars().all(|c| c.is_ascii_lowercase()) {
        eprintln!("error: `{code}` is not a country code: two lowercase letters, e.g. `is`");
        return Exit::Failure;
    }
    let lang = args.language.unwrap_or(match code {
        "dk" => Lang::Da,
        "se" => Lang::Sv,
        "no" => Lang::Nb,
        "fi" => Lang::Fi,
        "is" => Lang::Is,
        _ => Lang::En,
    });
    let name = args.name.clone().unwrap_or_else(|| code.to_uppercase());
    let dir = args.output.clone().unwrap_or_else(|| cli.models.join(code));
    if let Err(e) = workspace::write_new_dir(&dir, &scaffold::files(code, &name, lang)) {
        eprintln!("error: {e}");
        return Exit::Failure;
    }
    eprintln!(
        "wrote a new model to {}: fill in the TODOs, then `nordgov validate {}`",
        workspace::display(&dir),
        workspace::display(&dir)
    );
    Exit::Success
}
