-- Statistics kept at write time (issue 16). Every statistic the service publishes is summed from
-- `stat_rollups`: one row per department, fiscal year and round, plus one per department and
-- year for the whole year (`round_key` = the nil uuid). Regions and the province are summed from
-- these rows at read time, so a statistic reads about (departments x rounds) rows however many
-- projects there are. Department rows are sums of `stat_project_rollups`, the same figures per
-- project, so a write recomputes the projects it touched and re-sums their departments: its cost
-- does not grow with the size of the department, and writers of different departments never
-- touch the same row.
--
-- How the rows stay true: statement triggers on every table a figure reads note the projects a
-- statement touched in `stat_rollup_pending`; a deferred constraint trigger brings them and
-- their departments up to date at COMMIT, inside the writing transaction. No write path can
-- forget it (a manual SQL fix included), and each project is recomputed once per transaction
-- however many of its rows the transaction changed. `budget-monitor verify-rollups` compares the
-- stored rows with a recomputation from the raw rows and repairs differences.

CREATE TABLE stat_project_rollups (
    project_id                        UUID NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    -- The round, or the nil uuid for the whole year.
    round_key                         UUID NOT NULL,
    department_id                     UUID NOT NULL,
    fiscal_year                       SMALLINT NOT NULL,
    reports                           INTEGER NOT NULL,
    status_draft                      INTEGER NOT NULL,
    status_submitted                  INTEGER NOT NULL,
    status_returned                   INTEGER NOT NULL,
    status_approved                   INTEGER NOT NULL,
    late                              INTEGER NOT NULL,
    -- Drafts and returned reports; "missing" once the round's due date has passed (read time).
    unsubmitted                       INTEGER NOT NULL,
    system_filled                     BIGINT NOT NULL,
    indicator_fields                  BIGINT NOT NULL,
    projects                          INTEGER NOT NULL,
    projects_funds                    NUMERIC NOT NULL,
    key_projects                      INTEGER NOT NULL,
    key_funds                         NUMERIC NOT NULL,
    inspections                       INTEGER NOT NULL,
    overall_red                       INTEGER NOT NULL,
    overall_yellow                    INTEGER NOT NULL,
    overall_green                     INTEGER NOT NULL,
    overall_blue                      INTEGER NOT NULL,
    overall_none                      INTEGER NOT NULL,
    budget_red                        INTEGER NOT NULL,
    budget_yellow                     INTEGER NOT NULL,
    budget_green                      INTEGER NOT NULL,
    budget_blue                       INTEGER NOT NULL,
    budget_none                       INTEGER NOT NULL,
    output_red                        INTEGER NOT NULL,
    output_yellow                     INTEGER NOT NULL,
    output_green                      INTEGER NOT NULL,
    output_blue                       INTEGER NOT NULL,
    output_none                       INTEGER NOT NULL,
    effect_red                        INTEGER NOT NULL,
    effect_yellow                     INTEGER NOT NULL,
    effect_green                      INTEGER NOT NULL,
    effect_blue                       INTEGER NOT NULL,
    effect_none                       INTEGER NOT NULL,
    satisfaction_red                  INTEGER NOT NULL,
    satisfaction_yellow               INTEGER NOT NULL,
    satisfaction_green                INTEGER NOT NULL,
    satisfaction_blue                 INTEGER NOT NULL,
    satisfaction_none                 INTEGER NOT NULL,
    f_slow_progress                   INTEGER NOT NULL,
    f_slow_progress_amount            NUMERIC NOT NULL,
    f_unreasonable_targets            INTEGER NOT NULL,
    f_unreasonable_targets_amount     NUMERIC NOT NULL,
    f_non_standard_management         INTEGER NOT NULL,
    f_non_standard_management_amount  NUMERIC NOT NULL,
    f_unclear_objectives              INTEGER NOT NULL,
    f_unclear_objectives_amount       NUMERIC NOT NULL,
    f_idle_funds                      INTEGER NOT NULL,
    f_idle_funds_amount               NUMERIC NOT NULL,
    f_other                           INTEGER NOT NULL,
    f_other_amount                    NUMERIC NOT NULL,
    opinions                          INTEGER NOT NULL,
    suggestions                       INTEGER NOT NULL,
    policy_revisions                  INTEGER NOT NULL,
    rectifications_accepted           INTEGER NOT NULL,
    -- Fund adjustments belong to no round: only the whole-year rows carry them.
    a_reduce                          INTEGER NOT NULL,
    a_reduce_amount                   NUMERIC NOT NULL,
    a_recover                         INTEGER NOT NULL,
    a_recover_amount                  NUMERIC NOT NULL,
    a_reallocate                      INTEGER NOT NULL,
    a_reallocate_amount               NUMERIC NOT NULL,
    a_suspend                         INTEGER NOT NULL,
    a_suspend_amount                  NUMERIC NOT NULL,
    a_stop                            INTEGER NOT NULL,
    a_stop_amount                     NUMERIC NOT NULL,
    a_increase                        INTEGER NOT NULL,
    a_increase_amount                 NUMERIC NOT NULL,
    -- The trend's sums over the reports.
    adjusted_budget                   NUMERIC NOT NULL,
    executed_amount                   NUMERIC NOT NULL,
    -- The ranking's inputs: reports on time and never returned, and the budget-weighted sum of
    -- the project totals with the budget it is weighted by.
    good_reports                      INTEGER NOT NULL,
    scored_weighted                   NUMERIC NOT NULL,
    scored_budget                     NUMERIC NOT NULL,
    PRIMARY KEY (project_id, round_key)
);

CREATE INDEX stat_project_rollups_department_idx
    ON stat_project_rollups (department_id, fiscal_year);

