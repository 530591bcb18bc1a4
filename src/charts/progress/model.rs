//! The KS2 progress chart's model: for a selection, England, the home area and its region in
//! the schools' year (one figure each, DfE's where published), then the chosen schools, each
//! a row of three subjects; with its legend, notes, statements and sources.

use std::borrow::Cow;

use crate::dataset::{Dataset, ENGLAND};
use crate::format::{progress_text, short_school_name};
use crate::model::{PupilGroup, School, Subject, Urn};
use crate::provenance::{legend_of, Cell, LegendEntry, Sources};
use crate::selection::{CohortChoice, Selection};

/// Id of the series of all school rows.
pub const SCHOOLS: &str = "schools";

/// What a row of the progress chart stands for: it decides its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// England, the national reference.
    England,
    /// A local authority area.
    Area,
    /// The home area's region.
    Region,
    /// A school.
    School,
}

/// One entity (England, an area, a school) across the three subjects.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressRow {
    /// Name shown beside the bars.
    pub label: String,
    /// Year of the figures, where one year applies.
    pub year: Option<u16>,
    /// What the row is.
    pub kind: RowKind,
    /// URN, for school rows.
    pub urn: Option<Urn>,
    /// The legend series it belongs to: `england`, an area id or [`SCHOOLS`] (borrowed for
    /// school rows: one allocation fewer per school).
    pub series: Cow<'static, str>,
    /// One cell per subject, in [`Subject::ALL`] order.
    pub cells: [Cell; 3],
    /// The row's own caveat, as the notes give it (England's definition, a predecessor's
    /// figures), which its table rows and CSV carry too.
    pub note: Option<String>,
}

impl ProgressRow {
    /// The label with its year: `Stoke-on-Trent (2016)`.
    pub fn label_with_year(&self) -> String {
        match self.year {
            Some(y) => format!("{} ({y})", self.label),
            None => self.label.clone(),
        }
    }
}

/// The KS2 progress chart of one cohort choice.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressChart {
    /// Chart title.
    pub title: String,
    /// The subjects drawn, one panel each.
    pub subjects: Vec<Subject>,
    /// The series the legend lists.
    pub legend: Vec<LegendEntry>,
    /// The schools' KS2 year shown.
    pub year: Option<u16>,
    /// England, then areas, then the cohort's schools.
    pub rows: Vec<ProgressRow>,
    /// Caveats shown under the chart.
    pub notes: Vec<String>,
    /// Published statements without figures.
    pub statements: Vec<String>,
    /// Ids of every source the chart cites, in first-use order.
    pub sources: Vec<String>,
    /// The largest magnitude any school or area score of the dataset reaches, in any year,
    /// cohort or subject: the axis is drawn from it, so it does not move as the reader
    /// changes cohort, subject or hides a series.
    pub extent: f64,
}

