//! The report's three tables as view types: the role matrix (level x role), the strategic
//! steering table (per sector and level) and the operational steering matrices (per key actor,
//! role x instrument). Renderers read these, never the model.

use serde::Serialize;

use crate::model::*;

/// An actor as shown in a table: its id and the label readers see.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorRef {
    /// Stable id.
    pub id: ActorId,
    /// Abbreviation, else name in the requested language (with fallbacks), else id.
    pub label: String,
}

impl ActorRef {
    pub(crate) fn new(c: &Country, id: &ActorId, lang: Lang) -> Self {
        let label = c.actor(id).map_or_else(|| id.to_string(), |a| a.label(lang, c.natives()));
        Self { id: id.clone(), label }
    }
}

/// Where a table cell comes from, merged over the statements that fill it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CellProvenance {
    /// Every source passage, in statement order, without repeats.
    pub sources: Vec<SourceRef>,
    /// The lowest confidence among the statements (None if any statement gives none).
    pub confidence: Option<Confidence>,
    /// Whether any statement was reconstructed.
    pub reconstructed: bool,
}

impl CellProvenance {
    /// The provenance of several cells together: every source once, in order, the weakest
    /// confidence, reconstructed if any is.
    pub fn union<'a>(items: impl IntoIterator<Item = &'a CellProvenance>) -> CellProvenance {
        let mut out = CellProvenance::default();
        for (i, p) in items.into_iter().enumerate() {
            for s in &p.sources {
                if !out.sources.contains(s) {
                    out.sources.push(s.clone());
                }
            }
            out.confidence =
                if i == 0 { p.confidence } else { out.confidence.zip(p.confidence).map(|(a, b)| a.max(b)) };
            out.reconstructed |= p.reconstructed;
        }
        out
    }

    pub(crate) fn add(&mut self, p: &Provenance, first: bool) {
        for s in &p.sources {
            if !self.sources.contains(s) {
                self.sources.push(s.clone());
            }
        }
        // Confidence is ordered high < medium < low; the weakest statement decides.
        self.confidence = if first { p.confidence } else { self.confidence.zip(p.confidence).map(|(a, b)| a.max(b)) };
        self.reconstructed |= p.reconstructed;
    }
}

/// One holder of a role cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellHolder {
    /// The actor.
    pub actor: ActorRef,
    /// The report's qualifier, if any.
    pub qualifier: Option<Qualifier>,
}

/// One cell of the role matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleCell {
    /// The role (column).
    pub role: Role,
    /// The holders, in the order the statements name them.
    pub holders: Vec<CellHolder>,
    /// Where the cell comes from.
    pub provenance: CellProvenance,
}

/// One row (level) of the role matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleRow {
    /// The level.
    pub level: Level,
    /// Whether the country has the level; rows of missing levels are kept, empty, so that
    /// countries line up.
    pub present: bool,
    /// One cell per role, in process order.
    pub cells: Vec<RoleCell>,
}

/// The role matrix of one country and sector.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleMatrix {
    /// Country code.
    pub country: String,
    /// The sector shown.
    pub sector: Sector,
    /// One row per level, national first.
    pub rows: Vec<RoleRow>,
}

/// The role matrix of `c` for `sector`: the union of the role statements per cell.
///
/// # Complexity
/// O(entries x holders), with a linear scan per cell to keep holders unique.
pub fn role_matrix(c: &Country, sector: Sector, lang: Lang) -> RoleMatrix {
    let rows = Level::ALL
        .iter()
        .map(|&level| {
            let cells = Role::ALL
                .iter()
                .map(|&role| {
                    let mut cell = RoleCell { role, holders: Vec::new(), provenance: CellProvenance::default() };
                    let entries = c.roles.iter().filter(|e| e.level == level && e.role == role && e.sector == sector);
                    for (i, e) in entries.enumerate() {
                        cell.provenance.add(&e.provenance, i == 0);
                        for h in &e.holders {
                            if !cell.holders.iter().any(|x| x.actor.id == h.actor) {
                                cell.holders.push(CellHolder {
                                    actor: ActorRef::new(c, &h.actor, lang),
                                    qualifier: h.qualifier,
                                });
                            }
                        }
                    }
                    cell
                })
                .collect();
            RoleRow { level, present: c.has_level(level), cells }
        })
        .collect();
    RoleMatrix { country: c.code.clone(), sector, rows }
}

