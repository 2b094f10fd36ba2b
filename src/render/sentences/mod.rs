//! Sentences for people, generated from the profile's typed values and facts in the five
//! languages: what a dimension reads in a country, what a fact says, what a finding concludes,
//! which dimensions separate two countries. Names are the countries' and actors' own names in the
//! chosen language; no internal id or field name appears.
//!
//! Here: what a dimension reads ([`reading`], [`short`], [`value`]) and the shared pieces (lists,
//! numbers); what a fact says in [`facts`]; findings and what separates countries in
//! [`findings`].

pub mod facts;
pub mod findings;

pub use facts::{fact, fact_with_sources, relation};
pub use findings::{extremes, finding, separation};

use crate::analysis::dimensions::{terms, Criterion, Dimension, Value};
use crate::analysis::profile::{About, Reading};
use crate::model::{pick, ActorKind, Labelled, Lang, LevelCharacter, Portfolio};
use crate::render::words::Word;

/// A word or phrase in `lang`, from (en, nb, sv, da, fi).
pub(crate) fn t(lang: Lang, all: [&'static str; 5]) -> &'static str {
    pick(lang, all)
}

/// `a, b and c` in `lang`.
pub fn list(lang: Lang, items: &[String]) -> String {
    let and = Word::And.label(lang);
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
                            Word::FteShort.label(lang)
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
