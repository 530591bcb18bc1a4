//! Inspection journeys: a row per school, years across, each graded inspection a disc in its
//! judgement's colour with Ofsted's grade number inside (so colour is never the only cue), a
//! predecessor's inspection a ring. Programme start years are dotted verticals.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::model::JourneysChart;
use crate::charts::kit::{
    anchored, fit_text, font, palette, render_svg, text, text_width, ChartError, Mark, Rect, Scale,
};

const PAD: f64 = 8.0;
const KEY_H: f64 = 26.0;
const ROW_H: f64 = 40.0;
const AXIS_H: f64 = 24.0;
const R: i32 = 9;

struct Geo {
    name_w: f64,
    plot_left: f64,
    plot_right: f64,
    top: f64,
    xs: Scale,
}

fn stacked(width: f64) -> bool {
    width < 560.0
}

fn geometry(m: &JourneysChart, width: u32) -> Geo {
    let w = f64::from(width.max(240));
    let longest = m
        .rows
        .iter()
        .map(|r| text_width(&r.name, 13.0, false))
        .fold(0.0, f64::max);
    let name_w = if stacked(w) {
        0.0
    } else {
        (longest + 12.0).min(w * 0.35)
    };
    let plot_left = PAD + name_w + 12.0;
    let plot_right = w - PAD - 12.0;
    Geo {
        name_w,
        plot_left,
        plot_right,
        top: PAD + KEY_H,
        xs: Scale {
            domain: (f64::from(m.years.0), f64::from(m.years.1) + 1.0),
            range: (plot_left, plot_right),
        },
    }
}

fn row_h(width: f64) -> f64 {
    if stacked(width) {
        ROW_H + 16.0
    } else {
        ROW_H
    }
}

/// The chart's size at a width.
pub fn size(m: &JourneysChart, width: u32) -> (u32, u32) {
    let w = f64::from(width.max(240));
    let h = PAD * 2.0 + KEY_H + m.rows.len().max(1) as f64 * row_h(w) + AXIS_H;
    (w as u32, h.ceil() as u32)
}

/// The SVG text.
pub fn svg(m: &JourneysChart, width: u32) -> Result<String, ChartError> {
    render_svg(size(m, width), |root| draw(root, m))
}

fn centre(m: &JourneysChart, g: &Geo, width: f64, row: usize, at: f64) -> (i32, i32) {
    let y = g.top + row as f64 * row_h(width) + row_h(width) - ROW_H / 2.0;
    let _ = m;
    (g.xs.px(at), y as i32)
}

/// Every inspection, school by school, oldest first.
pub fn marks(m: &JourneysChart, width: u32) -> Vec<Mark> {
    let g = geometry(m, width);
    let w = f64::from(width.max(240));
    let mut out = Vec::new();
    for (i, r) in m.rows.iter().enumerate() {
        for e in &r.events {
            let (x, y) = centre(m, &g, w, i, e.at());
            let (x, y) = (f64::from(x), f64::from(y));
            out.push(Mark {
                entity: r.name.clone(),
                category: "Ofsted inspection".into(),
                year: e.date.get(..4).and_then(|y| y.parse().ok()),
                value: match &e.note {
                    Some(n) => format!("{} ({n})", e.words()),
                    None => e.words(),
                },
                source: Some(e.source.clone()),
                bounds: Rect::new(x - 11.0, y - 11.0, 22.0, 22.0),
                band: Rect::new(x - 11.0, y - ROW_H / 2.0, 22.0, ROW_H),
            });
        }
    }
    out
}

/// Draws the chart, filling `root`.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    m: &JourneysChart,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let (wpx, _) = root.dim_in_pixel();
    let width = f64::from(wpx);
    let g = geometry(m, wpx);
    let px = |v: f64| v as i32;
    // Key: each judgement used, as drawn.
    let mut x = PAD;
    for j in &m.judgements {
        let j = *j;
        let label = j.label();
        let at = (px(x + 9.0), px(PAD + 10.0));
        disc(root, at, j, false)?;
        text(
            root,
            label,
            (px(x + 22.0), at.1),
            &anchored(font(12.0, false, palette::INK), HPos::Left, VPos::Center),
        )?;
        x += 22.0 + text_width(label, 12.0, false) + 16.0;
    }
    let bottom = g.top + m.rows.len().max(1) as f64 * row_h(width);
    // Years: a tick every year where they fit, else every other or fifth.
    let (y0, y1) = m.years;
    let step = (g.plot_right - g.plot_left) / f64::from(y1 - y0 + 1);
    let every = if step >= 40.0 {
        1
    } else if step >= 20.0 {
        2
    } else {
        5
    };
    for year in y0..=y1 {
        let xx = g.xs.px(f64::from(year));
        root.draw(&PathElement::new(
            vec![(xx, px(g.top)), (xx, px(bottom))],
            palette::GRID.stroke_width(1),
        ))?;
        if (year - y0) % every == 0 {
            text(
                root,
                &year.to_string(),
                (xx, px(bottom + 5.0)),
                &anchored(font(12.0, false, palette::MUTED), HPos::Left, VPos::Top),
            )?;
        }
    }
    for (year, n) in &m.starts {
        let xx = g.xs.px(f64::from(*year) + 0.67);
        if !(g.plot_left..=g.plot_right).contains(&f64::from(xx)) {
            continue;
        }
        root.draw(&DashedPathElement::new(
            vec![(xx, px(g.top - 4.0)), (xx, px(bottom))],
            2,
            3,
            palette::INK.stroke_width(1),
        ))?;
        let _ = n;
    }
    for (i, r) in m.rows.iter().enumerate() {
        let row_top = g.top + i as f64 * row_h(width);
        let name_at = if stacked(width) {
            (px(PAD), px(row_top + 4.0), VPos::Top)
        } else {
            (px(PAD), px(row_top + row_h(width) / 2.0), VPos::Center)
        };
        let room = if stacked(width) {
            width - 2.0 * PAD
        } else {
            g.name_w
        };
        text(
            root,
            &fit_text(&r.name, 13.0, false, room),
            (name_at.0, name_at.1),
            &anchored(font(13.0, false, palette::INK), HPos::Left, name_at.2),
        )?;
        let pts: Vec<(i32, i32)> = r
            .events
            .iter()
            .map(|e| centre(m, &g, width, i, e.at()))
            .collect();
        if pts.len() > 1 {
            root.draw(&PathElement::new(
                pts.clone(),
                palette::MUTED.stroke_width(1),
            ))?;
        }
        for (e, at) in r.events.iter().zip(&pts) {
            disc(root, *at, e.judgement, e.published_as.is_some())?;
        }
    }
    Ok(())
}

/// A judgement's disc with its grade inside; a ring where `hollow`.
fn disc<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    at: (i32, i32),
    j: crate::model::Judgement,
    hollow: bool,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let c = palette::judgement(j);
    let g = j.grade();
    let label = if g == 0 {
        "\u{2013}".to_string()
    } else {
        g.to_string()
    };
    if hollow {
        root.draw(&Circle::new(at, R, palette::WHITE.filled()))?;
        root.draw(&Circle::new(at, R - 1, c.stroke_width(2)))?;
        text(
            root,
            &label,
            at,
            &anchored(font(12.0, true, c), HPos::Center, VPos::Center),
        )?;
    } else {
        root.draw(&Circle::new(at, R, c.filled()))?;
        text(
            root,
            &label,
            at,
            &anchored(
                font(12.0, true, palette::on_judgement(j)),
                HPos::Center,
                VPos::Center,
            ),
        )?;
    }
    Ok(())
}
