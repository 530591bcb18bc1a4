//! The progress chart in plain words: each area against the national average, then the
//! spread of the chosen schools in each subject (by DfE's bands where every score has one).

use super::model::{ProgressChart, ProgressRow, RowKind};
use crate::format::{self, join_words};
use crate::model::Subject;
use crate::provenance::Cell;

/// DfE's band of a row's score in a subject (1 well above … 5 well below), where published.
fn band_of(row: &ProgressRow, subject: Subject) -> Option<u8> {
    let i = Subject::ALL.iter().position(|s| *s == subject)?;
    match row.cells.get(i)? {
        Cell::Value { score, .. } => score.band,
        Cell::NotPublished(_) => None,
    }
}

/// How many schools were above average: by DfE's bands (which allow for chance) where every
/// score has one, else only how many scored above 0, said as such.
fn above_words(many: &[&ProgressRow], subject: Subject) -> String {
    let scored: Vec<&&ProgressRow> = many
        .iter()
        .filter(|r| value_of(r, subject).is_some())
        .collect();
    let n = scored.len();
    let above_zero = scored
        .iter()
        .filter(|r| value_of(r, subject).is_some_and(|v| v > 0.0))
        .count();
    let bands: Vec<u8> = scored.iter().filter_map(|r| band_of(r, subject)).collect();
    if bands.len() == n && n > 0 {
        let above = bands.iter().filter(|b| **b <= 2).count();
        let below = bands.iter().filter(|b| **b >= 4).count();
        format!(
            "DfE's band, which allows for chance, was above average (or well above) for {above} of {n} schools and below average (or well below) for {below}; {above_zero} scored above the national average (0)"
        )
    } else {
        format!(
            "{above_zero} of {n} schools scored above the national average (0) (DfE's bands, which allow for chance, are not in the data for {})",
            if bands.is_empty() { "these scores" } else { "every score" }
        )
    }
}

fn value_of(row: &ProgressRow, subject: Subject) -> Option<f64> {
    let i = Subject::ALL.iter().position(|s| *s == subject)?;
    row.cells.get(i).and_then(Cell::value)
}

/// Scores against 0, the national average of pupils in state-funded mainstream schools,
/// grouped by side: "below the national average (0) in all three subjects: reading (−0.91),
/// writing (−0.42) and maths (−0.65)"; "at the national average (0) in reading (0.0), and
/// above it in writing (+0.2) and maths (+0.4)".
fn against_average(scored: &[(Subject, f64, String)]) -> String {
    let side = |v: f64| {
        if v.abs() < 0.005 {
            "at"
        } else if v > 0.0 {
            "above"
        } else {
            "below"
        }
    };
    let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
    for (s, v, text) in scored {
        let item = format!("{} ({text})", s.label().to_lowercase());
        match groups.iter_mut().find(|(k, _)| *k == side(*v)) {
            Some((_, items)) => items.push(item),
            None => groups.push((side(*v), vec![item])),
        }
    }
    let parts: Vec<String> = groups
        .iter()
        .enumerate()
        .map(|(i, (k, items))| {
            let whom = if i == 0 {
                "the national average (0)"
            } else {
                "it"
            };
            let scope = if items.len() == 3 {
                "in all three subjects: "
            } else {
                "in "
            };
            format!("{k} {whom} {scope}{}", join_words(items))
        })
        .collect();
    parts.join(", and ")
}

