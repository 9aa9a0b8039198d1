//! Optimistic concurrency: every resource carries a version; `ETag` shows it and `PATCH` must
//! send it back in `If-Match`, so two officers editing the same record cannot silently overwrite
//! each other.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest};
use std::future::{Ready, ready};

use crate::error::AppError;

pub fn etag(version: i32) -> String {
    format!("\"{version}\"")
}

/// The version a client says it is changing, from `If-Match`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IfMatch(pub i32);

/// Stands for an `If-Match` that names no version of ours (malformed, or `*`): versions start at
/// 1, so the update finds it stale. Failing there rather than in the extractor keeps the order
/// clients rely on: a bad body is 400/422 and a forbidden change 403 before any 412.
const NO_VERSION: i32 = 0;

impl FromRequest for IfMatch {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(parse(req.headers().get(header::IF_MATCH)))
    }
}

fn parse(value: Option<&header::HeaderValue>) -> Result<IfMatch, AppError> {
    let Some(value) = value else {
        return Err(AppError::PreconditionRequired(
            "Send If-Match with the ETag from your last read of this resource.".to_owned(),
        ));
    };
    let text = value.to_str().unwrap_or("").trim();
    let text = text.strip_prefix("W/").unwrap_or(text);
    let version = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .and_then(|t| t.parse::<i32>().ok())
        .filter(|v| *v > NO_VERSION)
        .unwrap_or(NO_VERSION);
    Ok(IfMatch(version))
}

pub fn stale() -> AppError {
    AppError::PreconditionFailed(
        "The resource changed since you read it: read it again and reapply your change.".to_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::HeaderValue;

    #[test]
    fn reads_strong_and_weak_etags() {
        assert_eq!(
            parse(Some(&HeaderValue::from_static("\"3\""))).unwrap(),
            IfMatch(3)
        );
        assert_eq!(
            parse(Some(&HeaderValue::from_static("W/\"12\""))).unwrap(),
            IfMatch(12)
        );
    }

    #[test]
    fn missing_is_428_and_garbage_matches_no_version() {
        use actix_web::ResponseError;
        assert_eq!(parse(None).unwrap_err().status_code().as_u16(), 428);
        for garbage in ["abc", "3", "\"-1\"", "\"0\"", "*", ""] {
            let tag = HeaderValue::from_str(garbage).unwrap();
            assert_eq!(parse(Some(&tag)).unwrap(), IfMatch(NO_VERSION), "{garbage}");
        }
    }
}
