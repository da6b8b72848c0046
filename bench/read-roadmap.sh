#!/usr/bin/env bash
# Read-path benchmark: the roadmap read (output-cached, anonymous and signed in) and the topic read, each as a
# ratio of /health/live measured in the same run, so the figures compare across machines.
# Needs wrk (apt-get install wrk). Traffic goes to 127.0.0.1 only; every run is bounded by DURATION.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PORT=${PORT:-5199}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
B="http://127.0.0.1:$PORT"
DATA=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT

dotnet build -c Release src/Api >/dev/null
(cd src/Api/bin/Release/net10.0 && ASPNETCORE_ENVIRONMENT=Production Auth__SigningKey="$(head -c 48 /dev/urandom | base64)" \
  ConnectionStrings__Roadmap="Data Source=$DATA/roadmap.db" RateLimiting__Auth__PermitLimit=1000 \
  exec dotnet Roadmap.Api.dll --urls "$B" --Logging:LogLevel:Default=Warning \
  --Logging:LogLevel:Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning) >"$DATA/service.log" 2>&1 &
PID=$!
for _ in $(seq 60); do curl -sf "$B/health/ready" >/dev/null && break; sleep 1; done

curl -sf -X POST "$B/api/auth/register" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.org","password":"a bench password","displayName":"Bench"}' >/dev/null
TOKEN=$(curl -sf -X POST "$B/api/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.org","password":"a bench password"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')

# Requests per second; a run with any error or non-2xx answer is refused rather than reported. One request first,
# so the run measures the warm path: 32 connections missing a cold cache at once on a busy machine time out instead.
rps() {
  curl -sf -o /dev/null "$@"
  local out; out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "$@")
  if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then echo "wrk reported errors for $*:" >&2; echo "$out" >&2; exit 1; fi
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}
base=$(rps "$B/health/live")
anonymous=$(rps "$B/api/roadmaps/backend-developer")
signed=$(rps -H "Authorization: Bearer $TOKEN" "$B/api/roadmaps/backend-developer")
topic=$(rps "$B/api/roadmaps/backend-developer/topics/redis")
list=$(rps "$B/api/roadmaps")

printf '%-44s %10s %8s\n' "request" "req/s" "ratio"
for row in "GET /health/live (baseline)|$base" "GET /api/roadmaps/backend-developer|$anonymous" \
           "  same, signed in|$signed" "GET /api/roadmaps/backend-developer/topics/redis|$topic" \
           "GET /api/roadmaps (not cached)|$list"; do
  name=${row%|*}; value=${row#*|}
  printf '%-44s %10.0f %8.2f\n' "$name" "$value" "$(echo "$value / $base" | bc -l)"
done
