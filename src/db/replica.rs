//! Reads from a streaming replica (`DATABASE_READ_URL`), and when a read may come from it.
//!
//! The rule, which is exact rather than a guess at the replica's lag. A read-only request (GET,
//! HEAD) reads from the replica only when the replica has replayed
//! 1. every write this instance committed before the read (read-your-writes for everyone this
//!    instance serves): after the work of a write request, on the same connection, the instance
//!    reads `pg_current_wal_insert_lsn()`, which is at or past the end of everything committed on
//!    that connection, and keeps the highest such position; and
//! 2. everything the primary held `DATABASE_READ_MAX_LAG` ago (bounded staleness for writes made
//!    elsewhere: other instances, scripts): the instance samples the primary's position about once
//!    a second, after writes, on reads that went to the primary and on an idle primary connection,
//!    and requires the oldest sample not older than the bound (when it has none that recent it
//!    requires the present, or reads from the primary);
//!
//! and the client did not send `Read-Consistency: strong`. "Replayed" is the replica's
//! `pg_last_wal_replay_lsn()`, read on the connection that will serve the read, before it does:
//! a snapshot taken after a commit record was replayed sees that commit. The highest replay
//! position seen is kept, so the check costs a query only when the requirement has moved past it
//! (after a write, or once a second for the bound); it is forgotten when a replica connection
//! fails, since a standby restarting may resume from an earlier point. A replica that is not in
//! recovery (the primary itself through another URL, as the tests use) reports its own
//! `pg_current_wal_insert_lsn()`.
//!
//! A replica that cannot be reached leaves reads to the primary: the pool's outage log
//! (`outage`, `Side::Replica`) says so once, and r2d2 keeps trying to connect, so reads return to
//! the replica by themselves once it answers. A replica connection idle for a second or more, or
//! older than the last failure of one, is checked (by the same position query) before use, so a
//! replica that restarted between requests costs no request an error. A request whose replica
//! connection dies while it reads answers 503 like any lost connection; later ones go to the
//! primary. When the position after a write cannot be read (the connection died), no read comes
//! from the replica until the instance has read the primary's position again. A replica that
//! was a standby and reports that it is not any more (it was promoted) serves no more reads.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use diesel::pg::PgConnection;
use diesel::sql_types::{Bool, Double, Nullable, Text};
use diesel::{QueryableByName, RunQueryDsl};

use super::budget::{Access, WaitBudget};
use super::{PgPooled, Pooled, outage};
use crate::error::AppError;

/// The longest a read waits for a replica connection before it goes to the primary instead.
pub const CHECKOUT_WAIT: Duration = Duration::from_millis(500);
/// A replica connection unused for this long is checked before it serves a read.
const VERIFY_AFTER_IDLE: Duration = Duration::from_secs(1);
/// How often (at most) the primary's position is sampled for the staleness bound.
const SAMPLE_EVERY: Duration = Duration::from_secs(1);

/// A WAL position (`pg_lsn`) as a number.
pub type Lsn = u64;

/// Where the reads of read-only requests went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadCounts {
    /// Served by the replica.
    pub replica: u64,
    /// The client sent `Read-Consistency: strong`.
    pub primary_strong: u64,
    /// The replica had not replayed what the read must see.
    pub primary_behind: u64,
    /// The replica could not be reached, or gave no connection in time.
    pub primary_unavailable: u64,
}

/// The replica as `/readyz` reports it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReplicaState {
    /// It answered a query.
    pub reachable: bool,
    /// It is a standby in recovery (false for a server that is not, e.g. the primary itself).
    pub standby: bool,
    /// WAL the replica has still to replay to reach the primary's position.
    pub replay_lag_bytes: Option<u64>,
    /// 0 when caught up, else the time since the last transaction it replayed was committed.
    pub replay_lag_seconds: Option<f64>,
}

impl ReplicaState {
    fn unreachable() -> ReplicaState {
        ReplicaState {
            reachable: false,
            standby: false,
            replay_lag_bytes: None,
            replay_lag_seconds: None,
        }
    }
}

/// The replica's pool and what the instance knows about the positions.
pub(crate) struct ReadSide {
    pub(super) pool: Pooled,
    writes: Watermark,
    bound: StalenessBound,
    /// The highest replay position the replica has reported (0: not known).
    replayed: AtomicU64,
    /// Bumped when a replica connection fails, so the others are checked before use.
    generation: AtomicU64,
    /// It has reported being in recovery, and (`promoted`) then that it is not.
    seen_standby: AtomicBool,
    promoted: AtomicBool,
    counts: Counters,
}

