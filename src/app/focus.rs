//! Where the keyboard's focus goes when the page redraws under it: one place for the cards,
//! the data loader and the presenter.

use wasm_bindgen::JsCast;

/// Moves keyboard focus to the element with this id, if it exists.
pub(crate) fn focus_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Whether the keyboard's focus was lost to the page's body (its element replaced by a
/// redraw), so that it may be put back.
pub(crate) fn focus_lost() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| {
            d.active_element()
                .is_none_or(|a| d.body().is_some_and(|b| b.is_same_node(Some(&a))))
        })
}
