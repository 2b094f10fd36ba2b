//! The report's explorer (`explore.html`): every country's actor graph as an interactive page
//! that works offline, opened as files.
//!
//! The page is static HTML (labelled controls, an empty graph, empty tables) and three scripts
//! next to it in `assets/`: the vendored Cytoscape.js (`vendor/cytoscape/`, MIT), the data
//! ([`data`], written by [`script`] as `explorer-data.js`) and the hand-written `explorer.js`
//! (kept beside this file) that draws the graph, the tables and an actor's card from the data.
//! Data travels as a script rather than JSON fetched at run time because browsers refuse to
//! fetch files from a page opened as a file.
//!
//! The data holds the **undated** countries: every actor, parent move, relation, steering edge,
//! role holding and resource carries its validity, so the page replays any year itself, exactly
//! as [`Country::as_of`] does (a browser test compares the two for every country and year).
//! Metrics are the exception: they are computed here, on each model at its reference date.
//! Every label is in the report's language, and model text reaches the page only through
//! `textContent` and `setAttribute`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::analysis::metrics::{self, ActorMetrics};
use crate::graph::view::{overlay, view, Change, GraphView, ViewEdgeKind, ViewKind, ViewOptions};
use crate::graph::{self, EdgeSet};
use crate::model::*;
use crate::render::dot::{change_colour, instrument_style, node_style, role_colour};
use crate::render::grid::quantity_text;
use crate::render::html::{escape, source_link};

/// Cytoscape.js 3.35.0, as vendored (written into the site as `assets/cytoscape.min.js`).
pub const CYTOSCAPE_JS: &str = include_str!("../../../vendor/cytoscape/cytoscape.min.js");
/// Cytoscape.js's MIT licence (written into the site as `assets/cytoscape-LICENSE.txt`).
pub const CYTOSCAPE_LICENSE: &str = include_str!("../../../vendor/cytoscape/LICENSE");
/// The explorer's own script (written into the site as `assets/explorer.js`).
pub const EXPLORER_JS: &str = include_str!("explorer.js");

/// The years the date slider replays.
pub const YEARS: std::ops::RangeInclusive<i32> = 2016..=2026;

/// The day of a year the slider shows (the day the report's "then" and "now" look at), except
/// in a country's reference year, which shows the reference date.
const YEAR_DAY: (u32, u32) = (6, 1);

/// A scenario the explorer can overlay on its base.
#[derive(Debug, Clone, Copy)]
pub struct ScenarioInput<'a> {
    /// The scenario's report page (`scenario-no-fin_centre.html`).
    pub page: &'a str,
    /// The scenario's name.
    pub name: &'a str,
    /// The date the base is taken on, if the scenario names one.
    pub date: Option<NaiveDate>,
    /// The model the scenario was applied to.
    pub base: &'a Country,
    /// The model it gives.
    pub result: &'a Country,
}

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

/// A vocabulary term: its key, its label in the report's language and how the graph draws it.
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    /// The key, as in model files.
    pub key: &'static str,
    /// The label.
    pub label: &'static str,
    /// An instrument's strength (1 strong .. 5 soft).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strength: Option<u8>,
    /// The fill (actor kinds) or line colour (roles, overlay changes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub colour: Option<&'static str>,
    /// The node shape (actor kinds, as Cytoscape names it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shape: Option<&'static str>,
    /// The line width (instruments).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<&'static str>,
    /// The line style (instruments): solid, dashed or dotted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<&'static str>,
}

impl Term {
    fn new(key: &'static str, label: &'static str) -> Self {
        Term { key, label, strength: None, colour: None, shape: None, width: None, line: None }
    }
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
        words: WORDS.iter().map(|k| (*k, word(lang, k))).collect(),
        terms: terms(lang),
        metrics: METRICS.iter().map(|(k, _)| Term::new(k, word(lang, k))).collect(),
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
                    format!("{} {} {}", m.currency, quantity_text(&m.amount), word(lang, scale_key(m.scale)))
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

fn scale_key(s: Scale) -> &'static str {
    match s {
        Scale::Unit => "scale unit",
        Scale::Thousand => "scale thousand",
        Scale::Million => "scale million",
        Scale::Billion => "scale billion",
    }
}

