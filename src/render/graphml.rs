//! The actor graph as GraphML (for networkx, Gephi, yEd), GEXF 1.3 (for Gephi) and node-link
//! JSON. Every node and edge attribute is written; every text is escaped for XML.

use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde_json::json;

use super::markup::escape;
use crate::graph::{ActorGraph, EdgeKind};
use crate::model::{Country, Lang, Vocabulary};

/// One node's attributes: (label, kind, level, central).
fn node_attrs(c: &Country, id: &crate::model::ActorId) -> (String, &'static str, &'static str, bool) {
    match c.actor(id) {
        Some(a) => (a.label(Lang::En, c.natives()), a.kind.key(), a.level.key(), a.central),
        None => (id.to_string(), "", "", false),
    }
}

/// One edge's attributes: (layer, type, role, instrument).
fn edge_attrs(kind: &EdgeKind) -> (&'static str, &'static str, &'static str, u8) {
    match kind {
        EdgeKind::Structural { relation } => ("structural", relation.key(), "", 0),
        EdgeKind::Steering { role, instrument } => ("steering", "steering", role.key(), instrument.strength()),
    }
}

/// GraphML with keys for every attribute. Instrument 0 marks a structural edge.
pub fn graphml(c: &Country, g: &ActorGraph) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (id, on, ty) in [
        ("label", "node", "string"),
        ("kind", "node", "string"),
        ("level", "node", "string"),
        ("central", "node", "boolean"),
    ] {
        out.push_str(&format!("  <key id=\"{id}\" for=\"{on}\" attr.name=\"{id}\" attr.type=\"{ty}\"/>\n"));
    }
    for (id, ty) in
        [("layer", "string"), ("type", "string"), ("role", "string"), ("instrument", "int"), ("weight", "double")]
    {
        out.push_str(&format!("  <key id=\"{id}\" for=\"edge\" attr.name=\"{id}\" attr.type=\"{ty}\"/>\n"));
    }
    out.push_str(&format!("  <graph id=\"{}\" edgedefault=\"directed\">\n", escape(&c.code)));
    for id in g.nodes.keys() {
        let (label, kind, level, central) = node_attrs(c, id);
        out.push_str(&format!(
            "    <node id=\"{}\"><data key=\"label\">{}</data><data key=\"kind\">{kind}</data><data key=\"level\">{level}</data><data key=\"central\">{central}</data></node>\n",
            escape(id.as_str()),
            escape(&label)
        ));
    }
    for (i, e) in (&g.graph).edge_references().enumerate() {
        let (Some(a), Some(b)) = (g.graph.node_weight(e.source()), g.graph.node_weight(e.target())) else { continue };
        let (layer, ty, role, instrument) = edge_attrs(&e.weight().kind);
        out.push_str(&format!(
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\"><data key=\"layer\">{layer}</data><data key=\"type\">{ty}</data><data key=\"role\">{role}</data><data key=\"instrument\">{instrument}</data><data key=\"weight\">{}</data></edge>\n",
            escape(a.as_str()),
            escape(b.as_str()),
            e.weight().weight
        ));
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// GEXF 1.3 (Gephi's format), a static directed graph with the same attributes.
pub fn gexf(c: &Country, g: &ActorGraph) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n",
    );
    out.push_str(&format!(
        "  <meta><creator>nordgov</creator><description>{}</description></meta>\n",
        escape(&format!("actor graph of {}", c.code))
    ));
    out.push_str("  <graph defaultedgetype=\"directed\" mode=\"static\">\n    <attributes class=\"node\">\n");
    for (i, (name, ty)) in [("kind", "string"), ("level", "string"), ("central", "boolean")].iter().enumerate() {
        out.push_str(&format!("      <attribute id=\"{i}\" title=\"{name}\" type=\"{ty}\"/>\n"));
    }
    out.push_str("    </attributes>\n    <attributes class=\"edge\">\n");
    for (i, (name, ty)) in
        [("layer", "string"), ("type", "string"), ("role", "string"), ("instrument", "integer")].iter().enumerate()
    {
        out.push_str(&format!("      <attribute id=\"{i}\" title=\"{name}\" type=\"{ty}\"/>\n"));
    }
    out.push_str("    </attributes>\n    <nodes>\n");
    for id in g.nodes.keys() {
        let (label, kind, level, central) = node_attrs(c, id);
        out.push_str(&format!(
            "      <node id=\"{}\" label=\"{}\"><attvalues><attvalue for=\"0\" value=\"{kind}\"/><attvalue for=\"1\" value=\"{level}\"/><attvalue for=\"2\" value=\"{central}\"/></attvalues></node>\n",
            escape(id.as_str()),
            escape(&label)
        ));
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for (i, e) in (&g.graph).edge_references().enumerate() {
        let (Some(a), Some(b)) = (g.graph.node_weight(e.source()), g.graph.node_weight(e.target())) else { continue };
        let (layer, ty, role, instrument) = edge_attrs(&e.weight().kind);
        out.push_str(&format!(
            "      <edge id=\"{i}\" source=\"{}\" target=\"{}\" weight=\"{}\"><attvalues><attvalue for=\"0\" value=\"{layer}\"/><attvalue for=\"1\" value=\"{ty}\"/><attvalue for=\"2\" value=\"{role}\"/><attvalue for=\"3\" value=\"{instrument}\"/></attvalues></edge>\n",
            escape(a.as_str()),
            escape(b.as_str()),
            e.weight().weight
        ));
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

/// Node-link JSON, as networkx's `node_link_graph(data, edges="links")` reads it.
pub fn node_link(c: &Country, g: &ActorGraph) -> serde_json::Value {
    let nodes: Vec<_> = g
        .nodes
        .keys()
        .map(|id| {
            let (label, kind, level, central) = node_attrs(c, id);
            json!({ "id": id, "label": label, "kind": kind, "level": level, "central": central })
        })
        .collect();
    let links: Vec<_> = (&g.graph)
        .edge_references()
        .filter_map(|e| {
            let a = g.graph.node_weight(e.source())?;
            let b = g.graph.node_weight(e.target())?;
            let (layer, ty, role, instrument) = edge_attrs(&e.weight().kind);
            Some(json!({ "source": a, "target": b, "layer": layer, "type": ty, "role": role, "instrument": instrument, "weight": e.weight().weight }))
        })
        .collect();
    json!({ "directed": true, "multigraph": true, "graph": { "country": c.code }, "nodes": nodes, "links": links })
}
