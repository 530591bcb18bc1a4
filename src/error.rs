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

impl DataError {
    /// The problem in plain words for the page: the place as "cohort 3, school 2" rather
    /// than `cohorts[2].schools[1]`, and no type names. `Display` keeps the JSON path for
    /// whoever fixes the file.
    pub fn plain(&self) -> String {
        let place = place_in_words(&self.path);
        let what = match &self.problem {
            Problem::UnknownUrn(urn) => {
                format!("no school with URN {urn} is in the file's list of schools")
            }
            Problem::UnknownSource(id) => {
                format!("it cites a source, \u{201c}{id}\u{201d}, that is not in the file's list of sources")
            }
            Problem::UnknownArea(id) => {
                format!("no area \u{201c}{id}\u{201d} is in the file's list of areas")
            }
            other => plain_words(&other.to_string()),
        };
        let mut out = if place.is_empty() {
            what
        } else {
            format!("{place}: {what}")
        };
        if let Some(first) = out.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        if !out.ends_with('.') {
            out.push('.');
        }
        out
    }
}

/// `cohorts[2].schools[1].name` as "cohort 3, school 2, name"; `(root)` as nothing.
pub fn place_in_words(path: &str) -> String {
    if path == "(root)" || path.is_empty() {
        return String::new();
    }
    path.split('.')
        .map(|part| {
            let (name, index) = match part.split_once('[') {
                Some((n, rest)) => (n, rest.trim_end_matches(']').parse::<usize>().ok()),
                None => (part, None),
            };
            let words = name.replace('_', " ");
            match index {
                Some(i) => {
                    let one = match words.as_str() {
                        "schools" | "area schools" => "school".to_string(),
                        "ks2" => "KS2 result".to_string(),
                        "ofsted" => "inspection".to_string(),
                        "fsm" => "free school meals figure".to_string(),
                        "area progress" => "area progress figure".to_string(),
                        "ofsted distributions" => "Ofsted count".to_string(),
                        "report extracts" => "report extract".to_string(),
                        w => w.strip_suffix('s').unwrap_or(w).to_string(),
                    };
                    format!("{one} {}", i + 1)
                }
                None => words,
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Programmers' words out of a message: no backticks, no type names such as `f64`.
pub fn plain_words(message: &str) -> String {
    message
        .replace('`', "")
        .replace("f64", "a number")
        .replace("u32", "a whole number")
        .replace("u16", "a whole number")
        .replace("u8", "a whole number")
        .replace("a sequence", "a list")
        .replace("(root)", "the whole file")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_read_in_plain_words_with_the_place_named() {
        let e = DataError::at("cohorts[2].schools[1]", Problem::UnknownUrn(123_456));
        assert_eq!(
            e.plain(),
            "Cohort 3, school 2: no school with URN 123456 is in the file's list of schools."
        );
        let e = DataError::at(
            "schools[0].ks2[1].reading.value",
            Problem::Syntax("invalid type: string \"x\", expected f64".into()),
        );
        assert_eq!(
            e.plain(),
            "School 1, KS2 result 2, reading, value: invalid type: string \"x\", expected a number."
        );
        assert_eq!(
            DataError::at("(root)", Problem::Syntax("EOF while parsing".into())).plain(),
            "EOF while parsing."
        );
    }
}
