//! How diagrams look, shared by the Graphviz and built-in renderers and the explorer: a node's
//! shape and fill by actor kind, a line's colour by role and weight and dashes by instrument,
//! an overlay's colours.

use crate::graph::view::Change;
use crate::model::RelationType;
use crate::model::{ActorKind, Instrument, Role};
use crate::render::layout::{Link, Rect, Sample, Strand};

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

/// The Graphviz shape and extra style of a node of `kind`: boxes where a box holds wrapped text
/// best (councils and forums rounded, units dashed), other shapes where they say more.
pub fn shape(kind: Option<ActorKind>) -> (&'static str, &'static str) {
    match kind {
        None => ("note", ""),
        Some(k) => match k {
            ActorKind::Government | ActorKind::Parliament => ("box", "bold"),
            ActorKind::Council | ActorKind::Forum => ("box", "rounded"),
            ActorKind::Unit | ActorKind::Secretariat | ActorKind::Placeholder => ("box", "dashed"),
            ActorKind::Association => ("hexagon", ""),
            ActorKind::AuditOffice => ("octagon", ""),
            ActorKind::Company => ("component", ""),
            ActorKind::Programme => ("cds", ""),
            ActorKind::Collective | ActorKind::Municipality | ActorKind::Region => ("folder", ""),
            ActorKind::Ministry | ActorKind::Agency => ("box", ""),
        },
    }
}

/// The colour of a strand.
pub fn strand_colour(s: Strand) -> &'static str {
    match s {
        Strand::Steering(role, _) => role_colour(role),
        Strand::Parent(_) => "#555555",
        Strand::Relation(_) => "#999999",
        Strand::Holds => "#B8860B",
    }
}

/// Pen width and line style of a link: its strongest steering's, else a parent link's solid
/// line or a relation's dashes.
pub fn link_style(l: &Link) -> (&'static str, &'static str) {
    match l.strongest() {
        Some(i) => instrument_style(i),
        None if l.strands.iter().any(|s| matches!(s, Strand::Parent(_) | Strand::Holds)) => ("1.2", "solid"),
        None => ("1.0", "dashed"),
    }
}

/// Width, dashes and colour of a legend entry's line sample (`None` for a node sample).
pub fn sample_line(s: Sample) -> (&'static str, &'static str, &'static str) {
    match s {
        Sample::Instrument(i) => {
            let (w, style) = instrument_style(i);
            (w, style, "#444444")
        }
        Sample::Role(r) => ("2.5", "solid", role_colour(r)),
        Sample::Parent => ("1.2", "solid", strand_colour(Strand::Parent(RelationType::ReportsTo))),
        _ => ("1.0", "dashed", strand_colour(Strand::Relation(RelationType::MemberOf))),
    }
}

/// The outline of a node of `kind` in `r` as a polygon (corners clockwise from the top left; a
/// rounded box as its plain box).
pub fn outline(kind: Option<ActorKind>, r: Rect) -> Vec<(f64, f64)> {
    let (x0, y0, x1, y1) = (r.x, r.y, r.x + r.w, r.y + r.h);
    match shape(kind).0 {
        "hexagon" => {
            let d = 10.0_f64.min(r.w / 4.0);
            let ym = y0 + r.h / 2.0;
            vec![(x0 + d, y0), (x1 - d, y0), (x1, ym), (x1 - d, y1), (x0 + d, y1), (x0, ym)]
        }
        "octagon" => {
            let d = 8.0_f64.min(r.h / 3.0);
            vec![
                (x0 + d, y0),
                (x1 - d, y0),
                (x1, y0 + d),
                (x1, y1 - d),
                (x1 - d, y1),
                (x0 + d, y1),
                (x0, y1 - d),
                (x0, y0 + d),
            ]
        }
        "cds" => vec![(x0, y0), (x1 - 8.0, y0), (x1, y0 + r.h / 2.0), (x1 - 8.0, y1), (x0, y1)],
        "note" => vec![(x0, y0), (x1 - 6.0, y0), (x1, y0 + 6.0), (x1, y1), (x0, y1)],
        "folder" => vec![
            (x0, y0 + 4.0),
            (x0 + 4.0, y0),
            (x0 + 20.0, y0),
            (x0 + 24.0, y0 + 4.0),
            (x1, y0 + 4.0),
            (x1, y1),
            (x0, y1),
        ],
        _ => vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1)],
    }
}
