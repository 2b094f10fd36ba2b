//! Latency of `nordgov lsp`: the time from an edit (`textDocument/didChange`, one incremental
//! change as an editor sends it) to the diagnostics it causes, through the real binary over
//! stdio. Denmark: renaming an actor in actors.toml until roles.toml's diagnostics arrive (the
//! whole model re-checked); a synthetic model of 10,000 actors: a misspelt kind in actors.toml
//! until its diagnostic arrives. Each edit is undone by the next, so every edit changes what is
//! published. Prints median, 90th percentile and maximum of the edits.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "../tests/cli/lsp_client.rs"]
mod lsp_client;

use std::path::{Path, PathBuf};
use std::time::Duration;

use lsp_client::Client;

const EDITS: usize = 40;

/// Times `EDITS` edits of `file` at (`line`, `start..`): `a` replaced by `b`, then back.
fn measure(models: &Path, file: &Path, watch: &Path, line: usize, start: usize, a: &str, b: &str) -> Vec<Duration> {
    let mut c = Client::start(Path::new(env!("CARGO_BIN_EXE_nordgov")), models, models);
    c.open(file);
    c.sync();
    let mut times = Vec::new();
    for i in 0..EDITS {
        let (old, new) = if i % 2 == 0 { (a, b) } else { (b, a) };
        c.edit(file, i as i64 + 2, line, start, start + old.encode_utf16().count(), new);
        times.push(c.wait_diagnostics(watch));
    }
    c.shutdown();
    times.sort();
    times
}

fn report(name: &str, t: &[Duration]) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name:<28} median {:>7.1} ms   p90 {:>7.1} ms   max {:>7.1} ms   ({} edits)",
        ms(t[t.len() / 2]),
        ms(t[t.len() * 9 / 10]),
        ms(t[t.len() - 1]),
        t.len()
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() {
            std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
        }
    }
}

/// The line of `key = "value"` in `file` (keys may be aligned, as `fmt` writes them) and the
/// column where the value starts.
fn line_of(file: &Path, key: &str, value: &str) -> (usize, usize) {
    let text = std::fs::read_to_string(file).unwrap();
    text.lines()
        .enumerate()
        .find_map(|(i, l)| {
            let (k, v) = l.split_once('=')?;
            (k.trim() == key && v.trim() == format!("\"{value}\"")).then(|| (i, l.find('"').unwrap() + 1))
        })
        .expect("line")
}

fn main() {
    let tmp = tempfile::tempdir().unwrap();
    let models = tmp.path().canonicalize().unwrap();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));

    let dk = models.join("dk");
    copy_dir(&root.join("models/dk"), &dk);
    let actors = dk.join("actors.toml");
    let (line, col) = line_of(&actors, "id", "digst");
    report(
        "Denmark (97 actors, 10 files)",
        &measure(&models, &actors, &dk.join("roles.toml"), line, col, "digst", "digsts"),
    );

    let synth = models.join("synthetic");
    let country = nordgov::model::synth::generate(10_000, 1);
    nordgov::files::workspace::write_model_dir(&synth, &country).unwrap();
    let actors = synth.join("actors.toml");
    let (line, col) = line_of(&actors, "kind", "agency");
    report("synthetic, 10,000 actors", &measure(&models, &actors, &actors, line, col, "agency", "agencyy"));
}
