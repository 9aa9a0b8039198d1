//! Statistics read from the rollups the write-time triggers keep (migration
//! `2026-12-02-000008_rollups`): one row per department, year and round, summed per bucket at
//! read time. A statistic reads about (departments x rounds) rows, however many projects the
//! province has; secret-related projects and departments are never in the rollups.

use std::sync::LazyLock;

use bigdecimal::BigDecimal;
use chrono::NaiveDate;
use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::sql_types::{
    BigInt, Date, Integer, Nullable, Numeric, SmallInt, Text, Uuid as SqlUuid,
};
use uuid::Uuid;

use crate::error::AppError;
use crate::pagination::like_prefix;

/// Which rows count: a subtree, a year, optionally a round and a department subtree, and the
/// level whose children the figures are split by.
pub struct StatFilter {
    /// Materialized path of the region whose subtree counts.
    pub region_path: String,
    pub year: i16,
    pub round_id: Option<Uuid>,
    /// A department officer's own department subtree: (region id, department path).
    pub department: Option<(Uuid, String)>,
    /// Split by the children of this region path; `None` puts everything in one bucket "".
    pub split_under: Option<String>,
}

/// The rollup key of the whole year, as SQL (rows of one round carry the round's id).
const WHOLE_YEAR: &str = "'00000000-0000-0000-0000-000000000000'::uuid";

/// Rollup rows in the filter, with their bucket. Binds: $1 region LIKE pattern, $2 year, $3
/// round, $4/$5 department region and path pattern, $6 split path ("" = none).
const IN_SCOPE: &str = "
    CASE WHEN $6 = '' OR s.region_path = $6 THEN ''
         ELSE split_part(substr(s.region_path, length($6) + 1), '/', 1) END AS bucket
    FROM {table} s
    WHERE s.fiscal_year = $2 AND s.region_path LIKE $1
      AND ($4::uuid IS NULL OR (s.region_id = $4 AND s.department_path LIKE $5))";

/// Whose rows a figure sums: the asked round's (or the whole year's), or always the whole
/// year's (fund adjustments belong to no round).
#[derive(Clone, Copy)]
enum Of {
    Round,
    Year,
}

/// The figures `Figures::apply` reads: key, count column, amount column.
const FIGURES: &[(&str, &str, Option<&str>, Of)] = &[
    ("projects", "projects", Some("projects_funds"), Of::Round),
    ("key_projects", "key_projects", Some("key_funds"), Of::Round),
    ("inspections", "inspections", None, Of::Round),
    ("status:draft", "status_draft", None, Of::Round),
    ("status:submitted", "status_submitted", None, Of::Round),
    ("status:returned", "status_returned", None, Of::Round),
    ("status:approved", "status_approved", None, Of::Round),
    ("late", "late", None, Of::Round),
    ("system_filled", "system_filled", None, Of::Round),
    ("indicator_fields", "indicator_fields", None, Of::Round),
    (
        "finding:slow_progress",
        "f_slow_progress",
        Some("f_slow_progress_amount"),
        Of::Round,
    ),
    (
        "finding:unreasonable_targets",
        "f_unreasonable_targets",
        Some("f_unreasonable_targets_amount"),
        Of::Round,
    ),
    (
        "finding:non_standard_management",
        "f_non_standard_management",
        Some("f_non_standard_management_amount"),
        Of::Round,
    ),
    (
        "finding:unclear_objectives",
        "f_unclear_objectives",
        Some("f_unclear_objectives_amount"),
        Of::Round,
    ),
    (
        "finding:idle_funds",
        "f_idle_funds",
        Some("f_idle_funds_amount"),
        Of::Round,
    ),
    (
        "finding:other",
        "f_other",
        Some("f_other_amount"),
        Of::Round,
    ),
    ("opinion:opinion", "opinions", None, Of::Round),
    ("opinion:suggestion", "suggestions", None, Of::Round),
    (
        "opinion:policy_revision",
        "policy_revisions",
        None,
        Of::Round,
    ),
    (
        "rectification:accepted",
        "rectifications_accepted",
        None,
        Of::Round,
    ),
    (
        "adjustment:reduce",
        "a_reduce",
        Some("a_reduce_amount"),
        Of::Year,
    ),
    (
        "adjustment:recover",
        "a_recover",
        Some("a_recover_amount"),
        Of::Year,
    ),
    (
        "adjustment:reallocate",
        "a_reallocate",
        Some("a_reallocate_amount"),
        Of::Year,
    ),
    (
        "adjustment:suspend",
        "a_suspend",
        Some("a_suspend_amount"),
        Of::Year,
    ),
    ("adjustment:stop", "a_stop", Some("a_stop_amount"), Of::Year),
    (
        "adjustment:increase",
        "a_increase",
        Some("a_increase_amount"),
        Of::Year,
    ),
];

