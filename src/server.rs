//! Start-up: database and migrations first, then the HTTP server with graceful shutdown.

use std::time::Duration;

use actix_web::HttpServer;

use crate::config::{Config, redact_url};
use crate::{AppState, build_app, db};

/// How long in-flight requests may run after SIGTERM/SIGINT before workers are stopped.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);

/// Creates the database when missing and applies pending migrations.
pub fn prepare_database(config: &Config) -> Result<Vec<String>, db::SetupError> {
    let mut conn = db::connect_creating(&config.database_url)?;
    let applied = db::migrate(&mut conn)?;
    for version in &applied {
        tracing::info!(version = %version, "applied migration");
    }
    Ok(applied)
}

/// Serves until SIGTERM or SIGINT; actix stops accepting at once and lets in-flight requests
/// finish within `SHUTDOWN_GRACE`.
pub async fn serve(config: Config) -> std::io::Result<()> {
    let bind_addr = config.bind_addr;
    tracing::info!(
        database = %redact_url(&config.database_url),
        pool_size = config.db_pool_size,
        "starting budget-monitor"
    );
    if config.auth.jwt_secret_generated {
        tracing::warn!(
            "JWT_SECRET is not set: using a random secret for this process; tokens will not \
             survive a restart or work across instances (set JWT_SECRET, required with APP_ENV=prod)"
        );
    }
    let state = AppState::new(config);
    let server = HttpServer::new(move || build_app(state.clone()))
        .bind(bind_addr)?
        .shutdown_timeout(SHUTDOWN_GRACE.as_secs())
        .run();
    tracing::info!(address = %bind_addr, "listening");
    server.await?;
    tracing::info!("stopped");
    Ok(())
}
