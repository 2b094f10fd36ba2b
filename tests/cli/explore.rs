//! `nordgov explore`: the search finds what a person finds by hand on a small model, its
//! bookkeeping on the profile basis agrees with applying the scenario to the whole model, and
//! the scenario files it saves are accepted by `diff`.

use std::sync::atomic::AtomicBool;

use nordgov::analysis::basis::Basis;
use nordgov::analysis::dimensions::{Value as Value2, Weights};
use nordgov::analysis::profile;
use nordgov::model::Country;
use nordgov::scenario::explore::{self, Kind, Objective, Search};
use serde_json::Value;

use crate::common::{nordgov, render, root};
use crate::snapshot;

const ALL: [Kind; 4] = [Kind::Move, Kind::TransferRole, Kind::ChangeStrength, Kind::Merge];

fn load(dir: &std::path::Path) -> Country {
    crate::common::load_model(dir).as_compared(None)
}

fn bundled() -> Vec<Country> {
    ["dk", "fi", "no", "se"].iter().map(|c| load(&root().join("models").join(c))).collect()
}

/// Runs a search and checks every result against `scenario apply` + the profile on the whole
/// model: the same distances to every other country.
fn check(base: &Country, others: &[Country], kinds: &[Kind], depth: u8, top: usize, objective: &Objective) -> usize {
    let weights = Weights::bundled();
    let s = Search { base, others, kinds, depth, top, objective, weights: &weights };
    let out = explore::search(&s, &AtomicBool::new(false), &|_, _| {});
    for f in &out.found {
        let ops = explore::to_ops(base, &f.changes);
        let scenario = nordgov::scenario::Scenario::from_ops("check", &base.code, ops);
        let result = nordgov::scenario::apply(base, &scenario, Default::default())
            .unwrap_or_else(|d| panic!("{}: {:?} does not apply: {}", base.code, f.changes, d.message));
        let mut set = vec![&result];
        set.extend(others.iter());
        let p = profile::profile(&set, &weights, nordgov::model::Lang::En);
        for (code, d) in &f.distances {
            let want = p.distance(&result.code, code).unwrap().distance;
            assert!(
                (d - want).abs() < 1e-12,
                "{} {:?}: search says {d} to {code}, the model {want}",
                base.code,
                f.changes
            );
        }
    }
    out.found.len()
}

#[test]
fn search_agrees_with_applying_the_scenario_on_every_bundled_country() {
    let all = bundled();
    let mut checked = 0;
    for c in &all {
        let others: Vec<Country> = all.iter().filter(|o| o.code != c.code).cloned().collect();
        let toward = &others[0].code;
        // Every valid single change, whatever its score.
        checked += check(c, &others, &ALL, 1, 100_000, &Objective::distance(toward));
        // The best and the worst pairs of merges (the change that interacts most with others:
        // it moves role cells, steering and resources to the merged actor).
        if c.code == "no" {
            let worst = Objective::parse(&format!("-distance({toward})")).unwrap();
            checked += check(c, &others, &[Kind::Merge], 2, 10, &Objective::distance(toward));
            checked += check(c, &others, &[Kind::Merge], 2, 10, &worst);
        }
    }
    assert!(checked > 2000, "only {checked} results checked");
}

#[test]
fn the_best_single_change_is_the_one_found_by_hand() {
    // aa and bb differ in one fact: aa's central agency steers the municipalities' coordination
    // by guidance (5), bb's by direct determination (2), so they differ on the steering of the
    // local level only. Changing that cell makes the profiles equal; nothing else can (every
    // other change leaves that difference or adds one).
    let tmp = tempfile::tempdir().unwrap();
    let models = root().join("tests/fixtures/explore");
    let (code, text) = render(
        nordgov()
            .arg("--models")
            .arg(&models)
            .args(["explore", "aa", "--toward", "bb", "--top", "3", "--format", "json", "--save"])
            .arg(tmp.path()),
    );
    assert_eq!(code, 0, "{text}");
    let json: Value =
        serde_json::from_str(text.split("--- stdout\n").nth(1).unwrap().split("--- stderr").next().unwrap()).unwrap();
    let best = &json["results"][0];
    assert_eq!(
        best["summary"],
        serde_json::json!(["Central agency: coordination by direct determination instead of inspiration and guidance"])
    );
    assert_eq!(best["distances"]["bb"], 0.0);
    assert!(json["base"]["distances"]["bb"].as_f64().unwrap() > 0.0);
    assert!(json["results"][1]["objective"].as_f64().unwrap() > 0.0, "the best change is not unique");
    assert!(json["evaluated"].as_u64().unwrap() > 20 && json["seconds"].as_f64().is_some());
    // The saved scenario is a scenario file `diff` reads, and it says the same.
    let saved = tmp.path().join("01.toml");
    let out = nordgov()
        .arg("--models")
        .arg(&models)
        .args(["diff", "aa"])
        .arg(&saved)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let diff: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(diff["distances"][0]["country"], "bb");
    assert_eq!(diff["distances"][0]["after"], 0.0);
    snapshot!("explore_saved_scenario", std::fs::read_to_string(&saved).unwrap());
    // And `report` takes it as one of a model's scenarios.
    let site_models = tmp.path().join("models");
    for c in ["aa", "bb"] {
        std::fs::create_dir_all(site_models.join(c).join("scenarios")).unwrap();
        std::fs::copy(models.join(c).join("model.toml"), site_models.join(c).join("model.toml")).unwrap();
    }
    std::fs::copy(&saved, site_models.join("aa/scenarios/01.toml")).unwrap();
    let site = tmp.path().join("site");
    let out = nordgov()
        .arg("--models")
        .arg(&site_models)
        .args(["report", "--engine", "builtin", "-o"])
        .arg(&site)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let page = std::fs::read_to_string(site.join("scenario-aa-01.html")).unwrap();
    assert!(page.contains("explore aa toward bb: result 1"), "{page}");
    assert!(
        page.contains(
            "<li>Central agency: coordination by direct determination instead of inspiration and guidance</li>"
        ),
        "{page}"
    );
}

