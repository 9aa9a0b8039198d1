//! The session settings a pooled connection runs a request's work under.
//!
//! A read-only request runs its statements outside any explicit transaction, each statement its
//! own READ ONLY one (`default_transaction_read_only`), instead of inside `BEGIN READ ONLY` ...
//! `COMMIT`: under READ COMMITTED every statement takes its own snapshot inside a transaction
//! too, so the wrapper bought no consistency, only two round trips per request. A write fails
//! the same way it did inside the read-only transaction.
//!
//! The settings stay on the connection between checkouts, so they are sent only when a run
//! wants different ones from the last run on that connection (a read after a write, a list after
//! a single-object read); a new connection's settings are unknown until set.

use diesel::QueryResult;
use diesel::connection::SimpleConnection;

use super::DbConn;

/// What a run wants from its connection's session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Session {
    /// Every transaction READ ONLY (a GET or HEAD).
    pub(crate) read_only: bool,
    /// Plan every statement for its values (`WaitBudget::plan_each_time`, asked for by lists).
    pub(crate) custom_plans: bool,
}

impl Session {
    fn sql(self) -> &'static str {
        match (self.read_only, self.custom_plans) {
            (false, false) => "SET default_transaction_read_only = off; SET plan_cache_mode = auto",
            (false, true) => {
                "SET default_transaction_read_only = off; SET plan_cache_mode = force_custom_plan"
            }
            (true, false) => "SET default_transaction_read_only = on; SET plan_cache_mode = auto",
            (true, true) => {
                "SET default_transaction_read_only = on; SET plan_cache_mode = force_custom_plan"
            }
        }
    }
}

impl DbConn {
    /// Puts the session in `want`'s settings, with a round trip only when they differ from the
    /// connection's known ones. Both statements travel in one simple query, which runs as one
    /// implicit transaction: a failure changes neither, and the known settings stay as they were.
    pub(crate) fn enter(&mut self, want: Session) -> QueryResult<()> {
        if self.session == Some(want) {
            return Ok(());
        }
        self.conn.batch_execute(want.sql())?;
        self.session = Some(want);
        Ok(())
    }
}
