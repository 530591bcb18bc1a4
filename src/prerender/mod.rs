//! The default view as static HTML, for the first paint and for readers without JavaScript:
//! the header, the programme's facts, every chart card (title, explainer, drawing, notes,
//! summary, source line and table) and the sources, made by the same core functions the
//! page uses. `src/bin/prerender.rs` writes it into the built `index.html`; the wasm removes
//! it when its own charts are drawn.
//!
//! Each chart is drawn once for each range of column widths the page draws it at one height
//! (`variants.rs`: a phone's column, a desktop's, and the steps between), as SVG files beside
//! the page (`prerender/<chart>-<width>.svg`; the first card's inline) that the column chooses
//! between by container query: the browser fetches only the one shown, its box has the height
//! the page will draw, so nothing moves at the take-over, in a page or an embed's frame. Each
//! has a dark twin (`<chart>-<width>-dark.svg`, recoloured as the page recolours its own),
//! shown instead under a dark system theme.
//!
//! Where JavaScript runs, inert copies of the page's controls (menus, legend, tabs, download
//! buttons) hold their places (`prerender__js`, shown only under `html.prerendered`), so that
//! nothing moves when the app's own take their place; without JavaScript they are not shown,
//! and each chart's table is, under "The figures as a table" (inside `<noscript>`: where
//! JavaScript runs the browser does not even parse it, and the page's Table tab has it).

use crate::charts::ChartId;
use crate::dataset::Dataset;
use crate::format::html_attr as esc;
use crate::selection::Selection;

mod card;
mod variants;
pub mod views;
use card::card;

/// The file, in [`DRAWINGS`], the rules that choose the drawings are written to, for the
/// post-build hook to move into the stylesheet.
pub const LAYOUT_CSS: &str = "layout.css";

/// The folder, beside `index.html`, the drawings are written to.
pub const DRAWINGS: &str = "prerender";

/// The prerendered view: what goes inside `<div id="prerender">`, and the drawings it shows
/// as `(file name in DRAWINGS, SVG)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Prerendered {
    /// The HTML.
    pub html: String,
    /// The drawings.
    pub drawings: Vec<(String, String)>,
    /// What each drawing's marks say, for the enhancer's tooltips and keys (as
    /// `(file name in DRAWINGS, text)`: `charts::pointing::marks_text`).
    pub marks: Vec<(String, String)>,
    /// Paper's own drawings, for charts none of whose screen drawings is made at the width
    /// paper draws them at (`card::paper_drawing`): shown only in print, with no marks.
    pub paper: Vec<(String, String)>,
    /// The rules that choose each chart's drawing by its column's width (container queries
    /// over `.chart-card__frame`), for the page's stylesheet: made here because the steps
    /// come from the data (`variants.rs`).
    pub css: String,
    /// The views one choice away (`views.rs`), as `(path in DRAWINGS, text)`: their HTML,
    /// rules, and the drawings and marks the default view does not have.
    pub views: Vec<(String, String)>,
}

/// The drawings and marks of a view's cards, as `(file name in DRAWINGS, text)`, and those
/// written so far by what they hold (so that a drawing several views show is written once).
#[derive(Default)]
pub(crate) struct Drawn {
    drawings: Vec<(String, String)>,
    marks: Vec<(String, String)>,
    paper: Vec<(String, String)>,
    seen: std::collections::HashMap<u64, String>,
}

/// How a view's cards are written: `tag` names a view other than the default (its drawings'
/// classes and new files carry it); `tables` for the page itself (inside `<noscript>`: only
/// a page without JavaScript shows them, and the enhancer's view files need none).
#[derive(Clone, Copy)]
pub(crate) struct Writing<'a> {
    tag: Option<&'a str>,
    tables: bool,
}

impl<'a> Writing<'a> {
    /// The cards of view `tag` (the default view for `None`) for the enhancer to swap in.
    pub(crate) fn view(tag: Option<&'a str>) -> Self {
        Self { tag, tables: false }
    }
}

