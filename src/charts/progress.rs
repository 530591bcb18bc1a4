//! The KS2 progress chart: one panel per subject (side by side when wide, stacked when
//! narrow), a bar per entity from the national zero line, each value written beside its bar,
//! confidence intervals as whiskers where published.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    anchored, fit_text, font, font_in, hline, nice_ceiling, nice_ticks, palette, render_svg, text,
    text_width, value_label, vline, ChartError, Mark, Rect, Scale, TEXT_PX,
};
use crate::aggregate::{Cell, ProgressChart, RowKind};
use crate::format;
use crate::model::Subject;

/// From this width the three subjects sit side by side.
pub const WIDE_FROM: u32 = 760;
const PAD: f64 = 8.0;
const HEADER_H: f64 = 28.0;
const ROW_H: f64 = 30.0;
/// Below this width each label goes on its own line above its bar, so that neither the
/// label nor the bar has to share the narrow width.
pub const LABELS_ABOVE_BELOW: u32 = 600;
const ROW_H_LABEL_ABOVE: f64 = 44.0;
const AXIS_H: f64 = 24.0;
const GAP: f64 = 20.0;
const BAR_HALF: f64 = 8.0;

/// Where everything goes at one width.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Layout {
    width: f64,
    panels: usize,
    side_by_side: bool,
    label_w: f64,
    labels_above: bool,
    row_h: f64,
    panel_h: f64,
}

impl Layout {
    fn new(model: &ProgressChart, width: u32) -> Self {
        let width = f64::from(width.max(240));
        let panels = model.subjects.len().max(1);
        let longest = model
            .rows
            .iter()
            .map(|r| text_width(&r.label_with_year(), TEXT_PX, r.kind != RowKind::School))
            .fold(0.0, f64::max);
        let side_by_side = panels == 1 || width >= f64::from(WIDE_FROM);
        let labels_above = width < f64::from(LABELS_ABOVE_BELOW);
        let label_w = if labels_above {
            0.0
        } else {
            (longest + 10.0).min(
                width
                    * if panels > 1 && side_by_side {
                        0.25
                    } else {
                        0.45
                    },
            )
        };
        let row_h = if labels_above {
            ROW_H_LABEL_ABOVE
        } else {
            ROW_H
        };
        let panel_h = HEADER_H + model.rows.len() as f64 * row_h + AXIS_H;
        Self {
            width,
            panels,
            side_by_side,
            label_w,
            labels_above,
            row_h,
            panel_h,
        }
    }

    fn height(&self) -> f64 {
        if self.side_by_side {
            2.0 * PAD + self.panel_h
        } else {
            let n = self.panels as f64;
            2.0 * PAD + n * self.panel_h + (n - 1.0) * GAP
        }
    }

    /// The `i`th panel: its top, and the left and right of its bar area.
    fn panel(&self, i: usize) -> (f64, f64, f64) {
        if self.side_by_side {
            let left = PAD + self.label_w;
            let n = self.panels as f64;
            let w = (self.width - left - PAD - (n - 1.0) * GAP) / n;
            let x0 = left + i as f64 * (w + GAP);
            (PAD, x0, x0 + w)
        } else {
            let top = PAD + i as f64 * (self.panel_h + GAP);
            (top, PAD + self.label_w, self.width - PAD)
        }
    }

    fn labels_in(&self, i: usize) -> bool {
        !self.side_by_side || i == 0
    }

    /// Top of row `r` of a panel whose top is `top`.
    fn row_top(&self, top: f64, r: usize) -> f64 {
        top + HEADER_H + r as f64 * self.row_h
    }

    /// Vertical centre of the bar of a row starting at `row_top`.
    fn bar_centre(&self, row_top: f64) -> f64 {
        if self.labels_above {
            row_top + self.row_h - BAR_HALF - 6.0
        } else {
            row_top + self.row_h / 2.0
        }
    }
}

/// One panel: which subject, where it is, and its value-to-pixel mapping.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Panel {
    index: usize,
    subject: Subject,
    top: f64,
    x0: f64,
    x1: f64,
    scale: Scale,
}

