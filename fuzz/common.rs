//! The bodies of the fuzz targets. cargo-fuzz runs them (`fuzz/fuzz_targets`), and `cargo test`
//! replays every kept input through the same functions (`tests/cli/fuzz_replay.rs`), so a
//! finding stays a regression test without a nightly toolchain.
//!
//! Each body panics only when nordgov misbehaves: a panic inside nordgov, or an oracle that
//! fails (a loaded model that does not print back to itself, a diff of a model with itself that
//! is not empty, a scenario result that does not load).

#![allow(dead_code)] // each target uses one body

use std::sync::OnceLock;

use nordgov::load::load_str;
use nordgov::model::Country;

/// Splits an input into the files of a model directory at lines that read `#---`.
const FILE_BREAK: &str = "\n#---\n";
/// Splits an input into two models at lines that read `#===`.
const MODEL_BREAK: &str = "\n#===\n";
/// Most files one input makes: enough to exercise cross-file references, few enough to stay
/// fast.
const MAX_FILES: usize = 8;

/// Loads `text` split at [`FILE_BREAK`] as one model.
fn load_dir(text: &str) -> Option<Country> {
    let names: Vec<String> = (0..MAX_FILES).map(|i| format!("f{i}.toml")).collect();
    let parts: Vec<&str> = text.splitn(MAX_FILES, FILE_BREAK).collect();
    let files: Vec<(&str, &str)> = names.iter().map(String::as_str).zip(parts).collect();
    load_str("fuzz", &files).0
}

/// A model that loads must print to files that load to the same model.
fn round_trip(c: &Country) {
    let printed = nordgov::files::print::files(c).expect("a loaded model prints");
    let files: Vec<(&str, &str)> = printed.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let (again, diags, _) = load_str("printed", &files);
    assert!(again.as_ref() == Some(c), "printed model does not load back to itself: {diags:?}");
}

/// One model file.
pub fn model_file(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let (Some(c), _, _) = load_str("fuzz", &[("model.toml", &text)]) {
        round_trip(&c);
    }
}

/// A model directory of up to eight files.
pub fn model_dir(data: &[u8]) {
    if let Some(c) = load_dir(&String::from_utf8_lossy(data)) {
        round_trip(&c);
    }
}

/// Norway's bundled model, the base the scenario target applies its inputs to.
fn norway() -> &'static Country {
    static BASE: OnceLock<Country> = OnceLock::new();
    BASE.get_or_init(|| {
        let files = [
            ("actors.toml", include_str!("../models/no/actors.toml")),
            ("country.toml", include_str!("../models/no/country.toml")),
            ("experiences.toml", include_str!("../models/no/experiences.toml")),
            ("findings.toml", include_str!("../models/no/findings.toml")),
            ("relations.toml", include_str!("../models/no/relations.toml")),
            ("resources.toml", include_str!("../models/no/resources.toml")),
            ("roles.toml", include_str!("../models/no/roles.toml")),
            ("steering.toml", include_str!("../models/no/steering.toml")),
            ("strategy.toml", include_str!("../models/no/strategy.toml")),
        ];
        match load_str("no", &files) {
            (Some(c), _, _) => c,
            (None, d, _) => panic!("the bundled Norway model does not load: {d:?}"),
        }
    })
}

/// A scenario file applied to Norway; a result must diff against the base without panicking
/// and print to a model that loads without errors.
pub fn scenario(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok(s) = nordgov::scenario::parse(0, &text, &Default::default()) else { return };
    let base = norway();
    let Ok(after) = nordgov::scenario::apply(base, &s, 0) else { return };
    let _ = nordgov::scenario::diff(base, &after, &[]);
    let printed = nordgov::files::print::files(&after).expect("an applied model prints");
    let files: Vec<(&str, &str)> = printed.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let (again, diags, _) = load_str("applied", &files);
    assert!(again.is_some(), "a scenario result does not load: {diags:?}");
}

/// Two models (split at [`MODEL_BREAK`]), diffed both ways; a model diffed with itself has no
/// differences.
pub fn diff(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (a, b) = text.split_once(MODEL_BREAK).unwrap_or((&text, ""));
    let a = load_dir(a);
    if let Some(a) = &a {
        assert!(nordgov::scenario::diff(a, a, &[]).is_empty(), "a model differs from itself");
    }
    if let (Some(a), Some(b)) = (&a, load_dir(b)) {
        let _ = nordgov::scenario::diff(a, &b, &[]);
        let _ = nordgov::scenario::diff(&b, a, &[]);
    }
}
