//! Printing diagnostics on a large file: one label per actor of a synthetic model's actor file
//! (about 1.3 MB for 10,000 actors), as JSON and as the human report. Each label asks the source
//! database for its line and column, so this measures the line index (built once per file since
//! issue 19; before, every lookup scanned the file from its start).
//!
//! `cargo bench --bench diagnostics` prints one line per case (median of the runs).
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::time::{Duration, Instant};

use nordgov::diagnostic::{emit, Code, Diagnostic, SourceDb};

/// The median time of `runs` calls of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let country = nordgov::model::synth::generate(10_000, 1);
    let files = nordgov::files::print::files(&country).unwrap();
    let (name, text) = files.iter().max_by_key(|(_, t)| t.len()).unwrap().clone();
    let mut db = SourceDb::new();
    let file = db.add(name.clone(), text.clone());
    // A label on every `id = ` line, from the start of the file to its end.
    let starts: Vec<usize> = text.match_indices("\nid").map(|(i, _)| i + 1).collect();
    for n in [2_000usize, 10_000] {
        let step = (starts.len() / n).max(1);
        let diags: Vec<Diagnostic> = starts
            .iter()
            .step_by(step)
            .take(n)
            .map(|&s| Diagnostic::new(Code::E0201, "unknown actor").at(file, s..s + 2, "here"))
            .collect();
        let runs = if n > 2_000 { 3 } else { 5 };
        let json = median(runs, || {
            std::hint::black_box(emit::to_json(&db, &diags));
        });
        let human = median(runs, || {
            let mut out = codespan_reporting::term::termcolor::NoColor::new(Vec::new());
            emit::human(&mut out, &db, &diags).unwrap();
            std::hint::black_box(out);
        });
        println!(
            "{name} ({:.2} MB), {} labels: to_json {:>10.1?}  human {:>10.1?}",
            text.len() as f64 / 1e6,
            diags.len(),
            json,
            human
        );
    }
}
