//! The graph view: what a diagram shows, chosen from the actor graph (which actors and edges,
//! each actor with its level and parent), before any layout or format is decided. [`super::fold`]
//! folds a view too large for a slide; `render::layout` places it, and `render::dot` and
//! `render::svg` draw the placement.

use std::collections::{BTreeSet, VecDeque};

use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde::Serialize;

use super::{ActorGraph, EdgeKind};
use crate::model::*;

/// Which diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum ViewKind {
    /// The organisation: parent links and relations.
    Org,
    /// Steering edges only (with the actors they connect).
    Steering,
    /// Which actors hold which role cells.
    Roles,
    /// Organisation and steering together.
    All,
}

/// How to cut the view.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewOptions {
    /// Which diagram.
    pub kind: ViewKind,
    /// Only actors at this level.
    pub level: Option<Level>,
    /// Only the neighbourhood of this actor...
    pub focus: Option<ActorId>,
    /// ...within this many edges (either direction).
    pub depth: usize,
    /// Only steering of this strength or stronger (1-5).
    pub instrument_max: u8,
    /// Language of labels.
    pub lang: Lang,
}

/// A node of the view: an actor, a role cell (in the roles view), or, once folded, the actors a
/// fold hides.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ViewNode {
    /// Stable id (an actor id, `cell_<level>_<role>`, or `fold:<head>` for folded actors).
    pub id: String,
    /// The label shown: the actor's name in the view's language.
    pub label: String,
    /// The actor's kind; `None` for a role cell.
    pub kind: Option<ActorKind>,
    /// The level band the node sits in.
    pub level: Level,
    /// Whether the actor is central.
    pub central: bool,
    /// The actor's parent (an actor id), whether or not the parent is in the view.
    pub parent: Option<String>,
    /// Whether a fold must keep the node visible: the actor is central, holds a role in the
    /// general matrix, steers or is steered, or (in an overlay) changed.
    pub prominent: bool,
    /// The actors folded into this node: beneath it (an actor whose bodies are folded) or
    /// standing for them (a `fold:` node).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub folded: Vec<FoldedActor>,
    /// In an overlay, how the node changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
}

/// An actor a fold hides, named.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct FoldedActor {
    /// The actor's id.
    pub id: String,
    /// Its label.
    pub label: String,
}

/// How a node or edge of an overlay changed between a base and a scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Only in the scenario.
    Added,
    /// Only in the base.
    Removed,
    /// In both, with different attributes.
    Changed,
}

/// What an edge of the view stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ViewEdgeKind {
    /// A relation or parent link.
    Relation(RelationType),
    /// Steering.
    Steering(Role, Instrument),
    /// An actor holds a role cell.
    Holds,
}

/// An edge of the view.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct ViewEdge {
    /// Source node id.
    pub from: String,
    /// Target node id.
    pub to: String,
    /// What it stands for.
    pub kind: ViewEdgeKind,
    /// In an overlay, how the edge changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
}

/// A diagram before layout.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GraphView {
    /// Country code.
    pub country: String,
    /// What the diagram is titled: the country's name in the view's language (a caller may
    /// add the date it shows).
    pub title: String,
    /// Which diagram.
    pub kind: ViewKind,
    /// Nodes, sorted by level and id.
    pub nodes: Vec<ViewNode>,
    /// Edges, sorted.
    pub edges: Vec<ViewEdge>,
}

