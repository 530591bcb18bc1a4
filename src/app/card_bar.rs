//! A card's bar: the menu of the school in colour (where the chart brings one forward), the
//! legend (behind one button on a phone) and the Chart | Table | Sources tabs. Their markup is
//! the static page's (`crate::markup`); the bar answers them by one handler each, from the
//! element's `data-` attributes or id, and puts the keyboard's focus back on a control its
//! redraw replaced.

use leptos::ev::{KeyboardEvent, MouseEvent};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::focus::{focus_id, focus_lost};
use crate::charts::{Built, ChartId};
use crate::ids::{Of, Part};
use crate::view::{Tab, View};

/// The bar of chart `chart`'s card.
#[component]
pub fn CardBar(
    /// Which chart.
    chart: ChartId,
    /// Its model for the current view.
    model: Memo<Built>,
    /// The whole view.
    view: Memo<View>,
    /// Changes the view (and the address).
    set_view: Callback<View>,
    /// The tab shown.
    tab: Memo<Tab>,
    /// The dataset's region (its legend swatch has the region's colour).
    region: Option<String>,
) -> impl IntoView {
    let id = chart.id();
    // The tabs, legend and downloads are the static page's markup (`crate::markup`); the
    // card answers them by one handler each, from the button's `data-` attributes.
    let at = crate::markup::CardAt {
        of: Of::App,
        chart: id,
    };
    let tab_id = move |t: Tab| Of::App.tab(id, t.id());
    let choose_tab = move |t: Tab| set_view.run(view.get_untracked().with_tab(chart, t));
    // Written once: a tab chosen changes its buttons' state, not the buttons (which would take
    // the keyboard's focus with them).
    let tabs_html = crate::markup::tab_buttons(at, tab.get_untracked());
    let tablist = NodeRef::<Div>::new();
    Effect::new(move |_| {
        let now = tab.get();
        let Some(list) = tablist.get() else { return };
        for t in Tab::ALL {
            if let Ok(Some(b)) = list.query_selector(&format!("#{}", tab_id(t))) {
                let _ = b.set_attribute("aria-selected", &(t == now).to_string());
                let _ = b.set_attribute("tabindex", if t == now { "0" } else { "-1" });
            }
        }
    });
    let tab_at = move |target: Option<web_sys::EventTarget>| -> Option<Tab> {
        let el = target?.dyn_into::<web_sys::Element>().ok()?;
        let button = el.closest("[role=tab]").ok()??;
        let bid = button.id();
        Tab::ALL.into_iter().find(|t| tab_id(*t) == bid)
    };
    let on_tab_click = move |ev: MouseEvent| {
        if let Some(t) = tab_at(ev.target()) {
            choose_tab(t);
        }
    };
    let on_tab_key = move |ev: KeyboardEvent| {
        let Some(t) = tab_at(ev.target()) else { return };
        let i = Tab::ALL.iter().position(|x| *x == t).unwrap_or(0);
        let next = match ev.key().as_str() {
            "ArrowRight" => Tab::ALL[(i + 1) % 3],
            "ArrowLeft" => Tab::ALL[(i + 2) % 3],
            "Home" => Tab::Chart,
            "End" => Tab::Sources,
            _ => return,
        };
        ev.prevent_default();
        choose_tab(next);
        focus_id(&tab_id(next));
    };

    // On a phone the legend's buttons wait behind one button (the drawing has its key).
    let legend_open = RwSignal::new(false);
    let legend = move || {
        model.with(|m| {
            let focus = m.focus().map(|f| f.chosen);
            crate::markup::legend_items(at, chart, m.legend(), region.as_deref(), focus.as_deref())
        })
    };
    let legend_box = NodeRef::<Div>::new();
    // The school drawn in colour (`Chart::focus`), chosen from its menu; the menu is drawn
    // again with the chart, and the keyboard's focus goes back to it.
    let focus_html = move || {
        model.with(|m| {
            m.focus()
                .map(|f| crate::markup::focus_menu(at, &f))
                .unwrap_or_default()
        })
    };
    let on_focus = move |ev: leptos::ev::Event| {
        let Some(select) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        else {
            return;
        };
        set_view.run(view.get_untracked().with_focus(chart, &select.value()));
        let menu = Of::App.part(id, Part::Focus);
        request_animation_frame(move || {
            if focus_lost() {
                focus_id(&menu);
            }
        });
    };
    // A series hidden or shown redraws the legend: the keyboard's focus goes back to the
    // button pressed.
    let on_legend = move |ev: MouseEvent| {
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".legend__item").ok().flatten())
        else {
            return;
        };
        let Some(series) = button.get_attribute("data-series") else {
            return;
        };
        set_view.run(view.get_untracked().with_series_toggled(chart, &series));
        // Once redrawn: where the focus went with the old button (to the page's body), it
        // comes back to the new one.
        request_animation_frame(move || {
            if !focus_lost() {
                return;
            }
            let again = legend_box.get_untracked().and_then(|b| {
                b.query_selector_all(".legend__item").ok().and_then(|all| {
                    (0..all.length())
                        .filter_map(|i| all.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
                        .find(|e| e.get_attribute("data-series").as_deref() == Some(&series))
                })
            });
            if let Some(again) = again {
                let _ = again.focus();
            }
        });
    };

    view! {
            <div class="chart-card__bar">
                <div class="markup" inner_html=focus_html on:change=on_focus></div>
                <button
                    type="button"
                    class="legend__toggle"
                    id=Of::App.part(id, Part::LegendToggle)
                    aria-expanded=move || legend_open.get().to_string()
                    aria-controls=Of::App.part(id, Part::Legend)
                    on:click=move |_| legend_open.update(|o| *o = !*o)
                >
                    {move || model.with(|m| crate::page::legend_toggle_words(m.legend().len()))}
                </button>
                <div class="legend" class:legend--open=move || legend_open.get() id=Of::App.part(id, Part::Legend) role="group" aria-label="Show or hide series" node_ref=legend_box inner_html=legend on:click=on_legend></div>
                <div class="tabs" role="tablist" aria-label="Show as" node_ref=tablist inner_html=tabs_html on:click=on_tab_click on:keydown=on_tab_key></div>
            </div>
    }
}
