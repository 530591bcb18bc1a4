//! A chart as sound: each series played as tones, one per year or bar, pitch by value on the
//! chart's own axis (low values low), a year without a figure as silence. Made from the marks
//! (the same list the pointer and the keys read), so every chart that has marks with figures
//! can be heard, on the static page (the enhancer) and in the app alike; the browser only
//! schedules the notes (`enhance/sound.rs`, Web Audio).

use super::marks::Mark;

/// The lowest and highest pitch, in Hz: two octaves from A3, where speakers and ears are at
/// their best and no tone is shrill.
pub const LOW_HZ: f64 = 220.0;
/// See [`LOW_HZ`].
pub const HIGH_HZ: f64 = 880.0;
/// The equal-tempered semitones from A3 (220 Hz) to A5 (880 Hz): 220 × 2^(k/12).
const SEMITONES: [f64; 25] = [
    220.0, 233.082, 246.942, 261.626, 277.183, 293.665, 311.127, 329.628, 349.228, 369.994,
    391.995, 415.305, 440.0, 466.164, 493.883, 523.251, 554.365, 587.330, 622.254, 659.255,
    698.456, 739.989, 783.991, 830.609, 880.0,
];
/// Seconds from one note to the next at normal speed.
pub const STEP_S: f64 = 0.32;
/// How long a note sounds, as a share of the step (the rest is the gap that separates them).
const NOTE_SHARE: f64 = 0.7;
/// The pause between two series played one after another, in steps.
const SERIES_GAP_STEPS: f64 = 2.0;

/// The figure a mark's value states, if it states one: a share where it gives one ("12 of 16
/// schools (75%)" → 75, "25.2%" → 25.2), else the number it starts with ("−0.91" → −0.91,
/// "+0.4 (above average)" → 0.4); words ("Good, 12 March 2019", "no KS2 results") state none.
pub fn value_of(text: &str) -> Option<f64> {
    match text.find('%') {
        Some(end) => {
            let before = &text[..end];
            let start = before
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_ascii_digit() || *c == '.' || *c == ',')
                .last()
                .map(|(i, _)| i)?;
            number(
                &text[start..end],
                before[..start].ends_with(['\u{2212}', '-']),
            )
        }
        None => {
            let rest = text.trim_start();
            let (negative, rest) = match rest.chars().next() {
                Some(c @ ('\u{2212}' | '-' | '+')) => (c != '+', &rest[c.len_utf8()..]),
                _ => (false, rest),
            };
            let digits: String = rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
                .collect();
            number(&digits, negative)
        }
    }
}

/// A decimal as written ("4,975,478", "0.62"), read by hand: `str::parse::<f64>` would link
/// the standard library's float parser (its tables are about 10 KB) into the enhancer, which
/// every reader fetches; figures as written here are short and exact.
fn number(digits: &str, negative: bool) -> Option<f64> {
    let mut whole: u64 = 0;
    let mut scale = 1.0;
    let (mut seen, mut point) = (false, false);
    for c in digits.chars() {
        match c {
            '0'..='9' => {
                whole = whole
                    .checked_mul(10)?
                    .checked_add(u64::from(c as u8 - b'0'))?;
                seen = true;
                if point {
                    scale *= 10.0;
                }
            }
            '.' if !point => point = true,
            ',' if !point => {}
            _ => return None,
        }
    }
    if !seen {
        return None;
    }
    let v = whole as f64 / scale;
    Some(if negative { -v } else { v })
}

fn is_percent(m: &Mark) -> bool {
    m.value.contains('%')
}

/// A series to be heard: its name and its marks, in the order they are read.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// What is said before it plays: "Stoke-on-Trent, reading progress".
    pub name: String,
    /// Indexes into the chart's marks.
    pub marks: Vec<usize>,
}

/// The chart's series, in reading order: the marks of one thing measured over the years (a
/// line), or, where each thing has one mark per measure (bars), the bars of one measure.
pub fn series(marks: &[Mark]) -> Vec<Series> {
    let mut lines: Vec<Series> = Vec::new();
    for (i, m) in marks.iter().enumerate() {
        let name = format!("{}, {}", m.entity, m.category);
        match lines.iter_mut().find(|s| s.name == name) {
            Some(s) => s.marks.push(i),
            None => lines.push(Series {
                name,
                marks: vec![i],
            }),
        }
    }
    if lines.iter().any(|s| s.marks.len() > 1) {
        return lines;
    }
    let mut bars: Vec<Series> = Vec::new();
    for (i, m) in marks.iter().enumerate() {
        match bars.iter_mut().find(|s| s.name == m.category) {
            Some(s) => s.marks.push(i),
            None => bars.push(Series {
                name: m.category.clone(),
                marks: vec![i],
            }),
        }
    }
    bars
}

