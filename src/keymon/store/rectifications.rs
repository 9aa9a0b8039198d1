//! Rectification tasks and their status changes.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use super::{FindingRow, ProjectRecord, place_of};
use crate::auth::ListScope;
use crate::error::AppError;
use crate::pagination::like_prefix;
use crate::schema::{findings, inspections, rectification_events, rectifications};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = rectifications)]
pub struct RectificationRow {
    pub id: Uuid,
    pub finding_id: Uuid,
    pub project_id: Uuid,
    pub department_id: Uuid,
    pub region_id: Uuid,
    pub region_path: String,
    pub department_path: String,
    pub requirement: String,
    pub deadline: NaiveDate,
    pub warning_days: i32,
    pub status: String,
    pub response: String,
    pub answered_at: Option<DateTime<Utc>>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}
place_of!(RectificationRow);

pub struct NewRectificationRow<'a> {
    pub finding: &'a FindingRow,
    pub department_id: Uuid,
    pub region_id: Uuid,
    pub region_path: &'a str,
    pub department_path: &'a str,
    pub requirement: &'a str,
    pub deadline: NaiveDate,
    pub warning_days: i32,
    pub by: Uuid,
}

pub fn insert_rectification(
    conn: &mut PgConnection,
    n: NewRectificationRow<'_>,
) -> Result<RectificationRow, AppError> {
    diesel::insert_into(rectifications::table)
        .values((
            rectifications::id.eq(Uuid::now_v7()),
            rectifications::finding_id.eq(n.finding.id),
            rectifications::project_id.eq(n.finding.project_id),
            rectifications::department_id.eq(n.department_id),
            rectifications::region_id.eq(n.region_id),
            rectifications::region_path.eq(n.region_path),
            rectifications::department_path.eq(n.department_path),
            rectifications::requirement.eq(n.requirement.trim()),
            rectifications::deadline.eq(n.deadline),
            rectifications::warning_days.eq(n.warning_days),
            rectifications::created_by.eq(n.by),
        ))
        .returning(RectificationRow::as_returning())
        .get_result(conn)
        .map_err(AppError::from)
}

pub fn find_rectification(
    conn: &mut PgConnection,
    id: Uuid,
) -> Result<Option<RectificationRow>, AppError> {
    rectifications::table
        .find(id)
        .select(RectificationRow::as_select())
        .first(conn)
        .optional()
        .map_err(AppError::from)
}

/// The rectification, locked until the end of the transaction (for a workflow step).
pub fn lock_rectification(
    conn: &mut PgConnection,
    id: Uuid,
) -> Result<Option<RectificationRow>, AppError> {
    rectifications::table
        .find(id)
        .select(RectificationRow::as_select())
        .for_update()
        .first(conn)
        .optional()
        .map_err(AppError::from)
}

pub fn set_rectification(
    conn: &mut PgConnection,
    id: Uuid,
    status: &str,
    response: Option<&str>,
    accepted: bool,
) -> Result<(), AppError> {
    let now = Utc::now();
    let target = rectifications::table.find(id);
    match response {
        Some(text) => diesel::update(target)
            .set((
                rectifications::status.eq(status),
                rectifications::response.eq(text.trim()),
                rectifications::answered_at.eq(now),
                rectifications::version.eq(rectifications::version + 1),
                rectifications::updated_at.eq(now),
            ))
            .execute(conn)?,
        None => diesel::update(target)
            .set((
                rectifications::status.eq(status),
                rectifications::accepted_at.eq(accepted.then_some(now)),
                rectifications::version.eq(rectifications::version + 1),
                rectifications::updated_at.eq(now),
            ))
            .execute(conn)?,
    };
    Ok(())
}

