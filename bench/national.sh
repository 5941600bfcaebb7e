#!/usr/bin/env bash
# Page latency with national-scale data: 100,000 cases (in one team, the worst case for its
# lists) and millions of audit entries, then the pages of bench/pages.sh plus deep pages of
# the case list and a case. The data is made once into DATA_DIR by the `national_scale`
# example (see its header) and reused.
# Usage: bench/national.sh [DATA_DIR] [seconds per page]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
TARGET=${CARGO_TARGET_DIR:-target}
DATA=${1:-/tmp/spona-national}
# Two builds: a target flag such as --example would leave the binary out of a joint one.
cargo build --release -p spona -p spona-bench
cargo build --release -p spona-testkit --example national_scale
if [[ ! -f $DATA/spona.db ]]; then
    "$TARGET/release/spona" --data-dir "$DATA" demo >/dev/null
    "$TARGET/release/examples/national_scale" "$DATA" "${SPONA_BENCH_CASES:-100000}" "${SPONA_BENCH_AUDIT:-3000000}"
fi
# The newest case of the police (the user the pages are measured as).
CASE=$(sqlite3 "$DATA/spona.db" "SELECT MAX(id) FROM cases WHERE owner_institution_id = (SELECT institution_id FROM users WHERE username = 'le-police')")
SPONA_BENCH_DATA_DIR=$DATA \
SPONA_BENCH_PAGES="${SPONA_BENCH_PAGES:-/dashboard /cases /cases?page=40 /cases?page=2000 /inbox /cases/$CASE /cases/$CASE/access-log /notifications}" \
    bench/pages.sh "$TARGET/release/spona" "${2:-5}"
