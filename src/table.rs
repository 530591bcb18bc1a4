//! The figures behind each chart as one table: the page renders it as the Table tab and
//! writes it as the CSV download, so the two cannot differ. Rows are in the order the chart
//! draws its marks and values are rounded as on the chart; only published figures appear.

use crate::aggregate::{Cell, DisadvantageChart, OfstedChart, ProgressChart};
use crate::dataset::Dataset;
use crate::format;
use crate::model::Judgement;

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

    fn number(text: String, number: f64) -> Self {
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

fn col(name: &str, numeric: bool) -> Column {
    Column {
        name: name.to_string(),
        numeric,
    }
}

fn rounded(v: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (v * f).round() / f
}

fn progress_cell(cell: &Cell) -> (TableCell, String) {
    match cell {
        Cell::Value {
            score,
            source,
            quote,
            decimals,
        } => {
            let mut text = cell.text();
            if let (Some(lo), Some(hi)) = (score.lower, score.upper) {
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
            (number, source.clone())
        }
        Cell::NotPublished(why) => (TableCell::text(why.clone()), String::new()),
    }
}

/// The KS2 progress chart's figures: one row per entity and subject, in drawing order.
pub fn progress(model: &ProgressChart) -> DataTable {
    let mut rows = Vec::new();
    for subject in &model.subjects {
        let i = crate::model::Subject::ALL
            .iter()
            .position(|s| s == subject)
            .unwrap_or(0);
        for row in &model.rows {
            let Some(cell) = row.cells.get(i) else {
                continue;
            };
            let (value, source) = progress_cell(cell);
            rows.push(vec![
                TableCell::text(row.label.clone()),
                TableCell::text(row.year.map_or_else(String::new, |y| y.to_string())),
                TableCell::text(subject.label()),
                value,
                TableCell::text(source),
                TableCell::text(row.note.clone().unwrap_or_default()),
            ]);
        }
    }
    DataTable {
        caption: format!(
            "{} (progress score; 0 is the national average)",
            model.title
        ),
        columns: vec![
            col("School or area", false),
            col("Year", false),
            col("Subject", false),
            col("Progress score", true),
            col("Source", false),
            col("Note", false),
        ],
        rows,
    }
}

/// The disadvantaged-pupils chart's figures: progress per subject and area, then FSM shares.
pub fn disadvantage(model: &DisadvantageChart) -> DataTable {
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

/// The Ofsted chart's figures: one row per bar and judgement, with count and share.
pub fn ofsted(model: &OfstedChart) -> DataTable {
    let mut rows = Vec::new();
    for r in &model.rows {
        let total = r.counts.total();
        for j in Judgement::ALL {
            let n = r.counts.get(j);
            if n == 0 && j == Judgement::NotGraded {
                continue;
            }
            let share = if total == 0 {
                0.0
            } else {
                f64::from(n) * 100.0 / f64::from(total)
            };
            rows.push(vec![
                TableCell::text(r.label.clone()),
                TableCell::text(j.label()),
                TableCell::text(r.counted.noun()),
                TableCell::number(format::count(n), f64::from(n)),
                if r.too_small_for_shares() {
                    // Too few schools for a share (aggregate::MIN_GROUP_FOR_SHARES).
                    TableCell::text("x")
                } else {
                    TableCell::number(format::share(n, total), share.round())
                },
                TableCell::number(format::count(total), f64::from(total)),
                TableCell::text(r.sources.join(" ")),
                TableCell::text(ofsted_note(r)),
            ]);
        }
    }
    DataTable {
        caption: format!(
            "{}: schools (or their places) by overall effectiveness{}",
            model.title,
            if model.rows.iter().any(|r| r.too_small_for_shares()) {
                "; x: too few schools for a share (fewer than 5), see the counts"
            } else {
                ""
            }
        ),
        columns: vec![
            col("Group", false),
            col("Judgement", false),
            col("Counting", false),
            col("Number", true),
            col("Share (%)", true),
            col("Total in group", true),
            col("Source", false),
            col("Note", false),
        ],
        rows,
    }
}

/// A row's caveats as the page gives them beside its bar: what it counts and when, its own
/// note (a predecessor's judgement counted), and the named schools of a small group.
fn ofsted_note(r: &crate::aggregate::DistributionRow) -> String {
    let mut parts = vec![format!("{}.", r.what)];
    parts.extend(r.note.clone());
    if !r.members.is_empty() {
        let named: Vec<String> = r
            .members
            .iter()
            .map(crate::aggregate::Member::words)
            .collect();
        parts.push(format!("{}.", named.join("; ")));
    }
    parts.join(" ")
}

/// The named schools' latest inspections, listed under the Ofsted chart's table.
pub fn ofsted_schools(model: &OfstedChart, dataset: &Dataset) -> DataTable {
    let rows = model
        .schools
        .iter()
        .filter_map(|urn| dataset.school(*urn))
        .map(|s| match crate::aggregate::latest_inspection(s) {
            Some(i) => vec![
                TableCell::text(format!("{} ({})", s.name, s.urn)),
                TableCell::text(format::date(&i.date)),
                TableCell::text(i.judgement.label()),
                TableCell::text(
                    i.leadership_and_management
                        .map_or("not published", |j| j.label()),
                ),
                TableCell::text(i.note.clone().unwrap_or_default()),
            ],
            None => vec![
                TableCell::text(format!("{} ({})", s.name, s.urn)),
                TableCell::text("no inspection in the dataset"),
                TableCell::text(""),
                TableCell::text(""),
                TableCell::text(""),
            ],
        })
        .collect();
    DataTable {
        caption: "Latest inspection of each named school".into(),
        columns: vec![
            col("School (URN)", false),
            col("Inspected", false),
            col("Overall effectiveness", false),
            col("Leadership and management", false),
            col("Note", false),
        ],
        rows,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::{disadvantage_chart, ofsted_chart, progress_chart, Selection};
    use crate::testing::bundled;

    #[test]
    fn the_progress_table_lists_what_the_chart_draws_in_the_same_order() {
        let ds = bundled();
        let model = progress_chart(&ds, &Selection::default());
        let table = progress(&model);
        let marks = crate::charts::progress::marks(&model, 1000);
        assert_eq!(table.rows.len(), marks.len());
        for (row, mark) in table.rows.iter().zip(&marks) {
            assert_eq!(row[0].text, mark.entity);
            assert!(mark
                .value
                .starts_with(&row[3].text.chars().take(4).collect::<String>()));
        }
    }

    #[test]
    fn csv_quotes_and_numbers_are_machine_readable() {
        let ds = bundled();
        let table = progress(&progress_chart(&ds, &Selection::default()));
        let csv = to_csv(&table, &ds);
        let mut lines = csv.lines();
        assert_eq!(
            lines.next(),
            Some("School or area,Year,Subject,Progress score,Source,Note,\"Source citation (x: not available, z: not applicable)\"")
        );
        assert!(csv.contains("Abbey Hulton Primary,2019,Reading,-5.9,dfe-ks2-2019,,"));
        // England's row carries its definition, as the page's note gives it.
        assert!(csv.contains("England,2019,Reading,0.03,dfe-lait-ks2,\"England in 2019: DfE's published figure for all state-funded schools"), "{csv}");
        assert!(!csv.contains('\u{2212}'), "ASCII minus in CSV");
        assert!(
            csv.contains("\"DfE's school performance tables for 2019: each school's reading, writing and maths"),
            "a citation with commas is quoted"
        );
    }

    #[test]
    fn figures_not_published_stay_words_not_zero() {
        let ds = bundled();
        let table = progress(&progress_chart(
            &ds,
            &Selection::cohort(crate::aggregate::CohortChoice::Cohort("esprit".into())),
        ));
        let infants: Vec<_> = table
            .rows
            .iter()
            .filter(|r| r[0].text == "Alexandra Infants'")
            .collect();
        assert_eq!(infants.len(), 3);
        assert!(infants
            .iter()
            .all(|r| r[3].number.is_none() && r[3].text == "no KS2 results"));
        let csv = to_csv(&table, &ds);
        // In the CSV's number column, DfE's symbol for "not applicable".
        assert!(csv.contains("Alexandra Infants',,Reading,z,,"), "{csv}");
    }

    #[test]
    fn the_ofsted_csv_carries_the_caveats_the_page_gives_each_bar() {
        let ds = bundled();
        let sel = Selection::cohort(crate::aggregate::CohortChoice::Cohort("compass".into()));
        let csv = to_csv(&ofsted(&ofsted_chart(&ds, &sel)), &ds);
        let milton = csv
            .lines()
            .find(|l| l.starts_with("Compass Group (named schools),Inadequate"))
            .unwrap_or_default();
        assert!(
            milton.contains(",1,x,1,"),
            "a count, x for the share: {milton}"
        );
        assert!(
            milton
                .contains("Includes the predecessor school's judgement for Milton Primary Academy"),
            "{milton}"
        );
        assert!(
            milton.contains("Milton Primary Academy: Inadequate, 25 March 2015 (an inspection of its predecessor, Milton Primary School)"),
            "{milton}"
        );
        let england = csv
            .lines()
            .find(|l| l.contains("as at 31 July 2018\",Good"))
            .unwrap_or_default();
        assert!(
            england.contains("16,669 schools, each at its latest inspection."),
            "{england}"
        );
    }

    #[test]
    fn disadvantage_and_ofsted_tables_hold_the_seed_figures() {
        let ds = bundled();
        let sel = Selection::default();
        let dis = to_csv(&disadvantage(&disadvantage_chart(&ds, &sel)), &ds);
        assert!(
            dis.contains("Progress of disadvantaged pupils,Maths,England,2019,-0.71,dfe-lait-ks2"),
            "{dis}"
        );
        assert!(dis.contains(
            "Primary pupils eligible for free school meals (%),,Stoke-on-Trent,2019,25.2,dfe-lait-fsm"
        ), "{dis}");
        let y2016 = Selection {
            year: Some(2016),
            ..Selection::default()
        };
        let dis = to_csv(&disadvantage(&disadvantage_chart(&ds, &y2016)), &ds);
        assert!(dis
            .contains("Progress of disadvantaged pupils,Maths,England,2016,-0.5,uow-clp-account"));
        let of = to_csv(&ofsted(&ofsted_chart(&ds, &sel)), &ds);
        assert!(of.contains(
            "16 programme schools inspected since 2015,Good,schools,12,75,16,uow-clp-account"
        ));
        assert!(of.contains("\"Primary schools in England, as at 31 July 2018\",Inadequate,schools,476,3,16669,ofsted-mi-2018-07"));
        assert!(of.contains(
            "\"Primary places in Stoke-on-Trent, 2023/24\",Good,places,17842,73,24300,dfe-places-scorecards"
        ));
    }
}