pub fn record_event(
    conn: &mut PgConnection,
    id: Uuid,
    from: &str,
    to: &str,
    actor: (Uuid, &str),
    comment: &str,
) -> Result<(), AppError> {
    diesel::insert_into(rectification_events::table)
        .values((
            rectification_events::id.eq(Uuid::now_v7()),
            rectification_events::rectification_id.eq(id),
            rectification_events::from_status.eq(from),
            rectification_events::to_status.eq(to),
            rectification_events::actor_id.eq(actor.0),
            rectification_events::actor_name.eq(actor.1),
            rectification_events::comment.eq(comment.trim()),
        ))
        .execute(conn)?;
    Ok(())
}

/// (from, to, actor name, comment, when) of a rectification's status changes, oldest first.
pub type EventRow = (String, String, String, String, DateTime<Utc>);

/// The status changes of these rectifications, each one's oldest first.
pub fn events_of(conn: &mut PgConnection, ids: &[Uuid]) -> Result<Vec<(Uuid, EventRow)>, AppError> {
    let rows: Vec<(Uuid, String, String, String, String, DateTime<Utc>)> =
        rectification_events::table
            .filter(rectification_events::rectification_id.eq_any(ids))
            .order((
                rectification_events::rectification_id.asc(),
                rectification_events::created_at.asc(),
                rectification_events::id.asc(),
            ))
            .select((
                rectification_events::rectification_id,
                rectification_events::from_status,
                rectification_events::to_status,
                rectification_events::actor_name,
                rectification_events::comment,
                rectification_events::created_at,
            ))
            .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, a, b, c, d, e)| (id, (a, b, c, d, e)))
        .collect())
}

#[derive(Debug, Default)]
pub struct RectificationFilter {
    pub status: Option<String>,
    pub department_id: Option<Uuid>,
    pub project_id: Option<Uuid>,
    pub region_path: Option<String>,
    /// Rectifications of findings of inspections in this round.
    pub round_id: Option<Uuid>,
    /// Not accepted and past the deadline (`Some(true)`), or not (`Some(false)`), as of `today`.
    pub overdue: Option<bool>,
    /// Not accepted with a deadline on or before this date.
    pub due_by: Option<NaiveDate>,
    pub today: Option<NaiveDate>,
}

pub fn list_rectifications(
    conn: &mut PgConnection,
    scope: &ListScope,
    f: &RectificationFilter,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<RectificationRow>, AppError> {
    let mut q = rectifications::table
        .select(RectificationRow::as_select())
        .into_boxed();
    q = crate::visible!(q, scope, rectifications, project_id);
    if let Some(s) = &f.status {
        q = q.filter(rectifications::status.eq(s.clone()));
    }
    if let Some(d) = f.department_id {
        q = q.filter(rectifications::department_id.eq(d));
    }
    if let Some(p) = f.project_id {
        q = q.filter(rectifications::project_id.eq(p));
    }
    if let Some(path) = &f.region_path {
        q = q.filter(rectifications::region_path.like(like_prefix(path)));
    }
    if let Some(r) = f.round_id {
        q = q.filter(
            rectifications::finding_id.eq_any(
                findings::table
                    .inner_join(inspections::table)
                    .filter(inspections::round_id.eq(r))
                    .select(findings::id),
            ),
        );
    }
    let today = f.today.unwrap_or_else(|| Utc::now().date_naive());
    match f.overdue {
        Some(true) => {
            q = q
                .filter(rectifications::status.ne("accepted"))
                .filter(rectifications::deadline.lt(today))
        }
        Some(false) => {
            q = q.filter(
                rectifications::status
                    .eq("accepted")
                    .or(rectifications::deadline.ge(today)),
            )
        }
        None => {}
    }
    if let Some(by) = f.due_by {
        q = q
            .filter(rectifications::status.ne("accepted"))
            .filter(rectifications::deadline.le(by));
    }
    if let Some(a) = after {
        q = q.filter(rectifications::id.gt(a));
    }
    q.order(rectifications::id.asc())
        .limit(limit + 1)
        .load(conn)
        .map_err(AppError::from)
}
