//! Whether a card is on or near the screen: a change of view redraws those cards at once and
//! the others when they come within a screen's height of view, so a change costs the drawings
//! a reader can see, not all of them. Until the browser has said (and where it cannot), a card
//! counts as near.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How far beyond the screen a card counts as near: one screen's height above and below.
const MARGIN: &str = "100% 0px 100% 0px";

/// A signal that follows whether the element is within [`MARGIN`] of the screen.
pub fn near(node: NodeRef<Div>) -> RwSignal<bool> {
    let near = RwSignal::new(true);
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Some(entry) = entries
                .iter()
                .last()
                .and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
            else {
                return;
            };
            let now = entry.is_intersecting();
            if now != near.get_untracked() {
                near.set(now);
            }
        });
        let init = web_sys::IntersectionObserverInit::new();
        init.set_root_margin(MARGIN);
        if let Ok(observer) = web_sys::IntersectionObserver::new_with_options(
            on_change.as_ref().unchecked_ref(),
            &init,
        ) {
            observer.observe(&el);
            let held = send_wrapper::SendWrapper::new((observer, on_change));
            on_cleanup(move || held.take().0.disconnect());
        }
    });
    near
}
