#!/usr/bin/env bash
# The network module's scale runs (bench/network/README.md): the C++ analysis at each size, then
# the same metrics with Debian's python3-networkx on the same graph, one JSON object per run,
# each with the load average before it. Usage:
#   bash bench/network/run.sh [BUILD_DIR] [SIZES...]     # default: build 10000 100000
#   NETWORKX_MAX=10000 bash bench/network/run.sh build 10000 100000   # networkx only up to 10,000
set -euo pipefail
build=${1:-build}
shift || true
[ $# -eq 0 ] && set -- 10000 100000
sizes=("$@")
networkx_max=${NETWORKX_MAX:-100000}
out=${OUT:-/tmp/network-bench}
mkdir -p "$out"
for n in "${sizes[@]}"; do
  echo "# network_scale --actors $n ($(uptime | sed 's/.*load/load/'))" >&2
  "$build/bench/network_scale" --actors "$n" --tsv "$out/graph-$n.tsv" --exact-check 10000 \
    | tee "$out/cpp-$n.json"
  if [ "$n" -le "$networkx_max" ]; then
    echo "# networkx --actors $n ($(uptime | sed 's/.*load/load/'))" >&2
    /usr/bin/python3 "$(dirname "$0")/networkx_bench.py" "$out/graph-$n.tsv" | tee "$out/networkx-$n.json"
  fi
done
