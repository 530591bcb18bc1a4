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
/// The cohort's schools on the charts over time, in turn (with a marker each).
pub const SCHOOLS: [RGBColor; 4] = [SCHOOL, RGBColor(0x8f, 0x2d, 0x56), SCHOOL3, REGION];
/// Page white (inside hollow markers).
pub const WHITE: RGBColor = RGBColor(0xff, 0xff, 0xff);
/// The neighbours' band (a fill behind the lines).
pub const BAND: RGBColor = RGBColor(0xd5, 0xec, 0xee);
/// Years without figures (a fill).
pub const GAP: RGBColor = RGBColor(0xf0, 0xf0, 0xf0);

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
