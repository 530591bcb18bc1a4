//! The disadvantaged-pupils chart: two panels. Progress of the local area's disadvantaged
//! pupils against England's, per subject, with the gap written beside each pair; and the
//! share of pupils eligible for free school meals, local against England, from zero.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    anchored, fit_text, font, font_in, nice_ceiling, nice_ticks, palette, render_svg, text,
    text_on_white, text_width, vline, ChartError, Scale, TEXT_PX,
};
use crate::aggregate::{Cell, DisadvantageChart};
use crate::format;

/// From this width the two panels sit side by side.
pub const WIDE_FROM: u32 = 760;
const PAD: f64 = 8.0;
const HEADER_H: f64 = 30.0;
const SUB_H: f64 = 22.0;
const BAR_ROW_H: f64 = 24.0;
const GROUP_GAP: f64 = 8.0;
const FSM_ROW_H: f64 = 32.0;
const AXIS_H: f64 = 24.0;
const GAP: f64 = 24.0;

struct Layout {
    width: f64,
    wide: bool,
    label_w: f64,
}

impl Layout {
    fn new(model: &DisadvantageChart, width: u32) -> Self {
        let width = f64::from(width.max(240));
        let names = [model.local_name.as_str(), "England"];
        let label_w = names
            .iter()
            .chain(
                model
                    .fsm
                    .iter()
                    .map(|b| &b.label)
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .iter(),
            )
            .map(|n| text_width(n, TEXT_PX, false))
            .fold(0.0, f64::max)
            + 10.0;
        let wide = width >= f64::from(WIDE_FROM);
        Self {
            width,
            wide,
            label_w: label_w.min(width * 0.4),
        }
    }

    fn gap_panel_h(model: &DisadvantageChart) -> f64 {
        HEADER_H + model.rows.len() as f64 * (SUB_H + 2.0 * BAR_ROW_H + GROUP_GAP) + AXIS_H
    }

    fn fsm_panel_h(model: &DisadvantageChart) -> f64 {
        HEADER_H + model.fsm.len() as f64 * FSM_ROW_H + AXIS_H
    }

    /// (top, left, right) of the progress panel and of the FSM panel.
    fn panels(&self, model: &DisadvantageChart) -> ((f64, f64, f64), (f64, f64, f64)) {
        if self.wide {
            let split = PAD + (self.width - 2.0 * PAD - GAP) * 0.6;
            ((PAD, PAD, split), (PAD, split + GAP, self.width - PAD))
        } else {
            let second = PAD + Self::gap_panel_h(model) + GAP;
            (
                (PAD, PAD, self.width - PAD),
                (second, PAD, self.width - PAD),
            )
        }
    }

    fn height(&self, model: &DisadvantageChart) -> f64 {
        let (a, b) = (Self::gap_panel_h(model), Self::fsm_panel_h(model));
        if self.wide {
            2.0 * PAD + a.max(b)
        } else {
            2.0 * PAD + a + GAP + b
        }
    }
}

/// The chart's size at a given width.
pub fn size(model: &DisadvantageChart, width: u32) -> (u32, u32) {
    let l = Layout::new(model, width);
    (l.width as u32, l.height(model).ceil() as u32)
}

/// Draws the SVG text of the chart at a given width.
pub fn svg(model: &DisadvantageChart, width: u32) -> Result<String, ChartError> {
    render_svg(size(model, width), |root| draw(root, model))
}

/// Draws the chart on any plotters backend, filling `root`.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    model: &DisadvantageChart,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let (w, _) = root.dim_in_pixel();
    let layout = Layout::new(model, w);
    let (gap_panel, fsm_panel) = layout.panels(model);
    draw_gaps(root, model, &layout, gap_panel)?;
    draw_fsm(root, model, &layout, fsm_panel)
}

fn header<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    title: &str,
    (top, left, right): (f64, f64, f64),
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let t = fit_text(title, 15.0, true, right - left);
    text(
        root,
        &t,
        (left as i32, (top + 6.0) as i32),
        &anchored(font(15.0, true, palette::INK), HPos::Left, VPos::Top),
    )
}

