//! Diagrams: DOT snapshots for every view of every country, real Graphviz renders them without
//! a warning, the built-in SVG is well-formed and labels every node, and no model text can
//! break out of its DOT string.

use std::path::{Path, PathBuf};
use std::process::Command;

use graphviz_rust::dot_structures::{Attribute, EdgeTy, Graph, GraphAttributes, Id, Stmt, Vertex};

use crate::common::{find_tool, nordgov, root};
use crate::snapshot;

const COUNTRIES: [&str; 4] = ["dk", "fi", "no", "se"];
const VIEWS: [&str; 4] = ["org", "steering", "roles", "all"];

fn diagram(model: &Path, args: &[&str]) -> (bool, Vec<u8>, String) {
    let out = nordgov().arg("diagram").arg(model).args(args).output().unwrap();
    (out.status.success(), out.stdout, String::from_utf8_lossy(&out.stderr).into_owned())
}

pub fn dot_program() -> Option<PathBuf> {
    find_tool("NORDGOV_DOT", &[PathBuf::from("dot")])
}

#[test]
fn dot_of_every_view_of_every_country() {
    for c in COUNTRIES {
        for v in VIEWS {
            let (ok, dot, err) = diagram(&root().join("models").join(c), &["--view", v]);
            assert!(ok, "{err}");
            let text = String::from_utf8(dot).unwrap();
            let (_, again, _) = diagram(&root().join("models").join(c), &["--view", v]);
            assert_eq!(text.as_bytes(), &again[..], "{c} {v}: DOT differs between runs");
            snapshot!(format!("diagram_{c}_{v}"), text);
        }
    }
}

/// Runs Graphviz (`dot`, found by [`dot_program`]) on DOT text, to SVG.
pub fn graphviz_svg(dot: &Path, text: &[u8]) -> std::process::Output {
    let mut child = Command::new(dot)
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), text).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn graphviz_renders_every_view_without_warnings() {
    let Some(dot) = dot_program() else { return };
    for c in COUNTRIES {
        for v in VIEWS {
            let (ok, text, err) = diagram(&root().join("models").join(c), &["--view", v]);
            assert!(ok, "{err}");
            let out = graphviz_svg(&dot, &text);
            assert!(out.status.success(), "{c} {v}");
            assert!(out.stderr.is_empty(), "{c} {v}: Graphviz warns:\n{}", String::from_utf8_lossy(&out.stderr));
            roxmltree::Document::parse_with_options(std::str::from_utf8(&out.stdout).unwrap(), xml_options()).unwrap();
        }
    }
    // Through nordgov itself, every format.
    let tmp = tempfile::tempdir().unwrap();
    let draw = |format: &str, extra: &[&str]| {
        let file = tmp.path().join(format!("d{}.{format}", extra.join("")));
        let out = nordgov()
            .args(["diagram", "dk", "--view", "all", "--engine", "graphviz", "--format", format, "-o"])
            .arg(&file)
            .args(extra)
            .current_dir(root())
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        std::fs::read(&file).unwrap()
    };
    let svg = draw("svg", &[]);
    assert!(svg.len() > 1000);
    assert!(draw("pdf", &[]).starts_with(b"%PDF-"), "not a PDF");
    // A PNG's pixel width follows --dpi: the drawing's width in points times dpi / 72.
    let png_width = |bytes: &[u8]| {
        assert!(bytes.starts_with(b"\x89PNG"), "not a PNG");
        u32::from_be_bytes(bytes[16..20].try_into().unwrap())
    };
    let points: f64 = {
        let text = String::from_utf8(svg).unwrap();
        let doc = roxmltree::Document::parse_with_options(&text, xml_options()).unwrap();
        let vb = doc.root_element().attribute("viewBox").unwrap().to_string();
        vb.split_whitespace().nth(2).unwrap().parse().unwrap()
    };
    for dpi in [96_u32, 192] {
        let width = png_width(&draw("png", &["--dpi", &dpi.to_string()]));
        let expected = points * f64::from(dpi) / 72.0;
        assert!((f64::from(width) - expected).abs() <= 2.0, "{dpi} dpi: {width} px, expected {expected:.0}");
    }
}

