//! Schools: URNs, names, KS2 results by year, inspections, facts.

use super::{is_iso_date, Context, Validator};
use crate::error::Problem;
use crate::model::{Inspection, School};

impl Validator {
    pub(super) fn school(&mut self, path: &str, s: &School, ctx: &Context<'_>) {
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
        self.index(
            "KS2 year",
            &format!("{path}.ks2"),
            s.ks2.iter().map(|r| r.year),
        );
        for (j, r) in s.ks2.iter().enumerate() {
            let here = format!("{path}.ks2[{j}]");
            self.source_ref(&here, &r.source, ctx);
            self.year(&format!("{here}.year"), r.year);
            for subject in crate::model::Subject::ALL {
                let field = subject.label().to_lowercase();
                if let Some(score) = r.score(subject) {
                    self.score(&format!("{here}.{field}"), score);
                }
                if let Some(score) = r.disadvantaged.as_ref().and_then(|d| d.score(subject)) {
                    self.score(&format!("{here}.disadvantaged.{field}"), score);
                }
            }
            if let Some(p) = r.disadvantaged_percent.get() {
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
        self.index(
            "school fact",
            &format!("{path}.facts"),
            s.facts.iter().map(|f| f.measure.label()),
        );
        for (j, f) in s.facts.iter().enumerate() {
            let here = format!("{path}.facts[{j}]");
            self.source_ref(&here, &f.source, ctx);
            self.year(&format!("{here}.year"), f.year);
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

    pub(super) fn inspection(&mut self, path: &str, ins: &Inspection, ctx: &Context<'_>) {
        self.source_ref(path, &ins.source, ctx);
        if !is_iso_date(&ins.date) {
            self.push(
                format!("{path}.date"),
                Problem::BadText(format!("`{}` is not a date: expected YYYY-MM-DD", ins.date)),
            );
        }
    }
}
