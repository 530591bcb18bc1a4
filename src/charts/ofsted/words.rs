//! The Ofsted chart in plain words: each group's share judged Good or Outstanding, or, for a
//! group too small for shares, each school with its judgement and date.

use super::model::OfstedChart;
use crate::format::{self, join_words};
use crate::model::Judgement;

/// One sentence per bar of the Ofsted chart: how many schools were Good or Outstanding.
pub fn summary(model: &OfstedChart) -> Vec<String> {
    model
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
                format::share(good, total),
                r.counted.judged()
            )
        })
        .collect()
}
