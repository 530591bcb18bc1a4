//! Aggregation: from a validated [`Dataset`] and the reader's cohort choice to the figures
//! each chart draws. Charts, tables and summaries all read these models, so what is drawn and
//! what is listed cannot disagree.

use std::borrow::Cow;
use std::collections::BTreeSet;

use crate::dataset::Dataset;
use crate::model::{Inspection, JudgementCounts, PupilGroup, School, Score, Subject, Urn};

/// The id of England among the dataset's areas: the national comparator.
pub const ENGLAND: &str = "england";

/// Which schools the reader is looking at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum CohortChoice {
    /// The whole programme: every named school.
    #[default]
    Programme,
    /// One cohort (network), by id.
    Cohort(String),
}

impl CohortChoice {
    /// The id used in links and the selector: `all` or a cohort id.
    pub fn id(&self) -> &str {
        match self {
            CohortChoice::Programme => "all",
            CohortChoice::Cohort(id) => id,
        }
    }

    /// Reads an id from the selector or a link; an unknown id falls back to the programme.
    pub fn from_id(dataset: &Dataset, id: &str) -> Self {
        match dataset.cohort(id) {
            Some(c) => CohortChoice::Cohort(c.id.clone()),
            None => CohortChoice::Programme,
        }
    }

    /// The display name.
    pub fn name(&self, dataset: &Dataset) -> String {
        match self {
            // Where the dataset names only some of the programme's schools, it says how many.
            CohortChoice::Programme if dataset.list_is_complete() => {
                "All programme schools".to_string()
            }
            CohortChoice::Programme => format!(
                "All named schools ({} of {})",
                crate::format::count(dataset.raw().schools.len()),
                crate::format::count(dataset.raw().programme.schools_total.value)
            ),
            CohortChoice::Cohort(id) => dataset
                .cohort(id)
                .map_or_else(|| id.clone(), |c| c.name.clone()),
        }
    }

    /// The published member schools, in dataset order.
    pub fn schools<'a>(&self, dataset: &'a Dataset) -> Vec<&'a School> {
        match self {
            CohortChoice::Programme => dataset.raw().schools.iter().collect(),
            CohortChoice::Cohort(id) => dataset
                .cohort(id)
                .map(|c| {
                    c.schools
                        .iter()
                        .filter_map(|u| dataset.school(*u))
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

/// What the reader has chosen to see: everything a chart model depends on besides the data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Which schools.
    pub cohort: CohortChoice,
    /// One subject, or all three.
    pub subject: Option<Subject>,
    /// The schools' KS2 year; the latest when `None`.
    pub year: Option<u16>,
    /// Series hidden from the legend (`england`, an area id, `schools`).
    pub hidden: BTreeSet<String>,
    /// Which pupils the area trend charts show.
    pub pupils: PupilGroup,
}

impl Selection {
    /// The whole programme, everything shown.
    pub fn cohort(cohort: CohortChoice) -> Self {
        Self {
            cohort,
            ..Self::default()
        }
    }

    /// Whether a series is shown.
    pub fn shows(&self, series: &str) -> bool {
        !self.hidden.contains(series)
    }
}

/// Id of the series of all school rows.
pub const SCHOOLS: &str = "schools";

/// One figure in a chart: a published value with its source, or the reason there is none.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// A published figure.
    Value {
        /// The score and its interval.
        score: Score,
        /// Id of the source.
        source: String,
        /// The source's own words where it gave words, not a number.
        quote: Option<String>,
        /// Decimal places the source publishes it with, where it says (DfE's area figures:
        /// `+0.03`); `None` is the page's usual one place.
        decimals: Option<u8>,
    },
    /// No published figure, and why.
    NotPublished(String),
}

impl Cell {
    /// A published score at one place, from a school's file.
    pub fn school(score: Score, source: &str) -> Self {
        Cell::Value {
            score,
            source: source.to_string(),
            quote: None,
            decimals: None,
        }
    }

    /// An area's figure as the page shows it.
    pub fn area(f: crate::dataset::AreaFigure) -> Self {
        Cell::Value {
            score: Score {
                value: f.value,
                lower: f.interval.map(|i| i.0),
                upper: f.interval.map(|i| i.1),
                band: None,
            },
            source: f.source,
            quote: f.quote,
            decimals: f.decimals,
        }
    }

    /// The figure as the page writes it (`+0.03`, `−0.9`), or why there is none.
    pub fn text(&self) -> String {
        match self {
            Cell::Value {
                score, decimals, ..
            } => progress_text(score.value, *decimals),
            Cell::NotPublished(why) => why.clone(),
        }
    }

    /// The value, if published.
    pub fn value(&self) -> Option<f64> {
        match self {
            Cell::Value { score, .. } => Some(score.value),
            Cell::NotPublished(_) => None,
        }
    }
}

/// A progress score at its published precision, else at one place.
pub fn progress_text(value: f64, decimals: Option<u8>) -> String {
    match decimals {
        Some(d) => crate::format::progress_at(value, d),
        None => crate::format::progress(value),
    }
}

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

/// An entry of a chart's legend, which hides or shows a series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegendEntry {
    /// Series id, as kept in links.
    pub id: String,
    /// Display name.
    pub label: String,
    /// Whether it is drawn.
    pub shown: bool,
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

/// The KS2 years with school figures, oldest first.
pub fn school_years(dataset: &Dataset) -> Vec<u16> {
    let years: BTreeSet<u16> = dataset
        .raw()
        .schools
        .iter()
        .flat_map(|s| s.ks2.iter().map(|r| r.year))
        .collect();
    years.into_iter().collect()
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
            .filter_map(|s| latest_ks2(s).map(|r| r.year))
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
    let mut statements = crate::claims::about(dataset, "ks2-progress", &mut sources);
    statements.extend(crate::claims::about(dataset, "attribution", &mut sources));
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
            crate::summary::join_words(&published)
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

/// Legend entries in first-seen order, each once, marked shown or hidden.
fn legend_of<'a>(
    series: impl Iterator<Item = (&'a str, String)>,
    sel: &Selection,
) -> Vec<LegendEntry> {
    let mut out: Vec<LegendEntry> = Vec::new();
    for (id, label) in series {
        if !out.iter().any(|e| e.id == id) {
            out.push(LegendEntry {
                id: id.to_string(),
                label,
                shown: sel.shows(id),
            });
        }
    }
    out
}

/// One subject of the disadvantaged-pupils comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct GapRow {
    /// The subject.
    pub subject: Subject,
    /// The local area's disadvantaged pupils; `None` when the reader hid that series.
    pub local: Option<Cell>,
    /// England's disadvantaged pupils; `None` when hidden.
    pub england: Option<Cell>,
    /// The cohort's schools' disadvantaged pupils: the median of their published scores
    /// (derived); `None` where no school's file carries them, or hidden.
    pub cohort: Option<Cell>,
}

impl GapRow {
    /// Local minus England, where both are published and shown.
    pub fn gap(&self) -> Option<f64> {
        Some(self.local.as_ref()?.value()? - self.england.as_ref()?.value()?)
    }
}

/// What an FSM bar stands for: it decides its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FsmRole {
    /// The local area.
    Area,
    /// England.
    England,
    /// The local area's region.
    Region,
    /// The median of its statistical neighbours.
    Neighbours,
}

