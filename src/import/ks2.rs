//! DfE's KS2 school-level files (`england_ks2final` layout): progress scores with confidence
//! limits and the disadvantaged pupils' figures of the listed schools.

use super::*;

pub(super) fn score(
    file: &str,
    line: usize,
    rec: &csv::StringRecord,
    t: &Table<'_>,
    base: &str,
    c: &mut Collector,
) -> Option<Score> {
    let col = t.find(&[base])?;
    let v = rec.get(col).unwrap_or("");
    let value = c.take(number(
        file,
        line,
        &base.to_ascii_uppercase(),
        v,
        "a progress score",
    ))??;
    let bound = |suffix: &str, c: &mut Collector| -> Option<f64> {
        let name = format!("{base}_{suffix}");
        let i = t.find(&[name.as_str()])?;
        c.take(number(
            file,
            line,
            &name.to_ascii_uppercase(),
            rec.get(i).unwrap_or(""),
            "a confidence limit",
        ))
        .flatten()
    };
    let lower = bound("lower", c);
    let upper = bound("upper", c);
    Some(Score {
        value,
        lower,
        upper,
    })
}

pub(super) fn count_suppressed(rec: &csv::StringRecord, t: &Table<'_>, bases: &[&str]) -> usize {
    bases
        .iter()
        .filter_map(|b| t.find(&[b]))
        .filter(|i| rec.get(*i).is_some_and(is_not_published))
        .count()
}

pub(super) struct SchoolFacts {
    pub(super) name: Option<String>,
    pub(super) ks2: Vec<Ks2Result>,
    pub(super) ofsted: Vec<Inspection>,
}

/// The data rows of member schools, with line and URN. Every row's URN is checked; other
/// fields of non-member rows are not read, so a fault in another school's row is not this
/// dataset's concern.
pub(super) fn member_rows(
    t: &mut Table<'_>,
    urn_col: usize,
    members: &BTreeSet<Urn>,
    c: &mut Collector,
    summary: &mut Summary,
) -> Vec<(usize, csv::StringRecord, Urn)> {
    let file = t.file;
    let mut out = Vec::new();
    for row in t.rows() {
        let Some((line, rec)) = c.take(row) else {
            continue;
        };
        summary.rows_read += 1;
        let Some(u) = c.take(urn(file, line, "URN", rec.get(urn_col).unwrap_or(""))) else {
            continue;
        };
        if members.contains(&u) {
            out.push((line, rec, u));
        }
    }
    out
}

pub(super) fn read_ks2(
    input: InputFile<'_>,
    year: Option<u16>,
    members: &BTreeSet<Urn>,
    source: &str,
    facts: &mut HashMap<Urn, SchoolFacts>,
    c: &mut Collector,
    summary: &mut Summary,
) {
    let file = input.name;
    let Some(year) = year.or_else(|| year_in_name(file)) else {
        c.take::<()>(Err(err(
            file,
            0,
            "year",
            "a year in the file name or given with --year",
            "neither",
        )));
        return;
    };
    let Some(mut t) = c.take(Table::open(input)) else {
        return;
    };
    let Some(ui) = c.take(t.require(&["urn"])) else {
        return;
    };
    if t.find(&["readprog", "writprog", "matprog"]).is_none() {
        c.take::<()>(t.require(&["readprog", "writprog", "matprog"]).map(|_| ()));
        return;
    }
    let name_col = t.find(&["schname", "school name", "school_name"]);
    for (line, rec, u) in member_rows(&mut t, ui, members, c, summary) {
        let reading = score(file, line, &rec, &t, "readprog", c);
        let writing = score(file, line, &rec, &t, "writprog", c);
        let maths = score(file, line, &rec, &t, "matprog", c);
        let dis_reading = score(file, line, &rec, &t, "readprog_fsm6cla1a", c);
        let dis_writing = score(file, line, &rec, &t, "writprog_fsm6cla1a", c);
        let dis_maths = score(file, line, &rec, &t, "matprog_fsm6cla1a", c);
        let pct = t.find(&["ptfsm6cla1a"]).and_then(|i| {
            let v = rec.get(i).unwrap_or("");
            c.take(number(
                file,
                line,
                "PTFSM6CLA1A",
                v.trim_end_matches('%'),
                "a percentage",
            ))
            .flatten()
        });
        summary.suppressed += count_suppressed(
            &rec,
            &t,
            &[
                "readprog",
                "writprog",
                "matprog",
                "readprog_fsm6cla1a",
                "writprog_fsm6cla1a",
                "matprog_fsm6cla1a",
                "ptfsm6cla1a",
            ],
        );
        let disadvantaged = (dis_reading.is_some() || dis_writing.is_some() || dis_maths.is_some())
            .then_some(SubjectScores {
                reading: dis_reading,
                writing: dis_writing,
                maths: dis_maths,
            });
        let entry = facts.entry(u).or_insert_with(|| SchoolFacts {
            name: None,
            ks2: Vec::new(),
            ofsted: Vec::new(),
        });
        if let Some(n) = name_col
            .and_then(|i| rec.get(i))
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            entry.name = Some(n.to_string());
        }
        if entry.ks2.iter().any(|r| r.year == year) {
            c.take::<()>(Err(err(
                file,
                line,
                "URN",
                format!("one row per school for {year}"),
                format!("URN {u} again"),
            )));
            continue;
        }
        entry.ks2.push(Ks2Result {
            year,
            reading,
            writing,
            maths,
            disadvantaged_percent: pct,
            disadvantaged: disadvantaged.map(Box::new),
            source: source.to_string(),
        });
    }
}
