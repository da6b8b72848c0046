-- The floor: one set-based statement computing every enrolled learner's counts (done, skipped, in progress,
-- minutes remaining) over the live topics, kept in a table so nothing goes to the client.
\set ON_ERROR_STOP on
\timing on
CREATE TEMP TABLE floor_counts AS
WITH live AS (
  SELECT t."Id", t."EstimatedMinutes", r."Id" AS roadmap
  FROM topics t JOIN sections s ON s."Id" = t."SectionId" JOIN roadmaps r ON r."Id" = t."RoadmapId"
  WHERE r."Slug" = 'backend-developer' AND t."RetiredAt" IS NULL AND s."RetiredAt" IS NULL
)
SELECT e."LearnerId",
       count(*) FILTER (WHERE p."Status" = 'Done') AS done,
       count(*) FILTER (WHERE p."Status" = 'Skipped') AS skipped,
       count(*) FILTER (WHERE p."Status" = 'InProgress') AS in_progress,
       (SELECT sum("EstimatedMinutes") FROM live) - coalesce(sum(l."EstimatedMinutes") FILTER (WHERE p."Status" IN ('Done', 'Skipped')), 0) AS minutes_remaining
FROM enrollments e
LEFT JOIN (topic_progress p JOIN live l ON l."Id" = p."TopicId") ON p."LearnerId" = e."LearnerId" AND p."RoadmapId" = e."RoadmapId"
WHERE e."LeftAt" IS NULL AND e."RoadmapId" = (SELECT roadmap FROM live LIMIT 1)
GROUP BY e."LearnerId";
