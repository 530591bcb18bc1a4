//! The inspection journeys in plain words.

use super::model::{in_force, Journey, JourneysChart};
use crate::format::join_words;
use crate::model::Judgement;

/// The summary: each school's journey, then the judgements in force when the programme
/// started against the latest.
pub fn summary(m: &JourneysChart) -> Vec<String> {
    // Not the title: the page and downloads show it above the summary already.
    let mut out = Vec::new();
    // More than a couple of schools: counted (each school's journey is in the table).
    let many = m.schools > 2;
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

/// The finding: each school's latest judgement against the one in force when the programme
/// began, counted: better, the same, worse, or first inspected since.
pub fn finding(m: &JourneysChart) -> Option<String> {
    let (start, _) = m.starts.iter().min()?;
    let on = format!("{start}-09-01");
    let (mut better, mut same, mut worse, mut new) = (0, 0, 0, 0);
    for r in &m.all_rows {
        let Some(latest) = r
            .events
            .last()
            .map(|e| e.judgement.grade())
            .filter(|g| *g > 0)
        else {
            continue;
        };
        match in_force(r, &on)
            .map(|e| e.judgement.grade())
            .filter(|g| *g > 0)
        {
            None => new += 1,
            Some(then) if latest < then => better += 1,
            Some(then) if latest > then => worse += 1,
            Some(_) => same += 1,
        }
    }
    let total = better + same + worse + new;
    if total == 0 {
        return None;
    }
    let mut parts = vec![
        format!("{better} better"),
        format!("{same} the same"),
        format!("{worse} worse"),
    ];
    if new > 0 {
        parts.push(format!("{new} first inspected since"));
    }
    Some(format!(
        "Of {total} {}, against the judgement in force in September {start}, the latest was: {}.",
        if total == 1 { "school" } else { "schools" },
        join_words(&parts)
    ))
}
