//! Prints each chart's summary for a cohort of the bundled dataset (default: all schools).
use cohort_dashboard::charts::ChartId;
use cohort_dashboard::dataset::Dataset;
use cohort_dashboard::selection::{CohortChoice, Selection};

fn main() {
    let text = std::fs::read_to_string("public/data/dataset.json").unwrap_or_default();
    let Ok(ds) = Dataset::from_json(&text) else {
        return;
    };
    let cohort = std::env::args().nth(1).unwrap_or_else(|| "all".into());
    let sel = Selection::cohort(CohortChoice::from_id(&ds, &cohort));
    for id in ChartId::available(&ds) {
        let m = id.build(&ds, &sel);
        let s = m.summary();
        let words: usize = s.iter().map(|s| s.split_whitespace().count()).sum();
        println!("== {} ({words} words)", id.id());
        for line in s {
            println!("  {line}");
        }
    }
}
