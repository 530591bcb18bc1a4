//! A first choice at once: a menu chosen on the static page, the others at their first
//! option, shows its prerendered view (`prerender/views.rs`) with no app. The view's file
//! (the answer, the membership line and the cards) and its rules are fetched, put in the
//! place of the old view's, and the address becomes the view's, as the app would write it;
//! the back button goes back. Until the view is in, the old one says it is changing
//! (`menus::say_changing`). Anything further (two menus away from the default, a view that
//! did not come) asks for the app, which reads the address and does the rest.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use super::Shared;
use crate::page::{DEFAULT_VIEW_FILE as DEFAULT, VIEWS_FOLDER as VIEWS};

/// The view file and address the menus ask for, if it is prerendered: the default's with
/// every menu at its first option, an option's own with one menu away from it.
fn wanted(doc: &Document) -> Option<(String, String)> {
    let mut away = Vec::new();
    for menu in super::menus::menus(doc) {
        if menu.selected_index() > 0 {
            let option = u32::try_from(menu.selected_index())
                .ok()
                .and_then(|i| menu.options().item(i))?;
            away.push(option);
        }
    }
    match away.as_slice() {
        [] => Some((DEFAULT.to_string(), String::new())),
        [one] => Some((
            one.get_attribute("data-view")?,
            one.get_attribute("data-query")?,
        )),
        _ => None,
    }
}

/// A menu has changed: whether its view is coming without the app (else the caller asks for
/// the app).
pub(super) fn choose(state: &Shared) -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    if state.borrow().asked {
        return false;
    }
    let Some((file, query)) = wanted(&doc) else {
        return false;
    };
    begin(state, doc, file, query, true);
    true
}

/// Back or forward through the addresses the static page has written, or a link to one
/// (`public/view-gate.js`): the menus and the view follow, while the app has not been asked
/// for.
pub(super) fn went_back(state: &Shared) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(doc) = window.document() else { return };
    if state.borrow().asked || doc.get_element_by_id("prerender").is_none() {
        return;
    }
    let search = window.location().search().unwrap_or_default();
    let query = crate::address::view_query(&search);
    state.borrow_mut().tabs = super::tabs::from_address(&search);
    for menu in super::menus::menus(&doc) {
        let options = menu.options();
        let at = (0..options.length()).find(|&i| {
            !query.is_empty()
                && options
                    .item(i)
                    .and_then(|o| o.get_attribute("data-query"))
                    .is_some_and(|q| q == query)
        });
        menu.set_selected_index(at.and_then(|i| i32::try_from(i).ok()).unwrap_or(0));
    }
    if let Some((file, query)) = wanted(&doc) {
        begin(state, doc, file, query, false);
    }
}

/// View `file` asked for: the old one says it is changing (unless a link's, whose default
/// view is not shown), and the view is fetched; a view asked for earlier and still coming
/// will not be shown.
fn begin(state: &Shared, doc: Document, file: String, query: String, push: bool) {
    let turn = {
        let mut s = state.borrow_mut();
        s.swaps += 1;
        s.swaps
    };
    let link = doc
        .document_element()
        .is_some_and(|r| r.class_list().contains("prerender-view"));
    if !link {
        super::menus::say_changing();
    }
    let state = state.clone();
    wasm_bindgen_futures::spawn_local(async move {
        swap(&state, &doc, &file, &query, turn, push).await;
    });
}

