//! Prints every sentence the page says of a view: the answer, and each chart's title,
//! finding, summary and notes, and each slide piece's title and finding. With no argument it
//! prints every view one menu away from the default (each cohort, subject, pupil group and
//! year); with arguments, the views of those link queries (`cohort=esprit&year=2016`).
//! For reading the words whole: `cargo run --example show_words > words.txt`.
use cohort_dashboard::charts::ChartId;
use cohort_dashboard::dataset::Dataset;
use cohort_dashboard::model::{PupilGroup, Subject};
use cohort_dashboard::selection::{school_years, CohortChoice, Selection};
use cohort_dashboard::view::View;

fn main() {
    let text = std::fs::read_to_string("public/data/dataset.json").unwrap_or_default();
    let ds = match Dataset::from_json(&text) {
        Ok(ds) => ds,
        Err(e) => {
            eprintln!("public/data/dataset.json: {e}");
            return;
        }
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let views: Vec<(String, Selection)> = if args.is_empty() {
        one_menu_away(&ds)
    } else {
        args.iter()
            .map(|q| {
                let get = |k: &str| {
                    q.split('&')
                        .filter_map(|kv| kv.split_once('='))
                        .find(|(key, _)| *key == k)
                        .map(|(_, v)| v.to_string())
                };
                (q.clone(), View::from_params(get, &ds).0.selection)
            })
            .collect()
    };
    for (name, sel) in views {
        println!("######## {name}");
        if let Some(a) = cohort_dashboard::answer::answer(&ds, &sel) {
            let words = a.point_words();
            println!("ANSWER ({words} words of points): {}", a.question);
            for p in &a.points {
                println!("  - {} [{}]", p.text, p.chart.id());
            }
            for c in &a.caveats {
                println!("  ! {c}");
            }
        }
        for id in ChartId::available(&ds) {
            let m = id.build(&ds, &sel);
            println!("== {} | {}", id.id(), m.title());
            println!("   finding: {}", m.finding().unwrap_or_else(|| "-".into()));
            for s in m.summary() {
                println!("   summary: {s}");
            }
            for n in m.notes() {
                println!("   note: {n}");
            }
            if m.pieces() > 1 {
                for (i, p) in m.split(m.pieces()).iter().enumerate() {
                    println!(
                        "   piece {}: {} | {}",
                        i + 1,
                        p.title(),
                        p.finding().unwrap_or_default()
                    );
                }
            }
        }
    }
}

fn one_menu_away(ds: &Dataset) -> Vec<(String, Selection)> {
    let mut out = vec![("default".to_string(), Selection::default())];
    for c in &ds.raw().cohorts {
        out.push((
            format!("cohort={}", c.id),
            Selection::cohort(CohortChoice::Cohort(c.id.clone())),
        ));
    }
    for s in Subject::ALL {
        out.push((
            format!("subject={}", s.label().to_lowercase()),
            Selection {
                subject: Some(s),
                ..Selection::default()
            },
        ));
    }
    for g in PupilGroup::ALL.into_iter().skip(1) {
        out.push((
            format!("pupils={}", g.id()),
            Selection {
                pupils: g,
                ..Selection::default()
            },
        ));
    }
    for y in school_years(ds).into_iter().rev().skip(1) {
        out.push((
            format!("year={y}"),
            Selection {
                year: Some(y),
                ..Selection::default()
            },
        ));
    }
    out
}
