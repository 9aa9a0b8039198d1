//! Every endpoint of the organisation and user API × every role × an object in scope and one
//! out of scope, with the exact status each must answer.
//!
//! Out of scope answers 404 (existence does not leak); a role that may never do an action gets
//! 403; a body naming a region or department outside the caller's scope is a 422 on that field.

mod common;

use common::world::{World, seed, send, token};
use common::{TestDb, app, state_for};
use serde_json::{Value, json};
use uuid::Uuid;

struct Case {
    method: &'static str,
    uri: String,
    body: Option<Value>,
    if_match: bool,
    expect: u16,
}

fn case(method: &'static str, uri: impl Into<String>, expect: u16) -> Case {
    Case {
        method,
        uri: uri.into(),
        body: None,
        if_match: false,
        expect,
    }
}

impl Case {
    fn body(mut self, body: Value) -> Case {
        self.body = Some(body);
        self
    }
    fn if_match(mut self) -> Case {
        self.if_match = true;
        self
    }
}

fn new_region(code: &str, parent: &str) -> Value {
    json!({"code": code, "name": format!("District {code}"), "level": "county", "parent_code": parent})
}

fn new_department(region: &str, code: &str) -> Value {
    json!({"region_code": region, "code": code, "name": format!("Bureau {code}")})
}

fn new_officer(username: &str, department: Uuid) -> Value {
    json!({"username": username, "password": "Officer-2021-pass", "role": "department_officer",
           "department_id": department})
}

