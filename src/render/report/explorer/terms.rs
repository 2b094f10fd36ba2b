//! The vocabularies' terms as the explorer shows them: each term's key, its label in the
//! report's language and how the graph draws it (colour, shape, line), so the page's legend and
//! filters match the diagrams.

use std::collections::BTreeMap;

use serde::Serialize;

use super::scenario::{change_key, change_word};
use crate::graph::view::Change;
use crate::model::*;
use crate::render::dot::{change_colour, instrument_style, node_style, role_colour};

/// A vocabulary term: its key, its label in the report's language and how the graph draws it.
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    /// The key, as in model files.
    pub key: &'static str,
    /// The label.
    pub label: &'static str,
    /// An instrument's strength (1 strong .. 5 soft).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strength: Option<u8>,
    /// The fill (actor kinds) or line colour (roles, overlay changes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub colour: Option<&'static str>,
    /// The node shape (actor kinds, as Cytoscape names it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shape: Option<&'static str>,
    /// The line width (instruments).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<&'static str>,
    /// The line style (instruments): solid, dashed or dotted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<&'static str>,
}

impl Term {
    pub(super) fn new(key: &'static str, label: &'static str) -> Self {
        Term { key, label, strength: None, colour: None, shape: None, width: None, line: None }
    }
}

/// Cytoscape's name for the shape the diagrams give a kind.
fn shape(kind: ActorKind) -> &'static str {
    match node_style(Some(kind)).0 {
        "doubleoctagon" | "octagon" => "octagon",
        "ellipse" => "ellipse",
        "hexagon" => "hexagon",
        "folder" => "tag",
        "cds" => "right-rhomboid",
        "component" => "rectangle",
        _ => "round-rectangle",
    }
}

pub(super) fn terms(lang: Lang) -> BTreeMap<&'static str, Vec<Term>> {
    let mut t = BTreeMap::new();
    t.insert("level", Level::ALL.iter().map(|l| Term::new(l.key(), l.label(lang))).collect());
    t.insert(
        "role",
        Role::ALL.iter().map(|r| Term { colour: Some(role_colour(*r)), ..Term::new(r.key(), r.label(lang)) }).collect(),
    );
    t.insert(
        "instrument",
        Instrument::ALL
            .iter()
            .map(|i| {
                let (width, line) = instrument_style(*i);
                Term {
                    strength: Some(i.strength()),
                    width: Some(width),
                    line: Some(line),
                    ..Term::new(i.key(), i.label(lang))
                }
            })
            .collect(),
    );
    t.insert("sector", Sector::ALL.iter().map(|s| Term::new(s.key(), s.label(lang))).collect());
    t.insert(
        "kind",
        ActorKind::ALL
            .iter()
            .map(|k| Term {
                colour: Some(node_style(Some(*k)).1),
                shape: Some(shape(*k)),
                ..Term::new(k.key(), kind_label(*k, lang))
            })
            .collect(),
    );
    t.insert("relation", RelationType::ALL.iter().map(|r| Term::new(r.key(), relation_label(*r, lang))).collect());
    t.insert("qualifier", Qualifier::ALL.iter().map(|q| Term::new(q.key(), qualifier_label(*q, lang))).collect());
    t.insert("confidence", Confidence::ALL.iter().map(|c| Term::new(c.key(), confidence_label(*c, lang))).collect());
    t.insert(
        "change",
        [Change::Added, Change::Removed, Change::Changed]
            .iter()
            .filter_map(|c| {
                let key = change_key(Some(*c))?;
                Some(Term { colour: Some(change_colour(*c)), ..Term::new(key, change_word(*c).label(lang)) })
            })
            .collect(),
    );
    t.insert("lang", Lang::ALL.iter().map(|l| Term::new(l.key(), language_label(*l, lang))).collect());
    t
}

/// A language's name in the report's language.
fn language_label(l: Lang, lang: Lang) -> &'static str {
    pick(
        lang,
        match l {
            Lang::En => ["English", "engelsk", "engelska", "engelsk", "englanti"],
            Lang::Nb => ["Norwegian", "norsk", "norska", "norsk", "norja"],
            Lang::Sv => ["Swedish", "svensk", "svenska", "svensk", "ruotsi"],
            Lang::Da => ["Danish", "dansk", "danska", "dansk", "tanska"],
            Lang::Fi => ["Finnish", "finsk", "finska", "finsk", "suomi"],
            Lang::Is => ["Icelandic", "islandsk", "isländska", "islandsk", "islanti"],
        },
    )
}

