//! A brief that prints: "Print" (or the browser's own print command) lays the current view out
//! for A4. While printing, every card is built and drawn at once (none waits to come near the
//! screen), at its paper width (`page::paper_width`), in the light theme; the print stylesheet hides the controls and
//! keeps each heading with its chart. The line above the answer that says when the brief was
//! printed and the link back to the view, and the notes and sources after the charts, are the
//! static page's markup too, so that every print path gives the same brief.

use leptos::prelude::*;

/// Whether the page is being printed.
#[derive(Clone, Copy)]
pub struct Printing {
    pub on: RwSignal<bool>,
}

impl Printing {
    /// Follows the browser's print events (its own menu, Ctrl+P, and the Print button).
    pub fn follow() -> Self {
        let printing = Printing {
            on: RwSignal::new(false),
        };
        let before = window_event_listener_untyped("beforeprint", move |_| printing.start());
        let after = window_event_listener_untyped("afterprint", move |_| printing.on.set(false));
        on_cleanup(move || {
            before.remove();
            after.remove();
        });
        printing
    }

    /// Lays the page out for paper: draws every card for print. (The line that says when and
    /// from where is the page's own, kept by public/view-gate.js on every print path.)
    pub fn start(self) {
        if !self.on.get_untracked() {
            self.on.set(true);
        }
    }

    /// The Print button: the page is laid out for paper first, then, two frames later (once
    /// the drawings are in the page), the browser's print dialog opens.
    pub fn print(self) {
        self.start();
        request_animation_frame(move || {
            request_animation_frame(move || {
                if let Some(w) = web_sys::window() {
                    // Blocks until the dialog closes; "afterprint" ends the print layout.
                    let _ = w.print();
                }
            })
        });
    }
}

/// The Print button (for a page view).
#[component]
pub fn PrintButton() -> impl IntoView {
    let printing = use_context::<Printing>();
    view! {
        <button
            type="button"
            class="controls__print"
            id="print-button"
            data-testid="print"
            on:click=move |_| {
                if let Some(p) = printing {
                    p.print();
                }
            }
        >
            "Print"
        </button>
    }
}

/// The brief's notes and sources, after its charts: the same markup as the static page's
/// (`BriefNotes::html`), shown only on paper. Made at the next idle moment after each change of
/// view (so it is in the page before any print, the browser's own included, whose snapshot may
/// come before the app's `beforeprint` work lands) and at once when printing starts.
#[component]
pub fn PrintNotes(
    dataset: std::sync::Arc<crate::dataset::Dataset>,
    view: Memo<crate::view::View>,
) -> impl IntoView {
    let printing = use_context::<Printing>();
    let html = RwSignal::new(String::new());
    let made_for = StoredValue::new(None::<crate::selection::Selection>);
    let make = move || {
        let sel = view.with_untracked(|v| v.selection.clone());
        if made_for.with_value(|m| m.as_ref() == Some(&sel)) {
            return;
        }
        html.set(crate::brief::brief_sources(&dataset, &sel).html());
        made_for.set_value(Some(sel));
    };
    let later = make.clone();
    Effect::new(move |_| {
        view.track();
        super::near::when_idle(later.clone());
    });
    Effect::new(move |_| {
        if printing.is_some_and(|p| p.on.get()) {
            make();
        }
    });
    view! { <div class="print-notes-slot" inner_html=html></div> }
}
