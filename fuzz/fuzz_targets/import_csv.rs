//! Any bytes as a set of dropped files (split at 0xFF): the importer must give a result or
//! messages, never panic.
#![no_main]

use cohort_dashboard::import::from_files;
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 5] = ["cohorts.csv", "ks2_2019.csv", "ofsted.csv", "comparators.csv", "data.json"];

fuzz_target!(|data: &[u8]| {
    let files: Vec<(String, String)> = data
        .split(|b| *b == 0xFF)
        .zip(NAMES)
        .map(|(bytes, name)| (name.to_string(), String::from_utf8_lossy(bytes).into_owned()))
        .collect();
    let _ = from_files(&files);
});