/// Layout plus panels: the one description of where things are, shared by drawing and by
/// [`marks`], so what the pointer finds is what was drawn.
fn geometry(model: &ProgressChart, width: u32) -> (Layout, Vec<Panel>) {
    let layout = Layout::new(model, width);
    let m = extent(model);
    let value_room = text_width("\u{2212}10.0", 12.0, false) + 8.0;
    let panels = model
        .subjects
        .iter()
        .enumerate()
        .map(|(index, subject)| {
            let (top, x0, x1) = layout.panel(index);
            Panel {
                index,
                subject: *subject,
                top,
                x0,
                x1,
                scale: Scale {
                    domain: (-m, m),
                    range: (x0 + value_room, x1 - value_room),
                },
            }
        })
        .collect();
    (layout, panels)
}

/// The chart's size at a given width.
pub fn size(model: &ProgressChart, width: u32) -> (u32, u32) {
    let l = Layout::new(model, width);
    (l.width as u32, l.height().ceil() as u32)
}

/// Draws the SVG text of the chart at a given width.
pub fn svg(model: &ProgressChart, width: u32) -> Result<String, ChartError> {
    render_svg(size(model, width), |root| draw(root, model))
}

/// The largest magnitude any bar or whisker reaches, rounded up: one scale for all panels so
/// that subjects compare.
fn extent(model: &ProgressChart) -> f64 {
    let max = model
        .rows
        .iter()
        .flat_map(|r| r.cells.iter())
        .filter_map(|c| match c {
            Cell::Value { score, .. } => Some(
                [Some(score.value), score.lower, score.upper]
                    .into_iter()
                    .flatten()
                    .map(f64::abs)
                    .fold(0.0, f64::max),
            ),
            Cell::NotPublished(_) => None,
        })
        .fold(0.0, f64::max);
    // A little room past the longest bar, then a round number.
    nice_ceiling((max * 1.05).max(1.0))
}

/// Every mark of the chart, in reading order (panel by panel, row by row), with the box it
/// is drawn in and the band the pointer finds it by.
pub fn marks(model: &ProgressChart, width: u32) -> Vec<Mark> {
    let (layout, panels) = geometry(model, width);
    let mut out = Vec::new();
    for p in &panels {
        let zero = f64::from(p.scale.px(0.0));
        for (r, row) in model.rows.iter().enumerate() {
            let row_top = layout.row_top(p.top, r);
            let yc = layout.bar_centre(row_top);
            let cell = &row.cells[subject_index(p.subject)];
            let (bounds, value, source) = match cell {
                Cell::Value {
                    score,
                    source,
                    quote,
                } => {
                    let xv = f64::from(p.scale.px(score.value));
                    let (a, b) = if xv < zero { (xv, zero) } else { (zero, xv) };
                    let mut value = format::progress(score.value);
                    if let (Some(lo), Some(hi)) = (score.lower, score.upper) {
                        value.push_str(&format!(
                            " (95% confidence interval {} to {})",
                            format::progress(lo),
                            format::progress(hi)
                        ));
                    }
                    if let Some(q) = quote {
                        value.push_str(&format!(" (the source says \u{201c}{q}\u{201d})"));
                    }
                    (
                        Rect::new(
                            a - 2.0,
                            yc - BAR_HALF - 2.0,
                            (b - a).max(4.0) + 4.0,
                            2.0 * BAR_HALF + 4.0,
                        ),
                        value,
                        Some(source.clone()),
                    )
                }
                Cell::NotPublished(why) => (
                    Rect::new(zero, yc - BAR_HALF, 90.0, 2.0 * BAR_HALF),
                    why.clone(),
                    None,
                ),
            };
            out.push(Mark {
                entity: row.label.clone(),
                category: format!("{} progress", p.subject.label().to_lowercase()),
                year: row.year,
                value,
                source,
                bounds,
                band: Rect::new(
                    p.x0 - if layout.labels_in(p.index) {
                        layout.label_w
                    } else {
                        0.0
                    },
                    row_top,
                    p.x1 - p.x0
                        + if layout.labels_in(p.index) {
                            layout.label_w
                        } else {
                            0.0
                        },
                    layout.row_h,
                ),
            });
        }
    }
    out
}

/// Draws the chart on any plotters backend, filling `root`.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    model: &ProgressChart,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let (w, _) = root.dim_in_pixel();
    let (layout, panels) = geometry(model, w);
    for p in &panels {
        draw_panel(root, model, &layout, p)?;
    }
    Ok(())
}

