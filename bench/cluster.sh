#!/usr/bin/env bash
# Load through the front: wrk against nginx in front of the two nodes of the reference deployment (deploy/cluster.sh)
# versus one of those nodes directly, for the signed-in roadmap read and for progress writes (bench/progress.lua).
# Prints both figures and their ratio. Any error or non-2xx answer fails the run.
# Needs wrk, jq and what deploy/cluster.sh needs; the cluster runs in a temporary state folder and is removed after.
# On a machine with few cores, wrk, nginx and both nodes share them: the point is that the front adds no errors.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
LEARNERS=${LEARNERS:-64}
DATA=$(mktemp -d); chmod 755 "$DATA"
export ROADMAP_CLUSTER_STATE=$DATA/cluster
trap 'bash deploy/cluster.sh purge >/dev/null 2>&1 || true; rm -rf "$DATA"' EXIT
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
source bench/lib.sh

# Learners sign in from one address here: the sign-in limit is lifted for the setup.
export RateLimiting__Auth__PermitLimit=100000 Serilog__MinimumLevel__Default=Warning
FRONT=$(bash deploy/cluster.sh up)
NODE="http://127.0.0.1:$(cat "$ROADMAP_CLUSTER_STATE/run/node1.port")"

: >"$DATA/tokens"
B=$FRONT
for i in $(seq "$LEARNERS"); do bench_learner "learner$i@example.org" >>"$DATA/tokens"; done
TOKEN=$(head -1 "$DATA/tokens")
curl -sf "$FRONT/api/me/roadmaps/backend-developer/progress" -H "Authorization: Bearer $TOKEN" | jq -r '.topics[].topic' >"$DATA/topics"
[[ -s "$DATA/topics" ]] || { echo "no topics to write" >&2; exit 1; }
export TOKENS="$DATA/tokens" TOPICS="$DATA/topics"

# Requests per second; a run with any error or non-2xx answer is refused rather than reported.
rps() {
  local out; out=$(bench_wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "$@") || exit 1   # run inside $(…), where set -e is off
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}
curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$FRONT/api/roadmaps/backend-developer"
read_one=$(rps -H "Authorization: Bearer $TOKEN" "$NODE/api/roadmaps/backend-developer")
read_two=$(rps -H "Authorization: Bearer $TOKEN" "$FRONT/api/roadmaps/backend-developer")
write_one=$(MODE=write rps -s bench/progress.lua "$NODE")
write_two=$(MODE=write rps -s bench/progress.lua "$FRONT")

printf '%-46s %14s %16s %7s\n' request "one node req/s" "nginx + 2 nodes" ratio
for row in "GET /api/roadmaps/backend-developer, signed in|$read_one|$read_two" \
           "PUT .../progress/{topic} ($LEARNERS learners)|$write_one|$write_two"; do
  IFS='|' read -r name one two <<<"$row"
  printf '%-46s %14.0f %16.0f %7.2f\n' "$name" "$one" "$two" "$(echo "$two / $one" | bc -l)"
done
