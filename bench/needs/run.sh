#!/usr/bin/env bash
# The needs observatory's speed targets (issue 5), measured end to end in one process by
# needs_pipeline: import (read, check, code, write), catalogue again, rationalise.
#
#   1. 104,682 records (the Sardinian campaign) imported, catalogued and rationalised: <= 2 s;
#   2. 1,000,000 records: <= 20 s and <= 2 GB of memory (peak RSS).
#
#   bench/needs/run.sh [COUNT ...]          default: 104682 1000000
#
# Settings (environment): SEED (1), WORK (/tmp/needs-bench), BUILD (build), DB (a SQLite file
# under WORK, or a postgresql:// URL). Prints the load average before each run: wall-clock
# figures on a shared machine are noisy, CPU seconds are steadier.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build}
SEED=${SEED:-1}
WORK=${WORK:-/tmp/needs-bench}
export MAILLAGE_REFERENCE_DIR=${MAILLAGE_REFERENCE_DIR:-$BUILD/reference}
mkdir -p "$WORK"
ninja -C "$BUILD" needs_generate needs_pipeline >/dev/null
COUNTS=("$@")
[ ${#COUNTS[@]} -eq 0 ] && COUNTS=(104682 1000000)
for count in "${COUNTS[@]}"; do
    file=$WORK/intake-$count-$SEED.csv
    [ -s "$file" ] || "$BUILD/bench/needs/needs_generate" --count "$count" --seed "$SEED" \
        --format csv --output "$file"
    echo "== $count records ($(du -h "$file" | cut -f1)); $(uptime)"
    "$BUILD/bench/needs/needs_pipeline" --input "$file" --db "${DB:-$WORK/needs-$count.db}"
done
