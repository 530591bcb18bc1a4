//! Stage two: a parsed dataset checked for what types cannot say. Every reference resolves,
//! ids are unique (one [`Validator::index`] for every list), numbers are finite and in range,
//! intervals contain their value, dates are dates. Every problem is reported with its JSON
//! path, not just the first. The checks are split by what they are about: the programme and
//! its statements, the schools, the areas.

mod areas;
mod programme;
mod schools;

use std::collections::HashMap;

use super::{is_iso_date, PROGRESS_LIMIT};
use crate::error::{DataError, Problem};
use crate::model::{AreaProgress, RawDataset, Score, Urn};

/// The indexes that references are resolved against.
pub(super) struct Context<'a> {
    pub(super) sources: &'a HashMap<String, usize>,
    pub(super) areas: &'a HashMap<String, usize>,
    pub(super) schools: &'a HashMap<Urn, usize>,
}

#[derive(Default)]
pub(super) struct Validator {
    pub(super) errors: Vec<DataError>,
}

impl Validator {
    pub(super) fn push(&mut self, path: impl Into<String>, problem: Problem) {
        self.errors.push(DataError::at(path, problem));
    }

    /// Maps each key to its position, reporting duplicates.
    pub(super) fn index<K>(
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

    pub(super) fn check_all(&mut self, raw: &RawDataset, ctx: &Context<'_>) {
        for (i, s) in raw.sources.iter().enumerate() {
            self.non_empty(&format!("sources[{i}].id"), &s.id);
            self.non_empty(&format!("sources[{i}].citation"), &s.citation);
        }
        self.check_programme(raw, ctx);
        self.index(
            "figure for area, year, pupils and subject",
            "area_progress",
            raw.area_progress
                .iter()
                .map(|p| format!("{} {} {:?} {:?}", p.area, p.year, p.pupils, p.subject)),
        );
        for (i, p) in raw.area_progress.iter().enumerate() {
            self.area_progress(&format!("area_progress[{i}]"), p, ctx);
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
        // The area's other schools: unique among themselves and never a listed school.
        self.index(
            "URN",
            "area_schools",
            raw.area_schools.iter().map(|s| s.urn),
        );
        for (i, s) in raw.area_schools.iter().enumerate() {
            let here = format!("area_schools[{i}]");
            self.school(&here, s, ctx);
            if let Some(j) = ctx.schools.get(&s.urn) {
                self.push(
                    here,
                    Problem::Duplicate {
                        what: "URN",
                        id: s.urn.to_string(),
                        first: format!("schools[{j}]"),
                    },
                );
            }
        }
    }

    pub(super) fn area_progress(&mut self, path: &str, p: &AreaProgress, ctx: &Context<'_>) {
        self.area_ref(path, &p.area, ctx);
        self.source_ref(path, &p.source, ctx);
        self.year(&format!("{path}.year"), p.year);
        self.score(path, Score::within(p.value, p.lower, p.upper));
    }

    pub(super) fn score(&mut self, path: &str, s: Score) {
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
        let lower_ok = s.lower.get().is_none_or(|l| {
            self.in_range(
                &format!("{path}.lower"),
                l,
                -PROGRESS_LIMIT,
                PROGRESS_LIMIT,
                "a KS2 progress score from -30 to +30",
            )
        });
        let upper_ok = s.upper.get().is_none_or(|u| {
            self.in_range(
                &format!("{path}.upper"),
                u,
                -PROGRESS_LIMIT,
                PROGRESS_LIMIT,
                "a KS2 progress score from -30 to +30",
            )
        });
        if ok && lower_ok && upper_ok {
            let lower = s.lower.get().unwrap_or(s.value);
            let upper = s.upper.get().unwrap_or(s.value);
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
    pub(super) fn in_range(
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

    pub(super) fn year(&mut self, path: &str, year: u16) {
        if !crate::dates::YEARS.contains(&year) {
            self.push(
                path.to_string(),
                Problem::OutOfRange {
                    value: f64::from(year),
                    expected: "a year from 1990 to 2100",
                },
            );
        }
    }

    pub(super) fn non_empty(&mut self, path: &str, text: &str) {
        if text.trim().is_empty() {
            self.push(
                path.to_string(),
                Problem::BadText("must not be empty".into()),
            );
        }
    }

    pub(super) fn source_ref(&mut self, path: &str, id: &str, ctx: &Context<'_>) {
        if !ctx.sources.contains_key(id) {
            self.push(
                format!("{path}.source"),
                Problem::UnknownSource(id.to_string()),
            );
        }
    }

    pub(super) fn area_ref(&mut self, path: &str, id: &str, ctx: &Context<'_>) {
        if !ctx.areas.contains_key(id) {
            self.push(format!("{path}.area"), Problem::UnknownArea(id.to_string()));
        }
    }
}
