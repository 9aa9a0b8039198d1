//! Fund adjustments: each books the budget ledger of the project(s) in the same transaction.

use actix_web::{HttpRequest, HttpResponse, get, post, web};
use bigdecimal::BigDecimal;
use chrono::{DateTime, Utc};
use diesel::Connection;
use diesel::pg::PgConnection;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::AppState;
use crate::audit::{self, AuditEntry};
use crate::auth::{Action, Caller};
use crate::domain::adjustments::{AdjustmentKind, check_budget_floor};
use crate::domain::money::serde_money_opt;
use crate::domain::projects::is_function_class;
use crate::error::{AppError, FieldErrors};
use crate::execution::store as execution;
use crate::export::{Cell, Column, ExportFormat, Kind, XlsxFile};
use crate::http::respond::created;
use crate::keymon::store::{self, AdjustmentRow, Home, NewAdjustmentRow};
use crate::listing::{Export, Listing, RegionFilter};
use crate::pagination::Page;
use crate::projects::service::visible_ids;
use crate::projects::store::{self as projects, LedgerEntryNew};

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = adjustment_example)]
pub struct Adjustment {
    pub id: Uuid,
    pub project_id: Uuid,
    pub kind: AdjustmentKind,
    /// Yuan; null for suspend and stop.
    #[serde(with = "serde_money_opt")]
    #[schema(value_type = Option<String>, pattern = r"^[0-9]{1,16}(\.[0-9]{1,2})?$")]
    pub amount: Option<BigDecimal>,
    /// The decision document (文号).
    pub document_number: String,
    pub finding_id: Option<Uuid>,
    pub report_id: Option<Uuid>,
    /// The project receiving a reallocation; null also when the caller may not see it.
    pub destination_project_id: Option<Uuid>,
    pub destination_text: Option<String>,
    pub destination_function_class: Option<String>,
    /// The adjustment this one reverses.
    pub reverses_id: Option<Uuid>,
    pub note: String,
    pub created_by_name: String,
    pub created_at: DateTime<Utc>,
}

pub(crate) fn adjustment_example() -> serde_json::Value {
    serde_json::json!({
        "id": "0193a0c4-7f43-7000-8000-000000000096",
        "project_id": "0193a0c4-7f43-7000-8000-0000000000e1", "kind": "reduce",
        "amount": "25000000.00", "document_number": "济财绩〔2021〕12号",
        "finding_id": "0193a0c4-7f43-7000-8000-0000000000f1", "report_id": null,
        "destination_project_id": null, "destination_text": null,
        "destination_function_class": null, "reverses_id": null,
        "note": "Idle funds of the two delayed bases", "created_by_name": "sd.finance",
        "created_at": "2021-10-20T06:30:00Z"
    })
}

/// Adjustments as `caller` may read them: a destination project the caller may not see is not
/// named (`destination_project_id` null), so a reallocation into a secret-related project does
/// not reveal it.
pub fn adjustment_dtos(
    conn: &mut PgConnection,
    caller: &Caller,
    rows: Vec<AdjustmentRow>,
) -> Result<Vec<Adjustment>, AppError> {
    let destinations: Vec<Uuid> = rows
        .iter()
        .filter_map(|r| r.destination_project_id)
        .collect();
    let visible = visible_ids(conn, caller, &destinations)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let mut dto = adjustment_dto(r);
            if dto
                .destination_project_id
                .is_some_and(|d| !visible.contains(&d))
            {
                dto.destination_project_id = None;
            }
            dto
        })
        .collect())
}

