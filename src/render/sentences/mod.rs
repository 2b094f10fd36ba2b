//! Sentences for people, generated from the profile's typed values and facts in the five
//! languages: what a dimension reads in a country, what a fact says, what a finding concludes,
//! which dimensions separate two countries. Names are the countries' and actors' own names in the
//! chosen language; no internal id or field name appears.

use crate::analysis::dimensions::{terms, Criterion, Dimension, Value};
use crate::analysis::findings::{Finding, Measure};
use crate::analysis::profile::{About, Distance, Fact, Profile, Reading};
use crate::model::{
    pick, ActorKind, Labelled, Lang, LevelCharacter, Portfolio, RelationType, ResourceScope, Vocabulary,
};

/// A word or phrase in `lang`, from (en, nb, sv, da, fi).
pub(crate) fn t(lang: Lang, all: [&'static str; 5]) -> &'static str {
    pick(lang, all)
}

/// `a, b and c` in `lang`.
pub fn list(lang: Lang, items: &[String]) -> String {
    let and = t(lang, ["and", "og", "och", "og", "ja"]);
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// A number with `digits` decimals, with the decimal comma where the language uses one.
pub fn num(lang: Lang, x: f64, digits: usize) -> String {
    let s = format!("{x:.digits$}");
    if lang == Lang::En {
        s
    } else {
        s.replace('.', ",")
    }
}

fn kind_word(lang: Lang, k: ActorKind) -> &'static str {
    match k {
        ActorKind::Forum => t(lang, ["forum", "forum", "forum", "forum", "foorumi"]),
        ActorKind::Council => t(lang, ["council", "råd", "råd", "råd", "neuvosto"]),
        ActorKind::Agency => t(lang, ["agency", "etat", "myndighet", "styrelse", "virasto"]),
        ActorKind::Unit => t(lang, ["department", "avdeling", "enhet", "afdeling", "osasto"]),
        ActorKind::Ministry => t(lang, ["ministry", "departement", "departement", "ministerium", "ministeriö"]),
        ActorKind::Placeholder => t(
            lang,
            [
                "the initiating body",
                "den initierende enheten",
                "den initierande enheten",
                "den initierende enhed",
                "aloitteen tekijä",
            ],
        ),
        _ => t(lang, ["body", "organ", "organ", "organ", "toimija"]),
    }
}

/// What a criterion's value says, briefly.
pub fn value(lang: Lang, c: Criterion, v: Option<Value>) -> String {
    match v {
        None => {
            t(lang, ["not in the model", "ikke i modellen", "inte i modellen", "ikke i modellen", "ei mallissa"]).into()
        }
        Some(Value::Set(bits)) => match c {
            Criterion::HostPortfolio => {
                list(lang, &terms::<Portfolio>(bits).iter().map(|p| p.label(lang).to_string()).collect::<Vec<_>>())
            }
            _ => {
                list(lang, &terms::<LevelCharacter>(bits).iter().map(|p| p.label(lang).to_string()).collect::<Vec<_>>())
            }
        },
        Some(Value::Score(x)) => num(lang, x, 2),
        Some(Value::Amount(x)) => num(lang, x, if x < 10.0 { 2 } else { 1 }),
    }
}

/// What a dimension reads in one country, in a few words: the value and what makes it.
pub fn reading(lang: Lang, d: Dimension, r: &Reading) -> String {
    let facts = |pred: &dyn Fn(&About) -> bool| -> Vec<&About> {
        r.criteria.iter().flat_map(|c| c.facts.iter()).map(|f| &f.about).filter(|a| pred(a)).collect()
    };
    match d {
        Dimension::CentreHost => {
            let mut hosts: Vec<String> = Vec::new();
            for a in facts(&|a| matches!(a, About::Hosted { .. })) {
                if let About::Hosted { ministry, portfolio, .. } = a {
                    let s = match portfolio {
                        Some(p) => format!("{} ({})", ministry.label, p.label(lang)),
                        None => ministry.label.clone(),
                    };
                    if !hosts.contains(&s) {
                        hosts.push(s);
                    }
                }
            }
            if hosts.is_empty() {
                value(lang, Criterion::HostPortfolio, None)
            } else {
                list(lang, &hosts)
            }
        }
        Dimension::CentreForm => match r.value {
            Some(Value::Score(x)) if x >= 1.0 => {
                t(lang, ["an agency", "en etat", "en myndighet", "en styrelse", "virasto"]).into()
            }
            Some(Value::Score(x)) if x <= 0.0 => t(
                lang,
                [
                    "a department in a ministry",
                    "en avdeling i et departement",
                    "en enhet i ett departement",
                    "en afdeling i et ministerium",
                    "ministeriön osasto",
                ],
            )
            .into(),
            Some(_) => t(
                lang,
                [
                    "a department in a ministry and an agency",
                    "en avdeling i et departement og en etat",
                    "en enhet i ett departement och en myndighet",
                    "en afdeling i et ministerium og en styrelse",
                    "ministeriön osasto ja virasto",
                ],
            )
            .into(),
            None => value(lang, Criterion::AgencyShare, None),
        },
        Dimension::RegionalTier => value(lang, Criterion::TierCharacter, r.criteria.first().and_then(|c| c.value)),
        Dimension::CentralResources => {
            let get = |c: Criterion| r.criteria.iter().find(|x| x.criterion == c).and_then(|x| x.value);
            let per = t(
                lang,
                [
                    "per million inhabitants",
                    "per million innbyggere",
                    "per miljon invånare",
                    "pr. million indbyggere",
                    "miljoonaa asukasta kohden",
                ],
            );
            match (get(Criterion::FtePerMillion), get(Criterion::BudgetPerMillion)) {
                (None, None) => value(lang, Criterion::FtePerMillion, None),
                (f, b) => {
                    let mut parts = Vec::new();
                    if let Some(f) = f {
                        parts.push(format!(
                            "{} {}",
                            value(lang, Criterion::FtePerMillion, Some(f)),
                            t(lang, ["FTE", "årsverk", "åa", "årsværk", "htv"])
                        ));
                    }
                    if let Some(Value::Amount(b)) = b {
                        parts.push(format!("EUR {} m", num(lang, b / 1e6, 2)));
                    }
                    format!("{} {per}", list(lang, &parts))
                }
            }
        }
        _ => {
            let score = value(lang, Criterion::CentreRoles, r.value);
            let mut parts: Vec<String> = Vec::new();
            for c in &r.criteria {
                let Some(Value::Score(x)) = c.value else { continue };
                if x <= 0.0 {
                    continue;
                }
                let facts: Vec<&About> = c.facts.iter().map(|f| &f.about).collect();
                let part = match c.criterion {
                    Criterion::LocalInstrument => {
                        let mut who: Vec<String> = Vec::new();
                        let mut what = String::new();
                        for a in &facts {
                            if let About::Steers { actor, instrument, .. } = a {
                                what = instrument.label(lang).to_string();
                                if !who.contains(&actor.label) {
                                    who.push(actor.label.clone());
                                }
                            }
                        }
                        format!("{}: {what} ({})", c.criterion.label(lang), list(lang, &who))
                    }
                    Criterion::NationalStrategy => facts
                        .iter()
                        .find_map(|a| match a {
                            About::Strategy { kind: Some(k), in_force: true, .. } => Some(k.label(lang).to_string()),
                            _ => None,
                        })
                        .unwrap_or_else(|| c.criterion.label(lang).to_string()),
                    Criterion::JointCompany => {
                        let names: Vec<String> = facts
                            .iter()
                            .filter_map(|a| match a {
                                About::Company { company, .. } => Some(company.label.clone()),
                                _ => None,
                            })
                            .collect();
                        format!("{} ({})", c.criterion.label(lang), list(lang, &names))
                    }
                    Criterion::CentreRoles => {
                        let mut roles: Vec<crate::model::Role> = Vec::new();
                        for a in &facts {
                            if let About::HoldsRole { role, .. } = a {
                                if !roles.contains(role) {
                                    roles.push(*role);
                                }
                            }
                        }
                        roles.sort();
                        let names: Vec<String> = roles.iter().map(|r| r.label(lang).to_string()).collect();
                        format!(
                            "{} {}",
                            t(
                                lang,
                                [
                                    "the centre holds",
                                    "sentralenheten har",
                                    "centrala enheten har",
                                    "den centrale enhed har",
                                    "keskusyksiköllä on"
                                ]
                            ),
                            list(lang, &names)
                        )
                    }
                    Criterion::ForumShare | Criterion::PermanentForums | Criterion::MandatoryForums => {
                        let all = facts.iter().filter(|a| matches!(a, About::Coordinates { .. })).count();
                        let n = (x * all as f64).round() as usize;
                        let what = match c.criterion {
                            Criterion::ForumShare => t(
                                lang,
                                [
                                    "are forums or councils",
                                    "er fora eller råd",
                                    "är forum eller råd",
                                    "er fora eller råd",
                                    "on foorumeita tai neuvostoja",
                                ],
                            ),
                            Criterion::PermanentForums => t(
                                lang,
                                [
                                    "are permanent forums or councils",
                                    "er permanente fora eller råd",
                                    "är permanenta forum eller råd",
                                    "er permanente fora eller råd",
                                    "on pysyviä foorumeita tai neuvostoja",
                                ],
                            ),
                            _ => t(
                                lang,
                                [
                                    "are forums members must take part in",
                                    "er fora med obligatorisk deltakelse",
                                    "är forum med obligatoriskt deltagande",
                                    "er fora med obligatorisk deltagelse",
                                    "on foorumeita, joihin on osallistuttava",
                                ],
                            ),
                        };
                        format!(
                            "{n} {} {all} {} {what}",
                            t(lang, ["of", "av", "av", "af", "/"]),
                            t(lang, ["coordinators", "koordinatorer", "samordnare", "koordinatorer", "koordinoijasta"])
                        )
                    }
                    _ if x >= 1.0 => c.criterion.label(lang).to_string(),
                    _ => format!("{}: {}", c.criterion.label(lang), num(lang, x, 2)),
                };
                parts.push(part);
            }
            if parts.is_empty() {
                score
            } else {
                format!("{score}: {}", parts.join("; "))
            }
        }
    }
}

/// `from <relation> to` with both actors' labels: "Difi reports to FIN"; a binding agreement
/// says so.
pub fn relation(lang: Lang, from: &str, kind: RelationType, to: &str, binding: bool) -> String {
    let phrase = if binding && kind == RelationType::AgreementWith {
        pick(
            lang,
            [
                "has a binding agreement with",
                "har en bindende avtale med",
                "har ett bindande avtal med",
                "har en bindende aftale med",
                "on tehnyt sitovan sopimuksen:",
            ],
        )
    } else {
        kind.label(lang)
    };
    format!("{from} {phrase} {to}")
}

/// What one fact says.
pub fn fact(lang: Lang, f: &Fact) -> String {
    match &f.about {
        About::Hosted { unit, ministry, portfolio } => {
            let under = t(lang, ["sits under", "ligger under", "ligger under", "ligger under", "kuuluu"]);
            match portfolio {
                Some(p) => format!("{} {under} {} ({})", unit.label, ministry.label, p.label(lang)),
                None => format!("{} {under} {}", unit.label, ministry.label),
            }
        }
        About::Form { unit, kind, parent } => {
            let k = kind_word(lang, *kind);
            match parent {
                Some(p) => format!(
                    "{}: {k}, {} {}",
                    unit.label,
                    t(lang, ["under", "under", "under", "under", "alaisuudessa:"]),
                    p.label
                ),
                None => format!("{}: {k}", unit.label),
            }
        }
        About::Strategy { title, years, kind, in_force, .. } => {
            let mut what = kind.map_or_else(String::new, |k| format!(": {}", k.label(lang)));
            if !in_force {
                what.push_str(t(
                    lang,
                    [
                        " (no longer in force)",
                        " (ikke lenger i kraft)",
                        " (inte längre i kraft)",
                        " (ikke længere i kraft)",
                        " (ei enää voimassa)",
                    ],
                ));
            }
            match years {
                Some(y) => format!("{title} ({y}){what}"),
                None => format!("{title}{what}"),
            }
        }
        About::HoldsRole { actor, level, role } => {
            format!(
                "{} {} {} ({})",
                actor.label,
                t(lang, ["holds", "har", "har", "har", "vastaa:"]),
                role.label(lang),
                level.label(lang)
            )
        }
        About::Relation { from, kind, to, binding } => match kind {
            RelationType::Gatekeeps => format!(
                "{} {} {}",
                from.label,
                t(
                    lang,
                    [
                        "must approve the large projects of",
                        "må godkjenne de store prosjektene til",
                        "måste godkänna de stora projekten hos",
                        "skal godkende de store projekter hos",
                        "hyväksyy suuret hankkeet:",
                    ]
                ),
                to.label
            ),
            RelationType::AgreementWith if *binding => format!(
                "{} {} {}",
                from.label,
                t(
                    lang,
                    [
                        "has a binding agreement with",
                        "har en bindende avtale med",
                        "har ett bindande avtal med",
                        "har en bindende aftale med",
                        "on tehnyt sitovan sopimuksen:"
                    ]
                ),
                to.label
            ),
            RelationType::AgreementWith => format!(
                "{} {} {}",
                from.label,
                t(
                    lang,
                    [
                        "has an agreement (not binding) with",
                        "har en avtale (ikke bindende) med",
                        "har ett avtal (inte bindande) med",
                        "har en aftale (ikke bindende) med",
                        "on tehnyt (ei-sitovan) sopimuksen:"
                    ]
                ),
                to.label
            ),
            _ => format!("{} {} {}", from.label, kind.label(lang), to.label),
        },
        About::Coordinates { actor, kind, standing, participation } => {
            let mut what = vec![kind_word(lang, *kind).to_string()];
            what.extend(standing.map(|s| s.label(lang).to_string()));
            what.extend(participation.map(|s| s.label(lang).to_string()));
            format!(
                "{} {} ({})",
                actor.label,
                t(lang, ["coordinates", "koordinerer", "samordnar", "koordinerer", "koordinoi"]),
                what.join(", ")
            )
        }
        About::Steers { actor, role, instrument, text } => {
            let head = format!("{}: {} ({})", actor.label, instrument.label(lang), role.label(lang));
            match text {
                Some(x) => format!("{head}: {x}"),
                None => head,
            }
        }
        About::Company { company, owner } => format!(
            "{} {} {}",
            company.label,
            t(lang, ["is owned by", "eies av", "ägs av", "ejes af", "omistaja:"]),
            owner.label
        ),
        About::Tier { present, character, units, unit_name } => {
            if !present {
                return LevelCharacter::Absent.label(lang).to_string();
            }
            let what =
                character.map_or_else(|| value(lang, Criterion::TierCharacter, None), |c| c.label(lang).to_string());
            match (units, unit_name) {
                (Some(n), Some(name)) => format!("{what}: {n} {name}"),
                _ => what,
            }
        }
        About::Staff { actor, fte, year, scope, .. } => {
            format!(
                "{}: {} {}{}",
                actor.label,
                num(lang, *fte, 0),
                t(lang, ["FTE", "årsverk", "åa", "årsværk", "htv"]),
                when(lang, *year, *scope)
            )
        }
        About::Budget { actor, eur, year, scope, .. } => {
            format!("{}: EUR {} m{}", actor.label, num(lang, eur / 1e6, 1), when(lang, *year, *scope))
        }
        About::Population { value } => {
            format!(
                "{} {}",
                t(lang, ["population", "innbyggere", "invånare", "indbyggere", "asukkaita"]),
                num(lang, *value, 0)
            )
        }
    }
}

fn when(lang: Lang, year: Option<i32>, scope: ResourceScope) -> String {
    let mut parts: Vec<String> = year.map(|y| y.to_string()).into_iter().collect();
    if scope == ResourceScope::Digitalisation {
        parts.push(scope.label(lang).to_string());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    }
}

/// A fact with its sources cited briefly from `names`, as a line for notes: `text [Struensee &
/// Co. 2017, lines 35-43]`.
pub fn fact_with_sources(lang: Lang, f: &Fact, names: &crate::model::Labels) -> String {
    let refs: Vec<String> = f.provenance.sources.iter().map(|r| names.cite(r, false)).collect();
    if refs.is_empty() {
        fact(lang, f)
    } else {
        format!("{} [{}]", fact(lang, f), refs.join("; "))
    }
}

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
                    _ => t(lang, ["then", "deretter", "sedan", "derefter", "sitten"]),
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
                    format!("{} {}", num(lang, x, 0), t(lang, ["FTE", "årsverk", "åa", "årsværk", "htv"]))
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
            let then = t(lang, ["then", "deretter", "sedan", "derefter", "sitten"]);
            let (first, rest) = ranked.split_first().map_or((String::new(), &[][..]), |(f, r)| (f.clone(), r));
            if rest.is_empty() {
                format!("{what}: {most} {first}.")
            } else {
                format!("{what}: {most} {first}, {then} {}.", rest.join(", "))
            }
        }
    }
}

/// A reading in the fewest words, for comparisons side by side: the ministries for where the
/// centre sits, the score for a scored dimension, the figures per million for the resources.
pub fn short(lang: Lang, d: Dimension, r: &Reading) -> String {
    match d {
        Dimension::CentreHost => {
            let mut hosts: Vec<String> = Vec::new();
            for f in r.criteria.iter().flat_map(|c| c.facts.iter()) {
                if let About::Hosted { ministry, .. } = &f.about {
                    if !hosts.contains(&ministry.label) {
                        hosts.push(ministry.label.clone());
                    }
                }
            }
            list(lang, &hosts)
        }
        Dimension::CentreForm | Dimension::RegionalTier | Dimension::CentralResources => reading(lang, d, r),
        _ => value(lang, Criterion::CentreRoles, r.value),
    }
}

pub(crate) fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().collect::<String>() + c.as_str())
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
            t(lang, ["and", "og", "och", "og", "ja"]),
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
        t(lang, ["and", "og", "och", "og", "ja"]),
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
