#!/usr/bin/env bash
# The reference server-mode deployment, on this machine: a private PostgreSQL, a private Redis, two API nodes
# (Release build) and nginx in front of them.
#
#   bash deploy/cluster.sh up       start what is not running, each on the port it had (installs postgresql,
#                                   redis-server, nginx from Debian if missing): a node that died is started again
#   bash deploy/cluster.sh status   what runs, and the front's readiness
#   bash deploy/cluster.sh down     stop exactly what `up` started (data, logs and the signing key stay)
#   bash deploy/cluster.sh purge    down, then delete the state folder
#
# State (pid files, data, logs, the generated signing key and database password) lives in $ROADMAP_CLUSTER_STATE,
# by default .cluster/ in the repository (ignored by git). Nothing listens beyond 127.0.0.1.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO=$(pwd)
STATE=${ROADMAP_CLUSTER_STATE:-$REPO/.cluster}
RUN=$STATE/run
NODES=(node1 node2)

source deploy/lib.sh
log() { echo "[cluster] $*" >&2; }
die() { log "$*"; exit 1; }
free_port() { local p; for p in $(seq "$1" "$2"); do in_use "$p" || { echo "$p"; return; }; done; die "no free port in $1-$2"; }
# The process a pid file names, if it still runs and is the program it should be, started from this state folder
# (its command line or working folder names it): a pid can be reused after a reboot.
program_of() { case $1 in postgres) echo postgres ;; redis) echo redis-server ;; nginx) echo nginx ;; *) echo Roadmap.Api.dll ;; esac; }
alive() {
  local f=$RUN/$1.pid pid seen
  [[ -s $f ]] || return 1
  pid=$(head -1 "$f")
  kill -0 "$pid" 2>/dev/null || return 1
  seen="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) $(readlink "/proc/$pid/cwd" 2>/dev/null)"
  grep -qF "$(program_of "$1")" <<<"$seen" && grep -qF "$STATE" <<<"$seen" || return 1
  echo "$pid"
}
port_of() { cat "$RUN/$1.port" 2>/dev/null || true; }
# The port $1 had (the others are configured with it), else a free one in $2-$3. While other parts run, they know
# only the old port: if another program took it, say so rather than start where nobody looks.
port_for() {
  local p c; p=$(port_of "$1")
  if [[ -n $p ]] && ! in_use "$p"; then echo "$p"; return; fi
  if [[ -n $p ]]; then
    for c in postgres redis "${NODES[@]}" nginx; do
      alive "$c" >/dev/null && die "port $p of $1 is taken by another program and $c still uses it: free the port, or run down, then up"
    done
  fi
  free_port "$2" "$3"
}

