//! `POST /api/v1/projects/import`: projects with fund sources and indicators from integrating
//! systems, as JSON or CSV. Items are read one by one (`parse`) and written in chunks, one
//! transaction per chunk (`write`); the answer reports every item by index.

mod parse;
mod write;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use bigdecimal::BigDecimal;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

pub use write::CHUNK;

use crate::AppState;
use crate::auth::{Action, Caller};
use crate::domain::money::serde_money;
use crate::domain::projects::ProjectStatus;
use crate::error::{AppError, FieldErrors};
use crate::idempotency;
use crate::indicators::dto::NewIndicator;
use crate::projects::dto::FundSourceAmounts;

pub const MAX_ITEMS: usize = 5000;

/// Columns of the CSV layout: one row per indicator, the project columns repeated on each row
/// (a project without indicators has one row with the indicator columns empty).
pub const CSV_COLUMNS: &[&str] = &[
    "region_code",
    "fiscal_year",
    "project_code",
    "department_code",
    "project_name",
    "function_class",
    "category",
    "start_date",
    "end_date",
    "annual_goal",
    "fund_central",
    "fund_provincial",
    "fund_municipal",
    "fund_county",
    "fund_self_raised",
    "fund_other",
    "initial_budget",
    "status",
    "key_monitoring",
    "indicator_level1",
    "indicator_level2",
    "indicator_name",
    "comparator",
    "target_value",
    "target_text",
    "unit",
    "weight",
    "accrues",
    "measurement",
];

/// The CSV body shown in the OpenAPI document: one project with two indicators, one row each.
const CSV_EXAMPLE: &str = concat!(
    "region_code,fiscal_year,project_code,department_code,project_name,function_class,category,",
    "start_date,end_date,annual_goal,fund_central,fund_provincial,fund_municipal,fund_county,",
    "fund_self_raised,fund_other,initial_budget,status,key_monitoring,indicator_level1,",
    "indicator_level2,indicator_name,comparator,target_value,target_text,unit,weight,accrues,",
    "measurement\n",
    "370100,2021,JN2021-KJ-003,JNKJJ,Science park incubators,20601,special,2021-01-01,2021-12-31,",
    "Incubate 40 start-ups,,,30000000.00,,,,30000000.00,active,true,output,quantity,",
    "Start-ups incubated,>=,40,,companies,60,,Companies registered in the parks\n",
    "370100,2021,JN2021-KJ-003,JNKJJ,Science park incubators,20601,special,2021-01-01,2021-12-31,",
    "Incubate 40 start-ups,,,30000000.00,,,,30000000.00,active,true,satisfaction,",
    "beneficiary_satisfaction,Tenant satisfaction,>=,90,,%,30,,Survey of the tenants in December\n",
);

fn active() -> ProjectStatus {
    ProjectStatus::Active
}

/// One project of an import, identified by region code, fiscal year and project code.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "region_code": "370100", "fiscal_year": 2021, "code": "JN2021-KJ-003",
    "department_code": "JNKJJ", "name": "Science park incubators", "function_class": "20601",
    "category": "special", "start_date": "2021-01-01", "end_date": "2021-12-31",
    "annual_goal": "Incubate 40 start-ups", "fund_sources": {"municipal": "30000000.00"},
    "initial_budget": "30000000.00", "key_monitoring": true,
    "indicators": [
        {
            "level1": "output", "level2": "quantity", "name": "Start-ups incubated",
            "comparator": ">=", "target_value": "40", "unit": "companies", "weight": "60",
            "measurement": "Companies registered in the parks"
        },
        {
            "level1": "satisfaction", "level2": "beneficiary_satisfaction",
            "name": "Tenant satisfaction", "comparator": ">=", "target_value": "90", "unit": "%",
            "weight": "30", "measurement": "Survey of the tenants in December"
        }
    ]
}))]
pub struct ImportProject {
    #[schema(pattern = "^[1-9][0-9]{5}$")]
    pub region_code: String,
    #[serde(deserialize_with = "crate::validation::integral::deserialize")]
    #[schema(minimum = 2000, maximum = 2100)]
    pub fiscal_year: i16,
    pub code: String,
    /// Code of a department of that region.
    pub department_code: String,
    pub name: String,
    pub function_class: String,
    #[serde(default)]
    pub category: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    #[serde(default)]
    pub annual_goal: String,
    #[serde(default)]
    pub fund_sources: FundSourceAmounts,
    #[serde(with = "serde_money")]
    #[schema(value_type = String, pattern = r"^[0-9]{1,16}(\.[0-9]{1,2})?$")]
    pub initial_budget: BigDecimal,
    #[serde(default = "active")]
    pub status: ProjectStatus,
    #[serde(default)]
    pub key_monitoring: bool,
    /// The project's complete set of indicators, at most 100; on update they replace the
    /// current ones (matched by level 1, level 2 and name, so unchanged indicators keep their
    /// ids).
    #[serde(default)]
    #[schema(max_items = 100)]
    pub indicators: Vec<NewIndicator>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({
    "items": [
        {
            "region_code": "370100", "fiscal_year": 2021, "code": "JN2021-KJ-003",
            "department_code": "JNKJJ", "name": "Science park incubators",
            "function_class": "20601", "category": "special",
            "fund_sources": {"municipal": "30000000.00"}, "initial_budget": "30000000.00",
            "indicators": [
                {
                    "level1": "output", "level2": "quantity", "name": "Start-ups incubated",
                    "comparator": ">=", "target_value": "40", "unit": "companies", "weight": "90"
                }
            ]
        }
    ]
}))]
#[serde(deny_unknown_fields)]
pub struct ImportRequest {
    /// At most 5,000 projects.
    #[schema(max_items = 5000)]
    pub items: Vec<ImportProject>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ImportStatus {
    Created,
    Updated,
    Unchanged,
    /// Refused for a reason of its own (see `errors`); resending it unchanged will not help.
    Rejected,
    /// Not handled because the service or its database failed (see `errors`); resend it: items
    /// are upserted by region, year and code, so that is safe.
    NotProcessed,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ImportItemResult {
    /// Position of the item in `items` (for CSV: in order of first appearance).
    pub index: usize,
    pub status: ImportStatus,
    pub region_code: Option<String>,
    pub fiscal_year: Option<i64>,
    pub code: Option<String>,
    pub project_id: Option<Uuid>,
    /// For CSV: the data rows (1 = first row after the header) that made this item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows: Option<Vec<usize>>,
    /// Why the item was rejected: field → messages.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<std::collections::HashMap<String, Vec<String>>>)]
    pub errors: Option<FieldErrors>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
pub struct ImportSummary {
    pub received: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub rejected: usize,
    /// Items to resend: the database became unreachable or the server failed before they were
    /// written.
    #[serde(default)]
    pub not_processed: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "summary": {"received": 2, "created": 1, "updated": 0, "unchanged": 0, "rejected": 1, "not_processed": 0},
    "items": [
        {
            "index": 0, "status": "created", "region_code": "370100", "fiscal_year": 2021,
            "code": "JN2021-KJ-003", "project_id": "0193a0c4-7f43-7000-8000-0000000000e2",
            "rows": [1, 2]
        },
        {
            "index": 1, "status": "rejected", "region_code": "370100", "fiscal_year": 2021,
            "code": "JN2021-KJ-004", "project_id": null, "rows": [3],
            "errors": {"indicators": ["the weights of the indicators must add up to 90"]}
        }
    ]
}))]
pub struct ImportReport {
    pub summary: ImportSummary,
    pub items: Vec<ImportItemResult>,
}

