//! Graphviz DOT of a [`GraphView`], built as a graphviz-rust syntax tree and printed by it.
//!
//! The placement is nordgov's own ([`layout`]: level bands, organisation charts, a legend that
//! stands apart, sized for a slide); Graphviz draws it and routes the edges around the nodes.
//! Every node is pinned (`pos="x,y!"` under `layout=neato`), so any Graphviz renders the file
//! as nordgov does. Node shape and colour follow the actor kind; a link's strands are coloured
//! by role (steering) or grey (relations), thicker and more solid the stronger the instrument.
//! Every text goes through [`quote`], so no model text can break out of its string.

use graphviz_rust::dot_structures::{Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Vertex};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

pub use super::style::{change_colour, instrument_style, link_style, node_style, role_colour, shape, strand_colour};
use super::style::{outline, sample_line};
use crate::graph::view::{Change, GraphView};
use crate::model::{ActorKind, Lang};
use crate::render::layout::{layout, Layout, LegendItem, Rect, Sample, Strand, Text};

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

/// Graphviz's y runs upwards: a layout y (downwards) as a Graphviz y.
fn gy(l: &Layout, y: f64) -> f64 {
    l.height - y
}

fn pos(l: &Layout, x: f64, y: f64) -> Attribute {
    attr("pos", &format!("{x:.1},{:.1}!", gy(l, y)))
}

fn inches(points: f64) -> String {
    format!("{:.3}", points / 72.0)
}

fn node(id_: &str, attrs: Vec<Attribute>) -> Stmt {
    Stmt::Node(Node::new(NodeId(id(id_), None), attrs))
}

fn edge_stmt(from: &str, to: &str, attrs: Vec<Attribute>) -> Stmt {
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(Vertex::N(NodeId(id(from), None)), Vertex::N(NodeId(id(to), None))),
        attributes: attrs,
    })
}

/// A text as a pinned plain-text node.
fn text_node(l: &Layout, nid: &str, t: &Text) -> Stmt {
    let w = crate::render::layout::text_width(&t.text, t.size);
    let h = t.size * 1.2;
    let cx = match t.anchor {
        crate::render::layout::Anchor::Start => t.x + w / 2.0,
        crate::render::layout::Anchor::Middle => t.x,
    };
    // The baseline sits about a third of the size below a one-line label's centre.
    let cy = t.y - t.size * 0.35;
    node(
        nid,
        vec![
            attr("label", &t.text),
            attr("shape", "plaintext"),
            attr("fontsize", &format!("{}", t.size)),
            attr("fontcolor", t.colour),
            attr("width", &inches(w)),
            attr("height", &inches(h)),
            attr("style", ""),
            pos(l, cx, cy),
        ],
    )
}

/// An xdot filled rectangle for the background.
fn xdot_rect(l: &Layout, r: Rect, fill: &str, line: &str) -> String {
    let (x0, x1, y0, y1) = (r.x, r.x + r.w, gy(l, r.y), gy(l, r.y + r.h));
    format!(
        "C {} -{fill} c {} -{line} P 4 {x0:.1} {y0:.1} {x1:.1} {y0:.1} {x1:.1} {y1:.1} {x0:.1} {y1:.1} ",
        fill.len(),
        line.len()
    )
}

/// An xdot string operand: its length in bytes, then the text.
fn xdot_text(op: char, text: &str) -> String {
    format!("{op} {} -{text} ", text.len())
}

/// A legend entry's sample as xdot drawing operations: a node's outline in its kind's fill, or a
/// line in its colour, width and dashes.
fn xdot_sample(l: &Layout, item: &LegendItem) -> String {
    let r = item.at;
    let (_, cy) = r.centre();
    let points = |ps: &[(f64, f64)]| {
        let list: Vec<String> = ps.iter().map(|(x, y)| format!("{x:.1} {:.1}", gy(l, *y))).collect();
        format!("{} {}", ps.len(), list.join(" "))
    };
    let reset = format!("{}{}", xdot_text('S', "solid"), xdot_text('S', "setlinewidth(1)"));
    match item.sample {
        Sample::Node(kind) => {
            let (_, fill) = node_style(kind);
            format!("{}{}P {} ", xdot_text('C', fill), xdot_text('c', "#666666"), points(&outline(kind, r)))
        }
        Sample::Central | Sample::Change(_) => {
            let colour = match item.sample {
                Sample::Change(c) => change_colour(c),
                _ => "#CC0000",
            };
            let (_, fill) = node_style(Some(ActorKind::Agency));
            format!(
                "{}{}{}P {} {reset}",
                xdot_text('S', "setlinewidth(3)"),
                xdot_text('C', fill),
                xdot_text('c', colour),
                points(&outline(Some(ActorKind::Agency), r))
            )
        }
        _ => {
            let (width, style, colour) = sample_line(item.sample);
            format!(
                "{}{}{}L {} {reset}",
                xdot_text('S', &format!("setlinewidth({width})")),
                xdot_text('S', style),
                xdot_text('c', colour),
                points(&[(r.x, cy), (r.x + r.w, cy)])
            )
        }
    }
}

/// The attributes that draw an actor or sample node of `kind`.
fn kind_attrs(kind: Option<ActorKind>) -> Vec<Attribute> {
    let (_, fill) = node_style(kind);
    let (shape, extra) = shape(kind);
    let style = if extra.is_empty() { "filled".to_string() } else { format!("filled,{extra}") };
    vec![attr("shape", shape), attr("style", &style), attr("fillcolor", fill)]
}

