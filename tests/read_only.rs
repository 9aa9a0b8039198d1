//! Every GET and HEAD runs its database work in READ ONLY transactions, export pages included,
//! and reads come from the read pool (`DATABASE_READ_URL`) when one is configured: every GET
//! operation of the OpenAPI document, with the ids of real objects, answers through a read pool
//! whose sessions refuse writes, and none of it touches the primary. A read pool that goes away
//! leaves the reads to the primary instead of failing them.

mod common;
#[allow(dead_code)]
#[path = "visibility/scene.rs"]
mod scene;

use std::time::{Duration, Instant};

use actix_web::dev::{Service, ServiceResponse};
use actix_web::test::{TestRequest, call_service, read_body};
use actix_web::{HttpResponse, web};
use budget_monitor::AppState;
use budget_monitor::db::ReadCounts;
use budget_monitor::error::AppError;
use budget_monitor::export::{self, Cell, Column, Format, Kind};
use common::api::Api;
use common::proxy::{DbProxy, upstream_of};
use common::walk::call;
use common::world::seed;
use common::{TestDb, admin_url, app_with, config_for, json_body};
use diesel::pg::PgConnection;
use diesel::sql_types::{BigInt, Text};
use diesel::{QueryableByName, RunQueryDsl};
use serde::Serialize;
use serde_json::Value;

const USERS: [&str; 6] = ["admin", "sd.fin", "jn.fin", "jn.aud", "jn.kj", "jn.jy"];

/// The settings of the transaction a request's query ran in, and of its session, and which pool
/// it came from: the read pool of these tests connects as `application_name` `read-pool` (and
/// with `default_transaction_read_only` on), the primary's connections with none.
#[derive(Debug, QueryableByName, Serialize)]
struct Session {
    #[diesel(sql_type = Text)]
    transaction_read_only: String,
    #[diesel(sql_type = Text)]
    default_transaction_read_only: String,
    #[diesel(sql_type = Text)]
    pool: String,
}

const SESSION_SQL: &str = "SELECT current_setting('transaction_read_only') AS transaction_read_only, \
     current_setting('default_transaction_read_only') AS default_transaction_read_only, \
     current_setting('application_name') AS pool";

fn session(conn: &mut PgConnection) -> Result<Session, AppError> {
    Ok(diesel::sql_query(SESSION_SQL).get_result(conn)?)
}

#[derive(Debug, QueryableByName)]
struct PageRow {
    #[diesel(sql_type = BigInt)]
    n: i64,
    #[diesel(sql_type = Text)]
    transaction_read_only: String,
    #[diesel(sql_type = Text)]
    pool: String,
}

const PAGE_COLUMNS: &[Column] = &[
    Column::new("n", Kind::Integer),
    Column::new("transaction_read_only", Kind::Text),
    Column::new("pool", Kind::Text),
];

/// Test-only routes beside the API, under the same middleware: what a handler's query runs in,
/// a handler that writes, and an export of three pages that reports where each page was read.
fn probes(cfg: &mut web::ServiceConfig) {
    async fn session_of(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
        let session = state.db.run(session).await?;
        Ok(HttpResponse::Ok().json(session))
    }
    async fn write(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
        let rows = state
            .db
            .run(|conn| {
                Ok(
                    diesel::sql_query("UPDATE regions SET name = name WHERE code = '370000'")
                        .execute(conn)?,
                )
            })
            .await?;
        Ok(HttpResponse::Ok().json(rows))
    }
    async fn pages(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
        export::paged(
            &state.db,
            Format::Csv,
            "pages",
            PAGE_COLUMNS,
            |conn, after, limit| {
                let from = after.map_or(0, |(key, _)| key.parse::<i64>().unwrap()) + 1;
                // Three full pages, then an empty one.
                let to = (from + limit).min(3 * limit);
                Ok(diesel::sql_query(format!(
                    "SELECT g AS n, current_setting('transaction_read_only') AS transaction_read_only, \
                     current_setting('application_name') AS pool \
                     FROM generate_series({from}::int8, {to}::int8) g"
                ))
                .load::<PageRow>(conn)?)
            },
            |row: &PageRow| (row.n.to_string(), uuid::Uuid::nil()),
            |row: &PageRow| {
                vec![
                    Cell::Int(row.n),
                    Cell::Text(row.transaction_read_only.clone()),
                    Cell::Text(row.pool.clone()),
                ]
            },
        )
        .await
    }
    cfg.route("/test/db/session", web::get().to(session_of))
        .route("/test/db/write", web::get().to(write))
        .route("/test/db/write", web::head().to(write))
        .route("/test/db/write", web::post().to(write))
        .route("/test/db/pages", web::get().to(pages));
}

