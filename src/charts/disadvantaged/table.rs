//! The disadvantaged pupils' chart as a table: progress per subject and area, then the
//! free-school-meal shares (x where the source gives no year).

use super::model::DisadvantageChart;
use crate::format;
use crate::table::{col, progress_cell, rounded, DataTable, TableCell};

/// The disadvantaged-pupils chart's figures: progress per subject and area, then FSM shares.
pub fn table(model: &DisadvantageChart) -> DataTable {
    let mut rows = Vec::new();
    let year = model.year.map_or_else(String::new, |y| y.to_string());
    let cohort = model.cohort_name.clone().unwrap_or_default();
    for r in &model.rows {
        for (area, cell) in [
            (&cohort, &r.cohort),
            (&model.local_name, &r.local),
            (&"England".to_string(), &r.england),
        ] {
            let Some(cell) = cell else { continue };
            let (value, source) = progress_cell(cell);
            rows.push(vec![
                TableCell::text("Progress of disadvantaged pupils"),
                TableCell::text(r.subject.label()),
                TableCell::text(area.clone()),
                TableCell::text(year.clone()),
                value,
                TableCell::text(source),
            ]);
        }
    }
    for b in &model.fsm {
        rows.push(vec![
            TableCell::text("Primary pupils eligible for free school meals (%)"),
            TableCell::text(""),
            TableCell::text(b.label.clone()),
            TableCell::text(
                b.year
                    // DfE's symbol for "not available": the source gives no year.
                    .map_or_else(|| "x".to_string(), |y| y.to_string()),
            ),
            {
                let places = b.decimals.unwrap_or(1);
                let shown = b.decimals.map_or_else(
                    || format::percent(b.percent),
                    |d| format::percent_at(b.percent, d),
                );
                let mut cell = TableCell::number(shown, rounded(b.percent, i32::from(places)));
                cell.places = b.decimals;
                cell
            },
            TableCell::text(b.source.clone()),
        ]);
    }
    DataTable {
        caption: if model.fsm.iter().any(|b| b.year.is_none()) {
            format!(
                "{}; x: not available (the source gives no year)",
                model.title
            )
        } else {
            model.title.clone()
        },
        columns: vec![
            col("Measure", false),
            col("Subject", false),
            col("Area", false),
            col("Year", false),
            col("Value", true),
            col("Source", false),
        ],
        rows,
    }
}
