//! Validation: the raw files of one model to a [`Country`], as a sequence of named passes.
//!
//! Per file, in the model's file order ([`Validation::add`]):
//! 1. **declarations**: the file's country, documents, levels and actor ids;
//! 2. **facts**: every item is converted, checking vocabulary terms, ids, references, levels,
//!    dates and provenance. A reference to a name no file read so far declares is checked
//!    again at the end, so references resolve whatever file order the author chose.
//!
//! When every file is in ([`Validation::finish`]):
//! 3. **deferred**: the references that waited, and repeated relations;
//! 4. **hierarchy**: cycles in parent / reports_to / owned_by / part_of;
//! 5. **coverage**: warnings about orphan actors, missing names, empty role cells and relations
//!    that repeat a parent link.
//!
//! Every pass reports all it finds; a [`Country`] is returned only when no error was found, so a
//! broken model never reaches a later stage half-read.

use std::collections::BTreeMap;

// Fx hashing: the keys are ids from the model, and SipHash was the largest single cost of
// validating a 100k-actor model (lookups only; nothing is iterated into output).
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

use chrono::NaiveDate;
use compact_str::CompactString;

use super::raw::*;
use crate::diagnostic::{suggestion_hint, Code, Diagnostic, FileId};
use crate::model::*;

/// One parsed file with the id diagnostics use for it.
#[derive(Debug, Clone)]
pub struct ParsedFile {
    /// The file's id in the [`crate::diagnostic::SourceDb`].
    pub file: FileId,
    /// What it holds.
    pub raw: RawFile,
}

/// Validates the parsed files of one model (named `model` in messages) into a [`Country`].
pub fn validate(model: &str, files: Vec<ParsedFile>) -> (Option<Country>, Vec<Diagnostic>) {
    let mut v = Validation::default();
    for f in files {
        v.add(f);
    }
    v.finish(model)
}

/// Validation fed one file at a time, in the model's file order, so a large model never holds
/// all of its parsed files at once: each file's declarations and facts go into the model as it
/// arrives and its parsed form is dropped. A reference to something a later file declares (an
/// actor, a document, a level) is checked again when every file is in, so the result and the
/// diagnostics do not depend on the file order.
#[derive(Default)]
pub struct Validation {
    v: Validator,
    c: Country,
}

impl Validation {
    /// Validates the next file of the model.
    pub fn add(&mut self, f: ParsedFile) {
        self.v.declare(f.file, &f.raw, &mut self.c);
        self.v.facts(f.file, &f.raw, &mut self.c);
    }

    /// Runs the checks that need the whole model; returns the country when no error was found.
    pub fn finish(self, model: &str) -> (Option<Country>, Vec<Diagnostic>) {
        let Self { mut v, mut c } = self;
        if v.country_origin.is_none() {
            v.push(
                Diagnostic::new(Code::E0301, format!("model `{model}` has no [country] table"))
                    .with_path(model.to_string())
                    .hint("add [country] with code, name and languages to one of the model's files"),
            );
        }
        v.deferred(&mut c);
        for (level, p) in std::mem::take(&mut v.periods) {
            if let Some(l) = c.levels.get_mut(&level) {
                l.periods.push(p);
            }
        }
        for l in c.levels.values_mut() {
            l.periods.sort_by_key(|p| p.validity.from.map(|d| d.first_day()));
        }
        let origins = sort_country(&mut c, std::mem::take(&mut v.relation_origins));
        v.duplicate_relations(&mut c, origins);
        v.hierarchy(&c);
        v.coverage(&c);
        let ok = v.errors == 0 && v.country_origin.is_some();
        (ok.then_some(c), v.diags)
    }
}

/// Sorts every collection by its stable key, so output does not depend on file order. The
/// relations keep where each was stated (`origins`, in the order they were pushed); returns
/// those in the sorted order. The sort is stable, so repeated relations stay in file order.
fn sort_country(c: &mut Country, origins: Vec<Origin>) -> Vec<Origin> {
    let mut rel: Vec<(Relation, Origin)> = std::mem::take(&mut c.relations).into_iter().zip(origins).collect();
    rel.sort_by(|(a, _), (b, _)| crate::model::Canonical::canonical_cmp(a, b));
    let (relations, origins) = rel.into_iter().unzip();
    c.relations = relations;
    c.normalize();
    origins
}

/// Where something was first defined, for "first defined here" labels.
type Origin = (FileId, Range<usize>);

/// A check that waits for every file: the name was not declared by the files read so far.
enum Deferred {
    Actor(FileId, Range<usize>, ActorId),
    Document(FileId, Range<usize>, CompactString),
    Level(FileId, Range<usize>, Level),
}

#[derive(Default)]
struct Validator {
    diags: Vec<Diagnostic>,
    errors: usize,
    /// Where the [country] table that counts is.
    country_origin: Option<Origin>,
    /// Document id -> where it is defined.
    documents: BTreeMap<String, Origin>,
    /// Actor id -> where it is defined. The lookup tables are hash maps: nothing is output in
    /// their order (suggestions break ties by name, diagnostics are sorted).
    actor_ids: HashMap<ActorId, Origin>,
    /// Lowercased abbreviation -> actor id, so `DIGST` can suggest `digst`.
    abbreviations: HashMap<String, ActorId>,
    levels: BTreeMap<Level, bool>,
    level_origin: BTreeMap<Level, Origin>,
    /// Where each relation in the model was stated, in the order they were pushed.
    relation_origins: Vec<Origin>,
    /// References to names no file read so far declares.
    deferred: Vec<Deferred>,
    /// Level periods, attached to their levels when every file is in.
    periods: Vec<(Level, LevelPeriod)>,
}

impl Validator {
    fn push(&mut self, d: Diagnostic) {
        if d.severity() == crate::diagnostic::Severity::Error {
            self.errors += 1;
        }
        self.diags.push(d);
    }

