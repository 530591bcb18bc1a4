//! cohort-dashboard: KS2 progress, disadvantaged pupils and Ofsted judgements of the
//! University of Worcester Collaborative Leadership Programme in Stoke-on-Trent.
//!
//! The crate has two halves. The pure core ([`model`], [`dataset`], [`aggregate`],
//! [`format`], [`charts`]) has no web dependency, builds on the host and is tested with plain
//! `cargo test`. The browser shell (`app`, wasm32 only) fetches the dataset and wires the
//! core's output into Leptos components.

pub mod aggregate;
pub mod breaks;
pub mod charts;
pub mod claims;
pub mod dataset;
pub mod dates;
pub mod error;
pub mod format;
pub mod import;
pub mod model;
pub mod order;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod schools;
pub mod summary;
pub mod table;
pub mod trend;
pub mod view;
pub mod worker;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod enhance;

#[cfg(test)]
pub(crate) mod testing {
    //! Fixtures shared by the unit tests.
    use crate::dataset::Dataset;

    /// The dataset the page ships with.
    pub const BUNDLED_JSON: &str = include_str!("../public/data/dataset.json");

    /// SVG text with plotters' entity escapes turned back into characters, so tests can
    /// look for names as a person reads them.
    pub fn unescape(svg: &str) -> String {
        svg.replace("&apos;", "'")
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    }

    /// The bundled dataset, validated. A failure here is itself a test failure.
    pub fn bundled() -> Dataset {
        match Dataset::from_json(BUNDLED_JSON) {
            Ok(ds) => ds,
            Err(e) => panic!("the bundled dataset is invalid:\n{e}"),
        }
    }
}
