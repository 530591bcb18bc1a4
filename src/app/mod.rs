//! The browser shell: Leptos components that fetch the dataset once and draw what the pure
//! core computes. Components read signals and call the core; they hold no chart logic.

mod answer;
mod api;
mod card_bar;
mod card_downloads;
mod card_drawing;
mod card_listen;
mod chart_card;
mod controls;
mod dashboard;
mod data_loader;
mod data_table;
mod download;
mod focus;
mod importer;
mod load_error;
mod near;
mod page_header;
mod presenter;
mod print;
mod programme_facts;
pub(crate) mod source_list;
mod stage;

use leptos::prelude::*;
use leptos_router::components::Router;

use api::fetch_dataset;
use dashboard::Dashboard;
use data_loader::{DataLoader, UserData};
use load_error::LoadErrorPanel;

/// Mounts the app on the page's `<div id="app">` (on `<body>` where there is none).
pub fn mount() {
    console_error_panic_hook::set_once();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    match root {
        Some(root) => leptos::mount::mount_to(root, App).forget(),
        None => leptos::mount::mount_to_body(App),
    }
}

/// The page takes over from the prerendered view: the static copy goes and the app, laid
/// out unseen in the same place while the dataset loaded and the charts were drawn, is
/// shown in one paint (nothing moves: see `style/main.css`, `.prerendered`).
pub(crate) fn take_over() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(pre) = doc.get_element_by_id("prerender") {
        pre.remove();
    }
    if let Some(root) = doc.document_element() {
        let _ = root.class_list().remove_2("prerendered", "taking-over");
    }
    // The enhancer (src/enhance/) then does again on the app's controls what the reader
    // did to the static ones.
    if let Ok(ev) = web_sys::Event::new(crate::enhance::READY) {
        let _ = doc.dispatch_event(&ev);
    }
}

/// The whole page: the header, then the dashboard once the dataset has loaded, or a message
/// that says what went wrong.
#[component]
pub fn App() -> impl IntoView {
    let data = LocalResource::new(fetch_dataset);
    let user = RwSignal::new(None::<UserData>);
    // Once the dataset (or its error) is in, the cards draw in the next animation frame;
    // the frame after that, the prerendered view gives way to them.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || data.with(Option::is_none) {
            return done.unwrap_or(false);
        }
        // A dashboard taking over card by card (stage.rs) finishes the take-over itself.
        request_animation_frame(|| {
            request_animation_frame(|| {
                if !stage::staging() {
                    take_over();
                }
            })
        });
        true
    });
    view! {
        <a class="skip-link" href="#main">"Skip to the charts"</a>
        {move || {
            let shown = match (user.get(), data.get()) {
                (Some(u), _) => Some(u.dataset),
                (None, Some(Ok(loaded))) => Some(loaded.dataset),
                _ => None,
            };
            view! { <page_header::PageHeader dataset=shown /> }
        }}
        <main id="main" tabindex="-1">
            {move || user.with(|u| u.as_ref().map(|u| view! {
                <p class="notice notice--yours" role="status" data-testid="your-data-notice" id="your-data-notice" tabindex="-1">
                    {format!(
                        "You are looking at your own data, from {}: not the published figures. It stays in this browser tab; \u{201c}Back to the published data\u{201d} below returns to them.",
                        u.files.join(", ")
                    )}
                </p>
            }))}
            <Router>
            <Suspense fallback=|| view! { <p class="status" role="status">"Loading the dataset…"</p> }>
                {move || {
                    data.get()
                        .map(|result| match (user.get(), result) {
                            (Some(u), _) => view! { <Dashboard dataset=u.dataset /> }.into_any(),
                            (None, Ok(loaded)) => view! {
                                {loaded.offline_copy_from.map(|at| view! {
                                    <p class="notice" role="status" data-testid="offline-notice">
                                        // Said from what failed (the service worker marks a
                                        // copy it served because its fetch could not reach
                                        // the server), never from navigator.onLine alone.
                                        {format!(
                                            "The server did not answer (you may be offline): this is the copy of the data saved on {}.",
                                            crate::format::date_time(&at)
                                        )}
                                    </p>
                                })}
                                <Dashboard dataset=loaded.dataset />
                            }.into_any(),
                            (None, Err(error)) => view! { <LoadErrorPanel error=error /> }.into_any(),
                        })
                }}
                <DataLoader user=user />
            </Suspense>
            </Router>
        </main>
    }
}
