//! Endpoints of target adjustments and of the indicator-set versions they make.

use actix_web::{HttpRequest, HttpResponse, get, post, web};
use diesel::Connection;
use diesel::pg::PgConnection;
use uuid::Uuid;

use crate::AppState;
use crate::audit::{self, AuditEntry};
use crate::auth::scope::not_found;
use crate::auth::{Action, Caller};
use crate::error::AppError;
use crate::http::etag::{IfMatch, stale};
use crate::http::extractors::typed;
use crate::http::respond::{created, ok_with_etag};
use crate::indicators::store as indicators;
use crate::keymon::authorized;
use crate::keymon::store as keymon;
use crate::listing::{Listing, RegionFilter};
use crate::pagination::Page;
use crate::projects::store::{self as projects, ProjectView};
use crate::reports::store as reports;
use crate::targets::dto::*;
use crate::targets::service;
use crate::targets::store::{self, NewRequest, TargetAdjustmentRow, VersionRow};
use crate::targets::versions::{self, IndicatorSetVersion};

fn audit_entry(
    caller: &Caller,
    action: &'static str,
    row: &TargetAdjustmentRow,
    project: &ProjectView,
) -> AuditEntry {
    AuditEntry::by(caller, action, "target_adjustment")
        .object(row.id, Some(&row.region_path))
        .project(row.project_id)
        .department(Some(project.row.department_id))
        .classified(project.classified())
}

/// Ask to change a project's targets.
#[utoipa::path(
    tag = "target-adjustments",
    operation_id = "create_target_adjustment",
    summary = "Request a target adjustment",
    description = "Asks to change the project's performance targets during the year: change an \
                   indicator's target, unit, weight or other fields, add an indicator, or retire \
                   one, with a reason and optionally the finding (e.g. `unreasonable_targets`) or \
                   report that calls for it. The changes are checked against the current set: \
                   a change that leaves the project unready (no output indicator, weights not \
                   adding up to 90) is refused with 422 naming the rule. A project has at most \
                   one open request (409). Nothing changes until finance approves. Roles: admin, \
                   finance_officer, department_officer (own department).",
    params(("id" = Uuid, Path, description = "Project id")),
    request_body = NewTargetAdjustment,
    responses((status = 201, description = "Requested", body = TargetAdjustment,
               headers(("Location" = String, description = "URL of the request"),
                       ("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "department_officer"])))
)]
#[post("/projects/{id}/target-adjustments")]
pub async fn create_target_adjustment(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::RequestTargetAdjustments)?;
    let project_id = id.into_inner();
    let sent = body.into_inner();
    let new: NewTargetAdjustment = typed(&sent)?;
    if new.reason.trim().is_empty() || new.reason.chars().count() > 2000 {
        return Err(AppError::invalid_field(
            "reason",
            "must be 1 to 2000 characters",
        ));
    }
    let changes = sent.get("changes").cloned().unwrap_or_default();
    let dto = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let project = projects::find_for_update(conn, project_id)?.ok_or_else(not_found)?;
                caller.authorize(Action::RequestTargetAdjustments, &project.place())?;
                if let Some(finding_id) = new.finding_id {
                    keymon::find_finding(conn, finding_id)?
                        .filter(|f| f.project_id == project_id)
                        .ok_or_else(|| {
                            AppError::invalid_field("finding_id", "is not a finding of this project")
                        })?;
                }
                if let Some(report_id) = new.report_id {
                    reports::find(conn, report_id)?
                        .filter(|r| r.project_id == project_id)
                        .ok_or_else(|| {
                            AppError::invalid_field("report_id", "is not a report of this project")
                        })?;
                }
                let current = indicators::for_project(conn, project_id)?;
                service::plan(&current, &new.changes)?;
                let row = store::insert(
                    conn,
                    NewRequest {
                        project: &project.row,
                        reason: &new.reason,
                        finding_id: new.finding_id,
                        report_id: new.report_id,
                        changes: &changes,
                        by: (caller.user_id, &caller.username),
                    },
                )?
                .ok_or_else(|| {
                    AppError::Conflict(
                        "The project already has an open target adjustment: it must be decided first."
                            .to_owned(),
                    )
                })?;
                let dto = TargetAdjustment::from(row.clone());
                audit::record(
                    conn,
                    audit_entry(&caller, "target_adjustment.requested", &row, &project)
                        .change(None::<&TargetAdjustment>, Some(&dto)),
                )?;
                Ok(dto)
            })
        })
        .await?;
    let location = format!("/api/v1/target-adjustments/{}", dto.id);
    Ok(created(&dto, &location, dto.version))
}

