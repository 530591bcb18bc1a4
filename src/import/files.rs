//! The files a person hands the page's "Load your data", told apart by their headers, and
//! citations given for them (a citations CSV, or the command's `--cite`).

use super::*;

/// A citations file (`file,publisher,title,date`): the page's way to give a file its
/// citation, as `--cite` is the command's.
fn read_citations(input: InputFile<'_>) -> Result<Vec<(String, String)>, Vec<ImportError>> {
    let mut c = Collector { errors: Vec::new() };
    let mut out = Vec::new();
    if let Some(mut t) = c.take(Table::open(input)) {
        let cols: Vec<Option<usize>> = ["file", "publisher", "title", "date"]
            .iter()
            .map(|n| c.take(t.require(&[n])))
            .collect();
        if let [Some(f), Some(p), Some(ti), Some(d)] = cols.as_slice() {
            for row in t.rows() {
                let Some((_, rec)) = c.take(row) else {
                    continue;
                };
                let get = |i: usize| rec.get(i).unwrap_or("").trim().to_string();
                if get(*f).is_empty() {
                    continue;
                }
                out.push((get(*f), format!("{}|{}|{}", get(*p), get(*ti), get(*d))));
            }
        }
    }
    if c.errors.is_empty() {
        Ok(out)
    } else {
        Err(c.errors)
    }
}

/// Replaces the citation of each named file's source with the person's own
/// (`Publisher|Title|Date`); a file that no source cites, or a citation without its three
/// parts, is an error.
pub(super) fn cite_files(citations: &[(String, String)], raw: &mut RawDataset, c: &mut Collector) {
    for (file, text) in citations {
        let parts: Vec<&str> = text.split('|').map(str::trim).collect();
        let [publisher, title, date] = parts.as_slice() else {
            c.take::<()>(Err(err(
                file,
                0,
                "citation",
                "Publisher|Title|Date",
                quoted(text),
            )));
            continue;
        };
        let marker = format!("imported from the file {file}.");
        let mut found = false;
        for s in raw
            .sources
            .iter_mut()
            .filter(|s| s.title == *file || s.citation.ends_with(&marker))
        {
            s.publisher = (*publisher).to_string();
            s.title = (*title).to_string();
            s.date = (*date).to_string();
            s.citation = format!("{publisher}, {title} ({date}), from the file {file}.");
            found = true;
        }
        if !found {
            c.take::<()>(Err(err(
                file,
                0,
                "citation",
                "a file this import reads",
                "none cited from it",
            )));
        }
    }
}

/// What an input file is, told from its header row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A dataset JSON file.
    Dataset,
    /// The cohort list.
    Cohorts,
    /// A DfE KS2 school-level file.
    Ks2,
    /// An Ofsted inspections file.
    Ofsted,
    /// Area comparators.
    Comparators,
    /// Citations for the other files (`file,publisher,title,date`).
    Citations,
    /// DfE's links between predecessor and successor schools (`LinkURN`, `LinkType`).
    Links,
    /// DfE's school list (`OPENDATE`, `NFTYPE`, ages).
    SchoolList,
    /// The school census (`NOR`, `PNUMFSMEVER`).
    Census,
    /// Schools' free-school-meal shares (`fsm_prop`).
    Fsm,
    /// Graded inspections over the years (`Rating`, `Inspection Date`).
    InspectionHistory,
}

/// Tells what a file is from its name and first line.
pub fn classify(name: &str, text: &str) -> Option<Role> {
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let has = |col: &str| first.split(',').any(|h| h.trim().trim_matches('"') == col);
    if name.to_ascii_lowercase().ends_with(".json") || first.trim_start().starts_with('{') {
        Some(Role::Dataset)
    } else if has("cohort_name") {
        Some(Role::Cohorts)
    } else if has("readprog") || has("writprog") || has("matprog") || has("reading progress") {
        Some(Role::Ks2)
    } else if has("overall effectiveness") || has("overall_effectiveness") {
        Some(Role::Ofsted)
    } else if has("linkurn") && has("linktype") {
        Some(Role::Links)
    } else if has("rating") && has("inspection date") {
        Some(Role::InspectionHistory)
    } else if has("urn") && (has("opendate") || has("nftype")) {
        Some(Role::SchoolList)
    } else if has("nor") && has("pnumfsmever") {
        Some(Role::Census)
    } else if has("fsm_prop") {
        Some(Role::Fsm)
    } else if has("area") && has("subject") && has("score") {
        Some(Role::Comparators)
    } else if has("file") && has("publisher") && has("title") && has("date") {
        Some(Role::Citations)
    } else {
        None
    }
}

