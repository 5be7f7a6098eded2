#!/usr/bin/env bash
# A throwaway local PostgreSQL 15 server for the storage tests.
#
#   scripts/postgres.sh [start] [DATADIR]   start it (if needed); the URL is the last line
#   scripts/postgres.sh stop [DATADIR]      stop it
#
# The server listens on 127.0.0.1:${MAILLAGE_PG_PORT:-55432} only (no Unix socket, so it never
# clashes with the packaged cluster), trusts every local connection, and trades durability for
# speed (fsync off): it is for tests, never for data you want to keep. DATADIR defaults to
# /tmp/maillage-pg-<port>. Quiet on success; on failure the server log is shown.
set -euo pipefail

PG_BIN=${MAILLAGE_PG_BIN:-/usr/lib/postgresql/15/bin}
PORT=${MAILLAGE_PG_PORT:-55432}
ROLE=maillage
DATABASE=maillage_test

action=start
if [[ $# -gt 0 && ($1 == start || $1 == stop) ]]; then
    action=$1
    shift
fi
# Absolute, since the server runs as another user from another directory.
DATADIR=$(realpath -m "${1:-/tmp/maillage-pg-$PORT}")
LOG=$DATADIR/server.log
URL=postgresql://$ROLE@127.0.0.1:$PORT/$DATABASE

die() {
    echo "postgres.sh: $*" >&2
    exit 1
}

# initdb and the server refuse to run as root: run them as the `postgres` OS user then.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

psql_admin() {
    as_owner "$PG_BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -X -q -At \
        -v ON_ERROR_STOP=1 "$@"
}

is_running() {
    [[ -f $DATADIR/PG_VERSION ]] && as_owner "$PG_BIN/pg_ctl" status -D "$DATADIR" >/dev/null 2>&1
}

show_log_and_die() {
    [[ -f $LOG ]] && tail -n 20 "$LOG" >&2
    die "$1"
}

initialise() {
    mkdir -p "$DATADIR"
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres: "$DATADIR"
    fi
    chmod 700 "$DATADIR"
    local output
    # C collation sorts by bytes, like SQLite, so both backends order text identically.
    if ! output=$(as_owner "$PG_BIN/initdb" -D "$DATADIR" -U postgres --auth=trust \
        --encoding=UTF8 --no-locale --no-sync 2>&1); then
        echo "$output" >&2
        die "initdb failed in $DATADIR"
    fi
    cat >>"$DATADIR/postgresql.conf" <<EOF

# Added by scripts/postgres.sh: a local, disposable test server.
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = ''
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
}

start() {
    if ! is_running; then
        [[ -f $DATADIR/PG_VERSION ]] || initialise
        # 9>&-: the server must not inherit the lock, or it would hold it forever.
        as_owner "$PG_BIN/pg_ctl" start -D "$DATADIR" -l "$LOG" -w -t 60 -s >/dev/null 2>&1 9>&- ||
            show_log_and_die "cannot start the server in $DATADIR on port $PORT (log: $LOG)"
    fi
    if [[ -z $(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'") ]]; then
        psql_admin -c "CREATE ROLE $ROLE LOGIN SUPERUSER"
    fi
    if [[ -z $(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'") ]]; then
        psql_admin -c "CREATE DATABASE $DATABASE OWNER $ROLE"
    fi
    echo "$URL"
}

stop() {
    if is_running; then
        as_owner "$PG_BIN/pg_ctl" stop -D "$DATADIR" -m fast -w -s >/dev/null ||
            show_log_and_die "cannot stop the server in $DATADIR"
    fi
}

[[ -x $PG_BIN/initdb ]] || die "PostgreSQL 15 not found in $PG_BIN (apt-get install postgresql)"

# Serialise concurrent calls (parallel CI jobs) so that only one initialises or starts.
mkdir -p "$(dirname "$DATADIR")"
exec 9>"$DATADIR.lock"
flock 9

"$action"
