//! `GET /me/tasks`: the caller's to-do list.

use actix_web::{HttpResponse, get, web};
use chrono::{Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::AppState;
use crate::auth::{Action, Caller, Role};
use crate::error::AppError;
use crate::tasks::store::{self, TaskRow};

/// How long a rejected target adjustment stays on the department's list.
const REJECTION_NEWS_DAYS: i64 = 30;
const DEFAULT_LIMIT: i64 = 20;
const MAX_LIMIT: i64 = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TaskKind {
    /// A draft report of an open round (department).
    ReportToFill,
    /// A report finance returned (department).
    ReportToResubmit,
    /// A draft department report of an open round (department).
    DepartmentReportToFill,
    /// A department report finance returned (department).
    DepartmentReportToResubmit,
    /// An open rectification the department must answer.
    RectificationToAnswer,
    /// A target adjustment finance rejected in the last 30 days (department).
    TargetAdjustmentRejected,
    /// A submitted report waiting for review (finance).
    ReportToReview,
    /// A submitted department report waiting for review (finance).
    DepartmentReportToReview,
    /// A rectification answer waiting for verification (finance).
    RectificationToVerify,
    /// A target adjustment waiting for a decision (finance).
    TargetAdjustmentToDecide,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Task {
    pub kind: TaskKind,
    pub object_id: Uuid,
    /// The object's URL in this API.
    #[schema(example = "/api/v1/reports/0193a0c4-7f43-7000-8000-000000000092")]
    pub link: String,
    /// The object's state now.
    pub status: String,
    /// The project's (or department's, or the requirement's) name.
    pub title: String,
    /// The project's or the department's code.
    pub code: String,
    /// The round's due date, or the rectification's deadline; null for target adjustments.
    pub due_date: Option<NaiveDate>,
    /// Days from today to `due_date`; negative when past.
    pub days_left: Option<i64>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TaskCount {
    pub kind: TaskKind,
    /// All of this kind, however many `items` shows.
    pub count: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "counts": [{"kind": "report_to_fill", "count": 2}, {"kind": "report_to_resubmit", "count": 1},
               {"kind": "department_report_to_fill", "count": 1},
               {"kind": "department_report_to_resubmit", "count": 0},
               {"kind": "rectification_to_answer", "count": 1},
               {"kind": "target_adjustment_rejected", "count": 0}],
    "items": [{"kind": "report_to_resubmit",
               "object_id": "0193a0c4-7f43-7000-8000-000000000092",
               "link": "/api/v1/reports/0193a0c4-7f43-7000-8000-000000000092",
               "status": "returned", "title": "Aviation emergency rescue capability",
               "code": "SD2021-KJ-007", "due_date": "2021-08-20", "days_left": 3}]
}))]
pub struct Tasks {
    /// Every kind the caller's role has, with its count (zeros included).
    pub counts: Vec<TaskCount>,
    /// Up to `limit` items of each kind, each kind's soonest due first, kinds in the order of
    /// `counts`.
    pub items: Vec<Task>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct TaskQuery {
    /// Items per kind, 1 to 500 (default 20); the counts are always whole.
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
}

fn link(kind: TaskKind, id: Uuid) -> String {
    let base = match kind {
        TaskKind::ReportToFill | TaskKind::ReportToResubmit | TaskKind::ReportToReview => "reports",
        TaskKind::DepartmentReportToFill
        | TaskKind::DepartmentReportToResubmit
        | TaskKind::DepartmentReportToReview => "department-reports",
        TaskKind::RectificationToAnswer | TaskKind::RectificationToVerify => "rectifications",
        TaskKind::TargetAdjustmentRejected | TaskKind::TargetAdjustmentToDecide => {
            "target-adjustments"
        }
    };
    format!("/api/v1/{base}/{id}")
}

/// The kinds a role has: a department's side of the workflows, or finance's.
fn kinds_of(role: Role) -> &'static [TaskKind] {
    use TaskKind::*;
    match role {
        Role::DepartmentOfficer => &[
            ReportToFill,
            ReportToResubmit,
            DepartmentReportToFill,
            DepartmentReportToResubmit,
            RectificationToAnswer,
            TargetAdjustmentRejected,
        ],
        Role::Admin | Role::FinanceOfficer => &[
            ReportToReview,
            DepartmentReportToReview,
            RectificationToVerify,
            TargetAdjustmentToDecide,
        ],
        Role::Auditor => &[],
    }
}