/// Fetches view `file` and puts it in the old one's place, unless another choice came
/// since (`turn`) or the app was asked for; if it does not come, asks for the app.
async fn swap(state: &Shared, doc: &Document, file: &str, query: &str, turn: u32, push: bool) {
    let shown = state.borrow().view.clone();
    let same = shown.as_deref().unwrap_or(DEFAULT) == file;
    // `Some(None)`: the view shown already; `None`: it did not come.
    let content = if same {
        Some(None)
    } else {
        // The view and its rules come side by side; the view goes in once both are here.
        let coming = Coming::of(&format!("prerender/{VIEWS}/{file}.html"));
        let styled = file == DEFAULT || stylesheet(state, doc, file).await;
        match coming {
            Some(coming) if styled => coming.content(doc).await.map(Some),
            _ => None,
        }
    };
    if state.borrow().swaps != turn {
        return;
    }
    // The app was asked for meanwhile (another control): it is given the choice instead.
    if state.borrow().asked {
        super::hand_over::fall_back(state);
        return;
    }
    let Some(content) = content else {
        // No connection, most likely: the app (which the offline copy may hold) does it.
        super::hand_over::fall_back(state);
        return;
    };
    if let Some(content) = content {
        put(doc, &content);
        state.borrow_mut().view = Some(file.to_string());
        super::rewire(state, doc);
        for_paper();
    }
    super::tabs::apply(state, doc);
    // A link's view is in: the page shows it (public/view-gate.js hid the default's).
    if let Some(root) = doc.document_element() {
        let _ = root.class_list().remove_1("prerender-view");
    }
    // The menus' first choices are now the view's: nothing is said to be changing.
    for menu in super::menus::menus(doc) {
        let options = menu.options();
        for i in 0..options.length() {
            if let Some(o) = options.item(i) {
                let _ = if i32::try_from(i).ok() == Some(menu.selected_index()) {
                    o.set_attribute("selected", "")
                } else {
                    o.remove_attribute("selected")
                };
            }
        }
    }
    super::menus::say_changing();
    if push && !same {
        let url = super::tabs::address(query, &state.borrow().tabs);
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
}

/// A view's file on its way: fetched when its menu was reached, before it was chosen
/// (public/view-gate.js, `ahead`: its text coming, then its parts parsed while the reader
/// decided), or fetched now (by the start-up script for a link to it, else here).
enum Coming {
    Early(js_sys::Object),
    Fetched(js_sys::Promise),
}

impl Coming {
    /// View file `url`, as it comes: what was got ahead for it (taken once), else a fetch.
    fn of(url: &str) -> Option<Self> {
        super::take_early("cohortViews", url)
            .map(Self::Early)
            .or_else(|| super::take_fetched(url).map(Self::Fetched))
            .or_else(|| web_sys::window().map(|w| Self::Fetched(w.fetch_with_str(url))))
    }

    /// Its parts: parsed already, or parsed once its text has come; `None` where it did not
    /// come.
    async fn content(self, doc: &Document) -> Option<web_sys::DocumentFragment> {
        let text = match self {
            Self::Early(early) => {
                let field = |name: &str| js_sys::Reflect::get(&early, &name.into()).ok();
                if let Some(parts) =
                    field("parsed").and_then(|t| t.dyn_into::<web_sys::DocumentFragment>().ok())
                {
                    return Some(parts);
                }
                let text = field("text")?.dyn_into::<js_sys::Promise>().ok()?;
                wasm_bindgen_futures::JsFuture::from(text)
                    .await
                    .ok()?
                    .as_string()?
            }
            Self::Fetched(fetching) => super::text_of(fetching).await?,
        };
        super::parsed(doc, &text)
    }
}

/// The drawings paper shows of the view just swapped in (`.pre-print`), fetched when the
/// browser is next idle by public/view-gate.js (`cohortPaperSoon`), as it does for the page's
/// first view: the browser's own print then has every chart.
fn for_paper() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(soon) = js_sys::Reflect::get(&window, &"cohortPaperSoon".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = soon.call0(&window);
    }
}

/// Each part of a view file in the place of the element of its class.
fn put(doc: &Document, content: &web_sys::DocumentFragment) {
    let children = content.children();
    let parts: Vec<Element> = (0..children.length())
        .filter_map(|i| children.item(i))
        .collect();
    for part in parts {
        let Some(class) = part.class_name().split(' ').next().map(str::to_string) else {
            continue;
        };
        if let Ok(Some(old)) = doc.query_selector(&format!("#prerender .{class}")) {
            let _ = old.replace_with_with_node_1(&part);
        }
        super::menus::live(&part);
    }
}

/// The rules that choose view `file`'s drawings, in the page before the view is: whether
/// they are.
async fn stylesheet(state: &Shared, doc: &Document, file: &str) -> bool {
    if state.borrow().styled.iter().any(|f| f == file) {
        return true;
    }
    let href = format!("prerender/{VIEWS}/{file}.css");
    // Put in the page when the menu was reached (public/view-gate.js, rules): loaded, or
    // still coming.
    let early = doc
        .query_selector(&format!("link[rel=\"stylesheet\"][href=\"{href}\"]"))
        .ok()
        .flatten();
    if early
        .as_ref()
        .is_some_and(|l| l.has_attribute("data-loaded"))
    {
        state.borrow_mut().styled.push(file.to_string());
        return true;
    }
    let link = match early {
        Some(link) => link,
        None => {
            let Some(link) = doc
                .create_element("link")
                .ok()
                .and_then(|l| l.dyn_into::<web_sys::HtmlLinkElement>().ok())
            else {
                return false;
            };
            link.set_rel("stylesheet");
            link.set_href(&href);
            let Some(head) = doc.head() else { return false };
            if head.append_child(&link).is_err() {
                return false;
            }
            link.into()
        }
    };
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        let _ = link.add_event_listener_with_callback("load", &resolve);
        let _ = link.add_event_listener_with_callback("error", &reject);
    });
    let ok = wasm_bindgen_futures::JsFuture::from(loaded).await.is_ok();
    if ok {
        state.borrow_mut().styled.push(file.to_string());
    } else {
        link.remove();
    }
    ok
}
