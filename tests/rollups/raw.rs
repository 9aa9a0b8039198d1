//! The statistics as the service computed them before the rollups existed: grouped queries over
//! the raw rows on every call. The rollup tests compare every statistics endpoint with these.

use bigdecimal::BigDecimal;
use budget_monitor::stats::store::StatRow;
use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Nullable, Numeric, SmallInt, Text, Uuid as SqlUuid};
use uuid::Uuid;

/// The same filter as `StatFilter`: subtree path, year, round, department (region id, path),
/// split path.
pub struct Filter {
    pub region_path: String,
    pub year: i16,
    pub round: Option<Uuid>,
    pub department: Option<(Uuid, String)>,
    pub split_under: Option<String>,
}

fn like(prefix: &str) -> String {
    budget_monitor::pagination::like_prefix(prefix)
}

const SCOPED: &str = "
WITH sp AS (
    SELECT p.id, p.department_id, p.initial_budget, p.key_monitoring,
           CASE WHEN $6 = '' OR p.region_path = $6 THEN ''
                ELSE split_part(substr(p.region_path, length($6) + 1), '/', 1) END AS bucket
    FROM projects p
    WHERE p.fiscal_year = $2 AND NOT (p.id IN (SELECT id FROM hidden_projects))
      AND p.region_path LIKE $1
      AND ($4::uuid IS NULL OR (p.region_id = $4 AND p.department_path LIKE $5))
),
rr AS (
    SELECT r.id, r.project_id, r.department_id, r.status, r.late, r.generated_fields,
           r.applicable_fields, ro.due_date,
           sp.bucket
    FROM reports r
    JOIN rounds ro ON ro.id = r.round_id
    JOIN sp ON sp.id = r.project_id
    WHERE ro.fiscal_year = $2 AND ($3::uuid IS NULL OR ro.id = $3)
),
ins AS (
    SELECT i.id, i.project_id, sp.bucket
    FROM inspections i JOIN sp ON sp.id = i.project_id
    WHERE $3::uuid IS NULL OR i.round_id = $3
)";

const FIGURES: &str = "
SELECT bucket, 'departments' AS key, count(DISTINCT department_id) AS n, NULL::numeric AS amount
  FROM rr GROUP BY bucket
UNION ALL
SELECT bucket, 'projects', count(*), sum(initial_budget)
  FROM sp WHERE EXISTS (SELECT 1 FROM rr WHERE rr.project_id = sp.id) GROUP BY bucket
UNION ALL
SELECT bucket, 'key_projects', count(*), sum(initial_budget)
  FROM sp WHERE key_monitoring
   AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM rr WHERE rr.project_id = sp.id))
 GROUP BY bucket
UNION ALL
SELECT bucket, 'inspections', count(*), NULL FROM ins GROUP BY bucket
UNION ALL
SELECT bucket, 'status:' || status, count(*), NULL FROM rr GROUP BY bucket, status
UNION ALL
SELECT bucket, 'late', count(*), NULL FROM rr WHERE late GROUP BY bucket
UNION ALL
SELECT bucket, 'missing', count(*), NULL FROM rr
 WHERE status IN ('draft', 'returned') AND due_date < current_date GROUP BY bucket
UNION ALL
SELECT bucket, 'system_filled', sum(generated_fields), NULL FROM rr GROUP BY bucket
UNION ALL
SELECT bucket, 'indicator_fields', sum(applicable_fields), NULL FROM rr GROUP BY bucket
UNION ALL
SELECT rr.bucket, 'light:' || c.category || ':' || c.light, count(*), NULL
  FROM rr JOIN report_evaluations e ON e.report_id = rr.id
  CROSS JOIN LATERAL (VALUES ('overall', e.light_overall), ('budget', e.light_budget),
                             ('output', e.light_output), ('effect', e.light_effect),
                             ('satisfaction', e.light_satisfaction)) AS c(category, light)
 GROUP BY rr.bucket, c.category, c.light
UNION ALL
SELECT ins.bucket, 'finding:' || f.category, count(*), sum(f.amount)
  FROM findings f JOIN ins ON ins.id = f.inspection_id GROUP BY ins.bucket, f.category
UNION ALL
SELECT ins.bucket, 'opinion:' || o.kind, count(*), NULL
  FROM inspection_opinions o JOIN ins ON ins.id = o.inspection_id GROUP BY ins.bucket, o.kind
UNION ALL
SELECT ins.bucket, 'rectification:' || CASE WHEN t.status = 'accepted' THEN 'accepted'
                                            WHEN t.deadline < current_date THEN 'overdue'
                                            ELSE 'open' END,
       count(*), NULL
  FROM rectifications t JOIN findings f ON f.id = t.finding_id JOIN ins ON ins.id = f.inspection_id
 GROUP BY 1, 2
UNION ALL
SELECT sp.bucket, 'adjustment:' || a.kind,
       count(*) FILTER (WHERE a.reverses_id IS NULL) - count(*) FILTER (WHERE a.reverses_id IS NOT NULL),
       sum(CASE WHEN a.reverses_id IS NULL THEN a.amount ELSE -a.amount END)
  FROM adjustments a JOIN sp ON sp.id = a.project_id GROUP BY sp.bucket, a.kind";

