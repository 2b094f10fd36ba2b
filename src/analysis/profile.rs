//! The profile: every country's governance dimensions side by side, each value with the facts
//! and sources it rests on, descriptive context (actor counts, municipal structure, central
//! resources) that stays out of the distance, and the weighted distance of every pair with the
//! dimensions that separate them most. [`sensitivity`] shows how stable each country's ordering
//! of neighbours is when the weights are perturbed.
//!
//! The values come from [`Basis::criteria`]; the facts from [`Basis::explain`], the same
//! evaluation, so a value and the facts shown for it cannot disagree.

use rand::{RngExt, SeedableRng};
use serde::Serialize;

use super::basis::{cell_of, Basis, Because};
use super::dimensions::{self, Criterion, Dimension, Scale, Value, Weights};
use super::matrix::{ActorRef, CellProvenance};
use crate::model::*;

/// What one fact behind a value says.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "fact", rename_all = "snake_case")]
pub enum About {
    /// A central actor hangs under a ministry with a portfolio.
    Hosted {
        /// The central actor.
        unit: ActorRef,
        /// The ministry above it.
        ministry: ActorRef,
        /// The ministry's portfolio, when the model gives it.
        portfolio: Option<Portfolio>,
    },
    /// A central actor's kind (agency or department).
    Form {
        /// The central actor.
        unit: ActorRef,
        /// Its kind.
        kind: ActorKind,
        /// What it hangs under.
        parent: Option<ActorRef>,
    },
    /// A strategy document at the national or state level.
    Strategy {
        /// Title.
        title: String,
        /// Years it covers.
        years: Option<String>,
        /// What sort of document.
        kind: Option<StrategyKind>,
        /// Whether the source treats it as in force.
        in_force: bool,
        /// The level of the strategic steering row.
        level: Level,
    },
    /// An actor holds a role cell.
    HoldsRole {
        /// The actor.
        actor: ActorRef,
        /// Level.
        level: Level,
        /// Role.
        role: Role,
    },
    /// A relation (gatekeeping, an agreement, ownership).
    Relation {
        /// From.
        from: ActorRef,
        /// Type.
        kind: RelationType,
        /// To.
        to: ActorRef,
        /// A binding agreement.
        binding: bool,
    },
    /// An actor holds coordination at the national or state level.
    Coordinates {
        /// The actor.
        actor: ActorRef,
        /// Its kind.
        kind: ActorKind,
        /// A forum's standing.
        standing: Option<Standing>,
        /// Whether taking part is mandatory.
        participation: Option<Participation>,
    },
    /// A steering cell aimed at the municipalities.
    Steers {
        /// The slide's actor.
        actor: ActorRef,
        /// Role.
        role: Role,
        /// Instrument.
        instrument: Instrument,
        /// What the steering is.
        text: Option<String>,
    },
    /// A company owned by the municipal side that executes or operates for the local level.
    Company {
        /// The company.
        company: ActorRef,
        /// Its owner.
        owner: ActorRef,
    },
    /// The regional level.
    Tier {
        /// Whether the country has it.
        present: bool,
        /// Its character.
        character: Option<LevelCharacter>,
        /// What it consists of.
        units: Option<u32>,
        /// What the units are called.
        unit_name: Option<String>,
    },
    /// A staff figure.
    Staff {
        /// The actor.
        actor: ActorRef,
        /// FTE.
        fte: f64,
        /// Year.
        year: Option<i32>,
        /// The whole body or its digitalisation part.
        scope: ResourceScope,
        /// What it covers.
        covers: Option<String>,
    },
    /// A budget figure, in euro.
    Budget {
        /// The actor.
        actor: ActorRef,
        /// Euro.
        eur: f64,
        /// Year.
        year: Option<i32>,
        /// The whole body or its digitalisation part.
        scope: ResourceScope,
        /// What it covers.
        covers: Option<String>,
    },
    /// The population.
    Population {
        /// Inhabitants.
        value: f64,
    },
}