    // ---- pass 1: declarations -------------------------------------------------------------

    /// Declares the country, documents, levels and actor ids of one file.
    fn declare(&mut self, file: FileId, raw: &RawFile, country: &mut Country) {
        for (id, doc) in &raw.documents {
            let key = id.get().clone();
            if let Some(first) = self.documents.get(&key) {
                self.push(twice(format!("document `{key}`"), "defined", (file, id.span()), first));
                continue;
            }
            self.check_id(file, id, "document");
            if let Some(f) = doc.get().file.as_ref().filter(|f| !is_plain_file_name(f)) {
                self.push(
                    Diagnostic::new(Code::E0106, format!("document file `{f}` is not a plain file name"))
                        .at(file, id.span(), "this document's `file`")
                        .hint("name a file in the models' sources/ directory, without a directory part"),
                );
            }
            let kind = doc
                .get()
                .kind
                .as_ref()
                .and_then(|k| self.term::<DocumentKind>(file, k))
                .unwrap_or(DocumentKind::Report);
            let d = doc.get();
            if kind == DocumentKind::Web {
                for (missing, what) in [(d.url.is_none(), "url"), (d.accessed.is_none(), "accessed")] {
                    if missing {
                        self.push(
                            Diagnostic::new(Code::E0104, format!("web document `{key}` needs `{what}`"))
                                .at(file, id.span(), "this document")
                                .hint("a web source gives url, title, publisher, published and accessed (the date it was read)"),
                        );
                    }
                }
            }
            if let Some(u) =
                d.url.as_ref().filter(|u| !(u.get().starts_with("https://") || u.get().starts_with("http://")))
            {
                self.push(Diagnostic::new(Code::E0106, format!("`{}` is not a web address", u.get())).at(
                    file,
                    u.span(),
                    "expected https://... or http://...",
                ));
            }
            let published = d.published.as_ref().and_then(|x| self.date(file, x));
            let accessed = d.accessed.as_ref().and_then(|x| self.date(file, x));
            let language = d.language.as_ref().and_then(|l| self.term::<Lang>(file, l));
            country.documents.insert(
                key.clone(),
                Document {
                    id: key.clone(),
                    file: d.file.clone(),
                    title: d.title.clone(),
                    publisher: d.publisher.clone(),
                    year: d.year,
                    kind,
                    url: d.url.as_ref().map(|u| u.get().clone()),
                    published,
                    accessed,
                    language,
                },
            );
            self.documents.insert(key, (file, id.span()));
        }
        for (key, level) in &raw.levels {
            let Some(l) = self.term::<Level>(file, key) else { continue };
            if let Some(first) = self.level_origin.get(&l) {
                self.push(twice(format!("level `{l}`"), "described", (file, key.span()), first));
                continue;
            }
            self.level_origin.insert(l, (file, key.span()));
            self.levels.insert(l, level.get().present.unwrap_or(true));
        }
        for a in &raw.actor {
            let id = &a.get().id;
            let key = ActorId::new(id.get());
            if let Some(first) = self.actor_ids.get(&key) {
                let d = twice(format!("actor id `{}`", id.get()), "defined", (file, id.span()), first);
                self.push(d.hint("ids are unique per country, across all files of the model"));
                continue;
            }
            if let Some(abbr) = &a.get().abbr {
                self.abbreviations.entry(abbr.to_lowercase()).or_insert_with(|| key.clone());
            }
            self.actor_ids.insert(key, (file, id.span()));
        }
        // The header is converted after the file's documents are declared, so its sources
        // resolve without waiting.
        if let Some(c) = &raw.country {
            let span = header_span(c.span());
            if let Some(first) = &self.country_origin {
                self.push(twice("the [country] table".into(), "defined", (file, span), first));
            } else {
                self.country_origin = Some((file, span));
                self.country_header(file, c, country);
            }
        }
    }

    /// Checks the deferred references now that every file is declared, and drops from the
    /// model what a failed one would have kept out had it been reported at once (so the later
    /// passes see the same model whatever the file order).
    fn deferred(&mut self, c: &mut Country) {
        let mut unknown_actors: HashSet<ActorId> = HashSet::default();
        let mut bad_level = false;
        for d in std::mem::take(&mut self.deferred) {
            match d {
                Deferred::Actor(file, span, id) if !self.actor_ids.contains_key(&id) => {
                    self.unknown_actor(file, span, id.as_str());
                    unknown_actors.insert(id);
                }
                Deferred::Document(file, span, doc) if !self.documents.contains_key(doc.as_str()) => {
                    self.unknown_document(file, span, &doc);
                }
                Deferred::Level(file, span, level) if self.levels.get(&level) != Some(&true) => {
                    self.level_error(file, span, level);
                    bad_level = true;
                }
                _ => {}
            }
        }
        if !unknown_actors.is_empty() {
            let known = |id: &ActorId| !unknown_actors.contains(id);
            let origins = std::mem::take(&mut self.relation_origins);
            (c.relations, self.relation_origins) = std::mem::take(&mut c.relations)
                .into_iter()
                .zip(origins)
                .filter(|(r, _)| known(&r.from) && known(&r.to))
                .unzip();
            for a in c.actors.values_mut() {
                a.parent = a.parent.take().filter(|p| known(&p.id));
            }
            for r in &mut c.roles {
                r.holders.retain(|h| known(&h.actor));
            }
            for s in &mut c.strategies {
                s.primary_actors.retain(known);
            }
            c.steering.retain(|s| known(&s.actor));
            for cell in c.steering.iter_mut().flat_map(|s| s.cells.iter_mut()) {
                cell.targets.retain(known);
            }
            c.resources.retain(|r| known(&r.actor));
        }
        if bad_level {
            let present = |l: &Level| self.levels.get(l) == Some(&true);
            c.actors.retain(|_, a| present(&a.level));
            c.roles.retain(|r| present(&r.level));
            c.strategies.retain(|s| present(&s.level));
            for cell in c.steering.iter_mut().flat_map(|s| s.cells.iter_mut()) {
                cell.target_levels.retain(present);
            }
        }
    }