/// Whether a chart can be heard: some series has two figures or more to compare.
pub fn audible(marks: &[Mark]) -> bool {
    series(marks).iter().any(|s| {
        s.marks
            .iter()
            .filter(|&&i| marks.get(i).and_then(|m| value_of(&m.value)).is_some())
            .count()
            > 1
    })
}

/// The series that holds mark `i` (the first where none does).
pub fn series_of(all: &[Series], i: Option<usize>) -> usize {
    i.and_then(|i| all.iter().position(|s| s.marks.contains(&i)))
        .unwrap_or(0)
}

/// The span of values pitches stand for, from the lowest figure to the highest.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Axis {
    /// The lowest figure, heard at [`LOW_HZ`].
    pub lo: f64,
    /// The highest figure, heard at [`HIGH_HZ`].
    pub hi: f64,
}

impl Axis {
    /// The pitch of `v`: one of the 25 semitones from [`LOW_HZ`] to [`HIGH_HZ`], equal steps
    /// of value equal musical intervals (a listener hears notes, as in Highcharts'
    /// sonification). A table, not `powf`, which would link libm's `pow` into the enhancer.
    pub fn pitch(&self, v: f64) -> f64 {
        let span = self.hi - self.lo;
        let t = if span > 0.0 {
            ((v - self.lo) / span).clamp(0.0, 1.0)
        } else {
            0.5
        };
        let k = (t * 24.0 + 0.5) as usize;
        SEMITONES[k.min(24)]
    }
}

/// A chart's axes: every figure of its marks in one unit (percentages apart from scores), so
/// that series compare by ear; made once for a tune.
#[derive(Debug, Clone, Copy)]
struct Axes {
    plain: Option<Axis>,
    percent: Option<Axis>,
}

impl Axes {
    fn of(marks: &[Mark]) -> Self {
        let axis = |percent: bool| {
            let (lo, hi) = marks
                .iter()
                .filter(|m| is_percent(m) == percent)
                .filter_map(|m| value_of(&m.value))
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                    (lo.min(v), hi.max(v))
                });
            (lo <= hi).then_some(Axis { lo, hi })
        };
        Self {
            plain: axis(false),
            percent: axis(true),
        }
    }

    /// The pitch of `mark`, if it states a figure.
    fn pitch(&self, mark: &Mark) -> Option<f64> {
        let axis = if is_percent(mark) {
            self.percent
        } else {
            self.plain
        };
        Some(axis?.pitch(value_of(&mark.value)?))
    }
}

/// One note: when it starts (seconds from the start), its pitch (none: a silence, a year
/// without a figure), how long it sounds, and the mark it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// Seconds from the start.
    pub at: f64,
    /// Hz; `None` for a silence.
    pub hz: Option<f64>,
    /// Seconds it sounds.
    pub length: f64,
    /// The mark it plays, if any.
    pub mark: Option<usize>,
}

/// What playing one or more series takes: the notes, what to say first and what to say after.
#[derive(Debug, Clone, PartialEq)]
pub struct Tune {
    /// Every note, in time order.
    pub notes: Vec<Note>,
    /// Said as it starts: each series' name, its count and its first and last figures.
    pub intro: String,
    /// Said once it has played: the last figure.
    pub outro: String,
    /// Seconds it lasts.
    pub length: f64,
}

/// The notes of series `s` at `speed` (1 normal, 2 twice as fast), from `start` seconds: one
/// per mark, and a silence for each year missing between two of its marks (the years with
/// no tests) or a mark without a figure.
fn notes(marks: &[Mark], axes: &Axes, s: &Series, speed: f64, start: f64) -> Vec<Note> {
    let step = STEP_S / speed.clamp(0.25, 4.0);
    let mut out = Vec::new();
    let mut t = start;
    let mut last_year: Option<u16> = None;
    for &i in &s.marks {
        let Some(m) = marks.get(i) else { continue };
        if let (Some(prev), Some(y)) = (last_year, m.year) {
            for _ in prev.saturating_add(1)..y {
                out.push(Note {
                    at: t,
                    hz: None,
                    length: step * NOTE_SHARE,
                    mark: None,
                });
                t += step;
            }
        }
        last_year = m.year.or(last_year);
        let hz = axes.pitch(m);
        out.push(Note {
            at: t,
            hz,
            length: step * NOTE_SHARE,
            mark: Some(i),
        });
        t += step;
    }
    out
}

