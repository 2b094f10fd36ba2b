//! Authoring: `new` scaffolds a model that validates, `fmt` is idempotent and keeps every
//! comment and the model's meaning, completions and manual pages come from the clap definitions.

use std::collections::BTreeMap;
use std::fs;

use crate::common::{copy_dir, load_model, nordgov, render, root};
use crate::snapshot;

fn comments(text: &str) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for l in text.lines().map(str::trim).filter(|l| l.starts_with('#')) {
        *m.entry(l.to_string()).or_default() += 1;
    }
    m
}

#[test]
fn new_scaffolds_a_model_that_validates() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("is");
    let out = nordgov().args(["new", "is", "--name", "Iceland", "-o"]).arg(&dir).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let (exit, text) = render(nordgov().arg("validate").arg(&dir));
    assert_eq!(exit, 0, "{text}");
    assert_eq!(text.matches("warning[W0402]").count(), 20, "every role cell empty, nothing else\n{text}");
    assert_eq!(text.matches("warning[").count(), 20, "{text}");
    let mut all = String::new();
    for f in ["country.toml", "actors.toml", "roles.toml"] {
        let t = fs::read_to_string(dir.join(f)).unwrap();
        assert!(t.starts_with("#:schema ../nordgov.schema.json\n"), "{f}");
        all += &format!("--- {f}\n{t}");
    }
    snapshot!("new_is", all);
    let again = nordgov().args(["new", "is", "-o"]).arg(&dir).output().unwrap();
    assert_eq!(again.status.code(), Some(2), "a second new over the same directory must refuse");
}

#[test]
fn fmt_sort_is_idempotent_and_keeps_comments_and_meaning() {
    let tmp = tempfile::tempdir().unwrap();
    let models = tmp.path().join("models");
    copy_dir(&root().join("models"), &models);
    let before: BTreeMap<String, String> = ["dk", "fi", "no", "se"]
        .iter()
        .flat_map(|c| fs::read_dir(models.join(c)).unwrap().map(|e| e.unwrap().path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| (p.to_string_lossy().into_owned(), fs::read_to_string(&p).unwrap()))
        .collect();
    let check = nordgov().args(["fmt", "--sort", "--check"]).arg(&models).output().unwrap();
    assert_eq!(check.status.code(), Some(1), "the bundled models are hand-grouped, not canonical");
    for (p, t) in &before {
        assert_eq!(&fs::read_to_string(p).unwrap(), t, "--check changed {p}");
    }
    let out = nordgov().args(["fmt", "--sort"]).arg(&models).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for (p, t) in &before {
        let after = fs::read_to_string(p).unwrap();
        assert_eq!(comments(&after), comments(t), "{p}: comments changed");
    }
    for c in ["dk", "fi", "no", "se"] {
        assert!(load_model(&models.join(c)) == load_model(&root().join("models").join(c)), "{c}: the model changed");
    }
    let formatted: Vec<String> = before.keys().map(|p| fs::read_to_string(p).unwrap()).collect();
    let check = nordgov().args(["fmt", "--sort", "--check"]).arg(&models).output().unwrap();
    assert!(check.status.success(), "not idempotent: {}", String::from_utf8_lossy(&check.stderr));
    let again: Vec<String> = before.keys().map(|p| fs::read_to_string(p).unwrap()).collect();
    assert_eq!(formatted, again);
    let leftovers: Vec<_> = fs::read_dir(models.join("dk"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".nordgov-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left");
}

#[test]
fn bundled_models_are_fmt_clean() {
    let out = nordgov().arg("fmt").arg("--check").arg(root().join("models")).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn fmt_reports_broken_toml_and_leaves_it() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("broken.toml");
    fs::write(&f, "[[actor]]\nid = \"a\"\nname = \n").unwrap();
    let (exit, out) = render(nordgov().arg("fmt").arg(&f));
    assert_eq!(exit, 1, "{out}");
    assert!(out.contains("error[E0101]") && out.contains("broken.toml:3:"), "{out}");
    assert_eq!(fs::read_to_string(&f).unwrap(), "[[actor]]\nid = \"a\"\nname = \n");
}

#[test]
fn completions_and_manual_pages() {
    let run = |args: &[&str]| {
        let out = nordgov().args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    for shell in ["bash", "zsh", "fish"] {
        let script = run(&["completions", shell]);
        for sub in ["validate", "matrix", "diff", "explore", "fmt", "new"] {
            assert!(script.contains(sub), "{shell}: {sub} missing");
        }
    }
    let bash = run(&["completions", "bash"]);
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("c.bash"), &bash).unwrap();
    let syntax = std::process::Command::new("bash").arg("-n").arg(tmp.path().join("c.bash")).output().unwrap();
    assert!(syntax.status.success(), "bash rejects the script: {}", String::from_utf8_lossy(&syntax.stderr));
    let page = run(&["man"]);
    assert!(page.contains(".TH nordgov 1") && page.contains("validate"), "{}", &page[..200.min(page.len())]);
    let dir = tmp.path().join("man");
    run(&["man", "-o", dir.to_str().unwrap()]);
    let pages: Vec<String> =
        fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    for p in ["nordgov.1", "nordgov-validate.1", "nordgov-fmt.1", "nordgov-export.1"] {
        assert!(pages.iter().any(|x| x == p), "{p} missing from {pages:?}");
    }
}

#[test]
fn every_command_help_carries_an_example() {
    use clap::CommandFactory;
    let cli = nordgov::cli::Cli::command();
    let mut names: Vec<Vec<String>> = vec![vec![]];
    for sub in cli.get_subcommands() {
        names.push(vec![sub.get_name().to_string()]);
        for inner in sub.get_subcommands() {
            names.push(vec![sub.get_name().to_string(), inner.get_name().to_string()]);
        }
    }
    assert!(names.len() > 15);
    for path in names {
        let out = nordgov().args(&path).arg("--help").output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Examples:\n  nordgov "), "`nordgov {}` --help has no example", path.join(" "));
    }
}

#[test]
fn labels_falling_back_from_the_language_asked_are_said_once() {
    let run = |lang: &str| {
        let out = nordgov()
            .current_dir(root())
            .args(["matrix", "dk", "--kind", "operational", "--lang", lang])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stderr).unwrap()
    };
    let fi = run("fi");
    assert_eq!(fi.matches("note: ").count(), 1, "{fi}");
    assert!(fi.contains("65 of 80 actors have no name in fi"), "{fi}");
    assert!(!run("en").contains("note: "), "English is the fallback itself");
}

#[test]
fn watch_renders_again_when_a_model_file_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let model = tmp.path().join("dk");
    copy_dir(&root().join("models/dk"), &model);
    watch_renders_the_change(&model, &tmp.path().join("org.dot"));
}

