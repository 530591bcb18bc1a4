//! The inspection journeys' model: each school's graded inspections on a time line, the
//! judgement in force when the programme started beside the latest one, and whose inspection
//! each was.

use crate::dataset::Dataset;
use crate::model::{Judgement, PublishedAs};
use crate::provenance::{LegendEntry, Sources};
use crate::selection::{CohortChoice, Selection};

/// The most schools drawn on the time line; the table lists every inspection of all.
pub const MAX_ROWS: usize = 30;

/// One inspection on the line.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Overall effectiveness.
    pub judgement: Judgement,
    /// As named at the time ("Satisfactory"), else today's name.
    pub label: String,
    /// Id of the source.
    pub source: String,
    /// A caveat.
    pub note: Option<String>,
    /// The school inspected, when it is not this one.
    pub published_as: Option<PublishedAs>,
}

impl Event {
    /// The date as a fractional year, for placing on the axis.
    pub fn at(&self) -> f64 {
        let mut p = self
            .date
            .split('-')
            .map(|x| x.parse::<f64>().unwrap_or(1.0));
        let (y, m, d) = (
            p.next().unwrap_or(2000.0),
            p.next().unwrap_or(1.0),
            p.next().unwrap_or(1.0),
        );
        y + ((m - 1.0) * 30.5 + d - 1.0) / 366.0
    }

    /// "Good (grade 2), 9 March 2017".
    pub fn words(&self) -> String {
        let mut t = format!(
            "{} (grade {}), {}",
            self.label,
            self.judgement.grade(),
            crate::format::date(&self.date)
        );
        if let Some(p) = &self.published_as {
            t.push_str(&format!("; inspected as {} (URN {})", p.name, p.urn));
        }
        t
    }
}

/// One school's line.
#[derive(Debug, Clone, PartialEq)]
pub struct Journey {
    /// Its URN.
    pub urn: u32,
    /// Its name.
    pub name: String,
    /// Inspections, oldest first.
    pub events: Vec<Event>,
}

/// The journeys of a cohort's schools.
#[derive(Debug, Clone, PartialEq)]
pub struct JourneysChart {
    /// Title.
    pub title: String,
    /// One per school with an inspection, at most [`MAX_ROWS`] drawn.
    pub rows: Vec<Journey>,
    /// Schools with an inspection in all, drawn or not.
    pub schools: usize,
    /// Every school's line, for the table.
    pub all_rows: Vec<Journey>,
    /// First and last year on the axis.
    pub years: (u16, u16),
    /// Years cohorts started, with how many.
    pub starts: Vec<(u16, u32)>,
    /// Judgements used (the key drawn in the chart).
    pub judgements: Vec<Judgement>,
    /// No toggles: every inspection is always shown.
    pub legend: Vec<LegendEntry>,
    /// Caveats.
    pub notes: Vec<String>,
    /// Sources cited.
    pub sources: Vec<String>,
}

/// The judgement in force on a date: the latest inspection on or before it.
pub fn in_force<'a>(j: &'a Journey, date: &str) -> Option<&'a Event> {
    j.events.iter().rev().find(|e| e.date.as_str() <= date)
}

/// Builds the journeys for a selection.
pub fn journeys_chart(dataset: &Dataset, sel: &Selection) -> JourneysChart {
    let raw = dataset.raw();
    let mut sources = Sources::default();
    let mut rows: Vec<Journey> = sel
        .cohort
        .schools(dataset)
        .into_iter()
        .filter(|s| !s.ofsted.is_empty())
        .map(|s| {
            let mut events: Vec<Event> = s
                .ofsted
                .iter()
                .map(|i| {
                    sources.add(&i.source);
                    Event {
                        date: i.date.clone(),
                        judgement: i.judgement,
                        label: i
                            .named
                            .clone()
                            .unwrap_or_else(|| i.judgement.label().to_string()),
                        source: i.source.to_string(),
                        note: i.note.clone(),
                        published_as: i.published_as.clone(),
                    }
                })
                .collect();
            crate::order::sort_by(&mut events, |a, b| a.date.cmp(&b.date));
            Journey {
                urn: s.urn,
                name: s.name.clone(),
                events,
            }
        })
        .collect();
    let schools = rows.len();
    let mut notes = Vec::new();
    if schools > MAX_ROWS {
        notes.push(format!(
            "The time line shows the first {MAX_ROWS} of {schools} schools; the Table tab lists every inspection."
        ));
    }
    let all_rows = rows.clone();
    rows.truncate(MAX_ROWS);
    let first = rows
        .iter()
        .flat_map(|r| r.events.first())
        .filter_map(|e| e.date.get(..4)?.parse::<u16>().ok())
        .min()
        .unwrap_or(2015);
    let last = rows
        .iter()
        .flat_map(|r| r.events.last())
        .filter_map(|e| e.date.get(..4)?.parse::<u16>().ok())
        .max()
        .unwrap_or(first)
        .max(
            raw.programme
                .start_waves
                .iter()
                .map(|w| w.year)
                .max()
                .unwrap_or(first),
        );
    // The title names the years of the inspections drawn, not the axis (which reaches the
    // cohorts' starts).
    let years: Vec<u16> = rows
        .iter()
        .flat_map(|r| r.events.iter())
        .filter_map(|e| e.date.get(..4)?.parse::<u16>().ok())
        .collect();
    let span = match (years.iter().min(), years.iter().max()) {
        (Some(a), Some(b)) if a != b => format!(", {a}\u{2013}{b}"),
        (Some(a), _) => format!(", {a}"),
        _ => String::new(),
    };
    let mut used: Vec<Judgement> = rows
        .iter()
        .flat_map(|r| r.events.iter().map(|e| e.judgement))
        .collect();
    crate::order::sort_by(&mut used, Ord::cmp);
    used.dedup();
    if rows
        .iter()
        .any(|r| r.events.iter().any(|e| e.label == "Satisfactory"))
    {
        notes.push("\u{201c}Satisfactory\u{201d} was grade 3 until September 2012, when it became \u{201c}Requires improvement\u{201d}.".into());
    }
    if sources.0.iter().any(|s| s == "ofsted-graded-history") {
        notes.push("The graded inspections before 2018 come from each school's Ofsted reports page (collected in March 2020), not an Ofsted dataset; ungraded short inspections are not in it.".into());
    }
    for r in &rows {
        for e in r.events.iter().filter(|e| e.note.is_some()) {
            if let Some(n) = &e.note {
                notes.push(format!("{}, {}: {n}", r.name, crate::format::date(&e.date)));
            }
        }
    }
    if rows
        .iter()
        .any(|r| r.events.iter().any(|e| e.published_as.is_some()))
    {
        notes.push("Hollow rings are inspections of a predecessor school (before an academy conversion), shown with the school it became.".into());
    }
    notes.extend(crate::provenance::claims::about(
        dataset,
        "attribution",
        &mut sources,
    ));
    let who = match &sel.cohort {
        CohortChoice::Programme => "the programme's schools".to_string(),
        CohortChoice::Cohort(_) => format!("{}'s schools", sel.cohort.name(dataset)),
    };
    JourneysChart {
        title: format!("Inspection journeys of {who}{span}"),
        rows,
        all_rows,
        schools,
        years: (first, last),
        starts: raw
            .programme
            .start_waves
            .iter()
            .map(|w| (w.year, w.cohorts))
            .collect(),
        judgements: used,
        legend: Vec::new(),
        notes,
        sources: sources.0,
    }
}
