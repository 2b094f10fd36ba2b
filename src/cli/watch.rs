//! `nordgov watch diagram ...` and `nordgov watch report ...`: run the command, then again each
//! time a file it reads changes (model files, scenario files, source texts), until interrupted.
//! Changes come from the operating system's file events (`notify`, debounced by
//! `notify-debouncer-full`) rather than from walking the tree: nothing is read while the files
//! are quiet, a burst of saves becomes one run, and a directory symlink cycle inside a model
//! cannot make watch loop (notify's walk detects the cycle). Outputs are written atomically, so
//! a viewer never sees half a file.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify_debouncer_full::notify::event::{AccessKind, AccessMode};
use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{new_debouncer, DebounceEventResult};

use super::{Cli, Exit, WatchTarget as Target};
use crate::files::workspace;

/// Arguments of `nordgov watch`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How long the files must stay quiet after a change before the command runs again, in
    /// milliseconds (a burst of saves makes one run).
    #[arg(long, default_value_t = 300, value_name = "MS")]
    pub interval: u64,
    /// Stop after this many runs (for scripts and tests; default: until interrupted).
    #[arg(long, value_name = "N")]
    pub max_runs: Option<usize>,
    /// What to re-run.
    #[command(subcommand)]
    pub target: Target,
}

/// Whether an event can mean a watched file changed. Opening and reading are not changes
/// (every run opens the files it watches, which would otherwise start the next run), nor is
/// notify's `Other` (bookkeeping such as a watch being removed).
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Other => false,
        EventKind::Any | EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) => true,
    }
}

/// Where to ask for events: a directory with everything under it; a file through its own
/// directory alone (editors often save by replacing the file, which would end a watch on the file
/// itself). Directories already under a watched directory are left out.
fn roots(paths: &[PathBuf]) -> Vec<(PathBuf, RecursiveMode)> {
    let (dirs, files): (Vec<&PathBuf>, Vec<&PathBuf>) = paths.iter().partition(|p| p.is_dir());
    let covered = |d: &Path| dirs.iter().any(|o| d != o.as_path() && d.starts_with(o));
    let mut out: Vec<(PathBuf, RecursiveMode)> =
        dirs.iter().filter(|d| !covered(d)).map(|d| ((*d).clone(), RecursiveMode::Recursive)).collect();
    for f in files {
        let parent = f.parent().unwrap_or(f);
        if !covered(parent) && !dirs.iter().any(|d| d.as_path() == parent) {
            out.push((parent.to_path_buf(), RecursiveMode::NonRecursive));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

/// Whether `changed` is one of `paths` or under one of them.
fn concerns(paths: &[PathBuf], changed: &Path) -> bool {
    paths.iter().any(|p| changed == p || (p.is_dir() && changed.starts_with(p)))
}

/// Whether a batch of events holds a change to a watched file; errors are reported and skipped.
fn changed(paths: &[PathBuf], batch: DebounceEventResult) -> bool {
    match batch {
        Ok(events) => {
            events.iter().any(|e| is_change(&e.event.kind) && e.event.paths.iter().any(|p| concerns(paths, p)))
        }
        Err(errors) => {
            for e in errors {
                eprintln!("warning: while watching: {e}");
            }
            false
        }
    }
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
    let shown = watched(cli, &args.target);
    // notify reports absolute paths; compare in that form.
    let paths: Vec<PathBuf> = shown.iter().map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone())).collect();
    let (tx, rx) = mpsc::channel();
    // A zero timeout would make the debouncer's thread spin.
    let mut debouncer = match new_debouncer(Duration::from_millis(args.interval.max(10)), None, tx) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: cannot watch for changes: {e}");
            return Exit::Failure;
        }
    };
    for (root, mode) in roots(&paths) {
        if let Err(e) = debouncer.watch(&root, mode) {
            eprintln!("warning: cannot watch {}: {e}", workspace::display(&root));
        }
    }
    let shown: Vec<String> = shown.iter().map(|p| workspace::display(p)).collect();
    eprintln!("watching {} (Ctrl-C stops)", shown.join(", "));
    let mut runs = 0;
    loop {
        let status = args.target.run(cli);
        runs += 1;
        let how = if status == Exit::Success { "done" } else { "failed; waiting for a change" };
        eprintln!("run {runs}: {how}");
        if args.max_runs.is_some_and(|m| runs >= m) {
            return status;
        }
        // Wait for a change, then take the batches already queued with it: one burst, one run.
        loop {
            let Ok(batch) = rx.recv() else { return status };
            if changed(&paths, batch) {
                while rx.try_recv().is_ok() {}
                break;
            }
        }
    }
}