/// A directory symlink cycle inside the model (a link back to the model and a link to itself)
/// neither hangs nor crashes watch, and a change is still rendered.
#[cfg(unix)]
#[test]
fn watch_survives_a_directory_symlink_cycle() {
    let tmp = tempfile::tempdir().unwrap();
    let model = tmp.path().join("dk");
    copy_dir(&root().join("models/dk"), &model);
    fs::create_dir(model.join("sub")).unwrap();
    std::os::unix::fs::symlink("..", model.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink(".", model.join("self")).unwrap();
    watch_renders_the_change(&model, &tmp.path().join("org.dot"));
}

/// Runs `watch diagram` on the model in `model` for two runs, renames an actor once the first
/// render is in `out`, and checks that the second render shows the new name.
fn watch_renders_the_change(model: &std::path::Path, out: &std::path::Path) {
    let mut child = nordgov()
        .args(["watch", "--interval", "100", "--max-runs", "2", "diagram"])
        .arg(model)
        .args(["--view", "org", "-o"])
        .arg(out)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Generous deadlines: they only bound a failing test, nothing is timed.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !out.exists() {
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("no first render");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let first = fs::read_to_string(out).unwrap();
    assert!(!first.contains("Digital Taskforce Renamed"));
    let actors = model.join("actors.toml");
    let text = fs::read_to_string(&actors).unwrap();
    fs::write(&actors, text.replacen("Ministry of Employment", "Digital Taskforce Renamed", 1)).unwrap();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success());
            break;
        }
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("watch did not render again after the change");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let second = fs::read_to_string(out).unwrap();
    assert!(second.contains("Digital Taskforce Renamed"), "the new name is not in the diagram");
}
