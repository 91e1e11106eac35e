#!/usr/bin/env bash
# Fires the sample hooks at a running CdsBone and prints the cards readably.
#   samples/send.sh                         all three samples at http://localhost:8080
#   samples/send.sh http://host:8080        another base URL
#   samples/send.sh http://localhost:8080 samples/order-sign.json
# Dates are moved to today first (python3), so the samples never go stale; without python3 they are sent as they are.
# When the service requires authentication, each request needs its own token (aud = the URL called, a fresh jti):
#   CDSBONE_KEY=keys/private-key.jwk.json CDSBONE_ISS=https://ehr.example.org samples/send.sh
# mints one per request with `cdsbone token` (the tool on PATH, or $CDSBONE naming the command, e.g.
# CDSBONE="dotnet run --project src/CdsBone.Cli --"). CDSBONE_TOKEN sends one fixed token: good for one request only.
# Exits non-zero when any request does not answer 200.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
base="${1:-http://localhost:8080}"
shift || true
samples=("$@")
[ ${#samples[@]} -gt 0 ] || samples=("$here/order-sign.json" "$here/order-select.json" "$here/patient-view.json")

if [ -n "${CDSBONE_KEY:-}" ] && [ -z "${CDSBONE_ISS:-}" ]; then
  echo "error: CDSBONE_KEY needs CDSBONE_ISS (the iss the service trusts)" >&2
  exit 2
fi
read -r -a cdsbone <<<"${CDSBONE:-cdsbone}"

# The Authorization header for one call to $1: a fresh token per request when a key is given.
auth_for() {
  if [ -n "${CDSBONE_KEY:-}" ]; then
    auth=(-H "Authorization: Bearer $("${cdsbone[@]}" token --key "$CDSBONE_KEY" --iss "$CDSBONE_ISS" --aud "$1")")
  elif [ -n "${CDSBONE_TOKEN:-}" ]; then
    auth=(-H "Authorization: Bearer $CDSBONE_TOKEN")
  else
    auth=()
  fi
}

failures=0

for sample in "${samples[@]}"; do
  hook=$(basename "$sample" .json)
  service="anastrozole-$hook"
  if command -v python3 >/dev/null 2>&1; then
    body=$(python3 "$here/redate.py" "$sample")
  else
    body=$(cat "$sample")
  fi
  echo "== POST $base/cds-services/$service ($hook)"
  auth_for "$base/cds-services/$service"
  response=$(curl -sS -w '\n%{http_code}' -X POST -H 'Content-Type: application/json' "${auth[@]}" \
    --data-binary "$body" "$base/cds-services/$service")
  status=$(tail -n 1 <<<"$response")
  json=$(sed '$d' <<<"$response")
  echo "HTTP $status"
  [ "$status" = 200 ] || failures=$((failures + 1))
  if command -v python3 >/dev/null 2>&1; then
    python3 - "$json" <<'PY'
import json, sys
body = json.loads(sys.argv[1])
if "cards" not in body:
    print(json.dumps(body, indent=2)); sys.exit()
if not body["cards"]:
    print("  (no cards)")
for card in body["cards"]:
    topic = card["source"].get("topic", {}).get("code", "?")
    print(f"  [{card['indicator'].upper()}] {topic}: {card['summary']}")
    rules = card.get("extension", {}).get("org.cdsbone", {}).get("ruleIds", [])
    print(f"    rules: {', '.join(rules)}")
    for suggestion in card.get("suggestions", []):
        mark = "*" if suggestion.get("isRecommended") else "-"
        print(f"    {mark} suggestion: {suggestion['label']}")
PY
  else
    echo "$json"
  fi
  echo
done
[ "$failures" -eq 0 ] || { echo "error: $failures request(s) did not answer 200" >&2; exit 1; }
