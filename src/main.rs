//! Entry point: on the web it only mounts the app; on the host there is nothing to run (the
//! binary exists for trunk, the host builds it only so that `cargo test` covers the crate).

#[cfg(target_arch = "wasm32")]
fn main() {
    cohort_dashboard::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("cohort-dashboard runs in the browser: build it with trunk (see README.md).");
}
