#!/usr/bin/env bash
# Stats recalculation benchmark on PostgreSQL. Generates LEARNERS learners (20,000) following the Backend Developer
# roadmap with about 54 progress events each (~1M), then times
#   (a) full:  every learner's stats recalculated through the job path (a mark per learner, drained by the Hangfire job),
#   (b) floor: one set-based SQL statement computing the same per-learner counts (done, skipped, in progress, minutes left),
#   (c) naive: each learner's progress and events loaded and computed one learner at a time (the same job with
#       Jobs:StatsMarksPerRound=1), with a lower bound for it (raw reads per learner, counts only, nothing written),
# and prints full/floor, naive/full and the service's peak memory during (a); then the freshness of stats (write →
# lastEventId in the stats) at p50/p95 while RATE progress writes per second arrive.
# Needs wrk, psql and either ROADMAP_BENCH_POSTGRES or Debian's postgresql package and root (see bench/lib.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PORT=${PORT:-5197}
LEARNERS=${LEARNERS:-20000}
RATE=${RATE:-200}
SAMPLES=${SAMPLES:-40}
B="http://127.0.0.1:$PORT"
DATA=$(mktemp -d); chmod 755 "$DATA"
source bench/lib.sh
trap bench_cleanup EXIT

bench_postgres
DB="$POSTGRES;Database=roadmap_recalculate_$$"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 "$(bench_libpq "roadmap_recalculate_$$")")
seconds() { date +%s.%N; }

dotnet build -c Release src/Api >/dev/null
dotnet build bench/recalculate/Tool.cs >/dev/null 2>&1 || true   # the file-based tool, built once before timing
bench_start Postgres "$DB"

echo "generating $LEARNERS learners..." >&2
t0=$(seconds)
"${PSQL[@]}" -v learners="$LEARNERS" -f bench/recalculate/generate.sql
generation=$(echo "$(seconds) - $t0" | bc -l)

# Every learner's stats recalculated through the job path: the stats rows dropped, every learner marked, the drain
# woken by one progress write (the probe's topic to status $1, a change); done when no mark is left.
bench_learner "probe@example.org" >/dev/null
probe_login() {   # each start of the service has a signing key of its own
  token=$(curl -sf -X POST "$B/api/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"probe@example.org","password":"a bench password"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
}
recalculate_all() {
  "${PSQL[@]}" -c 'DELETE FROM learner_roadmap_stats; DELETE FROM learner_streaks' \
    -c 'INSERT INTO stats_marks ("Id", "LearnerId", "RoadmapId", "MarkedAt")
        SELECT md5($$mark-$$ || "Id"::text)::uuid, "LearnerId", "RoadmapId", now() FROM enrollments'
  local t0; t0=$(seconds)
  curl -sf -X PUT "$B/api/me/roadmaps/backend-developer/progress/redis" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "{\"status\":\"$1\"}" >/dev/null || { echo "the probe's write failed" >&2; exit 1; }
  until [[ $("${PSQL[@]}" -tAc 'SELECT count(*) FROM stats_marks') == 0 ]]; do
    (( $(echo "$(seconds) - $t0 > 1800" | bc) )) && { echo "the marks were not drained within 30 minutes" >&2; exit 1; }
    sleep 0.2
  done
  echo "$(seconds) - $t0" | bc -l
}

# (a) Rounds of 1,000 learners (the default). The service's peak resident memory is taken during (a) alone: its
# high-water mark is reset first (Linux's clear_refs), since start-up (migrations, the seed import) peaks on its own.
probe_login
before=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status")
echo 5 >"/proc/$PID/clear_refs"
full=$(recalculate_all Done) || exit 1
peak=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status")
calculated=$("${PSQL[@]}" -tAc 'SELECT count(*) FROM learner_roadmap_stats')

# (c) The naive way: the same job, one learner per round (a transaction and its queries per learner).
bench_stop
bench_start Postgres "$DB" Jobs__StatsMarksPerRound=1
probe_login
naive=$(recalculate_all InProgress) || exit 1   # so the freshness probe starts with a change to Done
bench_stop
bench_start Postgres "$DB"
probe_login

# (b) The floor, best of three.
floor=$(for _ in 1 2 3; do "${PSQL[@]}" -f bench/recalculate/floor.sql | awk '/^Time:/ {print $2 / 1000}'; done | sort -g | head -1)

# The naive way's lower bound: each learner's statuses and active days read with raw SQL and counted, nothing written.
reads=$(dotnet run bench/recalculate/Tool.cs -- naive "$DB" | awk '{print $1}')

# Freshness under RATE writes per second from 64 learners (wrk paces each connection), sampled by a 65th.
: >"$DATA/tokens"
for i in $(seq 64); do bench_learner "writer$i@example.org" >>"$DATA/tokens"; done
curl -sf "$B/api/me/roadmaps/backend-developer/progress" -H "Authorization: Bearer $token" \
  | grep -o '"topic":"[^"]*"' | cut -d'"' -f4 >"$DATA/topics"
TOKENS="$DATA/tokens" TOPICS="$DATA/topics" MODE=write DELAY_MS=$((16 * 1000 / RATE)) \
  wrk -t2 -c16 -d120s -s bench/progress.lua "$B" >"$DATA/wrk.txt" &
WRK=$!
sleep 3
freshness=$(dotnet run bench/recalculate/Tool.cs -- freshness "$B" "$token" "$SAMPLES")   # fails the run if it fails
read -r p50 p95 <<<"$freshness"
kill "$WRK" 2>/dev/null || true; wait "$WRK" 2>/dev/null || true
bench_stop

printf 'generation: %s learners, %s progress events in %.1f s\n' "$LEARNERS" \
  "$("${PSQL[@]}" -tAc 'SELECT count(*) FROM progress_events')" "$generation"
printf '(a) full recalculation (job path): %8.2f s  (%s rows)\n' "$full" "$calculated"
printf '(b) floor (one SQL statement):      %8.2f s\n' "$floor"
printf '(c) naive (job, one learner a round): %6.2f s\n' "$naive"
printf '    its lower bound (raw reads, counts only, nothing written): %.2f s\n' "$reads"
printf 'full/floor %.1f (goal <= 2)   naive/full %.1f (goal >= 10)   peak memory during (a) %s MB (goal <= 300; %s MB before it)\n' \
  "$(echo "$full / $floor" | bc -l)" "$(echo "$naive / $full" | bc -l)" "$peak" "$before"
printf 'freshness at ~%s writes/s: p50 %s ms, p95 %s ms (goal p95 <= 1000)\n' "$RATE" "$p50" "$p95"
