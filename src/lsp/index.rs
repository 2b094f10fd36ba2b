//! Where ids stand in one file: every actor, level and document id defined or used, with its
//! byte span, and what hover cards and the outline need (actors' names, kinds, levels and
//! parents, role entries, documents, relations).
//!
//! The index reads the TOML tree itself (`toml::de::DeTable`, the parser the loader uses)
//! rather than the loader's typed [`crate::load::raw::RawFile`], for two reasons: the parser
//! recovers from syntax errors, so a half-typed file keeps the ids before and after the broken
//! line; and scenario files, whose raw types are private to their parser, are indexed by the
//! same walk. Which keys hold ids is the one table below (`classify`), written after the
//! loader's raw types and the scenario parser's `RawOp`.

use std::ops::Range;

use serde_spanned::Spanned;
use toml::de::{DeTable, DeValue};

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IdKind {
    /// An actor (`[[actor]] id`).
    Actor,
    /// An administrative level (`[levels.state]`).
    Level,
    /// A source document (`[documents.nordic2017]`).
    Document,
}

/// One place an id stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// What the id names.
    pub kind: IdKind,
    /// The id.
    pub id: String,
    /// The id's bytes (inside the quotes).
    pub span: Range<usize>,
    /// Whether this is the definition.
    pub def: bool,
}

/// A source reference as written (`nordic2017:2333-2340`), for hovers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceMention {
    /// The reference.
    pub text: String,
    /// Its bytes (inside the quotes).
    pub span: Range<usize>,
}

/// What a hover card says about an actor, as its file writes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorFacts {
    /// Names by language key (`en`, `da`).
    pub names: Vec<(String, String)>,
    /// The abbreviation.
    pub abbr: Option<String>,
    /// The kind's key.
    pub kind: Option<String>,
    /// The level's key.
    pub level: Option<String>,
    /// The parent's id.
    pub parent: Option<String>,
    /// How it hangs under the parent (a relation type's key).
    pub parent_relation: Option<String>,
}

/// A document's words, for hovers and completion.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentFacts {
    /// The title.
    pub title: Option<String>,
    /// The publisher.
    pub publisher: Option<String>,
    /// The year.
    pub year: Option<i64>,
    /// The file under `models/sources/`.
    pub file: Option<String>,
    /// A web document's address.
    pub url: Option<String>,
}

/// A role entry: who holds which role at which level.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoleFacts {
    /// The level's key.
    pub level: String,
    /// The role's key.
    pub role: String,
    /// The holders' ids.
    pub actors: Vec<String>,
}

/// What an outline entry stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// An `[[actor]]`.
    Actor,
    /// A `[[relation]]`.
    Relation,
    /// A `[[role]]`.
    Role,
}

/// One item of an array of tables the outline shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// What it is.
    pub kind: EntryKind,
    /// Its header's bytes (`[[actor]]`); the item runs to the next header.
    pub header: Range<usize>,
    /// The bytes of the value that names it (the id, the `from`), if written.
    pub name_span: Option<Range<usize>>,
    /// The actor's id; the relation's from, type and to; the role entry's level, role and
    /// holders.
    pub parts: Vec<String>,
}

/// Everything the server knows about one file's text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileIndex {
    /// Every id defined or used.
    pub occurrences: Vec<Occurrence>,
    /// Every source reference.
    pub sources: Vec<SourceMention>,
    /// Actors defined here, by id.
    pub actors: Vec<(String, ActorFacts)>,
    /// Documents defined here, by id.
    pub documents: Vec<(String, DocumentFacts)>,
    /// Role entries.
    pub roles: Vec<RoleFacts>,
    /// Outline entries, in file order.
    pub entries: Vec<Entry>,
    /// The start of every table header (`[x]`, `[[x]]`), in file order.
    pub headers: Vec<usize>,
    /// Whether the file has a syntax error (what follows it may be missing).
    pub broken: bool,
}