/// Builds the KS2 progress chart for a selection.
pub fn progress_chart(dataset: &Dataset, sel: &Selection) -> ProgressChart {
    let raw = dataset.raw();
    let choice = &sel.cohort;
    let members = choice.schools(dataset);
    // Sized once: grown row by row it kept room for up to twice the schools.
    let mut rows = Vec::with_capacity(raw.areas.len() + members.len());
    // One year for every school: the chosen one, else the latest any of them has.
    let year = sel.year.or_else(|| {
        members
            .iter()
            .filter_map(|s| s.latest_ks2().map(|r| r.year))
            .max()
    });
    let school_result = |s: &'_ School| -> Option<crate::model::Ks2Result> {
        s.ks2.iter().find(|r| Some(r.year) == year).cloned()
    };

    let area_ids = comparison_areas(dataset);
    // Each area in the schools' year where it has figures then, else its latest: one
    // figure per area and year, DfE's where published (`Dataset::area_progress_at`).
    let mut england_note = None;
    for area in area_ids {
        let Some(area_year) = dataset.area_progress_year(area, PupilGroup::All, year) else {
            continue;
        };
        let figures = Subject::ALL
            .map(|subject| dataset.area_progress_at(area, subject, PupilGroup::All, area_year));
        let note = (area == ENGLAND)
            .then(|| england_words(&figures, area_year))
            .flatten();
        if note.is_some() {
            england_note.clone_from(&note);
        }
        let cells = figures
            .map(|f| f.map_or_else(|| Cell::NotPublished("not published".into()), Cell::area));
        rows.push(ProgressRow {
            label: dataset.area_name(area).to_string(),
            year: Some(area_year),
            kind: if area == ENGLAND {
                RowKind::England
            } else if raw.context.as_ref().and_then(|c| c.region.as_deref()) == Some(area) {
                RowKind::Region
            } else {
                RowKind::Area
            },
            urn: None,
            series: Cow::Owned(area.to_string()),
            cells,
            note,
        });
    }

    let mut notes = vec![
        "A progress score compares pupils' KS2 results with those of pupils nationally who had \
         similar KS1 results: 0 is the national average of all pupils in state-funded mainstream \
         schools, above 0 is more progress than average."
            .to_string(),
    ];
    notes.extend(england_note);
    for school in members.iter().copied() {
        let result = school_result(school);
        // A figure published for a predecessor school says so wherever it is shown: in the
        // row's name (so the tooltip, the table and the CSV carry it) and in the notes.
        let mut row_note = None;
        let label = match result.as_ref().and_then(|r| r.published_as.as_ref()) {
            Some(p) => {
                let said = format!(
                    "{}: the {} figures were published for the predecessor school, {} (URN {}).",
                    school.name,
                    result.as_ref().map_or(0, |r| r.year),
                    p.name,
                    p.urn
                );
                row_note = Some(said.clone());
                notes.push(said);
                format!(
                    "{} (predecessor's figures)",
                    short_school_name(&school.name)
                )
            }
            None => short_school_name(&school.name),
        };
        // A special school beside mainstream ones says so: its pupils' progress is not
        // comparable in the same way.
        let special_beside_mainstream = school.kind == crate::model::SchoolKind::Special
            && members
                .iter()
                .any(|m| m.kind != crate::model::SchoolKind::Special);
        let label = if special_beside_mainstream {
            if !notes.iter().any(|n| n.starts_with("Special schools")) {
                notes.push(
                    "Special schools are marked \u{201c}special\u{201d}: their pupils' progress is measured the same way, but with very different starting points and cohorts of a few pupils, so it is not comparable with mainstream schools' in the same way."
                        .into(),
                );
            }
            format!("{label} (special)")
        } else {
            label
        };
        let (row_year, cells) = match result {
            Some(r) => (
                Some(r.year),
                Subject::ALL.map(|subject| match r.score(subject) {
                    Some(score) => Cell::school(score, &r.source),
                    None => Cell::NotPublished("not published".into()),
                }),
            ),
            None => {
                let why = if school.ks2.is_empty() {
                    school
                        .no_ks2_reason
                        .clone()
                        .unwrap_or_else(|| "KS2 progress not published".into())
                } else {
                    format!(
                        "no KS2 figures for {} in this dataset",
                        year.map_or_else(|| "this year".to_string(), |y| y.to_string())
                    )
                };
                notes.push(format!("{}: {why}", school.name));
                row_note = Some(why);
                (
                    None,
                    std::array::from_fn(|_| Cell::NotPublished("no KS2 results".into())),
                )
            }
        };
        rows.push(ProgressRow {
            label,
            year: row_year,
            kind: RowKind::School,
            urn: Some(school.urn),
            series: Cow::Borrowed(SCHOOLS),
            cells,
            note: row_note,
        });
    }
    let area_years: Vec<u16> = rows
        .iter()
        .filter(|r| matches!(r.kind, RowKind::Area | RowKind::Region))
        .filter_map(|r| r.year)
        .collect();
    if let (Some(a), Some(s)) = (area_years.iter().max(), year) {
        if *a != s {
            notes.push(format!(
                "Area figures are for {a} and school figures for {s}: different pupils, so \
                 compare each with 0 (England) rather than with each other."
            ));
        }
        for b in crate::breaks::crossed(
            crate::breaks::Measure::Ks2Progress,
            (*a).min(s),
            (*a).max(s),
        ) {
            notes.push(b.text.to_string());
        }
    }
    if matches!(choice, CohortChoice::Cohort(_)) || raw.schools.is_empty() {
        notes.push(raw.programme.membership_note.clone());
    }

    let legend = legend_of(
        rows.iter()
            .map(|r| (r.series.as_ref(), series_label(dataset, r))),
        sel,
    );
    rows.retain(|r| sel.shows(&r.series));
    let mut sources = Sources::default();
    for cell in rows.iter().flat_map(|r| r.cells.iter()) {
        if let Cell::Value { source, .. } = cell {
            sources.add(source);
        }
    }
    // The programme's own caveat stands beside the schools' figures, not only at the foot.
    let mut statements = crate::provenance::claims::about(dataset, "ks2-progress", &mut sources);
    statements.extend(crate::provenance::claims::about(
        dataset,
        "attribution",
        &mut sources,
    ));
    let subjects = sel
        .subject
        .map_or_else(|| Subject::ALL.to_vec(), |s| vec![s]);
    let subject_words = match sel.subject {
        Some(s) => format!(" ({})", s.label().to_lowercase()),
        None => String::new(),
    };
    ProgressChart {
        title: format!("KS2 progress{subject_words}: {}", choice.name(dataset)),
        subjects,
        legend,
        year,
        rows,
        notes,
        statements,
        sources: sources.0,
        extent: dataset.progress_extent(),
    }
}

