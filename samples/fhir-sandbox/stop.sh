#!/usr/bin/env bash
# Stops the FHIR sandbox that start.sh started (by the PID it wrote).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
pid_file="${FHIR_SANDBOX_RUN_DIR:-$here/.run}/sandbox.pid"
if [ -f "$pid_file" ]; then
  kill "$(cat "$pid_file")" 2>/dev/null || true
  rm -f "$pid_file"
fi
