//! The profile and its findings as grids: the governance dimensions side by side (each cell the
//! value in words, sourced), on request the facts behind every value, the descriptive context,
//! the distance matrix with the dimensions that separate each pair, the sensitivity of each
//! country's neighbours to the weights, and the generated findings.

use super::grid::{Cell, Grid, GridOptions};
use super::sentences::{self, capital, num, t};
use crate::analysis::dimensions::Weights;
use crate::analysis::findings::Finding;
use crate::analysis::matrix::CellProvenance;
use crate::analysis::profile::{Profile, Reading, Sensitivity};
use crate::model::{Labelled, Lang, Level, Vocabulary};

fn sheet() -> String {
    "comparison".into()
}

/// The provenance of every fact behind a reading, merged.
fn provenance(r: &Reading) -> CellProvenance {
    CellProvenance::union(r.criteria.iter().flat_map(|c| c.facts.iter()).map(|f| &f.provenance))
}

/// The dimensions side by side; with `facts`, a second grid lists every criterion's value and
/// the facts (with sources) behind it, per country.
pub fn dimensions(p: &Profile, o: &GridOptions, facts: bool) -> Vec<Grid> {
    let lang = o.lang;
    let mut g = Grid {
        sheet: sheet(),
        title: t(
            lang,
            [
                "Governance dimensions",
                "Styringsdimensjoner",
                "Styrningsdimensioner",
                "Styringsdimensioner",
                "Ohjauksen ulottuvuudet",
            ],
        )
        .into(),
        header: std::iter::once(
            t(lang, ["dimension", "dimensjon", "dimension", "dimension", "ulottuvuus"]).to_string(),
        )
        .chain(p.names.iter().cloned())
        .chain([t(lang, ["weight", "vekt", "vikt", "vægt", "paino"]).to_string()])
        .collect(),
        ..Default::default()
    };
    for row in &p.dimensions {
        let mut cells = vec![Cell::text(row.dimension.label(lang))];
        cells.extend(
            row.readings
                .iter()
                .map(|r| Cell::sourced(sentences::reading(lang, row.dimension, r), &provenance(r), o.names)),
        );
        cells.push(Cell::text(num(lang, row.weight, 2)));
        g.rows.push(cells);
    }
    g.notes.extend(
        p.dimensions.iter().map(|r| format!("{}: {}", capital(r.dimension.label(lang)), r.dimension.definition(lang))),
    );
    if o.sources {
        g.notes.push(format!("{}:", super::words::Word::Sources.label(lang)));
        for row in &p.dimensions {
            for r in &row.readings {
                if let Some(s) = super::grid::provenance_text(&provenance(r), o.names) {
                    g.notes.push(format!("{} / {}: {s}", row.dimension.label(lang), p.name(&r.country)));
                }
            }
        }
    }
    let mut out = vec![g];
    if facts {
        let mut f = Grid {
            sheet: sheet(),
            title: t(
                lang,
                [
                    "Facts behind the values",
                    "Fakta bak verdiene",
                    "Fakta bakom värdena",
                    "Fakta bag værdierne",
                    "Arvojen taustalla olevat tosiasiat",
                ],
            )
            .into(),
            header: [
                t(lang, ["dimension", "dimensjon", "dimension", "dimension", "ulottuvuus"]),
                t(lang, ["country", "land", "land", "land", "maa"]),
                t(lang, ["criterion", "kriterium", "kriterium", "kriterium", "kriteeri"]),
                t(lang, ["value", "verdi", "värde", "værdi", "arvo"]),
                t(lang, ["facts", "fakta", "fakta", "fakta", "tosiasiat"]),
            ]
            .map(String::from)
            .to_vec(),
            ..Default::default()
        };
        for row in &p.dimensions {
            for r in &row.readings {
                for c in &r.criteria {
                    let text: Vec<String> =
                        c.facts.iter().map(|x| sentences::fact_with_sources(lang, x, o.names)).collect();
                    f.rows.push(vec![
                        Cell::text(row.dimension.label(lang)),
                        Cell::text(p.name(&r.country)),
                        Cell::text(c.criterion.label(lang)),
                        Cell::text(sentences::value(lang, c.criterion, c.value)),
                        Cell::text(if text.is_empty() { "-".to_string() } else { text.join("\n") }),
                    ]);
                }
            }
        }
        out.push(f);
    }
    out
}

