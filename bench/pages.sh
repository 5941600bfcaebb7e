#!/usr/bin/env bash
# Page latency on loopback: starts `spona serve --demo` in a temporary folder, signs in as a
# demo user, and measures a few pages with wrk (Debian package `wrk`), printing the latency
# distribution of each. Usage: bench/pages.sh [path/to/spona] [seconds per page]
# Build the binaries with `cargo build --release -p spona -p spona-bench` first: spona-bench
# signs in (the password, then the demo authenticator's code that le-police now needs);
# SPONA_BENCH_BIN names it when it is not beside the spona binary.
# bench/run.sh is the fuller benchmark (every page, a mix, the machine's ceiling, targets).
# SPONA_BENCH_DATA_DIR: serve that data directory instead of a fresh demo (`spona demo --scale`);
# SPONA_BENCH_PAGES: the pages to measure, separated by spaces.
set -euo pipefail

BIN=${1:-${CARGO_TARGET_DIR:-target}/release/spona}
SECONDS_PER_PAGE=${2:-10}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
[[ -x $BIN ]] || { echo "no binary at $BIN: cargo build --release -p spona" >&2; exit 1; }
SIGN_IN=${SPONA_BENCH_BIN:-$(dirname "$BIN")/spona-bench}
[[ -x $SIGN_IN ]] || { echo "no spona-bench at $SIGN_IN (it signs in): cargo build --release -p spona-bench" >&2; exit 1; }

DIR=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
if [[ -n ${SPONA_BENCH_DATA_DIR:-} ]]; then
    "$BIN" --data-dir "$SPONA_BENCH_DATA_DIR" --listen "127.0.0.1:$PORT" --log-format json serve >"$DIR/out" 2>"$DIR/log" &
else
    "$BIN" --data-dir "$DIR/data" --listen "127.0.0.1:$PORT" --log-format json serve --demo >"$DIR/out" 2>"$DIR/log" &
fi
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DIR"' EXIT
for _ in $(seq 1 300); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.1; done

# Sign in as a person would: the form's token, the password, then the second factor's code.
COOKIE=$("$SIGN_IN" sign-in --base "$BASE" --user "${SPONA_BENCH_USER:-le-police}") || true
[[ -n $COOKIE ]] || { echo "sign-in failed" >&2; exit 1; }

echo "== idle memory: $(awk '/VmRSS/ { print $2 " kB" }' /proc/$SERVER/status)"
PAGES=${SPONA_BENCH_PAGES:-/dashboard /cases /inbox /teams/leskovac/institutions /teams/leskovac/members}
for page in $PAGES; do
    echo "== $page"
    curl -s -o /dev/null -w '   size %{size_download} bytes, status %{http_code}\n' -H "Cookie: $COOKIE" -H 'Accept-Encoding: gzip' "$BASE$page"
    wrk -t${SPONA_BENCH_THREADS:-2} -c${SPONA_BENCH_CONNECTIONS:-8} -d"${SECONDS_PER_PAGE}s" --latency -H "Cookie: $COOKIE" "$BASE$page" | sed -n '/Latency Distribution/,/99%/p'
done
