//! Which school an inspection was of: one rule for every school, in the command and in the
//! page's "Load your data".
//!
//! Ofsted's file of latest inspections lists a converter academy's latest inspection under the
//! academy's URN even when it was an inspection of the school before it; the graded history
//! files each inspection under the URN whose reports page holds it, dated by its first day.
//! So, for each school (a chain of URNs through its conversions):
//!
//! - records of the two files within a day of each other, under any URNs of the chain, are
//!   one inspection, of the URN the history files it under;
//! - any other record dated before the URN it is listed under opened (the links file, then
//!   the school list's opening date; where the two disagree, the earlier, with a warning) is
//!   its predecessor's, followed back one conversion at a time;
//! - a record of Ofsted's file that the history lacks is said to be most likely a short
//!   inspection only where one could have been: the graded inspection before it gave the same
//!   judgement, Good or Outstanding, and it falls between September 2015 and August 2019
//!   (section 8 short inspections of the common inspection framework). Otherwise the note says
//!   plainly that the history lacks it.
//!
//! Whatever is shown or counted of an inspection then carries the URN inspected
//! (`published_as`) and whether it was the predecessor's (`predecessor`).

use std::collections::BTreeMap;

use crate::dates::{day_number, days_apart};
use crate::format;
use crate::model::{Inspection, Judgement, PublishedAs, Urn};

/// The first and last day of section 8 short inspections (September 2015 to August 2019).
pub const SHORT_INSPECTIONS: (&str, &str) = ("2015-09-01", "2019-08-31");

/// Where a record was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Ofsted's file of latest inspections, or a base dataset's own list.
    Listed,
    /// The graded-inspection history (one record per reports-page entry).
    History,
}

/// One inspection record as a file gives it: under which URN, from which file.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The URN the file lists it under.
    pub under: Urn,
    /// Which file.
    pub origin: Origin,
    /// The record.
    pub inspection: Inspection,
}

/// One URN of a school's chain.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Node {
    /// When it opened, where a file says (`YYYY-MM-DD`).
    pub opened: Option<String>,
    /// The URNs it directly replaced.
    pub before: Vec<Urn>,
    /// Its name.
    pub name: String,
}

/// A school as the files know it: the URN shown and every URN of its chain.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lineage {
    /// The URN the school is shown under.
    pub shown: Urn,
    /// Every URN of the chain, the shown one included.
    pub nodes: BTreeMap<Urn, Node>,
}

impl Lineage {
    /// Whether `urn` is one the shown school replaced, through any number of conversions.
    pub fn is_ancestor(&self, urn: Urn) -> bool {
        let mut todo = vec![self.shown];
        let mut seen = vec![self.shown];
        while let Some(u) = todo.pop() {
            for b in self
                .nodes
                .get(&u)
                .map(|n| n.before.as_slice())
                .unwrap_or(&[])
            {
                if *b == urn {
                    return true;
                }
                if !seen.contains(b) {
                    seen.push(*b);
                    todo.push(*b);
                }
            }
        }
        false
    }

    fn name(&self, urn: Urn) -> String {
        self.nodes
            .get(&urn)
            .map(|n| n.name.clone())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| format!("URN {urn}"))
    }

    /// The URN that was open on `date`, starting from `under` and stepping back one
    /// conversion at a time while `date` is before the URN's opening. `Err` when the date is
    /// before the opening and the files name no single school before it.
    pub fn open_on(&self, under: Urn, date: &str) -> Result<Urn, Urn> {
        let mut at = under;
        for _ in 0..=self.nodes.len() {
            let Some(node) = self.nodes.get(&at) else {
                return Ok(at);
            };
            let before_opening = node
                .opened
                .as_deref()
                .and_then(day_number)
                .zip(day_number(date))
                .is_some_and(|(open, d)| d < open);
            if !before_opening {
                return Ok(at);
            }
            match node.before.as_slice() {
                [one] => at = *one,
                _ => return Err(at),
            }
        }
        Ok(at)
    }
}

/// What settling a school's records gives back besides its list.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Settled {
    /// The inspections, oldest first.
    pub inspections: Vec<Inspection>,
    /// Records of Ofsted's file (or a base) newly found to be a predecessor's.
    pub marked: usize,
    /// History records not already in the list.
    pub added: usize,
    /// What the files could not settle (two judgements for one inspection).
    pub warnings: Vec<String>,
}

fn within_a_day(a: &str, b: &str) -> bool {
    days_apart(a, b).is_some_and(|d| d <= 1)
}

