//! The prerendered view's enhancer: a wasm of its own (`src/bin/enhance.rs`, about a tenth of
//! the app's), fetched while the static view is read and run once it has painted. It makes that view's drawings answer
//! the pointer, a tap and the arrow keys exactly as the app's do (the same marks, key moves,
//! tooltip and announcements: `charts::pointing`), from the marks file the build wrote beside
//! each drawing, so it needs neither the dataset nor Leptos.
//!
//! The app itself is fetched when a reader asks for more than reading: the first use of a
//! control (a menu, a series, a tab, a download, Present, the embed code, "Load your data").
//! The enhancer makes the static copies of the controls live (`controls.rs`): using one asks
//! the start-up script for the app (`cohort-dashboard:start-app`), and once the app has taken
//! over (`cohort-dashboard:ready`, from `app::take_over`) what the reader did is done again on
//! the app's own control (`data-twin` names it), and the focus goes where it was.
//!
//! Performance marks for the benchmark harness: `cohort-dashboard:first-chart` when the
//! first drawing answers, `cohort-dashboard:all-charts` when every one does.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, KeyboardEvent, MouseEvent};

use crate::charts::kit::pointing::{announce, category_line, key_move, read_marks, TipPlace};
use crate::charts::kit::{locate, Mark};
use crate::ids::{Of, Part};

mod controls;
mod hand_over;
mod listen;
mod menus;
mod near;
pub mod sound;
mod tabs;
mod views;
use controls::wire_controls;
use menus::Pending;

/// Asks the start-up script for the app.
pub const START_APP: &str = "cohort-dashboard:start-app";
/// Said by the app once it has taken over from the static view.
pub const READY: &str = "cohort-dashboard:ready";
/// Said by the start-up script when the app could not be fetched or started.
const FAILED: &str = "cohort-dashboard:app-failed";

/// One prerendered card made to answer.
struct Card {
    /// The chart's id (`pre-<id>` is the section's).
    id: String,
    figure: HtmlElement,
    frame: Element,
    announcer: Element,
    /// The marks of each drawing fetched so far, by the width it was drawn at.
    marks: Vec<(u32, Rc<Vec<Mark>>)>,
    /// The mark shown, in the drawing of that width.
    active: Option<(u32, usize)>,
    said: Option<String>,
    /// The focus outline and the tooltip, while shown.
    shown: Vec<Element>,
}

impl Card {
    /// The marks of its drawing `w` px wide, once fetched.
    fn marks_at(&self, w: u32) -> Option<&Rc<Vec<Mark>>> {
        self.marks.iter().find(|(x, _)| *x == w).map(|(_, m)| m)
    }

    /// The mark chosen in its drawing `w` px wide.
    fn active_at(&self, w: u32) -> Option<usize> {
        self.active.filter(|(x, _)| *x == w).map(|(_, i)| i)
    }
}

/// A card waiting for a marks file: which card, its drawing's width, and what to do then.
type Waiting = (usize, u32, Option<Box<dyn FnOnce()>>);

#[derive(Default)]
struct State {
    cards: Vec<Card>,
    pending: Vec<Pending>,
    /// The app's element standing for the one that had the focus last.
    focus: Option<String>,
    asked: bool,
    /// The cards shown at the start (an embed shows one), once counted: all charts answer
    /// once these do.
    shown: Option<usize>,
    /// The prerendered view shown, once a menu has changed it (`views.rs`; the default's
    /// before).
    view: Option<String>,
    /// How many views were asked for: a view that comes after a later choice is not shown.
    swaps: u32,
    /// The views whose rules are in the page.
    styled: Vec<String>,
    /// Every marks file fetched, by its address: a drawing another view shows too is not
    /// fetched again when that view is swapped in (the HTTP cache revalidates it, and WebKit
    /// fetched it again).
    fetched: std::collections::HashMap<String, Rc<str>>,
    /// Marks files on their way, with the cards waiting for each: a card asked for twice
    /// before its file has come (at start, by the first card and by the load of every card)
    /// fetches it once.
    loading: std::collections::HashMap<String, Vec<Waiting>>,
    /// The tabs open other than a chart, as (chart, tab), in the order chosen (`tabs.rs`).
    tabs: Vec<(String, String)>,
    /// What loads a swapped-in view's marks as its cards come near (`near.rs`).
    near: Option<near::Near>,
}

type Shared = Rc<RefCell<State>>;

