#!/usr/bin/env bash
# Installs the Debian 12 packages Maillage builds, runs and tests with. Idempotent and quick
# when everything is already there. Run as root (or with sudo available).
#   scripts/install-deps.sh           build and run
#   scripts/install-deps.sh --test    also what the tests need (PostgreSQL, Chromium, wrk)
set -euo pipefail

packages=(
    build-essential cmake ninja-build ccache pkg-config git ca-certificates
    libcpp-httplib-dev nlohmann-json3-dev libsqlite3-dev libpqxx-dev libsodium-dev
    libcli11-dev libxlsxwriter-dev libzip-dev libexpat1-dev libicu-dev
    libigraph-dev coinor-libcbc-dev liblemon-dev libstemmer-dev libcairo2-dev libpango1.0-dev
    fonts-dejavu-core
    libgtest-dev libgmock-dev libbenchmark-dev
    nodejs npm
)
if [[ "${1:-}" == "--test" ]]; then
    # poppler-utils: pdftoppm checks rendered reports; python3-networkx: an independent oracle
    # for the network analysis tests (run with /usr/bin/python3, Debian's interpreter).
    packages+=(postgresql chromium wrk python3 python3-networkx poppler-utils curl)
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
        missing+=("$package")
done
# Node.js may come from elsewhere than Debian (a newer build): accept any node >= 18 with npm.
if command -v node >/dev/null && command -v npm >/dev/null; then
    missing=("${missing[@]/nodejs/}")
    missing=("${missing[@]/npm/}")
fi
read -r -a missing <<<"${missing[*]}"
if ((${#missing[@]})); then
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    echo "Installing: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
fi