const LIGHT_CATEGORIES: [&str; 5] = ["overall", "budget", "output", "effect", "satisfaction"];
const LIGHT_COLOURS: [&str; 5] = ["red", "yellow", "green", "blue", "none"];

/// The figures query: rollup rows summed per bucket, then one (bucket, key, n, amount) row per
/// figure, the shape `Figures::by_bucket` reads. "Missing" reports and overdue rectifications
/// are counted against today's date here, from the rounds' due dates and the deadlines the
/// rollups keep.
static FIGURES_SQL: LazyLock<String> = LazyLock::new(|| {
    let target = format!("coalesce($3::uuid, {WHOLE_YEAR})");
    let whole = WHOLE_YEAR;
    let mut sums = vec![format!(
        "count(*) FILTER (WHERE round_key = {target} AND reports > 0) AS c_departments"
    )];
    let mut values = vec!["('departments', c_departments, NULL::numeric)".to_owned()];
    let mut figure = |key: String, count: String, amount: Option<String>, of: Of| {
        let when = match of {
            Of::Round => target.as_str(),
            Of::Year => whole,
        };
        let i = values.len();
        sums.push(format!(
            "coalesce(sum({count}) FILTER (WHERE round_key = {when}), 0)::bigint AS c{i}"
        ));
        let amount_col = match amount {
            Some(a) => {
                sums.push(format!(
                    "coalesce(sum({a}) FILTER (WHERE round_key = {when}), 0) AS a{i}"
                ));
                format!("a{i}")
            }
            None => "NULL::numeric".to_owned(),
        };
        values.push(format!("('{key}', c{i}, {amount_col})"));
    };
    for (key, count, amount, of) in FIGURES {
        figure(
            (*key).to_owned(),
            (*count).to_owned(),
            amount.map(str::to_owned),
            *of,
        );
    }
    for category in LIGHT_CATEGORIES {
        for colour in LIGHT_COLOURS {
            figure(
                format!("light:{category}:{colour}"),
                format!("{category}_{colour}"),
                None,
                Of::Round,
            );
        }
    }
    let rollups = IN_SCOPE.replace("{table}", "stat_rollups");
    let rectifications = IN_SCOPE.replace("{table}", "stat_rectification_rollups");
    format!(
        "WITH agg AS (
            SELECT bucket, {sums}
              FROM (SELECT s.*, {rollups}
                       AND s.round_key IN ({target}, {whole})) s
             GROUP BY bucket
         ),
         missing AS (
            SELECT s.bucket, sum(s.unsubmitted)::bigint AS n
              FROM (SELECT s.round_key, s.unsubmitted, {rollups}
                       AND s.round_key <> {whole} AND ($3::uuid IS NULL OR s.round_key = $3)) s
              JOIN rounds ro ON ro.id = s.round_key
             WHERE ro.due_date < current_date
             GROUP BY s.bucket
         ),
         rect AS (
            SELECT s.bucket,
                   coalesce(sum(s.open) FILTER (WHERE s.deadline < current_date), 0)::bigint AS overdue,
                   coalesce(sum(s.open) FILTER (WHERE s.deadline >= current_date), 0)::bigint AS open
              FROM (SELECT s.deadline, s.open, {rectifications}
                       AND s.round_key = {target}) s
             GROUP BY s.bucket
         )
         SELECT agg.bucket, v.key, v.n, v.amount
           FROM agg CROSS JOIN LATERAL (VALUES {values}) AS v(key, n, amount)
         UNION ALL SELECT bucket, 'missing', n, NULL FROM missing
         UNION ALL SELECT bucket, 'rectification:overdue', overdue, NULL FROM rect
         UNION ALL SELECT bucket, 'rectification:open', open, NULL FROM rect",
        sums = sums.join(",\n                   "),
        values = values.join(",\n                   "),
    )
});

