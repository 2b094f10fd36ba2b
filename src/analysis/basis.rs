//! The profile's basis: the few facts of a country the governance criteria read (who sits at
//! which level under whom, who is central, ministries' portfolios, forums' standing, who holds
//! the general role cells, which general operational steering cells are used and whether they
//! reach the municipalities, gatekeeping, agreements and ownership links, strategy documents, the
//! regional tier, the central actors' FTE and budgets), in a compact form indexed by actor
//! position.
//!
//! [`crate::analysis::profile`] computes its criteria from a basis, and the reorganisation
//! search ([`crate::scenario::explore`]) changes a basis in place of the whole model, so one candidate costs
//! a few flat-vector copies instead of a model clone, matrices and a graph. Both read the criteria
//! through [`Basis::criteria`], so they cannot drift apart; [`Basis::explain`] evaluates a
//! criterion the same way and also says which facts decided it.

use super::dimensions::{bit, Criterion, Value};
use super::resources::to_euro;
use crate::model::{
    ActorId, ActorKind, Country, Instrument, Level, LevelCharacter, Participation, Portfolio, RelationType,
    ResourceScope, Role, Sector, Standing, StrategyKind, Vocabulary,
};

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
    /// How it hangs under its parent.
    pub parent_relation: RelationType,
    /// Still in the model.
    pub alive: bool,
    /// A ministry's portfolio.
    pub portfolio: Option<Portfolio>,
    /// A forum's standing.
    pub standing: Option<Standing>,
    /// Whether taking part in a forum is mandatory.
    pub participation: Option<Participation>,
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
    /// Whether the cell is aimed at the municipalities: a municipality or a local collective
    /// among its targets, or the local level among its target levels.
    pub on_municipalities: bool,
    /// (slide, cell) in the country's `steering`.
    pub origin: (u32, u32),
}

/// A relation of a kind the criteria read (gatekeeps, agreement_with, owned_by).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// From.
    pub from: u32,
    /// Type.
    pub kind: RelationType,
    /// To.
    pub to: u32,
    /// A binding agreement.
    pub binding: bool,
    /// Its index in the country's `relations`; `None` for one a change added.
    pub origin: Option<u32>,
}

/// A strategy document cited at the national or state level (general sector).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StrategyDoc {
    /// What sort of document.
    pub kind: Option<StrategyKind>,
    /// Whether it is in force (an outdated one scores as no strategy).
    pub in_force: bool,
    /// (row, document) in the country's `strategies`.
    pub origin: (u32, u32),
}

/// A staff or budget figure of an actor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    /// The actor.
    pub actor: u32,
    /// The year.
    pub year: Option<i32>,
    /// What part of the actor it counts.
    pub scope: ResourceScope,
    /// FTE, or euro.
    pub value: f64,
    /// Its index in the country's `resources`.
    pub origin: u32,
}

/// What the regional level is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    /// The country has no regional level.
    Absent,
    /// The level is there but the model does not say what it is.
    Unknown,
    /// The level's character.
    Character(LevelCharacter),
}

/// A fact a criterion's value rests on, by index into the basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Because {
    /// A central actor (`unit`) and the ministry above it (`ministry`).
    Hosted {
        /// The central actor.
        unit: u32,
        /// The ministry it hangs under.
        ministry: u32,
    },
    /// A central actor's form.
    Form(u32),
    /// A strategy document.
    Strategy(u32),
    /// A role holding: (cell, actor).
    Holder(u8, u32),
    /// A relation.
    Link(u32),
    /// A coordination holder.
    Coordinator(u32),
    /// A steering cell.
    Steering(u32),
    /// A joint company (the actor) and its owner.
    Company {
        /// The company.
        company: u32,
        /// Its owner.
        owner: u32,
    },
    /// The regional level.
    Regional,
    /// An FTE figure.
    Fte(u32),
    /// A budget figure.
    Budget(u32),
    /// The population.
    Population,
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
    /// Gatekeeping, agreements and ownership relations.
    pub links: Vec<Link>,
    /// Strategy documents at the national and state level, general sector.
    pub strategies: Vec<StrategyDoc>,
    /// The regional level.
    pub regional: Tier,
    /// FTE figures, in model order.
    pub fte: Vec<Figure>,
    /// Budget figures in euro (those that convert), in model order.
    pub budget: Vec<Figure>,
    /// Population.
    pub population: Option<f64>,
}