impl CountryData {
    /// Adds the metrics of `c` on its reference date, ranked.
    fn with_metrics(mut self, c: &Country) -> Self {
        let dated = c.as_compared(None);
        let m = metrics::metrics(&dated, &graph::build(&dated), EdgeSet::All);
        let round = |v: f64| (v * 1e4).round() / 1e4;
        let values: Vec<Vec<Option<f64>>> =
            m.actors.iter().map(|a| METRICS.iter().map(|(_, f)| f(a).map(round)).collect()).collect();
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

/// The metrics a card shows, by word key, each read off an actor's metrics.
type MetricFn = fn(&ActorMetrics) -> Option<f64>;
const METRICS: &[(&str, MetricFn)] = &[
    ("metric in", |a| Some(a.in_degree as f64)),
    ("metric out", |a| Some(a.out_degree as f64)),
    ("metric betweenness", |a| Some(a.betweenness)),
    ("metric betweenness weighted", |a| Some(a.betweenness_weighted)),
    ("metric closeness", |a| Some(a.closeness)),
    ("metric pagerank", |a| Some(a.pagerank)),
    ("metric constraint", |a| a.constraint),
    ("metric reach strong", |a| a.reach.get(1).map(|r| *r as f64)),
    ("metric reach all", |a| a.reach.get(4).map(|r| *r as f64)),
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

/// The hash key of a scenario: its page name without `scenario-<country>-` and `.html`.
fn scenario_key(page: &str, code: &str) -> String {
    let stem = page.strip_suffix(".html").unwrap_or(page);
    stem.strip_prefix(&format!("scenario-{code}-")).unwrap_or(stem).to_string()
}

fn change_key(c: Option<Change>) -> Option<&'static str> {
    c.map(|c| match c {
        Change::Added => "added",
        Change::Removed => "removed",
        Change::Changed => "changed",
    })
}

fn scenario(s: &ScenarioInput<'_>, lang: Lang) -> ScenarioData {
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

/// Cytoscape's name for the shape the diagrams give a kind.
fn shape(kind: ActorKind) -> &'static str {
    match node_style(Some(kind)).0 {
        "doubleoctagon" | "octagon" => "octagon",
        "ellipse" => "ellipse",
        "hexagon" => "hexagon",
        "folder" => "tag",
        "cds" => "right-rhomboid",
        "component" => "rectangle",
        _ => "round-rectangle",
    }
}

fn terms(lang: Lang) -> BTreeMap<&'static str, Vec<Term>> {
    let mut t = BTreeMap::new();
    t.insert("level", Level::ALL.iter().map(|l| Term::new(l.key(), l.label(lang))).collect());
    t.insert(
        "role",
        Role::ALL.iter().map(|r| Term { colour: Some(role_colour(*r)), ..Term::new(r.key(), r.label(lang)) }).collect(),
    );
    t.insert(
        "instrument",
        Instrument::ALL
            .iter()
            .map(|i| {
                let (width, line) = instrument_style(*i);
                Term {
                    strength: Some(i.strength()),
                    width: Some(width),
                    line: Some(line),
                    ..Term::new(i.key(), i.label(lang))
                }
            })
            .collect(),
    );
    t.insert("sector", Sector::ALL.iter().map(|s| Term::new(s.key(), s.label(lang))).collect());
    t.insert(
        "kind",
        ActorKind::ALL
            .iter()
            .map(|k| Term {
                colour: Some(node_style(Some(*k)).1),
                shape: Some(shape(*k)),
                ..Term::new(k.key(), kind_label(*k, lang))
            })
            .collect(),
    );
    t.insert("relation", RelationType::ALL.iter().map(|r| Term::new(r.key(), relation_label(*r, lang))).collect());
    t.insert("qualifier", Qualifier::ALL.iter().map(|q| Term::new(q.key(), qualifier_label(*q, lang))).collect());
    t.insert("confidence", Confidence::ALL.iter().map(|c| Term::new(c.key(), confidence_label(*c, lang))).collect());
    t.insert(
        "change",
        [Change::Added, Change::Removed, Change::Changed]
            .iter()
            .filter_map(|c| {
                let key = change_key(Some(*c))?;
                Some(Term { colour: Some(change_colour(*c)), ..Term::new(key, word(lang, key)) })
            })
            .collect(),
    );
    t.insert("lang", Lang::ALL.iter().map(|l| Term::new(l.key(), language_label(*l, lang))).collect());
    t
}

/// The page's body: the labelled controls, the graph, the card and the tables (filled by
/// `explorer.js`), and the three scripts.
pub fn body(lang: Lang) -> String {
    let w = |k: &str| escape(word(lang, k));
    let mut levels = String::new();
    for l in Level::ALL {
        levels.push_str(&format!(
            "<label class=\"x-check\"><input type=\"checkbox\" name=\"lv\" value=\"{k}\" id=\"x-lv-{k}\" checked> {}</label>\n",
            escape(l.label(lang)),
            k = l.key()
        ));
    }
    format!(
        r#"<p>{intro}</p>
<noscript><p class="note">{noscript}</p></noscript>
<div id="x-explorer" class="x-explorer">
<form id="x-controls" class="x-controls" aria-label="{controls}">
<div role="search">
<label for="x-search">{search}</label>
<input id="x-search" type="search" autocomplete="off" spellcheck="false" aria-describedby="x-search-hint" aria-controls="x-results">
<p id="x-search-hint" class="note">{search_hint}</p>
<ul id="x-results" class="x-results" aria-live="polite"></ul>
</div>
<fieldset>
<legend>{view}</legend>
<label for="x-country">{country}</label>
<select id="x-country"></select>
<label for="x-year">{year}</label>
<input id="x-year" type="range" min="{min}" max="{max}" step="1" aria-describedby="x-year-out">
<output id="x-year-out" for="x-year"></output>
<label for="x-edges">{edges}</label>
<select id="x-edges"></select>
<label for="x-depth">{depth}</label>
<select id="x-depth"></select>
</fieldset>
<fieldset>
<legend>{filters}</legend>
<fieldset class="x-levels">
<legend>{levels_word}</legend>
{levels}</fieldset>
<label for="x-kind">{kind}</label>
<select id="x-kind"></select>
<label for="x-role">{role}</label>
<select id="x-role"></select>
<label for="x-strength">{strength}</label>
<select id="x-strength"></select>
</fieldset>
<fieldset>
<legend>{scenario}</legend>
<label for="x-scenario">{overlay}</label>
<select id="x-scenario"></select>
</fieldset>
<label class="x-check"><input id="x-presentation" type="checkbox"> {presentation}</label>
<p><button id="x-reset" type="button">{reset}</button></p>
</form>
<div class="x-view">
<p id="x-status" class="x-status" role="status"></p>
<div id="x-legend" class="x-legend"></div>
<div class="x-panes">
<div id="x-graph" class="x-graph" role="img" aria-label="{graph}"></div>
<section id="x-card" class="x-card" aria-labelledby="x-card-title" tabindex="0" hidden></section>
</div>
</div>
</div>
<h2>{tables}</h2>
<p class="note">{tables_note}</p>
<div class="x-tables">
<table id="x-actors"><caption>{actors_caption}</caption><thead><tr></tr></thead><tbody></tbody></table>
<table id="x-edge-table"><caption>{edges_caption}</caption><thead><tr></tr></thead><tbody></tbody></table>
</div>
<p class="note">{licence} <a href="assets/cytoscape-LICENSE.txt">{licence_link}</a></p>
<script src="assets/cytoscape.min.js"></script>
<script src="assets/explorer-data.js"></script>
<script src="assets/explorer.js"></script>
"#,
        intro = w("explore intro"),
        noscript = w("needs script"),
        controls = w("controls"),
        search = w("search"),
        search_hint = w("search hint"),
        view = w("view"),
        country = w("country"),
        year = w("year"),
        min = YEARS.start(),
        max = YEARS.end(),
        edges = w("edges"),
        depth = w("depth"),
        filters = w("filters"),
        levels_word = w("levels"),
        kind = w("kind"),
        role = w("role"),
        strength = w("strength"),
        scenario = w("scenario"),
        overlay = w("overlay"),
        presentation = w("presentation"),
        reset = w("reset"),
        graph = w("graph"),
        tables = w("tables"),
        tables_note = w("tables note"),
        actors_caption = w("actors shown"),
        edges_caption = w("edges shown"),
        licence = w("licence"),
        licence_link = w("licence link"),
    )
}

/// The page's own style: controls beside the graph and card, tables below; ids and confidence
/// marks hidden in presentation mode. Colours keep a contrast of at least 4.5:1.
pub const CSS: &str = ".x-explorer{display:grid;grid-template-columns:minmax(15em,19em) 1fr;gap:1em;align-items:start}\
.x-controls fieldset{border:1px solid #767676;margin:0 0 .8em;padding:.3em .6em .6em}\
.x-controls label{display:block;margin:.4em 0 .1em}.x-controls label.x-check{display:flex;gap:.3em;align-items:center}\
.x-controls select,.x-controls input[type=search],.x-controls input[type=range]{width:100%;box-sizing:border-box}\
.x-results{list-style:none;padding:0;margin:.3em 0;max-height:18em;overflow-y:auto}\
.x-results li{margin:.15em 0}.x-results button{width:100%;text-align:left;background:#fff;border:1px solid #767676;padding:.25em .4em;cursor:pointer;font:inherit;color:#222}\
.x-results button:hover,.x-results button:focus{background:#e8f0fe}\
.x-panes{display:grid;grid-template-columns:minmax(0,1fr) minmax(16em,26em);gap:1em;align-items:start}\
.x-graph{height:640px;border:1px solid #767676;background:#fff;min-width:0}\
.x-card{border:1px solid #767676;padding:.3em 1em .8em;max-height:640px;overflow-y:auto;overflow-wrap:break-word}\
.x-card h2{margin:.4em 0 .2em;font-size:1.25em}.x-card h3{margin:.9em 0 .2em;font-size:1.05em}.x-card dl{display:grid;grid-template-columns:auto 1fr;gap:.15em .8em;margin:.4em 0}\
.x-card dl{grid-template-columns:minmax(6em,11em) 1fr}.x-card dt{font-weight:bold}.x-card dd{margin:0}.x-card ul{margin:.2em 0;padding-left:1.2em}.x-card table{margin:.3em 0;width:100%}\
.x-id{font-family:monospace;font-size:.8em;color:#555;margin-left:.4em}.x-conf{font-size:.85em;color:#555}\
.x-status{margin:.2em 0 .4em}.x-legend{font-size:.9em;margin:0 0 .4em}.x-legend span{display:inline-block;margin-right:1em}\
.x-swatch{display:inline-block;width:1.6em;height:.35em;vertical-align:middle;margin-right:.3em}\
button.x-link{background:none;border:none;padding:0;font:inherit;color:#0645ad;text-decoration:underline;cursor:pointer;text-align:left}\
.x-change{font-weight:bold}.x-change-added{color:#1a6e1a}.x-change-removed{color:#b01e1f}.x-change-changed{color:#8a4500}\
.x-tables table{width:100%}\
body.x-presenting .x-id,body.x-presenting .x-conf{display:none}\
@media (max-width:60em){.x-explorer,.x-panes{grid-template-columns:1fr}}\
@media print{.x-controls{display:none}.x-explorer{display:block}}";

/// The words the page uses (every one is in [`word`], in five languages).
pub const WORDS: &[&str] = &[
    "explore",
    "explore title",
    "explore intro",
    "needs script",
    "controls",
    "search",
    "search hint",
    "no results",
    "results",
    "view",
    "country",
    "year",
    "reference date",
    "year note",
    "edges",
    "edges all",
    "edges org",
    "edges steering",
    "depth",
    "depth all",
    "depth n",
    "filters",
    "levels",
    "kind",
    "all kinds",
    "role",
    "all roles",
    "strength",
    "strength up to",
    "scenario",
    "overlay",
    "no overlay",
    "overlay legend",
    "scenario page",
    "scenario date",
    "presentation",
    "reset",
    "graph",
    "graph of",
    "status",
    "tables",
    "tables note",
    "actors shown",
    "edges shown",
    "name",
    "level",
    "parent",
    "roles",
    "from",
    "edge",
    "to",
    "change",
    "added",
    "removed",
    "changed",
    "was",
    "names",
    "abbreviation",
    "aliases",
    "central",
    "yes",
    "portfolio",
    "standing",
    "participation",
    "exists",
    "always",
    "not on date",
    "confidence",
    "reconstructed",
    "roles per level",
    "holds",
    "steering held",
    "steering received",
    "relations",
    "resources",
    "fte",
    "budget",
    "covers",
    "scope",
    "metrics",
    "metrics note",
    "metric",
    "value",
    "rank",
    "rank of",
    "sources",
    "close",
    "none",
    "licence",
    "licence link",
];

/// Interface words of the explorer in the five languages (en, nb, sv, da, fi); Icelandic falls
/// back as [`pick`] says. The word of an unknown key is the key itself (a unit test checks that
/// every key the page uses has words).
pub fn word(lang: Lang, key: &str) -> &'static str {
    words(key).map_or("", |all| pick(lang, all))
}

