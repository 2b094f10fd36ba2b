//! Scenario operations as sentences a person reads, in the five languages: "Move DIG (Digitalisation
//! Unit (KMD)) under FIN (Ministry of Finance)", "KS: coordination by direct determination
//! instead of inspiration and guidance". Actors are named by their labels (with the name behind
//! an abbreviation) from a [`Labels`] lookup built from the scenario's base and result; an actor
//! an operation creates is described from the operation itself. No id, key or field name of the
//! scenario file appears.

use std::cell::RefCell;
use std::collections::BTreeSet;

use crate::model::{pick, ActorId, Labelled, Labels, Lang, Level, Names, Role, Sector};
use crate::render::sentences::{capital, list, num, relation};
use crate::scenario::{NewActor, Op};

/// Where a role or an actor sits: "at the state level".
pub fn level_at(lang: Lang, level: Level) -> &'static str {
    pick(
        lang,
        match level {
            Level::National => [
                "at the national level",
                "på nasjonalt nivå",
                "på nationell nivå",
                "på nationalt niveau",
                "kansallisella tasolla",
            ],
            Level::State => {
                ["at the state level", "på statlig nivå", "på statlig nivå", "på statsligt niveau", "valtion tasolla"]
            }
            Level::Regional => [
                "at the regional level",
                "på regionalt nivå",
                "på regional nivå",
                "på regionalt niveau",
                "alueellisella tasolla",
            ],
            Level::Local => {
                ["at the local level", "på lokalt nivå", "på lokal nivå", "på lokalt niveau", "paikallisella tasolla"]
            }
        },
    )
}

/// A role at a level: "coordination at the local level".
fn role_at(lang: Lang, role: Role, level: Level) -> String {
    format!("{} {}", role.label(lang), level_at(lang, level))
}

/// The best name of a set of names in `lang` (English, else any, as a fallback).
fn name_of(names: &Names, lang: Lang) -> Option<String> {
    names.best(lang, &[]).map(|(_, n)| n.to_string())
}

/// An actor an operation creates: "State IT project council (SPR, council at the state level,
/// central unit)".
fn new_actor(lang: Lang, n: &NewActor) -> String {
    let mut what: Vec<String> = n.abbr.iter().cloned().collect();
    what.push(format!("{} {}", n.kind.label(lang), level_at(lang, n.level)));
    if n.central {
        what.push(
            pick(lang, ["central unit", "sentral enhet", "central enhet", "central enhed", "keskusyksikkö"]).into(),
        );
    }
    let name = name_of(&n.name, lang).unwrap_or_else(|| n.id.get().clone());
    format!("{name} ({})", what.join(", "))
}

/// How a new actor is named once it has been introduced: its abbreviation, else its name.
fn new_label(lang: Lang, n: &NewActor) -> String {
    n.abbr.clone().or_else(|| name_of(&n.name, lang)).unwrap_or_else(|| n.id.get().clone())
}

/// A number as the language writes it, with no needless decimals.
fn amount(lang: Lang, x: f64) -> String {
    let digits = if x.fract() == 0.0 {
        0
    } else if (x * 10.0).fract() == 0.0 {
        1
    } else {
        2
    };
    num(lang, x, digits)
}

/// " (health)" for a sector other than the general one.
fn sector_note(lang: Lang, sector: Sector) -> String {
    if sector == Sector::General {
        String::new()
    } else {
        format!(" ({})", sector.label(lang))
    }
}

/// One operation as a sentence in `lang`, its actors named from `labels` (an id the lookup
/// lacks, such as an actor a later operation removes, prints as itself), each with the name
/// behind its abbreviation: "Move DIG (Digitalisation Unit (KMD)) under FIN (Ministry of
/// Finance)".
pub fn sentence(lang: Lang, op: &Op, labels: &Labels) -> String {
    written(lang, op, labels, &RefCell::new(BTreeSet::new()))
}

