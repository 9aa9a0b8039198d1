//! The outermost middleware: a request id for every request, one access-log line, metrics, a
//! last guard that turns any error response that is not yet problem+json into one, and the
//! request's database budget and access (`db::budget`: GET and HEAD run READ ONLY).

use std::time::{Duration, Instant};

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpResponse, ResponseError, web};
use tracing::Instrument;

use crate::AppState;
use crate::config::DEFAULT_DB_CONNECT_TIMEOUT_SECS;
use crate::db::Access;
use crate::error::{AppError, PROBLEM_CONTENT_TYPE};

pub const REQUEST_ID_HEADER: HeaderName = HeaderName::from_static("x-request-id");
/// `Read-Consistency: strong` makes a GET or HEAD read from the primary even when the read
/// replica could serve it (see `db::replica`).
pub const READ_CONSISTENCY_HEADER: HeaderName = HeaderName::from_static("read-consistency");

/// The id of the current request, available to handlers through request extensions.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

/// Accepts a client's id only when it is short and plain, so it cannot forge log lines.
fn client_request_id(req: &ServiceRequest) -> Option<String> {
    let value = req.headers().get(&REQUEST_ID_HEADER)?.to_str().ok()?;
    let ok = !value.is_empty()
        && value.len() <= 128
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b));
    ok.then(|| value.to_owned())
}

/// How the request's database work runs: GET and HEAD only read, in READ ONLY transactions
/// (which the read replica may serve); everything else reads and writes the primary.
/// A read's `Read-Consistency` other than `strong` is refused (400): a client that misspelt it
/// must not believe it read from the primary. Other methods always use the primary and ignore it.
fn access_of(req: &ServiceRequest) -> Result<Access, AppError> {
    let read_only = matches!(*req.method(), Method::GET | Method::HEAD);
    let strong = match req.headers().get(&READ_CONSISTENCY_HEADER) {
        Some(value) if read_only => {
            let strong = value
                .to_str()
                .is_ok_and(|v| v.trim().eq_ignore_ascii_case("strong"));
            if !strong {
                return Err(AppError::BadRequest(
                    "Read-Consistency takes one value, `strong` (read from the primary); leave \
                     it out to read from wherever the read is up to date."
                        .to_owned(),
                ));
            }
            true
        }
        _ => false,
    };
    Ok(Access { read_only, strong })
}

pub async fn request_context(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let started = Instant::now();
    let request_id = client_request_id(&req).unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    req.extensions_mut().insert(RequestId(request_id.clone()));
    let state = req.app_data::<web::Data<AppState>>();
    let metrics = state.map(|state| state.metrics.clone());
    let wait_limit = state.map_or(
        Duration::from_secs(DEFAULT_DB_CONNECT_TIMEOUT_SECS),
        |state| state.config.db_connect_timeout,
    );
    if let Some(m) = &metrics {
        m.request_started();
    }
    let method = req.method().to_string();
    let path = req.path().to_owned();
    let span = tracing::info_span!("request", request_id = %request_id);

    // Holding a clone of the request across `next.call` would break routing (it needs the only
    // reference), so an `Err` from inner services passes through; handlers and extractors answer
    // with `Ok` responses built from `AppError`, so that path carries no client-visible errors.
    let (access, refused) = match access_of(&req) {
        Ok(access) => (access, None),
        Err(err) => (Access::default(), Some(err)),
    };
    let db = state.map(|state| state.db.clone());
    let work = async move {
        if let Some(err) = refused {
            return Ok(req.error_response(err));
        }
        let res = next.call(req).await?.map_into_boxed_body();
        Ok::<_, actix_web::Error>(match &db {
            Some(db) => crate::auth::caller::settle(res, db).await,
            None => res,
        })
    };
    let handled = crate::db::budget::scoped(wait_limit, access, work.instrument(span.clone()));
    let res = match handled.await {
        Ok(res) => res,
        Err(err) => {
            let status = err.as_response_error().status_code().as_u16();
            if let Some(m) = &metrics {
                m.request_finished(
                    &method,
                    "unmatched",
                    status,
                    started.elapsed().as_secs_f64(),
                );
            }
            span.in_scope(|| tracing::warn!(method = %method, path = %path, status, error = %err, "request failed in middleware"));
            return Err(err);
        }
    };
    let mut res = ensure_problem_body(res).await;
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        res.headers_mut().insert(REQUEST_ID_HEADER, value);
    }

    let status = res.status().as_u16();
    // Unmatched paths share one label so scanners cannot blow up the metric's cardinality.
    let route = res
        .request()
        .match_pattern()
        .unwrap_or_else(|| "unmatched".to_owned());
    let elapsed = started.elapsed();
    if let Some(m) = &metrics {
        m.request_finished(&method, &route, status, elapsed.as_secs_f64());
    }
    span.in_scope(|| {
        tracing::info!(
            method = %method,
            route = %route,
            path = %path,
            status,
            latency_ms = elapsed.as_micros() as f64 / 1000.0,
            "request"
        );
    });
    Ok(res)
}

