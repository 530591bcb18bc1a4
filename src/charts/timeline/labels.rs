//! Names at the lines' ends: each line's name and latest figure, moved apart so that no two
//! overlap, on a side column where the width allows.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::draw::{colour, PanelGeo};
use super::{TrendChart, TrendLine, TrendPanel};
use crate::charts::kit::{anchored, fit_text, font, palette, text, text_width, ChartError};

pub(super) fn end_label(model: &TrendChart, line: &TrendLine) -> Option<(u16, f64, String)> {
    let p = line.points.iter().rev().find(|p| p.value.is_some())?;
    let v = p.value?;
    Some((
        p.year,
        v,
        format!("{} {}", short_name(&line.name), model.format(v, p.decimals)),
    ))
}

/// Names as they fit beside a line end.
pub(super) fn short_name(name: &str) -> &str {
    name.split(',').next().unwrap_or(name)
}

pub(super) fn label_width(model: &TrendChart) -> f64 {
    model
        .panels
        .iter()
        .flat_map(|p| p.lines.iter())
        .filter_map(|l| end_label(model, l))
        .map(|(_, _, t)| text_width(&t, 12.0, false))
        .chain(std::iter::once(text_width(
            &model.median_label(),
            12.0,
            false,
        )))
        .fold(0.0, f64::max)
        + 12.0
}

/// Whether a panel this wide has room to name its lines at their ends.
pub(super) fn has_labels(model: &TrendChart, panel_w: f64) -> bool {
    let axis_w =
        text_width("\u{2212}0.00", 12.0, false).max(text_width("100%", 12.0, false)) + 10.0;
    panel_w - axis_w - label_width(model) >= 300.0
}

/// Names at the ends of lines, nudged apart so none overlaps another.
pub(super) fn draw_end_labels<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    model: &TrendChart,
    panel: &TrendPanel,
    g: &PanelGeo,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let mut labels: Vec<(f64, String, RGBColor)> = panel
        .lines
        .iter()
        .filter_map(|l| {
            let (_, v, t) = end_label(model, l)?;
            Some((f64::from(g.ys.px(v)), t, colour(l.role)))
        })
        .collect();
    if let Some(b) = panel.band.last() {
        labels.push((
            f64::from(g.ys.px(b.median)),
            model.median_label(),
            palette::NEIGHBOUR,
        ));
    }
    crate::order::sort_by(&mut labels, |a, b| a.0.total_cmp(&b.0));
    let gap = 14.0;
    for i in 1..labels.len() {
        let prev = labels[i - 1].0;
        if labels[i].0 < prev + gap {
            labels[i].0 = prev + gap;
        }
    }
    // Pushed below the plot: shift the whole stack up.
    if let Some(last) = labels.last().map(|l| l.0) {
        let over = last - g.plot_bottom;
        if over > 0.0 {
            for l in &mut labels {
                l.0 -= over;
            }
        }
    }
    for (y, t, c) in labels {
        let room = g.right - g.plot_right - 6.0;
        text(
            root,
            &fit_text(&t, 12.0, false, room),
            (g.plot_right as i32 + 6, y as i32),
            &anchored(font(12.0, false, c), HPos::Left, VPos::Center),
        )?;
    }
    Ok(())
}
