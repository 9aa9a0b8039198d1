//! `/readyz` follows the database, and an exhausted pool answers 503 instead of hanging.

mod common;

use std::time::{Duration, Instant};

use actix_web::test::{TestRequest, call_service};
use budget_monitor::AppState;
use common::proxy::{DbProxy, upstream_of};
use common::{TestDb, admin_url, app, config_for, expect_problem, json_body, state_for};

#[actix_web::test]
async fn ready_when_the_database_answers() {
    let db = TestDb::new();
    let app = app(state_for(&db)).await;
    let res = call_service(&app, TestRequest::get().uri("/readyz").to_request()).await;
    assert_eq!(res.status().as_u16(), 200);
    let body = json_body(res).await;
    assert_eq!(body["status"], "ready");
    assert_eq!(body["database"], "ok");
}

#[actix_web::test]
async fn readiness_follows_the_database_without_a_restart() {
    let db = TestDb::new();
    let proxy = DbProxy::start(upstream_of(&admin_url())).await;
    let mut config = config_for(&proxy.route(&db.url));
    config.db_connect_timeout = Duration::from_secs(1);
    let app = app(AppState::new(config)).await;
    let readyz = || TestRequest::get().uri("/readyz").to_request();

    assert_eq!(call_service(&app, readyz()).await.status().as_u16(), 200);

    proxy.cut().await;
    let res = call_service(&app, readyz()).await;
    assert!(res.headers().contains_key("retry-after"));
    let body = expect_problem(res, 503).await;
    assert!(
        !body.to_string().contains("127.0.0.1"),
        "no connection details: {body}"
    );

    proxy.restore();
    // A connection cut while the database was away is noticed by its failing query and dropped;
    // the next attempt gets a fresh one.
    let mut statuses = Vec::new();
    for _ in 0..3 {
        let status = call_service(&app, readyz()).await.status().as_u16();
        statuses.push(status);
        if status == 200 {
            break;
        }
    }
    assert_eq!(
        statuses.last(),
        Some(&200),
        "statuses after restore: {statuses:?}"
    );
}

#[actix_web::test]
async fn exhausted_pool_answers_503_within_the_timeout() {
    let db = TestDb::new();
    let mut config = config_for(&db.url);
    config.db_pool_size = 1;
    config.db_connect_timeout = Duration::from_secs(1);
    let state = AppState::new(config);
    let app = app(state.clone()).await;

    // Another holder keeps the only connection, as a long request would.
    let held = state.db.get().expect("the one connection");
    let started = Instant::now();
    let res = call_service(&app, TestRequest::get().uri("/readyz").to_request()).await;
    let waited = started.elapsed();
    assert_eq!(
        res.headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok()),
        Some("2")
    );
    expect_problem(res, 503).await;
    // It gave up at the pool timeout (1 s) rather than waiting for the holder.
    assert!(waited >= Duration::from_millis(900), "{waited:?}");
    assert!(waited < Duration::from_secs(10), "{waited:?}");

    drop(held);
    let res = call_service(&app, TestRequest::get().uri("/readyz").to_request()).await;
    assert_eq!(res.status().as_u16(), 200);
}

#[actix_web::test]
async fn one_request_waits_for_the_pool_once_however_many_checkouts_it_makes() {
    use budget_monitor::db::WaitBudget;
    let db = TestDb::new();
    let mut config = config_for(&db.url);
    config.db_pool_size = 1;
    config.db_connect_timeout = Duration::from_secs(1);
    let state = AppState::new(config);
    let held = state.db.get().expect("the one connection");

    // Three checkouts drawing on one request's budget of 1 s, as a caller lookup, a handler and
    // an export's pages do: the first waits the second out, the others answer at once.
    let pool = state.db.clone();
    let (statuses, waited) = actix_web::web::block(move || {
        let budget = WaitBudget::new(Duration::from_secs(1));
        let started = Instant::now();
        let statuses: Vec<u16> = (0..3)
            .map(|_| match pool.with_conn(Some(&budget), |_| Ok(())) {
                Ok(()) => 200,
                Err(err) => actix_web::ResponseError::status_code(&err).as_u16(),
            })
            .collect();
        (statuses, started.elapsed())
    })
    .await
    .unwrap();
    assert_eq!(statuses, [503, 503, 503]);
    assert!(waited >= Duration::from_millis(900), "{waited:?}");
    assert!(waited < Duration::from_millis(1500), "{waited:?}");
    drop(held);
}
