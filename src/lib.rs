//! budget-monitor: budget performance monitoring for finance departments.
//!
//! `build_app` assembles the one actix-web `App` used by the server binary and the tests; the
//! OpenAPI document comes from the same registrations (`openapi::document`).

use std::sync::Arc;

use actix_web::body::BoxBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::{Compat, from_fn};
use actix_web::{App, web};
use utoipa_swagger_ui::SwaggerUi;

pub mod audit;
pub mod auth;
pub mod batch;
pub mod changes;
pub mod config;
pub mod db;
pub mod demo;
pub mod departments;
pub mod domain;
pub mod error;
pub mod execution;
pub mod export;
pub mod http;
pub mod idempotency;
pub mod indicator_values;
pub mod indicators;
pub mod keymon;
pub mod lights;
pub mod listing;
pub mod openapi;
pub mod pagination;
pub mod projects;
pub mod regions;
pub mod reports;
pub mod results;
pub mod rounds;
pub mod routes;
pub mod schema;
pub mod server;
pub mod sql;
pub mod stats;
pub mod system;
pub mod targets;
pub mod tasks;
pub mod telemetry;
pub mod users;
pub mod validation;

use auth::principals::Principals;
use auth::tokens::TokenKeys;
use config::Config;
use db::Db;
use http::metrics::Metrics;

/// Everything handlers share. Cheap to clone; nothing in it must stay coherent across instances.
#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    pub db: Db,
    pub metrics: Metrics,
    pub tokens: Arc<TokenKeys>,
    /// The callers this instance has read (`auth::principals`).
    pub principals: Arc<Principals>,
}

impl AppState {
    /// Builds the pools lazily: no connection is made until the first request needs one. With
    /// `DATABASE_READ_URL`, a second pool of the same size serves reads (`db::replica`).
    pub fn new(config: Config) -> Self {
        let mut db = Db::new(
            &config.database_url,
            config.db_pool_size,
            config.db_connect_timeout,
        );
        if let Some(read_url) = &config.database_read_url {
            tracing::info!(
                replica = %config::redact_url(read_url),
                max_lag_seconds = config.database_read_max_lag.as_secs(),
                "reads of GET and HEAD requests may come from the read replica"
            );
            db = db.with_read_replica(
                read_url,
                config.db_pool_size,
                config.db_connect_timeout,
                config.database_read_max_lag,
            );
        }
        AppState {
            tokens: Arc::new(TokenKeys::new(&config.auth)),
            config: Arc::new(config),
            db,
            metrics: Metrics::new(),
            principals: Arc::new(Principals::default()),
        }
    }
}

pub fn build_app(
    state: AppState,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<BoxBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    build_app_with(state, |_| {})
}

/// `build_app` with extra services mounted beside the API, under the same error handling and
/// middleware (tests use it to drive the extractors with inputs no production route takes yet).
pub fn build_app_with(
    state: AppState,
    extra: impl FnOnce(&mut web::ServiceConfig) + 'static,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<BoxBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let max_body = state.config.max_body_bytes;
    let cors = http::cors::cors(&state.config.cors_allowed_origins);
    let app = App::new()
        .app_data(web::Data::new(state))
        .configure(http::extractors::configure(max_body));
    let (app, api) = routes::build(app);
    app.configure(extra)
        .service(SwaggerUi::new("/docs/{_:.*}").url("/openapi.json", api))
        .default_service(web::to(http::fallback::not_routed))
        .wrap(from_fn(http::query_guard::query_guard))
        .wrap(Compat::new(cors))
        .wrap(from_fn(http::request_context::request_context))
}
