#!/usr/bin/env bash
# Instructions per request of Freeb and of the floor, counted by valgrind's callgrind: unlike
# time, the count hardly moves with what else the machine is doing (two runs of the same build
# agree within 1%), so a change of a few per cent in a request's own cost shows. Only the
# server process is counted (not MariaDB, not the kernel), after a warm-up, for one route.
#
#   npm run build && bash bench/floor/instructions.sh /api/posts/<id>     (any route)
#
# Needs valgrind (Debian: apt-get install -y valgrind) and the floor benchmark's seeded
# database (npm run bench:floor seeds it). BENCH_DATABASE_URL as for bench:floor;
# INSTR_WARMUP (1500) and INSTR_REQUESTS (1000) requests; INSTR_COOKIE=freeb.sid=… to read
# signed in (Freeb only). Under valgrind a server is some 50 times slower: a run takes minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
path="${1:?usage: bench/floor/instructions.sh <path>}"
eval "$(node scripts/with-node24.mjs --env)"
db="${BENCH_DATABASE_URL:-mariadb://freeb_test:freeb_test@127.0.0.1:3306/freeb_t_bench}"
secret='a benchmark secret that is long enough to be accepted'
warmup="${INSTR_WARMUP:-1500}"
requests="${INSTR_REQUESTS:-1000}"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

count() { # name port command...
  local name=$1 port=$2
  shift 2
  valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$work/$name.out" "$@" \
    >"$work/$name.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 300); do
    curl -s -o /dev/null "http://127.0.0.1:$port/api/posts?limit=1" && break
    sleep 1
  done
  local headers=()
  if [ "$name" = freeb ] && [ -n "${INSTR_COOKIE:-}" ]; then headers=(-H "cookie=$INSTR_COOKIE"); fi
  npx autocannon -c 4 -a "$warmup" "${headers[@]}" "http://127.0.0.1:$port$path" >/dev/null 2>&1
  callgrind_control -i on "$pid" >/dev/null
  npx autocannon -c 4 -a "$requests" "${headers[@]}" "http://127.0.0.1:$port$path" >/dev/null 2>&1
  callgrind_control -i off "$pid" >/dev/null
  callgrind_control -d "$pid" >/dev/null
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  local total
  total=$(cat "$work/$name".out* | awk '/^totals:/ { sum += $2 } END { print sum }')
  echo $((total / requests))
}

freeb=$(NODE_ENV=production PORT=3391 DATA_DIR="$work/data" DATABASE_URL="$db" \
  SESSION_SECRET="$secret" STORAGE=local SESSION_STORE=database LOG_LEVEL=warn \
  TRUST_PROXY=loopback DB_MIGRATE_ON_START=false WORKERS=off DEPENDENCY_TIMEOUT_MS=60000 \
  count freeb 3391 node dist/src/main.js)
floor=$(FLOOR_PORT=3392 DATABASE_URL="$db" SESSION_SECRET="$secret" \
  TS_NODE_PROJECT=tsconfig.json \
  count floor 3392 node -r ts-node/register/transpile-only bench/floor/main.ts)
echo "$path: Freeb $freeb instructions per request, floor $floor ($(echo "scale=2; $freeb / $floor" | bc)×)"
