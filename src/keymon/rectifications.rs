//! Rectification within a deadline: ordered by finance, answered by the responsible
//! department, accepted or rejected back.

use std::collections::HashMap;

use actix_web::{HttpRequest, HttpResponse, get, post, web};
use chrono::Utc;
use diesel::Connection;
use diesel::pg::PgConnection;
use uuid::Uuid;

use crate::AppState;
use crate::audit::{self, AuditEntry};
use crate::auth::scope::not_found;
use crate::auth::{Action, Caller};
use crate::departments::store as departments;
use crate::domain::lights::deadline_light;
use crate::error::{AppError, FieldErrors};
use crate::export::{Cell, Column, Kind, XlsxFile};
use crate::http::respond::created;
use crate::keymon::authorized;
use crate::keymon::dto::*;
use crate::keymon::store::{self, NewRectificationRow, RectificationRow};
use crate::listing::{Export, Listing, RegionFilter};
use crate::pagination::Page;
use crate::projects::store as projects;

/// The widest look-ahead of `due_within`: ten years, longer than any rectification deadline.
const MAX_DUE_WITHIN: i64 = 3650;

fn rectification_dto(
    conn: &mut PgConnection,
    row: RectificationRow,
) -> Result<Rectification, AppError> {
    Ok(rectification_dtos(conn, vec![row])?.remove(0))
}

/// Rectifications with their light (rules looked up once per region) and history (one query).
pub(crate) fn rectification_dtos(
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
                let no_finding = || {
                    AppError::invalid_field("finding_id", "no finding in your scope has this id")
                };
                let finding = store::find_finding(conn, new.finding_id)?.ok_or_else(no_finding)?;
                let project = projects::find(conn, finding.project_id)?
                    .filter(|p| caller.sees(&p.place()))
                    .ok_or_else(no_finding)?;
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
                        .project(dto.project_id)
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
    let q = query.into_inner();
    let listing = Listing::of(&req, q.limit, q.cursor.as_deref(), "created")?;
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
    let export = Export {
        filename: "rectifications".to_owned(),
        columns: RECTIFICATION_COLUMNS,
        cells: rectification_cells,
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
                let filter = store::RectificationFilter {
                    status: q.status.map(|s| s.as_str().to_owned()),
                    department_id: q.department,
                    project_id: q.project,
                    region_path,
                    round_id: q.round,
                    overdue: q.overdue,
                    due_by,
                    today: Some(today),
                };
                let after = after.map(|(_, id)| id);
                let rows = store::list_rectifications(conn, &scope, &filter, after, limit)?;
                rectification_dtos(conn, rows)
            },
            |r: &Rectification| (String::new(), r.id),
        )
        .await
}

fn rectification_for(
    conn: &mut PgConnection,
    caller: &Caller,
    action: Action,
    id: Uuid,
) -> Result<RectificationRow, AppError> {
    // Reads run in read-only transactions, where a row lock is refused.
    let found = if action == Action::Read {
        store::find_rectification(conn, id)?
    } else {
        store::lock_rectification(conn, id)?
    };
    authorized(conn, caller, action, found)
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
                        .project(row.project_id)
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
                    .project(row.project_id)
                    .change(Some(&before), Some(&dto)),
                )?;
                Ok(dto)
            })
        })
        .await?;
    Ok(web::Json(dto))
}
