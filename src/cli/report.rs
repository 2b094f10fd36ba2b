//! `nordgov report [MODELS_DIR] -o OUT_DIR`: a static site over every model in a directory and
//! their scenarios: an index, a page per country, a comparison page and a page per scenario.
//! Every page is standalone (inline CSS, a few lines of inline script for sortable tables, inline
//! SVG diagrams), so the site works opened as files and behind any static server.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::diagram::{graphviz_available, inline_svg, Engine};
use super::matrix::parse_lang;
use super::scenario::load_scenario;
use super::{read_country, Cli, Exit};
use crate::analysis::{compare, matrix, metrics, resources};
use crate::graph::view::{overlay, view, ViewKind, ViewOptions};
use crate::graph::{self, EdgeSet};
use crate::model::{Country, Instrument, Labelled, Lang, Level, Polarity, Role, Sector, SourceRef, Vocabulary};
use crate::render::chart;
use crate::render::grid::{self, Cell, Grid, GridOptions};
use crate::render::html::{escape, page, table, table_linked};
use crate::{scenario, workspace};

/// Arguments of `nordgov report`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The directory of models (default: --models).
    pub models_dir: Option<PathBuf>,
    /// The directory to write the site into (created; files in it are replaced atomically).
    #[arg(short, long, value_name = "DIR", default_value = "report")]
    pub output: PathBuf,
    /// Language of labels.
    #[arg(long, value_parser = parse_lang, default_value = "en")]
    pub lang: Lang,
    /// Who draws the diagrams (auto: Graphviz if installed, else built-in).
    #[arg(long, value_enum, default_value_t = Engine::Auto)]
    pub engine: Engine,
}

struct Site {
    pages: Vec<(String, String)>,
    nav: Vec<(String, String)>,
    lang: Lang,
}

impl Site {
    fn add(&mut self, file: String, title: &str, body: String) {
        let html = page(title, self.lang.key(), &self.nav, &body);
        self.pages.push((file, html));
    }
}

/// The viewer page and line a source reference opens, if the report has the document's text.
fn source_link(c: &Country, viewer: &BTreeSet<String>, r: &SourceRef) -> Option<String> {
    let file = c.documents.get(&r.document)?.file.as_ref().filter(|f| viewer.contains(*f))?;
    Some(format!("sources/{file}.html#L{}", r.lines.first().map_or(1, |l| l.start)))
}

/// A source viewer page: the text with numbered, linkable lines.
fn source_page(text: &str) -> String {
    let mut body = String::from("<pre class=\"source\">");
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        body.push_str(&format!("<span id=\"L{n}\"><a href=\"#L{n}\">{n:>5}</a> {}</span>\n", escape(line)));
    }
    body.push_str("</pre>\n");
    body
}

fn figure(caption: &str, svg: &str) -> String {
    format!("<figure>{svg}<figcaption>{}</figcaption></figure>\n", escape(caption))
}

/// A chart as a figure, or a visible note if plotters could not draw it.
fn chart_figure(caption: &str, svg: Result<String, String>) -> String {
    match svg {
        Ok(svg) => figure(caption, &svg),
        Err(e) => format!("<p class=\"note\">{}: the chart could not be drawn ({})</p>\n", escape(caption), escape(&e)),
    }
}

/// Bars for the countries that have a figure, with a caption naming those that lack one.
fn country_bars(title: &str, unit: &str, values: &[(String, Option<f64>)]) -> String {
    let have: Vec<(String, f64)> = values.iter().filter_map(|(c, v)| v.map(|v| (c.to_uppercase(), v))).collect();
    let missing: Vec<String> = values.iter().filter(|(_, v)| v.is_none()).map(|(c, _)| c.to_uppercase()).collect();
    let caption =
        if missing.is_empty() { title.to_string() } else { format!("{title} (no figure for {})", missing.join(", ")) };
    chart_figure(&caption, chart::bars(unit, &have))
}

