//! The connection pool, migrations, and the one helper every handler uses to reach PostgreSQL.
//!
//! Diesel is blocking, so every query runs inside `web::block` on the blocking thread pool and
//! never on an async worker: a slow query must not stall other requests on the same worker.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::r2d2::{ConnectionManager, Pool, PooledConnection};
use diesel::{Connection, RunQueryDsl};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::config::{database_name, redact_url, with_database};
use crate::error::AppError;

pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

/// Serialises migration runs of several instances starting at once (an arbitrary fixed key).
const MIGRATION_LOCK_KEY: i64 = 0x6275_6467_6574_6d6f;

pub type PgPool = Pool<ConnectionManager<PgConnection>>;
pub type PgPooled = PooledConnection<ConnectionManager<PgConnection>>;

/// The pool plus the count of callers waiting for a connection, which r2d2 does not report.
#[derive(Clone)]
pub struct Db {
    pool: PgPool,
    waiting: Arc<AtomicI64>,
}

#[derive(Debug, Clone, Copy)]
pub struct PoolStats {
    pub max_size: u32,
    pub connections: u32,
    pub idle: u32,
    pub waiting: i64,
}

impl Db {
    /// Builds the pool without connecting, so the service can start (and answer `/readyz` with
    /// 503) while the database is briefly away; connections are made on demand and re-made after
    /// the database comes back.
    pub fn new(database_url: &str, max_size: u32, connect_timeout: Duration) -> Self {
        let manager = ConnectionManager::<PgConnection>::new(database_url);
        let pool = Pool::builder()
            .max_size(max_size)
            .min_idle(Some(0))
            .connection_timeout(connect_timeout)
            // Checking every checkout costs a round trip per request; a dead connection is
            // detected by the failing query instead, reported as 503 and dropped by diesel.
            .test_on_check_out(false)
            .idle_timeout(Some(Duration::from_secs(300)))
            .build_unchecked(manager);
        Db {
            pool,
            waiting: Arc::new(AtomicI64::new(0)),
        }
    }

    /// A pooled connection, or 503 when none frees up within the pool's timeout.
    pub fn get(&self) -> Result<PgPooled, AppError> {
        self.waiting.fetch_add(1, Ordering::Relaxed);
        let result = self.pool.get();
        self.waiting.fetch_sub(1, Ordering::Relaxed);
        result.map_err(|err| {
            tracing::warn!(cause = %err, "no database connection within the pool timeout");
            AppError::database_unavailable()
        })
    }

    /// Runs `f` with a pooled connection on the blocking thread pool.
    pub async fn run<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut PgConnection) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let db = self.clone();
        actix_web::web::block(move || {
            let mut conn = db.get()?;
            f(&mut conn)
        })
        .await?
    }

    pub fn stats(&self) -> PoolStats {
        let state = self.pool.state();
        PoolStats {
            max_size: self.pool.max_size(),
            connections: state.connections,
            idle: state.idle_connections,
            waiting: self.waiting.load(Ordering::Relaxed),
        }
    }
}

/// Checks that the database answers a trivial query.
pub fn ping(conn: &mut PgConnection) -> Result<(), AppError> {
    diesel::sql_query("SELECT 1").execute(conn)?;
    Ok(())
}

#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("cannot connect to {url}: {cause}")]
    Connect { url: String, cause: String },
    #[error("cannot create database {name}: {cause}")]
    Create { name: String, cause: String },
    #[error("migrations failed: {0}")]
    Migrate(String),
}

/// Connects to `url`, creating its database first when it does not exist and the role may.
pub fn connect_creating(url: &str) -> Result<PgConnection, SetupError> {
    match PgConnection::establish(url) {
        Ok(conn) => Ok(conn),
        Err(err) if is_missing_database(&err.to_string()) => {
            let name = database_name(url).unwrap_or_default().to_owned();
            create_database(url, &name)?;
            PgConnection::establish(url).map_err(|e| SetupError::Connect {
                url: redact_url(url),
                cause: e.to_string(),
            })
        }
        Err(err) => Err(SetupError::Connect {
            url: redact_url(url),
            cause: err.to_string().trim().to_owned(),
        }),
    }
}

fn is_missing_database(message: &str) -> bool {
    message.contains("database \"") && message.contains("does not exist")
}

fn create_database(url: &str, name: &str) -> Result<(), SetupError> {
    let create_err = |cause: String| SetupError::Create {
        name: name.to_owned(),
        cause,
    };
    if name.is_empty() || name.contains('"') || name.contains('\0') {
        return Err(create_err("unsupported database name".to_owned()));
    }
    let admin_url = with_database(url, "postgres").ok_or_else(|| create_err("bad URL".into()))?;
    let mut admin = PgConnection::establish(&admin_url).map_err(|e| SetupError::Connect {
        url: redact_url(&admin_url),
        cause: e.to_string().trim().to_owned(),
    })?;
    match admin.batch_execute(&format!("CREATE DATABASE \"{name}\"")) {
        Ok(()) => {
            tracing::info!(database = name, "created database");
            Ok(())
        }
        // Another instance created it between our check and our CREATE.
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(()),
        Err(e) if e.to_string().contains("already exists") => Ok(()),
        Err(e) => Err(create_err(e.to_string())),
    }
}

/// Applies pending migrations under an advisory lock; returns the versions applied.
pub fn migrate(conn: &mut PgConnection) -> Result<Vec<String>, SetupError> {
    let err = |e: &dyn std::fmt::Display| SetupError::Migrate(e.to_string());
    conn.batch_execute(&format!("SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})"))
        .map_err(|e| err(&e))?;
    let result = conn
        .run_pending_migrations(MIGRATIONS)
        .map(|versions| versions.iter().map(ToString::to_string).collect())
        .map_err(|e| err(&e));
    let unlock = conn
        .batch_execute(&format!("SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})"))
        .map_err(|e| err(&e));
    let applied = result?;
    unlock?;
    Ok(applied)
}

/// Reverts every applied migration, newest first (used to prove each `down.sql` works).
pub fn revert_all(conn: &mut PgConnection) -> Result<usize, SetupError> {
    conn.revert_all_migrations(MIGRATIONS)
        .map(|v| v.len())
        .map_err(|e| SetupError::Migrate(e.to_string()))
}
