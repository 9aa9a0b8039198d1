//! SQL of the change feed.

use chrono::{DateTime, Utc};
use diesel::dsl::sql;
use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::sql_types::BigInt;
use uuid::Uuid;

use crate::auth::ListScope;
use crate::error::AppError;
use crate::schema::audit_events;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_events)]
pub struct ChangeRow {
    pub txid: i64,
    pub id: Uuid,
    pub occurred_at: DateTime<Utc>,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<String>,
    pub region_path: Option<String>,
    pub project_id: Option<Uuid>,
}

/// The events after `(txid, id)` that the scope may see, of these object types if any, in
/// (txid, id) order: only of transactions below the reading snapshot's xmin. Each of those has
/// committed or rolled back, and every transaction still running, or yet to start, has a
/// larger id, so nothing can later appear before the last event returned.
pub fn after(
    conn: &mut PgConnection,
    scope: &ListScope,
    cursor: (i64, Uuid),
    types: &[String],
    limit: i64,
) -> Result<Vec<ChangeRow>, AppError> {
    let (txid, id) = cursor;
    let mut q = audit_events::table
        .select(ChangeRow::as_select())
        .filter(
            audit_events::txid
                .gt(txid)
                .or(audit_events::txid.eq(txid).and(audit_events::id.gt(id))),
        )
        .filter(audit_events::txid.ge(txid))
        .filter(audit_events::txid.lt(sql::<BigInt>(
            "pg_snapshot_xmin(pg_current_snapshot())::text::bigint",
        )))
        .into_boxed();
    q = crate::visible!(q, scope, audit_events, audit);
    if !types.is_empty() {
        q = q.filter(audit_events::object_type.eq_any(types.to_vec()));
    }
    q.order((audit_events::txid.asc(), audit_events::id.asc()))
        .limit(limit)
        .load(conn)
        .map_err(AppError::from)
}
