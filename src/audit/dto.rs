use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::audit::store::AuditRow;
use crate::domain::regions::code_of;

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "0193a0c4-7f43-7000-8000-00000000009a", "occurred_at": "2021-10-20T06:30:00Z",
    "actor_id": "0193a0c4-7f43-7000-8000-0000000000b2", "actor_name": "sd.finance",
    "action": "adjustment.created", "entity_type": "adjustment",
    "entity_id": "0193a0c4-7f43-7000-8000-000000000096", "region_code": "370000",
    "project_id": "0193a0c4-7f43-7000-8000-0000000000e1", "department_id": null,
    "request_id": "0193a0c4-7f43-7000-8000-0000000001a0", "before": null,
    "after": {"kind": "reduce", "amount": "25000000.00", "document_number": "济财绩〔2021〕12号"},
    "details": {}
}))]
pub struct AuditEvent {
    pub id: Uuid,
    pub occurred_at: DateTime<Utc>,
    /// The acting user; null for the command line and for failed logins of unknown users.
    pub actor_id: Option<Uuid>,
    pub actor_name: Option<String>,
    /// What happened, e.g. `project.updated`, `auth.login_failed`.
    pub action: String,
    /// What kind of entity, e.g. `project`, `indicator`, `user`, `session`.
    pub entity_type: String,
    pub entity_id: Option<String>,
    /// The region the entity belongs to.
    pub region_code: Option<String>,
    /// The project the entity is or belongs to.
    pub project_id: Option<Uuid>,
    /// The department the entity is or belongs to, where the event names one.
    pub department_id: Option<Uuid>,
    /// The `X-Request-Id` of the request that made the change.
    pub request_id: Option<String>,
    /// The entity before the write (null for a creation).
    #[schema(value_type = Option<Object>)]
    pub before: Option<serde_json::Value>,
    /// The entity after the write (null for a deletion).
    #[schema(value_type = Option<Object>)]
    pub after: Option<serde_json::Value>,
    #[schema(value_type = Object)]
    pub details: serde_json::Value,
}

impl From<AuditRow> for AuditEvent {
    fn from(row: AuditRow) -> AuditEvent {
        AuditEvent {
            id: row.id,
            occurred_at: row.occurred_at,
            actor_id: row.actor_id,
            actor_name: row.actor_name,
            action: row.action,
            entity_type: row.object_type,
            entity_id: row.object_id,
            region_code: row.region_path.as_deref().map(|p| code_of(p).to_owned()),
            project_id: row.project_id,
            department_id: row.department_id,
            request_id: row.request_id,
            before: row.before,
            after: row.after,
            details: row.details,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// e.g. `project`, `indicator`, `department`, `user`, `session`.
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    /// Only events by this user.
    pub actor: Option<Uuid>,
    pub action: Option<String>,
    /// Events at or after this time (RFC 3339).
    pub from: Option<DateTime<Utc>>,
    /// Events before this time (RFC 3339).
    pub to: Option<DateTime<Utc>>,
    /// Only events of entities in the region with this code and below it.
    pub region: Option<String>,
    /// Only events about this project and what belongs to it (its indicators, reports,
    /// inspections, findings, rectifications, adjustments and spending records).
    pub project: Option<Uuid>,
    /// Only events about this department and what belongs to it (its users and department
    /// reports, and its projects').
    pub department: Option<Uuid>,
    /// Page size, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}
