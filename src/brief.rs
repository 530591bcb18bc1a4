//! The end of a printed brief: one line that says where each chart's notes and every source
//! are in full (the view's address, written at print by public/view-gate.js). A brief handed
//! round a meeting is a few pages: each chart carries its short source line (publishers,
//! `markup::card_foot`), and its notes and full sources stay on the page.

/// What the brief's last line says of the notes, before the view's address.
pub const NOTES_AT: &str = "Every chart's notes, and each source in full, are on the page at ";

/// The brief's last line, as the page holds it (shown only on paper): the one markup of both
/// the static page (`prerender`, in each view) and the app (`app/print.rs`), so every print
/// path prints the same. The address is the page's own, written into `.print-address` by
/// public/view-gate.js at load and at every print.
pub fn notes_html() -> String {
    format!(
        "<section class=\"print-notes\" aria-label=\"Where the notes are\" data-testid=\"print-notes\">\
         <p class=\"print-notes__where\">{}<a class=\"print-address\" href=\"./\">this page</a>.</p></section>",
        crate::format::html_attr(NOTES_AT)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_brief_ends_with_where_the_notes_and_sources_are() {
        let html = notes_html();
        assert_eq!(html.matches("<section").count(), 1);
        assert!(html.contains(NOTES_AT) && html.contains("class=\"print-address\""));
    }
}
