//! DfE's KS2 school-level files (`england_ks2final` layout): progress scores with confidence
//! limits, pupils (`TELIG`) and the disadvantaged pupils' figures of the listed schools. Files
//! in the layout of the yearly extracts (`Reading Progress`, `KS2 Pupils`, `Academic Year`, …)
//! are read through [`EXTRACT_COLUMNS`], a written mapping to DfE's names.

use super::*;

/// The yearly extracts' column names and the DfE columns they hold (`ks2_column_meanings.csv`).
/// Their "Writing Score", "Writing Meet Std" and "Writing Exceed Std" hold grammar,
/// punctuation and spelling (`GPS_AVERAGE`, `PTGPS_EXP`, `PTGPS_HIGH`), not writing: they map
/// to those names, so nothing can read them as writing. "Writing Progress" is writing.
pub const EXTRACT_COLUMNS: [(&str, &str); 11] = [
    ("reading progress", "readprog"),
    ("writing progress", "writprog"),
    ("maths progress", "matprog"),
    ("ks2 pupils", "telig"),
    ("overall meet std", "ptrwm_exp"),
    ("writing score", "gps_average"),
    ("writing meet std", "ptgps_exp"),
    ("writing exceed std", "ptgps_high"),
    ("reading progress band", "readprog_band"),
    ("writing progress band", "writprog_band"),
    ("maths progress band", "matprog_band"),
];

/// Renames an extract's columns to DfE's; a file already in DfE's layout is left as it is.
fn map_extract_columns(t: &mut Table<'_>) {
    if !t.headers.iter().any(|h| h == "reading progress") {
        return;
    }
    for h in &mut t.headers {
        if let Some((_, dfe)) = EXTRACT_COLUMNS.iter().find(|(from, _)| from == h) {
            *h = (*dfe).to_string();
        }
    }
}

/// The year a file's rows say they are (`Academic Year`, `YEAR`: 2016 = 2015/16), if it
/// has such a column: every row must agree.
fn year_in_file(
    file: &str,
    rows: &[(usize, csv::StringRecord, Urn)],
    col: Option<usize>,
    c: &mut Collector,
) -> Option<u16> {
    let col = col?;
    let mut found: Option<(u16, usize)> = None;
    for (line, rec, _) in rows {
        let v = rec.get(col).unwrap_or("").trim();
        let Some(y) = c.take(year_cell(file, *line, "Academic Year", v)) else {
            continue;
        };
        match found {
            Some((first, first_line)) if first != y => {
                c.take::<()>(Err(err(
                    file,
                    *line,
                    "Academic Year",
                    format!("{first}, as on line {first_line}: one year a file"),
                    y.to_string(),
                )));
            }
            None => found = Some((y, *line)),
            _ => {}
        }
    }
    found.map(|(y, _)| y)
}

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
    let band = [format!("{base}_band"), format!("{base}_descr")]
        .iter()
        .find_map(|n| t.find(&[n.as_str()]).map(|i| (n.clone(), i)))
        .and_then(|(name, i)| {
            c.take(progress_band(file, line, &name, rec.get(i).unwrap_or("")))
                .flatten()
        });
    Some(Score {
        value,
        lower: lower.into(),
        upper: upper.into(),
        band,
    })
}

/// DfE's progress band: 1 (well above average) to 5 (well below), as a digit or in words;
/// empty or a DfE symbol is not published.
fn progress_band(
    file: &str,
    line: usize,
    column: &str,
    v: &str,
) -> Result<Option<u8>, ImportError> {
    let t = v.trim().to_ascii_lowercase();
    if is_not_published(&t) {
        return Ok(None);
    }
    let words = [
        "well above average",
        "above average",
        "average",
        "below average",
        "well below average",
    ];
    if let Some(i) = words.iter().position(|w| *w == t) {
        return Ok(u8::try_from(i + 1).ok());
    }
    match t.parse::<u8>() {
        Ok(b @ 1..=5) => Ok(Some(b)),
        _ => Err(err(
            file,
            line,
            &column.to_ascii_uppercase(),
            "a progress band, 1 (well above average) to 5 (well below)",
            quoted(v),
        )),
    }
}