/// The view as DOT text (deterministic: the layout's order).
pub fn dot(v: &GraphView, lang: Lang) -> String {
    let l = layout(v, lang);
    let mut background = String::new();
    for b in &l.bands {
        background.push_str(&xdot_rect(&l, b.rect, "#F5F7FA", "#DDE3EA"));
    }
    if l.legend.w > 0.0 {
        background.push_str(&xdot_rect(&l, l.legend, "#FFFFFF", "#CCCCCC"));
    }
    for item in &l.legend_items {
        background.push_str(&xdot_sample(&l, item));
    }
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("layout", "neato"),
            attr("inputscale", "72"),
            attr("splines", "true"),
            // Edges may pass within a point of a node (the layout's gaps are narrow).
            attr("esep", "+1"),
            attr("outputorder", "edgesfirst"),
            attr("pad", "0"),
            attr("fontname", "Helvetica"),
            attr("tooltip", &l.title.text),
            attr("_background", &background),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", "Helvetica"),
            attr("fontsize", "10"),
            attr("fixedsize", "true"),
            attr("margin", "0"),
            attr("color", "#666666"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![attr("fontname", "Helvetica"), attr("arrowsize", "0.7")])),
        // Two invisible corners hold the drawing to the layout's size.
        node(
            "__corner_0",
            vec![attr("shape", "point"), attr("style", "invis"), attr("width", "0.01"), pos(&l, 0.0, 0.0)],
        ),
        node(
            "__corner_1",
            vec![attr("shape", "point"), attr("style", "invis"), attr("width", "0.01"), pos(&l, l.width, l.height)],
        ),
        text_node(&l, "__title", &l.title),
    ];
    for (i, b) in l.bands.iter().enumerate() {
        stmts.push(text_node(&l, &format!("__band_{i}"), &b.label));
    }
    for n in &l.nodes {
        let (cx, cy) = n.rect.centre();
        let mut attrs = vec![
            attr("label", &n.lines.join("\n")),
            attr("tooltip", &n.tooltip),
            attr("width", &inches(n.rect.w)),
            attr("height", &inches(n.rect.h)),
            pos(&l, cx, cy),
        ];
        attrs.extend(kind_attrs(n.kind));
        if n.central {
            attrs.push(attr("penwidth", "3"));
            attrs.push(attr("color", "#CC0000"));
        }
        if let Some(change) = n.change {
            attrs.retain(|a| a.0 != Id::Plain("color".into()) && a.0 != Id::Plain("penwidth".into()));
            attrs.push(attr("color", change_colour(change)));
            attrs.push(attr("penwidth", "3"));
            if change == Change::Removed {
                attrs.push(attr("fontcolor", change_colour(change)));
            }
        }
        stmts.push(node(&n.id, attrs));
    }
    for link in &l.links {
        let (width, style) = link_style(link);
        let colours: Vec<&str> = link.strands.iter().map(|s| strand_colour(*s)).collect();
        let mut colour = colours.join(":");
        let mut width = width.to_string();
        if let Some(change) = link.change {
            colour = change_colour(change).to_string();
            width = "2.5".to_string();
        }
        let arrow = if link.strands.iter().any(|s| matches!(s, Strand::Steering(..) | Strand::Relation(_))) {
            "normal"
        } else {
            "none"
        };
        stmts.push(edge_stmt(
            &link.from,
            &link.to,
            vec![
                attr("color", &colour),
                attr("penwidth", &width),
                attr("style", style),
                attr("arrowhead", arrow),
                attr("dir", if link.both_ways { "both" } else { "forward" }),
                attr("tooltip", &link.tooltip),
            ],
        ));
    }
    // The legend's words are text nodes; its samples are drawn in the background, so the edge
    // router does not route around them (a node each made routing several times slower).
    for (i, item) in l.legend_items.iter().enumerate() {
        stmts.push(text_node(&l, &format!("__legend_{i}"), &item.label));
    }
    let graph = Graph::DiGraph { id: id(&format!("nordgov_{}", v.country)), strict: false, stmts };
    let mut out = graph.print(&mut PrinterContext::default());
    out.push('\n');
    out
}

/// Graphviz titles the SVG of each node and edge with its DOT name (an actor id), and screen
/// readers read titles: this gives every title the words of the node's or link's tooltip (the
/// drawing's own title for the graph, nothing for the layout's helper nodes).
pub fn retitle(svg: &str, v: &GraphView, lang: Lang) -> String {
    let l = layout(v, lang);
    let mut words: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    for n in &l.nodes {
        words.insert(n.id.clone(), &n.tooltip);
    }
    for link in &l.links {
        words.insert(format!("{}->{}", link.from, link.to), &link.tooltip);
    }
    words.insert(format!("nordgov_{}", v.country), &l.title.text);
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(start) = rest.find("<title>") {
        let (before, after) = rest.split_at(start + "<title>".len());
        out.push_str(before);
        let Some(end) = after.find("</title>") else {
            rest = after;
            break;
        };
        let (name, tail) = after.split_at(end);
        let name = name
            .replace("&#45;", "-")
            .replace("&gt;", ">")
            .replace("&lt;", "<")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
        out.push_str(&crate::render::markup::escape(words.get(&name).copied().unwrap_or_default()));
        rest = tail;
    }
    out.push_str(rest);
    out
}
