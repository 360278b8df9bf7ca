#!/usr/bin/env bash
# CPU time per request, split between Cairn and PostgreSQL (docs/scaling.md): starts a throw-away server with its
# embedded PostgreSQL, runs one WalletLoad scenario, and over 20 s inside the measured window reads the CPU time
# (user + system) of the Cairn JVM, the PostgreSQL processes and the generator from /proc, divided by the requests
# Cairn counted in the same 20 s (vertx_http_server_requests_total on /metrics). Linux only.
# Usage: benchmarks/cpu-per-request.sh [list|search|import|present|mix]   (build first: see README, "Benchmarks")
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scenario="${1:-mix}"
port="${CAIRN_BENCH_PORT:-18080}"
home="$(mktemp -d)"
CAIRN_HOME="$home" CAIRN_HTTP_HOST=127.0.0.1 CAIRN_HTTP_PORT="$port" CAIRN_LOG_LEVEL=WARN \
  java ${JAVA_OPTS:-} -jar "$here/wallet-api/target/cairn.jar" > "$home/server.log" 2>&1 &
server=$!
trap "kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf '$home'" EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/health/ready" > /dev/null 2>&1 && break
  sleep 1
done

ticks() { local total=0 pid; for pid in "$@"; do [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo "$total"; }
requests() { curl -s "http://127.0.0.1:$port/metrics" | awk '/^vertx_http_server_requests_total/ {s += $NF} END {printf "%d", s}'; }
postgres() { pgrep -x postgres | tr '\n' ' '; }

java -cp "$here/benchmarks/target/benchmarks.jar" dev.cairn.benchmarks.load.WalletLoad --base "http://127.0.0.1:$port" \
  --scenario "$scenario" --concurrency 16 --warmup 10 --duration 40 > "$home/load.out" 2> "$home/load.err" &
load=$!
# The measured window starts 10 s (warm-up) after the scenario's setup: for mix and present, after the presentation
# requests are made; for the others, shortly after the scenario's first line.
case "$scenario" in
  mix|present) marker='made '; lead=15 ;;
  *) marker="$scenario:"; lead=25 ;;
esac
until grep -q "$marker" "$home/load.err" 2>/dev/null; do kill -0 "$load" 2>/dev/null || { cat "$home/load.err" >&2; exit 1; }; sleep 0.5; done
sleep "$lead"
r0=$(requests); c0=$(ticks "$server"); p0=$(ticks $(postgres)); g0=$(ticks "$load"); t0=$(date +%s.%N)
sleep 20
r1=$(requests); c1=$(ticks "$server"); p1=$(ticks $(postgres)); g1=$(ticks "$load"); t1=$(date +%s.%N)
wait "$load"
cat "$home/load.out"
hz=$(getconf CLK_TCK)
awk -v n=$((r1 - r0)) -v c=$((c1 - c0)) -v p=$((p1 - p0)) -v g=$((g1 - g0)) -v hz="$hz" -v s="$(echo "$t1 - $t0" | bc)" 'BEGIN {
  printf "window %.1f s, %d requests counted by Cairn\n", s, n
  printf "CPU ms per request: Cairn %.2f, PostgreSQL %.2f (generator %.2f)\n", 1000 * c / hz / n, 1000 * p / hz / n, 1000 * g / hz / n }'
