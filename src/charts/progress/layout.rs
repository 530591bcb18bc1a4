//! Where everything of the progress chart goes at a width: panels side by side or stacked,
//! labels beside or above the bars, one row per school and area (or, from
//! [`DISTRIBUTION_FROM`] schools, a histogram band), and one axis for every panel.

use super::model::{ProgressChart, ProgressRow, RowKind};
use crate::charts::kit::{nice_ceiling, text_width, Scale, TEXT_PX};
use crate::format;
use crate::model::Subject;
use crate::provenance::Cell;

/// From this width the three subjects sit side by side whatever the names; below it they do
/// when the names and a [`MIN_PANEL_W`] panel per subject fit.
pub const WIDE_FROM: u32 = 760;

/// The narrowest a subject's panel may be when the subjects sit side by side: room for a bar
/// each way and its value.
pub(super) const MIN_PANEL_W: f64 = 130.0;

pub(super) const PAD: f64 = 8.0;

pub(super) const HEADER_H: f64 = 28.0;

pub(super) const ROW_H: f64 = 30.0;

/// Below this width each label goes on its own line above its bar, so that neither the
/// label nor the bar has to share the narrow width.
pub const LABELS_ABOVE_BELOW: u32 = 600;

pub(super) const ROW_H_LABEL_ABOVE: f64 = 44.0;

pub(super) const AXIS_H: f64 = 24.0;

pub(super) const GAP: f64 = 20.0;

pub(super) const BAR_HALF: f64 = 8.0;

/// From this many schools they are drawn as a distribution, not a bar each.
pub const DISTRIBUTION_FROM: usize = 41;

/// Height of the distribution band.
pub(super) const BAND_H: f64 = 132.0;

/// Room at the top of the band for the median's label.
pub(super) const MEDIAN_LABEL_H: f64 = 20.0;

/// Where everything goes at one width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Layout {
    pub(super) width: f64,
    pub(super) panels: usize,
    pub(super) side_by_side: bool,
    pub(super) label_w: f64,
    pub(super) labels_above: bool,
    pub(super) row_h: f64,
    pub(super) panel_h: f64,
    /// Rows drawn as bars: all of them, or only England and the areas when the schools are
    /// drawn as a distribution.
    pub(super) bars: usize,
    /// Number of schools drawn as a distribution (0: each school is a bar).
    pub(super) distributed: usize,
}

/// The schools' rows, when there are enough of them to draw as a distribution.
pub(super) fn distributed_schools(model: &ProgressChart) -> usize {
    let n = model
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::School)
        .count();
    if n >= DISTRIBUTION_FROM {
        n
    } else {
        0
    }
}

/// The rows drawn as bars, in order: all of them, or England and the areas when the schools
/// are drawn as a distribution.
pub(super) fn bar_rows(
    model: &ProgressChart,
    distributed: bool,
) -> impl Iterator<Item = &ProgressRow> {
    model
        .rows
        .iter()
        .filter(move |r| !(distributed && r.kind == RowKind::School))
}

/// The distribution band's label: "16,355 schools".
pub(super) fn band_label(n: usize) -> String {
    format!("{} schools", format::count(n))
}

impl Layout {
    pub(super) fn new(model: &ProgressChart, width: u32) -> Self {
        let width = f64::from(width.max(240));
        let panels = model.subjects.len().max(1);
        let distributed = distributed_schools(model);
        let longest = bar_rows(model, distributed > 0)
            .map(|r| text_width(&r.label_with_year(), TEXT_PX, r.kind != RowKind::School))
            .chain((distributed > 0).then(|| {
                text_width(&band_label(distributed), TEXT_PX, true).max(text_width(
                    &format!("{} not published", format::count(distributed)),
                    12.0,
                    false,
                ))
            }))
            .fold(0.0, f64::max);
        let labels_above = width < f64::from(LABELS_ABOVE_BELOW);
        // Side by side, the names are written once, left of the first panel.
        let beside = (longest + 10.0).min(width * 0.35);
        let n = panels as f64;
        let fits = width - 2.0 * PAD - beside - (n - 1.0) * GAP >= n * MIN_PANEL_W;
        let side_by_side =
            panels == 1 || (!labels_above && (fits || width >= f64::from(WIDE_FROM)));
        let label_w = if labels_above {
            0.0
        } else if side_by_side && panels > 1 {
            if fits {
                beside
            } else {
                beside.min(width * 0.25)
            }
        } else {
            (longest + 10.0).min(width * 0.45)
        };
        let row_h = if labels_above {
            ROW_H_LABEL_ABOVE
        } else {
            ROW_H
        };
        let bars = bar_rows(model, distributed > 0).count();
        let band_h = if distributed > 0 { BAND_H } else { 0.0 };
        let panel_h = HEADER_H + bars as f64 * row_h + band_h + AXIS_H;
        Self {
            width,
            panels,
            side_by_side,
            label_w,
            labels_above,
            row_h,
            panel_h,
            bars,
            distributed,
        }
    }

