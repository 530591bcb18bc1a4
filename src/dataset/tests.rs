//! Parsing and validation of the bundled dataset and of files made wrong on purpose.

use super::*;
use crate::testing::{bundled, BUNDLED_JSON};
use serde_json::{json, Value};

/// Applies `edit` to the bundled dataset and returns every error message, one per line.
fn errors_after(edit: impl FnOnce(&mut Value)) -> String {
    let mut doc: Value = serde_json::from_str(BUNDLED_JSON).unwrap_or(Value::Null);
    edit(&mut doc);
    match Dataset::from_json(&doc.to_string()) {
        Ok(_) => String::new(),
        Err(e) => e.to_string(),
    }
}

/// Asserts that the edit is refused with a message containing `expected`.
fn check(edit: impl FnOnce(&mut Value), expected: &str) {
    let got = errors_after(edit);
    assert!(
        got.contains(expected),
        "expected an error containing\n  {expected}\ngot\n  {got}"
    );
}

#[test]
fn the_bundled_dataset_is_valid() {
    let ds = bundled();
    assert_eq!(ds.raw().schema_version, SCHEMA_VERSION);
    assert_eq!(ds.raw().cohorts.len(), 4);
    assert_eq!(ds.raw().schools.len(), 7);
}

/// Hands out its bytes a few at a time, as the page copies a response into wasm memory.
struct Dribble<'a>(&'a [u8]);

impl std::io::Read for Dribble<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(7).min(self.0.len());
        let (now, rest) = self.0.split_at(n);
        buf[..n].copy_from_slice(now);
        self.0 = rest;
        Ok(n)
    }
}

#[test]
fn a_dataset_parsed_as_it_is_read_is_the_one_read_whole() {
    let got = Dataset::from_reader(Dribble(BUNDLED_JSON.as_bytes()));
    assert_eq!(got, Ok(Some(bundled())));
}

#[test]
fn a_dataset_read_in_pieces_that_does_not_parse_is_left_to_the_whole_reading() {
    // The whole reading says where (`text_that_is_not_json_names_line_and_column`).
    let cut = &BUNDLED_JSON[..BUNDLED_JSON.len() / 2];
    assert_eq!(Dataset::from_reader(Dribble(cut.as_bytes())), Ok(None));
    let newer = BUNDLED_JSON.replacen("\"schema_version\":2", "\"schema_version\":3", 1);
    assert_ne!(
        newer, BUNDLED_JSON,
        "the bundled file's version is written as expected"
    );
    assert_eq!(Dataset::from_reader(Dribble(newer.as_bytes())), Ok(None));
}

#[test]
fn a_dataset_read_in_pieces_is_validated_as_one_read_whole() {
    let mut doc: Value = serde_json::from_str(BUNDLED_JSON).unwrap_or(Value::Null);
    doc["schools"][0]["ks2"][0]["source"] = json!("nowhere");
    let text = doc.to_string();
    let whole = Dataset::from_json(&text).map(Some);
    assert!(whole.is_err(), "the edit makes the file invalid");
    assert_eq!(Dataset::from_reader(Dribble(text.as_bytes())), whole);
}

#[test]
fn every_figure_cites_a_source_that_exists() {
    // The validator enforces it; this says it as a property of the shipped file.
    let ds = bundled();
    let raw = ds.raw();
    let cited = raw
        .area_progress
        .iter()
        .map(|p| p.source.as_str())
        .chain(raw.fsm.iter().map(|f| f.source.as_str()))
        .chain(raw.ofsted_distributions.iter().map(|d| d.source.as_str()))
        .chain(
            raw.schools
                .iter()
                .flat_map(|s| s.ks2.iter().map(|r| r.source.as_str())),
        )
        .chain(
            raw.schools
                .iter()
                .flat_map(|s| s.ofsted.iter().map(|i| i.source.as_str())),
        );
    for id in cited {
        assert!(ds.source(id).is_some(), "{id} is not a source");
    }
}

#[test]
fn text_that_is_not_json_names_line_and_column() {
    let err = Dataset::from_json("{\n  \"schema_version\": 1,\n  oops\n}")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("line 3"), "{err}");
}

#[test]
fn an_empty_file_is_refused() {
    assert!(Dataset::from_json("").is_err());
}

#[test]
fn a_missing_field_is_named_with_its_path() {
    check(
        |d| {
            d["schools"][2].as_object_mut().map(|o| o.remove("name"));
        },
        "schools[2]: missing field `name`",
    );
}

#[test]
fn a_wrong_type_is_named_with_its_path() {
    check(
        |d| d["cohorts"][1]["schools"][0] = json!("143485"),
        "cohorts[1].schools[0]: invalid type: string \"143485\", expected u32",
    );
}

#[test]
fn an_unknown_urn_in_a_cohort_is_refused() {
    check(
        |d| d["cohorts"][2]["schools"] = json!([144441, 999999]),
        "cohorts[2].schools[1]: unknown URN 999999",
    );
}

#[test]
fn an_unknown_source_is_refused() {
    check(
        |d| d["fsm"][0]["source"] = json!("nowhere"),
        "fsm[0].source: unknown source id `nowhere`",
    );
}

#[test]
fn an_unknown_area_is_refused() {
    check(
        |d| d["area_progress"][0]["area"] = json!("atlantis"),
        "area_progress[0].area: unknown area `atlantis`",
    );
}

