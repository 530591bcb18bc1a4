//! The Ofsted chart: one 100% stacked bar per group of schools or places (the chosen cohort,
//! the programme, England's primaries, places by their school's grade), judgements best
//! first, each segment labelled with its judgement and share where it fits, so colour is
//! never the only key. Each group says on the drawing what it counts and when. A group too
//! small for shares is never drawn on the percentage axis: each of its schools is a line of
//! its own, with its judgement's colour and grade, name, judgement and date.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::model::OfstedChart;
use crate::charts::kit::{
    anchored, font, palette, render_svg, text, text_width, vline, wrap_text, ChartError, Mark,
    Rect, Scale, TEXT_PX,
};
use crate::format;
use crate::model::Judgement;

const PAD: f64 = 8.0;
const LEGEND_ROW_H: f64 = 22.0;
const LABEL_LINE_H: f64 = 17.0;
const BAR_H: f64 = 30.0;
/// One named school of a group too small for shares.
const MEMBER_H: f64 = 24.0;
const ROW_GAP: f64 = 14.0;
const AXIS_H: f64 = 24.0;
const SWATCH: f64 = 12.0;

/// The judgements the legend lists: the four grades always, "not graded" when present.
fn legend_items(model: &OfstedChart) -> Vec<Judgement> {
    Judgement::ALL
        .into_iter()
        .filter(|j| {
            *j != Judgement::NotGraded || model.rows.iter().any(|r| r.counts.not_graded > 0)
        })
        .collect()
}

/// Legend entries placed in lines that fit the width: `(judgement, x, line)`.
fn legend_layout(model: &OfstedChart, width: f64) -> Vec<(Judgement, f64, usize)> {
    let mut out = Vec::new();
    let (mut x, mut line) = (PAD, 0);
    for j in legend_items(model) {
        let w = SWATCH + 6.0 + text_width(j.label(), TEXT_PX, false) + 16.0;
        if x + w > width - PAD && x > PAD {
            x = PAD;
            line += 1;
        }
        out.push((j, x, line));
        x += w;
    }
    out
}

fn legend_h(model: &OfstedChart, width: f64) -> f64 {
    let lines = legend_layout(model, width)
        .iter()
        .map(|(_, _, l)| l + 1)
        .max()
        .unwrap_or(0);
    lines as f64 * LEGEND_ROW_H + 6.0
}

/// Each row's label (bold) and what it counts (muted), wrapped to the width.
fn label_lines(model: &OfstedChart, width: f64) -> Vec<(Vec<String>, Vec<String>)> {
    model
        .rows
        .iter()
        .map(|r| {
            let label = if r.too_small_for_shares() {
                r.label.clone()
            } else {
                row_label(&r.label, r.counts.total())
            };
            (
                wrap_text(&label, TEXT_PX, true, width - 2.0 * PAD),
                wrap_text(&r.what, 12.0, false, width - 2.0 * PAD),
            )
        })
        .collect()
}

fn label_height(lines: &(Vec<String>, Vec<String>)) -> f64 {
    (lines.0.len().max(1) + lines.1.len()) as f64 * LABEL_LINE_H + 4.0
}

/// Left edge of a named school's words, after its square.
fn member_left() -> f64 {
    PAD + MEMBER_H - 6.0 + 8.0
}

/// Each named school's words, wrapped beside its square.
fn member_lines(row: &crate::charts::ofsted::DistributionRow, width: f64) -> Vec<Vec<String>> {
    row.members
        .iter()
        .map(|m| {
            let whose = m.inspected_as.as_ref().map_or_else(String::new, |p| {
                format!(" (an inspection of its predecessor, {p})")
            });
            let line = format!(
                "{}: {}, {}{whose}",
                crate::format::short_school_name(&m.name),
                m.judgement.label(),
                format::date(&m.date)
            );
            wrap_text(&line, TEXT_PX, false, width - member_left() - PAD)
        })
        .collect()
}