    fn country_header(&mut self, file: FileId, c: &Sp<RawCountry>, country: &mut Country) {
        let raw = c.get();
        let code = raw.code.get();
        if code.len() != 2 || !code.chars().all(|ch| ch.is_ascii_lowercase()) {
            self.push(Diagnostic::new(Code::E0106, format!("country code `{code}` is not two lowercase letters")).at(
                file,
                raw.code.span(),
                "expected e.g. `dk`, `se`, `fi`, `no`",
            ));
        }
        country.code = code.clone();
        country.name = self.names(file, &raw.name);
        country.languages = raw.languages.iter().filter_map(|l| self.term::<Lang>(file, l)).collect();
        if country.languages.is_empty() {
            self.push(
                Diagnostic::new(Code::E0106, "a country needs at least one native language")
                    .at(file, raw.code.span(), "in this [country] table")
                    .hint("add languages = [\"da\"] (or sv, fi, nb)"),
            );
        }
        country.reference_date = raw.reference_date.as_ref().and_then(|d| self.date(file, d));
        country.provenance = self.provenance(file, raw, raw.code.span());
        country.population = raw.population.as_ref().map(|p| {
            let raw_p = p.get();
            Figure {
                value: raw_p.value,
                date: raw_p.date.as_ref().and_then(|d| self.date(file, d)),
                provenance: self.provenance(file, raw_p, header_span(p.span())),
            }
        });
    }

    // ---- pass 2: facts --------------------------------------------------------------------

    fn facts(&mut self, file: FileId, raw: &RawFile, c: &mut Country) {
        for (key, level) in &raw.levels {
            let Some(l) = Level::from_key(key.get()) else { continue };
            if self.level_origin.get(&l) != Some(&(file, key.span())) {
                continue;
            }
            let r = level.get();
            c.levels.insert(
                l,
                LevelInfo {
                    level: l,
                    present: r.present.unwrap_or(true),
                    description: r.description.clone(),
                    units: r.units,
                    unit_name: r.unit_name.clone(),
                    character: r.character.as_ref().and_then(|a| self.attribute(file, a)),
                    provenance: self.provenance(file, r, key.span()),
                    periods: Vec::new(),
                },
            );
        }
        for p in &raw.level_period {
            let r = p.get();
            let Some(level) = self.level(file, &r.level) else { continue };
            let validity = self.validity(file, r);
            if validity.is_always() {
                self.push(
                    Diagnostic::new(Code::E0104, "a level period needs `valid_from` or `valid_to`")
                        .at(file, r.level.span(), "this period")
                        .hint("give the dates the period's facts held, e.g. valid_from = 2020-01-01"),
                );
            }
            let period = LevelPeriod {
                validity,
                description: r.description.clone(),
                units: r.units,
                unit_name: r.unit_name.clone(),
                character: r.character.as_ref().and_then(|a| self.attribute(file, a)),
                provenance: self.provenance(file, r, r.level.span()),
            };
            self.periods.push((level, period));
        }
        for a in &raw.actor {
            self.actor(file, a, c);
        }
        for r in &raw.relation {
            let rr = r.get();
            let from = self.actor_ref(file, &rr.from);
            let to = self.actor_ref(file, &rr.to);
            let kind = self.term::<RelationType>(file, &rr.kind);
            let validity = self.validity(file, rr);
            let provenance = self.provenance(file, rr, rr.from.span());
            let binding = rr.binding.as_ref().is_some_and(|b| *b.get());
            if let (Some(b), Some(k)) = (&rr.binding, kind) {
                if k != RelationType::AgreementWith {
                    self.push(
                        Diagnostic::new(Code::E0106, format!("`binding` applies to agreement_with, not to {k}"))
                            .at(file, b.span(), "on this relation")
                            .hint("remove `binding`, or make the relation an agreement_with"),
                    );
                }
            }
            if let (Some(from), Some(kind), Some(to)) = (from, kind, to) {
                self.relation(file, rr.from.span(), Relation { from, kind, to, binding, validity, provenance }, c);
            }
        }
        for r in &raw.role {
            self.role(file, r.get(), c);
        }
        for s in &raw.strategy {
            let s = s.get();
            let level = self.level(file, &s.level);
            let sector = self.sector(file, s.sector.as_ref());
            let primary_actors = s.primary_actors.iter().filter_map(|a| self.actor_ref(file, a)).collect();
            let mut instruments: Vec<Instrument> =
                s.instruments.iter().filter_map(|i| self.instrument(file, i)).collect();
            instruments.sort();
            instruments.dedup();
            let validity = self.validity(file, s);
            let provenance = self.provenance(file, s, s.level.span());
            if let Some(level) = level {
                c.strategies.push(Strategy {
                    level,
                    sector,
                    primary_actors,
                    documents: s
                        .documents
                        .iter()
                        .map(|d| StrategyDocument {
                            title: d.title.clone(),
                            years: d.years.clone(),
                            kind: d.kind.as_ref().and_then(|k| self.term::<StrategyKind>(file, k)),
                            in_force: d.in_force.unwrap_or(true),
                        })
                        .collect(),
                    instruments,
                    text: s.text.clone(),
                    validity,
                    provenance,
                });
            }
        }
        for s in &raw.steering {
            self.steering(file, s.get(), c);
        }
        for r in &raw.resource {
            self.resource(file, r.get(), c);
        }
        for r in &raw.exchange_rate {
            let rr = r.get();
            let currency = self.currency(file, &rr.currency);
            if !(rr.eur.is_finite() && rr.eur > 0.0) {
                self.push(
                    Diagnostic::new(Code::E0106, format!("exchange rate {} is not a positive number", rr.eur)).at(
                        file,
                        rr.currency.span(),
                        "for this currency",
                    ),
                );
            }
            let provenance = self.provenance(file, rr, rr.currency.span());
            c.exchange_rates.push(ExchangeRate { currency, eur: rr.eur, year: rr.year, provenance });
        }
        for e in &raw.experience {
            let ee = e.get();
            let polarity = self.term::<Polarity>(file, &ee.polarity);
            let theme = self.term::<Theme>(file, &ee.theme);
            let sector = self.sector(file, ee.sector.as_ref());
            let provenance = self.provenance(file, ee, ee.polarity.span());
            if let (Some(polarity), Some(theme)) = (polarity, theme) {
                c.experiences.push(Experience { polarity, theme, sector, text: ee.text.clone(), provenance });
            }
        }
        for f in &raw.finding {
            let ff = f.get();
            let kind = self.term::<FindingKind>(file, &ff.kind);
            let provenance = self.provenance(file, ff, ff.kind.span());
            if let Some(kind) = kind {
                c.findings.push(Finding { kind, topic: ff.topic.clone(), text: ff.text.clone(), provenance });
            }
        }
    }

