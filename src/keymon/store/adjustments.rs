//! Fund adjustments.

use bigdecimal::BigDecimal;
use chrono::{DateTime, Utc};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use super::{Home, ProjectRecord, place_of};
use crate::auth::ListScope;
use crate::error::AppError;
use crate::pagination::like_prefix;
use crate::schema::{adjustments, projects};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = adjustments)]
pub struct AdjustmentRow {
    pub id: Uuid,
    pub project_id: Uuid,
    pub region_id: Uuid,
    pub region_path: String,
    pub department_path: String,
    pub kind: String,
    pub amount: Option<BigDecimal>,
    pub document_number: String,
    pub finding_id: Option<Uuid>,
    pub report_id: Option<Uuid>,
    pub destination_project_id: Option<Uuid>,
    pub destination_text: Option<String>,
    pub destination_function_class: Option<String>,
    pub reverses_id: Option<Uuid>,
    pub note: String,
    pub created_by: Uuid,
    pub created_by_name: String,
    pub created_at: DateTime<Utc>,
}
place_of!(AdjustmentRow);

pub struct NewAdjustmentRow<'a> {
    pub home: Home<'a>,
    pub kind: &'a str,
    pub amount: Option<&'a BigDecimal>,
    pub document_number: &'a str,
    pub finding_id: Option<Uuid>,
    pub report_id: Option<Uuid>,
    pub destination_project_id: Option<Uuid>,
    pub destination_text: Option<&'a str>,
    pub destination_function_class: Option<&'a str>,
    pub reverses_id: Option<Uuid>,
    pub note: &'a str,
    pub by: (Uuid, &'a str),
}

pub fn insert_adjustment(
    conn: &mut PgConnection,
    n: NewAdjustmentRow<'_>,
) -> Result<AdjustmentRow, AppError> {
    diesel::insert_into(adjustments::table)
        .values((
            adjustments::id.eq(Uuid::now_v7()),
            adjustments::project_id.eq(n.home.project_id),
            adjustments::region_id.eq(n.home.region_id),
            adjustments::region_path.eq(n.home.region_path),
            adjustments::department_path.eq(n.home.department_path),
            adjustments::kind.eq(n.kind),
            adjustments::amount.eq(n.amount),
            adjustments::document_number.eq(n.document_number.trim()),
            adjustments::finding_id.eq(n.finding_id),
            adjustments::report_id.eq(n.report_id),
            adjustments::destination_project_id.eq(n.destination_project_id),
            adjustments::destination_text.eq(n.destination_text),
            adjustments::destination_function_class.eq(n.destination_function_class),
            adjustments::reverses_id.eq(n.reverses_id),
            adjustments::note.eq(n.note.trim()),
            adjustments::created_by.eq(n.by.0),
            adjustments::created_by_name.eq(n.by.1),
        ))
        .returning(AdjustmentRow::as_returning())
        .get_result(conn)
        .map_err(AppError::from)
}

pub fn find_adjustment(
    conn: &mut PgConnection,
    id: Uuid,
) -> Result<Option<AdjustmentRow>, AppError> {
    adjustments::table
        .find(id)
        .select(AdjustmentRow::as_select())
        .first(conn)
        .optional()
        .map_err(AppError::from)
}

pub fn is_reversed(conn: &mut PgConnection, id: Uuid) -> Result<bool, AppError> {
    diesel::select(diesel::dsl::exists(
        adjustments::table.filter(adjustments::reverses_id.eq(id)),
    ))
    .get_result(conn)
    .map_err(AppError::from)
}

#[derive(Debug, Default)]
pub struct AdjustmentFilter {
    pub project_id: Option<Uuid>,
    pub kind: Option<String>,
    pub region_path: Option<String>,
    /// Adjustments of this department's projects.
    pub department_id: Option<Uuid>,
}

pub fn list_adjustments(
    conn: &mut PgConnection,
    scope: &ListScope,
    f: &AdjustmentFilter,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<AdjustmentRow>, AppError> {
    let mut q = adjustments::table
        .select(AdjustmentRow::as_select())
        .into_boxed();
    q = crate::visible!(q, scope, adjustments, project_id);
    if let Some(p) = f.project_id {
        q = q.filter(
            adjustments::project_id
                .eq(p)
                .or(adjustments::destination_project_id.eq(p)),
        );
    }
    if let Some(k) = &f.kind {
        q = q.filter(adjustments::kind.eq(k.clone()));
    }
    if let Some(path) = &f.region_path {
        q = q.filter(adjustments::region_path.like(like_prefix(path)));
    }
    if let Some(d) = f.department_id {
        q = q.filter(
            adjustments::project_id.eq_any(
                projects::table
                    .filter(projects::department_id.eq(d))
                    .select(projects::id),
            ),
        );
    }
    if let Some(a) = after {
        q = q.filter(adjustments::id.gt(a));
    }
    q.order(adjustments::id.asc())
        .limit(limit + 1)
        .load(conn)
        .map_err(AppError::from)
}
