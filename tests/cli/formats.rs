//! Every table kind in every format, as snapshots; XLSX read back with a real reader (calamine);
//! hostile text inert in every format; byte-identical output across runs.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};

use crate::common::{nordgov, render, root};
use crate::snapshot;

const FORMATS: [&str; 5] = ["table", "md", "csv", "json", "html"];

fn run(args: &[&str]) -> String {
    let (exit, out) = render(nordgov().current_dir(root()).args(args).args(["--width", "120"]));
    assert_eq!(exit, 0, "{args:?}\n{out}");
    out
}

/// Every cell of a workbook as `sheet!R<row>C<col>: text` (numbers as `#n`), read by calamine;
/// asserts that every cell is a string or a number and that the workbook holds no formula.
pub fn xlsx_dump(bytes: &[u8]) -> String {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).expect("a valid xlsx");
    let mut out = String::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).unwrap();
        for (r, c, v) in range.used_cells() {
            let text = match v {
                Data::String(s) => s.clone(),
                Data::Float(f) => format!("#{f}"),
                other => panic!("{name} R{r}C{c} is neither a string nor a number: {other:?}"),
            };
            out.push_str(&format!("{name}!R{}C{}: {text}\n", r + 1, c + 1));
        }
        let formulas = wb.worksheet_formula(&name).unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "{name} holds a formula");
    }
    out
}

fn xlsx(args: &[&str], dir: &Path) -> Vec<u8> {
    let file = dir.join("out.xlsx");
    let out = nordgov().current_dir(root()).args(args).args(["--format", "xlsx", "-o"]).arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::read(file).unwrap()
}

#[test]
fn matrix_kinds_in_every_format() {
    let tmp = tempfile::tempdir().unwrap();
    for kind in ["roles", "strategic", "operational", "resources"] {
        for format in FORMATS {
            snapshot!(
                format!("format_matrix_{kind}_{format}"),
                run(&["matrix", "dk", "--kind", kind, "--format", format])
            );
        }
        snapshot!(
            format!("format_matrix_{kind}_xlsx"),
            xlsx_dump(&xlsx(&["matrix", "dk", "--kind", kind], tmp.path()))
        );
    }
}

#[test]
fn compare_kinds_in_every_format() {
    let tmp = tempfile::tempdir().unwrap();
    for kind in ["roles", "instruments", "resources", "profile"] {
        for format in FORMATS {
            snapshot!(format!("format_compare_{kind}_{format}"), run(&["compare", "--kind", kind, "--format", format]));
        }
        snapshot!(format!("format_compare_{kind}_xlsx"), xlsx_dump(&xlsx(&["compare", "--kind", kind], tmp.path())));
    }
}

#[test]
fn one_sheet_per_country_plus_comparison() {
    let tmp = tempfile::tempdir().unwrap();
    let bytes = xlsx(&["matrix", "--kind", "roles"], tmp.path());
    let wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    assert_eq!(wb.sheet_names(), vec!["dk", "fi", "is", "no", "se"]);
    let bytes = xlsx(&["compare", "--kind", "profile"], tmp.path());
    let wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    assert_eq!(wb.sheet_names(), vec!["comparison"]);
}

#[test]
fn output_is_byte_identical_across_runs() {
    let tmp = tempfile::tempdir().unwrap();
    for format in FORMATS {
        let a = run(&["matrix", "--kind", "operational", "--detail", "--format", format]);
        let b = run(&["matrix", "--kind", "operational", "--detail", "--format", format]);
        assert_eq!(a, b, "{format}");
    }
    let a = xlsx(&["compare", "--kind", "roles"], tmp.path());
    let b = xlsx(&["compare", "--kind", "roles"], tmp.path());
    assert_eq!(a, b, "xlsx");
}

/// A model whose files are created in the reverse order (so the directory lists them
/// differently) gives the same bytes.
#[test]
fn output_does_not_depend_on_directory_order() {
    let tmp = tempfile::tempdir().unwrap();
    let src = root().join("models/no");
    let mut names: Vec<_> = std::fs::read_dir(&src)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| p.file_name().unwrap().to_owned())
        .collect();
    names.sort();
    names.reverse();
    let copy = tmp.path().join("no");
    std::fs::create_dir(&copy).unwrap();
    for n in &names {
        std::fs::copy(src.join(n), copy.join(n)).unwrap();
    }
    for format in FORMATS {
        let a = run(&["matrix", "no", "--kind", "roles", "--format", format]);
        let (_, b) = render(
            nordgov()
                .current_dir(root())
                .args(["matrix"])
                .arg(&copy)
                .args(["--kind", "roles", "--format", format, "--width", "120"]),
        );
        assert_eq!(a, b, "{format}");
    }
}

