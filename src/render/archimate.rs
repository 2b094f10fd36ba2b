//! The model for enterprise-architecture and stakeholder-mapping tools: the Open Group's
//! ArchiMate Model Exchange File Format 3.1 (Archi, BiZZdesign, Sparx), Archi's CSV import
//! triple, and a Kumu JSON blueprint. One mapping ([`map`]) and three writers, so the tools see
//! the same elements and relationships.
//!
//! The mapping uses only relationships ArchiMate 3.1 allows between its element types
//! (§5.1 and Appendix B): actors are Business Actors, each filled role cell a Business Role
//! with an Assignment from each holder; a parent link or part_of is an Aggregation or a
//! Composition from the whole to the part (allowed between any two elements of one type);
//! `advises`, `operates_for` and `hosts_secretariat_of` and every steering edge are Serving
//! between actors (the steering's role, instrument and strength as properties); every other
//! relation is an Association named after its type (always allowed). The original relation
//! type is kept as a property on each relationship.

use std::collections::BTreeMap;

use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde_json::json;

use super::markup::escape;
use crate::graph::{ActorGraph, EdgeKind};
use crate::model::{ActorId, Country, Lang, Level, RelationType, Role, Vocabulary};

/// An ArchiMate element type nordgov writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ElementType {
    /// An actor.
    BusinessActor,
    /// A role cell (a role at a level).
    BusinessRole,
}

/// An ArchiMate relationship type nordgov writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RelationshipType {
    /// Actor to the role cell it holds.
    Assignment,
    /// Whole to part (ministry to agency, owner to company, forum to member).
    Aggregation,
    /// Whole to organisational part (ministry to its unit).
    Composition,
    /// Advice, operation on behalf of, a secretariat, and steering.
    Serving,
    /// Every other relation, named after its type.
    Association,
}

impl ElementType {
    /// The name in the exchange format (`xsi:type`) and in Archi's CSV.
    pub fn name(self) -> &'static str {
        match self {
            Self::BusinessActor => "BusinessActor",
            Self::BusinessRole => "BusinessRole",
        }
    }
}

impl RelationshipType {
    /// The name in the exchange format (`xsi:type`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Assignment => "Assignment",
            Self::Aggregation => "Aggregation",
            Self::Composition => "Composition",
            Self::Serving => "Serving",
            Self::Association => "Association",
        }
    }
}

/// An element with its names (one per language), documentation and properties.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// Identifier (an XML NCName: `actor.digst`, `role.national.strategy`).
    pub id: String,
    /// Its type.
    pub kind: ElementType,
    /// Names, in language order.
    pub names: Vec<(Lang, String)>,
    /// What the element is, in the source's words.
    pub documentation: Option<String>,
    /// (key, value) pairs, in key order.
    pub properties: Vec<(&'static str, String)>,
}

/// A relationship between two elements.
#[derive(Debug, Clone, PartialEq)]
pub struct Relationship {
    /// Identifier (`rel.1`, numbered in output order).
    pub id: String,
    /// Its type.
    pub kind: RelationshipType,
    /// A name (the nordgov relation type, or empty).
    pub name: String,
    /// Source element id.
    pub source: String,
    /// Target element id.
    pub target: String,
    /// Whether source and target are the nordgov relation's `to` and `from` (a whole points
    /// at its part), so tools with their own direction can turn it back.
    pub reversed: bool,
    /// (key, value) pairs, in key order.
    pub properties: Vec<(&'static str, String)>,
}

/// A country as ArchiMate elements and relationships.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiModel {
    /// Identifier (`model.dk`).
    pub id: String,
    /// The country's names.
    pub names: Vec<(Lang, String)>,
    /// Actors, then role cells, each sorted by id.
    pub elements: Vec<Element>,
    /// Relationships in a stable order: structural, assignments, steering.
    pub relationships: Vec<Relationship>,
}

/// A filled role cell while it is collected: its texts and its (holder element, qualifier) pairs.
type RoleCell = (Vec<String>, Vec<(String, String)>);

fn actor_ref(id: &ActorId) -> String {
    format!("actor.{id}")
}

fn role_ref(level: Level, role: Role) -> String {
    format!("role.{}.{}", level.key(), role.key())
}

