//! The disadvantaged-pupils chart: two panels. Progress of the local area's disadvantaged
//! pupils against England's, per subject, with the gap written beside each pair; and the
//! share of pupils eligible for free school meals, local against England, from zero.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::layout::*;
use super::model::{DisadvantageChart, FsmRole};
use crate::charts::kit::{
    anchored, fit_text, font, font_in, nice_ceiling, nice_ticks, palette, render_svg, text,
    text_on_white, text_width, value_label, vline, wrap_text, ChartError, Mark, Rect, Scale,
    TEXT_PX,
};
use crate::format;
use crate::provenance::Cell;

/// A drawn bar: where, what, in which colour.
struct Bar<'a> {
    name: String,
    category: String,
    year: Option<u16>,
    cell: BarValue<'a>,
    color: RGBColor,
    y: f64,
    scale: Scale,
    label_right: f64,
    band: Rect,
}

enum BarValue<'a> {
    Progress(&'a Cell),
    Percent(f64, &'a str),
}

/// Everything's position at one width: the one description shared by drawing and [`marks`].
struct Geometry<'a> {
    gap_panel: (f64, f64, f64),
    fsm_panel: (f64, f64, f64),
    gap_scale: Scale,
    gap_rows_top: f64,
    group_h: f64,
    fsm_scale: Scale,
    fsm_rows_top: f64,
    bars: Vec<Bar<'a>>,
}

fn geometry(model: &DisadvantageChart, width: u32) -> Geometry<'_> {
    let width = f64::from(width.max(240));
    let Panels {
        stacked,
        gap: (a, b),
        fsm: (c, d),
        header_h: hh,
    } = panels(model, width);
    // Stacked, the second panel comes under the first; side by side or alone, at the top.
    let second = if stacked {
        PAD + gap_panel_h(model, hh) + GAP
    } else {
        PAD
    };
    let (gap_panel, fsm_panel) = ((PAD, a, b), (second, c, d));

    let m = model
        .rows
        .iter()
        .flat_map(|r| [r.cohort.as_ref(), r.local.as_ref(), r.england.as_ref()])
        .flatten()
        .filter_map(Cell::value)
        .map(f64::abs)
        .fold(0.0, f64::max);
    let m = nice_ceiling(m.max(0.5));
    let room = gap_room();
    let (top, left, right) = gap_panel;
    let min_bars = if stacked || model.rows.is_empty() || model.fsm.is_empty() {
        MIN_BARS_ACROSS
    } else {
        MIN_BARS
    };
    let label_w = names_width(gap_names(model), right - left, 2.0 * room + min_bars);
    let gap_scale = Scale {
        domain: (-m, m),
        range: (left + label_w + room, right - room),
    };
    let gap_rows_top = top + hh;
    let group_h = SUB_H + shown_per_group(model) as f64 * BAR_ROW_H + GROUP_GAP;
    let mut bars = Vec::new();
    for (g, row) in model.rows.iter().enumerate() {
        let gy = gap_rows_top + g as f64 * group_h;
        let cohort_name = model.cohort_name.clone().unwrap_or_default();
        let series = [
            (&cohort_name, row.cohort.as_ref(), palette::SCHOOL),
            (&model.local_name, row.local.as_ref(), palette::AREA),
            (
                &"England".to_string(),
                row.england.as_ref(),
                palette::ENGLAND,
            ),
        ];
        let mut k = 0.0;
        for (name, cell, color) in series {
            let Some(cell) = cell else { continue };
            let y0 = gy + SUB_H + k * BAR_ROW_H;
            bars.push(Bar {
                name: name.clone(),
                category: format!(
                    "{} progress of disadvantaged pupils",
                    row.subject.label().to_lowercase()
                ),
                year: model.year,
                cell: BarValue::Progress(cell),
                color,
                y: y0 + BAR_ROW_H / 2.0,
                scale: gap_scale,
                label_right: left + label_w - 8.0,
                band: Rect::new(left, y0, right - left, BAR_ROW_H),
            });
            k += 1.0;
        }
    }

    let (top, left, right) = fsm_panel;
    let max = model.fsm.iter().map(|b| b.percent).fold(0.0, f64::max);
    let fsm_m = nice_ceiling((max * 1.1).max(10.0));
    let room = fsm_room();
    let label_w = names_width(fsm_names(model), right - left, room + min_bars);
    let fsm_scale = Scale {
        domain: (0.0, fsm_m),
        range: (left + label_w, right - room),
    };
    let fsm_rows_top = top + hh;
    for (i, b) in model.fsm.iter().enumerate() {
        let y0 = fsm_rows_top + i as f64 * FSM_ROW_H;
        bars.push(Bar {
            name: b.label.clone(),
            category: "primary pupils eligible for free school meals".into(),
            year: b.year,
            cell: BarValue::Percent(b.percent, &b.source),
            color: match b.role {
                FsmRole::England => palette::ENGLAND,
                FsmRole::Area => palette::AREA,
                FsmRole::Region => palette::REGION,
                FsmRole::Neighbours => palette::NEIGHBOUR,
            },
            y: y0 + FSM_ROW_H / 2.0,
            scale: fsm_scale,
            label_right: left + label_w - 8.0,
            band: Rect::new(left, y0, right - left, FSM_ROW_H),
        });
    }
    Geometry {
        gap_panel,
        fsm_panel,
        gap_scale,
        gap_rows_top,
        group_h,
        fsm_scale,
        fsm_rows_top,
        bars,
    }
}

