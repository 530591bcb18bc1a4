//! The views one choice away from the default, prerendered: every option of every menu, the
//! other menus left as they are, is a view of its own (`views/<menu>-<option>.html`, with the
//! rules that choose its drawings in `views/<menu>-<option>.css`), so that the enhancer can
//! show a first choice at once, without the app (`enhance/views.rs`).
//!
//! A view file holds what a choice changes: the answer, the cohort's membership line and the
//! cards. Its drawings are named by what they hold (`views/<chart>-<width>-<hash>.svg`), so a
//! drawing that several views share, or that the default view has already, is written once:
//! a subject changes only the charts that show a subject.

use std::collections::HashMap;

use crate::dataset::Dataset;
use crate::selection::{CohortChoice, Selection};
use crate::view::View;

/// The folder, inside [`super::DRAWINGS`], the views are written to; the default view's file.
pub use crate::page::{DEFAULT_VIEW_FILE as DEFAULT, VIEWS_FOLDER as VIEWS};

/// At most this many views one choice away are prerendered (the menus' first ones, in page
/// order): a programme of many cohorts would otherwise write thousands of drawings. An option
/// past it has no view file; choosing it brings the app.
pub const MAX_VIEWS: usize = 48;

/// One option of a menu: what it says and the view it leads to (the other menus at their
/// first option).
pub struct Choice {
    /// The option's text.
    pub label: String,
    /// The view it shows.
    pub selection: Selection,
    /// Whether that view is prerendered (the default's always is).
    pub prerendered: bool,
}

/// A menu of the page's controls, as the app offers it.
pub struct Menu {
    /// The label.
    pub label: String,
    /// The app's element id (the static copy's is `pre-<id>`).
    pub id: &'static str,
    /// The options, the default first.
    pub choices: Vec<Choice>,
}

impl Menu {
    /// The view file of option `nth` (the default view's for the first).
    pub fn file(&self, nth: usize) -> String {
        if nth == 0 {
            DEFAULT.to_string()
        } else {
            format!("{}-{nth}", self.id.trim_end_matches("-select"))
        }
    }
}

/// The page's menus, each option with the view it leads to: the cohort, the subject, the
/// pupils (with area figures) and the schools' year (with more than one).
pub fn menus(ds: &Dataset) -> Vec<Menu> {
    let with = |f: &dyn Fn(&mut Selection)| {
        let mut s = Selection::default();
        f(&mut s);
        s
    };
    let mut out = vec![Menu {
        label: ds.cohort_menu_label(),
        id: "cohort-select",
        choices: crate::page::cohort_options(ds)
            .into_iter()
            .map(|(id, label)| Choice {
                label,
                selection: with(&|s| s.cohort = CohortChoice::from_id(ds, &id)),
                prerendered: true,
            })
            .collect(),
    }];
    let subjects = std::iter::once(Choice {
        label: "All three subjects".to_string(),
        selection: Selection::default(),
        prerendered: true,
    })
    .chain(crate::model::Subject::ALL.iter().map(|&subject| Choice {
        label: subject.label().to_string(),
        selection: with(&|s| s.subject = Some(subject)),
        prerendered: true,
    }));
    out.push(Menu {
        label: "Subject".to_string(),
        id: "subject-select",
        choices: subjects.collect(),
    });
    if !ds.raw().area_series.is_empty() {
        out.push(Menu {
            label: "Pupils (area charts)".to_string(),
            id: "pupils-select",
            choices: crate::model::PupilGroup::ALL
                .iter()
                .map(|&g| Choice {
                    label: g.menu_label().to_string(),
                    selection: with(&|s| s.pupils = g),
                    prerendered: true,
                })
                .collect(),
        });
    }
    let years = crate::selection::school_years(ds);
    if years.len() > 1 {
        // The latest first; the app writes no year for it.
        let latest = years.last().copied();
        out.push(Menu {
            label: "Year (schools)".to_string(),
            id: "year-select",
            choices: years
                .iter()
                .rev()
                .map(|&y| Choice {
                    label: y.to_string(),
                    selection: with(&|s| s.year = Some(y).filter(|y| Some(*y) != latest)),
                    prerendered: true,
                })
                .collect(),
        });
    }
    capped(out, MAX_VIEWS)
}

/// The menus with only their first `max` views (after the default) prerendered.
fn capped(mut menus: Vec<Menu>, max: usize) -> Vec<Menu> {
    let mut left = max;
    for menu in &mut menus {
        for choice in menu.choices.iter_mut().skip(1) {
            choice.prerendered = left > 0;
            left = left.saturating_sub(1);
        }
    }
    menus
}

/// The address of a view, as the app writes it (`?cohort=…`, empty for the default).
pub fn query(selection: &Selection) -> String {
    View {
        selection: selection.clone(),
        ..View::default()
    }
    .to_query()
}

