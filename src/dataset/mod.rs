//! Parsing and validation: JSON text → [`RawDataset`] → checked [`Dataset`].
//!
//! Parsing (stage one) reports syntax and type errors with the JSON path where they occur.
//! Validation (stage two) checks what types cannot: every `source`, `area` and URN reference
//! resolves, ids are unique, numbers are finite and in range, confidence intervals contain
//! their value, dates are dates. It reports every problem it finds, not just the first, so a
//! person fixing a file sees the whole list at once.

mod figures;
mod json_path;
mod validate;
mod version;

use validate::{Context, Validator};
use version::{check_version, display_path, unsupported_version};

pub use figures::AreaFigure;

use std::collections::HashMap;

use crate::error::{DataError, DataErrors, Problem};
use crate::model::{Cohort, RawDataset, School, Score, Source, Urn, SCHEMA_VERSION};

/// The id of England among a dataset's areas: the national comparator where a dataset has no
/// area context naming its country.
pub const ENGLAND: &str = "england";

/// The largest magnitude a KS2 progress score can plausibly take. Published school scores lie
/// within about ±25; a value beyond ±30 is a data error (a percentage in the wrong column, say).
pub const PROGRESS_LIMIT: f64 = 30.0;

/// The largest dataset or input file read, in bytes: larger ones are refused with a
/// message rather than risk an out-of-memory tab.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// The most schools a dataset may hold (England has about 16,400 with KS2 results).
pub const MAX_SCHOOLS: usize = 25_000;

/// A dataset whose references resolve and whose figures are in range.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    raw: RawDataset,
    sources: HashMap<String, usize>,
    schools: HashMap<Urn, usize>,
    areas: HashMap<String, usize>,
    /// The reader's own files it was loaded from, where it is not the published dataset.
    origin: Option<Vec<String>>,
    /// The largest magnitude of any KS2 progress score it holds: worked out once, for the
    /// progress axes that must not move between cohorts.
    progress_extent: f64,
}

impl Dataset {
    /// Marks the dataset as loaded from the reader's own files, which every chart's source
    /// line (on the page, on slides, in downloads) then names.
    pub fn from_files_named(mut self, files: Vec<String>) -> Self {
        self.origin = Some(files);
        self
    }

    /// The largest magnitude (value or confidence limit) of any KS2 progress score: schools,
    /// the area's other schools and area figures.
    pub fn progress_extent(&self) -> f64 {
        self.progress_extent
    }

    /// The reader's files, where the dataset is theirs.
    pub fn origin(&self) -> Option<&[String]> {
        self.origin.as_deref()
    }

    /// Parses and validates dataset JSON.
    pub fn from_json(text: &str) -> Result<Self, DataErrors> {
        if text.len() > MAX_INPUT_BYTES {
            return Err(DataErrors::one(DataError::at(
                "(root)",
                Problem::Inconsistent(format!(
                    "the file is {} MB: datasets larger than {} MB are not read",
                    text.len() / (1024 * 1024),
                    MAX_INPUT_BYTES / (1024 * 1024)
                )),
            )));
        }
        // The text is read once; only a file that does not parse is read again, for its
        // version (see `check_version`).
        let raw: RawDataset = parse(&mut text.as_bytes()).map_err(|e| {
            if let Err(version) = check_version(text) {
                return version;
            }
            let path = display_path(&json_path::path_at(text, e.line(), e.column()));
            DataErrors::one(DataError::at(path, Problem::Syntax(e.to_string())))
        })?;
        if raw.schema_version != SCHEMA_VERSION {
            return Err(unsupported_version(raw.schema_version.to_string()));
        }
        Self::try_from(raw)
    }

    /// Parses and validates dataset JSON read a piece at a time, so the file's text is never
    /// held whole beside what it parses into (9 MB of England's four years). `Ok(None)` where
    /// the text does not parse as a dataset of this version: the caller reads it whole with
    /// [`Dataset::from_json`], which says where and why.
    pub fn from_reader(mut reader: impl std::io::Read) -> Result<Option<Self>, DataErrors> {
        match parse::<RawDataset>(&mut reader) {
            Ok(raw) if raw.schema_version == SCHEMA_VERSION => Self::try_from(raw).map(Some),
            _ => Ok(None),
        }
    }

    /// The dataset as it was read.
    pub fn raw(&self) -> &RawDataset {
        &self.raw
    }

