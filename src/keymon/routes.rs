use std::collections::HashMap;

use actix_web::{HttpRequest, HttpResponse, get, patch, post, web};
use chrono::Utc;
use diesel::Connection;
use diesel::pg::PgConnection;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::AppState;
use crate::audit::{self, AuditEntry};
use crate::auth::scope::not_found;
use crate::auth::{Action, Caller};
use crate::departments::store as departments;
use crate::domain::lights::deadline_light;
use crate::error::{AppError, FieldErrors};
use crate::export::{self, Cell, Column, Format, Kind, XlsxFile};
use crate::http::etag::{IfMatch, stale};
use crate::http::respond::{created, ok_with_etag};
use crate::keymon::adjustments::{Adjustment, adjustment_dto};
use crate::keymon::dto::*;
use crate::keymon::store::{self, Home, InspectionFields, NewRectificationRow, RectificationRow};
use crate::pagination::{self, Page, decode_cursor, page};
use crate::projects::dto::ProjectChanges;
use crate::projects::store as projects;
use crate::regions::store as regions;

/// The widest look-ahead of `due_within`: ten years, longer than any rectification deadline.
const MAX_DUE_WITHIN: i64 = 3650;

fn inspection_dto(
    conn: &mut PgConnection,
    row: crate::keymon::store::InspectionRow,
) -> Result<Inspection, AppError> {
    Ok(inspection_dtos(conn, vec![row])?.remove(0))
}

/// Inspections with their findings and opinions, in two queries whatever their number.
fn inspection_dtos(
    conn: &mut PgConnection,
    rows: Vec<crate::keymon::store::InspectionRow>,
) -> Result<Vec<Inspection>, AppError> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let mut findings: HashMap<Uuid, Vec<_>> = HashMap::new();
    for f in store::findings_of(conn, &ids)? {
        findings.entry(f.inspection_id).or_default().push(f);
    }
    let mut opinions: HashMap<Uuid, Vec<_>> = HashMap::new();
    for o in store::opinions_of(conn, &ids)? {
        opinions.entry(o.inspection_id).or_default().push(o);
    }
    Ok(rows
        .into_iter()
        .map(|r| {
            let (f, o) = (
                findings.remove(&r.id).unwrap_or_default(),
                opinions.remove(&r.id).unwrap_or_default(),
            );
            Inspection::assemble(r, f, o)
        })
        .collect())
}

/// An inspection the caller may act on (404 outside scope, 403 for the role).
fn inspection_for(
    conn: &mut PgConnection,
    caller: &Caller,
    action: Action,
    id: Uuid,
) -> Result<crate::keymon::store::InspectionRow, AppError> {
    caller.require(action)?;
    let row = store::find_inspection(conn, id)?.ok_or_else(not_found)?;
    let hidden = store::project_classified(conn, row.project_id)?;
    caller.authorize(action, &row.place_classified(hidden))?;
    Ok(row)
}

/// Open an inspection of a project.
#[utoipa::path(
    tag = "key-monitoring",
    operation_id = "create_inspection",
    summary = "Start key monitoring of a project",
    description = "Marks the project for key monitoring (recorded in the audit trail) and opens an \
                   inspection of it, planned. Roles: admin, finance_officer.",
    request_body = NewInspection,
    responses((status = 201, description = "Created", body = Inspection)),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[post("/inspections")]
