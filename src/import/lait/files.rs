//! The three LAIT files as read: the data dictionary (each measure's decimal places, table,
//! link, update), a statistical-neighbour list, and the long file's rows of the measures kept.

use std::collections::{BTreeMap, HashMap};

use super::KEPT;
use crate::import::{
    err, excel_date, is_not_published, quoted, AreaInputs, Collector, InputFile, Summary, Table,
};

/// One measure of the dictionary.
pub(super) struct MeasureInfo {
    pub(super) dps: Option<u8>,
    pub(super) table: String,
    pub(super) link: Option<String>,
    pub(super) updated: Option<String>,
}

pub(super) fn read_dictionary(
    input: InputFile<'_>,
    c: &mut Collector,
) -> HashMap<String, MeasureInfo> {
    let mut out = HashMap::new();
    let Some(mut t) = c.take(Table::open(input)) else {
        return out;
    };
    let (Some(code_i), Some(dps_i)) = (
        c.take(t.require(&["measure_short"])),
        c.take(t.require(&["dps"])),
    ) else {
        return out;
    };
    let table_i = t.find(&["table_status"]);
    let link_i = t.find(&["hyperlink(s)", "hyperlink"]);
    let updated_i = t.find(&["last update"]);
    for row in t.rows() {
        let Some((line, rec)) = c.take(row) else {
            continue;
        };
        let get = |i: Option<usize>| i.and_then(|i| rec.get(i)).unwrap_or("").trim();
        let code = get(Some(code_i));
        let dps_text = get(Some(dps_i));
        let dps = if is_not_published(dps_text) {
            None
        } else {
            match dps_text.parse::<u8>() {
                Ok(d) if d <= 4 => Some(d),
                _ => {
                    c.take::<()>(Err(err(
                        input.name,
                        line,
                        "dps",
                        "a number of decimal places from 0 to 4, or NA",
                        quoted(dps_text),
                    )));
                    continue;
                }
            }
        };
        let updated = get(updated_i)
            .parse::<i64>()
            .ok()
            .filter(|d| (1..80_000).contains(d))
            .map(excel_date);
        out.insert(
            code.to_string(),
            MeasureInfo {
                dps,
                table: get(table_i).to_string(),
                link: Some(get(link_i).to_string()).filter(|l| l.starts_with("http")),
                updated,
            },
        );
    }
    out
}

/// The neighbours of `home` in a statistical-neighbour list, closest first, with the line.
pub(super) fn read_neighbours(
    input: InputFile<'_>,
    home: u16,
    c: &mut Collector,
) -> Option<(usize, Vec<u16>)> {
    let mut t = c.take(Table::open(input))?;
    let la_i = c.take(t.require(&["la num", "la number", "la_code", "old_la_code"]))?;
    let sn: Vec<usize> = (1..=10)
        .filter_map(|k| t.find(&[format!("sn{k}").as_str()]))
        .collect();
    if sn.is_empty() {
        c.take::<()>(Err(err(
            input.name,
            1,
            "SN1",
            "columns SN1 to SN10 naming each authority's neighbours",
            "none",
        )));
        return None;
    }
    for row in t.rows() {
        let Some((line, rec)) = c.take(row) else {
            continue;
        };
        if rec.get(la_i).map(str::trim) != Some(home.to_string().as_str()) {
            continue;
        }
        let mut out = Vec::new();
        for (k, &i) in sn.iter().enumerate() {
            let v = rec.get(i).unwrap_or("").trim();
            match v.parse::<u16>() {
                Ok(code) => out.push(code),
                Err(_) => {
                    c.take::<()>(Err(err(
                        input.name,
                        line,
                        &format!("SN{}", k + 1),
                        "a local authority number",
                        quoted(v),
                    )));
                }
            }
        }
        return Some((line, out));
    }
    c.take::<()>(Err(err(
        input.name,
        0,
        "LA num",
        format!("a row for local authority {home}"),
        "none",
    )));
    None
}

/// The fewest decimal places (up to 4) that hold `v` exactly, and `v` rounded to them.
pub(super) fn clean(v: f64, dps: Option<u8>) -> (f64, u8) {
    let round = |x: f64, d: u8| {
        let f = 10f64.powi(i32::from(d));
        (x * f).round() / f
    };
    let v = dps.map_or(v, |d| round(v, d));
    for d in 0..=4u8 {
        let r = round(v, d);
        if (r - v).abs() < 1e-7 {
            return (r, d);
        }
    }
    (round(v, 4), 4)
}

