//! One chart with its title, explanation, drawing, notes, source line and table of figures.

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;

use crate::charts::ChartError;
use crate::dataset::Dataset;

/// A chart card. The drawing is SVG text from the core; plotters escapes every string in it,
/// so dataset text cannot become markup.
#[component]
pub fn ChartCard(
    /// Stable id, used for the anchor and in tests.
    id: &'static str,
    /// Title, which changes with the cohort.
    #[prop(into)]
    title: Signal<String>,
    /// One sentence on what the chart measures.
    explainer: &'static str,
    /// The drawing.
    #[prop(into)]
    svg: Signal<Result<String, ChartError>>,
    /// Caveats and published statements shown under the chart.
    #[prop(into)]
    notes: Signal<Vec<String>>,
    /// Ids of the sources the chart cites.
    #[prop(into)]
    sources: Signal<Vec<String>>,
    /// The dataset, to resolve source ids.
    dataset: Arc<Dataset>,
    /// The width charts are drawn at: this card writes its frame's width into it.
    width: RwSignal<u32>,
    /// The table of the chart's figures.
    children: Children,
) -> impl IntoView {
    let frame = NodeRef::<Div>::new();
    let measure = move || {
        if let Some(el) = frame.get_untracked() {
            let w = u32::try_from(el.client_width()).unwrap_or(0);
            if w > 0 && w != width.get_untracked() {
                width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if frame.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    let heading_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let source_line = move || {
        sources
            .get()
            .iter()
            .filter_map(|s| dataset.source(s))
            .map(|s| format!("{}, {} ({})", s.publisher, s.title, s.date))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let (figure_label, figure_desc) = (heading_id.clone(), desc_id.clone());
    let section_label = heading_id.clone();
    let test_id = format!("chart-{id}");
    view! {
        <section class="chart-card" id=id data-testid=test_id aria-labelledby=section_label>
            <h2 class="chart-card__title" id=heading_id>{move || title.get()}</h2>
            <p class="chart-card__explainer" id=desc_id>{explainer}</p>
            <div class="chart-card__frame" node_ref=frame>
            {move || match svg.get() {
                Ok(svg) => view! {
                    <div
                        class="chart-card__figure"
                        role="img"
                        aria-labelledby=figure_label.clone()
                        aria-describedby=figure_desc.clone()
                        data-testid="chart-figure"
                        inner_html=svg
                    ></div>
                }.into_any(),
                Err(e) => view! { <p class="chart-card__error" role="alert">{e.to_string()}</p> }.into_any(),
            }}
            </div>
            <ul class="chart-card__notes">
                {move || notes.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
            </ul>
            <p class="chart-card__source" data-testid="source-line">
                <span class="chart-card__source-label">"Source: "</span>
                {source_line}
            </p>
            <details class="chart-card__table">
                <summary>"Show the figures as a table"</summary>
                {children()}
            </details>
        </section>
    }
}
