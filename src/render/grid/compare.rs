//! Grids of several countries side by side: their role matrices, the centre's instruments and
//! central resources, one column (or row) per country in the order compared.

use super::{number, qualifier_text, Cell, Grid, GridOptions};
use crate::analysis::compare::{CountryResources, InstrumentComparison, RoleComparison};
use crate::model::Labelled;
use crate::render::words::Word;

/// The role matrices of several countries side by side, one row per level x role.
pub fn compare_roles(c: &RoleComparison, o: &GridOptions) -> Grid {
    let lang = o.lang;
    let mut g = Grid {
        sheet: "comparison".into(),
        title: format!("{}: {}", Word::RoleMatrix.label(lang), countries(o, &c.countries)),
        header: [Word::Level.label(lang).to_string(), Word::Role.label(lang).to_string()]
            .into_iter()
            .chain(c.countries.iter().map(|code| o.names.country(code)))
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
        title: format!("{}: {}", Word::CentreInstruments.label(lang), countries(o, &c.countries)),
        header: std::iter::once(Word::Role.label(lang).to_string())
            .chain(c.countries.iter().map(|code| o.names.country(code)))
            .collect(),
        ..Default::default()
    };
    for (role, per_country) in &c.rows {
        let mut row = vec![Cell::text(role.label(lang))];
        for ci in per_country {
            let list: Vec<String> = ci.instruments.iter().map(|i| i.strength().to_string()).collect();
            row.push(Cell::text(match ci.strongest {
                Some(s) => {
                    format!("{} ({}: {} {})", list.join(", "), Word::Strongest.label(lang), s.strength(), s.label(lang))
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
        .map(|(code, ids)| {
            let names: Vec<String> = ids.iter().map(|id| o.names.actor_full(id)).collect();
            let names = if names.is_empty() { vec!["-".to_string()] } else { names };
            format!("{}: {}", o.names.country(code), names.join(", "))
        })
        .collect();
    g.notes.push(format!("{}: {}", Word::CentralActors.label(lang), centres.join("; ")));
    g
}

/// Country codes as names, listed.
fn countries(o: &GridOptions, codes: &[String]) -> String {
    codes.iter().map(|c| o.names.country(c)).collect::<Vec<_>>().join(", ")
}

/// Central resources per country, absolute and relative.
pub fn compare_resources(rows: &[CountryResources], o: &GridOptions) -> Grid {
    let lang = o.lang;
    let mut g = Grid {
        sheet: "comparison".into(),
        title: Word::CentralResources.label(lang).to_string(),
        header: [
            Word::Country,
            Word::Population,
            Word::Municipalities,
            Word::CentralFte,
            Word::CentralEurM,
            Word::FtePerMillion,
            Word::EurMPerMillion,
            Word::FtePerMunicipality,
            Word::EurMPerMunicipality,
        ]
        .map(|w| w.label(lang).to_string())
        .to_vec(),
        ..Default::default()
    };
    let m = |v: Option<f64>| v.map(|v| v / 1e6);
    for r in rows {
        g.rows.push(vec![
            Cell::text(o.names.country(&r.country)),
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
    g.notes.push(Word::ResourcesNote.label(lang).to_string());
    g
}
