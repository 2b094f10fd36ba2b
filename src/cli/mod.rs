//! The command-line interface: clap definitions, one file per subcommand, and the exit codes.
//!
//! Exit codes: 0 success; 1 findings (an invalid model, or warnings under `--deny warnings`);
//! 2 usage or input/output error. Results go to stdout (or `-o FILE`, written atomically);
//! diagnostics go to stderr.

mod args;
mod compare;
mod diagram;
mod explain;
mod explore;
mod fmt;
mod import;
mod input;
mod lsp;
mod matrix;
mod metrics;
mod new;
mod output;
mod report;
mod scenario;
mod schema;
mod shell;
mod synth;
mod validate;
mod watch;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::diagnostic::{emit, Diagnostic, SourceDb};
use crate::load::Limits;

/// The documented exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Everything worked and nothing was found.
    Success = 0,
    /// The input has problems (an invalid model), or differences were found where asked.
    Findings = 1,
    /// Usage error, or a file could not be read or written.
    Failure = 2,
}

impl Exit {
    /// The more severe of two exit codes.
    fn max_with(self, other: Exit) -> Exit {
        if (self as u8) >= (other as u8) {
            self
        } else {
            other
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> Self {
        ExitCode::from(e as u8)
    }
}

const EXAMPLES: &str = "Examples:
  nordgov validate                      check every model under models/
  nordgov validate models/dk --deny warnings
  nordgov validate --format json my-models/no
  nordgov matrix                        role matrices of every bundled country
  nordgov matrix no --as-of 2017-06-01 --kind operational --detail
  nordgov matrix dk --kind resources --format xlsx -o dk.xlsx
  nordgov compare --kind profile        indicators and distances of every bundled country
  nordgov diagram dk --view steering --format svg -o dk-steering.svg
  nordgov diagram no --view org --focus kmd --depth 2
  nordgov explore no --toward dk --depth 2   reorganisations that bring Norway closest to Denmark
  nordgov explain E0201                 what an error code means and how to fix it
  nordgov schema -o models/nordgov.schema.json
  nordgov synth --actors 10000 --seed 1 -o /tmp/synthetic
  nordgov export archimate no -o no.xml  for Archi; also archi-csv, kumu, graphml, gexf
  nordgov new is --name Iceland         start a model of your own; nordgov fmt keeps it tidy";

/// Compare how the Nordic countries govern public-sector digitalisation.
#[derive(Debug, Parser)]
#[command(name = "nordgov", version, about, after_help = EXAMPLES)]
pub struct Cli {
    /// Where country codes are looked up (`nordgov validate dk` reads MODELS/dk).
    #[arg(long, global = true, default_value = "models", value_name = "DIR")]
    pub models: PathBuf,
    /// When to colour diagnostics.
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Largest model file read, in bytes.
    #[arg(long, global = true, value_name = "BYTES", default_value_t = Limits::default().max_file_bytes)]
    pub max_file_size: u64,
    /// Longest text value accepted in a model, in bytes.
    #[arg(long, global = true, value_name = "BYTES", default_value_t = Limits::default().max_text_len)]
    pub max_text_len: usize,
    /// Most files read from one model directory.
    #[arg(long, global = true, value_name = "N", default_value_t = Limits::default().max_files)]
    pub max_files: usize,
    /// Most actors in one model.
    #[arg(long, global = true, value_name = "N", default_value_t = Limits::default().max_actors)]
    pub max_actors: usize,
    /// Most operations in one scenario.
    #[arg(long, global = true, value_name = "N", default_value_t = Limits::default().max_ops)]
    pub max_ops: usize,
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// Colour choice for diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// Colour when stderr is a terminal.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The main job: a browsable site over every model and scenario (index, countries,
    /// comparison, scenarios), standalone pages that work as files.
    #[command(
        after_help = "Examples:\n  nordgov report -o report            then open report/index.html\n  nordgov report my-models -o site --lang nb --engine builtin"
    )]
    Report(report::Args),
    /// Check models and report every problem with file:line:col.
    #[command(
        after_help = "Examples:\n  nordgov validate models/no --as-of 2020-12-31\n  nordgov validate --deny warnings --format json my-models/dk"
    )]
    Validate(validate::Args),
    /// The report's tables from a model: role matrix, strategic and operational steering, resources.
    #[command(
        after_help = "Examples:\n  nordgov matrix no --kind roles --as-of 2017-06-01\n  nordgov matrix dk --kind operational --detail --format md"
    )]
    Matrix(matrix::Args),
    /// Countries side by side: role cells, central instruments, resources, profile and distances.
    #[command(
        after_help = "Examples:\n  nordgov compare dk se fi no --kind profile\n  nordgov compare --kind resources --format xlsx -o resources.xlsx"
    )]
    Compare(compare::Args),
    /// Network metrics of a country's actor graph (checked against networkx).
    #[command(after_help = "Examples:\n  nordgov metrics no --edges steering --format csv -o no-metrics.csv")]
    Metrics(metrics::Args),
    /// The actor graph as GraphML, GEXF or node-link JSON.
    #[command(
        after_help = "Examples:\n  nordgov export graphml dk -o dk.graphml\n  nordgov export archimate no -o no-archimate.xml\n  nordgov export archi-csv se -o se-archi/"
    )]
    Export(metrics::ExportArgs),
    /// Diagrams of a country: organisation, steering, roles (DOT, SVG, PNG).
    #[command(
        after_help = "Examples:\n  nordgov diagram dk --view steering --format svg -o dk-steering.svg\n  nordgov diagram no --view org --focus kmd --depth 2"
    )]
    Diagram(diagram::Args),
    /// What-if scenarios: apply one and write the resulting model.
    #[command(
        subcommand,
        after_help = "Examples:\n  nordgov scenario apply models/no/scenarios/fin_centre.toml -o /tmp/no-fin-centre"
    )]
    Scenario(scenario::ScenarioCommand),
    /// Compare two models (or scenarios): roles, steering, relations, actors, resources,
    /// metric deltas and the distance to other countries before and after.
    #[command(
        after_help = "Examples:\n  nordgov diff models/no/scenarios/fin_centre.toml no\n  nordgov diff no dk --format md"
    )]
    Diff(scenario::DiffArgs),
    /// Search small reorganisations (moves, role transfers, instrument changes, merges) for the
    /// ones that bring a country's profile closest to another's; each savable as a scenario.
    #[command(after_help = "Examples:\n  nordgov explore no --toward dk --depth 2 --top 5 --save /tmp/ideas")]
    Explore(explore::Args),
    /// Print the JSON Schema of the model format (for editor completion).
    #[command(after_help = "Examples:\n  nordgov schema -o models/nordgov.schema.json")]
    Schema(schema::Args),
    /// Explain a diagnostic code: what it means, why, an example and the fix.
    #[command(after_help = "Examples:\n  nordgov explain E0201\n  nordgov explain all")]
    Explain(explain::Args),
    /// Generate a synthetic model of any size (for benchmarks and tests).
    #[command(after_help = "Examples:\n  nordgov synth --actors 10000 --seed 1 -o /tmp/synthetic")]
    Synth(synth::Args),
    /// Read an actor list or a role matrix kept in a spreadsheet (the layouts `matrix --kind
    /// actors|roles` write) into model files, with a diagnostic per row or cell it cannot read.
    #[command(
        after_help = "Examples:\n  nordgov matrix dk --kind actors --format xlsx -o dk-actors.xlsx\n  nordgov import xlsx dk-actors.xlsx --country dk -o /tmp/dk-actors"
    )]
    Import(import::Args),
    /// Scaffold a new country model: every level, commented examples, the schema line.
    #[command(after_help = "Examples:\n  nordgov new is --name Iceland --language en")]
    New(new::Args),
    /// Put model and scenario files into canonical form (sorted facts, aligned keys), keeping
    /// every comment; --check for CI.
    #[command(after_help = "Examples:\n  nordgov fmt my-models/is\n  nordgov fmt --check my-models")]
    Fmt(fmt::Args),
    /// Re-run `diagram` or `report` whenever a file it reads changes.
    #[command(
        after_help = "Examples:\n  nordgov watch diagram no --view org --format svg -o no-org.svg\n  nordgov watch report -o report"
    )]
    Watch(watch::Args),
    /// Serve the Language Server Protocol on stdio: diagnostics as you type, go to definition,
    /// references, completion, hover, rename, quick fixes and the outline, for editors.
    #[command(
        after_help = "Examples:\n  nordgov lsp            started by the editor; see the README for VS Code, Neovim and Helix"
    )]
    Lsp(lsp::Args),
    /// Print shell completions (bash, zsh, fish).
    #[command(after_help = "Examples:\n  nordgov completions bash > /etc/bash_completion.d/nordgov")]
    Completions(shell::CompletionArgs),
    /// Print the manual page (or write one per command with -o DIR).
    #[command(after_help = "Examples:\n  nordgov man -o /usr/local/share/man/man1")]
    Man(shell::ManArgs),
}

