//! The governance dimensions: they read the facts they rest on, the generated findings reproduce
//! the Nordic report's cross-country conclusions, every bundled scenario that copies a
//! neighbour's arrangement moves Norway toward it on the dimension it copies, the weights file is
//! checked like a model file, and the sensitivity analysis is repeatable.

use std::path::Path;

use nordgov::analysis::basis::Basis;
use nordgov::analysis::dimensions::{Criterion, Value};
use nordgov::model::{ActorId, Country, Level, LevelCharacter, RelationType};
use serde_json::Value as Json;

use crate::common::{load_model, nordgov, render, root};
use crate::snapshot;

fn json(args: &[&str]) -> Json {
    let out = nordgov().current_dir(root()).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn country(code: &str) -> Country {
    load_model(&root().join("models").join(code)).as_compared(None)
}

fn criterion(c: &Country, cr: Criterion) -> Option<Value> {
    Basis::new(c).criteria()[cr.index()]
}

fn score(c: &Country, cr: Criterion) -> f64 {
    match criterion(c, cr) {
        Some(Value::Score(x)) | Some(Value::Amount(x)) => x,
        other => panic!("{}: {cr} is {other:?}", c.code),
    }
}

/// Each dimension reads the facts it rests on: take the fact away (or change it) and the value
/// moves.
#[test]
fn dimensions_read_their_facts() {
    let dk = country("dk");
    let no = country("no");

    // Where the centre sits: the portfolio of the ministry above the central unit.
    let mut c = dk.clone();
    c.actors.get_mut(&ActorId::new("fm_dk")).unwrap().portfolio = None;
    assert_ne!(criterion(&dk, Criterion::HostPortfolio), criterion(&c, Criterion::HostPortfolio));
    assert_eq!(criterion(&c, Criterion::HostPortfolio), None);

    // Its form: an agency (DIGST) or a department.
    let mut c = dk.clone();
    c.actors.get_mut(&ActorId::new("digst")).unwrap().kind = nordgov::model::ActorKind::Unit;
    assert_eq!((score(&dk, Criterion::AgencyShare), score(&c, Criterion::AgencyShare)), (1.0, 0.0));

    // Strategic capacity: the joint strategy, gatekeeping and the binding budget agreements.
    let mut c = dk.clone();
    for s in &mut c.strategies {
        for d in &mut s.documents {
            d.in_force = false;
        }
    }
    assert_eq!((score(&dk, Criterion::NationalStrategy), score(&c, Criterion::NationalStrategy)), (1.0, 0.0));
    let mut c = dk.clone();
    c.relations.retain(|r| r.kind != RelationType::Gatekeeps);
    assert_eq!((score(&dk, Criterion::Gatekeeping), score(&c, Criterion::Gatekeeping)), (1.0, 0.0));
    let mut c = dk.clone();
    c.relations.iter_mut().for_each(|r| r.binding = false);
    assert_eq!((score(&dk, Criterion::BudgetNegotiation), score(&c, Criterion::BudgetNegotiation)), (1.0, 0.0));
    assert_eq!((score(&dk, Criterion::BindingAgreement), score(&c, Criterion::BindingAgreement)), (1.0, 0.0));

    // Roles: take DIGST out of every role cell and the centre holds none of the three.
    let mut c = dk.clone();
    c.roles.iter_mut().for_each(|r| r.holders.retain(|h| h.actor.as_str() != "digst"));
    assert!(score(&dk, Criterion::CentreRoles) > 0.0);
    assert_eq!(score(&c, Criterion::CentreRoles), 0.0);

    // Coordination: Finland's coordinators include two permanent councils.
    let fi = country("fi");
    let mut c = fi.clone();
    c.actors.values_mut().for_each(|a| a.standing = None);
    assert!(score(&fi, Criterion::PermanentForums) > 0.0);
    assert_eq!(criterion(&c, Criterion::PermanentForums), None);

    // Local steering: KOMBIT's economic steering of the municipalities, and KOMBIT itself.
    let mut c = dk.clone();
    c.steering.retain(|s| s.actor.as_str() != "kombit");
    assert!(score(&c, Criterion::LocalInstrument) < score(&dk, Criterion::LocalInstrument));
    let mut c = dk.clone();
    c.roles.iter_mut().for_each(|r| r.holders.retain(|h| h.actor.as_str() != "kombit"));
    assert_eq!((score(&dk, Criterion::JointCompany), score(&c, Criterion::JointCompany)), (1.0, 0.0));

    // The regional tier's character.
    let mut c = no.clone();
    c.levels.get_mut(&Level::Regional).unwrap().character.as_mut().unwrap().value = LevelCharacter::SelfGoverning;
    assert_ne!(criterion(&no, Criterion::TierCharacter), criterion(&c, Criterion::TierCharacter));

    // Resources: Difi's digitalisation part (47 FTE), not its whole staff (260), counts.
    let mut c = no.clone();
    c.resources.retain(|r| r.scope != nordgov::model::ResourceScope::Digitalisation);
    let per_million = |c: &Country| score(c, Criterion::FtePerMillion) * c.population.as_ref().unwrap().value / 1e6;
    assert!((per_million(&no) - 57.0).abs() < 1e-6, "{}", per_million(&no));
    assert!((per_million(&c) - 270.0).abs() < 1e-6, "{}", per_million(&c));
}

/// The report's four countries (Iceland, modelled from other sources, is not in its conclusions).
const REPORT: [&str; 4] = ["dk", "fi", "no", "se"];

fn findings() -> Json {
    let mut args = vec!["compare"];
    args.extend(REPORT);
    args.extend(["--kind", "findings", "--format", "json"]);
    json(&args)
}

/// The groups of the finding on `dimension` (measure `measure`), as country codes.
fn groups(f: &Json, dimension: &str, measure: &str) -> Vec<Vec<String>> {
    let finding = f["comparison"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["dimension"] == dimension && x["measure"] == measure)
        .unwrap_or_else(|| panic!("no finding on {dimension} ({measure})"));
    finding["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["countries"].as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_string()).collect())
        .collect()
}

fn sentence<'a>(f: &'a Json, dimension_label: &str) -> &'a str {
    f["comparison"]["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .find(|s| s.to_lowercase().starts_with(&dimension_label.to_lowercase()))
        .unwrap_or_else(|| panic!("no sentence on {dimension_label}"))
}

/// The names appear in `order` in `text`.
fn in_order(text: &str, order: &[&str]) {
    let at: Vec<usize> = order.iter().map(|n| text.find(n).unwrap_or_else(|| panic!("{n} not in {text}"))).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{order:?} not in that order in: {text}");
}

fn set(v: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = v.iter().map(|s| s.to_string()).collect();
    out.sort();
    out
}

fn sorted(mut g: Vec<String>) -> Vec<String> {
    g.sort();
    g
}

/// Every cross-country conclusion of the report's summary (nordic2017:1-300) that the
/// dimensions cover, checked against the generated values and sentences.
#[test]
fn generated_findings_reproduce_the_reports_conclusions() {
    let f = findings();

    // 35-43: "In Denmark this unit is an agency under the Ministry of Finance, in Finland and
    // Sweden a department in the Ministry of Finance. In Norway ... in KMD."
    let host = groups(&f, "centre_host", "terms");
    assert_eq!(host.len(), 2, "{host:?}");
    assert_eq!(sorted(host[0].clone()), set(&["dk", "fi", "se"]));
    assert_eq!(host[1], vec!["no"]);
    let s = sentence(&f, "where the central unit sits");
    in_order(s, &["Denmark, Finland and Sweden", "finance", "Norway", "local government"]);
    let form = groups(&f, "centre_form", "terms");
    assert!(form.iter().any(|g| sorted(g.clone()) == set(&["fi", "se"])), "{form:?}");
    assert!(form.iter().any(|g| g == &vec!["dk".to_string()]), "{form:?}");

    // 57-63: "Denmark and to some degree Norway have a central unit for strategic and tactical
    // organisation, while Sweden and Finland have no formal national strategies or tactical
    // organisations."
    let capacity: Vec<Vec<String>> = groups(&f, "strategic_capacity", "score").into_iter().map(sorted).collect();
    assert_eq!(capacity, vec![vec!["dk".to_string()], vec!["no".to_string()], set(&["fi", "se"])], "{capacity:?}");
    in_order(sentence(&f, "central strategic and tactical capacity"), &["Denmark", "Norway", "Finland and Sweden"]);

    // 117-128: "In Sweden and Finland advisory committees and coordinating forums have been used
    // for horizontal cooperation at state level, while Denmark's coordination has been more ad
    // hoc and project-based; in Norway ... sectoral steering and voluntary participation."
    let coordination = groups(&f, "coordination", "score");
    let rank = |c: &str| coordination.iter().position(|g| g.iter().any(|x| x == c)).unwrap();
    assert!(rank("fi").max(rank("se")) < rank("dk").min(rank("no")), "{coordination:?}");

    // 160-166: "Finland has the highest central financial resources, while Denmark has the
    // highest central FTE capacity."
    assert_eq!(groups(&f, "central_resources", "staff")[0], vec!["dk"]);
    assert_eq!(groups(&f, "central_resources", "budget")[0], vec!["fi"]);

    // 205-212: "While Finland, Sweden and Norway show similar levels of decentralisation and
    // local self-government, Denmark is the most centralised and has a central purchasing unit."
    let local = groups(&f, "local_steering", "score");
    assert_eq!(local.len(), 2, "{local:?}");
    assert_eq!((local[0].clone(), sorted(local[1].clone())), (vec!["dk".to_string()], set(&["fi", "no", "se"])));

    // 248-258: "While Denmark and Sweden have self-governing regions focused on health, Finland
    // has no regional level today ... and Norway has no regional level like the other countries."
    let regional = groups(&f, "regional_tier", "terms");
    assert_eq!(sorted(regional[0].clone()), set(&["dk", "se"]), "{regional:?}");
    assert_eq!(regional.len(), 3, "Finland and Norway each differ from the others: {regional:?}");
    in_order(sentence(&f, "the regional tier"), &["Denmark and Sweden", "self-governing"]);

    // 13-17: 98 municipalities in Denmark, 290 in Sweden, 313 in Finland, 426 in Norway
    // (context, out of the distance).
    let mut args = vec!["compare"];
    args.extend(REPORT);
    args.extend(["--kind", "profile", "--format", "json"]);
    let p = json(&args);
    let munis: Vec<(String, u64)> = p["comparison"]["context"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["country"].as_str().unwrap().to_string(), c["municipalities"].as_u64().unwrap()))
        .collect();
    assert_eq!(munis, vec![("dk".into(), 98), ("fi".into(), 313), ("no".into(), 426), ("se".into(), 290)]);
}

