//! The cohort list (`cohort,cohort_name,joined_year,urn`) and the list's own mistakes.

use super::*;

#[derive(Default)]
pub(super) struct CohortList {
    /// cohort id → (name, joined years, members in file order)
    pub(super) cohorts: BTreeMap<String, (String, Vec<u16>, Vec<Urn>)>,
    pub(super) order: Vec<String>,
    pub(super) urns: BTreeSet<Urn>,
}

pub(super) fn read_cohorts(
    input: InputFile<'_>,
    c: &mut Collector,
    summary: &mut Summary,
) -> CohortList {
    let mut list = CohortList::default();
    let Some(mut t) = c.take(Table::open(input)) else {
        return list;
    };
    let (Some(ci), Some(ni), Some(yi), Some(ui)) = (
        c.take(t.require(&["cohort"])),
        c.take(t.require(&["cohort_name"])),
        c.take(t.require(&["joined_year"])),
        c.take(t.require(&["urn"])),
    ) else {
        return list;
    };
    let file = input.name;
    let rows = t.rows();
    // Where each cohort and school was first listed, for the list's own mistakes.
    let mut first: BTreeMap<String, (usize, String, String, Option<u16>)> = BTreeMap::new();
    let mut placed: BTreeMap<Urn, Vec<(String, usize)>> = BTreeMap::new();
    let mut warnings: Vec<String> = Vec::new();
    let mut warn = |line: usize, column: &str, text: String| {
        warnings.push(format!("{file}:{line}: {column}: {text}"));
    };
    for row in rows {
        let Some((line, rec)) = c.take(row) else {
            continue;
        };
        // A row of empty cells (Excel leaves `,,,` after the last row) is not a row.
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let id_raw = rec.get(ci).unwrap_or("");
        let id = slug(id_raw);
        if id.is_empty() {
            c.take::<()>(Err(err(
                file,
                line,
                "cohort",
                "a cohort id",
                quoted(id_raw),
            )));
            continue;
        }
        let name = rec.get(ni).unwrap_or("").trim().to_string();
        let year = rec.get(yi).unwrap_or("");
        let year = c.take(year_cell(file, line, "joined_year", year));
        let Some(u) = c.take(urn(file, line, "urn", rec.get(ui).unwrap_or(""))) else {
            continue;
        };
        match first.get(&id) {
            None => {
                first.insert(
                    id.clone(),
                    (line, id_raw.trim().to_string(), name.clone(), year),
                );
            }
            Some((at, raw0, name0, year0)) => {
                if raw0 != id_raw.trim() {
                    warn(line, "cohort", format!(
                        "\u{201c}{}\u{201d} and \u{201c}{raw0}\u{201d} (line {at}) are read as one cohort, {id}",
                        id_raw.trim()
                    ));
                }
                if !name.is_empty() && !name0.is_empty() && *name0 != name {
                    warn(line, "cohort_name", format!(
                        "\u{201c}{name}\u{201d} for cohort {id}, which line {at} names \u{201c}{name0}\u{201d}: the first name is used"
                    ));
                }
                if let (Some(y), Some(y0)) = (year, year0) {
                    if y != *y0 {
                        warn(line, "joined_year", format!(
                            "{y} for cohort {id}, which line {at} gives as {y0}: the earliest year is its start"
                        ));
                    }
                }
            }
        }
        let seen = placed.entry(u).or_default();
        if let Some((_, at)) = seen.iter().find(|(c0, _)| *c0 == id) {
            warn(
                line,
                "urn",
                format!("URN {u} again in cohort {id} (first on line {at}): listed once"),
            );
        } else if let Some((other, at)) = seen.first() {
            warn(
                line,
                "urn",
                format!(
                    "URN {u} is in cohort {id} and in cohort {other} (line {at}): kept in both"
                ),
            );
        }
        seen.push((id.clone(), line));
        summary.rows_read += 1;
        let entry = list.cohorts.entry(id.clone()).or_insert_with(|| {
            list.order.push(id.clone());
            (
                if name.is_empty() {
                    id_raw.trim().to_string()
                } else {
                    name.clone()
                },
                Vec::new(),
                Vec::new(),
            )
        });
        if let Some(y) = year {
            entry.1.push(y);
        }
        if !entry.2.contains(&u) {
            entry.2.push(u);
        }
        list.urns.insert(u);
        if list.urns.len() > MAX_SCHOOLS {
            c.take::<()>(Err(err(
                file,
                line,
                "urn",
                format!("at most {MAX_SCHOOLS} schools"),
                "more",
            )));
            break;
        }
    }
    summary.warnings.extend(warnings);
    list
}