impl Cli {
    /// The input limits the options set.
    pub fn limits(&self) -> Limits {
        Limits {
            max_file_bytes: self.max_file_size,
            max_text_len: self.max_text_len,
            max_files: self.max_files,
            max_actors: self.max_actors,
            max_ops: self.max_ops,
        }
    }
}

/// Parses the process arguments and runs the command.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { Exit::Failure.into() } else { Exit::Success.into() };
        }
    };
    run(&cli).into()
}

/// Runs a parsed command line.
pub fn run(cli: &Cli) -> Exit {
    match &cli.command {
        Command::Report(a) => report::run(cli, a),
        Command::Validate(a) => validate::run(cli, a),
        Command::Matrix(a) => matrix::run(cli, a),
        Command::Compare(a) => compare::run(cli, a),
        Command::Metrics(a) => metrics::run(cli, a),
        Command::Export(a) => metrics::export(cli, a),
        Command::Diagram(a) => diagram::run(cli, a),
        Command::Scenario(scenario::ScenarioCommand::Apply(a)) => scenario::apply(cli, a),
        Command::Diff(a) => scenario::diff(cli, a),
        Command::Explore(a) => explore::run(cli, a),
        Command::Schema(a) => schema::run(cli, a),
        Command::Explain(a) => explain::run(a),
        Command::Synth(a) => synth::run(cli, a),
        Command::Import(a) => import::run(cli, a),
        Command::New(a) => new::run(cli, a),
        Command::Fmt(a) => fmt::run(cli, a),
        Command::Watch(a) => watch::run(cli, a),
        Command::Lsp(a) => lsp::run(cli, a),
        Command::Completions(a) => shell::completions(a),
        Command::Man(a) => shell::man(a),
    }
}

