//! The inspection rule on small chains made here (SYNTHETIC URNs and dates, shaped like the
//! cases found in DfE's and Ofsted's files: a converter academy listed with its predecessor's
//! inspection, the history filing it a day earlier under the predecessor's URN).

use super::*;

/// A chain: `(urn, opened, before, name)`, the first shown.
fn lineage(nodes: &[(Urn, Option<&str>, &[Urn], &str)]) -> Lineage {
    Lineage {
        shown: nodes.first().map_or(0, |n| n.0),
        nodes: nodes
            .iter()
            .map(|(u, opened, before, name)| {
                (
                    *u,
                    Node {
                        opened: opened.map(str::to_string),
                        before: before.to_vec(),
                        name: (*name).to_string(),
                    },
                )
            })
            .collect(),
    }
}

fn record(under: Urn, origin: Origin, date: &str, judgement: Judgement) -> Found {
    Found {
        under,
        origin,
        inspection: Inspection {
            date: date.to_string(),
            judgement,
            leadership_and_management: None,
            source: match origin {
                Origin::Listed => "ofsted-mi".into(),
                Origin::History => "graded".into(),
            },
            predecessor: None,
            published_as: None,
            named: None,
            note: None,
        },
    }
}

/// (date, predecessor, published-as URN, note) of each settled inspection.
type Row = (String, Option<bool>, Option<Urn>, Option<String>);

fn rows(s: &Settled) -> Vec<Row> {
    s.inspections
        .iter()
        .map(|i| {
            (
                i.date.clone(),
                i.predecessor,
                i.published_as.as_ref().map(|p| p.urn),
                i.note.clone(),
            )
        })
        .collect()
}

/// An academy (200002) that opened on 1 July 2016 in place of 200001.
fn academy() -> Lineage {
    lineage(&[
        (200_002, Some("2016-07-01"), &[200_001], "Ash Academy"),
        (200_001, None, &[], "Ash School"),
    ])
}

#[test]
fn an_academys_listed_inspection_filed_a_day_earlier_under_its_predecessor_is_one_inspection_of_the_predecessor(
) {
    let s = settle(
        &academy(),
        vec![
            record(200_002, Origin::Listed, "2015-04-29", Judgement::Good),
            record(200_001, Origin::History, "2015-04-28", Judgement::Good),
            record(
                200_001,
                Origin::History,
                "2013-05-21",
                Judgement::RequiresImprovement,
            ),
        ],
        "graded.csv",
    );
    assert_eq!(
        rows(&s),
        vec![
            ("2013-05-21".into(), Some(true), Some(200_001), None),
            (
                "2015-04-29".into(),
                Some(true),
                Some(200_001),
                Some("Dated before URN 200002 opened (1 July 2016): the inspection of its predecessor, Ash School (URN 200001).".into())
            ),
        ]
    );
    assert_eq!((s.marked, s.added), (1, 1));
    assert!(s.warnings.is_empty(), "{:?}", s.warnings);
}

#[test]
fn an_inspection_in_the_history_is_never_told_as_missing_from_it() {
    // Requires improvement both times: no short inspection could have kept that grade.
    let s = settle(
        &academy(),
        vec![
            record(
                200_002,
                Origin::Listed,
                "2016-03-11",
                Judgement::RequiresImprovement,
            ),
            record(
                200_001,
                Origin::History,
                "2016-03-10",
                Judgement::RequiresImprovement,
            ),
            record(
                200_001,
                Origin::History,
                "2014-02-25",
                Judgement::RequiresImprovement,
            ),
        ],
        "graded.csv",
    );
    assert!(s.inspections.iter().all(|i| !i
        .note
        .as_deref()
        .unwrap_or("")
        .contains("Not in the graded")));
    assert_eq!(s.inspections.len(), 2);
}

#[test]
fn a_short_inspection_is_suggested_only_where_one_could_have_kept_the_grade() {
    let school = lineage(&[(300_001, Some("2000-01-01"), &[], "Oak Primary")]);
    let note = |listed: &str, j: Judgement, before: (&str, Judgement)| {
        let s = settle(
            &school,
            vec![
                record(300_001, Origin::Listed, listed, j),
                record(300_001, Origin::History, before.0, before.1),
            ],
            "graded.csv",
        );
        s.inspections
            .iter()
            .find(|i| i.date == listed)
            .and_then(|i| i.note.clone())
            .unwrap_or_default()
    };
    let good = note(
        "2017-03-09",
        Judgement::Good,
        ("2013-06-12", Judgement::Good),
    );
    assert!(good.contains("most likely a short inspection"), "{good}");
    assert!(good.contains("12 June 2013"), "{good}");
    for (listed, j, before) in [
        // Requires improvement is never kept by a short inspection.
        (
            "2016-03-11",
            Judgement::RequiresImprovement,
            ("2014-02-25", Judgement::RequiresImprovement),
        ),
        // Before September 2015 there were no short inspections.
        (
            "2015-04-29",
            Judgement::Good,
            ("2012-01-10", Judgement::Good),
        ),
        // A different judgement is a graded inspection the history lacks.
        (
            "2017-03-09",
            Judgement::Good,
            ("2013-06-12", Judgement::RequiresImprovement),
        ),
    ] {
        let n = note(listed, j, before);
        assert_eq!(
            n, "Not in the graded-inspection history; the files do not say why.",
            "{listed}"
        );
    }
}

