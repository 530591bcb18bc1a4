//! cohort-dashboard: a dashboard of a school-improvement programme's schools (KS2 progress,
//! disadvantaged pupils, Ofsted judgements) against their home area, its region, its
//! statistical neighbours and England, from one dataset file.
//!
//! The crate is layered, each layer using only those below it:
//! - the shell, wasm32 only: [`app`] (the page), `enhance` (the prerendered view's pointer),
//!   and [`worker`] (your own files); and the host's [`prerender`] and `bin/`;
//! - [`view`]: the view as link state;
//! - [`charts`]: one folder per chart over a shared kit, behind one `Chart` interface;
//! - the vocabulary the charts share: [`selection`], [`provenance`] (legends, sources,
//!   statements and their tests), [`stats`], [`scale`], [`format`], [`table`];
//! - the data: [`dataset`] (validated), [`import`] (files into a dataset), [`model`] (the file's
//!   shape), [`error`], [`dates`], [`order`], [`breaks`].
//!
//! Everything but the shell builds on the host and is tested with plain `cargo test`.

pub mod address;
pub mod answer;
pub mod breaks;
pub mod brief;
pub mod charts;
pub mod dataset;
pub mod dates;
pub mod error;
pub mod format;
pub mod ids;
pub mod import;
pub mod markup;
pub mod model;
pub mod order;
pub mod page;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod provenance;
pub mod scale;
pub mod selection;
pub mod stats;
pub mod table;
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
