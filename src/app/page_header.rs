//! The page's header, from the dataset shown: who publishes it, its title and what it shows
//! (the prerendered view writes the same from `crate::page::header`).

use std::sync::Arc;

use leptos::prelude::*;

use crate::dataset::Dataset;

/// The header; before a dataset is in, a header with no title (the status says it is loading).
#[component]
pub fn PageHeader(dataset: Option<Arc<Dataset>>) -> impl IntoView {
    let header = dataset.map(|d| crate::page::header(&d));
    let (kicker, title, lede) = match header {
        Some(h) => (h.kicker, h.title, h.lede),
        None => (None, String::new(), String::new()),
    };
    if !title.is_empty() {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title);
        }
    }
    view! {
        <header class="page-header">
            {kicker.map(|k| view! { <p class="page-header__kicker">{k}</p> })}
            <h1>{title}</h1>
            <p class="page-header__lede">{lede}</p>
        </header>
    }
}