/// A fact behind a value, with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    /// What it says.
    pub about: About,
    /// Where it comes from.
    pub provenance: CellProvenance,
}

/// One criterion in one country.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionReading {
    /// The criterion.
    pub criterion: Criterion,
    /// Its value; `None` when the model does not say.
    pub value: Option<Value>,
    /// The facts the value rests on.
    pub facts: Vec<Fact>,
}

/// One dimension in one country.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reading {
    /// The country.
    pub country: String,
    /// The dimension's value: the mean of its scored criteria, or its set of terms; `None` for
    /// the resources (read their criteria) or when nothing is known.
    pub value: Option<Value>,
    /// Its criteria.
    pub criteria: Vec<CriterionReading>,
}

/// One dimension across the countries.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionRow {
    /// The dimension.
    pub dimension: Dimension,
    /// Its weight in the distance.
    pub weight: f64,
    /// Per country, in profile order.
    pub readings: Vec<Reading>,
}

/// Descriptive figures of a country, out of the distance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Context {
    /// The country.
    pub country: String,
    /// Actors per level (how many bodies the sources name, not how governance works).
    pub actors_per_level: Vec<(Level, usize)>,
    /// Number of municipalities.
    pub municipalities: Option<u32>,
    /// Inhabitants per municipality (population / municipalities).
    pub inhabitants_per_municipality: Option<f64>,
    /// Population.
    pub population: Option<f64>,
    /// Central FTE devoted to digitalisation.
    pub central_fte: Option<f64>,
    /// The years the FTE figures are for (earliest, latest).
    pub central_fte_years: Option<(i32, i32)>,
    /// Central budget devoted to digitalisation, euro.
    pub central_budget_eur: Option<f64>,
    /// The years the budget figures are for (earliest, latest).
    pub central_budget_years: Option<(i32, i32)>,
}

/// How much one dimension separates a pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Separation {
    /// The dimension.
    pub dimension: Dimension,
    /// How far apart the pair is on it, 0-1.
    pub difference: f64,
    /// Its share of the pair's distance (weight x difference / total).
    pub share: f64,
}

/// The distance of one pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Distance {
    /// One country.
    pub a: String,
    /// The other.
    pub b: String,
    /// Weighted mean of the dimension differences, 0-1.
    pub distance: f64,
    /// Per dimension (in dimension order) how far apart they are; `None` where either lacks it.
    pub differences: Vec<Option<f64>>,
    /// The dimensions that separate them, most first (those with a difference above 0).
    pub separations: Vec<Separation>,
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
    /// Country codes, in the order given.
    pub countries: Vec<String>,
    /// Country names in the profile's language, in the same order.
    pub names: Vec<String>,
    /// The dimensions, each with every country's reading.
    pub dimensions: Vec<DimensionRow>,
    /// Descriptive context per country.
    pub context: Vec<Context>,
    /// Every pair, in profile order.
    pub distances: Vec<Distance>,
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

/// The criteria of each country (in order), for distances.
pub fn criteria(countries: &[&Country]) -> Vec<Vec<Option<Value>>> {
    countries.iter().map(|c| Basis::new(c).criteria()).collect()
}

/// Every pair's distance from the countries' criteria vectors.
pub fn distances(codes: &[String], values: &[Vec<Option<Value>>], weights: &Weights) -> Vec<Distance> {
    let refs: Vec<&[Option<Value>]> = values.iter().map(Vec::as_slice).collect();
    let ranges = dimensions::ranges(&refs);
    let mut out = Vec::new();
    for (i, a) in values.iter().enumerate() {
        for (j, b) in values.iter().enumerate().skip(i + 1) {
            let differences = dimensions::differences(a, b, &ranges);
            out.push(distance_of(codes.get(i), codes.get(j), differences, weights));
        }
    }
    out
}

