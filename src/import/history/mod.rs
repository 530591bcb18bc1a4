//! The schools over time: yearly KS2 results followed through academy conversions, school
//! facts (type, pupils on roll, free-school-meal shares) and inspection histories, for the
//! listed schools and for the other schools of the home authority, which become
//! `area_schools` (the pool for like-for-like comparison).
//!
//! A school keeps one identity through its predecessors and successors (the links file):
//! every figure found under another URN of that chain is kept with the URN and name it was
//! published under. Two figures for one school-year from different URNs of a chain, and an
//! inspection that two files date alike but judge differently, are warnings, never resolved
//! silently. Each step is a function of its own, in the order [`add`] runs them.

mod figures;
mod graded;
mod lineages;
mod results;
mod rows;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::ks2::SchoolFacts;
use super::links::{read_into, LinkKind, Links};
use super::ofsted::read_ofsted;
use super::*;
use crate::model::{SchoolFact, SchoolType};
use rows::Row;

/// Graded-inspection history files are read with this source id; the base dataset may define
/// it (with a full citation), else the file is cited by name.
const HISTORY_SOURCE: &str = "ofsted-graded-history";

/// A source id the base may define; else one citing the file.
fn cite(raw: &mut RawDataset, id: &str, file: &str, publisher: &str, what: &str) -> String {
    if !raw.sources.iter().any(|s| s.id == id) {
        raw.sources
            .push(super::file_source(id, file, publisher, what));
    }
    id.to_string()
}

/// Whether an import asks for the schools over time.
pub(super) fn asked(inputs: &Inputs<'_>) -> bool {
    inputs.census.is_some()
        || inputs.fsm.is_some()
        || inputs.inspections.is_some()
        || inputs.spine.is_some()
}

/// One school's identity: the URN it is listed under and every URN it has had.
struct Identity {
    urn: Urn,
    chain: Vec<Urn>,
    member: bool,
}

/// The schools a school has been, through every link in either direction, itself first.
fn chain(links: &Links, urn: Urn) -> Vec<Urn> {
    let mut out = vec![urn];
    for u in links
        .predecessors(urn)
        .into_iter()
        .chain(links.successors(urn))
    {
        if !out.contains(&u) {
            out.push(u);
        }
    }
    out
}

/// The listed schools first, then the home authority's others, each URN in one chain only.
fn identities(
    members: &[Urn],
    rows: &BTreeMap<Urn, Row>,
    links: &Links,
    home: Option<u16>,
) -> (Vec<Identity>, BTreeSet<Urn>) {
    let mut claimed: BTreeSet<Urn> = BTreeSet::new();
    let mut ids: Vec<Identity> = Vec::new();
    for m in members {
        let ch = chain(links, *m);
        claimed.extend(ch.iter().copied());
        ids.push(Identity {
            urn: *m,
            chain: ch,
            member: true,
        });
    }
    let Some(h) = home else {
        return (ids, claimed);
    };
    for (u, _) in rows.iter().filter(|(_, r)| r.la == Some(h)) {
        if claimed.contains(u) {
            continue;
        }
        let ch: Vec<Urn> = chain(links, *u)
            .into_iter()
            .filter(|x| !claimed.contains(x))
            .collect();
        claimed.extend(ch.iter().copied());
        ids.push(Identity {
            urn: *u,
            chain: ch,
            member: false,
        });
    }
    (ids, claimed)
}

/// The links file's warnings about the schools this import keeps; and a conversion the
/// links file dates differently from the school list's closing date.
fn warn_about_links(
    links: &Links,
    rows: &BTreeMap<Urn, Row>,
    claimed: &BTreeSet<Urn>,
    summary: &mut Summary,
) {
    for w in &links.warnings {
        let line = links.lines.iter().find(|l| l.line == w.line);
        if line.is_some_and(|l| claimed.contains(&l.urn) || claimed.contains(&l.link))
            && !w.found.contains("found in no file")
        {
            summary.warnings.push(w.to_string());
        }
    }
    let mut told: BTreeSet<Urn> = BTreeSet::new();
    for l in &links.lines {
        let closing = match l.kind {
            LinkKind::Successor => l.urn,
            LinkKind::Predecessor => l.link,
        };
        let (Some(d), Some((closed, file, line))) =
            (&l.date, rows.get(&closing).and_then(|r| r.closed.as_ref()))
        else {
            continue;
        };
        let apart = crate::dates::days_apart(d, closed).unwrap_or(0);
        if claimed.contains(&closing) && apart > 1 && told.insert(closing) {
            summary.warnings.push(format!(
                "{file}:{line}: CLOSEDATE: URN {closing} closes on {closed}, but the links file (line {}) dates its conversion {d}; both kept as published",
                l.line
            ));
        }
    }
}

