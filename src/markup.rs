//! The markup the static page (`prerender/`) and the app (`app/`) share, written once: a
//! card's head and foot, tables, notes and sources (and the printed brief's notes, `brief::BriefNotes::html`). The app
//! puts these strings in place as they are, so what a reader meets is the same on both.

use crate::format::html_attr as esc;
use crate::page::{table_cut, TABLE_ROWS_SHOWN};
use crate::table::DataTable;

/// Where a card's markup goes: its ids (`crate::ids`: the app's, or the static page's). The
/// tests' hooks (`data-testid`) are written in the app's alone, so that a test never meets two
/// of one hook while both are in the page; the static page's controls name their app twins.
#[derive(Debug, Clone, Copy)]
pub struct CardAt<'a> {
    /// The static page's or the app's.
    pub of: crate::ids::Of,
    /// The chart's id.
    pub chart: &'a str,
}

impl CardAt<'_> {
    /// On the static page, the app's element a control stands for (`data-twin`, a selector
    /// the enhancer replays on once the app has come); nothing in the app.
    pub fn twin(&self, selector: &str) -> String {
        match self.of {
            crate::ids::Of::Static => format!(" data-twin=\"{}\"", esc(selector)),
            crate::ids::Of::App => String::new(),
        }
    }

    fn hook(&self, name: &str) -> String {
        if self.of == crate::ids::Of::App {
            format!(" data-testid=\"{name}\"")
        } else {
            String::new()
        }
    }
}

/// The head of a card: its finding as its heading (what the chart shows, in words, as the FT
/// and ONS title a chart), then its title, which says what is drawn and names the drawing, and
/// what the chart measures (`explainer`, left out in an embed). With no finding (no figures to
/// say one from), the title is the heading. `title_hidden` keeps the head for screen readers
/// only (an embed without its title).
pub fn card_head(
    at: CardAt,
    title: &str,
    finding: Option<&str>,
    explainer: Option<&str>,
    title_hidden: bool,
) -> String {
    let hidden = if title_hidden { " visually-hidden" } else { "" };
    let title_id = at.of.part(at.chart, crate::ids::Part::Title);
    let head = match finding {
        Some(f) => format!(
            "<h2 class=\"chart-card__finding{hidden}\"{}>{}</h2><p class=\"chart-card__title{hidden}\" id=\"{title_id}\">{}</p>",
            at.hook("finding"),
            esc(f),
            esc(title)
        ),
        None => format!(
            "<h2 class=\"chart-card__title{hidden}\" id=\"{title_id}\">{}</h2>",
            esc(title)
        ),
    };
    format!(
        "{head}{}",
        explainer
            .map(|e| format!("<p class=\"chart-card__explainer\">{}</p>", esc(e)))
            .unwrap_or_default(),
    )
}

/// The foot of a card: its summary (which describes the drawing) and its source line (left
/// out of an embed that asks for none), given in full and by publisher alone: the page shows
/// the full line; an embed and the printed brief the short one (their full sources are in the
/// Sources tab and at the brief's end).
pub fn card_foot(at: CardAt, summary: &str, source: Option<(&str, &str)>) -> String {
    format!(
        "<p class=\"chart-card__summary\" id=\"{}\"{}>{}</p>{}",
        at.of.part(at.chart, crate::ids::Part::Summary),
        at.hook("summary"),
        esc(summary),
        source
            .map(|(full, brief)| format!(
                "<p class=\"chart-card__source\"{}><span class=\"source-line__full\">{}</span>\
                 <span class=\"source-line__brief\">{}</span></p>",
                at.hook("source-line"),
                esc(full),
                esc(brief)
            ))
            .unwrap_or_default(),
    )
}

