//! The schools over time on the bundled dataset (real DfE figures) and on generated data.

use super::*;
use crate::charts::timeline::draw;
use crate::charts::timeline::{Role, TrendChart};
use crate::selection::{CohortChoice, Selection};
use crate::testing::bundled;

fn chart(cohort: &str) -> TrendChart {
    schools_chart(
        &bundled(),
        &Selection::cohort(CohortChoice::Cohort(cohort.into())),
    )
}

#[test]
fn each_school_of_the_cohort_is_a_line_with_stoke_and_england() {
    let m = chart("seven-stars");
    assert_eq!(m.years, (2015, 2019), "opens at the 2015 cohort start");
    assert_eq!(m.panels.len(), 3);
    let names: Vec<&str> = m.panels[0].lines.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "Forest Park Primary School",
            "Etruscan Primary School",
            "Abbey Hulton Primary School",
            "Stoke-on-Trent",
            "England",
            "Cohort mean"
        ]
    );
    let forest = &m.panels[0].lines[0];
    assert_eq!(forest.value(2017), Some(4.2), "DfE KS2 2017, reading");
    let p2017 = forest.at(2017).and_then(|p| p.detail.clone());
    assert_eq!(p2017.as_deref(), Some("44 pupils"));
    let p2018 = forest.at(2018).and_then(|p| p.detail.clone());
    assert_eq!(
        p2018.as_deref(),
        Some("59 pupils; DfE band: well above average")
    );
}

#[test]
fn a_predecessors_figures_are_hollow_and_say_whose_they_are() {
    let m = chart("compass");
    let milton = &m.panels[0].lines[0];
    let p = milton.at(2016).cloned();
    assert!(p.as_ref().is_some_and(|p| p.hollow));
    assert!(p
        .and_then(|p| p.detail)
        .is_some_and(|d| d
            .contains("published for the predecessor school, Milton Primary School (URN 123984)")));
    assert!(milton.at(2018).is_some_and(|p| !p.hollow));
    assert!(m.notes.iter().any(|n| n
        == "Milton Primary Academy: the 2016 and 2017 figures were published for the predecessor school, Milton Primary School (URN 123984); drawn as hollow markers."));
    let marks = draw::marks(&m, 900);
    assert!(marks.iter().any(|k| k.entity == "Milton Primary Academy"
        && k.year == Some(2017)
        && k.value.contains("31 pupils")
        && k.value.contains("predecessor")));
    // The drawing's key says what a hollow marker is, at any width (with the lines named at
    // their ends, as with a key of every line); a drawing with none says nothing of them.
    for width in [340, 900, 1200] {
        let svg = draw::svg(&m, width).unwrap_or_default();
        assert!(
            svg.contains("Hollow: published for a predecessor school"),
            "{width}"
        );
    }
    let none = chart("seven-stars");
    assert!(none
        .panels
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| &l.points)
        .all(|p| !p.hollow));
    assert!(!draw::svg(&none, 900)
        .unwrap_or_default()
        .contains("Hollow:"));
}

#[test]
fn the_cohort_mean_is_weighted_by_pupils_and_absent_where_counts_are_not_published() {
    let m = chart("seven-stars");
    let mean = m.panels[0].lines.iter().find(|l| l.role == Role::Derived);
    let Some(mean) = mean else {
        panic!("no cohort mean")
    };
    // 2017 reading: Forest Park 4.2 (44), Etruscan 1.9 (40), Abbey Hulton 1.3 (22).
    let want = (4.2 * 44.0 + 1.9 * 40.0 + 1.3 * 22.0) / 106.0;
    assert!(mean.value(2017).is_some_and(|v| (v - want).abs() < 1e-9));
    assert_eq!(mean.value(2019), None, "the 2019 file has no pupil counts");
    assert!(m.notes.iter().any(|n| n.contains("Not computed for 2019")));
}

