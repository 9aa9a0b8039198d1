//! Start-up: database and migrations first, then the HTTP server with graceful shutdown.

use std::io;
use std::net::{SocketAddr, TcpListener};
use std::time::Duration;

use actix_http::{HttpService, KeepAlive};
use actix_service::{ServiceFactoryExt, fn_service, map_config};
use actix_web::dev::{AppConfig, Server};
use tokio::net::{TcpSocket, TcpStream};

use crate::config::{Config, redact_url};
use crate::http::edge::Edge;
use crate::{AppState, build_app, db};

/// How long in-flight requests may run after SIGTERM before workers are stopped.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);

/// The timeouts actix-web's `HttpServer` uses by default, kept so that moving off it changes
/// nothing a client can notice.
const KEEP_ALIVE: Duration = Duration::from_secs(5);
pub(crate) const CLIENT_REQUEST_TIMEOUT: Duration = Duration::from_secs(5);
const CLIENT_DISCONNECT_TIMEOUT: Duration = Duration::from_secs(1);

/// The HTTP server on `listener`, serving `build_app` over connections wrapped in
/// `http::edge::Edge`, which actix-web's `HttpServer` has no place for; otherwise configured as
/// `HttpServer` configures itself. Only HTTP/1 is served: there is no TLS, and without it
/// `HttpServer` did not offer HTTP/2 either. `workers` defaults to one per CPU.
pub fn http_server(
    listener: TcpListener,
    state: AppState,
    workers: Option<usize>,
) -> io::Result<Server> {
    let local_addr = listener.local_addr()?;
    let mut builder = Server::build().shutdown_timeout(SHUTDOWN_GRACE.as_secs());
    if let Some(workers) = workers {
        builder = builder.workers(workers);
    }
    // Lets idle keep-alive connections close at once on a graceful stop instead of holding it
    // up until they time out, as `HttpServer` arranges.
    let shutdown = builder.graceful_shutdown_signal();
    let builder = builder.listen("budget-monitor", listener, move || {
        let shutdown = shutdown.clone();
        // `AppConfig`'s host is only the fallback for a request without a `Host` header, and
        // nothing here builds URLs from it.
        let app = map_config(build_app(state.clone()), |_| AppConfig::default());
        let http = HttpService::build()
            .keep_alive(KeepAlive::Timeout(KEEP_ALIVE))
            .client_request_timeout(CLIENT_REQUEST_TIMEOUT)
            .client_disconnect_timeout(CLIENT_DISCONNECT_TIMEOUT)
            .h1_allow_half_closed(true)
            .local_addr(local_addr)
            .graceful_shutdown_signal(move || {
                let shutdown = shutdown.clone();
                async move { shutdown.notified().await }
            })
            .h1(app);
        // The peer address is taken before wrapping, for `HttpRequest::peer_addr`.
        let metrics = state.metrics.clone();
        fn_service(move |io: TcpStream| {
            let peer = io.peer_addr().ok();
            std::future::ready(Ok((Edge::new(io, Some(metrics.clone())), peer)))
        })
        .and_then(http)
    })?;
    Ok(builder.run())
}

/// A listener as `HttpServer::bind` makes one: std's backlog of 128 would refuse connections
/// under a burst that actix-web's 1024 absorbed.
fn bind(addr: SocketAddr) -> io::Result<TcpListener> {
    let socket = if addr.is_ipv4() {
        TcpSocket::new_v4()?
    } else {
        TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(1024)?.into_std()
}

/// Creates the database when missing and applies pending migrations.
pub fn prepare_database(config: &Config) -> Result<Vec<String>, db::SetupError> {
    let mut conn = db::connect_creating(&config.database_url)?;
    let applied = db::migrate(&mut conn)?;
    for version in &applied {
        tracing::info!(version = %version, "applied migration");
    }
    Ok(applied)
}

/// Serves until a signal: on SIGTERM actix stops accepting at once and lets in-flight requests
/// finish within `SHUTDOWN_GRACE`; SIGINT and SIGQUIT stop it at once (actix-server's rule).
pub async fn serve(config: Config) -> std::io::Result<()> {
    let bind_addr = config.bind_addr;
    tracing::info!(
        database = %redact_url(&config.database_url),
        pool_size = config.db_pool_size,
        "starting budget-monitor"
    );
    if config.auth.jwt_keys_generated {
        tracing::warn!(
            "neither JWT_KEYS nor JWT_SECRET is set: using a random key for this process; tokens \
             will not survive a restart or work across instances (set JWT_KEYS or JWT_SECRET, \
             one of them required with APP_ENV=prod)"
        );
    }
    let workers = config.http_workers;
    let state = AppState::new(config);
    let server = http_server(bind(bind_addr)?, state, workers)?;
    tracing::info!(address = %bind_addr, "listening");
    server.await?;
    tracing::info!("stopped");
    Ok(())
}