/// One source in full, as the page lists it at its foot and a card's Sources tab does: title,
/// publisher and date, what was taken from it, and its address; its id in `data-source` (by
/// which the static card's Sources tab copies it), and, where `anchor`, the `source-<id>` the
/// source lines link to (the app's list only: the static list is gone when the app is in).
pub fn source_entry(s: &crate::model::Source, anchor: bool) -> String {
    let url = s
        .url
        .as_ref()
        .map(|u| format!(" <span class=\"sources__url\">{}</span>", esc(u)))
        .unwrap_or_default();
    let id = if anchor {
        format!(" id=\"source-{}\"", esc(&s.id))
    } else {
        String::new()
    };
    format!(
        "<li data-source=\"{}\"{id}><strong>{}</strong>. {}<span class=\"sources__citation\">{}</span>{url}</li>",
        esc(&s.id),
        esc(&s.title),
        esc(&s.publisher_and_when()),
        esc(&s.citation)
    )
}

/// The page's foot: the attribution caveats' items and every source's entry (`anchor`: see
/// [`source_entry`]).
pub fn caveats_and_sources(ds: &crate::dataset::Dataset, anchor: bool) -> (String, String) {
    let caveats: Vec<String> = crate::provenance::attribution_statements(ds)
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    let sources = ds
        .raw()
        .sources
        .iter()
        .map(|s| source_entry(s, anchor))
        .collect();
    (note_items(&caveats), sources)
}

/// A chart's notes as the items of its list.
pub fn note_items(notes: &[String]) -> String {
    notes
        .iter()
        .map(|n| format!("<li>{}</li>", esc(n)))
        .collect()
}

/// A table as the Table tab shows it, its first [`TABLE_ROWS_SHOWN`] rows of `total` (the CSV
/// has them all, as the line under a cut table says); the first cell of each row heads it. The
/// box scrolls by keyboard and is not a named region (its caption names the table: a region
/// would say the chart's title once more). `testid` marks the table for the tests.
pub fn table(t: &DataTable, total: usize, testid: Option<&str>) -> String {
    let head: String = t
        .columns
        .iter()
        .map(|c| {
            let class = if c.numeric { " class=\"num\"" } else { "" };
            format!("<th scope=\"col\"{class}>{}</th>", esc(&c.name))
        })
        .collect();
    let rows: String = t
        .rows
        .iter()
        .take(TABLE_ROWS_SHOWN)
        .map(|r| {
            let cells: String = r
                .iter()
                .zip(&t.columns)
                .enumerate()
                .map(|(i, (c, col))| {
                    let tag = if i == 0 { "th scope=\"row\"" } else { "td" };
                    let end = if i == 0 { "th" } else { "td" };
                    let class = if col.numeric { " class=\"num\"" } else { "" };
                    format!("<{tag}{class}>{}</{end}>", esc(&c.text))
                })
                .collect();
            format!("<tr>{cells}</tr>")
        })
        .collect();
    format!(
        "<div class=\"data-table__scroll\" tabindex=\"0\">\
         <table class=\"data-table\"{id}><caption>{cap}</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>{cut}",
        id = testid
            .map(|t| format!(" data-testid=\"{}\"", esc(t)))
            .unwrap_or_default(),
        cap = esc(&t.caption),
        cut = table_cut(total)
            .map(|c| format!("<p class=\"data-table__cut\" data-testid=\"table-cut\">{}</p>", esc(&c)))
            .unwrap_or_default()
    )
}

/// A card's legend: a button per series that hides or shows it (`data-series`), its swatch
/// in the series' colour (`page::swatch_class`). The static page's name the app's in
/// `data-twin` (the enhancer replays them there).
pub fn legend_items(
    at: CardAt,
    chart: crate::charts::ChartId,
    entries: &[crate::provenance::LegendEntry],
    region: Option<&str>,
    focus: Option<&str>,
) -> String {
    entries
        .iter()
        .enumerate()
        .map(|(nth, e)| {
            let twin = at.twin(&format!(
                "#{} .legend__item[data-series=\"{}\"]",
                at.chart,
                e.id.replace(['"', '\\'], "")
            ));
            format!(
                "<button type=\"button\" class=\"legend__item\" aria-pressed=\"{}\" data-series=\"{}\"{twin}><span class=\"{}\" aria-hidden=\"true\"></span>{}</button>",
                e.shown,
                esc(&e.id),
                crate::page::swatch_class(chart, &e.id, region, nth, focus),
                esc(&e.label)
            )
        })
        .collect()
}