CREATE TABLE stat_rollups (
    department_id                     UUID NOT NULL REFERENCES departments (id) ON DELETE CASCADE,
    fiscal_year                       SMALLINT NOT NULL,
    round_key                         UUID NOT NULL,
    region_id                         UUID NOT NULL,
    region_path                       TEXT NOT NULL,
    department_path                   TEXT NOT NULL,
    -- How many project rows this row sums; at 0 it goes.
    project_rows                      INTEGER NOT NULL,
    reports                           INTEGER NOT NULL,
    status_draft                      INTEGER NOT NULL,
    status_submitted                  INTEGER NOT NULL,
    status_returned                   INTEGER NOT NULL,
    status_approved                   INTEGER NOT NULL,
    late                              INTEGER NOT NULL,
    -- Drafts and returned reports; "missing" once the round's due date has passed (read time).
    unsubmitted                       INTEGER NOT NULL,
    system_filled                     BIGINT NOT NULL,
    indicator_fields                  BIGINT NOT NULL,
    projects                          INTEGER NOT NULL,
    projects_funds                    NUMERIC NOT NULL,
    key_projects                      INTEGER NOT NULL,
    key_funds                         NUMERIC NOT NULL,
    inspections                       INTEGER NOT NULL,
    overall_red                       INTEGER NOT NULL,
    overall_yellow                    INTEGER NOT NULL,
    overall_green                     INTEGER NOT NULL,
    overall_blue                      INTEGER NOT NULL,
    overall_none                      INTEGER NOT NULL,
    budget_red                        INTEGER NOT NULL,
    budget_yellow                     INTEGER NOT NULL,
    budget_green                      INTEGER NOT NULL,
    budget_blue                       INTEGER NOT NULL,
    budget_none                       INTEGER NOT NULL,
    output_red                        INTEGER NOT NULL,
    output_yellow                     INTEGER NOT NULL,
    output_green                      INTEGER NOT NULL,
    output_blue                       INTEGER NOT NULL,
    output_none                       INTEGER NOT NULL,
    effect_red                        INTEGER NOT NULL,
    effect_yellow                     INTEGER NOT NULL,
    effect_green                      INTEGER NOT NULL,
    effect_blue                       INTEGER NOT NULL,
    effect_none                       INTEGER NOT NULL,
    satisfaction_red                  INTEGER NOT NULL,
    satisfaction_yellow               INTEGER NOT NULL,
    satisfaction_green                INTEGER NOT NULL,
    satisfaction_blue                 INTEGER NOT NULL,
    satisfaction_none                 INTEGER NOT NULL,
    f_slow_progress                   INTEGER NOT NULL,
    f_slow_progress_amount            NUMERIC NOT NULL,
    f_unreasonable_targets            INTEGER NOT NULL,
    f_unreasonable_targets_amount     NUMERIC NOT NULL,
    f_non_standard_management         INTEGER NOT NULL,
    f_non_standard_management_amount  NUMERIC NOT NULL,
    f_unclear_objectives              INTEGER NOT NULL,
    f_unclear_objectives_amount       NUMERIC NOT NULL,
    f_idle_funds                      INTEGER NOT NULL,
    f_idle_funds_amount               NUMERIC NOT NULL,
    f_other                           INTEGER NOT NULL,
    f_other_amount                    NUMERIC NOT NULL,
    opinions                          INTEGER NOT NULL,
    suggestions                       INTEGER NOT NULL,
    policy_revisions                  INTEGER NOT NULL,
    rectifications_accepted           INTEGER NOT NULL,
    -- Fund adjustments belong to no round: only the whole-year rows carry them.
    a_reduce                          INTEGER NOT NULL,
    a_reduce_amount                   NUMERIC NOT NULL,
    a_recover                         INTEGER NOT NULL,
    a_recover_amount                  NUMERIC NOT NULL,
    a_reallocate                      INTEGER NOT NULL,
    a_reallocate_amount               NUMERIC NOT NULL,
    a_suspend                         INTEGER NOT NULL,
    a_suspend_amount                  NUMERIC NOT NULL,
    a_stop                            INTEGER NOT NULL,
    a_stop_amount                     NUMERIC NOT NULL,
    a_increase                        INTEGER NOT NULL,
    a_increase_amount                 NUMERIC NOT NULL,
    -- The trend's sums over the reports.
    adjusted_budget                   NUMERIC NOT NULL,
    executed_amount                   NUMERIC NOT NULL,
    -- The ranking's inputs: reports on time and never returned, and the budget-weighted sum of
    -- the project totals with the budget it is weighted by.
    good_reports                      INTEGER NOT NULL,
    scored_weighted                   NUMERIC NOT NULL,
    scored_budget                     NUMERIC NOT NULL,
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

-- What a transaction has touched: projects, and the department and year each belonged to when
-- it was touched (a project that moves leaves its old department to re-sum). Rows live only
-- inside their transaction (deleted at COMMIT by the flush), keyed by it so that concurrent
-- writers never wait on each other here.
CREATE UNLOGGED TABLE stat_rollup_pending (
    txid           BIGINT NOT NULL,
    project_id     UUID NOT NULL,
    department_id  UUID NOT NULL,
    fiscal_year    SMALLINT NOT NULL,
    PRIMARY KEY (txid, project_id, department_id, fiscal_year)
);

-- The rows these projects should have, from the raw rows, in one pass. Secret-related projects
-- (their own flag or their department's) have none.
CREATE FUNCTION stat_project_rows(p_projects UUID[])
RETURNS SETOF stat_project_rollups LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
BEGIN
RETURN QUERY
WITH sp AS (
    -- Secret-related as `hidden_projects` (migration 7) says, the one definition auth::scope
    -- applies everywhere else.
    SELECT p.id, p.department_id, p.fiscal_year, p.initial_budget, p.key_monitoring
      FROM projects p
     WHERE p.id = ANY (p_projects) AND p.id NOT IN (SELECT id FROM hidden_projects)
),
rr AS (
    SELECT r.project_id, r.round_id, r.status, r.late, cardinality(r.system_filled) AS system_filled,
           r.adjusted_budget, r.executed_amount,
           (SELECT count(*) * 7 - count(*) FILTER (WHERE ri.comparator = 'qualitative')
              FROM report_indicators ri WHERE ri.report_id = r.id) AS indicator_fields,
           EXISTS (SELECT 1 FROM report_transitions t
                    WHERE t.report_id = r.id AND t.report_kind = 'project'
                      AND t.to_status = 'returned') AS ever_returned,
           e.light_overall, e.light_budget, e.light_output, e.light_effect, e.light_satisfaction,
           e.score_total
      FROM reports r
      JOIN sp ON sp.id = r.project_id
      JOIN rounds ro ON ro.id = r.round_id AND ro.fiscal_year = sp.fiscal_year
      LEFT JOIN report_evaluations e ON e.report_id = r.id
),
rep AS (
    SELECT project_id, CASE WHEN grouping(round_id) = 1 THEN '00000000-0000-0000-0000-000000000000'::uuid ELSE round_id END AS round_key,
           count(*)::int AS reports,
           count(*) FILTER (WHERE status NOT IN ('submitted', 'returned', 'approved'))::int AS status_draft,
           count(*) FILTER (WHERE status = 'submitted')::int AS status_submitted,
           count(*) FILTER (WHERE status = 'returned')::int AS status_returned,
           count(*) FILTER (WHERE status = 'approved')::int AS status_approved,
           count(*) FILTER (WHERE late)::int AS late,
           count(*) FILTER (WHERE status IN ('draft', 'returned'))::int AS unsubmitted,
           sum(system_filled)::bigint AS system_filled,
           sum(indicator_fields)::bigint AS indicator_fields,
           count(*) FILTER (WHERE light_overall = 'red')::int AS overall_red,
           count(*) FILTER (WHERE light_overall = 'yellow')::int AS overall_yellow,
           count(*) FILTER (WHERE light_overall = 'green')::int AS overall_green,
           count(*) FILTER (WHERE light_overall = 'blue')::int AS overall_blue,
           count(*) FILTER (WHERE light_overall NOT IN ('red', 'yellow', 'green', 'blue'))::int AS overall_none,
           count(*) FILTER (WHERE light_budget = 'red')::int AS budget_red,
           count(*) FILTER (WHERE light_budget = 'yellow')::int AS budget_yellow,
           count(*) FILTER (WHERE light_budget = 'green')::int AS budget_green,
           count(*) FILTER (WHERE light_budget = 'blue')::int AS budget_blue,
           count(*) FILTER (WHERE light_budget NOT IN ('red', 'yellow', 'green', 'blue'))::int AS budget_none,
           count(*) FILTER (WHERE light_output = 'red')::int AS output_red,
           count(*) FILTER (WHERE light_output = 'yellow')::int AS output_yellow,
           count(*) FILTER (WHERE light_output = 'green')::int AS output_green,
           count(*) FILTER (WHERE light_output = 'blue')::int AS output_blue,
           count(*) FILTER (WHERE light_output NOT IN ('red', 'yellow', 'green', 'blue'))::int AS output_none,
           count(*) FILTER (WHERE light_effect = 'red')::int AS effect_red,
           count(*) FILTER (WHERE light_effect = 'yellow')::int AS effect_yellow,
           count(*) FILTER (WHERE light_effect = 'green')::int AS effect_green,
           count(*) FILTER (WHERE light_effect = 'blue')::int AS effect_blue,
           count(*) FILTER (WHERE light_effect NOT IN ('red', 'yellow', 'green', 'blue'))::int AS effect_none,
           count(*) FILTER (WHERE light_satisfaction = 'red')::int AS satisfaction_red,
           count(*) FILTER (WHERE light_satisfaction = 'yellow')::int AS satisfaction_yellow,
           count(*) FILTER (WHERE light_satisfaction = 'green')::int AS satisfaction_green,
           count(*) FILTER (WHERE light_satisfaction = 'blue')::int AS satisfaction_blue,
           count(*) FILTER (WHERE light_satisfaction NOT IN ('red', 'yellow', 'green', 'blue'))::int AS satisfaction_none,
           sum(adjusted_budget) AS adjusted_budget,
           sum(executed_amount) AS executed_amount,
           count(*) FILTER (WHERE status IN ('submitted', 'approved') AND NOT late AND NOT ever_returned)::int AS good_reports,
           coalesce(sum(score_total * adjusted_budget) FILTER (WHERE score_total IS NOT NULL), 0) AS scored_weighted,
           coalesce(sum(adjusted_budget) FILTER (WHERE score_total IS NOT NULL), 0) AS scored_budget
      FROM rr GROUP BY GROUPING SETS ((project_id, round_id), (project_id))
),
per_inspection AS (
    SELECT i.project_id, i.round_id, f.*, o.*, rc.*
      FROM inspections i
      JOIN sp ON sp.id = i.project_id
     CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE fi.category = 'slow_progress') AS f_slow_progress,
               coalesce(sum(fi.amount) FILTER (WHERE fi.category = 'slow_progress'), 0) AS f_slow_progress_amount,
               count(*) FILTER (WHERE fi.category = 'unreasonable_targets') AS f_unreasonable_targets,
               coalesce(sum(fi.amount) FILTER (WHERE fi.category = 'unreasonable_targets'), 0) AS f_unreasonable_targets_amount,
               count(*) FILTER (WHERE fi.category = 'non_standard_management') AS f_non_standard_management,
               coalesce(sum(fi.amount) FILTER (WHERE fi.category = 'non_standard_management'), 0) AS f_non_standard_management_amount,
               count(*) FILTER (WHERE fi.category = 'unclear_objectives') AS f_unclear_objectives,
               coalesce(sum(fi.amount) FILTER (WHERE fi.category = 'unclear_objectives'), 0) AS f_unclear_objectives_amount,
               count(*) FILTER (WHERE fi.category = 'idle_funds') AS f_idle_funds,
               coalesce(sum(fi.amount) FILTER (WHERE fi.category = 'idle_funds'), 0) AS f_idle_funds_amount,
               count(*) FILTER (WHERE fi.category NOT IN ('slow_progress', 'unreasonable_targets', 'non_standard_management', 'unclear_objectives', 'idle_funds')) AS f_other,
               coalesce(sum(fi.amount) FILTER (WHERE fi.category NOT IN ('slow_progress', 'unreasonable_targets', 'non_standard_management', 'unclear_objectives', 'idle_funds')), 0) AS f_other_amount
          FROM findings fi WHERE fi.inspection_id = i.id
     ) f
     CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE op.kind = 'opinion') AS opinions,
               count(*) FILTER (WHERE op.kind = 'suggestion') AS suggestions,
               count(*) FILTER (WHERE op.kind NOT IN ('opinion', 'suggestion')) AS policy_revisions
          FROM inspection_opinions op WHERE op.inspection_id = i.id
     ) o
     CROSS JOIN LATERAL (
        SELECT count(*) AS rectifications_accepted
          FROM findings fi JOIN rectifications t ON t.finding_id = fi.id
         WHERE fi.inspection_id = i.id AND t.status = 'accepted'
     ) rc
),
ins AS (
    SELECT project_id, CASE WHEN grouping(round_id) = 1 THEN '00000000-0000-0000-0000-000000000000'::uuid ELSE round_id END AS round_key,
           count(*)::int AS inspections,
           sum(f_slow_progress)::int AS f_slow_progress,
           sum(f_slow_progress_amount) AS f_slow_progress_amount,
           sum(f_unreasonable_targets)::int AS f_unreasonable_targets,
           sum(f_unreasonable_targets_amount) AS f_unreasonable_targets_amount,
           sum(f_non_standard_management)::int AS f_non_standard_management,
           sum(f_non_standard_management_amount) AS f_non_standard_management_amount,
           sum(f_unclear_objectives)::int AS f_unclear_objectives,
           sum(f_unclear_objectives_amount) AS f_unclear_objectives_amount,
           sum(f_idle_funds)::int AS f_idle_funds,
           sum(f_idle_funds_amount) AS f_idle_funds_amount,
           sum(f_other)::int AS f_other,
           sum(f_other_amount) AS f_other_amount,
           sum(opinions)::int AS opinions,
           sum(suggestions)::int AS suggestions,
           sum(policy_revisions)::int AS policy_revisions,
           sum(rectifications_accepted)::int AS rectifications_accepted
      FROM per_inspection GROUP BY GROUPING SETS ((project_id, round_id), (project_id))
    -- Inspections of no round count for the whole year only.
    HAVING grouping(round_id) = 1 OR round_id IS NOT NULL
),
adj AS (
    -- Net of reversals: a reversal takes its adjustment's count and amount back out.
    SELECT x.project_id, '00000000-0000-0000-0000-000000000000'::uuid AS round_key,
           coalesce(sum(x.sign) FILTER (WHERE x.kind = 'reduce'), 0)::int AS a_reduce,
           coalesce(sum(x.signed) FILTER (WHERE x.kind = 'reduce'), 0) AS a_reduce_amount,
           coalesce(sum(x.sign) FILTER (WHERE x.kind = 'recover'), 0)::int AS a_recover,
           coalesce(sum(x.signed) FILTER (WHERE x.kind = 'recover'), 0) AS a_recover_amount,
           coalesce(sum(x.sign) FILTER (WHERE x.kind = 'reallocate'), 0)::int AS a_reallocate,
           coalesce(sum(x.signed) FILTER (WHERE x.kind = 'reallocate'), 0) AS a_reallocate_amount,
           coalesce(sum(x.sign) FILTER (WHERE x.kind = 'suspend'), 0)::int AS a_suspend,
           coalesce(sum(x.signed) FILTER (WHERE x.kind = 'suspend'), 0) AS a_suspend_amount,
           coalesce(sum(x.sign) FILTER (WHERE x.kind = 'stop'), 0)::int AS a_stop,
           coalesce(sum(x.signed) FILTER (WHERE x.kind = 'stop'), 0) AS a_stop_amount,
           coalesce(sum(x.sign) FILTER (WHERE x.kind NOT IN ('reduce', 'recover', 'reallocate', 'suspend', 'stop')), 0)::int AS a_increase,
           coalesce(sum(x.signed) FILTER (WHERE x.kind NOT IN ('reduce', 'recover', 'reallocate', 'suspend', 'stop')), 0) AS a_increase_amount
      FROM (SELECT a.project_id, a.kind,
                   CASE WHEN a.reverses_id IS NULL THEN 1 ELSE -1 END AS sign,
                   CASE WHEN a.reverses_id IS NULL THEN a.amount ELSE -a.amount END AS signed
              FROM adjustments a JOIN sp ON sp.id = a.project_id) x
     GROUP BY x.project_id
),
keys AS (
    SELECT id AS project_id, '00000000-0000-0000-0000-000000000000'::uuid AS round_key FROM sp
    UNION SELECT project_id, round_key FROM rep
    UNION SELECT project_id, round_key FROM ins
)
SELECT k.project_id, k.round_key, sp.department_id, sp.fiscal_year,
       coalesce(rep.reports, 0),
       coalesce(rep.status_draft, 0),
       coalesce(rep.status_submitted, 0),
       coalesce(rep.status_returned, 0),
       coalesce(rep.status_approved, 0),
       coalesce(rep.late, 0),
       coalesce(rep.unsubmitted, 0),
       coalesce(rep.system_filled, 0),
       coalesce(rep.indicator_fields, 0),
       CASE WHEN coalesce(rep.reports, 0) > 0 THEN 1 ELSE 0 END,
       CASE WHEN coalesce(rep.reports, 0) > 0 THEN sp.initial_budget ELSE 0 END,
       CASE WHEN sp.key_monitoring AND (k.round_key = '00000000-0000-0000-0000-000000000000'::uuid OR coalesce(rep.reports, 0) > 0) THEN 1 ELSE 0 END,
       CASE WHEN sp.key_monitoring AND (k.round_key = '00000000-0000-0000-0000-000000000000'::uuid OR coalesce(rep.reports, 0) > 0) THEN sp.initial_budget ELSE 0 END,
       coalesce(ins.inspections, 0),
       coalesce(rep.overall_red, 0),
       coalesce(rep.overall_yellow, 0),
       coalesce(rep.overall_green, 0),
       coalesce(rep.overall_blue, 0),
       coalesce(rep.overall_none, 0),
       coalesce(rep.budget_red, 0),
       coalesce(rep.budget_yellow, 0),
       coalesce(rep.budget_green, 0),
       coalesce(rep.budget_blue, 0),
       coalesce(rep.budget_none, 0),
       coalesce(rep.output_red, 0),
       coalesce(rep.output_yellow, 0),
       coalesce(rep.output_green, 0),
       coalesce(rep.output_blue, 0),
       coalesce(rep.output_none, 0),
       coalesce(rep.effect_red, 0),
       coalesce(rep.effect_yellow, 0),
       coalesce(rep.effect_green, 0),
       coalesce(rep.effect_blue, 0),
       coalesce(rep.effect_none, 0),
       coalesce(rep.satisfaction_red, 0),
       coalesce(rep.satisfaction_yellow, 0),
       coalesce(rep.satisfaction_green, 0),
       coalesce(rep.satisfaction_blue, 0),
       coalesce(rep.satisfaction_none, 0),
       coalesce(ins.f_slow_progress, 0),
       coalesce(ins.f_slow_progress_amount, 0::numeric),
       coalesce(ins.f_unreasonable_targets, 0),
       coalesce(ins.f_unreasonable_targets_amount, 0::numeric),
       coalesce(ins.f_non_standard_management, 0),
       coalesce(ins.f_non_standard_management_amount, 0::numeric),
       coalesce(ins.f_unclear_objectives, 0),
       coalesce(ins.f_unclear_objectives_amount, 0::numeric),
       coalesce(ins.f_idle_funds, 0),
       coalesce(ins.f_idle_funds_amount, 0::numeric),
       coalesce(ins.f_other, 0),
       coalesce(ins.f_other_amount, 0::numeric),
       coalesce(ins.opinions, 0),
       coalesce(ins.suggestions, 0),
       coalesce(ins.policy_revisions, 0),
       coalesce(ins.rectifications_accepted, 0),
       coalesce(adj.a_reduce, 0),
       coalesce(adj.a_reduce_amount, 0::numeric),
       coalesce(adj.a_recover, 0),
       coalesce(adj.a_recover_amount, 0::numeric),
       coalesce(adj.a_reallocate, 0),
       coalesce(adj.a_reallocate_amount, 0::numeric),
       coalesce(adj.a_suspend, 0),
       coalesce(adj.a_suspend_amount, 0::numeric),
       coalesce(adj.a_stop, 0),
       coalesce(adj.a_stop_amount, 0::numeric),
       coalesce(adj.a_increase, 0),
       coalesce(adj.a_increase_amount, 0::numeric),
       coalesce(rep.adjusted_budget, 0::numeric),
       coalesce(rep.executed_amount, 0::numeric),
       coalesce(rep.good_reports, 0),
       coalesce(rep.scored_weighted, 0::numeric),
       coalesce(rep.scored_budget, 0::numeric)
  FROM keys k
  JOIN sp ON sp.id = k.project_id
  LEFT JOIN rep ON rep.project_id = k.project_id AND rep.round_key = k.round_key
  LEFT JOIN ins ON ins.project_id = k.project_id AND ins.round_key = k.round_key
  LEFT JOIN adj ON adj.project_id = k.project_id AND adj.round_key = k.round_key;
