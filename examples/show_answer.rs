//! Prints the page's answer for each cohort of the bundled dataset (for reading it whole).
use cohort_dashboard::dataset::Dataset;
use cohort_dashboard::selection::{CohortChoice, Selection};

fn main() {
    let text = std::fs::read_to_string("public/data/dataset.json").unwrap_or_default();
    let Ok(ds) = Dataset::from_json(&text) else {
        return;
    };
    let mut cohorts = vec![CohortChoice::Programme];
    cohorts.extend(
        ds.raw()
            .cohorts
            .iter()
            .map(|c| CohortChoice::Cohort(c.id.clone())),
    );
    for c in cohorts {
        let Some(a) = cohort_dashboard::answer::answer(&ds, &Selection::cohort(c.clone())) else {
            continue;
        };
        println!("== {}\n{}", c.id(), a.question);
        for p in &a.points {
            println!("- {} [{}]", p.text, p.chart.id());
        }
        for c in &a.caveats {
            println!("  ! {c}");
        }
    }
}
