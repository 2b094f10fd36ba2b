//! The explorer's data: every country's undated facts, each with its validity and sources,
//! its metrics on the reference date, and the scenarios over it, as `explorer.js` reads them.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::scenario::{scenario, ScenarioData};
use super::terms::{terms, Term};
use super::{ScenarioInput, WORDS, YEARS, YEAR_DAY};
use crate::analysis::metrics::{self, ActorMetrics};
use crate::graph::{self, EdgeSet};
use crate::model::*;
use crate::render::grid::quantity_text;
use crate::render::html::source_link;
use crate::render::words::Word;

/// Everything the explorer shows, as the page reads it (`window.NORDGOV_EXPLORER`).
#[derive(Debug, Clone, Serialize)]
pub struct ExplorerData {
    /// The language of every label (`en`).
    pub lang: &'static str,
    /// The years the slider offers, in order.
    pub years: Vec<i32>,
    /// The page's interface words, by key.
    pub words: BTreeMap<&'static str, &'static str>,
    /// The vocabularies' terms with their labels (and styles), by vocabulary, in canonical order.
    pub terms: BTreeMap<&'static str, Vec<Term>>,
    /// The metrics the cards show, in order.
    pub metrics: Vec<Term>,
    /// The countries, in the report's order.
    pub countries: Vec<CountryData>,
}

/// A passage a fact cites, with where the site opens it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Link {
    /// The reference as cited (`nordic2017:35-43`).
    pub text: String,
    /// The document's id (its title is in [`CountryData::documents`]).
    pub doc: String,
    /// The line viewer page (`sources/<file>.html#L35`) or a web source's address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
}

/// One country's facts, each with its validity (`from`, `to`: the first and last day it holds,
/// ISO dates; absent when open).
#[derive(Debug, Clone, Serialize)]
pub struct CountryData {
    /// The country code.
    pub code: String,
    /// The country's name.
    pub name: String,
    /// The reference date (the last day it can mean), if the model has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ref_date: Option<String>,
    /// The year of the reference date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ref_year: Option<i32>,
    /// The day each slider year shows, as (year, ISO date).
    pub dates: Vec<(i32, String)>,
    /// The titles of the documents facts cite, by id.
    pub documents: BTreeMap<String, String>,
    /// The actors, by id.
    pub actors: Vec<ActorData>,
    /// Dated reports_to/owned_by/part_of relations: the actor's parent on their dates.
    pub moves: Vec<MoveData>,
    /// Every other relation.
    pub relations: Vec<RelationData>,
    /// Steering edges: from a slide's actor to each target of a used cell.
    pub steering: Vec<SteeringData>,
    /// Role holdings.
    pub roles: Vec<RoleData>,
    /// Resource figures.
    pub resources: Vec<ResourceData>,
    /// Network metrics on the reference date, with ranks.
    pub metrics: Vec<MetricData>,
    /// How many actors the metrics rank.
    pub metric_actors: usize,
    /// The scenarios over this country, as overlays.
    pub scenarios: Vec<ScenarioData>,
}

