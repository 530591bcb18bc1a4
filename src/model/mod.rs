//! The dataset file as it is written: serde types that mirror `public/data/dataset.json`.
//!
//! These types only say what shape the file has. Whether its figures make sense together
//! (sources exist, URNs resolve, values are in range) is checked by [`crate::dataset`], which
//! turns a [`RawDataset`] into a validated [`crate::dataset::Dataset`].

use serde::{Deserialize, Serialize};

mod area;
mod compact;
mod inspection;
mod programme;
mod school;
mod source;

pub use area::*;
pub use compact::{interning, Maybe, SourceId};
pub use inspection::*;
pub use programme::*;
pub use school::*;
pub use source::*;

/// The schema version this build of the app reads.
pub const SCHEMA_VERSION: u32 = 2;

/// A school's Unique Reference Number, as DfE and Ofsted publish it.
pub type Urn = u32;

/// The whole dataset file.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDataset {
    /// Version of this format; see [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Title shown at the top of the page.
    pub title: String,
    /// Every document a figure may cite.
    pub sources: Vec<Source>,
    /// Programme-level facts.
    pub programme: Programme,
    /// Areas that have area-level figures (England, Stoke-on-Trent, ...).
    pub areas: Vec<Area>,
    /// KS2 progress of whole areas.
    pub area_progress: Vec<AreaProgress>,
    /// Published statements that carry no number and must not be turned into one.
    #[serde(default)]
    pub statements: Vec<Statement>,
    /// Free-school-meal eligibility of areas.
    pub fsm: Vec<FsmShare>,
    /// Ofsted judgement counts of groups of schools published as a whole.
    pub ofsted_distributions: Vec<OfstedDistribution>,
    /// The home area among its comparators: region, statistical neighbours and England.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<AreaContext>,
    /// Yearly series of area figures (DfE LAIT): progress, attainment and FSM over time.
    #[serde(default, deserialize_with = "tight")]
    pub area_series: Vec<AreaSeries>,
    /// Cohorts (networks) whose members are published.
    pub cohorts: Vec<Cohort>,
    /// Schools named by the programme.
    #[serde(deserialize_with = "tight")]
    pub schools: Vec<School>,
    /// Other schools of the home area, not known to be in the programme: the pool that
    /// like-for-like comparison groups are chosen from.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "tight"
    )]
    pub area_schools: Vec<School>,
}

/// Reads a list and gives back the room that growing it left unused. Without this a school's
/// one KS2 result keeps room for four (serde grows a list of unknown length as `Vec::push`
/// does): 1.3 KB a school, 21 MB of the 26 MB that all of England's schools took in memory.
fn tight<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    let mut list = Vec::<T>::deserialize(deserializer)?;
    list.shrink_to_fit();
    Ok(list)
}
