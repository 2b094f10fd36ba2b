//! The profile's basis: the few facts of a country the profile indicators read (who sits at
//! which level, who is central, who hangs under whom, who holds the general role cells, which
//! general operational steering cells are used, the central actors' FTE), in a compact form
//! indexed by actor position.
//!
//! [`crate::analysis::compare::profile`] computes its indicators from a basis, and the
//! reorganisation search ([`crate::explore`]) changes a basis in place of the whole model, so
//! one candidate costs a few flat-vector copies instead of a model clone, matrices and a graph.
//! Both read the indicators through [`Basis::indicators`], so they cannot drift apart.

use crate::model::{ActorId, ActorKind, Country, Instrument, Level, Role, Sector, Vocabulary};

/// An actor as the basis sees it. Actors keep their index for the basis's life; an actor merged
/// away is marked dead, not removed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BasisActor {
    /// Level.
    pub level: Level,
    /// Kind.
    pub kind: ActorKind,
    /// A central digitalisation unit.
    pub central: bool,
    /// Its parent's index.
    pub parent: Option<u32>,
    /// Still in the model.
    pub alive: bool,
}

/// One used or unused cell of a general operational steering slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SteeringCell {
    /// The slide's actor.
    pub actor: u32,
    /// Role.
    pub role: Role,
    /// Instrument.
    pub instrument: Instrument,
    /// Used (✓) or not (✗).
    pub used: bool,
}

/// The profile's facts of one country.
#[derive(Debug, Clone, PartialEq)]
pub struct Basis {
    /// Actors in id order (the index is the position in `Country::actors`).
    pub actors: Vec<BasisActor>,
    /// General role holdings as (cell, actor): cell = level index x 5 + role index; each
    /// (cell, actor) once, in the order the role matrix lists the holders.
    pub holders: Vec<(u8, u32)>,
    /// Every cell of every general operational steering slide.
    pub steering: Vec<SteeringCell>,
    /// FTE figures as (actor, year, FTE), in model order.
    pub fte: Vec<(u32, Option<i32>, f64)>,
    /// Population.
    pub population: Option<f64>,
}

/// The index of a (level, role) cell in [`Basis::holders`].
pub fn cell_index(level: Level, role: Role) -> u8 {
    let l = Level::ALL.iter().position(|x| *x == level).unwrap_or(0);
    let r = Role::ALL.iter().position(|x| *x == role).unwrap_or(0);
    (l * Role::ALL.len() + r) as u8
}

/// Each actor's index in a basis of `c`: its position in id order.
pub fn actor_index(c: &Country) -> std::collections::HashMap<&ActorId, u32> {
    c.actors.keys().enumerate().map(|(i, id)| (id, i as u32)).collect()
}

/// The keys and definitions of the indicators, in [`Basis::indicators`] order.
pub fn indicator_keys() -> Vec<(String, String)> {
    let mut keys = Vec::new();
    for level in Level::ALL {
        keys.push((format!("actors_{level}"), format!("number of actors at the {level} level")));
    }
    keys.push(("central_cell_share".into(), "share of filled general role cells held by a central actor".into()));
    for role in Role::ALL {
        keys.push((
            format!("centre_strongest_{role}"),
            format!("strongest instrument the centre uses in {role} (1-5; 6 = none)"),
        ));
    }
    keys.push(("strong_share".into(), "share of used operational cells with instrument 1 or 2".into()));
    keys.push(("soft_share".into(), "share of used operational cells with instrument 4 or 5".into()));
    keys.push(("central_fte_per_million".into(), "central FTE per million inhabitants".into()));
    keys
}

impl Basis {
    /// The basis of `c` (taken as it is: callers choose the date first).
    pub fn new(c: &Country) -> Self {
        let index = actor_index(c);
        let at = |id: &ActorId| index.get(id).copied();
        let actors = c
            .actors
            .values()
            .map(|a| BasisActor {
                level: a.level,
                kind: a.kind,
                central: a.central,
                parent: a.parent.as_ref().and_then(|p| at(&p.id)),
                alive: true,
            })
            .collect();
        let mut holders: Vec<(u8, u32)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for level in Level::ALL {
            for role in Role::ALL {
                let cell = cell_index(*level, *role);
                let entries =
                    c.roles.iter().filter(|e| e.level == *level && e.role == *role && e.sector == Sector::General);
                for h in entries.flat_map(|e| e.holders.iter()) {
                    if let Some(i) = at(&h.actor) {
                        if seen.insert((cell, i)) {
                            holders.push((cell, i));
                        }
                    }
                }
            }
        }
        let steering = c
            .steering
            .iter()
            .filter(|s| s.sector == Sector::General)
            .filter_map(|s| at(&s.actor).map(|i| (i, s)))
            .flat_map(|(i, s)| {
                s.cells.iter().map(move |x| SteeringCell {
                    actor: i,
                    role: x.role,
                    instrument: x.instrument,
                    used: x.used,
                })
            })
            .collect();
        let fte =
            c.resources.iter().filter_map(|r| Some((at(&r.actor)?, r.year, r.fte.as_ref()?.central()?))).collect();
        Basis { actors, holders, steering, fte, population: c.population.as_ref().map(|p| p.value) }
    }