/// An actor.
#[derive(Debug, Clone, Serialize)]
pub struct ActorData {
    /// Its id.
    pub id: String,
    /// Its short label (abbreviation, else name).
    pub label: String,
    /// Its name in the report's language (with the usual fallbacks).
    pub name: String,
    /// Every name, as (language, name).
    pub names: Vec<(&'static str, String)>,
    /// Its abbreviation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub abbr: Option<String>,
    /// Other names.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Its kind (key).
    pub kind: &'static str,
    /// Its level (key).
    pub level: &'static str,
    /// Its undated parent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<ParentData>,
    /// Whether it is a central digitalisation unit.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub central: bool,
    /// A ministry's portfolio (label).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub portfolio: Option<&'static str>,
    /// A forum's standing (label).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standing: Option<&'static str>,
    /// A forum's participation (label).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub participation: Option<&'static str>,
    /// The first day it exists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The last day it exists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Its dates as the model gives them (`2008 - 2019-12-31`), if dated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dates: Option<String>,
    /// Its sources.
    pub sources: Vec<Link>,
    /// The confidence of its facts (key).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<&'static str>,
    /// Whether its facts were reconstructed from flattened text.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub reconstructed: bool,
}

/// A parent link.
#[derive(Debug, Clone, Serialize)]
pub struct ParentData {
    /// The parent's id.
    pub id: String,
    /// The relation (key).
    pub rel: &'static str,
}

/// A dated hierarchical relation: `actor` hangs under `parent` on its dates.
#[derive(Debug, Clone, Serialize)]
pub struct MoveData {
    /// The actor that moves.
    pub actor: String,
    /// Its parent on these dates.
    pub parent: String,
    /// The relation (key).
    pub rel: &'static str,
    /// First day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Last day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Sources.
    pub sources: Vec<Link>,
}

/// A relation between two actors, read `source rel target`.
#[derive(Debug, Clone, Serialize)]
pub struct RelationData {
    /// The actor it starts from.
    pub source: String,
    /// The relation (key).
    pub rel: &'static str,
    /// The actor it points to.
    pub target: String,
    /// Whether an agreement binds the parties.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub binding: bool,
    /// First day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Last day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Sources.
    pub sources: Vec<Link>,
}

/// A steering edge, with the validity of its slide.
#[derive(Debug, Clone, Serialize)]
pub struct SteeringData {
    /// The slide's actor.
    pub source: String,
    /// The actor steered.
    pub target: String,
    /// The role (key).
    pub role: &'static str,
    /// The instrument (key).
    pub instrument: &'static str,
    /// First day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Last day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// The sources of the cells that give the edge.
    pub sources: Vec<Link>,
}

/// A role statement: actors holding a role at a level.
#[derive(Debug, Clone, Serialize)]
pub struct RoleData {
    /// The level (key).
    pub level: &'static str,
    /// The role (key).
    pub role: &'static str,
    /// The sector (key).
    pub sector: &'static str,
    /// The holders, as (actor, qualifier key).
    pub holders: Vec<(String, Option<&'static str>)>,
    /// First day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Last day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Sources.
    pub sources: Vec<Link>,
    /// Confidence (key).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<&'static str>,
    /// Reconstructed from flattened text.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub reconstructed: bool,
}

/// A resource figure.
#[derive(Debug, Clone, Serialize)]
pub struct ResourceData {
    /// The actor.
    pub actor: String,
    /// Staff, as written (`~47`, `40-50`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fte: Option<String>,
    /// Budget, as written (`NOK 187.9 million`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget: Option<String>,
    /// The year the figure is for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// What it counts (label).
    pub scope: &'static str,
    /// What it covers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub covers: Option<String>,
    /// Sources.
    pub sources: Vec<Link>,
}

/// One actor's metrics on the reference date: a value and a rank (1 = highest) per metric of
/// [`ExplorerData::metrics`], `None` where the metric is undefined.
#[derive(Debug, Clone, Serialize)]
pub struct MetricData {
    /// The actor.
    pub actor: String,
    /// The values, rounded to 4 decimals.
    pub values: Vec<Option<f64>>,
    /// The ranks.
    pub ranks: Vec<Option<usize>>,
}

/// The explorer's data from the undated `countries` and the report's `scenarios`; `viewer`
/// names the source texts the site has line viewers for.
///
/// # Complexity
/// Linear in the models' facts, plus each country's metrics on its reference date and each
/// scenario's two graph views.
pub fn data(
    countries: &[Country],
    scenarios: &[ScenarioInput<'_>],
    viewer: &BTreeSet<&str>,
    lang: Lang,
) -> ExplorerData {
    ExplorerData {
        lang: lang.key(),
        years: YEARS.collect(),
        words: WORDS.iter().map(|(k, w)| (*k, w.label(lang))).collect(),
        terms: terms(lang),
        metrics: METRICS.iter().map(|(k, w, _)| Term::new(k, w.label(lang))).collect(),
        countries: countries
            .iter()
            .map(|c| {
                let own: Vec<&ScenarioInput<'_>> = scenarios.iter().filter(|s| s.base.code == c.code).collect();
                country(c, &own, viewer, lang)
            })
            .collect(),
    }
}

/// The data as a script: `window.NORDGOV_EXPLORER = {...};`, with `</`, U+2028 and U+2029
/// escaped so that no text in it can end a script element or a line of JavaScript.
pub fn script(d: &ExplorerData) -> String {
    let json = serde_json::to_string(d).unwrap_or_else(|_| "null".to_string());
    let safe = json.replace("</", "<\\/").replace('\u{2028}', "\\u2028").replace('\u{2029}', "\\u2029");
    format!("/* nordgov explorer data, written by `nordgov report` */\nwindow.NORDGOV_EXPLORER = {safe};\n")
}

/// The validity of a fact as the page compares it: (first day, last day), ISO dates.
fn span(v: &Validity) -> (Option<String>, Option<String>) {
    (v.from.map(|d| d.first_day().to_string()), v.to.map(|d| d.last_day().to_string()))
}

fn links(c: &Country, viewer: &BTreeSet<&str>, p: &Provenance) -> Vec<Link> {
    p.sources
        .iter()
        .map(|r| Link { text: r.to_string(), doc: r.document.to_string(), href: source_link(c, viewer, r) })
        .collect()
}

fn country(c: &Country, scenarios: &[&ScenarioInput<'_>], viewer: &BTreeSet<&str>, lang: Lang) -> CountryData {
    let natives = c.natives();
    let reference = c.reference_date.map(DateSpec::last_day);
    let dates = YEARS
        .map(|y| {
            let day = match reference {
                Some(r) if r.year() == y => r,
                _ => NaiveDate::from_ymd_opt(y, YEAR_DAY.0, YEAR_DAY.1).unwrap_or_default(),
            };
            (y, day.to_string())
        })
        .collect();
    let actors = c
        .actors
        .values()
        .map(|a| {
            let (from, to) = span(&a.validity);
            let dates = (!a.validity.is_always()).then(|| {
                format!(
                    "{} \u{2013} {}",
                    a.validity.from.map_or(String::new(), |d| d.to_string()),
                    a.validity.to.map_or(String::new(), |d| d.to_string())
                )
                .trim()
                .to_string()
            });
            ActorData {
                id: a.id.to_string(),
                label: a.label(lang, natives),
                name: a.name.best(lang, natives).map_or_else(|| a.id.to_string(), |(_, n)| n.to_string()),
                names: a.name.iter().map(|(l, n)| (l.key(), n.to_string())).collect(),
                abbr: a.abbr.clone(),
                aliases: a.aliases.clone(),
                kind: a.kind.key(),
                level: a.level.key(),
                parent: a.parent.as_ref().map(|p| ParentData { id: p.id.to_string(), rel: p.relation.key() }),
                central: a.central,
                portfolio: a.portfolio.as_ref().map(|p| p.value.label(lang)),
                standing: a.standing.as_ref().map(|s| s.value.label(lang)),
                participation: a.participation.as_ref().map(|p| p.value.label(lang)),
                from,
                to,
                dates,
                sources: links(c, viewer, &a.provenance),
                confidence: a.provenance.confidence.map(Confidence::key),
                reconstructed: a.provenance.reconstructed,
            }
        })
        .collect();
    // As `Country::as_of` reads them: a dated hierarchical relation moves the actor, every other
    // relation (an undated hierarchical one included) is an edge on its dates.
    let (moving, staying): (Vec<&Relation>, Vec<&Relation>) =
        c.relations.iter().partition(|r| r.kind.is_hierarchical() && !r.validity.is_always());
    let moves = moving
        .iter()
        .map(|r| {
            let (from, to) = span(&r.validity);
            MoveData {
                actor: r.from.to_string(),
                parent: r.to.to_string(),
                rel: r.kind.key(),
                from,
                to,
                sources: links(c, viewer, &r.provenance),
            }
        })
        .collect();
    let relations = staying
        .iter()
        .map(|r| {
            let (from, to) = span(&r.validity);
            RelationData {
                source: r.from.to_string(),
                rel: r.kind.key(),
                target: r.to.to_string(),
                binding: r.binding,
                from,
                to,
                sources: links(c, viewer, &r.provenance),
            }
        })
        .collect();
    CountryData {
        code: c.code.clone(),
        name: c.name.best(lang, natives).map_or_else(|| c.code.clone(), |(_, n)| n.to_string()),
        ref_date: reference.map(|d| d.to_string()),
        ref_year: reference.map(|d| d.year()),
        dates,
        documents: c.documents.iter().map(|(id, d)| (id.clone(), d.title.clone())).collect(),
        actors,
        moves,
        relations,
        steering: steering(c, viewer),
        roles: c
            .roles
            .iter()
            .map(|r| {
                let (from, to) = span(&r.validity);
                RoleData {
                    level: r.level.key(),
                    role: r.role.key(),
                    sector: r.sector.key(),
                    holders: r.holders.iter().map(|h| (h.actor.to_string(), h.qualifier.map(Qualifier::key))).collect(),
                    from,
                    to,
                    sources: links(c, viewer, &r.provenance),
                    confidence: r.provenance.confidence.map(Confidence::key),
                    reconstructed: r.provenance.reconstructed,
                }
            })
            .collect(),
        resources: c
            .resources
            .iter()
            .map(|r| ResourceData {
                actor: r.actor.to_string(),
                fte: r.fte.as_ref().map(quantity_text),
                budget: r.budget.as_ref().map(|m| {
                    format!("{} {} {}", m.currency, quantity_text(&m.amount), scale_word(m.scale).label(lang))
                        .trim()
                        .to_string()
                }),
                year: r.year,
                scope: r.scope.label(lang),
                covers: r.covers.clone(),
                sources: links(c, viewer, &r.provenance),
            })
            .collect(),
        metric_actors: 0,
        metrics: Vec::new(),
        scenarios: scenarios.iter().map(|s| scenario(s, lang)).collect(),
    }
    .with_metrics(c)
}

/// The word after an amount in a scale (none for units).
fn scale_word(s: Scale) -> Word {
    match s {
        Scale::Unit => Word::Empty,
        Scale::Thousand => Word::ScaleThousand,
        Scale::Million => Word::ScaleMillion,
        Scale::Billion => Word::ScaleBillion,
    }
}

impl CountryData {
    /// Adds the metrics of `c` on its reference date, ranked.
    fn with_metrics(mut self, c: &Country) -> Self {
        let dated = c.as_compared(None);
        let m = metrics::metrics(&dated, &graph::build(&dated), EdgeSet::All);
        let round = |v: f64| (v * 1e4).round() / 1e4;
        let values: Vec<Vec<Option<f64>>> =
            m.actors.iter().map(|a| METRICS.iter().map(|(_, _, f)| f(a).map(round)).collect()).collect();
        self.metric_actors = m.actors.len();
        self.metrics = m
            .actors
            .iter()
            .zip(&values)
            .map(|(a, row)| {
                let ranks = row
                    .iter()
                    .enumerate()
                    .map(|(i, v)| {
                        let v = (*v)?;
                        // 1 + how many actors score higher: ties share a rank.
                        let higher =
                            values.iter().filter(|r| r.get(i).copied().flatten().is_some_and(|w| w > v)).count();
                        Some(higher + 1)
                    })
                    .collect();
                MetricData { actor: a.id.to_string(), values: row.clone(), ranks }
            })
            .collect();
        self
    }
}

/// The metrics a card shows, by key (with their words), each read off an actor's metrics.
type MetricFn = fn(&ActorMetrics) -> Option<f64>;
const METRICS: &[(&str, Word, MetricFn)] = &[
    ("metric in", Word::MetricIn, |a| Some(a.in_degree as f64)),
    ("metric out", Word::MetricOut, |a| Some(a.out_degree as f64)),
    ("metric betweenness", Word::MetricBetweenness, |a| Some(a.betweenness)),
    ("metric betweenness weighted", Word::MetricBetweennessWeighted, |a| Some(a.betweenness_weighted)),
    ("metric closeness", Word::Closeness, |a| Some(a.closeness)),
    ("metric pagerank", Word::PageRank, |a| Some(a.pagerank)),
    ("metric constraint", Word::MetricConstraint, |a| a.constraint),
    ("metric reach strong", Word::MetricReachStrong, |a| a.reach.get(1).map(|r| *r as f64)),
    ("metric reach all", Word::MetricReachAll, |a| a.reach.get(4).map(|r| *r as f64)),
];

/// Steering edges as `graph::build` draws them (from the slide's actor to each target of a used
/// cell and to the collective actors at its target levels, never to itself), each with its
/// slide's validity and the sources of the cells that give it.
fn steering(c: &Country, viewer: &BTreeSet<&str>) -> Vec<SteeringData> {
    type Key<'a> = (&'a ActorId, &'a ActorId, Role, Instrument, Option<String>, Option<String>);
    let mut edges: BTreeMap<Key<'_>, BTreeSet<Link>> = BTreeMap::new();
    for s in &c.steering {
        let (from, to) = span(&s.validity);
        for cell in s.cells.iter().filter(|x| x.used) {
            let collectives =
                c.actors.values().filter(|a| a.kind == ActorKind::Collective && cell.target_levels.contains(&a.level));
            for target in cell.targets.iter().chain(collectives.map(|a| &a.id)).filter(|t| *t != &s.actor) {
                edges
                    .entry((&s.actor, target, cell.role, cell.instrument, from.clone(), to.clone()))
                    .or_default()
                    .extend(links(c, viewer, &cell.provenance));
            }
        }
    }
    edges
        .into_iter()
        .map(|((source, target, role, instrument, from, to), sources)| SteeringData {
            source: source.to_string(),
            target: target.to_string(),
            role: role.key(),
            instrument: instrument.key(),
            from,
            to,
            sources: sources.into_iter().collect(),
        })
        .collect()
}
