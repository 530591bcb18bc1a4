//! The area charts over time, on the bundled dataset (DfE LAIT figures for Stoke-on-Trent,
//! the West Midlands, England and Stoke's ten statistical neighbours).

use super::*;
use crate::charts::kit::locate;
use crate::charts::timeline::draw::{self, runs};
use crate::charts::timeline::Role;
use crate::charts::timeline::{table, TrendChart};
use crate::model::{PupilGroup, Subject};
use crate::provenance::NEIGHBOURS;
use crate::selection::Selection;
use crate::testing::{bundled, unescape};

fn chart(kind: TrendKind, pupils: PupilGroup) -> TrendChart {
    let sel = Selection {
        pupils,
        ..Selection::default()
    };
    trend_chart(&bundled(), kind, &sel)
}

#[test]
fn progress_has_gaps_for_the_pandemic_and_the_missing_baseline() {
    let m = chart(TrendKind::Progress, PupilGroup::All);
    let gaps: Vec<(u16, u16)> = m.gaps.iter().map(|g| (g.from, g.to)).collect();
    assert_eq!(gaps, vec![(2020, 2021), (2024, 2025)]);
    assert!(m
        .notes
        .iter()
        .any(|n| n.contains("No KS2 assessments took place in 2020 and 2021")));
}

#[test]
fn attainment_continues_to_2025_with_only_the_pandemic_gap() {
    let m = chart(TrendKind::Attainment, PupilGroup::All);
    let gaps: Vec<(u16, u16)> = m.gaps.iter().map(|g| (g.from, g.to)).collect();
    assert_eq!(gaps, vec![(2020, 2021)]);
    let home = &m.panels[0].lines[0];
    assert_eq!(home.name, "Stoke-on-Trent");
    assert_eq!(home.value(2025), Some(59.0));
}

#[test]
fn no_line_is_drawn_across_a_year_without_figures() {
    let pts = [
        (2016, 1.0),
        (2017, 2.0),
        (2019, 3.0),
        (2022, 1.0),
        (2023, 0.0),
    ];
    let r = runs(&pts);
    assert_eq!(r.len(), 3, "{r:?}");
    assert_eq!(r[1], vec![(2019, 3.0)]);
}

#[test]
fn figures_keep_the_precision_published_each_year() {
    let m = chart(TrendKind::Progress, PupilGroup::All);
    let marks = draw::marks(&m, 1100);
    let said: Vec<String> = marks.iter().map(|k| k.sentence()).collect();
    for s in [
        "Stoke-on-Trent, 2019, reading progress: \u{2212}0.91",
        "West Midlands, 2016, reading progress: \u{2212}0.5",
        "West Midlands, 2023, reading progress: \u{2212}0.10",
        "Stoke-on-Trent, 2016, reading progress: 0.0",
    ] {
        assert!(said.iter().any(|x| x == s), "missing {s}");
    }
    let fsm = chart(TrendKind::Fsm, PupilGroup::All);
    let said: Vec<String> = draw::marks(&fsm, 1100)
        .iter()
        .map(|k| k.sentence())
        .collect();
    assert!(
        said.iter()
            .any(|x| x
                == "Stoke-on-Trent, 2016, primary pupils eligible for free school meals: 23.0%")
    );
}

#[test]
fn england_all_pupil_progress_is_zero_by_definition_where_lait_prints_none() {
    let m = chart(TrendKind::Progress, PupilGroup::All);
    let england = m.panels[0]
        .lines
        .iter()
        .find(|l| l.role == Role::Country)
        .cloned();
    let p2016 = england.as_ref().and_then(|l| l.at(2016)).cloned();
    assert_eq!(p2016.as_ref().and_then(|p| p.value), Some(0.0));
    assert_eq!(
        p2016.map(|p| p.source),
        Some(crate::import::lait::DEFINITION_SOURCE.to_string())
    );
    assert!(m
        .notes
        .iter()
        .any(|n| n.starts_with("England 2016 and England 2017: 0 by definition")));
    // Drawn along the zero line, England's line is over it and of another colour: the zero
    // line is the grid's, heavier; England's is its own.
    let svg = draw::svg(&m, 1100).unwrap_or_default();
    let hex = |c: plotters::style::RGBColor| format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2);
    use crate::charts::kit::palette;
    let england = format!("stroke=\"{}\" stroke-width=\"2\"", hex(palette::ENGLAND));
    let Some(zero) = svg.find(&format!(
        "stroke=\"{}\" stroke-width=\"2\"",
        hex(palette::GRID)
    )) else {
        panic!("no zero line");
    };
    assert!(
        svg[zero..].contains(&england),
        "England's line drawn after the zero line"
    );
    assert!(!svg.contains(&format!(
        "stroke=\"{}\" stroke-width=\"1\" points=\"48,",
        hex(palette::INK)
    )));
}