fn said(m: &Mark) -> String {
    match m.year {
        Some(y) => format!("{y} {}", m.value),
        None => format!("{} {}", m.entity, m.value),
    }
}

/// Series `which` of the chart as a tune.
pub fn tune(marks: &[Mark], all: &[Series], which: &[usize], speed: f64) -> Tune {
    let step = STEP_S / speed.clamp(0.25, 4.0);
    let mut notes_all = Vec::new();
    let mut intro = Vec::new();
    let mut outro = String::new();
    let mut t = 0.0;
    let axes = Axes::of(marks);
    for &k in which {
        let Some(s) = all.get(k) else { continue };
        let played = notes(marks, &axes, s, speed, t);
        let figures: Vec<&Mark> = s.marks.iter().filter_map(|&i| marks.get(i)).collect();
        let (Some(first), Some(last)) = (figures.first(), figures.last()) else {
            continue;
        };
        intro.push(if figures.len() > 1 {
            format!(
                "{}: {} notes, from {} to {}",
                s.name,
                figures.len(),
                said(first),
                said(last)
            )
        } else {
            format!("{}: {}", s.name, said(first))
        });
        outro = format!("Last: {}, {}", s.name, said(last));
        t = played.last().map_or(t, |n| n.at + step) + step * SERIES_GAP_STEPS;
        notes_all.extend(played);
    }
    let length = notes_all.last().map_or(0.0, |n| n.at + n.length);
    Tune {
        notes: notes_all,
        intro: format!("Playing {}. Escape stops.", intro.join("; then ")),
        outro,
        length,
    }
}

