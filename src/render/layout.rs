//! The placement of a diagram, shared by Graphviz and the built-in renderer: every node, text,
//! band and legend entry at its position, sized for a 16:9 slide.
//!
//! Levels are bands stacked national (top) to local (bottom). Inside a band each actor heads a
//! top-down organisation chart of the actors under it at that level (a ministry with its
//! agencies beneath, an agency with its units); three or more childless bodies under one head
//! stack in columns rather than spreading in a row. The charts fill the band in rows, and the
//! row width is chosen, with the legend beside or below, so the drawing fits 1920x1080 as large
//! as it can. Labels wrap at word boundaries; every node is wide enough for its text, so no
//! text overlaps another. Edges are merged to one link per pair of actors, its strands the
//! steering, relations and parent link between them (details in a tooltip, never a label).
//!
//! Coordinates are points, origin top left, y downwards (as in SVG).

pub use super::font::{font_width, text_width, wrap};
use super::legend::{legend_entries, legend_rows, LEGEND_ROW, LEGEND_SAMPLE};
pub use super::legend::{LegendItem, Sample};

use std::collections::{BTreeMap, BTreeSet};

use crate::graph::fold::fold_head;
use crate::graph::view::{Change, GraphView, ViewEdgeKind, ViewKind, ViewNode};
use crate::model::{pick, ActorKind, Instrument, Labelled, Lang, Level, RelationType, Role, Vocabulary};

/// The slide a layout aims at, in pixels.
pub const SLIDE: (f64, f64) = (1920.0, 1080.0);
/// Node label size.
pub const FONT: f64 = 10.0;
/// Distance between the baselines of a label's lines (Graphviz's 1.2 line spacing).
pub const LINE: f64 = 12.0;
const TITLE_FONT: f64 = 16.0;
const BAND_FONT: f64 = 11.0;
const PAD_X: f64 = 7.0;
const PAD_Y: f64 = 5.0;
/// The width a label wraps at, then the wider one for names that would take more than four
/// lines.
const WRAP: [f64; 2] = [104.0, 150.0];
const MAX_LINES: usize = 6;
const H_GAP: f64 = 14.0;
const V_GAP: f64 = 22.0;
const STACK_GAP: f64 = 6.0;
const MARGIN: f64 = 10.0;
const BAND_HEAD: f64 = 20.0;
const BAND_GAP: f64 = 8.0;

/// A text placed on the drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// The text.
    pub text: String,
    /// Left edge (for [`Anchor::Start`]) or centre.
    pub x: f64,
    /// Baseline.
    pub y: f64,
    /// How `x` anchors the text.
    pub anchor: Anchor,
    /// Size in points.
    pub size: f64,
    /// Colour.
    pub colour: &'static str,
}

/// Where a text's `x` sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// At the left edge.
    Start,
    /// At the centre.
    Middle,
}

/// A rectangle: left, top, width, height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// The centre.
    pub fn centre(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
}

/// A level band.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// The band's area.
    pub rect: Rect,
    /// Its heading (the level's name).
    pub label: Text,
}

/// A node at its place.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// The view node's id.
    pub id: String,
    /// Its box.
    pub rect: Rect,
    /// Its label, wrapped.
    pub lines: Vec<String>,
    /// The actor's kind; `None` for a role cell.
    pub kind: Option<ActorKind>,
    /// Whether it is the central unit.
    pub central: bool,
    /// In an overlay, how it changed.
    pub change: Option<Change>,
    /// What a pointer over it says: the full name, kind and level, and what a fold holds.
    pub tooltip: String,
}

/// One strand of a link: something that holds between two actors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strand {
    /// Steering in a role with an instrument, from the link's `from` to its `to`.
    Steering(Role, Instrument),
    /// A parent link (`from` is the parent).
    Parent(RelationType),
    /// Another relation, read `from <type> to`.
    Relation(RelationType),
    /// `from` holds the role cell `to`.
    Holds,
}

/// One link per pair of nodes, drawn once.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The node it starts from (the steering or parent side).
    pub from: String,
    /// The node it ends at.
    pub to: String,
    /// What holds between them, strongest steering first.
    pub strands: Vec<Strand>,
    /// Whether steering also runs from `to` to `from`.
    pub both_ways: bool,
    /// In an overlay, how it changed (mixed changes count as changed).
    pub change: Option<Change>,
    /// Every strand in words.
    pub tooltip: String,
}