/// Runs the command.
pub fn run(cli: &Cli, args: &Args) -> Exit {
    let models = args.models_dir.clone().unwrap_or_else(|| cli.models.clone());
    let dirs = workspace::country_dirs(&models);
    if dirs.is_empty() {
        eprintln!("error: no models under {}", workspace::display(&models));
        return Exit::Failure;
    }
    let mut countries = Vec::new();
    for d in &dirs {
        match read_country(cli, &workspace::display(d), None) {
            Ok(c) => countries.push(c),
            Err(e) => return e,
        }
    }
    let graphviz = match args.engine {
        Engine::Graphviz => true,
        Engine::Builtin => false,
        Engine::Auto => {
            let ok = graphviz_available();
            if !ok {
                eprintln!("note: Graphviz is not installed; diagrams use the built-in layout (install graphviz for a better one)");
            }
            ok
        }
    };
    // Each country on its reference date, as comparisons see it.
    let dated: Vec<Country> = countries.iter().map(|c| c.as_compared(None)).collect();
    let o = GridOptions { lang: args.lang, detail: true, sources: false };
    let mut nav = vec![
        ("index.html".to_string(), "Overview".to_string()),
        ("comparison.html".to_string(), "Comparison".to_string()),
    ];
    nav.extend(dated.iter().map(|c| (format!("{}.html", c.code), c.code.to_uppercase())));
    let mut site = Site { pages: Vec::new(), nav, lang: args.lang };

    // Scenarios: every models/<cc>/scenarios/*.toml.
    let mut scenarios = Vec::new();
    for d in &dirs {
        let mut files: Vec<PathBuf> = std::fs::read_dir(d.join("scenarios"))
            .map(|e| {
                e.filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        for f in files {
            match load_scenario(cli, &f) {
                Ok(x) => scenarios.push((f, x)),
                Err(e) => return e,
            }
        }
    }

    // The source texts the report can show: files named by the models' documents that the
    // models directory holds under sources/.
    let sources_dir = models.join("sources");
    let viewer: BTreeSet<String> = countries
        .iter()
        .flat_map(|c| c.documents.values().filter_map(|d| d.file.clone()))
        .filter(|f| sources_dir.join(f).is_file())
        .collect();
    for file in &viewer {
        let text = match std::fs::read_to_string(sources_dir.join(file)) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: cannot read `{}`: {e}", workspace::display(&sources_dir.join(file)));
                return Exit::Failure;
            }
        };
        let nav: Vec<(String, String)> = site.nav.iter().map(|(h, l)| (format!("../{h}"), l.clone())).collect();
        site.pages.push((format!("sources/{file}.html"), page(file, site.lang.key(), &nav, &source_page(&text))));
    }
    site.add("index.html".into(), "Nordic governance of public-sector digitalisation", index(&dated, &scenarios, &o));
    site.add("comparison.html".into(), "Comparison", comparison(&dated, &o));
    for (c, d) in countries.iter().zip(&dated) {
        site.add(
            format!("{}.html", c.code),
            &c.name.best(args.lang, c.natives()).map_or(c.code.clone(), |(_, n)| n.to_string()),
            country_page(c, d, &o, graphviz, &viewer),
        );
    }
    for (path, (s, base, result)) in &scenarios {
        let others: Vec<Country> = dated.iter().filter(|o| o.code != base.code).cloned().collect();
        let d = scenario::diff(base, result, &others);
        let opts =
            ViewOptions { kind: ViewKind::Org, level: None, focus: None, depth: 1, instrument_max: 5, lang: args.lang };
        let v = overlay(&view(base, &graph::build(base), &opts), &view(result, &graph::build(result), &opts));
        let mut body = format!(
            "<p>{}</p>\n<p class=\"note\">Sources: {}</p>\n<h2>Operations</h2>\n<ol>\n",
            escape(&s.rationale),
            escape(&s.sources.join("; "))
        );
        for op in &s.ops {
            body.push_str(&format!(
                "<li><code>{}</code></li>\n",
                escape(&serde_json::to_string(op.get()).unwrap_or_default())
            ));
        }
        body.push_str("</ol>\n");
        body.push_str(&super::scenario::diff_grids(&d).iter().map(|g| table(g, false)).collect::<String>());
        let movers: Vec<(String, f64)> = d
            .metrics
            .iter()
            .filter(|m| m.actor.is_some())
            .filter_map(|m| {
                let a = base.actors.get(m.actor.as_ref()?).or_else(|| result.actors.get(m.actor.as_ref()?))?;
                Some((format!("{}: {}", m.metric, a.label(args.lang, base.natives())), m.after - m.before))
            })
            .take(10)
            .collect();
        if !movers.is_empty() {
            let title = "Top movers: change in actor metrics";
            body.push_str(&chart_figure(title, chart::bars("after - before", &movers)));
        }
        body.push_str(&figure(
            "The base with the change overlaid: added green, removed red, changed orange",
            &inline_svg(&v, args.lang, graphviz),
        ));
        site.add(scenario_file(path), &s.name, body);
    }

    let out = &args.output;
    for (name, html) in &site.pages {
        if let Err(e) = workspace::write_atomic(&out.join(name), html.as_bytes()) {
            eprintln!("error: cannot write `{}`: {e}", workspace::display(&out.join(name)));
            return Exit::Failure;
        }
    }
    eprintln!("wrote {} pages to {}", site.pages.len(), workspace::display(out));
    Exit::Success
}