/// One bar of free-school-meal eligibility.
#[derive(Debug, Clone, PartialEq)]
pub struct FsmBar {
    /// What it stands for.
    pub role: FsmRole,
    /// Area name.
    pub label: String,
    /// Area id: the legend series.
    pub area: String,
    /// Percentage of pupils.
    pub percent: f64,
    /// Decimal places the source publishes it with, where it says.
    pub decimals: Option<u8>,
    /// Year, where the source gives one.
    pub year: Option<u16>,
    /// Id of the source.
    pub source: String,
}

/// The disadvantaged pupils and FSM chart.
#[derive(Debug, Clone, PartialEq)]
pub struct DisadvantageChart {
    /// Chart title.
    pub title: String,
    /// Name of the local area compared with England.
    pub local_name: String,
    /// Year of the progress figures.
    pub year: Option<u16>,
    /// The series the legend lists.
    pub legend: Vec<LegendEntry>,
    /// Progress of disadvantaged pupils per subject.
    pub rows: Vec<GapRow>,
    /// What the cohort's bar is called ("Seven Stars: median of 3 schools, 2019"), where
    /// it has one.
    pub cohort_name: Option<String>,
    /// FSM eligibility bars, local first.
    pub fsm: Vec<FsmBar>,
    /// Caveats.
    pub notes: Vec<String>,
    /// Published statements without figures.
    pub statements: Vec<String>,
    /// Ids of sources cited.
    pub sources: Vec<String>,
}

