//! The importer: DfE and Ofsted CSV files plus a cohort list → a dataset. Shared by the
//! `cohort-import` command and the page's "Load your data", so both accept the same files
//! and give the same messages; the result goes through the one validator
//! ([`crate::dataset::Dataset::try_from`]).
//!
//! Columns are found by header name (any order, any case). Values DfE uses for "no figure"
//! (`SUPP`, `NE`, `LOWCOV`, `NP`, `NA`, `x`, `c`, empty) are kept as not published, never 0.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

mod cells;
mod cohorts;
mod comparators;
mod history;
pub mod inspected;
mod ks2;
pub mod links;
// The area readers are the command's alone: the page's "Load your data" takes no LAIT
// files, so they stay out of the wasm.
#[cfg(not(target_arch = "wasm32"))]
pub mod lait;
mod ofsted;
#[cfg(not(target_arch = "wasm32"))]
pub mod scorecards;
mod table;

use cells::*;
use cohorts::*;
use comparators::*;
use ks2::*;
use ofsted::*;
use table::*;

pub use cells::{decode_text, excel_date, is_not_published, slug, year_in_name, Encoding};

use crate::dataset::{is_iso_date, Dataset};
use crate::error::{DataError, DataErrors};
use crate::model::{
    Area, AreaProgress, Cohort, Inspection, Judgement, Ks2Result, Programme, PupilGroup,
    RawDataset, School, SchoolKind, Score, Source, SourcedCount, StartWave, Subject, SubjectScores,
    Urn, SCHEMA_VERSION,
};

/// Files larger than this are refused before they are read (the validator's limit).
pub const MAX_FILE_BYTES: usize = crate::dataset::MAX_INPUT_BYTES;
/// Cohort lists naming more schools than this are refused (the validator's limit).
pub const MAX_SCHOOLS: usize = crate::dataset::MAX_SCHOOLS;

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

/// One input file: its name (for messages and source ids) and its text.
#[derive(Debug, Clone, Copy)]
pub struct InputFile<'a> {
    /// File name as the reader knows it.
    pub name: &'a str,
    /// Contents.
    pub text: &'a str,
}

/// The files an area import reads.
#[derive(Debug, Clone, Copy)]
pub struct AreaInputs<'a> {
    /// The LAIT long file.
    pub lait: InputFile<'a>,
    /// LAIT's data dictionary (for each measure's decimal places and publication).
    pub measures: InputFile<'a>,
    /// A statistical-neighbour list (`LA num`, `SN1` … `SN10`), if neighbours are wanted.
    pub neighbours: Option<InputFile<'a>>,
    /// The home local authority's LAIT code (Stoke-on-Trent: 861).
    pub home: u16,
}