fn draw_gaps<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    model: &DisadvantageChart,
    layout: &Layout,
    (top, left, right): (f64, f64, f64),
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let title = match model.year {
        Some(y) => format!("Progress of disadvantaged pupils, {y}"),
        None => "Progress of disadvantaged pupils".to_string(),
    };
    header(root, &title, (top, left, right))?;
    let m = model
        .rows
        .iter()
        .flat_map(|r| [r.local.value(), r.england.value()])
        .flatten()
        .map(f64::abs)
        .fold(0.0, f64::max);
    let m = nice_ceiling(m.max(0.5));
    let room = text_width("\u{2212}0.0", 12.0, false) + 8.0;
    let bars_left = left + layout.label_w;
    let scale = Scale {
        domain: (-m, m),
        range: (bars_left + room, right - room),
    };
    let rows_top = top + HEADER_H;
    let group_h = SUB_H + 2.0 * BAR_ROW_H + GROUP_GAP;
    let rows_bottom = rows_top + model.rows.len() as f64 * group_h;
    for t in nice_ticks(-m, m, 4) {
        let x = scale.px(t);
        if t != 0.0 {
            vline(
                root,
                x,
                rows_top as i32,
                rows_bottom as i32,
                palette::GRID.stroke_width(1),
            )?;
        }
        text(
            root,
            &if t == 0.0 {
                "0".to_string()
            } else {
                format::progress(t)
            },
            (x, rows_bottom as i32 + 5),
            &anchored(font(12.0, false, palette::MUTED), HPos::Center, VPos::Top),
        )?;
    }
    for (g, row) in model.rows.iter().enumerate() {
        let gy = rows_top + g as f64 * group_h;
        text(
            root,
            row.subject.label(),
            (left as i32, (gy + SUB_H / 2.0) as i32),
            &anchored(font(TEXT_PX, true, palette::INK), HPos::Left, VPos::Center),
        )?;
        if let Some(gap) = row.gap() {
            let words = format!(
                "{} {} England",
                model.local_name,
                format::difference_words(gap)
            );
            let words = fit_text(
                &words,
                12.0,
                false,
                right - left - text_width(row.subject.label(), TEXT_PX, true) - 12.0,
            );
            text_on_white(
                root,
                &words,
                (right as i32, (gy + SUB_H / 2.0) as i32),
                12.0,
                false,
                &anchored(font(12.0, false, palette::MUTED), HPos::Right, VPos::Center),
            )?;
        }
        let pairs = [
            (&model.local_name, &row.local, palette::AREA),
            (&"England".to_string(), &row.england, palette::ENGLAND),
        ];
        for (k, (name, cell, color)) in pairs.into_iter().enumerate() {
            let y = (gy + SUB_H + k as f64 * BAR_ROW_H + BAR_ROW_H / 2.0) as i32;
            let label = fit_text(name, TEXT_PX, false, layout.label_w - 8.0);
            text(
                root,
                &label,
                ((bars_left - 8.0) as i32, y),
                &anchored(
                    font(TEXT_PX, false, palette::INK),
                    HPos::Right,
                    VPos::Center,
                ),
            )?;
            bar(root, &scale, cell, y, color)?;
        }
    }
    vline(
        root,
        scale.px(0.0),
        rows_top as i32 - 4,
        rows_bottom as i32,
        palette::INK.stroke_width(2),
    )
}

/// A horizontal bar from zero with its value written at its end.
fn bar<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    scale: &Scale,
    cell: &Cell,
    y: i32,
    color: RGBColor,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let zero = scale.px(0.0);
    match cell.value() {
        Some(v) => {
            let xv = scale.px(v);
            let (a, b) = if xv < zero { (xv, zero) } else { (zero, xv) };
            let (a, b) = if b - a < 3 {
                (zero - 2, zero + 2)
            } else {
                (a, b)
            };
            root.draw(&Rectangle::new([(a, y - 7), (b, y + 7)], color.filled()))?;
            let style = font(12.0, false, palette::INK);
            if v < 0.0 {
                text(
                    root,
                    &format::progress(v),
                    (a - 4, y),
                    &anchored(style, HPos::Right, VPos::Center),
                )
            } else {
                text(
                    root,
                    &format::progress(v),
                    (b + 4, y),
                    &anchored(style, HPos::Left, VPos::Center),
                )
            }
        }
        None => text(
            root,
            "not published",
            (zero + 4, y),
            &anchored(
                font_in(12.0, FontStyle::Italic, palette::MUTED),
                HPos::Left,
                VPos::Center,
            ),
        ),
    }
}

