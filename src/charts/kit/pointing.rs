//! What pointing at a drawing does, shared by the page's chart cards (`app::chart_card`) and
//! the prerendered view's small enhancer (`enhance`): which mark a key press moves to, where
//! the tooltip goes, what is announced; and the marks of a prerendered drawing as a small
//! text file (`prerender/<chart>-<width>.marks`), so the enhancer needs neither the dataset
//! nor a JSON parser.
//!
//! The marks file has one line per mark, tab-separated: bounds and band as eight integers in
//! tenths of a pixel of the drawing, then entity, category, year (or empty), value and the
//! source as the page names it. Tabs and line breaks in names become spaces.

use super::{Mark, Rect};
use crate::dataset::Dataset;

/// What a tooltip names as the source of a mark with no published figure.
pub const NO_FIGURE_SOURCE: &str = "no published figure";

/// Where key `key` moves the selection from `cur` among `marks`: `None` when the key is not
/// one the chart answers (let the browser have it), `Some(None)` to clear the selection.
pub fn key_move(marks: &[Mark], cur: Option<usize>, key: &str) -> Option<Option<usize>> {
    let n = marks.len();
    if n == 0 {
        return None;
    }
    Some(match (key, cur) {
        ("Home", _) => Some(0),
        ("End", _) => Some(n - 1),
        ("Escape", _) => None,
        ("ArrowRight" | "ArrowLeft" | "ArrowDown" | "ArrowUp", None) => Some(0),
        (k @ ("ArrowRight" | "ArrowLeft" | "ArrowDown" | "ArrowUp"), Some(i)) => {
            Some(super::step(marks, i, k))
        }
        _ => return None,
    })
}

/// A tooltip's place over a drawing shown at `k` times the size it was drawn at, in a frame
/// `shown` pixels wide: the focus outline's box, the tooltip's centre and top, and whether
/// it hangs below the mark (near the top) rather than above.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TipPlace {
    /// The mark's box on the page, relative to the frame.
    pub outline: Rect,
    /// The tooltip's horizontal centre.
    pub centre: f64,
    /// The tooltip's anchor: the mark's top, or its bottom when below.
    pub top: f64,
    /// Whether the tooltip hangs below the mark.
    pub below: bool,
}

impl TipPlace {
    /// The place for a mark drawn in `bounds`.
    pub fn new(bounds: Rect, k: f64, shown: f64) -> Self {
        let outline = Rect::new(bounds.x * k, bounds.y * k, bounds.w * k, bounds.h * k);
        // Half the tooltip's widest (16rem) from either edge, so it never sticks out.
        let half = 130.0_f64;
        let centre = (outline.x + outline.w / 2.0)
            .clamp(half.min(shown / 2.0), (shown - half).max(shown / 2.0));
        let below = outline.y < 90.0;
        let top = if below {
            outline.y + outline.h
        } else {
            outline.y
        };
        Self {
            outline,
            centre,
            top,
            below,
        }
    }
}

/// What a screen reader hears for a mark: its sentence, and its source when it differs from
/// the one said last (`said`, updated).
pub fn announce(m: &Mark, source: &str, said: &mut Option<String>) -> String {
    if said.as_deref() == Some(source) {
        format!("{}.", m.sentence())
    } else {
        *said = Some(source.to_string());
        format!("{}. Source: {source}.", m.sentence())
    }
}

/// A mark's source as the tooltip and the announcement name it.
pub fn source_named(ds: &Dataset, m: &Mark) -> String {
    m.source
        .as_deref()
        .and_then(|s| ds.source(s))
        .map(crate::model::Source::named)
        .unwrap_or_else(|| NO_FIGURE_SOURCE.to_string())
}

/// The tooltip's "category, year" line.
pub fn category_line(m: &Mark) -> String {
    match m.year {
        Some(y) => format!("{}, {y}", m.category),
        None => m.category.clone(),
    }
}

/// In a marks file, a field that is the same as the mark above's (a series' name, its
/// measure, its source): the file is a third of its size without them said again.
const DITTO: char = '\u{2}';
const DITTO_FIELD: &str = "\u{2}";

/// The marks as the text file the enhancer reads; `source` names a mark's source as the
/// page does. A field the same as the mark above's is written as [`DITTO`].
pub fn marks_text(marks: &[Mark], source: impl Fn(&Mark) -> String) -> String {
    let clean = |s: &str| s.replace(['\t', '\n', '\r', DITTO], " ");
    let tenths = |v: f64| (v * 10.0).round() as i64;
    let mut out = String::new();
    let mut above: [String; 5] = Default::default();
    for m in marks {
        for r in [m.bounds, m.band] {
            for v in [r.x, r.y, r.w, r.h] {
                out.push_str(&tenths(v).to_string());
                out.push(' ');
            }
        }
        out.pop();
        let year = m.year.map(|y| y.to_string()).unwrap_or_default();
        for (i, field) in [&m.entity, &m.category, &year, &m.value, &source(m)]
            .into_iter()
            .enumerate()
        {
            let field = clean(field);
            out.push('\t');
            if !field.is_empty() && field == above[i] {
                out.push(DITTO);
            } else {
                out.push_str(&field);
                above[i] = field;
            }
        }
        out.push('\n');
    }
    out
}

