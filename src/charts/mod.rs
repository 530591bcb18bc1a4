//! Chart drawing with plotters, one chart per file, each generic over the drawing backend so
//! the page and the native tests draw with the same code (the page draws into an SVG string
//! too, which stays crisp at any pixel ratio and zoom).
//!
//! Text is laid out with [`text_width`], a table of Arial/Helvetica advance widths, rather than
//! plotters' own measurement: on wasm that appends a `<span>` to the page and forces a layout
//! for every string, and on the host it is a crude guess. The table gives the same layout on
//! both, and the SVG names Arial-metric fonts (Liberation Sans on Linux) to match it.

pub mod disadvantage;
pub mod export;
pub mod journeys;

pub mod any;
pub mod ofsted;
pub mod parts;
pub mod pointing;
pub mod progress;
pub mod theme;
pub mod trend;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A chart could not be drawn. Drawing into a string does not fail in practice; the type
/// exists so that no backend error becomes a panic.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("the chart could not be drawn: {0}")]
pub struct ChartError(pub String);

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        ChartError(e.to_string())
    }
}

/// Colours, chosen for at least 3:1 contrast with white (marks) and 4.5:1 where white text
/// sits on them (Ofsted segments).
pub mod palette {
    use plotters::style::RGBColor;

    /// Text and axis.
    pub const INK: RGBColor = RGBColor(0x1b, 0x1b, 0x1b);
    /// Secondary text (notes, "not published"), 7:1 on white.
    pub const MUTED: RGBColor = RGBColor(0x50, 0x50, 0x50);
    /// Grid lines.
    pub const GRID: RGBColor = RGBColor(0xdd, 0xdd, 0xdd);
    /// Schools.
    pub const SCHOOL: RGBColor = RGBColor(0x1d, 0x4e, 0x89);
    /// A local authority area.
    pub const AREA: RGBColor = RGBColor(0xa6, 0x3f, 0x10);
    /// England.
    pub const ENGLAND: RGBColor = RGBColor(0x4d, 0x4d, 0x4d);
    // The Ofsted judgements: dark blue, blue, amber, dark red. They differ in lightness as
    // well as hue, so they stay apart for readers with protanopia, deuteranopia or
    // tritanopia (checked by simulation in `theme`'s tests), and amber is far from the
    // area's rust. Labels are white on all but amber, which takes black.
    /// Outstanding.
    pub const OUTSTANDING: RGBColor = RGBColor(0x12, 0x43, 0x6d);
    /// Good.
    pub const GOOD: RGBColor = RGBColor(0x2f, 0x6f, 0xb0);
    /// Requires improvement.
    pub const REQUIRES_IMPROVEMENT: RGBColor = RGBColor(0xb7, 0x79, 0x1f);
    /// Inadequate.
    pub const INADEQUATE: RGBColor = RGBColor(0x7a, 0x1a, 0x1a);
    /// Text on the amber segment, in every theme (not recoloured).
    pub const ON_AMBER: RGBColor = RGBColor(0x00, 0x00, 0x00);
    /// A third school on the charts over time.
    pub const SCHOOL3: RGBColor = RGBColor(0x2e, 0x7d, 0x32);
    /// Not graded.
    pub const NOT_GRADED: RGBColor = RGBColor(0x5f, 0x63, 0x68);
    /// A region.
    pub const REGION: RGBColor = RGBColor(0x6a, 0x3d, 0x9a);
    /// Statistical neighbours: their points and median.
    pub const NEIGHBOUR: RGBColor = RGBColor(0x00, 0x70, 0x7a);
    /// The cohort's schools on the charts over time, in turn (with a marker each).
    pub const SCHOOLS: [RGBColor; 4] = [SCHOOL, RGBColor(0x8f, 0x2d, 0x56), SCHOOL3, REGION];
    /// Page white (inside hollow markers).
    pub const WHITE: RGBColor = RGBColor(0xff, 0xff, 0xff);
    /// The neighbours' band (a fill behind the lines).
    pub const BAND: RGBColor = RGBColor(0xd5, 0xec, 0xee);
    /// Years without figures (a fill).
    pub const GAP: RGBColor = RGBColor(0xf0, 0xf0, 0xf0);
}

/// The font stack written into the SVG: Arial metrics, which [`text_width`] assumes.
pub const FONT_FAMILY: &str = "Arial, 'Liberation Sans', Helvetica, sans-serif";

/// Body text size in CSS pixels.
pub const TEXT_PX: f64 = 13.0;

/// plotters' SVG backend writes `font-size` as the style's size divided by 1.24; this undoes
/// that so sizes here are CSS pixels.
const PLOTTERS_FONT_SCALE: f64 = 1.24;

