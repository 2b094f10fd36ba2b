//! The example model and synthetic models: they validate, synth is deterministic, and the
//! printer round-trips.

use crate::common::{nordgov, render, root};

#[test]
fn the_example_model_is_valid_without_warnings() {
    let (exit, out) =
        render(nordgov().current_dir(root()).args(["validate", "examples/models/dk-excerpt", "--deny", "warnings"]));
    assert_eq!(exit, 0, "{out}");
    assert!(out.contains("1 model valid"), "{out}");
}

#[test]
fn country_codes_resolve_under_models_dir() {
    let (exit, out) =
        render(nordgov().current_dir(root()).args(["--models", "examples/models", "validate", "dk-excerpt"]));
    assert_eq!(exit, 0, "{out}");
}

#[test]
fn synth_writes_a_valid_deterministic_model_and_never_overwrites() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    for dir in [&a, &b] {
        let out = nordgov().args(["synth", "--actors", "2000", "--seed", "7", "-o"]).arg(dir).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let (exit, out) = render(nordgov().arg("validate").arg(&a).args(["--deny", "warnings"]));
    assert_eq!(exit, 0, "{out}");
    let mut names: Vec<_> = std::fs::read_dir(&a).unwrap().map(|e| e.unwrap().file_name()).collect();
    names.sort();
    for n in &names {
        assert_eq!(std::fs::read(a.join(n)).unwrap(), std::fs::read(b.join(n)).unwrap(), "{n:?} differs between runs");
    }
    let before = std::fs::read(a.join("actors.toml")).unwrap();
    let out = nordgov().args(["synth", "--actors", "100", "-o"]).arg(&a).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(a.join("actors.toml")).unwrap(), before, "synth overwrote a model");
}

#[test]
fn printed_models_load_back_equal() {
    for (n, seed) in [(30, 1), (500, 2), (3000, 3)] {
        let country = nordgov::model::synth::generate(n, seed);
        let files = nordgov::files::print::files(&country).unwrap();
        let pairs: Vec<(&str, &str)> = files.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let (loaded, diags, _) = nordgov::load::load_str("synthetic", &pairs);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(loaded.as_ref(), Some(&country), "round trip of {n} actors");
    }
}

#[test]
fn large_models_print_into_files_of_bounded_size() {
    let n = nordgov::files::print::ITEMS_PER_FILE * 2 + 500;
    let country = nordgov::model::synth::generate(n, 4);
    let files = nordgov::files::print::files(&country).unwrap();
    let names: Vec<&str> = files.iter().map(|(a, _)| a.as_str()).collect();
    for want in ["actors.toml", "actors-2.toml", "actors-3.toml", "relations-2.toml"] {
        assert!(names.contains(&want), "{want} not in {names:?}");
    }
    let largest = files.iter().map(|(_, t)| t.len()).max().unwrap();
    assert!(largest < 8 * 1024 * 1024, "a file of {largest} bytes");
    let pairs: Vec<(&str, &str)> = files.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let (loaded, diags, _) = nordgov::load::load_str("synthetic", &pairs);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(loaded.as_ref(), Some(&country));
}

#[test]
fn file_order_does_not_change_the_model() {
    let country = nordgov::model::synth::generate(400, 9);
    let files = nordgov::files::print::files(&country).unwrap();
    let mut pairs: Vec<(&str, &str)> = files.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let (a, _, _) = nordgov::load::load_str("x", &pairs);
    pairs.reverse();
    let (b, _, _) = nordgov::load::load_str("x", &pairs);
    assert_eq!(a, b);
}

/// `validate --as-of` reports a role cell that the dating leaves empty on that date.
#[test]
fn validate_as_of_reports_cells_left_empty_by_dates() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::copy(root().join("tests/fixtures/invalid/W0402_empty_role_cell/base.toml"), tmp.path().join("base.toml"))
        .unwrap();
    std::fs::write(
        tmp.path().join("dated.toml"),
        "[[role]]\nlevel = \"national\"\nrole = \"operation\"\nactors = [\"digst\"]\nvalid_to = 2015\nsource = \"nordic2017:2351\"\nconfidence = \"high\"\n",
    )
    .unwrap();
    let (exit, out) = render(nordgov().arg("validate").arg(tmp.path()).args(["--deny", "warnings"]));
    assert_eq!(exit, 0, "{out}");
    let (exit, out) =
        render(nordgov().arg("validate").arg(tmp.path()).args(["--deny", "warnings", "--as-of", "2016-01-01"]));
    assert_eq!(exit, 1, "{out}");
    crate::snapshot!("validate_as_of_gap", out, tmp = tmp.path());
    // The report's countries (Iceland's sources start later; tests/cli/history.rs covers it).
    for date in ["2017-06-01", "2020-12-31"] {
        let (exit, out) = render(
            nordgov()
                .current_dir(root())
                .args(["validate", "models/dk", "models/fi", "models/no", "models/se"])
                .args(["--deny", "warnings", "--as-of", date]),
        );
        assert_eq!(exit, 0, "{date}: {out}");
    }
}