/// Model text that tries to be a formula, a script or markup comes out as inert text in every
/// format.
#[test]
fn hostile_names_are_inert() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("xx");
    std::fs::create_dir(&dir).unwrap();
    std::fs::copy(root().join("tests/fixtures/invalid/W0401_orphan_actor/base.toml"), dir.join("base.toml")).unwrap();
    let hostile =
        r#"=HYPERLINK(\"http://evil.example\",\"click\") <script>alert(1)</script> | *bold* \"quoted\"\nsecond line"#;
    std::fs::write(
        dir.join("hostile.toml"),
        format!(
            "[[actor]]\nid = \"evil\"\nname = {{ en = \"{hostile}\", da = \"x\" }}\nkind = \"agency\"\nlevel = \"national\"\nsource = \"nordic2017:1\"\nconfidence = \"high\"\n\n[[role]]\nlevel = \"national\"\nrole = \"strategy\"\nactors = [\"evil\"]\nsource = \"nordic2017:1\"\nconfidence = \"high\"\n\n[[resource]]\nactor = \"evil\"\nfte = 1\nsource = \"nordic2017:1\"\nconfidence = \"high\"\n"
        ),
    )
    .unwrap();
    // In the resources table the actor's name is a cell of its own, so it starts with `=`.
    let out = |format: &str| {
        let o = nordgov().arg("matrix").arg(&dir).args(["--kind", "resources", "--format", format]).output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stdout).unwrap()
    };
    let csv = out("csv");
    assert!(csv.lines().all(|l| !l.starts_with('=') && !l.contains(",=")), "{csv}");
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    let html = out("html");
    assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"), "{html}");
    let md = out("md");
    assert!(!md.contains("<script>") && md.contains("&lt;script&gt;") && md.contains("\\|"), "{md}");
    let json: serde_json::Value = serde_json::from_str(&out("json")).unwrap();
    let label = json["tables"][0]["rows"][0]["actor"]["label"].as_str().unwrap();
    assert!(label.starts_with("=HYPERLINK(\"http://evil.example\"") && label.contains('\n'), "{label}");
    let file = tmp.path().join("x.xlsx");
    let o = nordgov()
        .arg("matrix")
        .arg(&dir)
        .args(["--kind", "resources", "--format", "xlsx", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(o.status.success());
    let dump = xlsx_dump(&std::fs::read(&file).unwrap());
    assert!(dump.contains("=HYPERLINK(\"http://evil.example\""), "{dump}");
}

/// `--lang` switches every label: levels, roles, instruments, headers.
#[test]
fn labels_follow_the_language() {
    let nb = run(&["matrix", "no", "--kind", "operational", "--actor", "ks", "--lang", "nb"]);
    for word in ["igangsetting", "koordinering", "økonomisk", "inspirasjon", "veiledning", "rolle"] {
        assert!(nb.contains(word), "{word}\n{nb}");
    }
    let sv = run(&["matrix", "se", "--kind", "roles", "--lang", "sv"]);
    // (The level column may wrap "nationell nivå" at its space.)
    for word in ["utveckling", "samordning", "nationell", "lokal", "nivå"] {
        assert!(sv.contains(word), "{word}\n{sv}");
    }
    snapshot!("format_matrix_roles_table_nb", run(&["matrix", "no", "--kind", "roles", "--lang", "nb"]));
    snapshot!("format_compare_resources_table_fi", run(&["compare", "--kind", "resources", "--lang", "fi"]));
}

/// The committed comparison examples are what the commands print today.
#[test]
fn committed_comparison_examples_are_current() {
    let dir = root().join("examples/comparison");
    for (kind, format, file) in [
        ("roles", "md", "roles.md"),
        ("instruments", "md", "instruments.md"),
        ("resources", "md", "resources.md"),
        ("profile", "md", "profile.md"),
        ("profile", "json", "profile.json"),
        ("findings", "md", "findings.md"),
    ] {
        let out = nordgov().current_dir(root()).args(["compare", "--kind", kind, "--format", format]).output().unwrap();
        let committed = std::fs::read_to_string(dir.join(file)).unwrap();
        assert!(
            committed == String::from_utf8(out.stdout).unwrap(),
            "examples/comparison/{file} is stale: regenerate it with the commands in examples/comparison/README.md"
        );
    }
}

/// Metrics and graph exports, as snapshots (Finland, the smallest model).
#[test]
fn metrics_and_exports() {
    for format in ["table", "csv", "json"] {
        snapshot!(format!("metrics_fi_{format}"), run(&["metrics", "fi", "--format", format]));
    }
    for format in ["graphml", "gexf", "json"] {
        let (exit, out) = render(nordgov().current_dir(root()).args(["export", format, "fi"]));
        assert_eq!(exit, 0, "{out}");
        snapshot!(format!("export_fi_{format}"), out);
    }
}
