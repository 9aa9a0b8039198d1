use actix_web::{HttpRequest, HttpResponse, get, post, web};
use chrono::Datelike;
use diesel::Connection;
use diesel::pg::PgConnection;
use uuid::Uuid;

use crate::AppState;
use crate::audit::{self, AuditEntry};
use crate::auth::scope::not_found;
use crate::auth::{Action, Caller, Place};
use crate::error::{AppError, FieldErrors};
use crate::http::respond::{created, ok_with_etag};
use crate::listing::{Listing, RegionFilter};
use crate::pagination::Page;
use crate::regions::store as regions;
use crate::reports::service;
use crate::rounds::dto::{NewRound, OpenResult, Round, RoundQuery, RoundStatus};
use crate::rounds::store::{self, NewRoundRow, RoundFilter, RoundRow};

/// A round the caller may read: its region is in or above the caller's scope.
fn readable(conn: &mut PgConnection, caller: &Caller, id: Uuid) -> Result<RoundRow, AppError> {
    caller.require(Action::Read)?;
    let round = store::find(conn, id)?.ok_or_else(not_found)?;
    if !caller.covered_by(&round.region_path) {
        return Err(not_found());
    }
    Ok(round)
}

/// A round the caller may run: its region is within the caller's own subtree.
fn managed(conn: &mut PgConnection, caller: &Caller, id: Uuid) -> Result<RoundRow, AppError> {
    caller.require(Action::ManageRounds)?;
    let round = store::find_for_update(conn, id)?.ok_or_else(not_found)?;
    if !caller.covered_by(&round.region_path) {
        return Err(not_found());
    }
    if !caller.sees(&Place::region(&round.region_path)) {
        return Err(AppError::Forbidden(
            "The round belongs to a region above yours; its finance department runs it.".to_owned(),
        ));
    }
    Ok(round)
}

/// List rounds.
#[utoipa::path(
    tag = "rounds",
    operation_id = "list_rounds",
    summary = "List rounds",
    description = "Rounds of the caller's subtree and of the regions above it (a provincial round \
                   covers a city's projects), newest first. Roles: admin, finance_officer, auditor, \
                   department_officer.",
    params(RoundQuery),
    responses((status = 200, description = "A page of rounds", body = Page<Round>)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/rounds")]
pub async fn list_rounds(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<RoundQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::Read)?;
    let query = query.into_inner();
    let listing = Listing::of(&req, query.limit, query.cursor.as_deref(), "-created")?;
    let fiscal_year = crate::validation::fiscal_year_filter(query.fiscal_year)?;
    let scope = caller.list_scope();
    listing
        .respond_json(
            &state.db,
            move |conn, after, limit| {
                let Some(region_path) =
                    RegionFilter::resolve(conn, query.region.as_deref())?.path()
                else {
                    return Ok(Vec::new());
                };
                let filter = RoundFilter {
                    fiscal_year,
                    status: query.status.map(|s| match s {
                        RoundStatus::Planned => "planned".to_owned(),
                        RoundStatus::Open => "open".to_owned(),
                        RoundStatus::Closed => "closed".to_owned(),
                    }),
                    region_path,
                    level: query.level.map(crate::domain::regions::RegionLevel::as_str),
                };
                let after = after.map(|(_, id)| id);
                let rows = store::list(conn, &scope, &filter, after, limit)?;
                Ok(rows.into_iter().map(Round::from).collect())
            },
            |r: &Round| (String::new(), r.id),
        )
        .await
}

/// Create a round.
#[utoipa::path(
    tag = "rounds",
    operation_id = "create_round",
    summary = "Create a round",
    description = "For a region of the caller's subtree: a provincial round covers the whole \
                   province, a city's its city and counties. The cut-off falls in the fiscal year \
                   and the due date is not before the open date. Roles: admin, finance_officer.",
    request_body = NewRound,
    responses((status = 201, description = "Created", body = Round,
               headers(("Location" = String, description = "URL of the new round")))),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[post("/rounds")]
