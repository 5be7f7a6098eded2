#!/usr/bin/env bash
# Quick start 1: installs what is missing, builds, and runs the server on the embedded SQLite
# database with the demo territory (the Seignanx pole). Ctrl-C stops it.
#   MAILLAGE_HOST=0.0.0.0 MAILLAGE_PORT=8080 MAILLAGE_DB=maillage.db scripts/demo.sh
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$repo/scripts/install-deps.sh"
bash "$repo/scripts/build.sh" "$repo/build"
exec "$repo/build/src/cli/maillage" --db "${MAILLAGE_DB:-$repo/maillage.db}" serve --demo \
    --host "${MAILLAGE_HOST:-127.0.0.1}" --port "${MAILLAGE_PORT:-8080}"
