//! From the long file's rows to the dataset's area figures: which areas (home, its region,
//! its neighbours, England), the sources their tables cite, and the series of each.

use std::collections::{BTreeSet, HashMap};

use super::files::{LongFile, MeasureInfo};
use super::{measure_of, short_table, table_title, DEFINITION_SOURCE, ENGLAND_CODE, KEPT};
use crate::import::{err, is_not_published, slug, year_in_name, AreaInputs, Collector, Summary};
use crate::model::{AreaPoint, AreaSeries, PupilGroup, Source};

/// The areas drawn, by LAIT code: home, its region (the row LAIT names in the home area's
/// `Region` column), its neighbours that the file has, and England.
pub(super) fn choose_areas(
    inputs: &AreaInputs<'_>,
    long: &LongFile,
    neighbours: Option<&(usize, Vec<u16>)>,
    c: &mut Collector,
) -> Option<(Vec<u16>, Option<u16>)> {
    let file = inputs.lait.name;
    let Some((_, region_name)) = long.names.get(&inputs.home) else {
        c.take::<()>(Err(err(
            file,
            0,
            "LA Number",
            format!("rows for the home area {}", inputs.home),
            "none",
        )));
        return None;
    };
    let region = long
        .names
        .iter()
        .find(|(code, (n, r))| {
            **code > 900 && **code != ENGLAND_CODE && n == region_name && is_not_published(r)
        })
        .map(|(code, _)| *code);
    let mut chosen: Vec<u16> = vec![inputs.home];
    chosen.extend(region);
    if let Some((line, list)) = neighbours {
        for code in list {
            if long.names.contains_key(code) {
                chosen.push(*code);
            } else if let Some(f) = inputs.neighbours {
                c.take::<()>(Err(err(
                    f.name,
                    *line,
                    "SN",
                    format!("local authorities that {file} has rows for"),
                    format!("{code}, which it has none for"),
                )));
            }
        }
    }
    if long.names.contains_key(&ENGLAND_CODE) {
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
    Some((chosen, region))
}

/// One source per LAIT table the kept measures come from, with the dictionary's latest update
/// and link; and the id each table cites.
pub(super) fn table_sources(
    long: &LongFile,
    dict: &HashMap<String, MeasureInfo>,
) -> (Vec<Source>, HashMap<String, String>) {
    let mut sources: Vec<Source> = Vec::new();
    let mut source_of_table: HashMap<String, String> = HashMap::new();
    for key in KEPT {
        let Some(table) = long.codes.get(key) else {
            continue;
        };
        if source_of_table.contains_key(table) {
            continue;
        }
        let id = format!("dfe-lait-{}", short_table(table));
        let of_table = || KEPT.iter().filter(|k| long.codes.get(*k) == Some(table));
        let updated = of_table()
            .filter_map(|k| dict.get(*k).and_then(|i| i.updated.clone()))
            .max();
        let link = of_table().find_map(|k| dict.get(*k).and_then(|i| i.link.clone()));
        sources.push(Source {
            id: id.clone(),
            title: format!("Local Authority Interactive Tool (LAIT): {}", table_title(table)),
            publisher: "Department for Education".into(),
            date: updated.map_or_else(
                || "date not given".into(),
                |d| format!("updated {}", crate::format::date(&d)),
            ),
            citation: format!(
                "DfE's Local Authority Interactive Tool, from Explore Education Statistics: {} for every local authority, region and England.",
                table_title(table)
            ),
            url: link,
        });
        source_of_table.insert(table.clone(), id);
    }
    (sources, source_of_table)
}

/// The series of every chosen area and kept measure, each point at the places DfE published
/// that year. England's all-pupil progress, which LAIT leaves as `-` in the years it
/// publishes progress for other areas, is 0 by the measure's definition and cites that;
/// whether any point did is returned too.
pub(super) fn series(
    chosen: &[u16],
    long: &LongFile,
    source_of_table: &HashMap<String, String>,
    summary: &mut Summary,
) -> (Vec<AreaSeries>, bool) {
    let id_of = |code: u16| {
        long.names
            .get(&code)
            .map(|(n, _)| slug(n))
            .unwrap_or_default()
    };
    let progress_years: BTreeSet<u16> = long
        .rows
        .iter()
        .filter(|(k, _)| measure_of(k).is_some_and(|(m, _)| !m.is_percent()))
        .flat_map(|(_, r)| r.iter().filter(|r| r.value.is_some()).map(|r| r.year))
        .collect();
    let mut out = Vec::new();
    let mut used_definition = false;
    for &code in chosen {
        for key in KEPT {
            let (Some((measure, pupils)), Some(list)) = (measure_of(key), long.rows.get(key))
            else {
                continue;
            };
            let Some(source) = long.codes.get(key).and_then(|t| source_of_table.get(t)) else {
                continue;
            };
            let by_definition = |value: Option<f64>, year: u16| {
                code == ENGLAND_CODE
                    && pupils == PupilGroup::All
                    && !measure.is_percent()
                    && value.is_none()
                    && progress_years.contains(&year)
            };
            let mut points: Vec<AreaPoint> = list
                .iter()
                .filter(|r| r.code == code)
                .map(|r| {
                    let decimals = long
                        .places
                        .get(&(key.to_string(), r.year))
                        .copied()
                        .unwrap_or(0);
                    let mut p = AreaPoint {
                        year: r.year,
                        value: r.value,
                        decimals,
                        source: None,
                        note: None,
                    };
                    if by_definition(r.value, r.year) {
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
            out.push(AreaSeries {
                area: id_of(code),
                measure,
                pupils,
                source: source.clone(),
                points,
            });
        }
    }
    (out, used_definition)
}

/// The source that says England's all-pupil progress is 0.
pub(super) fn definition_source() -> Source {
    Source {
        id: DEFINITION_SOURCE.into(),
        title: "KS2 progress measures: definition".into(),
        publisher: "Department for Education".into(),
        date: "applies to 2016 to 2019".into(),
        citation: "DfE calculates each pupil's KS2 progress score against pupils nationally with similar KS1 results, so the national average progress of all pupils is 0 in every year.".into(),
        url: None,
    }
}

/// The neighbours' source and the note said wherever they are shown: which grouping (its year
/// from the file's name) and that earlier statements may have used another.
pub(super) fn grouping(inputs: &AreaInputs<'_>, home_name: &str) -> Option<(Source, String)> {
    let f = inputs.neighbours?;
    let year = year_in_name(f.name);
    let source = Source {
        id: "dfe-statistical-neighbours".into(),
        title: "Statistical neighbour groupings".into(),
        publisher: "Department for Education".into(),
        date: year.map_or_else(|| "date not given".into(), |y| y.to_string()),
        citation:
            "DfE's statistical neighbour groupings: the ten local authorities most like each one."
                .into(),
        url: None,
    };
    let note = match year {
        Some(y) => format!(
            "Statistical neighbours are DfE's {y} grouping: the ten authorities most like {home_name}. Earlier statements may have used another grouping."
        ),
        None => format!(
            "Statistical neighbours: the ten authorities most like {home_name}, as DfE groups them."
        ),
    };
    Some((source, note))
}