impl ReadSide {
    pub(super) fn new(pool: Pooled, max_lag: Duration) -> ReadSide {
        ReadSide {
            pool,
            writes: Watermark::default(),
            bound: StalenessBound::new(max_lag),
            replayed: AtomicU64::new(0),
            generation: AtomicU64::new(0),
            seen_standby: AtomicBool::new(false),
            promoted: AtomicBool::new(false),
            counts: Counters::default(),
        }
    }

    /// A replica connection that may serve a read of this request, or `None` for the primary.
    pub(super) fn connection(
        &self,
        primary: &Pooled,
        budget: Option<&WaitBudget>,
        access: Access,
    ) -> Option<PgPooled> {
        if access.strong {
            Counters::add(&self.counts.strong);
            return None;
        }
        if self.pool.outage.is_down() {
            Counters::add(&self.counts.unavailable);
            return None;
        }
        let Some(required) = self.required(primary) else {
            Counters::add(&self.counts.behind);
            return None;
        };
        let wait = budget.map_or(CHECKOUT_WAIT, |b| b.left().min(CHECKOUT_WAIT));
        let Ok(mut conn) = self.pool.checkout(wait, budget) else {
            Counters::add(&self.counts.unavailable);
            return None;
        };
        let generation = self.generation.load(Ordering::Relaxed);
        let suspect = conn.generation != generation
            || conn
                .used
                .is_some_and(|used| used.elapsed() >= VERIFY_AFTER_IDLE);
        if suspect || required > self.replayed.load(Ordering::Relaxed) {
            outage::reset_connection_lost();
            match replica_position(&mut conn) {
                Ok((standby, at)) => {
                    conn.generation = generation;
                    conn.used = Some(Instant::now());
                    if !self.still_a_standby(standby) {
                        Counters::add(&self.counts.unavailable);
                        return None;
                    }
                    self.replayed.fetch_max(at, Ordering::Relaxed);
                    if at < required {
                        Counters::add(&self.counts.behind);
                        return None;
                    }
                }
                Err(_) => {
                    if outage::connection_lost() {
                        conn.lost = true;
                        // A connection that was merely old says nothing about the others.
                        if !suspect {
                            self.lost_connection();
                        }
                    }
                    Counters::add(&self.counts.unavailable);
                    return None;
                }
            }
        }
        Counters::add(&self.counts.replica);
        Some(conn)
    }

    /// The position the replica must have replayed; `None` when it cannot be known now (a write
    /// of unknown position, or no recent sample of the primary and no idle primary connection to
    /// take one), which sends the read to the primary.
    fn required(&self, primary: &Pooled) -> Option<Lsn> {
        let writes = self.writes.required()?;
        let now = Instant::now();
        let (floor, due) = self.bound.floor(now);
        let floor = match floor {
            Some(floor) => {
                if due && self.bound.claim() {
                    self.sample_idle(primary);
                    self.bound.release();
                }
                floor
            }
            None => self.sample_idle(primary)?,
        };
        Some(writes.max(floor))
    }

    /// Samples the primary's position on an idle primary connection, if there is one now.
    fn sample_idle(&self, primary: &Pooled) -> Option<Lsn> {
        let mut conn = primary.pool.try_get()?;
        self.sample_on(&mut conn)
    }

    /// Reads the primary's position on `conn` and takes it as a sample (and as what resolves
    /// writes of unknown position).
    fn sample_on(&self, conn: &mut PgPooled) -> Option<Lsn> {
        let pending = self.writes.pending();
        outage::reset_connection_lost();
        match primary_position(conn) {
            Ok(at) => {
                self.observed_primary(pending, at);
                Some(at)
            }
            Err(_) => {
                if outage::connection_lost() {
                    conn.lost = true;
                }
                None
            }
        }
    }

    /// After a read: a replica connection is marked fresh (or the replica's failure noted); a
    /// primary one takes a sample when one is due or a write's position is unknown.
    pub(super) fn after_read(&self, conn: &mut PgPooled, on_replica: bool, lost: bool) {
        if lost {
            if on_replica {
                self.lost_connection();
            }
            return;
        }
        if on_replica {
            conn.used = Some(Instant::now());
            return;
        }
        let due = self.bound.due(Instant::now()) && self.bound.claim();
        if due || self.writes.pending() > 0 {
            self.sample_on(conn);
        }
        if due {
            self.bound.release();
        }
    }

