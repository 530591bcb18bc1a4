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

/// Saves an SVG document as a PNG `scale` times its size. `done` is called with the PNG's
/// size in pixels, or what went wrong, once the image has been drawn (after this returns).
pub fn save_png(
    name: String,
    svg: &str,
    scale: u32,
    done: impl FnOnce(Result<(u32, u32), String>) + 'static,
) {
    let start = || -> Result<(), String> {
        let url =
            Url::create_object_url_with_blob(&blob_of(svg, "image/svg+xml")?).map_err(describe)?;
        let img = HtmlImageElement::new().map_err(describe)?;
        let img2 = img.clone();
        let url2 = url.clone();
        let onload = Closure::once_into_js(move || {
            let _ = Url::revoke_object_url(&url2);
            done(draw_and_save(&name, &img2, scale));
        });
        img.set_onload(Some(onload.unchecked_ref()));
        img.set_src(&url);
        Ok(())
    };
    if let Err(e) = start() {
        web_sys::console::warn_1(&JsValue::from_str(&format!("PNG export failed: {e}")));
    }
}

fn draw_and_save(name: &str, img: &HtmlImageElement, scale: u32) -> Result<(u32, u32), String> {
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
    let name = name.to_string();
    let on_blob = Closure::once_into_js(move |blob: JsValue| {
        if let Ok(blob) = blob.dyn_into::<Blob>() {
            let _ = save_blob(&name, &blob);
        }
    });
    canvas.to_blob(on_blob.unchecked_ref()).map_err(describe)?;
    Ok((w, h))
}
