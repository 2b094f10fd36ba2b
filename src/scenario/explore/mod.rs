//! The reorganisation search behind `nordgov explore`: which small reorganisation of a country
//! brings its profile closest to another country's (or best meets a weighted objective)?
//!
//! # Search space
//!
//! Candidates are changes of four kinds, enumerated on the country as compared (its reference
//! date):
//!
//! - `move`: an actor that has a parent gets another ministry, agency or the government as parent
//!   (keeping its relation type);
//! - `transfer_role`: a holder of a general role cell hands it to another actor of the cell's level;
//! - `change_strength`: a used cell of a general operational steering slide changes to another
//!   instrument the slide does not use in that role;
//! - `merge`: two actors of the same level (ministries, agencies, units, councils, forums,
//!   secretariats, companies, associations, programmes) become one, which takes the kind, parent
//!   and names of the central one, else of the one above the other in the hierarchy, else of the
//!   first by id, and is central if either was (its FTE and budget are both actors').
//!
//! Depth 1 evaluates every candidate; depth 2 every pair of distinct candidates applied in
//! enumeration order (a pair whose second change no longer applies, or that makes a hierarchy
//! cycle, is skipped, as `scenario apply` would reject it). The changes act on the profile's
//! [`Basis`] with the same semantics as the scenario operations they are saved as (the module
//! `state` documents, change by change, the [`Op`] each mirrors and what it keeps of it). Two tests
//! hold the copies together: every single change on the bundled models gives the distances
//! `scenario apply` plus the profile give on the whole model, and a property test on random
//! models and random sequences of changes checks that the search and `scenario apply` accept the
//! same sequences and give the same profile criteria.
//!
//! # Objective
//!
//! Lower is better. The default is `distance(OTHER)`, the profile distance to the other country
//! scaled over the candidate and every other country (as `diff` reports it). A weighted sum of
//! terms can replace it: `distance(CC)` for any other country, `ops` (number of changes),
//! `actors_moved`, `actors_merged`, `roles_transferred`, `strength_changes`; for example
//! `distance(dk) + 0.1*actors_moved`.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

use rayon::prelude::*;
use serde::Serialize;

use crate::analysis::basis::Basis;
use crate::analysis::dimensions::{self, Value, Weights};
use crate::load::raw::Sp;
use crate::model::{ActorKind, Country, Instrument, Level, Names, RelationType, Role, Sector};
use crate::scenario::{NewActor, Op};

mod objective;
mod state;

pub use objective::{Objective, Term};
use state::State;

/// A kind of change the search may make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
#[value(rename_all = "snake_case")]
pub enum Kind {
    /// Put an actor under another parent.
    Move,
    /// Hand a role cell to another actor of its level.
    TransferRole,
    /// Change the instrument of a used steering cell.
    ChangeStrength,
    /// Merge two actors of one level.
    Merge,
}

/// One change, by actor index in the base's [`Basis`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// `actor` gets `parent` as parent.
    Move {
        /// The actor.
        actor: u32,
        /// The new parent.
        parent: u32,
    },
    /// `from` hands the (level, role) cell to `to`.
    TransferRole {
        /// Level.
        level: Level,
        /// Role.
        role: Role,
        /// The holder.
        from: u32,
        /// The new holder.
        to: u32,
    },
    /// `actor`'s general slide uses `to` instead of `from` in `role`.
    ChangeStrength {
        /// The slide's actor.
        actor: u32,
        /// Role.
        role: Role,
        /// The instrument used now.
        from: Instrument,
        /// The instrument used after.
        to: Instrument,
    },
    /// `gone` and `into` become one actor in `into`'s place.
    Merge {
        /// The actor that disappears into the other.
        gone: u32,
        /// The actor whose place, kind, parent and names the merged actor takes.
        into: u32,
    },
}

impl Change {
    /// The kind of change.
    pub fn kind(&self) -> Kind {
        match self {
            Change::Move { .. } => Kind::Move,
            Change::TransferRole { .. } => Kind::TransferRole,
            Change::ChangeStrength { .. } => Kind::ChangeStrength,
            Change::Merge { .. } => Kind::Merge,
        }
    }
}

/// What a search is asked to do.
#[derive(Debug, Clone, Copy)]
pub struct Search<'a> {
    /// The country, as compared (its reference date).
    pub base: &'a Country,
    /// The other countries, as compared.
    pub others: &'a [Country],
    /// The kinds of change.
    pub kinds: &'a [Kind],
    /// 1 or 2 changes per candidate.
    pub depth: u8,
    /// How many results to keep.
    pub top: usize,
    /// What to minimise.
    pub objective: &'a Objective,
    /// The dimensions' weights in the distance.
    pub weights: &'a Weights,
}

/// One result: the changes and how they score.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The changes, in order.
    pub changes: Vec<Change>,
    /// The objective's value.
    pub score: f64,
    /// The profile distance to each other country after the changes.
    pub distances: Vec<(String, f64)>,
}

