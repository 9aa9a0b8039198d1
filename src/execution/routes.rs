use actix_web::{HttpRequest, HttpResponse, get, post, web};
use bigdecimal::BigDecimal;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::AppState;
use crate::auth::{Action, Caller};
use crate::domain::money::serde_money;
use crate::domain::regions::code_of;
use crate::error::{AppError, FieldErrors};
use crate::execution::batch;
use crate::execution::store::{self, RecordFilter, RecordRow};
use crate::idempotency;
use crate::listing::{Listing, RegionFilter};
use crate::pagination::Page;

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
                   the other records are written regardless. Records are written in order, 500 \
                   to a transaction; a record the database refuses is rejected on its own and the \
                   rest of its transaction is written. `not_processed` means the service could not \
                   handle the record (its database became unreachable, or it failed, or its \
                   transaction could not be committed): resend it, its `external_ref` makes that \
                   safe. When the database goes away in the middle of a batch, the records of the \
                   transactions already committed keep their results, and the records of the \
                   transaction under way and every later record are `not_processed` (records \
                   rejected for their own reasons stay `rejected`); when it is away before the \
                   first record, the answer is 503 with `Retry-After`. Reports still being filled \
                   in are refreshed with the new executed amounts in the same transaction. `Idempotency-Key` makes a retry safe: a retry \
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
    let received = crate::batch::receive(&req, &body, MAX_RECORDS, "records")?;
    let principal = caller.user_id.to_string();
    let outcome = state
        .db
        .run(move |conn| {
            idempotency::guarded(
                conn,
                received.key.as_deref(),
                &principal,
                &received.path,
                &received.fingerprint,
                |conn| batch::run_batch(conn, &caller, received.items),
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
