//! The connection pool, migrations, and the one helper every handler uses to reach PostgreSQL.
//!
//! Diesel is blocking, so every query runs inside `web::block` on the blocking thread pool and
//! never on an async worker: a slow query must not stall other requests on the same worker.

pub mod budget;
pub mod outage;
pub mod replica;
mod session;

use std::ops::{Deref, DerefMut};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::r2d2::{ConnectionManager, ManageConnection, Pool, PooledConnection, R2D2Connection};
use diesel::{Connection, RunQueryDsl};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::config::{database_name, redact_url, with_database};
use crate::error::AppError;
pub use budget::{Access, PreCheck, WaitBudget};
pub use outage::{connection_lost, note_connection_lost};
pub use replica::{ReadCounts, ReplicaState};
use session::Session;

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
    /// When it was last given back after use (read-replica connections idle for a while are
    /// checked before use, see `replica`).
    used: Option<Instant>,
    /// The read side's generation when this connection was last known good.
    generation: u64,
    /// The session settings it was last put in (`session`); `None` until the first run.
    session: Option<Session>,
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
        self.0.connect().map(|conn| DbConn {
            conn,
            lost: false,
            used: None,
            generation: 0,
            session: None,
        })
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), Self::Error> {
        conn.conn.ping().map_err(diesel::r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConn) -> bool {
        conn.lost || self.0.has_broken(&mut conn.conn)
    }
}

/// One pool plus the count of callers waiting for it, which r2d2 does not report, and its
/// outage log.
#[derive(Clone)]
pub(crate) struct Pooled {
    pool: PgPool,
    waiting: Arc<AtomicI64>,
    /// Checkouts made since start (`/metrics`; tests count them per request).
    checkouts: Arc<AtomicU64>,
    outage: Arc<outage::OutageLog>,
}

impl Pooled {
    /// Builds the pool without connecting, so the service can start (and answer `/readyz` with
    /// 503) while the database is briefly away; connections are made on demand and re-made after
    /// the database comes back.
    fn new(
        database_url: &str,
        max_size: u32,
        connect_timeout: Duration,
        side: outage::Side,
    ) -> Pooled {
        let manager = Manager(ConnectionManager::<PgConnection>::new(database_url));
        let outage = Arc::new(outage::OutageLog::new(side));
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
        Pooled {
            pool,
            waiting: Arc::new(AtomicI64::new(0)),
            checkouts: Arc::new(AtomicU64::new(0)),
            outage,
        }
    }

    /// A connection within `wait`, which is taken off `budget`.
    fn checkout(
        &self,
        wait: Duration,
        budget: Option<&WaitBudget>,
    ) -> Result<PgPooled, diesel::r2d2::PoolError> {
        self.waiting.fetch_add(1, Ordering::Relaxed);
        self.checkouts.fetch_add(1, Ordering::Relaxed);
        let started = Instant::now();
        let result = self.pool.get_timeout(wait);
        self.waiting.fetch_sub(1, Ordering::Relaxed);
        if let Some(budget) = budget {
            budget.spend(started.elapsed());
        }
        result
    }

    fn stats(&self) -> PoolStats {
        let state = self.pool.state();
        PoolStats {
            max_size: self.pool.max_size(),
            connections: state.connections,
            idle: state.idle_connections,
            waiting: self.waiting.load(Ordering::Relaxed),
            checkouts: self.checkouts.load(Ordering::Relaxed),
        }
    }
}

/// The primary's pool and, with `DATABASE_READ_URL`, the read replica's (`replica`).
#[derive(Clone)]
pub struct Db {
    primary: Pooled,
    read: Option<Arc<replica::ReadSide>>,
}

#[derive(Debug, Clone, Copy)]
pub struct PoolStats {
    pub max_size: u32,
    pub connections: u32,
    pub idle: u32,
    pub waiting: i64,
    pub checkouts: u64,
}

