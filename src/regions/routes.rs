use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, web};
use diesel::Connection;

use crate::AppState;
use crate::audit::{self, AuditEntry};
use crate::auth::scope::not_found;
use crate::auth::{Action, Caller, Place};
use crate::domain::regions::{check_new_region, child_path};
use crate::error::AppError;
use crate::http::etag::{IfMatch, stale};
use crate::http::respond::{created, ok_with_etag};
use crate::listing::Listing;
use crate::pagination::{self, After, Page};
use crate::regions::dto::{NewRegion, Region, RegionChanges, RegionOrder, RegionQuery};
use crate::regions::store::{self, NewRegionRow, RegionFilter, RegionSort};
use crate::validation::validate;

/// List regions in the caller's scope.
#[utoipa::path(
    tag = "regions",
    operation_id = "list_regions",
    summary = "List regions",
    description = "Regions the caller may see: everything for an admin, the region's subtree for a \
                   finance officer or auditor, the department's own region for a department officer. \
                   Roles: admin, finance_officer, auditor, department_officer.",
    params(RegionQuery),
    responses((status = 200, description = "A page of regions", body = Page<Region>)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/regions")]
pub async fn list_regions(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<RegionQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::Read)?;
    let query = query.into_inner();
    let sort = pagination::sort(
        query.sort.map(RegionOrder::as_str),
        &[("code", RegionSort::Code), ("name", RegionSort::Name)],
        RegionSort::Code,
    )?;
    let listing = Listing::of(&req, query.limit, query.cursor.as_deref(), &sort.label)?;
    let scope = caller.list_scope();
    let (field, descending) = (sort.field, sort.descending);
    listing
        .respond_json(
            &state.db,
            move |conn, after, limit| {
                let mut filter = RegionFilter {
                    level: query.level.map(|l| l.as_str()),
                    q: query.q.clone().filter(|q| !q.trim().is_empty()),
                    ..RegionFilter::default()
                };
                // An unknown parent or subtree code simply matches nothing.
                if let Some(code) = &query.parent {
                    match store::find_by_code(conn, code)? {
                        Some(parent) => filter.parent_id = Some(parent.id),
                        None => return Ok(Vec::new()),
                    }
                }
                if let Some(code) = &query.region {
                    match store::find_by_code(conn, code)? {
                        Some(root) => filter.region_path = Some(root.path),
                        None => return Ok(Vec::new()),
                    }
                }
                let after = after.map(|(key, id)| After { key, id });
                let rows = store::list(conn, &scope, &filter, field, descending, after, limit)?;
                Ok(rows.into_iter().map(Region::from).collect())
            },
            move |r: &Region| {
                let key = match field {
                    RegionSort::Code => r.code.clone(),
                    RegionSort::Name => r.name.clone(),
                };
                (key, r.id)
            },
        )
        .await
}