#[test]
fn a_school_the_history_does_not_cover_is_noted_as_missing_from_it() {
    // docs/dataset.md: every record only Ofsted's file has gets its note, a school the
    // history has no record of at all too.
    let school = lineage(&[(300_001, Some("2000-01-01"), &[], "Oak Primary")]);
    let s = settle(
        &school,
        vec![record(
            300_001,
            Origin::Listed,
            "2017-03-09",
            Judgement::Good,
        )],
        "graded.csv",
    );
    assert_eq!(
        rows(&s),
        vec![(
            "2017-03-09".into(),
            Some(false),
            None,
            Some("Not in the graded-inspection history, which has no record of this school; the files do not say why.".into())
        )]
    );
}

#[test]
fn with_no_history_read_no_record_is_said_to_be_missing_from_it() {
    let school = lineage(&[(300_001, Some("2000-01-01"), &[], "Oak Primary")]);
    let s = settle(
        &school,
        vec![record(
            300_001,
            Origin::Listed,
            "2017-03-09",
            Judgement::Good,
        )],
        "",
    );
    assert_eq!(
        rows(&s),
        vec![("2017-03-09".into(), Some(false), None, None)]
    );
}

#[test]
fn an_inspection_before_two_conversions_belongs_to_the_school_open_then() {
    let chain = lineage(&[
        (400_003, Some("2018-09-01"), &[400_002], "Gamma Academy"),
        (400_002, Some("2016-09-01"), &[400_001], "Beta School"),
        (400_001, None, &[], "Alpha School"),
    ]);
    let s = settle(
        &chain,
        vec![
            record(400_003, Origin::Listed, "2015-01-15", Judgement::Good),
            record(400_003, Origin::Listed, "2017-05-05", Judgement::Inadequate),
        ],
        "graded.csv",
    );
    let got: Vec<(Option<bool>, Option<Urn>)> = s
        .inspections
        .iter()
        .map(|i| (i.predecessor, i.published_as.as_ref().map(|p| p.urn)))
        .collect();
    assert_eq!(
        got,
        vec![(Some(true), Some(400_001)), (Some(true), Some(400_002))]
    );
    assert_eq!(s.marked, 2);
}

#[test]
fn before_the_opening_with_no_known_predecessor_it_is_a_predecessors_unnamed() {
    let school = lineage(&[(500_001, Some("2016-07-01"), &[], "Elm Academy")]);
    let s = settle(
        &school,
        vec![record(
            500_001,
            Origin::Listed,
            "2014-01-01",
            Judgement::Good,
        )],
        "graded.csv",
    );
    assert_eq!(s.inspections[0].predecessor, Some(true));
    assert_eq!(s.inspections[0].published_as, None);
    assert!(s.inspections[0]
        .note
        .as_deref()
        .is_some_and(|n| n.starts_with("Dated before URN 500001 opened (1 July 2016)")));
}

#[test]
fn without_an_opening_date_a_listed_inspection_stays_unknown_and_the_historys_own_is_known() {
    let school = lineage(&[(600_001, None, &[], "Ash Primary")]);
    let s = settle(
        &school,
        vec![
            record(600_001, Origin::Listed, "2017-01-01", Judgement::Good),
            record(600_001, Origin::History, "2012-01-01", Judgement::Good),
        ],
        "graded.csv",
    );
    let marks: Vec<Option<bool>> = s.inspections.iter().map(|i| i.predecessor).collect();
    assert_eq!(marks, vec![Some(false), None]);
}

#[test]
fn a_successors_inspection_is_named_as_the_successors_not_a_predecessors() {
    let school = lineage(&[
        (700_001, None, &[], "Old Name School"),
        (700_002, Some("2018-11-01"), &[700_001], "New Name Academy"),
    ]);
    let s = settle(
        &school,
        vec![record(
            700_002,
            Origin::History,
            "2019-06-01",
            Judgement::Good,
        )],
        "graded.csv",
    );
    assert_eq!(
        rows(&s),
        vec![("2019-06-01".into(), Some(false), Some(700_002), None)]
    );
}

#[test]
fn two_judgements_for_one_inspection_are_a_warning() {
    let s = settle(
        &academy(),
        vec![
            record(200_002, Origin::Listed, "2017-02-01", Judgement::Good),
            record(
                200_001,
                Origin::History,
                "2017-01-31",
                Judgement::RequiresImprovement,
            ),
        ],
        "graded.csv",
    );
    assert_eq!(s.inspections.len(), 1);
    assert_eq!(
        s.warnings,
        vec!["graded.csv: Ash Academy: the inspection of 2017-01-31 is judged Requires improvement there and Good in ofsted-mi"]
    );
}
