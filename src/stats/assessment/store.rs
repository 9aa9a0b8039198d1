//! The SQL of the department assessment: one statement per kind of record for the whole region
//! and year, grouped by department (`= ANY` over the departments), never one per department.
//!
//! Departments and their fund adjustments come from the whole-year rollup rows, as
//! `/stats/overview` reads them (secret-related projects and departments are never in them);
//! reports, rectifications and results applications from their tables, narrowed by
//! [`visible!`](crate::visible) with the scope the handler passes.

use bigdecimal::BigDecimal;
use chrono::NaiveDate;
use diesel::dsl::{count, count_star, sql};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Integer, Numeric, SmallInt, Text, Uuid as SqlUuid};
use uuid::Uuid;

use crate::auth::ListScope;
use crate::error::AppError;
use crate::schema::{projects, rectifications, reports, result_applications, rounds};
use crate::stats::store::StatRow;

/// A round of the year that reached the region's departments.
#[derive(Debug, Clone, Queryable)]
pub struct RoundRef {
    pub id: Uuid,
    pub name: String,
    pub cutoff_date: NaiveDate,
}

/// The opened rounds of `year` whose region is one of `region_paths` (the region itself and
/// the regions above it: a provincial round covers a city's departments too), by cut-off date.
pub fn rounds_covering(
    conn: &mut PgConnection,
    region_paths: &[String],
    year: i16,
) -> Result<Vec<RoundRef>, AppError> {
    rounds::table
        .filter(rounds::fiscal_year.eq(year))
        .filter(rounds::region_path.eq_any(region_paths))
        .filter(rounds::opened_at.is_not_null())
        .order((rounds::cutoff_date.asc(), rounds::id.asc()))
        .select((rounds::id, rounds::name, rounds::cutoff_date))
        .load(conn)
        .map_err(AppError::from)
}

/// A department of the region with projects in the year, and its fund adjustments net of
/// reversals (the rollups' whole-year row).
#[derive(Debug, Clone, QueryableByName)]
pub struct DepartmentYear {
    #[diesel(sql_type = SqlUuid)]
    pub department_id: Uuid,
    #[diesel(sql_type = Text)]
    pub department_code: String,
    #[diesel(sql_type = Text)]
    pub department_name: String,
    #[diesel(sql_type = Integer)]
    pub a_reduce: i32,
    #[diesel(sql_type = Numeric)]
    pub a_reduce_amount: BigDecimal,
    #[diesel(sql_type = Integer)]
    pub a_recover: i32,
    #[diesel(sql_type = Numeric)]
    pub a_recover_amount: BigDecimal,
    #[diesel(sql_type = Integer)]
    pub a_reallocate: i32,
    #[diesel(sql_type = Numeric)]
    pub a_reallocate_amount: BigDecimal,
    #[diesel(sql_type = Integer)]
    pub a_suspend: i32,
    #[diesel(sql_type = Numeric)]
    pub a_suspend_amount: BigDecimal,
    #[diesel(sql_type = Integer)]
    pub a_stop: i32,
    #[diesel(sql_type = Numeric)]
    pub a_stop_amount: BigDecimal,
    #[diesel(sql_type = Integer)]
    pub a_increase: i32,
    #[diesel(sql_type = Numeric)]
    pub a_increase_amount: BigDecimal,
}

impl DepartmentYear {
    /// The adjustments as the grouped counts `stats::dto::Figures` sums for the overview, keyed
    /// by the department's id.
    pub fn adjustment_rows(&self) -> Vec<StatRow> {
        let bucket = self.department_id.to_string();
        [
            ("reduce", self.a_reduce, &self.a_reduce_amount),
            ("recover", self.a_recover, &self.a_recover_amount),
            ("reallocate", self.a_reallocate, &self.a_reallocate_amount),
            ("suspend", self.a_suspend, &self.a_suspend_amount),
            ("stop", self.a_stop, &self.a_stop_amount),
            ("increase", self.a_increase, &self.a_increase_amount),
        ]
        .into_iter()
        .map(|(kind, n, amount)| StatRow {
            bucket: bucket.clone(),
            key: format!("adjustment:{kind}"),
            n: i64::from(n),
            amount: Some(amount.clone()),
        })
        .collect()
    }
}

/// The departments whose region is exactly `region_path` with a whole-year rollup row, i.e.
/// with projects in `year` that are not secret-related.
pub fn department_years(
    conn: &mut PgConnection,
    region_path: &str,
    year: i16,
) -> Result<Vec<DepartmentYear>, AppError> {
    diesel::sql_query(
        "SELECT s.department_id, d.code AS department_code, d.name AS department_name,
                s.a_reduce, s.a_reduce_amount, s.a_recover, s.a_recover_amount,
                s.a_reallocate, s.a_reallocate_amount, s.a_suspend, s.a_suspend_amount,
                s.a_stop, s.a_stop_amount, s.a_increase, s.a_increase_amount
           FROM stat_rollups s JOIN departments d ON d.id = s.department_id
          WHERE s.fiscal_year = $1
            AND s.round_key = '00000000-0000-0000-0000-000000000000'::uuid
            AND s.region_path = $2
          ORDER BY d.code",
    )
    .bind::<SmallInt, _>(year)
    .bind::<Text, _>(region_path)
    .load(conn)
    .map_err(AppError::from)
}

