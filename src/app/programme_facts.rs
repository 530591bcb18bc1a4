//! The programme in figures: cohorts, schools, start years, and what is not published.

use std::sync::Arc;

use leptos::prelude::*;

use crate::dataset::Dataset;

/// A short row of headline facts, each with its source.
#[component]
pub fn ProgrammeFacts(dataset: Arc<Dataset>) -> impl IntoView {
    let p = &dataset.raw().programme;
    let waves = p
        .start_waves
        .iter()
        .map(|w| format!("{} in {}", w.cohorts, w.year))
        .collect::<Vec<_>>()
        .join(", ");
    let cite = |id: &str| {
        dataset
            .source(id)
            .map(|s| format!("{}, {}", s.publisher, s.title))
            .unwrap_or_default()
    };
    view! {
        <section class="facts" aria-label="The programme in figures">
            <dl class="facts__list">
                <div class="facts__item">
                    <dt>"Cohorts"</dt>
                    <dd data-testid="fact-cohorts">{crate::format::count(p.cohorts_total.value)}</dd>
                </div>
                <div class="facts__item">
                    <dt>"Schools"</dt>
                    <dd data-testid="fact-schools">{crate::format::count(p.schools_total.value)}</dd>
                </div>
                <div class="facts__item">
                    <dt>"Cohorts started"</dt>
                    <dd>{waves}</dd>
                </div>
                {(!dataset.list_is_complete()).then(|| view! {
                    <div class="facts__item">
                        <dt>"Schools named in published documents"</dt>
                        <dd>{crate::format::count(dataset.raw().schools.len())}</dd>
                    </div>
                })}
            </dl>
            <p class="facts__source">"Source: " {cite(&p.cohorts_total.source)}</p>
        </section>
    }
}
