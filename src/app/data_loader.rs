//! "Load your data": a file picker and drop zone that read a dataset JSON, or a cohort list
//! with DfE/Ofsted CSVs, in the browser, with the importer's own code and messages (run in
//! a worker fetched when first needed: `importer.rs`). Nothing
//! is sent anywhere: the files are read with the File API and never leave the page.

use std::sync::Arc;

use js_sys::ArrayBuffer;
use leptos::ev::DragEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FileList, HtmlInputElement};

use crate::dataset::{Dataset, MAX_INPUT_BYTES};
use crate::import::ImportFailure;

/// A dataset the reader loaded, with the names of the files it came from.
#[derive(Clone)]
pub struct UserData {
    /// The validated dataset.
    pub dataset: Arc<Dataset>,
    /// File names, for the banner.
    pub files: Vec<String>,
}

/// The files of a list, taken now: a `FileList` is live, and clearing the input empties it.
fn files_of(list: &FileList) -> Vec<File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The files' contents, read by the browser; files too large are refused here, before
/// they are read.
async fn read_all(files: Vec<File>) -> Result<Vec<(String, ArrayBuffer)>, Vec<String>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for f in files {
        let name = f.name();
        if f.size() > MAX_INPUT_BYTES as f64 {
            errors.push(format!(
                "{name} is {:.0} MB: the dashboard reads files of up to {} MB.",
                f.size() / (1024.0 * 1024.0),
                MAX_INPUT_BYTES / (1024 * 1024)
            ));
            continue;
        }
        // Bytes, not text: the importer decodes them (Windows-1252, workbooks refused).
        let read = JsFuture::from(f.array_buffer()).await.ok();
        match read.and_then(|v| v.dyn_into::<ArrayBuffer>().ok()) {
            Some(bytes) => out.push((name, bytes)),
            None => errors.push(format!("The browser could not read {name}.")),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Files to a dataset: read here, imported in the worker, validated as any dataset is.
async fn load_files(list: Vec<File>) -> Result<(Dataset, String, Vec<String>), Vec<String>> {
    let files = read_all(list).await?;
    if files.is_empty() {
        return Err(vec![crate::worker::NO_FILES.to_string()]);
    }
    let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
    let (json, summary) = super::importer::import(files).await?;
    let dataset = Dataset::from_json(&json).map_err(|e| ImportFailure::Invalid(e).plain_lines())?;
    Ok((dataset, summary, names))
}

/// The loader. On success it sets `user`; on failure it lists every problem and leaves the
/// dashboard as it was.
#[component]
pub fn DataLoader(user: RwSignal<Option<UserData>>) -> impl IntoView {
    let errors = RwSignal::new(Vec::<String>::new());
    let summary = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let load = move |list: Vec<File>| {
        busy.set(true);
        spawn_local(async move {
            let result = load_files(list).await;
            match result {
                Ok((dataset, s, names)) => {
                    errors.set(Vec::new());
                    summary.set(s);
                    user.set(Some(UserData {
                        dataset: Arc::new(dataset.from_files_named(names.clone())),
                        files: names,
                    }));
                    // Focus moves to the notice that names the loaded files, at the top.
                    request_animation_frame(|| {
                        super::focus::focus_id("your-data-notice");
                    });
                }
                Err(e) => {
                    summary.set(String::new());
                    errors.set(e);
                }
            }
            busy.set(false);
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok());
        if let Some(list) = input.as_ref().and_then(HtmlInputElement::files) {
            load(files_of(&list));
        }
        // Let the same file be chosen again after it is fixed.
        if let Some(i) = input {
            i.set_value("");
        }
    };
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(list) = ev.data_transfer().and_then(|d| d.files()) {
            load(files_of(&list));
        }
    };
    view! {
        <section class="loader" aria-labelledby="loader-title" data-testid="data-loader">
            <h2 id="loader-title" class="loader__title">{crate::page::LOADER_TITLE}</h2>
            {move || user.get().map(|u| view! {
                <div class="loader__banner" role="status" data-testid="your-data-banner">
                    <p>
                        <strong>"Showing your data"</strong>
                        {format!(" from {}: not the published figures.", u.files.join(", "))}
                    </p>
                    <button type="button" data-testid="back-to-published" on:click=move |_| {
                        user.set(None);
                        errors.set(Vec::new());
                        summary.set(String::new());
                    }>"Back to the published data"</button>
                </div>
            })}
            <div
                class="loader__drop"
                class:loader__drop--active=move || dragging.get()
                on:dragover=move |ev: DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <label for="data-files" class="loader__label">{crate::page::LOADER_LABEL}</label>
                <input
                    id="data-files"
                    type="file"
                    multiple
                    accept=".json,.csv,application/json,text/csv"
                    data-testid="file-input"
                    on:change=on_pick
                />
                <p class="loader__hint">{crate::page::LOADER_MORE}</p>
                <p class="loader__hint">{crate::page::LOADER_HINT}</p>
                <p class="loader__privacy">{crate::page::LOADER_PRIVACY}</p>
            </div>
            {move || busy.get().then(|| view! { <p role="status">"Reading the files…"</p> })}
            {move || {
                let s = summary.get();
                (!s.is_empty()).then(|| view! { <p class="loader__summary" data-testid="loader-summary">{s}</p> })
            }}
            {move || {
                let e = errors.get();
                (!e.is_empty()).then(|| view! {
                    <div class="loader__errors" role="alert" data-testid="loader-errors">
                        <p><strong>"These files were not loaded: nothing on the page has changed."</strong></p>
                        <ul>{e.into_iter().map(|m| view! { <li><code>{m}</code></li> }).collect_view()}</ul>
                    </div>
                })
            }}
        </section>
    }
}
