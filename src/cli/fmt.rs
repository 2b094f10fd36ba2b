//! `nordgov fmt [PATH...] [--check] [--sort]`: model and scenario files in canonical layout
//! ([`crate::files::format`]), written atomically; `--check` only lists the files that would
//! change; `--sort` also puts facts in the model's canonical order.

use std::path::{Path, PathBuf};

use super::{print_diagnostics, Cli, Exit};
use crate::diagnostic::SourceDb;
use crate::files::workspace;

/// Arguments of `nordgov fmt`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Model files, model directories or a directory of models (default: --models).
    pub paths: Vec<PathBuf>,
    /// Change nothing; exit 1 if a file is not in canonical form (for CI).
    #[arg(long)]
    pub check: bool,
    /// Also sort arrays of facts into the model's canonical order (by default their order,
    /// often grouped by hand, is kept).
    #[arg(long)]
    pub sort: bool,
}

/// Every `*.toml` under `p` (itself if a file), sorted; `sources/` holds texts, not models.
fn toml_files(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_file() {
        out.push(p.to_path_buf());
        return;
    }
    let Ok(entries) = std::fs::read_dir(p) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        if link || path.file_name().is_some_and(|n| n == "sources") {
            continue;
        }
        if path.is_dir() {
            toml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

/// Runs the command.
pub fn run(cli: &Cli, args: &Args) -> Exit {
    let roots = if args.paths.is_empty() { vec![cli.models.clone()] } else { args.paths.clone() };
    let mut files = Vec::new();
    for r in &roots {
        if !r.exists() {
            eprintln!("error: `{}` does not exist", workspace::display(r));
            return Exit::Failure;
        }
        toml_files(r, &mut files);
    }
    let mut db = SourceDb::new();
    let (mut changed, mut broken) = (Vec::new(), false);
    for path in &files {
        let text = match workspace::read_text(path, &cli.limits()) {
            Ok(t) => t,
            Err(d) => {
                print_diagnostics(cli, &db, &[d]);
                broken = true;
                continue;
            }
        };
        let Ok(formatted) = crate::files::format::format(&text, args.sort) else {
            // The loader's parser says where and why, as for any model file.
            let id = db.add(workspace::display(path), text.clone());
            let (_, diags) = crate::load::parse(id, &text, &cli.limits());
            print_diagnostics(cli, &db, &diags);
            broken = true;
            continue;
        };
        if formatted == text {
            continue;
        }
        changed.push(workspace::display(path));
        if !args.check {
            if let Err(e) = workspace::write_atomic(path, formatted.as_bytes()) {
                eprintln!("error: cannot write `{}`: {e}", workspace::display(path));
                return Exit::Failure;
            }
        }
    }
    let verb = if args.check { "would reformat" } else { "reformatted" };
    for f in &changed {
        eprintln!("{verb} {f}");
    }
    eprintln!("{} of {} files {verb}", changed.len(), files.len());
    if broken || (args.check && !changed.is_empty()) {
        Exit::Findings
    } else {
        Exit::Success
    }
}
