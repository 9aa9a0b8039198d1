//! Key monitoring through the HTTP API: inspections, findings, rectification within deadlines,
//! and fund adjustments booked in the budget ledger.

mod common;

use std::str::FromStr;

use bigdecimal::BigDecimal;
use common::world::{seed, send, token};
use common::{TestDb, app, state_for};
use serde_json::{Value, json};

fn project(code: &str, department: uuid::Uuid, budget: &str, class: &str) -> Value {
    json!({"code": code, "name": format!("Project {code}"), "department_id": department, "fiscal_year": 2021,
           "function_class": class, "fund_sources": {"municipal": budget}, "initial_budget": budget})
}

fn money(v: &Value) -> BigDecimal {
    BigDecimal::from_str(v.as_str().unwrap()).unwrap()
}

#[actix_web::test]
async fn jinan_cuts_300_million_from_twelve_science_projects() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let fin = token(&app, "jn.fin").await;
    let mut ids = Vec::new();
    for n in 1..=12 {
        let (status, p) = send(
            &app,
            &fin,
            "POST",
            "/api/v1/projects",
            Some(project(
                &format!("JN-ST-{n:02}"),
                world.dept("jn_kj"),
                "100000000.00",
                "20601",
            )),
            None,
        )
        .await;
        assert_eq!(status, 201, "{p}");
        ids.push(p["id"].as_str().unwrap().to_owned());
    }
    let categories = ["unclear_objectives", "slow_progress", "idle_funds"];
    for (i, id) in ids.iter().enumerate() {
        let (status, inspection) = send(
            &app,
            &fin,
            "POST",
            "/api/v1/inspections",
            Some(json!({"project_id": id})),
            None,
        )
        .await;
        assert_eq!(status, 201, "{inspection}");
        let iid = inspection["id"].as_str().unwrap();
        let category = categories[i % 3];
        let mut finding = json!({"category": category, "description": "Found during key monitoring", "severity": "high"});
        if category == "idle_funds" {
            finding["amount"] = json!("25000000.00");
        }
        let (status, finding) = send(
            &app,
            &fin,
            "POST",
            &format!("/api/v1/inspections/{iid}/findings"),
            Some(finding),
            None,
        )
        .await;
        assert_eq!(status, 201, "{finding}");
        for kind in ["opinion", "suggestion"] {
            let (status, _) = send(
                &app,
                &fin,
                "POST",
                &format!("/api/v1/inspections/{iid}/opinions"),
                Some(json!({"kind": kind, "text": "Tighten the milestones"})),
                None,
            )
            .await;
            assert_eq!(status, 201);
        }
        let (status, adjustment) = send(
            &app,
            &fin,
            "POST",
            "/api/v1/adjustments",
            Some(json!({
            "project_id": id, "kind": "reduce", "amount": "25000000.00",
            "document_number": "JNCZ-2021-12", "finding_id": finding["id"]})),
            None,
        )
        .await;
        assert_eq!(status, 201, "{adjustment}");
    }
    // Every project is selected, reduced and shows it in its ledger.
    let (_, page) = send(
        &app,
        &fin,
        "GET",
        "/api/v1/projects?key_monitoring=true&function_class=206&limit=50",
        None,
        None,
    )
    .await;
    let projects = page["items"].as_array().unwrap();
    assert_eq!(projects.len(), 12);
    for p in projects {
        assert_eq!(p["adjusted_budget"], "75000000.00", "{p}");
        let (_, ledger) = send(
            &app,
            &fin,
            "GET",
            &format!(
                "/api/v1/projects/{}/budget-history",
                p["id"].as_str().unwrap()
            ),
            None,
            None,
        )
        .await;
        let kinds: Vec<(&str, &str)> = ledger["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["kind"].as_str().unwrap(), e["amount"].as_str().unwrap()))
            .collect();
        assert_eq!(
            kinds,
            [("initial", "100000000.00"), ("reduce", "-25000000.00")]
        );
    }
    let by_dept = |dept: uuid::Uuid| format!("/api/v1/inspections?department={dept}&limit=100");
    let (_, kj) = send(&app, &fin, "GET", &by_dept(world.dept("jn_kj")), None, None).await;
    assert_eq!(kj["items"].as_array().unwrap().len(), 12);
    let (_, jy) = send(&app, &fin, "GET", &by_dept(world.dept("jn_jy")), None, None).await;
    assert!(jy["items"].as_array().unwrap().is_empty());
    let (_, red) = send(
        &app,
        &fin,
        "GET",
        "/api/v1/inspections?light=red",
        None,
        None,
    )
    .await;
    assert!(
        red["items"].as_array().unwrap().is_empty(),
        "no round, no report light"
    );
    let (_, adjustments) = send(
        &app,
        &fin,
        "GET",
        "/api/v1/adjustments?kind=reduce&limit=100",
        None,
        None,
    )
    .await;
    let total: BigDecimal = adjustments["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| money(&a["amount"]))
        .sum();
    assert_eq!(total, BigDecimal::from_str("300000000.00").unwrap());
    let (_, history) = send(
        &app,
        &fin,
        "GET",
        &format!("/api/v1/projects/{}/key-monitoring", ids[2]),
        None,
        None,
    )
    .await;
    assert_eq!(history["key_monitoring"], true);
    assert_eq!(
        history["inspections"][0]["findings"][0]["category"],
        "idle_funds"
    );
    assert_eq!(
        history["inspections"][0]["findings"][0]["amount"],
        "25000000.00"
    );
    assert_eq!(
        history["inspections"][0]["opinions"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(history["adjustments"][0]["amount"], "25000000.00");
}

#[actix_web::test]
async fn a_reallocation_moves_money_to_the_cent_and_can_be_reversed() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let fin = token(&app, "qd.fin").await;
    let (_, construction) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/projects",
        Some(project(
            "QD-CON-1",
            world.dept("qd_kj"),
            "500000000.00",
            "21201",
        )),
        None,
    )
    .await;
    let (_, livelihood) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/projects",
        Some(project(
            "QD-LIV-1",
            world.dept("qd_kj"),
            "80000000.55",
            "20801",
        )),
        None,
    )
    .await;
    let (c, l) = (
        construction["id"].as_str().unwrap(),
        livelihood["id"].as_str().unwrap(),
    );
    let (status, moved) = send(&app, &fin, "POST", "/api/v1/adjustments", Some(json!({
        "project_id": c, "kind": "reallocate", "amount": "200000000.00", "document_number": "QDCZ-2021-7",
        "destination_project_id": l, "note": "Targets cannot be reached this year"})), None).await;
    assert_eq!(status, 201, "{moved}");
    let budget = |id: &str| {
        let app = &app;
        let fin = fin.clone();
        let id = id.to_owned();
        async move {
            money(
                &send(
                    app,
                    &fin,
                    "GET",
                    &format!("/api/v1/projects/{id}"),
                    None,
                    None,
                )
                .await
                .1["adjusted_budget"],
            )
        }
    };
    assert_eq!(
        budget(c).await,
        BigDecimal::from_str("300000000.00").unwrap()
    );
    assert_eq!(
        budget(l).await,
        BigDecimal::from_str("280000000.55").unwrap()
    );
    assert_eq!(
        budget(c).await + budget(l).await,
        BigDecimal::from_str("580000000.55").unwrap()
    );

    // A described destination needs its function class; suspend and stop take no amount.
    let (status, problem) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/adjustments",
        Some(json!({
        "project_id": c, "kind": "reallocate", "amount": "1.00", "document_number": "X",
        "destination_text": "People's livelihood spending"})),
        None,
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        problem["errors"]["destination_function_class"].is_array(),
        "{problem}"
    );
    let (status, _) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/adjustments",
        Some(json!({
        "project_id": c, "kind": "reallocate", "amount": "1.00", "document_number": "X",
        "destination_text": "People's livelihood spending", "destination_function_class": "208"})),
        None,
    )
    .await;
    assert_eq!(status, 201);
    let (status, problem) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/adjustments",
        Some(json!({
        "project_id": c, "kind": "stop", "amount": "5.00", "document_number": "X"})),
        None,
    )
    .await;
    assert_eq!(status, 422, "{problem}");

    // The reallocation is reversed by a compensating adjustment, once.
    let reverse = json!({"project_id": c, "kind": "reallocate", "amount": "200000000.00",
                         "document_number": "QDCZ-2021-9", "reverses_id": moved["id"]});
    let (status, reversal) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/adjustments",
        Some(reverse.clone()),
        None,
    )
    .await;
    assert_eq!(status, 201, "{reversal}");
    assert_eq!(reversal["destination_project_id"], json!(l));
    assert_eq!(
        budget(c).await,
        BigDecimal::from_str("499999999.00").unwrap()
    );
    assert_eq!(
        budget(l).await,
        BigDecimal::from_str("80000000.55").unwrap()
    );
    assert_eq!(
        send(
            &app,
            &fin,
            "POST",
            "/api/v1/adjustments",
            Some(reverse),
            None
        )
        .await
        .0,
        409
    );

    // Suspending holds disbursement: spending is still taken, with a warning.
    let (_, suspend) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/adjustments",
        Some(json!({"project_id": l, "kind": "suspend", "document_number": "QDCZ-2021-8"})),
        None,
    )
    .await;
    let (_, fed) = send(&app, &fin, "POST", "/api/v1/execution-records", Some(json!({"items": [
        {"project_id": l, "payment_date": "2021-09-01", "amount": "10.00", "external_ref": "S-1"}]})), None).await;
    assert_eq!(fed["items"][0]["status"], "created");
    assert!(
        fed["items"][0]["warning"]
            .as_str()
            .unwrap()
            .contains("suspended"),
        "{fed}"
    );
    let (_, lp) = send(
        &app,
        &fin,
        "GET",
        &format!("/api/v1/projects/{l}"),
        None,
        None,
    )
    .await;
    assert_eq!(lp["status"], "suspended");
    send(&app, &fin, "POST", "/api/v1/adjustments",
        Some(json!({"project_id": l, "kind": "suspend", "document_number": "QDCZ-2021-8R", "reverses_id": suspend["id"]})), None).await;

    // Stopping the project refuses its spending; reversing the stop reopens it.
    let (status, stop) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/adjustments",
        Some(json!({"project_id": c, "kind": "stop", "document_number": "QDCZ-2021-10"})),
        None,
    )
    .await;
    assert_eq!(status, 201, "{stop}");
    let feed = |reference: &str| json!({"items": [{"project_id": c, "payment_date": "2021-09-01", "amount": "10.00", "external_ref": reference}]});
    let (_, fed) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/execution-records",
        Some(feed("T-1")),
        None,
    )
    .await;
    assert_eq!(fed["items"][0]["status"], "rejected", "{fed}");
    send(&app, &fin, "POST", "/api/v1/adjustments",
        Some(json!({"project_id": c, "kind": "stop", "document_number": "QDCZ-2021-11", "reverses_id": stop["id"]})), None).await;
    let (_, fed) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/execution-records",
        Some(feed("T-2")),
        None,
    )
    .await;
    assert_eq!(fed["items"][0]["status"], "created", "{fed}");
}