fn words(key: &str) -> Option<[&'static str; 5]> {
    Some(match key {
        "explore" => ["Explore", "Utforsk", "Utforska", "Udforsk", "Tutki"],
        "explore title" => [
            "Explore the actor graphs",
            "Utforsk aktørgrafene",
            "Utforska aktörsgraferna",
            "Udforsk aktørgraferne",
            "Tutki toimijaverkkoja",
        ],
        "explore intro" => [
            "Search for an actor in any country, open its card, follow its neighbourhood, filter by level, kind, role and instrument strength, replay the dated facts year by year and lay a scenario over its base. The address bar keeps the view, so any view can be bookmarked or sent as a link.",
            "Søk etter en aktør i et hvilket som helst land, åpne kortet, følg naboskapet, filtrer på nivå, type, rolle og virkemidlets styrke, spill av de daterte faktaene år for år og legg et scenario over utgangspunktet. Adresselinjen holder på visningen, så enhver visning kan bokmerkes eller sendes som lenke.",
            "Sök efter en aktör i vilket land som helst, öppna dess kort, följ dess grannskap, filtrera på nivå, typ, roll och styrmedlets styrka, spela upp de daterade uppgifterna år för år och lägg ett scenario över utgångsläget. Adressfältet behåller vyn, så varje vy kan bokmärkas eller skickas som länk.",
            "Søg efter en aktør i et hvilket som helst land, åbn dens kort, følg dens naboskab, filtrér på niveau, type, rolle og virkemidlets styrke, afspil de daterede fakta år for år og læg et scenarie over udgangspunktet. Adresselinjen gemmer visningen, så enhver visning kan bogmærkes eller sendes som link.",
            "Hae toimijaa mistä tahansa maasta, avaa sen kortti, seuraa sen lähiverkostoa, rajaa tason, tyypin, roolin ja ohjauskeinon vahvuuden mukaan, toista päivätyt tiedot vuosi vuodelta ja aseta skenaario lähtötilanteen päälle. Osoiterivi säilyttää näkymän, joten jokaisen näkymän voi tallentaa kirjanmerkiksi tai lähettää linkkinä.",
        ],
        "needs script" => [
            "The explorer needs JavaScript. Every fact it shows is also on the country pages.",
            "Utforskeren trenger JavaScript. Alle faktaene den viser, står også på landsidene.",
            "Utforskaren behöver JavaScript. Alla uppgifter den visar finns också på landsidorna.",
            "Udforskeren kræver JavaScript. Alle fakta, den viser, står også på landesiderne.",
            "Tutkija tarvitsee JavaScriptin. Kaikki sen näyttämät tiedot ovat myös maasivuilla.",
        ],
        "controls" => ["Explorer controls", "Innstillinger", "Inställningar", "Indstillinger", "Asetukset"],
        "search" => ["Search actors", "Søk etter aktører", "Sök aktörer", "Søg efter aktører", "Hae toimijoita"],
        "search hint" => [
            "Names in every language, abbreviations and other names, in every country.",
            "Navn på alle språk, forkortelser og andre navn, i alle land.",
            "Namn på alla språk, förkortningar och andra namn, i alla länder.",
            "Navne på alle sprog, forkortelser og andre navne, i alle lande.",
            "Nimet kaikilla kielillä, lyhenteet ja muut nimet, kaikista maista.",
        ],
        "no results" => ["No actor matches.", "Ingen aktør passer.", "Ingen aktör matchar.", "Ingen aktør passer.", "Yksikään toimija ei vastaa hakua."],
        "results" => ["{n} actors found", "{n} aktører funnet", "{n} aktörer hittade", "{n} aktører fundet", "{n} toimijaa löytyi"],
        "view" => ["View", "Visning", "Vy", "Visning", "Näkymä"],
        "country" => ["Country", "Land", "Land", "Land", "Maa"],
        "year" => ["Year", "År", "År", "År", "Vuosi"],
        "reference date" => ["reference date", "referansedato", "referensdatum", "referencedato", "viitepäivä"],
        "year note" => [
            "Each year shows the model on 1 June; the country's reference year shows its reference date.",
            "Hvert år viser modellen per 1. juni; landets referanseår viser referansedatoen.",
            "Varje år visar modellen den 1 juni; landets referensår visar referensdatumet.",
            "Hvert år viser modellen pr. 1. juni; landets referenceår viser referencedatoen.",
            "Kukin vuosi näyttää mallin 1. kesäkuuta; maan viitevuosi näyttää viitepäivän.",
        ],
        "edges" => ["Links shown", "Koblinger som vises", "Kopplingar som visas", "Forbindelser, der vises", "Näytettävät yhteydet"],
        "edges all" => ["organisation and steering", "organisering og styring", "organisation och styrning", "organisering og styring", "organisaatio ja ohjaus"],
        "edges org" => ["organisation only", "bare organisering", "endast organisation", "kun organisering", "vain organisaatio"],
        "edges steering" => ["steering only", "bare styring", "endast styrning", "kun styring", "vain ohjaus"],
        "depth" => ["Neighbourhood of the chosen actor", "Naboskapet til valgt aktør", "Den valda aktörens grannskap", "Den valgte aktørs naboskab", "Valitun toimijan lähiverkosto"],
        "depth all" => ["whole country", "hele landet", "hela landet", "hele landet", "koko maa"],
        "depth n" => ["{n} steps", "{n} steg", "{n} steg", "{n} trin", "{n} askelta"],
        "filters" => ["Filters", "Filtre", "Filter", "Filtre", "Suodattimet"],
        "levels" => ["Levels", "Nivåer", "Nivåer", "Niveauer", "Tasot"],
        "kind" => ["Kind of actor", "Type aktør", "Typ av aktör", "Type aktør", "Toimijan tyyppi"],
        "all kinds" => ["all kinds", "alle typer", "alla typer", "alle typer", "kaikki tyypit"],
        "role" => ["Role", "Rolle", "Roll", "Rolle", "Rooli"],
        "all roles" => ["all roles", "alle roller", "alla roller", "alle roller", "kaikki roolit"],
        "strength" => ["Steering instruments", "Virkemidler i styringen", "Styrmedel i styrningen", "Virkemidler i styringen", "Ohjauskeinot"],
        "strength up to" => ["{n} or stronger: {label}", "{n} eller sterkere: {label}", "{n} eller starkare: {label}", "{n} eller stærkere: {label}", "{n} tai vahvempi: {label}"],
        "scenario" => ["Scenario", "Scenario", "Scenario", "Scenarie", "Skenaario"],
        "overlay" => ["Overlay a scenario on its base", "Legg et scenario over utgangspunktet", "Lägg ett scenario över utgångsläget", "Læg et scenarie over udgangspunktet", "Aseta skenaario lähtötilanteen päälle"],
        "no overlay" => ["none", "ingen", "inget", "intet", "ei mitään"],
        "overlay legend" => [
            "Scenario over its base: added green, removed red, changed orange.",
            "Scenario over utgangspunktet: lagt til grønn, fjernet rød, endret oransje.",
            "Scenario över utgångsläget: tillagt grönt, borttaget rött, ändrat orange.",
            "Scenarie over udgangspunktet: tilføjet grøn, fjernet rød, ændret orange.",
            "Skenaario lähtötilanteen päällä: lisätty vihreä, poistettu punainen, muutettu oranssi.",
        ],
        "scenario page" => ["the scenario's page", "scenarioets side", "scenariots sida", "scenariets side", "skenaarion sivu"],
        "scenario date" => ["base on {date}", "utgangspunkt per {date}", "utgångsläge den {date}", "udgangspunkt pr. {date}", "lähtötilanne {date}"],
        "presentation" => [
            "Presentation mode (hides ids and confidence marks)",
            "Presentasjonsmodus (skjuler id-er og merker for usikkerhet)",
            "Presentationsläge (döljer id:n och osäkerhetsmarkeringar)",
            "Præsentationstilstand (skjuler id'er og mærker for usikkerhed)",
            "Esitystila (piilottaa tunnisteet ja varmuusmerkinnät)",
        ],
        "reset" => ["Reset the view", "Tilbakestill visningen", "Återställ vyn", "Nulstil visningen", "Palauta näkymä"],
        "graph" => ["Actor graph", "Aktørgraf", "Aktörsgraf", "Aktørgraf", "Toimijaverkko"],
        "graph of" => [
            "Actor graph of {country} on {date}: {n} actors and {m} links, listed in the tables below",
            "Aktørgraf for {country} per {date}: {n} aktører og {m} koblinger, listet i tabellene nedenfor",
            "Aktörsgraf för {country} den {date}: {n} aktörer och {m} kopplingar, listade i tabellerna nedan",
            "Aktørgraf for {country} pr. {date}: {n} aktører og {m} forbindelser, listet i tabellerne nedenfor",
            "Toimijaverkko, {country} {date}: {n} toimijaa ja {m} yhteyttä, lueteltu alla olevissa taulukoissa",
        ],
        "status" => [
            "{country} on {date}: {n} actors, {m} links",
            "{country} per {date}: {n} aktører, {m} koblinger",
            "{country} den {date}: {n} aktörer, {m} kopplingar",
            "{country} pr. {date}: {n} aktører, {m} forbindelser",
            "{country} {date}: {n} toimijaa, {m} yhteyttä",
        ],
        "tables" => ["The graph as tables", "Grafen som tabeller", "Grafen som tabeller", "Grafen som tabeller", "Verkko taulukkoina"],
        "tables note" => [
            "The same actors and links as the graph, with the same filters.",
            "De samme aktørene og koblingene som grafen, med de samme filtrene.",
            "Samma aktörer och kopplingar som grafen, med samma filter.",
            "De samme aktører og forbindelser som grafen, med de samme filtre.",
            "Samat toimijat ja yhteydet kuin verkossa, samoin suodattimin.",
        ],
        "actors shown" => ["Actors shown", "Aktører som vises", "Aktörer som visas", "Aktører, der vises", "Näytettävät toimijat"],
        "edges shown" => ["Links shown", "Koblinger som vises", "Kopplingar som visas", "Forbindelser, der vises", "Näytettävät yhteydet"],
        "name" => ["Name", "Navn", "Namn", "Navn", "Nimi"],
        "level" => ["Level", "Nivå", "Nivå", "Niveau", "Taso"],
        "parent" => ["Under", "Under", "Under", "Under", "Alainen"],
        "roles" => ["Roles", "Roller", "Roller", "Roller", "Roolit"],
        "from" => ["From", "Fra", "Från", "Fra", "Mistä"],
        "edge" => ["Link", "Kobling", "Koppling", "Forbindelse", "Yhteys"],
        "to" => ["To", "Til", "Till", "Til", "Mihin"],
        "change" => ["In the scenario", "I scenarioet", "I scenariot", "I scenariet", "Skenaariossa"],
        "added" => ["added", "lagt til", "tillagd", "tilføjet", "lisätty"],
        "removed" => ["removed", "fjernet", "borttagen", "fjernet", "poistettu"],
        "changed" => ["changed", "endret", "ändrad", "ændret", "muutettu"],
        "was" => ["before: {label}", "før: {label}", "före: {label}", "før: {label}", "ennen: {label}"],
        "names" => ["Names", "Navn", "Namn", "Navne", "Nimet"],
        "abbreviation" => ["Abbreviation", "Forkortelse", "Förkortning", "Forkortelse", "Lyhenne"],
        "aliases" => ["Also called", "Også kalt", "Kallas också", "Også kaldt", "Myös"],
        "central" => ["Central digitalisation unit", "Sentral digitaliseringsenhet", "Central digitaliseringsenhet", "Central digitaliseringsenhed", "Digitalisaation keskusyksikkö"],
        "yes" => ["yes", "ja", "ja", "ja", "kyllä"],
        "portfolio" => ["Portfolio", "Ansvarsområde", "Ansvarsområde", "Ressort", "Toimiala"],
        "standing" => ["Standing", "Varighet", "Varaktighet", "Varighed", "Kesto"],
        "participation" => ["Participation", "Deltakelse", "Deltagande", "Deltagelse", "Osallistuminen"],
        "exists" => ["Exists", "Finnes", "Finns", "Findes", "Olemassa"],
        "always" => ["throughout the model", "i hele modellen", "i hela modellen", "i hele modellen", "koko mallin ajan"],
        "not on date" => [
            "Not in the model on {date} (exists {dates}).",
            "Ikke i modellen per {date} (finnes {dates}).",
            "Inte i modellen den {date} (finns {dates}).",
            "Ikke i modellen pr. {date} (findes {dates}).",
            "Ei mallissa {date} (olemassa {dates}).",
        ],
        "confidence" => ["Confidence", "Sikkerhet", "Säkerhet", "Sikkerhed", "Varmuus"],
        "reconstructed" => ["reconstructed from flattened text", "rekonstruert fra flatet tekst", "rekonstruerad från tillplattad text", "rekonstrueret fra fladtrykt tekst", "rekonstruoitu litistetystä tekstistä"],
        "roles per level" => ["Roles per level", "Roller per nivå", "Roller per nivå", "Roller pr. niveau", "Roolit tasoittain"],
        "holds" => ["holds", "har", "har", "har", "on"],
        "steering held" => ["Steering it exercises", "Styring den utøver", "Styrning den utövar", "Styring, den udøver", "Ohjaus, jota se käyttää"],
        "steering received" => ["Steering it receives", "Styring den mottar", "Styrning den tar emot", "Styring, den modtager", "Ohjaus, jota se saa"],
        "relations" => ["Relations", "Relasjoner", "Relationer", "Relationer", "Suhteet"],
        "resources" => ["Resources", "Ressurser", "Resurser", "Ressourcer", "Resurssit"],
        "fte" => ["FTE", "Årsverk", "Årsarbetskrafter", "Årsværk", "Henkilötyövuodet"],
        "budget" => ["Budget", "Budsjett", "Budget", "Budget", "Budjetti"],
        "covers" => ["Covers", "Omfatter", "Omfattar", "Omfatter", "Kattaa"],
        "scope" => ["Counts", "Teller", "Räknar", "Tæller", "Laskee"],
        "metrics" => ["Network metrics", "Nettverksmål", "Nätverksmått", "Netværksmål", "Verkostomittarit"],
        "metrics note" => [
            "On the reference date {date}, over organisation and steering; rank 1 is the highest of {n} actors.",
            "På referansedatoen {date}, over organisering og styring; rang 1 er høyest av {n} aktører.",
            "På referensdatumet {date}, över organisation och styrning; rang 1 är högst av {n} aktörer.",
            "På referencedatoen {date}, over organisering og styring; rang 1 er højest af {n} aktører.",
            "Viitepäivänä {date}, organisaatio ja ohjaus; sija 1 on korkein {n} toimijasta.",
        ],
        "metric" => ["Metric", "Mål", "Mått", "Mål", "Mittari"],
        "value" => ["Value", "Verdi", "Värde", "Værdi", "Arvo"],
        "rank" => ["Rank", "Rang", "Rang", "Rang", "Sija"],
        "rank of" => ["{r} of {n}", "{r} av {n}", "{r} av {n}", "{r} af {n}", "{r} / {n}"],
        "sources" => ["Sources", "Kilder", "Källor", "Kilder", "Lähteet"],
        "close" => ["Close the card", "Lukk kortet", "Stäng kortet", "Luk kortet", "Sulje kortti"],
        "none" => ["none", "ingen", "inga", "ingen", "ei yhtään"],
        "licence" => [
            "The graph is drawn with Cytoscape.js 3.35.0, included in the site under the MIT licence.",
            "Grafen tegnes med Cytoscape.js 3.35.0, som følger med nettstedet under MIT-lisensen.",
            "Grafen ritas med Cytoscape.js 3.35.0, som ingår i webbplatsen under MIT-licensen.",
            "Grafen tegnes med Cytoscape.js 3.35.0, som følger med webstedet under MIT-licensen.",
            "Verkon piirtää Cytoscape.js 3.35.0, joka sisältyy sivustoon MIT-lisenssillä.",
        ],
        "licence link" => ["The licence", "Lisensen", "Licensen", "Licensen", "Lisenssi"],
        "scale unit" => ["", "", "", "", ""],
        "scale thousand" => ["thousand", "tusen", "tusen", "tusind", "tuhatta"],
        "scale million" => ["million", "millioner", "miljoner", "millioner", "miljoonaa"],
        "scale billion" => ["billion", "milliarder", "miljarder", "milliarder", "miljardia"],
        "metric in" => ["links in", "koblinger inn", "kopplingar in", "forbindelser ind", "yhteydet sisään"],
        "metric out" => ["links out", "koblinger ut", "kopplingar ut", "forbindelser ud", "yhteydet ulos"],
        "metric betweenness" => ["betweenness", "mellomsentralitet", "mellanhetscentralitet", "mellemcentralitet", "välillisyyskeskeisyys"],
        "metric betweenness weighted" => [
            "betweenness weighted by instrument",
            "mellomsentralitet vektet etter virkemiddel",
            "mellanhetscentralitet viktad efter styrmedel",
            "mellemcentralitet vægtet efter virkemiddel",
            "välillisyyskeskeisyys ohjauskeinolla painotettuna",
        ],
        "metric closeness" => ["closeness", "nærhetssentralitet", "närhetscentralitet", "nærhedscentralitet", "läheisyyskeskeisyys"],
        "metric pagerank" => ["PageRank", "PageRank", "PageRank", "PageRank", "PageRank"],
        "metric constraint" => ["Burt's constraint", "Burts begrensning", "Burts begränsning", "Burts begrænsning", "Burtin rajoite"],
        "metric reach strong" => [
            "actors reached through strong steering (1-2)",
            "aktører nådd gjennom sterk styring (1-2)",
            "aktörer som nås genom stark styrning (1-2)",
            "aktører nået gennem stærk styring (1-2)",
            "vahvalla ohjauksella (1-2) tavoitetut toimijat",
        ],
        "metric reach all" => [
            "actors reached through any steering (1-5)",
            "aktører nådd gjennom all styring (1-5)",
            "aktörer som nås genom all styrning (1-5)",
            "aktører nået gennem al styring (1-5)",
            "millä tahansa ohjauksella (1-5) tavoitetut toimijat",
        ],
        _ => return None,
    })
}

