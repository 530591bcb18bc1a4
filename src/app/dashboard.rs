//! The loaded dashboard. The address is the view: the query string is read into a
//! [`View`], every control writes a new address, and back/forward step through views.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use super::chart_card::ChartCard;
use super::controls::Controls;
use super::programme_facts::ProgrammeFacts;
use super::source_list::SourceList;
use crate::charts::any::AnyChart;
use crate::dataset::Dataset;
use crate::view::{ChartId, View};

/// Width charts are drawn at before the page has been measured.
const DEFAULT_WIDTH: u32 = 960;

fn explainer(chart: ChartId) -> &'static str {
    match chart {
        ChartId::Ks2Progress => "A progress score compares pupils' KS2 results with those of pupils across England who had similar results at KS1. 0 is the national average; +1 means a school's pupils scored on average one mark more than similar pupils nationally.",
        ChartId::Disadvantaged => "How much progress disadvantaged pupils made, compared with disadvantaged pupils across England, and how many pupils are eligible for free school meals.",
        ChartId::Ofsted => "Share of schools at each Ofsted overall-effectiveness judgement, from each school's latest inspection.",
    }
}

/// The dashboard for one loaded dataset.
#[component]
pub fn Dashboard(dataset: Arc<Dataset>) -> impl IntoView {
    let query = use_query_map();
    let location = use_location();
    let navigate = use_navigate();
    let ds = dataset.clone();
    let parsed = Memo::new(move |_| query.with(|q| View::from_params(|k| q.get(k), &ds)));
    let view = Memo::new(move |_| parsed.with(|(v, _)| v.clone()));
    let notices = Memo::new(move |_| parsed.with(|(_, n)| n.clone()));
    let set_view = Callback::new(move |v: View| {
        let path = location.pathname.get_untracked();
        navigate(
            &format!("{path}{}", v.to_query()),
            NavigateOptions {
                resolve: false,
                scroll: false,
                ..Default::default()
            },
        );
    });
    let width = RwSignal::new(DEFAULT_WIDTH);

    // A link that names a chart opens with that chart in view.
    if let Some(chart) = view.get_untracked().chart {
        request_animation_frame(move || {
            if let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(chart.id()))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                el.scroll_into_view();
            }
        });
    }

    let cards = ChartId::ALL
        .map(|chart| {
            let ds = dataset.clone();
            let model =
                Memo::new(move |_| view.with(|v| AnyChart::build(chart, &ds, &v.selection)));
            view! {
                <ChartCard
                    chart=chart
                    model=model
                    view=view
                    set_view=set_view
                    dataset=dataset.clone()
                    width=width
                    explainer=explainer(chart)
                />
            }
        })
        .collect_view();

    view! {
        <ProgrammeFacts dataset=dataset.clone() />
        {move || {
            let n = notices.get();
            (!n.is_empty()).then(|| view! {
                <div class="notice" role="status" data-testid="link-notice">
                    <ul>{n.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                </div>
            })
        }}
        <Controls dataset=dataset.clone() view=view set_view=set_view />
        <div class="charts">{cards}</div>
        <SourceList dataset=dataset.clone() />
    }
}
