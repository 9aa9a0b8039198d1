//! Answers for requests no route handles: 405 (with `Allow`) when the path exists with other
//! methods, else 404.

use std::sync::LazyLock;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, ResponseError};

use crate::error::AppError;

/// Path templates of the API split into segments, with the methods each answers, read from
/// the OpenAPI document so `Allow` can never disagree with it.
static METHODS: LazyLock<Vec<(Vec<String>, String)>> = LazyLock::new(|| {
    let doc = serde_json::to_value(crate::openapi::document()).unwrap_or_default();
    let mut out = Vec::new();
    if let Some(paths) = doc["paths"].as_object() {
        for (path, item) in paths {
            let mut methods: Vec<String> = item
                .as_object()
                .map(|ops| {
                    ops.keys()
                        .filter(|m| ["get", "put", "post", "delete", "patch"].contains(&m.as_str()))
                        .map(|m| m.to_uppercase())
                        .collect()
                })
                .unwrap_or_default();
            methods.sort();
            out.push((
                path.trim_matches('/')
                    .split('/')
                    .map(str::to_owned)
                    .collect(),
                methods.join(", "),
            ));
        }
    }
    out
});

/// The methods of the template that fits `path` best: `/projects/import` fits both itself and
/// `/projects/{id}`, and is the former, as the router decides.
fn allowed(path: &str) -> Option<&'static str> {
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    METHODS
        .iter()
        .filter_map(|(template, methods)| {
            let fits = template.len() == segments.len()
                && template
                    .iter()
                    .zip(&segments)
                    .all(|(t, s)| t == s || (t.starts_with('{') && !s.is_empty()));
            let literal = template.iter().filter(|t| !t.starts_with('{')).count();
            fits.then_some((literal, methods.as_str()))
        })
        .max_by_key(|(literal, _)| *literal)
        .map(|(_, methods)| methods)
}

pub async fn not_routed(req: HttpRequest) -> HttpResponse {
    if req.resource_map().has_resource(req.path()) {
        let mut res = AppError::MethodNotAllowed.error_response();
        if let Some(methods) = allowed(req.path())
            && let Ok(value) = header::HeaderValue::from_str(methods)
        {
            res.headers_mut().insert(header::ALLOW, value);
        }
        return res;
    }
    AppError::NotFound(format!("No resource at {}.", req.path())).error_response()
}
