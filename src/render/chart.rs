//! Charts as standalone SVG, drawn with plotters: bar charts (signed values allowed) and
//! heatmaps of counts. Callers pass labels and numbers; plotters escapes every text it writes,
//! so model names are safe to use as labels. No font files are read (plotters' built-in text
//! metrics), which keeps the output identical on every machine. Charts carry no title of their
//! own: the page's figure caption is the title, and says more (e.g. which countries lack a figure).

use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Longest label drawn before it is cut with an ellipsis (long actor names would crowd the axis).
const LABEL_MAX: usize = 28;

fn short(label: &str) -> String {
    if label.chars().count() <= LABEL_MAX {
        label.to_string()
    } else {
        format!("{}…", label.chars().take(LABEL_MAX - 1).collect::<String>())
    }
}

/// Room for the widest of `labels` as drawn (13 px text), plus `pad`.
fn label_room(labels: &[String], pad: u32) -> u32 {
    labels.iter().map(|l| short(l).chars().count()).max().unwrap_or(4) as u32 * 7 + pad
}

/// A plotters error as text (drawing into a String fails only on a plotters bug).
fn drawn<T, E: std::fmt::Display>(r: Result<T, E>) -> Result<T, String> {
    r.map_err(|e| e.to_string())
}

/// The label of a segmented axis position (segments are centred on their label).
fn segment_label(labels: &[String], v: &SegmentValue<u32>) -> String {
    match v {
        SegmentValue::CenterOf(i) => labels.get(*i as usize).map(|l| short(l)).unwrap_or_default(),
        _ => String::new(),
    }
}

/// The label of a position on a segmented axis drawn top-down (index 0 at the top).
fn flipped_label(labels: &[String], n: u32, v: &SegmentValue<u32>) -> String {
    match v {
        SegmentValue::CenterOf(i) => {
            n.checked_sub(i + 1).map(|j| segment_label(labels, &SegmentValue::CenterOf(j))).unwrap_or_default()
        }
        _ => String::new(),
    }
}

const BAR: RGBColor = RGBColor(70, 110, 170);
const NEGATIVE: RGBColor = RGBColor(190, 80, 60);

/// A horizontal bar chart of `bars` (label, value), in the given order; negative values extend
/// left of zero in another colour. `unit` names the value axis.
pub fn bars(unit: &str, bars: &[(String, f64)]) -> Result<String, String> {
    // plotters draws no label on a one-segment axis, so a single bar gets an empty slot below it.
    let n = bars.len().max(2) as u32;
    let lo = bars.iter().map(|b| b.1).fold(0.0_f64, f64::min);
    let hi = bars.iter().map(|b| b.1).fold(0.0_f64, f64::max);
    // A little room beyond the longest bar; a flat range when every value is zero.
    let pad = ((hi - lo) * 0.08).max(if hi == lo { 1.0 } else { 0.0 });
    let (lo, hi) = (if lo < 0.0 { lo - pad } else { 0.0 }, if hi > 0.0 || lo == 0.0 { hi + pad } else { 0.0 });
    let labels: Vec<String> = bars.iter().map(|b| b.0.clone()).collect();
    let label_width = label_room(&labels, 16);
    let height = 50 + 28 * n;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (640, height)).into_drawing_area();
        drawn(root.fill(&WHITE))?;
        let mut chart = drawn(
            ChartBuilder::on(&root)
                .margin(10)
                .x_label_area_size(34)
                .y_label_area_size(label_width)
                .build_cartesian_2d(lo..hi, (0..n - 1).into_segmented()),
        )?;
        drawn(
            chart
                .configure_mesh()
                .disable_y_mesh()
                .label_style(("sans-serif", 13))
                .axis_desc_style(("sans-serif", 13))
                .y_labels(n as usize)
                .y_label_formatter(&|v| flipped_label(&labels, n, v))
                .x_desc(unit)
                .draw(),
        )?;
        drawn(chart.draw_series(bars.iter().enumerate().map(|(i, (_, v))| {
            let i = n - 1 - i as u32;
            let colour = if *v < 0.0 { NEGATIVE } else { BAR };
            let mut r =
                Rectangle::new([(0.0, SegmentValue::Exact(i)), (*v, SegmentValue::Exact(i + 1))], colour.filled());
            r.set_margin(4, 4, 0, 0);
            r
        })))?;
        drawn(root.present())?;
    }
    Ok(svg)
}

