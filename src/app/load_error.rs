//! The message shown instead of the dashboard when the dataset cannot be shown.

use leptos::prelude::*;

use super::api::LoadError;

/// Says what went wrong and where, one problem per line, and what the reader can do.
#[component]
pub fn LoadErrorPanel(error: LoadError) -> impl IntoView {
    let (headline, lines): (&str, Vec<String>) = match &error {
        LoadError::Network { .. } | LoadError::Http { .. } => (
            "The dashboard's data could not be loaded",
            vec![error.to_string()],
        ),
        LoadError::Data { url, errors } => (
            "The dashboard's data file has errors",
            std::iter::once(format!("{url}:"))
                .chain(errors.as_slice().iter().map(ToString::to_string))
                .collect(),
        ),
    };
    view! {
        <section class="load-error" role="alert" data-testid="load-error">
            <h2>{headline}</h2>
            <ul class="load-error__list">
                {lines.into_iter().map(|l| view! { <li><code>{l}</code></li> }).collect_view()}
            </ul>
            <p>
                "Nothing is shown rather than figures that might be wrong. Reload the page to try again; "
                "if the problem stays, tell the School Improvement Team (schoolimprovement@worc.ac.uk) what it says above."
            </p>
        </section>
    }
}
