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

fn committed() -> serde_json::Value {
    serde_json::from_str(COMMITTED).unwrap()
}

/// The schema a `$ref` names, or the schema itself.
fn resolve<'a>(doc: &'a serde_json::Value, schema: &'a serde_json::Value) -> &'a serde_json::Value {
    match schema["$ref"].as_str() {
        Some(r) => &doc["components"]["schemas"][r.rsplit('/').next().unwrap()],
        None => schema,
    }
}

/// Whether a body schema shows an example: on itself, on the schema it refers to, on a list's or
/// page's items, or on every non-null branch of a `oneOf`.
fn has_example(doc: &serde_json::Value, schema: &serde_json::Value) -> bool {
    let schema = resolve(doc, schema);
    if schema.get("example").is_some() || schema.get("examples").is_some() {
        return true;
    }
    if schema["type"] == "array" {
        return has_example(doc, &schema["items"]);
    }
    if let Some(branches) = schema["oneOf"].as_array() {
        let real: Vec<_> = branches.iter().filter(|b| b["type"] != "null").collect();
        return !real.is_empty() && real.iter().all(|b| has_example(doc, b));
    }
    false
}

#[test]
fn every_request_body_and_json_success_body_has_an_example() {
    let doc = committed();
    let mut missing = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let id = op["operationId"].as_str().unwrap_or(path);
            let body = op["requestBody"]["content"]
                .as_object()
                .into_iter()
                .flatten();
            for (media_type, media) in body {
                if media.get("example").is_none() && !has_example(&doc, &media["schema"]) {
                    missing.push(format!("{method} {id} request {media_type}"));
                }
            }
            for (status, response) in op["responses"].as_object().unwrap() {
                let schema = &response["content"]["application/json"]["schema"];
                if status.starts_with('2') && !schema.is_null() && !has_example(&doc, schema) {
                    missing.push(format!("{method} {id} {status}"));
                }
            }
        }
    }
    assert!(missing.is_empty(), "no example: {missing:#?}");
}

/// The example of a request body's schema, as the document shows it.
fn example_of(doc: &serde_json::Value, schema: &str) -> serde_json::Value {
    let example = doc["components"]["schemas"][schema]["example"].clone();
    assert!(!example.is_null(), "{schema} has no example");
    example
}

fn accepts<T: serde::de::DeserializeOwned>(doc: &serde_json::Value, schema: &str) -> T {
    serde_json::from_value(example_of(doc, schema))
        .unwrap_or_else(|e| panic!("the example of {schema} is refused: {e}"))
}

/// Also passes the type's `validator` checks, as the handler runs them.
fn valid<T: serde::de::DeserializeOwned + validator::Validate>(
    doc: &serde_json::Value,
    schema: &str,
) {
    accepts::<T>(doc, schema)
        .validate()
        .unwrap_or_else(|e| panic!("the example of {schema} is invalid: {e}"));
}