pub async fn create_inspection(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<NewInspection>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::KeyMonitoring)?;
    let new = body.into_inner();
    if let (Some(s), Some(e)) = (new.start_date, new.end_date)
        && e < s
    {
        return Err(AppError::invalid_field(
            "end_date",
            "must not be before start_date",
        ));
    }
    let dto = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let project = projects::find(conn, new.project_id)?
                    .filter(|p| caller.sees(&p.place()))
                    .ok_or_else(|| {
                        AppError::invalid_field(
                            "project_id",
                            "no project in your scope has this id",
                        )
                    })?;
                if let Some(round_id) = new.round_id {
                    crate::rounds::store::find(conn, round_id)?
                        .filter(|r| {
                            caller.covered_by(&r.region_path)
                                && r.fiscal_year == project.row.fiscal_year
                        })
                        .ok_or_else(|| {
                            AppError::invalid_field(
                                "round_id",
                                "no round of the project's year in your scope has this id",
                            )
                        })?;
                }
                if !project.row.key_monitoring {
                    let select = ProjectChanges {
                        key_monitoring: Some(true),
                        ..ProjectChanges::default()
                    };
                    crate::projects::service::update(
                        conn,
                        &caller,
                        project.row.id,
                        None,
                        &select,
                        "key monitoring",
                    )?;
                }
                let row = store::insert_inspection(
                    conn,
                    Home {
                        project_id: project.row.id,
                        region_id: project.row.region_id,
                        region_path: &project.row.region_path,
                        department_path: &project.row.department_path,
                    },
                    new.round_id,
                    (caller.user_id, &caller.username),
                    (new.start_date, new.end_date),
                )?;
                let dto = inspection_dto(conn, row)?;
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "inspection.created", "inspection")
                        .object(dto.id, Some(&project.row.region_path))
                        .change(None::<&Inspection>, Some(&dto)),
                )?;
                Ok(dto)
            })
        })
        .await?;
    let location = format!("/api/v1/inspections/{}", dto.id);
    let version = dto.version;
    Ok(created(&dto, &location, version))
}

/// List inspections.
#[utoipa::path(
    tag = "key-monitoring",
    operation_id = "list_inspections",
    summary = "List inspections",
    description = "Within the caller's scope. Roles: admin, finance_officer, auditor, department_officer.",
    params(InspectionQuery),
    responses((status = 200, description = "A page of inspections", body = Page<Inspection>)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/inspections")]
pub async fn list_inspections(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<InspectionQuery>,
) -> Result<web::Json<Page<Inspection>>, AppError> {
    caller.require(Action::Read)?;
    let q = query.into_inner();
    let limit = pagination::limit(q.limit)?;
    let after = decode_cursor(q.cursor.as_deref(), "created")?.map(|a| a.id);
    let scope = caller.list_scope();
    let page = state
        .db
        .run(move |conn| {
            let mut filter = store::InspectionFilter {
                round_id: q.round,
                project_id: q.project,
                department_id: q.department,
                status: q.status.map(|s| s.as_str().to_owned()),
                within_path: None,
                light: q.light.map(|l| l.as_str()),
            };
            if let Some(code) = &q.within {
                match regions::find_by_code(conn, code)? {
                    Some(r) => filter.within_path = Some(r.path),
                    None => return Ok(Page::empty()),
                }
            }
            let rows = store::list_inspections(conn, &scope, &filter, after, limit)?;
            let p = page(rows, limit, "created", |r| (String::new(), r.id), |r| r);
            let items = inspection_dtos(conn, p.items)?;
            Ok(Page {
                items,
                next_cursor: p.next_cursor,
            })
        })
        .await?;
    Ok(web::Json(page))
}

/// Read an inspection with its findings and opinions.
#[utoipa::path(
    tag = "key-monitoring",
    operation_id = "get_inspection",
    summary = "Get an inspection",
    description = "Roles: admin, finance_officer, auditor, department_officer (within scope).",
    params(("id" = Uuid, Path, description = "Inspection id")),
    responses((status = 200, description = "The inspection", body = Inspection)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/inspections/{id}")]
pub async fn get_inspection(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let dto = state
        .db
        .run(move |conn| {
            let row = inspection_for(conn, &caller, Action::Read, id)?;
            inspection_dto(conn, row)
        })
        .await?;
    let version = dto.version;
    Ok(ok_with_etag(&dto, version))
}

/// Change an inspection's status, dates or conclusion.
#[utoipa::path(
    tag = "key-monitoring",
    operation_id = "update_inspection",
    summary = "Update an inspection",
    description = "Status moves forward only (planned → in_progress → concluded); a concluded \
                   inspection needs a conclusion. Send `If-Match`. Roles: admin, finance_officer.",
    params(("id" = Uuid, Path, description = "Inspection id"), ("If-Match" = String, Header, description = "ETag of the version being changed")),
    request_body = InspectionChanges,
    responses((status = 200, description = "Updated", body = Inspection)),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[patch("/inspections/{id}")]
pub async fn update_inspection(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: web::Json<InspectionChanges>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::KeyMonitoring)?;
    let id = id.into_inner();
    let changes = body.into_inner();
    let dto = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let current = inspection_for(conn, &caller, Action::KeyMonitoring, id)?;
                let before = inspection_dto(conn, current.clone())?;
                let from = InspectionStatus::parse(&current.status);
                let to = changes.status.unwrap_or(from);
                let rank = |s: InspectionStatus| match s {
                    InspectionStatus::Planned => 0,
                    InspectionStatus::InProgress => 1,
                    InspectionStatus::Concluded => 2,
                };
                if rank(to) < rank(from) {
                    return Err(AppError::Conflict(format!(
                        "An inspection cannot go back from {} to {}.",
                        from.as_str(),
                        to.as_str()
                    )));
                }
                let fields = InspectionFields {
                    status: to.as_str().to_owned(),
                    conclusion: changes
                        .conclusion
                        .clone()
                        .map_or(current.conclusion.clone(), |c| c.trim().to_owned()),
                    start_date: changes.start_date.or(current.start_date),
                    end_date: changes.end_date.or(current.end_date),
                };
                let mut errors = FieldErrors::new();
                if to == InspectionStatus::Concluded && fields.conclusion.is_empty() {
                    errors
                        .entry("conclusion".into())
                        .or_default()
                        .push("is required to conclude".into());
                }
                if let (Some(s), Some(e)) = (fields.start_date, fields.end_date)
                    && e < s
                {
                    errors
                        .entry("end_date".into())
                        .or_default()
                        .push("must not be before start_date".into());
                }
                if !errors.is_empty() {
                    return Err(AppError::validation(
                        "The inspection has invalid fields.",
                        errors,
                    ));
                }
                let row =
                    store::update_inspection(conn, id, if_match.0, &fields)?.ok_or_else(stale)?;
                let dto = inspection_dto(conn, row)?;
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "inspection.updated", "inspection")
                        .object(id, Some(&current.region_path))
                        .change(Some(&before), Some(&dto)),
                )?;
                Ok(dto)
            })
        })
        .await?;
    let version = dto.version;
    Ok(ok_with_etag(&dto, version))
}

