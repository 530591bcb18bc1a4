//! Every source the dataset cites, in full.

use std::sync::Arc;

use leptos::prelude::*;

use crate::dataset::Dataset;

/// The list of sources at the foot of the page, with the attribution caveat.
#[component]
pub fn SourceList(dataset: Arc<Dataset>) -> impl IntoView {
    // The one markup of the caveats and sources (`crate::markup`), the static page's too.
    let (caveats, list) = crate::markup::caveats_and_sources(&dataset, true);
    view! {
        <section class="sources" id="sources" aria-labelledby="sources-title">
            <h2 id="sources-title">"Sources and caveats"</h2>
            <ul class="sources__caveats" inner_html=caveats></ul>
            <ol class="sources__list" data-testid="source-list" inner_html=list></ol>
        </section>
    }
}