#[test]
fn every_point_is_found_where_it_is_drawn() {
    for kind in [TrendKind::Progress, TrendKind::Attainment, TrendKind::Fsm] {
        let m = chart(kind, PupilGroup::All);
        for width in [360, 1100] {
            let marks = draw::marks(&m, width);
            assert!(!marks.is_empty());
            // Home, region and England come first and are drawn on top: the pointer at a
            // point's centre finds that point, or one at the same place with the same value.
            for mk in marks.iter().take(20) {
                let (x, y) = (
                    mk.bounds.x + mk.bounds.w / 2.0,
                    mk.bounds.y + mk.bounds.h / 2.0,
                );
                let found = locate(&marks, x, y).map(|j| &marks[j]);
                assert!(
                    found.is_some_and(|f| f.year == mk.year),
                    "{kind:?} {width}: {} not found at its centre",
                    mk.sentence()
                );
            }
        }
    }
}

#[test]
fn each_neighbour_is_a_row_of_the_table_and_a_mark() {
    let ds = bundled();
    let m = chart(TrendKind::Progress, PupilGroup::All);
    let t = table::table(&m, Some("Department for Education grouping, 2021"));
    let neighbours = t
        .rows
        .iter()
        .filter(|r| r[1].text.starts_with("Statistical neighbour"))
        .count();
    assert_eq!(neighbours, 30, "ten neighbours in three subjects");
    assert!(t.rows.iter().any(|r| r[0].text == "Blackpool"));
    let marks = draw::marks(&m, 1100);
    assert!(marks
        .iter()
        .any(|k| k.entity == "Blackpool (statistical neighbour)" && k.year == Some(2019)));
    let csv = crate::table::to_csv(&t, &ds);
    assert!(
        csv.contains(",x,"),
        "2020 is written x (not available), DfE's symbol, in its number column"
    );
    // Numbers keep the places they were published with: 2016 one, 2023 two.
    let wm = csv
        .lines()
        .find(|l| l.starts_with("West Midlands,Region,Reading,"))
        .unwrap_or_default();
    assert!(
        wm.starts_with("West Midlands,Region,Reading,,-0.5,-0.5,-0.3,-0.26,x,x,0.07,-0.10,"),
        "{wm}"
    );
    assert!(
        csv.contains("Local Authority Interactive Tool"),
        "rows cite LAIT"
    );
}

#[test]
fn hiding_the_neighbours_removes_band_points_and_marks() {
    let sel = Selection {
        hidden: [NEIGHBOURS.to_string()].into_iter().collect(),
        ..Selection::default()
    };
    let m = trend_chart(&bundled(), TrendKind::Progress, &sel);
    assert!(m
        .panels
        .iter()
        .all(|p| p.neighbours.is_empty() && p.band.is_empty()));
    assert!(draw::marks(&m, 1100)
        .iter()
        .all(|k| !k.entity.contains("neighbour")));
    let entry = m.legend.iter().find(|e| e.id == NEIGHBOURS);
    assert_eq!(entry.map(|e| e.shown), Some(false));
}

#[test]
fn switching_pupils_keeps_the_axis_and_changes_the_figures() {
    let all = chart(TrendKind::Progress, PupilGroup::All);
    let dis = chart(TrendKind::Progress, PupilGroup::Disadvantaged);
    assert_eq!(all.domain, dis.domain, "the axis does not move");
    assert!(dis.title.contains("disadvantaged pupils"));
    let stoke = &dis.panels[0].lines[0];
    assert_eq!(stoke.value(2019), Some(-1.29));
    assert_eq!(
        stoke.value(2016),
        None,
        "LAIT has no 2016 figure for disadvantaged pupils"
    );
}

#[test]
fn the_summary_says_how_the_area_changed_against_its_comparators() {
    let m = chart(TrendKind::Progress, PupilGroup::All);
    let s = words::summary(&m).join(" ");
    for part in [
        // England's 0 is the measure's definition: it never rises or falls (issue 31); one
        // precision a sentence (2016's one place).
        "From 2016 to 2019 Stoke-on-Trent's progress fell in reading (0.0 to \u{2212}0.9), writing (+0.2 to \u{2212}0.4) and maths (+0.4 to \u{2212}0.7), while West Midlands' rose in all three subjects.",
        "In 2023, the latest year published (reading, writing and maths): Stoke-on-Trent \u{2212}0.62, +0.46 and \u{2212}0.40, above 2, 7 and 2 of its 10 statistical neighbours; England (all state-funded schools) +0.04, +0.04 and +0.04.",
        "2020\u{2013}2021: No KS2 tests.",
    ] {
        assert!(s.contains(part), "missing {part} in {s}");
    }
    assert!(s.split_whitespace().count() <= 70, "{s}");
    // One subject: one panel, sentences about that subject alone.
    let sel = Selection {
        subject: Some(Subject::Reading),
        ..Selection::default()
    };
    let one = words::summary(&trend_chart(&bundled(), TrendKind::Progress, &sel)).join(" ");
    assert!(
        one.contains("Stoke-on-Trent's reading progress fell from 0.0 to \u{2212}0.9,"),
        "{one}"
    );
    assert!(
        one.contains("Stoke-on-Trent was above 2 of its 10 statistical neighbours"),
        "{one}"
    );
}

