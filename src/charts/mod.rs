//! The dashboard's charts: one folder each (its model, words, table, drawing and marks) over
//! a shared kit, and one [`Chart`] interface that the page's cards, the prerender, the
//! enhancer's marks, the downloads, the presenter and the embeds all go through. A new chart
//! is a folder and one line in [`ALL`].
//!
//! Each chart is drawn by code generic over plotters' backend and tested on an SVG string on
//! the host; the page draws the same SVG. Charts are trait objects, not an enum: see
//! ARCHITECTURE.md for what each costs in the wasm.

pub mod area;
pub mod disadvantaged;
mod frame;
pub mod inspections;
pub mod kit;
pub mod ofsted;
pub mod progress;
pub mod schools;
pub mod timeline;

#[cfg(test)]
mod tests;

use std::any::Any;
use std::fmt::Debug;
use std::sync::Arc;

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, SVGBackend};

use crate::dataset::Dataset;
use crate::provenance::LegendEntry;
use crate::selection::Selection;
use crate::table::DataTable;
use kit::{ChartError, Mark};

pub use frame::{export_svg, file_stem, source_brief, source_line, sources_brief};

/// The SVG area a chart draws into.
pub type SvgArea<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// A built chart: shared, so the page's memos, the presenter's parts and the prerender hold
/// one copy.
pub type Built = Arc<dyn Chart + Send + Sync>;

/// What every chart of the dashboard answers, for one selection.
pub trait Chart: AsAny + Debug {
    /// Which chart it is.
    fn id(&self) -> ChartId;
    /// Its title, for the heading, the slide and the file.
    fn title(&self) -> &str;
    /// The series the legend lists (each can be hidden).
    fn legend(&self) -> &[LegendEntry];
    /// Its caveats.
    fn caveats(&self) -> &[String];
    /// The statements that bear on it, each with its test.
    fn statements(&self) -> &[String] {
        &[]
    }
    /// Ids of the sources it cites, in first-use order.
    fn sources(&self) -> &[String];
    /// Its plain-language summary, written from its figures.
    fn summary(&self) -> Vec<String>;
    /// What it shows, in one sentence computed from its figures: the line under its title
    /// on the card, the slide and the brief.
    fn finding(&self) -> Option<String> {
        None
    }
    /// The series a reader may bring forward, one drawn in colour and the rest muted (lines a
    /// colour-blind reader could not tell apart by colour), with the one that is; `None` for a
    /// chart that draws each series in its own colour.
    fn focus(&self) -> Option<Focus> {
        None
    }
    /// Its figures as tables; the first is its own (the CSV).
    fn tables(&self, dataset: &Dataset) -> Vec<DataTable>;
    /// Its tables as the Table tab shows them: each cut at `limit` rows, with how many rows it
    /// has in all. Made whole and cut, unless a chart whose tables run to thousands of rows
    /// makes only those shown (the KS2 progress table of all England's schools is 49,000 rows,
    /// 20 MB while it is made).
    fn tables_shown(&self, dataset: &Dataset, limit: usize) -> Vec<(DataTable, usize)> {
        self.tables(dataset)
            .into_iter()
            .map(|t| crate::table::cut(t, limit))
            .collect()
    }
    /// The drawing's size at a width.
    fn size(&self, width: u32) -> (u32, u32);
    /// Draws the chart into an area of its size.
    fn draw(&self, area: &SvgArea<'_>) -> Result<(), ChartError>;
    /// Every mark, in reading order, from the same geometry as the drawing.
    fn marks(&self, width: u32) -> Vec<Mark>;

    /// The year of its figures, where one year applies (it names the file).
    fn year(&self) -> Option<u16> {
        None
    }
    /// What its file is named for after the chart's id (`seven-stars`, `stoke-on-trent`):
    /// the cohort chosen, unless the chart says otherwise.
    fn file_words(&self, sel: &Selection) -> Vec<String> {
        frame::cohort_words(sel)
    }
    /// How many schools it draws one row each for: what a slide split divides (0 for a chart
    /// whose height does not grow with its schools).
    fn school_rows(&self) -> usize {
        0
    }
    /// How many slides it can be split into (its schools, or its panels): 1 where it cannot.
    fn pieces(&self) -> usize {
        self.school_rows()
    }
    /// The chart as `parts` charts of about equal numbers of schools, each keeping its
    /// comparisons, notes and sources, the title saying which schools it shows.
    fn split(&self, parts: usize) -> Vec<Built> {
        let _ = parts;
        Vec::new()
    }
    /// Caveats, then the statements that bear on it.
    fn notes(&self) -> Vec<String> {
        self.caveats()
            .iter()
            .chain(self.statements())
            .cloned()
            .collect()
    }
    /// The drawing as SVG text at a width.
    fn svg(&self, width: u32) -> Result<String, ChartError> {
        kit::render_svg(self.size(width), |area| self.draw(area))
    }
}

/// Which series of a chart is brought forward, and which it could be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Focus {
    /// Each series that could be, as (series id, name).
    pub options: Vec<(String, String)>,
    /// The one that is.
    pub chosen: String,
}

