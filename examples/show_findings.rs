//! Prints each chart's finding and summary length for every cohort of the bundled dataset.
use cohort_dashboard::charts::ChartId;
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
        println!("== {}", c.id());
        for id in ChartId::available(&ds) {
            let m = id.build(&ds, &Selection::cohort(c.clone()));
            let words: usize = m
                .summary()
                .iter()
                .map(|s| s.split_whitespace().count())
                .sum();
            println!(
                "{:<18} [{words:3} words] {}",
                id.id(),
                m.finding().unwrap_or_else(|| "—".into())
            );
        }
    }
}
