//! Every source the dataset cites, in full.

use std::sync::Arc;

use leptos::prelude::*;

use crate::dataset::Dataset;

/// The list of sources at the foot of the page, with the attribution caveat.
#[component]
pub fn SourceList(dataset: Arc<Dataset>) -> impl IntoView {
    let caveats = crate::aggregate::attribution_statements(&dataset);
    let sources = dataset.raw().sources.clone();
    view! {
        <section class="sources" id="sources" aria-labelledby="sources-title">
            <h2 id="sources-title">"Sources and caveats"</h2>
            <ul class="sources__caveats">
                {caveats.into_iter().map(|(text, _)| view! { <li>{text}</li> }).collect_view()}
            </ul>
            <ol class="sources__list" data-testid="source-list">
                {sources.into_iter().map(|s| {
                    let anchor = format!("source-{}", s.id);
                    view! {
                    <li id=anchor>
                        <strong>{s.title}</strong> ". " {s.publisher} ", " {s.date} ". "
                        <span class="sources__citation">{s.citation}</span>
                        {s.url.map(|u| view! { " " <span class="sources__url">{u}</span> })}
                        <span class="sources__id">" [" {s.id} "]"</span>
                    </li>
                }}).collect_view()}
            </ol>
        </section>
    }
}
