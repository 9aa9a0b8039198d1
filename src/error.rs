//! One error type for the whole service, rendered as RFC 9457 `application/problem+json`.
//!
//! Internal causes (SQL, pool and driver messages) are logged with the request id and never sent
//! to the client: a finance system must not leak its schema or other tenants' data in errors.

use std::collections::BTreeMap;
use std::time::Duration;

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use serde::Serialize;
use utoipa::ToSchema;

pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

/// Field name → messages, for 422 answers.
pub type FieldErrors = BTreeMap<String, Vec<String>>;

/// An RFC 9457 problem details document.
#[derive(Debug, Serialize, serde::Deserialize, ToSchema)]
#[schema(example = json!({
    "type": "/problems/validation-failed",
    "title": "Validation failed",
    "status": 422,
    "detail": "The request body has invalid fields.",
    "errors": {"name": ["must not be empty"]}
}))]
pub struct Problem {
    /// A URI reference naming the kind of problem; stable, so clients may branch on it.
    #[serde(rename = "type")]
    pub problem_type: String,
    /// A short summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong with this request, in words a person can act on.
    pub detail: String,
    /// For 422: the invalid fields and what is wrong with each.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<std::collections::HashMap<String, Vec<String>>>)]
    pub errors: Option<FieldErrors>,
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("unauthorized: {0}")]
    Unauthorized(String),
    #[error("forbidden: {0}")]
    Forbidden(String),
    #[error("not found: {0}")]
    NotFound(String),
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("precondition failed: {0}")]
    PreconditionFailed(String),
    #[error("payload too large: {0}")]
    PayloadTooLarge(String),
    #[error("URI too long: {0}")]
    UriTooLong(String),
    #[error("unsupported media type: {0}")]
    UnsupportedMediaType(String),
    #[error("validation failed: {detail}")]
    Validation { detail: String, errors: FieldErrors },
    #[error("precondition required: {0}")]
    PreconditionRequired(String),
    #[error("request header fields too large: {0}")]
    HeaderFieldsTooLarge(String),
    /// The request's head did not arrive in time (answered below the application, `http::edge`).
    #[error("request timeout: {0}")]
    RequestTimeout(String),
    #[error("too many requests: {detail}")]
    TooManyRequests {
        detail: String,
        retry_after: Duration,
    },
    #[error("service unavailable: {detail}")]
    Unavailable {
        detail: String,
        retry_after: Duration,
    },
    /// The cause is logged, not shown.
    #[error("internal error: {0}")]
    Internal(String),
}

/// How long a client should wait before retrying when the database is unavailable.
pub const DB_RETRY_AFTER: Duration = Duration::from_secs(2);

impl AppError {
    pub fn validation(detail: impl Into<String>, errors: FieldErrors) -> Self {
        AppError::Validation {
            detail: detail.into(),
            errors,
        }
    }

    /// A 422 for a single field.
    pub fn invalid_field(field: impl Into<String>, message: impl Into<String>) -> Self {
        let mut errors = FieldErrors::new();
        errors.insert(field.into(), vec![message.into()]);
        AppError::validation("The request has an invalid field.", errors)
    }

    /// PostgreSQL's refusal of U+0000 in a text value, as the client sees it.
    pub fn text_with_nul() -> Self {
        AppError::BadRequest("Text must not contain the character U+0000.".to_owned())
    }

    /// What PostgreSQL would answer for `text` in a query: batch lookups leave such a key out
    /// of their shared query (it would sink the query for every item) and refuse it here.
    pub fn refuse_nul(text: &str) -> Result<(), AppError> {
        if text.contains('\0') {
            Err(AppError::text_with_nul())
        } else {
            Ok(())
        }
    }

    pub fn database_unavailable() -> Self {
        AppError::Unavailable {
            detail: "The database is not reachable at the moment; retry shortly.".to_owned(),
            retry_after: DB_RETRY_AFTER,
        }
    }

    fn slug_and_title(&self) -> (&'static str, &'static str) {
        match self {
            AppError::BadRequest(_) => ("bad-request", "Bad request"),
            AppError::Unauthorized(_) => ("unauthorized", "Authentication required"),
            AppError::Forbidden(_) => ("forbidden", "Forbidden"),
            AppError::NotFound(_) => ("not-found", "Not found"),
            AppError::MethodNotAllowed => ("method-not-allowed", "Method not allowed"),
            AppError::Conflict(_) => ("conflict", "Conflict"),
            AppError::PreconditionFailed(_) => ("precondition-failed", "Precondition failed"),
            AppError::PayloadTooLarge(_) => ("payload-too-large", "Payload too large"),
            AppError::UriTooLong(_) => ("uri-too-long", "URI too long"),
            AppError::UnsupportedMediaType(_) => {
                ("unsupported-media-type", "Unsupported media type")
            }
            AppError::Validation { .. } => ("validation-failed", "Validation failed"),
            AppError::PreconditionRequired(_) => ("precondition-required", "Precondition required"),
            AppError::HeaderFieldsTooLarge(_) => (
                "request-header-fields-too-large",
                "Request header fields too large",
            ),
            AppError::RequestTimeout(_) => ("request-timeout", "Request timeout"),
            AppError::TooManyRequests { .. } => ("too-many-requests", "Too many requests"),
            AppError::Unavailable { .. } => ("service-unavailable", "Service unavailable"),
            AppError::Internal(_) => ("internal-error", "Internal server error"),
        }
    }