/// A language's name in the report's language.
fn language_label(l: Lang, lang: Lang) -> &'static str {
    pick(
        lang,
        match l {
            Lang::En => ["English", "engelsk", "engelska", "engelsk", "englanti"],
            Lang::Nb => ["Norwegian", "norsk", "norska", "norsk", "norja"],
            Lang::Sv => ["Swedish", "svensk", "svenska", "svensk", "ruotsi"],
            Lang::Da => ["Danish", "dansk", "danska", "dansk", "tanska"],
            Lang::Fi => ["Finnish", "finsk", "finska", "finsk", "suomi"],
            Lang::Is => ["Icelandic", "islandsk", "isländska", "islandsk", "islanti"],
        },
    )
}

/// An actor kind's name.
fn kind_label(k: ActorKind, lang: Lang) -> &'static str {
    pick(
        lang,
        match k {
            ActorKind::Government => ["government", "regjering", "regering", "regering", "hallitus"],
            ActorKind::Parliament => ["parliament", "nasjonalforsamling", "riksdag", "parlament", "eduskunta"],
            ActorKind::Ministry => ["ministry", "departement", "departement", "ministerium", "ministeriö"],
            ActorKind::Agency => ["agency", "etat", "myndighet", "styrelse", "virasto"],
            ActorKind::Unit => ["unit", "enhet", "enhet", "enhed", "yksikkö"],
            ActorKind::Council => ["council", "råd", "råd", "råd", "neuvosto"],
            ActorKind::Forum => ["forum", "forum", "forum", "forum", "foorumi"],
            ActorKind::Association => ["association", "interesseorganisasjon", "förbund", "forening", "liitto"],
            ActorKind::Company => ["company", "selskap", "bolag", "selskab", "yhtiö"],
            ActorKind::Collective => [
                "group of bodies",
                "gruppe av virksomheter",
                "grupp av organisationer",
                "gruppe af organisationer",
                "organisaatioryhmä",
            ],
            ActorKind::Secretariat => ["secretariat", "sekretariat", "sekretariat", "sekretariat", "sihteeristö"],
            ActorKind::Programme => [
                "programme or scheme",
                "program eller ordning",
                "program eller ordning",
                "program eller ordning",
                "ohjelma tai järjestely",
            ],
            ActorKind::Placeholder => ["stand-in", "plassholder", "platshållare", "pladsholder", "paikanpitäjä"],
            ActorKind::Municipality => ["municipality", "kommune", "kommun", "kommune", "kunta"],
            ActorKind::Region => ["region", "region", "region", "region", "alue"],
            ActorKind::AuditOffice => {
                ["audit office", "riksrevisjon", "riksrevision", "rigsrevision", "tarkastusvirasto"]
            }
        },
    )
}

