//! Cross-country comparison: role cells side by side, the central unit's instruments, and
//! central resources per inhabitant and municipality. The governance dimensions and distances
//! are in [`super::profile`].
//!
//! Central FTE and budget: for each central actor, its latest figure for the part that works on
//! digitalisation (`scope = "digitalisation"`), else its latest figure for the whole body (the
//! first stated on a tie), summed over the central actors; budgets in euro.

use serde::Serialize;

use super::basis::Basis;
use super::matrix::{role_matrix, CellHolder};
use crate::model::*;

/// One level x role cell with each country's holders.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleComparisonCell {
    /// The level.
    pub level: Level,
    /// The role.
    pub role: Role,
    /// Holders per country, in the order of `countries`.
    pub holders: Vec<Vec<CellHolder>>,
}

/// The role matrices of several countries, cell by cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleComparison {
    /// Country codes, in column order.
    pub countries: Vec<String>,
    /// Cells, level by level, role by role.
    pub cells: Vec<RoleComparisonCell>,
}

/// The role matrices of `countries` side by side.
pub fn roles(countries: &[Country], lang: Lang) -> RoleComparison {
    let matrices: Vec<_> = countries.iter().map(|c| role_matrix(c, Sector::General, lang)).collect();
    let mut cells = Vec::new();
    for level in Level::ALL {
        for role in Role::ALL {
            let holders = matrices
                .iter()
                .map(|m| {
                    m.rows
                        .iter()
                        .filter(|r| r.level == *level)
                        .flat_map(|r| r.cells.iter().filter(|c| c.role == *role))
                        .flat_map(|c| c.holders.clone())
                        .collect()
                })
                .collect();
            cells.push(RoleComparisonCell { level: *level, role: *role, holders });
        }
    }
    RoleComparison { countries: countries.iter().map(|c| c.code.clone()).collect(), cells }
}

/// The instruments a country's central actors use in one role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CentreInstruments {
    /// Instruments used, strong to soft.
    pub instruments: Vec<Instrument>,
    /// The strongest of them.
    pub strongest: Option<Instrument>,
}

/// Per role, per country: what the centre can use.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InstrumentComparison {
    /// Country codes, in column order.
    pub countries: Vec<String>,
    /// The central actors of each country (ids), in column order.
    pub centres: Vec<Vec<ActorId>>,
    /// One row per role: the centre's instruments per country.
    pub rows: Vec<(Role, Vec<CentreInstruments>)>,
}

fn central_ids(c: &Country) -> Vec<ActorId> {
    c.actors.values().filter(|a| a.central).map(|a| a.id.clone()).collect()
}

/// Instruments the central actors of `c` use in `role` (general sector).
fn centre_instruments(c: &Country, role: Role) -> CentreInstruments {
    let centre = central_ids(c);
    let mut instruments: Vec<Instrument> = c
        .steering
        .iter()
        .filter(|s| s.sector == Sector::General && centre.contains(&s.actor))
        .flat_map(|s| s.cells.iter())
        .filter(|cell| cell.role == role && cell.used)
        .map(|cell| cell.instrument)
        .collect();
    instruments.sort();
    instruments.dedup();
    CentreInstruments { strongest: instruments.first().copied(), instruments }
}

/// The central units' instruments per role, side by side.
pub fn instruments(countries: &[Country]) -> InstrumentComparison {
    InstrumentComparison {
        countries: countries.iter().map(|c| c.code.clone()).collect(),
        centres: countries.iter().map(central_ids).collect(),
        rows: Role::ALL.iter().map(|r| (*r, countries.iter().map(|c| centre_instruments(c, *r)).collect())).collect(),
    }
}

/// Central resources of one country, absolute and relative.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryResources {
    /// Country code.
    pub country: String,
    /// Population (outside the report; see the model's source).
    pub population: Option<f64>,
    /// Municipalities (from the model's local level).
    pub municipalities: Option<u32>,
    /// Central FTE.
    pub central_fte: Option<f64>,
    /// Central budget in euro.
    pub central_budget_eur: Option<f64>,
    /// Central FTE per million inhabitants.
    pub fte_per_million: Option<f64>,
    /// Central budget (euro) per million inhabitants.
    pub budget_eur_per_million: Option<f64>,
    /// Central FTE per municipality.
    pub fte_per_municipality: Option<f64>,
    /// Central budget (euro) per municipality.
    pub budget_eur_per_municipality: Option<f64>,
}

/// Central resources of `c`.
pub fn country_resources(c: &Country) -> CountryResources {
    let b = Basis::new(c);
    let fte = b.central_total(&b.fte).map(|(t, _)| t);
    let budget = b.central_total(&b.budget).map(|(t, _)| t);
    let population = c.population.as_ref().map(|p| p.value);
    let municipalities = c.levels.get(&Level::Local).and_then(|l| l.units);
    let per = |v: Option<f64>, d: Option<f64>| v.zip(d).filter(|(_, d)| *d > 0.0).map(|(v, d)| v / d);
    let millions = population.map(|p| p / 1e6);
    let munis = municipalities.map(f64::from);
    CountryResources {
        country: c.code.clone(),
        population,
        municipalities,
        central_fte: fte,
        central_budget_eur: budget,
        fte_per_million: per(fte, millions),
        budget_eur_per_million: per(budget, millions),
        fte_per_municipality: per(fte, munis),
        budget_eur_per_municipality: per(budget, munis),
    }
}
