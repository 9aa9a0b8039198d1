//! `POST /api/v1/projects/import`: projects with fund sources and indicators from integrating
//! systems, as JSON or CSV. Each item is checked and written in its own transaction; the answer
//! reports every item by index.

use std::collections::{BTreeMap, HashMap};

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use bigdecimal::BigDecimal;
use chrono::NaiveDate;
use diesel::Connection;
use diesel::pg::PgConnection;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::AppState;
use crate::audit::{self, AuditEntry};
use crate::auth::{Action, Caller};
use crate::batch::{self, ItemError};
use crate::departments::store as departments;
use crate::domain::indicators::MAX_INDICATORS;
use crate::domain::money::serde_money;
use crate::domain::projects::ProjectStatus;
use crate::error::{AppError, FieldErrors};
use crate::idempotency;
use crate::indicators::dto::{Indicator, NewIndicator};
use crate::indicators::store::{self as indicators, IndicatorFields};
use crate::projects::dto::{FundSourceAmounts, NewProject, ProjectChanges};
use crate::projects::service;
use crate::projects::store as projects;
use crate::regions::store as regions;

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

/// An item as received, before it is typed: bad items must not sink the whole batch.
struct RawItem {
    value: Value,
    rows: Option<Vec<usize>>,
}

fn parse_json(body: &[u8]) -> Result<Vec<RawItem>, AppError> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Envelope {
        items: Vec<Value>,
    }
    let envelope: Envelope = serde_json::from_slice(body).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => {
            AppError::invalid_field("items", "the body must be an object with an `items` array")
        }
        _ => AppError::BadRequest(format!("The request body is not valid JSON: {e}")),
    })?;
    Ok(envelope
        .items
        .into_iter()
        .map(|value| RawItem { value, rows: None })
        .collect())
}

const PROJECT_COLUMNS: usize = 19;
const CONFLICT_FIELD: &str = "_rows_disagree";

/// A project being assembled from CSV rows: its columns, its indicators, its row numbers and the
/// first disagreement between its rows, if any.
type CsvGroup = (Map<String, Value>, Vec<Value>, Vec<usize>, Option<String>);

fn csv_field(name: &str, value: &str) -> Option<(String, Value)> {
    if value.is_empty() {
        return None;
    }
    let json_value = match name {
        "fiscal_year" => value
            .parse::<i64>()
            .map_or_else(|_| Value::String(value.to_owned()), Value::from),
        "key_monitoring" | "accrues" => match value.to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "y" => Value::Bool(true),
            "false" | "0" | "no" | "n" => Value::Bool(false),
            _ => Value::String(value.to_owned()),
        },
        _ => Value::String(value.to_owned()),
    };
    let key = match name {
        "project_code" => "code",
        "project_name" => "name",
        "indicator_level1" => "level1",
        "indicator_level2" => "level2",
        "indicator_name" => "name",
        other => other,
    };
    Some((key.to_owned(), json_value))
}

