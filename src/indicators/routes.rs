use crate::domain::indicators::MAX_INDICATORS;
use actix_web::{HttpResponse, delete, get, patch, post, web};
use diesel::Connection;
use diesel::pg::PgConnection;
use uuid::Uuid;

use crate::AppState;
use crate::audit::{self, AuditEntry};
use crate::auth::scope::not_found;
use crate::auth::{Action, Caller, Role};
use crate::error::AppError;
use crate::http::etag::{IfMatch, stale};
use crate::http::respond::{created, ok_with_etag};
use crate::indicators::dto::{Indicator, IndicatorChanges, NewIndicator, check_fields};
use crate::indicators::store::{self, IndicatorRow};
use crate::pagination::Page;
use crate::projects::store::{self as projects, ProjectView};
use crate::reports::service::refresh_for_projects;
use crate::reports::store as reports;

/// The project, if the caller may do `action` on it (404 outside scope, 403 for the role).
fn project_for(
    conn: &mut PgConnection,
    caller: &Caller,
    action: Action,
    project_id: Uuid,
) -> Result<ProjectView, AppError> {
    caller.require(action)?;
    // A write takes the project's row lock first, as every project write does (its update, its
    // deletion): writes on one project queue up in one order instead of deadlocking (an
    // indicator's deletion against the project's, which cascades to the same indicator), and a
    // check over the project's indicators (how many it has) sees no concurrent change.
    let view = if action == Action::Read {
        projects::find(conn, project_id)?
    } else {
        projects::find_for_update(conn, project_id)?
    }
    .ok_or_else(not_found)?;
    caller.authorize(action, &view.place())?;
    // Targets changed mid-year move the goalposts of a running round: the finance department
    // decides those (and the audit trail keeps each change).
    if action == Action::EditIndicators
        && caller.is(Role::DepartmentOfficer)
        && reports::in_open_round(conn, project_id)?
    {
        return Err(AppError::Forbidden(
            "The project is in an open monitoring round: only finance officers may change its indicators now."
                .to_owned(),
        ));
    }
    Ok(view)
}

fn indicator_for(
    conn: &mut PgConnection,
    caller: &Caller,
    action: Action,
    id: Uuid,
) -> Result<(IndicatorRow, ProjectView), AppError> {
    caller.require(action)?;
    let row = store::find(conn, id)?.ok_or_else(not_found)?;
    let project = project_for(conn, caller, action, row.project_id)?;
    Ok((row, project))
}

fn audit_entry(
    caller: &Caller,
    action: &'static str,
    id: Uuid,
    project: &ProjectView,
) -> AuditEntry {
    AuditEntry::by(caller, action, "indicator")
        .object(id, Some(&project.row.region_path))
        .project(project.row.id)
        .department(Some(project.row.department_id))
        .classified(project.classified())
        .details(
            serde_json::json!({"project_id": project.row.id, "project_code": project.row.code}),
        )
}

/// The project's indicators.
#[utoipa::path(
    tag = "indicators",
    operation_id = "list_project_indicators",
    summary = "List a project's indicators",
    description = "All indicators of the project, in the order they were added: at most 100, so \
                   they come on one page (`next_cursor` is always null). Roles: admin, \
                   finance_officer, auditor, department_officer.",
    params(("id" = Uuid, Path, description = "Project id")),
    responses((status = 200, description = "The indicators", body = Page<Indicator>)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/projects/{id}/indicators")]
pub async fn list_indicators(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<Page<Indicator>>, AppError> {
    let id = id.into_inner();
    let rows = state
        .db
        .run(move |conn| {
            project_for(conn, &caller, Action::Read, id)?;
            store::for_project(conn, id)
        })
        .await?;
    Ok(web::Json(Page {
        items: rows.into_iter().map(Indicator::from).collect(),
        next_cursor: None,
    }))
}

/// Add an indicator to a project.
#[utoipa::path(
    tag = "indicators",
    operation_id = "create_indicator",
    summary = "Add an indicator",
    description = "Level 2 must belong to level 1; numeric comparators need a target value and unit, \
                   `qualitative` a target text; weights are above 0 and at most 90 (a project is \
                   ready when its weights add up to 90 and it has an output indicator). Roles: admin, \
                   finance_officer, department_officer (own department).",
    params(("id" = Uuid, Path, description = "Project id")),
    request_body = NewIndicator,
    responses((status = 201, description = "Created", body = Indicator,
               headers(("Location" = String, description = "URL of the new indicator"),
                       ("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "department_officer"])))
)]
#[post("/projects/{id}/indicators")]
pub async fn create_indicator(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: web::Json<NewIndicator>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::EditIndicators)?;
    let project_id = id.into_inner();
    let new = body.into_inner();
    let row = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let project = project_for(conn, &caller, Action::EditIndicators, project_id)?;
                if store::count_for_project(conn, project_id)? >= MAX_INDICATORS as i64 {
                    return Err(AppError::Conflict(format!(
                        "The project has {MAX_INDICATORS} indicators, the most a project may have."
                    )));
                }
                let fields = new
                    .fields("")
                    .map_err(|e| AppError::validation("The indicator has invalid fields.", e))?;
                let row = store::insert(conn, project_id, &fields)?;
                audit::record(
                    conn,
                    audit_entry(&caller, "indicator.created", row.id, &project)
                        .change(None::<&Indicator>, Some(&Indicator::from(row.clone()))),
                )?;
                refresh_for_projects(conn, &[project_id])?;
                Ok(row)
            })
        })
        .await?;
    let location = format!("/api/v1/indicators/{}", row.id);
    let version = row.version;
    Ok(created(&Indicator::from(row), &location, version))
}