/// Record a finding of an inspection.
#[utoipa::path(
    tag = "key-monitoring",
    operation_id = "create_finding",
    summary = "Record a finding",
    description = "A problem found: category (slow progress, unreasonable targets, non-standard \
                   management, unclear objectives, idle funds, other), description, severity and the \
                   money involved where it applies. Not on a concluded inspection (409). Roles: \
                   admin, finance_officer.",
    params(("id" = Uuid, Path, description = "Inspection id")),
    request_body = NewFinding,
    responses((status = 201, description = "Created", body = Finding)),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[post("/inspections/{id}/findings")]
pub async fn create_finding(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: web::Json<NewFinding>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::KeyMonitoring)?;
    let id = id.into_inner();
    let new = body.into_inner();
    if new.description.trim().is_empty() {
        return Err(AppError::invalid_field("description", "must not be blank"));
    }
    let finding = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let inspection = inspection_for(conn, &caller, Action::KeyMonitoring, id)?;
                if inspection.status == "concluded" {
                    return Err(AppError::Conflict(
                        "The inspection is concluded.".to_owned(),
                    ));
                }
                let row = store::insert_finding(
                    conn,
                    &inspection,
                    new.category.as_str(),
                    &new.description,
                    new.severity.as_str(),
                    new.amount.as_ref(),
                    caller.user_id,
                )?;
                let dto = Finding::from(row);
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "finding.created", "finding")
                        .object(dto.id, Some(&inspection.region_path))
                        .change(None::<&Finding>, Some(&dto)),
                )?;
                Ok(dto)
            })
        })
        .await?;
    let location = format!("/api/v1/findings/{}", finding.id);
    Ok(created(&finding, &location, 1))
}