#[test]
fn the_accounts_statement_is_checked_against_the_figures() {
    let m = chart(TrendKind::Progress, PupilGroup::All);
    let said = m.statements.join(" ");
    assert!(said.contains("reading progress 0.0, above West Midlands (\u{2212}0.5) and above the statistical neighbours' median (\u{2212}0.2; above 6 of 10)"), "{said}");
    assert!(
        said.contains("Earlier statements may have used another grouping."),
        "{said}"
    );
    // Disadvantaged pupils: the statement about them is tested on their chart, not this one.
    assert!(!said.contains("disadvantaged"), "{said}");
    let dis = chart(TrendKind::Attainment, PupilGroup::Disadvantaged);
    assert!(dis
        .statements
        .iter()
        .any(|s| s.contains("35%, below England (39%)")));
}

#[test]
fn the_accounts_fsm_shares_are_set_beside_dfes() {
    let m = chart(TrendKind::Fsm, PupilGroup::All);
    let notes = m.notes.join(" ");
    assert!(
        notes.contains("England: 14.5%, and 14.6% in January 2016, a difference of 0.1 points"),
        "{notes}"
    );
    assert!(m.sources.iter().any(|s| s == "uow-clp-account"));
}

#[test]
fn the_drawing_marks_cohort_starts_and_labels_gaps() {
    let m = chart(TrendKind::Attainment, PupilGroup::All);
    let svg = unescape(&draw::svg(&m, 1100).unwrap_or_default());
    assert!(svg.contains("Cohorts started: 7 in 2015, 5 in 2016"));
    assert!(svg.contains("No KS2 tests"));
    assert!(
        svg.contains("Stoke-on-Trent 59%"),
        "direct label with the latest value"
    );
    let (_, narrow) = draw::size(&chart(TrendKind::Progress, PupilGroup::All), 360);
    let (_, wide) = draw::size(&chart(TrendKind::Progress, PupilGroup::All), 1100);
    assert!(narrow > 2 * wide, "panels stack on a phone");
}

#[test]
fn a_dataset_without_area_series_has_no_area_charts() {
    let mut raw = bundled().raw().clone();
    raw.context = None;
    raw.area_series.clear();
    let ds = match crate::dataset::Dataset::try_from(raw) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    let charts = crate::charts::ChartId::available(&ds);
    assert!(charts.iter().all(|c| !c.is_area_only()));
    assert_eq!(
        charts.len(),
        5,
        "the cohort charts, the schools over time and the inspection journeys"
    );
}

#[test]
fn lines_are_named_in_a_key_where_their_ends_cannot_be() {
    let m = chart(TrendKind::Progress, PupilGroup::All);
    let narrow = unescape(&draw::svg(&m, 820).unwrap_or_default());
    for name in [
        "Stoke-on-Trent",
        "West Midlands",
        "England",
        "Neighbours' median",
        "Neighbours' range",
    ] {
        assert!(narrow.contains(name), "the key names {name}");
    }
    // A single panel with room names each line at its end instead, with its latest value.
    let one = chart(TrendKind::Fsm, PupilGroup::All);
    let wide = unescape(&draw::svg(&one, 1100).unwrap_or_default());
    assert!(wide.contains("Stoke-on-Trent 41.1%"));
    assert!(
        !wide.contains("Neighbours' range"),
        "no key when the ends are named"
    );
    let (_, with_key) = draw::size(&m, 820);
    let (_, phone) = draw::size(&m, 360);
    assert!(with_key < phone);
}

#[test]
fn the_accounts_figures_are_compared_for_the_same_pupils_only() {
    let dis = chart(TrendKind::Progress, PupilGroup::Disadvantaged);
    let notes = dis.notes.join(" ");
    assert!(
        notes.contains("University of Worcester, School of Education gives 2016 progress of disadvantaged pupils in Stoke-on-Trent (reading \u{2212}0.2, writing \u{2212}0.1 and maths +0.1); the yearly series has none for 2016."),
        "{notes}"
    );
    assert!(
        !notes.contains("gives the same"),
        "no all-pupil figure is compared with a disadvantaged one"
    );
    assert!(
        !notes.contains("above West Midlands and statistical neighbours"),
        "the statement is about all pupils"
    );
}