/// The prerendered default view.
pub fn page(ds: &Dataset) -> Prerendered {
    let mut drawn = Drawn::default();
    let mut css = String::new();
    let mut out = String::with_capacity(256 * 1024);
    out.push_str("<a class=\"skip-link\" href=\"#pre-main\">Skip to the charts</a>");
    out.push_str(&header(ds));
    out.push_str("<main id=\"pre-main\" tabindex=\"-1\">");
    out.push_str(
        "<noscript><p class=\"notice\">These are the published figures as the page first shows \
         them. Choosing a cohort, subject or year, the tooltips, downloads, presenter mode and \
         loading your own data need JavaScript.</p></noscript>",
    );
    let sel = Selection::default();
    out.push_str(&answer(ds, &sel));
    out.push_str(&facts(ds));
    out.push_str(&controls(ds));
    let writing = Writing {
        tag: None,
        tables: true,
    };
    out.push_str(&charts(ds, &sel, &mut drawn, &mut css, writing));
    out.push_str(&crate::brief::notes_html());
    let charts = ChartId::available(ds);
    out.push_str(&embed_links(&charts));
    out.push_str(&sources(ds));
    out.push_str(&loader());
    out.push_str("</main>");
    let Drawn {
        drawings,
        marks,
        paper,
        seen,
    } = drawn;
    Prerendered {
        html: out,
        drawings,
        marks,
        paper,
        css,
        views: views::files(ds, seen),
    }
}

/// The cards of a view.
fn charts(
    ds: &Dataset,
    sel: &Selection,
    drawn: &mut Drawn,
    css: &mut String,
    writing: Writing,
) -> String {
    let mut out = String::from("<div class=\"charts\">");
    let ids = ChartId::available(ds);
    let models: Vec<_> = ids.iter().map(|id| id.build(ds, sel)).collect();
    let paper = crate::page::paper_widths(&models);
    for (nth, (&id, m)) in ids.iter().zip(&models).enumerate() {
        let place = card::Place {
            first: nth == 0,
            paper: paper[nth],
        };
        out.push_str(&card(ds, id, &**m, drawn, css, writing, place));
    }
    out.push_str("</div>");
    out
}

/// What a choice in the menus changes on the static page: the answer, the membership line
/// under the menus, the cards and the notes printed after them (a view file of `views.rs`; the enhancer puts each part in
/// the place of the element of the same class).
pub(crate) fn changing(
    ds: &Dataset,
    sel: &Selection,
    drawn: &mut Drawn,
    css: &mut String,
    writing: Writing,
) -> String {
    format!(
        "{}<p class=\"controls__membership\">{}</p>{}{}",
        answer(ds, sel),
        esc(&crate::page::membership_note(ds, &sel.cohort)),
        charts(ds, sel, drawn, css, writing),
        crate::brief::notes_html()
    )
}

/// The way out of an embedded chart, one for each chart, as the embed shows it under its
/// chart: shown only in a prerendered embed of that chart (`public/view-gate.js` names the
/// chart on `<html>`; `style/main.css` has a rule for each).
fn embed_links(charts: &[ChartId]) -> String {
    charts
        .iter()
        .map(|c| {
            format!(
                "<p class=\"embed__full prerender__embed\" id=\"pre-full-{id}\">\
                 <a href=\"?chart={id}\" target=\"_blank\" rel=\"noopener\">{text}</a></p>",
                id = c.id(),
                text = esc(crate::page::EMBED_WAY_OUT)
            )
        })
        .collect()
}

fn header(ds: &Dataset) -> String {
    let h = crate::page::header(ds);
    let kicker = h.kicker.map_or_else(String::new, |k| {
        format!("<p class=\"page-header__kicker\">{}</p>", esc(&k))
    });
    format!(
        "<header class=\"page-header\">{kicker}<h1>{}</h1>\
         <p class=\"page-header__lede\">{}</p></header>",
        esc(&h.title),
        esc(&h.lede)
    )
}