#[test]
fn request_examples_are_accepted_by_the_types_that_read_them() {
    use budget_monitor::*;
    let doc = committed();
    accepts::<auth::dto::LoginRequest>(&doc, "LoginRequest");
    accepts::<auth::dto::RefreshRequest>(&doc, "RefreshRequest");
    accepts::<auth::dto::PasswordChange>(&doc, "PasswordChange");
    valid::<users::dto::NewUser>(&doc, "NewUser");
    valid::<users::dto::UserChanges>(&doc, "UserChanges");
    accepts::<users::dto::PasswordReset>(&doc, "PasswordReset");
    valid::<regions::dto::NewRegion>(&doc, "NewRegion");
    valid::<regions::dto::RegionChanges>(&doc, "RegionChanges");
    valid::<departments::dto::NewDepartment>(&doc, "NewDepartment");
    valid::<departments::dto::DepartmentChanges>(&doc, "DepartmentChanges");
    accepts::<projects::dto::NewProject>(&doc, "NewProject");
    accepts::<projects::dto::ProjectChanges>(&doc, "ProjectChanges");
    let indicator = accepts::<indicators::dto::NewIndicator>(&doc, "NewIndicator");
    indicator.fields("").unwrap();
    accepts::<indicators::dto::IndicatorChanges>(&doc, "IndicatorChanges");
    accepts::<projects::import::ImportRequest>(&doc, "ImportRequest");
    accepts::<projects::import::ImportProject>(&doc, "ImportProject");
    accepts::<execution::routes::ExecutionBatch>(&doc, "ExecutionBatch");
    accepts::<execution::routes::NewExecutionRecord>(&doc, "NewExecutionRecord");
    accepts::<rounds::dto::NewRound>(&doc, "NewRound");
    accepts::<reports::dto::ReportInput>(&doc, "ReportInput");
    accepts::<reports::dto::WorkflowComment>(&doc, "WorkflowComment");
    accepts::<reports::dto::DepartmentReportInput>(&doc, "DepartmentReportInput");
    accepts::<keymon::dto::NewInspection>(&doc, "NewInspection");
    accepts::<keymon::dto::InspectionChanges>(&doc, "InspectionChanges");
    accepts::<keymon::dto::NewFinding>(&doc, "NewFinding");
    accepts::<keymon::dto::NewOpinion>(&doc, "NewOpinion");
    accepts::<keymon::dto::NewRectification>(&doc, "NewRectification");
    accepts::<keymon::dto::RectificationAnswer>(&doc, "RectificationAnswer");
    accepts::<keymon::dto::RectificationVerdict>(&doc, "RectificationVerdict");
    accepts::<keymon::adjustments::NewAdjustment>(&doc, "NewAdjustment");
    let overrides = accepts::<lights::service::Overrides>(&doc, "Overrides");
    for (key, rule) in &overrides.rules {
        domain::lights::check_rule(key, rule).unwrap();
    }

    // The CSV import example has the template's header and a value for every column.
    let csv = doc["paths"]["/api/v1/projects/import"]["post"]["requestBody"]["content"]["text/csv"]
        ["example"]
        .as_str()
        .expect("a CSV example")
        .to_owned();
    let mut lines = csv.lines();
    let header = lines.next().unwrap();
    assert_eq!(header, projects::import::CSV_COLUMNS.join(","));
    for line in lines {
        assert_eq!(
            line.split(',').count(),
            projects::import::CSV_COLUMNS.len(),
            "{line}"
        );
    }
}

/// Words in a property name that make it money, a rate, a score or another decimal string.
const DECIMAL_WORDS: &[&str] = &[
    "amount",
    "budget",
    "funds",
    "money",
    "rate",
    "score",
    "share",
    "progress",
    "quality",
    "recovered",
    "weight",
    "value",
    "below",
    "at_most",
    "edges",
];
/// String properties with such a word that are not decimals.
const NOT_DECIMALS: &[&str] = &["Narrative.goal_progress", "ReportInput.goal_progress"];

/// The patterns `src/domain/money.rs` defines for decimal strings.
const PATTERNS: &[&str] = {
    use budget_monitor::domain::money::*;
    &[
        MONEY_PATTERN,
        AMOUNT_PATTERN,
        DECIMAL_PATTERN,
        WEIGHT_PATTERN,
        POINTS_PATTERN,
        WRITTEN_MONEY_PATTERN,
        WRITTEN_PERCENT_PATTERN,
    ]
};

#[test]
fn every_decimal_string_has_one_of_the_money_patterns() {
    fn walk(at: &str, schema: &serde_json::Value, missing: &mut Vec<String>) {
        for (name, property) in schema["properties"].as_object().into_iter().flatten() {
            let here = format!("{at}.{name}");
            let value = if property["items"].is_object() {
                &property["items"]
            } else {
                property
            };
            let is_string = value["type"] == "string"
                || value["type"]
                    .as_array()
                    .is_some_and(|t| t.contains(&"string".into()));
            let decimal_name = DECIMAL_WORDS.iter().any(|w| name.contains(w));
            let exempt = NOT_DECIMALS.contains(&here.as_str());
            if is_string && decimal_name && !exempt {
                let pattern = value["pattern"].as_str().unwrap_or_default();
                if !PATTERNS.contains(&pattern) {
                    missing.push(format!("{here}: {pattern:?}"));
                }
            }
            walk(&here, property, missing);
        }
    }
    let doc = committed();
    let mut missing = Vec::new();
    for (name, schema) in doc["components"]["schemas"].as_object().unwrap() {
        walk(name, schema, &mut missing);
    }
    assert!(
        missing.is_empty(),
        "decimal strings without one of the patterns of domain::money: {missing:#?}"
    );
}

