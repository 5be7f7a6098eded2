#!/usr/bin/env bash
# Quick start 2: installs what is missing, builds, and runs every test:
#   1. the GoogleTest suites (ctest) on SQLite and on a local PostgreSQL server;
#   2. the web application's unit tests (Vitest);
#   3. the end-to-end tests in headless Chromium against a running demo server;
#   4. the GoogleTest suites again in an AddressSanitizer + UndefinedBehaviorSanitizer build.
# Set MAILLAGE_SKIP_ASAN=1 to skip step 4 during development.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
jobs=$(nproc)

bash scripts/install-deps.sh --test
bash scripts/build.sh "$repo/build"

export MAILLAGE_TEST_PG="$(bash scripts/postgres.sh | tail -n 1)"
export MAILLAGE_REFERENCE_DIR="$repo/build/reference"
echo "== C++ tests (SQLite and PostgreSQL at $MAILLAGE_TEST_PG)"
ctest --test-dir build --output-on-failure -j "$jobs"

if [[ -f web/package.json ]]; then
    echo "== Web unit tests"
    (cd web && npm test --silent)

    echo "== End-to-end tests in headless Chromium"
    e2e_db="$(mktemp -d)/e2e.db"
    port=18090
    build/src/cli/maillage --db "$e2e_db" serve --demo --port "$port" >/tmp/maillage-e2e.log 2>&1 &
    server=$!
    trap 'kill $server 2>/dev/null || true' EXIT
    for _ in $(seq 1 100); do
        curl -sf "http://127.0.0.1:$port/api/openapi.json" >/dev/null 2>&1 && break
        sleep 0.2
    done
    (cd web && MAILLAGE_URL="http://127.0.0.1:$port" npm run --silent e2e)
    kill "$server" 2>/dev/null || true
    trap - EXIT
fi

if [[ "${MAILLAGE_SKIP_ASAN:-0}" != "1" ]]; then
    echo "== C++ tests under AddressSanitizer + UndefinedBehaviorSanitizer"
    # -g1: file and line in the sanitizers' stack traces, at less compile time than full -g.
    # A unity build: unoptimised, each file's time goes to the headers and templates that every
    # file of a module shares, so compiling a module's files together halves this build.
    cmake -S "$repo" -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-g1 \
        -DCMAKE_C_FLAGS_DEBUG=-g1 -DMAILLAGE_SANITIZE=ON -DMAILLAGE_BENCH=OFF -DCMAKE_UNITY_BUILD=ON \
        -DMAILLAGE_REFERENCE_DIR="$repo/build/reference" >/dev/null
    ninja -C build-asan
    ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS="suppressions=$repo/scripts/lsan.supp" \
        UBSAN_OPTIONS=print_stacktrace=1 \
        ctest --test-dir build-asan --output-on-failure -j "$jobs"
fi
echo "== All tests passed"
