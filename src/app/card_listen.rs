//! A card's controls to hear its chart: the static page's markup (`markup::listen_controls`),
//! played by the player the enhancer uses too (`enhance::sound`), from the card's marks.

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::charts::kit::{sound, Mark};
use crate::charts::Built;
use crate::enhance::sound::{self as player, What};

/// The marks to play: the drawing's, or, before the card has drawn, the paper's.
fn with_marks<T>(model: Memo<Built>, marks: Memo<Vec<Mark>>, f: impl FnOnce(&[Mark]) -> T) -> T {
    let drawn = marks.get_untracked();
    if drawn.is_empty() {
        let paper = model.with_untracked(|m| m.marks(crate::page::PRINT_WIDTH));
        f(&paper)
    } else {
        f(&drawn)
    }
}

/// The listen group of a card whose chart has figures to hear (none otherwise).
#[component]
pub fn Listen(
    /// The chart's model for the current view.
    model: Memo<Built>,
    /// The marks of its drawing.
    marks: Memo<Vec<Mark>>,
    /// The mark chosen by pointer or keys: its series is the one played.
    active: RwSignal<Option<usize>>,
) -> impl IntoView {
    let id = model.with_untracked(|m| m.id().id());
    // Whether it can be heard, from the drawing's marks (the paper's before the card has
    // drawn, so that the row holds its place); made again only when that changes, so that the
    // reader's speed and volume stay.
    let heard = Memo::new(move |_| {
        marks
            .with(|ms| (!ms.is_empty()).then(|| sound::audible(ms)))
            .unwrap_or_else(|| model.with(|m| sound::audible(&m.marks(crate::page::PRINT_WIDTH))))
    });
    let markup = move || {
        heard.get().then(|| {
            crate::markup::listen_controls(crate::markup::CardAt {
                of: crate::ids::Of::App,
                chart: id,
            })
        })
    };
    let on_click = move |ev: MouseEvent| {
        let Some((group, what)) = player::clicked(&ev) else {
            return;
        };
        match what.as_str() {
            "stop" => {
                player::stop();
            }
            "all" => with_marks(model, marks, |ms| player::play(&group, ms, What::All)),
            _ => with_marks(model, marks, |ms| {
                player::play(&group, ms, What::Series(active.get_untracked()))
            }),
        }
    };
    move || {
        markup().map(|html| view! { <div class="markup" on:click=on_click inner_html=html></div> })
    }
}

/// A key on the card's drawing `el`: P plays the chosen series, A every series. Whether the
/// key was the player's. (Escape stops anywhere on the page: `enhance::sound`.)
pub fn on_key(
    el: &web_sys::Element,
    key: &str,
    model: Memo<Built>,
    marks: Memo<Vec<Mark>>,
    active: Option<usize>,
) -> bool {
    let (Some(what), Some(group)) = (player::key(key), player::group_of(el)) else {
        return false;
    };
    let what = if what == "all" {
        What::All
    } else {
        What::Series(active)
    };
    with_marks(model, marks, |ms| player::play(&group, ms, what));
    true
}

/// The keys stepped onto mark `i`: its note, once the reader has played this chart.
pub fn stepped(el: Option<web_sys::Element>, marks: Memo<Vec<Mark>>, i: Option<usize>) {
    let (Some(group), Some(i)) = (el.as_ref().and_then(player::group_of), i) else {
        return;
    };
    if player::heard(&group) {
        marks.with_untracked(|ms| player::play(&group, ms, What::One(i)));
    }
}

/// The drawing element a keyboard event came to.
pub fn target(ev: &web_sys::KeyboardEvent) -> Option<web_sys::Element> {
    ev.current_target()?.dyn_into::<web_sys::Element>().ok()
}
