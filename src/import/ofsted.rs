//! Ofsted inspection files: each listed school's inspections and judgements.

use super::*;

pub(super) fn read_ofsted(
    input: InputFile<'_>,
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
    let (Some(ui), Some(di), Some(ji)) = (
        c.take(t.require(&["urn"])),
        c.take(t.require(&[
            "inspection date",
            "inspection_date",
            "inspectiondate",
            "inspection start date",
        ])),
        c.take(t.require(&[
            "overall effectiveness",
            "overall_effectiveness",
            "overalleffectiveness",
        ])),
    ) else {
        return;
    };
    let name_col = t.find(&["school name", "school_name", "schname"]);
    for (line, rec, u) in member_rows(&mut t, ui, members, c, summary) {
        let d = c.take(date(
            file,
            line,
            "Inspection date",
            rec.get(di).unwrap_or(""),
        ));
        let j = c.take(judgement(
            file,
            line,
            "Overall effectiveness",
            rec.get(ji).unwrap_or(""),
        ));
        let (Some(d), Some(j)) = (d, j) else { continue };
        let Some(j) = j else {
            summary.suppressed += 1;
            continue;
        };
        let entry = facts.entry(u).or_default();
        if entry.name.is_none() {
            entry.name = name_col
                .and_then(|i| rec.get(i))
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_string);
        }
        if !entry.ofsted.iter().any(|i| i.date == d) {
            entry.ofsted.push(Inspection {
                date: d,
                judgement: j,
                leadership_and_management: None,
                source: source.into(),
                // Only the links file or an opening date can tell.
                predecessor: None,
                note: None,
                published_as: None,
                named: None,
            });
        }
    }
}
