//! The area charts over time: the home area against its region, its statistical neighbours
//! and England, year by year, for KS2 progress (one panel per subject), attainment and
//! free-school-meal eligibility. Models only: drawing is `charts::trend`, words are
//! `summary::trend`, the table is `table::trend`.

use std::collections::BTreeSet;

mod notes;
pub mod table;
pub mod words;

use crate::aggregate::{LegendEntry, Selection, Sources};
use crate::breaks::{self, Measure};
use crate::dataset::Dataset;
use crate::model::{AreaContext, AreaMeasure, PupilGroup, Subject};

/// Series id of the statistical neighbours (band, median and their points).
pub const NEIGHBOURS: &str = "neighbours";

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
    fn breaks(self) -> Option<Measure> {
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

fn measures(kind: TrendKind, subject: Option<Subject>) -> Vec<AreaMeasure> {
    match kind {
        TrendKind::Progress => subject
            .map_or(Subject::ALL.to_vec(), |s| vec![s])
            .into_iter()
            .map(AreaMeasure::progress)
            .collect(),
        TrendKind::Attainment => vec![AreaMeasure::ExpectedStandardRwm],
        TrendKind::Fsm => vec![AreaMeasure::PrimaryFsm],
        TrendKind::Schools => Vec::new(),
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

/// The median of values sorted ascending; 0 for none.
pub(crate) fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    match n {
        0 => 0.0,
        _ if n % 2 == 1 => sorted[n / 2],
        _ => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
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
                median: median(&vals),
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

/// The axis (every year any area series of the dataset covers, plus cohort start years just
/// before) and the first year with data: `(axis start, first data year, last year)`.
fn axis_years(dataset: &Dataset) -> Option<(u16, u16, u16)> {
    let raw = dataset.raw();
    let years: BTreeSet<u16> = raw
        .area_series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.year))
        .collect();
    let first = *years.first()?;
    let last = *years.last()?;
    Some((axis_start(raw, first, last), first, last))
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

/// Builds an area chart for a selection; `None` when the dataset has no area context.
pub fn trend_chart(dataset: &Dataset, kind: TrendKind, sel: &Selection) -> TrendChart {
    let raw = dataset.raw();
    let pupils = if kind.has_pupils() {
        sel.pupils
    } else {
        PupilGroup::All
    };
    let empty_ctx = AreaContext {
        home: String::new(),
        region: None,
        country: String::new(),
        neighbours: Vec::new(),
        neighbours_source: None,
        neighbours_note: None,
    };
    let ctx = raw.context.as_ref().unwrap_or(&empty_ctx);
    let home = dataset.area_name(&ctx.home).to_string();
    let (axis_start, data_first, axis_end) = axis_years(dataset).unwrap_or((2016, 2016, 2016));
    let years = (axis_start, axis_end);
    let mut sources = Sources::default();
    let named: Vec<(&str, Role)> = std::iter::once((ctx.home.as_str(), Role::Home))
        .chain(ctx.region.iter().map(|r| (r.as_str(), Role::Region)))
        .chain(std::iter::once((ctx.country.as_str(), Role::Country)))
        .filter(|(id, _)| !id.is_empty())
        .collect();

    // The value axis covers every pupil group and every subject of the chart, shown or not.
    let all_measures = measures(kind, None);
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for s in &raw.area_series {
        let ours = named.iter().any(|(id, _)| *id == s.area) || ctx.neighbours.contains(&s.area);
        if ours && all_measures.contains(&s.measure) {
            for v in s.points.iter().filter_map(|p| p.value) {
                lo = lo.min(v);
                hi = hi.max(v);
            }
        }
    }
    let domain = if !lo.is_finite() {
        (0.0, 1.0)
    } else if kind == TrendKind::Progress {
        let m = crate::charts::nice_ceiling(lo.abs().max(hi.abs()).max(0.5));
        (-m, m)
    } else if kind == TrendKind::Fsm {
        (0.0, crate::charts::nice_ceiling(hi * 1.05))
    } else {
        let pad = ((hi - lo) * 0.1).max(2.0);
        let step = 10.0;
        (
            ((lo - pad) / step).floor() * step,
            ((hi + pad) / step).ceil() * step,
        )
    };

    let mut panels = Vec::new();
    for measure in measures(kind, sel.subject) {
        let lines: Vec<TrendLine> = named
            .iter()
            .filter(|(id, _)| sel.shows(id))
            .filter_map(|(id, role)| line(dataset, id, *role, measure, pupils))
            .collect();
        let neighbours: Vec<TrendLine> = if sel.shows(NEIGHBOURS) {
            ctx.neighbours
                .iter()
                .filter_map(|id| line(dataset, id, Role::Neighbour, measure, pupils))
                .collect()
        } else {
            Vec::new()
        };
        for l in lines.iter().chain(&neighbours) {
            for p in l.points.iter().filter(|p| p.value.is_some()) {
                sources.add(&p.source);
            }
        }
        let heading = match kind {
            TrendKind::Progress => match measure {
                AreaMeasure::ReadingProgress => "Reading",
                AreaMeasure::WritingProgress => "Writing",
                _ => "Maths",
            }
            .to_string(),
            _ => String::new(),
        };
        panels.push(TrendPanel {
            heading,
            measure,
            band: band_of(&neighbours),
            lines,
            neighbours,
        });
    }
    if !ctx.neighbours.is_empty() && sel.shows(NEIGHBOURS) {
        if let Some(s) = &ctx.neighbours_source {
            sources.add(s);
        }
    }

    // Gaps: years on the axis where no drawn line has a figure.
    let has_value = |y: u16| {
        panels.iter().any(|p| {
            p.lines
                .iter()
                .chain(&p.neighbours)
                .any(|l| l.value(y).is_some())
        })
    };
    let gaps = gaps_of(data_first, years.1, kind.breaks(), has_value);
    let mut notes: Vec<String> = Vec::new();
    if let Some(m) = kind.breaks() {
        for b in breaks::BREAKS
            .iter()
            .filter(|b| b.measures.contains(&m) && b.from <= years.1 && b.to >= data_first)
        {
            notes.push(b.text.to_string());
        }
    }
    if !ctx.neighbours.is_empty() && sel.shows(NEIGHBOURS) {
        if let Some(n) = &ctx.neighbours_note {
            notes.push(n.clone());
        }
        notes.push(
            "The shaded band runs from the lowest to the highest of the statistical neighbours each year; the dashed line is their median."
                .into(),
        );
    }
    if kind == TrendKind::Progress {
        notes.push(
            "A progress score compares pupils' KS2 results with those of pupils nationally who had similar KS1 results: 0 is the national average of all pupils."
                .into(),
        );
    }
    // Point caveats, each once, with the areas and years they apply to.
    let mut caveats: Vec<(String, Vec<String>)> = Vec::new();
    for l in panels.iter().flat_map(|p| p.lines.iter()) {
        for p in &l.points {
            if let Some(n) = &p.note {
                let at = format!("{} {}", l.name, p.year);
                match caveats.iter_mut().find(|(t, _)| t == n) {
                    Some((_, list)) if !list.contains(&at) => list.push(at),
                    Some(_) => {}
                    None => caveats.push((n.clone(), vec![at])),
                }
            }
        }
    }
    for (text, at) in caveats {
        notes.push(format!("{}: {text}", crate::summary::join_words(&at)));
    }
    notes.extend(notes::seed_comparisons(
        dataset,
        kind,
        pupils,
        &panels,
        &mut sources,
    ));

    let mut legend: Vec<LegendEntry> = named
        .iter()
        .map(|(id, _)| LegendEntry {
            id: (*id).to_string(),
            label: dataset.area_name(id).to_string(),
            shown: sel.shows(id),
        })
        .collect();
    if !ctx.neighbours.is_empty() {
        legend.push(LegendEntry {
            id: NEIGHBOURS.into(),
            label: format!("{} statistical neighbours", ctx.neighbours.len()),
            shown: sel.shows(NEIGHBOURS),
        });
    }
    // The statements whose claims bear on these measures and pupils, each with its test.
    let statements = crate::claims::bearing_on(dataset, &all_measures, pupils, &mut sources);
    let pupils_words = match pupils {
        PupilGroup::All => String::new(),
        p => format!(", {}", p.label()),
    };
    let span = format!("{}\u{2013}{}", data_first, years.1);
    let title = match kind {
        TrendKind::Progress => format!("KS2 progress over time{pupils_words}: {home} in context, {span}"),
        TrendKind::Attainment => format!(
            "Pupils meeting the expected standard in reading, writing and maths{pupils_words}: {home} in context, {span}"
        ),
        TrendKind::Fsm | TrendKind::Schools => format!("Primary pupils eligible for free school meals: {home} in context, {span}"),
    };
    TrendChart {
        kind,
        title,
        pupils,
        home,
        years,
        domain,
        panels,
        gaps,
        starts: raw
            .programme
            .start_waves
            .iter()
            .filter(|w| (years.0..=years.1).contains(&w.year))
            .map(|w| (w.year, w.cohorts))
            .collect(),
        legend,
        notes,
        statements,
        sources: sources.0,
        band_label: "Statistical neighbours".into(),
        band_short: "Neighbours".into(),
        band_member: "statistical neighbour".into(),
    }
}

#[cfg(test)]
mod tests;
