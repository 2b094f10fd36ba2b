//! The fuzz targets' seed corpora and every input the fuzzer ever kept, replayed through the
//! same bodies cargo-fuzz runs (`fuzz/common.rs`), so `cargo test` needs no nightly toolchain
//! and a fixed finding stays fixed. `scripts/fuzz.sh` writes the seeds with this test
//! (`NORDGOV_FUZZ_SEEDS=DIR`) so the fuzzer and the replay start from the same inputs.

#[path = "../../fuzz/common.rs"]
mod fuzz;

use std::fs;
use std::path::{Path, PathBuf};

use crate::common::root;

/// A fuzz target's body.
type Body = fn(&[u8]);

/// The targets, by name, as in `fuzz/Cargo.toml`.
const TARGETS: [(&str, Body); 4] = [
    ("model_file", fuzz::model_file),
    ("model_dir", fuzz::model_dir),
    ("scenario", fuzz::scenario),
    ("diff", fuzz::diff),
];

fn sorted(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> =
        fs::read_dir(dir).map(|e| e.filter_map(Result::ok).map(|e| e.path()).collect()).unwrap_or_default();
    v.sort();
    v
}

fn tomls(dir: &Path) -> Vec<PathBuf> {
    sorted(dir).into_iter().filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml")).collect()
}

/// A model directory as one input: its files joined at `#---` lines (a TOML comment, so the
/// joined text is also one valid file).
fn joined(dir: &Path) -> String {
    tomls(dir).iter().map(|p| fs::read_to_string(p).unwrap_or_default()).collect::<Vec<_>>().join("\n#---\n")
}

/// The seed inputs of each target, named: every bundled model file and invalid fixture file,
/// each bundled model and fixture directory, the bundled and test scenarios, and pairs of
/// models for the diff.
fn seeds() -> Vec<(&'static str, String, Vec<u8>)> {
    let root = root();
    let countries: Vec<PathBuf> = ["dk", "fi", "no", "se"].iter().map(|c| root.join("models").join(c)).collect();
    let fixtures: Vec<PathBuf> =
        sorted(&root.join("tests/fixtures/invalid")).into_iter().filter(|p| p.is_dir()).collect();
    let name = |p: &Path| p.strip_prefix(&root).unwrap_or(p).to_string_lossy().replace('/', "_");
    let mut out = Vec::new();
    for dir in countries.iter().chain(&fixtures) {
        for f in tomls(dir) {
            out.push(("model_file", name(&f), fs::read(&f).unwrap()));
        }
        out.push(("model_dir", name(dir), joined(dir).into_bytes()));
    }
    for dir in countries.iter().map(|c| c.join("scenarios")).chain([root.join("tests/fixtures/scenarios")]) {
        for f in tomls(&dir) {
            out.push(("scenario", name(&f), fs::read(&f).unwrap()));
        }
    }
    let mut pairs: Vec<(&PathBuf, &PathBuf)> = countries.iter().zip(countries.iter().cycle().skip(1)).collect();
    pairs.extend(fixtures.iter().map(|f| (f, f)));
    for (a, b) in pairs {
        let input = format!("{}\n#===\n{}", joined(a), joined(b));
        out.push(("diff", format!("{}+{}", name(a), name(b)), input.into_bytes()));
    }
    out
}

#[test]
fn seeds_and_kept_inputs_replay_without_a_failure() {
    let seeds = seeds();
    if let Some(dir) = std::env::var_os("NORDGOV_FUZZ_SEEDS") {
        for (target, name, data) in &seeds {
            let d = Path::new(&dir).join(target);
            fs::create_dir_all(&d).unwrap();
            fs::write(d.join(name), data).unwrap();
        }
    }
    let mut replayed = 0;
    for (target, run) in TARGETS {
        for (_, _, data) in seeds.iter().filter(|(t, _, _)| *t == target) {
            run(data);
            replayed += 1;
        }
        for f in sorted(&root().join("fuzz/regressions").join(target)) {
            run(&fs::read(&f).unwrap());
            replayed += 1;
        }
    }
    for (target, _) in TARGETS {
        assert!(seeds.iter().any(|(t, _, _)| *t == target), "no seed for {target}");
    }
    eprintln!("replayed {replayed} fuzz inputs");
}
