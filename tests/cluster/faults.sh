#!/usr/bin/env bash
# Fault tests on the reference deployment (deploy/cluster.sh): two nodes behind nginx, one PostgreSQL, one Redis,
# all started here in a temporary state folder and stopped at the end. Things are really killed: Redis shut down,
# PostgreSQL stopped under load, a node killed with SIGKILL in the middle of a stats recalculation.
#
#   bash tests/cluster/faults.sh        (as root, or with postgresql, redis-server and nginx installed; needs jq, curl)
#
# Prints one line per check (PASS/FAIL with its figures) and, last, `cluster: N passed, N failed, N skipped`, which
# .ci/run adds into its own summary. Exit status 1 when a check failed or the cluster could not start.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
REPO=$(pwd)

source deploy/lib.sh
log() { echo "[faults] $*" >&2; }
PASSED=0 FAILED=0 SKIPPED=0
pass() { PASSED=$((PASSED + 1)); echo "[faults] PASS $1"; }
fail() { FAILED=$((FAILED + 1)); echo "[faults] FAIL $1"; }
check() { local name=$1; shift; if "$@"; then pass "$name"; else fail "$name"; fi; }

STATE=$(mktemp -d); chmod 755 "$STATE"
TMP=$(mktemp -d)
export ROADMAP_CLUSTER_STATE=$STATE
summary_printed=""
finish() {
  local rc=$?
  if (( FAILED > 0 )) && [[ -d $STATE/log ]]; then
    for f in "$STATE"/log/node*.log; do log "last lines of $f:"; tail -n 30 "$f" >&2; done
  fi
  [[ -n ${WRITER:-} ]] && { kill "$WRITER" 2>/dev/null; wait "$WRITER" 2>/dev/null; }
  bash deploy/cluster.sh purge >/dev/null 2>&1 || true
  rm -rf "$TMP"
  if [[ -z $summary_printed ]]; then
    (( rc )) || rc=1
    echo "cluster: $PASSED passed, $((FAILED > 0 ? FAILED : 1)) failed, $SKIPPED skipped"
  fi
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
command -v jq >/dev/null || { log "jq is needed (apt-get install jq)"; exit 1; }

# --- The nodes' settings (inherited through deploy/cluster.sh) --------------------------------------------------------
# Small rounds, so a recalculation of a few thousand learners takes many; a dead node's lock and job taken over after
# 15 s instead of the defaults (120 s), so the test measures the takeover without waiting minutes.
export Jobs__StatsMarksPerRound=20
export Jobs__DistributedLockTimeoutSeconds=15
export Jobs__InvisibilityTimeoutSeconds=15
export RateLimiting__Auth__PermitLimit=30 RateLimiting__Auth__WindowSeconds=15
ADMIN_EMAIL=admin@example.org
ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
export Auth__BootstrapAdmin__Email=$ADMIN_EMAIL Auth__BootstrapAdmin__Password=$ADMIN_PASSWORD
LEARNERS=${LEARNERS:-3000}

log "starting the cluster in $STATE"
bash deploy/cluster.sh up >"$TMP/up.out" 2>"$TMP/up.err" || { cat "$TMP/up.err" >&2; log "the cluster did not start"; exit 1; }
RUN=$STATE/run
FRONT=$(cat "$TMP/up.out")
N1="http://127.0.0.1:$(cat "$RUN/node1.port")"
N2="http://127.0.0.1:$(cat "$RUN/node2.port")"
PGPORT=$(cat "$RUN/postgres.port")
REDISPORT=$(cat "$RUN/redis.port")
PGBIN=$(pgbin)
sql() { "$PGBIN/psql" -X -qtA -v ON_ERROR_STOP=1 "host=127.0.0.1 port=$PGPORT user=postgres dbname=roadmap" "$@"; }
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc -l | xargs printf '%.1f'; }
log "front $FRONT, nodes $N1 $N2, PostgreSQL $PGPORT, Redis $REDISPORT"

