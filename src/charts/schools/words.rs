//! Sentences on the schools over time, written from the model and the data: the summary a
//! reader (or a screen reader) gets first, and the notes that say how each figure was made.

use std::collections::BTreeMap;

use super::comparison::Group;
use super::weighted_mean;
use crate::charts::timeline::{Role, TrendChart, TrendLine, TrendPanel};
use crate::dataset::Dataset;
use crate::format::join_words;
use crate::model::{School, Subject};

/// A published figure: year, value, decimal places.
type At = (u16, f64, u8);

fn first_last(line: &TrendLine) -> Option<(At, At)> {
    let mut with = line
        .points
        .iter()
        .filter_map(|p| p.value.map(|v| (p.year, v, p.decimals)));
    let a = with.next()?;
    let b = with.next_back().unwrap_or(a);
    Some((a, b))
}

/// The summary: per subject, how each school moved from its first year to its last, and
/// where the cohort mean and the like-for-like group stood in the latest year.
pub fn summary(model: &TrendChart) -> Vec<String> {
    let schools = model.panels.first().map_or(0, |p| {
        p.lines
            .iter()
            .filter(|l| matches!(l.role, Role::School(_)))
            .count()
    });
    // More than a couple of schools: counted, not named (each is in the table), so the
    // summary stays short.
    if schools > 2 {
        return counted(model);
    }
    // Not the title: the page and downloads show it above the summary already.
    let mut out = Vec::new();
    for panel in &model.panels {
        let mut parts = Vec::new();
        for l in panel
            .lines
            .iter()
            .filter(|l| matches!(l.role, Role::School(_)))
        {
            let Some(((ya, va, da), (yb, vb, db))) = first_last(l) else {
                parts.push(format!("{}: not published", l.name));
                continue;
            };
            let (ta, tb) = (model.format(va, da), model.format(vb, db));
            parts.push(if ya == yb {
                format!("{} {tb} in {yb} only", l.name)
            } else if (vb - va).abs() < 1e-9 {
                format!("{} stayed at {tb} ({ya} to {yb})", l.name)
            } else {
                let verb = if vb > va { "rose" } else { "fell" };
                format!("{} {verb} from {ta} in {ya} to {tb} in {yb}", l.name)
            });
        }
        if !parts.is_empty() {
            out.push(format!("{}: {}.", panel.heading, parts.join("; ")));
        }
        if let Some(s) = latest_comparison(model, panel) {
            out.push(s);
        }
    }
    out
}

/// Each school's move from its first year with a score to its latest, in a panel (schools
/// with one year left out).
fn school_moves(panel: &crate::charts::timeline::TrendPanel) -> Vec<f64> {
    panel
        .lines
        .iter()
        .filter(|l| matches!(l.role, Role::School(_)))
        .filter_map(first_last)
        .filter(|(a, b)| a.0 != b.0)
        .map(|(a, b)| b.1 - a.1)
        .collect()
}

/// The summary of many schools: how many rose from their first year to their latest in each
/// subject, then the mean, the like-for-like median and the home area in the latest year of
/// the mean, subject by subject.
fn counted(model: &TrendChart) -> Vec<String> {
    let mut out = Vec::new();
    let mut rose = Vec::new();
    let mut n = 0;
    for panel in &model.panels {
        let moves = school_moves(panel);
        n = n.max(moves.len());
        rose.push(format!(
            "{} in {}",
            moves.iter().filter(|d| **d > 0.0).count(),
            panel.heading.to_lowercase()
        ));
    }
    if n > 0 {
        out.push(format!(
            "Of {n} schools with scores in more than one year, {} rose from their first year to their latest.",
            join_words(&rose)
        ));
    }
    let year = model.panels.first().and_then(|p| {
        let mean = p.lines.iter().find(|l| l.role == Role::Derived)?;
        mean.points
            .iter()
            .rev()
            .find(|q| q.value.is_some())
            .map(|q| q.year)
    });
    if let Some(y) = year {
        let series = |pick: &dyn Fn(&TrendPanel) -> Option<String>| -> Option<String> {
            let v: Vec<String> = model.panels.iter().filter_map(pick).collect();
            (v.len() == model.panels.len()).then(|| join_words(&v))
        };
        let mut bits = Vec::new();
        if let Some(v) = series(&|p| {
            let l = p.lines.iter().find(|l| l.role == Role::Derived)?;
            model.figure(l, y)
        }) {
            bits.push(format!("the schools' average, weighted by pupils, {v}"));
        }
        if let Some(v) = series(&|p| {
            let b = p.band.iter().find(|b| b.year == y)?;
            Some(model.format(b.median, b.decimals))
        }) {
            bits.push(format!(
                "the {} median {v}",
                model.band_short.to_lowercase()
            ));
        }
        if let Some(v) = series(&|p| model.figure(p.home()?, y)) {
            bits.push(format!("{} {v}", model.home));
        }
        let subjects: Vec<String> = model
            .panels
            .iter()
            .map(|p| p.heading.to_lowercase())
            .collect();
        if !bits.is_empty() {
            out.push(format!(
                "In {y} ({}): {}.",
                join_words(&subjects),
                bits.join("; ")
            ));
        }
    }
    out
}

