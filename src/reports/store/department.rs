//! Department reports: one per department with project reports in a round, and their totals.

use bigdecimal::BigDecimal;
use chrono::{DateTime, Utc};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use crate::auth::{ListScope, Place};
use crate::error::AppError;
use crate::keyset;
use crate::pagination::like_prefix;
use crate::schema::{department_reports, departments, reports};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = department_reports)]
pub struct DepartmentReportRow {
    pub id: Uuid,
    pub round_id: Uuid,
    pub department_id: Uuid,
    pub region_id: Uuid,
    pub region_path: String,
    pub department_path: String,
    pub status: String,
    pub late: bool,
    pub submitted_at: Option<DateTime<Utc>>,
    pub summary: String,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl DepartmentReportRow {
    /// Where the report lives; `classified` is whether its department is classified now
    /// (`departments::store::classified_now`).
    pub fn place(&self, classified: bool) -> Place<'_> {
        Place {
            region_path: &self.region_path,
            department: Some((self.region_id, &self.department_path)),
            classified,
        }
    }
}

/// Creates the department reports a round lacks: one per department with project reports.
/// Returns (id, department, its region path) of each one created.
pub fn ensure_department_reports(
    conn: &mut PgConnection,
    round_id: Uuid,
) -> Result<Vec<(Uuid, Uuid, String)>, AppError> {
    let missing: Vec<(Uuid, Uuid, String, String)> = reports::table
        .inner_join(departments::table.on(departments::id.eq(reports::department_id)))
        .filter(reports::round_id.eq(round_id))
        .filter(diesel::dsl::not(diesel::dsl::exists(
            department_reports::table
                .filter(department_reports::round_id.eq(round_id))
                .filter(department_reports::department_id.eq(reports::department_id)),
        )))
        .select((
            departments::id,
            departments::region_id,
            departments::region_path,
            departments::path,
        ))
        .distinct()
        .load(conn)?;
    let mut created = Vec::with_capacity(missing.len());
    for (department_id, region_id, region_path, path) in missing {
        let id = Uuid::now_v7();
        diesel::insert_into(department_reports::table)
            .values((
                department_reports::id.eq(id),
                department_reports::round_id.eq(round_id),
                department_reports::department_id.eq(department_id),
                department_reports::region_id.eq(region_id),
                department_reports::region_path.eq(&region_path),
                department_reports::department_path.eq(path),
            ))
            .execute(conn)?;
        created.push((id, department_id, region_path));
    }
    Ok(created)
}

pub fn find_department_report(
    conn: &mut PgConnection,
    id: Uuid,
    lock: bool,
) -> Result<Option<DepartmentReportRow>, AppError> {
    let q = department_reports::table
        .find(id)
        .select(DepartmentReportRow::as_select());
    let row = if lock {
        q.for_update().first(conn).optional()?
    } else {
        q.first(conn).optional()?
    };
    Ok(row)
}

#[derive(Debug, Default)]
pub struct DepartmentReportFilter {
    pub region_path: Option<String>,
    pub department_id: Option<Uuid>,
    pub status: Option<&'static str>,
    pub late: Option<bool>,
}

/// A round's department reports the scope may see, by department code (then id, since codes
/// repeat across regions), after the keyset position `after`.
pub fn list_department_reports(
    conn: &mut PgConnection,
    round_id: Uuid,
    scope: &ListScope,
    filter: &DepartmentReportFilter,
    after: Option<(String, Uuid)>,
    limit: i64,
) -> Result<Vec<(DepartmentReportRow, String, String)>, AppError> {
    let mut q = department_reports::table
        .inner_join(departments::table.on(departments::id.eq(department_reports::department_id)))
        .filter(department_reports::round_id.eq(round_id))
        .select((
            DepartmentReportRow::as_select(),
            departments::code,
            departments::name,
        ))
        .into_boxed();
    q = crate::visible!(q, scope, department_reports, department_id);
    if let Some(path) = &filter.region_path {
        q = q.filter(department_reports::region_path.like(like_prefix(path)));
    }
    if let Some(d) = filter.department_id {
        q = q.filter(department_reports::department_id.eq(d));
    }
    if let Some(s) = filter.status {
        q = q.filter(department_reports::status.eq(s));
    }
    if let Some(late) = filter.late {
        q = q.filter(department_reports::late.eq(late));
    }
    let q = keyset!(q, departments::code, department_reports::id, false, after);
    q.limit(limit + 1).load(conn).map_err(AppError::from)
}