END
$$;

-- A department's year: the sums of its projects' rows, with the department's place in the tree.
CREATE FUNCTION stat_department_rows(p_department UUID, p_year SMALLINT)
RETURNS SETOF stat_rollups LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
BEGIN
RETURN QUERY
SELECT d.id, p_year, s.round_key, d.region_id, d.region_path, d.path, count(*)::int,
       sum(s.reports)::int,
               sum(s.status_draft)::int,
               sum(s.status_submitted)::int,
               sum(s.status_returned)::int,
               sum(s.status_approved)::int,
               sum(s.late)::int,
               sum(s.unsubmitted)::int,
               sum(s.system_filled)::bigint,
               sum(s.indicator_fields)::bigint,
               sum(s.projects)::int,
               sum(s.projects_funds),
               sum(s.key_projects)::int,
               sum(s.key_funds),
               sum(s.inspections)::int,
               sum(s.overall_red)::int,
               sum(s.overall_yellow)::int,
               sum(s.overall_green)::int,
               sum(s.overall_blue)::int,
               sum(s.overall_none)::int,
               sum(s.budget_red)::int,
               sum(s.budget_yellow)::int,
               sum(s.budget_green)::int,
               sum(s.budget_blue)::int,
               sum(s.budget_none)::int,
               sum(s.output_red)::int,
               sum(s.output_yellow)::int,
               sum(s.output_green)::int,
               sum(s.output_blue)::int,
               sum(s.output_none)::int,
               sum(s.effect_red)::int,
               sum(s.effect_yellow)::int,
               sum(s.effect_green)::int,
               sum(s.effect_blue)::int,
               sum(s.effect_none)::int,
               sum(s.satisfaction_red)::int,
               sum(s.satisfaction_yellow)::int,
               sum(s.satisfaction_green)::int,
               sum(s.satisfaction_blue)::int,
               sum(s.satisfaction_none)::int,
               sum(s.f_slow_progress)::int,
               sum(s.f_slow_progress_amount),
               sum(s.f_unreasonable_targets)::int,
               sum(s.f_unreasonable_targets_amount),
               sum(s.f_non_standard_management)::int,
               sum(s.f_non_standard_management_amount),
               sum(s.f_unclear_objectives)::int,
               sum(s.f_unclear_objectives_amount),
               sum(s.f_idle_funds)::int,
               sum(s.f_idle_funds_amount),
               sum(s.f_other)::int,
               sum(s.f_other_amount),
               sum(s.opinions)::int,
               sum(s.suggestions)::int,
               sum(s.policy_revisions)::int,
               sum(s.rectifications_accepted)::int,
               sum(s.a_reduce)::int,
               sum(s.a_reduce_amount),
               sum(s.a_recover)::int,
               sum(s.a_recover_amount),
               sum(s.a_reallocate)::int,
               sum(s.a_reallocate_amount),
               sum(s.a_suspend)::int,
               sum(s.a_suspend_amount),
               sum(s.a_stop)::int,
               sum(s.a_stop_amount),
               sum(s.a_increase)::int,
               sum(s.a_increase_amount),
               sum(s.adjusted_budget),
               sum(s.executed_amount),
               sum(s.good_reports)::int,
               sum(s.scored_weighted),
               sum(s.scored_budget)
  FROM stat_project_rollups s JOIN departments d ON d.id = s.department_id
 WHERE s.department_id = p_department AND s.fiscal_year = p_year
 GROUP BY d.id, s.round_key, d.region_id, d.region_path, d.path;
