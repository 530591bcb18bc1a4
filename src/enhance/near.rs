//! After a view is swapped in, its cards take their marks as each comes near the screen
//! (within a screen's height), not one a task at once. Finding the drawing a card far below
//! shows lays out what the browser skips there (`content-visibility: auto`): several ms a
//! card, in the tasks right after the swap's paint, in the way of the reader's next input. A
//! card pointed at, keyed or heard before it came near takes its marks then (`load_marks` with
//! what to do next), as at start.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry};

use super::{load_marks, Shared};

/// How far beyond the screen a card counts as near: a screen's height above and below, as
/// the app's cards (src/app/near.rs).
const MARGIN: &str = "100% 0px 100% 0px";

/// Watches the cards of one view; stops watching when dropped (the next swap).
pub(super) struct Near {
    observer: IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array, IntersectionObserver)>,
}

impl Drop for Near {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Loads each card's marks of `sections` as it comes near; `None` where the browser cannot
/// watch (the caller then loads them one a task).
pub(super) fn watch(state: &Shared, sections: &[Element]) -> Option<Near> {
    let held = state.clone();
    let callback = Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: IntersectionObserver| {
            for entry in entries.iter() {
                let Ok(entry) = entry.dyn_into::<IntersectionObserverEntry>() else {
                    continue;
                };
                if !entry.is_intersecting() {
                    continue;
                }
                let target = entry.target();
                observer.unobserve(&target);
                let id = target.id();
                let k = held
                    .borrow()
                    .cards
                    .iter()
                    .position(|c| id.strip_prefix("pre-") == Some(c.id.as_str()));
                if let Some(k) = k {
                    load_marks(&held, k, None);
                }
            }
        },
    );
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin(MARGIN);
    let observer =
        IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init).ok()?;
    for section in sections {
        observer.observe(section);
    }
    Some(Near {
        observer,
        _callback: callback,
    })
}