/// The English name (else the label) of every actor of a model on its reference date, from the
/// library.
fn names(model: &Path) -> Vec<String> {
    let c = crate::common::load_model(model);
    let c = c.as_compared(None);
    c.actors
        .values()
        .map(|a| {
            a.name
                .best(nordgov::model::Lang::En, c.natives())
                .map_or_else(|| a.label(nordgov::model::Lang::En, c.natives()), |(_, n)| n.to_string())
        })
        .collect()
}

/// Every actor of the org view is drawn, in full or folded: its name is a node's text (its
/// wrapped lines joined) or is listed in the tooltip of the node it is folded into.
#[test]
fn builtin_svg_is_well_formed_and_draws_or_lists_every_actor() {
    for c in COUNTRIES {
        let model = root().join("models").join(c);
        let (ok, svg, err) = diagram(&model, &["--view", "org", "--format", "svg", "--engine", "builtin"]);
        assert!(ok, "{err}");
        let text = String::from_utf8(svg).unwrap();
        let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
        let mut drawn = Vec::new();
        let mut listed = String::new();
        for g in doc.descendants().filter(|n| n.has_tag_name("g")) {
            let lines: Vec<&str> = g.children().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).collect();
            drawn.push(lines.join(" "));
            if let Some(title) = g.children().find(|n| n.has_tag_name("title")).and_then(|t| t.text()) {
                listed.push_str(title);
                listed.push('\n');
            }
        }
        for name in names(&model) {
            assert!(
                drawn.iter().any(|d| d == &name) || listed.contains(&name),
                "{c}: `{name}` is neither drawn nor listed in a fold"
            );
        }
    }
}

#[test]
fn focus_depth_and_instrument_filters() {
    let (ok, dot, err) = diagram(&root().join("models/dk"), &["--view", "all", "--focus", "digst", "--depth", "1"]);
    assert!(ok, "{err}");
    let text = String::from_utf8(dot).unwrap();
    assert!(text.contains("\"digst\"[") && text.contains("\"fm_dk\"["), "{text}");
    assert!(!text.contains("\"kobenhavns_kommune\"["), "a distant actor is drawn:\n{text}");
    // Instruments 3-5 draw dashed and dotted lines (and have legend entries); 1-2 solid ones.
    let (_, all, _) = diagram(&root().join("models/dk"), &["--view", "steering"]);
    let all = String::from_utf8(all).unwrap();
    assert!(all.contains("style=\"dashed\"") && all.contains("style=\"dotted\""), "{all}");
    let (_, strong, _) = diagram(&root().join("models/dk"), &["--view", "steering", "--instrument-max", "2"]);
    let strong = String::from_utf8(strong).unwrap();
    assert!(!strong.contains("style=\"dashed\"") && !strong.contains("style=\"dotted\""), "{strong}");
    let (ok, _, err) = diagram(&root().join("models/dk"), &["--focus", "dgst"]);
    assert!(!ok && err.contains("did you mean `digst`?"), "{err}");
}

