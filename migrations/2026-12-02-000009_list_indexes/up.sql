-- Indexes the list queries' plans asked for (issue 17), measured with EXPLAIN (ANALYZE, BUFFERS)
-- on the provincial-scale demo data (seed-demo --scale 54: 101,827 projects, 101,824 reports,
-- 305,481 spending records). Each serves a filter that otherwise read the whole table to return
-- one page. The three scope indexes are on columns a row never changes after it is inserted, so
-- they cost an index entry at INSERT and do not stop updates from being HOT; the status index
-- only holds projects that are not active.

-- A department officer's scope on projects (`region_id = $1 AND department_path LIKE 'KJ/%'`):
-- the project list read every project of the officer's region (3,084 rows for Jinan's science
-- bureau, up to 12 ms with a 116,000-row join filter) instead of the bureau's 228.
CREATE INDEX IF NOT EXISTS projects_department_scope_idx
    ON projects (region_id, department_path text_pattern_ops);

-- `status=suspended|stopped|completed` on the project list: a sequential scan of all projects
-- (50-90 ms) to find a handful. Only rows that are not active are indexed, so the common case
-- (new and running projects) adds nothing to it.
CREATE INDEX IF NOT EXISTS projects_inactive_status_idx
    ON projects (status) WHERE status <> 'active';

-- A department officer's reports of a round (the same scope on reports, beside `round_id`): the
-- report list scanned all 101,824 reports of the round (60-110 ms; 1.5-2.2 s as a generic plan)
-- for the bureau's 228.
CREATE INDEX IF NOT EXISTS reports_department_scope_idx
    ON reports (round_id, region_id, department_path text_pattern_ops);

-- A department officer's spending records (the same scope on execution_records): a parallel
-- sequential scan of every record (40-80 ms) for the bureau's 684.
CREATE INDEX IF NOT EXISTS execution_records_department_scope_idx
    ON execution_records (region_id, department_path text_pattern_ops);
