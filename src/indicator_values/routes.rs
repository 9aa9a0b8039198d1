use actix_web::{HttpRequest, HttpResponse, get, post, web};
use bigdecimal::BigDecimal;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::AppState;
use crate::auth::{Action, Caller};
use crate::domain::money::serde_decimal_opt;
use crate::domain::monitoring::Achievement;
use crate::domain::regions::code_of;
use crate::error::{AppError, FieldErrors};
use crate::execution::routes::{RecordStatus, RecordSummary};
use crate::idempotency;
use crate::indicator_values::batch;
use crate::indicator_values::store::{self, ValueFilter, ValueRow};
use crate::listing::{Listing, RegionFilter};
use crate::pagination::Page;

pub const MAX_VALUES: usize = 10_000;

/// One measured value. The indicator is named by id, or by its project (region code, fiscal
/// year and project code) and its name.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "region_code": "370200", "fiscal_year": 2021, "project_code": "QD2021-JT-014",
    "indicator_name": "Bus lanes opened", "measured_on": "2021-07-25", "value": "18",
    "source_system": "qingdao-transport", "external_ref": "QDJT-2021-07-25-014"
}))]
pub struct NewIndicatorValue {
    pub indicator_id: Option<Uuid>,
    pub region_code: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::validation::integral::option::deserialize"
    )]
    #[schema(minimum = 2000, maximum = 2100)]
    pub fiscal_year: Option<i16>,
    pub project_code: Option<String>,
    /// The indicator's name within its project.
    pub indicator_name: Option<String>,
    /// When the value was measured; the latest value up to a round's cut-off is the one used.
    pub measured_on: NaiveDate,
    /// For numeric indicators.
    #[serde(default, with = "serde_decimal_opt")]
    #[schema(value_type = Option<String>, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,4})?$")]
    pub value: Option<BigDecimal>,
    /// For qualitative indicators.
    pub achievement: Option<Achievement>,
    /// The business system that measured it.
    #[schema(min_length = 1, max_length = 100, pattern = "\\S")]
    pub source_system: String,
    /// The sender's id of the value, unique per indicator: a resent value is recognised by it.
    #[schema(min_length = 1, max_length = 200, pattern = "\\S")]
    pub external_ref: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "items": [
        {
            "region_code": "370200", "fiscal_year": 2021, "project_code": "QD2021-JT-014",
            "indicator_name": "Bus lanes opened", "measured_on": "2021-07-25", "value": "18",
            "source_system": "qingdao-transport", "external_ref": "QDJT-2021-07-25-014"
        },
        {
            "indicator_id": "0193a0c4-7f43-7000-8000-0000000000c3", "measured_on": "2021-07-30",
            "achievement": "partly_achieved", "source_system": "qingdao-project-management",
            "external_ref": "QDPM-2021-0731-88"
        }
    ]
}))]
pub struct IndicatorValueBatch {
    /// At most 10,000 values.
    #[schema(max_items = 10000)]
    pub items: Vec<NewIndicatorValue>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "id": "0193a0c4-7f43-7000-8000-0000000000f1",
    "indicator_id": "0193a0c4-7f43-7000-8000-0000000000c1",
    "project_id": "0193a0c4-7f43-7000-8000-0000000000e1", "region_code": "370200",
    "measured_on": "2021-07-25", "value": "18", "achievement": null,
    "source_system": "qingdao-transport", "external_ref": "QDJT-2021-07-25-014",
    "created_at": "2021-07-26T01:00:00Z"
}))]
pub struct IndicatorValue {
    pub id: Uuid,
    pub indicator_id: Uuid,
    pub project_id: Uuid,
    pub region_code: String,
    pub measured_on: NaiveDate,
    #[serde(with = "serde_decimal_opt")]
    #[schema(value_type = Option<String>, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,4})?$")]
    pub value: Option<BigDecimal>,
    pub achievement: Option<Achievement>,
    pub source_system: String,
    pub external_ref: String,
    pub created_at: DateTime<Utc>,
}

