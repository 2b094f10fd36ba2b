//! The actor graph: one node per actor, typed edges for every relation and parent link, and
//! steering edges from operational steering.
//!
//! Nodes are added in id order into a `StableDiGraph`, so node indices are stable for a given
//! model and stay valid when a scenario removes an actor; every node carries its [`ActorId`], so
//! two graphs (two countries, a model and a scenario) compare node by node.
//!
//! A steering edge runs from the slide's actor to each target of a used cell: the cell's target
//! actors, and the collective actors (kind `collective`) at its target levels. Its weight is
//! [`steering_weight`], the one place where instrument strength becomes a graph weight.

use std::collections::BTreeMap;

use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde::Serialize;

use crate::model::*;

pub mod fold;
pub mod view;

/// What an edge stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "layer", rename_all = "snake_case")]
pub enum EdgeKind {
    /// A relation or parent link (`from <type> to`).
    Structural {
        /// The relation type.
        relation: RelationType,
    },
    /// Steering from an operational steering slide.
    Steering {
        /// The role the steering serves.
        role: Role,
        /// The instrument used.
        instrument: Instrument,
    },
}

impl EdgeKind {
    /// The edge's layer name: `structural` or `steering`.
    pub fn layer(&self) -> &'static str {
        match self {
            EdgeKind::Structural { .. } => "structural",
            EdgeKind::Steering { .. } => "steering",
        }
    }
}

/// An edge of the actor graph.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GraphEdge {
    /// What it stands for.
    pub kind: EdgeKind,
    /// Its length for weighted metrics (see [`steering_weight`]).
    pub weight: f64,
}

/// The weight of a steering edge: the instrument's strength, 1 (economic) to 5 (guidance), used
/// as a distance, so that weighted shortest paths prefer strong steering. Structural edges weigh
/// 1, like the strongest steering.
pub fn steering_weight(i: Instrument) -> f64 {
    f64::from(i.strength())
}

/// Which edges a computation uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum EdgeSet {
    /// Relations and parent links.
    Structural,
    /// Steering edges only.
    Steering,
    /// Both.
    All,
}

impl EdgeSet {
    /// Whether `kind` belongs to the set.
    pub fn contains(self, kind: &EdgeKind) -> bool {
        match self {
            EdgeSet::All => true,
            EdgeSet::Structural => matches!(kind, EdgeKind::Structural { .. }),
            EdgeSet::Steering => matches!(kind, EdgeKind::Steering { .. }),
        }
    }
}

/// A country's actor graph.
#[derive(Debug, Clone)]
pub struct ActorGraph {
    /// The graph; node weights are actor ids.
    pub graph: StableDiGraph<ActorId, GraphEdge>,
    /// Node of each actor.
    pub nodes: BTreeMap<ActorId, NodeIndex>,
}

/// Builds the actor graph of `c`.
///
/// # Complexity
/// O(actors + relations + steering cells x targets), plus a sort of the steering edges.
pub fn build(c: &Country) -> ActorGraph {
    let mut graph = StableDiGraph::new();
    let mut nodes = BTreeMap::new();
    for id in c.actors.keys() {
        nodes.insert(id.clone(), graph.add_node(id.clone()));
    }
    for (from, relation, to) in c.edges() {
        if let (Some(&a), Some(&b)) = (nodes.get(from), nodes.get(to)) {
            graph.add_edge(a, b, GraphEdge { kind: EdgeKind::Structural { relation }, weight: 1.0 });
        }
    }
    let collectives: BTreeMap<Level, Vec<&ActorId>> = Level::ALL
        .iter()
        .map(|l| {
            (
                *l,
                c.actors.values().filter(|a| a.kind == ActorKind::Collective && a.level == *l).map(|a| &a.id).collect(),
            )
        })
        .collect();
    let mut steering: Vec<(&ActorId, &ActorId, Role, Instrument)> = Vec::new();
    for s in &c.steering {
        for cell in s.cells.iter().filter(|x| x.used) {
            let by_level = cell.target_levels.iter().flat_map(|l| collectives.get(l).into_iter().flatten().copied());
            for target in cell.targets.iter().chain(by_level) {
                if target != &s.actor {
                    steering.push((&s.actor, target, cell.role, cell.instrument));
                }
            }
        }
    }
    steering.sort();
    steering.dedup();
    for (from, to, role, instrument) in steering {
        if let (Some(&a), Some(&b)) = (nodes.get(from), nodes.get(to)) {
            graph.add_edge(
                a,
                b,
                GraphEdge { kind: EdgeKind::Steering { role, instrument }, weight: steering_weight(instrument) },
            );
        }
    }
    ActorGraph { graph, nodes }
}

/// The simple directed graph metrics are computed on: the actors as nodes (in id order, node i
/// is the i-th actor), and one edge per ordered pair that has at least one edge of `set`,
/// weighted with the smallest weight among them. This is what networkx builds from the exported
/// graph (`DiGraph`, keeping the minimum weight), so the metrics can be checked against it.
#[derive(Debug, Clone)]
pub struct SimpleGraph {
    /// Actor ids, in node order.
    pub ids: Vec<ActorId>,
    /// The graph; node weights are indices into `ids`.
    pub graph: petgraph::graph::DiGraph<usize, f64>,
}

impl ActorGraph {
    /// The simple graph of the edges in `set`.
    pub fn simple(&self, set: EdgeSet) -> SimpleGraph {
        self.simple_by(|e| set.contains(&e.kind))
    }

    /// The simple graph of the edges `keep` accepts.
    pub fn simple_by(&self, keep: impl Fn(&GraphEdge) -> bool) -> SimpleGraph {
        let ids: Vec<ActorId> = self.nodes.keys().cloned().collect();
        // Node index -> position in id order (a vector: indices are dense up to the bound).
        let bound = self.nodes.values().map(|n| n.index() + 1).max().unwrap_or(0);
        let mut position = vec![usize::MAX; bound];
        for (i, n) in self.nodes.values().enumerate() {
            if let Some(p) = position.get_mut(n.index()) {
                *p = i;
            }
        }
        let pos = |n: NodeIndex| position.get(n.index()).copied().filter(|p| *p != usize::MAX);
        let mut pairs: Vec<(usize, usize, f64)> = (&self.graph)
            .edge_references()
            .filter(|e| keep(e.weight()))
            .filter_map(|e| Some((pos(e.source())?, pos(e.target())?, e.weight().weight)))
            .filter(|(a, b, _)| a != b)
            .collect();
        // Sorted by pair, then weight: the first of each pair carries the smallest weight, and
        // edges enter the graph in a fixed order.
        pairs.sort_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)).then(x.2.total_cmp(&y.2)));
        pairs.dedup_by(|next, kept| next.0 == kept.0 && next.1 == kept.1);
        let mut graph = petgraph::graph::DiGraph::with_capacity(ids.len(), pairs.len());
        for i in 0..ids.len() {
            graph.add_node(i);
        }
        for (a, b, w) in pairs {
            graph.add_edge(petgraph::graph::NodeIndex::new(a), petgraph::graph::NodeIndex::new(b), w);
        }
        SimpleGraph { ids, graph }
    }
}
