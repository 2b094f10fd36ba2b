//! The JSON Schema: the committed file equals what `nordgov schema` prints, and Taplo (the
//! engine behind Even Better TOML) accepts every bundled model file on its own, as an editor
//! sees it, and rejects a misspelt key.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{find_tool, nordgov, root};

#[test]
fn committed_schema_is_current() {
    let out = nordgov().arg("schema").output().unwrap();
    assert!(out.status.success());
    let committed = std::fs::read_to_string(root().join("models/nordgov.schema.json")).unwrap();
    assert!(
        committed == String::from_utf8(out.stdout).unwrap(),
        "models/nordgov.schema.json is stale: run `cargo run -- schema -o models/nordgov.schema.json`"
    );
}

/// Every model file shipped: bundled models and the example model.
fn model_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for base in ["models", "examples/models"] {
        for dir in nordgov::files::workspace::country_dirs(&root().join(base)) {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.extension().is_some_and(|x| x == "toml") {
                    files.push(p);
                }
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_model_file_starts_with_the_schema_line() {
    let files = model_files();
    assert!(!files.is_empty());
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let line = text.lines().next().unwrap_or("");
        let schema =
            line.strip_prefix("#:schema ").unwrap_or_else(|| panic!("{} lacks the #:schema line", f.display()));
        let resolved = f.parent().unwrap().join(schema);
        assert!(resolved.is_file(), "{}: #:schema points at {}, which does not exist", f.display(), resolved.display());
    }
}

fn taplo() -> Option<PathBuf> {
    find_tool("NORDGOV_TAPLO", &[root().join("node_modules/.bin/taplo"), PathBuf::from("taplo")])
}

fn taplo_check(taplo: &Path, file: &Path) -> std::process::Output {
    Command::new(taplo).arg("check").arg(file).env("RUST_LOG", "error").output().unwrap()
}

#[test]
fn taplo_accepts_every_model_file_and_rejects_a_misspelt_key() {
    let Some(taplo) = taplo() else { return };
    // One process for all files (taplo starts slowly); it still checks each file on its own,
    // against the schema its own #:schema line names, as an editor does.
    let files = model_files();
    let out = Command::new(&taplo).arg("check").args(&files).env("RUST_LOG", "error").output().unwrap();
    assert!(
        out.status.success(),
        "taplo rejects a bundled model file:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // The same file with one key misspelt, in a copy of the layout so the relative #:schema
    // line resolves.
    let tmp = tempfile::tempdir().unwrap();
    std::fs::copy(root().join("models/nordgov.schema.json"), tmp.path().join("nordgov.schema.json")).unwrap();
    std::fs::create_dir(tmp.path().join("xx")).unwrap();
    let src = files.iter().find(|f| std::fs::read_to_string(f).unwrap().contains("\nkind = ")).unwrap();
    let text = std::fs::read_to_string(src).unwrap();
    let body = text.split_once('\n').map_or("", |(_, rest)| rest);
    let bad = format!("{}\n{}", nordgov::files::print::SCHEMA_LINE, body.replacen("\nkind = ", "\nknid = ", 1));
    let bad_path = tmp.path().join("xx/bad.toml");
    std::fs::write(&bad_path, bad).unwrap();
    let out = taplo_check(&taplo, &bad_path);
    assert!(!out.status.success(), "taplo accepted a misspelt key");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("knid"), "taplo did not name the misspelt key:\n{text}");
}
