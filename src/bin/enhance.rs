//! The prerendered view's enhancer (see `cohort_dashboard::enhance`): trunk builds it as a
//! wasm of its own, which the start-up script fetches once the static view has painted.

#[cfg(target_arch = "wasm32")]
fn main() {
    cohort_dashboard::enhance::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("enhance runs in the browser over the prerendered view: build it with trunk (see README.md).");
}
