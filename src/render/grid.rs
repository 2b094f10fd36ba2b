//! The grid: the one tabular shape every tabular format renders (terminal table, Markdown, CSV,
//! HTML, XLSX). Each view becomes one or more grids here, in the requested language, so the
//! formats differ only in how they write cells, never in what the cells say.

use crate::analysis::compare::{CountryResources, InstrumentComparison, Profile, RoleComparison};
use crate::analysis::matrix::{CellProvenance, OperationalMatrix, RoleMatrix, StrategicTable};
use crate::analysis::metrics::Metrics;
use crate::analysis::resources::ResourceTable;
use crate::model::{Confidence, Instrument, Labelled, Lang, Qualifier, Quantity, Role, SourceRef, Vocabulary};

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

    /// A cell with text and the provenance of `p`.
    pub fn sourced(text: impl Into<String>, p: &CellProvenance) -> Self {
        Self { text: text.into(), source: provenance_text(p), refs: p.sources.clone() }
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GridOptions {
    /// Language of labels.
    pub lang: Lang,
    /// Show each used operational cell's description.
    pub detail: bool,
    /// List each cell's sources under the table.
    pub sources: bool,
}

/// Interface words in the five languages: (en, nb, sv, da, fi).
pub fn word(lang: Lang, key: &str) -> &'static str {
    let all: [&'static str; 5] = match key {
        "level" => ["level", "nivå", "nivå", "niveau", "taso"],
        "role" => ["role", "rolle", "roll", "rolle", "rooli"],
        "sector" => ["sector", "sektor", "sektor", "sektor", "sektori"],
        "primary actors" => ["primary actors", "primære aktører", "primära aktörer", "primære aktører", "ensisijaiset toimijat"],
        "strategy documents" => ["strategy documents", "strategidokumenter", "strategidokument", "strategidokumenter", "strategia-asiakirjat"],
        "instruments" => ["instruments", "virkemidler", "styrmedel", "virkemidler", "ohjauskeinot"],
        "role matrix" => ["Role matrix", "Rollematrise", "Rollmatris", "Rollematrix", "Roolimatriisi"],
        "strategic steering" => ["Strategic steering", "Strategisk styring", "Strategisk styrning", "Strategisk styring", "Strateginen ohjaus"],
        "operational steering" => ["Operational steering", "Operasjonell styring", "Operativ styrning", "Operationel styring", "Operatiivinen ohjaus"],
        "not present" => ["not present", "finnes ikke", "finns inte", "findes ikke", "ei ole"],
        "used" => ["used", "brukt", "används", "brugt", "käytössä"],
        "not used" => ["not used", "ikke brukt", "används inte", "ikke brugt", "ei käytössä"],
        "sources" => ["Sources", "Kilder", "Källor", "Kilder", "Lähteet"],
        "metrics" => ["Metrics", "Nettverksmål", "Nätverksmått", "Netværksmål", "Verkostomittarit"],
        "resources" => ["Resources", "Ressurser", "Resurser", "Ressourcer", "Resurssit"],
        "actor" => ["actor", "aktør", "aktör", "aktør", "toimija"],
        "central" => ["central unit", "sentral enhet", "central enhet", "central enhed", "keskusyksikkö"],
        "FTE" => ["FTE", "årsverk", "årsarbetskrafter", "årsværk", "henkilötyövuodet"],
        "budget" => ["budget", "budsjett", "budget", "budget", "budjetti"],
        "EUR m" => ["EUR m", "mill. EUR", "mn EUR", "mio. EUR", "milj. EUR"],
        "rate" => ["rate", "kurs", "kurs", "kurs", "kurssi"],
        "year" => ["year", "år", "år", "år", "vuosi"],
        "covers" => ["covers", "omfatter", "omfattar", "omfatter", "kattaa"],
        "strongest" => ["strongest", "sterkest", "starkast", "stærkest", "vahvin"],
        "central actors" => ["central actors", "sentrale aktører", "centrala aktörer", "centrale aktører", "keskustoimijat"],
        "centre instruments" => [
            "Instruments of the central unit per role",
            "Den sentrale enhetens virkemidler per rolle",
            "Den centrala enhetens styrmedel per roll",
            "Den centrale enheds virkemidler per rolle",
            "Keskusyksikön ohjauskeinot rooleittain",
        ],
        "central resources" => ["Central resources", "Sentrale ressurser", "Centrala resurser", "Centrale ressourcer", "Keskusresurssit"],
        "country" => ["country", "land", "land", "land", "maa"],
        "population" => ["population", "innbyggere", "invånare", "indbyggere", "asukkaat"],
        "municipalities" => ["municipalities", "kommuner", "kommuner", "kommuner", "kunnat"],
        "central FTE" => ["central FTE", "sentrale årsverk", "centrala årsarbetskrafter", "centrale årsværk", "keskusyksikön htv"],
        "central EUR m" => ["central EUR m", "sentralt mill. EUR", "centralt mn EUR", "centralt mio. EUR", "keskusyksikkö milj. EUR"],
        "FTE per million" => ["FTE per million inhabitants", "årsverk per million innb.", "årsarbetskrafter per miljon inv.", "årsværk pr. mio. indb.", "htv / milj. asukasta"],
        "EUR m per million" => ["EUR m per million inhabitants", "mill. EUR per million innb.", "mn EUR per miljon inv.", "mio. EUR pr. mio. indb.", "milj. EUR / milj. asukasta"],
        "FTE per municipality" => ["FTE per municipality", "årsverk per kommune", "årsarbetskrafter per kommun", "årsværk pr. kommune", "htv / kunta"],
        "EUR m per municipality" => ["EUR m per municipality", "mill. EUR per kommune", "mn EUR per kommun", "mio. EUR pr. kommune", "milj. EUR / kunta"],
        "resources note" => [
            "Central = actors marked central in the model; per actor the figure of its latest year. Populations come from the statistics offices (outside the report); municipality counts from the report.",
            "Sentral = aktører merket sentrale i modellen; per aktør tallet for siste år. Innbyggertall fra statistikkbyråene (utenfor rapporten); antall kommuner fra rapporten.",
            "Central = aktörer markerade centrala i modellen; per aktör siffran för senaste år. Folkmängd från statistikbyråerna (utanför rapporten); antal kommuner från rapporten.",
            "Central = aktører markeret centrale i modellen; pr. aktør tallet for seneste år. Befolkning fra statistikbureauerne (uden for rapporten); antal kommuner fra rapporten.",
            "Keskus = mallissa keskeisiksi merkityt toimijat; toimijaa kohden viimeisimmän vuoden luku. Väkiluvut tilastovirastoilta (raportin ulkopuolelta); kuntien määrät raportista.",
        ],
        "profile" => ["Profile indicators", "Profilindikatorer", "Profilindikatorer", "Profilindikatorer", "Profiili-indikaattorit"],
        "indicator" => ["indicator", "indikator", "indikator", "indikator", "indikaattori"],
        "definition" => ["definition", "definisjon", "definition", "definition", "määritelmä"],
        "distances" => ["Distances between profiles (0 alike, 1 opposite)", "Avstand mellom profilene (0 lik, 1 motsatt)", "Avstånd mellan profilerna (0 lika, 1 motsatta)", "Afstand mellem profilerne (0 ens, 1 modsat)", "Profiilien etäisyydet (0 sama, 1 vastakkainen)"],
        "distance note" => [
            "Distance: indicators scaled 0-1 over the compared countries, mean absolute difference over the indicators both have.",
            "Avstand: indikatorene skalert 0-1 over landene som sammenlignes, gjennomsnittlig absolutt forskjell.",
            "Avstånd: indikatorerna skalade 0-1 över de jämförda länderna, genomsnittlig absolut skillnad.",
            "Afstand: indikatorerne skaleret 0-1 over de sammenlignede lande, gennemsnitlig absolut forskel.",
            "Etäisyys: indikaattorit skaalattu 0-1 vertailumaiden kesken, itseisarvoerojen keskiarvo.",
        ],
        "no rate for" => ["no rate for", "ingen kurs for", "ingen kurs för", "ingen kurs for", "ei kurssia:"],
        "slide" => ["Slide", "Lysark", "Bild", "Slide", "Dia"],
        "legend" => [
            "~ reconstructed from flattened slide text; ? low confidence",
            "~ rekonstruert fra flatet lysarktekst; ? lav sikkerhet",
            "~ rekonstruerad ur utplattad bildtext; ? låg säkerhet",
            "~ rekonstrueret fra udfladet slidetekst; ? lav sikkerhed",
            "~ rekonstruoitu litistetystä diatekstistä; ? epävarma",
        ],
        _ => ["", "", "", "", ""],
    };
    crate::model::pick(lang, all)
}

