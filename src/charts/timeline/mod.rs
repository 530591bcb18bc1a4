//! Charts over the years, shared by the area charts and the cohort's schools over time: the
//! model of lines (one a school or area), a band (the neighbours' or like-for-like schools'
//! spread and median), gap years and cohort starts, and its drawing, marks and table. Each
//! chart that draws over the years builds one of these in its own folder.

use std::collections::BTreeSet;

pub mod draw;
mod key;
mod labels;
mod layout;
pub mod reading;
pub mod table;

use crate::breaks::{self, Measure};
use crate::dataset::Dataset;
use crate::model::{AreaMeasure, PupilGroup};
use crate::provenance::LegendEntry;

/// Which of the three area charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrendKind {
    /// KS2 progress per subject.
    Progress,
    /// % meeting the expected standard in reading, writing and maths.
    Attainment,
    /// % of primary pupils eligible for free school meals.
    Fsm,
    /// A cohort's schools' KS2 progress over time (`crate::schools`).
    Schools,
}

impl TrendKind {
    /// The series-break measure whose gaps apply.
    pub(crate) fn breaks(self) -> Option<Measure> {
        match self {
            TrendKind::Progress => Some(Measure::Ks2AreaProgress),
            TrendKind::Attainment => Some(Measure::Ks2AreaAttainment),
            TrendKind::Fsm => None,
            TrendKind::Schools => Some(Measure::Ks2Progress),
        }
    }

    /// Whether the pupil-group choice applies.
    pub fn has_pupils(self) -> bool {
        matches!(self, TrendKind::Progress | TrendKind::Attainment)
    }
}

/// What an area is on these charts: it decides colour, marker and order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// A derived line: the cohort's pupil-weighted mean.
    Derived,
    /// One of the cohort's schools (its place in the cohort, for colour and marker).
    School(u8),
    /// The programme's own area.
    Home,
    /// Its region.
    Region,
    /// England.
    Country,
    /// A statistical neighbour.
    Neighbour,
}

/// One year of a line.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    /// Year.
    pub year: u16,
    /// The figure; `None` is not published.
    pub value: Option<f64>,
    /// Decimal places as published.
    pub decimals: u8,
    /// Id of the source.
    pub source: String,
    /// A caveat.
    pub note: Option<String>,
    /// What the tooltip and table add (pupils, DfE's band, the school published for).
    pub detail: Option<String>,
    /// Drawn hollow: a figure published for another school (a predecessor).
    pub hollow: bool,
}

/// One area across the years of a panel.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendLine {
    /// Area id (the legend series, except neighbours, whose series is [`NEIGHBOURS`]).
    pub area: String,
    /// Display name.
    pub name: String,
    /// What it is.
    pub role: Role,
    /// Its points, oldest first, only years the source covers.
    pub points: Vec<TrendPoint>,
}

impl TrendLine {
    /// The point of a year.
    pub fn at(&self, year: u16) -> Option<&TrendPoint> {
        self.points.iter().find(|p| p.year == year)
    }

    /// The published value of a year.
    pub fn value(&self, year: u16) -> Option<f64> {
        self.at(year).and_then(|p| p.value)
    }
}

/// The neighbours' spread in one year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BandPoint {
    /// Year.
    pub year: u16,
    /// Lowest neighbour.
    pub min: f64,
    /// Highest neighbour.
    pub max: f64,
    /// Median of the neighbours with a figure.
    pub median: f64,
    /// How many neighbours have a figure.
    pub count: usize,
    /// Decimal places as published.
    pub decimals: u8,
}

/// One panel: a measure over the years.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendPanel {
    /// Heading ("Reading"); empty for a chart of one panel.
    pub heading: String,
    /// What is measured.
    pub measure: AreaMeasure,
    /// Home, region and England, as shown.
    pub lines: Vec<TrendLine>,
    /// The neighbours, closest first; empty when hidden.
    pub neighbours: Vec<TrendLine>,
    /// The neighbours' spread per year.
    pub band: Vec<BandPoint>,
}

/// Years with no figure on a chart, shaded and labelled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    /// First year without figures.
    pub from: u16,
    /// Last year without figures.
    pub to: u16,
    /// A few words written in the gap.
    pub label: String,
}

/// An area chart over time.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendChart {
    /// Which chart.
    pub kind: TrendKind,
    /// Title.
    pub title: String,
    /// Which pupils.
    pub pupils: PupilGroup,
    /// Name of the home area.
    pub home: String,
    /// First and last year on the axis.
    pub years: (u16, u16),
    /// Value axis, the same for every pupil group so switching does not rescale.
    pub domain: (f64, f64),
    /// One per subject (progress) or one.
    pub panels: Vec<TrendPanel>,
    /// Years without figures.
    pub gaps: Vec<Gap>,
    /// Years cohorts started, with how many.
    pub starts: Vec<(u16, u32)>,
    /// The legend.
    pub legend: Vec<LegendEntry>,
    /// Caveats.
    pub notes: Vec<String>,
    /// Published statements without figures.
    pub statements: Vec<String>,
    /// Sources cited, in first-use order.
    pub sources: Vec<String>,
    /// What the band and its points are ("Statistical neighbours", "Like-for-like schools").
    pub band_label: String,
    /// The same in a word or two for the key ("Neighbours", "Like-for-like").
    pub band_short: String,
    /// One of them ("statistical neighbour", "like-for-like school").
    pub band_member: String,
    /// The school line drawn in colour, the other schools' muted (where two or more are
    /// drawn): a colour each would be too alike for a colour-blind reader.
    pub focus: Option<u8>,
}

