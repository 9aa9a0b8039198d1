//! Test harness: a private PostgreSQL database per test, cloned from a migrated template, and
//! helpers to build the app in-process or run the real server on a free port.
//!
//! Each test crate uses a different subset of these helpers.
#![allow(dead_code)]

pub mod api;
pub mod proxy;
pub mod walk;
pub mod world;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use actix_web::dev::{Service, ServiceResponse};
use actix_web::web;
use budget_monitor::config::Config;
use budget_monitor::{AppState, build_app, build_app_with, db};
use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::sql_types::{Bool, Text};
use diesel::{Connection, QueryableByName, RunQueryDsl};

/// Serialises template creation and cleanup across test processes.
const HARNESS_LOCK_KEY: i64 = 0x626d_7465_7374;
const TEST_DB_PREFIX: &str = "bm_t_";
const TEMPLATE_PREFIX: &str = "bm_tmpl_";

/// The maintenance database the harness connects to; override with TEST_DATABASE_URL.
pub fn admin_url() -> String {
    std::env::var("TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

fn admin_connection() -> PgConnection {
    let url = admin_url();
    PgConnection::establish(&url).unwrap_or_else(|e| {
        panic!(
            "PostgreSQL is not reachable at {url} ({e}); run the tests with scripts/test.sh, \
             which starts it, or set TEST_DATABASE_URL"
        )
    })
}

/// The URL of another database on the harness's server.
pub fn url_for(database: &str) -> String {
    budget_monitor::config::with_database(&admin_url(), database).expect("admin URL has a path")
}

/// `TEST_READ_REPLICA_PORT`: the port of a streaming replica of the harness's server on the same
/// host (`scripts/test.sh` makes one on 5433 for its replica pass). When set, every test app
/// reads through `DATABASE_READ_URL` from the same database on the replica.
pub fn replica_port() -> Option<u16> {
    let raw = std::env::var("TEST_READ_REPLICA_PORT").ok()?;
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    Some(
        raw.parse()
            .unwrap_or_else(|_| panic!("TEST_READ_REPLICA_PORT={raw:?} is not a port")),
    )
}

/// The authority, its host:port and the path (database and options) of a postgres:// URL.
fn authority_of(url: &str) -> (&str, &str, &str) {
    let (_, rest) = url.split_once("://").expect("a postgres:// URL");
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    let hostport = authority.rsplit('@').next().unwrap_or(authority);
    (authority, hostport, path)
}

/// `url` on the replica: the same host, credentials, database and options on the replica's
/// port. `None` without a replica, or when `url` does not point at the harness's server itself
/// (a test's proxy, say).
pub fn replica_url_for(url: &str) -> Option<String> {
    let port = replica_port()?;
    let admin = admin_url();
    let (_, admin_hostport, _) = authority_of(&admin);
    let (authority, hostport, path) = authority_of(url);
    if hostport != admin_hostport {
        return None;
    }
    let host = hostport.rsplit_once(':').map_or(hostport, |(h, _)| h);
    let userinfo = authority
        .rsplit_once('@')
        .map(|(u, _)| format!("{u}@"))
        .unwrap_or_default();
    let scheme = url.split_once("://").map_or("postgres", |(s, _)| s);
    Some(format!("{scheme}://{userinfo}{host}:{port}/{path}"))
}

#[derive(QueryableByName)]
struct Caught {
    #[diesel(sql_type = Bool)]
    caught_up: bool,
}

/// Waits until the replica has replayed everything the harness's server has written so far
/// (a new test database, say), so a test's first reads find it there. Polls the replica's
/// replay position; fails loudly if it does not get there in a minute.
pub fn wait_for_replica() {
    let Some(replica_admin) = replica_url_for(&admin_url()) else {
        return;
    };
    let mut primary = admin_connection();
    #[derive(QueryableByName)]
    struct At {
        #[diesel(sql_type = Text)]
        lsn: String,
    }
    let at = diesel::sql_query("SELECT pg_current_wal_insert_lsn()::text AS lsn")
        .get_result::<At>(&mut primary)
        .expect("primary WAL position")
        .lsn;
    let mut replica = PgConnection::establish(&replica_admin).unwrap_or_else(|e| {
        panic!(
            "TEST_READ_REPLICA_PORT is set but the replica does not answer at {replica_admin}: {e}"
        )
    });
    let started = std::time::Instant::now();
    loop {
        let caught = diesel::sql_query(
            "SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS caught_up",
        )
        .bind::<Text, _>(&at)
        .get_result::<Caught>(&mut replica)
        .expect("replica replay position")
        .caught_up;
        if caught {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the replica has not replayed {at} within a minute: is it streaming?"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[derive(QueryableByName)]
struct Datname {
    #[diesel(sql_type = Text)]
    datname: String,
}

#[derive(QueryableByName)]
struct IsTemplate {
    #[diesel(sql_type = Bool)]
    datistemplate: bool,
}

/// A stable hash of the migration files, so a changed migration gets a fresh template.
fn migrations_fingerprint() -> String {
    fn visit(dir: &Path, files: &mut Vec<PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("migrations directory")
            .map(|e| e.expect("dir entry").path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                visit(&path, files);
            } else {
                files.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let mut files = Vec::new();
    visit(&root, &mut files);
    // FNV-1a: tiny and stable across toolchains, unlike std's DefaultHasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for path in files {
        let rel = path
            .strip_prefix(&root)
            .expect("under root")
            .to_string_lossy()
            .into_owned();
        for byte in rel
            .bytes()
            .chain(std::fs::read(&path).expect("read migration"))
        {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

fn database_names(conn: &mut PgConnection, prefix: &str) -> Vec<String> {
    diesel::sql_query("SELECT datname FROM pg_database WHERE starts_with(datname, $1)")
        .bind::<Text, _>(prefix)
        .load::<Datname>(conn)
        .expect("list databases")
        .into_iter()
        .map(|d| d.datname)
        .collect()
}

fn drop_database(conn: &mut PgConnection, name: &str) {
    let _ = conn.batch_execute(&format!("ALTER DATABASE \"{name}\" IS_TEMPLATE false"));
    conn.batch_execute(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
        .unwrap_or_else(|e| panic!("drop database {name}: {e}"));
}

/// Drops databases left by test processes that are gone, and templates of older migrations.
fn clean_leftovers(conn: &mut PgConnection, current_template: &str) {
    for name in database_names(conn, TEST_DB_PREFIX) {
        let pid = name[TEST_DB_PREFIX.len()..].split('_').next().unwrap_or("");
        let alive = !pid.is_empty() && Path::new("/proc").join(pid).exists();
        if !alive {
            drop_database(conn, &name);
        }
    }
    for name in database_names(conn, TEMPLATE_PREFIX) {
        if name != current_template {
            drop_database(conn, &name);
        }
    }
}

fn template() -> &'static str {
    static TEMPLATE: OnceLock<String> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let name = format!("{TEMPLATE_PREFIX}{}", migrations_fingerprint());
        let mut conn = admin_connection();
        conn.batch_execute(&format!("SELECT pg_advisory_lock({HARNESS_LOCK_KEY})"))
            .expect("harness lock");
        clean_leftovers(&mut conn, &name);
        let ready = diesel::sql_query("SELECT datistemplate FROM pg_database WHERE datname = $1")
            .bind::<Text, _>(&name)
            .get_result::<IsTemplate>(&mut conn)
            .map(|r| r.datistemplate)
            .unwrap_or(false);
        if !ready {
            // A half-built template from a crashed run is rebuilt from scratch.
            drop_database(&mut conn, &name);
            conn.batch_execute(&format!("CREATE DATABASE \"{name}\""))
                .expect("create template");
            {
                let mut tconn = PgConnection::establish(&url_for(&name)).expect("template conn");
                db::migrate(&mut tconn).expect("migrate template");
            }
            conn.batch_execute(&format!("ALTER DATABASE \"{name}\" IS_TEMPLATE true"))
                .expect("mark template");
        }
        conn.batch_execute(&format!("SELECT pg_advisory_unlock({HARNESS_LOCK_KEY})"))
            .expect("harness unlock");
        name
    })
}

/// A fresh name for a database this test process owns (dropped by `TestDb` or by cleanup).
pub fn fresh_database_name() -> String {
    static SEQ: AtomicU32 = AtomicU32::new(0);
    format!(
        "{TEST_DB_PREFIX}{}_{}",
        std::process::id(),
        SEQ.fetch_add(1, Ordering::Relaxed)
    )
}

/// A migrated database private to one test, dropped when the value is dropped.
pub struct TestDb {
    pub name: String,
    pub url: String,
}

impl TestDb {
    pub fn new() -> TestDb {
        let template = template();
        let name = fresh_database_name();
        let mut conn = admin_connection();
        let sql = format!("CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        let mut attempt = 0;
        // Cloning fails while another session is briefly connected to the template.
        while let Err(e) = conn.batch_execute(&sql) {
            attempt += 1;
            assert!(attempt < 20, "create test database {name}: {e}");
            std::thread::sleep(Duration::from_millis(100));
        }
        wait_for_replica();
        TestDb {
            url: url_for(&name),
            name,
        }
    }

    /// A name and URL for a database that does not exist yet (for tests of creating it); it is
    /// dropped like any other when the value is dropped.
    pub fn unmade() -> TestDb {
        let name = fresh_database_name();
        TestDb {
            url: url_for(&name),
            name,
        }
    }

    pub fn connect(&self) -> PgConnection {
        PgConnection::establish(&self.url).expect("connect to test database")
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Ok(mut conn) = PgConnection::establish(&admin_url()) {
            let _ = conn.batch_execute(&format!(
                "DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)",
                self.name
            ));
        }
    }
}

/// The token secret of test apps, so tests can forge tokens the way an attacker would.
pub const TEST_JWT_SECRET: &[u8] = b"test-secret-for-budget-monitor-0123456789";

/// Settings for a test app: the given database, a small pool and a short pool timeout; with
/// `TEST_READ_REPLICA_PORT`, reads from the same database on the replica.
pub fn config_for(database_url: &str) -> Config {
    let mut config = Config::from_lookup(|name| match name {
        "DATABASE_URL" => Some(database_url.to_owned()),
        _ => None,
    })
    .expect("test config");
    config.db_pool_size = 4;
    config.db_connect_timeout = Duration::from_secs(2);
    config.auth.jwt_keys = vec![(
        budget_monitor::config::DEFAULT_JWT_KEY_ID.to_owned(),
        TEST_JWT_SECRET.to_vec(),
    )];
    config.auth.jwt_keys_generated = false;
    config.database_read_url = replica_url_for(database_url);
    config
}

pub fn state_for(db: &TestDb) -> AppState {
    AppState::new(config_for(&db.url))
}

/// The real app, in-process.
pub async fn app(
    state: AppState,
) -> impl Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error> {
    actix_web::test::init_service(build_app(state)).await
}

/// The real app with extra routes mounted under the same middleware and extractor settings.
pub async fn app_with(
    state: AppState,
    extra: impl FnOnce(&mut web::ServiceConfig) + 'static,
) -> impl Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error> {
    actix_web::test::init_service(build_app_with(state, extra)).await
}

/// A real HTTP server on a free loopback port, stopped when dropped.
pub struct TestServer {
    pub addr: std::net::SocketAddr,
    handle: actix_web::dev::ServerHandle,
}

impl TestServer {
    pub fn start(state: AppState) -> TestServer {
        // The production server (`budget_monitor::server::http_server`), so tests see what the
        // connection layer answers too.
        let listener = std::net::TcpListener::bind(("127.0.0.1", 0)).expect("bind free port");
        let addr = listener.local_addr().expect("bound address");
        let server =
            budget_monitor::server::http_server(listener, state, Some(1)).expect("start server");
        let handle = server.handle();
        actix_web::rt::spawn(server);
        TestServer { addr, handle }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        // Fire and forget: the runtime ends with the test anyway.
        drop(self.handle.stop(false));
    }
}

/// The compiled `budget-monitor` binary, for black-box tests of the command line.
pub fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_budget-monitor")
}

/// Reads a response body as JSON.
pub async fn json_body(res: ServiceResponse) -> serde_json::Value {
    let bytes = actix_web::test::read_body(res).await;
    serde_json::from_slice(&bytes).unwrap_or_else(|e| {
        panic!(
            "body is not JSON ({e}): {}",
            String::from_utf8_lossy(&bytes)
        )
    })
}

/// Asserts a problem+json answer with the given status and returns the document.
pub async fn expect_problem(res: ServiceResponse, status: u16) -> serde_json::Value {
    assert_eq!(res.status().as_u16(), status, "status");
    let content_type = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    assert_eq!(content_type, "application/problem+json");
    let body = json_body(res).await;
    assert_eq!(body["status"], status, "{body}");
    for field in ["type", "title", "detail"] {
        assert!(body[field].is_string(), "problem lacks {field}: {body}");
    }
    body
}
