#!/usr/bin/env bash
# Progress benchmark: many learners writing progress on random topics (PUT .../progress/{topic}) and reading their
# progress (GET .../progress), on SQLite and on PostgreSQL, each as a ratio of /health/live measured in the same run,
# with p99 latency. Any error or non-2xx answer fails the run.
# Needs wrk; for PostgreSQL either ROADMAP_BENCH_POSTGRES (a connection string without Database, to a server where
# the user may create databases) or Debian's postgresql package and root (a private cluster is started and removed).
# Traffic goes to 127.0.0.1 only; every load is bounded by DURATION.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PORT=${PORT:-5198}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
LEARNERS=${LEARNERS:-64}
PROVIDERS=${PROVIDERS:-"Sqlite Postgres"}
B="http://127.0.0.1:$PORT"
DATA=$(mktemp -d); chmod 755 "$DATA"
PID=""; PGBIN=""
cleanup() {
  [[ -n "$PID" ]] && { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
  [[ -f "$DATA/pg/data/postmaster.pid" ]] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DATA/pg/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$DATA"
}
trap cleanup EXIT

postgres() {
  if [[ -n "${ROADMAP_BENCH_POSTGRES:-}" ]]; then echo "$ROADMAP_BENCH_POSTGRES"; return; fi
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [[ -x "$PGBIN/initdb" ]] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
  install -d -o postgres -g postgres "$DATA/pg" "$DATA/pg/data" "$DATA/pg/sock"
  runuser -u postgres -- "$PGBIN/initdb" -D "$DATA/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DATA/pg/data" -l "$DATA/pg/pg.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p 5498 -k $DATA/pg/sock -c max_connections=200" start >/dev/null
  "$PGBIN/psql" -X -q "host=127.0.0.1 port=5498 user=postgres dbname=postgres" -c "CREATE ROLE bench LOGIN PASSWORD 'bench' CREATEDB"
  echo "Host=127.0.0.1;Port=5498;Username=bench;Password=bench"
}

start() { # provider connection-string
  (cd src/Api/bin/Release/net10.0 && ASPNETCORE_ENVIRONMENT=Production Auth__SigningKey="$(head -c 48 /dev/urandom | base64)" \
    Database__Provider="$1" ConnectionStrings__Roadmap="$2" Database__ApplyMigrations=true \
    RateLimiting__Auth__PermitLimit=100000 Jobs__Enabled=false \
    exec dotnet Roadmap.Api.dll --urls "$B" --Serilog:MinimumLevel:Default=Warning) >"$DATA/service-$1.log" 2>&1 &
  PID=$!
  for _ in $(seq 90); do curl -sf "$B/health/ready" >/dev/null && return; sleep 1; done
  echo "the service did not become ready:" >&2; tail -20 "$DATA/service-$1.log" >&2; exit 1
}

stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }

learners() { # writes $DATA/tokens and $DATA/topics
  : >"$DATA/tokens"
  for i in $(seq "$LEARNERS"); do
    local login="{\"email\":\"learner$i@example.org\",\"password\":\"a bench password\""
    curl -sf -X POST "$B/api/auth/register" -H 'Content-Type: application/json' -d "$login,\"displayName\":\"Learner $i\"}" >/dev/null
    curl -sf -X POST "$B/api/auth/login" -H 'Content-Type: application/json' -d "$login}" \
      | sed -E 's/.*"accessToken":"([^"]+)".*/\1/' >>"$DATA/tokens"
    echo >>"$DATA/tokens"
  done
  curl -sf "$B/api/me/roadmaps/backend-developer/progress" -H "Authorization: Bearer $(head -1 "$DATA/tokens")" \
    | grep -o '"topic":"[^"]*"' | cut -d'"' -f4 >"$DATA/topics"
  [[ -s "$DATA/topics" ]] || { echo "no topics to write" >&2; exit 1; }
}

# One load: sets RPS and P99; a run with any error or non-2xx answer is refused rather than reported.
load() {
  local out; out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@")
  if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then echo "wrk reported errors for $*:" >&2; echo "$out" >&2; exit 1; fi
  RPS=$(awk '/Requests\/sec/ {print $2}' <<<"$out"); P99=$(awk '$1 == "99%" {print $2}' <<<"$out")
}

dotnet build -c Release src/Api >/dev/null
export TOKENS="$DATA/tokens" TOPICS="$DATA/topics"
rows=()
for provider in $PROVIDERS; do
  case $provider in
    Sqlite) start Sqlite "Data Source=$DATA/roadmap.db" ;;
    Postgres) start Postgres "$(postgres);Database=roadmap_bench_$$" ;;
    *) echo "unknown provider $provider" >&2; exit 1 ;;
  esac
  learners
  load "$B/health/live"; base=$RPS
  rows+=("$provider|GET /health/live (baseline)|$RPS|$base|$P99")
  MODE=write load -s bench/progress.lua "$B"
  rows+=("$provider|PUT .../progress/{topic} ($LEARNERS learners)|$RPS|$base|$P99")
  MODE=read load -s bench/progress.lua "$B"
  rows+=("$provider|GET .../progress (97 topics)|$RPS|$base|$P99")
  stop
done

printf '%-9s %-44s %10s %7s %9s\n' provider request req/s ratio p99
for row in "${rows[@]}"; do
  IFS='|' read -r provider name value baseline p99 <<<"$row"
  printf '%-9s %-44s %10.0f %7.2f %9s\n' "$provider" "$name" "$value" "$(echo "$value / $baseline" | bc -l)" "$p99"
done