/// What a pointer or a screen reader gets from a diagram, its titles, says names, never ids:
/// Graphviz titles nodes and edges with their DOT names, which nordgov replaces with words.
#[test]
fn diagram_titles_use_names_not_ids() {
    let Some(_) = dot_program() else { return };
    for c in ["dk", "no"] {
        let model = root().join("models").join(c);
        let ids: Vec<String> = crate::common::load_model(&model).actors.keys().map(|k| k.to_string()).collect();
        for engine in ["graphviz", "builtin"] {
            let (ok, svg, err) = diagram(&model, &["--view", "all", "--format", "svg", "--engine", engine]);
            assert!(ok, "{err}");
            let svg = String::from_utf8(svg).unwrap();
            let doc = roxmltree::Document::parse_with_options(&svg, xml_options()).unwrap();
            let titles: Vec<&str> =
                doc.descendants().filter(|n| n.has_tag_name("title")).filter_map(|n| n.text()).collect();
            assert!(titles.len() > 20, "{c} {engine}: {} titles", titles.len());
            for t in titles {
                let words: Vec<&str> = t.split(|ch: char| !(ch.is_alphanumeric() || ch == '_')).collect();
                let id = ids.iter().find(|id| words.contains(&id.as_str()));
                assert!(id.is_none(), "{c} {engine}: title `{t}` shows the id `{}`", id.unwrap());
            }
        }
    }
}

/// A DOT id's value: a quoted string without its quotes, `\"` and `\\` unescaped and `\n` a
/// line break. Any other escape fails the test: Graphviz would put something else in its place.
fn dot_value(id: &Id) -> String {
    let raw = match id {
        Id::Escaped(s) => s.strip_prefix('"').and_then(|s| s.strip_suffix('"')).expect("a quoted string"),
        Id::Plain(s) | Id::Html(s) | Id::Anonymous(s) => return s.clone(),
    };
    let mut out = String::new();
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('"') => out.push('"'),
            Some('\\') => out.push('\\'),
            Some('n') => out.push('\n'),
            other => panic!("unexpected DOT escape {other:?} in {raw}"),
        }
    }
    out
}

/// The statements of a DOT digraph, parsed by graphviz-rust (no Graphviz needed).
fn dot_statements(dot: &str) -> Vec<Stmt> {
    match graphviz_rust::parse(dot).unwrap_or_else(|e| panic!("not DOT: {e}\n{dot}")) {
        Graph::DiGraph { stmts, .. } | Graph::Graph { stmts, .. } => stmts,
    }
}

/// Each statement as its kind, its node ids and its attribute names, values left out: two
/// diagrams of the same actors have the same shape whatever their names say.
fn dot_shape(stmts: &[Stmt]) -> Vec<String> {
    let keys = |a: &[Attribute]| a.iter().map(|Attribute(k, _)| dot_value(k)).collect::<Vec<_>>().join(",");
    let vertex = |v: &Vertex| match v {
        Vertex::N(n) => dot_value(&n.0),
        Vertex::S(s) => format!("subgraph {}", dot_shape(&s.stmts).join("; ")),
    };
    stmts
        .iter()
        .map(|s| match s {
            Stmt::Node(n) => format!("node {} [{}]", dot_value(&n.id.0), keys(&n.attributes)),
            Stmt::Edge(e) => {
                let ends: Vec<String> = match &e.ty {
                    EdgeTy::Pair(a, b) => vec![vertex(a), vertex(b)],
                    EdgeTy::Chain(v) => v.iter().map(vertex).collect(),
                };
                format!("edge {} [{}]", ends.join(" -> "), keys(&e.attributes))
            }
            Stmt::GAttribute(GraphAttributes::Graph(a)) => format!("graph [{}]", keys(a)),
            Stmt::GAttribute(GraphAttributes::Node(a)) => format!("node defaults [{}]", keys(a)),
            Stmt::GAttribute(GraphAttributes::Edge(a)) => format!("edge defaults [{}]", keys(a)),
            Stmt::Attribute(a) => format!("attribute [{}]", keys(std::slice::from_ref(a))),
            Stmt::Subgraph(g) => format!("subgraph {}", dot_shape(&g.stmts).join("; ")),
        })
        .collect()
}

