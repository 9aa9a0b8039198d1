//! Prometheus metrics: requests by route and status, latency, in-flight requests, pool state.
//!
//! Each instance keeps its own counters; Prometheus scrapes and sums instances, so nothing here
//! needs to be shared between instances.

use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounterVec, IntGauge, IntGaugeVec, Opts, Registry,
    TextEncoder,
};

use crate::db::PoolStats;

#[derive(Clone)]
pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    in_flight: IntGauge,
    pool: IntGaugeVec,
    checkouts: IntCounterVec,
    edge: IntCounterVec,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let registry = Registry::new();
        let requests = IntCounterVec::new(
            Opts::new(
                "http_requests_total",
                "HTTP requests answered, by route and status",
            ),
            &["method", "route", "status"],
        )
        .expect("valid metric");
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "http_request_duration_seconds",
                "Time from receiving a request to having its response, by route",
            )
            .buckets(vec![
                0.001, 0.0025, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
            ]),
            &["method", "route"],
        )
        .expect("valid metric");
        let in_flight = IntGauge::new("http_requests_in_flight", "Requests being handled now")
            .expect("valid metric");
        let pool = IntGaugeVec::new(
            Opts::new(
                "db_pool_connections",
                "Database pool: max size, open connections, idle connections, callers waiting",
            ),
            &["state"],
        )
        .expect("valid metric");
        let checkouts = IntCounterVec::new(
            Opts::new(
                "db_pool_checkouts_total",
                "Connections taken from a database pool (a request takes at most one per pool)",
            ),
            &["pool"],
        )
        .expect("valid metric");
        let edge = IntCounterVec::new(
            Opts::new(
                "http_edge_answers_total",
                "Answers the HTTP layer gave before any route, which http_requests_total never \
                 sees: unparsable or oversized request heads (400, 414, 431) and heads that did \
                 not arrive in time (408), by status",
            ),
            &["status"],
        )
        .expect("valid metric");
        for collector in [
            Box::new(requests.clone()) as Box<dyn prometheus::core::Collector>,
            Box::new(edge.clone()),
            Box::new(latency.clone()),
            Box::new(in_flight.clone()),
            Box::new(pool.clone()),
            Box::new(checkouts.clone()),
        ] {
            registry
                .register(collector)
                .expect("metric registered once");
        }
        Metrics {
            registry,
            requests,
            latency,
            in_flight,
            pool,
            checkouts,
            edge,
        }
    }

    /// An answer `http::edge` gave in place of the dispatcher's own.
    pub fn edge_answered(&self, status: u16) {
        self.edge.with_label_values(&[&status.to_string()]).inc();
    }

    pub fn request_started(&self) {
        self.in_flight.inc();
    }

    pub fn request_finished(&self, method: &str, route: &str, status: u16, seconds: f64) {
        self.in_flight.dec();
        self.requests
            .with_label_values(&[method, route, &status.to_string()])
            .inc();
        self.latency
            .with_label_values(&[method, route])
            .observe(seconds);
    }

    /// The text exposition, with the pools' state read at scrape time (`replica` when there
    /// is a read replica).
    pub fn render(&self, pool: PoolStats, replica: Option<PoolStats>) -> String {
        for (name, stats) in [("primary", Some(pool)), ("replica", replica)] {
            if let Some(stats) = stats {
                let counter = self.checkouts.with_label_values(&[name]);
                counter.inc_by(stats.checkouts.saturating_sub(counter.get()));
            }
        }
        let set = |state: &str, v: i64| self.pool.with_label_values(&[state]).set(v);
        set("max", i64::from(pool.max_size));
        set("open", i64::from(pool.connections));
        set("idle", i64::from(pool.idle));
        set("waiting", pool.waiting);
        let mut buf = Vec::new();
        TextEncoder::new()
            .encode(&self.registry.gather(), &mut buf)
            .expect("text encoding to memory cannot fail");
        String::from_utf8(buf).expect("prometheus text is UTF-8")
    }
}
