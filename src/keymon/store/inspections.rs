//! Inspections, their findings and opinions.

use bigdecimal::BigDecimal;
use chrono::{DateTime, NaiveDate, Utc};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use super::{Home, ProjectRecord, place_of};
use crate::auth::ListScope;
use crate::error::AppError;
use crate::pagination::like_prefix;
use crate::schema::{
    findings, inspection_opinions, inspections, projects, report_evaluations, reports,
};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = inspections)]
pub struct InspectionRow {
    pub id: Uuid,
    pub project_id: Uuid,
    pub round_id: Option<Uuid>,
    pub region_id: Uuid,
    pub region_path: String,
    pub department_path: String,
    pub status: String,
    pub inspector_id: Uuid,
    pub inspector_name: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub conclusion: String,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}
place_of!(InspectionRow);

pub fn insert_inspection(
    conn: &mut PgConnection,
    home: Home<'_>,
    round_id: Option<Uuid>,
    inspector: (Uuid, &str),
    dates: (Option<NaiveDate>, Option<NaiveDate>),
) -> Result<InspectionRow, AppError> {
    diesel::insert_into(inspections::table)
        .values((
            inspections::id.eq(Uuid::now_v7()),
            inspections::project_id.eq(home.project_id),
            inspections::round_id.eq(round_id),
            inspections::region_id.eq(home.region_id),
            inspections::region_path.eq(home.region_path),
            inspections::department_path.eq(home.department_path),
            inspections::inspector_id.eq(inspector.0),
            inspections::inspector_name.eq(inspector.1),
            inspections::start_date.eq(dates.0),
            inspections::end_date.eq(dates.1),
        ))
        .returning(InspectionRow::as_returning())
        .get_result(conn)
        .map_err(AppError::from)
}

pub fn find_inspection(
    conn: &mut PgConnection,
    id: Uuid,
) -> Result<Option<InspectionRow>, AppError> {
    inspections::table
        .find(id)
        .select(InspectionRow::as_select())
        .first(conn)
        .optional()
        .map_err(AppError::from)
}

#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = inspections, treat_none_as_null = true)]
pub struct InspectionFields {
    pub status: String,
    pub conclusion: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
}

pub fn update_inspection(
    conn: &mut PgConnection,
    id: Uuid,
    version: i32,
    fields: &InspectionFields,
) -> Result<Option<InspectionRow>, AppError> {
    diesel::update(
        inspections::table
            .filter(inspections::id.eq(id))
            .filter(inspections::version.eq(version)),
    )
    .set((
        fields,
        inspections::version.eq(inspections::version + 1),
        inspections::updated_at.eq(Utc::now()),
    ))
    .returning(InspectionRow::as_returning())
    .get_result(conn)
    .optional()
    .map_err(AppError::from)
}

#[derive(Debug, Default)]
pub struct InspectionFilter {
    pub round_id: Option<Uuid>,
    pub project_id: Option<Uuid>,
    pub department_id: Option<Uuid>,
    pub status: Option<String>,
    pub region_path: Option<String>,
    /// The overall light of the project's report in the inspection's round.
    pub light: Option<&'static str>,
}

pub fn list_inspections(
    conn: &mut PgConnection,
    scope: &ListScope,
    f: &InspectionFilter,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<InspectionRow>, AppError> {
    let mut q = inspections::table
        .select(InspectionRow::as_select())
        .into_boxed();
    q = crate::visible!(q, scope, inspections, project_id);
    if let Some(r) = f.round_id {
        q = q.filter(inspections::round_id.eq(r));
    }
    if let Some(p) = f.project_id {
        q = q.filter(inspections::project_id.eq(p));
    }
    if let Some(s) = &f.status {
        q = q.filter(inspections::status.eq(s.clone()));
    }
    if let Some(path) = &f.region_path {
        q = q.filter(inspections::region_path.like(like_prefix(path)));
    }
    if let Some(d) = f.department_id {
        q = q.filter(
            inspections::project_id.eq_any(
                projects::table
                    .filter(projects::department_id.eq(d))
                    .select(projects::id),
            ),
        );
    }
    if let Some(light) = f.light {
        q = q.filter(diesel::dsl::exists(
            reports::table
                .inner_join(report_evaluations::table)
                .filter(reports::project_id.eq(inspections::project_id))
                .filter(reports::round_id.nullable().eq(inspections::round_id))
                .filter(report_evaluations::light_overall.eq(light)),
        ));
    }
    if let Some(a) = after {
        q = q.filter(inspections::id.gt(a));
    }
    q.order(inspections::id.asc())
        .limit(limit + 1)
        .load(conn)
        .map_err(AppError::from)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = findings)]
