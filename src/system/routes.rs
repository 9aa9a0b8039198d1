use actix_web::http::header::ContentType;
use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::db;
use crate::error::{AppError, Problem};

/// A check that passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    Ok,
}

/// The service's state when it can serve requests that need the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReadinessStatus {
    Ready,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"status": "ok"}))]
pub struct Health {
    /// Always `ok` while the process serves requests.
    pub status: CheckStatus,
}

// `ServiceReadiness` in the document: `Readiness` there is a project's readiness for monitoring.
/// The service can answer requests that need the database.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ServiceReadiness, example = json!({"status": "ready", "database": "ok"}))]
pub struct Readiness {
    /// `ready` when the service can reach its database.
    pub status: ReadinessStatus,
    /// `ok` when a query on a pooled connection of the primary succeeded.
    pub database: CheckStatus,
    /// The read replica (`DATABASE_READ_URL`), present only when one is configured. It does not
    /// decide readiness: while it is unavailable, reads go to the primary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_replica: Option<ReplicaReadiness>,
}

/// Whether the read replica answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReplicaStatus {
    /// It answered a query.
    Ok,
    /// It did not answer within half a second; reads go to the primary meanwhile.
    Unavailable,
}

/// The read replica's state.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"status": "ok", "standby": true, "replay_lag_bytes": 0,
                          "replay_lag_seconds": 0.0}))]
pub struct ReplicaReadiness {
    pub status: ReplicaStatus,
    /// True when it is a standby in recovery (false for a server that is not, such as the
    /// primary itself under another URL). Absent when unavailable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standby: Option<bool>,
    /// Bytes of WAL between the primary's current position and what the replica has replayed.
    /// Absent when unavailable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replay_lag_bytes: Option<u64>,
    /// 0 when the replica has replayed everything the primary held when asked; otherwise the
    /// seconds since the last transaction it replayed was committed. Absent when unavailable or
    /// not known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replay_lag_seconds: Option<f64>,
}

impl From<db::ReplicaState> for ReplicaReadiness {
    fn from(state: db::ReplicaState) -> Self {
        if !state.reachable {
            return ReplicaReadiness {
                status: ReplicaStatus::Unavailable,
                standby: None,
                replay_lag_bytes: None,
                replay_lag_seconds: None,
            };
        }
        ReplicaReadiness {
            status: ReplicaStatus::Ok,
            standby: Some(state.standby),
            replay_lag_bytes: state.replay_lag_bytes,
            replay_lag_seconds: state.replay_lag_seconds,
        }
    }
}

/// Liveness: the process is up and answering.
#[utoipa::path(
    tag = "system",
    operation_id = "get_health",
    summary = "Liveness check",
    description = "Answers 200 while the process serves HTTP; it does not touch the database. Public.",
    responses((status = 200, description = "The process is alive", body = Health)),
    extensions(("x-roles" = json!(["public"])))
)]
#[get("/healthz")]
pub async fn healthz() -> web::Json<Health> {
    web::Json(Health {
        status: CheckStatus::Ok,
    })
}

/// Readiness: the database answers a query within the pool timeout.
#[utoipa::path(
    tag = "system",
    operation_id = "get_readiness",
    summary = "Readiness check",
    description = "Runs a trivial query on a pooled connection of the primary. Answers 503 with \
                   `Retry-After` while the database is unreachable or no connection frees up \
                   within the pool timeout, and 200 again as soon as it is back, without a \
                   restart. With a read replica configured, `read_replica` shows whether it \
                   answers and how far its replay lags behind the primary; an unavailable replica \
                   does not make the service unready (reads go to the primary). Public.",
    responses(
        (status = 200, description = "The database is reachable", body = Readiness),
        (status = 503, description = "The database is unreachable or the pool is exhausted",
         body = Problem, content_type = "application/problem+json",
         headers(("Retry-After" = u32, description = "Seconds to wait before retrying"))),
    ),
    extensions(("x-roles" = json!(["public"])))
)]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> Result<web::Json<Readiness>, AppError> {
    let replica = state.db.readiness().await?;
    Ok(web::Json(Readiness {
        status: ReadinessStatus::Ready,
        database: CheckStatus::Ok,
        read_replica: replica.map(ReplicaReadiness::from),
    }))
}

/// Prometheus metrics in the text exposition format.
#[utoipa::path(
    tag = "system",
    operation_id = "get_metrics",
    summary = "Prometheus metrics",
    description = "Requests by method, route and status (`http_requests_total`), latency histogram \
                   (`http_request_duration_seconds`), requests in flight and the database pool \
                   (`db_pool_connections` by state: max, open, idle, waiting). Public; restrict it \
                   at the network edge in production.",
    responses((status = 200, description = "Metrics in Prometheus text format",
               body = String, content_type = "text/plain; version=0.0.4")),
    extensions(("x-roles" = json!(["public"])))
)]
#[get("/metrics")]
pub async fn metrics(state: web::Data<AppState>) -> HttpResponse {
    let body = state
        .metrics
        .render(state.db.stats(), state.db.read_stats());
    HttpResponse::Ok()
        .content_type(ContentType(
            "text/plain; version=0.0.4; charset=utf-8"
                .parse()
                .expect("valid mime"),
        ))
        .body(body)
}