END
$$;

-- Open rectifications of a department's year by deadline, per round and for the whole year.
CREATE FUNCTION stat_rectification_rows(p_department UUID, p_year SMALLINT)
RETURNS SETOF stat_rectification_rollups LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
BEGIN
RETURN QUERY
WITH d AS (
    SELECT id, region_id, region_path, path FROM departments
     WHERE id = p_department AND id NOT IN (SELECT id FROM classified_departments)
),
open_items AS (
    -- A rectification belongs to its project's department (projects do not move), so the
    -- department's open ones are found by index, however many projects it has.
    SELECT i.round_id, t.deadline
      FROM rectifications t
      JOIN d ON d.id = t.department_id
      JOIN projects p ON p.id = t.project_id AND p.department_id = d.id
      JOIN findings fi ON fi.id = t.finding_id
      JOIN inspections i ON i.id = fi.inspection_id
     WHERE t.status <> 'accepted' AND p.fiscal_year = p_year
       AND p.id NOT IN (SELECT id FROM hidden_projects)
)
SELECT p_department, p_year, k.round_key, k.deadline, d.region_id, d.region_path, d.path, k.open
  FROM d CROSS JOIN (
    SELECT '00000000-0000-0000-0000-000000000000'::uuid AS round_key, deadline, count(*)::int AS open
      FROM open_items GROUP BY deadline
    UNION ALL
    SELECT round_id, deadline, count(*)::int FROM open_items
     WHERE round_id IS NOT NULL GROUP BY round_id, deadline
  ) k;
