//! Every inspection of the chosen schools, with whose it was, as a table.

use super::model::JourneysChart;
use crate::table::{Column, DataTable, TableCell};

/// The table: a row per inspection.
pub fn table(m: &JourneysChart) -> DataTable {
    let col = |n: &str, numeric: bool| Column {
        name: n.into(),
        numeric,
    };
    let mut rows = Vec::new();
    for r in &m.all_rows {
        for e in &r.events {
            rows.push(vec![
                TableCell::text(r.name.clone()),
                TableCell::text(crate::format::date(&e.date)),
                TableCell::text(e.label.clone()),
                TableCell {
                    text: e.judgement.grade().to_string(),
                    number: Some(f64::from(e.judgement.grade())),
                    places: Some(0),
                },
                TableCell::text(
                    e.published_as
                        .as_ref()
                        .map_or_else(String::new, |p| format!("{} (URN {})", p.name, p.urn)),
                ),
                TableCell::text(e.source.clone()),
            ]);
        }
    }
    DataTable {
        caption: m.title.clone(),
        columns: vec![
            col("School", false),
            col("Inspection date", false),
            col("Overall effectiveness", false),
            col("Grade", true),
            col("Inspected as (predecessor)", false),
            col("Source", false),
        ],
        rows,
    }
}
