#!/usr/bin/env bash
# Progress benchmark: many learners writing progress on random topics (PUT .../progress/{topic}) and reading their
# progress (GET .../progress), on SQLite and on PostgreSQL, each as a ratio of /health/live measured in the same run,
# with p99 latency. Any error or non-2xx answer fails the run.
# Needs wrk; for PostgreSQL psql, pgbench and either ROADMAP_BENCH_POSTGRES (a connection string without Database,
# to a server where the user may create databases) or Debian's postgresql package and root (a private cluster is
# started and removed).
# Jobs run as in production: every write also marks the learner's stats, which a job recalculates. On PostgreSQL it
# also measures the server alone writing the same rows (pgbench, bench/progress/ceiling.sql): the most any write
# path of this server could reach on this machine.
# Traffic goes to 127.0.0.1 only; every load is bounded by DURATION.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PORT=${PORT:-5198}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-8s}
CONNECTIONS=${CONNECTIONS:-32}
LEARNERS=${LEARNERS:-64}
PROVIDERS=${PROVIDERS:-"Sqlite Postgres"}
B="http://127.0.0.1:$PORT"
DATA=$(mktemp -d); chmod 755 "$DATA"
source bench/lib.sh
trap bench_cleanup EXIT

learners() { # writes $DATA/tokens and $DATA/topics
  : >"$DATA/tokens"
  for i in $(seq "$LEARNERS"); do bench_learner "learner$i@example.org" >>"$DATA/tokens"; done
  curl -sf "$B/api/me/roadmaps/backend-developer/progress" -H "Authorization: Bearer $(head -1 "$DATA/tokens")" \
    | grep -o '"topic":"[^"]*"' | cut -d'"' -f4 >"$DATA/topics"
  [[ -s "$DATA/topics" ]] || { echo "no topics to write" >&2; exit 1; }
}

# One load: sets RPS and P99; a run with any error or non-2xx answer is refused rather than reported. A warm-up of
# WARMUP (unmeasured) goes first, so that the figures are the steady state's: the first second of a load (connections
# opened to the database, statements prepared, code compiled) made most of the writes' p99 before.
load() {
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$@" >/dev/null
  local out; out=$(bench_wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@") || exit 1
  RPS=$(awk '/Requests\/sec/ {print $2}' <<<"$out"); P99=$(awk '$1 == "99%" {print $2}' <<<"$out")
}

# PostgreSQL alone writing what a progress write changes (bench/progress/ceiling.sql: one statement, its own commit),
# from pgbench with as many connections, on the rows the service's learners and topics have; sets RPS and P99 (pgbench
# reports no percentile: its average latency). A run in which any transaction failed is refused.
ceiling() {
  local db; db=$(bench_libpq "roadmap_bench_$$")
  psql -X -q -v ON_ERROR_STOP=1 "$db" -c 'CREATE TABLE bench_pairs AS
    SELECT (row_number() OVER ())::int AS n, e."LearnerId" AS learner, e."RoadmapId" AS roadmap, t."Id" AS topic, t."Slug" AS slug
    FROM enrollments e JOIN topics t ON t."RoadmapId" = e."RoadmapId" AND t."RetiredAt" IS NULL'
  local pairs; pairs=$(psql -X -At "$db" -c 'SELECT count(*) FROM bench_pairs')
  local args=(-n -c "$CONNECTIONS" -j 2 -D "pairs=$pairs" -f bench/progress/ceiling.sql "$db") out
  pgbench -T "$(seconds "$WARMUP")" "${args[@]}" >/dev/null 2>&1
  out=$(pgbench -T "$(seconds "$DURATION")" "${args[@]}" 2>&1) || { echo "pgbench failed:" >&2; echo "$out" >&2; exit 1; }
  if grep -qE '^number of failed transactions: [1-9]' <<<"$out"; then echo "pgbench had failures:" >&2; echo "$out" >&2; exit 1; fi
  RPS=$(awk '/^tps = / {print $3}' <<<"$out"); P99="avg $(awk '/^latency average/ {print $4 $5}' <<<"$out")"
}
seconds() { case $1 in *m) echo $((${1%m} * 60)) ;; *s) echo "${1%s}" ;; *) echo "$1" ;; esac; }

dotnet build -c Release src/Api >/dev/null
export TOKENS="$DATA/tokens" TOPICS="$DATA/topics"
rows=()
for provider in $PROVIDERS; do
  case $provider in
    Sqlite) bench_start Sqlite "Data Source=$DATA/roadmap.db" ;;
    Postgres) bench_postgres; bench_start Postgres "$POSTGRES;Database=roadmap_bench_$$" ;;
    *) echo "unknown provider $provider" >&2; exit 1 ;;
  esac
  learners
  load "$B/health/live"; base=$RPS
  rows+=("$provider|GET /health/live (baseline)|$RPS|$base|$P99")
  MODE=write load -s bench/progress.lua "$B"
  rows+=("$provider|PUT .../progress/{topic} ($LEARNERS learners)|$RPS|$base|$P99")
  MODE=read load -s bench/progress.lua "$B"
  rows+=("$provider|GET .../progress (97 topics)|$RPS|$base|$P99")
  bench_stop
  if [[ $provider == Postgres ]]; then
    ceiling
    rows+=("$provider|its rows alone, no service (pgbench)|$RPS|$base|$P99")
  fi
done

printf '%-9s %-44s %10s %7s %9s\n' provider request req/s ratio p99
for row in "${rows[@]}"; do
  IFS='|' read -r provider name value baseline p99 <<<"$row"
  printf '%-9s %-44s %10.0f %7.2f %9s\n' "$provider" "$name" "$value" "$(echo "$value / $baseline" | bc -l)" "$p99"
done