/// One grouped count: `bucket` is the child region's code ("" for the level itself), `key`
/// names the figure.
#[derive(Debug, Clone, QueryableByName)]
pub struct StatRow {
    #[diesel(sql_type = Text)]
    pub bucket: String,
    #[diesel(sql_type = Text)]
    pub key: String,
    #[diesel(sql_type = BigInt)]
    pub n: i64,
    #[diesel(sql_type = Nullable<Numeric>)]
    pub amount: Option<BigDecimal>,
}

macro_rules! bind_filter {
    ($query:expr, $f:expr) => {{
        let f = $f;
        let (dept_region, dept_path) = match &f.department {
            Some((region, path)) => (Some(*region), Some(like_prefix(path))),
            None => (None, None),
        };
        $query
            .bind::<Text, _>(like_prefix(&f.region_path))
            .bind::<SmallInt, _>(f.year)
            .bind::<Nullable<SqlUuid>, _>(f.round_id)
            .bind::<Nullable<SqlUuid>, _>(dept_region)
            .bind::<Nullable<Text>, _>(dept_path)
            .bind::<Text, _>(f.split_under.clone().unwrap_or_default())
    }};
}

pub fn figures(conn: &mut PgConnection, filter: &StatFilter) -> Result<Vec<StatRow>, AppError> {
    bind_filter!(diesel::sql_query(FIGURES_SQL.as_str()), filter)
        .load(conn)
        .map_err(AppError::from)
}

/// Findings per bucket and category (`key` is the category), categories without findings left
/// out.
pub fn problems(conn: &mut PgConnection, filter: &StatFilter) -> Result<Vec<StatRow>, AppError> {
    let mut rows: Vec<StatRow> = figures(conn, filter)?
        .into_iter()
        .filter(|r| r.n > 0)
        .filter_map(|r| {
            let category = r.key.strip_prefix("finding:")?.to_owned();
            Some(StatRow { key: category, ..r })
        })
        .collect();
    rows.sort_by(|a, b| (&a.bucket, &a.key).cmp(&(&b.bucket, &b.key)));
    Ok(rows)
}

#[derive(QueryableByName)]
pub struct TrendRow {
    #[diesel(sql_type = SqlUuid)]
    pub round_id: Uuid,
    #[diesel(sql_type = Text)]
    pub round_name: String,
    #[diesel(sql_type = Date)]
    pub cutoff_date: NaiveDate,
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

/// Per round of the year with reports in the filter: the trend query, built once.
static TREND_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT ro.id AS round_id, ro.name AS round_name, ro.cutoff_date,
                sum(s.reports)::bigint AS reports,
                sum(s.adjusted_budget) AS adjusted_budget,
                sum(s.executed_amount) AS executed_amount,
                sum(s.overall_red)::bigint AS red,
                sum(s.overall_yellow)::bigint AS yellow,
                sum(s.overall_green)::bigint AS green,
                sum(s.overall_blue)::bigint AS blue,
                sum(s.reports - s.overall_red - s.overall_yellow - s.overall_green
                    - s.overall_blue)::bigint AS none
           FROM (SELECT s.*, {scope}
                    AND s.round_key <> {WHOLE_YEAR}
                    AND ($3::uuid IS NULL OR s.round_key = $3)) s
           JOIN rounds ro ON ro.id = s.round_key
          WHERE ro.fiscal_year = $2
          GROUP BY ro.id, ro.name, ro.cutoff_date
         HAVING sum(s.reports) > 0
          ORDER BY ro.cutoff_date, ro.id",
        scope = IN_SCOPE.replace("{table}", "stat_rollups"),
    )
});

