//! Plain-language summaries of each chart, written from the same models the charts draw.
//! Shown under each chart and used as its accessible description. Wording rules live here,
//! and only here, so they can be tested.

use crate::aggregate::{Cell, DisadvantageChart, OfstedChart, ProgressChart, ProgressRow, RowKind};
use crate::format;
use crate::model::{Judgement, Subject};

/// Joins phrases as English lists do: "a", "a and b", "a, b and c".
pub fn join_words(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// DfE's band of a row's score in a subject (1 well above … 5 well below), where published.
fn band_of(row: &ProgressRow, subject: Subject) -> Option<u8> {
    let i = Subject::ALL.iter().position(|s| *s == subject)?;
    match row.cells.get(i)? {
        Cell::Value { score, .. } => score.band,
        Cell::NotPublished(_) => None,
    }
}

/// How many schools were above average: by DfE's bands (which allow for chance) where every
/// score has one, else only how many scored above 0, said as such.
fn above_words(many: &[&ProgressRow], subject: Subject) -> String {
    let scored: Vec<&&ProgressRow> = many
        .iter()
        .filter(|r| value_of(r, subject).is_some())
        .collect();
    let n = scored.len();
    let above_zero = scored
        .iter()
        .filter(|r| value_of(r, subject).is_some_and(|v| v > 0.0))
        .count();
    let bands: Vec<u8> = scored.iter().filter_map(|r| band_of(r, subject)).collect();
    let were = |k: usize| if k == 1 { "was" } else { "were" };
    if bands.len() == n && n > 0 {
        let above = bands.iter().filter(|b| **b <= 2).count();
        let below = bands.iter().filter(|b| **b >= 4).count();
        format!(
            "by DfE's bands, which allow for chance, {above} of {n} schools {} above average and {below} below; {above_zero} scored above 0",
            were(above)
        )
    } else {
        format!(
            "{above_zero} of {n} schools scored above 0, the national average (DfE's bands, which allow for chance, are not in the data for {})",
            if bands.is_empty() { "these scores" } else { "every score" }
        )
    }
}

fn value_of(row: &ProgressRow, subject: Subject) -> Option<f64> {
    let i = Subject::ALL.iter().position(|s| *s == subject)?;
    row.cells.get(i).and_then(Cell::value)
}

/// Scores against 0, the national average of pupils in state-funded mainstream schools,
/// grouped by side: "below the national average (0) in all three subjects: reading (−0.91),
/// writing (−0.42) and maths (−0.65)"; "at the national average (0) in reading (0.0), and
/// above it in writing (+0.2) and maths (+0.4)".
fn against_average(scored: &[(Subject, f64, String)]) -> String {
    let side = |v: f64| {
        if v.abs() < 0.005 {
            "at"
        } else if v > 0.0 {
            "above"
        } else {
            "below"
        }
    };
    let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
    for (s, v, text) in scored {
        let item = format!("{} ({text})", s.label().to_lowercase());
        match groups.iter_mut().find(|(k, _)| *k == side(*v)) {
            Some((_, items)) => items.push(item),
            None => groups.push((side(*v), vec![item])),
        }
    }
    let parts: Vec<String> = groups
        .iter()
        .enumerate()
        .map(|(i, (k, items))| {
            let whom = if i == 0 {
                "the national average (0)"
            } else {
                "it"
            };
            let scope = if items.len() == 3 {
                "in all three subjects: "
            } else {
                "in "
            };
            format!("{k} {whom} {scope}{}", join_words(items))
        })
        .collect();
    parts.join(", and ")
}

/// Sentences on the KS2 progress chart: each area against England, then the spread of the
/// chosen schools in each subject.
pub fn progress(model: &ProgressChart) -> Vec<String> {
    let mut out = Vec::new();
    for row in model
        .rows
        .iter()
        .filter(|r| matches!(r.kind, RowKind::Area | RowKind::Region))
    {
        let scored: Vec<(Subject, f64, String)> = model
            .subjects
            .iter()
            .filter_map(|s| {
                let i = Subject::ALL.iter().position(|x| x == s)?;
                let cell = row.cells.get(i)?;
                cell.value().map(|v| (*s, v, cell.text()))
            })
            .collect();
        if scored.is_empty() {
            continue;
        }
        let year = row.year.map(|y| format!("In {y} ")).unwrap_or_default();
        out.push(format!(
            "{year}{} KS2 progress was {}.",
            format::possessive(&row.label),
            against_average(&scored)
        ));
    }

    let all_schools: Vec<&ProgressRow> = model
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::School)
        .collect();
    // The schools with a figure are the ones to describe: a cohort of one school with
    // results and one without (an infant school) gets that one school's figures.
    let with: Vec<&ProgressRow> = all_schools
        .iter()
        .copied()
        .filter(|r| model.subjects.iter().any(|s| value_of(r, *s).is_some()))
        .collect();
    let schools = if with.is_empty() { all_schools } else { with };
    let year = model.year.map(|y| format!("In {y}, ")).unwrap_or_default();
    match schools.as_slice() {
        [] => {}
        [one] => {
            let parts: Vec<String> = model
                .subjects
                .iter()
                .filter_map(|s| {
                    value_of(one, *s)
                        .map(|v| format!("{} in {}", format::progress(v), s.label().to_lowercase()))
                })
                .collect();
            if parts.is_empty() {
                out.push(format!(
                    "{} has no published KS2 progress scores.",
                    one.label
                ));
            } else {
                out.push(format!(
                    "{year}{}'s progress was {}.",
                    one.label,
                    join_words(&parts)
                ));
            }
        }
        many => {
            for subject in &model.subjects {
                let mut scored: Vec<(&str, f64)> = many
                    .iter()
                    .filter_map(|r| value_of(r, *subject).map(|v| (r.label.as_str(), v)))
                    .collect();
                if scored.len() < 2 {
                    continue;
                }
                crate::order::sort_by(&mut scored, |a, b| a.1.total_cmp(&b.1));
                let (low, high) = (scored[0], scored[scored.len() - 1]);
                out.push(format!(
                    "{year}{} progress ranged from {} {} to {} {}; {}.",
                    subject.label().to_lowercase(),
                    format::progress(low.1),
                    format::bracketed(low.0),
                    format::progress(high.1),
                    format::bracketed(high.0),
                    above_words(many, *subject)
                ));
            }
        }
    }
    out
}

