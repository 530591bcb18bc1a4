//! The LAIT reader's own errors and its rounding, on small files made here.

use super::files::clean;
use super::*;
use crate::import::{build, InputFile, Inputs};

const DICT: &str = "Measure_short,dps,Table_status,Hyperlink(s),Last Update\n\
KS2R_Prog_VA,2,ks2_regional_local_authority_and_pupil_characteristics,https://example.org/ks2,45261\n\
PriFSM,NA,spc_pupils_fsm,https://example.org/fsm,45809\n\
SecFSM,NA,spc_pupils_fsm,https://example.org/fsm,45809\n";

const HEAD: &str = "Short Desc,Data item,Years,LA and Regions,Values,LA Number,Region\n";

fn lait(rows: &[&str]) -> String {
    let mut s = HEAD.to_string();
    for r in rows {
        s.push_str(r);
        s.push('\n');
    }
    s
}

fn good_rows() -> Vec<&'static str> {
    vec![
        "KS2R_Prog_VA,Reading,2016,Home Town,0,900,Middle Region",
        "KS2R_Prog_VA,Reading,2016,Middle Region,-0.5,984,NA",
        "KS2R_Prog_VA,Reading,2016,England,-,970,NA",
        "KS2R_Prog_VA,Reading,2016,Near Town,-0.20000000000000001,901,Middle Region",
        "KS2R_Prog_VA,Reading,2019,Home Town,-0.91000000000000003,900,Middle Region",
        "KS2R_Prog_VA,Reading,2019,Middle Region,-0.1,984,NA",
        "KS2R_Prog_VA,Reading,2019,England,3.0000000000000001E-2,970,NA",
        "KS2R_Prog_VA,Reading,2019,Near Town,0.2,901,Middle Region",
        "KS2R_Prog_VA,Reading,2020,Home Town,-,900,Middle Region",
        "PriFSM,Primary FSM,2016,Home Town,16.899999999999999,900,Middle Region",
        "PriFSM,Primary FSM,2016,England,14.6,970,NA",
        "SecFSM,Secondary FSM,2016,Home Town,20,900,Middle Region",
    ]
}

const NEIGHBOURS: &str = "LA num,LA Name,SN1,SNP,SN2,SNP\n900,Home Town,901,Close,902,Close\n901,Near Town,900,Close,902,Close\n";

const BASE: &str = include_str!("../../../data/programme-base.json");

fn run(lait_text: &str, neighbours: &str, home: u16) -> Result<crate::dataset::Dataset, String> {
    let inputs = Inputs {
        base: Some(InputFile {
            name: "base.json",
            text: BASE,
        }),
        areas: Some(AreaInputs {
            lait: InputFile {
                name: "lait.csv",
                text: lait_text,
            },
            measures: InputFile {
                name: "dictionary.csv",
                text: DICT,
            },
            neighbours: Some(InputFile {
                name: "neighbours_2021.csv",
                text: neighbours,
            }),
            home,
        }),
        ..Inputs::default()
    };
    build(&inputs).map(|(d, _)| d).map_err(|e| e.to_string())
}

fn neighbours_without_902() -> &'static str {
    "LA num,LA Name,SN1,SNP\n900,Home Town,901,Close\n"
}

