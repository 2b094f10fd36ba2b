//! When facts hold: dates as precise as their sources ([`DateSpec`]), validity ranges
//! ([`Validity`]), and the model as it stood on a date ([`Country::as_of`]). Kept apart from
//! the model's types because dating is a view over the whole country, not a fact of one.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::country::{ActorId, Attribute, Country, Parent, Relation};

/// A date as precise as the source gives it: a whole year, a month, or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSpec {
    /// Only the year is known.
    Year(i32),
    /// The year and month are known (`2022-12`).
    Month(i32, u32),
    /// The exact day is known.
    Day(NaiveDate),
}

impl Serialize for DateSpec {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Year(y) => s.serialize_i32(*y),
            other => s.collect_str(other),
        }
    }
}

impl DateSpec {
    /// The year the date falls in.
    pub fn year(self) -> i32 {
        use chrono::Datelike;
        self.first_day().year()
    }

    /// The first day the spec can mean (1 January for a year).
    pub fn first_day(self) -> NaiveDate {
        match self {
            Self::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(NaiveDate::MIN),
            Self::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MIN),
            Self::Day(d) => d,
        }
    }

    /// The last day the spec can mean (31 December for a year).
    pub fn last_day(self) -> NaiveDate {
        match self {
            Self::Year(y) => NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(NaiveDate::MAX),
            Self::Month(y, m) => {
                let next =
                    if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1) } else { NaiveDate::from_ymd_opt(y, m + 1, 1) };
                next.and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX)
            }
            Self::Day(d) => d,
        }
    }
}

impl fmt::Display for DateSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Year(y) => write!(f, "{y}"),
            Self::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Self::Day(d) => write!(f, "{d}"),
        }
    }
}

/// When a fact holds. Both ends are inclusive; a missing end is open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Validity {
    /// The first day (or year) the fact holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<DateSpec>,
    /// The last day (or year) the fact holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<DateSpec>,
}

impl Validity {
    /// Whether the fact holds on `date`. A year- or month-only bound is read generously: a fact
    /// valid from 2016 holds on any day of 2016, one valid to 2019 until 31 December 2019, one
    /// valid to 2022-12 until 31 December 2022.
    pub fn holds_on(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f.first_day() <= date) && self.to.is_none_or(|t| date <= t.last_day())
    }

    /// Whether no bound is set.
    pub fn is_always(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }
}

impl Country {
    /// The country as comparisons see it: as of `date`, else as of the last day of its
    /// reference date, else as modelled.
    pub fn as_compared(&self, date: Option<NaiveDate>) -> Country {
        match date.or_else(|| self.reference_date.map(|d| d.last_day())) {
            Some(d) => self.as_of(d),
            None => self.clone(),
        }
    }

    /// The model as it stood on `date`: actors, relations and facts whose validity excludes the
    /// date are dropped, and so is every reference to a dropped actor (a role holder, a
    /// target, a parent link). Facts about a dropped actor (its steering slide, its resources)
    /// go with it, and so do resource figures for years after the date. A dated reports_to,
    /// owned_by or part_of relation that holds on the date
    /// becomes the actor's parent (an agency moved under another ministry for a while), and each
    /// level takes the fields of its periods that hold on the date.
    pub fn as_of(&self, date: NaiveDate) -> Country {
        let mut c = self.clone();
        for l in c.levels.values_mut() {
            for p in l.periods.iter().filter(|p| p.validity.holds_on(date)) {
                if let Some(d) = &p.description {
                    l.description.clone_from(d);
                }
                if p.units.is_some() {
                    l.units = p.units;
                }
                if p.unit_name.is_some() {
                    l.unit_name.clone_from(&p.unit_name);
                }
                if let Some(ch) = &p.character {
                    // The period's character stands on the period's own sources.
                    let provenance = ch.provenance.clone().unwrap_or_else(|| Box::new(p.provenance.clone()));
                    l.character = Some(Attribute { value: ch.value, provenance: Some(provenance) });
                }
            }
        }
        c.actors.retain(|_, a| a.validity.holds_on(date));
        let alive = |id: &ActorId| c.actors.contains_key(id);
        let parents_dropped: Vec<ActorId> = c
            .actors
            .values()
            .filter(|a| a.parent.as_ref().is_some_and(|p| !alive(&p.id)))
            .map(|a| a.id.clone())
            .collect();
        for id in parents_dropped {
            if let Some(a) = c.actors.get_mut(&id) {
                a.parent = None;
            }
        }
        let alive = |id: &ActorId| c.actors.contains_key(id);
        let mut relations: Vec<Relation> = std::mem::take(&mut c.relations)
            .into_iter()
            .filter(|r| r.validity.holds_on(date) && alive(&r.from) && alive(&r.to))
            .collect();
        // A dated hierarchical relation is where the actor hung during its dates (the agency
        // moved under another ministry for a while): on a date it holds, it is the parent.
        let moved: Vec<(ActorId, Parent)> = relations
            .iter()
            .filter(|r| r.kind.is_hierarchical() && !r.validity.is_always())
            .map(|r| (r.from.clone(), Parent { id: r.to.clone(), relation: r.kind }))
            .collect();
        relations.retain(|r| !r.kind.is_hierarchical() || r.validity.is_always());
        let roles = std::mem::take(&mut c.roles)
            .into_iter()
            .filter(|r| r.validity.holds_on(date))
            .map(|mut r| {
                r.holders.retain(|h| alive(&h.actor));
                r
            })
            .collect();
        let strategies = std::mem::take(&mut c.strategies)
            .into_iter()
            .filter(|s| s.validity.holds_on(date))
            .map(|mut s| {
                s.primary_actors.retain(|a| alive(a));
                s
            })
            .collect();
        let steering = std::mem::take(&mut c.steering)
            .into_iter()
            .filter(|s| s.validity.holds_on(date) && alive(&s.actor))
            .map(|mut s| {
                for cell in &mut s.cells {
                    cell.targets.retain(|a| alive(a));
                }
                s
            })
            .collect();
        // A figure for a later year was not known on the date.
        let resources = std::mem::take(&mut c.resources)
            .into_iter()
            .filter(|r| alive(&r.actor) && r.year.is_none_or(|y| y <= date.year()))
            .collect();
        c.relations = relations;
        c.roles = roles;
        c.strategies = strategies;
        c.steering = steering;
        c.resources = resources;
        for (id, parent) in moved {
            if let Some(a) = c.actors.get_mut(&id) {
                a.parent = Some(parent);
            }
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_bounds_are_generous() {
        let v = Validity { from: Some(DateSpec::Year(2016)), to: Some(DateSpec::Year(2019)) };
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        assert!(v.holds_on(d(2016, 1, 1)));
        assert!(v.holds_on(d(2019, 12, 31)));
        assert!(!v.holds_on(d(2015, 12, 31)));
        assert!(!v.holds_on(d(2020, 1, 1)));
    }
}
