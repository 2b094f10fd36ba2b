//! The canonical order of a country's facts, defined once: the loader sorts a model into it,
//! scenario operations keep it as they add facts, and `nordgov fmt --sort` writes files in it.
//! Every key is a stable one (ids, and vocabulary terms in their vocabulary's order, so levels
//! run national to local and roles follow the policy process), which makes output independent
//! of the order facts were written in. All sorts are stable: equal keys keep their order.

use std::cmp::Ordering;

use super::vocab::{Level, RelationType, Role, Sector, Vocabulary};
use super::{Country, ExchangeRate, Relation, Resource, RoleEntry, Steering, SteeringCell, Strategy};

/// A fact with a place in the canonical order.
pub trait Canonical {
    /// Compares by the canonical key only (equal keys are not equal facts).
    fn canonical_cmp(&self, other: &Self) -> Ordering;
}

/// Sorts `facts` into the canonical order, keeping facts with equal keys in their order.
pub fn sort_canonical<T: Canonical>(facts: &mut [T]) {
    facts.sort_by(T::canonical_cmp);
}

/// Relations by (from, type, to).
impl Canonical for Relation {
    fn canonical_cmp(&self, o: &Self) -> Ordering {
        (&self.from, self.kind, &self.to).cmp(&(&o.from, o.kind, &o.to))
    }
}

/// Role-matrix statements by (level, role, sector).
impl Canonical for RoleEntry {
    fn canonical_cmp(&self, o: &Self) -> Ordering {
        (self.level, self.role, self.sector).cmp(&(o.level, o.role, o.sector))
    }
}

/// Strategic steering rows by (sector, level).
impl Canonical for Strategy {
    fn canonical_cmp(&self, o: &Self) -> Ordering {
        (self.sector, self.level).cmp(&(o.sector, o.level))
    }
}

/// Operational steering slides by (sector, actor).
impl Canonical for Steering {
    fn canonical_cmp(&self, o: &Self) -> Ordering {
        (self.sector, &self.actor).cmp(&(o.sector, &o.actor))
    }
}

/// A slide's cells by (role, instrument), instruments strong to soft.
impl Canonical for SteeringCell {
    fn canonical_cmp(&self, o: &Self) -> Ordering {
        (self.role, self.instrument).cmp(&(o.role, o.instrument))
    }
}

/// Resource figures by actor.
impl Canonical for Resource {
    fn canonical_cmp(&self, o: &Self) -> Ordering {
        self.actor.cmp(&o.actor)
    }
}

/// Exchange rates by (currency, year).
impl Canonical for ExchangeRate {
    fn canonical_cmp(&self, o: &Self) -> Ordering {
        (&self.currency, self.year).cmp(&(&o.currency, o.year))
    }
}

impl Country {
    /// Sorts every fact list into the canonical order (actors and levels are maps, ordered
    /// already). A slide's cells are the loader's to order as it builds them.
    pub fn normalize(&mut self) {
        sort_canonical(&mut self.relations);
        sort_canonical(&mut self.roles);
        sort_canonical(&mut self.strategies);
        sort_canonical(&mut self.steering);
        sort_canonical(&mut self.resources);
        sort_canonical(&mut self.exchange_rates);
    }
}

/// The arrays of tables a model file holds in canonical order, by top-level key, with the
/// fields that make up each one's key (as the file spells them): the order [`Country::normalize`]
/// gives the loaded facts, so a file sorted by these loads to the same model.
pub const FILE_ORDER: [(&str, &[&str]); 4] = [
    ("actor", &["id"]),
    ("relation", &["from", "type", "to"]),
    ("role", &["level", "role", "sector"]),
    ("resource", &["actor"]),
];

/// Where the term `key` of the vocabulary a file field holds (`level`, `role`, `sector`,
/// relation `type`) stands in its vocabulary's order; `None` for other fields or unknown terms.
pub fn term_rank(field: &str, key: &str) -> Option<usize> {
    fn rank<V: Vocabulary + PartialEq>(key: &str) -> Option<usize> {
        V::from_key(key).and_then(|t| V::ALL.iter().position(|x| *x == t))
    }
    match field {
        "level" => rank::<Level>(key),
        "role" => rank::<Role>(key),
        "sector" => rank::<Sector>(key),
        "type" => rank::<RelationType>(key),
        _ => None,
    }
}