/// The areas the schools are set against, England first: with an area context, the country,
/// the home area and its region (the neighbours have their own chart); else every area the
/// dataset gives progress figures for.
pub fn comparison_areas(dataset: &Dataset) -> Vec<&str> {
    let raw = dataset.raw();
    let mut ids: Vec<&str> = match &raw.context {
        Some(c) => [
            Some(c.country.as_str()),
            Some(c.home.as_str()),
            c.region.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect(),
        None => raw
            .areas
            .iter()
            .map(|a| a.id.as_str())
            .filter(|id| raw.area_progress.iter().any(|p| p.area == *id))
            .collect(),
    };
    if let Some(i) = ids.iter().position(|id| *id == ENGLAND) {
        let england = ids.remove(i);
        ids.insert(0, england);
    }
    ids
}

/// What England's row is: DfE's published figure for all state-funded schools, or 0 by the
/// measure's definition where DfE publishes none; never both.
fn england_words(figures: &[Option<crate::dataset::AreaFigure>; 3], year: u16) -> Option<String> {
    let published: Vec<String> = Subject::ALL
        .iter()
        .zip(figures)
        .filter_map(|(s, f)| {
            let f = f.as_ref().filter(|f| f.published)?;
            Some(format!(
                "{} {}",
                s.label().to_lowercase(),
                progress_text(f.value, f.decimals)
            ))
        })
        .collect();
    if !published.is_empty() {
        return Some(format!(
            "England in {year}: DfE's published figure for all state-funded schools ({}); the measure's 0 is the national average of pupils in state-funded mainstream schools.",
            crate::format::join_words(&published)
        ));
    }
    figures
        .iter()
        .flatten()
        .all(|f| f.value == 0.0)
        .then(|| format!("England in {year}: 0, the national average by the measure's definition; the dataset has no figure DfE published for England in {year}."))
}

fn series_label(dataset: &Dataset, row: &ProgressRow) -> String {
    match row.kind {
        RowKind::School => "Schools".to_string(),
        _ => dataset.area_name(&row.series).to_string(),
    }
}