/// The answer first, as the app writes it (`app/answer.rs`), its links to the static cards.
fn answer(ds: &Dataset, sel: &Selection) -> String {
    let Some(a) = crate::answer::answer(ds, sel) else {
        return String::new();
    };
    let points: String = a
        .points
        .iter()
        .map(|p| {
            format!(
                "<li class=\"answer__point\">{} See <a class=\"answer__link\" href=\"#pre-{}\">{}</a>.</li>",
                esc(&p.text),
                p.chart.id(),
                esc(p.chart.name())
            )
        })
        .collect();
    let caveats: String = a
        .caveats
        .iter()
        .map(|c| format!("<li>{}</li>", esc(c)))
        .collect();
    format!(
        "<section class=\"answer\" aria-labelledby=\"pre-answer-question\"><h2 class=\"answer__question\" id=\"pre-answer-question\">{}</h2>\
         <ul class=\"answer__points\">{points}</ul><ul class=\"answer__caveats\" aria-label=\"Read with care\">{caveats}</ul></section>",
        esc(&a.question)
    )
}

fn facts(ds: &Dataset) -> String {
    let (facts, source) = crate::page::programme_facts(ds);
    let dl: String = facts
        .iter()
        .map(|(dt, dd, _)| {
            format!(
                "<div class=\"facts__item\"><dt>{}</dt><dd>{}</dd></div>",
                esc(dt),
                esc(dd)
            )
        })
        .collect();
    format!(
        "<section class=\"facts\" aria-label=\"The programme in figures\"><dl class=\"facts__list\">{dl}</dl>\
         <p class=\"facts__source\">Source: {}</p></section>",
        esc(&source)
    )
}

/// A menu as the page shows it: a label and every option, the first chosen. Each option
/// names the prerendered view it leads to from the default (`views.rs`), and its address.
fn menu(m: &views::Menu) -> String {
    let opts: String = m
        .choices
        .iter()
        .enumerate()
        .map(|(nth, c)| {
            // An option past `views::MAX_VIEWS` names no view: choosing it brings the app.
            let view = if c.prerendered {
                format!(
                    " data-view=\"{}\" data-query=\"{}\"",
                    esc(&m.file(nth)),
                    esc(&views::query(&c.selection))
                )
            } else {
                String::new()
            };
            format!("<option{view}>{}</option>", esc(&c.label))
        })
        .collect();
    format!(
        "<div class=\"controls__field\"><label for=\"{pre}\">{}</label>\
         <select id=\"{pre}\" data-twin=\"#{id}\">{opts}</select></div>",
        esc(&m.label),
        id = crate::ids::Of::App.id(m.id),
        pre = crate::ids::Of::Static.id(m.id)
    )
}

/// The page's controls, holding their place until the app's arrive. The menus are live from
/// the first paint: a choice made before the enhancer has started is said at once
/// (public/view-gate.js) and taken up when it starts (`enhance::controls`); the buttons are
/// inert until then.
fn controls(ds: &Dataset) -> String {
    let out: String = views::menus(ds).iter().map(menu).collect();
    format!(
        "<div class=\"controls prerender__js\">{out}\
         <button type=\"button\" class=\"controls__present prerender__js\" inert aria-hidden=\"true\" data-twin=\"#present-button\">Present</button>\
         <button type=\"button\" class=\"controls__print prerender__js\" inert aria-hidden=\"true\" data-twin=\"#print-button\">Print</button>\
         <p class=\"controls__membership\">{}</p></div>",
        esc(&crate::page::membership_note(ds, &Selection::default().cohort))
    )
}