/// A text style of `px` CSS pixels.
pub fn font(px: f64, bold: bool, color: RGBColor) -> TextStyle<'static> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    font_in(px, style, color)
}

/// A text style of `px` CSS pixels in a given font style (italic for "not published").
pub fn font_in(px: f64, style: FontStyle, color: RGBColor) -> TextStyle<'static> {
    (FONT_FAMILY, px * PLOTTERS_FONT_SCALE, style)
        .into_font()
        .color(&color)
}

/// The same style anchored at a point, e.g. right-aligned and vertically centred.
pub fn anchored(style: TextStyle<'static>, h: HPos, v: VPos) -> TextStyle<'static> {
    style.pos(Pos::new(h, v))
}

/// Advance widths of ASCII 32..=126 in Arial/Helvetica, in thousandths of an em.
const ADVANCE: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // ' '../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0..?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @..O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P.._
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // `..o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p..~
];

/// Width of `text` in CSS pixels at `px` size, in Arial; bold is about 8% wider.
pub fn text_width(text: &str, px: f64, bold: bool) -> f64 {
    let units: u32 = text
        .chars()
        .map(|c| {
            let i = c as usize;
            if (32..=126).contains(&i) {
                u32::from(ADVANCE[i - 32])
            } else if c == '\u{2212}' {
                584 // minus sign: as wide as plus
            } else {
                600 // other letters: a typical width, slightly generous
            }
        })
        .sum();
    let w = f64::from(units) * px / 1000.0;
    if bold {
        w * 1.08
    } else {
        w
    }
}

/// Shortens `text` with an ellipsis so it fits `max_px`.
pub fn fit_text(text: &str, px: f64, bold: bool, max_px: f64) -> String {
    if text_width(text, px, bold) <= max_px {
        return text.to_string();
    }
    let mut out: String = text.to_string();
    while !out.is_empty() && text_width(&format!("{out}…"), px, bold) > max_px {
        out.pop();
    }
    format!("{}…", out.trim_end())
}

/// Breaks `text` at ordinary spaces (not at no-break spaces) into lines no wider than
/// `max_px`; a single word wider than that is shortened with an ellipsis.
pub fn wrap_text(text: &str, px: f64, bold: bool, max_px: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, px, bold) <= max_px || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
        .into_iter()
        .map(|l| fit_text(&l, px, bold, max_px))
        .collect()
}

/// Writes a bar's value just past its end: left of a negative bar spanning pixels `a..b`,
/// right of a positive one.
pub fn value_label<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    label: &str,
    (a, b): (i32, i32),
    y: i32,
    negative: bool,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let style = font(12.0, false, palette::INK);
    if negative {
        text(
            area,
            label,
            (a - 4, y),
            &anchored(style, HPos::Right, VPos::Center),
        )
    } else {
        text(
            area,
            label,
            (b + 4, y),
            &anchored(style, HPos::Left, VPos::Center),
        )
    }
}

/// Draws text on a white backing, so grid lines behind it do not strike through it.
pub fn text_on_white<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &str,
    at: (i32, i32),
    px: f64,
    bold: bool,
    style: &TextStyle<'static>,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let w = text_width(s, px, bold).ceil() as i32;
    let h = (px * 0.75).ceil() as i32;
    let x0 = match style.pos.h_pos {
        HPos::Left => at.0,
        HPos::Center => at.0 - w / 2,
        HPos::Right => at.0 - w,
    };
    area.draw(&Rectangle::new(
        [(x0 - 3, at.1 - h), (x0 + w + 3, at.1 + h)],
        WHITE.filled(),
    ))?;
    text(area, s, at, style)
}

/// Round tick values covering `min..=max`, about `target` of them, at steps of 1, 2 or 5
/// times a power of ten.
pub fn nice_ticks(min: f64, max: f64, target: usize) -> Vec<f64> {
    if !(min.is_finite() && max.is_finite()) || max <= min || target == 0 {
        return vec![0.0];
    }
    let raw = (max - min) / target as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let first = (min / step).ceil() as i64;
    let last = (max / step).floor() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

/// The smallest round number at or above `v` (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power
/// of ten: fine enough that the longest bar fills most of the axis).
pub fn nice_ceiling(v: f64) -> f64 {
    if !(v.is_finite() && v > 0.0) {
        return 1.0;
    }
    let exp = v.log10().floor() as i32;
    // Divide by a power of ten rather than multiply by its inverse, so 6 × 0.1 is exactly 0.6.
    let scaled = |m: f64| {
        if exp < 0 {
            m / 10f64.powi(-exp)
        } else {
            m * 10f64.powi(exp)
        }
    };
    [1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .into_iter()
        .map(scaled)
        .find(|c| *c >= v - 1e-9)
        .unwrap_or_else(|| scaled(10.0))
}

/// Draws into a new SVG document of the given size and returns its text.
pub fn render_svg<F>(size: (u32, u32), draw: F) -> Result<String, ChartError>
where
    F: FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> Result<(), ChartError>,
{
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        root.fill(&WHITE)?;
        draw(&root)?;
        root.present()?;
    }
    Ok(out)
}

/// Draws a horizontal line in pixel coordinates of `area`.
pub fn hline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    x0: i32,
    x1: i32,
    y: i32,
    style: ShapeStyle,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    area.draw(&PathElement::new(vec![(x0, y), (x1, y)], style))?;
    Ok(())
}

