//! Ofsted judgements: the chosen cohort's schools at their latest inspections (each named
//! where too few for shares), beside the groups published as a whole, each a 100% bar.

pub mod draw;
pub mod model;
pub mod table;
pub mod words;

#[cfg(test)]
mod tests;

use std::sync::Arc;

use super::kit::{ChartError, Mark};
use super::{Built, Chart, ChartId, Depends, Spec, SvgArea};
use crate::dataset::Dataset;
use crate::provenance::LegendEntry;
use crate::table::DataTable;

pub use model::{
    ofsted_chart, DistributionRow, Member, OfstedChart, COHORT_BAR, MIN_GROUP_FOR_SHARES,
};

/// The chart's place in the dashboard.
pub const SPEC: Spec = Spec {
    id: "ofsted",
    name: "Ofsted judgements",
    explainer: "Share of schools at each Ofsted overall-effectiveness judgement, from each school's latest inspection.",
    per_subject: false,
    depends: Depends::Selection,
    available: |_| true,
    build: |ds, sel| Arc::new(ofsted_chart(ds, sel)),
};

/// Its id.
pub const ID: ChartId = ChartId(SPEC.id);

impl Chart for OfstedChart {
    fn id(&self) -> ChartId {
        ID
    }
    fn title(&self) -> &str {
        &self.title
    }
    fn legend(&self) -> &[LegendEntry] {
        &self.legend
    }
    fn caveats(&self) -> &[String] {
        &self.notes
    }
    fn statements(&self) -> &[String] {
        &self.statements
    }
    fn sources(&self) -> &[String] {
        &self.sources
    }
    fn summary(&self) -> Vec<String> {
        words::summary(self)
    }
    fn finding(&self) -> Option<String> {
        words::finding(self)
    }
    fn tables(&self, dataset: &Dataset) -> Vec<DataTable> {
        vec![
            table::table(self),
            table::schools(self, dataset, usize::MAX).0,
        ]
    }
    fn tables_shown(&self, dataset: &Dataset, limit: usize) -> Vec<(DataTable, usize)> {
        vec![
            crate::table::cut(table::table(self), limit),
            table::schools(self, dataset, limit),
        ]
    }
    fn size(&self, width: u32) -> (u32, u32) {
        draw::size(self, width)
    }
    fn draw(&self, area: &SvgArea<'_>) -> Result<(), ChartError> {
        draw::draw(area, self)
    }
    fn marks(&self, width: u32) -> Vec<Mark> {
        draw::marks(self, width)
    }
    /// Bars of schools and bars of pupil places can take a slide each: one point a slide.
    fn pieces(&self) -> usize {
        self.rows.chunk_by(|a, b| a.counted == b.counted).count()
    }
    fn split(&self, parts: usize) -> Vec<Built> {
        if parts < 2 || self.pieces() < 2 {
            return Vec::new();
        }
        self.rows
            .chunk_by(|a, b| a.counted == b.counted)
            .map(|rows| {
                Arc::new(OfstedChart {
                    title: model::title_of(rows).unwrap_or_else(|| self.title.clone()),
                    rows: rows.to_vec(),
                    ..self.clone()
                }) as Built
            })
            .collect()
    }
}
