//! Links between predecessor and successor schools (DfE Get Information About Schools:
//! `URN`, `LinkURN`, `LinkName`, `LinkType`, `LinkEstablishedDate`), followed back and
//! forward so that a school keeps one identity through academy conversions.
//!
//! What the file cannot settle is reported, never resolved silently: a cycle, a link to a URN
//! that no file read names, and two lines that date the same link differently (more than the
//! day between one school closing and the next opening) are warnings with file:line.
//!
//! `predecessor_map` attaches a cohort list's predecessors' results; `history` follows the
//! chains both ways for the bundled dataset's schools and the home authority's others.

use std::collections::{BTreeMap, BTreeSet};

use super::{
    err, is_iso_date, quoted, urn, Collector, ImportError, ImportFailure, InputFile, Table,
};
use crate::model::Urn;

/// Which way a link points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// `LinkURN` is the school this one replaced.
    Predecessor,
    /// `LinkURN` is the school that replaced this one.
    Successor,
}

/// One line of the links file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The school the line is about.
    pub urn: Urn,
    /// The school it links to.
    pub link: Urn,
    /// The linked school's name, as the file gives it.
    pub name: String,
    /// Which way.
    pub kind: LinkKind,
    /// `YYYY-MM-DD`, where the file gives a date.
    pub date: Option<String>,
    /// Line in the file.
    pub line: usize,
}

/// Every link read, by school, and what the reader could not settle.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Links {
    /// predecessor → successors, from both kinds of line.
    forward: BTreeMap<Urn, BTreeSet<Urn>>,
    /// The lines read.
    pub lines: Vec<Link>,
    /// Cycles, unknown URNs and dates that disagree.
    pub warnings: Vec<ImportError>,
}

/// `dd-mm-yyyy` (GIAS) or ISO as `YYYY-MM-DD`; empty is no date.
fn link_date(v: &str) -> Result<Option<String>, ()> {
    let t = v.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if is_iso_date(t) {
        return Ok(Some(t.to_string()));
    }
    let parts: Vec<&str> = t.split(['-', '/']).collect();
    if let [d, m, y] = parts.as_slice() {
        let iso = format!("{y:0>4}-{m:0>2}-{d:0>2}");
        if is_iso_date(&iso) {
            return Ok(Some(iso));
        }
    }
    Err(())
}

/// Reads a links file on its own: its links and warnings, or every error in it.
pub fn read_links(input: InputFile<'_>, known: &BTreeSet<Urn>) -> Result<Links, ImportFailure> {
    let mut c = Collector { errors: Vec::new() };
    let links = read_into(input, known, &mut c);
    if c.errors.is_empty() {
        Ok(links)
    } else {
        Err(ImportFailure::Files(c.errors))
    }
}

/// Reads a links file. `known` are the URNs the other files name: a link to a URN in neither
/// them nor this file's `URN` column is a warning.
pub(super) fn read_into(input: InputFile<'_>, known: &BTreeSet<Urn>, c: &mut Collector) -> Links {
    let file = input.name;
    let mut out = Links::default();
    let Some(mut t) = c.take(Table::open(input)) else {
        return out;
    };
    let cols: Vec<Option<usize>> = [
        "urn",
        "linkurn",
        "linkname",
        "linktype",
        "linkestablisheddate",
    ]
    .iter()
    .map(|n| c.take(t.require(&[n])))
    .collect();
    let [Some(ui), Some(li), Some(ni), Some(ki), Some(di)] = cols.as_slice() else {
        return out;
    };
    let (ui, li, ni, ki, di) = (*ui, *li, *ni, *ki, *di);
    for row in t.rows() {
        let Some((line, rec)) = c.take(row) else {
            continue;
        };
        let get = |i: usize| rec.get(i).unwrap_or("").trim();
        let (Some(a), Some(b)) = (
            c.take(urn(file, line, "URN", get(ui))),
            c.take(urn(file, line, "LinkURN", get(li))),
        ) else {
            continue;
        };
        let kind = match get(ki).to_ascii_lowercase().as_str() {
            "predecessor" => LinkKind::Predecessor,
            "successor" => LinkKind::Successor,
            // Other GIAS link types (mergers, sixth-form centres) are not conversions.
            _ => continue,
        };
        let Some(date) = c.take(link_date(get(di)).map_err(|()| {
            err(
                file,
                line,
                "LinkEstablishedDate",
                "a date (dd-mm-yyyy) or empty",
                quoted(get(di)),
            )
        })) else {
            continue;
        };
        let (from, to) = match kind {
            LinkKind::Predecessor => (b, a),
            LinkKind::Successor => (a, b),
        };
        out.forward.entry(from).or_default().insert(to);
        out.lines.push(Link {
            urn: a,
            link: b,
            name: get(ni).to_string(),
            kind,
            date,
            line,
        });
    }
    out.check(file, known);
    out
}