impl Db {
    /// The primary's pool, built without connecting (see `Pooled::new`); every query goes to it
    /// until `with_read_replica` adds a replica.
    pub fn new(database_url: &str, max_size: u32, connect_timeout: Duration) -> Self {
        Db {
            primary: Pooled::new(
                database_url,
                max_size,
                connect_timeout,
                outage::Side::Primary,
            ),
            read: None,
        }
    }

    /// Adds a pool on a streaming replica of the primary (or the primary itself through another
    /// URL) for the reads of GET and HEAD requests, under the rule of `replica`: a replica that
    /// has not replayed what this instance wrote, or what the primary held `max_lag` ago, leaves
    /// the read to the primary.
    pub fn with_read_replica(
        mut self,
        read_url: &str,
        max_size: u32,
        connect_timeout: Duration,
        max_lag: Duration,
    ) -> Self {
        let pool = Pooled::new(read_url, max_size, connect_timeout, outage::Side::Replica);
        self.read = Some(Arc::new(replica::ReadSide::new(pool, max_lag)));
        self
    }

    /// A pooled connection to the primary, or 503 when none frees up within the pool's timeout.
    pub fn get(&self) -> Result<PgPooled, AppError> {
        self.checkout(None)
    }

    /// A primary connection within what is left of `budget` (the pool's timeout without one).
    fn checkout(&self, budget: Option<&WaitBudget>) -> Result<PgPooled, AppError> {
        let timeout = budget.map_or(self.primary.pool.connection_timeout(), WaitBudget::left);
        self.primary.checkout(timeout, budget).map_err(|err| {
            // During an outage the pool's own handler has said so once already.
            if !self.primary.outage.is_down() {
                tracing::warn!(cause = %err, "no database connection within the pool timeout");
            }
            AppError::database_unavailable()
        })
    }

    /// Runs `f` with a pooled connection, on the calling (blocking) thread, within `budget`;
    /// a connection that failed as a connection is discarded instead of going back to the pool.
    ///
    /// Within a request (`budget`), the connection of the request's previous run is used again,
    /// so a request makes one checkout, and the request's `PreCheck` (the caller's token still
    /// good) is made before `f` on it.
    ///
    /// The budget's access decides how: a read-only request (GET, HEAD) runs `f` with every
    /// statement its own READ ONLY transaction (`session`), on the read replica when there is one
    /// and it may serve the read, else on the primary; any other request runs it on the primary
    /// as it is, and with a replica configured then notes the primary's WAL position, which
    /// later reads must find replayed.
    pub fn with_conn<T>(
        &self,
        budget: Option<&WaitBudget>,
        f: impl FnOnce(&mut PgConnection) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let access = budget.map(WaitBudget::access).unwrap_or_default();
        let held = budget.and_then(WaitBudget::take_held);
        let (mut conn, on_replica) = match held {
            Some(held) => (held.conn, held.on_replica),
            None => self.connection(budget, access)?,
        };
        let check = budget
            .map(WaitBudget::take_check)
            .transpose()?
            .unwrap_or_default();
        let session = Session {
            read_only: access.read_only,
            custom_plans: access.read_only && budget.is_some_and(WaitBudget::custom_plans),
        };
        outage::reset_connection_lost();
        let result = run_checked(&mut conn, session, check.as_ref(), f);
        let lost = outage::connection_lost();
        if lost {
            conn.lost = true;
        }
        if let Some(read) = &self.read {
            if access.read_only {
                read.after_read(&mut conn, on_replica, lost);
            } else if budget.is_some() {
                // After `f`, so after whatever it committed: this position covers its writes.
                read.note_write(&mut conn);
            }
        }
        if let Some(budget) = budget
            && !lost
        {
            budget.hold(budget::Held { conn, on_replica });
        }
        result.map_err(|err| match (err, check, budget) {
            (CheckError::Work(err), _, _) => err,
            (CheckError::Refused, Some(check), Some(budget)) => {
                budget.refuse(check.refused);
                (check.refused)()
            }
            (CheckError::Failed(err), Some(check), Some(budget)) => {
                budget.put_back_check(check);
                err
            }
            (CheckError::Failed(err), _, _) => err,
            (CheckError::Refused, _, _) => AppError::Internal("a check without a request".into()),
        })
    }