impl Link {
    /// The strongest steering instrument among the strands, if any.
    pub fn strongest(&self) -> Option<Instrument> {
        self.strands
            .iter()
            .filter_map(|s| match s {
                Strand::Steering(_, i) => Some(*i),
                _ => None,
            })
            .min_by_key(|i| i.strength())
    }

    /// Whether the link is a parent link and nothing else.
    pub fn only_parent(&self) -> bool {
        self.strands.iter().all(|s| matches!(s, Strand::Parent(_)))
    }
}

/// A diagram placed.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Width of the drawing.
    pub width: f64,
    /// Height of the drawing.
    pub height: f64,
    /// The title.
    pub title: Text,
    /// The level bands, top to bottom.
    pub bands: Vec<Band>,
    /// The nodes.
    pub nodes: Vec<Placed>,
    /// The links, in (from, to) order.
    pub links: Vec<Link>,
    /// The legend's frame.
    pub legend: Rect,
    /// The legend's entries.
    pub legend_items: Vec<LegendItem>,
}

impl Layout {
    /// The node with `id`.
    pub fn node(&self, id: &str) -> Option<&Placed> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// The scale at which the drawing fits the slide.
    pub fn slide_scale(&self) -> f64 {
        (SLIDE.0 / self.width).min(SLIDE.1 / self.height)
    }
}

/// What the view is of, in words.
pub fn view_word(k: ViewKind, lang: Lang) -> &'static str {
    match k {
        ViewKind::Org => pick(lang, ["organisation", "organisering", "organisation", "organisering", "organisaatio"]),
        ViewKind::Steering => pick(lang, ["steering", "styring", "styrning", "styring", "ohjaus"]),
        ViewKind::Roles => pick(lang, ["roles", "roller", "roller", "roller", "roolit"]),
        ViewKind::All => pick(
            lang,
            [
                "organisation and steering",
                "organisering og styring",
                "organisation och styrning",
                "organisering og styring",
                "organisaatio ja ohjaus",
            ],
        ),
    }
}

/// Extra width and height a shape needs around a text box.
fn shape_room(kind: Option<ActorKind>) -> (f64, f64) {
    match kind {
        Some(ActorKind::Association | ActorKind::AuditOffice) => (22.0, 4.0),
        Some(ActorKind::Government | ActorKind::Parliament) => (10.0, 6.0),
        Some(ActorKind::Company | ActorKind::Programme) => (14.0, 0.0),
        Some(ActorKind::Collective | ActorKind::Municipality | ActorKind::Region) => (4.0, 6.0),
        None => (10.0, 2.0),
        _ => (0.0, 0.0),
    }
}

/// A node's label lines and box size.
fn measure(n: &ViewNode) -> (Vec<String>, f64, f64) {
    let mut lines = wrap(&n.label, WRAP[0], FONT);
    if lines.len() > 4 {
        lines = wrap(&n.label, WRAP[1], FONT);
    }
    if lines.len() > MAX_LINES {
        lines.truncate(MAX_LINES);
        if let Some(last) = lines.last_mut() {
            last.push_str(" …");
        }
    }
    let text_w = lines.iter().map(|l| text_width(l, FONT)).fold(0.0, f64::max);
    let (dw, dh) = shape_room(n.kind);
    let w = (text_w + 2.0 * PAD_X + dw).max(44.0);
    let h = lines.len() as f64 * LINE + 2.0 * PAD_Y + dh;
    (lines, w.ceil(), h.ceil())
}

/// A block of placed nodes, positions relative to its top left.
#[derive(Debug, Clone, Default)]
struct Block {
    w: f64,
    h: f64,
    at: Vec<(usize, f64, f64)>,
}

impl Block {
    fn shifted(&self, dx: f64, dy: f64) -> impl Iterator<Item = (usize, f64, f64)> + '_ {
        self.at.iter().map(move |(i, x, y)| (*i, x + dx, y + dy))
    }
}

/// Lays blocks left to right in rows no wider than `max_w` (a wider block takes a row alone);
/// returns the rows' placement and the total size.
fn shelve(blocks: &[Block], max_w: f64, gap_x: f64, gap_y: f64) -> Block {
    let mut out = Block::default();
    let (mut x, mut y, mut row_h) = (0.0_f64, 0.0_f64, 0.0_f64);
    for b in blocks {
        if x > 0.0 && x + b.w > max_w {
            y += row_h + gap_y;
            x = 0.0;
            row_h = 0.0;
        }
        out.at.extend(b.shifted(x, y));
        x += b.w + gap_x;
        row_h = row_h.max(b.h);
        out.w = out.w.max(x - gap_x);
    }
    out.h = y + row_h;
    out
}

