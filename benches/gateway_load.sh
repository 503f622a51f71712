#!/usr/bin/env bash
# Load on examples/gateway (axum, forwarding with reqwest through the crate's
# Classify middleware and retry strategy) in front of
# examples/zato_login_server, beside the login server asked directly, same
# machine, same run, with wrk (Debian's package) as the client.
#
#   benches/gateway_load.sh [SECONDS] [CONNECTIONS]
#
# Cases: an unknown application (200 with a Zato error body: Classify reads no
# body, the gateway passes the bytes on), malformed JSON (400 envelope: Classify
# reads and judges it, the gateway answers with a problem document), three
# rounds, direct and through the gateway interleaved; then the wrong password
# (403 E005001, one Argon2id check) once each. Loopback only.
#
# Prints wrk's requests per second and latency for each case.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-32}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }

cargo build --quiet --release --features axum,reqwest --example zato_login_server --example gateway
target/release/examples/zato_login_server --addr 127.0.0.1:17010 >/dev/null 2>/tmp/gateway_load.server.log &
server=$!
target/release/examples/gateway --upstream http://127.0.0.1:17010 --addr 127.0.0.1:17020 \
    >/dev/null 2>/tmp/gateway_load.gateway.log &
gateway=$!
trap 'kill $server $gateway 2>/dev/null || true' EXIT
sleep 1

run() {
    local name=$1 port=$2 body=$3
    echo "== $name"
    BODY="$body" wrk -t2 -c"$connections" -d"${seconds}s" -s benches/load/post.lua \
        "http://127.0.0.1:$port/zato/sso/user/login" | grep -E "Requests/sec|Latency|requests in|Non-2xx|Socket errors"
}

unknown_app='{"username":"user1","password":"x","current_app":"ERP"}'
malformed='{"username":'
wrong_password='{"username":"user1","password":"wrong","current_app":"CRM"}'

# Three rounds of the fast cases, direct and through the gateway interleaved,
# to show the noise.
for round in 1 2 3; do
echo "# round $round"
run "direct: unknown application (200 E004001, no hash)" 17010 "$unknown_app"
run "gateway: unknown application (200 E004001, body not read by Classify)" 17020 "$unknown_app"
run "direct: malformed JSON (400 envelope)" 17010 "$malformed"
run "gateway: malformed JSON (400 envelope judged, problem document)" 17020 "$malformed"
done
run "direct: wrong password (403 E005001, one Argon2id check)" 17010 "$wrong_password"
run "gateway: wrong password (403 E005001, one Argon2id check, problem document)" 17020 "$wrong_password"