pub fn adjustment_dto(r: AdjustmentRow) -> Adjustment {
    Adjustment {
        id: r.id,
        project_id: r.project_id,
        kind: AdjustmentKind::parse(&r.kind).unwrap_or(AdjustmentKind::Reduce),
        amount: r.amount,
        document_number: r.document_number,
        finding_id: r.finding_id,
        report_id: r.report_id,
        destination_project_id: r.destination_project_id,
        destination_text: r.destination_text,
        destination_function_class: r.destination_function_class,
        reverses_id: r.reverses_id,
        note: r.note,
        created_by_name: r.created_by_name,
        created_at: r.created_at,
    }
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "project_id": "0193a0c4-7f43-7000-8000-0000000000e1", "kind": "reduce", "amount": "25000000.00",
    "document_number": "济财绩〔2021〕12号", "finding_id": "0193a0c4-7f43-7000-8000-0000000000f1"
}))]
pub struct NewAdjustment {
    pub project_id: Uuid,
    pub kind: AdjustmentKind,
    /// Required except for suspend and stop (which must not have one).
    #[serde(default, with = "serde_money_opt")]
    #[schema(value_type = Option<String>, pattern = r"^[0-9]{1,16}(\.[0-9]{1,2})?$")]
    pub amount: Option<BigDecimal>,
    #[schema(min_length = 1, pattern = "\\S")]
    pub document_number: String,
    /// The finding this follows from (of the same project).
    pub finding_id: Option<Uuid>,
    /// The monitoring report this follows from (of the same project).
    pub report_id: Option<Uuid>,
    /// For `reallocate`: the project receiving the money…
    pub destination_project_id: Option<Uuid>,
    /// …or a described destination, such as people's-livelihood spending…
    pub destination_text: Option<String>,
    /// …with its function class.
    pub destination_function_class: Option<String>,
    /// Reverse this earlier adjustment of the same project and kind (once).
    pub reverses_id: Option<Uuid>,
    #[serde(default)]
    pub note: String,
}

fn push(errors: &mut FieldErrors, field: &str, msg: impl Into<String>) {
    errors.entry(field.to_owned()).or_default().push(msg.into());
}

fn ledger_kind(kind: AdjustmentKind) -> &'static str {
    match kind {
        AdjustmentKind::Reduce => "reduce",
        AdjustmentKind::Recover => "recover",
        AdjustmentKind::Reallocate => "reallocate_out",
        AdjustmentKind::Increase => "increase",
        AdjustmentKind::Suspend | AdjustmentKind::Stop => "reversal",
    }
}

