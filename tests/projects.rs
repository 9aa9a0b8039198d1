//! Projects, indicators and the budget ledger as finance and department officers use them.

mod common;

use budget_monitor::schema::{audit_events, indicators, projects};
use common::world::{World, seed, send, token};
use common::{TestDb, app, state_for};
use diesel::prelude::*;
use serde_json::{Value, json};

fn project(code: &str, department: uuid::Uuid) -> Value {
    json!({
        "code": code, "name": "Aviation emergency rescue capability", "department_id": department,
        "fiscal_year": 2021, "function_class": "22401", "category": "special",
        "start_date": "2021-01-01", "end_date": "2021-12-31",
        "annual_goal": "Build a provincial aviation rescue network",
        "fund_sources": {"central": "20000000.00", "provincial": "100000000.00"},
        "initial_budget": "120000000.00"
    })
}

fn indicator(level1: &str, level2: &str, name: &str, weight: &str) -> Value {
    json!({"level1": level1, "level2": level2, "name": name, "comparator": ">=",
           "target_value": "8", "unit": "bases", "weight": weight})
}

struct Counts {
    projects: i64,
    indicators: i64,
    audit: i64,
}

fn counts(db: &TestDb) -> Counts {
    let mut conn = db.connect();
    Counts {
        projects: projects::table.count().get_result(&mut conn).unwrap(),
        indicators: indicators::table.count().get_result(&mut conn).unwrap(),
        audit: audit_events::table
            .filter(audit_events::object_type.ne("session"))
            .count()
            .get_result(&mut conn)
            .unwrap(),
    }
}

/// The audit events of one entity, oldest first: (action, before, after).
fn events_of(db: &TestDb, id: &str) -> Vec<(String, Option<Value>, Option<Value>)> {
    audit_events::table
        .filter(audit_events::object_id.eq(id))
        .order((audit_events::occurred_at.asc(), audit_events::id.asc()))
        .select((
            audit_events::action,
            audit_events::before,
            audit_events::after,
        ))
        .load(&mut db.connect())
        .unwrap()
}

async fn setup() -> (TestDb, World) {
    let db = TestDb::new();
    let world = seed(&db);
    (db, world)
}

#[actix_web::test]
async fn a_project_is_created_with_its_ledger_and_readiness() {
    let (db, world) = setup().await;
    let app = app(state_for(&db)).await;
    let jn = token(&app, "jn.fin").await;
    let (status, created) = send(
        &app,
        &jn,
        "POST",
        "/api/v1/projects",
        Some(project("JN-KJ-001", world.dept("jn_kj"))),
        None,
    )
    .await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["initial_budget"], "120000000.00");
    assert_eq!(created["adjusted_budget"], "120000000.00");
    assert_eq!(created["region_code"], "370100");
    assert_eq!(created["department_code"], "KJJ");
    assert_eq!(created["fund_sources"]["municipal"], "0.00");
    assert_eq!(created["readiness"]["ready"], false);
    let id = created["id"].as_str().unwrap().to_owned();

    let (status, ledger) = send(
        &app,
        &jn,
        "GET",
        &format!("/api/v1/projects/{id}/budget-history"),
        None,
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(ledger["items"].as_array().unwrap().len(), 1);
    assert_eq!(ledger["items"][0]["kind"], "initial");
    assert_eq!(ledger["items"][0]["amount"], "120000000.00");

    // The department's own officer maintains the indicators until the project is ready.
    let officer = token(&app, "jn.kj").await;
    let uri = format!("/api/v1/projects/{id}/indicators");
    let (status, first) = send(
        &app,
        &officer,
        "POST",
        &uri,
        Some(indicator("output", "quantity", "Rescue bases built", "60")),
        None,
    )
    .await;
    assert_eq!(status, 201, "{first}");
    assert_eq!(first["accrues"], true);
    assert_eq!(first["target_value"], "8");
    let (status, second) = send(&app, &officer, "POST", &uri, Some(json!({
        "level1": "effect", "level2": "social", "name": "Rescue response time", "comparator": "<=",
        "target_value": "30.5", "unit": "minutes", "weight": "30", "accrues": false
    })), None).await;
    assert_eq!(status, 201, "{second}");
    let (_, now) = send(
        &app,
        &officer,
        "GET",
        &format!("/api/v1/projects/{id}"),
        None,
        None,
    )
    .await;
    assert_eq!(now["readiness"], json!({"ready": true, "reasons": []}));
    let (_, list) = send(&app, &officer, "GET", &uri, None, None).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
    assert_eq!(list["items"][1]["target_value"], "30.5");
}

