#!/usr/bin/env bash
# Installs what building the dashboard needs, skipping whatever is already present at the
# right version: the wasm32 target, trunk, wasm-bindgen-cli at exactly the version in
# Cargo.lock, and the npm tools (wasm-opt from binaryen, playwright-core, axe-core) at the
# versions in package-lock.json. With --test it also installs Debian's Chromium and
# ChromeDriver, Firefox ESR, WebKitGTK's driver and Xvfb for the browser tests.
#
# Only crates.io, npm and Debian's archive are used: trunk's own download of wasm-bindgen
# and wasm-opt from GitHub is never needed (trunk runs with --offline).
#
# Source it (`. scripts/setup.sh`) to get the tools on PATH in the calling shell.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$ROOT/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

say() { printf '[setup] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root to run: $*"; return 1; fi
}

setup_rust() {
  command -v cargo >/dev/null || { say "cargo is missing: install Rust with rustup first (https://rustup.rs)"; exit 1; }
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (about 8 minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  local wbg
  wbg="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, "", $0); print; exit}' "$ROOT/Cargo.lock")"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wbg" ]; then
    # Not --locked: the CLI's own lock file names a crate version crates.io does not have.
    say "installing wasm-bindgen-cli $wbg (the version in Cargo.lock)"
    cargo install wasm-bindgen-cli --version "$wbg"
  fi
}

setup_npm() {
  command -v npm >/dev/null || { say "npm is missing: install Node.js 20 or later"; exit 1; }
  local stamp="$ROOT/node_modules/.lock-stamp"
  local want
  want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "installing npm tools from package-lock.json"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" > "$stamp"
  fi
}

setup_browser() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Debian's chromium and chromium-driver"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-liberation >/dev/null
  fi
}

# Firefox ESR and WebKitGTK (MiniBrowser, WebKitWebDriver, under Xvfb) for the engine checks
# (tests/e2e/firefox.test.mjs, webkit.test.mjs), from Debian: npm's drivers download none.
setup_engines() {
  if [ ! -x /usr/bin/firefox-esr ] || [ ! -x /usr/bin/WebKitWebDriver ] || [ ! -x /usr/bin/Xvfb ]; then
    say "installing Debian's firefox-esr, webkit2gtk-driver and xvfb"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr webkit2gtk-driver xvfb >/dev/null
  fi
}

setup_fuzz() {
  # cargo-fuzz needs the nightly toolchain this machine kind ships; without it the fuzz step
  # says it skipped rather than fail.
  if rustup toolchain list 2>/dev/null | grep -q '^nightly' && ! cargo fuzz --version >/dev/null 2>&1; then
    say "installing cargo-fuzz (once)"
    cargo install cargo-fuzz --version 0.13.2 --locked
  fi
}

setup_rust
setup_npm
if [ "${1:-}" = "--test" ]; then
  setup_browser
  setup_engines
  setup_fuzz
fi
