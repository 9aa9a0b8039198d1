use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use diesel::Connection;
use diesel::pg::PgConnection;
use uuid::Uuid;

use crate::AppState;
use crate::audit::{self, AuditEntry};
use crate::auth::scope::not_found;
use crate::auth::{Action, Caller};
use crate::domain::monitoring::ReportAction;
use crate::error::{AppError, FieldErrors};
use crate::export::{Cell, Column, Kind, XlsxFile};
use crate::http::etag::{IfMatch, stale};
use crate::http::extractors::OptionalJson;
use crate::http::respond::ok_with_etag;
use crate::listing::{Export, Listing, RegionFilter};
use crate::pagination::Page;
use crate::projects::store as projects;
use crate::reports::dto::{Report, ReportInput, ReportListItem, ReportQuery, WorkflowComment};
use crate::reports::service::{self, check_editable, entered_fields, report_for};
use crate::reports::store::{self, IndicatorEntryFields, ReportEntryFields, ReportFilter};
use crate::rounds::store as rounds;

/// The report as the API shows it.
pub fn report_dto(conn: &mut PgConnection, id: Uuid) -> Result<Report, AppError> {
    let row = store::find(conn, id)?.ok_or_else(not_found)?;
    let project = projects::find(conn, row.project_id)?.ok_or_else(not_found)?;
    let rows = store::indicator_rows(conn, id)?;
    let history = store::transitions(conn, id)?;
    let evaluation = match crate::lights::store::evaluation(conn, id)? {
        Some(mut e) => {
            let why = crate::lights::service::explain(conn, id, &e.rules_version)?;
            // The filing light moves with the date alone, so it is the one light computed as
            // the report is read (as a rectification's is), never stored by a read.
            if let Some(light) = why["filing"]["light"].as_str() {
                e.light_filing = light.to_owned();
            }
            Some((e, why))
        }
        None => None,
    };
    Ok(Report::assemble(
        row,
        project.row.code,
        project.row.name,
        rows,
        history,
        evaluation,
    ))
}

