//! Plain-text tables for the terminal: the matrices wrapped to a given width, never truncated.
//!
//! Columns get their natural width when the table fits; otherwise the widest columns give up
//! space until it does, and text wraps at word boundaries. A header is never broken inside a
//! word: no column gets narrower than its header's longest word. The layout gives up, in this
//! order, until the table fits:
//!
//! 1. nothing: every column keeps at least its longest header word and its longest cell word;
//! 2. long cell words: a cell word longer than its column is broken (columns keep at least
//!    [`MIN_COLUMN`] characters, or their header's longest word);
//! 3. long header words: they are abbreviated (`population` -> `pop.`, never shorter than
//!    [`MIN_ABBREV`] characters), cell words kept whole if that is enough, and a legend line
//!    under the table says what each abbreviation stands for (`pop. = population`);
//! 4. the width: when even the shortest abbreviations and broken cell words leave too many
//!    columns for it (the 23 fixed columns of the actor list in 80 characters), the table is
//!    wider than asked, with its headers whole and cell words broken as in 2: the last resort,
//!    never truncated, never broken inside a header word.
//!
//! Widths count characters, which is right for the Latin scripts the models use.

use super::grid::Grid;
use crate::diagnostic::emit::printable;

/// `s` safe for a terminal: control characters and bidirectional overrides from a model could
/// move the cursor, recolour or reorder the screen, so they are written as escapes (`\u{1b}`);
/// tabs become spaces and carriage returns go. Newlines stay: they separate a cell's lines.
fn terminal_safe(s: &str) -> String {
    s.replace('\r', "").replace('\t', " ").split('\n').map(printable).collect::<Vec<_>>().join("\n")
}

/// The narrowest a column is squeezed to by breaking its cells' words.
pub const MIN_COLUMN: usize = 6;
/// The shortest an abbreviated header word gets, its full stop included (`pop.`).
pub const MIN_ABBREV: usize = 4;

/// The characters in the longest whitespace-separated word of `text`.
fn longest_word(text: &str) -> usize {
    text.split_whitespace().map(|w| w.chars().count()).max().unwrap_or(0)
}

fn is_vowel(c: char) -> bool {
    "aeiouyæøåäöéèáàíóúü".contains(c.to_lowercase().next().unwrap_or(c))
}

/// `word` in at most `limit` characters: whole if it fits, else cut before a vowel that follows
/// a consonant where the word allows (`population` -> `pop.`, `municipalities` -> `munic.`),
/// else after `limit - 1` characters, with a full stop.
pub fn abbreviate(word: &str, limit: usize) -> String {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() <= limit {
        return word.to_string();
    }
    let most = limit.saturating_sub(1).max(1);
    let least = (most / 2).clamp(2.min(most), most);
    let at = |k: usize| chars.get(k).copied().unwrap_or(' ');
    let cut = (least..=most)
        .rev()
        .find(|&k| at(k - 1).is_alphabetic() && !is_vowel(at(k - 1)) && is_vowel(at(k)))
        .unwrap_or(most);
    chars.iter().take(cut).collect::<String>() + "."
}