#[actix_web::test]
async fn no_reduction_below_what_was_spent_and_no_key_monitoring_outside_scope() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let fin = token(&app, "jn.fin").await;
    let (_, p) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/projects",
        Some(project("JN-X", world.dept("jn_kj"), "1000000.00", "20601")),
        None,
    )
    .await;
    let id = p["id"].as_str().unwrap().to_owned();
    send(&app, &fin, "POST", "/api/v1/execution-records", Some(json!({"items": [
        {"project_id": id, "payment_date": "2021-04-01", "amount": "700000.00", "external_ref": "E-1"}]})), None).await;
    let (status, problem) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/adjustments",
        Some(json!({
        "project_id": id, "kind": "recover", "amount": "300000.01", "document_number": "JN-1"})),
        None,
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    let reason = problem["errors"]["amount"][0].as_str().unwrap();
    assert!(
        reason.contains("699999.99") && reason.contains("700000.00"),
        "{reason}"
    );
    let (_, now) = send(
        &app,
        &fin,
        "GET",
        &format!("/api/v1/projects/{id}"),
        None,
        None,
    )
    .await;
    assert_eq!(now["adjusted_budget"], "1000000.00");
    let (_, ledger) = send(
        &app,
        &fin,
        "GET",
        &format!("/api/v1/projects/{id}/budget-history"),
        None,
        None,
    )
    .await;
    assert_eq!(ledger["items"].as_array().unwrap().len(), 1);
    let (status, _) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/adjustments",
        Some(json!({
        "project_id": id, "kind": "recover", "amount": "300000.00", "document_number": "JN-2"})),
        None,
    )
    .await;
    assert_eq!(status, 201);

    let (_, inspection) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/inspections",
        Some(json!({"project_id": id})),
        None,
    )
    .await;
    let iid = inspection["id"].as_str().unwrap().to_owned();
    let officer = token(&app, "jn.kj").await;
    assert_eq!(
        send(
            &app,
            &officer,
            "POST",
            "/api/v1/inspections",
            Some(json!({"project_id": id})),
            None
        )
        .await
        .0,
        403
    );
    assert_eq!(
        send(
            &app,
            &officer,
            "POST",
            &format!("/api/v1/inspections/{iid}/findings"),
            Some(json!({"category": "other", "description": "x", "severity": "low"})),
            None
        )
        .await
        .0,
        403
    );
    assert_eq!(send(&app, &officer, "POST", "/api/v1/adjustments",
        Some(json!({"project_id": id, "kind": "increase", "amount": "1.00", "document_number": "X"})), None).await.0, 403);
    assert_eq!(
        send(
            &app,
            &officer,
            "GET",
            &format!("/api/v1/inspections/{iid}"),
            None,
            None
        )
        .await
        .0,
        200,
        "its own project"
    );

    let qd = token(&app, "qd.fin").await;
    assert_eq!(
        send(
            &app,
            &qd,
            "GET",
            &format!("/api/v1/inspections/{iid}"),
            None,
            None
        )
        .await
        .0,
        404
    );
    assert_eq!(
        send(
            &app,
            &qd,
            "POST",
            &format!("/api/v1/inspections/{iid}/findings"),
            Some(json!({"category": "other", "description": "x", "severity": "low"})),
            None
        )
        .await
        .0,
        404
    );
    assert_eq!(send(&app, &qd, "POST", "/api/v1/adjustments",
        Some(json!({"project_id": id, "kind": "increase", "amount": "1.00", "document_number": "X"})), None).await.0, 422);
    assert_eq!(
        send(
            &app,
            &qd,
            "GET",
            &format!("/api/v1/projects/{id}/key-monitoring"),
            None,
            None
        )
        .await
        .0,
        404
    );
    for list in [
        "/api/v1/inspections",
        "/api/v1/adjustments",
        "/api/v1/rectifications",
    ] {
        let (_, page) = send(&app, &qd, "GET", list, None, None).await;
        assert!(page["items"].as_array().unwrap().is_empty(), "{list}");
    }
    let sibling = token(&app, "jn.jy").await;
    let (_, page) = send(&app, &sibling, "GET", "/api/v1/inspections", None, None).await;
    assert!(page["items"].as_array().unwrap().is_empty());
}

