//! The Ofsted chart in plain words: each group's share judged Good or Outstanding, or, for a
//! group too small for shares, each school with its judgement and date.

use super::model::OfstedChart;
use crate::format::{self, join_words};
use crate::model::Judgement;

/// One sentence per bar of the Ofsted chart: how many schools were Good or Outstanding, as
/// many bars as fit in about sixty words (every bar is in the table).
pub fn summary(model: &OfstedChart) -> Vec<String> {
    let all: Vec<String> = model
        .rows
        .iter()
        .map(|r| {
            let total = r.counts.total();
            let good = r.counts.get(Judgement::Outstanding) + r.counts.get(Judgement::Good);
            if r.too_small_for_shares() {
                // Counts, each judgement named, or better each school with its judgement
                // and date: no share of a handful of schools.
                let parts: Vec<String> = if r.members.is_empty() {
                    Judgement::ALL
                        .iter()
                        .filter(|j| r.counts.get(**j) > 0)
                        .map(|j| format!("{} {}", format::count(r.counts.get(*j)), j.label()))
                        .collect()
                } else {
                    r.members
                        .iter()
                        .map(crate::charts::ofsted::Member::words)
                        .collect()
                };
                let parts = if r.members.is_empty() {
                    join_words(&parts)
                } else {
                    parts.join("; ")
                };
                return format!(
                    "{}: {} {}, too few for percentages: {}{}.",
                    r.label,
                    format::count(total),
                    if total == 1 { "school" } else { "schools" },
                    parts,
                    // Each school listed says already whose inspection it was.
                    r.note
                        .as_ref()
                        .filter(|_| r.members.is_empty())
                        .map_or_else(String::new, |n| format!(
                            " {}",
                            format::bracketed(n.trim_end_matches('.'))
                        ))
                );
            }
            format!(
                "{}: {} of {} {} ({}) {}.",
                r.label,
                format::count(good),
                format::count(total),
                r.counted.noun(),
                r.good_share(),
                r.counted.judged()
            )
        })
        .collect();
    crate::charts::kit::brief(all, 70)
}

/// The finding: how many of the first bar's schools (or places) were Good or Outstanding (a
/// share only for a group large enough), beside the next bar's share. "At their latest
/// inspection" only of the chosen schools' own bar, whose inspections are each school's
/// latest (saying where one was a predecessor's); a group published as a whole is named by
/// its label, which says what it counts and when.
pub fn finding(model: &OfstedChart) -> Option<String> {
    headline(model, true)
}

/// The finding, with the next bar's share beside it or without (the page's answer, which
/// keeps to the chosen schools).
pub fn headline(model: &OfstedChart, beside_next: bool) -> Option<String> {
    let good = |r: &super::model::DistributionRow| {
        r.counts.get(Judgement::Outstanding) + r.counts.get(Judgement::Good)
    };
    let first = model.rows.first()?;
    let (g, n) = (good(first), first.counts.total());
    if n == 0 {
        return None;
    }
    let noun = if n == 1 {
        first.counted.noun().trim_end_matches('s')
    } else {
        first.counted.noun()
    };
    let ours = if first.too_small_for_shares() {
        format!("{} of {} {noun}", format::count(g), format::count(n))
    } else {
        format!(
            "{} of {} {noun} ({})",
            format::count(g),
            format::count(n),
            first.good_share()
        )
    };
    let judged = if n == 1 {
        first.counted.judged().replacen("were", "was", 1)
    } else {
        first.counted.judged().to_string()
    };
    let beside = model
        .rows
        .get(1)
        .filter(|r| beside_next && !r.too_small_for_shares() && r.counts.total() > 0)
        .map(|r| format!(", against {} for {}", r.good_share(), r.label))
        .unwrap_or_default();
    if first.id != super::COHORT_BAR {
        return Some(format!("{}: {ours} {judged}{beside}.", first.label));
    }
    let theirs = if n == 1 { "its" } else { "their" };
    let predecessors: Vec<&super::Member> = first
        .members
        .iter()
        .filter(|m| m.inspected_as.is_some())
        .collect();
    let whose = match predecessors.as_slice() {
        [] => String::new(),
        [one] if n == 1 => format!(" (its predecessor's, {})", format::month_year(&one.date)),
        many => format!(
            " ({} of them a predecessor school's)",
            format::count(many.len())
        ),
    };
    // Without the next bar beside it (the page's answer), it says whose schools they are.
    let who = if beside_next {
        String::new()
    } else {
        format!("{}: ", first.label)
    };
    Some(format!(
        "{who}{ours} {judged} at {theirs} latest inspection{whose}{beside}."
    ))
}
