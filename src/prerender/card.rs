//! One chart card of the static page as the page draws it: its title, finding, legend and
//! tabs (inert until the enhancer), drawings per width with their marks and rules, hint,
//! notes, the Table and Sources panels the enhancer shows at a tab, summary, source line and
//! downloads.

use crate::charts::kit::pointing;
use crate::charts::kit::theme::{recolour, Theme};
use crate::charts::ChartId;
use crate::dataset::Dataset;
use crate::format::html_attr as esc;
use crate::ids::{Of, Part};
use crate::table::readable_sources;

use super::{variants, views, Drawn, Writing, DRAWINGS};

/// The legend and tabs of a card (`crate::markup`, as the app's; each names the app's element
/// it stands for in `data-twin`, which the enhancer then uses). Live from the first paint: one
/// used before the enhancer has started is marked by public/view-gate.js and used again when
/// it starts (`enhance::controls::take_up_early_clicks`).
fn bar(
    ds: &Dataset,
    id: ChartId,
    m: &dyn crate::charts::Chart,
    at: crate::markup::CardAt,
) -> String {
    let region = ds.raw().context.as_ref().and_then(|c| c.region.clone());
    format!(
        "<div class=\"chart-card__bar prerender__js\">{focus}\
         <button type=\"button\" class=\"legend__toggle\" aria-expanded=\"false\"{toggle}>{}</button>\
         <div class=\"legend\" role=\"group\" aria-label=\"Show or hide series\">{legend}</div>\
         <div class=\"tabs\" role=\"tablist\" aria-label=\"Show as\">{tabs}</div></div>",
        esc(&crate::page::legend_toggle_words(m.legend().len())),
        legend = crate::markup::legend_items(
            at,
            id,
            m.legend(),
            region.as_deref(),
            m.focus().map(|f| f.chosen).as_deref()
        ),
        tabs = crate::markup::tab_buttons(at, crate::address::Tab::default()),
        focus = m
            .focus()
            .map(|f| crate::markup::focus_menu(at, &f))
            .unwrap_or_default(),
        toggle = at.twin(&format!("#{}", Of::App.part(id.id(), Part::LegendToggle)))
    )
}

/// The controls to hear the chart, live (the enhancer plays it), where it has figures to
/// hear; the download buttons (`crate::markup`, as the app's) and the embed code's heading,
/// inert until the enhancer makes them ask for the app.
fn after(at: crate::markup::CardAt, title: &str, audible: bool) -> String {
    format!(
        "{}<div class=\"downloads prerender__js\" inert aria-hidden=\"true\" role=\"group\" aria-label=\"Download\">{}</div>\
         <details class=\"embed-code prerender__js\" inert aria-hidden=\"true\"><summary{}>Embed this chart</summary></details>",
        if audible {
            crate::markup::listen_controls(at)
        } else {
            String::new()
        },
        crate::markup::download_buttons(at, title),
        at.twin(&format!("#{} .embed-code summary", at.chart))
    )
}

/// The most bytes of drawings and marks the first card puts in the HTML itself.
const INLINE_BUDGET: usize = 200 * 1024;

/// Whether a chart's light drawings and their marks, over every width, are light enough to
/// go in the HTML itself ([`INLINE_BUDGET`]).
pub(super) fn light_enough(ds: &Dataset, m: &dyn crate::charts::Chart) -> bool {
    variants::variants(m)
        .iter()
        .map(|v| {
            m.svg(v.width).map_or(0, |s| s.len())
                + pointing::marks_text(&m.marks(v.width), |mk| pointing::source_named(ds, mk)).len()
        })
        .sum::<usize>()
        <= INLINE_BUDGET
}

/// Where a card sits: first on the page (its light drawings then in the HTML itself, while
/// they are light), and the width paper draws it at (`page::paper_widths`).
#[derive(Debug, Clone, Copy)]
pub(super) struct Place {
    pub first: bool,
    pub paper: u32,
}

