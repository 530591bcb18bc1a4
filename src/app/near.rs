//! Whether a card is on or near the screen: a change of view redraws those cards at once and
//! the others when the browser is idle or when they come within a screen's height of view,
//! whichever is first, so a change costs the frame only the drawings a reader can see. Until
//! the browser has said (and where it cannot), a card counts as near.

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

/// Runs `f` when the browser is next idle (within a second at most), or after a short pause
/// where it has no idle callbacks (Safari).
pub fn when_idle(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let has_idle = js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
    let callback = Closure::once_into_js(f);
    if has_idle {
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(1000);
        if window
            .request_idle_callback_with_options(callback.unchecked_ref(), &options)
            .is_ok()
        {
            return;
        }
    }
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 50);
}
