//! "Load your data" in a web worker of its own: the CSV importer (its decoding, the csv
//! crate, the matching of files to schools) is compiled into `import-worker.wasm`, which the
//! page fetches only when a reader chooses files (issue 11: code most readers never run
//! leaves the first load). It also keeps a long import (England, four years) off the page's
//! thread, so the page stays responsive and can say it is reading.
//!
//! The messages are plain JavaScript values (no serde-wasm-bindgen, to keep both modules
//! small): the page sends an array of `{name, bytes}` (an `ArrayBuffer`); the worker
//! answers `{dataset, summary}` (the dataset as JSON text, which the page validates as it
//! does any dataset) or `{errors}` (every problem, in plain words). See `app::importer` for
//! the page's side.

#[cfg(target_arch = "wasm32")]
mod web;
#[cfg(target_arch = "wasm32")]
pub use web::start;

use crate::import::{decode_text, from_files};

/// What a reader is told when no file came with the request.
pub const NO_FILES: &str = "No file was chosen.";

/// What the worker answers for one set of files.
#[derive(Debug, PartialEq)]
pub enum Reply {
    /// The files made a dataset: its JSON text, and what was matched, in one line.
    Dataset {
        /// The dataset, as the importer's command line would write it.
        json: String,
        /// What the importer matched ("12 cohorts, 55 schools in the cohort list; …").
        summary: String,
    },
    /// Every problem, in plain words; nothing was loaded.
    Errors(Vec<String>),
}

/// Decodes and imports a set of files (name, bytes), as the page's worker does.
pub fn import(files: &[(String, Vec<u8>)]) -> Reply {
    let mut texts = Vec::new();
    let mut errors = Vec::new();
    for (name, bytes) in files {
        // Bytes, not text: a file Excel saved as Windows-1252 is decoded as such, and a
        // workbook is refused with what to do, rather than read as garbage.
        match decode_text(name, bytes) {
            Ok((text, _)) => texts.push((name.clone(), text)),
            Err(e) => errors.push(e.plain()),
        }
    }
    if !errors.is_empty() {
        return Reply::Errors(errors);
    }
    if texts.is_empty() {
        return Reply::Errors(vec![NO_FILES.to_string()]);
    }
    match from_files(&texts) {
        Err(e) => Reply::Errors(e.plain_lines()),
        Ok((dataset, summary)) => match serde_json::to_string(dataset.raw()) {
            Ok(json) => Reply::Dataset {
                json,
                summary: summary
                    .map(|s| s.to_string().trim_end().replace('\n', "; "))
                    .unwrap_or_default(),
            },
            Err(e) => Reply::Errors(vec![format!("The dataset could not be written: {e}.")]),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::{import, Reply};
    use crate::dataset::Dataset;
    use crate::testing::BUNDLED_JSON;

    #[test]
    fn a_dataset_file_comes_back_as_the_same_dataset() {
        let reply = import(&[("mine.json".into(), BUNDLED_JSON.as_bytes().to_vec())]);
        let Reply::Dataset { json, summary } = reply else {
            panic!("not read: {reply:?}");
        };
        assert!(summary.is_empty(), "{summary}");
        let back = Dataset::from_json(&json).map_err(|e| e.to_string());
        let original = Dataset::from_json(BUNDLED_JSON).map_err(|e| e.to_string());
        assert_eq!(
            back.map(|d| d.raw().clone()),
            original.map(|d| d.raw().clone())
        );
    }

    #[test]
    fn a_workbook_is_refused_in_plain_words() {
        let reply = import(&[("list.xlsx".into(), b"PK\x03\x04rest".to_vec())]);
        let Reply::Errors(lines) = reply else {
            panic!("read: {reply:?}");
        };
        assert_eq!(lines.len(), 1);
        assert!(lines[0].contains("CSV UTF-8"), "{}", lines[0]);
    }

    #[test]
    fn no_files_is_said() {
        assert_eq!(
            import(&[]),
            Reply::Errors(vec!["No file was chosen.".into()])
        );
    }

    #[test]
    fn a_cohort_list_alone_is_refused_with_every_line_kept() {
        let list = "cohort_id,cohort_name,start_year,urn\nc1,One,2016,124000\n";
        let Reply::Errors(lines) = import(&[("cohorts.csv".into(), list.as_bytes().to_vec())])
        else {
            panic!("a list alone was read");
        };
        assert_eq!(
            lines,
            vec!["cohorts.csv, the whole file, file: expected a cohort list with DfE's KS2 file and Ofsted's inspections file too: choose them together, found a cohort list alone.".to_string()]
        );
    }
}