/// How a nordgov relation becomes a relationship: its type and whether it runs from `to` to
/// `from` (a whole points at its part).
fn relationship_for(r: RelationType) -> (RelationshipType, bool) {
    use RelationType::*;
    match r {
        ReportsTo | OwnedBy | MemberOf => (RelationshipType::Aggregation, true),
        PartOf => (RelationshipType::Composition, true),
        Advises | OperatesFor | HostsSecretariatOf => (RelationshipType::Serving, false),
        _ => (RelationshipType::Association, false),
    }
}

/// Maps `c` (with its actor graph `g`, whose steering edges are used) to ArchiMate.
pub fn map(c: &Country, g: &ActorGraph) -> ArchiModel {
    let mut elements: Vec<Element> = c
        .actors
        .values()
        .map(|a| {
            let mut properties = vec![("kind", a.kind.key().to_string()), ("level", a.level.key().to_string())];
            if let Some(abbr) = &a.abbr {
                properties.push(("abbreviation", abbr.clone()));
            }
            if a.central {
                properties.push(("central", "true".to_string()));
            }
            if let Some(conf) = a.provenance.confidence {
                properties.push(("confidence", conf.key().to_string()));
            }
            let sources: Vec<String> = a.provenance.sources.iter().map(ToString::to_string).collect();
            if !sources.is_empty() {
                properties.push(("sources", sources.join("; ")));
            }
            properties.sort();
            let mut names: Vec<(Lang, String)> = a.name.iter().map(|(l, n)| (l, n.to_string())).collect();
            if names.is_empty() {
                names.push((Lang::En, a.id.to_string()));
            }
            Element { id: actor_ref(&a.id), kind: ElementType::BusinessActor, names, documentation: None, properties }
        })
        .collect();
    // One role element per filled cell; its holders are the union of the cell's statements.
    let mut cells: BTreeMap<(Level, Role), RoleCell> = BTreeMap::new();
    for entry in c.roles.iter().filter(|r| r.sector == crate::model::Sector::General) {
        let cell = cells.entry((entry.level, entry.role)).or_default();
        if let Some(t) = &entry.text {
            cell.0.push(t.clone());
        }
        for h in &entry.holders {
            let q = h.qualifier.map(|q| q.key().to_string()).unwrap_or_default();
            if !cell.1.iter().any(|(a, _)| *a == actor_ref(&h.actor)) {
                cell.1.push((actor_ref(&h.actor), q));
            }
        }
    }
    let mut relationships = Vec::new();
    let mut push = |kind, name: String, (source, target, reversed): (String, String, bool), properties| {
        relationships.push(Relationship { id: String::new(), kind, name, source, target, reversed, properties });
    };
    for (from, rel, to) in c.edges() {
        let (kind, reverse) = relationship_for(rel);
        let ends =
            if reverse { (actor_ref(to), actor_ref(from), true) } else { (actor_ref(from), actor_ref(to), false) };
        let name = if kind == RelationshipType::Association { rel.key().to_string() } else { String::new() };
        push(kind, name, ends, vec![("relation", rel.key().to_string())]);
    }
    for ((level, role), (texts, holders)) in &cells {
        elements.push(Element {
            id: role_ref(*level, *role),
            kind: ElementType::BusinessRole,
            names: vec![(Lang::En, format!("{} ({})", role.key(), level.key()))],
            documentation: (!texts.is_empty()).then(|| texts.join("\n")),
            properties: vec![("level", level.key().to_string()), ("role", role.key().to_string())],
        });
        for (actor, qualifier) in holders {
            let props = if qualifier.is_empty() { Vec::new() } else { vec![("qualifier", qualifier.clone())] };
            push(RelationshipType::Assignment, String::new(), (actor.clone(), role_ref(*level, *role), false), props);
        }
    }
    for e in (&g.graph).edge_references() {
        let EdgeKind::Steering { role, instrument } = e.weight().kind else { continue };
        let (Some(a), Some(b)) = (g.graph.node_weight(e.source()), g.graph.node_weight(e.target())) else { continue };
        push(
            RelationshipType::Serving,
            "steers".to_string(),
            (actor_ref(a), actor_ref(b), false),
            vec![
                ("instrument", instrument.key().to_string()),
                ("role", role.key().to_string()),
                ("strength", instrument.strength().to_string()),
            ],
        );
    }
    for (i, r) in relationships.iter_mut().enumerate() {
        r.id = format!("rel.{}", i + 1);
    }
    let mut names: Vec<(Lang, String)> = c.name.iter().map(|(l, n)| (l, n.to_string())).collect();
    if names.is_empty() {
        names.push((Lang::En, c.code.clone()));
    }
    ArchiModel { id: format!("model.{}", c.code), names, elements, relationships }
}

