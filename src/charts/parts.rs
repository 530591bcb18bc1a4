//! A chart too tall for one slide, as several: the presenter splits a cohort of many schools
//! into parts of about equal size rather than shrinking text below what a hall can read or
//! letting the drawing overflow the screen.

use super::any::AnyChart;
use crate::aggregate::RowKind;

/// The `n` items split into `parts` runs of about equal length, as index ranges.
fn runs(n: usize, parts: usize) -> Vec<std::ops::Range<usize>> {
    let parts = parts.clamp(1, n.max(1));
    (0..parts)
        .map(|p| (p * n / parts)..((p + 1) * n / parts))
        .collect()
}

/// ", schools 1–10 of 55": what a part's title adds.
fn part_words(range: &std::ops::Range<usize>, n: usize) -> String {
    format!(", schools {}\u{2013}{} of {n}", range.start + 1, range.end)
}

impl AnyChart {
    /// How many schools the chart draws one row each for: what a split divides. 0 for charts
    /// whose height does not grow with the schools.
    pub fn school_rows(&self) -> usize {
        match self {
            Self::Progress(m) => {
                let n = m.rows.iter().filter(|r| r.kind == RowKind::School).count();
                // From this many the schools are one histogram, whatever their number.
                if n >= super::progress::DISTRIBUTION_FROM {
                    0
                } else {
                    n
                }
            }
            Self::Journeys(m) => m.rows.len(),
            _ => 0,
        }
    }

    /// The chart as `parts` charts of about equal numbers of schools, each keeping the
    /// comparison rows (England, the areas), notes and sources, its title saying which schools
    /// it shows. A chart that does not grow with its schools, or `parts` ≤ 1, is itself.
    pub fn split(&self, parts: usize) -> Vec<AnyChart> {
        let n = self.school_rows();
        if parts <= 1 || n <= 1 {
            return vec![self.clone()];
        }
        match self {
            Self::Progress(m) => runs(n, parts)
                .into_iter()
                .map(|range| {
                    let mut part = m.clone();
                    let mut i = 0;
                    part.rows.retain(|r| {
                        if r.kind != RowKind::School {
                            return true;
                        }
                        i += 1;
                        range.contains(&(i - 1))
                    });
                    part.title.push_str(&part_words(&range, n));
                    Self::Progress(part)
                })
                .collect(),
            Self::Journeys(m) => runs(n, parts)
                .into_iter()
                .map(|range| {
                    let mut part = m.clone();
                    part.rows = m.rows[range.clone()].to_vec();
                    part.title.push_str(&part_words(&range, n));
                    Self::Journeys(part)
                })
                .collect(),
            _ => vec![self.clone()],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::{CohortChoice, Selection};
    use crate::testing::bundled;
    use crate::view::ChartId;

    #[test]
    fn runs_cover_every_item_once_in_near_equal_parts() {
        assert_eq!(runs(55, 3), vec![0..18, 18..36, 36..55]);
        assert_eq!(runs(2, 5), vec![0..1, 1..2]);
        assert_eq!(runs(7, 1), vec![0..7]);
    }

    #[test]
    fn a_split_keeps_every_school_once_and_the_comparisons_in_each_part() {
        let ds = bundled();
        let chart = AnyChart::build(
            ChartId::Ks2Progress,
            &ds,
            &Selection::cohort(CohortChoice::Programme),
        );
        let n = chart.school_rows();
        assert!(n >= 6, "{n} schools");
        let parts = chart.split(3);
        assert_eq!(parts.len(), 3);
        let mut names = Vec::new();
        for p in &parts {
            let AnyChart::Progress(m) = p else {
                panic!("a progress chart splits into progress charts")
            };
            assert!(m.rows.iter().any(|r| r.kind == RowKind::England));
            names.extend(
                m.rows
                    .iter()
                    .filter(|r| r.kind == RowKind::School)
                    .map(|r| r.label.clone()),
            );
            assert!(m.title.contains(&format!(" of {n}")), "{}", m.title);
        }
        let AnyChart::Progress(whole) = &chart else {
            panic!("progress")
        };
        let all: Vec<String> = whole
            .rows
            .iter()
            .filter(|r| r.kind == RowKind::School)
            .map(|r| r.label.clone())
            .collect();
        assert_eq!(names, all, "every school once, in order");
        let ofsted = AnyChart::build(ChartId::Ofsted, &ds, &Selection::default());
        assert_eq!(ofsted.split(4), vec![ofsted.clone()], "not split");
    }
}