fn distance_of(a: Option<&String>, b: Option<&String>, differences: Vec<Option<f64>>, weights: &Weights) -> Distance {
    let distance = dimensions::weighted(&differences, weights);
    let total: f64 = differences.iter().zip(&weights.0).filter(|(d, _)| d.is_some()).map(|(_, w)| w).sum();
    let mut separations: Vec<Separation> = Dimension::ALL
        .iter()
        .zip(&differences)
        .filter_map(|(d, x)| {
            let x = (*x)?;
            let share = if total > 0.0 { weights.of(*d) * x / total } else { 0.0 };
            (share > 0.0).then_some(Separation { dimension: *d, difference: x, share })
        })
        .collect();
    separations.sort_by(|x, y| y.share.total_cmp(&x.share).then(x.dimension.cmp(&y.dimension)));
    Distance {
        a: a.cloned().unwrap_or_default(),
        b: b.cloned().unwrap_or_default(),
        distance,
        differences,
        separations,
    }
}

/// The profile of `countries` (each as compared), with `weights`, labels in `lang`.
pub fn profile(countries: &[&Country], weights: &Weights, lang: Lang) -> Profile {
    let codes: Vec<String> = countries.iter().map(|c| c.code.clone()).collect();
    let bases: Vec<Basis> = countries.iter().map(|c| Basis::new(c)).collect();
    let values: Vec<Vec<Option<Value>>> = bases.iter().map(Basis::criteria).collect();
    let dimensions = Dimension::ALL
        .iter()
        .map(|d| DimensionRow {
            dimension: *d,
            weight: weights.of(*d),
            readings: countries
                .iter()
                .zip(&bases)
                .map(|(c, b)| {
                    let criteria: Vec<CriterionReading> = d
                        .criteria()
                        .map(|cr| {
                            let (value, why) = b.explain(cr);
                            let mut facts: Vec<Fact> = Vec::new();
                            for f in why.into_iter().filter_map(|w| fact(c, b, w, lang)) {
                                if !facts.contains(&f) {
                                    facts.push(f);
                                }
                            }
                            CriterionReading { criterion: cr, value, facts }
                        })
                        .collect();
                    Reading { country: c.code.clone(), value: summary(*d, &criteria), criteria }
                })
                .collect(),
        })
        .collect();
    let context = countries.iter().zip(&bases).map(|(c, b)| context(c, b)).collect();
    let names = countries
        .iter()
        .map(|c| c.name.best(lang, c.natives()).map_or_else(|| c.code.clone(), |(_, n)| n.to_string()))
        .collect();
    Profile { countries: codes.clone(), names, dimensions, context, distances: distances(&codes, &values, weights) }
}

/// The dimension's own value: the set of a categorical one, the mean of the scores of the others
/// (none for the resources, whose amounts only mean something scaled).
fn summary(d: Dimension, criteria: &[CriterionReading]) -> Option<Value> {
    if d.is_categorical() {
        return criteria.first().and_then(|c| c.value);
    }
    let scores: Vec<f64> = criteria
        .iter()
        .filter(|c| c.criterion.scale() == Scale::Score)
        .filter_map(|c| match c.value {
            Some(Value::Score(x)) => Some(x),
            _ => None,
        })
        .collect();
    (!scores.is_empty()).then(|| Value::Score(scores.iter().sum::<f64>() / scores.len() as f64))
}

fn context(c: &Country, b: &Basis) -> Context {
    let municipalities = c.levels.get(&Level::Local).filter(|l| l.present).and_then(|l| l.units);
    let population = c.population.as_ref().map(|p| p.value);
    Context {
        country: c.code.clone(),
        actors_per_level: Level::ALL
            .iter()
            .map(|l| (*l, c.actors.values().filter(|a| a.level == *l).count()))
            .collect(),
        municipalities,
        inhabitants_per_municipality: population
            .zip(municipalities)
            .filter(|(_, m)| *m > 0)
            .map(|(p, m)| p / f64::from(m)),
        population,
        central_fte: b.central_total(&b.fte).map(|(t, _)| t),
        central_fte_years: years(&b.fte, b.central_total(&b.fte)),
        central_budget_eur: b.central_total(&b.budget).map(|(t, _)| t),
        central_budget_years: years(&b.budget, b.central_total(&b.budget)),
    }
}

