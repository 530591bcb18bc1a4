//! A school: its kind, KS2 results year by year (with the URN each was published under),
//! inspections, facts from the census and Ofsted's words as a document quotes them.

use serde::{Deserialize, Serialize};

use super::*;

/// What kind of school it is, as far as KS2 results go.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SchoolKind {
    /// Primary school (ages 4 to 11).
    Primary,
    /// Junior school (ages 7 to 11).
    Junior,
    /// Infant school (ages 4 to 7): no KS2 results.
    Infant,
    /// Special school.
    Special,
}

/// A progress score with its confidence interval where published.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    /// The score.
    pub value: f64,
    /// Lower 95% confidence limit.
    #[serde(default, skip_serializing_if = "Maybe::is_none")]
    pub lower: Maybe,
    /// Upper 95% confidence limit.
    #[serde(default, skip_serializing_if = "Maybe::is_none")]
    pub upper: Maybe,
    /// DfE's progress band, where published: 1 well above average, 2 above, 3 average, 4
    /// below, 5 well below.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<u8>,
}

impl Score {
    /// A score with no interval or band.
    pub fn of(value: f64) -> Self {
        Score {
            value,
            lower: Maybe::NONE,
            upper: Maybe::NONE,
            band: None,
        }
    }

    /// A score with its interval where published, and no band.
    pub fn within(value: f64, lower: Option<f64>, upper: Option<f64>) -> Self {
        Score {
            value,
            lower: lower.into(),
            upper: upper.into(),
            band: None,
        }
    }
}

/// DfE's words for a progress band (1 well above average … 5 well below).
pub fn band_label(band: u8) -> &'static str {
    match band {
        1 => "well above average",
        2 => "above average",
        3 => "average",
        4 => "below average",
        _ => "well below average",
    }
}

/// A school's KS2 progress in one year. `None` means not published (suppressed, not
/// eligible, or too few pupils): never zero.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ks2Result {
    /// Year of the assessments.
    pub year: u16,
    /// Reading progress.
    pub reading: Option<Score>,
    /// Writing progress.
    pub writing: Option<Score>,
    /// Maths progress.
    pub maths: Option<Score>,
    /// The school these figures were published for, when it is not this one (a predecessor
    /// before an academy conversion): its URN and name.
    // Boxed: a few rows have one, and unboxed it took 16 bytes of every row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_as: Option<Box<PublishedAs>>,
    /// Pupils eligible for the KS2 assessments (DfE `TELIG`), where published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pupils: Option<u32>,
    /// Share of the school's KS2 pupils who are disadvantaged, per cent (DfE `PTFSM6CLA1A`).
    #[serde(default, skip_serializing_if = "Maybe::is_none")]
    pub disadvantaged_percent: Maybe,
    // Boxed: most rows have none, and unboxed it took 150 bytes of every row.
    /// Progress of the school's disadvantaged pupils (DfE `*PROG_FSM6CLA1A`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disadvantaged: Option<Box<SubjectScores>>,
    /// Id of the source.
    pub source: SourceId,
}

/// The school a figure was published under.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishedAs {
    /// Its URN.
    pub urn: Urn,
    /// Its name.
    pub name: String,
}

/// Scores in the three subjects; `None` is not published.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubjectScores {
    /// Reading.
    pub reading: Option<Score>,
    /// Writing.
    pub writing: Option<Score>,
    /// Maths.
    pub maths: Option<Score>,
}

impl SubjectScores {
    /// The score of one subject.
    pub fn score(&self, subject: Subject) -> Option<Score> {
        match subject {
            Subject::Reading => self.reading,
            Subject::Writing => self.writing,
            Subject::Maths => self.maths,
        }
    }
}

impl Ks2Result {
    /// The score of one subject, if published.
    pub fn score(&self, subject: Subject) -> Option<Score> {
        match subject {
            Subject::Reading => self.reading,
            Subject::Writing => self.writing,
            Subject::Maths => self.maths,
        }
    }
}

/// A school named by the programme.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct School {
    /// Unique Reference Number.
    pub urn: Urn,
    /// Name.
    pub name: String,
    /// Kind of school.
    pub kind: SchoolKind,
    /// KS2 results by year.
    #[serde(deserialize_with = "tight")]
    pub ks2: Vec<Ks2Result>,
    /// Why there are no KS2 results, where there are none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_ks2_reason: Option<String>,
    /// Inspections, any order.
    #[serde(deserialize_with = "tight")]
    pub ofsted: Vec<Inspection>,
    /// Ofsted's words about the school, as a published document quotes them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub report_extracts: Vec<ReportExtract>,
    /// DfE's type of establishment ("Academy - Converter mainstream"), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_type: Option<SchoolType>,
    /// Pupils on roll and free-school-meal shares, each with its year and source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<SchoolFact>,
}

/// A school's type as a DfE file gives it.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchoolType {
    /// The type, as written.
    pub name: String,
    /// Id of the source.
    pub source: String,
}

/// What a school fact measures.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactMeasure {
    /// Pupils on roll (census, DfE `NOR`).
    PupilsOnRoll,
    /// % of pupils eligible for free school meals at any time in the last six years (DfE
    /// `PNUMFSMEVER`).
    FsmEverSixPercent,
    /// % of pupils known to be eligible for free school meals.
    FsmPercent,
}

impl FactMeasure {
    /// What it is, in words.
    pub fn label(self) -> &'static str {
        match self {
            FactMeasure::PupilsOnRoll => "Pupils on roll",
            FactMeasure::FsmEverSixPercent => {
                "Eligible for free school meals in the last six years"
            }
            FactMeasure::FsmPercent => "Eligible for free school meals",
        }
    }

    /// Whether the value is a percentage.
    pub fn is_percent(self) -> bool {
        !matches!(self, FactMeasure::PupilsOnRoll)
    }
}

/// One fact about a school, from a census.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchoolFact {
    /// What it measures.
    pub measure: FactMeasure,
    /// The value (a count, or a percentage).
    pub value: f64,
    /// The census year (January).
    pub year: u16,
    /// True when the file does not state the year and it was inferred.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub year_inferred: bool,
    /// The school the figure was published for, when it is not this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_as: Option<PublishedAs>,
    /// Id of the source.
    pub source: SourceId,
}

impl School {
    /// Its most recent KS2 result.
    pub fn latest_ks2(&self) -> Option<&Ks2Result> {
        self.ks2.iter().max_by_key(|r| r.year)
    }

    /// Its most recent inspection (ISO dates sort as text).
    pub fn latest_inspection(&self) -> Option<&Inspection> {
        self.ofsted.iter().max_by(|a, b| a.date.cmp(&b.date))
    }

    /// A fact, where known.
    pub fn fact(&self, measure: FactMeasure) -> Option<&SchoolFact> {
        self.facts.iter().find(|f| f.measure == measure)
    }
}

/// Words from an Ofsted report, as a source quotes them.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportExtract {
    /// The inspection, as the source names it ("March 2017 inspection").
    pub inspection: String,
    /// The words quoted.
    pub quote: String,
    /// Id of the source that quotes them.
    pub source: String,
}