#[test]
fn float_noise_is_rounded_and_each_year_keeps_its_published_places() {
    let ds = match run(&lait(&good_rows()), neighbours_without_902(), 900) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    let raw = ds.raw();
    let home = raw
        .area_series
        .iter()
        .find(|s| s.area == "home-town" && s.measure == AreaMeasure::ReadingProgress);
    let points: Vec<(u16, Option<f64>, u8)> = home
        .map(|s| {
            s.points
                .iter()
                .map(|p| (p.year, p.value, p.decimals))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        points,
        vec![
            (2016, Some(0.0), 1),
            (2019, Some(-0.91), 2),
            (2020, None, 0)
        ]
    );
    let fsm = raw
        .area_series
        .iter()
        .find(|s| s.area == "home-town" && s.measure == AreaMeasure::PrimaryFsm)
        .and_then(|s| s.points.first().cloned());
    assert_eq!(fsm.map(|p| (p.value, p.decimals)), Some((Some(16.9), 1)));
    let ctx = raw.context.clone();
    assert_eq!(ctx.as_ref().map(|c| c.home.as_str()), Some("home-town"));
    assert_eq!(
        ctx.as_ref().and_then(|c| c.region.clone()).as_deref(),
        Some("middle-region")
    );
    assert_eq!(
        ctx.map(|c| c.neighbours),
        Some(vec!["near-town".to_string()])
    );
    // England's all-pupil progress, printed "-" in 2016, is 0 by definition.
    let england = raw
        .area_series
        .iter()
        .find(|s| s.area == "england" && s.measure == AreaMeasure::ReadingProgress)
        .and_then(|s| s.points.first().cloned());
    assert_eq!(england.as_ref().and_then(|p| p.value), Some(0.0));
    assert_eq!(
        england.and_then(|p| p.source).as_deref(),
        Some(DEFINITION_SOURCE)
    );
    assert!(!raw.area_series.iter().any(|s| s.points.is_empty()));
}

#[test]
fn an_unknown_measure_code_is_named_with_its_line() {
    let mut rows = good_rows();
    rows.push("KS2Z_Made_Up,Nothing,2016,Home Town,1,900,Middle Region");
    let e = run(&lait(&rows), neighbours_without_902(), 900)
        .err()
        .unwrap_or_default();
    assert!(
        e.contains("lait.csv:14: Short Desc: expected a measure in dictionary.csv, found \u{201c}KS2Z_Made_Up\u{201d}"),
        "{e}"
    );
}

#[test]
fn a_value_that_is_not_a_number_is_named_with_its_line() {
    let mut rows = good_rows();
    rows[1] = "KS2R_Prog_VA,Reading,2016,Middle Region,minus half,984,NA";
    let e = run(&lait(&rows), neighbours_without_902(), 900)
        .err()
        .unwrap_or_default();
    assert!(
        e.contains("lait.csv:3: Values: expected a number, or - where none is published, found \u{201c}minus half\u{201d}"),
        "{e}"
    );
}

#[test]
fn a_second_figure_for_the_same_area_and_year_is_refused() {
    let mut rows = good_rows();
    rows.push("KS2R_Prog_VA,Reading,2016,Home Town,0.1,900,Middle Region");
    let e = run(&lait(&rows), neighbours_without_902(), 900)
        .err()
        .unwrap_or_default();
    assert!(
        e.contains("lait.csv:14: Years: expected one KS2R_Prog_VA figure for area 900 in 2016, found a second one (the first is on line 2)"),
        "{e}"
    );
}

#[test]
fn a_neighbour_missing_from_the_file_is_named() {
    let e = run(&lait(&good_rows()), NEIGHBOURS, 900)
        .err()
        .unwrap_or_default();
    assert!(
        e.contains("neighbours_2021.csv:2: SN: expected local authorities that lait.csv has rows for, found 902, which it has none for"),
        "{e}"
    );
}

#[test]
fn a_year_out_of_range_is_refused() {
    let mut rows = good_rows();
    rows[0] = "KS2R_Prog_VA,Reading,1899,Home Town,0,900,Middle Region";
    let e = run(&lait(&rows), neighbours_without_902(), 900)
        .err()
        .unwrap_or_default();
    assert!(
        e.contains(
            "lait.csv:2: Years: expected a year such as 2019 (1990 to 2100), found \u{201c}1899\u{201d}"
        ),
        "{e}"
    );
}

#[test]
fn a_home_area_the_file_lacks_is_refused() {
    let e = run(&lait(&good_rows()), neighbours_without_902(), 123)
        .err()
        .unwrap_or_default();
    assert!(
        e.contains("neighbours_2021.csv:0: LA num: expected a row for local authority 123"),
        "{e}"
    );
    assert!(
        e.contains("lait.csv:0: LA Number: expected rows for the home area 123"),
        "{e}"
    );
}

#[test]
fn the_fewest_places_that_hold_a_value_are_found() {
    // As the file writes them, float noise and all.
    let read = |s: &str| s.parse::<f64>().unwrap_or(f64::NAN);
    assert_eq!(clean(read("16.899999999999999"), None), (16.9, 1));
    assert_eq!(clean(read("-7.0000000000000007E-2"), Some(2)), (-0.07, 2));
    assert_eq!(clean(read("-1.1000000000000001"), Some(2)), (-1.1, 1));
    assert_eq!(clean(60.0, None), (60.0, 0));
    assert_eq!(clean(0.123456, Some(2)), (0.12, 2));
}