/// Builds the view of `c` that `o` asks for.
pub fn view(c: &Country, g: &ActorGraph, o: &ViewOptions) -> GraphView {
    // A diagram names actors in full (an abbreviation says little on a slide).
    let label = |a: &Actor| {
        a.name.best(o.lang, c.natives()).map_or_else(|| a.label(o.lang, c.natives()), |(_, n)| n.to_string())
    };
    let keep_edge = |k: &EdgeKind| match (o.kind, k) {
        (ViewKind::Org, EdgeKind::Structural { .. }) | (ViewKind::All, EdgeKind::Structural { .. }) => true,
        (ViewKind::Steering | ViewKind::All, EdgeKind::Steering { instrument, .. }) => {
            instrument.strength() <= o.instrument_max
        }
        _ => false,
    };
    let mut edges: Vec<ViewEdge> = (&g.graph)
        .edge_references()
        .filter(|e| keep_edge(&e.weight().kind))
        .filter_map(|e| {
            let a = g.graph.node_weight(e.source())?;
            let b = g.graph.node_weight(e.target())?;
            let kind = match e.weight().kind {
                EdgeKind::Structural { relation } => ViewEdgeKind::Relation(relation),
                EdgeKind::Steering { role, instrument } => ViewEdgeKind::Steering(role, instrument),
            };
            Some(ViewEdge { from: a.to_string(), to: b.to_string(), kind, change: None })
        })
        .collect();
    // Which actors appear: every actor for org/all, the actors steering touches for steering,
    // the holders for roles; then the level and focus filters.
    let mut actors: BTreeSet<&ActorId> = match o.kind {
        ViewKind::Org | ViewKind::All => c.actors.keys().collect(),
        ViewKind::Steering => {
            let touched: BTreeSet<&str> = edges.iter().flat_map(|e| [e.from.as_str(), e.to.as_str()]).collect();
            c.actors.keys().filter(|id| touched.contains(id.as_str())).collect()
        }
        ViewKind::Roles => c
            .roles
            .iter()
            .filter(|r| r.sector == Sector::General)
            .flat_map(|r| r.holders.iter().map(|h| &h.actor))
            .collect(),
    };
    if let Some(level) = o.level {
        actors.retain(|id| c.actor(id).is_some_and(|a| a.level == level));
    }
    if let Some(focus) = &o.focus {
        let near = neighbourhood(&edges, focus.as_str(), o.depth);
        actors.retain(|id| near.contains(id.as_str()));
    }
    // Who steers, is steered or holds a role: what a fold keeps in sight.
    let mut prominent: BTreeSet<&str> = (&g.graph)
        .edge_references()
        .filter(|e| matches!(e.weight().kind, EdgeKind::Steering { .. }))
        .flat_map(|e| [e.source(), e.target()])
        .filter_map(|n| g.graph.node_weight(n).map(ActorId::as_str))
        .collect();
    prominent.extend(
        c.roles.iter().filter(|r| r.sector == Sector::General).flat_map(|r| r.holders.iter().map(|h| h.actor.as_str())),
    );
    let mut nodes: Vec<ViewNode> = actors
        .iter()
        .filter_map(|id| c.actor(id))
        .map(|a| ViewNode {
            id: a.id.to_string(),
            label: label(a),
            kind: Some(a.kind),
            level: a.level,
            central: a.central,
            parent: a.parent.as_ref().map(|p| p.id.to_string()),
            prominent: a.central || prominent.contains(a.id.as_str()),
            folded: Vec::new(),
            change: None,
        })
        .collect();
    if o.kind == ViewKind::Roles {
        for r in c.roles.iter().filter(|r| r.sector == Sector::General && o.level.is_none_or(|l| l == r.level)) {
            let cell = format!("cell_{}_{}", r.level, r.role);
            for h in r.holders.iter().filter(|h| actors.contains(&h.actor)) {
                edges.push(ViewEdge {
                    from: h.actor.to_string(),
                    to: cell.clone(),
                    kind: ViewEdgeKind::Holds,
                    change: None,
                });
            }
        }
        let cells: BTreeSet<String> =
            edges.iter().filter(|e| e.kind == ViewEdgeKind::Holds).map(|e| e.to.clone()).collect();
        for level in Level::ALL {
            for role in Role::ALL {
                let id = format!("cell_{level}_{role}");
                if cells.contains(&id) {
                    nodes.push(ViewNode {
                        id,
                        // The level is the band the cell is drawn in.
                        label: role.label(o.lang).to_string(),
                        kind: None,
                        level: *level,
                        central: false,
                        parent: None,
                        prominent: true,
                        folded: Vec::new(),
                        change: None,
                    });
                }
            }
        }
    }
    let ids: BTreeSet<&str> = nodes.iter().map(|n| n.id.as_str()).collect();
    edges.retain(|e| ids.contains(e.from.as_str()) && ids.contains(e.to.as_str()));
    edges.sort();
    edges.dedup();
    nodes.sort_by(|a, b| (a.level, &a.id).cmp(&(b.level, &b.id)));
    let title = c.name.best(o.lang, c.natives()).map_or_else(|| c.code.clone(), |(_, n)| n.to_string());
    GraphView { country: c.code.clone(), title, kind: o.kind, nodes, edges }
}

