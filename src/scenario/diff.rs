//! Comparing two models: what changed in the role matrix, operational steering, relations,
//! actors and resources, how the network metrics moved, and how the profile distance to other
//! countries changed. Models are compared fact by fact, never as text.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::analysis::dimensions::{Dimension, Weights};
use crate::analysis::metrics::{betweenness, closeness, pagerank, totals, CountryMetrics};
use crate::analysis::profile::{profile, Fact, Profile, Reading};
use crate::graph::{self, EdgeSet};
use crate::model::*;

/// Holders added to and removed from one role cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellChange {
    /// Level.
    pub level: Level,
    /// Role.
    pub role: Role,
    /// Actors that gained the cell.
    pub added: Vec<ActorId>,
    /// Actors that lost it.
    pub removed: Vec<ActorId>,
}

/// An operational steering cell that appeared or disappeared.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct SteeringChange {
    /// The actor.
    pub actor: ActorId,
    /// Sector.
    pub sector: Sector,
    /// Role.
    pub role: Role,
    /// Instrument.
    pub instrument: Instrument,
    /// Whether it is now used (true) or no longer (false).
    pub used: bool,
}

/// A changed actor attribute.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorChange {
    /// The actor.
    pub actor: ActorId,
    /// What changed ("parent", "name", "kind", ...).
    pub field: String,
    /// Before, as the model spells it (`reports_to kmd`).
    pub before: String,
    /// After.
    pub after: String,
    /// Before, typed, for renderers to put in words (not in JSON: `before` says it).
    #[serde(skip)]
    pub was: Attribute,
    /// After, typed.
    #[serde(skip)]
    pub now: Attribute,
}

/// The value of an actor attribute on one side of a diff.
#[derive(Debug, Clone, PartialEq)]
pub enum Attribute {
    /// The actor's label in the diff's language.
    Name(String),
    /// Where it hangs in the organisation, if anywhere.
    Parent(Option<Parent>),
    /// What sort of body it is.
    Kind(ActorKind),
    /// Its level.
    Level(Level),
    /// Whether it is a central digitalisation unit.
    Central(bool),
    /// A ministry's portfolio.
    Portfolio(Option<Portfolio>),
    /// A forum's standing.
    Standing(Option<Standing>),
    /// Whether taking part in a forum is mandatory.
    Participation(Option<Participation>),
}

/// An edge of the actor graph: (from, type, to).
pub type Edge = (ActorId, RelationType, ActorId);

/// A metric that moved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricDelta {
    /// The actor (or `None` for a country figure).
    pub actor: Option<ActorId>,
    /// The metric.
    pub metric: String,
    /// Before.
    pub before: f64,
    /// After.
    pub after: f64,
    /// One line saying what happened around the actor (English, with ids).
    pub explanation: String,
    /// The edges at the actor that only the changed model has (what `explanation` says, typed).
    #[serde(skip)]
    pub gained: Vec<Edge>,
    /// The edges at the actor that only the base has.
    #[serde(skip)]
    pub lost: Vec<Edge>,
}

/// A resource figure of an actor that changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResourceChange {
    /// The actor.
    pub actor: ActorId,
    /// `fte` or `budget_eur`.
    pub figure: &'static str,
    /// Before (the first statement's central value).
    pub before: Option<f64>,
    /// After.
    pub after: Option<f64>,
}

/// The distance to another country before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DistanceChange {
    /// The other country.
    pub country: String,
    /// Distance from the base.
    pub before: f64,
    /// Distance from the changed model.
    pub after: f64,
}

/// How far the changed model is from another country on one dimension, before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeighbourMove {
    /// The other country.
    pub country: String,
    /// Difference (0-1) from the base.
    pub before: Option<f64>,
    /// Difference from the changed model.
    pub after: Option<f64>,
}

/// A governance dimension whose value moved, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionChange {
    /// The dimension.
    pub dimension: Dimension,
    /// The base's reading.
    pub before: Reading,
    /// The changed model's reading.
    pub after: Reading,
    /// The difference to each other country on this dimension, before and after.
    pub neighbours: Vec<NeighbourMove>,
    /// Facts the value rests on after the change that it did not rest on before.
    pub gained: Vec<Fact>,
    /// Facts it no longer rests on.
    pub lost: Vec<Fact>,
}

