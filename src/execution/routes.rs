use std::collections::HashMap;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use bigdecimal::BigDecimal;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use diesel::Connection;
use diesel::pg::PgConnection;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::AppState;
use crate::audit::{self, AuditEntry};
use crate::auth::{Action, Caller};
use crate::batch::{self, ItemError};
use crate::domain::money::serde_money;
use crate::domain::regions::code_of;
use crate::error::{AppError, FieldErrors};
use crate::execution::store::{self, NewRecord, RecordFilter, RecordRow};
use crate::idempotency;
use crate::listing::{Listing, RegionFilter};
use crate::pagination::Page;
use crate::projects::store::{self as projects, ProjectView};
use crate::regions::store as regions;

pub const MAX_RECORDS: usize = 10_000;

/// One spending record. The project is named by id, or by region code, fiscal year and code.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "region_code": "370000", "fiscal_year": 2021, "project_code": "SD2021-YJ-001",
    "payment_date": "2021-03-15", "amount": "12500000.00", "external_ref": "GK-2021-000123"
}))]
pub struct NewExecutionRecord {
    pub project_id: Option<Uuid>,
    pub region_code: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::validation::integral::option::deserialize"
    )]
    #[schema(minimum = 2000, maximum = 2100)]
    pub fiscal_year: Option<i16>,
    pub project_code: Option<String>,
    pub payment_date: NaiveDate,
    /// Yuan; negative for a refund.
    #[serde(with = "serde_money")]
    #[schema(value_type = String, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,2})?$")]
    pub amount: BigDecimal,
    /// The sender's id of the record, unique per project: a resent record is recognised by it.
    #[schema(min_length = 1, max_length = 200, pattern = "\\S")]
    pub external_ref: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({
    "items": [
        {
            "region_code": "370000", "fiscal_year": 2021, "project_code": "SD2021-KJ-007",
            "payment_date": "2021-03-15", "amount": "12500000.00", "external_ref": "GK-2021-000123",
            "description": "First instalment, base equipment"
        },
        {
            "project_id": "0193a0c4-7f43-7000-8000-0000000000e1", "payment_date": "2021-04-02",
            "amount": "-150000.00", "external_ref": "GK-2021-000187",
            "description": "Refund of an overpaid invoice"
        }
    ]
}))]
#[serde(deny_unknown_fields)]
pub struct ExecutionBatch {
    /// At most 10,000 records.
    #[schema(max_items = 10000)]
    pub items: Vec<NewExecutionRecord>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "id": "0193a0c4-7f43-7000-8000-000000000097",
    "project_id": "0193a0c4-7f43-7000-8000-0000000000e1", "region_code": "370000",
    "payment_date": "2021-03-15", "amount": "12500000.00", "external_ref": "GK-2021-000123",
    "description": "First instalment, base equipment", "created_at": "2021-03-16T01:00:00Z"
}))]
pub struct ExecutionRecord {
    pub id: Uuid,
    pub project_id: Uuid,
    pub region_code: String,
    pub payment_date: NaiveDate,
    #[serde(with = "serde_money")]
    #[schema(value_type = String, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,2})?$")]
    pub amount: BigDecimal,
    pub external_ref: String,
    pub description: String,
    pub created_at: DateTime<Utc>,
}

