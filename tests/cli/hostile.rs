//! One corpus of hostile strings through every output format: each must stay text in its format
//! (no markup, no formula, no broken structure) and reach the reader intact where the format can
//! carry it. The strings sit in names, abbreviations, aliases, cell texts, resources and findings
//! of two small models, so every table, export, diagram, diff and the report meets them.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::common::{nordgov, root};
use crate::diagrams::{dot_program, graphviz_svg};
use crate::formats::xlsx_dump;

/// The corpus: quotes, backslashes, markup, spreadsheet formulas (Excel, Lotus, DDE),
/// bidirectional overrides, NUL and other controls, a very long line, emoji, and the
/// metacharacters of DOT, Markdown and CSV.
fn corpus() -> Vec<String> {
    vec![
        r#""double" and 'single' quotes"#.into(),
        r#"back\slash \" \\ \n"#.into(),
        "<script>alert(1)</script> & <b>bold</b> &amp;".into(),
        "\" onmouseover=\"alert(1)\" x=\"".into(),
        "=cmd|' /C calc'!A0".into(),
        "@SUM(1+1)".into(),
        "+1+2".into(),
        "-2+3".into(),
        "\t=tab first".into(),
        "right\u{202E}to-left override\u{202C} end".into(),
        "nul\u{0}byte, bell\u{7}, escape\u{1b}[31m".into(),
        "x".repeat(5000),
        "emoji 🇳🇴 👩‍💻 ✓".into(),
        "]; \"a\" -> \"b\" [label=\"x\"]; subgraph { } digraph".into(),
        "line1\nline2\r\nline3".into(),
        "| pipe | *star* _under_ [link](javascript:alert(1)) `code`".into(),
        "a,b;\"c\"\r\n,d".into(),
    ]
}

