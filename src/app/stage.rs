//! The take-over from the prerendered view, card by card.
//!
//! Over the prerendered default view the app does not build all its cards in one go (one
//! long task of a few hundred milliseconds on a phone, with nothing to touch until its end).
//! It builds the header, controls and first card, shows them over their static copies as
//! soon as that card has drawn, then builds the next card in a task of its own, and so on:
//! a card the app has not built yet is a slot of its static copy's height, through which the
//! static card still shows (`style/main.css`, `.taking-over`). When the last card has drawn
//! the static view goes. Everywhere else (another view, an embed, the reader's own data) the
//! app builds everything at once, as before.

use std::cell::Cell;

use leptos::prelude::*;

thread_local! {
    /// Whether a dashboard is taking over card by card (the app's own take-over waits).
    static STAGING: Cell<bool> = const { Cell::new(false) };
}

/// Whether the page is taking over card by card.
pub(crate) fn staging() -> bool {
    STAGING.with(Cell::get)
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Whether the prerendered default view is on screen (public/view-gate.js), so that the app
/// can take over from it card by card.
pub(crate) fn prerendered_page() -> bool {
    let Some(root) = document().and_then(|d| d.document_element()) else {
        return false;
    };
    let classes = root.class_list();
    classes.contains("prerendered")
        && !classes.contains("prerender-embed")
        && document().is_some_and(|d| d.get_element_by_id("prerender").is_some())
}

/// The height of a chart's static card, which its slot keeps until the app has built it.
pub(crate) fn static_height(chart_id: &str) -> Option<f64> {
    let el = document()?.get_element_by_id(&crate::ids::Of::Static.id(chart_id))?;
    let h = el.get_bounding_client_rect().height();
    (h.is_finite() && h > 0.0).then_some(h)
}

/// Whether the app's card for this chart lies where its static copy does.
fn lined_up(chart_id: &str) -> bool {
    let Some(doc) = document() else { return false };
    let top = |id: &str| {
        doc.get_element_by_id(id)
            .map(|e| e.get_bounding_client_rect().top())
    };
    match (top(chart_id), top(&crate::ids::Of::Static.id(chart_id))) {
        (Some(app), Some(pre)) => (app - pre).abs() < 1.0,
        _ => false,
    }
}

/// The app's cards in `drawn` have drawn: show the app over the static view, and hide the
/// static copies of those cards.
fn reveal(drawn: &[&'static str]) {
    let Some(doc) = document() else { return };
    for id in drawn {
        if let Some(el) = doc.get_element_by_id(&crate::ids::Of::Static.id(id)) {
            let _ = el.class_list().add_1("pre-covered");
        }
    }
    if let Some(root) = doc.document_element() {
        let _ = root.class_list().add_1("taking-over");
    }
}

/// How many cards the app has built, and how many of them have drawn.
#[derive(Clone, Copy)]
pub(crate) struct Stage {
    /// Cards `0..built` are built; the others are slots.
    pub built: RwSignal<usize>,
    /// Cards that have drawn (or said why they cannot).
    pub drawn: RwSignal<usize>,
}

impl Stage {
    /// Starts a dashboard's cards: card by card over the prerendered view, all at once
    /// otherwise. `order` is the page's cards, top to bottom.
    pub(crate) fn start(order: Vec<&'static str>, staged: bool) -> Self {
        let was_staging = STAGING.with(|s| s.replace(staged));
        let total = order.len();
        let stage = Stage {
            built: RwSignal::new(if staged { 1 } else { usize::MAX }),
            drawn: RwSignal::new(0),
        };
        if !staged {
            // A dashboard that replaced a staged one (the reader's own data, say) finishes
            // what that one started; otherwise the app's own take-over does (`App`).
            if was_staging {
                request_animation_frame(|| request_animation_frame(super::take_over));
            }
            return stage;
        }
        let Stage { built, drawn } = stage;
        Effect::new(move |_| {
            let n = drawn.get();
            if n == 0 || !staging() {
                return;
            }
            // Shown card by card only while the app's cards lie exactly over the static ones
            // (something above them, an offline notice say, would move them): otherwise the
            // rest are built at once and the static view stays until the last has drawn.
            let in_step = built.get_untracked() != usize::MAX
                && order.first().is_some_and(|first| lined_up(first));
            if in_step || n >= total {
                reveal(&order[..n.min(total)]);
            }
            if n >= total {
                STAGING.with(|s| s.set(false));
                request_animation_frame(super::take_over);
            } else if !in_step {
                built.set(usize::MAX);
            } else if built.get_untracked() <= n {
                // The next card in a task of its own, after this one has painted.
                set_timeout(move || built.set(n + 1), std::time::Duration::ZERO);
            }
        });
        // However the cards fare, the static view does not stay: after 10 s the rest are
        // built at once.
        set_timeout(
            move || {
                if staging() {
                    STAGING.with(|s| s.set(false));
                    built.set(usize::MAX);
                    request_animation_frame(|| request_animation_frame(super::take_over));
                }
            },
            std::time::Duration::from_secs(10),
        );
        stage
    }

    /// Builds every card now (the reader changed the view while the cards were coming).
    pub(crate) fn finish(self) {
        if self.built.get_untracked() != usize::MAX {
            self.built.set(usize::MAX);
        }
    }
}
