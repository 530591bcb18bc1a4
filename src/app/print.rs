//! A brief that prints: "Print" (or the browser's own print command) lays the current view out
//! for A4. While printing, every card is built and drawn at once (none waits to come near the
//! screen), at [`PRINT_WIDTH`], in the light theme; the print stylesheet hides the controls and
//! keeps each heading with its chart. A line above the answer says when the brief was printed
//! and the link back to the view.

use leptos::prelude::*;

/// The width charts are drawn at for paper: shown across A4's printable width (about 700 CSS
/// px between 12 mm margins) at about 0.8, so chart text prints at about 8 pt and three panels
/// of a chart over time sit side by side.
pub const PRINT_WIDTH: u32 = 860;

/// Whether the page is being printed, and when and from where it last was.
#[derive(Clone, Copy)]
pub struct Printing {
    pub on: RwSignal<bool>,
    /// "3 December 2026" and the address of the view, set as printing starts.
    pub stamp: RwSignal<Option<(String, String)>>,
}

impl Printing {
    /// Follows the browser's print events (its own menu, Ctrl+P, and the Print button).
    pub fn follow() -> Self {
        let printing = Printing {
            on: RwSignal::new(false),
            stamp: RwSignal::new(None),
        };
        let before = window_event_listener_untyped("beforeprint", move |_| printing.start());
        let after = window_event_listener_untyped("afterprint", move |_| printing.on.set(false));
        on_cleanup(move || {
            before.remove();
            after.remove();
        });
        printing
    }

    /// Lays the page out for paper: stamps it and draws every card for print.
    pub fn start(self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let href = window.location().href().unwrap_or_default();
        let date = js_sys::Date::new_0();
        let today = crate::format::date(&format!(
            "{:04}-{:02}-{:02}",
            date.get_full_year(),
            date.get_month() + 1,
            date.get_date()
        ));
        self.stamp.set(Some((today, href)));
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

/// The line only paper shows: when the brief was printed and the link back to its view.
#[component]
pub fn PrintStamp() -> impl IntoView {
    let printing = use_context::<Printing>();
    move || {
        let (date, href) = printing.and_then(|p| p.stamp.get())?;
        Some(view! {
            <p class="print-stamp" data-testid="print-stamp">
                {format!("Printed on {date} from this view: ")}
                <a href=href.clone()>{href.clone()}</a>
            </p>
        })
    }
}

/// The brief's notes and sources, after its charts (built only for paper).
#[component]
pub fn PrintNotes(
    dataset: std::sync::Arc<crate::dataset::Dataset>,
    view: Memo<crate::view::View>,
) -> impl IntoView {
    let printing = use_context::<Printing>();
    let notes = Memo::new(move |_| {
        printing
            .is_some_and(|p| p.on.get())
            .then(|| view.with(|v| crate::brief::notes_and_sources(&dataset, &v.selection)))
    });
    move || {
        let brief = notes.get()?;
        Some(view! {
            <section class="print-notes" aria-labelledby="print-notes-title" data-testid="print-notes">
                <h2 id="print-notes-title">"Notes and sources"</h2>
                {brief.charts.into_iter().map(|c| {
                    let above = match c.given_above {
                        0 => None,
                        1 => Some("And 1 note given above.".to_string()),
                        n => Some(format!("And {n} notes given above.")),
                    };
                    view! {
                        <h3>{c.title}</h3>
                        <ul>{c.notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                        {above.map(|a| view! { <p>{a}</p> })}
                    }
                }).collect_view()}
                <h3>"Sources"</h3>
                <ol>
                    {brief.sources.into_iter().map(|s| {
                        let publisher = s.publisher_and_when();
                        view! {
                            <li>
                                <strong>{s.title}</strong> ". " {publisher}
                                {s.url.map(|u| view! { " " <span class="sources__url">{u}</span> })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </section>
        })
    }
}
