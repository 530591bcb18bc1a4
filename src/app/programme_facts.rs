//! The programme in figures: cohorts, schools, start years, and what is not published.

use std::sync::Arc;

use leptos::prelude::*;

use crate::dataset::Dataset;

/// A short row of headline facts, each with its source.
#[component]
pub fn ProgrammeFacts(dataset: Arc<Dataset>) -> impl IntoView {
    let (facts, source) = crate::page::programme_facts(&dataset);
    view! {
        <section class="facts" aria-label="The programme in figures">
            <dl class="facts__list">
                {facts.into_iter().map(|(label, value, test_id)| view! {
                    <div class="facts__item">
                        <dt>{label}</dt>
                        <dd data-testid=test_id>{value}</dd>
                    </div>
                }).collect_view()}
            </dl>
            <p class="facts__source">"Source: " {source}</p>
        </section>
    }
}
