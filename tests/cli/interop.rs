//! Exports for other tools: ArchiMate exchange XML (parsed with a real XML parser, namespace and
//! references checked, every relationship against the ArchiMate 3.1 rules it uses), Archi's CSV
//! triple (read with a CSV reader) and Kumu's JSON blueprint; snapshots of each for Finland.

use std::collections::{BTreeMap, BTreeSet};

use crate::common::{nordgov, root};
use crate::snapshot;

const COUNTRIES: [&str; 4] = ["dk", "fi", "no", "se"];
const NS: &str = "http://www.opengroup.org/xsd/archimate/3.0/";
const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// The (source type, relationship, target type) triples ArchiMate 3.1 allows among those the
/// export uses: aggregation and composition between two elements of the same type and
/// association between any two (§5.1, §5.4), assignment from a business actor to a business
/// role and serving between business actors (Appendix B, business layer).
fn allowed() -> BTreeSet<(&'static str, &'static str, &'static str)> {
    [
        ("BusinessActor", "Aggregation", "BusinessActor"),
        ("BusinessActor", "Composition", "BusinessActor"),
        ("BusinessActor", "Association", "BusinessActor"),
        ("BusinessActor", "Serving", "BusinessActor"),
        ("BusinessActor", "Assignment", "BusinessRole"),
    ]
    .into_iter()
    .collect()
}

fn export(args: &[&str]) -> String {
    let out = nordgov().current_dir(root()).arg("export").args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn archimate_exchange_files_are_valid() {
    let rules = allowed();
    for c in COUNTRIES {
        let xml = export(&["archimate", c]);
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let root_el = doc.root_element();
        assert_eq!(root_el.tag_name().name(), "model");
        assert_eq!(root_el.tag_name().namespace(), Some(NS), "{c}: namespace");
        let mut types: BTreeMap<&str, &str> = BTreeMap::new();
        let mut names = 0;
        for e in root_el.descendants().filter(|n| n.has_tag_name((NS, "element"))) {
            let id = e.attribute("identifier").unwrap();
            let ty = e.attribute((XSI, "type")).unwrap();
            assert!(types.insert(id, ty).is_none(), "{c}: duplicate identifier {id}");
            let langs: Vec<&str> = e
                .children()
                .filter(|n| n.has_tag_name((NS, "name")))
                .map(|n| n.attribute(("http://www.w3.org/XML/1998/namespace", "lang")).unwrap())
                .collect();
            assert!(!langs.is_empty(), "{c}: {id} has no name");
            names += langs.len();
        }
        let defined: BTreeSet<&str> = root_el
            .descendants()
            .filter(|n| n.has_tag_name((NS, "propertyDefinition")))
            .map(|n| n.attribute("identifier").unwrap())
            .collect();
        for p in root_el.descendants().filter(|n| n.has_tag_name((NS, "property"))) {
            assert!(defined.contains(p.attribute("propertyDefinitionRef").unwrap()), "{c}: undefined property");
        }
        let mut used = BTreeSet::new();
        for r in root_el.descendants().filter(|n| n.has_tag_name((NS, "relationship"))) {
            let (s, t) = (r.attribute("source").unwrap(), r.attribute("target").unwrap());
            let ty = r.attribute((XSI, "type")).unwrap();
            let (Some(st), Some(tt)) = (types.get(s), types.get(t)) else {
                panic!("{c}: dangling relationship {s} -> {t}")
            };
            assert!(rules.contains(&(*st, ty, *tt)), "{c}: {st} -{ty}-> {tt} is not an allowed ArchiMate relationship");
            used.insert(ty);
        }
        assert_eq!(used.len(), 5, "{c}: relationship types used: {used:?}");
        // Every name of every actor, in its language.
        let model_names: usize = std::fs::read_dir(root().join("models").join(c))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .map(|p| std::fs::read_to_string(p).unwrap())
            .flat_map(|t| t.lines().map(str::to_string).collect::<Vec<_>>())
            .filter(|l| l.starts_with("name = {"))
            .map(|l| l.matches(" = \"").count())
            .sum();
        assert!(names >= model_names, "{c}: {names} names written, the model has {model_names}");
    }
}

#[test]
fn archi_csv_references_resolve() {
    for c in COUNTRIES {
        let tmp = tempfile::tempdir().unwrap();
        let out =
            nordgov().current_dir(root()).args(["export", "archi-csv", c, "-o"]).arg(tmp.path()).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let read = |f: &str| -> Vec<Vec<String>> {
            let mut r = csv::Reader::from_path(tmp.path().join(f)).unwrap();
            r.records().map(|x| x.unwrap().iter().map(String::from).collect()).collect()
        };
        let elements = read("elements.csv");
        let ids: BTreeSet<&str> = elements.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(elements[0][1], "ArchimateModel");
        for r in read("relations.csv") {
            assert!(r[1].ends_with("Relationship"), "{r:?}");
            assert!(ids.contains(r[4].as_str()) && ids.contains(r[5].as_str()), "{c}: dangling {r:?}");
        }
        let rel_ids: BTreeSet<String> = read("relations.csv").into_iter().map(|r| r[0].clone()).collect();
        for p in read("properties.csv") {
            assert!(ids.contains(p[0].as_str()) || rel_ids.contains(&p[0]), "{c}: property of nothing {p:?}");
        }
    }
}

#[test]
fn kumu_connections_name_elements() {
    for c in COUNTRIES {
        let v: serde_json::Value = serde_json::from_str(&export(&["kumu", c])).unwrap();
        let labels: Vec<&str> =
            v["elements"].as_array().unwrap().iter().map(|e| e["label"].as_str().unwrap()).collect();
        let unique: BTreeSet<&str> = labels.iter().copied().collect();
        assert_eq!(unique.len(), labels.len(), "{c}: labels are not unique");
        for k in v["connections"].as_array().unwrap() {
            for end in ["from", "to"] {
                assert!(unique.contains(k[end].as_str().unwrap()), "{c}: connection {end} {k}");
            }
        }
    }
}

#[test]
fn export_snapshots() {
    snapshot!("export_archimate_fi", export(&["archimate", "fi"]));
    snapshot!("export_kumu_fi", export(&["kumu", "fi"]));
    let tmp = tempfile::tempdir().unwrap();
    let out = nordgov().current_dir(root()).args(["export", "archi-csv", "fi", "-o"]).arg(tmp.path()).output().unwrap();
    assert!(out.status.success());
    let all: String = ["elements.csv", "relations.csv", "properties.csv"]
        .iter()
        .map(|f| format!("--- {f}\n{}", std::fs::read_to_string(tmp.path().join(f)).unwrap()))
        .collect();
    snapshot!("export_archi_csv_fi", all);
}