#[actix_web::test]
async fn every_broken_rule_is_a_422_naming_the_field_and_writes_nothing() {
    let (db, world) = setup().await;
    let app = app(state_for(&db)).await;
    let jn = token(&app, "jn.fin").await;
    let kj = world.dept("jn_kj");
    let with = |patch: Value| {
        let mut body = project("JN-KJ-002", kj);
        for (k, v) in patch.as_object().unwrap() {
            body[k] = v.clone();
        }
        body
    };
    let before = counts(&db);
    for (body, field) in [
        (with(json!({"code": "bad code"})), "code"),
        (with(json!({"fiscal_year": 1999})), "fiscal_year"),
        (with(json!({"function_class": "2240"})), "function_class"),
        (with(json!({"name": "  "})), "name"),
        (
            with(json!({"initial_budget": "120000000.01"})),
            "fund_sources",
        ),
        (with(json!({"end_date": "2020-12-31"})), "end_date"),
        (
            with(json!({"fund_sources": {"central": "-1.00", "provincial": "120000001.00"}})),
            "fund_sources.central",
        ),
        (
            with(json!({"department_id": world.dept("qd_kj")})),
            "department_id",
        ),
        (
            with(json!({"department_id": world.dept("jn_secret")})),
            "department_id",
        ),
        (with(json!({"initial_budget": 120000000})), "body"),
        (with(json!({"initial_budget": "1.234"})), "body"),
        (with(json!({"budget": "1"})), "budget"),
        (with(json!({"status": "paused"})), "body"),
    ] {
        let (status, problem) = send(
            &app,
            &jn,
            "POST",
            "/api/v1/projects",
            Some(body.clone()),
            None,
        )
        .await;
        assert_eq!(status, 422, "{field}: {problem}");
        assert!(problem["errors"][field].is_array(), "{field}: {problem}");
    }
    let (_, created) = send(
        &app,
        &jn,
        "POST",
        "/api/v1/projects",
        Some(project("JN-KJ-002", kj)),
        None,
    )
    .await;
    let uri = format!(
        "/api/v1/projects/{}/indicators",
        created["id"].as_str().unwrap()
    );
    let after_create = counts(&db);
    for (body, field) in [
        (
            json!({"level1": "effect", "level2": "quantity", "name": "X", "comparator": ">=", "target_value": "1", "unit": "u", "weight": "10"}),
            "level2",
        ),
        (
            json!({"level1": "output", "level2": "quantity", "name": "X", "comparator": ">=", "unit": "u", "weight": "10"}),
            "target_value",
        ),
        (
            json!({"level1": "output", "level2": "quantity", "name": "X", "comparator": ">=", "target_value": "1", "weight": "10"}),
            "unit",
        ),
        (
            json!({"level1": "output", "level2": "quality", "name": "X", "comparator": "qualitative", "weight": "10"}),
            "target_text",
        ),
        (
            json!({"level1": "output", "level2": "quality", "name": "X", "comparator": "qualitative", "target_value": "1", "target_text": "ok", "weight": "10"}),
            "target_value",
        ),
        (
            json!({"level1": "output", "level2": "quantity", "name": "X", "comparator": ">=", "target_value": "1", "unit": "u", "weight": "90.5"}),
            "weight",
        ),
        (
            json!({"level1": "output", "level2": "quantity", "name": "", "comparator": ">=", "target_value": "1", "unit": "u", "weight": "10"}),
            "name",
        ),
    ] {
        let (status, problem) = send(&app, &jn, "POST", &uri, Some(body.clone()), None).await;
        assert_eq!(status, 422, "{field}: {problem}");
        assert!(problem["errors"][field].is_array(), "{field}: {problem}");
    }
    let after = counts(&db);
    assert_eq!(
        (after.projects, after.indicators, after.audit),
        (before.projects + 1, 0, before.audit + 1)
    );
    assert_eq!(
        (after_create.projects, after_create.audit),
        (after.projects, after.audit)
    );
}

