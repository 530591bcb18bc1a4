//! Every chart through the one interface: marks are found where they are drawn, names from a
//! file are escaped, files are named for what they hold, downloads keep their caveats.

use super::disadvantaged::disadvantage_chart;
use super::kit::{locate, Mark};
use super::ofsted::ofsted_chart;
use super::progress::progress_chart;
use super::*;
use crate::dataset::Dataset;
use crate::model::Subject;
use crate::selection::{CohortChoice, Selection};
use crate::table::to_csv;
use crate::testing::{bundled, unescape};

/// The whole programme, then each of its cohorts.
fn every_cohort(ds: &Dataset) -> Vec<CohortChoice> {
    std::iter::once(CohortChoice::Programme)
        .chain(
            ds.raw()
                .cohorts
                .iter()
                .map(|c| CohortChoice::Cohort(c.id.clone())),
        )
        .collect()
}

fn check_found_where_drawn(marks: &[Mark]) {
    assert!(!marks.is_empty());
    for (i, m) in marks.iter().enumerate() {
        let (cx, cy) = (m.bounds.x + m.bounds.w / 2.0, m.bounds.y + m.bounds.h / 2.0);
        assert_eq!(
            locate(marks, cx, cy),
            Some(i),
            "{} is not found at its centre",
            m.sentence()
        );
    }
}

#[test]
fn every_progress_bar_is_found_at_its_centre_at_every_width() {
    let ds = bundled();
    let model = progress_chart(&ds, &Selection::default());
    for width in [360, 700, 1200] {
        let marks = progress::draw::marks(&model, width);
        assert_eq!(
            marks.len(),
            3 * model.rows.len(),
            "one mark per subject and row"
        );
        check_found_where_drawn(&marks);
    }
}

#[test]
fn a_progress_mark_reads_as_a_sentence_with_its_source() {
    let ds = bundled();
    let model = progress_chart(&ds, &Selection::default());
    let marks = progress::draw::marks(&model, 1200);
    let maths_stoke = marks
        .iter()
        .find(|m| m.entity == "Stoke-on-Trent" && m.category == "maths progress");
    assert_eq!(
        maths_stoke.map(Mark::sentence).as_deref(),
        Some("Stoke-on-Trent, 2019, maths progress: \u{2212}0.65")
    );
    assert_eq!(
        maths_stoke.and_then(|m| m.source.clone()).as_deref(),
        Some("dfe-lait-ks2")
    );
}

#[test]
fn a_chosen_subject_draws_one_panel() {
    let ds = bundled();
    let sel = Selection {
        subject: Some(Subject::Maths),
        ..Selection::default()
    };
    let model = progress_chart(&ds, &sel);
    let marks = progress::draw::marks(&model, 1200);
    assert_eq!(marks.len(), model.rows.len());
    assert!(marks.iter().all(|m| m.category == "maths progress"));
    let svg = progress::draw::svg(&model, 1200).unwrap_or_default();
    // plotters writes a text element as `>\nMaths\n</text>`.
    let headings = |name: &str| svg.matches(&format!(">\n{name}\n</text>")).count();
    assert_eq!(
        (headings("Maths"), headings("Reading"), headings("Writing")),
        (1, 0, 0)
    );
}

#[test]
fn hiding_a_series_removes_its_bars_and_keeps_it_in_the_legend() {
    let ds = bundled();
    let sel = Selection {
        hidden: ["england".to_string()].into_iter().collect(),
        ..Selection::default()
    };
    let model = progress_chart(&ds, &sel);
    assert!(model.rows.iter().all(|r| r.series != "england"));
    let england = model.legend.iter().find(|e| e.id == "england");
    assert_eq!(england.map(|e| e.shown), Some(false));
    let dis = disadvantage_chart(&ds, &sel);
    assert!(dis.rows.iter().all(|r| r.england.is_none()));
    assert!(dis.fsm.iter().all(|b| b.area != "england"));
    assert_eq!(
        disadvantaged::draw::marks(&dis, 1000).len(),
        3 + 3,
        "Stoke's three bars, its FSM bar, and the region's and neighbours' FSM bars"
    );
    let fsm: Vec<String> = disadvantaged::draw::marks(&dis, 1000)
        .iter()
        .skip(3)
        .map(Mark::sentence)
        .collect();
    assert_eq!(
        fsm,
        vec![
            "Stoke-on-Trent, 2019, primary pupils eligible for free school meals: 25.2%".to_string(),
            "West Midlands, 2019, primary pupils eligible for free school meals: 18.7%".to_string(),
            "Statistical neighbours' median, 2019, primary pupils eligible for free school meals: 20.4%".to_string(),
        ]
    );
}