/// The caller's to-do list.
#[utoipa::path(
    tag = "auth",
    operation_id = "get_my_tasks",
    summary = "My to-do list",
    description = "What waits for the caller, from the objects' states, within its scope. A \
                   department officer: reports and department reports of open rounds to fill \
                   (draft) or resubmit (returned), open rectifications to answer, and target \
                   adjustments rejected in the last 30 days. A finance officer or admin: reports \
                   and department reports submitted for review, rectification answers to verify, \
                   target adjustments to decide. An auditor has no tasks. Each item links to its \
                   object, with the due date (the round's, or the rectification's deadline) and \
                   the days left; `counts` gives every kind's total. Roles: admin, \
                   finance_officer, auditor, department_officer.",
    params(TaskQuery),
    responses((status = 200, description = "The to-do list", body = Tasks)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/me/tasks")]
pub async fn my_tasks(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<TaskQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::Read)?;
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(AppError::BadRequest(format!(
            "Invalid query parameters: limit must be from 1 to {MAX_LIMIT}, got {limit}"
        )));
    }
    let scope = caller.list_scope();
    let kinds = kinds_of(caller.role);
    let today = Utc::now().date_naive();
    let since = Utc::now() - Duration::days(REJECTION_NEWS_DAYS);
    let tasks = state
        .db
        .run(move |conn| {
            let mut counts = Vec::with_capacity(kinds.len());
            let mut items = Vec::new();
            for kind in kinds {
                let (count, rows): (i64, Vec<TaskRow>) = match kind {
                    TaskKind::ReportToFill => store::reports_in(conn, &scope, &["draft"], limit)?,
                    TaskKind::ReportToResubmit => {
                        store::reports_in(conn, &scope, &["returned"], limit)?
                    }
                    TaskKind::ReportToReview => {
                        store::reports_in(conn, &scope, &["submitted"], limit)?
                    }
                    TaskKind::DepartmentReportToFill => {
                        store::department_reports_in(conn, &scope, &["draft"], limit)?
                    }
                    TaskKind::DepartmentReportToResubmit => {
                        store::department_reports_in(conn, &scope, &["returned"], limit)?
                    }
                    TaskKind::DepartmentReportToReview => {
                        store::department_reports_in(conn, &scope, &["submitted"], limit)?
                    }
                    TaskKind::RectificationToAnswer => {
                        store::rectifications_in(conn, &scope, "open", limit)?
                    }
                    TaskKind::RectificationToVerify => {
                        store::rectifications_in(conn, &scope, "answered", limit)?
                    }
                    TaskKind::TargetAdjustmentRejected => {
                        store::target_adjustments_in(conn, &scope, "rejected", Some(since), limit)?
                    }
                    TaskKind::TargetAdjustmentToDecide => {
                        store::target_adjustments_in(conn, &scope, "requested", None, limit)?
                    }
                };
                counts.push(TaskCount { kind: *kind, count });
                items.extend(rows.into_iter().map(|r| Task {
                    kind: *kind,
                    link: link(*kind, r.id),
                    object_id: r.id,
                    status: r.status,
                    title: r.title,
                    code: r.code,
                    days_left: r.due_date.map(|d| (d - today).num_days()),
                    due_date: r.due_date,
                }));
            }
            Ok(Tasks { counts, items })
        })
        .await?;
    Ok(HttpResponse::Ok().json(tasks))
}
