#!/usr/bin/env bash
# Load on examples/zato_login_server beside examples/login_baseline (a plain
# axum handler answering with serde_json::json!), same machine, same run,
# with wrk (Debian's package) as the client.
#
#   benches/login_load.sh [SECONDS] [CONNECTIONS]
#
# Prints wrk's requests per second and latency for each case.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-32}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }

cargo build --quiet --release --features axum --example zato_login_server --example login_baseline
target/release/examples/zato_login_server --addr 127.0.0.1:17010 >/dev/null 2>/tmp/login_load.log &
server=$!
target/release/examples/login_baseline --addr 127.0.0.1:17011 >/dev/null &
baseline=$!
trap 'kill $server $baseline 2>/dev/null || true' EXIT
sleep 1

run() {
    local name=$1 port=$2 body=$3
    echo "== $name"
    BODY="$body" wrk -t2 -c"$connections" -d"${seconds}s" -s benches/load/post.lua \
        "http://127.0.0.1:$port/zato/sso/user/login" | grep -E "Requests/sec|Latency|requests in|Non-2xx"
}


# Three rounds of the fast cases, interleaved, to show the noise.
for round in 1 2 3; do
echo "# round $round"
run "baseline: json! handler (403 E005001)" 17011 '{"username":"user1","password":"x","current_app":"CRM"}'
run "crate: unknown application (200 E004001, no hash)" 17010 '{"username":"user1","password":"x","current_app":"ERP"}'
run "crate: malformed JSON (400 envelope)" 17010 '{"username":'
done
run "crate: wrong password (403 E005001, one Argon2id check)" 17010 '{"username":"user1","password":"wrong","current_app":"CRM"}'
run "crate: the seed's login (200 ok, one Argon2id check)" 17010 '{"username":"user1","password":"SD:n25a9-?Z8e-49bQ  D%","current_app":"CRM"}'
