//! `nordgov import xlsx|csv FILE --country CODE -o DIR`: an actor list kept in a spreadsheet
//! (the layout `nordgov matrix --kind actors` writes) into a model file, `DIR/actors.toml`.

use std::path::PathBuf;

use calamine::{Data, Reader};

use super::{report, Cli, Exit};
use crate::diagnostic::SourceDb;
use crate::{actor_list, workspace};

/// Spreadsheet formats `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// An Excel workbook: the sheet named after the country, else the first with an actor list.
    Xlsx,
    /// A CSV file (as nordgov writes it, or saved from a spreadsheet as UTF-8 CSV).
    Csv,
}

/// Arguments of `nordgov import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The file's format.
    #[arg(value_enum)]
    pub format: Format,
    /// The spreadsheet.
    pub file: PathBuf,
    /// The country the actors belong to (chooses the sheet of a workbook with several).
    #[arg(long, value_name = "CODE")]
    pub country: String,
    /// The directory to create for `actors.toml` (it must not exist or be empty).
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
}

/// A cell as text: numbers as written (a year stays `2010`, not `2010.0`).
fn text(d: &Data) -> String {
    match d {
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// A sheet: where it is (for messages) and its rows of text.
type Sheet = (String, Vec<Vec<String>>);

/// The sheets to read.
fn sheets(args: &Args) -> Result<Vec<Sheet>, String> {
    let name = workspace::display(&args.file);
    match args.format {
        Format::Csv => {
            let mut rd = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_path(&args.file)
                .map_err(|e| format!("cannot read `{name}`: {e}"))?;
            let rows: Result<Vec<Vec<String>>, _> =
                rd.records().map(|r| r.map(|r| r.iter().map(String::from).collect())).collect();
            Ok(vec![(name.clone(), rows.map_err(|e| format!("`{name}` is not CSV: {e}"))?)])
        }
        Format::Xlsx => {
            let mut wb = calamine::open_workbook_auto(&args.file).map_err(|e| format!("cannot read `{name}`: {e}"))?;
            let mut names = wb.sheet_names();
            // The country's own sheet first.
            names.sort_by_key(|n| *n != args.country);
            let mut out = Vec::new();
            for sheet in names {
                let range =
                    wb.worksheet_range(&sheet).map_err(|e| format!("cannot read sheet `{sheet}` of `{name}`: {e}"))?;
                out.push((
                    format!("{name}, sheet {sheet}"),
                    range.rows().map(|r| r.iter().map(text).collect()).collect(),
                ));
            }
            Ok(out)
        }
    }
}

/// Runs the command.
pub fn run(cli: &Cli, args: &Args) -> Exit {
    let sheets = match sheets(args) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return Exit::Failure;
        }
    };
    // The first sheet that holds an actor list is read; the others are not looked at.
    let mut result = None;
    for (origin, rows) in &sheets {
        let (actors, diags) = actor_list::read(rows, origin);
        let found = !actors.is_empty() || diags.iter().any(|d| !d.message.contains("no actor list"));
        if found || result.is_none() {
            result = Some((actors, diags));
        }
        if found {
            break;
        }
    }
    let (actors, diags) = result.unwrap_or_default();
    report(cli, &SourceDb::new(), &diags);
    if actors.is_empty() {
        eprintln!("error: no actor could be read");
        return Exit::Findings;
    }
    let n = actors.len();
    if let Err(e) = workspace::write_new_dir(&args.output, &[("actors.toml".into(), actor_list::actors_file(actors))]) {
        eprintln!("error: {e}");
        return Exit::Failure;
    }
    eprintln!(
        "wrote {n} actors of {} to {}; add country.toml (`nordgov new {} -o ...`) or copy them into a model",
        args.country,
        workspace::display(&args.output.join("actors.toml")),
        args.country
    );
    if diags.is_empty() {
        Exit::Success
    } else {
        Exit::Findings
    }
}
