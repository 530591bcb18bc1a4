//! Saving files from the page: text (CSV, SVG) as a Blob, and PNG by drawing the export SVG
//! onto a canvas at twice its size. Nothing leaves the browser.

use std::time::Duration;

use leptos::prelude::set_timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, HtmlAnchorElement, HtmlCanvasElement,
    HtmlImageElement, Url,
};

/// What went wrong, in words for the page.
fn describe(e: JsValue) -> String {
    e.as_string()
        .or_else(|| js_sys::JSON::stringify(&e).ok().and_then(|s| s.as_string()))
        .unwrap_or_else(|| "the browser refused".to_string())
}

fn blob_of(text: &str, mime: &str) -> Result<Blob, String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let bag = BlobPropertyBag::new();
    bag.set_type(mime);
    Blob::new_with_str_sequence_and_options(&parts, &bag).map_err(describe)
}

/// Offers a Blob to the reader as a file called `name`.
fn save_blob(name: &str, blob: &Blob) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let url = Url::create_object_url_with_blob(blob).map_err(describe)?;
    let a: HtmlAnchorElement = document
        .create_element("a")
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| "not an anchor".to_string())?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoked later: the download reads the URL after this function returns.
    set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        Duration::from_secs(10),
    );
    Ok(())
}

/// Saves text as a file.
pub fn save_text(name: &str, mime: &str, text: &str) -> Result<(), String> {
    save_blob(name, &blob_of(text, mime)?)
}

/// The one answer a PNG export gives: called once, with the PNG's size when the file has been
/// handed to the browser, or with what went wrong at whichever step failed.
type Done = std::rc::Rc<std::cell::RefCell<Option<Box<dyn FnOnce(Result<(u32, u32), String>)>>>>;

fn answer(done: &Done, result: Result<(u32, u32), String>) {
    if let Some(f) = done.borrow_mut().take() {
        f(result);
    }
}

/// Saves an SVG document as a PNG `scale` times its size. `done` is called once, after this
/// returns: with the PNG's size in pixels when the file has been offered to the reader, or
/// with what went wrong (the image would not load, the canvas refused, no file was made).
pub fn save_png(
    name: String,
    svg: &str,
    scale: u32,
    done: impl FnOnce(Result<(u32, u32), String>) + 'static,
) {
    let done: Done = std::rc::Rc::new(std::cell::RefCell::new(Some(Box::new(done))));
    let on_load = done.clone();
    let on_error = done.clone();
    let start = || -> Result<(), String> {
        let url =
            Url::create_object_url_with_blob(&blob_of(svg, "image/svg+xml")?).map_err(describe)?;
        let img = HtmlImageElement::new().map_err(describe)?;
        let img2 = img.clone();
        let (url2, url3) = (url.clone(), url.clone());
        let onload = Closure::once_into_js(move || {
            let _ = Url::revoke_object_url(&url2);
            if let Err(e) = draw_and_save(name, &img2, scale, on_load.clone()) {
                answer(&on_load, Err(e));
            }
        });
        let onerror = Closure::once_into_js(move || {
            let _ = Url::revoke_object_url(&url3);
            answer(
                &on_error,
                Err("the browser could not read the drawing".into()),
            );
        });
        img.set_onload(Some(onload.unchecked_ref()));
        img.set_onerror(Some(onerror.unchecked_ref()));
        img.set_src(&url);
        Ok(())
    };
    if let Err(e) = start() {
        // Not called from within: the caller is told after it has returned, as on success.
        set_timeout(move || answer(&done, Err(e)), Duration::ZERO);
    }
}

fn draw_and_save(
    name: String,
    img: &HtmlImageElement,
    scale: u32,
    done: Done,
) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| "not a canvas".to_string())?;
    let (w, h) = (img.natural_width() * scale, img.natural_height() * scale);
    if w == 0 || h == 0 {
        return Err("the drawing has no size".into());
    }
    canvas.set_width(w);
    canvas.set_height(h);
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(describe)?
        .ok_or("no 2d context")?
        .dyn_into()
        .map_err(|_| "not a 2d context".to_string())?;
    ctx.scale(f64::from(scale), f64::from(scale))
        .map_err(describe)?;
    ctx.draw_image_with_html_image_element(img, 0.0, 0.0)
        .map_err(describe)?;
    let on_blob_done = done.clone();
    let on_blob = Closure::once_into_js(move |blob: JsValue| {
        let saved = blob
            .dyn_into::<Blob>()
            .map_err(|_| "the browser made no image (the canvas may be too large)".to_string())
            .and_then(|blob| save_blob(&name, &blob));
        answer(&on_blob_done, saved.map(|()| (w, h)));
    });
    canvas.to_blob(on_blob.unchecked_ref()).map_err(describe)?;
    Ok(())
}
