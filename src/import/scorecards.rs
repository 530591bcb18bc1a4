//! DfE's local authority school places scorecards: existing primary places by the Ofsted
//! grade of their school (`Qual_P_1_E` Outstanding … `Qual_P_4_E` Inadequate, `Qual_P_0_E`
//! no rating), for the home authority and England, in the latest year that still has
//! single-word grades. Each becomes a distribution of places beside the distributions of
//! schools on the Ofsted chart; the years without grades are named, not drawn.

use super::{err, is_not_published, quoted, slug};
use super::{Collector, InputFile, Summary, Table};
use crate::model::{Counted, JudgementCounts, OfstedDistribution, Source};

/// Id of the source the place counts cite.
pub const SOURCE: &str = "dfe-places-scorecards";

/// What the scorecards give the dataset.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Places {
    /// One distribution per area, latest graded year.
    pub distributions: Vec<OfstedDistribution>,
    /// The scorecards source.
    pub source: Option<Source>,
}

/// "2024" → "2023/24": the end of an academic year, written as DfE writes the year.
fn academic(year: u16) -> String {
    format!("{}/{:02}", year.saturating_sub(1), year % 100)
}

/// The end year of "2023/24", "202324" or "2024".
fn end_year(text: &str) -> Option<u16> {
    crate::dates::year(text)
}

/// The count columns as DfE names them, Outstanding to no rating.
const SHOWN: [&str; 5] = [
    "Qual_P_1_E",
    "Qual_P_2_E",
    "Qual_P_3_E",
    "Qual_P_4_E",
    "Qual_P_0_E",
];

/// Reads the place counts of `home` (an LA number) and England.
pub(super) fn read(
    input: InputFile<'_>,
    home: u16,
    c: &mut Collector,
    summary: &mut Summary,
) -> Places {
    let file = input.name;
    let Some(mut t) = c.take(Table::open(input)) else {
        return Places::default();
    };
    let names = [
        "year",
        "geographic_level",
        "lanumber",
        "la_name",
        "qual_p_1_e",
        "qual_p_2_e",
        "qual_p_3_e",
        "qual_p_4_e",
        "qual_p_0_e",
    ];
    let cols: Vec<Option<usize>> = names.iter().map(|n| c.take(t.require(&[n]))).collect();
    let Some(cols) = cols.into_iter().collect::<Option<Vec<usize>>>() else {
        return Places::default();
    };
    // (is England, year) → (name, counts or None where grades were not given)
    let mut found: Vec<(bool, u16, String, Option<JudgementCounts>)> = Vec::new();
    for row in t.rows() {
        let Some((line, rec)) = c.take(row) else {
            continue;
        };
        summary.rows_read += 1;
        let get = |i: usize| rec.get(cols[i]).unwrap_or("").trim();
        let england = get(1).eq_ignore_ascii_case("national");
        let ours = get(2).parse::<u16>().ok() == Some(home);
        if !england && !ours {
            continue;
        }
        let Some(year) = c.take(end_year(get(0)).ok_or_else(|| {
            err(
                file,
                line,
                "Year",
                "an academic year such as 2023/24",
                quoted(get(0)),
            )
        })) else {
            continue;
        };
        let mut counts = [0u32; 5];
        let mut graded = true;
        for (k, slot) in counts.iter_mut().enumerate() {
            let v = get(4 + k);
            if is_not_published(v) {
                graded = false;
                continue;
            }
            match v.parse::<u32>() {
                Ok(n) => *slot = n,
                Err(_) => {
                    c.take::<()>(Err(err(
                        file,
                        line,
                        SHOWN[k],
                        "a count of places, or NA",
                        quoted(v),
                    )));
                    graded = false;
                }
            }
        }
        let jc = JudgementCounts {
            outstanding: counts[0],
            good: counts[1],
            requires_improvement: counts[2],
            inadequate: counts[3],
            not_graded: counts[4],
        };
        found.push((
            england,
            year,
            get(3).to_string(),
            (graded && jc.total() > 0).then_some(jc),
        ));
    }
    let mut out = Places::default();
    for england in [false, true] {
        let mut rows: Vec<&(bool, u16, String, Option<JudgementCounts>)> =
            found.iter().filter(|r| r.0 == england).collect();
        crate::order::sort_by_key(&mut rows, |r| r.1);
        let Some(latest) = rows.iter().rev().find(|r| r.3.is_some()) else {
            if !rows.is_empty() && c.errors.is_empty() {
                c.take::<()>(Err(err(
                    file,
                    0,
                    "Qual_P_1_E",
                    "place counts by Ofsted grade in at least one year",
                    "none",
                )));
            }
            continue;
        };
        let ungraded: Vec<String> = rows
            .iter()
            .filter(|r| r.3.is_none())
            .map(|r| academic(r.1))
            .collect();
        let mut note = format!(
            "Existing primary places counted by the Ofsted grade of their school, {}; \u{201c}Not graded\u{201d} here is places in schools with no Ofsted rating.",
            academic(latest.1)
        );
        if !ungraded.is_empty() {
            note.push_str(&format!(
                " No counts by grade are published for {}: Ofsted gives state schools no single-word grade from September 2024.",
                ungraded.join(" and ")
            ));
        }
        let Some(counts) = latest.3 else { continue };
        out.distributions.push(OfstedDistribution {
            counted: Counted::Places,
            id: format!("places-{}-{}", slug(&latest.2), latest.1),
            label: format!("Primary places in {}, {}", latest.2, academic(latest.1)),
            counts,
            published_percentages: None,
            source: SOURCE.into(),
            note: Some(note),
        });
    }
    if !out.distributions.is_empty() {
        out.source = Some(Source {
            id: SOURCE.into(),
            title: "Local authority school places scorecards".into(),
            publisher: "Department for Education".into(),
            date: "2022/23 to 2024/25".into(),
            citation: "DfE's local authority school places scorecards, from Explore Education Statistics: existing primary places counted by the Ofsted grade of their school.".into(),
            url: None,
        });
    } else if found.is_empty() {
        c.take::<()>(Err(err(
            file,
            0,
            "LANumber",
            format!("rows for local authority {home} or England"),
            "none",
        )));
    }
    out
}

