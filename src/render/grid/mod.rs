//! The grid: the one tabular shape every tabular format renders (terminal table, Markdown, CSV,
//! HTML, XLSX). Each view becomes one or more grids here, in the requested language, so the
//! formats differ only in how they write cells, never in what the cells say.
//!
//! One country's views (matrices, resources, metrics) are built here; comparisons of several
//! countries in [`compare`], scenario diffs in [`diff`](mod@diff). Every word comes from
//! [`Word`], every term of the framework from its [`Labelled`] vocabulary.

pub mod compare;
pub mod diff;

pub use compare::{compare_instruments, compare_resources, compare_roles};
pub use diff::diff;

#[cfg(test)]
mod tests;

use crate::analysis::matrix::{CellProvenance, OperationalMatrix, RoleMatrix, StrategicTable};
use crate::analysis::metrics::Metrics;
use crate::analysis::resources::ResourceTable;
use crate::graph::EdgeSet;
use crate::model::pick;
use crate::model::{Confidence, Instrument, Labelled, Labels, Lang, Qualifier, Quantity, Role, SourceRef, Vocabulary};
use crate::render::words::Word;

/// One cell: its text, and where it comes from (shown on hover in HTML, under the table with
/// `--sources` in text formats).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    /// What the cell says.
    pub text: String,
    /// Its provenance, e.g. `nordic2017:2337-2339 (medium, reconstructed)`.
    pub source: Option<String>,
    /// The passages it cites, for formats that can link to them.
    pub refs: Vec<SourceRef>,
}

impl Cell {
    /// A cell with text and no provenance.
    pub fn text(text: impl Into<String>) -> Self {
        Self { text: text.into(), source: None, refs: Vec::new() }
    }

    /// A cell with text and the provenance of `p`, its sources cited from `names`.
    pub fn sourced(text: impl Into<String>, p: &CellProvenance, names: &Labels) -> Self {
        Self { text: text.into(), source: provenance_text(p, names), refs: p.sources.clone() }
    }
}

/// A table of cells with a title, a header row and notes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grid {
    /// The spreadsheet sheet the grid belongs to (a country code, or `comparison`).
    pub sheet: String,
    /// A line above the table.
    pub title: String,
    /// Column headers.
    pub header: Vec<String>,
    /// Rows of cells; each has as many cells as the header.
    pub rows: Vec<Vec<Cell>>,
    /// Lines below the table (legend, sources).
    pub notes: Vec<String>,
}

/// How views become grids.
#[derive(Debug, Clone, Copy)]
pub struct GridOptions<'a> {
    /// Language of labels.
    pub lang: Lang,
    /// Show each used operational cell's description.
    pub detail: bool,
    /// List each cell's sources under the table.
    pub sources: bool,
    /// The names titles and headers give countries and actors (a code or id the lookup lacks
    /// prints as itself).
    pub names: &'a Labels,
}

/// How a qualifier is written after an actor in a cell.
pub fn qualifier_text(q: Qualifier) -> String {
    q.key().replace('_', " ")
}

/// The mark after a role-matrix cell of low confidence.
pub const LOW_MARK: &str = " ?";
/// The mark after a role-matrix cell reconstructed from flattened text.
pub const RECONSTRUCTED_MARK: &str = " ~";

/// The short marker for a cell's provenance: `?` for low confidence, `~` for reconstructed.
fn marker(p: &CellProvenance) -> &'static str {
    match (p.confidence, p.reconstructed) {
        (Some(Confidence::Low), _) => LOW_MARK,
        (_, true) => RECONSTRUCTED_MARK,
        _ => "",
    }
}

/// A cell's provenance in one line, its passages cited in full from `names`: `Title
/// (Publisher, 2017), lines 35-43; ... (high confidence, reconstructed)`.
pub fn provenance_text(p: &CellProvenance, names: &Labels) -> Option<String> {
    if p.sources.is_empty() {
        return None;
    }
    let lang = names.lang;
    let refs: Vec<String> = p.sources.iter().map(|r| names.cite(r, true)).collect();
    let conf = match p.confidence {
        Some(Confidence::High) => {
            pick(lang, ["high confidence", "høy sikkerhet", "hög säkerhet", "høj sikkerhed", "varma"])
        }
        Some(Confidence::Medium) => pick(
            lang,
            ["medium confidence", "middels sikkerhet", "medelhög säkerhet", "middel sikkerhed", "melko varma"],
        ),
        Some(Confidence::Low) => {
            pick(lang, ["low confidence", "lav sikkerhet", "låg säkerhet", "lav sikkerhed", "epävarma"])
        }
        None => pick(
            lang,
            [
                "confidence not stated",
                "sikkerhet ikke oppgitt",
                "säkerhet ej angiven",
                "sikkerhed ikke angivet",
                "varmuutta ei ilmoitettu",
            ],
        ),
    };
    let recon = if p.reconstructed {
        format!(
            ", {}",
            pick(lang, ["reconstructed", "rekonstruert", "rekonstruerad", "rekonstrueret", "rekonstruoitu"])
        )
    } else {
        String::new()
    };
    Some(format!("{} ({conf}{recon})", refs.join("; ")))
}

