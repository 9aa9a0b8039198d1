//! Knowing when the database went away: per connection (so a dead one is not handed out again)
//! and per outage (so the log says it once, not once per reconnect attempt).

use std::cell::Cell;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

use diesel::r2d2::{Error as PoolError, HandleError, HandleEvent, event::AcquireEvent};

thread_local! {
    // Set where a diesel error is turned into an `AppError`, which has no handle on the
    // connection; read by the code that holds the connection, on the same blocking thread.
    static LOST: Cell<bool> = const { Cell::new(false) };
}

/// Records that the connection in use on this thread failed as a connection (closed, unable
/// to send, broken in a commit or rollback).
pub fn note_connection_lost() {
    LOST.with(|lost| lost.set(true));
}

/// Whether the connection in use on this thread has failed since its checkout.
pub fn connection_lost() -> bool {
    LOST.with(Cell::get)
}

pub(super) fn reset_connection_lost() {
    LOST.with(|lost| lost.set(false));
}

/// Which pool an outage log speaks for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Side {
    /// `DATABASE_URL`: requests that need it answer 503 while it is away.
    #[default]
    Primary,
    /// `DATABASE_READ_URL`: reads go to the primary while it is away.
    Replica,
}

/// The pool's error and event handler: r2d2 reports every failed connection attempt, about six
/// a second while the database is down; one WARN when it starts and one when it ends. While the
/// pool is down r2d2 keeps one connection attempt going (with a back-off of up to half the
/// pool's timeout), so the end is noticed without any request asking.
#[derive(Debug, Default)]
pub struct OutageLog {
    side: Side,
    down: AtomicBool,
    failures: AtomicU64,
    since: Mutex<Option<Instant>>,
}

impl OutageLog {
    pub fn new(side: Side) -> OutageLog {
        OutageLog {
            side,
            ..OutageLog::default()
        }
    }

    /// True while connection attempts fail.
    pub fn is_down(&self) -> bool {
        self.down.load(Ordering::Relaxed)
    }

    fn failed(&self, error: &PoolError) {
        self.failures.fetch_add(1, Ordering::Relaxed);
        if !self.down.swap(true, Ordering::Relaxed) {
            if let Ok(mut since) = self.since.lock() {
                *since = Some(Instant::now());
            }
            let cause = error.to_string();
            match self.side {
                Side::Primary => tracing::warn!(
                    cause = %cause.trim(),
                    "cannot connect to the database; retrying, and logging again once it answers"
                ),
                Side::Replica => tracing::warn!(
                    cause = %cause.trim(),
                    "cannot connect to the read replica; reads go to the primary meanwhile; \
                     retrying, and logging again once it answers"
                ),
            }
        }
    }

    fn connected(&self) {
        if self.down.swap(false, Ordering::Relaxed) {
            let failures = self.failures.swap(0, Ordering::Relaxed);
            let seconds = self
                .since
                .lock()
                .ok()
                .and_then(|mut since| since.take())
                .map_or(0.0, |s| s.elapsed().as_secs_f64());
            let seconds = format!("{seconds:.1}");
            match self.side {
                Side::Primary => tracing::warn!(
                    failed_attempts = failures,
                    outage_seconds = seconds,
                    "the database answers again"
                ),
                Side::Replica => tracing::warn!(
                    failed_attempts = failures,
                    outage_seconds = seconds,
                    "the read replica answers again; reads go to it"
                ),
            }
        }
    }
}

/// Hands r2d2 a shared `OutageLog` (it takes its handlers boxed).
#[derive(Debug, Clone)]
pub struct Handler(pub std::sync::Arc<OutageLog>);

impl HandleError<PoolError> for Handler {
    fn handle_error(&self, error: PoolError) {
        self.0.failed(&error);
    }
}

impl HandleEvent for Handler {
    fn handle_acquire(&self, _event: AcquireEvent) {
        self.0.connected();
    }
}