/// Everything that differs between two models.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    /// Actors only in the second model.
    pub actors_added: Vec<ActorId>,
    /// Actors only in the first.
    pub actors_removed: Vec<ActorId>,
    /// Changed attributes of actors in both.
    pub actors_changed: Vec<ActorChange>,
    /// Role cells whose holders changed.
    pub roles: Vec<CellChange>,
    /// Operational steering cells that changed.
    pub steering: Vec<SteeringChange>,
    /// Edges (from, type, to) only in the second model.
    pub relations_added: Vec<(ActorId, RelationType, ActorId)>,
    /// Edges only in the first.
    pub relations_removed: Vec<(ActorId, RelationType, ActorId)>,
    /// Resource figures that changed, per actor: FTE, and budget in euro.
    pub resources: Vec<ResourceChange>,
    /// Metric deltas, largest first.
    pub metrics: Vec<MetricDelta>,
    /// Governance dimensions whose values moved, with the facts that moved them.
    pub dimensions: Vec<DimensionChange>,
    /// Profile distance to each other country, before and after.
    pub distances: Vec<DistanceChange>,
    /// The names of every actor the diff mentions (taken from the side that has it, the base
    /// first) and of the countries, in the diff's language.
    pub labels: Labels,
}

impl Diff {
    /// Whether the two models differ in any fact.
    pub fn is_empty(&self) -> bool {
        self.actors_added.is_empty()
            && self.actors_removed.is_empty()
            && self.actors_changed.is_empty()
            && self.roles.is_empty()
            && self.steering.is_empty()
            && self.relations_added.is_empty()
            && self.relations_removed.is_empty()
            && self.resources.is_empty()
    }
}

fn holders(c: &Country) -> BTreeMap<(Level, Role), BTreeSet<ActorId>> {
    let mut m: BTreeMap<(Level, Role), BTreeSet<ActorId>> = BTreeMap::new();
    for r in c.roles.iter().filter(|r| r.sector == Sector::General) {
        m.entry((r.level, r.role)).or_default().extend(r.holders.iter().map(|h| h.actor.clone()));
    }
    m
}

fn used_cells(c: &Country) -> BTreeSet<(ActorId, Sector, Role, Instrument)> {
    c.steering
        .iter()
        .flat_map(|s| s.cells.iter().filter(|x| x.used).map(|x| (s.actor.clone(), s.sector, x.role, x.instrument)))
        .collect()
}

fn edges(c: &Country) -> BTreeSet<(ActorId, RelationType, ActorId)> {
    c.edges().map(|(a, k, b)| (a.clone(), k, b.clone())).collect()
}

/// Per actor, the first statement's figure that `pick` reads.
fn figures(c: &Country, pick: impl Fn(&Resource) -> Option<f64>) -> BTreeMap<ActorId, f64> {
    let mut m = BTreeMap::new();
    for r in &c.resources {
        if let Some(v) = pick(r) {
            m.entry(r.actor.clone()).or_insert(v);
        }
    }
    m
}

fn resource_changes(a: &Country, b: &Country) -> Vec<ResourceChange> {
    let fte = |c: &Country| figures(c, |r| r.fte.and_then(|q| q.central()));
    let eur = |c: &Country| {
        figures(c, |r| {
            r.budget.as_ref().and_then(|m| crate::analysis::resources::to_euro(c, m, r.year)).map(|e| e.value)
        })
    };
    let mut out = Vec::new();
    for (figure, x, y) in [("fte", fte(a), fte(b)), ("budget_eur", eur(a), eur(b))] {
        for k in x.keys().chain(y.keys()).collect::<BTreeSet<_>>() {
            let (before, after) = (x.get(k).copied(), y.get(k).copied());
            if before != after {
                out.push(ResourceChange { actor: k.clone(), figure, before, after });
            }
        }
    }
    out
}

/// How many metric deltas to keep (largest first).
const TOP_MOVERS: usize = 20;

