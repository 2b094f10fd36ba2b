//! `nordgov fmt`: model files in canonical layout, comments kept: keys inside a table are
//! aligned at `=`, and everything else (the order of tables, comments, blank lines, value
//! spelling) stays as written, so a model grouped by hand stays grouped and formatting twice
//! changes nothing. With `sort`, arrays of facts are also put in the model's canonical order
//! ([`crate::model::FILE_ORDER`]: actors by id, relations by from/type/to, role entries by
//! level/role/sector, resources by actor, vocabulary terms in their vocabulary's order), each
//! table moving with the comments above it and the sub-tables under it.

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

use crate::model::{term_rank, FILE_ORDER};

/// `text` in canonical layout (and canonical order if `sort`), or the parse error.
pub fn format(text: &str, sort: bool) -> Result<String, toml_edit::TomlError> {
    let mut doc: DocumentMut = text.parse()?;
    if sort {
        for (key, fields) in FILE_ORDER {
            if let Some(Item::ArrayOfTables(arr)) = doc.get_mut(key) {
                sort_tables(arr, fields);
            }
        }
    }
    align(doc.as_table_mut());
    Ok(doc.to_string())
}

/// The sort key of `t`'s field `k`: a vocabulary term's place in its vocabulary (so levels
/// run national to local, as the loaded model orders them), then the text (strings as
/// written, numbers as text). A missing field sorts first.
fn field(t: &Table, k: &str) -> (Option<usize>, String) {
    match t.get(k).and_then(Item::as_value) {
        Some(v) => {
            let text = v.as_str().map_or_else(|| v.to_string().trim().to_string(), str::to_string);
            (term_rank(k, &text), text)
        }
        None => (None, String::new()),
    }
}

/// Every table position under `t` (itself and its sub-tables), in document order.
fn positions(t: &Table, out: &mut Vec<isize>) {
    if let Some(p) = t.position() {
        out.push(p);
    }
    for (_, item) in t.iter() {
        match item {
            Item::Table(sub) => positions(sub, out),
            Item::ArrayOfTables(a) => a.iter().for_each(|sub| positions(sub, out)),
            _ => {}
        }
    }
}

/// Gives `t` and its sub-tables the next positions from `pool`, keeping their relative order.
fn renumber(t: &mut Table, pool: &mut std::vec::IntoIter<isize>) {
    let mut own = Vec::new();
    positions(t, &mut own);
    let mut fresh: Vec<isize> = own.iter().map(|_| pool.next().unwrap_or(isize::MAX)).collect();
    fresh.sort_unstable();
    let mut order = own.clone();
    order.sort_unstable();
    // Old position -> new one, in the same relative order.
    let map: Vec<(isize, isize)> = order.into_iter().zip(fresh).collect();
    set_positions(t, &map);
}

fn set_positions(t: &mut Table, map: &[(isize, isize)]) {
    if let Some(p) = t.position() {
        if let Some((_, new)) = map.iter().find(|(old, _)| *old == p) {
            t.set_position(Some(*new));
        }
    }
    for (_, item) in t.iter_mut() {
        match item {
            Item::Table(sub) => set_positions(sub, map),
            Item::ArrayOfTables(a) => a.iter_mut().for_each(|sub| set_positions(sub, map)),
            _ => {}
        }
    }
}

/// Sorts an array of tables by `fields` (stable), moving each table's sub-tables with it: the
/// document prints tables by position, so the array's positions are dealt out again in the
/// new order.
///
/// The comment block above the first table, up to its last blank line, belongs to the file
/// (the schema line, what the file holds), so it stays at the top rather than travelling with
/// that table.
fn sort_tables(arr: &mut ArrayOfTables, fields: &[&str]) {
    let mut tables: Vec<Table> = arr.iter().cloned().collect();
    let mut pool = Vec::new();
    for t in &tables {
        positions(t, &mut pool);
    }
    pool.sort_unstable();
    let first = pool.first().copied();
    let mut header = String::new();
    if let Some(t) = tables.iter_mut().find(|t| t.position() == first) {
        let prefix = t.decor().prefix().and_then(|p| p.as_str()).unwrap_or("").to_string();
        if let Some(end) = prefix.rfind("\n\n") {
            header = prefix[..end + 2].to_string();
            t.decor_mut().set_prefix(prefix[end + 2..].to_string());
        }
    }
    tables.sort_by_cached_key(|t| fields.iter().map(|f| field(t, f)).collect::<Vec<_>>());
    let mut pool = pool.into_iter();
    let mut sorted = ArrayOfTables::new();
    for mut t in tables {
        renumber(&mut t, &mut pool);
        // One blank line before every table of the array; the file's header above the first.
        let own = t.decor().prefix().and_then(|p| p.as_str()).unwrap_or("").trim_start_matches('\n').to_string();
        if t.position() == first {
            t.decor_mut().set_prefix(format!("{header}{own}"));
        } else {
            t.decor_mut().set_prefix(format!("\n{own}"));
        }
        sorted.push(t);
    }
    *arr = sorted;
}

/// Aligns the `=` of the plain key-value pairs of `t` and of every table below it.
fn align(t: &mut Table) {
    let width = t
        .iter()
        .filter(|(_, item)| item.is_value())
        .map(|(k, _)| toml_edit::Key::new(k).display_repr().chars().count())
        .max()
        .unwrap_or(0);
    for (mut key, item) in t.iter_mut() {
        match item {
            Item::Value(v) => {
                let len = key.display_repr().chars().count();
                key.leaf_decor_mut().set_suffix(" ".repeat(width - len.min(width) + 1));
                v.decor_mut().set_prefix(" ");
            }
            Item::Table(sub) => align(sub),
            Item::ArrayOfTables(a) => a.iter_mut().for_each(align),
            Item::None => {}
        }
    }
}
