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
fn the_first_run_of_years_says_stoke_fell_while_the_region_and_england_rose() {
    let a = bundled_answer();
    let change = &a.points[0];
    assert_eq!(change.chart, PROGRESS_ID);
    assert!(
        change.text.starts_with(
            "From 2016 to 2019 Stoke-on-Trent's progress fell in all three subjects (reading "
        ),
        "{}",
        change.text
    );
    assert!(
        change.text.contains("reading 0.0 to \u{2212}0.91"),
        "{}",
        change.text
    );
    assert!(
        change
            .text
            .ends_with("while West Midlands' and England's rose in all three subjects."),
        "{}",
        change.text
    );
}

#[test]
fn the_latest_year_compares_with_england_the_region_and_the_neighbours() {
    let a = bundled_answer();
    let latest = &a.points[1];
    assert_eq!(latest.chart, PROGRESS_ID);
    assert!(
        latest.text.starts_with("In 2023, the latest year with progress scores, Stoke-on-Trent's pupils' progress was below England's and West Midlands' in reading and maths and above in writing (reading \u{2212}0.62, writing +0.46 and maths \u{2212}0.40)."),
        "{}",
        latest.text
    );
    assert!(
        latest
            .text
            .contains("statistical neighbours in reading, writing and maths."),
        "{}",
        latest.text
    );
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
    let words: usize = a
        .points
        .iter()
        .map(|p| p.text.split_whitespace().count())
        .sum::<usize>()
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
    assert_eq!(
        schools.map(|p| p.text.as_str()),
        Some("Seven Stars Collaborative Network, 2018: their pupil-weighted mean progress (derived) was +0.95 in reading, +1.18 in writing and +0.06 in maths, against Stoke-on-Trent's \u{2212}0.5, \u{2212}0.1 and \u{2212}0.4.")
    );
}
