//! The answer on the bundled data, against DfE's figures as the page shows them, and on a
//! dataset without areas.

use super::*;
use crate::testing::bundled;

fn bundled_answer() -> Answer {
    match answer(&bundled(), &Selection::default()) {
        Some(a) => a,
        None => panic!("the bundled data has a home area with figures"),
    }
}

#[test]
fn the_question_names_the_home_area_and_the_cohorts_starts() {
    assert_eq!(
        bundled_answer().question,
        "How does Stoke-on-Trent compare, and did it change after the cohorts started in 2015 and 2016?"
    );
}

#[test]
fn the_first_run_of_years_sets_stoke_beside_the_region_never_england() {
    let a = bundled_answer();
    let change = &a.points[0];
    assert_eq!(change.chart, PROGRESS_ID);
    // England's 0 is the measure's definition and its later +0.03 of another basis: it
    // neither rose nor fell. The region's figures stand beside the area's, both years, at one
    // precision (2016's one place).
    assert_eq!(
        change.text,
        "From 2016 to 2019, Stoke-on-Trent's progress fell in reading, writing and maths (0.0, +0.2, +0.4 to \u{2212}0.9, \u{2212}0.4, \u{2212}0.7), while West Midlands' rose in all three (\u{2212}0.5, \u{2212}0.3, \u{2212}0.4 to \u{2212}0.3, \u{2212}0.1, \u{2212}0.2)."
    );
}

#[test]
fn the_latest_year_gives_the_regions_figures_beside_the_areas_and_the_national_zero() {
    let a = bundled_answer();
    let latest = &a.points[1];
    assert_eq!(latest.chart, PROGRESS_ID);
    assert_eq!(
        latest.text,
        "In 2023 (the latest progress scores), Stoke-on-Trent's progress was \u{2212}0.62, +0.46, \u{2212}0.40 in reading, writing and maths, against West Midlands' \u{2212}0.10, \u{2212}0.01, \u{2212}0.03 (the national average is 0)."
    );
}

#[test]
fn no_sentence_says_england_rose_or_fell_in_any_view() {
    let ds = bundled();
    let views = [
        Selection::default(),
        Selection::cohort(crate::selection::CohortChoice::from_id(&ds, "seven-stars")),
        Selection {
            subject: Some(crate::model::Subject::Reading),
            ..Selection::default()
        },
        Selection {
            year: Some(2016),
            ..Selection::default()
        },
    ];
    for sel in views {
        let mut said: Vec<String> = answer(&ds, &sel)
            .map(|a| a.points.into_iter().map(|p| p.text).collect())
            .unwrap_or_default();
        for id in ChartId::available(&ds) {
            let chart = id.build(&ds, &sel);
            said.extend(chart.finding());
            said.extend(chart.summary());
        }
        for s in said {
            for bad in [
                "England's rose",
                "England's fell",
                "England's and",
                "and England's rose",
            ] {
                // Shares (attainment, free school meals) are England's real figures and may
                // move; progress never does.
                if s.contains("progress") {
                    assert!(!s.contains(bad), "{s}");
                }
            }
        }
    }
}

#[test]
fn the_answer_keeps_to_about_120_words_of_points_one_sentence_each() {
    let ds = bundled();
    let mut views = vec![Selection::default()];
    views.extend(
        ds.raw()
            .cohorts
            .iter()
            .map(|c| Selection::cohort(crate::selection::CohortChoice::Cohort(c.id.clone()))),
    );
    for sel in views {
        let Some(a) = answer(&ds, &sel) else { continue };
        let words = a.point_words();
        assert!(words <= 135, "{words} words: {:#?}", a.points);
        for p in &a.points {
            // One sentence: one full stop, at its end.
            assert_eq!(p.text.matches(". ").count(), 0, "{}", p.text);
            assert!(p.text.ends_with('.'), "{}", p.text);
        }
    }
}

#[test]
fn the_caveats_say_where_progress_begins_the_breaks_and_attribution() {
    let a = bundled_answer();
    assert_eq!(a.caveats[0], "Progress scores begin in 2016: there is none from before the first cohorts started in 2015.");
    assert!(a
        .caveats
        .iter()
        .any(|c| c.contains("No KS2 assessments took place in 2020 and 2021")));
    assert!(a
        .caveats
        .iter()
        .any(|c| c.contains("cannot be attributed to the programme alone")));
}

#[test]
fn each_point_points_to_a_card_of_the_page() {
    let ds = bundled();
    let shown = ChartId::available(&ds);
    for p in bundled_answer().points {
        assert!(shown.contains(&p.chart), "{}: {:?}", p.text, p.chart);
    }
}

#[test]
fn the_answer_reads_in_two_phone_screens() {
    // About 120 words a phone screen at the page's type size.
    let a = bundled_answer();
    let words = a.point_words()
        + a.caveats
            .iter()
            .map(|c| c.split_whitespace().count())
            .sum::<usize>();
    assert!(words <= 240, "{words} words");
}

#[test]
fn a_dataset_without_areas_has_no_answer() {
    let mut raw = bundled().raw().clone();
    raw.context = None;
    raw.area_series.clear();
    let ds = match crate::dataset::Dataset::try_from(raw) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(answer(&ds, &Selection::default()), None);
}

#[test]
fn the_chosen_schools_are_set_beside_the_area_in_the_same_year() {
    let ds = bundled();
    let sel = Selection::cohort(crate::selection::CohortChoice::from_id(&ds, "seven-stars"));
    let Some(a) = answer(&ds, &sel) else {
        panic!("an answer")
    };
    let schools = a.points.iter().find(|p| p.chart == schools::ID);
    // 2018, not the Year menu's 2019, and why; the average at the area's one place.
    assert_eq!(
        schools.map(|p| p.text.as_str()),
        Some("In 2018 (the latest with pupil counts), the average progress of Seven Stars Collaborative Network's schools, weighted by pupils, was +1.0, +1.2, +0.1 in reading, writing and maths, against Stoke-on-Trent's \u{2212}0.5, \u{2212}0.1, \u{2212}0.4.")
    );
    // Whose inspections, in the answer's own words.
    let ofsted = a.points.iter().find(|p| p.chart == ofsted::ID);
    assert_eq!(
        ofsted.map(|p| p.text.as_str()),
        Some("Seven Stars Collaborative Network (named schools): 3 of 3 schools were judged Good or Outstanding at their latest inspection.")
    );
}
