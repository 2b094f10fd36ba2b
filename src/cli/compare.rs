//! `nordgov compare [COUNTRY...] --kind profile|findings|roles|instruments|resources`: countries
//! side by side. Each model is looked at on its reference date (the date its undated facts
//! describe) unless `--as-of` names another.

use chrono::NaiveDate;
use clap::ValueEnum;

use super::args::parse_lang;
use super::args::WeightsArg;
use super::input::read_country;
use super::output::TableOutput;
use super::{Cli, Exit};
use crate::analysis::{compare, findings, profile};
use crate::model::Lang;
use crate::render::grid::{self, GridOptions};
use crate::render::profile as show;

/// Which comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    /// Each level x role cell with every country's holders.
    Roles,
    /// Per role, the instruments the central unit uses, and the strongest.
    Instruments,
    /// Central FTE and budget: absolute, per million inhabitants, per municipality.
    Resources,
    /// The governance dimensions side by side, the context, and the weighted distances with
    /// what separates each pair (see README, "How countries are compared").
    Profile,
    /// One generated finding per dimension: the countries' positions and groupings, with the
    /// facts they rest on.
    Findings,
}

const PROFILE_HELP: &str = "Governance dimensions (computed from the models' facts; README, \"How countries are \
compared\"): centre_host = the portfolio of the ministry the central unit sits under; centre_form = department in a \
ministry (0) or agency (1); strategic_capacity = national strategy, the centre's roles, gatekeeping, budget agreements \
(0-1); coordination = standing forums and councils among the coordinators (0-1); local_steering = strongest \
instrument on the municipalities, binding agreements, a joint municipal company (0-1); regional_tier = the regional \
level's character; central_resources = central FTE and budget for digitalisation per million inhabitants. Distance = \
weighted mean of the per-dimension differences (--weights FILE; every dimension weighs 1 by default). Actor counts \
are context, not part of the distance.";

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
    /// With profile or findings: also list every value's facts and sources.
    #[arg(long)]
    pub facts: bool,
    /// With profile: how stable each country's ordering of neighbours is when every weight is
    /// multiplied by a random factor in 1 ± --spread (N seeded draws).
    #[arg(long, value_name = "N", num_args = 0..=1, default_missing_value = "1000")]
    pub sensitivity: Option<u32>,
    /// With --sensitivity: how far weights are perturbed (0.25 = ±25 %).
    #[arg(long, default_value_t = 0.25, value_parser = parse_spread)]
    pub spread: f64,
    /// With --sensitivity: the random seed, so a run can be repeated exactly.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Print the weights file in effect (the bundled default, or --weights) and stop: a
    /// starting point for weights of your own.
    #[arg(long)]
    pub print_weights: bool,
    /// The dimensions' weights.
    #[command(flatten)]
    pub weights: WeightsArg,
    /// Output format, width and file.
    #[command(flatten)]
    pub out: TableOutput,
}

fn parse_spread(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("`{s}` is not a number from 0 to 1")),
    }
}

/// Runs the command.
pub fn run(cli: &Cli, args: &Args) -> Exit {
    let (weights, weights_text) = match args.weights.load(cli) {
        Ok(w) => w,
        Err(exit) => return exit,
    };
    if args.print_weights {
        print!("{weights_text}");
        return Exit::Success;
    }
    let targets: Vec<String> = if args.countries.is_empty() {
        crate::files::workspace::country_dirs(&cli.models).iter().map(|p| crate::files::workspace::display(p)).collect()
    } else {
        args.countries.clone()
    };
    if targets.len() < 2 {
        eprintln!(
            "error: compare needs at least two models (found {} under {})",
            targets.len(),
            crate::files::workspace::display(&cli.models)
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
    super::input::note_fallbacks(&countries, args.lang);
    let names = crate::model::Labels::of(&countries.iter().collect::<Vec<_>>(), args.lang);
    let o = GridOptions { lang: args.lang, detail: false, sources: false, names: &names };
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
        Kind::Profile | Kind::Findings => {
            let p = profile::profile(&countries.iter().collect::<Vec<_>>(), &weights, args.lang);
            let fs = findings::findings(&p);
            let sentences: Vec<String> =
                fs.iter().map(|f| crate::render::sentences::finding(args.lang, f, &p)).collect();
            if args.kind == Kind::Findings {
                let json = serde_json::json!({ "findings": to_json(&fs), "sentences": sentences, "countries": p.countries, "names": p.names });
                (vec![show::findings(&fs, &p, &o, args.facts)], json)
            } else {
                let mut grids = show::dimensions(&p, &o, args.facts);
                grids.push(show::context(&p, &o));
                let mut dist = show::distances(&p, &o);
                dist.notes.push(show::weights_note(&weights, args.lang));
                grids.push(dist);
                let mut json = to_json(&p);
                if let Some(n) = args.sensitivity {
                    let s = profile::sensitivity(&p, &weights, n, args.spread, args.seed);
                    grids.push(show::sensitivity(&s, &p, &o));
                    if let Some(obj) = json.as_object_mut() {
                        obj.insert("sensitivity".into(), to_json(&s));
                    }
                }
                if let Some(obj) = json.as_object_mut() {
                    obj.insert("weights".into(), to_json(&weights));
                    obj.insert("summary".into(), serde_json::json!(crate::render::sentences::extremes(args.lang, &p)));
                    obj.insert("findings".into(), serde_json::json!(sentences));
                }
                (grids, json)
            }
        }
    };
    let kind = args.kind.to_possible_value().map(|v| v.get_name().to_string()).unwrap_or_default();
    let doc = serde_json::json!({ "kind": kind, "comparison": json });
    args.out.emit(&format!("nordgov compare --kind {kind}"), &grids, &doc)
}

fn to_json<T: serde::Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}
