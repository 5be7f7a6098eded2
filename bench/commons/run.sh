#!/usr/bin/env bash
# Commons at scale: the demo database, then N generated won tenders imported through the CLI
# (all or nothing, one transaction), then the network's derived relations recomputed with the
# co-contracting source, and the tender list. CPU time and wall clock from /usr/bin/time.
#   bench/commons/run.sh [N=2000] [BUILD=build]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-2000}"
bin="$repo/${2:-build}/src/cli/maillage"
work="${WORK:-/tmp/commons-bench}"
rm -rf "$work" && mkdir -p "$work"
db="$work/bench.db"
export MAILLAGE_REFERENCE_DIR="${MAILLAGE_REFERENCE_DIR:-$repo/build/reference}"
"$bin" --db "$db" demo >/dev/null
"$bin" --db "$db" export actors --pole seignanx --format json -o "$work/actors.json" 2>/dev/null
/usr/bin/python3 "$repo/bench/commons/generate_tenders.py" "$work/actors.json" "$n" >"$work/tenders.csv"
measure() {
    local label="$1"
    shift
    /usr/bin/time -f "$label: %e s wall, %U s user, %S s sys, %M KB max RSS" "$@" >/dev/null
}
uptime
measure "import $n tenders" "$bin" --db "$db" commons tenders import --pole seignanx "$work/tenders.csv"
for year in 2023 2026; do
    measure "network derive $year" "$bin" --db "$db" network derive --pole seignanx --year "$year"
done
measure "tenders list --year 2024" "$bin" --db "$db" commons tenders list --pole seignanx --year 2024 --format json
