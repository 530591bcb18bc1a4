//! A dataset from a cohort list and the DfE and Ofsted files every school analyst uses: the
//! listed schools with their KS2 results (through their predecessors, with DfE's links file)
//! and latest inspections, the cohorts, and the programme's size and start years. Each step is
//! a function of its own, in the order [`schools_dataset`] runs them.

use super::*;

/// The id every figure of the list itself cites.
const LIST_SOURCE: &str = "cohort-list";

/// The schools, cohorts and their KS2 and Ofsted figures from a cohort list and DfE/Ofsted
/// files, not yet validated.
pub(super) fn schools_dataset(
    inputs: &Inputs<'_>,
    c: &mut Collector,
    summary: &mut Summary,
) -> Result<RawDataset, ImportFailure> {
    let Some(cohort_file) = inputs.cohorts else {
        return Err(ImportFailure::Files(vec![err(
            "(inputs)",
            0,
            "cohort list",
            "a cohort list CSV (cohort,cohort_name,joined_year,urn)",
            "none",
        )]));
    };
    let list = read_cohorts(cohort_file, c, summary);
    // Each listed school's predecessors (academy conversions), whose KS2 rows are read too
    // and kept under the school they became, marked as the predecessor's.
    let predecessors = match inputs.links {
        Some(f) => links::predecessor_map(f, &list.urns, c, summary),
        None => BTreeMap::new(),
    };
    let wanted: BTreeSet<Urn> = list
        .urns
        .iter()
        .chain(predecessors.keys())
        .copied()
        .collect();
    let mut sources = vec![file_source(
        LIST_SOURCE,
        cohort_file.name,
        "School Improvement Team",
        "Cohort membership",
    )];
    summary.files = inputs
        .ks2
        .iter()
        .map(|(f, _)| f.name.to_string())
        .chain(inputs.ofsted.iter().map(|f| f.name.to_string()))
        .collect();
    let mut facts: HashMap<Urn, SchoolFacts> = HashMap::new();
    read_results(inputs, &wanted, &mut sources, &mut facts, c, summary);
    keep_predecessors_results(&predecessors, &mut facts, summary);
    read_inspections(inputs, &list.urns, &mut sources, &mut facts, c, summary);
    let (areas, area_progress, comparator_sources) = match inputs.comparators {
        Some(f) => read_comparators(f, c, summary),
        None => Default::default(),
    };
    sources.extend(comparator_sources);
    if !c.errors.is_empty() {
        return Err(ImportFailure::Files(std::mem::take(&mut c.errors)));
    }
    let schools: Vec<School> = list
        .urns
        .iter()
        .map(|u| school(*u, facts.remove(u), summary))
        .collect();
    summary.schools = schools.len();
    summary.cohorts = list.order.len();
    let (cohorts, programme) = cohorts_and_programme(&list, cohort_file.name, inputs, &schools);
    Ok(RawDataset {
        schema_version: SCHEMA_VERSION,
        title: programme.name.clone(),
        sources,
        programme,
        areas,
        area_progress,
        statements: Vec::new(),
        fsm: Vec::new(),
        ofsted_distributions: Vec::new(),
        context: None,
        area_series: Vec::new(),
        cohorts,
        schools,
        area_schools: Vec::new(),
    })
}

/// Each KS2 file's rows of the wanted schools, the file cited as the publication it is once
/// its year is known.
fn read_results(
    inputs: &Inputs<'_>,
    wanted: &BTreeSet<Urn>,
    sources: &mut Vec<Source>,
    facts: &mut HashMap<Urn, SchoolFacts>,
    c: &mut Collector,
    summary: &mut Summary,
) {
    for (i, (file, year)) in inputs.ks2.iter().enumerate() {
        let id = format!("ks2-{}", i + 1);
        let mut src = file_source(
            &id,
            file.name,
            "Department for Education",
            "KS2 school-level performance data",
        );
        let before = summary.years.len();
        read_ks2(*file, *year, wanted, &id, facts, c, summary);
        let read_as = facts
            .values()
            .flat_map(|f| f.ks2.iter())
            .find(|r| r.source == id)
            .map(|r| r.year);
        if let (Some(y), true) = (read_as, summary.years.len() > before) {
            src.title = format!("Key stage 2 school performance tables, {y} (school-level file)");
            src.date = format!("{}/{:02} academic year", y - 1, y % 100);
            src.citation = format!(
                "DfE, KS2 school performance tables {y}: progress scores of each school, by URN, imported from the file {}.",
                file.name
            );
        }
        sources.push(src);
    }
}

