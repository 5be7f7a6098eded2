#!/usr/bin/env bash
# The foundation's speed targets, measured end to end on this machine (see bench/README.md):
#
#   1. importing 100,000 actors from CSV (`maillage import actors`, wall time);
#   2. the actor search API under wrk (radius + kind + text, rotating realistic queries);
#   3. whether 1,000 idle keep-alive connections delay a new client (login + search);
#   4. the server's resident memory (VmRSS / VmHWM) with the demo territory loaded.
#
# Each is run on SQLite, then on PostgreSQL (scripts/postgres.sh, database maillage_bench).
#
#   bench/scale/run.sh [--sqlite-only | --postgres-only] [--no-build]
#
# Settings (environment): ACTORS (100000), SEED (1), PORT (18181), WRK_THREADS (2),
# WRK_CONNECTIONS (32), WRK_SECONDS (15, at most 20), IDLE (1000), WORK (/tmp/maillage-bench),
# BUILD (build). Only loopback traffic; every server started here is stopped by PID on exit.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build}
ACTORS=${ACTORS:-100000}
SEED=${SEED:-1}
PORT=${PORT:-18181}
WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-32}
WRK_SECONDS=${WRK_SECONDS:-15}
IDLE=${IDLE:-1000}
WORK=${WORK:-/tmp/maillage-bench}
PG_PORT=${MAILLAGE_PG_PORT:-55432}
PG_DATABASE=maillage_bench
EMAIL=bench@example.org
PASSWORD=bench-password-2026
MAILLAGE=$BUILD/src/cli/maillage

run_sqlite=1
run_postgres=1
build=1
for arg in "$@"; do
    case $arg in
        --sqlite-only) run_postgres=0 ;;
        --postgres-only) run_sqlite=0 ;;
        --no-build) build=0 ;;
        -h | --help)
            sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "run.sh: unknown argument $arg" >&2
            exit 2
            ;;
    esac
done
((WRK_SECONDS <= 20)) || { echo "run.sh: WRK_SECONDS must be at most 20" >&2; exit 2; }

log() { printf '\n== %s\n' "$*" >&2; }
die() {
    echo "run.sh: $*" >&2
    exit 1
}