/// Descriptive figures that stay out of the distance.
pub fn context(p: &Profile, o: &GridOptions) -> Grid {
    let lang = o.lang;
    let mut g = Grid {
        sheet: sheet(),
        title: t(
            lang,
            [
                "Context (not in the distance)",
                "Kontekst (ikke med i avstanden)",
                "Kontext (inte med i avståndet)",
                "Kontekst (ikke med i afstanden)",
                "Tausta (ei etäisyydessä)",
            ],
        )
        .into(),
        header: std::iter::once(String::new()).chain(p.names.iter().cloned()).collect(),
        ..Default::default()
    };
    let opt = |v: Option<f64>, d: usize| v.map_or_else(|| "-".to_string(), |x| num(lang, x, d));
    for level in Level::ALL {
        let mut cells = vec![Cell::text(format!(
            "{}: {}",
            t(lang, ["actors named", "aktører nevnt", "aktörer nämnda", "aktører nævnt", "mainitut toimijat"]),
            level.label(lang)
        ))];
        cells.extend(p.context.iter().map(|c| {
            Cell::text(c.actors_per_level.iter().find(|(l, _)| l == level).map_or(0, |(_, n)| *n).to_string())
        }));
        g.rows.push(cells);
    }
    let each =
        |f: &dyn Fn(&crate::analysis::profile::Context) -> String| -> Vec<String> { p.context.iter().map(f).collect() };
    let rows: Vec<(&str, Vec<String>)> = vec![
        (t(lang, ["population", "innbyggere", "invånare", "indbyggere", "asukkaat"]), each(&|c| opt(c.population, 0))),
        (
            t(lang, ["municipalities", "kommuner", "kommuner", "kommuner", "kunnat"]),
            each(&|c| c.municipalities.map_or_else(|| "-".into(), |m| m.to_string())),
        ),
        (
            t(
                lang,
                [
                    "inhabitants per municipality",
                    "innbyggere per kommune",
                    "invånare per kommun",
                    "indbyggere pr. kommune",
                    "asukkaita kuntaa kohden",
                ],
            ),
            each(&|c| opt(c.inhabitants_per_municipality, 0)),
        ),
        (
            t(
                lang,
                [
                    "central FTE for digitalisation",
                    "sentrale årsverk til digitalisering",
                    "centrala årsarbetskrafter för digitalisering",
                    "centrale årsværk til digitalisering",
                    "keskitetyt digitalisaatio-htv",
                ],
            ),
            each(&|c| opt(c.central_fte, 0)),
        ),
        (
            t(
                lang,
                [
                    "central budget for digitalisation, EUR m",
                    "sentralt budsjett til digitalisering, mill. EUR",
                    "central budget för digitalisering, mn EUR",
                    "centralt budget til digitalisering, mio. EUR",
                    "keskitetty digitalisaatiobudjetti, milj. EUR",
                ],
            ),
            each(&|c| opt(c.central_budget_eur.map(|x| x / 1e6), 1)),
        ),
    ];
    for (label, values) in rows {
        let mut cells = vec![Cell::text(label)];
        cells.extend(values.into_iter().map(Cell::text));
        g.rows.push(cells);
    }
    g.notes.push(
        t(lang, [
            "Actor counts say how many bodies the sources name, not how a country is governed, so they stay out of the distance.",
            "Antall aktører sier hvor mange organer kildene nevner, ikke hvordan et land styres, og holdes derfor utenfor avstanden.",
            "Antalet aktörer säger hur många organ källorna nämner, inte hur ett land styrs, och hålls därför utanför avståndet.",
            "Antallet aktører siger, hvor mange organer kilderne nævner, ikke hvordan et land styres, og holdes derfor uden for afstanden.",
            "Toimijoiden määrä kertoo, kuinka monta elintä lähteet mainitsevat, ei sitä, miten maata ohjataan, joten se jätetään etäisyyden ulkopuolelle.",
        ])
        .to_string(),
    );
    g
}

