//! SQL of target adjustments and of the versions of projects' indicator sets.

use chrono::{DateTime, Utc};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use crate::auth::ListScope;
use crate::error::AppError;
use crate::keymon::store::{ProjectRecord, place_of};
use crate::pagination::like_prefix;
use crate::schema::{indicator_set_versions, indicators, projects, target_adjustments};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = target_adjustments)]
pub struct TargetAdjustmentRow {
    pub id: Uuid,
    pub project_id: Uuid,
    pub region_id: Uuid,
    pub region_path: String,
    pub department_path: String,
    pub status: String,
    pub reason: String,
    pub finding_id: Option<Uuid>,
    pub report_id: Option<Uuid>,
    pub changes: serde_json::Value,
    pub from_version: i32,
    pub to_version: Option<i32>,
    pub requested_by: Uuid,
    pub requested_by_name: String,
    pub decided_by: Option<Uuid>,
    pub decided_by_name: Option<String>,
    pub decision_comment: String,
    pub decided_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}
place_of!(TargetAdjustmentRow);

pub struct NewRequest<'a> {
    pub project: &'a crate::projects::store::ProjectRow,
    pub reason: &'a str,
    pub finding_id: Option<Uuid>,
    pub report_id: Option<Uuid>,
    pub changes: &'a serde_json::Value,
    pub by: (Uuid, &'a str),
}

/// Inserts a request; `None` when the project already has an open one (the partial unique
/// index decides, so two concurrent requests cannot both be open).
pub fn insert(
    conn: &mut PgConnection,
    n: NewRequest<'_>,
) -> Result<Option<TargetAdjustmentRow>, AppError> {
    diesel::insert_into(target_adjustments::table)
        .values((
            target_adjustments::id.eq(Uuid::now_v7()),
            target_adjustments::project_id.eq(n.project.id),
            target_adjustments::region_id.eq(n.project.region_id),
            target_adjustments::region_path.eq(&n.project.region_path),
            target_adjustments::department_path.eq(&n.project.department_path),
            target_adjustments::reason.eq(n.reason.trim()),
            target_adjustments::finding_id.eq(n.finding_id),
            target_adjustments::report_id.eq(n.report_id),
            target_adjustments::changes.eq(n.changes),
            target_adjustments::from_version.eq(n.project.indicator_set_version),
            target_adjustments::requested_by.eq(n.by.0),
            target_adjustments::requested_by_name.eq(n.by.1),
        ))
        .on_conflict_do_nothing()
        .returning(TargetAdjustmentRow::as_returning())
        .get_result(conn)
        .optional()
        .map_err(AppError::from)
}

pub fn find(conn: &mut PgConnection, id: Uuid) -> Result<Option<TargetAdjustmentRow>, AppError> {
    target_adjustments::table
        .find(id)
        .select(TargetAdjustmentRow::as_select())
        .first(conn)
        .optional()
        .map_err(AppError::from)
}

pub fn lock(conn: &mut PgConnection, id: Uuid) -> Result<Option<TargetAdjustmentRow>, AppError> {
    target_adjustments::table
        .find(id)
        .select(TargetAdjustmentRow::as_select())
        .for_update()
        .first(conn)
        .optional()
        .map_err(AppError::from)
}

/// Records the decision on a request still at `expected_version`; `None` when it moved.
pub fn decide(
    conn: &mut PgConnection,
    id: Uuid,
    expected_version: i32,
    status: &str,
    to_version: Option<i32>,
    by: (Uuid, &str),
    comment: &str,
) -> Result<Option<TargetAdjustmentRow>, AppError> {
    let now = Utc::now();
    diesel::update(
        target_adjustments::table
            .filter(target_adjustments::id.eq(id))
            .filter(target_adjustments::version.eq(expected_version)),
    )
    .set((
        target_adjustments::status.eq(status),
        target_adjustments::to_version.eq(to_version),
        target_adjustments::decided_by.eq(by.0),
        target_adjustments::decided_by_name.eq(by.1),
        target_adjustments::decision_comment.eq(comment.trim()),
        target_adjustments::decided_at.eq(now),
        target_adjustments::version.eq(target_adjustments::version + 1),
        target_adjustments::updated_at.eq(now),
    ))
    .returning(TargetAdjustmentRow::as_returning())
    .get_result(conn)
    .optional()
    .map_err(AppError::from)
}

