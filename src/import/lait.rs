//! DfE's Local Authority Interactive Tool (LAIT), long format, with its data dictionary and a
//! statistical-neighbour list → the home area's context: its region, its neighbours and
//! England, each with yearly series of KS2 progress, attainment and primary FSM.
//!
//! The long file has one row per measure × year × area (`Short Desc`, `Years`,
//! `LA and Regions`, `Values`, `LA Number`, `Region`); `-` is not published. Its values were
//! converted from parquet with float noise (`16.899999999999999`): each is rounded to its
//! measure's `dps` in the dictionary (or, where the dictionary says `NA`, to the fewest places
//! that hold it exactly), and each measure-year is written with the most places any area
//! has that year, which is the precision DfE published it at (one place for 2016–2018
//! progress, two from 2019).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{err, excel_date, is_not_published, quoted, slug, year_in_name};
use super::{AreaInputs, Collector, InputFile, Summary, Table};
use crate::model::{
    Area, AreaContext, AreaMeasure, AreaPoint, AreaSeries, PupilGroup, Source, Subject,
};

/// LAIT's code for England.
pub const ENGLAND_CODE: u16 = 970;

/// Id of the source that says England's all-pupil progress is 0.
pub const DEFINITION_SOURCE: &str = "dfe-progress-definition";

/// What an area import gives the dataset.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AreaFigures {
    /// Home, region, neighbours and England.
    pub areas: Vec<Area>,
    /// Which is which.
    pub context: Option<AreaContext>,
    /// The yearly series.
    pub series: Vec<AreaSeries>,
    /// The sources they cite.
    pub sources: Vec<Source>,
}

/// The measures imported and what each is; the dictionary's other measures are known and
/// skipped.
fn measure_of(code: &str) -> Option<(AreaMeasure, PupilGroup)> {
    use AreaMeasure as M;
    use PupilGroup as P;
    let subject = |s: &str| match s {
        "Reading" => Some(Subject::Reading),
        "Writing" => Some(Subject::Writing),
        "Maths" => Some(Subject::Maths),
        _ => None,
    };
    Some(match code {
        "KS2R_Prog_VA" => (M::ReadingProgress, P::All),
        "KS2W_Prog_VA" => (M::WritingProgress, P::All),
        "KS2M_Prog_VA" => (M::MathsProgress, P::All),
        "KS2RWM_Expected_STD" => (M::ExpectedStandardRwm, P::All),
        "DAP_NEW_KS2_RWM" => (M::ExpectedStandardRwm, P::Disadvantaged),
        "NonDAP_NEW_KS2_RWM" => (M::ExpectedStandardRwm, P::NonDisadvantaged),
        "PriFSM" => (M::PrimaryFsm, P::All),
        _ => {
            let (group, rest) = if let Some(r) = code.strip_prefix("KS2_DAP_") {
                (P::Disadvantaged, r)
            } else if let Some(r) = code.strip_prefix("KS2_NonDAP_") {
                (P::NonDisadvantaged, r)
            } else {
                return None;
            };
            let s = subject(rest.strip_suffix("_Progress")?)?;
            (AreaMeasure::progress(s), group)
        }
    })
}

/// One measure of the dictionary.
struct MeasureInfo {
    dps: Option<u8>,
    table: String,
    link: Option<String>,
    updated: Option<String>,
}

