//! The programme: its size and start years, its cohorts (networks), and the statements its
//! documents make, each with the claim the page can test against published figures.

use serde::{Deserialize, Serialize};

use super::*;

/// Programme-level facts.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// Name of the programme.
    pub name: String,
    /// How many cohorts the programme has.
    pub cohorts_total: SourcedCount,
    /// How many schools the programme has.
    pub schools_total: SourcedCount,
    /// How many cohorts started in which year.
    pub start_waves: Vec<StartWave>,
    /// What is and is not published about membership.
    pub membership_note: String,
    /// Who publishes the dashboard, shown above its title ("University of Worcester · School
    /// Improvement Team").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// What the dataset's `cohorts` are, one of them in a word ("network" where published
    /// documents name networks rather than the programme's own cohorts); "cohort" where
    /// absent. The menu is named by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cohort_word: Option<String>,
}

/// Cohorts that started in one year.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartWave {
    /// Year the cohorts started.
    pub year: u16,
    /// How many cohorts started that year.
    pub cohorts: u32,
    /// Id of the source.
    pub source: String,
}

/// A published statement with no figure in it.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// Which chart it belongs to: `ks2-progress`, `disadvantaged`, `ofsted` or `attribution`.
    pub topic: String,
    /// The statement in the dashboard's words.
    pub text: String,
    /// The source's own words.
    pub quote: String,
    /// Id of the source.
    pub source: String,
    /// The year the statement is about, as its source gives it; absent where it gives none
    /// (the page then says so rather than write it in the present tense).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// What it claims, in terms the page can set beside published figures and test.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<Claim>,
}

/// A statement's claim, as published figures can test it.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Claim {
    /// An area's pupils did better than others' in the statement's year: each measure of
    /// the area against each comparator.
    Above {
        /// The area it is about (an [`Area`] id).
        area: String,
        /// Which pupils.
        pupils: PupilGroup,
        /// The measures it bears on, each tested.
        measures: Vec<AreaMeasure>,
        /// The comparators: area ids, or `neighbours` for the statistical neighbours' median.
        than: Vec<String>,
    },
    /// Of the schools whose latest inspection gave one judgement, how leadership and
    /// management was judged: tested against the named schools' inspections.
    Leadership {
        /// The overall judgement the statement is about.
        judgement: Judgement,
        /// Inspections from this date (`YYYY-MM-DD`) on.
        since: String,
        /// The leadership and management judgement it reports.
        leadership: Judgement,
        /// How many schools it says had that leadership judgement…
        count: u32,
        /// …of how many with the overall judgement.
        of: u32,
    },
}

/// A cohort (network) of programme schools.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cohort {
    /// Stable id used in URLs.
    pub id: String,
    /// Display name.
    pub name: String,
    /// URNs of its published member schools.
    #[serde(deserialize_with = "tight")]
    pub schools: Vec<Urn>,
    /// Id of the source that names the members.
    pub source: String,
    /// What is and is not known of its membership.
    pub membership: String,
}
