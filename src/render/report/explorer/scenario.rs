//! Scenarios in the explorer: each as an overlay of its result on its base, every node and edge
//! marked with how it changed, so the page can lay it over the graph.

use serde::Serialize;

use super::data::ParentData;
use super::ScenarioInput;
use crate::graph;
use crate::graph::view::{overlay, view, Change, GraphView, ViewEdgeKind, ViewKind, ViewOptions};
use crate::model::*;
use crate::render::words::Word;

/// A scenario as an overlay on its base: every node and edge of either, marked.
#[derive(Debug, Clone, Serialize)]
pub struct ScenarioData {
    /// The key the hash uses (`fin_centre`).
    pub key: String,
    /// The scenario's name.
    pub name: String,
    /// Its report page.
    pub page: String,
    /// The base's date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The nodes.
    pub nodes: Vec<OverlayNode>,
    /// The edges.
    pub edges: Vec<OverlayEdge>,
}

/// A node of an overlay.
#[derive(Debug, Clone, Serialize)]
pub struct OverlayNode {
    /// The actor id.
    pub id: String,
    /// Its label in the scenario (else the base).
    pub label: String,
    /// Kind (key).
    pub kind: &'static str,
    /// Level (key).
    pub level: &'static str,
    /// Whether it is central.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub central: bool,
    /// Its parent in the scenario (else the base).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<ParentData>,
    /// Its parent in the base, when the scenario gives it another.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub was: Option<String>,
    /// How it changed (key), if it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<&'static str>,
}

/// An edge of an overlay: a relation (`rel`) or steering (`role`, `instrument`).
#[derive(Debug, Clone, Serialize)]
pub struct OverlayEdge {
    /// Source actor.
    pub source: String,
    /// Target actor.
    pub target: String,
    /// The relation (key).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rel: Option<&'static str>,
    /// The role (key).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'static str>,
    /// The instrument (key).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instrument: Option<&'static str>,
    /// How it changed (key), if it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<&'static str>,
}

/// The hash key of a scenario: its page name without `scenario-<country>-` and `.html`.
pub(super) fn scenario_key(page: &str, code: &str) -> String {
    let stem = page.strip_suffix(".html").unwrap_or(page);
    stem.strip_prefix(&format!("scenario-{code}-")).unwrap_or(stem).to_string()
}

/// How an overlay's node or edge changed, as the page keys it.
pub(super) fn change_key(c: Option<Change>) -> Option<&'static str> {
    c.map(|c| match c {
        Change::Added => "added",
        Change::Removed => "removed",
        Change::Changed => "changed",
    })
}

pub(super) fn scenario(s: &ScenarioInput<'_>, lang: Lang) -> ScenarioData {
    let opts = ViewOptions { kind: ViewKind::All, level: None, focus: None, depth: 1, instrument_max: 5, lang };
    let side = |c: &Country| -> GraphView { view(c, &graph::build(c), &opts) };
    let v = overlay(&side(s.base), &side(s.result));
    let parent = |c: &Country, id: &str| c.actor(&ActorId::new(id)).and_then(|a| a.parent.clone());
    let nodes = v
        .nodes
        .iter()
        .map(|n| {
            let (now, before) = (parent(s.result, &n.id), parent(s.base, &n.id));
            let in_result = s.result.actor(&ActorId::new(&n.id)).is_some();
            let shown = if in_result { now.clone() } else { before.clone() };
            let was = match (&now, &before) {
                (Some(a), Some(b)) if a != b && in_result => Some(b.id.to_string()),
                _ => None,
            };
            OverlayNode {
                id: n.id.clone(),
                label: n.label.clone(),
                kind: n.kind.map_or("placeholder", ActorKind::key),
                level: n.level.key(),
                central: n.central,
                parent: shown.map(|p| ParentData { id: p.id.to_string(), rel: p.relation.key() }),
                was,
                change: change_key(n.change),
            }
        })
        .collect();
    let edges = v
        .edges
        .iter()
        .map(|e| {
            let (rel, role, instrument) = match e.kind {
                ViewEdgeKind::Relation(r) => (Some(r.key()), None, None),
                ViewEdgeKind::Steering(r, i) => (None, Some(r.key()), Some(i.key())),
                ViewEdgeKind::Holds => (None, None, None),
            };
            OverlayEdge {
                source: e.from.clone(),
                target: e.to.clone(),
                rel,
                role,
                instrument,
                change: change_key(e.change),
            }
        })
        .collect();
    ScenarioData {
        key: scenario_key(s.page, &s.base.code),
        name: s.name.to_string(),
        page: s.page.to_string(),
        date: s.date.map(|d| d.to_string()),
        nodes,
        edges,
    }
}

/// The word for a change in the overlay's legend.
pub(super) fn change_word(c: Change) -> Word {
    match c {
        Change::Added => Word::Added,
        Change::Removed => Word::Removed,
        Change::Changed => Word::Changed,
    }
}
