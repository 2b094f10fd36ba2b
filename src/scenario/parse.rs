//! Reading a scenario file: `[scenario]` and the `[[op]]` list, with the same diagnostics as
//! model files (syntax, unknown keys, unknown terms with suggestions, missing keys): the values
//! an operation shares with a model (terms, names, instruments, dates, currencies) go through
//! [`crate::load::check`], as the model's do.

use crate::load::raw::RawNames;

use serde::{Deserialize, Serialize};
use serde_spanned::Spanned;
use toml::de::{DeTable, ValueDeserializer};

use super::{NewActor, Op, Scenario, OPS};
use crate::diagnostic::{suggestion_hint, Code, Diagnostic, FileId};
use crate::load::check::{serde_error, syntax_errors, Check};
use crate::load::raw::{DateValue, InstrumentValue, Sp, SpStr};
use crate::load::Limits;
use crate::model::{
    is_valid_figure, ActorKind, Level, Participation, Portfolio, Qualifier, RelationType, ResourceScope, Role,
    Standing, Vocabulary,
};

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHeader {
    pub(super) name: String,
    pub(super) base: SpStr,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) as_of: Option<Sp<DateValue>>,
    #[serde(default)]
    pub(super) rationale: String,
    #[serde(default)]
    pub(super) sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) copies: Vec<SpStr>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) dimensions: Vec<SpStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) reproduces: Option<Sp<DateValue>>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNewActor {
    pub(super) id: SpStr,
    pub(super) name: RawNames,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) abbr: Option<String>,
    pub(super) kind: SpStr,
    pub(super) level: SpStr,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) parent: Option<SpStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) parent_relation: Option<SpStr>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(super) central: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) portfolio: Option<SpStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) standing: Option<SpStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) participation: Option<SpStr>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAssign {
    pub(super) level: SpStr,
    pub(super) role: SpStr,
    pub(super) to: SpStr,
}

/// Every key any operation takes; which ones an operation needs is checked per operation.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOp {
    pub(super) op: SpStr,
    /// A comment for readers of the scenario; nordgov does not use it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) actor: Option<SpStr>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) actors: Vec<SpStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) transfer_to: Option<SpStr>,
    #[serde(default, skip_serializing_if = "no_names")]
    pub(super) name: RawNames,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) abbr: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) id: Option<SpStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) kind: Option<SpStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) level: Option<SpStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) central: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) successor: Option<RawNewActor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) date: Option<Sp<DateValue>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) parent: Option<SpStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) relation: Option<SpStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) into: Option<RawNewActor>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) parts: Vec<RawNewActor>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) assign: Vec<RawAssign>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) role: Option<SpStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) qualifier: Option<SpStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) from: Option<SpStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) to: Option<SpStr>,
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "type")]
    pub(super) relation_type: Option<SpStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) sector: Option<SpStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) instrument: Option<Sp<InstrumentValue>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) new_instrument: Option<Sp<InstrumentValue>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) text: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) target_levels: Vec<SpStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) fte: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) budget: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) currency: Option<SpStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) scope: Option<SpStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) binding: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) portfolio: Option<SpStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) standing: Option<SpStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) participation: Option<SpStr>,
}

/// Whether no name is given, so a printed operation leaves `name` out.
fn no_names(n: &RawNames) -> bool {
    n.0.is_empty()
}