/// Puts the place distributions into a dataset, replacing any it had from scorecards.
pub fn merge(raw: &mut crate::model::RawDataset, places: Places) {
    raw.ofsted_distributions
        .retain(|d| !(d.source == SOURCE && d.id.starts_with("places-")));
    raw.ofsted_distributions.extend(places.distributions);
    if let Some(s) = places.source {
        raw.sources.retain(|x| x.id != s.id);
        raw.sources.push(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "Year,geographic_level,LANumber,LA_name,Qual_P_1_E,Qual_P_2_E,Qual_P_3_E,Qual_P_4_E,Qual_P_0_E\n";

    fn run(body: &str, home: u16) -> (Places, Vec<String>) {
        let text = format!("{HEAD}{body}");
        let mut c = Collector { errors: Vec::new() };
        let mut summary = Summary::default();
        let places = read(
            InputFile {
                name: "scorecards.csv",
                text: &text,
            },
            home,
            &mut c,
            &mut summary,
        );
        (places, c.errors.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn the_latest_graded_year_is_kept_and_the_ungraded_years_named() {
        let (p, errors) = run(
            "2024/25,Local authority,861,Home Town,NA,NA,NA,NA,NA\n\
             2023/24,Local authority,861,Home Town,4755,17842,1283,420,0\n\
             2022/23,Local authority,861,Home Town,4275,16078,3503,420,0\n\
             2023/24,National,0,England,627760,3994578,322578,22350,8212\n\
             2023/24,Local authority,999,Elsewhere,1,2,3,4,5\n",
            861,
        );
        assert!(errors.is_empty(), "{errors:?}");
        let ids: Vec<&str> = p.distributions.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, vec!["places-home-town-2024", "places-england-2024"]);
        let home = &p.distributions[0];
        assert_eq!(home.label, "Primary places in Home Town, 2023/24");
        assert_eq!(home.counts.good, 17842);
        assert_eq!(home.counted, Counted::Places);
        assert!(home
            .note
            .as_deref()
            .is_some_and(|n| n.contains("No counts by grade are published for 2024/25")));
    }

    #[test]
    fn a_count_that_is_not_a_number_is_named_with_its_line() {
        let (_, errors) = run("2023/24,Local authority,861,Home Town,lots,1,1,1,0\n", 861);
        assert_eq!(
            errors,
            vec!["scorecards.csv:2: Qual_P_1_E: expected a count of places, or NA, found \u{201c}lots\u{201d}"]
        );
    }

    #[test]
    fn a_file_without_the_home_authority_or_england_is_refused() {
        let (_, errors) = run("2023/24,Local authority,999,Elsewhere,1,2,3,4,5\n", 861);
        assert_eq!(
            errors,
            vec!["scorecards.csv:0: LANumber: expected rows for local authority 861 or England, found none"]
        );
    }

    #[test]
    fn academic_years_are_read_as_written() {
        assert_eq!(end_year("2023/24"), Some(2024));
        assert_eq!(end_year("202324"), Some(2024));
        assert_eq!(end_year("2024"), Some(2024));
        assert_eq!(end_year("2023/25"), None);
        assert_eq!(end_year("soon"), None);
    }
}
