//! A scenario diff as grids, one per kind of change: actors, role cells, steering, relations,
//! resources, metrics, governance dimensions and profile distances, each in words.

use super::{instrument_header, metric_name, Cell, Grid};
use crate::model::{ActorId, Labelled, Labels, Lang};
use crate::render::sentences;
use crate::render::words::Word;
use crate::scenario::diff::{Attribute, Edge, MetricDelta};
use crate::scenario::Diff;

/// A grid of text cells with translated title and header words.
fn plain(lang: Lang, title: Word, header: &[Word], rows: Vec<Vec<String>>) -> Grid {
    Grid {
        sheet: "diff".into(),
        title: title.label(lang).to_string(),
        header: header.iter().map(|h| h.label(lang).to_string()).collect(),
        rows: rows.into_iter().map(|r| r.into_iter().map(Cell::text).collect()).collect(),
        notes: Vec::new(),
    }
}

/// An actor attribute's value in words.
fn attribute(lang: Lang, v: &Attribute, labels: &Labels) -> String {
    let none = || Word::NoneValue.label(lang).to_string();
    match v {
        Attribute::Name(n) => n.clone(),
        Attribute::Parent(Some(p)) => format!("{} {}", p.relation.label(lang), labels.actor(&p.id)),
        Attribute::Parent(None) => none(),
        Attribute::Kind(k) => k.label(lang).to_string(),
        Attribute::Level(l) => l.label(lang).to_string(),
        Attribute::Central(c) => if *c { Word::Yes } else { Word::No }.label(lang).to_string(),
        Attribute::Portfolio(p) => p.map_or_else(none, |p| p.label(lang).to_string()),
        Attribute::Standing(s) => s.map_or_else(none, |s| s.label(lang).to_string()),
        Attribute::Participation(p) => p.map_or_else(none, |p| p.label(lang).to_string()),
    }
}

/// Why a metric moved, as a sentence: the relations at the actor that began and ended.
fn metric_reason(lang: Lang, m: &MetricDelta, labels: &Labels) -> String {
    if m.actor.is_none() {
        return Word::CountryFigure.label(lang).to_string();
    }
    if m.gained.is_empty() && m.lost.is_empty() {
        return format!("{}.", Word::PathsElsewhere.label(lang));
    }
    let edges = |es: &[Edge]| -> String {
        let items: Vec<String> = es
            .iter()
            .map(|(x, k, y)| sentences::relation(lang, &labels.actor(x), *k, &labels.actor(y), false))
            .collect();
        sentences::list(lang, &items)
    };
    let mut parts = Vec::new();
    if !m.gained.is_empty() {
        parts.push(format!("{}: {}.", Word::Now.label(lang), edges(&m.gained)));
    }
    if !m.lost.is_empty() {
        parts.push(format!("{}: {}.", Word::NoLonger.label(lang), edges(&m.lost)));
    }
    parts.join(" ")
}

