//! Files as people really produce them (SYNTHETIC fixtures made here): Windows line ends,
//! Excel's Windows-1252 CSV and workbooks, DfE's total rows and folder names, trailing empty
//! rows, the cohort list's own mistakes, and more errors than the limit.

use super::*;

const COHORTS: &str = "cohort,cohort_name,joined_year,urn\nnorth,North Network,2015,100001\nsouth,South Group,2016,100002\n";
const KS2: &str = "URN,SCHNAME,READPROG,WRITPROG,MATPROG\n100001,Alpha Primary,1.5,0.2,-0.4\n100002,Beta Primary,0.1,0.7,0.3\n";

fn run(cohorts: &str, ks2_name: &str, ks2: &str) -> Result<(Dataset, Summary), ImportFailure> {
    build(&Inputs {
        cohorts: Some(InputFile {
            name: "cohorts.csv",
            text: cohorts,
        }),
        ks2: vec![(
            InputFile {
                name: ks2_name,
                text: ks2,
            },
            None,
        )],
        ..Inputs::default()
    })
}

fn failure(r: Result<(Dataset, Summary), ImportFailure>) -> String {
    r.err().map(|e| e.to_string()).unwrap_or_default()
}

#[test]
fn line_numbers_are_exact_with_windows_line_ends() {
    let crlf = KS2.replace("0.7", "seven").replace('\n', "\r\n");
    assert_eq!(
        failure(run(COHORTS, "ks2_2019.csv", &crlf)),
        "ks2_2019.csv:3: WRITPROG: expected a progress score or SUPP, NE, LOWCOV, NP or empty, found \u{201c}seven\u{201d}"
    );
}

