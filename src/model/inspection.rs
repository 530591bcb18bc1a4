//! Ofsted: judgements, one inspection as a file gives it, and judgement counts of groups
//! published as a whole.

use serde::{Deserialize, Serialize};

use super::*;

/// An Ofsted overall-effectiveness judgement.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Judgement {
    /// Grade 1.
    Outstanding,
    /// Grade 2.
    Good,
    /// Grade 3.
    RequiresImprovement,
    /// Grade 4.
    Inadequate,
    /// Inspected without a single overall grade (state schools from September 2024).
    NotGraded,
}

impl Judgement {
    /// All judgements, best first: the order of the stacked bars.
    pub const ALL: [Judgement; 5] = [
        Judgement::Outstanding,
        Judgement::Good,
        Judgement::RequiresImprovement,
        Judgement::Inadequate,
        Judgement::NotGraded,
    ];

    /// Display name.
    pub fn label(self) -> &'static str {
        match self {
            Judgement::Outstanding => "Outstanding",
            Judgement::Good => "Good",
            Judgement::RequiresImprovement => "Requires improvement",
            Judgement::Inadequate => "Inadequate",
            Judgement::NotGraded => "Not graded",
        }
    }

    /// Ofsted's grade number (1 Outstanding … 4 Inadequate); 0 for not graded.
    pub fn grade(self) -> u8 {
        match self {
            Judgement::Outstanding => 1,
            Judgement::Good => 2,
            Judgement::RequiresImprovement => 3,
            Judgement::Inadequate => 4,
            Judgement::NotGraded => 0,
        }
    }

    /// A short label that fits inside a narrow bar segment.
    pub fn short_label(self) -> &'static str {
        match self {
            Judgement::Outstanding => "Out",
            Judgement::Good => "Good",
            Judgement::RequiresImprovement => "RI",
            Judgement::Inadequate => "Inad",
            Judgement::NotGraded => "NG",
        }
    }
}

/// Counts of schools per judgement.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JudgementCounts {
    /// Outstanding schools.
    pub outstanding: u32,
    /// Good schools.
    pub good: u32,
    /// Schools that require improvement.
    pub requires_improvement: u32,
    /// Inadequate schools.
    pub inadequate: u32,
    /// Schools inspected without a single grade.
    #[serde(default)]
    pub not_graded: u32,
}

impl JudgementCounts {
    /// The count of one judgement.
    pub fn get(&self, judgement: Judgement) -> u32 {
        match judgement {
            Judgement::Outstanding => self.outstanding,
            Judgement::Good => self.good,
            Judgement::RequiresImprovement => self.requires_improvement,
            Judgement::Inadequate => self.inadequate,
            Judgement::NotGraded => self.not_graded,
        }
    }

    /// Adds one school with this judgement.
    pub fn add(&mut self, judgement: Judgement) {
        let slot = match judgement {
            Judgement::Outstanding => &mut self.outstanding,
            Judgement::Good => &mut self.good,
            Judgement::RequiresImprovement => &mut self.requires_improvement,
            Judgement::Inadequate => &mut self.inadequate,
            Judgement::NotGraded => &mut self.not_graded,
        };
        *slot = slot.saturating_add(1);
    }

    /// Number of schools counted.
    pub fn total(&self) -> u32 {
        Judgement::ALL
            .iter()
            .fold(0u32, |sum, j| sum.saturating_add(self.get(*j)))
    }
}

/// Percentages as the source printed them, kept beside counts derived from them.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishedPercentages {
    /// Outstanding, per cent.
    pub outstanding: f64,
    /// Good, per cent.
    pub good: f64,
    /// Requires improvement, per cent.
    pub requires_improvement: f64,
}

/// What a distribution counts.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Counted {
    /// Schools, each at its latest judgement.
    #[default]
    Schools,
    /// School places, each at the judgement of its school.
    Places,
}

impl Counted {
    /// The plural noun: "schools", "places".
    pub fn noun(self) -> &'static str {
        match self {
            Counted::Schools => "schools",
            Counted::Places => "places",
        }
    }

    /// How "Good or Outstanding" is said of them.
    pub fn judged(self) -> &'static str {
        match self {
            Counted::Schools => "were judged Good or Outstanding",
            Counted::Places => "were in schools judged Good or Outstanding",
        }
    }

    fn is_schools(&self) -> bool {
        *self == Counted::Schools
    }
}

/// Judgement counts of a group of schools (or their places) published as a whole.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfstedDistribution {
    /// What is counted: schools (the default) or school places.
    #[serde(default, skip_serializing_if = "Counted::is_schools")]
    pub counted: Counted,
    /// Stable id.
    pub id: String,
    /// What the group is.
    pub label: String,
    /// The counts.
    pub counts: JudgementCounts,
    /// The percentages the source printed, where counts were derived from them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_percentages: Option<PublishedPercentages>,
    /// Id of the source.
    pub source: String,
    /// A caveat shown with the figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One Ofsted inspection.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inspection {
    /// Date of the inspection, `YYYY-MM-DD`.
    pub date: String,
    /// Overall effectiveness.
    pub judgement: Judgement,
    /// Effectiveness of leadership and management, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leadership_and_management: Option<Judgement>,
    /// Id of the source.
    pub source: String,
    /// `true` when the judgement is the predecessor school's, carried over to this URN;
    /// `false` when it is known to be this school's own; absent when the files could not
    /// tell (no links file or opening date): never guessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predecessor: Option<bool>,
    /// The school inspected, when it is not this one (a predecessor): its URN and name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_as: Option<PublishedAs>,
    /// The judgement's name at the time, where it differs from today's ("Satisfactory",
    /// grade 3 before September 2012).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub named: Option<String>,
    /// A caveat shown with the judgement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
