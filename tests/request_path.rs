//! What one request costs the database and what it may rely on: one pooled connection however
//! many runs it makes, and a caller whose user row changed is refused on its very next request,
//! reads, writes and answers made without the database alike.

mod common;

use budget_monitor::db::Db;
use budget_monitor::schema::projects;
use common::world::{World, seed, send, token};
use common::{TestDb, app, state_for};
use diesel::prelude::*;
use serde_json::{Value, json};

fn project(code: &str, department: uuid::Uuid) -> Value {
    json!({
        "code": code, "name": "Rural drinking water safety", "department_id": department,
        "fiscal_year": 2021, "function_class": "21301", "category": "special",
        "start_date": "2021-01-01", "end_date": "2021-12-31",
        "annual_goal": "Safe drinking water for 120 villages",
        "fund_sources": {"provincial": "3000000.00"},
        "initial_budget": "3000000.00"
    })
}

/// Checkouts of both pools so far (reads may go to the read replica in the replica pass).
fn checkouts(db: &Db) -> u64 {
    db.stats().checkouts + db.read_stats().map_or(0, |s| s.checkouts)
}

fn version_of(db: &TestDb, id: &str) -> i32 {
    projects::table
        .filter(projects::id.eq(id.parse::<uuid::Uuid>().unwrap()))
        .select(projects::version)
        .first(&mut db.connect())
        .unwrap()
}

async fn deactivate<S>(app: &S, admin: &str, world: &World, user: &str)
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let uri = format!("/api/v1/users/{}", world.user(user));
    let (status, body) = send(app, admin, "GET", &uri, None, None).await;
    assert_eq!(status, 200, "{body}");
    let tag = format!("\"{}\"", body["version"]);
    let (status, body) = send(
        app,
        admin,
        "PATCH",
        &uri,
        Some(json!({"active": false})),
        Some(&tag),
    )
    .await;
    assert_eq!(status, 200, "{body}");
}

#[actix_web::test]
async fn a_request_takes_one_pooled_connection_however_many_runs_it_makes() {
    let db = TestDb::new();
    let world = seed(&db);
    let state = state_for(&db);
    let pools = state.db.clone();
    let app = app(state).await;
    let fin = token(&app, "jn.fin").await;
    let (status, created) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/projects",
        Some(project("JN-W-001", world.dept("jn_kj"))),
        None,
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_str().unwrap().to_owned();

    // The first request of a user on this instance reads its row in a run of its own before
    // the handler's run; both use the same connection.
    let other = token(&app, "jn.aud").await;
    let before = checkouts(&pools);
    let (status, _) = send(
        &app,
        &other,
        "GET",
        &format!("/api/v1/projects/{id}"),
        None,
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(checkouts(&pools) - before, 1, "first request of a caller");

    for (method, uri, body) in [
        ("GET", format!("/api/v1/projects/{id}"), None),
        (
            "GET",
            "/api/v1/projects?fiscal_year=2021&limit=10".to_owned(),
            None,
        ),
        ("GET", format!("/api/v1/projects/{id}/budget-history"), None),
        (
            "PATCH",
            format!("/api/v1/projects/{id}"),
            Some(json!({"name": "Rural drinking water safety, phase 2"})),
        ),
    ] {
        let tag = format!("\"{}\"", version_of(&db, &id));
        let before = checkouts(&pools);
        let (status, answer) = send(&app, &fin, method, &uri, body, Some(&tag)).await;
        assert_eq!(status, 200, "{method} {uri}: {answer}");
        assert_eq!(checkouts(&pools) - before, 1, "{method} {uri}");
    }
}

#[actix_web::test]
async fn a_known_caller_deactivated_since_is_refused_on_reads_writes_and_early_answers() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let admin = token(&app, "admin").await;
    let fin = token(&app, "jn.fin").await;
    let auditor = token(&app, "jn.aud").await;
    let (status, created) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/projects",
        Some(project("JN-W-002", world.dept("jn_kj"))),
        None,
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_str().unwrap().to_owned();
    let uri = format!("/api/v1/projects/{id}");
    // Both callers are known to the instance now; the auditor is refused creating projects by
    // role, before the handler touches the database.
    assert_eq!(send(&app, &auditor, "GET", &uri, None, None).await.0, 200);
    let (status, _) = send(
        &app,
        &auditor,
        "POST",
        "/api/v1/projects",
        Some(project("JN-W-003", world.dept("jn_kj"))),
        None,
    )
    .await;
    assert_eq!(status, 403);

    deactivate(&app, &admin, &world, "jn.fin").await;
    deactivate(&app, &admin, &world, "jn.aud").await;

    let version = version_of(&db, &id);
    let tag = format!("\"{version}\"");
    let (status, body) = send(
        &app,
        &fin,
        "PATCH",
        &uri,
        Some(json!({"name": "Renamed by a deactivated user"})),
        Some(&tag),
    )
    .await;
    assert_eq!(status, 401, "{body}");
    assert_eq!(version_of(&db, &id), version, "the write changed nothing");
    assert_eq!(send(&app, &fin, "GET", &uri, None, None).await.0, 401);
    // An answer the handler gave without the database is replaced too: 401, not 403.
    let (status, body) = send(
        &app,
        &auditor,
        "POST",
        "/api/v1/projects",
        Some(project("JN-W-004", world.dept("jn_kj"))),
        None,
    )
    .await;
    assert_eq!(status, 401, "{body}");
    assert_eq!(body["status"], 401);
    // Someone whose row did not change is not affected.
    assert_eq!(send(&app, &admin, "GET", &uri, None, None).await.0, 200);
}