/// A relation type's name, read `from <name> to`.
fn relation_label(r: RelationType, lang: Lang) -> &'static str {
    pick(
        lang,
        match r {
            RelationType::ReportsTo => {
                ["reports to", "rapporterer til", "rapporterar till", "rapporterer til", "raportoi"]
            }
            RelationType::OwnedBy => ["owned by", "eid av", "ägs av", "ejet af", "omistaja"],
            RelationType::PartOf => ["part of", "del av", "del av", "del af", "osa"],
            RelationType::MemberOf => ["member of", "medlem av", "medlem i", "medlem af", "jäsen"],
            RelationType::Represents => ["represents", "representerer", "representerar", "repræsenterer", "edustaa"],
            RelationType::Funds => ["funds", "finansierer", "finansierar", "finansierer", "rahoittaa"],
            RelationType::Advises => ["advises", "gir råd til", "ger råd till", "rådgiver", "neuvoo"],
            RelationType::Coordinates => ["coordinates", "koordinerer", "samordnar", "koordinerer", "koordinoi"],
            RelationType::HostsSecretariatOf => [
                "hosts the secretariat of",
                "har sekretariatet for",
                "har sekretariatet för",
                "har sekretariatet for",
                "on sihteeristö",
            ],
            RelationType::AgreementWith => {
                ["has an agreement with", "har avtale med", "har avtal med", "har aftale med", "on sopimus"]
            }
            RelationType::Appoints => ["appoints", "oppnevner", "utser", "udpeger", "nimittää"],
            RelationType::Chairs => ["chairs", "leder", "leder", "leder", "johtaa"],
            RelationType::Supervises => {
                ["supervises", "fører tilsyn med", "utövar tillsyn över", "fører tilsyn med", "valvoo"]
            }
            RelationType::Consults => ["consults", "konsulterer", "samråder med", "konsulterer", "kuulee"],
            RelationType::OperatesFor => ["operates for", "drifter for", "driver för", "driver for", "ylläpitää"],
            RelationType::Succeeds => ["succeeds", "etterfølger", "efterträder", "efterfølger", "seuraa"],
            RelationType::Gatekeeps => [
                "approves the projects of",
                "godkjenner prosjektene til",
                "godkänner projekten hos",
                "godkender projekterne hos",
                "hyväksyy hankkeet",
            ],
        },
    )
}

