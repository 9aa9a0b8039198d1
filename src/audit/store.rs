use chrono::{DateTime, Utc};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use serde::Serialize;
use uuid::Uuid;

use crate::auth::{Caller, ListScope};
use crate::error::AppError;
use crate::keyset;
use crate::schema::audit_events;

/// One event to record, written in the same transaction as the change it describes.
/// `before` and `after` are the entity as the API shows it (never passwords or tokens).
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
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub classified: bool,
    /// The project the entity belongs to (or is), and the other project of a reallocation:
    /// the event is hidden whenever either is secret-related now.
    pub project_id: Option<Uuid>,
    pub related_project_id: Option<Uuid>,
    /// The department the entity belongs to (or is), hidden while it is classified.
    pub department_id: Option<Uuid>,
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
            before: None,
            after: None,
            classified: false,
            project_id: None,
            related_project_id: None,
            department_id: None,
        }
    }

    /// An event with no authenticated caller: a login attempt, the command line.
    pub fn unauthenticated(
        action: &'static str,
        object_type: &'static str,
        actor_id: Option<Uuid>,
        actor_name: Option<String>,
        request_id: Option<String>,
    ) -> AuditEntry {
        AuditEntry {
            actor_id,
            actor_name,
            action,
            object_type,
            object_id: None,
            region_path: None,
            request_id,
            details: serde_json::Value::Object(Default::default()),
            before: None,
            after: None,
            classified: false,
            project_id: None,
            related_project_id: None,
            department_id: None,
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

    /// The entity before and after the write (None for a creation's before or a deletion's after).
    pub fn change<B: Serialize, A: Serialize>(
        mut self,
        before: Option<&B>,
        after: Option<&A>,
    ) -> AuditEntry {
        self.before = before.and_then(|b| serde_json::to_value(b).ok());
        self.after = after.and_then(|a| serde_json::to_value(a).ok());
        self
    }

    /// The entity was secret-related when the event was written; such an event stays hidden from
    /// region scopes even after the entity is gone.
    pub fn classified(mut self, classified: bool) -> AuditEntry {
        self.classified = classified;
        self
    }

    /// The project the entity is or belongs to; region scopes see the event only while that
    /// project is visible to them (`auth::scope`).
    pub fn project(mut self, project_id: Uuid) -> AuditEntry {
        self.project_id = Some(project_id);
        self
    }

    /// A second project the event names (the destination of a reallocation).
    pub fn related_project(mut self, project_id: Option<Uuid>) -> AuditEntry {
        self.related_project_id = project_id;
        self
    }

    /// The department the entity is or belongs to.
    pub fn department(mut self, department_id: Option<Uuid>) -> AuditEntry {
        self.department_id = department_id;
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
            audit_events::before.eq(entry.before),
            audit_events::after.eq(entry.after),
            audit_events::classified.eq(entry.classified),
            audit_events::project_id.eq(entry.project_id),
            audit_events::related_project_id.eq(entry.related_project_id),
            audit_events::department_id.eq(entry.department_id),
        ))
        .execute(conn)?;
    Ok(())
}

/// Events per INSERT, to bound the size of one message; a batch's chunk stays below it.
const EVENTS_PER_INSERT: usize = 10_000;

/// Records several events with one statement (more only past `EVENTS_PER_INSERT`), in order.
pub fn record_many(conn: &mut PgConnection, entries: Vec<AuditEntry>) -> Result<(), AppError> {
    let mut entries = entries.into_iter().peekable();
    while entries.peek().is_some() {
        let part: Vec<AuditEntry> = entries.by_ref().take(EVENTS_PER_INSERT).collect();
        insert_events(conn, part)?;
    }
    Ok(())
}