/// Each URN's name: the files' own, else the school list's, the links file's, the base's.
fn names(
    claimed: &BTreeSet<Urn>,
    found: &HashMap<Urn, SchoolFacts>,
    rows: &BTreeMap<Urn, Row>,
    links: &Links,
    raw: &RawDataset,
) -> BTreeMap<Urn, String> {
    claimed
        .iter()
        .filter_map(|u| {
            let name = found
                .get(u)
                .and_then(|f| f.name.clone())
                .or_else(|| rows.get(u).and_then(|r| r.name.clone()))
                .or_else(|| {
                    links
                        .lines
                        .iter()
                        .find(|l| l.link == *u)
                        .map(|l| l.name.clone())
                })
                .or_else(|| {
                    raw.schools
                        .iter()
                        .find(|s| s.urn == *u)
                        .map(|s| s.name.clone())
                })?;
            Some((*u, name))
        })
        .collect()
}

/// Ofsted's file of latest inspections, for the chains' URNs other than the listed schools'
/// own (whose rows a cohort list's import or a base already holds).
fn read_listed(
    inputs: &Inputs<'_>,
    raw: &mut RawDataset,
    wanted: &BTreeSet<Urn>,
    found: &mut HashMap<Urn, SchoolFacts>,
    c: &mut Collector,
    summary: &mut Summary,
) {
    let Some(first) = inputs.ofsted.first() else {
        return;
    };
    let id = super::cells::date_in_name(first.name)
        .map(|d| d[..7].to_string())
        .map_or("ofsted-mi".to_string(), |m| format!("ofsted-mi-{m}"));
    let id = cite(raw, &id, first.name, "Ofsted", "Ofsted inspection outcomes");
    for f in &inputs.ofsted {
        read_ofsted(*f, wanted, &id, found, c, summary);
    }
}

/// What one school's figures are, before they are placed.
struct Assembled {
    shown: Urn,
    ks2: Vec<Ks2Result>,
    facts: Vec<SchoolFact>,
    school_type: Option<SchoolType>,
    lineage: inspected::Lineage,
}

