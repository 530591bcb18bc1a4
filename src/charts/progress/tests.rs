//! The KS2 progress chart: its model, words, table, drawing and marks.

use super::*;
use crate::dataset::Dataset;
use crate::model::{Score, Subject};
use crate::provenance::Cell;
use crate::selection::{school_years, CohortChoice, Selection};
use crate::table::to_csv;
use crate::testing::bundled;
use table::table as progress_table;
use words::summary as progress;

#[test]
fn a_figure_published_for_a_predecessor_school_says_so_wherever_it_is_shown() {
    // The bundled dataset: Milton Primary Academy's 2017 results were published for its
    // predecessor, URN 123984 (DfE KS2 2017, through the GIAS links).
    let ds = bundled();
    let sel = Selection {
        cohort: CohortChoice::Cohort("compass".into()),
        year: Some(2017),
        ..Selection::default()
    };
    let chart = progress_chart(&ds, &sel);
    let row = chart.rows.iter().find(|r| r.urn == Some(144_441));
    assert_eq!(
        row.map(|r| r.label.as_str()),
        Some("Milton Primary Academy (predecessor's figures)")
    );
    assert!(chart.notes.iter().any(|n| n
        == "Milton Primary Academy: the 2017 figures were published for the predecessor school, Milton Primary School (URN 123984)."));
    let table = table::table(&chart);
    assert!(table
        .rows
        .iter()
        .any(|r| r[0].text == "Milton Primary Academy (predecessor's figures)"));
}

#[test]
fn the_progress_axis_is_the_same_for_every_cohort_and_subject() {
    let ds = bundled();
    let extents: Vec<f64> = ["seven-stars", "esprit", "compass", "special-schools-trust"]
        .iter()
        .flat_map(|c| {
            [None, Some(Subject::Maths)].map(|subject| {
                let sel = Selection {
                    cohort: CohortChoice::Cohort((*c).into()),
                    subject,
                    ..Selection::default()
                };
                progress_chart(&ds, &sel).extent
            })
        })
        .collect();
    assert!(extents.iter().all(|e| *e == extents[0]), "{extents:?}");
    // At least Watermill's 2017 maths, −12.6 (an area school's may reach further).
    assert!(extents[0] >= 12.6, "{}", extents[0]);
}

#[test]
fn a_special_school_beside_mainstream_ones_is_marked_and_explained() {
    let ds = bundled();
    let all = progress_chart(&ds, &Selection::default());
    let labels: Vec<&str> = all.rows.iter().map(|r| r.label.as_str()).collect();
    assert!(
        labels
            .iter()
            .any(|l| l.starts_with("Watermill") && l.ends_with("(special)")),
        "{labels:?}"
    );
    assert!(all
        .notes
        .iter()
        .any(|n| n.starts_with("Special schools are marked")));
    let own = progress_chart(
        &ds,
        &Selection::cohort(CohortChoice::Cohort("special-schools-trust".into())),
    );
    assert!(
        own.rows
            .iter()
            .any(|r| r.label.starts_with("Watermill") && !r.label.contains("special")),
        "among special schools only, no mark"
    );
}

#[test]
fn the_programme_choice_lists_every_named_school() {
    let ds = bundled();
    let chart = progress_chart(&ds, &Selection::default());
    let schools = chart
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::School)
        .count();
    assert_eq!(schools, 7);
    assert_eq!(chart.rows[0].kind, RowKind::England, "England comes first");
    assert_eq!(
        chart.rows[0].year,
        Some(2019),
        "England in the schools' year"
    );
}

