#!/usr/bin/env bash
# Builds the reference territory TSV files into OUTDIR (default build/reference in the
# repository, where the default CMake build looks for it).
#
#   scripts/build-reference.sh [OUTDIR]
#
# Installs the pinned npm packages of data/reference when node_modules is missing or older
# than package-lock.json, and regenerates only when OUTDIR is older than the lock file or
# the generator script.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
outdir="${1:-$repo/build/reference}"
case "$outdir" in
    /*) ;;
    *) outdir="$PWD/$outdir" ;;
esac

sources="$repo/data/reference"
lock="$sources/package-lock.json"
script="$repo/scripts/build-reference.mjs"
# npm ci writes this file last, so it dates the installed tree.
installed="$sources/node_modules/.package-lock.json"

if [[ ! -f "$installed" || "$lock" -nt "$installed" ]]; then
    (cd "$sources" && npm ci --no-audit --no-fund)
fi

up_to_date() {
    local name file
    for name in regions departments epci communes naf; do
        file="$outdir/$name.tsv"
        [[ -f "$file" && "$file" -nt "$lock" && "$file" -nt "$script" ]] || return 1
    done
}

if up_to_date; then
    echo "reference territory in $outdir is up to date" >&2
    exit 0
fi

node "$script" "$outdir"