#[test]
fn the_2016_school_and_area_figures_disagree_and_the_page_says_so() {
    let m = chart("seven-stars");
    let note = m.notes.iter().find(|n| n.starts_with("In 2016"));
    assert!(
        note.is_some_and(|n| n.contains("more than rounding explains")),
        "{:?}",
        m.notes
    );
    assert!(!m
        .notes
        .iter()
        .any(|n| n.starts_with("In 2017") || n.starts_with("In 2018")));
}

/// Seven Stars' like-for-like schools, worked out apart from the code (a few lines of Python over
/// the bundled dataset's census facts, by the rule the page states).
const EXPECTED_SEVEN_STARS: [&str; 9] = [
    "Ball Green Primary School",
    "Christ Church CofE Primary School",
    "Eaton Park Academy",
    "Grove Academy",
    "New Ford Academy",
    "Star Academy, Sandyford",
    "Summerbank Primary Academy",
    "Sutherland Primary Academy",
    "Waterside Primary School",
];

#[test]
fn the_like_for_like_group_is_chosen_the_same_way_every_run_and_says_how() {
    let a = chart("seven-stars");
    let names = |m: &TrendChart| -> Vec<String> {
        m.panels[0]
            .neighbours
            .iter()
            .map(|l| l.name.clone())
            .collect()
    };
    // For each of the three schools the three nearest in disadvantage and size, ties to the
    // lower URN, each once, by name.
    assert_eq!(names(&a), EXPECTED_SEVEN_STARS.to_vec());
    let rule = a
        .notes
        .iter()
        .find(|n| n.starts_with("Like-for-like group"));
    assert!(rule.is_some_and(
        |r| r.contains("may include programme schools whose membership is not published")
    ));
    // A special school is compared with special schools only.
    let special = chart("special-schools-trust");
    let ds = bundled();
    for l in &special.panels[0].neighbours {
        let s = ds.raw().area_schools.iter().find(|s| s.name == l.name);
        assert!(
            s.is_some_and(|s| s.kind == crate::model::SchoolKind::Special),
            "{}",
            l.name
        );
    }
}

#[test]
fn the_summary_tells_each_schools_journey() {
    // Three schools: counted, each school's journey in the table.
    let said = words::summary(&chart("seven-stars")).join(" ");
    assert!(
        said.starts_with("Of 3 schools with scores in more than one year, 0 in reading, 2 in writing and 0 in maths rose"),
        "{said}"
    );
    assert!(said.split_whitespace().count() <= 60, "{said}");
    // One school: told by name.
    let said = words::summary(&chart("compass")).join(" ");
    assert!(
        said.starts_with("Reading: Milton Primary Academy rose from"),
        "{said}"
    );
}

#[test]
fn the_drawing_names_the_schools_and_fits_a_phone() {
    let m = chart("seven-stars");
    for w in [360, 1100] {
        let svg = draw::svg(&m, w).unwrap_or_default();
        assert!(svg.contains("Etruscan"), "width {w}");
        assert!(svg.contains("Like-for-like"), "width {w}");
        assert_eq!(draw::size(&m, w).0, w, "drawn at the column's width");
        // Every word starts inside the drawing and a left-anchored one ends inside it.
        for t in svg.split("<text ").skip(1) {
            let attr = |name: &str| {
                t.split(&format!("{name}=\""))
                    .nth(1)?
                    .split('"')
                    .next()
                    .map(str::to_string)
            };
            let x: f64 = attr("x").and_then(|v| v.parse().ok()).unwrap_or(-1.0);
            let words = t
                .split_once('>')
                .map_or("", |(_, r)| r.split("</text>").next().unwrap_or(""))
                .trim();
            assert!(
                (0.0..=f64::from(w)).contains(&x),
                "width {w}: {words} at x {x}"
            );
            if attr("text-anchor").as_deref() == Some("start") {
                let right = x + crate::charts::kit::text_width(words, 12.0, false);
                assert!(
                    right <= f64::from(w) + 1.0,
                    "width {w}: {words} runs to {right:.0}"
                );
            }
        }
    }
}