/// Per round of the year with reports in the filter (in cut-off order): reports, budget,
/// execution and project lights ("none" is every report without one of the four colours).
pub fn trend(conn: &mut PgConnection, filter: &StatFilter) -> Result<Vec<TrendRow>, AppError> {
    bind_filter!(diesel::sql_query(TREND_SQL.as_str()), filter)
        .load(conn)
        .map_err(AppError::from)
}

/// One department's reports in a round, the inputs of its ranking.
#[derive(Debug, Clone, QueryableByName)]
pub struct DepartmentRound {
    #[diesel(sql_type = SqlUuid)]
    pub department_id: Uuid,
    #[diesel(sql_type = Text)]
    pub department_code: String,
    #[diesel(sql_type = Text)]
    pub department_name: String,
    #[diesel(sql_type = Integer)]
    pub reports: i32,
    #[diesel(sql_type = Integer)]
    pub late: i32,
    /// Submitted or approved on time and never returned.
    #[diesel(sql_type = Integer)]
    pub good_reports: i32,
    /// Sum of project total x adjusted budget over the reports with a total.
    #[diesel(sql_type = Numeric)]
    pub scored_weighted: BigDecimal,
    #[diesel(sql_type = Numeric)]
    pub scored_budget: BigDecimal,
    #[diesel(sql_type = Integer)]
    pub red: i32,
    #[diesel(sql_type = Integer)]
    pub yellow: i32,
    #[diesel(sql_type = Integer)]
    pub green: i32,
    #[diesel(sql_type = Integer)]
    pub blue: i32,
    #[diesel(sql_type = BigInt)]
    pub system_filled: i64,
    #[diesel(sql_type = BigInt)]
    pub report_fields: i64,
}

/// The departments of a region subtree with reports in the round.
pub fn department_rounds(
    conn: &mut PgConnection,
    round_id: Uuid,
    region_path: &str,
) -> Result<Vec<DepartmentRound>, AppError> {
    diesel::sql_query(
        "SELECT s.department_id, d.code AS department_code, d.name AS department_name,
                s.reports, s.late, s.good_reports, s.scored_weighted, s.scored_budget,
                s.overall_red AS red, s.overall_yellow AS yellow, s.overall_green AS green,
                s.overall_blue AS blue, s.system_filled, s.indicator_fields AS report_fields
           FROM stat_rollups s JOIN departments d ON d.id = s.department_id
          WHERE s.round_key = $1 AND s.region_path LIKE $2 AND s.reports > 0",
    )
    .bind::<SqlUuid, _>(round_id)
    .bind::<Text, _>(like_prefix(region_path))
    .load(conn)
    .map_err(AppError::from)
}

/// A (department, year) whose stored rollups differ from a recomputation from the raw rows.
#[derive(Debug, Clone, QueryableByName)]
pub struct RollupDifference {
    #[diesel(sql_type = SqlUuid)]
    pub department_id: Uuid,
    #[diesel(sql_type = Text)]
    pub department_code: String,
    #[diesel(sql_type = SmallInt)]
    pub fiscal_year: i16,
    /// Rows that are stored but should not be, or differ, plus rows that are missing.
    #[diesel(sql_type = BigInt)]
    pub rows: i64,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Every (department, year) that has projects or stored rollups.
pub fn rollup_keys(conn: &mut PgConnection) -> Result<i64, AppError> {
    diesel::sql_query(
        "SELECT count(*) AS n FROM (
            SELECT department_id, fiscal_year FROM projects
            UNION SELECT department_id, fiscal_year FROM stat_rollups
            UNION SELECT department_id, fiscal_year FROM stat_rectification_rollups) k",
    )
    .get_result::<Count>(conn)
    .map(|c| c.n)
    .map_err(AppError::from)
}