/// Every bundled scenario that copies a neighbour's arrangement (`copies`, `dimensions` in its
/// [scenario] table) moves Norway closer to each copied country on each dimension it names, and
/// the diff says which dimension moved and why.
#[test]
fn copying_scenarios_register() {
    let dir = root().join("models/no/scenarios");
    let mut checked = 0;
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let doc: toml::Table = text.parse().unwrap();
        let header = doc["scenario"].as_table().unwrap();
        let list = |k: &str| -> Vec<String> {
            header
                .get(k)
                .and_then(|v| v.as_array())
                .map_or_else(Vec::new, |a| a.iter().map(|x| x.as_str().unwrap().to_string()).collect())
        };
        let (copies, dims) = (list("copies"), list("dimensions"));
        if copies.is_empty() {
            continue;
        }
        let d = json(&["diff", "no", path.to_str().unwrap(), "--format", "json"]);
        for dim in &dims {
            let moved = d["dimensions"]
                .as_array()
                .unwrap()
                .iter()
                .find(|x| x["dimension"] == dim.as_str())
                .unwrap_or_else(|| panic!("{}: the diff does not say {dim} moved", path.display()));
            assert!(
                !moved["gained"].as_array().unwrap().is_empty() || !moved["lost"].as_array().unwrap().is_empty(),
                "{}: no fact given for why {dim} moved",
                path.display()
            );
            for c in &copies {
                let n = moved["neighbours"].as_array().unwrap().iter().find(|n| n["country"] == c.as_str()).unwrap();
                let (before, after) = (n["before"].as_f64().unwrap(), n["after"].as_f64().unwrap());
                assert!(after < before, "{}: {dim} to {c} went {before} -> {after}", path.display());
                checked += 1;
            }
        }
        // And the overall distance to each copied country shrinks too.
        for c in &copies {
            let x = d["distances"].as_array().unwrap().iter().find(|x| x["country"] == c.as_str()).unwrap();
            assert!(x["after"].as_f64() < x["before"].as_f64(), "{}: distance to {c}", path.display());
        }
    }
    assert!(checked >= 6, "only {checked} copied dimension(s) checked");
}

