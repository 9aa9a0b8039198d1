//! SQL of the to-do lists: one statement per kind of task for the items (the soonest first,
//! up to a limit) and one for its count, each through the visibility filter.

use chrono::NaiveDate;
use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use crate::auth::ListScope;
use crate::error::AppError;
use crate::schema::{
    department_reports, departments, projects, rectifications, reports, rounds, target_adjustments,
};

/// One open item: its id, what names it, the round or project it belongs to, and its due date.
#[derive(Debug, Clone, Queryable)]
pub struct TaskRow {
    pub id: Uuid,
    pub status: String,
    pub title: String,
    pub code: String,
    pub due_date: Option<NaiveDate>,
}

/// Project reports of open rounds in these states, the soonest due first.
pub fn reports_in(
    conn: &mut PgConnection,
    scope: &ListScope,
    statuses: &[&str],
    limit: i64,
) -> Result<(i64, Vec<TaskRow>), AppError> {
    let statuses: Vec<String> = statuses.iter().map(|s| (*s).to_owned()).collect();
    let base = || {
        let q = reports::table
            .inner_join(rounds::table)
            .inner_join(projects::table)
            .filter(rounds::status.eq("open"))
            .filter(reports::status.eq_any(statuses.clone()))
            .into_boxed();
        crate::visible!(q, scope, reports, project_id)
    };
    let count = base().count().get_result(conn)?;
    let rows = base()
        .select((
            reports::id,
            reports::status,
            projects::name,
            projects::code,
            rounds::due_date.nullable(),
        ))
        .order((
            rounds::due_date.asc(),
            projects::code.asc(),
            reports::id.asc(),
        ))
        .limit(limit)
        .load(conn)?;
    Ok((count, rows))
}

/// Department reports of open rounds in these states, the soonest due first.
pub fn department_reports_in(
    conn: &mut PgConnection,
    scope: &ListScope,
    statuses: &[&str],
    limit: i64,
) -> Result<(i64, Vec<TaskRow>), AppError> {
    let statuses: Vec<String> = statuses.iter().map(|s| (*s).to_owned()).collect();
    let base = || {
        let q = department_reports::table
            .inner_join(rounds::table)
            .inner_join(departments::table)
            .filter(rounds::status.eq("open"))
            .filter(department_reports::status.eq_any(statuses.clone()))
            .into_boxed();
        crate::visible!(q, scope, department_reports, department_id)
    };
    let count = base().count().get_result(conn)?;
    let rows = base()
        .select((
            department_reports::id,
            department_reports::status,
            departments::name,
            departments::code,
            rounds::due_date.nullable(),
        ))
        .order((
            rounds::due_date.asc(),
            departments::code.asc(),
            department_reports::id.asc(),
        ))
        .limit(limit)
        .load(conn)?;
    Ok((count, rows))
}

/// Rectifications in this state, the soonest deadline first. A rectification lives where its
/// responsible department does, so a department's scope is the tasks it must answer.
pub fn rectifications_in(
    conn: &mut PgConnection,
    scope: &ListScope,
    status: &str,
    limit: i64,
) -> Result<(i64, Vec<TaskRow>), AppError> {
    let base = || {
        let q = rectifications::table
            .inner_join(projects::table)
            .filter(rectifications::status.eq(status.to_owned()))
            .into_boxed();
        crate::visible!(q, scope, rectifications, project_id)
    };
    let count = base().count().get_result(conn)?;
    let rows = base()
        .select((
            rectifications::id,
            rectifications::status,
            rectifications::requirement,
            projects::code,
            rectifications::deadline.nullable(),
        ))
        .order((rectifications::deadline.asc(), rectifications::id.asc()))
        .limit(limit)
        .load(conn)?;
    Ok((count, rows))
}

/// Target adjustments in this state, the oldest first; `decided_since` keeps only those
/// decided on or after that day (a rejection is news for a while, not for ever).
pub fn target_adjustments_in(
    conn: &mut PgConnection,
    scope: &ListScope,
    status: &str,
    decided_since: Option<chrono::DateTime<chrono::Utc>>,
    limit: i64,
) -> Result<(i64, Vec<TaskRow>), AppError> {
    let base = || {
        let mut q = target_adjustments::table
            .inner_join(projects::table)
            .filter(target_adjustments::status.eq(status.to_owned()))
            .into_boxed();
        if let Some(since) = decided_since {
            q = q.filter(target_adjustments::decided_at.ge(since));
        }
        crate::visible!(q, scope, target_adjustments, project_id)
    };
    let count = base().count().get_result(conn)?;
    let rows = base()
        .select((
            target_adjustments::id,
            target_adjustments::status,
            projects::name,
            projects::code,
            None::<NaiveDate>.into_sql::<diesel::sql_types::Nullable<diesel::sql_types::Date>>(),
        ))
        .order((
            target_adjustments::created_at.asc(),
            target_adjustments::id.asc(),
        ))
        .limit(limit)
        .load(conn)?;
    Ok((count, rows))
}
