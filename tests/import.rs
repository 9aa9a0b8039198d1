//! The batch import as an integrating system uses it: JSON and CSV, per-item results,
//! idempotent retries.

mod common;

use actix_web::test::{TestRequest, call_service, read_body};
use budget_monitor::schema::{audit_events, indicators, projects};
use common::world::{seed, token};
use common::{TestDb, app, state_for};
use diesel::prelude::*;
use serde_json::{Value, json};

fn item(code: &str, department: &str) -> Value {
    json!({
        "region_code": "370100", "fiscal_year": 2021, "code": code, "department_code": department,
        "name": format!("Project {code}"), "function_class": "20601",
        "fund_sources": {"municipal": "5000000.00"}, "initial_budget": "5000000.00",
        "indicators": [
            {"level1": "output", "level2": "quantity", "name": "Enterprises supported", "comparator": ">=",
             "target_value": "120", "unit": "enterprises", "weight": "60"},
            {"level1": "satisfaction", "level2": "beneficiary_satisfaction", "name": "Enterprise satisfaction",
             "comparator": ">=", "target_value": "90", "unit": "%", "weight": "30"}
        ]
    })
}

struct Counts(i64, i64, i64);

fn counts(db: &TestDb) -> Counts {
    let mut conn = db.connect();
    Counts(
        projects::table.count().get_result(&mut conn).unwrap(),
        indicators::table.count().get_result(&mut conn).unwrap(),
        audit_events::table
            .filter(audit_events::object_type.ne("session"))
            .count()
            .get_result(&mut conn)
            .unwrap(),
    )
}

async fn import<S>(
    app: &S,
    token: &str,
    content_type: &str,
    body: String,
    key: Option<&str>,
) -> (u16, Value, bool)
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let mut req = TestRequest::post()
        .uri("/api/v1/projects/import")
        .insert_header(("authorization", format!("Bearer {token}")))
        .insert_header(("content-type", content_type))
        .set_payload(body);
    if let Some(key) = key {
        req = req.insert_header(("idempotency-key", key));
    }
    let res = call_service(app, req.to_request()).await;
    let status = res.status().as_u16();
    let replayed = res.headers().contains_key("idempotency-replayed");
    let bytes = read_body(res).await;
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        replayed,
    )
}

fn statuses(report: &Value) -> Vec<String> {
    report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["status"].as_str().unwrap().to_owned())
        .collect()
}