async fn request<S>(app: &S, method: &str, uri: &str, strong: bool) -> (u16, String)
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    let method = actix_web::http::Method::from_bytes(method.as_bytes()).unwrap();
    let mut req = TestRequest::default().method(method).uri(uri);
    if strong {
        req = req.insert_header(("read-consistency", "strong"));
    }
    let res = call_service(app, req.to_request()).await;
    let status = res.status().as_u16();
    let body = read_body(res).await;
    (status, String::from_utf8_lossy(&body).into_owned())
}

/// The settings each page of the export was read with, as (transaction, session) pairs.
fn page_settings(csv: &str) -> Vec<(String, String)> {
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("n,transaction_read_only,pool"),
        "{csv:.200}"
    );
    let rows: Vec<(String, String)> = lines
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            (cells[1].to_owned(), cells[2].to_owned())
        })
        .collect();
    assert_eq!(rows.len(), 3000, "three pages of a thousand rows");
    rows
}

/// A URL of `db` whose sessions refuse writes: the read pool of these tests.
fn read_only_url(db: &TestDb) -> String {
    format!(
        "{}?options=-c%20default_transaction_read_only%3Don&application_name=read-pool",
        db.url
    )
}

fn role_of(who: &str) -> &'static str {
    match who {
        "admin" => "admin",
        "sd.fin" | "jn.fin" | "qd.fin" => "finance_officer",
        "jn.aud" | "qd.aud" => "auditor",
        _ => "department_officer",
    }
}

fn served_by_primary(counts: ReadCounts) -> u64 {
    counts.primary_strong + counts.primary_behind + counts.primary_unavailable
}

#[actix_web::test]
async fn gets_and_heads_run_read_only_and_other_methods_do_not() {
    let db = TestDb::new();
    let mut config = config_for(&db.url);
    // This test is about the primary alone, also in the replica pass; with one connection,
    // every request below runs on the connection the one before left in its settings.
    config.database_read_url = None;
    config.db_pool_size = 1;
    let state = AppState::new(config);
    let app = app_with(state.clone(), probes).await;
    seed(&db);

    // A GET or HEAD that writes fails; the same handler behind a POST writes.
    let (status, body) = request(&app, "GET", "/test/db/write", false).await;
    assert_eq!(status, 500, "{body}");
    let (status, _) = request(&app, "HEAD", "/test/db/write", false).await;
    assert_eq!(status, 500);
    let (status, body) = request(&app, "POST", "/test/db/write", false).await;
    assert_eq!((status, body.as_str()), (200, "1"));

    // A read runs each statement as its own READ ONLY transaction: the session's default is
    // read-only while a GET runs, and back to read-write for the next write.
    let (status, body) = request(&app, "GET", "/test/db/session", false).await;
    assert_eq!(status, 200, "{body}");
    let session: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(session["transaction_read_only"], "on");
    assert_eq!(session["default_transaction_read_only"], "on");
    let (status, body) = request(&app, "POST", "/test/db/write", false).await;
    assert_eq!((status, body.as_str()), (200, "1"), "a write after a read");
    let (status, body) = request(&app, "GET", "/test/db/write", false).await;
    assert_eq!(status, 500, "a write in a GET after a write: {body}");

    // Every page of an export, read after the handler returned, is read-only too.
    let (status, csv) = request(&app, "GET", "/test/db/pages", false).await;
    assert_eq!(status, 200, "{csv:.300}");
    for (transaction, _) in page_settings(&csv) {
        assert_eq!(transaction, "on");
    }

    // Without DATABASE_READ_URL nothing is routed, and /readyz looks as it always did.
    assert!(state.db.read_counts().is_none());
    let res = call_service(&app, TestRequest::get().uri("/readyz").to_request()).await;
    assert_eq!(res.status().as_u16(), 200);
    let body = json_body(res).await;
    assert_eq!(
        body,
        serde_json::json!({"status": "ready", "database": "ok"})
    );
}