    fn actor(&mut self, file: FileId, a: &Sp<RawActor>, c: &mut Country) {
        let r = a.get();
        if self.actor_ids.get(&ActorId::new(r.id.get())) != Some(&(file, r.id.span())) {
            return; // a duplicate, already reported
        }
        let id_ok = self.check_id(file, &r.id, "actor");
        let kind = self.term::<ActorKind>(file, &r.kind);
        let level = self.level(file, &r.level);
        let name = self.names(file, &r.name);
        let parent = r.parent.as_ref().and_then(|p| {
            if p.get() == r.id.get() {
                self.push(Diagnostic::new(Code::E0305, format!("actor `{}` is its own parent", r.id.get())).at(
                    file,
                    p.span(),
                    "points back at the actor",
                ));
                return None;
            }
            self.actor_ref(file, p)
        });
        let parent_relation = match &r.parent_relation {
            None => Some(RelationType::ReportsTo),
            Some(t) => match self.term::<RelationType>(file, t) {
                Some(rt) if rt.is_hierarchical() => Some(rt),
                Some(rt) => {
                    self.push(
                        Diagnostic::new(Code::E0106, format!("parent_relation `{rt}` is not a hierarchical relation"))
                            .at(file, t.span(), "expected reports_to, owned_by or part_of")
                            .hint("state other relations under [[relation]]"),
                    );
                    None
                }
                None => None,
            },
        };
        let validity = self.validity(file, r);
        let provenance = self.provenance(file, r, r.id.span());
        for m in &r.member_of {
            if let Some(to) = self.actor_ref(file, m) {
                let from = ActorId::new(r.id.get());
                if from == to {
                    self.push(Diagnostic::new(Code::E0305, format!("actor `{from}` is a member of itself")).at(
                        file,
                        m.span(),
                        "points back at the actor",
                    ));
                    continue;
                }
                let rel = Relation {
                    from,
                    kind: RelationType::MemberOf,
                    to,
                    binding: false,
                    validity: Validity::default(),
                    provenance: provenance.clone(),
                };
                self.relation(file, m.span(), rel, c);
            }
        }
        let portfolio = self.kind_attribute::<Portfolio>(
            file,
            r.portfolio.as_ref(),
            kind,
            &[ActorKind::Ministry, ActorKind::Government],
        );
        let councils = [ActorKind::Forum, ActorKind::Council];
        let standing = self.kind_attribute::<Standing>(file, r.standing.as_ref(), kind, &councils);
        let participation = self.kind_attribute::<Participation>(file, r.participation.as_ref(), kind, &councils);
        if let (true, Some(kind), Some(level)) = (id_ok, kind, level) {
            let id = ActorId::new(r.id.get());
            c.actors.insert(
                id.clone(),
                Actor {
                    id,
                    name,
                    abbr: r.abbr.clone(),
                    aliases: r.aliases.clone(),
                    kind,
                    level,
                    parent: parent.zip(parent_relation).map(|(id, relation)| Parent { id, relation }),
                    central: r.central.unwrap_or(false),
                    portfolio,
                    standing,
                    participation,
                    validity,
                    provenance,
                },
            );
        }
    }

    fn relation(&mut self, file: FileId, span: Range<usize>, rel: Relation, c: &mut Country) {
        if rel.from == rel.to {
            self.push(Diagnostic::new(Code::E0305, format!("relation from `{}` to itself", rel.from)).at(
                file,
                span,
                "`from` and `to` are the same actor",
            ));
            return;
        }
        self.relation_origins.push((file, span));
        c.relations.push(rel);
    }

    /// Drops repeated relations from the sorted model (`origins` aligned with
    /// `c.relations`), warning at each repetition, and keeps the origins of the rest.
    fn duplicate_relations(&mut self, c: &mut Country, origins: Vec<Origin>) {
        let mut kept: Vec<(Relation, Origin)> = Vec::with_capacity(c.relations.len());
        for (rel, (file, span)) in std::mem::take(&mut c.relations).into_iter().zip(origins) {
            if let Some((first, (pf, ps))) = kept.last() {
                if (&first.from, first.kind, &first.to) == (&rel.from, rel.kind, &rel.to) {
                    let d = Diagnostic::new(
                        Code::W0406,
                        format!("relation `{} {} {}` is stated twice", rel.from, rel.kind, rel.to),
                    )
                    .at(file, span, "stated again here")
                    .also(*pf, ps.clone(), "first stated here")
                    .hint("keep one statement and list both sources on it");
                    self.push(d);
                    continue;
                }
            }
            kept.push((rel, (file, span)));
        }
        (c.relations, self.relation_origins) = kept.into_iter().unzip();
    }

