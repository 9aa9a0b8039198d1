-- Statistics kept at write time (issue 16). Every statistic the service publishes is summed from
-- `stat_rollups`: one row per department, fiscal year and round (plus one row per department and
-- year for the whole year, `round_key` = the nil uuid). Regions and the province are summed from
-- these rows at read time, so a statistic reads about (departments x rounds) rows whatever the
-- number of projects, and writers of different departments never touch the same row.
--
-- How the rows stay true: statement triggers on every table a statistic reads note the
-- (department, year) a statement touched in `stat_rollup_pending`; a deferred constraint trigger
-- recomputes those departments' rows from the raw rows at COMMIT, in the writing transaction.
-- No write path can forget it (a manual SQL fix included), and a (department, year) is recomputed
-- once per transaction however many of its rows the transaction changed.
-- `budget-monitor verify-rollups` compares the stored rows with `stat_rollup_rows` (the same
-- computation) and repairs differences.

CREATE TABLE stat_rollups (
    department_id            UUID NOT NULL REFERENCES departments (id) ON DELETE CASCADE,
    fiscal_year              SMALLINT NOT NULL,
    -- The round, or the nil uuid for the whole year.
    round_key                UUID NOT NULL,
    region_id                UUID NOT NULL,
    region_path              TEXT NOT NULL,
    department_path          TEXT NOT NULL,
    reports                  INTEGER NOT NULL,
    status_draft             INTEGER NOT NULL,
    status_submitted         INTEGER NOT NULL,
    status_returned          INTEGER NOT NULL,
    status_approved          INTEGER NOT NULL,
    late                     INTEGER NOT NULL,
    -- Drafts and returned reports; "missing" once the round's due date has passed (read time).
    unsubmitted              INTEGER NOT NULL,
    system_filled            BIGINT NOT NULL,
    indicator_fields         BIGINT NOT NULL,
    projects                 INTEGER NOT NULL,
    projects_funds           NUMERIC NOT NULL,
    key_projects             INTEGER NOT NULL,
    key_funds                NUMERIC NOT NULL,
    inspections              INTEGER NOT NULL,
    overall_red              INTEGER NOT NULL,
    overall_yellow           INTEGER NOT NULL,
    overall_green            INTEGER NOT NULL,
    overall_blue             INTEGER NOT NULL,
    overall_none             INTEGER NOT NULL,
    budget_red               INTEGER NOT NULL,
    budget_yellow            INTEGER NOT NULL,
    budget_green             INTEGER NOT NULL,
    budget_blue              INTEGER NOT NULL,
    budget_none              INTEGER NOT NULL,
    output_red               INTEGER NOT NULL,
    output_yellow            INTEGER NOT NULL,
    output_green             INTEGER NOT NULL,
    output_blue              INTEGER NOT NULL,
    output_none              INTEGER NOT NULL,
    effect_red               INTEGER NOT NULL,
    effect_yellow            INTEGER NOT NULL,
    effect_green             INTEGER NOT NULL,
    effect_blue              INTEGER NOT NULL,
    effect_none              INTEGER NOT NULL,
    satisfaction_red         INTEGER NOT NULL,
    satisfaction_yellow      INTEGER NOT NULL,
    satisfaction_green       INTEGER NOT NULL,
    satisfaction_blue        INTEGER NOT NULL,
    satisfaction_none        INTEGER NOT NULL,
    f_slow_progress          INTEGER NOT NULL,
    f_slow_progress_amount   NUMERIC NOT NULL,
    f_unreasonable_targets   INTEGER NOT NULL,
    f_unreasonable_targets_amount NUMERIC NOT NULL,
    f_non_standard_management INTEGER NOT NULL,
    f_non_standard_management_amount NUMERIC NOT NULL,
    f_unclear_objectives     INTEGER NOT NULL,
    f_unclear_objectives_amount NUMERIC NOT NULL,
    f_idle_funds             INTEGER NOT NULL,
    f_idle_funds_amount      NUMERIC NOT NULL,
    f_other                  INTEGER NOT NULL,
    f_other_amount           NUMERIC NOT NULL,
    opinions                 INTEGER NOT NULL,
    suggestions              INTEGER NOT NULL,
    policy_revisions         INTEGER NOT NULL,
    rectifications_accepted  INTEGER NOT NULL,
    -- Fund adjustments do not belong to a round: only the whole-year row carries them.
    a_reduce                 INTEGER NOT NULL,
    a_reduce_amount          NUMERIC NOT NULL,
    a_recover                INTEGER NOT NULL,
    a_recover_amount         NUMERIC NOT NULL,
    a_reallocate             INTEGER NOT NULL,
    a_reallocate_amount      NUMERIC NOT NULL,
    a_suspend                INTEGER NOT NULL,
    a_suspend_amount         NUMERIC NOT NULL,
    a_stop                   INTEGER NOT NULL,
    a_stop_amount            NUMERIC NOT NULL,
    a_increase               INTEGER NOT NULL,
    a_increase_amount        NUMERIC NOT NULL,
    -- The trend's sums over the reports.
    adjusted_budget          NUMERIC NOT NULL,
    executed_amount          NUMERIC NOT NULL,
    -- The ranking's inputs: reports on time and never returned, and the budget-weighted sum of
    -- the project totals with the budget it is weighted by.
    good_reports             INTEGER NOT NULL,
    scored_weighted          NUMERIC NOT NULL,
    scored_budget            NUMERIC NOT NULL,
    PRIMARY KEY (department_id, fiscal_year, round_key)
);