/// A card's tabs (Chart, Table, Sources), `selected` chosen: each controls its panel
/// (`ids.rs`), the one chosen alone in the Tab order.
pub fn tab_buttons(at: CardAt, selected: crate::address::Tab) -> String {
    crate::address::Tab::ALL
        .iter()
        .map(|t| {
            let chosen = *t == selected;
            let twin = at.twin(&format!("#{}", crate::ids::Of::App.tab(at.chart, t.id())));
            format!(
                "<button type=\"button\" role=\"tab\" class=\"tabs__tab\" id=\"{}\" aria-controls=\"{}\" aria-selected=\"{chosen}\" tabindex=\"{}\"{}{twin}>{}</button>",
                at.of.tab(at.chart, t.id()),
                at.of.panel(at.chart, t.id()),
                if chosen { 0 } else { -1 },
                at.hook(&format!("tab-{}", t.id())),
                t.label()
            )
        })
        .collect()
}

/// The menu of the series a chart brings forward (`Chart::focus`): the others are muted, so
/// that a reader who cannot tell their colours apart follows the one chosen. The static
/// page's names the app's in `data-twin`.
pub fn focus_menu(at: CardAt, focus: &crate::charts::Focus) -> String {
    let id = at.of.part(at.chart, crate::ids::Part::Focus);
    let twin = at.twin(&format!(
        "#{}",
        crate::ids::Of::App.part(at.chart, crate::ids::Part::Focus)
    ));
    let options: String = focus
        .options
        .iter()
        .map(|(series, name)| {
            let chosen = if *series == focus.chosen {
                " selected"
            } else {
                ""
            };
            format!(
                "<option value=\"{}\"{chosen}>{}</option>",
                esc(series),
                esc(name)
            )
        })
        .collect();
    format!(
        "<div class=\"focus-menu\"><label for=\"{id}\">In colour</label><select id=\"{id}\"{}{twin}>{options}</select></div>",
        at.hook("focus-menu")
    )
}

/// The kinds of download a card offers, as (kind, label).
pub const DOWNLOADS: [(&str, &str); 3] = [("png", "PNG"), ("svg", "SVG"), ("csv", "CSV")];

/// A card's download buttons (`data-download` says which), each named with the chart's
/// `title`, after the group's label.
pub fn download_buttons(at: CardAt, title: &str) -> String {
    let buttons: String = DOWNLOADS
        .iter()
        .map(|(kind, label)| {
            let twin = at.twin(&format!("#{} [data-testid=download-{kind}]", at.chart));
            format!(
                "<button type=\"button\" data-download=\"{kind}\"{}{twin} aria-label=\"Download {} as {label}\">{label}</button>",
                at.hook(&format!("download-{kind}")),
                esc(title)
            )
        })
        .collect();
    format!("<span class=\"downloads__label\">Download</span>{buttons}")
}

