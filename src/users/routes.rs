use actix_web::{HttpRequest, HttpResponse, get, patch, post, web};
use diesel::Connection;
use diesel::pg::PgConnection;
use serde_json::json;
use uuid::Uuid;

use crate::AppState;
use crate::audit::{self, AuditEntry};
use crate::auth::scope::not_found;
use crate::auth::{Action, Caller, Place, Role, password, store as sessions};
use crate::departments::store as departments;
use crate::error::AppError;
use crate::http::etag::{IfMatch, stale};
use crate::http::respond::{created, ok_with_etag};
use crate::listing::{Listing, RegionFilter};
use crate::pagination::{self, After, Page};
use crate::regions::store as regions;
use crate::users::dto::{NewUser, PasswordReset, User, UserChanges, UserOrder, UserQuery};
use crate::users::store::{self, Access, NewUserRow, ProfileChangeset, UserFilter, UserRow};
use crate::validation::validate;

/// Works out the scope columns for `role` from the requested region or department, which must
/// be inside the caller's scope.
fn resolve_access(
    conn: &mut PgConnection,
    caller: &Caller,
    role: Role,
    region_code: Option<&str>,
    department_id: Option<Uuid>,
    active: bool,
) -> Result<Access, AppError> {
    let role_name = role.as_str();
    match role {
        Role::Admin => {
            if region_code.is_some() {
                return Err(AppError::invalid_field(
                    "region_code",
                    "an admin has no region",
                ));
            }
            if department_id.is_some() {
                return Err(AppError::invalid_field(
                    "department_id",
                    "an admin has no department",
                ));
            }
            Ok(Access {
                role: role_name,
                region_id: None,
                department_id: None,
                scope_path: None,
                active,
            })
        }
        Role::FinanceOfficer | Role::Auditor => {
            if department_id.is_some() {
                return Err(AppError::invalid_field(
                    "department_id",
                    format!("a {role_name} is scoped to a region, not a department"),
                ));
            }
            let code = region_code.ok_or_else(|| {
                AppError::invalid_field("region_code", format!("required for a {role_name}"))
            })?;
            let region = regions::find_by_code(conn, code)?
                .filter(|r| caller.sees(&Place::region(&r.path)))
                .ok_or_else(|| {
                    AppError::invalid_field("region_code", "no region in your scope has this code")
                })?;
            Ok(Access {
                role: role_name,
                region_id: Some(region.id),
                department_id: None,
                scope_path: Some(region.path),
                active,
            })
        }
        Role::DepartmentOfficer => {
            if region_code.is_some() {
                return Err(AppError::invalid_field(
                    "region_code",
                    "a department officer is scoped to a department, not a region",
                ));
            }
            let id = department_id.ok_or_else(|| {
                AppError::invalid_field("department_id", "required for a department officer")
            })?;
            let department = departments::find(conn, id)?
                .filter(|d| caller.sees(&d.place()))
                .ok_or_else(|| {
                    AppError::invalid_field(
                        "department_id",
                        "no department in your scope has this id",
                    )
                })?;
            Ok(Access {
                role: role_name,
                region_id: None,
                department_id: Some(department.id),
                scope_path: Some(department.region_path),
                active,
            })
        }
    }
}

fn cannot_manage(role: Role) -> AppError {
    AppError::Forbidden(format!(
        "You may not manage users with the {} role.",
        role.as_str()
    ))
}

fn user_role(row: &UserRow) -> Role {
    Role::parse(&row.role).unwrap_or(Role::Admin)
}

/// A user another caller wants to manage: visible (else 404) and of a role it may manage (else 403).
fn managed_target(conn: &mut PgConnection, caller: &Caller, id: Uuid) -> Result<UserRow, AppError> {
    caller.require(Action::ManageUsers)?;
    let target = store::find(conn, id)?.ok_or_else(not_found)?;
    if !caller.sees(&target.place()) {
        return Err(not_found());
    }
    if !caller.may_manage_role(user_role(&target)) {
        return Err(cannot_manage(user_role(&target)));
    }
    Ok(target)
}

async fn hash_password(pw: String) -> Result<String, AppError> {
    crate::db::budget::let_go();
    web::block(move || password::hash(&pw)).await?
}