/// The index of a (level, role) cell in [`Basis::holders`].
pub fn cell_index(level: Level, role: Role) -> u8 {
    let l = Level::ALL.iter().position(|x| *x == level).unwrap_or(0);
    let r = Role::ALL.iter().position(|x| *x == role).unwrap_or(0);
    (l * Role::ALL.len() + r) as u8
}

/// The (level, role) of a cell index.
pub fn cell_of(cell: u8) -> (Level, Role) {
    let n = Role::ALL.len();
    let l = Level::ALL.get(usize::from(cell) / n).copied().unwrap_or(Level::National);
    let r = Role::ALL.get(usize::from(cell) % n).copied().unwrap_or(Role::Strategy);
    (l, r)
}

/// Each actor's index in a basis of `c`: its position in id order.
pub fn actor_index(c: &Country) -> std::collections::HashMap<&ActorId, u32> {
    c.actors.keys().enumerate().map(|(i, id)| (id, i as u32)).collect()
}

/// Whether an actor of this kind at this level is (a collective of) the municipalities.
fn is_municipal(kind: ActorKind, level: Level) -> bool {
    kind == ActorKind::Municipality || (kind == ActorKind::Collective && level == Level::Local)
}

/// Where a criterion records the facts it rests on; `None` when only the value is wanted.
type Why<'a> = Option<&'a mut Vec<Because>>;

fn note(why: &mut Why<'_>, b: Because) {
    if let Some(w) = why.as_deref_mut() {
        w.push(b);
    }
}

impl Basis {
    /// The basis of `c` (taken as it is: callers choose the date first).
    pub fn new(c: &Country) -> Self {
        let index = actor_index(c);
        let at = |id: &ActorId| index.get(id).copied();
        let actors: Vec<BasisActor> = c
            .actors
            .values()
            .map(|a| BasisActor {
                level: a.level,
                kind: a.kind,
                central: a.central,
                parent: a.parent.as_ref().and_then(|p| at(&p.id)),
                parent_relation: a.parent.as_ref().map_or(RelationType::ReportsTo, |p| p.relation),
                alive: true,
                portfolio: a.portfolio.as_ref().map(|p| p.value),
                standing: a.standing.as_ref().map(|p| p.value),
                participation: a.participation.as_ref().map(|p| p.value),
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
        let municipal = |id: &ActorId| c.actors.get(id).is_some_and(|a| is_municipal(a.kind, a.level));
        let mut steering = Vec::new();
        for (si, s) in c.steering.iter().enumerate() {
            let Some(i) = at(&s.actor).filter(|_| s.sector == Sector::General) else { continue };
            for (ci, x) in s.cells.iter().enumerate() {
                steering.push(SteeringCell {
                    actor: i,
                    role: x.role,
                    instrument: x.instrument,
                    used: x.used,
                    on_municipalities: x.target_levels.contains(&Level::Local) || x.targets.iter().any(municipal),
                    origin: (si as u32, ci as u32),
                });
            }
        }
        let links = c
            .relations
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                matches!(r.kind, RelationType::Gatekeeps | RelationType::AgreementWith | RelationType::OwnedBy)
            })
            .filter_map(|(i, r)| {
                Some(Link {
                    from: at(&r.from)?,
                    kind: r.kind,
                    to: at(&r.to)?,
                    binding: r.binding,
                    origin: Some(i as u32),
                })
            })
            .collect();
        let mut strategies = Vec::new();
        for (ri, s) in c.strategies.iter().enumerate() {
            if s.sector == Sector::General && matches!(s.level, Level::National | Level::State) {
                for (di, d) in s.documents.iter().enumerate() {
                    // A document the source calls outdated counts as "no strategy" (kind kept
                    // unknown would hide it from the facts shown).
                    let kind = d.kind.map(|k| if d.in_force { k } else { StrategyKind::Agenda });
                    strategies.push(StrategyDoc { kind, in_force: d.in_force, origin: (ri as u32, di as u32) });
                }
            }
        }
        let regional = match c.levels.get(&Level::Regional) {
            Some(l) if l.present => l.character.as_ref().map_or(Tier::Unknown, |x| Tier::Character(x.value)),
            _ => Tier::Absent,
        };
        let figure = |i: usize, r: &crate::model::Resource, value: f64| {
            Some(Figure { actor: at(&r.actor)?, year: r.year, scope: r.scope, value, origin: i as u32 })
        };
        let fte =
            c.resources.iter().enumerate().filter_map(|(i, r)| figure(i, r, r.fte.as_ref()?.central()?)).collect();
        let budget = c
            .resources
            .iter()
            .enumerate()
            .filter_map(|(i, r)| figure(i, r, to_euro(c, r.budget.as_ref()?, r.year)?.value))
            .collect();
        Basis {
            actors,
            holders,
            steering,
            links,
            strategies,
            regional,
            fte,
            budget,
            population: c.population.as_ref().map(|p| p.value),
        }
    }

