//! The schools over time (host-only, for the command): yearly KS2 results followed through
//! academy conversions, school facts (type, pupils on roll, free-school-meal shares) and
//! graded-inspection histories, for the listed schools and for the other schools of the home
//! authority, which become `area_schools` (the pool for like-for-like comparison).
//!
//! A school keeps one identity through its predecessors and successors (the links file):
//! every figure found under another URN of that chain is kept with the URN and name it was
//! published under. Two figures for one school-year from different URNs of a chain, and an
//! inspection that two files date alike but judge differently, are warnings, never resolved
//! silently.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::ks2::{member_rows, read_ks2, SchoolFacts};
use super::links::{read_into, Links};
use super::*;
use crate::model::{FactMeasure, PublishedAs, SchoolFact, SchoolType};

/// Graded-inspection history files are read with these source ids; the base dataset may
/// define them (with a full citation), else the file is cited by name.
const HISTORY_SOURCE: &str = "ofsted-graded-history";

/// One school's rows in the side files, by URN.
#[derive(Debug, Default, Clone)]
struct Row {
    name: Option<String>,
    la: Option<u16>,
    nftype: Option<String>,
    age_low: Option<u8>,
    age_high: Option<u8>,
    special: bool,
    /// `CLOSEDATE` as `YYYY-MM-DD`, with the file and line that give it.
    closed: Option<(String, String, usize)>,
    /// `OPENDATE` as `YYYY-MM-DD`, with its line.
    opened: Option<(String, usize)>,
}

/// A source id the base may define; else one citing the file.
fn cite(raw: &mut RawDataset, id: &str, file: &str, publisher: &str, what: &str) -> String {
    if !raw.sources.iter().any(|s| s.id == id) {
        raw.sources
            .push(super::file_source(id, file, publisher, what));
    }
    id.to_string()
}

