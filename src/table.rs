//! The figures behind each chart as one table: the page renders it as the Table tab and
//! writes it as the CSV download, so the two cannot differ. Rows are in the order the chart
//! draws its marks and values are rounded as on the chart; only published figures appear.

use crate::dataset::Dataset;
use crate::format;
use crate::provenance::Cell;

/// One cell: what the page shows, and the number a spreadsheet gets.
#[derive(Debug, Clone, PartialEq)]
pub struct TableCell {
    /// As shown: `+0.4`, `23%`, `not published`.
    pub text: String,
    /// As written to CSV for numeric columns, rounded as shown.
    pub number: Option<f64>,
    /// Decimal places the CSV writes the number with, where the source publishes a fixed
    /// precision (`-0.10` stays `-0.10`); `None` writes it as short as it reads.
    pub places: Option<u8>,
}

impl TableCell {
    /// A cell of text only.
    pub(crate) fn text(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            number: None,
            places: None,
        }
    }

    /// A cell of a number and how it is shown.
    pub fn number(text: String, number: f64) -> Self {
        Self {
            text,
            number: Some(number),
            places: None,
        }
    }
}

/// A column: its heading and whether it holds numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// Heading, with the unit.
    pub name: String,
    /// Numbers are right-aligned and written bare in CSV.
    pub numeric: bool,
}

/// A table of figures with its caption.
#[derive(Debug, Clone, PartialEq)]
pub struct DataTable {
    /// What the table holds.
    pub caption: String,
    /// Column headings.
    pub columns: Vec<Column>,
    /// Rows of cells, one per column.
    pub rows: Vec<Vec<TableCell>>,
}

/// A column of a heading; `numeric` right-aligns it and writes it bare in CSV.
pub fn col(name: &str, numeric: bool) -> Column {
    Column {
        name: name.to_string(),
        numeric,
    }
}

/// A value rounded to `places` decimal places, as shown.
pub fn rounded(v: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (v * f).round() / f
}

/// A progress figure as a table shows it: at its published places, its interval and the
/// source's own words where it gave words; and its source's id.
pub fn progress_cell(cell: &Cell) -> (TableCell, String) {
    match cell {
        Cell::Value {
            score,
            source,
            quote,
            decimals,
        } => {
            let mut text = cell.text();
            if let (Some(lo), Some(hi)) = (score.lower.get(), score.upper.get()) {
                text.push_str(&format!(
                    " ({} to {})",
                    format::progress(lo),
                    format::progress(hi)
                ));
            }
            if let Some(q) = quote {
                text.push_str(&format!(" (\u{201c}{q}\u{201d})"));
            }
            let places = decimals.unwrap_or(1);
            let mut number = TableCell::number(text, rounded(score.value, i32::from(places)));
            number.places = Some(places);
            (number, source.to_string())
        }
        Cell::NotPublished(why) => (TableCell::text(why.clone()), String::new()),
    }
}

/// The table as CSV (RFC 4180, CRLF): a header row, then one line per row. Numeric columns
/// hold plain numbers (ASCII minus, no % sign); a final `Source citation` column names each
/// row's source in full.
pub fn to_csv(table: &DataTable, dataset: &Dataset) -> String {
    let source_col = table.columns.iter().position(|c| c.name == "Source");
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let header = table
        .columns
        .iter()
        .map(|c| c.name.clone())
        .chain(std::iter::once(
            "Source citation (x: not available, z: not applicable)".to_string(),
        ));
    // Writing into a Vec cannot fail; a failure would only drop the row, never panic.
    let _ = w.write_record(header);
    for row in &table.rows {
        let citation = source_col
            .and_then(|i| row.get(i))
            .map(|c| {
                c.text
                    .split(' ')
                    .filter_map(|id| dataset.source(id))
                    .map(|s| s.citation.clone())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default();
        // A reader's own data says so in every row of its CSV too.
        let citation = match dataset.origin() {
            Some(files) => format!(
                "Your data, from {}, not the published figures. {citation}",
                files.join(", ")
            ),
            None => citation,
        };
        let fields = row
            .iter()
            .zip(&table.columns)
            .map(|(cell, c)| match (c.numeric, cell.number) {
                (true, Some(n)) => match cell.places {
                    Some(d) => format!("{n:.prec$}", prec = usize::from(d)),
                    None => format!("{n}"),
                },
                // Number columns hold numbers or DfE's symbols, never words: z where the
                // figure cannot exist (an infant school's KS2), x where it is not available.
                (true, None) if cell.text.is_empty() => String::new(),
                (true, None) if cell.text.contains("no KS2") || cell.text.contains("infant") => {
                    "z".to_string()
                }
                (true, None) => "x".to_string(),
                _ => cell.text.clone(),
            })
            .chain(std::iter::once(citation));
        let _ = w.write_record(fields);
    }
    w.into_inner()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default()
}

/// `table` cut at `limit` rows, with how many it had.
pub fn cut(mut table: DataTable, limit: usize) -> (DataTable, usize) {
    let total = table.rows.len();
    table.rows.truncate(limit);
    (table, total)
}

/// The page's tables name their sources ("Department for Education, Key stage 2 school
/// performance tables, 2019"), not by the ids the CSV keeps beside each citation.
pub fn readable_sources(mut table: DataTable, ds: &Dataset) -> DataTable {
    let Some(col) = table.columns.iter().position(|c| c.name == "Source") else {
        return table;
    };
    for row in &mut table.rows {
        if let Some(cell) = row.get_mut(col) {
            let names: Vec<String> = cell
                .text
                .split(' ')
                .filter(|id| !id.is_empty())
                .map(|id| {
                    ds.source(id)
                        .map_or_else(|| id.to_string(), |s| s.title.clone())
                })
                .collect();
            cell.text = names.join("; ");
        }
    }
    table
}