    fn actor(&self, i: u32) -> Option<&BasisActor> {
        self.actors.get(i as usize).filter(|a| a.alive)
    }

    fn central(&self, i: u32) -> bool {
        self.actor(i).is_some_and(|a| a.central)
    }

    /// The alive central actors, in index order.
    fn centres(&self) -> impl Iterator<Item = (u32, &BasisActor)> {
        self.actors.iter().enumerate().filter(|(_, a)| a.alive && a.central).map(|(i, a)| (i as u32, a))
    }

    /// The ministry (or government office) `i` hangs under, itself included.
    pub fn host(&self, i: u32) -> Option<u32> {
        let mut at = i;
        for _ in 0..=self.actors.len() {
            let a = self.actor(at)?;
            if matches!(a.kind, ActorKind::Ministry | ActorKind::Government) {
                return Some(at);
            }
            at = a.parent?;
        }
        None
    }

    /// Every criterion's value, in [`Criterion::ALL`] order.
    pub fn criteria(&self) -> Vec<Option<Value>> {
        Criterion::ALL.iter().map(|c| self.eval(*c, None)).collect()
    }

    /// A criterion's value and the facts it rests on.
    pub fn explain(&self, c: Criterion) -> (Option<Value>, Vec<Because>) {
        let mut why = Vec::new();
        let v = self.eval(c, Some(&mut why));
        (v, why)
    }

