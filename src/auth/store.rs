//! Queries for sessions: the caller's principal, login lookup, refresh tokens and the lockout.

use chrono::{DateTime, Utc};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use crate::error::AppError;
use crate::schema::{departments, login_throttle, refresh_tokens, regions, users};
use crate::sql::lower;

/// A user as authorization needs it, read fresh or checked on every request.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct Principal {
    pub id: Uuid,
    pub username: String,
    pub role: String,
    pub active: bool,
    pub token_version: i32,
    pub region_id: Option<Uuid>,
    pub region_code: Option<String>,
    pub region_path: Option<String>,
    pub department_id: Option<Uuid>,
    pub department_region_id: Option<Uuid>,
    pub department_region_path: Option<String>,
    pub department_path: Option<String>,
}

pub fn load_principal(
    conn: &mut PgConnection,
    user_id: Uuid,
) -> Result<Option<Principal>, AppError> {
    users::table
        .left_join(departments::table.on(users::department_id.eq(departments::id.nullable())))
        .left_join(regions::table.on(users::region_id.eq(regions::id.nullable())))
        .filter(users::id.eq(user_id))
        .select((
            users::id,
            users::username,
            users::role,
            users::active,
            users::token_version,
            users::region_id,
            regions::code.nullable(),
            regions::path.nullable(),
            users::department_id,
            departments::region_id.nullable(),
            departments::region_path.nullable(),
            departments::path.nullable(),
        ))
        .first::<Principal>(conn)
        .optional()
        .map_err(AppError::from)
}

/// Whether `p`'s user row is still active, at `p`'s token version and with its role and scope:
/// what a request may rely on when the service knew the principal already. A static query, so
/// diesel keeps it prepared on each connection.
pub fn caller_still_valid(conn: &mut PgConnection, p: &Principal, role: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        users::table
            .filter(users::id.eq(p.id))
            .filter(users::active.eq(true))
            .filter(users::token_version.eq(p.token_version))
            .filter(users::role.eq(role))
            .filter(users::region_id.is_not_distinct_from(p.region_id))
            .filter(users::department_id.is_not_distinct_from(p.department_id)),
    ))
    .get_result(conn)
}

#[derive(Debug, Clone, Queryable)]
pub struct LoginRow {
    pub id: Uuid,
    pub password_hash: String,
    pub active: bool,
}

pub fn find_login(conn: &mut PgConnection, username: &str) -> Result<Option<LoginRow>, AppError> {
    users::table
        .filter(lower(users::username).eq(username.to_lowercase()))
        .select((users::id, users::password_hash, users::active))
        .first::<LoginRow>(conn)
        .optional()
        .map_err(AppError::from)
}

pub fn password_hash(conn: &mut PgConnection, user_id: Uuid) -> Result<String, AppError> {
    users::table
        .find(user_id)
        .select(users::password_hash)
        .first(conn)
        .map_err(AppError::from)
}

/// Sets a new password hash, bumps the token version and ends every session of the user.
pub fn set_password(conn: &mut PgConnection, user_id: Uuid, hash: &str) -> Result<(), AppError> {
    diesel::update(users::table.find(user_id))
        .set((
            users::password_hash.eq(hash),
            users::token_version.eq(users::token_version + 1),
            users::version.eq(users::version + 1),
            users::updated_at.eq(Utc::now()),
        ))
        .execute(conn)?;
    revoke_user_sessions(conn, user_id)
}

pub fn revoke_user_sessions(conn: &mut PgConnection, user_id: Uuid) -> Result<(), AppError> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::user_id.eq(user_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(Utc::now()))
    .execute(conn)?;
    Ok(())
}

pub fn insert_refresh_token(
    conn: &mut PgConnection,
    user_id: Uuid,
    family_id: Uuid,
    token_hash: &str,
    expires_at: DateTime<Utc>,
) -> Result<(), AppError> {
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::id.eq(Uuid::now_v7()),
            refresh_tokens::user_id.eq(user_id),
            refresh_tokens::family_id.eq(family_id),
            refresh_tokens::token_hash.eq(token_hash),
            refresh_tokens::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(())
}

