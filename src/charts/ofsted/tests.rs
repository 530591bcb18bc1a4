//! The Ofsted chart: its model, words and table.

use super::*;
use crate::selection::{CohortChoice, Selection};
use crate::table::to_csv;

use crate::testing::bundled;

#[test]
fn ofsteds_words_stand_beside_the_school_they_are_about() {
    let ds = bundled();
    let seven = ofsted_chart(
        &ds,
        &Selection::cohort(CohortChoice::Cohort("seven-stars".into())),
    );
    let said = seven.statements.join(" ");
    assert!(said.contains(
        "Forest Park Primary School, March 2017 inspection (Ofsted, as quoted by University of Worcester, School of Education): \u{201c}The local authority works with the school"
    ), "{said}");
    assert!(
        !seven.statements.iter().any(|s| s.starts_with("Alexandra")),
        "only the cohort's own schools' extracts"
    );
    let compass = ofsted_chart(
        &ds,
        &Selection::cohort(CohortChoice::Cohort("compass".into())),
    );
    assert!(compass
        .statements
        .iter()
        .any(|s| s.contains("Milton Primary School, the predecessor school, 4\u{2013}5 May 2016")));
}

#[test]
fn a_predecessor_judgement_is_flagged_in_the_notes() {
    let ds = bundled();
    let chart = ofsted_chart(
        &ds,
        &Selection::cohort(CohortChoice::Cohort("compass".into())),
    );
    assert_eq!(chart.rows[0].counts.inadequate, 1);
    assert!(
        chart.notes.iter().any(|n| n.contains("predecessor school")),
        "{:?}",
        chart.notes
    );
}

#[test]
fn derived_counts_say_they_come_from_rounded_percentages() {
    let ds = bundled();
    let chart = ofsted_chart(&ds, &Selection::default());
    assert!(chart
        .notes
        .iter()
        .any(|n| n.contains("rounded percentages")));
}

fn cohort(id: &str) -> Selection {
    Selection::cohort(CohortChoice::Cohort(id.into()))
}

