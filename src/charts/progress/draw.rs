//! The KS2 progress chart: one panel per subject (side by side when wide, stacked when
//! narrow), a bar per entity from the national zero line, each value written beside its bar,
//! confidence intervals as whiskers where published.
//!
//! From [`DISTRIBUTION_FROM`] schools a bar per school stops being readable (and at all of
//! England's 16,355 would be half a kilometre of page), so the schools become one band per
//! panel: a histogram of their scores in one-point bins, drawn as a single polygon, with the
//! median marked. England and the areas stay bars. The table and CSV still list every school.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::histogram::{draw_histogram, histogram_marks};
use super::layout::*;
pub use super::layout::{size, DISTRIBUTION_FROM, LABELS_ABOVE_BELOW, WIDE_FROM};
use super::model::{ProgressChart, RowKind};
use crate::charts::kit::{
    anchored, fit_text, font, font_in, hline, nice_ticks, palette, render_svg, text, text_width,
    value_label, vline, ChartError, Mark, Rect, TEXT_PX,
};
use crate::format;
use crate::provenance::Cell;

/// Draws the SVG text of the chart at a given width.
pub fn svg(model: &ProgressChart, width: u32) -> Result<String, ChartError> {
    render_svg(size(model, width), |root| draw(root, model))
}

/// Every mark of the chart, in reading order (panel by panel, row by row), with the box it
/// is drawn in and the band the pointer finds it by.
pub fn marks(model: &ProgressChart, width: u32) -> Vec<Mark> {
    let (layout, panels) = geometry(model, width);
    let mut out = Vec::new();
    for p in &panels {
        let zero = f64::from(p.scale.px(0.0));
        for (r, row) in bar_rows(model, layout.distributed > 0).enumerate() {
            let row_top = layout.row_top(p.top, r);
            let yc = layout.bar_centre(row_top);
            let cell = &row.cells[subject_index(p.subject)];
            let (bounds, value, source) = match cell {
                Cell::Value {
                    score,
                    source,
                    quote,
                    ..
                } => {
                    let xv = f64::from(p.scale.px(score.value));
                    let (a, b) = if xv < zero { (xv, zero) } else { (zero, xv) };
                    let mut value = cell.text();
                    if let (Some(lo), Some(hi)) = (score.lower.get(), score.upper.get()) {
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
                        Some(source.to_string()),
                    )
                }
                Cell::NotPublished(why) => (
                    Rect::new(zero, yc - BAR_HALF, 90.0, 2.0 * BAR_HALF),
                    why.to_string(),
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
        if layout.distributed > 0 {
            out.extend(histogram_marks(model, &layout, p));
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
        x1,
        scale,
    } = *panel;
    let rows_top = layout.row_top(top, 0);
    let rows_bottom = layout.rows_bottom(top);
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
    if layout.distributed > 0 {
        draw_histogram(root, model, layout, panel)?;
    }
    for (r, row) in bar_rows(model, layout.distributed > 0).enumerate() {
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
            RowKind::Region => palette::REGION,
            RowKind::School => palette::SCHOOL,
        };
        let zero = scale.px(0.0);
        match &row.cells[subject_index(subject)] {
            // A figure the source gives only in words ("in line with national") is not a
            // measurement: an open diamond at its value, labelled with the words.
            Cell::Value {
                score,
                quote: Some(q),
                ..
            } => {
                let x = scale.px(score.value);
                let d = BAR_HALF as i32 + 1;
                root.draw(&PathElement::new(
                    vec![(x, y - d), (x + d, y), (x, y + d), (x - d, y), (x, y - d)],
                    color.stroke_width(2),
                ))?;
                let room = scale.range.1 + 30.0 - f64::from(x + d + 4);
                let words = fit_text(&format!("\u{201c}{q}\u{201d}"), 12.0, false, room.max(24.0));
                text(
                    root,
                    &words,
                    (x + d + 4, y),
                    &anchored(
                        font_in(12.0, FontStyle::Italic, palette::INK),
                        HPos::Left,
                        VPos::Center,
                    ),
                )?;
            }
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
                if let (Some(lo), Some(hi)) = (score.lower.get(), score.upper.get()) {
                    let (xl, xh) = (scale.px(lo), scale.px(hi));
                    let ink = palette::INK.stroke_width(1);
                    hline(root, xl, xh, y, ink)?;
                    vline(root, xl, y - 5, y + 5, ink)?;
                    vline(root, xh, y - 5, y + 5, ink)?;
                }
                let reach = match (score.lower.get(), score.upper.get()) {
                    (Some(lo), Some(_)) if score.value < 0.0 => scale.px(lo).min(a),
                    (Some(_), Some(hi)) => scale.px(hi).max(b),
                    _ if score.value < 0.0 => a,
                    _ => b,
                };
                let label = row.cells[subject_index(subject)].text();
                value_label(root, &label, (reach, reach), y, score.value < 0.0)?;
            }
            Cell::NotPublished(why) => {
                // Right of the zero line; in a narrow panel, moved left (over the line) as
                // far as the panel's edge before it is cut short.
                let right = x1;
                let need = text_width(why, 12.0, false);
                let left = (f64::from(zero) + 4.0).min(right - need).max(x0);
                let label = fit_text(why, 12.0, false, right - left + 0.5);
                text(
                    root,
                    &label,
                    (left as i32, y),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::progress::progress_chart;
    use crate::selection::{CohortChoice, Selection};
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
            "Stoke-on-Trent (2019)",
            "Forest Park Primary (2019)",
            "Etruscan Primary (2019)",
            "Abbey Hulton Primary (2019)",
        ] {
            assert!(svg.contains(label), "missing row label {label}");
        }
        for subject in ["Reading", "Writing", "Maths"] {
            assert!(svg.contains(subject), "missing panel {subject}");
        }
        // Stoke 2019 (DfE, two places): writing −0.42; England +0.03; Abbey Hulton 2019
        // reading −5.9.
        for value in [
            "\u{2212}0.42",
            "+0.03",
            "\u{2212}5.9",
            "\u{2212}4.7",
            "+2.6",
        ] {
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
    fn at_an_embeds_width_the_subjects_sit_side_by_side_with_every_name_whole() {
        let ds = bundled();
        let choices = std::iter::once(CohortChoice::Programme).chain(
            ds.raw()
                .cohorts
                .iter()
                .map(|c| CohortChoice::Cohort(c.id.clone())),
        );
        for choice in choices {
            let model = progress_chart(&ds, &Selection::cohort(choice.clone()));
            // An embed's column in a 700 px frame.
            let layout = Layout::new(&model, 680);
            assert!(layout.side_by_side, "{choice:?}: stacked at 680 px");
            let svg = unescape(&svg(&model, 680).unwrap_or_default());
            let cut: Vec<&str> = svg.split(">").filter(|t| t.contains('…')).collect();
            assert!(cut.is_empty(), "{choice:?}: cut short at 700 px: {cut:?}");
            for row in &model.rows {
                assert!(
                    svg.contains(&row.label_with_year()),
                    "{choice:?}: {}",
                    row.label
                );
            }
        }
        let model = progress_chart(&ds, &Selection::default());
        let (_, h) = size(&model, 680);
        assert!(h < 420, "three subjects side by side: {h} px tall");
        if std::env::var_os("PROGRESS_SVG").is_some() {
            for w in [640, 700, 860] {
                let _ = std::fs::write(
                    format!("/tmp/progress-{w}.svg"),
                    svg(&model, w).unwrap_or_default(),
                );
            }
        }
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
            score.lower = Some(-2.0).into();
            score.upper = Some(2.6).into();
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

    /// The bundled programme's chart with `n` made-up schools in place of the real ones
    /// (synthetic test data, made by code): scores −4.0, −3.9, … cycling, every tenth school
    /// without a reading figure.
    fn synthetic_schools(n: usize) -> ProgressChart {
        let ds = bundled();
        let mut model = progress_chart(&ds, &Selection::default());
        let Some(template) = model
            .rows
            .iter()
            .find(|r| r.kind == RowKind::School)
            .cloned()
        else {
            return model;
        };
        model.rows.retain(|r| r.kind != RowKind::School);
        for i in 0..n {
            let mut row = template.clone();
            row.label = format!("Synthetic school {i}");
            let v = -4.0 + (i % 81) as f64 / 10.0;
            for (c, cell) in row.cells.iter_mut().enumerate() {
                *cell = if c == 0 && i % 10 == 0 {
                    Cell::NotPublished("not published".into())
                } else {
                    Cell::Value {
                        score: crate::model::Score {
                            value: v,
                            lower: None.into(),
                            upper: None.into(),
                            band: None,
                        },
                        source: "synthetic".into(),
                        quote: None,
                        decimals: None,
                    }
                };
            }
            model.rows.push(row);
        }
        model
    }

    #[test]
    fn many_schools_become_one_histogram_per_panel() {
        let few = synthetic_schools(DISTRIBUTION_FROM - 1);
        let many = synthetic_schools(16_355);
        let few_svg = svg(&few, 1200).unwrap_or_default();
        let many_svg = unescape(&svg(&many, 1200).unwrap_or_default());
        assert_eq!(
            few_svg.matches("<polygon").count(),
            0,
            "below the threshold: bars"
        );
        assert!(few_svg.contains("Synthetic school 0"));
        assert_eq!(
            many_svg.matches("<polygon").count(),
            3,
            "one polygon per subject"
        );
        assert!(!many_svg.contains("Synthetic school"), "no bar per school");
        assert!(many_svg.contains("16,355 schools"));
        assert!(
            many_svg.contains("1,636 not published"),
            "reading: every tenth school"
        );
        assert!(many_svg.contains("median"));
        // The drawing stays the size of a chart, not of a list of 16,355 schools.
        let (_, h) = size(&many, 1200);
        assert!(h < 400, "height {h}");
        assert!(many_svg.len() < 40_000, "{} bytes of SVG", many_svg.len());
    }

    #[test]
    fn histogram_marks_count_every_published_score_once() {
        let model = synthetic_schools(1_000);
        let marks = marks(&model, 1200);
        let bins: Vec<&Mark> = marks
            .iter()
            .filter(|m| m.entity.starts_with("Schools scoring"))
            .collect();
        let counted = |subject: &str| -> usize {
            bins.iter()
                .filter(|m| m.category.starts_with(subject))
                .filter_map(|m| {
                    m.value
                        .split(' ')
                        .next()?
                        .replace(',', "")
                        .parse::<usize>()
                        .ok()
                })
                .sum()
        };
        assert_eq!(counted("reading"), 900);
        assert_eq!(counted("writing"), 1_000);
        assert_eq!(counted("maths"), 1_000);
        // −4.0 to +4.0 in tenths: 9 one-point bins per subject.
        assert_eq!(bins.len(), 27);
        assert!(bins[0]
            .value
            .ends_with("of 900 schools with a published score"));
        assert!(
            bins[0].entity.contains("\u{2212}4.0 to \u{2212}3.1"),
            "{}",
            bins[0].entity
        );
    }

    #[test]
    fn tick_labels_use_signs() {
        assert_eq!(tick_label(-2.0), "\u{2212}2");
        assert_eq!(tick_label(4.0), "+4");
        assert_eq!(tick_label(0.0), "0");
    }
}