/// The dimensions whose criteria moved between the base's profile `pa` and the changed model's
/// `pb` (each country first in its profile, the others after it in the same order).
fn dimension_changes(pa: &Profile, pb: &Profile) -> Vec<DimensionChange> {
    let mut out = Vec::new();
    for (ra, rb) in pa.dimensions.iter().zip(&pb.dimensions) {
        let (Some(before), Some(after)) = (ra.readings.first(), rb.readings.first()) else { continue };
        let values = |r: &Reading| r.criteria.iter().map(|c| c.value).collect::<Vec<_>>();
        if values(before) == values(after) {
            continue;
        }
        let i = ra.dimension.index();
        let difference = |p: &Profile, o: &str| {
            p.countries.first().and_then(|me| p.distance(me, o)).and_then(|d| d.differences.get(i).copied().flatten())
        };
        let facts = |r: &Reading| -> Vec<Fact> { r.criteria.iter().flat_map(|c| c.facts.iter().cloned()).collect() };
        let (fa, fb) = (facts(before), facts(after));
        let gained: Vec<Fact> = fb.iter().filter(|f| !fa.contains(f)).cloned().collect();
        let lost: Vec<Fact> = fa.iter().filter(|f| !fb.contains(f)).cloned().collect();
        out.push(DimensionChange {
            dimension: ra.dimension,
            neighbours: pa
                .countries
                .iter()
                .skip(1)
                .map(|o| NeighbourMove { country: o.clone(), before: difference(pa, o), after: difference(pb, o) })
                .collect(),
            before: before.clone(),
            after: after.clone(),
            gained: dedup(gained),
            lost: dedup(lost),
        });
    }
    out
}

fn dedup(facts: Vec<Fact>) -> Vec<Fact> {
    let mut out: Vec<Fact> = Vec::new();
    for f in facts {
        if !out.contains(&f) {
            out.push(f);
        }
    }
    out
}

/// Compares `a` (the base) with `b`; `others` are the countries distances are measured to,
/// with the bundled weights and facts labelled in English ([`diff_with`] chooses both).
pub fn diff(a: &Country, b: &Country, others: &[Country]) -> Diff {
    diff_with(a, b, others, &Weights::bundled(), Lang::En)
}

/// Compares `a` (the base) with `b`; `others` are the countries distances are measured to,
/// with the dimensions weighted by `weights`; facts are labelled in `lang`.
pub fn diff_with(a: &Country, b: &Country, others: &[Country], weights: &Weights, lang: Lang) -> Diff {
    let ids_a: BTreeSet<&ActorId> = a.actors.keys().collect();
    let ids_b: BTreeSet<&ActorId> = b.actors.keys().collect();
    let mut actors_changed = Vec::new();
    for id in ids_a.intersection(&ids_b) {
        let (Some(x), Some(y)) = (a.actor(id), b.actor(id)) else { continue };
        // Compare values first and format only what differs: most actors are unchanged.
        let mut field = |name: &str, (before, was): (String, Attribute), (after, now): (String, Attribute)| {
            actors_changed.push(ActorChange { actor: (*id).clone(), field: name.to_string(), before, after, was, now });
        };
        if x.name != y.name || x.abbr != y.abbr {
            let name =
                |z: &Actor, c: &Country| (z.label(Lang::En, c.natives()), Attribute::Name(z.label(lang, c.natives())));
            field("name", name(x, a), name(y, b));
        }
        if x.parent != y.parent {
            let show = |p: &Option<Parent>| {
                (p.as_ref().map_or(String::new(), |p| format!("{} {}", p.relation, p.id)), Attribute::Parent(p.clone()))
            };
            field("parent", show(&x.parent), show(&y.parent));
        }
        if x.kind != y.kind {
            field("kind", (x.kind.to_string(), Attribute::Kind(x.kind)), (y.kind.to_string(), Attribute::Kind(y.kind)));
        }
        if x.level != y.level {
            field(
                "level",
                (x.level.to_string(), Attribute::Level(x.level)),
                (y.level.to_string(), Attribute::Level(y.level)),
            );
        }
        if x.central != y.central {
            field(
                "central",
                (x.central.to_string(), Attribute::Central(x.central)),
                (y.central.to_string(), Attribute::Central(y.central)),
            );
        }
        fn term<T: Vocabulary>(t: Option<T>, typed: fn(Option<T>) -> Attribute) -> (String, Attribute) {
            (t.map_or("", Vocabulary::key).to_string(), typed(t))
        }
        let (pa_, pb_) = (x.portfolio.as_ref().map(|p| p.value), y.portfolio.as_ref().map(|p| p.value));
        if pa_ != pb_ {
            field("portfolio", term(pa_, Attribute::Portfolio), term(pb_, Attribute::Portfolio));
        }
        let (sa_, sb_) = (x.standing.as_ref().map(|p| p.value), y.standing.as_ref().map(|p| p.value));
        if sa_ != sb_ {
            field("standing", term(sa_, Attribute::Standing), term(sb_, Attribute::Standing));
        }
        let (qa, qb) = (x.participation.as_ref().map(|p| p.value), y.participation.as_ref().map(|p| p.value));
        if qa != qb {
            field("participation", term(qa, Attribute::Participation), term(qb, Attribute::Participation));
        }
    }
    let (ha, hb) = (holders(a), holders(b));
    let cells: BTreeSet<&(Level, Role)> = ha.keys().chain(hb.keys()).collect();
    let empty = BTreeSet::new();
    let roles = cells
        .into_iter()
        .filter_map(|k| {
            let (x, y) = (ha.get(k).unwrap_or(&empty), hb.get(k).unwrap_or(&empty));
            let added: Vec<ActorId> = y.difference(x).cloned().collect();
            let removed: Vec<ActorId> = x.difference(y).cloned().collect();
            (!added.is_empty() || !removed.is_empty()).then_some(CellChange { level: k.0, role: k.1, added, removed })
        })
        .collect();
    let (sa, sb) = (used_cells(a), used_cells(b));
    let mut steering: Vec<SteeringChange> = sb
        .difference(&sa)
        .map(|(actor, sector, role, instrument)| SteeringChange {
            actor: actor.clone(),
            sector: *sector,
            role: *role,
            instrument: *instrument,
            used: true,
        })
        .chain(sa.difference(&sb).map(|(actor, sector, role, instrument)| SteeringChange {
            actor: actor.clone(),
            sector: *sector,
            role: *role,
            instrument: *instrument,
            used: false,
        }))
        .collect();
    steering.sort();
    let (ea, eb) = (edges(a), edges(b));
    let resources = resource_changes(a, b);
    let metrics = metric_deltas(a, b, &ea, &eb);
    // Distances are scaled over the base (or the changed model) and all the other countries,
    // as `compare --kind profile` scales them; two countries alone would always be 0 or 1 apart.
    let others: Vec<&Country> = others.iter().filter(|o| o.code != a.code).collect();
    let (distances, dimensions) = if others.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        let with = |m: &Country| {
            let mut set = vec![m];
            set.extend(others.iter().copied());
            profile(&set, weights, lang)
        };
        let (pa, pb) = rayon::join(|| with(a), || with(b));
        let distances = others
            .iter()
            .map(|o| DistanceChange {
                country: o.code.clone(),
                before: pa.distance(&a.code, &o.code).map_or(0.0, |d| d.distance),
                after: pb.distance(&b.code, &o.code).map_or(0.0, |d| d.distance),
            })
            .collect();
        (distances, dimension_changes(&pa, &pb))
    };
    let mut d = Diff {
        actors_added: ids_b.difference(&ids_a).map(|x| (*x).clone()).collect(),
        actors_removed: ids_a.difference(&ids_b).map(|x| (*x).clone()).collect(),
        actors_changed,
        roles,
        steering,
        relations_added: eb.difference(&ea).cloned().collect(),
        relations_removed: ea.difference(&eb).cloned().collect(),
        resources,
        metrics,
        dimensions,
        distances,
        labels: Labels::default(),
    };
    d.labels = labels(&d, &[a, b], &others, lang);
    d
}