/// A card's controls to hear its chart (`charts::kit::sound`): play the chosen series (or the
/// first), every series, stop; the speed and volume; and the live region that says what
/// plays; the group is named as the downloads' is, without the chart's title, which its
/// heading and drawing already say. Live on the static page too (the enhancer plays it; `enhance/sound.rs`), so only
/// hidden where no script runs.
pub fn listen_controls(at: CardAt) -> String {
    let hidden = if at.of == crate::ids::Of::Static {
        " prerender__js"
    } else {
        ""
    };
    format!(
        "<div class=\"listen{hidden}\" role=\"group\" aria-label=\"Hear the chart\"{hook}>\
         <span class=\"listen__label\" aria-hidden=\"true\">Hear</span>\
         <button type=\"button\" data-listen=\"series\" aria-keyshortcuts=\"P\">Play</button>\
         <button type=\"button\" data-listen=\"all\" aria-keyshortcuts=\"A\">Play all</button>\
         <button type=\"button\" data-listen=\"stop\" aria-keyshortcuts=\"Escape\">Stop</button>\
         <label class=\"listen__setting\">Speed <select data-listen=\"speed\">\
         <option value=\"0.5\">Slow</option><option value=\"1\" selected>Normal</option><option value=\"2\">Fast</option>\
         </select></label>\
         <label class=\"listen__setting\">Volume <input type=\"range\" data-listen=\"volume\" min=\"0\" max=\"100\" value=\"60\"></label>\
         <span class=\"listen__said visually-hidden\" role=\"status\"></span></div>",
        hook = at.hook("listen"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{col, TableCell};

    #[test]
    fn a_table_is_text_never_markup_and_says_where_it_is_cut() {
        let t = DataTable {
            caption: "Schools <b>".into(),
            columns: vec![col("School", false), col("Score", true)],
            rows: (0..TABLE_ROWS_SHOWN + 2)
                .map(|i| {
                    vec![
                        TableCell::text(format!("S&{i}")),
                        TableCell::number("1.0".into(), 1.0),
                    ]
                })
                .collect(),
        };
        let html = table(&t, t.rows.len(), Some("table-x"));
        assert!(html.contains("<caption>Schools &lt;b&gt;</caption>"));
        assert!(html.contains("<th scope=\"row\">S&amp;0</th><td class=\"num\">1.0</td>"));
        assert_eq!(
            html.matches("<tr>").count(),
            TABLE_ROWS_SHOWN + 1,
            "the head and the rows shown"
        );
        assert!(html.contains("data-testid=\"table-x\""));
        assert!(html.contains("data-table__cut"));
        assert!(html.contains(&format!("of {} rows", TABLE_ROWS_SHOWN + 2)));
        // Cut before it came here (only the rows shown were made), it says the whole count.
        let (shown, total) = crate::table::cut(t, TABLE_ROWS_SHOWN);
        assert_eq!(table(&shown, total, Some("table-x")), html);
        assert_eq!(note_items(&["a < b".into()]), "<li>a &lt; b</li>");
    }

    #[test]
    fn the_static_controls_name_their_app_twins_and_only_the_app_has_hooks() {
        use crate::address::Tab;
        use crate::ids::Of;
        let chart = crate::charts::ofsted::ID;
        let at = |of| CardAt {
            of,
            chart: chart.id(),
        };
        let entries = [crate::provenance::LegendEntry {
            id: "a\"<b".into(),
            label: "A & B".into(),
            shown: false,
        }];
        let app = legend_items(at(Of::App), chart, &entries, None, None);
        assert!(app.contains("aria-pressed=\"false\" data-series=\"a&quot;&lt;b\""));
        assert!(app.contains(">A &amp; B</button>") && !app.contains("data-twin"));
        let pre = legend_items(at(Of::Static), chart, &entries, None, None);
        assert!(pre.contains("data-twin=\"#ofsted .legend__item[data-series=&quot;a&lt;b&quot;]\""));
        let tabs = tab_buttons(at(Of::App), Tab::Table);
        assert_eq!(tabs.matches("aria-selected=\"true\"").count(), 1);
        assert!(tabs.contains("id=\"ofsted-tab-table\" aria-controls=\"ofsted-panel-table\" aria-selected=\"true\" tabindex=\"0\" data-testid=\"tab-table\""));
        let pre = tab_buttons(at(Of::Static), Tab::Chart);
        assert!(
            pre.contains("id=\"pre-ofsted-tab-chart\"")
                && pre.contains("data-twin=\"#ofsted-tab-chart\"")
        );
        assert!(!pre.contains("data-testid"));
        let dl = download_buttons(at(Of::Static), "Ofsted <x>");
        assert!(dl.contains("aria-label=\"Download Ofsted &lt;x&gt; as CSV\""));
        assert!(dl.contains("data-twin=\"#ofsted [data-testid=download-png]\""));
    }
}
