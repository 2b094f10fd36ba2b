//! Applying a scenario's operations to a validated base model.
//!
//! Each operation is checked against the state the previous ones left: an unknown id is E0201
//! at its span with a suggestion, a new id that exists is E0202, a level the country lacks is
//! E0303, and an operation that would leave a hierarchy cycle is E0302 naming the operation. The
//! first failing operation stops the run (later ones would be checked against a state that
//! never existed). The base is taken by reference and never changed.

use crate::diagnostic::{suggestion_hint, Code, Diagnostic, FileId};
use crate::load::hierarchy_cycles;
use crate::load::raw::SpStr;
use crate::model::*;

use super::{NewActor, Op, Scenario};

/// Applies `s`'s operations to `base` (already taken on the scenario's date). Diagnostics
/// point into `file`, the scenario's text.
pub fn apply(base: &Country, s: &Scenario, file: FileId) -> Result<Country, Diagnostic> {
    let mut c = base.clone();
    for (i, op) in s.ops.iter().enumerate() {
        let at = op.span();
        let label = format!("operation {} ({})", i + 1, op.get().name());
        step(&mut c, op.get(), file).map_err(|d| d.also(file, at.clone(), label.clone()))?;
        if let Some(cycle) = hierarchy_cycles(&c).into_iter().next() {
            let names: Vec<String> = cycle.iter().map(|a| format!("`{a}`")).collect();
            return Err(Diagnostic::new(
                Code::E0302,
                format!("{label} makes a hierarchy cycle through {}", names.join(", ")),
            )
            .at(file, at, "this operation")
            .hint("a body cannot be above itself: move another actor first, or choose another parent"));
        }
    }
    Ok(c)
}

/// The actor `s` names, or E0201 with a suggestion.
fn existing(c: &Country, file: FileId, s: &SpStr) -> Result<ActorId, Diagnostic> {
    let id = ActorId::new(s.get());
    if c.actors.contains_key(&id) {
        return Ok(id);
    }
    Err(Diagnostic::new(Code::E0201, format!("unknown actor `{}`", s.get()))
        .at(file, s.span(), "no actor has this id in the model at this point of the scenario")
        .maybe_hint(suggestion_hint(s.get(), c.actors.keys().map(ActorId::as_str))))
}

/// An actor related to itself (E0305), at the second mention.
fn to_itself(file: FileId, s: &SpStr, msg: String) -> Diagnostic {
    Diagnostic::new(Code::E0305, msg).at(file, s.span(), "here")
}

fn invalid(file: FileId, s: &SpStr, msg: String) -> Diagnostic {
    Diagnostic::new(Code::E0106, msg).at(file, s.span(), "here")
}

/// Adds a new actor, checking its id is free, its level present and its parent known.
fn add(c: &mut Country, file: FileId, n: &NewActor, provenance: &Provenance) -> Result<ActorId, Diagnostic> {
    let id = ActorId::new(n.id.get());
    if !is_valid_id(id.as_str()) {
        return Err(invalid(file, &n.id, format!("`{id}` is not a valid id (lowercase a-z, 0-9 and _)")));
    }
    if c.actors.contains_key(&id) {
        return Err(Diagnostic::new(Code::E0202, format!("actor id `{id}` exists already")).at(
            file,
            n.id.span(),
            "choose a new id",
        ));
    }
    if !c.has_level(n.level) {
        return Err(Diagnostic::new(Code::E0303, format!("the country has no {} level", n.level)).at(
            file,
            n.id.span(),
            "this actor",
        ));
    }
    let parent = match &n.parent {
        Some(p) => {
            Some(Parent { id: existing(c, file, p)?, relation: n.parent_relation.unwrap_or(RelationType::ReportsTo) })
        }
        None => None,
    };
    c.actors.insert(
        id.clone(),
        Actor {
            id: id.clone(),
            name: n.name.clone(),
            abbr: n.abbr.clone(),
            aliases: Vec::new(),
            kind: n.kind,
            level: n.level,
            parent,
            central: n.central,
            portfolio: n.portfolio.map(Attribute::plain),
            standing: n.standing.map(Attribute::plain),
            participation: n.participation.map(Attribute::plain),
            validity: Validity::default(),
            provenance: provenance.clone(),
        },
    );
    Ok(id)
}

