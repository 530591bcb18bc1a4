//! Plain-language sentences on the area charts over time, written from the model: how the
//! home area, its region and England changed over the first run of years, where they stood
//! in the latest year, and where the home area ranked among its statistical neighbours.

use super::{Role, TrendChart, TrendKind, TrendLine, TrendPanel};
use crate::summary::join_words;

fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// The first run of consecutive published years of the home area (before any gap).
fn first_run(line: &TrendLine) -> Option<(u16, u16)> {
    let mut years = line
        .points
        .iter()
        .filter(|p| p.value.is_some())
        .map(|p| p.year);
    let start = years.next()?;
    let mut end = start;
    for y in years {
        if y == end + 1 {
            end = y;
        } else {
            break;
        }
    }
    (end > start).then_some((start, end))
}

fn change(model: &TrendChart, line: &TrendLine, what: &str, from: u16, to: u16) -> Option<String> {
    let a = line.at(from).filter(|p| p.value.is_some())?;
    let b = line.at(to).filter(|p| p.value.is_some())?;
    let (va, vb) = (a.value?, b.value?);
    let (ta, tb) = (model.format(va, a.decimals), model.format(vb, b.decimals));
    let verb = if (vb - va).abs() < 1e-9 {
        return Some(format!("{}{what} stayed at {ta}", possessive(&line.name)));
    } else if vb > va {
        "rose"
    } else {
        "fell"
    };
    Some(format!(
        "{}{what} {verb} from {ta} to {tb}",
        possessive(&line.name)
    ))
}

fn what(model: &TrendChart, panel: &TrendPanel) -> String {
    match model.kind {
        TrendKind::Progress => format!("{} progress", panel.heading.to_lowercase()),
        TrendKind::Attainment => "share of pupils meeting the expected standard".into(),
        TrendKind::Fsm => "share of primary pupils eligible for free school meals".into(),
    }
}

fn panel_sentences(model: &TrendChart, panel: &TrendPanel) -> Vec<String> {
    let mut out = Vec::new();
    let Some(home) = panel.lines.iter().find(|l| l.role == Role::Home) else {
        return out;
    };
    let others: Vec<&TrendLine> = panel
        .lines
        .iter()
        .filter(|l| l.role != Role::Home)
        .collect();
    if let Some((from, to)) = first_run(home) {
        let what = format!(" {}", what(model, panel));
        if let Some(h) = change(model, home, &what, from, to) {
            let rest: Vec<String> = others
                .iter()
                .filter_map(|l| change(model, l, "", from, to))
                .collect();
            let tail = if rest.is_empty() {
                String::new()
            } else {
                format!(", while {}", join_words(&rest))
            };
            out.push(format!("From {from} to {to} {h}{tail}."));
        }
    }
    let latest = home.points.iter().rev().find(|p| p.value.is_some());
    if let Some(p) = latest {
        let y = p.year;
        let mut parts = vec![format!(
            "{} {}",
            home.name,
            model.format(p.value.unwrap_or(0.0), p.decimals)
        )];
        for l in &others {
            if let Some(q) = l.at(y) {
                if let Some(v) = q.value {
                    parts.push(format!("{} {}", l.name, model.format(v, q.decimals)));
                }
            }
        }
        let mut s = format!(
            "In {y}, the latest year published, {}: {}",
            what(model, panel),
            join_words(&parts)
        );
        let with: Vec<f64> = panel.neighbours.iter().filter_map(|l| l.value(y)).collect();
        if let (Some(h), false) = (p.value, with.is_empty()) {
            let above = with.iter().filter(|v| h > **v).count();
            let below = with.iter().filter(|v| h < **v).count();
            let n = with.len();
            let rank = if above == n {
                format!("above all {n} of its statistical neighbours")
            } else if below == n {
                format!("below all {n} of its statistical neighbours")
            } else {
                format!("above {above} of its {n} statistical neighbours")
            };
            s.push_str(&format!("; {} was {rank}", home.name));
        }
        s.push('.');
        out.push(s);
    }
    out
}

/// The chart's sentences.
pub fn summary(model: &TrendChart) -> Vec<String> {
    let mut out: Vec<String> = model
        .panels
        .iter()
        .flat_map(|p| panel_sentences(model, p))
        .collect();
    if out.is_empty() {
        out.push(format!(
            "No area figures over time are published in this dataset for {}.",
            if model.home.is_empty() {
                "its area"
            } else {
                &model.home
            }
        ));
    }
    for g in &model.gaps {
        let years = if g.from == g.to {
            g.from.to_string()
        } else {
            format!("{}\u{2013}{}", g.from, g.to)
        };
        out.push(format!("{years}: {}.", g.label));
    }
    out
}
