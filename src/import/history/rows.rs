//! The school list (`URN`, `LA`, `SCHNAME`, `NFTYPE`, `AGEL`, `AGEH`, `OPENDATE`,
//! `CLOSEDATE`), the census (`URN`, `LA`, `SCHOOLTYPE`) and the FSM file's names, read into one
//! row per URN: what kind of school it is, whose authority, and when it opened and closed.

use std::collections::BTreeMap;

use super::super::*;

/// One school's rows in the side files, by URN.
#[derive(Debug, Default, Clone)]
pub(super) struct Row {
    pub(super) name: Option<String>,
    pub(super) la: Option<u16>,
    pub(super) nftype: Option<String>,
    pub(super) age_low: Option<u8>,
    pub(super) age_high: Option<u8>,
    pub(super) special: bool,
    /// `CLOSEDATE` as `YYYY-MM-DD`, with the file and line that give it.
    pub(super) closed: Option<(String, String, usize)>,
    /// `OPENDATE` as `YYYY-MM-DD`, with its line.
    pub(super) opened: Option<(String, usize)>,
}

/// A date cell's first ten characters, where they are a date (`2017-12-01 00:00:00`).
fn date_cell(v: Option<&str>) -> Option<String> {
    v.and_then(|v| v.get(..10))
        .filter(|d| is_iso_date(d))
        .map(str::to_string)
}

/// Reads the side files into one row per URN (a URN in two files fills in what the first
/// left empty).
pub(super) fn read_rows(
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
                    Err(_) => {
                        c.take::<()>(Err(err(
                            file,
                            line,
                            "LA",
                            "a local authority number",
                            quoted(v),
                        )));
                    }
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
            if let Some(d) = date_cell(get(open)) {
                r.opened = Some((d, line));
            }
            if let Some(d) = date_cell(get(close)) {
                r.closed = Some((d, file.to_string(), line));
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
pub(super) fn kind_of(
    chain: &[Urn],
    own: Option<&Row>,
    rows: &BTreeMap<Urn, Row>,
) -> Option<SchoolKind> {
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
