//! The pipeline in a few lines: read a model directory, parse and validate it, look at the
//! typed model, print diagnostics. Run: `cargo run --example pipeline -- examples/models/dk-excerpt`
#![allow(clippy::unwrap_used)]

use nordgov::diagnostic::{emit, SourceDb};
use nordgov::load::Limits;
use nordgov::workspace::{self, ModelDir};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "examples/models/dk-excerpt".into());
    let dir = ModelDir { name: path.clone(), path: path.into() };
    let mut db = SourceDb::new();
    // workspace -> load::parse -> load::validate, in one call.
    let (country, diagnostics) = workspace::load_model(&dir, &mut db, &Limits::default());
    let mut err = codespan_reporting::term::termcolor::StandardStream::stderr(
        codespan_reporting::term::termcolor::ColorChoice::Never,
    );
    emit::human(&mut err, &db, &diagnostics).unwrap();
    let Some(country) = country else { std::process::exit(1) };
    // The model on a date, and a few facts from it.
    let today = country.as_of(chrono::NaiveDate::from_ymd_opt(2017, 6, 1).unwrap());
    println!("{}: {} actors, {} role entries", today.code, today.actors.len(), today.roles.len());
    for entry in &today.roles {
        let holders: Vec<String> = entry.holders.iter().map(|h| h.actor.to_string()).collect();
        println!("{:>9} x {:<12} {}", entry.level, entry.role, holders.join(", "));
    }
}