/// A TOML string literal for `s`.
fn lit(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The fixture base (country `code`) plus a file with an actor per hostile string.
fn write_model(dir: &Path, code: &str, corpus: &[String]) {
    fs::create_dir_all(dir).unwrap();
    let base = fs::read_to_string(root().join("tests/fixtures/invalid/E0201_unknown_actor/base.toml")).unwrap();
    fs::write(dir.join("base.toml"), base.replace("code = \"dk\"", &format!("code = \"{code}\""))).unwrap();
    let src = "source = \"nordic2017:1\"\nconfidence = \"high\"\n";
    let mut t = String::new();
    let ids: Vec<String> = (0..corpus.len()).map(|i| format!("h{i}")).collect();
    for (i, h) in corpus.iter().enumerate() {
        let abbr = if i % 2 == 0 { format!("abbr = {}\n", lit(h)) } else { String::new() };
        t += &format!(
            "[[actor]]\nid = \"h{i}\"\nname = {{ en = {h}, da = {h} }}\n{abbr}aliases = [{h}]\nkind = \"agency\"\nlevel = \"national\"\nparent = \"digst\"\n{src}\n",
            h = lit(h)
        );
        t += &format!("[[relation]]\nfrom = \"h{i}\"\ntype = \"advises\"\nto = \"regjeringen\"\n{src}\n");
        t += &format!("[[resource]]\nactor = \"h{i}\"\nfte = {}\ncovers = {}\n{src}\n", i + 1, lit(h));
        t += &format!("[[finding]]\nkind = \"summary\"\ntopic = {h}\ntext = {h}\n{src}\n", h = lit(h));
        t += &format!("[[experience]]\npolarity = \"positive\"\ntheme = \"steering\"\ntext = {}\n{src}\n", lit(h));
    }
    let quoted: Vec<String> = ids.iter().map(|i| format!("\"{i}\"")).collect();
    t += &format!(
        "[[role]]\nlevel = \"national\"\nrole = \"coordination\"\nactors = [{}]\ntext = {}\n{src}\n",
        quoted.join(", "),
        lit(&corpus[0])
    );
    t += &format!(
        "[[steering]]\nactor = \"h0\"\nroles = [\"coordination\"]\ntitle = {}\nsummary = {}\n{src}\n",
        lit(&corpus[2]),
        lit(&corpus[4])
    );
    for (i, h) in corpus.iter().enumerate().take(5) {
        t += &format!(
            "[[steering.cell]]\nrole = \"coordination\"\ninstrument = {}\ntext = {}\nsource_text = {}\ntargets = [\"h{}\"]\n{src}\n",
            i + 1,
            lit(h),
            lit(&corpus[corpus.len() - 1 - i]),
            i + 1
        );
    }
    fs::write(dir.join("hostile.toml"), t).unwrap();
}

/// Runs nordgov in `models`; returns the bytes written to `out` (stdout when `out` is none).
fn run(models: &Path, args: &[&str], out: Option<&Path>) -> Vec<u8> {
    let mut cmd = nordgov();
    cmd.arg("--models").arg(models).args(args);
    if let Some(o) = out {
        cmd.arg("-o").arg(o);
    }
    let res = cmd.output().unwrap();
    let err = String::from_utf8_lossy(&res.stderr);
    assert!(res.status.success(), "{args:?} failed:\n{err}");
    assert!(!err.contains("panicked"), "{args:?}: {err}");
    match out {
        Some(o) => fs::read(o).unwrap(),
        None => res.stdout,
    }
}

/// Text an XML or HTML reader shows for `s`: XML 1.0 cannot carry most C0 controls, so
/// exporters drop them; everything else must arrive unchanged.
fn xml_visible(s: &str) -> String {
    s.chars().filter(|c| (*c as u32) >= 0x20 || matches!(c, '\t' | '\n' | '\r')).collect()
}

fn check_terminal(what: &str, text: &str) {
    for c in text.chars() {
        let bad = (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        assert!(!bad, "{what}: raw {c:?} reaches the terminal");
    }
}

/// Checks every cell is inert (a number, the `-` placeholder, or text that cannot start a
/// formula); returns the cells, so a caller can check that a formula arrived neutralised.
fn check_csv(what: &str, bytes: &[u8]) -> Vec<String> {
    let mut rd = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut cells = Vec::new();
    for rec in rd.records() {
        for cell in rec.unwrap_or_else(|e| panic!("{what}: not CSV: {e}")).iter() {
            let first = cell.chars().next();
            let numeric = cell.parse::<f64>().is_ok();
            assert!(
                numeric || cell == "-" || cell == "+" || !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')),
                "{what}: formula-like cell {cell:?} is not neutralised"
            );
            cells.push(cell.to_string());
        }
    }
    assert!(!cells.is_empty(), "{what}: empty");
    cells
}

/// Parses JSON; returns whether a hostile string arrives intact (JSON can carry any string).
fn check_json(what: &str, bytes: &[u8], corpus: &[String]) -> bool {
    let v: serde_json::Value = serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{what}: not JSON: {e}"));
    let mut strings = Vec::new();
    let mut stack = vec![&v];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::String(s) => strings.push(s.as_str()),
            serde_json::Value::Array(a) => stack.extend(a),
            serde_json::Value::Object(o) => {
                strings.extend(o.keys().map(String::as_str));
                stack.extend(o.values());
            }
            _ => {}
        }
    }
    corpus.iter().any(|h| strings.iter().any(|s| s.contains(h.as_str())))
}

fn check_xml(what: &str, bytes: &[u8], corpus: &[String]) {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    let doc = roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{what}: not well-formed XML: {e}"));
    let mut values: Vec<&str> = Vec::new();
    for n in doc.descendants() {
        values.extend(n.text());
        values.extend(n.attributes().map(|a| a.value()));
    }
    let found = corpus.iter().filter(|h| values.iter().any(|v| v.contains(&xml_visible(h)))).count();
    assert!(found >= 3, "{what}: only {found} hostile strings arrive as text");
    assert!(doc.descendants().all(|n| n.tag_name().name() != "script"), "{what}: a script element");
}