#[test]
fn the_inspection_journeys_tell_etruscans_story_and_mark_predecessors() {
    let ds = bundled();
    let sel = Selection::cohort(CohortChoice::Cohort("seven-stars".into()));
    let m = crate::charts::inspections::journeys_chart(&ds, &sel);
    let said = crate::charts::inspections::words::summary(&m).join(" ");
    assert!(
        said.starts_with("Of 3 schools, when the programme began in September 2015:"),
        "{said}"
    );
    assert_eq!(
        crate::charts::Chart::finding(&m).as_deref(),
        Some("Of 3 schools, against the judgement in force in September 2015, the latest was: 2 better, 1 the same and 0 worse.")
    );
    let table = crate::charts::inspections::table::table(&m);
    assert!(table
        .rows
        .iter()
        .any(|r| r[0].text == "Etruscan Primary School"
            && r[1].text == "12 November 2013"
            && r[2].text == "Inadequate"));
    let esprit = crate::charts::inspections::journeys_chart(
        &ds,
        &Selection::cohort(CohortChoice::Cohort("esprit".into())),
    );
    let marks = crate::charts::inspections::draw::marks(&esprit, 900);
    assert!(marks.iter().any(|k| k.entity == "Alexandra Junior School"
        && k.value
            .contains("inspected as Alexandra Junior School (URN 124033)")));
    let svg = crate::charts::inspections::draw::svg(&esprit, 360).unwrap_or_default();
    assert!(svg.contains("Alexandra Infants"));
}

#[test]
fn the_tables_give_every_score_with_its_pupils_and_the_schools_facts() {
    let ds = bundled();
    let m = chart("compass");
    let t = table::results(&m, &ds);
    let row = t.rows.iter().find(|r| {
        r[0].text == "Milton Primary Academy" && r[2].text == "Reading" && r[3].text == "2017"
    });
    let Some(row) = row else {
        panic!("no Milton 2017 reading row")
    };
    assert_eq!(row[4].text, "\u{2212}5.2");
    assert_eq!(row[5].text, "31");
    assert_eq!(row[7].text, "Milton Primary School (URN 123984)");
    let f = table::facts(&m, &ds);
    assert!(
        f.columns[4].name.contains("January 2019 (year inferred)"),
        "{}",
        f.columns[4].name
    );
    let milton = f
        .rows
        .iter()
        .find(|r| r[0].text == "Milton Primary Academy");
    assert!(milton.is_some_and(|r| r[3].text == "464" && r[4].text == "25.5%"));
}

