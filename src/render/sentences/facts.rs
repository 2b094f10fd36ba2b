//! What a fact says, as a sentence: an actor's place, a role it holds, a relation, steering,
//! resources, a strategy, with the sources it cites on request.

use super::{kind_word, num, t, value};
use crate::analysis::dimensions::Criterion;
use crate::analysis::profile::{About, Fact};
use crate::model::{pick, Labelled, Lang, LevelCharacter, RelationType, ResourceScope};
use crate::render::words::Word;

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
                Word::FteShort.label(lang),
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
