//! Reading a chart over the years: the home area's years with figures, the first unbroken run
//! of them, and how a line moved between two years across the panels, in words. Shared by the
//! charts' findings and the page's answer.

use super::{Role, TrendChart, TrendKind, TrendLine, TrendPanel};
use crate::format::{join_words, possessive};

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

    /// Whether a line's figures can be said to rise or fall. Not the country's on a progress
    /// measure: its 0 is the measure's definition (the national average of pupils in
    /// state-funded mainstream schools), and the figure DfE later prints for it (+0.03 in
    /// 2019) is of all state-funded schools, another basis. A move between them is a change of
    /// basis, not of progress.
    pub fn moves(&self, role: Role) -> bool {
        !(role == Role::Country && self.is_progress())
    }

    /// Whether it charts a progress measure (0 is the national average by definition).
    pub fn is_progress(&self) -> bool {
        matches!(self.kind, TrendKind::Progress | TrendKind::Schools)
    }

    /// The line a trend of the home area is set beside: its region on a progress measure
    /// (the country's cannot move, [`Self::moves`]), else the country, else the region.
    pub fn trend_comparator<'a>(&self, panel: &'a TrendPanel) -> Option<&'a TrendLine> {
        let find = |r: Role| panel.lines.iter().find(|l| l.role == r);
        [Role::Country, Role::Region]
            .into_iter()
            .filter(|r| self.moves(*r))
            .find_map(find)
    }

    /// Figures as one sentence writes them: all at the fewest decimal places any of them is
    /// published with, so that no figure claims more precision than its source gave and a
    /// sentence reads at one precision (`0.0 to −0.9`, not `0.0 to −0.91`).
    pub fn at_one_precision(&self, figures: &[(f64, u8)]) -> Vec<String> {
        let d = figures.iter().map(|f| f.1).min().unwrap_or(0);
        figures.iter().map(|f| self.format(f.0, d)).collect()
    }

    /// "reading, writing and maths": the panels' headings, in their order.
    pub fn subjects(&self) -> String {
        let names: Vec<String> = self
            .panels
            .iter()
            .map(|p| p.heading.to_lowercase())
            .collect();
        join_words(&names)
    }

    /// A line's figures in a year, one per panel, in panel order; `None` unless every panel has
    /// one.
    pub fn figures_in(&self, area: &str, year: u16) -> Option<Vec<(f64, u8)>> {
        self.panels
            .iter()
            .map(|p| {
                let pt = p.lines.iter().find(|l| l.area == area)?.at(year)?;
                Some((pt.value?, pt.decimals))
            })
            .collect()
    }

    /// Across the first run of years with figures (before any break): how the home area moved,
    /// beside how its comparator moved (the region on a progress measure), with both lines'
    /// figures at one precision.
    pub fn first_run_sentence(&self) -> Option<String> {
        let (from, to) = self.first_run()?;
        let first = self.panels.first()?;
        let home = first.home()?;
        let own = self.moved(&home.area, from, to)?;
        let span = |area: &str| -> Option<Vec<(f64, u8)>> {
            let mut v = self.figures_in(area, from)?;
            v.extend(self.figures_in(area, to)?);
            Some(v)
        };
        let ours = span(&home.area)?;
        let other = self.trend_comparator(first).and_then(|l| {
            let how = self.moved(&l.area, from, to)?;
            Some((l, how, span(&l.area)?))
        });
        let mut all = ours.clone();
        if let Some((_, _, theirs)) = &other {
            all.extend(theirs);
        }
        let text = self.at_one_precision(&all);
        let n = self.panels.len();
        let from_to = |t: &[String]| format!("{} to {}", t[..n].join(", "), t[n..2 * n].join(", "));
        let tail = other.map_or_else(String::new, |(l, how, _)| {
            format!(
                ", while {} {} ({})",
                possessive(&l.name),
                how.replace(" subjects", ""),
                from_to(&text[2 * n..])
            )
        });
        // One direction in every subject: the subjects named once, as the figures' order.
        let verb = own.split(' ').next().unwrap_or_default();
        let (own, order) = if n > 1 && own == format!("{verb} in {} subjects", every(n)) {
            (format!("{verb} in {}", self.subjects()), String::new())
        } else {
            (own.clone(), format!("{}: ", self.subjects()))
        };
        Some(format!(
            "From {from} to {to}, {} progress {own} ({order}{}){tail}.",
            possessive(&home.name),
            from_to(&text[..2 * n])
        ))
    }

    /// How an area's line moved from one year to another across the panels, grouped by
    /// direction: "fell in all three subjects", "rose in reading and fell in writing and maths".
    /// `None` for a line that cannot move ([`Self::moves`]).
    pub fn moved(&self, area: &str, from: u16, to: u16) -> Option<String> {
        let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
        for panel in &self.panels {
            let line = panel.lines.iter().find(|l| l.area == area)?;
            if !self.moves(line.role) {
                return None;
            }
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