/// Starts the enhancer over the prerendered view, if there is one.
pub fn start() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = doc.get_element_by_id("prerender") else {
        return;
    };
    let state: Shared = Rc::default();
    let Ok(sections) = doc.query_selector_all("#prerender section.chart-card[id^=\"pre-\"]") else {
        return;
    };
    // The first card answers at once: its marks are in the page, and the layout the first
    // paint made is still good for finding the drawing it shows.
    if let Some(card) = section(&sections, 0).and_then(|s| card(&doc, s)) {
        state.borrow_mut().cards.push(card);
        wire_card(&state, 0);
        load_marks(&state, 0, None);
    }
    // The others, and the controls, in a task of their own: finding the drawing each card
    // shows lays out the whole page.
    let later = state.clone();
    wasm_bindgen_futures::spawn_local(async move {
        next_task().await;
        let from = later.borrow().cards.len();
        for i in 1..sections.length() {
            if let Some(card) = section(&sections, i).and_then(|s| card(&doc, s)) {
                later.borrow_mut().cards.push(card);
            }
        }
        let count = later.borrow().cards.len();
        for k in from..count {
            wire_card(&later, k);
        }
        wire_controls(&doc, &root, &later);
        // From here the enhancer answers the menus (view-gate.js stops speaking for it).
        if let Some(r) = doc.document_element() {
            let _ = r.set_attribute("data-enhanced", "");
        }
        let back = later.clone();
        if let Some(window) = web_sys::window() {
            listen(&window, "popstate", move |_: Event| views::went_back(&back));
        }
        // A link to a view one menu away (public/view-gate.js): the menus and the view follow
        // the address.
        if doc
            .document_element()
            .is_some_and(|r| r.class_list().contains("prerender-view"))
        {
            views::went_back(&later);
        } else {
            controls::take_up_early_choices(&doc);
        }
        controls::take_up_early_clicks(&doc);
        // One card a task: finding the drawing a card below the screen shows lays it out.
        let mut shown = 0;
        for k in 0..count {
            next_task().await;
            shown += usize::from(load_marks(&later, k, None));
        }
        later.borrow_mut().shown = Some(shown);
        count_ready(&later);
    });
}

/// Another view's cards are in the page (`views.rs`): they answer as the first did, each
/// drawing's marks fetched as its card comes near the screen (`near.rs`).
fn rewire(state: &Shared, doc: &Document) {
    let Ok(sections) = doc.query_selector_all("#prerender section.chart-card[id^=\"pre-\"]") else {
        return;
    };
    let parts: Vec<Element> = (0..sections.length())
        .filter_map(|i| section(&sections, i))
        .collect();
    let cards: Vec<Card> = parts.iter().filter_map(|s| card(doc, s.clone())).collect();
    let count = cards.len();
    state.borrow_mut().cards = cards;
    // The old view's watcher goes with its cards (taken out before it is dropped, which
    // disconnects it).
    let old = state.borrow_mut().near.take();
    drop(old);
    for k in 0..count {
        wire_card(state, k);
    }
    if let Some(near) = near::watch(state, &parts) {
        state.borrow_mut().near = Some(near);
        return;
    }
    let later = state.clone();
    wasm_bindgen_futures::spawn_local(async move {
        for k in 0..count {
            load_marks(&later, k, None);
            next_task().await;
        }
    });
}

fn section(list: &web_sys::NodeList, i: u32) -> Option<Element> {
    list.item(i).and_then(|n| n.dyn_into::<Element>().ok())
}

/// Resolves in a task of its own (a zero timeout), after the browser has had the thread.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The performance marks: the first card to answer, and the last of those shown.
fn count_ready(state: &Shared) {
    let s = state.borrow();
    // A card answers once the marks of a drawing of it are in.
    let ready = s.cards.iter().filter(|c| !c.marks.is_empty()).count();
    let Some(perf) = web_sys::window().and_then(|w| w.performance()) else {
        return;
    };
    let marked = |name: &str| perf.get_entries_by_name(name).length() > 0;
    if ready >= 1 && !marked("cohort-dashboard:first-chart") {
        let _ = perf.mark("cohort-dashboard:first-chart");
    }
    if s.shown.is_some_and(|n| n > 0 && ready >= n) && !marked("cohort-dashboard:all-charts") {
        let _ = perf.mark("cohort-dashboard:all-charts");
    }
}

