//! Paths and outputs: nordgov reads nothing outside the model and sources directories, writes
//! nothing outside the output named, never writes among model files, and a failed run leaves
//! the previous output as it was.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::common::{nordgov, root};

/// Every file under `dir` (following no links) with its bytes, by relative path.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap().filter_map(Result::ok) {
            let p = e.path();
            let t = e.file_type().unwrap();
            if t.is_dir() {
                stack.push(p);
            } else if t.is_file() {
                out.insert(p.strip_prefix(dir).unwrap().to_path_buf(), fs::read(&p).unwrap());
            } else {
                out.insert(p.strip_prefix(dir).unwrap().to_path_buf(), b"<link>".to_vec());
            }
        }
    }
    out
}

#[test]
fn outputs_never_land_among_model_files() {
    let tmp = tempfile::tempdir().unwrap();
    let models = tmp.path().join("models");
    crate::common::copy_dir(&root().join("models"), &models);
    let before = tree(&models);
    let m = models.to_string_lossy().to_string();
    let into = |rel: &str| models.join(rel).to_string_lossy().to_string();
    let refused: Vec<Vec<String>> = vec![
        vec!["matrix".into(), "dk".into(), "-o".into(), into("dk/actors.toml")],
        vec!["matrix".into(), "dk".into(), "--format".into(), "csv".into(), "-o".into(), into("dk/new.csv")],
        vec!["compare".into(), "dk".into(), "se".into(), "-o".into(), into("se/compare.txt")],
        vec!["metrics".into(), "fi".into(), "-o".into(), into("fi/metrics.txt")],
        vec!["export".into(), "graphml".into(), "no".into(), "-o".into(), into("no/g.graphml")],
        vec!["diagram".into(), "dk".into(), "-o".into(), into("dk/org.dot")],
        vec!["diff".into(), "dk".into(), "se".into(), "-o".into(), into("dk/diff.txt")],
        vec!["report".into(), m.clone(), "-o".into(), into("dk")],
        vec!["explore".into(), "no".into(), "--toward".into(), "dk".into(), "--save".into(), into("no")],
        vec!["scenario".into(), "apply".into(), into("no/scenarios/fin_centre.toml"), "-o".into(), into("no")],
    ];
    for args in &refused {
        let out = nordgov().arg("--models").arg(&m).args(args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_ne!(out.status.code(), Some(0), "{args:?} was allowed:\n{err}");
        assert!(err.contains("model"), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
    // Reading commands with outputs elsewhere leave the models as they were too.
    let elsewhere = tmp.path().join("out");
    let o = |f: &str| elsewhere.join(f).to_string_lossy().to_string();
    for args in [
        vec!["validate".to_string(), m.clone()],
        vec!["matrix".into(), "no".into(), "--format".into(), "xlsx".into(), "-o".into(), o("m.xlsx")],
        vec!["report".into(), m.clone(), "-o".into(), o("site"), "--engine".into(), "builtin".into()],
        vec!["diff".into(), into("no/scenarios/ks_binding_mandate.toml"), "no".into(), "-o".into(), o("d.txt")],
    ] {
        let out = nordgov().arg("--models").arg(&m).args(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    assert!(before == tree(&models), "a model file changed");
}

#[test]
fn the_report_reads_and_writes_only_inside_its_directories() {
    let tmp = tempfile::tempdir().unwrap();
    let models = tmp.path().join("models");
    fs::create_dir_all(models.join("dk")).unwrap();
    fs::create_dir_all(models.join("sources")).unwrap();
    let base = fs::read_to_string(root().join("tests/fixtures/invalid/E0201_unknown_actor/base.toml")).unwrap();
    fs::write(models.join("dk/base.toml"), base.replace("004_f5b30a6f7980108e.txt", "leak.txt")).unwrap();
    fs::write(tmp.path().join("secret.txt"), "TOP SECRET").unwrap();
    std::os::unix::fs::symlink(tmp.path().join("secret.txt"), models.join("sources/leak.txt")).unwrap();
    let site = tmp.path().join("out/site");
    let out = nordgov().arg("report").arg(&models).arg("-o").arg(&site).args(["--engine", "builtin"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let written = tree(&tmp.path().join("out"));
    assert!(!written.is_empty());
    for (rel, bytes) in &written {
        assert!(rel.starts_with("site"), "{rel:?} written outside the output directory");
        assert!(!String::from_utf8_lossy(bytes).contains("TOP SECRET"), "{rel:?} publishes a file outside sources/");
    }
}

#[test]
fn a_failed_run_leaves_the_previous_output() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("roles.csv");
    fs::write(&target, "previous output").unwrap();
    let broken = root().join("tests/fixtures/invalid/E0201_unknown_actor");
    let out = nordgov().arg("matrix").arg(&broken).args(["--format", "csv", "-o"]).arg(&target).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(fs::read_to_string(&target).unwrap(), "previous output");
    let out =
        nordgov().args(["matrix", "dk", "--format", "csv", "-o"]).arg(&target).current_dir(root()).output().unwrap();
    assert!(out.status.success());
    assert!(fs::read_to_string(&target).unwrap().contains("level,strategy"), "not replaced");
    let names: Vec<String> =
        fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["roles.csv"], "a temporary file was left behind");
}