/// Where a value stands among the neighbours' published figures of one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rank {
    /// Neighbours it is above.
    pub above: usize,
    /// Neighbours it is below.
    pub below: usize,
    /// Neighbours with a figure that year.
    pub of: usize,
}

impl TrendPanel {
    /// The rank of `value` among the neighbours in `year`; `None` where none has a figure.
    pub fn rank(&self, year: u16, value: f64) -> Option<Rank> {
        let with: Vec<f64> = self
            .neighbours
            .iter()
            .filter_map(|l| l.value(year))
            .collect();
        (!with.is_empty()).then(|| Rank {
            above: with.iter().filter(|v| value > **v).count(),
            below: with.iter().filter(|v| value < **v).count(),
            of: with.len(),
        })
    }
}

impl TrendChart {
    /// The key's and line end's name for the band's median ("Neighbours' median").
    pub fn median_label(&self) -> String {
        possessive_of(&self.band_short, "median")
    }

    /// The key's name for the band ("Neighbours' range").
    pub fn range_label(&self) -> String {
        possessive_of(&self.band_short, "range")
    }

    /// Whether the values are percentages.
    pub fn is_percent(&self) -> bool {
        matches!(self.kind, TrendKind::Attainment | TrendKind::Fsm)
    }

    /// A value as written on the page.
    pub fn format(&self, value: f64, decimals: u8) -> String {
        if self.is_percent() {
            crate::format::percent_at(value, decimals)
        } else {
            crate::format::progress_at(value, decimals)
        }
    }
}

fn possessive_of(who: &str, what: &str) -> String {
    if who.ends_with('s') {
        format!("{who}' {what}")
    } else {
        format!("{who} {what}")
    }
}

pub(crate) fn line(
    dataset: &Dataset,
    area: &str,
    role: Role,
    measure: AreaMeasure,
    pupils: PupilGroup,
) -> Option<TrendLine> {
    let s = dataset.area_series(area, measure, pupils)?;
    Some(TrendLine {
        area: area.to_string(),
        name: dataset.area_name(area).to_string(),
        role,
        points: s
            .points
            .iter()
            .map(|p| TrendPoint {
                year: p.year,
                value: p.value,
                decimals: p.decimals,
                source: p.source.clone().unwrap_or_else(|| s.source.clone()),
                note: p.note.clone(),
                detail: None,
                hollow: false,
            })
            .collect(),
    })
}

/// The neighbours' spread, year by year, where any has a figure.
pub fn band_of(neighbours: &[TrendLine]) -> Vec<BandPoint> {
    let years: BTreeSet<u16> = neighbours
        .iter()
        .flat_map(|l| l.points.iter().map(|p| p.year))
        .collect();
    years
        .into_iter()
        .filter_map(|year| {
            let mut vals: Vec<f64> = neighbours.iter().filter_map(|l| l.value(year)).collect();
            if vals.is_empty() {
                return None;
            }
            crate::order::sort_floats(&mut vals);
            let decimals = neighbours
                .iter()
                .filter_map(|l| l.at(year))
                .map(|p| p.decimals)
                .max()
                .unwrap_or(0);
            Some(BandPoint {
                year,
                min: vals[0],
                max: vals[vals.len() - 1],
                median: crate::stats::median(&vals).unwrap_or_default(),
                count: vals.len(),
                // A median of an even count can need one place more than the figures.
                decimals: if vals.len() % 2 == 0 {
                    decimals + 1
                } else {
                    decimals
                },
            })
        })
        .collect()
}

/// The years from `first` to `last` without a figure, run together where they share a
/// label: the series break's words where `measure` has one that year, else "Not published".
pub(crate) fn gaps_of(
    first: u16,
    last: u16,
    measure: Option<Measure>,
    has_value: impl Fn(u16) -> bool,
) -> Vec<Gap> {
    let mut gaps: Vec<Gap> = Vec::new();
    for y in first..=last {
        if has_value(y) {
            continue;
        }
        let label = measure
            .and_then(|m| breaks::missing_in(m, y))
            .map_or("Not published", |b| b.short)
            .to_string();
        match gaps.last_mut() {
            Some(g) if g.to + 1 == y && g.label == label => g.to = y,
            _ => gaps.push(Gap {
                from: y,
                to: y,
                label,
            }),
        }
    }
    gaps
}

/// Where an axis over `first..=last` opens: at a cohort start up to two years before the
/// first figure, so the start is marked; else at the first figure.
pub(crate) fn axis_start(raw: &crate::model::RawDataset, first: u16, last: u16) -> u16 {
    raw.programme
        .start_waves
        .iter()
        .map(|w| w.year)
        .filter(|y| y.saturating_add(2) >= first && *y <= last)
        .min()
        .unwrap_or(first)
        .min(first)
}