/// Adds the legend and, if asked, one line per sourced cell.
fn finish(g: &mut Grid, o: &GridOptions, sources: Vec<(String, Option<String>)>) {
    g.notes.push(Word::MarksLegend.label(o.lang).to_string());
    if o.sources {
        g.notes.push(format!("{}:", Word::Sources.label(o.lang)));
        g.notes.extend(sources.into_iter().filter_map(|(what, s)| s.map(|s| format!("{what}: {s}"))));
    }
}

fn instrument_header(i: Instrument, lang: Lang) -> String {
    format!("{} {}", i.strength(), i.label(lang))
}

/// The role matrix as a grid.
pub fn role_matrix(m: &RoleMatrix, o: &GridOptions) -> Grid {
    let lang = o.lang;
    let mut g = Grid {
        sheet: m.country.clone(),
        title: format!("{}: {} ({})", Word::RoleMatrix.label(lang), o.names.country(&m.country), m.sector.label(lang)),
        header: std::iter::once(Word::Level.label(lang).to_string())
            .chain(Role::ALL.iter().map(|r| r.label(lang).to_string()))
            .collect(),
        ..Default::default()
    };
    let mut sources = Vec::new();
    for row in &m.rows {
        let level = if row.present {
            row.level.label(lang).to_string()
        } else {
            format!("{} ({})", row.level.label(lang), Word::NotPresent.label(lang))
        };
        let mut cells = vec![Cell::text(level)];
        for cell in &row.cells {
            let holders: Vec<String> = cell
                .holders
                .iter()
                .map(|h| match h.qualifier {
                    Some(q) => format!("{} ({})", h.actor.label, qualifier_text(q)),
                    None => h.actor.label.clone(),
                })
                .collect();
            let text = if holders.is_empty() {
                String::new()
            } else {
                format!("{}{}", holders.join(", "), marker(&cell.provenance))
            };
            let source = provenance_text(&cell.provenance, o.names);
            sources.push((format!("{} x {}", row.level, cell.role), source.clone()));
            cells.push(Cell { text, source, refs: cell.provenance.sources.clone() });
        }
        g.rows.push(cells);
    }
    finish(&mut g, o, sources);
    g
}

/// The strategic steering table as a grid.
pub fn strategic(s: &StrategicTable, o: &GridOptions) -> Grid {
    let lang = o.lang;
    let mut g = Grid {
        sheet: s.country.clone(),
        title: format!("{}: {}", Word::StrategicSteering.label(lang), o.names.country(&s.country)),
        header: [Word::Sector, Word::Level, Word::PrimaryActors, Word::StrategyDocuments, Word::Instruments]
            .map(|w| w.label(lang).to_string())
            .to_vec(),
        ..Default::default()
    };
    let mut sources = Vec::new();
    for r in &s.rows {
        let docs: Vec<String> = r
            .documents
            .iter()
            .map(|d| match &d.years {
                Some(y) => format!("{} ({y})", d.title),
                None => d.title.clone(),
            })
            .collect();
        let instruments: Vec<String> = r.instruments.iter().map(|i| instrument_header(*i, lang)).collect();
        let source = provenance_text(&r.provenance, o.names);
        sources.push((format!("{} {}", r.sector, r.level), source.clone()));
        g.rows.push(vec![
            Cell::text(r.sector.label(lang)),
            Cell {
                text: format!("{}{}", r.level.label(lang), marker(&r.provenance)),
                source,
                refs: r.provenance.sources.clone(),
            },
            Cell::text(r.primary_actors.iter().map(|a| a.label.clone()).collect::<Vec<_>>().join(", ")),
            Cell::text(docs.join("; ")),
            Cell::text(instruments.join(", ")),
        ]);
    }
    finish(&mut g, o, sources);
    g
}