#[actix_web::test]
async fn rectifications_turn_yellow_then_red_and_rejected_answers_go_back() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let fin = token(&app, "jn.fin").await;
    let (_, p) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/projects",
        Some(project("JN-R", world.dept("jn_kj"), "1000.00", "20601")),
        None,
    )
    .await;
    let (_, inspection) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/inspections",
        Some(json!({"project_id": p["id"]})),
        None,
    )
    .await;
    let (_, finding) = send(&app, &fin, "POST", &format!("/api/v1/inspections/{}/findings", inspection["id"].as_str().unwrap()),
        Some(json!({"category": "slow_progress", "description": "Milestones missed", "severity": "medium"})), None).await;
    let today = chrono::Utc::now().date_naive();
    let order = |days: i64| {
        json!({"finding_id": finding["id"], "requirement": "Publish a recovery plan",
                                   "deadline": (today + chrono::Duration::days(days)).to_string(), "warning_days": 7})
    };
    let (_, far) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/rectifications",
        Some(order(30)),
        None,
    )
    .await;
    let (_, near) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/rectifications",
        Some(order(3)),
        None,
    )
    .await;
    let (status, past) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/rectifications",
        Some(order(-2)),
        None,
    )
    .await;
    assert_eq!(status, 201, "{past}");
    assert_eq!(
        (far["light"].as_str(), far["overdue"].as_bool()),
        (Some("none"), Some(false))
    );
    assert_eq!(
        (near["light"].as_str(), near["overdue"].as_bool()),
        (Some("yellow"), Some(false))
    );
    assert_eq!(
        (past["light"].as_str(), past["overdue"].as_bool()),
        (Some("red"), Some(true))
    );
    assert_eq!(past["department_id"], json!(world.dept("jn_kj")));

    let officer = token(&app, "jn.kj").await;
    let (_, mine) = send(
        &app,
        &officer,
        "GET",
        "/api/v1/rectifications?overdue=true",
        None,
        None,
    )
    .await;
    assert_eq!(mine["items"].as_array().unwrap().len(), 1);
    let (_, soon) = send(
        &app,
        &officer,
        "GET",
        "/api/v1/rectifications?due_within=7",
        None,
        None,
    )
    .await;
    assert_eq!(soon["items"].as_array().unwrap().len(), 2);
    let uri = format!("/api/v1/rectifications/{}", past["id"].as_str().unwrap());
    assert_eq!(
        send(
            &app,
            &fin,
            "POST",
            &format!("{uri}/verify"),
            Some(json!({"accept": true})),
            None
        )
        .await
        .0,
        409,
        "nothing to verify yet"
    );
    assert_eq!(
        send(
            &app,
            &fin,
            "POST",
            &format!("{uri}/response"),
            Some(json!({"response": "x"})),
            None
        )
        .await
        .0,
        403
    );
    let sibling = token(&app, "jn.jy").await;
    assert_eq!(
        send(
            &app,
            &sibling,
            "POST",
            &format!("{uri}/response"),
            Some(json!({"response": "x"})),
            None
        )
        .await
        .0,
        404
    );

    // Answered late: still overdue and red until accepted.
    let (status, answered) = send(
        &app,
        &officer,
        "POST",
        &format!("{uri}/response"),
        Some(json!({"response": "Plan drafted"})),
        None,
    )
    .await;
    assert_eq!(status, 200, "{answered}");
    assert_eq!(
        (
            answered["status"].as_str(),
            answered["light"].as_str(),
            answered["overdue"].as_bool()
        ),
        (Some("answered"), Some("red"), Some(true))
    );
    assert_eq!(
        send(
            &app,
            &fin,
            "POST",
            &format!("{uri}/verify"),
            Some(json!({"accept": false})),
            None
        )
        .await
        .0,
        422
    );
    let (status, rejected) = send(
        &app,
        &fin,
        "POST",
        &format!("{uri}/verify"),
        Some(json!({"accept": false, "comment": "The plan has no dates"})),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        rejected["status"], "open",
        "a rejected answer goes back to the department"
    );
    send(
        &app,
        &officer,
        "POST",
        &format!("{uri}/response"),
        Some(json!({"response": "Plan with dates published"})),
        None,
    )
    .await;
    let (status, accepted) = send(
        &app,
        &fin,
        "POST",
        &format!("{uri}/verify"),
        Some(json!({"accept": true, "comment": "Fine"})),
        None,
    )
    .await;
    assert_eq!(status, 200, "{accepted}");
    assert_eq!(
        (
            accepted["status"].as_str(),
            accepted["light"].as_str(),
            accepted["overdue"].as_bool()
        ),
        (Some("accepted"), Some("none"), Some(false))
    );
    let steps: Vec<(&str, &str)> = accepted["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["from"].as_str().unwrap(), e["to"].as_str().unwrap()))
        .collect();
    assert_eq!(
        steps,
        [
            ("open", "answered"),
            ("answered", "open"),
            ("open", "answered"),
            ("answered", "accepted")
        ]
    );
}

