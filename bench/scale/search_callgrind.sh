#!/usr/bin/env bash
# Instructions per search request (callgrind), the figure the machine's load does not move:
#
#   bench/scale/search_callgrind.sh DATABASE [REQUESTS]
#
# DATABASE is one that bench/scale/run.sh leaves behind ($WORK/bench.db: 100,000 actors, user
# bench@example.org). The server runs under callgrind with the demo territory on PORT (18182);
# one keep-alive client signs in, sends 16 warm-up searches, then REQUESTS (320) searches
# rotating over bench/scale/search.lua's queries; only those are counted.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build}
DB=${1:?usage: search_callgrind.sh DATABASE [REQUESTS]}
REQUESTS=${2:-320}
PORT=${PORT:-18182}
OUT=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$OUT"' EXIT
export MAILLAGE_REFERENCE_DIR=${MAILLAGE_REFERENCE_DIR:-$BUILD/reference}
valgrind --tool=callgrind --callgrind-out-file="$OUT/cg.%p" "$BUILD/src/cli/maillage" --db "$DB" \
    serve --demo --port "$PORT" >"$OUT/server.log" 2>&1 &
pid=$!
for _ in $(seq 600); do grep -q "is listening" "$OUT/server.log" && break; sleep 0.5; done
token=$(python3 - "$PORT" <<'PY'
import http.client, json, sys
c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=600)
c.request("POST", "/api/auth/login", headers={"Content-Type": "application/json"},
          body=json.dumps({"email": "bench@example.org", "password": "bench-password-2026"}))
print(json.loads(c.getresponse().read())["token"])
PY
)
search() {
    python3 - "$PORT" "$1" "$ROOT/bench/scale/search.lua" "$token" <<'PY'
import http.client, sys
port, count, lua, token = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
queries = [l.strip().strip('",') for l in open(lua) if l.strip().startswith('"commune=')]
c = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
for i in range(count):
    c.request("GET", "/api/actors?" + queries[i % len(queries)],
              headers={"Authorization": "Bearer " + token, "Accept": "application/json"})
    r = c.getresponse()
    r.read()
    if r.status != 200:
        sys.exit("search answered %d" % r.status)
PY
}
search 16
callgrind_control -z "$pid" >/dev/null
search "$REQUESTS"
callgrind_control -d "$pid" >/dev/null
total=$(callgrind_annotate "$(ls "$OUT"/cg.*.* | head -n 1)" 2>/dev/null |
    awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
echo "SUMMARY requests=$REQUESTS instructions_per_request=$((total / REQUESTS))"
