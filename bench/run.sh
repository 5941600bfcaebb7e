#!/usr/bin/env bash
# The load benchmark in one command: builds release `spona` and `spona-bench`, makes the
# demo data in DATA_DIR (kept, and left as it is when it is already there), and measures
# every page alone and mixed against this machine's ceiling (one indexed read, one fsync'd
# insert) on SQLite; on PostgreSQL as well when SPONA_BENCH_POSTGRES_URL is set (its data
# folder then holds only keys and settings, beside DATA_DIR). Prints the table and the
# targets (PASS/MISS); writes JSON summaries beside DATA_DIR. Bounded in time per engine.
#
# Usage: bench/run.sh [DATA_DIR]            (default /tmp/spona-bench-data)
# SPONA_BENCH_SECONDS       seconds measured per page (8), after 1 s of warm-up
# SPONA_BENCH_CONNECTIONS   keep-alive connections (32)
# SPONA_BENCH_ONLY          only these pages, e.g. dashboard,cases,mix
# SPONA_BENCH_SCALE         `demo --scale N` (national-scale fictional data; one to two minutes
#                           per N) when DATA_DIR is made anew
# SPONA_BENCH_POSTGRES_URL  postgres://USER[:PASSWORD]@HOST[:PORT]/DB to measure too (an
#                           empty database; with SPONA_BENCH_SCALE the generated SQLite data
#                           is backed up and restored into it)
# SPONA_BIN                 a spona binary built already (then only spona-bench is built)
# Exits 2 when a sign-in failed or a load had errors (the printout says which). The forms
# measured add records to DATA_DIR: make it anew for numbers to compare. See bench/README.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
TARGET=${CARGO_TARGET_DIR:-target}
DATA=$(realpath -m "${1:-/tmp/spona-bench-data}")
SECONDS_PER_PAGE=${SPONA_BENCH_SECONDS:-8}
CONNECTIONS=${SPONA_BENCH_CONNECTIONS:-32}

if [[ -n ${SPONA_BIN:-} ]]; then
    cargo build --release -p spona-bench
    SPONA=$SPONA_BIN
else
    cargo build --release -p spona -p spona-bench
    SPONA=$TARGET/release/spona
fi
BENCH=$TARGET/release/spona-bench

# The demo's teams, accounts and cases (a second run changes nothing), with the generated
# data of SPONA_BENCH_SCALE in a data folder made now (it is generated once).
demo() {
    local dir=$1
    shift
    local scale=()
    if [[ -n ${SPONA_BENCH_SCALE:-} && ! -e $dir ]]; then
        scale=(--scale "$SPONA_BENCH_SCALE")
    fi
    "$SPONA" --data-dir "$dir" "$@" demo "${scale[@]}" >/dev/null
}

# One engine: 22 pages, the mix and two ceilings at (seconds + 1) each, and two minutes for
# starting, signing in and filling the ceiling's table.
measure() {
    local name=$1
    shift
    local bound=$(( (22 + 3) * (SECONDS_PER_PAGE + 1) + 120 ))
    local only=()
    [[ -n ${SPONA_BENCH_ONLY:-} ]] && only=(--only "$SPONA_BENCH_ONLY")
    echo "== $name (at most ${bound} s)"
    # timeout signals its whole process group, spona-bench's spona included.
    timeout --kill-after=10 "$bound" "$BENCH" run --spona "$SPONA" \
        --seconds "$SECONDS_PER_PAGE" --connections "$CONNECTIONS" \
        --json "$DATA-$name.json" "${only[@]}" "$@"
}

# Generated data reaches PostgreSQL as a growing deployment's would: a backup of the SQLite
# data, restored there (minutes at scale 10, where generating through the use cases on
# PostgreSQL takes hours). Taken before SQLite is measured, as the forms measured add records.
copy_to_postgres() {
    local pg_data=$1 backup
    backup=$(mktemp -u "$DATA-postgres.XXXXXX.backup")
    # A fixed read, so that no part of the pipe dies of a closed pipe (pipefail is on).
    SPONA_BACKUP_PASSPHRASE=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
    export SPONA_BACKUP_PASSPHRASE
    "$SPONA" --data-dir "$DATA" backup --include-key "$backup"
    mkdir -m 700 "$pg_data"
    "$SPONA" --data-dir "$pg_data" --database-url "$SPONA_BENCH_POSTGRES_URL" \
        restore "$backup" || { rm -rf "$pg_data" "$backup"; return 1; }
    rm -f "$backup"
    unset SPONA_BACKUP_PASSPHRASE
}

status=0
mkdir -p "$(dirname "$DATA")"
demo "$DATA"
if [[ -n ${SPONA_BENCH_POSTGRES_URL:-} && -n ${SPONA_BENCH_SCALE:-} && ! -e $DATA-postgres ]]; then
    copy_to_postgres "$DATA-postgres"
fi
measure sqlite --data-dir "$DATA" || status=$?
if [[ -n ${SPONA_BENCH_POSTGRES_URL:-} ]]; then
    demo "$DATA-postgres" --database-url "$SPONA_BENCH_POSTGRES_URL"
    measure postgresql --data-dir "$DATA-postgres" --postgres "$SPONA_BENCH_POSTGRES_URL" || status=$?
fi
exit "$status"