/// A heatmap of counts: one row per `rows` label, one column per `cols` label, `values[row][col]`
/// written in each cell and shading it (white for zero, darkest for the largest count).
pub fn heatmap(rows: &[String], cols: &[String], values: &[Vec<u32>]) -> Result<String, String> {
    // plotters draws no label on a one-segment axis: pad to two (an empty slot).
    let (nr, nc) = (rows.len().max(2) as u32, cols.len().max(2) as u32);
    let max = values.iter().flatten().copied().max().unwrap_or(0).max(1);
    let label_width = label_room(rows, 16);
    let col_width = label_room(cols, 14);
    let (width, height) = (label_width + 20 + col_width.max(60) * nc, 60 + 34 * nr);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        drawn(root.fill(&WHITE))?;
        let mut chart = drawn(
            ChartBuilder::on(&root)
                .margin(10)
                .x_label_area_size(30)
                .y_label_area_size(label_width)
                .build_cartesian_2d((0..nc - 1).into_segmented(), (0..nr - 1).into_segmented()),
        )?;
        drawn(
            chart
                .configure_mesh()
                .disable_mesh()
                .label_style(("sans-serif", 13))
                .x_labels(nc as usize)
                .y_labels(nr as usize)
                .x_label_formatter(&|v| segment_label(cols, v))
                // Rows read top-down, as in the tables.
                .y_label_formatter(&|v| flipped_label(rows, nr, v))
                .draw(),
        )?;
        let cells: Vec<(u32, u32, u32)> = values
            .iter()
            .enumerate()
            // Row 0 at the top.
            .flat_map(|(r, row)| row.iter().enumerate().map(move |(c, v)| (nr - 1 - r as u32, c as u32, *v)))
            .collect();
        let shade = |v: u32| {
            let t = f64::from(v) / f64::from(max);
            RGBColor((255.0 - 185.0 * t) as u8, (255.0 - 145.0 * t) as u8, (255.0 - 85.0 * t) as u8)
        };
        drawn(chart.draw_series(cells.iter().map(|&(y, c, v)| {
            Rectangle::new(
                [
                    (SegmentValue::Exact(c), SegmentValue::Exact(y)),
                    (SegmentValue::Exact(c + 1), SegmentValue::Exact(y + 1)),
                ],
                shade(v).filled(),
            )
        })))?;
        drawn(chart.draw_series(cells.iter().map(|&(y, c, v)| {
            let colour = if f64::from(v) / f64::from(max) > 0.6 { WHITE } else { BLACK };
            Text::new(
                v.to_string(),
                (SegmentValue::CenterOf(c), SegmentValue::CenterOf(y)),
                ("sans-serif", 14).into_font().color(&colour).pos(Pos::new(HPos::Center, VPos::Center)),
            )
        })))?;
        drawn(root.present())?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_and_output_is_stable() {
        let data = vec![("<script>alert(1)</script>".to_string(), 3.0), ("b".to_string(), -1.5)];
        let a = bars("FTE & <u>", &data).unwrap();
        assert!(!a.contains("<script>") && !a.contains("<u>"), "{a}");
        assert!(a.contains("&lt;u&gt;") && a.contains("&lt;script&gt;"));
        assert_eq!(a, bars("FTE & <u>", &data).unwrap());
        let h = heatmap(&["r<1>".into()], &["c\"1".into(), "c2".into()], &[vec![0, 2]]).unwrap();
        for text in ["r&lt;1&gt;", "c&quot;1", "c2", "\n2\n"] {
            assert!(h.contains(text), "{text} missing: {h}");
        }
    }

    #[test]
    fn a_single_bar_or_row_is_labelled() {
        assert!(bars("x", &[("only".into(), 2.0)]).unwrap().contains("only"));
        assert!(bars("x", &[]).is_ok());
        assert!(heatmap(&[], &[], &[]).is_ok());
    }

    #[test]
    fn long_labels_are_cut() {
        assert_eq!(short(&"x".repeat(40)).chars().count(), LABEL_MAX);
        assert_eq!(short("abc"), "abc");
    }
}
