//! A diagram's legend: an entry for every kind of node, line and change the diagram shows, in
//! rows that fit the room the layout gives it.

use std::collections::BTreeSet;

use super::layout::{Anchor, Link, Rect, Strand, Text, FONT};
use super::style::{node_style, shape};
use super::words::Word;
use crate::graph::view::{Change, GraphView};
use crate::model::{ActorKind, Instrument, Labelled, Lang, Role};

/// Height of a legend row.
pub const LEGEND_ROW: f64 = 16.0;
/// Width of a legend entry's sample.
pub const LEGEND_SAMPLE: f64 = 26.0;

/// What a legend entry shows beside its words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Sample {
    /// A node of this kind (`None`: a role cell).
    Node(Option<ActorKind>),
    /// A node with the central unit's border.
    Central,
    /// A node with an overlay change's border.
    Change(Change),
    /// A steering line of this instrument.
    Instrument(Instrument),
    /// A line in a role's colour.
    Role(Role),
    /// A parent link.
    Parent,
    /// Another relation.
    Relation,
}

/// A legend entry.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    /// What it shows.
    pub sample: Sample,
    /// Where the sample goes.
    pub at: Rect,
    /// Its words.
    pub label: Text,
}

/// Legend entries in rows: as many per row as fit `width`, from (`x0`, `y0`).
pub(super) fn legend_rows(
    legend: &[(Sample, String)],
    x0: f64,
    y0: f64,
    width: f64,
    entry_w: &dyn Fn(&str) -> f64,
) -> Vec<LegendItem> {
    let mut items = Vec::new();
    let (mut x, mut y) = (x0, y0);
    for (sample, text) in legend {
        let w = entry_w(text);
        if x > x0 && x + w > x0 + width {
            x = x0;
            y += LEGEND_ROW;
        }
        items.push(LegendItem {
            sample: *sample,
            at: Rect { x, y: y + 2.0, w: LEGEND_SAMPLE, h: LEGEND_ROW - 4.0 },
            label: Text {
                text: text.clone(),
                x: x + LEGEND_SAMPLE + 6.0,
                y: y + LEGEND_ROW / 2.0 + FONT * 0.35,
                anchor: Anchor::Start,
                size: FONT,
                colour: "#333333",
            },
        });
        x += w;
    }
    items
}

/// The legend's entries for what the view shows.
pub(super) fn legend_entries(v: &GraphView, links: &[Link], lang: Lang) -> Vec<(Sample, String)> {
    let mut out = Vec::new();
    // Kinds drawn alike share one entry ("council, forum").
    let kinds: BTreeSet<Option<ActorKind>> = v.nodes.iter().map(|n| n.kind).collect();
    let mut alike: Vec<(Option<ActorKind>, Vec<&str>)> = Vec::new();
    for k in kinds {
        let word = k.map_or(Word::RoleCell.label(lang), |k| k.label(lang));
        let look = |k: Option<ActorKind>| (shape(k), node_style(k).1);
        match alike.iter_mut().find(|(first, _)| look(*first) == look(k)) {
            Some((_, words)) => words.push(word),
            None => alike.push((k, vec![word])),
        }
    }
    out.extend(alike.into_iter().map(|(k, words)| (Sample::Node(k), words.join(", "))));
    if v.nodes.iter().any(|n| n.central) {
        out.push((Sample::Central, Word::CentralUnit.label(lang).to_string()));
    }
    let strands: BTreeSet<Strand> = links.iter().flat_map(|l| l.strands.iter().copied()).collect();
    if strands.iter().any(|s| matches!(s, Strand::Parent(_))) {
        out.push((Sample::Parent, Word::UnderParent.label(lang).to_string()));
    }
    if strands.iter().any(|s| matches!(s, Strand::Relation(_))) {
        out.push((Sample::Relation, Word::OtherRelation.label(lang).to_string()));
    }
    let steering: Vec<(Role, Instrument)> = strands
        .iter()
        .filter_map(|s| match s {
            Strand::Steering(r, i) => Some((*r, *i)),
            _ => None,
        })
        .collect();
    if !steering.is_empty() {
        let roles: BTreeSet<Role> = steering.iter().map(|(r, _)| *r).collect();
        for r in roles {
            out.push((Sample::Role(r), r.label(lang).to_string()));
        }
        let instruments: BTreeSet<Instrument> = steering.iter().map(|(_, i)| *i).collect();
        for i in instruments {
            out.push((Sample::Instrument(i), format!("{} {}", i.strength(), i.label(lang))));
        }
    }
    let changes: BTreeSet<Change> =
        v.nodes.iter().filter_map(|n| n.change).chain(links.iter().filter_map(|l| l.change)).collect();
    for c in changes {
        let word = match c {
            Change::Added => Word::Added,
            Change::Removed => Word::Removed,
            Change::Changed => Word::HasChanged,
        };
        out.push((Sample::Change(c), word.label(lang).to_string()));
    }
    out
}
