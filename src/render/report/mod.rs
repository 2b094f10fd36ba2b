//! The report: a static site over a set of country models and their scenarios (an index, a
//! comparison page, a page per country, a page per scenario, a viewer page per source text).
//!
//! The site is built in memory from loaded models; the caller reads the files and writes the
//! pages, and supplies the diagram drawer, so the same site can be drawn by Graphviz, by the
//! built-in layout, or (in benchmarks) not laid out at all. Every page is standalone (inline
//! CSS, a few lines of inline script for sortable tables, inline SVG), so the site works opened
//! as files and behind any static server, and every text on it follows the requested language.

pub mod explorer;

use rayon::prelude::*;
use std::collections::BTreeSet;

use crate::analysis::dimensions::Weights;
use crate::analysis::findings::{self, Finding};
use crate::analysis::profile::{self, Profile};
use crate::analysis::{compare, matrix, metrics, resources};
use crate::graph::view::{overlay, view, GraphView, ViewKind, ViewOptions};
use crate::graph::{self, EdgeSet};
use crate::model::{Country, Instrument, Labelled, Labels, Lang, Level, Polarity, Role, Sector, SourceRef, Vocabulary};
use crate::render::grid::{self, Cell, Grid, GridOptions};
use crate::render::html::{escape, page, page_with, source_link, table, table_linked};
use crate::render::words::Word;
use crate::render::{chart, operations};
use crate::scenario::{self, Scenario};

/// A scenario the report shows: the scenario, its base and the result of applying it.
#[derive(Debug, Clone, Copy)]
pub struct ScenarioPage<'a> {
    /// The page's file name, e.g. `scenario-no-fin_centre.html`.
    pub file: &'a str,
    /// The scenario as read.
    pub scenario: &'a Scenario,
    /// The model it was applied to.
    pub base: &'a Country,
    /// The model it gives.
    pub result: &'a Country,
}

/// What the site is built from.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The countries, undated (each page shows its reference date; the timeline shows all dates).
    pub countries: &'a [Country],
    /// The scenarios, in page order.
    pub scenarios: &'a [ScenarioPage<'a>],
    /// The source texts the site can show, as (file name, text), sorted by name.
    pub sources: &'a [(String, String)],
    /// The language of every label.
    pub lang: Lang,
    /// The weights of the governance dimensions.
    pub weights: &'a Weights,
}

/// One file of the site: its path relative to the site root and its text (a page's HTML, or
/// one of the explorer's assets).
pub type Page = (String, String);

/// Turns a diagram view into an inline `<svg>` element; called from several threads at once.
pub type Draw<'a> = dyn Fn(&GraphView) -> String + Sync + 'a;

/// Builds every page. `draw` turns a diagram view into an inline `<svg>` element.
pub fn build(input: &Input<'_>, draw: &Draw<'_>) -> Vec<Page> {
    let lang = input.lang;
    let w = |w: Word| w.label(lang).to_string();
    // Each country on its reference date, as comparisons see it.
    let dated: Vec<Country> = input.countries.iter().map(|c| c.as_compared(None)).collect();
    let names = Labels::of(&dated.iter().collect::<Vec<_>>(), lang);
    let o = GridOptions { lang, detail: true, sources: false, names: &names };
    let mut nav = vec![
        ("index.html".to_string(), w(Word::Overview)),
        ("comparison.html".to_string(), w(Word::Comparison)),
        ("changes.html".to_string(), w(Word::Changes)),
        ("explore.html".to_string(), w(Word::Explore)),
    ];
    nav.extend(dated.iter().map(|c| (format!("{}.html", c.code), names.country(&c.code))));
    let add = |pages: &mut Vec<Page>, file: String, title: &str, body: String| {
        let html = page(title, lang.key(), &nav, &body);
        pages.push((file, html));
    };
    let mut pages = Vec::new();

    let viewer: BTreeSet<&str> = input.sources.iter().map(|(f, _)| f.as_str()).collect();
    let up: Vec<(String, String)> = nav.iter().map(|(h, l)| (format!("../{h}"), l.clone())).collect();
    for (file, text) in input.sources {
        pages.push((format!("sources/{file}.html"), page(file, lang.key(), &up, &source_page(text))));
    }
    let cmp = Comparison::of(&dated, input.weights, lang);
    add(&mut pages, "index.html".into(), &w(Word::SiteTitle), index(&dated, &cmp, input.scenarios, &o));
    add(&mut pages, "comparison.html".into(), &w(Word::Comparison), comparison(&dated, &cmp, &o));
    add(&mut pages, "changes.html".into(), &w(Word::Changes), changes_page(input.countries, input.weights, &o));
    explore(&mut pages, input, &nav, &viewer);
    // Country and scenario pages hold the diagrams, whose layout (a Graphviz process each) is
    // most of the site's time: they are built in parallel, in their fixed order.
    let countries: Vec<(String, String, String)> = input
        .countries
        .par_iter()
        .zip(&dated)
        .map(|(full, c)| {
            let title = full.name.best(lang, full.natives()).map_or(full.code.clone(), |(_, n)| n.to_string());
            (format!("{}.html", c.code), title, country_page(full, c, &o, draw, &viewer))
        })
        .collect();
    let scenarios: Vec<(String, String, String)> = input
        .scenarios
        .par_iter()
        .map(|s| {
            let others: Vec<Country> = dated.iter().filter(|o| o.code != s.base.code).cloned().collect();
            let body = scenario_page(s, &others, input.weights, lang, draw);
            (s.file.to_string(), s.scenario.name.clone(), body)
        })
        .collect();
    for (file, title, body) in countries.into_iter().chain(scenarios) {
        add(&mut pages, file, &title, body);
    }
    pages
}

