//! `nordgov explore COUNTRY --toward OTHER`: the best small reorganisations by profile distance
//! (or a weighted objective), each writable as a scenario file.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::input::read_country;
use super::output::TableOutput;
use super::{Cli, Exit};
use crate::files::workspace;
use crate::model::{Country, Labels, Lang};
use crate::render::grid::{Cell, Grid};
use crate::render::operations;
use crate::scenario::explore::{self, Kind, Objective, Outcome};
use crate::scenario::{self, Op};

/// Arguments of `nordgov explore`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  nordgov explore no --toward dk
  nordgov explore no --toward dk --ops transfer_role,change_strength --depth 2 --top 5
  nordgov explore no --toward dk --objective 'distance(dk) + 0.1*actors_moved' --save /tmp/found
  nordgov diff no /tmp/found/01.toml")]
pub struct Args {
    /// The country to reorganise: a code under --models or a model directory.
    pub country: String,
    /// The country to get closer to (a code under --models).
    #[arg(long, value_name = "CODE")]
    pub toward: String,
    /// The kinds of change to try.
    #[arg(long, value_enum, value_delimiter = ',', default_value = "move,transfer_role,change_strength,merge")]
    pub ops: Vec<Kind>,
    /// Changes per candidate: 1, or 2 (every pair of distinct changes).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=2))]
    pub depth: u8,
    /// How many results to list (at least 1).
    #[arg(long, default_value_t = 10, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    pub top: usize,
    /// What to minimise instead of `distance(TOWARD)`: a weighted sum of distance(CC), ops,
    /// actors_moved, actors_merged, roles_transferred, strength_changes.
    #[arg(long, value_name = "EXPR")]
    pub objective: Option<String>,
    /// Write each result as a scenario file DIR/NN.toml (DIR is created; files are replaced).
    #[arg(long, value_name = "DIR")]
    pub save: Option<PathBuf>,
    /// Output format, width and file.
    /// The dimensions' weights in the distances.
    #[command(flatten)]
    pub weights: super::args::WeightsArg,
    #[command(flatten)]
    pub out: TableOutput,
}

/// Set by Ctrl-C; the search then returns the best found so far.
static STOP: AtomicBool = AtomicBool::new(false);

/// Runs the command.
pub fn run(cli: &Cli, args: &Args) -> Exit {
    // Ctrl-C stops the search (set first, so one that comes while the models load is not lost);
    // a second Ctrl-C, if the first is not seen, ends the process.
    let _ = ctrlc::set_handler(|| {
        if STOP.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
    });
    let base = match read_country(cli, &args.country, None) {
        Ok(c) => c.as_compared(None),
        Err(e) => return e,
    };
    let (weights, _) = match args.weights.load(cli) {
        Ok(w) => w,
        Err(e) => return e,
    };
    let others = super::input::other_countries(cli, &base.code);
    let codes: Vec<&str> = others.iter().map(|o| o.code.as_str()).collect();
    let objective = match &args.objective {
        Some(text) => match Objective::parse(text) {
            Ok(o) => o,
            Err(e) => {
                eprintln!("error: --objective: {e}");
                return Exit::Failure;
            }
        },
        None => Objective::distance(&args.toward),
    };
    let toward = args.toward.to_lowercase();
    for code in std::iter::once(toward.as_str()).chain(objective.countries()) {
        if !codes.contains(&code) {
            eprintln!("error: no other country `{code}` under {}", workspace::display(&cli.models));
            match crate::diagnostic::suggestion_hint(code, codes.iter().copied()) {
                Some(h) => eprintln!("help: {h}"),
                None => eprintln!("help: the countries are {}", codes.join(", ")),
            }
            return Exit::Failure;
        }
    }

    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
    bar.set_style(
        ProgressStyle::with_template("{elapsed} [{bar:30}] {pos}/{len} first changes ({msg})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message("Ctrl-C returns the best so far");
    let started = Instant::now();
    let shown = OnceLock::new();
    let progress = |done: u64, total: u64| {
        // Only a search that takes longer than a second shows a bar.
        if started.elapsed().as_secs_f64() > 1.0 {
            shown.get_or_init(|| bar.set_draw_target(ProgressDrawTarget::stderr()));
        }
        bar.set_length(total);
        bar.set_position(done);
    };
    let search = explore::Search {
        base: &base,
        others: &others,
        kinds: &args.ops,
        depth: args.depth,
        top: args.top,
        objective: &objective,
        weights: &weights,
    };
    let outcome = explore::search(&search, &STOP, &progress);
    bar.finish_and_clear();
    if outcome.interrupted {
        eprintln!("interrupted: the results are the best of {} candidates evaluated", outcome.evaluated);
    }
    // The time goes to stderr so the same models give the same table (JSON keeps it, for scripts
    // that measure).
    eprintln!("note: {} candidates evaluated in {:.2} s", outcome.evaluated, outcome.seconds);

    // Each result is applied as a scenario to the whole model, for its diff summary (and as a
    // check on the search's own bookkeeping).
    let results: Vec<Result> = outcome
        .found
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let ops = explore::to_ops(&base, &f.changes);
            let applied = apply(&base, &ops, &format!("explore result {}", i + 1));
            let names = match &applied {
                Ok((result, _)) => Labels::of(&[&base, result], Lang::En),
                Err(_) => Labels::of(&[&base], Lang::En),
            };
            let sentences = operations::sentences(Lang::En, &ops, &names);
            Result { ops, sentences, applied, found: f }
        })
        .collect();
    if let Some(dir) = &args.save {
        if let Err(e) = workspace::refuse_model_dir(dir) {
            eprintln!("error: {e}");
            return Exit::Failure;
        }
        for (i, r) in results.iter().enumerate() {
            let path = dir.join(format!("{:02}.toml", i + 1));
            let text = match scenario_file(args, &base, &objective, i + 1, r) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("error: cannot print result {}: {e}", i + 1);
                    return Exit::Failure;
                }
            };
            if let Err(e) = workspace::write_atomic(&path, text.as_bytes()) {
                eprintln!("error: cannot write `{}`: {e}", workspace::display(&path));
                return Exit::Failure;
            }
        }
        eprintln!("wrote {} scenario files to {}", results.len(), workspace::display(dir));
    }
    let json = to_json(args, &objective, &outcome, &results);
    args.out.emit(
        &format!("nordgov explore {} --toward {}", args.country, args.toward),
        &[grid(&outcome, &results)],
        &json,
    )
}

