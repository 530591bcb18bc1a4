//! Hearing a chart in the browser: the notes of `charts::kit::sound` scheduled on a Web Audio
//! clock (an oscillator and a gain envelope per note, no audio files), the words said in the
//! card's `.listen__said` live region. Shared by the enhancer (the static page) and the app,
//! which both hand it the card's listen group (`markup::listen_controls`) and its marks.
//!
//! Nothing sounds until a reader asks: the `AudioContext` is made at the first Play. Escape,
//! anywhere on the page, stops at once; so does Stop, and a new Play stops the last.

use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{
    AudioContext, Element, GainNode, HtmlInputElement, HtmlSelectElement, OscillatorNode,
};

use crate::charts::kit::sound::{self, Note};
use crate::charts::kit::Mark;

/// What to play.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum What {
    /// The series of this mark (the first series when no mark is chosen).
    Series(Option<usize>),
    /// Every series, one after another.
    All,
    /// One mark's note, as the keys step onto it (only once the reader has played the chart).
    One(usize),
}

#[derive(Default)]
struct Player {
    ctx: Option<AudioContext>,
    playing: Vec<OscillatorNode>,
    /// The timer that says the last figure, and the group that is playing.
    outro: Option<(i32, Element)>,
    escape_wired: bool,
}

thread_local! {
    static PLAYER: RefCell<Player> = RefCell::new(Player::default());
}

