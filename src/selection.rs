//! What the reader has chosen to see: which schools (the programme or one cohort), one
//! subject or all, the schools' year, the series hidden and which pupils. Every chart's model
//! is built from the dataset and a selection, and depends on nothing else.

use std::collections::BTreeSet;

use crate::dataset::Dataset;
use crate::model::{PupilGroup, School, Subject};

/// Which schools the reader is looking at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum CohortChoice {
    /// The whole programme: every named school.
    #[default]
    Programme,
    /// One cohort (network), by id.
    Cohort(String),
}

impl CohortChoice {
    /// The id used in links and the selector: `all` or a cohort id.
    pub fn id(&self) -> &str {
        match self {
            CohortChoice::Programme => "all",
            CohortChoice::Cohort(id) => id,
        }
    }

    /// Reads an id from the selector or a link; an unknown id falls back to the programme.
    pub fn from_id(dataset: &Dataset, id: &str) -> Self {
        match dataset.cohort(id) {
            Some(c) => CohortChoice::Cohort(c.id.clone()),
            None => CohortChoice::Programme,
        }
    }

    /// The display name.
    pub fn name(&self, dataset: &Dataset) -> String {
        match self {
            // Where the dataset names only some of the programme's schools, it says how many.
            CohortChoice::Programme if dataset.list_is_complete() => {
                "All programme schools".to_string()
            }
            CohortChoice::Programme => format!(
                "All named schools ({} of {})",
                crate::format::count(dataset.raw().schools.len()),
                crate::format::count(dataset.raw().programme.schools_total.value)
            ),
            CohortChoice::Cohort(id) => dataset
                .cohort(id)
                .map_or_else(|| id.clone(), |c| c.name.clone()),
        }
    }

    /// Its schools in a phrase that can follow "the average progress of": "the named
    /// schools", "the programme's schools" (a complete list), "Seven Stars' schools".
    pub fn schools_phrase(&self, dataset: &Dataset) -> String {
        match self {
            CohortChoice::Programme if dataset.list_is_complete() => {
                "the programme's schools".to_string()
            }
            CohortChoice::Programme => "the named schools".to_string(),
            CohortChoice::Cohort(_) => {
                format!("{} schools", crate::format::possessive(&self.name(dataset)))
            }
        }
    }

    /// The published member schools, in dataset order.
    pub fn schools<'a>(&self, dataset: &'a Dataset) -> Vec<&'a School> {
        match self {
            CohortChoice::Programme => dataset.raw().schools.iter().collect(),
            CohortChoice::Cohort(id) => dataset
                .cohort(id)
                .map(|c| {
                    c.schools
                        .iter()
                        .filter_map(|u| dataset.school(*u))
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

/// What the reader has chosen to see: everything a chart model depends on besides the data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Which schools.
    pub cohort: CohortChoice,
    /// One subject, or all three.
    pub subject: Option<Subject>,
    /// The schools' KS2 year; the latest when `None`.
    pub year: Option<u16>,
    /// Series hidden from the legend (`england`, an area id, `schools`).
    pub hidden: BTreeSet<String>,
    /// Which pupils the area trend charts show.
    pub pupils: PupilGroup,
    /// The school drawn in colour over the years, the others muted (a series id,
    /// `urn-<urn>`); the first shown when `None`.
    pub focus: Option<String>,
}

impl Selection {
    /// The whole programme, everything shown.
    pub fn cohort(cohort: CohortChoice) -> Self {
        Self {
            cohort,
            ..Self::default()
        }
    }

    /// Whether a series is shown.
    pub fn shows(&self, series: &str) -> bool {
        !self.hidden.contains(series)
    }
}

/// The KS2 years with school figures, oldest first.
pub fn school_years(dataset: &Dataset) -> Vec<u16> {
    let years: BTreeSet<u16> = dataset
        .raw()
        .schools
        .iter()
        .flat_map(|s| s.ks2.iter().map(|r| r.year))
        .collect();
    years.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::bundled;

    #[test]
    fn an_unknown_cohort_id_falls_back_to_the_programme() {
        let ds = bundled();
        assert_eq!(CohortChoice::from_id(&ds, "nope"), CohortChoice::Programme);
        assert_eq!(
            CohortChoice::from_id(&ds, "esprit"),
            CohortChoice::Cohort("esprit".into())
        );
    }
}
