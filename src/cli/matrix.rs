//! `nordgov matrix COUNTRY --kind roles|strategic|operational`: the report's tables from a model.

use std::io::IsTerminal;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::ValueEnum;

use super::{output, read_country, Cli, Exit};
use crate::analysis::matrix;
use crate::model::{ActorId, Lang, Sector, Vocabulary};
use crate::render::table;

/// Which table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    /// Level x role: who holds each role at each level.
    Roles,
    /// Per sector and level: primary actors, strategy documents, instruments.
    Strategic,
    /// Per key actor: role x instrument, used or not.
    Operational,
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A text table wrapped to the terminal (or --width).
    Table,
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
    /// The model as it stood on this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    /// Language of actor names (abbreviations are used where they exist).
    #[arg(long, value_parser = parse_lang, default_value = "en")]
    pub lang: Lang,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Show each used cell's description (operational).
    #[arg(long)]
    pub detail: bool,
    /// List each cell's sources (document:lines, confidence) under the table.
    #[arg(long)]
    pub sources: bool,
    /// Wrap tables to this many columns (default: the terminal's width, else 100).
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,
    /// Write to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

fn parse_vocab<V: Vocabulary>(s: &str) -> Result<V, String> {
    V::from_key(s).ok_or_else(|| format!("expected one of: {}", V::keys().join(", ")))
}

fn parse_sector(s: &str) -> Result<Sector, String> {
    parse_vocab(s)
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    parse_vocab(s)
}

/// The width to wrap to: --width, else $COLUMNS when stdout is a terminal, else 100.
fn width(args: &Args) -> usize {
    args.width
        .or_else(|| {
            std::io::stdout()
                .is_terminal()
                .then(|| std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()))
                .flatten()
        })
        .unwrap_or(100)
}

/// Runs the command.
pub fn run(cli: &Cli, args: &Args) -> Exit {
    let targets: Vec<String> = if args.countries.is_empty() {
        crate::workspace::country_dirs(&cli.models).iter().map(|p| crate::workspace::display(p)).collect()
    } else {
        args.countries.clone()
    };
    if targets.is_empty() {
        eprintln!("error: no models under {}", crate::workspace::display(&cli.models));
        return Exit::Failure;
    }
    let mut parts = Vec::new();
    for target in &targets {
        match render_one(cli, args, target) {
            Ok(text) => parts.push(text),
            Err(exit) => return exit,
        }
    }
    output::write(args.output.as_deref(), &parts.join("\n"))
}

/// The requested tables of one country.
fn render_one(cli: &Cli, args: &Args, target: &str) -> Result<String, Exit> {
    let country = read_country(cli, target, args.as_of)?;
    let actor = args.actor.as_ref().map(|a| ActorId(a.clone()));
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
    let w = width(args);
    Ok(match args.kind {
        Kind::Roles => {
            let m = matrix::role_matrix(&country, args.sector.unwrap_or(Sector::General), args.lang);
            table::layout(&table::role_matrix(&m, args.sources), w)
        }
        Kind::Strategic => {
            table::layout(&table::strategic(&matrix::strategic(&country, args.sector, args.lang), args.sources), w)
        }
        Kind::Operational => matrix::operational(&country, actor.as_ref(), args.sector, args.lang)
            .iter()
            .map(|m| table::layout(&table::operational(m, args.detail, args.sources), w))
            .collect::<Vec<_>>()
            .join("\n"),
    })
}
