//! The static cards' tabs, with no app: Chart, Table and Sources as the app's (the same
//! panels, ARIA and keys). The Table panel is filled when first shown, from the card's
//! `<noscript>` tables (the page) or its template (a view file: `prerender/card.rs`); the
//! address says which tabs are open, as the app writes it (`tab=<chart>:<tab>,…`), so the
//! app starts at them once a reader goes further.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

use super::Shared;
use crate::ids::Of;

/// The tabs in their order (`view::Tab::ALL`'s ids).
const TABS: [&str; 3] = ["chart", "table", "sources"];

/// The chart and tab a static tab stands for, from its twin (`#<chart>-tab-<tab>`).
fn tab_of(el: &Element) -> Option<(String, String)> {
    if el.get_attribute("role").as_deref() != Some("tab") {
        return None;
    }
    let twin = el.get_attribute("data-twin")?;
    let (chart, tab) = twin.strip_prefix('#')?.rsplit_once("-tab-")?;
    Some((chart.to_string(), tab.to_string()))
}

/// A card's tabs and panels named as the app's are, each tab controlling its panel.
pub(super) fn wire(section: &Element) {
    let Ok(tabs) = section.query_selector_all(".tabs [role=tab]") else {
        return;
    };
    for i in 0..tabs.length() {
        let Some(tab) = tabs.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let Some((chart, which)) = tab_of(&tab) else {
            continue;
        };
        let _ = tab.set_attribute("id", &Of::Static.tab(&chart, &which));
        let panel = Of::Static.panel(&chart, &which);
        let _ = tab.set_attribute("aria-controls", &panel);
        if let Ok(Some(panel)) = section.query_selector(&format!("#{panel}")) {
            let _ = panel.set_attribute("role", "tabpanel");
            let _ = panel.set_attribute("aria-labelledby", &Of::Static.tab(&chart, &which));
        }
    }
}

/// Shows tab `which` of chart `chart`'s static card.
fn show(doc: &Document, chart: &str, which: &str) {
    let Some(section) = doc.get_element_by_id(&Of::Static.id(chart)) else {
        return;
    };
    for tab in TABS {
        let shown = tab == which;
        if let Ok(Some(button)) =
            section.query_selector(&format!("#{}", Of::Static.tab(chart, tab)))
        {
            let _ = button.set_attribute("aria-selected", &shown.to_string());
            let _ = button.set_attribute("tabindex", if shown { "0" } else { "-1" });
        }
        if let Some(panel) = doc.get_element_by_id(&Of::Static.panel(chart, tab)) {
            let _ = if shown {
                panel.remove_attribute("hidden")
            } else {
                panel.set_attribute("hidden", "")
            };
            if shown && tab == "table" {
                fill(doc, &section, &panel);
            }
            if shown && tab == "sources" {
                cite(doc, &section, &panel);
            }
        }
    }
}

/// The Table panel's tables, once: from its template (a view file) or the card's
/// `<noscript>` (the page, where scripting leaves its content as text).
fn fill(doc: &Document, section: &Element, panel: &Element) {
    if panel
        .query_selector(".data-table__scroll")
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    let html = match panel.query_selector("template.pre-tables").ok().flatten() {
        Some(t) => t.inner_html(),
        None => section
            .query_selector("noscript")
            .ok()
            .flatten()
            .and_then(|n| n.text_content())
            .unwrap_or_default(),
    };
    let Some(Ok(parts)) = super::parsed(doc, &html)
        .map(|f| f.query_selector_all(".data-table__scroll, .data-table__cut"))
    else {
        return;
    };
    for i in 0..parts.length() {
        if let Some(part) = parts.item(i) {
            let _ = panel.append_child(&part);
        }
    }
}

