//! Any bytes as a dataset: parsing and validation must refuse bad input with a message, and
//! everything drawn from a dataset that passes (every chart, for every cohort and subject,
//! its marks, table, CSV, summary, export and link state) must not panic.
#![no_main]

use cohort_dashboard::charts::{export_svg, file_stem, ChartId};
use cohort_dashboard::dataset::Dataset;
use cohort_dashboard::model::Subject;
use cohort_dashboard::selection::{CohortChoice, Selection};
use cohort_dashboard::table::to_csv;
use cohort_dashboard::view::View;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(ds) = Dataset::from_json(text) else { return };
    let cohorts = std::iter::once(CohortChoice::Programme)
        .chain(ds.raw().cohorts.iter().map(|c| CohortChoice::Cohort(c.id.clone())));
    for cohort in cohorts {
        for subject in [None, Some(Subject::Writing)] {
            let sel = Selection { cohort: cohort.clone(), subject, ..Selection::default() };
            for id in ChartId::available(&ds) {
                let chart = id.build(&ds, &sel);
                for width in [240, 360, 1200] {
                    let _ = chart.svg(width);
                    let _ = chart.marks(width);
                }
                let _ = export_svg(&*chart, &ds, 500);
                for t in chart.tables(&ds) {
                    let _ = to_csv(&t, &ds);
                }
                let _ = chart.summary();
                let _ = chart.notes();
                let _ = file_stem(&*chart, &sel);
                for part in chart.split(2) {
                    let _ = part.svg(360);
                }
            }
        }
    }
    // Link state read from the same text, split as a query string.
    let (view, _) = View::from_params(
        |k| text.split('&').find_map(|kv| kv.strip_prefix(k)?.strip_prefix('=').map(str::to_string)),
        &ds,
    );
    let _ = view.to_query();
});