#[derive(Debug, Clone, Queryable)]
pub struct RefreshRow {
    pub id: Uuid,
    pub user_id: Uuid,
    pub family_id: Uuid,
    pub expires_at: DateTime<Utc>,
    pub rotated_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// The token row, locked so two concurrent refreshes with the same token cannot both succeed.
pub fn lock_refresh_token(
    conn: &mut PgConnection,
    token_hash: &str,
) -> Result<Option<RefreshRow>, AppError> {
    refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(token_hash))
        .select((
            refresh_tokens::id,
            refresh_tokens::user_id,
            refresh_tokens::family_id,
            refresh_tokens::expires_at,
            refresh_tokens::rotated_at,
            refresh_tokens::revoked_at,
        ))
        .for_update()
        .first::<RefreshRow>(conn)
        .optional()
        .map_err(AppError::from)
}

pub fn mark_rotated(conn: &mut PgConnection, id: Uuid) -> Result<(), AppError> {
    diesel::update(refresh_tokens::table.find(id))
        .set(refresh_tokens::rotated_at.eq(Utc::now()))
        .execute(conn)?;
    Ok(())
}

pub fn revoke_family(conn: &mut PgConnection, family_id: Uuid) -> Result<(), AppError> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::family_id.eq(family_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(Utc::now()))
    .execute(conn)?;
    Ok(())
}

/// Seconds until a locked-out username may try again, if it is locked now.
pub fn lockout_remaining(conn: &mut PgConnection, key: &str) -> Result<Option<i64>, AppError> {
    let locked_until: Option<Option<DateTime<Utc>>> = login_throttle::table
        .find(key)
        .select(login_throttle::locked_until)
        .first(conn)
        .optional()?;
    let now = Utc::now();
    Ok(locked_until
        .flatten()
        .filter(|until| *until > now)
        .map(|until| (until - now).num_seconds().max(1)))
}

#[derive(QueryableByName)]
struct Locked {
    #[diesel(sql_type = diesel::sql_types::Bool)]
    locked: bool,
}

/// Counts a failed login in one atomic statement (several instances may count at once);
/// returns true when the username is now locked.
pub fn record_failure(
    conn: &mut PgConnection,
    key: &str,
    max_failures: i32,
    window_secs: f64,
    lock_secs: f64,
) -> Result<bool, AppError> {
    use diesel::sql_types::{Double, Integer, Text};
    let row: Locked = diesel::sql_query(
        "INSERT INTO login_throttle AS t (username_key, failures, window_start, locked_until) \
         VALUES ($1, 1, now(), CASE WHEN 1 >= $2 THEN now() + make_interval(secs => $4) END) \
         ON CONFLICT (username_key) DO UPDATE SET \
           failures = CASE WHEN t.window_start > now() - make_interval(secs => $3) \
                           THEN t.failures + 1 ELSE 1 END, \
           window_start = CASE WHEN t.window_start > now() - make_interval(secs => $3) \
                               THEN t.window_start ELSE now() END, \
           locked_until = CASE WHEN (CASE WHEN t.window_start > now() - make_interval(secs => $3) \
                                          THEN t.failures + 1 ELSE 1 END) >= $2 \
                               THEN now() + make_interval(secs => $4) END \
         RETURNING (locked_until IS NOT NULL) AS locked",
    )
    .bind::<Text, _>(key)
    .bind::<Integer, _>(max_failures)
    .bind::<Double, _>(window_secs)
    .bind::<Double, _>(lock_secs)
    .get_result(conn)?;
    Ok(row.locked)
}

pub fn clear_failures(conn: &mut PgConnection, key: &str) -> Result<(), AppError> {
    diesel::delete(login_throttle::table.find(key)).execute(conn)?;
    Ok(())
}