fn parse_csv(body: &[u8]) -> Result<Vec<RawItem>, AppError> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(body);
    let headers = reader
        .headers()
        .map_err(|e| AppError::BadRequest(format!("The CSV header cannot be read: {e}")))?
        .clone();
    let index: HashMap<&str, usize> = headers.iter().enumerate().map(|(i, h)| (h, i)).collect();
    let missing: Vec<&str> = CSV_COLUMNS
        .iter()
        .copied()
        .filter(|c| !index.contains_key(c))
        .collect();
    let unknown: Vec<&str> = headers
        .iter()
        .filter(|h| !CSV_COLUMNS.contains(h))
        .collect();
    if !missing.is_empty() || !unknown.is_empty() {
        let mut errors = FieldErrors::new();
        if !missing.is_empty() {
            errors.insert(
                "header".into(),
                vec![format!("missing columns: {}", missing.join(", "))],
            );
        }
        if !unknown.is_empty() {
            errors
                .entry("header".into())
                .or_default()
                .push(format!("unknown columns: {}", unknown.join(", ")));
        }
        return Err(AppError::validation(
            "The CSV header does not match the template (GET /api/v1/projects/import/template.csv).",
            errors,
        ));
    }
    // Projects in order of first appearance, keyed by region, year and code.
    let mut order: Vec<(String, String, String)> = Vec::new();
    let mut groups: HashMap<(String, String, String), CsvGroup> = HashMap::new();
    for (n, record) in reader.records().enumerate() {
        let row = n + 1;
        let record = record
            .map_err(|e| AppError::BadRequest(format!("CSV row {row} cannot be read: {e}")))?;
        let get = |c: &str| record.get(index[c]).unwrap_or("");
        let key = (
            get("region_code").to_owned(),
            get("fiscal_year").to_owned(),
            get("project_code").to_owned(),
        );
        let mut project = Map::new();
        let mut indicator = Map::new();
        for (i, column) in CSV_COLUMNS.iter().enumerate() {
            let Some((name, value)) = csv_field(column, get(column)) else {
                continue;
            };
            if i >= PROJECT_COLUMNS {
                indicator.insert(name, value);
            } else if let Some(source) = name.strip_prefix("fund_") {
                let sources = project
                    .entry("fund_sources")
                    .or_insert_with(|| Value::Object(Map::new()));
                sources[source] = value;
            } else {
                project.insert(name, value);
            }
        }
        let entry = groups.entry(key.clone()).or_insert_with(|| {
            order.push(key.clone());
            (project.clone(), Vec::new(), Vec::new(), None)
        });
        if entry.0 != project && entry.3.is_none() {
            entry.3 = Some(format!(
                "row {row} repeats the project with different project columns than row {}",
                entry.2.first().copied().unwrap_or(row)
            ));
        }
        if !indicator.is_empty() {
            entry.1.push(Value::Object(indicator));
        }
        entry.2.push(row);
    }
    Ok(order
        .into_iter()
        .map(|key| {
            let (mut project, indicators, rows, conflict) = groups.remove(&key).expect("grouped");
            project.insert("indicators".into(), Value::Array(indicators));
            if let Some(message) = conflict {
                // Carried with the item so it is rejected, with this reason, in its turn.
                project.insert(CONFLICT_FIELD.into(), Value::String(message));
            }
            RawItem {
                value: Value::Object(project),
                rows: Some(rows),
            }
        })
        .collect())
}

fn problems_of(err: AppError) -> FieldErrors {
    match err {
        AppError::Validation { errors, detail } if !errors.is_empty() => {
            let _ = detail;
            errors
        }
        other => {
            let mut errors = FieldErrors::new();
            errors.insert("item".into(), vec![other.problem().detail]);
            errors
        }
    }
}

/// Lookups repeated across a batch: regions and departments by code.
#[derive(Default)]
struct Cache {
    regions: HashMap<String, Option<crate::regions::store::RegionRow>>,
    departments: HashMap<(Uuid, String), Option<crate::departments::store::DepartmentRow>>,
}

fn indicator_key(f: &IndicatorFields) -> (String, String, String) {
    (f.level1.clone(), f.level2.clone(), f.name.clone())
}