/// The operations of a scenario as sentences, in order: an actor's name behind its
/// abbreviation is given the first time the list names it ("FIN (Ministry of Finance)"), its
/// abbreviation alone after that.
pub fn sentences<'a>(lang: Lang, ops: impl IntoIterator<Item = &'a Op>, labels: &Labels) -> Vec<String> {
    let named = RefCell::new(BTreeSet::new());
    ops.into_iter().map(|op| written(lang, op, labels, &named)).collect()
}

/// [`sentence`], giving the name behind an abbreviation only for actors not in `named` (and
/// adding them).
fn written(lang: Lang, op: &Op, labels: &Labels, named: &RefCell<BTreeSet<String>>) -> String {
    let full = |id: &crate::load::raw::SpStr| {
        let id = ActorId::new(id.get());
        if named.borrow_mut().insert(id.to_string()) {
            labels.actor_full(&id)
        } else {
            labels.actor(&id)
        }
    };
    let short = |id: &crate::load::raw::SpStr| labels.actor(&ActorId::new(id.get()));
    let fill = |template: [&'static str; 5], pairs: &[(&str, &str)]| {
        pairs.iter().fold(pick(lang, template).to_string(), |s, (k, v)| s.replace(k, v))
    };
    let s = match op {
        Op::AddActor(n) => {
            let under = n.parent.as_ref().map_or_else(String::new, |p| {
                fill(
                    [" under {p}", " under {p}", " under {p}", " under {p}", ", ylempi toimija: {p}"],
                    &[("{p}", &full(p))],
                )
            });
            fill(
                [
                    "Add the actor {new}{under}",
                    "Legg til aktøren {new}{under}",
                    "Lägg till aktören {new}{under}",
                    "Tilføj aktøren {new}{under}",
                    "Lisää toimija {new}{under}",
                ],
                &[("{new}", &new_actor(lang, n)), ("{under}", &under)],
            )
        }
        Op::RemoveActor { actor, transfer_to: Some(to) } => fill(
            [
                "Remove {a}; its roles, relations, steering and resources go to {b}",
                "Fjern {a}; rollene, relasjonene, styringen og ressursene går til {b}",
                "Ta bort {a}; dess roller, relationer, styrning och resurser går till {b}",
                "Fjern {a}; dens roller, relationer, styring og ressourcer går til {b}",
                "Poista {a}; sen roolit, suhteet, ohjaus ja resurssit siirtyvät toimijalle {b}",
            ],
            &[("{a}", &full(actor)), ("{b}", &full(to))],
        ),
        Op::RemoveActor { actor, transfer_to: None } => fill(
            [
                "Remove {a} with its roles, relations, steering and resources",
                "Fjern {a} med rollene, relasjonene, styringen og ressursene",
                "Ta bort {a} med dess roller, relationer, styrning och resurser",
                "Fjern {a} med dens roller, relationer, styring og ressourcer",
                "Poista {a} rooleineen, suhteineen, ohjauksineen ja resursseineen",
            ],
            &[("{a}", &full(actor))],
        ),
        Op::Rename { actor, name, abbr } => {
            let new = match (name_of(name, lang), abbr) {
                (Some(n), Some(a)) => format!("{n} ({a})"),
                (Some(n), None) => n,
                (None, Some(a)) => a.clone(),
                (None, None) => short(actor),
            };
            fill(
                [
                    "Rename {a} to {new}",
                    "Gi {a} det nye navnet {new}",
                    "Byt namn på {a} till {new}",
                    "Omdøb {a} til {new}",
                    "Nimeä {a} uudelleen: {new}",
                ],
                &[("{a}", &full(actor)), ("{new}", &new)],
            )
        }
        Op::Succeed { actor, successor, date } => {
            let when = date.map_or_else(String::new, |d| {
                fill([" on {d}", " fra {d}", " från {d}", " fra {d}", " {d} alkaen"], &[("{d}", &d.to_string())])
            });
            fill(
                [
                    "{new} succeeds {a}{when}",
                    "{new} etterfølger {a}{when}",
                    "{new} efterträder {a}{when}",
                    "{new} efterfølger {a}{when}",
                    "{new} seuraa toimijaa {a}{when}",
                ],
                &[("{new}", &new_actor(lang, successor)), ("{a}", &full(actor)), ("{when}", &when)],
            )
        }
        Op::Move { actor, parent, relation } => {
            let how = match relation {
                crate::model::RelationType::PartOf => pick(
                    lang,
                    [
                        ", as a part of it",
                        " som en del av den",
                        " som en del av den",
                        " som en del af den",
                        ", osaksi organisaatiota",
                    ],
                ),
                crate::model::RelationType::OwnedBy => {
                    pick(lang, [", owned by it", ", eid av den", ", ägd av den", ", ejet af den", ", sen omistukseen"])
                }
                _ => "",
            };
            fill(
                [
                    "Move {a} under {p}{how}",
                    "Flytt {a} under {p}{how}",
                    "Flytta {a} under {p}{how}",
                    "Flyt {a} under {p}{how}",
                    "Siirrä {a} uuden ylemmän toimijan alaisuuteen: {p}{how}",
                ],
                &[("{a}", &full(actor)), ("{p}", &full(parent)), ("{how}", how)],
            )
        }
        Op::Merge { actors, into } => {
            let names: Vec<String> = actors.iter().map(full).collect();
            fill(
                [
                    "Merge {list} into {new}",
                    "Slå sammen {list} til {new}",
                    "Slå samman {list} till {new}",
                    "Slå {list} sammen til {new}",
                    "Yhdistä {list} uudeksi toimijaksi {new}",
                ],
                &[("{list}", &list(lang, &names)), ("{new}", &new_actor(lang, into))],
            )
        }
        Op::Split { actor, into, roles } => {
            let parts: Vec<String> = into.iter().map(|n| new_actor(lang, n)).collect();
            let part = |id: &crate::load::raw::SpStr| {
                into.iter().find(|n| n.id.get() == id.get()).map_or_else(|| short(id), |n| new_label(lang, n))
            };
            let mut s = fill(
                [
                    "Split {a} into {parts}",
                    "Del {a} i {parts}",
                    "Dela {a} i {parts}",
                    "Del {a} i {parts}",
                    "Jaa {a} osiin {parts}",
                ],
                &[("{a}", &full(actor)), ("{parts}", &list(lang, &parts))],
            );
            for (level, role, to) in roles {
                s.push_str(&fill(
                    [
                        "; {role} goes to {to}",
                        "; {role} går til {to}",
                        "; {role} går till {to}",
                        "; {role} går til {to}",
                        "; {role} siirtyy toimijalle {to}",
                    ],
                    &[("{role}", &role_at(lang, *role, *level)), ("{to}", &part(to))],
                ));
            }
            if let Some(first) = into.first() {
                s.push_str(&fill(
                    [
                        "; everything else goes to {to}",
                        "; alt annet går til {to}",
                        "; allt annat går till {to}",
                        "; alt andet går til {to}",
                        "; kaikki muu siirtyy toimijalle {to}",
                    ],
                    &[("{to}", &new_label(lang, first))],
                ));
            }
            s
        }
        Op::AssignRole { level, role, actor, qualifier } => {
            let q = qualifier.map_or_else(String::new, |q| format!(" ({})", q.label(lang)));
            fill(
                [
                    "Give {a} the role of {role}{q}",
                    "Gi {a} rollen {role}{q}",
                    "Ge {a} rollen {role}{q}",
                    "Giv {a} rollen {role}{q}",
                    "Anna toimijalle {a} rooli {role}{q}",
                ],
                &[("{a}", &full(actor)), ("{role}", &role_at(lang, *role, *level)), ("{q}", &q)],
            )
        }
        Op::RevokeRole { level, role, actor } => fill(
            [
                "Take the role of {role} from {a}",
                "Ta rollen {role} fra {a}",
                "Ta rollen {role} från {a}",
                "Tag rollen {role} fra {a}",
                "Poista toimijalta {a} rooli {role}",
            ],
            &[("{a}", &full(actor)), ("{role}", &role_at(lang, *role, *level))],
        ),
        Op::TransferRole { level, role, from, to } => fill(
            [
                "Transfer the role of {role} from {from} to {to}",
                "Overfør rollen {role} fra {from} til {to}",
                "För över rollen {role} från {from} till {to}",
                "Overfør rollen {role} fra {from} til {to}",
                "Siirrä rooli {role} toimijalta {from} toimijalle {to}",
            ],
            &[("{role}", &role_at(lang, *role, *level)), ("{from}", &full(from)), ("{to}", &full(to))],
        ),
        Op::GrantInstrument { actor, sector, role, instrument, text, target_levels } => {
            let mut s = fill(
                [
                    "Let {a} use {i} in {role}{sector}",
                    "La {a} bruke {i} i {role}{sector}",
                    "Låt {a} använda {i} i {role}{sector}",
                    "Lad {a} bruge {i} i {role}{sector}",
                    "Anna toimijan {a} käyttää ohjauskeinoa {i} roolissa {role}{sector}",
                ],
                &[
                    ("{a}", &full(actor)),
                    ("{i}", instrument.label(lang)),
                    ("{role}", role.label(lang)),
                    ("{sector}", &sector_note(lang, *sector)),
                ],
            );
            if !target_levels.is_empty() {
                let levels: Vec<String> = target_levels
                    .iter()
                    .map(|l| {
                        if lang == Lang::En {
                            format!("the {} level", l.label(lang))
                        } else {
                            l.label(lang).to_string()
                        }
                    })
                    .collect();
                s.push_str(&fill(
                    [", aimed at {l}", ", rettet mot {l}", ", riktat mot {l}", ", rettet mod {l}", ", kohteena {l}"],
                    &[("{l}", &list(lang, &levels))],
                ));
            }
            if let Some(t) = text {
                s.push_str(&format!(": {t}"));
            }
            s
        }
        Op::RevokeInstrument { actor, sector, role, instrument } => fill(
            [
                "{a} no longer uses {i} in {role}{sector}",
                "{a} bruker ikke lenger {i} i {role}{sector}",
                "{a} använder inte längre {i} i {role}{sector}",
                "{a} bruger ikke længere {i} i {role}{sector}",
                "{a} ei enää käytä ohjauskeinoa {i} roolissa {role}{sector}",
            ],
            &[
                ("{a}", &full(actor)),
                ("{i}", instrument.label(lang)),
                ("{role}", role.label(lang)),
                ("{sector}", &sector_note(lang, *sector)),
            ],
        ),
        Op::ChangeStrength { actor, sector, role, from, to } => fill(
            [
                "{a}: {role} by {to} instead of {from}{sector}",
                "{a}: {role} ved {to} i stedet for {from}{sector}",
                "{a}: {role} genom {to} i stället för {from}{sector}",
                "{a}: {role} ved {to} i stedet for {from}{sector}",
                "{a}: {role}, ohjauskeinona {to} (aiemmin {from}){sector}",
            ],
            &[
                ("{a}", &full(actor)),
                ("{role}", role.label(lang)),
                ("{to}", to.label(lang)),
                ("{from}", from.label(lang)),
                ("{sector}", &sector_note(lang, *sector)),
            ],
        ),
        Op::AddRelation { from, kind, to, binding } => fill(
            ["New relation: {r}", "Ny relasjon: {r}", "Ny relation: {r}", "Ny relation: {r}", "Uusi suhde: {r}"],
            &[("{r}", &relation(lang, &full(from), *kind, &full(to), *binding))],
        ),
        Op::RemoveRelation { from, kind, to } => fill(
            [
                "End the relation: {r}",
                "Avslutt relasjonen: {r}",
                "Avsluta relationen: {r}",
                "Afslut relationen: {r}",
                "Päätä suhde: {r}",
            ],
            &[("{r}", &relation(lang, &full(from), *kind, &full(to), false))],
        ),
        Op::SetResources { actor, fte, budget, currency, scope } => {
            let mut parts: Vec<String> = Vec::new();
            if let Some(f) = fte {
                parts.push(format!(
                    "{} {}",
                    amount(lang, *f),
                    pick(lang, ["FTE", "årsverk", "årsarbetskrafter", "årsværk", "htv"])
                ));
            }
            if let Some(b) = budget {
                parts.push(fill(
                    [
                        "a budget of {b} million {c}",
                        "et budsjett på {b} millioner {c}",
                        "en budget på {b} miljoner {c}",
                        "et budget på {b} millioner {c}",
                        "budjetti {b} miljoonaa {c}",
                    ],
                    &[("{b}", &amount(lang, *b)), ("{c}", currency.as_deref().unwrap_or("EUR"))],
                ));
            }
            let scope = if *scope == crate::model::ResourceScope::Digitalisation {
                format!(" ({})", scope.label(lang))
            } else {
                String::new()
            };
            fill(
                [
                    "Set the resources of {a}: {what}{scope}",
                    "Sett ressursene til {a}: {what}{scope}",
                    "Sätt resurserna för {a}: {what}{scope}",
                    "Sæt ressourcerne for {a}: {what}{scope}",
                    "Aseta toimijan {a} resurssit: {what}{scope}",
                ],
                &[("{a}", &full(actor)), ("{what}", &list(lang, &parts)), ("{scope}", &scope)],
            )
        }
    };
    capital(&s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActorName;
    use crate::scenario::examples::every_op;

    fn labels() -> Labels {
        let mut l = Labels::default();
        for (id, label, name) in [
            ("kmd_dig", "DIG", Some("Digitalisation Unit (KMD)")),
            ("fin", "FIN", Some("Ministry of Finance")),
            ("kmd", "KMD", Some("Ministry of Local Government and Modernisation")),
            ("ks", "KS", Some("Norwegian Association of Local and Regional Authorities")),
            ("difi", "Difi", None),
            ("statlige_virksomheter", "Agencies under the sector ministries", None),
        ] {
            l.actors.insert(ActorId::new(id), ActorName { label: label.into(), name: name.map(String::from) });
        }
        l
    }

    #[test]
    fn every_operation_is_a_sentence_in_english_and_norwegian() {
        let l = labels();
        let ids = ["kmd_dig", "statlige_virksomheter", "ks_digital", "ks_interesse", "kmd_dig_merged", "spr", "digdir"];
        for lang in [Lang::En, Lang::Nb] {
            let mut seen = std::collections::BTreeSet::new();
            for op in every_op() {
                let s = sentence(lang, &op, &l);
                assert!(s.chars().next().is_some_and(char::is_uppercase), "{s}");
                assert!(s.split_whitespace().count() >= 3, "not a sentence: {s}");
                for word in s.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
                    assert!(!ids.contains(&word), "{lang:?}: `{s}` names an actor by its id `{word}`");
                    assert!(!word.contains('_'), "{lang:?}: `{s}` has a key or id `{word}`");
                }
                assert!(seen.insert(s.clone()), "two operations read the same: {s}");
            }
        }
        let en = |op: &Op| sentence(Lang::En, op, &l);
        let ops = every_op();
        let get = |name: &str| ops.iter().find(|o| o.name() == name).map(en).unwrap_or_default();
        assert_eq!(
            get("move"),
            "Move DIG (Digitalisation Unit (KMD)) under FIN (Ministry of Finance), as a part of it"
        );
        assert_eq!(
            get("change_strength"),
            "KS (Norwegian Association of Local and Regional Authorities): coordination by direct determination instead of inspiration and guidance"
        );
        assert_eq!(
            get("add_actor"),
            "Add the actor State IT project council (SPR, council at the state level) under FIN (Ministry of Finance)"
        );
        assert_eq!(
            get("remove_relation"),
            "End the relation: Difi reports to KMD (Ministry of Local Government and Modernisation)"
        );
        assert_eq!(get("set_resources"), "Set the resources of DIG (Digitalisation Unit (KMD)): 25 FTE and a budget of 12.5 million EUR (digitalisation part)");
        let nb =
            ops.iter().find(|o| o.name() == "transfer_role").map(|o| sentence(Lang::Nb, o, &l)).unwrap_or_default();
        assert_eq!(
            nb,
            "Overfør rollen strategisk utvikling på nasjonalt nivå fra KMD (Ministry of Local Government and Modernisation) til FIN (Ministry of Finance)"
        );
    }
}
