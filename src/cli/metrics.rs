//! `nordgov metrics COUNTRY`: network metrics of the actor graph, and `nordgov export`: the
//! graph for other tools.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::ValueEnum;

use super::output::{self, TableOutput};
use super::{Cli, Exit};
use crate::analysis::metrics;
use crate::graph::{self, EdgeSet};
use crate::model::Lang;
use crate::render::grid::{self as grids, GridOptions};
use crate::render::{archimate, graphml};

/// Arguments of `nordgov metrics`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A country code under --models, or a path to a model directory.
    pub country: String,
    /// The model as it stood on this date; default: its reference date.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    /// Which edges the graph metrics use (reach always uses steering, the reporting chain the hierarchy).
    #[arg(long, value_enum, default_value_t = EdgeSet::All)]
    pub edges: EdgeSet,
    /// Output format, width and file.
    #[command(flatten)]
    pub out: TableOutput,
}

/// Runs `nordgov metrics`.
pub fn run(cli: &Cli, args: &Args) -> Exit {
    let c = match super::input::read_on(cli, &args.country, args.as_of) {
        Ok(c) => c,
        Err(e) => return e,
    };
    let m = metrics::metrics(&c, &graph::build(&c), args.edges);
    // Rows keyed by id, as in the JSON and CSV that networkx and spreadsheets read (the report's
    // metrics table names the actors): no names to look up.
    let names = crate::model::Labels::default();
    let o = GridOptions { lang: Lang::En, detail: false, sources: false, names: &names };
    let json = serde_json::to_value(&m).unwrap_or(serde_json::Value::Null);
    args.out.emit(&format!("nordgov metrics {}", c.code), &[grids::metrics(&m, &o)], &json)
}

/// Graph file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// GraphML (networkx, Gephi, yEd).
    Graphml,
    /// GEXF 1.3 (Gephi).
    Gexf,
    /// Node-link JSON (networkx `node_link_graph(..., edges="links")`).
    Json,
    /// ArchiMate Model Exchange File Format 3.1 (Archi, BiZZdesign, Sparx).
    Archimate,
    /// Archi's CSV import: elements.csv, relations.csv, properties.csv (needs -o DIR).
    ArchiCsv,
    /// A Kumu JSON blueprint (elements and connections), for sharing a stakeholder map.
    Kumu,
}

/// Arguments of `nordgov export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The format.
    #[arg(value_enum)]
    pub format: GraphFormat,
    /// A country code under --models, or a path to a model directory.
    pub country: String,
    /// The model as it stood on this date; default: its reference date.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    /// Write to FILE instead of stdout (a directory for archi-csv).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Runs `nordgov export`.
pub fn export(cli: &Cli, args: &ExportArgs) -> Exit {
    let c = match super::input::read_on(cli, &args.country, args.as_of) {
        Ok(c) => c,
        Err(e) => return e,
    };
    let g = graph::build(&c);
    let json = |v: &serde_json::Value| serde_json::to_string_pretty(v).unwrap_or_default() + "\n";
    let text = match args.format {
        GraphFormat::Graphml => graphml::graphml(&c, &g),
        GraphFormat::Gexf => graphml::gexf(&c, &g),
        GraphFormat::Json => json(&graphml::node_link(&c, &g)),
        GraphFormat::Archimate => archimate::exchange_xml(&archimate::map(&c, &g)),
        GraphFormat::Kumu => json(&archimate::kumu(&archimate::map(&c, &g))),
        GraphFormat::ArchiCsv => {
            let Some(dir) = &args.output else {
                eprintln!("error: archi-csv writes three files: name a directory with -o DIR");
                return Exit::Failure;
            };
            // output::write refuses a directory that holds a model, before the first file.
            for (name, text) in archimate::archi_csv(&archimate::map(&c, &g)) {
                let status = output::write(Some(&dir.join(name)), &text);
                if status != Exit::Success {
                    return status;
                }
            }
            return Exit::Success;
        }
    };
    output::write(args.output.as_deref(), &text)
}
