//! Plain-language sentences on the area charts over time, written from the model: how the
//! home area, its region and England changed over the first run of years, where they stood
//! in the latest year, and where the home area ranked among its statistical neighbours.

use crate::charts::timeline::{Role, TrendChart, TrendKind, TrendLine, TrendPanel};
use crate::format::{join_words, possessive};

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

/// A line's published figures in two years (a sentence writes them at `run_decimals`).
fn pair(line: &TrendLine, from: u16, to: u16) -> Option<(f64, f64)> {
    Some((line.value(from)?, line.value(to)?))
}

/// Which way a figure moved: `None` where it stayed level.
fn direction(from: f64, to: f64) -> Option<&'static str> {
    if (to - from).abs() < 1e-9 {
        None
    } else if to > from {
        Some("rose")
    } else {
        Some("fell")
    }
}

/// The fewest decimal places of any figure of the chart in either year: a sentence about a
/// move from one to the other reads at one precision (no figure more precise than
/// published).
fn run_decimals(model: &TrendChart, from: u16, to: u16) -> u8 {
    model
        .panels
        .iter()
        .flat_map(|p| p.lines.iter())
        .flat_map(|l| [l.at(from), l.at(to)])
        .flatten()
        .filter(|p| p.value.is_some())
        .map(|p| p.decimals)
        .min()
        .unwrap_or(0)
}

fn change(model: &TrendChart, line: &TrendLine, what: &str, from: u16, to: u16) -> Option<String> {
    let (va, vb) = pair(line, from, to)?;
    let d = run_decimals(model, from, to);
    let (ta, tb) = (model.format(va, d), model.format(vb, d));
    let Some(verb) = direction(va, vb) else {
        return Some(format!("{}{what} stayed at {ta}", possessive(&line.name)));
    };
    Some(format!(
        "{}{what} {verb} from {ta} to {tb}",
        possessive(&line.name)
    ))
}

/// A line's name where its figure is written: the country's on a progress measure says what
/// its published figure is of (the measure's 0 is of mainstream schools), where it is not 0.
fn basis_name(model: &TrendChart, line: &TrendLine) -> String {
    if model.moves(line.role) {
        line.name.clone()
    } else {
        format!("{} (all state-funded schools)", line.name)
    }
}