CREATE INDEX stat_rollups_scope_idx
    ON stat_rollups (fiscal_year, round_key, region_path text_pattern_ops);

-- Open rectifications by deadline, so "overdue" is counted against today's date at read time.
CREATE TABLE stat_rectification_rollups (
    department_id    UUID NOT NULL REFERENCES departments (id) ON DELETE CASCADE,
    fiscal_year      SMALLINT NOT NULL,
    round_key        UUID NOT NULL,
    deadline         DATE NOT NULL,
    region_id        UUID NOT NULL,
    region_path      TEXT NOT NULL,
    department_path  TEXT NOT NULL,
    open             INTEGER NOT NULL,
    PRIMARY KEY (department_id, fiscal_year, round_key, deadline)
);

CREATE INDEX stat_rectification_rollups_scope_idx
    ON stat_rectification_rollups (fiscal_year, round_key, region_path text_pattern_ops);

-- What a transaction has touched. Rows live only inside their transaction (deleted at COMMIT by
-- the flush), keyed by the transaction so concurrent writers never wait on each other here.
CREATE UNLOGGED TABLE stat_rollup_pending (
    txid           BIGINT NOT NULL,
    department_id  UUID NOT NULL,
    fiscal_year    SMALLINT NOT NULL,
    PRIMARY KEY (txid, department_id, fiscal_year)
);

