//! `GET /changes`: the caller's visible changes since a cursor.

use actix_web::{HttpResponse, get, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::AppState;
use crate::auth::{Action, Caller};
use crate::changes::store::{self, ChangeRow};
use crate::domain::regions::code_of;
use crate::error::AppError;

const DEFAULT_LIMIT: i64 = 100;
const MAX_LIMIT: i64 = 1000;
const MAX_TYPES: usize = 30;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ChangeQuery {
    /// `next_cursor` of the previous answer; absent: from the beginning.
    #[param(
        pattern = r"^[0-9]{1,18}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
    )]
    pub after: Option<String>,
    /// Comma-separated object types (`report,rectification,project`, as in the audit trail's
    /// `entity_type`); absent: every type.
    #[param(pattern = r"^[a-z_]{1,40}(,[a-z_]{1,40}){0,29}$")]
    pub types: Option<String>,
    /// Changes per answer, 1 to 1,000 (default 100).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Change {
    /// The position of this change: pass it as `after` to continue after it.
    #[schema(example = "7719-01a23ec0-27de-740c-bede-53551fdc4d95")]
    pub cursor: String,
    /// The audit event (`/audit-events?entity_id=…` has its before and after).
    pub event_id: Uuid,
    pub occurred_at: DateTime<Utc>,
    /// e.g. `report.submitted`, `rectification.answered`.
    pub action: String,
    pub object_type: String,
    pub object_id: Option<String>,
    pub region_code: Option<String>,
    pub project_id: Option<Uuid>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "items": [{"cursor": "7719-01a23ec0-27de-740c-bede-53551fdc4d95",
               "event_id": "01a23ec0-27de-740c-bede-53551fdc4d95",
               "occurred_at": "2021-08-18T09:12:00Z", "action": "report.submitted",
               "object_type": "report", "object_id": "0193a0c4-7f43-7000-8000-000000000092",
               "region_code": "370100", "project_id": "0193a0c4-7f43-7000-8000-0000000000e1"}],
    "next_cursor": "7719-01a23ec0-27de-740c-bede-53551fdc4d95"
}))]
pub struct ChangePage {
    pub items: Vec<Change>,
    /// Where to continue: the last item's cursor, or the one given when nothing came. Keep it
    /// across restarts; polling with it never misses or repeats a change.
    pub next_cursor: String,
}

fn cursor_of(txid: i64, id: Uuid) -> String {
    format!("{txid}-{id}")
}

fn parse_cursor(text: &str) -> Result<(i64, Uuid), AppError> {
    let bad = || {
        AppError::BadRequest(format!(
            "Invalid query parameters: after is not a cursor this feed returned: {text:?}"
        ))
    };
    let (txid, id) = text.split_once('-').ok_or_else(bad)?;
    let digits = !txid.is_empty() && txid.len() <= 18 && txid.bytes().all(|b| b.is_ascii_digit());
    let hyphenated = id.len() == 36
        && id
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase() || b == b'-');
    if !digits || !hyphenated {
        return Err(bad());
    }
    let txid: i64 = txid.parse().map_err(|_| bad())?;
    let id = Uuid::parse_str(id).map_err(|_| bad())?;
    Ok((txid, id))
}

fn types_of(text: Option<&str>) -> Result<Vec<String>, AppError> {
    let Some(text) = text else {
        return Ok(Vec::new());
    };
    let types: Vec<String> = text.split(',').map(str::to_owned).collect();
    let ok = types.len() <= MAX_TYPES
        && types.iter().all(|t| {
            !t.is_empty() && t.len() <= 40 && t.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
        });
    if !ok {
        return Err(AppError::BadRequest(format!(
            "Invalid query parameters: types must be up to {MAX_TYPES} comma-separated object types (lower case and _), got {text:?}"
        )));
    }
    Ok(types)
}

/// Changes since a cursor.
#[utoipa::path(
    tag = "audit",
    operation_id = "list_changes",
    summary = "Changes since a cursor",
    description = "Every write the caller may see (the audit trail's visibility: a region's \
                   officers and auditors see their subtree's, never secret-related ones), as \
                   one change per audit event, for systems that sync incrementally. Ordered by \
                   the transaction that made the change and within it by event: a change is \
                   given only once the transactions that could come before it have ended, so a \
                   transaction that commits after a later one is never skipped; it is held back \
                   until it commits. Resume with `next_cursor`, also after a restart, to miss \
                   nothing and see nothing twice. Roles: admin, finance_officer, auditor.",
    params(ChangeQuery),
    responses((status = 200, description = "The next changes", body = ChangePage)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor"])))
)]
#[get("/changes")]
pub async fn list_changes(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ChangeQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::ReadAudit)?;
    let q = query.into_inner();
    let limit = q.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(AppError::BadRequest(format!(
            "Invalid query parameters: limit must be from 1 to {MAX_LIMIT}, got {limit}"
        )));
    }
    let start = match q.after.as_deref() {
        Some(text) => parse_cursor(text)?,
        None => (-1, Uuid::nil()),
    };
    let types = types_of(q.types.as_deref())?;
    let scope = caller.list_scope();
    let rows: Vec<ChangeRow> = state
        .db
        .run(move |conn| store::after(conn, &scope, start, &types, limit))
        .await?;
    let next_cursor = match (rows.last(), q.after) {
        (Some(r), _) => cursor_of(r.txid, r.id),
        (None, Some(given)) => given,
        (None, None) => cursor_of(0, Uuid::nil()),
    };
    let items = rows
        .into_iter()
        .map(|r| Change {
            cursor: cursor_of(r.txid, r.id),
            event_id: r.id,
            occurred_at: r.occurred_at,
            action: r.action,
            object_type: r.object_type,
            object_id: r.object_id,
            region_code: r.region_path.as_deref().map(|p| code_of(p).to_owned()),
            project_id: r.project_id,
        })
        .collect();
    Ok(HttpResponse::Ok().json(ChangePage { items, next_cursor }))
}