/// Error answers from the framework or middleware (e.g. a refused CORS preflight) arrive as plain
/// text; clients are promised problem+json for every error, so rewrite them.
async fn ensure_problem_body(res: ServiceResponse<BoxBody>) -> ServiceResponse<BoxBody> {
    let status = res.status();
    if status.as_u16() < 400 {
        return res;
    }
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with(PROBLEM_CONTENT_TYPE));
    if is_problem {
        return res;
    }
    let (req, response) = res.into_parts();
    let kept_headers: Vec<_> = response
        .headers()
        .iter()
        .filter(|(name, _)| {
            *name == header::RETRY_AFTER
                || *name == header::ALLOW
                || name.as_str().starts_with("access-control-")
                || *name == header::VARY
        })
        .map(|(n, v)| (n.clone(), v.clone()))
        .collect();
    let body = actix_web::body::to_bytes_limited(response.into_body(), 1024)
        .await
        .ok()
        .and_then(Result::ok);
    let text = body
        .as_deref()
        .and_then(|b| std::str::from_utf8(b).ok())
        .map(str::trim)
        .filter(|t| !t.is_empty() && t.len() <= 300)
        .map(str::to_owned);
    let mut new_res = problem_for_status(status, text);
    for (name, value) in kept_headers {
        new_res.headers_mut().insert(name, value);
    }
    ServiceResponse::new(req, new_res)
}

fn problem_for_status(status: StatusCode, text: Option<String>) -> HttpResponse {
    let reason = status.canonical_reason().unwrap_or("Error");
    let detail = text.unwrap_or_else(|| reason.to_owned());
    let err = match status.as_u16() {
        400 => AppError::BadRequest(detail),
        401 => AppError::Unauthorized(detail),
        403 => AppError::Forbidden(detail),
        404 => AppError::NotFound(detail),
        405 => AppError::MethodNotAllowed,
        409 => AppError::Conflict(detail),
        412 => AppError::PreconditionFailed(detail),
        413 => AppError::PayloadTooLarge(detail),
        415 => AppError::UnsupportedMediaType(detail),
        422 => AppError::validation(detail, Default::default()),
        428 => AppError::PreconditionRequired(detail),
        503 => AppError::Unavailable {
            detail,
            retry_after: crate::error::DB_RETRY_AFTER,
        },
        500 => AppError::Internal(detail),
        // A status with no meaning of ours beyond its code: RFC 9457's "about:blank".
        _ => {
            let problem = crate::error::Problem {
                problem_type: "about:blank".to_owned(),
                title: reason.to_owned(),
                status: status.as_u16(),
                detail,
                errors: None,
            };
            return HttpResponse::build(status)
                .insert_header((header::CONTENT_TYPE, PROBLEM_CONTENT_TYPE))
                .body(serde_json::to_vec(&problem).unwrap_or_default());
        }
    };
    err.error_response()
}
