//! Sentences that set a dataset's own area figures (a programme's document, say) beside the
//! yearly series of the same area: where both give a figure, both are named by their
//! sources' publishers and any difference is stated; shares given with no year are set
//! beside the series' figures of the year of the dataset's other figures.

use crate::charts::timeline::{Role, TrendKind, TrendLine, TrendPanel};
use crate::dataset::Dataset;
use crate::format::{self, join_words};
use crate::model::{AreaMeasure, PupilGroup, Subject};
use crate::provenance::Sources;

/// The year of the dataset's own figures for the home area, if it gives any.
fn own_year(dataset: &Dataset, home: &str) -> Option<u16> {
    dataset
        .raw()
        .area_progress
        .iter()
        .filter(|p| p.area == home)
        .map(|p| p.year)
        .min()
}

fn subject_of(m: AreaMeasure) -> Option<Subject> {
    Subject::ALL
        .into_iter()
        .find(|s| AreaMeasure::progress(*s) == m)
}

fn by_role(panel: &TrendPanel, role: Role) -> Option<&TrendLine> {
    panel.lines.iter().find(|l| l.role == role)
}

/// Who published a source, for a sentence: its publisher, else its id.
fn publisher(dataset: &Dataset, id: &str) -> String {
    dataset
        .source(id)
        .map_or_else(|| id.to_string(), |s| s.publisher.clone())
}

/// What the country's line is on a progress chart where it has published figures: of
/// another basis than the measure's 0, so that its step from 0 is read as no rise. `None`
/// where the country has no published progress figure.
pub fn country_basis(dataset: &Dataset, panels: &[TrendPanel]) -> Option<String> {
    let mut published: Vec<(u16, f64, u8, String)> = Vec::new();
    let mut name = None;
    for panel in panels {
        let Some(line) = by_role(panel, Role::Country) else {
            continue;
        };
        name.get_or_insert_with(|| line.name.clone());
        for p in &line.points {
            // A point with a note of its own stands in for a figure (0 by definition); a
            // published 0 reads as the measure's own.
            if let (Some(v), false) = (p.value, p.note.is_some() || p.value == Some(0.0)) {
                published.push((p.year, v, p.decimals, p.source.clone()));
            }
        }
    }
    let first = published.iter().map(|p| p.0).min()?;
    let by = publisher(dataset, &published.first()?.3);
    let d = published.iter().map(|p| p.2).min().unwrap_or(2);
    let lo = published.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let hi = published
        .iter()
        .map(|p| p.1)
        .fold(f64::NEG_INFINITY, f64::max);
    let range = if (hi - lo).abs() < 1e-9 {
        format::progress_at(lo, d)
    } else {
        format!(
            "{} to {}",
            format::progress_at(lo, d),
            format::progress_at(hi, d)
        )
    };
    Some(format!(
        "{} from {first}: {by}'s published figure ({range}), which is of pupils in all state-funded schools, while the measure's 0 is the national average of pupils in state-funded mainstream schools: a step from 0 to it is a change of basis, not a rise.",
        name?
    ))
}

/// The comparisons that apply to a chart, as sentences.
pub fn seed_comparisons(
    dataset: &Dataset,
    kind: TrendKind,
    pupils: PupilGroup,
    panels: &[TrendPanel],
    sources: &mut Sources,
) -> Vec<String> {
    let raw = dataset.raw();
    let Some(ctx) = &raw.context else {
        return Vec::new();
    };
    let Some(year) = own_year(dataset, &ctx.home) else {
        return Vec::new();
    };
    match kind {
        TrendKind::Progress => progress(dataset, &ctx.home, year, pupils, panels, sources),
        TrendKind::Fsm => panels
            .first()
            .map(|p| shares_without_year(dataset, year, p, sources))
            .into_iter()
            .flatten()
            .collect(),
        TrendKind::Attainment | TrendKind::Schools => Vec::new(),
    }
}