fn check_html(what: &str, bytes: &[u8]) {
    let html = String::from_utf8_lossy(bytes);
    assert!(!html.contains("<script>alert(1)"), "{what}: raw <script> from the model");
    assert!(!html.contains("<b>bold</b>"), "{what}: raw markup from the model");
    assert!(!html.contains("\" onmouseover=\"alert(1)"), "{what}: an attribute breaks out");
    assert!(!html.contains('\u{0}'), "{what}: a NUL byte");
}

fn check_md(what: &str, bytes: &[u8]) {
    let md = String::from_utf8_lossy(bytes);
    assert!(!md.contains("<script>"), "{what}: raw <script>");
    let live_link = md.match_indices("](javascript:").any(|(i, _)| !md[..i].ends_with('\\'));
    assert!(!live_link, "{what}: a live javascript: link");
    // Every table row has as many unescaped cell separators as its table's header.
    let mut header: Option<usize> = None;
    for line in md.lines() {
        if !line.starts_with('|') {
            header = None;
            continue;
        }
        let pipes = line.match_indices('|').filter(|(i, _)| *i == 0 || line.as_bytes()[i - 1] != b'\\').count();
        match header {
            None => header = Some(pipes),
            Some(h) => assert_eq!(pipes, h, "{what}: a row breaks its table: {line}"),
        }
    }
}

fn check_dot(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    graphviz_rust::parse(&text).unwrap_or_else(|e| panic!("{what}: not DOT: {e}"));
    assert!(!text.contains('\u{0}'), "{what}: a NUL byte");
    if let Some(dot) = dot_program() {
        let out = graphviz_svg(&dot, text.as_bytes());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && !err.contains("syntax error"), "{what}: Graphviz rejects it: {err}");
    }
}

/// The explorer's data script: nothing in it can end the script or a line of JavaScript, and it
/// carries the hostile names intact, as JSON strings.
fn check_explorer_data(what: &str, bytes: &[u8], corpus: &[String]) {
    let js = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    assert!(!js.contains("</"), "{what}: `</` could end a script element");
    assert!(!js.contains('\u{2028}') && !js.contains('\u{2029}'), "{what}: a raw line separator");
    let data = crate::report::explorer_data(js);
    let names: Vec<&str> = data["countries"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["actors"].as_array().unwrap())
        .filter_map(|a| a["name"].as_str())
        .collect();
    let intact = corpus.iter().filter(|h| names.contains(&h.as_str())).count();
    assert_eq!(intact, corpus.len(), "{what}: a hostile name did not arrive intact");
}

