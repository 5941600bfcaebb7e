#!/usr/bin/env bash
# Runs deploy/nginx/spona.conf, unchanged but for its names, paths and ports, in front of a
# real Spona with a certificate made for the run, and checks what the example promises:
# HTTP sends to HTTPS, HTTPS reaches Spona, cookies are Secure, sign-in works through the
# proxy (Host and Origin agree), and HSTS is set. Needs nginx, openssl and curl.
#   deploy/check-proxy.sh PATH/TO/spona
set -euo pipefail

SPONA=${1:?usage: deploy/check-proxy.sh PATH/TO/spona}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x $NGINX ]] || { echo "nginx is not installed" >&2; exit 1; }
WORK=$(mktemp -d /tmp/spona-proxy.XXXXXX)
SPONA_PID=
cleanup() {
    [[ -n $SPONA_PID ]] && kill "$SPONA_PID" 2>/dev/null || true
    [[ -f $WORK/nginx.pid ]] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "FAILED: $*" >&2; tail -n 20 "$WORK/spona.log" "$WORK/error.log" 2>/dev/null >&2 || true; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
APP_PORT=$(free_port); HTTP_PORT=$(free_port); HTTPS_PORT=$(free_port)
NAME=spona.example.org
BASE=https://$NAME:$HTTPS_PORT

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=$NAME" \
    -addext "subjectAltName=DNS:$NAME" \
    -keyout "$WORK/privkey.pem" -out "$WORK/fullchain.pem" 2>/dev/null

# The example as it is, with this run's names: ports, certificate paths, upstream.
sed -e "s#127.0.0.1:8080#127.0.0.1:$APP_PORT#" \
    -e "s#listen 80;#listen 127.0.0.1:$HTTP_PORT;#; s#listen \[::\]:80;##" \
    -e "s#listen 443 ssl http2;#listen 127.0.0.1:$HTTPS_PORT ssl http2;#; s#listen \[::\]:443 ssl http2;##" \
    -e "s#/etc/ssl/spona/#$WORK/#g" \
    "$HERE/nginx/spona.conf" > "$WORK/spona.conf"
cat > "$WORK/nginx.conf" <<CONF
daemon on;
pid $WORK/nginx.pid;
error_log $WORK/error.log;
events {}
http {
    client_body_temp_path $WORK/body;
    proxy_temp_path $WORK/proxy;
    fastcgi_temp_path $WORK/fastcgi;
    uwsgi_temp_path $WORK/uwsgi;
    scgi_temp_path $WORK/scgi;
    include $WORK/spona.conf;
}
CONF

"$SPONA" --data-dir "$WORK/data" --listen "127.0.0.1:$APP_PORT" --secure-cookies true \
    --trust-forwarded-for true --public-url "$BASE" serve --demo > "$WORK/spona.log" 2>&1 &
SPONA_PID=$!
for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$APP_PORT/health" > /dev/null && break
    sleep 0.1
done
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" || fail "nginx refused the example configuration"

CURL=(curl -s --resolve "$NAME:$HTTP_PORT:127.0.0.1" --resolve "$NAME:$HTTPS_PORT:127.0.0.1" --cacert "$WORK/fullchain.pem")

redirect=$("${CURL[@]}" -o /dev/null -w '%{http_code} %{redirect_url}' "http://$NAME:$HTTP_PORT/dashboard")
[[ $redirect == "301 https://$NAME/dashboard" ]] || fail "plain HTTP: $redirect"

health=$("${CURL[@]}" "$BASE/health")
[[ $health == ok ]] || fail "health through the proxy: $health"

headers=$("${CURL[@]}" -D - -o "$WORK/login.html" -c "$WORK/jar" "$BASE/login")
grep -qi '^strict-transport-security: max-age=' <<< "$headers" || fail "no HSTS header"
grep -qi '^set-cookie: .*; *secure' <<< "$headers" || fail "cookies are not Secure: $headers"
csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$WORK/login.html" | head -n1)
[[ -n $csrf ]] || fail "no form token on the sign-in page"

# The coordinator signs in with the password alone (a case worker's second step is the
# browser suite's to try); what is checked here is the cookie through the proxy.
signed=$("${CURL[@]}" -o /dev/null -w '%{http_code} %{redirect_url}' -b "$WORK/jar" -c "$WORK/jar" \
    -H "Origin: $BASE" --data-urlencode "csrf=$csrf" --data-urlencode "username=le-coordinator" \
    --data-urlencode "password=spona-demo-2026" "$BASE/login")
[[ $signed == 303* ]] || fail "sign-in through the proxy answered $signed"
grep -q 'spona_session' "$WORK/jar" || fail "no session cookie kept"
dashboard=$("${CURL[@]}" -o /dev/null -w '%{http_code}' -b "$WORK/jar" "$BASE/dashboard")
[[ $dashboard == 200 ]] || fail "the dashboard after signing in answered $dashboard"

echo "proxy example: HTTPS, redirect, HSTS, Secure cookies and sign-in through nginx all work"
