//! XLSX workbooks (rust_xlsxwriter): one sheet per country (or `comparison`), the grids of a
//! sheet stacked with a blank row between them, bold frozen headers, wrapped cells and column
//! widths fitted to the text. A cell is written as a number when it is a plain decimal number and
//! as a string otherwise, never as a formula, so text such as `=HYPERLINK(...)` stays inert. The
//! document's creation date is fixed so the same models give the same bytes.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use super::grid::Grid;

/// Widest a column is made, in characters; longer text wraps.
const MAX_WIDTH: usize = 60;

/// The grids as an XLSX file.
pub fn render(grids: &[Grid]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2017, 1, 1)?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&created).set_author("nordgov"));
    let title = Format::new().set_bold().set_font_size(12);
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("#EEEEEE")
        .set_border_bottom(rust_xlsxwriter::FormatBorder::Thin);
    let cell = Format::new().set_text_wrap().set_align(rust_xlsxwriter::FormatAlign::Top);
    let note = Format::new().set_italic().set_font_color("#555555");
    let mut sheets: Vec<&str> = Vec::new();
    for g in grids {
        if !sheets.contains(&g.sheet.as_str()) {
            sheets.push(&g.sheet);
        }
    }
    for name in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(name))?;
        let mut row: u32 = 0;
        let mut widths: Vec<usize> = Vec::new();
        let mut frozen = false;
        for g in grids.iter().filter(|g| g.sheet == name) {
            ws.write_string_with_format(row, 0, &g.title, &title)?;
            row += 1;
            for (c, h) in g.header.iter().enumerate() {
                ws.write_string_with_format(row, col(c), h, &header)?;
                fit(&mut widths, c, h);
            }
            if !frozen {
                ws.set_freeze_panes(row + 1, 1)?;
                frozen = true;
            }
            row += 1;
            for r in &g.rows {
                for (c, v) in r.iter().enumerate() {
                    match plain_number(&v.text) {
                        Some(n) => ws.write_number_with_format(row, col(c), n, &cell)?,
                        None => ws.write_string_with_format(row, col(c), &v.text, &cell)?,
                    };
                    fit(&mut widths, c, &v.text);
                }
                row += 1;
            }
            for n in &g.notes {
                ws.write_string_with_format(row, 0, n, &note)?;
                row += 1;
            }
            row += 1;
        }
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(col(c), (*w).clamp(8, MAX_WIDTH) as f64 + 2.0)?;
        }
    }
    wb.save_to_buffer()
}

/// The number a cell shows, if it is nothing but a plain decimal number (`12`, `0.1022`, `-3.5`),
/// so spreadsheets can compute with it. Anything else stays a string.
fn plain_number(text: &str) -> Option<f64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let plain = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().filter(|c| *c == '.').count() <= 1
        && !digits.starts_with('.')
        && !digits.ends_with('.');
    plain.then(|| text.parse::<f64>().ok()).flatten().filter(|n| n.is_finite())
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

fn fit(widths: &mut Vec<usize>, c: usize, text: &str) {
    if widths.len() <= c {
        widths.resize(c + 1, 0);
    }
    let w = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    if let Some(x) = widths.get_mut(c) {
        *x = (*x).max(w);
    }
}

/// A valid sheet name: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(s: &str) -> String {
    let clean: String = s.chars().map(|c| if "[]:*?/\\".contains(c) { '_' } else { c }).take(31).collect();
    if clean.is_empty() {
        "sheet".to_string()
    } else {
        clean
    }
}