/// Source references written in a file (`nordic2017:35-43`), cited in full from `names`; one
/// that does not parse is shown as written.
fn cited(names: &Labels, refs: &[String]) -> String {
    let cites: Vec<String> =
        refs.iter().map(|r| SourceRef::parse(r).map_or_else(|_| r.clone(), |r| names.cite(&r, true))).collect();
    cites.join("; ")
}

/// The explorer page and its assets (see [`explorer`]): the vendored Cytoscape.js and its
/// licence, the data of every country and scenario, and the page's own script.
fn explore(pages: &mut Vec<Page>, input: &Input<'_>, nav: &[(String, String)], viewer: &BTreeSet<&str>) {
    let lang = input.lang;
    let scenarios: Vec<explorer::ScenarioInput<'_>> = input
        .scenarios
        .iter()
        .map(|s| explorer::ScenarioInput {
            page: s.file,
            name: &s.scenario.name,
            date: s.scenario.as_of,
            base: s.base,
            result: s.result,
        })
        .collect();
    let data = explorer::data(input.countries, &scenarios, viewer, lang);
    let title = Word::ExploreTitle.label(lang);
    pages.push(("explore.html".into(), page_with(title, lang.key(), nav, explorer::CSS, &explorer::body(lang))));
    pages.push(("assets/cytoscape.min.js".into(), explorer::CYTOSCAPE_JS.to_string()));
    pages.push(("assets/cytoscape-LICENSE.txt".into(), explorer::CYTOSCAPE_LICENSE.to_string()));
    pages.push(("assets/explorer-data.js".into(), explorer::script(&data)));
    pages.push(("assets/explorer.js".into(), explorer::EXPLORER_JS.to_string()));
}

/// A source viewer page: the text with numbered lines, each a link target (`#L35`). The numbers
/// are text, not links: a long text would otherwise put thousands of links in the way of a
/// keyboard user.
fn source_page(text: &str) -> String {
    let mut body = String::from("<pre class=\"source\">");
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        body.push_str(&format!("<span id=\"L{n}\"><span class=\"ln\">{n:>5}</span> {}</span>\n", escape(line)));
    }
    body.push_str("</pre>\n");
    body
}

/// A drawing with its caption. The figure can take the keyboard focus, so a keyboard user can
/// scroll a diagram wider than the page.
fn figure(caption: &str, svg: &str) -> String {
    format!("<figure tabindex=\"0\">{svg}<figcaption>{}</figcaption></figure>\n", escape(caption))
}

/// A chart as a figure, or a visible note if plotters could not draw it.
fn chart_figure(caption: &str, svg: Result<String, String>, lang: Lang) -> String {
    match svg {
        Ok(svg) => figure(caption, &svg),
        Err(e) => format!(
            "<p class=\"note\">{}: {} ({})</p>\n",
            escape(caption),
            escape(Word::ChartFailed.label(lang)),
            escape(&e)
        ),
    }
}