/// An operational steering matrix as a grid; with `detail`, each used cell shows its text.
pub fn operational(m: &OperationalMatrix, o: &GridOptions) -> Grid {
    let lang = o.lang;
    let mut g = Grid {
        sheet: m.country.clone(),
        title: format!(
            "{}: {} ({}){}",
            Word::OperationalSteering.label(lang),
            m.actor.label,
            m.sector.label(lang),
            marker(&m.provenance)
        ),
        header: std::iter::once(Word::Role.label(lang).to_string())
            .chain(Instrument::ALL.iter().map(|i| instrument_header(*i, lang)))
            .collect(),
        ..Default::default()
    };
    let mut sources = vec![("slide".to_string(), provenance_text(&m.provenance, o.names))];
    for row in &m.rows {
        let mut cells = vec![Cell::text(row.role.label(lang))];
        for c in &row.cells {
            let mark = if c.used { format!("✓{}", marker(&c.provenance)) } else { "✗".to_string() };
            let text = match (&c.text, o.detail && c.used) {
                (Some(text), true) => format!("{mark} {text}"),
                _ => mark,
            };
            let source = provenance_text(&c.provenance, o.names);
            if c.used {
                sources.push((format!("{} x {}", row.role, c.instrument), source.clone()));
            }
            cells.push(Cell { text, source, refs: c.provenance.sources.clone() });
        }
        g.rows.push(cells);
    }
    if let Some(title) = &m.title {
        g.notes.push(format!("{}: {title}", Word::Slide.label(lang)));
    }
    g.notes.push(format!("✓ {}, ✗ {}", Word::Used.label(lang), Word::NotUsed.label(lang)));
    finish(&mut g, o, sources);
    g
}

/// A quantity as text: `160`, `~160`, `300-320`, `<= 1`.
pub fn quantity_text(q: &Quantity) -> String {
    let n = |v: f64| {
        if v.fract() == 0.0 && v.abs() < 1e15 {
            format!("{}", v as i64)
        } else {
            format!("{v}")
        }
    };
    let approx = if q.approx { "~" } else { "" };
    match (q.value, q.min, q.max) {
        (Some(v), None, None) => format!("{approx}{}", n(v)),
        (Some(v), lo, hi) => format!("{approx}{} ({}-{})", n(v), lo.map_or("?".into(), n), hi.map_or("?".into(), n)),
        (None, Some(lo), Some(hi)) => format!("{approx}{}-{}", n(lo), n(hi)),
        (None, Some(lo), None) => format!(">= {}", n(lo)),
        (None, None, Some(hi)) => format!("<= {}", n(hi)),
        (None, None, None) => String::new(),
    }
}

/// Euro millions with one decimal.
fn eur_m(v: f64) -> String {
    format!("{:.1}", v / 1e6)
}

/// The resources table as a grid.
pub fn resources(t: &ResourceTable, o: &GridOptions) -> Grid {
    let lang = o.lang;
    let mut g = Grid {
        sheet: t.country.clone(),
        title: format!("{}: {}", Word::Resources.label(lang), o.names.country(&t.country)),
        header: [
            Word::Actor,
            Word::CentralUnit,
            Word::Fte,
            Word::Budget,
            Word::EurM,
            Word::Rate,
            Word::Year,
            Word::Covers,
        ]
        .map(|w| w.label(lang).to_string())
        .to_vec(),
        ..Default::default()
    };
    let mut sources = Vec::new();
    for r in &t.rows {
        let budget = r
            .budget
            .as_ref()
            .map(|m| format!("{} {} {}", m.currency, quantity_text(&m.amount), m.scale))
            .unwrap_or_default();
        let (eur, rate) = match (&r.budget, &r.budget_eur) {
            (Some(_), Some(e)) => (
                match (e.min, e.max) {
                    (Some(lo), Some(hi)) => format!("{} ({}-{})", eur_m(e.value), eur_m(lo), eur_m(hi)),
                    _ => eur_m(e.value),
                },
                e.rate.as_ref().map_or(String::new(), |x| {
                    format!("{} {} = EUR {}", x.year.map_or(String::new(), |y| y.to_string()), x.currency, x.eur)
                        .trim()
                        .to_string()
                }),
            ),
            (Some(m), None) => (String::new(), format!("{} {}", Word::NoRateFor.label(lang), m.currency)),
            _ => (String::new(), String::new()),
        };
        let source = provenance_text(&r.provenance, o.names);
        sources.push((r.actor.id.to_string(), source.clone()));
        g.rows.push(vec![
            Cell {
                text: format!("{}{}", r.actor.label, marker(&r.provenance)),
                source,
                refs: r.provenance.sources.clone(),
            },
            Cell::text(if r.central { "✓" } else { "" }),
            Cell::text(r.fte.as_ref().map(quantity_text).unwrap_or_default()),
            Cell::text(budget),
            Cell::text(eur),
            Cell::text(rate),
            Cell::text(r.year.map(|y| y.to_string()).unwrap_or_default()),
            Cell::text(r.covers.clone().unwrap_or_default()),
        ]);
    }
    finish(&mut g, o, sources);
    g
}

