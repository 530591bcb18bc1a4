//! The view controls: cohort, subject and (when the data has several) year.

use std::sync::Arc;

use leptos::prelude::*;

use crate::dataset::Dataset;
use crate::model::{PupilGroup, Subject};
use crate::selection::{school_years, CohortChoice};
use crate::view::{Mode, View};

/// Labelled selects that change the view, and what is known of the chosen cohort's members.
#[component]
pub fn Controls(
    dataset: Arc<Dataset>,
    view: Memo<View>,
    set_view: Callback<View>,
) -> impl IntoView {
    let cohorts = crate::page::cohort_options(&dataset);
    let menu_label = dataset.cohort_menu_label();
    let years = school_years(&dataset);
    let ds = dataset.clone();
    let on_cohort = move |ev| {
        let mut v = view.get_untracked();
        v.selection.cohort = CohortChoice::from_id(&ds, &event_target_value(&ev));
        set_view.run(v);
    };
    let on_subject = move |ev| {
        let id = event_target_value(&ev);
        let mut v = view.get_untracked();
        v.selection.subject = Subject::ALL
            .into_iter()
            .find(|s| s.label().to_lowercase() == id);
        set_view.run(v);
    };
    let on_pupils = move |ev| {
        let id = event_target_value(&ev);
        let mut v = view.get_untracked();
        v.selection.pupils = PupilGroup::ALL
            .into_iter()
            .find(|g| g.id() == id)
            .unwrap_or_default();
        set_view.run(v);
    };
    let has_areas = !dataset.raw().area_series.is_empty();
    let pupils_select = has_areas.then(|| {
        view! {
            <div class="controls__field">
                <label for="pupils-select">"Pupils (area charts)"</label>
                <select
                    id="pupils-select"
                    data-testid="pupils-select"
                    on:change=on_pupils
                    prop:value=move || view.with(|v| v.selection.pupils.id().to_string())
                >
                    {PupilGroup::ALL
                        .map(|g| view! { <option value=g.id()>{g.menu_label()}</option> })
                        .collect_view()}
                </select>
            </div>
        }
    });
    let latest = years.last().copied();
    let on_year = move |ev| {
        let mut v = view.get_untracked();
        v.selection.year = event_target_value(&ev)
            .parse()
            .ok()
            .filter(|y| Some(*y) != latest);
        set_view.run(v);
    };
    let ds = dataset.clone();
    let membership = move || view.with(|v| crate::page::membership_note(&ds, &v.selection.cohort));
    let year_select = (years.len() > 1).then(|| {
        let options = years
            .iter()
            .rev()
            .map(|y| view! { <option value=y.to_string()>{y.to_string()}</option> })
            .collect_view();
        view! {
            <div class="controls__field">
                <label for="year-select">"Year (schools)"</label>
                <select
                    id="year-select"
                    data-testid="year-select"
                    on:change=on_year
                    prop:value=move || {
                        view.with(|v| v.selection.year.or(latest)).map(|y| y.to_string()).unwrap_or_default()
                    }
                >
                    {options}
                </select>
            </div>
        }
    });
    view! {
        <div class="controls">
            <div class="controls__field">
                <label for="cohort-select">{menu_label}</label>
                <select
                    id="cohort-select"
                    data-testid="cohort-select"
                    on:change=on_cohort
                    prop:value=move || view.with(|v| v.selection.cohort.id().to_string())
                >
                    {cohorts
                        .into_iter()
                        .map(|(id, label)| view! { <option value=id>{label}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="controls__field">
                <label for="subject-select">"Subject"</label>
                <select
                    id="subject-select"
                    data-testid="subject-select"
                    on:change=on_subject
                    prop:value=move || {
                        view.with(|v| v.selection.subject.map_or("all".to_string(), |s| s.label().to_lowercase()))
                    }
                >
                    <option value="all">"All three subjects"</option>
                    {Subject::ALL
                        .map(|s| view! { <option value=s.label().to_lowercase()>{s.label()}</option> })
                        .collect_view()}
                </select>
            </div>
            {pupils_select}
            {year_select}
            <button
                type="button"
                class="controls__present"
                id="present-button"
                data-testid="present"
                on:click=move |_| {
                    let mut v = view.get_untracked();
                    v.mode = Mode::Present;
                    v.slide = 0;
                    set_view.run(v);
                }
            >
                "Present"
            </button>
            <super::print::PrintButton />
            <p class="controls__membership" aria-live="polite">{membership}</p>
        </div>
    }
}
