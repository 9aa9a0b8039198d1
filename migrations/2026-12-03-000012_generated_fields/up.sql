-- Issue 18: which of a report's fields apply to it and which the system generated are decided
-- at write time by the service (reports::proposals, from domain::fields), and kept on the row so
-- the statistics sum them instead of re-deriving the rule in SQL.
ALTER TABLE reports
    -- Fields the department has set since the report was created: the system proposes nothing
    -- into them any more, even when the department emptied one.
    ADD COLUMN department_fields TEXT[] NOT NULL DEFAULT '{}',
    -- Of the fields that apply, how many the system filled and nobody changed since.
    ADD COLUMN generated_fields INT NOT NULL DEFAULT 0,
    -- The fields that apply to the report (budget, narrative, and per indicator those its
    -- comparator and state call for).
    ADD COLUMN applicable_fields INT NOT NULL DEFAULT 0,
    -- The logic checks that failed at the last write (domain::checks), as the API shows them.
    ADD COLUMN checks JSONB NOT NULL DEFAULT '[]';

-- The rollups' `system_filled` and `indicator_fields` columns now hold the report's generated
-- and applicable fields (the names stay so the other rollup functions need no change; the
-- service no longer adds the 12 report-level fields itself).
CREATE OR REPLACE FUNCTION stat_project_rows(p_projects UUID[])
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
    SELECT r.project_id, r.round_id, r.status, r.late, r.generated_fields::bigint AS system_filled,
           r.adjusted_budget, r.executed_amount,
           r.applicable_fields::bigint AS indicator_fields,
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

-- Reports written before this migration keep the earlier rule's figures (every system-filled
-- field; 12 report fields plus 7 per numeric and 6 per qualitative indicator) until a write
-- re-evaluates them (any edit, refresh or rule change of an open round does);
-- `budget-monitor recount-fields` recounts all of them at once by the current rule.
UPDATE reports r SET
    generated_fields = cardinality(r.system_filled),
    applicable_fields = 12 + (SELECT count(*) * 7 - count(*) FILTER (WHERE ri.comparator = 'qualitative')
                                FROM report_indicators ri WHERE ri.report_id = r.id);
