//! Requests at the edges of the OpenAPI document, as generated clients and the contract tests
//! send them: what the schema allows is accepted or refused for a stated rule, what it forbids
//! is refused, and every answer is one the document lists.

mod common;

use actix_web::test::{TestRequest, call_service, read_body};
use common::world::{seed, send, token};
use common::{TestDb, app, state_for};
use diesel::prelude::*;
use serde_json::{Value, json};

fn count(db: &TestDb, table: &str) -> i64 {
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    diesel::sql_query(format!("SELECT count(*) AS n FROM {table}"))
        .get_result::<N>(&mut db.connect())
        .unwrap()
        .n
}

#[actix_web::test]
async fn text_with_a_nul_character_is_400_and_changes_nothing() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let admin = token(&app, "admin").await;
    let before = count(&db, "departments");

    let (status, body) = send(
        &app,
        &admin,
        "POST",
        "/api/v1/departments",
        Some(json!({"code": "NUL-1", "name": "a\u{0}b", "region_code": "370100"})),
        None,
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(
        body["detail"],
        "Text must not contain the character U+0000."
    );
    assert_eq!(count(&db, "departments"), before);

    for uri in [
        "/api/v1/stats/regions?parent=37%00&year=2021",
        "/api/v1/stats/overview?region=37%000000&year=2021",
        "/api/v1/regions/37%000",
    ] {
        let (status, body) = send(&app, &admin, "GET", uri, None, None).await;
        assert_eq!(status, 400, "{uri}: {body}");
    }

    // The same department without the NUL is fine.
    let (status, body) = send(
        &app,
        &admin,
        "POST",
        "/api/v1/departments",
        Some(json!({"code": "NUL-1", "name": "ab", "region_code": "370100"})),
        None,
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let _ = world;
}

#[actix_web::test]
async fn list_parameters_outside_their_documented_bounds_are_400() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    let admin = token(&app, "admin").await;
    for (uri, words) in [
        ("/api/v1/regions?limit=0", "limit must be from 1 to 500"),
        ("/api/v1/regions?limit=501", "limit must be from 1 to 500"),
        (
            "/api/v1/projects?fiscal_year=1999",
            "fiscal_year must be from 2000 to 2100",
        ),
        (
            "/api/v1/rounds?fiscal_year=2101",
            "fiscal_year must be from 2000 to 2100",
        ),
        (
            "/api/v1/rectifications?due_within=-1",
            "due_within must be from 0 to 3650",
        ),
        (
            "/api/v1/rectifications?due_within=9223372036854775807",
            "due_within must be from 0 to 3650",
        ),
    ] {
        let (status, body) = send(&app, &admin, "GET", uri, None, None).await;
        assert_eq!(status, 400, "{uri}: {body}");
        let detail = body["detail"].as_str().unwrap();
        assert!(detail.contains(words), "{uri}: {detail}");
    }
    for uri in [
        "/api/v1/regions?limit=500",
        "/api/v1/projects?fiscal_year=2000",
        "/api/v1/rounds?fiscal_year=2100",
        "/api/v1/rectifications?due_within=0",
        "/api/v1/rectifications?due_within=3650",
    ] {
        let (status, body) = send(&app, &admin, "GET", uri, None, None).await;
        assert_eq!(status, 200, "{uri}: {body}");
    }
}

