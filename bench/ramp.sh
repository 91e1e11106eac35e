#!/usr/bin/env bash
# How fast a new pod gets fast: publishes CdsBone as bench/load.sh does (or takes a publish directory), starts it, waits
# for /readyz and then drives one-second wrk runs back to back, printing each second's requests/s and p99.
#   bench/ramp.sh [PUBLISH_DIR] [SECONDS]      e.g. SERVER_ENV="DOTNET_TieredPGO=1" bench/ramp.sh "" 12
# Same request, connections and runtime settings as bench/load.sh (authentication off, rate limit raised, logging at
# Warning); SERVER_ENV adds environment for the server.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
dir="${1:-}"; seconds="${2:-10}"
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
if [ -z "$dir" ]; then
  dir="$work/cdsbone"
  dotnet publish src/CdsBone.Api/CdsBone.Api.csproj -c Release -r linux-x64 --self-contained false -o "$dir" -p:UseAppHost=false > "$work/publish.log"
fi
python3 samples/redate.py bench/requests/typical.json > "$work/typical.json"
start=$(date +%s%N)
# shellcheck disable=SC2086 # SERVER_ENV is a list of assignments
(cd "$dir" && exec env ASPNETCORE_URLS=http://127.0.0.1:5080 ASPNETCORE_ENVIRONMENT=Production \
  CdsBone__Auth__Required=false CdsBone__RateLimit__PermitsPerSecond=100000 CdsBone__RateLimit__Burst=100000 \
  Logging__LogLevel__Default=Warning ${SERVER_ENV:-} dotnet "$dir/CdsBone.Api.dll" > "$work/cdsbone.log" 2>&1) &
server=$!
until curl -fs -o /dev/null http://127.0.0.1:5080/readyz; do
  kill -0 "$server" 2>/dev/null || { cat "$work/cdsbone.log" >&2; exit 1; }
  sleep 0.01
done
echo "start to ready: $(( ($(date +%s%N) - start) / 1000000 )) ms"
echo "second  requests/s  p99"
for i in $(seq 1 "$seconds"); do
  BODY_FILE="$work/typical.json" wrk -t2 -c32 -d1s --latency -s "$repo/bench/post.lua" http://127.0.0.1:5080/cds-services/anastrozole-order-sign \
    | awk -v s="$i" '$1 == "99%" {p99 = $2} /Requests\/sec/ {rps = $2} END {printf "%6d  %10d  %s\n", s, rps, p99}'
done