-- The rows a department's year should have, from the raw rows. Secret-related projects (their
-- own flag or their department's) count nowhere.
CREATE FUNCTION stat_rollup_rows(p_department UUID, p_year SMALLINT)
RETURNS SETOF stat_rollups LANGUAGE sql STABLE AS $$
WITH d AS (
    SELECT id, region_id, region_path, path FROM departments
     WHERE id = p_department AND NOT classified
),
sp AS (
    SELECT p.id, p.initial_budget, p.key_monitoring
      FROM projects p JOIN d ON d.id = p.department_id
     WHERE p.fiscal_year = p_year AND NOT p.classified
),
rr AS (
    SELECT r.id, r.project_id, r.round_id, r.status, r.late, r.system_filled,
           r.adjusted_budget, r.executed_amount,
           EXISTS (SELECT 1 FROM report_transitions t
                    WHERE t.report_id = r.id AND t.report_kind = 'project'
                      AND t.to_status = 'returned') AS ever_returned
      FROM reports r
      JOIN sp ON sp.id = r.project_id
      JOIN rounds ro ON ro.id = r.round_id
     WHERE ro.fiscal_year = p_year
),
ins AS (
    SELECT i.id, i.round_id FROM inspections i JOIN sp ON sp.id = i.project_id
),
keys AS (
    SELECT '00000000-0000-0000-0000-000000000000'::uuid AS round_key
     WHERE EXISTS (SELECT 1 FROM sp)
    UNION SELECT round_id FROM rr
    UNION SELECT round_id FROM ins WHERE round_id IS NOT NULL
)
SELECT p_department, p_year, k.round_key, d.region_id, d.region_path, d.path,
       r.reports, r.status_draft, r.status_submitted, r.status_returned, r.status_approved,
       r.late, r.unsubmitted, r.system_filled, ri.indicator_fields,
       pr.projects, pr.projects_funds, kp.key_projects, kp.key_funds, ic.inspections,
       l.overall_red, l.overall_yellow, l.overall_green, l.overall_blue, l.overall_none,
       l.budget_red, l.budget_yellow, l.budget_green, l.budget_blue, l.budget_none,
       l.output_red, l.output_yellow, l.output_green, l.output_blue, l.output_none,
       l.effect_red, l.effect_yellow, l.effect_green, l.effect_blue, l.effect_none,
       l.satisfaction_red, l.satisfaction_yellow, l.satisfaction_green, l.satisfaction_blue,
       l.satisfaction_none,
       f.slow_progress, f.slow_progress_amount, f.unreasonable_targets,
       f.unreasonable_targets_amount, f.non_standard_management, f.non_standard_management_amount,
       f.unclear_objectives, f.unclear_objectives_amount, f.idle_funds, f.idle_funds_amount,
       f.other, f.other_amount,
       o.opinions, o.suggestions, o.policy_revisions, rc.accepted,
       a.reduce, a.reduce_amount, a.recover, a.recover_amount, a.reallocate, a.reallocate_amount,
       a.suspend, a.suspend_amount, a.stop, a.stop_amount, a.increase, a.increase_amount,
       r.adjusted_budget, r.executed_amount, r.good_reports, sc.scored_weighted, sc.scored_budget
  FROM keys k
 CROSS JOIN d
 CROSS JOIN LATERAL (
    SELECT count(*)::int AS reports,
           count(*) FILTER (WHERE status NOT IN ('submitted', 'returned', 'approved'))::int AS status_draft,
           count(*) FILTER (WHERE status = 'submitted')::int AS status_submitted,
           count(*) FILTER (WHERE status = 'returned')::int AS status_returned,
           count(*) FILTER (WHERE status = 'approved')::int AS status_approved,
           count(*) FILTER (WHERE late)::int AS late,
           count(*) FILTER (WHERE status IN ('draft', 'returned'))::int AS unsubmitted,
           coalesce(sum(cardinality(system_filled)), 0)::bigint AS system_filled,
           coalesce(sum(adjusted_budget), 0) AS adjusted_budget,
           coalesce(sum(executed_amount), 0) AS executed_amount,
           count(*) FILTER (WHERE status IN ('submitted', 'approved') AND NOT late
                              AND NOT ever_returned)::int AS good_reports
      FROM rr WHERE k.round_key = '00000000-0000-0000-0000-000000000000' OR rr.round_id = k.round_key
 ) r
 CROSS JOIN LATERAL (
    SELECT coalesce(count(*) * 7 - count(*) FILTER (WHERE ri.comparator = 'qualitative'), 0)::bigint
               AS indicator_fields
      FROM rr JOIN report_indicators ri ON ri.report_id = rr.id
     WHERE k.round_key = '00000000-0000-0000-0000-000000000000' OR rr.round_id = k.round_key
 ) ri
 CROSS JOIN LATERAL (
    SELECT count(*)::int AS projects, coalesce(sum(sp.initial_budget), 0) AS projects_funds
      FROM sp WHERE EXISTS (
          SELECT 1 FROM rr WHERE rr.project_id = sp.id
             AND (k.round_key = '00000000-0000-0000-0000-000000000000' OR rr.round_id = k.round_key))
 ) pr
 CROSS JOIN LATERAL (
    SELECT count(*)::int AS key_projects, coalesce(sum(sp.initial_budget), 0) AS key_funds
      FROM sp WHERE sp.key_monitoring
       AND (k.round_key = '00000000-0000-0000-0000-000000000000' OR EXISTS (
            SELECT 1 FROM rr WHERE rr.project_id = sp.id AND rr.round_id = k.round_key))
 ) kp
 CROSS JOIN LATERAL (
    SELECT count(*)::int AS inspections FROM ins
     WHERE k.round_key = '00000000-0000-0000-0000-000000000000' OR ins.round_id = k.round_key
 ) ic
 CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE e.light_overall = 'red')::int AS overall_red,
           count(*) FILTER (WHERE e.light_overall = 'yellow')::int AS overall_yellow,
           count(*) FILTER (WHERE e.light_overall = 'green')::int AS overall_green,
           count(*) FILTER (WHERE e.light_overall = 'blue')::int AS overall_blue,
           count(*) FILTER (WHERE e.light_overall NOT IN ('red', 'yellow', 'green', 'blue'))::int AS overall_none,
           count(*) FILTER (WHERE e.light_budget = 'red')::int AS budget_red,
           count(*) FILTER (WHERE e.light_budget = 'yellow')::int AS budget_yellow,
           count(*) FILTER (WHERE e.light_budget = 'green')::int AS budget_green,
           count(*) FILTER (WHERE e.light_budget = 'blue')::int AS budget_blue,
           count(*) FILTER (WHERE e.light_budget NOT IN ('red', 'yellow', 'green', 'blue'))::int AS budget_none,
           count(*) FILTER (WHERE e.light_output = 'red')::int AS output_red,
           count(*) FILTER (WHERE e.light_output = 'yellow')::int AS output_yellow,
           count(*) FILTER (WHERE e.light_output = 'green')::int AS output_green,
           count(*) FILTER (WHERE e.light_output = 'blue')::int AS output_blue,
           count(*) FILTER (WHERE e.light_output NOT IN ('red', 'yellow', 'green', 'blue'))::int AS output_none,
           count(*) FILTER (WHERE e.light_effect = 'red')::int AS effect_red,
           count(*) FILTER (WHERE e.light_effect = 'yellow')::int AS effect_yellow,
           count(*) FILTER (WHERE e.light_effect = 'green')::int AS effect_green,
           count(*) FILTER (WHERE e.light_effect = 'blue')::int AS effect_blue,
           count(*) FILTER (WHERE e.light_effect NOT IN ('red', 'yellow', 'green', 'blue'))::int AS effect_none,
           count(*) FILTER (WHERE e.light_satisfaction = 'red')::int AS satisfaction_red,
           count(*) FILTER (WHERE e.light_satisfaction = 'yellow')::int AS satisfaction_yellow,
           count(*) FILTER (WHERE e.light_satisfaction = 'green')::int AS satisfaction_green,
           count(*) FILTER (WHERE e.light_satisfaction = 'blue')::int AS satisfaction_blue,
           count(*) FILTER (WHERE e.light_satisfaction NOT IN ('red', 'yellow', 'green', 'blue'))::int AS satisfaction_none
      FROM rr JOIN report_evaluations e ON e.report_id = rr.id
     WHERE k.round_key = '00000000-0000-0000-0000-000000000000' OR rr.round_id = k.round_key
 ) l
 CROSS JOIN LATERAL (
    SELECT coalesce(sum(e.score_total * rr.adjusted_budget), 0) AS scored_weighted,
           coalesce(sum(rr.adjusted_budget), 0) AS scored_budget
      FROM rr JOIN report_evaluations e ON e.report_id = rr.id
     WHERE e.score_total IS NOT NULL
       AND (k.round_key = '00000000-0000-0000-0000-000000000000' OR rr.round_id = k.round_key)
 ) sc
 CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE fi.category = 'slow_progress')::int AS slow_progress,
           coalesce(sum(fi.amount) FILTER (WHERE fi.category = 'slow_progress'), 0) AS slow_progress_amount,
           count(*) FILTER (WHERE fi.category = 'unreasonable_targets')::int AS unreasonable_targets,
           coalesce(sum(fi.amount) FILTER (WHERE fi.category = 'unreasonable_targets'), 0) AS unreasonable_targets_amount,
           count(*) FILTER (WHERE fi.category = 'non_standard_management')::int AS non_standard_management,
           coalesce(sum(fi.amount) FILTER (WHERE fi.category = 'non_standard_management'), 0) AS non_standard_management_amount,
           count(*) FILTER (WHERE fi.category = 'unclear_objectives')::int AS unclear_objectives,
           coalesce(sum(fi.amount) FILTER (WHERE fi.category = 'unclear_objectives'), 0) AS unclear_objectives_amount,
           count(*) FILTER (WHERE fi.category = 'idle_funds')::int AS idle_funds,
           coalesce(sum(fi.amount) FILTER (WHERE fi.category = 'idle_funds'), 0) AS idle_funds_amount,
           count(*) FILTER (WHERE fi.category NOT IN ('slow_progress', 'unreasonable_targets',
               'non_standard_management', 'unclear_objectives', 'idle_funds'))::int AS other,
           coalesce(sum(fi.amount) FILTER (WHERE fi.category NOT IN ('slow_progress',
               'unreasonable_targets', 'non_standard_management', 'unclear_objectives',
               'idle_funds')), 0) AS other_amount
      FROM ins JOIN findings fi ON fi.inspection_id = ins.id
     WHERE k.round_key = '00000000-0000-0000-0000-000000000000' OR ins.round_id = k.round_key
 ) f
 CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE op.kind = 'opinion')::int AS opinions,
           count(*) FILTER (WHERE op.kind = 'suggestion')::int AS suggestions,
           count(*) FILTER (WHERE op.kind NOT IN ('opinion', 'suggestion'))::int AS policy_revisions
      FROM ins JOIN inspection_opinions op ON op.inspection_id = ins.id
     WHERE k.round_key = '00000000-0000-0000-0000-000000000000' OR ins.round_id = k.round_key
 ) o
 CROSS JOIN LATERAL (
    SELECT count(*)::int AS accepted
      FROM ins JOIN findings fi ON fi.inspection_id = ins.id
      JOIN rectifications t ON t.finding_id = fi.id
     WHERE t.status = 'accepted'
       AND (k.round_key = '00000000-0000-0000-0000-000000000000' OR ins.round_id = k.round_key)
 ) rc
 CROSS JOIN LATERAL (
    -- Net of reversals: a reversal takes its adjustment's count and amount back out.
    SELECT
           coalesce(sum(x.sign) FILTER (WHERE x.kind = 'reduce'), 0)::int AS reduce,
           coalesce(sum(x.signed) FILTER (WHERE x.kind = 'reduce'), 0) AS reduce_amount,
           coalesce(sum(x.sign) FILTER (WHERE x.kind = 'recover'), 0)::int AS recover,
           coalesce(sum(x.signed) FILTER (WHERE x.kind = 'recover'), 0) AS recover_amount,
           coalesce(sum(x.sign) FILTER (WHERE x.kind = 'reallocate'), 0)::int AS reallocate,
           coalesce(sum(x.signed) FILTER (WHERE x.kind = 'reallocate'), 0) AS reallocate_amount,
           coalesce(sum(x.sign) FILTER (WHERE x.kind = 'suspend'), 0)::int AS suspend,
           coalesce(sum(x.signed) FILTER (WHERE x.kind = 'suspend'), 0) AS suspend_amount,
           coalesce(sum(x.sign) FILTER (WHERE x.kind = 'stop'), 0)::int AS stop,
           coalesce(sum(x.signed) FILTER (WHERE x.kind = 'stop'), 0) AS stop_amount,
           coalesce(sum(x.sign) FILTER (WHERE x.kind NOT IN ('reduce', 'recover', 'reallocate', 'suspend', 'stop')), 0)::int AS increase,
           coalesce(sum(x.signed) FILTER (WHERE x.kind NOT IN ('reduce', 'recover', 'reallocate', 'suspend', 'stop')), 0) AS increase_amount
      FROM (SELECT a.kind,
                   CASE WHEN a.reverses_id IS NULL THEN 1 ELSE -1 END AS sign,
                   CASE WHEN a.reverses_id IS NULL THEN a.amount ELSE -a.amount END AS signed
              FROM adjustments a JOIN sp ON sp.id = a.project_id
             WHERE k.round_key = '00000000-0000-0000-0000-000000000000') x
 ) a