/// Each header with its words longer than their column's width in `widths` abbreviated, and
/// the abbreviations used, as (abbreviation, word), sorted. A word is abbreviated alike in
/// every column that needs it (to fit the narrowest), and different words never share an
/// abbreviation (`reach_1`, `reach_2` -> `rea.1`, `rea.2`).
fn abbreviated(header: &[String], widths: &[usize]) -> (Vec<String>, Vec<(String, String)>) {
    // Each word that does not fit a column, with the narrowest such column's width.
    let mut limits: Vec<(String, usize)> = Vec::new();
    for (h, width) in header.iter().zip(widths) {
        for w in h.split_whitespace().filter(|w| w.chars().count() > *width) {
            match limits.iter_mut().find(|(x, _)| x == w) {
                Some((_, l)) => *l = (*l).min(*width),
                None => limits.push((w.to_string(), *width)),
            }
        }
    }
    let first: Vec<String> = limits.iter().map(|(w, l)| abbreviate(w, *l)).collect();
    let mut short: Vec<(String, String)> = Vec::new();
    for ((w, limit), a) in limits.iter().zip(&first) {
        let clash = limits.iter().zip(&first).any(|((w2, _), a2)| a2 == a && w2 != w);
        // Words that would share an abbreviation keep their last characters after the stop:
        // the part after the last underscore or hyphen if it fits (`name_en` -> `nam.en`),
        // else as few as tell them apart.
        let chars: Vec<char> = w.chars().collect();
        let part = chars.iter().rev().take_while(|c| **c != '_' && **c != '-').count();
        let tails = std::iter::once(part).filter(|p| *p < chars.len()).chain(1..limit.saturating_sub(2));
        let apart = tails.filter(|tail| clash && *tail + 3 <= *limit).find_map(|tail| {
            let head: String = chars.iter().take(limit - 1 - tail).collect();
            let end: String = chars.iter().skip(chars.len() - tail).collect();
            let alone = !limits.iter().any(|(w2, _)| w2 != w && w2.starts_with(&head) && w2.ends_with(&end));
            alone.then(|| format!("{head}.{end}"))
        });
        short.push((w.clone(), apart.unwrap_or_else(|| a.clone())));
    }
    let header = header
        .iter()
        .map(|h| {
            h.split_whitespace()
                .map(|w| short.iter().find(|(x, _)| x == w).map_or(w, |(_, a)| a.as_str()))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let mut legend: Vec<(String, String)> = short.into_iter().map(|(w, a)| (a, w)).collect();
    legend.sort();
    (header, legend)
}

/// The least width of each column: its header's longest word (after abbreviation to `limit`
/// characters, if any) and its longest cell word, which `break_cells` caps at [`MIN_COLUMN`].
fn floors(header: &[String], cell_words: &[usize], limit: Option<usize>, break_cells: bool) -> Vec<usize> {
    header
        .iter()
        .zip(cell_words)
        .map(|(h, &c)| {
            let h = limit.map_or(longest_word(h), |l| longest_word(h).min(l));
            let c = if break_cells { c.min(MIN_COLUMN) } else { c };
            h.max(c).max(1)
        })
        .collect()
}

/// Lays `t` out in at most `width` columns of text (see the module's documentation for what
/// gives way when it does not fit).
pub fn layout(t: &Grid, width: usize) -> String {
    let mut safe = t.clone();
    safe.title = terminal_safe(&t.title);
    safe.header = t.header.iter().map(|h| terminal_safe(h)).collect();
    for cell in safe.rows.iter_mut().flatten() {
        cell.text = terminal_safe(&cell.text);
    }
    safe.notes = t.notes.iter().map(|n| terminal_safe(n)).collect();
    let t = &safe;
    let n = t.header.len();
    let column = |i: usize| t.rows.iter().filter_map(move |r| r.get(i)).map(|c| c.text.as_str());
    let natural: Vec<usize> = (0..n)
        .map(|i| {
            t.header
                .get(i)
                .map(String::as_str)
                .into_iter()
                .chain(column(i))
                .flat_map(str::lines)
                .map(|l| l.chars().count())
                .max()
                .unwrap_or(0)
                .max(1)
        })
        .collect();
    let cell_words: Vec<usize> = (0..n).map(|i| column(i).map(longest_word).max().unwrap_or(0)).collect();
    // Separators: "| " before each column, " |" after the last.
    let room = width.saturating_sub(3 * n + 1);
    let fits = |f: &[usize]| f.iter().sum::<usize>() <= room;
    let longest_header = t.header.iter().map(|h| longest_word(h)).max().unwrap_or(0);
    let limits = (MIN_ABBREV..longest_header).rev().map(Some);
    let floor = [(None, false), (None, true)]
        .into_iter()
        .chain(limits.clone().map(|l| (l, false)))
        .chain(limits.map(|l| (l, true)))
        .map(|(limit, break_cells)| floors(&t.header, &cell_words, limit, break_cells))
        .find(|f| fits(f))
        .unwrap_or_else(|| floors(&t.header, &cell_words, None, true));
    let mut widths: Vec<usize> = natural.iter().zip(&floor).map(|(n, f)| (*n).max(*f)).collect();
    while !fits(&widths) {
        let Some((i, w)) = widths
            .iter()
            .copied()
            .enumerate()
            .filter(|&(i, w)| floor.get(i).is_some_and(|f| w > *f))
            .max_by_key(|&(i, w)| (w, std::cmp::Reverse(i)))
        else {
            break;
        };
        if let Some(x) = widths.get_mut(i) {
            *x = w - 1;
        }
    }
    // Only the header words that do not fit their column as laid out are abbreviated.
    let (header, legend) = abbreviated(&t.header, &widths);
    let mut out = String::new();
    if !t.title.is_empty() {
        for line in wrap(&t.title, width.max(20)) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    let rule: String = widths.iter().map(|w| format!("+{}", "-".repeat(w + 2))).collect::<String>() + "+\n";
    out.push_str(&rule);
    push_row(&mut out, &header.iter().map(String::as_str).collect::<Vec<_>>(), &widths);
    out.push_str(&rule.replace('-', "="));
    for r in &t.rows {
        push_row(&mut out, &r.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), &widths);
        out.push_str(&rule);
    }
    // The legend breaks lines between its entries, not inside one.
    let mut lines: Vec<String> = Vec::new();
    for (a, w) in &legend {
        let entry = format!("{a} = {w}");
        match lines.last_mut() {
            Some(l) if l.chars().count() + 2 + entry.chars().count() <= width.max(20) => {
                l.push_str("; ");
                l.push_str(&entry);
            }
            _ => lines.push(entry),
        }
    }
    for note in lines.iter().chain(&t.notes) {
        for line in wrap(note, width.max(20)) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

fn push_row(out: &mut String, cells: &[&str], widths: &[usize]) {
    let wrapped: Vec<Vec<String>> =
        widths.iter().enumerate().map(|(i, w)| wrap(cells.get(i).copied().unwrap_or(""), *w)).collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
    for line in 0..height {
        for (i, w) in widths.iter().enumerate() {
            let text = wrapped.get(i).and_then(|c| c.get(line)).map_or("", String::as_str);
            out.push_str("| ");
            out.push_str(text);
            out.push_str(&" ".repeat(w.saturating_sub(text.chars().count()) + 1));
        }
        out.push_str("|\n");
    }
}

/// Wraps `text` (which may hold newlines) to lines of at most `width` characters.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let mut word: Vec<char> = word.chars().collect();
            loop {
                let len = line.chars().count();
                let sep = usize::from(len > 0);
                if len + sep + word.len() <= width {
                    if sep == 1 {
                        line.push(' ');
                    }
                    line.extend(word.iter());
                    break;
                }
                if len > 0 {
                    lines.push(std::mem::take(&mut line));
                    continue;
                }
                // A word longer than the column: break it.
                let rest = word.split_off(width.min(word.len()));
                lines.push(word.into_iter().collect());
                word = rest;
                if word.is_empty() {
                    break;
                }
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::grid::Cell;

    #[test]
    fn wraps_at_words_and_breaks_long_words() {
        assert_eq!(wrap("a bb ccc", 4), vec!["a bb", "ccc"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("", 5), vec![""]);
    }

    #[test]
    fn abbreviates_before_a_vowel() {
        assert_eq!(abbreviate("population", 5), "pop.");
        assert_eq!(abbreviate("population", 7), "popul.");
        assert_eq!(abbreviate("municipalities", 6), "munic.");
        assert_eq!(abbreviate("inhabitants", 6), "inhab.");
        assert_eq!(abbreviate("country", 5), "coun.");
        assert_eq!(abbreviate("short", 5), "short");
    }

    #[test]
    fn different_words_never_share_an_abbreviation() {
        let header: Vec<String> = ["reach_1 reach_2", "name_en", "name_nb"].map(String::from).to_vec();
        let (short, legend) = abbreviated(&header, &[6, 6, 6]);
        assert_eq!(short, vec!["reac.1 reac.2", "nam.en", "nam.nb"]);
        assert_eq!(legend.len(), 4);
    }

    #[test]
    fn headers_keep_their_words_and_abbreviate_with_a_legend() {
        let header: Vec<String> =
            ["country", "population", "municipalities", "FTE per million inhabitants"].map(String::from).to_vec();
        let t =
            Grid { header, rows: vec![["dk", "5748769", "98", "27.8"].map(Cell::text).to_vec()], ..Default::default() };
        // Wide enough: whole headers, no legend.
        let wide = layout(&t, 80);
        assert!(wide.contains("| population |") && !wide.contains(" = "), "{wide}");
        // Too narrow for the whole words: abbreviated, each explained once, nothing broken.
        let narrow = layout(&t, 34);
        assert!(narrow.lines().all(|l| l.chars().count() <= 34), "{narrow}");
        for long in ["population", "municipalities", "inhabitants"] {
            let entry = narrow.split(['\n', ';']).find(|e| e.ends_with(&format!(" = {long}"))).unwrap_or_default();
            let short = entry.trim().split(" = ").next().unwrap_or_default();
            let header = narrow.split("+=").next().unwrap_or_default();
            assert!(short.ends_with('.') && header.contains(&format!(" {short} ")), "{narrow}");
        }
        assert!(narrow.contains("5748769"), "a cell word was broken: {narrow}");
        // Far too narrow: wider than asked, the headers whole.
        let last = layout(&t, 20);
        assert!(last.contains("population") && last.contains("municipalities") && !last.contains(" = "), "{last}");
    }

    #[test]
    fn fits_the_width() {
        let t = Grid {
            header: vec!["a".into(), "b".into()],
            rows: vec![vec![Cell::text("word ".repeat(30)), Cell::text("other ".repeat(30))]],
            ..Default::default()
        };
        for width in [40, 80, 200] {
            let out = layout(&t, width);
            assert!(out.lines().all(|l| l.chars().count() <= width), "{out}");
            // Nothing is lost: every word is still there.
            assert_eq!(out.matches("word").count(), 30);
        }
    }
}