/// Read a finding.
#[utoipa::path(
    tag = "key-monitoring",
    operation_id = "get_finding",
    summary = "Get a finding",
    description = "Roles: admin, finance_officer, auditor, department_officer (within scope).",
    params(("id" = Uuid, Path, description = "Finding id")),
    responses((status = 200, description = "The finding", body = Finding)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/findings/{id}")]
pub async fn get_finding(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<Finding>, AppError> {
    caller.require(Action::Read)?;
    let id = id.into_inner();
    let row = state
        .db
        .run(move |conn| {
            let row = store::find_finding(conn, id)?.ok_or_else(not_found)?;
            let hidden = store::project_classified(conn, row.project_id)?;
            caller.authorize(Action::Read, &row.place_classified(hidden))?;
            Ok(row)
        })
        .await?;
    Ok(web::Json(Finding::from(row)))
}

/// Record an opinion, suggestion or policy revision of an inspection.
#[utoipa::path(
    tag = "key-monitoring",
    operation_id = "create_opinion",
    summary = "Record an opinion or suggestion",
    description = "Kinds `opinion`, `suggestion`, `policy_revision`, counted by the statistics. Roles: \
                   admin, finance_officer.",
    params(("id" = Uuid, Path, description = "Inspection id")),
    request_body = NewOpinion,
    responses((status = 201, description = "Created", body = Opinion)),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[post("/inspections/{id}/opinions")]
pub async fn create_opinion(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: web::Json<NewOpinion>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::KeyMonitoring)?;
    let id = id.into_inner();
    let new = body.into_inner();
    if new.text.trim().is_empty() {
        return Err(AppError::invalid_field("text", "must not be blank"));
    }
    let opinion = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let inspection = inspection_for(conn, &caller, Action::KeyMonitoring, id)?;
                let dto = Opinion::from(store::insert_opinion(
                    conn,
                    id,
                    new.kind.as_str(),
                    &new.text,
                    caller.user_id,
                )?);
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "opinion.created", "opinion")
                        .object(dto.id, Some(&inspection.region_path))
                        .change(None::<&Opinion>, Some(&dto)),
                )?;
                Ok(dto)
            })
        })
        .await?;
    let location = format!("/api/v1/inspections/{id}");
    Ok(created(&opinion, &location, 1))
}

fn rectification_dto(
    conn: &mut PgConnection,
    row: RectificationRow,
) -> Result<Rectification, AppError> {
    Ok(rectification_dtos(conn, vec![row])?.remove(0))
}

/// Rectifications with their light (rules looked up once per region) and history (one query).
fn rectification_dtos(
    conn: &mut PgConnection,
    rows: Vec<RectificationRow>,
) -> Result<Vec<Rectification>, AppError> {
    let today = Utc::now().date_naive();
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let mut history: HashMap<Uuid, Vec<RectificationEvent>> = HashMap::new();
    for (id, (from, to, actor_name, comment, at)) in store::events_of(conn, &ids)? {
        history.entry(id).or_default().push(RectificationEvent {
            from,
            to,
            actor_name,
            comment,
            at,
        });
    }
    let mut rules = HashMap::new();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        if !rules.contains_key(&row.region_path) {
            let effective = crate::lights::service::effective(conn, &row.region_path)?;
            rules.insert(row.region_path.clone(), effective);
        }
        let done = row.status == "accepted";
        let light = deadline_light(
            &rules[&row.region_path].rules,
            "rectification",
            (row.deadline - today).num_days(),
            i64::from(row.warning_days),
            done,
        )
        .light;
        let overdue = !done && today > row.deadline;
        let events = history.remove(&row.id).unwrap_or_default();
        out.push(Rectification::assemble(row, light, overdue, events));
    }
    Ok(out)
}

/// Order a rectification.
#[utoipa::path(
    tag = "key-monitoring",
    operation_id = "create_rectification",
    summary = "Order a rectification",
    description = "Orders the responsible department (by default the project's) to fix a finding by a \
                   deadline. Roles: admin, finance_officer.",
    request_body = NewRectification,
    responses((status = 201, description = "Created", body = Rectification)),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[post("/rectifications")]
