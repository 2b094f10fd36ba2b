//! Text metrics for layouts: how wide a text is in the face viewers draw, and labels wrapped
//! at word boundaries.

/// Advance widths of DejaVu Sans 2.37 in thousandths of an em, by character (sorted), from
/// `scripts/font-widths.py`. DejaVu Sans is what Graphviz (through fontconfig) and browsers on
/// Linux draw for "Helvetica" when it is not installed, and it is wider than Helvetica, so text
/// sized by it fits in either face.
#[rustfmt::skip]
const WIDTHS: &[(char, u16)] = &[
    (' ', 318), ('!', 401), ('"', 460), ('#', 838), ('$', 636), ('%', 950), ('&', 780), ('\'', 275),
    ('(', 390), (')', 390), ('*', 500), ('+', 838), (',', 318), ('-', 361), ('.', 318), ('/', 337),
    ('0', 636), ('1', 636), ('2', 636), ('3', 636), ('4', 636), ('5', 636), ('6', 636), ('7', 636),
    ('8', 636), ('9', 636), (':', 337), (';', 337), ('<', 838), ('=', 838), ('>', 838), ('?', 531),
    ('@', 1000), ('A', 684), ('B', 686), ('C', 698), ('D', 770), ('E', 632), ('F', 575), ('G', 775),
    ('H', 752), ('I', 295), ('J', 295), ('K', 656), ('L', 557), ('M', 863), ('N', 748), ('O', 787),
    ('P', 603), ('Q', 787), ('R', 695), ('S', 635), ('T', 611), ('U', 732), ('V', 684), ('W', 989),
    ('X', 685), ('Y', 611), ('Z', 685), ('[', 390), ('\\', 337), (']', 390), ('^', 838), ('_', 500),
    ('`', 500), ('a', 613), ('b', 635), ('c', 550), ('d', 635), ('e', 615), ('f', 352), ('g', 635),
    ('h', 634), ('i', 278), ('j', 278), ('k', 579), ('l', 278), ('m', 974), ('n', 634), ('o', 612),
    ('p', 635), ('q', 635), ('r', 411), ('s', 521), ('t', 392), ('u', 634), ('v', 592), ('w', 818),
    ('x', 592), ('y', 592), ('z', 525), ('{', 636), ('|', 337), ('}', 636), ('~', 838), ('·', 318),
    ('À', 684), ('Á', 684), ('Â', 684), ('Ã', 684), ('Ä', 684), ('Å', 684), ('Æ', 974), ('Ç', 698),
    ('È', 632), ('É', 632), ('Ê', 632), ('Ë', 632), ('Ì', 295), ('Í', 295), ('Î', 295), ('Ï', 295),
    ('Ð', 775), ('Ñ', 748), ('Ò', 787), ('Ó', 787), ('Ô', 787), ('Õ', 787), ('Ö', 787), ('×', 838),
    ('Ø', 787), ('Ù', 732), ('Ú', 732), ('Û', 732), ('Ü', 732), ('Ý', 611), ('Þ', 605), ('ß', 630),
    ('à', 613), ('á', 613), ('â', 613), ('ã', 613), ('ä', 613), ('å', 613), ('æ', 982), ('ç', 550),
    ('è', 615), ('é', 615), ('ê', 615), ('ë', 615), ('ì', 278), ('í', 278), ('î', 278), ('ï', 278),
    ('ð', 612), ('ñ', 634), ('ò', 612), ('ó', 612), ('ô', 612), ('õ', 612), ('ö', 612), ('÷', 838),
    ('ø', 612), ('ù', 634), ('ú', 634), ('û', 634), ('ü', 634), ('ý', 592), ('þ', 635), ('ÿ', 592),
    ('–', 500), ('—', 1000), ('‘', 318), ('’', 318), ('“', 518), ('”', 518), ('…', 1000), ('→', 838),
];

/// The width of `text` at `size` points in DejaVu Sans (a character outside the table counts
/// as wide as an `M`).
pub fn font_width(text: &str, size: f64) -> f64 {
    let em: u32 = text
        .chars()
        .map(|c| WIDTHS.binary_search_by_key(&c, |(k, _)| *k).ok().and_then(|i| WIDTHS.get(i)).map_or(863, |(_, w)| *w))
        .map(u32::from)
        .sum();
    f64::from(em) / 1000.0 * size
}

/// The width layouts give `text`: [`font_width`] with a twentieth to spare.
pub fn text_width(text: &str, size: f64) -> f64 {
    font_width(text, size) * 1.05
}

/// `text` wrapped at word boundaries to lines no wider than `width` (a longer word keeps a line
/// of its own); a line break in `text` always breaks.
pub fn wrap(text: &str, width: f64, size: f64) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
            if line.is_empty() || text_width(&candidate, size) <= width {
                line = candidate;
            } else {
                lines.push(std::mem::replace(&mut line, word.to_string()));
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    const FONT: f64 = 10.0;
    const WRAP: f64 = 104.0;

    #[test]
    fn wraps_at_word_boundaries() {
        let lines = wrap("Ministry of Children, Education and Gender Equality", WRAP, FONT);
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(lines.join(" "), "Ministry of Children, Education and Gender Equality");
        assert!(lines.iter().all(|l| text_width(l, FONT) <= WRAP || !l.contains(' ')), "{lines:?}");
        assert_eq!(wrap("Digitaliseringsstyrelsen", 20.0, FONT), ["Digitaliseringsstyrelsen"]);
        assert_eq!(wrap("FM\n+ 9 bodies", WRAP, FONT), ["FM", "+ 9 bodies"]);
    }

    #[test]
    fn wider_text_measures_wider() {
        assert!(text_width("WWW", FONT) > text_width("iii", FONT) * 3.0);
        assert!((text_width("abc", 20.0) - 2.0 * text_width("abc", 10.0)).abs() < 1e-9);
        // The table is sorted (it is searched) and measures in thousandths of an em.
        assert!(WIDTHS.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0)));
        assert!((font_width("M", 10.0) - 8.63).abs() < 1e-9);
        assert!((font_width("Økonomistyrelsen", 10.0) - font_width("Okonomistyrelsen", 10.0)).abs() < 1e-9);
    }
}
