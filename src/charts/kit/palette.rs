//! The colours of every chart, in one place: chosen for at least 3:1 contrast with white
//! (marks) and 4.5:1 where white text sits on them (Ofsted segments).

use plotters::style::RGBColor;

use crate::model::Judgement;

/// Text and axis.
pub const INK: RGBColor = RGBColor(0x1b, 0x1b, 0x1b);
/// Secondary text (notes, "not published"), 7:1 on white.
pub const MUTED: RGBColor = RGBColor(0x50, 0x50, 0x50);
/// Grid lines.
pub const GRID: RGBColor = RGBColor(0xdd, 0xdd, 0xdd);
/// Schools.
pub const SCHOOL: RGBColor = RGBColor(0x1d, 0x4e, 0x89);
/// A local authority area.
pub const AREA: RGBColor = RGBColor(0xa6, 0x3f, 0x10);
/// England.
pub const ENGLAND: RGBColor = RGBColor(0x4d, 0x4d, 0x4d);
// The Ofsted judgements: dark blue, blue, amber, dark red. They differ in lightness as
// well as hue, so they stay apart for readers with protanopia, deuteranopia or
// tritanopia (checked by simulation in `theme`'s tests), and amber is far from the
// area's rust. Labels are white on all but amber, which takes black.
/// Outstanding.
pub const OUTSTANDING: RGBColor = RGBColor(0x12, 0x43, 0x6d);
/// Good.
pub const GOOD: RGBColor = RGBColor(0x2f, 0x6f, 0xb0);
/// Requires improvement.
pub const REQUIRES_IMPROVEMENT: RGBColor = RGBColor(0xb7, 0x79, 0x1f);
/// Inadequate.
pub const INADEQUATE: RGBColor = RGBColor(0x7a, 0x1a, 0x1a);
/// Text on the amber segment, in every theme (not recoloured).
pub const ON_AMBER: RGBColor = RGBColor(0x00, 0x00, 0x00);
/// A third school on the charts over time.
pub const SCHOOL3: RGBColor = RGBColor(0x2e, 0x7d, 0x32);
/// Not graded.
pub const NOT_GRADED: RGBColor = RGBColor(0x5f, 0x63, 0x68);
/// A region.
pub const REGION: RGBColor = RGBColor(0x6a, 0x3d, 0x9a);
/// Statistical neighbours: their points and median.
pub const NEIGHBOUR: RGBColor = RGBColor(0x00, 0x70, 0x7a);
/// The cohort's schools on the charts over time, one colour each (and a marker shape in
/// turn); all eight apart from each other and from the comparisons' colours for normal
/// vision, each at least 3:1 against the page, each line named at its end in its colour.
pub const SCHOOLS: [RGBColor; 8] = [
    SCHOOL, SCHOOL2, SCHOOL3, REGION, SCHOOL5, SCHOOL6, SCHOOL7, SCHOOL8,
];
/// A fifth school: sky blue.
pub const SCHOOL5: RGBColor = RGBColor(0x0a, 0x82, 0xc8);
/// A sixth school: pink.
pub const SCHOOL6: RGBColor = RGBColor(0xd6, 0x33, 0x6c);
/// A seventh school: gold.
pub const SCHOOL7: RGBColor = RGBColor(0x8a, 0x6d, 0x00);
/// An eighth school: olive.
pub const SCHOOL8: RGBColor = RGBColor(0x64, 0x7a, 0x00);
/// Schools past the eighth: grey, named at their line end, behind the coloured ones.
pub const OTHER_SCHOOL: RGBColor = RGBColor(0x8a, 0x8a, 0x8a);
/// A second school on the charts over time.
pub const SCHOOL2: RGBColor = RGBColor(0x8f, 0x2d, 0x56);
/// Page white (inside hollow markers).
pub const WHITE: RGBColor = RGBColor(0xff, 0xff, 0xff);
/// The neighbours' band (a fill behind the lines).
pub const BAND: RGBColor = RGBColor(0xd5, 0xec, 0xee);
/// Years without figures (a fill).
pub const GAP: RGBColor = RGBColor(0xf0, 0xf0, 0xf0);

