//! The worker's side of the messages (see the module above).

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use super::{import, Reply};

/// The files of a message: `[{name, bytes}]`; anything else is no files.
fn files_of(data: &JsValue) -> Vec<(String, Vec<u8>)> {
    let Some(list) = data.dyn_ref::<Array>() else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|item| {
            let name = Reflect::get(&item, &"name".into()).ok()?.as_string()?;
            let bytes = Reflect::get(&item, &"bytes".into()).ok()?;
            Some((name, Uint8Array::new(&bytes).to_vec()))
        })
        .collect()
}

fn set(target: &Object, key: &str, value: &JsValue) {
    // Setting a property of a plain new object cannot fail.
    let _ = Reflect::set(target, &key.into(), value);
}

fn answer(reply: Reply) -> JsValue {
    let out = Object::new();
    match reply {
        Reply::Dataset { json, summary } => {
            set(&out, "dataset", &json.into());
            set(&out, "summary", &summary.into());
        }
        Reply::Errors(lines) => {
            let list: Array = lines.into_iter().map(JsValue::from).collect();
            set(&out, "errors", &list);
        }
    }
    out.into()
}

/// Listens for files and says it is ready: a message sent before the wasm had started would
/// otherwise be lost, so the page waits for "ready" before it sends.
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let reply = answer(import(&files_of(&ev.data())));
        // Posting a plain object of strings cannot fail; if it did, the page's wait ends
        // with the worker's error event.
        let _ = reply_to.post_message(&reply);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker does.
    on_message.forget();
    let _ = scope.post_message(&"ready".into());
}