#[test]
fn hostile_strings_stay_inert_in_every_format() {
    let corpus = corpus();
    let tmp = tempfile::tempdir().unwrap();
    let models = tmp.path().join("models");
    write_model(&models.join("dk"), "dk", &corpus);
    write_model(&models.join("se"), "se", &corpus);
    let out = tmp.path().join("out");
    fs::create_dir_all(&out).unwrap();
    let mut outputs: BTreeMap<String, (String, Vec<u8>)> = BTreeMap::new();
    let tables: Vec<(String, Vec<&str>)> = ["roles", "strategic", "operational", "resources"]
        .iter()
        .map(|k| (format!("matrix-{k}"), vec!["matrix", "dk", "--kind", k]))
        .chain(
            ["roles", "instruments", "resources", "profile"]
                .iter()
                .map(|k| (format!("compare-{k}"), vec!["compare", "dk", "se", "--kind", k])),
        )
        .chain([("metrics".to_string(), vec!["metrics", "dk"]), ("diff".to_string(), vec!["diff", "dk", "se"])])
        .collect();
    for (name, args) in &tables {
        for format in ["table", "md", "csv", "json", "xlsx", "html"] {
            let file = out.join(format!("{name}.{format}"));
            let mut a = args.clone();
            a.extend(["--format", format]);
            outputs.insert(format!("{name}.{format}"), (format.to_string(), run(&models, &a, Some(&file))));
        }
    }
    let csv_dir = out.join("archi-csv");
    run(&models, &["export", "archi-csv", "dk", "-o", csv_dir.to_str().unwrap()], None);
    for f in ["elements.csv", "relations.csv", "properties.csv"] {
        outputs.insert(format!("archi-csv/{f}"), ("csv".into(), fs::read(csv_dir.join(f)).unwrap()));
    }
    for (format, ext) in
        [("graphml", "graphml"), ("gexf", "gexf"), ("json", "json"), ("archimate", "archimate"), ("kumu", "kumu")]
    {
        let file = out.join(format!("export.{ext}"));
        outputs
            .insert(format!("export.{ext}"), (ext.to_string(), run(&models, &["export", format, "dk"], Some(&file))));
    }
    for view in ["org", "steering", "roles", "all"] {
        let dot = run(&models, &["diagram", "dk", "--view", view], None);
        outputs.insert(format!("diagram-{view}.dot"), ("dot".into(), dot));
        let svg = run(&models, &["diagram", "dk", "--view", view, "--format", "svg", "--engine", "builtin"], None);
        outputs.insert(format!("diagram-{view}.svg"), ("svg".into(), svg));
    }
    let site = out.join("site");
    run(&models, &["report", models.to_str().unwrap(), "--engine", "builtin", "-o", site.to_str().unwrap()], None);
    for e in fs::read_dir(&site).unwrap().filter_map(Result::ok) {
        if e.path().extension().is_some_and(|x| x == "html") {
            outputs.insert(
                format!("report/{}", e.file_name().to_string_lossy()),
                ("html".into(), fs::read(e.path()).unwrap()),
            );
        }
    }
    let data = fs::read(site.join("assets/explorer-data.js")).unwrap();
    outputs.insert("report/assets/explorer-data.js".into(), ("explorer-data".into(), data));
    for (what, (format, bytes)) in &outputs {
        match format.as_str() {
            "table" => check_terminal(what, &String::from_utf8_lossy(bytes)),
            "csv" => {
                let cells = check_csv(what, bytes);
                // Where names are shown, the formulas are there, each as text behind a `'`.
                if ["matrix-resources", "archi-csv/elements"].iter().any(|n| what.starts_with(n)) {
                    for formula in ["=cmd|' /C calc'!A0", "-2+3", "+1+2", "@SUM(1+1)", "\t=tab first"] {
                        assert!(cells.contains(&format!("'{formula}")), "{what}: {formula:?} is not neutralised");
                    }
                }
            }
            "json" => {
                let intact = check_json(what, bytes, &corpus);
                let shows_names = ["matrix-roles", "matrix-resources", "export"];
                assert!(intact || !shows_names.iter().any(|n| what.starts_with(n)), "{what}: no hostile string intact");
            }
            "xlsx" => {
                // xlsx_dump fails on any formula or non-text, non-number cell.
                let dump = xlsx_dump(bytes);
                let shows_names = ["matrix-roles", "matrix-resources"];
                assert!(
                    dump.contains("=cmd|' /C calc'!A0") || !shows_names.iter().any(|n| what.starts_with(n)),
                    "{what}: the formula text is lost"
                );
            }
            "html" => check_html(what, bytes),
            "md" => check_md(what, bytes),
            "graphml" | "gexf" | "svg" | "archimate" => check_xml(what, bytes, &corpus),
            "kumu" => assert!(check_json(what, bytes, &corpus), "{what}: no hostile string intact"),
            "dot" => check_dot(what, bytes),
            "explorer-data" => check_explorer_data(what, bytes, &corpus),
            other => panic!("{what}: no check for {other}"),
        }
    }
    assert!(outputs.len() >= 70, "{} outputs", outputs.len());
}