#[test]
fn disadvantage_and_ofsted_marks_are_found_where_drawn() {
    let ds = bundled();
    let sel = Selection::default();
    for width in [360, 1000] {
        check_found_where_drawn(&disadvantaged::draw::marks(
            &disadvantage_chart(&ds, &sel),
            width,
        ));
        let ofsted = ofsted::draw::marks(&ofsted_chart(&ds, &sel), width);
        check_found_where_drawn(&ofsted);
        // The programme's printed shares (12%, 76%, 12%): the bars add up to its 88%.
        assert!(ofsted.iter().any(|m| m.sentence()
            == "16 programme schools inspected since 2015, Good: 12 of 16 schools (76%)"));
    }
}

#[test]
fn file_names_say_what_they_hold() {
    let ds = bundled();
    let mut sel = Selection::cohort(CohortChoice::Cohort("seven-stars".into()));
    let chart = crate::charts::progress::ID.build(&ds, &sel);
    assert_eq!(
        crate::charts::file_stem(&*chart, &sel),
        "ks2-progress_seven-stars_2019"
    );
    sel.subject = Some(Subject::Maths);
    let chart = crate::charts::progress::ID.build(&ds, &sel);
    assert_eq!(
        crate::charts::file_stem(&*chart, &sel),
        "ks2-progress_seven-stars_maths_2019"
    );
    let all = Selection::default();
    // The bundled disadvantaged chart has area figures only: named for the area, not
    // for the cohort chosen.
    assert_eq!(
        file_stem(&*crate::charts::disadvantaged::ID.build(&ds, &sel), &sel),
        "disadvantaged_stoke-on-trent_2019"
    );
    assert_eq!(
        file_stem(&*crate::charts::ofsted::ID.build(&ds, &all), &all),
        "ofsted_all-schools"
    );
}

#[test]
fn a_downloaded_drawing_keeps_the_charts_caveats() {
    let ds = bundled();
    let sel = Selection::cohort(CohortChoice::Cohort("compass".into()));
    let svg =
        export_svg(&*crate::charts::ofsted::ID.build(&ds, &sel), &ds, 900).unwrap_or_default();
    assert!(
        svg.contains("predecessor school"),
        "the predecessor caveat is in the file"
    );
    assert!(svg.contains("too few for percentages"));
}

#[test]
fn every_chart_cites_its_sources_in_one_line() {
    let ds = bundled();
    let sel = Selection::default();
    let line = source_line(&*crate::charts::ofsted::ID.build(&ds, &sel), &ds);
    assert!(line.starts_with("Source: University of Worcester"));
    assert!(line.contains(
        "Ofsted, Management information: latest inspections of schools as at 31 July 2018"
    ));
}

#[test]
fn source_lines_write_dates_in_words_once_and_never_nest_brackets() {
    let ds = bundled();
    let sel = Selection::default();
    for id in ChartId::all() {
        let line = source_line(&*id.build(&ds, &sel), &ds);
        assert!(
            !line.contains("2018-07-31") && !line.contains("2025-12-01"),
            "{line}"
        );
        assert_eq!(
            line.matches("31 July 2018").count(),
            line.matches("Management information").count(),
            "{line}"
        );
        let mut depth = 0i32;
        for c in line.chars() {
            depth += i32::from(c == '(') - i32::from(c == ')');
            assert!(depth <= 1, "brackets nest in {line}");
        }
    }
    let lait = source_line(&*area::PROGRESS_ID.build(&ds, &sel), &ds);
    assert!(
        lait.contains("Key stage 2 attainment, updated 1 December 2025"),
        "{lait}"
    );
}

#[test]
fn the_programmes_caveat_stands_beside_every_chart_of_its_schools() {
    let ds = bundled();
    for cohort in [
        CohortChoice::Programme,
        CohortChoice::Cohort("esprit".into()),
    ] {
        let sel = Selection::cohort(cohort);
        for id in [progress::ID, schools::ID, ofsted::ID, inspections::ID] {
            let chart = id.build(&ds, &sel);
            assert!(
                chart
                    .notes()
                    .iter()
                    .any(|n| n.contains("cannot be attributed to the programme alone")),
                "{id:?}: {:?}",
                chart.notes()
            );
            let svg = crate::charts::export_svg(&*chart, &ds, 900).unwrap_or_default();
            assert!(
                svg.contains("cannot be attributed"),
                "{id:?}: the caveat is in the download"
            );
        }
    }
}

