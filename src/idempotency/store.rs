use chrono::Utc;
use diesel::pg::PgConnection;
use diesel::prelude::*;

use crate::error::AppError;
use crate::idempotency::{Claim, KEEP_FOR};
use crate::schema::idempotency_keys;

/// Takes the session-level advisory lock that marks the key as being worked on, if free.
pub fn try_lock(conn: &mut PgConnection, lock: i64) -> Result<bool, AppError> {
    Ok(diesel::select(pg_try_advisory_lock(lock)).get_result(conn)?)
}

pub fn unlock(conn: &mut PgConnection, lock: i64) -> Result<bool, AppError> {
    Ok(diesel::select(pg_advisory_unlock(lock)).get_result(conn)?)
}

diesel::define_sql_function! {
    fn pg_try_advisory_lock(key: diesel::sql_types::BigInt) -> diesel::sql_types::Bool;
}
diesel::define_sql_function! {
    fn pg_advisory_unlock(key: diesel::sql_types::BigInt) -> diesel::sql_types::Bool;
}

/// Claims `key` for this caller and request, or finds the earlier use of it. `locked` says
/// whether this request holds the key's advisory lock: without it, an unanswered claim belongs
/// to a request still running; with it, to one whose connection is gone.
pub fn claim(
    conn: &mut PgConnection,
    principal: &str,
    key: &str,
    method: &str,
    path: &str,
    request_hash: &str,
    locked: bool,
) -> Result<Claim, AppError> {
    conn.transaction(|conn| {
        let expired_before = Utc::now() - chrono::Duration::from_std(KEEP_FOR).unwrap_or_default();
        diesel::delete(
            idempotency_keys::table
                .filter(idempotency_keys::principal.eq(principal))
                .filter(idempotency_keys::key.eq(key))
                .filter(idempotency_keys::created_at.lt(expired_before)),
        )
        .execute(conn)?;
        if !locked {
            return answered_or_busy(conn, principal, key, method, path, request_hash);
        }
        let inserted = diesel::insert_into(idempotency_keys::table)
            .values((
                idempotency_keys::principal.eq(principal),
                idempotency_keys::key.eq(key),
                idempotency_keys::method.eq(method),
                idempotency_keys::path.eq(path),
                idempotency_keys::request_hash.eq(request_hash),
            ))
            .on_conflict_do_nothing()
            .execute(conn)?;
        if inserted == 1 {
            return Ok(Claim::Fresh);
        }
        match answered_or_busy(conn, principal, key, method, path, request_hash) {
            Err(AppError::Conflict(_)) => {
                tracing::info!("taking over an Idempotency-Key claim whose request was cut off");
                diesel::update(idempotency_keys::table.find((principal, key)))
                    .set(idempotency_keys::created_at.eq(Utc::now()))
                    .execute(conn)?;
                Ok(Claim::Fresh)
            }
            other => other,
        }
    })
}

/// An earlier use of a key: request hash, method, path, and the answer once there is one.
type StoredUse = (
    String,
    String,
    String,
    Option<i16>,
    Option<serde_json::Value>,
);

/// The stored answer for an earlier use of the key; 422 when that use had other content; 409
/// while it has no answer yet.
fn answered_or_busy(
    conn: &mut PgConnection,
    principal: &str,
    key: &str,
    method: &str,
    path: &str,
    request_hash: &str,
) -> Result<Claim, AppError> {
    let busy = || {
        AppError::Conflict(
            "A request with this Idempotency-Key is still being processed; retry later.".to_owned(),
        )
    };
    let found: Option<StoredUse> = idempotency_keys::table
        .find((principal, key))
        .select((
            idempotency_keys::request_hash,
            idempotency_keys::method,
            idempotency_keys::path,
            idempotency_keys::status_code,
            idempotency_keys::response_body,
        ))
        .first(conn)
        .optional()?;
    // No row while the lock is held elsewhere: its holder has not written its claim yet.
    let Some((hash, stored_method, stored_path, status, body)) = found else {
        return Err(busy());
    };
    if hash != request_hash || stored_method != method || stored_path != path {
        return Err(AppError::invalid_field(
            "Idempotency-Key",
            "was already used with a different request; use a new key for new content",
        ));
    }
    match (status, body) {
        (Some(status), Some(body)) => Ok(Claim::Replay {
            status: u16::try_from(status).unwrap_or(200),
            body,
        }),
        _ => Err(busy()),
    }
}

/// Stores the response of a claimed key.
pub fn complete(
    conn: &mut PgConnection,
    principal: &str,
    key: &str,
    status: u16,
    body: &serde_json::Value,
) -> Result<(), AppError> {
    diesel::update(idempotency_keys::table.find((principal, key)))
        .set((
            idempotency_keys::status_code.eq(i16::try_from(status).unwrap_or(200)),
            idempotency_keys::response_body.eq(body),
            idempotency_keys::completed_at.eq(Utc::now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Releases a claimed key whose request failed as a whole, so the client can retry with it.
pub fn release(conn: &mut PgConnection, principal: &str, key: &str) -> Result<(), AppError> {
    diesel::delete(
        idempotency_keys::table
            .find((principal, key))
            .filter(idempotency_keys::status_code.is_null()),
    )
    .execute(conn)?;
    Ok(())
}
