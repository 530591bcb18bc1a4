//! School facts from the census files: pupils on roll and free-school-meal shares, each with
//! its census year (from the file's name; inferred where the file does not state it) and the
//! URN it was published under.

use std::collections::{BTreeMap, BTreeSet};

use super::super::ks2::member_rows;
use super::super::*;
use super::{cite, Identity};
use crate::model::{FactMeasure, PublishedAs, SchoolFact};

/// One census column's figures: what, by URN, its year, whether the year is inferred, source.
pub(super) struct Figures {
    measure: FactMeasure,
    values: BTreeMap<Urn, f64>,
    year: u16,
    inferred: bool,
    source: String,
}

/// Census-style figures per URN, one map per column, read in one pass over the file.
fn read_columns<const N: usize>(
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

/// The year in a census file's name, or an error saying the file needs one.
fn year_of(file: InputFile<'_>, what: &str, c: &mut Collector) -> Option<u16> {
    let y = year_in_name(file.name);
    if y.is_none() {
        c.take::<()>(Err(err(file.name, 0, "year", what, "none")));
    }
    y
}

/// Reads the census (`NOR`, `PNUMFSMEVER`) and FSM (`fsm_prop`) files for the wanted URNs.
pub(super) fn read(
    inputs: &Inputs<'_>,
    raw: &mut RawDataset,
    wanted: &BTreeSet<Urn>,
    c: &mut Collector,
    summary: &mut Summary,
) -> Vec<Figures> {
    let mut out = Vec::new();
    if let Some(f) = inputs.census {
        let Some(year) = year_of(
            f,
            "a year in the file name (the census file does not state one)",
            c,
        ) else {
            return out;
        };
        let source = cite(
            raw,
            &format!("dfe-census-{year}"),
            f.name,
            "Department for Education",
            "School census",
        );
        let [nor, fsm6] = read_columns(
            f,
            [
                ("nor", "a number of pupils"),
                ("pnumfsmever", "a percentage"),
            ],
            wanted,
            c,
            summary,
        );
        for (measure, values) in [
            (FactMeasure::PupilsOnRoll, nor),
            (FactMeasure::FsmEverSixPercent, fsm6),
        ] {
            out.push(Figures {
                measure,
                values,
                year,
                inferred: true,
                source: source.clone(),
            });
        }
    }
    if let Some(f) = inputs.fsm {
        let Some(year) = year_of(f, "a year in the file name", c) else {
            return out;
        };
        let source = cite(
            raw,
            &format!("dfe-fsm-{year}"),
            f.name,
            "Department for Education",
            "Schools, pupils and their characteristics",
        );
        let [values] = read_columns(f, [("fsm_prop", "a percentage")], wanted, c, summary);
        out.push(Figures {
            measure: FactMeasure::FsmPercent,
            values,
            year,
            inferred: false,
            source,
        });
    }
    out
}

/// A school's facts: the shown URN's figure, else the newest URN of its chain with one.
pub(super) fn facts_of(
    id: &Identity,
    shown: Urn,
    figures: &[Figures],
    name_of: &dyn Fn(Urn) -> String,
) -> Vec<SchoolFact> {
    figures
        .iter()
        .filter_map(|f| {
            let (u, value) = f.values.get(&shown).map(|v| (shown, *v)).or_else(|| {
                id.chain
                    .iter()
                    .filter_map(|u| f.values.get(u).map(|v| (*u, *v)))
                    .max_by_key(|(u, _)| *u)
            })?;
            Some(SchoolFact {
                measure: f.measure,
                value,
                year: f.year,
                year_inferred: f.inferred,
                published_as: (u != shown).then(|| PublishedAs {
                    urn: u,
                    name: name_of(u),
                }),
                source: f.source.as_str().into(),
            })
        })
        .collect()
}
