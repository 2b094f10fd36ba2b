//! Resources normalised to euro, with the rate and its year stated for every converted figure.
//!
//! Rates are model data (`[[exchange_rate]]`), cited like any fact: the report's own conversions
//! where it makes them, official reference rates otherwise. A figure is converted with the rate
//! for its currency whose year is closest to the figure's year (the earlier on a tie); a figure
//! in a currency without any rate stays unconverted and says so.

use serde::Serialize;

use super::matrix::{ActorRef, CellProvenance};
use crate::model::*;

/// The rate a figure was converted with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RateUsed {
    /// The currency converted from.
    pub currency: String,
    /// Euro per unit.
    pub eur: f64,
    /// The rate's year.
    pub year: Option<i32>,
    /// The rate's sources.
    pub sources: Vec<SourceRef>,
}

/// A money figure in euro.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Euro {
    /// The central value (the stated value, or the middle of a range), in euro.
    pub value: f64,
    /// The low end of a range, in euro.
    pub min: Option<f64>,
    /// The high end of a range, in euro.
    pub max: Option<f64>,
    /// The rate used; `None` for figures already in euro.
    pub rate: Option<RateUsed>,
}

/// One resource statement with its euro value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResourceRow {
    /// The actor.
    pub actor: ActorRef,
    /// Whether the actor is (part of) the central digitalisation unit.
    pub central: bool,
    /// Staff.
    pub fte: Option<Quantity>,
    /// The budget as stated.
    pub budget: Option<Money>,
    /// The budget in euro, if it could be converted.
    pub budget_eur: Option<Euro>,
    /// The year of the figure.
    pub year: Option<i32>,
    /// What the figure covers.
    pub covers: Option<String>,
    /// Where it comes from.
    pub provenance: CellProvenance,
}

/// Every resource figure of a country.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResourceTable {
    /// Country code.
    pub country: String,
    /// Rows sorted by actor id, in statement order per actor.
    pub rows: Vec<ResourceRow>,
}

/// The rate for `currency` closest in year to `year`.
pub fn rate_for<'a>(c: &'a Country, currency: &str, year: Option<i32>) -> Option<&'a ExchangeRate> {
    c.exchange_rates.iter().filter(|r| r.currency == currency).min_by_key(|r| match (r.year, year) {
        (Some(a), Some(b)) => ((a - b).abs(), a),
        (Some(a), None) => (0, a),
        (None, _) => (i32::MAX, 0),
    })
}

/// `m` in euro, if it is in euro or a rate exists.
pub fn to_euro(c: &Country, m: &Money, year: Option<i32>) -> Option<Euro> {
    let f = m.scale.factor();
    let (factor, rate) = if m.currency == "EUR" {
        (1.0, None)
    } else {
        let r = rate_for(c, &m.currency, year)?;
        (
            r.eur,
            Some(RateUsed {
                currency: r.currency.clone(),
                eur: r.eur,
                year: r.year,
                sources: r.provenance.sources.clone(),
            }),
        )
    };
    Some(Euro {
        value: m.amount.central()? * f * factor,
        min: m.amount.min.map(|v| v * f * factor),
        max: m.amount.max.map(|v| v * f * factor),
        rate,
    })
}

/// Every resource figure of `c`, with budgets in euro.
pub fn resources(c: &Country, lang: Lang) -> ResourceTable {
    let rows = c
        .resources
        .iter()
        .map(|r| {
            let mut provenance = CellProvenance::default();
            provenance.add(&r.provenance, true);
            ResourceRow {
                actor: ActorRef::new(c, &r.actor, lang),
                central: c.actor(&r.actor).is_some_and(|a| a.central),
                fte: r.fte,
                budget: r.budget.clone(),
                budget_eur: r.budget.as_ref().and_then(|m| to_euro(c, m, r.year)),
                year: r.year,
                covers: r.covers.clone(),
                provenance,
            }
        })
        .collect();
    ResourceTable { country: c.code.clone(), rows }
}
