//! Each statement of the bundled dataset beside the figures that test it.

use super::*;
use crate::testing::bundled;

fn told_of(topic: &str) -> String {
    let ds = bundled();
    let mut sources = Sources::default();
    about(&ds, topic, &mut sources).join(" ")
}

#[test]
fn above_the_region_and_neighbours_is_tested_subject_by_subject_against_dfes_figures() {
    let t = told_of("ks2-progress");
    assert!(
        t.contains("\u{201c}above West Midlands and statistical neighbours\u{201d}"),
        "{t}"
    );
    assert!(
        t.contains("Beside the 2016 figures for Stoke-on-Trent: reading progress 0.0, above West Midlands (\u{2212}0.5)"),
        "{t}"
    );
    // DfE's 2021 neighbours: the 2016 writing and maths medians are above Stoke-on-Trent's.
    assert!(
        t.contains("writing progress +0.2, above West Midlands (\u{2212}0.3) and below the statistical neighbours' median (+0.9; above 3 of 10)"),
        "{t}"
    );
    assert!(
        t.contains(
            "It holds for reading progress but not for writing progress and maths progress."
        ),
        "{t}"
    );
    assert!(
        t.contains("Statistical neighbours are DfE's 2021 grouping"),
        "{t}"
    );
}

#[test]
fn the_disadvantaged_claim_holds_for_progress_but_not_for_attainment() {
    let t = told_of("disadvantaged");
    // Progress 2016: the account's own figures (DfE's LAIT starts in 2017).
    assert!(
        t.contains("reading progress \u{2212}0.2, above England (\u{2212}0.7)"),
        "{t}"
    );
    // Attainment 2016, DfE: 35% against 39%.
    assert!(
        t.contains(
            "meeting the expected standard in reading, writing and maths 35%, below England (39%)"
        ),
        "{t}"
    );
    assert!(
        t.contains("Some of these figures are the statement's own source's"),
        "{t}"
    );
    assert!(
        t.contains("It holds for reading progress, writing progress and maths progress but not for meeting the expected standard in reading, writing and maths."),
        "{t}"
    );
}

#[test]
fn the_leadership_claim_is_set_beside_the_named_schools() {
    let t = told_of("ofsted");
    assert!(t.contains("Alexandra Junior School"), "{t}");
    assert!(t.contains("Alexandra Infants' School"), "{t}");
    assert!(
        t.contains("2 with leadership and management Good, where the statement says 1 of 2"),
        "{t}"
    );
}

#[test]
fn a_statement_without_a_year_is_not_set_beside_dated_figures() {
    let mut raw = bundled().raw().clone();
    for s in &mut raw.statements {
        s.year = None;
    }
    let ds = Dataset::try_from(raw).unwrap_or_else(|e| panic!("{e}"));
    let mut sources = Sources::default();
    let t = about(&ds, "disadvantaged", &mut sources).join(" ");
    assert!(
        t.ends_with("Its source gives no year, so no dated figure can be set beside it."),
        "{t}"
    );
}

#[test]
fn a_statement_with_no_claim_is_shown_as_written() {
    let t = told_of("attribution");
    assert!(!t.contains("Beside the"), "{t}");
}
