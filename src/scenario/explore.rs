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
//! [`Basis`] with the same semantics as the scenario operations they are saved as; a test checks
//! every candidate's distances against `scenario apply` plus the profile on the whole model.
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

use crate::analysis::basis::{self, cell_index, Basis, SteeringCell};
use crate::analysis::dimensions::{self, Value, Weights};
use crate::load::raw::Sp;
use crate::model::{ActorKind, Country, Instrument, Level, Names, RelationType, Role, Sector, Vocabulary};
use crate::scenario::{NewActor, Op};

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

/// The basis plus what the changes need beyond the profile: the hierarchy relations, for the
/// cycle check `scenario apply` makes.
#[derive(Debug, Clone)]
struct State {
    basis: Basis,
    /// Hierarchical relations (reports_to, owned_by, part_of) as (from, to), besides parents.
    hierarchy: Vec<(u32, u32)>,
}

impl State {
    fn new(c: &Country) -> Self {
        let index = basis::actor_index(c);
        let hierarchy = c
            .relations
            .iter()
            .filter(|r| r.kind.is_hierarchical())
            .filter_map(|r| Some((*index.get(&r.from)?, *index.get(&r.to)?)))
            .collect();
        State { basis: Basis::new(c), hierarchy }
    }

    fn alive(&self, i: u32) -> bool {
        self.basis.actors.get(i as usize).is_some_and(|a| a.alive)
    }

    /// Whether `to` can be reached from `from` going up the hierarchy (parents and relations).
    fn reaches(&self, from: u32, to: u32) -> bool {
        let mut seen = vec![false; self.basis.actors.len()];
        let mut stack = vec![from];
        while let Some(x) = stack.pop() {
            if x == to {
                return true;
            }
            match seen.get_mut(x as usize) {
                Some(s) if !*s => *s = true,
                _ => continue,
            }
            stack.extend(self.basis.actors.get(x as usize).and_then(|a| a.parent));
            stack.extend(self.hierarchy.iter().filter(|(f, _)| *f == x).map(|(_, t)| *t));
        }
        false
    }

    /// Applies `ch` as the scenario operation it is saved as would; `false` (state unspecified)
    /// when that operation would be rejected.
    fn apply(&mut self, ch: &Change) -> bool {
        match *ch {
            Change::Move { actor, parent } => {
                if actor == parent || !self.alive(actor) || !self.alive(parent) || self.reaches(parent, actor) {
                    return false;
                }
                match self.basis.actors.get_mut(actor as usize) {
                    Some(a) => a.parent = Some(parent),
                    None => return false,
                }
                true
            }
            Change::TransferRole { level, role, from, to } => {
                let cell = cell_index(level, role);
                let h = &mut self.basis.holders;
                if from == to || !self.basis.actors.get(to as usize).is_some_and(|a| a.alive) {
                    return false;
                }
                let Some(at) = h.iter().position(|x| *x == (cell, from)) else { return false };
                if h.contains(&(cell, to)) {
                    h.remove(at);
                } else if let Some(x) = h.get_mut(at) {
                    *x = (cell, to);
                }
                true
            }
            Change::ChangeStrength { actor, role, from, to } => {
                let s = &mut self.basis.steering;
                let is = |x: &SteeringCell, i: Instrument| x.actor == actor && x.role == role && x.instrument == i;
                if from == to || s.iter().any(|x| is(x, to) && x.used) || !s.iter().any(|x| is(x, from) && x.used) {
                    return false;
                }
                s.retain(|x| !is(x, to));
                if let Some(x) = s.iter_mut().find(|x| is(x, from) && x.used) {
                    x.instrument = to;
                }
                true
            }
            Change::Merge { gone, into } => {
                if gone == into || !self.alive(gone) || !self.alive(into) {
                    return false;
                }
                let b = &mut self.basis;
                let central = b.actors.get(gone as usize).is_some_and(|a| a.central);
                if let Some(a) = b.actors.get_mut(gone as usize) {
                    a.alive = false;
                    a.parent = None;
                }
                if let Some(a) = b.actors.get_mut(into as usize) {
                    a.central |= central;
                }
                for a in &mut b.actors {
                    if a.parent == Some(gone) {
                        a.parent = Some(into);
                    }
                }
                if let Some(a) = b.actors.get_mut(into as usize) {
                    if a.parent == Some(into) {
                        a.parent = None;
                    }
                }
                let mut holders: Vec<(u8, u32)> = Vec::with_capacity(b.holders.len());
                for (cell, a) in &b.holders {
                    let x = (*cell, if *a == gone { into } else { *a });
                    if !holders.contains(&x) {
                        holders.push(x);
                    }
                }
                b.holders = holders;
                // The two slides become one: a cell either uses stays used, and as in `scenario
                // apply` a used cell replaces an unused one (with its targets).
                let mut steering: Vec<SteeringCell> = Vec::with_capacity(b.steering.len());
                for x in &b.steering {
                    let x = SteeringCell { actor: if x.actor == gone { into } else { x.actor }, ..*x };
                    match steering
                        .iter_mut()
                        .find(|y| y.actor == x.actor && y.role == x.role && y.instrument == x.instrument)
                    {
                        Some(y) if x.used && !y.used => *y = x,
                        Some(_) => {}
                        None => steering.push(x),
                    }
                }
                b.steering = steering;
                for f in b.fte.iter_mut().chain(b.budget.iter_mut()) {
                    if f.actor == gone {
                        f.actor = into;
                    }
                }
                for l in &mut b.links {
                    if l.from == gone {
                        l.from = into;
                    }
                    if l.to == gone {
                        l.to = into;
                    }
                }
                b.links.retain(|l| l.from != l.to);
                self.hierarchy.iter_mut().for_each(|(f, t)| {
                    if *f == gone {
                        *f = into;
                    }
                    if *t == gone {
                        *t = into;
                    }
                });
                self.hierarchy.retain(|(f, t)| f != t);
                // The merged actor must not end up above itself.
                let up: Vec<u32> = self
                    .basis
                    .actors
                    .get(into as usize)
                    .and_then(|a| a.parent)
                    .into_iter()
                    .chain(self.hierarchy.iter().filter(|(f, _)| *f == into).map(|(_, t)| *t))
                    .collect();
                !up.iter().any(|u| self.reaches(*u, into))
            }
        }
    }
}

