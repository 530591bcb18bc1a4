//! The schools over time as tables: every school-year score with its pupils, DfE's band and
//! the school it was published for (the CSV holds the same), and the schools' facts (type,
//! pupils on roll, free-school-meal shares) that the like-for-like group was chosen by.

use crate::charts::timeline::{Role, TrendChart};
use crate::dataset::Dataset;
use crate::model::{band_label, FactMeasure, School, Subject};
use crate::table::{Column, DataTable, TableCell};

fn col(name: &str, numeric: bool) -> Column {
    Column {
        name: name.into(),
        numeric,
    }
}

/// The school of a line (`urn-N`), among the named schools and the area's others.
fn school_of<'a>(dataset: &'a Dataset, series: &str) -> Option<&'a School> {
    let urn: u32 = series.strip_prefix("urn-")?.parse().ok()?;
    dataset
        .school(urn)
        .or_else(|| dataset.raw().area_schools.iter().find(|s| s.urn == urn))
}

/// The schools on the chart, once each, with what they are on it.
fn schools<'a>(model: &TrendChart, dataset: &'a Dataset) -> Vec<(&'a School, &'static str)> {
    let mut out: Vec<(&School, &'static str)> = Vec::new();
    for p in &model.panels {
        for l in p.lines.iter().chain(&p.neighbours) {
            let what = match l.role {
                Role::School(_) => "Cohort school",
                Role::Neighbour => "Like-for-like school",
                _ => continue,
            };
            if let Some(s) = school_of(dataset, &l.area) {
                if !out.iter().any(|(o, _)| o.urn == s.urn) {
                    out.push((s, what));
                }
            }
        }
    }
    out
}

fn number(v: f64, places: u8) -> TableCell {
    let text = crate::format::progress_at(v, places);
    TableCell {
        text,
        number: Some(v),
        places: Some(places),
    }
}

/// Every score of every school on the chart, a row per school, subject and year.
pub fn results(model: &TrendChart, dataset: &Dataset) -> DataTable {
    let subjects: Vec<Subject> = Subject::ALL
        .into_iter()
        .filter(|s| model.panels.iter().any(|p| p.heading == s.label()))
        .collect();
    let mut rows = Vec::new();
    for (s, what) in schools(model, dataset) {
        for r in s
            .ks2
            .iter()
            .filter(|r| (model.years.0..=model.years.1).contains(&r.year))
        {
            for subject in &subjects {
                let score = r.score(*subject);
                rows.push(vec![
                    TableCell::text(s.name.clone()),
                    TableCell::text(what),
                    TableCell::text(subject.label()),
                    TableCell {
                        text: r.year.to_string(),
                        number: Some(f64::from(r.year)),
                        places: Some(0),
                    },
                    score.map_or_else(
                        || TableCell::text("not published"),
                        |x| number(x.value, super::places(x.value)),
                    ),
                    r.pupils.map_or_else(
                        || TableCell::text("not published"),
                        |n| TableCell {
                            text: n.to_string(),
                            number: Some(f64::from(n)),
                            places: Some(0),
                        },
                    ),
                    TableCell::text(score.and_then(|x| x.band).map_or("", band_label)),
                    TableCell::text(
                        r.published_as
                            .as_ref()
                            .map_or_else(String::new, |p| format!("{} (URN {})", p.name, p.urn)),
                    ),
                    TableCell::text(r.source.clone()),
                ]);
            }
        }
    }
    DataTable {
        caption: format!(
            "{}: every school's score with its pupils (progress score; 0 is the national average of all pupils)",
            model.title
        ),
        columns: vec![
            col("School", false),
            col("On the chart as", false),
            col("Subject", false),
            col("Year", true),
            col("Progress score", true),
            col("KS2 pupils", true),
            col("DfE band", false),
            col("Published for (predecessor)", false),
            col("Source", false),
        ],
        rows,
    }
}

/// The facts of every school on the chart.
pub fn facts(model: &TrendChart, dataset: &Dataset) -> DataTable {
    let list = schools(model, dataset);
    let heading = |m: FactMeasure| {
        let f = list.iter().find_map(|(s, _)| s.fact(m));
        match f {
            Some(f) if f.year_inferred => format!(
                "{}, January {} (year inferred){}",
                m.label(),
                f.year,
                if m.is_percent() { ", %" } else { "" }
            ),
            Some(f) => format!(
                "{}, January {}{}",
                m.label(),
                f.year,
                if m.is_percent() { ", %" } else { "" }
            ),
            None => m.label().to_string(),
        }
    };
    let measures = [
        FactMeasure::PupilsOnRoll,
        FactMeasure::FsmEverSixPercent,
        FactMeasure::FsmPercent,
    ];
    let mut columns = vec![
        col("School", false),
        col("On the chart as", false),
        col("Type", false),
    ];
    columns.extend(measures.iter().map(|m| col(&heading(*m), true)));
    columns.push(col("Figures for (another URN)", false));
    let rows = list
        .iter()
        .map(|(s, what)| {
            let mut row = vec![
                TableCell::text(s.name.clone()),
                TableCell::text(*what),
                TableCell::text(match (&s.school_type, s.kind) {
                    (Some(t), crate::model::SchoolKind::Special)
                        if !t.name.to_lowercase().contains("special") =>
                    {
                        format!("{} (special)", t.name)
                    }
                    (Some(t), _) => t.name.clone(),
                    (None, crate::model::SchoolKind::Special) => "Special school".into(),
                    (None, _) => "not published".into(),
                }),
            ];
            let mut other = Vec::new();
            for m in measures {
                row.push(match s.fact(m) {
                    Some(f) => {
                        if let Some(p) = &f.published_as {
                            other.push(format!("{}: {} (URN {})", m.label(), p.name, p.urn));
                        }
                        let places = if m.is_percent() { 1 } else { 0 };
                        TableCell {
                            text: if m.is_percent() {
                                crate::format::percent_at(f.value, places)
                            } else {
                                crate::format::count(f.value as u64)
                            },
                            number: Some(f.value),
                            places: Some(places),
                        }
                    }
                    None => TableCell::text("not published"),
                });
            }
            row.push(TableCell::text(other.join("; ")));
            row
        })
        .collect();
    DataTable {
        caption: "The schools on the chart: type, pupils on roll and free-school-meal eligibility (school census)".into(),
        columns,
        rows,
    }
}
