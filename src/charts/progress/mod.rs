//! KS2 progress of the chosen schools, one row each across reading, writing and maths, set
//! against England, the home area and its region in the schools' year. From
//! [`draw::DISTRIBUTION_FROM`] schools they are drawn as one histogram per subject.

pub mod draw;
mod histogram;
mod layout;
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
use crate::selection::Selection;
use crate::table::DataTable;

pub use model::{progress_chart, ProgressChart, ProgressRow, RowKind, SCHOOLS};

/// The chart's place in the dashboard.
pub const SPEC: Spec = Spec {
    id: "ks2-progress",
    name: "KS2 progress of the schools",
    explainer: "A progress score compares pupils' KS2 results with those of pupils across England who had similar results at KS1. 0 is the national average; +1 means a school's pupils scored on average one mark more than similar pupils nationally.",
    per_subject: true,
    depends: Depends::Selection,
    available: |_| true,
    build: |ds, sel| Arc::new(progress_chart(ds, sel)),
};

/// Its id.
pub const ID: ChartId = ChartId(SPEC.id);

impl Chart for ProgressChart {
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
    fn tables(&self, _: &Dataset) -> Vec<DataTable> {
        vec![table::table(self)]
    }
    fn tables_shown(&self, _: &Dataset, limit: usize) -> Vec<(DataTable, usize)> {
        vec![table::shown(self, limit)]
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
    fn year(&self) -> Option<u16> {
        self.year
    }
    fn file_words(&self, sel: &Selection) -> Vec<String> {
        let mut words = super::frame::cohort_words(sel);
        words.extend(sel.subject.map(|s| s.label().to_lowercase()));
        words
    }
    fn school_rows(&self) -> usize {
        let n = self
            .rows
            .iter()
            .filter(|r| r.kind == RowKind::School)
            .count();
        // From this many the schools are one histogram, whatever their number.
        if n >= draw::DISTRIBUTION_FROM {
            0
        } else {
            n
        }
    }
    fn split(&self, parts: usize) -> Vec<Built> {
        let n = self.school_rows();
        super::kit::parts::runs(n, parts)
            .into_iter()
            .map(|range| {
                let mut part = self.clone();
                let mut i = 0;
                part.rows.retain(|r| {
                    if r.kind != RowKind::School {
                        return true;
                    }
                    i += 1;
                    range.contains(&(i - 1))
                });
                part.title
                    .push_str(&super::kit::parts::part_words(&range, n));
                Arc::new(part) as Built
            })
            .collect()
    }
}