/// The height of one named school's line(s).
fn member_height(lines: &[String]) -> f64 {
    MEMBER_H.max(lines.len() as f64 * LABEL_LINE_H + 6.0)
}

fn row_height(
    row: &crate::charts::ofsted::DistributionRow,
    lines: &(Vec<String>, Vec<String>),
    width: f64,
) -> f64 {
    let body = if row.too_small_for_shares() {
        member_lines(row, width)
            .iter()
            .map(|l| member_height(l))
            .sum::<f64>()
            .max(MEMBER_H)
    } else {
        BAR_H
    };
    label_height(lines) + body + ROW_GAP
}

/// Whether any row is drawn on the percentage axis (which is then drawn under them).
fn has_shares(model: &OfstedChart) -> bool {
    model.rows.iter().any(|r| !r.too_small_for_shares())
}

/// The chart's size at a given width.
pub fn size(model: &OfstedChart, width: u32) -> (u32, u32) {
    let w = f64::from(width.max(240));
    let rows: f64 = model
        .rows
        .iter()
        .zip(label_lines(model, w))
        .map(|(r, l)| row_height(r, &l, w))
        .sum();
    let axis = if has_shares(model) { AXIS_H } else { 0.0 };
    let h = 2.0 * PAD + legend_h(model, w) + rows + axis;
    (w as u32, h.ceil() as u32)
}

/// Draws the SVG text of the chart at a given width.
pub fn svg(model: &OfstedChart, width: u32) -> Result<String, ChartError> {
    render_svg(size(model, width), |root| draw(root, model))
}

/// The label above a bar: what the group is and how many schools it counts. The count is
/// joined by no-break spaces so that wrapping never separates "n =" from its number.
pub fn row_label(label: &str, n: u32) -> String {
    format!("{label} (n\u{a0}=\u{a0}{})", format::count(n))
}

/// One segment of a stacked bar.
struct Segment {
    judgement: Judgement,
    n: u32,
    x0: i32,
    x1: i32,
}

/// One row with its wrapped label, in pixels: a stacked bar, or its named schools.
struct Bar<'a> {
    row: &'a crate::charts::ofsted::DistributionRow,
    lines: (Vec<String>, Vec<String>),
    top: f64,
    bar_top: i32,
    total: u32,
    segments: Vec<Segment>,
}

fn share_scale(width: f64) -> Scale {
    Scale {
        domain: (0.0, 1.0),
        range: (PAD, width - PAD - 1.0),
    }
}

/// Where each bar and segment goes: shared by drawing and [`marks`]. Also returns the
/// bottom of the last bar's row.
fn bars(model: &OfstedChart, width: f64) -> (Vec<Bar<'_>>, f64) {
    let scale = share_scale(width);
    let mut y0 = PAD + legend_h(model, width);
    let mut out = Vec::new();
    for (row, lines) in model.rows.iter().zip(label_lines(model, width)) {
        let total = row.counts.total();
        let label_h = label_height(&lines);
        let mut done = 0u32;
        let mut segments = Vec::new();
        for j in Judgement::ALL {
            let n = row.counts.get(j);
            if n == 0 || total == 0 || row.too_small_for_shares() {
                continue;
            }
            let x0 = scale.px(f64::from(done) / f64::from(total));
            done += n;
            let x1 = scale.px(f64::from(done) / f64::from(total));
            segments.push(Segment {
                judgement: j,
                n,
                x0,
                x1,
            });
        }
        let top = y0;
        y0 += row_height(row, &lines, width);
        out.push(Bar {
            row,
            lines,
            top,
            bar_top: (top + label_h) as i32,
            total,
            segments,
        });
    }
    (out, y0)
}

