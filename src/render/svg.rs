//! The built-in SVG renderer, for machines without Graphviz: a layered layout of our own in
//! which the administrative levels are the layers (national on top, local at the bottom), nodes
//! sit in rows within their level band (wrapped when a level is wide), and edges are straight
//! lines styled like the DOT output. Plainer than Graphviz, but it needs nothing installed and
//! is deterministic. Every text is escaped for XML.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::graph::view::{GraphView, ViewEdgeKind};
use crate::model::{Labelled, Lang, Level, Vocabulary};
use crate::render::dot::{instrument_style, node_style, role_colour};
use crate::render::markup::escape;

const NODE_H: f64 = 30.0;
const ROW_GAP: f64 = 34.0;
const COL_GAP: f64 = 18.0;
const MARGIN: f64 = 20.0;
const BAND_LABEL: f64 = 110.0;
const MAX_ROW_WIDTH: f64 = 1400.0;

fn node_width(label: &str) -> f64 {
    (label.chars().count() as f64 * 6.4 + 18.0).clamp(40.0, 260.0)
}

/// The view as a standalone SVG document.
pub fn svg(v: &GraphView, lang: Lang) -> String {
    // Lay out: per level, rows of nodes no wider than MAX_ROW_WIDTH.
    let mut pos: BTreeMap<&str, (f64, f64, f64)> = BTreeMap::new(); // id -> (x centre, y centre, width)
    let mut bands: Vec<(Level, f64, f64)> = Vec::new(); // level, top, bottom
    let mut y = MARGIN + 24.0;
    let mut width: f64 = 0.0;
    for level in Level::ALL {
        let nodes: Vec<_> = v.nodes.iter().filter(|n| n.level == *level).collect();
        if nodes.is_empty() {
            continue;
        }
        let top = y;
        y += ROW_GAP / 2.0;
        let mut x = MARGIN + BAND_LABEL;
        for n in nodes {
            let w = node_width(&n.label);
            if x + w > MARGIN + BAND_LABEL + MAX_ROW_WIDTH && x > MARGIN + BAND_LABEL {
                x = MARGIN + BAND_LABEL;
                y += NODE_H + ROW_GAP;
            }
            pos.insert(n.id.as_str(), (x + w / 2.0, y + NODE_H / 2.0, w));
            x += w + COL_GAP;
            width = width.max(x);
        }
        y += NODE_H + ROW_GAP / 2.0;
        bands.push((*level, top, y));
        y += 10.0;
    }
    let height = y + MARGIN + 40.0;
    let width = width + MARGIN;
    let mut out = String::new();
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"10\">\n"
    );
    out.push_str("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>\n");
    let _ = writeln!(out, "<text x=\"{MARGIN}\" y=\"{}\" font-size=\"14\">{}</text>", MARGIN + 8.0, escape(&v.country));
    for (level, top, bottom) in &bands {
        let _ = writeln!(
            out,
            "<rect x=\"{MARGIN}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#F7F7F7\" stroke=\"#DDDDDD\"/><text x=\"{}\" y=\"{:.1}\" font-size=\"12\" fill=\"#666\">{}</text>",
            width - 2.0 * MARGIN,
            bottom - top,
            MARGIN + 8.0,
            top + 18.0,
            escape(level.label(lang))
        );
    }
    for e in &v.edges {
        let (Some(&(x1, y1, _)), Some(&(x2, y2, _))) = (pos.get(e.from.as_str()), pos.get(e.to.as_str())) else {
            continue;
        };
        let (colour, width, dash) = match e.kind {
            ViewEdgeKind::Relation(r) if r.is_hierarchical() => ("#555555", "1.2", ""),
            ViewEdgeKind::Relation(_) => ("#999999", "1", " stroke-dasharray=\"5,3\""),
            ViewEdgeKind::Steering(role, i) => {
                let (w, style) = instrument_style(i);
                let dash = match style {
                    "dashed" => " stroke-dasharray=\"6,3\"",
                    "dotted" => " stroke-dasharray=\"2,3\"",
                    _ => "",
                };
                (role_colour(role), w, dash)
            }
            ViewEdgeKind::Holds => ("#B8860B", "1", ""),
        };
        // Start and end on the node borders (top or bottom), so arrows stay visible.
        let (sy, ey) = if y2 > y1 + 1.0 {
            (y1 + NODE_H / 2.0, y2 - NODE_H / 2.0)
        } else if y2 < y1 - 1.0 {
            (y1 - NODE_H / 2.0, y2 + NODE_H / 2.0)
        } else {
            (y1 - NODE_H / 2.0, y2 - NODE_H / 2.0)
        };
        let marker = if e.kind == ViewEdgeKind::Holds { "" } else { " marker-end=\"url(#arrow)\"" };
        let _ = writeln!(
            out,
            "<line x1=\"{x1:.1}\" y1=\"{sy:.1}\" x2=\"{x2:.1}\" y2=\"{ey:.1}\" stroke=\"{colour}\" stroke-width=\"{width}\" fill=\"none\"{dash}{marker}/>"
        );
    }
    for n in &v.nodes {
        let Some(&(x, y, w)) = pos.get(n.id.as_str()) else { continue };
        let (_, fill) = node_style(n.kind);
        let stroke = if n.central { " stroke=\"#CC0000\" stroke-width=\"3\"" } else { " stroke=\"#666\"" };
        let _ = writeln!(
            out,
            "<g><title>{}</title><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{NODE_H}\" rx=\"4\" fill=\"{fill}\"{stroke}/><text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text></g>",
            escape(&n.id),
            x - w / 2.0,
            y - NODE_H / 2.0,
            y + 3.5,
            escape(&n.label)
        );
    }
    let _ = writeln!(
        out,
        "<text x=\"{MARGIN}\" y=\"{:.1}\" fill=\"#666\">Drawn by nordgov's built-in layout; install Graphviz for a better one.</text>",
        height - MARGIN
    );
    out.push_str("</svg>\n");
    out
}