#[test]
fn explore_table_and_errors() {
    let models = root().join("tests/fixtures/explore");
    let (_, text) =
        render(nordgov().arg("--models").arg(&models).args(["explore", "aa", "--toward", "bb", "--top", "2"]));
    // The time on stderr varies; the rest is stable.
    insta::with_settings!({filters => vec![(r"evaluated in \d+\.\d+ s", "evaluated in [TIME] s")]}, {
        snapshot!("explore_table", text);
    });
    for (args, want) in [
        (vec!["explore", "aa", "--toward", "xx"], "the countries are bb"),
        (
            vec!["explore", "aa", "--toward", "bb", "--objective", "distance(bb) + 0.1*actor_moved"],
            "did you mean `actors_moved`",
        ),
        (vec!["explore", "aa", "--toward", "bb", "--objective", "distance(bb) +"], "ends with `+`"),
        (vec!["explore", "aa", "--toward", "bb", "--objective", "x*ops"], "`x` is not a number"),
        (vec!["explore", "aa", "--toward", "bb", "--depth", "3"], "3 is not in 1..=2"),
        (vec!["explore", "aa", "--toward", "bb", "--top", "0"], "0 is not in 1.."),
        (
            vec!["explore", "aa", "--toward", "bb", "--save", "tests/fixtures/explore/aa"],
            "holds a model; nordgov never writes its outputs among model files",
        ),
    ] {
        let out = nordgov().current_dir(root()).arg("--models").arg(&models).args(&args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(want), "{args:?}: `{err}` lacks `{want}`");
    }
    assert!(!models.join("aa/01.toml").exists(), "explore wrote into a model directory");
}

#[test]
fn ctrl_c_returns_the_best_found_so_far() {
    // A depth-2 search over Norway takes seconds in a debug build; interrupt it after one.
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("nordgov"))
        .current_dir(root())
        .args(["explore", "no", "--toward", "dk", "--depth", "2", "--top", "3", "--format", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(2500));
    let killed = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    if json["interrupted"] == true {
        assert!(err.contains("interrupted: the results are the best of"), "{err}");
        assert_eq!(json["results"].as_array().unwrap().len(), 3, "no results after the interruption");
    } else {
        // The machine finished the search within the second and a half: nothing to interrupt.
        eprintln!("note: the search finished before Ctrl-C ({} s)", json["seconds"]);
    }
}

/// Whether two profiles' criteria agree: sets exactly, numbers to rounding (the search sums a
/// merged actor's resources in another order than the loader).
fn same_criteria(a: &[Option<Value2>], b: &[Option<Value2>]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| match (x, y) {
            (Some(Value2::Set(x)), Some(Value2::Set(y))) => x == y,
            (Some(x), Some(y)) => match (x.number(), y.number()) {
                (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(1.0),
                _ => false,
            },
            (None, None) => true,
            _ => false,
        })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, ..Default::default() })]

    /// explore's own copy of the operations (`scenario::explore::state`) agrees with
    /// `scenario apply` on random models and random sequences of one to three changes of every
    /// kind: a sequence the search accepts applies as the scenario it is saved as, to a model
    /// whose profile criteria are the ones the search computed; and a sequence the search
    /// rejects (without merges, whose renamed ids a later change may still reach) is one
    /// `scenario apply` rejects too.
    #[test]
    fn explore_changes_agree_with_scenario_apply(
        seed in 0u64..100_000,
        size in 30usize..90,
        picks in proptest::collection::vec((0usize..4, 0usize..1_000_000), 1..=3),
    ) {
        let base = nordgov::model::synth::generate(size, seed).as_compared(None);
        // The kind first, then a change of that kind: role transfers outnumber the rest.
        let of_kind: Vec<Vec<explore::Change>> = ALL.iter().map(|k| explore::candidates(&base, &[*k])).collect();
        let mut changes = Vec::new();
        for (k, p) in &picks {
            let some = of_kind.iter().cycle().skip(*k).take(ALL.len()).find(|c| !c.is_empty());
            changes.extend(some.map(|c| c[p % c.len()]));
        }
        proptest::prop_assume!(!changes.is_empty());
        let searched = explore::criteria_after(&base, &changes);
        let ops = explore::to_ops(&base, &changes);
        let scenario = nordgov::scenario::Scenario::from_ops("check", &base.code, ops);
        let applied = nordgov::scenario::apply(&base, &scenario, Default::default());
        match (&searched, &applied) {
            (Some(want), Ok(model)) => {
                let got = Basis::new(model).criteria();
                proptest::prop_assert!(same_criteria(want, &got), "{changes:?}: search {want:?}, model {got:?}");
            }
            (Some(_), Err(d)) => proptest::prop_assert!(false, "{changes:?}: search accepts, apply rejects: {}", d.message),
            (None, Ok(_)) => proptest::prop_assert!(
                changes.iter().any(|c| c.kind() == Kind::Merge),
                "{changes:?}: search rejects, apply accepts"
            ),
            (None, Err(_)) => {}
        }
    }
}