/// One chart card as the page draws it, without the controls that need the wasm.
pub(super) fn card(
    ds: &Dataset,
    id: ChartId,
    m: &dyn crate::charts::Chart,
    drawn: &mut Drawn,
    css: &mut String,
    writing: Writing,
    Place {
        first,
        paper: paper_w,
    }: Place,
) -> String {
    let key = id.id();
    let tag = writing.tag;
    let at = crate::markup::CardAt {
        of: Of::Static,
        chart: key,
    };
    // The first card's drawings are in the HTML itself, so the first screen is complete
    // without another request; the others are SVG files drawn as they come near the screen
    // (an SVG image is drawn on the page's main thread; their sizes are set, so nothing moves).
    // Only the drawing for the column's width is shown, and only it is fetched (`loading=lazy`
    // images that are not displayed are not loaded).
    // The first card's drawings go in the HTML only while they are light: a chart of many marks
    // (the home area over ten years: 0.5 MB of drawings and marks over its widths) would weigh
    // every first load down more than the one request its drawing then costs.
    let inline = first && light_enough(ds, m);
    let mut picture = String::new();
    let mut paper_drawn = false;
    let mut failed = false;
    // Whether it has figures to hear (its drawings' marks say).
    let mut audible = false;
    for v in variants::variants(m) {
        let (w, h) = (v.width, v.height);
        let class = match tag {
            None => format!("pre-{key}-{w}"),
            Some(t) => format!("pre-{key}-{w}-{t}"),
        };
        let svg = match m.svg(w) {
            // Scaled down within its range, the drawing keeps to the top left of its box.
            Ok(svg) => svg.replacen("<svg ", "<svg preserveAspectRatio=\"xMinYMin meet\" ", 1),
            Err(e) => {
                picture = format!("<p class=\"chart-card__error\">{}</p>", esc(&e.to_string()));
                failed = true;
                break;
            }
        };
        // The light drawing by the column's width; under a dark system theme, the dark one
        // (the page's own recolouring, so the take-over changes nothing).
        let cond = variants::condition(&v);
        css.push_str(&format!(
            "@container {cond} {{ #prerender .{class}.pre-light {{ display: block; }} }}\n\
             @media (prefers-color-scheme: dark) {{ @container {cond} {{ #prerender .{class}.pre-dark {{ display: block; }} }} }}\n\
             #prerender .{class} svg, #prerender img.{class} {{ height: {h}px; }}\n"
        ));
        // What the drawing's marks say: the enhancer's tooltips and keys over it (the first
        // card's in the page, so that it answers without another request).
        let marks = m.marks(w);
        audible |= crate::charts::kit::sound::audible(&marks);
        let said = pointing::marks_text(&marks, |mk| pointing::source_named(ds, mk));
        // The files: the default view's by chart and width; another view's by what they
        // hold, written only if no view has written them yet.
        let hash = fnv(&[svg.as_bytes(), said.as_bytes()]);
        let base = match (drawn.seen.get(&hash), tag) {
            (Some(base), _) => base.clone(),
            (None, None) => format!("{key}-{w}"),
            (None, Some(_)) => format!("{}/{key}-{w}-{hash:016x}", views::VIEWS),
        };
        // Where the marks are not named by chart and width, the drawing names them.
        let marks_src = if base == format!("{key}-{w}") {
            String::new()
        } else {
            format!(" data-marks-src=\"{DRAWINGS}/{base}.marks\"")
        };
        // Paper shows the light drawing made at the paper width, whatever the screen's
        // (public/view-gate.js fetches it when the page is idle, and at the browser's print):
        // this range's if it is drawn at that width, else a drawing of paper's own (below),
        // so the static page prints what the app prints.
        let print = if v.holds(paper_w) && w == paper_w {
            paper_drawn = true;
            " pre-print"
        } else {
            ""
        };
        let img = |tone: &str, file: &str| {
            let print = if tone == "light" { print } else { "" };
            format!(
                "<img class=\"pre-v pre-{tone} {class}{print}\" src=\"{DRAWINGS}/{file}\" alt=\"\" width=\"{w}\" height=\"{h}\" decoding=\"async\" loading=\"lazy\"{marks_src}>"
            )
        };
        if inline {
            picture.push_str(&format!(
                "<div class=\"chart-card__svg pre-v pre-light {class}{print}\" aria-hidden=\"true\" data-marks=\"{}\">{svg}</div>",
                esc(&said)
            ));
        } else {
            picture.push_str(&img("light", &format!("{base}.svg")));
        }
        picture.push_str(&img("dark", &format!("{base}-dark.svg")));
        // Listed all the same (inline or not), once: `drawings` is every drawing written.
        if let std::collections::hash_map::Entry::Vacant(e) = drawn.seen.entry(hash) {
            e.insert(base.clone());
            let dark = recolour(&svg, Theme::Dark);
            drawn.drawings.push((format!("{base}.svg"), svg));
            drawn.drawings.push((format!("{base}-dark.svg"), dark));
            drawn.marks.push((format!("{base}.marks"), said));
        }
    }
    if !failed && !paper_drawn {
        if let Ok(svg) = m.svg(paper_w) {
            let h = m.size(paper_w).1;
            picture.push_str(&paper_drawing(key, tag, &svg, (paper_w, h), drawn));
        }
    }
    let notes = crate::markup::note_items(&m.notes());
    let tables: String = m
        .tables(ds)
        .into_iter()
        .map(|t| {
            let total = t.rows.len();
            crate::markup::table(&readable_sources(t, ds), total, None)
        })
        .collect();
    // The page itself has its tables inside `<noscript>` (shown without JavaScript, read by
    // the enhancer at the Table tab); a view file, in a template in the Table tab's panel.
    let (noscript, in_panel) = if writing.tables {
        (
            format!(
                "<noscript><details class=\"prerender__table\"><summary>The figures as a table</summary>{tables}</details></noscript>"
            ),
            String::new(),
        )
    } else {
        (
            String::new(),
            format!("<template class=\"pre-tables\">{tables}</template>"),
        )
    };
    // The Sources tab's panel, as the app's: the notes, then each source the chart used, in
    // full. Both are on the page already (the chart's notes, the list of sources at its foot),
    // so the panel names them and the enhancer copies them in when it is first shown.
    let used: String = m
        .sources()
        .iter()
        .filter(|s| ds.source(s).is_some())
        .map(|s| format!("<li data-source=\"{}\"></li>", esc(s)))
        .collect();
    let panels = format!(
        "<div class=\"chart-card__panel\" id=\"{table_panel}\" hidden>{in_panel}</div>\
         <div class=\"chart-card__panel\" id=\"{sources_panel}\" hidden>\
         <h3 class=\"chart-card__subhead\">Notes</h3><ul class=\"chart-card__notes\"></ul>\
         <h3 class=\"chart-card__subhead\">Sources</h3><ol class=\"sources__list\">{used}</ol></div>",
        table_panel = Of::Static.panel(key, "table"),
        sources_panel = Of::Static.panel(key, "sources"),
    );
    format!(
        "<section class=\"chart-card{paper}\" id=\"{card_id}\"><div class=\"chart-card__main\">\
         {head}{bar}\
         <div class=\"chart-card__panel\" id=\"{chart_panel}\">\
         <div class=\"chart-card__frame\"><div class=\"chart-card__figure\" role=\"img\" aria-labelledby=\"{title_id}\" aria-describedby=\"{summary_id}\">{picture}</div></div>\
         <p class=\"chart-card__hint prerender__js\" id=\"{keys_id}\" aria-hidden=\"true\">{hint}</p>\
         <ul class=\"chart-card__notes\">{notes}</ul></div></div>{panels}\
         {foot}\
         {noscript}{after}</section>",
        after = after(at, m.title(), audible),
        paper = crate::page::paper_class(paper_w),
        head = crate::markup::card_head(
            at,
            m.title(),
            m.finding().as_deref(),
            Some(id.explainer()),
            false
        ),
        foot = crate::markup::card_foot(
            at,
            &m.summary().join(" "),
            Some((
                &crate::charts::source_line(m, ds),
                &crate::charts::source_brief(m, ds)
            ))
        ),
        bar = bar(ds, id, m, at),
        hint = esc(crate::page::KEYS_HINT),
        card_id = Of::Static.id(key),
        chart_panel = Of::Static.panel(key, "chart"),
        title_id = Of::Static.part(key, Part::Title),
        summary_id = Of::Static.part(key, Part::Summary),
        keys_id = Of::Static.part(key, Part::Keys),
    )
}

