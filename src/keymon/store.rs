use bigdecimal::BigDecimal;
use chrono::{DateTime, NaiveDate, Utc};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use crate::auth::{ListScope, Place};
use crate::error::AppError;
use crate::pagination::like_prefix;
use crate::schema::{
    adjustments, findings, inspection_opinions, inspections, projects, rectification_events,
    rectifications, report_evaluations, reports,
};

/// Where a key-monitoring record lives, copied from its project.
pub struct Home<'a> {
    pub project_id: Uuid,
    pub region_id: Uuid,
    pub region_path: &'a str,
    pub department_path: &'a str,
}

/// A key-monitoring record: it belongs to a project and copies the project's place.
pub trait ProjectRecord {
    fn project_id(&self) -> Uuid;
    /// Where the record lives; `classified` is whether its project is secret-related now
    /// (`projects::store::secret_related`), which region-scoped readers may not see.
    fn place(&self, classified: bool) -> Place<'_>;
}

macro_rules! place_of {
    ($row:ty) => {
        impl ProjectRecord for $row {
            fn project_id(&self) -> Uuid {
                self.project_id
            }

            fn place(&self, classified: bool) -> Place<'_> {
                Place {
                    region_path: &self.region_path,
                    department: Some((self.region_id, &self.department_path)),
                    classified,
                }
            }
        }
    };
}

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
}

pub fn insert_opinion(
    conn: &mut PgConnection,
    inspection_id: Uuid,
    kind: &str,
    text: &str,
    by: Uuid,
) -> Result<OpinionRow, AppError> {
    diesel::insert_into(inspection_opinions::table)
        .values((
            inspection_opinions::id.eq(Uuid::now_v7()),
            inspection_opinions::inspection_id.eq(inspection_id),
            inspection_opinions::kind.eq(kind),
            inspection_opinions::text.eq(text.trim()),
            inspection_opinions::created_by.eq(by),
        ))
        .returning(OpinionRow::as_returning())
        .get_result(conn)
        .map_err(AppError::from)
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