/// "Load your data", inert until the enhancer makes it ask for the app: files chosen here
/// are handed to the app's own picker once it has taken over.
fn loader() -> String {
    use crate::page::{LOADER_HINT, LOADER_LABEL, LOADER_MORE, LOADER_PRIVACY, LOADER_TITLE};
    format!(
        "<section class=\"loader prerender__js\" inert aria-hidden=\"true\" aria-labelledby=\"pre-loader-title\">\
         <h2 id=\"pre-loader-title\" class=\"loader__title\">{}</h2><div class=\"loader__drop\">\
         <label for=\"pre-data-files\" class=\"loader__label\">{}</label>\
         <input id=\"pre-data-files\" type=\"file\" multiple accept=\".json,.csv,application/json,text/csv\" data-twin=\"#data-files\">\
         <p class=\"loader__hint\">{}</p><p class=\"loader__hint\">{}</p><p class=\"loader__privacy\">{}</p></div></section>",
        esc(LOADER_TITLE),
        esc(LOADER_LABEL),
        esc(LOADER_MORE),
        esc(LOADER_HINT),
        esc(LOADER_PRIVACY)
    )
}

fn sources(ds: &Dataset) -> String {
    let (caveats, list) = crate::markup::caveats_and_sources(ds, false);
    format!(
        "<section class=\"sources\" aria-labelledby=\"pre-sources-title\">\
         <h2 id=\"pre-sources-title\">Sources and caveats</h2>\
         <ul class=\"sources__caveats\">{caveats}</ul><ol class=\"sources__list\">{list}</ol></section>"
    )
}

