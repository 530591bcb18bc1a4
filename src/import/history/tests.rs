//! The schools over time on files made here (SYNTHETIC, never shipped): a listed school
//! followed through two conversions, the home authority's other schools kept for comparison,
//! census facts with their inferred year, and a graded history joined with Ofsted's file.

use super::*;

const BASE_SCHOOL: &str =
    r#"{"urn":100003,"name":"Gamma Academy","kind":"primary","ks2":[],"ofsted":[]}"#;

fn base() -> String {
    let raw = crate::testing::bundled().raw().clone();
    let mut v = serde_json::to_value(&raw).unwrap_or_default();
    v["schools"] = serde_json::json!([
        serde_json::from_str::<serde_json::Value>(BASE_SCHOOL).unwrap_or_default()
    ]);
    v["cohorts"] = serde_json::json!([{"id":"one","name":"One","schools":[100003],"source":"uow-clp-account","membership":"test"}]);
    v["area_schools"] = serde_json::json!([]);
    v.to_string()
}

fn ks2(year: u16, rows: &str) -> String {
    format!("URN,KS2 Pupils,Reading Progress,Writing Progress,Maths Progress,Writing Score,Academic Year\n{rows}")
        .replace("{y}", &year.to_string())
}

#[test]
fn a_school_is_followed_through_two_conversions_and_its_neighbours_kept() {
    // 100001 became 100002 in 2016, which became 100003 in 2018; 200001 is another school of
    // the same authority.
    let links = "URN,LinkURN,LinkName,LinkType,LinkEstablishedDate\n\
                 100001,100002,Beta Academy,Successor,31-08-2016\n\
                 100002,100003,Gamma Academy,Successor,31-08-2018\n";
    let y2016 = ks2(
        2016,
        "100001,30,1.5,-0.5,0.2,104,{y}\n200001,40,0.1,0.2,0.3,100,{y}\n",
    );
    let y2017 = ks2(
        2017,
        "100002,31,2.5,0.5,1.2,105,{y}\n200001,41,0.4,0.5,0.6,101,{y}\n",
    );
    let y2018 = ks2(
        2018,
        "100003,32,-1.0,SUPP,0.0,99,{y}\n200001,42,,0.8,0.9,102,{y}\n",
    );
    let census = "URN,LA,SCHOOLTYPE,NOR,PNUMFSMEVER\n100003,999,State-funded primary,210,40.5\n200001,999,State-funded primary,300,35.0\n300001,888,State-funded primary,100,10.0\n";
    let history =
        "URN,Rating,Inspection Date\n100001,Satisfactory,20100304\n100002,Good,20170505\n";
    let base = base();
    let inputs = Inputs {
        base: Some(InputFile {
            name: "base.json",
            text: &base,
        }),
        ks2: vec![
            (
                InputFile {
                    name: "ks2_2016.csv",
                    text: &y2016,
                },
                None,
            ),
            (
                InputFile {
                    name: "ks2_2017.csv",
                    text: &y2017,
                },
                None,
            ),
            (
                InputFile {
                    name: "ks2_2018.csv",
                    text: &y2018,
                },
                None,
            ),
        ],
        links: Some(InputFile {
            name: "links.csv",
            text: links,
        }),
        census: Some(InputFile {
            name: "census_2019.csv",
            text: census,
        }),
        inspections: Some(InputFile {
            name: "graded.csv",
            text: history,
        }),
        home_la: Some(999),
        ..Inputs::default()
    };
    let (ds, summary) = match build(&inputs) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    let gamma = ds
        .school(100_003)
        .cloned()
        .unwrap_or_else(|| panic!("Gamma missing"));
    let years: Vec<(u16, Option<u32>, Option<f64>)> = gamma
        .ks2
        .iter()
        .map(|r| {
            (
                r.year,
                r.published_as.as_ref().map(|p| p.urn),
                r.reading.map(|s| s.value),
            )
        })
        .collect();
    assert_eq!(
        years,
        vec![
            (2016, Some(100_001), Some(1.5)),
            (2017, Some(100_002), Some(2.5)),
            (2018, None, Some(-1.0))
        ]
    );
    assert_eq!(gamma.ks2[2].writing, None, "SUPP is not published, not 0");
    assert_eq!(gamma.ks2[0].pupils, Some(30));
    assert_eq!(gamma.ks2[0].source, "dfe-ks2-2016");
    let fsm6 = gamma
        .fact(crate::model::FactMeasure::FsmEverSixPercent)
        .cloned();
    assert!(fsm6.is_some_and(|f| f.value == 40.5 && f.year == 2019 && f.year_inferred));
    // The graded history of its predecessors, each marked with the school inspected.
    let inspected: Vec<(String, Option<u32>, Option<String>)> = gamma
        .ofsted
        .iter()
        .map(|i| {
            (
                i.date.clone(),
                i.published_as.as_ref().map(|p| p.urn),
                i.named.clone(),
            )
        })
        .collect();
    assert_eq!(
        inspected,
        vec![
            (
                "2010-03-04".to_string(),
                Some(100_001),
                Some("Satisfactory".to_string())
            ),
            ("2017-05-05".to_string(), Some(100_002), None)
        ]
    );
    // The authority's other school is kept for comparison; another authority's is not.
    let others: Vec<u32> = ds.raw().area_schools.iter().map(|s| s.urn).collect();
    assert_eq!(others, vec![200_001]);
    assert_eq!(summary.area_schools, 1);
    assert_eq!(summary.from_predecessors, 2);
}

#[test]
fn two_schools_of_one_chain_publishing_one_year_is_a_warning_and_neither_is_kept() {
    let links = "URN,LinkURN,LinkName,LinkType,LinkEstablishedDate\n100001,100003,Gamma Academy,Successor,\n100002,100003,Gamma Academy,Successor,\n";
    let y2016 = ks2(
        2016,
        "100001,30,1.5,-0.5,0.2,104,{y}\n100002,20,0.5,0.5,0.5,100,{y}\n",
    );
    let census = "URN,LA,NOR,PNUMFSMEVER\n100003,999,210,40.5\n";
    let base = base();
    let inputs = Inputs {
        base: Some(InputFile {
            name: "base.json",
            text: &base,
        }),
        ks2: vec![(
            InputFile {
                name: "ks2_2016.csv",
                text: &y2016,
            },
            None,
        )],
        links: Some(InputFile {
            name: "links.csv",
            text: links,
        }),
        census: Some(InputFile {
            name: "census_2019.csv",
            text: census,
        }),
        home_la: Some(999),
        ..Inputs::default()
    };
    let (ds, summary) = match build(&inputs) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    assert!(ds.school(100_003).is_some_and(|s| s.ks2.is_empty()));
    assert!(
        summary
            .warnings
            .iter()
            .any(|w| w.contains("2016: KS2 results published under 2 URNs")),
        "{:?}",
        summary.warnings
    );
}