/// The outcome of a search.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The best results, best first.
    pub found: Vec<Found>,
    /// The objective of the base itself.
    pub base_score: f64,
    /// The base's profile distance to each other country.
    pub base_distances: Vec<(String, f64)>,
    /// Candidates evaluated (valid or not).
    pub evaluated: u64,
    /// Candidate changes at depth 1.
    pub changes: usize,
    /// Wall time of the search.
    pub seconds: f64,
    /// Stopped early (Ctrl-C): the results are the best of those evaluated.
    pub interrupted: bool,
}

/// The others' criteria, for scaling and distances.
struct Others<'a> {
    codes: Vec<String>,
    values: Vec<Vec<Option<Value>>>,
    weights: &'a Weights,
}

impl Others<'_> {
    /// Distances from `values` to each other country, amounts scaled over `values` and all
    /// others.
    fn distances(&self, values: &[Option<Value>]) -> Vec<f64> {
        let mut all: Vec<&[Option<Value>]> = vec![values];
        all.extend(self.values.iter().map(Vec::as_slice));
        let ranges = dimensions::ranges(&all);
        self.values.iter().map(|o| dimensions::distance(values, o, &ranges, self.weights)).collect()
    }
}

fn score(objective: &Objective, others: &Others<'_>, distances: &[f64], changes: &[Change]) -> f64 {
    let count = |k: Kind| changes.iter().filter(|c| c.kind() == k).count() as f64;
    objective
        .terms
        .iter()
        .map(|(w, t)| {
            w * match t {
                Term::Distance(code) => {
                    others.codes.iter().position(|c| c == code).and_then(|i| distances.get(i)).copied().unwrap_or(0.0)
                }
                Term::Ops => changes.len() as f64,
                Term::ActorsMoved => count(Kind::Move),
                Term::ActorsMerged => count(Kind::Merge),
                Term::RolesTransferred => count(Kind::TransferRole),
                Term::StrengthChanges => count(Kind::ChangeStrength),
                Term::One => 1.0,
            }
        })
        .sum()
}

/// Where a candidate comes in the enumeration: (number of changes, first, second), so that on
/// equal scores fewer changes come first, then the enumeration order.
type Key = (u8, u32, u32);

/// Keeps the best `n` by (score, key), so ties and thread timing never change the result.
#[derive(Debug, Clone, Default)]
struct Best {
    n: usize,
    items: Vec<(f64, Key, Vec<Change>, Vec<f64>)>,
}

impl Best {
    fn offer(&mut self, score: f64, key: Key, changes: impl FnOnce() -> Vec<Change>, d: &[f64]) {
        let cmp = |a: &(f64, Key), b: &(f64, Key)| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1));
        if self.items.len() == self.n
            && self.items.last().is_some_and(|l| cmp(&(score, key), &(l.0, l.1)) != std::cmp::Ordering::Less)
        {
            return;
        }
        let at = self.items.partition_point(|x| cmp(&(x.0, x.1), &(score, key)) == std::cmp::Ordering::Less);
        self.items.insert(at, (score, key, changes(), d.to_vec()));
        self.items.truncate(self.n);
    }

    fn merge(mut self, other: Best) -> Best {
        for (s, k, c, d) in other.items {
            self.offer(s, k, || c, &d);
        }
        self
    }
}

/// Every candidate change of `kinds` on `base` (as compared), in the order the search
/// enumerates them: the search space of depth 1.
pub fn candidates(base: &Country, kinds: &[Kind]) -> Vec<Change> {
    state::candidates(&State::new(base), kinds)
}

/// The profile criteria of `base` after `changes` in order, as the search computes them (on the
/// basis, without building the model), or `None` if a change would be rejected by
/// `scenario apply`. [`to_ops`] gives the operations; applying them must give a model whose
/// [`Basis::criteria`] equal these.
pub fn criteria_after(base: &Country, changes: &[Change]) -> Option<Vec<Option<Value>>> {
    let mut s = State::new(base);
    changes.iter().all(|c| s.apply(c)).then(|| s.basis.criteria())
}