/// A qualifier's name.
fn qualifier_label(q: Qualifier, lang: Lang) -> &'static str {
    pick(
        lang,
        match q {
            Qualifier::Possibly => ["possibly", "eventuelt", "eventuellt", "eventuelt", "mahdollisesti"],
            Qualifier::InSomeCases => {
                ["in some cases", "i enkelte tilfeller", "i vissa fall", "i visse tilfælde", "joissakin tapauksissa"]
            }
            Qualifier::Advisory => ["advisory", "rådgivende", "rådgivande", "rådgivende", "neuvoa-antava"],
            Qualifier::ConsultedOnly => {
                ["consulted only", "bare i høring", "endast remissinstans", "kun i høring", "vain kuultavana"]
            }
            Qualifier::Example => ["as an example", "som eksempel", "som exempel", "som eksempel", "esimerkkinä"],
            Qualifier::Partly => ["partly", "delvis", "delvis", "delvis", "osittain"],
        },
    )
}

/// A confidence's name.
fn confidence_label(c: Confidence, lang: Lang) -> &'static str {
    pick(
        lang,
        match c {
            Confidence::High => ["high", "høy", "hög", "høj", "korkea"],
            Confidence::Medium => ["medium", "middels", "medel", "middel", "keskitaso"],
            Confidence::Low => ["low", "lav", "låg", "lav", "matala"],
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_the_page_uses_exists() {
        for k in WORDS.iter().chain(METRICS.iter().map(|(k, _)| k)) {
            assert!(words(k).is_some(), "no words for `{k}`");
        }
        // And every word key explorer.js reads (`W['...']` or `word('...')`) is in WORDS.
        for part in EXPLORER_JS.split("word('").skip(1) {
            let key = part.split('\'').next().unwrap_or_default();
            assert!(WORDS.contains(&key), "explorer.js uses `{key}`, which is not in WORDS");
        }
    }

    #[test]
    fn the_data_script_cannot_end_a_script_element() {
        let mut c = Country { code: "xx".into(), ..Default::default() };
        let mut a = Actor {
            id: ActorId::new("evil"),
            name: Names::default(),
            abbr: Some("</script><script>alert(1)</script>\u{2028}".into()),
            aliases: vec![],
            kind: ActorKind::Agency,
            level: Level::State,
            parent: None,
            central: false,
            portfolio: None,
            standing: None,
            participation: None,
            validity: Validity::default(),
            provenance: Provenance::default(),
        };
        a.name.insert(Lang::En, "<img src=x onerror=alert(1)>");
        c.actors.insert(a.id.clone(), a);
        let s = script(&data(&[c], &[], &BTreeSet::new(), Lang::En));
        assert!(!s.contains("</"), "{s}");
        assert!(!s.contains('\u{2028}'));
        let json = s.split_once(" = ").map(|(_, j)| j.trim_end().trim_end_matches(';')).unwrap_or_default();
        let v: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
        assert_eq!(v["countries"][0]["actors"][0]["abbr"], "</script><script>alert(1)</script>\u{2028}");
    }

    #[test]
    fn scenario_keys_drop_the_page_prefix() {
        assert_eq!(scenario_key("scenario-no-fin_centre.html", "no"), "fin_centre");
        assert_eq!(scenario_key("other.html", "no"), "other");
    }
}
