//! The connection pool, migrations, and the one helper every handler uses to reach PostgreSQL.
//!
//! Diesel is blocking, so every query runs inside `web::block` on the blocking thread pool and
//! never on an async worker: a slow query must not stall other requests on the same worker.

pub mod budget;
pub mod outage;

use std::ops::{Deref, DerefMut};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::r2d2::{ConnectionManager, ManageConnection, Pool, PooledConnection, R2D2Connection};
use diesel::{Connection, RunQueryDsl};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::config::{database_name, redact_url, with_database};
use crate::error::AppError;
pub use budget::WaitBudget;
pub use outage::{connection_lost, note_connection_lost};

pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

/// Serialises migration runs of several instances starting at once (an arbitrary fixed key).
const MIGRATION_LOCK_KEY: i64 = 0x6275_6467_6574_6d6f;

pub type PgPool = Pool<Manager>;
pub type PgPooled = PooledConnection<Manager>;

/// A pooled connection that remembers whether it failed as a connection.
///
/// Diesel's pool only discards a connection whose transaction state is broken; one that died
/// between transactions would be handed out again and fail the next request too.
pub struct DbConn {
    conn: PgConnection,
    lost: bool,
}

impl Deref for DbConn {
    type Target = PgConnection;
    fn deref(&self) -> &PgConnection {
        &self.conn
    }
}

impl DerefMut for DbConn {
    fn deref_mut(&mut self) -> &mut PgConnection {
        &mut self.conn
    }
}

/// Diesel's connection manager, plus the discarding of connections that were lost.
#[derive(Debug)]
pub struct Manager(ConnectionManager<PgConnection>);

impl ManageConnection for Manager {
    type Connection = DbConn;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<DbConn, Self::Error> {
        self.0.connect().map(|conn| DbConn { conn, lost: false })
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), Self::Error> {
        conn.conn.ping().map_err(diesel::r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConn) -> bool {
        conn.lost || self.0.has_broken(&mut conn.conn)
    }
}

/// The pool plus the count of callers waiting for a connection, which r2d2 does not report.
#[derive(Clone)]
pub struct Db {
    pool: PgPool,
    waiting: Arc<AtomicI64>,
    outage: Arc<outage::OutageLog>,
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
        let manager = Manager(ConnectionManager::<PgConnection>::new(database_url));
        let outage = Arc::new(outage::OutageLog::default());
        let pool = Pool::builder()
            .max_size(max_size)
            .min_idle(Some(0))
            .connection_timeout(connect_timeout)
            // Checking every checkout costs a round trip per request; a dead connection is
            // detected by the failing query instead, reported as 503 and discarded.
            .test_on_check_out(false)
            .idle_timeout(Some(Duration::from_secs(300)))
            .error_handler(Box::new(outage::Handler(outage.clone())))
            .event_handler(Box::new(outage::Handler(outage.clone())))
            .build_unchecked(manager);
        Db {
            pool,
            waiting: Arc::new(AtomicI64::new(0)),
            outage,
        }
    }

    /// A pooled connection, or 503 when none frees up within the pool's timeout.
    pub fn get(&self) -> Result<PgPooled, AppError> {
        self.checkout(None)
    }

    /// A pooled connection within what is left of `budget` (the pool's timeout without one).
    fn checkout(&self, budget: Option<&WaitBudget>) -> Result<PgPooled, AppError> {
        let timeout = budget.map_or(self.pool.connection_timeout(), WaitBudget::left);
        self.waiting.fetch_add(1, Ordering::Relaxed);
        let started = Instant::now();
        let result = self.pool.get_timeout(timeout);
        self.waiting.fetch_sub(1, Ordering::Relaxed);
        if let Some(budget) = budget {
            budget.spend(started.elapsed());
        }
        result.map_err(|err| {
            // During an outage the pool's own handler has said so once already.
            if !self.outage.is_down() {
                tracing::warn!(cause = %err, "no database connection within the pool timeout");
            }
            AppError::database_unavailable()
        })
    }

    /// Runs `f` with a pooled connection, on the calling (blocking) thread, within `budget`;
    /// a connection that failed as a connection is discarded instead of going back to the pool.
    pub fn with_conn<T>(
        &self,
        budget: Option<&WaitBudget>,
        f: impl FnOnce(&mut PgConnection) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let mut conn = self.checkout(budget)?;
        outage::reset_connection_lost();
        let result = f(&mut conn);
        if outage::connection_lost() {
            conn.lost = true;
        }
        result
    }

    /// Runs `f` with a pooled connection on the blocking thread pool, inside the request's span
    /// (so its logs carry the request id) and within the request's wait budget.
    pub async fn run<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut PgConnection) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let db = self.clone();
        let budget = budget::current();
        let span = tracing::Span::current();
        actix_web::web::block(move || {
            let _entered = span.enter();
            db.with_conn(budget.as_deref(), f)
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