install_missing() {
  local want=()
  [[ -n $(pgbin) ]] || want+=(postgresql)
  command -v redis-server >/dev/null || want+=(redis-server)
  command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || want+=(nginx)
  command -v curl >/dev/null || want+=(curl)
  (( ${#want[@]} )) || return 0
  [[ $EUID -eq 0 ]] || die "missing ${want[*]}: install them (apt-get install ${want[*]}) or run as root"
  log "installing ${want[*]} from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${want[@]}" >&2
}

wait_ready() { # url seconds
  local i
  for (( i = 0; i < $2 * 5; i++ )); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.2
  done
  return 1
}

start_postgres() {
  local bin port
  bin=$(pgbin)
  if [[ ! -s $STATE/pg/data/PG_VERSION ]]; then
    install -d -m 700 "$STATE/pg/data"
    install -d "$STATE/pg/sock"
    if [[ $EUID -eq 0 ]]; then chown -R postgres:postgres "$STATE/pg"; fi
    # Trust on 127.0.0.1 only: this server listens nowhere else. A real deployment uses scram-sha-256.
    as_pg "$bin/initdb" -D "$STATE/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  port=$(port_for postgres 5460 5499)
  as_pg "$bin/pg_ctl" -D "$STATE/pg/data" -l "$STATE/pg/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $STATE/pg/sock" start >/dev/null
  head -1 "$STATE/pg/data/postmaster.pid" >"$RUN/postgres.pid"
  echo "$port" >"$RUN/postgres.port"

  # The service's own role and database; its password is generated once and kept in the state folder.
  [[ -s $STATE/secrets/db-password ]] || (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$STATE/secrets/db-password")
  local psql=("$bin/psql" -X -q -v ON_ERROR_STOP=1 "host=127.0.0.1 port=$port user=postgres dbname=postgres")
  local password; password=$(cat "$STATE/secrets/db-password")
  if [[ -z $("${psql[@]}" -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'roadmap'") ]]; then
    "${psql[@]}" <<<"CREATE ROLE roadmap LOGIN PASSWORD '$password'"   # on stdin: not in the process list
    "${psql[@]}" -c "CREATE DATABASE roadmap OWNER roadmap"
  fi
  log "PostgreSQL on 127.0.0.1:$port"
}

start_redis() {
  local port; port=$(port_for redis 6420 6450)
  install -d "$STATE/redis"
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --dir "$STATE/redis" --logfile "$STATE/log/redis.log" --pidfile "$RUN/redis.pid" >/dev/null
  echo "$port" >"$RUN/redis.port"
  redis_answers "$port" || die "Redis did not start (see $STATE/log/redis.log)"
  log "Redis on 127.0.0.1:$port"
}

build() {
  log "dotnet publish src/Api (Release) into $STATE/app"
  dotnet publish src/Api -c Release -o "$STATE/app" --nologo -v quiet >"$STATE/log/publish.log" 2>&1 \
    || { cat "$STATE/log/publish.log" >&2; die "the build failed"; }
}

# start_node name migrate(true|false)
start_node() {
  local name=$1 port; port=$(port_for "$name" 5101 5199)
  echo "$port" >"$RUN/$name.port"
  [[ -s $STATE/secrets/signing-key ]] || (umask 077; head -c 48 /dev/urandom | base64 -w0 >"$STATE/secrets/signing-key")
  # Server mode: every setting a real deployment also sets, from the environment; secrets from the state folder.
  (
    cd "$STATE/app"
    export ASPNETCORE_ENVIRONMENT=Production
    export ASPNETCORE_URLS="http://127.0.0.1:$port"
    export Database__Provider=Postgres
    export Database__ApplyMigrations="$2"
    export ConnectionStrings__Roadmap="Host=127.0.0.1;Port=$(port_of postgres);Database=roadmap;Username=roadmap;Password=$(cat "$STATE/secrets/db-password")"
    export Redis__Configuration="127.0.0.1:$(port_of redis)"
    export Auth__SigningKey; Auth__SigningKey=$(cat "$STATE/secrets/signing-key")
    export ForwardedHeaders__KnownProxies__0=127.0.0.1
    export Logging__Format=Json
    export DOTNET_CLI_TELEMETRY_OPTOUT=1
    export DOTNET_GCgen0size=$SERVICE_GC_GEN0
    setsid nohup dotnet Roadmap.Api.dll >>"$STATE/log/$name.log" 2>&1 </dev/null &
    echo $! >"$RUN/$name.pid"
  )
  wait_ready "http://127.0.0.1:$port/health/ready" 120 || die "$name did not become ready (see $STATE/log/$name.log)"
  log "$name on 127.0.0.1:$port"
}

start_nginx() {
  local port; port=$(port_for nginx 8080 8099)
  echo "$port" >"$RUN/nginx.port"
  install -d "$STATE/nginx"
  install -d -m 1777 "$STATE/nginx/body" "$STATE/nginx/proxy" "$STATE/nginx/fastcgi" "$STATE/nginx/uwsgi" "$STATE/nginx/scgi"
  sed -e "s#@STATE@#$STATE#g" -e "s#@FRONT_PORT@#$port#g" \
      -e "s#@NODE1_PORT@#$(port_of node1)#g" -e "s#@NODE2_PORT@#$(port_of node2)#g" \
      deploy/nginx.conf.template >"$STATE/nginx/nginx.conf"
  local nginx; nginx=$(command -v nginx || echo /usr/sbin/nginx)
  "$nginx" -t -q -p "$STATE/nginx" -c "$STATE/nginx/nginx.conf" -g 'daemon on;' 2>>"$STATE/log/nginx-error.log" \
    || die "the nginx configuration is refused (see $STATE/log/nginx-error.log)"
  "$nginx" -p "$STATE/nginx" -c "$STATE/nginx/nginx.conf" -g 'daemon on;'
  wait_ready "http://127.0.0.1:$port/health/live" 10 || die "nginx does not answer (see $STATE/log/nginx-error.log)"
  log "nginx on 127.0.0.1:$port"
}

up() {
  local c stopped=()
  for c in postgres redis "${NODES[@]}" nginx; do alive "$c" >/dev/null || stopped+=("$c"); done
  if (( ${#stopped[@]} == 0 )); then
    log "already up"
    echo "http://127.0.0.1:$(port_of nginx)"
    return 0
  fi
  install_missing
  command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is needed to build the service"
  install -d "$STATE" "$RUN" "$STATE/log"
  install -d -m 700 "$STATE/secrets"
  if [[ $EUID -eq 0 ]]; then chmod 755 "$STATE"; fi   # PostgreSQL (its own user) must reach its folders
  # On any failure, stop what this run started (what already ran is left alone).
  STARTED=()
  trap 'if [[ -z ${UP_DONE:-} ]]; then log "up failed: stopping what it started"; stop_started; fi' EXIT
  # A running node keeps the published build it started with: the build is replaced only while no node runs.
  if ! alive node1 >/dev/null && ! alive node2 >/dev/null; then build; fi
  alive postgres >/dev/null || { STARTED+=(postgres); start_postgres; }
  alive redis >/dev/null || { STARTED+=(redis); start_redis; }
  local n migrate
  for n in "${NODES[@]}"; do
    alive "$n" >/dev/null && continue
    # The first node of an empty cluster applies the migrations (and seeds) before the other starts.
    migrate=false; alive node1 >/dev/null || alive node2 >/dev/null || migrate=true
    STARTED+=("$n"); start_node "$n" "$migrate"
  done
  alive nginx >/dev/null || { STARTED+=(nginx); start_nginx; }
  UP_DONE=1
  (( ${#stopped[@]} == 5 )) || log "started again: ${stopped[*]}"
  echo "http://127.0.0.1:$(port_of nginx)"
}

stop_started() {
  local i
  for (( i = ${#STARTED[@]} - 1; i >= 0; i-- )); do
    if [[ ${STARTED[i]} == postgres ]]; then stop_postgres; else stop_pid "${STARTED[i]}"; fi
  done
}

# stop name: TERM, wait up to 20 s, then KILL (only the process its pid file names)
stop_pid() {
  local name=$1 pid i
  pid=$(alive "$name") || { rm -f "$RUN/$name.pid"; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for (( i = 0; i < 100; i++ )); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$pid" 2>/dev/null && { log "$name did not stop: killing it"; kill -KILL "$pid" 2>/dev/null || true; }
  rm -f "$RUN/$name.pid"
  log "$name stopped"
}

down() {
  [[ -d $RUN ]] || { log "nothing to stop"; return 0; }
  stop_pid nginx
  local n; for n in "${NODES[@]}"; do stop_pid "$n"; done
  stop_pid redis
  stop_postgres
}

stop_postgres() {
  # The private cluster's own pid file also covers a start that timed out before ours was written.
  [[ -s $STATE/pg/data/postmaster.pid ]] && head -1 "$STATE/pg/data/postmaster.pid" >"$RUN/postgres.pid"
  if alive postgres >/dev/null; then
    as_pg "$(pgbin)/pg_ctl" -D "$STATE/pg/data" -m fast -w stop >/dev/null && log "postgres stopped"
  fi
  rm -f "$RUN/postgres.pid"
}

status() {
  local c pid any=0
  for c in postgres redis "${NODES[@]}" nginx; do
    if pid=$(alive "$c"); then
      any=1; printf '%-9s running  pid %-7s 127.0.0.1:%s\n' "$c" "$pid" "$(port_of "$c")"
    else
      printf '%-9s stopped\n' "$c"
    fi
  done
  if (( any )) && alive nginx >/dev/null; then
    echo "front: http://127.0.0.1:$(port_of nginx)"
    echo "ready: $(curl -s "http://127.0.0.1:$(port_of nginx)/health/ready" || echo unreachable)"
  fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  purge) down; rm -rf "$STATE"; log "removed $STATE" ;;
  *) echo "usage: $0 up|down|status|purge" >&2; exit 2 ;;
esac
