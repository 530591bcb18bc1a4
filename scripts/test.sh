#!/usr/bin/env bash
# Runs every check, installing what is missing first: formatting, clippy (host and wasm32,
# warnings are errors), the unit and data tests, the release build, and the end-to-end tests
# in headless Chromium. CI runs exactly this (.ci/run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/setup.sh --test

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy (host, all targets)"
cargo clippy --all-targets --locked -- -D warnings

step "clippy (wasm32)"
cargo clippy --target wasm32-unknown-unknown --locked -- -D warnings

step "unit and data tests (host)"
cargo test --locked

step "release build (trunk)"
trunk build --release --offline --locked

step "end-to-end tests (headless Chromium)"
node --test --test-concurrency=1 tests/e2e/