$$;

-- Open rectifications of a department's year by deadline, per round and for the whole year.
CREATE FUNCTION stat_rectification_rows(p_department UUID, p_year SMALLINT)
RETURNS SETOF stat_rectification_rollups LANGUAGE sql STABLE AS $$
WITH d AS (
    SELECT id, region_id, region_path, path FROM departments
     WHERE id = p_department AND NOT classified
),
open_items AS (
    SELECT i.round_id, t.deadline
      FROM projects p
      JOIN d ON d.id = p.department_id
      JOIN inspections i ON i.project_id = p.id
      JOIN findings fi ON fi.inspection_id = i.id
      JOIN rectifications t ON t.finding_id = fi.id
     WHERE p.fiscal_year = p_year AND NOT p.classified AND t.status <> 'accepted'
)
SELECT p_department, p_year, k.round_key, k.deadline, d.region_id, d.region_path, d.path, k.open
  FROM d CROSS JOIN (
    SELECT '00000000-0000-0000-0000-000000000000'::uuid AS round_key, deadline, count(*)::int AS open
      FROM open_items GROUP BY deadline
    UNION ALL
    SELECT round_id, deadline, count(*)::int FROM open_items
     WHERE round_id IS NOT NULL GROUP BY round_id, deadline
  ) k
$$;