pub struct FindingRow {
    pub id: Uuid,
    pub inspection_id: Uuid,
    pub project_id: Uuid,
    pub region_id: Uuid,
    pub region_path: String,
    pub department_path: String,
    pub category: String,
    pub description: String,
    pub severity: String,
    pub amount: Option<BigDecimal>,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
}
place_of!(FindingRow);

pub fn insert_finding(
    conn: &mut PgConnection,
    inspection: &InspectionRow,
    category: &str,
    description: &str,
    severity: &str,
    amount: Option<&BigDecimal>,
    by: Uuid,
) -> Result<FindingRow, AppError> {
    diesel::insert_into(findings::table)
        .values((
            findings::id.eq(Uuid::now_v7()),
            findings::inspection_id.eq(inspection.id),
            findings::project_id.eq(inspection.project_id),
            findings::region_id.eq(inspection.region_id),
            findings::region_path.eq(&inspection.region_path),
            findings::department_path.eq(&inspection.department_path),
            findings::category.eq(category),
            findings::description.eq(description.trim()),
            findings::severity.eq(severity),
            findings::amount.eq(amount),
            findings::created_by.eq(by),
        ))
        .returning(FindingRow::as_returning())
        .get_result(conn)
        .map_err(AppError::from)
}

pub fn find_finding(conn: &mut PgConnection, id: Uuid) -> Result<Option<FindingRow>, AppError> {
    findings::table
        .find(id)
        .select(FindingRow::as_select())
        .first(conn)
        .optional()
        .map_err(AppError::from)
}

#[derive(Debug, Default)]
pub struct FindingFilter {
    pub category: Option<&'static str>,
    pub severity: Option<&'static str>,
    pub region_path: Option<String>,
    pub round_id: Option<Uuid>,
    pub project_id: Option<Uuid>,
    pub department_id: Option<Uuid>,
    pub inspection_id: Option<Uuid>,
}

/// Findings the scope may see, oldest first, after `after`.
pub fn list_findings(
    conn: &mut PgConnection,
    scope: &ListScope,
    f: &FindingFilter,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<FindingRow>, AppError> {
    let mut q = findings::table.select(FindingRow::as_select()).into_boxed();
    q = crate::visible!(q, scope, findings, project_id);
    if let Some(c) = f.category {
        q = q.filter(findings::category.eq(c));
    }
    if let Some(s) = f.severity {
        q = q.filter(findings::severity.eq(s));
    }
    if let Some(path) = &f.region_path {
        q = q.filter(findings::region_path.like(like_prefix(path)));
    }
    if let Some(r) = f.round_id {
        q = q.filter(
            findings::inspection_id.eq_any(
                inspections::table
                    .filter(inspections::round_id.eq(r))
                    .select(inspections::id),
            ),
        );
    }
    if let Some(p) = f.project_id {
        q = q.filter(findings::project_id.eq(p));
    }
    if let Some(d) = f.department_id {
        q = q.filter(
            findings::project_id.eq_any(
                projects::table
                    .filter(projects::department_id.eq(d))
                    .select(projects::id),
            ),
        );
    }
    if let Some(i) = f.inspection_id {
        q = q.filter(findings::inspection_id.eq(i));
    }
    if let Some(a) = after {
        q = q.filter(findings::id.gt(a));
    }
    q.order(findings::id.asc())
        .limit(limit + 1)
        .load(conn)
        .map_err(AppError::from)
}

pub fn findings_of(
    conn: &mut PgConnection,
    inspection_ids: &[Uuid],
) -> Result<Vec<FindingRow>, AppError> {
    findings::table
        .filter(findings::inspection_id.eq_any(inspection_ids))
        .order(findings::id.asc())
        .select(FindingRow::as_select())
        .load(conn)
        .map_err(AppError::from)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = inspection_opinions)]
pub struct OpinionRow {
    pub id: Uuid,
    pub inspection_id: Uuid,
    pub kind: String,
    pub text: String,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub policy_name: Option<String>,
    pub revised: bool,
    pub revised_at: Option<DateTime<Utc>>,
    pub revision_note: String,
    pub version: i32,
}