    fn eval(&self, c: Criterion, mut why: Why<'_>) -> Option<Value> {
        match c {
            Criterion::HostPortfolio => {
                let mut bits = 0u32;
                for (unit, _) in self.centres() {
                    let Some(ministry) = self.host(unit) else { continue };
                    note(&mut why, Because::Hosted { unit, ministry });
                    if let Some(p) = self.actor(ministry).and_then(|m| m.portfolio) {
                        bits |= bit(p);
                    }
                }
                (bits != 0).then_some(Value::Set(bits))
            }
            Criterion::AgencyShare => {
                let (mut n, mut agencies) = (0u32, 0u32);
                for (i, a) in self.centres() {
                    match a.kind {
                        ActorKind::Agency => agencies += 1,
                        ActorKind::Unit | ActorKind::Ministry | ActorKind::Government => {}
                        _ => continue,
                    }
                    n += 1;
                    note(&mut why, Because::Form(i));
                }
                (n > 0).then(|| Value::Score(f64::from(agencies) / f64::from(n)))
            }
            Criterion::NationalStrategy => {
                let score = |k: StrategyKind| match k {
                    StrategyKind::JointStrategy => 1.0,
                    StrategyKind::GovernmentStrategy => 0.5,
                    _ => 0.0,
                };
                let best = self
                    .strategies
                    .iter()
                    .filter_map(|d| d.kind.map(score))
                    .fold(None, |acc: Option<f64>, x| Some(acc.map_or(x, |a| a.max(x))))?;
                for (i, d) in self.strategies.iter().enumerate() {
                    if d.kind.map(score) == Some(best) {
                        note(&mut why, Because::Strategy(i as u32));
                    }
                }
                Some(Value::Score(best))
            }
            Criterion::CentreRoles => {
                let roles = [Role::Strategy, Role::Coordination, Role::Execution];
                let mut held = 0u32;
                for role in roles {
                    let cells = [cell_index(Level::National, role), cell_index(Level::State, role)];
                    let holding: Vec<(u8, u32)> = self
                        .holders
                        .iter()
                        .filter(|(cell, a)| cells.contains(cell) && self.central(*a))
                        .copied()
                        .collect();
                    if !holding.is_empty() {
                        held += 1;
                    }
                    for (cell, a) in holding {
                        note(&mut why, Because::Holder(cell, a));
                    }
                }
                Some(Value::Score(f64::from(held) / roles.len() as f64))
            }
            Criterion::Gatekeeping => Some(self.flag(&mut why, |b, l| {
                l.kind == RelationType::Gatekeeps
                    && b.actor(l.to).is_some_and(|a| matches!(a.level, Level::State | Level::National))
            })),
            Criterion::BudgetNegotiation => {
                Some(self.flag(&mut why, |b, l| b.agreement_with_sector(l, &[Level::Regional, Level::Local])))
            }
            Criterion::BindingAgreement => {
                Some(self.flag(&mut why, |b, l| b.agreement_with_sector(l, &[Level::Local])))
            }
            Criterion::ForumShare | Criterion::PermanentForums | Criterion::MandatoryForums => {
                self.coordination(c, &mut why)
            }
            Criterion::LocalInstrument => {
                let outside = |i: u32| self.actor(i).is_some_and(|a| !is_municipal(a.kind, a.level));
                let cells: Vec<(usize, &SteeringCell)> = self
                    .steering
                    .iter()
                    .enumerate()
                    .filter(|(_, x)| x.used && x.on_municipalities && outside(x.actor))
                    .collect();
                let Some(strongest) = cells.iter().map(|(_, x)| x.instrument).min() else {
                    // Slides that never aim at the municipalities say there is no such steering;
                    // a model without slides says nothing.
                    return self.steering.iter().any(|x| self.actor(x.actor).is_some()).then_some(Value::Score(0.0));
                };
                for (i, x) in &cells {
                    if x.instrument == strongest {
                        note(&mut why, Because::Steering(*i as u32));
                    }
                }
                Some(Value::Score(f64::from(6 - strongest.strength()) / 5.0))
            }
            Criterion::JointCompany => {
                let mut found = false;
                for (i, a) in self.actors.iter().enumerate() {
                    let i = i as u32;
                    if !(a.alive && a.kind == ActorKind::Company && a.level == Level::Local) {
                        continue;
                    }
                    let executes = [Role::Execution, Role::Operation]
                        .iter()
                        .any(|r| self.holders.contains(&(cell_index(Level::Local, *r), i)));
                    let owners = a.parent.filter(|_| a.parent_relation == RelationType::OwnedBy).into_iter().chain(
                        self.links.iter().filter(|l| l.kind == RelationType::OwnedBy && l.from == i).map(|l| l.to),
                    );
                    for owner in owners {
                        let municipal_owner = self.actor(owner).is_some_and(|o| {
                            is_municipal(o.kind, o.level)
                                || (o.kind == ActorKind::Association && o.level == Level::Local)
                        });
                        if executes && municipal_owner {
                            found = true;
                            note(&mut why, Because::Company { company: i, owner });
                        }
                    }
                }
                Some(Value::Score(if found { 1.0 } else { 0.0 }))
            }
            Criterion::TierCharacter => {
                note(&mut why, Because::Regional);
                match self.regional {
                    Tier::Absent => Some(Value::Set(bit(LevelCharacter::Absent))),
                    Tier::Character(x) => Some(Value::Set(bit(x))),
                    Tier::Unknown => None,
                }
            }
            Criterion::FtePerMillion => self.per_million(&self.fte, &mut why, Because::Fte),
            Criterion::BudgetPerMillion => self.per_million(&self.budget, &mut why, Because::Budget),
        }
    }

