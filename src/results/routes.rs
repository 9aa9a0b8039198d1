//! Endpoints of results application: a round's projects with their suggestions, and the
//! decisions finance records.

use std::collections::HashMap;

use actix_web::{HttpRequest, HttpResponse, get, patch, post, web};
use diesel::Connection;
use uuid::Uuid;

use crate::AppState;
use crate::audit::{self, AuditEntry};
use crate::auth::scope::not_found;
use crate::auth::{Action, Caller};
use crate::domain::lights::Light;
use crate::domain::regions::code_of;
use crate::domain::results::suggest;
use crate::error::AppError;
use crate::http::etag::{IfMatch, stale};
use crate::http::respond::{created, ok_with_etag};
use crate::keymon::authorized;
use crate::listing::{Listing, RegionFilter};
use crate::pagination::Page;
use crate::results::dto::*;
use crate::results::service;
use crate::results::store::{self, ApplicationRow};
use crate::rounds::store as rounds;

/// Record what a project's results led to.
#[utoipa::path(
    tag = "results",
    operation_id = "create_result_application",
    summary = "Record a results application",
    description = "Records, for a project's report in a round, the measures its results led to \
                   (continue, rectify, adjust targets, reduce / recover / reallocate / suspend / \
                   stop funds — with the fund adjustment when one was booked —, reduce or raise \
                   next year's budget by an amount, revise the policy) and a text. The region's \
                   suggestion for the report's current grade and overall light is kept beside the \
                   decision, which may differ from it. A next-year measure is shown on next year's \
                   project of the same region and code (`follows_result`), now if it is \
                   registered already, else when it is. One per project and round (409). Roles: \
                   admin, finance_officer.",
    request_body = NewResultApplication,
    responses((status = 201, description = "Recorded", body = ResultApplication,
               headers(("Location" = String, description = "URL of the application"),
                       ("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[post("/result-applications")]
pub async fn create_result_application(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<NewResultApplication>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::DecideResults)?;
    let new = body.into_inner();
    let dto = state
        .db
        .run(move |conn| conn.transaction(|conn| service::record(conn, &caller, &new)))
        .await?;
    let location = format!("/api/v1/result-applications/{}", dto.id);
    Ok(created(&dto, &location, dto.version))
}

/// Change a recorded results application.
#[utoipa::path(
    tag = "results",
    operation_id = "update_result_application",
    summary = "Change a results application",
    description = "Replaces the decision (measures, text, next-year change, fund adjustment), \
                   checked as on creation; the suggestion kept with it stays. Next year's project \
                   follows the change. Send `If-Match`. Roles: admin, finance_officer.",
    params(("id" = Uuid, Path, description = "Result application id"),
           ("If-Match" = String, Header, description = "ETag of the application")),
    request_body = ResultApplicationChanges,
    responses((status = 200, description = "Changed", body = ResultApplication,
               headers(("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[patch("/result-applications/{id}")]
pub async fn update_result_application(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: web::Json<ResultApplicationChanges>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::DecideResults)?;
    let id = id.into_inner();
    let changes = body.into_inner();
    let dto = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let found = store::lock(conn, id)?;
                let row = authorized(conn, &caller, Action::DecideResults, found)?;
                // The body first, then the version: a bad change is 422 whatever the ETag.
                let decision = service::decision(
                    conn,
                    row.project_id,
                    &changes.measures,
                    &changes.text,
                    changes.next_year_budget_change.clone(),
                    changes.adjustment_id,
                )?;
                if row.version != if_match.0 {
                    return Err(stale());
                }
                let before = ResultApplication::from(row.clone());
                let updated = store::update(conn, id, row.version, &decision)?.ok_or_else(stale)?;
                store::link_next_year(conn, &updated)?;
                let dto = ResultApplication::from(updated.clone());
                let hidden = crate::projects::store::secret_related(conn, row.project_id)?;
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "result_application.changed", "result_application")
                        .object(id, Some(&row.region_path))
                        .project(row.project_id)
                        .classified(hidden)
                        .change(Some(&before), Some(&dto)),
                )?;
                Ok(dto)
            })
        })
        .await?;
    Ok(ok_with_etag(&dto, dto.version))
}