/// The distance matrix, with what separates each pair and each country's nearest and furthest.
pub fn distances(p: &Profile, o: &GridOptions) -> Grid {
    let lang = o.lang;
    let mut g = Grid {
        sheet: sheet(),
        title: t(
            lang,
            [
                "Distances (0 alike, 1 opposite)",
                "Avstander (0 lik, 1 motsatt)",
                "Avstånd (0 lika, 1 motsatta)",
                "Afstande (0 ens, 1 modsat)",
                "Etäisyydet (0 sama, 1 vastakkainen)",
            ],
        )
        .into(),
        header: std::iter::once(String::new()).chain(p.names.iter().cloned()).collect(),
        ..Default::default()
    };
    for (a, name) in p.countries.iter().zip(&p.names) {
        let mut cells = vec![Cell::text(name.clone())];
        cells.extend(p.countries.iter().map(|b| {
            Cell::text(if a == b {
                "0".to_string()
            } else {
                p.distance(a, b).map_or(String::new(), |d| num(lang, d.distance, 2))
            })
        }));
        g.rows.push(cells);
    }
    g.notes = sentences::extremes(lang, p);
    g.notes.extend(p.distances.iter().map(|d| sentences::separation(lang, d, p, 2)));
    g.notes.push(
        t(lang, [
            "Distance: the weighted mean over the dimensions both countries have of how far apart they are on each (see the dimensions' definitions).",
            "Avstand: vektet gjennomsnitt over dimensjonene begge land har av hvor langt fra hverandre de er på hver (se definisjonene).",
            "Avstånd: viktat medelvärde över de dimensioner båda länderna har av hur långt ifrån varandra de är på var och en (se definitionerna).",
            "Afstand: vægtet gennemsnit over de dimensioner, begge lande har, af hvor langt fra hinanden de er på hver (se definitionerne).",
            "Etäisyys: painotettu keskiarvo molempien maiden ulottuvuuksista siitä, kuinka kaukana ne ovat kullakin (ks. määritelmät).",
        ])
        .to_string(),
    );
    g
}

/// How stable each country's neighbours are under perturbed weights.
pub fn sensitivity(s: &Sensitivity, p: &Profile, o: &GridOptions) -> Grid {
    let lang = o.lang;
    let pct = |x: f64| format!("{} %", num(lang, x * 100.0, 0));
    let mut g = Grid {
        sheet: sheet(),
        title: t(
            lang,
            [
                "Sensitivity of the neighbours to the weights",
                "Naboenes følsomhet for vektene",
                "Grannarnas känslighet för vikterna",
                "Naboernes følsomhed for vægtene",
                "Naapurien herkkyys painoille",
            ],
        )
        .into(),
        header: [
            t(lang, ["country", "land", "land", "land", "maa"]),
            t(
                lang,
                [
                    "neighbours, nearest first",
                    "naboer, nærmeste først",
                    "grannar, närmast först",
                    "naboer, nærmeste først",
                    "naapurit, lähin ensin",
                ],
            ),
            t(lang, ["nearest kept", "nærmeste beholdt", "närmaste behållen", "nærmeste bevaret", "lähin säilyy"]),
            t(lang, ["order kept", "rekkefølge beholdt", "ordning behållen", "rækkefølge bevaret", "järjestys säilyy"]),
            t(
                lang,
                [
                    "nearest in the draws",
                    "nærmest i trekningene",
                    "närmast i dragningarna",
                    "nærmest i trækningerne",
                    "lähin arvonnoissa",
                ],
            ),
        ]
        .map(String::from)
        .to_vec(),
        ..Default::default()
    };
    for c in &s.countries {
        let order: Vec<String> = c.order.iter().map(|x| p.name(x).to_string()).collect();
        let shares: Vec<String> = c
            .nearest_shares
            .iter()
            .filter(|(_, x)| *x > 0.0)
            .map(|(x, v)| format!("{} {}", p.name(x), pct(*v)))
            .collect();
        g.rows.push(vec![
            Cell::text(p.name(&c.country)),
            Cell::text(order.join(", ")),
            Cell::text(pct(c.nearest_kept)),
            Cell::text(pct(c.order_kept)),
            Cell::text(shares.join(", ")),
        ]);
    }
    g.notes.push(
        draws_note(lang)
            .replace("{n}", &s.draws.to_string())
            .replace("{lo}", &num(lang, 1.0 - s.spread, 2))
            .replace("{hi}", &num(lang, 1.0 + s.spread, 2))
            .replace("{seed}", &s.seed.to_string()),
    );
    g
}