END
$$;

-- Rewrites these projects' rows from the raw rows.
CREATE FUNCTION stat_project_refresh(p_projects UUID[])
RETURNS VOID LANGUAGE plpgsql SET jit = off SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    DELETE FROM stat_project_rollups WHERE project_id = ANY (p_projects);
    INSERT INTO stat_project_rollups SELECT * FROM stat_project_rows(p_projects);
END
$$;

-- Brings a department's year up to date from its projects' rows. Rows that did not change are
-- left alone. Callers hold the (department, year) lock, so the sums see every committed change.
CREATE FUNCTION stat_department_refresh(p_department UUID, p_year SMALLINT)
RETURNS INTEGER LANGUAGE plpgsql SET jit = off SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    fresh stat_rollups[];
    fresh_rect stat_rectification_rollups[];
    changed INTEGER := 0;
    n INTEGER;
BEGIN
    fresh := ARRAY(SELECT r FROM stat_department_rows(p_department, p_year) r);
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

-- Applies the change of these project rows (new minus old) to their departments' rows: a write
-- costs what its own projects changed, however large the department. Rows no project row
-- contributes to any more go.
CREATE FUNCTION stat_department_apply(p_old stat_project_rollups[], p_new stat_project_rollups[])
RETURNS VOID LANGUAGE plpgsql SET jit = off SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    INSERT INTO stat_rollups AS stat_rollups
    SELECT d.id, x.fiscal_year, x.round_key, d.region_id, d.region_path, d.path,
           sum(x.sign)::int,
           sum(x.sign * x.reports)::int,
           sum(x.sign * x.status_draft)::int,
           sum(x.sign * x.status_submitted)::int,
           sum(x.sign * x.status_returned)::int,
           sum(x.sign * x.status_approved)::int,
           sum(x.sign * x.late)::int,
           sum(x.sign * x.unsubmitted)::int,
           sum(x.sign * x.system_filled)::bigint,
           sum(x.sign * x.indicator_fields)::bigint,
           sum(x.sign * x.projects)::int,
           sum(x.sign * x.projects_funds),
           sum(x.sign * x.key_projects)::int,
           sum(x.sign * x.key_funds),
           sum(x.sign * x.inspections)::int,
           sum(x.sign * x.overall_red)::int,
           sum(x.sign * x.overall_yellow)::int,
           sum(x.sign * x.overall_green)::int,
           sum(x.sign * x.overall_blue)::int,
           sum(x.sign * x.overall_none)::int,
           sum(x.sign * x.budget_red)::int,
           sum(x.sign * x.budget_yellow)::int,
           sum(x.sign * x.budget_green)::int,
           sum(x.sign * x.budget_blue)::int,
           sum(x.sign * x.budget_none)::int,
           sum(x.sign * x.output_red)::int,
           sum(x.sign * x.output_yellow)::int,
           sum(x.sign * x.output_green)::int,
           sum(x.sign * x.output_blue)::int,
           sum(x.sign * x.output_none)::int,
           sum(x.sign * x.effect_red)::int,
           sum(x.sign * x.effect_yellow)::int,
           sum(x.sign * x.effect_green)::int,
           sum(x.sign * x.effect_blue)::int,
           sum(x.sign * x.effect_none)::int,
           sum(x.sign * x.satisfaction_red)::int,
           sum(x.sign * x.satisfaction_yellow)::int,
           sum(x.sign * x.satisfaction_green)::int,
           sum(x.sign * x.satisfaction_blue)::int,
           sum(x.sign * x.satisfaction_none)::int,
           sum(x.sign * x.f_slow_progress)::int,
           sum(x.sign * x.f_slow_progress_amount),
           sum(x.sign * x.f_unreasonable_targets)::int,
           sum(x.sign * x.f_unreasonable_targets_amount),
           sum(x.sign * x.f_non_standard_management)::int,
           sum(x.sign * x.f_non_standard_management_amount),
           sum(x.sign * x.f_unclear_objectives)::int,
           sum(x.sign * x.f_unclear_objectives_amount),
           sum(x.sign * x.f_idle_funds)::int,
           sum(x.sign * x.f_idle_funds_amount),
           sum(x.sign * x.f_other)::int,
           sum(x.sign * x.f_other_amount),
           sum(x.sign * x.opinions)::int,
           sum(x.sign * x.suggestions)::int,
           sum(x.sign * x.policy_revisions)::int,
           sum(x.sign * x.rectifications_accepted)::int,
           sum(x.sign * x.a_reduce)::int,
           sum(x.sign * x.a_reduce_amount),
           sum(x.sign * x.a_recover)::int,
           sum(x.sign * x.a_recover_amount),
           sum(x.sign * x.a_reallocate)::int,
           sum(x.sign * x.a_reallocate_amount),
           sum(x.sign * x.a_suspend)::int,
           sum(x.sign * x.a_suspend_amount),
           sum(x.sign * x.a_stop)::int,
           sum(x.sign * x.a_stop_amount),
           sum(x.sign * x.a_increase)::int,
           sum(x.sign * x.a_increase_amount),
           sum(x.sign * x.adjusted_budget),
           sum(x.sign * x.executed_amount),
           sum(x.sign * x.good_reports)::int,
           sum(x.sign * x.scored_weighted),
           sum(x.sign * x.scored_budget)
      FROM (SELECT 1 AS sign, n.* FROM unnest(p_new) n
            UNION ALL SELECT -1, o.* FROM unnest(p_old) o) x
      JOIN departments d ON d.id = x.department_id
     GROUP BY d.id, x.fiscal_year, x.round_key, d.region_id, d.region_path, d.path
    ON CONFLICT (department_id, fiscal_year, round_key) DO UPDATE SET
        region_id = EXCLUDED.region_id,
        region_path = EXCLUDED.region_path,
        department_path = EXCLUDED.department_path,
        project_rows = stat_rollups.project_rows + EXCLUDED.project_rows,
        reports = stat_rollups.reports + EXCLUDED.reports,
        status_draft = stat_rollups.status_draft + EXCLUDED.status_draft,
        status_submitted = stat_rollups.status_submitted + EXCLUDED.status_submitted,
        status_returned = stat_rollups.status_returned + EXCLUDED.status_returned,
        status_approved = stat_rollups.status_approved + EXCLUDED.status_approved,
        late = stat_rollups.late + EXCLUDED.late,
        unsubmitted = stat_rollups.unsubmitted + EXCLUDED.unsubmitted,
        system_filled = stat_rollups.system_filled + EXCLUDED.system_filled,
        indicator_fields = stat_rollups.indicator_fields + EXCLUDED.indicator_fields,
        projects = stat_rollups.projects + EXCLUDED.projects,
        projects_funds = stat_rollups.projects_funds + EXCLUDED.projects_funds,
        key_projects = stat_rollups.key_projects + EXCLUDED.key_projects,
        key_funds = stat_rollups.key_funds + EXCLUDED.key_funds,
        inspections = stat_rollups.inspections + EXCLUDED.inspections,
        overall_red = stat_rollups.overall_red + EXCLUDED.overall_red,
        overall_yellow = stat_rollups.overall_yellow + EXCLUDED.overall_yellow,
        overall_green = stat_rollups.overall_green + EXCLUDED.overall_green,
        overall_blue = stat_rollups.overall_blue + EXCLUDED.overall_blue,
        overall_none = stat_rollups.overall_none + EXCLUDED.overall_none,
        budget_red = stat_rollups.budget_red + EXCLUDED.budget_red,
        budget_yellow = stat_rollups.budget_yellow + EXCLUDED.budget_yellow,
        budget_green = stat_rollups.budget_green + EXCLUDED.budget_green,
        budget_blue = stat_rollups.budget_blue + EXCLUDED.budget_blue,
        budget_none = stat_rollups.budget_none + EXCLUDED.budget_none,
        output_red = stat_rollups.output_red + EXCLUDED.output_red,
        output_yellow = stat_rollups.output_yellow + EXCLUDED.output_yellow,
        output_green = stat_rollups.output_green + EXCLUDED.output_green,
        output_blue = stat_rollups.output_blue + EXCLUDED.output_blue,
        output_none = stat_rollups.output_none + EXCLUDED.output_none,
        effect_red = stat_rollups.effect_red + EXCLUDED.effect_red,
        effect_yellow = stat_rollups.effect_yellow + EXCLUDED.effect_yellow,
        effect_green = stat_rollups.effect_green + EXCLUDED.effect_green,
        effect_blue = stat_rollups.effect_blue + EXCLUDED.effect_blue,
        effect_none = stat_rollups.effect_none + EXCLUDED.effect_none,
        satisfaction_red = stat_rollups.satisfaction_red + EXCLUDED.satisfaction_red,
        satisfaction_yellow = stat_rollups.satisfaction_yellow + EXCLUDED.satisfaction_yellow,
        satisfaction_green = stat_rollups.satisfaction_green + EXCLUDED.satisfaction_green,
        satisfaction_blue = stat_rollups.satisfaction_blue + EXCLUDED.satisfaction_blue,
        satisfaction_none = stat_rollups.satisfaction_none + EXCLUDED.satisfaction_none,
        f_slow_progress = stat_rollups.f_slow_progress + EXCLUDED.f_slow_progress,
        f_slow_progress_amount = stat_rollups.f_slow_progress_amount + EXCLUDED.f_slow_progress_amount,
        f_unreasonable_targets = stat_rollups.f_unreasonable_targets + EXCLUDED.f_unreasonable_targets,
        f_unreasonable_targets_amount = stat_rollups.f_unreasonable_targets_amount + EXCLUDED.f_unreasonable_targets_amount,
        f_non_standard_management = stat_rollups.f_non_standard_management + EXCLUDED.f_non_standard_management,
        f_non_standard_management_amount = stat_rollups.f_non_standard_management_amount + EXCLUDED.f_non_standard_management_amount,
        f_unclear_objectives = stat_rollups.f_unclear_objectives + EXCLUDED.f_unclear_objectives,
        f_unclear_objectives_amount = stat_rollups.f_unclear_objectives_amount + EXCLUDED.f_unclear_objectives_amount,
        f_idle_funds = stat_rollups.f_idle_funds + EXCLUDED.f_idle_funds,
        f_idle_funds_amount = stat_rollups.f_idle_funds_amount + EXCLUDED.f_idle_funds_amount,
        f_other = stat_rollups.f_other + EXCLUDED.f_other,
        f_other_amount = stat_rollups.f_other_amount + EXCLUDED.f_other_amount,
        opinions = stat_rollups.opinions + EXCLUDED.opinions,
        suggestions = stat_rollups.suggestions + EXCLUDED.suggestions,
        policy_revisions = stat_rollups.policy_revisions + EXCLUDED.policy_revisions,
        rectifications_accepted = stat_rollups.rectifications_accepted + EXCLUDED.rectifications_accepted,
        a_reduce = stat_rollups.a_reduce + EXCLUDED.a_reduce,
        a_reduce_amount = stat_rollups.a_reduce_amount + EXCLUDED.a_reduce_amount,
        a_recover = stat_rollups.a_recover + EXCLUDED.a_recover,
        a_recover_amount = stat_rollups.a_recover_amount + EXCLUDED.a_recover_amount,
        a_reallocate = stat_rollups.a_reallocate + EXCLUDED.a_reallocate,
        a_reallocate_amount = stat_rollups.a_reallocate_amount + EXCLUDED.a_reallocate_amount,
        a_suspend = stat_rollups.a_suspend + EXCLUDED.a_suspend,
        a_suspend_amount = stat_rollups.a_suspend_amount + EXCLUDED.a_suspend_amount,
        a_stop = stat_rollups.a_stop + EXCLUDED.a_stop,
        a_stop_amount = stat_rollups.a_stop_amount + EXCLUDED.a_stop_amount,
        a_increase = stat_rollups.a_increase + EXCLUDED.a_increase,
        a_increase_amount = stat_rollups.a_increase_amount + EXCLUDED.a_increase_amount,
        adjusted_budget = stat_rollups.adjusted_budget + EXCLUDED.adjusted_budget,
        executed_amount = stat_rollups.executed_amount + EXCLUDED.executed_amount,
        good_reports = stat_rollups.good_reports + EXCLUDED.good_reports,
        scored_weighted = stat_rollups.scored_weighted + EXCLUDED.scored_weighted,
        scored_budget = stat_rollups.scored_budget + EXCLUDED.scored_budget;
    DELETE FROM stat_rollups s
     USING (SELECT DISTINCT department_id, fiscal_year FROM unnest(p_old)) k
     WHERE s.department_id = k.department_id AND s.fiscal_year = k.fiscal_year
       AND s.project_rows = 0;