/// A diff as grids, one per kind of change (empty kinds left out). Every actor and country is
/// named from the diff's [`Labels`], every relation, field and metric in words.
pub fn diff(d: &Diff, lang: Lang) -> Vec<Grid> {
    let w = |w: Word| w.label(lang).to_string();
    let labels = &d.labels;
    let who = |id: &ActorId| labels.actor(id);
    let who_all = |ids: &[ActorId]| ids.iter().map(who).collect::<Vec<_>>().join(", ");
    let mut out = Vec::new();
    // An actor that comes or goes is named in full: the reader may not know its abbreviation.
    let mut actors: Vec<Vec<String>> = d
        .actors_added
        .iter()
        .map(|a| vec![labels.actor_full(a), w(Word::Added), String::new(), String::new()])
        .collect();
    actors.extend(
        d.actors_removed.iter().map(|a| vec![labels.actor_full(a), w(Word::Removed), String::new(), String::new()]),
    );
    actors.extend(d.actors_changed.iter().map(|c| {
        let field = match c.field.as_str() {
            "central" => w(Word::CentralUnit),
            "name" => w(Word::Name),
            "parent" => w(Word::Parent),
            "kind" => w(Word::Kind),
            "level" => w(Word::Level),
            "portfolio" => w(Word::Portfolio),
            "standing" => w(Word::Standing),
            "participation" => w(Word::Participation),
            other => other.to_string(),
        };
        vec![who(&c.actor), field, attribute(lang, &c.was, labels), attribute(lang, &c.now, labels)]
    }));
    if !actors.is_empty() {
        out.push(plain(lang, Word::ActorsTitle, &[Word::Actor, Word::Change, Word::Before, Word::After], actors));
    }
    if !d.roles.is_empty() {
        let rows = d
            .roles
            .iter()
            .map(|c| {
                vec![
                    c.level.label(lang).to_string(),
                    c.role.label(lang).to_string(),
                    who_all(&c.added),
                    who_all(&c.removed),
                ]
            })
            .collect();
        out.push(plain(lang, Word::RoleCells, &[Word::Level, Word::Role, Word::GainedBy, Word::LostBy], rows));
    }
    if !d.steering.is_empty() {
        let rows = d
            .steering
            .iter()
            .map(|s| {
                vec![
                    who(&s.actor),
                    s.sector.label(lang).to_string(),
                    s.role.label(lang).to_string(),
                    instrument_header(s.instrument, lang),
                    w(if s.used { Word::NowUsed } else { Word::NoLongerUsed }),
                ]
            })
            .collect();
        out.push(plain(
            lang,
            Word::OperationalSteering,
            &[Word::Actor, Word::Sector, Word::Role, Word::Instrument, Word::Change],
            rows,
        ));
    }
    let rel: Vec<Vec<String>> = d
        .relations_added
        .iter()
        .map(|e| ("+", e))
        .chain(d.relations_removed.iter().map(|e| ("-", e)))
        .map(|(sign, (a, k, b))| vec![sign.to_string(), who(a), k.label(lang).to_string(), who(b)])
        .collect();
    if !rel.is_empty() {
        out.push(plain(lang, Word::Relations, &[Word::Empty, Word::From, Word::Relation, Word::To], rel));
    }
    if !d.resources.is_empty() {
        let f = |v: &Option<f64>| v.map_or("-".to_string(), |v| format!("{v}"));
        let rows = d
            .resources
            .iter()
            .map(|r| {
                let figure = match r.figure {
                    "fte" => w(Word::Fte),
                    "budget_eur" => w(Word::BudgetEur),
                    other => other.to_string(),
                };
                vec![who(&r.actor), figure, f(&r.before), f(&r.after)]
            })
            .collect();
        out.push(plain(lang, Word::Resources, &[Word::Actor, Word::Figure, Word::Before, Word::After], rows));
    }
    if !d.metrics.is_empty() {
        let rows = d
            .metrics
            .iter()
            .map(|m| {
                vec![
                    m.actor.as_ref().map_or(w(Word::CountryRow), who),
                    metric_name(lang, &m.metric),
                    format!("{:.4}", m.before),
                    format!("{:.4}", m.after),
                    format!("{:+.4}", m.after - m.before),
                    metric_reason(lang, m, labels),
                ]
            })
            .collect();
        out.push(plain(
            lang,
            Word::TopMetricMovers,
            &[Word::Actor, Word::Metric, Word::Before, Word::After, Word::Change, Word::Why],
            rows,
        ));
    }
    if !d.dimensions.is_empty() {
        let rows = d
            .dimensions
            .iter()
            .map(|x| {
                let moved: Vec<String> = x
                    .neighbours
                    .iter()
                    .filter_map(|n| {
                        let (b, a) = (n.before?, n.after?);
                        let dir = if a < b {
                            w(Word::CloserTo)
                        } else if a > b {
                            w(Word::FurtherFrom)
                        } else {
                            return None;
                        };
                        Some(format!("{dir} {} ({:.2} -> {:.2})", labels.country(&n.country), b, a))
                    })
                    .collect();
                let why: Vec<String> = x
                    .gained
                    .iter()
                    .map(|f| format!("+ {}", sentences::fact(lang, f)))
                    .chain(x.lost.iter().map(|f| format!("- {}", sentences::fact(lang, f))))
                    .collect();
                vec![
                    x.dimension.label(lang).to_string(),
                    sentences::reading(lang, x.dimension, &x.before),
                    sentences::reading(lang, x.dimension, &x.after),
                    moved.join("; "),
                    why.join("\n"),
                ]
            })
            .collect();
        out.push(plain(
            lang,
            Word::DimensionsMoved,
            &[Word::Dimension, Word::Before, Word::After, Word::DifferenceToOthers, Word::Why],
            rows,
        ));
    }
    if !d.distances.is_empty() {
        let rows = d
            .distances
            .iter()
            .map(|x| vec![labels.country(&x.country), format!("{:.2}", x.before), format!("{:.2}", x.after)])
            .collect();
        out.push(plain(lang, Word::DistanceToOthers, &[Word::Country, Word::Before, Word::After], rows));
    }
    if d.is_empty() {
        out.push(plain(lang, Word::NoDifferences, &[Word::Result], vec![vec![w(Word::SameFacts)]]));
    }
    out
}