#[actix_web::test]
async fn good_items_are_written_and_bad_ones_reported_by_index() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    let jn = token(&app, "jn.fin").await;
    let mut wrong_class = item("JN-2", "KJJ");
    wrong_class["function_class"] = json!("2");
    let mut float_money = item("JN-3", "KJJ");
    float_money["initial_budget"] = json!(5000000.0);
    let qingdao = {
        let mut i = item("QD-1", "KJJ");
        i["region_code"] = json!("370200");
        i
    };
    let mut bad_indicator = item("JN-5", "JYJ");
    bad_indicator["indicators"][1]["level1"] = json!("output");
    let body = json!({"items": [item("JN-1", "KJJ"), wrong_class, float_money, qingdao, bad_indicator, item("JN-6", "LX-NONE"), item("JN-7", "JYJ")]});
    let before = counts(&db);
    let (status, report, _) = import(&app, &jn, "application/json", body.to_string(), None).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(
        statuses(&report),
        [
            "created", "rejected", "rejected", "rejected", "rejected", "rejected", "created"
        ]
    );
    assert_eq!(
        report["summary"],
        json!({"received": 7, "created": 2, "updated": 0, "unchanged": 0, "rejected": 5, "not_processed": 0})
    );
    let errors = |i: usize| {
        report["items"][i]["errors"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(errors(1), ["function_class"]);
    assert_eq!(errors(2), ["item"]);
    assert_eq!(errors(3), ["region_code"]);
    assert_eq!(errors(4), ["indicators[1].level2"]);
    assert_eq!(errors(5), ["department_code"]);
    assert_eq!(report["items"][4]["code"], "JN-5");
    let after = counts(&db);
    // Two projects with two indicators each; one event per project and per indicator.
    assert_eq!(
        (after.0 - before.0, after.1 - before.1, after.2 - before.2),
        (2, 4, 6)
    );

    // The same batch again: the good ones are unchanged and nothing is written.
    let (_, again, _) = import(&app, &jn, "application/json", body.to_string(), None).await;
    assert_eq!(again["summary"]["unchanged"], 2);
    let same = counts(&db);
    assert_eq!((same.0, same.1, same.2), (after.0, after.1, after.2));
}

#[actix_web::test]
async fn an_update_keeps_unchanged_indicators_and_records_each_change() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    let jn = token(&app, "jn.fin").await;
    let body = json!({"items": [item("JN-1", "KJJ")]});
    let (_, first, _) = import(&app, &jn, "application/json", body.to_string(), None).await;
    let id = first["items"][0]["project_id"].as_str().unwrap().to_owned();
    let ids_before: Vec<uuid::Uuid> = indicators::table
        .filter(indicators::project_id.eq(uuid::Uuid::parse_str(&id).unwrap()))
        .order(indicators::id)
        .select(indicators::id)
        .load(&mut db.connect())
        .unwrap();

    let mut changed = item("JN-1", "KJJ");
    changed["name"] = json!("Science and technology SME support");
    changed["indicators"][1]["target_value"] = json!("92");
    changed["initial_budget"] = json!("4500000.00");
    changed["fund_sources"] = json!({"municipal": "4500000.00"});
    let before = counts(&db);
    let (_, report, _) = import(
        &app,
        &jn,
        "application/json",
        json!({"items": [changed]}).to_string(),
        None,
    )
    .await;
    assert_eq!(statuses(&report), ["updated"]);
    assert_eq!(report["items"][0]["project_id"], json!(id));
    let after = counts(&db);
    assert_eq!(
        after.2 - before.2,
        2,
        "one project event and one indicator event"
    );
    let ids_after: Vec<uuid::Uuid> = indicators::table
        .filter(indicators::project_id.eq(uuid::Uuid::parse_str(&id).unwrap()))
        .order(indicators::id)
        .select(indicators::id)
        .load(&mut db.connect())
        .unwrap();
    assert_eq!(ids_before, ids_after);
    let (adjusted, name): (bigdecimal::BigDecimal, String) = projects::table
        .find(uuid::Uuid::parse_str(&id).unwrap())
        .select((projects::adjusted_budget, projects::name))
        .first(&mut db.connect())
        .unwrap();
    assert_eq!(adjusted.to_string(), "4500000.00");
    assert_eq!(name, "Science and technology SME support");
}

#[actix_web::test]
async fn a_retry_with_the_same_key_replays_and_another_body_is_refused() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    let jn = token(&app, "jn.fin").await;
    let body = json!({"items": [item("JN-1", "KJJ"), item("JN-2", "JYJ")]}).to_string();
    let (status, first, replayed) = import(
        &app,
        &jn,
        "application/json",
        body.clone(),
        Some("sync-2021-07-31-a"),
    )
    .await;
    assert_eq!((status, replayed), (200, false));
    assert_eq!(first["summary"]["created"], 2);
    let after_first = counts(&db);

    let (status, second, replayed) = import(
        &app,
        &jn,
        "application/json",
        body.clone(),
        Some("sync-2021-07-31-a"),
    )
    .await;
    assert_eq!((status, replayed), (200, true));
    assert_eq!(second, first, "the stored answer, word for word");
    let after_retry = counts(&db);
    assert_eq!(
        (after_retry.0, after_retry.1, after_retry.2),
        (after_first.0, after_first.1, after_first.2)
    );

    let other = json!({"items": [item("JN-3", "KJJ")]}).to_string();
    let (status, problem, _) = import(
        &app,
        &jn,
        "application/json",
        other,
        Some("sync-2021-07-31-a"),
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    assert!(problem["errors"]["Idempotency-Key"].is_array());
    assert_eq!(counts(&db).0, after_first.0);

    // Keys belong to their caller: another user may use the same key for its own request.
    let admin = token(&app, "admin").await;
    let (status, own, replayed) = import(
        &app,
        &admin,
        "application/json",
        json!({"items": [item("JN-9", "KJJ")]}).to_string(),
        Some("sync-2021-07-31-a"),
    )
    .await;
    assert_eq!((status, replayed), (200, false));
    assert_eq!(own["summary"]["created"], 1);
}

