#!/usr/bin/env bash
# Builds everything a server needs: the reference territory (npm data packages), the web
# application (npm ci + vite build) and the C++ server and CLI.
#   scripts/build.sh [BUILD_DIR] [extra cmake arguments...]
# The build is optimised without debug information, which costs a quarter of the compile time;
# for profiling, pass -DCMAKE_BUILD_TYPE=RelWithDebInfo (same optimisation, with symbols).
# It is a unity build (a module's files compiled eight at a time: half the compile time of a
# fresh build, since every file of a module instantiates the same templates); while editing a few
# files, MAILLAGE_UNITY=OFF recompiles only those.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${1:-$repo/build}"
shift || true

bash "$repo/scripts/build-reference.sh" "$repo/build/reference"

if [[ -f "$repo/web/package.json" ]]; then
    (
        cd "$repo/web"
        if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
            npm ci --no-audit --no-fund --loglevel=error
        fi
        npm run --silent build
    )
fi

cmake -S "$repo" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_UNITY_BUILD="${MAILLAGE_UNITY:-ON}" \
    -DMAILLAGE_REFERENCE_DIR="$repo/build/reference" "$@" >/dev/null
ninja -C "$build_dir"