/// Builds the disadvantaged-pupils chart: the home area's and England's disadvantaged pupils'
/// progress and the chosen schools' median, in the schools' year where the areas have figures
/// then (else the areas' latest); and free-school-meal shares of that January, DfE's where
/// the dataset has its series, else the figures the dataset gives.
pub fn disadvantage_chart(dataset: &Dataset, sel: &Selection) -> DisadvantageChart {
    let raw = dataset.raw();
    let choice = &sel.cohort;
    let mut sources = Sources::default();
    let members = choice.schools(dataset);
    // The chosen schools' own disadvantaged pupils' year (DfE's `*PROG_FSM6CLA1A`).
    let dis_year = sel.year.or_else(|| {
        members
            .iter()
            .flat_map(|s| s.ks2.iter())
            .filter(|r| r.disadvantaged.is_some())
            .map(|r| r.year)
            .max()
    });
    let local = raw
        .context
        .as_ref()
        .map(|c| c.home.clone())
        .or_else(|| {
            raw.area_progress
                .iter()
                .find(|p| p.area != ENGLAND && p.pupils == PupilGroup::Disadvantaged)
                .map(|p| p.area.clone())
        })
        .unwrap_or_default();
    let wanted = dis_year.or_else(|| {
        members
            .iter()
            .filter_map(|s| latest_ks2(s))
            .map(|r| r.year)
            .max()
    });
    let year = dataset.area_progress_year(&local, PupilGroup::Disadvantaged, wanted);
    let mut cell = |area: &str, subject: Subject| -> Option<Cell> {
        if !sel.shows(area) {
            return None;
        }
        let figure = year
            .and_then(|y| dataset.area_progress_at(area, subject, PupilGroup::Disadvantaged, y));
        Some(figure.map_or_else(
            || Cell::NotPublished("not published".into()),
            |f| {
                sources.add(&f.source);
                Cell::area(f)
            },
        ))
    };
    let mut rows = Subject::ALL
        .map(|subject| GapRow {
            subject,
            local: cell(&local, subject),
            england: cell(ENGLAND, subject),
            cohort: None,
        })
        .to_vec();
    let shows_cohort = sel.shows(COHORT_BAR);
    let mut cohort_count = 0;
    if shows_cohort {
        for row in &mut rows {
            let (cell, n) = cohort_median(&members, dis_year, row.subject, &mut sources);
            row.cohort = cell;
            cohort_count = cohort_count.max(n);
        }
    }
    let cohort_name = (cohort_count > 0).then(|| {
        format!(
            "{}: median of {} {}{}",
            choice.name(dataset),
            cohort_count,
            if cohort_count == 1 {
                "school"
            } else {
                "schools"
            },
            dis_year.map_or_else(String::new, |y| format!(", {y}"))
        )
    });
    let mut fsm = fsm_bars(dataset, &local, year);
    let mut legend = legend_of(
        [local.as_str(), ENGLAND]
            .into_iter()
            .chain(fsm.iter().map(|b| b.area.as_str()))
            .filter(|id| !id.is_empty())
            .map(|id| (id, dataset.area_name(id).to_string())),
        sel,
    );
    if cohort_name.is_some() || (!shows_cohort && dis_year.is_some()) {
        legend.insert(
            0,
            LegendEntry {
                id: COHORT_BAR.into(),
                label: format!("{} (median of its schools)", choice.name(dataset)),
                shown: shows_cohort,
            },
        );
    }
    fsm.retain(|b| sel.shows(&b.area));
    for b in &fsm {
        sources.add(&b.source);
    }
    let notes = disadvantage_notes(dataset, choice, cohort_name.is_some(), &fsm, year, wanted);
    let statements = crate::claims::about(dataset, "disadvantaged", &mut sources);
    let local_name = dataset.area_name(&local).to_string();
    let title = if local_name.is_empty() {
        "Disadvantaged pupils and free school meals".to_string()
    } else {
        format!("Disadvantaged pupils: {local_name} and England")
    };
    DisadvantageChart {
        title,
        local_name,
        cohort_name,
        year,
        legend,
        rows,
        fsm,
        notes,
        statements,
        sources: sources.0,
    }
}

/// The median of the chosen schools' disadvantaged pupils' scores in one subject and year
/// (derived), and how many schools it is of.
fn cohort_median(
    members: &[&School],
    year: Option<u16>,
    subject: Subject,
    sources: &mut Sources,
) -> (Option<Cell>, usize) {
    let Some(y) = year else {
        return (None, 0);
    };
    let mut vals: Vec<(f64, &str)> = members
        .iter()
        .filter_map(|s| s.ks2.iter().find(|r| r.year == y))
        .filter_map(|r| {
            let v = r.disadvantaged.as_ref()?.score(subject)?.value;
            Some((v, r.source.as_str()))
        })
        .collect();
    if vals.is_empty() {
        return (None, 0);
    }
    crate::order::sort_by(&mut vals, |a, b| a.0.total_cmp(&b.0));
    let sorted: Vec<f64> = vals.iter().map(|v| v.0).collect();
    sources.add(vals[0].1);
    let median = crate::trend::median(&sorted);
    (Some(Cell::school(Score::of(median), vals[0].1)), vals.len())
}

/// The caveats of the disadvantaged chart.
fn disadvantage_notes(
    dataset: &Dataset,
    choice: &CohortChoice,
    derived: bool,
    fsm: &[FsmBar],
    year: Option<u16>,
    wanted: Option<u16>,
) -> Vec<String> {
    let mut notes = Vec::new();
    if derived {
        notes.push(format!(
            "{}'s bar is derived, not a DfE figure: the median of its schools' published progress scores for their disadvantaged pupils; each school's own score is in its DfE file.",
            choice.name(dataset)
        ));
    } else if let CohortChoice::Cohort(_) = choice {
        notes.push(format!(
            "No disadvantaged-pupil figures are published for {}'s schools in this dataset: these are area figures.",
            choice.name(dataset)
        ));
    }
    notes.push(
        "Disadvantaged pupils: those eligible for free school meals in the last six years, or \
         looked after. Each is compared with disadvantaged pupils nationally."
            .into(),
    );
    if let (Some(y), Some(w)) = (year, wanted) {
        if y != w {
            notes.push(format!(
                "The areas' disadvantaged pupils' progress is for {y}, the schools' for {w}: no area figure is published for {w} in this dataset."
            ));
        }
    }
    if fsm.iter().any(|b| b.year.is_none()) {
        notes.push("Free-school-meal shares: the source gives no year for these figures.".into());
    } else if let Some(y) = fsm.first().and_then(|b| b.year) {
        notes.push(format!(
            "Free-school-meal shares: primary pupils eligible in DfE's January {y} census."
        ));
    }
    notes
}

