//! `cohort-import`: builds the dashboard's dataset from a cohort list and DfE/Ofsted CSVs.
//!
//! ```text
//! cohort-import --cohorts cohorts.csv --ks2 england_ks2_2019_schools.csv \
//!     --ofsted ofsted_latest_inspections_2018-07-31.csv --out public/data/dataset.json
//! ```
//! Exits 0 with a summary, or 1 listing every problem as `file:line: column: expected …,
//! found …`; the output file is written whole (temporary file, then rename) or not at all.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::run()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use std::time::Instant;

    use clap::Parser;
    use cohort_dashboard::import::{build, InputFile, Inputs};

    /// Build the cohort dashboard's dataset from a cohort list and DfE/Ofsted CSV files.
    #[derive(Parser, Debug)]
    #[command(name = "cohort-import", version)]
    struct Args {
        /// Cohort list CSV: cohort,cohort_name,joined_year,urn (one row per membership).
        #[arg(long)]
        cohorts: PathBuf,
        /// DfE KS2 school-level CSV; repeat for several years.
        #[arg(long)]
        ks2: Vec<PathBuf>,
        /// Year of the KS2 files whose names carry none.
        #[arg(long)]
        year: Option<u16>,
        /// Ofsted inspections CSV; repeat for several.
        #[arg(long)]
        ofsted: Vec<PathBuf>,
        /// Area comparators CSV: area,year,group,subject,score,lower,upper,source.
        #[arg(long)]
        comparators: Option<PathBuf>,
        /// Title of the dataset.
        #[arg(long)]
        title: Option<String>,
        /// Where to write the dataset JSON.
        #[arg(long)]
        out: PathBuf,
        /// Write the JSON without indentation: for thousands of schools, about half the size
        /// for the browser to hold while it reads it.
        #[arg(long)]
        compact: bool,
    }

    fn read(path: &Path) -> Result<(String, String), String> {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
        if meta.len() > cohort_dashboard::import::MAX_FILE_BYTES as u64 {
            return Err(format!(
                "{name}: the file is {} MB, more than the {} MB this tool reads",
                meta.len() / (1024 * 1024),
                cohort_dashboard::import::MAX_FILE_BYTES / (1024 * 1024)
            ));
        }
        eprintln!("reading {name} ({} KB)", meta.len() / 1024);
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok((name, text))
    }

    /// Writes next to the target, then renames: a failure leaves no partial file.
    fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let tmp = dir.join(format!(
            ".{}.tmp-{}",
            path.file_name()
                .map_or_else(|| "dataset".into(), |n| n.to_string_lossy()),
            std::process::id()
        ));
        std::fs::write(&tmp, text)?;
        std::fs::rename(&tmp, path).inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
    }

    pub fn run() -> ExitCode {
        let args = Args::parse();
        let started = Instant::now();
        let mut texts = Vec::new();
        let paths: Vec<&PathBuf> = std::iter::once(&args.cohorts)
            .chain(&args.ks2)
            .chain(&args.ofsted)
            .chain(args.comparators.iter())
            .collect();
        for p in &paths {
            match read(p) {
                Ok(t) => texts.push(t),
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
        let file = |i: usize| texts.get(i).map(|(n, t)| InputFile { name: n, text: t });
        let n_ks2 = args.ks2.len();
        let n_ofsted = args.ofsted.len();
        let inputs = Inputs {
            cohorts: file(0),
            ks2: (1..=n_ks2)
                .filter_map(|i| file(i).map(|f| (f, args.year)))
                .collect(),
            ofsted: (1 + n_ks2..1 + n_ks2 + n_ofsted).filter_map(file).collect(),
            comparators: args
                .comparators
                .as_ref()
                .and_then(|_| file(1 + n_ks2 + n_ofsted)),
            title: args.title.clone(),
        };
        let (dataset, summary) = match build(&inputs) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{e}");
                eprintln!("error: nothing was written");
                return ExitCode::FAILURE;
            }
        };
        let written = if args.compact {
            serde_json::to_string(dataset.raw())
        } else {
            serde_json::to_string_pretty(dataset.raw())
        };
        let json = match written {
            Ok(j) => j,
            Err(e) => {
                eprintln!("error: the dataset could not be written as JSON: {e}");
                return ExitCode::FAILURE;
            }
        };
        if let Err(e) = write_atomically(&args.out, &(json + "\n")) {
            eprintln!("error: {}: {e}", args.out.display());
            return ExitCode::FAILURE;
        }
        println!("{summary}");
        println!(
            "wrote {} in {:.2} s",
            args.out.display(),
            started.elapsed().as_secs_f64()
        );
        ExitCode::SUCCESS
    }
}
