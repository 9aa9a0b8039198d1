//! Inspections of key-monitored projects, with their findings and opinions.

use std::collections::HashMap;

use actix_web::{HttpRequest, HttpResponse, get, patch, post, web};
use diesel::Connection;
use diesel::pg::PgConnection;
use uuid::Uuid;

use crate::AppState;
use crate::audit::{self, AuditEntry};
use crate::auth::{Action, Caller};
use crate::error::{AppError, FieldErrors};
use crate::export::{Cell, Column, Kind, XlsxFile};
use crate::http::etag::{IfMatch, stale};
use crate::http::respond::{created, ok_with_etag};
use crate::keymon::authorized;
use crate::keymon::dto::*;
use crate::keymon::store::{self, FindingFilter, Home, InspectionFields, InspectionRow};
use crate::listing::{Export, Listing, RegionFilter};
use crate::pagination::Page;
use crate::projects::dto::ProjectChanges;
use crate::projects::store as projects;

fn inspection_dto(conn: &mut PgConnection, row: InspectionRow) -> Result<Inspection, AppError> {
    Ok(inspection_dtos(conn, vec![row])?.remove(0))
}

/// Inspections with their findings and opinions, in two queries whatever their number.
pub(crate) fn inspection_dtos(
    conn: &mut PgConnection,
    rows: Vec<InspectionRow>,
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
) -> Result<InspectionRow, AppError> {
    let found = store::find_inspection(conn, id)?;
    authorized(conn, caller, action, found)
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
                        .project(project.row.id)
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
    description = "Within the caller's scope, oldest first. Roles: admin, finance_officer, auditor, \
                   department_officer.",
    params(InspectionQuery),
    responses((status = 200, description = "A page of inspections", body = Page<Inspection>)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/inspections")]
pub async fn list_inspections(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<InspectionQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::Read)?;
    let q = query.into_inner();
    let listing = Listing::of(&req, q.limit, q.cursor.as_deref(), "created")?;
    let scope = caller.list_scope();
    listing
        .respond_json(
            &state.db,
            move |conn, after, limit| {
                let Some(region_path) = RegionFilter::resolve(conn, q.region.as_deref())?.path()
                else {
                    return Ok(Vec::new());
                };
                let filter = store::InspectionFilter {
                    round_id: q.round,
                    project_id: q.project,
                    department_id: q.department,
                    status: q.status.map(|s| s.as_str().to_owned()),
                    region_path,
                    light: q.light.map(|l| l.as_str()),
                };
                let after = after.map(|(_, id)| id);
                let rows = store::list_inspections(conn, &scope, &filter, after, limit)?;
                inspection_dtos(conn, rows)
            },
            |i: &Inspection| (String::new(), i.id),
        )
        .await
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
                        .project(current.project_id)
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
                        .project(inspection.project_id)
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
            let found = store::find_finding(conn, id)?;
            authorized(conn, &caller, Action::Read, found)
        })
        .await?;
    Ok(web::Json(Finding::from(row)))
}

const FINDING_COLUMNS: &[Column] = &[
    Column::new("id", Kind::Text),
    Column::new("inspection_id", Kind::Text),
    Column::new("project_id", Kind::Text),
    Column::new("category", Kind::Text),
    Column::new("severity", Kind::Text),
    Column::new("amount", Kind::Money),
    Column::new("description", Kind::Text),
    Column::new("created_at", Kind::DateTime),
];

fn finding_cells(f: &Finding) -> Vec<Cell> {
    vec![
        f.id.into(),
        f.inspection_id.into(),
        f.project_id.into(),
        (&f.category).into(),
        (&f.severity).into(),
        Cell::opt(f.amount.as_ref(), Cell::money),
        (&f.description).into(),
        f.created_at.into(),
    ]
}

/// List findings.
#[utoipa::path(
    tag = "key-monitoring",
    operation_id = "list_findings",
    summary = "List findings",
    description = "The problems key monitoring found, within the caller's scope, oldest first. \
                   `format=csv` (or `Accept: text/csv`) and `format=xlsx` give every matching \
                   finding as a file. Roles: admin, finance_officer, auditor, department_officer.",
    params(FindingQuery),
    responses((status = 200, description = "A page of findings, or all of them as a file", content(
        (Page<Finding> = "application/json"),
        (String = "text/csv"),
        (XlsxFile = crate::export::XLSX_MEDIA_TYPE),
    ))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/findings")]
pub async fn list_findings(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<FindingQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::Read)?;
    let q = query.into_inner();
    let listing = Listing::of(&req, q.limit, q.cursor.as_deref(), "created")?;
    let scope = caller.list_scope();
    let export = Export {
        filename: "findings".to_owned(),
        columns: FINDING_COLUMNS,
        cells: finding_cells,
    };
    listing
        .respond(
            &state.db,
            Some(export),
            move |conn, after, limit| {
                let Some(region_path) = RegionFilter::resolve(conn, q.region.as_deref())?.path()
                else {
                    return Ok(Vec::new());
                };
                let filter = FindingFilter {
                    category: q.category.map(FindingCategory::as_str),
                    severity: q.severity.map(Severity::as_str),
                    region_path,
                    round_id: q.round,
                    project_id: q.project,
                    department_id: q.department,
                    inspection_id: q.inspection,
                };
                let after = after.map(|(_, id)| id);
                let rows = store::list_findings(conn, &scope, &filter, after, limit)?;
                Ok(rows.into_iter().map(Finding::from).collect())
            },
            |f: &Finding| (String::new(), f.id),
        )
        .await
}

/// Record an opinion, suggestion or policy revision of an inspection.
#[utoipa::path(
    tag = "key-monitoring",
    operation_id = "create_opinion",
    summary = "Record an opinion or suggestion",
    description = "Kinds `opinion`, `suggestion`, `policy_revision`, counted by the statistics. A \
                   `policy_revision` names the policy (`policy_name`); whether the department has \
                   revised it is recorded with `POST /opinions/{id}/revision`. Roles: admin, \
                   finance_officer.",
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
    let policy_name = new.policy_name.as_deref().map(str::trim);
    match (new.kind, policy_name) {
        (OpinionKind::PolicyRevision, None) => {
            return Err(AppError::invalid_field(
                "policy_name",
                "names the policy to revise: required for a policy_revision",
            ));
        }
        (OpinionKind::PolicyRevision, Some(name))
            if name.is_empty() || name.chars().count() > 200 =>
        {
            return Err(AppError::invalid_field(
                "policy_name",
                "must be 1 to 200 characters",
            ));
        }
        (OpinionKind::PolicyRevision, Some(_)) | (_, None) => {}
        (_, Some(_)) => {
            return Err(AppError::invalid_field(
                "policy_name",
                "only a policy_revision names a policy",
            ));
        }
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
                    new.policy_name.as_deref(),
                    caller.user_id,
                )?);
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "opinion.created", "opinion")
                        .object(dto.id, Some(&inspection.region_path))
                        .project(inspection.project_id)
                        .change(None::<&Opinion>, Some(&dto)),
                )?;
                Ok(dto)
            })
        })
        .await?;
    let location = format!("/api/v1/inspections/{id}");
    Ok(created(&opinion, &location, 1))
}