/// List target adjustments.
#[utoipa::path(
    tag = "target-adjustments",
    operation_id = "list_target_adjustments",
    summary = "List target adjustments",
    description = "Within the caller's scope (a department officer sees its own department's), \
                   oldest first. Roles: admin, finance_officer, auditor, department_officer.",
    params(TargetAdjustmentQuery),
    responses((status = 200, description = "A page of target adjustments", body = Page<TargetAdjustment>)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/target-adjustments")]
pub async fn list_target_adjustments(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<TargetAdjustmentQuery>,
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
                let filter = store::Filter {
                    status: q.status.map(|s| s.as_str().to_owned()),
                    project_id: q.project,
                    department_id: q.department,
                    region_path,
                    finding_id: q.finding,
                };
                let after = after.map(|(_, id)| id);
                let rows = store::list(conn, &scope, &filter, after, limit)?;
                Ok(rows.into_iter().map(TargetAdjustment::from).collect())
            },
            |t: &TargetAdjustment| (String::new(), t.id),
        )
        .await
}

fn request_for(
    conn: &mut PgConnection,
    caller: &Caller,
    action: Action,
    id: Uuid,
) -> Result<TargetAdjustmentRow, AppError> {
    let found = if action == Action::Read {
        store::find(conn, id)?
    } else {
        store::lock(conn, id)?
    };
    authorized(conn, caller, action, found)
}

/// Read a target adjustment.
#[utoipa::path(
    tag = "target-adjustments",
    operation_id = "get_target_adjustment",
    summary = "Get a target adjustment",
    description = "Roles: admin, finance_officer, auditor, department_officer (within scope).",
    params(("id" = Uuid, Path, description = "Target adjustment id")),
    responses((status = 200, description = "The request", body = TargetAdjustment,
               headers(("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/target-adjustments/{id}")]
pub async fn get_target_adjustment(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let dto = state
        .db
        .run(move |conn| request_for(conn, &caller, Action::Read, id).map(TargetAdjustment::from))
        .await?;
    Ok(ok_with_etag(&dto, dto.version))
}

/// Approve or reject, in one transaction with the project's row lock.
async fn decide(
    state: web::Data<AppState>,
    caller: Caller,
    id: Uuid,
    if_match: IfMatch,
    comment: String,
    approve: bool,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::DecideResults)?;
    if !approve && comment.trim().is_empty() {
        return Err(AppError::invalid_field(
            "comment",
            "say why the request is rejected",
        ));
    }
    if comment.chars().count() > 2000 {
        return Err(AppError::invalid_field(
            "comment",
            "must be at most 2000 characters",
        ));
    }
    let dto = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                // The project first, as every project write takes it, then the request.
                let project_id = store::find(conn, id)?.ok_or_else(not_found)?.project_id;
                let project = projects::find_for_update(conn, project_id)?.ok_or_else(not_found)?;
                let row = request_for(conn, &caller, Action::DecideResults, id)?;
                if row.version != if_match.0 {
                    return Err(stale());
                }
                if row.status != "requested" {
                    return Err(AppError::Conflict(format!(
                        "A target adjustment that is {} cannot be decided again.",
                        row.status
                    )));
                }
                let before = TargetAdjustment::from(row.clone());
                let to_version = if approve {
                    let changes: Vec<TargetChange> = serde_json::from_value(row.changes.clone())
                        .map_err(|e| {
                            AppError::Internal(format!("stored target changes unreadable: {e}"))
                        })?;
                    // Re-checked: the set may have moved since the request (a finance
                    // officer's correction), and the approval must not leave it unready.
                    let current = indicators::for_project(conn, project_id)?;
                    let plan = service::plan(&current, &changes)?;
                    Some(service::apply(
                        conn,
                        project_id,
                        project.row.indicator_set_version,
                        project.row.created_at,
                        row.id,
                        &plan,
                    )?)
                } else {
                    None
                };
                let status = if approve { "approved" } else { "rejected" };
                let decided = store::decide(
                    conn,
                    id,
                    row.version,
                    status,
                    to_version,
                    (caller.user_id, &caller.username),
                    &comment,
                )?
                .ok_or_else(stale)?;
                let dto = TargetAdjustment::from(decided.clone());
                audit::record(
                    conn,
                    audit_entry(
                        &caller,
                        if approve {
                            "target_adjustment.approved"
                        } else {
                            "target_adjustment.rejected"
                        },
                        &decided,
                        &project,
                    )
                    .change(Some(&before), Some(&dto)),
                )?;
                Ok(dto)
            })
        })
        .await?;
    Ok(ok_with_etag(&dto, dto.version))
}

