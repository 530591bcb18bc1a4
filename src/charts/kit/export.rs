//! Downloadable drawings: the chart with its title above and its summary and source line
//! below, so a copy lifted into a report or slide keeps where its figures came from.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{anchored, font, palette, render_svg, text, wrap_text, ChartError, TEXT_PX};

const PAD: f64 = 16.0;
const TITLE_PX: f64 = 20.0;
const TITLE_LINE: f64 = 26.0;
const BODY_LINE: f64 = 18.0;
const SOURCE_PX: f64 = 12.0;
const SOURCE_LINE: f64 = 16.0;

/// What goes around the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame<'a> {
    /// Title, drawn bold at the top.
    pub title: &'a str,
    /// Summary sentences, under the chart.
    pub summary: &'a [String],
    /// "Source: …", at the foot.
    pub source_line: &'a str,
}

struct Lines {
    title: Vec<String>,
    summary: Vec<String>,
    source: Vec<String>,
}

fn lines(frame: &Frame<'_>, width: u32) -> Lines {
    let w = f64::from(width) - 2.0 * PAD;
    Lines {
        title: wrap_text(frame.title, TITLE_PX, true, w),
        summary: frame
            .summary
            .iter()
            .flat_map(|s| wrap_text(s, TEXT_PX, false, w))
            .collect(),
        source: wrap_text(frame.source_line, SOURCE_PX, false, w),
    }
}

fn header_h(l: &Lines) -> f64 {
    PAD + l.title.len() as f64 * TITLE_LINE + 6.0
}

/// The size of the framed drawing for a chart of `chart` size.
pub fn size(frame: &Frame<'_>, chart: (u32, u32)) -> (u32, u32) {
    let l = lines(frame, chart.0);
    let h = header_h(&l)
        + f64::from(chart.1)
        + 10.0
        + l.summary.len() as f64 * BODY_LINE
        + 8.0
        + l.source.len() as f64 * SOURCE_LINE
        + PAD;
    (chart.0, h.ceil() as u32)
}

/// Draws the framed chart: `draw_chart` fills a sub-area of `chart` size.
pub fn draw<DB, F>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame<'_>,
    chart: (u32, u32),
    draw_chart: F,
) -> Result<(), ChartError>
where
    DB: DrawingBackend,
    DB::ErrorType: 'static,
    F: FnOnce(&DrawingArea<DB, Shift>) -> Result<(), ChartError>,
{
    let l = lines(frame, chart.0);
    let mut y = PAD;
    for t in &l.title {
        text(
            root,
            t,
            (PAD as i32, y as i32),
            &anchored(font(TITLE_PX, true, palette::INK), HPos::Left, VPos::Top),
        )?;
        y += TITLE_LINE;
    }
    let top = header_h(&l);
    let area = root.clone().shrink((0, top as i32), chart);
    draw_chart(&area)?;
    let mut y = top + f64::from(chart.1) + 10.0;
    for s in &l.summary {
        text(
            root,
            s,
            (PAD as i32, y as i32),
            &anchored(font(TEXT_PX, false, palette::INK), HPos::Left, VPos::Top),
        )?;
        y += BODY_LINE;
    }
    y += 8.0;
    for s in &l.source {
        text(
            root,
            s,
            (PAD as i32, y as i32),
            &anchored(
                font(SOURCE_PX, false, palette::MUTED),
                HPos::Left,
                VPos::Top,
            ),
        )?;
        y += SOURCE_LINE;
    }
    Ok(())
}

/// The framed chart as SVG text.
pub fn svg<F>(frame: &Frame<'_>, chart: (u32, u32), draw_chart: F) -> Result<String, ChartError>
where
    F: FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> Result<(), ChartError>,
{
    render_svg(size(frame, chart), |root| {
        draw(root, frame, chart, draw_chart)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::progress::{self, progress_chart, words};
    use crate::selection::Selection;
    use crate::testing::{bundled, unescape};

    #[test]
    fn the_export_holds_title_chart_summary_and_source() {
        let ds = bundled();
        let model = progress_chart(&ds, &Selection::default());
        let summary = words::summary(&model);
        let frame = Frame {
            title: &model.title,
            summary: &summary,
            source_line:
                "Source: Department for Education; University of Worcester & partners <2017>",
        };
        let chart = progress::draw::size(&model, 900);
        let svg = svg(&frame, chart, |area| progress::draw::draw(area, &model)).unwrap_or_default();
        let text = unescape(&svg);
        assert!(text.contains("KS2 progress: All named schools (7 of 55)"));
        assert!(
            text.contains("Forest Park Primary (2019)"),
            "the chart is inside"
        );
        assert!(
            text.contains("Stoke-on-Trent's KS2 progress was"),
            "the summary is under it"
        );
        assert!(
            text.contains("University of Worcester & partners <2017>"),
            "the source line"
        );
        assert!(
            svg.contains("&amp; partners &lt;2017&gt;"),
            "and it is escaped, not markup"
        );
        let (w, h) = size(&frame, chart);
        assert_eq!(w, 900);
        assert!(h > chart.1 + 60);
        assert!(svg.contains(&format!("width=\"{w}\" height=\"{h}\"")));
    }
}