/// Each listed school's predecessors, as predecessor → (listed school, the predecessor's
/// name in the links file). Warnings about the links that touch listed schools go into the
/// summary; links elsewhere in the file are not this import's concern.
pub(super) fn predecessor_map(
    input: InputFile<'_>,
    members: &BTreeSet<Urn>,
    c: &mut Collector,
    summary: &mut super::Summary,
) -> BTreeMap<Urn, (Urn, String)> {
    let links = read_into(input, members, c);
    let mut out = BTreeMap::new();
    let mut touched: BTreeSet<Urn> = members.clone();
    for m in members {
        for p in links.predecessors(*m) {
            if p == *m || members.contains(&p) {
                continue;
            }
            touched.insert(p);
            let name = links
                .lines
                .iter()
                .find(|l| l.link == p)
                .map(|l| l.name.clone())
                .unwrap_or_default();
            out.entry(p).or_insert((*m, name));
        }
    }
    for w in &links.warnings {
        let line = links.lines.iter().find(|l| l.line == w.line);
        if line.is_some_and(|l| touched.contains(&l.urn) || touched.contains(&l.link))
            && !w.found.contains("found in no file")
        {
            summary.warnings.push(w.to_string());
        }
    }
    out
}

impl Links {
    /// The schools this one replaced, nearest first, followed back through every
    /// conversion (each once, so a cycle ends the walk).
    pub fn predecessors(&self, urn: Urn) -> Vec<Urn> {
        let mut back: BTreeMap<Urn, BTreeSet<Urn>> = BTreeMap::new();
        for (from, tos) in &self.forward {
            for to in tos {
                back.entry(*to).or_default().insert(*from);
            }
        }
        walk(&back, urn)
    }

    /// The schools this one directly replaced (one conversion back), lowest URN first.
    pub fn direct_predecessors(&self, urn: Urn) -> Vec<Urn> {
        self.forward
            .iter()
            .filter(|(_, tos)| tos.contains(&urn))
            .map(|(from, _)| *from)
            .collect()
    }

    /// The schools that replaced this one, nearest first.
    pub fn successors(&self, urn: Urn) -> Vec<Urn> {
        walk(&self.forward, urn)
    }

    fn check(&mut self, file: &str, known: &BTreeSet<Urn>) {
        let in_file: BTreeSet<Urn> = self.lines.iter().map(|l| l.urn).collect();
        for l in &self.lines {
            if !in_file.contains(&l.link) && !known.contains(&l.link) {
                self.warnings.push(err(
                    file,
                    l.line,
                    "LinkURN",
                    "a school this file or another file names",
                    format!("URN {}, found in no file", l.link),
                ));
            }
        }
        // The two lines of one conversion (A's successor B, B's predecessor A) may date it a
        // day apart (one closes, the next opens); more than that is a disagreement.
        for a in &self.lines {
            for b in &self.lines {
                if a.line < b.line && a.urn == b.link && a.link == b.urn && a.kind != b.kind {
                    if let (Some(da), Some(db)) = (&a.date, &b.date) {
                        let apart = crate::dates::days_apart(da, db).unwrap_or(0);
                        if apart > 1 {
                            self.warnings.push(err(
                                file,
                                b.line,
                                "LinkEstablishedDate",
                                format!("the date line {} gives the same link, {da}", a.line),
                                db.clone(),
                            ));
                        }
                    }
                }
            }
        }
        // Cycles: a school that is its own predecessor through the links.
        for l in &self.lines {
            let start = l.urn;
            if self.successors(start).contains(&start) {
                let text = format!("URN {start} again, after following its successors");
                if !self.warnings.iter().any(|w| w.found == text) {
                    self.warnings.push(err(
                        file,
                        l.line,
                        "LinkURN",
                        "links that never lead back to the school they start from",
                        text,
                    ));
                }
            }
        }
    }
}

/// Breadth-first from `start` along `next`, each school once.
fn walk(next: &BTreeMap<Urn, BTreeSet<Urn>>, start: Urn) -> Vec<Urn> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::from([start]);
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(u) = queue.pop_front() {
        for n in next.get(&u).into_iter().flatten() {
            if *n == start && !out.contains(n) {
                // A cycle back to the start: say so by listing it, once.
                out.push(*n);
            }
            if seen.insert(*n) {
                out.push(*n);
                queue.push_back(*n);
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "links_tests.rs"]
mod tests;
