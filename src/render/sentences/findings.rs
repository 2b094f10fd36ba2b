//! What a finding concludes and which dimensions separate two countries, as sentences.

use super::{capital, list, num, reading, short, t, value};
use crate::analysis::dimensions::{Criterion, Dimension, Value};
use crate::analysis::findings::{Finding, Measure};
use crate::analysis::profile::{Distance, Profile};
use crate::model::{pick, Labelled, Lang, Vocabulary};
use crate::render::words::Word;

/// The sentence of a finding: the countries' positions on the dimension, grouped.
pub fn finding(lang: Lang, f: &Finding, p: &Profile) -> String {
    let names = |codes: &[String]| list(lang, &codes.iter().map(|c| p.name(c).to_string()).collect::<Vec<_>>());
    let row = p.row(f.dimension);
    let reading_of = |code: &str| row.and_then(|r| r.readings.iter().find(|x| x.country == code));
    let dim = f.dimension.label(lang);
    let unknown = t(
        lang,
        ["not in the model for", "ikke i modellen for", "inte i modellen för", "ikke i modellen for", "ei mallissa:"],
    );
    let mut parts: Vec<String> = Vec::new();
    match f.measure {
        Measure::Terms => {
            for g in &f.groups {
                let Some(first) = g.countries.first() else { continue };
                if g.values.first().copied().flatten().is_none() {
                    parts.push(format!("{unknown} {}", names(&g.countries)));
                    continue;
                }
                let criterion = f.dimension.criteria().next().unwrap_or(Criterion::HostPortfolio);
                let what = match g.values.first().copied().flatten() {
                    Some(v @ Value::Set(_)) => value(lang, criterion, Some(v)),
                    _ => reading_of(first).map_or_else(String::new, |r| reading(lang, f.dimension, r)),
                };
                let detail: Vec<String> = g
                    .countries
                    .iter()
                    .filter(|_| f.dimension.is_categorical())
                    .filter_map(|c| reading_of(c).map(|r| short(lang, f.dimension, r)))
                    .filter(|s| !s.is_empty() && *s != what)
                    .collect();
                parts.push(format!(
                    "{}: {what}{}",
                    names(&g.countries),
                    if detail.is_empty() { String::new() } else { format!(" ({})", detail.join(", ")) }
                ));
            }
            format!("{}: {}.", capital(dim), parts.join("; "))
        }
        Measure::Score => {
            let known: Vec<_> = f.groups.iter().filter(|g| g.values.iter().any(Option::is_some)).collect();
            for (i, g) in known.iter().enumerate() {
                let vals: Vec<String> = g.values.iter().map(|v| value(lang, Criterion::CentreRoles, *v)).collect();
                let range = match (vals.first(), vals.last()) {
                    (Some(a), Some(b)) if a != b => format!("{b}-{a}"),
                    (Some(a), _) => a.clone(),
                    _ => String::new(),
                };
                let lead = match (i, known.len()) {
                    (0, 1) => t(lang, ["the same in", "den samme i", "densamma i", "den samme i", "sama:"]),
                    (0, _) => t(lang, ["highest in", "høyest i", "högst i", "højest i", "korkein:"]),
                    (k, n) if k + 1 == n => t(lang, ["lowest in", "lavest i", "lägst i", "lavest i", "matalin:"]),
                    _ => Word::Then.label(lang),
                };
                parts.push(format!("{lead} {} ({range})", names(&g.countries)));
            }
            if let Some(g) = f.groups.iter().find(|g| g.values.iter().all(Option::is_none)) {
                parts.push(format!("{unknown} {}", names(&g.countries)));
            }
            format!("{}: {}.", capital(dim), parts.join(", "))
        }
        Measure::Staff | Measure::Budget => {
            let staff = f.measure == Measure::Staff;
            let what = if staff {
                t(
                    lang,
                    [
                        "Central staff for digitalisation",
                        "Sentrale årsverk til digitalisering",
                        "Centrala årsarbetskrafter för digitalisering",
                        "Centrale årsværk til digitalisering",
                        "Keskitetyt digitalisaatiohenkilötyövuodet",
                    ],
                )
            } else {
                t(
                    lang,
                    [
                        "Central budget for digitalisation",
                        "Sentralt budsjett til digitalisering",
                        "Central budget för digitalisering",
                        "Centralt budget til digitalisering",
                        "Keskitetty digitalisaatiobudjetti",
                    ],
                )
            };
            let show = |v: Option<Value>| match v.and_then(Value::number) {
                Some(x) if staff => {
                    format!("{} {}", num(lang, x, 0), Word::FteShort.label(lang))
                }
                Some(x) => format!("EUR {} m", num(lang, x / 1e6, 1)),
                None => String::new(),
            };
            let mut ranked: Vec<String> = Vec::new();
            for g in &f.groups {
                if g.values.iter().all(Option::is_none) {
                    ranked.push(format!("{unknown} {}", names(&g.countries)));
                    continue;
                }
                for (i, (c, v)) in g.countries.iter().zip(&g.values).enumerate() {
                    let when = match g.years.get(i).copied().flatten() {
                        Some((a, b)) if a == b => format!(", {a}"),
                        Some((a, b)) => format!(", {a}-{b}"),
                        None => String::new(),
                    };
                    ranked.push(format!("{} ({}{when})", p.name(c), show(*v)));
                }
            }
            let most = t(lang, ["largest in", "størst i", "störst i", "størst i", "suurin:"]);
            let then = Word::Then.label(lang);
            let (first, rest) = ranked.split_first().map_or((String::new(), &[][..]), |(f, r)| (f.clone(), r));
            if rest.is_empty() {
                format!("{what}: {most} {first}.")
            } else {
                format!("{what}: {most} {first}, {then} {}.", rest.join(", "))
            }
        }
    }
}

