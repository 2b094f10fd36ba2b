//! Graphviz DOT of a [`GraphView`], built as a graphviz-rust syntax tree and printed by it.
//!
//! Levels are bands (`rank=same` subgraphs headed by a label) stacked national (top) to local
//! (bottom) by an invisible chain; a ministry's cluster inside its band groups the actors under
//! it. Node shape and colour follow the actor kind, steering edges get thicker and more solid
//! the stronger the instrument and are coloured by role, and a legend cluster explains both.
//! Every text goes through [`quote`], so no model text can break out of its string.

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use crate::graph::view::{Change, GraphView, ViewEdgeKind, ViewKind, ViewNode};
use crate::model::{ActorKind, Instrument, Labelled, Lang, Level, Role, Vocabulary};

/// `s` as a DOT quoted string: backslashes and quotes escaped, line breaks as `\n`, other control
/// characters dropped.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn id(s: &str) -> Id {
    Id::Escaped(quote(s))
}

fn attr(k: &str, v: &str) -> Attribute {
    Attribute(Id::Plain(k.to_string()), id(v))
}

/// Shape and fill colour of a node of `kind` (`None`: a role cell).
pub fn node_style(kind: Option<ActorKind>) -> (&'static str, &'static str) {
    match kind {
        None => ("note", "#FFF8DC"),
        Some(k) => match k {
            ActorKind::Government | ActorKind::Parliament => ("doubleoctagon", "#F4CCCC"),
            ActorKind::Ministry => ("box", "#CFE2F3"),
            ActorKind::Agency => ("box", "#D9EAD3"),
            ActorKind::Unit | ActorKind::Secretariat => ("box", "#EEEEEE"),
            ActorKind::Council | ActorKind::Forum => ("ellipse", "#FFF2CC"),
            ActorKind::Association => ("hexagon", "#EAD1DC"),
            ActorKind::Company => ("component", "#D0E0E3"),
            ActorKind::Collective | ActorKind::Municipality | ActorKind::Region => ("folder", "#FCE5CD"),
            ActorKind::Programme => ("cds", "#E6E6FA"),
            ActorKind::Placeholder => ("box", "#FFFFFF"),
            ActorKind::AuditOffice => ("octagon", "#EEEEEE"),
        },
    }
}

/// Pen width and line style of steering with `i`: 1 heavy and solid ... 5 thin and dotted.
pub fn instrument_style(i: Instrument) -> (&'static str, &'static str) {
    match i {
        Instrument::Economic => ("3.5", "solid"),
        Instrument::Direct => ("2.8", "solid"),
        Instrument::Indirect => ("2.1", "dashed"),
        Instrument::Standards => ("1.4", "dashed"),
        Instrument::Guidance => ("1.0", "dotted"),
    }
}

/// The colour of steering in `role`.
pub fn role_colour(r: Role) -> &'static str {
    match r {
        Role::Strategy => "#6A3D9A",
        Role::Initiation => "#1F78B4",
        Role::Coordination => "#33A02C",
        Role::Execution => "#E6550D",
        Role::Operation => "#B15928",
    }
}

/// The colour an overlay gives a change: added green, removed red, changed orange.
pub fn change_colour(c: Change) -> &'static str {
    match c {
        Change::Added => "#2CA02C",
        Change::Removed => "#D62728",
        Change::Changed => "#FF7F0E",
    }
}

fn node_stmt(nid: &str, label: &str, kind: Option<ActorKind>, central: bool) -> Stmt {
    let (shape, fill) = node_style(kind);
    let mut attrs = vec![attr("label", label), attr("shape", shape), attr("style", "filled"), attr("fillcolor", fill)];
    if central {
        attrs.push(attr("penwidth", "3"));
        attrs.push(attr("color", "#CC0000"));
    }
    Stmt::Node(Node::new(NodeId(id(nid), None), attrs))
}

/// A view node, with its overlay change drawn as a coloured, thick border.
fn view_node_stmt(n: &ViewNode) -> Stmt {
    let mut stmt = node_stmt(&n.id, &n.label, n.kind, n.central);
    if let (Some(change), Stmt::Node(node)) = (n.change, &mut stmt) {
        node.attributes.retain(|a| a.0 != Id::Plain("color".into()) && a.0 != Id::Plain("penwidth".into()));
        node.attributes.push(attr("color", change_colour(change)));
        node.attributes.push(attr("penwidth", "3"));
        if change == Change::Removed {
            node.attributes.push(attr("fontcolor", change_colour(change)));
        }
    }
    stmt
}

fn edge_stmt(from: &str, to: &str, attrs: Vec<Attribute>) -> Stmt {
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(Vertex::N(NodeId(id(from), None)), Vertex::N(NodeId(id(to), None))),
        attributes: attrs,
    })
}

fn edge_attrs(kind: ViewEdgeKind) -> Vec<Attribute> {
    match kind {
        ViewEdgeKind::Relation(r) if r.is_hierarchical() => vec![attr("color", "#555555"), attr("arrowhead", "empty")],
        ViewEdgeKind::Relation(r) => vec![
            attr("color", "#999999"),
            attr("style", "dashed"),
            attr("label", r.key()),
            attr("fontsize", "8"),
            attr("fontcolor", "#777777"),
        ],
        ViewEdgeKind::Steering(role, i) => {
            let (width, style) = instrument_style(i);
            vec![attr("color", role_colour(role)), attr("penwidth", width), attr("style", style)]
        }
        ViewEdgeKind::Holds => vec![attr("color", "#B8860B"), attr("arrowhead", "none")],
    }
}

