#!/usr/bin/env bash
# Builds the release site and serves it at http://127.0.0.1:8080/ (PORT to change it),
# installing whatever is missing first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/setup.sh
PORT="${PORT:-8080}"
echo "[serve] building, then serving the dashboard at http://127.0.0.1:${PORT}/"
trunk build --release --offline --locked
# Not `trunk serve`: this server sends the build's precompressed files and the headers a
# production server should (scripts/serve.mjs; docs/deploy/ for nginx and Apache).
PORT="$PORT" exec node scripts/serve.mjs
