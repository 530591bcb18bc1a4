//! The loaded dashboard. The address is the view: the query string is read into a
//! [`View`], every control writes a new address, and back/forward step through views.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use super::chart_card::ChartCard;
use super::controls::Controls;
use super::presenter::Presenter;
use super::programme_facts::ProgrammeFacts;
use super::source_list::SourceList;
use super::stage::{self, Stage};
use crate::charts::kit::theme::Theme;
use crate::charts::ChartId;
use crate::dataset::Dataset;
use crate::view::{Mode, View};

/// The dashboard for one loaded dataset.
#[component]
pub fn Dashboard(dataset: Arc<Dataset>) -> impl IntoView {
    let query = use_query_map();
    let location = use_location();
    let navigate = use_navigate();
    let ds = dataset.clone();
    let parsed = Memo::new(move |_| query.with(|q| View::from_params(|k| q.get(k), &ds)));
    let view = Memo::new(move |_| parsed.with(|(v, _)| v.clone()));
    // The reader's own data is never in the address: a link made while it is shown carries
    // `yours`, so that reopening it says it shows the published data instead.
    let yours = dataset.origin().is_some();
    let ds_n = dataset.clone();
    let notices = Memo::new(move |_| {
        let mut n = parsed.with(|(_, n)| n.clone());
        if ds_n.origin().is_none() && query.with(|q| q.get("yours").is_some()) {
            n.insert(0, "This link was made while someone was looking at their own data, which stays in their browser and is never sent: this page shows the published figures.".to_string());
        }
        n
    });
    let address = move |v: &View| {
        let path = location.pathname.get_untracked();
        let q = v.to_query();
        match (yours, q.is_empty()) {
            (false, _) => format!("{path}{q}"),
            (true, true) => format!("{path}?yours"),
            (true, false) => format!("{path}{q}&yours"),
        }
    };
    let go = navigate.clone();
    let set_view = Callback::new(move |v: View| {
        go(
            &address(&v),
            NavigateOptions {
                resolve: false,
                scroll: false,
                ..Default::default()
            },
        );
    });
    // Loading the reader's data marks the address at once, in place.
    if yours && query.with_untracked(|q| q.get("yours").is_none()) {
        navigate(
            &address(&view.get_untracked()),
            NavigateOptions {
                resolve: false,
                scroll: false,
                replace: true,
                ..Default::default()
            },
        );
    }
    // 0 until a chart card has measured its frame.
    let width = RwSignal::new(0);

    // A theme in the link wins; otherwise the reader's system setting.
    let prefers_dark = web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches());
    // Paper is printed in the light theme.
    let printing = super::print::Printing::follow();
    provide_context(printing);
    let theme = Memo::new(move |_| {
        if printing.on.get() {
            return Theme::Light;
        }
        view.with(|v| v.theme).unwrap_or(if prefers_dark {
            Theme::Dark
        } else {
            Theme::Light
        })
    });
    let mode = Memo::new(move |_| view.with(|v| v.mode));
    // The page's own colours and chrome follow the theme and mode through attributes on <html>.
    Effect::new(move |_| {
        let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        else {
            return;
        };
        let chosen = if printing.on.get() {
            Some(Theme::Light)
        } else {
            view.with(|v| v.theme)
        };
        let _ = match chosen {
            Some(t) => root.set_attribute("data-theme", t.id()),
            None => root.remove_attribute("data-theme"),
        };
        let _ = root.set_attribute(
            "data-mode",
            match mode.get() {
                Mode::Page => "page",
                Mode::Embed => "embed",
                Mode::Present => "present",
            },
        );
    });

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

    // Over the prerendered default view the cards are built one task after another
    // (`stage.rs`); a change of view meanwhile builds the rest at once.
    let page_charts = ChartId::available(&dataset);
    let staged = mode.get_untracked() == Mode::Page && !yours && stage::prerendered_page();
    // The slots' heights, read in one go before anything is built (one layout, not one a slot).
    let slot_heights: Vec<f64> = if staged {
        page_charts
            .iter()
            .map(|c| stage::static_height(c.id()).unwrap_or(0.0))
            .collect()
    } else {
        Vec::new()
    };
    let stage = Stage::start(page_charts.iter().map(|c| c.id()).collect(), staged);
    Effect::new(move |first: Option<()>| {
        view.track();
        if first.is_some() {
            stage.finish();
        }
    });
    // Paper needs every card at once.
    Effect::new(move |_| {
        if printing.on.get() {
            stage.finish();
        }
    });

    // Models depend on the selection only: switching a tab or a theme rebuilds nothing.
    let selection = Memo::new(move |_| view.with(|v| v.selection.clone()));
    // Each chart's model, built when first read. Models are keyed by what each chart depends
    // on, so a change elsewhere leaves them.
    let models: Vec<(ChartId, Memo<crate::charts::Built>)> = ChartId::available(&dataset)
        .into_iter()
        .map(|chart| {
            let ds = dataset.clone();
            let key = Memo::new(move |_| selection.with(|s| chart.depends_on(s)));
            (chart, Memo::new(move |_| key.with(|s| chart.build(&ds, s))))
        })
        .collect();
    let paper = super::print::paper_plan(selection, models.clone());
    let ds = dataset.clone();
    let card = move |chart: ChartId| {
        let dataset = ds.clone();
        let ds = dataset.clone();
        let model = models
            .iter()
            .find(|(c, _)| *c == chart)
            .map(|(_, m)| *m)
            .unwrap_or_else(|| Memo::new(move |_| chart.build(&ds, &selection.get())));
        let paper_width = Signal::derive(move || {
            paper.with(|p| p.iter().find(|(c, _)| *c == chart).map(|(_, w)| *w))
        });
        view! {
            <ChartCard
                chart=chart
                model=model
                paper_width=paper_width
                view=view
                set_view=set_view
                dataset=dataset.clone()
                width=width
                theme=theme
                explainer=chart.explainer()
                drawn=stage.drawn
            />
        }
    };
    let ds = dataset.clone();
    let embedded_chart = Memo::new(move |_| view.with(|v| v.chart));
    let show_selector = Memo::new(move |_| view.with(|v| v.embed.selector));
    move || {
        match mode.get() {
        Mode::Present => view! {
            <Presenter dataset=ds.clone() view=view set_view=set_view theme=theme />
        }
        .into_any(),
        Mode::Embed => {
            let charts: Vec<ChartId> = match embedded_chart.get() {
                Some(c) => vec![c],
                None => ChartId::available(&ds),
            };
            // A way out of the frame to the same view on the full page.
            let full = {
                let mut v = view.get();
                v.mode = Mode::Page;
                format!("{}{}", location.pathname.get_untracked(), v.to_query())
            };
            view! {
                {show_selector.get().then(|| view! { <Controls dataset=ds.clone() view=view set_view=set_view /> })}
                <div class="charts">{charts.into_iter().map(card.clone()).collect_view()}</div>
                <p class="embed__full">
                    <a href=full target="_blank" rel="noopener" data-testid="embed-full-link">
                        {crate::page::EMBED_WAY_OUT}
                    </a>
                </p>
            }
            .into_any()
        }
        Mode::Page => view! {
            <super::answer::AnswerSection dataset=ds.clone() view=view />
            <ProgrammeFacts dataset=ds.clone() />
            {move || {
                let n = notices.get();
                (!n.is_empty()).then(|| view! {
                    <div class="notice" role="status" data-testid="link-notice">
                        <ul>{n.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            <Controls dataset=ds.clone() view=view set_view=set_view />
            <div class="charts">
                {page_charts.iter().copied().enumerate().map(|(i, chart)| {
                    let card = card.clone();
                    let height = slot_heights.get(i).copied().unwrap_or(0.0);
                    let ready = Memo::new(move |_| stage.built.get() > i);
                    move || if ready.get() {
                        card(chart).into_any()
                    } else {
                        // The static card shows through this slot until the card is built.
                        view! {
                            <section class="chart-card chart-card--slot" aria-hidden="true" style:height=format!("{height}px")></section>
                        }.into_any()
                    }
                }).collect_view()}
            </div>
            <super::print::PrintNotes />
            <SourceList dataset=ds.clone() />
        }
        .into_any(),
    }
    }
}