fn number(v: Option<f64>, decimals: usize) -> String {
    v.map_or(String::new(), |v| format!("{v:.decimals$}"))
}

/// The network metrics as a grid: one row per actor (named from `labels`; an actor the lookup
/// lacks by its id), the country's figures as notes.
pub fn metrics(m: &Metrics, o: &GridOptions) -> Grid {
    let lang = o.lang;
    let labels = o.names;
    let mut g = Grid {
        sheet: m.country.clone(),
        title: format!(
            "{}: {} ({} {})",
            Word::Metrics.label(lang),
            labels.country(&m.country),
            edge_set_word(m.edges).label(lang),
            Word::Edges.label(lang)
        ),
        header: std::iter::once(Word::Actor.label(lang).to_string())
            .chain(
                [
                    "in_degree",
                    "out_degree",
                    "betweenness",
                    "betweenness_weighted",
                    "closeness",
                    "pagerank",
                    "constraint",
                    "reach_1",
                    "reach_2",
                    "reach_3",
                    "reach_4",
                    "reach_5",
                ]
                .map(|k| metric_name(lang, k)),
            )
            .collect(),
        ..Default::default()
    };
    let f = |v: f64| format!("{v:.4}");
    for a in &m.actors {
        let mut row = vec![
            Cell::text(labels.actor(&a.id)),
            Cell::text(a.in_degree.to_string()),
            Cell::text(a.out_degree.to_string()),
            Cell::text(f(a.betweenness)),
            Cell::text(f(a.betweenness_weighted)),
            Cell::text(f(a.closeness)),
            Cell::text(f(a.pagerank)),
            Cell::text(a.constraint.map(f).unwrap_or_default()),
        ];
        row.extend(a.reach.iter().map(|r| Cell::text(r.to_string())));
        g.rows.push(row);
    }
    let t = &m.totals;
    g.notes.push(format!(
        "nodes {}, edges {}, density {:.4}, weak components {}, Freeman centralisation {:.4}, central strong reach {}, longest reporting chain {}",
        t.nodes,
        t.edges,
        t.density,
        t.weak_components,
        t.freeman_centralisation,
        t.central_strong_reach.map_or("-".to_string(), |v| format!("{v:.4}")),
        t.longest_reporting_chain
    ));
    g
}

/// The name of the edges metrics were computed over.
fn edge_set_word(e: EdgeSet) -> Word {
    match e {
        EdgeSet::Structural => Word::Structural,
        EdgeSet::Steering => Word::Steering,
        EdgeSet::All => Word::AllEdges,
    }
}

/// A metric of a diff (`betweenness`, `freeman_centralisation`) by its name in `lang`.
pub fn metric_name(lang: Lang, key: &str) -> String {
    if let Some(n) = key.strip_prefix("reach_") {
        return Word::Reach.label(lang).replace("{n}", n);
    }
    Word::metric(key).map_or_else(|| key.replace('_', " "), |w| w.label(lang).to_string())
}

/// The actor list ([`crate::files::actor_list`]): one row per actor, fixed column names (the layout
/// `nordgov import` reads back), whatever the language.
pub fn actor_list(c: &crate::model::Country) -> Grid {
    Grid {
        sheet: c.code.clone(),
        title: format!("Actors: {}", c.code),
        header: crate::files::actor_list::COLUMNS.iter().map(|h| (*h).to_string()).collect(),
        rows: crate::files::actor_list::rows(c).into_iter().map(|r| r.into_iter().map(Cell::text).collect()).collect(),
        notes: Vec::new(),
    }
}