#[actix_web::test]
async fn every_get_of_the_document_reads_from_the_read_pool_without_writing() {
    let db = TestDb::new();
    let world = seed(&db);
    let mut config = config_for(&db.url);
    config.database_read_url = Some(read_only_url(&db));
    let state = AppState::new(config);
    let app = app_with(state.clone(), probes).await;
    let api = Api::new(&app, &USERS).await;
    let mut scene = scene::build(&api, world).await;
    scene::add_secret_data(&api, &mut scene).await;

    // The read pool is the read-only one; `Read-Consistency: strong` reads from the primary,
    // still in a READ ONLY transaction.
    let (status, body) = request(&app, "GET", "/test/db/session", false).await;
    assert_eq!(status, 200, "{body}");
    let session: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(session["pool"], "read-pool", "{session}");
    assert_eq!(session["transaction_read_only"], "on", "{session}");
    let (_, body) = request(&app, "GET", "/test/db/session", true).await;
    let session: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(session["pool"], "", "{session}");
    assert_eq!(session["transaction_read_only"], "on", "{session}");
    // A write attempted on the read pool fails (and also on the primary, for a GET).
    for strong in [false, true] {
        let (status, body) = request(&app, "GET", "/test/db/write", strong).await;
        assert_eq!(status, 500, "strong {strong}: {body}");
    }
    // Later pages of an export come from the read pool too.
    let (status, csv) = request(&app, "GET", "/test/db/pages", false).await;
    assert_eq!(status, 200, "{csv:.300}");
    for (transaction, pool) in page_settings(&csv) {
        assert_eq!((transaction.as_str(), pool.as_str()), ("on", "read-pool"));
    }

    // Every GET of the document, as every user it allows, with every id of the scene.
    let before = state.db.read_counts().expect("a read pool");
    let requests = scene::get_requests(&scene);
    assert!(
        requests.len() > 50,
        "the walk found {} GETs",
        requests.len()
    );
    let mut failures = Vec::new();
    let mut made = 0;
    for (op, uri) in &requests {
        for who in USERS {
            if !op.allows(role_of(who)) {
                continue;
            }
            let answer = call(&app, &api.tokens[who], "GET", uri, None, None).await;
            made += 1;
            if answer.status >= 500 {
                failures.push(format!(
                    "{who} GET {uri}: {} {:.300}",
                    answer.status, answer.text
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {made} GETs failed on the read-only read pool:\n{}",
        failures.len(),
        failures.join("\n")
    );
    let after = state.db.read_counts().unwrap();
    // Every request reads at least the caller's user row, and all of it came from the pool.
    assert!(
        after.replica - before.replica >= made,
        "{made} requests, {before:?} → {after:?}"
    );
    assert_eq!(
        served_by_primary(after),
        served_by_primary(before),
        "reads went to the primary: {before:?} → {after:?}"
    );

    // /readyz shows the read pool: reachable, not a standby, nothing to replay.
    let res = call_service(&app, TestRequest::get().uri("/readyz").to_request()).await;
    assert_eq!(res.status().as_u16(), 200);
    let body = json_body(res).await;
    assert_eq!(body["database"], "ok");
    assert_eq!(
        body["read_replica"],
        serde_json::json!({"status": "ok", "standby": false, "replay_lag_bytes": 0,
                           "replay_lag_seconds": 0.0}),
        "{body}"
    );
}

#[actix_web::test]
async fn reads_go_to_the_primary_while_the_read_pool_is_away_and_come_back_by_themselves() {
    let db = TestDb::new();
    seed(&db);
    let proxy = DbProxy::start(upstream_of(&admin_url())).await;
    let mut config = config_for(&db.url);
    config.database_read_url = Some(proxy.route(&read_only_url(&db)));
    config.db_connect_timeout = Duration::from_secs(1);
    let state = AppState::new(config);
    let app = app_with(state.clone(), probes).await;
    let session = |strong| {
        let app = &app;
        async move {
            let (status, body) = request(app, "GET", "/test/db/session", strong).await;
            let session: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
            (status, session["pool"].clone())
        }
    };
    // The first read of a new instance comes from the primary, which it has not seen yet (the
    // staleness bound needs one position of the primary); from then on, the read pool.
    assert_eq!(session(false).await, (200, "".into()));
    assert_eq!(session(false).await, (200, "read-pool".into()));

    proxy.cut().await;
    // Past the idle time after which a read-pool connection is checked before use.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let started = Instant::now();
    for _ in 0..5 {
        assert_eq!(session(false).await, (200, "".into()), "from the primary");
    }
    // At most one wait for a read-pool connection (half a second), not one per request.
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    let counts = state.db.read_counts().unwrap();
    assert!(counts.primary_unavailable >= 5, "{counts:?}");
    let res = call_service(&app, TestRequest::get().uri("/readyz").to_request()).await;
    assert_eq!(res.status().as_u16(), 200, "the primary decides readiness");
    let body = json_body(res).await;
    assert_eq!(
        body["read_replica"],
        serde_json::json!({"status": "unavailable"})
    );

    // Once it answers again, reads return to it without a restart (r2d2 keeps reconnecting in
    // the background, every half of DB_CONNECT_TIMEOUT at most).
    proxy.restore();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (status, pool) = session(false).await;
        assert_eq!(status, 200);
        if pool == "read-pool" {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "reads never returned to the read pool"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let res = call_service(&app, TestRequest::get().uri("/readyz").to_request()).await;
    let body = json_body(res).await;
    assert_eq!(body["read_replica"]["status"], "ok", "{body}");
}

#[actix_web::test]
async fn a_read_consistency_other_than_strong_is_refused_on_reads_and_ignored_on_writes() {
    let db = TestDb::new();
    seed(&db);
    let mut config = config_for(&db.url);
    config.database_read_url = Some(read_only_url(&db));
    let app = app_with(AppState::new(config), probes).await;
    let with = |method: &'static str, uri: &'static str, value: &'static str| {
        let app = &app;
        async move {
            let req = TestRequest::default()
                .method(actix_web::http::Method::from_bytes(method.as_bytes()).unwrap())
                .uri(uri)
                .insert_header(("read-consistency", value))
                .to_request();
            let res = call_service(app, req).await;
            (res.status().as_u16(), json_body(res).await)
        }
    };
    for value in ["eventual", "strong-ish", " "] {
        let (status, body) = with("GET", "/test/db/session", value).await;
        assert_eq!(status, 400, "{value:?}");
        assert_eq!(body["type"], "/problems/bad-request", "{body}");
        assert!(
            body["detail"].as_str().unwrap().contains("strong"),
            "{body}"
        );
    }
    let (status, body) = with("GET", "/test/db/session", " Strong ").await;
    assert_eq!(status, 200);
    assert_eq!(body["pool"], "", "strong reads the primary");
    // A write uses the primary anyway; the header means nothing to it.
    let (status, body) = with("POST", "/test/db/write", "eventual").await;
    assert_eq!(status, 200, "{body}");
}