/// Read one region by its code.
#[utoipa::path(
    tag = "regions",
    operation_id = "get_region",
    summary = "Get a region",
    description = "Roles: admin, finance_officer, auditor, department_officer (within scope; a region \
                   outside it answers 404).",
    params(("code" = String, Path, description = "GB/T 2260 region code", example = "370100")),
    responses((status = 200, description = "The region", body = Region,
               headers(("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/regions/{code}")]
pub async fn get_region(
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let code = code.into_inner();
    let row = state
        .db
        .run(move |conn| store::find_by_code(conn, &code))
        .await?
        .ok_or_else(not_found)?;
    caller.authorize(Action::Read, &Place::region(&row.path))?;
    let version = row.version;
    Ok(ok_with_etag(&Region::from(row), version))
}

/// Create a region under its parent.
#[utoipa::path(
    tag = "regions",
    operation_id = "create_region",
    summary = "Create a region",
    description = "A province has no parent; a city goes under a province and a county under a city, \
                   with a code that fits (GB/T 2260). Roles: admin.",
    request_body = NewRegion,
    responses((status = 201, description = "Created", body = Region,
               headers(("Location" = String, description = "URL of the new region"),
                       ("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-roles" = json!(["admin"])))
)]
#[post("/regions")]
pub async fn create_region(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<NewRegion>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::ManageRegions)?;
    let new = body.into_inner();
    validate(&new)?;
    let row = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let parent = match &new.parent_code {
                    Some(code) => Some(store::find_by_code(conn, code)?.ok_or_else(|| {
                        AppError::invalid_field("parent_code", "no region has this code")
                    })?),
                    None => None,
                };
                let parent_info = parent.as_ref().and_then(|p| {
                    crate::domain::regions::RegionLevel::parse(&p.level)
                        .map(|l| (p.code.as_str(), l))
                });
                check_new_region(&new.code, new.level, parent_info)
                    .map_err(|(field, msg)| AppError::invalid_field(field, msg))?;
                if store::find_by_code(conn, &new.code)?.is_some() {
                    return Err(AppError::Conflict(format!(
                        "A region with code {} already exists.",
                        new.code
                    )));
                }
                let path = child_path(parent.as_ref().map(|p| p.path.as_str()), &new.code);
                let row = store::insert(
                    conn,
                    NewRegionRow {
                        code: &new.code,
                        name: &new.name,
                        level: new.level.as_str(),
                        parent_id: parent.as_ref().map(|p| p.id),
                        path: &path,
                    },
                )?;
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "region.created", "region")
                        .object(row.id, Some(&row.path))
                        .change(None::<&Region>, Some(&Region::from(row.clone()))),
                )?;
                Ok(row)
            })
        })
        .await?;
    let location = format!("/api/v1/regions/{}", row.code);
    let version = row.version;
    Ok(created(&Region::from(row), &location, version))
}

/// Rename a region.
#[utoipa::path(
    tag = "regions",
    operation_id = "update_region",
    summary = "Update a region",
    description = "Only the name can change. Send `If-Match` with the ETag you read. Roles: admin.",
    params(
        ("code" = String, Path, description = "GB/T 2260 region code", example = "370100"),
        ("If-Match" = String, Header, description = "ETag of the version being changed"),
    ),
    request_body = RegionChanges,
    responses((status = 200, description = "Updated", body = Region,
               headers(("ETag" = String, description = "New version")))),
    extensions(("x-roles" = json!(["admin"])))
)]
#[patch("/regions/{code}")]
pub async fn update_region(
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
    if_match: IfMatch,
    body: web::Json<RegionChanges>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::ManageRegions)?;
    let changes = body.into_inner();
    validate(&changes)?;
    let code = code.into_inner();
    let row = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let current = store::find_by_code(conn, &code)?.ok_or_else(not_found)?;
                caller.authorize(Action::ManageRegions, &Place::region(&current.path))?;
                let row = store::rename(conn, current.id, if_match.0, changes.name.as_deref())?
                    .ok_or_else(stale)?;
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "region.updated", "region")
                        .object(row.id, Some(&row.path))
                        .change(
                            Some(&Region::from(current.clone())),
                            Some(&Region::from(row.clone())),
                        ),
                )?;
                Ok(row)
            })
        })
        .await?;
    let version = row.version;
    Ok(ok_with_etag(&Region::from(row), version))
}

/// Delete a region nothing refers to.
#[utoipa::path(
    tag = "regions",
    operation_id = "delete_region",
    summary = "Delete a region",
    description = "Only while no region, department or user refers to it (409 otherwise). Roles: admin.",
    params(("code" = String, Path, description = "GB/T 2260 region code", example = "370100")),
    responses((status = 204, description = "Deleted")),
    extensions(("x-roles" = json!(["admin"])))
)]
#[delete("/regions/{code}")]
pub async fn delete_region(
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::ManageRegions)?;
    let code = code.into_inner();
    state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let row = store::find_by_code(conn, &code)?.ok_or_else(not_found)?;
                caller.authorize(Action::ManageRegions, &Place::region(&row.path))?;
                store::delete(conn, row.id).map_err(|e| match e {
                    AppError::Conflict(_) => AppError::Conflict(format!(
                        "Region {} still has regions, departments or users under it.",
                        row.code
                    )),
                    other => other,
                })?;
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "region.deleted", "region")
                        .object(row.id, Some(&row.path))
                        .change(Some(&Region::from(row.clone())), None::<&Region>),
                )
            })
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
