//! The page's side of the importer worker (`crate::worker`): it is started when a reader
//! chooses files, given them, and stopped once it has answered, so its code and memory are
//! the page's only while it works. The service worker keeps a copy, so it starts offline too
//! after one visit.

use js_sys::{Array, ArrayBuffer, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

/// The worker's loader, written by trunk beside the page (worker files are not hashed, so
/// the name is known here; the service worker's version changes with their content).
const LOADER: &str = "import-worker_loader.js";

/// What a reader is told when the importer cannot start.
const NOT_STARTED: &str = "The importer could not be started: it is fetched the first time \
files are loaded, so it needs the network once (afterwards the offline copy has it). \
Try again when the connection is back.";

/// What a reader is told when the importer stops without answering: a fault of the page's
/// or the browser's, not of the files, which are not to blame.
const STOPPED: &str = "The importer stopped while reading the files, without saying why: \
this is a fault in the dashboard or the browser ran out of memory, not a problem found in \
your files. Try again, or with fewer or smaller files.";

/// The next message from the worker, or its error event as `Err`.
async fn next_message(
    worker: &Worker,
    then_send: Option<(&JsValue, &Array)>,
) -> Result<JsValue, ()> {
    let mut wait = |resolve: js_sys::Function, reject: js_sys::Function| {
        worker.set_onmessage(Some(&resolve));
        worker.set_onerror(Some(&reject));
    };
    let promise = Promise::new(&mut wait);
    if let Some((message, transfer)) = then_send {
        worker
            .post_message_with_transfer(message, transfer)
            .map_err(|_| ())?;
    }
    let event = JsFuture::from(promise).await.map_err(|_| ())?;
    Ok(event
        .dyn_into::<MessageEvent>()
        .map(|m| m.data())
        .unwrap_or(JsValue::UNDEFINED))
}

/// Imports files (name, contents) in the worker: the dataset's JSON text and a one-line
/// summary of what was matched, or every problem in plain words.
pub async fn import(files: Vec<(String, ArrayBuffer)>) -> Result<(String, String), Vec<String>> {
    let worker = Worker::new(LOADER).map_err(|_| vec![NOT_STARTED.to_string()])?;
    let result = run(&worker, files).await;
    worker.terminate();
    result
}

async fn run(
    worker: &Worker,
    files: Vec<(String, ArrayBuffer)>,
) -> Result<(String, String), Vec<String>> {
    // The worker says "ready" once its wasm runs; a message sent before would be lost.
    next_message(worker, None)
        .await
        .map_err(|_| vec![NOT_STARTED.to_string()])?;
    let message = Array::new();
    let transfer = Array::new();
    for (name, bytes) in files {
        let item = Object::new();
        let _ = Reflect::set(&item, &"name".into(), &name.into());
        let _ = Reflect::set(&item, &"bytes".into(), &bytes);
        message.push(&item);
        transfer.push(&bytes);
    }
    let reply = next_message(worker, Some((&message, &transfer)))
        .await
        .map_err(|_| vec![STOPPED.to_string()])?;
    let field = |key: &str| Reflect::get(&reply, &key.into()).ok();
    if let Some(json) = field("dataset").and_then(|v| v.as_string()) {
        let summary = field("summary")
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        return Ok((json, summary));
    }
    let errors: Vec<String> = field("errors")
        .and_then(|v| v.dyn_into::<Array>().ok())
        .map(|list| list.iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    Err(if errors.is_empty() {
        vec![NOT_STARTED.to_string()]
    } else {
        errors
    })
}