    /// After a write request's work on `conn` (a primary connection).
    pub(super) fn note_write(&self, conn: &mut PgPooled) {
        if outage::connection_lost() {
            // Whether and where it committed is unknown.
            self.writes.lost();
            return;
        }
        match self.sample_on(conn) {
            Some(at) => self.writes.raise(at),
            None => self.writes.lost(),
        }
    }

    /// How many writes of unknown position wait for a later position of the primary.
    pub(super) fn pending_writes(&self) -> u64 {
        self.writes.pending()
    }

    /// `at` was read from the primary after `pending` was read.
    pub(super) fn observed_primary(&self, pending: u64, at: Lsn) {
        self.writes.resolve(pending, at);
        self.bound.add(Instant::now(), at);
    }

    /// False for a replica that was a standby and is not any more: it was promoted, and its
    /// positions no longer say what of the primary's WAL it has (reads go to the primary; a
    /// server that never was a standby, such as the primary under another URL, is used as is).
    fn still_a_standby(&self, standby: bool) -> bool {
        if standby {
            self.seen_standby.store(true, Ordering::Relaxed);
            return true;
        }
        if !self.seen_standby.load(Ordering::Relaxed) {
            return true;
        }
        if !self.promoted.swap(true, Ordering::Relaxed) {
            tracing::error!(
                "the read replica is no longer a standby (promoted?); reads go to the primary \
                 until DATABASE_READ_URL names a standby of it and the service restarts"
            );
        }
        false
    }

    fn lost_connection(&self) {
        self.generation.fetch_add(1, Ordering::Relaxed);
        self.replayed.store(0, Ordering::Relaxed);
    }

    /// The replica's state for `/readyz`, with the primary at `primary_at`.
    pub(super) fn state(&self, budget: Option<&WaitBudget>, primary_at: Lsn) -> ReplicaState {
        if self.pool.outage.is_down() {
            return ReplicaState::unreachable();
        }
        let wait = budget.map_or(CHECKOUT_WAIT, |b| b.left().min(CHECKOUT_WAIT));
        let Ok(mut conn) = self.pool.checkout(wait, budget) else {
            return ReplicaState::unreachable();
        };
        outage::reset_connection_lost();
        let row = {
            let pg: &mut PgConnection = &mut conn;
            pg.build_transaction()
                .read_only()
                .run(|c| Ok::<_, AppError>(diesel::sql_query(STATUS_SQL).get_result::<Status>(c)?))
        };
        let Ok(row) = row else {
            if outage::connection_lost() {
                conn.lost = true;
                self.lost_connection();
            }
            return ReplicaState::unreachable();
        };
        let at = row.lsn.as_deref().and_then(parse_lsn).unwrap_or(0);
        if self.still_a_standby(row.standby) {
            self.replayed.fetch_max(at, Ordering::Relaxed);
        }
        conn.generation = self.generation.load(Ordering::Relaxed);
        conn.used = Some(Instant::now());
        let caught_up = at >= primary_at;
        ReplicaState {
            reachable: true,
            standby: row.standby,
            replay_lag_bytes: Some(primary_at.saturating_sub(at)),
            replay_lag_seconds: if caught_up {
                Some(0.0)
            } else {
                row.since_replay.map(|s| s.max(0.0))
            },
        }
    }

    pub(super) fn counts(&self) -> ReadCounts {
        let get = |c: &AtomicU64| c.load(Ordering::Relaxed);
        ReadCounts {
            replica: get(&self.counts.replica),
            primary_strong: get(&self.counts.strong),
            primary_behind: get(&self.counts.behind),
            primary_unavailable: get(&self.counts.unavailable),
        }
    }
}

#[derive(Default)]
struct Counters {
    replica: AtomicU64,
    strong: AtomicU64,
    behind: AtomicU64,
    unavailable: AtomicU64,
}

impl Counters {
    fn add(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }
}

/// The highest primary position after a write of this instance, and the writes whose position
/// could not be read (their connection failed), which a later position of the primary covers.
#[derive(Debug, Default)]
struct Watermark {
    lsn: AtomicU64,
    unresolved: AtomicU64,
}

impl Watermark {
    /// What reads must find replayed; `None` while a write's position is unknown.
    fn required(&self) -> Option<Lsn> {
        (self.unresolved.load(Ordering::Acquire) == 0).then(|| self.lsn.load(Ordering::Acquire))
    }