#[test]
fn excels_windows_1252_csv_is_read_and_a_workbook_is_refused_with_the_fix() {
    let bytes =
        b"cohort,cohort_name,joined_year,urn\nnorth,Seven Stars \x96 St Mary\x92s,2015,100001\n";
    let (text, enc) = match decode_text("cohorts.csv", bytes) {
        Ok(t) => t,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(enc, Encoding::Windows1252);
    assert!(text.contains("Seven Stars \u{2013} St Mary\u{2019}s"));
    let (ds, _) = match run(&text, "ks2_2019.csv", KS2) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(
        ds.raw().cohorts[0].name,
        "Seven Stars \u{2013} St Mary\u{2019}s"
    );
    let xlsx = decode_text("cohorts.xlsx", b"PK\x03\x04\x14\x00rest")
        .err()
        .map(|e| e.to_string());
    assert_eq!(
        xlsx.as_deref(),
        Some("cohorts.xlsx:0: file: expected a CSV file: in Excel choose File, Save As, \u{201c}CSV UTF-8 (Comma delimited) (*.csv)\u{201d}, found an Excel workbook (.xlsx)")
    );
    assert!(decode_text("ok.csv", "caf\u{e9}".as_bytes())
        .is_ok_and(|(t, e)| t == "caf\u{e9}" && e == Encoding::Utf8));
}

#[test]
fn dfe_total_rows_are_skipped_and_counted_and_the_folder_year_is_the_tests_year() {
    let with_totals = format!("{KS2},England total,0.0,0.0,0.0\n,Stoke-on-Trent,0.1,0.2,0.3\n");
    let (ds, summary) = match run(COHORTS, "2018-2019_england_ks2final.csv", &with_totals) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(summary.total_rows, 2);
    assert_eq!(
        ds.school(100_001).map(|s| s.ks2[0].year),
        Some(2019),
        "2018-2019 is the 2019 tests"
    );
    assert_eq!(
        summary.years,
        vec!["2018-2019_england_ks2final.csv: KS2 2019, from its name".to_string()]
    );
    assert!(summary
        .to_string()
        .contains("2 rows without a URN (England and local-authority totals) skipped"));
    assert_eq!(year_in_name("ks2_2019_schools.csv"), Some(2019));
    assert_eq!(
        year_in_name("2016_to_2019.csv"),
        Some(2016),
        "not consecutive years: the first"
    );
}

#[test]
fn trailing_empty_rows_are_not_rows() {
    let cohorts = format!("{COHORTS},,,\n,,,\n");
    let ks2 = format!("{KS2},,,,\n");
    let (ds, summary) = run(&cohorts, "ks2_2019.csv", &ks2).unwrap_or_else(|e| panic!("{e}"));
    let plain =
        run(COHORTS, "ks2_2019.csv", KS2).map(|(d, s)| (d.raw().schools.len(), s.rows_read));
    assert_eq!(
        Ok((ds.raw().schools.len(), summary.rows_read)),
        plain,
        "the empty rows add no school and are not counted as rows read"
    );
}

#[test]
fn the_lists_own_mistakes_are_warned_with_their_lines() {
    let list = "cohort,cohort_name,joined_year,urn\n\
                seven-stars,Seven Stars,2015,100001\n\
                seven-stars,Seven Star,2016,100002\n\
                Seven-Stars,Seven Stars,2015,100001\n\
                esprit,ESPRIT,2016,100002\n";
    let (_, summary) = match run(list, "ks2_2019.csv", KS2) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    let w = summary.warnings.join("\n");
    for want in [
        "cohorts.csv:3: cohort_name: \u{201c}Seven Star\u{201d} for cohort seven-stars, which line 2 names \u{201c}Seven Stars\u{201d}: the first name is used",
        "cohorts.csv:3: joined_year: 2016 for cohort seven-stars, which line 2 gives as 2015: the earliest year is its start",
        "cohorts.csv:4: cohort: \u{201c}Seven-Stars\u{201d} and \u{201c}seven-stars\u{201d} (line 2) are read as one cohort, seven-stars",
        "cohorts.csv:4: urn: URN 100001 again in cohort seven-stars (first on line 2): listed once",
        "cohorts.csv:5: urn: URN 100002 is in cohort esprit and in cohort seven-stars (line 3): kept in both",
    ] {
        assert!(w.contains(want), "missing: {want}\nin:\n{w}");
    }
}

#[test]
fn past_fifty_problems_the_rest_are_counted() {
    let mut list = String::from("cohort,cohort_name,joined_year,urn\n");
    let mut ks2 = String::from("URN,READPROG,WRITPROG,MATPROG\n");
    for i in 0..60 {
        list.push_str(&format!("big,Big,2015,{}\n", 200_000 + i));
        ks2.push_str(&format!("{},bad,0,0\n", 200_000 + i));
    }
    let msg = failure(run(&list, "ks2_2019.csv", &ks2));
    assert_eq!(msg.lines().count(), 51, "{msg}");
    assert_eq!(msg.lines().last(), Some("and 10 more problems"));
}

#[test]
fn a_cohort_list_alone_is_refused_with_what_is_missing() {
    let files = vec![("our-cohorts.csv".to_string(), COHORTS.to_string())];
    let msg = from_files(&files)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert_eq!(
        msg,
        "our-cohorts.csv:0: file: expected a cohort list with DfE's KS2 file and Ofsted's inspections file too: choose them together, found a cohort list alone"
    );
}

#[test]
fn a_special_school_is_known_by_rectype_and_a_missing_urn_says_where_it_was_looked_for() {
    let list = format!("{COHORTS}south,South Group,2016,100009\n");
    let ks2 = "RECTYPE,URN,SCHNAME,READPROG,WRITPROG,MATPROG\n1,100001,Alpha Primary,1.5,0.2,-0.4\n2,100002,Beta Special,-3.1,-2.0,-4.4\n";
    let (ds, summary) = match run(&list, "ks2_2019.csv", ks2) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(
        ds.school(100_002).map(|s| s.kind),
        Some(crate::model::SchoolKind::Special)
    );
    assert_eq!(
        ds.school(100_001).map(|s| s.kind),
        Some(crate::model::SchoolKind::Primary)
    );
    assert!(summary.to_string().ends_with(
        "1 URNs found in no file: 100009 (looked for in ks2_2019.csv); each is shown as \u{201c}URN n\u{201d} with no figures: check the URN"
    ), "{summary}");
}

#[test]
fn without_links_whether_an_inspection_was_a_predecessors_is_unknown_never_false() {
    let ofsted =
        "URN,Inspection date,Overall effectiveness\n100002,2015-03-25,4\n100002,2018-05-01,2\n";
    let base = Inputs {
        cohorts: Some(InputFile {
            name: "cohorts.csv",
            text: COHORTS,
        }),
        ks2: vec![(
            InputFile {
                name: "ks2_2019.csv",
                text: KS2,
            },
            None,
        )],
        ofsted: vec![InputFile {
            name: "ofsted.csv",
            text: ofsted,
        }],
        ..Inputs::default()
    };
    let (ds, _) = match build(&base) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    let known: Vec<Option<bool>> = ds
        .school(100_002)
        .map(|s| s.ofsted.iter().map(|i| i.predecessor).collect())
        .unwrap_or_default();
    assert_eq!(known, vec![None, None]);
    // With the links file: the conversion on 1 May 2017 tells both.
    let links = "URN,LinkURN,LinkName,LinkType,LinkEstablishedDate\n100002,100099,Old Beta School,Predecessor,01-05-2017\n";
    let with = Inputs {
        links: Some(InputFile {
            name: "links.csv",
            text: links,
        }),
        ..base
    };
    let (ds, summary) = match build(&with) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    let marked: Vec<(Option<bool>, Option<u32>)> = ds
        .school(100_002)
        .map(|s| {
            s.ofsted
                .iter()
                .map(|i| (i.predecessor, i.published_as.as_ref().map(|p| p.urn)))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        marked,
        vec![(Some(true), Some(100_099)), (Some(false), None)]
    );
    assert_eq!(summary.predecessor_inspections, 1);
}

#[test]
fn a_file_can_be_given_its_own_citation() {
    let mut inputs = Inputs {
        cohorts: Some(InputFile {
            name: "cohorts.csv",
            text: COHORTS,
        }),
        ks2: vec![(
            InputFile {
                name: "ks2_2019.csv",
                text: KS2,
            },
            None,
        )],
        citations: vec![(
            "ks2_2019.csv".into(),
            "Department for Education|KS2 school performance tables 2019, revised|December 2019"
                .into(),
        )],
        ..Inputs::default()
    };
    let (ds, _) = match build(&inputs) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    let s = ds.raw().sources.iter().find(|s| s.id == "ks2-1").cloned();
    assert!(s
        .is_some_and(|s| s.title == "KS2 school performance tables 2019, revised"
            && s.date == "December 2019"));
    inputs.citations = vec![
        ("nowhere.csv".into(), "A|B|C".into()),
        ("ks2_2019.csv".into(), "only a title".into()),
    ];
    let msg = build(&inputs)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        msg.contains(
            "nowhere.csv:0: citation: expected a file this import reads, found none cited from it"
        ),
        "{msg}"
    );
    assert!(msg.contains("ks2_2019.csv:0: citation: expected Publisher|Title|Date, found \u{201c}only a title\u{201d}"), "{msg}");
}

#[test]
fn in_the_page_a_citations_file_gives_files_their_citations() {
    let files = vec![
        ("cohorts.csv".to_string(), COHORTS.to_string()),
        ("ks2_2019.csv".to_string(), KS2.to_string()),
        (
            "citations.csv".to_string(),
            "file,publisher,title,date\nks2_2019.csv,Department for Education,\"KS2 performance tables, 2019\",December 2019\n".to_string(),
        ),
    ];
    let (ds, _) = match from_files(&files) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    let s = ds.raw().sources.iter().find(|s| s.id == "ks2-1").cloned();
    assert!(s
        .is_some_and(|s| s.title == "KS2 performance tables, 2019"
            && s.publisher == "Department for Education"));
}