/// One array per column, unnested into rows: a multi-row VALUES list of a chunk's events (15
/// parameters a row) cost PostgreSQL about as much to parse and plan as to insert.
fn insert_events(conn: &mut PgConnection, entries: Vec<AuditEntry>) -> Result<(), AppError> {
    use diesel::sql_types::{Array, Bool, Jsonb, Nullable, Text, Uuid as SqlUuid};
    let n = entries.len();
    let mut ids = Vec::with_capacity(n);
    let mut actor_ids = Vec::with_capacity(n);
    let mut actor_names = Vec::with_capacity(n);
    let mut actions = Vec::with_capacity(n);
    let mut object_types = Vec::with_capacity(n);
    let mut object_ids = Vec::with_capacity(n);
    let mut region_paths = Vec::with_capacity(n);
    let mut request_ids = Vec::with_capacity(n);
    let mut details = Vec::with_capacity(n);
    let mut befores = Vec::with_capacity(n);
    let mut afters = Vec::with_capacity(n);
    let mut classified = Vec::with_capacity(n);
    let mut project_ids = Vec::with_capacity(n);
    let mut related_ids = Vec::with_capacity(n);
    let mut department_ids = Vec::with_capacity(n);
    for e in entries {
        ids.push(Uuid::now_v7());
        actor_ids.push(e.actor_id);
        actor_names.push(e.actor_name);
        actions.push(e.action);
        object_types.push(e.object_type);
        object_ids.push(e.object_id);
        region_paths.push(e.region_path);
        request_ids.push(e.request_id);
        details.push(e.details);
        befores.push(e.before);
        afters.push(e.after);
        classified.push(e.classified);
        project_ids.push(e.project_id);
        related_ids.push(e.related_project_id);
        department_ids.push(e.department_id);
    }
    diesel::sql_query(
        "INSERT INTO audit_events (id, actor_id, actor_name, action, object_type, object_id,
                                   region_path, request_id, details, before, after, classified,
                                   project_id, related_project_id, department_id)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[],
                              $6::text[], $7::text[], $8::text[], $9::jsonb[], $10::jsonb[],
                              $11::jsonb[], $12::bool[], $13::uuid[], $14::uuid[], $15::uuid[])",
    )
    .bind::<Array<SqlUuid>, _>(ids)
    .bind::<Array<Nullable<SqlUuid>>, _>(actor_ids)
    .bind::<Array<Nullable<Text>>, _>(actor_names)
    .bind::<Array<Text>, _>(actions)
    .bind::<Array<Text>, _>(object_types)
    .bind::<Array<Nullable<Text>>, _>(object_ids)
    .bind::<Array<Nullable<Text>>, _>(region_paths)
    .bind::<Array<Nullable<Text>>, _>(request_ids)
    .bind::<Array<Jsonb>, _>(details)
    .bind::<Array<Nullable<Jsonb>>, _>(befores)
    .bind::<Array<Nullable<Jsonb>>, _>(afters)
    .bind::<Array<Bool>, _>(classified)
    .bind::<Array<Nullable<SqlUuid>>, _>(project_ids)
    .bind::<Array<Nullable<SqlUuid>>, _>(related_ids)
    .bind::<Array<Nullable<SqlUuid>>, _>(department_ids)
    .execute(conn)?;
    Ok(())
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_events)]
pub struct AuditRow {
    pub id: Uuid,
    pub occurred_at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    pub actor_name: Option<String>,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<String>,
    pub region_path: Option<String>,
    pub request_id: Option<String>,
    pub details: serde_json::Value,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub project_id: Option<Uuid>,
    pub department_id: Option<Uuid>,
}

#[derive(Debug, Default)]
pub struct AuditFilter {
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    pub actor_id: Option<Uuid>,
    pub action: Option<String>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub region_path: Option<String>,
    pub project_id: Option<Uuid>,
    pub department_id: Option<Uuid>,
}

/// Newest first.
pub fn list(
    conn: &mut PgConnection,
    scope: &ListScope,
    filter: &AuditFilter,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: i64,
) -> Result<Vec<AuditRow>, AppError> {
    let mut q = audit_events::table
        .select(AuditRow::as_select())
        .into_boxed();
    q = crate::visible!(q, scope, audit_events, audit);
    if let Some(t) = &filter.entity_type {
        q = q.filter(audit_events::object_type.eq(t.clone()));
    }
    if let Some(id) = &filter.entity_id {
        q = q.filter(audit_events::object_id.eq(id.clone()));
    }
    if let Some(actor) = filter.actor_id {
        q = q.filter(audit_events::actor_id.eq(actor));
    }
    if let Some(action) = &filter.action {
        q = q.filter(audit_events::action.eq(action.clone()));
    }
    if let Some(from) = filter.from {
        q = q.filter(audit_events::occurred_at.ge(from));
    }
    if let Some(to) = filter.to {
        q = q.filter(audit_events::occurred_at.lt(to));
    }
    if let Some(path) = &filter.region_path {
        q = q.filter(audit_events::region_path.like(crate::pagination::like_prefix(path)));
    }
    if let Some(p) = filter.project_id {
        q = q.filter(audit_events::project_id.eq(p));
    }
    if let Some(d) = filter.department_id {
        q = q.filter(audit_events::department_id.eq(d));
    }
    let q = keyset!(q, audit_events::occurred_at, audit_events::id, true, after);
    q.limit(limit + 1).load(conn).map_err(AppError::from)
}
