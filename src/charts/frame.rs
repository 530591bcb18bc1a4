//! What every chart says around its drawing, the same for all: the source line, the file name
//! of a download, and the downloadable drawing framed with its title, summary, notes and
//! source line.

use super::kit::{export, ChartError};
use super::Chart;
use crate::dataset::Dataset;
use crate::selection::{CohortChoice, Selection};

/// "Source: publisher, title, date; …" for under the chart and in downloads; the reader's own
/// data says so first.
pub fn source_line(chart: &dyn Chart, dataset: &Dataset) -> String {
    let parts: Vec<String> = chart
        .sources()
        .iter()
        .filter_map(|id| dataset.source(id))
        .map(crate::model::Source::cited)
        .collect();
    let source = format!("Source: {}", parts.join("; "));
    match dataset.origin() {
        Some(files) => format!(
            "Your data, from {}: not the published figures. {source}",
            files.join(", ")
        ),
        None => source,
    }
}

/// "Source: publisher; publisher": the sources by publisher alone, one line for a slide (the
/// full citation stays on the page, in the card's source line and sources).
pub fn source_brief(chart: &dyn Chart, dataset: &Dataset) -> String {
    sources_brief(chart.sources(), dataset)
}

/// [`source_brief`] of the sources `ids` (several charts' together: a slide of the answer).
pub fn sources_brief<'a>(ids: impl IntoIterator<Item = &'a String>, dataset: &Dataset) -> String {
    let mut publishers: Vec<&str> = Vec::new();
    for s in ids.into_iter().filter_map(|id| dataset.source(id)) {
        if !publishers.contains(&s.publisher.as_str()) {
            publishers.push(&s.publisher);
        }
    }
    let source = format!("Source: {}", publishers.join("; "));
    match dataset.origin() {
        Some(_) => format!("Your data, not the published figures. {source}"),
        None => source,
    }
}

/// The drawing framed with its heading (its finding, as on the page), its title, summary,
/// every note and the source line, for download: a copy lifted into a report keeps what the
/// page says beside the chart.
pub fn export_svg(chart: &dyn Chart, dataset: &Dataset, width: u32) -> Result<String, ChartError> {
    let finding = chart.finding();
    let mut summary: Vec<String> = finding.iter().map(|_| chart.title().to_string()).collect();
    summary.extend(chart.summary());
    summary.extend(chart.notes().into_iter().map(|n| format!("Note: {n}")));
    let source_line = source_line(chart, dataset);
    let frame = export::Frame {
        title: finding.as_deref().unwrap_or(chart.title()),
        summary: &summary,
        source_line: &source_line,
    };
    export::svg(&frame, chart.size(width), |area| chart.draw(area))
}

/// The cohort chosen, as a file name says it: `all-schools` or the cohort's id.
pub(super) fn cohort_words(sel: &Selection) -> Vec<String> {
    vec![match &sel.cohort {
        CohortChoice::Programme => "all-schools".to_string(),
        CohortChoice::Cohort(id) => id.clone(),
    }]
}

/// A file name without extension that says what the file holds:
/// `ks2-progress_seven-stars_maths_2019`.
pub fn file_stem(chart: &dyn Chart, sel: &Selection) -> String {
    let mut parts = vec![chart.id().id().to_string()];
    parts.extend(chart.file_words(sel));
    if let Some(y) = chart.year() {
        parts.push(y.to_string());
    }
    parts.join("_")
}
