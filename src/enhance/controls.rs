//! The static copies of the controls: live once the enhancer runs, they ask for the app on
//! first use, and what the reader did is done again on the app's own control once it has
//! taken over (`data-twin` names it), with the focus where it was.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, HtmlSelectElement, MouseEvent};

use super::hand_over::ask_for_app;
use super::menus::{live, menus, pend_menus, say_changing, shown_option, Pending};
use super::{listen, Shared, FAILED, READY, START_APP};

/// The static copies of the controls become live: using one asks for the app, and what was
/// done is done again on the app's control once it has taken over.
pub(super) fn wire_controls(doc: &Document, root: &Element, state: &Shared) {
    live(root);
    let s = state.clone();
    listen(root, "focusin", move |ev: Event| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let twin = twin_of(&s, &target);
        // A control other than a menu will need the app: it starts coming as the control is
        // reached. A menu's first choice needs none (`views.rs`).
        let control = target.has_attribute("data-twin")
            && target.tag_name() != "SELECT"
            && target.get_attribute("role").as_deref() != Some("tab");
        s.borrow_mut().focus = twin;
        if control {
            ask_for_app(&s);
        }
    });
    let s = state.clone();
    listen(root, "click", move |ev: MouseEvent| {
        let Some(el) = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| {
                t.closest("button[data-twin], summary[data-twin]")
                    .ok()
                    .flatten()
            })
        else {
            return;
        };
        ev.prevent_default();
        // A tab is shown here, with no app (`tabs.rs`).
        if super::tabs::clicked(&s, &el) {
            s.borrow_mut().focus = el.get_attribute("data-twin");
            return;
        }
        if let Some(twin) = el.get_attribute("data-twin") {
            s.borrow_mut().pending.push(Pending::Click(twin.clone()));
            s.borrow_mut().focus = Some(twin);
        }
        let _ = el.set_attribute("aria-busy", "true");
        ask_for_app(&s);
    });
    let s = state.clone();
    listen(root, "keydown", move |ev: web_sys::KeyboardEvent| {
        let Some(el) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        // (The focus moves to the tab reached, which then names its twin.)
        if super::tabs::key(&s, &el, &ev.key()) {
            ev.prevent_default();
        }
    });
    let s = state.clone();
    listen(root, "change", move |ev: Event| {
        let target = ev.target();
        if let Some(input) = target
            .clone()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            if let (Some(twin), Some(files)) = (input.get_attribute("data-twin"), input.files()) {
                s.borrow_mut().pending.push(Pending::Files(twin, files));
                ask_for_app(&s);
            }
            return;
        }
        let Some(select) = target.and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()) else {
            return;
        };
        // Only a menu that stands for the app's asks for it (a chart's speed of play has no
        // twin: it is the enhancer's own, `listen.rs`).
        let Some(twin) = select.get_attribute("data-twin") else {
            return;
        };
        // One menu away from the default: its prerendered view, with no app. (A card's own
        // menu, the school brought forward, is the app's to draw.)
        let menu = select.matches(super::menus::MENUS).unwrap_or(false);
        if menu && super::views::choose(&s) {
            s.borrow_mut().focus = Some(twin);
            return;
        }
        {
            let mut st = s.borrow_mut();
            st.pending
                .retain(|p| !matches!(p, Pending::Choose(t, _) if *t == twin));
            st.pending
                .push(Pending::Choose(twin.clone(), select.selected_index()));
            st.focus = Some(twin);
        }
        say_changing();
        ask_for_app(&s);
    });
    // Files dropped on the static "Load your data" go to the app's picker too.
    listen(root, "dragover", move |ev: web_sys::DragEvent| {
        if drop_twin(&ev).is_some() {
            ev.prevent_default();
        }
    });
    let s = state.clone();
    listen(root, "drop", move |ev: web_sys::DragEvent| {
        let Some(twin) = drop_twin(&ev) else {
            return;
        };
        ev.prevent_default();
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            s.borrow_mut().pending.push(Pending::Files(twin, files));
            ask_for_app(&s);
        }
    });
    // The app asked for by anyone (an embedding page, a test): no static view is swapped in
    // under it any more, and a view still coming is the app's to show.
    let s = state.clone();
    listen(doc, START_APP, move |_: Event| {
        s.borrow_mut().asked = true;
        pend_menus(&s);
    });
    let s = state.clone();
    listen(doc, READY, move |_: Event| replay(&s));
    let s = state.clone();
    listen(doc, FAILED, move |_: Event| failed(&s));
}