/// List users in the caller's scope.
#[utoipa::path(
    tag = "users",
    operation_id = "list_users",
    summary = "List users",
    description = "All users for an admin; for a finance officer or auditor, the officers and \
                   auditors of its region subtree and the department officers of departments there \
                   (not of classified ones). Roles: admin, finance_officer, auditor.",
    params(UserQuery),
    responses((status = 200, description = "A page of users", body = Page<User>)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor"])))
)]
#[get("/users")]
pub async fn list_users(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<UserQuery>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::ReadUsers)?;
    let query = query.into_inner();
    let sort = pagination::sort(query.sort.map(UserOrder::as_str), &[("username", ())], ())?;
    let listing = Listing::of(&req, query.limit, query.cursor.as_deref(), &sort.label)?;
    let scope = caller.list_scope();
    let descending = sort.descending;
    listing
        .respond_json(
            &state.db,
            move |conn, after, limit| {
                let Some(region_path) =
                    RegionFilter::resolve(conn, query.region.as_deref())?.path()
                else {
                    return Ok(Vec::new());
                };
                let filter = UserFilter {
                    role: query.role.map(Role::as_str),
                    region_path,
                    department_id: query.department,
                    active: query.active,
                    q: query.q.clone().filter(|q| !q.trim().is_empty()),
                };
                let after = after.map(|(key, id)| After { key, id });
                let rows = store::list(conn, &scope, &filter, descending, after, limit)?;
                Ok(rows.into_iter().map(User::from).collect())
            },
            |u: &User| (u.username.clone(), u.id),
        )
        .await
}

/// Read one user.
#[utoipa::path(
    tag = "users",
    operation_id = "get_user",
    summary = "Get a user",
    description = "Anyone may read themselves; admins, finance officers and auditors read users in \
                   their scope. Roles: admin, finance_officer, auditor, department_officer (itself only).",
    params(("id" = Uuid, Path, description = "User id")),
    responses((status = 200, description = "The user", body = User,
               headers(("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/users/{id}")]
pub async fn get_user(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    if id != caller.user_id {
        caller.require(Action::ReadUsers)?;
    }
    let row = state
        .db
        .run(move |conn| store::find(conn, id))
        .await?
        .ok_or_else(not_found)?;
    if id != caller.user_id && !caller.sees(&row.place()) {
        return Err(not_found());
    }
    let version = row.version;
    Ok(ok_with_etag(&User::from(row), version))
}

/// Create a user.
#[utoipa::path(
    tag = "users",
    operation_id = "create_user",
    summary = "Create a user",
    description = "Admins create anyone. A finance officer creates department officers and auditors \
                   scoped inside its own subtree, nothing else. Usernames are unique ignoring case; \
                   passwords need at least 10 characters and must not be the username. Roles: admin, \
                   finance_officer.",
    request_body = NewUser,
    responses((status = 201, description = "Created", body = User,
               headers(("Location" = String, description = "URL of the new user"),
                       ("ETag" = String, description = "Version for If-Match")))),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[post("/users")]
pub async fn create_user(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<NewUser>,
) -> Result<HttpResponse, AppError> {
    caller.require(Action::ManageUsers)?;
    let new = body.into_inner();
    if !caller.may_manage_role(new.role) {
        return Err(cannot_manage(new.role));
    }
    validate(&new)?;
    if let Some(problem) = password::policy_violation(&new.username, &new.password) {
        return Err(AppError::invalid_field("password", problem));
    }
    let hash = hash_password(new.password.clone()).await?;
    let row = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let access = resolve_access(
                    conn,
                    &caller,
                    new.role,
                    new.region_code.as_deref(),
                    new.department_id,
                    true,
                )?;
                if store::username_taken(conn, &new.username)? {
                    return Err(AppError::Conflict(format!(
                        "The username {} is taken.",
                        new.username
                    )));
                }
                let id = store::insert(
                    conn,
                    NewUserRow {
                        username: &new.username,
                        display_name: &new.display_name,
                        email: new.email.as_deref(),
                        phone: new.phone.as_deref(),
                        password_hash: &hash,
                        role: access.role,
                        region_id: access.region_id,
                        department_id: access.department_id,
                        scope_path: access.scope_path.as_deref(),
                    },
                )?;
                let row = store::find(conn, id)?.ok_or_else(not_found)?;
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "user.created", "user")
                        .object(row.id, row.scope_path.as_deref())
                        .department(row.department_id)
                        .classified(row.department_classified.unwrap_or(false))
                        .change(None::<&User>, Some(&User::from(row.clone()))),
                )?;
                Ok(row)
            })
        })
        .await?;
    let location = format!("/api/v1/users/{}", row.id);
    let version = row.version;
    Ok(created(&User::from(row), &location, version))
}