/// Draws a vertical line in pixel coordinates of `area`.
pub fn vline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    x: i32,
    y0: i32,
    y1: i32,
    style: ShapeStyle,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    area.draw(&PathElement::new(vec![(x, y0), (x, y1)], style))?;
    Ok(())
}

/// Draws text in pixel coordinates of `area`.
pub fn text<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &str,
    at: (i32, i32),
    style: &TextStyle<'static>,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    area.draw(&Text::new(s.to_string(), at, style.clone()))?;
    Ok(())
}

/// A rectangle in chart pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// A rectangle from its left, top, width and height.
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Self {
        Self { x, y, w, h }
    }

    /// Whether a point lies inside.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x <= self.x + self.w && y >= self.y && y <= self.y + self.h
    }
}

/// One drawn figure (a bar, a segment) with what a tooltip or a screen reader says of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Who or what: a school, an area, a group of schools.
    pub entity: String,
    /// What is measured: "reading progress", "Good".
    pub category: String,
    /// The year of the figure, where one applies.
    pub year: Option<u16>,
    /// The value as written on the chart, with any caveat.
    pub value: String,
    /// Id of the source, `None` where nothing is published.
    pub source: Option<String>,
    /// The box the mark is drawn in (for the focus outline).
    pub bounds: Rect,
    /// The band the pointer finds it by: the whole row, so thin bars are easy to hit.
    pub band: Rect,
}

impl Mark {
    /// One sentence for screen readers and tooltips: "Etruscan Primary, 2019, reading progress: +2.0".
    pub fn sentence(&self) -> String {
        match self.year {
            Some(y) => format!("{}, {y}, {}: {}", self.entity, self.category, self.value),
            None => format!("{}, {}: {}", self.entity, self.category, self.value),
        }
    }
}

/// The mark a key press moves to from mark `i`: Left/Right along its series (the marks of
/// the same school or area, in reading order), Up/Down between series (the next or
/// previous mark of another school or area in the same category, else the next or previous
/// mark). It stays put at either end.
pub fn step(marks: &[Mark], i: usize, key: &str) -> usize {
    let Some(cur) = marks.get(i) else {
        return 0;
    };
    let same = |m: &Mark| m.entity == cur.entity;
    let across = |m: &Mark| m.entity != cur.entity && m.category == cur.category;
    let forward = |pred: &dyn Fn(&Mark) -> bool| {
        marks
            .iter()
            .enumerate()
            .skip(i + 1)
            .find(|(_, m)| pred(m))
            .map(|(j, _)| j)
    };
    let back = |pred: &dyn Fn(&Mark) -> bool| {
        marks
            .iter()
            .enumerate()
            .take(i)
            .rev()
            .find(|(_, m)| pred(m))
            .map(|(j, _)| j)
    };
    let any = |_: &Mark| true;
    match key {
        "ArrowRight" => forward(&same).unwrap_or(i),
        "ArrowLeft" => back(&same).unwrap_or(i),
        "ArrowDown" => forward(&across).or_else(|| forward(&any)).unwrap_or(i),
        "ArrowUp" => back(&across).or_else(|| back(&any)).unwrap_or(i),
        _ => i,
    }
}

/// The mark under a point in chart pixels, if any.
pub fn locate(marks: &[Mark], x: f64, y: f64) -> Option<usize> {
    marks.iter().position(|m| m.band.contains(x, y))
}

/// A linear map from data values to pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// Data domain.
    pub domain: (f64, f64),
    /// Pixel range.
    pub range: (f64, f64),
}