fn draw_panel<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    model: &ProgressChart,
    layout: &Layout,
    panel: &Panel,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let Panel {
        index,
        subject,
        top,
        x0,
        scale,
        ..
    } = *panel;
    let rows_top = layout.row_top(top, 0);
    let rows_bottom = layout.row_top(top, model.rows.len());
    let (yt, yb) = (rows_top as i32, rows_bottom as i32);

    text(
        root,
        subject.label(),
        (x0 as i32, (top + 6.0) as i32),
        &anchored(font(15.0, true, palette::INK), HPos::Left, VPos::Top),
    )?;

    let (m0, m1) = scale.domain;
    let ticks = nice_ticks(m0, m1, 4);
    let tick_style = anchored(font(12.0, false, palette::MUTED), HPos::Center, VPos::Top);
    for t in &ticks {
        let x = scale.px(*t);
        if *t != 0.0 {
            vline(root, x, yt, yb, palette::GRID.stroke_width(1))?;
        }
        text(root, &tick_label(*t), (x, yb + 5), &tick_style)?;
    }

    // The national line before the rows, so labels written above the bars can cover it.
    vline(
        root,
        scale.px(0.0),
        yt - 4,
        yb,
        palette::INK.stroke_width(2),
    )?;
    for (r, row) in model.rows.iter().enumerate() {
        let row_top = layout.row_top(top, r);
        let yc = layout.bar_centre(row_top);
        let y = yc as i32;
        if layout.labels_above {
            let bold = row.kind != RowKind::School;
            let label = fit_text(
                &row.label_with_year(),
                TEXT_PX,
                bold,
                layout.width - 2.0 * PAD,
            );
            let w = text_width(&label, TEXT_PX, bold);
            root.draw(&Rectangle::new(
                [
                    ((x0 - 2.0) as i32, (row_top + 2.0) as i32),
                    (
                        (x0 + w + 3.0) as i32,
                        (row_top + 4.0 + TEXT_PX * 1.25) as i32,
                    ),
                ],
                WHITE.filled(),
            ))?;
            text(
                root,
                &label,
                (x0 as i32, (row_top + 4.0) as i32),
                &anchored(font(TEXT_PX, bold, palette::INK), HPos::Left, VPos::Top),
            )?;
        } else if layout.labels_in(index) {
            let bold = row.kind != RowKind::School;
            let label = fit_text(&row.label_with_year(), TEXT_PX, bold, layout.label_w - 8.0);
            text(
                root,
                &label,
                ((x0 - 8.0) as i32, y),
                &anchored(font(TEXT_PX, bold, palette::INK), HPos::Right, VPos::Center),
            )?;
        }
        let color = match row.kind {
            RowKind::England => palette::ENGLAND,
            RowKind::Area => palette::AREA,
            RowKind::School => palette::SCHOOL,
        };
        let zero = scale.px(0.0);
        match &row.cells[subject_index(subject)] {
            Cell::Value { score, .. } => {
                let xv = scale.px(score.value);
                let (a, b) = if xv < zero { (xv, zero) } else { (zero, xv) };
                // A zero-length bar still gets a visible mark so the row never looks empty.
                let (a, b) = if b - a < 3 {
                    (zero - 2, zero + 2)
                } else {
                    (a, b)
                };
                root.draw(&Rectangle::new(
                    [(a, (yc - BAR_HALF) as i32), (b, (yc + BAR_HALF) as i32)],
                    color.filled(),
                ))?;
                if let (Some(lo), Some(hi)) = (score.lower, score.upper) {
                    let (xl, xh) = (scale.px(lo), scale.px(hi));
                    let ink = palette::INK.stroke_width(1);
                    hline(root, xl, xh, y, ink)?;
                    vline(root, xl, y - 5, y + 5, ink)?;
                    vline(root, xh, y - 5, y + 5, ink)?;
                }
                let reach = match (score.lower, score.upper) {
                    (Some(lo), Some(_)) if score.value < 0.0 => scale.px(lo).min(a),
                    (Some(_), Some(hi)) => scale.px(hi).max(b),
                    _ if score.value < 0.0 => a,
                    _ => b,
                };
                let label = format::progress(score.value);
                value_label(root, &label, (reach, reach), y, score.value < 0.0)?;
            }
            Cell::NotPublished(why) => {
                let room = scale.range.1 + 30.0 - f64::from(zero);
                let label = fit_text(why, 12.0, false, room);
                text(
                    root,
                    &label,
                    (zero + 4, y),
                    &anchored(
                        font_in(12.0, FontStyle::Italic, palette::MUTED),
                        HPos::Left,
                        VPos::Center,
                    ),
                )?;
            }
        }
    }
    Ok(())
}