/// Replaces `from` by `to` in every fact (role holdings, relations, parents, strategies,
/// steering, resources), merging duplicates and dropping self-relations it creates.
fn redirect(c: &mut Country, from: &ActorId, to: &ActorId) {
    let swap = |a: &mut ActorId| {
        if a == from {
            *a = to.clone();
        }
    };
    for r in &mut c.roles {
        r.holders.iter_mut().for_each(|h| swap(&mut h.actor));
        let mut seen = Vec::new();
        r.holders.retain(|h| {
            let new = !seen.contains(&h.actor);
            seen.push(h.actor.clone());
            new
        });
    }
    for r in &mut c.relations {
        swap(&mut r.from);
        swap(&mut r.to);
    }
    c.relations.retain(|r| r.from != r.to);
    let mut seen: Vec<(ActorId, RelationType, ActorId)> = Vec::new();
    c.relations.retain(|r| {
        let key = (r.from.clone(), r.kind, r.to.clone());
        let new = !seen.contains(&key);
        seen.push(key);
        new
    });
    for a in c.actors.values_mut() {
        if let Some(p) = &mut a.parent {
            swap(&mut p.id);
        }
    }
    if let Some(a) = c.actors.get_mut(to) {
        if a.parent.as_ref().is_some_and(|p| &p.id == to) {
            a.parent = None;
        }
    }
    for s in &mut c.strategies {
        s.primary_actors.iter_mut().for_each(swap);
        s.primary_actors.dedup();
    }
    for s in &mut c.steering {
        swap(&mut s.actor);
        for cell in &mut s.cells {
            cell.targets.iter_mut().for_each(swap);
            cell.targets.retain(|t| &s.actor != t);
        }
    }
    merge_slides(c);
    for r in &mut c.resources {
        swap(&mut r.actor);
    }
}

/// Two slides of the same actor and sector (after a merge) become one with the union of cells
/// (a cell used on either slide is used on the result).
fn merge_slides(c: &mut Country) {
    sort_canonical(&mut c.steering);
    let mut merged: Vec<Steering> = Vec::new();
    for s in std::mem::take(&mut c.steering) {
        match merged.last_mut() {
            Some(last) if last.actor == s.actor && last.sector == s.sector => {
                for cell in s.cells {
                    match last.cells.iter_mut().find(|x| x.role == cell.role && x.instrument == cell.instrument) {
                        // The union of the facts: a cell either slide uses stays used.
                        Some(x) if cell.used && !x.used => *x = cell,
                        Some(_) => {}
                        None => last.cells.push(cell),
                    }
                }
                last.roles.extend(s.roles);
                last.roles.sort();
                last.roles.dedup();
                sort_canonical(&mut last.cells);
            }
            _ => merged.push(s),
        }
    }
    c.steering = merged;
}

/// Removes `id` and every fact about or naming it.
fn drop_actor(c: &mut Country, id: &ActorId) {
    c.actors.remove(id);
    for a in c.actors.values_mut() {
        if a.parent.as_ref().is_some_and(|p| &p.id == id) {
            a.parent = None;
        }
    }
    c.relations.retain(|r| &r.from != id && &r.to != id);
    for r in &mut c.roles {
        r.holders.retain(|h| &h.actor != id);
    }
    for s in &mut c.strategies {
        s.primary_actors.retain(|a| a != id);
    }
    c.steering.retain(|s| &s.actor != id);
    for s in &mut c.steering {
        for cell in &mut s.cells {
            cell.targets.retain(|t| t != id);
        }
    }
    c.resources.retain(|r| &r.actor != id);
}

/// The provenance of facts a scenario creates: none from the sources, marked as a scenario.
fn scenario_provenance() -> Provenance {
    Provenance { note: Some("created by a scenario".to_string()), ..Default::default() }
}