/// Validates and books an adjustment for `caller` (also used by the demo data set).
pub fn create(
    conn: &mut PgConnection,
    caller: &Caller,
    new: &NewAdjustment,
) -> Result<Adjustment, AppError> {
    let mut errors = FieldErrors::new();
    if new.document_number.trim().is_empty() {
        push(&mut errors, "document_number", "must not be blank");
    }
    match (new.kind.has_amount(), &new.amount) {
        (true, None) => push(
            &mut errors,
            "amount",
            format!("is required for {}", new.kind.as_str()),
        ),
        (false, Some(_)) => push(
            &mut errors,
            "amount",
            format!("must be absent for {}", new.kind.as_str()),
        ),
        (true, Some(a)) if *a <= 0 => push(&mut errors, "amount", "must be greater than zero"),
        _ => {}
    }
    let is_reallocation = new.kind == AdjustmentKind::Reallocate && new.reverses_id.is_none();
    if is_reallocation {
        match (&new.destination_project_id, &new.destination_text) {
            (None, None) => push(
                &mut errors,
                "destination_project_id",
                "a reallocation needs a destination project or a described destination",
            ),
            (Some(_), Some(_)) => push(
                &mut errors,
                "destination_text",
                "give a destination project or a described destination, not both",
            ),
            (None, Some(text)) => {
                if text.trim().is_empty() {
                    push(&mut errors, "destination_text", "must not be blank");
                }
                if !new
                    .destination_function_class
                    .as_deref()
                    .is_some_and(is_function_class)
                {
                    push(
                        &mut errors,
                        "destination_function_class",
                        "a described destination needs its function class (3, 5 or 7 digits)",
                    );
                }
            }
            (Some(_), None) => {}
        }
    } else if new.destination_project_id.is_some() || new.destination_text.is_some() {
        push(
            &mut errors,
            "destination_project_id",
            "only a reallocation has a destination",
        );
    }
    if !errors.is_empty() {
        return Err(AppError::validation(
            "The adjustment has invalid fields.",
            errors,
        ));
    }

    let project = projects::find_for_update(conn, new.project_id)?
        .filter(|p| caller.sees(&p.place()))
        .ok_or_else(|| {
            AppError::invalid_field("project_id", "no project in your scope has this id")
        })?;
    if let Some(fid) = new.finding_id {
        store::find_finding(conn, fid)?
            .filter(|f| f.project_id == project.row.id)
            .ok_or_else(|| {
                AppError::invalid_field("finding_id", "no finding of this project has this id")
            })?;
    }
    if let Some(rid) = new.report_id {
        crate::reports::store::find(conn, rid)?
            .filter(|r| r.project_id == project.row.id)
            .ok_or_else(|| {
                AppError::invalid_field("report_id", "no report of this project has this id")
            })?;
    }
    // A reversal repeats the original's kind, amount and destination, in the other direction.
    let original = match new.reverses_id {
        Some(oid) => {
            let original = store::find_adjustment(conn, oid)?
                .filter(|o| o.project_id == project.row.id && o.kind == new.kind.as_str())
                .ok_or_else(|| {
                    AppError::invalid_field(
                        "reverses_id",
                        "no adjustment of this project and kind has this id",
                    )
                })?;
            if original.reverses_id.is_some() {
                return Err(AppError::invalid_field(
                    "reverses_id",
                    "a reversal cannot itself be reversed",
                ));
            }
            if store::is_reversed(conn, oid)? {
                return Err(AppError::Conflict(
                    "That adjustment has already been reversed.".to_owned(),
                ));
            }
            if new.amount != original.amount {
                return Err(AppError::invalid_field(
                    "amount",
                    "a reversal takes the amount of the adjustment it reverses",
                ));
            }
            Some(original)
        }
        None => None,
    };
    let destination = match original
        .as_ref()
        .map_or(new.destination_project_id, |o| o.destination_project_id)
    {
        Some(did) => {
            if did == project.row.id {
                return Err(AppError::invalid_field(
                    "destination_project_id",
                    "must be another project",
                ));
            }
            let d = projects::find_for_update(conn, did)?
                .filter(|d| caller.sees(&d.place()))
                .ok_or_else(|| {
                    AppError::invalid_field(
                        "destination_project_id",
                        "no project in your scope has this id",
                    )
                })?;
            if d.row.status == "stopped" && original.is_none() {
                return Err(AppError::invalid_field(
                    "destination_project_id",
                    "the destination project is stopped",
                ));
            }
            Some(d)
        }
        None => None,
    };

    let reversing = original.is_some();
    let change = new.amount.as_ref().map(|a| {
        let change = new.kind.budget_change(a);
        if reversing { -change } else { change }
    });
    if let Some(change) = &change {
        if *change < 0 {
            let executed = execution::executed_total(conn, project.row.id)?;
            check_budget_floor(&project.row.adjusted_budget, change, &executed)
                .map_err(|m| AppError::invalid_field("amount", m))?;
        }
        if let (Some(d), true) = (&destination, reversing) {
            let executed = execution::executed_total(conn, d.row.id)?;
            check_budget_floor(&d.row.adjusted_budget, &-change.clone(), &executed).map_err(
                |m| AppError::invalid_field("amount", format!("the destination project {m}")),
            )?;
        }
    }
    let row = store::insert_adjustment(
        conn,
        NewAdjustmentRow {
            home: Home {
                project_id: project.row.id,
                region_id: project.row.region_id,
                region_path: &project.row.region_path,
                department_path: &project.row.department_path,
            },
            kind: new.kind.as_str(),
            amount: new.amount.as_ref(),
            document_number: &new.document_number,
            finding_id: new.finding_id,
            report_id: new.report_id,
            destination_project_id: destination.as_ref().map(|d| d.row.id),
            destination_text: original
                .as_ref()
                .map_or(new.destination_text.as_deref(), |o| {
                    o.destination_text.as_deref()
                }),
            destination_function_class: original
                .as_ref()
                .map_or(new.destination_function_class.as_deref(), |o| {
                    o.destination_function_class.as_deref()
                }),
            reverses_id: new.reverses_id,
            note: &new.note,
            by: (caller.user_id, &caller.username),
        },
    )?;
    let reference = format!("adjustment {} ({})", row.id, row.document_number);
    if let Some(change) = &change {
        projects::append_ledger(
            conn,
            LedgerEntryNew {
                project_id: project.row.id,
                kind: if reversing {
                    "reversal"
                } else {
                    ledger_kind(new.kind)
                },
                amount: change,
                reason: &format!(
                    "{}{}",
                    if reversing { "reversal of " } else { "" },
                    new.kind.as_str()
                ),
                reference: &reference,
                adjustment_id: Some(row.id),
                counterpart_project_id: destination.as_ref().map(|d| d.row.id),
                actor_id: Some(caller.user_id),
                actor_name: Some(&caller.username),
            },
        )?;
        if let Some(d) = &destination {
            projects::append_ledger(
                conn,
                LedgerEntryNew {
                    project_id: d.row.id,
                    kind: if reversing {
                        "reversal"
                    } else {
                        "reallocate_in"
                    },
                    amount: &-change.clone(),
                    reason: &format!("reallocated from project {}", project.row.code),
                    reference: &reference,
                    adjustment_id: Some(row.id),
                    counterpart_project_id: Some(project.row.id),
                    actor_id: Some(caller.user_id),
                    actor_name: Some(&caller.username),
                },
            )?;
        }
    }
    let status = match (new.kind, reversing) {
        (AdjustmentKind::Suspend, false) => Some("suspended"),
        (AdjustmentKind::Stop, false) => Some("stopped"),
        (AdjustmentKind::Suspend | AdjustmentKind::Stop, true) => Some("active"),
        _ => None,
    };
    if let Some(status) = status {
        projects::set_status(conn, project.row.id, status)?;
    }
    let dto = adjustment_dto(row);
    audit::record(
        conn,
        AuditEntry::by(caller, "adjustment.created", "adjustment")
            .object(dto.id, Some(&project.row.region_path))
            .project(project.row.id)
            .related_project(destination.as_ref().map(|d| d.row.id))
            .change(None::<&Adjustment>, Some(&dto))
            .details(serde_json::json!({"project_status": status})),
    )?;
    let mut touched = vec![project.row.id];
    touched.extend(destination.map(|d| d.row.id));
    crate::reports::service::refresh_for_projects(conn, &touched)?;
    Ok(dto)
}

