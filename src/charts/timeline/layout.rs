//! Where everything of a chart over the years goes at a width: the key's rows, the panels
//! (side by side or stacked), each panel's plot and its column of line-end names, and each
//! line's colour.

use super::{Role, TrendChart, TrendLine};
use plotters::style::RGBColor;

use crate::charts::kit::{palette, text_width, Scale};

pub(super) const PAD: f64 = 8.0;

pub(super) const HEADING_H: f64 = 24.0;

pub(super) const TOP_H: f64 = 20.0;

pub(super) const PLOT_H: f64 = 210.0;

pub(super) const AXIS_H: f64 = 24.0;

pub(super) const GAP: f64 = 20.0;

/// Panels sit side by side when each gets at least this width.
pub(super) const MIN_SIDE_W: f64 = 200.0;

/// Where one panel is drawn.
#[derive(Debug, Clone, Copy)]
pub(super) struct PanelGeo {
    pub(super) top: f64,
    pub(super) left: f64,
    pub(super) right: f64,
    pub(super) plot_left: f64,
    pub(super) plot_right: f64,
    pub(super) plot_top: f64,
    pub(super) plot_bottom: f64,
    pub(super) labels: bool,
    pub(super) xs: Scale,
    pub(super) ys: Scale,
}

pub(super) fn colour(role: Role) -> RGBColor {
    match role {
        Role::School(i) => palette::SCHOOLS
            .get(usize::from(i))
            .copied()
            .unwrap_or(palette::OTHER_SCHOOL),
        Role::Derived => palette::INK,
        Role::Home => palette::AREA,
        Role::Region => palette::REGION,
        Role::Country => palette::ENGLAND,
        Role::Neighbour => palette::NEIGHBOUR,
    }
}

/// A line's colour in this chart: a school's own, or, where one school is brought forward
/// ([`TrendChart::focus`]), that school in the schools' colour and the others muted.
pub(super) fn line_colour(model: &TrendChart, role: Role) -> RGBColor {
    if forward(model, role) {
        palette::SCHOOL
    } else if muted(model, role) {
        palette::OTHER_SCHOOL
    } else {
        colour(role)
    }
}

/// Whether a line is the school brought forward.
pub(super) fn forward(model: &TrendChart, role: Role) -> bool {
    matches!((role, model.focus), (Role::School(i), Some(f)) if i == f)
}

/// Whether a line is a school's drawn muted (another is brought forward).
pub(super) fn muted(model: &TrendChart, role: Role) -> bool {
    matches!((role, model.focus), (Role::School(i), Some(f)) if i != f)
}

/// A line's name at its end: in its colour, or, muted, in the muted text colour (the muted
/// line's grey is too light for text).
pub(super) fn label_colour(model: &TrendChart, role: Role) -> RGBColor {
    if muted(model, role) {
        palette::MUTED
    } else {
        line_colour(model, role)
    }
}

pub(super) fn panel_h(model: &TrendChart) -> f64 {
    let heading = model.panels.iter().any(|p| !p.heading.is_empty());
    (if heading { HEADING_H } else { 0.0 }) + TOP_H + PLOT_H + AXIS_H
}

pub(super) fn side_by_side(model: &TrendChart, width: f64) -> bool {
    let n = model.panels.len().max(1) as f64;
    n > 1.0 && (width - 2.0 * PAD - (n - 1.0) * GAP) / n >= MIN_SIDE_W
}

pub(super) fn panel_width(model: &TrendChart, width: f64) -> f64 {
    let n = model.panels.len().max(1) as f64;
    if side_by_side(model, width) {
        (width - 2.0 * PAD - (n - 1.0) * GAP) / n
    } else {
        width - 2.0 * PAD
    }
}

pub(super) fn geometry(model: &TrendChart, width: u32) -> Vec<PanelGeo> {
    let width = f64::from(width.max(240));
    let n = model.panels.len().max(1);
    let side = side_by_side(model, width);
    let ph = panel_h(model);
    let heading = model.panels.iter().any(|p| !p.heading.is_empty());
    let axis_w =
        text_width("\u{2212}0.00", 12.0, false).max(text_width("100%", 12.0, false)) + 10.0;
    let label_w = label_width(model);
    let key = key_h(model, width);
    (0..n)
        .map(|i| {
            let (top, left, right) = if side {
                let w = (width - 2.0 * PAD - (n as f64 - 1.0) * GAP) / n as f64;
                let left = PAD + i as f64 * (w + GAP);
                (PAD + key, left, left + w)
            } else {
                (PAD + key + i as f64 * (ph + GAP), PAD, width - PAD)
            };
            // Line-end names only where the years keep room enough: else the key names them.
            let labels = has_labels(model, right - left);
            let plot_left = left + axis_w;
            let plot_right = if labels { right - label_w } else { right - 6.0 };
            let plot_top = top + if heading { HEADING_H } else { 0.0 } + TOP_H;
            let plot_bottom = plot_top + PLOT_H;
            let (y0, y1) = model.years;
            let step = (plot_right - plot_left) / f64::from((y1 - y0).max(1) + 1);
            PanelGeo {
                top,
                left,
                right,
                plot_left,
                plot_right,
                plot_top,
                plot_bottom,
                labels,
                xs: Scale {
                    domain: (f64::from(y0), f64::from(y1)),
                    range: (plot_left + step / 2.0, plot_right - step / 2.0),
                },
                ys: Scale {
                    domain: model.domain,
                    range: (plot_bottom, plot_top),
                },
            }
        })
        .collect()
}

