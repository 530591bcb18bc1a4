//! The area charts' model: the home area against its region, its statistical neighbours and
//! England, year by year, for KS2 progress (a panel per subject), attainment and free-school-
//! meal eligibility, for the pupils chosen. The axis covers every year any series has, so the
//! three charts line up.

use std::collections::BTreeSet;

use super::notes;
use crate::breaks;
use crate::charts::timeline::{
    axis_start, band_of, gaps_of, line, Role, TrendChart, TrendKind, TrendLine, TrendPanel,
};
use crate::dataset::Dataset;
use crate::model::{AreaContext, AreaMeasure, PupilGroup, Subject};
use crate::provenance::{LegendEntry, Sources, NEIGHBOURS};
use crate::selection::Selection;

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
        let m = crate::charts::kit::nice_ceiling(lo.abs().max(hi.abs()).max(0.5));
        (-m, m)
    } else if kind == TrendKind::Fsm {
        (0.0, crate::charts::kit::nice_ceiling(hi * 1.05))
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
        notes.extend(notes::country_basis(dataset, &panels));
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
        notes.push(format!("{}: {text}", crate::format::join_words(&at)));
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
    let statements =
        crate::provenance::claims::bearing_on(dataset, &all_measures, pupils, &mut sources);
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
        focus: None,
    }
}