    fn role(&mut self, file: FileId, r: &RawRole, c: &mut Country) {
        let level = self.level(file, &r.level);
        let role = self.term::<Role>(file, &r.role);
        let sector = self.sector(file, r.sector.as_ref());
        let mut holders = Vec::new();
        for a in &r.actors {
            if let Some(actor) = self.actor_ref(file, a) {
                holders.push(Holder { actor, qualifier: None });
            }
        }
        for (who, q) in &r.qualifiers {
            let q = self.term::<Qualifier>(file, q);
            match holders.iter_mut().find(|h| h.actor.as_str() == who.get()) {
                Some(h) => h.qualifier = q,
                None if r.actors.iter().any(|a| a.get() == who.get()) => {} // unknown actor, already reported
                None => self.push(
                    Diagnostic::new(
                        Code::E0106,
                        format!("qualifier for `{}`, which is not among this cell's actors", who.get()),
                    )
                    .at(file, who.span(), "not listed in `actors`")
                    .maybe_hint(suggestion_hint(who.get(), r.actors.iter().map(|a| a.get().as_str()))),
                ),
            }
        }
        let validity = self.validity(file, r);
        let provenance = self.provenance(file, r, r.level.span());
        if let (Some(level), Some(role)) = (level, role) {
            c.roles.push(RoleEntry { level, role, sector, holders, text: r.text.clone(), validity, provenance });
        }
    }

    fn steering(&mut self, file: FileId, s: &RawSteering, c: &mut Country) {
        let actor = self.actor_ref(file, &s.actor);
        let sector = self.sector(file, s.sector.as_ref());
        let roles: Vec<Role> = s.roles.iter().filter_map(|r| self.term::<Role>(file, r)).collect();
        let mut cells = Vec::new();
        let mut seen: BTreeMap<(Role, Instrument), Range<usize>> = BTreeMap::new();
        for cell in &s.cell {
            let role = self.term::<Role>(file, &cell.role);
            let instrument = self.instrument(file, &cell.instrument);
            let targets = cell.targets.iter().filter_map(|t| self.actor_ref(file, t)).collect();
            let target_levels = cell.target_levels.iter().filter_map(|l| self.level(file, l)).collect();
            let provenance = self.provenance(file, cell, cell.role.span());
            let (Some(role), Some(instrument)) = (role, instrument) else { continue };
            if let Some(first) = seen.get(&(role, instrument)) {
                let first = first.clone();
                self.push(
                    Diagnostic::new(Code::E0202, format!("cell {role} x {instrument} is filled twice on this slide"))
                        .at(file, cell.role.span(), "filled again here")
                        .also(file, first, "first filled here")
                        .hint("merge the two descriptions into one cell"),
                );
                continue;
            }
            seen.insert((role, instrument), cell.role.span());
            cells.push(SteeringCell {
                role,
                instrument,
                used: cell.used.unwrap_or(true),
                text: cell.text.clone(),
                source_text: cell.source_text.clone(),
                targets,
                target_levels,
                provenance,
            });
        }
        cells.sort_by_key(|c| (c.role, c.instrument));
        let validity = self.validity(file, s);
        let provenance = self.provenance(file, s, s.actor.span());
        if let Some(actor) = actor {
            c.steering.push(Steering {
                actor,
                sector,
                title: s.title.clone(),
                summary: s.summary.clone(),
                roles,
                cells,
                validity,
                provenance,
            });
        }
    }