pub async fn create_round(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<NewRound>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::ManageRounds)?;
    let new = body.into_inner();
    let mut errors = FieldErrors::new();
    let mut bad = |f: &str, m: &str| errors.entry(f.to_owned()).or_default().push(m.to_owned());
    let name_len = new.name.trim().chars().count();
    if name_len == 0 || name_len > 200 {
        bad("name", "must be 1 to 200 characters");
    }
    if !crate::validation::FISCAL_YEARS.contains(&new.fiscal_year) {
        bad("fiscal_year", "must be from 2000 to 2100");
    }
    if new.cutoff_date.year() != i32::from(new.fiscal_year) {
        bad("cutoff_date", "must fall in the fiscal year");
    }
    if new.due_date < new.open_date {
        bad("due_date", "must not be before open_date");
    }
    if !(0..=60).contains(&new.warning_days) {
        bad("warning_days", "must be from 0 to 60");
    }
    if !errors.is_empty() {
        return Err(AppError::validation(
            "The round has invalid fields.",
            errors,
        ));
    }
    let row = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let region = regions::find_by_code(conn, &new.region_code)?
                    .filter(|r| caller.sees(&Place::region(&r.path)))
                    .ok_or_else(|| {
                        AppError::invalid_field(
                            "region_code",
                            "no region in your scope has this code",
                        )
                    })?;
                let row = store::insert(
                    conn,
                    NewRoundRow {
                        region_id: region.id,
                        region_path: &region.path,
                        fiscal_year: new.fiscal_year,
                        name: &new.name,
                        cutoff_date: new.cutoff_date,
                        open_date: new.open_date,
                        due_date: new.due_date,
                        warning_days: new.warning_days,
                    },
                )?;
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "round.created", "round")
                        .object(row.id, Some(&row.region_path))
                        .change(None::<&Round>, Some(&Round::from(row.clone()))),
                )?;
                Ok(row)
            })
        })
        .await?;
    let location = format!("/api/v1/rounds/{}", row.id);
    let version = row.version;
    Ok(created(&Round::from(row), &location, version))
}

/// Read a round.
#[utoipa::path(
    tag = "rounds",
    operation_id = "get_round",
    summary = "Get a round",
    description = "Roles: admin, finance_officer, auditor, department_officer (rounds in or above \
                   their scope).",
    params(("id" = Uuid, Path, description = "Round id")),
    responses((status = 200, description = "The round", body = Round)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/rounds/{id}")]
pub async fn get_round(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let row = state
        .db
        .run(move |conn| readable(conn, &caller, id))
        .await?;
    let version = row.version;
    Ok(ok_with_etag(&Round::from(row), version))
}

/// Open a round, creating its reports.
#[utoipa::path(
    tag = "rounds",
    operation_id = "open_round",
    summary = "Open a round",
    description = "Creates a pre-filled report for every active, non-classified project of the \
                   round's year in its subtree that is ready for monitoring, and a department \
                   report per department with reports. Projects not ready are listed with the \
                   reasons. Opening again adds only what is missing. A closed round answers 409. \
                   Roles: admin, finance_officer (of the round's region or above).",
    params(("id" = Uuid, Path, description = "Round id")),
    responses((status = 200, description = "Opened", body = OpenResult)),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[post("/rounds/{id}/open")]
pub async fn open_round(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<OpenResult>, AppError> {
    caller.require(Action::ManageRounds)?;
    let id = id.into_inner();
    let result = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let round = managed(conn, &caller, id)?;
                if round.status == "closed" {
                    return Err(AppError::Conflict("The round is closed.".to_owned()));
                }
                let round = if round.status == "planned" {
                    let opened = store::set_status(conn, id, "open")?;
                    audit::record(
                        conn,
                        AuditEntry::by(&caller, "round.opened", "round")
                            .object(id, Some(&round.region_path))
                            .change(
                                Some(&Round::from(round.clone())),
                                Some(&Round::from(opened.clone())),
                            ),
                    )?;
                    opened
                } else {
                    round
                };
                let (created, existing, not_ready) =
                    service::create_for_round(conn, &caller, &round)?;
                Ok(OpenResult {
                    round: Round::from(round),
                    created,
                    existing,
                    not_ready,
                })
            })
        })
        .await?;
    Ok(web::Json(result))
}

/// Close a round.
#[utoipa::path(
    tag = "rounds",
    operation_id = "close_round",
    summary = "Close a round",
    description = "Freezes the round: its reports become read-only. Only an open round can be \
                   closed (409 otherwise). Roles: admin, finance_officer (of the round's region or \
                   above).",
    params(("id" = Uuid, Path, description = "Round id")),
    responses((status = 200, description = "Closed", body = Round)),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[post("/rounds/{id}/close")]
pub async fn close_round(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<Round>, AppError> {
    caller.require(Action::ManageRounds)?;
    let id = id.into_inner();
    let row = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let round = managed(conn, &caller, id)?;
                if round.status != "open" {
                    return Err(AppError::Conflict(format!(
                        "A {} round cannot be closed.",
                        round.status
                    )));
                }
                let closed = store::set_status(conn, id, "closed")?;
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "round.closed", "round")
                        .object(id, Some(&round.region_path))
                        .change(
                            Some(&Round::from(round)),
                            Some(&Round::from(closed.clone())),
                        ),
                )?;
                Ok(closed)
            })
        })
        .await?;
    Ok(web::Json(Round::from(row)))
}
