//! What-if scenarios: the library's diffs as snapshots, apply writes a valid model and never
//! touches the base, errors point into the scenario file, and the algebra holds (a model does
//! not differ from itself; an operation followed by its inverse gives the base back).

use std::path::Path;

use crate::common::{nordgov, render, root};
use crate::snapshot;

fn library() -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(root().join("models/no/scenarios"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    v.sort();
    v
}

#[test]
fn library_diffs() {
    assert!(library().len() >= 2);
    for s in library() {
        let name = s.file_stem().unwrap().to_string_lossy().to_string();
        for format in ["table", "json"] {
            let (exit, out) = render(
                nordgov().current_dir(root()).args(["diff", "no"]).arg(s.strip_prefix(root()).unwrap()).args([
                    "--format",
                    format,
                    "--width",
                    "130",
                    "--exit-code",
                ]),
                None,
            );
            assert_eq!(exit, 1, "{name} changes the model, so --exit-code gives 1\n{out}");
            snapshot!(format!("scenario_{name}_{format}"), out);
        }
    }
}

fn hash_dir(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| (p.file_name().unwrap().to_string_lossy().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    v.sort();
    v
}

#[test]
fn apply_writes_a_valid_model_and_leaves_the_base_alone() {
    let before = hash_dir(&root().join("models/no"));
    let tmp = tempfile::tempdir().unwrap();
    for s in library() {
        let out_dir = tmp.path().join(s.file_stem().unwrap());
        let out =
            nordgov().current_dir(root()).args(["scenario", "apply"]).arg(&s).arg("-o").arg(&out_dir).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let v = nordgov().arg("validate").arg(&out_dir).output().unwrap();
        assert!(v.status.success(), "{}", String::from_utf8_lossy(&v.stderr));
        let again =
            nordgov().current_dir(root()).args(["scenario", "apply"]).arg(&s).arg("-o").arg(&out_dir).output().unwrap();
        assert_eq!(again.status.code(), Some(2), "apply must refuse a non-empty directory");
    }
    assert_eq!(before, hash_dir(&root().join("models/no")), "a scenario changed the base model's files");
}

#[test]
fn a_model_does_not_differ_from_itself() {
    for c in ["dk", "fi", "no", "se"] {
        let (exit, out) = render(nordgov().current_dir(root()).args(["diff", c, c, "--exit-code"]), None);
        assert_eq!(exit, 0, "{out}");
        assert!(out.contains("No differences"), "{out}");
    }
}

#[test]
fn an_operation_and_its_inverse_give_the_base_back() {
    let (exit, out) = render(
        nordgov().current_dir(root()).args(["diff", "no", "tests/fixtures/scenarios/round_trip.toml", "--exit-code"]),
        None,
    );
    assert_eq!(exit, 0, "{out}");
}

#[test]
fn scenario_errors_point_into_the_file() {
    for name in ["unknown_actor", "cycle", "bad_op"] {
        let (exit, out) = render(
            nordgov().current_dir(root()).args(["diff", "no"]).arg(format!("tests/fixtures/scenarios/{name}.toml")),
            None,
        );
        assert_eq!(exit, 1, "{out}");
        snapshot!(format!("scenario_error_{name}"), out);
    }
}