# req METHOD URL [curl args...]: the status; the body in $TMP/body, the headers in $TMP/headers.
req() {
  local method=$1 url=$2; shift 2
  curl -s -m 30 -X "$method" -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' "$url" "$@"
}
json() { curl -s -m 30 -H 'Content-Type: application/json' "$@"; }
header() { tr -d '\r' <"$TMP/headers" | sed -n "s/^$1: //Ip" | tail -1; }
login() { # email password → access token (empty on failure)
  json -X POST "$FRONT/api/auth/login" -d "{\"email\":\"$1\",\"password\":\"$2\"}" | jq -r '.accessToken // empty'
}
register() { # email password → user id
  json -X POST "$FRONT/api/auth/register" -d "{\"email\":\"$1\",\"password\":\"$2\",\"displayName\":\"${1%@*}\"}" | jq -r '.id // empty'
}
# The learners whose stats row differs from a recount of their progress and events (as TwoNodeStatsTests does).
mismatches() {
  sql -c "SELECT count(*) FROM enrollments l
    LEFT JOIN learner_roadmap_stats s ON s.\"LearnerId\" = l.\"LearnerId\" AND s.\"RoadmapId\" = l.\"RoadmapId\"
    WHERE l.\"LeftAt\" IS NULL AND (s.\"Id\" IS NULL
       OR s.\"LastEventId\" IS DISTINCT FROM (SELECT max(e.\"EventId\") FROM progress_events e WHERE e.\"LearnerId\" = l.\"LearnerId\" AND e.\"RoadmapId\" = l.\"RoadmapId\")
       OR s.\"Done\" <> (SELECT count(*) FROM topic_progress p WHERE p.\"LearnerId\" = l.\"LearnerId\" AND p.\"RoadmapId\" = l.\"RoadmapId\" AND p.\"Status\" = 'Done')
       OR s.\"InProgress\" <> (SELECT count(*) FROM topic_progress p WHERE p.\"LearnerId\" = l.\"LearnerId\" AND p.\"RoadmapId\" = l.\"RoadmapId\" AND p.\"Status\" = 'InProgress')
       OR s.\"LastActiveDate\" IS DISTINCT FROM (SELECT max(e.\"OccurredAt\" AT TIME ZONE 'UTC')::date FROM progress_events e WHERE e.\"LearnerId\" = l.\"LearnerId\" AND e.\"RoadmapId\" = l.\"RoadmapId\"))
       AND EXISTS (SELECT 1 FROM progress_events e WHERE e.\"LearnerId\" = l.\"LearnerId\")"
}
marks() { sql -c 'SELECT count(*) FROM stats_marks'; }
# until SECONDS COMMAND...: runs COMMAND every 0.2 s until it succeeds or SECONDS pass.
until_ok() { local deadline; deadline=$(echo "$(now) + $1" | bc); shift
  while ! "$@"; do (( $(echo "$(now) > $deadline" | bc) )) && return 1; sleep 0.2; done; }
status_is() { [[ $(curl -s -m 5 -o /dev/null -w '%{http_code}' "$2") == "$1" ]]; }

# ======================================================================================================================
# 1. Failed sign-ins spread over both nodes through the front are refused at the same count as on one node alone
#    (the limit is 30: the 31st is refused). The first requests of the run, so the window is fresh.
failed_signins() { # URL → the count of 401s before the first 429 (of at most 31 attempts); the nodes that answered
  local i code n=0
  for i in $(seq 31); do
    code=$(req POST "$1/api/auth/login" -H 'Content-Type: application/json' -d '{"email":"nobody@example.org","password":"a wrong password"}')
    [[ $code == 401 ]] && n=$((n + 1))
    [[ $code == 429 ]] && break
  done
  echo "$n $code"
}
read -r front_401 front_last < <(failed_signins "$FRONT")
nodes=$(grep -F '/api/auth/login' "$STATE/log/nginx-access.log" | grep -o 'upstream=[0-9.:]*' | sort -u | wc -l)
sleep "$(header Retry-After)"   # a fresh window
read -r one_401 one_last < <(failed_signins "$N1")
check "rate limit: through the front (over $nodes nodes) $front_401 failed sign-ins, then $front_last; on one node $one_401, then $one_last" \
  test "$front_401" -eq 30 -a "$front_last" = 429 -a "$one_401" -eq 30 -a "$one_last" = 429 -a "$nodes" -eq 2
sleep "$(header Retry-After)"   # a fresh window for the sign-ins below

# ======================================================================================================================
# 2. Consistency across nodes: a publish through node 1 is served with its new ETag by node 2 at once; a role removed
#    through node 1 is refused by node 2 within a second.
ADMIN=$(login "$ADMIN_EMAIL" "$ADMIN_PASSWORD")
AUTHOR_ID=$(register author@example.org "an author password")
json -o /dev/null -X PUT "$N1/api/admin/users/$AUTHOR_ID/roles" -H "Authorization: Bearer $ADMIN" -d '{"roles":["Author"]}'
AUTHOR=$(login author@example.org "an author password")
doc() { # version title
  jq -n --arg t "$1" '{slug: "faults", title: $t, description: "A roadmap for the fault tests.", sections: [{slug: "basics", title: "Basics",
    topics: [{slug: "a", title: "Topic a", summary: "All about a.", kind: "Core", difficulty: "Beginner", estimatedMinutes: 30}]}]}'
}
json -o /dev/null -X POST "$N1/api/roadmaps" -H "Authorization: Bearer $AUTHOR" -d "$(doc "Faults v1")"
json -o /dev/null -X POST "$N1/api/roadmaps/faults/publish" -H "Authorization: Bearer $AUTHOR"
req GET "$N2/api/roadmaps/faults" >/dev/null; req GET "$N2/api/roadmaps/faults" >/dev/null
old_etag=$(header ETag); old_age=$(header Age)
etag=$(curl -s -D - -o /dev/null "$N1/api/roadmaps/faults/export" -H "Authorization: Bearer $AUTHOR" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
json -o /dev/null -X PUT "$N1/api/roadmaps/faults" -H "Authorization: Bearer $AUTHOR" -H "If-Match: $etag" -d "$(doc "Faults v2")"
json -o /dev/null -X POST "$N1/api/roadmaps/faults/publish" -H "Authorization: Bearer $AUTHOR"
code=$(req GET "$N2/api/roadmaps/faults"); new_etag=$(header ETag); title=$(jq -r .title "$TMP/body")
req GET "$N1/api/roadmaps/faults" >/dev/null; node1_etag=$(header ETag)
check "publish through node 1 (ETag $old_etag, cached on node 2: Age ${old_age:-none}): node 2 serves $code, '$title', ETag $new_etag at once (node 1: $node1_etag)" \
  test "$code" = 200 -a "$title" = "Faults v2" -a "$new_etag" != "$old_etag" -a "$new_etag" = "$node1_etag" -a -n "$old_age"

before=$(req GET "$N2/api/roadmaps/faults/export" -H "Authorization: Bearer $AUTHOR")
json -o /dev/null -X PUT "$N1/api/admin/users/$AUTHOR_ID/roles" -H "Authorization: Bearer $ADMIN" -d '{"roles":[]}'
t0=$(now)
refused() { [[ $(req GET "$N2/api/roadmaps/faults/export" -H "Authorization: Bearer $AUTHOR") == 403 ]]; }
until_ok 1 refused; after=$(req GET "$N2/api/roadmaps/faults/export" -H "Authorization: Bearer $AUTHOR"); took=$(since "$t0")
check "role removed through node 1: node 2 answered $before before, $after after ${took} s (within 1 s)" \
  test "$before" = 200 -a "$after" = 403 -a "$(echo "$took <= 1.2" | bc)" = 1

# A progress write through node 1 is in the listing node 2 kept, within a second (a Redis message drops it there).
register reader@example.org "a reader password" >/dev/null
READER=$(login reader@example.org "a reader password")
listing() { json "$1/api/me/roadmaps/faults/progress" -H "Authorization: Bearer $READER"; }
listing "$N2" >/dev/null; req GET "$N2/api/me/roadmaps/faults/progress" -H "Authorization: Bearer $READER" >/dev/null; kept_age=$(header Age)
json -o /dev/null -X PUT "$N1/api/me/roadmaps/faults/progress/a" -H "Authorization: Bearer $READER" -d '{"status":"Done"}'
t0=$(now)
seen_done() { [[ $(listing "$N2" | jq -r '.topics[0].status') == Done ]]; }
until_ok 1 seen_done; status=$(listing "$N2" | jq -r '.topics[0].status'); took=$(since "$t0")
check "progress written through node 1: node 2's kept listing (Age ${kept_age:-none}) shows $status after ${took} s (within 1 s)" \
  test -n "$kept_age" -a "$status" = Done -a "$(echo "$took <= 1.2" | bc)" = 1

# ======================================================================================================================
# 3. Two nodes, each job once: 1,000 recalculations (one learner each) enqueued through the front, over both nodes.
log "generating $LEARNERS learners"
"$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -v learners="$LEARNERS" "host=127.0.0.1 port=$PGPORT user=postgres dbname=roadmap" \
  -f bench/recalculate/generate.sql >/dev/null
# An Admin recalculates accounts: the first 1,000 generated learners get one, a copy of the author's with its own ids.
sql -c "INSERT INTO users SELECT (jsonb_populate_record(NULL::users, to_jsonb(u) || jsonb_build_object(
    'Id', md5('bench-learner-' || n)::uuid, 'Email', 'bench' || n || '@example.org', 'NormalizedEmail', 'BENCH' || n || '@EXAMPLE.ORG',
    'UserName', 'bench' || n || '@example.org', 'NormalizedUserName', 'BENCH' || n || '@EXAMPLE.ORG', 'DisplayName', 'bench' || n))).*
  FROM users u, generate_series(1, 1000) AS n WHERE u.\"Email\" = 'author@example.org'" >/dev/null