/// The name tools with one name per element show: English, else the first the element has.
fn display_name(names: &[(Lang, String)]) -> String {
    names.iter().find(|(l, _)| *l == Lang::En).or(names.first()).map(|(_, n)| n.clone()).unwrap_or_default()
}

/// Every property key used, in order, as (definition id, key).
fn property_keys(m: &ArchiModel) -> Vec<(String, &'static str)> {
    let mut keys: Vec<&'static str> = m
        .elements
        .iter()
        .flat_map(|e| e.properties.iter())
        .chain(m.relationships.iter().flat_map(|r| r.properties.iter()))
        .map(|(k, _)| *k)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys.into_iter().map(|k| (format!("pd.{k}"), k)).collect()
}

fn xml_properties(out: &mut String, indent: &str, props: &[(&'static str, String)]) {
    if props.is_empty() {
        return;
    }
    out.push_str(&format!("{indent}<properties>\n"));
    for (k, v) in props {
        out.push_str(&format!(
            "{indent}  <property propertyDefinitionRef=\"pd.{k}\"><value xml:lang=\"en\">{}</value></property>\n",
            escape(v)
        ));
    }
    out.push_str(&format!("{indent}</properties>\n"));
}

/// The Open Group ArchiMate Model Exchange File Format 3.1 (namespace
/// `http://www.opengroup.org/xsd/archimate/3.0/`, which 3.1 keeps).
pub fn exchange_xml(m: &ArchiModel) -> String {
    let mut out = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\" ",
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
        "xsi:schemaLocation=\"http://www.opengroup.org/xsd/archimate/3.0/ ",
        "http://www.opengroup.org/xsd/archimate/3.1/archimate3_Model.xsd\" "
    ));
    out.push_str(&format!("identifier=\"{}\">\n", escape(&m.id)));
    for (l, n) in &m.names {
        out.push_str(&format!("  <name xml:lang=\"{}\">{}</name>\n", l.key(), escape(n)));
    }
    out.push_str("  <elements>\n");
    for e in &m.elements {
        out.push_str(&format!("    <element identifier=\"{}\" xsi:type=\"{}\">\n", escape(&e.id), e.kind.name()));
        for (l, n) in &e.names {
            out.push_str(&format!("      <name xml:lang=\"{}\">{}</name>\n", l.key(), escape(n)));
        }
        if let Some(d) = &e.documentation {
            out.push_str(&format!("      <documentation xml:lang=\"en\">{}</documentation>\n", escape(d)));
        }
        xml_properties(&mut out, "      ", &e.properties);
        out.push_str("    </element>\n");
    }
    out.push_str("  </elements>\n  <relationships>\n");
    for r in &m.relationships {
        out.push_str(&format!(
            "    <relationship identifier=\"{}\" source=\"{}\" target=\"{}\" xsi:type=\"{}\">\n",
            escape(&r.id),
            escape(&r.source),
            escape(&r.target),
            r.kind.name()
        ));
        if !r.name.is_empty() {
            out.push_str(&format!("      <name xml:lang=\"en\">{}</name>\n", escape(&r.name)));
        }
        xml_properties(&mut out, "      ", &r.properties);
        out.push_str("    </relationship>\n");
    }
    out.push_str("  </relationships>\n  <propertyDefinitions>\n");
    for (id, key) in property_keys(m) {
        out.push_str(&format!(
            "    <propertyDefinition identifier=\"{id}\" type=\"string\"><name xml:lang=\"en\">{key}</name></propertyDefinition>\n"
        ));
    }
    out.push_str("  </propertyDefinitions>\n</model>\n");
    out
}

