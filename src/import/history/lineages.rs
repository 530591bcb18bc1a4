//! When each URN of a chain opened, and which URNs it replaced: the links file's conversion
//! dates (a predecessor line's date, or the day after a successor line's), then the school
//! list's `OPENDATE`. Where the two disagree by more than a day the earlier is used, with a
//! warning naming both: an inspection between them is then the new URN's, as the earlier
//! file says.

use std::collections::{BTreeMap, BTreeSet};

use super::super::inspected::{Lineage, Node};
use super::super::links::{LinkKind, Links};
use super::rows::Row;
use super::Identity;
use crate::dates::{days_apart, next_day};
use crate::model::Urn;

/// The links file's opening date of each URN: the earliest any line gives.
fn linked_openings(links: &Links) -> BTreeMap<Urn, String> {
    let mut out: BTreeMap<Urn, String> = BTreeMap::new();
    for l in &links.lines {
        let Some(d) = &l.date else { continue };
        let (opened, date) = match l.kind {
            LinkKind::Predecessor => (l.urn, Some(d.clone())),
            LinkKind::Successor => (l.link, next_day(d)),
        };
        let Some(date) = date else { continue };
        let slot = out.entry(opened).or_insert_with(|| date.clone());
        if date < *slot {
            *slot = date;
        }
    }
    out
}

/// Each wanted URN's opening date, from both files, and a warning wherever they disagree.
pub(super) fn openings(
    links: &Links,
    rows: &BTreeMap<Urn, Row>,
    wanted: &BTreeSet<Urn>,
    list_file: &str,
    warnings: &mut Vec<String>,
) -> BTreeMap<Urn, String> {
    let linked = linked_openings(links);
    let mut out = BTreeMap::new();
    for u in wanted {
        let listed = rows.get(u).and_then(|r| r.opened.clone());
        let date = match (linked.get(u), listed) {
            (Some(a), Some((b, line))) => {
                if days_apart(a, &b).is_some_and(|d| d > 1) {
                    let earlier = a.clone().min(b.clone());
                    warnings.push(format!(
                        "{list_file}:{line}: OPENDATE: URN {u} opened {b} in the school list, but the links file dates its conversion {a}: the earlier, {earlier}, is used"
                    ));
                }
                a.clone().min(b)
            }
            (Some(a), None) => a.clone(),
            (None, Some((b, _))) => b,
            (None, None) => continue,
        };
        out.insert(*u, date);
    }
    out
}

/// A school's chain as the inspection rule reads it.
pub(super) fn lineage_of(
    id: &Identity,
    shown: Urn,
    links: &Links,
    openings: &BTreeMap<Urn, String>,
    name_of: &dyn Fn(Urn) -> String,
) -> Lineage {
    let nodes = id
        .chain
        .iter()
        .map(|u| {
            let before = links
                .direct_predecessors(*u)
                .into_iter()
                .filter(|b| id.chain.contains(b))
                .collect();
            (
                *u,
                Node {
                    opened: openings.get(u).cloned(),
                    before,
                    name: name_of(*u),
                },
            )
        })
        .collect();
    Lineage { shown, nodes }
}