    /// A connection for a run that has none yet: on the read replica for a read-only request
    /// when it may serve the read, else on the primary.
    fn connection(
        &self,
        budget: Option<&WaitBudget>,
        access: Access,
    ) -> Result<(PgPooled, bool), AppError> {
        if access.read_only
            && let Some(read) = &self.read
            && let Some(conn) = read.connection(&self.primary, budget, access)
        {
            return Ok((conn, true));
        }
        Ok((self.checkout(budget)?, false))
    }

    /// Runs `f` with a pooled connection on the blocking thread pool, inside the request's span
    /// (so its logs carry the request id) and within the request's wait budget and access.
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

    /// Readiness: the primary answers a query (an error otherwise), and how the read replica is
    /// doing when there is one (never an error: reads fall back to the primary).
    pub async fn readiness(&self) -> Result<Option<ReplicaState>, AppError> {
        let db = self.clone();
        let budget = budget::current();
        let span = tracing::Span::current();
        actix_web::web::block(move || {
            let _entered = span.enter();
            let budget = budget.as_deref();
            let Some(read) = &db.read else {
                db.on_primary(budget, ping)?;
                return Ok(None);
            };
            let pending = read.pending_writes();
            let primary_at = db.on_primary(budget, replica::primary_position)?;
            read.observed_primary(pending, primary_at);
            Ok(Some(read.state(budget, primary_at)))
        })
        .await?
    }

    /// Runs `f` on a primary connection, READ ONLY when the request is.
    fn on_primary<T>(
        &self,
        budget: Option<&WaitBudget>,
        f: impl FnOnce(&mut PgConnection) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let read_only = budget.is_some_and(|b| b.access().read_only);
        let mut conn = self.checkout(budget)?;
        outage::reset_connection_lost();
        let session = Session {
            read_only,
            custom_plans: false,
        };
        let result = run_checked(&mut conn, session, None, f).map_err(|err| match err {
            CheckError::Work(err) | CheckError::Failed(err) => err,
            CheckError::Refused => AppError::Internal("a check that was not asked for".into()),
        });
        if outage::connection_lost() {
            conn.lost = true;
        }
        result
    }

    /// The primary pool's figures (`/metrics`).
    pub fn stats(&self) -> PoolStats {
        self.primary.stats()
    }

    /// The read replica pool's figures, when there is one.
    pub fn read_stats(&self) -> Option<PoolStats> {
        self.read.as_ref().map(|read| read.pool.stats())
    }

    /// Where the reads of read-only requests went, when there is a read replica.
    pub fn read_counts(&self) -> Option<ReadCounts> {
        self.read.as_ref().map(|read| read.counts())
    }
}

/// Why a run failed: its session settings or its `PreCheck` could not be made, the check was
/// refused, or the work failed.
enum CheckError {
    /// Converted at once, so that a connection that failed as a connection is known to be lost
    /// (`outage`) before the run decides whether to keep it.
    Failed(AppError),
    Refused,
    Work(AppError),
}

/// Puts `conn` in `session`'s settings, makes `check`, then runs `f`; the work runs only when
/// both succeeded.
fn run_checked<T>(
    conn: &mut DbConn,
    session: Session,
    check: Option<&PreCheck>,
    f: impl FnOnce(&mut PgConnection) -> Result<T, AppError>,
) -> Result<T, CheckError> {
    let failed = |err: diesel::result::Error| CheckError::Failed(err.into());
    conn.enter(session).map_err(failed)?;
    if let Some(check) = check
        && !(check.passes)(&mut conn.conn).map_err(failed)?
    {
        return Err(CheckError::Refused);
    }
    f(&mut conn.conn).map_err(CheckError::Work)
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
