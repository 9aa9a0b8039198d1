//! Response helpers shared by resources.

use actix_web::HttpResponse;
use actix_web::http::header;
use serde::Serialize;

use crate::http::etag::etag;

/// 200 with the body and its `ETag`.
pub fn ok_with_etag<T: Serialize>(body: &T, version: i32) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::ETAG, etag(version)))
        .json(body)
}

/// 201 with `Location` and `ETag`.
pub fn created<T: Serialize>(body: &T, location: &str, version: i32) -> HttpResponse {
    HttpResponse::Created()
        .insert_header((header::LOCATION, location.to_owned()))
        .insert_header((header::ETAG, etag(version)))
        .json(body)
}