#[test]
fn ofsted_bars_are_summed_up_as_good_or_better() {
    let ds = bundled();
    let text = words::summary(&ofsted_chart(&ds, &Selection::default()));
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
fn a_group_of_fewer_than_five_schools_is_told_in_counts() {
    let ds = bundled();
    let text = words::summary(&ofsted_chart(&ds, &cohort("compass")));
    assert_eq!(
        text[0],
        "Compass Group (named schools): 1 school, too few for percentages: Milton Primary Academy: Inadequate, 25 March 2015 (an inspection of its predecessor, Milton Primary School)."
    );
    assert!(!text[0].contains('%'));
    let table = table::table(&ofsted_chart(&ds, &cohort("compass")));
    assert!(table
        .rows
        .iter()
        .filter(|r| r[0].text.starts_with("Compass"))
        .all(|r| r[4].text == "x"));
}

#[test]
fn the_ofsted_csv_carries_the_caveats_the_page_gives_each_bar() {
    let ds = bundled();
    let sel = Selection::cohort(crate::selection::CohortChoice::Cohort("compass".into()));
    let csv = to_csv(&table::table(&ofsted_chart(&ds, &sel)), &ds);
    let milton = csv
        .lines()
        .find(|l| l.starts_with("Compass Group (named schools),Inadequate"))
        .unwrap_or_default();
    assert!(
        milton.contains(",1,x,1,"),
        "a count, x for the share: {milton}"
    );
    assert!(
        milton.contains("Includes the predecessor school's judgement for Milton Primary Academy"),
        "{milton}"
    );
    assert!(
        milton.contains("Milton Primary Academy: Inadequate, 25 March 2015 (an inspection of its predecessor, Milton Primary School)"),
        "{milton}"
    );
    let england = csv
        .lines()
        .find(|l| l.contains("as at 31 July 2018\",Good"))
        .unwrap_or_default();
    assert!(
        england.contains("16,669 schools, as published."),
        "{england}"
    );
}

#[test]
fn a_slide_split_gives_schools_and_places_a_slide_each_with_every_bar_once() {
    let ds = bundled();
    let chart: crate::charts::Built = std::sync::Arc::new(ofsted_chart(
        &ds,
        &Selection::cohort(CohortChoice::Programme),
    ));
    assert_eq!(chart.pieces(), 2, "schools, then pupil places");
    let parts = chart.split(2);
    let labels = |b: &crate::charts::Built| -> Vec<String> {
        b.as_any()
            .downcast_ref::<OfstedChart>()
            .map(|m| m.rows.iter().map(|r| r.label.clone()).collect())
            .unwrap_or_default()
    };
    assert_eq!(parts.len(), 2);
    // Each slide's title names the bars it draws, from their labels.
    assert_eq!(
        parts[0].title(),
        "Ofsted judgements: 16 programme schools inspected since 2015, against Primary schools in England, as at 31 July 2018"
    );
    assert_eq!(
        parts[1].title(),
        "Ofsted judgements: Primary places in Stoke-on-Trent, 2023/24, against Primary places in England, 2023/24"
    );
    assert!(
        labels(&parts[1]).iter().all(|l| l.contains("places")),
        "{:?}",
        labels(&parts[1])
    );
    let mut all = labels(&parts[0]);
    all.extend(labels(&parts[1]));
    assert_eq!(all, labels(&chart), "every bar once, in order");
    let finding = parts[1].finding().unwrap_or_default();
    assert!(finding.contains("places"), "{finding}");
}

#[test]
fn shares_add_up_to_the_whole_and_headlines_to_their_bars() {
    use crate::model::{Judgement, JudgementCounts};
    // 1, 1, 1 of 3: 33.3% each; largest remainder gives 34 + 33 + 33, never 99.
    let thirds = JudgementCounts {
        outstanding: 1,
        good: 1,
        requires_improvement: 1,
        ..JudgementCounts::default()
    };
    let p = thirds.percents(None);
    assert_eq!(p.total(), 100);
    assert_eq!(
        (p.outstanding, p.good, p.requires_improvement),
        (34, 33, 33)
    );
    // England's primaries: the parts sum to 100 whatever their remainders.
    let ds = bundled();
    let chart = ofsted_chart(&ds, &Selection::default());
    for r in &chart.rows {
        assert_eq!(r.percents.total(), 100, "{}", r.label);
    }
    // The programme's own printed shares (12%, 76%, 12%) where its counts give them back: the
    // headline 88% is the sum of the bars 12% + 76%.
    let programme = &chart.rows[0];
    assert_eq!(programme.share(Judgement::Good), "76%");
    assert_eq!(programme.good_share(), "88%");
    assert_eq!(
        chart.finding().as_deref(),
        Some("16 programme schools inspected since 2015: 14 of 16 schools (88%) were judged Good or Outstanding, against 87% for Primary schools in England, as at 31 July 2018.")
    );
}

#[test]
fn titles_name_what_is_drawn_and_a_predecessors_inspection_is_said() {
    let ds = bundled();
    // All named schools: the chart draws the programme's 16 and the comparisons, not the 7.
    let all = ofsted_chart(&ds, &Selection::default());
    assert_eq!(
        all.title,
        "Ofsted judgements: 16 programme schools inspected since 2015, against 3 groups of schools and places"
    );
    let compass = ofsted_chart(
        &ds,
        &Selection::cohort(CohortChoice::Cohort("compass".into())),
    );
    assert_eq!(
        compass.finding().as_deref(),
        Some("0 of 1 school was judged Good or Outstanding at its latest inspection (its predecessor's, March 2015), against 88% for 16 programme schools inspected since 2015.")
    );
    // Its journeys are titled by the inspections drawn, not the padded axis.
    let journeys = crate::charts::inspections::journeys_chart(
        &ds,
        &Selection::cohort(CohortChoice::Cohort("compass".into())),
    );
    assert_eq!(
        crate::charts::Chart::title(&journeys),
        "Inspection journeys of Compass Group's schools, 2015"
    );
}