/// Builds a dataset from files a person dropped on the page: one dataset JSON, or a cohort
/// list with KS2, Ofsted, inspection-history, links, school-list, census, FSM and comparator
/// CSVs in any order, each told apart by its header: the command's files but the area ones.
pub fn from_files(files: &[(String, String)]) -> Result<(Dataset, Option<Summary>), ImportFailure> {
    let mut errors = Vec::new();
    let mut inputs = Inputs {
        title: Some("Your data".to_string()),
        ..Inputs::default()
    };
    let mut json = None;
    for (name, text) in files {
        if text.len() > MAX_FILE_BYTES {
            errors.push(err(
                name,
                0,
                "file",
                format!("at most {} MB", MAX_FILE_BYTES / (1024 * 1024)),
                format!("{} MB", text.len() / (1024 * 1024)),
            ));
            continue;
        }
        let file = InputFile { name, text };
        match classify(name, text) {
            Some(Role::Dataset) => json = Some(file),
            Some(Role::Cohorts) if inputs.cohorts.is_some() => {
                errors.push(err(name, 1, "header", "one cohort list", "a second one"))
            }
            Some(Role::Cohorts) => inputs.cohorts = Some(file),
            Some(Role::Ks2) => inputs.ks2.push((file, None)),
            Some(Role::Ofsted) => inputs.ofsted.push(file),
            Some(Role::Comparators) => inputs.comparators = Some(file),
            Some(role @ (Role::Links | Role::SchoolList | Role::Census | Role::Fsm | Role::InspectionHistory)) => {
                let slot = match role {
                    Role::Links => &mut inputs.links,
                    Role::SchoolList => &mut inputs.spine,
                    Role::Census => &mut inputs.census,
                    Role::Fsm => &mut inputs.fsm,
                    _ => &mut inputs.inspections,
                };
                if slot.is_some() {
                    errors.push(err(name, 1, "header", "one file of each kind", "a second one"));
                }
                *slot = Some(file);
            }
            Some(Role::Citations) => match read_citations(file) {
                Ok(list) => inputs.citations.extend(list),
                Err(e) => errors.extend(e),
            },
            None => errors.push(err(
                name,
                1,
                "header",
                "a dataset JSON, or a cohort list, KS2, Ofsted, inspection history, links, school list, census, FSM, comparators or citations CSV",
                quoted(
                    text.lines()
                        .next()
                        .unwrap_or("")
                        .chars()
                        .take(80)
                        .collect::<String>()
                        .as_str(),
                ),
            )),
        }
    }
    if !errors.is_empty() {
        return Err(ImportFailure::Files(errors));
    }
    match json {
        Some(f) if files.len() == 1 => Dataset::from_json(f.text)
            .map(|d| (d, None))
            .map_err(ImportFailure::Invalid),
        Some(f) => Err(ImportFailure::Files(vec![err(
            f.name,
            0,
            "file",
            "a dataset JSON on its own, or CSV files only",
            "a JSON file with other files",
        )])),
        // A cohort list alone would replace the view with schools and no figures.
        None if inputs.cohorts.is_some() && inputs.ks2.is_empty() && inputs.ofsted.is_empty() => {
            Err(ImportFailure::Files(vec![err(
                inputs.cohorts.map_or("", |f| f.name),
                0,
                "file",
                "a cohort list with DfE's KS2 file and Ofsted's inspections file too: choose them together",
                "a cohort list alone",
            )]))
        }
        None => build(&inputs).map(|(d, s)| (d, Some(s))),
    }
}
