//! Areas and their figures: the home area among its comparators, yearly series (DfE LAIT),
//! single-year progress figures, free-school-meal shares; the subjects, pupil groups and
//! measures they are of.

use serde::{Deserialize, Serialize};

use super::*;

/// An area with area-level figures.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Stable id, e.g. `stoke-on-trent`.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// The KS2 subjects with a progress measure.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    /// Reading.
    Reading,
    /// Writing (teacher assessment).
    Writing,
    /// Mathematics.
    Maths,
}

impl Subject {
    /// All subjects in the order DfE publishes them.
    pub const ALL: [Subject; 3] = [Subject::Reading, Subject::Writing, Subject::Maths];

    /// Display name.
    pub fn label(self) -> &'static str {
        match self {
            Subject::Reading => "Reading",
            Subject::Writing => "Writing",
            Subject::Maths => "Maths",
        }
    }
}

/// Which pupils a figure is about.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum PupilGroup {
    /// All pupils.
    #[default]
    All,
    /// Disadvantaged pupils (eligible for free school meals in the last six years, or looked after).
    Disadvantaged,
    /// Pupils who are not disadvantaged.
    NonDisadvantaged,
}

impl PupilGroup {
    /// Every group, in the order the selector lists them.
    pub const ALL: [PupilGroup; 3] = [
        PupilGroup::All,
        PupilGroup::Disadvantaged,
        PupilGroup::NonDisadvantaged,
    ];

    /// How the pupils menu names it.
    pub fn menu_label(self) -> &'static str {
        match self {
            PupilGroup::All => "All pupils",
            PupilGroup::Disadvantaged => "Disadvantaged pupils",
            PupilGroup::NonDisadvantaged => "Non-disadvantaged pupils",
        }
    }

    /// Id used in links.
    pub fn id(self) -> &'static str {
        match self {
            PupilGroup::All => "all",
            PupilGroup::Disadvantaged => "disadvantaged",
            PupilGroup::NonDisadvantaged => "non-disadvantaged",
        }
    }

    /// Display name: "all pupils", "disadvantaged pupils".
    pub fn label(self) -> &'static str {
        match self {
            PupilGroup::All => "all pupils",
            PupilGroup::Disadvantaged => "disadvantaged pupils",
            PupilGroup::NonDisadvantaged => "non-disadvantaged pupils",
        }
    }
}

/// An area's comparators: which area the programme is in, its region, its statistical
/// neighbours and the country, as the area charts draw them.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaContext {
    /// Id of the programme's own area (an [`Area`]).
    pub home: String,
    /// Id of its region, where figures exist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Id of the country (England).
    pub country: String,
    /// Ids of its statistical neighbours, closest first.
    #[serde(default)]
    pub neighbours: Vec<String>,
    /// Id of the source that names the neighbours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neighbours_source: Option<String>,
    /// Which grouping the neighbours are, said wherever they are shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neighbours_note: Option<String>,
}

/// What an area series measures.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaMeasure {
    /// KS2 reading progress score.
    ReadingProgress,
    /// KS2 writing progress score.
    WritingProgress,
    /// KS2 maths progress score.
    MathsProgress,
    /// % of pupils meeting the expected standard in reading, writing and maths.
    ExpectedStandardRwm,
    /// % of primary pupils eligible for free school meals (January census).
    PrimaryFsm,
}

impl AreaMeasure {
    /// The progress measure of a subject.
    pub fn progress(subject: Subject) -> Self {
        match subject {
            Subject::Reading => AreaMeasure::ReadingProgress,
            Subject::Writing => AreaMeasure::WritingProgress,
            Subject::Maths => AreaMeasure::MathsProgress,
        }
    }

    /// Whether values are percentages (0–100) rather than progress scores.
    pub fn is_percent(self) -> bool {
        matches!(
            self,
            AreaMeasure::ExpectedStandardRwm | AreaMeasure::PrimaryFsm
        )
    }

    /// What it measures, in words: "reading progress".
    pub fn label(self) -> &'static str {
        match self {
            AreaMeasure::ReadingProgress => "reading progress",
            AreaMeasure::WritingProgress => "writing progress",
            AreaMeasure::MathsProgress => "maths progress",
            AreaMeasure::ExpectedStandardRwm => {
                "meeting the expected standard in reading, writing and maths"
            }
            AreaMeasure::PrimaryFsm => "primary pupils eligible for free school meals",
        }
    }
}

/// One area's figures for one measure and pupil group, year by year.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaSeries {
    /// Id of an [`Area`].
    pub area: String,
    /// What is measured.
    pub measure: AreaMeasure,
    /// Which pupils.
    pub pupils: PupilGroup,
    /// Id of the source of its figures (a point may name another).
    pub source: String,
    /// One point per year the source covers, oldest first; a year with no figure says so.
    #[serde(deserialize_with = "tight")]
    pub points: Vec<AreaPoint>,
}

/// One year of an area series.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaPoint {
    /// Year: the end of the academic year (2019 = 2018/19) or the January census.
    pub year: u16,
    /// The figure; `null` where none is published.
    pub value: Option<f64>,
    /// Decimal places the source publishes this year's figures with (0–4).
    #[serde(default)]
    pub decimals: u8,
    /// Id of the source when it is not the series' own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A caveat shown with the figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// KS2 progress of a whole area in one subject and year.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaProgress {
    /// Id of an [`Area`].
    pub area: String,
    /// Year of the KS2 assessments (summer term).
    pub year: u16,
    /// Which pupils.
    pub pupils: PupilGroup,
    /// Which subject.
    pub subject: Subject,
    /// The progress score.
    pub value: f64,
    /// Lower confidence limit, where published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lower: Option<f64>,
    /// Upper confidence limit, where published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    /// The source's own words, where it gave words rather than a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Id of the source.
    pub source: String,
    /// A caveat shown with the figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Share of pupils eligible for free school meals in an area.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FsmShare {
    /// Id of an [`Area`].
    pub area: String,
    /// Percentage of pupils, 0 to 100.
    pub percent: f64,
    /// Year of the figure; `None` where the source gives none.
    pub year: Option<u16>,
    /// Id of the source.
    pub source: String,
    /// A caveat shown with the figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
