//! One chart card: its finding and title, what it measures, its bar (`card_bar.rs`: the school
//! in colour, series toggles, the Chart | Table | Sources tabs), the drawing, the
//! plain-language summary, the source line, the downloads (`card_downloads.rs`) and the embed
//! code. The drawing answers hover, tap and the arrow keys with the exact figure under them.

use crate::ids::{Of, Part};
use std::sync::Arc;

use leptos::ev::{KeyboardEvent, MouseEvent};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::card_drawing::{card_drawing, CardDrawing};
use super::data_table::DataTableView;
use crate::charts::kit::pointing::{announce, category_line, key_move, source_named, TipPlace};
use crate::charts::kit::theme::Theme;
use crate::charts::kit::{locate, Mark};
use crate::charts::Built;
use crate::charts::ChartId;
use crate::dataset::Dataset;
use crate::view::{Mode, Tab, View};

/// A chart card.
#[component]
pub fn ChartCard(
    /// Which chart.
    chart: ChartId,
    /// Its model for the current view.
    model: Memo<Built>,
    /// The whole view.
    view: Memo<View>,
    /// Changes the view (and the address).
    set_view: Callback<View>,
    /// The dataset, to resolve sources.
    dataset: Arc<Dataset>,
    /// The width charts are drawn at: this card writes its frame's width into it.
    width: RwSignal<u32>,
    /// The colour theme in force.
    theme: Memo<Theme>,
    /// One sentence on what the chart measures.
    explainer: &'static str,
    /// Counts the cards that have drawn (or said why they cannot): the take-over waits on it.
    #[prop(optional)]
    drawn: Option<RwSignal<usize>>,
    /// The width paper draws it at, once the view's charts have been placed on paper
    /// (`print::paper_plan`); across the page until then.
    #[prop(optional, into)]
    paper_width: Option<Signal<Option<u32>>>,
) -> impl IntoView {
    let id = chart.id();
    let total_charts = ChartId::available(&dataset).len();
    let tab = Memo::new(move |_| view.with(|v| v.tab(chart)));
    let embedded = view.with_untracked(|v| v.mode == Mode::Embed);
    let options = view.with_untracked(|v| v.embed);
    // Nothing is drawn before the frame has been measured (width 0): a drawing at a guessed
    // width would only be thrown away. A card away from the screen catches up when the
    // browser is idle or it comes near (card_drawing.rs).
    let frame = NodeRef::<Div>::new();
    // On paper, charts are drawn at the print width whatever the screen's.
    let printing = use_context::<super::print::Printing>().map(|p| p.on);
    let paper_w = move || {
        paper_width
            .and_then(|p| p.get())
            .unwrap_or(crate::page::PRINT_WIDTH)
    };
    let drawn_width = Signal::derive(move || {
        if printing.is_some_and(|p| p.get()) {
            paper_w()
        } else {
            width.get()
        }
    });
    let CardDrawing { svg, marks, stale } = card_drawing(model, drawn_width, theme, frame);
    // Paper's drawing (light, at the print width), made at the next idle moment after each
    // change, as the static page's is fetched: any print then has it at once, the browser's
    // own included (Firefox takes its snapshot before the app's `beforeprint` work lands).
    let paper = RwSignal::new(String::new());
    // (The width is read when drawing: the view's paper plan, made at the idle moment before,
    // is then in; a later plan draws again.)
    Effect::new(move |_| {
        model.track();
        if let Some(p) = paper_width {
            p.track();
        }
        super::near::when_idle(move || {
            let w = paper_width
                .and_then(|p| p.try_get_untracked().flatten())
                .unwrap_or(crate::page::PRINT_WIDTH);
            let svg = model
                .try_with_untracked(|m| m.svg(w).ok())
                .flatten()
                .unwrap_or_default();
            let _ = paper.try_set(svg);
        });
    });
    let summary = Memo::new(move |_| model.with(|m| m.summary().join(" ")));
    let active = RwSignal::new(None::<usize>);
    // A new drawing has new marks: forget the old selection. The effect can be woken without
    // the marks having changed (it was, on every key press), so compare with the last marks
    // rather than trust the wake-up.
    Effect::new(move |last: Option<Vec<Mark>>| {
        let now = marks.get();
        if last.is_some_and(|l| l != now) {
            active.set(None);
        }
        now
    });

    // Performance marks for the benchmark harness: each chart's first drawing, then the page
    // is "all charts drawn" when every card has marked (counted on the window's performance
    // timeline, so no shared state is needed).
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !svg.with(|s| matches!(s, Some(Ok(_)))) {
            return done.unwrap_or(false);
        }
        if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
            let _ = perf.mark(&format!("cohort-dashboard:chart:{id}"));
            let charts = js_sys::Array::from(&perf.get_entries_by_type("mark"))
                .iter()
                .filter_map(|e| js_sys::Reflect::get(&e, &"name".into()).ok()?.as_string())
                .filter(|n| n.starts_with("cohort-dashboard:chart:"))
                .count();
            if charts == 1 {
                let _ = perf.mark("cohort-dashboard:first-chart");
            }
            if charts == total_charts {
                let _ = perf.mark("cohort-dashboard:all-charts");
            }
        }
        true
    });

    if let Some(drawn) = drawn {
        Effect::new(move |done: Option<bool>| {
            if done == Some(true) || svg.with(Option::is_none) {
                return done.unwrap_or(false);
            }
            drawn.update(|n| *n += 1);
            true
        });
    }

    // Measure the frame: charts are drawn at the width they are shown at. A ResizeObserver
    // reports the width after the browser's own layout, before the paint; reading
    // `clientWidth` while the page was being built forced a layout per card instead (106 ms
    // of the first load). It also sees the column change size without a window resize.
    Effect::new(move |_| {
        let Some(el) = frame.get() else { return };
        // The first width is read in the animation frame before the first paint (one layout,
        // by the first card; the others find it set), so the charts are in that paint and
        // nothing below them moves. The observer's first report comes after a paint.
        request_animation_frame(move || {
            if width.get_untracked() == 0 {
                if let Some(el) = frame.get_untracked() {
                    let w = u32::try_from(el.client_width()).unwrap_or(0);
                    if w > 0 {
                        width.set(w);
                    }
                }
            }
        });
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let w = entries
                .get(0)
                .dyn_into::<web_sys::ResizeObserverEntry>()
                .ok()
                .map_or(0.0, |e| e.content_rect().width());
            let w = if w.is_finite() && w >= 1.0 {
                w.round() as u32
            } else {
                0
            };
            if w > 0 && w != width.get_untracked() {
                width.set(w);
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&el);
            let held = send_wrapper::SendWrapper::new((observer, on_resize));
            on_cleanup(move || held.take().0.disconnect());
        }
    });

    // Pointer → chart pixels → mark, through the same geometry the chart was drawn with.
    let figure = NodeRef::<Div>::new();
    let mark_at = move |ev: &MouseEvent| -> Option<usize> {
        let el = figure.get_untracked()?;
        let rect = el.get_bounding_client_rect();
        let scale = if rect.width() > 0.0 {
            f64::from(width.get_untracked()) / rect.width()
        } else {
            1.0
        };
        let x = (f64::from(ev.client_x()) - rect.left()) * scale;
        let y = (f64::from(ev.client_y()) - rect.top()) * scale;
        marks.with_untracked(|m| locate(m, x, y))
    };
    let on_key = move |ev: KeyboardEvent| {
        let key = ev.key();
        let el = super::card_listen::target(&ev);
        if let Some(el) = &el {
            if super::card_listen::on_key(el, &key, model, marks, active.get_untracked()) {
                ev.prevent_default();
                return;
            }
        }
        let Some(next) = marks.with_untracked(|m| key_move(m, active.get_untracked(), &key)) else {
            return;
        };
        ev.prevent_default();
        active.set(next);
        super::card_listen::stepped(el, marks, next);
    };

    let ds = dataset.clone();
    let source_title = move |m: &Mark| source_named(&ds, m);
    let source_title2 = source_title.clone();
    // The source is said with the first figure and again only when it changes, not on every
    // key press.
    let said_source = StoredValue::new(None::<String>);
    let announcement = move || {
        let Some(m) = active.get().and_then(|i| marks.with(|m| m.get(i).cloned())) else {
            said_source.set_value(None);
            return String::new();
        };
        let source = source_title2(&m);
        said_source
            .try_update_value(|said| announce(&m, &source, said))
            .unwrap_or_default()
    };
    let tooltip = move || {
        let m = active
            .get()
            .and_then(|i| marks.with(|ms| ms.get(i).cloned()))?;
        let drawn = f64::from(width.get().max(1));
        let shown = figure
            .get()
            .map_or(drawn, |el| el.get_bounding_client_rect().width().max(1.0));
        let TipPlace {
            outline: o,
            centre: cx,
            top,
            below,
        } = TipPlace::new(m.bounds, shown / drawn, shown);
        let (bx, by, bw, bh) = (o.x, o.y, o.w, o.h);
        Some(view! {
            <div
                class="mark-focus"
                style:left=format!("{bx}px")
                style:top=format!("{by}px")
                style:width=format!("{bw}px")
                style:height=format!("{bh}px")
            ></div>
            <div
                class="tooltip"
                class:tooltip--below=below
                role="tooltip"
                data-testid="tooltip"
                style:left=format!("{cx}px")
                style:top=format!("{top}px")
            >
                <strong class="tooltip__entity">{m.entity.clone()}</strong>
                <span class="tooltip__category">{category_line(&m)}</span>
                <span class="tooltip__value">{m.value.clone()}</span>
                <span class="tooltip__source">{format!("Source: {}", source_title(&m))}</span>
            </div>
        })
    };

    let tab_id = move |t: Tab| Of::App.tab(id, t.id());
    let panel_id = move |t: Tab| Of::App.panel(id, t.id());
    let region = dataset
        .raw()
        .context
        .as_ref()
        .and_then(|c| c.region.clone());
    let at = crate::markup::CardAt {
        of: Of::App,
        chart: id,
    };

    let ds = dataset.clone();
    let source_line = move || {
        model.with(|m| {
            (
                crate::charts::source_line(&**m, &ds),
                crate::charts::source_brief(&**m, &ds),
            )
        })
    };
    let ds = dataset.clone();
    let sources_full = move || {
        model.with(|m| {
            m.sources()
                .iter()
                .filter_map(|s| ds.source(s))
                .map(|s| crate::markup::source_entry(s, false))
                .collect::<String>()
        })
    };
    // The one markup of a card's notes (the static page's too).
    let notes = move || model.with(|m| crate::markup::note_items(&m.notes()));
    let ds = dataset.clone();
    let tables = move || {
        model.with(|m| {
            // Only the rows shown are made: all England's schools are 49,000 rows.
            m.tables_shown(&ds, crate::page::TABLE_ROWS_SHOWN)
                .into_iter()
                .map(|(t, total)| (crate::table::readable_sources(t, &ds), total))
                .enumerate()
                .map(|(i, (t, total))| {
                    let testid = if i == 0 {
                        format!("table-{id}")
                    } else {
                        format!("table-{id}-{i}")
                    };
                    view! { <DataTableView table=t total=total testid=testid /> }
                })
                .collect_view()
        })
    };

    // Said beside the Copy button once the snippet is on the clipboard (or why it is not).
    let copied = RwSignal::new(String::new());
    // The snippet that embeds this chart, as it is now, in another site's page.
    let snippet = move || {
        let Some(location) = web_sys::window().map(|w| w.location()) else {
            return String::new();
        };
        let base = format!(
            "{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default()
        );
        let base = base.trim_end_matches("index.html").to_string();
        let embed_view = view.with(|v| View {
            selection: v.selection.clone(),
            chart: Some(chart),
            mode: Mode::Embed,
            theme: v.theme,
            ..View::default()
        });
        let title = model.with(|m| crate::format::html_attr(m.title()));
        format!(
            "<iframe src=\"{base}{}\" title=\"{title}\" width=\"100%\" height=\"600\" loading=\"lazy\" data-cohort-dashboard></iframe>\n<script src=\"{base}embed.js\" async></script>",
            crate::format::html_attr(&embed_view.to_query())
        )
    };
    let heading_id = Of::App.part(id, Part::Title);
    // One markup for the card's head and foot, the static page's too (`crate::markup`).
    let head = move || {
        model.with(|m| {
            crate::markup::card_head(
                at,
                m.title(),
                m.finding().as_deref(),
                (!embedded).then_some(explainer),
                embedded && !options.title,
            )
        })
    };
    let show_source = !embedded || options.source;
    let foot = move || {
        let line = show_source.then(&source_line);
        summary.with(|s| {
            crate::markup::card_foot(
                at,
                s,
                line.as_ref()
                    .map(|(full, brief)| (full.as_str(), brief.as_str())),
            )
        })
    };
    let summary_id = Of::App.part(id, Part::Summary);
    let test_id = format!("chart-{id}");
    let hint_id = Of::App.part(id, Part::Keys);
    // The title is heard twice: as the heading and as the drawing's name (a chart, described
    // by its summary, with the keys told once in the hint). The card itself is not a named
    // region, which would say it a third time.
    let (figure_label, figure_desc) = (heading_id.clone(), format!("{summary_id} {hint_id}"));
    view! {
        <section class=move || format!("chart-card{}", crate::page::paper_class(paper_w())) id=id data-testid=test_id aria-busy=move || stale.get().then_some("true")>
            // The heading, its finding and the chart: kept together on paper.
            <div class="chart-card__main">
            // The title, finding and what the chart shows: the static page's markup too.
            <div class="markup" inner_html=head></div>
            <super::card_bar::CardBar chart=chart model=model view=view set_view=set_view tab=tab region=region />
            <div
                class="chart-card__panel"
                role="tabpanel"
                id=panel_id(Tab::Chart)
                aria-labelledby=tab_id(Tab::Chart)
                hidden=move || tab.get() != Tab::Chart
            >
                <div class="chart-card__frame" node_ref=frame on:mouseleave=move |_| active.set(None)>
                    {move || match svg.get() {
                        None => view! { <div class="chart-card__placeholder"></div> }.into_any(),
                        Some(Ok(svg)) => view! {
                            <div
                                class="chart-card__figure"
                                node_ref=figure
                                role="group"
                                aria-roledescription="chart"
                                aria-labelledby=figure_label.clone()
                                aria-describedby=figure_desc.clone()
                                tabindex="0"
                                data-testid="chart-figure"
                                on:mousemove=move |ev| active.set(mark_at(&ev))
                                on:click=move |ev| active.set(mark_at(&ev))
                                on:keydown=on_key
                                on:blur=move |_| active.set(None)
                            >
                                <div class="chart-card__svg" aria-hidden="true" inner_html=svg></div>
                            </div>
                        }.into_any(),
                        Some(Err(e)) => view! { <p class="chart-card__error" role="alert">{e.to_string()}</p> }.into_any(),
                    }}
                    {tooltip}
                </div>
                <div class="chart-card__paper" aria-hidden="true" inner_html=move || paper.get()></div>
                <p class="chart-card__hint" id=hint_id>
                    {crate::page::KEYS_HINT}
                </p>
                <ul class="chart-card__notes" inner_html=notes></ul>
            </div>
            </div>
            <div
                class="chart-card__panel"
                role="tabpanel"
                id=panel_id(Tab::Table)
                aria-labelledby=tab_id(Tab::Table)
                hidden=move || tab.get() != Tab::Table
            >
                // Built when shown: at thousands of schools the table is most of the page.
                {move || (tab.get() == Tab::Table).then(tables.clone())}
            </div>
            <div
                class="chart-card__panel"
                role="tabpanel"
                id=panel_id(Tab::Sources)
                aria-labelledby=tab_id(Tab::Sources)
                hidden=move || tab.get() != Tab::Sources
            >
                <h3 class="chart-card__subhead">"Notes"</h3>
                <ul class="chart-card__notes" inner_html=notes></ul>
                <h3 class="chart-card__subhead">"Sources"</h3>
                <ol class="sources__list" data-testid="sources-full" inner_html=sources_full></ol>
            </div>
            <div class="markup" inner_html=foot></div>
            <super::card_listen::Listen model=model marks=marks active=active />
            <super::card_downloads::Downloads model=model view=view dataset=dataset.clone() width=width />
            {(!embedded).then(|| view! {
                <details class="embed-code">
                    <summary>"Embed this chart"</summary>
                    <p>"Paste this into a web page. The frame sizes itself to the chart; it loads when scrolled near."</p>
                    <textarea readonly rows="4" data-testid="embed-snippet" aria-label="Embed code">{snippet}</textarea>
                    <p class="embed-code__copy">
                        <button type="button" data-testid="embed-copy" on:click=move |_| copy_snippet(snippet(), copied)>"Copy"</button>
                        <span role="status" data-testid="embed-copied">{move || copied.get()}</span>
                    </p>
                </details>
            })}
            <p class="visually-hidden" aria-live="polite" data-testid="announcer">{announcement}</p>
        </section>
    }
}

/// Puts the embed snippet on the clipboard and says so (or, where the browser refuses, how to
/// copy it by hand), as Datawrapper's one-click copy does.
fn copy_snippet(text: String, said: RwSignal<String>) {
    let clipboard = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"navigator".into()).ok())
        .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
        .filter(|c| c.is_object());
    let write = clipboard.as_ref().and_then(|c| {
        let f = js_sys::Reflect::get(c, &"writeText".into()).ok()?;
        let f: js_sys::Function = wasm_bindgen::JsCast::dyn_into(f).ok()?;
        let p = f.call1(c, &text.into()).ok()?;
        wasm_bindgen::JsCast::dyn_into::<js_sys::Promise>(p).ok()
    });
    const BY_HAND: &str =
        "Not copied: select the code above and copy it (Ctrl+C, or \u{2318}C on a Mac).";
    match write {
        Some(p) => wasm_bindgen_futures::spawn_local(async move {
            let words = match wasm_bindgen_futures::JsFuture::from(p).await {
                Ok(_) => "Copied to the clipboard.",
                Err(_) => BY_HAND,
            };
            said.set(words.to_string());
        }),
        None => said.set(BY_HAND.to_string()),
    }
}
