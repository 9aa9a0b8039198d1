//! What one request may do with the database: how long it may wait for pooled connections, in
//! total, and how its transactions run (`Access`: read-only for GET and HEAD, and whether its
//! reads must come from the primary).
//!
//! A request may check out several connections (the caller's user row, the handler's queries,
//! the pages of an export). Giving each checkout the full `DB_CONNECT_TIMEOUT` made a request
//! wait up to that many times over while the database was away; every checkout now draws on one
//! budget per request, so the 503 comes within the timeout however many checkouts it makes.
//! The access travels in the same value, so whatever carries the budget (an export's later
//! pages, read after the handler returned) runs its transactions the way the request does.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

tokio::task_local! {
    static BUDGET: Arc<WaitBudget>;
}

/// How a request's database work runs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Access {
    /// A GET or HEAD: every transaction is READ ONLY (a write fails instead of slipping
    /// through), and its reads may be served by the read replica (`DATABASE_READ_URL`).
    pub read_only: bool,
    /// The client asked for `Read-Consistency: strong`: reads come from the primary.
    pub strong: bool,
}

#[derive(Debug)]
pub struct WaitBudget {
    left_micros: AtomicU64,
    access: Access,
}

impl WaitBudget {
    /// A budget of `limit` for work that reads and writes the primary, as outside requests.
    pub fn new(limit: Duration) -> WaitBudget {
        WaitBudget::with_access(limit, Access::default())
    }

    pub fn with_access(limit: Duration, access: Access) -> WaitBudget {
        WaitBudget {
            left_micros: AtomicU64::new(u64::try_from(limit.as_micros()).unwrap_or(u64::MAX)),
            access,
        }
    }

    /// What is left to wait.
    pub fn left(&self) -> Duration {
        Duration::from_micros(self.left_micros.load(Ordering::Relaxed))
    }

    /// Takes `waited` off the budget (never below zero).
    pub fn spend(&self, waited: Duration) {
        let spent = u64::try_from(waited.as_micros()).unwrap_or(u64::MAX);
        let _ = self
            .left_micros
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                Some(left.saturating_sub(spent))
            });
    }

    pub fn access(&self) -> Access {
        self.access
    }
}

/// Runs `fut` (a request's handling) with a fresh budget of `limit` and the request's access.
pub async fn scoped<F: Future>(limit: Duration, access: Access, fut: F) -> F::Output {
    BUDGET
        .scope(Arc::new(WaitBudget::with_access(limit, access)), fut)
        .await
}

/// The current request's budget; `None` outside a request (start-up, commands, tests that call
/// the pool directly), where each checkout gets the pool's own timeout and the primary.
pub fn current() -> Option<Arc<WaitBudget>> {
    BUDGET.try_with(Arc::clone).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spending_never_goes_below_zero() {
        let budget = WaitBudget::new(Duration::from_millis(100));
        budget.spend(Duration::from_millis(60));
        assert_eq!(budget.left(), Duration::from_millis(40));
        budget.spend(Duration::from_millis(60));
        assert_eq!(budget.left(), Duration::ZERO);
    }

    #[test]
    fn a_scope_shares_one_budget_and_its_access_and_ends_with_them() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime.block_on(async {
            assert!(current().is_none());
            let access = Access {
                read_only: true,
                strong: false,
            };
            scoped(Duration::from_secs(1), access, async {
                current().unwrap().spend(Duration::from_millis(300));
                assert_eq!(current().unwrap().left(), Duration::from_millis(700));
                assert_eq!(current().unwrap().access(), access);
            })
            .await;
            assert!(current().is_none());
            assert_eq!(WaitBudget::new(Duration::ZERO).access(), Access::default());
        });
    }
}