pub(super) fn count_suppressed(rec: &csv::StringRecord, t: &Table<'_>, bases: &[&str]) -> usize {
    bases
        .iter()
        .filter_map(|b| t.find(&[b]))
        .filter(|i| rec.get(*i).is_some_and(is_not_published))
        .count()
}

#[derive(Default)]
pub(super) struct SchoolFacts {
    pub(super) name: Option<String>,
    /// A file says it is a special school.
    pub(super) special: bool,
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
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        summary.rows_read += 1;
        let raw_urn = rec.get(urn_col).unwrap_or("").trim();
        if raw_urn.is_empty() {
            // DfE's full files end with England and local-authority totals: no URN, not a
            // school. Counted, said in the summary, skipped.
            summary.total_rows += 1;
            continue;
        }
        let Some(u) = c.take(urn(file, line, "URN", raw_urn)) else {
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
    let Some(mut t) = c.take(Table::open(input)) else {
        return;
    };
    map_extract_columns(&mut t);
    let Some(ui) = c.take(t.require(&["urn"])) else {
        return;
    };
    if t.find(&["readprog", "writprog", "matprog"]).is_none() {
        c.take::<()>(t.require(&["readprog", "writprog", "matprog"]).map(|_| ()));
        return;
    }
    let name_col = t.find(&["schname", "school name", "school_name"]);
    let rectype = t.find(&["rectype"]);
    let year_col = t.find(&["academic year", "year"]);
    let rows = member_rows(&mut t, ui, members, c, summary);
    // The year comes from the file where it says; the name or --year must then agree.
    let stated = year.or_else(|| year_in_name(file));
    let year = match (year_in_file(file, &rows, year_col, c), stated) {
        (Some(y), Some(s)) if y != s => {
            c.take::<()>(Err(err(
                file,
                0,
                "Academic Year",
                format!("{s}, the year in the file name or --year"),
                y.to_string(),
            )));
            return;
        }
        (Some(y), _) => {
            summary
                .years
                .push(format!("{file}: KS2 {y}, from its Academic Year column"));
            y
        }
        (None, Some(y)) => {
            let how = if year.is_some() {
                "as given (--year)"
            } else {
                "from its name"
            };
            summary.years.push(format!("{file}: KS2 {y}, {how}"));
            y
        }
        (None, None) => {
            c.take::<()>(Err(err(
                file,
                0,
                "year",
                "the year of the results: an Academic Year column, or a year in the file name (ks2_2019.csv, or DfE's 2018-2019 folder name), or --year on the command line",
                "none",
            )));
            return;
        }
    };
    for (line, rec, u) in rows {
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
        let pupils = t.find(&["telig"]).and_then(|i| {
            let v = rec.get(i).unwrap_or("").trim();
            if is_not_published(v) {
                return None;
            }
            c.take(v.parse::<u32>().map_err(|_| {
                err(
                    file,
                    line,
                    "TELIG",
                    "a number of pupils, or SUPP, NE or empty",
                    quoted(v),
                )
            }))
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
        let entry = facts.entry(u).or_default();
        // DfE's RECTYPE 2 is a special school.
        if rectype
            .and_then(|i| rec.get(i))
            .is_some_and(|v| v.trim() == "2")
        {
            entry.special = true;
        }
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
            published_as: None,
            year,
            pupils,
            reading,
            writing,
            maths,
            disadvantaged_percent: pct.into(),
            disadvantaged: disadvantaged.map(Box::new),
            source: source.into(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "URN,KS2 Pupils,KS2 Boys,KS2 Girls,Reading Progress,Reading Score,Reading Meet Std,Reading Exceed Std,Reading Progress Band,Reading Progress Desc,Writing Progress,Writing Score,Writing Meet Std,Writing Exceed Std,Writing Progress Band,Writing Progress Desc,Maths Progress,Maths Score,Maths Meet Std,Maths Exceed Std,Maths Progress Band,Maths Progress Desc,Overall Meet Std,Overall Exceed Std,Academic Year\n";

    fn read(name: &str, body: &str, year: Option<u16>) -> (Option<Ks2Result>, Vec<String>) {
        let text = format!("{HEAD}{body}");
        let members: BTreeSet<Urn> = [124_229].into_iter().collect();
        let mut facts = HashMap::new();
        let mut c = Collector { errors: Vec::new() };
        let mut summary = Summary::default();
        read_ks2(
            InputFile { name, text: &text },
            year,
            &members,
            "ks2-1",
            &mut facts,
            &mut c,
            &mut summary,
        );
        let result = facts.get(&124_229).and_then(|f| f.ks2.first().cloned());
        (result, c.errors.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn an_extract_is_read_through_the_mapping_and_its_year_column() {
        let (r, errors) = read(
            "stoke_ks2_schools.csv",
            "124229,28,13,15,-2.6,101,50%,18%,,,-4.9,99,54%,14%,,,-5,98,50%,7%,,,39%,0%,2016\n",
            None,
        );
        assert!(errors.is_empty(), "{errors:?}");
        let r = r.unwrap_or_else(|| panic!("no result"));
        assert_eq!(r.year, 2016, "the year is the file's own");
        assert_eq!(r.pupils, Some(28));
        assert_eq!(r.reading.map(|s| s.value), Some(-2.6));
        // Writing is "Writing Progress" (−4.9), never "Writing Score" (99, which is GPS).
        assert_eq!(r.writing.map(|s| s.value), Some(-4.9));
        assert_eq!(r.maths.map(|s| s.value), Some(-5.0));
    }

    #[test]
    fn the_gps_columns_are_never_read_as_writing() {
        assert!(EXTRACT_COLUMNS
            .iter()
            .filter(|(from, _)| from.starts_with("writing") && !from.contains("progress"))
            .all(|(_, to)| to.contains("gps")));
        // An extract with its writing progress suppressed has no writing score at all, even
        // though its "Writing Score" column holds a number.
        let (r, _) = read(
            "x.csv",
            "124229,28,13,15,-2.6,101,50%,18%,,,SUPP,99,54%,14%,,,-5,98,50%,7%,,,39%,0%,2017\n",
            None,
        );
        assert_eq!(r.map(|r| r.writing), Some(None));
    }

    #[test]
    fn a_year_in_the_name_that_disagrees_with_the_file_is_refused() {
        let (_, errors) = read(
            "stoke_ks2_schools_2017.csv",
            "124229,28,13,15,-2.6,101,50%,18%,,,-4.9,99,54%,14%,,,-5,98,50%,7%,,,39%,0%,2016\n",
            None,
        );
        assert_eq!(
            errors,
            vec!["stoke_ks2_schools_2017.csv:0: Academic Year: expected 2017, the year in the file name or --year, found 2016"]
        );
    }

    #[test]
    fn rows_of_two_years_in_one_file_are_refused_and_pupils_must_be_counts() {
        let (_, errors) = read(
            "x.csv",
            "124229,lots,13,15,-2.6,101,50%,18%,,,-4.9,99,54%,14%,,,-5,98,50%,7%,,,39%,0%,2016\n\
             124229,28,13,15,-2.6,101,50%,18%,,,-4.9,99,54%,14%,,,-5,98,50%,7%,,,39%,0%,2017\n",
            None,
        );
        assert!(
            errors.iter().any(|e| {
                e
            == "x.csv:3: Academic Year: expected 2016, as on line 2: one year a file, found 2017"
            }),
            "{errors:?}"
        );
        assert!(errors.iter().any(|e| e
            == "x.csv:2: TELIG: expected a number of pupils, or SUPP, NE or empty, found \u{201c}lots\u{201d}"), "{errors:?}");
    }
}