    /// A source by id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.get(id).and_then(|&i| self.raw.sources.get(i))
    }

    /// A school by URN.
    pub fn school(&self, urn: Urn) -> Option<&School> {
        self.schools
            .get(&urn)
            .and_then(|&i| self.raw.schools.get(i))
    }

    /// An area's display name, or its id when it has none.
    pub fn area_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.areas
            .get(id)
            .and_then(|&i| self.raw.areas.get(i))
            .map_or(id, |a| a.name.as_str())
    }

    /// Whether every school of the programme is in the dataset (a cohort list loaded), not
    /// only those published documents name: the page then says "schools", not "named".
    pub fn list_is_complete(&self) -> bool {
        u32::try_from(self.raw.schools.len()).unwrap_or(u32::MAX)
            >= self.raw.programme.schools_total.value
    }

    /// What one of the dataset's cohorts is called: "cohort", or the word the dataset gives
    /// ("network").
    pub fn cohort_word(&self) -> &str {
        self.raw
            .programme
            .cohort_word
            .as_deref()
            .unwrap_or("cohort")
    }

    /// The cohort menu's label: its word with a capital ("Network").
    pub fn cohort_menu_label(&self) -> String {
        let w = self.cohort_word();
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    }

    /// A cohort by id.
    pub fn cohort(&self, id: &str) -> Option<&Cohort> {
        self.raw.cohorts.iter().find(|c| c.id == id)
    }

    /// An area's series of one measure and pupil group (validation keeps it unique).
    pub fn area_series(
        &self,
        area: &str,
        measure: crate::model::AreaMeasure,
        pupils: crate::model::PupilGroup,
    ) -> Option<&crate::model::AreaSeries> {
        self.raw
            .area_series
            .iter()
            .find(|s| s.area == area && s.measure == measure && s.pupils == pupils)
    }
}

impl TryFrom<RawDataset> for Dataset {
    type Error = DataErrors;

    fn try_from(raw: RawDataset) -> Result<Self, DataErrors> {
        let mut v = Validator::default();
        if raw.schools.len() > MAX_SCHOOLS {
            return Err(DataErrors::one(DataError::at(
                "schools",
                Problem::Inconsistent(format!(
                    "{} schools: at most {MAX_SCHOOLS} are read",
                    raw.schools.len()
                )),
            )));
        }
        let sources = v.index(
            "source id",
            "sources",
            raw.sources.iter().map(|s| s.id.clone()),
        );
        let areas = v.index("area id", "areas", raw.areas.iter().map(|a| a.id.clone()));
        let schools = v.index("URN", "schools", raw.schools.iter().map(|s| s.urn));
        v.index(
            "cohort id",
            "cohorts",
            raw.cohorts.iter().map(|c| c.id.clone()),
        );
        v.index(
            "distribution id",
            "ofsted_distributions",
            raw.ofsted_distributions.iter().map(|d| d.id.clone()),
        );
        let ctx = Context {
            sources: &sources,
            areas: &areas,
            schools: &schools,
        };
        v.check_all(&raw, &ctx);
        match DataErrors::from_vec(v.errors) {
            Some(errors) => Err(errors),
            None => Ok(Self {
                sources,
                schools,
                areas,
                origin: None,
                progress_extent: progress_extent(&raw),
                raw,
            }),
        }
    }
}

/// Reads a dataset file (or part of its shape: `version`'s probe), from text in memory or a
/// piece at a time. All go through this one reader type, so serde's code for the whole schema
/// is in the page's wasm once: read from a slice and from a reader, it was there twice (95 KB
/// more). The buffer keeps serde_json's byte-at-a-time reading fast (std reads a byte from a
/// `BufReader` without a call to the reader under it).
fn parse<T: serde::de::DeserializeOwned>(reader: &mut dyn std::io::Read) -> serde_json::Result<T> {
    crate::model::interning(|| {
        serde_json::from_reader(std::io::BufReader::with_capacity(64 * 1024, reader))
    })
}

/// The largest magnitude of any KS2 progress score in a dataset.
fn progress_extent(raw: &RawDataset) -> f64 {
    let of = |s: &Score| {
        [Some(s.value), s.lower.get(), s.upper.get()]
            .into_iter()
            .flatten()
            .map(f64::abs)
            .fold(0.0, f64::max)
    };
    raw.schools
        .iter()
        .chain(&raw.area_schools)
        .flat_map(|s| s.ks2.iter())
        .flat_map(|r| crate::model::Subject::ALL.map(|x| r.score(x)))
        .flatten()
        .map(|s| of(&s))
        .chain(
            raw.area_progress
                .iter()
                .map(|p| of(&Score::within(p.value, p.lower, p.upper))),
        )
        .fold(0.0, f64::max)
}

/// True for a real calendar date written `YYYY-MM-DD`.
pub use crate::dates::is_iso as is_iso_date;

#[cfg(test)]
mod tests;