/// Everything an import reads.
#[derive(Debug, Clone, Default)]
pub struct Inputs<'a> {
    /// The cohort list: `cohort,cohort_name,joined_year,urn`.
    pub cohorts: Option<InputFile<'a>>,
    /// KS2 school-level files, each with its year if given (else read from its name).
    pub ks2: Vec<(InputFile<'a>, Option<u16>)>,
    /// Ofsted inspection files.
    pub ofsted: Vec<InputFile<'a>>,
    /// Area-level comparators: `area,year,group,subject,score,lower,upper,source`.
    pub comparators: Option<InputFile<'a>>,
    /// Title of the dataset.
    pub title: Option<String>,
    /// A dataset to start from instead of a cohort list (its figures are kept; area
    /// figures from `areas` replace its context and series).
    pub base: Option<InputFile<'a>>,
    /// DfE LAIT files: the home area's context and yearly series.
    pub areas: Option<AreaInputs<'a>>,
    /// DfE school places scorecards: primary places by Ofsted grade of the home area (the
    /// LAIT home authority) and England.
    pub places: Option<InputFile<'a>>,
    /// Links between predecessor and successor schools (GIAS): a listed school's KS2
    /// results published under a predecessor's URN are kept, marked as such.
    pub links: Option<InputFile<'a>>,
    /// School facts: DfE's school list (`URN`, `LA`, `SCHNAME`, `NFTYPE`, `AGEL`, `AGEH`).
    pub spine: Option<InputFile<'a>>,
    /// School census (`URN`, `LA`, `NOR`, `PNUMFSMEVER`); its year from its name.
    pub census: Option<InputFile<'a>>,
    /// % eligible for free school meals (`urn`, `fsm_prop`); its year from its name.
    pub fsm: Option<InputFile<'a>>,
    /// Graded inspections since 2005 (`URN`, `Rating`, `Inspection Date`).
    pub inspections: Option<InputFile<'a>>,
    /// The home local authority, whose other schools become the like-for-like pool (else
    /// the LAIT home authority).
    pub home_la: Option<u16>,
    /// Citations the person gives for files: `(file name, "Publisher|Title|Date")`, in place
    /// of the one the importer writes.
    pub citations: Vec<(String, String)>,
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

fn file_source(id: &str, name: &str, publisher: &str, what: &str) -> Source {
    Source {
        id: id.to_string(),
        title: name.to_string(),
        publisher: publisher.to_string(),
        date: "as in the file".to_string(),
        citation: format!("{what}, imported from the file {name}."),
        url: None,
    }
}

/// A citations file (`file,publisher,title,date`): the page's way to give a file its
/// citation, as `--cite` is the command's.
fn read_citations(input: InputFile<'_>) -> Result<Vec<(String, String)>, Vec<ImportError>> {
    let mut c = Collector { errors: Vec::new() };
    let mut out = Vec::new();
    if let Some(mut t) = c.take(Table::open(input)) {
        let cols: Vec<Option<usize>> = ["file", "publisher", "title", "date"]
            .iter()
            .map(|n| c.take(t.require(&[n])))
            .collect();
        if let [Some(f), Some(p), Some(ti), Some(d)] = cols.as_slice() {
            for row in t.rows() {
                let Some((_, rec)) = c.take(row) else {
                    continue;
                };
                let get = |i: usize| rec.get(i).unwrap_or("").trim().to_string();
                if get(*f).is_empty() {
                    continue;
                }
                out.push((get(*f), format!("{}|{}|{}", get(*p), get(*ti), get(*d))));
            }
        }
    }
    if c.errors.is_empty() {
        Ok(out)
    } else {
        Err(c.errors)
    }
}

/// Replaces the citation of each named file's source with the person's own
/// (`Publisher|Title|Date`); a file that no source cites, or a citation without its three
/// parts, is an error.
fn cite_files(citations: &[(String, String)], raw: &mut RawDataset, c: &mut Collector) {
    for (file, text) in citations {
        let parts: Vec<&str> = text.split('|').map(str::trim).collect();
        let [publisher, title, date] = parts.as_slice() else {
            c.take::<()>(Err(err(
                file,
                0,
                "citation",
                "Publisher|Title|Date",
                quoted(text),
            )));
            continue;
        };
        let marker = format!("imported from the file {file}.");
        let mut found = false;
        for s in raw
            .sources
            .iter_mut()
            .filter(|s| s.title == *file || s.citation.ends_with(&marker))
        {
            s.publisher = (*publisher).to_string();
            s.title = (*title).to_string();
            s.date = (*date).to_string();
            s.citation = format!("{publisher}, {title} ({date}), from the file {file}.");
            found = true;
        }
        if !found {
            c.take::<()>(Err(err(
                file,
                0,
                "citation",
                "a file this import reads",
                "none cited from it",
            )));
        }
    }
}

/// Builds and validates a dataset from the inputs.
pub fn build(inputs: &Inputs<'_>) -> Result<(Dataset, Summary), ImportFailure> {
    let mut c = Collector { errors: Vec::new() };
    let mut summary = Summary::default();
    let from_base = inputs.base.is_some();
    #[cfg_attr(target_arch = "wasm32", allow(unused_mut))]
    let mut raw = match (inputs.base, inputs.cohorts) {
        (Some(base), None) => Dataset::from_json(base.text)
            .map_err(ImportFailure::Invalid)?
            .raw()
            .clone(),
        (Some(base), Some(_)) => {
            return Err(ImportFailure::Files(vec![err(
                base.name,
                0,
                "file",
                "a base dataset or a cohort list",
                "both",
            )]))
        }
        (None, _) => schools_dataset(inputs, &mut c, &mut summary)?,
    };
    #[cfg(not(target_arch = "wasm32"))]
    add_areas(inputs, &mut raw, &mut c, &mut summary);
    if history::asked(inputs) || inputs.links.is_some() || (from_base && !inputs.ks2.is_empty()) {
        history::add(inputs, &mut raw, from_base, &mut c, &mut summary);
    }
    cite_files(&inputs.citations, &mut raw, &mut c);
    if !c.errors.is_empty() {
        return Err(ImportFailure::Files(c.errors));
    }
    Dataset::try_from(raw)
        .map(|d| (d, summary))
        .map_err(ImportFailure::Invalid)
}

/// Area context and series (LAIT) and places by grade (scorecards), where given.
#[cfg(not(target_arch = "wasm32"))]
fn add_areas(inputs: &Inputs<'_>, raw: &mut RawDataset, c: &mut Collector, summary: &mut Summary) {
    if let Some(areas) = &inputs.areas {
        let figures = lait::read(areas, c, summary);
        if c.errors.is_empty() {
            lait::merge(raw, figures);
        }
        if let Some(file) = inputs.places {
            let places = scorecards::read(file, areas.home, c, summary);
            if c.errors.is_empty() {
                scorecards::merge(raw, places);
            }
        }
    } else if let Some(file) = inputs.places {
        c.take::<()>(Err(err(
            file.name,
            0,
            "file",
            "the LAIT files too, which name the home authority",
            "a scorecards file alone",
        )));
    }
}

/// The schools, cohorts and their KS2 and Ofsted figures from a cohort list and DfE/Ofsted
/// files, not yet validated.
fn schools_dataset(
    inputs: &Inputs<'_>,
    c: &mut Collector,
    summary: &mut Summary,
) -> Result<RawDataset, ImportFailure> {
    let Some(cohort_file) = inputs.cohorts else {
        return Err(ImportFailure::Files(vec![err(
            "(inputs)",
            0,
            "cohort list",
            "a cohort list CSV (cohort,cohort_name,joined_year,urn)",
            "none",
        )]));
    };
    let list = read_cohorts(cohort_file, c, summary);
    // Each listed school's predecessors (academy conversions), whose KS2 rows are read too
    // and kept under the school they became, marked as the predecessor's.
    let predecessors = match inputs.links {
        Some(f) => links::predecessor_map(f, &list.urns, c, summary),
        None => BTreeMap::new(),
    };
    let wanted: BTreeSet<Urn> = list
        .urns
        .iter()
        .chain(predecessors.keys())
        .copied()
        .collect();
    let mut sources = vec![file_source(
        "cohort-list",
        cohort_file.name,
        "School Improvement Team",
        "Cohort membership",
    )];
    let mut facts: HashMap<Urn, SchoolFacts> = HashMap::new();
    summary.files = inputs
        .ks2
        .iter()
        .map(|(f, _)| f.name.to_string())
        .chain(inputs.ofsted.iter().map(|f| f.name.to_string()))
        .collect();
    for (i, (file, year)) in inputs.ks2.iter().enumerate() {
        let id = format!("ks2-{}", i + 1);
        sources.push(file_source(
            &id,
            file.name,
            "Department for Education",
            "KS2 school-level performance data",
        ));
        let before = summary.years.len();
        read_ks2(*file, *year, &wanted, &id, &mut facts, c, summary);
        // Cited as the publication it is, once its year is known.
        let read_as = facts
            .values()
            .flat_map(|f| f.ks2.iter())
            .find(|r| r.source == id)
            .map(|r| r.year);
        if let (Some(y), Some(src), true) =
            (read_as, sources.last_mut(), summary.years.len() > before)
        {
            src.title = format!("Key stage 2 school performance tables, {y} (school-level file)");
            src.date = format!("{}/{:02} academic year", y - 1, y % 100);
            src.citation = format!(
                "DfE, KS2 school performance tables {y}: progress scores of each school, by URN, imported from the file {}.",
                file.name
            );
        }
    }
    for (pred, (member, link_name)) in &predecessors {
        let Some(pf) = facts.remove(pred) else {
            continue;
        };
        let name = pf.name.unwrap_or_else(|| link_name.clone());
        let entry = facts.entry(*member).or_default();
        for mut r in pf.ks2 {
            // The school's own row for a year wins, unless it publishes no score at all (a
            // new academy's empty first row while its results were the predecessor's).
            let own = entry.ks2.iter().position(|o| o.year == r.year);
            if let Some(i) = own {
                let empty = entry
                    .ks2
                    .get(i)
                    .is_some_and(|o| Subject::ALL.iter().all(|s| o.score(*s).is_none()));
                if !empty {
                    continue;
                }
                entry.ks2.remove(i);
            }
            r.published_as = Some(crate::model::PublishedAs {
                urn: *pred,
                name: name.clone(),
            });
            summary.from_predecessors += 1;
            entry.ks2.push(r);
        }
    }
    for (i, file) in inputs.ofsted.iter().enumerate() {
        let id = format!("ofsted-{}", i + 1);
        let mut src = file_source(&id, file.name, "Ofsted", "Ofsted inspection outcomes");
        src.title = "Management information: state-funded schools' inspections and outcomes".into();
        if let Some(d) = cells::date_in_name(file.name) {
            src.title
                .push_str(&format!(", as at {}", crate::format::date(&d)));
            src.date = d;
        }
        sources.push(src);
        read_ofsted(*file, &list.urns, &id, &mut facts, c, summary);
    }
    let (areas, area_progress, comparator_sources) = match inputs.comparators {
        Some(f) => read_comparators(f, c, summary),
        None => Default::default(),
    };
    sources.extend(comparator_sources);
    if !c.errors.is_empty() {
        return Err(ImportFailure::Files(std::mem::take(&mut c.errors)));
    }

    let schools: Vec<School> = list
        .urns
        .iter()
        .map(|u| {
            let f = facts.remove(u);
            let (name, mut ks2, ofsted, special) = f
                .map_or((None, Vec::new(), Vec::new(), false), |f| {
                    (f.name, f.ks2, f.ofsted, f.special)
                });
            crate::order::sort_by_key(&mut ks2, |r| r.year);
            if !ks2.is_empty() {
                summary.matched_ks2 += 1;
            }
            if !ofsted.is_empty() {
                summary.matched_ofsted += 1;
            }
            if ks2.is_empty() && ofsted.is_empty() {
                summary.unmatched.push(*u);
            }
            School {
                urn: *u,
                name: name.unwrap_or_else(|| format!("URN {u}")),
                // Junior and infant schools are told apart by the school list (--spine).
                kind: if special {
                    SchoolKind::Special
                } else {
                    SchoolKind::Primary
                },
                no_ks2_reason: ks2
                    .is_empty()
                    .then(|| "No KS2 results for this school in the files imported.".to_string()),
                ks2,
                ofsted,
                report_extracts: Vec::new(),
                school_type: None,
                facts: Vec::new(),
            }
        })
        .collect();
    summary.schools = schools.len();
    summary.cohorts = list.order.len();
    let mut waves: BTreeMap<u16, u32> = BTreeMap::new();
    let cohorts: Vec<Cohort> = list
        .order
        .iter()
        .filter_map(|id| {
            let (name, years, members) = list.cohorts.get(id)?;
            if let Some(y) = years.iter().min() {
                *waves.entry(*y).or_insert(0) += 1;
            }
            Some(Cohort {
                id: id.clone(),
                name: name.clone(),
                schools: members.clone(),
                source: "cohort-list".into(),
                membership: format!("Members as listed in {}.", cohort_file.name),
            })
        })
        .collect();
    let title = inputs
        .title
        .clone()
        .unwrap_or_else(|| "Imported cohorts".to_string());
    let raw = RawDataset {
        schema_version: SCHEMA_VERSION,
        title: title.clone(),
        sources,
        programme: Programme {
            name: title,
            cohorts_total: SourcedCount {
                value: u32::try_from(cohorts.len()).unwrap_or(u32::MAX),
                source: "cohort-list".into(),
            },
            schools_total: SourcedCount {
                value: u32::try_from(schools.len()).unwrap_or(u32::MAX),
                source: "cohort-list".into(),
            },
            start_waves: waves
                .into_iter()
                .map(|(year, cohorts)| StartWave {
                    year,
                    cohorts,
                    source: "cohort-list".into(),
                })
                .collect(),
            membership_note: format!("Cohort membership as listed in {}.", cohort_file.name),
            cohort_word: None,
        },
        areas,
        area_progress,
        statements: Vec::new(),
        fsm: Vec::new(),
        ofsted_distributions: Vec::new(),
        context: None,
        area_series: Vec::new(),
        cohorts,
        schools,
        area_schools: Vec::new(),
    };
    Ok(raw)
}

/// What an input file is, told from its header row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A dataset JSON file.
    Dataset,
    /// The cohort list.
    Cohorts,
    /// A DfE KS2 school-level file.
    Ks2,
    /// An Ofsted inspections file.
    Ofsted,
    /// Area comparators.
    Comparators,
    /// Citations for the other files (`file,publisher,title,date`).
    Citations,
    /// DfE's links between predecessor and successor schools (`LinkURN`, `LinkType`).
    Links,
    /// DfE's school list (`OPENDATE`, `NFTYPE`, ages).
    SchoolList,
    /// The school census (`NOR`, `PNUMFSMEVER`).
    Census,
    /// Schools' free-school-meal shares (`fsm_prop`).
    Fsm,
    /// Graded inspections over the years (`Rating`, `Inspection Date`).
    InspectionHistory,
}

