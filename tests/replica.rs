//! Reads from a real streaming replica (`TEST_READ_REPLICA_PORT`, which `scripts/test.sh` sets
//! for its replica pass): the standby serves reads; with its replay paused, the instance that
//! wrote still reads its writes at once (from the primary, because the standby has not replayed
//! them), another instance reads the standby's older state unless it sends
//! `Read-Consistency: strong`, and only until the staleness bound (`DATABASE_READ_MAX_LAG`)
//! sends it to the primary too. Without the variable the tests say so and pass.

mod common;

use std::time::{Duration, Instant};

use actix_web::dev::{Service, ServiceResponse};
use actix_web::test::{TestRequest, call_service, read_body};
use budget_monitor::AppState;
use common::api::Api;
use common::world::{seed, token};
use common::{
    TestDb, admin_url, app, config_for, json_body, replica_port, replica_url_for, state_for,
    wait_for_replica,
};
use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::sql_types::{BigInt, Text};
use diesel::{Connection, QueryableByName, RunQueryDsl};
use serde_json::{Value, json};

fn no_replica(test: &str) -> bool {
    if replica_port().is_some() {
        return false;
    }
    eprintln!("{test}: skipped, TEST_READ_REPLICA_PORT is not set (scripts/test.sh sets it)");
    true
}

/// Replay paused on the standby until dropped (also when the test fails).
struct Paused(PgConnection);

impl Paused {
    fn now() -> Paused {
        let url = replica_url_for(&admin_url()).unwrap();
        let mut conn = PgConnection::establish(&url).expect("the replica");
        conn.batch_execute("SELECT pg_wal_replay_pause()")
            .expect("pause replay (superuser)");
        Paused(conn)
    }
}

impl Drop for Paused {
    fn drop(&mut self) {
        let _ = self.0.batch_execute("SELECT pg_wal_replay_resume()");
    }
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Whether the standby has the project, read there directly.
fn on_standby(db: &TestDb, project: &str) -> bool {
    let url = replica_url_for(&db.url).unwrap();
    let mut conn = PgConnection::establish(&url).expect("the test database on the replica");
    diesel::sql_query("SELECT count(*) AS n FROM projects WHERE id = $1::uuid")
        .bind::<Text, _>(project)
        .get_result::<Count>(&mut conn)
        .unwrap()
        .n
        == 1
}

async fn get<S>(app: &S, token: &str, uri: &str, strong: bool) -> (u16, Value)
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    let mut req = TestRequest::get()
        .uri(uri)
        .insert_header(("authorization", format!("Bearer {token}")));
    if strong {
        req = req.insert_header(("read-consistency", "strong"));
    }
    let res = call_service(app, req.to_request()).await;
    let status = res.status().as_u16();
    let body = read_body(res).await;
    (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
}

fn project(code: &str, department: uuid::Uuid) -> Value {
    json!({"code": code, "name": format!("Replica {code}"), "department_id": department,
           "fiscal_year": 2021, "function_class": "20601",
           "fund_sources": {"municipal": "1000000.00"}, "initial_budget": "1000000.00"})
}

#[actix_web::test]
async fn the_standby_serves_reads_and_each_instance_reads_its_own_writes_at_once() {
    if no_replica("the_standby_serves_reads") {
        return;
    }
    let db = TestDb::new();
    let world = seed(&db);
    let state = state_for(&db);
    assert!(state.config.database_read_url.is_some());
    let writer = app(state.clone()).await;
    let api = Api::new(&writer, &["admin", "jn.fin", "jn.kj"]).await;

    let res = call_service(&writer, TestRequest::get().uri("/readyz").to_request()).await;
    let ready = json_body(res).await;
    assert_eq!(ready["read_replica"]["status"], "ok", "{ready}");
    assert_eq!(ready["read_replica"]["standby"], true, "{ready}");

    // With the standby caught up, reads come from it.
    wait_for_replica();
    let before = state.db.read_counts().unwrap();
    api.expect("jn.kj", "GET", "/api/v1/projects", None, 200)
        .await;
    let after = state.db.read_counts().unwrap();
    assert!(after.replica > before.replica, "{before:?} → {after:?}");

    // Another instance on the same databases, with a short staleness bound; it has read once
    // (so it knows where the primary was) and writes nothing from here on.
    let mut config = config_for(&db.url);
    config.database_read_max_lag = Duration::from_secs(5);
    let other_state = AppState::new(config);
    let other = app(other_state.clone()).await;
    let other_token = token(&other, "jn.fin").await;
    assert_eq!(
        get(&other, &other_token, "/api/v1/projects", false).await.0,
        200
    );

    // The standby stops replaying; a new project is on the primary only.
    wait_for_replica();
    let paused = Paused::now();
    let paused_at = Instant::now();
    let id = api
        .created(
            "jn.fin",
            "/api/v1/projects",
            project("RP-1", world.dept("jn_kj")),
        )
        .await;
    assert!(!on_standby(&db, &id), "replay is paused");
    let uri = format!("/api/v1/projects/{id}");

    // The other instance did not write it: it reads the standby, which does not have it yet,
    // unless it asks for a strong read.
    let before = other_state.db.read_counts().unwrap();
    let (status, _) = get(&other, &other_token, &uri, false).await;
    assert_eq!(status, 404, "read from the paused standby");
    assert!(other_state.db.read_counts().unwrap().replica > before.replica);
    let (status, body) = get(&other, &other_token, &uri, true).await;
    assert_eq!(status, 200, "{body}");

    // The instance that wrote sees it at once, for every caller, in lists and statistics too:
    // from the primary, since the standby has not replayed the write.
    let before = state.db.read_counts().unwrap();
    api.expect("jn.fin", "GET", &uri, None, 200).await;
    api.expect("jn.kj", "GET", &uri, None, 200).await;
    let listed = api
        .expect("jn.kj", "GET", "/api/v1/projects?limit=500", None, 200)
        .await;
    assert!(listed.to_string().contains(&id), "{listed}");
    let overview = "/api/v1/stats/overview?region=370100&year=2021";
    let (status, fresh) = get(&writer, &api.tokens["jn.fin"], overview, false).await;
    assert_eq!(status, 200, "{fresh}");
    let (_, strong) = get(&writer, &api.tokens["jn.fin"], overview, true).await;
    assert_eq!(fresh["figures"], strong["figures"], "the primary's figures");
    let after = state.db.read_counts().unwrap();
    assert_eq!(after.replica, before.replica, "{before:?} → {after:?}");
    assert!(after.primary_behind > before.primary_behind);

    // Once the standby is more than the bound (5 s) behind what the other instance saw on the
    // primary, it reads from the primary too, though replay is still paused.
    let deadline = paused_at + Duration::from_secs(15);
    loop {
        let (status, _) = get(&other, &other_token, &uri, false).await;
        if status == 200 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the bound never sent the read to the primary"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        paused_at.elapsed() >= Duration::from_secs(3),
        "before the bound: {:?}",
        paused_at.elapsed()
    );
    assert!(!on_standby(&db, &id), "replay is still paused");

    // Replay resumes: the standby catches up and serves the read again.
    drop(paused);
    wait_for_replica();
    let before = state.db.read_counts().unwrap();
    api.expect("jn.kj", "GET", &uri, None, 200).await;
    let after = state.db.read_counts().unwrap();
    assert!(after.replica > before.replica, "{before:?} → {after:?}");
}