macro_rules! bind {
    ($query:expr, $f:expr) => {{
        let f = $f;
        let (dept_region, dept_path) = match &f.department {
            Some((region, path)) => (Some(*region), Some(like(path))),
            None => (None, None),
        };
        $query
            .bind::<Text, _>(like(&f.region_path))
            .bind::<SmallInt, _>(f.year)
            .bind::<Nullable<SqlUuid>, _>(f.round)
            .bind::<Nullable<SqlUuid>, _>(dept_region)
            .bind::<Nullable<Text>, _>(dept_path)
            .bind::<Text, _>(f.split_under.clone().unwrap_or_default())
    }};
}

pub fn figures(conn: &mut PgConnection, f: &Filter) -> Vec<StatRow> {
    bind!(diesel::sql_query(format!("{SCOPED} {FIGURES}")), f)
        .load(conn)
        .expect("raw figures")
}

pub fn problems(conn: &mut PgConnection, f: &Filter) -> Vec<StatRow> {
    let sql = format!(
        "{SCOPED}
         SELECT ins.bucket, f.category AS key, count(*) AS n, sum(f.amount) AS amount
           FROM findings f JOIN ins ON ins.id = f.inspection_id
          GROUP BY ins.bucket, f.category ORDER BY 1, 2"
    );
    bind!(diesel::sql_query(sql), f)
        .load(conn)
        .expect("raw problems")
}

#[derive(Debug, QueryableByName)]
pub struct TrendRow {
    #[diesel(sql_type = SqlUuid)]
    pub round_id: Uuid,
    #[diesel(sql_type = BigInt)]
    pub reports: i64,
    #[diesel(sql_type = Numeric)]
    pub adjusted_budget: BigDecimal,
    #[diesel(sql_type = Numeric)]
    pub executed_amount: BigDecimal,
    #[diesel(sql_type = BigInt)]
    pub red: i64,
    #[diesel(sql_type = BigInt)]
    pub yellow: i64,
    #[diesel(sql_type = BigInt)]
    pub green: i64,
    #[diesel(sql_type = BigInt)]
    pub blue: i64,
    #[diesel(sql_type = BigInt)]
    pub none: i64,
}

pub fn trend(conn: &mut PgConnection, f: &Filter) -> Vec<TrendRow> {
    let sql = format!(
        "{SCOPED}
         SELECT ro.id AS round_id,
                count(r.id) AS reports,
                coalesce(sum(r.adjusted_budget), 0) AS adjusted_budget,
                coalesce(sum(r.executed_amount), 0) AS executed_amount,
                count(*) FILTER (WHERE e.light_overall = 'red') AS red,
                count(*) FILTER (WHERE e.light_overall = 'yellow') AS yellow,
                count(*) FILTER (WHERE e.light_overall = 'green') AS green,
                count(*) FILTER (WHERE e.light_overall = 'blue') AS blue,
                count(r.id) FILTER (WHERE e.light_overall IS NULL OR e.light_overall = 'none') AS none
           FROM rounds ro
           JOIN reports r ON r.round_id = ro.id
           JOIN sp ON sp.id = r.project_id
           LEFT JOIN report_evaluations e ON e.report_id = r.id
          WHERE ro.fiscal_year = $2 AND ($3::uuid IS NULL OR ro.id = $3)
          GROUP BY ro.id, ro.cutoff_date
          ORDER BY ro.cutoff_date, ro.id"
    );
    bind!(diesel::sql_query(sql), f)
        .load(conn)
        .expect("raw trend")
}

/// One report of a round, as the ranking used to read them.
#[derive(Debug, QueryableByName)]
pub struct RankingRow {
    #[diesel(sql_type = SqlUuid)]
    pub department_id: Uuid,
    #[diesel(sql_type = Numeric)]
    pub adjusted_budget: BigDecimal,
    #[diesel(sql_type = Text)]
    pub status: String,
    #[diesel(sql_type = Bool)]
    pub late: bool,
    #[diesel(sql_type = Nullable<Text>)]
    pub light_overall: Option<String>,
    #[diesel(sql_type = Nullable<Numeric>)]
    pub score_total: Option<BigDecimal>,
    #[diesel(sql_type = Bool)]
    pub returned: bool,
}

pub fn ranking_rows(conn: &mut PgConnection, round: Uuid, region_path: &str) -> Vec<RankingRow> {
    diesel::sql_query(
        "SELECT r.department_id, r.adjusted_budget, r.status, r.late, e.light_overall,
                e.score_total,
                EXISTS (SELECT 1 FROM report_transitions t
                         WHERE t.report_id = r.id AND t.to_status = 'returned') AS returned
           FROM reports r LEFT JOIN report_evaluations e ON e.report_id = r.id
          WHERE r.round_id = $1 AND r.region_path LIKE $2
            AND r.project_id NOT IN (SELECT id FROM hidden_projects)",
    )
    .bind::<SqlUuid, _>(round)
    .bind::<Text, _>(like(region_path))
    .load(conn)
    .expect("raw ranking rows")
}
