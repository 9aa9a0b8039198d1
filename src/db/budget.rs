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
//!
//! The same value keeps the request's connection between its runs (`Held`), so a request checks
//! out one pooled connection however many runs it makes, and gives it back when the handler has
//! answered (an export's later pages, read while the body streams, check out their own: a slow
//! client must not pin a connection). It also carries the check that the caller's token is still
//! good (`PreCheck`), which the request's first run makes on that connection before anything
//! else, so it needs no checkout of its own.

use std::future::Future;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use diesel::pg::PgConnection;
use diesel::result::Error as DieselError;

use super::PgPooled;
use crate::error::AppError;

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
    /// The connection of the request's last run, while the handler runs.
    held: Mutex<Option<Held>>,
    /// Whether a run's connection is kept for the next run (until the handler has answered).
    keeping: AtomicBool,
    check: Mutex<CheckState>,
    /// The request's reads are planned for their values every time (`plan_each_time`).
    custom_plans: AtomicBool,
}

/// A request's connection between its runs, and which server it is on.
pub(crate) struct Held {
    pub(crate) conn: PgPooled,
    pub(crate) on_replica: bool,
}

impl std::fmt::Debug for Held {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Held")
            .field("on_replica", &self.on_replica)
            .finish_non_exhaustive()
    }
}

/// A statement run on the request's connection that answers whether the check passes.
pub type CheckFn = dyn Fn(&mut PgConnection) -> Result<bool, DieselError> + Send + Sync;

/// A check that must pass on the request's connection before its work runs (a statement that
/// answers true), and the answer when it does not pass.
#[derive(Clone)]
pub struct PreCheck {
    pub passes: Arc<CheckFn>,
    pub refused: fn() -> AppError,
}

impl std::fmt::Debug for PreCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PreCheck").finish_non_exhaustive()
    }
}

#[derive(Debug, Default)]
enum CheckState {
    #[default]
    None,
    Pending(PreCheck),
    /// The check was refused: every later run of the request is refused the same way.
    Refused(fn() -> AppError),
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
            held: Mutex::new(None),
            keeping: AtomicBool::new(false),
            check: Mutex::new(CheckState::None),
            custom_plans: AtomicBool::new(false),
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

    /// The request's connection, if its last run left one.
    pub(crate) fn take_held(&self) -> Option<Held> {
        lock(&self.held).take()
    }

    /// Keeps `held` for the request's next run while the handler runs; otherwise it goes back
    /// to the pool.
    pub(crate) fn hold(&self, held: Held) {
        if self.keeping.load(Ordering::Relaxed) {
            *lock(&self.held) = Some(held);
        }
    }

    /// Plans the request's read-only statements for their values every time instead of letting
    /// PostgreSQL switch a cached prepared statement to a generic plan after five runs. Lists
    /// ask for it: their region filters are prefixes (`LIKE $1`), and a generic plan cannot
    /// tell a province's subtree from a city's; a round's reports went from 23 ms to 0.5 s on
    /// one connection when it switched. It costs a plan per run (0.5-1 ms for a list), and a
    /// round trip when the connection's last run planned otherwise (`db::session`).
    pub fn plan_each_time(&self) {
        self.custom_plans.store(true, Ordering::Relaxed);
    }

    pub(crate) fn custom_plans(&self) -> bool {
        self.custom_plans.load(Ordering::Relaxed)
    }

    /// Gives the request's connection back to the pool; later runs check out their own.
    pub fn let_go(&self) {
        drop(self.take_held());
    }

    /// Asks the request's next run to make `check` first.
    pub fn set_check(&self, check: PreCheck) {
        *lock(&self.check) = CheckState::Pending(check);
    }

    /// Whether a check is still to be made, or was refused.
    pub fn check_outstanding(&self) -> bool {
        !matches!(*lock(&self.check), CheckState::None)
    }

    /// The check the next run must make: `Err` when an earlier run's check was refused.
    pub(crate) fn take_check(&self) -> Result<Option<PreCheck>, AppError> {
        let mut state = lock(&self.check);
        match std::mem::take(&mut *state) {
            CheckState::None => Ok(None),
            CheckState::Pending(check) => Ok(Some(check)),
            CheckState::Refused(refused) => {
                *state = CheckState::Refused(refused);
                Err(refused())
            }
        }
    }

    /// A taken check that could not be made (no connection, the connection failed): the next
    /// run makes it.
    pub(crate) fn put_back_check(&self, check: PreCheck) {
        let mut state = lock(&self.check);
        if matches!(*state, CheckState::None) {
            *state = CheckState::Pending(check);
        }
    }

    /// A taken check was refused: so is every later run of the request.
    pub(crate) fn refuse(&self, refused: fn() -> AppError) {
        *lock(&self.check) = CheckState::Refused(refused);
    }
}

/// The lock, also after a panic elsewhere poisoned it (the values stay consistent: each is
/// replaced whole).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Runs `fut` (a request's handling) with a fresh budget of `limit` and the request's access;
/// the runs inside share one connection, given back when `fut` has finished.
pub async fn scoped<F: Future>(limit: Duration, access: Access, fut: F) -> F::Output {
    let budget = Arc::new(WaitBudget::with_access(limit, access));
    budget.keeping.store(true, Ordering::Relaxed);
    let output = BUDGET.scope(budget.clone(), fut).await;
    budget.keeping.store(false, Ordering::Relaxed);
    budget.let_go();
    output
}

/// Gives the current request's connection back to the pool before slow work that needs none
/// (password hashing), so the request does not hold it meanwhile.
pub fn let_go() {
    if let Some(budget) = current() {
        budget.let_go();
    }
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