/// Does the dataset's own progress figure for the home area equal the series', for the same
/// pupils and year?
fn progress(
    dataset: &Dataset,
    home: &str,
    year: u16,
    pupils: PupilGroup,
    panels: &[TrendPanel],
    sources: &mut Sources,
) -> Vec<String> {
    let raw = dataset.raw();
    let home_name = dataset.area_name(home);
    let (mut same, mut differ, mut only_own) = (Vec::new(), Vec::new(), Vec::new());
    let (mut own_by, mut series_by) = (None, None);
    for panel in panels {
        let (Some(subject), Some(line)) = (subject_of(panel.measure), by_role(panel, Role::Home))
        else {
            continue;
        };
        let Some(own) = raw.area_progress.iter().find(|p| {
            p.area == home && p.year == year && p.subject == subject && p.pupils == pupils
        }) else {
            continue;
        };
        sources.add(&own.source);
        own_by.get_or_insert_with(|| publisher(dataset, &own.source));
        let what = subject.label().to_lowercase();
        let Some(point) = line.at(year).filter(|p| p.value.is_some()) else {
            only_own.push(format!("{what} {}", format::progress(own.value)));
            continue;
        };
        let v = point.value.unwrap_or_default();
        series_by.get_or_insert_with(|| publisher(dataset, &point.source));
        let published = format::progress_at(v, point.decimals);
        if (own.value - v).abs() < 1e-9 {
            let words = own.quote.as_ref().map_or_else(String::new, |q| {
                format!(" (its words: \u{201c}{q}\u{201d})")
            });
            same.push(format!("{what} {published}{words}"));
        } else {
            differ.push(format!(
                "{what} {} against {published}",
                format::progress(own.value)
            ));
        }
    }
    let own_by = own_by.unwrap_or_default();
    let series_by = series_by.unwrap_or_default();
    let mut out = Vec::new();
    if !same.is_empty() {
        out.push(format!(
            "{own_by} gives the same {year} progress for {home_name} as {series_by}: {}.",
            join_words(&same)
        ));
    }
    if !only_own.is_empty() {
        out.push(format!(
            "{own_by} gives {year} progress of {} in {home_name} ({}); the yearly series has none for {year}.",
            pupils.label(),
            join_words(&only_own)
        ));
    }
    if !differ.is_empty() {
        out.push(format!(
            "{own_by} and {series_by} differ for {home_name} in {year}: {}.",
            join_words(&differ)
        ));
    }
    out
}

/// Shares the dataset gives with no year, beside the series' figures of `year`.
fn shares_without_year(
    dataset: &Dataset,
    year: u16,
    panel: &TrendPanel,
    sources: &mut Sources,
) -> Option<String> {
    let mut parts = Vec::new();
    let mut by = None;
    for f in dataset.raw().fsm.iter().filter(|f| f.year.is_none()) {
        let Some(line) = panel.lines.iter().find(|l| l.area == f.area) else {
            continue;
        };
        let Some(p) = line.at(year).filter(|p| p.value.is_some()) else {
            continue;
        };
        let v = p.value.unwrap_or_default();
        sources.add(&f.source);
        by.get_or_insert_with(|| (publisher(dataset, &f.source), publisher(dataset, &p.source)));
        let published = format::percent_at(v, p.decimals);
        let given = format::percent(f.percent);
        parts.push(if (f.percent - v).abs() < 1e-9 {
            format!(
                "{}: {given}, and {published} in January {year} (the same)",
                line.name
            )
        } else {
            format!(
                "{}: {given}, and {published} in January {year}, a difference of {} points",
                line.name,
                format::percent_at((v - f.percent).abs(), p.decimals).trim_end_matches('%')
            )
        });
    }
    let (own_by, series_by) = by?;
    Some(format!(
        "{own_by} gives free-school-meal shares with no year; beside {series_by}'s figures for {year}, the year of its other figures: {}.",
        join_words(&parts)
    ))
}