    fn lost(&self) {
        self.unresolved.fetch_add(1, Ordering::AcqRel);
    }

    fn pending(&self) -> u64 {
        self.unresolved.load(Ordering::Acquire)
    }

    /// A write of this instance ended with the primary at `at`.
    fn raise(&self, at: Lsn) {
        self.lsn.fetch_max(at, Ordering::AcqRel);
    }

    /// `at` was read from the primary after `pending` was: it is past the writes of unknown
    /// position counted then (if they committed at all), which it stands for from now on,
    /// unless another one failed meanwhile. With nothing pending it changes nothing: a position
    /// seen on a read is no write of this instance.
    fn resolve(&self, pending: u64, at: Lsn) {
        if pending == 0 {
            return;
        }
        self.raise(at);
        let _ = self
            .unresolved
            .compare_exchange(pending, 0, Ordering::AcqRel, Ordering::Acquire);
    }
}

/// Samples of the primary's position over the last `max_lag`: a read must find replayed the
/// oldest of them, which is no earlier than the primary's position `max_lag` ago.
struct StalenessBound {
    max_lag: Duration,
    samples: Mutex<VecDeque<(Instant, Lsn)>>,
    sampling: AtomicBool,
}

impl StalenessBound {
    fn new(max_lag: Duration) -> StalenessBound {
        StalenessBound {
            max_lag,
            samples: Mutex::new(VecDeque::new()),
            sampling: AtomicBool::new(false),
        }
    }

    /// The oldest sample within `max_lag` of `now` (`None`: none is that recent), and whether a
    /// new sample is due.
    fn floor(&self, now: Instant) -> (Option<Lsn>, bool) {
        let Ok(mut samples) = self.samples.lock() else {
            return (None, true);
        };
        while samples
            .front()
            .is_some_and(|(at, _)| now.saturating_duration_since(*at) > self.max_lag)
        {
            samples.pop_front();
        }
        let due = samples
            .back()
            .is_none_or(|(at, _)| now.saturating_duration_since(*at) >= SAMPLE_EVERY);
        (samples.front().map(|(_, lsn)| *lsn), due)
    }

    fn due(&self, now: Instant) -> bool {
        self.samples.lock().map_or(true, |samples| {
            samples
                .back()
                .is_none_or(|(at, _)| now.saturating_duration_since(*at) >= SAMPLE_EVERY)
        })
    }

    /// One sampler at a time where a sample is merely due.
    fn claim(&self) -> bool {
        !self.sampling.swap(true, Ordering::AcqRel)
    }

    fn release(&self) {
        self.sampling.store(false, Ordering::Release);
    }

    fn add(&self, now: Instant, lsn: Lsn) {
        if let Ok(mut samples) = self.samples.lock() {
            let fresh = samples
                .back()
                .is_none_or(|(at, _)| now.saturating_duration_since(*at) >= SAMPLE_EVERY);
            // Within a second of the last sample it adds nothing the next one will not. (Raising
            // the last sample to the later position would be safe but would move the floor
            // ahead of its time.)
            if fresh {
                samples.push_back((now, lsn));
            }
        }
    }
}

#[derive(QueryableByName)]
struct Position {
    #[diesel(sql_type = Nullable<Text>)]
    lsn: Option<String>,
}

#[derive(QueryableByName)]
struct ReplicaPosition {
    #[diesel(sql_type = Bool)]
    standby: bool,
    #[diesel(sql_type = Nullable<Text>)]
    lsn: Option<String>,
}

#[derive(QueryableByName)]
struct Status {
    #[diesel(sql_type = Bool)]
    standby: bool,
    #[diesel(sql_type = Nullable<Text>)]
    lsn: Option<String>,
    #[diesel(sql_type = Nullable<Double>)]
    since_replay: Option<f64>,
}

/// Whether the replica is a standby, and its position: what it has replayed, or its own
/// position when it is not a standby.
const REPLICA_POSITION_SQL: &str = "SELECT pg_is_in_recovery() AS standby, \
     (CASE WHEN pg_is_in_recovery() \
      THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_insert_lsn() END)::text AS lsn";

const STATUS_SQL: &str = "SELECT pg_is_in_recovery() AS standby, \
     (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() \
      ELSE pg_current_wal_insert_lsn() END)::text AS lsn, \
     CASE WHEN pg_is_in_recovery() \
      THEN extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END AS since_replay";