/// How a qualifier is written after an actor in a cell.
pub fn qualifier_text(q: Qualifier) -> String {
    q.key().replace('_', " ")
}

/// The short marker for a cell's provenance: `?` for low confidence, `~` for reconstructed.
fn marker(p: &CellProvenance) -> &'static str {
    match (p.confidence, p.reconstructed) {
        (Some(Confidence::Low), _) => " ?",
        (_, true) => " ~",
        _ => "",
    }
}

/// A cell's provenance in one line: `doc:lines; doc:lines (confidence, reconstructed)`.
pub fn provenance_text(p: &CellProvenance) -> Option<String> {
    if p.sources.is_empty() {
        return None;
    }
    let refs: Vec<String> = p.sources.iter().map(ToString::to_string).collect();
    let conf = p.confidence.map_or("no confidence", Confidence::key);
    let recon = if p.reconstructed { ", reconstructed" } else { "" };
    Some(format!("{} ({conf}{recon})", refs.join("; ")))
}

/// Adds the legend and, if asked, one line per sourced cell.
fn finish(g: &mut Grid, o: &GridOptions, sources: Vec<(String, Option<String>)>) {
    g.notes.push(word(o.lang, "legend").to_string());
    if o.sources {
        g.notes.push(format!("{}:", word(o.lang, "sources")));
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
        title: format!("{}: {} ({})", word(lang, "role matrix"), m.country, m.sector),
        header: std::iter::once(word(lang, "level").to_string())
            .chain(Role::ALL.iter().map(|r| r.label(lang).to_string()))
            .collect(),
        ..Default::default()
    };
    let mut sources = Vec::new();
    for row in &m.rows {
        let level = if row.present {
            row.level.label(lang).to_string()
        } else {
            format!("{} ({})", row.level.label(lang), word(lang, "not present"))
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
            let source = provenance_text(&cell.provenance);
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
        title: format!("{}: {}", word(lang, "strategic steering"), s.country),
        header: ["sector", "level", "primary actors", "strategy documents", "instruments"]
            .map(|k| word(lang, k).to_string())
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
        let source = provenance_text(&r.provenance);
        sources.push((format!("{} {}", r.sector, r.level), source.clone()));
        g.rows.push(vec![
            Cell::text(r.sector.key()),
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
            word(lang, "operational steering"),
            m.actor.label,
            m.sector,
            marker(&m.provenance)
        ),
        header: std::iter::once(word(lang, "role").to_string())
            .chain(Instrument::ALL.iter().map(|i| instrument_header(*i, lang)))
            .collect(),
        ..Default::default()
    };
    let mut sources = vec![("slide".to_string(), provenance_text(&m.provenance))];
    for row in &m.rows {
        let mut cells = vec![Cell::text(row.role.label(lang))];
        for c in &row.cells {
            let mark = if c.used { format!("✓{}", marker(&c.provenance)) } else { "✗".to_string() };
            let text = match (&c.text, o.detail && c.used) {
                (Some(text), true) => format!("{mark} {text}"),
                _ => mark,
            };
            let source = provenance_text(&c.provenance);
            if c.used {
                sources.push((format!("{} x {}", row.role, c.instrument), source.clone()));
            }
            cells.push(Cell { text, source, refs: c.provenance.sources.clone() });
        }
        g.rows.push(cells);
    }
    if let Some(title) = &m.title {
        g.notes.push(format!("{}: {title}", word(lang, "slide")));
    }
    g.notes.push(format!("✓ {}, ✗ {}", word(lang, "used"), word(lang, "not used")));
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
        title: format!("{}: {}", word(lang, "resources"), t.country),
        header: ["actor", "central", "FTE", "budget", "EUR m", "rate", "year", "covers"]
            .map(|k| word(lang, k).to_string())
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
            (Some(m), None) => (String::new(), format!("{} {}", word(lang, "no rate for"), m.currency)),
            _ => (String::new(), String::new()),
        };
        let source = provenance_text(&r.provenance);
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

/// The role matrices of several countries side by side, one row per level x role.
pub fn compare_roles(c: &RoleComparison, o: &GridOptions) -> Grid {
    let lang = o.lang;
    let mut g = Grid {
        sheet: "comparison".into(),
        title: format!("{}: {}", word(lang, "role matrix"), c.countries.join(", ")),
        header: [word(lang, "level").to_string(), word(lang, "role").to_string()]
            .into_iter()
            .chain(c.countries.iter().cloned())
            .collect(),
        ..Default::default()
    };
    for cell in &c.cells {
        let mut row = vec![Cell::text(cell.level.label(lang)), Cell::text(cell.role.label(lang))];
        for holders in &cell.holders {
            let names: Vec<String> = holders
                .iter()
                .map(|h| match h.qualifier {
                    Some(q) => format!("{} ({})", h.actor.label, qualifier_text(q)),
                    None => h.actor.label.clone(),
                })
                .collect();
            row.push(Cell::text(names.join(", ")));
        }
        g.rows.push(row);
    }
    g
}

/// The centre's instruments per role and country.
pub fn compare_instruments(c: &InstrumentComparison, o: &GridOptions) -> Grid {
    let lang = o.lang;
    let mut g = Grid {
        sheet: "comparison".into(),
        title: format!("{}: {}", word(lang, "centre instruments"), c.countries.join(", ")),
        header: std::iter::once(word(lang, "role").to_string()).chain(c.countries.iter().cloned()).collect(),
        ..Default::default()
    };
    for (role, per_country) in &c.rows {
        let mut row = vec![Cell::text(role.label(lang))];
        for ci in per_country {
            let list: Vec<String> = ci.instruments.iter().map(|i| i.strength().to_string()).collect();
            row.push(Cell::text(match ci.strongest {
                Some(s) => {
                    format!("{} ({}: {} {})", list.join(", "), word(lang, "strongest"), s.strength(), s.label(lang))
                }
                None => "-".to_string(),
            }));
        }
        g.rows.push(row);
    }
    let centres: Vec<String> = c
        .countries
        .iter()
        .zip(&c.centres)
        .map(|(code, ids)| format!("{code}: {}", ids.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")))
        .collect();
    g.notes.push(format!("{}: {}", word(lang, "central actors"), centres.join("; ")));
    g
}

/// Central resources per country, absolute and relative.
pub fn compare_resources(rows: &[CountryResources], o: &GridOptions) -> Grid {
    let lang = o.lang;
    let mut g = Grid {
        sheet: "comparison".into(),
        title: word(lang, "central resources").to_string(),
        header: [
            "country",
            "population",
            "municipalities",
            "central FTE",
            "central EUR m",
            "FTE per million",
            "EUR m per million",
            "FTE per municipality",
            "EUR m per municipality",
        ]
        .map(|k| word(lang, k).to_string())
        .to_vec(),
        ..Default::default()
    };
    let m = |v: Option<f64>| v.map(|v| v / 1e6);
    for r in rows {
        g.rows.push(vec![
            Cell::text(r.country.clone()),
            Cell::text(number(r.population, 0)),
            Cell::text(r.municipalities.map(|m| m.to_string()).unwrap_or_default()),
            Cell::text(number(r.central_fte, 0)),
            Cell::text(number(m(r.central_budget_eur), 1)),
            Cell::text(number(r.fte_per_million, 1)),
            Cell::text(number(m(r.budget_eur_per_million), 2)),
            Cell::text(number(r.fte_per_municipality, 2)),
            Cell::text(number(m(r.budget_eur_per_municipality), 3)),
        ]);
    }
    g.notes.push(word(lang, "resources note").to_string());
    g
}

/// The profile: indicators per country, the distance matrix, and one sentence per country.
pub fn profile(p: &Profile, o: &GridOptions) -> Vec<Grid> {
    let lang = o.lang;
    let mut ind = Grid {
        sheet: "comparison".into(),
        title: word(lang, "profile").to_string(),
        header: [word(lang, "indicator").to_string()]
            .into_iter()
            .chain(p.countries.iter().cloned())
            .chain([word(lang, "definition").to_string()])
            .collect(),
        ..Default::default()
    };
    for i in &p.indicators {
        ind.rows.push(
            std::iter::once(Cell::text(i.key.clone()))
                .chain(i.values.iter().map(|v| Cell::text(number(*v, 2))))
                .chain([Cell::text(i.description.clone())])
                .collect(),
        );
    }
    let mut dist = Grid {
        sheet: "comparison".into(),
        title: word(lang, "distances").to_string(),
        header: std::iter::once(String::new()).chain(p.countries.iter().cloned()).collect(),
        ..Default::default()
    };
    for a in &p.countries {
        dist.rows.push(
            std::iter::once(Cell::text(a.clone()))
                .chain(p.countries.iter().map(|b| {
                    Cell::text(if a == b {
                        "0".to_string()
                    } else {
                        p.distance(a, b).map_or(String::new(), |d| format!("{:.2}", d.distance))
                    })
                }))
                .collect(),
        );
    }
    dist.notes = p.summary();
    dist.notes.push(word(lang, "distance note").to_string());
    vec![ind, dist]
}

/// The network metrics as a grid: one row per actor, the country's figures as notes.
pub fn metrics(m: &Metrics, o: &GridOptions) -> Grid {
    let lang = o.lang;
    let mut g = Grid {
        sheet: m.country.clone(),
        title: format!("{}: {} ({} edges)", word(lang, "metrics"), m.country, edge_set_name(m.edges)),
        header: [
            "actor",
            "in",
            "out",
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
        .map(String::from)
        .to_vec(),
        ..Default::default()
    };
    let f = |v: f64| format!("{v:.4}");
    for a in &m.actors {
        let mut row = vec![
            Cell::text(a.id.to_string()),
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

fn edge_set_name(e: crate::graph::EdgeSet) -> &'static str {
    match e {
        crate::graph::EdgeSet::Structural => "structural",
        crate::graph::EdgeSet::Steering => "steering",
        crate::graph::EdgeSet::All => "all",
    }
}