impl FileIndex {
    /// The id under byte `offset`, if any.
    pub fn at(&self, offset: usize) -> Option<&Occurrence> {
        self.occurrences.iter().find(|o| o.span.start <= offset && offset <= o.span.end)
    }

    /// The source reference under byte `offset`, if any.
    pub fn source_at(&self, offset: usize) -> Option<&SourceMention> {
        self.sources.iter().find(|s| s.span.start <= offset && offset <= s.span.end)
    }

    /// Where the item whose header starts at `header` ends: the next header, or the end.
    pub fn item_end(&self, header: usize, text_len: usize) -> usize {
        self.headers.iter().copied().find(|&h| h > header).unwrap_or(text_len)
    }
}

/// Indexes a model file (`scenario == false`) or a scenario file. Syntax errors are skipped:
/// what the parser recovered is indexed.
pub fn index(text: &str, scenario: bool) -> FileIndex {
    let (doc, errors) = DeTable::parse_recoverable(text);
    let mut out = FileIndex { headers: headers(text), broken: !errors.is_empty(), ..FileIndex::default() };
    let mut w = Walker { text, scenario, out: &mut out };
    for (key, value) in doc.get_ref().iter() {
        w.value(&[key.get_ref().as_ref()], value);
    }
    out.occurrences.sort_by_key(|o| o.span.start);
    out.sources.sort_by_key(|s| s.span.start);
    out
}

/// Starts of the lines that open a table (`[...]` at the start of the line, after blanks).
fn headers(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with('[') {
            out.push(start + (line.len() - trimmed.len()));
        }
        start += line.len();
    }
    out
}

/// How the string at a key path is read: as an id (kind, and whether it defines one), or as a
/// source reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Id(IdKind, bool),
    Source,
}

/// The id table: what the string values at `path` (table names and keys from the top, arrays
/// left out) hold.
fn classify(path: &[&str], scenario: bool) -> Option<Class> {
    use IdKind::*;
    let actor = Some(Class::Id(Actor, false));
    let level = Some(Class::Id(Level, false));
    if scenario {
        return match path {
            ["scenario", "sources"] => Some(Class::Source),
            ["op", "id"] | ["op", "successor" | "into" | "parts", "id"] => Some(Class::Id(Actor, true)),
            ["op", "actor" | "actors" | "transfer_to" | "parent" | "from" | "to"]
            | ["op", "successor" | "into" | "parts", "parent"]
            | ["op", "assign", "to"] => actor,
            ["op", "level" | "target_levels"] | ["op", _, "level"] => level,
            _ => None,
        };
    }
    match path {
        [.., "source"] => Some(Class::Source),
        ["actor", "id"] => Some(Class::Id(Actor, true)),
        ["actor", "parent" | "member_of"]
        | ["relation", "from" | "to"]
        | ["role", "actors"]
        | ["strategy", "primary_actors"]
        | ["steering", "actor"]
        | ["steering", "cell", "targets"]
        | ["resource", "actor"] => actor,
        ["actor" | "role" | "strategy" | "level_period", "level"] | ["steering", "cell", "target_levels"] => level,
        _ => None,
    }
}

struct Walker<'a> {
    text: &'a str,
    scenario: bool,
    out: &'a mut FileIndex,
}