#[test]
fn disadvantage_and_ofsted_tables_hold_the_seed_figures() {
    let ds = bundled();
    let sel = Selection::default();
    let dis = to_csv(
        &disadvantaged::table::table(&disadvantage_chart(&ds, &sel)),
        &ds,
    );
    assert!(
        dis.contains("Progress of disadvantaged pupils,Maths,England,2019,-0.71,dfe-lait-ks2"),
        "{dis}"
    );
    assert!(dis.contains(
        "Primary pupils eligible for free school meals (%),,Stoke-on-Trent,2019,25.2,dfe-lait-fsm"
    ), "{dis}");
    let y2016 = Selection {
        year: Some(2016),
        ..Selection::default()
    };
    let dis = to_csv(
        &disadvantaged::table::table(&disadvantage_chart(&ds, &y2016)),
        &ds,
    );
    assert!(
        dis.contains("Progress of disadvantaged pupils,Maths,England,2016,-0.5,uow-clp-account")
    );
    let of = to_csv(&ofsted::table::table(&ofsted_chart(&ds, &sel)), &ds);
    assert!(of.contains(
        "16 programme schools inspected since 2015,Good,schools,12,76,16,uow-clp-account"
    ));
    assert!(of.contains("\"Primary schools in England, as at 31 July 2018\",Inadequate,schools,476,3,16669,ofsted-mi-2018-07"));
    assert!(of.contains(
        "\"Primary places in Stoke-on-Trent, 2023/24\",Good,places,17842,73,24300,dfe-places-scorecards"
    ));
}

// Dataset strings reach the page inside SVG that is inserted as markup: every one must
// arrive as text. These names are hostile on purpose.

const NAMES: [&str; 5] = [
    "<script>alert(1)</script>",
    "\"><svg onload=alert(1)>",
    "Smith & Jones' \"Academy\"",
    "مدرسة الأمل الابتدائية",
    "🏫 Rainbow Primary 🌈",
];

fn hostile() -> Dataset {
    let mut raw = bundled().raw().clone();
    for (school, name) in raw.schools.iter_mut().zip(NAMES) {
        school.name = name.to_string();
    }
    raw.cohorts[0].name = "<img src=x onerror=alert(1)>".into();
    raw.sources[0].title = "</text><script>alert(2)</script>".into();
    raw.areas[1].name = "Stoke & <b>Trent</b>".into();
    match Dataset::try_from(raw) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn hostile_names_are_escaped_in_every_chart_and_export() {
    let ds = hostile();
    let sel = Selection::default();
    for id in ChartId::all() {
        let chart = id.build(&ds, &sel);
        for svg in [chart.svg(900), crate::charts::export_svg(&*chart, &ds, 900)]
            .into_iter()
            .map(|r| r.unwrap_or_default())
        {
            assert_eq!(
                svg.matches("<svg").count(),
                1,
                "{id:?}: one svg element, no injected one"
            );
            assert!(!svg.contains("<script"), "{id:?}: no script element");
            assert!(!svg.contains("<img"), "{id:?}: no img element");
            assert!(!svg.contains("<b>"), "{id:?}: no markup from names");
        }
    }
    let progress = crate::charts::progress::ID.build(&ds, &sel);
    let text = unescape(&progress.svg(900).unwrap_or_default());
    assert!(
        text.contains("Smith & Jones' \"Academy\""),
        "shown as written"
    );
    assert!(text.contains("🏫 Rainbow Primary 🌈"));
    assert!(text.contains("مدرسة الأمل الابتدائية"));
    assert!(
        text.contains("Stoke & <b>Trent</b>"),
        "as text, tags and all"
    );
}

#[test]
fn every_chart_says_what_it_shows_in_a_finding_and_a_short_summary() {
    let ds = bundled();
    for cohort in every_cohort(&ds) {
        for id in ChartId::available(&ds) {
            let m = id.build(&ds, &Selection::cohort(cohort.clone()));
            let words: usize = m
                .summary()
                .iter()
                .map(|s| s.split_whitespace().count())
                .sum();
            assert!(
                words <= 70,
                "{} for {}: {words} words",
                id.id(),
                cohort.id()
            );
            if cohort == CohortChoice::Programme {
                let finding = m.finding();
                assert!(
                    finding
                        .as_ref()
                        .is_some_and(|f| f.ends_with('.') && f.split_whitespace().count() <= 40),
                    "{}: {finding:?}",
                    id.id()
                );
            }
        }
    }
}

#[test]
fn the_tables_shown_are_the_tables_cut_with_their_whole_count() {
    // The Table tab makes only the rows it shows (`Chart::tables_shown`): the same rows, in
    // the same order, as the whole tables cut there, and the count of the whole.
    let ds = bundled();
    for cohort in every_cohort(&ds) {
        let sel = Selection::cohort(cohort);
        for id in ChartId::available(&ds) {
            let model = id.build(&ds, &sel);
            let whole = model.tables(&ds);
            for limit in [0, 1, 3, 500] {
                let shown = model.tables_shown(&ds, limit);
                assert_eq!(shown.len(), whole.len(), "{}", id.id());
                for ((s, total), w) in shown.iter().zip(&whole) {
                    assert_eq!(*total, w.rows.len(), "{} at {limit}", id.id());
                    assert_eq!(s.caption, w.caption);
                    assert_eq!(s.columns, w.columns);
                    assert_eq!(
                        s.rows,
                        w.rows[..w.rows.len().min(limit)],
                        "{} at {limit}",
                        id.id()
                    );
                }
            }
        }
    }
}
