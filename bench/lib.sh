# Shared by the benchmarks: a PostgreSQL server, a Release build of the service on 127.0.0.1, learners' tokens.
# Sourced after setting B (the service's base URL) and DATA (a private temporary directory).
source "$(dirname "${BASH_SOURCE[0]}")/../deploy/lib.sh"
PID=""; PGBIN=""

bench_cleanup() {
  [[ -n "$PID" ]] && { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
  [[ -f "$DATA/pg/data/postmaster.pid" ]] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DATA/pg/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$DATA"
}

# Sets POSTGRES, a connection string without Database: ROADMAP_BENCH_POSTGRES, or a private cluster started here
# (needs root and Debian's postgresql package) and stopped by bench_cleanup.
bench_postgres() {
  if [[ -n "${ROADMAP_BENCH_POSTGRES:-}" ]]; then POSTGRES=$ROADMAP_BENCH_POSTGRES; return; fi
  PGBIN=$(pgbin)
  [[ -x "$PGBIN/initdb" ]] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
  install -d -o postgres -g postgres "$DATA/pg" "$DATA/pg/data" "$DATA/pg/sock"
  runuser -u postgres -- "$PGBIN/initdb" -D "$DATA/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DATA/pg/data" -l "$DATA/pg/pg.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p 5498 -k $DATA/pg/sock -c max_connections=200" start >/dev/null
  "$PGBIN/psql" -X -q "host=127.0.0.1 port=5498 user=postgres dbname=postgres" -c "CREATE ROLE bench LOGIN PASSWORD 'bench' CREATEDB"
  POSTGRES="Host=127.0.0.1;Port=5498;Username=bench;Password=bench"
}

# POSTGRES as a libpq connection string, for psql and pgbench, to database $1.
bench_libpq() {
  echo "$(sed -E 's/Host=([^;]*);Port=([^;]*);Username=([^;]*);Password=([^;]*)/host=\1 port=\2 user=\3 password=\4/' <<<"$POSTGRES") dbname=$1"
}

# The service on provider $1 with connection string $2 (migrations applied), and any further NAME=value settings.
bench_start() {
  local provider=$1 connection=$2; shift 2
  (cd src/Api/bin/Release/net10.0 && exec env DOTNET_GCgen0size="$SERVICE_GC_GEN0" ASPNETCORE_ENVIRONMENT=Production Auth__SigningKey="$(head -c 48 /dev/urandom | base64)" \
    Database__Provider="$provider" ConnectionStrings__Roadmap="$connection" Database__ApplyMigrations=true \
    RateLimiting__Auth__PermitLimit=100000 "$@" \
    dotnet Roadmap.Api.dll --urls "$B" --Serilog:MinimumLevel:Default=Warning) >>"$DATA/service.log" 2>&1 &
  PID=$!
  for _ in $(seq 90); do curl -sf "$B/health/ready" >/dev/null && return; sleep 1; done
  echo "the service did not become ready:" >&2; tail -20 "$DATA/service.log" >&2; exit 1
}

bench_stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }

# Registers learner $1 (an email) and prints an access token.
bench_learner() {
  local login="{\"email\":\"$1\",\"password\":\"a bench password\""
  curl -sf -X POST "$B/api/auth/register" -H 'Content-Type: application/json' -d "$login,\"displayName\":\"${1%@*}\"}" >/dev/null
  curl -sf -X POST "$B/api/auth/login" -H 'Content-Type: application/json' -d "$login}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
  echo
}

# wrk with the given arguments, printing its report; a run with any error or non-2xx answer is refused, not reported:
# it fails (callers stop on it: `out=$(bench_wrk …) || exit 1`).
bench_wrk() {
  local out; out=$(wrk "$@")
  if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then echo "wrk reported errors for $*:" >&2; echo "$out" >&2; return 1; fi
  echo "$out"
}