END
$$;

-- Open rectifications of a department's year, rewritten where they changed.
CREATE FUNCTION stat_rectification_refresh(p_department UUID, p_year SMALLINT)
RETURNS VOID LANGUAGE plpgsql SET jit = off SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    fresh_rect stat_rectification_rollups[];
BEGIN
    fresh_rect := ARRAY(SELECT r FROM stat_rectification_rows(p_department, p_year) r);
    DELETE FROM stat_rectification_rollups s
     WHERE s.department_id = p_department AND s.fiscal_year = p_year
       AND NOT (s = ANY (fresh_rect));
    INSERT INTO stat_rectification_rollups
    SELECT f.* FROM unnest(fresh_rect) f
     WHERE NOT EXISTS (SELECT 1 FROM stat_rectification_rollups s
                        WHERE s.department_id = f.department_id AND s.fiscal_year = f.fiscal_year
                          AND s.round_key = f.round_key AND s.deadline = f.deadline);
END
$$;

-- One lock per (department, year): two transactions of the same department update its rows one
-- after the other, each after the other's commit, so neither writes sums that miss the other's
-- change. Different departments never wait for each other.
CREATE FUNCTION stat_rollup_lock(p_department UUID, p_year SMALLINT)
RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(1919904876, hashtext(p_department::text || ':' || p_year));
END
$$;