pub async fn create_rectification(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<NewRectification>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::KeyMonitoring)?;
    let new = body.into_inner();
    let mut errors = FieldErrors::new();
    if new.requirement.trim().is_empty() {
        errors
            .entry("requirement".into())
            .or_default()
            .push("must not be blank".into());
    }
    if !(0..=60).contains(&new.warning_days) {
        errors
            .entry("warning_days".into())
            .or_default()
            .push("must be from 0 to 60".into());
    }
    if !errors.is_empty() {
        return Err(AppError::validation(
            "The rectification has invalid fields.",
            errors,
        ));
    }
    let dto = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let finding = store::find_finding(conn, new.finding_id)?
                    .filter(|f| caller.sees(&f.place()))
                    .ok_or_else(|| {
                        AppError::invalid_field(
                            "finding_id",
                            "no finding in your scope has this id",
                        )
                    })?;
                let project = projects::find(conn, finding.project_id)?.ok_or_else(not_found)?;
                let department = departments::find(
                    conn,
                    new.department_id.unwrap_or(project.row.department_id),
                )?
                .filter(|d| caller.sees(&d.place()))
                .ok_or_else(|| {
                    AppError::invalid_field(
                        "department_id",
                        "no department in your scope has this id",
                    )
                })?;
                let row = store::insert_rectification(
                    conn,
                    NewRectificationRow {
                        finding: &finding,
                        department_id: department.id,
                        region_id: department.region_id,
                        region_path: &department.region_path,
                        department_path: &department.path,
                        requirement: &new.requirement,
                        deadline: new.deadline,
                        warning_days: new.warning_days,
                        by: caller.user_id,
                    },
                )?;
                let dto = rectification_dto(conn, row)?;
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "rectification.created", "rectification")
                        .object(dto.id, Some(&department.region_path))
                        .change(None::<&Rectification>, Some(&dto)),
                )?;
                Ok(dto)
            })
        })
        .await?;
    let location = format!("/api/v1/rectifications/{}", dto.id);
    let version = dto.version;
    Ok(created(&dto, &location, version))
}

const RECTIFICATION_COLUMNS: &[Column] = &[
    Column::new("id", Kind::Text),
    Column::new("finding_id", Kind::Text),
    Column::new("project_id", Kind::Text),
    Column::new("department_id", Kind::Text),
    Column::new("requirement", Kind::Text),
    Column::new("deadline", Kind::Date),
    Column::new("warning_days", Kind::Integer),
    Column::new("status", Kind::Text),
    Column::new("response", Kind::Text),
    Column::new("answered_at", Kind::DateTime),
    Column::new("accepted_at", Kind::DateTime),
    Column::new("overdue", Kind::Bool),
    Column::new("light", Kind::Text),
    Column::new("created_at", Kind::DateTime),
];

fn rectification_cells(r: &Rectification) -> Vec<Cell> {
    vec![
        r.id.into(),
        r.finding_id.into(),
        r.project_id.into(),
        r.department_id.into(),
        (&r.requirement).into(),
        r.deadline.into(),
        r.warning_days.into(),
        r.status.as_str().into(),
        (&r.response).into(),
        r.answered_at.into(),
        r.accepted_at.into(),
        r.overdue.into(),
        r.light.as_str().into(),
        r.created_at.into(),
    ]
}