/// The files of the views one choice away (and the default's, to come back to), as
/// `(path inside DRAWINGS, text)`: each view's HTML and rules, and the drawings and marks no
/// earlier view has. `seen` holds the drawings written already (the default view's), by
/// content.
pub fn files(ds: &Dataset, seen: HashMap<u64, String>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut drawn = super::Drawn {
        seen,
        ..super::Drawn::default()
    };
    let mut done = std::collections::HashSet::new();
    for menu in menus(ds) {
        for (nth, choice) in menu.choices.iter().enumerate() {
            let file = menu.file(nth);
            if !choice.prerendered || !done.insert(file.clone()) {
                continue;
            }
            let tag = (nth > 0).then_some(file.as_str());
            let mut css = String::new();
            let writing = super::Writing::view(tag);
            let html = super::changing(ds, &choice.selection, &mut drawn, &mut css, writing);
            out.push((format!("{VIEWS}/{file}.html"), html));
            // The default view's rules are in the page's stylesheet.
            if tag.is_some() {
                out.push((format!("{VIEWS}/{file}.css"), css));
            }
        }
    }
    out.extend(drawn.drawings);
    out.extend(drawn.marks);
    out.extend(drawn.paper);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::ChartId;
    use crate::testing::bundled;

    #[test]
    fn every_option_leads_to_the_view_the_app_reads_from_its_address() {
        let ds = bundled();
        let menus = menus(&ds);
        assert!(menus.len() >= 3, "cohort, subject, pupils at least");
        for menu in &menus {
            assert_eq!(
                menu.choices[0].selection,
                Selection::default(),
                "{}",
                menu.id
            );
            for c in &menu.choices {
                let q = query(&c.selection);
                let (read, notices) = View::from_params(
                    |k| {
                        q.trim_start_matches('?')
                            .split('&')
                            .find_map(|p| p.strip_prefix(&format!("{k}=")).map(str::to_string))
                    },
                    &ds,
                );
                assert!(notices.is_empty(), "{q}: {notices:?}");
                assert_eq!(read.selection, c.selection, "{}: {q}", c.label);
            }
        }
    }

    #[test]
    fn each_view_holds_the_apps_findings_and_summaries_and_names_only_files_written() {
        let ds = bundled();
        let pre = super::super::page(&ds);
        let written: std::collections::HashSet<String> = pre
            .drawings
            .iter()
            .chain(&pre.marks)
            .chain(&pre.paper)
            .chain(&pre.views)
            .map(|(n, _)| n.clone())
            .collect();
        let mut views = 0;
        let menus = menus(&ds);
        for menu in &menus {
            for (nth, c) in menu.choices.iter().enumerate() {
                let file = menu.file(nth);
                let Some((_, html)) = pre
                    .views
                    .iter()
                    .find(|(n, _)| *n == format!("{VIEWS}/{file}.html"))
                else {
                    panic!("no view file for {} {}", menu.id, c.label);
                };
                views += 1;
                for id in ChartId::available(&ds) {
                    let m = id.build(&ds, &c.selection);
                    let summary = crate::format::html_attr(&m.summary().join(" "));
                    assert!(html.contains(&summary), "{file}: {id:?} summary");
                    if let Some(f) = m.finding() {
                        assert!(
                            html.contains(&crate::format::html_attr(&f)),
                            "{file}: {id:?}"
                        );
                    }
                }
                // Every drawing and marks file it names was written.
                for attr in ["src=\"prerender/", "data-marks-src=\"prerender/"] {
                    for (i, _) in html.match_indices(attr) {
                        let rest = &html[i + attr.len()..];
                        let name = &rest[..rest.find('"').unwrap_or(0)];
                        assert!(written.contains(name), "{file}: {name} not written");
                    }
                }
                // Its own drawings are chosen by its own rules.
                if nth > 0 {
                    let css = pre
                        .views
                        .iter()
                        .find(|(n, _)| *n == format!("{VIEWS}/{file}.css"))
                        .map(|(_, c)| c.as_str())
                        .unwrap_or_default();
                    for (i, _) in html.match_indices("class=\"pre-v pre-light ") {
                        let rest = &html[i + "class=\"pre-v pre-light ".len()..];
                        let class = &rest[..rest.find(['"', ' ']).unwrap_or(0)];
                        assert!(class.ends_with(&format!("-{file}")), "{file}: {class}");
                        assert!(
                            css.contains(&format!(
                                "#prerender .{class}.pre-light {{ display: block; }}"
                            )),
                            "{file}: no rule shows {class}"
                        );
                    }
                }
            }
        }
        let options: usize = menus.iter().map(|m| m.choices.len()).sum();
        assert_eq!(views, options, "a view for every option");
        assert!(
            views >= 4 + 4 + 3,
            "cohorts, subjects and pupils at least: {views}"
        );
    }

    #[test]
    fn past_the_cap_an_option_has_no_view_and_the_default_always_has() {
        let ds = bundled();
        let all: usize = menus(&ds).iter().map(|m| m.choices.len() - 1).sum();
        assert!(all <= MAX_VIEWS, "the bundled data is prerendered whole");
        let few = capped(menus(&ds), 5);
        let shown: Vec<bool> = few
            .iter()
            .flat_map(|m| m.choices.iter().skip(1).map(|c| c.prerendered))
            .collect();
        assert_eq!(shown.iter().filter(|p| **p).count(), 5);
        assert!(
            shown[..5].iter().all(|p| *p),
            "the first ones, in page order"
        );
        assert!(few.iter().all(|m| m.choices[0].prerendered));
    }

    #[test]
    fn a_drawing_is_written_once_however_many_views_show_it() {
        let ds = bundled();
        let pre = super::super::page(&ds);
        let mut bodies = std::collections::HashSet::new();
        for (name, svg) in pre
            .drawings
            .iter()
            .chain(&pre.views)
            .filter(|(n, _)| n.ends_with(".svg") && !n.ends_with("-dark.svg"))
        {
            assert!(bodies.insert(svg.as_str()), "{name} written twice");
        }
        // A subject changes no drawing of the charts that show no subject.
        let subject = pre
            .views
            .iter()
            .find(|(n, _)| n == "views/subject-1.html")
            .map(|(_, h)| h.clone())
            .unwrap_or_default();
        assert!(
            subject.contains("src=\"prerender/ofsted-"),
            "the default's Ofsted drawings"
        );
    }
}
