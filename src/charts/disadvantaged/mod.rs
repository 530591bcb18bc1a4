//! Disadvantaged pupils: the home area's and England's disadvantaged pupils' progress, the
//! chosen schools' median where their files carry it (derived), and free-school-meal shares.

pub mod draw;
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
use crate::model::PupilGroup;
use crate::provenance::LegendEntry;
use crate::selection::Selection;
use crate::table::DataTable;

pub use model::{disadvantage_chart, DisadvantageChart, FsmBar, FsmRole, GapRow, COHORT_BAR};

/// The chart's place in the dashboard.
pub const SPEC: Spec = Spec {
    id: "disadvantaged",
    name: "Disadvantaged pupils",
    explainer: "How much progress disadvantaged pupils made, compared with disadvantaged pupils across England, and how many pupils are eligible for free school meals.",
    per_subject: false,
    depends: Depends::Selection,
    // Area figures, FSM shares or schools' own disadvantaged scores.
    available: |ds| {
        let raw = ds.raw();
        raw.area_progress
            .iter()
            .any(|p| p.pupils == PupilGroup::Disadvantaged)
            || !raw.fsm.is_empty()
            || raw
                .schools
                .iter()
                .any(|s| s.ks2.iter().any(|r| r.disadvantaged.is_some()))
    },
    build: |ds, sel| Arc::new(disadvantage_chart(ds, sel)),
};

/// Its id.
pub const ID: ChartId = ChartId(SPEC.id);

impl Chart for DisadvantageChart {
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
    /// Its two panels, progress and free school meals, can take a slide each.
    fn pieces(&self) -> usize {
        usize::from(!self.rows.is_empty()) + usize::from(!self.fsm.is_empty())
    }
    fn split(&self, parts: usize) -> Vec<Built> {
        if parts < 2 || self.pieces() < 2 {
            return Vec::new();
        }
        let progress = DisadvantageChart {
            title: format!("{}: progress", self.title),
            fsm: Vec::new(),
            ..self.clone()
        };
        let fsm = DisadvantageChart {
            title: format!("{}: free school meals", self.title),
            rows: Vec::new(),
            ..self.clone()
        };
        vec![Arc::new(progress), Arc::new(fsm)]
    }
    /// Without a figure of the cohort's own the chart is the area's: named for it.
    fn file_words(&self, sel: &Selection) -> Vec<String> {
        if self.cohort_name.is_none() {
            vec![crate::format::slug(&self.local_name)]
        } else {
            super::frame::cohort_words(sel)
        }
    }
}
