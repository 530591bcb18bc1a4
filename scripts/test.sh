#!/usr/bin/env bash
# Runs every check, installing what is missing first: formatting, clippy (host and wasm32,
# warnings are errors), the unit and data tests, the release build, the end-to-end tests and
# accessibility gate in headless Chromium, and a smoke run of the benchmark harness. CI runs
# exactly this (.ci/run).
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

step "fuzz: dataset JSON and CSV import, ${FUZZ_SECONDS:-20} s each (longer: see README)"
if rustup toolchain list 2>/dev/null | grep -q '^nightly' && cargo fuzz --version >/dev/null 2>&1; then
  scratch="$(mktemp -d)"
  for target in dataset_json import_csv; do
    mkdir -p "$scratch/$target"
    # New inputs go to scratch; the committed seed corpus stays as it is.
    if ! (cd fuzz && cargo +nightly fuzz run -O "$target" "$scratch/$target" "corpus/$target" -- \
        -max_total_time="${FUZZ_SECONDS:-20}" >"$scratch/$target.log" 2>&1); then
      tail -n 40 "$scratch/$target.log"
      echo "fuzz: $target failed: the input that broke it is in fuzz/artifacts/$target/"
      exit 1
    fi
    echo "fuzz: $target: $(grep -E '^Done' "$scratch/$target.log")"
  done
  rm -rf "$scratch"
else
  echo "fuzz: skipped (no nightly toolchain or cargo-fuzz on this machine)"
fi

step "release build (trunk)"
trunk build --release --offline --locked

step "the browsers the tests run against"
# A browser test's result depends on the browser as much as on the page: say which, so a run
# on another machine can be compared with this one.
for b in /usr/bin/chromium /usr/bin/chromedriver; do
  if [ -x "$b" ]; then "$b" --version 2>/dev/null | head -n 1; else echo "$b: missing"; fi
done
echo "node $(node --version), playwright-core $(node -p "require('playwright-core/package.json').version")"
command -v firefox-esr >/dev/null && firefox-esr --version 2>/dev/null | head -n 1
echo "WebKitGTK (webkit2gtk-driver) $(dpkg-query -W -f='${Version}' webkit2gtk-driver 2>/dev/null || echo missing)"
echo "puppeteer-core $(node -p "require('puppeteer-core/package.json').version"), selenium-webdriver $(node -p "require('selenium-webdriver/package.json').version")"
true

step "end-to-end tests and the accessibility gate (headless Chromium; the engine checks in Firefox ESR and WebKitGTK)"
node --test --test-concurrency=1 --test-timeout=300000 tests/e2e/

step "benchmark harness smoke (one run each, small data; figures in BENCH.md come from npm run bench)"
node bench/run.mjs --smoke --no-build