server_pid=""
stop_server() {
    if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        for _ in $(seq 50); do
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=""
}
postgres_started_here=0
cleanup() {
    stop_server
    if ((postgres_started_here)); then
        bash "$ROOT/scripts/postgres.sh" stop >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v wrk >/dev/null || die "wrk not found (apt-get install -y wrk)"
command -v curl >/dev/null || die "curl not found"
[[ -x /usr/bin/time ]] || die "/usr/bin/time not found (apt-get install -y time)"
ulimit -n 4096 || die "cannot raise the open-file limit to 4096 (needed for $IDLE connections)"

if ((build)); then
    log "Building maillage and bench_maillage in $BUILD"
    ninja -C "$BUILD" maillage bench_maillage >/dev/null || die "build failed (ninja -C $BUILD)"
fi
[[ -x $MAILLAGE ]] || die "$MAILLAGE not built"
[[ -f $BUILD/reference/communes.tsv ]] ||
    die "no reference territory in $BUILD/reference (run scripts/build-reference.sh)"
mkdir -p "$WORK"

CSV=$WORK/actors-$ACTORS-seed$SEED.csv
if [[ ! -s $CSV ]]; then
    log "Generating $ACTORS actors (seed $SEED) into $CSV"
    MAILLAGE_REFERENCE_DIR=$BUILD/reference python3 "$ROOT/bench/scale/generate_actors.py" \
        --count "$ACTORS" --seed "$SEED" --output "$CSV.tmp"
    mv "$CSV.tmp" "$CSV"
fi

# CPU seconds (user + system) used so far by a process.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat"; }
memory_kb() { awk -v key="$2:" '$1 == key {print $2}' "/proc/$1/status"; }
# The 1-minute load average now: each figure is recorded with the load it was measured under.
load_now() { cut -d' ' -f1 /proc/loadavg; }

declare -A R  # results, keyed "backend.metric"

# measure BACKEND DATABASE_URL: the four measurements on one database.
measure() {
    local backend=$1 db=$2
    local out=$WORK/$backend
    mkdir -p "$out"

    log "[$backend] pole, admin user, import of $ACTORS actors"
    "$MAILLAGE" --db "$db" pole add bench --name "Banc d'essai" >/dev/null
    printf '%s\n' "$PASSWORD" | "$MAILLAGE" --db "$db" user add --pole bench --email "$EMAIL" \
        --name "Bench admin" --role admin --password-stdin >/dev/null
    local start end user sys maxrss
    R[$backend.load_import]=$(load_now)
    start=$(date +%s.%N)
    /usr/bin/time -f '%U %S %M' -o "$out/import.time" "$MAILLAGE" --db "$db" import actors \
        "$CSV" --pole bench >"$out/import.log" 2>"$out/import.err" ||
        { cat "$out/import.err" >&2; die "[$backend] import failed"; }
    end=$(date +%s.%N)
    R[$backend.import_s]=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}')
    read -r user sys maxrss <"$out/import.time"
    R[$backend.import_cpu]="user ${user}s, sys ${sys}s, peak RSS $((maxrss / 1024)) MB"
    cat "$out/import.log" >&2

    log "[$backend] starting the server (demo territory) on 127.0.0.1:$PORT"
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then die "port $PORT is already in use"; fi
    "$MAILLAGE" --db "$db" serve --demo --port "$PORT" >"$out/server.log" 2>&1 &
    server_pid=$!
    local ready=0
    for _ in $(seq 600); do
        if grep -q "is listening" "$out/server.log" 2>/dev/null; then
            ready=1
            break
        fi
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    ((ready)) || { cat "$out/server.log" >&2; die "[$backend] the server did not start"; }
    sleep 1  # let the start-up allocations settle
    R[$backend.rss_start]="$(($(memory_kb $server_pid VmRSS) / 1024)) / $(($(memory_kb $server_pid VmHWM) / 1024))"

    local token
    token=$(curl -sf -X POST -H 'Content-Type: application/json' \
        -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" \
        "http://127.0.0.1:$PORT/api/auth/login" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])') ||
        die "[$backend] login failed"

    log "[$backend] wrk warm-up (3 s), then -t$WRK_THREADS -c$WRK_CONNECTIONS -d${WRK_SECONDS}s"
    MAILLAGE_TOKEN=$token wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d3s \
        -s "$ROOT/bench/scale/search.lua" "http://127.0.0.1:$PORT" >/dev/null
    local cpu_before cpu_after
    R[$backend.load_wrk]=$(load_now)
    cpu_before=$(cpu_seconds $server_pid)
    MAILLAGE_TOKEN=$token wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${WRK_SECONDS}s" \
        --timeout 5s --latency -s "$ROOT/bench/scale/search.lua" "http://127.0.0.1:$PORT" \
        | tee "$out/wrk.txt" >&2
    cpu_after=$(cpu_seconds $server_pid)
    local summary
    summary=$(grep '^SUMMARY' "$out/wrk.txt")
    field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$summary"; }
    R[$backend.rps]=$(field rps)
    R[$backend.p50]=$(field p50_ms)
    R[$backend.p99]=$(field p99_ms)
    R[$backend.non200]=$(( $(field errors) + $(field non200) ))
    R[$backend.cpu_per_request]=$(awk -v a="$cpu_before" -v b="$cpu_after" -v n="$(field requests)" \
        'BEGIN {printf "%.2f", (n > 0 ? (b - a) * 1000 / n : 0)}')
    R[$backend.rss_wrk]="$(($(memory_kb $server_pid VmRSS) / 1024)) / $(($(memory_kb $server_pid VmHWM) / 1024))"

    log "[$backend] $IDLE idle keep-alive connections, then a new client (login + search)"
    R[$backend.load_idle]=$(load_now)
    python3 "$ROOT/bench/scale/idle_connections.py" --port "$PORT" --email "$EMAIL" \
        --password "$PASSWORD" --connections "$IDLE" | tee "$out/idle.txt" >&2
    local idle
    idle=$(grep '^SUMMARY' "$out/idle.txt")
    R[$backend.idle_delay]=$(sed -n 's/.* delay_ms=\([^ ]*\).*/\1/p' <<<"$idle")
    R[$backend.idle_worst]=$(sed -n 's/.* worst_delay_ms=\([^ ]*\).*/\1/p' <<<"$idle")
    R[$backend.idle_base]=$(sed -n 's/.* baseline_ms=\([^ ]*\).*/\1/p' <<<"$idle")
    R[$backend.rss_idle]="$(($(memory_kb $server_pid VmRSS) / 1024)) / $(($(memory_kb $server_pid VmHWM) / 1024))"
    stop_server
}

if ((run_sqlite)); then
    DB=$WORK/bench.db
    rm -f "$DB" "$DB-wal" "$DB-shm"
    measure sqlite "$DB"
fi

if ((run_postgres)); then
    log "Starting PostgreSQL (scripts/postgres.sh) and creating $PG_DATABASE"
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; then postgres_started_here=1; fi
    url=$(bash "$ROOT/scripts/postgres.sh" | tail -n 1)
    server_url=${url%/*}
    psql "$server_url/postgres" -XAtq -v ON_ERROR_STOP=1 \
        -c "DROP DATABASE IF EXISTS $PG_DATABASE" -c "CREATE DATABASE $PG_DATABASE" 2>/dev/null ||
        die "cannot create $PG_DATABASE on $server_url"
    measure postgresql "$server_url/$PG_DATABASE"
    psql "$server_url/postgres" -XAtq -c "DROP DATABASE IF EXISTS $PG_DATABASE" || true
fi

backends=()
((run_sqlite)) && backends+=(sqlite)
((run_postgres)) && backends+=(postgresql)
{
    echo
    echo "Maillage speed targets — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d${WRK_SECONDS}s --latency -s bench/scale/search.lua; $ACTORS actors (seed $SEED); $IDLE idle connections"
    printf '%-50s' "Measure (target)"
    for b in "${backends[@]}"; do printf '%-22s' "$b"; done
    echo
    row() {
        printf '%-50s' "$1"
        for b in "${backends[@]}"; do printf '%-22s' "${R[$b.$2]:--}"; done
        echo
    }
    row "Import wall time, s (SQLite <= 3, PG: -)" import_s
    row "Search requests/s (SQLite >= 5000, PG >= 2000)" rps
    row "Search p50 latency, ms" p50
    row "Search p99 latency, ms (<= 20)" p99
    row "Search errors + non-200 answers" non200
    row "Server CPU per search request, ms" cpu_per_request
    row "Idle: new client login+search, ms" idle_base
    row "Idle: median delay, ms (<= 100)" idle_delay
    row "Idle: worst delay, ms" idle_worst
    row "RSS/HWM MB after start (<= 150)" rss_start
    row "RSS/HWM MB after wrk (<= 150)" rss_wrk
    row "RSS/HWM MB after idle test" rss_idle
    row "Load average (1 min) at import start" load_import
    row "Load average (1 min) at wrk start" load_wrk
    row "Load average (1 min) at idle test start" load_idle
    for b in "${backends[@]}"; do echo "import CPU ($b): ${R[$b.import_cpu]}"; done
} | tee "$WORK/summary.txt"
