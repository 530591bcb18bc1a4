//! How long a cohort change's core work takes natively: each chart's model, its summary and
//! its drawing, for the bundled dataset. (A rough guide to the wasm's share of a change.)
use std::time::Instant;

use cohort_dashboard::charts::ChartId;
use cohort_dashboard::dataset::Dataset;
use cohort_dashboard::selection::{CohortChoice, Selection};

fn main() {
    let text = std::fs::read_to_string("public/data/dataset.json").unwrap_or_default();
    let Ok(ds) = Dataset::from_json(&text) else {
        return;
    };
    let sel = Selection::cohort(CohortChoice::from_id(&ds, "seven-stars"));
    for id in ChartId::available(&ds) {
        let n = 50;
        let t = Instant::now();
        for _ in 0..n {
            let _ = id.build(&ds, &sel);
        }
        let build = t.elapsed().as_secs_f64() * 1000.0 / n as f64;
        let m = id.build(&ds, &sel);
        let t = Instant::now();
        for _ in 0..n {
            let _ = m.summary();
            let _ = m.notes();
        }
        let words = t.elapsed().as_secs_f64() * 1000.0 / n as f64;
        let t = Instant::now();
        for _ in 0..n {
            let _ = m.svg(1200);
        }
        let svg = t.elapsed().as_secs_f64() * 1000.0 / n as f64;
        let t = Instant::now();
        for _ in 0..n {
            let _ = m.marks(1200);
        }
        let marks = t.elapsed().as_secs_f64() * 1000.0 / n as f64;
        let t = Instant::now();
        for _ in 0..n {
            let _ = cohort_dashboard::answer::answer(&ds, &sel);
        }
        let answer = t.elapsed().as_secs_f64() * 1000.0 / n as f64;
        println!("{:<20} build {build:6.2} ms  words {words:6.2}  svg {svg:6.2}  marks {marks:6.2}  (answer {answer:6.2})", id.id());
    }
}
