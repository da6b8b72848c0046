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
source bench/lib.sh
trap bench_cleanup EXIT

dotnet build -c Release src/Api >/dev/null
bench_start Sqlite "Data Source=$DATA/roadmap.db"

TOKEN=$(bench_learner bench@example.org)

# Requests per second; a run with any error or non-2xx answer is refused rather than reported. One request first,
# so the run measures the warm path: 32 connections missing a cold cache at once on a busy machine time out instead.
rps() {
  curl -sf -o /dev/null "$@"
  local out; out=$(bench_wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "$@") || exit 1   # run inside $(…), where set -e is off
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
