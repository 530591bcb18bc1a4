//! Sentences that set the programme's own figures beside DfE's: where the programme's
//! account gives a figure that DfE also publishes, both are named and any difference is
//! stated; its statement "above West Midlands and statistical neighbours" gets a sentence
//! computed from the figures that bear on it.

use crate::charts::timeline::{Role, TrendKind, TrendLine, TrendPanel};
use crate::dataset::Dataset;
use crate::format;
use crate::format::join_words;
use crate::model::{AreaMeasure, PupilGroup, Subject};
use crate::provenance::Sources;

/// The year of the programme's own area figures (the account's "2016"), if it gives any.
fn seed_year(dataset: &Dataset, home: &str) -> Option<u16> {
    dataset
        .raw()
        .area_progress
        .iter()
        .filter(|p| p.area == home)
        .map(|p| p.year)
        .min()
}

fn subject_of(m: AreaMeasure) -> Option<Subject> {
    match m {
        AreaMeasure::ReadingProgress => Some(Subject::Reading),
        AreaMeasure::WritingProgress => Some(Subject::Writing),
        AreaMeasure::MathsProgress => Some(Subject::Maths),
        _ => None,
    }
}

fn by_role(panel: &TrendPanel, role: Role) -> Option<&TrendLine> {
    panel.lines.iter().find(|l| l.role == role)
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
    let Some(year) = seed_year(dataset, &ctx.home) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    match kind {
        TrendKind::Progress => {
            // Does the account give the same figures as DfE, for the same pupils?
            let mut same = Vec::new();
            let mut differ = Vec::new();
            let mut only_account = Vec::new();
            for panel in panels {
                let (Some(subject), Some(home)) =
                    (subject_of(panel.measure), by_role(panel, Role::Home))
                else {
                    continue;
                };
                let seed = raw.area_progress.iter().find(|p| {
                    p.area == ctx.home
                        && p.year == year
                        && p.subject == subject
                        && p.pupils == pupils
                });
                let Some(seed) = seed else { continue };
                let Some(dfe) = home.at(year).and_then(|p| p.value.map(|v| (v, p.decimals))) else {
                    sources.add(&seed.source);
                    only_account.push(format!(
                        "{} {}",
                        subject.label().to_lowercase(),
                        format::progress(seed.value)
                    ));
                    continue;
                };
                sources.add(&seed.source);
                let d = format::progress_at(dfe.0, dfe.1);
                if (seed.value - dfe.0).abs() < 1e-9 {
                    let words = seed.quote.as_ref().map_or_else(String::new, |q| {
                        format!(" (the account says \u{201c}{q}\u{201d})")
                    });
                    same.push(format!("{} {d}{words}", subject.label().to_lowercase()));
                } else {
                    differ.push(format!(
                        "{} {} in the account, {d} in DfE's figures",
                        subject.label().to_lowercase(),
                        format::progress(seed.value)
                    ));
                }
            }
            if !same.is_empty() {
                out.push(format!(
                    "The programme's account and DfE's LAIT give the same {year} progress for {}: {}.",
                    dataset.area_name(&ctx.home),
                    join_words(&same)
                ));
            }
            if !only_account.is_empty() {
                out.push(format!(
                    "The programme's account gives {year} progress of {} in {} ({}); DfE's LAIT publishes none for {year}.",
                    pupils.label(),
                    dataset.area_name(&ctx.home),
                    join_words(&only_account)
                ));
            }
            if !differ.is_empty() {
                out.push(format!(
                    "The programme's account and DfE's LAIT differ for {} in {year}: {}.",
                    dataset.area_name(&ctx.home),
                    join_words(&differ)
                ));
            }
        }
        TrendKind::Fsm => {
            let Some(panel) = panels.first() else {
                return out;
            };
            let mut parts = Vec::new();
            for f in raw.fsm.iter().filter(|f| f.year.is_none()) {
                let Some(line) = panel.lines.iter().find(|l| l.area == f.area) else {
                    continue;
                };
                let Some(p) = line.at(year).filter(|p| p.value.is_some()) else {
                    continue;
                };
                let Some(v) = p.value else { continue };
                sources.add(&f.source);
                let dfe = format::percent_at(v, p.decimals);
                let seed = format::percent(f.percent);
                let same = (f.percent - v).abs() < 1e-9;
                parts.push(if same {
                    format!("{}: {seed} in the account, {dfe} in DfE's January {year} census (the same)", line.name)
                } else {
                    format!(
                        "{}: {seed} in the account, {dfe} in DfE's January {year} census, a difference of {} points",
                        line.name,
                        format::percent_at((v - f.percent).abs(), p.decimals).trim_end_matches('%')
                    )
                });
            }
            if !parts.is_empty() {
                out.push(format!(
                    "The programme's account gives free-school-meal shares with no year; beside DfE's figures for {year}, the year of its other figures: {}.",
                    join_words(&parts)
                ));
            }
        }
        TrendKind::Attainment | TrendKind::Schools => {}
    }
    out
}
