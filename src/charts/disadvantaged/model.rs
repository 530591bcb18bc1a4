//! The disadvantaged pupils' model: the home area's and England's disadvantaged pupils'
//! progress (and the chosen schools' median, derived) in the schools' year where the areas
//! have figures then, and free-school-meal shares of that January.

use crate::dataset::{Dataset, ENGLAND};
use crate::model::{PupilGroup, School, Score, Subject};
use crate::provenance::{legend_of, Cell, LegendEntry, Sources};
use crate::selection::{CohortChoice, Selection};

/// Id of the chosen cohort's own bar (its schools' median).
pub const COHORT_BAR: &str = "cohort";

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
    /// Who gives the progress figures, where some are not a published series' (a programme's
    /// own figures, for a year no series covers): sentences that compare them name it.
    pub figures_by: Option<String>,
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
            .filter_map(|s| s.latest_ks2())
            .map(|r| r.year)
            .max()
    });
    let year = dataset.area_progress_year(&local, PupilGroup::Disadvantaged, wanted);
    let mut figures_by: Option<String> = None;
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
                if !f.published && figures_by.is_none() {
                    figures_by = Some(
                        dataset
                            .source(&f.source)
                            .map_or_else(|| f.source.clone(), |s| s.publisher.clone()),
                    );
                }
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
    // Each series named as its bars are: the areas by name, the neighbours' bar by what it
    // is ("Statistical neighbours' median", not the id "neighbours").
    let mut legend = legend_of(
        [local.as_str(), ENGLAND]
            .into_iter()
            .map(|id| (id, dataset.area_name(id).to_string()))
            .chain(fsm.iter().map(|b| (b.area.as_str(), b.label.clone())))
            .filter(|(id, _)| !id.is_empty()),
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
    let statements = crate::provenance::claims::about(dataset, "disadvantaged", &mut sources);
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
        figures_by,
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
    let Some(median) = crate::stats::median(&sorted) else {
        return (None, 0);
    };
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
        median.value = crate::stats::median(&sorted).unwrap_or(median.value);
        push(
            FsmRole::Neighbours,
            crate::provenance::NEIGHBOURS,
            "Statistical neighbours' median".to_string(),
            median,
        );
    }
    out
}