/// The chart's size at a given width.
pub fn size(model: &DisadvantageChart, width: u32) -> (u32, u32) {
    let w = f64::from(width.max(240));
    let Panels {
        stacked,
        header_h: hh,
        ..
    } = panels(model, w);
    // A slide may show one panel alone (`split`): the other takes no room.
    let a = if model.rows.is_empty() {
        0.0
    } else {
        gap_panel_h(model, hh)
    };
    let b = if model.fsm.is_empty() {
        0.0
    } else {
        fsm_panel_h(model, hh)
    };
    let h = if stacked {
        2.0 * PAD + a + GAP + b
    } else {
        2.0 * PAD + a.max(b)
    };
    (w as u32, h.ceil() as u32)
}

/// Draws the SVG text of the chart at a given width.
pub fn svg(model: &DisadvantageChart, width: u32) -> Result<String, ChartError> {
    render_svg(size(model, width), |root| draw(root, model))
}

/// The bar's extent in pixels and its value as written.
fn bar_extent(bar: &Bar<'_>) -> Option<(i32, i32, String)> {
    let zero = bar.scale.px(0.0);
    let (v, text) = match bar.cell {
        BarValue::Progress(cell) => (cell.value()?, cell.text()),
        BarValue::Percent(p, _) => (p, format::percent(p)),
    };
    let xv = bar.scale.px(v);
    let (a, b) = if xv < zero { (xv, zero) } else { (zero, xv) };
    let (a, b) = if b - a < 3 {
        (zero - 2, zero + 2)
    } else {
        (a, b)
    };
    Some((a, b, text))
}

/// Every bar, in reading order, with its box and the band the pointer finds it by.
pub fn marks(model: &DisadvantageChart, width: u32) -> Vec<Mark> {
    geometry(model, width)
        .bars
        .iter()
        .map(|bar| {
            let half = if matches!(bar.cell, BarValue::Percent(..)) {
                9.0
            } else {
                7.0
            };
            let source = match &bar.cell {
                BarValue::Progress(Cell::Value { source, .. }) => Some(source.to_string()),
                BarValue::Percent(_, source) => Some((*source).to_string()),
                BarValue::Progress(Cell::NotPublished(_)) => None,
            };
            let (bounds, value, source) = match (bar_extent(bar), source) {
                (Some((a, b, text)), Some(source)) => (
                    Rect::new(
                        f64::from(a) - 2.0,
                        bar.y - half - 2.0,
                        f64::from(b - a) + 4.0,
                        2.0 * half + 4.0,
                    ),
                    text,
                    Some(source),
                ),
                _ => (
                    Rect::new(f64::from(bar.scale.px(0.0)), bar.y - half, 90.0, 2.0 * half),
                    "not published".to_string(),
                    None,
                ),
            };
            Mark {
                entity: bar.name.clone(),
                category: bar.category.clone(),
                year: bar.year,
                value,
                source,
                bounds,
                band: bar.band,
            }
        })
        .collect()
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
    let g = geometry(model, w);
    if !model.rows.is_empty() {
        header(root, &gap_title(model), g.gap_panel)?;
        gap_panel(root, model, &g)?;
    }
    if !model.fsm.is_empty() {
        header(root, FSM_TITLE, g.fsm_panel)?;
        fsm_grid(root, model, &g)?;
    }
    bars(root, &g)
}

/// The progress panel's grid, subject headings with the gap in words, and zero line.
fn gap_panel<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    model: &DisadvantageChart,
    g: &Geometry<'_>,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let (_, left, right) = g.gap_panel;
    let rows_bottom = g.gap_rows_top + model.rows.len() as f64 * g.group_h;
    let (m0, m1) = g.gap_scale.domain;
    for t in nice_ticks(m0, m1, 4) {
        let x = g.gap_scale.px(t);
        if t != 0.0 {
            vline(
                root,
                x,
                g.gap_rows_top as i32,
                rows_bottom as i32,
                palette::GRID.stroke_width(1),
            )?;
        }
        let label = if t == 0.0 {
            "0".to_string()
        } else {
            format::progress(t)
        };
        text(
            root,
            &label,
            (x, rows_bottom as i32 + 5),
            &anchored(font(12.0, false, palette::MUTED), HPos::Center, VPos::Top),
        )?;
    }
    // The zero line before the words over it: each group's gap in words sits on white, so
    // the line never runs through them.
    vline(
        root,
        g.gap_scale.px(0.0),
        g.gap_rows_top as i32 - 4,
        rows_bottom as i32,
        palette::INK.stroke_width(2),
    )?;
    for (i, row) in model.rows.iter().enumerate() {
        let yh = (g.gap_rows_top + i as f64 * g.group_h + SUB_H / 2.0) as i32;
        text(
            root,
            row.subject.label(),
            (left as i32, yh),
            &anchored(font(TEXT_PX, true, palette::INK), HPos::Left, VPos::Center),
        )?;
        if let Some(gap) = row.gap() {
            let words = format!(
                "{} {} England",
                model.local_name,
                format::difference_words(gap)
            );
            let room = right - left - text_width(row.subject.label(), TEXT_PX, true) - 12.0;
            text_on_white(
                root,
                &fit_text(&words, 12.0, false, room),
                (right as i32, yh),
                12.0,
                false,
                &anchored(font(12.0, false, palette::MUTED), HPos::Right, VPos::Center),
            )?;
        }
    }
    Ok(())
}

