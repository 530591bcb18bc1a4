//! The one error type of the data core: every way a dataset can be wrong, each message naming
//! the place (a JSON path such as `cohorts[2].schools[1]`) and what was expected there.

use std::fmt;

use crate::model::Urn;

/// What is wrong at one place in a dataset.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Problem {
    /// The text is not JSON, or a field has the wrong type or is missing.
    #[error("{0}")]
    Syntax(String),
    /// `schema_version` is missing or one this build does not read.
    #[error(
        "schema_version {found} is not supported: this dashboard reads version {expected}{}",
        upgrade_hint(found)
    )]
    UnsupportedVersion {
        /// What the file says (as written), or "missing".
        found: String,
        /// What this build reads.
        expected: u32,
    },
    /// A `source` field names no entry of `sources`.
    #[error("unknown source id `{0}` (not in `sources`)")]
    UnknownSource(String),
    /// A cohort lists a URN that is not in `schools`.
    #[error("unknown URN {0} (not in `schools`)")]
    UnknownUrn(Urn),
    /// An `area` field names no entry of `areas`.
    #[error("unknown area `{0}` (not in `areas`)")]
    UnknownArea(String),
    /// The same id appears twice.
    #[error("duplicate {what} `{id}`, first given at {first}")]
    Duplicate {
        /// What kind of id.
        what: &'static str,
        /// The id.
        id: String,
        /// Path of the first occurrence.
        first: String,
    },
    /// A number is NaN or infinite.
    #[error("{0} is not a finite number")]
    NotFinite(f64),
    /// A number is outside what the measure can take.
    #[error("{value} is out of range: expected {expected}")]
    OutOfRange {
        /// The value found.
        value: f64,
        /// The range, in words.
        expected: &'static str,
    },
    /// A confidence interval does not contain its value.
    #[error("confidence interval {lower} to {upper} does not contain the value {value}")]
    BadInterval {
        /// Lower limit.
        lower: f64,
        /// The value.
        value: f64,
        /// Upper limit.
        upper: f64,
    },
    /// A text field is empty, or not in the form it must have.
    #[error("{0}")]
    BadText(String),
    /// Figures that must agree do not.
    #[error("{0}")]
    Inconsistent(String),
}

/// One problem at one place.
#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    /// Where: a JSON path, `(root)` for the whole document.
    pub path: String,
    /// What.
    pub problem: Problem,
}

impl DataError {
    /// A problem at a path.
    pub fn at(path: impl Into<String>, problem: Problem) -> Self {
        Self {
            path: path.into(),
            problem,
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.problem)
    }
}

impl std::error::Error for DataError {}

/// Every problem found in one dataset (at least one), in document order.
#[derive(Debug, Clone, PartialEq)]
pub struct DataErrors(Vec<DataError>);

impl DataErrors {
    /// At most this many problems are kept, so a badly broken file gives a readable list.
    pub const LIMIT: usize = 50;

    /// Wraps a non-empty list; `None` when there is nothing wrong.
    pub fn from_vec(mut errors: Vec<DataError>) -> Option<Self> {
        if errors.is_empty() {
            None
        } else {
            errors.truncate(Self::LIMIT);
            Some(Self(errors))
        }
    }

    /// A single problem.
    pub fn one(error: DataError) -> Self {
        Self(vec![error])
    }

    /// The problems.
    pub fn as_slice(&self) -> &[DataError] {
        &self.0
    }
}

impl fmt::Display for DataErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DataErrors {}

/// What to do with a file of the previous version: nothing in it changed meaning.
fn upgrade_hint(found: &str) -> &'static str {
    if found == "1" {
        ". Version 2 adds the area series over time and changes nothing else: set schema_version to 2, or rebuild the file with cohort-import"
    } else {
        ""
    }
}