/// Reads a scenario file. Returns the scenario, or every problem found. More than
/// `limits.max_ops` operations is an error found before any is read.
pub fn parse(file: FileId, text: &str, limits: &Limits) -> Result<Scenario, Vec<Diagnostic>> {
    let (doc, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        return Err(syntax_errors(file, errors));
    }
    let mut diags = Vec::new();
    let mut header: Option<RawHeader> = None;
    let mut ops = Vec::new();
    let doc_span = doc.span();
    for (key, value) in doc.into_inner() {
        match key.get_ref().as_ref() {
            "scenario" => {
                let span = value.span();
                match RawHeader::deserialize(ValueDeserializer::from(value)) {
                    Ok(h) => header = Some(h),
                    Err(e) => diags.push(serde_error(file, &e, span)),
                }
            }
            "op" => match value.into_inner() {
                toml::de::DeValue::Array(items) if items.len() > limits.max_ops => {
                    let at = items.get(limits.max_ops).map_or(key.span(), |i| i.span().start..i.span().start);
                    diags.push(
                        Diagnostic::new(
                            Code::E0108,
                            format!("the scenario has {} operations; the limit is {}", items.len(), limits.max_ops),
                        )
                        .at(file, at, "this operation is over the limit")
                        .hint("raise the limit with --max-ops if the scenario is genuine"),
                    );
                }
                toml::de::DeValue::Array(items) => {
                    for item in items {
                        let span = item.span();
                        match RawOp::deserialize(ValueDeserializer::from(item)) {
                            Ok(raw) => match convert(file, &raw) {
                                Ok(op) => ops.push(Sp(Spanned::new(span.start..span.start, op))),
                                Err(d) => diags.extend(d),
                            },
                            Err(e) => diags.push(serde_error(file, &e, span)),
                        }
                    }
                }
                _ => diags.push(Diagnostic::new(Code::E0103, "`op` must be an array of tables ([[op]])").at(
                    file,
                    key.span(),
                    "here",
                )),
            },
            other => diags.push(
                Diagnostic::new(Code::E0102, format!("unknown top-level key `{other}`"))
                    .at(file, key.span(), "not part of the scenario format")
                    .maybe_hint(suggestion_hint(other, ["scenario", "op"]))
                    .hint("a scenario file has [scenario] and [[op]] tables"),
            ),
        }
    }
    let Some(h) = header else {
        diags.push(Diagnostic::new(Code::E0104, "a scenario needs a [scenario] table with name and base").at(
            file,
            doc_span.start..doc_span.start,
            "here",
        ));
        return Err(diags);
    };
    let mut ck = Check { file, diags: &mut diags };
    let as_of = h.as_of.as_ref().and_then(|d| ck.day(d));
    let reproduces = h.reproduces.as_ref().and_then(|d| ck.day(d));
    let keys = crate::analysis::dimensions::Dimension::keys();
    let mut dimensions = Vec::new();
    for d in &h.dimensions {
        match crate::analysis::dimensions::Dimension::from_key(d.get()) {
            Some(dim) => dimensions.push(dim),
            None => diags.push(
                Diagnostic::new(Code::E0105, format!("unknown dimension `{}`", d.get()))
                    .at(file, d.span(), "not a governance dimension")
                    .maybe_hint(suggestion_hint(d.get(), keys.iter().copied()))
                    .hint(format!("dimensions: {}", keys.join(", "))),
            ),
        }
    }
    for c in &h.copies {
        Check { file, diags: &mut diags }.country_code(c);
    }
    if !h.copies.is_empty() && dimensions.is_empty() && h.dimensions.is_empty() {
        diags.push(
            Diagnostic::new(Code::E0104, "a scenario that `copies` a country needs `dimensions`")
                .at(file, h.copies.first().map_or(0..0, |c| c.span()), "copies named here")
                .hint("name the dimensions the copied arrangement belongs to, e.g. dimensions = [\"local_steering\"]"),
        );
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    Ok(Scenario {
        name: h.name,
        base: h.base,
        as_of,
        rationale: h.rationale,
        sources: h.sources,
        copies: h.copies.iter().map(|c| c.get().clone()).collect(),
        dimensions,
        reproduces,
        ops,
    })
}

/// Collects conversion problems so one operation reports all of them.
struct Conv<'a> {
    file: FileId,
    op: &'a SpStr,
    diags: Vec<Diagnostic>,
}

impl Conv<'_> {
    /// The shared value checks, reporting into this operation's diagnostics.
    fn ck(&mut self) -> Check<'_> {
        Check { file: self.file, diags: &mut self.diags }
    }

    fn need<'b, T>(&mut self, v: &'b Option<T>, key: &str) -> Option<&'b T> {
        if v.is_none() {
            self.diags.push(Diagnostic::new(Code::E0104, format!("operation `{}` needs `{key}`", self.op.get())).at(
                self.file,
                self.op.span(),
                "this operation",
            ));
        }
        v.as_ref()
    }

    fn new_actor(&mut self, r: &RawNewActor) -> Option<NewActor> {
        let kind = self.ck().term::<ActorKind>(&r.kind);
        let level = self.ck().level(&r.level);
        let name = self.ck().names(&r.name);
        let portfolio = r.portfolio.as_ref().and_then(|t| self.ck().term::<Portfolio>(t));
        let standing = r.standing.as_ref().and_then(|t| self.ck().term::<Standing>(t));
        let participation = r.participation.as_ref().and_then(|t| self.ck().term::<Participation>(t));
        // Absent, the operation keeps the default (or the replaced actor's) relation.
        let parent_relation = r.parent_relation.as_ref().and_then(|t| self.ck().parent_relation(Some(t)));
        Some(NewActor {
            id: r.id.clone(),
            name,
            abbr: r.abbr.clone(),
            kind: kind?,
            level: level?,
            parent: r.parent.clone(),
            parent_relation,
            central: r.central,
            portfolio,
            standing,
            participation,
        })
    }
}

