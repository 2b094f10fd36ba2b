//! Diagrams fit a slide: every view of every bundled country, and every scenario overlaid on its
//! base, rendered to SVG by Graphviz and by the built-in engine, is measured from the SVG itself
//! (its view box and the box of every text) as if fitted to a 1920x1080 slide: the smallest text
//! must be at least 9 px high and no two texts may overlap.

use std::path::{Path, PathBuf};

use nordgov::render::layout::font_width;

use crate::common::{nordgov, root, tools_required};
use crate::diagrams::dot_program;

/// The slide a diagram must fit.
const SLIDE: (f64, f64) = (1920.0, 1080.0);
/// The smallest text height allowed on the slide, in pixels.
const MIN_TEXT_PX: f64 = 9.0;

/// What one rendered diagram measures.
#[derive(Debug)]
pub struct Legibility {
    /// The view box, in SVG units.
    pub width: f64,
    pub height: f64,
    /// The smallest text height once the drawing is fitted to the slide, in pixels.
    pub min_text_px: f64,
    /// Pairs of texts whose boxes overlap.
    pub overlaps: Vec<(String, String)>,
}

impl Legibility {
    /// Whether the diagram passes.
    pub fn fits(&self) -> bool {
        self.min_text_px >= MIN_TEXT_PX && self.overlaps.is_empty()
    }
}

/// A text's box in drawing units.
#[derive(Debug, Clone)]
struct TextBox {
    text: String,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    size: f64,
}

fn number(s: &str) -> Option<f64> {
    s.trim().trim_end_matches("px").trim_end_matches("pt").parse().ok()
}

/// The translation of a `transform` attribute (`... translate(X Y)`), the only transform
/// Graphviz writes besides an identity scale and rotation.
fn translation(t: &str) -> (f64, f64) {
    let Some(i) = t.find("translate(") else { return (0.0, 0.0) };
    let inner: String = t[i + "translate(".len()..].chars().take_while(|c| *c != ')').collect();
    let parts: Vec<f64> = inner.split([' ', ',']).filter_map(number).collect();
    (parts.first().copied().unwrap_or(0.0), parts.get(1).copied().unwrap_or(0.0))
}

/// Measures an SVG document.
pub fn measure(svg: &str) -> Legibility {
    let doc = roxmltree::Document::parse_with_options(
        svg,
        roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() },
    )
    .expect("well-formed SVG");
    let root_el = doc.root_element();
    let view_box: Vec<f64> =
        root_el.attribute("viewBox").map(|v| v.split([' ', ',']).filter_map(number).collect()).unwrap_or_default();
    let (width, height) = match view_box.as_slice() {
        [_, _, w, h] => (*w, *h),
        _ => (
            root_el.attribute("width").and_then(number).unwrap_or(0.0),
            root_el.attribute("height").and_then(number).unwrap_or(0.0),
        ),
    };
    let scale = (SLIDE.0 / width).min(SLIDE.1 / height);
    let mut boxes = Vec::new();
    for node in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let text: String = node.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect();
        if text.trim().is_empty() {
            continue;
        }
        // Font size and offset inherited from the ancestors.
        let mut size = None;
        let (mut dx, mut dy) = (0.0, 0.0);
        for a in node.ancestors().filter(|a| a.is_element()) {
            if size.is_none() {
                size = a.attribute("font-size").and_then(number);
            }
            if let Some(t) = a.attribute("transform") {
                let (tx, ty) = translation(t);
                dx += tx;
                dy += ty;
            }
        }
        let size = size.unwrap_or(16.0);
        let x = node.attribute("x").and_then(number).unwrap_or(0.0) + dx;
        let y = node.attribute("y").and_then(number).unwrap_or(0.0) + dy;
        // Widths of the face viewers here draw (DejaVu Sans for "Helvetica"), which is wider
        // than Helvetica.
        let w = font_width(&text, size);
        let x0 = match node.attribute("text-anchor") {
            Some("middle") => x - w / 2.0,
            Some("end") => x - w,
            _ => x,
        };
        // From the ascent above the baseline to the descent below it.
        boxes.push(TextBox { text, x0, y0: y - 0.8 * size, x1: x0 + w, y1: y + 0.2 * size, size });
    }
    let min_size = boxes.iter().map(|b| b.size).fold(f64::INFINITY, f64::min);
    let mut overlaps = Vec::new();
    // Sorted by left edge, each box is compared with those that start before it ends.
    boxes.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    for (i, a) in boxes.iter().enumerate() {
        for b in boxes.iter().skip(i + 1).take_while(|b| b.x0 < a.x1 - 0.5) {
            // Half a unit of tolerance: texts that touch are not overlapping.
            if b.y0 < a.y1 - 0.5 && a.y0 < b.y1 - 0.5 && a.x1 - 0.5 > b.x0 {
                overlaps.push((a.text.clone(), b.text.clone()));
            }
        }
    }
    Legibility { width, height, min_text_px: if boxes.is_empty() { 0.0 } else { min_size * scale }, overlaps }
}