#[test]
fn a_duplicate_urn_is_refused() {
    check(
        |d| d["schools"][1]["urn"] = json!(123997),
        "schools[1]: duplicate URN `123997`, first given at schools[0]",
    );
}

#[test]
fn a_duplicate_cohort_id_is_refused() {
    check(
        |d| d["cohorts"][1]["id"] = json!("seven-stars"),
        "cohorts[1]: duplicate cohort id `seven-stars`",
    );
}

#[test]
fn a_duplicate_area_figure_is_refused() {
    check(
        |d| d["area_progress"][1]["subject"] = json!("reading"),
        "area_progress[1]: duplicate figure for area, year, pupils and subject",
    );
}

#[test]
fn an_out_of_range_score_is_refused() {
    check(
        |d| d["schools"][0]["ks2"][0]["maths"]["value"] = json!(64.0),
        "schools[0].ks2[0].maths.value: 64 is out of range: expected a KS2 progress score from -30 to +30",
    );
}

#[test]
fn a_percentage_over_100_is_refused() {
    check(
        |d| d["fsm"][1]["percent"] = json!(145),
        "fsm[1].percent: 145 is out of range",
    );
}

#[test]
fn a_non_finite_number_is_refused() {
    // JSON has no NaN; a file written by a careless tool may have it as a bare word.
    let text = BUNDLED_JSON.replacen("\"value\":0.2", "\"value\":NaN", 1);
    let err = Dataset::from_json(&text)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("area_progress[1].value"), "{err}");
}

#[test]
fn a_confidence_interval_must_contain_its_value() {
    check(
        |d| {
            d["schools"][0]["ks2"][0]["writing"] =
                json!({"value": -1.7, "lower": -1.0, "upper": 2.0})
        },
        "schools[0].ks2[0].writing: confidence interval -1 to 2 does not contain the value -1.7",
    );
}

#[test]
fn an_unsupported_schema_version_says_which_version_is_read() {
    check(
        |d| d["schema_version"] = json!(3),
        "schema_version: schema_version 3 is not supported: this dashboard reads version 2",
    );
}

#[test]
fn a_version_1_file_is_told_how_to_come_up_to_date() {
    check(
        |d| d["schema_version"] = json!(1),
        "schema_version: schema_version 1 is not supported: this dashboard reads version 2. Version 2 adds the area series over time and changes nothing else",
    );
}

#[test]
fn a_newer_file_with_fields_this_build_does_not_know_is_told_its_version() {
    // The full parse fails on the unknown field; the version is the message.
    check(
        |d| {
            d["schema_version"] = json!(3);
            d["new_in_version_3"] = json!([]);
        },
        "schema_version: schema_version 3 is not supported",
    );
}

#[test]
fn a_version_written_as_text_or_a_list_is_quoted_back() {
    check(
        |d| d["schema_version"] = json!("2"),
        "schema_version \"2\" is not supported",
    );
    check(
        |d| d["schema_version"] = json!([2]),
        "schema_version a list is not supported",
    );
}

#[test]
fn a_missing_schema_version_is_refused() {
    check(
        |d| {
            d.as_object_mut().map(|o| o.remove("schema_version"));
        },
        "schema_version missing is not supported",
    );
}

#[test]
fn an_impossible_date_is_refused() {
    check(
        |d| d["schools"][0]["ofsted"][0]["date"] = json!("2017-02-30"),
        "schools[0].ofsted[0].date: `2017-02-30` is not a date",
    );
}

#[test]
fn an_unknown_judgement_is_refused() {
    check(
        |d| d["schools"][0]["ofsted"][0]["judgement"] = json!("excellent"),
        "schools[0].ofsted[0].judgement: unknown variant `excellent`",
    );
}

#[test]
fn start_waves_cannot_exceed_the_cohort_total() {
    check(
        |d| d["programme"]["start_waves"][1]["cohorts"] = json!(9),
        "programme.start_waves: 16 cohorts started, more than cohorts_total 12",
    );
}

#[test]
fn a_cohort_id_must_be_fit_for_a_link() {
    check(
        |d| d["cohorts"][0]["id"] = json!("Seven Stars"),
        "cohorts[0].id: cohort id `Seven Stars` must be lowercase",
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let got = errors_after(|d| {
        d["fsm"][0]["source"] = json!("nowhere");
        d["cohorts"][0]["schools"] = json!([1234567]);
    });
    assert!(got.contains("fsm[0].source"), "{got}");
    assert!(
        got.contains("cohorts[0].schools[0]: unknown URN 1234567"),
        "{got}"
    );
}

#[test]
fn too_many_schools_are_refused_before_validation() {
    let mut raw = bundled().raw().clone();
    let template = raw.schools[0].clone();
    raw.schools = (0..=MAX_SCHOOLS as u32)
        .map(|i| crate::model::School {
            urn: 100_000 + i,
            ..template.clone()
        })
        .collect();
    let err = Dataset::try_from(raw)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert_eq!(err, "schools: 25001 schools: at most 25000 are read");
}

#[test]
fn an_oversized_file_is_refused_unread() {
    let big = " ".repeat(MAX_INPUT_BYTES + 1);
    let err = Dataset::from_json(&big)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.contains("datasets larger than 64 MB are not read"),
        "{err}"
    );
}

#[test]
fn dates_are_checked_as_calendar_dates() {
    assert!(is_iso_date("2024-02-29"));
    assert!(!is_iso_date("2023-02-29"));
    assert!(!is_iso_date("2017-3-9"));
    assert!(!is_iso_date("42803"));
}
