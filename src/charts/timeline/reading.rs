//! Reading a chart over the years: the home area's years with figures, the first unbroken run
//! of them, and how a line moved between two years across the panels, in words. Shared by the
//! charts' findings and the page's answer.

use super::{Role, TrendChart, TrendLine, TrendPanel};
use crate::format::join_words;

impl TrendPanel {
    /// The home area's line.
    pub fn home(&self) -> Option<&TrendLine> {
        self.lines.iter().find(|l| l.role == Role::Home)
    }
}

/// "both", "all three", "all 4": every one of `n` panels.
pub fn every(n: usize) -> String {
    match n {
        2 => "both".into(),
        3 => "all three".into(),
        _ => format!("all {n}"),
    }
}

impl TrendChart {
    /// The years the home area has a figure in every panel, oldest first.
    pub fn home_years(&self) -> Vec<u16> {
        let Some(home) = self.panels.first().and_then(TrendPanel::home) else {
            return Vec::new();
        };
        home.points
            .iter()
            .map(|p| p.year)
            .filter(|y| {
                self.panels
                    .iter()
                    .all(|p| p.home().and_then(|l| l.value(*y)).is_some())
            })
            .collect()
    }

    /// The first unbroken run of the home area's years, where it is longer than one year.
    pub fn first_run(&self) -> Option<(u16, u16)> {
        let years = self.home_years();
        let from = *years.first()?;
        let to = years
            .iter()
            .zip(years.iter().skip(1))
            .find(|(a, b)| **b != **a + 1)
            .map_or(*years.last()?, |(a, _)| *a);
        (to > from).then_some((from, to))
    }

    /// How an area's line moved from one year to another across the panels, grouped by
    /// direction: "fell in all three subjects", "rose in reading and fell in writing and maths".
    pub fn moved(&self, area: &str, from: u16, to: u16) -> Option<String> {
        let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
        for panel in &self.panels {
            let line = panel.lines.iter().find(|l| l.area == area)?;
            let (a, b) = (line.value(from)?, line.value(to)?);
            let verb = verb(a, b);
            let subject = panel.heading.to_lowercase();
            match groups.iter_mut().find(|(v, _)| *v == verb) {
                Some((_, list)) => list.push(subject),
                None => groups.push((verb, vec![subject])),
            }
        }
        let n = self.panels.len();
        let phrases: Vec<String> = groups
            .into_iter()
            .map(|(verb, list)| {
                if list.len() == n && n > 1 {
                    format!("{verb} in {} subjects", every(n))
                } else if list.iter().all(String::is_empty) {
                    verb.to_string()
                } else {
                    format!("{verb} in {}", join_words(&list))
                }
            })
            .collect();
        Some(join_words(&phrases))
    }

    /// A line's figure in a year, as written.
    pub fn figure(&self, line: &TrendLine, year: u16) -> Option<String> {
        let p = line.at(year)?;
        Some(self.format(p.value?, p.decimals))
    }
}

/// Which way a figure moved from `a` to `b`.
pub fn verb(a: f64, b: f64) -> &'static str {
    if (b - a).abs() < 1e-9 {
        "stayed level"
    } else if b > a {
        "rose"
    } else {
        "fell"
    }
}
