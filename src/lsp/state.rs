//! What the server holds: the texts of open documents laid over the files on disk, grouped in
//! units a model is checked by, with each file's index and the diagnostics of the last check.
//!
//! A *unit* is one model directory (its `*.toml` files, checked together by
//! [`crate::load::load`] exactly as `nordgov validate` checks them) plus its scenarios (the
//! files under `scenarios/`, and any open scenario whose `base` is the directory), each parsed by
//! [`crate::scenario::parse`] and applied to the model as `nordgov scenario apply` does. An edit
//! to any file re-checks its whole unit, so a renamed actor in `actors.toml` shows up as an
//! unknown actor in `roles.toml`. A file in no model directory is *loose*: it gets the checks
//! one file allows (syntax and schema), nothing that needs the rest of a model.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use lsp_types::Url;

use super::diagnostics::{self, Published};
use super::index::{self, FileIndex};
use super::text::LineIndex;
use crate::diagnostic::{Diagnostic, SourceDb};
use crate::files::workspace::{self, ModelDir};
use crate::load::Limits;
use crate::model::Country;

/// One file's text and what was read from it.
#[derive(Debug, Clone)]
pub struct Doc {
    /// The text (the editor's when open, else the disk's).
    pub text: String,
    /// Line starts of `text`.
    pub lines: LineIndex,
    /// Ids and facts of `text`.
    pub index: FileIndex,
    /// Whether the editor has it open (its text wins over the disk's).
    pub open: bool,
    /// Whether it is a scenario.
    pub scenario: bool,
}

impl Doc {
    /// A document read from `text`.
    pub fn new(text: String, scenario: bool, open: bool) -> Self {
        let lines = LineIndex::new(&text);
        let index = index::index(&text, scenario);
        Doc { text, lines, index, open, scenario }
    }

    /// Replaces the text and re-reads it.
    pub fn set_text(&mut self, text: String) {
        *self = Doc::new(text, self.scenario, self.open);
    }
}

/// A model directory and its scenarios.
#[derive(Debug, Clone)]
pub struct Unit {
    /// The model directory (canonical).
    pub dir: PathBuf,
    /// Model files by path, sorted as the loader reads them.
    pub models: BTreeMap<PathBuf, Doc>,
    /// Scenario files by path.
    pub scenarios: BTreeMap<PathBuf, Doc>,
    /// Problems reading the directory (a file over the size limit, not UTF-8), with the files
    /// they were read into; while one stands, the model is not validated (as `validate` does).
    read: (SourceDb, Vec<Diagnostic>),
    /// The model of the last check, if it was valid.
    pub country: Option<Country>,
}

impl Unit {
    /// Reads the model directory `dir` (canonical) and its `scenarios/` from disk.
    pub fn read(dir: &Path, limits: &Limits) -> Unit {
        let mut db = SourceDb::new();
        let md = ModelDir { path: dir.to_path_buf(), name: workspace::display(dir) };
        // Every file read, also one that is not UTF-8 (kept lossily, so its diagnostic shows).
        let (_, read_diags) = workspace::read_model(&md, &mut db, limits);
        let models = db.iter().map(|(_, f)| (PathBuf::from(&f.name), Doc::new(f.text.clone(), false, false))).collect();
        let mut scenarios = BTreeMap::new();
        if let Ok(entries) = std::fs::read_dir(dir.join("scenarios")) {
            for p in entries.filter_map(Result::ok).map(|e| e.path()) {
                if p.extension().is_some_and(|e| e == "toml") {
                    if let Ok(text) = workspace::read_text(&p, limits) {
                        scenarios.insert(p, Doc::new(text, true, false));
                    }
                }
            }
        }
        Unit { dir: dir.to_path_buf(), models, scenarios, read: (db, read_diags), country: None }
    }

    /// Every file of the unit, model files first.
    pub fn docs(&self) -> impl Iterator<Item = (&PathBuf, &Doc)> {
        self.models.iter().chain(self.scenarios.iter())
    }

    /// The file at `path`, if the unit has it.
    pub fn doc(&self, path: &Path) -> Option<&Doc> {
        self.models.get(path).or_else(|| self.scenarios.get(path))
    }

    fn doc_mut(&mut self, path: &Path) -> Option<&mut Doc> {
        match self.models.get_mut(path) {
            Some(d) => Some(d),
            None => self.scenarios.get_mut(path),
        }
    }