/// The primary's position: at or past the end of every WAL record inserted so far, so of every
/// commit that has returned (even with `synchronous_commit = off`, unlike the flushed position).
pub(super) fn primary_position(conn: &mut PgConnection) -> Result<Lsn, AppError> {
    let row = diesel::sql_query("SELECT pg_current_wal_insert_lsn()::text AS lsn")
        .get_result::<Position>(conn)?;
    row.lsn
        .as_deref()
        .and_then(parse_lsn)
        .ok_or_else(|| AppError::Internal("the primary reported no WAL position".to_owned()))
}

fn replica_position(conn: &mut PgConnection) -> Result<(bool, Lsn), AppError> {
    let row = diesel::sql_query(REPLICA_POSITION_SQL).get_result::<ReplicaPosition>(conn)?;
    // A standby that has replayed nothing yet reports none: it has reached nothing.
    Ok((
        row.standby,
        row.lsn.as_deref().and_then(parse_lsn).unwrap_or(0),
    ))
}

/// `16/B374D848` → 0x16_B374_D848.
pub fn parse_lsn(text: &str) -> Option<Lsn> {
    let (high, low) = text.trim().split_once('/')?;
    let high = u32::from_str_radix(high, 16).ok()?;
    let low = u32::from_str_radix(low, 16).ok()?;
    Some((u64::from(high) << 32) | u64::from(low))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lsns_parse_as_postgresql_prints_them() {
        assert_eq!(parse_lsn("0/0"), Some(0));
        assert_eq!(parse_lsn("16/B374D848"), Some(0x16_B374_D848));
        assert_eq!(parse_lsn("FFFFFFFF/FFFFFFFF"), Some(u64::MAX));
        assert!(parse_lsn("0/1") < parse_lsn("1/0"));
        for bad in ["", "12", "x/1", "1/", "/1", "100000000/0"] {
            assert_eq!(parse_lsn(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_write_of_unknown_position_holds_reads_until_a_later_position_is_seen() {
        let writes = Watermark::default();
        assert_eq!(writes.required(), Some(0));
        writes.raise(100);
        assert_eq!(writes.required(), Some(100));
        // A position seen with nothing pending is not a write of this instance.
        writes.resolve(0, 120);
        assert_eq!(writes.required(), Some(100));
        writes.lost();
        assert_eq!(writes.required(), None);
        // A position read after the failure resolves it.
        let pending = writes.pending();
        writes.resolve(pending, 150);
        assert_eq!(writes.required(), Some(150));
        // Another failure between reading `pending` and the position keeps it unresolved.
        writes.lost();
        let pending = writes.pending();
        writes.lost();
        writes.resolve(pending, 200);
        assert_eq!(writes.required(), None);
        writes.resolve(writes.pending(), 210);
        assert_eq!(writes.required(), Some(210));
        // Positions only ever rise.
        writes.raise(5);
        assert_eq!(writes.required(), Some(210));
    }

    #[test]
    fn the_bound_is_the_oldest_sample_within_the_lag() {
        let bound = StalenessBound::new(Duration::from_secs(10));
        let t0 = Instant::now();
        assert_eq!(bound.floor(t0), (None, true));
        bound.add(t0, 100);
        // A sample within SAMPLE_EVERY of the last one is not kept.
        bound.add(t0 + Duration::from_millis(500), 120);
        assert_eq!(
            bound.floor(t0 + Duration::from_millis(600)),
            (Some(100), false)
        );
        bound.add(t0 + Duration::from_secs(4), 400);
        bound.add(t0 + Duration::from_secs(8), 800);
        assert_eq!(bound.floor(t0 + Duration::from_secs(9)), (Some(100), true));
        // Past the lag, the oldest sample still within it is the floor.
        assert_eq!(bound.floor(t0 + Duration::from_secs(12)).0, Some(400));
        assert_eq!(bound.floor(t0 + Duration::from_secs(17)).0, Some(800));
        // Nothing that recent: the floor is unknown and a sample is due.
        assert_eq!(bound.floor(t0 + Duration::from_secs(30)), (None, true));
    }

    #[test]
    fn one_sampler_at_a_time() {
        let bound = StalenessBound::new(Duration::from_secs(10));
        assert!(bound.claim());
        assert!(!bound.claim());
        bound.release();
        assert!(bound.claim());
    }
}
