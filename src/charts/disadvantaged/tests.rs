//! The disadvantaged pupils' chart: its model, words and table.

use super::*;
use crate::selection::Selection;
use crate::testing::bundled;
use words::summary as disadvantage;

#[test]
fn the_disadvantage_gap_is_local_minus_england() {
    let ds = bundled();
    let gaps = |sel: &Selection| -> Vec<f64> {
        disadvantage_chart(&ds, sel)
            .rows
            .iter()
            .filter_map(GapRow::gap)
            .map(|g| (g * 100.0).round() / 100.0)
            .collect()
    };
    // 2019, the schools' year: DfE's figures, −1.29 − (−0.62) and so on.
    assert_eq!(gaps(&Selection::default()), vec![-0.67, -0.52, -0.53]);
    // 2016: the programme's account's figures (DfE's LAIT has none before 2017).
    let sel = Selection {
        year: Some(2016),
        ..Selection::default()
    };
    assert_eq!(gaps(&sel), vec![0.5, 0.2, 0.6]);
    let chart = disadvantage_chart(&ds, &Selection::default());
    assert_eq!(chart.local_name, "Stoke-on-Trent");
    assert_eq!(chart.fsm[0].label, "Stoke-on-Trent", "the local area first");
    assert_eq!(
        chart.fsm[0].year,
        Some(2019),
        "DfE's January census of the same year"
    );
}

#[test]
fn disadvantaged_pupils_are_compared_with_their_peers_nationally() {
    let ds = bundled();
    let text = disadvantage(&disadvantage_chart(&ds, &Selection::default()));
    assert_eq!(
        text[0],
        "In 2019, Stoke-on-Trent's disadvantaged pupils made less progress than England's \
         disadvantaged pupils in all three subjects: reading \u{2212}1.29 against \u{2212}0.62, \
         writing \u{2212}1.02 against \u{2212}0.50 and maths \u{2212}1.24 against \u{2212}0.71."
    );
    assert_eq!(
        text[1],
        "In January 2019, 25.2% of Stoke-on-Trent's primary pupils were eligible for free \
         school meals, against 15.8% in England."
    );
    // 2016: DfE's LAIT has no disadvantaged pupils' progress before 2017, so the figures
    // the programme's account gives are the ones shown, and every sentence that compares
    // them says whose they are (issue 31).
    let sel = Selection {
        year: Some(2016),
        ..Selection::default()
    };
    let chart = disadvantage_chart(&ds, &sel);
    assert_eq!(
        chart.finding().as_deref(),
        Some("In 2016, by the figures of University of Worcester, School of Education (the yearly series has none for 2016), Stoke-on-Trent's disadvantaged pupils made more progress than England's in all three subjects (\u{2212}0.2, \u{2212}0.1, +0.1 against \u{2212}0.7, \u{2212}0.3, \u{2212}0.5 in reading, writing and maths).")
    );
    let text = disadvantage(&chart);
    assert_eq!(
        text[0],
        "In 2016, by the figures of University of Worcester, School of Education (the yearly series has none for 2016), Stoke-on-Trent's disadvantaged pupils made more progress than England's \
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
fn names_are_whole_where_a_panel_has_room() {
    // The free school meals panel alone (a slide), the two panels stacked (a phone turned, a column) and side
    // by side (a 700 px embed, paper): "Statistical neighbours' median" is whole.
    let ds = bundled();
    let chart = disadvantage_chart(&ds, &Selection::default());
    let mut fsm_alone = chart.clone();
    fsm_alone.rows.clear();
    for (model, width) in [
        (&fsm_alone, 420),
        (&chart, 420),
        (&chart, 600),
        (&chart, 684),
        (&chart, 760),
    ] {
        let svg = crate::testing::unescape(&draw::svg(model, width).unwrap_or_default());
        for b in &model.fsm {
            assert!(svg.contains(&b.label), "{width} px: {} cut short", b.label);
        }
        // Nor is any heading or gap in words: a heading wraps rather than lose its year.
        assert!(!svg.contains('\u{2026}'), "{width} px: something cut short");
    }
}

#[test]
fn the_legend_names_each_series_as_its_bars_do() {
    let ds = bundled();
    let chart = disadvantage_chart(&ds, &Selection::default());
    let labels: Vec<&str> = chart.legend.iter().map(|e| e.label.as_str()).collect();
    for b in &chart.fsm {
        assert!(
            labels.contains(&b.label.as_str()),
            "{} in {labels:?}",
            b.label
        );
    }
    assert!(
        !labels.contains(&"neighbours"),
        "an id is not a name: {labels:?}"
    );
}

#[test]
fn the_panels_sit_side_by_side_where_each_has_its_room_so_an_embed_is_short() {
    // The chart decides: side by side where both panels' names, figures and bars fit (a
    // 700 px embed's 684 px column for the bundled names), else stacked.
    let ds = bundled();
    let chart = disadvantage_chart(&ds, &Selection::default());
    let (_, stacked) = draw::size(&chart, 600);
    let (_, side) = draw::size(&chart, 684);
    assert!(
        side * 3 < stacked * 2,
        "684 px: {side} px tall against {stacked} stacked"
    );
    // Longer names need more room: the same chart with a long area name stacks at 684 px.
    let mut long = chart.clone();
    long.local_name = "The Royal Borough of Somewhere Quite Long Indeed".into();
    assert_eq!(draw::size(&long, 684).1, draw::size(&long, 600).1);
}
