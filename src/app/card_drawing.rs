//! A card's drawing and marks over time: made for the card's width and theme from its model,
//! at once for a card on or near the screen, and for one further away when the browser is
//! next idle (or when it comes near, if sooner). Until then a card keeps the drawing it has
//! and says it is out of date (`stale`, the card's `aria-busy`). A drawing is made again only
//! when what it was made from has changed.

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;

use super::near::{near, when_idle};
use crate::charts::kit::theme::{recolour, Theme};
use crate::charts::kit::{ChartError, Mark};
use crate::charts::Built;

/// What a drawing was made from: the very model (the same build, not merely an equal one),
/// the width and the theme.
#[derive(Clone)]
struct Source {
    model: Built,
    width: u32,
    theme: Theme,
}

impl Source {
    fn is(&self, model: &Built, width: u32, theme: Theme) -> bool {
        Arc::ptr_eq(&self.model, model) && self.width == width && self.theme == theme
    }
}

/// Something made from a model, with what it was made from (none before the frame's width is
/// known).
#[derive(Clone)]
struct Made<T> {
    value: T,
    from: Option<Source>,
}

impl<T: PartialEq> PartialEq for Made<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
            && match (&self.from, &other.from) {
                (Some(a), Some(b)) => a.is(&b.model, b.width, b.theme),
                (None, None) => true,
                _ => false,
            }
    }
}

/// A card's drawing (none before its width is known), the marks the pointer finds on it, and
/// whether it is out of date.
pub struct CardDrawing {
    pub svg: Memo<Option<Result<String, ChartError>>>,
    pub marks: Memo<Vec<Mark>>,
    pub stale: Memo<bool>,
}

/// Follows `model` at `width` in `theme` for the card whose frame is `frame`.
pub fn card_drawing(
    model: Memo<Built>,
    width: Signal<u32>,
    theme: Memo<Theme>,
    frame: NodeRef<Div>,
) -> CardDrawing {
    // Printing draws every card: on paper, all are near.
    let printing = use_context::<super::print::Printing>().map(|p| p.on);
    let seen = near(frame);
    let near = Signal::derive(move || seen.get() || printing.is_some_and(|p| p.get()));
    // Each idle moment after a change away from the screen: the card catches up then.
    let idle = RwSignal::new(0u32);
    Effect::new(move |_| {
        model.track();
        width.track();
        theme.track();
        if !near.get_untracked() {
            when_idle(move || idle.try_update(|n| *n += 1).unwrap_or(()));
        }
    });
    let when = When {
        model,
        width,
        theme,
        near,
        idle,
    };
    let drawing = when.made(None, |m, w, t| Some(m.svg(w).map(|s| recolour(&s, t))));
    let marked = when.made(Vec::new(), |m, w, _| m.marks(w));
    let stale = Memo::new(move |_| {
        let (m, w, t) = (model.get(), width.get(), theme.get());
        w > 0 && !drawing.with(|d| d.from.as_ref().is_some_and(|f| f.is(&m, w, t)))
    });
    CardDrawing {
        svg: Memo::new(move |_| drawing.with(|d| d.value.clone())),
        marks: Memo::new(move |_| marked.with(|d| d.value.clone())),
        stale,
    }
}

/// The signals that say when something is made again.
#[derive(Clone, Copy)]
struct When {
    model: Memo<Built>,
    width: Signal<u32>,
    theme: Memo<Theme>,
    near: Signal<bool>,
    idle: RwSignal<u32>,
}

impl When {
    /// `make` run when needed: at once near the screen, at the next idle moment away from it,
    /// never for what it was last run on; `empty` before the width is known.
    fn made<T>(
        self,
        empty: T,
        make: impl Fn(&Built, u32, Theme) -> T + Send + Sync + 'static,
    ) -> Memo<Made<T>>
    where
        T: Clone + PartialEq + Send + Sync + 'static,
    {
        let seen = StoredValue::new(0u32);
        Memo::new(move |prev: Option<&Made<T>>| {
            let (w, t) = (self.width.get(), self.theme.get());
            let woke = self.idle.get();
            let caught_up = seen.get_value() == woke;
            seen.set_value(woke);
            match prev {
                // Away from the screen: keep what there is (without reading the model, so a
                // change does not wake this) until an idle moment or the card comes near.
                Some(old) if old.from.is_some() && caught_up && !self.near.get() => old.clone(),
                _ if w == 0 => Made {
                    value: empty.clone(),
                    from: None,
                },
                Some(old)
                    if old
                        .from
                        .as_ref()
                        .is_some_and(|f| f.is(&self.model.get(), w, t)) =>
                {
                    old.clone()
                }
                _ => {
                    let m = self.model.get();
                    Made {
                        value: make(&m, w, t),
                        from: Some(Source {
                            model: m,
                            width: w,
                            theme: t,
                        }),
                    }
                }
            }
        })
    }
}
