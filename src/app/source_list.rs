//! Every source the dataset cites, in full.

use std::sync::Arc;

use leptos::prelude::*;

use crate::dataset::Dataset;

/// The list of sources at the foot of the page, with the attribution caveat.
#[component]
pub fn SourceList(dataset: Arc<Dataset>) -> impl IntoView {
    let caveats = crate::markup::note_items(
        &crate::provenance::attribution_statements(&dataset)
            .into_iter()
            .map(|(t, _)| t)
            .collect::<Vec<_>>(),
    );
    // The one markup of a source (`crate::markup`), the static page's too.
    let list: String = dataset
        .raw()
        .sources
        .iter()
        .map(|s| crate::markup::source_entry(s, true))
        .collect();
    view! {
        <section class="sources" id="sources" aria-labelledby="sources-title">
            <h2 id="sources-title">"Sources and caveats"</h2>
            <ul class="sources__caveats" inner_html=caveats></ul>
            <ol class="sources__list" data-testid="source-list" inner_html=list></ol>
        </section>
    }
}