#[actix_web::test]
async fn key_monitoring_of_a_secret_project_stays_hidden_from_region_scopes() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let admin = token(&app, "admin").await;
    let (status, p) = send(
        &app,
        &admin,
        "POST",
        "/api/v1/projects",
        Some(project(
            "JN-SECRET-1",
            world.dept("jn_secret"),
            "5000000.00",
            "204",
        )),
        None,
    )
    .await;
    assert_eq!(status, 201, "{p}");
    let pid = p["id"].as_str().unwrap();
    let (status, inspection) = send(
        &app,
        &admin,
        "POST",
        "/api/v1/inspections",
        Some(json!({"project_id": pid})),
        None,
    )
    .await;
    assert_eq!(status, 201, "{inspection}");
    let iid = inspection["id"].as_str().unwrap();
    let (status, finding) = send(
        &app,
        &admin,
        "POST",
        &format!("/api/v1/inspections/{iid}/findings"),
        Some(json!({"category": "other", "description": "Secret finding", "severity": "low"})),
        None,
    )
    .await;
    assert_eq!(status, 201, "{finding}");
    let fid = finding["id"].as_str().unwrap();
    let (status, task) = send(
        &app,
        &admin,
        "POST",
        "/api/v1/rectifications",
        Some(json!({"finding_id": fid, "requirement": "Fix it", "deadline": "2031-12-31"})),
        None,
    )
    .await;
    assert_eq!(status, 201, "{task}");
    let tid = task["id"].as_str().unwrap();
    let (status, adjustment) = send(
        &app,
        &admin,
        "POST",
        "/api/v1/adjustments",
        Some(json!({"project_id": pid, "kind": "suspend", "document_number": "S-1"})),
        None,
    )
    .await;
    assert_eq!(status, 201, "{adjustment}");
    let aid = adjustment["id"].as_str().unwrap();

    for user in ["jn.fin", "jn.aud", "sd.fin"] {
        let t = token(&app, user).await;
        for list in [
            "/api/v1/inspections",
            "/api/v1/rectifications",
            "/api/v1/adjustments",
        ] {
            let (status, page) = send(&app, &t, "GET", list, None, None).await;
            assert_eq!(status, 200);
            assert!(
                page["items"].as_array().unwrap().is_empty(),
                "{user} {list}: {page}"
            );
        }
        for one in [
            format!("/api/v1/inspections/{iid}"),
            format!("/api/v1/findings/{fid}"),
            format!("/api/v1/rectifications/{tid}"),
            format!("/api/v1/adjustments/{aid}"),
        ] {
            let (status, _) = send(&app, &t, "GET", &one, None, None).await;
            assert_eq!(status, 404, "{user} {one}");
        }
    }
    // The secret department's own officer still sees its project's records.
    let own = token(&app, "jn.secret").await;
    let (status, _) = send(
        &app,
        &own,
        "GET",
        &format!("/api/v1/inspections/{iid}"),
        None,
        None,
    )
    .await;
    assert_eq!(status, 200);
    let (_, page) = send(&app, &own, "GET", "/api/v1/rectifications", None, None).await;
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
}