/// Every segment, bar by bar, best judgement first.
pub fn marks(model: &OfstedChart, width: u32) -> Vec<Mark> {
    let width = f64::from(width.max(240));
    let (rows, _) = bars(model, width);
    rows.iter()
        .flat_map(|bar| {
            let heights: Vec<f64> = member_lines(bar.row, width)
                .iter()
                .map(|l| member_height(l))
                .collect();
            let tops: Vec<f64> = heights
                .iter()
                .scan(f64::from(bar.bar_top), |y, h| {
                    let top = *y;
                    *y += h;
                    Some(top)
                })
                .collect();
            let named = bar.row.members.iter().enumerate().map(move |(k, m)| {
                let bounds = Rect::new(
                    PAD,
                    tops.get(k).copied().unwrap_or_default(),
                    width - 2.0 * PAD,
                    heights.get(k).copied().unwrap_or(MEMBER_H),
                );
                let whose = m.inspected_as.as_ref().map_or_else(String::new, |p| {
                    format!(", the inspection of its predecessor, {p}")
                });
                Mark {
                    entity: m.name.clone(),
                    category: bar.row.label.clone(),
                    year: None,
                    value: format!("{}, {}{whose}", m.judgement.label(), format::date(&m.date)),
                    source: bar.row.sources.first().cloned(),
                    bounds,
                    band: bounds,
                }
            });
            let shares = bar.segments.iter().map(move |seg| {
                let bounds = Rect::new(
                    f64::from(seg.x0),
                    f64::from(bar.bar_top),
                    f64::from(seg.x1 - seg.x0),
                    BAR_H,
                );
                Mark {
                    entity: bar.row.label.clone(),
                    category: seg.judgement.label().to_string(),
                    year: None,
                    value: if bar.row.too_small_for_shares() {
                        format!(
                            "{} of {} {}",
                            format::count(seg.n),
                            format::count(bar.total),
                            bar.row.counted.noun()
                        )
                    } else {
                        format!(
                            "{} of {} {} ({})",
                            format::count(seg.n),
                            format::count(bar.total),
                            bar.row.counted.noun(),
                            bar.row.share(seg.judgement)
                        )
                    },
                    source: bar.row.sources.first().cloned(),
                    bounds,
                    band: bounds,
                }
            });
            named.chain(shares).collect::<Vec<_>>()
        })
        .collect()
}

/// Draws the chart on any plotters backend, filling `root`.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    model: &OfstedChart,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let (w, _) = root.dim_in_pixel();
    let width = f64::from(w);
    for (j, x, line) in legend_layout(model, width) {
        let y = PAD + line as f64 * LEGEND_ROW_H + LEGEND_ROW_H / 2.0;
        root.draw(&Rectangle::new(
            [
                (x as i32, (y - SWATCH / 2.0) as i32),
                ((x + SWATCH) as i32, (y + SWATCH / 2.0) as i32),
            ],
            palette::judgement(j).filled(),
        ))?;
        text(
            root,
            j.label(),
            ((x + SWATCH + 6.0) as i32, y as i32),
            &anchored(font(TEXT_PX, false, palette::INK), HPos::Left, VPos::Center),
        )?;
    }
    let (rows, y0) = bars(model, width);
    for bar in &rows {
        let bold = bar.lines.0.iter().map(|l| (l, true));
        let muted = bar.lines.1.iter().map(|l| (l, false));
        for (k, (line, strong)) in bold.chain(muted).enumerate() {
            let (px, ink) = if strong {
                (TEXT_PX, palette::INK)
            } else {
                (12.0, palette::MUTED)
            };
            text(
                root,
                line,
                (
                    PAD as i32,
                    (bar.top + k as f64 * LABEL_LINE_H + LABEL_LINE_H / 2.0) as i32,
                ),
                &anchored(font(px, strong, ink), HPos::Left, VPos::Center),
            )?;
        }
        draw_members(root, bar, width)?;
        for seg in &bar.segments {
            let (x0, x1, bt, bb) = (seg.x0, seg.x1, bar.bar_top, bar.bar_top + BAR_H as i32);
            root.draw(&Rectangle::new(
                [(x0, bt), (x1, bb)],
                palette::judgement(seg.judgement).filled(),
            ))?;
            // A white rule between segments keeps neighbours apart whatever their colours.
            vline(root, x1, bt, bb, WHITE.stroke_width(2))?;
            let share = bar.row.share(seg.judgement);
            let room = f64::from(x1 - x0) - 8.0;
            // Count and share where there is room, then shorter forms; the table has both.
            let count = format::count(seg.n);
            let j = seg.judgement;
            // A group too small for shares is labelled with counts only.
            let fitting = if bar.row.too_small_for_shares() {
                vec![
                    format!("{} ({count})", j.label()),
                    format!("{} ({count})", j.short_label()),
                    count.clone(),
                ]
            } else {
                vec![
                    format!("{} {share} ({count})", j.label()),
                    format!("{} {share}", j.label()),
                    format!("{} {share}", j.short_label()),
                    share,
                ]
            }
            .into_iter()
            .find(|s| text_width(s, 12.0, true) <= room);
            if let Some(s) = fitting {
                text(
                    root,
                    &s,
                    ((x0 + x1) / 2, (bt + bb) / 2),
                    &anchored(
                        font(12.0, true, palette::on_judgement(j)),
                        HPos::Center,
                        VPos::Center,
                    ),
                )?;
            }
        }
    }
    if !has_shares(model) {
        return Ok(());
    }
    let scale = share_scale(width);
    let axis_y = (y0 - ROW_GAP + 5.0) as i32;
    for t in [0.0, 0.25, 0.5, 0.75, 1.0] {
        // The end labels align inwards so they never run off the chart.
        let h = if t == 0.0 {
            HPos::Left
        } else if t == 1.0 {
            HPos::Right
        } else {
            HPos::Center
        };
        text(
            root,
            &format!("{:.0}%", t * 100.0),
            (scale.px(t), axis_y),
            &anchored(font(12.0, false, palette::MUTED), h, VPos::Top),
        )?;
    }
    Ok(())
}