/// Tells what a file is from its name and first line.
pub fn classify(name: &str, text: &str) -> Option<Role> {
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let has = |col: &str| first.split(',').any(|h| h.trim().trim_matches('"') == col);
    if name.to_ascii_lowercase().ends_with(".json") || first.trim_start().starts_with('{') {
        Some(Role::Dataset)
    } else if has("cohort_name") {
        Some(Role::Cohorts)
    } else if has("readprog") || has("writprog") || has("matprog") || has("reading progress") {
        Some(Role::Ks2)
    } else if has("overall effectiveness") || has("overall_effectiveness") {
        Some(Role::Ofsted)
    } else if has("linkurn") && has("linktype") {
        Some(Role::Links)
    } else if has("rating") && has("inspection date") {
        Some(Role::InspectionHistory)
    } else if has("urn") && (has("opendate") || has("nftype")) {
        Some(Role::SchoolList)
    } else if has("nor") && has("pnumfsmever") {
        Some(Role::Census)
    } else if has("fsm_prop") {
        Some(Role::Fsm)
    } else if has("area") && has("subject") && has("score") {
        Some(Role::Comparators)
    } else if has("file") && has("publisher") && has("title") && has("date") {
        Some(Role::Citations)
    } else {
        None
    }
}

/// Builds a dataset from files a person dropped on the page: one dataset JSON, or a cohort
/// list with KS2, Ofsted, inspection-history, links, school-list, census, FSM and comparator
/// CSVs in any order, each told apart by its header: the command's files but the area ones.
pub fn from_files(files: &[(String, String)]) -> Result<(Dataset, Option<Summary>), ImportFailure> {
    let mut errors = Vec::new();
    let mut inputs = Inputs {
        title: Some("Your data".to_string()),
        ..Inputs::default()
    };
    let mut json = None;
    for (name, text) in files {
        if text.len() > MAX_FILE_BYTES {
            errors.push(err(
                name,
                0,
                "file",
                format!("at most {} MB", MAX_FILE_BYTES / (1024 * 1024)),
                format!("{} MB", text.len() / (1024 * 1024)),
            ));
            continue;
        }
        let file = InputFile { name, text };
        match classify(name, text) {
            Some(Role::Dataset) => json = Some(file),
            Some(Role::Cohorts) if inputs.cohorts.is_some() => {
                errors.push(err(name, 1, "header", "one cohort list", "a second one"))
            }
            Some(Role::Cohorts) => inputs.cohorts = Some(file),
            Some(Role::Ks2) => inputs.ks2.push((file, None)),
            Some(Role::Ofsted) => inputs.ofsted.push(file),
            Some(Role::Comparators) => inputs.comparators = Some(file),
            Some(role @ (Role::Links | Role::SchoolList | Role::Census | Role::Fsm | Role::InspectionHistory)) => {
                let slot = match role {
                    Role::Links => &mut inputs.links,
                    Role::SchoolList => &mut inputs.spine,
                    Role::Census => &mut inputs.census,
                    Role::Fsm => &mut inputs.fsm,
                    _ => &mut inputs.inspections,
                };
                if slot.is_some() {
                    errors.push(err(name, 1, "header", "one file of each kind", "a second one"));
                }
                *slot = Some(file);
            }
            Some(Role::Citations) => match read_citations(file) {
                Ok(list) => inputs.citations.extend(list),
                Err(e) => errors.extend(e),
            },
            None => errors.push(err(
                name,
                1,
                "header",
                "a dataset JSON, or a cohort list, KS2, Ofsted, inspection history, links, school list, census, FSM, comparators or citations CSV",
                quoted(
                    text.lines()
                        .next()
                        .unwrap_or("")
                        .chars()
                        .take(80)
                        .collect::<String>()
                        .as_str(),
                ),
            )),
        }
    }
    if !errors.is_empty() {
        return Err(ImportFailure::Files(errors));
    }
    match json {
        Some(f) if files.len() == 1 => Dataset::from_json(f.text)
            .map(|d| (d, None))
            .map_err(ImportFailure::Invalid),
        Some(f) => Err(ImportFailure::Files(vec![err(
            f.name,
            0,
            "file",
            "a dataset JSON on its own, or CSV files only",
            "a JSON file with other files",
        )])),
        // A cohort list alone would replace the view with schools and no figures.
        None if inputs.cohorts.is_some() && inputs.ks2.is_empty() && inputs.ofsted.is_empty() => {
            Err(ImportFailure::Files(vec![err(
                inputs.cohorts.map_or("", |f| f.name),
                0,
                "file",
                "a cohort list with DfE's KS2 file and Ofsted's inspections file too: choose them together",
                "a cohort list alone",
            )]))
        }
        None => build(&inputs).map(|(d, s)| (d, Some(s))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_school_keeps_its_predecessors_results_through_two_conversions_marked_as_theirs() {
        // Generated: 100001 became 100002 (2016), which became 100003 (2017). The KS2 file
        // of 2017 has an empty row for the new school, as DfE's do.
        let cohorts = "cohort,cohort_name,joined_year,urn\nn,North,2016,100003\n";
        let head = "URN,KS2 Pupils,Reading Progress,Writing Progress,Maths Progress,Writing Score,Academic Year\n";
        let y2016 = format!("{head}100001,30,-1.5,0.5,1.0,99,2016\n");
        let y2017 = format!("{head}100002,31,-0.5,0.2,0.1,101,2017\n100003,,,,,,2017\n");
        let y2018 = format!("{head}100003,32,0.4,0.3,0.2,102,2018\n");
        let links = "URN,LinkURN,LinkName,LinkType,LinkEstablishedDate\n\
                     100001,100002,Beta Academy,Successor,31-08-2016\n\
                     100002,100001,Alpha School,Predecessor,01-09-2016\n\
                     100003,100002,Beta Academy,Predecessor,01-09-2017\n";
        let inputs = Inputs {
            cohorts: Some(file("cohorts.csv", cohorts)),
            ks2: vec![
                (file("a.csv", &y2016), None),
                (file("b.csv", &y2017), None),
                (file("c.csv", &y2018), None),
            ],
            links: Some(file("links.csv", links)),
            ..Inputs::default()
        };
        let (ds, summary) = match build(&inputs) {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(summary.from_predecessors, 2);
        let s = ds
            .school(100_003)
            .cloned()
            .unwrap_or_else(|| panic!("no school"));
        /// Year, published-as URN, pupils, reading.
        type Row = (u16, Option<Urn>, Option<u32>, Option<f64>);
        let got: Vec<Row> = s
            .ks2
            .iter()
            .map(|r| {
                (
                    r.year,
                    r.published_as.as_ref().map(|p| p.urn),
                    r.pupils,
                    r.reading.map(|x| x.value),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (2016, Some(100_001), Some(30), Some(-1.5)),
                (2017, Some(100_002), Some(31), Some(-0.5)),
                (2018, None, Some(32), Some(0.4)),
            ]
        );
        assert_eq!(
            s.ks2[0].published_as.as_ref().map(|p| p.name.as_str()),
            Some("Alpha School")
        );
        assert!(
            ds.school(100_001).is_none(),
            "a predecessor is not a school of the list"
        );
    }

    const COHORTS: &str = "Cohort,Cohort_Name,Joined_Year,URN\nnorth,North Network,2015,100001\nnorth,North Network,2016,100002\nsouth,South Group,2016,100003\n";
    const KS2: &str = "URN,SCHNAME,READPROG,READPROG_LOWER,READPROG_UPPER,WRITPROG,MATPROG,PTFSM6CLA1A,READPROG_FSM6CLA1A\n100001,Alpha Primary,1.5,0.2,2.8,SUPP,-0.4,31%,NE\n100002,Beta Primary,LOWCOV,,,0.7,NP,12,-1.1\n999999,Not A Member,oops,,,,,,\n";
    const OFSTED: &str = "URN,School name,Inspection date,Overall effectiveness\n100001,Alpha Primary,42803,2\n100002,Beta Primary,2019-11-20,Requires improvement\n100003,Gamma Primary,14/10/2025,Not graded\n";

    fn file<'a>(name: &'a str, text: &'a str) -> InputFile<'a> {
        InputFile { name, text }
    }

    fn inputs<'a>(cohorts: &'a str, ks2: &'a str, ofsted: &'a str) -> Inputs<'a> {
        Inputs {
            cohorts: Some(file("cohorts.csv", cohorts)),
            ks2: vec![(file("ks2_2019.csv", ks2), None)],
            ofsted: vec![file("ofsted.csv", ofsted)],
            comparators: None,
            title: Some("Fixture".into()),
            ..Inputs::default()
        }
    }

    /// The one message an import gives, or "" when it succeeds.
    fn failure(i: &Inputs<'_>) -> String {
        build(i).err().map(|e| e.to_string()).unwrap_or_default()
    }

    #[test]
    fn a_good_import_keeps_suppressed_values_as_not_published() {
        let (ds, summary) = match build(&inputs(COHORTS, KS2, OFSTED)) {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        };
        let alpha = ds.school(100_001).map(|s| s.ks2[0].clone());
        let alpha = alpha.unwrap_or_else(|| panic!("Alpha missing"));
        assert_eq!(alpha.year, 2019, "year read from the file name");
        assert_eq!(
            alpha.reading,
            Some(Score {
                value: 1.5,
                lower: Some(0.2),
                upper: Some(2.8),
                band: None,
            })
        );
        assert_eq!(alpha.writing, None, "SUPP is not published, not 0");
        assert_eq!(alpha.disadvantaged_percent, Some(31.0));
        assert_eq!(
            alpha.disadvantaged, None,
            "NE alone: no disadvantaged scores"
        );
        let beta = ds
            .school(100_002)
            .map(|s| s.ks2[0].clone())
            .unwrap_or_else(|| panic!("Beta missing"));
        assert_eq!(beta.reading, None);
        assert_eq!(
            beta.disadvantaged.and_then(|d| d.reading).map(|s| s.value),
            Some(-1.1)
        );
        let gamma = ds
            .school(100_003)
            .unwrap_or_else(|| panic!("Gamma missing"));
        assert!(gamma.ks2.is_empty());
        assert_eq!(gamma.ofsted[0].judgement, Judgement::NotGraded);
        assert_eq!(gamma.ofsted[0].date, "2025-10-14");
        assert_eq!(
            ds.school(100_001)
                .map(|s| s.ofsted[0].date.clone())
                .as_deref(),
            Some("2017-03-09")
        );
        // Alpha: WRITPROG SUPP, READPROG_FSM6CLA1A NE; Beta: READPROG LOWCOV, MATPROG NP.
        // Empty confidence limits are not counted: they are not figures of their own.
        assert_eq!(summary.suppressed, 4);
        assert_eq!(summary.matched_ks2, 2);
        assert_eq!(summary.unmatched, Vec::<Urn>::new());
        assert_eq!(
            ds.raw().programme.start_waves.len(),
            2,
            "north from 2015, south from 2016"
        );
        assert!(ds
            .raw()
            .schools
            .iter()
            .all(|s| s.ks2.iter().all(|r| ds.source(&r.source).is_some())));
    }

    #[test]
    fn a_missing_column_is_named_with_the_columns_found() {
        assert_eq!(
            failure(&inputs("cohort,name,joined_year,urn\nnorth,N,2015,100001\n", KS2, OFSTED)),
            "cohorts.csv:1: cohort_name: expected a column named cohort_name, found columns cohort, name, joined_year, urn"
        );
    }

    #[test]
    fn a_bad_urn_names_file_line_and_column() {
        let bad = COHORTS.replace("100002", "12ab");
        assert_eq!(
            failure(&inputs(&bad, KS2, OFSTED)),
            "cohorts.csv:3: urn: expected a six-digit URN, found \u{201c}12ab\u{201d}"
        );
    }

    #[test]
    fn a_bad_score_in_a_member_row_is_refused() {
        let bad = KS2.replace("-0.4", "minus");
        assert_eq!(
            failure(&inputs(COHORTS, &bad, OFSTED)),
            "ks2_2019.csv:2: MATPROG: expected a progress score or SUPP, NE, LOWCOV, NP or empty, found \u{201c}minus\u{201d}"
        );
    }

    #[test]
    fn a_bad_value_in_another_schools_row_does_not_stop_the_import() {
        // Row 4 (URN 999999, not a member) has READPROG "oops".
        assert_eq!(failure(&inputs(COHORTS, KS2, OFSTED)), "");
    }

    #[test]
    fn a_bad_judgement_and_a_bad_date_are_both_reported() {
        let bad = OFSTED.replace("42803,2", "99999999,5");
        let msg = failure(&inputs(COHORTS, KS2, &bad));
        assert!(msg.contains("ofsted.csv:2: Inspection date: expected a date (YYYY-MM-DD, DD/MM/YYYY or an Excel day number), found \u{201c}99999999\u{201d}"), "{msg}");
        assert!(msg.contains("ofsted.csv:2: Overall effectiveness: expected 1, 2, 3, 4, Outstanding, Good, Requires improvement, Inadequate or Not graded, found \u{201c}5\u{201d}"), "{msg}");
    }

    #[test]
    fn a_ks2_file_without_a_year_says_so() {
        let mut i = inputs(COHORTS, KS2, OFSTED);
        i.ks2 = vec![(file("ks2.csv", KS2), None)];
        assert_eq!(
            failure(&i),
            "ks2.csv:0: year: expected the year of the results: an Academic Year column, or a year in the file name (ks2_2019.csv, or DfE's 2018-2019 folder name), or --year on the command line, found none"
        );
        i.ks2 = vec![(file("ks2.csv", KS2), Some(2018))];
        assert_eq!(failure(&i), "");
    }

    #[test]
    fn a_ragged_row_is_refused() {
        let bad = format!("{COHORTS}north,North Network,2015\n");
        let msg = failure(&inputs(&bad, KS2, OFSTED));
        assert!(
            msg.starts_with("cohorts.csv:5: row: expected a row with as many fields as the header"),
            "{msg}"
        );
    }

    #[test]
    fn a_duplicate_school_row_in_one_year_is_refused() {
        let bad = format!("{KS2}100001,Alpha Again,1,,,1,1,,\n");
        let msg = failure(&inputs(COHORTS, &bad, OFSTED));
        assert_eq!(
            msg,
            "ks2_2019.csv:5: URN: expected one row per school for 2019, found URN 100001 again"
        );
    }

    #[test]
    fn an_empty_file_and_no_cohort_list_are_refused() {
        assert_eq!(
            failure(&inputs("", KS2, OFSTED)),
            "cohorts.csv:1: header: expected a CSV header row, found an empty file"
        );
        let mut i = inputs(COHORTS, KS2, OFSTED);
        i.cohorts = None;
        assert!(failure(&i).contains("expected a cohort list CSV"));
    }

    #[test]
    fn an_out_of_range_score_is_caught_by_the_one_validator() {
        let bad = KS2.replace("1.5,0.2,2.8", "150,0.2,2.8");
        let msg = failure(&inputs(COHORTS, &bad, OFSTED));
        assert!(
            msg.starts_with("the imported dataset is not valid:"),
            "{msg}"
        );
        assert!(
            msg.contains("schools[0].ks2[0].reading.value: 150 is out of range"),
            "{msg}"
        );
    }

    #[test]
    fn comparators_become_areas_with_their_own_sources() {
        let mut i = inputs(COHORTS, KS2, OFSTED);
        let comp = "area,year,group,subject,score,lower,upper,source\nEngland,2019,all,reading,0,,,DfE definition\nStoke-on-Trent,2019,disadvantaged,maths,-0.6,-0.9,-0.3,DfE KS2 2019 LA tables\nStoke-on-Trent,2019,all,writing,x,,,DfE KS2 2019 LA tables\n";
        i.comparators = Some(file("comparators.csv", comp));
        let (ds, summary) = build(&i).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ds.raw().areas.len(), 2);
        assert_eq!(
            ds.raw().area_progress.len(),
            2,
            "the x value is not published"
        );
        assert_eq!(
            summary.suppressed, 5,
            "the four KS2 values and the comparator's x"
        );
        let stoke = &ds.raw().area_progress[1];
        assert_eq!((stoke.lower, stoke.upper), (Some(-0.9), Some(-0.3)));
        assert!(ds.source(&stoke.source).is_some());
    }

    #[test]
    fn dropped_files_are_told_apart_by_their_headers() {
        let files = vec![
            ("ofsted.csv".to_string(), OFSTED.to_string()),
            ("my_ks2_2019.csv".to_string(), KS2.to_string()),
            ("members.csv".to_string(), COHORTS.to_string()),
        ];
        let (ds, summary) = from_files(&files).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ds.raw().cohorts.len(), 2);
        assert_eq!(summary.map(|s| s.matched_ks2), Some(2));
        let json = vec![(
            "d.json".to_string(),
            crate::testing::BUNDLED_JSON.to_string(),
        )];
        assert!(from_files(&json).is_ok());
        let unknown = vec![("notes.csv".to_string(), "colour,size\nred,2\n".to_string())];
        assert_eq!(
            from_files(&unknown).err().map(|e| e.to_string()).unwrap_or_default(),
            "notes.csv:1: header: expected a dataset JSON, or a cohort list, KS2, Ofsted, inspection history, links, school list, census, FSM, comparators or citations CSV, found \u{201c}colour,size\u{201d}"
        );
        let broken_json = vec![("d.json".to_string(), "{\"schema_version\": 2}".to_string())];
        let msg = from_files(&broken_json)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(msg.contains("missing field"), "{msg}");
    }

    #[test]
    fn in_the_page_a_links_file_marks_an_inspection_before_the_school_opened_as_its_predecessors() {
        // SYNTHETIC, shaped like Milton: the academy 100003 replaced 199999 on 1 May 2017;
        // Ofsted's file lists its predecessor's Inadequate of March 2015 under the academy.
        let links = "URN,LinkURN,LinkName,LinkType,LinkEstablishedDate\n\
                     199999,100003,Gamma Primary,Successor,30-04-2017\n\
                     100003,199999,Gamma School,Predecessor,01-05-2017\n";
        let ofsted = "URN,School name,Inspection date,Overall effectiveness\n100003,Gamma Primary,2015-03-25,4\n";
        let files = vec![
            ("cohorts.csv".to_string(), COHORTS.to_string()),
            ("ks2_2019.csv".to_string(), KS2.to_string()),
            ("ofsted.csv".to_string(), ofsted.to_string()),
            ("links.csv".to_string(), links.to_string()),
        ];
        let (ds, _) = from_files(&files).unwrap_or_else(|e| panic!("{e}"));
        let beta = ds
            .school(100_003)
            .map(|s| s.ofsted.clone())
            .unwrap_or_default();
        assert_eq!(beta.len(), 1);
        assert_eq!(beta[0].predecessor, Some(true));
        assert_eq!(
            beta[0]
                .published_as
                .as_ref()
                .map(|p| (p.urn, p.name.as_str())),
            Some((199_999, "Gamma School"))
        );
        assert_eq!(
            beta[0].note.as_deref(),
            Some("Dated before URN 100003 opened (1 May 2017): the inspection of its predecessor, Gamma School (URN 199999).")
        );
    }

    #[test]
    fn helpers_read_years_slugs_and_excel_days() {
        assert_eq!(year_in_name("england_ks2_2019_schools.csv"), Some(2019));
        assert_eq!(year_in_name("ks2-20190.csv"), None);
        assert_eq!(slug("Seven Stars (North)!"), "seven-stars-north");
        assert_eq!(excel_date(42803), "2017-03-09");
        assert!(is_not_published("supp") && is_not_published(" ") && !is_not_published("0"));
    }
}

#[cfg(test)]
#[path = "habits_tests.rs"]
mod habits_tests;