sql -c "SELECT md5('bench-learner-' || n)::uuid FROM generate_series(1, 1000) AS n" >"$TMP/learners"
t0=$(now)
xargs -P 4 -I{} curl -s -m 30 -H 'Content-Type: application/json' -H "Authorization: Bearer $ADMIN" \
  -X POST "$FRONT/api/admin/jobs/recalculate-stats" -d '{"learnerId":"{}"}' -w '\n' <"$TMP/learners" | jq -r '.jobId // empty' >"$TMP/jobs"
enqueued=$(sort -u "$TMP/jobs" | wc -l)
ids="{$(paste -sd, "$TMP/jobs")}"
succeeded() { [[ $(sql -c "SELECT count(*) FROM hangfire.job WHERE id = ANY('$ids'::bigint[]) AND statename = 'Succeeded'") -eq $enqueued ]]; }
until_ok 180 succeeded; took=$(since "$t0")
done_jobs=$(sql -c "SELECT count(*) FROM hangfire.job WHERE id = ANY('$ids'::bigint[]) AND statename = 'Succeeded'")
not_once=$(sql -c "SELECT count(*) FROM (SELECT j.id FROM hangfire.job j LEFT JOIN hangfire.state s ON s.jobid = j.id AND s.name = 'Processing'
  WHERE j.id = ANY('$ids'::bigint[]) GROUP BY j.id HAVING count(s.id) <> 1) x")