/// One bar of the Ofsted chart: a group of schools and its judgements.
#[derive(Debug, Clone, PartialEq)]
pub struct DistributionRow {
    /// Series id: `cohort`, or the distribution's id.
    pub id: String,
    /// What the group is.
    pub label: String,
    /// The counts.
    pub counts: JudgementCounts,
    /// Ids of sources.
    pub sources: Vec<String>,
    /// A caveat for this bar.
    pub note: Option<String>,
    /// What is counted.
    pub counted: crate::model::Counted,
    /// What it counts and when, said on the drawing beside its label ("3 schools, each at
    /// its latest inspection, February 2016 to May 2017").
    pub what: String,
    /// For a group too small for shares, each school with its latest inspection: drawn and
    /// told by name, never as a share.
    pub members: Vec<Member>,
}

/// One school of a group too small for shares, at its latest inspection.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The school.
    pub name: String,
    /// Its latest judgement.
    pub judgement: crate::model::Judgement,
    /// When (`YYYY-MM-DD`).
    pub date: String,
    /// The school inspected, where it was a predecessor (before a conversion).
    pub inspected_as: Option<String>,
}

impl Member {
    /// "Milton Primary Academy: Inadequate, 25 March 2015 (an inspection of its predecessor,
    /// Milton Primary School)".
    pub fn words(&self) -> String {
        let whose = match &self.inspected_as {
            Some(p) => format!(" (an inspection of its predecessor, {p})"),
            None => String::new(),
        };
        format!(
            "{}: {}, {}{whose}",
            self.name,
            self.judgement.label(),
            crate::format::date(&self.date)
        )
    }
}

/// The Ofsted judgements chart.
#[derive(Debug, Clone, PartialEq)]
pub struct OfstedChart {
    /// Chart title.
    pub title: String,
    /// The series (bars) the legend lists.
    pub legend: Vec<LegendEntry>,
    /// Bars: the cohort (when one is chosen), the programme, England.
    pub rows: Vec<DistributionRow>,
    /// The chosen schools, by URN, for the table of their latest judgements (which reads
    /// names and inspections from the dataset: copies of them were 2.5 MB at all of England).
    pub schools: Vec<Urn>,
    /// Caveats.
    pub notes: Vec<String>,
    /// Published statements without figures.
    pub statements: Vec<String>,
    /// Ids of sources cited.
    pub sources: Vec<String>,
}

/// Free-school-meal shares beside the disadvantaged pupils: the home area, England, its
/// region and its neighbours' median in January of `year` from DfE's series where the dataset
/// has them; else the shares the dataset gives (which may carry no year).
fn fsm_bars(dataset: &Dataset, local: &str, year: Option<u16>) -> Vec<FsmBar> {
    use crate::model::AreaMeasure;
    let raw = dataset.raw();
    let point = |area: &str, y: u16| {
        dataset.area_percent_at(area, AreaMeasure::PrimaryFsm, PupilGroup::All, y)
    };
    let series_year = year.filter(|y| point(local, *y).is_some() && point(ENGLAND, *y).is_some());
    let (Some(ctx), Some(y)) = (&raw.context, series_year) else {
        let mut listed: Vec<FsmBar> = raw
            .fsm
            .iter()
            .map(|f| FsmBar {
                role: if f.area == ENGLAND {
                    FsmRole::England
                } else {
                    FsmRole::Area
                },
                label: dataset.area_name(&f.area).to_string(),
                area: f.area.clone(),
                percent: f.percent,
                decimals: None,
                year: f.year,
                source: f.source.clone(),
            })
            .collect();
        crate::order::sort_by_key(&mut listed, |b| b.area == ENGLAND);
        return listed;
    };
    let mut out = Vec::new();
    let mut push = |role: FsmRole, area: &str, label: String, f: crate::dataset::AreaFigure| {
        out.push(FsmBar {
            role,
            label,
            area: area.to_string(),
            percent: f.value,
            decimals: Some(f.decimals.unwrap_or(1)),
            year: Some(y),
            source: f.source,
        });
    };
    for (role, area) in [
        (FsmRole::Area, ctx.home.as_str()),
        (FsmRole::England, ENGLAND),
    ]
    .into_iter()
    .chain(ctx.region.as_deref().map(|r| (FsmRole::Region, r)))
    {
        if let Some(f) = point(area, y) {
            push(role, area, dataset.area_name(area).to_string(), f);
        }
    }
    let mut vals: Vec<crate::dataset::AreaFigure> =
        ctx.neighbours.iter().filter_map(|n| point(n, y)).collect();
    if !vals.is_empty() {
        crate::order::sort_by(&mut vals, |a, b| a.value.total_cmp(&b.value));
        let sorted: Vec<f64> = vals.iter().map(|v| v.value).collect();
        let mut median = vals[0].clone();
        median.value = crate::trend::median(&sorted);
        push(
            FsmRole::Neighbours,
            crate::trend::NEIGHBOURS,
            "Statistical neighbours' median".to_string(),
            median,
        );
    }
    out
}

