//! One run of parse and validate on a synthetic model of `NORDGOV_STAGES_N` actors (default
//! 10,000), for `scripts/bench-ratios.sh`, which counts its instructions under callgrind. Wall
//! times are printed too, but criterion (`benches/load.rs`) is the timing benchmark.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use nordgov::diagnostic::{FileId, SourceDb};
use nordgov::load::{parse, validate, Limits, ParsedFile};

fn main() {
    let n: usize = std::env::var("NORDGOV_STAGES_N").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    let files = nordgov::files::print::files(&nordgov::model::synth::generate(n, 1)).unwrap();
    let mut db = SourceDb::new();
    let ids: Vec<FileId> = files.iter().map(|(name, text)| db.add(name.clone(), text.clone())).collect();
    let t = Instant::now();
    let parsed: Vec<ParsedFile> = ids
        .iter()
        .zip(&files)
        .map(|(&file, (_, text))| {
            let (raw, d) = parse(file, text, &Limits::default());
            assert!(d.is_empty());
            ParsedFile { file, raw }
        })
        .collect();
    let parse_time = t.elapsed();
    let t = Instant::now();
    let (country, d) = validate("synthetic", parsed);
    assert!(country.is_some() && d.is_empty());
    println!("actors={n} parse={parse_time:?} validate={:?}", t.elapsed());
}
