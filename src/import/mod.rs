//! The importer: DfE and Ofsted CSV files plus a cohort list → a dataset. Shared by the
//! `cohort-import` command and the page's "Load your data", so both accept the same files
//! and give the same messages; the result goes through the one validator
//! ([`crate::dataset::Dataset::try_from`]).
//!
//! Columns are found by header name (any order, any case). Values DfE uses for "no figure"
//! (`SUPP`, `NE`, `LOWCOV`, `NP`, `NA`, `x`, `c`, empty) are kept as not published, never 0.

use std::collections::{BTreeMap, BTreeSet, HashMap};

mod cells;
mod cohorts;
mod comparators;
mod history;
pub mod inspected;
mod ks2;
pub mod links;
// The area readers are the command's alone: the page's "Load your data" takes no LAIT
// files, so they stay out of the wasm.
mod files;
#[cfg(not(target_arch = "wasm32"))]
pub mod lait;
mod list;
mod ofsted;
mod report;
#[cfg(not(target_arch = "wasm32"))]
pub mod scorecards;
mod table;

use cells::*;
use cohorts::*;
use comparators::*;
use ks2::*;
use list::schools_dataset;
use ofsted::*;
use table::*;

use files::cite_files;
pub use files::{classify, from_files, Role};
pub use report::{ImportError, ImportFailure, Summary};

pub use cells::{decode_text, excel_date, is_not_published, slug, year_in_name, Encoding};

use crate::dataset::{is_iso_date, Dataset};
use crate::error::DataErrors;
use crate::model::{
    Area, AreaProgress, Cohort, Inspection, Judgement, Ks2Result, Programme, PupilGroup,
    RawDataset, School, SchoolKind, Score, Source, SourcedCount, StartWave, Subject, SubjectScores,
    Urn, SCHEMA_VERSION,
};

/// Files larger than this are refused before they are read (the validator's limit).
pub const MAX_FILE_BYTES: usize = crate::dataset::MAX_INPUT_BYTES;
/// Cohort lists naming more schools than this are refused (the validator's limit).
pub const MAX_SCHOOLS: usize = crate::dataset::MAX_SCHOOLS;

/// One input file: its name (for messages and source ids) and its text.
#[derive(Debug, Clone, Copy)]
pub struct InputFile<'a> {
    /// File name as the reader knows it.
    pub name: &'a str,
    /// Contents.
    pub text: &'a str,
}

/// The files an area import reads.
#[derive(Debug, Clone, Copy)]
pub struct AreaInputs<'a> {
    /// The LAIT long file.
    pub lait: InputFile<'a>,
    /// LAIT's data dictionary (for each measure's decimal places and publication).
    pub measures: InputFile<'a>,
    /// A statistical-neighbour list (`LA num`, `SN1` … `SN10`), if neighbours are wanted.
    pub neighbours: Option<InputFile<'a>>,
    /// The home local authority's LAIT code (Stoke-on-Trent: 861).
    pub home: u16,
}

