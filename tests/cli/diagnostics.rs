//! Every diagnostic code has a fixture under tests/fixtures/invalid/CODE_name/, whose rendered
//! output (exit code, stdout, stderr) is a reviewed snapshot named after the fixture.

use std::collections::BTreeSet;
use std::path::PathBuf;

use nordgov::diagnostic::Code;

use crate::common::{nordgov, render, root};
use crate::snapshot;

/// The invalid fixture directories, sorted.
pub fn fixtures() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/invalid"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// The global options a fixture needs (its `args` file), e.g. a lowered limit.
pub fn fixture_args(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_to_string(dir.join("args"))
        .map(|s| s.split_whitespace().map(String::from).collect())
        .unwrap_or_default()
}

/// One snapshot per fixture, each reported on its own (insta's glob): a failing fixture does not
/// hide the others. The snapshots keep the fixture's name, without glob's `@suffix`.
#[test]
fn every_fixture_matches_its_snapshot() {
    insta::glob!("../fixtures/invalid", "[EW][0-9][0-9][0-9][0-9]_*", |dir| {
        if !dir.is_dir() {
            return;
        }
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let code = &name[..5];
        let mut cmd = nordgov();
        cmd.current_dir(root().join("tests/fixtures/invalid")).args(fixture_args(dir)).arg("validate").arg(&name);
        let (exit, out) = render(&mut cmd);
        assert!(out.contains(&format!("[{code}]")), "{name}: expected {code} in\n{out}");
        let expected_exit = if code.starts_with('W') {
            0
        } else if Code::parse(code).unwrap().is_io() {
            2
        } else {
            1
        };
        assert_eq!(exit, expected_exit, "{name}: exit code\n{out}");
        let mut settings = insta::Settings::clone_current();
        settings.remove_snapshot_suffix();
        settings.bind(|| snapshot!(name.clone(), out));
    });
}

#[test]
fn warnings_fail_under_deny_warnings() {
    for dir in fixtures().into_iter().filter(|d| d.file_name().unwrap().to_string_lossy().starts_with('W')) {
        let status = nordgov().arg("validate").arg(&dir).args(["--deny", "warnings"]).output().unwrap().status;
        assert_eq!(status.code(), Some(1), "{}", dir.display());
    }
}

#[test]
fn every_code_has_a_fixture() {
    let covered: BTreeSet<String> =
        fixtures().iter().map(|d| d.file_name().unwrap().to_string_lossy()[..5].to_string()).collect();
    for code in Code::ALL {
        assert!(covered.contains(code.as_str()), "no fixture for {code}");
    }
}

#[test]
fn every_code_is_explained() {
    for code in Code::ALL {
        let out = nordgov().args(["explain", code.as_str()]).output().unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.starts_with(code.as_str()) && text.contains("Fix:"), "{text}");
    }
    let (code, out) = render(nordgov().args(["explain", "E0201"]));
    assert_eq!(code, 0);
    snapshot!("explain_E0201", out);
    let (code, out) = render(nordgov().args(["explain", "unknwn-actor"]));
    assert_eq!(code, 2);
    assert!(out.contains("did you mean `unknown-actor`?"), "{out}");
}

/// The JSON diagnostics are a documented structure: deserialise them into types, as editors do.
#[test]
fn json_diagnostics() {
    #[derive(serde::Deserialize)]
    struct Report {
        diagnostics: Vec<Diag>,
        summary: Summary,
    }
    #[derive(serde::Deserialize)]
    struct Diag {
        code: String,
        name: String,
        severity: String,
        file: Option<String>,
        line: Option<usize>,
        column: Option<usize>,
        labels: Vec<Label>,
        hints: Vec<String>,
    }
    #[derive(serde::Deserialize)]
    struct Label {
        file: String,
        start: Pos,
        primary: bool,
    }
    #[derive(serde::Deserialize)]
    struct Pos {
        line: usize,
        column: usize,
    }
    #[derive(serde::Deserialize)]
    struct Summary {
        errors: usize,
        warnings: usize,
    }
    let mut cmd = nordgov();
    cmd.current_dir(root().join("tests/fixtures/invalid")).args([
        "validate",
        "--format",
        "json",
        "E0202_duplicate_definition",
    ]);
    let (exit, out) = render(&mut cmd);
    assert_eq!(exit, 1);
    snapshot!("json_E0202_duplicate_definition", out);
    let json = out.split("--- stdout\n").nth(1).unwrap().split("--- stderr").next().unwrap();
    let report: Report = serde_json::from_str(json).unwrap();
    assert_eq!(report.summary.errors, 2);
    assert_eq!(report.summary.warnings, 0);
    let d = &report.diagnostics[0];
    assert_eq!((d.code.as_str(), d.name.as_str(), d.severity.as_str()), ("E0202", "duplicate-definition", "error"));
    assert_eq!(d.file.as_deref(), Some("E0202_duplicate_definition/more.toml"));
    assert_eq!((d.line, d.column), (Some(2), Some(6)));
    assert_eq!(d.labels.len(), 2, "a conflict has two labels");
    assert!(d.labels[0].primary && !d.labels[1].primary);
    assert_eq!(d.labels[1].file, "E0202_duplicate_definition/base.toml");
    assert_eq!((d.labels[1].start.line, d.labels[1].start.column), (30, 6));
    assert!(d.hints.iter().any(|h| h.contains("unique")));

    let mut cmd = nordgov();
    cmd.current_dir(root().join("tests/fixtures/invalid")).args([
        "validate",
        "--format",
        "json",
        "E0201_unknown_actor",
    ]);
    let (_, out) = render(&mut cmd);
    let json = out.split("--- stdout\n").nth(1).unwrap().split("--- stderr").next().unwrap();
    let report: Report = serde_json::from_str(json).unwrap();
    let hints: Vec<&String> = report.diagnostics.iter().flat_map(|d| &d.hints).collect();
    assert!(hints.iter().any(|h| h.contains("did you mean `digst`?")), "{hints:?}");
    assert!(hints.iter().any(|h| h.contains("did you mean `regjeringen`?")), "{hints:?}");
}

/// A model of many files with many errors reports all of them, sorted by file and line.
#[test]
fn all_errors_of_a_multi_file_model_are_reported_in_order() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::copy(root().join("tests/fixtures/invalid/E0201_unknown_actor/base.toml"), tmp.path().join("base.toml"))
        .unwrap();
    for i in 0..40 {
        let body = if i % 4 == 0 {
            format!("[[relation]]\nfrom = \"digst\"\ntype = \"advises\"\nto = \"missing_{i}\"\nsource = \"nordic2017:1\"\nconfidence = \"high\"\n")
        } else {
            format!("[[relation]]\nfrom = \"digst\"\ntype = \"funds\"\nto = \"regjeringen\"\nsource = \"nordic2017:{}\"\nconfidence = \"high\"\nvalid_from = {}\nvalid_to = {}\n", i + 1, 1990 + i, 1990 + i)
        };
        std::fs::write(tmp.path().join(format!("part_{i:02}.toml")), body).unwrap();
    }
    let out = nordgov().args(["validate", "--format", "json"]).arg(tmp.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors: Vec<(String, u64)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "E0201")
        .map(|d| (d["file"].as_str().unwrap().to_string(), d["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(errors.len(), 10, "{errors:?}");
    let mut sorted = errors.clone();
    sorted.sort();
    assert_eq!(errors, sorted);
}