/// A small group's schools, one line each: a square in the judgement's colour with its grade
/// number (colour is never the only key), then name, judgement and date.
fn draw_members<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    bar: &Bar<'_>,
    width: f64,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let mut top = f64::from(bar.bar_top);
    for (m, lines) in bar.row.members.iter().zip(member_lines(bar.row, width)) {
        let h = member_height(&lines);
        let side = MEMBER_H - 6.0;
        let (x0, y0) = (PAD, top + 3.0);
        let yc = y0 + side / 2.0;
        root.draw(&Rectangle::new(
            [
                (x0 as i32, y0 as i32),
                ((x0 + side) as i32, (y0 + side) as i32),
            ],
            palette::judgement(m.judgement).filled(),
        ))?;
        text(
            root,
            &m.judgement.grade().to_string(),
            ((x0 + side / 2.0) as i32, yc as i32),
            &anchored(
                font(12.0, true, palette::on_judgement(m.judgement)),
                HPos::Center,
                VPos::Center,
            ),
        )?;
        for (k, line) in lines.iter().enumerate() {
            text(
                root,
                line,
                (
                    member_left() as i32,
                    (y0 + k as f64 * LABEL_LINE_H + side / 2.0) as i32,
                ),
                &anchored(font(TEXT_PX, false, palette::INK), HPos::Left, VPos::Center),
            )?;
        }
        top += h;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::ofsted::ofsted_chart;
    use crate::selection::{CohortChoice, Selection};
    use crate::testing::bundled;

    #[test]
    fn programme_and_england_bars_show_counts_and_shares() {
        let ds = bundled();
        let model = ofsted_chart(&ds, &Selection::default());
        let svg = svg(&model, 1000).unwrap_or_default();
        assert!(svg.contains("16 programme schools inspected since 2015 (n\u{a0}=\u{a0}16)"));
        assert!(
            svg.contains("Primary schools in England, as at 31 July 2018 (n\u{a0}=\u{a0}16,669)")
        );
        // 12 of 16 Good: 76% as the programme printed it (its shares sum to 100; the note says
        // so); England 11,443 of 16,669 Good = 69%.
        assert!(svg.contains("Good 76% (12)"));
        assert!(svg.contains("Good 69% (11,443)"));
        assert!(svg.contains("Outstanding"));
    }

    #[test]
    fn a_cohort_gets_its_own_row_first_and_says_what_it_counts() {
        let ds = bundled();
        let model = ofsted_chart(
            &ds,
            &Selection::cohort(CohortChoice::Cohort("esprit".into())),
        );
        let svg = crate::testing::unescape(&svg(&model, 1000).unwrap_or_default());
        assert!(svg.contains("ESPRIT network (named schools)"));
        assert!(svg.contains(
            "2 schools, each at its latest inspection, July 2016 to February 2017: too few for percentages, so each is named"
        ), "{svg}");
        assert!(svg.contains(
            "Alexandra Junior: Requires improvement, 1 February 2017 (an inspection of its predecessor, Alexandra Junior School)"
        ));
        // "Latest" only of the chosen schools' own bar: a group published as a whole is said
        // as its source has it (the programme's 16 were "inspected since 2015").
        assert!(svg.contains("16 schools, as published"));
        assert!(!svg.contains("16 schools, each at its latest inspection"));
        assert!(svg.contains("24,300 places, by their school's grade"));
        let first = svg.find("ESPRIT network").unwrap_or(usize::MAX);
        let programme = svg.find("16 programme schools").unwrap_or(0);
        assert!(
            first < programme,
            "the cohort's row comes before the programme's"
        );
    }

    #[test]
    fn a_group_under_five_is_named_school_by_school_never_drawn_on_a_percentage_axis() {
        let ds = bundled();
        let hidden = ds
            .raw()
            .ofsted_distributions
            .iter()
            .map(|d| d.id.clone())
            .collect();
        let sel = Selection {
            cohort: CohortChoice::Cohort("seven-stars".into()),
            hidden,
            ..Selection::default()
        };
        let model = ofsted_chart(&ds, &sel);
        let wide = crate::testing::unescape(&svg(&model, 1000).unwrap_or_default());
        assert!(
            !wide.contains('%'),
            "no share and no percentage axis: {wide}"
        );
        for school in [
            "Forest Park Primary: Good, 9 March 2017",
            "Etruscan Primary: Good, 4 May 2017",
            "Abbey Hulton Primary: Good, 10 February 2016",
        ] {
            assert!(wide.contains(school), "missing {school}");
        }
        let marks = marks(&model, 1000);
        assert_eq!(marks.len(), 3, "one mark a school");
        assert_eq!(marks[0].sentence(), "Forest Park Primary School, Seven Stars Collaborative Network (named schools): Good, 9 March 2017");
        let narrow = crate::testing::unescape(&svg(&model, 360).unwrap_or_default());
        assert!(!narrow.contains('\u{2026}'), "nothing cut short on a phone");
    }

    #[test]
    fn bar_labels_wrap_on_a_phone_and_keep_their_n() {
        let ds = bundled();
        let model = ofsted_chart(&ds, &Selection::default());
        let svg = svg(&model, 360).unwrap_or_default();
        assert!(!svg.contains('…'), "nothing cut short");
        assert!(svg.contains("(n\u{a0}=\u{a0}16,669)"));
        let (_, narrow) = size(&model, 360);
        let (_, wide) = size(&model, 1000);
        assert!(narrow > wide, "wrapped labels make the chart taller");
    }

    #[test]
    fn the_legend_wraps_on_a_phone() {
        let ds = bundled();
        let model = ofsted_chart(&ds, &Selection::default());
        let lines = legend_layout(&model, 360.0)
            .iter()
            .map(|(_, _, l)| *l)
            .max()
            .unwrap_or(0);
        assert!(lines >= 1, "four legend entries need two lines at 360 px");
        for (j, x, _) in legend_layout(&model, 360.0) {
            let right = x + SWATCH + 6.0 + text_width(j.label(), TEXT_PX, false);
            assert!(right <= 360.0 - PAD, "{} runs off the edge", j.label());
        }
    }
}