/// Settles one school's inspection records by the rule in the module's head. `history_name`
/// names the history file in warnings; empty where none was read, and then no record is
/// said to be missing from it. Every other record only Ofsted's file has gets its note, a
/// school the history has no record of at all too.
pub fn settle(lineage: &Lineage, found: Vec<Found>, history_name: &str) -> Settled {
    let mut out = Settled::default();
    let (mut history, listed): (Vec<Found>, Vec<Found>) =
        found.into_iter().partition(|f| f.origin == Origin::History);
    // A base that already holds the history's records, read again with the history: once.
    let mut seen: Vec<(Urn, String)> = Vec::new();
    history.retain(|h| {
        let key = (h.under, h.inspection.date.clone());
        let new = !seen.contains(&key);
        seen.push(key);
        new
    });
    let mut used = vec![false; history.len()];
    let mut kept: Vec<Inspection> = Vec::new();
    for f in listed {
        // One inspection listed twice (under two URNs of the chain): once.
        if kept.iter().any(|k| {
            within_a_day(&k.date, &f.inspection.date) && k.judgement == f.inspection.judgement
        }) {
            continue;
        }
        let same = history
            .iter()
            .enumerate()
            .find(|(i, h)| !used[*i] && within_a_day(&h.inspection.date, &f.inspection.date));
        let (inspected, in_history) = match same {
            Some((i, h)) => {
                used[i] = true;
                if h.inspection.judgement != f.inspection.judgement {
                    out.warnings.push(format!(
                        "{history_name}: {}: the inspection of {} is judged {} there and {} in {}",
                        lineage.name(lineage.shown),
                        h.inspection.date,
                        h.inspection.judgement.label(),
                        f.inspection.judgement.label(),
                        f.inspection.source
                    ));
                }
                (Ok(h.under), true)
            }
            None => (lineage.open_on(f.under, &f.inspection.date), false),
        };
        let mut i = f.inspection;
        if !in_history && i.note.is_none() && !history.is_empty() {
            i.note = Some(missing_from_history(&i, &history));
        }
        let was_own = i.predecessor != Some(true);
        mark(lineage, &mut i, inspected, f.under, in_history);
        // A school the history has no record of at all: said once whose inspection it was
        // (a predecessor's note says that first).
        if history.is_empty() && !history_name.is_empty() && i.note.is_none() {
            i.note = Some(missing_from_history(&i, &history));
        }
        if was_own && i.predecessor == Some(true) {
            out.marked += 1;
        }
        kept.push(i);
    }
    for (h, _) in history.into_iter().zip(&used).filter(|(_, u)| !**u) {
        let mut i = h.inspection;
        let inspected = lineage.open_on(h.under, &i.date);
        mark(lineage, &mut i, inspected, h.under, true);
        out.added += 1;
        kept.push(i);
    }
    crate::order::sort_by(&mut kept, |a, b| a.date.cmp(&b.date));
    out.inspections = kept;
    out
}

/// Sets whose inspection a record is: the shown school's own, a predecessor's (with its URN
/// and name) or a successor's. `under`: the URN the record was listed under; `in_history`:
/// the history holds it.
fn mark(
    lineage: &Lineage,
    i: &mut Inspection,
    inspected: Result<Urn, Urn>,
    under: Urn,
    in_history: bool,
) {
    let shown = lineage.shown;
    match inspected {
        Ok(u) if u == shown => {
            // Its own where a file dates the URN's opening (and the date is after it), or where
            // the history files it under this URN; else it is left as the files leave it
            // (unknown: never guessed).
            let dated = lineage
                .nodes
                .get(&shown)
                .is_some_and(|n| n.opened.is_some());
            if dated || in_history {
                i.predecessor = Some(false);
                i.published_as = None;
            }
        }
        Ok(u) => {
            let before = lineage.is_ancestor(u);
            i.predecessor = Some(before);
            i.published_as = Some(PublishedAs {
                urn: u,
                name: lineage.name(u),
            });
            if before && under != u && i.note.is_none() {
                i.note = Some(predecessor_note(lineage, under, u, &i.date));
            }
        }
        Err(at) => {
            i.predecessor = Some(true);
            i.published_as = None;
            if i.note.is_none() {
                let opened = lineage
                    .nodes
                    .get(&at)
                    .and_then(|n| n.opened.clone())
                    .unwrap_or_default();
                i.note = Some(format!(
                    "Dated before URN {at} opened ({}): a predecessor school's inspection; the files name no single school before it.",
                    format::date(&opened)
                ));
            }
        }
    }
}

/// Why a record listed under one URN is another's.
fn predecessor_note(lineage: &Lineage, under: Urn, inspected: Urn, date: &str) -> String {
    let opened = lineage.nodes.get(&under).and_then(|n| n.opened.clone());
    match opened {
        Some(o) if day_number(date) < day_number(&o) => format!(
            "Dated before URN {under} opened ({}): the inspection of its predecessor, {} (URN {inspected}).",
            format::date(&o),
            lineage.name(inspected)
        ),
        _ => format!(
            "Ofsted's reports file this inspection under {} (URN {inspected}), the school before URN {under}.",
            lineage.name(inspected)
        ),
    }
}

/// The note on a record of Ofsted's file that the graded history lacks.
fn missing_from_history(i: &Inspection, history: &[Found]) -> String {
    let before = history
        .iter()
        .filter(|h| h.inspection.date < i.date)
        .max_by(|a, b| a.inspection.date.cmp(&b.inspection.date));
    let in_window =
        i.date.as_str() >= SHORT_INSPECTIONS.0 && i.date.as_str() <= SHORT_INSPECTIONS.1;
    match before {
        Some(b)
            if in_window
                && b.inspection.judgement == i.judgement
                && matches!(i.judgement, Judgement::Good | Judgement::Outstanding) =>
        {
            format!(
                "Not in the graded-inspection history. Its latest graded inspection before this, on {}, was also {}: most likely a short inspection (section 8, used from September 2015 to August 2019 for Good and Outstanding schools), which keeps the grade.",
                format::date(&b.inspection.date),
                i.judgement.label()
            )
        }
        _ if history.is_empty() => {
            "Not in the graded-inspection history, which has no record of this school; the files do not say why.".to_string()
        }
        _ => "Not in the graded-inspection history; the files do not say why.".to_string(),
    }
}

#[cfg(test)]
#[path = "inspected_tests.rs"]
mod tests;