-- Brings a department's year up to date. Rows that did not change are left alone, so a report
-- edit rewrites its round's row and the year's row, not the department's other rounds.
-- Callers hold the (department, year) lock, so the computation sees every committed change.
CREATE FUNCTION stat_rollup_refresh(p_department UUID, p_year SMALLINT)
RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
    fresh stat_rollups[];
    fresh_rect stat_rectification_rollups[];
    changed INTEGER := 0;
    n INTEGER;
BEGIN
    fresh := ARRAY(SELECT r FROM stat_rollup_rows(p_department, p_year) r);
    DELETE FROM stat_rollups s
     WHERE s.department_id = p_department AND s.fiscal_year = p_year
       AND NOT (s = ANY (fresh));
    GET DIAGNOSTICS n = ROW_COUNT;
    changed := changed + n;
    INSERT INTO stat_rollups
    SELECT f.* FROM unnest(fresh) f
     WHERE NOT EXISTS (SELECT 1 FROM stat_rollups s
                        WHERE s.department_id = f.department_id AND s.fiscal_year = f.fiscal_year
                          AND s.round_key = f.round_key);
    GET DIAGNOSTICS n = ROW_COUNT;
    changed := changed + n;

    fresh_rect := ARRAY(SELECT r FROM stat_rectification_rows(p_department, p_year) r);
    DELETE FROM stat_rectification_rollups s
     WHERE s.department_id = p_department AND s.fiscal_year = p_year
       AND NOT (s = ANY (fresh_rect));
    GET DIAGNOSTICS n = ROW_COUNT;
    changed := changed + n;
    INSERT INTO stat_rectification_rollups
    SELECT f.* FROM unnest(fresh_rect) f
     WHERE NOT EXISTS (SELECT 1 FROM stat_rectification_rollups s
                        WHERE s.department_id = f.department_id AND s.fiscal_year = f.fiscal_year
                          AND s.round_key = f.round_key AND s.deadline = f.deadline);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN changed + n;