/// An actor kind's name.
fn kind_label(k: ActorKind, lang: Lang) -> &'static str {
    pick(
        lang,
        match k {
            ActorKind::Government => ["government", "regjering", "regering", "regering", "hallitus"],
            ActorKind::Parliament => ["parliament", "nasjonalforsamling", "riksdag", "parlament", "eduskunta"],
            ActorKind::Ministry => ["ministry", "departement", "departement", "ministerium", "ministeriö"],
            ActorKind::Agency => ["agency", "etat", "myndighet", "styrelse", "virasto"],
            ActorKind::Unit => ["unit", "enhet", "enhet", "enhed", "yksikkö"],
            ActorKind::Council => ["council", "råd", "råd", "råd", "neuvosto"],
            ActorKind::Forum => ["forum", "forum", "forum", "forum", "foorumi"],
            ActorKind::Association => ["association", "interesseorganisasjon", "förbund", "forening", "liitto"],
            ActorKind::Company => ["company", "selskap", "bolag", "selskab", "yhtiö"],
            ActorKind::Collective => [
                "group of bodies",
                "gruppe av virksomheter",
                "grupp av organisationer",
                "gruppe af organisationer",
                "organisaatioryhmä",
            ],
            ActorKind::Secretariat => ["secretariat", "sekretariat", "sekretariat", "sekretariat", "sihteeristö"],
            ActorKind::Programme => [
                "programme or scheme",
                "program eller ordning",
                "program eller ordning",
                "program eller ordning",
                "ohjelma tai järjestely",
            ],
            ActorKind::Placeholder => ["stand-in", "plassholder", "platshållare", "pladsholder", "paikanpitäjä"],
            ActorKind::Municipality => ["municipality", "kommune", "kommun", "kommune", "kunta"],
            ActorKind::Region => ["region", "region", "region", "region", "alue"],
            ActorKind::AuditOffice => {
                ["audit office", "riksrevisjon", "riksrevision", "rigsrevision", "tarkastusvirasto"]
            }
        },
    )
}

/// A relation type's name, read `from <name> to`.
fn relation_label(r: RelationType, lang: Lang) -> &'static str {
    pick(
        lang,
        match r {
            RelationType::ReportsTo => {
                ["reports to", "rapporterer til", "rapporterar till", "rapporterer til", "raportoi"]
            }
            RelationType::OwnedBy => ["owned by", "eid av", "ägs av", "ejet af", "omistaja"],
            RelationType::PartOf => ["part of", "del av", "del av", "del af", "osa"],
            RelationType::MemberOf => ["member of", "medlem av", "medlem i", "medlem af", "jäsen"],
            RelationType::Represents => ["represents", "representerer", "representerar", "repræsenterer", "edustaa"],
            RelationType::Funds => ["funds", "finansierer", "finansierar", "finansierer", "rahoittaa"],
            RelationType::Advises => ["advises", "gir råd til", "ger råd till", "rådgiver", "neuvoo"],
            RelationType::Coordinates => ["coordinates", "koordinerer", "samordnar", "koordinerer", "koordinoi"],
            RelationType::HostsSecretariatOf => [
                "hosts the secretariat of",
                "har sekretariatet for",
                "har sekretariatet för",
                "har sekretariatet for",
                "on sihteeristö",
            ],
            RelationType::AgreementWith => {
                ["has an agreement with", "har avtale med", "har avtal med", "har aftale med", "on sopimus"]
            }
            RelationType::Appoints => ["appoints", "oppnevner", "utser", "udpeger", "nimittää"],
            RelationType::Chairs => ["chairs", "leder", "leder", "leder", "johtaa"],
            RelationType::Supervises => {
                ["supervises", "fører tilsyn med", "utövar tillsyn över", "fører tilsyn med", "valvoo"]
            }
            RelationType::Consults => ["consults", "konsulterer", "samråder med", "konsulterer", "kuulee"],
            RelationType::OperatesFor => ["operates for", "drifter for", "driver för", "driver for", "ylläpitää"],
            RelationType::Succeeds => ["succeeds", "etterfølger", "efterträder", "efterfølger", "seuraa"],
            RelationType::Gatekeeps => [
                "approves the projects of",
                "godkjenner prosjektene til",
                "godkänner projekten hos",
                "godkender projekterne hos",
                "hyväksyy hankkeet",
            ],
        },
    )
}

/// A qualifier's name.
fn qualifier_label(q: Qualifier, lang: Lang) -> &'static str {
    pick(
        lang,
        match q {
            Qualifier::Possibly => ["possibly", "eventuelt", "eventuellt", "eventuelt", "mahdollisesti"],
            Qualifier::InSomeCases => {
                ["in some cases", "i enkelte tilfeller", "i vissa fall", "i visse tilfælde", "joissakin tapauksissa"]
            }
            Qualifier::Advisory => ["advisory", "rådgivende", "rådgivande", "rådgivende", "neuvoa-antava"],
            Qualifier::ConsultedOnly => {
                ["consulted only", "bare i høring", "endast remissinstans", "kun i høring", "vain kuultavana"]
            }
            Qualifier::Example => ["as an example", "som eksempel", "som exempel", "som eksempel", "esimerkkinä"],
            Qualifier::Partly => ["partly", "delvis", "delvis", "delvis", "osittain"],
        },
    )
}

/// A confidence's name.
fn confidence_label(c: Confidence, lang: Lang) -> &'static str {
    pick(
        lang,
        match c {
            Confidence::High => ["high", "høy", "hög", "høj", "korkea"],
            Confidence::Medium => ["medium", "middels", "medel", "middel", "keskitaso"],
            Confidence::Low => ["low", "lav", "låg", "lav", "matala"],
        },
    )
}
