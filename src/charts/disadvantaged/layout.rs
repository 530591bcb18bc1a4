//! Where the disadvantaged pupils' chart puts its two panels at a width: side by side where
//! each has its names, figures and bars (the chart decides, not the screen), else stacked;
//! each panel's names' column; and the headings' height, which wraps rather than cut.

use super::model::DisadvantageChart;
use crate::charts::kit::{text_width, wrap_text, TEXT_PX};
use crate::format;

/// The least width of a panel's bars where the two panels sit side by side.
pub(super) const MIN_BARS: f64 = 120.0;
/// The least width of a panel's bars across the chart (stacked, or alone on a slide), where
/// a long name may take more room.
pub(super) const MIN_BARS_ACROSS: f64 = 100.0;
pub(super) const PAD: f64 = 8.0;
pub(super) const HEADER_H: f64 = 30.0;
/// Each further line of a panel's heading that wraps.
pub(super) const HEADER_LINE: f64 = 18.0;
pub(super) const HEADER_PX: f64 = 15.0;
pub(super) const FSM_TITLE: &str = "Pupils eligible for free school meals";
pub(super) const SUB_H: f64 = 22.0;
pub(super) const BAR_ROW_H: f64 = 24.0;
pub(super) const GROUP_GAP: f64 = 8.0;
pub(super) const FSM_ROW_H: f64 = 32.0;
pub(super) const AXIS_H: f64 = 24.0;
pub(super) const GAP: f64 = 24.0;

/// A panel's names' column: as wide as its longest name, up to half the panel or, if more,
/// what leaves `rest` for its bars and figures (a panel side by side has that room).
pub(super) fn names_width<'a>(names: impl Iterator<Item = &'a str>, panel: f64, rest: f64) -> f64 {
    let w = names
        .map(|n| text_width(n, TEXT_PX, false))
        .fold(0.0, f64::max);
    (w + 10.0).min((panel * 0.5).max(panel - rest))
}

/// The progress panel's names: the area's, England's and the cohort's.
pub(super) fn gap_names(model: &DisadvantageChart) -> impl Iterator<Item = &str> {
    std::iter::once(model.local_name.as_str())
        .chain(std::iter::once("England"))
        .chain(model.cohort_name.as_deref())
}

/// The free school meals panel's names.
pub(super) fn fsm_names(model: &DisadvantageChart) -> impl Iterator<Item = &str> {
    model.fsm.iter().map(|b| b.label.as_str())
}

/// Room for a progress figure beside its bar, and for a percentage after its bar.
pub(super) fn gap_room() -> f64 {
    text_width("\u{2212}0.0", 12.0, false) + 8.0
}
pub(super) fn fsm_room() -> f64 {
    text_width("100.0%", 12.0, false) + 8.0
}

/// The width each panel needs beside the other: its names, its figures and [`MIN_BARS`] of
/// bars (the progress panel's gap words whole on their subject's row).
pub(super) fn panel_needs(model: &DisadvantageChart) -> (f64, f64) {
    let names = |it: &mut dyn Iterator<Item = &str>| {
        it.map(|n| text_width(n, TEXT_PX, false))
            .fold(0.0, f64::max)
            + 10.0
    };
    let words = model
        .rows
        .iter()
        .filter_map(|r| {
            r.gap().map(|g| {
                text_width(r.subject.label(), TEXT_PX, true)
                    + 12.0
                    + text_width(
                        &format!(
                            "{} {} England",
                            model.local_name,
                            format::difference_words(g)
                        ),
                        12.0,
                        false,
                    )
            })
        })
        .fold(0.0, f64::max);
    let gap = (names(&mut gap_names(model)) + 2.0 * gap_room() + MIN_BARS).max(words);
    let fsm = names(&mut fsm_names(model)) + MIN_BARS + fsm_room();
    (gap, fsm)
}

/// How many bars each subject group has: the series the reader has not hidden.
pub(super) fn shown_per_group(model: &DisadvantageChart) -> usize {
    model.rows.first().map_or(0, |r| {
        usize::from(r.local.is_some())
            + usize::from(r.england.is_some())
            + usize::from(r.cohort.is_some())
    })
}

pub(super) fn gap_panel_h(model: &DisadvantageChart, header_h: f64) -> f64 {
    let group_h = SUB_H + shown_per_group(model) as f64 * BAR_ROW_H + GROUP_GAP;
    header_h + model.rows.len() as f64 * group_h + AXIS_H
}

pub(super) fn fsm_panel_h(model: &DisadvantageChart, header_h: f64) -> f64 {
    header_h + model.fsm.len() as f64 * FSM_ROW_H + AXIS_H
}

/// The progress panel's heading.
pub(super) fn gap_title(model: &DisadvantageChart) -> String {
    match model.year {
        Some(y) => format!("Progress of disadvantaged pupils, {y}"),
        None => "Progress of disadvantaged pupils".to_string(),
    }
}

/// Where the two panels go at a width, worked out once: side by side where each has what it
/// needs ([`panel_needs`]), so the chart decides, not the screen; else stacked (or one
/// alone). Side by side, each panel gets what it needs and the progress panel, of more bars,
/// 60% of what is left; else each the whole width. The headings take as many lines as the
/// longer wraps to in its panel (a heading is never cut short).
pub(super) struct Panels {
    /// Both panels, one under the other.
    pub stacked: bool,
    /// The progress panel's left and right edges.
    pub gap: (f64, f64),
    /// The free school meals panel's left and right edges.
    pub fsm: (f64, f64),
    /// The headings' height.
    pub header_h: f64,
}

pub(super) fn panels(model: &DisadvantageChart, width: f64) -> Panels {
    let both = !model.rows.is_empty() && !model.fsm.is_empty();
    let whole = (PAD, width - PAD);
    let side = both.then(|| panel_needs(model)).and_then(|(gap, fsm)| {
        let extra = width - 2.0 * PAD - GAP - gap - fsm;
        (extra >= 0.0).then_some(PAD + gap + extra * 0.6)
    });
    let (gap, fsm) = match side {
        Some(split) => ((PAD, split), (split + GAP, width - PAD)),
        None => (whole, whole),
    };
    let lines = |t: &str, (a, b): (f64, f64)| wrap_text(t, HEADER_PX, true, b - a).len().max(1);
    let gap_lines = if model.rows.is_empty() {
        1
    } else {
        lines(&gap_title(model), gap)
    };
    let fsm_lines = if model.fsm.is_empty() {
        1
    } else {
        lines(FSM_TITLE, fsm)
    };
    Panels {
        stacked: both && side.is_none(),
        gap,
        fsm,
        header_h: HEADER_H + (gap_lines.max(fsm_lines) - 1) as f64 * HEADER_LINE,
    }
}
