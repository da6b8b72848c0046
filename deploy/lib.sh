# Shell helpers shared by .ci/run, deploy/cluster.sh, tests/cluster/faults.sh and bench/lib.sh (sourced, not run).

# The garbage collector's gen0 budget the service runs with (24 MB, in hex as the runtime reads it): workstation GC
# (the project's setting) then takes about as much CPU as server GC for less memory. Only the environment can set it,
# so every script that starts the service passes it as DOTNET_GCgen0size (not exported here: builds and tests keep
# their own); see the README (Memory).
SERVICE_GC_GEN0=0x1800000

# The newest installed PostgreSQL's bin folder (empty when none is installed).
pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true; }

# Something on 127.0.0.1 accepts connections on port $1.
in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# PostgreSQL refuses to run as root: as root its commands run as the postgres user.
as_pg() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# The Redis on 127.0.0.1 port $1 answers a ping within five seconds.
redis_answers() {
  local i
  for (( i = 0; i < 50; i++ )); do redis-cli -h 127.0.0.1 -p "$1" ping >/dev/null 2>&1 && return 0; sleep 0.1; done
  return 1
}