/// The commands `watch` re-runs.
#[derive(Debug, clap::Subcommand)]
pub enum WatchTarget {
    /// `nordgov diagram` with the same arguments.
    #[command(after_help = "Examples:\n  nordgov watch diagram no --view org --format svg -o no-org.svg")]
    Diagram(diagram::Args),
    /// `nordgov report` with the same arguments.
    #[command(after_help = "Examples:\n  nordgov watch report my-models -o site --engine builtin")]
    Report(report::Args),
}

impl WatchTarget {
    /// Runs the command once.
    fn run(&self, cli: &Cli) -> Exit {
        match self {
            WatchTarget::Diagram(a) => diagram::run(cli, a),
            WatchTarget::Report(a) => report::run(cli, a),
        }
    }
}

/// Prints diagnostics for people on stderr.
fn print_diagnostics(cli: &Cli, db: &SourceDb, diagnostics: &[Diagnostic]) {
    let choice = match cli.color {
        Color::Always => ColorChoice::Always,
        Color::Never => ColorChoice::Never,
        Color::Auto if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() => ColorChoice::Auto,
        Color::Auto => ColorChoice::Never,
    };
    let mut err = StandardStream::stderr(choice);
    let _ = emit::human(&mut err, db, diagnostics);
}

/// The exit code for a set of diagnostics: 2 if any is an I/O failure, 1 if any is an error
/// (or a warning when warnings are denied), else 0.
fn exit_for(diagnostics: &[Diagnostic], deny_warnings: bool) -> Exit {
    if diagnostics.iter().any(|d| d.code.is_io()) {
        Exit::Failure
    } else if diagnostics.iter().any(|d| d.severity() == crate::diagnostic::Severity::Error || deny_warnings) {
        Exit::Findings
    } else {
        Exit::Success
    }
}