/// Read a report. Reading changes nothing: the system's figures are kept up to date by the
/// writes that move them.
#[utoipa::path(
    tag = "reports",
    operation_id = "get_report",
    summary = "Get a report",
    description = "Reading changes nothing. While the report is a draft or returned, its system \
                   fields are kept up to date by the writes that move them (spending records, the \
                   budget ledger, the project's indicators, warning rules), in the same transaction; \
                   the ETag changes only when the report does. Roles: admin, finance_officer, \
                   auditor, department_officer (within scope).",
    params(("id" = Uuid, Path, description = "Report id")),
    responses((status = 200, description = "The report", body = Report,
               headers(("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/reports/{id}")]
pub async fn get_report(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let report = state
        .db
        .run(move |conn| {
            report_for(conn, &caller, Action::Read, id, false)?;
            report_dto(conn, id)
        })
        .await?;
    let version = report.version;
    Ok(ok_with_etag(&report, version))
}

fn bad(errors: &mut FieldErrors, field: String, message: &str) {
    errors.entry(field).or_default().push(message.to_owned());
}

/// Fill in a report.
#[utoipa::path(
    tag = "reports",
    operation_id = "update_report",
    summary = "Fill in a report",
    description = "The department's part of the report: forecast, narrative and, per indicator row, \
                   actual value, forecast, deviation reasons, likelihood and corrective measures. \
                   System fields are not accepted (422). Only while the report is a draft or \
                   returned and the round is not closed (409 otherwise). Send `If-Match`. Roles: \
                   department_officer (own department).",
    params(
        ("id" = Uuid, Path, description = "Report id"),
        ("If-Match" = String, Header, description = "ETag of the version being changed"),
    ),
    request_body = ReportInput,
    responses((status = 200, description = "The updated report", body = Report,
               headers(("ETag" = String, description = "New version")))),
    extensions(("x-roles" = json!(["department_officer"])))
)]
#[put("/reports/{id}")]
pub async fn update_report(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: web::Json<ReportInput>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::EditReports)?;
    let id = id.into_inner();
    let input = body.into_inner();
    let report = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let (current, round) = report_for(conn, &caller, Action::EditReports, id, true)?;
                check_editable(&current, &round)?;
                if current.version != if_match.0 {
                    return Err(stale());
                }
                let before = report_dto(conn, id)?;
                let rows = store::indicator_rows(conn, id)?;
                let mut errors = FieldErrors::new();
                let mut updates = Vec::new();
                for (i, item) in input.indicators.iter().enumerate() {
                    let Some(row) = rows.iter().find(|r| r.id == item.id) else {
                        bad(
                            &mut errors,
                            format!("indicators[{i}].id"),
                            "is not a row of this report",
                        );
                        continue;
                    };
                    let qualitative = row.comparator == "qualitative";
                    if qualitative && (item.actual_value.is_some() || item.forecast_value.is_some())
                    {
                        bad(
                            &mut errors,
                            format!("indicators[{i}].actual_value"),
                            "a qualitative indicator takes actual_text and forecast_text",
                        );
                    }
                    if !qualitative && (item.actual_text.is_some() || item.forecast_text.is_some())
                    {
                        bad(
                            &mut errors,
                            format!("indicators[{i}].actual_text"),
                            "a numeric indicator takes actual_value and forecast_value",
                        );
                    }
                    let mut reasons: Vec<String> = item
                        .deviation_reasons
                        .iter()
                        .map(|r| r.as_str().to_owned())
                        .collect();
                    reasons.sort();
                    reasons.dedup();
                    updates.push((
                        row.clone(),
                        IndicatorEntryFields {
                            actual_value: item.actual_value.clone(),
                            actual_text: item.actual_text.map(|a| a.as_str().to_owned()),
                            forecast_value: item.forecast_value.clone(),
                            forecast_text: item.forecast_text.map(|a| a.as_str().to_owned()),
                            deviation_reasons: reasons,
                            deviation_note: item.deviation_note.trim().to_owned(),
                            likelihood: item.likelihood.map(|l| l.as_str().to_owned()),
                            corrective_measures: item.corrective_measures.trim().to_owned(),
                        },
                    ));
                }
                if !errors.is_empty() {
                    return Err(AppError::validation(
                        "The report has invalid fields.",
                        errors,
                    ));
                }
                let entry = ReportEntryFields {
                    forecast_execution: input.forecast_execution.clone(),
                    goal_progress: input.goal_progress.trim().to_owned(),
                    construction: input.construction.trim().to_owned(),
                    management: input.management.trim().to_owned(),
                    financial_management: input.financial_management.trim().to_owned(),
                    problems: input.problems.trim().to_owned(),
                    corrective_measures: input.corrective_measures.trim().to_owned(),
                    targets_need_adjusting: input.targets_need_adjusting,
                };
                // A carried-over value the department changed is no longer the system's.
                let old_rows: Vec<(Uuid, IndicatorEntryFields)> = rows
                    .iter()
                    .filter_map(|r| r.indicator_id.map(|iid| (iid, IndicatorEntryFields::of(r))))
                    .collect();
                let mut new_rows = old_rows.clone();
                for (row, fields) in &updates {
                    if let Some(slot) = new_rows
                        .iter_mut()
                        .find(|(iid, _)| Some(*iid) == row.indicator_id)
                    {
                        slot.1 = fields.clone();
                    }
                }
                // Every field whose value this edit changes (set, changed or emptied) is the
                // department's from now on: no longer counted as generated, and never proposed
                // into again.
                let mut touched = entered_fields(&ReportEntryFields::of(&current), &old_rows);
                for name in entered_fields(&entry, &new_rows) {
                    if !touched.contains(&name) {
                        touched.push(name);
                    }
                }
                touched.retain(|name| !same_value(name, &current, &entry, &old_rows, &new_rows));
                let system_filled: Vec<String> = current
                    .system_filled
                    .iter()
                    .filter(|name| !touched.contains(name))
                    .cloned()
                    .collect();
                let mut department_fields = current.department_fields.clone();
                for name in touched {
                    if !department_fields.contains(&name) {
                        department_fields.push(name);
                    }
                }
                for (row, fields) in &updates {
                    store::update_indicator_entry(conn, row.id, fields)?;
                }
                if !store::update_entry(
                    conn,
                    id,
                    if_match.0,
                    &entry,
                    &system_filled,
                    &department_fields,
                )? {
                    return Err(stale());
                }
                crate::lights::service::recompute(conn, &[id])?;
                let after = report_dto(conn, id)?;
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "report.updated", "report")
                        .object(id, Some(&current.region_path))
                        .project(current.project_id)
                        .change(Some(&before), Some(&after)),
                )?;
                Ok(after)
            })
        })
        .await?;
    let version = report.version;
    Ok(ok_with_etag(&report, version))
}

