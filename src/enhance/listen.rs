//! The static page's controls to hear a chart, played by the enhancer from the marks of the
//! drawing shown (fetched first where they are not in yet), as the app plays its own.

use web_sys::{Element, MouseEvent};

use super::sound::{self, What};
use super::{listen, load_marks, shown_drawing, Shared};

/// Card `k`'s listen group, if its chart can be heard.
fn group(state: &Shared, k: usize) -> Option<Element> {
    let s = state.borrow();
    sound::group_of(&s.cards.get(k)?.figure)
}

/// Makes card `k`'s listen buttons play.
pub(super) fn wire_listen(state: &Shared, k: usize) {
    let Some(group) = group(state, k) else { return };
    let state = state.clone();
    listen(&group, "click", move |ev: MouseEvent| {
        let Some((group, what)) = sound::clicked(&ev) else {
            return;
        };
        if what == "stop" {
            sound::stop();
        } else {
            play(&state, k, group, what == "all");
        }
    });
}

/// Plays card `k`'s chosen series (or every series) once its marks are in.
fn play(state: &Shared, k: usize, group: Element, all: bool) {
    let found = {
        let s = state.borrow();
        let Some(card) = s.cards.get(k) else { return };
        let Some((_, w)) = shown_drawing(card) else {
            return;
        };
        card.marks_at(w)
            .map(|marks| (marks.clone(), card.active_at(w)))
    };
    match found {
        Some((marks, active)) => {
            let what = if all { What::All } else { What::Series(active) };
            sound::play(&group, &marks, what);
        }
        None => {
            let again = state.clone();
            load_marks(
                state,
                k,
                Some(Box::new(move || play(&again, k, group, all))),
            );
        }
    }
}

/// A key on card `k`'s drawing: P or A plays (whether it did). (Escape stops anywhere on
/// the page: `sound.rs`.)
pub(super) fn key(state: &Shared, k: usize, key: &str) -> bool {
    let (Some(what), Some(group)) = (sound::key(key), group(state, k)) else {
        return false;
    };
    play(state, k, group, what == "all");
    true
}

/// The keys stepped onto mark `i` of the drawing `w` px wide: its note, once the reader has
/// played this chart.
pub(super) fn stepped(state: &Shared, k: usize, w: u32, i: usize) {
    let Some(group) = group(state, k).filter(sound::heard) else {
        return;
    };
    let marks = {
        let s = state.borrow();
        s.cards.get(k).and_then(|c| {
            c.marks
                .iter()
                .find(|(x, _)| *x == w)
                .map(|(_, m)| m.clone())
        })
    };
    if let Some(marks) = marks {
        sound::play(&group, &marks, What::One(i));
    }
}
