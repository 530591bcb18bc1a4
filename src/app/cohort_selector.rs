//! The cohort selector: the whole programme or one named network.

use std::sync::Arc;

use leptos::prelude::*;

use crate::aggregate::CohortChoice;
use crate::dataset::Dataset;

/// A labelled `<select>` that sets the cohort every chart shows.
#[component]
pub fn CohortSelector(dataset: Arc<Dataset>, cohort: RwSignal<CohortChoice>) -> impl IntoView {
    let options: Vec<(String, String)> = std::iter::once((
        "all".to_string(),
        format!(
            "All programme schools ({} named)",
            dataset.raw().schools.len()
        ),
    ))
    .chain(dataset.raw().cohorts.iter().map(|c| {
        (
            c.id.clone(),
            format!("{} ({} named)", c.name, c.schools.len()),
        )
    }))
    .collect();
    let ds = dataset.clone();
    let on_change = move |ev| {
        let id = event_target_value(&ev);
        cohort.set(CohortChoice::from_id(&ds, &id));
    };
    let membership = move || match cohort.get() {
        CohortChoice::Programme => dataset.raw().programme.membership_note.clone(),
        CohortChoice::Cohort(id) => dataset
            .cohort(&id)
            .map(|c| c.membership.clone())
            .unwrap_or_default(),
    };
    view! {
        <div class="cohort-selector">
            <label for="cohort-select">"Cohort"</label>
            <select
                id="cohort-select"
                data-testid="cohort-select"
                on:change=on_change
                prop:value=move || cohort.get().id().to_string()
            >
                {options
                    .into_iter()
                    .map(|(id, label)| view! { <option value=id>{label}</option> })
                    .collect_view()}
            </select>
            <p class="cohort-selector__membership" aria-live="polite">{membership}</p>
        </div>
    }
}