/// List rectifications.
#[utoipa::path(
    tag = "key-monitoring",
    operation_id = "list_rectifications",
    summary = "List rectifications",
    description = "Within the caller's scope (a department officer sees its own department's), \
                   oldest first. `format=csv` (or `Accept: text/csv`) and `format=xlsx` give every \
                   matching rectification as a file. Roles: admin, finance_officer, auditor, \
                   department_officer.",
    params(RectificationQuery),
    responses((status = 200, description = "A page of rectifications, or all of them as a file", content(
        (Page<Rectification> = "application/json"),
        (String = "text/csv"),
        (XlsxFile = crate::export::XLSX_MEDIA_TYPE),
    ))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/rectifications")]
pub async fn list_rectifications(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<RectificationQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::Read)?;
    let format = Format::of(&req)?;
    let q = query.into_inner();
    let scope = caller.list_scope();
    let today = Utc::now().date_naive();
    // Checked, because this runs on the async worker, where a panic would not become a 500.
    let due_by = q
        .due_within
        .map(|d| {
            if !(0..=MAX_DUE_WITHIN).contains(&d) {
                return Err(AppError::BadRequest(format!(
                    "Invalid query parameters: due_within must be from 0 to {MAX_DUE_WITHIN} days, got {d}"
                )));
            }
            Ok(today + chrono::Days::new(d.unsigned_abs()))
        })
        .transpose()?;
    let filter = store::RectificationFilter {
        status: q.status.map(|s| s.as_str().to_owned()),
        department_id: q.department,
        project_id: q.project,
        overdue: q.overdue,
        due_by,
        today: Some(today),
    };
    if format != Format::Json {
        return export::paged(
            &state.db,
            format,
            "rectifications",
            RECTIFICATION_COLUMNS,
            move |conn, after, limit| {
                let after = after.map(|(_, id)| id);
                let rows = store::list_rectifications(conn, &scope, &filter, after, limit)?;
                rectification_dtos(conn, rows)
            },
            |r| (String::new(), r.id),
            rectification_cells,
        )
        .await;
    }
    let limit = pagination::limit(q.limit)?;
    let after = decode_cursor(q.cursor.as_deref(), "created")?.map(|a| a.id);
    let page = state
        .db
        .run(move |conn| {
            let rows = store::list_rectifications(conn, &scope, &filter, after, limit)?;
            let p = page(rows, limit, "created", |r| (String::new(), r.id), |r| r);
            let items = rectification_dtos(conn, p.items)?;
            Ok(Page {
                items,
                next_cursor: p.next_cursor,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

fn rectification_for(
    conn: &mut PgConnection,
    caller: &Caller,
    action: Action,
    id: Uuid,
) -> Result<RectificationRow, AppError> {
    caller.require(action)?;
    let row = store::find_rectification(conn, id)?.ok_or_else(not_found)?;
    let hidden = store::project_classified(conn, row.project_id)?;
    caller.authorize(action, &row.place_classified(hidden))?;
    Ok(row)
}

/// Read a rectification.
#[utoipa::path(
    tag = "key-monitoring",
    operation_id = "get_rectification",
    summary = "Get a rectification",
    description = "Roles: admin, finance_officer, auditor, department_officer (within scope).",
    params(("id" = Uuid, Path, description = "Rectification id")),
    responses((status = 200, description = "The rectification", body = Rectification)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/rectifications/{id}")]
pub async fn get_rectification(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<Rectification>, AppError> {
    let id = id.into_inner();
    let dto = state
        .db
        .run(move |conn| {
            let row = rectification_for(conn, &caller, Action::Read, id)?;
            rectification_dto(conn, row)
        })
        .await?;
    Ok(web::Json(dto))
}

/// The department answers a rectification.
#[utoipa::path(
    tag = "key-monitoring",
    operation_id = "answer_rectification",
    summary = "Answer a rectification",
    description = "The responsible department says what it did; the task waits for verification. \
                   Only an open task can be answered (409). Roles: department_officer (the \
                   responsible department).",
    params(("id" = Uuid, Path, description = "Rectification id")),
    request_body = RectificationAnswer,
    responses((status = 200, description = "Answered", body = Rectification)),
    extensions(("x-roles" = json!(["department_officer"])))
)]
#[post("/rectifications/{id}/response")]
pub async fn answer_rectification(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: web::Json<RectificationAnswer>,
) -> Result<web::Json<Rectification>, AppError> {
    caller.require(Action::AnswerRectifications)?;
    let id = id.into_inner();
    let answer = body.into_inner().response;
    if answer.trim().is_empty() {
        return Err(AppError::invalid_field("response", "must not be blank"));
    }
    let dto = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let row = rectification_for(conn, &caller, Action::AnswerRectifications, id)?;
                if row.status != "open" {
                    return Err(AppError::Conflict(format!(
                        "A rectification that is {} cannot be answered.",
                        row.status
                    )));
                }
                let before = rectification_dto(conn, row.clone())?;
                store::set_rectification(conn, id, "answered", Some(&answer), false)?;
                store::record_event(
                    conn,
                    id,
                    "open",
                    "answered",
                    (caller.user_id, &caller.username),
                    &answer,
                )?;
                let updated = store::find_rectification(conn, id)?.ok_or_else(not_found)?;
                let dto = rectification_dto(conn, updated)?;
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "rectification.answered", "rectification")
                        .object(id, Some(&row.region_path))
                        .change(Some(&before), Some(&dto)),
                )?;
                Ok(dto)
            })
        })
        .await?;
    Ok(web::Json(dto))
}

/// Finance verifies a rectification's answer.
#[utoipa::path(
    tag = "key-monitoring",
    operation_id = "verify_rectification",
    summary = "Verify a rectification",
    description = "Accept the department's answer, or reject it (a comment is required) and send the \
                   task back to the department. Only an answered task can be verified (409). Roles: \
                   admin, finance_officer.",
    params(("id" = Uuid, Path, description = "Rectification id")),
    request_body = RectificationVerdict,
    responses((status = 200, description = "Verified", body = Rectification)),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[post("/rectifications/{id}/verify")]
