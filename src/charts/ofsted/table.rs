//! The Ofsted chart as tables: one row per group and judgement with count, share (x where too
//! few for one) and each row's caveats; and the chosen schools' latest inspections.

use super::model::{DistributionRow, Member, OfstedChart};
use crate::dataset::Dataset;
use crate::format;
use crate::model::Judgement;
use crate::table::{col, DataTable, TableCell};

/// The Ofsted chart's figures: one row per bar and judgement, with count and share.
pub fn table(model: &OfstedChart) -> DataTable {
    let mut rows = Vec::new();
    for r in &model.rows {
        let total = r.counts.total();
        for j in Judgement::ALL {
            let n = r.counts.get(j);
            if n == 0 && j == Judgement::NotGraded {
                continue;
            }
            rows.push(vec![
                TableCell::text(r.label.clone()),
                TableCell::text(j.label()),
                TableCell::text(r.counted.noun()),
                TableCell::number(format::count(n), f64::from(n)),
                if r.too_small_for_shares() {
                    // Too few schools for a share (MIN_GROUP_FOR_SHARES).
                    TableCell::text("x")
                } else {
                    TableCell::number(r.share(j), f64::from(r.percents.get(j)))
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
fn ofsted_note(r: &DistributionRow) -> String {
    let mut parts = vec![format!("{}.", r.what)];
    parts.extend(r.note.clone());
    if !r.members.is_empty() {
        let named: Vec<String> = r.members.iter().map(Member::words).collect();
        parts.push(format!("{}.", named.join("; ")));
    }
    parts.join(" ")
}

/// The named schools' latest inspections, listed under the Ofsted chart's table: the first
/// `limit`, and how many there are.
pub fn schools(model: &OfstedChart, dataset: &Dataset, limit: usize) -> (DataTable, usize) {
    let schools = || model.schools.iter().filter_map(|urn| dataset.school(*urn));
    let total = schools().count();
    let rows = schools()
        .take(limit)
        .map(|s| match s.latest_inspection() {
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
    let table = DataTable {
        caption: "Latest inspection of each named school".into(),
        columns: vec![
            col("School (URN)", false),
            col("Inspected", false),
            col("Overall effectiveness", false),
            col("Leadership and management", false),
            col("Note", false),
        ],
        rows,
    };
    (table, total)
}