/// The latest year with a cohort mean or a group median, beside the home area.
fn latest_comparison(model: &TrendChart, panel: &TrendPanel) -> Option<String> {
    let mean = panel.lines.iter().find(|l| l.role == Role::Derived);
    let home = panel.lines.iter().find(|l| l.role == Role::Home);
    let year = mean
        .and_then(|m| {
            m.points
                .iter()
                .rev()
                .find(|p| p.value.is_some())
                .map(|p| p.year)
        })
        .or_else(|| panel.band.last().map(|b| b.year))?;
    let mut bits = Vec::new();
    if let Some(v) = mean
        .and_then(|m| m.at(year))
        .and_then(|p| p.value.map(|v| (v, p.decimals)))
    {
        bits.push(format!(
            "the schools' average, weighted by pupils, was {}",
            model.format(v.0, v.1)
        ));
    }
    if let Some(b) = panel.band.iter().find(|b| b.year == year) {
        bits.push(format!(
            "the like-for-like schools' median {}",
            model.format(b.median, b.decimals)
        ));
    }
    if let Some(p) = home
        .and_then(|h| h.at(year))
        .and_then(|p| p.value.map(|v| (v, p.decimals)))
    {
        bits.push(format!(
            "{} {}",
            home.map_or("", |h| h.name.as_str()),
            model.format(p.0, p.1)
        ));
    }
    (!bits.is_empty()).then(|| format!("{} {year}: {}.", panel.heading, join_words(&bits)))
}

/// The notes: how the comparison group was chosen, how the mean was made and where it could
/// not be, figures published for predecessors, and school and area figures that disagree.
pub fn notes(
    dataset: &Dataset,
    members: &[&School],
    group: &Group<'_>,
    panels: &[TrendPanel],
    years: (u16, u16),
    home: &str,
) -> Vec<String> {
    let mut out = Vec::new();
    if members.is_empty() {
        out.push("No school of this choice has KS2 results.".into());
        return out;
    }
    if members.len() > 1 {
        let mut missing: Vec<u16> = Vec::new();
        for y in years.0..=years.1 {
            let scored = members.iter().any(|s| s.ks2.iter().any(|r| r.year == y));
            if scored
                && Subject::ALL
                    .iter()
                    .all(|x| weighted_mean(members, *x, y).is_none())
            {
                missing.push(y);
            }
        }
        let mut t = "Cohort mean (derived, not a DfE figure): the schools' progress scores weighted by the pupils in each school's KS2 cohort, in years where every school with a score has a published pupil count.".to_string();
        if !missing.is_empty() {
            let ys: Vec<String> = missing.iter().map(ToString::to_string).collect();
            t.push_str(&format!(
                " Not computed for {}: pupil counts are not published in {} file.",
                join_words(&ys),
                if ys.len() == 1 {
                    "that year's"
                } else {
                    "those years'"
                }
            ));
        }
        out.push(t);
    }
    out.push(group.rule.clone());
    // Figures published for another school.
    for s in members {
        let mut by: BTreeMap<(u32, String), Vec<String>> = BTreeMap::new();
        for r in &s.ks2 {
            if let Some(p) = &r.published_as {
                by.entry((p.urn, p.name.clone()))
                    .or_default()
                    .push(r.year.to_string());
            }
        }
        for ((urn, name), ys) in by {
            out.push(format!(
                "{}: the {} figures were published for the predecessor school, {name} (URN {urn}); drawn as hollow markers.",
                s.name,
                join_words(&ys)
            ));
        }
    }
    out.push("Each score is given with the pupils in the school's KS2 cohort: the fewer the pupils, the more a score moves by chance from year to year, so DfE advises caution with small cohorts.".into());
    if panels.iter().flat_map(|p| p.lines.iter()).any(|l| {
        l.points
            .iter()
            .any(|p| p.detail.as_deref().is_some_and(|d| d.contains("DfE band")))
    }) {
        out.push("DfE's bands (well above average to well below average) take each score's confidence interval into account; they are given where published.".into());
    }
    out.extend(area_mismatch(dataset, panels, years, home));
    out.push("A progress score compares pupils' KS2 results with those of pupils nationally who had similar KS1 results: 0 is the national average of all pupils.".into());
    out
}

