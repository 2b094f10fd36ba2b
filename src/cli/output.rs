//! Writing command results: to stdout, or atomically to a file named with `-o`; and the
//! tabular formats every table-producing command offers.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::Exit;
use crate::files::workspace;
use crate::render::{csv, grid::Grid, html, md, table, xlsx};

/// The formats of table-producing commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// A text table wrapped to the terminal (or --width).
    Table,
    /// GitHub-flavoured Markdown.
    Md,
    /// CSV (RFC 4180; formula-like cells neutralised).
    Csv,
    /// JSON: the views themselves, documented in README.md.
    Json,
    /// An Excel workbook: one sheet per country (needs -o FILE or a non-terminal stdout).
    Xlsx,
    /// A standalone HTML page.
    Html,
}

/// The output options every table-producing command shares.
#[derive(Debug, clap::Args)]
pub struct TableOutput {
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
    /// Wrap tables to this many columns (default: the terminal's width, else 100).
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,
    /// Write to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

impl TableOutput {
    /// Renders and writes `grids` (or `json`) as these options say.
    pub fn emit(&self, title: &str, grids: &[Grid], json: &serde_json::Value) -> Exit {
        emit(self.format, title, grids, json, width(self.width), self.output.as_deref())
    }
}

/// The width to wrap to: the requested one, else $COLUMNS when stdout is a terminal, else 100.
pub fn width(requested: Option<usize>) -> usize {
    requested
        .or_else(|| {
            std::io::stdout()
                .is_terminal()
                .then(|| std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()))
                .flatten()
        })
        .unwrap_or(100)
}

/// Renders `grids` (or, for JSON, `json`) in `format` and writes the result.
pub fn emit(
    format: TableFormat,
    title: &str,
    grids: &[Grid],
    json: &serde_json::Value,
    width: usize,
    to: Option<&Path>,
) -> Exit {
    match format {
        TableFormat::Table => write(to, &grids.iter().map(|g| table::layout(g, width)).collect::<Vec<_>>().join("\n")),
        TableFormat::Md => write(to, &md::render(grids)),
        TableFormat::Csv => write(to, &csv::render(grids)),
        TableFormat::Html => write(to, &html::render(title, grids)),
        TableFormat::Json => write(to, &(serde_json::to_string_pretty(json).unwrap_or_default() + "\n")),
        TableFormat::Xlsx => {
            if to.is_none() && std::io::stdout().is_terminal() {
                eprintln!("error: xlsx is binary; write it to a file with -o FILE.xlsx");
                return Exit::Failure;
            }
            match xlsx::render(grids) {
                Ok(bytes) => write_bytes(to, &bytes),
                Err(e) => {
                    eprintln!("error: cannot build the workbook: {e}");
                    Exit::Failure
                }
            }
        }
    }
}

/// Writes `text` to `target` (a path, or stdout for `None` or `-`). A closed pipe on stdout
/// (`nordgov ... | head`) is not an error.
pub fn write(target: Option<&Path>, text: &str) -> Exit {
    write_bytes(target, text.as_bytes())
}

/// Writes bytes to `target` (a path, written atomically, or stdout).
pub fn write_bytes(target: Option<&Path>, bytes: &[u8]) -> Exit {
    match target {
        Some(p) if p != Path::new("-") => match refuse(p.parent()).and_then(|()| {
            workspace::write_atomic(p, bytes).map_err(|e| format!("cannot write `{}`: {e}", workspace::display(p)))
        }) {
            Ok(()) => Exit::Success,
            Err(e) => {
                eprintln!("error: {e}");
                Exit::Failure
            }
        },
        _ => {
            let mut out = std::io::stdout().lock();
            match out.write_all(bytes).and_then(|()| out.flush()) {
                Ok(()) => Exit::Success,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Exit::Success,
                Err(e) => {
                    eprintln!("error: cannot write to stdout: {e}");
                    Exit::Failure
                }
            }
        }
    }
}

/// [`workspace::refuse_model_dir`] for the directory of an output file (`None`: the current one).
fn refuse(dir: Option<&Path>) -> Result<(), String> {
    workspace::refuse_model_dir(dir.unwrap_or(Path::new(".")))
}
