use actix_web::{HttpRequest, HttpResponse, get, web};
use chrono::{DateTime, Utc};

use crate::AppState;
use crate::audit::dto::{AuditEvent, AuditQuery};
use crate::audit::store::{self, AuditFilter};
use crate::auth::{Action, Caller};
use crate::error::AppError;
use crate::listing::{Listing, RegionFilter};
use crate::pagination::Page;

const SORT_LABEL: &str = "-occurred_at";

/// Read the audit trail.
#[utoipa::path(
    tag = "audit",
    operation_id = "list_audit_events",
    summary = "List audit events",
    description = "Newest first. Admins see every event; finance officers and auditors the events \
                   of their region subtree, without those about a secret-related project or \
                   department (classified now, or when the event was written) or anything that \
                   belongs to one. Roles: admin, finance_officer, auditor.",
    params(AuditQuery),
    responses((status = 200, description = "A page of events", body = Page<AuditEvent>)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor"])))
)]
#[get("/audit-events")]
pub async fn list_audit_events(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<AuditQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::ReadAudit)?;
    let query = query.into_inner();
    let listing = Listing::of(&req, query.limit, query.cursor.as_deref(), SORT_LABEL)?;
    // A cursor's key is a time; a tampered one is a 400 before anything is read.
    let after_time = |key: &str| {
        DateTime::parse_from_rfc3339(key)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|_| AppError::BadRequest("Invalid query parameters: bad cursor".into()))
    };
    if let Some((key, _)) = listing.after() {
        after_time(key)?;
    }
    let mut filter = AuditFilter {
        entity_type: query.entity_type,
        entity_id: query.entity_id,
        actor_id: query.actor,
        action: query.action,
        from: query.from,
        to: query.to,
        region_path: None,
        project_id: query.project,
        department_id: query.department,
    };
    let scope = caller.list_scope();
    listing
        .respond_json(
            &state.db,
            move |conn, after, limit| {
                match RegionFilter::resolve(conn, query.region.as_deref())?.path() {
                    Some(path) => filter.region_path = path,
                    None => return Ok(Vec::new()),
                }
                let after = after
                    .map(|(key, id)| after_time(&key).map(|t| (t, id)))
                    .transpose()?;
                let rows = store::list(conn, &scope, &filter, after, limit)?;
                Ok(rows.into_iter().map(AuditEvent::from).collect())
            },
            |e: &AuditEvent| {
                (
                    e.occurred_at
                        .to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
                    e.id,
                )
            },
        )
        .await
}