/// Whether a filled-in field has the same value before and after an edit.
fn same_value(
    name: &str,
    old: &store::ReportRow,
    new: &ReportEntryFields,
    old_rows: &[(Uuid, IndicatorEntryFields)],
    new_rows: &[(Uuid, IndicatorEntryFields)],
) -> bool {
    let old_entry = ReportEntryFields::of(old);
    match name {
        "forecast_execution" => old_entry.forecast_execution == new.forecast_execution,
        "goal_progress" => old_entry.goal_progress == new.goal_progress,
        "construction" => old_entry.construction == new.construction,
        "management" => old_entry.management == new.management,
        "financial_management" => old_entry.financial_management == new.financial_management,
        "problems" => old_entry.problems == new.problems,
        "corrective_measures" => old_entry.corrective_measures == new.corrective_measures,
        "targets_need_adjusting" => old_entry.targets_need_adjusting == new.targets_need_adjusting,
        other => {
            let mut parts = other.split('.').skip(1);
            let (Some(id), Some(field)) = (
                parts.next().and_then(|p| Uuid::parse_str(p).ok()),
                parts.next(),
            ) else {
                return false;
            };
            let find = |rows: &[(Uuid, IndicatorEntryFields)]| {
                rows.iter().find(|(i, _)| *i == id).map(|(_, e)| e.clone())
            };
            let (Some(a), Some(b)) = (find(old_rows), find(new_rows)) else {
                return false;
            };
            match field {
                "actual" => a.actual_value == b.actual_value && a.actual_text == b.actual_text,
                "forecast" => {
                    a.forecast_value == b.forecast_value && a.forecast_text == b.forecast_text
                }
                "deviation_reasons" => a.deviation_reasons == b.deviation_reasons,
                "deviation_note" => a.deviation_note == b.deviation_note,
                "likelihood" => a.likelihood == b.likelihood,
                "corrective_measures" => a.corrective_measures == b.corrective_measures,
                _ => false,
            }
        }
    }
}

async fn act(
    state: web::Data<AppState>,
    caller: Caller,
    id: Uuid,
    action: ReportAction,
    comment: String,
) -> Result<HttpResponse, AppError> {
    let report = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                service::act(conn, &caller, id, action, &comment)?;
                report_dto(conn, id)
            })
        })
        .await?;
    let version = report.version;
    Ok(ok_with_etag(&report, version))
}

/// Submit a report to the finance department.
#[utoipa::path(
    tag = "reports",
    operation_id = "submit_report",
    summary = "Submit a report",
    description = "Needs the full-year forecast, the goal progress and, for every indicator, the \
                   actual value, forecast and likelihood; an indicator behind its expected value \
                   also needs deviation reasons and corrective measures. Otherwise 422 lists every \
                   missing item. A submission after the due date is accepted and marked late. \
                   Roles: department_officer (own department).",
    params(("id" = Uuid, Path, description = "Report id")),
    responses((status = 200, description = "Submitted", body = Report)),
    extensions(("x-roles" = json!(["department_officer"])))
)]
#[post("/reports/{id}/submit")]
pub async fn submit_report(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::EditReports)?;
    act(
        state,
        caller,
        id.into_inner(),
        ReportAction::Submit,
        String::new(),
    )
    .await
}

/// Return a submitted report to the department.
#[utoipa::path(
    tag = "reports",
    operation_id = "return_report",
    summary = "Return a report",
    description = "With a comment saying what to fix (422 without). The department edits and \
                   submits again. Roles: admin, finance_officer.",
    params(("id" = Uuid, Path, description = "Report id")),
    request_body = WorkflowComment,
    responses((status = 200, description = "Returned", body = Report)),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[post("/reports/{id}/return")]
pub async fn return_report(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: web::Json<WorkflowComment>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::ReviewReports)?;
    act(
        state,
        caller,
        id.into_inner(),
        ReportAction::Return,
        body.into_inner().comment,
    )
    .await
}

/// Approve a submitted report.
#[utoipa::path(
    tag = "reports",
    operation_id = "approve_report",
    summary = "Approve a report",
    description = "An approved report cannot be changed any more. Roles: admin, finance_officer.",
    params(("id" = Uuid, Path, description = "Report id")),
    request_body(content = WorkflowComment, description = "An optional comment; no body at all is no comment"),
    responses((status = 200, description = "Approved", body = Report)),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[post("/reports/{id}/approve")]
