//! The workflow history of reports, project and department ones alike.

use chrono::{DateTime, Utc};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use crate::error::AppError;
use crate::schema::report_transitions;

#[derive(Debug, Clone, Queryable)]
pub struct TransitionRow {
    pub from_status: String,
    pub to_status: String,
    pub actor_id: Option<Uuid>,
    pub actor_name: Option<String>,
    pub comment: String,
    pub created_at: DateTime<Utc>,
}

pub struct NewTransition<'a> {
    pub report_id: Uuid,
    pub kind: &'static str,
    pub from: &'a str,
    pub to: &'a str,
    pub actor_id: Uuid,
    pub actor_name: &'a str,
    pub comment: &'a str,
}

pub fn record_transition(conn: &mut PgConnection, t: NewTransition<'_>) -> Result<(), AppError> {
    diesel::insert_into(report_transitions::table)
        .values((
            report_transitions::id.eq(Uuid::now_v7()),
            report_transitions::report_id.eq(t.report_id),
            report_transitions::report_kind.eq(t.kind),
            report_transitions::from_status.eq(t.from),
            report_transitions::to_status.eq(t.to),
            report_transitions::actor_id.eq(t.actor_id),
            report_transitions::actor_name.eq(t.actor_name),
            report_transitions::comment.eq(t.comment),
        ))
        .execute(conn)?;
    Ok(())
}

/// The transitions of several reports, each report's oldest first.
pub fn transitions_of(
    conn: &mut PgConnection,
    report_ids: &[Uuid],
) -> Result<Vec<(Uuid, TransitionRow)>, AppError> {
    report_transitions::table
        .filter(report_transitions::report_id.eq_any(report_ids))
        .order((
            report_transitions::report_id.asc(),
            report_transitions::created_at.asc(),
            report_transitions::id.asc(),
        ))
        .select((
            report_transitions::report_id,
            (
                report_transitions::from_status,
                report_transitions::to_status,
                report_transitions::actor_id,
                report_transitions::actor_name,
                report_transitions::comment,
                report_transitions::created_at,
            ),
        ))
        .load(conn)
        .map_err(AppError::from)
}

pub fn transitions(
    conn: &mut PgConnection,
    report_id: Uuid,
) -> Result<Vec<TransitionRow>, AppError> {
    report_transitions::table
        .filter(report_transitions::report_id.eq(report_id))
        .order((
            report_transitions::created_at.asc(),
            report_transitions::id.asc(),
        ))
        .select((
            report_transitions::from_status,
            report_transitions::to_status,
            report_transitions::actor_id,
            report_transitions::actor_name,
            report_transitions::comment,
            report_transitions::created_at,
        ))
        .load(conn)
        .map_err(AppError::from)
}