-- Notes projects this transaction touched, with their current department and year.
CREATE FUNCTION stat_rollup_mark(p_projects UUID[])
RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO stat_rollup_pending (txid, project_id, department_id, fiscal_year)
    SELECT txid_current(), id, department_id, fiscal_year
      FROM projects WHERE id = ANY (p_projects)
    ON CONFLICT DO NOTHING;
END
$$;

-- At COMMIT: everything this transaction touched. Locks are taken in a fixed order (before any
-- recomputation), so two transactions touching the same departments cannot deadlock; the first
-- pending row's trigger does the whole transaction's work and the others find nothing left.
CREATE FUNCTION stat_rollup_flush() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
DECLARE
    touched UUID[];
    departments UUID[];
    years SMALLINT[];
    old_rows stat_project_rollups[];
    new_rows stat_project_rollups[];
BEGIN
    touched := ARRAY(SELECT DISTINCT project_id FROM stat_rollup_pending
                      WHERE txid = txid_current());
    IF cardinality(touched) = 0 THEN
        RETURN NULL;
    END IF;
    SELECT array_agg(k.department_id ORDER BY k.department_id, k.fiscal_year),
           array_agg(k.fiscal_year ORDER BY k.department_id, k.fiscal_year)
      INTO departments, years
      FROM (SELECT department_id, fiscal_year FROM stat_rollup_pending
             WHERE txid = txid_current()
            UNION SELECT department_id, fiscal_year FROM stat_project_rollups
                   WHERE project_id = ANY (touched)) k;
    FOR i IN 1 .. cardinality(departments) LOOP
        PERFORM stat_rollup_lock(departments[i], years[i]);
    END LOOP;
    IF cardinality(touched) <= 1000 THEN
        old_rows := ARRAY(SELECT o FROM stat_project_rollups o WHERE o.project_id = ANY (touched));
        DELETE FROM stat_project_rollups WHERE project_id = ANY (touched);
        new_rows := ARRAY(SELECT n FROM stat_project_rows(touched) n);
        INSERT INTO stat_project_rollups SELECT * FROM unnest(new_rows);
        PERFORM stat_department_apply(old_rows, new_rows);
        -- Rectifications go only with their project, so a department's open rectifications
        -- can have changed only if a touched project has some or is gone.
        IF EXISTS (SELECT 1 FROM rectifications WHERE project_id = ANY (touched))
           OR (SELECT count(*) FROM projects WHERE id = ANY (touched)) < cardinality(touched) THEN
            FOR i IN 1 .. cardinality(departments) LOOP
                PERFORM stat_rectification_refresh(departments[i], years[i]);
            END LOOP;
        END IF;
    ELSE
        -- A round opening, an import or a department's flag: one pass over the projects, then
        -- each department re-summed, cheaper than carrying thousands of rows as deltas.
        PERFORM stat_project_refresh(touched);
        FOR i IN 1 .. cardinality(departments) LOOP
            PERFORM stat_department_refresh(departments[i], years[i]);
        END LOOP;
    END IF;
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
        INSERT INTO stat_rollup_pending (txid, project_id, department_id, fiscal_year)
        SELECT txid_current(), id, department_id, fiscal_year FROM new_rows
        ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO stat_rollup_pending (txid, project_id, department_id, fiscal_year)
        SELECT txid_current(), id, department_id, fiscal_year FROM old_rows
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

