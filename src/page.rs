//! The words the page and the prerendered view both write around the charts, from the
//! dataset: the header, the programme's headline facts, the cohort menu's entries, and the
//! fixed words of the controls (a difference between the two would show as a jolt when the
//! app takes over).

use crate::charts::ChartId;
use crate::dataset::Dataset;
use crate::selection::CohortChoice;

/// The page's header: who publishes it (where the dataset says), its title, and a lede
/// saying what it shows against what, from the dataset's own names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Above the title, where the dataset names who publishes the dashboard.
    pub kicker: Option<String>,
    /// The dataset's title.
    pub title: String,
    /// What the page shows.
    pub lede: String,
}

/// The header for a dataset: the reader's own data says so.
pub fn header(dataset: &Dataset) -> Header {
    let raw = dataset.raw();
    let lede = if dataset.origin().is_some() {
        "KS2 progress, disadvantaged pupils and Ofsted judgements of the schools in your files."
            .to_string()
    } else {
        let home = raw
            .context
            .as_ref()
            .map(|c| c.home.as_str())
            .or_else(|| {
                raw.area_progress
                    .iter()
                    .map(|p| p.area.as_str())
                    .find(|a| *a != crate::dataset::ENGLAND)
            })
            .map(|id| dataset.area_name(id).to_string());
        let against = match home {
            Some(h) => format!(", against {h} and England"),
            None => String::new(),
        };
        format!(
            "KS2 progress, disadvantaged pupils and Ofsted judgements of the programme's schools{against}. Published figures only: where none is published, the page says so."
        )
    };
    Header {
        kicker: raw.programme.by.clone(),
        title: raw.title.clone(),
        lede,
    }
}

/// The link out of an embedded chart to the full dashboard.
pub const EMBED_WAY_OUT: &str = "Notes, sources and the full dashboard (new tab)";

/// "Load your data": its heading, the file picker's label, the hint and the privacy note
/// (the app's loader and its static copy in the prerendered view).
pub const LOADER_TITLE: &str = "Load your data";

/// The file picker's label.
pub const LOADER_LABEL: &str =
    "Choose a dataset JSON, or a cohort list CSV with DfE KS2 and Ofsted CSVs, or drop them here";

/// The other school files the loader reads with a cohort list.
pub const LOADER_MORE: &str = "With them, DfE's links between predecessor and successor schools, its school list, census and free-school-meal files and a graded-inspection history are read too: predecessors' results and inspections are kept, each marked as theirs.";

/// What files the loader reads.
pub const LOADER_HINT: &str = "CSV files may be UTF-8 or what Excel saves as \u{201c}CSV (Comma delimited)\u{201d}. To cite a file your own way, add a CSV with the columns file, publisher, title, date.";

/// Where the files go (nowhere).
pub const LOADER_PRIVACY: &str = "The files are read in this browser and are not uploaded or sent anywhere. Up to 64 MB a file and 25,000 schools.";

/// How to read a chart by pointer and by keys: under every chart, once.
pub const KEYS_HINT: &str = "Point at or tap the chart for exact figures. With the keyboard: Left and Right move along a series, Up and Down between series, Home and End to the first and last figure.";

/// The width charts are drawn at for paper: shown across A4's printable width (about 703 CSS
/// px between 12 mm margins) at about 0.93, so 12 px chart text prints at 8.3 pt, and wide
/// enough that a chart's three panels over time sit side by side. The app draws at it while
/// printing; the static page prints the drawing of its range (drawn no wider).
pub const PRINT_WIDTH: u32 = 760;

/// The width a chart is drawn at for half of paper's width, beside another (two columns of
/// about 343 CSS px): shown at about 1, its text prints at 9 pt.
pub const PAPER_HALF: u32 = 340;

/// Whether a chart may be drawn at half of paper's width ([`PAPER_HALF`]): where that makes
/// it at most a fifth taller than at the full [`PRINT_WIDTH`] (a chart over time of one
/// panel). A chart that grows more (the Ofsted bars, the inspection dots) would leave its
/// half of the page empty beside a shorter one: it is shorter across the page.
pub fn paper_half_fits(chart: &dyn crate::charts::Chart) -> bool {
    let (_, half) = chart.size(PAPER_HALF);
    let (_, full) = chart.size(PRINT_WIDTH);
    half * 5 <= full * 6
}

/// The width each chart of a view, in page order, is drawn at for paper, so that the brief
/// is short: two charts that fit half of the page ([`paper_half_fits`]) sit side by side,
/// paired in page order; the first chart (the answer's, under it) and a chart left without
/// a pair (it would leave half a page empty beside it) are drawn across the page.
pub fn paper_widths(charts: &[crate::charts::Built]) -> Vec<u32> {
    let mut widths = vec![PRINT_WIDTH; charts.len()];
    let halves: Vec<usize> = (1..charts.len())
        .filter(|&i| paper_half_fits(&*charts[i]))
        .collect();
    for pair in halves.chunks_exact(2) {
        for &i in pair {
            widths[i] = PAPER_HALF;
        }
    }
    widths
}

