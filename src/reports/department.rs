//! Department reports: one per department with project reports in a round, with a summary text,
//! totals from its project reports and the same workflow.

use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use chrono::Utc;
use diesel::Connection;
use diesel::pg::PgConnection;
use uuid::Uuid;

use crate::AppState;
use crate::audit::{self, AuditEntry};
use crate::auth::scope::not_found;
use crate::auth::{Action, Caller, ListScope};
use crate::domain::monitoring::{ReportAction, ReportStatus, execution_rate, transition};
use crate::domain::regions::code_of;
use crate::error::AppError;
use crate::http::etag::{IfMatch, stale};
use crate::http::respond::ok_with_etag;
use crate::listing::{Listing, RegionFilter};
use crate::pagination::Page;
use crate::reports::dto::{
    DepartmentReport, DepartmentReportInput, DepartmentReportQuery, StatusCount, Transition,
    WorkflowComment,
};
use crate::reports::store::{self, DepartmentReportRow, NewTransition};
use crate::rounds::store::{self as rounds, RoundRow};

/// Creates the department reports a round lacks, each with its audit event.
pub fn ensure_for_round(
    conn: &mut PgConnection,
    caller: &Caller,
    round: &RoundRow,
) -> Result<(), AppError> {
    for (id, department_id, region_path) in store::ensure_department_reports(conn, round.id)? {
        audit::record(
            conn,
            AuditEntry::by(caller, "department_report.created", "department_report")
                .object(id, Some(&region_path))
                .department(Some(department_id))
                .details(serde_json::json!({"round_id": round.id})),
        )?;
    }
    Ok(())
}

/// Department reports with their totals (of the project reports `scope` may see) and
/// histories, in three queries whatever their number.
fn dtos(
    conn: &mut PgConnection,
    scope: &ListScope,
    rows: Vec<(DepartmentReportRow, String, String)>,
) -> Result<Vec<DepartmentReport>, AppError> {
    let Some(round_id) = rows.first().map(|(r, _, _)| r.round_id) else {
        return Ok(Vec::new());
    };
    let departments: Vec<Uuid> = rows.iter().map(|(r, _, _)| r.department_id).collect();
    let ids: Vec<Uuid> = rows.iter().map(|(r, _, _)| r.id).collect();
    let mut totals = store::department_totals(conn, round_id, &departments, scope)?;
    let mut history: std::collections::HashMap<Uuid, Vec<Transition>> =
        std::collections::HashMap::new();
    for (id, t) in store::transitions_of(conn, &ids)? {
        history.entry(id).or_default().push(Transition::from(t));
    }
    Ok(rows
        .into_iter()
        .map(|(row, code, name)| {
            let totals = totals.remove(&row.department_id).unwrap_or_default();
            DepartmentReport {
                id: row.id,
                round_id: row.round_id,
                department_id: row.department_id,
                department_code: code,
                department_name: name,
                region_code: code_of(&row.region_path).to_owned(),
                status: ReportStatus::parse(&row.status).unwrap_or(ReportStatus::Draft),
                late: row.late,
                submitted_at: row.submitted_at,
                summary: row.summary,
                execution_rate: execution_rate(&totals.executed_amount, &totals.adjusted_budget),
                adjusted_budget: totals.adjusted_budget,
                executed_amount: totals.executed_amount,
                reports_by_status: totals
                    .by_status
                    .into_iter()
                    .map(|(status, count)| StatusCount { status, count })
                    .collect(),
                history: history.remove(&row.id).unwrap_or_default(),
                version: row.version,
                created_at: row.created_at,
                updated_at: row.updated_at,
            }
        })
        .collect())
}

fn load(conn: &mut PgConnection, caller: &Caller, id: Uuid) -> Result<DepartmentReport, AppError> {
    let row = store::find_department_report(conn, id, false)?.ok_or_else(not_found)?;
    let (code, name) = store::department_code_name(conn, row.department_id)?;
    Ok(dtos(conn, &caller.list_scope(), vec![(row, code, name)])?.remove(0))
}

fn report_for(
    conn: &mut PgConnection,
    caller: &Caller,
    action: Action,
    id: Uuid,
) -> Result<(DepartmentReportRow, RoundRow), AppError> {
    caller.require(action)?;
    let row = store::find_department_report(conn, id, true)?.ok_or_else(not_found)?;
    let classified = crate::departments::store::classified_now(conn, row.department_id)?;
    caller.authorize(action, &row.place(classified))?;
    let round = rounds::find(conn, row.round_id)?.ok_or_else(not_found)?;
    Ok((row, round))
}