/// Equality of two built charts of any kind (the page rebuilds a card only when its model
/// changed): the same kind and the same figures.
pub trait AsAny {
    /// Itself, to compare with another of its kind.
    fn as_any(&self) -> &dyn Any;
    /// Whether `other` is a chart of the same kind with the same figures.
    fn same(&self, other: &dyn Any) -> bool;
}

impl<T: PartialEq + 'static> AsAny for T {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn same(&self, other: &dyn Any) -> bool {
        other.downcast_ref::<T>() == Some(self)
    }
}

impl PartialEq for dyn Chart + Send + Sync {
    fn eq(&self, other: &Self) -> bool {
        self.same(other.as_any())
    }
}

/// What a chart needs from the view, besides the dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depends {
    /// The whole selection: cohort, subject, year, pupils, hidden series.
    Selection,
    /// Everything but the cohort and the schools' year (area figures).
    Areas,
}

/// A chart before it is built: its id, the sentence under its title, what it depends on,
/// whether a dataset has figures for it, and how to build it.
pub struct Spec {
    /// Id used in links, element ids and file names.
    pub id: &'static str,
    /// What kind of chart it is, in a few words that name no programme or area ("Schools
    /// over time"): links to it and lists of charts.
    pub name: &'static str,
    /// What it shows, in a sentence or two, under its title.
    pub explainer: &'static str,
    /// What of the view its model depends on.
    pub depends: Depends,
    /// Whether it draws a panel per subject, so that a deck with no subject chosen gives it a
    /// slide per subject (one point a slide, in type a room can read).
    pub per_subject: bool,
    /// Whether a dataset has figures for it.
    pub available: fn(&Dataset) -> bool,
    /// Builds its model.
    pub build: fn(&Dataset, &Selection) -> Built,
}

/// Every chart, in page order: a new chart is a folder and one line here.
pub const ALL: [&Spec; 8] = [
    &area::PROGRESS,
    &area::ATTAINMENT,
    &schools::SPEC,
    &progress::SPEC,
    &ofsted::SPEC,
    &inspections::SPEC,
    &disadvantaged::SPEC,
    &area::FSM,
];

/// Every chart's id, in page order: [`ALL`]'s, without what builds and draws each (made at
/// compile time). Reading an id in the address needs no more, so the enhancer, which reads
/// ids, links none of the charts' code (with `ALL`, its wasm held every chart's model and
/// drawing).
pub const IDS: [&str; ALL.len()] = {
    let mut out = [""; ALL.len()];
    let mut i = 0;
    while i < ALL.len() {
        out[i] = ALL[i].id;
        i += 1;
    }
    out
};

/// A chart of [`ALL`], by its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ChartId(&'static str);

impl ChartId {
    /// Every chart, in page order.
    pub fn all() -> impl Iterator<Item = ChartId> {
        ALL.iter().map(|s| ChartId(s.id))
    }

    /// The chart with this id, if there is one.
    pub fn from_id(id: &str) -> Option<Self> {
        IDS.iter().find(|s| **s == id).map(|s| ChartId(s))
    }

    /// Its spec. An id is only ever made from [`ALL`], so one is always found.
    pub fn spec(self) -> &'static Spec {
        ALL.iter()
            .copied()
            .find(|s| s.id == self.0)
            .unwrap_or(ALL[0])
    }

    /// Id used in links, element ids and file names.
    pub fn id(self) -> &'static str {
        self.0
    }

    /// What kind of chart it is, in a few words.
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// What it shows, under its title.
    pub fn explainer(self) -> &'static str {
        self.spec().explainer
    }

    /// Whether it draws area figures only (and so needs the dataset's area context, and does
    /// not change with the cohort).
    pub fn is_area_only(self) -> bool {
        self.spec().depends == Depends::Areas
    }

    /// The part of a selection its model depends on: a cohort change leaves an area chart's
    /// model as it was.
    pub fn depends_on(self, sel: &Selection) -> Selection {
        match self.spec().depends {
            Depends::Selection => sel.clone(),
            Depends::Areas => Selection {
                cohort: crate::selection::CohortChoice::Programme,
                year: None,
                focus: None,
                ..sel.clone()
            },
        }
    }

    /// Builds its model for a selection.
    pub fn build(self, dataset: &Dataset, sel: &Selection) -> Built {
        (self.spec().build)(dataset, sel)
    }

    /// The charts a dataset has figures for, in page order.
    pub fn available(dataset: &Dataset) -> Vec<ChartId> {
        ALL.iter()
            .filter(|s| (s.available)(dataset))
            .map(|s| ChartId(s.id))
            .collect()
    }
}
