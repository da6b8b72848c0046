-- pgbench script for bench/progress.sh: the rows one progress write of the service changes, written by PostgreSQL
-- alone in one statement (one round trip, committed on its own): the learner's topic upserted with a new version and
-- status, an event appended, a stats mark added, the enrollment's last activity moved. It checks nothing the service
-- checks (the roadmap, the topic, If-Match, a change that changes nothing), so it is a ceiling for any write path on
-- this server, not a rival implementation. bench_pairs (n, learner, roadmap, topic, slug) is made by the benchmark.
\set n random(1, :pairs)
WITH pair AS (SELECT learner, roadmap, topic, slug FROM bench_pairs WHERE n = :n),
old AS (
  SELECT p."Status" FROM topic_progress p, pair WHERE p."LearnerId" = pair.learner AND p."TopicId" = pair.topic FOR UPDATE
),
up AS (
  INSERT INTO topic_progress AS p ("Id", "LearnerId", "RoadmapId", "TopicId", "Status", "Note", "UpdatedAt", "Version")
  SELECT gen_random_uuid(), learner, roadmap, topic, 'Done', 'bench', now(), 1 FROM pair
  ON CONFLICT ("LearnerId", "TopicId") DO UPDATE
    SET "Status" = CASE p."Status" WHEN 'Done' THEN 'InProgress' ELSE 'Done' END, "UpdatedAt" = now(), "Version" = p."Version" + 1
  RETURNING p."Status", p."Version"
),
event AS (
  INSERT INTO progress_events ("LearnerId", "RoadmapId", "TopicId", "TopicSlug", "From", "To", "OccurredAt")
  SELECT learner, roadmap, topic, slug, coalesce((SELECT "Status" FROM old), 'NotStarted'), (SELECT "Status" FROM up), now()
  FROM pair
  RETURNING "EventId"
),
mark AS (
  INSERT INTO stats_marks ("Id", "LearnerId", "RoadmapId", "MarkedAt") SELECT gen_random_uuid(), learner, roadmap, now() FROM pair
),
activity AS (
  UPDATE enrollments e SET "LastActivityAt" = now() FROM pair WHERE e."LearnerId" = pair.learner AND e."RoadmapId" = pair.roadmap
)
SELECT (SELECT "EventId" FROM event), (SELECT "Version" FROM up);