pub async fn verify_rectification(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: web::Json<RectificationVerdict>,
) -> Result<web::Json<Rectification>, AppError> {
    caller.require(Action::KeyMonitoring)?;
    let id = id.into_inner();
    let verdict = body.into_inner();
    if !verdict.accept && verdict.comment.trim().is_empty() {
        return Err(AppError::invalid_field(
            "comment",
            "say why the answer is rejected",
        ));
    }
    let dto = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let row = rectification_for(conn, &caller, Action::KeyMonitoring, id)?;
                if row.status != "answered" {
                    return Err(AppError::Conflict(format!(
                        "A rectification that is {} cannot be verified.",
                        row.status
                    )));
                }
                let before = rectification_dto(conn, row.clone())?;
                let to = if verdict.accept { "accepted" } else { "open" };
                store::set_rectification(conn, id, to, None, verdict.accept)?;
                store::record_event(
                    conn,
                    id,
                    "answered",
                    to,
                    (caller.user_id, &caller.username),
                    &verdict.comment,
                )?;
                let updated = store::find_rectification(conn, id)?.ok_or_else(not_found)?;
                let dto = rectification_dto(conn, updated)?;
                audit::record(
                    conn,
                    AuditEntry::by(
                        &caller,
                        if verdict.accept {
                            "rectification.accepted"
                        } else {
                            "rectification.rejected"
                        },
                        "rectification",
                    )
                    .object(id, Some(&row.region_path))
                    .change(Some(&before), Some(&dto)),
                )?;
                Ok(dto)
            })
        })
        .await?;
    Ok(web::Json(dto))
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = key_monitoring_history_example)]
pub struct KeyMonitoringHistory {
    pub project_id: Uuid,
    pub key_monitoring: bool,
    pub inspections: Vec<Inspection>,
    pub rectifications: Vec<Rectification>,
    /// Adjustments of the project, and those moving money to it.
    pub adjustments: Vec<Adjustment>,
}

fn key_monitoring_history_example() -> serde_json::Value {
    serde_json::json!({
        "project_id": "0193a0c4-7f43-7000-8000-0000000000e1", "key_monitoring": true,
        "inspections": [crate::keymon::dto::inspection_example()],
        "rectifications": [crate::keymon::dto::rectification_example()],
        "adjustments": [crate::keymon::adjustments::adjustment_example()]
    })
}

/// Everything key monitoring did to a project.
#[utoipa::path(
    tag = "key-monitoring",
    operation_id = "get_key_monitoring_history",
    summary = "A project's key-monitoring history",
    description = "Inspections with findings and opinions, rectifications and fund adjustments of \
                   the project. Roles: admin, finance_officer, auditor, department_officer (within scope).",
    params(("id" = Uuid, Path, description = "Project id")),
    responses((status = 200, description = "The history", body = KeyMonitoringHistory)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/projects/{id}/key-monitoring")]
pub async fn project_history(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<KeyMonitoringHistory>, AppError> {
    let id = id.into_inner();
    let history = state
        .db
        .run(move |conn| {
            let project = projects::find(conn, id)?.ok_or_else(not_found)?;
            caller.authorize(Action::Read, &project.place())?;
            let all = crate::auth::ListScope::All;
            let inspections = store::list_inspections(
                conn,
                &all,
                &store::InspectionFilter {
                    project_id: Some(id),
                    ..Default::default()
                },
                None,
                10_000,
            )?;
            let inspections = inspection_dtos(conn, inspections)?;
            let rectifications = store::list_rectifications(
                conn,
                &all,
                &store::RectificationFilter {
                    project_id: Some(id),
                    ..Default::default()
                },
                None,
                10_000,
            )?;
            let rectifications = rectification_dtos(conn, rectifications)?;
            let adjustments = store::list_adjustments(
                conn,
                &all,
                &store::AdjustmentFilter {
                    project_id: Some(id),
                    ..Default::default()
                },
                None,
                10_000,
            )?
            .into_iter()
            .map(adjustment_dto)
            .collect();
            Ok(KeyMonitoringHistory {
                project_id: id,
                key_monitoring: project.row.key_monitoring,
                inspections,
                rectifications,
                adjustments,
            })
        })
        .await?;
    Ok(web::Json(history))
}