/// The names of the actors `d` mentions, each from the first model that has it, and of the
/// countries.
fn labels(d: &Diff, models: &[&Country], others: &[&Country], lang: Lang) -> Labels {
    let mut ids: BTreeSet<&ActorId> = BTreeSet::new();
    ids.extend(d.actors_added.iter().chain(&d.actors_removed));
    for c in &d.actors_changed {
        ids.insert(&c.actor);
        for v in [&c.was, &c.now] {
            if let Attribute::Parent(Some(p)) = v {
                ids.insert(&p.id);
            }
        }
    }
    ids.extend(d.roles.iter().flat_map(|c| c.added.iter().chain(&c.removed)));
    ids.extend(d.steering.iter().map(|s| &s.actor));
    for (x, _, y) in d.relations_added.iter().chain(&d.relations_removed) {
        ids.extend([x, y]);
    }
    ids.extend(d.resources.iter().map(|r| &r.actor));
    for m in &d.metrics {
        ids.extend(&m.actor);
        for (x, _, y) in m.gained.iter().chain(&m.lost) {
            ids.extend([x, y]);
        }
    }
    let mut l = Labels::default();
    for id in ids {
        l.add_actor(id, models, lang);
    }
    for c in models.iter().chain(others) {
        l.add_country(c, lang);
    }
    l
}

