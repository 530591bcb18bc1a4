//! Presenter mode: one chart per slide, filling the screen, in type large enough to read from
//! the back of a hall. Clickers send arrow keys, Page Up/Down or space; Home/End jump; Escape
//! leaves. The slide is part of the address, so a prepared deck is one link.

use std::sync::Arc;

use leptos::prelude::*;

use crate::charts::kit::theme::recolour;
use crate::charts::kit::theme::Theme;
use crate::charts::Built;
use crate::dataset::Dataset;
use crate::model::Subject;
use crate::selection::Selection;
use crate::view::{Mode, View};

/// Chart text is drawn at about this size before scaling.
const DRAWN_TEXT_PX: f64 = 12.0;
/// Chart text on a 768 px screen is never smaller than this (larger on taller screens): read
/// from the back of a room.
const MIN_TEXT_PX: f64 = 18.0;
/// Chart text on screen is this share of the viewport height where the slide has room.
const TEXT_SHARE_OF_HEIGHT: f64 = 0.025;

fn viewport() -> (f64, f64) {
    web_sys::window()
        .map(|w| {
            let num = |v: Result<wasm_bindgen::JsValue, _>| {
                v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0)
            };
            (num(w.inner_width()), num(w.inner_height()))
        })
        .unwrap_or((1280.0, 720.0))
}

/// The height left for the drawing on a `w` × `h` screen once the heading (the finding, or
/// the title where there is none), the title under it and the bar under the drawing (source
/// line, counter, buttons) have theirs, estimated from the text's width as the stylesheet
/// sets it (heading 3.6vh, title 2.6vh, source 1.8vh, buttons 2.75rem), with a margin for
/// fonts wider than Arial.
fn chart_room(w: f64, h: f64, heading: &str, subtitle: &str, source: &str) -> f64 {
    let inner = (w - 48.0).max(200.0);
    let lines = |text: &str, px: f64, bold: bool, width: f64| {
        (crate::charts::kit::text_width(text, px, bold) * 1.1 / width.max(1.0))
            .ceil()
            .max(1.0)
    };
    let heading_px = 0.036 * h;
    let heading_h = lines(heading, heading_px, true, inner) * heading_px * 1.2 + 0.01 * h;
    let subtitle_px = 0.026 * h;
    let subtitle_h = if subtitle.is_empty() {
        0.0
    } else {
        lines(subtitle, subtitle_px, false, inner) * subtitle_px * 1.3 + 0.01 * h
    };
    // The counter and buttons take about 470 px; the source shares the row where it keeps
    // 320 px, else has a row of its own above them.
    let source_px = 0.018 * h;
    let beside = inner - 470.0;
    let bar_h = if beside >= 320.0 {
        (lines(source, source_px, false, beside) * source_px * 1.3).max(44.0)
    } else {
        lines(source, source_px, false, inner) * source_px * 1.3 + 0.01 * h + 44.0
    } + 0.01 * h
        + 2.0;
    (h - 0.03 * h - heading_h - subtitle_h - bar_h - 12.0).max(h * 0.3)
}

/// A slide's heading and the title under it: the chart's finding and its title, or its title
/// alone where it has no finding (as a card's head, `markup::card_head`).
fn heading_of(m: &Built) -> (String, String) {
    match m.finding() {
        Some(f) => (f, m.title().to_string()),
        None => (m.title().to_string(), String::new()),
    }
}

/// The room chart `m`'s slide leaves its drawing on a `w` × `h` screen, under its title and
/// finding and over its one-line source.
fn slide_room(m: &Built, w: f64, h: f64, ds: &Dataset) -> f64 {
    let (heading, subtitle) = heading_of(m);
    chart_room(
        w,
        h,
        &heading,
        &subtitle,
        &crate::charts::source_brief(&**m, ds),
    )
}

