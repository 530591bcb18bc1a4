//! The `cohort-import` command as a person runs it: on small fixtures, on a broken file, and
//! on the real England files in ../shared/data (skipped, saying so, when absent).

#![allow(clippy::panic)] // helpers of a test binary: a panic is the test failing

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use cohort_dashboard::dataset::Dataset;
use cohort_dashboard::model::Judgement;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn out_path(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("import-cli");
    let _ = std::fs::create_dir_all(&dir);
    let p = dir.join(name);
    let _ = std::fs::remove_file(&p);
    p
}

fn run(args: &[&std::ffi::OsStr]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cohort-import"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cohort-import did not run: {e}"));
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn load(path: &Path) -> Dataset {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Dataset::from_json(&text).unwrap_or_else(|e| panic!("the written dataset is invalid: {e}"))
}

#[test]
fn fixtures_import_into_a_valid_dataset_with_a_summary() {
    let out = out_path("fixture.json");
    let (ok, stdout, stderr) = run(&[
        "--cohorts".as_ref(),
        fixture("cohorts.csv").as_os_str(),
        "--ks2".as_ref(),
        fixture("ks2_2019.csv").as_os_str(),
        "--ofsted".as_ref(),
        fixture("ofsted.csv").as_os_str(),
        "--title".as_ref(),
        "Fixture programme".as_ref(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("4 cohorts, 7 schools in the cohort list"),
        "{stdout}"
    );
    assert!(
        stdout.contains("6 schools matched in KS2 files, 7 in Ofsted files"),
        "{stdout}"
    );
    let ds = load(&out);
    assert_eq!(ds.raw().title, "Fixture programme");
    let abbey = ds.school(123_989).map(|s| s.ofsted[0].date.clone());
    assert_eq!(
        abbey.as_deref(),
        Some("2016-02-10"),
        "DD/MM/YYYY read as a UK date"
    );
    assert_eq!(ds.cohort("seven-stars").map(|c| c.schools.len()), Some(3));
}

#[test]
fn a_broken_file_names_the_place_and_writes_nothing() {
    let out = out_path("broken.json");
    std::fs::write(&out, "previous contents").unwrap_or_else(|e| panic!("{e}"));
    let (ok, _, stderr) = run(&[
        "--cohorts".as_ref(),
        fixture("cohorts.csv").as_os_str(),
        "--ks2".as_ref(),
        fixture("ks2_2019_broken.csv").as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert!(!ok, "a bad file must fail the command");
    assert!(
        stderr.contains("ks2_2019_broken.csv:3: READPROG: expected a progress score or SUPP, NE, LOWCOV, NP or empty, found \u{201c}two\u{201d}"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"));
    let kept = std::fs::read_to_string(&out).unwrap_or_default();
    assert_eq!(kept, "previous contents", "the old output is untouched");
}

#[test]
fn a_missing_input_file_is_named() {
    let out = out_path("missing.json");
    let (ok, _, stderr) = run(&[
        "--cohorts".as_ref(),
        fixture("no-such-file.csv").as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    assert!(!ok);
    assert!(stderr.contains("no-such-file.csv"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn the_real_england_files_import_in_about_a_second() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if !data.is_dir() {
        eprintln!("skipped: {} not found", data.display());
        return;
    }
    let out = out_path("england.json");
    let started = Instant::now();
    let (ok, stdout, stderr) = run(&[
        "--cohorts".as_ref(),
        fixture("cohorts.csv").as_os_str(),
        "--ks2".as_ref(),
        data.join("england_ks2_2019_schools.csv").as_os_str(),
        "--ofsted".as_ref(),
        data.join("ofsted_latest_inspections_2018-07-31.csv")
            .as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
    ]);
    let took = started.elapsed();
    assert!(ok, "{stderr}");
    eprintln!("imported the England KS2 2019 and Ofsted 2018 files in {took:?}\n{stdout}");
    let ds = load(&out);
    let etruscan = ds
        .school(133_328)
        .unwrap_or_else(|| panic!("Etruscan missing"));
    let r = &etruscan.ks2[0];
    assert_eq!(r.year, 2019);
    assert_eq!(
        (
            r.reading.map(|s| s.value),
            r.writing.map(|s| s.value),
            r.maths.map(|s| s.value)
        ),
        (Some(2.0), Some(2.6), Some(1.6))
    );
    assert_eq!(etruscan.ofsted[0].judgement, Judgement::Good);
    assert_eq!(etruscan.ofsted[0].date, "2017-05-04");
    assert!(stdout.contains("every school was found"), "{stdout}");
}

#[test]
fn compact_output_is_the_same_dataset_in_fewer_bytes() {
    let pretty = out_path("pretty.json");
    let compact = out_path("compact.json");
    let (cohorts, ks2, ofsted) = (
        fixture("cohorts.csv"),
        fixture("ks2_2019.csv"),
        fixture("ofsted.csv"),
    );
    for (out, extra) in [(&pretty, None), (&compact, Some("--compact"))] {
        let mut args: Vec<&std::ffi::OsStr> = vec![
            "--cohorts".as_ref(),
            cohorts.as_os_str(),
            "--ks2".as_ref(),
            ks2.as_os_str(),
            "--ofsted".as_ref(),
            ofsted.as_os_str(),
            "--out".as_ref(),
            out.as_os_str(),
        ];
        if let Some(flag) = extra {
            args.push(flag.as_ref());
        }
        let (ok, _, stderr) = run(&args);
        assert!(ok, "{stderr}");
    }
    let (p, c) = (load(&pretty), load(&compact));
    assert_eq!(p, c);
    let text = std::fs::read_to_string(&compact).unwrap_or_default();
    assert!(!text.contains("\n  "), "no indentation");
    let pretty_len = std::fs::metadata(&pretty).map(|m| m.len()).unwrap_or(0);
    assert!((text.len() as u64) < pretty_len);
}
