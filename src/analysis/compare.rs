//! Cross-country comparison: role cells side by side, the central unit's instruments, central
//! resources per inhabitant and municipality, and a profile of indicators with pairwise
//! distances.
//!
//! # The profile
//!
//! Every indicator is computed from the models (on each model's reference date unless `--as-of`
//! is given), never typed in:
//!
//! | indicator | definition |
//! |---|---|
//! | `actors_<level>` | number of actors at the level |
//! | `central_cell_share` | share of the filled general role cells that a central actor holds |
//! | `centre_strongest_<role>` | strongest instrument (1 strongest ... 5 softest) the central actors use in the role on their operational steering slides; 6 when they use none |
//! | `strong_share` | share of all used operational steering cells (every slide, general sector) using instrument 1 or 2 |
//! | `soft_share` | the same for instruments 4 and 5 |
//! | `central_fte_per_million` | central FTE (see below) per million inhabitants |
//!
//! Central FTE and budget: for each central actor, the FTE figure (or budget, in euro) of its
//! latest year (the first stated on a tie), summed over the central actors.
//!
//! Distance between two countries: each indicator is scaled to 0..1 over the compared countries
//! (min-max; an indicator equal in every country is left out, as it tells the countries apart in
//! no way), and the distance is the mean absolute difference over the indicators both countries
//! have: 0 is identical, 1 is opposite on everything.

use serde::Serialize;

use super::basis::{self, Basis};

use super::matrix::{role_matrix, CellHolder};
use super::resources::to_euro;
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
    let centre = central_ids(c);
    // Per central actor the figure of its latest year, summed; None if no central actor has one.
    let total = |figure: &dyn Fn(&Resource) -> Option<f64>| {
        let vals: Vec<f64> = centre
            .iter()
            .filter_map(|id| {
                basis::latest(
                    c.resources.iter().filter(|r| &r.actor == id).filter_map(|r| figure(r).map(|v| (r.year, v))),
                )
            })
            .collect();
        (!vals.is_empty()).then(|| vals.iter().sum::<f64>())
    };
    let fte = total(&|r| r.fte.and_then(|q| q.central()));
    let budget = total(&|r| r.budget.as_ref().and_then(|m| to_euro(c, m, r.year)).map(|e| e.value));
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

/// One profile indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicator {
    /// Stable key.
    pub key: String,
    /// What it measures.
    pub description: String,
    /// The value per country, in the order of the profile's countries.
    pub values: Vec<Option<f64>>,
}

/// The distance between two countries and where they differ most and least.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Distance {
    /// One country.
    pub a: String,
    /// The other.
    pub b: String,
    /// Mean absolute difference of the scaled indicators (0..1).
    pub distance: f64,
    /// The indicator they are closest on.
    pub closest_on: Option<String>,
    /// The indicator they differ most on.
    pub furthest_on: Option<String>,
}

/// A country's closest and furthest other country in a profile.
#[derive(Debug, Clone, Copy)]
pub struct Extremes<'a> {
    /// The country.
    pub country: &'a str,
    /// Its distance to the closest other country.
    pub near: &'a Distance,
    /// Its distance to the furthest other country.
    pub far: &'a Distance,
}

impl Distance {
    /// The country of the pair that is not `c`.
    pub fn other(&self, c: &str) -> &str {
        if self.a == c {
            &self.b
        } else {
            &self.a
        }
    }
}

/// The profile of several countries.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Profile {
    /// Country codes.
    pub countries: Vec<String>,
    /// The indicators.
    pub indicators: Vec<Indicator>,
    /// Every pair of countries.
    pub distances: Vec<Distance>,
}

/// The profile indicators and distances of `countries`.
pub fn profile(countries: &[&Country]) -> Profile {
    let values: Vec<Vec<Option<f64>>> = countries.iter().map(|c| Basis::new(c).indicators()).collect();
    let indicators = basis::indicator_keys()
        .into_iter()
        .enumerate()
        .map(|(k, (key, description))| Indicator {
            key,
            description,
            values: values.iter().map(|v| v.get(k).copied().flatten()).collect(),
        })
        .collect();
    let refs: Vec<&[Option<f64>]> = values.iter().map(Vec::as_slice).collect();
    let ranges = basis::ranges(&refs);
    let keys = basis::indicator_keys();
    let mut distances = Vec::new();
    for i in 0..countries.len() {
        for j in (i + 1)..countries.len() {
            let (Some(a), Some(b)) = (values.get(i), values.get(j)) else { continue };
            let diffs = basis::differences(a, b, &ranges);
            let distance = basis::mean(&diffs);
            let key = |k: usize| keys.get(k).map(|(key, _)| key.clone());
            let by = |want_max: bool| {
                diffs
                    .iter()
                    .min_by(|x, y| {
                        let o = x.1.total_cmp(&y.1);
                        (if want_max { o.reverse() } else { o }).then(x.0.cmp(&y.0))
                    })
                    .and_then(|(k, _)| key(*k))
            };
            distances.push(Distance {
                a: countries.get(i).map(|c| c.code.clone()).unwrap_or_default(),
                b: countries.get(j).map(|c| c.code.clone()).unwrap_or_default(),
                distance,
                closest_on: by(false),
                furthest_on: by(true),
            });
        }
    }
    Profile { countries: countries.iter().map(|c| c.code.clone()).collect(), indicators, distances }
}

impl Profile {
    /// The distance between `a` and `b`.
    pub fn distance(&self, a: &str, b: &str) -> Option<&Distance> {
        self.distances.iter().find(|d| (d.a == a && d.b == b) || (d.a == b && d.b == a))
    }

    /// Per country (in profile order): its distance to the closest and to the furthest other
    /// country; ties go to the earlier pair.
    pub fn extremes(&self) -> Vec<Extremes<'_>> {
        self.countries
            .iter()
            .filter_map(|c| {
                let mut others: Vec<&Distance> = self.distances.iter().filter(|d| &d.a == c || &d.b == c).collect();
                others.sort_by(|x, y| x.distance.total_cmp(&y.distance).then(x.a.cmp(&y.a)).then(x.b.cmp(&y.b)));
                let near: &Distance = others.first()?;
                let far: &Distance = others.last()?;
                Some(Extremes { country: c, near, far })
            })
            .collect()
    }
}