pub fn department_code_name(
    conn: &mut PgConnection,
    department_id: Uuid,
) -> Result<(String, String), AppError> {
    departments::table
        .find(department_id)
        .select((departments::code, departments::name))
        .first(conn)
        .map_err(AppError::from)
}

/// Totals of a department's project reports in a round.
#[derive(Debug, Clone, Default)]
pub struct DepartmentTotals {
    pub adjusted_budget: BigDecimal,
    pub executed_amount: BigDecimal,
    pub by_status: Vec<(String, i64)>,
}

/// Totals of each department's project reports in a round, counting only the reports the scope
/// may see (a secret-related project's report is not in a region reader's totals), in two
/// grouped queries.
pub fn department_totals(
    conn: &mut PgConnection,
    round_id: Uuid,
    department_ids: &[Uuid],
    scope: &ListScope,
) -> Result<std::collections::HashMap<Uuid, DepartmentTotals>, AppError> {
    let q = reports::table
        .filter(reports::round_id.eq(round_id))
        .filter(reports::department_id.eq_any(department_ids))
        .group_by(reports::department_id)
        .select((
            reports::department_id,
            diesel::dsl::sum(reports::adjusted_budget),
            diesel::dsl::sum(reports::executed_amount),
        ))
        .into_boxed();
    let sums: Vec<(Uuid, Option<BigDecimal>, Option<BigDecimal>)> =
        crate::visible!(q, scope, reports, project_id).load(conn)?;
    let q = reports::table
        .filter(reports::round_id.eq(round_id))
        .filter(reports::department_id.eq_any(department_ids))
        .group_by((reports::department_id, reports::status))
        .select((
            reports::department_id,
            reports::status,
            diesel::dsl::count_star(),
        ))
        .order((reports::department_id, reports::status))
        .into_boxed();
    let by_status: Vec<(Uuid, String, i64)> =
        crate::visible!(q, scope, reports, project_id).load(conn)?;
    let mut totals: std::collections::HashMap<Uuid, DepartmentTotals> = sums
        .into_iter()
        .map(|(id, budget, executed)| {
            (
                id,
                DepartmentTotals {
                    adjusted_budget: budget.unwrap_or_default(),
                    executed_amount: executed.unwrap_or_default(),
                    by_status: Vec::new(),
                },
            )
        })
        .collect();
    for (id, status, count) in by_status {
        totals
            .entry(id)
            .or_default()
            .by_status
            .push((status, count));
    }
    Ok(totals)
}

pub fn update_department_summary(
    conn: &mut PgConnection,
    id: Uuid,
    expected_version: i32,
    summary: &str,
) -> Result<bool, AppError> {
    let n = diesel::update(
        department_reports::table
            .filter(department_reports::id.eq(id))
            .filter(department_reports::version.eq(expected_version)),
    )
    .set((
        department_reports::summary.eq(summary),
        department_reports::version.eq(department_reports::version + 1),
        department_reports::updated_at.eq(Utc::now()),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn set_department_status(
    conn: &mut PgConnection,
    id: Uuid,
    status: &str,
    submitted: Option<(DateTime<Utc>, bool)>,
) -> Result<(), AppError> {
    let q = diesel::update(department_reports::table.find(id));
    match submitted {
        Some((at, late)) => q
            .set((
                department_reports::status.eq(status),
                department_reports::submitted_at.eq(at),
                department_reports::late.eq(late),
                department_reports::version.eq(department_reports::version + 1),
                department_reports::updated_at.eq(Utc::now()),
            ))
            .execute(conn)?,
        None => q
            .set((
                department_reports::status.eq(status),
                department_reports::version.eq(department_reports::version + 1),
                department_reports::updated_at.eq(Utc::now()),
            ))
            .execute(conn)?,
    };
    Ok(())
}