/// SYNTHETIC test data, made by code: the bundled dataset with a cohort of 40 copies of
/// Forest Park under made-up URNs, to exercise the caps. Never shipped or shown.
fn with_big_cohort() -> crate::dataset::Dataset {
    let mut raw = bundled().raw().clone();
    let template = raw.schools[0].clone();
    let urns: Vec<u32> = (0..40).map(|i| 900_000 + i).collect();
    for (i, u) in urns.iter().enumerate() {
        let mut s = template.clone();
        s.urn = *u;
        s.name = format!("Synthetic School {}", i + 1);
        raw.schools.push(s);
    }
    raw.programme.schools_total.value = 100;
    raw.cohorts.push(crate::model::Cohort {
        id: "big".into(),
        name: "Big".into(),
        schools: urns,
        source: "uow-clp-account".into(),
        membership: "synthetic".into(),
    });
    match crate::dataset::Dataset::try_from(raw) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn a_large_cohort_is_drawn_as_its_mean_and_the_time_line_is_capped() {
    let ds = with_big_cohort();
    let sel = Selection::cohort(CohortChoice::Cohort("big".into()));
    let m = schools_chart(&ds, &sel);
    assert!(m.panels[0]
        .lines
        .iter()
        .all(|l| !matches!(l.role, Role::School(_))));
    assert!(m.panels[0].lines.iter().any(|l| l.role == Role::Derived));
    assert!(m.notes[0].starts_with("40 schools are too many to draw a line each"));
    let j = crate::charts::inspections::journeys_chart(&ds, &sel);
    assert_eq!(j.rows.len(), crate::charts::inspections::model::MAX_ROWS);
    assert_eq!(
        crate::charts::inspections::table::table(&j).rows.len(),
        40 * 4,
        "every inspection in the table"
    );
    let said = crate::charts::inspections::words::summary(&j).join(" ");
    assert!(
        said.contains("Of 40 schools, when the programme began in September 2015: 40 Good"),
        "{said}"
    );
}

#[test]
fn keys_move_along_a_series_left_and_right_and_between_series_up_and_down() {
    let ds = bundled();
    let m = crate::charts::progress::progress_chart(&ds, &Selection::default());
    let marks = crate::charts::progress::draw::marks(&m, 900);
    let at = |i: usize| (marks[i].entity.clone(), marks[i].category.clone());
    let first = at(0);
    let right = crate::charts::kit::step(&marks, 0, "ArrowRight");
    assert_eq!(at(right).0, first.0, "Right stays with the same series");
    assert_ne!(at(right).1, first.1, "… in the next subject");
    let down = crate::charts::kit::step(&marks, 0, "ArrowDown");
    assert_ne!(at(down).0, first.0, "Down moves to another series");
    assert_eq!(at(down).1, first.1, "… in the same subject");
    assert_eq!(crate::charts::kit::step(&marks, down, "ArrowUp"), 0);
    assert_eq!(
        crate::charts::kit::step(&marks, 0, "ArrowLeft"),
        0,
        "stays at the start"
    );
    // Over time: Right steps year by year along one school's line.
    let t = chart("compass");
    let tm = crate::charts::timeline::draw::marks(&t, 900);
    let r = crate::charts::kit::step(&tm, 0, "ArrowRight");
    assert_eq!(tm[r].entity, tm[0].entity);
    assert_eq!(tm[r].year, tm[0].year.map(|y| y + 1));
}

#[test]
fn where_schools_files_carry_disadvantaged_figures_the_cohort_gets_their_median() {
    // SYNTHETIC test data, made by code: disadvantaged-pupil scores given to two Seven Stars
    // schools' 2019 results. Never shipped or shown.
    let mut raw = bundled().raw().clone();
    for (urn, v) in [(123_997, -1.0), (133_328, 2.0)] {
        if let Some(r) = raw
            .schools
            .iter_mut()
            .find(|s| s.urn == urn)
            .and_then(|s| s.ks2.iter_mut().find(|r| r.year == 2019))
        {
            r.disadvantaged = Some(Box::new(crate::model::SubjectScores {
                reading: Some(crate::model::Score::of(v)),
                writing: None,
                maths: None,
            }));
        }
    }
    let ds = match crate::dataset::Dataset::try_from(raw) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    let m = crate::charts::disadvantaged::disadvantage_chart(
        &ds,
        &Selection::cohort(CohortChoice::Cohort("seven-stars".into())),
    );
    assert_eq!(
        m.cohort_name.as_deref(),
        Some("Seven Stars Collaborative Network: median of 2 schools, 2019")
    );
    assert_eq!(
        m.rows[0]
            .cohort
            .as_ref()
            .and_then(crate::provenance::Cell::value),
        Some(0.5)
    );
    assert!(m.rows[1].cohort.is_none(), "no school has a writing figure");
    assert!(m.notes[0].contains("derived, not a DfE figure"));
    let t = crate::charts::disadvantaged::table::table(&m);
    assert!(t.rows.iter().any(|r| r[2]
        .text
        .starts_with("Seven Stars Collaborative Network: median")));
    let svg = crate::charts::disadvantaged::draw::svg(&m, 900).unwrap_or_default();
    assert!(svg.contains("median of 2 schools"));
}

#[test]
fn a_figure_given_only_in_words_is_drawn_as_words_not_a_measured_bar() {
    // Without DfE's series the account's 2016 "in line with national" is the area's figure.
    let mut raw = bundled().raw().clone();
    raw.context = None;
    raw.area_series.clear();
    let ds = crate::dataset::Dataset::try_from(raw).unwrap_or_else(|e| panic!("{e}"));
    let m = crate::charts::progress::progress_chart(&ds, &Selection::default());
    let svg = crate::charts::progress::draw::svg(&m, 1100).unwrap_or_default();
    assert!(
        svg.contains("\u{201c}in line with national\u{201d}") || svg.contains("\u{201c}in line"),
        "the words are written"
    );
    // An open diamond marks it: a closed outline of four sides (five points), unfilled, where a
    // measured figure would be a filled bar.
    let diamonds = svg
        .split("<polyline")
        .skip(1)
        .filter(|p| p.contains("fill=\"none\""))
        .filter_map(|p| p.split("points=\"").nth(1)?.split('"').next())
        .filter(|pts| {
            let v: Vec<&str> = pts.split_whitespace().collect();
            v.len() == 5 && v.first() == v.last()
        })
        .count();
    assert_eq!(diamonds, 1, "one cell is given in words: reading");
}

#[test]
fn the_programmes_own_attribution_caveat_stands_beside_the_figures_over_time() {
    let m = chart("seven-stars");
    assert!(m
        .statements
        .iter()
        .any(|s| s.contains("improvements cannot be attributed to the programme alone")));
    assert!(m.sources.iter().any(|s| s == "uow-clp-account"));
}

#[test]
fn an_infant_school_with_no_ks2_results_gets_no_like_for_like_schools() {
    let ds = bundled();
    let esprit = crate::selection::CohortChoice::Cohort("esprit".into()).schools(&ds);
    let group = crate::charts::schools::comparison::group(&ds, &esprit);
    assert!(
        group.rule.contains(
            "Alexandra Infants' School has no KS2 results, so no schools are chosen for it."
        ),
        "{}",
        group.rule
    );
    let junior_only: Vec<&crate::model::School> = esprit
        .iter()
        .copied()
        .filter(|s| s.urn == 143_485)
        .collect();
    let alone = crate::charts::schools::comparison::group(&ds, &junior_only);
    assert_eq!(
        group.schools.iter().map(|s| s.urn).collect::<Vec<_>>(),
        alone.schools.iter().map(|s| s.urn).collect::<Vec<_>>(),
        "the infant school brings no schools into the group"
    );
}

#[test]
fn one_school_is_drawn_in_colour_the_others_muted_and_the_reader_chooses_which() {
    use crate::charts::kit::palette;
    let hex = |c: plotters::style::RGBColor| format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2);
    let ds = bundled();
    let mut sel = Selection::cohort(CohortChoice::Cohort("seven-stars".into()));
    let first = SchoolsChart(schools_chart(&ds, &sel));
    let focus = first
        .focus()
        .unwrap_or_else(|| panic!("three schools: one brought forward"));
    assert_eq!(focus.options.len(), 3);
    assert_eq!(focus.options[0].1, "Forest Park Primary School");
    assert_eq!(
        focus.chosen, focus.options[0].0,
        "the first, until a reader chooses"
    );
    let svg = draw::svg(&first.0, 1100).unwrap_or_default();
    assert!(svg.contains(&format!(
        "stroke=\"{}\" stroke-width=\"3\"",
        hex(palette::SCHOOL)
    )));
    assert!(svg.contains(&format!("stroke=\"{}\"", hex(palette::OTHER_SCHOOL))));
    // Each school is still named at its line's end, the muted ones in the muted text colour.
    for (_, name) in &focus.options {
        assert!(svg.contains(name.as_str()), "{name}");
    }
    // The reader's choice, and where it is hidden, the first shown.
    sel.focus = Some(focus.options[2].0.clone());
    let chosen = SchoolsChart(schools_chart(&ds, &sel));
    assert_eq!(
        chosen.focus().map(|f| f.chosen),
        Some(focus.options[2].0.clone())
    );
    assert_eq!(chosen.0.focus, Some(2));
    sel.hidden.insert(focus.options[2].0.clone());
    let hidden = SchoolsChart(schools_chart(&ds, &sel));
    assert_eq!(
        hidden.focus().map(|f| f.chosen),
        Some(focus.options[0].0.clone())
    );
    // One school alone is drawn in its colour, with nothing to bring forward.
    sel.hidden.insert(focus.options[1].0.clone());
    assert_eq!(SchoolsChart(schools_chart(&ds, &sel)).focus(), None);
}
