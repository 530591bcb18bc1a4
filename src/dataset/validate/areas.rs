//! Validation of the area context and the yearly area series (schema version 2): every
//! reference resolves, each series is unique and its years are unique, values lie in their
//! measure's range, and precision is one a source could publish.

use std::collections::HashSet;

use super::{Context, Validator};
use crate::dataset::PROGRESS_LIMIT;
use crate::error::Problem;
use crate::model::{AreaSeries, RawDataset};

/// Most decimal places a published area figure has.
pub const MAX_DECIMALS: u8 = 4;

impl Validator {
    pub(super) fn check_areas(&mut self, raw: &RawDataset, ctx: &Context<'_>) {
        if let Some(c) = &raw.context {
            self.area_id_ref("context.home", &c.home, ctx);
            self.area_id_ref("context.country", &c.country, ctx);
            if let Some(r) = &c.region {
                self.area_id_ref("context.region", r, ctx);
            }
            let mut seen = HashSet::new();
            for (i, n) in c.neighbours.iter().enumerate() {
                let path = format!("context.neighbours[{i}]");
                self.area_id_ref(&path, n, ctx);
                if !seen.insert(n.as_str()) || *n == c.home {
                    self.push(
                        path,
                        Problem::Inconsistent(format!(
                            "`{n}` is listed twice or is the home area itself"
                        )),
                    );
                }
            }
            if let Some(s) = &c.neighbours_source {
                self.source_ref("context.neighbours", s, ctx);
            }
        } else if !raw.area_series.is_empty() {
            self.push(
                "context",
                Problem::Inconsistent(
                    "area_series is given without a context saying which area is home".into(),
                ),
            );
        }
        self.index(
            "series for area, measure and pupils",
            "area_series",
            raw.area_series
                .iter()
                .map(|s| format!("{} {:?} {:?}", s.area, s.measure, s.pupils)),
        );
        for (i, s) in raw.area_series.iter().enumerate() {
            let path = format!("area_series[{i}]");
            self.area_series(&path, s, ctx);
        }
    }

    fn area_id_ref(&mut self, path: &str, id: &str, ctx: &Context<'_>) {
        if !ctx.areas.contains_key(id) {
            self.push(path.to_string(), Problem::UnknownArea(id.to_string()));
        }
    }

    fn area_series(&mut self, path: &str, s: &AreaSeries, ctx: &Context<'_>) {
        self.area_ref(path, &s.area, ctx);
        self.source_ref(path, &s.source, ctx);
        let mut years = HashSet::new();
        let mut last = 0u16;
        for (j, p) in s.points.iter().enumerate() {
            let pp = format!("{path}.points[{j}]");
            self.year(&format!("{pp}.year"), p.year);
            if !years.insert(p.year) {
                self.push(
                    format!("{pp}.year"),
                    Problem::Inconsistent(format!("year {} is given twice", p.year)),
                );
            } else if p.year < last {
                self.push(
                    format!("{pp}.year"),
                    Problem::Inconsistent(format!(
                        "year {} comes after {last}: points must be oldest first",
                        p.year
                    )),
                );
            }
            last = last.max(p.year);
            if let Some(src) = &p.source {
                self.source_ref(&pp, src, ctx);
            }
            if p.decimals > MAX_DECIMALS {
                self.push(
                    format!("{pp}.decimals"),
                    Problem::OutOfRange {
                        value: f64::from(p.decimals),
                        expected: "0 to 4 decimal places",
                    },
                );
            }
            if let Some(v) = p.value {
                let path = format!("{pp}.value");
                if s.measure.is_percent() {
                    self.in_range(&path, v, 0.0, 100.0, "a percentage from 0 to 100");
                } else {
                    self.in_range(
                        &path,
                        v,
                        -PROGRESS_LIMIT,
                        PROGRESS_LIMIT,
                        "a KS2 progress score from -30 to +30",
                    );
                }
            }
        }
    }
}
