//! The area charts over time: one panel per measure, years across. The home area, its region
//! and England are lines with distinct markers and direct labels; the statistical neighbours
//! are a band from lowest to highest with their median dashed and each neighbour a small
//! point. No line crosses a year without figures: those years are shaded and labelled.
//! Cohort start years are dotted verticals.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::key::{draw_key, draw_marker};
use super::labels::draw_end_labels;
pub use super::layout::size;
use super::layout::*;
use super::{Role, TrendChart, TrendLine, TrendPanel};
use crate::charts::kit::{
    anchored, fit_text, font, hline, nice_ticks, palette, render_svg, text, text_width, wrap_text,
    ChartError, Mark, Rect,
};

/// The size of a gap's words ("No KS2 tests"): no chart text is smaller than 12 px, which
/// prints at 8 pt or more (`page::PRINT_WIDTH`).
const GAP_PX: f64 = 12.0;

/// Draws the SVG text of the chart at a given width.
pub fn svg(model: &TrendChart, width: u32) -> Result<String, ChartError> {
    render_svg(size(model, width), |root| draw(root, model))
}

fn category(model: &TrendChart, panel: &TrendPanel) -> String {
    let what = panel.measure.label();
    match model.pupils {
        crate::model::PupilGroup::All => what.to_string(),
        p => format!("{what} ({})", p.label()),
    }
}

/// Every point, in reading order: per panel the home area, region and England year by year,
/// then the neighbours' median, then each neighbour.
pub fn marks(model: &TrendChart, width: u32) -> Vec<Mark> {
    let geos = geometry(model, width);
    let mut out = Vec::new();
    for (panel, g) in model.panels.iter().zip(&geos) {
        let half = (step(g) / 2.0).clamp(4.0, 10.0);
        let cat = category(model, panel);
        let mut push =
            |entity: String, year: u16, v: f64, value: String, source: Option<String>| {
                let x = f64::from(g.xs.px(f64::from(year)));
                let y = f64::from(g.ys.px(v));
                out.push(Mark {
                    entity,
                    category: cat.clone(),
                    year: Some(year),
                    value,
                    source,
                    bounds: Rect::new(x - 6.0, y - 6.0, 12.0, 12.0),
                    band: Rect::new(x - half, y - 7.0, 2.0 * half, 14.0),
                });
            };
        for line in &panel.lines {
            for p in &line.points {
                if let Some(v) = p.value {
                    let mut value = model.format(v, p.decimals);
                    if let Some(d) = &p.detail {
                        value.push_str(&format!(" ({d})"));
                    }
                    if let Some(n) = &p.note {
                        value.push_str(&format!(" ({n})"));
                    }
                    push(line.name.clone(), p.year, v, value, Some(p.source.clone()));
                }
            }
        }
        let source = panel
            .neighbours
            .iter()
            .flat_map(|l| l.points.first())
            .map(|p| p.source.clone())
            .next();
        for b in &panel.band {
            push(
                format!("{}' median", model.band_label),
                b.year,
                b.median,
                format!(
                    "{} ({} of {} published; lowest {}, highest {})",
                    model.format(b.median, b.decimals),
                    b.count,
                    panel.neighbours.len(),
                    model.format(b.min, b.decimals.min(4)),
                    model.format(b.max, b.decimals.min(4)),
                ),
                source.clone(),
            );
        }
        for line in &panel.neighbours {
            for p in &line.points {
                if let Some(v) = p.value {
                    push(
                        format!("{} ({})", line.name, model.band_member),
                        p.year,
                        v,
                        model.format(v, p.decimals),
                        Some(p.source.clone()),
                    );
                }
            }
        }
    }
    out
}

/// Runs of consecutive years that have a value, for drawing lines that never cross a gap.
pub(crate) fn runs(points: &[(u16, f64)]) -> Vec<Vec<(u16, f64)>> {
    let mut out: Vec<Vec<(u16, f64)>> = Vec::new();
    for &(y, v) in points {
        match out.last_mut() {
            Some(run) if run.last().is_some_and(|(py, _)| *py + 1 == y) => run.push((y, v)),
            _ => out.push(vec![(y, v)]),
        }
    }
    out
}