/// Record a fund adjustment.
#[utoipa::path(
    tag = "key-monitoring",
    operation_id = "create_adjustment",
    summary = "Adjust a project's funds",
    description = "`reduce` and `recover` lower the adjusted budget, never below what is already \
                   executed (422 with both figures); `reallocate` moves money to another project \
                   (whose budget rises by the same amount) or a described destination; `increase` \
                   adds money; `suspend` and `stop` change the project's status (a stopped project \
                   takes no spending records). Every change is a ledger entry written in the same \
                   transaction. Adjustments are never edited: `reverses_id` records a compensating \
                   adjustment of the same kind and amount. Roles: admin, finance_officer.",
    request_body = NewAdjustment,
    responses((status = 201, description = "Recorded", body = Adjustment)),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[post("/adjustments")]
pub async fn create_adjustment(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<NewAdjustment>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::KeyMonitoring)?;
    let new = body.into_inner();
    let dto = state
        .db
        .run(move |conn| conn.transaction(|conn| create(conn, &caller, &new)))
        .await?;
    let location = format!("/api/v1/adjustments/{}", dto.id);
    Ok(created(&dto, &location, 1))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AdjustmentQuery {
    /// Adjustments of this project, or moving money to it.
    pub project: Option<Uuid>,
    pub kind: Option<AdjustmentKind>,
    /// Only adjustments of projects in the region with this code and below it.
    pub region: Option<String>,
    /// Only adjustments of this department's projects.
    pub department: Option<Uuid>,
    /// Page size, 1 to 500 (default 50); exports ignore it.
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page; exports ignore it.
    pub cursor: Option<String>,
    /// `csv` or `xlsx`: every matching adjustment as a file, in the list's order;
    /// `Accept: text/csv` also gives CSV. `json` (default): a page.
    #[param(value_type = Option<ExportFormat>)]
    pub format: Option<String>,
}