/// The scales of a slide on a screen `h` px tall: the floor, where chart text is 18 px on a
/// 768 px screen and grows with the screen, and the start, where it is 2.5% of the height.
fn scale_bounds(h: f64) -> (f64, f64) {
    let least = (TEXT_SHARE_OF_HEIGHT * h / DRAWN_TEXT_PX).max(1.0);
    let floor = (MIN_TEXT_PX / DRAWN_TEXT_PX * h / 768.0).clamp(1.0, least);
    (floor, least)
}

/// Whether chart `m`, drawn `1/k` of the screen's width and scaled by `k`, fits `room` px.
fn fits(m: &Built, w: f64, room: f64, k: f64) -> bool {
    let draw_w = ((w - 48.0) / k).max(240.0) as u32;
    f64::from(m.size(draw_w).1) * k <= room
}

/// The screen a deck is split for (the smallest a projector has): every screen then shows the
/// same slides in the same order.
const DECK_SCREEN: (f64, f64) = (1024.0, 768.0);

/// A slide holds at most this many parts of one chart: past it, the parts scale down.
const MAX_PARTS: usize = 8;

/// How many slides chart `m` needs on a `w` × `h` screen for each part to fit at the floor
/// scale: 1 when it fits or cannot be split.
fn parts_needed(m: &Built, w: f64, h: f64, ds: &Dataset) -> usize {
    let (floor, _) = scale_bounds(h);
    let fits_all = |parts: &[Built]| {
        parts
            .iter()
            .all(|p| fits(p, w, slide_room(p, w, h, ds), floor))
    };
    if m.pieces() <= 1 || fits_all(std::slice::from_ref(m)) {
        return 1;
    }
    (2..=MAX_PARTS.min(m.pieces()))
        .find(|&p| fits_all(&crate::charts::kit::parts::parts(m, p)))
        .unwrap_or(MAX_PARTS.min(m.pieces()))
}

