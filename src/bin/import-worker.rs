//! The "Load your data" importer as a web worker (see `cohort_dashboard::worker`): trunk
//! builds it as its own wasm, fetched only when a reader chooses files.

#[cfg(target_arch = "wasm32")]
fn main() {
    cohort_dashboard::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "import-worker runs in the browser as a web worker: build it with trunk (see README.md)."
    );
}
