//! What every subcommand reads: a model named on the command line, the other countries a
//! comparison needs, a scenario with its base, and the notes that go with them. Problems are
//! printed as diagnostics and become the exit code.

use std::path::Path;

use crate::diagnostic::{Diagnostic, FileId, SourceDb};
use crate::files::workspace;
use crate::model::{Country, Lang};
use crate::scenario::{self, Scenario};

use super::{exit_for, print_diagnostics, Cli, Exit};

/// Says once, on stderr, how many actor labels of `countries` are not in `lang` and fall back
/// to English, then to a native name (English labels never fall back to another language's).
pub(super) fn note_fallbacks<'a>(countries: impl IntoIterator<Item = &'a Country>, lang: Lang) {
    let (mut missing, mut total) = (0, 0);
    for c in countries {
        missing += c.label_fallbacks(lang);
        total += c.actors.len();
    }
    if missing > 0 && lang != Lang::En {
        eprintln!(
            "note: {missing} of {total} actors have no name in {lang}; their labels are in English, or else in a native language"
        );
    }
    if lang == Lang::Is {
        eprintln!("note: in Icelandic, the framework's terms are translated; other interface words are in English");
    }
}

/// Reads the model a command names (a country code under --models, or a path), prints its
/// diagnostics, and returns it as of `as_of` if given; on failure returns the exit code.
pub(super) fn read_country(cli: &Cli, arg: &str, as_of: Option<chrono::NaiveDate>) -> Result<Country, Exit> {
    let mut db = SourceDb::new();
    let dir = match workspace::resolve(arg, &cli.models) {
        Ok(d) => d,
        Err(d) => {
            print_diagnostics(cli, &db, &[d]);
            return Err(Exit::Failure);
        }
    };
    let (country, diags) = workspace::load_model(&dir, &mut db, &cli.limits());
    let errors: Vec<Diagnostic> =
        diags.into_iter().filter(|d| d.severity() == crate::diagnostic::Severity::Error).collect();
    match country {
        Some(c) if errors.is_empty() => Ok(match as_of {
            Some(date) => c.as_of(date),
            None => c,
        }),
        _ => {
            print_diagnostics(cli, &db, &errors);
            Err(exit_for(&errors, false).max_with(Exit::Findings))
        }
    }
}

/// The model a command names as it stood on `as_of`, else on its reference date (the date its
/// undated facts describe), as the views of one country show it.
pub(super) fn read_on(cli: &Cli, arg: &str, as_of: Option<chrono::NaiveDate>) -> Result<Country, Exit> {
    read_country(cli, arg, None).map(|c| c.as_compared(as_of))
}

/// Every model under --models except `except` (a country code), each on its reference date, as
/// comparisons and distances see them. Models that do not load are left out (validate them to
/// see why).
pub(super) fn other_countries(cli: &Cli, except: &str) -> Vec<Country> {
    workspace::country_dirs(&cli.models)
        .iter()
        .filter_map(|p| read_country(cli, &workspace::display(p), None).ok())
        .filter(|o| o.code != except)
        .map(|o| o.as_compared(None))
        .collect()
}

/// Reads one file that is not a model (a scenario, a weights file) into a fresh source database
/// for its diagnostics; a file that cannot be read prints why and gives the exit code.
pub(super) fn read_source(cli: &Cli, path: &Path) -> Result<(SourceDb, FileId, String), Exit> {
    let mut db = SourceDb::new();
    match workspace::read_text(path, &cli.limits()) {
        Ok(text) => {
            let file = db.add(workspace::display(path), text.clone());
            Ok((db, file, text))
        }
        Err(d) => {
            print_diagnostics(cli, &db, &[d]);
            Err(Exit::Failure)
        }
    }
}

/// Reads a scenario file and applies it to its base; returns the scenario and both models.
pub(super) fn load_scenario(cli: &Cli, path: &Path) -> Result<(Scenario, Country, Country), Exit> {
    let (db, file, text) = read_source(cli, path)?;
    let s = match scenario::parse(file, &text, &cli.limits()) {
        Ok(s) => s,
        Err(d) => {
            print_diagnostics(cli, &db, &d);
            return Err(Exit::Findings);
        }
    };
    // The base resolves next to the scenario file first (`base = "../"`), then as a country
    // code under --models.
    let beside = path.parent().unwrap_or(Path::new(".")).join(s.base.get());
    let base_arg = if beside.is_dir() && workspace::discover(&beside).is_ok() {
        workspace::display(&beside)
    } else {
        s.base.get().clone()
    };
    let base = read_country(cli, &base_arg, s.as_of)?;
    match scenario::apply(&base, &s, file) {
        Ok(result) => Ok((s, base, result)),
        Err(d) => {
            print_diagnostics(cli, &db, &[d]);
            Err(Exit::Findings)
        }
    }
}
