//! Marks: what a drawing holds for pointing, tapping and the keys: each figure's box, the
//! band the pointer finds it by, and what is said of it; and how the keys move between them.

/// A rectangle in chart pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// A rectangle from its left, top, width and height.
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Self {
        Self { x, y, w, h }
    }

    /// Whether a point lies inside.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x <= self.x + self.w && y >= self.y && y <= self.y + self.h
    }
}

/// One drawn figure (a bar, a segment) with what a tooltip or a screen reader says of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Who or what: a school, an area, a group of schools.
    pub entity: String,
    /// What is measured: "reading progress", "Good".
    pub category: String,
    /// The year of the figure, where one applies.
    pub year: Option<u16>,
    /// The value as written on the chart, with any caveat.
    pub value: String,
    /// Id of the source, `None` where nothing is published.
    pub source: Option<String>,
    /// The box the mark is drawn in (for the focus outline).
    pub bounds: Rect,
    /// The band the pointer finds it by: the whole row, so thin bars are easy to hit.
    pub band: Rect,
}

impl Mark {
    /// One sentence for screen readers and tooltips: "Etruscan Primary, 2019, reading progress: +2.0".
    pub fn sentence(&self) -> String {
        match self.year {
            Some(y) => format!("{}, {y}, {}: {}", self.entity, self.category, self.value),
            None => format!("{}, {}: {}", self.entity, self.category, self.value),
        }
    }
}

/// The mark a key press moves to from mark `i`: Left/Right along its series (the marks of
/// the same school or area, in reading order), Up/Down between series (the next or
/// previous mark of another school or area in the same category, else the next or previous
/// mark). It stays put at either end.
pub fn step(marks: &[Mark], i: usize, key: &str) -> usize {
    let Some(cur) = marks.get(i) else {
        return 0;
    };
    let same = |m: &Mark| m.entity == cur.entity;
    let across = |m: &Mark| m.entity != cur.entity && m.category == cur.category;
    let forward = |pred: &dyn Fn(&Mark) -> bool| {
        marks
            .iter()
            .enumerate()
            .skip(i + 1)
            .find(|(_, m)| pred(m))
            .map(|(j, _)| j)
    };
    let back = |pred: &dyn Fn(&Mark) -> bool| {
        marks
            .iter()
            .enumerate()
            .take(i)
            .rev()
            .find(|(_, m)| pred(m))
            .map(|(j, _)| j)
    };
    let any = |_: &Mark| true;
    match key {
        "ArrowRight" => forward(&same).unwrap_or(i),
        "ArrowLeft" => back(&same).unwrap_or(i),
        "ArrowDown" => forward(&across).or_else(|| forward(&any)).unwrap_or(i),
        "ArrowUp" => back(&across).or_else(|| back(&any)).unwrap_or(i),
        _ => i,
    }
}

/// The mark under a point in chart pixels, if any.
pub fn locate(marks: &[Mark], x: f64, y: f64) -> Option<usize> {
    marks.iter().position(|m| m.band.contains(x, y))
}