/// The one note of mark `i`, played as the keys step onto it.
pub fn one(marks: &[Mark], i: usize) -> Option<Note> {
    let hz = Axes::of(marks).pitch(marks.get(i)?)?;
    Some(Note {
        at: 0.0,
        hz: Some(hz),
        length: STEP_S * NOTE_SHARE,
        mark: Some(i),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::kit::Rect;

    fn mark(entity: &str, category: &str, year: Option<u16>, value: &str) -> Mark {
        Mark {
            entity: entity.into(),
            category: category.into(),
            year,
            value: value.into(),
            source: None,
            bounds: Rect::new(0.0, 0.0, 1.0, 1.0),
            band: Rect::new(0.0, 0.0, 1.0, 1.0),
        }
    }

    #[test]
    fn figures_are_read_as_written() {
        assert_eq!(value_of("\u{2212}0.91"), Some(-0.91));
        assert_eq!(value_of("+0.4"), Some(0.4));
        assert_eq!(value_of("25.2%"), Some(25.2));
        assert_eq!(value_of("12 of 16 schools (75%)"), Some(75.0));
        assert_eq!(value_of("4,975,478 places"), Some(4_975_478.0));
        assert_eq!(value_of("Good, 12 March 2019"), None);
        assert_eq!(value_of("0.62"), Some(0.62));
        assert_eq!(value_of("+"), None);
        assert_eq!(value_of("not published"), None);
        assert_eq!(value_of("no KS2 results"), None);
    }

    #[test]
    fn the_semitones_are_equal_tempered() {
        for (k, hz) in SEMITONES.iter().enumerate() {
            let exact = LOW_HZ * 2f64.powf(k as f64 / 12.0);
            assert!((hz - exact).abs() < 0.01, "{k}: {hz} vs {exact}");
        }
    }

    #[test]
    fn pitch_rises_with_the_value_on_the_charts_axis() {
        let a = Axis { lo: -1.0, hi: 1.0 };
        assert!((a.pitch(-1.0) - LOW_HZ).abs() < 1e-9);
        assert!((a.pitch(1.0) - HIGH_HZ).abs() < 1e-9);
        // Equal steps of value, equal intervals: 0 is an octave above the lowest.
        assert!((a.pitch(0.0) - 2.0 * LOW_HZ).abs() < 1e-9);
        assert!(a.pitch(0.2) > a.pitch(0.1));
        // One figure alone sits in the middle.
        assert!((Axis { lo: 3.0, hi: 3.0 }.pitch(3.0) - 2.0 * LOW_HZ).abs() < 1e-9);
    }

    #[test]
    fn a_line_is_one_series_and_its_missing_years_are_silences() {
        let marks = vec![
            mark("Stoke", "reading progress", Some(2018), "\u{2212}0.5"),
            mark("Stoke", "reading progress", Some(2019), "\u{2212}0.9"),
            mark("Stoke", "reading progress", Some(2022), "\u{2212}0.4"),
            mark("England", "reading progress", Some(2018), "0.0"),
            mark("England", "reading progress", Some(2019), "+0.03"),
        ];
        let all = series(&marks);
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].name, "Stoke, reading progress");
        let t = tune(&marks, &all, &[0], 1.0);
        let hz: Vec<Option<f64>> = t.notes.iter().map(|n| n.hz).collect();
        // 2018, 2019, two years without tests, 2022.
        assert_eq!(hz.len(), 5);
        assert_eq!((hz[2], hz[3]), (None, None));
        let (a, b, c) = (
            hz[0].unwrap_or(0.0),
            hz[1].unwrap_or(0.0),
            hz[4].unwrap_or(0.0),
        );
        assert!(b < a && c > b, "falls then rises: {a} {b} {c}");
        // One step apart, in time order.
        assert!(t
            .notes
            .windows(2)
            .all(|w| (w[1].at - w[0].at - STEP_S).abs() < 1e-9));
        assert!(t.intro.starts_with(
            "Playing Stoke, reading progress: 3 notes, from 2018 \u{2212}0.5 to 2022 \u{2212}0.4"
        ));
        assert_eq!(t.outro, "Last: Stoke, reading progress, 2022 \u{2212}0.4");
    }

    #[test]
    fn every_series_plays_one_after_another_in_reading_order() {
        let marks = vec![
            mark("Stoke", "maths", Some(2018), "1"),
            mark("Stoke", "maths", Some(2019), "2"),
            mark("England", "maths", Some(2018), "3"),
            mark("England", "maths", Some(2019), "4"),
        ];
        let all = series(&marks);
        let t = tune(&marks, &all, &[0, 1], 2.0);
        let order: Vec<Option<usize>> = t.notes.iter().map(|n| n.mark).collect();
        assert_eq!(order, vec![Some(0), Some(1), Some(2), Some(3)]);
        // A pause between the two series; twice as fast, half the step.
        assert!(t.notes[2].at - t.notes[1].at > 2.0 * STEP_S / 2.0);
        assert!((t.notes[1].at - t.notes[0].at - STEP_S / 2.0).abs() < 1e-9);
        assert!(t.intro.contains("; then England, maths"));
    }

    #[test]
    fn bars_are_heard_measure_by_measure_and_percentages_on_their_own_axis() {
        let marks = vec![
            mark("Stoke", "reading progress", Some(2019), "\u{2212}1.29"),
            mark("England", "reading progress", Some(2019), "\u{2212}0.62"),
            mark(
                "Stoke",
                "eligible for free school meals",
                Some(2023),
                "25.2%",
            ),
            mark(
                "England",
                "eligible for free school meals",
                Some(2023),
                "15.8%",
            ),
        ];
        let all = series(&marks);
        assert_eq!(
            all.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
            ["reading progress", "eligible for free school meals"]
        );
        let t = tune(&marks, &all, &[1], 1.0);
        // Percentages span their own axis: 15.8% lowest, 25.2% highest.
        assert_eq!(t.notes[0].hz, Some(HIGH_HZ));
        assert_eq!(t.notes[1].hz, Some(LOW_HZ));
        assert!(audible(&marks));
        assert!(!audible(&[mark("A school", "Good", Some(2019), "Good")]));
    }

    #[test]
    fn every_bundled_chart_but_the_inspection_dots_can_be_heard() {
        let ds = crate::testing::bundled();
        for id in crate::charts::ChartId::available(&ds) {
            let m = id.build(&ds, &crate::selection::Selection::default());
            let marks = m.marks(760);
            let heard = audible(&marks);
            assert_eq!(heard, id.id() != "inspections", "{id:?}");
            if heard {
                let all = series(&marks);
                let t = tune(&marks, &all, &(0..all.len()).collect::<Vec<_>>(), 1.0);
                assert!(
                    t.notes.iter().filter(|n| n.hz.is_some()).count() > 1,
                    "{id:?}"
                );
                assert!(t
                    .notes
                    .iter()
                    .all(|n| n.hz.is_none_or(|h| (LOW_HZ..=HIGH_HZ).contains(&h))));
            }
        }
    }
}