/// Sentences on the disadvantaged-pupils chart: the gap in each subject, then FSM shares.
pub fn disadvantage(model: &DisadvantageChart) -> Vec<String> {
    let mut out = Vec::new();
    let gaps: Vec<(Subject, String, String, f64)> = model
        .rows
        .iter()
        .filter_map(|r| {
            let (l, e) = (r.local.as_ref()?, r.england.as_ref()?);
            let gap = l.value()? - e.value()?;
            Some((r.subject, l.text(), e.text(), gap))
        })
        .collect();
    if !gaps.is_empty() {
        let all_above = gaps.iter().all(|g| g.3 > 0.0);
        let all_below = gaps.iter().all(|g| g.3 < 0.0);
        let scope = if gaps.len() == 3 {
            "in all three subjects"
        } else {
            "in every subject shown"
        };
        let verdict = if all_above {
            format!("made more progress than England's disadvantaged pupils {scope}")
        } else if all_below {
            format!("made less progress than England's disadvantaged pupils {scope}")
        } else {
            "compared with England's disadvantaged pupils as follows".to_string()
        };
        let parts: Vec<String> = gaps
            .iter()
            .map(|(s, local, england, _)| {
                format!("{} {local} against {england}", s.label().to_lowercase())
            })
            .collect();
        let year = model.year.map(|y| format!("In {y} ")).unwrap_or_default();
        out.push(format!(
            "{year}{}'s disadvantaged pupils {verdict}: {}.",
            model.local_name,
            join_words(&parts)
        ));
    }
    let local = model
        .fsm
        .iter()
        .find(|b| b.area != crate::aggregate::ENGLAND);
    let england = model
        .fsm
        .iter()
        .find(|b| b.area == crate::aggregate::ENGLAND);
    let pct = |b: &crate::aggregate::FsmBar| {
        b.decimals.map_or_else(
            || format::percent(b.percent),
            |d| format::percent_at(b.percent, d),
        )
    };
    match (local, england) {
        (Some(l), Some(e)) => out.push(match l.year.zip(e.year) {
            Some((y, _)) => format!(
                "In January {y}, {} of {}'s primary pupils were eligible for free school meals, against {} in England.",
                pct(l),
                l.label,
                pct(e)
            ),
            None => format!(
                "The source gives {} of {}'s primary pupils as eligible for free school meals, against {} in England, with no year.",
                pct(l),
                l.label,
                pct(e)
            ),
        }),
        (Some(b), None) | (None, Some(b)) => out.push(match b.year {
            Some(y) => format!(
                "In January {y}, {} of {}'s primary pupils were eligible for free school meals.",
                pct(b),
                b.label
            ),
            None => format!(
                "The source gives {} of {}'s primary pupils as eligible for free school meals, with no year.",
                pct(b),
                b.label
            ),
        }),
        (None, None) => {}
    }
    out
}

