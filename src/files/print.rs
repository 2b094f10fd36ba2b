//! The model printer: a [`Country`] back to model files, so that models built in code (the
//! synthetic generator, an applied scenario) become directories every command can read.
//!
//! The printer goes through the same raw types the loader reads, so what it writes is by
//! construction in the format the loader accepts; `load(print(model)) == model` is tested.

use crate::load::raw::*;
use crate::model::*;

/// The `#:schema` line that gives editors completion, relative to a model directory inside the
/// models root.
pub const SCHEMA_LINE: &str = "#:schema ../nordgov.schema.json";

/// The model as files: `(file name, text)` pairs, one file per part of the model; the
/// serialiser's error if any item cannot be written (none is dropped silently).
///
/// Each array item is serialised on its own and the pieces joined: the TOML serialiser copies
/// its whole buffer when it finishes a table, which made printing a 100k-actor model quadratic.
pub fn files(c: &Country) -> Result<Vec<(String, String)>, toml::ser::Error> {
    let header = RawFile {
        country: Some(Sp::new(country(c))),
        levels: c.levels.values().map(|l| (Sp::new(l.level.key().to_string()), Sp::new(level(l)))).collect(),
        level_period: c
            .levels
            .values()
            .flat_map(|l| l.periods.iter().map(move |p| Sp::new(level_period(l.level, p))))
            .collect(),
        documents: c.documents.values().map(|d| (Sp::new(d.id.clone()), Sp::new(document(d)))).collect(),
        ..Default::default()
    };
    let parts: Vec<(&str, Vec<RawFile>)> = vec![
        ("country.toml", vec![header]),
        ("actors.toml", each(c.actors.values(), |a| RawFile { actor: vec![Sp::new(actor(a))], ..Default::default() })),
        (
            "relations.toml",
            each(c.relations.iter(), |r| RawFile { relation: vec![Sp::new(relation(r))], ..Default::default() }),
        ),
        ("roles.toml", each(c.roles.iter(), |r| RawFile { role: vec![Sp::new(role(r))], ..Default::default() })),
        (
            "steering.toml",
            each(c.strategies.iter(), |s| RawFile { strategy: vec![Sp::new(strategy(s))], ..Default::default() })
                .into_iter()
                .chain(each(c.steering.iter(), |s| RawFile {
                    steering: vec![Sp::new(steering(s))],
                    ..Default::default()
                }))
                .collect(),
        ),
        (
            "resources.toml",
            each(c.resources.iter(), |r| RawFile { resource: vec![Sp::new(resource(r))], ..Default::default() })
                .into_iter()
                .chain(each(c.exchange_rates.iter(), |r| RawFile {
                    exchange_rate: vec![Sp::new(rate(r))],
                    ..Default::default()
                }))
                .collect(),
        ),
        (
            "findings.toml",
            each(c.experiences.iter(), |e| RawFile { experience: vec![Sp::new(experience(e))], ..Default::default() })
                .into_iter()
                .chain(each(c.findings.iter(), |f| RawFile {
                    finding: vec![Sp::new(finding(f))],
                    ..Default::default()
                }))
                .collect(),
        ),
    ];
    parts
        .into_iter()
        .filter(|(_, chunks)| chunks.iter().any(|c| !is_empty(c)))
        .flat_map(|(name, chunks)| {
            // A large model is split into files of at most ITEMS_PER_FILE items (actors.toml,
            // actors-2.toml, ...), so every file stays far below the loader's size limit and
            // each file's parse tree is small.
            let stem = name.trim_end_matches(".toml").to_string();
            chunks
                .chunks(ITEMS_PER_FILE)
                .enumerate()
                .map(|(i, part)| {
                    let file = if i == 0 { format!("{stem}.toml") } else { format!("{stem}-{}.toml", i + 1) };
                    Ok((file, file_text(part)?))
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The text of one model file holding `items` (each a one-item raw file), after the schema
/// line; the serialiser's error if an item cannot be written.
pub fn file_text(items: &[RawFile]) -> Result<String, toml::ser::Error> {
    let body = items.iter().map(toml::to_string).collect::<Result<Vec<String>, _>>()?;
    Ok(format!("{SCHEMA_LINE}\n\n{}", body.join("\n")))
}

/// The most items (actors, relations, ...) printed into one model file.
pub const ITEMS_PER_FILE: usize = 10_000;

/// One single-item file per element, to be serialised separately.
fn each<T>(items: impl Iterator<Item = T>, wrap: impl Fn(T) -> RawFile) -> Vec<RawFile> {
    items.map(wrap).collect()
}

fn is_empty(r: &RawFile) -> bool {
    r.country.is_none()
        && r.levels.is_empty()
        && r.level_period.is_empty()
        && r.documents.is_empty()
        && r.actor.is_empty()
        && r.relation.is_empty()
        && r.role.is_empty()
        && r.strategy.is_empty()
        && r.steering.is_empty()
        && r.resource.is_empty()
        && r.exchange_rate.is_empty()
        && r.experience.is_empty()
        && r.finding.is_empty()
}

/// A text value without a span (printing makes values, it does not read them).
pub(crate) fn s(v: impl Into<String>) -> SpStr {
    Sp::new(v.into())
}

/// A vocabulary term by its key.
pub(crate) fn term<V: Vocabulary>(v: V) -> SpStr {
    s(v.key())
}

/// Names per language.
pub(crate) fn names(n: &Names) -> RawNames {
    RawNames(n.iter().map(|(l, v)| (term(l), v.to_string())).collect())
}

/// A date to its precision: a year, a month or a day.
pub(crate) fn date(d: DateSpec) -> Sp<DateValue> {
    Sp::new(match d {
        DateSpec::Year(y) => DateValue::Year(i64::from(y)),
        DateSpec::Month(..) => DateValue::Month(d.to_string()),
        DateSpec::Day(day) => DateValue::Date(day.to_string().parse().unwrap_or(toml::value::Datetime {
            date: None,
            time: None,
            offset: None,
        })),
    })
}

/// The provenance fields in raw form: (source, confidence, reconstructed, note).
type RawProv = (Option<Sp<Sources>>, Option<SpStr>, Option<bool>, Option<String>);

fn prov(p: &Provenance) -> RawProv {
    let refs: Vec<String> = p.sources.iter().map(ToString::to_string).collect();
    (Sources::from_refs(refs), p.confidence.map(term), p.reconstructed.then_some(true), p.note.clone())
}

fn validity(v: &Validity) -> (Option<Sp<DateValue>>, Option<Sp<DateValue>>) {
    (v.from.map(date), v.to.map(date))
}

fn country(c: &Country) -> RawCountry {
    let (source, confidence, reconstructed, note) = prov(&c.provenance);
    RawCountry {
        code: s(c.code.clone()),
        name: names(&c.name),
        languages: c.languages.iter().map(|l| term(*l)).collect(),
        reference_date: c.reference_date.map(date),
        population: c.population.as_ref().map(|p| {
            let (source, confidence, reconstructed, note) = prov(&p.provenance);
            Sp::new(RawFigure { value: p.value, date: p.date.map(date), source, confidence, reconstructed, note })
        }),
        source,
        confidence,
        reconstructed,
        note,
    }
}

/// An attribute in raw form: the bare term, or a table when it has its own provenance.
fn attribute<V: Vocabulary>(a: &Attribute<V>) -> Sp<RawAttribute> {
    Sp::new(match &a.provenance {
        None => RawAttribute::Plain(a.value.key().to_string()),
        Some(p) => {
            let (source, confidence, reconstructed, note) = prov(p);
            RawAttribute::Sourced(RawSourcedTerm { value: term(a.value), source, confidence, reconstructed, note })
        }
    })
}

fn level_period(level: Level, p: &LevelPeriod) -> RawLevelPeriod {
    let (source, confidence, reconstructed, note) = prov(&p.provenance);
    let (valid_from, valid_to) = validity(&p.validity);
    RawLevelPeriod {
        level: term(level),
        description: p.description.clone(),
        units: p.units,
        unit_name: p.unit_name.clone(),
        character: p.character.as_ref().map(attribute),
        source,
        confidence,
        reconstructed,
        note,
        valid_from,
        valid_to,
    }
}

fn level(l: &LevelInfo) -> RawLevel {
    let (source, confidence, reconstructed, note) = prov(&l.provenance);
    RawLevel {
        present: (!l.present).then_some(false),
        description: l.description.clone(),
        units: l.units,
        unit_name: l.unit_name.clone(),
        character: l.character.as_ref().map(attribute),
        source,
        confidence,
        reconstructed,
        note,
    }
}

fn document(d: &Document) -> RawDocument {
    RawDocument {
        file: d.file.clone(),
        title: d.title.clone(),
        publisher: d.publisher.clone(),
        year: d.year,
        kind: (d.kind != DocumentKind::Report).then(|| term(d.kind)),
        url: d.url.clone().map(s),
        published: d.published.map(date),
        accessed: d.accessed.map(date),
        language: d.language.map(term),
    }
}

/// An actor in raw form, as a model file states it.
pub fn actor(a: &Actor) -> RawActor {
    let (source, confidence, reconstructed, note) = prov(&a.provenance);
    let (valid_from, valid_to) = validity(&a.validity);
    RawActor {
        id: s(a.id.as_str()),
        name: names(&a.name),
        abbr: a.abbr.clone(),
        aliases: a.aliases.clone(),
        kind: term(a.kind),
        level: term(a.level),
        parent: a.parent.as_ref().map(|p| s(p.id.as_str())),
        parent_relation: a.parent.as_ref().filter(|p| p.relation != RelationType::ReportsTo).map(|p| term(p.relation)),
        member_of: Vec::new(),
        central: a.central.then_some(true),
        portfolio: a.portfolio.as_ref().map(attribute),
        standing: a.standing.as_ref().map(attribute),
        participation: a.participation.as_ref().map(attribute),
        source,
        confidence,
        reconstructed,
        note,
        valid_from,
        valid_to,
    }
}

fn relation(r: &Relation) -> RawRelation {
    let (source, confidence, reconstructed, note) = prov(&r.provenance);
    let (valid_from, valid_to) = validity(&r.validity);
    RawRelation {
        from: s(r.from.as_str()),
        kind: term(r.kind),
        to: s(r.to.as_str()),
        binding: r.binding.then(|| Sp::new(true)),
        source,
        confidence,
        reconstructed,
        note,
        valid_from,
        valid_to,
    }
}

fn sector(sec: Sector) -> Option<SpStr> {
    (sec != Sector::General).then(|| term(sec))
}

fn role(r: &RoleEntry) -> RawRole {
    let (source, confidence, reconstructed, note) = prov(&r.provenance);
    let (valid_from, valid_to) = validity(&r.validity);
    RawRole {
        level: term(r.level),
        role: term(r.role),
        sector: sector(r.sector),
        actors: r.holders.iter().map(|h| s(h.actor.as_str())).collect(),
        qualifiers: r.holders.iter().filter_map(|h| h.qualifier.map(|q| (s(h.actor.as_str()), term(q)))).collect(),
        text: r.text.clone(),
        source,
        confidence,
        reconstructed,
        note,
        valid_from,
        valid_to,
    }
}

fn instrument(i: Instrument) -> Sp<InstrumentValue> {
    Sp::new(InstrumentValue::Strength(i64::from(i.strength())))
}

fn strategy(st: &Strategy) -> RawStrategy {
    let (source, confidence, reconstructed, note) = prov(&st.provenance);
    let (valid_from, valid_to) = validity(&st.validity);
    RawStrategy {
        level: term(st.level),
        sector: sector(st.sector),
        primary_actors: st.primary_actors.iter().map(|a| s(a.as_str())).collect(),
        documents: st
            .documents
            .iter()
            .map(|d| RawStrategyDocument {
                title: d.title.clone(),
                years: d.years.clone(),
                kind: d.kind.map(term),
                in_force: (!d.in_force).then_some(false),
            })
            .collect(),
        instruments: st.instruments.iter().map(|i| instrument(*i)).collect(),
        text: st.text.clone(),
        source,
        confidence,
        reconstructed,
        note,
        valid_from,
        valid_to,
    }
}

fn steering(st: &Steering) -> RawSteering {
    let (source, confidence, reconstructed, note) = prov(&st.provenance);
    let (valid_from, valid_to) = validity(&st.validity);
    RawSteering {
        actor: s(st.actor.as_str()),
        sector: sector(st.sector),
        title: st.title.clone(),
        summary: st.summary.clone(),
        roles: st.roles.iter().map(|r| term(*r)).collect(),
        cell: st
            .cells
            .iter()
            .map(|c| {
                let (source, confidence, reconstructed, note) = prov(&c.provenance);
                RawSteeringCell {
                    role: term(c.role),
                    instrument: instrument(c.instrument),
                    used: (!c.used).then_some(false),
                    text: c.text.clone(),
                    source_text: c.source_text.clone(),
                    targets: c.targets.iter().map(|t| s(t.as_str())).collect(),
                    target_levels: c.target_levels.iter().map(|l| term(*l)).collect(),
                    source,
                    confidence,
                    reconstructed,
                    note,
                }
            })
            .collect(),
        source,
        confidence,
        reconstructed,
        note,
        valid_from,
        valid_to,
    }
}

fn quantity(q: &Quantity) -> QuantityTable {
    QuantityTable { value: q.value, min: q.min, max: q.max, approx: q.approx }
}

fn resource(r: &Resource) -> RawResource {
    let (source, confidence, reconstructed, note) = prov(&r.provenance);
    RawResource {
        actor: s(r.actor.as_str()),
        fte: r.fte.as_ref().map(|q| Sp::new(QuantityValue::Table(quantity(q)))),
        budget: r.budget.as_ref().map(|m| {
            let q = quantity(&m.amount);
            Sp::new(RawMoney {
                value: q.value,
                min: q.min,
                max: q.max,
                approx: q.approx,
                currency: s(m.currency.clone()),
                scale: term(m.scale),
            })
        }),
        year: r.year,
        scope: (r.scope != ResourceScope::Whole).then(|| term(r.scope)),
        covers: r.covers.clone(),
        source,
        confidence,
        reconstructed,
        note,
    }
}

fn rate(r: &ExchangeRate) -> RawExchangeRate {
    let (source, confidence, reconstructed, note) = prov(&r.provenance);
    RawExchangeRate {
        currency: s(r.currency.clone()),
        eur: r.eur,
        year: r.year,
        source,
        confidence,
        reconstructed,
        note,
    }
}

fn experience(e: &Experience) -> RawExperience {
    let (source, confidence, reconstructed, note) = prov(&e.provenance);
    RawExperience {
        polarity: term(e.polarity),
        theme: term(e.theme),
        sector: sector(e.sector),
        text: e.text.clone(),
        source,
        confidence,
        reconstructed,
        note,
    }
}

fn finding(f: &Finding) -> RawFinding {
    let (source, confidence, reconstructed, note) = prov(&f.provenance);
    RawFinding {
        kind: term(f.kind),
        topic: f.topic.clone(),
        text: f.text.clone(),
        source,
        confidence,
        reconstructed,
        note,
    }
}
