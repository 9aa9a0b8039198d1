//! Extractor configuration so that malformed input answers problem+json, never plain text.

use actix_web::error::{JsonPayloadError, PathError, PayloadError, QueryPayloadError};
use actix_web::web;
use serde_json::error::Category;

use crate::error::{AppError, FieldErrors};

/// Registers JSON, payload, query and path settings on a service config.
pub fn configure(max_body_bytes: usize) -> impl FnOnce(&mut web::ServiceConfig) {
    move |cfg| {
        cfg.app_data(json_config(max_body_bytes))
            .app_data(web::PayloadConfig::new(max_body_bytes))
            .app_data(query_config())
            .app_data(path_config());
    }
}

pub fn json_config(max_body_bytes: usize) -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(max_body_bytes)
        .error_handler(move |err, _req| json_error(err, max_body_bytes).into())
}

fn json_error(err: JsonPayloadError, limit: usize) -> AppError {
    match err {
        JsonPayloadError::OverflowKnownLength { .. } | JsonPayloadError::Overflow { .. } => {
            too_large(limit)
        }
        JsonPayloadError::ContentType => AppError::UnsupportedMediaType(
            "The request body must be JSON, sent with Content-Type: application/json.".to_owned(),
        ),
        JsonPayloadError::Deserialize(e) => match e.classify() {
            // Well-formed JSON of the wrong shape: the client can fix a field, so say which.
            Category::Data => AppError::validation(
                "The request body does not match the expected schema.",
                data_error_fields(&e),
            ),
            Category::Syntax | Category::Eof | Category::Io => AppError::BadRequest(format!(
                "The request body is not valid JSON: {}",
                strip_position(&e)
            )),
        },
        JsonPayloadError::Payload(PayloadError::Overflow) => too_large(limit),
        JsonPayloadError::Payload(e) => {
            AppError::BadRequest(format!("The request body could not be read: {e}"))
        }
        JsonPayloadError::Serialize(e) => AppError::Internal(format!("serialize: {e}")),
        other => AppError::BadRequest(format!("The request body could not be read: {other}")),
    }
}

fn too_large(limit: usize) -> AppError {
    AppError::PayloadTooLarge(format!(
        "The request body is larger than the limit of {limit} bytes."
    ))
}

/// A JSON body already parsed as a value, typed as `T`; a shape error answers as the JSON
/// extractor's does (422 naming the field). For handlers that keep the body as sent.
pub fn typed<T: serde::de::DeserializeOwned>(value: &serde_json::Value) -> Result<T, AppError> {
    T::deserialize(value).map_err(|e| {
        AppError::validation(
            "The request body does not match the expected schema.",
            data_error_fields(&e),
        )
    })
}

/// serde reports data errors as text; name the field when serde names one.
fn data_error_fields(e: &serde_json::Error) -> FieldErrors {
    let message = strip_position(e);
    let field = field_named_in(&message).unwrap_or_else(|| "body".to_owned());
    let mut errors = FieldErrors::new();
    errors.insert(field, vec![message]);
    errors
}

fn field_named_in(message: &str) -> Option<String> {
    for marker in ["unknown field `", "missing field `", "duplicate field `"] {
        if let Some(rest) = message.split(marker).nth(1) {
            return rest.split('`').next().map(str::to_owned);
        }
    }
    None
}

fn strip_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(idx) => text[..idx].to_owned(),
        None => text,
    }
}

pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|err, _req| {
        let detail = match err {
            QueryPayloadError::Deserialize(e) => format!("Invalid query parameters: {e}"),
            other => format!("Invalid query parameters: {other}"),
        };
        AppError::BadRequest(detail).into()
    })
}

pub fn path_config() -> web::PathConfig {
    web::PathConfig::default().error_handler(|err, _req| {
        let PathError::Deserialize(e) = err else {
            return AppError::BadRequest("Invalid path parameter.".to_owned()).into();
        };
        AppError::BadRequest(format!("Invalid path parameter: {e}")).into()
    })
}

/// A JSON body the client may leave out. No body at all (`Content-Length: 0` or none, not
/// chunked) is `None`; a body that is there must be valid, with the same answers as
/// `web::Json` (`Option<web::Json<T>>` would read a malformed body as "no body" and carry on).
pub struct OptionalJson<T>(pub Option<T>);

impl<T: serde::de::DeserializeOwned + 'static> actix_web::FromRequest for OptionalJson<T> {
    type Error = actix_web::Error;
    type Future = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(
        req: &actix_web::HttpRequest,
        payload: &mut actix_web::dev::Payload,
    ) -> Self::Future {
        use actix_web::http::header;
        let headers = req.headers();
        let chunked = headers.contains_key(header::TRANSFER_ENCODING);
        let length = headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok());
        if !chunked && length.unwrap_or(0) == 0 {
            return Box::pin(std::future::ready(Ok(OptionalJson(None))));
        }
        let json = web::Json::<T>::from_request(req, payload);
        Box::pin(async move { Ok(OptionalJson(Some(json.await?.into_inner()))) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_field_serde_complains_about() {
        assert_eq!(
            field_named_in("unknown field `rol`, expected one of `role`").as_deref(),
            Some("rol")
        );
        assert_eq!(
            field_named_in("missing field `name`").as_deref(),
            Some("name")
        );
        assert_eq!(field_named_in("invalid type: string"), None);
    }
}