fn read_dictionary(input: InputFile<'_>, c: &mut Collector) -> HashMap<String, MeasureInfo> {
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
fn read_neighbours(
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
fn clean(v: f64, dps: Option<u8>) -> (f64, u8) {
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
struct Row {
    code: u16,
    year: u16,
    value: Option<f64>,
}

/// Reads the LAIT files and returns the home area's context and series.
pub(super) fn read(
    inputs: &AreaInputs<'_>,
    c: &mut Collector,
    summary: &mut Summary,
) -> AreaFigures {
    let dict = read_dictionary(inputs.measures, c);
    let neighbours = inputs
        .neighbours
        .and_then(|f| read_neighbours(f, inputs.home, c));
    let file = inputs.lait.name;
    let Some(mut t) = c.take(Table::open(inputs.lait)) else {
        return AreaFigures::default();
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
        return AreaFigures::default();
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
        let year = c.take(
            get(yi)
                .parse::<u16>()
                .ok()
                .filter(|y| (2000..=2100).contains(y))
                .ok_or_else(|| {
                    err(
                        file,
                        line,
                        "Years",
                        "a year from 2000 to 2100",
                        quoted(get(yi)),
                    )
                }),
        );
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

    // Which areas: home, its region (by the region name LAIT gives the home area), its
    // neighbours and England.
    let Some((home_name, region_name)) = names.get(&inputs.home).cloned() else {
        c.take::<()>(Err(err(
            file,
            0,
            "LA Number",
            format!("rows for the home area {}", inputs.home),
            "none",
        )));
        return AreaFigures::default();
    };
    let region = names
        .iter()
        .find(|(code, (n, r))| {
            **code > 900 && **code != ENGLAND_CODE && *n == region_name && is_not_published(r)
        })
        .map(|(code, _)| *code);
    let mut chosen: Vec<u16> = vec![inputs.home];
    chosen.extend(region);
    if let Some((line, list)) = &neighbours {
        for code in list {
            if names.contains_key(code) {
                chosen.push(*code);
            } else if let Some(f) = inputs.neighbours {
                c.take::<()>(Err(err(
                    f.name,
                    *line,
                    "SN",
                    format!("local authorities that {} has rows for", file),
                    format!("{code}, which it has none for"),
                )));
            }
        }
    }
    if names.contains_key(&ENGLAND_CODE) {
        chosen.push(ENGLAND_CODE);
    } else {
        c.take::<()>(Err(err(
            file,
            0,
            "LA Number",
            format!("rows for England ({ENGLAND_CODE})"),
            "none",
        )));
    }
    let id_of = |code: u16| names.get(&code).map(|(n, _)| slug(n)).unwrap_or_default();

    let mut sources: Vec<Source> = Vec::new();
    let mut source_of_table: HashMap<String, String> = HashMap::new();
    for key in KEPT {
        let Some(table) = codes.get(key) else {
            continue;
        };
        if source_of_table.contains_key(table) {
            continue;
        }
        let id = format!("dfe-lait-{}", short_table(table));
        let updated = KEPT
            .iter()
            .filter(|k| codes.get(*k) == Some(table))
            .filter_map(|k| dict.get(*k).and_then(|i| i.updated.clone()))
            .max();
        let link = KEPT
            .iter()
            .filter(|k| codes.get(*k) == Some(table))
            .find_map(|k| dict.get(*k).and_then(|i| i.link.clone()));
        sources.push(Source {
            id: id.clone(),
            title: format!("Local Authority Interactive Tool (LAIT): {}", table_title(table)),
            publisher: "Department for Education".into(),
            date: updated.map_or_else(|| "date not given".into(), |d| format!("updated {}", crate::format::date(&d))),
            citation: format!(
                "DfE's Local Authority Interactive Tool, from Explore Education Statistics: {} for every local authority, region and England.",
                table_title(table)
            ),
            url: link,
        });
        source_of_table.insert(table.clone(), id);
    }

    let mut series = Vec::new();
    let progress_years: BTreeSet<u16> = rows
        .iter()
        .filter(|(k, _)| measure_of(k).is_some_and(|(m, _)| !m.is_percent()))
        .flat_map(|(_, r)| r.iter().filter(|r| r.value.is_some()).map(|r| r.year))
        .collect();
    let mut used_definition = false;
    for &code in &chosen {
        for key in KEPT {
            let (Some((measure, pupils)), Some(list)) = (measure_of(key), rows.get(key)) else {
                continue;
            };
            let Some(source) = codes.get(key).and_then(|t| source_of_table.get(t)) else {
                continue;
            };
            let mut points: Vec<AreaPoint> = list
                .iter()
                .filter(|r| r.code == code)
                .map(|r| {
                    let decimals = places.get(&(key.to_string(), r.year)).copied().unwrap_or(0);
                    let mut p = AreaPoint {
                        year: r.year,
                        value: r.value,
                        decimals,
                        source: None,
                        note: None,
                    };
                    // England's all-pupil progress is 0 by DfE's definition; LAIT leaves
                    // the years it did not print as "-".
                    if code == ENGLAND_CODE
                        && pupils == PupilGroup::All
                        && !measure.is_percent()
                        && r.value.is_none()
                        && progress_years.contains(&r.year)
                    {
                        p.value = Some(0.0);
                        p.source = Some(DEFINITION_SOURCE.into());
                        p.note = Some(
                            "0 by definition (DfE's progress measure); LAIT prints no figure."
                                .into(),
                        );
                        used_definition = true;
                    }
                    p
                })
                .collect();
            if points.is_empty() {
                continue;
            }
            crate::order::sort_by_key(&mut points, |p| p.year);
            summary.area_points += points.iter().filter(|p| p.value.is_some()).count();
            series.push(AreaSeries {
                area: id_of(code),
                measure,
                pupils,
                source: source.clone(),
                points,
            });
        }
    }
    if used_definition {
        sources.push(Source {
            id: DEFINITION_SOURCE.into(),
            title: "KS2 progress measures: definition".into(),
            publisher: "Department for Education".into(),
            date: "applies to 2016 to 2019".into(),
            citation: "DfE calculates each pupil's KS2 progress score against pupils nationally with similar KS1 results, so the national average progress of all pupils is 0 in every year.".into(),
            url: None,
        });
    }
    let grouping = inputs.neighbours.map(|f| {
        let year = year_in_name(f.name);
        let id = "dfe-statistical-neighbours".to_string();
        sources.push(Source {
            id: id.clone(),
            title: "Statistical neighbour groupings".into(),
            publisher: "Department for Education".into(),
            date: year.map_or_else(|| "date not given".into(), |y| y.to_string()),
            citation: "DfE's statistical neighbour groupings: the ten local authorities most like each one.".into(),
            url: None,
        });
        let note = match year {
            Some(y) => format!(
                "Statistical neighbours are DfE's {y} grouping: the ten authorities most like {home_name}. Earlier statements may have used another grouping."
            ),
            None => format!("Statistical neighbours: the ten authorities most like {home_name}, as DfE groups them."),
        };
        (id, note)
    });
    summary.area_series = series.len();
    let areas: Vec<Area> = chosen
        .iter()
        .map(|&code| Area {
            id: id_of(code),
            name: names.get(&code).map(|(n, _)| n.clone()).unwrap_or_default(),
        })
        .collect();
    let context = AreaContext {
        home: id_of(inputs.home),
        region: region.map(id_of),
        country: id_of(ENGLAND_CODE),
        neighbours: neighbours
            .map(|(_, l)| {
                l.into_iter()
                    .filter(|c| names.contains_key(c))
                    .map(id_of)
                    .collect()
            })
            .unwrap_or_default(),
        neighbours_source: grouping.as_ref().map(|(id, _)| id.clone()),
        neighbours_note: grouping.map(|(_, n)| n),
    };
    AreaFigures {
        areas,
        context: Some(context),
        series,
        sources,
    }
}

/// The measures kept, in the order their series are written.
const KEPT: [&str; 13] = [
    "KS2R_Prog_VA",
    "KS2W_Prog_VA",
    "KS2M_Prog_VA",
    "KS2_DAP_Reading_Progress",
    "KS2_DAP_Writing_Progress",
    "KS2_DAP_Maths_Progress",
    "KS2_NonDAP_Reading_Progress",
    "KS2_NonDAP_Writing_Progress",
    "KS2_NonDAP_Maths_Progress",
    "KS2RWM_Expected_STD",
    "DAP_NEW_KS2_RWM",
    "NonDAP_NEW_KS2_RWM",
    "PriFSM",
];

fn short_table(table: &str) -> &str {
    if table.starts_with("ks2") {
        "ks2"
    } else if table.contains("fsm") {
        "fsm"
    } else if table.is_empty() {
        "other"
    } else {
        table
    }
}

fn table_title(table: &str) -> String {
    match short_table(table) {
        "ks2" => "Key stage 2 attainment".into(),
        "fsm" => "Schools, pupils and their characteristics".into(),
        other => other.to_string(),
    }
}

/// Puts the area figures into a dataset: areas and sources it lacks are added, the context
/// and series replace any it had.
pub fn merge(raw: &mut crate::model::RawDataset, figures: AreaFigures) {
    for a in figures.areas {
        if !raw.areas.iter().any(|x| x.id == a.id) {
            raw.areas.push(a);
        }
    }
    for s in figures.sources {
        if let Some(existing) = raw.sources.iter_mut().find(|x| x.id == s.id) {
            *existing = s;
        } else {
            raw.sources.push(s);
        }
    }
    raw.context = figures.context;
    raw.area_series = figures.series;
}

#[cfg(test)]
#[path = "lait_tests.rs"]
mod tests;