END
$$;

-- One lock per (department, year): two transactions of the same department recompute one after
-- the other, each after the other's commit, so neither writes figures that miss the other's
-- change. Different departments never wait for each other.
CREATE FUNCTION stat_rollup_lock(p_department UUID, p_year SMALLINT)
RETURNS VOID LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(1919904876, hashtext(p_department::text || ':' || p_year));
$$;

-- Notes (department, year) pairs this transaction touched.
CREATE FUNCTION stat_rollup_mark(p_projects UUID[])
RETURNS VOID LANGUAGE sql AS $$
    INSERT INTO stat_rollup_pending (txid, department_id, fiscal_year)
    SELECT DISTINCT txid_current(), department_id, fiscal_year
      FROM projects WHERE id = ANY (p_projects)
    ON CONFLICT DO NOTHING;
$$;

-- At COMMIT: recompute everything this transaction touched, in a fixed order so that two
-- transactions touching the same departments cannot deadlock on the locks. The first pending
-- row's trigger does the whole transaction's work; the others find nothing left.
CREATE FUNCTION stat_rollup_flush() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    k RECORD;
BEGIN
    FOR k IN SELECT department_id, fiscal_year FROM stat_rollup_pending
              WHERE txid = txid_current() ORDER BY department_id, fiscal_year
    LOOP
        PERFORM stat_rollup_lock(k.department_id, k.fiscal_year);
        PERFORM stat_rollup_refresh(k.department_id, k.fiscal_year);
    END LOOP;
    DELETE FROM stat_rollup_pending WHERE txid = txid_current();
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER stat_rollup_flush AFTER INSERT ON stat_rollup_pending
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stat_rollup_flush();

