//! Cross-origin access for third-party frontends that call the API from browsers.

use actix_cors::Cors;
use actix_web::http::{Method, header};

use crate::config::CorsOrigins;

pub fn cors(origins: &CorsOrigins) -> Cors {
    let base = Cors::default()
        .allowed_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::PATCH,
            Method::DELETE,
        ])
        .allowed_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::ACCEPT,
            header::IF_MATCH,
            header::HeaderName::from_static("idempotency-key"),
            header::HeaderName::from_static("x-request-id"),
            crate::http::request_context::READ_CONSISTENCY_HEADER,
        ])
        .expose_headers([
            header::ETAG,
            header::LOCATION,
            header::RETRY_AFTER,
            header::HeaderName::from_static("x-request-id"),
        ])
        .max_age(3600);
    match origins {
        // With no origins allowed the middleware still answers preflights, with a refusal.
        CorsOrigins::None => base,
        CorsOrigins::Any => base.allow_any_origin().send_wildcard(),
        CorsOrigins::List(list) => list
            .iter()
            .fold(base, |cors, origin| cors.allowed_origin(origin)),
    }
}