/// A card's parts, and its drawing made focusable and described as the app's is.
fn card(doc: &Document, section: Element) -> Option<Card> {
    let id = section.id().strip_prefix("pre-")?.to_string();
    let figure = section
        .query_selector(".chart-card__figure")
        .ok()??
        .dyn_into::<HtmlElement>()
        .ok()?;
    let frame = section.query_selector(".chart-card__frame").ok()??;
    let announcer = doc.create_element("p").ok()?;
    announcer.set_class_name("visually-hidden");
    let _ = announcer.set_attribute("aria-live", "polite");
    let _ = section.append_child(&announcer);
    for (k, v) in [
        ("role", "group"),
        ("aria-roledescription", "chart"),
        ("tabindex", "0"),
    ] {
        let _ = figure.set_attribute(k, v);
    }
    let _ = figure.set_attribute(
        "aria-describedby",
        &format!(
            "{} {}",
            Of::Static.part(&id, Part::Summary),
            Of::Static.part(&id, Part::Keys)
        ),
    );
    let _ = figure.class_list().add_1("is-live");
    tabs::wire(&section);
    if let Ok(Some(hint)) = section.query_selector(".chart-card__hint") {
        let _ = hint.remove_attribute("aria-hidden");
    }
    Some(Card {
        id,
        figure,
        frame,
        announcer,
        marks: Vec::new(),
        active: None,
        said: None,
        shown: Vec::new(),
    })
}

/// The drawing shown in a card (the column chooses by container query) and the width it
/// was drawn at.
fn shown_drawing(card: &Card) -> Option<(HtmlElement, u32)> {
    let prefix = format!("pre-{}-", card.id);
    let list = card.figure.query_selector_all(".pre-v").ok()?;
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .find(|e| e.offset_width() > 0)
        .and_then(|e| {
            // `pre-<chart>-<width>`, and `-<view>` after it in another view's cards.
            let classes = e.class_name();
            let w = classes.split(' ').find_map(|c| {
                c.strip_prefix(prefix.as_str())?
                    .split('-')
                    .next()?
                    .parse::<u32>()
                    .ok()
            })?;
            Some((e, w))
        })
}

/// Reads the marks of the drawing a card shows, unless they are in: from the page (the
/// first card's) or from their file; `then` runs once they are. Whether the card shows a
/// drawing at all (an embed shows one card).
fn load_marks(state: &Shared, k: usize, then: Option<Box<dyn FnOnce()>>) -> bool {
    let (url, w) = {
        let s = state.borrow();
        let Some(card) = s.cards.get(k) else {
            return false;
        };
        let Some((el, w)) = shown_drawing(card) else {
            return false;
        };
        if card.marks.iter().any(|(x, _)| *x == w) {
            return true;
        }
        if let Some(text) = el.get_attribute("data-marks") {
            drop(s);
            take_marks(state, k, w, &text, then);
            return true;
        }
        // Named by the drawing where they are not by chart and width (another view's).
        let url = el
            .get_attribute("data-marks-src")
            .unwrap_or_else(|| format!("prerender/{}-{w}.marks", card.id));
        (url, w)
    };
    let known = state.borrow().fetched.get(&url).cloned();
    if let Some(text) = known {
        take_marks(state, k, w, &text, then);
        return true;
    }
    if let Some(waiting) = state.borrow_mut().loading.get_mut(&url) {
        waiting.push((k, w, then));
        return true;
    }
    state
        .borrow_mut()
        .loading
        .insert(url.clone(), vec![(k, w, then)]);
    let state = state.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let text = fetch_text(&url).await;
        let waiting = state.borrow_mut().loading.remove(&url).unwrap_or_default();
        if let Some(text) = text {
            let text: Rc<str> = text.into();
            state.borrow_mut().fetched.insert(url, text.clone());
            for (k, w, then) in waiting {
                take_marks(&state, k, w, &text, then);
            }
        }
    });
    true
}

/// A card's marks for its drawing `w` are in: it answers.
fn take_marks(state: &Shared, k: usize, w: u32, text: &str, then: Option<Box<dyn FnOnce()>>) {
    let marks = Rc::new(read_marks(text));
    {
        let mut s = state.borrow_mut();
        let Some(card) = s.cards.get_mut(k) else {
            return;
        };
        if !card.marks.iter().any(|(x, _)| *x == w) {
            card.marks.push((w, marks));
        }
    }
    count_ready(state);
    if let Some(then) = then {
        then();
    }
}

