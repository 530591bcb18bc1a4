//! The home area in context over time, three charts of one kind: KS2 progress (a panel per
//! subject), attainment (% meeting the expected standard in reading, writing and maths) and
//! free-school-meal eligibility, each against the region, England and the statistical
//! neighbours (a band with their median), year by year. They depend on the pupils chosen, not
//! on the cohort.

pub mod model;
mod notes;
pub mod words;

#[cfg(test)]
mod tests;

use std::sync::Arc;

use super::kit::{ChartError, Mark};
use super::timeline::{self, TrendChart, TrendKind};
use super::{Chart, ChartId, Depends, Spec, SvgArea};
use crate::dataset::Dataset;
use crate::provenance::LegendEntry;
use crate::selection::Selection;
use crate::table::DataTable;

pub use model::trend_chart;

/// An area chart over time: the years' lines of one measure.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaChart(pub TrendChart);

fn has_areas(ds: &Dataset) -> bool {
    ds.raw().context.is_some() && !ds.raw().area_series.is_empty()
}

/// KS2 progress over time.
pub const PROGRESS: Spec = Spec {
    id: "area-progress",
    name: "KS2 progress over time",
    explainer: "How the area's pupils' KS2 progress compares, year by year, with its region, England and the ten local authorities most like it (its statistical neighbours). 0 is the national average of all pupils.",
    per_subject: true,
    depends: Depends::Areas,
    available: has_areas,
    build: |ds, sel| Arc::new(AreaChart(trend_chart(ds, TrendKind::Progress, sel))),
};

/// Attainment over time.
pub const ATTAINMENT: Spec = Spec {
    id: "area-attainment",
    name: "Expected standard over time",
    explainer: "The share of pupils meeting the expected standard in reading, writing and maths, year by year, in the area, its region, England and its statistical neighbours. It continues after progress scores stop.",
    per_subject: false,
    depends: Depends::Areas,
    available: has_areas,
    build: |ds, sel| Arc::new(AreaChart(trend_chart(ds, TrendKind::Attainment, sel))),
};

/// Free-school-meal eligibility over time.
pub const FSM: Spec = Spec {
    id: "area-fsm",
    name: "Free school meals over time",
    explainer: "The share of primary pupils eligible for free school meals (January census), year by year, in the area, its region, England and its statistical neighbours.",
    per_subject: false,
    depends: Depends::Areas,
    available: has_areas,
    build: |ds, sel| Arc::new(AreaChart(trend_chart(ds, TrendKind::Fsm, sel))),
};

/// The ids of the three.
pub const PROGRESS_ID: ChartId = ChartId(PROGRESS.id);
/// Attainment's id.
pub const ATTAINMENT_ID: ChartId = ChartId(ATTAINMENT.id);
/// FSM's id.
pub const FSM_ID: ChartId = ChartId(FSM.id);

impl Chart for AreaChart {
    fn id(&self) -> ChartId {
        match self.0.kind {
            TrendKind::Attainment => ATTAINMENT_ID,
            TrendKind::Fsm => FSM_ID,
            TrendKind::Progress | TrendKind::Schools => PROGRESS_ID,
        }
    }
    fn title(&self) -> &str {
        &self.0.title
    }
    fn legend(&self) -> &[LegendEntry] {
        &self.0.legend
    }
    fn caveats(&self) -> &[String] {
        &self.0.notes
    }
    fn statements(&self) -> &[String] {
        &self.0.statements
    }
    fn sources(&self) -> &[String] {
        &self.0.sources
    }
    fn summary(&self) -> Vec<String> {
        words::summary(&self.0)
    }
    fn finding(&self) -> Option<String> {
        words::finding(&self.0)
    }
    fn tables(&self, dataset: &Dataset) -> Vec<DataTable> {
        let grouping = dataset
            .raw()
            .context
            .as_ref()
            .and_then(|c| c.neighbours_source.as_deref())
            .and_then(|id| dataset.source(id))
            .map(|s| format!("{} grouping, {}", s.publisher, s.date));
        vec![timeline::table::table(&self.0, grouping.as_deref())]
    }
    fn size(&self, width: u32) -> (u32, u32) {
        timeline::draw::size(&self.0, width)
    }
    fn draw(&self, area: &SvgArea<'_>) -> Result<(), ChartError> {
        timeline::draw::draw(area, &self.0)
    }
    fn marks(&self, width: u32) -> Vec<Mark> {
        timeline::draw::marks(&self.0, width)
    }
    /// Area figures do not depend on the cohort: named for the area, pupils, subject and
    /// years instead.
    fn file_words(&self, sel: &Selection) -> Vec<String> {
        let m = &self.0;
        let mut words = vec![crate::format::slug(&m.home)];
        if m.kind.has_pupils() && m.pupils != crate::model::PupilGroup::All {
            words.push(m.pupils.id().to_string());
        }
        if let (TrendKind::Progress, Some(s)) = (m.kind, sel.subject) {
            words.push(s.label().to_lowercase());
        }
        words.push(format!("{}-{}", m.years.0, m.years.1));
        words
    }
}