/// Sentences on the KS2 progress chart: each area against England, then the spread of the
/// chosen schools in each subject.
pub fn summary(model: &ProgressChart) -> Vec<String> {
    let mut out = Vec::new();
    for row in model
        .rows
        .iter()
        // The home area (the region is in the chart and its table: the summary stays short).
        .filter(|r| r.kind == RowKind::Area)
    {
        let scored: Vec<(Subject, f64, String)> = model
            .subjects
            .iter()
            .filter_map(|s| {
                let i = Subject::ALL.iter().position(|x| x == s)?;
                let cell = row.cells.get(i)?;
                cell.value().map(|v| (*s, v, cell.text()))
            })
            .collect();
        if scored.is_empty() {
            continue;
        }
        let year = row.year.map(|y| format!("In {y} ")).unwrap_or_default();
        out.push(format!(
            "{year}{} KS2 progress was {}.",
            format::possessive(&row.label),
            against_average(&scored)
        ));
    }

    let all_schools: Vec<&ProgressRow> = model
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::School)
        .collect();
    // The schools with a figure are the ones to describe: a cohort of one school with
    // results and one without (an infant school) gets that one school's figures.
    let with: Vec<&ProgressRow> = all_schools
        .iter()
        .copied()
        .filter(|r| model.subjects.iter().any(|s| value_of(r, *s).is_some()))
        .collect();
    let schools = if with.is_empty() { all_schools } else { with };
    let year = model.year.map(|y| format!("In {y}, ")).unwrap_or_default();
    match schools.as_slice() {
        [] => {}
        [one] => {
            let parts: Vec<String> = model
                .subjects
                .iter()
                .filter_map(|s| {
                    value_of(one, *s)
                        .map(|v| format!("{} in {}", format::progress(v), s.label().to_lowercase()))
                })
                .collect();
            if parts.is_empty() {
                out.push(format!(
                    "{} has no published KS2 progress scores.",
                    one.label
                ));
            } else {
                out.push(format!(
                    "{year}{}'s progress was {}.",
                    one.label,
                    join_words(&parts)
                ));
            }
        }
        many if model.subjects.len() > 1 => {
            out.push(format!("{year}{}.", across_subjects(many, &model.subjects)));
        }
        many => {
            for subject in &model.subjects {
                let mut scored: Vec<(&str, f64)> = many
                    .iter()
                    .filter_map(|r| value_of(r, *subject).map(|v| (r.label.as_str(), v)))
                    .collect();
                if scored.len() < 2 {
                    continue;
                }
                crate::order::sort_by(&mut scored, |a, b| a.1.total_cmp(&b.1));
                let (low, high) = (scored[0], scored[scored.len() - 1]);
                out.push(format!(
                    "{year}{} progress ranged from {} {} to {} {}; {}.",
                    subject.label().to_lowercase(),
                    format::progress(low.1),
                    format::bracketed(low.0),
                    format::progress(high.1),
                    format::bracketed(high.0),
                    above_words(many, *subject)
                ));
            }
        }
    }
    out
}

/// The finding: how many of the chosen schools scored above the national average (0) in
/// each subject, in the schools' year.
pub fn finding(model: &ProgressChart) -> Option<String> {
    let schools: Vec<&ProgressRow> = model
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::School)
        .collect();
    let counts: Vec<(usize, usize, String)> = model
        .subjects
        .iter()
        .map(|s| {
            let scored: Vec<f64> = schools.iter().filter_map(|r| value_of(r, *s)).collect();
            let above = scored.iter().filter(|v| **v > 0.0).count();
            (above, scored.len(), s.label().to_lowercase())
        })
        .filter(|c| c.1 > 0)
        .collect();
    let (_, n, _) = counts.first()?;
    let year = model.year.map(|y| format!("In {y}, ")).unwrap_or_default();
    let same = counts.iter().all(|c| c.1 == *n);
    let parts: Vec<String> = counts
        .iter()
        .enumerate()
        .map(|(i, (a, k, s))| match (i, same) {
            (0, _) | (_, false) => format!("{a} of {k} in {s}"),
            _ => format!("{a} in {s}"),
        })
        .collect();
    Some(format!(
        "{year}schools above the national average (0): {}.",
        join_words(&parts)
    ))
}

/// Every subject in one sentence: how many schools were above and below average by DfE's
/// bands where every score has one, else how many scored above 0.
fn across_subjects(many: &[&ProgressRow], subjects: &[Subject]) -> String {
    let counted: Vec<(usize, usize, usize, bool, String)> = subjects
        .iter()
        .map(|s| {
            let scored: Vec<&&ProgressRow> =
                many.iter().filter(|r| value_of(r, *s).is_some()).collect();
            let bands: Vec<u8> = scored.iter().filter_map(|r| band_of(r, *s)).collect();
            let banded = !scored.is_empty() && bands.len() == scored.len();
            let (above, below) = if banded {
                (
                    bands.iter().filter(|b| **b <= 2).count(),
                    bands.iter().filter(|b| **b >= 4).count(),
                )
            } else {
                (
                    scored
                        .iter()
                        .filter(|r| value_of(r, *s).is_some_and(|v| v > 0.0))
                        .count(),
                    scored
                        .iter()
                        .filter(|r| value_of(r, *s).is_some_and(|v| v < 0.0))
                        .count(),
                )
            };
            (above, below, scored.len(), banded, s.label().to_lowercase())
        })
        .collect();
    let n = counted.iter().map(|c| c.2).max().unwrap_or(0);
    let above: Vec<String> = counted
        .iter()
        .map(|(a, _, k, _, s)| {
            if *k == n {
                format!("{a} in {s}")
            } else {
                format!("{a} of {k} in {s}")
            }
        })
        .collect();
    let below: Vec<String> = counted.iter().map(|c| c.1.to_string()).collect();
    if counted.iter().all(|c| c.3) {
        format!(
            "of the {n} schools with scores, DfE's band, which allows for chance, was above average (or well above) for {} and below average (or well below) for {}",
            join_words(&above),
            join_words(&below)
        )
    } else {
        format!(
            "of the {n} schools with scores, {} scored above the national average (0) and {} below it",
            join_words(&above),
            join_words(&below)
        )
    }
}
