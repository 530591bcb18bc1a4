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
    use cohort_dashboard::import::{build, AreaInputs, InputFile, Inputs};

    /// Build the cohort dashboard's dataset from a cohort list and DfE/Ofsted CSV files.
    #[derive(Parser, Debug)]
    #[command(name = "cohort-import", version)]
    struct Args {
        /// Cohort list CSV: cohort,cohort_name,joined_year,urn (one row per membership).
        #[arg(long, required_unless_present = "base", conflicts_with = "base")]
        cohorts: Option<PathBuf>,
        /// A dataset JSON to start from instead of a cohort list: its figures are kept and
        /// the area figures read from --lait replace its context and series.
        #[arg(long)]
        base: Option<PathBuf>,
        /// DfE LAIT long file (Short Desc, Years, LA and Regions, Values, LA Number, Region).
        #[arg(long, requires_all = ["lait_measures", "home_la"])]
        lait: Option<PathBuf>,
        /// LAIT's data dictionary (Measure_short, dps, Table_status, …).
        #[arg(long, requires = "lait")]
        lait_measures: Option<PathBuf>,
        /// Statistical-neighbour list (LA num, SN1 … SN10).
        #[arg(long, requires = "lait")]
        neighbours: Option<PathBuf>,
        /// Links between predecessor and successor schools (GIAS links file): listed schools'
        /// KS2 results published under a predecessor's URN are kept, marked as such.
        #[arg(long)]
        links: Option<PathBuf>,
        /// DfE school places scorecards (primary places by Ofsted grade of their school).
        #[arg(long, requires = "lait")]
        scorecards: Option<PathBuf>,
        /// Code of the home local authority (Stoke-on-Trent: 861): LAIT's home area, and the
        /// authority whose other schools (--spine, --census) form the like-for-like pool.
        #[arg(long)]
        home_la: Option<u16>,
        /// DfE's school list (URN, LA, SCHNAME, NFTYPE, AGEL, AGEH): school types, and which
        /// schools are the home authority's.
        #[arg(long)]
        spine: Option<PathBuf>,
        /// DfE school census (URN, LA, NOR, PNUMFSMEVER); its year from its name, marked as
        /// inferred.
        #[arg(long)]
        census: Option<PathBuf>,
        /// % of pupils eligible for free school meals (urn, fsm_prop); its year from its name.
        #[arg(long)]
        fsm: Option<PathBuf>,
        /// Graded inspections (URN, Rating, Inspection Date), joined with --ofsted files.
        #[arg(long)]
        inspections: Option<PathBuf>,
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
        /// A file's citation in place of the one written for it, as FILE=Publisher|Title|Date
        /// (e.g. "ks2.csv=Department for Education|KS2 school performance tables 2019|December
        /// 2019"); repeat for several files.
        #[arg(long, value_name = "FILE=Publisher|Title|Date")]
        cite: Vec<String>,
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
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let (text, encoding) =
            cohort_dashboard::import::decode_text(&name, &bytes).map_err(|e| e.to_string())?;
        if encoding == cohort_dashboard::import::Encoding::Windows1252 {
            eprintln!(
                "note: {name} is not UTF-8: read as Windows-1252 (Excel's \"CSV (Comma delimited)\"); save as \"CSV UTF-8\" to be sure of every character"
            );
        }
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
        let mut texts: Vec<(String, String)> = Vec::new();
        let mut read_one = |p: &PathBuf| -> Result<usize, ExitCode> {
            match read(p) {
                Ok(t) => {
                    texts.push(t);
                    Ok(texts.len() - 1)
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    Err(ExitCode::FAILURE)
                }
            }
        };
        let mut index = |p: Option<&PathBuf>| p.map(&mut read_one).transpose();
        let picked = (|| {
            Ok::<_, ExitCode>((
                index(args.cohorts.as_ref())?,
                index(args.base.as_ref())?,
                args.ks2
                    .iter()
                    .map(|p| index(Some(p)))
                    .collect::<Result<Vec<_>, _>>()?,
                args.ofsted
                    .iter()
                    .map(|p| index(Some(p)))
                    .collect::<Result<Vec<_>, _>>()?,
                index(args.comparators.as_ref())?,
                index(args.lait.as_ref())?,
                index(args.lait_measures.as_ref())?,
                index(args.neighbours.as_ref())?,
                index(args.scorecards.as_ref())?,
                index(args.links.as_ref())?,
                [
                    index(args.spine.as_ref())?,
                    index(args.census.as_ref())?,
                    index(args.fsm.as_ref())?,
                    index(args.inspections.as_ref())?,
                ],
            ))
        })();
        let (
            cohorts,
            base,
            ks2,
            ofsted,
            comparators,
            lait,
            measures,
            neighbours,
            places,
            links,
            [spine, census, fsm, inspections],
        ) = match picked {
            Ok(p) => p,
            Err(code) => return code,
        };
        let file = |i: Option<usize>| {
            i.and_then(|i| texts.get(i))
                .map(|(n, t)| InputFile { name: n, text: t })
        };
        let areas = match (file(lait), file(measures), args.home_la) {
            (Some(lait), Some(measures), Some(home)) => Some(AreaInputs {
                lait,
                measures,
                neighbours: file(neighbours),
                home,
            }),
            _ => None,
        };
        let inputs = Inputs {
            cohorts: file(cohorts),
            ks2: ks2
                .into_iter()
                .filter_map(|i| file(i).map(|f| (f, args.year)))
                .collect(),
            ofsted: ofsted.into_iter().filter_map(file).collect(),
            comparators: file(comparators),
            title: args.title.clone(),
            base: file(base),
            areas,
            places: file(places),
            links: file(links),
            spine: file(spine),
            census: file(census),
            fsm: file(fsm),
            inspections: file(inspections),
            home_la: args.home_la,
            citations: args
                .cite
                .iter()
                .map(|c| match c.split_once('=') {
                    Some((f, t)) => (f.trim().to_string(), t.to_string()),
                    None => (c.clone(), String::new()),
                })
                .collect(),
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
