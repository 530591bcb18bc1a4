//! A chart too tall for one slide, as several: the presenter splits a cohort of many schools
//! into parts of about equal size rather than shrinking text below what a hall can read or
//! letting the drawing overflow the screen. Each chart says how it splits
//! ([`crate::charts::Chart::split`]); these are the rules all splits share.

use crate::charts::Built;

/// The `n` items split into `parts` runs of about equal length, as index ranges.
pub fn runs(n: usize, parts: usize) -> Vec<std::ops::Range<usize>> {
    let parts = parts.clamp(1, n.max(1));
    (0..parts)
        .map(|p| (p * n / parts)..((p + 1) * n / parts))
        .collect()
}

/// ", schools 1–10 of 55": what a part's title adds.
pub fn part_words(range: &std::ops::Range<usize>, n: usize) -> String {
    format!(", schools {}\u{2013}{} of {n}", range.start + 1, range.end)
}

/// The chart as `parts` charts, or itself where it does not grow with its schools or one
/// part is asked for.
pub fn parts(chart: &Built, parts: usize) -> Vec<Built> {
    if parts <= 1 || chart.pieces() <= 1 {
        return vec![chart.clone()];
    }
    let split = chart.split(parts);
    if split.is_empty() {
        vec![chart.clone()]
    } else {
        split
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::progress;
    use crate::charts::progress::{ProgressChart, RowKind};
    use crate::selection::{CohortChoice, Selection};
    use crate::testing::bundled;

    #[test]
    fn runs_cover_every_item_once_in_near_equal_parts() {
        assert_eq!(runs(55, 3), vec![0..18, 18..36, 36..55]);
        assert_eq!(runs(2, 5), vec![0..1, 1..2]);
        assert_eq!(runs(7, 1), vec![0..7]);
    }

    #[test]
    fn a_split_keeps_every_school_once_and_the_comparisons_in_each_part() {
        let ds = bundled();
        let chart = progress::ID.build(&ds, &Selection::cohort(CohortChoice::Programme));
        let n = chart.school_rows();
        assert!(n >= 6, "{n} schools");
        let split = parts(&chart, 3);
        assert_eq!(split.len(), 3);
        let as_progress = |b: &Built| -> ProgressChart {
            match b.as_any().downcast_ref::<ProgressChart>() {
                Some(m) => m.clone(),
                None => panic!("a progress chart splits into progress charts"),
            }
        };
        let mut names = Vec::new();
        for p in &split {
            let m = as_progress(p);
            assert!(m.rows.iter().any(|r| r.kind == RowKind::England));
            names.extend(
                m.rows
                    .iter()
                    .filter(|r| r.kind == RowKind::School)
                    .map(|r| r.label.clone()),
            );
            assert!(m.title.contains(&format!(" of {n}")), "{}", m.title);
        }
        let all: Vec<String> = as_progress(&chart)
            .rows
            .iter()
            .filter(|r| r.kind == RowKind::School)
            .map(|r| r.label.clone())
            .collect();
        assert_eq!(names, all, "every school once, in order");
        let of = crate::charts::area::FSM_ID.build(&ds, &Selection::default());
        let not_split = parts(&of, 4);
        assert_eq!(not_split.len(), 1, "not split");
        assert!(*not_split[0] == *of, "the chart itself");
    }
}