fn draw_fsm<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    model: &DisadvantageChart,
    layout: &Layout,
    (top, left, right): (f64, f64, f64),
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    header(
        root,
        "Pupils eligible for free school meals",
        (top, left, right),
    )?;
    let max = model.fsm.iter().map(|b| b.percent).fold(0.0, f64::max);
    let m = nice_ceiling((max * 1.1).max(10.0));
    let bars_left = left + layout.label_w;
    let room = text_width("100.0%", 12.0, false) + 8.0;
    let scale = Scale {
        domain: (0.0, m),
        range: (bars_left, right - room),
    };
    let rows_top = top + HEADER_H;
    let rows_bottom = rows_top + model.fsm.len() as f64 * FSM_ROW_H;
    for t in nice_ticks(0.0, m, 3) {
        let x = scale.px(t);
        if t != 0.0 {
            vline(
                root,
                x,
                rows_top as i32,
                rows_bottom as i32,
                palette::GRID.stroke_width(1),
            )?;
        }
        text(
            root,
            &format::percent(t),
            (x, rows_bottom as i32 + 5),
            &anchored(font(12.0, false, palette::MUTED), HPos::Center, VPos::Top),
        )?;
    }
    for (i, b) in model.fsm.iter().enumerate() {
        let y = (rows_top + i as f64 * FSM_ROW_H + FSM_ROW_H / 2.0) as i32;
        let color = if b.label == "England" {
            palette::ENGLAND
        } else {
            palette::AREA
        };
        let label = fit_text(&b.label, TEXT_PX, false, layout.label_w - 8.0);
        text(
            root,
            &label,
            ((bars_left - 8.0) as i32, y),
            &anchored(
                font(TEXT_PX, false, palette::INK),
                HPos::Right,
                VPos::Center,
            ),
        )?;
        let xv = scale.px(b.percent);
        root.draw(&Rectangle::new(
            [(scale.px(0.0), y - 9), (xv, y + 9)],
            color.filled(),
        ))?;
        text(
            root,
            &format::percent(b.percent),
            (xv + 4, y),
            &anchored(font(12.0, false, palette::INK), HPos::Left, VPos::Center),
        )?;
    }
    vline(
        root,
        scale.px(0.0),
        rows_top as i32 - 4,
        rows_bottom as i32,
        palette::INK.stroke_width(2),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::{disadvantage_chart, CohortChoice};
    use crate::testing::bundled;

    #[test]
    fn every_published_figure_is_written_on_the_chart() {
        let ds = bundled();
        let model = disadvantage_chart(&ds, &CohortChoice::Programme);
        let svg = svg(&model, 1000).unwrap_or_default();
        for value in [
            "\u{2212}0.2",
            "\u{2212}0.1",
            "+0.1",
            "\u{2212}0.7",
            "\u{2212}0.3",
            "\u{2212}0.5",
            "23%",
            "14.5%",
        ] {
            assert!(svg.contains(value), "missing {value}");
        }
        assert!(svg.contains("Progress of disadvantaged pupils, 2016"));
    }

    #[test]
    fn the_gap_to_england_is_written_in_words() {
        let ds = bundled();
        let model = disadvantage_chart(&ds, &CohortChoice::Programme);
        let svg = svg(&model, 1000).unwrap_or_default();
        // Reading −0.2 vs −0.7, writing −0.1 vs −0.3, maths +0.1 vs −0.5.
        for gap in [
            "0.5 above England",
            "0.2 above England",
            "0.6 above England",
        ] {
            assert!(svg.contains(gap), "missing {gap}");
        }
    }

    #[test]
    fn narrow_screens_stack_the_two_panels() {
        let ds = bundled();
        let model = disadvantage_chart(&ds, &CohortChoice::Programme);
        let (_, narrow) = size(&model, 360);
        let (_, wide) = size(&model, 1000);
        assert!(narrow > wide);
    }
}