/// Draws the chart on any plotters backend, filling `root`.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    model: &TrendChart,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let (w, _) = root.dim_in_pixel();
    let geos = geometry(model, w);
    draw_key(root, model, f64::from(w))?;
    for (i, (panel, g)) in model.panels.iter().zip(&geos).enumerate() {
        draw_panel(root, model, panel, g, i == 0)?;
    }
    Ok(())
}

fn draw_panel<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    model: &TrendChart,
    panel: &TrendPanel,
    g: &PanelGeo,
    first: bool,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let px = |x: f64| x as i32;
    if !panel.heading.is_empty() {
        text(
            root,
            &panel.heading,
            (px(g.left), px(g.top + 4.0)),
            &anchored(font(14.0, true, palette::INK), HPos::Left, VPos::Top),
        )?;
    }
    let st = step(g);
    // Years without figures: shaded, labelled.
    for gap in &model.gaps {
        let x0 = f64::from(g.xs.px(f64::from(gap.from))) - st / 2.0;
        let x1 = f64::from(g.xs.px(f64::from(gap.to))) + st / 2.0;
        root.draw(&Rectangle::new(
            [(px(x0), px(g.plot_top)), (px(x1), px(g.plot_bottom))],
            palette::GAP.filled(),
        ))?;
        let room = x1 - x0 - 6.0;
        if text_width(&gap.label, GAP_PX, false) <= room || room >= 60.0 {
            for (k, l) in wrap_text(&gap.label, GAP_PX, false, room.max(20.0))
                .iter()
                .take(4)
                .enumerate()
            {
                text(
                    root,
                    l,
                    (
                        px((x0 + x1) / 2.0),
                        px(g.plot_top + 6.0 + k as f64 * GAP_PX * 1.25),
                    ),
                    &anchored(font(GAP_PX, false, palette::MUTED), HPos::Center, VPos::Top),
                )?;
            }
        } else {
            // Too narrow to write across: written upwards, from the foot of the gap.
            let style = anchored(
                font(GAP_PX, false, palette::MUTED),
                HPos::Left,
                VPos::Center,
            )
            .transform(FontTransform::Rotate270);
            text(
                root,
                &fit_text(&gap.label, GAP_PX, false, g.plot_bottom - g.plot_top - 12.0),
                (px((x0 + x1) / 2.0), px(g.plot_bottom - 6.0)),
                &style,
            )?;
        }
    }
    // Value grid and axis.
    let (d0, d1) = model.domain;
    let target = if model.is_percent() { 5 } else { 4 };
    for t in nice_ticks(d0, d1, target) {
        let y = g.ys.px(t);
        let zero = !model.is_percent() && t == 0.0;
        hline(
            root,
            px(g.plot_left),
            px(g.plot_right),
            y,
            // The zero line is the grid's colour, heavier: England's line (0 by definition
            // in early years, about +0.03 later) is drawn over it in its own colour rather
            // than lost in a black axis.
            if zero {
                palette::GRID.stroke_width(2)
            } else {
                palette::GRID.stroke_width(1)
            },
        )?;
        let label = if model.is_percent() {
            format!("{t:.0}%")
        } else if t == 0.0 {
            "0".to_string()
        } else {
            crate::format::progress(t)
        };
        text(
            root,
            &label,
            (px(g.plot_left - 6.0), y),
            &anchored(font(12.0, false, palette::MUTED), HPos::Right, VPos::Center),
        )?;
    }
    // Years along the bottom: every year where they fit, else every other (or third).
    let (y0, y1) = model.years;
    let every = year_step(st);
    for year in (y0..=y1).filter(|y| (y - y0) % every == 0) {
        text(
            root,
            &year.to_string(),
            (g.xs.px(f64::from(year)), px(g.plot_bottom + 5.0)),
            &anchored(font(12.0, false, palette::MUTED), HPos::Center, VPos::Top),
        )?;
    }
    // Cohort start years.
    for (year, _) in &model.starts {
        let x = g.xs.px(f64::from(*year));
        root.draw(&DashedPathElement::new(
            vec![(x, px(g.plot_top - 4.0)), (x, px(g.plot_bottom))],
            2,
            3,
            palette::INK.stroke_width(1),
        ))?;
    }
    if first && !model.starts.is_empty() {
        let words: Vec<String> = model
            .starts
            .iter()
            .map(|(y, n)| format!("{n} in {y}"))
            .collect();
        let label = format!("\u{2506} Cohorts started: {}", words.join(", "));
        text(
            root,
            &fit_text(&label, 12.0, false, g.right - g.plot_left),
            (px(g.plot_left), px(g.plot_top - TOP_H + 2.0)),
            &anchored(font(12.0, false, palette::INK), HPos::Left, VPos::Top),
        )?;
    }
    // The neighbours: band, median, points.
    let band: Vec<(u16, f64)> = panel.band.iter().map(|b| (b.year, b.min)).collect();
    for run in runs(&band) {
        let first_year = run.first().map_or(0, |(y, _)| *y);
        let last_year = run.last().map_or(0, |(y, _)| *y);
        let pts: Vec<&crate::charts::timeline::BandPoint> = panel
            .band
            .iter()
            .filter(|b| (first_year..=last_year).contains(&b.year))
            .collect();
        if pts.len() == 1 {
            let b = pts[0];
            let x = g.xs.px(f64::from(b.year));
            root.draw(&Rectangle::new(
                [(x - 4, g.ys.px(b.max)), (x + 4, g.ys.px(b.min))],
                palette::BAND.filled(),
            ))?;
        } else {
            let mut poly: Vec<(i32, i32)> = pts
                .iter()
                .map(|b| (g.xs.px(f64::from(b.year)), g.ys.px(b.max)))
                .collect();
            poly.extend(
                pts.iter()
                    .rev()
                    .map(|b| (g.xs.px(f64::from(b.year)), g.ys.px(b.min))),
            );
            root.draw(&Polygon::new(poly, palette::BAND.filled()))?;
            root.draw(&DashedPathElement::new(
                pts.iter()
                    .map(|b| (g.xs.px(f64::from(b.year)), g.ys.px(b.median)))
                    .collect::<Vec<_>>(),
                6,
                4,
                palette::NEIGHBOUR.stroke_width(2),
            ))?;
        }
    }
    for line in &panel.neighbours {
        for p in &line.points {
            if let Some(v) = p.value {
                root.draw(&Circle::new(
                    (g.xs.px(f64::from(p.year)), g.ys.px(v)),
                    2,
                    palette::NEIGHBOUR.stroke_width(1),
                ))?;
            }
        }
    }
    // Lines: muted schools, England, region, then home on top, and a school brought forward
    // over them all.
    let mut order: Vec<&TrendLine> = panel.lines.iter().collect();
    crate::order::sort_by_key(&mut order, |l| {
        (
            forward(model, l.role),
            !muted(model, l.role),
            std::cmp::Reverse(l.role),
        )
    });
    for line in order {
        let c = line_colour(model, line.role);
        let pts: Vec<(u16, f64)> = line
            .points
            .iter()
            .filter_map(|p| p.value.map(|v| (p.year, v)))
            .collect();
        let width = if matches!(line.role, Role::Home | Role::Derived) || forward(model, line.role)
        {
            3
        } else {
            2
        };
        for run in runs(&pts) {
            if run.len() > 1 {
                root.draw(&PathElement::new(
                    run.iter()
                        .map(|(y, v)| (g.xs.px(f64::from(*y)), g.ys.px(*v)))
                        .collect::<Vec<_>>(),
                    c.stroke_width(width),
                ))?;
            }
        }
        for p in &line.points {
            if let Some(v) = p.value {
                let at = (g.xs.px(f64::from(p.year)), g.ys.px(v));
                draw_marker(root, line.role, c, at, p.hollow)?;
            }
        }
    }
    if g.labels {
        draw_end_labels(root, model, panel, g)?;
    }
    Ok(())
}

/// Every how many years a panel names a year along its axis, `st` px apart: names 12 px
/// high need their width and 8 px between them.
fn year_step(st: f64) -> u16 {
    let need = text_width("2016", 12.0, false) + 8.0;
    (1..=5).find(|&k| st * f64::from(k) >= need).unwrap_or(5)
}
