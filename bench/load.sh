#!/usr/bin/env bash
# HTTP load run (issue: performance). Publishes CdsBone exactly as the Dockerfile does (Release, ReadyToRun libraries)
# and a minimal ASP.NET Core endpoint, starts each on 127.0.0.1, and drives them with wrk (apt: wrk) at 32 connections:
#   - the minimal endpoint: this machine's ceiling;
#   - POST /cds-services/anastrozole-order-sign with a typical request (V1, ~10 observations) and a large one
#     (500 observations, 50 medications), both re-dated to today so that every rule runs.
# CdsBone runs with the image's runtime settings (Dockerfile ENV) and authentication off. The first seconds after
# start are reported on their own row ("cold"): the JIT is still optimising the hot path then. The measured runs
# follow a warm-up (WARMUP for the typical request, then 10 s of the large one) and report the steady state.
# Prints requests/s, p50/p99 latency, the ratio to the ceiling, the server's CPU time per request, peak RSS, the time
# from start to ready, and which of issue 15's targets this run meets.
#   bench/load.sh           DURATION=15s WARMUP=15s CONNECTIONS=32 THREADS=2 by default
# For experiments: PUBLISH_ARGS (extra `dotnet publish` arguments, e.g. -p:TieredPGO=false), SERVER_ENV (extra
# environment for CdsBone, e.g. "DOTNET_TieredPGO=0 CdsBone__Hook__WarmUp=00:00:01"), SKIP_LARGE=1, CEILING_RPS (reuse a
# ceiling measured earlier in the same hour instead of measuring it again).
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${DURATION:-15s}"
warmup="${WARMUP:-15s}"
connections="${CONNECTIONS:-32}"
threads="${THREADS:-2}"
out="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 2; }
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(dotnet --version) SDK; wrk -t$threads -c$connections -d$duration after $warmup warm-up"

# The Dockerfile's publish (there with -a $TARGETARCH): the project file adds ReadyToRun and the runtime settings.
# shellcheck disable=SC2086 # PUBLISH_ARGS is a list of arguments
dotnet publish src/CdsBone.Api/CdsBone.Api.csproj -c Release -r linux-x64 --self-contained false \
  -o "$out/cdsbone" -p:UseAppHost=false ${PUBLISH_ARGS:-} > "$out/publish.log"
dotnet publish bench/CdsBone.Ceiling/CdsBone.Ceiling.csproj -c Release -o "$out/ceiling" -p:UseAppHost=false > "$out/publish-ceiling.log"
python3 samples/redate.py bench/requests/typical.json > "$out/typical.json"
python3 samples/redate.py bench/requests/large.json > "$out/large.json"

wait_ready() { # start url pid → prints milliseconds to ready
  local start=$1 url=$2 pid=$3
  for _ in $(seq 1 500); do
    if curl -fs -o /dev/null "$url"; then echo $(( ($(date +%s%N) - start) / 1000000 )); return 0; fi
    kill -0 "$pid" 2>/dev/null || { echo "process exited" >&2; return 1; }
    sleep 0.01
  done
  echo "not ready" >&2; return 1
}

cpu_ticks() { # pid → user + system clock ticks the process has used
  awk '{print $14 + $15}' "/proc/$1/stat"
}

measure() { # name url body seconds server-pid → "rps p50 p99 non2xx server-cpu-µs-per-request"
  local before after
  before=$(cpu_ticks "$5")
  BODY_FILE="$3" wrk -t"$threads" -c"$connections" -d"$4" --latency -s bench/post.lua "$2" > "$out/$1.wrk"
  after=$(cpu_ticks "$5")
  local rps p50 p99 bad requests cpu
  rps=$(awk '/Requests\/sec/ {print $2}' "$out/$1.wrk")
  p50=$(awk '$1=="50%" {print $2}' "$out/$1.wrk")
  p99=$(awk '$1=="99%" {print $2}' "$out/$1.wrk")
  bad=$(awk '/Non-2xx/ {print $5}' "$out/$1.wrk"); bad=${bad:-0}
  requests=$(awk '/requests in/ {print $1}' "$out/$1.wrk")
  # The server's CPU time per request: steadier than requests/s on a shared machine, and comparable across runs.
  cpu=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN {printf "%.0fus", (n > 0 ? 1e6 * t / hz / n : 0)}')
  echo "$rps $p50 $p99 $bad $cpu"
}

warm() { # url body seconds
  BODY_FILE="$2" wrk -t"$threads" -c"$connections" -d"$3" -s bench/post.lua "$1" > /dev/null
}

if [ -n "${CEILING_RPS:-}" ]; then
  c_rps=$CEILING_RPS c_p50=- c_p99=- c_bad=0 c_cpu=-