/// The earliest and latest year of the figures a central total used.
fn years(figures: &[super::basis::Figure], total: Option<(f64, Vec<u32>)>) -> Option<(i32, i32)> {
    let ys: Vec<i32> = total?.1.iter().filter_map(|i| figures.get(*i as usize)?.year).collect();
    Some((*ys.iter().min()?, *ys.iter().max()?))
}

fn prov(ps: &[&Provenance]) -> CellProvenance {
    let mut out = CellProvenance::default();
    for (i, p) in ps.iter().enumerate() {
        out.add(p, i == 0);
    }
    out
}

/// The fact a basis index stands for, in the country the basis was built from.
fn fact(c: &Country, b: &Basis, why: Because, lang: Lang) -> Option<Fact> {
    let actor = |i: u32| c.actors.values().nth(i as usize);
    let aref = |a: &Actor| ActorRef::new(c, &a.id, lang);
    Some(match why {
        Because::Hosted { unit, ministry } => {
            let (u, m) = (actor(unit)?, actor(ministry)?);
            let portfolio = m.portfolio.as_ref();
            Fact {
                about: About::Hosted { unit: aref(u), ministry: aref(m), portfolio: portfolio.map(|p| p.value) },
                provenance: prov(&[&u.provenance, portfolio.map_or(&m.provenance, |p| p.provenance_or(&m.provenance))]),
            }
        }
        Because::Form(i) => {
            let u = actor(i)?;
            let parent = u.parent.as_ref().map(|p| ActorRef::new(c, &p.id, lang));
            Fact { about: About::Form { unit: aref(u), kind: u.kind, parent }, provenance: prov(&[&u.provenance]) }
        }
        Because::Strategy(i) => {
            let (r, d) = b.strategies.get(i as usize)?.origin;
            let row = c.strategies.get(r as usize)?;
            let doc = row.documents.get(d as usize)?;
            Fact {
                about: About::Strategy {
                    title: doc.title.clone(),
                    years: doc.years.clone(),
                    kind: doc.kind,
                    in_force: doc.in_force,
                    level: row.level,
                },
                provenance: prov(&[&row.provenance]),
            }
        }
        Because::Holder(cell, a) => {
            let (level, role) = cell_of(cell);
            let who = actor(a)?;
            let entries: Vec<&Provenance> = c
                .roles
                .iter()
                .filter(|e| e.level == level && e.role == role && e.sector == Sector::General)
                .filter(|e| e.holders.iter().any(|h| h.actor == who.id))
                .map(|e| &e.provenance)
                .collect();
            Fact { about: About::HoldsRole { actor: aref(who), level, role }, provenance: prov(&entries) }
        }
        Because::Link(i) => {
            let r = c.relations.get(b.links.get(i as usize)?.origin? as usize)?;
            Fact {
                about: About::Relation {
                    from: ActorRef::new(c, &r.from, lang),
                    kind: r.kind,
                    to: ActorRef::new(c, &r.to, lang),
                    binding: r.binding,
                },
                provenance: prov(&[&r.provenance]),
            }
        }
        Because::Coordinator(i) => {
            let a = actor(i)?;
            let mut ps = vec![&a.provenance];
            ps.extend(a.standing.as_ref().and_then(|s| s.provenance.as_deref()));
            ps.extend(a.participation.as_ref().and_then(|s| s.provenance.as_deref()));
            Fact {
                about: About::Coordinates {
                    actor: aref(a),
                    kind: a.kind,
                    standing: a.standing.as_ref().map(|s| s.value),
                    participation: a.participation.as_ref().map(|s| s.value),
                },
                provenance: prov(&ps),
            }
        }
        Because::Steering(i) => {
            let (s, x) = b.steering.get(i as usize)?.origin;
            let slide = c.steering.get(s as usize)?;
            let cell = slide.cells.get(x as usize)?;
            Fact {
                about: About::Steers {
                    actor: ActorRef::new(c, &slide.actor, lang),
                    role: cell.role,
                    instrument: cell.instrument,
                    text: cell.text.clone(),
                },
                provenance: prov(&[&cell.provenance]),
            }
        }
        Because::Company { company, owner } => {
            let (co, ow) = (actor(company)?, actor(owner)?);
            Fact { about: About::Company { company: aref(co), owner: aref(ow) }, provenance: prov(&[&co.provenance]) }
        }
        Because::Regional => {
            let l = c.levels.get(&Level::Regional);
            let character = l.and_then(|l| l.character.as_ref());
            Fact {
                about: About::Tier {
                    present: l.is_some_and(|l| l.present),
                    character: character.map(|x| x.value),
                    units: l.and_then(|l| l.units),
                    unit_name: l.and_then(|l| l.unit_name.clone()),
                },
                provenance: match (l, character) {
                    (Some(l), Some(x)) => prov(&[x.provenance_or(&l.provenance)]),
                    (Some(l), None) => prov(&[&l.provenance]),
                    _ => CellProvenance::default(),
                },
            }
        }
        Because::Fte(i) | Because::Budget(i) => {
            let figures = if matches!(why, Because::Fte(_)) { &b.fte } else { &b.budget };
            let f = figures.get(i as usize)?;
            let r = c.resources.get(f.origin as usize)?;
            let who = ActorRef::new(c, &r.actor, lang);
            let about = if matches!(why, Because::Fte(_)) {
                About::Staff { actor: who, fte: f.value, year: r.year, scope: r.scope, covers: r.covers.clone() }
            } else {
                About::Budget { actor: who, eur: f.value, year: r.year, scope: r.scope, covers: r.covers.clone() }
            };
            Fact { about, provenance: prov(&[&r.provenance]) }
        }
        Because::Population => {
            let p = c.population.as_ref()?;
            Fact { about: About::Population { value: p.value }, provenance: prov(&[&p.provenance]) }
        }
    })
}