    pub fn problem(&self) -> Problem {
        let (slug, title) = self.slug_and_title();
        let detail = match self {
            AppError::BadRequest(d)
            | AppError::Unauthorized(d)
            | AppError::Forbidden(d)
            | AppError::NotFound(d)
            | AppError::Conflict(d)
            | AppError::PreconditionFailed(d)
            | AppError::PayloadTooLarge(d)
            | AppError::UriTooLong(d)
            | AppError::UnsupportedMediaType(d)
            | AppError::PreconditionRequired(d)
            | AppError::HeaderFieldsTooLarge(d)
            | AppError::RequestTimeout(d) => d.clone(),
            AppError::Validation { detail, .. }
            | AppError::TooManyRequests { detail, .. }
            | AppError::Unavailable { detail, .. } => detail.clone(),
            AppError::MethodNotAllowed => {
                "This resource does not support the request's method.".to_owned()
            }
            AppError::Internal(_) => {
                "The server failed to handle the request; it has been logged with the request id."
                    .to_owned()
            }
        };
        let errors = match self {
            AppError::Validation { errors, .. } => Some(errors.clone()),
            _ => None,
        };
        Problem {
            problem_type: format!("/problems/{slug}"),
            title: title.to_owned(),
            status: self.status_code().as_u16(),
            detail,
            errors,
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::PreconditionFailed(_) => StatusCode::PRECONDITION_FAILED,
            AppError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::UriTooLong(_) => StatusCode::URI_TOO_LONG,
            AppError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::Validation { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::PreconditionRequired(_) => StatusCode::PRECONDITION_REQUIRED,
            AppError::HeaderFieldsTooLarge(_) => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            AppError::RequestTimeout(_) => StatusCode::REQUEST_TIMEOUT,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable { .. } => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let AppError::Internal(cause) = self {
            tracing::error!(cause = %cause, "internal error");
        }
        let mut builder = HttpResponse::build(self.status_code());
        builder.insert_header((
            header::CONTENT_TYPE,
            HeaderValue::from_static(PROBLEM_CONTENT_TYPE),
        ));
        match self {
            AppError::TooManyRequests { retry_after, .. }
            | AppError::Unavailable { retry_after, .. } => {
                let secs = retry_after.as_secs().max(1);
                builder.insert_header((header::RETRY_AFTER, secs.to_string()));
            }
            AppError::Unauthorized(_) => {
                builder.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
            }
            _ => {}
        }
        let body = serde_json::to_vec(&self.problem()).unwrap_or_default();
        builder.body(body)
    }
}

impl From<DieselError> for AppError {
    fn from(err: DieselError) -> Self {
        match err {
            DieselError::NotFound => AppError::NotFound("The resource does not exist.".to_owned()),
            DieselError::DatabaseError(kind, info) => match kind {
                DatabaseErrorKind::UniqueViolation => AppError::Conflict(
                    "A record with the same unique key already exists.".to_owned(),
                ),
                DatabaseErrorKind::ForeignKeyViolation => AppError::Conflict(
                    "The change conflicts with records that refer to, or are referred to by, this one."
                        .to_owned(),
                ),
                // A hot standby cancels a read whose rows the primary's changes remove while
                // it replays them (SQLSTATE 40001 too): nothing collided, the read can simply be
                // made again, and on the primary it cannot be cancelled this way.
                DatabaseErrorKind::SerializationFailure
                    if info.message().contains("conflict with recovery") =>
                {
                    tracing::warn!(cause = info.message(), "the read replica cancelled a read");
                    AppError::Unavailable {
                        detail: "The read replica cancelled the read while it replayed the \
                                 primary's changes; retry, or send Read-Consistency: strong to \
                                 read from the primary."
                            .to_owned(),
                        retry_after: Duration::from_secs(1),
                    }
                }
                // PostgreSQL broke a lock cycle by rolling this transaction back (SQLSTATE
                // 40P01, which diesel does not name): nothing was written and a retry works.
                // Writes take their locks in one order so that this should not happen.
                DatabaseErrorKind::Unknown if info.message().starts_with("deadlock detected") => {
                    tracing::warn!(
                        cause = info.message(),
                        "a write was rolled back to break a deadlock"
                    );
                    collided()
                }
                DatabaseErrorKind::SerializationFailure => collided(),
                // JSON strings and percent-decoded query values may carry U+0000, which a
                // PostgreSQL text value cannot hold; that is the client's input, not our fault.
                // Diesel gives no SQLSTATE here, only PostgreSQL's message.
                DatabaseErrorKind::Unknown
                    if info.message().starts_with("invalid byte sequence")
                        && info.message().ends_with("0x00") =>
                {
                    AppError::text_with_nul()
                }
                DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand => {
                    tracing::warn!(cause = %info.message().trim(), "database connection lost");
                    connection_lost()
                }
                _ => AppError::Internal(format!(
                    "database error {kind:?}: {} (constraint {:?})",
                    info.message(),
                    info.constraint_name()
                )),
            },
            // COMMIT failed and so did the rollback after it: the connection died at the
            // moment of committing, and whether PostgreSQL committed is not known here.
            DieselError::RollbackErrorOnCommit {
                rollback_error,
                commit_error,
            } => {
                tracing::error!(
                    commit_error = %commit_error,
                    rollback_error = %rollback_error,
                    "commit outcome unknown: the connection failed during COMMIT"
                );
                connection_lost()
            }
            // A rollback that failed leaves the connection unusable; it is discarded.
            DieselError::BrokenTransactionManager => {
                tracing::warn!("database connection left broken by a failed rollback");
                connection_lost()
            }
            other => AppError::Internal(format!("database error: {other}")),
        }
    }
}

/// The 409 for a transaction PostgreSQL rolled back because of a concurrent one: nothing was
/// written, and the same request again can succeed.
fn collided() -> AppError {
    AppError::Conflict("The change collided with a concurrent change; retry it.".to_owned())
}

/// The 503 for a connection that failed as a connection, which is noted so that the code
/// holding it discards it and stops using it.
fn connection_lost() -> AppError {
    crate::db::note_connection_lost();
    AppError::database_unavailable()
}

impl From<actix_web::error::BlockingError> for AppError {
    fn from(err: actix_web::error::BlockingError) -> Self {
        AppError::Internal(format!("blocking task failed: {err}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unique_violation_is_a_conflict_without_sql_text() {
        struct Info;
        impl diesel::result::DatabaseErrorInformation for Info {
            fn message(&self) -> &str {
                "duplicate key value violates unique constraint \"regions_code_key\""
            }
            fn details(&self) -> Option<&str> {
                Some("Key (code)=(370100) already exists.")
            }
            fn hint(&self) -> Option<&str> {
                None
            }
            fn table_name(&self) -> Option<&str> {
                Some("regions")
            }
            fn column_name(&self) -> Option<&str> {
                None
            }
            fn constraint_name(&self) -> Option<&str> {
                Some("regions_code_key")
            }
            fn statement_position(&self) -> Option<i32> {
                None
            }
        }
        let err: AppError =
            DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, Box::new(Info)).into();
        assert_eq!(err.status_code(), StatusCode::CONFLICT);
        let problem = serde_json::to_string(&err.problem()).unwrap();
        assert!(!problem.contains("regions_code_key"), "{problem}");
        assert!(!problem.contains("370100"), "{problem}");
    }

    struct Message(&'static str);

    impl diesel::result::DatabaseErrorInformation for Message {
        fn message(&self) -> &str {
            self.0
        }
        fn details(&self) -> Option<&str> {
            None
        }
        fn hint(&self) -> Option<&str> {
            None
        }
        fn table_name(&self) -> Option<&str> {
            None
        }
        fn column_name(&self) -> Option<&str> {
            None
        }
        fn constraint_name(&self) -> Option<&str> {
            None
        }
        fn statement_position(&self) -> Option<i32> {
            None
        }
    }

    #[test]
    fn a_cancelled_read_is_a_503_and_a_deadlock_or_serialization_failure_a_409() {
        let serialization = |message| -> AppError {
            DieselError::DatabaseError(
                DatabaseErrorKind::SerializationFailure,
                Box::new(Message(message)),
            )
            .into()
        };
        let cancelled = serialization("canceling statement due to conflict with recovery");
        assert_eq!(cancelled.status_code(), StatusCode::SERVICE_UNAVAILABLE);
        let response = cancelled.error_response();
        assert_eq!(response.headers().get("retry-after").unwrap(), "1");
        assert!(
            cancelled
                .problem()
                .detail
                .contains("Read-Consistency: strong")
        );
        let collided = serialization("could not serialize access due to concurrent update");
        assert_eq!(collided.status_code(), StatusCode::CONFLICT);
        let deadlock: AppError = DieselError::DatabaseError(
            DatabaseErrorKind::Unknown,
            Box::new(Message("deadlock detected")),
        )
        .into();
        assert_eq!(deadlock.status_code(), StatusCode::CONFLICT);
    }

    #[test]
    fn internal_errors_hide_their_cause() {
        let err = AppError::Internal("SELECT secret FROM users".to_owned());
        let problem = err.problem();
        assert_eq!(problem.status, 500);
        assert!(!problem.detail.contains("SELECT"));
    }

    #[test]
    fn only_validation_problems_carry_field_errors() {
        let err = AppError::invalid_field("code", "must be 6 digits");
        let p = err.problem();
        assert_eq!(p.status, 422);
        assert_eq!(p.errors.unwrap()["code"], vec!["must be 6 digits"]);
        assert!(AppError::Conflict("x".into()).problem().errors.is_none());
    }
}
