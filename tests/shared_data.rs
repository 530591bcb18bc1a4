//! Re-derives the dataset's DfE and Ofsted figures from the public files in ../shared/data,
//! so every figure taken from them can be checked again: England's primary judgement counts,
//! and each named school's KS2 2019 progress and latest inspection.
//!
//! The files are read where they are, never copied into the project. Where the folder is
//! absent each test says it skipped and passes.

#![allow(clippy::panic)] // helpers of a test binary: a panic is the test failing

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use cohort_dashboard::dataset::Dataset;
use cohort_dashboard::import::excel_date;
use cohort_dashboard::model::{Judgement, JudgementCounts, Subject};

fn data_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: {} not found (the real DfE/Ofsted files live there)",
            dir.display()
        );
        None
    }
}

fn bundled() -> Dataset {
    let text = include_str!("../public/data/dataset.json");
    match Dataset::from_json(text) {
        Ok(ds) => ds,
        Err(e) => panic!("bundled dataset invalid: {e}"),
    }
}

/// Reads a CSV into rows keyed by header name (a BOM on the first header is dropped).
fn read_csv(path: &Path) -> Vec<HashMap<String, String>> {
    let mut reader = match csv::Reader::from_path(path) {
        Ok(r) => r,
        Err(e) => panic!("{}: {e}", path.display()),
    };
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h
            .iter()
            .map(|s| s.trim_start_matches('\u{feff}').to_string())
            .collect(),
        Err(e) => panic!("{}: {e}", path.display()),
    };
    reader
        .records()
        .enumerate()
        .map(|(i, r)| match r {
            Ok(rec) => headers
                .iter()
                .cloned()
                .zip(rec.iter().map(str::to_string))
                .collect(),
            Err(e) => panic!("{}:{}: {e}", path.display(), i + 2),
        })
        .collect()
}

fn judgement(code: &str) -> Option<Judgement> {
    match code.trim() {
        "1" => Some(Judgement::Outstanding),
        "2" => Some(Judgement::Good),
        "3" => Some(Judgement::RequiresImprovement),
        "4" => Some(Judgement::Inadequate),
        _ => None,
    }
}

#[test]
fn excel_serial_days_convert_as_the_data_readme_says() {
    assert_eq!(excel_date(42803), "2017-03-09");
    assert_eq!(excel_date(42088), "2015-03-25");
}

#[test]
fn england_primary_judgements_match_the_ofsted_file() {
    let Some(dir) = data_dir() else { return };
    let mut counts = JudgementCounts::default();
    for row in read_csv(&dir.join("ofsted_latest_inspections_2018-07-31.csv")) {
        if row.get("Ofsted phase").map(String::as_str) == Some("Primary") {
            if let Some(j) = row.get("Overall effectiveness").and_then(|c| judgement(c)) {
                counts.add(j);
            }
        }
    }
    eprintln!(
        "England primaries at 31 July 2018: {counts:?}, n = {}",
        counts.total()
    );
    let ds = bundled();
    let shipped = ds
        .raw()
        .ofsted_distributions
        .iter()
        .find(|d| d.id == "england-primary-2018")
        .map(|d| d.counts);
    assert_eq!(shipped, Some(counts));
}

#[test]
fn named_schools_ks2_2019_progress_matches_the_dfe_file() {
    let Some(dir) = data_dir() else { return };
    let rows: HashMap<String, HashMap<String, String>> =
        read_csv(&dir.join("england_ks2_2019_schools.csv"))
            .into_iter()
            .filter_map(|r| Some((r.get("URN")?.clone(), r)))
            .collect();
    let ds = bundled();
    let mut checked = 0;
    for school in &ds.raw().schools {
        let file = rows.get(&school.urn.to_string());
        let ours = school.ks2.iter().find(|r| r.year == 2019);
        match (file, ours) {
            (Some(row), Some(result)) => {
                for (subject, column) in [
                    (Subject::Reading, "READPROG"),
                    (Subject::Writing, "WRITPROG"),
                    (Subject::Maths, "MATPROG"),
                ] {
                    let published: Option<f64> = row.get(column).and_then(|v| v.parse().ok());
                    let shipped = result.score(subject).map(|s| s.value);
                    assert_eq!(shipped, published, "{} {column}", school.name);
                }
                checked += 1;
            }
            (None, None) => {} // an infant school: no KS2 row, and none shipped
            (file, ours) => panic!(
                "{} ({}): in DfE file {}, in dataset {}",
                school.name,
                school.urn,
                file.is_some(),
                ours.is_some()
            ),
        }
    }
    assert_eq!(
        checked, 6,
        "six of the seven named schools have KS2 results"
    );
}

#[test]
fn named_schools_inspections_match_the_ofsted_file() {
    let Some(dir) = data_dir() else { return };
    let rows: HashMap<String, HashMap<String, String>> =
        read_csv(&dir.join("ofsted_latest_inspections_2018-07-31.csv"))
            .into_iter()
            .filter_map(|r| Some((r.get("URN")?.clone(), r)))
            .collect();
    let ds = bundled();
    for school in &ds.raw().schools {
        let Some(row) = rows.get(&school.urn.to_string()) else {
            panic!("{} ({}) is not in the Ofsted file", school.name, school.urn)
        };
        let date = row
            .get("Inspection date")
            .and_then(|d| d.parse::<i64>().ok())
            .map(excel_date);
        let published = row.get("Overall effectiveness").and_then(|c| judgement(c));
        let shipped = school
            .ofsted
            .iter()
            .find(|i| i.source == "ofsted-mi-2018-07");
        assert_eq!(
            shipped.map(|i| i.date.clone()),
            date,
            "{} date",
            school.name
        );
        assert_eq!(
            shipped.map(|i| i.judgement),
            published,
            "{} judgement",
            school.name
        );
    }
}
