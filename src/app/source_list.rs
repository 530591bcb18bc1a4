//! Every source the dataset cites, in full.

use std::sync::Arc;

use leptos::prelude::*;

use crate::dataset::Dataset;

/// The list of sources at the foot of the page, with the attribution caveat.
#[component]
pub fn SourceList(dataset: Arc<Dataset>) -> impl IntoView {
    let caveats = crate::provenance::attribution_statements(&dataset);
    let sources = dataset.raw().sources.clone();
    view! {
        <section class="sources" id="sources" aria-labelledby="sources-title">
            <h2 id="sources-title">"Sources and caveats"</h2>
            <ul class="sources__caveats">
                {caveats.into_iter().map(|(text, _)| view! { <li>{text}</li> }).collect_view()}
            </ul>
            <ol class="sources__list" data-testid="source-list">
                {sources.into_iter().map(|s| view! { <SourceEntry source=s anchor=true/> }).collect_view()}
            </ol>
        </section>
    }
}

/// One source in full: title, publisher, date (unless the title says it), what was taken
/// from it, and its address. `anchor` gives it the id the page's source lines link to.
#[component]
pub fn SourceEntry(source: crate::model::Source, #[prop(optional)] anchor: bool) -> impl IntoView {
    let id = anchor.then(|| format!("source-{}", source.id));
    let publisher = source.publisher_and_when();
    view! {
        <li id=id>
            <strong>{source.title}</strong> ". " {publisher}
            <span class="sources__citation">{source.citation}</span>
            {source.url.map(|u| view! { " " <span class="sources__url">{u}</span> })}
        </li>
    }
}
