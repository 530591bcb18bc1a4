//! Names at the lines' ends: each line's name and latest figure, moved apart so that no two
//! overlap, on a side column where the width allows.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::layout::{end_label, label_colour, PanelGeo};
use super::{TrendChart, TrendPanel};
use crate::charts::kit::{anchored, fit_text, font, palette, text, ChartError};

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
            Some((f64::from(g.ys.px(v)), t, label_colour(model, l.role)))
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