/// Menus chosen before the enhancer was wired (in the moment between the first paint and its
/// start, while public/view-gate.js said what was changing), or restored by the browser after
/// a reload or back: taken up now, through the same change listener as a choice made now.
pub(super) fn take_up_early_choices(doc: &Document) {
    for menu in menus(doc) {
        let shown = i32::try_from(shown_option(&menu)).unwrap_or(0);
        if menu.selected_index() != shown {
            changed(&menu);
        }
    }
}

/// Tabs and legend buttons used before the enhancer was wired (public/view-gate.js marked
/// them, in order): used again now, through the same click listener as a click made now.
pub(super) fn take_up_early_clicks(doc: &Document) {
    let Ok(list) = doc.query_selector_all("#prerender [data-early]") else {
        return;
    };
    let mut early: Vec<(u32, HtmlElement)> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .map(|el| {
            let n = el
                .get_attribute("data-early")
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            (n, el)
        })
        .collect();
    crate::order::sort_by_key(&mut early, |e| e.0);
    for (_, el) in early {
        let _ = el.remove_attribute("data-early");
        if let Ok(Some(card)) = el.closest("section.chart-card") {
            let _ = card.remove_attribute("aria-busy");
        }
        el.click();
    }
}

/// Tells the app's control it has changed, as the browser would have.
fn changed(el: &web_sys::EventTarget) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(ev) = Event::new_with_event_init_dict("change", &init) {
        let _ = el.dispatch_event(&ev);
    }
}

/// The app's picker for files dropped where this drag is: the twin of the drop zone's own.
fn drop_twin(ev: &web_sys::DragEvent) -> Option<String> {
    ev.target()
        .and_then(|t| t.dyn_into::<Element>().ok())?
        .closest(".loader__drop")
        .ok()??
        .query_selector("input[data-twin]")
        .ok()??
        .get_attribute("data-twin")
}

/// The app's element standing for `el`: a control's twin, or a card's drawing.
fn twin_of(state: &Shared, el: &Element) -> Option<String> {
    if let Some(twin) = el.get_attribute("data-twin") {
        return Some(twin);
    }
    let s = state.borrow();
    s.cards
        .iter()
        .find(|c| c.figure.is_same_node(Some(el)))
        .map(|c| format!("#{} [data-testid=chart-figure]", c.id))
}

/// The app did not come (no connection, most likely): say so where the note said it was
/// coming; the drawings still answer, and nothing waits to be done.
fn failed(state: &Shared) {
    state.borrow_mut().pending.clear();
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = doc.document_element() {
        let _ = root.class_list().remove_1("app-loading");
    }
    if let Ok(busy) = doc.query_selector_all("#prerender [aria-busy]") {
        for i in 0..busy.length() {
            if let Some(el) = busy.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = el.remove_attribute("aria-busy");
            }
        }
    }
    if let Ok(Some(note)) = doc.query_selector(".app-loading__note") {
        note.set_text_content(Some(
            "The interactive dashboard could not be loaded: the charts here still answer. Check the connection and reload the page to try again.",
        ));
    }
}

/// The app has taken over: what the reader did to the static controls is done on its own,
/// and the focus goes to the app's element standing for the one that had it.
fn replay(state: &Shared) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = doc.document_element() {
        let _ = root.class_list().remove_1("app-loading");
    }
    let (pending, focus) = {
        let mut s = state.borrow_mut();
        (std::mem::take(&mut s.pending), s.focus.take())
    };
    let find = |sel: &str| {
        doc.query_selector(sel)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    };
    for p in pending {
        match p {
            Pending::Click(sel) => {
                if let Some(el) = find(&sel) {
                    el.click();
                }
            }
            Pending::Files(sel, files) => {
                if let Some(el) =
                    find(&sel).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                {
                    el.set_files(Some(&files));
                    changed(&el);
                }
            }
            Pending::Choose(sel, index) => {
                if let Some(el) = find(&sel).and_then(|e| e.dyn_into::<HtmlSelectElement>().ok()) {
                    el.set_selected_index(index);
                    changed(&el);
                }
            }
        }
    }
    // Only if the focus was lost with the static view (not where the reader has moved it).
    let lost = doc
        .active_element()
        .is_none_or(|a| doc.body().is_some_and(|b| b.is_same_node(Some(&a))));
    if let (true, Some(sel)) = (lost, focus) {
        if let Some(el) = find(&sel) {
            let _ = el.focus();
        }
    }
}