#[actix_web::test]
async fn a_bad_if_match_is_checked_after_the_body_and_the_role() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    let admin = token(&app, "admin").await;
    let auditor = token(&app, "jn.aud").await;
    let uri = "/api/v1/regions/370100";
    let (_, region) = send(&app, &admin, "GET", uri, None, None).await;

    // A body of the wrong shape is 422 whatever the If-Match.
    let (status, body) = send(
        &app,
        &admin,
        "PATCH",
        uri,
        Some(json!({"name": 1})),
        Some("x"),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    // Someone who may not change the region hears so, not that the tag is wrong.
    let (status, body) = send(
        &app,
        &auditor,
        "PATCH",
        uri,
        Some(json!({"name": "Jinan City"})),
        Some("x"),
    )
    .await;
    assert_eq!(status, 403, "{body}");
    // A well-formed change with a tag that is no version of ours is 412, and nothing changes.
    for tag in ["x", "1", "\"0\"", "*", "W/\"abc\""] {
        let (status, body) = send(
            &app,
            &admin,
            "PATCH",
            uri,
            Some(json!({"name": "Jinan City"})),
            Some(tag),
        )
        .await;
        assert_eq!(status, 412, "{tag}: {body}");
    }
    let (_, after) = send(&app, &admin, "GET", uri, None, None).await;
    assert_eq!(after, region);
    // Without If-Match: 428.
    let (status, _) = send(
        &app,
        &admin,
        "PATCH",
        uri,
        Some(json!({"name": "Jinan City"})),
        None,
    )
    .await;
    assert_eq!(status, 428);
    // The current ETag works.
    let tag = format!("\"{}\"", region["version"]);
    let (status, body) = send(
        &app,
        &admin,
        "PATCH",
        uri,
        Some(json!({"name": "Jinan City"})),
        Some(&tag),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["name"], "Jinan City");
}

#[actix_web::test]
async fn integers_written_with_a_zero_fraction_are_integers() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    let admin = token(&app, "admin").await;
    let round = |year: Value, warning_days: Value| {
        json!({
            "region_code": "370100", "fiscal_year": year, "name": "2022 monitoring",
            "cutoff_date": "2022-07-31", "open_date": "2022-08-01", "due_date": "2022-08-20",
            "warning_days": warning_days
        })
    };
    let (status, body) = send(
        &app,
        &admin,
        "POST",
        "/api/v1/rounds",
        Some(round(json!(2022.0), json!(5.0))),
        None,
    )
    .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["fiscal_year"], 2022);
    assert_eq!(body["warning_days"], 5);

    for (year, days, words) in [
        (json!(2022.5), json!(5), "expected an integer, got 2022.5"),
        (json!("2022"), json!(5), "invalid type: string"),
        (json!(2022), json!(1e300), "expected an integer"),
        (json!(2022), json!(4294967296.0), "out of range"),
    ] {
        let (status, body) = send(
            &app,
            &admin,
            "POST",
            "/api/v1/rounds",
            Some(round(year.clone(), days)),
            None,
        )
        .await;
        assert_eq!(status, 422, "{year}: {body}");
        let text = body["errors"].to_string();
        assert!(text.contains(words), "{year}: {text}");
    }
    let (_, rounds) = send(&app, &admin, "GET", "/api/v1/rounds", None, None).await;
    assert_eq!(rounds["items"].as_array().unwrap().len(), 1);
}

#[actix_web::test]
async fn the_import_path_answers_other_methods_with_405() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    let admin = token(&app, "admin").await;
    for method in ["PATCH", "GET", "DELETE", "PUT"] {
        let req = TestRequest::default()
            .method(actix_web::http::Method::from_bytes(method.as_bytes()).unwrap())
            .uri("/api/v1/projects/import")
            .insert_header(("authorization", format!("Bearer {admin}")))
            .insert_header(("if-match", "\"1\""))
            .set_json(json!({}))
            .to_request();
        let res = call_service(&app, req).await;
        assert_eq!(res.status().as_u16(), 405, "{method}");
        assert_eq!(res.headers().get("allow").unwrap(), "POST", "{method}");
        let body: Value = serde_json::from_slice(&read_body(res).await).unwrap();
        assert_eq!(body["status"], 405);
    }
    // Project ids still route to the project.
    let (status, _) = send(
        &app,
        &admin,
        "GET",
        "/api/v1/projects/0193a0c4-7f43-7000-8000-000000000001",
        None,
        None,
    )
    .await;
    assert_eq!(status, 404);
}

#[actix_web::test]
async fn batch_envelopes_with_extra_properties_are_refused() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    let admin = token(&app, "admin").await;
    for uri in ["/api/v1/projects/import", "/api/v1/execution-records"] {
        let (status, body) = send(
            &app,
            &admin,
            "POST",
            uri,
            Some(json!({"items": [], "x": 1})),
            None,
        )
        .await;
        assert_eq!(status, 422, "{uri}: {body}");
    }
}