/// The cases for one caller, ordered so that deletions come after everything that reads.
fn cases(who: &str, w: &World) -> Vec<Case> {
    let missing = Uuid::now_v7();
    let d = |k: &str| w.dept(k);
    let u = |k: &str| w.user(k);
    let rename = json!({"name": "Renamed"});
    let profile = json!({"display_name": "Renamed"});
    let reset = json!({"new_password": "Reset-2021-password"});
    match who {
        "admin" => vec![
            case("GET", "/api/v1/auth/me", 200),
            case("GET", "/api/v1/regions", 200),
            case("GET", "/api/v1/regions/370200", 200),
            case("GET", "/api/v1/regions/999900", 404),
            case("POST", "/api/v1/regions", 201).body(new_region("370103", "370100")),
            case("POST", "/api/v1/regions", 201).body(new_region("370203", "370200")),
            case("PATCH", "/api/v1/regions/370200", 200).body(rename.clone()).if_match(),
            case("PATCH", "/api/v1/regions/999900", 404).body(rename.clone()).if_match(),
            case("GET", "/api/v1/departments", 200),
            case("GET", format!("/api/v1/departments/{}", d("qd_kj")), 200),
            case("GET", format!("/api/v1/departments/{}", d("jn_secret")), 200),
            case("GET", format!("/api/v1/departments/{missing}"), 404),
            case("POST", "/api/v1/departments", 201).body(new_department("370200", "NEW")),
            case("PATCH", format!("/api/v1/departments/{}", d("qd_kj")), 200).body(rename.clone()).if_match(),
            case("PATCH", format!("/api/v1/departments/{missing}"), 404).body(rename.clone()).if_match(),
            case("GET", "/api/v1/users", 200),
            case("GET", format!("/api/v1/users/{}", u("qd.kj")), 200),
            case("GET", format!("/api/v1/users/{missing}"), 404),
            case("POST", "/api/v1/users", 201).body(new_officer("new.qd", d("qd_kj"))),
            case("PATCH", format!("/api/v1/users/{}", u("qd.kj")), 200).body(profile.clone()).if_match(),
            case("PATCH", format!("/api/v1/users/{missing}"), 404).body(profile.clone()).if_match(),
            case("POST", format!("/api/v1/users/{}/password", u("qd.kj")), 204).body(reset.clone()),
            case("POST", format!("/api/v1/users/{missing}/password"), 404).body(reset.clone()),
            case("DELETE", format!("/api/v1/departments/{}", d("jn_kj")), 409),
            case("DELETE", format!("/api/v1/departments/{missing}"), 404),
            case("DELETE", "/api/v1/regions/370102", 409),
            case("DELETE", "/api/v1/regions/370203", 204),
            case("DELETE", "/api/v1/regions/999900", 404),
        ],
        // A Jinan finance officer: Jinan and Lixia are in scope, Qingdao is not.
        "jn.fin" => vec![
            case("GET", "/api/v1/auth/me", 200),
            case("GET", "/api/v1/regions", 200),
            case("GET", "/api/v1/regions/370102", 200),
            case("GET", "/api/v1/regions/370200", 404),
            case("GET", "/api/v1/regions/370000", 404),
            case("POST", "/api/v1/regions", 403).body(new_region("370103", "370100")),
            case("PATCH", "/api/v1/regions/370100", 403).body(rename.clone()).if_match(),
            case("GET", "/api/v1/departments", 200),
            case("GET", format!("/api/v1/departments/{}", d("jn_jy")), 200),
            case("GET", format!("/api/v1/departments/{}", d("qd_kj")), 404),
            case("GET", format!("/api/v1/departments/{}", d("jn_secret")), 404),
            case("POST", "/api/v1/departments", 201).body(new_department("370102", "NEW")),
            case("POST", "/api/v1/departments", 422).body(new_department("370200", "NEW")),
            case("POST", "/api/v1/departments", 403)
                .body(json!({"region_code": "370100", "code": "SEC", "name": "Secret", "classified": true})),
            case("PATCH", format!("/api/v1/departments/{}", d("jn_jy")), 200).body(rename.clone()).if_match(),
            case("PATCH", format!("/api/v1/departments/{}", d("qd_kj")), 404).body(rename.clone()).if_match(),
            case("PATCH", format!("/api/v1/departments/{}", d("jn_secret")), 404).body(rename.clone()).if_match(),
            case("GET", "/api/v1/users", 200),
            case("GET", format!("/api/v1/users/{}", u("jn.jy")), 200),
            case("GET", format!("/api/v1/users/{}", u("qd.kj")), 404),
            case("GET", format!("/api/v1/users/{}", u("jn.secret")), 404),
            case("GET", format!("/api/v1/users/{}", u("admin")), 404),
            case("POST", "/api/v1/users", 201).body(new_officer("new.jy", d("jn_jy"))),
            case("POST", "/api/v1/users", 422).body(new_officer("new.qd", d("qd_kj"))),
            case("POST", "/api/v1/users", 403).body(json!({"username": "new.fin", "password": "Officer-2021-pass",
                                                           "role": "finance_officer", "region_code": "370102"})),
            case("PATCH", format!("/api/v1/users/{}", u("jn.jy")), 200).body(profile.clone()).if_match(),
            case("PATCH", format!("/api/v1/users/{}", u("qd.kj")), 404).body(profile.clone()).if_match(),
            case("PATCH", format!("/api/v1/users/{}", u("sd.fin")), 404).body(profile.clone()).if_match(),
            case("POST", format!("/api/v1/users/{}/password", u("jn.aud")), 204).body(reset.clone()),
            case("POST", format!("/api/v1/users/{}/password", u("qd.kj")), 404).body(reset.clone()),
            case("DELETE", "/api/v1/regions/370102", 403),
            case("DELETE", format!("/api/v1/departments/{}", d("qd_kj")), 404),
            case("DELETE", format!("/api/v1/departments/{}", d("jn_kj")), 409),
            case("DELETE", format!("/api/v1/departments/{}", d("lixia_cz")), 204),
        ],
        // A Jinan auditor reads its subtree and may write nothing anywhere.
        "jn.aud" => vec![
            case("GET", "/api/v1/auth/me", 200),
            case("GET", "/api/v1/regions", 200),
            case("GET", "/api/v1/regions/370100", 200),
            case("GET", "/api/v1/regions/370200", 404),
            case("POST", "/api/v1/regions", 403).body(new_region("370103", "370100")),
            case("PATCH", "/api/v1/regions/370100", 403).body(rename.clone()).if_match(),
            case("GET", "/api/v1/departments", 200),
            case("GET", format!("/api/v1/departments/{}", d("jn_jy")), 200),
            case("GET", format!("/api/v1/departments/{}", d("qd_kj")), 404),
            case("POST", "/api/v1/departments", 403).body(new_department("370100", "NEW")),
            case("POST", "/api/v1/departments", 403).body(new_department("370200", "NEW")),
            case("PATCH", format!("/api/v1/departments/{}", d("jn_jy")), 403).body(rename.clone()).if_match(),
            case("PATCH", format!("/api/v1/departments/{}", d("qd_kj")), 403).body(rename.clone()).if_match(),
            case("GET", "/api/v1/users", 200),
            case("GET", format!("/api/v1/users/{}", u("jn.jy")), 200),
            case("GET", format!("/api/v1/users/{}", u("qd.kj")), 404),
            case("POST", "/api/v1/users", 403).body(new_officer("new.jy", d("jn_jy"))),
            case("PATCH", format!("/api/v1/users/{}", u("jn.jy")), 403).body(profile.clone()).if_match(),
            case("PATCH", format!("/api/v1/users/{}", u("qd.kj")), 403).body(profile.clone()).if_match(),
            case("POST", format!("/api/v1/users/{}/password", u("jn.jy")), 403).body(reset.clone()),
            case("DELETE", "/api/v1/regions/370102", 403),
            case("DELETE", format!("/api/v1/departments/{}", d("lixia_cz")), 403),
            case("DELETE", format!("/api/v1/departments/{}", d("qd_kj")), 403),
        ],
        // A department officer of Jinan's science bureau: its unit is in scope, its sibling not.
        "jn.kj" => vec![
            case("GET", "/api/v1/auth/me", 200),
            case("GET", "/api/v1/regions", 200),
            case("GET", "/api/v1/regions/370100", 200),
            case("GET", "/api/v1/regions/370102", 404),
            case("GET", "/api/v1/regions/370200", 404),
            case("POST", "/api/v1/regions", 403).body(new_region("370103", "370100")),
            case("PATCH", "/api/v1/regions/370100", 403).body(rename.clone()).if_match(),
            case("GET", "/api/v1/departments", 200),
            case("GET", format!("/api/v1/departments/{}", d("jn_kj")), 200),
            case("GET", format!("/api/v1/departments/{}", d("jn_kj_unit")), 200),
            case("GET", format!("/api/v1/departments/{}", d("jn_jy")), 404),
            case("GET", format!("/api/v1/departments/{}", d("qd_kj")), 404),
            case("POST", "/api/v1/departments", 403).body(new_department("370100", "NEW")),
            case("PATCH", format!("/api/v1/departments/{}", d("jn_kj")), 403).body(rename.clone()).if_match(),
            case("PATCH", format!("/api/v1/departments/{}", d("jn_jy")), 403).body(rename.clone()).if_match(),
            case("GET", "/api/v1/users", 403),
            case("GET", format!("/api/v1/users/{}", u("jn.kj")), 200),
            case("GET", format!("/api/v1/users/{}", u("jn.jy")), 403),
            case("POST", "/api/v1/users", 403).body(new_officer("new.kj", d("jn_kj"))),
            case("PATCH", format!("/api/v1/users/{}", u("jn.kj")), 200).body(profile.clone()).if_match(),
            case("PATCH", format!("/api/v1/users/{}", u("jn.jy")), 403).body(profile.clone()).if_match(),
            case("POST", format!("/api/v1/users/{}/password", u("jn.kj")), 403).body(reset.clone()),
            case("POST", format!("/api/v1/users/{}/password", u("jn.jy")), 403).body(reset.clone()),
            case("DELETE", "/api/v1/regions/370100", 403),
            case("DELETE", format!("/api/v1/departments/{}", d("jn_kj_unit")), 403),
            case("DELETE", format!("/api/v1/departments/{}", d("jn_jy")), 403),
        ],
        other => panic!("no cases for {other}"),
    }
}

