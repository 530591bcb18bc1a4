//! A brief that prints: "Print" (or the browser's own print command) lays the current view out
//! for A4. While printing, every card is built and drawn at once (none waits to come near the
//! screen), at its paper width (`paper_plan`, as the static page places it), in the light
//! theme; the print stylesheet hides the controls and keeps each heading with its chart. The
//! line above the answer that says when the brief was printed and the link back to the view,
//! and the line after the charts that says where the notes and sources are, are the static
//! page's markup too, so that every print path gives the same brief.

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

/// The brief's last line, after its charts (where the notes and sources are): the same markup
/// as the static page's (`brief::notes_html`), shown only on paper.
#[component]
pub fn PrintNotes() -> impl IntoView {
    view! { <div class="print-notes-slot" inner_html=crate::brief::notes_html()></div> }
}

/// The width each chart is drawn at for paper (`page::paper_widths`, so the app prints what
/// the static page prints): worked out at the next idle moment after each change of
/// selection, from the cards' own models (none is built for it before then), and at once when
/// printing starts. Until then a card is drawn for paper across the page.
pub fn paper_plan(
    selection: Memo<crate::selection::Selection>,
    models: Vec<(crate::charts::ChartId, Memo<crate::charts::Built>)>,
) -> RwSignal<Vec<(crate::charts::ChartId, u32)>> {
    let plan = RwSignal::new(Vec::new());
    let models = StoredValue::new(models);
    let make = move || {
        let widths = models.with_value(|ms| {
            let built: Vec<_> = ms
                .iter()
                .filter_map(|(_, m)| m.try_get_untracked())
                .collect();
            let widths = crate::page::paper_widths(&built);
            ms.iter().map(|(id, _)| *id).zip(widths).collect::<Vec<_>>()
        });
        let _ = plan.try_set(widths);
    };
    Effect::new(move |_| {
        selection.track();
        super::near::when_idle(make);
    });
    if let Some(printing) = use_context::<Printing>() {
        Effect::new(move |_| {
            if printing.on.get() {
                make();
            }
        });
    }
    plan
}