    fn resource(&mut self, file: FileId, r: &RawResource, c: &mut Country) {
        let actor = self.actor_ref(file, &r.actor);
        let fte = r.fte.as_ref().and_then(|q| {
            let t = match q.get() {
                QuantityValue::Number(n) => QuantityTable { value: Some(*n), ..Default::default() },
                QuantityValue::Table(t) => t.clone(),
            };
            self.quantity(file, q.span(), &t)
        });
        let budget = r.budget.as_ref().and_then(|b| {
            let m = b.get();
            let amount = self.quantity(
                file,
                b.span(),
                &QuantityTable { value: m.value, min: m.min, max: m.max, approx: m.approx },
            );
            let currency = self.currency(file, &m.currency);
            let scale = self.term::<Scale>(file, &m.scale);
            Some(Money { amount: amount?, currency, scale: scale? })
        });
        if r.fte.is_none() && r.budget.is_none() {
            self.push(Diagnostic::new(Code::E0104, "a resource needs `fte` or `budget`").at(
                file,
                r.actor.span(),
                "this resource states neither",
            ));
        }
        let scope = r.scope.as_ref().and_then(|s| self.term::<ResourceScope>(file, s)).unwrap_or(ResourceScope::Whole);
        let provenance = self.provenance(file, r, r.actor.span());
        if let Some(actor) = actor {
            c.resources.push(Resource {
                actor,
                fte,
                budget,
                year: r.year,
                scope,
                covers: r.covers.clone(),
                provenance,
            });
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    fn check_id(&mut self, file: FileId, id: &SpStr, what: &str) -> bool {
        if is_valid_id(id.get()) {
            return true;
        }
        let fixed: String =
            id.get().to_lowercase().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
        self.push(
            Diagnostic::new(Code::E0106, format!("{what} id `{}` is not a valid id", id.get()))
                .at(file, id.span(), "ids use lowercase a-z, 0-9 and _, and start with a letter")
                .maybe_hint(is_valid_id(&fixed).then(|| format!("try `{fixed}`"))),
        );
        false
    }

    /// Looks a vocabulary term up, reporting E0105 with a suggestion when it is unknown.
    fn term<V: Vocabulary>(&mut self, file: FileId, s: &SpStr) -> Option<V> {
        match lookup_term::<V>(file, s) {
            Ok(t) => Some(t),
            Err(d) => {
                self.push(d);
                None
            }
        }
    }

    /// A level term that must also be one the country has. Whether it has it is known only
    /// when every file is in, so the check is deferred unless the level is already declared
    /// present; a level declared absent keeps the fact out at once.
    fn level(&mut self, file: FileId, s: &SpStr) -> Option<Level> {
        let l = self.term::<Level>(file, s)?;
        let present = self.levels.get(&l).copied();
        if present != Some(true) {
            self.deferred.push(Deferred::Level(file, s.span(), l));
        }
        (present != Some(false)).then_some(l)
    }

    fn level_error(&mut self, file: FileId, span: Range<usize>, l: Level) {
        let have: Vec<&str> = self.levels.iter().filter(|(_, p)| **p).map(|(l, _)| l.key()).collect();
        let why =
            if self.levels.contains_key(&l) { "is marked as not present" } else { "is not described under [levels]" };
        let mut d = Diagnostic::new(Code::E0303, format!("level `{l}` {why} in this country"))
            .at(file, span, "placed at a level the country does not have")
            .hint(format!("the country's levels are: {}", have.join(", ")));
        if let Some((lf, ls)) = self.level_origin.get(&l) {
            d = d.also(*lf, ls.clone(), "the level is described here");
        }
        self.push(d);
    }

    /// An attribute's term, with its own provenance when written as a table.
    fn attribute<V: Vocabulary>(&mut self, file: FileId, a: &Sp<RawAttribute>) -> Option<Attribute<V>> {
        match a.get() {
            RawAttribute::Plain(t) => {
                let term = Sp(serde_spanned::Spanned::new(a.span(), t.clone()));
                self.term::<V>(file, &term).map(Attribute::plain)
            }
            RawAttribute::Sourced(t) => {
                let value = self.term::<V>(file, &t.value)?;
                let provenance = self.provenance(file, t, t.value.span());
                Some(Attribute { value, provenance: Some(Box::new(provenance)) })
            }
        }
    }

    /// An actor attribute that only some kinds of actor take (a portfolio is a ministry's):
    /// E0106 on another kind.
    fn kind_attribute<V: Vocabulary>(
        &mut self,
        file: FileId,
        a: Option<&Sp<RawAttribute>>,
        kind: Option<ActorKind>,
        kinds: &[ActorKind],
    ) -> Option<Attribute<V>> {
        let a = a?;
        if let Some(k) = kind.filter(|k| !kinds.contains(k)) {
            let allowed: Vec<&str> = kinds.iter().map(|k| k.key()).collect();
            self.push(
                Diagnostic::new(
                    Code::E0106,
                    format!("a {} applies to a {}, not to a {k}", V::NAME, allowed.join(" or ")),
                )
                .at(file, a.span(), "on this actor")
                .hint(format!("remove it, or give the actor kind {}", allowed.join(" or "))),
            );
            return None;
        }
        self.attribute(file, a)
    }

    fn sector(&mut self, file: FileId, s: Option<&SpStr>) -> Sector {
        s.and_then(|s| self.term::<Sector>(file, s)).unwrap_or(Sector::General)
    }

    fn instrument(&mut self, file: FileId, v: &Sp<InstrumentValue>) -> Option<Instrument> {
        match v.get() {
            InstrumentValue::Strength(n) => {
                let i = Instrument::from_strength(*n);
                if i.is_none() {
                    self.push(
                        Diagnostic::new(Code::E0105, format!("unknown instrument `{n}`"))
                            .at(file, v.span(), "instruments run from 1 (strongest) to 5 (softest)")
                            .hint("expected 1-5 or one of: economic, direct, indirect, standards, guidance"),
                    );
                }
                i
            }
            InstrumentValue::Name(n) => {
                self.term::<Instrument>(file, &Sp(serde_spanned::Spanned::new(v.span(), n.clone())))
            }
        }
    }

    /// An actor reference; one to an id no file read so far declares is checked again at the
    /// end (E0201).
    fn actor_ref(&mut self, file: FileId, s: &SpStr) -> Option<ActorId> {
        let id = ActorId::new(s.get());
        if !self.actor_ids.contains_key(&id) {
            self.deferred.push(Deferred::Actor(file, s.span(), id.clone()));
        }
        Some(id)
    }

    /// Reports E0201 with a suggestion: the abbreviation's actor, else the closest id.
    fn unknown_actor(&mut self, file: FileId, span: Range<usize>, id: &str) {
        let hint = self
            .abbreviations
            .get(&id.to_lowercase())
            .map(|a| format!("did you mean `{a}`? (`{id}` is its abbreviation; references use ids)"))
            .or_else(|| suggestion_hint(id, self.actor_ids.keys().map(ActorId::as_str)));
        self.push(
            Diagnostic::new(Code::E0201, format!("unknown actor `{id}`"))
                .at(file, span, "no actor has this id")
                .maybe_hint(hint),
        );
    }

    /// Reports E0203 with the closest document id.
    fn unknown_document(&mut self, file: FileId, span: Range<usize>, doc: &str) {
        let hint = suggestion_hint(doc, self.documents.keys().map(String::as_str));
        self.push(
            Diagnostic::new(Code::E0203, format!("unknown document `{doc}`"))
                .at(file, span, "not declared under [documents]")
                .maybe_hint(hint),
        );
    }

    fn names(&mut self, file: FileId, raw: &RawNames) -> Names {
        let mut names = Names::default();
        for (lang, name) in &raw.0 {
            if let Some(l) = self.term::<Lang>(file, lang) {
                names.insert(l, name.clone());
            }
        }
        names
    }

    fn currency(&mut self, file: FileId, s: &SpStr) -> String {
        let c = s.get();
        if !is_currency_code(c) {
            self.push(Diagnostic::new(Code::E0106, format!("currency `{c}` is not an ISO 4217 code")).at(
                file,
                s.span(),
                "expected three capital letters, e.g. EUR, DKK, SEK, NOK",
            ));
        }
        c.clone()
    }

    fn quantity(&mut self, file: FileId, span: Range<usize>, t: &QuantityTable) -> Option<Quantity> {
        let nums = [t.value, t.min, t.max];
        if nums.iter().all(Option::is_none) {
            self.push(Diagnostic::new(Code::E0104, "a figure needs `value`, or `min` and/or `max`").at(
                file,
                span,
                "no number here",
            ));
            return None;
        }
        if nums.iter().flatten().any(|n| !is_valid_figure(*n)) {
            self.push(Diagnostic::new(Code::E0106, "figures must be finite and not negative").at(file, span, "here"));
            return None;
        }
        if let (Some(a), Some(b)) = (t.min, t.max) {
            if a > b {
                self.push(
                    Diagnostic::new(Code::E0106, format!("range {a}..{b} has min above max")).at(file, span, "here"),
                );
                return None;
            }
        }
        Some(Quantity { value: t.value, min: t.min, max: t.max, approx: t.approx })
    }

    fn date(&mut self, file: FileId, d: &Sp<DateValue>) -> Option<DateSpec> {
        let parsed = match d.get() {
            DateValue::Year(y) => i32::try_from(*y).ok().filter(|y| (1000..=9999).contains(y)).map(DateSpec::Year),
            DateValue::Month(m) => parse_month(m),
            DateValue::Date(dt) => match (dt.date, dt.time) {
                (Some(date), None) => {
                    NaiveDate::from_ymd_opt(i32::from(date.year), u32::from(date.month), u32::from(date.day))
                        .map(DateSpec::Day)
                }
                _ => None,
            },
        };
        if parsed.is_none() {
            self.push(Diagnostic::new(Code::E0106, "not a valid date").at(
                file,
                d.span(),
                "expected a date like 2020-01-01, a month like \"2022-12\" or a four-digit year",
            ));
        }
        parsed
    }

    fn validity<T: RawDated>(&mut self, file: FileId, item: &T) -> Validity {
        let (from_raw, to_raw) = item.validity_fields();
        let from = from_raw.and_then(|d| self.date(file, d));
        let to = to_raw.and_then(|d| self.date(file, d));
        if let (Some(f), Some(t), Some(fs), Some(ts)) = (from, to, from_raw, to_raw) {
            if t.last_day() < f.first_day() {
                self.push(
                    Diagnostic::new(Code::E0304, format!("valid_to ({t}) is before valid_from ({f})"))
                        .at(file, ts.span(), "ends here")
                        .also(file, fs.span(), "starts here"),
                );
            }
        }
        Validity { from, to }
    }

    /// Converts provenance fields, warning (W0403/W0404) at `anchor` when the source or
    /// confidence is missing.
    fn provenance<T: RawFact>(&mut self, file: FileId, item: &T, anchor: Range<usize>) -> Provenance {
        let fields = item.provenance_fields();
        let mut sources = Vec::new();
        if let Some(s) = fields.source {
            for (text, span) in s.get().items(s.span()) {
                if let Some(r) = self.source_ref(file, &text, span) {
                    sources.push(r);
                }
            }
        }
        let confidence = fields.confidence.and_then(|c| self.term::<Confidence>(file, c));
        if fields.source.is_none() {
            self.push(
                Diagnostic::new(Code::W0403, "fact without a source")
                    .at(file, anchor, "no `source` on this fact")
                    .hint("add source = \"DOCUMENT:LINES\""),
            );
        } else if fields.confidence.is_none() {
            self.push(
                Diagnostic::new(Code::W0404, "fact without a confidence")
                    .at(file, anchor, "no `confidence` on this fact")
                    .hint("add confidence = \"high\", \"medium\" or \"low\""),
            );
        }
        Provenance { sources, confidence, reconstructed: fields.reconstructed, note: fields.note.map(str::to_string) }
    }

    fn source_ref(&mut self, file: FileId, text: &str, span: Range<usize>) -> Option<SourceRef> {
        match SourceRef::parse(text) {
            Ok(r) => {
                if !self.documents.contains_key(r.document.as_str()) {
                    self.deferred.push(Deferred::Document(file, span.clone(), r.document.as_str().into()));
                }
                Some(r)
            }
            Err(SourceRefError::EmptySection) => {
                self.push(
                    Diagnostic::new(Code::E0106, "empty section after `#`")
                        .at(file, span, "in this source reference")
                        .hint("write DOCUMENT#SECTION, e.g. digst_about#Organisation"),
                );
                None
            }
            Err(SourceRefError::BadLines(part)) => {
                self.push(
                    Diagnostic::new(Code::E0106, format!("`{part}` is not a line or line range"))
                        .at(file, span, "in this source reference")
                        .hint("write DOCUMENT:LINES, e.g. nordic2017:2333-2479 or nordic2017:178,365"),
                );
                None
            }
        }
    }

    // ---- pass 3: hierarchy ------------------------------------------------------------------

    fn hierarchy(&mut self, c: &Country) {
        for members in hierarchy_cycles(c) {
            let mut d = Diagnostic::new(
                Code::E0302,
                format!(
                    "the hierarchy has a cycle through {}",
                    members.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ")
                ),
            )
            .hint("a body cannot be above itself: remove or redirect one parent, reports_to, owned_by or part_of link");
            for (i, m) in members.iter().enumerate() {
                if let Some((f, s)) = self.actor_ids.get(m) {
                    d = if i == 0 {
                        d.at(*f, s.clone(), "part of the cycle")
                    } else {
                        d.also(*f, s.clone(), "part of the cycle")
                    };
                }
            }
            self.push(d);
        }
    }

    // ---- pass 4: coverage -------------------------------------------------------------------

    fn coverage(&mut self, c: &Country) {
        let mut used: HashSet<&ActorId> = HashSet::default();
        for (from, _, to) in c.edges() {
            used.insert(from);
            used.insert(to);
        }
        for r in &c.roles {
            used.extend(r.holders.iter().map(|h| &h.actor));
        }
        for s in &c.strategies {
            used.extend(s.primary_actors.iter());
        }
        for s in &c.steering {
            used.insert(&s.actor);
            for cell in &s.cells {
                used.extend(cell.targets.iter());
            }
        }
        used.extend(c.resources.iter().map(|r| &r.actor));
        // Names are checked here, not as each actor is read, because the native language is
        // known only once the [country] table is, whichever file holds it.
        let wanted: Vec<Lang> = std::iter::once(Lang::En).chain(c.languages.first().copied()).collect();
        for (id, a) in &c.actors {
            let missing: Vec<&str> = wanted.iter().filter(|l| a.name.get(**l).is_none()).map(|l| l.key()).collect();
            if let (false, Some((f, s))) = (missing.is_empty(), self.actor_ids.get(id)) {
                let d = Diagnostic::new(Code::W0405, format!("actor `{id}` has no name in {}", missing.join(" or ")))
                    .at(*f, s.clone(), "this actor")
                    .hint(format!("add name = {{ {} = \"...\" }}", missing.join(" = \"...\", ")));
                self.push(d);
            }
        }
        for id in c.actors.keys() {
            if !used.contains(id) {
                if let Some((f, s)) = self.actor_ids.get(id) {
                    let (f, s) = (*f, s.clone());
                    self.push(
                        Diagnostic::new(Code::W0401, format!("actor `{id}` takes part in nothing"))
                            .at(f, s, "in no role cell, relation, steering, strategy or resource")
                            .hint("add the facts that connect it, or remove it"),
                    );
                }
            }
        }
        // Walk the sorted relations, not the hash map, so the order is stable.
        for (r, (f, span)) in c.relations.iter().zip(&self.relation_origins) {
            let repeats_parent = c
                .actors
                .get(&r.from)
                .and_then(|a| a.parent.as_ref())
                .is_some_and(|p| p.id == r.to && p.relation == r.kind);
            if repeats_parent {
                let d = Diagnostic::new(
                    Code::W0406,
                    format!("relation `{} {} {}` repeats the actor's parent link", r.from, r.kind, r.to),
                )
                .at(*f, span.clone(), "already stated by `parent`");
                self.diags.push(d);
            }
        }
        for (level, role) in c.empty_role_cells() {
            if let Some((f, s)) = self.level_origin.get(&level) {
                let (f, s) = (*f, s.clone());
                self.push(
                    Diagnostic::new(Code::W0402, format!("role cell {level} x {role} is empty"))
                        .at(f, s, "this level has no holder for the role")
                        .hint(format!(
                            "add [[role]] with level = \"{level}\", role = \"{role}\" and the actors that hold it"
                        )),
                );
            }
        }
    }
}

/// Checks the model as it stood on `date` (`c` is already the dated view): a role cell left
/// empty on that date is a gap in the dating (an actor ended with no successor entered), reported
/// as W0402 for the model named `model`.
pub fn check_as_of(model: &str, c: &Country, date: NaiveDate) -> Vec<Diagnostic> {
    c.empty_role_cells()
        .into_iter()
        .map(|(level, role)| {
            Diagnostic::new(Code::W0402, format!("role cell {level} x {role} of `{model}` is empty on {date}"))
                .with_path(model.to_string())
                .hint("an actor that held the cell ended without a successor entry; add a dated [[role]] entry")
        })
        .collect()
}

/// Looks a vocabulary term up, or explains (E0105, with a suggestion) why it is not one.
pub fn lookup_term<V: Vocabulary>(file: FileId, s: &SpStr) -> Result<V, Diagnostic> {
    V::from_key(s.get()).ok_or_else(|| {
        let keys = V::keys();
        Diagnostic::new(Code::E0105, format!("unknown {} `{}`", V::NAME, s.get()))
            .at(file, s.span(), format!("not a {}", V::NAME))
            .maybe_hint(suggestion_hint(s.get(), keys.iter().copied()))
            .hint(format!("expected one of: {}", keys.join(", ")))
    })
}

/// The cycles of the organisational hierarchy (parent links and reports_to, owned_by,
/// part_of), each as its sorted members.
pub fn hierarchy_cycles(c: &Country) -> Vec<Vec<ActorId>> {
    use petgraph::graphmap::DiGraphMap;
    let mut g: DiGraphMap<&str, ()> = DiGraphMap::new();
    for id in c.actors.keys() {
        g.add_node(id.as_str());
    }
    for (from, kind, to) in c.edges() {
        if kind.is_hierarchical() {
            g.add_edge(from.as_str(), to.as_str(), ());
        }
    }
    let mut cycles: Vec<Vec<ActorId>> = petgraph::algo::tarjan_scc(&g)
        .into_iter()
        .filter(|scc| scc.len() > 1)
        .map(|scc| {
            let mut m: Vec<ActorId> = scc.into_iter().map(ActorId::new).collect();
            m.sort();
            m
        })
        .collect();
    cycles.sort();
    cycles
}

/// A month written `YYYY-MM` (1000-9999, 01-12).
pub fn parse_month(s: &str) -> Option<DateSpec> {
    let (y, m) = s.split_once('-')?;
    if y.len() != 4 || m.len() != 2 || !y.chars().chain(m.chars()).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
    ((1000..=9999).contains(&y) && (1..=12).contains(&m)).then_some(DateSpec::Month(y, m))
}

/// E0202: `what` is `verb` (defined, described) a second time at `again`, first at `first`.
fn twice(what: String, verb: &str, again: Origin, first: &Origin) -> Diagnostic {
    Diagnostic::new(Code::E0202, format!("{what} is {verb} twice"))
        .at(again.0, again.1, format!("{verb} again here"))
        .also(first.0, first.1.clone(), format!("first {verb} here"))
}

/// The first line of a table's span, so a label underlines the header, not the whole table.
fn header_span(span: Range<usize>) -> Range<usize> {
    span.start..span.start
}
