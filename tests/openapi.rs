//! The committed OpenAPI document matches the code, and the docs UI works offline.

mod common;

use actix_web::test::{TestRequest, call_service, read_body};
use common::{TestDb, app, json_body, state_for};

const COMMITTED: &str = include_str!("../openapi/openapi.json");

#[test]
fn committed_document_matches_the_code() {
    let generated = budget_monitor::openapi::document_json();
    assert!(
        generated == COMMITTED,
        "openapi/openapi.json is out of date; regenerate it with \
         `cargo run --quiet -- openapi > openapi/openapi.json` and commit it"
    );
}

#[test]
fn every_operation_is_documented_for_generated_clients() {
    let doc: serde_json::Value = serde_json::from_str(COMMITTED).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer_jwt"]["scheme"],
        "bearer"
    );
    assert!(doc["components"]["schemas"]["Problem"].is_object());
    let mut seen = std::collections::HashSet::new();
    let mut count = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            count += 1;
            let id = op["operationId"].as_str().unwrap_or_default();
            assert!(!id.is_empty(), "{method} {path} has no operationId");
            assert!(seen.insert(id.to_owned()), "duplicate operationId {id}");
            assert!(op["summary"].is_string(), "{method} {path} has no summary");
            assert!(op["tags"].is_array(), "{method} {path} has no tag");
            assert!(op["x-roles"].is_array(), "{method} {path} states no roles");
        }
    }
    assert!(count >= 3);
}

#[actix_web::test]
async fn served_document_and_docs_ui_need_no_network() {
    let db = TestDb::new();
    let app = app(state_for(&db)).await;

    let res = call_service(&app, TestRequest::get().uri("/openapi.json").to_request()).await;
    assert_eq!(res.status().as_u16(), 200);
    let served = json_body(res).await;
    let committed: serde_json::Value = serde_json::from_str(COMMITTED).unwrap();
    assert_eq!(served, committed);

    let res = call_service(&app, TestRequest::get().uri("/docs/").to_request()).await;
    assert_eq!(res.status().as_u16(), 200);
    let page = String::from_utf8(read_body(res).await.to_vec()).unwrap();
    assert!(page.contains("swagger-ui-bundle.js"), "{page}");
    // Every script the page loads is served by the binary itself.
    for asset in [
        "swagger-ui-bundle.js",
        "swagger-ui-standalone-preset.js",
        "swagger-initializer.js",
    ] {
        let res = call_service(
            &app,
            TestRequest::get()
                .uri(&format!("/docs/{asset}"))
                .to_request(),
        )
        .await;
        assert_eq!(res.status().as_u16(), 200, "{asset}");
        let body = read_body(res).await;
        assert!(body.len() > 100, "{asset} is {} bytes", body.len());
    }
    let res = call_service(
        &app,
        TestRequest::get()
            .uri("/docs/swagger-initializer.js")
            .to_request(),
    )
    .await;
    let init = String::from_utf8(read_body(res).await.to_vec()).unwrap();
    assert!(init.contains("/openapi.json"), "{init}");
}