/// Groups of fewer schools than this get counts, never percentages: one school of one is
/// "100%", which a reader takes for a share of many. (DfE and Ofsted's own releases avoid
/// shares of very small groups for the same reason.)
pub const MIN_GROUP_FOR_SHARES: u32 = 5;

impl DistributionRow {
    /// Whether the row is too small for percentages: counted in schools, fewer than
    /// [`MIN_GROUP_FOR_SHARES`].
    pub fn too_small_for_shares(&self) -> bool {
        self.counted == crate::model::Counted::Schools && self.counts.total() < MIN_GROUP_FOR_SHARES
    }
}

/// Id of the chosen cohort's own bar in the Ofsted chart.
pub const COHORT_BAR: &str = "cohort";

/// Builds the Ofsted chart for a selection.
pub fn ofsted_chart(dataset: &Dataset, sel: &Selection) -> OfstedChart {
    let choice = &sel.cohort;
    let raw = dataset.raw();
    let mut sources = Sources::default();
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    let members = choice.schools(dataset);
    let schools: Vec<Urn> = members.iter().map(|s| s.urn).collect();
    // A cohort's own bar; for all schools too where no distribution of the whole programme
    // is published (a loaded list: the whole list is the programme).
    let own_bar = matches!(choice, CohortChoice::Cohort(_)) || raw.ofsted_distributions.is_empty();
    let complete = dataset.list_is_complete();
    if own_bar {
        let mut counts = JudgementCounts::default();
        let mut row_sources = Vec::new();
        let mut predecessor = Vec::new();
        let mut unknown = 0;
        let mut named: Vec<Member> = Vec::new();
        for s in &members {
            let Some(ins) = latest_inspection(s) else {
                continue;
            };
            let inspected_as = (ins.predecessor == Some(true)).then(|| {
                ins.published_as
                    .as_ref()
                    .map_or_else(|| "a predecessor school".to_string(), |p| p.name.clone())
            });
            named.push(Member {
                name: s.name.clone(),
                judgement: ins.judgement,
                date: ins.date.clone(),
                inspected_as,
            });
            counts.add(ins.judgement);
            sources.add(&ins.source);
            if !row_sources.contains(&ins.source) {
                row_sources.push(ins.source.clone());
            }
            match ins.predecessor {
                Some(true) => predecessor.push(s.name.clone()),
                Some(false) => {}
                None => unknown += 1,
            }
        }
        let note = (!predecessor.is_empty()).then(|| {
            format!(
                "Includes the predecessor school's judgement for {}: an inspection dated before the school's URN opened.",
                crate::summary::join_words(&predecessor)
            )
        });
        if unknown > 0 {
            notes.push(format!(
                "Whether the latest inspection of {} {} was of a predecessor school (before an academy conversion) is not known: the files read do not say when the school opened. Importing with DfE's links file tells where it can.",
                unknown,
                if unknown == 1 { "school" } else { "schools" }
            ));
        }
        let total = counts.total();
        if total > 0 {
            let mut dates: Vec<&str> = named.iter().map(|m| m.date.as_str()).collect();
            crate::order::sort_by(&mut dates, |a, b| a.cmp(b));
            let span = match (dates.first(), dates.last()) {
                (Some(a), Some(b))
                    if crate::format::month_year(a) != crate::format::month_year(b) =>
                {
                    format!(
                        "{} to {}",
                        crate::format::month_year(a),
                        crate::format::month_year(b)
                    )
                }
                (Some(a), _) => crate::format::month_year(a),
                _ => String::new(),
            };
            let small = total < MIN_GROUP_FOR_SHARES;
            rows.push(DistributionRow {
                id: COHORT_BAR.to_string(),
                label: if complete {
                    choice.name(dataset)
                } else {
                    format!("{} (named schools)", choice.name(dataset))
                },
                what: format!(
                    "{} {}, each at its latest inspection, {span}{}",
                    crate::format::count(total),
                    if total == 1 { "school" } else { "schools" },
                    if small {
                        ": too few for percentages, so each is named"
                    } else {
                        ""
                    }
                ),
                members: if small { named } else { Vec::new() },
                counts,
                sources: row_sources,
                note,
                counted: crate::model::Counted::Schools,
            });
        } else {
            notes.push(format!(
                "No inspection of {}'s {}schools is in the dataset.",
                choice.name(dataset),
                if complete { "" } else { "named " }
            ));
        }
        if !complete {
            notes.push(
                "A cohort's bar counts only its published member schools, so it can differ from \
                 the programme's published figures."
                    .into(),
            );
        }
    }
    for d in &raw.ofsted_distributions {
        sources.add(&d.source);
        let total = d.counts.total();
        rows.push(DistributionRow {
            id: d.id.clone(),
            label: d.label.clone(),
            what: match d.counted {
                crate::model::Counted::Schools => format!(
                    "{} {}, each at its latest inspection",
                    crate::format::count(total),
                    if total == 1 { "school" } else { "schools" }
                ),
                crate::model::Counted::Places => format!(
                    "{} places, each at its school's latest grade",
                    crate::format::count(total)
                ),
            },
            counts: d.counts,
            sources: vec![d.source.clone()],
            note: d.note.clone(),
            counted: d.counted,
            members: Vec::new(),
        });
    }
    let legend = legend_of(rows.iter().map(|r| (r.id.as_str(), r.label.clone())), sel);
    rows.retain(|r| sel.shows(&r.id));
    // Each bar's own caveat is shown too: a reader of "Inadequate 100%" must learn that it is
    // a predecessor school's judgement, and of "76%" that counts were derived from it.
    for row in &rows {
        if let Some(note) = &row.note {
            notes.push(format!("{}: {note}", row.label));
        }
    }
    notes.push(
        "Since September 2024 Ofsted no longer gives state schools a single overall judgement; \
         these are judgements made before then."
            .into(),
    );
    let mut statements = crate::claims::about(dataset, "ofsted", &mut sources);
    statements.extend(crate::claims::about(dataset, "attribution", &mut sources));
    // The programme's words beside its figures: Ofsted's words on each school shown.
    for s in &members {
        for e in &s.report_extracts {
            sources.add(&e.source);
            statements.push(format!(
                "{}, {} (Ofsted, as quoted in the programme's account): \u{201c}{}\u{201d}",
                s.name, e.inspection, e.quote
            ));
        }
    }
    OfstedChart {
        title: format!("Ofsted judgements: {}", choice.name(dataset)),
        legend,
        rows,
        schools,
        notes,
        statements,
        sources: sources.0,
    }
}