impl Scale {
    /// Pixel position of a value.
    pub fn px(&self, v: f64) -> i32 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        let t = if d1 == d0 { 0.5 } else { (v - d0) / (d1 - d0) };
        (r0 + t * (r1 - r0)).round() as i32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_domain() {
        assert_eq!(nice_ticks(-6.0, 6.0, 4), vec![-5.0, 0.0, 5.0]);
        assert_eq!(
            nice_ticks(-6.0, 6.0, 6),
            vec![-6.0, -4.0, -2.0, 0.0, 2.0, 4.0, 6.0]
        );
        assert_eq!(nice_ticks(0.0, 100.0, 4), vec![0.0, 50.0, 100.0]);
        assert_eq!(
            nice_ticks(5.0, 5.0, 4),
            vec![0.0],
            "an empty domain gives one tick"
        );
    }

    #[test]
    fn ceilings_are_round() {
        assert_eq!(nice_ceiling(5.9), 6.0);
        assert_eq!(nice_ceiling(6.2), 8.0);
        assert_eq!(nice_ceiling(0.7), 0.8);
        assert_eq!(nice_ceiling(2.1), 2.5);
        assert_eq!(nice_ceiling(0.52), 0.6);
        assert_eq!(nice_ceiling(0.0), 1.0);
    }

    #[test]
    fn text_width_follows_arial_metrics() {
        // "Good" = G 778 + o 556 + o 556 + d 556 = 2446 thousandths of an em.
        assert!((text_width("Good", 10.0, false) - 24.46).abs() < 1e-9);
        assert!(text_width("Good", 10.0, true) > text_width("Good", 10.0, false));
    }

    #[test]
    fn long_labels_wrap_at_spaces_within_the_width() {
        let lines = wrap_text(
            "Primary schools in England, as at 31 July 2018 (n = 16,669)",
            13.0,
            true,
            200.0,
        );
        assert!(lines.len() >= 2, "{lines:?}");
        assert_eq!(
            lines.join(" "),
            "Primary schools in England, as at 31 July 2018 (n = 16,669)"
        );
        for l in &lines {
            assert!(text_width(l, 13.0, true) <= 200.0, "{l} is too wide");
        }
    }

    #[test]
    fn long_text_is_shortened_with_an_ellipsis() {
        let fitted = fit_text("Abbey Hulton Primary School", 13.0, false, 100.0);
        assert!(fitted.ends_with('…'));
        assert!(text_width(&fitted, 13.0, false) <= 100.0);
        assert_eq!(fit_text("Short", 13.0, false, 100.0), "Short");
    }
}

#[cfg(test)]
mod mark_tests {
    //! Marks are what hover, tap and keyboard find: each must be found where it is drawn.
    use super::*;
    use crate::aggregate::{disadvantage_chart, ofsted_chart, progress_chart, Selection};
    use crate::model::Subject;
    use crate::testing::bundled;

    fn check_found_where_drawn(marks: &[Mark]) {
        assert!(!marks.is_empty());
        for (i, m) in marks.iter().enumerate() {
            let (cx, cy) = (m.bounds.x + m.bounds.w / 2.0, m.bounds.y + m.bounds.h / 2.0);
            assert_eq!(
                locate(marks, cx, cy),
                Some(i),
                "{} is not found at its centre",
                m.sentence()
            );
        }
    }

    #[test]
    fn every_progress_bar_is_found_at_its_centre_at_every_width() {
        let ds = bundled();
        let model = progress_chart(&ds, &Selection::default());
        for width in [360, 700, 1200] {
            let marks = progress::marks(&model, width);
            assert_eq!(
                marks.len(),
                3 * model.rows.len(),
                "one mark per subject and row"
            );
            check_found_where_drawn(&marks);
        }
    }

    #[test]
    fn a_progress_mark_reads_as_a_sentence_with_its_source() {
        let ds = bundled();
        let model = progress_chart(&ds, &Selection::default());
        let marks = progress::marks(&model, 1200);
        let maths_stoke = marks
            .iter()
            .find(|m| m.entity == "Stoke-on-Trent" && m.category == "maths progress");
        assert_eq!(
            maths_stoke.map(Mark::sentence).as_deref(),
            Some("Stoke-on-Trent, 2019, maths progress: \u{2212}0.65")
        );
        assert_eq!(
            maths_stoke.and_then(|m| m.source.clone()).as_deref(),
            Some("dfe-lait-ks2")
        );
    }

    #[test]
    fn a_chosen_subject_draws_one_panel() {
        let ds = bundled();
        let sel = Selection {
            subject: Some(Subject::Maths),
            ..Selection::default()
        };
        let model = progress_chart(&ds, &sel);
        let marks = progress::marks(&model, 1200);
        assert_eq!(marks.len(), model.rows.len());
        assert!(marks.iter().all(|m| m.category == "maths progress"));
        let svg = progress::svg(&model, 1200).unwrap_or_default();
        assert!(svg.contains("Maths") && !svg.contains(">Reading\n"));
    }

