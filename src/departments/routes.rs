use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, web};
use diesel::Connection;
use serde_json::json;
use uuid::Uuid;

use crate::AppState;
use crate::audit::{self, AuditEntry};
use crate::auth::scope::not_found;
use crate::auth::{Action, Caller, Place};
use crate::departments::dto::{
    Department, DepartmentChanges, DepartmentOrder, DepartmentQuery, NewDepartment,
};
use crate::departments::store::{
    self, DepartmentChangeset, DepartmentFilter, DepartmentSort, NewDepartmentRow,
};
use crate::domain::regions::RegionLevel;
use crate::error::AppError;
use crate::http::etag::{IfMatch, stale};
use crate::http::respond::{created, ok_with_etag};
use crate::listing::{Listing, RegionFilter};
use crate::pagination::{self, After, Page};
use crate::regions::store as regions;
use crate::validation::validate;

/// List departments in the caller's scope.
#[utoipa::path(
    tag = "departments",
    operation_id = "list_departments",
    summary = "List departments",
    description = "Departments the caller may see: all for an admin; the region subtree's \
                   non-classified departments for a finance officer or auditor; its own department \
                   and units for a department officer. Roles: admin, finance_officer, auditor, \
                   department_officer.",
    params(DepartmentQuery),
    responses((status = 200, description = "A page of departments", body = Page<Department>)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/departments")]
pub async fn list_departments(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<DepartmentQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::Read)?;
    let query = query.into_inner();
    let sort = pagination::sort(
        query.sort.map(DepartmentOrder::as_str),
        &[
            ("code", DepartmentSort::Code),
            ("name", DepartmentSort::Name),
        ],
        DepartmentSort::Code,
    )?;
    let listing = Listing::of(&req, query.limit, query.cursor.as_deref(), &sort.label)?;
    let scope = caller.list_scope();
    let (field, descending) = (sort.field, sort.descending);
    listing
        .respond_json(
            &state.db,
            move |conn, after, limit| {
                let Some(region_path) =
                    RegionFilter::resolve(conn, query.region.as_deref())?.path()
                else {
                    return Ok(Vec::new());
                };
                let filter = DepartmentFilter {
                    region_path,
                    level: query.level.map(RegionLevel::as_str),
                    parent_id: query.parent,
                    active: query.active,
                    q: query.q.clone().filter(|q| !q.trim().is_empty()),
                };
                let after = after.map(|(key, id)| After { key, id });
                let rows = store::list(conn, &scope, &filter, field, descending, after, limit)?;
                Ok(rows.into_iter().map(Department::from).collect())
            },
            move |d: &Department| {
                let key = match field {
                    DepartmentSort::Code => d.code.clone(),
                    DepartmentSort::Name => d.name.clone(),
                };
                (key, d.id)
            },
        )
        .await
}

/// Read one department.
#[utoipa::path(
    tag = "departments",
    operation_id = "get_department",
    summary = "Get a department",
    description = "Roles: admin, finance_officer, auditor, department_officer (within scope; \
                   anything else answers 404).",
    params(("id" = Uuid, Path, description = "Department id")),
    responses((status = 200, description = "The department", body = Department,
               headers(("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/departments/{id}")]
pub async fn get_department(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let row = state
        .db
        .run(move |conn| store::find(conn, id))
        .await?
        .ok_or_else(not_found)?;
    caller.authorize(Action::Read, &row.place())?;
    let version = row.version;
    Ok(ok_with_etag(&Department::from(row), version))
}

/// Create a department or a unit of one.
#[utoipa::path(
    tag = "departments",
    operation_id = "create_department",
    summary = "Create a department",
    description = "In a region of the caller's subtree; a unit names its parent department of the \
                   same region. Only admins may create classified departments. Roles: admin, \
                   finance_officer.",
    request_body = NewDepartment,
    responses((status = 201, description = "Created", body = Department,
               headers(("Location" = String, description = "URL of the new department"),
                       ("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[post("/departments")]
pub async fn create_department(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<NewDepartment>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::ManageDepartments)?;
    let new = body.into_inner();
    if new.classified {
        caller.require(Action::ClassifyDepartments)?;
    }
    validate(&new)?;
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
                let parent = match new.parent_id {
                    Some(pid) => Some(
                        store::find(conn, pid)?
                            .filter(|p| p.region_id == region.id && caller.sees(&p.place()))
                            .ok_or_else(|| {
                                AppError::invalid_field(
                                    "parent_id",
                                    "no department of this region in your scope has this id",
                                )
                            })?,
                    ),
                    None => None,
                };
                if store::code_taken(conn, region.id, &new.code)? {
                    // The same words whether or not the caller may see the holder.
                    return Err(AppError::Conflict(format!(
                        "The department code {} is not available in region {}; choose another.",
                        new.code, region.code
                    )));
                }
                let path = format!(
                    "{}{}/",
                    parent.as_ref().map_or("", |p| p.path.as_str()),
                    new.code
                );
                let row = store::insert(
                    conn,
                    NewDepartmentRow {
                        region_id: region.id,
                        region_path: &region.path,
                        code: &new.code,
                        name: &new.name,
                        parent_id: parent.as_ref().map(|p| p.id),
                        path: &path,
                        classified: new.classified || parent.as_ref().is_some_and(|p| p.classified),
                        active: new.active,
                    },
                )?;
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "department.created", "department")
                        .object(row.id, Some(&row.region_path))
                        .department(Some(row.id))
                        .classified(row.classified)
                        .change(None::<&Department>, Some(&Department::from(row.clone()))),
                )?;
                Ok(row)
            })
        })
        .await?;
    let location = format!("/api/v1/departments/{}", row.id);
    let version = row.version;
    Ok(created(&Department::from(row), &location, version))
}