impl Walker<'_> {
    fn value(&mut self, path: &[&str], value: &Spanned<DeValue<'_>>) {
        match value.get_ref() {
            DeValue::String(s) => self.string(path, s, value.span()),
            DeValue::Array(items) => {
                for item in items {
                    self.value(path, item);
                }
            }
            DeValue::Table(t) => {
                self.table(path, t, value.span());
            }
            _ => {}
        }
    }

    fn string(&mut self, path: &[&str], s: &str, span: Range<usize>) {
        let inner = unquote(self.text, span);
        match classify(path, self.scenario) {
            Some(Class::Id(kind, def)) => {
                self.out.occurrences.push(Occurrence { kind, id: s.to_string(), span: inner, def });
            }
            Some(Class::Source) => {
                let doc = s.split([':', '#']).next().unwrap_or(s);
                let start = inner.start;
                self.out.occurrences.push(Occurrence {
                    kind: IdKind::Document,
                    id: doc.to_string(),
                    span: start..(start + doc.len()).min(inner.end),
                    def: false,
                });
                self.out.sources.push(SourceMention { text: s.to_string(), span: inner });
            }
            None => {}
        }
    }

    fn table(&mut self, path: &[&str], t: &DeTable<'_>, span: Range<usize>) {
        let scenario = self.scenario;
        // Keys that are ids themselves.
        let key_kind = match path {
            ["levels"] if !scenario => Some(IdKind::Level),
            ["documents"] if !scenario => Some(IdKind::Document),
            ["role", "qualifiers"] if !scenario => Some(IdKind::Actor),
            _ => None,
        };
        for (key, value) in t.iter() {
            let name: &str = key.get_ref().as_ref();
            if let Some(kind) = key_kind {
                let def = kind != IdKind::Actor;
                let k = unquote(self.text, key.span());
                self.out.occurrences.push(Occurrence { kind, id: name.to_string(), span: k, def });
                if kind == IdKind::Document {
                    if let DeValue::Table(d) = value.get_ref() {
                        self.out.documents.push((name.to_string(), document_facts(d)));
                    }
                }
            }
            let mut sub = path.to_vec();
            sub.push(name);
            self.value(&sub, value);
        }
        if scenario {
            return;
        }
        let get = |k: &str| t.get(k).and_then(|v| string_of(v.get_ref()));
        let span_of = |k: &str| t.get(k).map(|v| unquote(self.text, v.span()));
        let header = span;
        match path {
            ["actor"] => {
                let id = get("id").unwrap_or_default();
                let names = match t.get("name").map(|v| v.get_ref()) {
                    Some(DeValue::Table(n)) => {
                        n.iter().filter_map(|(l, v)| Some((l.get_ref().to_string(), string_of(v.get_ref())?))).collect()
                    }
                    _ => Vec::new(),
                };
                let facts = ActorFacts {
                    names,
                    abbr: get("abbr"),
                    kind: get("kind"),
                    level: get("level"),
                    parent: get("parent"),
                    parent_relation: get("parent_relation"),
                };
                self.out.entries.push(Entry {
                    kind: EntryKind::Actor,
                    header,
                    name_span: span_of("id"),
                    parts: vec![id.clone()],
                });
                if !id.is_empty() {
                    self.out.actors.push((id, facts));
                }
            }
            ["relation"] => self.out.entries.push(Entry {
                kind: EntryKind::Relation,
                header,
                name_span: span_of("from"),
                parts: ["from", "type", "to"].iter().map(|k| get(k).unwrap_or_default()).collect(),
            }),
            ["role"] => {
                let actors = match t.get("actors").map(|v| v.get_ref()) {
                    Some(DeValue::Array(a)) => a.iter().filter_map(|v| string_of(v.get_ref())).collect(),
                    _ => Vec::new(),
                };
                let level = get("level").unwrap_or_default();
                let role = get("role").unwrap_or_default();
                self.out.entries.push(Entry {
                    kind: EntryKind::Role,
                    header,
                    name_span: span_of("role"),
                    parts: [level.clone(), role.clone()].into_iter().chain(actors.iter().cloned()).collect(),
                });
                self.out.roles.push(RoleFacts { level, role, actors });
            }
            _ => {}
        }
    }
}

fn string_of(v: &DeValue<'_>) -> Option<String> {
    match v {
        DeValue::String(s) => Some(s.to_string()),
        _ => None,
    }
}

fn document_facts(d: &DeTable<'_>) -> DocumentFacts {
    let get = |k: &str| d.get(k).and_then(|v| string_of(v.get_ref()));
    let year = match d.get("year").map(|v| v.get_ref()) {
        Some(DeValue::Integer(i)) => i.to_string().parse().ok(),
        _ => None,
    };
    DocumentFacts { title: get("title"), publisher: get("publisher"), year, file: get("file"), url: get("url") }
}

