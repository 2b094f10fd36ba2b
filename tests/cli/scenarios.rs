//! What-if scenarios: the library's diffs as snapshots, apply writes a valid model and never
//! touches the base, errors point into the scenario file, and the algebra holds (a model does
//! not differ from itself; an operation followed by its inverse gives the base back).

use std::path::Path;

use crate::common::{bare_ids, named_ids, nordgov, render, root};
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

/// `diff` names every actor by its label, never by its id, in every bundled scenario and the
/// fixture that uses every operation, in the table, Markdown and HTML formats and in two
/// languages.
#[test]
fn diffs_name_actors_not_ids() {
    let ids = named_ids();
    for must in ["kmd_dig", "digitaliseringsradet", "statlige_virksomheter", "kmd_ikt", "fin", "difi", "ks"] {
        assert!(ids.contains(must), "{must} is not among the ids checked");
    }
    let mut files: Vec<std::path::PathBuf> = vec![root().join("tests/fixtures/scenarios/all_ops.toml")];
    for code in ["dk", "fi", "is", "no", "se"] {
        let dir = root().join("models").join(code).join("scenarios");
        let mut v: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        v.sort();
        files.extend(v.into_iter().filter(|p| p.extension().is_some_and(|e| e == "toml")));
    }
    let mut checked = 0;
    for f in &files {
        let base = f
            .strip_prefix(root().join("models"))
            .ok()
            .and_then(|p| p.iter().next())
            .map_or("no".into(), |c| c.to_string_lossy().to_string());
        for (format, lang) in [("table", "en"), ("md", "en"), ("html", "en"), ("table", "nb")] {
            let out = nordgov()
                .current_dir(root())
                .args(["diff", &base])
                .arg(f)
                .args(["--format", format, "--lang", lang, "--width", "200"])
                .output()
                .unwrap();
            let text = String::from_utf8(out.stdout).unwrap();
            let text = if format == "html" { crate::common::visible_text(&text) } else { text };
            assert!(text.len() > 200, "{}: no diff\n{text}", f.display());
            let found = bare_ids(&text, &ids);
            assert!(found.is_empty(), "{} ({format}, {lang}) prints ids {found:?}:\n{text}", f.display());
            checked += 1;
        }
    }
    assert!(checked >= 50, "only {checked} diffs checked");
}