pub fn insert_opinion(
    conn: &mut PgConnection,
    inspection_id: Uuid,
    kind: &str,
    text: &str,
    policy_name: Option<&str>,
    by: Uuid,
) -> Result<OpinionRow, AppError> {
    diesel::insert_into(inspection_opinions::table)
        .values((
            inspection_opinions::id.eq(Uuid::now_v7()),
            inspection_opinions::inspection_id.eq(inspection_id),
            inspection_opinions::kind.eq(kind),
            inspection_opinions::text.eq(text.trim()),
            inspection_opinions::policy_name.eq(policy_name.map(str::trim)),
            inspection_opinions::created_by.eq(by),
        ))
        .returning(OpinionRow::as_returning())
        .get_result(conn)
        .map_err(AppError::from)
}

/// Records whether a policy revision's policy has been revised, if the opinion is still at
/// `expected_version`; `None` when it moved.
pub fn set_revision(
    conn: &mut PgConnection,
    id: Uuid,
    expected_version: i32,
    revised: bool,
    note: &str,
) -> Result<Option<OpinionRow>, AppError> {
    diesel::update(
        inspection_opinions::table
            .filter(inspection_opinions::id.eq(id))
            .filter(inspection_opinions::version.eq(expected_version)),
    )
    .set((
        inspection_opinions::revised.eq(revised),
        inspection_opinions::revised_at.eq(revised.then(Utc::now)),
        inspection_opinions::revision_note.eq(note.trim()),
        inspection_opinions::version.eq(inspection_opinions::version + 1),
    ))
    .returning(OpinionRow::as_returning())
    .get_result(conn)
    .optional()
    .map_err(AppError::from)
}

pub fn find_opinion(conn: &mut PgConnection, id: Uuid) -> Result<Option<OpinionRow>, AppError> {
    inspection_opinions::table
        .find(id)
        .select(OpinionRow::as_select())
        .first(conn)
        .optional()
        .map_err(AppError::from)
}

/// Policy revisions with their inspection, in the scope, oldest first.
pub fn list_policy_revisions(
    conn: &mut PgConnection,
    scope: &ListScope,
    f: &PolicyRevisionFilter,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<(OpinionRow, InspectionRow)>, AppError> {
    let mut q = inspection_opinions::table
        .inner_join(inspections::table)
        .filter(inspection_opinions::kind.eq("policy_revision"))
        .select((OpinionRow::as_select(), InspectionRow::as_select()))
        .into_boxed();
    q = crate::visible!(q, scope, inspections, project_id);
    if let Some(r) = f.revised {
        q = q.filter(inspection_opinions::revised.eq(r));
    }
    if let Some(p) = f.project_id {
        q = q.filter(inspections::project_id.eq(p));
    }
    if let Some(r) = f.round_id {
        q = q.filter(inspections::round_id.eq(r));
    }
    if let Some(path) = &f.region_path {
        q = q.filter(inspections::region_path.like(crate::pagination::like_prefix(path)));
    }
    if let Some(d) = f.department_id {
        q = q.filter(
            inspections::project_id.eq_any(
                crate::schema::projects::table
                    .filter(crate::schema::projects::department_id.eq(d))
                    .select(crate::schema::projects::id),
            ),
        );
    }
    if let Some(a) = after {
        q = q.filter(inspection_opinions::id.gt(a));
    }
    q.order(inspection_opinions::id.asc())
        .limit(limit + 1)
        .load(conn)
        .map_err(AppError::from)
}

#[derive(Debug, Default)]
pub struct PolicyRevisionFilter {
    pub revised: Option<bool>,
    pub project_id: Option<Uuid>,
    pub department_id: Option<Uuid>,
    pub round_id: Option<Uuid>,
    pub region_path: Option<String>,
}

pub fn opinions_of(
    conn: &mut PgConnection,
    inspection_ids: &[Uuid],
) -> Result<Vec<OpinionRow>, AppError> {
    inspection_opinions::table
        .filter(inspection_opinions::inspection_id.eq_any(inspection_ids))
        .order(inspection_opinions::id.asc())
        .select(OpinionRow::as_select())
        .load(conn)
        .map_err(AppError::from)
}