/// Each value the document lists reads into the Rust enum, whose `as_str` gives it back (the code
/// passes `as_str` on to the store and into cursors).
fn round_trips<T: serde::de::DeserializeOwned>(schema: &str, as_str: fn(T) -> &'static str) {
    let doc = committed();
    let values = doc["components"]["schemas"][schema]["enum"]
        .as_array()
        .unwrap_or_else(|| panic!("{schema} is not an enum"));
    for value in values {
        let parsed: T = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(as_str(parsed), value, "{schema}");
    }
}

#[test]
fn closed_sets_are_named_enums_read_as_they_are_written() {
    use budget_monitor::*;
    round_trips("ProjectOrder", projects::dto::ProjectOrder::as_str);
    round_trips("DepartmentOrder", departments::dto::DepartmentOrder::as_str);
    round_trips("RegionOrder", regions::dto::RegionOrder::as_str);
    round_trips("UserOrder", users::dto::UserOrder::as_str);
    round_trips(
        "RectificationStatus",
        keymon::dto::RectificationStatus::as_str,
    );
    round_trips("BudgetRule", domain::lights::BudgetRule::as_str);
    round_trips(
        "TimeProgressBasis",
        domain::lights::TimeProgressBasis::as_str,
    );

    let doc = committed();
    let schema_of = |path: &str, name: &str| {
        let params = doc["paths"][path]["get"]["parameters"].as_array().unwrap();
        let param = params.iter().find(|p| p["name"] == name).unwrap();
        param["schema"]["$ref"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    for (path, order) in [
        ("/api/v1/projects", "ProjectOrder"),
        ("/api/v1/departments", "DepartmentOrder"),
        ("/api/v1/regions", "RegionOrder"),
        ("/api/v1/users", "UserOrder"),
    ] {
        assert_eq!(
            schema_of(path, "sort"),
            format!("#/components/schemas/{order}")
        );
    }
    assert_eq!(
        schema_of("/api/v1/rectifications", "status"),
        "#/components/schemas/RectificationStatus"
    );
}

/// The statuses the handlers answer for state and versions are in the document, so generated
/// clients can read them (schemathesis' "undocumented status" check found them missing once).
#[test]
fn state_and_version_answers_are_documented() {
    let doc = committed();
    let mut conditional = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let statuses = op["responses"].as_object().unwrap();
            let id = op["operationId"].as_str().unwrap();
            let takes_if_match = op["parameters"]
                .as_array()
                .is_some_and(|ps| ps.iter().any(|p| p["name"] == "If-Match"));
            if takes_if_match {
                conditional += 1;
                for status in ["409", "412", "428"] {
                    assert!(statuses.contains_key(status), "{id}: {status}");
                }
            }
            if method == "post" && path.starts_with("/api/") && path.contains('{') {
                assert!(statuses.contains_key("409"), "{id}: 409");
            }
            if path.ends_with("/submit") {
                assert!(statuses.contains_key("422"), "{id}: 422");
            }
            for param in op["parameters"].as_array().into_iter().flatten() {
                if param["in"] == "header" {
                    assert!(
                        param["schema"]["type"].is_string(),
                        "{id}: a nullable header"
                    );
                }
            }
        }
    }
    assert_eq!(conditional, 12);
    let approve = &doc["paths"]["/api/v1/reports/{id}/approve"]["post"]["requestBody"];
    assert_ne!(
        approve["required"], true,
        "the approval comment is optional"
    );
    assert_eq!(
        approve["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/WorkflowComment"
    );
}