fn subject_index(subject: Subject) -> usize {
    Subject::ALL.iter().position(|s| *s == subject).unwrap_or(0)
}

/// Tick labels: whole numbers without decimals, signs as on the bars.
fn tick_label(v: f64) -> String {
    if v == 0.0 {
        "0".into()
    } else if v.fract() == 0.0 {
        if v > 0.0 {
            format!("+{v:.0}")
        } else {
            format!("\u{2212}{:.0}", -v)
        }
    } else {
        format::progress(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::{progress_chart, CohortChoice, Selection};
    use crate::testing::{bundled, unescape};

    #[test]
    fn seven_stars_panels_label_every_school_and_every_value() {
        let ds = bundled();
        let model = progress_chart(
            &ds,
            &Selection::cohort(CohortChoice::Cohort("seven-stars".into())),
        );
        let svg = svg(&model, 900).unwrap_or_default();
        for label in [
            "England (2019)",
            "Stoke-on-Trent (2016)",
            "Forest Park Primary (2019)",
            "Etruscan Primary (2019)",
            "Abbey Hulton Primary (2019)",
        ] {
            assert!(svg.contains(label), "missing row label {label}");
        }
        for subject in ["Reading", "Writing", "Maths"] {
            assert!(svg.contains(subject), "missing panel {subject}");
        }
        // Stoke 2016: writing +0.2, maths +0.4; Abbey Hulton 2019 reading −5.9.
        for value in ["+0.2", "+0.4", "\u{2212}5.9", "\u{2212}4.7", "+2.6"] {
            assert!(svg.contains(value), "missing value {value}");
        }
    }

    #[test]
    fn a_school_without_ks2_says_so_instead_of_drawing_a_zero() {
        let ds = bundled();
        let model = progress_chart(
            &ds,
            &Selection::cohort(CohortChoice::Cohort("esprit".into())),
        );
        let svg = unescape(&svg(&model, 900).unwrap_or_default());
        assert!(svg.contains("no KS2 results"));
        assert!(svg.contains("Alexandra Infants'"));
    }

    #[test]
    fn narrow_screens_stack_the_panels_and_keep_labels_inside() {
        let ds = bundled();
        let model = progress_chart(&ds, &Selection::default());
        let (w, h) = size(&model, 360);
        let (_, wide_h) = size(&model, 1200);
        assert_eq!(w, 360);
        assert!(h > 2 * wide_h, "stacked panels are taller: {h} vs {wide_h}");
        let layout = Layout::new(&model, 360);
        assert!(layout.labels_above, "labels go above the bars on a phone");
        let svg = unescape(&svg(&model, 360).unwrap_or_default());
        assert!(
            svg.contains("Forest Park Primary (2019)"),
            "full names, not cut short"
        );
        assert!(!svg.contains('…'));
    }

    #[test]
    fn confidence_intervals_are_drawn_when_published() {
        let ds = bundled();
        let mut model = progress_chart(
            &ds,
            &Selection::cohort(CohortChoice::Cohort("compass".into())),
        );
        let plain = svg(&model, 900).unwrap_or_default();
        if let Some(Cell::Value { score, .. }) = model.rows.last_mut().map(|r| &mut r.cells[0]) {
            score.lower = Some(-2.0);
            score.upper = Some(2.6);
        }
        let with_ci = svg(&model, 900).unwrap_or_default();
        // Whiskers are the only thin ink-coloured lines.
        let whisker = "stroke=\"#1B1B1B\" stroke-width=\"1\"";
        assert_eq!(plain.matches(whisker).count(), 0);
        assert_eq!(
            with_ci.matches(whisker).count(),
            3,
            "a whisker and two caps"
        );
    }

    #[test]
    fn tick_labels_use_signs() {
        assert_eq!(tick_label(-2.0), "\u{2212}2");
        assert_eq!(tick_label(4.0), "+4");
        assert_eq!(tick_label(0.0), "0");
    }
}