/// What is drawn: a country's view (optionally on a date), or a scenario overlaid on its base.
fn cases() -> Vec<(String, Vec<String>)> {
    let mut cases = Vec::new();
    let mut countries: Vec<PathBuf> = std::fs::read_dir(root().join("models"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("country.toml").is_file())
        .collect();
    countries.sort();
    for dir in &countries {
        let c = dir.file_name().unwrap().to_string_lossy().to_string();
        for view in ["org", "steering", "roles", "all"] {
            cases.push((format!("{c} {view}"), vec![c.clone(), "--view".into(), view.into()]));
            cases.push((
                format!("{c} {view} 2026"),
                vec![c.clone(), "--view".into(), view.into(), "--as-of".into(), "2026-06-01".into()],
            ));
        }
        let mut scenarios: Vec<PathBuf> = std::fs::read_dir(dir.join("scenarios"))
            .map(|d| d.map(|e| e.unwrap().path()).collect())
            .unwrap_or_default();
        scenarios.sort();
        for s in scenarios {
            let name = s.file_stem().unwrap().to_string_lossy().to_string();
            for view in ["org", "steering", "all"] {
                cases.push((
                    format!("{c} {name} overlay {view}"),
                    vec!["--scenario".into(), s.display().to_string(), "--diff".into(), "--view".into(), view.into()],
                ));
            }
        }
    }
    cases
}

fn render(args: &[String], engine: &str, dot: Option<&Path>) -> Result<String, String> {
    let mut cmd = nordgov();
    cmd.current_dir(root()).arg("diagram").args(args).args(["--format", "svg", "--engine", engine]);
    if let Some(dot) = dot {
        // The Graphviz the test suite found, first on the PATH.
        let dir = dot.parent().unwrap_or(Path::new("."));
        let path = std::env::var_os("PATH").unwrap_or_default();
        let mut paths = vec![dir.to_path_buf()];
        paths.extend(std::env::split_paths(&path));
        cmd.env("PATH", std::env::join_paths(paths).unwrap());
    }
    let out = cmd.output().unwrap();
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).lines().next().unwrap_or_default().to_string());
    }
    Ok(String::from_utf8(out.stdout).unwrap())
}

/// Measures every case with one engine and fails with the table of every case that does not
/// fit, with its figures.
fn every_diagram_fits(engine: &str, dot: Option<&Path>) {
    let cases = cases();
    let results: Vec<(String, Result<Legibility, String>)> = std::thread::scope(|s| {
        let chunks: Vec<_> = cases
            .chunks(cases.len().div_ceil(4).max(1))
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|(name, args)| (name.clone(), render(args, engine, dot).map(|svg| measure(&svg))))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        chunks.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    let table: Vec<String> = results
        .iter()
        .map(|(name, l)| match l {
            Err(e) => format!("{name}: fails: {e}  <-- does not fit"),
            Ok(l) => format!(
                "{name}: {:.0}x{:.0}, smallest text {:.1} px, {} overlaps{}{}",
                l.width,
                l.height,
                l.min_text_px,
                l.overlaps.len(),
                if l.fits() { "" } else { "  <-- does not fit" },
                l.overlaps.first().map(|(a, b)| format!(" (e.g. `{a}` / `{b}`)")).unwrap_or_default()
            ),
        })
        .collect();
    if std::env::var_os("NORDGOV_PRINT_LEGIBILITY").is_some() {
        eprintln!("{engine}:\n{}", table.join("\n"));
    }
    let failing: Vec<&String> = table.iter().filter(|l| l.contains("<--")).collect();
    assert!(
        failing.is_empty(),
        "{engine}: {} of {} diagrams do not fit a slide:\n{}",
        failing.len(),
        table.len(),
        table.join("\n")
    );
}

#[test]
fn graphviz_diagrams_fit_a_slide() {
    let Some(dot) = dot_program() else {
        assert!(!tools_required(), "Graphviz is required");
        return;
    };
    every_diagram_fits("graphviz", Some(&dot));
}

#[test]
fn builtin_diagrams_fit_a_slide() {
    every_diagram_fits("builtin", None);
}

#[test]
fn the_measure_sees_overlaps_and_small_text() {
    // Two texts on the same spot overlap; a drawing 20,000 units wide shrinks 10-unit text to
    // under 1 px.
    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20000 100"><g transform="translate(0 100)"><text x="10" y="-50" font-size="10">Ministry of Finance</text><text x="40" y="-48" font-size="10">Agency</text><text x="900" y="-50" font-size="10">Alone</text></g></svg>"#;
    let l = measure(svg);
    assert_eq!((l.width, l.height), (20000.0, 100.0));
    assert_eq!(l.overlaps, vec![("Ministry of Finance".to_string(), "Agency".to_string())]);
    assert!((l.min_text_px - 0.96).abs() < 1e-9, "{}", l.min_text_px);
    assert!(!l.fits());
    let ok = r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 960 540"><text x="10" y="20" font-size="10">A</text><text x="10" y="40" font-size="10">B</text></svg>"#;
    let l = measure(ok);
    assert!(l.fits(), "{l:?}");
    assert_eq!(l.min_text_px, 20.0);
}