/// Whether actors of `kind` may take part in a merge.
fn mergeable(kind: ActorKind) -> bool {
    matches!(
        kind,
        ActorKind::Ministry
            | ActorKind::Agency
            | ActorKind::Unit
            | ActorKind::Council
            | ActorKind::Forum
            | ActorKind::Secretariat
            | ActorKind::Company
            | ActorKind::Association
            | ActorKind::Programme
    )
}

/// Every candidate change of the given kinds on the state, in a fixed order (kind, then indices).
fn candidates(s: &State, kinds: &[Kind]) -> Vec<Change> {
    let b = &s.basis;
    let actors: Vec<(u32, &basis::BasisActor)> =
        b.actors.iter().enumerate().filter(|(_, a)| a.alive).map(|(i, a)| (i as u32, a)).collect();
    let mut out = Vec::new();
    if kinds.contains(&Kind::Move) {
        let parents: Vec<u32> = actors
            .iter()
            .filter(|(_, a)| matches!(a.kind, ActorKind::Government | ActorKind::Ministry | ActorKind::Agency))
            .map(|(i, _)| *i)
            .collect();
        for (i, a) in &actors {
            let Some(now) = a.parent else { continue };
            for p in &parents {
                if p != i && *p != now {
                    out.push(Change::Move { actor: *i, parent: *p });
                }
            }
        }
    }
    if kinds.contains(&Kind::TransferRole) {
        for level in Level::ALL {
            for role in Role::ALL {
                let cell = cell_index(*level, *role);
                for (_, from) in b.holders.iter().filter(|(c, _)| *c == cell) {
                    for (to, a) in &actors {
                        if to != from && a.level == *level && a.kind != ActorKind::Placeholder {
                            out.push(Change::TransferRole { level: *level, role: *role, from: *from, to: *to });
                        }
                    }
                }
            }
        }
    }
    if kinds.contains(&Kind::ChangeStrength) {
        for x in b.steering.iter().filter(|x| x.used) {
            for to in Instrument::ALL {
                let taken =
                    b.steering.iter().any(|y| y.actor == x.actor && y.role == x.role && y.instrument == *to && y.used);
                if !taken {
                    out.push(Change::ChangeStrength { actor: x.actor, role: x.role, from: x.instrument, to: *to });
                }
            }
        }
    }
    if kinds.contains(&Kind::Merge) {
        for (i, a) in actors.iter().filter(|(_, a)| mergeable(a.kind)) {
            for (j, c) in actors.iter().filter(|(j, c)| j > i && mergeable(c.kind)) {
                if a.level != c.level {
                    continue;
                }
                // A central actor survives, else the one above the other, else the first by id.
                let j_first = (c.central && !a.central) || (c.central == a.central && s.reaches(*i, *j));
                let (gone, into) = if j_first { (*i, *j) } else { (*j, *i) };
                out.push(Change::Merge { gone, into });
            }
        }
    }
    out
}

/// A term of an objective.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Term {
    /// The profile distance to a country (by code).
    Distance(String),
    /// The number of changes.
    Ops,
    /// Actors given a new parent.
    ActorsMoved,
    /// Actors merged away.
    ActorsMerged,
    /// Role cells handed over.
    RolesTransferred,
    /// Steering cells changed in strength.
    StrengthChanges,
    /// A constant.
    One,
}

/// A weighted sum of terms; lower is better.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Objective {
    /// (weight, term).
    pub terms: Vec<(f64, Term)>,
}

const TERMS: [&str; 6] = ["distance", "ops", "actors_moved", "actors_merged", "roles_transferred", "strength_changes"];