struct Sizes {
    size: Vec<(f64, f64)>,
    children: BTreeMap<usize, Vec<usize>>,
}

impl Sizes {
    /// The organisation chart under node `i`, its rows no wider than `max_w`.
    fn chart(&self, i: usize, max_w: f64) -> Block {
        let (w, h) = self.size.get(i).copied().unwrap_or((0.0, 0.0));
        let kids = self.children.get(&i).map(Vec::as_slice).unwrap_or_default();
        if kids.is_empty() {
            return Block { w, h, at: vec![(i, w / 2.0, h / 2.0)] };
        }
        let leaves = kids.iter().all(|k| !self.children.contains_key(k));
        let below = if leaves && kids.len() >= 3 {
            // Childless bodies stack in columns of up to four.
            let per_column = kids.len().div_ceil(kids.len().div_ceil(4));
            let columns: Vec<Block> = kids
                .chunks(per_column)
                .map(|column| {
                    let mut b = Block::default();
                    for k in column {
                        let (kw, kh) = self.size.get(*k).copied().unwrap_or((0.0, 0.0));
                        b.at.push((*k, kw / 2.0, b.h + kh / 2.0));
                        b.h += kh + STACK_GAP;
                        b.w = b.w.max(kw);
                    }
                    b.h -= STACK_GAP;
                    // Centre the column's nodes on its widest.
                    let bw = b.w;
                    let at = b.at.iter().map(|(k, _, y)| (*k, bw / 2.0, *y)).collect();
                    Block { at, ..b }
                })
                .collect();
            shelve(&columns, max_w, H_GAP, V_GAP)
        } else {
            let blocks: Vec<Block> = kids.iter().map(|k| self.chart(*k, max_w)).collect();
            shelve(&blocks, max_w, H_GAP, V_GAP)
        };
        let width = w.max(below.w);
        let mut at = vec![(i, width / 2.0, h / 2.0)];
        at.extend(below.shifted((width - below.w) / 2.0, h + V_GAP));
        Block { w: width, h: h + V_GAP + below.h, at }
    }
}

/// Places `v` for a slide, in `lang`.
pub fn layout(v: &GraphView, lang: Lang) -> Layout {
    let index: BTreeMap<&str, usize> = v.nodes.iter().enumerate().map(|(i, n)| (n.id.as_str(), i)).collect();
    let mut measured: Vec<(Vec<String>, f64, f64)> = v.nodes.iter().map(measure).collect();
    // Role cells all as wide as the widest, so they form columns.
    let cell_w = v.nodes.iter().zip(&measured).filter(|(n, _)| n.kind.is_none()).map(|(_, m)| m.1).fold(0.0, f64::max);
    for (n, m) in v.nodes.iter().zip(measured.iter_mut()) {
        if n.kind.is_none() {
            m.1 = cell_w;
        }
    }
    let mut children: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut roots: BTreeMap<Level, Vec<usize>> = BTreeMap::new();
    for (i, n) in v.nodes.iter().enumerate() {
        match n
            .parent
            .as_deref()
            .and_then(|p| index.get(p))
            .filter(|p| v.nodes.get(**p).is_some_and(|p| p.level == n.level))
        {
            Some(p) => children.entry(*p).or_default().push(i),
            None => roots.entry(n.level).or_default().push(i),
        }
    }
    // Folded bodies last among their siblings, otherwise by id (the view's order).
    // Role cells first, in the framework's order (they line up as the matrix's columns), then
    // actors by id, folded bodies last.
    let role_of = |n: &ViewNode| n.kind.is_none().then(|| n.id.rsplit('_').next().and_then(Role::from_key)).flatten();
    let order = |list: &mut Vec<usize>| {
        list.sort_by_key(|i| {
            v.nodes.get(*i).map(|n| (role_of(n).is_none(), role_of(n), fold_head(&n.id).is_some(), n.id.clone()))
        });
    };
    children.values_mut().for_each(order);
    roots.values_mut().for_each(order);
    let sizes = Sizes { size: measured.iter().map(|(_, w, h)| (*w, *h)).collect(), children };
    let links = links(v, lang);
    let legend = legend_entries(v, &links, lang);
    let title_text = format!("{}: {}", v.title, view_word(v.kind, lang));
    let title_w = text_width(&title_text, TITLE_FONT);
    let widest = sizes.size.iter().map(|(w, _)| *w).fold(0.0, f64::max);
    // Try row widths from the widest node up; keep the placement the slide shows largest.
    let mut best: Option<(f64, Layout)> = None;
    let mut max_w = widest.max(240.0);
    while max_w <= 4000.0 {
        for legend_right in [true, false] {
            let l = place(v, &sizes, &measured, &roots, max_w, legend_right, &legend, &title_text, title_w, lang);
            let scale = l.slide_scale();
            if best.as_ref().is_none_or(|(s, _)| scale > *s + 1e-9) {
                best = Some((scale, l));
            }
        }
        max_w += 40.0;
    }
    let mut l = best
        .map(|(_, l)| l)
        .unwrap_or_else(|| place(v, &sizes, &measured, &roots, 1000.0, true, &legend, &title_text, title_w, lang));
    l.links = links;
    l
}

