//! The database goes away in the middle of requests (a TCP proxy between the service and
//! PostgreSQL is cut): clients get 503 with `Retry-After`, never a 500; a batch says which items
//! to resend and a resend lands exactly those; an `Idempotency-Key` cut off with its request is
//! usable again by the retry.

mod common;

use std::time::{Duration, Instant};

use actix_web::dev::{Service, ServiceResponse};
use actix_web::test::{TestRequest, call_service, read_body};
use budget_monitor::AppState;
use common::proxy::{DbProxy, upstream_of};
use common::world::{seed, token};
use common::{TestDb, admin_url, app, config_for};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::BigInt;
use serde_json::{Value, json};

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn count(conn: &mut PgConnection, sql: &str) -> i64 {
    diesel::sql_query(sql)
        .get_result::<Count>(conn)
        .expect("count")
        .n
}

struct Answer {
    status: u16,
    retry_after: Option<String>,
    replayed: bool,
    body: Value,
}

async fn answer(res: ServiceResponse) -> Answer {
    let header = |name: &str| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let (status, retry_after) = (res.status().as_u16(), header("retry-after"));
    let replayed = header("idempotency-replayed").as_deref() == Some("true");
    let bytes = read_body(res).await;
    Answer {
        status,
        retry_after,
        replayed,
        body: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    }
}

async fn post<S>(app: &S, token: &str, uri: &str, body: &Value, key: Option<&str>) -> Answer
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    let mut req = TestRequest::post()
        .uri(uri)
        .insert_header(("authorization", format!("Bearer {token}")))
        .set_json(body);
    if let Some(key) = key {
        req = req.insert_header(("idempotency-key", key));
    }
    answer(call_service(app, req.to_request()).await).await
}

fn project(code: &str, department: uuid::Uuid) -> Value {
    json!({
        "code": code, "name": format!("Project {code}"), "department_id": department,
        "fiscal_year": 2021, "function_class": "20601",
        "fund_sources": {"municipal": "9000000.00"}, "initial_budget": "9000000.00"
    })
}