/// Pixels per year.
pub(super) fn step(g: &PanelGeo) -> f64 {
    let (d0, d1) = g.xs.domain;
    if d1 > d0 {
        (g.xs.range.1 - g.xs.range.0) / (d1 - d0)
    } else {
        g.plot_right - g.plot_left
    }
}

/// The chart's size at a given width.
pub fn size(model: &TrendChart, width: u32) -> (u32, u32) {
    let w = f64::from(width.max(240));
    let n = model.panels.len().max(1) as f64;
    let ph = panel_h(model);
    let h = key_h(model, w)
        + if side_by_side(model, w) {
            2.0 * PAD + ph
        } else {
            2.0 * PAD + n * ph + (n - 1.0) * GAP
        };
    (w as u32, h.ceil() as u32)
}
/// What the key names, in order: the lines of the first panel, then the neighbours.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum KeyItem {
    Line(Role, String),
    Median(String),
    Range(String),
    /// What a hollow marker is (a figure published for a predecessor school).
    Hollow(String),
}

impl KeyItem {
    pub(super) fn label(&self) -> &str {
        match self {
            KeyItem::Line(_, name)
            | KeyItem::Median(name)
            | KeyItem::Range(name)
            | KeyItem::Hollow(name) => name,
        }
    }
}

pub(super) const KEY_ROW_H: f64 = 20.0;

pub(super) const KEY_MARK_W: f64 = 22.0;

pub(super) const KEY_GAP: f64 = 16.0;

/// What the key says of a hollow marker.
pub(super) const HOLLOW_KEY: &str = "Hollow: published for a predecessor school";

/// The key, laid out in rows at a width: each line, where the line ends cannot be named, and
/// what a hollow marker is, wherever one is drawn; empty when there is nothing to say.
pub(super) fn key_rows(model: &TrendChart, width: f64) -> Vec<Vec<(KeyItem, f64)>> {
    let Some(first) = model.panels.first() else {
        return Vec::new();
    };
    let mut items: Vec<KeyItem> = Vec::new();
    if !has_labels(model, panel_width(model, width)) {
        items.extend(
            first
                .lines
                .iter()
                .map(|l| KeyItem::Line(l.role, short_name(&l.name).to_string())),
        );
        if !first.band.is_empty() {
            items.push(KeyItem::Median(model.median_label()));
            items.push(KeyItem::Range(model.range_label()));
        }
    }
    let hollow = model
        .panels
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| &l.points)
        .any(|p| p.hollow && p.value.is_some());
    if hollow {
        items.push(KeyItem::Hollow(HOLLOW_KEY.to_string()));
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
pub(super) fn end_label(model: &TrendChart, line: &TrendLine) -> Option<(u16, f64, String)> {
    let p = line.points.iter().rev().find(|p| p.value.is_some())?;
    let v = p.value?;
    Some((
        p.year,
        v,
        format!("{} {}", short_name(&line.name), model.format(v, p.decimals)),
    ))
}

/// Names as they fit beside a line end.
pub(super) fn short_name(name: &str) -> &str {
    name.split(',').next().unwrap_or(name)
}

pub(super) fn label_width(model: &TrendChart) -> f64 {
    model
        .panels
        .iter()
        .flat_map(|p| p.lines.iter())
        .filter_map(|l| end_label(model, l))
        .map(|(_, _, t)| text_width(&t, 12.0, false))
        .chain(std::iter::once(text_width(
            &model.median_label(),
            12.0,
            false,
        )))
        .fold(0.0, f64::max)
        + 12.0
}

/// Whether a panel this wide has room to name its lines at their ends.
pub(super) fn has_labels(model: &TrendChart, panel_w: f64) -> bool {
    let axis_w =
        text_width("\u{2212}0.00", 12.0, false).max(text_width("100%", 12.0, false)) + 10.0;
    panel_w - axis_w - label_width(model) >= 300.0
}