/// `html` parsed into a fragment of the page's own document (a range's, not a template's:
/// put in, its nodes need not be adopted from another document, 2-3 ms of a view's 7,700).
/// Nothing in it runs or is laid out until it is put in; its drawings are lazy, so none loads.
pub(super) fn parsed(doc: &Document, html: &str) -> Option<web_sys::DocumentFragment> {
    doc.create_range()
        .ok()?
        .create_contextual_fragment(html)
        .ok()
}

/// The response fetched early for `href` (public/view-gate.js and the start-up script fetch a
/// file the page will want while it paints, rather than hint it: WebKit fetched a hinted file
/// twice), taken once; `None` where there is none, and the caller fetches it.
pub fn take_fetched(href: &str) -> Option<js_sys::Promise> {
    take_early("cohortFetched", href)
}

/// The entry `key` of the page's object `global` (what public/view-gate.js or the start-up
/// script got ahead for the code that wants it), taken once, if it is a `T`.
pub(super) fn take_early<T: JsCast>(global: &str, key: &str) -> Option<T> {
    let window = web_sys::window()?;
    let all = js_sys::Reflect::get(&window, &global.into())
        .ok()
        .filter(|v| v.is_object())?;
    let got = js_sys::Reflect::get(&all, &key.into())
        .ok()?
        .dyn_into::<T>()
        .ok()?;
    let _ = js_sys::Reflect::delete_property(all.unchecked_ref::<js_sys::Object>(), &key.into());
    Some(got)
}

async fn fetch_text(url: &str) -> Option<String> {
    text_of(web_sys::window()?.fetch_with_str(url)).await
}

/// The text of a fetch under way, if it answered with success.
async fn text_of(fetching: js_sys::Promise) -> Option<String> {
    let response = wasm_bindgen_futures::JsFuture::from(fetching)
        .await
        .ok()?
        .dyn_into::<web_sys::Response>()
        .ok()?;
    if !response.ok() {
        return None;
    }
    wasm_bindgen_futures::JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

fn listen<E: JsCast + 'static>(
    target: &web_sys::EventTarget,
    kind: &str,
    f: impl FnMut(E) + 'static,
) {
    let mut f = f;
    let closure = Closure::<dyn FnMut(Event)>::new(move |ev: Event| {
        if let Ok(ev) = ev.dyn_into::<E>() {
            f(ev);
        }
    });
    let _ = target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref());
    // The listeners live as long as the page (the static view is removed whole).
    closure.forget();
}

/// Hover, tap and keys over a card's drawing.
fn wire_card(state: &Shared, k: usize) {
    let (figure, frame) = {
        let s = state.borrow();
        let Some(card) = s.cards.get(k) else { return };
        (card.figure.clone(), card.frame.clone())
    };
    for kind in ["mousemove", "click"] {
        let state = state.clone();
        listen(&figure, kind, move |ev: MouseEvent| {
            let x = f64::from(ev.client_x());
            let y = f64::from(ev.client_y());
            point(&state, k, x, y);
        });
    }
    let s2 = state.clone();
    listen(&frame, "mouseleave", move |_: Event| show(&s2, k, None));
    let s3 = state.clone();
    listen(&figure, "blur", move |_: Event| show(&s3, k, None));
    let s4 = state.clone();
    listen(&figure, "keydown", move |ev: KeyboardEvent| {
        if press(&s4, k, ev.key()) {
            ev.prevent_default();
        }
    });
    listen::wire_listen(state, k);
}

/// Key `key` on a card's drawing: whether the drawing answers it. Where the column has
/// chosen a drawing whose marks are not in yet, they are fetched and the key then pressed.
fn press(state: &Shared, k: usize, key: String) -> bool {
    if listen::key(state, k, &key) {
        return true;
    }
    let next = {
        let s = state.borrow();
        let Some(card) = s.cards.get(k) else {
            return false;
        };
        let Some((_, w)) = shown_drawing(card) else {
            return false;
        };
        match card.marks_at(w) {
            Some(marks) => key_move(marks, card.active_at(w), &key).map(|n| n.map(|i| (w, i))),
            None => {
                drop(s);
                let ours = matches!(
                    key.as_str(),
                    "Home"
                        | "End"
                        | "Escape"
                        | "ArrowRight"
                        | "ArrowLeft"
                        | "ArrowDown"
                        | "ArrowUp"
                );
                let again = state.clone();
                load_marks(
                    state,
                    k,
                    Some(Box::new(move || {
                        press(&again, k, key);
                    })),
                );
                return ours;
            }
        }
    };
    match next {
        Some(next) => {
            show(state, k, next);
            if let Some((w, i)) = next {
                listen::stepped(state, k, w, i);
            }
            true
        }
        None => false,
    }
}