pub async fn approve_report(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: OptionalJson<WorkflowComment>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::ReviewReports)?;
    let comment = body.0.map(|b| b.comment).unwrap_or_default();
    act(
        state,
        caller,
        id.into_inner(),
        ReportAction::Approve,
        comment,
    )
    .await
}

/// The columns the finance office's report sheet has always had, in its order, then the ids a
/// system importing the sheet needs to follow each row.
const REPORT_COLUMNS: &[Column] = &[
    Column::new("report_id", Kind::Text),
    Column::new("project_code", Kind::Text),
    Column::new("project_name", Kind::Text),
    Column::new("department_code", Kind::Text),
    Column::new("region_code", Kind::Text),
    Column::new("status", Kind::Text),
    Column::new("late", Kind::Bool),
    Column::new("submitted_at", Kind::DateTime),
    Column::new("key_monitoring", Kind::Bool),
    Column::new("adjusted_budget", Kind::Money),
    Column::new("executed_amount", Kind::Money),
    Column::new("execution_rate", Kind::Percent),
    Column::new("light", Kind::Text),
    Column::new("round_id", Kind::Text),
    Column::new("project_id", Kind::Text),
    Column::new("department_id", Kind::Text),
];

fn report_cells(r: &ReportListItem) -> Vec<Cell> {
    vec![
        r.id.into(),
        (&r.project_code).into(),
        (&r.project_name).into(),
        (&r.department_code).into(),
        (&r.region_code).into(),
        r.status.as_str().into(),
        r.late.into(),
        r.submitted_at.into(),
        r.key_monitoring.into(),
        Cell::money(&r.adjusted_budget),
        Cell::money(&r.executed_amount),
        Cell::opt(r.execution_rate.clone(), Cell::Percent),
        r.light.as_str().into(),
        r.round_id.into(),
        r.project_id.into(),
        r.department_id.into(),
    ]
}

/// The filter of a round's report list after checking the round is in scope (404 otherwise);
/// `None` when `region` names no region (nothing matches).
fn report_filter(
    conn: &mut PgConnection,
    caller: &Caller,
    round_id: Uuid,
    query: &ReportQuery,
) -> Result<Option<ReportFilter>, AppError> {
    let round = rounds::find(conn, round_id)?.ok_or_else(not_found)?;
    if !caller.covered_by(&round.region_path) {
        return Err(not_found());
    }
    let Some(region_path) = RegionFilter::resolve(conn, query.region.as_deref())?.path() else {
        return Ok(None);
    };
    Ok(Some(ReportFilter {
        department_id: query.department,
        project_id: query.project,
        region_path,
        status: query.status.map(|s| s.as_str().to_owned()),
        late: query.late,
        key_monitoring: query.key_monitoring,
        light: query.light.map(|l| l.as_str()),
        budget_light: query.budget_light.map(|l| l.as_str()),
        q: query.q.clone().filter(|q| !q.trim().is_empty()),
    }))
}

/// The reports of a round.
#[utoipa::path(
    tag = "reports",
    operation_id = "list_round_reports",
    summary = "List a round's reports",
    description = "Reports in the caller's scope, by project code. `format=csv` (or `Accept: \
                   text/csv`) and `format=xlsx` give every matching report as a file, in the same \
                   order. Roles: admin, finance_officer, auditor, department_officer.",
    params(("id" = Uuid, Path, description = "Round id"), ReportQuery),
    responses((status = 200, description = "A page of reports, or all of them as a file", content(
        (Page<ReportListItem> = "application/json"),
        (String = "text/csv"),
        (XlsxFile = crate::export::XLSX_MEDIA_TYPE),
    ))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/rounds/{id}/reports")]
pub async fn list_round_reports(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: web::Query<ReportQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::Read)?;
    let round_id = id.into_inner();
    let query = query.into_inner();
    let listing = Listing::of(&req, query.limit, query.cursor.as_deref(), "project_code")?;
    let scope = caller.list_scope();
    let export = Export {
        filename: format!("round-{round_id}-reports"),
        columns: REPORT_COLUMNS,
        cells: report_cells,
    };
    listing
        .respond(
            &state.db,
            Some(export),
            move |conn, after, limit| {
                let Some(filter) = report_filter(conn, &caller, round_id, &query)? else {
                    return Ok(Vec::new());
                };
                let rows =
                    store::list_for_round(conn, round_id, &scope, &filter, after, Some(limit))?;
                Ok(rows.into_iter().map(ReportListItem::from).collect())
            },
            |r: &ReportListItem| (r.project_code.clone(), r.id),
        )
        .await
}