/// The presentation.
#[component]
pub fn Presenter(
    dataset: Arc<Dataset>,
    view: Memo<View>,
    set_view: Callback<View>,
    theme: Memo<Theme>,
) -> impl IntoView {
    let size = RwSignal::new(viewport());
    let resize = window_event_listener(leptos::ev::resize, move |_| size.set(viewport()));
    // A deck of the default charts leaves out those the dataset has no figures for.
    let available = crate::charts::ChartId::available(&dataset);
    let deck = Memo::new(move |_| {
        view.with(|v| {
            let slides: Vec<_> = v
                .slides()
                .into_iter()
                .filter(|s| available.contains(&s.chart))
                .collect();
            (slides, v.selection.clone())
        })
    });
    // Each slide's chart, split where it cannot fit a projector's smallest screen at readable
    // text (a cohort of many schools becomes several slides). The split is decided there, by
    // the chart, never by the screen in use: a deck rehearsed on a laptop, and any `slide=`
    // link, is the same deck on the projector. A larger screen has room for each part.
    let ds = dataset.clone();
    let charts = Memo::new(move |_| {
        let (w, h) = DECK_SCREEN;
        deck.with(|(slides, selection)| {
            slides
                .iter()
                .flat_map(|slide| {
                    // No subject chosen: a chart of a panel per subject gets a slide each.
                    let subjects: Vec<Option<Subject>> =
                        if selection.subject.is_none() && slide.chart.spec().per_subject {
                            Subject::ALL.into_iter().map(Some).collect()
                        } else {
                            vec![selection.subject]
                        };
                    subjects.into_iter().flat_map(|subject| {
                        let sel = Selection {
                            cohort: slide.cohort.clone(),
                            subject,
                            ..selection.clone()
                        };
                        let m = slide.chart.build(&ds, &sel);
                        let parts = parts_needed(&m, w, h, &ds);
                        crate::charts::kit::parts::parts(&m, parts)
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    // The deck of every chart opens with the page's answer (a prepared deck with its own).
    // (Made again only when the cohort or the deck changes, not at each slide.)
    let opening =
        Memo::new(move |_| view.with(|v| v.deck.is_empty().then(|| v.selection.cohort.clone())));
    let ds_answer = dataset.clone();
    let answer = Memo::new(move |_| {
        opening.with(|o| {
            o.as_ref().and_then(|cohort| {
                crate::answer::answer(&ds_answer, &Selection::cohort(cohort.clone()))
            })
        })
    });
    let first = Memo::new(move |_| usize::from(answer.with(Option::is_some)));
    let count = Memo::new(move |_| charts.with(Vec::len) + first.get());
    let index = Memo::new(move |_| view.with(|v| v.slide).min(count.get().saturating_sub(1)));
    // The answer's slide shows no chart.
    let on_answer = Memo::new(move |_| first.get() == 1 && index.get() == 0);
    let model = Memo::new(move |_| {
        let i = index.get().checked_sub(first.get())?;
        charts.with(|c| c.get(i).cloned())
    });
    // Draw narrower than the screen, then scale up: every part of the chart grows together.
    let ds_room = dataset.clone();
    // The largest scale whose drawing fits the room left by the title and the bar, chosen
    // from the slide's own size (not the page's breakpoints): a wider drawing can take a
    // side-by-side layout that a narrow one stacks. It never goes below text of 18 px on a
    // 768 px screen (more on taller ones).
    let scale = Memo::new(move |_| {
        let (w, h) = size.get();
        let (floor, least) = scale_bounds(h);
        model.with(|m| {
            let Some(m) = m else { return least };
            let room = slide_room(m, w, h, &ds_room);
            let mut best = None;
            let mut k = floor;
            while k <= least * 3.0 {
                if fits(m, w, room, k) {
                    best = Some(k);
                }
                k *= 1.05;
            }
            // Nothing fits at the screen's own floor (a chart that cannot be split further):
            // smaller, but never under 18 px text.
            let smallest = (MIN_TEXT_PX / DRAWN_TEXT_PX).max(1.0);
            best.unwrap_or_else(|| {
                let mut k = floor;
                while k > smallest && !fits(m, w, room, k) {
                    k /= 1.05;
                }
                k.max(smallest)
            })
        })
    });
    let svg = Memo::new(move |_| {
        let (w, _) = size.get();
        let draw_w = ((w - 48.0) / scale.get()).max(240.0) as u32;
        model.with(|m| {
            m.as_ref()
                .map(|m| m.svg(draw_w).map(|s| recolour(&s, theme.get())))
        })
    });

    let go = move |i: usize| {
        let last = count.get_untracked().saturating_sub(1);
        set_view.run(view.get_untracked().at_slide(i.min(last)));
    };
    let next = move || go(index.get_untracked() + 1);
    let prev = move || go(index.get_untracked().saturating_sub(1));
    let leave = move || {
        let mut v = view.get_untracked();
        v.mode = Mode::Page;
        v.slide = 0;
        set_view.run(v);
        // Back on the page, focus returns to the button that started the presentation.
        request_animation_frame(|| super::focus::focus_id("present-button"));
    };
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" | " " | "Enter" => next(),
            "ArrowLeft" | "ArrowUp" | "PageUp" | "Backspace" => prev(),
            "Home" => go(0),
            "End" => go(count.get_untracked().saturating_sub(1)),
            "Escape" => leave(),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || {
        keys.remove();
        resize.remove();
    });

    let status = RwSignal::new(String::new());
    let full_screen = move |_| {
        let refused = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .map(|el| el.request_fullscreen().is_err())
            .unwrap_or(true);
        if refused {
            status.set("Full screen was refused: the slides fill the window instead.".into());
        }
    };

    let ds = dataset.clone();
    let ds_full = dataset.clone();
    let title = move || {
        if on_answer.get() {
            return answer.with(|a| a.as_ref().map(|a| a.question.clone()).unwrap_or_default());
        }
        model.with(|m| m.as_ref().map(|m| heading_of(m).0).unwrap_or_default())
    };
    let subtitle = move || {
        if on_answer.get() {
            return String::new();
        }
        model.with(|m| m.as_ref().map(|m| heading_of(m).1).unwrap_or_default())
    };
    // What the slide shows, named for a screen reader: the chart's title.
    let label = move || {
        if on_answer.get() {
            return title();
        }
        model.with(|m| {
            m.as_ref()
                .map(|m| m.title().to_string())
                .unwrap_or_default()
        })
    };
    // The answer's sources: the publishers of the charts its points come from.
    let ds_sources = dataset.clone();
    let answer_sources = Memo::new(move |_| {
        let Some(cohort) = opening.get() else {
            return String::new();
        };
        let sel = Selection::cohort(cohort);
        answer.with(|a| {
            // Each chart the points come from, once, in the points' order.
            let mut charts: Vec<crate::charts::ChartId> = Vec::new();
            for p in a.iter().flat_map(|a| &a.points) {
                if !charts.contains(&p.chart) {
                    charts.push(p.chart);
                }
            }
            let sources: Vec<String> = charts
                .iter()
                .flat_map(|c| c.build(&ds_sources, &sel).sources().to_vec())
                .collect();
            crate::charts::sources_brief(&sources, &ds_sources)
        })
    });
    // The answer's points and what to read them with, as the page gives them.
    let answer_slide = move || {
        answer.with(|a| {
            a.as_ref().map(|a| {
                view! {
                    <div class="presenter__answer" data-testid="slide-answer">
                        <ul class="presenter__points">
                            {a.points.iter().map(|p| view! { <li>{p.text.clone()}</li> }).collect_view()}
                        </ul>
                        <ul class="presenter__caveats" aria-label="Read with care">
                            {a.caveats.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}
                        </ul>
                    </div>
                }
            })
        })
    };
    view! {
        <section
            class="presenter"
            data-testid="presenter"
            aria-roledescription="slide"
            aria-label=label
        >
            <h2 class="presenter__title" data-testid="slide-heading">{title}</h2>
            {move || {
                let s = subtitle();
                (!s.is_empty()).then(|| view! { <p class="presenter__subtitle" data-testid="slide-title">{s}</p> })
            }}
            {move || if on_answer.get() { answer_slide().into_any() } else { match svg.get() {
                Some(Ok(svg)) => view! {
                    <div class="presenter__figure" data-testid="slide-figure" aria-hidden="true" inner_html=svg></div>
                }.into_any(),
                Some(Err(e)) => view! { <p role="alert">{e.to_string()}</p> }.into_any(),
                None => view! { <p>"This deck has no slides."</p> }.into_any(),
            }}}
            <p class="visually-hidden">{move || model.with(|m| m.as_ref().map(|m| m.summary().join(" ")).unwrap_or_default())}</p>
            // The full citation, for a screen reader and for whoever asks where a figure is from.
            <p class="visually-hidden">{move || model.with(|m| m.as_ref().map(|m| crate::charts::source_line(&**m, &ds_full)).unwrap_or_default())}</p>
            <div class="presenter__bar">
                <p class="presenter__source" data-testid="slide-source">{move || if on_answer.get() { answer_sources.get() } else { model.with(|m| m.as_ref().map(|m| crate::charts::source_brief(&**m, &ds)).unwrap_or_default()) }}</p>
                <p class="presenter__count" data-testid="slide-count" aria-live="polite">
                    {move || format!("{} / {}", index.get() + 1, count.get())}
                </p>
                <div class="presenter__buttons">
                    <button type="button" on:click=move |_| prev() aria-label="Previous slide">"‹"</button>
                    <button type="button" on:click=move |_| next() aria-label="Next slide">"›"</button>
                    <button type="button" data-testid="full-screen" on:click=full_screen>"Full screen"</button>
                    <button type="button" data-testid="leave-presenter" on:click=move |_| leave()>"Leave"</button>
                </div>
                <p class="presenter__status" role="status">{move || status.get()}</p>
            </div>
        </section>
    }
}