/// The bundled dataset without DfE's yearly area series: the programme's own 2016 area
/// figures are then the only ones.
fn without_series(mut raw: crate::model::RawDataset) -> Dataset {
    raw.context = None;
    raw.area_series.clear();
    Dataset::try_from(raw).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_area_is_shown_in_the_schools_year_and_mixed_years_are_called_out() {
    let ds = bundled();
    let chart = progress_chart(&ds, &Selection::default());
    let stoke = chart.rows.iter().find(|r| r.label == "Stoke-on-Trent");
    assert_eq!(stoke.and_then(|r| r.year), Some(2019), "DfE's 2019 figure");
    assert!(!chart.notes.iter().any(|n| n.contains("figures are for")));
    let own = progress_chart(
        &without_series(bundled().raw().clone()),
        &Selection::default(),
    );
    assert!(own
        .notes
        .iter()
        .any(|n| n.contains("Area figures are for 2016 and school figures for 2019")));
}

#[test]
fn england_is_one_figure_a_year_with_its_definition_in_the_note() {
    let chart = progress_chart(&bundled(), &Selection::default());
    let england = &chart.rows[0];
    assert_eq!(
        england.cells.iter().map(Cell::text).collect::<Vec<_>>(),
        vec!["+0.03", "+0.03", "+0.03"]
    );
    assert!(chart.notes.iter().any(|n| n
        == "England in 2019: DfE's published figure for all state-funded schools (reading +0.03, writing +0.03 and maths +0.03); the measure's 0 is the national average of pupils in state-funded mainstream schools."));
    let sel = Selection {
        year: Some(2016),
        ..Selection::default()
    };
    let chart = progress_chart(&bundled(), &sel);
    assert_eq!(chart.rows[0].cells[0].text(), "0.0");
    assert!(chart
        .notes
        .iter()
        .any(|n| n
            .starts_with("England in 2016: 0, the national average by the measure's definition")));
}

/// SYNTHETIC test data, made by code: the bundled dataset with an invented 2023 result
/// for Etruscan, to exercise the year choice and series breaks. Never shipped or shown.
fn with_synthetic_2023() -> Dataset {
    let mut raw = bundled().raw().clone();
    if let Some(s) = raw.schools.iter_mut().find(|s| s.urn == 133_328) {
        s.ks2.push(crate::model::Ks2Result {
            published_as: None,
            pupils: None,
            year: 2023,
            reading: Some(Score {
                value: 1.0,
                lower: Some(-0.5).into(),
                upper: Some(2.5).into(),
                band: None,
            }),
            writing: None,
            maths: Some(Score {
                value: 0.5,
                lower: None.into(),
                upper: None.into(),
                band: None,
            }),
            disadvantaged_percent: None.into(),
            disadvantaged: None,
            source: "dfe-ks2-2019".into(),
        });
    }
    match Dataset::try_from(raw) {
        Ok(ds) => ds,
        Err(e) => panic!("synthetic dataset invalid: {e}"),
    }
}

#[test]
fn the_year_choice_picks_each_schools_figures_for_that_year() {
    let ds = with_synthetic_2023();
    assert_eq!(school_years(&ds), vec![2016, 2017, 2018, 2019, 2023]);
    let latest = progress_chart(
        &ds,
        &Selection::cohort(CohortChoice::Cohort("seven-stars".into())),
    );
    assert_eq!(latest.year, Some(2023));
    let etruscan = latest.rows.iter().find(|r| r.urn == Some(133_328));
    assert_eq!(etruscan.and_then(|r| r.cells[0].value()), Some(1.0));
    assert_eq!(
        etruscan.map(|r| r.cells[1].clone()),
        Some(Cell::NotPublished("not published".into()))
    );
    let forest = latest.rows.iter().find(|r| r.urn == Some(123_997));
    assert_eq!(
        forest.and_then(|r| r.cells[0].value()),
        None,
        "no 2023 figure: nothing drawn"
    );
    let sel = Selection {
        cohort: CohortChoice::Cohort("seven-stars".into()),
        year: Some(2019),
        ..Selection::default()
    };
    let older = progress_chart(&ds, &sel);
    let etruscan = older.rows.iter().find(|r| r.urn == Some(133_328));
    assert_eq!(etruscan.and_then(|r| r.cells[0].value()), Some(2.0));
}

#[test]
fn comparing_2016_with_2023_notes_the_breaks_between() {
    let ds = without_series(with_synthetic_2023().raw().clone());
    let chart = progress_chart(&ds, &Selection::default());
    assert!(chart
        .notes
        .iter()
        .any(|n| n.contains("No KS2 assessments took place in 2020 and 2021")));
    assert!(chart
        .notes
        .iter()
        .any(|n| n.contains("No school-level KS2 results were published for 2022")));
    let bundled_chart = progress_chart(&bundled(), &Selection::default());
    assert!(
        !bundled_chart
            .notes
            .iter()
            .any(|n| n.contains("2020 and 2021")),
        "2016 to 2019 spans no break"
    );
}

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
    // Every subject: the schools counted by DfE's bands in one sentence.
    let text = progress(&progress_chart(&ds, &cohort("seven-stars")));
    // Etruscan's +1.6 in maths is above 0 but DfE's band says average: not "above average".
    assert_eq!(
        text[1],
        "In 2019, of the 3 schools with scores, DfE's band, which allows for chance, was above average (or well above) for 1 in reading, 1 in writing and 0 in maths and below average (or well below) for 1, 1 and 2.",
    );
    // One subject: the range of its schools, named.
    let sel = Selection {
        subject: Some(Subject::Reading),
        ..cohort("seven-stars")
    };
    let text = progress(&progress_chart(&ds, &sel));
    assert!(
        text.contains(
            &"In 2019, reading progress ranged from \u{2212}5.9 (Abbey Hulton Primary) to +2.0 \
          (Etruscan Primary); DfE's band, which allows for chance, was above average (or well \
          above) for 1 of 3 schools and below average (or well below) for 1; 1 scored above the \
          national average (0)."
                .to_string()
        ),
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
    assert!(text.contains("of the 3 schools with scores, 3 in reading, 2 in writing and 3 in maths scored above the national average (0)"), "{text}");
    assert!(!text.contains("DfE's band"), "{text}");
    // One word, one meaning: "above average" is only ever DfE's band.
    assert!(!text.contains("were above average"), "{text}");
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
fn a_cohort_summary_names_every_school_with_results() {
    let ds = bundled();
    let text = progress(&progress_chart(&ds, &cohort("esprit"))).join(" ");
    assert!(
        text.contains("In 2019, Alexandra Junior's progress was \u{2212}0.9 in reading"),
        "{text}"
    );
}

#[test]
fn the_progress_table_lists_what_the_chart_draws_in_the_same_order() {
    let ds = bundled();
    let model = progress_chart(&ds, &Selection::default());
    let table = progress_table(&model);
    let marks = crate::charts::progress::draw::marks(&model, 1000);
    assert_eq!(table.rows.len(), marks.len());
    for (row, mark) in table.rows.iter().zip(&marks) {
        assert_eq!(row[0].text, mark.entity);
        // The figure itself, at the places the table writes it (the mark adds its interval).
        assert_eq!(
            mark.value.split(' ').next(),
            row[3].text.split(' ').next(),
            "{}",
            mark.entity
        );
    }
}

#[test]
fn csv_quotes_and_numbers_are_machine_readable() {
    let ds = bundled();
    let table = progress_table(&progress_chart(&ds, &Selection::default()));
    let csv = to_csv(&table, &ds);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("School or area,Year,Subject,Progress score,DfE band,Source,Note,\"Source citation (x: not available, z: not applicable)\"")
    );
    assert!(
        csv.contains("Abbey Hulton Primary,2019,Reading,-5.9,well below average,dfe-ks2-2019,,")
    );
    // England's row carries its definition, as the page's note gives it.
    assert!(csv.contains("England,2019,Reading,0.03,,dfe-lait-ks2,\"England in 2019: DfE's published figure for all state-funded schools"), "{csv}");
    assert!(!csv.contains('\u{2212}'), "ASCII minus in CSV");
    assert!(
        csv.contains(
            "\"DfE's school performance tables for 2019: each school's reading, writing and maths"
        ),
        "a citation with commas is quoted"
    );
}

#[test]
fn figures_not_published_stay_words_not_zero() {
    let ds = bundled();
    let table = progress_table(&progress_chart(
        &ds,
        &Selection::cohort(crate::selection::CohortChoice::Cohort("esprit".into())),
    ));
    let infants: Vec<_> = table
        .rows
        .iter()
        .filter(|r| r[0].text == "Alexandra Infants'")
        .collect();
    assert_eq!(infants.len(), 3);
    assert!(infants
        .iter()
        .all(|r| r[3].number.is_none() && r[3].text == "no KS2 results"));
    let csv = to_csv(&table, &ds);
    // In the CSV's number column, DfE's symbol for "not applicable".
    assert!(csv.contains("Alexandra Infants',,Reading,z,,"), "{csv}");
}