impl std::fmt::Display for Objective {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, (w, t)) in self.terms.iter().enumerate() {
            let sign = if *w < 0.0 { "-" } else { "+" };
            match i {
                0 if *w < 0.0 => write!(f, "-")?,
                0 => {}
                _ => write!(f, " {sign} ")?,
            }
            let name = match t {
                Term::Distance(c) => format!("distance({c})"),
                Term::Ops => "ops".into(),
                Term::ActorsMoved => "actors_moved".into(),
                Term::ActorsMerged => "actors_merged".into(),
                Term::RolesTransferred => "roles_transferred".into(),
                Term::StrengthChanges => "strength_changes".into(),
                Term::One => String::new(),
            };
            match (w.abs(), name.is_empty()) {
                (w, true) => write!(f, "{w}")?,
                (1.0, false) => write!(f, "{name}")?,
                (w, false) => write!(f, "{w}*{name}")?,
            }
        }
        Ok(())
    }
}

impl Objective {
    /// The profile distance to `code`.
    pub fn distance(code: &str) -> Self {
        Objective { terms: vec![(1.0, Term::Distance(code.to_lowercase()))] }
    }

    /// Parses `distance(dk) + 0.1*actors_moved - 2 * ops`; the error says what is wrong and,
    /// for an unknown term, what was probably meant.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut terms = Vec::new();
        let mut rest = text.trim();
        if rest.is_empty() {
            return Err("the objective is empty".into());
        }
        let mut sign = 1.0;
        if let Some(r) = rest.strip_prefix('-') {
            sign = -1.0;
            rest = r.trim_start();
        }
        loop {
            let end = rest.find(['+', '-']).filter(|i| *i > 0).unwrap_or(rest.len());
            let (term, tail) = rest.split_at(end);
            terms.push(Self::term(term.trim(), sign)?);
            let tail = tail.trim_start();
            let Some(op) = tail.chars().next() else { break };
            sign = if op == '-' { -1.0 } else { 1.0 };
            rest = tail.get(1..).unwrap_or("").trim_start();
            if rest.is_empty() {
                return Err(format!("`{text}` ends with `{op}`"));
            }
        }
        Ok(Objective { terms })
    }

    fn term(t: &str, sign: f64) -> Result<(f64, Term), String> {
        let (weight, name) = match t.split_once('*') {
            Some((w, n)) => {
                let w: f64 = w.trim().parse().map_err(|_| format!("`{}` is not a number", w.trim()))?;
                (w, n.trim())
            }
            None => match t.parse::<f64>() {
                Ok(w) => return Ok((sign * w, Term::One)),
                Err(_) => (1.0, t),
            },
        };
        let (head, arg) = match name.split_once('(') {
            Some((h, a)) => {
                let a = a.strip_suffix(')').ok_or_else(|| format!("`{name}` lacks a closing `)`"))?;
                (h.trim(), Some(a.trim().to_lowercase()))
            }
            None => (name, None),
        };
        let term = match (head, arg) {
            ("distance", Some(code)) if !code.is_empty() => Term::Distance(code),
            ("distance", _) => return Err("`distance` needs a country: distance(dk)".into()),
            ("ops", None) => Term::Ops,
            ("actors_moved", None) => Term::ActorsMoved,
            ("actors_merged", None) => Term::ActorsMerged,
            ("roles_transferred", None) => Term::RolesTransferred,
            ("strength_changes", None) => Term::StrengthChanges,
            (h, Some(_)) if TERMS.contains(&h) => return Err(format!("`{h}` takes no argument")),
            (h, _) => {
                let hint = crate::diagnostic::suggestion_hint(h, TERMS.iter().copied())
                    .map_or(String::new(), |s| format!("; {s}"));
                return Err(format!("unknown term `{h}` (terms: {}){hint}", TERMS.join(", ")));
            }
        };
        Ok((sign * weight, term))
    }

    /// The country codes the objective measures distances to.
    pub fn countries(&self) -> Vec<&str> {
        self.terms
            .iter()
            .filter_map(|(_, t)| match t {
                Term::Distance(c) => Some(c.as_str()),
                _ => None,
            })
            .collect()
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
    let changes = candidates(&state, s.kinds);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objectives_parse_and_print_back() {
        for text in [
            "distance(dk)",
            "distance(dk) + 0.1*actors_moved",
            "-distance(se) - 2*ops + 1",
            "0.5*distance(fi) + merge_free",
        ] {
            match Objective::parse(text) {
                Ok(o) => assert_eq!(o.to_string(), text),
                Err(e) => assert!(text.contains("merge_free") && e.contains("unknown term `merge_free`"), "{e}"),
            }
        }
        let o = Objective::parse("distance(DK) + 0.1 * actors_moved").unwrap();
        assert_eq!(o.terms, vec![(1.0, Term::Distance("dk".into())), (0.1, Term::ActorsMoved)]);
    }
}
