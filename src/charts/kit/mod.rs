//! What every chart draws with: plotters primitives at pixel positions, text laid out with
//! [`text_width`] (a table of Arial/Helvetica advance widths, not plotters' own measurement:
//! on wasm that appends a `<span>` to the page and forces a layout for every string), the SVG
//! string a drawing is rendered into, the palette, marks (what pointing finds), the themes'
//! recolouring, the export frame and the presenter's parts.

mod compact;
pub mod export;
pub mod marks;
pub mod palette;
pub mod parts;
pub mod pointing;
pub mod sound;
pub mod theme;
#[cfg(test)]
pub mod vision;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub use crate::scale::{nice_ceiling, nice_ticks, Scale};
pub use marks::{locate, step, Mark, Rect};

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
    Ok(compact::compact(&out))
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

/// As many of `sentences`, in order, as fit in `words` words (the first always).
pub fn brief(sentences: Vec<String>, words: usize) -> Vec<String> {
    let mut total = 0;
    sentences
        .into_iter()
        .enumerate()
        .take_while(|(i, s)| {
            total += s.split_whitespace().count();
            *i == 0 || total <= words
        })
        .map(|(_, s)| s)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