/// The programme-wide statements (e.g. on attribution), with their sources.
pub fn attribution_statements(dataset: &Dataset) -> Vec<(String, String)> {
    dataset
        .raw()
        .statements
        .iter()
        .filter(|s| s.topic == "attribution")
        .map(|s| (s.text.clone(), s.source.clone()))
        .collect()
}

/// The school's most recent KS2 result.
pub fn latest_ks2(school: &School) -> Option<&crate::model::Ks2Result> {
    school.ks2.iter().max_by_key(|r| r.year)
}

/// The school's most recent inspection (ISO dates sort as text).
pub fn latest_inspection(school: &School) -> Option<&Inspection> {
    school.ofsted.iter().max_by(|a, b| a.date.cmp(&b.date))
}

/// A school's name without a trailing " School", which every label would repeat.
pub fn short_school_name(name: &str) -> String {
    name.strip_suffix(" School")
        .unwrap_or(name)
        .trim_end()
        .to_string()
}

/// Source ids in first-use order, each once.
#[derive(Default)]
pub(crate) struct Sources(pub(crate) Vec<String>);

impl Sources {
    pub(crate) fn add(&mut self, id: &str) {
        if !self.0.iter().any(|s| s == id) {
            self.0.push(id.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::bundled;

    #[test]
    fn a_figure_published_for_a_predecessor_school_says_so_wherever_it_is_shown() {
        // The bundled dataset: Milton Primary Academy's 2017 results were published for its
        // predecessor, URN 123984 (DfE KS2 2017, through the GIAS links).
        let ds = bundled();
        let sel = Selection {
            cohort: CohortChoice::Cohort("compass".into()),
            year: Some(2017),
            ..Selection::default()
        };
        let chart = progress_chart(&ds, &sel);
        let row = chart.rows.iter().find(|r| r.urn == Some(144_441));
        assert_eq!(
            row.map(|r| r.label.as_str()),
            Some("Milton Primary Academy (predecessor's figures)")
        );
        assert!(chart.notes.iter().any(|n| n
            == "Milton Primary Academy: the 2017 figures were published for the predecessor school, Milton Primary School (URN 123984)."));
        let table = crate::table::progress(&chart);
        assert!(table
            .rows
            .iter()
            .any(|r| r[0].text == "Milton Primary Academy (predecessor's figures)"));
    }

    #[test]
    fn the_progress_axis_is_the_same_for_every_cohort_and_subject() {
        let ds = bundled();
        let extents: Vec<f64> = ["seven-stars", "esprit", "compass", "special-schools-trust"]
            .iter()
            .flat_map(|c| {
                [None, Some(Subject::Maths)].map(|subject| {
                    let sel = Selection {
                        cohort: CohortChoice::Cohort((*c).into()),
                        subject,
                        ..Selection::default()
                    };
                    progress_chart(&ds, &sel).extent
                })
            })
            .collect();
        assert!(extents.iter().all(|e| *e == extents[0]), "{extents:?}");
        // At least Watermill's 2017 maths, −12.6 (an area school's may reach further).
        assert!(extents[0] >= 12.6, "{}", extents[0]);
    }

    #[test]
    fn a_special_school_beside_mainstream_ones_is_marked_and_explained() {
        let ds = bundled();
        let all = progress_chart(&ds, &Selection::default());
        let labels: Vec<&str> = all.rows.iter().map(|r| r.label.as_str()).collect();
        assert!(
            labels
                .iter()
                .any(|l| l.starts_with("Watermill") && l.ends_with("(special)")),
            "{labels:?}"
        );
        assert!(all
            .notes
            .iter()
            .any(|n| n.starts_with("Special schools are marked")));
        let own = progress_chart(
            &ds,
            &Selection::cohort(CohortChoice::Cohort("special-schools-trust".into())),
        );
        assert!(
            own.rows
                .iter()
                .any(|r| r.label.starts_with("Watermill") && !r.label.contains("special")),
            "among special schools only, no mark"
        );
    }

    #[test]
    fn ofsteds_words_stand_beside_the_school_they_are_about() {
        let ds = bundled();
        let seven = ofsted_chart(
            &ds,
            &Selection::cohort(CohortChoice::Cohort("seven-stars".into())),
        );
        let said = seven.statements.join(" ");
        assert!(said.contains(
            "Forest Park Primary School, March 2017 inspection (Ofsted, as quoted in the programme's account): \u{201c}The local authority works with the school"
        ), "{said}");
        assert!(
            !seven.statements.iter().any(|s| s.starts_with("Alexandra")),
            "only the cohort's own schools' extracts"
        );
        let compass = ofsted_chart(
            &ds,
            &Selection::cohort(CohortChoice::Cohort("compass".into())),
        );
        assert!(compass
            .statements
            .iter()
            .any(|s| s
                .contains("Milton Primary School, the predecessor school, 4\u{2013}5 May 2016")));
    }

    #[test]
    fn a_predecessor_judgement_is_flagged_in_the_notes() {
        let ds = bundled();
        let chart = ofsted_chart(
            &ds,
            &Selection::cohort(CohortChoice::Cohort("compass".into())),
        );
        assert_eq!(chart.rows[0].counts.inadequate, 1);
        assert!(
            chart.notes.iter().any(|n| n.contains("predecessor school")),
            "{:?}",
            chart.notes
        );
    }

    #[test]
    fn derived_counts_say_they_come_from_rounded_percentages() {
        let ds = bundled();
        let chart = ofsted_chart(&ds, &Selection::default());
        assert!(chart
            .notes
            .iter()
            .any(|n| n.contains("rounded percentages")));
    }

    #[test]
    fn the_programme_choice_lists_every_named_school() {
        let ds = bundled();
        let chart = progress_chart(&ds, &Selection::default());
        let schools = chart
            .rows
            .iter()
            .filter(|r| r.kind == RowKind::School)
            .count();
        assert_eq!(schools, 7);
        assert_eq!(chart.rows[0].kind, RowKind::England, "England comes first");
        assert_eq!(
            chart.rows[0].year,
            Some(2019),
            "England in the schools' year"
        );
    }

    /// The bundled dataset without DfE's yearly area series: the programme's own 2016 area
    /// figures are then the only ones.
    fn without_series(mut raw: crate::model::RawDataset) -> Dataset {
        raw.context = None;
        raw.area_series.clear();
        Dataset::try_from(raw).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_area_is_shown_in_the_schools_year_and_mixed_years_are_called_out() {
        let ds = bundled();
        let chart = progress_chart(&ds, &Selection::default());
        let stoke = chart.rows.iter().find(|r| r.label == "Stoke-on-Trent");
        assert_eq!(stoke.and_then(|r| r.year), Some(2019), "DfE's 2019 figure");
        assert!(!chart.notes.iter().any(|n| n.contains("figures are for")));
        let own = progress_chart(
            &without_series(bundled().raw().clone()),
            &Selection::default(),
        );
        assert!(own
            .notes
            .iter()
            .any(|n| n.contains("Area figures are for 2016 and school figures for 2019")));
    }

    #[test]
    fn england_is_one_figure_a_year_with_its_definition_in_the_note() {
        let chart = progress_chart(&bundled(), &Selection::default());
        let england = &chart.rows[0];
        assert_eq!(
            england.cells.iter().map(Cell::text).collect::<Vec<_>>(),
            vec!["+0.03", "+0.03", "+0.03"]
        );
        assert!(chart.notes.iter().any(|n| n
            == "England in 2019: DfE's published figure for all state-funded schools (reading +0.03, writing +0.03 and maths +0.03); the measure's 0 is the national average of pupils in state-funded mainstream schools."));
        let sel = Selection {
            year: Some(2016),
            ..Selection::default()
        };
        let chart = progress_chart(&bundled(), &sel);
        assert_eq!(chart.rows[0].cells[0].text(), "0.0");
        assert!(chart.notes.iter().any(|n| n
            .starts_with("England in 2016: 0, the national average by the measure's definition")));
    }

    #[test]
    fn an_unknown_cohort_id_falls_back_to_the_programme() {
        let ds = bundled();
        assert_eq!(CohortChoice::from_id(&ds, "nope"), CohortChoice::Programme);
        assert_eq!(
            CohortChoice::from_id(&ds, "esprit"),
            CohortChoice::Cohort("esprit".into())
        );
    }

    #[test]
    fn the_disadvantage_gap_is_local_minus_england() {
        let ds = bundled();
        let gaps = |sel: &Selection| -> Vec<f64> {
            disadvantage_chart(&ds, sel)
                .rows
                .iter()
                .filter_map(GapRow::gap)
                .map(|g| (g * 100.0).round() / 100.0)
                .collect()
        };
        // 2019, the schools' year: DfE's figures, −1.29 − (−0.62) and so on.
        assert_eq!(gaps(&Selection::default()), vec![-0.67, -0.52, -0.53]);
        // 2016: the programme's account's figures (DfE's LAIT has none before 2017).
        let sel = Selection {
            year: Some(2016),
            ..Selection::default()
        };
        assert_eq!(gaps(&sel), vec![0.5, 0.2, 0.6]);
        let chart = disadvantage_chart(&ds, &Selection::default());
        assert_eq!(chart.local_name, "Stoke-on-Trent");
        assert_eq!(chart.fsm[0].label, "Stoke-on-Trent", "the local area first");
        assert_eq!(
            chart.fsm[0].year,
            Some(2019),
            "DfE's January census of the same year"
        );
    }

    /// SYNTHETIC test data, made by code: the bundled dataset with an invented 2023 result
    /// for Etruscan, to exercise the year choice and series breaks. Never shipped or shown.
    fn with_synthetic_2023() -> Dataset {
        let mut raw = bundled().raw().clone();
        if let Some(s) = raw.schools.iter_mut().find(|s| s.urn == 133_328) {
            s.ks2.push(crate::model::Ks2Result {
                published_as: None,
                pupils: None,
                year: 2023,
                reading: Some(Score {
                    value: 1.0,
                    lower: Some(-0.5),
                    upper: Some(2.5),
                    band: None,
                }),
                writing: None,
                maths: Some(Score {
                    value: 0.5,
                    lower: None,
                    upper: None,
                    band: None,
                }),
                disadvantaged_percent: None,
                disadvantaged: None,
                source: "dfe-ks2-2019".into(),
            });
        }
        match Dataset::try_from(raw) {
            Ok(ds) => ds,
            Err(e) => panic!("synthetic dataset invalid: {e}"),
        }
    }

    #[test]
    fn the_year_choice_picks_each_schools_figures_for_that_year() {
        let ds = with_synthetic_2023();
        assert_eq!(school_years(&ds), vec![2016, 2017, 2018, 2019, 2023]);
        let latest = progress_chart(
            &ds,
            &Selection::cohort(CohortChoice::Cohort("seven-stars".into())),
        );
        assert_eq!(latest.year, Some(2023));
        let etruscan = latest.rows.iter().find(|r| r.urn == Some(133_328));
        assert_eq!(etruscan.and_then(|r| r.cells[0].value()), Some(1.0));
        assert_eq!(
            etruscan.map(|r| r.cells[1].clone()),
            Some(Cell::NotPublished("not published".into()))
        );
        let forest = latest.rows.iter().find(|r| r.urn == Some(123_997));
        assert_eq!(
            forest.and_then(|r| r.cells[0].value()),
            None,
            "no 2023 figure: nothing drawn"
        );
        let sel = Selection {
            cohort: CohortChoice::Cohort("seven-stars".into()),
            year: Some(2019),
            ..Selection::default()
        };
        let older = progress_chart(&ds, &sel);
        let etruscan = older.rows.iter().find(|r| r.urn == Some(133_328));
        assert_eq!(etruscan.and_then(|r| r.cells[0].value()), Some(2.0));
    }

    #[test]
    fn comparing_2016_with_2023_notes_the_breaks_between() {
        let ds = without_series(with_synthetic_2023().raw().clone());
        let chart = progress_chart(&ds, &Selection::default());
        assert!(chart
            .notes
            .iter()
            .any(|n| n.contains("No KS2 assessments took place in 2020 and 2021")));
        assert!(chart
            .notes
            .iter()
            .any(|n| n.contains("No school-level KS2 results were published for 2022")));
        let bundled_chart = progress_chart(&bundled(), &Selection::default());
        assert!(
            !bundled_chart
                .notes
                .iter()
                .any(|n| n.contains("2020 and 2021")),
            "2016 to 2019 spans no break"
        );
    }
}