fn draws_note(lang: Lang) -> &'static str {
    t(lang, [
        "{n} draws; each weight multiplied by a factor drawn uniformly from {lo} to {hi} (PCG64, seed {seed}).",
        "{n} trekninger; hver vekt ganget med en faktor trukket jevnt fra {lo} til {hi} (PCG64, frø {seed}).",
        "{n} dragningar; varje vikt multiplicerad med en faktor dragen likformigt från {lo} till {hi} (PCG64, frö {seed}).",
        "{n} trækninger; hver vægt ganget med en faktor trukket jævnt fra {lo} til {hi} (PCG64, frø {seed}).",
        "{n} arvontaa; kukin paino kerrottu tasaisesti väliltä {lo}-{hi} arvotulla kertoimella (PCG64, siemen {seed}).",
    ])
}

/// The generated findings, one sentence a row, with the facts each rests on.
pub fn findings(fs: &[Finding], p: &Profile, o: &GridOptions, facts: bool) -> Grid {
    let lang = o.lang;
    let mut g = Grid {
        sheet: sheet(),
        title: t(
            lang,
            [
                "Findings from the dimensions",
                "Funn fra dimensjonene",
                "Slutsatser från dimensionerna",
                "Fund fra dimensionerne",
                "Havainnot ulottuvuuksista",
            ],
        )
        .into(),
        header: [
            t(lang, ["dimension", "dimensjon", "dimension", "dimension", "ulottuvuus"]),
            t(lang, ["finding", "funn", "slutsats", "fund", "havainto"]),
        ]
        .map(String::from)
        .to_vec(),
        ..Default::default()
    };
    if facts {
        g.header.push(t(lang, ["rests on", "bygger på", "bygger på", "bygger på", "perustuu"]).into());
    }
    for f in fs {
        let prov = CellProvenance::union(f.facts.iter().flat_map(|(_, list)| list.iter()).map(|x| &x.provenance));
        let mut row =
            vec![Cell::text(f.dimension.label(lang)), Cell::sourced(sentences::finding(lang, f, p), &prov, o.names)];
        if facts {
            let lines: Vec<String> = f
                .facts
                .iter()
                .flat_map(|(c, list)| list.iter().map(move |x| (c, x)))
                .map(|(c, x)| format!("{}: {}", p.name(c), sentences::fact_with_sources(lang, x, o.names)))
                .collect();
            row.push(Cell::text(lines.join("\n")));
        }
        g.rows.push(row);
    }
    g
}

/// The weights in effect, as a note line.
pub fn weights_note(w: &Weights, lang: Lang) -> String {
    let parts: Vec<String> = crate::analysis::dimensions::Dimension::ALL
        .iter()
        .map(|d| format!("{} {}", d.label(lang), num(lang, w.of(*d), 2)))
        .collect();
    format!("{}: {}", t(lang, ["Weights", "Vekter", "Vikter", "Vægte", "Painot"]), parts.join(", "))
}
