//! The built-in SVG renderer, for machines without Graphviz: it draws the same [`layout`] as the
//! Graphviz output (level bands, organisation charts, the legend apart) with edges of its own:
//! a parent link as an elbow from the parent down to the body beneath (along the side of a
//! stacked column), every other link as a straight line between the two boxes, its strands side
//! by side. Plainer than Graphviz's routed curves, but it needs nothing installed and is
//! deterministic. Every text is escaped for XML.

use std::fmt::Write;

use crate::graph::view::{Change, GraphView};
use crate::model::{ActorKind, Lang};
use crate::render::layout::{layout, Anchor, Layout, Link, Placed, Rect, Sample, Strand, Text, FONT, LINE};
use crate::render::markup::escape;
use crate::render::style::{change_colour, link_style, node_style, outline, sample_line, shape, strand_colour};

fn text(out: &mut String, t: &Text) {
    let anchor = match t.anchor {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
    };
    let _ = writeln!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" font-size=\"{}\" fill=\"{}\">{}</text>",
        t.x,
        t.y,
        t.size,
        t.colour,
        escape(&t.text)
    );
}

fn dash(style: &str) -> &'static str {
    match style {
        "dashed" => " stroke-dasharray=\"6,3\"",
        "dotted" => " stroke-dasharray=\"2,3\"",
        _ => "",
    }
}

/// The outline of a node of `kind` in `r`, with `paint` (fill and stroke attributes).
fn shape_svg(out: &mut String, kind: Option<ActorKind>, r: Rect, paint: &str) {
    let (sh, extra) = shape(kind);
    let (x0, y0) = (r.x, r.y);
    let dashes = if extra == "dashed" { " stroke-dasharray=\"4,2\"" } else { "" };
    let poly = |out: &mut String, points: &[(f64, f64)]| {
        let p: Vec<String> = points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
        let _ = write!(out, "<polygon points=\"{}\" {paint}{dashes}/>", p.join(" "));
    };
    match sh {
        "hexagon" | "octagon" | "cds" | "note" | "folder" => poly(out, &outline(kind, r)),
        _ => {
            let rx = if extra == "rounded" { 7.0 } else { 0.0 };
            let _ = write!(
                out,
                "<rect x=\"{x0:.1}\" y=\"{y0:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"{rx}\" {paint}{dashes}/>",
                r.w, r.h
            );
            if sh == "component" {
                for dy in [0.25, 0.6] {
                    let _ = write!(
                        out,
                        "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"8\" height=\"5\" fill=\"#FFFFFF\" stroke=\"#666666\"/>",
                        x0 - 4.0,
                        y0 + r.h * dy
                    );
                }
            }
        }
    }
    if extra == "bold" {
        let _ = write!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"none\" stroke=\"#666666\"/>",
            x0 + 3.0,
            y0 + 3.0,
            r.w - 6.0,
            r.h - 6.0
        );
    }
}

/// Where the segment from the centre of `r` towards (`x`, `y`) leaves `r`.
fn border(r: &Rect, x: f64, y: f64) -> (f64, f64) {
    let (cx, cy) = r.centre();
    let (dx, dy) = (x - cx, y - cy);
    if dx.abs() < 1e-9 && dy.abs() < 1e-9 {
        return (cx, cy);
    }
    let tx = if dx.abs() > 1e-9 { (r.w / 2.0) / dx.abs() } else { f64::INFINITY };
    let ty = if dy.abs() > 1e-9 { (r.h / 2.0) / dy.abs() } else { f64::INFINITY };
    let t = tx.min(ty);
    (cx + dx * t, cy + dy * t)
}

/// The path a link takes: an elbow for a parent link, else a straight line between borders.
fn route(l: &Layout, link: &Link, a: &Placed, b: &Placed) -> Vec<(f64, f64)> {
    let (ax, ay) = a.rect.centre();
    let (bx, by) = b.rect.centre();
    let below = b.rect.y > a.rect.y + a.rect.h;
    if link.only_parent() && below {
        let top = a.rect.y + a.rect.h;
        let mid = top + 11.0;
        // A body stacked under a sibling is reached from the side of its column.
        let blocked = l.nodes.iter().any(|n| {
            n.id != b.id
                && n.id != a.id
                && n.rect.x < bx
                && bx < n.rect.x + n.rect.w
                && n.rect.y + n.rect.h > mid
                && n.rect.y < b.rect.y
        });
        if blocked {
            let side = b.rect.x - 5.0;
            return vec![(ax, top), (ax, mid), (side, mid), (side, by), (b.rect.x, by)];
        }
        return vec![(ax, top), (ax, mid), (bx, mid), (bx, b.rect.y)];
    }
    vec![border(&a.rect, bx, by), border(&b.rect, ax, ay)]
}