/// The department reports of a round.
#[utoipa::path(
    tag = "reports",
    operation_id = "list_department_reports",
    summary = "List a round's department reports",
    description = "One per department with project reports in the round, within the caller's scope, \
                   by department code, with totals from the project reports the caller may see. \
                   Roles: admin, finance_officer, auditor, department_officer.",
    params(("id" = Uuid, Path, description = "Round id"), DepartmentReportQuery),
    responses((status = 200, description = "A page of department reports", body = Page<DepartmentReport>)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/rounds/{id}/department-reports")]
pub async fn list_department_reports(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: web::Query<DepartmentReportQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::Read)?;
    let round_id = id.into_inner();
    let q = query.into_inner();
    let listing = Listing::of(&req, q.limit, q.cursor.as_deref(), "department_code")?;
    let scope = caller.list_scope();
    listing
        .respond_json(
            &state.db,
            move |conn, after, limit| {
                let round = rounds::find(conn, round_id)?.ok_or_else(not_found)?;
                if !caller.covered_by(&round.region_path) {
                    return Err(not_found());
                }
                let Some(region_path) = RegionFilter::resolve(conn, q.region.as_deref())?.path()
                else {
                    return Ok(Vec::new());
                };
                let filter = store::DepartmentReportFilter {
                    region_path,
                    department_id: q.department,
                    status: q.status.map(ReportStatus::as_str),
                    late: q.late,
                };
                let rows =
                    store::list_department_reports(conn, round_id, &scope, &filter, after, limit)?;
                dtos(conn, &scope, rows)
            },
            |r: &DepartmentReport| (r.department_code.clone(), r.id),
        )
        .await
}

/// Read a department report.
#[utoipa::path(
    tag = "reports",
    operation_id = "get_department_report",
    summary = "Get a department report",
    description = "Roles: admin, finance_officer, auditor, department_officer (within scope).",
    params(("id" = Uuid, Path, description = "Department report id")),
    responses((status = 200, description = "The department report", body = DepartmentReport,
               headers(("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/department-reports/{id}")]
pub async fn get_department_report(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let report = state
        .db
        .run(move |conn| {
            caller.require(Action::Read)?;
            let row = store::find_department_report(conn, id, false)?.ok_or_else(not_found)?;
            let classified = crate::departments::store::classified_now(conn, row.department_id)?;
            caller.authorize(Action::Read, &row.place(classified))?;
            load(conn, &caller, id)
        })
        .await?;
    let version = report.version;
    Ok(ok_with_etag(&report, version))
}

/// Write a department report's summary.
#[utoipa::path(
    tag = "reports",
    operation_id = "update_department_report",
    summary = "Write a department report",
    description = "The department's summary of the round, while the report is a draft or returned \
                   and the round is not closed (409 otherwise). Send `If-Match`. Roles: \
                   department_officer (own department).",
    params(
        ("id" = Uuid, Path, description = "Department report id"),
        ("If-Match" = String, Header, description = "ETag of the version being changed"),
    ),
    request_body = DepartmentReportInput,
    responses((status = 200, description = "Updated", body = DepartmentReport)),
    extensions(("x-roles" = json!(["department_officer"])))
)]
#[put("/department-reports/{id}")]
pub async fn update_department_report(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: web::Json<DepartmentReportInput>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::EditReports)?;
    let id = id.into_inner();
    let summary = body.into_inner().summary;
    if summary.chars().count() > 20_000 {
        return Err(AppError::invalid_field(
            "summary",
            "must be at most 20000 characters",
        ));
    }
    let report = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let (row, round) = report_for(conn, &caller, Action::EditReports, id)?;
                if round.status == "closed"
                    || !ReportStatus::parse(&row.status).is_some_and(ReportStatus::editable)
                {
                    return Err(AppError::Conflict(
                        "This department report cannot be changed now.".to_owned(),
                    ));
                }
                if !store::update_department_summary(conn, id, if_match.0, summary.trim())? {
                    return Err(stale());
                }
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "department_report.updated", "department_report")
                        .object(id, Some(&row.region_path))
                        .department(Some(row.department_id))
                        .change(
                            Some(&serde_json::json!({"summary": row.summary})),
                            Some(&serde_json::json!({"summary": summary.trim()})),
                        ),
                )?;
                load(conn, &caller, id)
            })
        })
        .await?;
    let version = report.version;
    Ok(ok_with_etag(&report, version))
}

