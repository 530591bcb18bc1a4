//! The area comparators CSV (`area,year,group,subject,score,lower,upper,source`).

use super::*;

pub(super) fn read_comparators(
    input: InputFile<'_>,
    c: &mut Collector,
    summary: &mut Summary,
) -> (Vec<Area>, Vec<AreaProgress>, Vec<Source>) {
    let file = input.name;
    let mut areas: Vec<Area> = Vec::new();
    let mut rows_out = Vec::new();
    let mut sources: Vec<Source> = Vec::new();
    let Some(mut t) = c.take(Table::open(input)) else {
        return (areas, rows_out, sources);
    };
    let cols: Vec<Option<usize>> = ["area", "year", "group", "subject", "score", "source"]
        .iter()
        .map(|n| c.take(t.require(&[n])))
        .collect();
    let [Some(ai), Some(yi), Some(gi), Some(si), Some(vi), Some(soi)] = cols.as_slice() else {
        return (areas, rows_out, sources);
    };
    let (ai, yi, gi, si, vi, soi) = (*ai, *yi, *gi, *si, *vi, *soi);
    let li = t.find(&["lower"]);
    let ui = t.find(&["upper"]);
    let rows = t.rows();
    for row in rows {
        let Some((line, rec)) = c.take(row) else {
            continue;
        };
        summary.rows_read += 1;
        let get = |i: usize| rec.get(i).unwrap_or("").trim();
        let area_name = get(ai);
        let area = slug(area_name);
        if area.is_empty() {
            c.take::<()>(Err(err(
                file,
                line,
                "area",
                "an area name",
                quoted(area_name),
            )));
            continue;
        }
        let year = c.take(year_cell(file, line, "year", get(yi)));
        let group = match get(gi).to_ascii_lowercase().as_str() {
            "all" | "all pupils" => Some(PupilGroup::All),
            "disadvantaged" | "disadvantaged pupils" => Some(PupilGroup::Disadvantaged),
            other => c.take::<PupilGroup>(Err(err(
                file,
                line,
                "group",
                "all or disadvantaged",
                quoted(other),
            ))),
        };
        let subject = match get(si).to_ascii_lowercase().as_str() {
            "reading" => Some(Subject::Reading),
            "writing" => Some(Subject::Writing),
            "maths" | "mathematics" => Some(Subject::Maths),
            other => c.take::<Subject>(Err(err(
                file,
                line,
                "subject",
                "reading, writing or maths",
                quoted(other),
            ))),
        };
        let score = c.take(number(file, line, "score", get(vi), "a progress score"));
        let lower = li.and_then(|i| {
            c.take(number(
                file,
                line,
                "lower",
                rec.get(i).unwrap_or(""),
                "a confidence limit",
            ))
            .flatten()
        });
        let upper = ui.and_then(|i| {
            c.take(number(
                file,
                line,
                "upper",
                rec.get(i).unwrap_or(""),
                "a confidence limit",
            ))
            .flatten()
        });
        let source_text = get(soi);
        if source_text.is_empty() {
            c.take::<()>(Err(err(
                file,
                line,
                "source",
                "the source of the figure",
                "an empty value",
            )));
            continue;
        }
        let (Some(year), Some(group), Some(subject), Some(score)) = (year, group, subject, score)
        else {
            continue;
        };
        let Some(value) = score else {
            summary.suppressed += 1;
            continue;
        };
        if !areas.iter().any(|a| a.id == area) {
            areas.push(Area {
                id: area.clone(),
                name: area_name.to_string(),
            });
        }
        let source_id = format!("comparator-{}", slug(source_text));
        if !sources.iter().any(|s| s.id == source_id) {
            sources.push(Source {
                id: source_id.clone(),
                title: source_text.to_string(),
                publisher: "as named in the comparators file".into(),
                date: "as named in the comparators file".into(),
                citation: format!("{source_text} (from {file})"),
                url: None,
            });
        }
        rows_out.push(AreaProgress {
            area,
            year,
            pupils: group,
            subject,
            value,
            lower,
            upper,
            quote: None,
            source: source_id,
            note: None,
        });
    }
    (areas, rows_out, sources)
}