/// Approve a target adjustment.
#[utoipa::path(
    tag = "target-adjustments",
    operation_id = "approve_target_adjustment",
    summary = "Approve a target adjustment",
    description = "Applies the changes and makes the next version of the project's indicator set; \
                   the version it replaces is kept. Reports of rounds opened from now on monitor \
                   the new version; reports already created keep the version they began with. \
                   The changes are checked again (422 if the set moved so that they no longer \
                   apply). Only a requested adjustment can be decided (409). Send `If-Match`. \
                   Roles: admin, finance_officer.",
    params(("id" = Uuid, Path, description = "Target adjustment id"),
           ("If-Match" = String, Header, description = "ETag of the request")),
    request_body = TargetAdjustmentDecision,
    responses((status = 200, description = "Approved", body = TargetAdjustment,
               headers(("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[post("/target-adjustments/{id}/approve")]
pub async fn approve_target_adjustment(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: web::Json<TargetAdjustmentDecision>,
) -> Result<HttpResponse, AppError> {
    decide(
        state,
        caller,
        id.into_inner(),
        if_match,
        body.into_inner().comment,
        true,
    )
    .await
}

/// Reject a target adjustment.
#[utoipa::path(
    tag = "target-adjustments",
    operation_id = "reject_target_adjustment",
    summary = "Reject a target adjustment",
    description = "The indicator set stays as it is; a comment saying why is required. Only a \
                   requested adjustment can be decided (409). Send `If-Match`. Roles: admin, \
                   finance_officer.",
    params(("id" = Uuid, Path, description = "Target adjustment id"),
           ("If-Match" = String, Header, description = "ETag of the request")),
    request_body = TargetAdjustmentDecision,
    responses((status = 200, description = "Rejected", body = TargetAdjustment,
               headers(("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[post("/target-adjustments/{id}/reject")]
pub async fn reject_target_adjustment(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: web::Json<TargetAdjustmentDecision>,
) -> Result<HttpResponse, AppError> {
    decide(
        state,
        caller,
        id.into_inner(),
        if_match,
        body.into_inner().comment,
        false,
    )
    .await
}

/// The versions of a project's indicator set.
#[utoipa::path(
    tag = "target-adjustments",
    operation_id = "list_indicator_set_versions",
    summary = "List a project's indicator-set versions",
    description = "Every version of the project's indicators, oldest first, each with when it \
                   began and the target adjustment that made it; the last is current. A project \
                   no adjustment has changed has version 1 only. At most a few dozen, on one page \
                   (`next_cursor` is always null). Roles: admin, finance_officer, auditor, \
                   department_officer.",
    params(("id" = Uuid, Path, description = "Project id")),
    responses((status = 200, description = "The versions", body = Page<IndicatorSetVersion>)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/projects/{id}/indicator-versions")]
pub async fn list_indicator_set_versions(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<Page<IndicatorSetVersion>>, AppError> {
    caller.require(Action::Read)?;
    let project_id = id.into_inner();
    let items = state
        .db
        .run(move |conn| {
            let project = projects::find(conn, project_id)?.ok_or_else(not_found)?;
            caller.authorize(Action::Read, &project.place())?;
            let current_version = project.row.indicator_set_version;
            let mut rows = store::versions(conn, project_id)?;
            // The current set is stored once an approval made it; before any, it is read live.
            if !rows.iter().any(|r| r.version == current_version) {
                rows.push(VersionRow {
                    project_id,
                    version: current_version,
                    indicators: versions::keep(&indicators::for_project(conn, project_id)?),
                    adjustment_id: None,
                    valid_from: project.row.created_at,
                });
            }
            rows.iter()
                .map(|r| IndicatorSetVersion::of(r, r.version == current_version))
                .collect::<Result<Vec<_>, _>>()
        })
        .await?;
    Ok(web::Json(Page {
        items,
        next_cursor: None,
    }))
}