/// FNV-1a over some byte strings: a drawing's name by what it holds (the same in every build).
fn fnv(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        h = (h ^ 0xff).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Paper's own drawing of a chart whose screen drawings are none of them made at its paper
/// width (`page::paper_widths`): light, shown only in print, fetched at idle like any `.pre-print`
/// (public/view-gate.js). The default view's is named by chart; another view's by what it holds.
fn paper_drawing(
    key: &str,
    tag: Option<&str>,
    svg: &str,
    (w, h): (u32, u32),
    drawn: &mut Drawn,
) -> String {
    let hash = fnv(&[svg.as_bytes()]);
    let base = match (drawn.seen.get(&hash), tag) {
        (Some(base), _) => base.clone(),
        (None, None) => format!("{key}-paper"),
        (None, Some(_)) => format!("{}/{key}-paper-{hash:016x}", views::VIEWS),
    };
    if let std::collections::hash_map::Entry::Vacant(e) = drawn.seen.entry(hash) {
        e.insert(base.clone());
        drawn.paper.push((format!("{base}.svg"), svg.to_string()));
    }
    format!(
        "<img class=\"pre-v pre-paper pre-print\" src=\"{DRAWINGS}/{base}.svg\" alt=\"\" width=\"{w}\" height=\"{h}\" decoding=\"async\" loading=\"lazy\">"
    )
}