async fn act(
    state: web::Data<AppState>,
    caller: Caller,
    id: Uuid,
    action: ReportAction,
    comment: String,
) -> Result<HttpResponse, AppError> {
    let needed = match action {
        ReportAction::Submit => Action::EditReports,
        _ => Action::ReviewReports,
    };
    caller.require(needed)?;
    let report = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let (row, round) = report_for(conn, &caller, needed, id)?;
                if round.status == "closed" {
                    return Err(AppError::Conflict("The round is closed.".to_owned()));
                }
                let from = ReportStatus::parse(&row.status).unwrap_or(ReportStatus::Draft);
                let to = transition(from, action).map_err(AppError::Conflict)?;
                if action == ReportAction::Return && comment.trim().is_empty() {
                    return Err(AppError::invalid_field(
                        "comment",
                        "say what the department must fix",
                    ));
                }
                if action == ReportAction::Submit && row.summary.trim().is_empty() {
                    return Err(AppError::invalid_field(
                        "summary",
                        "is required before submitting",
                    ));
                }
                let submitted = (action == ReportAction::Submit).then(|| {
                    let now = Utc::now();
                    (now, now.date_naive() > round.due_date)
                });
                store::set_department_status(conn, id, to.as_str(), submitted)?;
                store::record_transition(
                    conn,
                    NewTransition {
                        report_id: id,
                        kind: "department",
                        from: from.as_str(),
                        to: to.as_str(),
                        actor_id: caller.user_id,
                        actor_name: &caller.username,
                        comment: comment.trim(),
                    },
                )?;
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "department_report.transition", "department_report")
                        .object(id, Some(&row.region_path))
                        .department(Some(row.department_id))
                        .change(
                            Some(&serde_json::json!({"status": from.as_str()})),
                            Some(&serde_json::json!({"status": to.as_str()})),
                        )
                        .details(serde_json::json!({"comment": comment.trim()})),
                )?;
                load(conn, &caller, id)
            })
        })
        .await?;
    let version = report.version;
    Ok(ok_with_etag(&report, version))
}

/// Submit a department report.
#[utoipa::path(
    tag = "reports",
    operation_id = "submit_department_report",
    summary = "Submit a department report",
    description = "Needs a summary (422 without). Roles: department_officer (own department).",
    params(("id" = Uuid, Path, description = "Department report id")),
    responses((status = 200, description = "Submitted", body = DepartmentReport)),
    extensions(("x-roles" = json!(["department_officer"])))
)]
#[post("/department-reports/{id}/submit")]
pub async fn submit_department_report(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, AppError> {
    act(
        state,
        caller,
        id.into_inner(),
        ReportAction::Submit,
        String::new(),
    )
    .await
}

/// Return a department report.
#[utoipa::path(
    tag = "reports",
    operation_id = "return_department_report",
    summary = "Return a department report",
    description = "With a comment (422 without). Roles: admin, finance_officer.",
    params(("id" = Uuid, Path, description = "Department report id")),
    request_body = WorkflowComment,
    responses((status = 200, description = "Returned", body = DepartmentReport)),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[post("/department-reports/{id}/return")]
pub async fn return_department_report(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: web::Json<WorkflowComment>,
) -> Result<HttpResponse, AppError> {
    act(
        state,
        caller,
        id.into_inner(),
        ReportAction::Return,
        body.into_inner().comment,
    )
    .await
}

/// Approve a department report.
#[utoipa::path(
    tag = "reports",
    operation_id = "approve_department_report",
    summary = "Approve a department report",
    description = "Roles: admin, finance_officer.",
    params(("id" = Uuid, Path, description = "Department report id")),
    responses((status = 200, description = "Approved", body = DepartmentReport)),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[post("/department-reports/{id}/approve")]
pub async fn approve_department_report(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, AppError> {
    act(
        state,
        caller,
        id.into_inner(),
        ReportAction::Approve,
        String::new(),
    )
    .await
}