impl From<RecordRow> for ExecutionRecord {
    fn from(r: RecordRow) -> ExecutionRecord {
        ExecutionRecord {
            id: r.id,
            project_id: r.project_id,
            region_code: code_of(&r.region_path).to_owned(),
            payment_date: r.payment_date,
            amount: r.amount,
            external_ref: r.external_ref,
            description: r.description,
            created_at: r.created_at,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecordStatus {
    Created,
    /// Already received with the same data; counted once.
    Duplicate,
    /// Refused for a reason of its own (see `errors`); resending it unchanged will not help.
    Rejected,
    /// Not handled because the service or its database failed (see `errors`); resend it, its
    /// `external_ref` makes that safe.
    NotProcessed,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RecordResult {
    pub index: usize,
    pub status: RecordStatus,
    pub id: Option<Uuid>,
    pub project_id: Option<Uuid>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<std::collections::HashMap<String, Vec<String>>>)]
    pub errors: Option<FieldErrors>,
    /// Accepted, but worth a look (e.g. the project's disbursement is suspended).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
pub struct RecordSummary {
    pub received: usize,
    pub created: usize,
    pub duplicate: usize,
    pub rejected: usize,
    /// Items to resend: the database became unreachable or the server failed before they were
    /// written.
    #[serde(default)]
    pub not_processed: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "summary": {"received": 2, "created": 1, "duplicate": 0, "rejected": 1, "not_processed": 0},
    "items": [
        {
            "index": 0, "status": "created", "id": "0193a0c4-7f43-7000-8000-000000000097",
            "project_id": "0193a0c4-7f43-7000-8000-0000000000e1"
        },
        {
            "index": 1, "status": "rejected", "id": null, "project_id": null,
            "errors": {
                "project_id": [
                    "name the project by project_id, or by region_code, fiscal_year and project_code"
                ]
            }
        }
    ]
}))]
pub struct ExecutionReport {
    pub summary: RecordSummary,
    pub items: Vec<RecordResult>,
}

fn one_field(field: &str, message: impl Into<String>) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.insert(field.to_owned(), vec![message.into()]);
    errors
}

#[derive(Default)]
struct Cache {
    by_id: HashMap<Uuid, Option<ProjectView>>,
    by_code: HashMap<(String, i16, String), Option<ProjectView>>,
}

fn resolve(
    conn: &mut PgConnection,
    cache: &mut Cache,
    item: &NewExecutionRecord,
) -> Result<Option<ProjectView>, ItemError> {
    let db = |e: AppError| batch::classify(e, |e| one_field("item", e.problem().detail));
    if let Some(id) = item.project_id {
        if let Some(found) = cache.by_id.get(&id) {
            return Ok(found.clone());
        }
        let found = projects::find(conn, id).map_err(db)?;
        cache.by_id.insert(id, found.clone());
        return Ok(found);
    }
    let (Some(region_code), Some(year), Some(code)) =
        (&item.region_code, item.fiscal_year, &item.project_code)
    else {
        return Err(one_field(
            "project_id",
            "name the project by project_id, or by region_code, fiscal_year and project_code",
        )
        .into());
    };
    let key = (region_code.clone(), year, code.clone());
    if let Some(found) = cache.by_code.get(&key) {
        return Ok(found.clone());
    }
    let found = match regions::find_by_code(conn, region_code).map_err(db)? {
        Some(region) => projects::project_by_code(conn, region.id, year, code).map_err(db)?,
        None => None,
    };
    cache.by_code.insert(key, found.clone());
    Ok(found)
}