/// The example: putting Norway's centre under the Ministry of Finance, as its three
/// neighbours have it, now registers.
#[test]
fn fin_centre_diff() {
    let (code, text) = render(nordgov().current_dir(root()).args([
        "diff",
        "no",
        "models/no/scenarios/fin_centre.toml",
        "--width",
        "120",
    ]));
    assert_eq!(code, 0);
    let tail = text.split("Governance dimensions that moved").nth(1).unwrap_or_default();
    snapshot!("dimensions_fin_centre_diff", tail);
}

fn weights_run(dir: &Path, text: &str, extra: &[&str]) -> (i32, String) {
    let file = dir.join("weights.toml");
    std::fs::write(&file, text).unwrap();
    render(nordgov().current_dir(root()).args(["compare", "--weights"]).arg(&file).args(extra))
}

/// A weights file with mistakes is reported like a model file (file:line:col, did you mean),
/// exits non-zero and writes nothing.
#[test]
fn bad_weights_files() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("profile.md");
    let (code, text) = weights_run(
        tmp.path(),
        "[weights]\ncentre_hots = 2\nregional_tier = -1\ncoordination = inf\n",
        &["--format", "md", "-o", out.to_str().unwrap()],
    );
    assert_eq!(code, 1);
    assert!(!out.exists(), "nothing is written on error");
    snapshot!("weights_bad", text, tmp = tmp.path());
    let zero = "[weights]\ncentre_host = 0\ncentre_form = 0\nstrategic_capacity = 0\ncoordination = 0\nlocal_steering = 0\nregional_tier = 0\ncentral_resources = 0\n";
    let (code, text) = weights_run(tmp.path(), zero, &[]);
    assert_eq!(code, 1);
    snapshot!("weights_all_zero", text, tmp = tmp.path());
    let (code, text) = weights_run(tmp.path(), "[wieghts]\ncentre_host = 1\n", &[]);
    assert_eq!(code, 1);
    snapshot!("weights_unknown_table", text, tmp = tmp.path());
}