impl idempotency::Settled for ImportReport {
    fn settled(&self) -> bool {
        self.summary.not_processed == 0
    }
}

/// Import projects with their fund sources and indicators.
#[utoipa::path(
    tag = "projects",
    operation_id = "import_projects",
    summary = "Import projects",
    description = "Up to 5,000 projects as JSON (`{\"items\": [...]}`) or CSV (`text/csv`, the layout \
                   of `GET /api/v1/projects/import/template.csv`: one row per indicator with the \
                   project columns repeated). Each item is upserted by region code, fiscal year and \
                   project code (department by code) and reported by index as `created`, \
                   `updated`, `unchanged` or `rejected` with its reasons; the other items are \
                   written regardless. Items are written in order, 500 to a transaction; an item \
                   the database refuses is rejected on its own and the rest of its transaction is \
                   written. `not_processed` means the service could not handle the item (its \
                   database became unreachable, or it failed, or its transaction could not be \
                   committed): resend it, the upsert makes that safe. When the database goes away \
                   in the middle of an import, the items of the transactions already committed \
                   keep their results, and the items of the transaction under way and every later \
                   item are `not_processed` (items rejected for their own reasons stay \
                   `rejected`); when it is away before the first item, the answer is 503 with \
                   `Retry-After`. With an `Idempotency-Key`, a retry within 24 hours gets the first \
                   answer again without writing (unless it had `not_processed` items: then it is \
                   not kept and the retry is processed), and the same key with a different body \
                   answers 422; a key whose request was cut off by an outage is free again at once. \
                   Roles: admin, finance_officer.",
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe: 1 to 200 visible characters (spaces only inside), unique per request content", min_length = 1, max_length = 200, pattern = "^[!-~]([ -~]{0,198}[!-~])?$")),
    request_body(content(
        (ImportRequest = "application/json"),
        (String = "text/csv", example = json!(CSV_EXAMPLE)),
    )),
    responses((status = 200, description = "A result per item", body = ImportReport,
               headers(("Idempotency-Replayed" = bool, description = "Present (true) when this is the stored answer to an earlier request with the same key")))),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[post("/projects/import")]
pub async fn import_projects(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::ManageProjects)?;
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let items = if content_type.starts_with("application/json") {
        parse::parse_json(body.clone())?
    } else if content_type.starts_with("text/csv") {
        parse::parse_csv(&body)?
    } else {
        return Err(AppError::UnsupportedMediaType(
            "Send the import as application/json or text/csv.".to_owned(),
        ));
    };
    if items.len() > MAX_ITEMS {
        return Err(AppError::invalid_field(
            "items",
            format!(
                "at most {MAX_ITEMS} projects per request, got {}",
                items.len()
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
                |conn| write::run_import(conn, &caller, items),
            )
        })
        .await?;
    Ok(idempotency::respond(outcome))
}

/// The CSV header row for imports.
#[utoipa::path(
    tag = "projects",
    operation_id = "get_import_template",
    summary = "CSV import template",
    description = "The header row of the CSV import layout. Roles: admin, finance_officer, auditor, \
                   department_officer.",
    responses((status = 200, description = "The header row", body = String, content_type = "text/csv")),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/projects/import/template.csv")]
pub async fn import_template(caller: Caller) -> Result<HttpResponse, AppError> {
    caller.require(Action::Read)?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"projects-import.csv\"",
        ))
        .body(format!("{}\n", CSV_COLUMNS.join(","))))
}