    fn central(&self, i: u32) -> bool {
        self.actors.get(i as usize).is_some_and(|a| a.central && a.alive)
    }

    /// The indicator values, in [`indicator_keys`] order.
    pub fn indicators(&self) -> Vec<Option<f64>> {
        let mut out = Vec::with_capacity(16);
        for level in Level::ALL {
            out.push(Some(self.actors.iter().filter(|a| a.alive && a.level == *level).count() as f64));
        }
        // A cell is filled when anyone holds it, and held by the centre when a central actor does.
        let (mut filled, mut centre) = (0u32, 0u32);
        for (cell, a) in &self.holders {
            let bit = 1u32 << (*cell % 32);
            filled |= bit;
            if self.central(*a) {
                centre |= bit;
            }
        }
        let (n_filled, n_centre) = (filled.count_ones(), centre.count_ones());
        out.push((n_filled > 0).then(|| f64::from(n_centre) / f64::from(n_filled)));
        for role in Role::ALL {
            let strongest = self
                .steering
                .iter()
                .filter(|x| x.used && x.role == *role && self.central(x.actor))
                .map(|x| x.instrument.strength())
                .min();
            out.push(Some(f64::from(strongest.unwrap_or(6))));
        }
        let used: Vec<u8> = self.steering.iter().filter(|x| x.used).map(|x| x.instrument.strength()).collect();
        let share = |pick: &dyn Fn(u8) -> bool| {
            (!used.is_empty()).then(|| used.iter().filter(|s| pick(**s)).count() as f64 / used.len() as f64)
        };
        out.push(share(&|s| s <= 2));
        out.push(share(&|s| s >= 4));
        out.push(self.central_fte().zip(self.population).filter(|(_, p)| *p > 0.0).map(|(f, p)| f / (p / 1e6)));
        out
    }

    /// Per central actor (in id order) the FTE of its latest year, summed, as
    /// [`crate::analysis::compare::country_resources`] counts it; `None` when no central actor
    /// has a figure.
    pub fn central_fte(&self) -> Option<f64> {
        let figures: Vec<f64> = (0..self.actors.len() as u32)
            .filter(|a| self.central(*a))
            .filter_map(|a| latest(self.fte.iter().filter(|f| f.0 == a).map(|f| (f.1, f.2))))
            .collect();
        (!figures.is_empty()).then(|| figures.iter().sum())
    }
}

/// The figure of the latest year among `items` (the first on a tie).
pub fn latest<T>(items: impl Iterator<Item = (Option<i32>, T)>) -> Option<T> {
    let mut best: Option<(Option<i32>, T)> = None;
    for (year, v) in items {
        if best.as_ref().is_none_or(|(y, _)| year > *y) {
            best = Some((year, v));
        }
    }
    best.map(|(_, v)| v)
}

/// Per indicator `(min, max)` over `values` (one vector per country); `None` where no country
/// has a value.
pub fn ranges(values: &[&[Option<f64>]]) -> Vec<Option<(f64, f64)>> {
    let n = values.iter().map(|v| v.len()).max().unwrap_or(0);
    (0..n)
        .map(|k| {
            values.iter().filter_map(|v| v.get(k).copied().flatten()).fold(None, |acc, x| match acc {
                None => Some((x, x)),
                Some((lo, hi)) => Some((f64::min(lo, x), f64::max(hi, x))),
            })
        })
        .collect()
}

/// The scaled absolute difference of `a` and `b` per indicator both have and the countries do
/// not all share (min-max scaling over `ranges`), as (indicator index, difference).
pub fn differences(a: &[Option<f64>], b: &[Option<f64>], ranges: &[Option<(f64, f64)>]) -> Vec<(usize, f64)> {
    a.iter()
        .zip(b)
        .zip(ranges)
        .enumerate()
        .filter_map(|(k, ((x, y), r))| {
            let (lo, hi) = (*r)?;
            // An indicator equal in every country says nothing about differences: leave it out.
            (hi > lo).then_some(())?;
            Some((k, ((x.as_ref()? - lo) / (hi - lo) - (y.as_ref()? - lo) / (hi - lo)).abs()))
        })
        .collect()
}

/// The profile distance: the mean of [`differences`] (0 when there is none).
pub fn distance(a: &[Option<f64>], b: &[Option<f64>], ranges: &[Option<(f64, f64)>]) -> f64 {
    mean(&differences(a, b, ranges))
}

/// The mean of per-indicator differences (0 for none): the distance they make.
pub fn mean(differences: &[(usize, f64)]) -> f64 {
    if differences.is_empty() {
        0.0
    } else {
        differences.iter().map(|(_, x)| x).sum::<f64>() / differences.len() as f64
    }
}