/// The class a card carries when it is drawn at half of paper's width ([`paper_widths`]).
pub fn paper_class(width: u32) -> &'static str {
    if width == PAPER_HALF {
        " chart-card--paper-half"
    } else {
        ""
    }
}

/// Rows a table shows on the page; the CSV download has every row.
pub const TABLE_ROWS_SHOWN: usize = 500;

/// What a table cut at [`TABLE_ROWS_SHOWN`] rows says, if it is cut.
pub fn table_cut(total: usize) -> Option<String> {
    (total > TABLE_ROWS_SHOWN).then(|| {
        format!(
            "Showing the first {} of {} rows. The CSV download has them all.",
            crate::format::count(TABLE_ROWS_SHOWN),
            crate::format::count(total),
        )
    })
}

/// The folder, beside the static page's drawings, of the views one choice away from the
/// default (written by `prerender::views`, read by the enhancer).
pub const VIEWS_FOLDER: &str = "views";

/// The view file of the default view, which every menu's first option leads back to.
pub const DEFAULT_VIEW_FILE: &str = "default";

/// The line under the menus on who the chosen schools are: the programme's or the cohort's
/// own words on membership.
pub fn membership_note(dataset: &Dataset, cohort: &crate::selection::CohortChoice) -> String {
    match cohort {
        crate::selection::CohortChoice::Programme => {
            dataset.raw().programme.membership_note.clone()
        }
        crate::selection::CohortChoice::Cohort(id) => dataset
            .cohort(id)
            .map(|c| c.membership.clone())
            .unwrap_or_default(),
    }
}

/// The cohort menu's entries, `(id, label)`: all schools first (how many of the programme's,
/// where the dataset names only some), then each cohort with how many schools it has
/// ("named" where the list is not the whole membership).
pub fn cohort_options(dataset: &Dataset) -> Vec<(String, String)> {
    let complete = dataset.list_is_complete();
    let named = if complete { "schools" } else { "named schools" };
    let all = if complete {
        format!(
            "All programme schools ({} schools)",
            crate::format::count(dataset.raw().schools.len())
        )
    } else {
        CohortChoice::Programme.name(dataset)
    };
    std::iter::once(("all".to_string(), all))
        .chain(dataset.raw().cohorts.iter().map(|c| {
            (
                c.id.clone(),
                format!(
                    "{} ({} {})",
                    c.name,
                    crate::format::count(c.schools.len()),
                    if c.schools.len() == 1 {
                        named.trim_end_matches('s')
                    } else {
                        named
                    }
                ),
            )
        }))
        .collect()
}

/// The programme's headline facts, `(label, value, test id)`, and the source they are from:
/// the same on the page and in the prerendered view.
pub fn programme_facts(
    dataset: &crate::dataset::Dataset,
) -> (Vec<(&'static str, String, &'static str)>, String) {
    let p = &dataset.raw().programme;
    let waves = p
        .start_waves
        .iter()
        .map(|w| format!("{} in {}", w.cohorts, w.year))
        .collect::<Vec<_>>()
        .join(", ");
    let mut facts = vec![
        (
            "Cohorts",
            crate::format::count(p.cohorts_total.value),
            "fact-cohorts",
        ),
        (
            "Schools",
            crate::format::count(p.schools_total.value),
            "fact-schools",
        ),
        ("Cohorts started", waves, "fact-waves"),
    ];
    if !dataset.list_is_complete() {
        facts.push((
            "Schools named in published documents",
            crate::format::count(dataset.raw().schools.len()),
            "fact-named",
        ));
    }
    let source = dataset
        .source(&p.cohorts_total.source)
        .map(crate::model::Source::named)
        .unwrap_or_default();
    (facts, source)
}

/// The button that opens a card's legend on a phone, where the drawing's own key names the
/// series and the buttons that hide or show them wait behind it: one key on a small screen.
pub fn legend_toggle_words(n: usize) -> String {
    if n == 1 {
        "Show or hide the series".to_string()
    } else {
        format!("Show or hide series ({n})")
    }
}