-- Statement triggers: one mark per statement, however many rows it changed.
CREATE FUNCTION stat_rollup_mark_projects() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO stat_rollup_pending (txid, department_id, fiscal_year)
        SELECT DISTINCT txid_current(), department_id, fiscal_year FROM new_rows
        ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO stat_rollup_pending (txid, department_id, fiscal_year)
        SELECT DISTINCT txid_current(), department_id, fiscal_year FROM old_rows
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION stat_rollup_mark_by_project() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        PERFORM stat_rollup_mark(ARRAY(SELECT DISTINCT project_id FROM new_rows));
    END IF;
    IF TG_OP <> 'INSERT' THEN
        PERFORM stat_rollup_mark(ARRAY(SELECT DISTINCT project_id FROM old_rows));
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION stat_rollup_mark_by_report() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        PERFORM stat_rollup_mark(ARRAY(SELECT DISTINCT r.project_id FROM reports r
                                        WHERE r.id IN (SELECT report_id FROM new_rows)));
    END IF;
    IF TG_OP <> 'INSERT' THEN
        PERFORM stat_rollup_mark(ARRAY(SELECT DISTINCT r.project_id FROM reports r
                                        WHERE r.id IN (SELECT report_id FROM old_rows)));
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION stat_rollup_mark_by_inspection() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        PERFORM stat_rollup_mark(ARRAY(SELECT DISTINCT i.project_id FROM inspections i
                                        WHERE i.id IN (SELECT inspection_id FROM new_rows)));
    END IF;
    IF TG_OP <> 'INSERT' THEN
        PERFORM stat_rollup_mark(ARRAY(SELECT DISTINCT i.project_id FROM inspections i
                                        WHERE i.id IN (SELECT inspection_id FROM old_rows)));
    END IF;
    RETURN NULL;
END
$$;

-- A department's flag or place in the tree changes every year it has projects in.
CREATE FUNCTION stat_rollup_mark_department() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO stat_rollup_pending (txid, department_id, fiscal_year)
    SELECT DISTINCT txid_current(), p.department_id, p.fiscal_year
      FROM projects p WHERE p.department_id IN (SELECT id FROM new_rows)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t RECORD;
BEGIN
    FOR t IN SELECT * FROM (VALUES
        ('projects', 'stat_rollup_mark_projects'),
        ('reports', 'stat_rollup_mark_by_project'),
        ('inspections', 'stat_rollup_mark_by_project'),
        ('findings', 'stat_rollup_mark_by_project'),
        ('rectifications', 'stat_rollup_mark_by_project'),
        ('adjustments', 'stat_rollup_mark_by_project'),
        ('report_evaluations', 'stat_rollup_mark_by_report'),
        ('report_indicators', 'stat_rollup_mark_by_report'),
        ('report_transitions', 'stat_rollup_mark_by_report'),
        ('inspection_opinions', 'stat_rollup_mark_by_inspection')) AS v(tbl, fn)
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION %I()', t.tbl || '_rollup_ins', t.tbl, t.fn);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows
                        NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()',
                       t.tbl || '_rollup_upd', t.tbl, t.fn);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION %I()', t.tbl || '_rollup_del', t.tbl, t.fn);
    END LOOP;
END
$$;

CREATE TRIGGER departments_rollup_upd AFTER UPDATE ON departments
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION stat_rollup_mark_department();

-- The figures of the data already there.
SELECT stat_rollup_refresh(k.department_id, k.fiscal_year)
  FROM (SELECT DISTINCT department_id, fiscal_year FROM projects) k;