/// `span` without the quotes around a string or a quoted key.
pub fn unquote(text: &str, span: Range<usize>) -> Range<usize> {
    let s = text.get(span.clone()).unwrap_or("");
    let quote = |c: Option<char>| matches!(c, Some('"' | '\''));
    let start = if quote(s.chars().next()) { span.start + 1 } else { span.start };
    let end = if s.len() > 1 && quote(s.chars().last()) { span.end - 1 } else { span.end };
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACTORS: &str = "[[actor]]\nid = \"kmd\"\nname = { en = \"Ministry of Local Government\", nb = \"Kommunal- og moderniseringsdepartementet\" }\nkind = \"ministry\"\nlevel = \"state\"\nsource = \"nordic2017:12-14\"\n\n[[actor]]\nid = \"difi\"\nname = { nb = \"Direktoratet for forvaltning og IKT\" }\nkind = \"agency\"\nlevel = \"state\"\nparent = \"kmd\"\nsource = [\"nordic2017:20\", 'difi2019#Om oss']\n\n[[role]]\nlevel = \"state\"\nrole = \"coordination\"\nactors = [\"difi\", \"kmd\"]\nqualifiers = { kmd = \"possibly\" }\n";

    fn ids(i: &FileIndex, text: &str) -> Vec<String> {
        i.occurrences
            .iter()
            .map(|o| format!("{:?}{} {}={}", o.kind, if o.def { "!" } else { "" }, o.id, &text[o.span.clone()]))
            .collect()
    }

    #[test]
    fn finds_definitions_and_uses_with_spans_inside_quotes() {
        let i = index(ACTORS, false);
        insta::assert_debug_snapshot!(ids(&i, ACTORS), @r#"
        [
            "Actor! kmd=kmd",
            "Level state=state",
            "Document nordic2017=nordic2017",
            "Actor! difi=difi",
            "Level state=state",
            "Actor kmd=kmd",
            "Document nordic2017=nordic2017",
            "Document difi2019=difi2019",
            "Level state=state",
            "Actor difi=difi",
            "Actor kmd=kmd",
            "Actor kmd=kmd",
        ]
        "#);
        assert_eq!(i.actors.len(), 2);
        assert_eq!(i.actors[1].1.parent.as_deref(), Some("kmd"));
        assert_eq!(i.roles[0].actors, ["difi", "kmd"]);
        assert_eq!(
            i.entries.iter().map(|e| e.kind).collect::<Vec<_>>(),
            [EntryKind::Actor, EntryKind::Actor, EntryKind::Role]
        );
        assert_eq!(i.sources[2].text, "difi2019#Om oss");
    }

    #[test]
    fn a_half_typed_file_keeps_what_precedes_and_follows_the_break() {
        let broken = ACTORS.replace("parent = \"kmd\"", "parent = \"km");
        let i = index(&broken, false);
        assert!(i.occurrences.iter().any(|o| o.def && o.id == "kmd"));
        assert!(i.occurrences.iter().any(|o| o.def && o.id == "difi"), "{:?}", ids(&i, &broken));
    }

    #[test]
    fn scenario_files_use_the_operation_keys() {
        let text = "[scenario]\nname = \"x\"\nbase = \"..\"\nsources = [\"difi2019:1\"]\n\n[[op]]\nop = \"move\"\nactor = \"difi\"\nparent = \"fin\"\n\n[[op]]\nop = \"succeed\"\nactor = \"difi\"\nsuccessor = { id = \"digdir\", level = \"state\", parent = \"kmd\" }\n";
        let i = index(text, true);
        insta::assert_debug_snapshot!(ids(&i, text), @r#"
        [
            "Document difi2019=difi2019",
            "Actor difi=difi",
            "Actor fin=fin",
            "Actor difi=difi",
            "Actor! digdir=digdir",
            "Level state=state",
            "Actor kmd=kmd",
        ]
        "#);
    }
}