/// One placement: bands of charts in rows no wider than `max_w`, the legend to the right or
/// below.
#[allow(clippy::too_many_arguments)]
fn place(
    v: &GraphView,
    sizes: &Sizes,
    measured: &[(Vec<String>, f64, f64)],
    roots: &BTreeMap<Level, Vec<usize>>,
    max_w: f64,
    legend_right: bool,
    legend: &[(Sample, String)],
    title_text: &str,
    title_w: f64,
    lang: Lang,
) -> Layout {
    let top = MARGIN + TITLE_FONT + 8.0;
    let mut y = top;
    let mut bands = Vec::new();
    let mut nodes = Vec::new();
    let mut content_w: f64 = title_w;
    for (level, list) in roots {
        let charts: Vec<Block> = list.iter().map(|i| sizes.chart(*i, max_w)).collect();
        let body = shelve(&charts, max_w, H_GAP, V_GAP);
        let label_w = text_width(&crate::render::sentences::capital(level.label(lang)), BAND_FONT);
        content_w = content_w.max(body.w).max(label_w);
        let band_top = y;
        let body_top = band_top + BAND_HEAD;
        for (i, x, cy) in body.at.iter().copied() {
            let (Some(n), Some((lines, w, h))) = (v.nodes.get(i), measured.get(i)) else { continue };
            nodes.push(Placed {
                id: n.id.clone(),
                rect: Rect { x: MARGIN + 6.0 + x - w / 2.0, y: body_top + cy - h / 2.0, w: *w, h: *h },
                lines: lines.clone(),
                kind: n.kind,
                central: n.central,
                change: n.change,
                tooltip: tooltip(n, lang),
            });
        }
        let band_h = BAND_HEAD + body.h + 8.0;
        bands.push(Band {
            rect: Rect { x: MARGIN, y: band_top, w: 0.0, h: band_h },
            label: Text {
                text: crate::render::sentences::capital(level.label(lang)),
                x: MARGIN + 5.0,
                y: band_top + BAND_FONT + 2.0,
                anchor: Anchor::Start,
                size: BAND_FONT,
                colour: "#666666",
            },
        });
        y += band_h + BAND_GAP;
    }
    let bands_w = content_w + 12.0;
    let bands_bottom = y - BAND_GAP;
    for b in &mut bands {
        b.rect.w = bands_w;
    }
    // The legend: one column to the right of the bands, or rows below them.
    let entry_w = |text: &str| LEGEND_SAMPLE + 6.0 + text_width(text, FONT) + 14.0;
    let (legend_rect, items) = if legend.is_empty() {
        (Rect { x: MARGIN, y: bands_bottom, w: 0.0, h: 0.0 }, Vec::new())
    } else if legend_right {
        let x0 = MARGIN + bands_w + 16.0;
        let w = legend.iter().map(|(_, t)| entry_w(t)).fold(0.0, f64::max) + 12.0;
        let items = legend_rows(legend, x0 + 6.0, top + 6.0, w, &entry_w);
        let h = items.last().map_or(0.0, |i| i.at.y + LEGEND_ROW - top) + 6.0;
        (Rect { x: x0, y: top, w, h }, items)
    } else {
        let y0 = bands_bottom + 12.0;
        let w = bands_w.max(legend.iter().map(|(_, t)| entry_w(t)).fold(0.0, f64::max) + 12.0);
        let items = legend_rows(legend, MARGIN + 6.0, y0 + 6.0, w - 12.0, &entry_w);
        let h = items.last().map_or(0.0, |i| i.at.y + LEGEND_ROW - y0) + 6.0;
        (Rect { x: MARGIN, y: y0, w, h }, items)
    };
    let width = (legend_rect.x + legend_rect.w).max(MARGIN + bands_w) + MARGIN;
    let height = (legend_rect.y + legend_rect.h).max(bands_bottom) + MARGIN;
    Layout {
        width: width.ceil(),
        height: height.ceil(),
        title: Text {
            text: title_text.to_string(),
            x: MARGIN,
            y: MARGIN + TITLE_FONT,
            anchor: Anchor::Start,
            size: TITLE_FONT,
            colour: "#222222",
        },
        bands,
        nodes,
        links: Vec::new(),
        legend: legend_rect,
        legend_items: items,
    }
}

