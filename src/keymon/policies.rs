//! Policy revisions: the opinions of kind `policy_revision`, whose policy the department
//! revises or not, so that "more than 20 policies revised" is a figure.

use actix_web::{HttpRequest, HttpResponse, get, post, web};
use diesel::Connection;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::AppState;
use crate::audit::{self, AuditEntry};
use crate::auth::scope::not_found;
use crate::auth::{Action, Caller};
use crate::error::AppError;
use crate::http::etag::{IfMatch, stale};
use crate::http::respond::ok_with_etag;
use crate::keymon::authorized;
use crate::keymon::dto::Opinion;
use crate::keymon::store::{self, InspectionRow, OpinionRow};
use crate::listing::{Listing, RegionFilter};
use crate::pagination::Page;

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"revised": true, "note": "Revised rules published on 2021-11-02."}))]
pub struct PolicyRevisionUpdate {
    pub revised: bool,
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub note: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "opinion": {"id": "0193a0c4-7f43-7000-8000-00000000009a", "kind": "policy_revision",
                "text": "Tie disbursement to accepted milestones.", "created_at": "2021-09-10T08:00:00Z",
                "policy_name": "Science fund management measures", "revised": true,
                "revised_at": "2021-11-02T02:00:00Z", "revision_note": "Revised rules published.",
                "version": 2},
    "inspection_id": "0193a0c4-7f43-7000-8000-000000000094",
    "project_id": "0193a0c4-7f43-7000-8000-0000000000e1",
    "round_id": "0193a0c4-7f43-7000-8000-000000000031", "region_code": "371100"
}))]
pub struct PolicyRevision {
    pub opinion: Opinion,
    pub inspection_id: Uuid,
    pub project_id: Uuid,
    pub round_id: Option<Uuid>,
    pub region_code: String,
}

impl PolicyRevision {
    fn of(opinion: OpinionRow, inspection: &InspectionRow) -> PolicyRevision {
        PolicyRevision {
            opinion: Opinion::from(opinion),
            inspection_id: inspection.id,
            project_id: inspection.project_id,
            round_id: inspection.round_id,
            region_code: crate::domain::regions::code_of(&inspection.region_path).to_owned(),
        }
    }
}

/// Record whether a policy has been revised.
#[utoipa::path(
    tag = "results",
    operation_id = "set_policy_revision",
    summary = "Record a policy revision's state",
    description = "Says whether the department has revised the policy a `policy_revision` \
                   opinion names, with a note; other kinds answer 409. Send `If-Match` (the \
                   opinion's `version`). Roles: admin, finance_officer, department_officer \
                   (the project's department).",
    params(("id" = Uuid, Path, description = "Opinion id"),
           ("If-Match" = String, Header, description = "ETag of the opinion")),
    request_body = PolicyRevisionUpdate,
    responses((status = 200, description = "Recorded", body = PolicyRevision,
               headers(("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "department_officer"])))
)]
#[post("/opinions/{id}/revision")]
pub async fn set_policy_revision(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: web::Json<PolicyRevisionUpdate>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::ReportPolicyRevisions)?;
    let id = id.into_inner();
    let update = body.into_inner();
    if update.note.chars().count() > 2000 {
        return Err(AppError::invalid_field(
            "note",
            "must be at most 2000 characters",
        ));
    }
    let dto = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let opinion = store::find_opinion(conn, id)?.ok_or_else(not_found)?;
                let inspection = store::find_inspection(conn, opinion.inspection_id)?;
                let inspection =
                    authorized(conn, &caller, Action::ReportPolicyRevisions, inspection)?;
                if opinion.kind != "policy_revision" {
                    return Err(AppError::Conflict(format!(
                        "An opinion of kind {} names no policy to revise.",
                        opinion.kind
                    )));
                }
                if opinion.version != if_match.0 {
                    return Err(stale());
                }
                let before = Opinion::from(opinion.clone());
                let row =
                    store::set_revision(conn, id, opinion.version, update.revised, &update.note)?
                        .ok_or_else(stale)?;
                let dto = PolicyRevision::of(row, &inspection);
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "opinion.revision_recorded", "opinion")
                        .object(id, Some(&inspection.region_path))
                        .project(inspection.project_id)
                        .change(Some(&before), Some(&dto.opinion)),
                )?;
                Ok(dto)
            })
        })
        .await?;
    let version = dto.opinion.version;
    Ok(ok_with_etag(&dto, version))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PolicyRevisionQuery {
    /// Only revised (`true`) or not yet revised (`false`) policies.
    pub revised: Option<bool>,
    pub project: Option<Uuid>,
    pub department: Option<Uuid>,
    pub round: Option<Uuid>,
    /// Only policy revisions in the region with this code and below it.
    pub region: Option<String>,
    /// Page size, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// List policy revisions.
#[utoipa::path(
    tag = "results",
    operation_id = "list_policy_revisions",
    summary = "List policy revisions",
    description = "The `policy_revision` opinions of key-monitoring inspections within the \
                   caller's scope, oldest first, with whether each policy has been revised. \
                   Roles: admin, finance_officer, auditor, department_officer.",
    params(PolicyRevisionQuery),
    responses((status = 200, description = "A page of policy revisions", body = Page<PolicyRevision>)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/policy-revisions")]
pub async fn list_policy_revisions(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<PolicyRevisionQuery>,
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
                let filter = store::PolicyRevisionFilter {
                    revised: q.revised,
                    project_id: q.project,
                    department_id: q.department,
                    round_id: q.round,
                    region_path,
                };
                let after = after.map(|(_, id)| id);
                let rows = store::list_policy_revisions(conn, &scope, &filter, after, limit)?;
                Ok(rows
                    .into_iter()
                    .map(|(o, i)| PolicyRevision::of(o, &i))
                    .collect())
            },
            |p: &PolicyRevision| (String::new(), p.opinion.id),
        )
        .await
}