impl From<ValueRow> for IndicatorValue {
    fn from(r: ValueRow) -> IndicatorValue {
        IndicatorValue {
            id: r.id,
            indicator_id: r.indicator_id,
            project_id: r.project_id,
            region_code: code_of(&r.region_path).to_owned(),
            measured_on: r.measured_on,
            value: r.value,
            achievement: r.achievement.as_deref().and_then(Achievement::parse),
            source_system: r.source_system,
            external_ref: r.external_ref,
            created_at: r.created_at,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ValueResult {
    pub index: usize,
    pub status: RecordStatus,
    pub id: Option<Uuid>,
    pub indicator_id: Option<Uuid>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<std::collections::HashMap<String, Vec<String>>>)]
    pub errors: Option<FieldErrors>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "summary": {"received": 2, "created": 1, "duplicate": 0, "rejected": 1, "not_processed": 0},
    "items": [
        {
            "index": 0, "status": "created", "id": "0193a0c4-7f43-7000-8000-0000000000f1",
            "indicator_id": "0193a0c4-7f43-7000-8000-0000000000c1"
        },
        {
            "index": 1, "status": "rejected", "id": null, "indicator_id": null,
            "errors": {"value": ["a numeric indicator takes value, not achievement"]}
        }
    ]
}))]
pub struct IndicatorValueReport {
    pub summary: RecordSummary,
    pub items: Vec<ValueResult>,
}

impl idempotency::Settled for IndicatorValueReport {
    fn settled(&self) -> bool {
        self.summary.not_processed == 0
    }
}

/// Receive measured indicator values.
#[utoipa::path(
    tag = "indicator-values",
    operation_id = "create_indicator_values",
    summary = "Send measured indicator values",
    description = "Up to 10,000 values per request from business systems, each reported by index \
                   as the spending feed does: `created`, `duplicate` (the indicator already has \
                   this `external_ref` with the same date and value, so it is counted once), \
                   `rejected` with its reasons (no such indicator in the caller's scope — \
                   classified projects included —, a name matching several indicators, a value of \
                   the wrong kind, a date outside the project's fiscal year, a reference reused \
                   with other data) or `not_processed` (resend it). Values are written 500 to a \
                   transaction. In the same transaction, the reports still being filled in whose \
                   cut-off is on or after the date take the latest value measured up to their \
                   cut-off as their actual value, with its source and date, unless the \
                   department has set the actual value itself. `Idempotency-Key` makes a retry \
                   safe, as for spending records. Roles: admin, finance_officer.",
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe: 1 to 200 visible characters (spaces only inside), unique per request content", min_length = 1, max_length = 200, pattern = "^[!-~]([ -~]{0,198}[!-~])?$")),
    request_body = IndicatorValueBatch,
    responses((status = 200, description = "A result per value", body = IndicatorValueReport)),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[post("/indicator-values")]
pub async fn create_values(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::FeedExecution)?;
    let received = crate::batch::receive(&req, &body, MAX_VALUES, "values")?;
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
pub struct ValueQuery {
    pub project: Option<Uuid>,
    /// Only values of this department's projects.
    pub department: Option<Uuid>,
    pub indicator: Option<Uuid>,
    /// Only values of projects in the region with this code and below it.
    pub region: Option<String>,
    /// Measured on or after this date.
    pub from: Option<NaiveDate>,
    /// Measured on or before this date.
    pub to: Option<NaiveDate>,
    pub source_system: Option<String>,
    /// Page size, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// List measured indicator values.
#[utoipa::path(
    tag = "indicator-values",
    operation_id = "list_indicator_values",
    summary = "List measured indicator values",
    description = "In order of receipt, within the caller's scope (classified projects only for \
                   admins). Roles: admin, finance_officer, auditor, department_officer.",
    params(ValueQuery),
    responses((status = 200, description = "A page of values", body = Page<IndicatorValue>)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/indicator-values")]
pub async fn list_values(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ValueQuery>,
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
                let filter = ValueFilter {
                    project_id: q.project,
                    department_id: q.department,
                    indicator_id: q.indicator,
                    region_path,
                    from: q.from,
                    to: q.to,
                    source_system: q.source_system.clone(),
                };
                let after = after.map(|(_, id)| id);
                let rows = store::list(conn, &scope, &filter, after, limit)?;
                Ok(rows.into_iter().map(IndicatorValue::from).collect())
            },
            |r: &IndicatorValue| (String::new(), r.id),
        )
        .await
}
