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
    for row in rows {
        let Some((line, rec)) = c.take(row) else {
            continue;
        };
        summary.rows_read += 1;
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
        let year = c.take(
            year.trim()
                .parse::<u16>()
                .ok()
                .filter(|y| (1990..=2100).contains(y))
                .ok_or_else(|| {
                    err(
                        file,
                        line,
                        "joined_year",
                        "a year such as 2015",
                        quoted(year),
                    )
                }),
        );
        let Some(u) = c.take(urn(file, line, "urn", rec.get(ui).unwrap_or(""))) else {
            continue;
        };
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
    list
}