/// One sentence per bar of the Ofsted chart: how many schools were Good or Outstanding.
pub fn ofsted(model: &OfstedChart) -> Vec<String> {
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
                        .map(crate::aggregate::Member::words)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::{
        disadvantage_chart, ofsted_chart, progress_chart, CohortChoice, Selection,
    };
    use crate::testing::bundled;

    fn cohort(id: &str) -> Selection {
        Selection::cohort(CohortChoice::Cohort(id.into()))
    }

    #[test]
    fn stoke_is_compared_with_england_subject_by_subject() {
        let ds = bundled();
        let text = progress(&progress_chart(&ds, &Selection::default()));
        // The schools' year: DfE's published 2019 figures for the area.
        assert_eq!(
            text[0],
            "In 2019 Stoke-on-Trent's KS2 progress was below the national average (0) in all \
             three subjects: reading (\u{2212}0.91), writing (\u{2212}0.42) and maths (\u{2212}0.65)."
        );
        let sel = Selection {
            year: Some(2016),
            ..Selection::default()
        };
        let text = progress(&progress_chart(&ds, &sel));
        assert_eq!(
            text[0],
            "In 2016 Stoke-on-Trent's KS2 progress was at the national average (0) in reading \
             (0.0), and above it in writing (+0.2) and maths (+0.4)."
        );
    }

    #[test]
    fn one_subject_gives_the_sentence_of_the_issue() {
        let ds = bundled();
        let sel = Selection {
            subject: Some(Subject::Maths),
            ..Selection::default()
        };
        let text = progress(&progress_chart(&ds, &sel));
        assert_eq!(
            text[0],
            "In 2019 Stoke-on-Trent's KS2 progress was below the national average (0) in maths (\u{2212}0.65)."
        );
    }

    #[test]
    fn a_network_gets_the_range_of_its_schools() {
        let ds = bundled();
        let text = progress(&progress_chart(&ds, &cohort("seven-stars")));
        assert!(text.contains(
            &"In 2019, reading progress ranged from \u{2212}5.9 (Abbey Hulton Primary) to +2.0 \
              (Etruscan Primary); by DfE's bands, which allow for chance, 1 of 3 schools was above \
              average and 1 below; 1 scored above 0."
                .to_string()
        ), "{text:#?}");
        // Etruscan's +1.6 in maths is above 0 but DfE's band says average: not "above average".
        assert!(
            text.iter().any(|t| t.contains("maths")
                && t.contains("0 of 3 schools were above average and 2 below; 1 scored above 0")),
            "{text:#?}"
        );
    }

    #[test]
    fn without_bands_the_summary_says_above_0_not_above_average() {
        let ds = bundled();
        let sel = Selection {
            year: Some(2017),
            ..cohort("seven-stars")
        };
        let text = progress(&progress_chart(&ds, &sel)).join(" ");
        assert!(text.contains("3 of 3 schools scored above 0, the national average (DfE's bands, which allow for chance, are not in the data for these scores)"), "{text}");
    }

    #[test]
    fn a_single_school_is_described_on_its_own() {
        let ds = bundled();
        let text = progress(&progress_chart(&ds, &cohort("compass")));
        assert!(text.contains(
            &"In 2019, Milton Primary Academy's progress was +0.3 in reading, \u{2212}0.4 in writing and +0.7 in maths."
                .to_string()
        ), "{text:#?}");
    }

    #[test]
    fn disadvantaged_pupils_are_compared_with_their_peers_nationally() {
        let ds = bundled();
        let text = disadvantage(&disadvantage_chart(&ds, &Selection::default()));
        assert_eq!(
            text[0],
            "In 2019 Stoke-on-Trent's disadvantaged pupils made less progress than England's \
             disadvantaged pupils in all three subjects: reading \u{2212}1.29 against \u{2212}0.62, \
             writing \u{2212}1.02 against \u{2212}0.50 and maths \u{2212}1.24 against \u{2212}0.71."
        );
        assert_eq!(
            text[1],
            "In January 2019, 25.2% of Stoke-on-Trent's primary pupils were eligible for free \
             school meals, against 15.8% in England."
        );
        // 2016: DfE's LAIT has no disadvantaged pupils' progress before 2017, so the figures
        // the programme's account gives are the ones shown.
        let sel = Selection {
            year: Some(2016),
            ..Selection::default()
        };
        let text = disadvantage(&disadvantage_chart(&ds, &sel));
        assert_eq!(
            text[0],
            "In 2016 Stoke-on-Trent's disadvantaged pupils made more progress than England's \
             disadvantaged pupils in all three subjects: reading \u{2212}0.2 against \u{2212}0.7, \
             writing \u{2212}0.1 against \u{2212}0.3 and maths +0.1 against \u{2212}0.5."
        );
    }

    #[test]
    fn shares_the_source_gives_without_a_year_are_told_as_such_not_in_the_present() {
        let mut raw = bundled().raw().clone();
        raw.context = None;
        raw.area_series.clear();
        let ds = crate::dataset::Dataset::try_from(raw).unwrap_or_else(|e| panic!("{e}"));
        let text = disadvantage(&disadvantage_chart(&ds, &Selection::default()));
        assert!(
            text.contains(
                &"The source gives 23% of Stoke-on-Trent's primary pupils as eligible for free \
                  school meals, against 14.5% in England, with no year."
                    .to_string()
            ),
            "{text:#?}"
        );
    }

    #[test]
    fn ofsted_bars_are_summed_up_as_good_or_better() {
        let ds = bundled();
        let text = ofsted(&ofsted_chart(&ds, &Selection::default()));
        assert_eq!(
            text,
            vec![
                "16 programme schools inspected since 2015: 14 of 16 schools (88%) were judged Good or Outstanding.",
                "Primary schools in England, as at 31 July 2018: 14,508 of 16,669 schools (87%) were judged Good or Outstanding.",
                "Primary places in Stoke-on-Trent, 2023/24: 22,597 of 24,300 places (93%) were in schools judged Good or Outstanding.",
                "Primary places in England, 2023/24: 4,622,338 of 4,975,478 places (93%) were in schools judged Good or Outstanding.",
            ]
        );
    }

    #[test]
    fn a_cohort_summary_names_every_school_with_results() {
        let ds = bundled();
        let text = progress(&progress_chart(&ds, &cohort("esprit"))).join(" ");
        assert!(
            text.contains("In 2019, Alexandra Junior's progress was \u{2212}0.9 in reading"),
            "{text}"
        );
    }

    #[test]
    fn a_group_of_fewer_than_five_schools_is_told_in_counts() {
        let ds = bundled();
        let text = ofsted(&ofsted_chart(&ds, &cohort("compass")));
        assert_eq!(
            text[0],
            "Compass Group (named schools): 1 school, too few for percentages: Milton Primary Academy: Inadequate, 25 March 2015 (an inspection of its predecessor, Milton Primary School)."
        );
        assert!(!text[0].contains('%'));
        let table = crate::table::ofsted(&ofsted_chart(&ds, &cohort("compass")));
        assert!(table
            .rows
            .iter()
            .filter(|r| r[0].text.starts_with("Compass"))
            .all(|r| r[4].text == "x"));
    }

    #[test]
    fn lists_join_as_english() {
        let w = |v: &[&str]| join_words(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(w(&["a"]), "a");
        assert_eq!(w(&["a", "b"]), "a and b");
        assert_eq!(w(&["a", "b", "c"]), "a, b and c");
    }
}
