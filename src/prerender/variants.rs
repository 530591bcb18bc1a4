//! A chart's drawings for the prerendered view, one for each range of column widths over
//! which the page would draw it at the same height.
//!
//! The page draws a chart at its column's width, and the height follows from the width in
//! steps (a legend that wraps, panels side by side or stacked). The static view cannot know
//! the column (a phone, a laptop, an embed's frame), so it carries one drawing per step and
//! lets the column choose with a container query: each drawing's box has the height the page
//! will draw at that width, so when the page takes over nothing below the chart moves
//! (measured as layout shift in tests/e2e/first-paint.test.mjs). A drawing keeps its
//! proportions and sits top left in its box: drawn at its range's narrowest width, it is never
//! scaled down, so its text is the page's size.

/// The widths scanned for steps (charts draw nothing narrower than 240 px), every 2 px.
const SCAN: std::ops::RangeInclusive<u32> = 240..=1400;
const STEP: usize = 2;
/// More drawings than this would weigh more than they are worth: the shortest ranges are
/// merged into a neighbour (the box is then a few pixels off over the merged range).
const MAX_VARIANTS: usize = 5;
/// A range narrower than this is merged into a neighbour.
const MIN_SPAN: u32 = 40;
/// Widths a drawing is made at when its range holds them: a phone's column, and a desktop
/// column (the card's frame in a 1280 px window).
const PHONE: u32 = 340;
const DESKTOP: u32 = 1200;
/// Columns from this wide are shown the desktop drawing, scaled down (to 83% at the least).
const DESKTOP_FROM: u32 = 1000;
/// Where a range of one height is split, so that a drawing is never more than about 200 px
/// narrower than its column; no piece narrower than [`MIN_SPLIT`].
const SPLITS: [u32; 3] = [640, 800, DESKTOP_FROM];
const MIN_SPLIT: u32 = 120;
/// The most a column may be wider than the drawing it shows (below a desktop's column).
const MAX_STRIP: u32 = 300;

/// One drawing: the widths it stands for (`from` inclusive, `to` exclusive, `None` for no
/// end), the width it is drawn at, and its height there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Variant {
    /// The narrowest column it is shown in (0 for the first).
    pub from: u32,
    /// The first column width it is no longer shown in.
    pub to: Option<u32>,
    /// The width it is drawn at.
    pub width: u32,
    /// Its height, which is the page's height for the whole range.
    pub height: u32,
}

/// The steps of a chart's height over the column widths, merged to at most
/// [`MAX_VARIANTS`] (then wide ones split at [`SPLITS`]), each with the width it is drawn at.
pub fn variants(m: &dyn crate::charts::Chart) -> Vec<Variant> {
    // Runs of equal height: (first width, last width, height).
    let mut runs: Vec<(u32, u32, u32)> = Vec::new();
    for w in SCAN.step_by(STEP) {
        let h = m.size(w).1;
        match runs.last_mut() {
            Some(run) if run.2 == h => run.1 = w,
            _ => runs.push((w, w, h)),
        }
    }
    // Merge the shortest run into its longer neighbour until few and wide enough.
    loop {
        let span = |r: &(u32, u32, u32)| r.1 - r.0;
        let Some((i, shortest)) = runs.iter().enumerate().min_by_key(|(_, r)| span(r)) else {
            break;
        };
        if runs.len() == 1 || (runs.len() <= MAX_VARIANTS && span(shortest) >= MIN_SPAN) {
            break;
        }
        let (lo, hi) = (runs[i].0, runs[i].1);
        // Into the narrower neighbour, whose drawing fits the merged widths unscaled; the
        // wider one's would be drawn at the short run's width, in the short run's layout
        // (a progress chart stacked at 600 px for columns up to 1000 px).
        let into = i.checked_sub(1).unwrap_or(i + 1);
        runs[into].0 = runs[into].0.min(lo);
        runs[into].1 = runs[into].1.max(hi);
        runs.remove(i);
    }
    // Each range is drawn at its narrowest width, so that its text is never smaller than
    // the page's (a wider column shows a blank strip at the right until the page takes
    // over), except a phone's, drawn at a phone's column. A wide range is split at one
    // height, so at no cost to the box, to keep the strip narrow, and a desktop's column
    // has its own drawing.
    let mut out = Vec::new();
    for (i, &(lo, hi, _)) in runs.iter().enumerate() {
        let from = if i == 0 { 0 } else { lo };
        let to = runs.get(i + 1).map(|r| r.0);
        let mut push = |from: u32, to: Option<u32>, width: u32| {
            out.push(Variant {
                from,
                to,
                width,
                height: m.size(width).1,
            })
        };
        // A phone's range is drawn at a phone's column, and split like any other above it
        // (a chart of one height from 240 to 760 px would otherwise show its 340 px
        // drawing in a 700 px embed).
        let phone = (i == 0 && hi < PHONE) || (lo..=hi).contains(&PHONE);
        let first = if phone { PHONE.min(hi).max(lo) } else { lo };
        let end = to.unwrap_or(u32::MAX);
        // (A desktop's column always has its own drawing: the last range is cut there
        // however near its start.)
        let cuts: Vec<u32> = SPLITS
            .iter()
            .copied()
            .filter(|&c| {
                (c >= first + MIN_SPLIT || (c == DESKTOP_FROM && to.is_none() && c > first))
                    && c + MIN_SPLIT <= end
            })
            .collect();
        let cuts = halved(first, &cuts, end.min(DESKTOP_FROM));
        let mut start = from;
        let mut at = first;
        for &cut in &cuts {
            push(start, Some(cut), at);
            start = cut;
            at = cut;
        }
        let width = if to.is_none() && start >= DESKTOP_FROM {
            DESKTOP.max(start)
        } else {
            at
        };
        push(start, to, width);
    }
    out
}