/// Adds the schools over time. `fill_members`: the listed schools' KS2 results are read here
/// too (a base dataset); otherwise the cohort list's import already read them.
pub(super) fn add(
    inputs: &Inputs<'_>,
    raw: &mut RawDataset,
    fill_members: bool,
    c: &mut Collector,
    summary: &mut Summary,
) {
    let side: Vec<InputFile<'_>> = [inputs.spine, inputs.census, inputs.fsm]
        .into_iter()
        .flatten()
        .collect();
    let rows = rows::read_rows(&side, c, summary);
    let members: Vec<Urn> = raw.schools.iter().map(|s| s.urn).collect();
    let known: BTreeSet<Urn> = rows.keys().chain(members.iter()).copied().collect();
    let links = inputs
        .links
        .map(|f| read_into(f, &known, c))
        .unwrap_or_default();
    let home = inputs.home_la.or(inputs.areas.map(|a| a.home));
    let (ids, claimed) = identities(&members, &rows, &links, home);
    warn_about_links(&links, &rows, &claimed, summary);

    let mut found: HashMap<Urn, SchoolFacts> = HashMap::new();
    results::read(inputs, raw, &claimed, &mut found, c, summary);
    let others: BTreeSet<Urn> = claimed
        .difference(&known_members(&members))
        .copied()
        .collect();
    read_listed(inputs, raw, &others, &mut found, c, summary);
    let history = match inputs.inspections {
        Some(f) => {
            let id = cite(raw, HISTORY_SOURCE, f.name, "Ofsted", "Graded inspections");
            graded::read_history(f, &claimed, &id, c, summary)
        }
        None => BTreeMap::new(),
    };
    let figures = figures::read(inputs, raw, &claimed, c, summary);
    let spine_id = inputs.spine.map(|f| {
        cite(
            raw,
            "dfe-spine",
            f.name,
            "Department for Education",
            "School information",
        )
    });
    if !c.errors.is_empty() {
        return;
    }
    let list_file = inputs.spine.map_or("school list", |f| f.name);
    let openings = lineages::openings(&links, &rows, &claimed, list_file, &mut summary.warnings);
    let names = names(&claimed, &found, &rows, &links, raw);
    let name_of = |u: Urn| names.get(&u).cloned().unwrap_or_else(|| format!("URN {u}"));
    let records = graded::Records {
        listed: &found,
        history: &history,
        history_source: HISTORY_SOURCE,
        history_name: inputs.inspections.map_or("", |f| f.name),
    };

    let mut area_schools = Vec::new();
    for id in &ids {
        let Some(shown) = results::shown_urn(id, &found) else {
            continue;
        };
        let counted = !id.member || fill_members;
        let school_type = std::iter::once(&shown)
            .chain(id.chain.iter())
            .find_map(|u| rows.get(u).and_then(|r| r.nftype.clone()))
            .zip(spine_id.clone())
            .map(|(name, source)| SchoolType { name, source });
        let figures_of = Assembled {
            shown,
            ks2: results::results_of(id, shown, &found, &name_of, counted, summary),
            facts: figures::facts_of(id, shown, &figures, &name_of),
            school_type,
            lineage: lineages::lineage_of(id, shown, &links, &openings, &name_of),
        };
        if id.member {
            place_member(raw, id, figures_of, &rows, &records, fill_members, summary);
        } else if let Some(s) = area_school(id, figures_of, &rows, &records, &name_of, summary) {
            area_schools.push(s);
        }
    }
    crate::order::sort_by(&mut area_schools, |a, b| {
        a.name.cmp(&b.name).then(a.urn.cmp(&b.urn))
    });
    raw.area_schools = area_schools;
}

fn known_members(members: &[Urn]) -> BTreeSet<Urn> {
    members.iter().copied().collect()
}

/// A listed school takes its figures over time; its own inspections are settled with the
/// chain's by the one rule.
fn place_member(
    raw: &mut RawDataset,
    id: &Identity,
    a: Assembled,
    rows: &BTreeMap<Urn, Row>,
    records: &graded::Records<'_>,
    fill_members: bool,
    summary: &mut Summary,
) {
    let Some(s) = raw.schools.iter_mut().find(|s| s.urn == id.urn) else {
        return;
    };
    if fill_members {
        for r in a.ks2 {
            s.ks2.retain(|o| o.year != r.year);
            s.ks2.push(r);
        }
        crate::order::sort_by_key(&mut s.ks2, |r| r.year);
    }
    let own = std::mem::take(&mut s.ofsted);
    s.ofsted = graded::inspections_of(id, &a.lineage, own, records, summary);
    if a.school_type.is_some() {
        s.school_type = a.school_type;
    }
    // A cohort list knows no kinds: the school list's type and ages tell them.
    if !fill_members {
        if let Some(k) = rows::kind_of(&id.chain, rows.get(&id.urn), rows) {
            s.kind = k;
        }
    }
    if !a.facts.is_empty() {
        s.facts = a.facts;
    }
}

/// Another school of the home authority, where it has KS2 results.
fn area_school(
    id: &Identity,
    a: Assembled,
    rows: &BTreeMap<Urn, Row>,
    records: &graded::Records<'_>,
    name_of: &dyn Fn(Urn) -> String,
    summary: &mut Summary,
) -> Option<School> {
    if a.ks2.is_empty() {
        return None;
    }
    let kind = rows::kind_of(&id.chain, rows.get(&a.shown), rows).unwrap_or(SchoolKind::Primary);
    let ofsted = graded::inspections_of(id, &a.lineage, Vec::new(), records, summary);
    summary.area_schools += 1;
    Some(School {
        urn: a.shown,
        name: name_of(a.shown),
        kind,
        ks2: a.ks2,
        no_ks2_reason: None,
        ofsted,
        report_extracts: Vec::new(),
        school_type: a.school_type,
        facts: a.facts,
    })
}

#[cfg(test)]
mod tests;
