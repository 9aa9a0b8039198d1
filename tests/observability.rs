//! Request ids, metrics and CORS as an operator or a browser frontend sees them.

mod common;

use actix_web::test::{TestRequest, call_service, read_body};
use budget_monitor::AppState;
use budget_monitor::config::CorsOrigins;
use common::{TestDb, app, config_for, expect_problem, state_for};

fn header(res: &actix_web::dev::ServiceResponse, name: &str) -> Option<String> {
    res.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

#[actix_web::test]
async fn a_client_request_id_is_echoed_and_a_missing_one_generated() {
    let db = TestDb::new();
    let app = app(state_for(&db)).await;

    let req = TestRequest::get()
        .uri("/healthz")
        .insert_header(("x-request-id", "city-sync-2021-07-31.0042"))
        .to_request();
    let res = call_service(&app, req).await;
    assert_eq!(
        header(&res, "x-request-id").as_deref(),
        Some("city-sync-2021-07-31.0042")
    );

    let res = call_service(&app, TestRequest::get().uri("/healthz").to_request()).await;
    let generated = header(&res, "x-request-id").expect("generated id");
    assert!(uuid::Uuid::parse_str(&generated).is_ok(), "{generated}");

    // An id that could forge log lines is replaced, not echoed.
    let req = TestRequest::get()
        .uri("/healthz")
        .insert_header(("x-request-id", "abc\" level=error"))
        .to_request();
    let res = call_service(&app, req).await;
    let replaced = header(&res, "x-request-id").unwrap();
    assert!(uuid::Uuid::parse_str(&replaced).is_ok(), "{replaced}");

    // Error answers carry the id too, so a user can quote it to support.
    let res = call_service(&app, TestRequest::get().uri("/nowhere").to_request()).await;
    assert!(header(&res, "x-request-id").is_some());
    expect_problem(res, 404).await;
}

#[actix_web::test]
async fn metrics_count_requests_by_route_and_status_and_show_the_pool() {
    let db = TestDb::new();
    let app = app(state_for(&db)).await;
    for _ in 0..3 {
        call_service(&app, TestRequest::get().uri("/healthz").to_request()).await;
    }
    call_service(&app, TestRequest::get().uri("/readyz").to_request()).await;
    call_service(
        &app,
        TestRequest::get().uri("/no/such/path/123").to_request(),
    )
    .await;

    let res = call_service(&app, TestRequest::get().uri("/metrics").to_request()).await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(
        header(&res, "content-type")
            .unwrap()
            .starts_with("text/plain")
    );
    let text = String::from_utf8(read_body(res).await.to_vec()).unwrap();
    for line in [
        r#"http_requests_total{method="GET",route="/healthz",status="200"} 3"#,
        r#"http_requests_total{method="GET",route="/readyz",status="200"} 1"#,
        r#"http_requests_total{method="GET",route="unmatched",status="404"} 1"#,
        r#"http_request_duration_seconds_count{method="GET",route="/healthz"} 3"#,
        r#"db_pool_connections{state="max"} 4"#,
        r#"db_pool_connections{state="waiting"} 0"#,
    ] {
        assert!(text.contains(line), "missing {line} in:\n{text}");
    }
    assert!(text.contains(r#"db_pool_connections{state="open"} "#));
    assert!(text.contains(r#"db_pool_connections{state="idle"} "#));
    assert!(text.contains("http_request_duration_seconds_bucket{"));
}

#[actix_web::test]
async fn cors_allows_configured_origins_only() {
    let db = TestDb::new();
    let mut config = config_for(&db.url);
    config.cors_allowed_origins = CorsOrigins::List(vec!["https://frontend.example".into()]);
    let app = app(AppState::new(config)).await;

    let preflight = |origin: &str| {
        TestRequest::default()
            .method(actix_web::http::Method::OPTIONS)
            .uri("/readyz")
            .insert_header(("origin", origin))
            .insert_header(("access-control-request-method", "GET"))
            .insert_header(("access-control-request-headers", "authorization"))
            .to_request()
    };
    let res = call_service(&app, preflight("https://frontend.example")).await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(
        header(&res, "access-control-allow-origin").as_deref(),
        Some("https://frontend.example")
    );

    let res = call_service(&app, preflight("https://elsewhere.example")).await;
    assert!(header(&res, "access-control-allow-origin").is_none());
    expect_problem(res, 400).await;

    let req = TestRequest::get()
        .uri("/healthz")
        .insert_header(("origin", "https://frontend.example"))
        .to_request();
    let res = call_service(&app, req).await;
    assert_eq!(
        header(&res, "access-control-allow-origin").as_deref(),
        Some("https://frontend.example")
    );
    let exposed = header(&res, "access-control-expose-headers").unwrap_or_default();
    assert!(
        exposed.contains("x-request-id") && exposed.contains("etag"),
        "{exposed}"
    );
}
