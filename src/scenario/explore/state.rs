//! The search's own model of the changes: the profile [`Basis`] plus the hierarchy, and how each
//! [`Change`] acts on it.
//!
//! Each arm of [`State::apply`] mirrors one scenario operation of [`crate::scenario::Op`], as
//! `scenario apply` (`src/scenario/apply.rs`, `step`) carries it out on a whole [`Country`], but on
//! the few facts the profile reads, so that a search can evaluate millions of candidates:
//!
//! | change | mirrors | what it keeps of the operation |
//! |---|---|---|
//! | [`Change::Move`] | [`Op::Move`](crate::scenario::Op::Move) | the new parent; rejected, as apply rejects it, for a missing actor, the actor itself, or a parent below the actor (a hierarchy cycle through parents and hierarchical relations) |
//! | [`Change::TransferRole`] | [`Op::TransferRole`](crate::scenario::Op::TransferRole) | the holder of the (level, role) cell changes; a new holder that already holds it just keeps it; rejected if `from` does not hold the cell |
//! | [`Change::ChangeStrength`] | [`Op::ChangeStrength`](crate::scenario::Op::ChangeStrength) (sector general) | the used cell's instrument; an unused cell with the new instrument is replaced; rejected if the new instrument is already used or the old one is not |
//! | [`Change::Merge`] | [`Op::Merge`](crate::scenario::Op::Merge) | children, role cells, steering slides (a used cell replaces an unused one), FTE, budget, links and hierarchy go to the survivor; central if either was; rejected on a resulting cycle |
//!
//! What the profile does not read (names, sources, validity, documents) is not modelled. The
//! property test `explore_changes_agree_with_scenario_apply` in `tests/cli/explore.rs` checks on
//! random models and random sequences of changes that [`State::apply`] and `scenario apply` accept
//! the same changes and give the same profile; `search_agrees_with_applying_the_scenario_on_every_bundled_country`
//! checks every single change on the bundled models.

use crate::analysis::basis::{self, cell_index, Basis, SteeringCell};
use crate::model::{ActorKind, Country, Instrument, Level, Role, Vocabulary};

use super::{Change, Kind};

/// The basis plus what the changes need beyond the profile: the hierarchy relations, for the
/// cycle check `scenario apply` makes.
#[derive(Debug, Clone)]
pub(super) struct State {
    pub(super) basis: Basis,
    /// Hierarchical relations (reports_to, owned_by, part_of) as (from, to), besides parents.
    hierarchy: Vec<(u32, u32)>,
}

impl State {
    pub(super) fn new(c: &Country) -> Self {
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
    pub(super) fn reaches(&self, from: u32, to: u32) -> bool {
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
    pub(super) fn apply(&mut self, ch: &Change) -> bool {
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
pub(super) fn candidates(s: &State, kinds: &[Kind]) -> Vec<Change> {
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