/// One row of the strategic steering table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StrategicRow {
    /// The sector.
    pub sector: Sector,
    /// The level.
    pub level: Level,
    /// Primary actors.
    pub primary_actors: Vec<ActorRef>,
    /// Strategy documents.
    pub documents: Vec<StrategyDocument>,
    /// Instruments, strong to soft.
    pub instruments: Vec<Instrument>,
    /// The source's description of the steering tools.
    pub text: Option<String>,
    /// Where it comes from.
    pub provenance: CellProvenance,
}

/// The strategic steering table of a country.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StrategicTable {
    /// Country code.
    pub country: String,
    /// Rows sorted by sector, then level.
    pub rows: Vec<StrategicRow>,
}

/// The strategic steering table of `c`, for one sector or all.
pub fn strategic(c: &Country, sector: Option<Sector>, lang: Lang) -> StrategicTable {
    let rows = c
        .strategies
        .iter()
        .filter(|s| sector.is_none_or(|x| x == s.sector))
        .map(|s| {
            let mut provenance = CellProvenance::default();
            provenance.add(&s.provenance, true);
            StrategicRow {
                sector: s.sector,
                level: s.level,
                primary_actors: s.primary_actors.iter().map(|a| ActorRef::new(c, a, lang)).collect(),
                documents: s.documents.clone(),
                instruments: s.instruments.clone(),
                text: s.text.clone(),
                provenance,
            }
        })
        .collect();
    StrategicTable { country: c.code.clone(), rows }
}

/// One cell of an operational steering matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InstrumentCell {
    /// The instrument (column).
    pub instrument: Instrument,
    /// Whether the slide attributes a use of the instrument to the role.
    pub used: bool,
    /// The bullet's short description, if any.
    pub text: Option<String>,
    /// Where it comes from (empty when the slide states nothing for the cell).
    pub provenance: CellProvenance,
}

/// One role (row) of an operational steering matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InstrumentRow {
    /// The role.
    pub role: Role,
    /// One cell per instrument, strong to soft.
    pub cells: Vec<InstrumentCell>,
}

/// An operational steering slide as a role x instrument matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OperationalMatrix {
    /// Country code.
    pub country: String,
    /// The key actor.
    pub actor: ActorRef,
    /// The sector.
    pub sector: Sector,
    /// The slide's title.
    pub title: Option<String>,
    /// The roles the slide covers (its rows), in process order.
    pub rows: Vec<InstrumentRow>,
    /// Where the slide comes from.
    pub provenance: CellProvenance,
}

/// The operational steering matrices of `c`, optionally for one actor and/or sector.
pub fn operational(c: &Country, actor: Option<&ActorId>, sector: Option<Sector>, lang: Lang) -> Vec<OperationalMatrix> {
    c.steering
        .iter()
        .filter(|s| actor.is_none_or(|a| a == &s.actor) && sector.is_none_or(|x| x == s.sector))
        .map(|s| {
            let mut roles: Vec<Role> = s.roles.clone();
            roles.extend(s.cells.iter().map(|c| c.role));
            roles.sort();
            roles.dedup();
            let rows = roles
                .into_iter()
                .map(|role| InstrumentRow {
                    role,
                    cells: Instrument::ALL
                        .iter()
                        .map(|&instrument| {
                            let found = s.cells.iter().find(|x| x.role == role && x.instrument == instrument);
                            let mut provenance = CellProvenance::default();
                            if let Some(f) = found {
                                provenance.add(&f.provenance, true);
                            }
                            InstrumentCell {
                                instrument,
                                used: found.is_some_and(|f| f.used),
                                text: found.and_then(|f| f.text.clone()),
                                provenance,
                            }
                        })
                        .collect(),
                })
                .collect();
            let mut provenance = CellProvenance::default();
            provenance.add(&s.provenance, true);
            OperationalMatrix {
                country: c.code.clone(),
                actor: ActorRef::new(c, &s.actor, lang),
                sector: s.sector,
                title: s.title.clone(),
                rows,
                provenance,
            }
        })
        .collect()
}