#[test]
fn library_diffs() {
    assert!(library().len() >= 2);
    for s in library() {
        let name = s.file_stem().unwrap().to_string_lossy().to_string();
        for format in ["table", "json"] {
            let (exit, out) =
                render(nordgov().current_dir(root()).args(["diff", "no"]).arg(s.strip_prefix(root()).unwrap()).args([
                    "--format",
                    format,
                    "--width",
                    "130",
                    "--exit-code",
                ]));
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
        let (exit, out) = render(nordgov().current_dir(root()).args(["diff", c, c, "--exit-code"]));
        assert_eq!(exit, 0, "{out}");
        assert!(out.contains("No differences"), "{out}");
    }
}

#[test]
fn an_operation_and_its_inverse_give_the_base_back() {
    let (exit, out) = render(nordgov().current_dir(root()).args([
        "diff",
        "no",
        "tests/fixtures/scenarios/round_trip.toml",
        "--exit-code",
    ]));
    assert_eq!(exit, 0, "{out}");
}

#[test]
fn scenario_errors_point_into_the_file() {
    for name in ["unknown_actor", "cycle", "bad_op"] {
        let (exit, out) = render(
            nordgov().current_dir(root()).args(["diff", "no"]).arg(format!("tests/fixtures/scenarios/{name}.toml")),
        );
        assert_eq!(exit, 1, "{out}");
        snapshot!(format!("scenario_error_{name}"), out);
    }
}

/// Loads a bundled model through the library, on a date.
fn model(code: &str, date: &str) -> nordgov::model::Country {
    let dir = nordgov::files::workspace::ModelDir { name: code.into(), path: root().join("models").join(code) };
    let mut db = nordgov::diagnostic::SourceDb::new();
    let (c, d) = nordgov::files::workspace::load_model(&dir, &mut db, &nordgov::load::Limits::default());
    c.unwrap_or_else(|| panic!("{d:?}")).as_of(date.parse().unwrap())
}

/// Applies a scenario file to a model through the library.
fn apply_file(base: &nordgov::model::Country, path: &str) -> nordgov::model::Country {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    let s = nordgov::scenario::parse(0, &text, &Default::default()).unwrap();
    nordgov::scenario::apply(base, &s, 0).unwrap()
}

/// History as a check: Difi -> Digdir and Skate's mandate, applied to Norway as of 2017-06-01,
/// give the same facts as the model's own Norway as of 2020-12-31 for what the scenario touches:
/// (1) Difi is gone and Digdir exists, under the same parent; (2) Digdir holds exactly the role
/// cells it holds in 2020; (3) Skate holds national strategy (advisory) and coordination;
/// (4) Skate advises KMD.
#[test]
fn digdir_scenario_reproduces_norway_2020() {
    use nordgov::model::{ActorId, Level, Qualifier, RelationType, Role, Sector};
    let result = apply_file(&model("no", "2017-06-01"), "models/no/scenarios/digdir_and_skate_2020.toml");
    let real = model("no", "2020-12-31");
    let (difi, digdir, skate, kmd) =
        (ActorId::new("difi"), ActorId::new("digdir"), ActorId::new("skate"), ActorId::new("kmd"));
    // (1)
    assert!(result.actor(&difi).is_none() && real.actor(&difi).is_none());
    let parent = |c: &nordgov::model::Country| c.actor(&digdir).and_then(|a| a.parent.as_ref()).map(|p| p.id.clone());
    assert_eq!(parent(&result), parent(&real));
    assert!(parent(&real).is_some());
    // (2)
    let cells = |c: &nordgov::model::Country, who: &ActorId| -> Vec<(Level, Role)> {
        let mut v: Vec<_> = c
            .roles
            .iter()
            .filter(|r| r.sector == Sector::General && r.holders.iter().any(|h| &h.actor == who))
            .map(|r| (r.level, r.role))
            .collect();
        v.sort();
        v.dedup();
        v
    };
    assert_eq!(cells(&result, &digdir), cells(&real, &digdir));
    assert!(!cells(&real, &digdir).is_empty());
    // (3)
    let holding = |c: &nordgov::model::Country, level: Level, role: Role| {
        c.roles
            .iter()
            .filter(|r| r.level == level && r.role == role && r.sector == Sector::General)
            .flat_map(|r| r.holders.iter())
            .find(|h| h.actor == skate)
            .map(|h| h.qualifier)
    };
    for c in [&result, &real] {
        assert_eq!(holding(c, Level::National, Role::Strategy), Some(Some(Qualifier::Advisory)));
        assert_eq!(holding(c, Level::National, Role::Coordination), Some(None));
    }
    // (4)
    for c in [&result, &real] {
        assert!(c.edges().any(|(a, k, b)| a == &skate && k == RelationType::Advises && b == &kmd));
    }
}

mod properties {
    use nordgov::load::raw::{Sp, SpStr};
    use nordgov::model::{ActorId, ActorKind, Country, Level, RelationType, Role};
    use nordgov::scenario::{apply, diff, Op, Scenario};
    use proptest::prelude::*;

    fn scenario(ops: Vec<Op>) -> Scenario {
        Scenario {
            name: "generated".into(),
            base: Sp::new("x".to_string()),
            as_of: None,
            rationale: String::new(),
            sources: Vec::new(),
            copies: Vec::new(),
            dimensions: Vec::new(),
            reproduces: None,
            ops: ops.into_iter().map(Sp::new).collect(),
        }
    }

    fn s(id: &ActorId) -> SpStr {
        Sp::new(id.to_string())
    }

    fn country(seed: u64) -> Country {
        nordgov::model::synth::generate(60 + (seed % 5) as usize * 20, seed)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

        /// A model does not differ from itself.
        #[test]
        fn diff_of_a_model_with_itself_is_empty(seed in 0u64..10_000) {
            let c = country(seed);
            prop_assert!(diff(&c, &c, &[]).is_empty());
        }

        /// An empty scenario gives the base back.
        #[test]
        fn empty_scenario_is_the_base(seed in 0u64..10_000) {
            let c = country(seed);
            prop_assert_eq!(apply(&c, &scenario(Vec::new()), 0).unwrap(), c);
        }

        /// Moving an agency to another ministry and back gives the base back.
        #[test]
        fn move_then_move_back_is_the_base(seed in 0u64..10_000, pick in 0usize..1000, to in 0usize..1000) {
            let c = country(seed);
            let agencies: Vec<&ActorId> = c.actors.values().filter(|a| a.kind == ActorKind::Agency && a.parent.is_some()).map(|a| &a.id).collect();
            let ministries: Vec<&ActorId> = c.actors.values().filter(|a| a.kind == ActorKind::Ministry).map(|a| &a.id).collect();
            let agency = agencies[pick % agencies.len()];
            let original = c.actor(agency).unwrap().parent.clone().unwrap();
            let target = ministries[to % ministries.len()];
            let ops = vec![
                Op::Move { actor: s(agency), parent: s(target), relation: RelationType::ReportsTo },
                Op::Move { actor: s(agency), parent: s(&original.id), relation: original.relation },
            ];
            let back = apply(&c, &scenario(ops), 0).unwrap();
            prop_assert!(diff(&c, &back, &[]).is_empty());
            prop_assert_eq!(back, c);
        }

        /// Role assignments to different cells commute (operation order matters only where one
        /// operation reads what another writes, as documented in README).
        #[test]
        fn assignments_to_different_cells_commute(seed in 0u64..10_000, pick in 0usize..1000) {
            let c = country(seed);
            let ids: Vec<&ActorId> = c.actors.values().filter(|a| a.level == Level::State).map(|a| &a.id).collect();
            let who = ids[pick % ids.len()];
            let holds = |role: Role| c.roles.iter().any(|r| r.level == Level::State && r.role == role && r.holders.iter().any(|h| &h.actor == who));
            prop_assume!(!holds(Role::Strategy) && !holds(Role::Operation));
            let a = Op::AssignRole { level: Level::State, role: Role::Strategy, actor: s(who), qualifier: None };
            let b = Op::AssignRole { level: Level::State, role: Role::Operation, actor: s(who), qualifier: None };
            let ab = apply(&c, &scenario(vec![a.clone(), b.clone()]), 0).unwrap();
            let ba = apply(&c, &scenario(vec![b, a]), 0).unwrap();
            prop_assert_eq!(ab, ba);
        }
    }
}

/// Every operation kind in one scenario: it applies, the result validates, and its diff is a
/// reviewed snapshot.
#[test]
fn every_operation_kind() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("out");
    let out = nordgov()
        .current_dir(root())
        .args(["scenario", "apply", "tests/fixtures/scenarios/all_ops.toml", "-o"])
        .arg(&out_dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v = nordgov().arg("validate").arg(&out_dir).output().unwrap();
    assert!(v.status.success(), "{}", String::from_utf8_lossy(&v.stderr));
    let (exit, diff) = render(nordgov().current_dir(root()).args([
        "diff",
        "no",
        "tests/fixtures/scenarios/all_ops.toml",
        "--format",
        "json",
    ]));
    assert_eq!(exit, 0);
    let json: serde_json::Value =
        serde_json::from_str(diff.split("--- stdout\n").nth(1).unwrap().split("--- stderr").next().unwrap()).unwrap();
    let removed: Vec<&str> =
        json["actors_removed"].as_array().map_or(vec![], |a| a.iter().filter_map(|x| x.as_str()).collect());
    let added: Vec<&str> =
        json["actors_added"].as_array().map_or(vec![], |a| a.iter().filter_map(|x| x.as_str()).collect());
    assert!(removed.contains(&"brreg") && removed.contains(&"ks") && removed.contains(&"kmd_dig"), "{removed:?}");
    assert!(added.contains(&"kmd_digital") && added.contains(&"ks_digital"), "{added:?}");
    snapshot!("scenario_all_ops_json", diff);
}

/// The overlay diagram marks added edges green and removed ones red, draws the moved actor
/// where the base has it and marks it changed.
#[test]
fn overlay_diagram() {
    let (exit, dot) = render(nordgov().current_dir(root()).args([
        "diagram",
        "--scenario",
        "models/no/scenarios/fin_centre.toml",
        "--diff",
        "--view",
        "org",
    ]));
    assert_eq!(exit, 0, "{dot}");
    assert!(dot.contains("\"fin\" -> \"difi\" [color=\"#2CA02C\""), "{dot}");
    assert!(dot.contains("\"kmd\" -> \"difi\" [color=\"#D62728\""), "{dot}");
    let difi = dot.lines().find(|l| l.trim_start().starts_with("\"difi\"[")).unwrap();
    assert!(difi.contains("color=\"#FF7F0E\""), "{difi}");
    snapshot!("scenario_overlay_fin_centre", dot);
}

/// Without -o, `scenario apply` prints the model as one file, which loads as the same model.
#[test]
fn apply_to_stdout_is_one_valid_model_file() {
    let out = nordgov()
        .current_dir(root())
        .args(["scenario", "apply", "models/no/scenarios/ks_binding_mandate.toml"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let (single, diags, _) = nordgov::load::load_str("stdout", &[("model.toml", &text)]);
    assert!(diags.iter().all(|d| d.severity() != nordgov::diagnostic::Severity::Error), "{diags:?}");
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("m");
    let o = nordgov()
        .current_dir(root())
        .args(["scenario", "apply", "models/no/scenarios/ks_binding_mandate.toml", "-o"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(o.status.success());
    let mut db = nordgov::diagnostic::SourceDb::new();
    let (split, _) = nordgov::files::workspace::load_model(
        &nordgov::files::workspace::ModelDir { name: "m".into(), path: dir },
        &mut db,
        &nordgov::load::Limits::default(),
    );
    assert_eq!(single, split);
}
