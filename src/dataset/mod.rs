//! Parsing and validation: JSON text → [`RawDataset`] → checked [`Dataset`].
//!
//! Parsing (stage one) reports syntax and type errors with the JSON path where they occur.
//! Validation (stage two) checks what types cannot: every `source`, `area` and URN reference
//! resolves, ids are unique, numbers are finite and in range, confidence intervals contain
//! their value, dates are dates. It reports every problem it finds, not just the first, so a
//! person fixing a file sees the whole list at once.

mod areas;
mod figures;
mod json_path;

pub use figures::AreaFigure;

use std::collections::HashMap;

use serde::Deserialize;

use crate::error::{DataError, DataErrors, Problem};
use crate::model::{
    AreaProgress, Cohort, Inspection, RawDataset, School, Score, Source, Urn, SCHEMA_VERSION,
};

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
        let raw: RawDataset = serde_json::from_str(text).map_err(|e| {
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

/// The largest magnitude of any KS2 progress score in a dataset.
fn progress_extent(raw: &RawDataset) -> f64 {
    let of = |s: &Score| {
        [Some(s.value), s.lower, s.upper]
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
        .chain(raw.area_progress.iter().map(|p| {
            of(&Score {
                value: p.value,
                lower: p.lower,
                upper: p.upper,
                band: None,
            })
        }))
        .fold(0.0, f64::max)
}

/// Refuses a file of another schema version, so the message says "version 3 is not
/// supported" rather than listing every field that changed. Only read where the full parse
/// failed: a file that parses pays for one reading, not two.
fn check_version(text: &str) -> Result<(), DataErrors> {
    #[derive(Deserialize)]
    struct Probe {
        schema_version: Option<Found>,
    }
    // A file that is not JSON at all is reported by the full parse, with its path.
    let Ok(probe) = serde_json::from_str::<Probe>(text) else {
        return Ok(());
    };
    match probe.schema_version {
        Some(Found::Number(n)) if n == f64::from(SCHEMA_VERSION) => Ok(()),
        Some(found) => Err(unsupported_version(found.to_string())),
        None => Err(unsupported_version("missing".to_string())),
    }
}

/// The file's `schema_version` (as written) is not the one this build reads.
fn unsupported_version(found: String) -> DataErrors {
    DataErrors::one(DataError::at(
        "schema_version",
        Problem::UnsupportedVersion {
            found,
            expected: SCHEMA_VERSION,
        },
    ))
}

/// What a file gives as its `schema_version`, written back as JSON writes it (`3`, `"2"`,
/// `null`; a list or an object in short). Read without `serde_json::Value`, whose parser and
/// printer would otherwise be in the page's wasm for this one field.
enum Found {
    Number(f64),
    Text(String),
    Other(&'static str),
}

impl std::fmt::Display for Found {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Found::Number(n) => write!(f, "{n}"),
            Found::Text(t) => write!(f, "\"{t}\""),
            Found::Other(o) => f.write_str(o),
        }
    }
}

impl<'de> Deserialize<'de> for Found {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Found;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a schema version")
            }
            fn visit_u64<E>(self, v: u64) -> Result<Found, E> {
                Ok(Found::Number(v as f64))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Found, E> {
                Ok(Found::Number(v as f64))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Found, E> {
                Ok(Found::Number(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Found, E> {
                Ok(Found::Text(v.to_string()))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Found, E> {
                Ok(Found::Other(if v { "true" } else { "false" }))
            }
            fn visit_unit<E>(self) -> Result<Found, E> {
                Ok(Found::Other("null"))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Found, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Found::Other("a list"))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Found, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Found::Other("an object"))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// The root has no path; a person reads `(root)` better than nothing.
fn display_path(path: &str) -> String {
    if path.is_empty() || path == "." {
        "(root)".to_string()
    } else {
        path.to_string()
    }
}

/// The indexes that references are resolved against.
struct Context<'a> {
    sources: &'a HashMap<String, usize>,
    areas: &'a HashMap<String, usize>,
    schools: &'a HashMap<Urn, usize>,
}

#[derive(Default)]
struct Validator {
    errors: Vec<DataError>,
}

impl Validator {
    fn push(&mut self, path: impl Into<String>, problem: Problem) {
        self.errors.push(DataError::at(path, problem));
    }

    /// Maps each key to its position, reporting duplicates.
    fn index<K>(
        &mut self,
        what: &'static str,
        list: &str,
        keys: impl Iterator<Item = K>,
    ) -> HashMap<K, usize>
    where
        K: std::hash::Hash + Eq + std::fmt::Display,
    {
        let mut map = HashMap::new();
        for (i, key) in keys.enumerate() {
            if let Some(&first) = map.get(&key) {
                self.push(
                    format!("{list}[{i}]"),
                    Problem::Duplicate {
                        what,
                        id: key.to_string(),
                        first: format!("{list}[{first}]"),
                    },
                );
            } else {
                map.insert(key, i);
            }
        }
        map
    }

    fn check_all(&mut self, raw: &RawDataset, ctx: &Context<'_>) {
        for (i, s) in raw.sources.iter().enumerate() {
            self.non_empty(&format!("sources[{i}].id"), &s.id);
            self.non_empty(&format!("sources[{i}].citation"), &s.citation);
        }
        self.check_programme(raw, ctx);
        let mut seen = HashMap::new();
        for (i, p) in raw.area_progress.iter().enumerate() {
            let path = format!("area_progress[{i}]");
            self.area_progress(&path, p, ctx);
            let key = (p.area.as_str(), p.year, p.pupils, p.subject);
            if let Some(first) = seen.insert(key, i) {
                self.push(
                    path,
                    Problem::Duplicate {
                        what: "figure for area, year, pupils and subject",
                        id: format!("{} {} {:?} {:?}", p.area, p.year, p.pupils, p.subject),
                        first: format!("area_progress[{first}]"),
                    },
                );
            }
        }
        for (i, s) in raw.statements.iter().enumerate() {
            let path = format!("statements[{i}]");
            self.source_ref(&path, &s.source, ctx);
            self.claim(&format!("{path}.claim"), s.claim.as_ref(), ctx);
            if !matches!(
                s.topic.as_str(),
                "ks2-progress" | "disadvantaged" | "ofsted" | "attribution"
            ) {
                self.push(
                    format!("{path}.topic"),
                    Problem::BadText(format!(
                        "unknown topic `{}`: expected ks2-progress, disadvantaged, ofsted or attribution",
                        s.topic
                    )),
                );
            }
        }
        for (i, f) in raw.fsm.iter().enumerate() {
            let path = format!("fsm[{i}]");
            self.area_ref(&path, &f.area, ctx);
            self.source_ref(&path, &f.source, ctx);
            self.in_range(
                &format!("{path}.percent"),
                f.percent,
                0.0,
                100.0,
                "a percentage from 0 to 100",
            );
        }
        for (i, d) in raw.ofsted_distributions.iter().enumerate() {
            let path = format!("ofsted_distributions[{i}]");
            self.source_ref(&path, &d.source, ctx);
            if d.counts.total() == 0 {
                self.push(
                    format!("{path}.counts"),
                    Problem::Inconsistent(
                        "no schools counted: at least one count must be above 0".into(),
                    ),
                );
            }
        }
        self.check_areas(raw, ctx);
        for (i, c) in raw.cohorts.iter().enumerate() {
            self.cohort(&format!("cohorts[{i}]"), c, ctx);
        }
        for (i, s) in raw.schools.iter().enumerate() {
            self.school(&format!("schools[{i}]"), s, ctx);
        }
        let mut area_urns: HashMap<Urn, usize> = HashMap::new();
        for (i, s) in raw.area_schools.iter().enumerate() {
            let here = format!("area_schools[{i}]");
            self.school(&here, s, ctx);
            let first = match ctx.schools.get(&s.urn) {
                Some(j) => Some(format!("schools[{j}]")),
                None => area_urns.get(&s.urn).map(|j| format!("area_schools[{j}]")),
            };
            match first {
                Some(first) => self.push(
                    here,
                    Problem::Duplicate {
                        what: "URN",
                        id: s.urn.to_string(),
                        first,
                    },
                ),
                None => {
                    area_urns.insert(s.urn, i);
                }
            }
        }
    }

    fn check_programme(&mut self, raw: &RawDataset, ctx: &Context<'_>) {
        let p = &raw.programme;
        self.source_ref("programme.cohorts_total", &p.cohorts_total.source, ctx);
        self.source_ref("programme.schools_total", &p.schools_total.source, ctx);
        let mut started = 0u32;
        for (i, w) in p.start_waves.iter().enumerate() {
            self.source_ref(&format!("programme.start_waves[{i}]"), &w.source, ctx);
            started = started.saturating_add(w.cohorts);
        }
        if started > p.cohorts_total.value {
            self.push(
                "programme.start_waves",
                Problem::Inconsistent(format!(
                    "{started} cohorts started, more than cohorts_total {}",
                    p.cohorts_total.value
                )),
            );
        }
        let named: usize = raw.schools.len();
        if named > p.schools_total.value as usize {
            self.push(
                "programme.schools_total",
                Problem::Inconsistent(format!(
                    "{named} schools are listed, more than schools_total {}",
                    p.schools_total.value
                )),
            );
        }
    }

    fn area_progress(&mut self, path: &str, p: &AreaProgress, ctx: &Context<'_>) {
        self.area_ref(path, &p.area, ctx);
        self.source_ref(path, &p.source, ctx);
        self.year(&format!("{path}.year"), p.year);
        self.score(
            path,
            Score {
                value: p.value,
                lower: p.lower,
                upper: p.upper,
                band: None,
            },
        );
    }

    fn cohort(&mut self, path: &str, c: &Cohort, ctx: &Context<'_>) {
        self.source_ref(path, &c.source, ctx);
        self.non_empty(&format!("{path}.name"), &c.name);
        if c.id.is_empty()
            || !c
                .id
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
        {
            self.push(
                format!("{path}.id"),
                Problem::BadText(format!(
                    "cohort id `{}` must be lowercase letters, digits and hyphens (it goes in links)",
                    c.id
                )),
            );
        }
        let mut seen: HashMap<Urn, usize> = HashMap::new();
        for (j, urn) in c.schools.iter().enumerate() {
            let here = format!("{path}.schools[{j}]");
            if !ctx.schools.contains_key(urn) {
                self.push(here.clone(), Problem::UnknownUrn(*urn));
            }
            if let Some(first) = seen.insert(*urn, j) {
                self.push(
                    here,
                    Problem::Duplicate {
                        what: "member URN",
                        id: urn.to_string(),
                        first: format!("{path}.schools[{first}]"),
                    },
                );
            }
        }
    }

    fn school(&mut self, path: &str, s: &School, ctx: &Context<'_>) {
        if !(100_000..=999_999).contains(&s.urn) {
            self.push(
                format!("{path}.urn"),
                Problem::OutOfRange {
                    value: f64::from(s.urn),
                    expected: "a six-digit URN",
                },
            );
        }
        self.non_empty(&format!("{path}.name"), &s.name);
        for (j, e) in s.report_extracts.iter().enumerate() {
            let p = format!("{path}.report_extracts[{j}]");
            self.source_ref(&p, &e.source, ctx);
            self.non_empty(&format!("{p}.quote"), &e.quote);
        }
        let mut years = HashMap::new();
        for (j, r) in s.ks2.iter().enumerate() {
            let here = format!("{path}.ks2[{j}]");
            self.source_ref(&here, &r.source, ctx);
            self.year(&format!("{here}.year"), r.year);
            if let Some(first) = years.insert(r.year, j) {
                self.push(
                    here.clone(),
                    Problem::Duplicate {
                        what: "KS2 year",
                        id: r.year.to_string(),
                        first: format!("{path}.ks2[{first}]"),
                    },
                );
            }
            for subject in crate::model::Subject::ALL {
                let field = subject.label().to_lowercase();
                if let Some(score) = r.score(subject) {
                    self.score(&format!("{here}.{field}"), score);
                }
                if let Some(score) = r.disadvantaged.as_ref().and_then(|d| d.score(subject)) {
                    self.score(&format!("{here}.disadvantaged.{field}"), score);
                }
            }
            if let Some(p) = r.disadvantaged_percent {
                self.in_range(
                    &format!("{here}.disadvantaged_percent"),
                    p,
                    0.0,
                    100.0,
                    "a percentage from 0 to 100",
                );
            }
        }
        for (j, ins) in s.ofsted.iter().enumerate() {
            self.inspection(&format!("{path}.ofsted[{j}]"), ins, ctx);
        }
        if let Some(t) = &s.school_type {
            self.source_ref(&format!("{path}.school_type"), &t.source, ctx);
            self.non_empty(&format!("{path}.school_type.name"), &t.name);
        }
        let mut measures = HashMap::new();
        for (j, f) in s.facts.iter().enumerate() {
            let here = format!("{path}.facts[{j}]");
            self.source_ref(&here, &f.source, ctx);
            self.year(&format!("{here}.year"), f.year);
            if let Some(first) = measures.insert(f.measure, j) {
                self.push(
                    here.clone(),
                    Problem::Duplicate {
                        what: "school fact",
                        id: f.measure.label().to_string(),
                        first: format!("{path}.facts[{first}]"),
                    },
                );
            }
            if f.measure.is_percent() {
                self.in_range(
                    &format!("{here}.value"),
                    f.value,
                    0.0,
                    100.0,
                    "a percentage from 0 to 100",
                );
            } else {
                self.in_range(
                    &format!("{here}.value"),
                    f.value,
                    0.0,
                    100_000.0,
                    "a number of pupils",
                );
            }
        }
    }

    fn inspection(&mut self, path: &str, ins: &Inspection, ctx: &Context<'_>) {
        self.source_ref(path, &ins.source, ctx);
        if !is_iso_date(&ins.date) {
            self.push(
                format!("{path}.date"),
                Problem::BadText(format!("`{}` is not a date: expected YYYY-MM-DD", ins.date)),
            );
        }
    }

    fn score(&mut self, path: &str, s: Score) {
        if let Some(b) = s.band {
            if !(1..=5).contains(&b) {
                self.push(
                    format!("{path}.band"),
                    Problem::OutOfRange {
                        value: f64::from(b),
                        expected: "a progress band from 1 (well above average) to 5 (well below)",
                    },
                );
            }
        }
        let ok = self.in_range(
            &format!("{path}.value"),
            s.value,
            -PROGRESS_LIMIT,
            PROGRESS_LIMIT,
            "a KS2 progress score from -30 to +30",
        );
        let lower_ok = s.lower.is_none_or(|l| {
            self.in_range(
                &format!("{path}.lower"),
                l,
                -PROGRESS_LIMIT,
                PROGRESS_LIMIT,
                "a KS2 progress score from -30 to +30",
            )
        });
        let upper_ok = s.upper.is_none_or(|u| {
            self.in_range(
                &format!("{path}.upper"),
                u,
                -PROGRESS_LIMIT,
                PROGRESS_LIMIT,
                "a KS2 progress score from -30 to +30",
            )
        });
        if ok && lower_ok && upper_ok {
            let lower = s.lower.unwrap_or(s.value);
            let upper = s.upper.unwrap_or(s.value);
            if lower > s.value || upper < s.value {
                self.push(
                    path.to_string(),
                    Problem::BadInterval {
                        lower,
                        value: s.value,
                        upper,
                    },
                );
            }
        }
    }

    /// Reports a value outside `min..=max`; returns whether it was fine.
    fn in_range(
        &mut self,
        path: &str,
        value: f64,
        min: f64,
        max: f64,
        expected: &'static str,
    ) -> bool {
        if !value.is_finite() {
            self.push(path.to_string(), Problem::NotFinite(value));
            false
        } else if value < min || value > max {
            self.push(path.to_string(), Problem::OutOfRange { value, expected });
            false
        } else {
            true
        }
    }

    fn year(&mut self, path: &str, year: u16) {
        if !(1990..=2100).contains(&year) {
            self.push(
                path.to_string(),
                Problem::OutOfRange {
                    value: f64::from(year),
                    expected: "a year from 1990 to 2100",
                },
            );
        }
    }

    fn non_empty(&mut self, path: &str, text: &str) {
        if text.trim().is_empty() {
            self.push(
                path.to_string(),
                Problem::BadText("must not be empty".into()),
            );
        }
    }

    fn source_ref(&mut self, path: &str, id: &str, ctx: &Context<'_>) {
        if !ctx.sources.contains_key(id) {
            self.push(
                format!("{path}.source"),
                Problem::UnknownSource(id.to_string()),
            );
        }
    }

    /// A statement's claim is about an area the dataset has and names at least one measure;
    /// a date is a date. Its comparators may be areas the dataset lacks (a base before its
    /// area figures are added): the page then says it has no figure for them.
    fn claim(&mut self, path: &str, claim: Option<&crate::model::Claim>, ctx: &Context<'_>) {
        match claim {
            Some(crate::model::Claim::Above { area, measures, .. }) => {
                self.area_ref(path, area, ctx);
                if measures.is_empty() {
                    self.push(
                        format!("{path}.measures"),
                        Problem::BadText("no measure: a claim names what it is about".into()),
                    );
                }
            }
            Some(crate::model::Claim::Leadership { since, .. }) if !is_iso_date(since) => {
                self.push(
                    format!("{path}.since"),
                    Problem::BadText(format!("`{since}` is not a date (YYYY-MM-DD)")),
                );
            }
            _ => {}
        }
    }

    fn area_ref(&mut self, path: &str, id: &str, ctx: &Context<'_>) {
        if !ctx.areas.contains_key(id) {
            self.push(format!("{path}.area"), Problem::UnknownArea(id.to_string()));
        }
    }
}

/// True for a real calendar date written `YYYY-MM-DD`.
pub use crate::dates::is_iso as is_iso_date;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{bundled, BUNDLED_JSON};
    use serde_json::{json, Value};

    /// Applies `edit` to the bundled dataset and returns every error message, one per line.
    fn errors_after(edit: impl FnOnce(&mut Value)) -> String {
        let mut doc: Value = serde_json::from_str(BUNDLED_JSON).unwrap_or(Value::Null);
        edit(&mut doc);
        match Dataset::from_json(&doc.to_string()) {
            Ok(_) => String::new(),
            Err(e) => e.to_string(),
        }
    }

    /// Asserts that the edit is refused with a message containing `expected`.
    fn check(edit: impl FnOnce(&mut Value), expected: &str) {
        let got = errors_after(edit);
        assert!(
            got.contains(expected),
            "expected an error containing\n  {expected}\ngot\n  {got}"
        );
    }

    #[test]
    fn the_bundled_dataset_is_valid() {
        let ds = bundled();
        assert_eq!(ds.raw().schema_version, SCHEMA_VERSION);
        assert_eq!(ds.raw().cohorts.len(), 4);
        assert_eq!(ds.raw().schools.len(), 7);
    }

    #[test]
    fn every_figure_cites_a_source_that_exists() {
        // The validator enforces it; this says it as a property of the shipped file.
        let ds = bundled();
        let raw = ds.raw();
        let cited = raw
            .area_progress
            .iter()
            .map(|p| &p.source)
            .chain(raw.fsm.iter().map(|f| &f.source))
            .chain(raw.ofsted_distributions.iter().map(|d| &d.source))
            .chain(
                raw.schools
                    .iter()
                    .flat_map(|s| s.ks2.iter().map(|r| &r.source)),
            )
            .chain(
                raw.schools
                    .iter()
                    .flat_map(|s| s.ofsted.iter().map(|i| &i.source)),
            );
        for id in cited {
            assert!(ds.source(id).is_some(), "{id} is not a source");
        }
    }

    #[test]
    fn text_that_is_not_json_names_line_and_column() {
        let err = Dataset::from_json("{\n  \"schema_version\": 1,\n  oops\n}")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("line 3"), "{err}");
    }

    #[test]
    fn an_empty_file_is_refused() {
        assert!(Dataset::from_json("").is_err());
    }

    #[test]
    fn a_missing_field_is_named_with_its_path() {
        check(
            |d| {
                d["schools"][2].as_object_mut().map(|o| o.remove("name"));
            },
            "schools[2]: missing field `name`",
        );
    }

    #[test]
    fn a_wrong_type_is_named_with_its_path() {
        check(
            |d| d["cohorts"][1]["schools"][0] = json!("143485"),
            "cohorts[1].schools[0]: invalid type: string \"143485\", expected u32",
        );
    }

    #[test]
    fn an_unknown_urn_in_a_cohort_is_refused() {
        check(
            |d| d["cohorts"][2]["schools"] = json!([144441, 999999]),
            "cohorts[2].schools[1]: unknown URN 999999",
        );
    }

    #[test]
    fn an_unknown_source_is_refused() {
        check(
            |d| d["fsm"][0]["source"] = json!("nowhere"),
            "fsm[0].source: unknown source id `nowhere`",
        );
    }

    #[test]
    fn an_unknown_area_is_refused() {
        check(
            |d| d["area_progress"][0]["area"] = json!("atlantis"),
            "area_progress[0].area: unknown area `atlantis`",
        );
    }

    #[test]
    fn a_duplicate_urn_is_refused() {
        check(
            |d| d["schools"][1]["urn"] = json!(123997),
            "schools[1]: duplicate URN `123997`, first given at schools[0]",
        );
    }

    #[test]
    fn a_duplicate_cohort_id_is_refused() {
        check(
            |d| d["cohorts"][1]["id"] = json!("seven-stars"),
            "cohorts[1]: duplicate cohort id `seven-stars`",
        );
    }

    #[test]
    fn a_duplicate_area_figure_is_refused() {
        check(
            |d| d["area_progress"][1]["subject"] = json!("reading"),
            "area_progress[1]: duplicate figure for area, year, pupils and subject",
        );
    }

    #[test]
    fn an_out_of_range_score_is_refused() {
        check(
            |d| d["schools"][0]["ks2"][0]["maths"]["value"] = json!(64.0),
            "schools[0].ks2[0].maths.value: 64 is out of range: expected a KS2 progress score from -30 to +30",
        );
    }

    #[test]
    fn a_percentage_over_100_is_refused() {
        check(
            |d| d["fsm"][1]["percent"] = json!(145),
            "fsm[1].percent: 145 is out of range",
        );
    }

    #[test]
    fn a_non_finite_number_is_refused() {
        // JSON has no NaN; a file written by a careless tool may have it as a bare word.
        let text = BUNDLED_JSON.replacen("\"value\":0.2", "\"value\":NaN", 1);
        let err = Dataset::from_json(&text)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("area_progress[1].value"), "{err}");
    }

    #[test]
    fn a_confidence_interval_must_contain_its_value() {
        check(
            |d| {
                d["schools"][0]["ks2"][0]["writing"] = json!({"value": -1.7, "lower": -1.0, "upper": 2.0})
            },
            "schools[0].ks2[0].writing: confidence interval -1 to 2 does not contain the value -1.7",
        );
    }

    #[test]
    fn an_unsupported_schema_version_says_which_version_is_read() {
        check(
            |d| d["schema_version"] = json!(3),
            "schema_version: schema_version 3 is not supported: this dashboard reads version 2",
        );
    }

    #[test]
    fn a_version_1_file_is_told_how_to_come_up_to_date() {
        check(
            |d| d["schema_version"] = json!(1),
            "schema_version: schema_version 1 is not supported: this dashboard reads version 2. Version 2 adds the area series over time and changes nothing else",
        );
    }

    #[test]
    fn a_newer_file_with_fields_this_build_does_not_know_is_told_its_version() {
        // The full parse fails on the unknown field; the version is the message.
        check(
            |d| {
                d["schema_version"] = json!(3);
                d["new_in_version_3"] = json!([]);
            },
            "schema_version: schema_version 3 is not supported",
        );
    }

    #[test]
    fn a_version_written_as_text_or_a_list_is_quoted_back() {
        check(
            |d| d["schema_version"] = json!("2"),
            "schema_version \"2\" is not supported",
        );
        check(
            |d| d["schema_version"] = json!([2]),
            "schema_version a list is not supported",
        );
    }

    #[test]
    fn a_missing_schema_version_is_refused() {
        check(
            |d| {
                d.as_object_mut().map(|o| o.remove("schema_version"));
            },
            "schema_version missing is not supported",
        );
    }

    #[test]
    fn an_impossible_date_is_refused() {
        check(
            |d| d["schools"][0]["ofsted"][0]["date"] = json!("2017-02-30"),
            "schools[0].ofsted[0].date: `2017-02-30` is not a date",
        );
    }

    #[test]
    fn an_unknown_judgement_is_refused() {
        check(
            |d| d["schools"][0]["ofsted"][0]["judgement"] = json!("excellent"),
            "schools[0].ofsted[0].judgement: unknown variant `excellent`",
        );
    }

    #[test]
    fn start_waves_cannot_exceed_the_cohort_total() {
        check(
            |d| d["programme"]["start_waves"][1]["cohorts"] = json!(9),
            "programme.start_waves: 16 cohorts started, more than cohorts_total 12",
        );
    }

    #[test]
    fn a_cohort_id_must_be_fit_for_a_link() {
        check(
            |d| d["cohorts"][0]["id"] = json!("Seven Stars"),
            "cohorts[0].id: cohort id `Seven Stars` must be lowercase",
        );
    }

    #[test]
    fn every_problem_is_reported_not_just_the_first() {
        let got = errors_after(|d| {
            d["fsm"][0]["source"] = json!("nowhere");
            d["cohorts"][0]["schools"] = json!([1234567]);
        });
        assert!(got.contains("fsm[0].source"), "{got}");
        assert!(
            got.contains("cohorts[0].schools[0]: unknown URN 1234567"),
            "{got}"
        );
    }

    #[test]
    fn too_many_schools_are_refused_before_validation() {
        let mut raw = bundled().raw().clone();
        let template = raw.schools[0].clone();
        raw.schools = (0..=MAX_SCHOOLS as u32)
            .map(|i| crate::model::School {
                urn: 100_000 + i,
                ..template.clone()
            })
            .collect();
        let err = Dataset::try_from(raw)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert_eq!(err, "schools: 25001 schools: at most 25000 are read");
    }

    #[test]
    fn an_oversized_file_is_refused_unread() {
        let big = " ".repeat(MAX_INPUT_BYTES + 1);
        let err = Dataset::from_json(&big)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.contains("datasets larger than 64 MB are not read"),
            "{err}"
        );
    }

    #[test]
    fn dates_are_checked_as_calendar_dates() {
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2023-02-29"));
        assert!(!is_iso_date("2017-3-9"));
        assert!(!is_iso_date("42803"));
    }
}
