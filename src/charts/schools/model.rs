//! The schools over time: each school of a cohort, year by year, per subject, against the
//! home area and England, with the cohort's pupil-weighted mean (derived) and a like-for-like
//! group of the home area's other schools. The model is a [`TrendChart`] of kind
//! [`TrendKind::Schools`], so it is drawn, read by keys and tabulated as the area charts are;
//! words are [`words`], the comparison group [`comparison`].

use std::collections::BTreeSet;

use super::{comparison, words};
use crate::breaks::Measure;
use crate::charts::timeline::{
    band_of, line, Role, TrendChart, TrendKind, TrendLine, TrendPanel, TrendPoint,
};
use crate::dataset::Dataset;
use crate::model::{AreaMeasure, PublishedAs, PupilGroup, School, Subject};
use crate::provenance::{LegendEntry, Sources};
use crate::selection::{CohortChoice, Selection};

/// Series id of the cohort's pupil-weighted mean.
pub const COHORT_MEAN: &str = "cohort-mean";
/// Series id of the like-for-like group (band, median and points).
pub const LIKE_FOR_LIKE: &str = "like-for-like";

/// Above this many schools a chart of a line each is unreadable: only the cohort mean and
/// the comparison are drawn, and the table lists every school.
pub const MAX_LINES: usize = 8;

/// Series id of one school's line.
pub fn series_of(urn: u32) -> String {
    format!("urn-{urn}")
}

/// The school drawn in colour where two or more school lines are drawn (the others muted):
/// the reader's choice, where it is one of them, else the first with figures.
fn focus(members: &[&School], sel: &Selection) -> Option<u8> {
    if members.len() > MAX_LINES {
        return None;
    }
    let drawn: Vec<(usize, String)> = members
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.ks2.is_empty())
        .map(|(i, s)| (i, series_of(s.urn)))
        .filter(|(_, id)| sel.shows(id))
        .collect();
    if drawn.len() < 2 {
        return None;
    }
    let chosen = drawn
        .iter()
        .find(|(_, id)| sel.focus.as_deref() == Some(id.as_str()))
        .or(drawn.first())?;
    u8::try_from(chosen.0).ok()
}

/// The places a school's score is written at: DfE publishes one, so at least one, and more
/// only where a file holds more (up to 2).
pub fn places(v: f64) -> u8 {
    (1u8..=2)
        .find(|d| {
            let f = 10f64.powi(i32::from(*d));
            ((v * f).round() / f - v).abs() < 1e-9
        })
        .unwrap_or(2)
}

/// What a school's figure of one year adds in a tooltip and the table.
fn detail(
    pupils: Option<u32>,
    band: Option<u8>,
    published_as: Option<&PublishedAs>,
) -> Option<String> {
    let mut parts = Vec::new();
    match pupils {
        Some(n) => parts.push(format!("{n} pupils")),
        None => parts.push("pupils not published".into()),
    }
    if let Some(b) = band {
        parts.push(format!("DfE band: {}", crate::model::band_label(b)));
    }
    if let Some(p) = published_as {
        parts.push(format!(
            "published for the predecessor school, {} (URN {})",
            p.name, p.urn
        ));
    }
    Some(parts.join("; "))
}

/// A school's line in one subject: every year it has a result.
pub fn school_line(school: &School, subject: Subject, role: Role) -> TrendLine {
    TrendLine {
        area: series_of(school.urn),
        name: school.name.clone(),
        role,
        points: school
            .ks2
            .iter()
            .map(|r| {
                let score = r.score(subject);
                TrendPoint {
                    year: r.year,
                    value: score.map(|s| s.value),
                    decimals: score.map_or(1, |s| places(s.value)),
                    source: r.source.to_string(),
                    note: None,
                    detail: detail(
                        r.pupils,
                        score.and_then(|s| s.band),
                        r.published_as.as_deref(),
                    ),
                    hollow: r.published_as.is_some(),
                }
            })
            .collect(),
    }
}

