//! Inspections through a school's chain: the graded-inspection history (`URN`, `Rating`,
//! `Inspection Date` as yyyymmdd or a date) and Ofsted's file of latest inspections, read for
//! every URN of every chain, then settled school by school by [`super::super::inspected`].

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::super::inspected::{settle, Found, Lineage, Origin};
use super::super::ks2::{member_rows, SchoolFacts};
use super::super::*;
use super::Identity;

/// A history date: `yyyymmdd` as the history writes it, or any date the importer reads.
fn history_date(file: &str, line: usize, raw: &str) -> Result<String, ImportError> {
    if raw.len() == 8 && raw.bytes().all(|b| b.is_ascii_digit()) {
        let iso = format!("{}-{}-{}", &raw[..4], &raw[4..6], &raw[6..]);
        if is_iso_date(&iso) {
            return Ok(iso);
        }
        return Err(err(
            file,
            line,
            "Inspection Date",
            "a date (yyyymmdd or YYYY-MM-DD)",
            quoted(raw),
        ));
    }
    date(file, line, "Inspection Date", raw)
}

/// Graded inspections of the wanted URNs, by the URN the history files them under.
pub(super) fn read_history(
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
        let d = c.take(history_date(file, line, rec.get(di).unwrap_or("").trim()));
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
            source: source.into(),
            predecessor: None,
            published_as: None,
            named,
            note: None,
        });
    }
    out
}

/// Everything the files hold of one school's inspections: its own list (a base's or a cohort
/// list's, each record under the URN it names), Ofsted's file under the chain's other URNs,
/// and the history under every URN of the chain.
pub(super) struct Records<'a> {
    /// Ofsted's file, by URN.
    pub(super) listed: &'a HashMap<Urn, SchoolFacts>,
    /// The graded history, by URN.
    pub(super) history: &'a BTreeMap<Urn, Vec<Inspection>>,
    /// The history's source id, whose records in a base's list are the history's.
    pub(super) history_source: &'a str,
    /// The history file's name, for warnings.
    pub(super) history_name: &'a str,
}

/// A school's inspections, settled by the one rule.
pub(super) fn inspections_of(
    id: &Identity,
    lineage: &Lineage,
    own: Vec<Inspection>,
    records: &Records<'_>,
    summary: &mut Summary,
) -> Vec<Inspection> {
    let shown = lineage.shown;
    let mut found: Vec<Found> = own
        .into_iter()
        .map(|i| Found {
            under: i.published_as.as_ref().map_or(shown, |p| p.urn),
            origin: if i.source == records.history_source {
                Origin::History
            } else {
                Origin::Listed
            },
            inspection: i,
        })
        .collect();
    for u in &id.chain {
        // A listed school's own row of Ofsted's file is already in its list.
        let own_row = id.member && *u == id.urn;
        let listed = records.listed.get(u).filter(|_| !own_row);
        for i in listed.into_iter().flat_map(|f| f.ofsted.iter()) {
            found.push(Found {
                under: *u,
                origin: Origin::Listed,
                inspection: i.clone(),
            });
        }
        for i in records.history.get(u).into_iter().flatten() {
            found.push(Found {
                under: *u,
                origin: Origin::History,
                inspection: i.clone(),
            });
        }
    }
    let settled = settle(lineage, found, records.history_name);
    summary.inspections_added += settled.added;
    summary.predecessor_inspections += settled.marked;
    summary.warnings.extend(settled.warnings);
    settled.inspections
}