/// The cuts of a range drawn from `first`, with a piece cut halfway (again if need be)
/// wherever, below `limit`, its columns would run more than [`MAX_STRIP`] past its drawing
/// (a 340 px drawing in a 660 px embed).
fn halved(first: u32, cuts: &[u32], limit: u32) -> Vec<u32> {
    let step = STEP as u32;
    let mut out = Vec::with_capacity(cuts.len());
    let mut at = first;
    for next in cuts.iter().copied().map(Some).chain([None]) {
        let stop = next.unwrap_or(limit).min(limit);
        while stop > at + MAX_STRIP {
            at = (at + stop) / 2 / step * step;
            out.push(at);
        }
        if let Some(cut) = next {
            out.push(cut);
            at = cut;
        }
    }
    out
}

impl Variant {
    /// Whether a column `width` wide shows this drawing.
    pub fn holds(&self, width: u32) -> bool {
        self.from <= width && self.to.is_none_or(|to| width < to)
    }
}

/// The container query that shows a drawing in its range of column widths.
pub fn condition(v: &Variant) -> String {
    match (v.from, v.to) {
        (0, None) => "(width >= 0px)".to_string(),
        (0, Some(to)) => format!("(width < {to}px)"),
        (from, None) => format!("(width >= {from}px)"),
        (from, Some(to)) => format!("({from}px <= width < {to}px)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::ChartId;
    use crate::selection::Selection;
    use crate::testing::bundled;

    #[test]
    fn the_drawings_cover_every_width_once_each_at_the_pages_height() {
        let ds = bundled();
        for id in ChartId::available(&ds) {
            let m = id.build(&ds, &Selection::default());
            let vs = variants(&*m);
            assert!(
                !vs.is_empty() && vs.len() <= MAX_VARIANTS + SPLITS.len(),
                "{id:?}: {vs:?}"
            );
            assert_eq!(vs[0].from, 0);
            assert_eq!(vs.last().and_then(|v| v.to), None);
            for pair in vs.windows(2) {
                assert_eq!(pair[0].to, Some(pair[1].from), "{id:?}: a gap or overlap");
            }
            for v in &vs {
                // Drawn inside its range, at the height the page draws there.
                assert!(v.width >= v.from.clamp(240, PHONE), "{id:?} {v:?}");
                assert!(v.to.is_none_or(|to| v.width < to), "{id:?} {v:?}");
                assert_eq!(v.height, m.size(v.width).1);
            }
            // A phone's column and a desktop's are drawn at their own widths.
            assert!(vs.iter().any(|v| v.width == PHONE), "{id:?}: {vs:?}");
            assert!(vs.iter().any(|v| v.width == DESKTOP), "{id:?}: {vs:?}");
        }
    }

    #[test]
    fn the_box_is_the_pages_height_wherever_a_step_was_not_merged() {
        // The progress chart stacks its panels below 760 px and sets them side by side above:
        // the two layouts are two drawings whose boxes match the page on each side.
        let ds = bundled();
        let m = crate::charts::progress::ID.build(&ds, &Selection::default());
        let vs = variants(&*m);
        for w in [360u32, 700, 800, 1000, 1250] {
            let Some(v) = vs
                .iter()
                .find(|v| v.from <= w && v.to.is_none_or(|t| w < t))
            else {
                panic!("no drawing for {w} px: {vs:?}");
            };
            assert_eq!(v.height, m.size(w).1, "{w} px: {vs:?}");
        }
    }

    #[test]
    fn no_column_shows_a_drawing_far_narrower_than_itself() {
        // A 700 px embed of a chart whose height is one from a phone to 760 px was shown
        // the phone's 340 px drawing.
        let ds = bundled();
        for id in ChartId::available(&ds) {
            let m = id.build(&ds, &Selection::default());
            let vs = variants(&*m);
            for w in (PHONE..DESKTOP_FROM).step_by(10) {
                let Some(v) = vs.iter().find(|v| v.holds(w)) else {
                    panic!("{id:?}: no drawing for {w} px");
                };
                assert!(w - v.width.min(w) <= 300, "{id:?}: {w} px shows {v:?}");
            }
        }
    }

    #[test]
    fn conditions_are_container_ranges() {
        let v = |from, to| Variant {
            from,
            to,
            width: 1,
            height: 1,
        };
        assert_eq!(condition(&v(0, Some(600))), "(width < 600px)");
        assert_eq!(condition(&v(600, Some(760))), "(600px <= width < 760px)");
        assert_eq!(condition(&v(760, None)), "(width >= 760px)");
    }
}
