//! `Idempotency-Key` for batch endpoints: a retried request with the same key returns the first
//! response instead of writing twice; the same key with another body is refused. Keys live in
//! the database for 24 hours, so they hold across instances and restarts.
//!
//! A claim must not outlive the request that made it. While a request works under a key, the
//! connection doing the work holds a PostgreSQL advisory lock named after the key; if that
//! connection dies (the database restarted, the instance crashed), PostgreSQL drops the lock
//! with it, and the next request with the key finds an unanswered claim it can lock: the claim
//! was abandoned, and that request takes it over and does the work. So a retry after an outage
//! is processed at once instead of answering "still being processed" until the key expires,
//! and nothing depends on a statement reaching a connection that may be gone.

pub mod store;

use std::time::Duration;

use actix_web::HttpRequest;
use sha2::{Digest, Sha256};

use crate::error::AppError;

pub const HEADER: &str = "idempotency-key";
pub const KEEP_FOR: Duration = Duration::from_secs(24 * 3600);

/// The key a client sent, if any; 400 when it is empty or longer than 200 characters.
pub fn key_of(req: &HttpRequest) -> Result<Option<String>, AppError> {
    let Some(value) = req.headers().get(HEADER) else {
        return Ok(None);
    };
    let key = value.to_str().unwrap_or("").trim();
    if key.is_empty() || key.len() > 200 {
        return Err(AppError::BadRequest(
            "Idempotency-Key must be 1 to 200 visible characters.".to_owned(),
        ));
    }
    Ok(Some(key.to_owned()))
}

/// Identifies a request's content: what a replay must match.
pub fn fingerprint(content_type: &str, body: &[u8]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(content_type.as_bytes());
    hasher.update([0]);
    hasher.update(body);
    hex(&hasher.finalize())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What to do with a request carrying a key.
#[derive(Debug)]
pub enum Claim {
    /// First use, or an abandoned claim taken over: process it, then `store::complete`.
    Fresh,
    /// Seen before and finished: answer this again.
    Replay {
        status: u16,
        body: serde_json::Value,
    },
}

/// The answer of a batch request made under an optional key.
pub enum Outcome<T> {
    Fresh(T),
    Replay {
        status: u16,
        body: serde_json::Value,
    },
}

/// Whether an answer is final for its key. A batch answer with items the service could not
/// process (the database went away) is not: it is not stored, so the same request with the
/// same key is processed again and lands what is missing.
pub trait Settled {
    fn settled(&self) -> bool;
}

/// The advisory lock's key for a (caller, key) pair: 64 bits of a digest. Two pairs sharing it
/// would only make one of them wait with a 409 while the other runs.
fn lock_id(principal: &str, key: &str) -> i64 {
    let digest = Sha256::new()
        .chain_update(principal.as_bytes())
        .chain_update([0])
        .chain_update(key.as_bytes())
        .finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    i64::from_be_bytes(first)
}

/// Runs `work` once per (caller, key): a replay returns the stored answer, another body under
/// the same key is a 422; without a key the work simply runs.
pub fn guarded<T: serde::Serialize + Settled>(
    conn: &mut diesel::pg::PgConnection,
    key: Option<&str>,
    principal: &str,
    path: &str,
    request_hash: &str,
    work: impl FnOnce(&mut diesel::pg::PgConnection) -> Result<T, AppError>,
) -> Result<Outcome<T>, AppError> {
    let Some(key) = key else {
        return work(conn).map(Outcome::Fresh);
    };
    let lock = lock_id(principal, key);
    let locked = store::try_lock(conn, lock)?;
    let claim = store::claim(conn, principal, key, "POST", path, request_hash, locked);
    let claimed = matches!(claim, Ok(Claim::Fresh));
    if !claimed {
        if locked {
            let _ = store::unlock(conn, lock);
        }
        return claim.map(|claim| match claim {
            Claim::Replay { status, body } => Outcome::Replay { status, body },
            Claim::Fresh => unreachable!("a fresh claim is handled below"),
        });
    }
    let result = work(conn);
    // After a lost connection nothing more can be said on it: the lock went with it, and the
    // unanswered claim is taken over by the next request with the key.
    if !crate::db::connection_lost() {
        let stored = match &result {
            Ok(value) if value.settled() => serde_json::to_value(value)
                .map_err(|e| AppError::Internal(format!("idempotent answer: {e}")))
                .and_then(|body| store::complete(conn, principal, key, 200, &body)),
            _ => Err(AppError::Conflict("not stored".to_owned())),
        };
        if stored.is_err() {
            // Nothing was stored for the key: let the client retry with it.
            let _ = store::release(conn, principal, key);
        }
        let _ = store::unlock(conn, lock);
    }
    result.map(Outcome::Fresh)
}

/// The HTTP answer for an outcome: 200 with the fresh body, or the stored answer marked as a
/// replay.
pub fn respond<T: serde::Serialize>(outcome: Outcome<T>) -> actix_web::HttpResponse {
    match outcome {
        Outcome::Fresh(body) => actix_web::HttpResponse::Ok().json(body),
        Outcome::Replay { status, body } => actix_web::HttpResponse::build(
            actix_web::http::StatusCode::from_u16(status)
                .unwrap_or(actix_web::http::StatusCode::OK),
        )
        .insert_header(("Idempotency-Replayed", "true"))
        .json(body),
    }
}