    /// Checks the model and its scenarios; returns the diagnostics of every file.
    pub fn check(&mut self, limits: &Limits) -> Published {
        let mut out = Published::default();
        let read: Vec<&Diagnostic> =
            self.read.1.iter().filter(|d| !concerns_open(d, &self.read.0, &self.models)).collect();
        let paths: Vec<&Path> = self.models.keys().map(PathBuf::as_path).collect();
        if read.is_empty() {
            let mut db = SourceDb::new();
            let ids: Vec<usize> =
                self.models.iter().map(|(p, d)| db.add(workspace::display(p), d.text.clone())).collect();
            let (country, diags) = crate::load::load(&workspace::display(&self.dir), &db, &ids, limits);
            for d in &diags {
                let doc_of = |id: usize| {
                    paths.get(id).and_then(|p| self.models.get_key_value(*p)).map(|(p, d)| (p.as_path(), d))
                };
                diagnostics::add(&mut out, d, doc_of, &self.models);
            }
            self.country = country;
        } else {
            for d in read {
                let db = &self.read.0;
                let doc_of = |id: usize| {
                    db.get(id)
                        .and_then(|f| self.models.get_key_value(Path::new(&f.name)))
                        .map(|(p, d)| (p.as_path(), d))
                };
                diagnostics::add(&mut out, d, doc_of, &self.models);
            }
            self.country = None;
        }
        for (path, doc) in &self.scenarios {
            out.files.entry(path.clone()).or_default();
            let base = scenario_base(path, &doc.text);
            let own = base.as_deref() == Some(self.dir.as_path());
            let country =
                if own { self.country.clone() } else { base.as_deref().and_then(|b| load_from_disk(b, limits)) };
            for d in check_scenario(path, &doc.text, base.is_some().then_some(country).flatten().as_ref(), limits) {
                diagnostics::add_single(&mut out, &d, path, doc);
            }
        }
        for p in self.models.keys() {
            out.files.entry(p.clone()).or_default();
        }
        out
    }
}

/// Whether a reading problem concerns a file the editor has open (its text is the editor's).
fn concerns_open(d: &Diagnostic, db: &SourceDb, models: &BTreeMap<PathBuf, Doc>) -> bool {
    let name = d.primary().and_then(|l| db.get(l.file)).map(|f| f.name.clone()).or_else(|| d.path.clone());
    name.is_some_and(|n| models.get(Path::new(&n)).is_some_and(|doc| doc.open))
}

/// A scenario's diagnostics: its own (syntax, keys, terms), then, with its base model, the first
/// operation that does not apply.
pub fn check_scenario(path: &Path, text: &str, base: Option<&Country>, limits: &Limits) -> Vec<Diagnostic> {
    let mut db = SourceDb::new();
    let file = db.add(workspace::display(path), text);
    match crate::scenario::parse(file, text, limits) {
        Err(d) => d,
        Ok(s) => match base {
            Some(c) => {
                let base = match s.as_of {
                    Some(date) => c.as_of(date),
                    None => c.clone(),
                };
                crate::scenario::apply(&base, &s, file).err().into_iter().collect()
            }
            None => Vec::new(),
        },
    }
}

fn load_from_disk(dir: &Path, limits: &Limits) -> Option<Country> {
    let mut db = SourceDb::new();
    workspace::load_model(&ModelDir { path: dir.to_path_buf(), name: workspace::display(dir) }, &mut db, limits).0
}

/// Whether `text` is a scenario (has a `[scenario]` table).
pub fn is_scenario(text: &str) -> bool {
    text.lines().any(|l| l.trim() == "[scenario]")
}

/// The model directory a scenario's `base` names (canonical): beside the scenario first (`..`),
/// then as a country code next to the model directories above it.
pub fn scenario_base(path: &Path, text: &str) -> Option<PathBuf> {
    let (doc, _) = toml::de::DeTable::parse_recoverable(text);
    let base = match doc.get_ref().get("scenario").map(|s| s.get_ref()) {
        Some(toml::de::DeValue::Table(t)) => match t.get("base").map(|b| b.get_ref()) {
            Some(toml::de::DeValue::String(s)) => s.to_string(),
            _ => return None,
        },
        _ => return None,
    };
    let dir = path.parent()?;
    dir.ancestors()
        .take(4)
        .map(|a| a.join(&base))
        .find(|c| c.is_dir() && workspace::holds_model(c))
        .and_then(|c| std::fs::canonicalize(c).ok())
}

/// Every file the server knows, and the units they belong to.
#[derive(Debug, Default)]
pub struct State {
    /// Units by model directory.
    pub units: BTreeMap<PathBuf, Unit>,
    /// Files in no unit.
    pub loose: BTreeMap<PathBuf, Doc>,
    /// The address each open file was opened under (diagnostics go back to it).
    pub uris: BTreeMap<PathBuf, Url>,
    /// Input limits.
    pub limits: Limits,
    /// Units and loose files to check before the next answer.
    dirty: BTreeSet<PathBuf>,
    /// Files that had diagnostics at the last publication (to clear them when fixed).
    pub with_diagnostics: BTreeSet<PathBuf>,
}

/// Where a file lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// In the unit of this model directory.
    Unit(PathBuf),
    /// Loose.
    Loose,
}

impl State {
    /// A state with these limits.
    pub fn new(limits: Limits) -> Self {
        State { limits, ..State::default() }
    }

    /// The canonical path of a `file:` address (its directory canonicalised; the file itself
    /// may not exist yet).
    pub fn path_of(url: &Url) -> Option<PathBuf> {
        let p = url.to_file_path().ok()?;
        let dir = p.parent().and_then(|d| std::fs::canonicalize(d).ok());
        Some(match (dir, p.file_name()) {
            (Some(d), Some(n)) => d.join(n),
            _ => p,
        })
    }