/// Everything an import reads.
#[derive(Debug, Clone, Default)]
pub struct Inputs<'a> {
    /// The cohort list: `cohort,cohort_name,joined_year,urn`.
    pub cohorts: Option<InputFile<'a>>,
    /// KS2 school-level files, each with its year if given (else read from its name).
    pub ks2: Vec<(InputFile<'a>, Option<u16>)>,
    /// Ofsted inspection files.
    pub ofsted: Vec<InputFile<'a>>,
    /// Area-level comparators: `area,year,group,subject,score,lower,upper,source`.
    pub comparators: Option<InputFile<'a>>,
    /// Title of the dataset.
    pub title: Option<String>,
    /// A dataset to start from instead of a cohort list (its figures are kept; area
    /// figures from `areas` replace its context and series).
    pub base: Option<InputFile<'a>>,
    /// DfE LAIT files: the home area's context and yearly series.
    pub areas: Option<AreaInputs<'a>>,
    /// DfE school places scorecards: primary places by Ofsted grade of the home area (the
    /// LAIT home authority) and England.
    pub places: Option<InputFile<'a>>,
    /// Links between predecessor and successor schools (GIAS): a listed school's KS2
    /// results published under a predecessor's URN are kept, marked as such.
    pub links: Option<InputFile<'a>>,
    /// School facts: DfE's school list (`URN`, `LA`, `SCHNAME`, `NFTYPE`, `AGEL`, `AGEH`).
    pub spine: Option<InputFile<'a>>,
    /// School census (`URN`, `LA`, `NOR`, `PNUMFSMEVER`); its year from its name.
    pub census: Option<InputFile<'a>>,
    /// % eligible for free school meals (`urn`, `fsm_prop`); its year from its name.
    pub fsm: Option<InputFile<'a>>,
    /// Graded inspections since 2005 (`URN`, `Rating`, `Inspection Date`).
    pub inspections: Option<InputFile<'a>>,
    /// The home local authority, whose other schools become the like-for-like pool (else
    /// the LAIT home authority).
    pub home_la: Option<u16>,
    /// Citations the person gives for files: `(file name, "Publisher|Title|Date")`, in place
    /// of the one the importer writes.
    pub citations: Vec<(String, String)>,
}

fn file_source(id: &str, name: &str, publisher: &str, what: &str) -> Source {
    Source {
        id: id.to_string(),
        title: name.to_string(),
        publisher: publisher.to_string(),
        date: "as in the file".to_string(),
        citation: format!("{what}, imported from the file {name}."),
        url: None,
    }
}

/// Builds and validates a dataset from the inputs.
pub fn build(inputs: &Inputs<'_>) -> Result<(Dataset, Summary), ImportFailure> {
    let mut c = Collector { errors: Vec::new() };
    let mut summary = Summary::default();
    let from_base = inputs.base.is_some();
    #[cfg_attr(target_arch = "wasm32", allow(unused_mut))]
    let mut raw = match (inputs.base, inputs.cohorts) {
        (Some(base), None) => Dataset::from_json(base.text)
            .map_err(ImportFailure::Invalid)?
            .raw()
            .clone(),
        (Some(base), Some(_)) => {
            return Err(ImportFailure::Files(vec![err(
                base.name,
                0,
                "file",
                "a base dataset or a cohort list",
                "both",
            )]))
        }
        (None, _) => schools_dataset(inputs, &mut c, &mut summary)?,
    };
    #[cfg(not(target_arch = "wasm32"))]
    add_areas(inputs, &mut raw, &mut c, &mut summary);
    if history::asked(inputs) || inputs.links.is_some() || (from_base && !inputs.ks2.is_empty()) {
        history::add(inputs, &mut raw, from_base, &mut c, &mut summary);
    }
    cite_files(&inputs.citations, &mut raw, &mut c);
    if !c.errors.is_empty() {
        return Err(ImportFailure::Files(c.errors));
    }
    Dataset::try_from(raw)
        .map(|d| (d, summary))
        .map_err(ImportFailure::Invalid)
}

