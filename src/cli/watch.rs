//! `nordgov watch diagram ...` and `nordgov watch report ...`: run the command, then again each
//! time a file it reads changes (model files, scenario files, source texts), until interrupted.
//! Outputs are written atomically, so a viewer never sees half a file.

use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use super::{Cli, Exit, WatchTarget as Target};
use crate::files::workspace;

/// Arguments of `nordgov watch`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How often to look for changes, in milliseconds.
    #[arg(long, default_value_t = 300, value_name = "MS")]
    pub interval: u64,
    /// Stop after this many runs (for scripts and tests; default: until interrupted).
    #[arg(long, value_name = "N")]
    pub max_runs: Option<usize>,
    /// What to re-run.
    #[command(subcommand)]
    pub target: Target,
}

/// Every file under the watched paths with its length and modification time, sorted.
fn snapshot(paths: &[PathBuf]) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = paths.to_vec();
    while let Some(p) = stack.pop() {
        let Ok(meta) = std::fs::metadata(&p) else { continue };
        if meta.is_dir() {
            if let Ok(entries) = std::fs::read_dir(&p) {
                stack.extend(entries.filter_map(Result::ok).map(|e| e.path()));
            }
        } else {
            out.push((p, meta.len(), meta.modified().ok()));
        }
    }
    out.sort();
    out
}

/// What a run reads: the model directory (or the models root for a report) and the scenario.
fn watched(cli: &Cli, target: &Target) -> Vec<PathBuf> {
    match target {
        Target::Diagram(a) => {
            let mut v: Vec<PathBuf> = a
                .country
                .as_deref()
                .and_then(|c| workspace::resolve(c, &cli.models).ok())
                .map(|d| d.path)
                .into_iter()
                .collect();
            v.extend(a.scenario.clone());
            if v.is_empty() || a.scenario.is_some() {
                v.push(cli.models.clone());
            }
            v
        }
        Target::Report(a) => vec![a.models_dir.clone().unwrap_or_else(|| cli.models.clone())],
    }
}

/// Runs the command.
pub fn run(cli: &Cli, args: &Args) -> Exit {
    let paths = watched(cli, &args.target);
    let shown: Vec<String> = paths.iter().map(|p| workspace::display(p)).collect();
    eprintln!("watching {} (Ctrl-C stops)", shown.join(", "));
    let mut last = None;
    let mut runs = 0;
    loop {
        let now = snapshot(&paths);
        if last.as_ref() != Some(&now) {
            // Wait for a burst of saves to settle before reading.
            std::thread::sleep(Duration::from_millis(args.interval / 2));
            let settled = snapshot(&paths);
            if settled != now {
                continue;
            }
            let status = args.target.run(cli);
            runs += 1;
            let how = if status == Exit::Success { "done" } else { "failed; waiting for a change" };
            eprintln!("run {runs}: {how}");
            last = Some(settled);
            if args.max_runs.is_some_and(|m| runs >= m) {
                return status;
            }
        }
        std::thread::sleep(Duration::from_millis(args.interval));
    }
}
