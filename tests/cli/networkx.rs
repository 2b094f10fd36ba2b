//! The metrics agree with networkx to 1e-9 on every bundled country and a synthetic model, for
//! every edge set: `tests/networkx_check.py` recomputes them from the exported GraphML.

use std::path::Path;
use std::process::Command;

use crate::common::{nordgov, root, tools_required};

/// Whether python3 with networkx (and numpy/scipy, which its PageRank needs) is available;
/// otherwise the test is skipped with a visible message (a failure under NORDGOV_REQUIRE_TOOLS=1).
fn networkx_available() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import networkx, numpy, scipy"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        let msg = "SKIPPED: python3 with networkx, numpy and scipy is not available; run scripts/test.sh";
        assert!(!tools_required(), "{msg} (NORDGOV_REQUIRE_TOOLS=1 forbids skipping)");
        eprintln!("{msg}");
    }
    ok
}

fn check(model: &Path, tmp: &Path) {
    let graphml = tmp.join("g.graphml");
    let out = nordgov().args(["export", "graphml"]).arg(model).arg("-o").arg(&graphml).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for edges in ["structural", "steering", "all"] {
        let json = tmp.join(format!("{edges}.json"));
        let out = nordgov()
            .arg("metrics")
            .arg(model)
            .args(["--edges", edges, "--format", "json", "-o"])
            .arg(&json)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let check = Command::new("python3")
            .arg(root().join("tests/networkx_check.py"))
            .arg(&graphml)
            .arg(&json)
            .arg(edges)
            .output()
            .unwrap();
        assert!(
            check.status.success(),
            "{} ({edges} edges) disagrees with networkx:\n{}{}",
            model.display(),
            String::from_utf8_lossy(&check.stdout),
            String::from_utf8_lossy(&check.stderr)
        );
    }
}

#[test]
fn metrics_agree_with_networkx() {
    if !networkx_available() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    for c in ["dk", "fi", "no", "se"] {
        check(&root().join("models").join(c), tmp.path());
    }
    // GEXF and node-link JSON load into networkx with the same nodes and edges as the GraphML.
    for format in ["gexf", "json"] {
        let file = tmp.path().join(format!("fi.{format}"));
        let out = nordgov().args(["export", format, "fi", "-o"]).arg(&file).current_dir(root()).output().unwrap();
        assert!(out.status.success());
        let reader =
            if format == "gexf" { "nx.read_gexf(p)" } else { "nx.node_link_graph(json.load(open(p)), edges='links')" };
        let code = format!(
            "import json, sys, networkx as nx\np = sys.argv[1]\ng = {reader}\nh = nx.read_graphml(sys.argv[2], force_multigraph=True)\nassert g.number_of_nodes() == h.number_of_nodes() >= 30, g.number_of_nodes()\nassert g.number_of_edges() == h.number_of_edges(), (g.number_of_edges(), h.number_of_edges())\n"
        );
        let graphml = tmp.path().join("fi.graphml");
        let out = nordgov().args(["export", "graphml", "fi", "-o"]).arg(&graphml).current_dir(root()).output().unwrap();
        assert!(out.status.success());
        let check = Command::new("python3").args(["-c", &code]).arg(&file).arg(&graphml).output().unwrap();
        assert!(check.status.success(), "{format}: {}", String::from_utf8_lossy(&check.stderr));
    }
    let synth = tmp.path().join("synth");
    let out = nordgov().args(["synth", "--actors", "400", "--seed", "3", "-o"]).arg(&synth).output().unwrap();
    assert!(out.status.success());
    check(&synth, tmp.path());
}
