//! Another programme's dataset is told in its own words: every name the page writes comes
//! from the dataset, none from the code. The dataset is the bundled one made into another
//! programme's by code (SYNTHETIC: other names, another home area and region, no
//! statements, no quoted reports), never shipped or shown.

use super::*;
use crate::selection::{CohortChoice, Selection};
use crate::testing::bundled;

/// Words of the bundled programme that another programme's page must never show.
const OURS: [&str; 18] = [
    "Stoke",
    "Worcester",
    "Collaborative",
    "Seven Stars",
    "ESPRIT",
    "Compass",
    "West Midlands",
    "Forest Park",
    "Etruscan",
    "Abbey Hulton",
    "Alexandra",
    "Milton",
    "Watermill",
    "the account",
    "'s account",
    "2021 grouping",
    "network",
    "Network",
];

/// The bundled dataset with every name of ours replaced.
fn another_programme() -> Dataset {
    let mut raw = bundled().raw().clone();
    raw.title = "Northshire Schools Partnership".into();
    raw.programme.name = raw.title.clone();
    raw.programme.by = Some("Northshire Council \u{b7} Schools Team".into());
    raw.programme.cohort_word = None;
    raw.programme.membership_note = "Every member school is listed.".into();
    raw.statements.clear();
    for s in &mut raw.sources {
        if !s.publisher.contains("Department for Education") && s.publisher != "Ofsted" {
            s.publisher = "Northshire Council".into();
            s.title = "Partnership report".into();
            s.date = "2020".into();
            s.citation = "The partnership's report.".into();
            s.url = None;
        }
        s.citation = s.citation.replace("Stoke-on-Trent's", "the area's");
    }
    let renamed = |name: &str, i: usize| -> String {
        match name {
            "Stoke-on-Trent" => "Northshire".into(),
            "West Midlands" => "North Region".into(),
            "England" => "England".into(),
            _ => format!("Borough {i}"),
        }
    };
    for (i, a) in raw.areas.iter_mut().enumerate() {
        a.name = renamed(&a.name.clone(), i);
    }
    if let Some(c) = &mut raw.context {
        c.neighbours_note =
            Some("Statistical neighbours: the ten authorities most like Northshire.".into());
    }
    for p in &mut raw.area_progress {
        p.quote = None;
        p.note = None;
    }
    for f in &mut raw.fsm {
        f.note = None;
    }
    for (i, c) in raw.cohorts.iter_mut().enumerate() {
        c.name = format!("Group {}", i + 1);
        c.membership = "Every member school is listed.".into();
    }
    for (i, s) in raw
        .schools
        .iter_mut()
        .chain(raw.area_schools.iter_mut())
        .enumerate()
    {
        s.name = format!("School {}", i + 1);
        s.report_extracts.clear();
        s.no_ks2_reason = s.no_ks2_reason.as_ref().map(|_| "No KS2 results.".into());
        for r in &mut s.ks2 {
            if let Some(p) = &mut r.published_as {
                p.name = format!("Former school {}", p.urn);
            }
        }
        for ins in &mut s.ofsted {
            ins.note = None;
            if let Some(p) = &mut ins.published_as {
                p.name = format!("Former school {}", p.urn);
            }
        }
        for f in &mut s.facts {
            if let Some(p) = &mut f.published_as {
                p.name = format!("Former school {}", p.urn);
            }
        }
    }
    for (i, d) in raw.ofsted_distributions.iter_mut().enumerate() {
        d.label = format!("Group of schools {}", i + 1);
        d.note = None;
    }
    match Dataset::try_from(raw) {
        Ok(ds) => ds,
        Err(e) => panic!("the other programme's dataset is invalid: {e}"),
    }
}

#[test]
fn another_programmes_dataset_is_told_in_its_own_words() {
    let ds = another_programme();
    let mut said = vec![page(&ds).html];
    let mut sels = vec![Selection::default()];
    sels.extend(
        ds.raw()
            .cohorts
            .iter()
            .map(|c| Selection::cohort(CohortChoice::Cohort(c.id.clone()))),
    );
    for sel in &sels {
        for id in crate::charts::ChartId::available(&ds) {
            let chart = id.build(&ds, sel);
            said.push(chart.title().to_string());
            said.extend(chart.summary());
            said.extend(chart.notes());
            said.push(crate::charts::source_line(&*chart, &ds));
            said.push(crate::testing::unescape(
                &chart.svg(900).unwrap_or_default(),
            ));
            for t in chart.tables(&ds) {
                said.push(t.caption.clone());
                said.extend(t.rows.iter().flatten().map(|c| c.text.clone()));
            }
        }
    }
    let h = crate::page::header(&ds);
    said.push(format!("{:?}", h));
    said.extend(crate::page::cohort_options(&ds).into_iter().map(|(_, l)| l));
    let all = said.join("\n");
    for word in OURS {
        if let Some(at) = all.find(word) {
            let from = all[..at]
                .char_indices()
                .rev()
                .nth(120)
                .map_or(0, |(i, _)| i);
            let to = all[at..]
                .char_indices()
                .nth(120)
                .map_or(all.len(), |(i, _)| at + i);
            panic!(
                "\u{201c}{word}\u{201d} is written for another programme: \u{2026}{}\u{2026}",
                &all[from..to]
            );
        }
    }
    assert!(all.contains("Northshire Schools Partnership"));
    assert!(all.contains("against Northshire and England"));
    assert!(all.contains("North Region"));
}

#[test]
fn another_programme_keeps_the_rules_of_saying_only_what_the_figures_say() {
    // Issue 31's rules on data we have not seen: England's progress never moves, every
    // Ofsted headline share is the sum of its bars, titles name the bars drawn, the answer
    // keeps to about 120 words of points.
    let ds = another_programme();
    let mut views = vec![Selection::default()];
    views.extend(
        ds.raw()
            .cohorts
            .iter()
            .map(|c| Selection::cohort(CohortChoice::Cohort(c.id.clone()))),
    );
    for sel in views {
        if let Some(a) = crate::answer::answer(&ds, &sel) {
            let words = a.point_words();
            assert!(words <= 135, "{words}: {:#?}", a.points);
            for p in &a.points {
                assert!(!p.text.contains("England's rose"), "{}", p.text);
                assert!(!p.text.contains("England's fell"), "{}", p.text);
            }
        }
        let of = crate::charts::ofsted::ofsted_chart(&ds, &sel);
        let first = of.rows.first().map(|r| r.label.clone()).unwrap_or_default();
        assert!(of.title.contains(&first), "{} / {first}", of.title);
        for r in &of.rows {
            let bars: u32 = crate::model::Judgement::ALL
                .iter()
                .map(|j| r.percents.get(*j))
                .sum();
            if r.counts.total() > 0 {
                assert_eq!(bars, 100, "{}: {:?}", r.label, r.percents);
            }
            let good = r.percents.get(crate::model::Judgement::Outstanding)
                + r.percents.get(crate::model::Judgement::Good);
            assert_eq!(r.good_share(), format!("{good}%"), "{}", r.label);
        }
    }
}