/// Node ids within `depth` edges of `focus`, following edges both ways.
fn neighbourhood(edges: &[ViewEdge], focus: &str, depth: usize) -> BTreeSet<String> {
    let mut seen = BTreeSet::from([focus.to_string()]);
    let mut queue = VecDeque::from([(focus.to_string(), 0)]);
    while let Some((v, d)) = queue.pop_front() {
        if d == depth {
            continue;
        }
        for e in edges {
            let other = if e.from == v {
                &e.to
            } else if e.to == v {
                &e.from
            } else {
                continue;
            };
            if seen.insert(other.clone()) {
                queue.push_back((other.clone(), d + 1));
            }
        }
    }
    seen
}

/// The base view with a scenario's view laid over it: every node and edge of either, marked
/// added (only in the scenario), removed (only in the base) or changed (a node whose label,
/// kind, level, parent or centrality differs). Drawing the union once keeps every base node where
/// the base drawing has it; every node that changed is prominent, so no fold hides it.
pub fn overlay(base: &GraphView, scenario: &GraphView) -> GraphView {
    // Looked up by id and by edge key (the maps only answer lookups: the output order comes from
    // the sorts below).
    let in_scenario: std::collections::HashMap<&str, &ViewNode> =
        scenario.nodes.iter().map(|m| (m.id.as_str(), m)).collect();
    let in_base: std::collections::HashSet<&str> = base.nodes.iter().map(|n| n.id.as_str()).collect();
    let mut nodes: Vec<ViewNode> = Vec::new();
    for n in &base.nodes {
        let found = in_scenario.get(n.id.as_str());
        let change = match found {
            None => Some(Change::Removed),
            Some(m)
                if (m.label.as_str(), m.kind, m.level, &m.parent, m.central)
                    != (n.label.as_str(), n.kind, n.level, &n.parent, n.central) =>
            {
                Some(Change::Changed)
            }
            Some(_) => None,
        };
        // Drawn where the base has it (its level and parent), with the scenario's label.
        let mut shown = n.clone();
        if let Some(m) = found {
            shown.label = m.label.clone();
            shown.prominent |= m.prominent;
        }
        shown.change = change;
        shown.prominent |= change.is_some();
        nodes.push(shown);
    }
    for m in scenario.nodes.iter().filter(|m| !in_base.contains(m.id.as_str())) {
        nodes.push(ViewNode { change: Some(Change::Added), prominent: true, ..m.clone() });
    }
    fn key(e: &ViewEdge) -> (&str, &str, ViewEdgeKind) {
        (e.from.as_str(), e.to.as_str(), e.kind)
    }
    let base_keys: std::collections::BTreeSet<_> = base.edges.iter().map(key).collect();
    let scenario_keys: std::collections::BTreeSet<_> = scenario.edges.iter().map(key).collect();
    let mut edges: Vec<ViewEdge> = base
        .edges
        .iter()
        .map(|e| ViewEdge { change: (!scenario_keys.contains(&key(e))).then_some(Change::Removed), ..e.clone() })
        .collect();
    edges.extend(
        scenario
            .edges
            .iter()
            .filter(|f| !base_keys.contains(&key(f)))
            .map(|f| ViewEdge { change: Some(Change::Added), ..f.clone() }),
    );
    edges.sort();
    // An edge that changed keeps both its ends in sight.
    let touched: BTreeSet<&str> =
        edges.iter().filter(|e| e.change.is_some()).flat_map(|e| [e.from.as_str(), e.to.as_str()]).collect();
    for n in &mut nodes {
        n.prominent |= touched.contains(n.id.as_str());
    }
    nodes.sort_by(|a, b| (a.level, &a.id).cmp(&(b.level, &b.id)));
    GraphView { country: base.country.clone(), title: base.title.clone(), kind: base.kind, nodes, edges }
}