/// One department's reports in the year's rounds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportTotals {
    pub rounds: i64,
    pub reports: i64,
    /// Submitted or approved, and not late.
    pub on_time: i64,
    /// Submitted after the due date (at its last submission), whatever its status now.
    pub late: i64,
    /// Draft or returned now.
    pub unsubmitted: i64,
    /// Returned at least once.
    pub returned: i64,
    pub applicable_fields: i64,
    /// Per report: generated fields plus the fields the department set, at most the applicable.
    pub filled_fields: i64,
    /// Failing no logic check of severity error or warning.
    pub passing_checks: i64,
}

type ReportTotalsRow = (Uuid, i64, i64, i64, i64, i64, i64, i64, i64, i64);

/// Per department: its reports in these rounds that `scope` may see.
pub fn report_totals(
    conn: &mut PgConnection,
    scope: &ListScope,
    round_ids: &[Uuid],
    department_ids: &[Uuid],
) -> Result<Vec<(Uuid, ReportTotals)>, AppError> {
    let q = reports::table
        .filter(reports::round_id.eq_any(round_ids))
        .filter(reports::department_id.eq_any(department_ids))
        .group_by(reports::department_id)
        .select((
            reports::department_id,
            count(reports::round_id).aggregate_distinct(),
            count_star(),
            sql::<BigInt>(
                "count(*) FILTER (WHERE reports.status IN ('submitted', 'approved') \
                 AND NOT reports.late)",
            ),
            sql::<BigInt>("count(*) FILTER (WHERE reports.late)"),
            sql::<BigInt>("count(*) FILTER (WHERE reports.status IN ('draft', 'returned'))"),
            sql::<BigInt>(
                "count(*) FILTER (WHERE EXISTS (SELECT 1 FROM report_transitions t \
                 WHERE t.report_id = reports.id AND t.report_kind = 'project' \
                 AND t.to_status = 'returned'))",
            ),
            sql::<BigInt>("coalesce(sum(reports.applicable_fields), 0)::bigint"),
            sql::<BigInt>(
                "coalesce(sum(least(reports.applicable_fields, reports.generated_fields \
                 + cardinality(reports.department_fields))), 0)::bigint",
            ),
            sql::<BigInt>(
                "count(*) FILTER (WHERE NOT jsonb_path_exists(reports.checks, \
                 '$[*] ? (@.severity == \"error\" || @.severity == \"warning\")'))",
            ),
        ))
        .into_boxed();
    let rows: Vec<ReportTotalsRow> = crate::visible!(q, scope, reports, project_id).load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                r.0,
                ReportTotals {
                    rounds: r.1,
                    reports: r.2,
                    on_time: r.3,
                    late: r.4,
                    unsubmitted: r.5,
                    returned: r.6,
                    applicable_fields: r.7,
                    filled_fields: r.8,
                    passing_checks: r.9,
                },
            )
        })
        .collect())
}

/// One department's rectification tasks for its projects of the year.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RectificationTotals {
    pub ordered: i64,
    /// Accepted on or before the deadline (the UTC date of acceptance, as lateness of reports).
    pub on_time: i64,
    /// Open or answered past the deadline, or accepted after it.
    pub overdue: i64,
}

/// Per responsible department: its rectifications of projects of `year` that `scope` may see;
/// overdue as of `today`.
pub fn rectification_totals(
    conn: &mut PgConnection,
    scope: &ListScope,
    department_ids: &[Uuid],
    year: i16,
    today: NaiveDate,
) -> Result<Vec<(Uuid, RectificationTotals)>, AppError> {
    let q = rectifications::table
        .filter(rectifications::department_id.eq_any(department_ids))
        .filter(
            rectifications::project_id.eq_any(
                projects::table
                    .filter(projects::fiscal_year.eq(year))
                    .select(projects::id),
            ),
        )
        .group_by(rectifications::department_id)
        .select((
            rectifications::department_id,
            count_star(),
            sql::<BigInt>(
                "count(*) FILTER (WHERE rectifications.status = 'accepted' \
                 AND (rectifications.accepted_at AT TIME ZONE 'UTC')::date \
                 <= rectifications.deadline)",
            ),
            sql::<BigInt>(
                "count(*) FILTER (WHERE (rectifications.status <> 'accepted' \
                 AND rectifications.deadline < ",
            )
            .bind::<Date, _>(today)
            .sql(
                ") OR (rectifications.status = 'accepted' \
                 AND (rectifications.accepted_at AT TIME ZONE 'UTC')::date \
                 > rectifications.deadline))",
            ),
        ))
        .into_boxed();
    let rows: Vec<(Uuid, i64, i64, i64)> =
        crate::visible!(q, scope, rectifications, project_id).load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, ordered, on_time, overdue)| {
            (
                id,
                RectificationTotals {
                    ordered,
                    on_time,
                    overdue,
                },
            )
        })
        .collect())
}

/// Per department: the results applications recorded for its projects of `year` that `scope`
/// may see.
pub fn results_applied(
    conn: &mut PgConnection,
    scope: &ListScope,
    department_ids: &[Uuid],
    year: i16,
) -> Result<Vec<(Uuid, i64)>, AppError> {
    let q = result_applications::table
        .inner_join(projects::table)
        .filter(result_applications::fiscal_year.eq(year))
        .filter(projects::department_id.eq_any(department_ids))
        .group_by(projects::department_id)
        .select((projects::department_id, count_star()))
        .into_boxed();
    crate::visible!(q, scope, result_applications, project_id)
        .load(conn)
        .map_err(AppError::from)
}