/// Change a department's name, active flag or (admins) classification.
#[utoipa::path(
    tag = "departments",
    operation_id = "update_department",
    summary = "Update a department",
    description = "Send `If-Match` with the ETag you read. Only admins may change `classified`; \
                   classifying a department classifies its units too. Roles: admin, finance_officer.",
    params(
        ("id" = Uuid, Path, description = "Department id"),
        ("If-Match" = String, Header, description = "ETag of the version being changed"),
    ),
    request_body = DepartmentChanges,
    responses((status = 200, description = "Updated", body = Department,
               headers(("ETag" = String, description = "New version")))),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[patch("/departments/{id}")]
pub async fn update_department(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: web::Json<DepartmentChanges>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::ManageDepartments)?;
    let changes = body.into_inner();
    if changes.classified.is_some() {
        caller.require(Action::ClassifyDepartments)?;
    }
    validate(&changes)?;
    let id = id.into_inner();
    let row = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let current = store::find(conn, id)?.ok_or_else(not_found)?;
                caller.authorize(Action::ManageDepartments, &current.place())?;
                let changeset = DepartmentChangeset {
                    name: changes.name.as_deref().map(|n| n.trim().to_owned()),
                    classified: changes.classified,
                    active: changes.active,
                };
                let row = store::update(conn, id, if_match.0, changeset)?.ok_or_else(stale)?;
                let units_classified = if row.classified && !current.classified {
                    store::classify_units(conn, &row)?
                } else {
                    0
                };
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "department.updated", "department")
                        .object(row.id, Some(&row.region_path))
                        .department(Some(row.id))
                        .classified(row.classified || current.classified)
                        .change(
                            Some(&Department::from(current.clone())),
                            Some(&Department::from(row.clone())),
                        )
                        .details(json!({"units_classified": units_classified})),
                )?;
                Ok(row)
            })
        })
        .await?;
    let version = row.version;
    Ok(ok_with_etag(&Department::from(row), version))
}

/// Delete a department nothing refers to.
#[utoipa::path(
    tag = "departments",
    operation_id = "delete_department",
    summary = "Delete a department",
    description = "Only while no unit, user or project refers to it (409 otherwise). Roles: admin, \
                   finance_officer.",
    params(("id" = Uuid, Path, description = "Department id")),
    responses((status = 204, description = "Deleted")),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[delete("/departments/{id}")]
pub async fn delete_department(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::ManageDepartments)?;
    let id = id.into_inner();
    state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let row = store::find(conn, id)?.ok_or_else(not_found)?;
                caller.authorize(Action::ManageDepartments, &row.place())?;
                store::delete(conn, row.id).map_err(|e| match e {
                    AppError::Conflict(_) => AppError::Conflict(format!(
                        "Department {} still has units, users or projects.",
                        row.code
                    )),
                    other => other,
                })?;
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "department.deleted", "department")
                        .object(row.id, Some(&row.region_path))
                        .department(Some(row.id))
                        .classified(row.classified)
                        .change(Some(&Department::from(row.clone())), None::<&Department>),
                )
            })
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