/// Archi's CSV import: `elements.csv`, `relations.csv` and `properties.csv` (every field
/// quoted, as Archi writes them; formula-like fields neutralised as in every nordgov CSV).
/// Names are in the first language the element has (English where it has one).
pub fn archi_csv(m: &ArchiModel) -> Vec<(&'static str, String)> {
    let row = |fields: &[&str]| fields.iter().map(|f| (*f).to_string()).collect::<Vec<_>>();
    let mut elements = vec![row(&["ID", "Type", "Name", "Documentation", "Specialization"])];
    elements.push(row(&[&m.id, "ArchimateModel", &display_name(&m.names), "", ""]));
    for e in &m.elements {
        let doc = e.documentation.as_deref().unwrap_or("");
        elements.push(row(&[&e.id, e.kind.name(), &display_name(&e.names), doc, ""]));
    }
    let mut relations = vec![row(&["ID", "Type", "Name", "Documentation", "Source", "Target", "Specialization"])];
    for r in &m.relationships {
        let kind = format!("{}Relationship", r.kind.name());
        relations.push(row(&[&r.id, &kind, &r.name, "", &r.source, &r.target, ""]));
    }
    let mut properties = vec![row(&["ID", "Key", "Value"])];
    for (id, props) in
        m.elements.iter().map(|e| (&e.id, &e.properties)).chain(m.relationships.iter().map(|r| (&r.id, &r.properties)))
    {
        for (k, v) in props {
            properties.push(row(&[id, k, v]));
        }
    }
    let csv = |rows: Vec<Vec<String>>| super::csv::records(rows, true);
    vec![("elements.csv", csv(elements)), ("relations.csv", csv(relations)), ("properties.csv", csv(properties))]
}

/// A Kumu JSON blueprint: elements (label, type, description, attributes) and connections
/// (from and to by label, type, direction, attributes). Labels are made unique with the id.
pub fn kumu(m: &ArchiModel) -> serde_json::Value {
    let mut label_count: BTreeMap<String, usize> = BTreeMap::new();
    for e in &m.elements {
        *label_count.entry(display_name(&e.names)).or_default() += 1;
    }
    let labels: BTreeMap<&str, String> = m
        .elements
        .iter()
        .map(|e| {
            let n = display_name(&e.names);
            let label = if label_count.get(&n).copied().unwrap_or(0) > 1 { format!("{n} ({})", e.id) } else { n };
            (e.id.as_str(), label)
        })
        .collect();
    let attrs = |props: &[(&'static str, String)]| -> serde_json::Map<String, serde_json::Value> {
        props.iter().map(|(k, v)| ((*k).to_string(), json!(v))).collect()
    };
    let elements: Vec<serde_json::Value> = m
        .elements
        .iter()
        .map(|e| {
            let mut o = attrs(&e.properties);
            o.insert("label".into(), json!(labels.get(e.id.as_str())));
            o.insert("id".into(), json!(e.id));
            let kind = match e.kind {
                ElementType::BusinessActor => e.properties.iter().find(|(k, _)| *k == "kind").map(|(_, v)| v.clone()),
                ElementType::BusinessRole => Some("role cell".to_string()),
            };
            o.insert("type".into(), json!(kind));
            if let Some(d) = &e.documentation {
                o.insert("description".into(), json!(d));
            }
            let names: serde_json::Map<String, serde_json::Value> =
                e.names.iter().map(|(l, n)| (l.key().to_string(), json!(n))).collect();
            o.insert("names".into(), serde_json::Value::Object(names));
            serde_json::Value::Object(o)
        })
        .collect();
    let connections: Vec<serde_json::Value> = m
        .relationships
        .iter()
        .map(|r| {
            let mut o = attrs(&r.properties);
            let (from, to) = if r.reversed { (&r.target, &r.source) } else { (&r.source, &r.target) };
            o.insert("from".into(), json!(labels.get(from.as_str())));
            o.insert("to".into(), json!(labels.get(to.as_str())));
            let kind = r.properties.iter().find(|(k, _)| *k == "relation").map(|(_, v)| v.clone());
            let kind =
                kind.unwrap_or_else(|| if r.kind == RelationshipType::Assignment { "holds" } else { "steers" }.into());
            o.insert("type".into(), json!(kind));
            o.insert("direction".into(), json!("directed"));
            serde_json::Value::Object(o)
        })
        .collect();
    json!({ "elements": elements, "connections": connections })
}