/// The page name of a scenario: `scenario-<country dir>-<file stem>.html`.
fn scenario_file(path: &Path) -> String {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let country = path
        .parent()
        .and_then(Path::parent)
        .and_then(Path::file_name)
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("scenario-{country}-{stem}.html")
}

fn index(
    countries: &[Country],
    scenarios: &[(PathBuf, (scenario::Scenario, Country, Country))],
    o: &GridOptions,
) -> String {
    let res: Vec<_> = countries.iter().map(compare::country_resources).collect();
    let ins = compare::instruments(countries);
    let mut g = Grid {
        sheet: "index".into(),
        title: "The countries side by side".into(),
        header: ["country", "levels", "actors", "central unit", "central FTE", "central EUR m"]
            .map(String::from)
            .to_vec(),
        ..Default::default()
    };
    g.header.extend(ins.rows.iter().map(|(r, _)| format!("strongest central instrument: {r}")));
    for (i, c) in countries.iter().enumerate() {
        let levels: Vec<&str> = Level::ALL.iter().filter(|l| c.has_level(**l)).map(|l| l.key()).collect();
        let centre: Vec<String> =
            c.actors.values().filter(|a| a.central).map(|a| a.label(o.lang, c.natives())).collect();
        let r = res.get(i);
        let mut row = vec![
            Cell::text(format!("{} ({})", c.name.best(o.lang, c.natives()).map_or("", |(_, n)| n), c.code)),
            Cell::text(levels.join(", ")),
            Cell::text(c.actors.len().to_string()),
            Cell::text(centre.join(", ")),
            Cell::text(r.and_then(|r| r.central_fte).map_or(String::new(), |v| format!("{v:.0}"))),
            Cell::text(r.and_then(|r| r.central_budget_eur).map_or(String::new(), |v| format!("{:.1}", v / 1e6))),
        ];
        for (_, per) in &ins.rows {
            row.push(Cell::text(
                per.get(i).and_then(|x| x.strongest).map_or("-".to_string(), |s| format!("{} {s}", s.strength())),
            ));
        }
        g.rows.push(row);
    }
    let refs: Vec<&Country> = countries.iter().collect();
    let p = compare::profile(&refs);
    let mut body = String::from("<p>Who steers the digitalisation of the public sector in Denmark, Finland, Norway and Sweden, at which level, with which instruments: computed from the country models (see each page for sources; hover a cell for its document and lines).</p>\n");
    body.push_str(&table(&g, true));
    body.push_str("<h2>How alike are the countries?</h2>\n<ul>\n");
    for sentence in p.summary() {
        body.push_str(&format!("<li>{}</li>\n", escape(&sentence)));
    }
    body.push_str("</ul>\n<h2>Pages</h2>\n<ul>\n");
    for c in countries {
        body.push_str(&format!(
            "<li><a href=\"{}.html\">{}</a></li>\n",
            escape(&c.code),
            escape(&c.name.best(o.lang, c.natives()).map_or(c.code.clone(), |(_, n)| n.to_string()))
        ));
    }
    body.push_str("<li><a href=\"comparison.html\">Comparison</a></li>\n");
    for (path, (s, _, _)) in scenarios {
        body.push_str(&format!(
            "<li>Scenario: <a href=\"{}\">{}</a></li>\n",
            escape(&scenario_file(path)),
            escape(&s.name)
        ));
    }
    body.push_str("</ul>\n");
    body
}

