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