/// Bars for the countries that have a figure, with a caption naming those that lack one.
fn country_bars(title: &str, unit: &str, values: &[(String, Option<f64>)], lang: Lang) -> String {
    let have: Vec<(String, f64)> = values.iter().filter_map(|(c, v)| v.map(|v| (c.to_uppercase(), v))).collect();
    let missing: Vec<String> = values.iter().filter(|(_, v)| v.is_none()).map(|(c, _)| c.to_uppercase()).collect();
    let caption = if missing.is_empty() {
        title.to_string()
    } else {
        format!("{title} ({} {})", Word::NoFigureFor.label(lang), missing.join(", "))
    };
    chart_figure(&caption, chart::bars(unit, &have), lang)
}

/// The cross-country views both the index and the comparison page show, computed once.
struct Comparison {
    resources: Vec<compare::CountryResources>,
    instruments: compare::InstrumentComparison,
    profile: Profile,
    findings: Vec<Finding>,
}

impl Comparison {
    fn of(countries: &[Country], weights: &Weights, lang: Lang) -> Self {
        let refs: Vec<&Country> = countries.iter().collect();
        let profile = profile::profile(&refs, weights, lang);
        Comparison {
            resources: countries.iter().map(compare::country_resources).collect(),
            instruments: compare::instruments(countries),
            findings: findings::findings(&profile),
            profile,
        }
    }
}