/// Reads the spine (`URN`, `LA`, `SCHNAME`, `NFTYPE`, `AGEL`, `AGEH`) and the census (`URN`,
/// `LA`, `SCHOOLTYPE`), and the FSM file's names, into one row per URN.
fn read_rows(
    files: &[InputFile<'_>],
    c: &mut Collector,
    summary: &mut Summary,
) -> BTreeMap<Urn, Row> {
    let mut out: BTreeMap<Urn, Row> = BTreeMap::new();
    for input in files {
        let file = input.name;
        let Some(mut t) = c.take(Table::open(*input)) else {
            continue;
        };
        let Some(ui) = c.take(t.require(&["urn"])) else {
            continue;
        };
        let la = t.find(&["la"]);
        let name = t.find(&["schname", "school_name", "school name"]);
        let nftype = t.find(&["nftype"]);
        let stype = t.find(&["schooltype"]);
        let (agel, ageh) = (t.find(&["agel"]), t.find(&["ageh"]));
        let close = t.find(&["closedate"]);
        let open = t.find(&["opendate"]);
        for row in t.rows() {
            let Some((line, rec)) = c.take(row) else {
                continue;
            };
            summary.rows_read += 1;
            let get = |i: Option<usize>| {
                i.and_then(|i| rec.get(i))
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
            };
            let Some(u) = c.take(urn(file, line, "URN", get(Some(ui)).unwrap_or(""))) else {
                continue;
            };
            let r = out.entry(u).or_default();
            if let Some(v) = get(la) {
                match v.parse::<u16>() {
                    Ok(n) => r.la = Some(n),
                    Err(_) => c
                        .take::<()>(Err(err(
                            file,
                            line,
                            "LA",
                            "a local authority number",
                            quoted(v),
                        )))
                        .unwrap_or(()),
                }
            }
            if r.name.is_none() {
                r.name = get(name).map(str::to_string);
            }
            if let Some(v) = get(nftype) {
                r.special |= v.to_ascii_lowercase().contains("special");
                r.nftype = Some(v.to_string());
            }
            if let Some(v) = get(stype) {
                r.special |= v.to_ascii_lowercase().contains("special");
            }
            if let Some(d) = get(open)
                .and_then(|v| v.get(..10))
                .filter(|d| is_iso_date(d))
            {
                r.opened = Some((d.to_string(), line));
            }
            if let Some(d) = get(close)
                .and_then(|v| v.get(..10))
                .filter(|d| is_iso_date(d))
            {
                r.closed = Some((d.to_string(), file.to_string(), line));
            }
            r.age_low = r.age_low.or_else(|| get(agel).and_then(|v| v.parse().ok()));
            r.age_high = r
                .age_high
                .or_else(|| get(ageh).and_then(|v| v.parse().ok()));
        }
    }
    out
}

/// A school's kind from the school list: special where any URN of its chain is; junior or
/// infant by its age range; `None` where the list has no row for it.
fn kind_of(chain: &[Urn], own: Option<&Row>, rows: &BTreeMap<Urn, Row>) -> Option<SchoolKind> {
    if chain.iter().any(|u| rows.get(u).is_some_and(|r| r.special)) {
        return Some(SchoolKind::Special);
    }
    let r = own?;
    Some(if r.age_low.is_some_and(|a| a >= 7) {
        SchoolKind::Junior
    } else if r.age_high.is_some_and(|a| a <= 8) {
        SchoolKind::Infant
    } else {
        SchoolKind::Primary
    })
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

/// Census-style figures per URN, one map per column, read in one pass over the file.
fn read_figures<const N: usize>(
    input: InputFile<'_>,
    columns: [(&str, &str); N],
    wanted: &BTreeSet<Urn>,
    c: &mut Collector,
    summary: &mut Summary,
) -> [BTreeMap<Urn, f64>; N] {
    let mut out: [BTreeMap<Urn, f64>; N] = std::array::from_fn(|_| BTreeMap::new());
    let file = input.name;
    let Some(mut t) = c.take(Table::open(input)) else {
        return out;
    };
    let Some(ui) = c.take(t.require(&["urn"])) else {
        return out;
    };
    let cols: Vec<Option<usize>> = columns
        .iter()
        .map(|(n, _)| c.take(t.require(&[n])))
        .collect();
    if cols.iter().any(Option::is_none) {
        return out;
    }
    for (line, rec, u) in member_rows(&mut t, ui, wanted, c, summary) {
        for (k, ((column, label), vi)) in columns.iter().zip(&cols).enumerate() {
            let v = vi.and_then(|i| rec.get(i)).unwrap_or("");
            let upper = column.to_ascii_uppercase();
            if let Some(Some(x)) =
                c.take(number(file, line, &upper, v.trim_end_matches('%'), label))
            {
                if let Some(map) = out.get_mut(k) {
                    map.insert(u, x);
                }
            }
        }
    }
    out
}

/// Graded inspections (`URN`, `Rating`, `Inspection Date` as yyyymmdd or a date).
fn read_inspections(
    input: InputFile<'_>,
    wanted: &BTreeSet<Urn>,
    source: &str,
    c: &mut Collector,
    summary: &mut Summary,
) -> BTreeMap<Urn, Vec<Inspection>> {
    let mut out: BTreeMap<Urn, Vec<Inspection>> = BTreeMap::new();
    let file = input.name;
    let Some(mut t) = c.take(Table::open(input)) else {
        return out;
    };
    let cols = (
        c.take(t.require(&["urn"])),
        c.take(t.require(&["rating", "overall effectiveness"])),
        c.take(t.require(&["inspection date", "inspection start date"])),
    );
    let (Some(ui), Some(ri), Some(di)) = cols else {
        return out;
    };
    for (line, rec, u) in member_rows(&mut t, ui, wanted, c, summary) {
        let raw_date = rec.get(di).unwrap_or("").trim();
        let d = if raw_date.len() == 8 && raw_date.bytes().all(|b| b.is_ascii_digit()) {
            let iso = format!("{}-{}-{}", &raw_date[..4], &raw_date[4..6], &raw_date[6..]);
            if is_iso_date(&iso) {
                Some(iso)
            } else {
                c.take::<String>(Err(err(
                    file,
                    line,
                    "Inspection Date",
                    "a date (yyyymmdd or YYYY-MM-DD)",
                    quoted(raw_date),
                )))
            }
        } else {
            c.take(date(file, line, "Inspection Date", raw_date))
        };
        let rating = rec.get(ri).unwrap_or("").trim();
        let j = c.take(judgement(file, line, "Rating", rating));
        let (Some(d), Some(Some(j))) = (d, j) else {
            continue;
        };
        let named = rating
            .eq_ignore_ascii_case("satisfactory")
            .then(|| "Satisfactory".to_string());
        out.entry(u).or_default().push(Inspection {
            date: d,
            judgement: j,
            leadership_and_management: None,
            source: source.to_string(),
            predecessor: None,
            published_as: None,
            named,
            note: None,
        });
    }
    out
}

/// Days between two ISO dates.
fn days_apart(a: &str, b: &str) -> i64 {
    let n = |s: &str| super::links::day_number(s).unwrap_or(0);
    (n(a) - n(b)).abs()
}

/// Adds inspections from a graded history to a school's list: one that a list entry dates
/// within a day is the same inspection (a differing judgement is a warning); a list entry
/// with no graded inspection on its date, judged as the graded one before it, is noted as
/// most likely a short inspection that kept the grade.
fn merge_inspections(
    name: &str,
    list: &mut Vec<Inspection>,
    history: Vec<Inspection>,
    history_file: &str,
    summary: &mut Summary,
) {
    let before: Vec<Inspection> = list.clone();
    for h in history {
        match before.iter().find(|i| days_apart(&i.date, &h.date) <= 1) {
            Some(same) if same.judgement != h.judgement => summary.warnings.push(format!(
                "{history_file}: {name}: the inspection of {} is judged {} there and {} in {}",
                h.date,
                h.judgement.label(),
                same.judgement.label(),
                same.source
            )),
            Some(_) => {}
            None => {
                summary.inspections_added += 1;
                list.push(h);
            }
        }
    }
    let history_dates: Vec<(String, Judgement)> = list
        .iter()
        .filter(|i| i.source == HISTORY_SOURCE)
        .map(|i| (i.date.clone(), i.judgement))
        .collect();
    if history_dates.is_empty() {
        return;
    }
    for i in list
        .iter_mut()
        .filter(|i| i.source != HISTORY_SOURCE && i.note.is_none())
    {
        if history_dates
            .iter()
            .any(|(d, _)| days_apart(d, &i.date) <= 1)
        {
            continue;
        }
        let earlier = history_dates
            .iter()
            .filter(|(d, _)| *d < i.date)
            .max_by(|a, b| a.0.cmp(&b.0));
        if let Some((d, j)) = earlier {
            if *j == i.judgement {
                i.note = Some(format!(
                    "Not in the graded-inspection history, whose latest graded inspection before it, on {}, gave the same judgement: most likely a short inspection that kept the grade.",
                    crate::format::date(d)
                ));
            }
        }
    }
    crate::order::sort_by(list, |a, b| a.date.cmp(&b.date));
}

/// Whether an import asks for the schools over time.
pub(super) fn asked(inputs: &Inputs<'_>) -> bool {
    inputs.census.is_some()
        || inputs.fsm.is_some()
        || inputs.inspections.is_some()
        || inputs.spine.is_some()
}

/// A census file's figures: what, by URN, its year, whether the year is inferred, source.
type Figures<'a> = (
    FactMeasure,
    BTreeMap<Urn, f64>,
    u16,
    bool,
    Option<&'a String>,
);

/// One school's identity: the URN it is shown under and every URN it has had.
struct Identity {
    urn: Urn,
    chain: Vec<Urn>,
    member: bool,
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
    let rows = read_rows(&side, c, summary);
    let home = inputs.home_la.or(inputs.areas.map(|a| a.home));
    let members: Vec<Urn> = raw.schools.iter().map(|s| s.urn).collect();
    let known: BTreeSet<Urn> = rows
        .keys()
        .copied()
        .chain(members.iter().copied())
        .collect();
    let links = inputs
        .links
        .map(|f| read_into(f, &known, c))
        .unwrap_or_default();

    // Identities: the listed schools first, then the home authority's other schools.
    let mut claimed: BTreeSet<Urn> = BTreeSet::new();
    let mut ids: Vec<Identity> = Vec::new();
    for m in &members {
        let ch = chain(&links, *m);
        claimed.extend(ch.iter().copied());
        ids.push(Identity {
            urn: *m,
            chain: ch,
            member: true,
        });
    }
    if let Some(h) = home {
        for (u, _) in rows.iter().filter(|(_, r)| r.la == Some(h)) {
            if claimed.contains(u) {
                continue;
            }
            let ch: Vec<Urn> = chain(&links, *u)
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
    }
    for w in &links.warnings {
        let line = links.lines.iter().find(|l| l.line == w.line);
        if line.is_some_and(|l| claimed.contains(&l.urn) || claimed.contains(&l.link))
            && !w.found.contains("found in no file")
        {
            summary.warnings.push(w.to_string());
        }
    }

    // A conversion the links file dates differently from the school list's closing date.
    let mut told: BTreeSet<Urn> = BTreeSet::new();
    for l in &links.lines {
        let closing = match l.kind {
            super::links::LinkKind::Successor => l.urn,
            super::links::LinkKind::Predecessor => l.link,
        };
        let (Some(d), Some((closed, file, line))) =
            (&l.date, rows.get(&closing).and_then(|r| r.closed.as_ref()))
        else {
            continue;
        };
        if claimed.contains(&closing) && days_apart(d, closed) > 1 && told.insert(closing) {
            summary.warnings.push(format!(
                "{file}:{line}: CLOSEDATE: URN {closing} closes on {closed}, but the links file (line {}) dates its conversion {d}; both kept as published",
                l.line
            ));
        }
    }

    // KS2 results of every URN of every chain, each file's rows citing that file's year.
    let mut found: HashMap<Urn, SchoolFacts> = HashMap::new();
    for (i, (file, year)) in inputs.ks2.iter().enumerate() {
        read_ks2(
            *file,
            *year,
            &claimed,
            &format!("\u{0}{i}"),
            &mut found,
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
            );
        }
    }
    let mi_id = inputs.ofsted.first().map(|f| {
        let id = super::cells::date_in_name(f.name)
            .map(|d| d[..7].to_string())
            .map_or("ofsted-mi".to_string(), |m| format!("ofsted-mi-{m}"));
        cite(raw, &id, f.name, "Ofsted", "Ofsted inspection outcomes")
    });
    let area_only: BTreeSet<Urn> = ids
        .iter()
        .filter(|i| !i.member)
        .flat_map(|i| i.chain.iter().copied())
        .collect();
    if let Some(id) = &mi_id {
        for f in &inputs.ofsted {
            super::ofsted::read_ofsted(*f, &area_only, id, &mut found, c, summary);
        }
    }
    let history = match inputs.inspections {
        Some(f) => {
            let id = cite(raw, HISTORY_SOURCE, f.name, "Ofsted", "Graded inspections");
            read_inspections(f, &claimed, &id, c, summary)
        }
        None => BTreeMap::new(),
    };
    let census_year = inputs.census.and_then(|f| year_in_name(f.name));
    let census_id = inputs.census.map(|f| {
        cite(
            raw,
            &format!("dfe-census-{}", census_year.unwrap_or(0)),
            f.name,
            "Department for Education",
            "School census",
        )
    });
    let fsm_year = inputs.fsm.and_then(|f| year_in_name(f.name));
    let fsm_id = inputs.fsm.map(|f| {
        cite(
            raw,
            &format!("dfe-fsm-{}", fsm_year.unwrap_or(0)),
            f.name,
            "Department for Education",
            "Schools, pupils and their characteristics",
        )
    });
    let spine_id = inputs.spine.map(|f| {
        cite(
            raw,
            "dfe-spine",
            f.name,
            "Department for Education",
            "School information",
        )
    });
    let mut figures: Vec<Figures<'_>> = Vec::new();
    if let Some(f) = inputs.census {
        let Some(y) = census_year else {
            c.take::<()>(Err(err(
                f.name,
                0,
                "year",
                "a year in the file name (the census file does not state one)",
                "none",
            )));
            return;
        };
        let [nor, fsm6] = read_figures(
            f,
            [
                ("nor", "a number of pupils"),
                ("pnumfsmever", "a percentage"),
            ],
            &claimed,
            c,
            summary,
        );
        figures.push((FactMeasure::PupilsOnRoll, nor, y, true, census_id.as_ref()));
        figures.push((
            FactMeasure::FsmEverSixPercent,
            fsm6,
            y,
            true,
            census_id.as_ref(),
        ));
    }
    if let Some(f) = inputs.fsm {
        let Some(y) = fsm_year else {
            c.take::<()>(Err(err(
                f.name,
                0,
                "year",
                "a year in the file name",
                "none",
            )));
            return;
        };
        figures.push((
            FactMeasure::FsmPercent,
            {
                let [fsm] = read_figures(f, [("fsm_prop", "a percentage")], &claimed, c, summary);
                fsm
            },
            y,
            false,
            fsm_id.as_ref(),
        ));
    }
    if !c.errors.is_empty() {
        return;
    }

    let base_names: BTreeMap<Urn, String> = raw
        .schools
        .iter()
        .map(|s| (s.urn, s.name.clone()))
        .collect();
    // A URN's name: the files' own, else the links file's.
    let name_of = |u: Urn, found: &HashMap<Urn, SchoolFacts>| -> String {
        found
            .get(&u)
            .and_then(|f| f.name.clone())
            .or_else(|| rows.get(&u).and_then(|r| r.name.clone()))
            .or_else(|| {
                links
                    .lines
                    .iter()
                    .find(|l| l.link == u)
                    .map(|l| l.name.clone())
            })
            .or_else(|| base_names.get(&u).cloned())
            .unwrap_or_else(|| format!("URN {u}"))
    };

    let mut area_schools = Vec::new();
    for id in &ids {
        // The URN shown: a listed school's own; for others the one with the latest results.
        let latest = |u: &Urn| {
            found
                .get(u)
                .into_iter()
                .flat_map(|f| f.ks2.iter())
                .filter(|r| Subject::ALL.iter().any(|s| r.score(*s).is_some()))
                .map(|r| r.year)
                .max()
        };
        let shown = if id.member {
            id.urn
        } else {
            match id
                .chain
                .iter()
                .filter_map(|u| latest(u).map(|y| (y, *u)))
                .max()
            {
                Some((_, u)) => u,
                None => continue,
            }
        };
        let published_as = |u: Urn| {
            (u != shown).then(|| PublishedAs {
                urn: u,
                name: name_of(u, &found),
            })
        };
        // Results by year: the shown URN's where it publishes a score, else the one other URN
        // of its chain that does; two others are a warning and neither is kept.
        let mut ks2: Vec<Ks2Result> = Vec::new();
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
            let scored = |r: &&Ks2Result| Subject::ALL.iter().any(|s| r.score(*s).is_some());
            if let Some(r) = of(&shown).filter(scored) {
                ks2.push(r.clone());
                continue;
            }
            let others: Vec<(Urn, &Ks2Result)> = id
                .chain
                .iter()
                .filter(|u| **u != shown)
                .filter_map(|u| of(u).filter(scored).map(|r| (*u, r)))
                .collect();
            match others.as_slice() {
                [(u, r)] => {
                    let mut r = (*r).clone();
                    r.published_as = published_as(*u);
                    // A cohort list's own import has counted its members' already.
                    if !id.member || fill_members {
                        summary.from_predecessors += 1;
                    }
                    ks2.push(r);
                }
                [] => {
                    if let Some(r) = of(&shown) {
                        ks2.push(r.clone());
                    }
                }
                many => summary.warnings.push(format!(
                    "{}: {y}: KS2 results published under {} URNs of one school's chain ({}): none kept",
                    name_of(shown, &found),
                    many.len(),
                    many.iter().map(|(u, _)| u.to_string()).collect::<Vec<_>>().join(", ")
                )),
            }
        }
        // Facts: the shown URN's row, else the newest URN of the chain with one.
        let mut facts = Vec::new();
        for (measure, values, year, inferred, source) in &figures {
            let pick = values.get(&shown).map(|v| (shown, *v)).or_else(|| {
                id.chain
                    .iter()
                    .filter_map(|u| values.get(u).map(|v| (*u, *v)))
                    .max_by_key(|(u, _)| *u)
            });
            if let (Some((u, value)), Some(source)) = (pick, source) {
                facts.push(SchoolFact {
                    measure: *measure,
                    value,
                    year: *year,
                    year_inferred: *inferred,
                    published_as: published_as(u),
                    source: (*source).clone(),
                });
            }
        }
        let type_row = std::iter::once(&shown)
            .chain(id.chain.iter())
            .find_map(|u| rows.get(u).and_then(|r| r.nftype.clone()));
        let school_type = type_row
            .zip(spine_id.clone())
            .map(|(name, source)| SchoolType { name, source });
        // Inspections: the graded history of every URN of the chain.
        let mut graded: Vec<Inspection> = Vec::new();
        for u in &id.chain {
            for mut i in history.get(u).cloned().unwrap_or_default() {
                if *u != shown {
                    i.predecessor = Some(!links.successors(shown).contains(u));
                    i.published_as = published_as(*u);
                }
                graded.push(i);
            }
        }
        let history_name = inputs.inspections.map_or("", |f| f.name);
        if id.member {
            let Some(s) = raw.schools.iter_mut().find(|s| s.urn == id.urn) else {
                continue;
            };
            if fill_members {
                for r in ks2 {
                    s.ks2.retain(|o| o.year != r.year);
                    s.ks2.push(r);
                }
                crate::order::sort_by_key(&mut s.ks2, |r| r.year);
            }
            let name = s.name.clone();
            // An inspection dated before this URN opened is its predecessor's: the school
            // list's OPENDATE, or the day after the links file dates its conversion.
            let converted = links
                .lines
                .iter()
                .filter(|l| {
                    (l.urn == id.urn && l.kind == super::links::LinkKind::Predecessor)
                        || (l.link == id.urn && l.kind == super::links::LinkKind::Successor)
                })
                .filter_map(|l| l.date.clone())
                .max();
            let listed_at = rows.get(&id.urn).and_then(|r| r.opened.clone());
            let listed = listed_at.as_ref().map(|(d, _)| d.clone());
            // Two files that date the opening differently: said, and only inspections before
            // both dates are marked.
            if let (Some(a), Some(b)) = (&listed, &converted) {
                if days_apart(a, b) > 1 {
                    summary.warnings.push(format!(
                        "{}:{}: OPENDATE: URN {} opened {a} in the school list, but the links file dates its conversion {b}: inspections between the two are left as they are",
                        inputs.spine.map_or("school list", |f| f.name),
                        listed_at.as_ref().map_or(0, |(_, l)| *l),
                        id.urn
                    ));
                }
            }
            // Before both dates: the predecessor's; on or after both: the school's own; between
            // two disagreeing dates: left unknown.
            let (opened, surely_open) = match (listed, converted) {
                (Some(a), Some(b)) => (Some(a.clone().min(b.clone())), Some(a.max(b))),
                (a, b) => {
                    let one = a.or(b);
                    (one.clone(), one)
                }
            };
            if let Some(opened) = opened {
                let before = links.predecessors(id.urn);
                let inspected = match before.as_slice() {
                    [one] => Some(PublishedAs {
                        urn: *one,
                        name: name_of(*one, &found),
                    }),
                    _ => None,
                };
                // On or after the opening: this school's own, where nothing said otherwise.
                if let Some(open) = &surely_open {
                    for i in s
                        .ofsted
                        .iter_mut()
                        .filter(|i| i.date >= *open && i.predecessor.is_none())
                    {
                        i.predecessor = Some(false);
                    }
                }
                for i in s.ofsted.iter_mut().filter(|i| i.date < opened) {
                    if i.published_as.is_none() {
                        i.published_as = inspected.clone();
                    }
                    if i.predecessor == Some(true) {
                        continue;
                    }
                    i.predecessor = Some(true);
                    summary.predecessor_inspections += 1;
                    if i.note.is_none() {
                        i.note = Some(format!(
                            "Dated before this school's URN opened ({opened}): the predecessor school's inspection."
                        ));
                    }
                }
            }
            merge_inspections(&name, &mut s.ofsted, graded, history_name, summary);
            if school_type.is_some() {
                s.school_type = school_type;
            }
            // A cohort list knows no kinds: the school list's type and ages tell them.
            if !fill_members {
                if let Some(k) = kind_of(&id.chain, rows.get(&id.urn), &rows) {
                    s.kind = k;
                }
            }
            if !facts.is_empty() {
                s.facts = facts;
            }
            continue;
        }
        let kind = kind_of(&id.chain, rows.get(&shown), &rows).unwrap_or(SchoolKind::Primary);
        let mut ofsted: Vec<Inspection> = Vec::new();
        for u in &id.chain {
            for mut i in found.get(u).map(|f| f.ofsted.clone()).unwrap_or_default() {
                if *u != shown {
                    i.predecessor = Some(!links.successors(shown).contains(u));
                    i.published_as = published_as(*u);
                }
                ofsted.push(i);
            }
        }
        let name = name_of(shown, &found);
        merge_inspections(&name, &mut ofsted, graded, history_name, summary);
        if ks2.is_empty() {
            continue;
        }
        summary.area_schools += 1;
        area_schools.push(School {
            urn: shown,
            name,
            kind,
            ks2,
            no_ks2_reason: None,
            ofsted,
            report_extracts: Vec::new(),
            school_type,
            facts,
        });
    }
    crate::order::sort_by(&mut area_schools, |a, b| {
        a.name.cmp(&b.name).then(a.urn.cmp(&b.urn))
    });
    raw.area_schools = area_schools;
}

#[cfg(test)]
#[path = "history_tests.rs"]
mod tests;