    /// 1 when some link satisfies `pick` (each one noted), else 0.
    fn flag(&self, why: &mut Why<'_>, pick: impl Fn(&Basis, &Link) -> bool) -> Value {
        let mut found = false;
        for (i, l) in self.links.iter().enumerate() {
            if self.actor(l.from).is_some() && self.actor(l.to).is_some() && pick(self, l) {
                found = true;
                note(why, Because::Link(i as u32));
            }
        }
        Value::Score(if found { 1.0 } else { 0.0 })
    }

    /// Whether `l` is a binding agreement between the state (a national or state body) and the
    /// association or collective of a sub-national sector at one of `levels`.
    fn agreement_with_sector(&self, l: &Link, levels: &[Level]) -> bool {
        let (Some(a), Some(b)) = (self.actor(l.from), self.actor(l.to)) else { return false };
        let state = |x: &BasisActor| matches!(x.level, Level::National | Level::State);
        let sector = |x: &BasisActor| {
            levels.contains(&x.level)
                && matches!(x.kind, ActorKind::Association | ActorKind::Collective | ActorKind::Municipality)
        };
        l.kind == RelationType::AgreementWith && l.binding && ((state(a) && sector(b)) || (state(b) && sector(a)))
    }

    /// The coordination criteria: shares of the national and state coordination holders.
    fn coordination(&self, c: Criterion, why: &mut Why<'_>) -> Option<Value> {
        let cells = [cell_index(Level::National, Role::Coordination), cell_index(Level::State, Role::Coordination)];
        let mut who: Vec<u32> = Vec::new();
        for (cell, a) in &self.holders {
            if cells.contains(cell) && self.actor(*a).is_some() && !who.contains(a) {
                who.push(*a);
            }
        }
        if who.is_empty() {
            return None;
        }
        let forum = |a: &BasisActor| matches!(a.kind, ActorKind::Forum | ActorKind::Council);
        let forums: Vec<(u32, &BasisActor)> =
            who.iter().filter_map(|i| self.actor(*i).map(|a| (*i, a))).filter(|(_, a)| forum(a)).collect();
        let count = match c {
            Criterion::PermanentForums => {
                if forums.iter().any(|(_, a)| a.standing.is_none()) {
                    return None;
                }
                forums.iter().filter(|(_, a)| a.standing == Some(Standing::Permanent)).count()
            }
            Criterion::MandatoryForums => {
                if forums.iter().any(|(_, a)| a.participation.is_none()) {
                    return None;
                }
                forums.iter().filter(|(_, a)| a.participation == Some(Participation::Mandatory)).count()
            }
            _ => forums.len(),
        };
        for i in &who {
            note(why, Because::Coordinator(*i));
        }
        Some(Value::Score(count as f64 / who.len() as f64))
    }

    /// A central total per million inhabitants, noting the figures and the population.
    fn per_million(&self, figures: &[Figure], why: &mut Why<'_>, because: fn(u32) -> Because) -> Option<Value> {
        let (total, used) = self.central_total(figures)?;
        let people = self.population.filter(|p| *p > 0.0)?;
        for i in used {
            note(why, because(i));
        }
        note(why, Because::Population);
        Some(Value::Amount(total / (people / 1e6)))
    }

    /// The central actors' total of `figures` and the figures used: per central actor, its
    /// latest figure for the part that works on digitalisation, else its latest for the whole
    /// body (the first stated on a tie). `None` when no central actor has a figure.
    pub fn central_total(&self, figures: &[Figure]) -> Option<(f64, Vec<u32>)> {
        let mut total = 0.0;
        let mut used = Vec::new();
        for (a, _) in self.centres() {
            let of = |scope: ResourceScope| {
                latest(
                    figures
                        .iter()
                        .enumerate()
                        .filter(|(_, f)| f.actor == a && f.scope == scope)
                        .map(|(i, f)| (f.year, (i, f.value))),
                )
            };
            if let Some((i, v)) = of(ResourceScope::Digitalisation).or_else(|| of(ResourceScope::Whole)) {
                total += v;
                used.push(i as u32);
            }
        }
        (!used.is_empty()).then_some((total, used))
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