/// Change a user's profile, or (for managers) its role, scope or active flag.
#[utoipa::path(
    tag = "users",
    operation_id = "update_user",
    summary = "Update a user",
    description = "Anyone may change their own display name, email and phone, but never their own \
                   role, scope or active flag (403). Admins and finance officers may also change \
                   those of users they manage; a finance officer can neither manage nor create roles \
                   above auditor and department officer. A change of role, scope or active flag ends \
                   the user's sessions and access tokens at once. Send `If-Match`. Roles: admin, \
                   finance_officer, auditor, department_officer (itself only).",
    params(
        ("id" = Uuid, Path, description = "User id"),
        ("If-Match" = String, Header, description = "ETag of the version being changed"),
    ),
    request_body = UserChanges,
    responses((status = 200, description = "Updated", body = User,
               headers(("ETag" = String, description = "New version")))),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[patch("/users/{id}")]
pub async fn update_user(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: web::Json<UserChanges>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let changes = body.into_inner();
    let is_self = id == caller.user_id;
    if is_self && changes.touches_access() {
        return Err(AppError::Forbidden(
            "You cannot change your own role, scope or active flag.".to_owned(),
        ));
    }
    if !is_self {
        caller.require(Action::ManageUsers)?;
    }
    validate(&changes)?;
    let row = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let current = if is_self {
                    store::find(conn, id)?.ok_or_else(not_found)?
                } else {
                    managed_target(conn, &caller, id)?
                };
                let access = if changes.touches_access() {
                    let role = changes.role.unwrap_or_else(|| user_role(&current));
                    if !caller.may_manage_role(role) {
                        return Err(cannot_manage(role));
                    }
                    let scope_given =
                        changes.region_code.is_some() || changes.department_id.is_some();
                    let (region_code, department_id) = if changes.role.is_some() || scope_given {
                        (changes.region_code.clone(), changes.department_id)
                    } else {
                        (current.region_code.clone(), current.department_id)
                    };
                    Some(resolve_access(
                        conn,
                        &caller,
                        role,
                        region_code.as_deref(),
                        department_id,
                        changes.active.unwrap_or(current.active),
                    )?)
                } else {
                    None
                };
                let profile = ProfileChangeset {
                    display_name: changes.display_name.as_deref().map(|s| s.trim().to_owned()),
                    email: changes.email.clone(),
                    phone: changes.phone.clone(),
                };
                let access_changed = access.is_some();
                if !store::update(conn, id, if_match.0, profile, access)? {
                    return Err(stale());
                }
                if access_changed {
                    sessions::revoke_user_sessions(conn, id)?;
                }
                let row = store::find(conn, id)?.ok_or_else(not_found)?;
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "user.updated", "user")
                        .object(row.id, row.scope_path.as_deref())
                        .department(row.department_id)
                        .classified(
                            row.department_classified.unwrap_or(false)
                                || current.department_classified.unwrap_or(false),
                        )
                        .change(
                            Some(&User::from(current.clone())),
                            Some(&User::from(row.clone())),
                        )
                        .details(json!({"sessions_revoked": access_changed})),
                )?;
                Ok(row)
            })
        })
        .await?;
    let version = row.version;
    Ok(ok_with_etag(&User::from(row), version))
}

/// Set a new password for a user one manages.
#[utoipa::path(
    tag = "users",
    operation_id = "reset_user_password",
    summary = "Reset a user's password",
    description = "For users the caller manages; ends all of the user's sessions. To change your own \
                   password use `POST /api/v1/auth/password` (403 here). Roles: admin, finance_officer.",
    params(("id" = Uuid, Path, description = "User id")),
    request_body = PasswordReset,
    responses((status = 204, description = "Password set; the user's sessions are ended")),
    extensions(("x-roles" = json!(["admin", "finance_officer"])))
)]
#[post("/users/{id}/password")]
pub async fn reset_password(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: web::Json<PasswordReset>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    caller.require(Action::ManageUsers)?;
    if id == caller.user_id {
        return Err(AppError::Forbidden(
            "Change your own password with POST /api/v1/auth/password.".to_owned(),
        ));
    }
    let new_password = body.into_inner().new_password;
    let target = {
        let caller = caller.clone();
        state
            .db
            .run(move |conn| managed_target(conn, &caller, id))
            .await?
    };
    if let Some(problem) = password::policy_violation(&target.username, &new_password) {
        return Err(AppError::invalid_field("new_password", problem));
    }
    let hash = hash_password(new_password).await?;
    state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                sessions::set_password(conn, id, &hash)?;
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "user.password_reset", "user")
                        .object(id, target.scope_path.as_deref())
                        .department(target.department_id)
                        .classified(target.department_classified.unwrap_or(false)),
                )
            })
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