fn path(points: &[(f64, f64)], offset: f64) -> String {
    // Strands side by side: every point shifted across the first segment's direction.
    let (dx, dy) = match points {
        [(x0, y0), (x1, y1), ..] => {
            let len = ((x1 - x0).powi(2) + (y1 - y0).powi(2)).sqrt().max(1e-9);
            (-(y1 - y0) / len, (x1 - x0) / len)
        }
        _ => (0.0, 0.0),
    };
    let p: Vec<String> = points.iter().map(|(x, y)| format!("{:.1},{:.1}", x + dx * offset, y + dy * offset)).collect();
    p.join(" ")
}

fn link_svg(out: &mut String, l: &Layout, link: &Link) {
    let (Some(a), Some(b)) = (l.node(&link.from), l.node(&link.to)) else { return };
    let points = route(l, link, a, b);
    let (width, style) = link_style(link);
    let arrow = link.strands.iter().any(|s| matches!(s, Strand::Steering(..) | Strand::Relation(_)));
    let n = link.strands.len() as f64;
    let _ = write!(out, "<g><title>{}</title>", escape(&link.tooltip));
    for (k, s) in link.strands.iter().enumerate() {
        let colour = link.change.map_or(strand_colour(*s), change_colour);
        let offset = (k as f64 - (n - 1.0) / 2.0) * 2.5;
        let marker = if arrow && k == 0 { " marker-end=\"url(#arrow)\"" } else { "" };
        let _ = write!(
            out,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{width}\"{}{marker}/>",
            path(&points, offset),
            dash(style)
        );
    }
    out.push_str("</g>\n");
}

fn node_svg(out: &mut String, n: &Placed) {
    let (_, fill) = node_style(n.kind);
    let stroke = match (n.change, n.central) {
        (Some(c), _) => format!("stroke=\"{}\" stroke-width=\"3\"", change_colour(c)),
        (None, true) => "stroke=\"#CC0000\" stroke-width=\"3\"".to_string(),
        (None, false) => "stroke=\"#666666\"".to_string(),
    };
    let _ = write!(out, "<g><title>{}</title>", escape(&n.tooltip));
    shape_svg(out, n.kind, n.rect, &format!("fill=\"{fill}\" {stroke}"));
    let (cx, cy) = n.rect.centre();
    let colour = if n.change == Some(Change::Removed) { change_colour(Change::Removed) } else { "#000000" };
    let first = cy - (n.lines.len() as f64 - 1.0) * LINE / 2.0 + FONT * 0.35;
    for (i, line) in n.lines.iter().enumerate() {
        let _ = write!(
            out,
            "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{colour}\">{}</text>",
            first + i as f64 * LINE,
            escape(line)
        );
    }
    out.push_str("</g>\n");
}

/// The view as a standalone SVG document.
pub fn svg(v: &GraphView, lang: Lang) -> String {
    let l = layout(v, lang);
    let mut out = String::new();
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- drawn by nordgov's built-in renderer (install Graphviz for routed edges) -->\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.0} {h:.0}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"{FONT}\">\n",
        w = l.width,
        h = l.height
    );
    let _ = writeln!(out, "<title>{}</title>", escape(&l.title.text));
    out.push_str("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>\n");
    let _ = writeln!(out, "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>");
    for b in &l.bands {
        let r = b.rect;
        let _ = writeln!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#F5F7FA\" stroke=\"#DDE3EA\"/>",
            r.x, r.y, r.w, r.h
        );
        text(&mut out, &b.label);
    }
    if l.legend.w > 0.0 {
        let r = l.legend;
        let _ = writeln!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#FFFFFF\" stroke=\"#CCCCCC\"/>",
            r.x, r.y, r.w, r.h
        );
    }
    text(&mut out, &l.title);
    for link in &l.links {
        link_svg(&mut out, &l, link);
    }
    for n in &l.nodes {
        node_svg(&mut out, n);
    }
    for item in &l.legend_items {
        let r = item.at;
        let (_, cy) = r.centre();
        match item.sample {
            Sample::Node(kind) => {
                let (_, fill) = node_style(kind);
                shape_svg(&mut out, kind, r, &format!("fill=\"{fill}\" stroke=\"#666666\""));
            }
            Sample::Central | Sample::Change(_) => {
                let colour = match item.sample {
                    Sample::Change(c) => change_colour(c),
                    _ => "#CC0000",
                };
                let (_, fill) = node_style(Some(ActorKind::Agency));
                shape_svg(
                    &mut out,
                    Some(ActorKind::Agency),
                    r,
                    &format!("fill=\"{fill}\" stroke=\"{colour}\" stroke-width=\"3\""),
                );
            }
            Sample::Instrument(_) | Sample::Role(_) | Sample::Parent | Sample::Relation => {
                let (width, style, colour) = sample_line(item.sample);
                let _ = write!(
                    out,
                    "<line x1=\"{:.1}\" y1=\"{cy:.1}\" x2=\"{:.1}\" y2=\"{cy:.1}\" stroke=\"{colour}\" stroke-width=\"{width}\"{}/>",
                    r.x,
                    r.x + r.w,
                    dash(style)
                );
            }
        }
        text(&mut out, &item.label);
    }
    out.push_str("</svg>\n");
    out
}