/// Runs the search. `stop` ends it early (the best so far is returned); `progress` is called
/// with (done, total) outer steps as the search advances.
pub fn search(s: &Search<'_>, stop: &AtomicBool, progress: &(dyn Fn(u64, u64) + Sync)) -> Outcome {
    let start = Instant::now();
    let state = State::new(s.base);
    let others = Others {
        codes: s.others.iter().map(|o| o.code.to_lowercase()).collect(),
        values: s.others.iter().map(|o| Basis::new(o).criteria()).collect(),
        weights: s.weights,
    };
    let base_d = others.distances(&state.basis.criteria());
    let base_score = score(s.objective, &others, &base_d, &[]);
    let changes = state::candidates(&state, s.kinds);
    let evaluated = AtomicU64::new(0);
    let done = AtomicU64::new(0);
    let total = changes.len() as u64;
    let top = s.top.max(1);
    let best = (0..changes.len())
        .into_par_iter()
        .fold(
            || Best { n: top, items: Vec::new() },
            |mut best, i| {
                if stop.load(Ordering::Relaxed) {
                    return best;
                }
                let Some(first) = changes.get(i) else { return best };
                let mut one = state.clone();
                let mut count = 1;
                if one.apply(first) {
                    let d = others.distances(&one.basis.criteria());
                    let sc = score(s.objective, &others, &d, std::slice::from_ref(first));
                    best.offer(sc, (1, i as u32, 0), || vec![*first], &d);
                    if s.depth >= 2 {
                        for (j, second) in changes.iter().enumerate().skip(i + 1) {
                            count += 1;
                            let mut two = one.clone();
                            if two.apply(second) {
                                let pair = [*first, *second];
                                let d = others.distances(&two.basis.criteria());
                                let sc = score(s.objective, &others, &d, &pair);
                                best.offer(sc, (2, i as u32, j as u32), || pair.to_vec(), &d);
                            }
                        }
                    }
                }
                evaluated.fetch_add(count as u64, Ordering::Relaxed);
                progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
                best
            },
        )
        .reduce(|| Best { n: top, items: Vec::new() }, Best::merge);
    let with_codes = |d: &[f64]| others.codes.iter().cloned().zip(d.iter().copied()).collect::<Vec<_>>();
    Outcome {
        found: best
            .items
            .into_iter()
            .map(|(score, _, changes, d)| Found { changes, score, distances: with_codes(&d) })
            .collect(),
        base_score,
        base_distances: with_codes(&base_d),
        evaluated: evaluated.into_inner(),
        changes: changes.len(),
        seconds: start.elapsed().as_secs_f64(),
        interrupted: stop.load(Ordering::Relaxed),
    }
}

/// The scenario operations `changes` stand for on `base` (an actor merged earlier in the
/// sequence goes by the merged actor's id, parent and central flag).
pub fn to_ops(base: &Country, changes: &[Change]) -> Vec<Op> {
    let mut ids: Vec<String> = base.actors.keys().map(|a| a.to_string()).collect();
    let actors: Vec<&crate::model::Actor> = base.actors.values().collect();
    let mut state = State::new(base);
    let sp = |i: u32, ids: &[String]| Sp::new(ids.get(i as usize).cloned().unwrap_or_default());
    let mut ops = Vec::new();
    for ch in changes {
        ops.push(match *ch {
            Change::Move { actor, parent } => {
                let relation = actors
                    .get(actor as usize)
                    .and_then(|a| a.parent.as_ref())
                    .map_or(RelationType::ReportsTo, |p| p.relation);
                Op::Move { actor: sp(actor, &ids), parent: sp(parent, &ids), relation }
            }
            Change::TransferRole { level, role, from, to } => {
                Op::TransferRole { level, role, from: sp(from, &ids), to: sp(to, &ids) }
            }
            Change::ChangeStrength { actor, role, from, to } => {
                Op::ChangeStrength { actor: sp(actor, &ids), sector: Sector::General, role, from, to }
            }
            Change::Merge { gone, into } => {
                let (a, g) = (actors.get(into as usize), actors.get(gone as usize));
                let now = |i: u32| state.basis.actors.get(i as usize).copied();
                // `<survivor>_merged` (ids are at most 64 characters), numbered if taken.
                let stem: String = sp(into, &ids).get().chars().take(50).collect();
                let mut id = format!("{stem}_merged");
                let mut n = 1;
                while ids.contains(&id) {
                    n += 1;
                    id = format!("{stem}_merged_{n}");
                }
                let mut name = Names::default();
                for (lang, n) in a.iter().flat_map(|a| a.name.iter()) {
                    let other = g.and_then(|g| g.name.best(lang, base.natives())).map_or("", |(_, n)| n);
                    name.insert(lang, format!("{n} + {other}"));
                }
                let op = Op::Merge {
                    actors: vec![sp(into, &ids), sp(gone, &ids)],
                    into: NewActor {
                        id: Sp::new(id.clone()),
                        name,
                        abbr: None,
                        kind: a.map_or(ActorKind::Agency, |a| a.kind),
                        level: a.map_or(Level::State, |a| a.level),
                        parent: now(into).and_then(|x| x.parent).map(|p| sp(p, &ids)),
                        parent_relation: now(into).filter(|x| x.parent.is_some()).map(|x| x.parent_relation),
                        central: now(into).is_some_and(|x| x.central) || now(gone).is_some_and(|x| x.central),
                        portfolio: now(into).and_then(|x| x.portfolio),
                        standing: now(into).and_then(|x| x.standing),
                        participation: now(into).and_then(|x| x.participation),
                    },
                };
                for i in [into, gone] {
                    if let Some(x) = ids.get_mut(i as usize) {
                        x.clone_from(&id);
                    }
                }
                op
            }
        });
        state.apply(ch);
    }
    ops
}
