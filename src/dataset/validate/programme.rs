//! The programme, its cohorts and its statements (each claim names an area and a measure).

use super::{is_iso_date, Context, Validator};
use crate::error::Problem;
use crate::model::{Cohort, RawDataset};

impl Validator {
    pub(super) fn check_programme(&mut self, raw: &RawDataset, ctx: &Context<'_>) {
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

    pub(super) fn cohort(&mut self, path: &str, c: &Cohort, ctx: &Context<'_>) {
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
        self.index(
            "member URN",
            &format!("{path}.schools"),
            c.schools.iter().copied(),
        );
        for (j, urn) in c.schools.iter().enumerate() {
            if !ctx.schools.contains_key(urn) {
                self.push(format!("{path}.schools[{j}]"), Problem::UnknownUrn(*urn));
            }
        }
    }

    /// A statement's claim is about an area the dataset has and names at least one measure;
    /// a date is a date. Its comparators may be areas the dataset lacks (a base before its
    /// area figures are added): the page then says it has no figure for them.
    pub(super) fn claim(
        &mut self,
        path: &str,
        claim: Option<&crate::model::Claim>,
        ctx: &Context<'_>,
    ) {
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
}
