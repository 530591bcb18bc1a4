//! The end of a printed brief: every source its charts cite, once, in the order first cited,
//! and where the notes are (the view's address, written at print by public/view-gate.js). A
//! brief handed round a meeting is a few pages: each chart's notes stay on the page.

use crate::charts::ChartId;
use crate::dataset::Dataset;
use crate::model::Source;
use crate::selection::Selection;

/// The brief's sources for the charts of a selection.
#[derive(Debug, Clone, PartialEq)]
pub struct BriefNotes {
    /// Every source cited, once.
    pub sources: Vec<Source>,
}

/// The sources of every chart the dataset has figures for, as `sel` shows them.
pub fn brief_sources(ds: &Dataset, sel: &Selection) -> BriefNotes {
    let mut source_ids: Vec<String> = Vec::new();
    for id in ChartId::available(ds) {
        for s in id.build(ds, sel).sources() {
            if !source_ids.contains(s) {
                source_ids.push(s.clone());
            }
        }
    }
    BriefNotes {
        sources: source_ids
            .iter()
            .filter_map(|s| ds.source(s).cloned())
            .collect(),
    }
}

/// What the brief's last lines say of the notes, before the view's address.
pub const NOTES_AT: &str = "Every chart's notes, and each source in full, are on the page at ";

impl BriefNotes {
    /// The brief's sources and where its notes are, as the page holds them (shown only on
    /// paper): the one markup of both the static page (`prerender`, in each view) and the app
    /// (`app/print.rs`), so every print path prints the same. The address is the page's own,
    /// written into `.print-address` by public/view-gate.js at load and at every print.
    pub fn html(&self) -> String {
        use crate::format::html_attr as esc;
        let mut out = format!(
            "<section class=\"print-notes\" aria-labelledby=\"print-notes-title\" data-testid=\"print-notes\">\
             <h2 id=\"print-notes-title\">Sources</h2><p class=\"print-notes__where\">{}<a class=\"print-address\" href=\"./\">this page</a>.</p><ol>",
            esc(NOTES_AT)
        );
        for s in &self.sources {
            out.push_str(&format!(
                "<li><strong>{}</strong>. {}</li>",
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
    fn the_brief_ends_with_every_source_as_text_and_where_the_notes_are() {
        let ds = bundled();
        let brief = brief_sources(&ds, &Selection::default());
        let html = brief.html();
        assert_eq!(html.matches("<section").count(), 1);
        assert!(html.contains(NOTES_AT) && html.contains("class=\"print-address\""));
        assert_eq!(html.matches("<li>").count(), brief.sources.len());
        for s in &brief.sources {
            assert!(html.contains(&crate::format::html_attr(&s.title)));
        }
    }

    #[test]
    fn every_source_a_chart_cites_is_listed_once() {
        let ds = bundled();
        let sel = Selection::cohort(CohortChoice::Cohort("seven-stars".into()));
        let brief = brief_sources(&ds, &sel);
        let listed: Vec<&str> = brief.sources.iter().map(|s| s.id.as_str()).collect();
        for id in ChartId::available(&ds) {
            for s in id.build(&ds, &sel).sources() {
                assert_eq!(listed.iter().filter(|l| **l == s).count(), 1, "{s} once");
            }
        }
    }
}
