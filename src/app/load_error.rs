//! The message shown instead of the dashboard when the dataset cannot be shown.

use leptos::prelude::*;

use super::api::LoadError;

/// Says what went wrong and where, one problem per line, and what the reader can do.
#[component]
pub fn LoadErrorPanel(error: LoadError) -> impl IntoView {
    // Plain words for every reader, every problem listed; the exact form (address, JSON
    // path) for whoever fixes the file, under "Details".
    let (headline, lines, details): (&str, Vec<String>, Vec<String>) = match &error {
        LoadError::Network { message, .. } => (
            "The dashboard's data could not be loaded",
            vec![format!(
                "The data file could not be fetched: the connection failed or was blocked ({}).",
                crate::format::unbracket(message)
            )],
            vec![error.to_string()],
        ),
        LoadError::Http { status, .. } => (
            "The dashboard's data could not be loaded",
            vec![if *status == 404 {
                "The data file is not on the server (it answered 404, not found).".to_string()
            } else {
                format!("The server could not send the data file: it answered with error {status}.")
            }],
            vec![error.to_string()],
        ),
        LoadError::Data { url, errors } => (
            "The dashboard's data file has errors",
            errors
                .as_slice()
                .iter()
                .map(crate::error::DataError::plain)
                .collect(),
            std::iter::once(format!("{url}:"))
                .chain(errors.as_slice().iter().map(ToString::to_string))
                .collect(),
        ),
    };
    view! {
        <section class="load-error" role="alert" data-testid="load-error">
            <h2>{headline}</h2>
            <ul class="load-error__list">
                {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
            <details class="load-error__details">
                <summary>"Details for whoever maintains the data file"</summary>
                <ul>{details.into_iter().map(|l| view! { <li><code>{l}</code></li> }).collect_view()}</ul>
            </details>
            <p>
                "Nothing is shown rather than figures that might be wrong. Reload the page to try again; "
                "if the problem stays, tell the School Improvement Team (schoolimprovement@worc.ac.uk) what it says above."
            </p>
        </section>
    }
}
