#!/usr/bin/env bash
# Builds the release site and serves it at http://127.0.0.1:8080/ (PORT to change it),
# installing whatever is missing first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/setup.sh
PORT="${PORT:-8080}"
echo "[serve] building, then serving the dashboard at http://127.0.0.1:${PORT}/"
exec trunk serve --release --offline --address 127.0.0.1 --port "$PORT" --no-autoreload
