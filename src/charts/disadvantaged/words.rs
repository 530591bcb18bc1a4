//! The disadvantaged pupils' chart in plain words: the home area's disadvantaged pupils
//! against England's, subject by subject, then free-school-meal shares with their January (or
//! the source's want of a year).

use super::model::DisadvantageChart;
use crate::format::{self, join_words};
use crate::model::Subject;

/// Sentences on the disadvantaged-pupils chart: the gap in each subject, then FSM shares.
pub fn summary(model: &DisadvantageChart) -> Vec<String> {
    let mut out = Vec::new();
    let gaps: Vec<(Subject, String, String, f64)> = model
        .rows
        .iter()
        .filter_map(|r| {
            let (l, e) = (r.local.as_ref()?, r.england.as_ref()?);
            let gap = l.value()? - e.value()?;
            Some((r.subject, l.text(), e.text(), gap))
        })
        .collect();
    if !gaps.is_empty() {
        let all_above = gaps.iter().all(|g| g.3 > 0.0);
        let all_below = gaps.iter().all(|g| g.3 < 0.0);
        let scope = if gaps.len() == 3 {
            "in all three subjects"
        } else {
            "in every subject shown"
        };
        let verdict = if all_above {
            format!("made more progress than England's disadvantaged pupils {scope}")
        } else if all_below {
            format!("made less progress than England's disadvantaged pupils {scope}")
        } else {
            "compared with England's disadvantaged pupils as follows".to_string()
        };
        let parts: Vec<String> = gaps
            .iter()
            .map(|(s, local, england, _)| {
                format!("{} {local} against {england}", s.label().to_lowercase())
            })
            .collect();
        let year = model.year.map(|y| format!("In {y}, ")).unwrap_or_default();
        let by = by(model);
        out.push(format!(
            "{year}{by}{}'s disadvantaged pupils {verdict}: {}.",
            model.local_name,
            join_words(&parts)
        ));
    }
    let local = model.fsm.iter().find(|b| b.area != crate::dataset::ENGLAND);
    let england = model.fsm.iter().find(|b| b.area == crate::dataset::ENGLAND);
    let pct = |b: &crate::charts::disadvantaged::FsmBar| {
        b.decimals.map_or_else(
            || format::percent(b.percent),
            |d| format::percent_at(b.percent, d),
        )
    };
    match (local, england) {
        (Some(l), Some(e)) => out.push(match l.year.zip(e.year) {
            Some((y, _)) => format!(
                "In January {y}, {} of {}'s primary pupils were eligible for free school meals, against {} in England.",
                pct(l),
                l.label,
                pct(e)
            ),
            None => format!(
                "The source gives {} of {}'s primary pupils as eligible for free school meals, against {} in England, with no year.",
                pct(l),
                l.label,
                pct(e)
            ),
        }),
        (Some(b), None) | (None, Some(b)) => out.push(match b.year {
            Some(y) => format!(
                "In January {y}, {} of {}'s primary pupils were eligible for free school meals.",
                pct(b),
                b.label
            ),
            None => format!(
                "The source gives {} of {}'s primary pupils as eligible for free school meals, with no year.",
                pct(b),
                b.label
            ),
        }),
        (None, None) => {}
    }
    out
}

/// Who gives the figures, where they are not a published series' ("by the figures of
/// University of Worcester, School of Education (the yearly series has none for 2016), "),
/// else nothing.
fn by(model: &DisadvantageChart) -> String {
    model.figures_by.as_ref().map_or_else(String::new, |b| {
        let year = model
            .year
            .map_or_else(|| "that year".to_string(), |y| y.to_string());
        format!("by the figures of {b} (the yearly series has none for {year}), ")
    })
}

/// The finding: the home area's disadvantaged pupils against England's, subject by subject,
/// with both figures in each subject at one precision, and who gives them where they are
/// not a published series'.
pub fn finding(model: &DisadvantageChart) -> Option<String> {
    // The free-school-meal panel alone (a slide of its own): its sentence.
    if model.rows.is_empty() {
        return summary(model).into_iter().next();
    }
    let (mut more, mut less) = (Vec::new(), Vec::new());
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for r in &model.rows {
        let (l, e) = (r.local.as_ref()?, r.england.as_ref()?);
        let (lv, ev) = (l.value()?, e.value()?);
        ours.push((lv, decimals(l)));
        theirs.push((ev, decimals(e)));
        let subject = r.subject.label().to_lowercase();
        if lv > ev {
            more.push(subject);
        } else {
            less.push(subject);
        }
    }
    let n = model.rows.len();
    let scope = |list: &[String]| {
        if list.len() == n && n == 3 {
            "all three subjects".to_string()
        } else {
            join_words(list)
        }
    };
    let how = match (more.is_empty(), less.is_empty()) {
        (true, true) => return None,
        (false, true) => format!("more progress than England's in {}", scope(&more)),
        (true, false) => format!("less progress than England's in {}", scope(&less)),
        _ => format!(
            "more progress than England's in {} and less in {}",
            scope(&more),
            scope(&less)
        ),
    };
    let d = ours.iter().chain(&theirs).map(|f| f.1).min().unwrap_or(1);
    let write = |v: &[(f64, u8)]| -> String {
        v.iter()
            .map(|f| format::progress_at(f.0, d))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let subjects: Vec<String> = model
        .rows
        .iter()
        .map(|r| r.subject.label().to_lowercase())
        .collect();
    let year = model.year.map(|y| format!("In {y}, ")).unwrap_or_default();
    let by = by(model);
    let lead = if year.is_empty() && !by.is_empty() {
        let mut c = by.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    } else {
        format!("{year}{by}")
    };
    Some(format!(
        "{lead}{} disadvantaged pupils made {how} ({} against {} in {}).",
        format::possessive(&model.local_name),
        write(&ours),
        write(&theirs),
        join_words(&subjects)
    ))
}

/// The places a cell's figure is written with (one where the source does not say).
fn decimals(c: &crate::provenance::Cell) -> u8 {
    match c {
        crate::provenance::Cell::Value { decimals, .. } => decimals.unwrap_or(1),
        crate::provenance::Cell::NotPublished(_) => 1,
    }
}