#[actix_web::test]
async fn officers_reach_only_the_projects_of_their_scope() {
    let (db, world) = setup().await;
    let app = app(state_for(&db)).await;
    let admin = token(&app, "admin").await;
    let mut ids = std::collections::HashMap::new();
    for (code, dept) in [
        ("P-KJ", "jn_kj"),
        ("P-UNIT", "jn_kj_unit"),
        ("P-JY", "jn_jy"),
        ("P-SECRET", "jn_secret"),
        ("P-QD", "qd_kj"),
    ] {
        let (status, body) = send(
            &app,
            &admin,
            "POST",
            "/api/v1/projects",
            Some(project(code, world.dept(dept))),
            None,
        )
        .await;
        assert_eq!(status, 201, "{body}");
        ids.insert(code, body["id"].as_str().unwrap().to_owned());
    }
    // A classified project of an ordinary department.
    let mut hidden = project("P-HIDDEN", world.dept("jn_jy"));
    hidden["classified"] = json!(true);
    hidden["name"] = json!("Aviation confidential programme");
    let (status, body) = send(&app, &admin, "POST", "/api/v1/projects", Some(hidden), None).await;
    assert_eq!(status, 201, "{body}");
    ids.insert("P-HIDDEN", body["id"].as_str().unwrap().to_owned());

    let list = |who: &'static str, query: &str| {
        let query = query.to_owned();
        let app = &app;
        async move {
            let t = token(app, who).await;
            let (status, body) = send(
                app,
                &t,
                "GET",
                &format!("/api/v1/projects?{query}"),
                None,
                None,
            )
            .await;
            assert_eq!(status, 200, "{body}");
            let mut codes: Vec<String> = body["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["code"].as_str().unwrap().to_owned())
                .collect();
            codes.sort();
            codes
        }
    };
    assert_eq!(list("jn.kj", "").await, ["P-KJ", "P-UNIT"]);
    assert_eq!(list("jn.fin", "").await, ["P-JY", "P-KJ", "P-UNIT"]);
    assert_eq!(list("jn.secret", "").await, ["P-SECRET"]);
    assert_eq!(list("qd.aud", "").await, ["P-QD"]);
    assert_eq!(list("admin", "").await.len(), 6);
    // Filters and search never surface hidden projects.
    assert!(list("jn.fin", "q=confidential").await.is_empty());
    assert!(list("jn.fin", "q=P-HID").await.is_empty());
    let by_department = format!("department={}", world.dept("jn_jy"));
    assert_eq!(list("jn.fin", &by_department).await, ["P-JY"]);
    assert!(list("sd.fin", "region=370100&q=P-S").await.is_empty());
    assert_eq!(list("admin", "q=confidential").await, ["P-HIDDEN"]);

    let officer = token(&app, "jn.kj").await;
    let jn = token(&app, "jn.fin").await;
    for (who, token, code, status) in [
        ("jn.kj", &officer, "P-JY", 404),
        ("jn.kj", &officer, "P-UNIT", 200),
        ("jn.fin", &jn, "P-QD", 404),
        ("jn.fin", &jn, "P-SECRET", 404),
        ("jn.fin", &jn, "P-HIDDEN", 404),
    ] {
        let id = &ids[code];
        for uri in [
            format!("/api/v1/projects/{id}"),
            format!("/api/v1/projects/{id}/indicators"),
            format!("/api/v1/projects/{id}/budget-history"),
        ] {
            assert_eq!(
                send(&app, token, "GET", &uri, None, None).await.0,
                status,
                "{who} {uri}"
            );
        }
        let (s, _) = send(
            &app,
            token,
            "PATCH",
            &format!("/api/v1/projects/{id}"),
            Some(json!({"name": "Changed"})),
            Some("\"1\""),
        )
        .await;
        assert_eq!(s, status, "{who} PATCH {code}");
        let (s, _) = send(
            &app,
            token,
            "POST",
            &format!("/api/v1/projects/{id}/indicators"),
            Some(indicator("output", "quantity", "Sneaked in", "10")),
            None,
        )
        .await;
        assert_eq!(
            s,
            if status == 200 { 201 } else { 404 },
            "{who} add indicator to {code}"
        );
    }
    // An indicator of another department's project is out of reach by its own id too.
    let (_, jy_indicator) = send(
        &app,
        &admin,
        "POST",
        &format!("/api/v1/projects/{}/indicators", ids["P-JY"]),
        Some(indicator("output", "quantity", "Schools equipped", "90")),
        None,
    )
    .await;
    let ind = format!(
        "/api/v1/indicators/{}",
        jy_indicator["id"].as_str().unwrap()
    );
    assert_eq!(send(&app, &officer, "GET", &ind, None, None).await.0, 404);
    assert_eq!(
        send(
            &app,
            &officer,
            "PATCH",
            &ind,
            Some(json!({"weight": "80"})),
            Some("\"1\"")
        )
        .await
        .0,
        404
    );
    assert_eq!(
        send(&app, &officer, "DELETE", &ind, None, None).await.0,
        404
    );
    let auditor = token(&app, "jn.aud").await;
    assert_eq!(send(&app, &auditor, "GET", &ind, None, None).await.0, 200);
    assert_eq!(
        send(&app, &auditor, "DELETE", &ind, None, None).await.0,
        403
    );
}