    /// Bottom of the drawn rows (and of the band, when there is one) of a panel at `top`.
    pub(super) fn rows_bottom(&self, top: f64) -> f64 {
        self.row_top(top, self.bars) + if self.distributed > 0 { BAND_H } else { 0.0 }
    }

    pub(super) fn height(&self) -> f64 {
        if self.side_by_side {
            2.0 * PAD + self.panel_h
        } else {
            let n = self.panels as f64;
            2.0 * PAD + n * self.panel_h + (n - 1.0) * GAP
        }
    }

    /// The `i`th panel: its top, and the left and right of its bar area.
    pub(super) fn panel(&self, i: usize) -> (f64, f64, f64) {
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

    pub(super) fn labels_in(&self, i: usize) -> bool {
        !self.side_by_side || i == 0
    }

    /// Top of row `r` of a panel whose top is `top`.
    pub(super) fn row_top(&self, top: f64, r: usize) -> f64 {
        top + HEADER_H + r as f64 * self.row_h
    }

    /// Vertical centre of the bar of a row starting at `row_top`.
    pub(super) fn bar_centre(&self, row_top: f64) -> f64 {
        if self.labels_above {
            row_top + self.row_h - BAR_HALF - 6.0
        } else {
            row_top + self.row_h / 2.0
        }
    }
}

/// One panel: which subject, where it is, and its value-to-pixel mapping.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Panel {
    pub(super) index: usize,
    pub(super) subject: Subject,
    pub(super) top: f64,
    pub(super) x0: f64,
    pub(super) x1: f64,
    pub(super) scale: Scale,
}

/// Layout plus panels: the one description of where things are, shared by drawing and by
/// [`marks`], so what the pointer finds is what was drawn.
pub(super) fn geometry(model: &ProgressChart, width: u32) -> (Layout, Vec<Panel>) {
    let layout = Layout::new(model, width);
    let m = extent(model);
    // Room each side of the bars for the widest value written beside one.
    let value_room = model
        .rows
        .iter()
        .flat_map(|r| r.cells.iter())
        .filter(|c| matches!(c, Cell::Value { quote: None, .. }))
        .map(|c| text_width(&c.text(), 12.0, false))
        .fold(text_width("\u{2212}0.0", 12.0, false), f64::max)
        + 8.0;
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

/// The largest magnitude any bar or whisker reaches, rounded up: one scale for all panels so
/// that subjects compare.
pub(super) fn extent(model: &ProgressChart) -> f64 {
    let max = model
        .rows
        .iter()
        .flat_map(|r| r.cells.iter())
        .filter_map(|c| match c {
            Cell::Value { score, .. } => Some(
                [Some(score.value), score.lower.get(), score.upper.get()]
                    .into_iter()
                    .flatten()
                    .map(f64::abs)
                    .fold(0.0, f64::max),
            ),
            Cell::NotPublished(_) => None,
        })
        .fold(0.0, f64::max);
    // The dataset's extent keeps the axis still across cohorts and subjects; a little room
    // past the longest bar, then a round number.
    nice_ceiling((max.max(model.extent) * 1.05).max(1.0))
}

pub(super) fn subject_index(subject: Subject) -> usize {
    Subject::ALL.iter().position(|s| *s == subject).unwrap_or(0)
}

/// Tick labels: whole numbers without decimals, signs as on the bars.
pub(super) fn tick_label(v: f64) -> String {
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