/// The pupil-weighted mean of the schools' scores in one subject and year, with how many
/// schools it covers; `None` where no school has a score or any school with a score has no
/// published pupil count.
pub fn weighted_mean(schools: &[&School], subject: Subject, year: u16) -> Option<(f64, usize)> {
    let mut sum = 0.0;
    let mut pupils = 0.0;
    let mut n = 0;
    for s in schools {
        let Some(r) = s.ks2.iter().find(|r| r.year == year) else {
            continue;
        };
        let Some(score) = r.score(subject) else {
            continue;
        };
        let p = f64::from(r.pupils?);
        sum += score.value * p;
        pupils += p;
        n += 1;
    }
    (n > 0 && pupils > 0.0).then(|| (sum / pupils, n))
}

fn subject_measure(subject: Subject) -> AreaMeasure {
    AreaMeasure::progress(subject)
}

/// Whether a dataset has a school with results in two or more years: the chart's condition.
pub fn has_history(dataset: &Dataset) -> bool {
    dataset.raw().schools.iter().any(|s| {
        s.ks2
            .iter()
            .filter(|r| Subject::ALL.iter().any(|x| r.score(*x).is_some()))
            .count()
            >= 2
    })
}

/// Builds the schools-over-time chart for a selection.
pub fn schools_chart(dataset: &Dataset, sel: &Selection) -> TrendChart {
    let raw = dataset.raw();
    let cohort_name = sel.cohort.name(dataset);
    let members: Vec<&School> = sel
        .cohort
        .schools(dataset)
        .into_iter()
        .filter(|s| !s.ks2.is_empty())
        .collect();
    let subjects: Vec<Subject> = sel.subject.map_or(Subject::ALL.to_vec(), |s| vec![s]);
    let group = comparison::group(dataset, &members);
    let mut sources = Sources::default();

    // Years: every year a member or the group has a result; the axis opens at a cohort start
    // up to two years before.
    let years: BTreeSet<u16> = members
        .iter()
        .chain(group.schools.iter())
        .flat_map(|s| s.ks2.iter().map(|r| r.year))
        .collect();
    let (first, last) = match (years.first(), years.last()) {
        (Some(a), Some(b)) => (*a, *b),
        _ => (2019, 2019),
    };
    let start = crate::charts::timeline::axis_start(raw, first, last);

    // The value axis covers every score of the dataset, so changing cohort or subject
    // never rescales it.
    let extreme = dataset.progress_extent().max(1.0);
    let m = crate::charts::kit::nice_ceiling(extreme);
    let domain = (-m, m);

    let ctx = raw.context.as_ref();
    let areas: Vec<(String, Role)> = ctx
        .map(|c| {
            vec![
                (c.home.clone(), Role::Home),
                (c.country.clone(), Role::Country),
            ]
        })
        .unwrap_or_default();
    let mut panels = Vec::new();
    for subject in &subjects {
        let mut lines: Vec<TrendLine> = Vec::new();
        let each = members.len() <= MAX_LINES;
        for (i, s) in members.iter().enumerate().filter(|_| each) {
            if sel.shows(&series_of(s.urn)) {
                let role = Role::School(u8::try_from(i % 256).unwrap_or(0));
                lines.push(school_line(s, *subject, role));
            }
        }
        for (id, role) in &areas {
            if !sel.shows(id) {
                continue;
            }
            if let Some(mut l) = line(
                dataset,
                id,
                *role,
                subject_measure(*subject),
                PupilGroup::All,
            ) {
                l.points.retain(|p| (first..=last).contains(&p.year));
                lines.push(l);
            }
        }
        if members.len() > 1 && sel.shows(COHORT_MEAN) {
            let points: Vec<TrendPoint> = (first..=last)
                .filter(|y| members.iter().any(|s| s.ks2.iter().any(|r| r.year == *y)))
                .map(|y| {
                    let mean = weighted_mean(&members, *subject, y);
                    TrendPoint {
                        year: y,
                        value: mean.map(|(v, _)| v),
                        decimals: 2,
                        source: members
                            .iter()
                            .find_map(|s| s.ks2.iter().find(|r| r.year == y))
                            .map_or_else(String::new, |r| r.source.to_string()),
                        note: None,
                        detail: mean.map(|(_, n)| {
                            format!("derived: weighted by KS2 pupils over {n} schools")
                        }),
                        hollow: false,
                    }
                })
                .collect();
            lines.push(TrendLine {
                area: COHORT_MEAN.into(),
                name: "Cohort mean".into(),
                role: Role::Derived,
                points,
            });
        }
        let neighbours: Vec<TrendLine> = if sel.shows(LIKE_FOR_LIKE) {
            group
                .schools
                .iter()
                .map(|s| school_line(s, *subject, Role::Neighbour))
                .collect()
        } else {
            Vec::new()
        };
        for l in lines.iter().chain(&neighbours) {
            for p in l
                .points
                .iter()
                .filter(|p| p.value.is_some() && !p.source.is_empty())
            {
                sources.add(&p.source);
            }
        }
        panels.push(TrendPanel {
            heading: subject.label().to_string(),
            measure: subject_measure(*subject),
            band: band_of(&neighbours),
            lines,
            neighbours,
        });
    }
    for s in members.iter().chain(group.schools.iter()) {
        for f in &s.facts {
            if !group.schools.is_empty() {
                sources.add(&f.source);
            }
        }
    }

    // Years on the axis without any figure: shaded and labelled.
    let gaps = crate::charts::timeline::gaps_of(first, last, Some(Measure::Ks2Progress), |y| {
        panels.iter().any(|p| {
            p.lines
                .iter()
                .chain(&p.neighbours)
                .any(|l| l.value(y).is_some())
        })
    });

    let mut legend: Vec<LegendEntry> = members
        .iter()
        .filter(|_| members.len() <= MAX_LINES)
        .map(|s| LegendEntry {
            id: series_of(s.urn),
            label: s.name.clone(),
            shown: sel.shows(&series_of(s.urn)),
        })
        .collect();
    for (id, _) in &areas {
        legend.push(LegendEntry {
            id: id.clone(),
            label: dataset.area_name(id).to_string(),
            shown: sel.shows(id),
        });
    }
    if members.len() > 1 {
        legend.push(LegendEntry {
            id: COHORT_MEAN.into(),
            label: "Schools' average, weighted by pupils".into(),
            shown: sel.shows(COHORT_MEAN),
        });
    }
    if !group.schools.is_empty() {
        legend.push(LegendEntry {
            id: LIKE_FOR_LIKE.into(),
            label: format!("{} like-for-like schools", group.schools.len()),
            shown: sel.shows(LIKE_FOR_LIKE),
        });
    }

    let home = ctx.map_or_else(String::new, |c| dataset.area_name(&c.home).to_string());
    let mut notes = words::notes(dataset, &members, &group, &panels, (first, last), &home);
    if members.len() > MAX_LINES {
        notes.insert(
            0,
            format!(
                "{} schools are too many to draw a line each: the chart shows their pupil-weighted mean, and the Table tab lists every school's scores.",
                members.len()
            ),
        );
    }
    let title = format!(
        "KS2 progress of {}'s schools over time, {first}\u{2013}{last}",
        match &sel.cohort {
            CohortChoice::Programme => "the programme".to_string(),
            CohortChoice::Cohort(_) => cohort_name,
        }
    );
    TrendChart {
        kind: TrendKind::Schools,
        title,
        pupils: PupilGroup::All,
        home,
        years: (start, last),
        domain,
        panels,
        gaps,
        starts: raw
            .programme
            .start_waves
            .iter()
            .filter(|w| (start..=last).contains(&w.year))
            .map(|w| (w.year, w.cohorts))
            .collect(),
        legend,
        notes,
        // Figures over time invite reading the programme's effect into them: its own
        // documents' caveat stands beside them.
        statements: crate::provenance::claims::about(dataset, "attribution", &mut sources),
        sources: sources.0,
        band_label: "Like-for-like schools".into(),
        band_short: "Like-for-like".into(),
        band_member: "like-for-like school".into(),
        focus: focus(&members, sel),
    }
}