/// What a pointer over a node says.
fn tooltip(n: &ViewNode, lang: Lang) -> String {
    let mut t = n.label.replace('\n', " ");
    match n.kind {
        Some(k) if fold_head(&n.id).is_none() => {
            t.push_str(&format!(" ({}, {})", k.label(lang), n.level.label(lang)));
        }
        _ => {}
    }
    if !n.folded.is_empty() {
        let names: Vec<&str> = n.folded.iter().map(|m| m.label.as_str()).collect();
        t.push_str(&format!(": {}", names.join("; ")));
    }
    t
}

/// A strand with whether it runs from the first of its pair to the second, and its change.
type DirectedStrand = (bool, Strand, Option<Change>);

/// The view's edges merged to one link per pair of nodes.
fn links(v: &GraphView, lang: Lang) -> Vec<Link> {
    let label: BTreeMap<&str, &str> = v.nodes.iter().map(|n| (n.id.as_str(), n.label.as_str())).collect();
    let name = |id: &str| label.get(id).map_or(id.to_string(), |l| l.replace('\n', " "));
    // Keyed by the unordered pair; each strand keeps its own direction.
    let mut pairs: BTreeMap<(String, String), Vec<DirectedStrand>> = BTreeMap::new();
    for e in &v.edges {
        // A parent link runs from the parent down, like the chart.
        let (from, to, strand) = match e.kind {
            ViewEdgeKind::Relation(r) if r.is_hierarchical() => (&e.to, &e.from, Strand::Parent(r)),
            ViewEdgeKind::Relation(r) => (&e.from, &e.to, Strand::Relation(r)),
            ViewEdgeKind::Steering(role, i) => (&e.from, &e.to, Strand::Steering(role, i)),
            ViewEdgeKind::Holds => (&e.from, &e.to, Strand::Holds),
        };
        let forward = from <= to;
        let key = if forward { (from.clone(), to.clone()) } else { (to.clone(), from.clone()) };
        pairs.entry(key).or_default().push((forward, strand, e.change));
    }
    pairs
        .into_iter()
        .map(|((a, b), mut strands)| {
            strands.sort_by_key(|(fwd, s, _)| (*s, !*fwd));
            strands.dedup_by_key(|(fwd, s, _)| (*fwd, *s));
            // The link points the way its strongest strand does.
            let forward = strands.first().is_none_or(|(f, _, _)| *f);
            let (from, to) = if forward { (a, b) } else { (b, a) };
            let both_ways = strands.iter().any(|(f, s, _)| matches!(s, Strand::Steering(..)) && *f != forward);
            let changes: BTreeSet<Option<Change>> = strands.iter().map(|(_, _, c)| *c).collect();
            let change = match changes.len() {
                1 => changes.into_iter().next().flatten(),
                _ => Some(Change::Changed),
            };
            let words: Vec<String> = strands
                .iter()
                .map(|(f, s, _)| {
                    let (x, y) = if *f == forward { (name(&from), name(&to)) } else { (name(&to), name(&from)) };
                    match s {
                        Strand::Steering(role, i) => {
                            format!("{x} → {y}: {} ({} {})", role.label(lang), i.strength(), i.label(lang))
                        }
                        Strand::Parent(r) => format!("{y} {} {x}", r.label(lang)),
                        Strand::Relation(r) => format!("{x} {} {y}", r.label(lang)),
                        Strand::Holds => format!("{x}: {y}"),
                    }
                })
                .collect();
            Link {
                from,
                to,
                strands: strands.iter().map(|(_, s, _)| *s).collect(),
                both_ways,
                change,
                tooltip: words.join("\n"),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::view::ViewEdge;

    fn node(id: &str, label: &str, level: Level, parent: Option<&str>) -> ViewNode {
        ViewNode {
            id: id.into(),
            label: label.into(),
            kind: Some(if parent.is_some() { ActorKind::Agency } else { ActorKind::Ministry }),
            level,
            central: false,
            parent: parent.map(Into::into),
            prominent: true,
            folded: Vec::new(),
            change: None,
        }
    }

    fn overlap(a: &Rect, b: &Rect) -> bool {
        a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
    }

    /// A ministry with six childless agencies, one with bodies of its own, twelve ministries at
    /// the top of the state level and a local actor steered from above.
    fn sample() -> GraphView {
        let mut nodes = vec![node("min", "Ministry of Finance", Level::State, None)];
        for i in 0..6 {
            nodes.push(node(&format!("a{i}"), &format!("Agency number {i} for Something"), Level::State, Some("min")));
        }
        for i in 0..12 {
            nodes.push(node(&format!("m{i:02}"), &format!("Ministry of Affairs {i}"), Level::State, None));
        }
        nodes.push(node("b1", "Body under m00", Level::State, Some("m00")));
        nodes.push(node("loc", "The municipalities", Level::Local, None));
        let edges = vec![ViewEdge {
            from: "min".into(),
            to: "loc".into(),
            kind: ViewEdgeKind::Steering(Role::Strategy, Instrument::Direct),
            change: None,
        }];
        GraphView { country: "xx".into(), title: "X".into(), kind: ViewKind::All, nodes, edges }
    }

    #[test]
    fn nodes_bands_and_legend_never_overlap_and_bodies_sit_under_their_head() {
        let l = layout(&sample(), Lang::En);
        for (i, a) in l.nodes.iter().enumerate() {
            for b in l.nodes.iter().skip(i + 1) {
                assert!(!overlap(&a.rect, &b.rect), "{} and {} overlap", a.id, b.id);
            }
            assert!(!overlap(&a.rect, &l.legend), "{} is under the legend", a.id);
            let band = l.bands.iter().find(|b| overlap(&b.rect, &a.rect)).expect("in a band");
            assert!(a.rect.y >= band.rect.y && a.rect.y + a.rect.h <= band.rect.y + band.rect.h, "{}", a.id);
        }
        let at = |id: &str| l.node(id).unwrap().rect;
        for i in 0..6 {
            assert!(at(&format!("a{i}")).y > at("min").y + at("min").h, "a{i} is not under its ministry");
        }
        // Six childless agencies stack in two columns of three, not one row of six.
        let xs: BTreeSet<i64> = (0..6).map(|i| at(&format!("a{i}")).x as i64).collect();
        assert_eq!(xs.len(), 2, "{xs:?}");
        // One link with its steering strand; the legend names the role and the instrument.
        assert_eq!(l.links.len(), 1);
        assert_eq!(l.links[0].strands, [Strand::Steering(Role::Strategy, Instrument::Direct)]);
        let words: Vec<&str> = l.legend_items.iter().map(|i| i.label.text.as_str()).collect();
        assert!(words.contains(&"strategy") && words.contains(&"2 direct determination"), "{words:?}");
        // Placed for the slide: wider than tall, legible when fitted.
        assert!(l.width > l.height && l.slide_scale() > 1.0, "{} x {}", l.width, l.height);
    }

    #[test]
    fn parallel_edges_merge_into_one_link_per_pair() {
        let mut v = sample();
        v.edges.push(ViewEdge {
            from: "min".into(),
            to: "loc".into(),
            kind: ViewEdgeKind::Steering(Role::Coordination, Instrument::Guidance),
            change: None,
        });
        v.edges.push(ViewEdge {
            from: "loc".into(),
            to: "min".into(),
            kind: ViewEdgeKind::Relation(RelationType::MemberOf),
            change: Some(Change::Added),
        });
        let l = layout(&v, Lang::En);
        assert_eq!(l.links.len(), 1);
        let link = &l.links[0];
        assert_eq!((link.from.as_str(), link.to.as_str()), ("min", "loc"));
        assert_eq!(link.strands.len(), 3);
        assert_eq!(link.strongest(), Some(Instrument::Direct));
        assert_eq!(link.change, Some(Change::Changed));
        assert_eq!(link.tooltip.lines().count(), 3, "{}", link.tooltip);
    }
}
