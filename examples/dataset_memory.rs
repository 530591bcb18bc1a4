//! How much memory a dataset takes once read, the most it takes while it is read, and how
//! long the reading takes: the whole text read then parsed (`Dataset::from_json`), against
//! the text parsed a piece at a time as it is read (`Dataset::from_reader`, as the page does).
//! Counted by dhat's heap profiler.
//!
//! `cargo run --release --example dataset_memory -- FILE.json` (the benchmark's England files:
//! `node bench/datasets.mjs`). The page's wasm holds the same structures with 4-byte
//! pointers, not 8, so it takes somewhat less than this says.
use std::time::Instant;

use cohort_dashboard::charts::ChartId;
use cohort_dashboard::dataset::Dataset;
use cohort_dashboard::selection::Selection;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

fn mb(b: usize) -> String {
    format!("{:.1} MB", b as f64 / 1_048_576.0)
}

/// One way of reading the file.
fn read(file: &str, pieces: bool) -> Result<Option<Dataset>, String> {
    if pieces {
        let f = std::fs::File::open(file).map_err(|e| format!("{file}: {e}"))?;
        Dataset::from_reader(std::io::BufReader::with_capacity(64 * 1024, f))
            .map_err(|e| e.to_string())
    } else {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
        Dataset::from_json(&text)
            .map(Some)
            .map_err(|e| e.to_string())
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(file), Some(how)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: dataset_memory FILE.json whole|pieces");
        std::process::exit(2);
    };
    let pieces = how == "pieces";
    // Timed without the profiler (dhat's allocator then only passes calls through), best of 3.
    let mut best = u128::MAX;
    for _ in 0..3 {
        let start = Instant::now();
        match read(file, pieces) {
            Ok(Some(_)) => best = best.min(start.elapsed().as_millis()),
            Ok(None) => {
                eprintln!("{file}: the file does not parse as a dataset");
                std::process::exit(1);
            }
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        }
    }
    let _profiler = dhat::Profiler::builder().testing().build();
    let before = dhat::HeapStats::get().curr_bytes;
    let held = read(file, pieces);
    let stats = dhat::HeapStats::get();
    if let Ok(Some(ds)) = held {
        println!(
            "{file}, {}: held {}, peak {}, {best} ms",
            if pieces {
                "parsed as read, 64 KB at a time"
            } else {
                "whole text, then parsed"
            },
            mb(stats.curr_bytes - before),
            mb(stats.max_bytes.saturating_sub(before)),
        );
        // Then what the page makes of it: every chart's model for the whole programme, each
        // drawn at 1,200 px, held as the app holds them.
        let sel = Selection::default();
        let mut models = Vec::new();
        for id in ChartId::available(&ds) {
            let at = dhat::HeapStats::get().curr_bytes;
            models.push(id.build(&ds, &sel));
            println!(
                "    {:<20} model {}",
                id.id(),
                mb(dhat::HeapStats::get().curr_bytes - at)
            );
        }
        let drawings: Vec<String> = models
            .iter()
            .filter_map(|m| m.svg(1200).map_err(|e| eprintln!("    {e}")).ok())
            .collect();
        let after = dhat::HeapStats::get();
        println!(
            "  and every chart's model and drawing: held {} more ({} of drawings), peak {}",
            mb(after.curr_bytes - stats.curr_bytes),
            mb(drawings.iter().map(String::len).sum()),
            mb(after.max_bytes.saturating_sub(before)),
        );
        drop((models, drawings, ds));
    }
}
