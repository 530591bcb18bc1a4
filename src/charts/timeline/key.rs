//! The key of a chart over the years: what each line, marker and band is, in rows that fit
//! the width, drawn above the panels.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::draw::{colour, draw_marker, panel_width, PAD};
use super::labels::{has_labels, short_name};
use super::{Role, TrendChart};
use crate::charts::kit::{anchored, font, palette, text, text_width, ChartError};

/// What the key names, in order: the lines of the first panel, then the neighbours.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum KeyItem {
    Line(Role, String),
    Median(String),
    Range(String),
}

impl KeyItem {
    fn label(&self) -> &str {
        match self {
            KeyItem::Line(_, name) | KeyItem::Median(name) | KeyItem::Range(name) => name,
        }
    }
}

pub(super) const KEY_ROW_H: f64 = 20.0;

pub(super) const KEY_MARK_W: f64 = 22.0;

pub(super) const KEY_GAP: f64 = 16.0;

/// The key, laid out in rows at a width, when the line ends cannot be named; empty when
/// they can.
pub(super) fn key_rows(model: &TrendChart, width: f64) -> Vec<Vec<(KeyItem, f64)>> {
    if has_labels(model, panel_width(model, width)) {
        return Vec::new();
    }
    let Some(first) = model.panels.first() else {
        return Vec::new();
    };
    let mut items: Vec<KeyItem> = first
        .lines
        .iter()
        .map(|l| KeyItem::Line(l.role, short_name(&l.name).to_string()))
        .collect();
    if !first.band.is_empty() {
        items.push(KeyItem::Median(model.median_label()));
        items.push(KeyItem::Range(model.range_label()));
    }
    let mut rows: Vec<Vec<(KeyItem, f64)>> = Vec::new();
    let mut x = PAD;
    for item in items {
        let w = KEY_MARK_W + text_width(item.label(), 12.0, false);
        if x > PAD && x + w > width - PAD {
            x = PAD;
            rows.push(Vec::new());
        }
        if rows.is_empty() {
            rows.push(Vec::new());
        }
        if let Some(row) = rows.last_mut() {
            row.push((item, x));
        }
        x += w + KEY_GAP;
    }
    rows
}

pub(super) fn key_h(model: &TrendChart, width: f64) -> f64 {
    let rows = key_rows(model, width).len();
    if rows == 0 {
        0.0
    } else {
        rows as f64 * KEY_ROW_H + 6.0
    }
}

/// The key above the panels: each line's marker and name, the median's dashes and the
/// range's fill, as they are drawn.
pub(super) fn draw_key<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    model: &TrendChart,
    width: f64,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    for (r, row) in key_rows(model, width).iter().enumerate() {
        let y = (PAD + r as f64 * KEY_ROW_H + KEY_ROW_H / 2.0) as i32;
        for (item, x) in row {
            let x0 = *x as i32;
            let mid = x0 + 8;
            match item {
                KeyItem::Line(role, _) => {
                    let c = colour(*role);
                    root.draw(&PathElement::new(
                        vec![(x0, y), (x0 + 16, y)],
                        c.stroke_width(2),
                    ))?;
                    draw_marker(root, *role, (mid, y), false)?;
                }
                KeyItem::Median(_) => {
                    root.draw(&DashedPathElement::new(
                        vec![(x0, y), (x0 + 16, y)],
                        4,
                        3,
                        palette::NEIGHBOUR.stroke_width(2),
                    ))?;
                }
                KeyItem::Range(_) => {
                    root.draw(&Rectangle::new(
                        [(x0, y - 6), (x0 + 16, y + 6)],
                        palette::BAND.filled(),
                    ))?;
                    root.draw(&Circle::new(
                        (mid, y),
                        2,
                        palette::NEIGHBOUR.stroke_width(1),
                    ))?;
                }
            }
            text(
                root,
                item.label(),
                (x0 + KEY_MARK_W as i32, y),
                &anchored(font(12.0, false, palette::INK), HPos::Left, VPos::Center),
            )?;
        }
    }
    Ok(())
}