/// One row of the long file that the import keeps.
pub(super) struct Row {
    pub(super) code: u16,
    pub(super) year: u16,
    pub(super) value: Option<f64>,
}

/// The long file's rows of the measures kept, with what the rest of it tells.
#[derive(Default)]
pub(super) struct LongFile {
    /// LAIT code → (name, region name), of every area in the file.
    pub(super) names: BTreeMap<u16, (String, String)>,
    /// Measure kept → its rows.
    pub(super) rows: BTreeMap<&'static str, Vec<Row>>,
    /// Measure kept → its dictionary table.
    pub(super) codes: HashMap<&'static str, String>,
    /// (measure, year) → the most decimal places any area has that year.
    pub(super) places: HashMap<(String, u16), u8>,
}

/// Reads the long file: each row checked (measure in the dictionary, year, area number, value
/// or `-`, one figure per measure, area and year), the measures kept gathered.
pub(super) fn read_long(
    inputs: &AreaInputs<'_>,
    dict: &HashMap<String, MeasureInfo>,
    c: &mut Collector,
    summary: &mut Summary,
) -> LongFile {
    let file = inputs.lait.name;
    let Some(mut t) = c.take(Table::open(inputs.lait)) else {
        return LongFile::default();
    };
    let cols: Vec<Option<usize>> = [
        "short desc",
        "years",
        "la and regions",
        "values",
        "la number",
        "region",
    ]
    .iter()
    .map(|n| c.take(t.require(&[n])))
    .collect();
    let [Some(mi), Some(yi), Some(ni), Some(vi), Some(li), Some(ri)] = cols.as_slice() else {
        return LongFile::default();
    };
    let (mi, yi, ni, vi, li, ri) = (*mi, *yi, *ni, *vi, *li, *ri);
    // code → (name, region name); measure → rows; (measure, year) → most decimals.
    let mut names: BTreeMap<u16, (String, String)> = BTreeMap::new();
    let mut rows: BTreeMap<&'static str, Vec<Row>> = BTreeMap::new();
    let mut codes: HashMap<&'static str, String> = HashMap::new();
    let mut places: HashMap<(String, u16), u8> = HashMap::new();
    let mut seen: HashMap<(String, u16, u16), usize> = HashMap::new();
    for row in t.rows() {
        let Some((line, rec)) = c.take(row) else {
            continue;
        };
        summary.rows_read += 1;
        let get = |i: usize| rec.get(i).unwrap_or("").trim();
        let code_text = get(mi);
        let Some(info) = dict.get(code_text) else {
            c.take::<()>(Err(err(
                file,
                line,
                "Short Desc",
                format!("a measure in {}", inputs.measures.name),
                quoted(code_text),
            )));
            continue;
        };
        let year = c.take(crate::import::cells::year_cell(
            file,
            line,
            "Years",
            get(yi),
        ));
        let la = c.take(get(li).parse::<u16>().map_err(|_| {
            err(
                file,
                line,
                "LA Number",
                "a local authority number",
                quoted(get(li)),
            )
        }));
        let raw_value = get(vi);
        let value = if raw_value == "-" || is_not_published(raw_value) {
            Ok(None)
        } else {
            match raw_value.parse::<f64>() {
                Ok(x) if x.is_finite() => Ok(Some(clean(x, info.dps))),
                _ => Err(err(
                    file,
                    line,
                    "Values",
                    "a number, or - where none is published",
                    quoted(raw_value),
                )),
            }
        };
        let value = c.take(value);
        let (Some(year), Some(la), Some(value)) = (year, la, value) else {
            continue;
        };
        if let Some(first) = seen.insert((code_text.to_string(), la, year), line) {
            c.take::<()>(Err(err(
                file,
                line,
                "Years",
                format!("one {code_text} figure for area {la} in {year}"),
                format!("a second one (the first is on line {first})"),
            )));
            continue;
        }
        names
            .entry(la)
            .or_insert_with(|| (get(ni).to_string(), get(ri).to_string()));
        if let Some((_, d)) = value {
            let p = places.entry((code_text.to_string(), year)).or_insert(0);
            *p = (*p).max(d);
        }
        // Keep only measures the dashboard draws, under a 'static key.
        let Some(key) = KEPT.iter().find(|k| **k == code_text).copied() else {
            continue;
        };
        codes.entry(key).or_insert_with(|| info.table.clone());
        rows.entry(key).or_default().push(Row {
            code: la,
            year,
            value: value.map(|(v, _)| v),
        });
    }

    LongFile {
        names,
        rows,
        codes,
        places,
    }
}
