//! The links reader on small files made here: two conversions followed both ways, a cycle, a
//! link to a school no file names, and two lines that date one link differently.

use super::*;

const HEAD: &str = "\"URN\",\"LinkURN\",\"LinkName\",\"LinkType\",\"LinkEstablishedDate\"\n";

fn read(body: &str, known: &[Urn]) -> (Links, Vec<String>) {
    let text = format!("{HEAD}{body}");
    let mut c = Collector { errors: Vec::new() };
    let known: BTreeSet<Urn> = known.iter().copied().collect();
    let links = read_into(
        InputFile {
            name: "links.csv",
            text: &text,
        },
        &known,
        &mut c,
    );
    let mut messages: Vec<String> = c.errors.iter().map(ToString::to_string).collect();
    messages.extend(links.warnings.iter().map(ToString::to_string));
    (links, messages)
}

#[test]
fn a_school_is_followed_through_two_conversions_both_ways() {
    // 100001 became 100002 (2016), which became 100003 (2018).
    let (links, messages) = read(
        "100001,100002,\"Beta Academy\",\"Successor\",\"31-08-2016\"\n\
         100002,100001,\"Alpha School\",\"Predecessor\",\"01-09-2016\"\n\
         100002,100003,\"Gamma Academy\",\"Successor\",\"\"\n\
         100003,100002,\"Beta Academy\",\"Predecessor\",\"01-11-2018\"\n",
        &[],
    );
    assert!(messages.is_empty(), "{messages:?}");
    assert_eq!(links.predecessors(100_003), vec![100_002, 100_001]);
    assert_eq!(links.successors(100_001), vec![100_002, 100_003]);
    assert!(links.predecessors(100_001).is_empty());
    assert_eq!(links.lines[0].date.as_deref(), Some("2016-08-31"));
}

#[test]
fn a_cycle_is_reported_not_followed_forever() {
    let (links, messages) = read(
        "100001,100002,\"B\",\"Successor\",\"\"\n\
         100002,100001,\"A\",\"Successor\",\"\"\n",
        &[],
    );
    assert!(
        messages.iter().any(|m| m
            == "links.csv:2: LinkURN: expected links that never lead back to the school they start from, found URN 100001 again, after following its successors"),
        "{messages:?}"
    );
    assert!(links.successors(100_001).contains(&100_002));
}

#[test]
fn a_link_to_a_school_no_file_names_is_reported() {
    let (_, messages) = read(
        "100001,999998,\"Elsewhere\",\"Successor\",\"\"\n",
        &[100_001],
    );
    assert_eq!(
        messages,
        vec!["links.csv:2: LinkURN: expected a school this file or another file names, found URN 999998, found in no file"]
    );
    let (_, known) = read(
        "100001,999998,\"Elsewhere\",\"Successor\",\"\"\n",
        &[999_998],
    );
    assert!(known.is_empty(), "a URN another file names is known");
}

#[test]
fn two_lines_that_date_one_link_differently_are_reported() {
    let (_, messages) = read(
        "100001,100002,\"B\",\"Successor\",\"31-10-2018\"\n\
         100002,100001,\"A\",\"Predecessor\",\"30-04-2019\"\n",
        &[],
    );
    assert_eq!(
        messages,
        vec!["links.csv:3: LinkEstablishedDate: expected the date line 2 gives the same link, 2018-10-31, found 2019-04-30"]
    );
}

#[test]
fn a_bad_date_or_urn_is_an_error_with_its_line() {
    let (_, messages) = read(
        "100001,100002,\"B\",\"Successor\",\"soon\"\n12,100002,\"B\",\"Successor\",\"\"\n",
        &[],
    );
    assert!(messages.iter().any(|m| m
        == "links.csv:2: LinkEstablishedDate: expected a date (dd-mm-yyyy) or empty, found \u{201c}soon\u{201d}"), "{messages:?}");
    assert!(
        messages
            .iter()
            .any(|m| m == "links.csv:3: URN: expected a six-digit URN, found \u{201c}12\u{201d}"),
        "{messages:?}"
    );
}