-- A department's flag or place in the tree changes every project it has.
CREATE FUNCTION stat_rollup_mark_department() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM stat_rollup_mark(ARRAY(SELECT p.id FROM projects p
                                    WHERE p.department_id IN (SELECT id FROM new_rows)));
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
        IF t.tbl <> 'report_indicators' THEN
            EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows
                            NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %I()',
                           t.tbl || '_rollup_upd', t.tbl, t.fn);
        END IF;
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION %I()', t.tbl || '_rollup_del', t.tbl, t.fn);
    END LOOP;
END
$$;

-- Of an indicator row only the comparator counts (in the report's field count), and the
-- department edits its rows' values one statement each: a row trigger whose condition PostgreSQL
-- checks itself costs those edits nothing.
CREATE FUNCTION stat_rollup_mark_indicator_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM stat_rollup_mark(ARRAY(SELECT project_id FROM reports
                                    WHERE id IN (OLD.report_id, NEW.report_id)));
    RETURN NULL;
END
$$;

CREATE TRIGGER report_indicators_rollup_upd AFTER UPDATE ON report_indicators FOR EACH ROW
    WHEN (OLD.comparator IS DISTINCT FROM NEW.comparator OR OLD.report_id <> NEW.report_id)
    EXECUTE FUNCTION stat_rollup_mark_indicator_row();

CREATE TRIGGER departments_rollup_upd AFTER UPDATE ON departments
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION stat_rollup_mark_department();

-- The figures of the data already there.
SET LOCAL jit = off;
INSERT INTO stat_project_rollups SELECT * FROM stat_project_rows(ARRAY(SELECT id FROM projects));
SELECT stat_department_refresh(k.department_id, k.fiscal_year)
  FROM (SELECT DISTINCT department_id, fiscal_year FROM projects) k;