/// The FSM panel's grid from zero.
fn fsm_grid<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    model: &DisadvantageChart,
    g: &Geometry<'_>,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let fsm_bottom = g.fsm_rows_top + model.fsm.len() as f64 * FSM_ROW_H;
    let (_, f1) = g.fsm_scale.domain;
    // A narrow panel names fewer ticks: each label keeps clear of the last one named.
    let mut named_to = f64::NEG_INFINITY;
    for t in nice_ticks(0.0, f1, 3) {
        let x = g.fsm_scale.px(t);
        if t != 0.0 {
            vline(
                root,
                x,
                g.fsm_rows_top as i32,
                fsm_bottom as i32,
                palette::GRID.stroke_width(1),
            )?;
        }
        let label = format::percent(t);
        let half = text_width(&label, 12.0, false) / 2.0;
        if f64::from(x) - half < named_to + 6.0 {
            continue;
        }
        named_to = f64::from(x) + half;
        text(
            root,
            &label,
            (x, fsm_bottom as i32 + 5),
            &anchored(font(12.0, false, palette::MUTED), HPos::Center, VPos::Top),
        )?;
    }
    vline(
        root,
        g.fsm_scale.px(0.0),
        g.fsm_rows_top as i32 - 4,
        fsm_bottom as i32,
        palette::INK.stroke_width(2),
    )?;
    Ok(())
}

/// Every bar with its label and value.
fn bars<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    g: &Geometry<'_>,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    for bar in &g.bars {
        let y = bar.y as i32;
        let label_w = bar.label_right - bar.band.x;
        text(
            root,
            &fit_text(&bar.name, TEXT_PX, false, label_w),
            (bar.label_right as i32, y),
            &anchored(
                font(TEXT_PX, false, palette::INK),
                HPos::Right,
                VPos::Center,
            ),
        )?;
        let half = if matches!(bar.cell, BarValue::Percent(..)) {
            9
        } else {
            7
        };
        match bar_extent(bar) {
            Some((a, b, label)) => {
                root.draw(&Rectangle::new(
                    [(a, y - half), (b, y + half)],
                    bar.color.filled(),
                ))?;
                value_label(root, &label, (a, b), y, a < bar.scale.px(0.0))?;
            }
            None => text(
                root,
                "not published",
                (bar.scale.px(0.0) + 4, y),
                &anchored(
                    font_in(12.0, FontStyle::Italic, palette::MUTED),
                    HPos::Left,
                    VPos::Center,
                ),
            )?,
        }
    }
    Ok(())
}

fn header<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    title: &str,
    (top, left, right): (f64, f64, f64),
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    // (Wrapped as `layout::panels` made room for it.)
    for (k, line) in wrap_text(title, HEADER_PX, true, right - left)
        .iter()
        .enumerate()
    {
        text(
            root,
            &fit_text(line, HEADER_PX, true, right - left),
            (left as i32, (top + 6.0 + k as f64 * HEADER_LINE) as i32),
            &anchored(font(HEADER_PX, true, palette::INK), HPos::Left, VPos::Top),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::disadvantaged::disadvantage_chart;
    use crate::selection::Selection;
    use crate::testing::bundled;

    #[test]
    fn every_published_figure_is_written_on_the_chart() {
        let ds = bundled();
        let model = disadvantage_chart(&ds, &Selection::default());
        let svg = svg(&model, 1000).unwrap_or_default();
        // 2019, DfE's figures at their published two places; January 2019's FSM shares.
        for value in [
            "\u{2212}1.29",
            "\u{2212}1.02",
            "\u{2212}1.24",
            "\u{2212}0.62",
            "\u{2212}0.50",
            "\u{2212}0.71",
            "25.2%",
            "15.8%",
        ] {
            assert!(svg.contains(value), "missing {value}");
        }
        assert!(svg.contains("Progress of disadvantaged pupils, 2019"));
    }

    #[test]
    fn the_gap_to_england_is_written_in_words() {
        let ds = bundled();
        let sel = Selection {
            year: Some(2016),
            ..Selection::default()
        };
        let model = disadvantage_chart(&ds, &sel);
        let svg = svg(&model, 1000).unwrap_or_default();
        // 2016, the account's figures: reading −0.2 vs −0.7, writing −0.1 vs −0.3, maths
        // +0.1 vs −0.5.
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
        let model = disadvantage_chart(&ds, &Selection::default());
        let (_, narrow) = size(&model, 360);
        let (_, wide) = size(&model, 1000);
        assert!(narrow > wide);
    }
}