    /// Where `path` is, if the server knows it.
    pub fn place(&self, path: &Path) -> Option<Place> {
        if let Some((dir, _)) = self.units.iter().find(|(_, u)| u.doc(path).is_some()) {
            return Some(Place::Unit(dir.clone()));
        }
        self.loose.contains_key(path).then_some(Place::Loose)
    }

    /// The document at `path`, and the unit it belongs to.
    pub fn doc(&self, path: &Path) -> Option<(&Doc, Option<&Unit>)> {
        match self.place(path)? {
            Place::Unit(dir) => {
                let u = self.units.get(&dir)?;
                Some((u.doc(path)?, Some(u)))
            }
            Place::Loose => Some((self.loose.get(path)?, None)),
        }
    }

    /// The editor opened `path` with `text`.
    pub fn open(&mut self, url: Url, path: PathBuf, text: String) {
        self.uris.insert(path.clone(), url);
        let scenario = is_scenario(&text);
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let unit_dir = if !scenario && workspace::holds_model(&dir) {
            Some(dir)
        } else if scenario {
            scenario_base(&path, &text)
        } else {
            None
        };
        let mut doc = Doc::new(text, scenario, true);
        doc.open = true;
        match unit_dir {
            Some(d) => {
                let limits = self.limits;
                let unit = self.units.entry(d.clone()).or_insert_with(|| Unit::read(&d, &limits));
                if scenario {
                    unit.scenarios.insert(path, doc);
                } else {
                    unit.models.insert(path, doc);
                }
                self.dirty.insert(d);
            }
            None => {
                self.loose.insert(path.clone(), doc);
                self.dirty.insert(path);
            }
        }
    }

    /// The editor changed `path`'s text.
    pub fn change(&mut self, path: &Path, edit: impl FnOnce(&mut String)) {
        let (doc, key) = match self.place(path) {
            Some(Place::Unit(dir)) => (self.units.get_mut(&dir).and_then(|u| u.doc_mut(path)), dir),
            Some(Place::Loose) => (self.loose.get_mut(path), path.to_path_buf()),
            None => return,
        };
        if let Some(doc) = doc {
            let mut text = std::mem::take(&mut doc.text);
            edit(&mut text);
            doc.set_text(text);
            self.dirty.insert(key);
        }
    }

    /// The editor closed `path`: its text is the disk's again.
    pub fn close(&mut self, path: &Path) {
        match self.place(path) {
            Some(Place::Unit(dir)) => {
                let limits = self.limits;
                if let Some(u) = self.units.get_mut(&dir) {
                    match workspace::read_text(path, &limits) {
                        Ok(text) => {
                            if let Some(d) = u.doc_mut(path) {
                                d.open = false;
                                d.set_text(text);
                            }
                        }
                        Err(_) => {
                            u.models.remove(path);
                            u.scenarios.remove(path);
                        }
                    }
                    // A unit with no open file is dropped; it is read again when one opens.
                    if !u.docs().any(|(_, d)| d.open) {
                        self.units.remove(&dir);
                        return;
                    }
                }
                self.dirty.insert(dir);
            }
            Some(Place::Loose) => {
                self.loose.remove(path);
                self.dirty.insert(path.to_path_buf());
            }
            None => {}
        }
        self.uris.remove(path);
    }

    /// Files changed on disk: the units that hold them are read again (open texts kept).
    pub fn disk_changed(&mut self, paths: &[PathBuf]) {
        let dirs: Vec<PathBuf> =
            self.units.keys().filter(|d| paths.iter().any(|p| p.starts_with(d.as_path()))).cloned().collect();
        for d in dirs {
            let Some(old) = self.units.remove(&d) else { continue };
            let mut fresh = Unit::read(&d, &self.limits);
            for (p, doc) in old.docs().filter(|(_, doc)| doc.open) {
                if doc.scenario {
                    fresh.scenarios.insert(p.clone(), doc.clone());
                } else {
                    fresh.models.insert(p.clone(), doc.clone());
                }
            }
            self.units.insert(d.clone(), fresh);
            self.dirty.insert(d);
        }
    }

    /// Checks what changed since the last call; returns the diagnostics to publish, by file.
    pub fn check_dirty(&mut self) -> Published {
        let mut out = Published::default();
        for key in std::mem::take(&mut self.dirty) {
            if let Some(u) = self.units.get_mut(&key) {
                out.files.extend(u.check(&self.limits).files);
            } else if let Some(doc) = self.loose.get(&key) {
                let mut db = SourceDb::new();
                let file = db.add(workspace::display(&key), doc.text.clone());
                let diags = if doc.scenario {
                    check_scenario(&key, &doc.text, None, &self.limits)
                } else {
                    crate::load::parse(file, &doc.text, &self.limits).1
                };
                out.files.entry(key.clone()).or_default();
                for d in &diags {
                    diagnostics::add_single(&mut out, d, &key, doc);
                }
            } else {
                out.files.entry(key).or_default();
            }
        }
        out
    }

    /// The address to publish `path`'s diagnostics under.
    pub fn uri(&self, path: &Path) -> Option<Url> {
        self.uris.get(path).cloned().or_else(|| Url::from_file_path(path).ok())
    }
}