/// The reader's speed (0.5, 1 or 2) and volume (0 to 1) from the card's listen group (read
/// without parsing text as a float, which would link the float parser into the enhancer).
fn settings(group: &Element) -> (f64, f64) {
    let speed = group
        .query_selector("[data-listen=speed]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
        .map_or(1.0, |s| match s.value().as_str() {
            "0.5" => 0.5,
            "2" => 2.0,
            _ => 1.0,
        });
    let volume = group
        .query_selector("[data-listen=volume]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value_as_number())
        .filter(|v| v.is_finite())
        .unwrap_or(60.0);
    (speed, (volume / 100.0).clamp(0.0, 1.0))
}

fn say(group: &Element, words: &str) {
    if let Ok(Some(el)) = group.query_selector(".listen__said") {
        el.set_text_content(Some(words));
    }
}

/// Whether the reader has played this card's chart (then the keys' steps sound too).
pub fn heard(group: &Element) -> bool {
    group.has_attribute("data-heard")
}

/// Plays `what` of a chart whose marks are `marks`, in the card whose listen group is
/// `group`; stops whatever was playing first.
pub fn play(group: &Element, marks: &[Mark], what: What) {
    stop();
    let (speed, volume) = settings(group);
    let all = || sound::series(marks);
    let tune = match what {
        What::One(_) => None,
        What::Series(mark) => {
            let all = all();
            Some(sound::tune(
                marks,
                &all,
                &[sound::series_of(&all, mark)],
                speed,
            ))
        }
        What::All => {
            let all = all();
            Some(sound::tune(
                marks,
                &all,
                &(0..all.len()).collect::<Vec<_>>(),
                speed,
            ))
        }
    };
    let (notes, intro, outro, length) = match (what, tune) {
        (What::One(i), _) => match sound::one(marks, i) {
            Some(n) => (vec![n], None, None, 0.0),
            None => return,
        },
        (_, Some(t)) if t.notes.iter().any(|n| n.hz.is_some()) => {
            (t.notes, Some(t.intro), Some(t.outro), t.length)
        }
        _ => {
            say(group, "This chart has no figures to play.");
            return;
        }
    };
    if let Some(intro) = &intro {
        say(group, intro);
        let _ = group.set_attribute("data-heard", "");
        let _ = group.set_attribute("data-playing", "");
    }
    PLAYER.with(|p| {
        let mut p = p.borrow_mut();
        if p.ctx.is_none() {
            p.ctx = AudioContext::new().ok();
        }
        let Some(ctx) = p.ctx.clone() else {
            say(group, "This browser cannot play sound.");
            return;
        };
        // A context made before any click starts suspended; a Play is a click or a key.
        let _ = ctx.resume();
        // A moment's lead, so that the first note is not clipped.
        let start = ctx.current_time() + 0.05;
        for n in &notes {
            if let Some(osc) = schedule(&ctx, n, start, volume) {
                p.playing.push(osc);
            }
        }
        if let Some(outro) = outro {
            let g = group.clone();
            let done = Closure::once_into_js(move || {
                say(&g, &outro);
                let _ = g.remove_attribute("data-playing");
                PLAYER.with(|p| {
                    let mut p = p.borrow_mut();
                    p.outro = None;
                    p.playing.clear();
                });
            });
            let ms = ((length + 0.1) * 1000.0) as i32;
            if let Some(id) = web_sys::window().and_then(|w| {
                w.set_timeout_with_callback_and_timeout_and_arguments_0(done.unchecked_ref(), ms)
                    .ok()
            }) {
                p.outro = Some((id, group.clone()));
            }
        }
        if !p.escape_wired {
            p.escape_wired = wire_escape();
        }
    });
}

/// One note: a sine oscillator through a gain that rises and falls in a few milliseconds (no
/// clicks). A silence schedules nothing.
fn schedule(ctx: &AudioContext, n: &Note, start: f64, volume: f64) -> Option<OscillatorNode> {
    let hz = n.hz?;
    let osc = ctx.create_oscillator().ok()?;
    let gain: GainNode = ctx.create_gain().ok()?;
    let (t0, t1) = (start + n.at, start + n.at + n.length);
    let _ = osc.frequency().set_value_at_time(hz as f32, t0);
    let g = gain.gain();
    let peak = (0.3 * volume) as f32;
    let _ = g.set_value_at_time(0.0, t0);
    let _ = g.linear_ramp_to_value_at_time(peak, t0 + 0.015);
    let _ = g.set_value_at_time(peak, (t1 - 0.03).max(t0 + 0.015));
    let _ = g.linear_ramp_to_value_at_time(0.0, t1);
    osc.connect_with_audio_node(&gain).ok()?;
    gain.connect_with_audio_node(&ctx.destination()).ok()?;
    osc.start_with_when(t0).ok()?;
    osc.stop_with_when(t1 + 0.01).ok()?;
    Some(osc)
}

/// Stops at once whatever is playing; says so where a chart was playing. Whether anything was.
pub fn stop() -> bool {
    PLAYER.with(|p| {
        let mut p = p.borrow_mut();
        let was = !p.playing.is_empty();
        for osc in p.playing.drain(..) {
            let _ = osc.stop();
            osc.disconnect().ok();
        }
        if let Some((id, group)) = p.outro.take() {
            if let Some(w) = web_sys::window() {
                w.clear_timeout_with_handle(id);
            }
            let _ = group.remove_attribute("data-playing");
            say(&group, "Stopped.");
        }
        was
    })
}

/// Escape anywhere on the page stops the sound (once, for the page's life).
fn wire_escape() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let on_key = Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(|ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            stop();
        }
    });
    let ok = window
        .add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref())
        .is_ok();
    on_key.forget();
    ok
}

/// What a click in a listen group asks for: `series`, `all` or `stop` (its button's
/// `data-listen`), if it was on one of its buttons.
pub fn clicked(ev: &web_sys::Event) -> Option<(Element, String)> {
    let target = ev.target()?.dyn_into::<Element>().ok()?;
    let button = target.closest("button[data-listen]").ok()??;
    let group = button.closest(".listen").ok()??;
    Some((group, button.get_attribute("data-listen")?))
}

/// What a key on a drawing asks for: P the chosen series, A every series.
pub fn key(key: &str) -> Option<&'static str> {
    match key {
        "p" | "P" => Some("series"),
        "a" | "A" => Some("all"),
        _ => None,
    }
}

/// The listen group of the card that holds `el`.
pub fn group_of(el: &Element) -> Option<Element> {
    el.closest("section.chart-card")
        .ok()??
        .query_selector(".listen")
        .ok()?
}