fn import_one(
    conn: &mut PgConnection,
    caller: &Caller,
    cache: &mut Cache,
    item: &ImportProject,
) -> Result<(ImportStatus, Uuid), AppError> {
    let region = match cache.regions.get(&item.region_code) {
        Some(r) => r.clone(),
        None => {
            let r = regions::find_by_code(conn, &item.region_code)?;
            cache.regions.insert(item.region_code.clone(), r.clone());
            r
        }
    }
    .filter(|r| caller.sees(&crate::auth::Place::region(&r.path)))
    .ok_or_else(|| {
        AppError::invalid_field("region_code", "no region in your scope has this code")
    })?;
    let dept_key = (region.id, item.department_code.clone());
    let department = match cache.departments.get(&dept_key) {
        Some(d) => d.clone(),
        None => {
            let d = departments::find_by_code(conn, region.id, &item.department_code)?;
            cache.departments.insert(dept_key, d.clone());
            d
        }
    }
    .filter(|d| caller.sees(&d.place()))
    .ok_or_else(|| {
        AppError::invalid_field(
            "department_code",
            "no department of this region in your scope has this code",
        )
    })?;

    if item.indicators.len() > MAX_INDICATORS {
        return Err(AppError::invalid_field(
            "indicators",
            format!(
                "a project has at most {MAX_INDICATORS} indicators, got {}",
                item.indicators.len()
            ),
        ));
    }
    let mut errors = FieldErrors::new();
    let mut desired = Vec::with_capacity(item.indicators.len());
    let mut seen = HashMap::new();
    for (i, indicator) in item.indicators.iter().enumerate() {
        match indicator.fields(&format!("indicators[{i}].")) {
            Ok(fields) => {
                if let Some(first) = seen.insert(indicator_key(&fields), i) {
                    errors
                        .entry(format!("indicators[{i}].name"))
                        .or_default()
                        .push(format!(
                            "repeats indicators[{first}] (same level 1, level 2 and name)"
                        ));
                }
                desired.push(fields);
            }
            Err(e) => errors.extend(e),
        }
    }
    if !errors.is_empty() {
        return Err(AppError::validation(
            "The item has invalid indicators.",
            errors,
        ));
    }

    let existing = projects::find_by_code(conn, region.id, item.fiscal_year, &item.code)?;
    let Some(existing) = existing else {
        let new = NewProject {
            code: item.code.clone(),
            name: item.name.clone(),
            department_id: department.id,
            fiscal_year: item.fiscal_year,
            function_class: item.function_class.clone(),
            category: item.category.clone(),
            start_date: item.start_date,
            end_date: item.end_date,
            annual_goal: item.annual_goal.clone(),
            fund_sources: item.fund_sources.clone(),
            initial_budget: item.initial_budget.clone(),
            status: item.status,
            key_monitoring: item.key_monitoring,
            classified: false,
        };
        let project = service::create(conn, caller, &new, &desired, "import")?;
        return Ok((ImportStatus::Created, project.id));
    };
    if !caller.sees(&existing.place()) {
        // A project the caller cannot see blocks its code all the same; say no more than that.
        return Err(service::code_unavailable(&item.code, item.fiscal_year));
    }
    if existing.row.department_id != department.id {
        return Err(AppError::invalid_field(
            "department_code",
            format!(
                "the project belongs to department {}; moving projects between departments is not supported",
                existing.department_code
            ),
        ));
    }
    let id = existing.row.id;
    let changes = ProjectChanges {
        name: Some(item.name.clone()),
        function_class: Some(item.function_class.clone()),
        category: Some(item.category.clone()),
        start_date: item.start_date,
        end_date: item.end_date,
        annual_goal: Some(item.annual_goal.clone()),
        fund_sources: Some(item.fund_sources.clone()),
        initial_budget: Some(item.initial_budget.clone()),
        status: Some(item.status),
        key_monitoring: Some(item.key_monitoring),
        classified: None,
    };
    let project_changed = service::apply_changes(&existing.row, &changes)
        != projects::ProjectFields::of(&existing.row);
    let current = indicators::for_project(conn, id)?;
    let mut by_key: BTreeMap<(String, String, String), indicators::IndicatorRow> = current
        .into_iter()
        .map(|r| (indicator_key(&IndicatorFields::of(&r)), r))
        .collect();
    let mut indicator_writes = 0;
    let audit_base = |action: &'static str, indicator_id: Uuid| {
        AuditEntry::by(caller, action, "indicator")
            .object(indicator_id, Some(&existing.row.region_path))
            .project(id)
            .department(Some(existing.row.department_id))
            .classified(existing.classified())
            .details(
                json!({"project_id": id, "project_code": existing.row.code, "source": "import"}),
            )
    };
    for fields in &desired {
        match by_key.remove(&indicator_key(fields)) {
            Some(row) if IndicatorFields::of(&row) == *fields => {}
            Some(row) => {
                let updated = indicators::update(conn, row.id, None, fields)?
                    .ok_or_else(crate::http::etag::stale)?;
                audit::record(
                    conn,
                    audit_base("indicator.updated", row.id)
                        .change(Some(&Indicator::from(row)), Some(&Indicator::from(updated))),
                )?;
                indicator_writes += 1;
            }
            None => {
                let created = indicators::insert(conn, id, fields)?;
                audit::record(
                    conn,
                    audit_base("indicator.created", created.id)
                        .change(None::<&Indicator>, Some(&Indicator::from(created))),
                )?;
                indicator_writes += 1;
            }
        }
    }
    for (_, row) in by_key {
        indicators::delete(conn, row.id)?;
        audit::record(
            conn,
            audit_base("indicator.deleted", row.id)
                .change(Some(&Indicator::from(row)), None::<&Indicator>),
        )?;
        indicator_writes += 1;
    }
    if project_changed {
        service::update(conn, caller, id, None, &changes, "import")?;
    } else if indicator_writes > 0 {
        crate::reports::service::refresh_for_projects(conn, &[id])?;
    }
    if project_changed || indicator_writes > 0 {
        Ok((ImportStatus::Updated, id))
    } else {
        Ok((ImportStatus::Unchanged, id))
    }
}

