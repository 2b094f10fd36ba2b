//! `nordgov scenario apply SCENARIO -o DIR` and `nordgov diff A B`, where each side is a model
//! (country code or directory) or a scenario file.

use std::path::{Path, PathBuf};

use super::input::{load_scenario, read_country};
use super::output::TableOutput;
use super::{Cli, Exit};
use crate::files::{print, workspace};
use crate::model::Country;
use crate::render::grid;
use crate::scenario::{self};

/// Arguments of `nordgov scenario apply`.
#[derive(Debug, clap::Args)]
pub struct ApplyArgs {
    /// The scenario file.
    pub scenario: PathBuf,
    /// The model directory to write (must not exist, or be empty; never the base model). Without
    /// it the model is printed to stdout as one model file.
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
}

/// Scenario subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum ScenarioCommand {
    /// Apply a scenario and write the resulting model as a model directory.
    #[command(
        after_help = "Examples:\n  nordgov scenario apply models/no/scenarios/fin_centre.toml -o /tmp/no-fin-centre\n  nordgov validate /tmp/no-fin-centre"
    )]
    Apply(ApplyArgs),
}

/// Arguments of `nordgov diff`.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The base: a country code, a model directory, or a scenario file (*.toml).
    pub base: String,
    /// The other side: a country code, a model directory, or a scenario file.
    pub other: String,
    /// Exit with 1 when the two differ, 0 when they do not (as `git diff --exit-code`).
    #[arg(long)]
    pub exit_code: bool,
    /// Take model sides on this date (default: each model's reference date; a scenario side
    /// uses its own `as_of`).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<chrono::NaiveDate>,
    /// Language of labels.
    #[arg(long, value_parser = super::args::parse_lang, default_value = "en")]
    pub lang: crate::model::Lang,
    /// The dimensions' weights in the distances.
    #[command(flatten)]
    pub weights: super::args::WeightsArg,
    /// Output format, width and file.
    #[command(flatten)]
    pub out: TableOutput,
}

/// Runs `nordgov scenario apply`.
pub fn apply(cli: &Cli, args: &ApplyArgs) -> Exit {
    let (_, _, result) = match load_scenario(cli, &args.scenario) {
        Ok(x) => x,
        Err(e) => return e,
    };
    let Some(dir) = &args.output else {
        // The files hold disjoint sections, so together they are one valid model file.
        let files = match print::files(&result) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("error: cannot print the scenario's model: {e}");
                return Exit::Failure;
            }
        };
        let text: Vec<String> =
            files.into_iter().map(|(_, t)| t.replacen(print::SCHEMA_LINE, "", 1).trim().to_string()).collect();
        return super::output::write(None, &format!("{}\n\n{}\n", print::SCHEMA_LINE, text.join("\n\n")));
    };
    if let Err(e) = workspace::write_model_dir(dir, &result) {
        eprintln!("error: {e}");
        return Exit::Failure;
    }
    eprintln!("wrote the scenario's model ({} actors) to {}", result.actors.len(), workspace::display(dir));
    Exit::Success
}

fn side(cli: &Cli, arg: &str, as_of: Option<chrono::NaiveDate>) -> Result<Country, Exit> {
    let p = Path::new(arg);
    if p.is_file() && p.extension().is_some_and(|e| e == "toml") {
        load_scenario(cli, p).map(|(_, _, result)| result)
    } else {
        Ok(read_country(cli, arg, None)?.as_compared(as_of))
    }
}

/// Runs `nordgov diff`.
pub fn diff(cli: &Cli, args: &DiffArgs) -> Exit {
    let (a, b) = match (side(cli, &args.base, args.as_of), side(cli, &args.other, args.as_of)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => return e,
    };
    super::input::note_fallbacks([&b], args.lang);
    let others = super::input::other_countries(cli, &a.code);
    let (weights, _) = match args.weights.load(cli) {
        Ok(w) => w,
        Err(e) => return e,
    };
    let d = scenario::diff_with(&a, &b, &others, &weights, args.lang);
    let json = serde_json::to_value(&d).unwrap_or(serde_json::Value::Null);
    let written =
        args.out.emit(&format!("nordgov diff {} {}", args.base, args.other), &grid::diff(&d, args.lang), &json);
    if written != Exit::Success {
        return written;
    }
    if args.exit_code && !d.is_empty() {
        Exit::Findings
    } else {
        Exit::Success
    }
}
