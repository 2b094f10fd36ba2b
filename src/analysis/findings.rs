//! Findings generated from the governance dimensions: per dimension, the countries' positions
//! grouped (alike countries together, highest first), with the facts each position rests on.
//! The sentences are written from these by [`crate::render::sentences`]; nothing here is stored
//! text, so a finding changes when the facts do.

use serde::Serialize;

use super::dimensions::{Dimension, Value};
use super::profile::{Fact, Profile};

/// Scores closer than this (on the 0-1 scale) are grouped as alike.
pub const ALIKE: f64 = 0.1;

/// What a finding compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// A set of terms (where the centre sits, the regional tier): countries grouped by equal sets.
    Terms,
    /// A 0-1 score: countries ranked, alike ones grouped.
    Score,
    /// Central staff for digitalisation (FTE), ranked.
    Staff,
    /// Central budget for digitalisation (euro), ranked.
    Budget,
}

/// Countries in the same position.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// Country codes: for scores and figures highest first, for terms in profile order.
    pub countries: Vec<String>,
    /// Each country's value, in the same order (absent when the model does not say).
    pub values: Vec<Option<Value>>,
    /// For figures, the years each country's value is for (earliest, latest), in the same order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub years: Vec<Option<(i32, i32)>>,
}

/// One generated finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The dimension.
    pub dimension: Dimension,
    /// What is compared.
    pub measure: Measure,
    /// The positions: for scores and figures highest first, for terms the largest group first;
    /// countries the model says nothing about come last, in a group of their own.
    pub groups: Vec<Group>,
    /// Per country (profile order), the facts its position rests on.
    pub facts: Vec<(String, Vec<Fact>)>,
}

impl Finding {
    /// The group (index) `code` is in.
    pub fn group_of(&self, code: &str) -> Option<usize> {
        self.groups.iter().position(|g| g.countries.iter().any(|c| c == code))
    }
}

/// The findings of a profile: one per dimension, two for the resources (staff and budget).
pub fn findings(p: &Profile) -> Vec<Finding> {
    let mut out = Vec::new();
    for row in &p.dimensions {
        let facts: Vec<(String, Vec<Fact>)> = row
            .readings
            .iter()
            .map(|r| {
                let mut fs: Vec<Fact> = Vec::new();
                for f in r.criteria.iter().flat_map(|c| c.facts.iter()) {
                    if !fs.contains(f) {
                        fs.push(f.clone());
                    }
                }
                (r.country.clone(), fs)
            })
            .collect();
        let d = row.dimension;
        if d == Dimension::CentralResources {
            type Pick = fn(&super::profile::Context) -> (Option<f64>, Option<(i32, i32)>);
            let staff: Pick = |c| (c.central_fte, c.central_fte_years);
            let budget: Pick = |c| (c.central_budget_eur, c.central_budget_years);
            for (measure, pick) in [(Measure::Staff, staff), (Measure::Budget, budget)] {
                let values: Vec<(String, Option<Value>)> =
                    p.context.iter().map(|c| (c.country.clone(), pick(c).0.map(Value::Amount))).collect();
                let mut groups = ranked(&values, 0.0);
                for g in &mut groups {
                    g.years = g
                        .countries
                        .iter()
                        .map(|code| p.context.iter().find(|c| &c.country == code).and_then(|c| pick(c).1))
                        .collect();
                }
                out.push(Finding { dimension: d, measure, groups, facts: facts.clone() });
            }
            continue;
        }
        let values: Vec<(String, Option<Value>)> = row.readings.iter().map(|r| (r.country.clone(), r.value)).collect();
        // The centre's form reads as words (agency, department, both), so it groups like terms.
        let (measure, groups) = if d.is_categorical() || d == Dimension::CentreForm {
            (Measure::Terms, by_terms(&values))
        } else {
            (Measure::Score, ranked(&values, ALIKE))
        };
        out.push(Finding { dimension: d, measure, groups, facts });
    }
    out
}

fn number(v: &Option<Value>) -> Option<f64> {
    v.and_then(Value::number)
}

/// Countries ranked by value, highest first; neighbours in the ranking closer than `alike` share
/// a group; countries without a value last.
fn ranked(values: &[(String, Option<Value>)], alike: f64) -> Vec<Group> {
    let mut known: Vec<&(String, Option<Value>)> = values.iter().filter(|(_, v)| number(v).is_some()).collect();
    known.sort_by(|a, b| number(&b.1).unwrap_or(0.0).total_cmp(&number(&a.1).unwrap_or(0.0)).then(a.0.cmp(&b.0)));
    let mut groups: Vec<Group> = Vec::new();
    let mut last: Option<f64> = None;
    for (code, v) in known {
        let x = number(v).unwrap_or(0.0);
        match (groups.last_mut(), last) {
            (Some(g), Some(l)) if (l - x).abs() <= alike => {
                g.countries.push(code.clone());
                g.values.push(*v);
            }
            _ => groups.push(Group { countries: vec![code.clone()], values: vec![*v], years: Vec::new() }),
        }
        last = Some(x);
    }
    unknown_last(values, groups)
}

/// Countries grouped by equal sets of terms, the largest group first (then by first country).
fn by_terms(values: &[(String, Option<Value>)]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for (code, v) in values.iter().filter(|(_, v)| v.is_some()) {
        match groups.iter_mut().find(|g| g.values.first() == Some(v)) {
            Some(g) => {
                g.countries.push(code.clone());
                g.values.push(*v);
            }
            None => groups.push(Group { countries: vec![code.clone()], values: vec![*v], years: Vec::new() }),
        }
    }
    groups.sort_by(|a, b| b.countries.len().cmp(&a.countries.len()).then(a.countries.cmp(&b.countries)));
    unknown_last(values, groups)
}

fn unknown_last(values: &[(String, Option<Value>)], mut groups: Vec<Group>) -> Vec<Group> {
    let unknown: Vec<String> = values.iter().filter(|(_, v)| v.is_none()).map(|(c, _)| c.clone()).collect();
    if !unknown.is_empty() {
        groups.push(Group { values: vec![None; unknown.len()], countries: unknown, years: Vec::new() });
    }
    groups
}