fn holds(c: &Country, level: Level, role: Role, a: &ActorId) -> bool {
    c.roles.iter().any(|r| {
        r.level == level && r.role == role && r.sector == Sector::General && r.holders.iter().any(|h| &h.actor == a)
    })
}

fn step(c: &mut Country, op: &Op, file: FileId) -> Result<(), Diagnostic> {
    match op {
        Op::AddActor(n) => {
            add(c, file, n, &scenario_provenance())?;
        }
        Op::RemoveActor { actor, transfer_to } => {
            let id = existing(c, file, actor)?;
            if let Some(t) = transfer_to {
                let to = existing(c, file, t)?;
                redirect(c, &id, &to);
            }
            drop_actor(c, &id);
        }
        Op::Rename { actor, name, abbr } => {
            let id = existing(c, file, actor)?;
            if let Some(a) = c.actors.get_mut(&id) {
                for (lang, n) in name.iter() {
                    a.name.insert(lang, n);
                }
                if abbr.is_some() {
                    a.abbr = abbr.clone();
                }
            }
        }
        Op::Succeed { actor, successor, date } => {
            let old = existing(c, file, actor)?;
            let template = c.actors.get(&old).cloned();
            let new = add(c, file, successor, &scenario_provenance())?;
            if let (Some(t), Some(a)) = (template, c.actors.get_mut(&new)) {
                if successor.parent.is_none() {
                    a.parent = t.parent;
                }
                a.central |= t.central;
                a.validity.from = date.map(DateSpec::Day);
            }
            redirect(c, &old, &new);
            drop_actor(c, &old);
        }
        Op::Move { actor, parent, relation } => {
            let id = existing(c, file, actor)?;
            let p = existing(c, file, parent)?;
            if id == p {
                return Err(to_itself(file, parent, format!("`{id}` cannot be its own parent")));
            }
            if !relation.is_hierarchical() {
                return Err(invalid(
                    file,
                    actor,
                    format!("`{relation}` is not a hierarchy relation (reports_to, owned_by, part_of)"),
                ));
            }
            if let Some(a) = c.actors.get_mut(&id) {
                a.parent = Some(Parent { id: p, relation: *relation });
            }
        }
        Op::Merge { actors, into } => {
            let ids: Vec<ActorId> = actors.iter().map(|a| existing(c, file, a)).collect::<Result<_, _>>()?;
            let new = add(c, file, into, &scenario_provenance())?;
            for id in &ids {
                redirect(c, id, &new);
                drop_actor(c, id);
            }
        }
        Op::Split { actor, into, roles } => {
            let old = existing(c, file, actor)?;
            let mut parts = Vec::new();
            for n in into {
                parts.push(add(c, file, n, &scenario_provenance())?);
            }
            for (level, role, to) in roles {
                let target = existing(c, file, to)?;
                if !parts.contains(&target) {
                    return Err(invalid(file, to, format!("`{target}` is not one of the parts of this split")));
                }
                if !holds(c, *level, *role, &old) {
                    return Err(invalid(file, to, format!("`{old}` does not hold {level} x {role}")));
                }
                for r in c.roles.iter_mut().filter(|r| r.level == *level && r.role == *role) {
                    for h in r.holders.iter_mut().filter(|h| h.actor == old) {
                        h.actor = target.clone();
                    }
                }
            }
            if let Some(first) = parts.first().cloned() {
                redirect(c, &old, &first);
            }
            drop_actor(c, &old);
        }
        Op::AssignRole { level, role, actor, qualifier } => {
            let id = existing(c, file, actor)?;
            if !c.has_level(*level) {
                return Err(Diagnostic::new(Code::E0303, format!("the country has no {level} level")).at(
                    file,
                    actor.span(),
                    "here",
                ));
            }
            if holds(c, *level, *role, &id) {
                return Err(invalid(file, actor, format!("`{id}` holds {level} x {role} already")));
            }
            let holder = Holder { actor: id, qualifier: *qualifier };
            match c.roles.iter_mut().find(|r| r.level == *level && r.role == *role && r.sector == Sector::General) {
                Some(r) => r.holders.push(holder),
                None => c.roles.push(RoleEntry {
                    level: *level,
                    role: *role,
                    sector: Sector::General,
                    holders: vec![holder],
                    text: None,
                    validity: Validity::default(),
                    provenance: scenario_provenance(),
                }),
            }
            sort_canonical(&mut c.roles);
        }
        Op::RevokeRole { level, role, actor } => {
            let id = existing(c, file, actor)?;
            if !holds(c, *level, *role, &id) {
                return Err(invalid(file, actor, format!("`{id}` does not hold {level} x {role}")));
            }
            for r in c.roles.iter_mut().filter(|r| r.level == *level && r.role == *role) {
                r.holders.retain(|h| h.actor != id);
            }
        }
        Op::TransferRole { level, role, from, to } => {
            let a = existing(c, file, from)?;
            let b = existing(c, file, to)?;
            if !holds(c, *level, *role, &a) {
                return Err(invalid(file, from, format!("`{a}` does not hold {level} x {role}")));
            }
            let already = holds(c, *level, *role, &b);
            for r in c.roles.iter_mut().filter(|r| r.level == *level && r.role == *role) {
                if already {
                    r.holders.retain(|h| h.actor != a);
                } else {
                    r.holders.iter_mut().filter(|h| h.actor == a).for_each(|h| h.actor = b.clone());
                }
            }
        }
        Op::GrantInstrument { actor, sector, role, instrument, text, target_levels } => {
            let id = existing(c, file, actor)?;
            let slide = match c.steering.iter().position(|s| s.actor == id && s.sector == *sector) {
                Some(i) => i,
                None => {
                    c.steering.push(Steering {
                        actor: id.clone(),
                        sector: *sector,
                        title: None,
                        summary: None,
                        roles: Vec::new(),
                        cells: Vec::new(),
                        validity: Validity::default(),
                        provenance: scenario_provenance(),
                    });
                    c.steering.len() - 1
                }
            };
            if let Some(s) = c.steering.get_mut(slide) {
                match s.cells.iter_mut().find(|x| x.role == *role && x.instrument == *instrument) {
                    Some(cell) if cell.used => {
                        return Err(invalid(file, actor, format!("`{id}` uses {instrument} in {role} already")))
                    }
                    Some(cell) => cell.used = true,
                    None => s.cells.push(SteeringCell {
                        role: *role,
                        instrument: *instrument,
                        used: true,
                        text: text.clone(),
                        source_text: None,
                        targets: Vec::new(),
                        target_levels: target_levels.clone(),
                        provenance: scenario_provenance(),
                    }),
                }
                if !s.roles.contains(role) {
                    s.roles.push(*role);
                    s.roles.sort();
                }
                sort_canonical(&mut s.cells);
            }
            merge_slides(c);
        }
        Op::RevokeInstrument { actor, sector, role, instrument } => {
            let id = existing(c, file, actor)?;
            let cell = c
                .steering
                .iter_mut()
                .filter(|s| s.actor == id && s.sector == *sector)
                .flat_map(|s| s.cells.iter_mut())
                .find(|x| x.role == *role && x.instrument == *instrument && x.used);
            match cell {
                Some(x) => x.used = false,
                None => return Err(invalid(file, actor, format!("`{id}` does not use {instrument} in {role}"))),
            }
        }
        Op::ChangeStrength { actor, sector, role, from, to } => {
            let id = existing(c, file, actor)?;
            let Some(s) = c.steering.iter_mut().find(|s| s.actor == id && s.sector == *sector) else {
                return Err(invalid(file, actor, format!("`{id}` has no {sector} operational steering")));
            };
            if s.cells.iter().any(|x| x.role == *role && x.instrument == *to && x.used) {
                return Err(invalid(file, actor, format!("`{id}` uses {to} in {role} already")));
            }
            if !s.cells.iter().any(|x| x.role == *role && x.instrument == *from && x.used) {
                return Err(invalid(file, actor, format!("`{id}` does not use {from} in {role}")));
            }
            // An unused cell of the new instrument gives way to the changed one.
            s.cells.retain(|x| !(x.role == *role && x.instrument == *to));
            if let Some(cell) = s.cells.iter_mut().find(|x| x.role == *role && x.instrument == *from && x.used) {
                cell.instrument = *to;
            }
            sort_canonical(&mut s.cells);
        }
        Op::AddRelation { from, kind, to, binding } => {
            let a = existing(c, file, from)?;
            let b = existing(c, file, to)?;
            if a == b {
                return Err(to_itself(file, to, format!("relation from `{a}` to itself")));
            }
            if c.edges().any(|(x, k, y)| x == &a && k == *kind && y == &b) {
                return Err(invalid(file, from, format!("`{a} {kind} {b}` holds already")));
            }
            c.relations.push(Relation {
                from: a,
                kind: *kind,
                to: b,
                binding: *binding,
                validity: Validity::default(),
                provenance: scenario_provenance(),
            });
            sort_canonical(&mut c.relations);
        }
        Op::RemoveRelation { from, kind, to } => {
            let a = existing(c, file, from)?;
            let b = existing(c, file, to)?;
            let before = c.relations.len();
            c.relations.retain(|r| !(r.from == a && r.kind == *kind && r.to == b));
            let mut removed = before != c.relations.len();
            if let Some(actor) = c.actors.get_mut(&a) {
                if actor.parent.as_ref().is_some_and(|p| p.id == b && p.relation == *kind) {
                    actor.parent = None;
                    removed = true;
                }
            }
            if !removed {
                return Err(invalid(file, from, format!("there is no relation `{a} {kind} {b}`")));
            }
        }
        Op::SetResources { actor, fte, budget, currency, scope } => {
            let id = existing(c, file, actor)?;
            c.resources.retain(|r| r.actor != id || r.scope != *scope);
            c.resources.push(Resource {
                actor: id,
                fte: fte.map(|v| Quantity { value: Some(v), min: None, max: None, approx: false }),
                budget: budget.map(|v| Money {
                    amount: Quantity { value: Some(v), min: None, max: None, approx: false },
                    currency: currency.clone().unwrap_or_else(|| "EUR".to_string()),
                    scale: Scale::Million,
                }),
                year: None,
                scope: *scope,
                covers: Some("set by a scenario".to_string()),
                provenance: scenario_provenance(),
            });
            sort_canonical(&mut c.resources);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActorId;

    /// A small country: a government, a ministry with the central agency and a registry under it
    /// (the registry with an office); the agency and the registry hold state coordination, the
    /// agency steers it by guidance.
    fn base() -> Country {
        let mut text = String::from(
            r#"
[country]
code = "aa"
name = { en = "Country A" }
languages = ["en"]
source = "t:1"
confidence = "high"
[documents.t]
title = "Test text"
year = 2026
[levels.national]
description = "The government"
source = "t:1"
[levels.state]
description = "Ministries and agencies"
source = "t:1"
[[role]]
level = "state"
role = "coordination"
actors = ["centre", "registry"]
source = "t:1"
[[steering]]
actor = "centre"
sector = "general"
title = "Steering"
roles = ["coordination"]
source = "t:1"
[[steering.cell]]
role = "coordination"
instrument = 5
text = "Guides"
"#,
        );
        for (id, kind, level, parent, central) in [
            ("gov", "government", "national", "", false),
            ("ministry", "ministry", "state", "gov", false),
            ("centre", "agency", "state", "ministry", true),
            ("registry", "agency", "state", "ministry", false),
            ("office", "unit", "state", "registry", false),
        ] {
            let parent = if parent.is_empty() { String::new() } else { format!("parent = \"{parent}\"\n") };
            text += &format!(
                "[[actor]]\nid = \"{id}\"\nname = {{ en = \"{id}\" }}\nkind = \"{kind}\"\nlevel = \"{level}\"\n{parent}central = {central}\nsource = \"t:1\"\n"
            );
        }
        let (c, d, _) = crate::load::load_str("aa", &[("model.toml", &text)]);
        c.unwrap_or_else(|| panic!("{d:#?}"))
    }

    /// `base` after the operations in `ops` (scenario file text after its header).
    fn run(ops: &str) -> Result<Country, Diagnostic> {
        let text = format!("[scenario]\nname = \"t\"\nbase = \"aa\"\n{ops}");
        let s = crate::scenario::parse::parse(0, &text, &crate::load::Limits::default())
            .unwrap_or_else(|d| panic!("{text}\n{d:#?}"));
        apply(&base(), &s, 0)
    }

    fn id(v: &str) -> ActorId {
        ActorId::new(v)
    }

    fn parent(c: &Country, a: &str) -> Option<String> {
        c.actor(&id(a)).and_then(|a| a.parent.as_ref()).map(|p| p.id.to_string())
    }

    fn holders(c: &Country, role: Role) -> Vec<String> {
        c.roles.iter().filter(|r| r.role == role).flat_map(|r| r.holders.iter().map(|h| h.actor.to_string())).collect()
    }

    #[test]
    fn move_gives_a_new_parent_and_refuses_a_cycle() {
        let c = run("[[op]]\nop = \"move\"\nactor = \"registry\"\nparent = \"gov\"\n").unwrap();
        assert_eq!(parent(&c, "registry").as_deref(), Some("gov"));
        assert_eq!(parent(&c, "office").as_deref(), Some("registry"), "children stay with their parent");
        let e = run("[[op]]\nop = \"move\"\nactor = \"registry\"\nparent = \"office\"\n").unwrap_err();
        assert!(e.message.contains("cycle"), "{}", e.message);
    }

    #[test]
    fn unknown_actors_are_refused_with_a_suggestion() {
        let e = run("[[op]]\nop = \"move\"\nactor = \"registri\"\nparent = \"gov\"\n").unwrap_err();
        let text = format!("{} {:?}", e.message, e.hints);
        assert!(text.contains("registri") && text.contains("registry"), "{text}");
    }

    #[test]
    fn a_role_handed_to_a_holder_leaves_one_holding() {
        let c = run(
            "[[op]]\nop = \"transfer_role\"\nlevel = \"state\"\nrole = \"coordination\"\nfrom = \"registry\"\nto = \"centre\"\n",
        )
        .unwrap();
        assert_eq!(holders(&c, Role::Coordination), ["centre"]);
    }

    #[test]
    fn merge_unites_children_and_roles() {
        let c = run(
            "[[op]]\nop = \"merge\"\nactors = [\"centre\", \"registry\"]\n\
             into = { id = \"both\", name = { en = \"Both\" }, kind = \"agency\", level = \"state\", parent = \"ministry\" }\n",
        )
        .unwrap();
        assert!(c.actor(&id("centre")).is_none() && c.actor(&id("registry")).is_none());
        // The new actor is what `into` declares: central only if it says so.
        assert!(c.actor(&id("both")).is_some_and(|a| !a.central));
        assert_eq!(parent(&c, "office").as_deref(), Some("both"));
        assert_eq!(holders(&c, Role::Coordination), ["both"], "two holders become one");
    }

    #[test]
    fn change_strength_needs_the_instrument_in_use() {
        let ok = "[[op]]\nop = \"change_strength\"\nactor = \"centre\"\nrole = \"coordination\"\ninstrument = 5\nnew_instrument = 2\n";
        let c = run(ok).unwrap();
        let used: Vec<Instrument> = c
            .steering
            .iter()
            .flat_map(|s| s.cells.iter().filter(|x| x.used && x.role == Role::Coordination).map(|x| x.instrument))
            .collect();
        assert_eq!(used, [Instrument::Direct]);
        assert!(run(&ok.replace("instrument = 5", "instrument = 3")).is_err(), "indirect is not in use");
    }
}