/// Area context and series (LAIT) and places by grade (scorecards), where given.
#[cfg(not(target_arch = "wasm32"))]
fn add_areas(inputs: &Inputs<'_>, raw: &mut RawDataset, c: &mut Collector, summary: &mut Summary) {
    if let Some(areas) = &inputs.areas {
        let figures = lait::read(areas, c, summary);
        if c.errors.is_empty() {
            lait::merge(raw, figures);
        }
        if let Some(file) = inputs.places {
            let places = scorecards::read(file, areas.home, c, summary);
            if c.errors.is_empty() {
                scorecards::merge(raw, places);
            }
        }
    } else if let Some(file) = inputs.places {
        c.take::<()>(Err(err(
            file.name,
            0,
            "file",
            "the LAIT files too, which name the home authority",
            "a scorecards file alone",
        )));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_school_keeps_its_predecessors_results_through_two_conversions_marked_as_theirs() {
        // Generated: 100001 became 100002 (2016), which became 100003 (2017). The KS2 file
        // of 2017 has an empty row for the new school, as DfE's do.
        let cohorts = "cohort,cohort_name,joined_year,urn\nn,North,2016,100003\n";
        let head = "URN,KS2 Pupils,Reading Progress,Writing Progress,Maths Progress,Writing Score,Academic Year\n";
        let y2016 = format!("{head}100001,30,-1.5,0.5,1.0,99,2016\n");
        let y2017 = format!("{head}100002,31,-0.5,0.2,0.1,101,2017\n100003,,,,,,2017\n");
        let y2018 = format!("{head}100003,32,0.4,0.3,0.2,102,2018\n");
        let links = "URN,LinkURN,LinkName,LinkType,LinkEstablishedDate\n\
                     100001,100002,Beta Academy,Successor,31-08-2016\n\
                     100002,100001,Alpha School,Predecessor,01-09-2016\n\
                     100003,100002,Beta Academy,Predecessor,01-09-2017\n";
        let inputs = Inputs {
            cohorts: Some(file("cohorts.csv", cohorts)),
            ks2: vec![
                (file("a.csv", &y2016), None),
                (file("b.csv", &y2017), None),
                (file("c.csv", &y2018), None),
            ],
            links: Some(file("links.csv", links)),
            ..Inputs::default()
        };
        let (ds, summary) = match build(&inputs) {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(summary.from_predecessors, 2);
        let s = ds
            .school(100_003)
            .cloned()
            .unwrap_or_else(|| panic!("no school"));
        /// Year, published-as URN, pupils, reading.
        type Row = (u16, Option<Urn>, Option<u32>, Option<f64>);
        let got: Vec<Row> = s
            .ks2
            .iter()
            .map(|r| {
                (
                    r.year,
                    r.published_as.as_ref().map(|p| p.urn),
                    r.pupils,
                    r.reading.map(|x| x.value),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (2016, Some(100_001), Some(30), Some(-1.5)),
                (2017, Some(100_002), Some(31), Some(-0.5)),
                (2018, None, Some(32), Some(0.4)),
            ]
        );
        assert_eq!(
            s.ks2[0].published_as.as_ref().map(|p| p.name.as_str()),
            Some("Alpha School")
        );
        assert!(
            ds.school(100_001).is_none(),
            "a predecessor is not a school of the list"
        );
    }

    const COHORTS: &str = "Cohort,Cohort_Name,Joined_Year,URN\nnorth,North Network,2015,100001\nnorth,North Network,2016,100002\nsouth,South Group,2016,100003\n";
    const KS2: &str = "URN,SCHNAME,READPROG,READPROG_LOWER,READPROG_UPPER,WRITPROG,MATPROG,PTFSM6CLA1A,READPROG_FSM6CLA1A\n100001,Alpha Primary,1.5,0.2,2.8,SUPP,-0.4,31%,NE\n100002,Beta Primary,LOWCOV,,,0.7,NP,12,-1.1\n999999,Not A Member,oops,,,,,,\n";
    const OFSTED: &str = "URN,School name,Inspection date,Overall effectiveness\n100001,Alpha Primary,42803,2\n100002,Beta Primary,2019-11-20,Requires improvement\n100003,Gamma Primary,14/10/2025,Not graded\n";

    fn file<'a>(name: &'a str, text: &'a str) -> InputFile<'a> {
        InputFile { name, text }
    }

    fn inputs<'a>(cohorts: &'a str, ks2: &'a str, ofsted: &'a str) -> Inputs<'a> {
        Inputs {
            cohorts: Some(file("cohorts.csv", cohorts)),
            ks2: vec![(file("ks2_2019.csv", ks2), None)],
            ofsted: vec![file("ofsted.csv", ofsted)],
            comparators: None,
            title: Some("Fixture".into()),
            ..Inputs::default()
        }
    }

    /// The one message an import gives, or "" when it succeeds.
    fn failure(i: &Inputs<'_>) -> String {
        build(i).err().map(|e| e.to_string()).unwrap_or_default()
    }

    #[test]
    fn a_good_import_keeps_suppressed_values_as_not_published() {
        let (ds, summary) = match build(&inputs(COHORTS, KS2, OFSTED)) {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        };
        let alpha = ds.school(100_001).map(|s| s.ks2[0].clone());
        let alpha = alpha.unwrap_or_else(|| panic!("Alpha missing"));
        assert_eq!(alpha.year, 2019, "year read from the file name");
        assert_eq!(
            alpha.reading,
            Some(Score {
                value: 1.5,
                lower: Some(0.2).into(),
                upper: Some(2.8).into(),
                band: None,
            })
        );
        assert_eq!(alpha.writing, None, "SUPP is not published, not 0");
        assert_eq!(alpha.disadvantaged_percent.get(), Some(31.0));
        assert_eq!(
            alpha.disadvantaged, None,
            "NE alone: no disadvantaged scores"
        );
        let beta = ds
            .school(100_002)
            .map(|s| s.ks2[0].clone())
            .unwrap_or_else(|| panic!("Beta missing"));
        assert_eq!(beta.reading, None);
        assert_eq!(
            beta.disadvantaged.and_then(|d| d.reading).map(|s| s.value),
            Some(-1.1)
        );
        let gamma = ds
            .school(100_003)
            .unwrap_or_else(|| panic!("Gamma missing"));
        assert!(gamma.ks2.is_empty());
        assert_eq!(gamma.ofsted[0].judgement, Judgement::NotGraded);
        assert_eq!(gamma.ofsted[0].date, "2025-10-14");
        assert_eq!(
            ds.school(100_001)
                .map(|s| s.ofsted[0].date.clone())
                .as_deref(),
            Some("2017-03-09")
        );
        // Alpha: WRITPROG SUPP, READPROG_FSM6CLA1A NE; Beta: READPROG LOWCOV, MATPROG NP.
        // Empty confidence limits are not counted: they are not figures of their own.
        assert_eq!(summary.suppressed, 4);
        assert_eq!(summary.matched_ks2, 2);
        assert_eq!(summary.unmatched, Vec::<Urn>::new());
        assert_eq!(
            ds.raw().programme.start_waves.len(),
            2,
            "north from 2015, south from 2016"
        );
        assert!(ds
            .raw()
            .schools
            .iter()
            .all(|s| s.ks2.iter().all(|r| ds.source(&r.source).is_some())));
    }

    #[test]
    fn a_missing_column_is_named_with_the_columns_found() {
        assert_eq!(
            failure(&inputs("cohort,name,joined_year,urn\nnorth,N,2015,100001\n", KS2, OFSTED)),
            "cohorts.csv:1: cohort_name: expected a column named cohort_name, found columns cohort, name, joined_year, urn"
        );
    }

    #[test]
    fn a_bad_urn_names_file_line_and_column() {
        let bad = COHORTS.replace("100002", "12ab");
        assert_eq!(
            failure(&inputs(&bad, KS2, OFSTED)),
            "cohorts.csv:3: urn: expected a six-digit URN, found \u{201c}12ab\u{201d}"
        );
    }

    #[test]
    fn a_bad_score_in_a_member_row_is_refused() {
        let bad = KS2.replace("-0.4", "minus");
        assert_eq!(
            failure(&inputs(COHORTS, &bad, OFSTED)),
            "ks2_2019.csv:2: MATPROG: expected a progress score or SUPP, NE, LOWCOV, NP or empty, found \u{201c}minus\u{201d}"
        );
    }

    #[test]
    fn a_bad_value_in_another_schools_row_does_not_stop_the_import() {
        // Row 4 (URN 999999, not a member) has READPROG "oops".
        assert_eq!(failure(&inputs(COHORTS, KS2, OFSTED)), "");
    }

    #[test]
    fn a_bad_judgement_and_a_bad_date_are_both_reported() {
        let bad = OFSTED.replace("42803,2", "99999999,5");
        let msg = failure(&inputs(COHORTS, KS2, &bad));
        assert!(msg.contains("ofsted.csv:2: Inspection date: expected a date (YYYY-MM-DD, DD/MM/YYYY or an Excel day number), found \u{201c}99999999\u{201d}"), "{msg}");
        assert!(msg.contains("ofsted.csv:2: Overall effectiveness: expected 1, 2, 3, 4, Outstanding, Good, Requires improvement, Inadequate or Not graded, found \u{201c}5\u{201d}"), "{msg}");
    }

    #[test]
    fn a_ks2_file_without_a_year_says_so() {
        let mut i = inputs(COHORTS, KS2, OFSTED);
        i.ks2 = vec![(file("ks2.csv", KS2), None)];
        assert_eq!(
            failure(&i),
            "ks2.csv:0: year: expected the year of the results: an Academic Year column, or a year in the file name (ks2_2019.csv, or DfE's 2018-2019 folder name), or --year on the command line, found none"
        );
        i.ks2 = vec![(file("ks2.csv", KS2), Some(2018))];
        assert_eq!(failure(&i), "");
    }

    #[test]
    fn a_ragged_row_is_refused() {
        let bad = format!("{COHORTS}north,North Network,2015\n");
        let msg = failure(&inputs(&bad, KS2, OFSTED));
        assert!(
            msg.starts_with("cohorts.csv:5: row: expected a row with as many fields as the header"),
            "{msg}"
        );
    }

    #[test]
    fn a_duplicate_school_row_in_one_year_is_refused() {
        let bad = format!("{KS2}100001,Alpha Again,1,,,1,1,,\n");
        let msg = failure(&inputs(COHORTS, &bad, OFSTED));
        assert_eq!(
            msg,
            "ks2_2019.csv:5: URN: expected one row per school for 2019, found URN 100001 again"
        );
    }

    #[test]
    fn an_empty_file_and_no_cohort_list_are_refused() {
        assert_eq!(
            failure(&inputs("", KS2, OFSTED)),
            "cohorts.csv:1: header: expected a CSV header row, found an empty file"
        );
        let mut i = inputs(COHORTS, KS2, OFSTED);
        i.cohorts = None;
        assert!(failure(&i).contains("expected a cohort list CSV"));
    }

    #[test]
    fn an_out_of_range_score_is_caught_by_the_one_validator() {
        let bad = KS2.replace("1.5,0.2,2.8", "150,0.2,2.8");
        let msg = failure(&inputs(COHORTS, &bad, OFSTED));
        assert!(
            msg.starts_with("the imported dataset is not valid:"),
            "{msg}"
        );
        assert!(
            msg.contains("schools[0].ks2[0].reading.value: 150 is out of range"),
            "{msg}"
        );
    }

    #[test]
    fn comparators_become_areas_with_their_own_sources() {
        let mut i = inputs(COHORTS, KS2, OFSTED);
        let comp = "area,year,group,subject,score,lower,upper,source\nEngland,2019,all,reading,0,,,DfE definition\nStoke-on-Trent,2019,disadvantaged,maths,-0.6,-0.9,-0.3,DfE KS2 2019 LA tables\nStoke-on-Trent,2019,all,writing,x,,,DfE KS2 2019 LA tables\n";
        i.comparators = Some(file("comparators.csv", comp));
        let (ds, summary) = build(&i).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ds.raw().areas.len(), 2);
        assert_eq!(
            ds.raw().area_progress.len(),
            2,
            "the x value is not published"
        );
        assert_eq!(
            summary.suppressed, 5,
            "the four KS2 values and the comparator's x"
        );
        let stoke = &ds.raw().area_progress[1];
        assert_eq!((stoke.lower, stoke.upper), (Some(-0.9), Some(-0.3)));
        assert!(ds.source(&stoke.source).is_some());
    }

    #[test]
    fn dropped_files_are_told_apart_by_their_headers() {
        let files = vec![
            ("ofsted.csv".to_string(), OFSTED.to_string()),
            ("my_ks2_2019.csv".to_string(), KS2.to_string()),
            ("members.csv".to_string(), COHORTS.to_string()),
        ];
        let (ds, summary) = from_files(&files).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ds.raw().cohorts.len(), 2);
        assert_eq!(summary.map(|s| s.matched_ks2), Some(2));
        let json = vec![(
            "d.json".to_string(),
            crate::testing::BUNDLED_JSON.to_string(),
        )];
        let (read, summary) = from_files(&json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            read.raw(),
            crate::testing::bundled().raw(),
            "a dataset file as it is"
        );
        assert!(summary.is_none(), "nothing imported: nothing to summarise");
        let unknown = vec![("notes.csv".to_string(), "colour,size\nred,2\n".to_string())];
        assert_eq!(
            from_files(&unknown).err().map(|e| e.to_string()).unwrap_or_default(),
            "notes.csv:1: header: expected a dataset JSON, or a cohort list, KS2, Ofsted, inspection history, links, school list, census, FSM, comparators or citations CSV, found \u{201c}colour,size\u{201d}"
        );
        let broken_json = vec![("d.json".to_string(), "{\"schema_version\": 2}".to_string())];
        let msg = from_files(&broken_json)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(msg.contains("missing field"), "{msg}");
    }

    #[test]
    fn in_the_page_a_links_file_marks_an_inspection_before_the_school_opened_as_its_predecessors() {
        // SYNTHETIC, shaped like Milton: the academy 100003 replaced 199999 on 1 May 2017;
        // Ofsted's file lists its predecessor's Inadequate of March 2015 under the academy.
        let links = "URN,LinkURN,LinkName,LinkType,LinkEstablishedDate\n\
                     199999,100003,Gamma Primary,Successor,30-04-2017\n\
                     100003,199999,Gamma School,Predecessor,01-05-2017\n";
        let ofsted = "URN,School name,Inspection date,Overall effectiveness\n100003,Gamma Primary,2015-03-25,4\n";
        let files = vec![
            ("cohorts.csv".to_string(), COHORTS.to_string()),
            ("ks2_2019.csv".to_string(), KS2.to_string()),
            ("ofsted.csv".to_string(), ofsted.to_string()),
            ("links.csv".to_string(), links.to_string()),
        ];
        let (ds, _) = from_files(&files).unwrap_or_else(|e| panic!("{e}"));
        let beta = ds
            .school(100_003)
            .map(|s| s.ofsted.clone())
            .unwrap_or_default();
        assert_eq!(beta.len(), 1);
        assert_eq!(beta[0].predecessor, Some(true));
        assert_eq!(
            beta[0]
                .published_as
                .as_ref()
                .map(|p| (p.urn, p.name.as_str())),
            Some((199_999, "Gamma School"))
        );
        assert_eq!(
            beta[0].note.as_deref(),
            Some("Dated before URN 100003 opened (1 May 2017): the inspection of its predecessor, Gamma School (URN 199999).")
        );
    }

    #[test]
    fn helpers_read_years_slugs_and_excel_days() {
        assert_eq!(year_in_name("england_ks2_2019_schools.csv"), Some(2019));
        assert_eq!(year_in_name("ks2-20190.csv"), None);
        assert_eq!(slug("Seven Stars (North)!"), "seven-stars-north");
        assert_eq!(excel_date(42803), "2017-03-09");
        assert!(is_not_published("supp") && is_not_published(" ") && !is_not_published("0"));
    }
}

#[cfg(test)]
#[path = "habits_tests.rs"]
mod habits_tests;