/// Reads a marks file: the marks, with `source` holding the source's name; a line that is
/// not a mark is left out (the file is made by the build, so that is never expected).
pub fn read_marks(text: &str) -> Vec<Mark> {
    let mut above: [String; 5] = Default::default();
    text.lines()
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let rects = fields.next()?;
            // Each field as written, or the mark above's where it says so.
            let mut at = 0;
            let mut f = std::iter::from_fn(|| {
                let field = fields.next()?;
                let i = at.min(4);
                at += 1;
                if field != DITTO_FIELD {
                    above[i] = field.to_string();
                }
                Some(above[i].clone())
            });
            let mut n = rects.split(' ').map(|v| v.parse::<i64>().ok());
            let mut rect = || -> Option<Rect> {
                let mut v = [0.0; 4];
                for x in &mut v {
                    *x = n.next()?? as f64 / 10.0;
                }
                Some(Rect::new(v[0], v[1], v[2], v[3]))
            };
            let (bounds, band) = (rect()?, rect()?);
            let entity = f.next()?;
            let category = f.next()?;
            let year = f.next()?.parse::<u16>().ok();
            let value = f.next()?;
            let source = Some(f.next()?);
            Some(Mark {
                entity,
                category,
                year,
                value,
                source,
                bounds,
                band,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(entity: &str, category: &str, year: Option<u16>) -> Mark {
        Mark {
            entity: entity.into(),
            category: category.into(),
            year,
            value: "+1.5".into(),
            source: Some("ks2".into()),
            bounds: Rect::new(10.25, 20.0, 30.0, 4.0),
            band: Rect::new(0.0, 18.0, 300.0, 8.0),
        }
    }

    #[test]
    fn marks_read_back_as_written_to_a_tenth_of_a_pixel() {
        let marks = vec![
            mark("Etruscan\tPrimary", "reading progress", Some(2019)),
            mark("England", "Good", None),
            mark("England", "Good", Some(2018)),
        ];
        let text = marks_text(&marks, |_| "Department for Education, KS2".into());
        // What the mark above said is not said again.
        assert_eq!(
            text.matches("Department for Education").count(),
            1,
            "{text}"
        );
        assert_eq!(text.matches("England").count(), 1, "{text}");
        let back = read_marks(&text);
        assert_eq!(back.len(), 3);
        assert_eq!(back[2].entity, "England");
        assert_eq!(back[2].category, "Good");
        assert_eq!(back[2].year, Some(2018));
        assert_eq!(
            back[2].source.as_deref(),
            Some("Department for Education, KS2")
        );
        assert_eq!(back[0].entity, "Etruscan Primary");
        assert_eq!(back[0].year, Some(2019));
        assert_eq!(back[1].year, None);
        assert_eq!(
            back[0].source.as_deref(),
            Some("Department for Education, KS2")
        );
        assert!((back[0].bounds.x - 10.3).abs() < 1e-9);
        assert_eq!(back[0].band, marks[0].band);
        assert_eq!(back[1].sentence(), "England, Good: +1.5");
    }

    #[test]
    fn keys_move_clear_or_leave_the_selection() {
        let marks = vec![mark("A", "x", None), mark("A", "y", None)];
        assert_eq!(key_move(&marks, None, "ArrowRight"), Some(Some(0)));
        assert_eq!(key_move(&marks, Some(0), "ArrowRight"), Some(Some(1)));
        assert_eq!(key_move(&marks, Some(1), "Escape"), Some(None));
        assert_eq!(key_move(&marks, Some(1), "Home"), Some(Some(0)));
        assert_eq!(key_move(&marks, None, "Tab"), None);
        assert_eq!(key_move(&[], None, "Home"), None);
    }

    #[test]
    fn the_tooltip_stays_inside_the_frame_and_hangs_below_near_the_top() {
        let near_left = TipPlace::new(Rect::new(0.0, 10.0, 4.0, 4.0), 1.0, 400.0);
        assert_eq!(near_left.centre, 130.0);
        assert!(near_left.below);
        assert_eq!(near_left.top, 14.0);
        let scaled = TipPlace::new(Rect::new(200.0, 200.0, 20.0, 10.0), 0.5, 400.0);
        assert_eq!(scaled.outline, Rect::new(100.0, 100.0, 10.0, 5.0));
        assert!(!scaled.below);
        assert_eq!(scaled.top, 100.0);
    }

    #[test]
    fn the_source_is_said_once_until_it_changes() {
        let m = mark("A", "x", Some(2019));
        let mut said = None;
        assert_eq!(
            announce(&m, "DfE", &mut said),
            "A, 2019, x: +1.5. Source: DfE."
        );
        assert_eq!(announce(&m, "DfE", &mut said), "A, 2019, x: +1.5.");
        assert_eq!(
            announce(&m, "Ofsted", &mut said),
            "A, 2019, x: +1.5. Source: Ofsted."
        );
    }
}