fn index(countries: &[Country], cmp: &Comparison, scenarios: &[ScenarioPage<'_>], o: &GridOptions) -> String {
    let lang = o.lang;
    let w = |w: Word| w.label(lang).to_string();
    let (res, ins) = (&cmp.resources, &cmp.instruments);
    let mut g = Grid {
        sheet: "index".into(),
        title: w(Word::SideBySide),
        header: [Word::Country, Word::Levels, Word::Actors, Word::CentralUnit, Word::CentralFte, Word::CentralEurM]
            .map(w)
            .to_vec(),
        ..Default::default()
    };
    g.header
        .extend(ins.rows.iter().map(|(r, _)| format!("{}: {}", w(Word::StrongestCentralInstrument), r.label(lang))));
    for (i, c) in countries.iter().enumerate() {
        let levels: Vec<&str> = Level::ALL.iter().filter(|l| c.has_level(**l)).map(|l| l.label(lang)).collect();
        let centre: Vec<String> = c.actors.values().filter(|a| a.central).map(|a| a.label(lang, c.natives())).collect();
        let r = res.get(i);
        let mut row = vec![
            Cell::text(format!("{} ({})", c.name.best(lang, c.natives()).map_or("", |(_, n)| n), c.code)),
            Cell::text(levels.join(", ")),
            Cell::text(c.actors.len().to_string()),
            Cell::text(centre.join(", ")),
            Cell::text(r.and_then(|r| r.central_fte).map_or(String::new(), |v| format!("{v:.0}"))),
            Cell::text(r.and_then(|r| r.central_budget_eur).map_or(String::new(), |v| format!("{:.1}", v / 1e6))),
        ];
        for (_, per) in &ins.rows {
            row.push(Cell::text(
                per.get(i)
                    .and_then(|x| x.strongest)
                    .map_or("-".to_string(), |s| format!("{} {}", s.strength(), s.label(lang))),
            ));
        }
        g.rows.push(row);
    }
    let mut body = format!("<p>{}</p>\n", escape(Word::SiteIntro.label(lang)));
    body.push_str(&table(&g, true));
    body.push_str(&format!("<h2>{}</h2>\n<ul>\n", escape(Word::HowAlike.label(lang))));
    for sentence in crate::render::sentences::extremes(lang, &cmp.profile) {
        body.push_str(&format!("<li>{}</li>\n", escape(&sentence)));
    }
    body.push_str(&format!("</ul>\n<h2>{}</h2>\n<ul>\n", escape(Word::Findings.label(lang))));
    for f in &cmp.findings {
        body.push_str(&format!("<li>{}</li>\n", escape(&crate::render::sentences::finding(lang, f, &cmp.profile))));
    }
    body.push_str(&format!("</ul>\n<h2>{}</h2>\n<ul>\n", escape(Word::Pages.label(lang))));
    for c in countries {
        body.push_str(&format!(
            "<li><a href=\"{}.html\">{}</a></li>\n",
            escape(&c.code),
            escape(&c.name.best(lang, c.natives()).map_or(c.code.clone(), |(_, n)| n.to_string()))
        ));
    }
    body.push_str(&format!("<li><a href=\"comparison.html\">{}</a></li>\n", escape(Word::Comparison.label(lang))));
    body.push_str(&format!("<li><a href=\"changes.html\">{}</a></li>\n", escape(Word::Changes.label(lang))));
    for s in scenarios {
        body.push_str(&format!(
            "<li>{}: <a href=\"{}\">{}</a></li>\n",
            escape(Word::Scenario.label(lang)),
            escape(s.file),
            escape(&s.scenario.name)
        ));
    }
    body.push_str("</ul>\n");
    body
}

fn comparison(countries: &[Country], cmp: &Comparison, o: &GridOptions) -> String {
    let lang = o.lang;
    let mut body = String::new();
    body.push_str(&table(&grid::compare_roles(&compare::roles(countries, lang), o), false));
    body.push_str(&table(&grid::compare_instruments(&cmp.instruments, o), false));
    let res = &cmp.resources;
    body.push_str(&table(&grid::compare_resources(res, o), true));
    let per = |f: fn(&compare::CountryResources) -> Option<f64>| -> Vec<(String, Option<f64>)> {
        res.iter().map(|r| (r.country.clone(), f(r))).collect()
    };
    body.push_str(&country_bars(
        Word::FteChart.label(lang),
        Word::FtePerMillion.label(lang),
        &per(|r| r.fte_per_million),
        lang,
    ));
    body.push_str(&country_bars(
        Word::BudgetChart.label(lang),
        Word::EurMPerMillion.label(lang),
        &per(|r| r.budget_eur_per_million.map(|v| v / 1e6)),
        lang,
    ));
    let rows: Vec<String> = countries.iter().map(|c| c.code.to_uppercase()).collect();
    let cols: Vec<String> = Level::ALL.iter().map(|l| l.label(lang).to_string()).collect();
    let counts: Vec<Vec<u32>> = countries
        .iter()
        .map(|c| Level::ALL.iter().map(|l| c.actors.values().filter(|a| a.level == *l).count() as u32).collect())
        .collect();
    body.push_str(&chart_figure(Word::ActorsPerLevel.label(lang), chart::heatmap(&rows, &cols, &counts), lang));
    let p = &cmp.profile;
    for g in crate::render::profile::dimensions(p, o, false) {
        body.push_str(&table(&g, false));
    }
    body.push_str(&table(&crate::render::profile::findings(&cmp.findings, p, o, true), false));
    body.push_str(&table(&crate::render::profile::distances(p, o), false));
    body.push_str(&table(&crate::render::profile::context(p, o), false));
    body
}

/// The date of the report's tables, and the date "now" stands for on the changes page.
pub const THEN: (i32, u32, u32) = (2017, 6, 1);
/// See [`THEN`].
pub const NOW: (i32, u32, u32) = (2026, 6, 1);

fn day((y, m, d): (i32, u32, u32)) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// "What changed since the report": the distance matrices then and now, and per country the
/// governance dimensions that moved and the semantic diff between the two dates.
fn changes_page(countries: &[Country], weights: &Weights, o: &GridOptions) -> String {
    let lang = o.lang;
    let (then_d, now_d) = (day(THEN), day(NOW));
    let then: Vec<Country> = countries.iter().map(|c| c.as_of(then_d)).collect();
    let now: Vec<Country> = countries.iter().map(|c| c.as_of(now_d)).collect();
    let (p_then, p_now) = (
        profile::profile(&then.iter().collect::<Vec<_>>(), weights, lang),
        profile::profile(&now.iter().collect::<Vec<_>>(), weights, lang),
    );
    let mut body = format!(
        "<p>{}</p>\n",
        escape(
            &Word::ChangesIntro.label(lang).replace("{then}", &then_d.to_string()).replace("{now}", &now_d.to_string())
        )
    );
    for (p, d) in [(&p_then, then_d), (&p_now, now_d)] {
        let mut g = crate::render::profile::distances(p, o);
        g.title = format!("{} ({d})", g.title);
        body.push_str(&table(&g, false));
    }
    for (i, c) in countries.iter().enumerate() {
        let (Some(a), Some(b)) = (then.get(i), now.get(i)) else { continue };
        let name = c.name.best(lang, c.natives()).map_or(c.code.clone(), |(_, n)| n.to_string());
        body.push_str(&format!("<h2 id=\"{}\">{}</h2>\n", escape(&c.code), escape(&name)));
        let mut moved = Grid {
            sheet: "changes".into(),
            title: Word::DimensionsMoved.label(lang).to_string(),
            header: vec![Word::Dimension.label(lang).into(), then_d.to_string(), now_d.to_string()],
            ..Default::default()
        };
        for (rt, rn) in p_then.dimensions.iter().zip(&p_now.dimensions) {
            let (Some(x), Some(y)) = (rt.readings.get(i), rn.readings.get(i)) else { continue };
            let values = |r: &profile::Reading| r.criteria.iter().map(|c| c.value).collect::<Vec<_>>();
            if values(x) != values(y) {
                let read = |r| crate::render::sentences::reading(lang, rt.dimension, r);
                moved.rows.push(vec![Cell::text(rt.dimension.label(lang)), Cell::text(read(x)), Cell::text(read(y))]);
            }
        }
        if moved.rows.is_empty() {
            body.push_str(&format!("<p>{}</p>\n", escape(Word::NoDimensionMoved.label(lang))));
        } else {
            body.push_str(&table(&moved, false));
        }
        let d = scenario::diff_with(a, b, &[], weights, lang);
        body.push_str(&grid::diff(&d, lang).iter().map(|g| table(g, false)).collect::<String>());
    }
    body
}

/// How many key actors' operational steering slides mark each role x instrument cell as used.
fn instrument_heatmap(c: &Country, lang: Lang) -> String {
    let slides = matrix::operational(c, None, None, lang);
    if slides.is_empty() {
        return String::new();
    }
    let counts: Vec<Vec<u32>> = Role::ALL
        .iter()
        .map(|role| {
            Instrument::ALL
                .iter()
                .map(|i| {
                    let used = |m: &&matrix::OperationalMatrix| {
                        m.rows.iter().any(|r| r.role == *role && r.cells.iter().any(|x| x.instrument == *i && x.used))
                    };
                    slides.iter().filter(used).count() as u32
                })
                .collect()
        })
        .collect();
    let rows: Vec<String> = Role::ALL.iter().map(|r| r.label(lang).to_string()).collect();
    let cols: Vec<String> = Instrument::ALL.iter().map(|i| format!("{} {}", i.strength(), i.label(lang))).collect();
    let title = Word::InstrumentUse.label(lang).replace("{n}", &slides.len().to_string());
    let mut out = chart_figure(&title, chart::heatmap(&rows, &cols, &counts), lang);
    // Say why a role row is empty when it is the slides' layout, not the country, that leaves it so.
    let has_strategy_row = slides.iter().any(|m| m.rows.iter().any(|r| r.role == Role::Strategy));
    if !has_strategy_row {
        out.push_str(&format!("<p class=\"note\">{}</p>\n", escape(Word::NoStrategyRows.label(lang))));
    }
    out
}

fn country_page(full: &Country, c: &Country, o: &GridOptions, draw: &Draw<'_>, viewer: &BTreeSet<&str>) -> String {
    let lang = o.lang;
    let link = |r: &SourceRef| source_link(c, viewer, r).map(|href| (href, o.names.cite(r, false)));
    let mut body = String::new();
    body.push_str(&table_linked(&grid::role_matrix(&matrix::role_matrix(c, Sector::General, lang), o), false, &link));
    body.push_str(&table_linked(&grid::strategic(&matrix::strategic(c, None, lang), o), false, &link));
    for m in matrix::operational(c, None, None, lang) {
        body.push_str(&table_linked(&grid::operational(&m, o), false, &link));
    }
    body.push_str(&table_linked(&grid::resources(&resources::resources(c, lang), o), true, &link));
    body.push_str(&instrument_heatmap(c, lang));
    let g = graph::build(c);
    for (kind, caption) in [(ViewKind::Org, Word::Organisation), (ViewKind::Steering, Word::OperationalSteering)] {
        let opts = ViewOptions { kind, level: None, focus: None, depth: 1, instrument_max: 5, lang };
        body.push_str(&figure(caption.label(lang), &draw(&view(c, &g, &opts))));
    }
    body.push_str(&table(&grid::metrics(&metrics::metrics(c, &g, EdgeSet::All), o), true));
    if !c.experiences.is_empty() {
        body.push_str(&format!("<h2>{}</h2>\n<ul>\n", escape(Word::Experiences.label(lang))));
        for e in &c.experiences {
            let sign = if e.polarity == Polarity::Positive { "+" } else { "-" };
            let src: Vec<String> = e.provenance.sources.iter().map(|r| o.names.cite(r, true)).collect();
            body.push_str(&format!(
                "<li title=\"{}\">{sign} [{} / {}] {}</li>\n",
                escape(&src.join("; ")),
                escape(e.theme.label(lang)),
                escape(e.sector.label(lang)),
                escape(&e.text)
            ));
        }
        body.push_str("</ul>\n");
    }
    body.push_str(&timeline(full, lang));
    body
}

/// The dated facts of the full (undated) model, in date order.
fn timeline(full: &Country, lang: Lang) -> String {
    let (begins, ends) = (Word::Begins.label(lang), Word::Ends.label(lang));
    let mut events: Vec<(String, String)> = Vec::new();
    let mut dated = |what: String, validity: &crate::model::Validity| {
        if let Some(f) = validity.from {
            events.push((f.to_string(), format!("{what}: {begins}")));
        }
        if let Some(t) = validity.to {
            events.push((t.to_string(), format!("{what}: {ends}")));
        }
    };
    for a in full.actors.values() {
        dated(a.label(lang, full.natives()), &a.validity);
    }
    let names = Labels::of(&[full], lang);
    for r in full.relations.iter() {
        let (from, to) = (names.actor(&r.from), names.actor(&r.to));
        dated(crate::render::sentences::relation(lang, &from, r.kind, &to, r.binding), &r.validity);
    }
    for l in full.levels.values() {
        for p in &l.periods {
            let mut what: Vec<String> = Vec::new();
            if let Some(n) = p.units {
                what.push(format!("{n} {}", p.unit_name.as_deref().unwrap_or("")).trim().to_string());
            }
            if let Some(ch) = &p.character {
                what.push(ch.value.label(lang).to_string());
            }
            dated(format!("{}: {}", l.level.label(lang), what.join("; ")), &p.validity);
        }
    }
    if events.is_empty() {
        return String::new();
    }
    events.sort();
    let mut out = format!("<h2>{}</h2>\n<ul>\n", escape(Word::Timeline.label(lang)));
    for (date, what) in events {
        out.push_str(&format!("<li>{}: {}</li>\n", escape(&date), escape(&what)));
    }
    out.push_str("</ul>\n");
    out
}

fn scenario_page(s: &ScenarioPage<'_>, others: &[Country], weights: &Weights, lang: Lang, draw: &Draw<'_>) -> String {
    let (base, result) = (s.base, s.result);
    let d = scenario::diff_with(base, result, others, weights, lang);
    let names = Labels::of(&[base, result], lang);
    let mut body = format!(
        "<p>{}</p>\n<p class=\"note\">{}: {}</p>\n<h2>{}</h2>\n<ol>\n",
        escape(&s.scenario.rationale),
        escape(Word::Sources.label(lang)),
        escape(&cited(&names, &s.scenario.sources)),
        escape(Word::Operations.label(lang))
    );
    for sentence in operations::sentences(lang, s.scenario.ops.iter().map(|op| op.get()), &names) {
        body.push_str(&format!("<li>{}</li>\n", escape(&sentence)));
    }
    body.push_str("</ol>\n");
    body.push_str(&grid::diff(&d, lang).iter().map(|g| table(g, false)).collect::<String>());
    let movers: Vec<(String, f64)> = d
        .metrics
        .iter()
        .filter_map(|m| {
            let id = m.actor.as_ref()?;
            Some((format!("{}: {}", grid::metric_name(lang, &m.metric), d.labels.actor(id)), m.after - m.before))
        })
        .take(10)
        .collect();
    if !movers.is_empty() {
        body.push_str(&chart_figure(
            Word::TopMovers.label(lang),
            chart::bars(Word::AfterMinusBefore.label(lang), &movers),
            lang,
        ));
    }
    let opts = ViewOptions { kind: ViewKind::Org, level: None, focus: None, depth: 1, instrument_max: 5, lang };
    let v = overlay(&view(base, &graph::build(base), &opts), &view(result, &graph::build(result), &opts));
    body.push_str(&figure(Word::OverlayCaption.label(lang), &draw(&v)));
    body
}
