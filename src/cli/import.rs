//! `nordgov import xlsx|csv FILE --country CODE -o DIR`: an actor list or a role matrix kept in
//! a spreadsheet (the layouts `nordgov matrix --kind actors` and `--kind roles` write) into model
//! files, `DIR/actors.toml` and `DIR/roles.toml`.

use std::path::PathBuf;

use calamine::{Data, Reader};

use super::{print_diagnostics, Cli, Exit};
use crate::diagnostic::SourceDb;
use crate::files::{actor_list, role_sheet, workspace};
use crate::load::raw::{RawFile, Sp};

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
    /// The country (a code under --models or a model directory): chooses the sheet of a
    /// workbook with several, and resolves the actor labels of a role matrix.
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

/// Reports a sheet that was read but cannot be written as a model file.
fn unprintable(e: &toml::ser::Error) -> Exit {
    eprintln!("error: cannot write the imported model file: {e}");
    Exit::Failure
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
    let mut files = Vec::new();
    let mut diags = Vec::new();
    // The first sheet with an actor list, and the first with a role matrix, are read.
    let actor_sheet = sheets
        .iter()
        .map(|(origin, rows)| actor_list::read(rows, origin))
        .find(|(a, d)| !a.is_empty() || d.iter().any(|d| d.code != crate::diagnostic::Code::E0104));
    if let Some((actors, d)) = actor_sheet {
        diags.extend(d);
        if !actors.is_empty() {
            match actor_list::actors_file(actors) {
                Ok(text) => files.push(("actors.toml".to_string(), text, "actors")),
                Err(e) => return unprintable(&e),
            }
        }
    }
    let has_matrix = sheets.iter().any(|(_, rows)| rows.iter().any(|r| role_sheet::is_header(r)));
    if has_matrix {
        // Labels in a role matrix resolve against the country's model.
        let country = match super::input::read_country(cli, &args.country, None) {
            Ok(c) => c,
            Err(e) => {
                eprintln!(
                    "error: a role matrix names actors by label; nordgov reads them from the model `{}`",
                    args.country
                );
                return e;
            }
        };
        if let Some((roles, d)) = sheets.iter().find_map(|(origin, rows)| role_sheet::read(rows, origin, &country)) {
            diags.extend(d);
            if !roles.is_empty() {
                let items: Vec<RawFile> =
                    roles.into_iter().map(|r| RawFile { role: vec![Sp::new(r)], ..Default::default() }).collect();
                match crate::files::print::file_text(&items) {
                    Ok(text) => files.push(("roles.toml".to_string(), text, "role entries")),
                    Err(e) => return unprintable(&e),
                }
            }
        }
    }
    print_diagnostics(cli, &SourceDb::new(), &diags);
    if files.is_empty() {
        eprintln!("error: found no actor list and no role matrix that could be read");
        return Exit::Findings;
    }
    let summary: Vec<String> =
        files.iter().map(|(name, text, what)| format!("{} {what} ({name})", text.matches("\n[[").count())).collect();
    let written: Vec<(String, String)> = files.into_iter().map(|(n, t, _)| (n, t)).collect();
    if let Err(e) = workspace::write_new_dir(&args.output, &written) {
        eprintln!("error: {e}");
        return Exit::Failure;
    }
    eprintln!("wrote {} to {}", summary.join(" and "), workspace::display(&args.output));
    if diags.is_empty() {
        Exit::Success
    } else {
        Exit::Findings
    }
}