/// Where the pupil-weighted mean of every school the dataset holds in the home area differs
/// from DfE's published area figure by more than rounding, in a year shown: the 2016 school
/// files do not add up to the published 2016 figures.
fn area_mismatch(
    dataset: &Dataset,
    panels: &[TrendPanel],
    years: (u16, u16),
    home: &str,
) -> Vec<String> {
    let raw = dataset.raw();
    if raw.area_schools.is_empty() {
        return Vec::new();
    }
    let all: Vec<&School> = raw.schools.iter().chain(&raw.area_schools).collect();
    let mut out = Vec::new();
    for y in years.0..=years.1 {
        let mut ours = Vec::new();
        let mut theirs = Vec::new();
        let mut worst: f64 = 0.0;
        let mut n = 0;
        for p in panels {
            let Some(subject) = Subject::ALL.into_iter().find(|s| p.heading == s.label()) else {
                continue;
            };
            let Some(area) = p
                .lines
                .iter()
                .find(|l| l.role == Role::Home)
                .and_then(|l| l.at(y))
                .and_then(|pt| pt.value.map(|v| (v, pt.decimals)))
            else {
                continue;
            };
            let Some((mean, count)) = weighted_mean(&all, subject, y) else {
                continue;
            };
            n = count;
            let d = (mean - area.0).abs();
            // Beyond what the area figure's rounding explains.
            let rounding = 0.5 * 10f64.powi(-i32::from(area.1));
            if d > rounding + 0.05 {
                worst = worst.max(d);
            }
            ours.push(format!(
                "{} {}",
                p.heading.to_lowercase(),
                crate::format::progress_at(mean, 2)
            ));
            theirs.push(crate::format::progress_at(area.0, area.1));
        }
        if worst > 0.0 {
            out.push(format!(
                "In {y}, the {home} schools' published scores, weighted by pupils over the {n} schools in this dataset, come to {} against DfE's published {home} figures of {}: {} apart at most, more than rounding explains. Compare {y} school and area figures with care.",
                join_words(&ours),
                theirs.join(" / "),
                crate::format::progress_at(worst, 2).trim_start_matches('+')
            ));
        }
    }
    out
}

/// The schools' average progress, weighted by their pupils, against the home area's in the
/// latest year both have figures (the year said, and why where the chart goes on past it),
/// every figure at one precision: "In 2018 (the latest with pupil counts), the average
/// progress of the named schools, weighted by pupils, was −0.9, +0.4, −0.9 in reading,
/// writing and maths, against Stoke-on-Trent's −0.5, −0.1, −0.4." `whose` names the schools.
pub fn average_against_home(model: &TrendChart, whose: &str) -> Option<String> {
    fn derived(p: &TrendPanel) -> Option<&crate::charts::timeline::TrendLine> {
        p.lines.iter().find(|l| l.role == Role::Derived)
    }
    let first = model.panels.first()?;
    let mean = derived(first)?;
    let home = first.home()?;
    let year = mean
        .points
        .iter()
        .rev()
        .find(|p| p.value.is_some() && home.value(p.year).is_some())
        .map(|p| p.year)?;
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for panel in &model.panels {
        let m = derived(panel)?;
        let (m, h) = (m.at(year)?, panel.home()?.at(year)?);
        ours.push((m.value?, m.decimals));
        theirs.push((h.value?, h.decimals));
    }
    let n = ours.len();
    let text = model.at_one_precision(&[ours, theirs].concat());
    let latest = first
        .lines
        .iter()
        .filter(|l| matches!(l.role, Role::School(_)))
        .flat_map(|l| {
            l.points
                .iter()
                .filter(|p| p.value.is_some())
                .map(|p| p.year)
        })
        .max();
    let why = if latest > Some(year) {
        " (the latest with pupil counts)"
    } else {
        ""
    };
    Some(format!(
        "In {year}{why}, the average progress of {whose}, weighted by pupils, was {} in {}, against {} {}.",
        text[..n].join(", "),
        model.subjects(),
        crate::format::possessive(&model.home),
        text[n..].join(", ")
    ))
}

/// The finding: the schools' average weighted by pupils against the home area in the latest year
/// both have figures, subject by subject; where no mean can be made, how many schools rose
/// from their first year to their last.
pub fn finding(model: &TrendChart) -> Option<String> {
    let first = model.panels.first()?;
    if first.home().is_some() && first.lines.iter().any(|l| l.role == Role::Derived) {
        return average_against_home(model, "the schools");
    }
    let moves = school_moves(first);
    let rose = moves.iter().filter(|d| **d > 0.0).count();
    let subject = first.heading.to_lowercase();
    match moves.as_slice() {
        [] => None,
        [d] => Some(format!(
            "From its first year with a score to its latest, the school's {subject} progress {}.",
            crate::charts::timeline::reading::verb(0.0, *d)
        )),
        _ => Some(format!(
            "From their first year with a score to their latest, {rose} of {} schools' {subject} progress rose.",
            moves.len()
        )),
    }
}