/// Checks and stores one record in its own transaction, together with the refresh of the
/// reports it moves: a stored record is always in its reports' figures, and a failure of
/// either leaves neither (the item is then `not_processed`, or `rejected` for a reason of its
/// own), while the items handled before it keep their results.
fn record_one(
    conn: &mut PgConnection,
    caller: &Caller,
    cache: &mut Cache,
    item: &NewExecutionRecord,
) -> Result<(RecordStatus, Uuid, Uuid, Option<String>), ItemError> {
    let project = resolve(conn, cache, item)?
        .filter(|p| caller.sees(&p.place()))
        .ok_or_else(|| {
            ItemError::from(one_field("project_id", "no project in your scope matches"))
        })?;
    if project.row.status == "stopped" {
        return Err(one_field(
            "project_id",
            format!(
                "project {} is stopped: it takes no more spending",
                project.row.code
            ),
        )
        .into());
    }
    let warning = (project.row.status == "suspended").then(|| {
        format!(
            "project {} is suspended: its disbursement is on hold",
            project.row.code
        )
    });
    if item.payment_date.year() != i32::from(project.row.fiscal_year) {
        return Err(one_field(
            "payment_date",
            format!(
                "must fall in the project's fiscal year {}",
                project.row.fiscal_year
            ),
        )
        .into());
    }
    if item.amount == 0 {
        return Err(one_field("amount", "must not be zero").into());
    }
    let reference = item.external_ref.trim();
    if reference.is_empty() || reference.len() > 200 {
        return Err(one_field("external_ref", "must be 1 to 200 characters").into());
    }
    let outcome = conn
        .transaction(|conn| {
            let result = store::insert_or_existing(
                conn,
                NewRecord {
                    project_id: project.row.id,
                    region_id: project.row.region_id,
                    region_path: &project.row.region_path,
                    department_path: &project.row.department_path,
                    payment_date: item.payment_date,
                    amount: &item.amount,
                    external_ref: reference,
                    description: item.description.trim(),
                    created_by: caller.user_id,
                },
            )?;
            if let Ok(row) = &result {
                audit::record(
                    conn,
                    AuditEntry::by(caller, "execution_record.created", "execution_record")
                        .object(row.id, Some(&row.region_path))
                        .project(row.project_id)
                        .change(
                            None::<&ExecutionRecord>,
                            Some(&ExecutionRecord::from(row.clone())),
                        ),
                )?;
                // The reports still being filled in whose cut-off the payment falls before
                // show it once the record is stored: both commit together or neither does.
                crate::reports::service::refresh_for_spending(
                    conn,
                    row.project_id,
                    row.payment_date,
                )?;
            }
            Ok::<_, AppError>(result)
        })
        .map_err(|e| batch::classify(e, |e| one_field("item", e.problem().detail)))?;
    match outcome {
        Ok(row) => Ok((RecordStatus::Created, row.id, project.row.id, warning)),
        Err(existing)
            if existing.amount == item.amount && existing.payment_date == item.payment_date =>
        {
            Ok((
                RecordStatus::Duplicate,
                existing.id,
                project.row.id,
                warning,
            ))
        }
        Err(_) => Err(one_field(
            "external_ref",
            "was already received for this project with a different date or amount",
        )
        .into()),
    }
}

fn run_batch(
    conn: &mut PgConnection,
    caller: &Caller,
    items: Vec<Value>,
) -> Result<ExecutionReport, AppError> {
    let mut cache = Cache::default();
    let mut summary = RecordSummary {
        received: items.len(),
        ..RecordSummary::default()
    };
    let mut results = Vec::with_capacity(items.len());
    for (index, raw) in items.into_iter().enumerate() {
        let outcome = if batch::must_stop() {
            Err(ItemError::NotProcessed(batch::skipped()))
        } else {
            serde_json::from_value::<NewExecutionRecord>(raw)
                .map_err(|e| {
                    let text = e.to_string();
                    one_field("item", text.split(" at line ").next().unwrap_or(&text)).into()
                })
                .and_then(|item| record_one(conn, caller, &mut cache, &item))
        };
        let (status, id, project_id, errors, warning) = match outcome {
            Ok((status, id, project_id, warning)) => {
                if status == RecordStatus::Created {
                    summary.created += 1;
                } else {
                    summary.duplicate += 1;
                }
                (status, Some(id), Some(project_id), None, warning)
            }
            Err(ItemError::Refused(errors)) => {
                summary.rejected += 1;
                (RecordStatus::Rejected, None, None, Some(errors), None)
            }
            Err(ItemError::NotProcessed(errors)) => {
                summary.not_processed += 1;
                (RecordStatus::NotProcessed, None, None, Some(errors), None)
            }
        };
        results.push(RecordResult {
            index,
            status,
            id,
            project_id,
            errors,
            warning,
        });
    }
    if summary.not_processed == summary.received && summary.received > 0 && batch::must_stop() {
        // Nothing was handled: a plain 503 says so best, and the retry is the same request.
        return Err(AppError::database_unavailable());
    }
    Ok(ExecutionReport {
        summary,
        items: results,
    })
}

impl idempotency::Settled for ExecutionReport {
    fn settled(&self) -> bool {
        self.summary.not_processed == 0
    }
}