impl Profile {
    /// The name of country `code` in the profile's language (the code when it is not in the
    /// profile).
    pub fn name<'a>(&'a self, code: &'a str) -> &'a str {
        self.countries.iter().position(|c| c == code).and_then(|i| self.names.get(i)).map_or(code, String::as_str)
    }

    /// The distance between `a` and `b`.
    pub fn distance(&self, a: &str, b: &str) -> Option<&Distance> {
        self.distances.iter().find(|d| (d.a == a && d.b == b) || (d.a == b && d.b == a))
    }

    /// The row of dimension `d`.
    pub fn row(&self, d: Dimension) -> Option<&DimensionRow> {
        self.dimensions.iter().find(|r| r.dimension == d)
    }

    /// Per country (in profile order): its distance to the closest and to the furthest other
    /// country; ties go to the earlier pair.
    pub fn extremes(&self) -> Vec<Extremes<'_>> {
        self.countries
            .iter()
            .filter_map(|c| {
                let others = neighbours(&self.distances, c, |d| d.distance);
                Some(Extremes { country: c, near: *others.first()?, far: *others.last()? })
            })
            .collect()
    }
}

/// The pairs that include `c`, nearest first by `measure` (ties by the other country's code).
fn neighbours<'a>(ds: &'a [Distance], c: &str, measure: impl Fn(&Distance) -> f64) -> Vec<&'a Distance> {
    let mut others: Vec<&Distance> = ds.iter().filter(|d| d.a == c || d.b == c).collect();
    others.sort_by(|x, y| measure(x).total_cmp(&measure(y)).then_with(|| x.other(c).cmp(y.other(c))));
    others
}