else
  ASPNETCORE_URLS=http://127.0.0.1:5081 dotnet "$out/ceiling/CdsBone.Ceiling.dll" > "$out/ceiling.log" 2>&1 &
  pids+=($!); ceiling_pid=$!
  sleep 1.5
  warm http://127.0.0.1:5081/cds-services/anastrozole-order-sign "$out/typical.json" 3s
  read -r c_rps c_p50 c_p99 c_bad c_cpu < <(measure ceiling http://127.0.0.1:5081/cds-services/anastrozole-order-sign "$out/typical.json" "$duration" "$ceiling_pid")
  kill "$ceiling_pid"; wait "$ceiling_pid" 2>/dev/null || true
fi

# The image's runtime settings (the runtimeconfig from the project file), plus authentication off and the rate limit
# out of the way.
hook=http://127.0.0.1:5080/cds-services/anastrozole-order-sign
start=$(date +%s%N)
ASPNETCORE_URLS=http://127.0.0.1:5080 ASPNETCORE_ENVIRONMENT=Production \
  CdsBone__Auth__Required=false CdsBone__RateLimit__PermitsPerSecond=100000 CdsBone__RateLimit__Burst=100000 \
  Logging__LogLevel__Default=Warning ${SERVER_ENV:+env $SERVER_ENV} dotnet "$out/cdsbone/CdsBone.Api.dll" > "$out/cdsbone.log" 2>&1 &
pids+=($!); pid=$!
ready_ms=$(wait_ready "$start" http://127.0.0.1:5080/readyz "$pid")
read -r k_rps k_p50 k_p99 k_bad k_cpu < <(measure cold "$hook" "$out/typical.json" 5s "$pid")
warm "$hook" "$out/typical.json" "$warmup"
read -r t_rps t_p50 t_p99 t_bad t_cpu < <(measure typical "$hook" "$out/typical.json" "$duration" "$pid")
rss_typical_mb=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
if [ -n "${SKIP_LARGE:-}" ]; then
  l_rps=- l_p50=- l_p99=- l_bad=0 l_cpu=-
else
  warm "$hook" "$out/large.json" 10s
  read -r l_rps l_p50 l_p99 l_bad l_cpu < <(measure large "$hook" "$out/large.json" "$duration" "$pid")
fi
rss_mb=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$pid/status")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f%%", (b > 0 ? 100 * a / b : 0)}'; }
printf '\n%-30s %12s %10s %10s %10s %12s %14s\n' "run" "requests/s" "p50" "p99" "non-2xx" "of ceiling" "server CPU/req"
printf '%-30s %12s %10s %10s %10s %12s %14s\n' "ceiling (minimal)" "$c_rps" "$c_p50" "$c_p99" "$c_bad" "100%" "$c_cpu"
printf '%-30s %12s %10s %10s %10s %12s %14s\n' "typical, first 5 s (cold)" "$k_rps" "$k_p50" "$k_p99" "$k_bad" "$(ratio "$k_rps" "$c_rps")" "$k_cpu"
printf '%-30s %12s %10s %10s %10s %12s %14s\n' "typical order-sign" "$t_rps" "$t_p50" "$t_p99" "$t_bad" "$(ratio "$t_rps" "$c_rps")" "$t_cpu"
printf '%-30s %12s %10s %10s %10s %12s %14s\n' "large order-sign" "$l_rps" "$l_p50" "$l_p99" "$l_bad" "$(ratio "$l_rps" "$c_rps")" "$l_cpu"
echo "peak RSS of CdsBone: ${rss_typical_mb} MB after the typical runs, ${rss_mb} MB after the large; start to ready: ${ready_ms} ms"

# Issue 15's targets against this run's figures: informative (a benchmark on a shared machine never fails a build).
ms() { # wrk's latency (e.g. 870.00us, 4.72ms, 1.02s) → milliseconds
  awk -v v="$1" 'BEGIN {n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; print n}'
}
verdict() { # label condition-as-awk-expression → "met" / "NOT met"
  if awk "BEGIN {exit !($2)}"; then printf '  %-58s met\n' "$1"; else printf '  %-58s NOT met\n' "$1"; fi
}
echo "targets (issue 15):"
verdict "cold: first 5 s >= 60 % of steady ($(ratio "$k_rps" "$t_rps"))" "$k_rps >= 0.6 * $t_rps"
verdict "cold: p99 <= 15 ms ($k_p99)" "$(ms "$k_p99") <= 15"
verdict "start to ready <= 2 s (${ready_ms} ms)" "$ready_ms <= 2000"
verdict "steady: >= 25 % of the ceiling ($(ratio "$t_rps" "$c_rps"))" "$t_rps >= 0.25 * $c_rps"
verdict "steady: p99 <= 5 ms at $connections connections ($t_p99)" "$(ms "$t_p99") <= 5"
if [ -z "${SKIP_LARGE:-}" ]; then verdict "large: >= 1,000 req/s ($l_rps)" "$l_rps >= 1000"; fi
verdict "peak RSS <= 200 MB (${rss_mb} MB)" "$rss_mb <= 200"

[ "$k_bad" = 0 ] && [ "$t_bad" = 0 ] && [ "$l_bad" = 0 ] || { echo "non-2xx answers during the run" >&2; exit 1; }
