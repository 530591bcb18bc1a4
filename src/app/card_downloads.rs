//! A card's downloads: PNG (twice the screen's size), SVG and CSV of the chart as it is, named
//! by what they hold, each saying when it is saved or why it is not. The buttons are the
//! static page's markup (`crate::markup::download_buttons`), answered by one handler.

use std::sync::Arc;

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::download::{save_png, save_text};
use crate::charts::Built;
use crate::dataset::Dataset;
use crate::ids::Of;
use crate::table::to_csv;
use crate::view::View;

/// The download buttons of a card and what they say.
#[component]
pub fn Downloads(
    /// The chart's model for the current view.
    model: Memo<Built>,
    /// The whole view.
    view: Memo<View>,
    /// The dataset, for the sources the exports name.
    dataset: Arc<Dataset>,
    /// The width the chart is drawn at (the SVG and PNG are drawn at it).
    width: RwSignal<u32>,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let id = model.with_untracked(|m| m.id().id());
    let at = crate::markup::CardAt {
        of: Of::App,
        chart: id,
    };
    let ds = dataset.clone();
    let download_csv = move || {
        let (name, csv) = model.with_untracked(|m| {
            let sel = view.with_untracked(|v| v.selection.clone());
            let csv = m
                .tables(&ds)
                .first()
                .map(|t| to_csv(t, &ds))
                .unwrap_or_default();
            (format!("{}.csv", crate::charts::file_stem(&**m, &sel)), csv)
        });
        match save_text(&name, "text/csv;charset=utf-8", &csv) {
            Ok(()) => status.set(format!("Saved {name}")),
            Err(e) => status.set(format!("The CSV could not be saved: {e}")),
        }
    };
    let ds = dataset.clone();
    let export = move || {
        model.with_untracked(|m| {
            let sel = view.with_untracked(|v| v.selection.clone());
            (
                crate::charts::file_stem(&**m, &sel),
                crate::charts::export_svg(&**m, &ds, width.get_untracked()),
            )
        })
    };
    let export2 = export.clone();
    let download_svg = move || match export() {
        (stem, Ok(svg)) => {
            let name = format!("{stem}.svg");
            match save_text(&name, "image/svg+xml", &svg) {
                Ok(()) => status.set(format!("Saved {name}")),
                Err(e) => status.set(format!("The SVG could not be saved: {e}")),
            }
        }
        (_, Err(e)) => status.set(e.to_string()),
    };
    let download_png = move || match export2() {
        (stem, Ok(svg)) => {
            let name = format!("{stem}.png");
            let saved = name.clone();
            status.set(format!("Making {name}\u{2026}"));
            save_png(name, &svg, 2, move |r| match r {
                Ok((w, h)) => status.set(format!(
                    "Saved {saved} ({w} \u{d7} {h} px, twice the on-screen size)"
                )),
                Err(e) => status.set(format!("The PNG could not be saved: {e}")),
            });
        }
        (_, Err(e)) => status.set(e.to_string()),
    };

    let on_download = move |ev: MouseEvent| {
        let kind = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("[data-download]").ok().flatten())
            .and_then(|b| b.get_attribute("data-download"));
        match kind.as_deref() {
            Some("png") => download_png(),
            Some("svg") => download_svg(),
            Some("csv") => download_csv(),
            _ => {}
        }
    };
    let downloads = move || model.with(|m| crate::markup::download_buttons(at, m.title()));

    view! {
            <div class="downloads" role="group" aria-label="Download" on:click=on_download>
                <span class="markup" inner_html=downloads></span>
                <span class="downloads__status" role="status">{move || status.get()}</span>
            </div>
    }
}
