//! The static page's menus and controls as the page shows them: which view each menu shows,
//! the note that says what is changing while a view or the app comes, the choices the app is
//! to be given, and the static controls made live.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlSelectElement};

use super::{element, Shared};

/// What a reader did to a static control, to be done again on the app's.
pub(super) enum Pending {
    Click(String),
    Choose(String, i32),
    /// Files chosen (or dropped) for "Load your data".
    Files(String, web_sys::FileList),
}

/// The option of `menu` whose view is shown: the one marked `selected` (a swap marks it),
/// else the first.
pub(super) fn shown_option(menu: &HtmlSelectElement) -> u32 {
    let options = menu.options();
    (0..options.length())
        .find(|&i| options.item(i).is_some_and(|o| o.has_attribute("selected")))
        .unwrap_or(0)
}

/// The static page's menus (each a view one choice away): not a card's own menu.
pub(super) const MENUS: &str = "#prerender .controls select[data-twin]";

/// The static page's menus, in order.
pub(super) fn menus(doc: &Document) -> Vec<HtmlSelectElement> {
    let Ok(list) = doc.query_selector_all(MENUS) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlSelectElement>().ok())
        .collect()
}

/// Every menu chosen away from the view shown (a view still coming, or none) is chosen again
/// on the app's once it has come.
pub(super) fn pend_menus(state: &Shared) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for menu in menus(&doc) {
        let shown = i32::try_from(shown_option(&menu)).unwrap_or(0);
        if let (Some(twin), true) = (
            menu.get_attribute("data-twin"),
            menu.selected_index() != shown,
        ) {
            let mut st = state.borrow_mut();
            st.pending
                .retain(|p| !matches!(p, Pending::Choose(t, _) if *t == twin));
            st.pending
                .push(Pending::Choose(twin, menu.selected_index()));
        }
    }
}

/// The old view says plainly that it is changing: while its view or the app comes, every menu chosen
/// away from the view shown is named beside the view still shown, just under the menus, and
/// the cards are dimmed and busy. (The menus never stand over the old charts unsaid.)
pub(super) fn say_changing() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let text = |el: Option<Element>| el.and_then(|e| e.text_content());
    let (mut chosen, mut shown) = (Vec::new(), Vec::new());
    for menu in menus(&doc) {
        let options = menu.options();
        let now = u32::try_from(menu.selected_index())
            .ok()
            .and_then(|k| options.item(k));
        let was = options.item(shown_option(&menu));
        if let (Some(now), Some(was)) = (text(now), text(was)) {
            if now != was {
                chosen.push(now);
                shown.push(was);
            }
        }
    }
    // The answer's sentences on the schools and the cards are the old view's.
    let stale: Vec<Element> = ["#prerender .answer", "#prerender .charts"]
        .iter()
        .filter_map(|s| doc.query_selector(s).ok().flatten())
        .collect();
    let mut note = doc.query_selector(".prerender__changing").ok().flatten();
    if chosen.is_empty() {
        if let Some(n) = note {
            n.remove();
        }
        for el in &stale {
            let _ = el.remove_attribute("aria-busy");
            let _ = el.class_list().remove_1("prerender--changing");
        }
        return;
    }
    if note.is_none() {
        note = element(&doc, "p", "prerender__changing", &[("role", "status")]);
        if let (Some(n), Ok(Some(controls))) = (&note, doc.query_selector("#prerender .controls")) {
            let _ = controls.after_with_node_1(n);
        }
    }
    if let Some(n) = note {
        n.set_text_content(Some(&format!(
            "Changing the view to {}. Until it is ready, the answer and the charts still show {}.",
            crate::format::join_words(&chosen),
            crate::format::join_words(&shown)
        )));
    }
    for el in &stale {
        let _ = el.set_attribute("aria-busy", "true");
        let _ = el.class_list().add_1("prerender--changing");
    }
}

/// The static copies of the controls under `root` become live (the enhancer has come).
pub(super) fn live(root: &Element) {
    let Ok(list) = root.query_selector_all(".prerender__js[inert]") else {
        return;
    };
    for i in 0..list.length() {
        if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            let _ = el.remove_attribute("inert");
            let _ = el.remove_attribute("aria-hidden");
        }
    }
}
