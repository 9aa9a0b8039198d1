//! How long one request may wait for pooled connections, in total.
//!
//! A request may check out several connections (the caller's user row, the handler's queries,
//! the pages of an export). Giving each checkout the full `DB_CONNECT_TIMEOUT` made a request
//! wait up to that many times over while the database was away; every checkout now draws on one
//! budget per request, so the 503 comes within the timeout however many checkouts it makes.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

tokio::task_local! {
    static BUDGET: Arc<WaitBudget>;
}

#[derive(Debug)]
pub struct WaitBudget {
    left_micros: AtomicU64,
}

impl WaitBudget {
    pub fn new(limit: Duration) -> WaitBudget {
        WaitBudget {
            left_micros: AtomicU64::new(u64::try_from(limit.as_micros()).unwrap_or(u64::MAX)),
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
}

/// Runs `fut` (a request's handling) with a fresh budget of `limit`.
pub async fn scoped<F: Future>(limit: Duration, fut: F) -> F::Output {
    BUDGET.scope(Arc::new(WaitBudget::new(limit)), fut).await
}

/// The current request's budget; `None` outside a request (start-up, commands, tests that call
/// the pool directly), where each checkout gets the pool's own timeout.
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
    fn a_scope_shares_one_budget_and_ends_with_it() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime.block_on(async {
            assert!(current().is_none());
            scoped(Duration::from_secs(1), async {
                current().unwrap().spend(Duration::from_millis(300));
                assert_eq!(current().unwrap().left(), Duration::from_millis(700));
            })
            .await;
            assert!(current().is_none());
        });
    }
}
