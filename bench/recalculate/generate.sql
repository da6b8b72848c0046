-- bench/recalculate.sh: :learners learners following the Backend Developer roadmap, each with progress on the first
-- 10-49 live topics in roadmap order and the events that led there (about 54 per learner: ~1M for 20,000), spread
-- over the last 120 days. Progress and events agree (a topic's status is where its last event moved it).
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE bench_topics AS
SELECT t."Id" AS id, t."Slug" AS slug, row_number() OVER (ORDER BY s."Order", t."Order") AS n, r."Id" AS roadmap
FROM topics t JOIN sections s ON s."Id" = t."SectionId" JOIN roadmaps r ON r."Id" = t."RoadmapId"
WHERE r."Slug" = 'backend-developer' AND t."RetiredAt" IS NULL AND s."RetiredAt" IS NULL;

CREATE TEMP TABLE bench_learners AS
SELECT md5('bench-learner-' || n)::uuid AS id, n FROM generate_series(1, :learners) AS n;

INSERT INTO enrollments ("Id", "LearnerId", "RoadmapId", "EnrolledAt", "LeftAt", "LastActivityAt")
SELECT md5('bench-enrollment-' || l.n)::uuid, l.id, (SELECT roadmap FROM bench_topics LIMIT 1), now() - interval '130 days', NULL, now()
FROM bench_learners l;

-- Each touched topic: InProgress on its day; then Done (7 in 10), Skipped (1 in 10) or still InProgress (2 in 10).
CREATE TEMP TABLE bench_touched AS
SELECT l.id AS learner, t.id AS topic, t.slug, t.roadmap, t.n,
       now() - interval '120 days' + (l.n % 30) * interval '1 day' + t.n * interval '22 hours' + (l.n % 24) * interval '1 hour' AS started,
       CASE WHEN (l.n + t.n) % 10 < 7 THEN 'Done' WHEN (l.n + t.n) % 10 = 7 THEN 'Skipped' ELSE 'InProgress' END AS status
FROM bench_learners l JOIN bench_topics t ON t.n <= 10 + (l.n * 37) % 40;

INSERT INTO progress_events ("LearnerId", "RoadmapId", "TopicId", "TopicSlug", "From", "To", "OccurredAt")
SELECT learner, roadmap, topic, slug, "From", "To", at FROM (
  SELECT learner, roadmap, topic, slug, 'NotStarted' AS "From", 'InProgress' AS "To", started AS at FROM bench_touched
  UNION ALL
  SELECT learner, roadmap, topic, slug, 'InProgress', status, started + interval '3 hours' FROM bench_touched WHERE status <> 'InProgress'
) e ORDER BY at;

INSERT INTO topic_progress ("Id", "LearnerId", "RoadmapId", "TopicId", "Status", "Note", "UpdatedAt", "Version")
SELECT md5(learner::text || topic::text)::uuid, learner, roadmap, topic, status, NULL,
       CASE WHEN status = 'InProgress' THEN started ELSE started + interval '3 hours' END,
       CASE WHEN status = 'InProgress' THEN 1 ELSE 2 END
FROM bench_touched;
COMMIT;
VACUUM ANALYZE;   -- as autovacuum would soon: marks the pages all-visible, so covering indexes are read alone
SELECT (SELECT count(*) FROM enrollments) AS enrollments, (SELECT count(*) FROM topic_progress) AS progress,
       (SELECT count(*) FROM progress_events) AS events;
