//! KS2 results through a school's conversions: every URN of every chain is read from each
//! yearly file, and a school's year is its shown URN's where that publishes a score, else the
//! one other URN of its chain that does (kept with the URN and name it was published under).
//! Two other URNs publishing one year is a warning, and neither is kept.

use std::collections::{BTreeSet, HashMap};

use super::super::ks2::{read_ks2, SchoolFacts};
use super::super::*;
use super::{cite, Identity};
use crate::model::PublishedAs;

/// Reads every yearly KS2 file for the wanted URNs, each result citing its year's source.
pub(super) fn read(
    inputs: &Inputs<'_>,
    raw: &mut RawDataset,
    wanted: &BTreeSet<Urn>,
    found: &mut HashMap<Urn, SchoolFacts>,
    c: &mut Collector,
    summary: &mut Summary,
) {
    for (i, (file, year)) in inputs.ks2.iter().enumerate() {
        read_ks2(
            *file,
            *year,
            wanted,
            &format!("\u{0}{i}"),
            found,
            c,
            summary,
        );
    }
    for f in found.values_mut() {
        for r in &mut f.ks2 {
            let i: usize = r.source.trim_start_matches('\u{0}').parse().unwrap_or(0);
            let name = inputs.ks2.get(i).map_or("", |(f, _)| f.name);
            r.source = cite(
                raw,
                &format!("dfe-ks2-{}", r.year),
                name,
                "Department for Education",
                "KS2 school-level performance data",
            )
            .into();
        }
    }
}

/// Whether a result publishes any subject's score.
fn scored(r: &Ks2Result) -> bool {
    Subject::ALL.iter().any(|s| r.score(*s).is_some())
}

/// The URN a school is shown under: a listed school's own; for another, the URN of its chain
/// with the latest scored results (`None`: it has none, and is left out).
pub(super) fn shown_urn(id: &Identity, found: &HashMap<Urn, SchoolFacts>) -> Option<Urn> {
    if id.member {
        return Some(id.urn);
    }
    let latest = |u: &Urn| {
        found
            .get(u)
            .into_iter()
            .flat_map(|f| f.ks2.iter())
            .filter(|r| scored(r))
            .map(|r| r.year)
            .max()
    };
    id.chain
        .iter()
        .filter_map(|u| latest(u).map(|y| (y, *u)))
        .max()
        .map(|(_, u)| u)
}

/// A school's results, year by year, through its chain.
pub(super) fn results_of(
    id: &Identity,
    shown: Urn,
    found: &HashMap<Urn, SchoolFacts>,
    name_of: &dyn Fn(Urn) -> String,
    counted: bool,
    summary: &mut Summary,
) -> Vec<Ks2Result> {
    let mut out: Vec<Ks2Result> = Vec::new();
    let years: BTreeSet<u16> = id
        .chain
        .iter()
        .filter_map(|u| found.get(u))
        .flat_map(|f| f.ks2.iter().map(|r| r.year))
        .collect();
    for y in years {
        let of = |u: &Urn| {
            found
                .get(u)
                .and_then(|f| f.ks2.iter().find(|r| r.year == y))
        };
        if let Some(r) = of(&shown).filter(|r| scored(r)) {
            out.push(r.clone());
            continue;
        }
        let others: Vec<(Urn, &Ks2Result)> = id
            .chain
            .iter()
            .filter(|u| **u != shown)
            .filter_map(|u| of(u).filter(|r| scored(r)).map(|r| (*u, r)))
            .collect();
        match others.as_slice() {
            [(u, r)] => {
                let mut r = (*r).clone();
                r.published_as = Some(Box::new(PublishedAs {
                    urn: *u,
                    name: name_of(*u),
                }));
                if counted {
                    summary.from_predecessors += 1;
                }
                out.push(r);
            }
            [] => {
                if let Some(r) = of(&shown) {
                    out.push(r.clone());
                }
            }
            many => summary.warnings.push(format!(
                "{}: {y}: KS2 results published under {} URNs of one school's chain ({}): none kept",
                name_of(shown),
                many.len(),
                many.iter().map(|(u, _)| u.to_string()).collect::<Vec<_>>().join(", ")
            )),
        }
    }
    out
}
