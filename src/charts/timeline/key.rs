//! The key of a chart over the years: what each line, marker and band is, in rows that fit
//! the width, drawn above the panels.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::layout::{key_rows, line_colour, KeyItem, KEY_MARK_W, KEY_ROW_H, PAD};
use super::{Role, TrendChart};
use crate::charts::kit::{anchored, font, palette, text, ChartError};

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
                    let c = line_colour(model, *role);
                    root.draw(&PathElement::new(
                        vec![(x0, y), (x0 + 16, y)],
                        c.stroke_width(2),
                    ))?;
                    draw_marker(root, *role, c, (mid, y), false)?;
                }
                KeyItem::Median(_) => {
                    root.draw(&DashedPathElement::new(
                        vec![(x0, y), (x0 + 16, y)],
                        4,
                        3,
                        palette::NEIGHBOUR.stroke_width(2),
                    ))?;
                }
                KeyItem::Hollow(_) => {
                    root.draw(&Circle::new((mid, y), 4, palette::WHITE.filled()))?;
                    root.draw(&Circle::new((mid, y), 4, palette::INK.stroke_width(2)))?;
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
/// A line's marker: circle for the home area, square for the region, triangle otherwise;
/// schools cycle through circle, square, triangle and diamond; the derived mean is a large
/// diamond. Hollow: a figure published for another school.
pub(super) fn draw_marker<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    role: Role,
    c: RGBColor,
    at: (i32, i32),
    hollow: bool,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let style = if hollow {
        // White inside, so the line does not show through.
        root.draw(&Circle::new(at, 4, palette::WHITE.filled()))?;
        c.stroke_width(2)
    } else {
        c.filled()
    };
    let shape = match role {
        Role::Home => 0,
        Role::Region => 1,
        // Each of the first eight schools has its colour and a shape in turn; the grey ones
        // past them shift their shape each four.
        Role::School(i) => (i + i / 4) % 4,
        Role::Derived => 4,
        _ => 2,
    };
    let diamond = |r: i32| {
        vec![
            (at.0, at.1 - r),
            (at.0 + r, at.1),
            (at.0, at.1 + r),
            (at.0 - r, at.1),
            (at.0, at.1 - r),
        ]
    };
    match shape {
        0 => root.draw(&Circle::new(at, 4, style))?,
        1 => root.draw(&Rectangle::new(
            [(at.0 - 4, at.1 - 4), (at.0 + 4, at.1 + 4)],
            style,
        ))?,
        3 | 4 => {
            let r = if shape == 4 { 6 } else { 5 };
            if hollow {
                root.draw(&PathElement::new(diamond(r), style))?;
            } else {
                root.draw(&Polygon::new(diamond(r), style))?;
            }
        }
        _ => root.draw(&TriangleMarker::new(at, 5, style))?,
    }
    Ok(())
}
