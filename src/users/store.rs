use chrono::{DateTime, Utc};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use crate::auth::{ListScope, Place};
use crate::error::AppError;
use crate::keyset;
use crate::pagination::{After, like_contains, like_prefix};
use crate::schema::{departments, regions, users};
use crate::sql::lower;

/// A user with what authorization needs to place it: its region or department.
#[derive(Debug, Clone, Queryable)]
pub struct UserRow {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub role: String,
    pub region_id: Option<Uuid>,
    pub department_id: Option<Uuid>,
    pub scope_path: Option<String>,
    pub active: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub region_code: Option<String>,
    pub department_region_id: Option<Uuid>,
    pub department_path: Option<String>,
    pub department_classified: Option<bool>,
}

impl UserRow {
    /// Admins have no place: only callers who see everything see them.
    pub fn place(&self) -> Place<'_> {
        Place {
            region_path: self.scope_path.as_deref().unwrap_or(""),
            department: self
                .department_region_id
                .zip(self.department_path.as_deref()),
            classified: self.department_classified.unwrap_or(false),
        }
    }
}

macro_rules! user_row_query {
    () => {
        users::table
            .left_join(departments::table.on(users::department_id.eq(departments::id.nullable())))
            .left_join(regions::table.on(users::region_id.eq(regions::id.nullable())))
            .select((
                users::id,
                users::username,
                users::display_name,
                users::email,
                users::phone,
                users::role,
                users::region_id,
                users::department_id,
                users::scope_path,
                users::active,
                users::version,
                users::created_at,
                users::updated_at,
                regions::code.nullable(),
                departments::region_id.nullable(),
                departments::path.nullable(),
                departments::classified.nullable(),
            ))
    };
}

pub fn find(conn: &mut PgConnection, id: Uuid) -> Result<Option<UserRow>, AppError> {
    user_row_query!()
        .filter(users::id.eq(id))
        .first::<UserRow>(conn)
        .optional()
        .map_err(AppError::from)
}

pub fn username_taken(conn: &mut PgConnection, username: &str) -> Result<bool, AppError> {
    diesel::select(diesel::dsl::exists(
        users::table.filter(lower(users::username).eq(username.to_lowercase())),
    ))
    .get_result(conn)
    .map_err(AppError::from)
}

pub struct NewUserRow<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub password_hash: &'a str,
    pub role: &'static str,
    pub region_id: Option<Uuid>,
    pub department_id: Option<Uuid>,
    pub scope_path: Option<&'a str>,
}

pub fn insert(conn: &mut PgConnection, new: NewUserRow<'_>) -> Result<Uuid, AppError> {
    let id = Uuid::now_v7();
    diesel::insert_into(users::table)
        .values((
            users::id.eq(id),
            users::username.eq(new.username),
            users::display_name.eq(new.display_name.trim()),
            users::email.eq(new.email),
            users::phone.eq(new.phone),
            users::password_hash.eq(new.password_hash),
            users::role.eq(new.role),
            users::region_id.eq(new.region_id),
            users::department_id.eq(new.department_id),
            users::scope_path.eq(new.scope_path),
        ))
        .execute(conn)?;
    Ok(id)
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = users)]
pub struct ProfileChangeset {
    pub display_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// Role and scope as a whole: they must always agree (see the table's check constraint).
#[derive(Debug, Clone)]
pub struct Access {
    pub role: &'static str,
    pub region_id: Option<Uuid>,
    pub department_id: Option<Uuid>,
    pub scope_path: Option<String>,
    pub active: bool,
}

/// Applies profile changes, and access changes when given (which also end the user's sessions
/// and invalidate its access tokens), if the row is still at `expected_version`.
pub fn update(
    conn: &mut PgConnection,
    id: Uuid,
    expected_version: i32,
    profile: ProfileChangeset,
    access: Option<Access>,
) -> Result<bool, AppError> {
    let target = users::table
        .filter(users::id.eq(id))
        .filter(users::version.eq(expected_version));
    let stamp = (
        users::version.eq(users::version + 1),
        users::updated_at.eq(Utc::now()),
    );
    let updated = match access {
        None => diesel::update(target).set((profile, stamp)).execute(conn)?,
        Some(access) => diesel::update(target)
            .set((
                profile,
                stamp,
                users::role.eq(access.role),
                users::region_id.eq(access.region_id),
                users::department_id.eq(access.department_id),
                users::scope_path.eq(access.scope_path),
                users::active.eq(access.active),
                users::token_version.eq(users::token_version + 1),
            ))
            .execute(conn)?,
    };
    Ok(updated == 1)
}

#[derive(Debug, Default)]
pub struct UserFilter {
    pub role: Option<&'static str>,
    pub region_path: Option<String>,
    pub department_id: Option<Uuid>,
    pub active: Option<bool>,
    pub q: Option<String>,
}

pub fn list(
    conn: &mut PgConnection,
    scope: &ListScope,
    filter: &UserFilter,
    descending: bool,
    after: Option<After>,
    limit: i64,
) -> Result<Vec<UserRow>, AppError> {
    let mut q = user_row_query!().into_boxed();
    q = match scope {
        ListScope::All => q,
        ListScope::RegionSubtree(path) => {
            q.filter(users::scope_path.like(like_prefix(path))).filter(
                users::department_id
                    .is_null()
                    .or(departments::classified.nullable().eq(false)),
            )
        }
        // Department officers cannot list users; keep the filter tight anyway.
        ListScope::Department {
            region_id, path, ..
        } => q
            .filter(departments::region_id.nullable().eq(*region_id))
            .filter(departments::path.nullable().like(like_prefix(path))),
    };
    if let Some(role) = filter.role {
        q = q.filter(users::role.eq(role));
    }
    if let Some(path) = &filter.region_path {
        q = q.filter(users::scope_path.like(like_prefix(path)));
    }
    if let Some(department) = filter.department_id {
        q = q.filter(users::department_id.eq(department));
    }
    if let Some(active) = filter.active {
        q = q.filter(users::active.eq(active));
    }
    if let Some(text) = &filter.q {
        q = q.filter(
            users::username
                .ilike(like_prefix(text))
                .or(users::display_name.ilike(like_contains(text))),
        );
    }
    let q = keyset!(
        q,
        users::username,
        users::id,
        descending,
        after.map(|a| (a.key, a.id))
    );
    q.limit(limit + 1)
        .load::<UserRow>(conn)
        .map_err(AppError::from)
}