fn comparison(countries: &[Country], o: &GridOptions) -> String {
    let refs: Vec<&Country> = countries.iter().collect();
    let mut body = String::new();
    body.push_str(&table(&grid::compare_roles(&compare::roles(countries, o.lang), o), false));
    body.push_str(&table(&grid::compare_instruments(&compare::instruments(countries), o), false));
    let res: Vec<_> = countries.iter().map(compare::country_resources).collect();
    body.push_str(&table(&grid::compare_resources(&res, o), true));
    let per = |f: fn(&compare::CountryResources) -> Option<f64>| -> Vec<(String, Option<f64>)> {
        res.iter().map(|r| (r.country.clone(), f(r))).collect()
    };
    body.push_str(&country_bars(
        "Central digitalisation unit: FTE per million inhabitants",
        grid::word(o.lang, "FTE per million"),
        &per(|r| r.fte_per_million),
    ));
    body.push_str(&country_bars(
        "Central digitalisation unit: budget per million inhabitants",
        grid::word(o.lang, "EUR m per million"),
        &per(|r| r.budget_eur_per_million.map(|v| v / 1e6)),
    ));
    let rows: Vec<String> = countries.iter().map(|c| c.code.to_uppercase()).collect();
    let cols: Vec<String> = Level::ALL.iter().map(|l| l.label(o.lang).to_string()).collect();
    let counts: Vec<Vec<u32>> = countries
        .iter()
        .map(|c| Level::ALL.iter().map(|l| c.actors.values().filter(|a| a.level == *l).count() as u32).collect())
        .collect();
    body.push_str(&chart_figure("Actors per level", chart::heatmap(&rows, &cols, &counts)));
    for g in grid::profile(&compare::profile(&refs), o) {
        body.push_str(&table(&g, false));
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
    let title = format!("Instrument use: key actors per role and instrument ({} slides)", slides.len());
    chart_figure(&title, chart::heatmap(&rows, &cols, &counts))
}

fn country_page(full: &Country, c: &Country, o: &GridOptions, graphviz: bool, viewer: &BTreeSet<String>) -> String {
    let link = |r: &SourceRef| source_link(c, viewer, r);
    let mut body = String::new();
    body.push_str(&table_linked(&grid::role_matrix(&matrix::role_matrix(c, Sector::General, o.lang), o), false, &link));
    body.push_str(&table_linked(&grid::strategic(&matrix::strategic(c, None, o.lang), o), false, &link));
    for m in matrix::operational(c, None, None, o.lang) {
        body.push_str(&table_linked(&grid::operational(&m, o), false, &link));
    }
    body.push_str(&table_linked(&grid::resources(&resources::resources(c, o.lang), o), true, &link));
    body.push_str(&instrument_heatmap(c, o.lang));
    let g = graph::build(c);
    for kind in [ViewKind::Org, ViewKind::Steering] {
        let opts = ViewOptions { kind, level: None, focus: None, depth: 1, instrument_max: 5, lang: o.lang };
        let caption = if kind == ViewKind::Org { "Organisation" } else { "Operational steering" };
        body.push_str(&figure(caption, &inline_svg(&view(c, &g, &opts), o.lang, graphviz)));
    }
    body.push_str(&table(&grid::metrics(&metrics::metrics(c, &g, EdgeSet::All), o), true));
    if !c.experiences.is_empty() {
        body.push_str("<h2>Experiences</h2>\n<ul>\n");
        for e in &c.experiences {
            let sign = if e.polarity == Polarity::Positive { "+" } else { "-" };
            let src: Vec<String> = e.provenance.sources.iter().map(ToString::to_string).collect();
            body.push_str(&format!(
                "<li title=\"{}\">{sign} [{} / {}] {}</li>\n",
                escape(&src.join("; ")),
                e.theme,
                e.sector,
                escape(&e.text)
            ));
        }
        body.push_str("</ul>\n");
    }
    // A timeline of the dated facts of the full (undated) model.
    let mut events: Vec<(String, String)> = Vec::new();
    for a in full.actors.values() {
        if let Some(f) = a.validity.from {
            events.push((f.to_string(), format!("{} begins", a.label(o.lang, full.natives()))));
        }
        if let Some(t) = a.validity.to {
            events.push((t.to_string(), format!("{} ends", a.label(o.lang, full.natives()))));
        }
    }
    for r in full.relations.iter() {
        if let Some(f) = r.validity.from {
            events.push((f.to_string(), format!("{} {} {} from", r.from, r.kind, r.to)));
        }
    }
    if !events.is_empty() {
        events.sort();
        body.push_str("<h2>Timeline</h2>\n<ul>\n");
        for (date, what) in events {
            body.push_str(&format!("<li>{}: {}</li>\n", escape(&date), escape(&what)));
        }
        body.push_str("</ul>\n");
    }
    body
}