/// Every colour of the light palette with what it becomes in the contrast and dark themes.
/// Charts draw in the light one; `theme::recolour` maps a drawing to another theme.
pub const THEMED: [(RGBColor, RGBColor, RGBColor); 23] = [
    (
        WHITE,
        RGBColor(0xff, 0xff, 0xff),
        RGBColor(0x12, 0x12, 0x12),
    ), // background; text on Ofsted segments; rules
    (INK, RGBColor(0x00, 0x00, 0x00), RGBColor(0xf2, 0xf2, 0xf2)), // ink
    (
        MUTED,
        RGBColor(0x1b, 0x1b, 0x1b),
        RGBColor(0xc4, 0xc4, 0xc4),
    ), // muted text
    (GRID, RGBColor(0x8c, 0x8c, 0x8c), RGBColor(0x44, 0x44, 0x44)), // grid
    (
        SCHOOL,
        RGBColor(0x00, 0x2d, 0x62),
        RGBColor(0x8a, 0xb8, 0xf0),
    ), // schools
    (AREA, RGBColor(0x7a, 0x2a, 0x00), RGBColor(0xf4, 0xa0, 0x6b)), // local area
    (
        ENGLAND,
        RGBColor(0x2b, 0x2b, 0x2b),
        RGBColor(0xc8, 0xc8, 0xc8),
    ), // England
    (
        OUTSTANDING,
        RGBColor(0x0b, 0x2e, 0x4f),
        RGBColor(0xb9, 0xd6, 0xff),
    ), // Outstanding
    (GOOD, RGBColor(0x1f, 0x5c, 0x99), RGBColor(0x5a, 0x9b, 0xe0)), // Good
    (
        REQUIRES_IMPROVEMENT,
        RGBColor(0xb0, 0x7a, 0x00),
        RGBColor(0xff, 0xd1, 0x66),
    ), // Requires improvement (labelled in black)
    (
        INADEQUATE,
        RGBColor(0x3a, 0x08, 0x08),
        RGBColor(0xe8, 0x8a, 0x8a),
    ), // Inadequate
    (
        SCHOOL3,
        RGBColor(0x1b, 0x5e, 0x20),
        RGBColor(0xb5, 0xe0, 0xb7),
    ), // a third school
    (
        NOT_GRADED,
        RGBColor(0x37, 0x47, 0x4f),
        RGBColor(0xcf, 0xd8, 0xdc),
    ), // Not graded
    (
        REGION,
        RGBColor(0x4b, 0x1f, 0x7a),
        RGBColor(0xc8, 0xa8, 0xee),
    ), // region
    (
        NEIGHBOUR,
        RGBColor(0x00, 0x4d, 0x55),
        RGBColor(0x7f, 0xd6, 0xde),
    ), // statistical neighbours
    (
        SCHOOL2,
        RGBColor(0x6b, 0x1f, 0x40),
        RGBColor(0xf4, 0xa3, 0xc4),
    ), // a second school
    (BAND, RGBColor(0xbf, 0xdf, 0xe2), RGBColor(0x1e, 0x3a, 0x3d)), // neighbours' band (fill)
    (
        SCHOOL5,
        RGBColor(0x00, 0x5a, 0x9c),
        RGBColor(0x2f, 0x8f, 0xe0),
    ), // a fifth school
    (
        SCHOOL6,
        RGBColor(0xa8, 0x14, 0x4c),
        RGBColor(0xff, 0x5c, 0x8a),
    ), // a sixth school
    (
        SCHOOL7,
        RGBColor(0x6b, 0x54, 0x00),
        RGBColor(0xe0, 0xc0, 0x50),
    ), // a seventh school
    (
        SCHOOL8,
        RGBColor(0x4a, 0x5a, 0x00),
        RGBColor(0xa8, 0xc8, 0x3a),
    ), // an eighth school
    (
        OTHER_SCHOOL,
        RGBColor(0x6e, 0x6e, 0x6e),
        RGBColor(0x8c, 0x8c, 0x8c),
    ), // schools past the eighth
    (GAP, RGBColor(0xe0, 0xe0, 0xe0), RGBColor(0x26, 0x26, 0x26)), // years without figures (fill)
];

/// The colour of a judgement.
pub fn judgement(j: Judgement) -> RGBColor {
    match j {
        Judgement::Outstanding => OUTSTANDING,
        Judgement::Good => GOOD,
        Judgement::RequiresImprovement => REQUIRES_IMPROVEMENT,
        Judgement::Inadequate => INADEQUATE,
        Judgement::NotGraded => NOT_GRADED,
    }
}

/// The colour of a label written on a judgement's colour: black on amber, white elsewhere.
pub fn on_judgement(j: Judgement) -> RGBColor {
    if j == Judgement::RequiresImprovement {
        ON_AMBER
    } else {
        WHITE
    }
}