/// A predecessor's results kept under the school it became, marked as the predecessor's: the
/// school's own row for a year wins, unless it publishes no score at all (a new academy's
/// empty first row while its results were the predecessor's).
fn keep_predecessors_results(
    predecessors: &BTreeMap<Urn, (Urn, String)>,
    facts: &mut HashMap<Urn, SchoolFacts>,
    summary: &mut Summary,
) {
    for (pred, (member, link_name)) in predecessors {
        let Some(pf) = facts.remove(pred) else {
            continue;
        };
        let name = pf.name.unwrap_or_else(|| link_name.clone());
        let entry = facts.entry(*member).or_default();
        for mut r in pf.ks2 {
            if let Some(i) = entry.ks2.iter().position(|o| o.year == r.year) {
                let empty = entry
                    .ks2
                    .get(i)
                    .is_some_and(|o| Subject::ALL.iter().all(|s| o.score(*s).is_none()));
                if !empty {
                    continue;
                }
                entry.ks2.remove(i);
            }
            r.published_as = Some(Box::new(crate::model::PublishedAs {
                urn: *pred,
                name: name.clone(),
            }));
            summary.from_predecessors += 1;
            entry.ks2.push(r);
        }
    }
}

/// Each Ofsted file's rows of the listed schools, the file cited with the date in its name.
fn read_inspections(
    inputs: &Inputs<'_>,
    listed: &BTreeSet<Urn>,
    sources: &mut Vec<Source>,
    facts: &mut HashMap<Urn, SchoolFacts>,
    c: &mut Collector,
    summary: &mut Summary,
) {
    for (i, file) in inputs.ofsted.iter().enumerate() {
        let id = format!("ofsted-{}", i + 1);
        let mut src = file_source(&id, file.name, "Ofsted", "Ofsted inspection outcomes");
        src.title = "Management information: state-funded schools' inspections and outcomes".into();
        if let Some(d) = cells::date_in_name(file.name) {
            src.title
                .push_str(&format!(", as at {}", crate::format::date(&d)));
            src.date = d;
        }
        sources.push(src);
        read_ofsted(*file, listed, &id, facts, c, summary);
    }
}

/// One listed school from what the files hold of it (a URN found nowhere keeps its number
/// for a name and has no figures: the summary names it).
fn school(urn: Urn, found: Option<SchoolFacts>, summary: &mut Summary) -> School {
    let (name, mut ks2, ofsted, special) = found
        .map_or((None, Vec::new(), Vec::new(), false), |f| {
            (f.name, f.ks2, f.ofsted, f.special)
        });
    crate::order::sort_by_key(&mut ks2, |r| r.year);
    if !ks2.is_empty() {
        summary.matched_ks2 += 1;
    }
    if !ofsted.is_empty() {
        summary.matched_ofsted += 1;
    }
    if ks2.is_empty() && ofsted.is_empty() {
        summary.unmatched.push(urn);
    }
    School {
        urn,
        name: name.unwrap_or_else(|| format!("URN {urn}")),
        // Junior and infant schools are told apart by the school list (--spine).
        kind: if special {
            SchoolKind::Special
        } else {
            SchoolKind::Primary
        },
        no_ks2_reason: ks2
            .is_empty()
            .then(|| "No KS2 results for this school in the files imported.".to_string()),
        ks2,
        ofsted,
        report_extracts: Vec::new(),
        school_type: None,
        facts: Vec::new(),
    }
}

/// The cohorts as listed, and the programme they make: its size and the years its cohorts
/// started, each citing the list.
fn cohorts_and_programme(
    list: &CohortList,
    file: &str,
    inputs: &Inputs<'_>,
    schools: &[School],
) -> (Vec<Cohort>, Programme) {
    let mut waves: BTreeMap<u16, u32> = BTreeMap::new();
    let cohorts: Vec<Cohort> = list
        .order
        .iter()
        .filter_map(|id| {
            let (name, years, members) = list.cohorts.get(id)?;
            if let Some(y) = years.iter().min() {
                *waves.entry(*y).or_insert(0) += 1;
            }
            Some(Cohort {
                id: id.clone(),
                name: name.clone(),
                schools: members.clone(),
                source: LIST_SOURCE.into(),
                membership: format!("Members as listed in {file}."),
            })
        })
        .collect();
    let count = |n: usize| SourcedCount {
        value: u32::try_from(n).unwrap_or(u32::MAX),
        source: LIST_SOURCE.into(),
    };
    let programme = Programme {
        name: inputs
            .title
            .clone()
            .unwrap_or_else(|| "Imported cohorts".to_string()),
        cohorts_total: count(cohorts.len()),
        schools_total: count(schools.len()),
        start_waves: waves
            .into_iter()
            .map(|(year, cohorts)| StartWave {
                year,
                cohorts,
                source: LIST_SOURCE.into(),
            })
            .collect(),
        membership_note: format!("Cohort membership as listed in {file}."),
        cohort_word: None,
        by: None,
    };
    (cohorts, programme)
}
