use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use crate::auth::Caller;
use crate::error::AppError;
use crate::schema::audit_events;

/// One event to record; `details` holds what changed (never passwords or tokens).
#[derive(Debug, Clone)]
pub struct AuditEntry {
    pub actor_id: Option<Uuid>,
    pub actor_name: Option<String>,
    pub action: &'static str,
    pub object_type: &'static str,
    pub object_id: Option<String>,
    pub region_path: Option<String>,
    pub request_id: Option<String>,
    pub details: serde_json::Value,
}

impl AuditEntry {
    /// An event done by an authenticated caller.
    pub fn by(caller: &Caller, action: &'static str, object_type: &'static str) -> AuditEntry {
        AuditEntry {
            actor_id: Some(caller.user_id),
            actor_name: Some(caller.username.clone()),
            action,
            object_type,
            object_id: None,
            region_path: None,
            request_id: caller.request_id.clone(),
            details: serde_json::Value::Object(Default::default()),
        }
    }

    pub fn object(mut self, id: impl ToString, region_path: Option<&str>) -> AuditEntry {
        self.object_id = Some(id.to_string());
        self.region_path = region_path.map(str::to_owned);
        self
    }

    pub fn details(mut self, details: serde_json::Value) -> AuditEntry {
        self.details = details;
        self
    }
}

pub fn record(conn: &mut PgConnection, entry: AuditEntry) -> Result<(), AppError> {
    diesel::insert_into(audit_events::table)
        .values((
            audit_events::id.eq(Uuid::now_v7()),
            audit_events::actor_id.eq(entry.actor_id),
            audit_events::actor_name.eq(entry.actor_name),
            audit_events::action.eq(entry.action),
            audit_events::object_type.eq(entry.object_type),
            audit_events::object_id.eq(entry.object_id),
            audit_events::region_path.eq(entry.region_path),
            audit_events::request_id.eq(entry.request_id),
            audit_events::details.eq(entry.details),
        ))
        .execute(conn)?;
    Ok(())
}