fn convert(file: FileId, r: &RawOp) -> Result<Op, Vec<Diagnostic>> {
    let mut c = Conv { file, op: &r.op, diags: Vec::new() };
    let op = match r.op.get().as_str() {
        "add_actor" => {
            let raw = RawNewActor {
                id: c.need(&r.id, "id").cloned().unwrap_or_else(|| r.op.clone()),
                name: r.name.clone(),
                abbr: r.abbr.clone(),
                kind: c.need(&r.kind, "kind").cloned().unwrap_or_else(|| r.op.clone()),
                level: c.need(&r.level, "level").cloned().unwrap_or_else(|| r.op.clone()),
                parent: r.parent.clone(),
                // As in `move`, `relation` says how the actor hangs under its parent.
                parent_relation: r.relation.clone(),
                central: r.central.unwrap_or(false),
                portfolio: r.portfolio.clone(),
                standing: r.standing.clone(),
                participation: r.participation.clone(),
            };
            if c.diags.is_empty() {
                c.new_actor(&raw).map(Op::AddActor)
            } else {
                None
            }
        }
        "remove_actor" => c
            .need(&r.actor, "actor")
            .cloned()
            .map(|actor| Op::RemoveActor { actor, transfer_to: r.transfer_to.clone() }),
        "rename" => {
            let name = c.ck().names(&r.name);
            c.need(&r.actor, "actor").cloned().map(|actor| Op::Rename { actor, name, abbr: r.abbr.clone() })
        }
        "succeed" => {
            let actor = c.need(&r.actor, "actor").cloned();
            let successor = c.need(&r.successor, "successor").cloned().and_then(|s| c.new_actor(&s));
            let when = r.date.as_ref().and_then(|d| c.ck().day(d));
            actor.zip(successor).map(|(actor, successor)| Op::Succeed { actor, successor, date: when })
        }
        "move" => {
            let relation =
                r.relation.as_ref().and_then(|x| c.ck().term::<RelationType>(x)).unwrap_or(RelationType::ReportsTo);
            let actor = c.need(&r.actor, "actor").cloned();
            let parent = c.need(&r.parent, "parent").cloned();
            actor.zip(parent).map(|(actor, parent)| Op::Move { actor, parent, relation })
        }
        "merge" => {
            let into = c.need(&r.into, "into").cloned().and_then(|i| c.new_actor(&i));
            if r.actors.len() < 2 {
                c.diags.push(Diagnostic::new(Code::E0106, "merge needs at least two `actors`").at(
                    file,
                    r.op.span(),
                    "this operation",
                ));
            }
            into.map(|into| Op::Merge { actors: r.actors.clone(), into })
        }
        "split" => {
            let actor = c.need(&r.actor, "actor").cloned();
            let parts: Vec<NewActor> = r.parts.iter().filter_map(|p| c.new_actor(p)).collect();
            if r.parts.len() < 2 {
                c.diags.push(Diagnostic::new(Code::E0106, "split needs at least two `parts`").at(
                    file,
                    r.op.span(),
                    "this operation",
                ));
            }
            let roles: Vec<(Level, Role, SpStr)> = r
                .assign
                .iter()
                .filter_map(|a| Some((c.ck().level(&a.level)?, c.ck().term::<Role>(&a.role)?, a.to.clone())))
                .collect();
            actor.map(|actor| Op::Split { actor, into: parts, roles })
        }
        name @ ("assign_role" | "revoke_role" | "transfer_role") => {
            let level = c.need(&r.level, "level").cloned().and_then(|l| c.ck().level(&l));
            let role = c.need(&r.role, "role").cloned().and_then(|x| c.ck().term::<Role>(&x));
            let qualifier = r.qualifier.as_ref().and_then(|q| c.ck().term::<Qualifier>(q));
            match name {
                "assign_role" => {
                    let actor = c.need(&r.actor, "actor").cloned();
                    level.zip(role).zip(actor).map(|((level, role), actor)| Op::AssignRole {
                        level,
                        role,
                        actor,
                        qualifier,
                    })
                }
                "revoke_role" => {
                    let actor = c.need(&r.actor, "actor").cloned();
                    level.zip(role).zip(actor).map(|((level, role), actor)| Op::RevokeRole { level, role, actor })
                }
                _ => {
                    let from = c.need(&r.from, "from").cloned();
                    let to = c.need(&r.to, "to").cloned();
                    level.zip(role).zip(from.zip(to)).map(|((level, role), (from, to))| Op::TransferRole {
                        level,
                        role,
                        from,
                        to,
                    })
                }
            }
        }
        name @ ("grant_instrument" | "revoke_instrument" | "change_strength") => {
            let actor = c.need(&r.actor, "actor").cloned();
            let role = c.need(&r.role, "role").cloned().and_then(|x| c.ck().term::<Role>(&x));
            let instrument = c.need(&r.instrument, "instrument").cloned().and_then(|i| c.ck().instrument(&i));
            let sector = c.ck().sector(r.sector.as_ref());
            match name {
                "grant_instrument" => {
                    let target_levels: Vec<Level> = r.target_levels.iter().filter_map(|l| c.ck().level(l)).collect();
                    actor.zip(role).zip(instrument).map(|((actor, role), instrument)| Op::GrantInstrument {
                        actor,
                        sector,
                        role,
                        instrument,
                        text: r.text.clone(),
                        target_levels,
                    })
                }
                "revoke_instrument" => actor
                    .zip(role)
                    .zip(instrument)
                    .map(|((actor, role), instrument)| Op::RevokeInstrument { actor, sector, role, instrument }),
                _ => {
                    let to = c.need(&r.new_instrument, "new_instrument").cloned().and_then(|i| c.ck().instrument(&i));
                    actor.zip(role).zip(instrument.zip(to)).map(|((actor, role), (from, to))| Op::ChangeStrength {
                        actor,
                        sector,
                        role,
                        from,
                        to,
                    })
                }
            }
        }
        name @ ("add_relation" | "remove_relation") => {
            let from = c.need(&r.from, "from").cloned();
            let to = c.need(&r.to, "to").cloned();
            let kind = c.need(&r.relation_type, "type").cloned().and_then(|k| c.ck().term::<RelationType>(&k));
            let binding = r.binding.unwrap_or(false);
            if binding && (name != "add_relation" || kind.is_some_and(|k| k != RelationType::AgreementWith)) {
                c.diags.push(Diagnostic::new(Code::E0106, "`binding` applies to an added agreement_with relation").at(
                    file,
                    r.op.span(),
                    "this operation",
                ));
            }
            from.zip(kind).zip(to).map(|((from, kind), to)| {
                if name == "add_relation" {
                    Op::AddRelation { from, kind, to, binding }
                } else {
                    Op::RemoveRelation { from, kind, to }
                }
            })
        }
        "set_resources" => {
            if r.fte.is_none() && r.budget.is_none() {
                c.diags.push(Diagnostic::new(Code::E0104, "set_resources needs `fte` or `budget`").at(
                    file,
                    r.op.span(),
                    "this operation",
                ));
            }
            // The same rules as a model's resources, so an applied scenario always loads.
            if [r.fte, r.budget].into_iter().flatten().any(|v| !is_valid_figure(v)) {
                c.diags.push(Diagnostic::new(Code::E0106, "figures must be finite and not negative").at(
                    file,
                    r.op.span(),
                    "in this operation",
                ));
            }
            if let Some(cur) = &r.currency {
                c.ck().currency(cur);
            }
            let scope = r.scope.as_ref().and_then(|x| c.ck().term::<ResourceScope>(x)).unwrap_or(ResourceScope::Whole);
            c.need(&r.actor, "actor").cloned().map(|actor| Op::SetResources {
                actor,
                fte: r.fte,
                budget: r.budget,
                currency: r.currency.as_ref().map(|cur| cur.get().clone()),
                scope,
            })
        }
        other => {
            c.diags.push(
                Diagnostic::new(Code::E0105, format!("unknown operation `{other}`"))
                    .at(file, r.op.span(), "not an operation")
                    .maybe_hint(suggestion_hint(other, OPS.iter().copied()))
                    .hint(format!("operations: {}", OPS.join(", "))),
            );
            None
        }
    };
    match op {
        Some(op) if c.diags.is_empty() => Ok(op),
        _ => Err(c.diags),
    }
}