#[derive(Debug, Default)]
pub struct Filter {
    pub status: Option<String>,
    pub project_id: Option<Uuid>,
    pub department_id: Option<Uuid>,
    pub region_path: Option<String>,
    pub finding_id: Option<Uuid>,
}

/// Oldest first, by id (UUIDv7: creation order).
pub fn list(
    conn: &mut PgConnection,
    scope: &ListScope,
    f: &Filter,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<TargetAdjustmentRow>, AppError> {
    let mut q = target_adjustments::table
        .select(TargetAdjustmentRow::as_select())
        .into_boxed();
    q = crate::visible!(q, scope, target_adjustments, project_id);
    if let Some(s) = &f.status {
        q = q.filter(target_adjustments::status.eq(s.clone()));
    }
    if let Some(p) = f.project_id {
        q = q.filter(target_adjustments::project_id.eq(p));
    }
    if let Some(d) = f.department_id {
        q = q.filter(
            target_adjustments::project_id.eq_any(
                projects::table
                    .filter(projects::department_id.eq(d))
                    .select(projects::id),
            ),
        );
    }
    if let Some(path) = &f.region_path {
        q = q.filter(target_adjustments::region_path.like(like_prefix(path)));
    }
    if let Some(finding) = f.finding_id {
        q = q.filter(target_adjustments::finding_id.eq(finding));
    }
    if let Some(a) = after {
        q = q.filter(target_adjustments::id.gt(a));
    }
    q.order(target_adjustments::id.asc())
        .limit(limit + 1)
        .load(conn)
        .map_err(AppError::from)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = indicator_set_versions)]
pub struct VersionRow {
    pub project_id: Uuid,
    pub version: i32,
    pub indicators: serde_json::Value,
    pub adjustment_id: Option<Uuid>,
    pub valid_from: DateTime<Utc>,
}

/// The stored versions of a project's indicator set, oldest first.
pub fn versions(conn: &mut PgConnection, project_id: Uuid) -> Result<Vec<VersionRow>, AppError> {
    indicator_set_versions::table
        .filter(indicator_set_versions::project_id.eq(project_id))
        .select(VersionRow::as_select())
        .order(indicator_set_versions::version.asc())
        .load(conn)
        .map_err(AppError::from)
}

/// The stored sets of these (project, version) pairs.
pub fn versions_many(
    conn: &mut PgConnection,
    wanted: &[(Uuid, i32)],
) -> Result<Vec<VersionRow>, AppError> {
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let projects: Vec<Uuid> = wanted.iter().map(|(p, _)| *p).collect();
    let rows: Vec<VersionRow> = indicator_set_versions::table
        .filter(indicator_set_versions::project_id.eq_any(&projects))
        .select(VersionRow::as_select())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|r| wanted.contains(&(r.project_id, r.version)))
        .collect())
}

/// Stores a version unless it is stored already (the first approval stores the version it
/// supersedes).
pub fn save_version(conn: &mut PgConnection, row: &VersionRow) -> Result<(), AppError> {
    diesel::insert_into(indicator_set_versions::table)
        .values((
            indicator_set_versions::project_id.eq(row.project_id),
            indicator_set_versions::version.eq(row.version),
            indicator_set_versions::indicators.eq(&row.indicators),
            indicator_set_versions::adjustment_id.eq(row.adjustment_id),
            indicator_set_versions::valid_from.eq(row.valid_from),
        ))
        .on_conflict_do_nothing()
        .execute(conn)?;
    Ok(())
}

/// Takes an indicator out of the current set at `version`; its row stays for what named it.
pub fn retire_indicator(conn: &mut PgConnection, id: Uuid, version: i32) -> Result<(), AppError> {
    diesel::update(indicators::table.find(id))
        .set((
            indicators::retired_in_version.eq(version),
            indicators::version.eq(indicators::version + 1),
            indicators::updated_at.eq(Utc::now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Moves the project to a new indicator-set version (its ETag moves with it).
pub fn set_project_version(
    conn: &mut PgConnection,
    project_id: Uuid,
    version: i32,
) -> Result<(), AppError> {
    diesel::update(projects::table.find(project_id))
        .set((
            projects::indicator_set_version.eq(version),
            projects::version.eq(projects::version + 1),
            projects::updated_at.eq(Utc::now()),
        ))
        .execute(conn)?;
    Ok(())
}
