//! The progress chart's figures as a table (the Table tab and the CSV): one row per entity and
//! subject, in drawing order, each figure at the precision published with DfE's band where
//! published (as the schools' table has it), and its row's caveat.

use super::model::ProgressChart;
use crate::table::{col, progress_cell, DataTable, TableCell};

/// The KS2 progress chart's figures: one row per entity and subject, in drawing order.
pub fn table(model: &ProgressChart) -> DataTable {
    shown(model, usize::MAX).0
}

/// Its first `limit` rows and how many it has: only those shown are made (all England's
/// schools are 49,000 rows).
pub fn shown(model: &ProgressChart, limit: usize) -> (DataTable, usize) {
    let cells = || {
        model.subjects.iter().flat_map(|subject| {
            let i = crate::model::Subject::ALL
                .iter()
                .position(|s| s == subject)
                .unwrap_or(0);
            model
                .rows
                .iter()
                .filter_map(move |row| row.cells.get(i).map(|cell| (subject, row, cell)))
        })
    };
    let total = cells().count();
    let rows = cells()
        .take(limit)
        .map(|(subject, row, cell)| {
            let (value, source) = progress_cell(cell);
            let band = match cell {
                crate::provenance::Cell::Value { score, .. } => score.band,
                crate::provenance::Cell::NotPublished(_) => None,
            };
            vec![
                TableCell::text(row.label.clone()),
                TableCell::text(row.year.map_or_else(String::new, |y| y.to_string())),
                TableCell::text(subject.label()),
                value,
                TableCell::text(band.map_or("", crate::model::band_label)),
                TableCell::text(source),
                TableCell::text(row.note.clone().unwrap_or_default()),
            ]
        })
        .collect();
    let table = DataTable {
        caption: format!(
            "{} (progress score; 0 is the national average)",
            model.title
        ),
        columns: vec![
            col("School or area", false),
            col("Year", false),
            col("Subject", false),
            col("Progress score", true),
            col("DfE band", false),
            col("Source", false),
            col("Note", false),
        ],
        rows,
    };
    (table, total)
}