#[cfg(test)]
#[path = "other_programme_tests.rs"]
mod other_programme_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::bundled;

    #[test]
    fn every_chart_can_be_shown_alone_as_a_prerendered_embed() {
        // The gate names the chart on <html>; the stylesheet must show that card and its
        // way out, for every chart there is (a chart added without its rule would show an
        // empty frame until the wasm came).
        let css = include_str!("../../style/main.css");
        let html = page(&bundled()).html;
        for id in ChartId::all() {
            let key = id.id();
            for target in [format!("#pre-{key}"), format!("#pre-full-{key}")] {
                let rule = format!("html[data-embed-chart=\"{key}\"] #prerender {target}");
                assert!(css.contains(&rule), "style/main.css has no `{rule}`");
            }
            assert!(
                html.contains(&format!("id=\"pre-full-{key}\"><a href=\"?chart={key}\"")),
                "{key}: no way out to the full dashboard"
            );
        }
    }

    #[test]
    fn the_prerendered_page_holds_every_chart_its_summary_table_and_sources() {
        let ds = bundled();
        let pre = page(&ds);
        let html = &pre.html;
        for id in ChartId::available(&ds) {
            let m = id.build(&ds, &Selection::default());
            assert!(html.contains(&esc(m.title())), "{id:?} title");
            assert!(
                html.contains(&esc(&m.summary().join(" "))),
                "{id:?} summary"
            );
            assert!(html.contains(&format!("id=\"pre-{}\"", id.id())));
        }
        // The first card's light drawings are inline; every other one, the dark ones
        // included, is a file the page names; each has its rule in the stylesheet.
        // (Where they are light enough.)
        let first = ChartId::available(&ds)[0];
        let light = card::light_enough(&ds, &*first.build(&ds, &Selection::default()));
        let first = first.id();
        let is_inline = |name: &str| {
            light && name.starts_with(&format!("{first}-")) && !name.ends_with("-dark.svg")
        };
        let inline = pre.drawings.iter().filter(|(n, _)| is_inline(n)).count();
        assert!(
            !light || inline >= 2,
            "a phone's and a desktop's drawing at least"
        );
        assert_eq!(
            html.matches("<svg").count(),
            inline,
            "the first card's drawings inline"
        );
        for (name, svg) in pre.drawings.iter().filter(|(n, _)| !is_inline(n)) {
            assert!(html.contains(&format!("{DRAWINGS}/{name}")) && svg.starts_with("<svg"));
        }
        for (name, svg) in &pre.drawings {
            let stem = name.trim_end_matches(".svg");
            let rule = match stem.strip_suffix("-dark") {
                Some(light) => format!("#prerender .pre-{light}.pre-dark {{ display: block; }}"),
                None => format!("#prerender .pre-{stem}.pre-light {{ display: block; }}"),
            };
            assert!(pre.css.contains(&rule), "no rule shows {name}");
            // A dark drawing is dark: the dark background, light ink, none of the light
            // palette's background or ink left; and it says what its light twin says.
            if let Some(light) = stem.strip_suffix("-dark") {
                assert!(
                    svg.contains("#121212") && svg.contains("#F2F2F2"),
                    "{name}: not dark"
                );
                assert!(
                    !svg.contains("#FFFFFF") && !svg.contains("#1B1B1B"),
                    "{name}: light colours left"
                );
                let texts = |s: &str| -> Vec<String> {
                    s.split("<text")
                        .skip(1)
                        .filter_map(|t| Some(t.split_once('>')?.1.split('<').next()?.to_string()))
                        .collect()
                };
                let original = pre
                    .drawings
                    .iter()
                    .find(|(n, _)| n == &format!("{light}.svg"));
                assert_eq!(
                    original.map(|(_, l)| texts(l)),
                    Some(texts(svg)),
                    "{name}: other words"
                );
            }
        }
        assert_eq!(
            pre.drawings
                .iter()
                .filter(|(n, _)| n.ends_with("-dark.svg"))
                .count()
                * 2,
            pre.drawings.len(),
            "a dark drawing for each light one"
        );
        assert!(html.contains("Etruscan Primary"));
        assert!(html.contains("Sources and caveats"));
        assert!(
            !html.contains("<script"),
            "no script: it reads without JavaScript"
        );
    }

    #[test]
    fn every_drawing_has_its_marks_and_every_static_control_its_twin() {
        let ds = bundled();
        let pre = page(&ds);
        let lights: Vec<&String> = pre
            .drawings
            .iter()
            .map(|(n, _)| n)
            .filter(|n| !n.ends_with("-dark.svg"))
            .collect();
        assert_eq!(
            lights.len(),
            pre.marks.len(),
            "a marks file for each drawing"
        );
        for id in ChartId::available(&ds) {
            let m = id.build(&ds, &Selection::default());
            for (name, text) in pre
                .marks
                .iter()
                .filter(|(n, _)| n.starts_with(&format!("{}-", id.id())))
            {
                let w: u32 = name
                    .trim_start_matches(&format!("{}-", id.id()))
                    .trim_end_matches(".marks")
                    .parse()
                    .unwrap_or(0);
                let read = crate::charts::kit::pointing::read_marks(text);
                let drawn = m.marks(w);
                assert_eq!(read.len(), drawn.len(), "{name}: one line a mark");
                assert!(!read.is_empty(), "{name}: marks to point at");
                for (r, d) in read.iter().zip(&drawn) {
                    assert_eq!((&r.entity, &r.value, r.year), (&d.entity, &d.value, d.year));
                    assert!((r.band.x - d.band.x).abs() <= 0.05, "{name}: {}", d.entity);
                }
                assert!(lights.iter().any(|l| *l == &name.replace(".marks", ".svg")));
            }
        }
        // Every control of the static view that needs the app names the app's (e2e checks
        // they exist); the tables' and sources' <details> open without it, and the enhancer
        // plays a chart (`data-listen`) itself.
        for control in ["<select", "<button", "<input", "<summary data-twin"] {
            for (i, _) in pre.html.match_indices(control) {
                let tag = &pre.html[i..i + pre.html[i..].find('>').unwrap_or(0)];
                assert!(
                    tag.contains("data-twin=\"#") || tag.contains("data-listen"),
                    "no twin: {tag}"
                );
            }
        }
        assert_eq!(
            pre.html.matches("<summary data-twin").count(),
            ChartId::available(&ds).len(),
            "each card's embed code asks for the app"
        );
        assert!(pre.html.contains("id=\"pre-data-files\""), "Load your data");
    }

    #[test]
    fn each_card_carries_its_table_and_sources_panels_for_the_tabs() {
        let ds = bundled();
        let pre = page(&ds);
        let cohort = pre
            .views
            .iter()
            .find(|(n, _)| n == "views/cohort-1.html")
            .map(|(_, h)| h.clone())
            .unwrap_or_default();
        for id in ChartId::available(&ds) {
            let key = id.id();
            let m = id.build(&ds, &Selection::default());
            for (html, what) in [(&pre.html, "page"), (&cohort, "view")] {
                for tab in ["chart", "table", "sources"] {
                    assert!(
                        html.contains(&format!("id=\"pre-{key}-panel-{tab}\"")),
                        "{key} {what}: no {tab} panel"
                    );
                }
            }
            // The Sources panel names every source the chart used, each of which the page
            // lists in full at its foot (the enhancer copies them in).
            let at = pre
                .html
                .find(&format!("id=\"pre-{key}-panel-sources\""))
                .unwrap_or(0);
            let panel = &pre.html[at..at + pre.html[at..].find("</ol>").unwrap_or(0)];
            for s in m.sources() {
                let Some(source) = ds.source(s) else { continue };
                let named = format!("<li data-source=\"{}\">", esc(s));
                assert!(panel.contains(&named), "{key}: {}", source.title);
                let full = format!("{named}<strong>{}</strong>", esc(&source.title));
                assert!(pre.html.contains(&full), "{key}: {} in full", source.title);
            }
            // The page's tables are for readers without JavaScript (and the enhancer reads
            // them from there); a view file's are in a template in the Table panel.
            assert!(!pre.html.contains("class=\"pre-tables\""));
        }
        assert_eq!(
            cohort.matches("<template class=\"pre-tables\">").count(),
            ChartId::available(&ds).len()
        );
        assert!(
            !cohort.contains("<noscript>"),
            "no table for readers without JavaScript"
        );
    }

    #[test]
    fn names_from_data_are_text_never_markup() {
        let mut raw = bundled().raw().clone();
        raw.schools[0].name = "<img src=x onerror=alert(1)>".into();
        let ds = crate::dataset::Dataset::try_from(raw).unwrap_or_else(|e| panic!("{e}"));
        let pre = page(&ds);
        assert!(!pre.html.contains("<img src=x"), "escaped");
        assert!(
            pre.drawings.iter().all(|(_, svg)| !svg.contains("<img")),
            "escaped in drawings"
        );
    }

    #[test]
    fn paper_shows_each_chart_drawn_at_the_width_the_app_prints_it_at() {
        let ds = bundled();
        let pre = page(&ds);
        let ids = ChartId::available(&ds);
        let models: Vec<_> = ids
            .iter()
            .map(|id| id.build(&ds, &Selection::default()))
            .collect();
        let widths = crate::page::paper_widths(&models);
        for (id, w) in ids.iter().zip(widths) {
            let key = id.id();
            let card = &pre.html[pre.html.find(&format!("id=\"pre-{key}\"")).unwrap_or(0)..];
            let card = &card[..card.find("</section>").unwrap_or(card.len())];
            // One drawing for paper, at the paper width: a screen drawing of that width (its
            // class names it) or paper's own (its width attribute does).
            assert_eq!(
                card.matches(" pre-print").count(),
                1,
                "{key}: one drawing for paper"
            );
            let at = card.find(" pre-print").unwrap_or(0);
            let tag = &card[card[..at].rfind('<').unwrap_or(0)..];
            let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
            assert!(
                tag.contains(&format!("pre-{key}-{w} "))
                    || tag.contains(&format!("pre-{key}-{w}\""))
                    || (tag.contains("pre-paper") && tag.contains(&format!("width=\"{w}\""))),
                "{key}: paper's drawing at {w} px: {tag}"
            );
            let half = card.starts_with(&format!("id=\"pre-{key}\""))
                && pre
                    .html
                    .contains(&format!("chart-card--paper-half\" id=\"pre-{key}\""));
            assert_eq!(
                half,
                w == crate::page::PAPER_HALF,
                "{key}: its class says half"
            );
        }
        for (name, svg) in &pre.paper {
            assert!(pre.html.contains(&format!("{DRAWINGS}/{name}")) && svg.starts_with("<svg"));
        }
    }
}
