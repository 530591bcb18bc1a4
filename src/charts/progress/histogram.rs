//! From [`super::draw::DISTRIBUTION_FROM`] schools, each subject's schools are drawn as one
//! histogram (one-point bins, the median marked) rather than a bar each: its bins, its place
//! under the comparison rows, its marks and its drawing.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::layout::{band_label, subject_index, Layout, Panel, BAND_H, MEDIAN_LABEL_H};
use super::model::{ProgressChart, RowKind};
use crate::charts::kit::{
    anchored, fit_text, font, palette, text, vline, ChartError, Mark, Rect, TEXT_PX,
};
use crate::format;
use crate::model::Subject;
use crate::provenance::Cell;

/// The schools' published scores in one subject, and how many have none.
pub(super) fn school_values(
    model: &ProgressChart,
    subject: Subject,
) -> (Vec<f64>, usize, Option<&str>) {
    let mut values = Vec::new();
    let mut missing = 0;
    let mut source = None;
    for row in model.rows.iter().filter(|r| r.kind == RowKind::School) {
        match &row.cells[subject_index(subject)] {
            Cell::Value {
                score, source: s, ..
            } => {
                values.push(score.value);
                source.get_or_insert(s.as_str());
            }
            Cell::NotPublished(_) => missing += 1,
        }
    }
    (values, missing, source)
}

/// One bin of a histogram: scores from `lo` (inclusive) to `lo + 1` (exclusive).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Bin {
    lo: f64,
    count: usize,
}

/// One-point bins from the lowest score's whole number to the highest's, empty ones included.
pub(super) fn bins(values: &[f64]) -> Vec<Bin> {
    let (Some(min), Some(max)) = (
        values.iter().copied().reduce(f64::min),
        values.iter().copied().reduce(f64::max),
    ) else {
        return Vec::new();
    };
    let first = min.floor();
    let n = ((max.floor() - first) as usize) + 1;
    let mut out: Vec<Bin> = (0..n)
        .map(|i| Bin {
            lo: first + i as f64,
            count: 0,
        })
        .collect();
    for v in values {
        let i = ((v.floor() - first) as usize).min(n - 1);
        out[i].count += 1;
    }
    out
}

/// Where the histogram of a panel sits: its top and its baseline.
pub(super) fn band_box(layout: &Layout, panel: &Panel) -> (f64, f64) {
    let top = layout.row_top(panel.top, layout.bars);
    let label = if layout.labels_above {
        TEXT_PX * 1.25 + 6.0
    } else {
        0.0
    };
    (top + label + MEDIAN_LABEL_H, top + BAND_H - 6.0)
}

pub(super) fn histogram_marks(model: &ProgressChart, layout: &Layout, p: &Panel) -> Vec<Mark> {
    let (values, _, source) = school_values(model, p.subject);
    let (top, base) = band_box(layout, p);
    let total = values.len();
    bins(&values)
        .into_iter()
        .filter(|b| b.count > 0)
        .map(|b| {
            let (x0, x1) = (
                f64::from(p.scale.px(b.lo)),
                f64::from(p.scale.px(b.lo + 1.0)),
            );
            let area = Rect::new(x0, top, (x1 - x0).max(2.0), base - top);
            Mark {
                entity: format!(
                    "Schools scoring {} to {}",
                    format::progress(b.lo),
                    format::progress(b.lo + 0.9)
                ),
                category: format!("{} progress", p.subject.label().to_lowercase()),
                year: model.year,
                value: format!(
                    "{} of {} schools with a published score",
                    format::count(b.count),
                    format::count(total)
                ),
                source: source.map(str::to_string),
                bounds: area,
                band: area,
            }
        })
        .collect()
}

/// The schools of one panel as a histogram: one filled polygon (one SVG element however many
/// schools), the median as a line with its value, and the band's label.
pub(super) fn draw_histogram<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    model: &ProgressChart,
    layout: &Layout,
    panel: &Panel,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let (values, missing, _) = school_values(model, panel.subject);
    let (top, base) = band_box(layout, panel);
    let band_top = layout.row_top(panel.top, layout.bars);
    let label = band_label(layout.distributed);
    let sub = if missing > 0 {
        format!("{} not published", format::count(missing))
    } else {
        "histogram".to_string()
    };
    if layout.labels_above {
        text(
            root,
            &format!("{label} ({sub})"),
            (panel.x0 as i32, (band_top + 4.0) as i32),
            &anchored(font(TEXT_PX, true, palette::INK), HPos::Left, VPos::Top),
        )?;
    } else if layout.labels_in(panel.index) {
        let x = (panel.x0 - 8.0) as i32;
        let mid = (top + base) / 2.0;
        text(
            root,
            &label,
            (x, (mid - 2.0) as i32),
            &anchored(font(TEXT_PX, true, palette::INK), HPos::Right, VPos::Bottom),
        )?;
        text(
            root,
            &fit_text(&sub, 12.0, false, layout.label_w - 8.0),
            (x, (mid + 2.0) as i32),
            &anchored(font(12.0, false, palette::MUTED), HPos::Right, VPos::Top),
        )?;
    }
    let bins = bins(&values);
    let most = bins.iter().map(|b| b.count).max().unwrap_or(0);
    if most == 0 {
        return Ok(());
    }
    let h = base - top;
    let mut outline = Vec::with_capacity(bins.len() * 2 + 2);
    for b in &bins {
        let y = (base - h * b.count as f64 / most as f64) as i32;
        outline.push((panel.scale.px(b.lo), y));
        outline.push((panel.scale.px(b.lo + 1.0), y));
    }
    if let (Some(first), Some(last)) = (bins.first(), bins.last()) {
        outline.push((panel.scale.px(last.lo + 1.0), base as i32));
        outline.insert(0, (panel.scale.px(first.lo), base as i32));
    }
    root.draw(&Polygon::new(outline, palette::SCHOOL.filled()))?;
    if let Some(m) = crate::stats::median(&values) {
        let x = panel.scale.px(m);
        vline(
            root,
            x,
            top as i32 - 4,
            base as i32,
            palette::INK.stroke_width(2),
        )?;
        let right = m <= 0.0;
        text(
            root,
            &format!("median {}", format::progress(m)),
            (
                if right { x + 4 } else { x - 4 },
                (top - MEDIAN_LABEL_H + 2.0) as i32,
            ),
            &anchored(
                font(12.0, true, palette::INK),
                if right { HPos::Left } else { HPos::Right },
                VPos::Top,
            ),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::bins;

    #[test]
    fn scores_fall_in_one_point_bins_empty_ones_kept() {
        let b = bins(&[-0.5, -0.1, 0.0, 0.9, 2.3]);
        assert_eq!(
            b.iter().map(|b| (b.lo, b.count)).collect::<Vec<_>>(),
            vec![(-1.0, 2), (0.0, 2), (1.0, 0), (2.0, 1)]
        );
    }
}
