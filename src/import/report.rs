//! What an import says back: every problem as `file:line: column: expected …, found …` (and
//! in plain words for the page), and what it found for the command's report.

use std::fmt;

use crate::error::{DataError, DataErrors};
use crate::model::Urn;

/// One problem in one input file: `file:line: column: expected …, found …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// File name.
    pub file: String,
    /// Line in the file (the header is line 1); 0 when it concerns the whole file.
    pub line: usize,
    /// Column name, or what part of the file.
    pub column: String,
    /// What was expected.
    pub expected: String,
    /// What was found.
    pub found: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The count of problems past the limit ("and 5 more problems").
        if self.column.is_empty() && self.expected.is_empty() {
            return write!(f, "{}", self.file);
        }
        write!(
            f,
            "{}:{}: {}: expected {}, found {}",
            self.file, self.line, self.column, self.expected, self.found
        )
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} cohorts, {} schools in the cohort list",
            self.cohorts, self.schools
        )?;
        writeln!(f, "{} rows read", self.rows_read)?;
        for y in &self.years {
            writeln!(f, "{y}")?;
        }
        if self.total_rows > 0 {
            writeln!(
                f,
                "{} rows without a URN (England and local-authority totals) skipped",
                self.total_rows
            )?;
        }
        writeln!(
            f,
            "{} schools matched in KS2 files, {} in Ofsted files",
            self.matched_ks2, self.matched_ofsted
        )?;
        writeln!(
            f,
            "{} values not published (kept as such, not as 0)",
            self.suppressed
        )?;
        if self.area_series > 0 {
            writeln!(
                f,
                "{} area series with {} published figures",
                self.area_series, self.area_points
            )?;
        }
        if self.area_schools > 0 || self.inspections_added > 0 {
            writeln!(
                f,
                "{} other schools of the home authority kept for comparison; {} graded inspections added from the history",
                self.area_schools, self.inspections_added
            )?;
        }
        if self.predecessor_inspections > 0 {
            writeln!(
                f,
                "{} inspections dated before their school's URN opened, marked as the predecessor's",
                self.predecessor_inspections
            )?;
        }
        if self.from_predecessors > 0 {
            writeln!(
                f,
                "{} KS2 results kept from predecessor schools, marked as theirs",
                self.from_predecessors
            )?;
        }
        for w in &self.warnings {
            writeln!(f, "warning: {w}")?;
        }
        if self.unmatched.is_empty() {
            write!(f, "every school was found")
        } else {
            let list: Vec<String> = self.unmatched.iter().map(ToString::to_string).collect();
            write!(
                f,
                "{} URNs found in no file: {} (looked for in {}); each is shown as \u{201c}URN n\u{201d} with no figures: check the URN",
                self.unmatched.len(),
                list.join(", "),
                if self.files.is_empty() { "no KS2 or Ofsted file".to_string() } else { self.files.join(", ") }
            )
        }
    }
}

impl ImportError {
    /// The problem in plain words for the page ("ks2.csv, line 4, column READPROG: expected
    /// a number, found “abc”"); `Display` keeps the `file:line:` form for the command line.
    pub fn plain(&self) -> String {
        if self.column.is_empty() && self.expected.is_empty() {
            return crate::error::plain_words(&self.file);
        }
        let place = if self.line == 0 {
            format!("{}, the whole file", self.file)
        } else {
            format!("{}, line {}", self.file, self.line)
        };
        let found = if self.found.is_empty() {
            "nothing".to_string()
        } else {
            self.found.clone()
        };
        crate::error::plain_words(&format!(
            "{place}, {}: expected {}, found {found}.",
            self.column, self.expected
        ))
    }
}

impl ImportFailure {
    /// Every problem, one plain sentence each, for the page.
    pub fn plain_lines(&self) -> Vec<String> {
        match self {
            Self::Files(list) => list.iter().map(ImportError::plain).collect(),
            Self::Invalid(errors) => std::iter::once(
                "The files were read, but together they do not make a dataset the dashboard can show:".to_string(),
            )
            .chain(errors.as_slice().iter().map(DataError::plain))
            .collect(),
        }
    }
}

/// Why an import failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportFailure {
    /// Input files have errors (at most [`DataErrors::LIMIT`] are kept).
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Files(Vec<ImportError>),
    /// The files read well but the dataset they make is not valid.
    #[error("the imported dataset is not valid:\n{0}")]
    Invalid(DataErrors),
}

/// What an import found, for the command's report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Schools in the cohort list.
    pub schools: usize,
    /// Cohorts in the cohort list.
    pub cohorts: usize,
    /// Schools found in at least one KS2 file.
    pub matched_ks2: usize,
    /// Schools found in at least one Ofsted file.
    pub matched_ofsted: usize,
    /// Schools in the cohort list found in no file at all.
    pub unmatched: Vec<Urn>,
    /// Values kept as not published (SUPP, NE, LOWCOV, NP, empty …) in member schools' rows.
    pub suppressed: usize,
    /// Data rows read across all files.
    pub rows_read: usize,
    /// Area series written (LAIT).
    pub area_series: usize,
    /// Published area figures in them.
    pub area_points: usize,
    /// KS2 results kept from predecessor schools.
    pub from_predecessors: usize,
    /// The KS2 and Ofsted files the schools were looked for in.
    pub files: Vec<String>,
    /// The year each KS2 file was read as, and how it was known.
    pub years: Vec<String>,
    /// Rows without a URN (DfE's England and local-authority totals), skipped.
    pub total_rows: usize,
    /// Other schools of the home authority kept for like-for-like comparison.
    pub area_schools: usize,
    /// Graded inspections added from an inspection history.
    pub inspections_added: usize,
    /// Listed schools' inspections dated before their URN opened, marked as predecessors'.
    pub predecessor_inspections: usize,
    /// What the files could not settle and the import did not resolve (file:line).
    pub warnings: Vec<String>,
}