/// Polls (on a direct connection, not through the proxy) until `sql` counts at least `n`.
async fn until_at_least(conn: &mut PgConnection, sql: &str, n: i64) {
    let started = Instant::now();
    while count(conn, sql) < n {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "never reached {n}: {sql}"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// A seeded database reached through a proxy the test can cut, the app on it (1 s pool
/// timeout) and a Jinan finance officer's token.
async fn rig() -> (
    TestDb,
    common::world::World,
    DbProxy,
    impl Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
    String,
) {
    let db = TestDb::new();
    let world = seed(&db);
    let proxy = DbProxy::start(upstream_of(&admin_url())).await;
    let mut config = config_for(&proxy.route(&db.url));
    config.db_connect_timeout = Duration::from_secs(1);
    let app = app(AppState::new(config)).await;
    let fin = token(&app, "jn.fin").await;
    (db, world, proxy, app, fin)
}

fn assert_unavailable(a: &Answer) {
    assert_eq!(a.status, 503, "{}", a.body);
    assert_eq!(
        a.body["type"], "/problems/service-unavailable",
        "{}",
        a.body
    );
    assert!(a.retry_after.is_some(), "503 without Retry-After");
}

#[actix_web::test]
async fn a_write_cut_inside_its_transaction_answers_503_and_writes_nothing() {
    let (db, world, proxy, app, fin) = rig().await;
    let body = project("JN-CUT-1", world.dept("jn_kj"));

    // Hold the audit table so that creating a project stops inside its transaction, after
    // the project row is written and before its audit event is.
    let mut holder = db.connect();
    holder
        .batch_execute("BEGIN; LOCK TABLE audit_events IN ACCESS EXCLUSIVE MODE")
        .unwrap();
    let mut watcher = db.connect();
    let (created, ()) = tokio::join!(post(&app, &fin, "/api/v1/projects", &body, None), async {
        until_at_least(
            &mut watcher,
            "SELECT count(*) AS n FROM pg_stat_activity \
                 WHERE datname = current_database() AND wait_event_type = 'Lock'",
            1,
        )
        .await;
        proxy.cut().await;
        holder.batch_execute("ROLLBACK").unwrap();
    });
    assert_unavailable(&created);
    assert_eq!(
        count(
            &mut watcher,
            "SELECT count(*) AS n FROM projects WHERE code = 'JN-CUT-1'"
        ),
        0,
        "the cut transaction left a project"
    );

    // Back again: the dead connection was dropped, the same request now lands once.
    proxy.restore();
    let retried = post(&app, &fin, "/api/v1/projects", &body, None).await;
    assert_eq!(retried.status, 201, "{}", retried.body);
    assert_eq!(
        count(
            &mut watcher,
            "SELECT count(*) AS n FROM projects WHERE code = 'JN-CUT-1'"
        ),
        1
    );
}

#[actix_web::test]
async fn a_batch_cut_midway_says_what_to_resend_and_its_key_works_again() {
    // Records are written a chunk to a transaction: the cut comes once two chunks have landed
    // (so at least the first one's answer has arrived), with more to come.
    const CHUNK: usize = budget_monitor::execution::batch::CHUNK;
    const RECORDS: usize = 6 * CHUNK;
    let (db, world, proxy, app, fin) = rig().await;
    let created = post(
        &app,
        &fin,
        "/api/v1/projects",
        &project("JN-FEED-1", world.dept("jn_kj")),
        None,
    )
    .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let project_id = created.body["id"].as_str().unwrap().to_owned();
    let items: Vec<Value> = (0..RECORDS)
        .map(|i| {
            json!({"project_id": project_id, "payment_date": "2021-03-01", "amount": "1.00",
                   "external_ref": format!("GK-{i:05}")})
        })
        .collect();
    let batch = json!({ "items": items });
    let key = Some("feed-2021-03-01");
    let uri = "/api/v1/execution-records";
    let stored = "SELECT count(*) AS n FROM execution_records";

    let mut watcher = db.connect();
    let (first, ()) = tokio::join!(post(&app, &fin, uri, &batch, key), async {
        until_at_least(&mut watcher, stored, CHUNK as i64 + 1).await;
        proxy.cut().await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        proxy.restore();
    });
    assert_eq!(first.status, 200, "{}", first.body);
    let summary = &first.body["summary"];
    let (made, missing) = (
        summary["created"].as_u64().unwrap(),
        summary["not_processed"].as_u64().unwrap(),
    );
    assert_eq!(
        summary["rejected"], 0,
        "valid records marked rejected: {summary}"
    );
    // The watcher saw two chunks stored; the second may be the one whose COMMIT answer the cut
    // took (stored, reported not processed; checked below).
    assert!(made >= CHUNK as u64 && missing > 0, "{summary}");
    assert_eq!(made + missing, RECORDS as u64, "{summary}");
    // The items handled keep their results; from the cut on, every item is to be resent.
    let statuses: Vec<&str> = first.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["status"].as_str().unwrap())
        .collect();
    let cut_at = statuses.iter().position(|s| *s == "not_processed").unwrap();
    assert_eq!(cut_at % CHUNK, 0, "{summary}");
    assert!(statuses[..cut_at].iter().all(|s| *s == "created"));
    assert!(statuses[cut_at..].iter().all(|s| *s == "not_processed"));
    let reason = first.body["items"][cut_at]["errors"]["item"][0]
        .as_str()
        .unwrap();
    assert!(reason.contains("resend"), "{reason}");

    // The chunk being committed at the cut may or may not have been stored.
    let landed = count(&mut watcher, stored);
    assert!(
        landed == made as i64 || landed == made as i64 + CHUNK as i64,
        "{landed} stored, {made} reported created"
    );

    // The same request with the same key is processed, not refused as "still being
    // processed", and lands exactly what is missing.
    let second = post(&app, &fin, uri, &batch, key).await;
    assert_eq!(second.status, 200, "{}", second.body);
    assert!(
        !second.replayed,
        "an answer with unprocessed items was kept"
    );
    assert_eq!(
        second.body["summary"]["created"].as_i64().unwrap(),
        RECORDS as i64 - landed
    );
    assert_eq!(
        second.body["summary"]["duplicate"].as_i64().unwrap(),
        landed
    );
    assert_eq!(second.body["summary"]["not_processed"], 0);
    assert_eq!(count(&mut watcher, stored), RECORDS as i64);

    // That complete answer is the key's from now on.
    let third = post(&app, &fin, uri, &batch, key).await;
    assert_eq!(third.status, 200);
    assert!(third.replayed);
    assert_eq!(third.body, second.body);
}

#[actix_web::test]
async fn an_import_cut_midway_is_resumed_by_its_key_and_a_dead_database_answers_503() {
    // Items are written a chunk to a transaction: enough chunks that the cut, made once two
    // have landed (so at least the first one's answer has arrived), falls in the middle.
    const CHUNK: usize = budget_monitor::projects::import::CHUNK;
    const ITEMS: i64 = 4 * CHUNK as i64;
    let (db, world, proxy, app, fin) = rig().await;
    let items: Vec<Value> = (1..=ITEMS)
        .map(|i| {
            let mut p = project(&format!("JN-IMP-{i:04}"), world.dept("jn_kj"));
            p["region_code"] = json!("370100");
            p["department_code"] = json!("KJJ");
            p.as_object_mut().unwrap().remove("department_id");
            p
        })
        .collect();
    let import = json!({ "items": items });
    let key = Some("import-2021-a");
    let uri = "/api/v1/projects/import";
    let imported = "SELECT count(*) AS n FROM projects WHERE code LIKE 'JN-IMP-%'";

    let mut watcher = db.connect();
    let (first, ()) = tokio::join!(post(&app, &fin, uri, &import, key), async {
        until_at_least(&mut watcher, imported, CHUNK as i64 + 1).await;
        proxy.cut().await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        proxy.restore();
    });
    assert_eq!(first.status, 200, "{}", first.body);
    assert_eq!(
        first.body["summary"]["rejected"], 0,
        "{}",
        first.body["summary"]
    );
    let missing = first.body["summary"]["not_processed"].as_i64().unwrap();
    assert!(missing > 0, "{}", first.body["summary"]);
    let made = first.body["summary"]["created"].as_i64().unwrap();
    // Whole chunks landed, then every item is to be resent.
    let statuses: Vec<&str> = first.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["status"].as_str().unwrap())
        .collect();
    let cut_at = statuses.iter().position(|s| *s == "not_processed").unwrap();
    assert_eq!(cut_at as i64, made);
    assert_eq!(cut_at % CHUNK, 0, "{}", first.body["summary"]);
    assert!(statuses[cut_at..].iter().all(|s| *s == "not_processed"));
    // The chunk being committed at the cut may or may not have been stored.
    let landed = count(&mut watcher, imported);
    assert!(
        landed == made || landed == made + CHUNK as i64,
        "{landed} stored, {made} reported created"
    );

    let second = post(&app, &fin, uri, &import, key).await;
    assert_eq!(second.status, 200, "{}", second.body);
    assert!(!second.replayed);
    assert_eq!(
        second.body["summary"]["created"].as_i64().unwrap(),
        ITEMS - landed,
        "{}",
        second.body["summary"]
    );
    assert_eq!(count(&mut watcher, imported), ITEMS);

    // With the database away before the work starts, nothing is handled: a plain 503.
    proxy.cut().await;
    let gone = post(&app, &fin, uri, &import, Some("import-2021-b")).await;
    assert_unavailable(&gone);
    proxy.restore();
    let back = post(&app, &fin, uri, &import, Some("import-2021-b")).await;
    assert_eq!(back.status, 200, "{}", back.body);
    assert_eq!(
        back.body["summary"]["unchanged"], ITEMS,
        "{}",
        back.body["summary"]
    );
}

#[actix_web::test]
async fn a_connection_that_died_while_idle_fails_once_and_is_replaced() {
    let db = TestDb::new();
    seed(&db);
    let proxy = DbProxy::start(upstream_of(&admin_url())).await;
    let mut config = config_for(&proxy.route(&db.url));
    config.db_pool_size = 1;
    config.db_connect_timeout = Duration::from_secs(1);
    let app = app(AppState::new(config)).await;
    let fin = token(&app, "jn.fin").await;
    let list = || {
        TestRequest::get()
            .uri("/api/v1/projects")
            .insert_header(("authorization", format!("Bearer {fin}")))
            .to_request()
    };
    assert_eq!(call_service(&app, list()).await.status().as_u16(), 200);

    // The pool's only connection dies between requests (a database restart does this to all).
    proxy.cut().await;
    proxy.restore();
    let first = answer(call_service(&app, list()).await).await;
    assert_unavailable(&first);
    // It was dropped on its failure: the next request gets a new connection, not a 500 from
    // sending on the dead one.
    let second = answer(call_service(&app, list()).await).await;
    assert_eq!(second.status, 200, "{}", second.body);
}
