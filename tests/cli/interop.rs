//! Exports for other tools: ArchiMate exchange XML (parsed with a real XML parser, namespace and
//! references checked, every relationship against the ArchiMate 3.1 rules it uses), Archi's CSV
//! triple (read with a CSV reader) and Kumu's JSON blueprint; snapshots of each for Finland.

use std::collections::{BTreeMap, BTreeSet};

use crate::common::{load_model, nordgov, root};
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
        // Every name of every actor on the model's reference date (what `export` shows), in its
        // language.
        let model = crate::common::load_model(&root().join("models").join(c)).as_compared(None);
        let model_names: usize = model.actors.values().map(|a| a.name.iter().count()).sum();
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

/// Asserts that two exports hold the same cells (XLSX, read with calamine) or bytes (CSV).
fn same_sheet(format: &str, a: &std::path::Path, b: &std::path::Path, what: &str) {
    let (a, b) = (std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
    if format == "xlsx" {
        assert_eq!(crate::formats::xlsx_dump(&a), crate::formats::xlsx_dump(&b), "{what}: export -> import -> export");
    } else {
        assert_eq!(a, b, "{what}: export -> import -> export");
    }
}

fn ok(args: &[&std::ffi::OsStr]) {
    let out = nordgov().current_dir(root()).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn actor_lists_round_trip_through_spreadsheets() {
    use std::ffi::OsStr;
    for c in COUNTRIES {
        let tmp = tempfile::tempdir().unwrap();
        let base = tmp.path().join("printed");
        nordgov::files::workspace::write_model_dir(&base, &load_model(&root().join("models").join(c))).unwrap();
        for format in ["xlsx", "csv"] {
            let sheet = tmp.path().join(format!("actors.{format}"));
            let kind = ["--kind", "actors", "--format", format, "-o"].map(OsStr::new);
            ok(&[&[OsStr::new("matrix"), base.as_os_str()][..], &kind[..], &[sheet.as_os_str()][..]].concat());
            let imported = tmp.path().join(format!("imported-{format}"));
            ok(&[
                OsStr::new("import"),
                OsStr::new(format),
                sheet.as_os_str(),
                OsStr::new("--country"),
                OsStr::new(c),
                OsStr::new("-o"),
                imported.as_os_str(),
            ]);
            let combined = tmp.path().join(format!("combined-{format}"));
            crate::common::copy_dir(&base, &combined);
            std::fs::copy(imported.join("actors.toml"), combined.join("actors.toml")).unwrap();
            assert!(load_model(&combined) == load_model(&base), "{c} {format}: the imported actors differ");
            let again = tmp.path().join(format!("again.{format}"));
            ok(&[&[OsStr::new("matrix"), combined.as_os_str()][..], &kind[..], &[again.as_os_str()][..]].concat());
            same_sheet(format, &sheet, &again, c);
        }
    }
}

#[test]
fn import_reports_each_row_it_cannot_read() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("actors.csv");
    let header = nordgov::files::actor_list::COLUMNS.join(",");
    let blank = ",".repeat(nordgov::files::actor_list::COLUMNS.len() - 4);
    std::fs::write(
        &file,
        format!(
            "Actors: xx\n{header}\ngood,agency,state,{blank}\nbad_kind,agncy,state,{blank}\nBad Id,agency,stat,{blank}\n"
        ),
    )
    .unwrap();
    let (exit, out) = crate::common::render(
        nordgov().args(["import", "csv"]).arg(&file).args(["--country", "xx", "-o"]).arg(tmp.path().join("out")),
    );
    assert_eq!(exit, 1, "{out}");
    snapshot!("import_row_diagnostics", out, tmp = tmp.path());
    let written = std::fs::read_to_string(tmp.path().join("out/actors.toml")).unwrap();
    assert_eq!(written.matches("[[actor]]").count(), 1, "{written}");
}

#[test]
fn role_matrices_round_trip_through_spreadsheets() {
    use std::ffi::OsStr;
    for (c, format, lang) in [("dk", "xlsx", "en"), ("fi", "csv", "en"), ("no", "xlsx", "nb"), ("se", "csv", "sv")] {
        let tmp = tempfile::tempdir().unwrap();
        let model = root().join("models").join(c);
        let sheet = tmp.path().join(format!("roles.{format}"));
        let export = |from: &std::path::Path, to: &std::path::Path| {
            ok(&[
                "matrix".as_ref(),
                from.as_os_str(),
                "--kind".as_ref(),
                "roles".as_ref(),
                "--format".as_ref(),
                OsStr::new(format),
                "--lang".as_ref(),
                OsStr::new(lang),
                "-o".as_ref(),
                to.as_os_str(),
            ]);
        };
        export(&model, &sheet);
        let imported = tmp.path().join("imported");
        ok(&[
            "import".as_ref(),
            OsStr::new(format),
            sheet.as_os_str(),
            "--country".as_ref(),
            model.as_os_str(),
            "-o".as_ref(),
            imported.as_os_str(),
        ]);
        let combined = tmp.path().join("combined");
        crate::common::copy_dir(&model, &combined);
        std::fs::copy(imported.join("roles.toml"), combined.join("roles.toml")).unwrap();
        let again = tmp.path().join(format!("again.{format}"));
        export(&combined, &again);
        same_sheet(format, &sheet, &again, &format!("{c} ({lang})"));
    }
}

#[test]
fn a_role_matrix_label_no_actor_has_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("roles.csv");
    std::fs::write(
        &file,
        "level,strategy,initiation,coordination,execution,operation\nnational,\"DIGTS, KL\",DIGST,,,\nstate,Government of Denmark ~,,,,\n",
    )
    .unwrap();
    let (exit, out) = crate::common::render(
        nordgov()
            .current_dir(root())
            .args(["import", "csv"])
            .arg(&file)
            .args(["--country", "dk", "-o"])
            .arg(tmp.path().join("out")),
    );
    assert_eq!(exit, 1, "{out}");
    snapshot!("import_role_matrix_unknown_label", out, tmp = tmp.path());
    let written = std::fs::read_to_string(tmp.path().join("out/roles.toml")).unwrap();
    assert_eq!(written.matches("[[role]]").count(), 2, "{written}");
    assert!(written.contains("reconstructed = true"), "{written}");
}
