//! `Idempotency-Key` for batch endpoints: a retried request with the same key returns the first
//! response instead of writing twice; the same key with another body is refused. Keys live in
//! the database for 24 hours, so they hold across instances and restarts.

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
    /// First use: process it, then `store::complete`.
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

/// Runs `work` once per (caller, key): a replay returns the stored answer, another body under
/// the same key is a 422; without a key the work simply runs.
pub fn guarded<T: serde::Serialize>(
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
    if let Claim::Replay { status, body } =
        store::claim(conn, principal, key, "POST", path, request_hash)?
    {
        return Ok(Outcome::Replay { status, body });
    }
    let result = work(conn);
    let stored = result.as_ref().map_err(|_| ()).and_then(|value| {
        let body = serde_json::to_value(value).map_err(|_| ())?;
        store::complete(conn, principal, key, 200, &body).map_err(|_| ())
    });
    if stored.is_err() {
        // Nothing was stored for the key: let the client retry with it.
        let _ = store::release(conn, principal, key);
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
