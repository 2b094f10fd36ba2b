//! `nordgov matrix COUNTRY --kind roles|strategic|operational`: the report's tables from a model.

use chrono::NaiveDate;
use clap::ValueEnum;

use super::args::{parse_lang, parse_sector};
use super::output::TableOutput;
use super::{Cli, Exit};
use crate::analysis::{matrix, resources};
use crate::model::{ActorId, Lang, Sector};
use crate::render::grid::{self, Grid, GridOptions};

/// Which table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    /// Level x role: who holds each role at each level.
    Roles,
    /// Per sector and level: primary actors, strategy documents, instruments.
    Strategic,
    /// Per key actor: role x instrument, used or not.
    Operational,
    /// Every quantified actor: FTE and budget, budgets normalised to euro with the rate stated.
    Resources,
    /// Every actor, one row each with fixed columns (the layout `nordgov import` reads back).
    Actors,
}

/// Arguments of `nordgov matrix`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Country codes under --models, or paths to model directories (default: every model under
    /// --models).
    pub countries: Vec<String>,
    /// Which table.
    #[arg(long, value_enum, default_value_t = Kind::Roles)]
    pub kind: Kind,
    /// Only this actor's operational steering (operational).
    #[arg(long, value_name = "ID")]
    pub actor: Option<String>,
    /// Sector: general (default for roles) or health, ...; strategic and operational show all
    /// sectors unless one is named.
    #[arg(long, value_parser = parse_sector)]
    pub sector: Option<Sector>,
    /// The model as it stood on this date (YYYY-MM-DD); default: its reference date.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    /// Language of actor names (abbreviations are used where they exist).
    #[arg(long, value_parser = parse_lang, default_value = "en")]
    pub lang: Lang,
    /// Show each used cell's description (operational).
    #[arg(long)]
    pub detail: bool,
    /// List each cell's sources (document:lines, confidence) under the table.
    #[arg(long)]
    pub sources: bool,
    /// Output format, width and file.
    #[command(flatten)]
    pub out: TableOutput,
}

/// Runs the command.
pub fn run(cli: &Cli, args: &Args) -> Exit {
    let targets: Vec<String> = if args.countries.is_empty() {
        crate::files::workspace::country_dirs(&cli.models).iter().map(|p| crate::files::workspace::display(p)).collect()
    } else {
        args.countries.clone()
    };
    if targets.is_empty() {
        eprintln!("error: no models under {}", crate::files::workspace::display(&cli.models));
        return Exit::Failure;
    }
    let mut grids = Vec::new();
    let mut json = Vec::new();
    for target in &targets {
        match tables(cli, args, target) {
            Ok((g, j)) => {
                grids.extend(g);
                json.extend(j);
            }
            Err(exit) => return exit,
        }
    }
    let kind = args.kind.to_possible_value().map(|v| v.get_name().to_string()).unwrap_or_default();
    let doc = serde_json::json!({ "kind": kind, "tables": json });
    args.out.emit(&format!("nordgov matrix --kind {kind}"), &grids, &doc)
}

/// The requested tables of one country, as grids and as JSON views.
fn tables(cli: &Cli, args: &Args, target: &str) -> Result<(Vec<Grid>, Vec<serde_json::Value>), Exit> {
    // The actor list is the model's actors.toml as a sheet (what `import` reads back), so it holds
    // every actor with its dates unless a date is asked for; the tables show one date.
    let country = match (args.kind, args.as_of) {
        (Kind::Actors, None) => super::input::read_country(cli, target, None)?,
        _ => super::input::read_on(cli, target, args.as_of)?,
    };
    let actor = args.actor.as_ref().map(|a| ActorId::new(a));
    if let Some(a) = &actor {
        if country.actor(a).is_none() {
            eprintln!("error: no actor `{a}` in {}", country.code);
            if let Some(h) = crate::diagnostic::suggestion_hint(a.as_str(), country.actors.keys().map(ActorId::as_str))
            {
                eprintln!("help: {h}");
            }
            return Err(Exit::Failure);
        }
    }
    super::input::note_fallbacks([&country], args.lang);
    let names = crate::model::Labels::of(&[&country], args.lang);
    let o = GridOptions { lang: args.lang, detail: args.detail, sources: args.sources, names: &names };
    Ok(match args.kind {
        Kind::Roles => {
            let m = matrix::role_matrix(&country, args.sector.unwrap_or(Sector::General), args.lang);
            (vec![grid::role_matrix(&m, &o)], vec![json(&m)])
        }
        Kind::Strategic => {
            let s = matrix::strategic(&country, args.sector, args.lang);
            (vec![grid::strategic(&s, &o)], vec![json(&s)])
        }
        Kind::Operational => {
            let ms = matrix::operational(&country, actor.as_ref(), args.sector, args.lang);
            (ms.iter().map(|m| grid::operational(m, &o)).collect(), ms.iter().map(json).collect())
        }
        Kind::Resources => {
            let mut t = resources::resources(&country, args.lang);
            if let Some(a) = &actor {
                t.rows.retain(|r| &r.actor.id == a);
            }
            (vec![grid::resources(&t, &o)], vec![json(&t)])
        }
        Kind::Actors => {
            let g = grid::actor_list(&country);
            let rows: Vec<serde_json::Value> = g
                .rows
                .iter()
                .map(|r| g.header.iter().zip(r).map(|(h, c)| (h.clone(), serde_json::json!(c.text))).collect())
                .collect();
            (vec![g], vec![serde_json::json!({ "country": country.code, "actors": rows })])
        }
    })
}

/// A view as a JSON value (views are plain data; serialising them cannot fail).
fn json<T: serde::Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}