/// Receive spending records.
#[utoipa::path(
    tag = "execution",
    operation_id = "create_execution_records",
    summary = "Send spending records",
    description = "Up to 10,000 records per request. Each is reported by index: `created`, \
                   `duplicate` (the project already has this `external_ref` with the same date and \
                   amount, so it is counted once) or `rejected` with its reasons (unknown project, \
                   stopped project, date outside the fiscal year, reference reused with other data); \
                   the other records are written regardless. `not_processed` means the service \
                   could not handle the record (its database became unreachable, or it failed): \
                   resend it, its `external_ref` makes that safe. When the database goes away in \
                   the middle of a batch, the records handled so far keep their results and every \
                   later record is `not_processed`; when it is away before the first record, the \
                   answer is 503 with `Retry-After`. Reports still being filled in are refreshed \
                   with the new executed amounts. `Idempotency-Key` makes a retry safe: a retry \
                   with the key gets the first answer again, unless that answer had \
                   `not_processed` records (then it is not kept, and the retry is processed, the \
                   records already stored counting as `duplicate`). A key whose request was cut off \
                   by an outage is free again at once. \
                   Roles: admin, finance_officer.",
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe: 1 to 200 visible characters (spaces only inside), unique per request content", min_length = 1, max_length = 200, pattern = "^[!-~]([ -~]{0,198}[!-~])?$")),
    request_body = ExecutionBatch,
    responses((status = 200, description = "A result per record", body = ExecutionReport)),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[post("/execution-records")]
pub async fn create_records(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::FeedExecution)?;
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    if !content_type.starts_with("application/json") {
        return Err(AppError::UnsupportedMediaType(
            "Send the records as application/json.".to_owned(),
        ));
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Envelope {
        items: Vec<Value>,
    }
    let envelope: Envelope = serde_json::from_slice(&body).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => {
            AppError::invalid_field("items", "the body must be an object with an `items` array")
        }
        _ => AppError::BadRequest(format!("The request body is not valid JSON: {e}")),
    })?;
    if envelope.items.len() > MAX_RECORDS {
        return Err(AppError::invalid_field(
            "items",
            format!(
                "at most {MAX_RECORDS} records per request, got {}",
                envelope.items.len()
            ),
        ));
    }
    let key = idempotency::key_of(&req)?;
    let principal = caller.user_id.to_string();
    let path = req.path().to_owned();
    let fingerprint = idempotency::fingerprint(&content_type, &body);
    let outcome = state
        .db
        .run(move |conn| {
            idempotency::guarded(
                conn,
                key.as_deref(),
                &principal,
                &path,
                &fingerprint,
                |conn| run_batch(conn, &caller, envelope.items),
            )
        })
        .await?;
    Ok(idempotency::respond(outcome))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RecordQuery {
    pub project: Option<Uuid>,
    /// Only records of this department's projects.
    pub department: Option<Uuid>,
    /// Only records of projects in the region with this code and below it.
    pub region: Option<String>,
    /// Payments on or after this date.
    pub from: Option<NaiveDate>,
    /// Payments on or before this date.
    pub to: Option<NaiveDate>,
    pub external_ref: Option<String>,
    /// Page size, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// List spending records.
#[utoipa::path(
    tag = "execution",
    operation_id = "list_execution_records",
    summary = "List spending records",
    description = "In order of receipt, within the caller's scope. Roles: admin, finance_officer, \
                   auditor, department_officer.",
    params(RecordQuery),
    responses((status = 200, description = "A page of records", body = Page<ExecutionRecord>)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/execution-records")]
pub async fn list_records(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<RecordQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::Read)?;
    let q = query.into_inner();
    let listing = Listing::of(&req, q.limit, q.cursor.as_deref(), "received")?;
    let scope = caller.list_scope();
    listing
        .respond_json(
            &state.db,
            move |conn, after, limit| {
                let Some(region_path) = RegionFilter::resolve(conn, q.region.as_deref())?.path()
                else {
                    return Ok(Vec::new());
                };
                let filter = RecordFilter {
                    project_id: q.project,
                    department_id: q.department,
                    region_path,
                    from: q.from,
                    to: q.to,
                    external_ref: q.external_ref.clone(),
                };
                let after = after.map(|(_, id)| id);
                let rows = store::list(conn, &scope, &filter, after, limit)?;
                Ok(rows.into_iter().map(ExecutionRecord::from).collect())
            },
            |r: &ExecutionRecord| (String::new(), r.id),
        )
        .await
}
