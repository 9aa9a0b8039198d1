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

/// A project's audit events as (action, details, actor, request id), in the order written.
type Events = Vec<(String, Value, Option<uuid::Uuid>, Option<String>)>;

fn events_of(db: &TestDb, project: uuid::Uuid) -> Events {
    audit_events::table
        .filter(audit_events::project_id.eq(project))
        .order(audit_events::id)
        .select((
            audit_events::action,
            audit_events::details,
            audit_events::actor_id,
            audit_events::request_id,
        ))
        .load(&mut db.connect())
        .unwrap()
}

async fn import_as<S>(
    app: &S,
    token: &str,
    body: &Value,
    request_id: &str,
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
        .insert_header(("x-request-id", request_id))
        .set_json(body);
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

#[actix_web::test]
async fn an_import_of_several_chunks_reports_every_item_and_records_its_events() {
    const CHUNK: usize = budget_monitor::projects::import::CHUNK;
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let jn = token(&app, "jn.fin").await;
    // Two projects exist before: one is imported unchanged, one with a new name.
    let (_, before, _) = import(
        &app,
        &jn,
        "application/json",
        json!({"items": [item("OLD-1", "KJJ"), item("OLD-2", "JYJ")]}).to_string(),
        None,
    )
    .await;
    assert_eq!(before["summary"]["created"], 2, "{before}");

    let total = 2 * CHUNK + 7;
    let mut items: Vec<Value> = (0..total)
        .map(|i| {
            item(
                &format!("JN-C{i:04}"),
                if i % 2 == 0 { "KJJ" } else { "JYJ" },
            )
        })
        .collect();
    // In the second chunk: an item Rust refuses, an existing project, and a repeated code.
    let bad = CHUNK + 3;
    items[bad]["function_class"] = json!("2");
    items[CHUNK + 4] = item("OLD-1", "KJJ");
    let mut renamed = item("OLD-2", "JYJ");
    renamed["name"] = json!("Renamed by the import");
    items[CHUNK + 5] = renamed;
    let mut repeat = items[CHUNK + 6].clone();
    repeat["name"] = json!("Second word on the same code");
    items[CHUNK + 8] = repeat;
    let body = json!({ "items": items });

    let (status, report, replayed) =
        import_as(&app, &jn, &body, "import-chunks-1", Some("chunks-2021-a")).await;
    assert_eq!((status, replayed), (200, false), "{report}");
    let mut expected: Vec<&str> = vec!["created"; total];
    expected[bad] = "rejected";
    expected[CHUNK + 4] = "unchanged";
    expected[CHUNK + 5] = "updated";
    expected[CHUNK + 8] = "updated";
    assert_eq!(statuses(&report), expected);
    assert_eq!(
        report["summary"],
        json!({"received": total, "created": total - 4, "updated": 2, "unchanged": 1,
               "rejected": 1, "not_processed": 0})
    );
    for (i, result) in report["items"].as_array().unwrap().iter().enumerate() {
        assert_eq!(result["index"], i);
        assert_eq!(result["code"], body["items"][i]["code"]);
    }
    assert_eq!(
        report["items"][bad]["errors"]
            .as_object()
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        ["function_class"]
    );
    assert_eq!(
        report["items"][CHUNK + 8]["project_id"],
        report["items"][CHUNK + 6]["project_id"]
    );

    // Each created project: its indicators' events, then its own, by the caller, under the
    // request, with the details the single-project path writes.
    let user = world.user("jn.fin");
    let officer = token(&app, "admin").await;
    for i in (0..total).filter(|i| expected[*i] == "created") {
        let id: uuid::Uuid = report["items"][i]["project_id"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        let code = body["items"][i]["code"].as_str().unwrap();
        let mut events = events_of(&db, id);
        if i == CHUNK + 6 {
            // Then updated by item CHUNK + 8 of the same request.
            assert_eq!(events.pop().unwrap().0, "project.updated");
        }
        let indicator = json!({"project_id": id, "project_code": code});
        assert_eq!(
            events,
            vec![
                (
                    "indicator.created".to_owned(),
                    indicator.clone(),
                    Some(user),
                    Some("import-chunks-1".to_owned())
                ),
                (
                    "indicator.created".to_owned(),
                    indicator,
                    Some(user),
                    Some("import-chunks-1".to_owned())
                ),
                (
                    "project.created".to_owned(),
                    json!({}),
                    Some(user),
                    Some("import-chunks-1".to_owned())
                ),
            ],
            "item {i}"
        );
    }
    // The project's event shows it as the API does.
    for i in [0, CHUNK, total - 1] {
        let id = report["items"][i]["project_id"].as_str().unwrap();
        let res = call_service(
            &app,
            TestRequest::get()
                .uri(&format!("/api/v1/projects/{id}"))
                .insert_header(("authorization", format!("Bearer {officer}")))
                .to_request(),
        )
        .await;
        let shown: Value = serde_json::from_slice(&read_body(res).await).unwrap();
        let after: Option<Value> = audit_events::table
            .filter(audit_events::action.eq("project.created"))
            .filter(audit_events::object_id.eq(id))
            .select(audit_events::after)
            .first(&mut db.connect())
            .unwrap();
        assert_eq!(after.unwrap(), shown, "item {i}");
        assert_eq!(shown["adjusted_budget"], "5000000.00");
        assert_eq!(shown["readiness"]["ready"], true, "{shown}");
    }
    let after = counts(&db);

    // The retry with the key gets the same answer and writes nothing.
    let (status, again, replayed) =
        import_as(&app, &jn, &body, "import-chunks-2", Some("chunks-2021-a")).await;
    assert_eq!((status, replayed), (200, true));
    assert_eq!(again, report);
    let same = counts(&db);
    assert_eq!((same.0, same.1, same.2), (after.0, after.1, after.2));
}

#[actix_web::test]
async fn a_value_the_database_refuses_rejects_its_item_and_the_rest_of_its_chunk_lands() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    let jn = token(&app, "jn.fin").await;
    let mut items: Vec<Value> = (1..=5).map(|i| item(&format!("JN-N{i}"), "KJJ")).collect();
    // Nothing in Rust looks for U+0000 in a name; PostgreSQL refuses to store it.
    items[2]["name"] = json!("Project\u{0}with a NUL");
    let before = counts(&db);
    let (status, report, _) = import_as(&app, &jn, &json!({ "items": items }), "nul-1", None).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(
        statuses(&report),
        ["created", "created", "rejected", "created", "created"]
    );
    assert_eq!(
        report["items"][2]["errors"],
        json!({"item": ["Text must not contain the character U+0000."]})
    );
    let after = counts(&db);
    assert_eq!(
        (after.0 - before.0, after.1 - before.1, after.2 - before.2),
        (4, 8, 12)
    );
}

#[actix_web::test]
async fn a_code_taken_by_a_concurrent_writer_is_rejected_and_the_rest_of_its_chunk_lands() {
    use diesel::connection::SimpleConnection;
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    let jn = token(&app, "jn.fin").await;
    let items: Vec<Value> = ["JN-R1", "JN-R2", "JN-RACE", "JN-R4", "JN-R5"]
        .iter()
        .map(|c| item(c, "KJJ"))
        .collect();

    // Another writer takes JN-RACE (in the classified department, which Jinan's finance
    // officer cannot see) and commits only once the import waits on it: the import looked the
    // code up as free, and its insert of the chunk's projects fails on the unique key.
    let mut other = db.connect();
    other
        .batch_execute(
            "BEGIN;
             INSERT INTO projects (id, department_id, region_id, region_path, department_path,
                                   fiscal_year, code, name, function_class, initial_budget,
                                   fund_other)
             SELECT gen_random_uuid(), d.id, d.region_id, d.region_path, d.path, 2021,
                    'JN-RACE', 'Taken meanwhile', '20601', 10, 10
               FROM departments d WHERE d.code = 'GAJ'",
        )
        .unwrap();
    let mut watcher = db.connect();
    let body = json!({ "items": items });
    let (answer, ()) = tokio::join!(import_as(&app, &jn, &body, "race-1", None), async {
        let started = std::time::Instant::now();
        loop {
            #[derive(QueryableByName)]
            struct N {
                #[diesel(sql_type = diesel::sql_types::BigInt)]
                n: i64,
            }
            let waiting = diesel::sql_query(
                "SELECT count(*) AS n FROM pg_stat_activity
                      WHERE datname = current_database() AND wait_event_type = 'Lock'",
            )
            .get_result::<N>(&mut watcher)
            .unwrap()
            .n;
            if waiting > 0 {
                break;
            }
            assert!(started.elapsed().as_secs() < 60, "the import never waited");
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        other.batch_execute("COMMIT").unwrap();
    });
    let (status, report, _) = answer;
    assert_eq!(status, 200, "{report}");
    assert_eq!(
        statuses(&report),
        ["created", "created", "rejected", "created", "created"],
        "{report}"
    );
    assert_eq!(
        report["items"][2]["errors"],
        json!({"item": ["The project code JN-RACE is not available in this region for 2021; choose another."]})
    );
    let landed: i64 = projects::table
        .filter(projects::code.like("JN-R%"))
        .count()
        .get_result(&mut db.connect())
        .unwrap();
    assert_eq!(landed, 5, "four imported and the other writer's");
}

#[actix_web::test]
async fn a_chunk_whose_commit_fails_is_not_processed_and_its_key_stays_free() {
    use diesel::connection::SimpleConnection;
    const CHUNK: usize = budget_monitor::projects::import::CHUNK;
    let db = TestDb::new();
    seed(&db);
    // A check that only COMMIT runs, refusing one project of the first chunk.
    db.connect()
        .batch_execute(
            "CREATE FUNCTION test_refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
                 IF NEW.code = 'JN-K0003' THEN RAISE EXCEPTION 'refused at commit'; END IF;
                 RETURN NULL;
             END $$;
             CREATE CONSTRAINT TRIGGER test_refuse_at_commit AFTER INSERT ON projects
                 DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                 EXECUTE FUNCTION test_refuse_at_commit();",
        )
        .unwrap();
    let app = app(state_for(&db)).await;
    let jn = token(&app, "jn.fin").await;
    let total = CHUNK + 10;
    let items: Vec<Value> = (0..total)
        .map(|i| item(&format!("JN-K{i:04}"), "KJJ"))
        .collect();
    let body = json!({ "items": items });
    let (status, report, _) = import_as(&app, &jn, &body, "commit-1", Some("commit-2021")).await;
    assert_eq!(status, 200, "{report}");
    let mut expected = vec!["not_processed"; CHUNK];
    expected.extend(vec!["created"; 10]);
    assert_eq!(statuses(&report), expected);
    assert_eq!(report["summary"]["not_processed"], CHUNK);
    let reason = report["items"][0]["errors"]["item"][0].as_str().unwrap();
    assert!(reason.contains("resend"), "{reason}");
    assert_eq!(counts(&db).0, 10);

    // The answer was not kept: the same request with the key is processed again.
    db.connect()
        .batch_execute("DROP TRIGGER test_refuse_at_commit ON projects")
        .unwrap();
    let (status, second, replayed) =
        import_as(&app, &jn, &body, "commit-2", Some("commit-2021")).await;
    assert_eq!((status, replayed), (200, false), "{second}");
    assert_eq!(second["summary"]["created"], CHUNK);
    assert_eq!(second["summary"]["unchanged"], 10);
    assert_eq!(counts(&db).0, total as i64);
}