/// The pointer at `(x, y)` in the window: the mark under it, if any.
fn point(state: &Shared, k: usize, x: f64, y: f64) {
    let found = {
        let s = state.borrow();
        let Some(card) = s.cards.get(k) else { return };
        let Some((el, w)) = shown_drawing(card) else {
            return;
        };
        match card.marks_at(w) {
            None => None,
            Some(marks) => {
                let r = el.get_bounding_client_rect();
                let scale = drawn_scale(r.width(), w);
                Some(locate(marks, (x - r.left()) / scale, (y - r.top()) / scale).map(|i| (w, i)))
            }
        }
    };
    match found {
        Some(found) => show(state, k, found),
        // The column has chosen another drawing since (a turned phone, a resized window):
        // fetch its marks, then look again.
        None => {
            let again = state.clone();
            load_marks(state, k, Some(Box::new(move || point(&again, k, x, y))));
        }
    }
}

/// The drawing keeps its proportions inside its box, top left, never larger than drawn.
fn drawn_scale(box_width: f64, drawn: u32) -> f64 {
    (box_width / f64::from(drawn.max(1))).clamp(0.01, 1.0)
}

/// Shows mark `which` (or nothing): the focus outline, the tooltip and the announcement.
fn show(state: &Shared, k: usize, which: Option<(u32, usize)>) {
    let mut s = state.borrow_mut();
    let Some(card) = s.cards.get_mut(k) else {
        return;
    };
    if card.active == which {
        return;
    }
    card.active = which;
    for el in card.shown.drain(..) {
        el.remove();
    }
    let mark = which.and_then(|(w, i)| {
        let marks = card.marks_at(w)?.clone();
        Some((w, marks.get(i)?.clone()))
    });
    let Some((w, m)) = mark else {
        card.said = None;
        card.announcer.set_text_content(Some(""));
        return;
    };
    let source = m.source.clone().unwrap_or_default();
    let said = announce(&m, &source, &mut card.said);
    card.announcer.set_text_content(Some(&said));
    let Some((el, _)) = shown_drawing(card) else {
        return;
    };
    let r = el.get_bounding_client_rect();
    let f = card.frame.get_bounding_client_rect();
    let place = TipPlace::new(m.bounds, drawn_scale(r.width(), w), r.width());
    let (dx, dy) = (r.left() - f.left(), r.top() - f.top());
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let o = place.outline;
    if let Some(outline) = element(&doc, "div", "mark-focus", &[]) {
        set_box(
            &outline,
            &[
                ("left", o.x + dx),
                ("top", o.y + dy),
                ("width", o.w),
                ("height", o.h),
            ],
        );
        card.shown.push(outline);
    }
    let class = if place.below {
        "tooltip tooltip--below"
    } else {
        "tooltip"
    };
    if let Some(tip) = element(&doc, "div", class, &[("role", "tooltip")]) {
        set_box(
            &tip,
            &[("left", place.centre + dx), ("top", place.top + dy)],
        );
        for (tag, class, text) in [
            ("strong", "tooltip__entity", m.entity.clone()),
            ("span", "tooltip__category", category_line(&m)),
            ("span", "tooltip__value", m.value.clone()),
            ("span", "tooltip__source", format!("Source: {source}")),
        ] {
            if let Some(part) = element(&doc, tag, class, &[]) {
                part.set_text_content(Some(&text));
                let _ = tip.append_child(&part);
            }
        }
        card.shown.push(tip);
    }
    for el in &card.shown {
        let _ = card.frame.append_child(el);
    }
}

fn element(doc: &Document, tag: &str, class: &str, attrs: &[(&str, &str)]) -> Option<Element> {
    let el = doc.create_element(tag).ok()?;
    el.set_class_name(class);
    for (k, v) in attrs {
        let _ = el.set_attribute(k, v);
    }
    Some(el)
}

/// Sets pixel positions through the style object (the page's CSP allows no style attributes).
fn set_box(el: &Element, props: &[(&str, f64)]) {
    if let Some(el) = el.dyn_ref::<HtmlElement>() {
        let style = el.style();
        for (k, v) in props {
            let _ = style.set_property(k, &format!("{}px", (v * 10.0).round() / 10.0));
        }
    }
}