/// Quotes, backslashes, angle brackets, braces and newlines in model text stay inside their DOT
/// string: the DOT parses (graphviz-rust), the text is exactly one node's label, nothing was
/// added next to it, and Graphviz, where installed, shows the text.
#[test]
fn hostile_labels_cannot_break_dot() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("xx");
    std::fs::create_dir(&dir).unwrap();
    std::fs::copy(root().join("tests/fixtures/invalid/W0401_orphan_actor/base.toml"), dir.join("base.toml")).unwrap();
    let draw = |name: &str| {
        std::fs::write(
            dir.join("hostile.toml"),
            format!("[[actor]]\nid = \"evil\"\nname = {{ en = \"{name}\", da = \"x\" }}\nkind = \"agency\"\nlevel = \"national\"\nparent = \"regjeringen\"\nsource = \"nordic2017:1\"\nconfidence = \"high\"\n"),
        )
        .unwrap();
        let (ok, dot, err) = diagram(&dir, &["--view", "org"]);
        assert!(ok, "{err}");
        String::from_utf8(dot).unwrap()
    };
    let plain = dot_statements(&draw("Plain Agency"));
    let hostile = r#"a \" ] ; evil -> x [color=red] { } <b>bold</b> \\ end\nline"#;
    let text = draw(hostile);
    assert!(text.contains("\"regjeringen\" -> \"evil\""), "the parent link is drawn:\n{text}");
    // The name as the model holds it (the TOML string decoded); labels wrap at spaces, so line
    // breaks are compared as spaces.
    let name: toml::Value = toml::from_str(&format!("v = \"{hostile}\"")).unwrap();
    let flat = |s: &str| s.replace('\n', " ");
    let want = flat(name["v"].as_str().unwrap());
    let stmts = dot_statements(&text);
    let labelled: Vec<String> = stmts
        .iter()
        .filter_map(|s| match s {
            Stmt::Node(n) => n
                .attributes
                .iter()
                .any(|Attribute(k, v)| dot_value(k) == "label" && flat(&dot_value(v)) == want)
                .then(|| dot_value(&n.id.0)),
            _ => None,
        })
        .collect();
    assert_eq!(labelled, ["evil"], "the hostile text is not exactly one node's label:\n{text}");
    assert_eq!(dot_shape(&stmts), dot_shape(&plain), "the hostile name added or removed statements or attributes");
    let Some(dot_bin) = dot_program() else { return };
    let out = Command::new(dot_bin)
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            std::io::Write::write_all(&mut child.stdin.take().unwrap(), text.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let svg = String::from_utf8(out.stdout).unwrap();
    let doc = roxmltree::Document::parse_with_options(&svg, xml_options()).unwrap();
    // The label wraps at spaces: its lines joined give it back.
    let texts: String =
        doc.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).collect::<Vec<_>>().join(" ");
    assert!(texts.contains("evil -> x [color=red] { } <b>bold</b>"), "{texts}");
    assert!(!svg.contains("stroke=\"red\""), "the injected attribute took effect");
}

/// Graphviz's SVG starts with a DOCTYPE, which roxmltree refuses unless allowed.
fn xml_options<'a>() -> roxmltree::ParsingOptions<'a> {
    roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() }
}

/// Without Graphviz on the PATH, `--format svg` falls back to the built-in renderer and says so
/// once on stderr; PNG, which needs Graphviz, is refused with a hint.
#[test]
fn falls_back_to_builtin_without_graphviz() {
    let empty = tempfile::tempdir().unwrap();
    let out = nordgov()
        .current_dir(root())
        .env("PATH", empty.path())
        .args(["diagram", "fi", "--format", "svg"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.matches("install graphviz").count(), 1, "{err}");
    let svg = String::from_utf8(out.stdout).unwrap();
    assert!(svg.contains("built-in renderer"), "{svg}");
    roxmltree::Document::parse(&svg).unwrap();
    let out = nordgov()
        .current_dir(root())
        .env("PATH", empty.path())
        .args(["diagram", "fi", "--format", "png", "-o"])
        .arg(empty.path().join("x.png"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("png and pdf need Graphviz"));
}
