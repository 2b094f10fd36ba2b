//! Every subcommand that reads a model, run on every invalid fixture: each must exit non-zero
//! with a diagnostic and never panic (a warning-only fixture must not panic either).

use std::path::Path;

use crate::common::{nordgov, root};

/// The argument lists that run each model-reading subcommand on `m` (a model directory), with
/// `dk` (a valid model) where a second one is needed and `tmp` for outputs.
fn commands(m: &str, dk: &str, tmp: &Path) -> Vec<Vec<String>> {
    let scenario = tmp.join("s.toml");
    std::fs::write(
        &scenario,
        format!(
            "[scenario]\nname = \"x\"\nbase = {}\n\n[[op]]\nop = \"remove_actor\"\nactor = \"digst\"\n",
            toml::Value::String(m.into())
        ),
    )
    .unwrap();
    let reports = tmp.join("models");
    std::fs::create_dir_all(&reports).unwrap();
    let _ = std::os::unix::fs::symlink(m, reports.join("xx"));
    let s = |p: &Path| p.to_string_lossy().into_owned();
    let v = |a: &[&str]| a.iter().map(|x| x.to_string()).collect::<Vec<String>>();
    vec![
        v(&["validate", m]),
        v(&["matrix", m]),
        v(&["matrix", m, "--kind", "operational", "--format", "json"]),
        v(&["compare", m, dk]),
        v(&["metrics", m]),
        v(&["export", "graphml", m]),
        v(&["diagram", m, "--view", "all"]),
        v(&["diff", m, dk]),
        v(&["diff", dk, m]),
        v(&["explore", m, "--toward", dk, "--depth", "1"]),
        v(&["scenario", "apply", &s(&scenario), "-o", &s(&tmp.join("applied"))]),
        v(&["report", &s(&reports), "-o", &s(&tmp.join("site")), "--engine", "builtin"]),
    ]
}

#[test]
fn every_subcommand_on_every_invalid_fixture() {
    let fixtures = crate::diagnostics::fixtures();
    let dk = root().join("models/dk").to_string_lossy().into_owned();
    let runs: usize = std::thread::scope(|scope| {
        let handles: Vec<_> = fixtures
            .iter()
            .map(|dir| {
                let dk = dk.clone();
                scope.spawn(move || {
                    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
                    let warning_only = name.starts_with('W');
                    let extra = crate::diagnostics::fixture_args(dir);
                    let tmp = tempfile::tempdir().unwrap();
                    let cmds = commands(&dir.to_string_lossy(), &dk, tmp.path());
                    for args in &cmds {
                        let out = nordgov().current_dir(root()).args(&extra).args(args).output().unwrap();
                        let err = String::from_utf8_lossy(&out.stderr);
                        assert!(!err.contains("panicked"), "{name} {args:?} panicked:\n{err}");
                        if !warning_only {
                            assert_ne!(out.status.code(), Some(0), "{name} {args:?} succeeded:\n{err}");
                            assert!(err.contains("error"), "{name} {args:?}: no diagnostic:\n{err}");
                        }
                    }
                    cmds.len()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    });
    assert!(runs >= 300, "{runs} runs");
}