const ADJUSTMENT_COLUMNS: &[Column] = &[
    Column::new("id", Kind::Text),
    Column::new("project_id", Kind::Text),
    Column::new("kind", Kind::Text),
    Column::new("amount", Kind::Money),
    Column::new("document_number", Kind::Text),
    Column::new("finding_id", Kind::Text),
    Column::new("report_id", Kind::Text),
    Column::new("destination_project_id", Kind::Text),
    Column::new("destination_text", Kind::Text),
    Column::new("destination_function_class", Kind::Text),
    Column::new("reverses_id", Kind::Text),
    Column::new("note", Kind::Text),
    Column::new("created_by_name", Kind::Text),
    Column::new("created_at", Kind::DateTime),
];

fn adjustment_cells(a: &Adjustment) -> Vec<Cell> {
    vec![
        a.id.into(),
        a.project_id.into(),
        a.kind.as_str().into(),
        Cell::opt(a.amount.as_ref(), Cell::money),
        (&a.document_number).into(),
        a.finding_id.into(),
        a.report_id.into(),
        a.destination_project_id.into(),
        a.destination_text.as_ref().into(),
        a.destination_function_class.as_ref().into(),
        a.reverses_id.into(),
        (&a.note).into(),
        (&a.created_by_name).into(),
        a.created_at.into(),
    ]
}

/// List fund adjustments.
#[utoipa::path(
    tag = "key-monitoring",
    operation_id = "list_adjustments",
    summary = "List fund adjustments",
    description = "Within the caller's scope, oldest first. `format=csv` (or `Accept: text/csv`) and \
                   `format=xlsx` give every matching adjustment as a file. Roles: admin, \
                   finance_officer, auditor, department_officer.",
    params(AdjustmentQuery),
    responses((status = 200, description = "A page of adjustments, or all of them as a file", content(
        (Page<Adjustment> = "application/json"),
        (String = "text/csv"),
        (XlsxFile = crate::export::XLSX_MEDIA_TYPE),
    ))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/adjustments")]
pub async fn list_adjustments(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<AdjustmentQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::Read)?;
    let q = query.into_inner();
    let listing = Listing::of(&req, q.limit, q.cursor.as_deref(), "created")?;
    let scope = caller.list_scope();
    let export = Export {
        filename: "adjustments".to_owned(),
        columns: ADJUSTMENT_COLUMNS,
        cells: adjustment_cells,
    };
    listing
        .respond(
            &state.db,
            Some(export),
            move |conn, after, limit| {
                let Some(region_path) = RegionFilter::resolve(conn, q.region.as_deref())?.path()
                else {
                    return Ok(Vec::new());
                };
                let filter = store::AdjustmentFilter {
                    project_id: q.project,
                    kind: q.kind.map(|k| k.as_str().to_owned()),
                    region_path,
                    department_id: q.department,
                };
                let after = after.map(|(_, id)| id);
                let rows = store::list_adjustments(conn, &scope, &filter, after, limit)?;
                adjustment_dtos(conn, &caller, rows)
            },
            |a: &Adjustment| (String::new(), a.id),
        )
        .await
}

/// Read a fund adjustment.
#[utoipa::path(
    tag = "key-monitoring",
    operation_id = "get_adjustment",
    summary = "Get a fund adjustment",
    description = "Roles: admin, finance_officer, auditor, department_officer (within scope).",
    params(("id" = Uuid, Path, description = "Adjustment id")),
    responses((status = 200, description = "The adjustment", body = Adjustment)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/adjustments/{id}")]
pub async fn get_adjustment(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<Adjustment>, AppError> {
    caller.require(Action::Read)?;
    let id = id.into_inner();
    let dto = state
        .db
        .run(move |conn| {
            let found = store::find_adjustment(conn, id)?;
            let row = crate::keymon::authorized(conn, &caller, Action::Read, found)?;
            Ok(adjustment_dtos(conn, &caller, vec![row])?.remove(0))
        })
        .await?;
    Ok(web::Json(dto))
}