/// Per-actor and country metric deltas on all edges, largest first, each explained by the
/// edges that appeared or disappeared at the actor.
fn metric_deltas(
    a: &Country,
    b: &Country,
    ea: &BTreeSet<(ActorId, RelationType, ActorId)>,
    eb: &BTreeSet<(ActorId, RelationType, ActorId)>,
) -> Vec<MetricDelta> {
    // Only the metrics a diff reports: the O(V E) centralities and the linear country figures,
    // not Burt's constraint or steering reach (quadratic on hubs), so a sweep stays fast.
    let measure = |c: &Country| {
        let g = graph::build(c);
        let s = g.simple(EdgeSet::All);
        let (bet, clo, pr) = (betweenness(&s.graph), closeness(&s.graph), pagerank(&s.graph, 0.85));
        let per: BTreeMap<ActorId, [(&'static str, f64); 4]> = s
            .ids
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let v = petgraph::graph::NodeIndex::new(i);
                let at = |xs: &Vec<f64>| xs.get(i).copied().unwrap_or(0.0);
                let indeg = s.graph.neighbors_directed(v, petgraph::Direction::Incoming).count() as f64;
                (
                    id.clone(),
                    [("betweenness", at(&bet)), ("closeness", at(&clo)), ("pagerank", at(&pr)), ("in_degree", indeg)],
                )
            })
            .collect();
        (per, totals(c, &g, &s))
    };
    // The two sides are independent: measure them on two cores.
    let ((pa, ta), (pb, tb)) = rayon::join(|| measure(a), || measure(b));
    // The changed edges, computed once; each explanation filters these few.
    let added: Vec<&Edge> = eb.difference(ea).collect();
    let removed: Vec<&Edge> = ea.difference(eb).collect();
    let at = |id: &ActorId, edges: &[&Edge]| -> Vec<Edge> {
        edges.iter().filter(|(x, _, y)| x == id || y == id).map(|e| (*e).clone()).collect()
    };
    let explain = |gained: &[Edge], lost: &[Edge]| {
        let show = |edges: &[Edge]| edges.iter().map(|(x, k, y)| format!("{x} {k} {y}")).collect::<Vec<_>>().join("; ");
        match (gained.is_empty(), lost.is_empty()) {
            (true, true) => "paths through it changed elsewhere in the graph".to_string(),
            _ => {
                let mut parts = Vec::new();
                if !gained.is_empty() {
                    parts.push(format!("now {}", show(gained)));
                }
                if !lost.is_empty() {
                    parts.push(format!("no longer {}", show(lost)));
                }
                parts.join("; ")
            }
        }
    };
    let mut deltas = Vec::new();
    for id in pa.keys().chain(pb.keys()).collect::<BTreeSet<_>>() {
        let zero = [("betweenness", 0.0), ("closeness", 0.0), ("pagerank", 0.0), ("in_degree", 0.0)];
        let (x, y) = (pa.get(id).unwrap_or(&zero), pb.get(id).unwrap_or(&zero));
        for ((name, before), (_, after)) in x.iter().zip(y.iter()) {
            if (after - before).abs() > 1e-12 {
                let (gained, lost) = (at(id, &added), at(id, &removed));
                deltas.push(MetricDelta {
                    actor: Some(id.clone()),
                    metric: name.to_string(),
                    before: *before,
                    after: *after,
                    explanation: explain(&gained, &lost),
                    gained,
                    lost,
                });
            }
        }
    }
    let t = |m: &CountryMetrics| {
        [
            ("density", m.density),
            ("freeman_centralisation", m.freeman_centralisation),
            ("weak_components", m.weak_components as f64),
            ("central_strong_reach", m.central_strong_reach.unwrap_or(0.0)),
            ("longest_reporting_chain", m.longest_reporting_chain as f64),
        ]
    };
    for ((name, before), (_, after)) in t(&ta).iter().zip(t(&tb).iter()) {
        if (after - before).abs() > 1e-12 {
            deltas.push(MetricDelta {
                actor: None,
                metric: name.to_string(),
                before: *before,
                after: *after,
                explanation: "country figure".to_string(),
                gained: Vec::new(),
                lost: Vec::new(),
            });
        }
    }
    deltas.sort_by(|x, y| {
        let (dx, dy) = ((x.after - x.before).abs(), (y.after - y.before).abs());
        let rel = |d: &MetricDelta| if d.metric == "in_degree" { 0.0 } else { 1.0 };
        (rel(y), dy)
            .partial_cmp(&(rel(x), dx))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| (&x.actor, &x.metric).cmp(&(&y.actor, &y.metric)))
    });
    deltas.truncate(TOP_MOVERS);
    deltas
}