/// Read a results application.
#[utoipa::path(
    tag = "results",
    operation_id = "get_result_application",
    summary = "Get a results application",
    description = "Roles: admin, finance_officer, auditor, department_officer (within scope).",
    params(("id" = Uuid, Path, description = "Result application id")),
    responses((status = 200, description = "The application", body = ResultApplication,
               headers(("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/result-applications/{id}")]
pub async fn get_result_application(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let dto = state
        .db
        .run(move |conn| {
            let found = store::find(conn, id)?;
            authorized(conn, &caller, Action::Read, found).map(ResultApplication::from)
        })
        .await?;
    Ok(ok_with_etag(&dto, dto.version))
}

/// List results applications.
#[utoipa::path(
    tag = "results",
    operation_id = "list_result_applications",
    summary = "List results applications",
    description = "Within the caller's scope (a department officer sees its own department's), \
                   oldest first. Roles: admin, finance_officer, auditor, department_officer.",
    params(ResultApplicationQuery),
    responses((status = 200, description = "A page of applications", body = Page<ResultApplication>)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/result-applications")]
pub async fn list_result_applications(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ResultApplicationQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::Read)?;
    let q = query.into_inner();
    if let Some(y) = q.year
        && !crate::validation::FISCAL_YEARS.contains(&y)
    {
        return Err(AppError::BadRequest(format!(
            "Invalid query parameters: year must be from 2000 to 2100, got {y}"
        )));
    }
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
                    round_id: q.round,
                    project_id: q.project,
                    department_id: q.department,
                    region_path,
                    year: q.year,
                    measure: q.measure.map(|m| m.as_str().to_owned()),
                };
                let after = after.map(|(_, id)| id);
                let rows = store::list(conn, &scope, &filter, after, limit)?;
                Ok(rows.into_iter().map(ResultApplication::from).collect())
            },
            |a: &ResultApplication| (String::new(), a.id),
        )
        .await
}

/// A round's projects with their suggested and recorded results application.
#[utoipa::path(
    tag = "results",
    operation_id = "list_round_results",
    summary = "Results of a round's projects",
    description = "Each project of the round in the caller's scope, by project code: its score, \
                   grade and overall light, what the region's suggestion rules (warning-rule \
                   settings `result_suggestions`) suggest for them with the rule that matched, and \
                   the decision recorded, if any. Roles: admin, finance_officer, auditor, \
                   department_officer.",
    params(("id" = Uuid, Path, description = "Round id"), RoundResultQuery),
    responses((status = 200, description = "A page of the round's projects", body = Page<RoundResult>)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/rounds/{id}/results")]
pub async fn list_round_results(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: web::Query<RoundResultQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::Read)?;
    let round_id = id.into_inner();
    let q = query.into_inner();
    let listing = Listing::of(&req, q.limit, q.cursor.as_deref(), "code")?;
    let scope = caller.list_scope();
    listing
        .respond_json(
            &state.db,
            move |conn, after, limit| {
                // A round the caller has nothing under is 404, as on the round's report list.
                rounds::find(conn, round_id)?
                    .filter(|r| caller.covered_by(&r.region_path))
                    .ok_or_else(not_found)?;
                let rows = store::round_results(
                    conn,
                    round_id,
                    &scope,
                    q.department,
                    q.applied,
                    after,
                    limit,
                )?;
                let ids: Vec<Uuid> = rows.iter().filter_map(|r| r.application_id).collect();
                let mut applications: HashMap<Uuid, ApplicationRow> = store::find_many(conn, &ids)?
                    .into_iter()
                    .map(|a| (a.id, a))
                    .collect();
                let mut rules = HashMap::new();
                let mut out = Vec::with_capacity(rows.len());
                for r in rows {
                    if !rules.contains_key(&r.region_path) {
                        let settings =
                            crate::lights::service::effective(conn, &r.region_path)?.settings;
                        rules.insert(r.region_path.clone(), settings.result_suggestions);
                    }
                    let grade = r.grade.as_deref().and_then(grade_of);
                    let light = r.overall_light.as_deref().and_then(Light::parse);
                    let suggestion =
                        suggest(&rules[&r.region_path], grade, light, &r.adjusted_budget);
                    out.push(RoundResult {
                        report_id: r.report_id,
                        project_id: r.project_id,
                        project_code: r.project_code,
                        project_name: r.project_name,
                        department_id: r.department_id,
                        region_code: code_of(&r.region_path).to_owned(),
                        score: r.score,
                        grade,
                        overall_light: light,
                        adjusted_budget: r.adjusted_budget,
                        suggestion: suggestion.into(),
                        application: r
                            .application_id
                            .and_then(|id| applications.remove(&id))
                            .map(ResultApplication::from),
                    });
                }
                Ok(out)
            },
            |r: &RoundResult| (r.project_code.clone(), r.report_id),
        )
        .await
}
