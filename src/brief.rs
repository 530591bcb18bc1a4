//! The notes and sources of a printed brief, gathered at its end: each chart's notes under
//! its title, a note already given for an earlier chart not repeated (said how many were),
//! then every source the charts cite, once, in the order first cited.

use crate::charts::ChartId;
use crate::dataset::Dataset;
use crate::model::Source;
use crate::selection::Selection;

/// One chart's part of the notes.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartNotes {
    /// The chart's title.
    pub title: String,
    /// Its notes not given for an earlier chart.
    pub notes: Vec<String>,
    /// How many of its notes were given for an earlier chart.
    pub given_above: usize,
}

/// The brief's notes and sources for the charts of a selection.
#[derive(Debug, Clone, PartialEq)]
pub struct BriefNotes {
    /// Each chart's notes, in the page's order.
    pub charts: Vec<ChartNotes>,
    /// Every source cited, once.
    pub sources: Vec<Source>,
}

/// The notes and sources of every chart the dataset has figures for, as `sel` shows them.
pub fn notes_and_sources(ds: &Dataset, sel: &Selection) -> BriefNotes {
    let mut seen: Vec<String> = Vec::new();
    let mut source_ids: Vec<String> = Vec::new();
    let mut charts = Vec::new();
    for id in ChartId::available(ds) {
        let chart = id.build(ds, sel);
        let mut notes = Vec::new();
        let mut given_above = 0;
        for note in chart.notes() {
            if seen.contains(&note) {
                given_above += 1;
            } else {
                seen.push(note.clone());
                notes.push(note);
            }
        }
        for s in chart.sources() {
            if !source_ids.contains(s) {
                source_ids.push(s.clone());
            }
        }
        charts.push(ChartNotes {
            title: chart.title().to_string(),
            notes,
            given_above,
        });
    }
    BriefNotes {
        charts,
        sources: source_ids
            .iter()
            .filter_map(|s| ds.source(s).cloned())
            .collect(),
    }
}

impl BriefNotes {
    /// The brief's notes and sources as the page holds them (shown only on paper): the one
    /// markup of both the static page (`prerender`, in each view) and the app
    /// (`app/print.rs`), so every print path prints the same.
    pub fn html(&self) -> String {
        use crate::format::html_attr as esc;
        let mut out = String::from(
            "<section class=\"print-notes\" aria-labelledby=\"print-notes-title\" data-testid=\"print-notes\">\
             <h2 id=\"print-notes-title\">Notes and sources</h2>",
        );
        for c in &self.charts {
            out.push_str(&format!("<h3>{}</h3><ul>", esc(&c.title)));
            for n in &c.notes {
                out.push_str(&format!("<li>{}</li>", esc(n)));
            }
            out.push_str("</ul>");
            match c.given_above {
                0 => {}
                1 => out.push_str("<p>And 1 note given above.</p>"),
                n => out.push_str(&format!("<p>And {n} notes given above.</p>")),
            }
        }
        out.push_str("<h3>Sources</h3><ol>");
        for s in &self.sources {
            let url = s
                .url
                .as_ref()
                .map(|u| format!(" <span class=\"sources__url\">{}</span>", esc(u)))
                .unwrap_or_default();
            out.push_str(&format!(
                "<li><strong>{}</strong>. {}{url}</li>",
                esc(&s.title),
                esc(&s.publisher_and_when())
            ));
        }
        out.push_str("</ol></section>");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::selection::CohortChoice;
    use crate::testing::bundled;

    #[test]
    fn every_note_of_every_chart_is_in_the_brief_once_under_the_first_chart_that_has_it() {
        let ds = bundled();
        let sel = Selection::cohort(CohortChoice::Programme);
        let brief = notes_and_sources(&ds, &sel);
        let ids = ChartId::available(&ds);
        assert_eq!(brief.charts.len(), ids.len(), "a part for every chart");
        let given: Vec<&String> = brief.charts.iter().flat_map(|c| &c.notes).collect();
        let unique: std::collections::BTreeSet<&String> = given.iter().copied().collect();
        assert_eq!(unique.len(), given.len(), "no note twice");
        for (id, part) in ids.iter().zip(&brief.charts) {
            let chart = id.build(&ds, &sel);
            assert_eq!(part.title, chart.title());
            for note in chart.notes() {
                assert!(given.contains(&&note), "{}: {note}", part.title);
            }
            assert_eq!(
                part.notes.len() + part.given_above,
                chart.notes().len(),
                "{}: each note given here or counted as above",
                part.title
            );
        }
        // The break in the tests is a note of several charts: given once.
        let breaks = given.iter().filter(|n| n.contains("2020 and 2021")).count();
        assert!(breaks <= 1, "{breaks}");
        assert!(brief.charts.iter().skip(1).any(|c| c.given_above > 0));
    }

    #[test]
    fn the_notes_markup_holds_every_note_and_source_as_text() {
        let ds = bundled();
        let brief = notes_and_sources(&ds, &Selection::default());
        let html = brief.html();
        assert_eq!(html.matches("<section").count(), 1);
        for c in &brief.charts {
            assert!(html.contains(&crate::format::html_attr(&c.title)));
            for n in &c.notes {
                assert!(html.contains(&format!("<li>{}</li>", crate::format::html_attr(n))));
            }
        }
        for s in &brief.sources {
            assert!(html.contains(&crate::format::html_attr(&s.title)));
        }
    }

    #[test]
    fn every_source_a_chart_cites_is_listed_once() {
        let ds = bundled();
        let sel = Selection::cohort(CohortChoice::Cohort("seven-stars".into()));
        let brief = notes_and_sources(&ds, &sel);
        let listed: Vec<&str> = brief.sources.iter().map(|s| s.id.as_str()).collect();
        for id in ChartId::available(&ds) {
            for s in id.build(&ds, &sel).sources() {
                assert_eq!(listed.iter().filter(|l| **l == s).count(), 1, "{s} once");
            }
        }
    }
}