fn run_import(
    conn: &mut PgConnection,
    caller: &Caller,
    items: Vec<RawItem>,
) -> Result<ImportReport, AppError> {
    let mut cache = Cache::default();
    let mut summary = ImportSummary {
        received: items.len(),
        ..ImportSummary::default()
    };
    let mut results = Vec::with_capacity(items.len());
    for (index, raw) in items.into_iter().enumerate() {
        let ident = |field: &str| raw.value.get(field).cloned();
        let mut result = ImportItemResult {
            index,
            status: ImportStatus::Rejected,
            region_code: ident("region_code").and_then(|v| v.as_str().map(str::to_owned)),
            // Read as `ImportProject` reads it, so `2021.0` is named too.
            fiscal_year: ident("fiscal_year").and_then(|v| {
                v.as_number()
                    .and_then(crate::validation::integral::exact_i64)
            }),
            code: ident("code").and_then(|v| v.as_str().map(str::to_owned)),
            project_id: None,
            rows: raw.rows.clone(),
            errors: None,
        };
        let conflict = raw
            .value
            .get(CONFLICT_FIELD)
            .and_then(Value::as_str)
            .map(str::to_owned);
        let outcome = match serde_json::from_value::<ImportProject>(raw.value) {
            _ if batch::must_stop() => Err(ItemError::NotProcessed(batch::skipped())),
            _ if conflict.is_some() => {
                let mut errors = FieldErrors::new();
                errors.insert("rows".into(), vec![conflict.unwrap_or_default()]);
                Err(errors.into())
            }
            Ok(item) => conn
                .transaction(|conn| import_one(conn, caller, &mut cache, &item))
                .map_err(|e| batch::classify(e, problems_of)),
            Err(e) => {
                let text = e.to_string();
                let message = text.split(" at line ").next().unwrap_or(&text).to_owned();
                let field = ["unknown field `", "missing field `"]
                    .iter()
                    .find_map(|m| message.split(m).nth(1).and_then(|r| r.split('`').next()))
                    .map_or("item", |f| f)
                    .to_owned();
                let mut errors = FieldErrors::new();
                errors.insert(field, vec![message]);
                Err(errors.into())
            }
        };
        match outcome {
            Ok((status, id)) => {
                result.status = status;
                result.project_id = Some(id);
                match status {
                    ImportStatus::Created => summary.created += 1,
                    ImportStatus::Updated => summary.updated += 1,
                    ImportStatus::Unchanged => summary.unchanged += 1,
                    ImportStatus::Rejected => summary.rejected += 1,
                    ImportStatus::NotProcessed => summary.not_processed += 1,
                }
            }
            Err(ItemError::Refused(errors)) => {
                summary.rejected += 1;
                result.errors = Some(errors);
            }
            Err(ItemError::NotProcessed(errors)) => {
                summary.not_processed += 1;
                result.status = ImportStatus::NotProcessed;
                result.errors = Some(errors);
            }
        }
        results.push(result);
    }
    if summary.not_processed == summary.received && summary.received > 0 && batch::must_stop() {
        // Nothing was handled: a plain 503 says so best, and the retry is the same request.
        return Err(AppError::database_unavailable());
    }
    Ok(ImportReport {
        summary,
        items: results,
    })
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
                   project code (department by code) in its own transaction and reported by index as \
                   `created`, `updated`, `unchanged` or `rejected` with its reasons; the other items \
                   are written regardless. `not_processed` means the service could not handle the \
                   item (its database became unreachable, or it failed): resend it, the upsert \
                   makes that safe. When the database goes away in the middle of an import, the \
                   items handled so far keep their results and every later item is \
                   `not_processed`; when it is away before the first item, the answer is 503 with \
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
        parse_json(&body)?
    } else if content_type.starts_with("text/csv") {
        parse_csv(&body)?
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
                |conn| run_import(conn, &caller, items),
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