/// Read one indicator.
#[utoipa::path(
    tag = "indicators",
    operation_id = "get_indicator",
    summary = "Get an indicator",
    description = "Roles: admin, finance_officer, auditor, department_officer (within scope).",
    params(("id" = Uuid, Path, description = "Indicator id")),
    responses((status = 200, description = "The indicator", body = Indicator,
               headers(("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/indicators/{id}")]
pub async fn get_indicator(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let (row, _) = state
        .db
        .run(move |conn| indicator_for(conn, &caller, Action::Read, id))
        .await?;
    let version = row.version;
    Ok(ok_with_etag(&Indicator::from(row), version))
}

/// Change an indicator.
#[utoipa::path(
    tag = "indicators",
    operation_id = "update_indicator",
    summary = "Update an indicator",
    description = "Send `If-Match`. The changed indicator must still satisfy every rule of a new one. \
                   Target changes are kept in the audit trail with the values before and after. \
                   Roles: admin, finance_officer, department_officer (own department).",
    params(
        ("id" = Uuid, Path, description = "Indicator id"),
        ("If-Match" = String, Header, description = "ETag of the version being changed"),
    ),
    request_body = IndicatorChanges,
    responses((status = 200, description = "Updated", body = Indicator,
               headers(("ETag" = String, description = "New version")))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "department_officer"])))
)]
#[patch("/indicators/{id}")]
pub async fn update_indicator(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: web::Json<IndicatorChanges>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::EditIndicators)?;
    let id = id.into_inner();
    let changes = body.into_inner();
    let row = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let (current, project) = indicator_for(conn, &caller, Action::EditIndicators, id)?;
                let fields = changes.apply(&current);
                check_fields(&fields, "")
                    .map_err(|e| AppError::validation("The indicator has invalid fields.", e))?;
                let row = store::update(conn, id, Some(if_match.0), &fields)?.ok_or_else(stale)?;
                audit::record(
                    conn,
                    audit_entry(&caller, "indicator.updated", id, &project).change(
                        Some(&Indicator::from(current)),
                        Some(&Indicator::from(row.clone())),
                    ),
                )?;
                refresh_for_projects(conn, &[project.row.id])?;
                Ok(row)
            })
        })
        .await?;
    let version = row.version;
    Ok(ok_with_etag(&Indicator::from(row), version))
}

/// Remove an indicator.
#[utoipa::path(
    tag = "indicators",
    operation_id = "delete_indicator",
    summary = "Delete an indicator",
    description = "Roles: admin, finance_officer, department_officer (own department).",
    params(("id" = Uuid, Path, description = "Indicator id")),
    responses((status = 204, description = "Deleted")),
    extensions(("x-roles" = json!(["admin", "finance_officer", "department_officer"])))
)]
#[delete("/indicators/{id}")]
pub async fn delete_indicator(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::EditIndicators)?;
    let id = id.into_inner();
    state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let (current, project) = indicator_for(conn, &caller, Action::EditIndicators, id)?;
                store::delete(conn, id)?;
                audit::record(
                    conn,
                    audit_entry(&caller, "indicator.deleted", id, &project)
                        .change(Some(&Indicator::from(current)), None::<&Indicator>),
                )?;
                refresh_for_projects(conn, &[project.row.id])
            })
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
