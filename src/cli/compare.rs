//! `nordgov compare [COUNTRY...] --kind roles|instruments|resources|profile`: countries side by
//! side. Each model is looked at on its reference date (the date its undated facts describe)
//! unless `--as-of` names another.

use chrono::NaiveDate;
use clap::ValueEnum;

use super::matrix::parse_lang;
use super::output::TableOutput;
use super::{read_country, Cli, Exit};
use crate::analysis::compare;
use crate::model::Lang;
use crate::render::grid::{self, GridOptions};

/// Which comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    /// Each level x role cell with every country's holders.
    Roles,
    /// Per role, the instruments the central unit uses, and the strongest.
    Instruments,
    /// Central FTE and budget: absolute, per million inhabitants, per municipality.
    Resources,
    /// Indicators computed from the models, and pairwise distances (see README, "The profile").
    Profile,
}

const PROFILE_HELP: &str = "Profile indicators (computed from the models): actors_<level> = actors at the level; \
central_cell_share = share of filled general role cells held by a central actor; centre_strongest_<role> = strongest \
instrument (1-5, 6 none) the central actors use in the role; strong_share / soft_share = share of used operational cells \
with instrument 1-2 / 4-5; central_fte_per_million = central FTE per million inhabitants. Distance = mean absolute \
difference of the indicators scaled 0-1 over the compared countries (an indicator equal in every country is left out).";

/// Arguments of `nordgov compare`.
#[derive(Debug, clap::Args)]
#[command(after_help = PROFILE_HELP)]
pub struct Args {
    /// Country codes under --models, or paths to model directories (default: every model).
    pub countries: Vec<String>,
    /// Which comparison.
    #[arg(long, value_enum, default_value_t = Kind::Profile)]
    pub kind: Kind,
    /// Look at every model on this date instead of its reference date.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    /// Language of labels.
    #[arg(long, value_parser = parse_lang, default_value = "en")]
    pub lang: Lang,
    /// Output format, width and file.
    #[command(flatten)]
    pub out: TableOutput,
}

/// Runs the command.
pub fn run(cli: &Cli, args: &Args) -> Exit {
    let targets: Vec<String> = if args.countries.is_empty() {
        crate::workspace::country_dirs(&cli.models).iter().map(|p| crate::workspace::display(p)).collect()
    } else {
        args.countries.clone()
    };
    if targets.len() < 2 {
        eprintln!(
            "error: compare needs at least two models (found {} under {})",
            targets.len(),
            crate::workspace::display(&cli.models)
        );
        return Exit::Failure;
    }
    let mut countries = Vec::new();
    for t in &targets {
        match read_country(cli, t, None) {
            Ok(c) => countries.push(c.as_compared(args.as_of)),
            Err(exit) => return exit,
        }
    }
    super::note_fallbacks(&countries, args.lang);
    let o = GridOptions { lang: args.lang, detail: false, sources: false };
    let (grids, json) = match args.kind {
        Kind::Roles => {
            let c = compare::roles(&countries, args.lang);
            (vec![grid::compare_roles(&c, &o)], to_json(&c))
        }
        Kind::Instruments => {
            let c = compare::instruments(&countries);
            (vec![grid::compare_instruments(&c, &o)], to_json(&c))
        }
        Kind::Resources => {
            let rows: Vec<_> = countries.iter().map(compare::country_resources).collect();
            (vec![grid::compare_resources(&rows, &o)], to_json(&rows))
        }
        Kind::Profile => {
            let p = compare::profile(&countries.iter().collect::<Vec<_>>());
            let mut json = to_json(&p);
            if let Some(obj) = json.as_object_mut() {
                obj.insert("summary".into(), serde_json::json!(grid::profile_summary(&p, crate::model::Lang::En)));
            }
            (grid::profile(&p, &o), json)
        }
    };
    let kind = args.kind.to_possible_value().map(|v| v.get_name().to_string()).unwrap_or_default();
    let doc = serde_json::json!({ "kind": kind, "comparison": json });
    args.out.emit(&format!("nordgov compare --kind {kind}"), &grids, &doc)
}

fn to_json<T: serde::Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}