/// A result with its scenario operations and the model they give.
struct Result<'a> {
    ops: Vec<Op>,
    /// Each operation as a sentence, with the actors' names.
    sentences: Vec<String>,
    applied: std::result::Result<(Country, scenario::Diff), String>,
    found: &'a explore::Found,
}

fn apply(base: &Country, ops: &[Op], name: &str) -> std::result::Result<(Country, scenario::Diff), String> {
    let s = scenario::Scenario::from_ops(name, &base.code, ops.to_vec());
    let result = scenario::apply(base, &s, crate::diagnostic::FileId::default()).map_err(|d| d.message.clone())?;
    let d = scenario::diff(base, &result, &[]);
    Ok((result, d))
}

/// What the diff holds, counted: "role cells 2, steering cells 2".
fn summary(d: &scenario::Diff) -> String {
    [
        ("actors added", d.actors_added.len()),
        ("actors removed", d.actors_removed.len()),
        ("actor fields", d.actors_changed.len()),
        ("role cells", d.roles.len()),
        ("steering cells", d.steering.len()),
        ("relations", d.relations_added.len() + d.relations_removed.len()),
    ]
    .iter()
    .filter(|(_, n)| *n > 0)
    .map(|(what, n)| format!("{what} {n}"))
    .collect::<Vec<_>>()
    .join(", ")
}

fn grid(o: &Outcome, results: &[Result<'_>]) -> Grid {
    let codes: Vec<String> = o.base_distances.iter().map(|(c, _)| c.clone()).collect();
    let mut g = Grid {
        sheet: "explore".into(),
        title: format!(
            "Best reorganisations ({} candidates evaluated from {} changes; objective of the base {:.4})",
            o.evaluated, o.changes, o.base_score
        ),
        header: ["#", "objective", "changes", "diff"]
            .into_iter()
            .map(String::from)
            .chain(codes.iter().map(|c| format!("distance {c}")))
            .collect(),
        ..Default::default()
    };
    for (i, r) in results.iter().enumerate() {
        let mut row = vec![
            Cell::text((i + 1).to_string()),
            Cell::text(format!("{:.4}", r.found.score)),
            Cell::text(r.sentences.join("\n")),
            Cell::text(match &r.applied {
                Ok((_, d)) => summary(d),
                Err(e) => format!("does not apply: {e}"),
            }),
        ];
        for ((_, before), (_, after)) in o.base_distances.iter().zip(&r.found.distances) {
            row.push(Cell::text(format!("{before:.3} -> {after:.3}")));
        }
        g.rows.push(row);
    }
    g.notes.push(
        "Distances are profile distances scaled over this country and all others (see `compare --kind profile`)."
            .to_string(),
    );
    g
}

fn to_json(args: &Args, objective: &Objective, o: &Outcome, results: &[Result<'_>]) -> serde_json::Value {
    serde_json::json!({
        "country": args.country,
        "toward": args.toward.to_lowercase(),
        "objective": objective.to_string(),
        "kinds": args.ops,
        "depth": args.depth,
        "changes": o.changes,
        "evaluated": o.evaluated,
        "seconds": o.seconds,
        "per_second": if o.seconds > 0.0 { o.evaluated as f64 / o.seconds } else { 0.0 },
        "interrupted": o.interrupted,
        "base": { "objective": o.base_score, "distances": o.base_distances.iter().cloned().collect::<std::collections::BTreeMap<_, _>>() },
        "results": results.iter().enumerate().map(|(i, r)| serde_json::json!({
            "rank": i + 1,
            "objective": r.found.score,
            "distances": r.found.distances.iter().cloned().collect::<std::collections::BTreeMap<_, _>>(),
            "ops": r.ops,
            "summary": r.sentences,
            "diff": r.applied.as_ref().map(|(_, d)| summary(d)).unwrap_or_else(|e| format!("does not apply: {e}")),
        })).collect::<Vec<_>>(),
    })
}

/// A result as a scenario file `diff` and `report` accept, written through the scenario printer.
fn scenario_file(
    args: &Args,
    base: &Country,
    objective: &Objective,
    rank: usize,
    r: &Result<'_>,
) -> std::result::Result<String, toml::ser::Error> {
    let base_ref = match std::path::Path::new(&args.country) {
        p if p.is_dir() => std::fs::canonicalize(p).map_or(args.country.clone(), |p| p.display().to_string()),
        _ => args.country.clone(),
    };
    let header = scenario::print::Header {
        name: format!("explore {} toward {}: result {rank}", base.code, args.toward),
        base: base_ref,
        as_of: base.reference_date.map(|d| d.last_day()),
        rationale: format!(
            "Ranked {rank} by the objective {objective} = {:.4} (lower is better). Changes: {}.",
            r.found.score,
            r.sentences.join("; ")
        ),
    };
    scenario::print::file_text("# Found by `nordgov explore`; review before relying on it.\n\n", &header, &r.ops)
}