async fn run_matrix(who: &str) {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let token = token(&app, who).await;
    let mut mismatches = Vec::new();
    let all = cases(who, &world);
    assert!(all.len() >= 20);
    for c in all {
        let if_match = c.if_match.then_some("\"1\"");
        let (status, body) = send(&app, &token, c.method, &c.uri, c.body.clone(), if_match).await;
        if status != c.expect {
            mismatches.push(format!(
                "{who}: {} {} -> {status}, expected {}: {body}",
                c.method, c.uri, c.expect
            ));
        }
    }
    assert!(mismatches.is_empty(), "\n{}", mismatches.join("\n"));
}

#[actix_web::test]
async fn admin() {
    run_matrix("admin").await;
}

#[actix_web::test]
async fn finance_officer_of_jinan() {
    run_matrix("jn.fin").await;
}

#[actix_web::test]
async fn auditor_of_jinan() {
    run_matrix("jn.aud").await;
}

#[actix_web::test]
async fn department_officer_of_jinan_science_bureau() {
    run_matrix("jn.kj").await;
}

#[actix_web::test]
async fn every_endpoint_needs_a_token_except_login_refresh_and_logout() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let doc: Value = serde_json::from_str(include_str!("../openapi/openapi.json")).unwrap();
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        if !path.starts_with("/api/v1/") {
            continue;
        }
        for (method, op) in item.as_object().unwrap() {
            let public = op["x-roles"] == json!(["public"]);
            let uri = path
                .replace("{code}", "370100")
                .replace("{id}", &world.dept("jn_kj").to_string());
            let req = actix_web::test::TestRequest::default()
                .method(
                    actix_web::http::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap(),
                )
                .uri(&uri)
                .set_json(json!({}))
                .to_request();
            let res = actix_web::test::call_service(&app, req).await;
            let status = res.status().as_u16();
            if public {
                assert_ne!(status, 200, "{method} {path} accepted an empty body");
            } else {
                assert_eq!(status, 401, "{method} {path} without a token");
                assert!(
                    op["security"].is_array(),
                    "{method} {path} declares no security"
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 15, "only {checked} operations checked");
}