    #[test]
    fn hiding_a_series_removes_its_bars_and_keeps_it_in_the_legend() {
        let ds = bundled();
        let sel = Selection {
            hidden: ["england".to_string()].into_iter().collect(),
            ..Selection::default()
        };
        let model = progress_chart(&ds, &sel);
        assert!(model.rows.iter().all(|r| r.series != "england"));
        let england = model.legend.iter().find(|e| e.id == "england");
        assert_eq!(england.map(|e| e.shown), Some(false));
        let dis = disadvantage_chart(&ds, &sel);
        assert!(dis.rows.iter().all(|r| r.england.is_none()));
        assert!(dis.fsm.iter().all(|b| b.area != "england"));
        assert_eq!(
            disadvantage::marks(&dis, 1000).len(),
            3 + 3,
            "Stoke's three bars, its FSM bar, and the region's and neighbours' FSM bars"
        );
        let fsm: Vec<String> = disadvantage::marks(&dis, 1000)
            .iter()
            .skip(3)
            .map(Mark::sentence)
            .collect();
        assert_eq!(
            fsm,
            vec![
                "Stoke-on-Trent, 2019, primary pupils eligible for free school meals: 25.2%".to_string(),
                "West Midlands, 2019, primary pupils eligible for free school meals: 18.7%".to_string(),
                "Statistical neighbours' median, 2019, primary pupils eligible for free school meals: 20.4%".to_string(),
            ]
        );
    }

    #[test]
    fn disadvantage_and_ofsted_marks_are_found_where_drawn() {
        let ds = bundled();
        let sel = Selection::default();
        for width in [360, 1000] {
            check_found_where_drawn(&disadvantage::marks(&disadvantage_chart(&ds, &sel), width));
            let ofsted = ofsted::marks(&ofsted_chart(&ds, &sel), width);
            check_found_where_drawn(&ofsted);
            assert!(ofsted.iter().any(|m| m.sentence()
                == "16 programme schools inspected since 2015, Good: 12 of 16 schools (75%)"));
        }
    }
}

#[cfg(test)]
mod hostile_text_tests {
    //! Dataset strings reach the page inside SVG that is inserted as markup: every one must
    //! arrive as text. These names are hostile on purpose.
    use crate::aggregate::Selection;
    use crate::charts::any::AnyChart;
    use crate::dataset::Dataset;
    use crate::testing::{bundled, unescape};
    use crate::view::ChartId;

    const NAMES: [&str; 5] = [
        "<script>alert(1)</script>",
        "\"><svg onload=alert(1)>",
        "Smith & Jones' \"Academy\"",
        "مدرسة الأمل الابتدائية",
        "🏫 Rainbow Primary 🌈",
    ];

    fn hostile() -> Dataset {
        let mut raw = bundled().raw().clone();
        for (school, name) in raw.schools.iter_mut().zip(NAMES) {
            school.name = name.to_string();
        }
        raw.cohorts[0].name = "<img src=x onerror=alert(1)>".into();
        raw.sources[0].title = "</text><script>alert(2)</script>".into();
        raw.areas[1].name = "Stoke & <b>Trent</b>".into();
        match Dataset::try_from(raw) {
            Ok(d) => d,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn hostile_names_are_escaped_in_every_chart_and_export() {
        let ds = hostile();
        let sel = Selection::default();
        for id in ChartId::ALL {
            let chart = AnyChart::build(id, &ds, &sel);
            for svg in [chart.svg(900), chart.export_svg(&ds, 900)]
                .into_iter()
                .map(|r| r.unwrap_or_default())
            {
                assert_eq!(
                    svg.matches("<svg").count(),
                    1,
                    "{id:?}: one svg element, no injected one"
                );
                assert!(!svg.contains("<script"), "{id:?}: no script element");
                assert!(!svg.contains("<img"), "{id:?}: no img element");
                assert!(!svg.contains("<b>"), "{id:?}: no markup from names");
            }
        }
        let progress = AnyChart::build(ChartId::Ks2Progress, &ds, &sel);
        let text = unescape(&progress.svg(900).unwrap_or_default());
        assert!(
            text.contains("Smith & Jones' \"Academy\""),
            "shown as written"
        );
        assert!(text.contains("🏫 Rainbow Primary 🌈"));
        assert!(text.contains("مدرسة الأمل الابتدائية"));
        assert!(
            text.contains("Stoke & <b>Trent</b>"),
            "as text, tags and all"
        );
    }
}