/// Weights change the distances; the bundled file is what --print-weights prints and gives the
/// same result as no file.
#[test]
fn weights_change_distances() {
    let tmp = tempfile::tempdir().unwrap();
    let printed = nordgov().args(["compare", "--print-weights"]).output().unwrap();
    assert!(printed.status.success());
    let file = tmp.path().join("w.toml");
    std::fs::write(&file, &printed.stdout).unwrap();
    let distance = |args: &[&str]| -> f64 {
        let mut all = vec!["compare", "--format", "json"];
        all.extend(args);
        let j = json(&all);
        j["comparison"]["distances"].as_array().unwrap().iter().find(|d| d["a"] == "dk" && d["b"] == "no").unwrap()
            ["distance"]
            .as_f64()
            .unwrap()
    };
    let plain = distance(&[]);
    assert_eq!(plain, distance(&["--weights", file.to_str().unwrap()]));
    // Only where the centre sits: Denmark (Finance) and Norway (KMD) are opposite.
    let only_host = tmp.path().join("host.toml");
    std::fs::write(&only_host, "[weights]\ncentre_host = 1\ncentre_form = 0\nstrategic_capacity = 0\ncoordination = 0\nlocal_steering = 0\nregional_tier = 0\ncentral_resources = 0\n").unwrap();
    assert_eq!(distance(&["--weights", only_host.to_str().unwrap()]), 1.0);
}

/// The sensitivity analysis is seeded: the same seed gives the same output, shares are shares,
/// and without perturbation nothing changes.
#[test]
fn sensitivity_is_repeatable() {
    let run = |extra: &[&str]| {
        let mut args = vec!["compare", "--format", "json", "--sensitivity", "200"];
        args.extend(extra);
        json(&args)["comparison"]["sensitivity"].clone()
    };
    let a = run(&["--seed", "7"]);
    assert_eq!(a, run(&["--seed", "7"]));
    for c in a["countries"].as_array().unwrap() {
        for k in ["nearest_kept", "order_kept"] {
            let x = c[k].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&x), "{k} {x}");
        }
        let shares: f64 = c["nearest_shares"].as_array().unwrap().iter().map(|s| s[1].as_f64().unwrap()).sum();
        assert!((shares - 1.0).abs() < 1e-9, "nearest shares sum to {shares}");
    }
    let still = run(&["--spread", "0"]);
    for c in still["countries"].as_array().unwrap() {
        assert_eq!(c["order_kept"].as_f64(), Some(1.0));
    }
    let (code, text) = render(nordgov().current_dir(root()).args(["compare", "--spread", "2"]));
    assert_eq!(code, 2, "{text}");
}
