//! The cohort's schools over time: each school, year by year, per subject, against the home
//! area and England, with the cohort's pupil-weighted mean (derived) and a like-for-like
//! group of the home area's other schools. Its model is a [`TrendChart`] of kind
//! [`TrendKind::Schools`], so it is drawn, read by keys and tabulated as the area charts are.

pub mod comparison;
pub mod model;
pub mod table;
pub mod words;

#[cfg(test)]
mod tests;

use std::sync::Arc;

use super::kit::{ChartError, Mark};
use super::timeline::{self, TrendChart, TrendKind};
use super::{Chart, ChartId, Depends, Spec, SvgArea};
use crate::dataset::Dataset;
use crate::provenance::LegendEntry;
use crate::table::DataTable;

pub use model::{
    has_history, places, school_line, schools_chart, series_of, weighted_mean, COHORT_MEAN,
    LIKE_FOR_LIKE, MAX_LINES,
};

/// The cohort's schools over time.
#[derive(Debug, Clone, PartialEq)]
pub struct SchoolsChart(pub TrendChart);

/// The chart's place in the dashboard.
pub const SPEC: Spec = Spec {
    id: "schools-over-time",
    name: "Schools over time",
    explainer: "Each school's KS2 progress year by year, with the area and England, the cohort's pupil-weighted mean and a like-for-like group of the area's other schools. Hollow markers are figures published for a predecessor school (before an academy conversion).",
    per_subject: true,
    depends: Depends::Selection,
    available: has_history,
    build: |ds, sel| Arc::new(SchoolsChart(schools_chart(ds, sel))),
};

/// Its id.
pub const ID: ChartId = ChartId(SPEC.id);

impl Chart for SchoolsChart {
    fn id(&self) -> ChartId {
        ID
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
        debug_assert_eq!(self.0.kind, TrendKind::Schools);
        words::summary(&self.0)
    }
    fn finding(&self) -> Option<String> {
        words::finding(&self.0)
    }
    fn focus(&self) -> Option<super::Focus> {
        let chosen = self.0.focus?;
        let lines = &self.0.panels.first()?.lines;
        let options: Vec<(String, String)> = lines
            .iter()
            .filter(|l| matches!(l.role, timeline::Role::School(_)))
            .filter(|l| l.points.iter().any(|p| p.value.is_some()))
            .map(|l| (l.area.clone(), l.name.clone()))
            .collect();
        let chosen = lines
            .iter()
            .find(|l| l.role == timeline::Role::School(chosen))?
            .area
            .clone();
        Some(super::Focus { options, chosen })
    }
    fn tables(&self, dataset: &Dataset) -> Vec<DataTable> {
        vec![
            table::results(&self.0, dataset),
            table::facts(&self.0, dataset),
        ]
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
}
