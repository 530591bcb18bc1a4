//! Where what a chart shows comes from, and what it says beside its figures: a figure with
//! its source or the reason there is none ([`Cell`]), the legend's series, the sources cited
//! in first-use order, and the programme's statements with their tests ([`claims`]).

pub mod claims;

/// Series id of the statistical neighbours (a chart's band, median and points; a claim's
/// comparator).
pub const NEIGHBOURS: &str = "neighbours";

use std::borrow::Cow;

use crate::dataset::Dataset;
use crate::format::progress_text;
use crate::model::{Score, SourceId};
use crate::selection::Selection;

/// One figure in a chart: a published value with its source, or the reason there is none.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// A published figure.
    Value {
        /// The score and its interval.
        score: Score,
        /// Id of the source.
        source: SourceId,
        /// The source's own words where it gave words, not a number.
        quote: Option<String>,
        /// Decimal places the source publishes it with, where it says (DfE's area figures:
        /// `+0.03`); `None` is the page's usual one place.
        decimals: Option<u8>,
    },
    /// No published figure, and why (most often the same few words, not copied per cell).
    NotPublished(Cow<'static, str>),
}

impl Cell {
    /// A published score at one place, from a school's file.
    pub fn school(score: Score, source: impl Into<SourceId>) -> Self {
        Cell::Value {
            score,
            source: source.into(),
            quote: None,
            decimals: None,
        }
    }

    /// An area's figure as the page shows it.
    pub fn area(f: crate::dataset::AreaFigure) -> Self {
        Cell::Value {
            score: Score::within(f.value, f.interval.map(|i| i.0), f.interval.map(|i| i.1)),
            source: f.source.into(),
            quote: f.quote,
            decimals: f.decimals,
        }
    }

    /// The figure as the page writes it (`+0.03`, `−0.9`), or why there is none.
    pub fn text(&self) -> String {
        match self {
            Cell::Value {
                score, decimals, ..
            } => progress_text(score.value, *decimals),
            Cell::NotPublished(why) => why.to_string(),
        }
    }

    /// The value, if published.
    pub fn value(&self) -> Option<f64> {
        match self {
            Cell::Value { score, .. } => Some(score.value),
            Cell::NotPublished(_) => None,
        }
    }
}

/// An entry of a chart's legend, which hides or shows a series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegendEntry {
    /// Series id, as kept in links.
    pub id: String,
    /// Display name.
    pub label: String,
    /// Whether it is drawn.
    pub shown: bool,
}

/// Legend entries in first-seen order, each once, marked shown or hidden.
pub fn legend_of<'a>(
    series: impl Iterator<Item = (&'a str, String)>,
    sel: &Selection,
) -> Vec<LegendEntry> {
    let mut out: Vec<LegendEntry> = Vec::new();
    for (id, label) in series {
        if !out.iter().any(|e| e.id == id) {
            out.push(LegendEntry {
                id: id.to_string(),
                label,
                shown: sel.shows(id),
            });
        }
    }
    out
}

/// Source ids in first-use order, each once.
#[derive(Default)]
pub(crate) struct Sources(pub(crate) Vec<String>);

impl Sources {
    pub(crate) fn add(&mut self, id: &str) {
        if !self.0.iter().any(|s| s == id) {
            self.0.push(id.to_string());
        }
    }
}

/// The programme-wide statements (e.g. on attribution), with their sources.
pub fn attribution_statements(dataset: &Dataset) -> Vec<(String, String)> {
    dataset
        .raw()
        .statements
        .iter()
        .filter(|s| s.topic == "attribution")
        .map(|s| (s.text.clone(), s.source.clone()))
        .collect()
}
