//! The inspection journeys in plain words.

use super::model::{in_force, Journey, JourneysChart};
use crate::format::join_words;
use crate::model::Judgement;

/// The summary: each school's journey, then the judgements in force when the programme
/// started against the latest.
pub fn summary(m: &JourneysChart) -> Vec<String> {
    // Not the title: the page and downloads show it above the summary already.
    let mut out = Vec::new();
    let many = m.schools > crate::charts::schools::MAX_LINES;
    if !many {
        for r in &m.rows {
            let steps: Vec<String> = r
                .events
                .iter()
                .map(|e| format!("{} ({})", e.label, e.date.get(..4).unwrap_or("")))
                .collect();
            out.push(format!("{}: {}.", r.name, steps.join(", then ")));
        }
    }
    let Some((start, _)) = m.starts.iter().min() else {
        return out;
    };
    let on = format!("{start}-09-01");
    if many {
        // Counts, not names: the judgements in force at the start and at the latest.
        let count = |pick: &dyn Fn(&Journey) -> Option<Judgement>| -> String {
            let mut parts = Vec::new();
            for j in Judgement::ALL {
                let n = m.all_rows.iter().filter(|r| pick(r) == Some(j)).count();
                if n > 0 {
                    parts.push(format!("{n} {}", j.label()));
                }
            }
            let none = m.all_rows.iter().filter(|r| pick(r).is_none()).count();
            if none > 0 {
                parts.push(format!("{none} not yet inspected"));
            }
            join_words(&parts)
        };
        out.push(format!(
            "Of {} schools, when the programme began in September {start}: {}; at their latest inspection: {}.",
            m.schools,
            count(&|r| in_force(r, &on).map(|e| e.judgement)),
            count(&|r| r.events.last().map(|e| e.judgement)),
        ));
        return out;
    }
    let mut then = Vec::new();
    for r in &m.rows {
        let before = in_force(r, &on).map_or("not yet inspected".to_string(), |e| e.label.clone());
        let latest = r.events.last().map_or(String::new(), |e| e.label.clone());
        then.push(if before == latest {
            format!("{}: {before} then and at its latest inspection", r.name)
        } else {
            format!(
                "{}: {before} then, {latest} at its latest inspection",
                r.name
            )
        });
    }
    if !then.is_empty() {
        out.push(format!(
            "When the programme began in September {start}: {}.",
            then.join("; ")
        ));
    }
    out
}
