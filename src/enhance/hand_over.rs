//! Handing over to the app: asked for once (by a control that needs it, or a view that did
//! not come), with the menus' choices to be made on its own menus, said while it comes.

use web_sys::Event;

use super::menus::{pend_menus, say_changing};
use super::{element, Shared, START_APP};

/// A prerendered view did not come: the app is asked for, and given the menus' choices.
pub(super) fn fall_back(state: &Shared) {
    pend_menus(state);
    say_changing();
    ask_for_app(state);
}

/// Asks the start-up script for the app (once), and says so while it comes.
pub(super) fn ask_for_app(state: &Shared) {
    if std::mem::replace(&mut state.borrow_mut().asked, true) {
        return;
    }
    // A view chosen and still coming is the app's to show now.
    pend_menus(state);
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = doc.document_element() {
        let _ = root.class_list().add_1("app-loading");
    }
    // Fixed at the foot of the screen: nothing on the page moves for it.
    if let (Some(root), Some(status)) = (
        doc.get_element_by_id("prerender"),
        element(&doc, "p", "app-loading__note", &[("role", "status")]),
    ) {
        status.set_text_content(Some("Loading the interactive dashboard…"));
        let _ = root.append_child(&status);
    }
    if let Ok(ev) = Event::new(START_APP) {
        let _ = doc.dispatch_event(&ev);
    }
}