/// The Sources panel's notes and sources, once: the notes under the card's drawing, and each
/// source it names as the page's list at its foot has it.
fn cite(doc: &Document, section: &Element, panel: &Element) {
    if let (Ok(Some(to)), Ok(Some(from))) = (
        panel.query_selector(".chart-card__notes"),
        section.query_selector("[id$=\"-panel-chart\"] .chart-card__notes"),
    ) {
        if to.child_element_count() == 0 {
            to.set_inner_html(&from.inner_html());
        }
    }
    let (Ok(wanted), Ok(listed)) = (
        panel.query_selector_all("li[data-source]"),
        doc.query_selector_all("#prerender .sources .sources__list li[data-source]"),
    ) else {
        return;
    };
    let listed: Vec<Element> = (0..listed.length())
        .filter_map(|i| listed.item(i)?.dyn_into::<Element>().ok())
        .collect();
    for i in 0..wanted.length() {
        let Some(li) = wanted.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if li.child_element_count() > 0 {
            continue;
        }
        let id = li.get_attribute("data-source");
        if let Some(full) = listed.iter().find(|e| e.get_attribute("data-source") == id) {
            li.set_inner_html(&full.inner_html());
        }
    }
}

/// A static tab was clicked: whether it is shown here (else the app is asked for).
pub(super) fn clicked(state: &Shared, el: &Element) -> bool {
    if state.borrow().asked {
        return false;
    }
    let Some((chart, which)) = tab_of(el) else {
        return false;
    };
    choose(state, &chart, &which);
    true
}

/// Tab `which` of `chart` chosen: shown, and written in the address.
fn choose(state: &Shared, chart: &str, which: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    show(&doc, chart, which);
    {
        let mut s = state.borrow_mut();
        s.tabs.retain(|(c, _)| c != chart);
        if which != "chart" {
            s.tabs.push((chart.to_string(), which.to_string()));
        }
    }
    let tabs = state.borrow().tabs.clone();
    if let Some(window) = web_sys::window() {
        let query = window
            .location()
            .search()
            .ok()
            .map(|s| crate::address::view_query(&s))
            .unwrap_or_default();
        if let Ok(history) = window.history() {
            let url = address(&query, &tabs);
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
}

/// Arrow keys, Home and End on a static tab, as on the app's: the tab they reach is chosen
/// and focused. Whether the key was one of them.
pub(super) fn key(state: &Shared, el: &Element, key: &str) -> bool {
    if state.borrow().asked {
        return false;
    }
    let Some((chart, which)) = tab_of(el) else {
        return false;
    };
    let at = TABS.iter().position(|t| *t == which).unwrap_or(0);
    let next = match key {
        "ArrowRight" => (at + 1) % TABS.len(),
        "ArrowLeft" => (at + TABS.len() - 1) % TABS.len(),
        "Home" => 0,
        "End" => TABS.len() - 1,
        _ => return false,
    };
    choose(state, &chart, TABS[next]);
    if let Some(button) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&Of::Static.tab(&chart, TABS[next])))
        .and_then(|b| b.dyn_into::<HtmlElement>().ok())
    {
        let _ = button.focus();
    }
    true
}

/// The tabs chosen so far shown again (another view's cards have come, with their charts
/// shown).
pub(super) fn apply(state: &Shared, doc: &Document) {
    let tabs = state.borrow().tabs.clone();
    for (chart, which) in tabs {
        show(doc, &chart, &which);
    }
}

/// The tabs an address names (`tab=<chart>:<tab>,…`), read as the app reads them.
pub(super) fn from_address(search: &str) -> Vec<(String, String)> {
    crate::address::tabs_in(search)
        .into_iter()
        .map(|(c, t)| (c.id().to_string(), t.id().to_string()))
        .collect()
}

/// The page's address for view `query` (`?cohort=…`, or empty) with `tabs` open, as the app
/// writes it (`crate::address`); the tests' `nosw` kept.
pub(super) fn address(query: &str, tabs: &[(String, String)]) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let search = location.search().unwrap_or_default();
    let tabs: Vec<_> = tabs
        .iter()
        .filter_map(|(c, t)| {
            Some((
                crate::charts::ChartId::from_id(c)?,
                crate::address::Tab::from_id(t)?,
            ))
        })
        .collect();
    crate::address::address(
        &location.pathname().unwrap_or_default(),
        query,
        &tabs,
        crate::address::keeps_no_service_worker(&search),
    )
}