#[actix_web::test]
async fn department_officers_edit_details_but_not_money_status_or_selection() {
    let (db, world) = setup().await;
    let app = app(state_for(&db)).await;
    let jn = token(&app, "jn.fin").await;
    let (_, created) = send(
        &app,
        &jn,
        "POST",
        "/api/v1/projects",
        Some(project("JN-KJ-003", world.dept("jn_kj"))),
        None,
    )
    .await;
    let uri = format!("/api/v1/projects/{}", created["id"].as_str().unwrap());
    let officer = token(&app, "jn.kj").await;
    for change in [
        json!({"key_monitoring": true}),
        json!({"status": "stopped"}),
        json!({"initial_budget": "1.00", "fund_sources": {"central": "1.00"}}),
        json!({"classified": true}),
    ] {
        let (status, body) = send(
            &app,
            &officer,
            "PATCH",
            &uri,
            Some(change.clone()),
            Some("\"1\""),
        )
        .await;
        assert_eq!(status, 403, "{change}: {body}");
    }
    let (status, body) = send(
        &app,
        &officer,
        "PATCH",
        &uri,
        Some(json!({"annual_goal": "Eight rescue bases in service"})),
        Some("\"1\""),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    // Only admins and finance officers create and delete projects.
    assert_eq!(
        send(&app, &officer, "DELETE", &uri, None, None).await.0,
        403
    );
    assert_eq!(
        send(
            &app,
            &officer,
            "POST",
            "/api/v1/projects",
            Some(project("X", world.dept("jn_kj"))),
            None
        )
        .await
        .0,
        403
    );

    // A finance officer selects it for key monitoring and corrects the budget through the ledger.
    let (status, body) = send(
        &app,
        &jn,
        "PATCH",
        &uri,
        Some(json!({
            "key_monitoring": true, "initial_budget": "100000000.00",
            "fund_sources": {"central": "20000000.00", "provincial": "80000000.00"}
        })),
        Some("\"2\""),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["key_monitoring"], true);
    assert_eq!(body["adjusted_budget"], "100000000.00");
    let (_, ledger) = send(
        &app,
        &jn,
        "GET",
        &format!("{uri}/budget-history"),
        None,
        None,
    )
    .await;
    let entries: Vec<(Value, Value)> = ledger["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["kind"].clone(), e["amount"].clone()))
        .collect();
    assert_eq!(
        entries,
        [
            (json!("initial"), json!("120000000.00")),
            (json!("correction"), json!("-20000000.00"))
        ]
    );
    // Fund sources that no longer add up are refused and change nothing.
    let (status, body) = send(
        &app,
        &jn,
        "PATCH",
        &uri,
        Some(json!({"initial_budget": "90000000.00"})),
        Some("\"3\""),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let (_, current) = send(&app, &jn, "GET", &uri, None, None).await;
    assert_eq!(
        (
            current["version"].as_i64(),
            current["initial_budget"].as_str()
        ),
        (Some(3), Some("100000000.00"))
    );
}

#[actix_web::test]
async fn concurrent_updates_with_the_same_etag_let_exactly_one_through() {
    let (db, world) = setup().await;
    let app = app(state_for(&db)).await;
    let jn = token(&app, "jn.fin").await;
    let (_, created) = send(
        &app,
        &jn,
        "POST",
        "/api/v1/projects",
        Some(project("JN-KJ-004", world.dept("jn_kj"))),
        None,
    )
    .await;
    let id = created["id"].as_str().unwrap().to_owned();
    let uri = format!("/api/v1/projects/{id}");
    for round in 0..5 {
        let (_, current) = send(&app, &jn, "GET", &uri, None, None).await;
        let tag = format!("\"{}\"", current["version"]);
        let a = send(
            &app,
            &jn,
            "PATCH",
            &uri,
            Some(json!({"category": format!("a{round}")})),
            Some(&tag),
        );
        let b = send(
            &app,
            &jn,
            "PATCH",
            &uri,
            Some(json!({"annual_goal": format!("b{round}")})),
            Some(&tag),
        );
        let ((sa, body_a), (sb, body_b)) = tokio::join!(a, b);
        let mut statuses = [sa, sb];
        statuses.sort();
        assert_eq!(statuses, [200, 412], "round {round}: {body_a} / {body_b}");
        let (_, after) = send(&app, &jn, "GET", &uri, None, None).await;
        let winner = if sa == 200 { &body_a } else { &body_b };
        assert_eq!(&after, winner, "the winner's change is what is stored");
        assert_eq!(after["version"], current["version"].as_i64().unwrap() + 1);
    }
    let updates = events_of(&db, &id)
        .iter()
        .filter(|(a, _, _)| a == "project.updated")
        .count();
    assert_eq!(
        updates, 5,
        "one event per successful update, none for refused ones"
    );
}

#[actix_web::test]
async fn every_write_leaves_one_audit_event_with_before_and_after() {
    let (db, world) = setup().await;
    let app = app(state_for(&db)).await;
    let jn = token(&app, "jn.fin").await;
    let (_, created) = send(
        &app,
        &jn,
        "POST",
        "/api/v1/projects",
        Some(project("JN-KJ-005", world.dept("jn_kj"))),
        None,
    )
    .await;
    let id = created["id"].as_str().unwrap().to_owned();
    let uri = format!("/api/v1/projects/{id}");
    let (_, updated) = send(
        &app,
        &jn,
        "PATCH",
        &uri,
        Some(json!({"name": "Aviation rescue, phase two"})),
        Some("\"1\""),
    )
    .await;
    let (_, ind) = send(
        &app,
        &jn,
        "POST",
        &format!("{uri}/indicators"),
        Some(indicator("output", "quantity", "Bases", "30")),
        None,
    )
    .await;
    let ind_id = ind["id"].as_str().unwrap().to_owned();
    let ind_uri = format!("/api/v1/indicators/{ind_id}");
    let (status, ind2) = send(
        &app,
        &jn,
        "PATCH",
        &ind_uri,
        Some(json!({"target_value": "10"})),
        Some("\"1\""),
    )
    .await;
    assert_eq!(status, 200, "{ind2}");
    assert_eq!(send(&app, &jn, "DELETE", &ind_uri, None, None).await.0, 204);
    assert_eq!(send(&app, &jn, "DELETE", &uri, None, None).await.0, 204);

    let project_events = events_of(&db, &id);
    let actions: Vec<&str> = project_events.iter().map(|(a, _, _)| a.as_str()).collect();
    assert_eq!(
        actions,
        ["project.created", "project.updated", "project.deleted"]
    );
    assert_eq!(project_events[0].1, None);
    assert_eq!(
        project_events[0].2.as_ref().unwrap()["name"],
        "Aviation emergency rescue capability"
    );
    assert_eq!(
        project_events[1].1.as_ref().unwrap()["name"],
        "Aviation emergency rescue capability"
    );
    assert_eq!(project_events[1].2.as_ref().unwrap(), &updated);
    assert_eq!(
        project_events[2].1.as_ref().unwrap()["name"],
        "Aviation rescue, phase two"
    );
    assert_eq!(project_events[2].2, None);

    let indicator_events = events_of(&db, &ind_id);
    let actions: Vec<&str> = indicator_events
        .iter()
        .map(|(a, _, _)| a.as_str())
        .collect();
    assert_eq!(
        actions,
        [
            "indicator.created",
            "indicator.updated",
            "indicator.deleted"
        ]
    );
    assert_eq!(indicator_events[1].1.as_ref().unwrap()["target_value"], "8");
    assert_eq!(
        indicator_events[1].2.as_ref().unwrap()["target_value"],
        "10"
    );

    // The trail is readable through the API, with the request id of the change.
    let (status, page) = send(
        &app,
        &jn,
        "GET",
        &format!("/api/v1/audit-events?entity_type=project&entity_id={id}"),
        None,
        None,
    )
    .await;
    assert_eq!(status, 200, "{page}");
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["action"], "project.deleted", "newest first");
    assert_eq!(items[2]["actor_name"], "jn.fin");
    assert!(items[2]["request_id"].is_string());
    assert_eq!(items[2]["region_code"], "370100");
}

#[actix_web::test]
async fn the_audit_trail_is_scoped_like_everything_else() {
    let (db, world) = setup().await;
    let app = app(state_for(&db)).await;
    let admin = token(&app, "admin").await;
    for (code, dept) in [
        ("A-JY", "jn_jy"),
        ("A-QD", "qd_kj"),
        ("A-SECRET", "jn_secret"),
    ] {
        let (status, _) = send(
            &app,
            &admin,
            "POST",
            "/api/v1/projects",
            Some(project(code, world.dept(dept))),
            None,
        )
        .await;
        assert_eq!(status, 201);
    }
    let codes = |page: &Value| {
        let mut c: Vec<String> = page["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["after"]["code"].as_str().map(str::to_owned))
            .collect();
        c.sort();
        c
    };
    let get = |who: &'static str| {
        let app = &app;
        async move {
            let t = token(app, who).await;
            send(
                app,
                &t,
                "GET",
                "/api/v1/audit-events?entity_type=project",
                None,
                None,
            )
            .await
        }
    };
    assert_eq!(codes(&get("admin").await.1), ["A-JY", "A-QD", "A-SECRET"]);
    assert_eq!(codes(&get("jn.fin").await.1), ["A-JY"]);
    assert_eq!(codes(&get("jn.aud").await.1), ["A-JY"]);
    assert_eq!(codes(&get("qd.fin").await.1), ["A-QD"]);
    assert_eq!(get("jn.kj").await.0, 403);

    let t = token(&app, "admin").await;
    let later = (chrono::Utc::now() + chrono::Duration::minutes(1))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let (_, none) = send(
        &app,
        &t,
        "GET",
        &format!("/api/v1/audit-events?from={later}"),
        None,
        None,
    )
    .await;
    assert!(none["items"].as_array().unwrap().is_empty());
    let (_, by_admin) = send(
        &app,
        &t,
        "GET",
        &format!(
            "/api/v1/audit-events?actor={}&entity_type=project&limit=2",
            world.user("admin")
        ),
        None,
        None,
    )
    .await;
    assert_eq!(by_admin["items"].as_array().unwrap().len(), 2);
    let cursor = by_admin["next_cursor"].as_str().unwrap();
    let (_, rest) = send(
        &app,
        &t,
        "GET",
        &format!(
            "/api/v1/audit-events?actor={}&entity_type=project&limit=2&cursor={cursor}",
            world.user("admin")
        ),
        None,
        None,
    )
    .await;
    assert_eq!(rest["items"].as_array().unwrap().len(), 1);
    assert_ne!(rest["items"][0]["id"], by_admin["items"][1]["id"]);
}

#[actix_web::test]
async fn lists_sort_by_budget_and_filter_by_function_class() {
    let (db, world) = setup().await;
    let app = app(state_for(&db)).await;
    let jn = token(&app, "jn.fin").await;
    for (code, amount, class) in [
        ("B1", "300.00", "20601"),
        ("B2", "1000.00", "20602"),
        ("B3", "20.50", "22401"),
    ] {
        let mut body = project(code, world.dept("jn_kj"));
        body["initial_budget"] = json!(amount);
        body["fund_sources"] = json!({"municipal": amount});
        body["function_class"] = json!(class);
        let (status, b) = send(&app, &jn, "POST", "/api/v1/projects", Some(body), None).await;
        assert_eq!(status, 201, "{b}");
    }
    let codes = |page: &Value| {
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["code"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    let (_, first) = send(
        &app,
        &jn,
        "GET",
        "/api/v1/projects?sort=-budget&limit=2",
        None,
        None,
    )
    .await;
    assert_eq!(codes(&first), ["B2", "B1"]);
    let cursor = first["next_cursor"].as_str().unwrap();
    let (_, second) = send(
        &app,
        &jn,
        "GET",
        &format!("/api/v1/projects?sort=-budget&limit=2&cursor={cursor}"),
        None,
        None,
    )
    .await;
    assert_eq!(codes(&second), ["B3"]);
    let (_, sci) = send(
        &app,
        &jn,
        "GET",
        "/api/v1/projects?function_class=206&sort=name",
        None,
        None,
    )
    .await;
    assert_eq!(sci["items"].as_array().unwrap().len(), 2);
    let (_, y2022) = send(
        &app,
        &jn,
        "GET",
        "/api/v1/projects?fiscal_year=2022",
        None,
        None,
    )
    .await;
    assert!(y2022["items"].as_array().unwrap().is_empty());
}

/// Writes on one project take its row lock first, whatever they change: an indicator's deletion
/// waits for a project write in progress instead of racing it (a project's deletion cascading
/// to the same indicator deadlocked with it), and the indicator checks see the project still.
#[actix_web::test]
async fn an_indicator_write_waits_for_a_project_write_in_progress() {
    let (db, world) = setup().await;
    let app = app(state_for(&db)).await;
    let jn = token(&app, "jn.fin").await;
    let (status, created) = send(
        &app,
        &jn,
        "POST",
        "/api/v1/projects",
        Some(project("JN-KJ-LOCK", world.dept("jn_kj"))),
        None,
    )
    .await;
    assert_eq!(status, 201, "{created}");
    let project_id = created["id"].as_str().unwrap().to_owned();
    let uri = format!("/api/v1/projects/{project_id}/indicators");
    let (status, added) = send(
        &app,
        &jn,
        "POST",
        &uri,
        Some(indicator("output", "quantity", "Rescue bases built", "40")),
        None,
    )
    .await;
    assert_eq!(status, 201, "{added}");
    let indicator_uri = format!("/api/v1/indicators/{}", added["id"].as_str().unwrap());

    // Another writer holds the project's row, as a PATCH or DELETE of it does.
    let mut holder = db.connect();
    diesel::connection::SimpleConnection::batch_execute(
        &mut holder,
        &format!("BEGIN; SELECT 1 FROM projects WHERE id = '{project_id}' FOR UPDATE"),
    )
    .unwrap();
    let deletion = send(&app, &jn, "DELETE", &indicator_uri, None, None);
    tokio::pin!(deletion);
    assert!(
        tokio::time::timeout(std::time::Duration::from_millis(500), &mut deletion)
            .await
            .is_err(),
        "the indicator's deletion went ahead while the project was being written"
    );
    diesel::connection::SimpleConnection::batch_execute(&mut holder, "COMMIT").unwrap();
    let (status, body) = deletion.await;
    assert_eq!(status, 204, "{body}");
    assert_eq!(counts(&db).indicators, 0);
}
