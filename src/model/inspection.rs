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
        let slot = self.slot(judgement);
        *slot = slot.saturating_add(1);
    }

    /// The count of one judgement, to change.
    fn slot(&mut self, judgement: Judgement) -> &mut u32 {
        match judgement {
            Judgement::Outstanding => &mut self.outstanding,
            Judgement::Good => &mut self.good,
            Judgement::RequiresImprovement => &mut self.requires_improvement,
            Judgement::Inadequate => &mut self.inadequate,
            Judgement::NotGraded => &mut self.not_graded,
        }
    }

    /// Number of schools counted.
    pub fn total(&self) -> u32 {
        Judgement::ALL
            .iter()
            .fold(0u32, |sum, j| sum.saturating_add(self.get(*j)))
    }
}

impl JudgementCounts {
    /// Each judgement's share in whole per cent, rounded by largest remainder so that the
    /// parts sum to 100 (ties to the better judgement): the bars, the table and every
    /// headline share that adds bars up read the same figures. Where the source printed
    /// percentages that these counts give back (each within a point, summing to 100), those.
    pub fn percents(&self, published: Option<&PublishedPercentages>) -> JudgementCounts {
        let total = self.total();
        let mut out = JudgementCounts::default();
        if total == 0 {
            return out;
        }
        if let Some(p) = published.and_then(|p| self.as_published(p)) {
            return p;
        }
        let exact = |j: Judgement| f64::from(self.get(j)) * 100.0 / f64::from(total);
        let mut given = 0u32;
        for j in Judgement::ALL {
            // Whole per cents below 100: the cast cannot truncate or wrap.
            let floor = exact(j).floor() as u32;
            out.set(j, floor);
            given += floor;
        }
        let mut order: Vec<Judgement> = Judgement::ALL.to_vec();
        // A stable sort keeps the better judgement first among equal remainders.
        crate::order::sort_by(&mut order, |a, b| {
            let (ra, rb) = (exact(*a).fract(), exact(*b).fract());
            rb.total_cmp(&ra)
        });
        for j in order
            .into_iter()
            .take(100u32.saturating_sub(given) as usize)
        {
            out.set(j, out.get(j) + 1);
        }
        out
    }

    /// The source's printed percentages as whole per cents, where they sum to 100 and each
    /// is within a point of what the counts give.
    fn as_published(&self, p: &PublishedPercentages) -> Option<JudgementCounts> {
        let total = f64::from(self.total());
        let mut out = JudgementCounts::default();
        for (j, v) in [
            (Judgement::Outstanding, p.outstanding),
            (Judgement::Good, p.good),
            (Judgement::RequiresImprovement, p.requires_improvement),
        ] {
            let from_counts = f64::from(self.get(j)) * 100.0 / total;
            if (v - from_counts).abs() > 1.0 || v.fract() != 0.0 || !(0.0..=100.0).contains(&v) {
                return None;
            }
            // Checked above: a whole number from 0 to 100.
            out.set(j, v as u32);
        }
        let rest = self.get(Judgement::Inadequate) + self.get(Judgement::NotGraded);
        (out.total() == 100 && rest == 0).then_some(out)
    }

    fn set(&mut self, judgement: Judgement, n: u32) {
        *self.slot(judgement) = n;
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
    pub source: SourceId,
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
