//! Answers for requests no route handles: 405 when the path exists with other methods, else 404.

use actix_web::{HttpRequest, HttpResponse, ResponseError};

use crate::error::AppError;

pub async fn not_routed(req: HttpRequest) -> HttpResponse {
    let err = if req.resource_map().has_resource(req.path()) {
        AppError::MethodNotAllowed
    } else {
        AppError::NotFound(format!("No resource at {}.", req.path()))
    };
    err.error_response()
}
