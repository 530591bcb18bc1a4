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

mod assemble;
mod files;

use super::{slug, AreaInputs, Collector, Summary};
use crate::model::{Area, AreaContext, AreaMeasure, AreaSeries, PupilGroup, Source, Subject};

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
pub(super) fn measure_of(code: &str) -> Option<(AreaMeasure, PupilGroup)> {
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

/// Reads the LAIT files and returns the home area's context and series: the dictionary, the
/// neighbours, the long file, then the areas chosen, their tables' sources and their series.
pub(super) fn read(
    inputs: &AreaInputs<'_>,
    c: &mut Collector,
    summary: &mut Summary,
) -> AreaFigures {
    let dict = files::read_dictionary(inputs.measures, c);
    let neighbours = inputs
        .neighbours
        .and_then(|f| files::read_neighbours(f, inputs.home, c));
    let long = files::read_long(inputs, &dict, c, summary);
    let Some((chosen, region)) = assemble::choose_areas(inputs, &long, neighbours.as_ref(), c)
    else {
        return AreaFigures::default();
    };
    let name_of = |code: u16| {
        long.names
            .get(&code)
            .map(|(n, _)| n.clone())
            .unwrap_or_default()
    };
    let id_of = |code: u16| slug(&name_of(code));
    let (mut sources, source_of_table) = assemble::table_sources(&long, &dict);
    let (series, used_definition) = assemble::series(&chosen, &long, &source_of_table, summary);
    if used_definition {
        sources.push(assemble::definition_source());
    }
    let grouping = assemble::grouping(inputs, &name_of(inputs.home));
    summary.area_series = series.len();
    let context = AreaContext {
        home: id_of(inputs.home),
        region: region.map(id_of),
        country: id_of(ENGLAND_CODE),
        neighbours: neighbours
            .map(|(_, l)| {
                l.into_iter()
                    .filter(|c| long.names.contains_key(c))
                    .map(id_of)
                    .collect()
            })
            .unwrap_or_default(),
        neighbours_source: grouping.as_ref().map(|(s, _)| s.id.clone()),
        neighbours_note: grouping.as_ref().map(|(_, n)| n.clone()),
    };
    sources.extend(grouping.map(|(s, _)| s));
    AreaFigures {
        areas: chosen
            .iter()
            .map(|&code| Area {
                id: id_of(code),
                name: name_of(code),
            })
            .collect(),
        context: Some(context),
        series,
        sources,
    }
}

/// The measures kept, in the order their series are written.
pub(super) const KEPT: [&str; 13] = [
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

pub(super) fn short_table(table: &str) -> &str {
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

pub(super) fn table_title(table: &str) -> String {
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
mod tests;