/// How stable one country's ordering of its neighbours is under perturbed weights.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stability {
    /// The country.
    pub country: String,
    /// Its neighbours nearest first, under the given weights.
    pub order: Vec<String>,
    /// Share of the draws in which the nearest neighbour stays the same.
    pub nearest_kept: f64,
    /// Share of the draws in which the whole ordering stays the same.
    pub order_kept: f64,
    /// Per neighbour (in `order`), the share of draws in which it is the nearest.
    pub nearest_shares: Vec<(String, f64)>,
}

/// The outcome of a sensitivity analysis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sensitivity {
    /// Number of weight draws.
    pub draws: u32,
    /// Each weight is multiplied by a factor drawn uniformly from 1 - spread .. 1 + spread.
    pub spread: f64,
    /// The random generator's seed (PCG64), so a run can be repeated exactly.
    pub seed: u64,
    /// Per country, in profile order.
    pub countries: Vec<Stability>,
}

/// Draws `draws` perturbed weight vectors (each weight times a factor uniform in
/// `1 ± spread`, from a PCG64 seeded with `seed`) and counts how often each country keeps its
/// nearest neighbour and its whole ordering of neighbours.
pub fn sensitivity(p: &Profile, weights: &Weights, draws: u32, spread: f64, seed: u64) -> Sensitivity {
    let order_of = |ds: &[Distance], c: &str| -> Vec<String> {
        neighbours(ds, c, |d| d.distance).iter().map(|d| d.other(c).to_string()).collect()
    };
    let base: Vec<Vec<String>> = p.countries.iter().map(|c| order_of(&p.distances, c)).collect();
    let mut nearest_kept = vec![0u32; p.countries.len()];
    let mut order_kept = vec![0u32; p.countries.len()];
    let mut nearest_counts: Vec<Vec<u32>> = base.iter().map(|o| vec![0; o.len()]).collect();
    let mut rng = rand_pcg::Pcg64::seed_from_u64(seed);
    let spread = spread.clamp(0.0, 1.0);
    for _ in 0..draws {
        let factors: Vec<f64> = Dimension::ALL.iter().map(|_| 1.0 + rng.random_range(-spread..=spread)).collect();
        let w = weights.scaled(&factors);
        let ds: Vec<Distance> = p
            .distances
            .iter()
            .map(|d| Distance { distance: dimensions::weighted(&d.differences, &w), ..d.clone() })
            .collect();
        for (i, c) in p.countries.iter().enumerate() {
            let order = order_of(&ds, c);
            let base_order = base.get(i);
            if order.first() == base_order.and_then(|b| b.first()) {
                if let Some(k) = nearest_kept.get_mut(i) {
                    *k += 1;
                }
            }
            if Some(&order) == base_order {
                if let Some(k) = order_kept.get_mut(i) {
                    *k += 1;
                }
            }
            if let (Some(first), Some(b), Some(counts)) = (order.first(), base_order, nearest_counts.get_mut(i)) {
                if let Some(slot) = b.iter().position(|x| x == first).and_then(|k| counts.get_mut(k)) {
                    *slot += 1;
                }
            }
        }
    }
    let share = |n: u32| if draws == 0 { 0.0 } else { f64::from(n) / f64::from(draws) };
    Sensitivity {
        draws,
        spread,
        seed,
        countries: p
            .countries
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let order = base.get(i).cloned().unwrap_or_default();
                let counts = nearest_counts.get(i).cloned().unwrap_or_default();
                Stability {
                    country: c.clone(),
                    nearest_shares: order.iter().cloned().zip(counts.iter().map(|n| share(*n))).collect(),
                    order,
                    nearest_kept: share(nearest_kept.get(i).copied().unwrap_or(0)),
                    order_kept: share(order_kept.get(i).copied().unwrap_or(0)),
                }
            })
            .collect(),
    }
}