/// The colour class of a legend series (CSS, so no inline style is needed); `nth` is its place
/// in the legend (a cohort's schools come first, in the order they are drawn).
pub fn swatch_class(
    chart: ChartId,
    series: &str,
    region: Option<&str>,
    nth: usize,
    focus: Option<&str>,
) -> &'static str {
    // One school brought forward (`Chart::focus`): it in the schools' colour, the others muted.
    if let (Some(f), true) = (focus, series.starts_with("urn-")) {
        return if f == series {
            "legend__swatch legend__swatch--school"
        } else {
            "legend__swatch legend__swatch--other"
        };
    }
    // The disadvantaged chart draws the cohort's bar in the schools' colour.
    if chart == crate::charts::disadvantaged::ID && series == crate::charts::ofsted::COHORT_BAR {
        return "legend__swatch legend__swatch--school";
    }
    if Some(series) == region {
        return "legend__swatch legend__swatch--region";
    }
    match series {
        s if s.starts_with("urn-") => [
            "legend__swatch legend__swatch--s0",
            "legend__swatch legend__swatch--s1",
            "legend__swatch legend__swatch--s2",
            "legend__swatch legend__swatch--s3",
            "legend__swatch legend__swatch--s4",
            "legend__swatch legend__swatch--s5",
            "legend__swatch legend__swatch--s6",
            "legend__swatch legend__swatch--s7",
        ]
        .get(nth)
        .copied()
        .unwrap_or("legend__swatch legend__swatch--other"),
        crate::charts::schools::COHORT_MEAN => "legend__swatch legend__swatch--ink",
        crate::charts::schools::LIKE_FOR_LIKE => "legend__swatch legend__swatch--neighbours",
        crate::dataset::ENGLAND => "legend__swatch legend__swatch--england",
        crate::charts::progress::SCHOOLS => "legend__swatch legend__swatch--school",
        crate::charts::ofsted::COHORT_BAR => "legend__swatch legend__swatch--group",
        crate::provenance::NEIGHBOURS => "legend__swatch legend__swatch--neighbours",
        s if s.contains("programme") || s.contains("primary") => {
            "legend__swatch legend__swatch--group"
        }
        _ => "legend__swatch legend__swatch--area",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::bundled;

    #[test]
    fn the_menu_names_what_it_lists_and_how_many_of_the_programme_are_shown() {
        let ds = bundled();
        assert_eq!(ds.cohort_menu_label(), "Network");
        let options = cohort_options(&ds);
        assert_eq!(options[0].1, "All named schools (7 of 55)");
        assert_eq!(options[3].1, "Compass Group (1 named school)");
        assert_eq!(
            options[1].1,
            "Seven Stars Collaborative Network (3 named schools)"
        );
    }

    /// The paper widths of a view's charts, by chart id.
    fn paper_of(
        ds: &crate::dataset::Dataset,
        sel: &crate::selection::Selection,
    ) -> Vec<(&'static str, u32)> {
        let ids = crate::charts::ChartId::available(ds);
        let models: Vec<_> = ids.iter().map(|id| id.build(ds, sel)).collect();
        ids.iter()
            .map(|id| id.id())
            .zip(paper_widths(&models))
            .collect()
    }

    #[test]
    fn on_paper_the_first_chart_is_across_the_page_and_half_width_charts_come_in_pairs() {
        use crate::selection::{CohortChoice, Selection};
        let ds = bundled();
        let mut views = vec![Selection::default()];
        for c in &ds.raw().cohorts {
            views.push(Selection::cohort(CohortChoice::Cohort(c.id.clone())));
        }
        for sel in &views {
            let paper = paper_of(&ds, sel);
            assert_eq!(
                paper[0].1, PRINT_WIDTH,
                "{sel:?}: the answer's chart across the page"
            );
            let halves: Vec<_> = paper.iter().filter(|(_, w)| *w == PAPER_HALF).collect();
            assert_eq!(
                halves.len() % 2,
                0,
                "{sel:?}: no half chart alone: {paper:?}"
            );
            assert!(paper
                .iter()
                .all(|(_, w)| [PAPER_HALF, PRINT_WIDTH].contains(w)));
        }
        // The bundled default view: the two charts of one panel over time side by side; the
        // Ofsted bars, which grow at half width, across the page.
        let paper = paper_of(&ds, &Selection::default());
        let of = |id: &str| paper.iter().find(|(c, _)| *c == id).map(|(_, w)| *w);
        assert_eq!(of("area-attainment"), Some(PAPER_HALF));
        assert_eq!(of("area-fsm"), Some(PAPER_HALF));
        assert_eq!(of("ofsted"), Some(PRINT_WIDTH));
        assert_eq!(of("ks2-progress"), Some(PRINT_WIDTH));
    }

    #[test]
    fn a_chart_that_could_sit_at_half_width_but_has_no_pair_is_across_the_page() {
        let ds = bundled();
        let sel = crate::selection::Selection::default();
        let attainment = crate::charts::ChartId::available(&ds)
            .into_iter()
            .find(|id| id.id() == "area-attainment")
            .map(|id| id.build(&ds, &sel));
        let Some(m) = attainment else { return };
        assert!(paper_half_fits(&*m));
        let n = |k: usize| vec![m.clone(); k];
        assert_eq!(
            paper_widths(&n(2)),
            vec![PRINT_WIDTH, PRINT_WIDTH],
            "the first across, the second alone"
        );
        assert_eq!(
            paper_widths(&n(3)),
            vec![PRINT_WIDTH, PAPER_HALF, PAPER_HALF]
        );
        assert_eq!(
            paper_widths(&n(4)),
            vec![PRINT_WIDTH, PAPER_HALF, PAPER_HALF, PRINT_WIDTH]
        );
        assert!(paper_widths(&[]).is_empty());
    }

    #[test]
    fn the_header_is_the_datasets_own() {
        let ds = bundled();
        let h = header(&ds);
        assert_eq!(h.title, ds.raw().title);
        assert_eq!(h.kicker.as_deref(), ds.raw().programme.by.as_deref());
        assert!(
            h.lede.contains("against Stoke-on-Trent and England"),
            "{}",
            h.lede
        );
    }
}