servers=$(sql -c "SELECT count(DISTINCT split_part(s.data::jsonb->>'ServerId', ':', 1)) FROM hangfire.state s
  WHERE s.jobid = ANY('$ids'::bigint[]) AND s.name = 'Processing'")
check "1,000 recalculations enqueued ($enqueued jobs): $done_jobs succeeded in ${took} s, run by $servers nodes, $not_once not run exactly once" \
  test "$enqueued" -eq 1000 -a "$done_jobs" -eq 1000 -a "$not_once" -eq 0 -a "$servers" -eq 2

# ======================================================================================================================
# 4. Redis outage: shut down → requests still succeed (per-node cache, local rate limits), readiness Degraded; started
#    again → Healthy.
LEARNER_EMAIL=learner@example.org
register "$LEARNER_EMAIL" "a learner password" >/dev/null
LEARNER=$(login "$LEARNER_EMAIL" "a learner password")
json -o /dev/null -X POST "$FRONT/api/me/enrollments" -H "Authorization: Bearer $LEARNER" -d '{"roadmap":"backend-developer"}'
TOPIC=$(json "$FRONT/api/me/roadmaps/backend-developer/progress" -H "Authorization: Bearer $LEARNER" | jq -r '.topics[0].topic')
redis-cli -h 127.0.0.1 -p "$REDISPORT" shutdown nosave >/dev/null 2>&1
: >"$TMP/redis-codes"
for i in $(seq 20); do
  req GET "$FRONT/api/roadmaps/backend-developer" >>"$TMP/redis-codes"; echo >>"$TMP/redis-codes"
  req GET "$FRONT/api/roadmaps/backend-developer" -H "Authorization: Bearer $LEARNER" >>"$TMP/redis-codes"; echo >>"$TMP/redis-codes"
  status=$([[ $((i % 2)) -eq 0 ]] && echo Done || echo InProgress)
  req PUT "$FRONT/api/me/roadmaps/backend-developer/progress/$TOPIC" -H "Authorization: Bearer $LEARNER" \
    -H 'Content-Type: application/json' -d "{\"status\":\"$status\"}" >>"$TMP/redis-codes"; echo >>"$TMP/redis-codes"
done
req POST "$FRONT/api/auth/login" -H 'Content-Type: application/json' -d '{"email":"nobody@example.org","password":"a wrong password"}' >>"$TMP/redis-codes"; echo >>"$TMP/redis-codes"
r1=$(curl -s "$N1/health/ready" | jq -r '.checks[] | select(.name == "redis") | .status')
r2=$(curl -s "$N2/health/ready" | jq -r '.checks[] | select(.name == "redis") | .status')
ready_codes="$(curl -s -o /dev/null -w '%{http_code}' "$N1/health/ready") $(curl -s -o /dev/null -w '%{http_code}' "$N2/health/ready")"
others=$(grep -cvE '^(200|401)$' "$TMP/redis-codes")
check "Redis down: $(grep -c . "$TMP/redis-codes") requests through the front, $others not 200/401; readiness $ready_codes, redis $r1/$r2" \
  test "$others" -eq 0 -a "$ready_codes" = "200 200" -a "$r1" = Degraded -a "$r2" = Degraded
redis-server --port "$REDISPORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
  --dir "$STATE/redis" --logfile "$STATE/log/redis.log" --pidfile "$RUN/redis.pid" >/dev/null
healthy() { [[ $(curl -s "$1/health/ready" | jq -r '.checks[] | select(.name == "redis") | .status') == Healthy ]]; }
t0=$(now); until_ok 60 healthy "$N1"; until_ok 60 healthy "$N2"; took=$(since "$t0")
check "Redis back: both nodes report it Healthy after ${took} s" bash -c "$(declare -f healthy); healthy $N1 && healthy $N2"

# ======================================================================================================================
# 5. Database outage under load: PostgreSQL stopped while a learner writes through the front and a recalculation of
#    every learner runs; both nodes 503 on readiness, requests 503 problems with Retry-After, never 500; started again →
#    both serve without a restart, no acknowledged write lost, every pending mark processed.
writer() { # alternates the topic's status; one line per request: code version
  local i=0 code
  while [[ ! -f $TMP/stop ]]; do
    i=$((i + 1))
    code=$(curl -s -m 10 -o "$TMP/w.body" -w '%{http_code}' -X PUT "$FRONT/api/me/roadmaps/backend-developer/progress/$TOPIC" \
      -H "Authorization: Bearer $LEARNER" -H 'Content-Type: application/json' \
      -d "{\"status\":\"$([[ $((i % 2)) -eq 0 ]] && echo Done || echo InProgress)\"}")
    echo "$code $( [[ $code == 200 ]] && jq -r .version "$TMP/w.body")" >>"$TMP/writes"
    curl -s -m 10 -o /dev/null -w '%{http_code}\n' "$FRONT/api/me/roadmaps/backend-developer/progress" -H "Authorization: Bearer $LEARNER" >>"$TMP/reads"
  done
}
: >"$TMP/writes"; : >"$TMP/reads"
writer & WRITER=$!
sql -c 'DELETE FROM learner_roadmap_stats' >/dev/null
json -o /dev/null -X POST "$FRONT/api/admin/jobs/recalculate-stats" -H "Authorization: Bearer $ADMIN"
has_marks() { [[ $(marks) -gt 0 ]]; }
until_ok 30 has_marks
sleep 1
pending_at_stop=$(marks)
as_pg "$PGBIN/pg_ctl" -D "$STATE/pg/data" -m fast -w stop >/dev/null
t_stop=$(now)
sleep 2
ready_down="$(curl -s -o /dev/null -w '%{http_code}' "$N1/health/ready") $(curl -s -o /dev/null -w '%{http_code}' "$N2/health/ready")"
# A read that needs the database (the progress listing a node keeps may still be served from its memory).
code=$(req GET "$FRONT/api/me/roadmaps/backend-developer/events" -H "Authorization: Bearer $LEARNER")
problem="$code $(header Retry-After) $(header Content-Type | cut -d';' -f1) $(jq -r .code "$TMP/body" 2>/dev/null)"
anonymous=$(req GET "$FRONT/api/roadmaps?page=2")
sleep 5
as_pg "$PGBIN/pg_ctl" -D "$STATE/pg/data" -l "$STATE/pg/postgres.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $STATE/pg/sock" start >/dev/null
head -1 "$STATE/pg/data/postmaster.pid" >"$RUN/postgres.pid"
outage=$(since "$t_stop")
t0=$(now); t_restart=$t0
until_ok 60 status_is 200 "$N1/health/ready"; until_ok 60 status_is 200 "$N2/health/ready"; back=$(since "$t0")
sleep 3; touch "$TMP/stop"; wait "$WRITER"; WRITER=""
check "PostgreSQL stopped: readiness $ready_down on the nodes" test "$ready_down" = "503 503"
check "PostgreSQL stopped: a signed-in read answers '$problem', an anonymous list $anonymous" \
  test "$problem" = "503 5 application/problem+json database_unavailable" -a "$anonymous" = 503
write_codes=$(cut -d' ' -f1 "$TMP/writes" | sort | uniq -c | tr -s ' ' | paste -sd,)
read_codes=$(sort "$TMP/reads" | uniq -c | tr -s ' ' | paste -sd,)
bad=$(cat <(cut -d' ' -f1 "$TMP/writes") "$TMP/reads" | grep -cvE '^(200|503)$')
check "under load through the outage (${outage} s): writes [$write_codes], reads [$read_codes]: only 200 and 503" test "$bad" -eq 0
check "PostgreSQL started again: both nodes ready ${back} s later, without a restart" test -n "$back"
acknowledged=$(awk '$1 == 200 {print $2}' "$TMP/writes" | sort -n | uniq | wc -l)
last_ack=$(awk '$1 == 200 {print $2}' "$TMP/writes" | sort -n | tail -1)
stored=$(sql -c "SELECT p.\"Version\" FROM topic_progress p JOIN users u ON u.\"Id\" = p.\"LearnerId\" JOIN topics t ON t.\"Id\" = p.\"TopicId\"
  WHERE u.\"Email\" = '$LEARNER_EMAIL' AND t.\"Slug\" = '$TOPIC'" 2>&1)
events=$(sql -c "SELECT count(*) FROM progress_events e JOIN users u ON u.\"Id\" = e.\"LearnerId\" WHERE u.\"Email\" = '$LEARNER_EMAIL' AND e.\"TopicSlug\" = '$TOPIC'" 2>&1)
check "no acknowledged write lost: $acknowledged acknowledged versions up to $last_ack, stored version $stored, $events events" \
  test "${stored:-0}" -ge "${last_ack:-1}" -a "${events:-0}" -ge "$acknowledged"
no_marks() { [[ $(marks) -eq 0 ]]; }
until_ok 180 no_marks; took=$(since "$t_restart")
wrong=$(mismatches)
check "pending marks processed after the outage: $pending_at_stop pending at the stop, $(marks) left ${took} s after PostgreSQL restarted; $wrong learners' stats differ from a recount" \
  test "$(marks)" -eq 0 -a "$wrong" -eq 0

# ======================================================================================================================
# 6. A node killed (SIGKILL) while a full recalculation runs: the other node finishes it; every learner's stats equal
#    a recount; no mark lost.
sql -c 'DELETE FROM learner_roadmap_stats' >/dev/null
json -o /dev/null -X POST "$FRONT/api/admin/jobs/recalculate-stats" -H "Authorization: Bearer $ADMIN"
draining() { # the server id running the drain, once some rounds are done
  local server
  server=$(sql -c "SELECT s.data::jsonb->>'ServerId' FROM hangfire.job j JOIN hangfire.state s ON s.id = j.stateid
    WHERE j.statename = 'Processing' AND j.invocationdata::text LIKE '%RunInTurnAsync%' ORDER BY j.id DESC LIMIT 1")
  [[ -n $server && $(marks) -gt 0 && $(marks) -lt $((LEARNERS * 9 / 10)) ]] && echo "$server" >"$TMP/server"
}
until_ok 120 draining
server=$(cat "$TMP/server" 2>/dev/null)
pid=$(cut -d: -f2 <<<"$server")
victim=""; for n in node1 node2; do [[ $(head -1 "$RUN/$n.pid") == "$pid" ]] && victim=$n; done
if [[ -z $victim ]]; then
  fail "node killed mid-job: no drain seen running on a node (server '$server')"
else
  left_at_kill=$(marks)
  kill -KILL "$pid"; t_kill=$(now)
  log "killed $victim (pid $pid) with $left_at_kill marks left"
  until_ok 300 no_marks; took=$(since "$t_kill")
  wrong=$(mismatches)
  check "$victim killed with $left_at_kill of $LEARNERS marks left: $(marks) left ${took} s later; $wrong learners' stats differ from a recount" \
    test "$(marks)" -eq 0 -a "$wrong" -eq 0
  finisher=$(sql -c "SELECT split_part(s.data::jsonb->>'ServerId', ':', 2) FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid
    WHERE j.invocationdata::text LIKE '%RecalculatePendingStatsJob%' AND s.name = 'Processing' ORDER BY s.id DESC LIMIT 1")
  check "the other node finished it (last drain ran in pid $finisher, killed $pid)" test -n "$finisher" -a "$finisher" != "$pid"
  served=$(curl -s -o /dev/null -w '%{http_code}' "$FRONT/api/roadmaps/backend-developer")
  check "the front still serves with one node dead: $served" test "$served" = 200

  # `up` again starts what is not running, on the port it had, and leaves the rest alone.
  port=$(cat "$RUN/$victim.port"); others="$(head -1 "$RUN/postgres.pid") $(head -1 "$RUN/redis.pid")"
  survivor=node1; [[ $victim == node1 ]] && survivor=node2; survivor_pid=$(head -1 "$RUN/$survivor.pid")
  bash deploy/cluster.sh up >"$TMP/up2.out" 2>"$TMP/up2.err"; up_rc=$?
  back=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")
  check "up after the kill (exit $up_rc): $victim ready again on its port $port ($back), $survivor and the stores untouched, front $(cat "$TMP/up2.out")" \
    test "$up_rc" -eq 0 -a "$back" = 200 -a "$(cat "$RUN/$victim.port")" = "$port" -a "$(head -1 "$RUN/$survivor.pid")" = "$survivor_pid" \
      -a "$(head -1 "$RUN/postgres.pid") $(head -1 "$RUN/redis.pid")" = "$others" -a "$(cat "$TMP/up2.out")" = "$FRONT"
fi

summary_printed=1
echo "cluster: $PASSED passed, $FAILED failed, $SKIPPED skipped"
(( FAILED == 0 ))