/// The view as DOT text (deterministic: nodes and edges in the view's sorted order).
pub fn dot(v: &GraphView, lang: Lang) -> String {
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("rankdir", "TB"),
            attr("fontname", "Helvetica"),
            attr("newrank", "true"),
            attr("label", &format!("{} ({})", v.country, kind_name(v.kind))),
            attr("labelloc", "t"),
            attr("splines", "polyline"),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![attr("fontname", "Helvetica"), attr("fontsize", "10")])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![attr("fontname", "Helvetica")])),
    ];
    let levels: Vec<Level> = Level::ALL.iter().copied().filter(|l| v.nodes.iter().any(|n| n.level == *l)).collect();
    for level in &levels {
        // A level is a rank=same band headed by a label node; ministries are clusters within.
        let mut inner = vec![
            Stmt::Attribute(attr("rank", "same")),
            Stmt::Node(Node::new(
                NodeId(id(&format!("__level_{level}")), None),
                vec![
                    attr("label", level.label(lang)),
                    attr("shape", "plaintext"),
                    attr("fontsize", "14"),
                    attr("fontcolor", "#666666"),
                ],
            )),
        ];
        let in_level: Vec<_> = v.nodes.iter().filter(|n| n.level == *level).collect();
        // One pass over the level's nodes, not one per cluster (a national model has hundreds).
        let mut groups: std::collections::BTreeMap<&String, Vec<&ViewNode>> = std::collections::BTreeMap::new();
        for n in &in_level {
            if let Some(g) = &n.group {
                groups.entry(g).or_default().push(n);
            }
        }
        for (g, members) in groups {
            let mut sub = vec![
                Stmt::Attribute(attr("label", v.groups.get(g).map_or(g.as_str(), String::as_str))),
                Stmt::Attribute(attr("style", "dashed")),
                Stmt::Attribute(attr("color", "#9FC5E8")),
            ];
            for n in members {
                sub.push(view_node_stmt(n));
            }
            inner.push(Stmt::Subgraph(Subgraph { id: id(&format!("cluster_{level}_{g}")), stmts: sub }));
        }
        for n in in_level.iter().filter(|n| n.group.is_none()) {
            inner.push(view_node_stmt(n));
        }
        stmts.push(Stmt::Subgraph(Subgraph { id: id(&format!("level_{level}")), stmts: inner }));
    }
    // The bands stack national to local through an invisible chain of their label nodes; real
    // edges do not constrain ranks, so no edge can pull a node out of its band.
    for pair in levels.windows(2) {
        if let [a, b] = pair {
            stmts.push(edge_stmt(
                &format!("__level_{a}"),
                &format!("__level_{b}"),
                vec![attr("style", "invis"), attr("weight", "100")],
            ));
        }
    }
    for e in &v.edges {
        let mut attrs = edge_attrs(e.kind);
        attrs.push(attr("constraint", "false"));
        if let Some(change) = e.change {
            attrs.retain(|a| a.0 != Id::Plain("color".into()));
            attrs.push(attr("color", change_colour(change)));
            attrs.push(attr("penwidth", "2.5"));
        }
        stmts.push(edge_stmt(&e.from, &e.to, attrs));
    }
    stmts.push(legend(v, lang));
    let graph = Graph::DiGraph { id: id(&format!("nordgov_{}", v.country)), strict: false, stmts };
    let mut out = graph.print(&mut PrinterContext::default());
    out.push('\n');
    out
}

fn kind_name(k: ViewKind) -> &'static str {
    match k {
        ViewKind::Org => "organisation",
        ViewKind::Steering => "steering",
        ViewKind::Roles => "roles",
        ViewKind::All => "organisation and steering",
    }
}

/// A legend: one sample node per actor kind shown, and (where steering is drawn) one sample edge
/// per instrument and a colour per role.
fn legend(v: &GraphView, lang: Lang) -> Stmt {
    let mut stmts = vec![Stmt::Attribute(attr("label", "legend")), Stmt::Attribute(attr("color", "#DDDDDD"))];
    let mut kinds: Vec<ActorKind> = v.nodes.iter().filter_map(|n| n.kind).collect();
    kinds.sort();
    kinds.dedup();
    for k in kinds {
        stmts.push(node_stmt(&format!("__legend_{}", k.key()), k.key(), Some(k), false));
    }
    if v.edges.iter().any(|e| matches!(e.kind, ViewEdgeKind::Steering(..))) {
        for i in Instrument::ALL {
            let (a, b) = (format!("__legend_i{}a", i.strength()), format!("__legend_i{}b", i.strength()));
            for n in [&a, &b] {
                stmts.push(Stmt::Node(Node::new(
                    NodeId(id(n), None),
                    vec![attr("shape", "point"), attr("width", "0.05")],
                )));
            }
            let (width, style) = instrument_style(*i);
            stmts.push(edge_stmt(
                &a,
                &b,
                vec![
                    attr("penwidth", width),
                    attr("style", style),
                    attr("label", &format!("{} {}", i.strength(), i.label(lang))),
                    attr("fontsize", "8"),
                ],
            ));
        }
        for r in Role::ALL {
            stmts.push(Stmt::Node(Node::new(
                NodeId(id(&format!("__legend_role_{}", r.key())), None),
                vec![attr("label", r.label(lang)), attr("shape", "plaintext"), attr("fontcolor", role_colour(*r))],
            )));
        }
    }
    Stmt::Subgraph(Subgraph { id: id("cluster_legend"), stmts })
}