#[actix_web::test]
async fn csv_imports_group_indicator_rows_by_project() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    let jn = token(&app, "jn.fin").await;
    let res = call_service(
        &app,
        TestRequest::get()
            .uri("/api/v1/projects/import/template.csv")
            .insert_header(("authorization", format!("Bearer {jn}")))
            .to_request(),
    )
    .await;
    assert_eq!(res.status().as_u16(), 200);
    let header = String::from_utf8(read_body(res).await.to_vec()).unwrap();
    assert!(header.starts_with("region_code,fiscal_year,project_code,department_code,"));
    let header = header.trim_end();
    let rows = [
        "370100,2021,CSV-1,KJJ,Technology market vouchers,20601,,2021-01-01,2021-12-31,Vouchers for SMEs,,,800000.00,,,,800000.00,active,false,output,quantity,Vouchers issued,>=,500,,vouchers,60,,Vouchers redeemed",
        "370100,2021,CSV-1,KJJ,Technology market vouchers,20601,,2021-01-01,2021-12-31,Vouchers for SMEs,,,800000.00,,,,800000.00,active,false,satisfaction,beneficiary_satisfaction,SME satisfaction,qualitative,,Most SMEs satisfied,,30,yes,Survey",
        "370102,2021,CSV-2,LX-CZ,\"Lixia fiscal reform, pilot\",20101,,,,,,,,300000.00,,,300000.00,,,,,,,,,,,,",
        "370100,2021,CSV-3,KJJ,Name A,20601,,,,,,,100.00,,,,100.00,,,,,,,,,,,,",
        "370100,2021,CSV-3,KJJ,Name B,20601,,,,,,,100.00,,,,100.00,,,,,,,,,,,,",
    ];
    let csv = format!("{header}\n{}\n", rows.join("\n"));
    let (status, report, _) = import(&app, &jn, "text/csv", csv, None).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(
        statuses(&report),
        ["created", "created", "rejected"],
        "{report}"
    );
    assert_eq!(report["items"][0]["rows"], json!([1, 2]));
    assert_eq!(report["items"][2]["rows"], json!([4, 5]));
    let reason = report["items"][2]["errors"]["rows"][0].as_str().unwrap();
    assert!(
        reason.contains("row 5") && reason.contains("row 4"),
        "{reason}"
    );
    let id = report["items"][0]["project_id"].as_str().unwrap();
    let res = call_service(
        &app,
        TestRequest::get()
            .uri(&format!("/api/v1/projects/{id}"))
            .insert_header(("authorization", format!("Bearer {jn}")))
            .to_request(),
    )
    .await;
    let project: Value = serde_json::from_slice(&read_body(res).await).unwrap();
    assert_eq!(project["readiness"]["ready"], true, "{project}");
    assert_eq!(project["fund_sources"]["municipal"], "800000.00");

    let (status, problem, _) = import(
        &app,
        &jn,
        "text/csv",
        "region_code,code\n1,2\n".to_owned(),
        None,
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    assert!(problem["errors"]["header"].is_array());
}

#[actix_web::test]
async fn the_import_checks_who_sends_what() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    let officer = token(&app, "jn.kj").await;
    let body = json!({"items": [item("JN-1", "KJJ")]}).to_string();
    assert_eq!(
        import(&app, &officer, "application/json", body.clone(), None)
            .await
            .0,
        403
    );
    let jn = token(&app, "jn.fin").await;
    assert_eq!(
        import(&app, &jn, "application/xml", body.clone(), None)
            .await
            .0,
        415
    );
    assert_eq!(
        import(
            &app,
            &jn,
            "application/json",
            "{\"items\": [".to_owned(),
            None
        )
        .await
        .0,
        400
    );
    assert_eq!(
        import(
            &app,
            &jn,
            "application/json",
            "{\"projects\": []}".to_owned(),
            None
        )
        .await
        .0,
        422
    );
    let many = json!({"items": vec![json!({}); 5001]}).to_string();
    let (status, problem, _) = import(&app, &jn, "application/json", many, None).await;
    assert_eq!(status, 422, "{problem}");
    assert!(problem["errors"]["items"].is_array());
    assert_eq!(counts(&db).0, 0);
}

#[actix_web::test]
async fn a_year_written_as_2021_0_is_imported_and_named_in_the_result() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    let jn = token(&app, "jn.fin").await;
    let mut float_year = item("JN-F1", "KJJ");
    float_year["fiscal_year"] = json!(2021.0);
    let body = json!({"items": [float_year]});
    let (status, report, _) = import(&app, &jn, "application/json", body.to_string(), None).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["items"][0]["status"], "created", "{report}");
    assert_eq!(report["items"][0]["fiscal_year"], 2021);
}