/// "Norway and Denmark differ most on: where the central unit sits (KMD vs FM); ..." for a
/// pair, naming at most `top` dimensions with each side's reading.
pub fn separation(lang: Lang, d: &Distance, p: &Profile, top: usize) -> String {
    let vs = t(lang, ["vs", "mot", "mot", "mod", "vs"]);
    let parts: Vec<String> = d
        .separations
        .iter()
        .take(top)
        .map(|s| {
            let side = |code: &str| {
                p.row(s.dimension)
                    .and_then(|r| r.readings.iter().find(|x| x.country == code))
                    .map_or_else(String::new, |r| short(lang, s.dimension, r))
            };
            format!("{} ({} {vs} {})", s.dimension.label(lang), side(&d.a), side(&d.b))
        })
        .collect();
    let (a, b) = (p.name(&d.a), p.name(&d.b));
    if parts.is_empty() {
        return format!(
            "{a} {} {b} {}",
            Word::And.label(lang),
            t(
                lang,
                [
                    "do not differ on any dimension.",
                    "skiller seg ikke på noen dimensjon.",
                    "skiljer sig inte på någon dimension.",
                    "adskiller sig ikke på nogen dimension.",
                    "eivät eroa millään ulottuvuudella."
                ]
            )
        );
    }
    format!(
        "{a} {} {b} {}: {}.",
        Word::And.label(lang),
        t(
            lang,
            ["differ most on", "skiller seg mest på", "skiljer sig mest på", "adskiller sig mest på", "eroavat eniten"]
        ),
        parts.join("; ")
    )
}

/// One sentence per country naming its closest and furthest neighbour.
pub fn extremes(lang: Lang, p: &Profile) -> Vec<String> {
    p.extremes()
        .into_iter()
        .map(|e| {
            let c = e.country;
            let why = |d: &Distance| d.separations.first().map_or_else(String::new, |s| s.dimension.label(lang).to_string());
            let near_on = {
                // The dimension they are most alike on: the smallest known difference.
                let mut best: Option<(Dimension, f64)> = None;
                for (dim, x) in Dimension::ALL.iter().zip(&e.near.differences) {
                    if let Some(x) = x {
                        if best.is_none_or(|(_, b)| *x < b) {
                            best = Some((*dim, *x));
                        }
                    }
                }
                best.map_or_else(String::new, |(d, _)| d.label(lang).to_string())
            };
            pick(lang, [
                "{c} is closest to {near} ({nd}; most alike on {non}) and furthest from {far} ({fd}; most different on {fon}).",
                "{c} ligger nærmest {near} ({nd}; mest lik på {non}) og lengst fra {far} ({fd}; mest ulik på {fon}).",
                "{c} ligger närmast {near} ({nd}; mest lika på {non}) och längst från {far} ({fd}; mest olika på {fon}).",
                "{c} ligger nærmest {near} ({nd}; mest ens på {non}) og længst fra {far} ({fd}; mest forskellig på {fon}).",
                "{c} on lähimpänä maata {near} ({nd}; samankaltaisin: {non}) ja kauimpana maasta {far} ({fd}; erilaisin: {fon}).",
            ])
            .replace("{c}", p.name(c))
            .replace("{near}", p.name(e.near.other(c)))
            .replace("{nd}", &num(lang, e.near.distance, 2))
            .replace("{non}", &near_on)
            .replace("{far}", p.name(e.far.other(c)))
            .replace("{fd}", &num(lang, e.far.distance, 2))
            .replace("{fon}", &why(e.far))
        })
        .collect()
}
