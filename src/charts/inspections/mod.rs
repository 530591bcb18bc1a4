//! Each school's graded Ofsted inspections on a time line, a disc per inspection with its
//! grade, the programme's start marked.

pub mod draw;
pub mod model;
pub mod table;
pub mod words;

use std::sync::Arc;

use super::kit::{ChartError, Mark};
use super::{Built, Chart, ChartId, Depends, Spec, SvgArea};
use crate::dataset::Dataset;
use crate::provenance::LegendEntry;
use crate::table::DataTable;

pub use model::{journeys_chart, JourneysChart};

/// The chart's place in the dashboard.
pub const SPEC: Spec = Spec {
    id: "inspections",
    name: "Inspections over time",
    explainer: "Each school's graded Ofsted inspections on a time line: the disc's colour and number are the judgement (1 Outstanding, 2 Good, 3 Requires improvement, 4 Inadequate). Dotted lines mark the programme's start.",
    per_subject: false,
    depends: Depends::Selection,
    available: |ds| ds.raw().schools.iter().any(|s| s.ofsted.len() > 1),
    build: |ds, sel| Arc::new(journeys_chart(ds, sel)),
};

/// Its id.
pub const ID: ChartId = ChartId(SPEC.id);

impl Chart for JourneysChart {
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
    fn sources(&self) -> &[String] {
        &self.sources
    }
    fn summary(&self) -> Vec<String> {
        words::summary(self)
    }
    fn finding(&self) -> Option<String> {
        words::finding(self)
    }
    fn tables(&self, _: &Dataset) -> Vec<DataTable> {
        vec![table::table(self)]
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
    fn school_rows(&self) -> usize {
        self.rows.len()
    }
    fn split(&self, parts: usize) -> Vec<Built> {
        let n = self.school_rows();
        super::kit::parts::runs(n, parts)
            .into_iter()
            .map(|range| {
                let mut part = self.clone();
                part.rows = self.rows[range.clone()].to_vec();
                part.title
                    .push_str(&super::kit::parts::part_words(&range, n));
                Arc::new(part) as Built
            })
            .collect()
    }
}
