//! Every kind of bad request answers RFC 9457 problem+json with the right status.

mod common;

use actix_web::test::{TestRequest, call_service};
use actix_web::{HttpResponse, web};
use budget_monitor::error::AppError;
use budget_monitor::schema::idempotency_keys;
use common::{TestDb, app_with, expect_problem, state_for};
use diesel::RunQueryDsl;
use serde::Deserialize;
use uuid::Uuid;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct ProbeBody {
    name: String,
    count: u32,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct ProbeQuery {
    limit: u32,
}

async fn probe(
    _id: web::Path<Uuid>,
    _query: web::Query<ProbeQuery>,
    _body: web::Json<ProbeBody>,
) -> HttpResponse {
    HttpResponse::NoContent().finish()
}

/// Inserts the same idempotency key each time: the second call violates the primary key.
async fn insert_twice(
    state: web::Data<budget_monitor::AppState>,
) -> Result<HttpResponse, AppError> {
    state
        .db
        .run(|conn| {
            diesel::insert_into(idempotency_keys::table)
                .values((
                    idempotency_keys::principal.eq("tester"),
                    idempotency_keys::key.eq("k1"),
                    idempotency_keys::method.eq("POST"),
                    idempotency_keys::path.eq("/x"),
                    idempotency_keys::request_hash.eq("h"),
                ))
                .execute(conn)?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::Created().finish())
}

async fn broken_query(
    state: web::Data<budget_monitor::AppState>,
) -> Result<HttpResponse, AppError> {
    state
        .db
        .run(|conn| {
            diesel::sql_query("SELECT secret_column FROM no_such_table").execute(conn)?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::Ok().finish())
}

use diesel::ExpressionMethods;

fn probes(cfg: &mut web::ServiceConfig) {
    cfg.route("/probe/{id}", web::post().to(probe))
        .route("/probe-unique", web::post().to(insert_twice))
        .route("/probe-broken", web::get().to(broken_query));
}

const ID: &str = "0193a0c4-7f43-7000-8000-000000000001";

#[actix_web::test]
async fn unknown_route_is_404() {
    let db = TestDb::new();
    let app = app_with(state_for(&db), probes).await;
    let res = call_service(
        &app,
        TestRequest::get().uri("/api/v1/nothing-here").to_request(),
    )
    .await;
    let body = expect_problem(res, 404).await;
    assert_eq!(body["type"], "/problems/not-found");
}

#[actix_web::test]
async fn wrong_method_on_an_existing_path_is_405() {
    let db = TestDb::new();
    let app = app_with(state_for(&db), probes).await;
    let res = call_service(&app, TestRequest::delete().uri("/healthz").to_request()).await;
    assert_eq!(res.headers().get("allow").unwrap(), "GET");
    expect_problem(res, 405).await;
    let res = call_service(
        &app,
        TestRequest::put()
            .uri("/api/v1/projects/0193a0c4-7f43-7000-8000-0000000000e1")
            .to_request(),
    )
    .await;
    assert_eq!(res.headers().get("allow").unwrap(), "DELETE, GET, PATCH");
    expect_problem(res, 405).await;
    let res = call_service(
        &app,
        TestRequest::get().uri(&format!("/probe/{ID}")).to_request(),
    )
    .await;
    expect_problem(res, 405).await;
}

#[actix_web::test]
async fn malformed_json_is_400() {
    let db = TestDb::new();
    let app = app_with(state_for(&db), probes).await;
    let req = TestRequest::post()
        .uri(&format!("/probe/{ID}?limit=5"))
        .insert_header(("content-type", "application/json"))
        .set_payload(r#"{"name": "x", "count": "#)
        .to_request();
    let body = expect_problem(call_service(&app, req).await, 400).await;
    assert!(
        body["detail"].as_str().unwrap().contains("not valid JSON"),
        "{body}"
    );
}

#[actix_web::test]
async fn wrong_content_type_is_415() {
    let db = TestDb::new();
    let app = app_with(state_for(&db), probes).await;
    let req = TestRequest::post()
        .uri(&format!("/probe/{ID}?limit=5"))
        .insert_header(("content-type", "text/plain"))
        .set_payload(r#"{"name": "x", "count": 1}"#)
        .to_request();
    expect_problem(call_service(&app, req).await, 415).await;
}

#[actix_web::test]
async fn oversized_body_is_413() {
    let db = TestDb::new();
    let mut state = state_for(&db);
    let mut config = (*state.config).clone();
    config.max_body_bytes = 2048;
    state.config = std::sync::Arc::new(config);
    let app = app_with(state, probes).await;
    let big = format!(r#"{{"name": "{}", "count": 1}}"#, "x".repeat(4096));
    let req = TestRequest::post()
        .uri(&format!("/probe/{ID}?limit=5"))
        .insert_header(("content-type", "application/json"))
        .set_payload(big)
        .to_request();
    let body = expect_problem(call_service(&app, req).await, 413).await;
    assert!(body["detail"].as_str().unwrap().contains("2048"), "{body}");
}

#[actix_web::test]
async fn wrong_shape_is_422_naming_the_field() {
    let db = TestDb::new();
    let app = app_with(state_for(&db), probes).await;
    let cases = [
        (r#"{"name": "x", "count": 1, "role": "admin"}"#, "role"),
        (r#"{"count": 1}"#, "name"),
        (r#"{"name": "x", "count": "many"}"#, "body"),
    ];
    for (payload, field) in cases {
        let req = TestRequest::post()
            .uri(&format!("/probe/{ID}?limit=5"))
            .insert_header(("content-type", "application/json"))
            .set_payload(payload)
            .to_request();
        let body = expect_problem(call_service(&app, req).await, 422).await;
        assert!(body["errors"][field].is_array(), "{payload}: {body}");
    }
}

#[actix_web::test]
async fn well_formed_request_passes_the_extractors() {
    let db = TestDb::new();
    let app = app_with(state_for(&db), probes).await;
    let req = TestRequest::post()
        .uri(&format!("/probe/{ID}?limit=5"))
        .insert_header(("content-type", "application/json"))
        .set_payload(r#"{"name": "x", "count": 1}"#)
        .to_request();
    assert_eq!(call_service(&app, req).await.status().as_u16(), 204);
}

#[actix_web::test]
async fn bad_query_and_path_parameters_are_400() {
    let db = TestDb::new();
    let app = app_with(state_for(&db), probes).await;
    for uri in [
        format!("/probe/{ID}?limit=lots"),
        format!("/probe/{ID}"),
        "/probe/not-a-uuid?limit=5".to_owned(),
    ] {
        let req = TestRequest::post()
            .uri(&uri)
            .insert_header(("content-type", "application/json"))
            .set_payload(r#"{"name": "x", "count": 1}"#)
            .to_request();
        let body = expect_problem(call_service(&app, req).await, 400).await;
        assert!(
            body["detail"].as_str().unwrap().starts_with("Invalid"),
            "{uri}: {body}"
        );
    }
}

#[actix_web::test]
async fn unique_violation_is_409_and_the_first_write_stays() {
    let db = TestDb::new();
    let app = app_with(state_for(&db), probes).await;
    let first = call_service(&app, TestRequest::post().uri("/probe-unique").to_request()).await;
    assert_eq!(first.status().as_u16(), 201);
    let res = call_service(&app, TestRequest::post().uri("/probe-unique").to_request()).await;
    let body = expect_problem(res, 409).await;
    assert!(
        !body.to_string().contains("idempotency_keys_pkey"),
        "{body}"
    );
    let rows: i64 = idempotency_keys::table
        .count()
        .get_result(&mut db.connect())
        .unwrap();
    assert_eq!(rows, 1);
}

use diesel::QueryDsl;

#[actix_web::test]
async fn database_errors_are_500_without_sql_text() {
    let db = TestDb::new();
    let app = app_with(state_for(&db), probes).await;
    let res = call_service(&app, TestRequest::get().uri("/probe-broken").to_request()).await;
    let body = expect_problem(res, 500).await;
    let text = body.to_string();
    assert!(
        !text.contains("no_such_table") && !text.contains("SELECT"),
        "{text}"
    );
}