/// Recomputes every summary from the raw rows and lists the (department, year) pairs whose
/// stored rows differ: a project's rows against the raw rows, a department's rows against the
/// sums of its projects' rows (so together: against the raw rows), and the open
/// rectifications by deadline.
pub fn rollup_differences(conn: &mut PgConnection) -> Result<Vec<RollupDifference>, AppError> {
    diesel::sql_query(
        "WITH fresh_projects AS (
            SELECT * FROM stat_project_rows(ARRAY(SELECT id FROM projects))
         ),
         project_diff AS (
            (SELECT * FROM fresh_projects EXCEPT ALL SELECT * FROM stat_project_rollups)
            UNION ALL (SELECT * FROM stat_project_rollups EXCEPT ALL SELECT * FROM fresh_projects)
         ),
         keys AS (
            SELECT department_id, fiscal_year FROM projects
            UNION SELECT department_id, fiscal_year FROM stat_rollups
            UNION SELECT department_id, fiscal_year FROM stat_rectification_rollups
         ),
         fresh AS (
            SELECT r.* FROM keys, LATERAL stat_department_rows(keys.department_id, keys.fiscal_year) r
         ),
         fresh_rect AS (
            SELECT r.* FROM keys, LATERAL stat_rectification_rows(keys.department_id, keys.fiscal_year) r
         ),
         diff AS (
            (SELECT * FROM fresh EXCEPT ALL SELECT * FROM stat_rollups)
            UNION ALL (SELECT * FROM stat_rollups EXCEPT ALL SELECT * FROM fresh)
         ),
         diff_rect AS (
            (SELECT * FROM fresh_rect EXCEPT ALL SELECT * FROM stat_rectification_rollups)
            UNION ALL
            (SELECT * FROM stat_rectification_rollups EXCEPT ALL SELECT * FROM fresh_rect)
         )
         SELECT x.department_id, coalesce(d.code, '') AS department_code, x.fiscal_year,
                count(*) AS rows
           FROM (SELECT department_id, fiscal_year FROM project_diff
                 UNION ALL SELECT department_id, fiscal_year FROM diff
                 UNION ALL SELECT department_id, fiscal_year FROM diff_rect) x
           LEFT JOIN departments d ON d.id = x.department_id
          GROUP BY x.department_id, d.code, x.fiscal_year
          ORDER BY d.code, x.fiscal_year",
    )
    .load(conn)
    .map_err(AppError::from)
}

/// Rewrites one (department, year) from the raw rows, its projects' rows first, under the lock
/// the write-time flush takes, so it cannot interleave with a writer of that department.
pub fn repair_rollup(conn: &mut PgConnection, department: Uuid, year: i16) -> Result<(), AppError> {
    diesel::sql_query("SELECT stat_rollup_lock($1, $2)")
        .bind::<SqlUuid, _>(department)
        .bind::<SmallInt, _>(year)
        .execute(conn)?;
    diesel::sql_query(
        "SELECT stat_project_refresh(ARRAY(
             SELECT id FROM projects WHERE department_id = $1 AND fiscal_year = $2
             UNION SELECT project_id FROM stat_project_rollups
                    WHERE department_id = $1 AND fiscal_year = $2))",
    )
    .bind::<SqlUuid, _>(department)
    .bind::<SmallInt, _>(year)
    .execute(conn)?;
    diesel::sql_query("SELECT stat_department_refresh($1, $2)")
        .bind::<SqlUuid, _>(department)
        .bind::<SmallInt, _>(year)
        .execute(conn)?;
    Ok(())
}