fn what(model: &TrendChart, panel: &TrendPanel) -> String {
    match model.kind {
        TrendKind::Progress | TrendKind::Schools => {
            format!("{} progress", panel.heading.to_lowercase())
        }
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
                .filter(|l| model.moves(l.role))
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
                    parts.push(format!(
                        "{} {}",
                        basis_name(model, l),
                        model.format(v, q.decimals)
                    ));
                }
            }
        }
        let mut s = format!("In {y}, the latest year published: {}", join_words(&parts));
        if let Some(r) = p.value.and_then(|h| panel.rank(y, h)) {
            let (above, below, n) = (r.above, r.below, r.of);
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

/// A line's move from one year to another in each panel, grouped by direction:
/// "fell in reading (0.0 to −0.91) and maths (+0.4 to −0.65) and rose in writing (…)".
fn moves(model: &TrendChart, area: &str, from: u16, to: u16) -> Option<String> {
    let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
    for panel in &model.panels {
        let line = panel.lines.iter().find(|l| l.area == area)?;
        let (va, vb) = pair(line, from, to)?;
        let d = run_decimals(model, from, to);
        let verb = direction(va, vb).unwrap_or("stayed level");
        let part = format!(
            "{} ({} to {})",
            panel.heading.to_lowercase(),
            model.format(va, d),
            model.format(vb, d)
        );
        match groups.iter_mut().find(|(v, _)| *v == verb) {
            Some((_, list)) => list.push(part),
            None => groups.push((verb, vec![part])),
        }
    }
    let phrases: Vec<String> = groups
        .into_iter()
        .map(|(verb, parts)| format!("{verb} in {}", join_words(&parts)))
        .collect();
    Some(join_words(&phrases))
}

/// How each of `lines` moved from `from` to `to`, areas that moved alike in one phrase:
/// "West Midlands' and England's rose in all three subjects".
fn moved_alike(model: &TrendChart, lines: &[&TrendLine], from: u16, to: u16) -> Vec<String> {
    let mut alike: Vec<(String, Vec<String>)> = Vec::new();
    for l in lines {
        let Some(how) = model.moved(&l.area, from, to) else {
            continue;
        };
        match alike.iter_mut().find(|(h, _)| *h == how) {
            Some((_, names)) => names.push(possessive(&l.name)),
            None => alike.push((how, vec![possessive(&l.name)])),
        }
    }
    alike
        .into_iter()
        .map(|(how, names)| format!("{} {how}", join_words(&names)))
        .collect()
}

/// The sentences of a chart with one panel per subject: one per area, not per subject.
fn by_subject(model: &TrendChart) -> Vec<String> {
    let mut out = Vec::new();
    let Some(first) = model.panels.first() else {
        return out;
    };
    let Some(home) = first.lines.iter().find(|l| l.role == Role::Home) else {
        return out;
    };
    let subjects: Vec<String> = model
        .panels
        .iter()
        .map(|p| p.heading.to_lowercase())
        .collect();
    if let Some((from, to)) = first_run(home) {
        if let Some(h) = moves(model, &home.area, from, to) {
            // The others' directions only, merged where alike: their figures are in the table.
            let others: Vec<&TrendLine> = first
                .lines
                .iter()
                .filter(|l| l.role != Role::Home)
                .collect();
            let rest = moved_alike(model, &others, from, to);
            let tail = if rest.is_empty() {
                String::new()
            } else {
                format!(", while {}", join_words(&rest))
            };
            out.push(format!(
                "From {from} to {to} {} progress {h}{tail}.",
                possessive(&home.name)
            ));
        }
    }
    let Some(y) = home
        .points
        .iter()
        .rev()
        .find(|p| p.value.is_some())
        .map(|p| p.year)
    else {
        return out;
    };
    let ranks: Vec<String> = model
        .panels
        .iter()
        .filter_map(|p| {
            let h = p.home()?.value(y)?;
            Some(p.rank(y, h)?.above.to_string())
        })
        .collect();
    let of = model
        .panels
        .first()
        .and_then(|p| p.rank(y, p.home()?.value(y)?))
        .map(|r| r.of);
    let mut parts = Vec::new();
    for line in first
        .lines
        .iter()
        .filter(|l| matches!(l.role, Role::Home | Role::Country))
    {
        let values: Vec<String> = model
            .panels
            .iter()
            .filter_map(|p| model.figure(p.lines.iter().find(|l| l.area == line.area)?, y))
            .collect();
        if values.len() == model.panels.len() {
            let mut part = format!("{} {}", basis_name(model, line), join_words(&values));
            if let (Role::Home, Some(of), true) = (line.role, of, ranks.len() == model.panels.len())
            {
                part.push_str(&format!(
                    ", above {} of its {of} {}s",
                    join_words(&ranks),
                    model.band_member
                ));
            }
            parts.push(part);
        }
    }
    if !parts.is_empty() {
        out.push(format!(
            "In {y}, the latest year published ({}): {}.",
            join_words(&subjects),
            parts.join("; ")
        ));
    }
    out
}

/// The chart's sentences.
pub fn summary(model: &TrendChart) -> Vec<String> {
    let mut out: Vec<String> = if model.panels.len() > 1 {
        by_subject(model)
    } else {
        model
            .panels
            .iter()
            .flat_map(|p| panel_sentences(model, p))
            .collect()
    };
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

/// The finding: how the home area moved over its first unbroken run of years (progress) or
/// from its first year to its latest (shares), beside how the region and England moved.
pub fn finding(model: &TrendChart) -> Option<String> {
    use crate::charts::timeline::reading::verb;
    let (from, to) = match model.kind {
        TrendKind::Progress | TrendKind::Schools => model.first_run()?,
        TrendKind::Attainment | TrendKind::Fsm => {
            let years = model.home_years();
            (*years.first()?, *years.last()?)
        }
    };
    if to <= from {
        return None;
    }
    let panel = model.panels.first()?;
    let home = panel.home()?;
    if model.panels.len() > 1 {
        // The page's answer says the same of the same years: one phrase-maker.
        return model.first_run_sentence();
    }
    let (a, b) = (home.value(from)?, home.value(to)?);
    let d = run_decimals(model, from, to);
    let mut out = format!(
        "{} {} {} from {} in {from} to {} in {to}",
        possessive(&home.name),
        what(model, panel),
        verb(a, b),
        model.format(a, d),
        model.format(b, d)
    );
    if let Some(e) = model.trend_comparator(panel) {
        if let (Some(ea), Some(eb)) = (e.value(from), e.value(to)) {
            out.push_str(&format!(
                "; {} {} from {} to {}",
                possessive(&e.name),
                verb(ea, eb),
                model.format(ea, d),
                model.format(eb, d)
            ));
        }
    }
    out.push('.');
    Some(out)
}
