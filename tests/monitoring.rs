//! Dual monitoring through the HTTP API: rounds, spending records, pre-filled reports and the
//! submit / return / approve workflow.

mod common;

use actix_web::test::{TestRequest, call_service, read_body};
use common::world::{World, seed, send, token};
use common::{TestDb, app, state_for};
use serde_json::{Value, json};

fn project(code: &str, department: uuid::Uuid, budget: &str) -> Value {
    json!({
        "code": code, "name": format!("Project {code}"), "department_id": department,
        "fiscal_year": 2021, "function_class": "20601",
        "fund_sources": {"municipal": budget}, "initial_budget": budget
    })
}

struct Setup {
    db: TestDb,
    world: World,
}

fn setup() -> Setup {
    let db = TestDb::new();
    let world = seed(&db);
    Setup { db, world }
}

/// Creates a monitored project with two indicators: an accruing output (>= 120 enterprises,
/// weight 60) and a fixed effect (<= 30 minutes, weight 30). Returns its id.
async fn ready_project<S>(app: &S, fin: &str, code: &str, dept: uuid::Uuid) -> String
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let (status, p) = send(
        app,
        fin,
        "POST",
        "/api/v1/projects",
        Some(project(code, dept, "3000000.00")),
        None,
    )
    .await;
    assert_eq!(status, 201, "{p}");
    let id = p["id"].as_str().unwrap().to_owned();
    let uri = format!("/api/v1/projects/{id}/indicators");
    for body in [
        json!({"level1": "output", "level2": "quantity", "name": "Enterprises supported", "comparator": ">=",
               "target_value": "120", "unit": "enterprises", "weight": "60"}),
        json!({"level1": "effect", "level2": "social", "name": "Service response time", "comparator": "<=",
               "target_value": "30", "unit": "minutes", "weight": "30", "accrues": false}),
    ] {
        let (status, b) = send(app, fin, "POST", &uri, Some(body), None).await;
        assert_eq!(status, 201, "{b}");
    }
    id
}

fn round_body(cutoff: &str, due: &str) -> Value {
    json!({"region_code": "370100", "fiscal_year": 2021, "name": format!("Jinan 2021 to {cutoff}"),
           "cutoff_date": cutoff, "open_date": "2021-08-01", "due_date": due, "warning_days": 5})
}

fn record(project: &str, date: &str, amount: &str, reference: &str) -> Value {
    json!({"project_id": project, "payment_date": date, "amount": amount, "external_ref": reference})
}

fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default()
}

#[actix_web::test]
async fn a_report_goes_from_prefill_to_approval() {
    let Setup { db, world } = setup();
    let app = app(state_for(&db)).await;
    let fin = token(&app, "jn.fin").await;
    let admin = token(&app, "admin").await;
    let p1 = ready_project(&app, &fin, "JN-MON-1", world.dept("jn_kj")).await;
    // A classified project and a project without indicators get no report.
    let mut secret = project("JN-SECRET", world.dept("jn_kj"), "100.00");
    secret["classified"] = json!(true);
    assert_eq!(
        send(&app, &admin, "POST", "/api/v1/projects", Some(secret), None)
            .await
            .0,
        201
    );
    let (_, unready) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/projects",
        Some(project("JN-EMPTY", world.dept("jn_kj"), "100.00")),
        None,
    )
    .await;
    let mut stopped = project("JN-STOPPED", world.dept("jn_kj"), "100.00");
    stopped["status"] = json!("stopped");
    let (_, stopped) = send(&app, &fin, "POST", "/api/v1/projects", Some(stopped), None).await;

    let (status, round) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/rounds",
        Some(round_body("2021-07-31", "2021-08-20")),
        None,
    )
    .await;
    assert_eq!(status, 201, "{round}");
    assert_eq!(round["status"], "planned");
    assert_eq!(round["time_progress"], "58.33");
    let round_id = round["id"].as_str().unwrap().to_owned();

    let (status, opened) = send(
        &app,
        &fin,
        "POST",
        &format!("/api/v1/rounds/{round_id}/open"),
        None,
        None,
    )
    .await;
    assert_eq!(status, 200, "{opened}");
    assert_eq!(opened["created"], 1);
    assert_eq!(opened["round"]["status"], "open");
    let not_ready = opened["not_ready"].as_array().unwrap();
    assert_eq!(not_ready.len(), 1);
    assert_eq!(not_ready[0]["project_id"], unready["id"]);
    assert!(
        not_ready[0]["reasons"][0]
            .as_str()
            .unwrap()
            .contains("no performance indicators")
    );
    // Opening again creates nothing twice.
    let (_, again) = send(
        &app,
        &fin,
        "POST",
        &format!("/api/v1/rounds/{round_id}/open"),
        None,
        None,
    )
    .await;
    assert_eq!(
        (again["created"].as_i64(), again["existing"].as_i64()),
        (Some(0), Some(1))
    );

    // Spending arrives: before and after the cut-off, a refund, a resent record, a conflict.
    let batch = json!({"items": [
        record(&p1, "2021-03-10", "1000000.00", "GK-001"),
        record(&p1, "2021-06-30", "500000.00", "GK-002"),
        record(&p1, "2021-08-15", "700000.00", "GK-003"),
        record(&p1, "2021-05-01", "-100000.00", "GK-004"),
        record(&p1, "2021-03-10", "1000000.00", "GK-001"),
        record(&p1, "2021-06-30", "600000.00", "GK-002"),
        record(stopped["id"].as_str().unwrap(), "2021-03-01", "10.00", "GK-100"),
        record(&p1, "2020-12-31", "10.00", "GK-005"),
        {"region_code": "370100", "fiscal_year": 2021, "project_code": "JN-MON-1", "payment_date": "2021-07-31", "amount": "1.50", "external_ref": "GK-006"},
    ]});
    let (status, fed) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/execution-records",
        Some(batch),
        None,
    )
    .await;
    assert_eq!(status, 200, "{fed}");
    let statuses: Vec<&str> = fed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        [
            "created",
            "created",
            "created",
            "created",
            "duplicate",
            "rejected",
            "rejected",
            "rejected",
            "created"
        ]
    );
    assert!(
        fed["items"][6]["errors"]["project_id"][0]
            .as_str()
            .unwrap()
            .contains("stopped")
    );
    assert_eq!(
        fed["summary"],
        json!({"received": 9, "created": 5, "duplicate": 1, "rejected": 3, "not_processed": 0})
    );

    // The department sees its pre-filled report.
    let officer = token(&app, "jn.kj").await;
    let (_, list) = send(
        &app,
        &officer,
        "GET",
        &format!("/api/v1/rounds/{round_id}/reports"),
        None,
        None,
    )
    .await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    let report_id = list["items"][0]["id"].as_str().unwrap().to_owned();
    let uri = format!("/api/v1/reports/{report_id}");
    let (status, report) = send(&app, &officer, "GET", &uri, None, None).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["budget"]["adjusted_budget"], "3000000.00");
    assert_eq!(
        report["budget"]["executed_amount"], "1400001.50",
        "up to the cut-off, refund subtracted, resent once"
    );
    assert_eq!(report["budget"]["execution_rate"], "46.67");
    assert_eq!(report["budget"]["time_progress"], "58.33");
    assert_eq!(report["indicators"][0]["expected_value"], "69.996");
    assert_eq!(report["indicators"][1]["expected_value"], "30");
    for field in [
        "adjusted_budget",
        "executed_amount",
        "execution_rate",
        "time_progress",
    ] {
        assert!(
            report["system_filled"]
                .as_array()
                .unwrap()
                .contains(&json!(field)),
            "{field}"
        );
    }
    assert_ne!(report["system_filled_share"], "0.00");
    // The system proposes the full-year execution at the pace of spending so far (1,400,001.50
    // at 58.33 % of the year) and drafts the goal progress; without actual values it proposes
    // no indicator forecast or likelihood.
    assert_eq!(report["budget"]["forecast_execution"], "2400139.72");
    assert_eq!(report["budget"]["forecast_method"], "spending_pace");
    assert!(
        report["narrative"]["goal_progress"]
            .as_str()
            .unwrap()
            .starts_with("截至7月31日，监控指标2个，已报完成值0个"),
        "{}",
        report["narrative"]
    );
    assert_eq!(report["indicators"][0]["forecast_value"], Value::Null);

    // Incomplete: refused with every missing item.
    let (status, problem) =
        send(&app, &officer, "POST", &format!("{uri}/submit"), None, None).await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(
        fields(&problem),
        [
            "indicators[0].actual_value",
            "indicators[0].forecast_value",
            "indicators[0].likelihood",
            "indicators[1].actual_value",
            "indicators[1].forecast_value",
            "indicators[1].likelihood",
        ]
    );
    let row = |i: usize| report["indicators"][i]["id"].clone();
    let version = |r: &Value| format!("\"{}\"", r["version"]);
    let fill = |behind_explained: bool| {
        json!({
            "forecast_execution": "2900000.00",
            "goal_progress": "Support reached 50 enterprises; the autumn batch is being assessed",
            "indicators": [
                if behind_explained {
                    json!({"id": row(0), "actual_value": "50", "forecast_value": "120", "likelihood": "possible",
                           "deviation_reasons": ["staffing"], "deviation_note": "Two assessors left",
                           "corrective_measures": "Outsourced assessment from August"})
                } else {
                    json!({"id": row(0), "actual_value": "50", "forecast_value": "120", "likelihood": "possible"})
                },
                {"id": row(1), "actual_value": "25", "forecast_value": "25", "likelihood": "certain"}
            ]
        })
    };
    let (status, filled) = send(
        &app,
        &officer,
        "PUT",
        &uri,
        Some(fill(false)),
        Some(&version(&report)),
    )
    .await;
    assert_eq!(status, 200, "{filled}");
    assert_eq!(filled["indicators"][0]["behind"], true);
    assert_eq!(filled["indicators"][1]["behind"], false);
    let (status, problem) =
        send(&app, &officer, "POST", &format!("{uri}/submit"), None, None).await;
    assert_eq!(status, 422);
    assert_eq!(
        fields(&problem),
        [
            "indicators[0].corrective_measures",
            "indicators[0].deviation_reasons"
        ]
    );
    // System fields cannot be written.
    let mut sneaky = fill(true);
    sneaky["executed_amount"] = json!("3000000.00");
    assert_eq!(
        send(
            &app,
            &officer,
            "PUT",
            &uri,
            Some(sneaky),
            Some(&version(&filled))
        )
        .await
        .0,
        422
    );

    let (status, filled) = send(
        &app,
        &officer,
        "PUT",
        &uri,
        Some(fill(true)),
        Some(&version(&filled)),
    )
    .await;
    assert_eq!(status, 200, "{filled}");
    let (status, submitted) =
        send(&app, &officer, "POST", &format!("{uri}/submit"), None, None).await;
    assert_eq!(status, 200, "{submitted}");
    assert_eq!(submitted["status"], "submitted");
    assert_eq!(submitted["late"], true, "the due date was 2021-08-20");
    assert_eq!(
        send(
            &app,
            &officer,
            "PUT",
            &uri,
            Some(fill(true)),
            Some(&version(&submitted))
        )
        .await
        .0,
        409
    );

    // Only the finance department of the project's area reviews it.
    let qingdao = token(&app, "qd.fin").await;
    assert_eq!(
        send(
            &app,
            &qingdao,
            "POST",
            &format!("{uri}/approve"),
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
            &officer,
            "POST",
            &format!("{uri}/approve"),
            None,
            None
        )
        .await
        .0,
        403
    );
    let sibling = token(&app, "jn.jy").await;
    assert_eq!(send(&app, &sibling, "GET", &uri, None, None).await.0, 404);
    let (_, sibling_list) = send(
        &app,
        &sibling,
        "GET",
        &format!("/api/v1/rounds/{round_id}/reports"),
        None,
        None,
    )
    .await;
    assert!(sibling_list["items"].as_array().unwrap().is_empty());

    let (status, problem) = send(
        &app,
        &fin,
        "POST",
        &format!("{uri}/return"),
        Some(json!({"comment": " "})),
        None,
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    let (status, returned) = send(
        &app,
        &fin,
        "POST",
        &format!("{uri}/return"),
        Some(json!({"comment": "Explain the response-time forecast"})),
        None,
    )
    .await;
    assert_eq!(status, 200, "{returned}");
    assert_eq!(returned["status"], "returned");

    let mut fixed = fill(true);
    fixed["construction"] = json!("Response time measured at 25 minutes on average since May");
    let (status, fixed) = send(
        &app,
        &officer,
        "PUT",
        &uri,
        Some(fixed),
        Some(&version(&returned)),
    )
    .await;
    assert_eq!(status, 200, "{fixed}");
    assert_eq!(
        send(&app, &officer, "POST", &format!("{uri}/submit"), None, None)
            .await
            .0,
        200
    );
    // The comment is optional, but a body that is there must be right: a misspelt field or
    // broken JSON approves nothing.
    let (status, problem) = send(
        &app,
        &fin,
        "POST",
        &format!("{uri}/approve"),
        Some(json!({"coment": "fine"})),
        None,
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    let broken = actix_web::test::TestRequest::post()
        .uri(&format!("{uri}/approve"))
        .insert_header(("authorization", format!("Bearer {fin}")))
        .insert_header(("content-type", "application/json"))
        .set_payload("{\"comment\": ")
        .to_request();
    let res = actix_web::test::call_service(&app, broken).await;
    assert_eq!(res.status().as_u16(), 400);
    let (_, still) = send(&app, &fin, "GET", &uri, None, None).await;
    assert_eq!(still["status"], "submitted");

    let (status, approved) = send(&app, &fin, "POST", &format!("{uri}/approve"), None, None).await;
    assert_eq!(status, 200, "{approved}");
    assert_eq!(approved["status"], "approved");
    assert_eq!(
        send(
            &app,
            &officer,
            "PUT",
            &uri,
            Some(fill(true)),
            Some(&version(&approved))
        )
        .await
        .0,
        409
    );
    assert_eq!(
        send(
            &app,
            &fin,
            "POST",
            &format!("{uri}/return"),
            Some(json!({"comment": "again"})),
            None
        )
        .await
        .0,
        409
    );

    let history: Vec<(String, String, String)> = approved["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["from"].as_str().unwrap().into(),
                t["to"].as_str().unwrap().into(),
                t["actor_name"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        history,
        [
            ("draft".into(), "submitted".into(), "jn.kj".into()),
            ("submitted".into(), "returned".into(), "jn.fin".into()),
            ("returned".into(), "submitted".into(), "jn.kj".into()),
            ("submitted".into(), "approved".into(), "jn.fin".into()),
        ]
    );
    assert_eq!(
        approved["history"][1]["comment"],
        "Explain the response-time forecast"
    );

    // The list as CSV, for the finance office.
    let res = call_service(
        &app,
        TestRequest::get()
            .uri(&format!(
                "/api/v1/rounds/{round_id}/reports?status=approved"
            ))
            .insert_header(("authorization", format!("Bearer {fin}")))
            .insert_header(("accept", "text/csv"))
            .to_request(),
    )
    .await;
    assert_eq!(res.status().as_u16(), 200);
    let csv = String::from_utf8(read_body(res).await.to_vec()).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 2, "{csv}");
    assert!(
        lines[1].contains("JN-MON-1")
            && lines[1].contains(",approved,true,")
            && lines[1].contains(",3000000.00,1400001.50,46.67,yellow,")
            && lines[1].ends_with(&format!(",{round_id},{p1},{}", world.dept("jn_kj"))),
        "{csv}"
    );
}

#[actix_web::test]
async fn concurrent_edits_of_a_report_lose_nothing() {
    let Setup { db, world } = setup();
    let app = app(state_for(&db)).await;
    let fin = token(&app, "jn.fin").await;
    ready_project(&app, &fin, "JN-MON-2", world.dept("jn_kj")).await;
    let (_, round) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/rounds",
        Some(round_body("2021-07-31", "2031-12-31")),
        None,
    )
    .await;
    let round_id = round["id"].as_str().unwrap();
    send(
        &app,
        &fin,
        "POST",
        &format!("/api/v1/rounds/{round_id}/open"),
        None,
        None,
    )
    .await;
    let officer = token(&app, "jn.kj").await;
    let (_, list) = send(
        &app,
        &officer,
        "GET",
        &format!("/api/v1/rounds/{round_id}/reports"),
        None,
        None,
    )
    .await;
    let uri = format!(
        "/api/v1/reports/{}",
        list["items"][0]["id"].as_str().unwrap()
    );
    let (_, report) = send(&app, &officer, "GET", &uri, None, None).await;
    let tag = format!("\"{}\"", report["version"]);
    let a = send(
        &app,
        &officer,
        "PUT",
        &uri,
        Some(json!({"goal_progress": "version A"})),
        Some(&tag),
    );
    let b = send(
        &app,
        &officer,
        "PUT",
        &uri,
        Some(json!({"goal_progress": "version B"})),
        Some(&tag),
    );
    let ((sa, ba), (sb, bb)) = tokio::join!(a, b);
    let mut statuses = [sa, sb];
    statuses.sort();
    assert_eq!(statuses, [200, 412], "{ba} / {bb}");
    let (_, now) = send(&app, &officer, "GET", &uri, None, None).await;
    let winner = if sa == 200 { "version A" } else { "version B" };
    assert_eq!(now["narrative"]["goal_progress"], winner);
}

#[actix_web::test]
async fn rounds_are_scoped_and_closing_freezes_reports() {
    let Setup { db, world } = setup();
    let app = app(state_for(&db)).await;
    let fin = token(&app, "jn.fin").await;
    let project_id = ready_project(&app, &fin, "JN-MON-3", world.dept("jn_kj_unit")).await;
    let sd = token(&app, "sd.fin").await;
    // The province runs a round covering Jinan; Jinan can read it but not run it.
    let mut provincial = round_body("2021-06-30", "2031-12-31");
    provincial["region_code"] = json!("370000");
    let (status, round) = send(
        &app,
        &sd,
        "POST",
        "/api/v1/rounds",
        Some(provincial.clone()),
        None,
    )
    .await;
    assert_eq!(status, 201, "{round}");
    let round_id = round["id"].as_str().unwrap().to_owned();
    assert_eq!(
        send(&app, &fin, "POST", "/api/v1/rounds", Some(provincial), None)
            .await
            .0,
        422
    );
    assert_eq!(
        send(
            &app,
            &fin,
            "GET",
            &format!("/api/v1/rounds/{round_id}"),
            None,
            None
        )
        .await
        .0,
        200
    );
    assert_eq!(
        send(
            &app,
            &fin,
            "POST",
            &format!("/api/v1/rounds/{round_id}/open"),
            None,
            None
        )
        .await
        .0,
        403
    );
    let officer = token(&app, "jn.kj").await;
    assert_eq!(
        send(
            &app,
            &officer,
            "POST",
            &format!("/api/v1/rounds/{round_id}/open"),
            None,
            None
        )
        .await
        .0,
        403
    );
    let (status, opened) = send(
        &app,
        &sd,
        "POST",
        &format!("/api/v1/rounds/{round_id}/open"),
        None,
        None,
    )
    .await;
    assert_eq!(status, 200, "{opened}");
    assert_eq!(opened["created"], 1);
    let qd = token(&app, "qd.fin").await;
    let (_, qd_reports) = send(
        &app,
        &qd,
        "GET",
        &format!("/api/v1/rounds/{round_id}/reports"),
        None,
        None,
    )
    .await;
    assert!(qd_reports["items"].as_array().unwrap().is_empty());

    // A department officer may not move the goalposts of a running round; finance may.
    let (_, indicators) = send(
        &app,
        &officer,
        "GET",
        &format!("/api/v1/projects/{project_id}/indicators"),
        None,
        None,
    )
    .await;
    let ind = format!(
        "/api/v1/indicators/{}",
        indicators["items"][0]["id"].as_str().unwrap()
    );
    assert_eq!(
        send(
            &app,
            &officer,
            "PATCH",
            &ind,
            Some(json!({"target_value": "100"})),
            Some("\"1\"")
        )
        .await
        .0,
        403
    );
    let (status, _) = send(
        &app,
        &fin,
        "PATCH",
        &ind,
        Some(json!({"target_value": "100"})),
        Some("\"1\""),
    )
    .await;
    assert_eq!(status, 200);
    let (_, list) = send(
        &app,
        &officer,
        "GET",
        &format!("/api/v1/rounds/{round_id}/reports"),
        None,
        None,
    )
    .await;
    let uri = format!(
        "/api/v1/reports/{}",
        list["items"][0]["id"].as_str().unwrap()
    );
    let (_, report) = send(&app, &officer, "GET", &uri, None, None).await;
    assert_eq!(report["indicators"][0]["target_value"], "100");
    assert_eq!(
        report["indicators"][0]["expected_value"], "50",
        "100 × 50.00% at a June cut-off"
    );

    // Department reports: one for the unit's department, with totals.
    let (status, dept_reports) = send(
        &app,
        &officer,
        "GET",
        &format!("/api/v1/rounds/{round_id}/department-reports"),
        None,
        None,
    )
    .await;
    assert_eq!(status, 200, "{dept_reports}");
    let dept_reports = dept_reports["items"].as_array().unwrap();
    assert_eq!(dept_reports.len(), 1);
    assert_eq!(dept_reports[0]["department_code"], "KJJ-01");
    assert_eq!(dept_reports[0]["adjusted_budget"], "3000000.00");
    assert_eq!(
        dept_reports[0]["reports_by_status"],
        json!([{"status": "draft", "count": 1}])
    );
    let dept_uri = format!(
        "/api/v1/department-reports/{}",
        dept_reports[0]["id"].as_str().unwrap()
    );
    assert_eq!(
        send(
            &app,
            &officer,
            "POST",
            &format!("{dept_uri}/submit"),
            None,
            None
        )
        .await
        .0,
        422
    );
    let tag = format!("\"{}\"", dept_reports[0]["version"]);
    let (status, _) = send(
        &app,
        &officer,
        "PUT",
        &dept_uri,
        Some(json!({"summary": "Vouchers on track"})),
        Some(&tag),
    )
    .await;
    assert_eq!(status, 200);
    let (status, submitted) = send(
        &app,
        &officer,
        "POST",
        &format!("{dept_uri}/submit"),
        None,
        None,
    )
    .await;
    assert_eq!(status, 200, "{submitted}");
    assert_eq!(
        send(
            &app,
            &qd,
            "POST",
            &format!("{dept_uri}/approve"),
            None,
            None
        )
        .await
        .0,
        404
    );
    let (status, approved) = send(
        &app,
        &fin,
        "POST",
        &format!("{dept_uri}/approve"),
        None,
        None,
    )
    .await;
    assert_eq!(status, 200, "{approved}");
    assert_eq!(approved["history"].as_array().unwrap().len(), 2);

    assert_eq!(
        send(
            &app,
            &fin,
            "POST",
            &format!("/api/v1/rounds/{round_id}/close"),
            None,
            None
        )
        .await
        .0,
        403
    );
    let (status, closed) = send(
        &app,
        &sd,
        "POST",
        &format!("/api/v1/rounds/{round_id}/close"),
        None,
        None,
    )
    .await;
    assert_eq!(status, 200, "{closed}");
    assert_eq!(closed["status"], "closed");
    let (_, report) = send(&app, &officer, "GET", &uri, None, None).await;
    let tag = format!("\"{}\"", report["version"]);
    assert_eq!(
        send(
            &app,
            &officer,
            "PUT",
            &uri,
            Some(json!({"goal_progress": "late edit"})),
            Some(&tag)
        )
        .await
        .0,
        409
    );
    assert_eq!(
        send(&app, &officer, "POST", &format!("{uri}/submit"), None, None)
            .await
            .0,
        409
    );
    assert_eq!(
        send(
            &app,
            &sd,
            "POST",
            &format!("/api/v1/rounds/{round_id}/open"),
            None,
            None
        )
        .await
        .0,
        409
    );
}

#[actix_web::test]
async fn the_next_round_starts_from_the_last_ones_values() {
    let Setup { db, world } = setup();
    let app = app(state_for(&db)).await;
    let fin = token(&app, "jn.fin").await;
    ready_project(&app, &fin, "JN-MON-4", world.dept("jn_kj")).await;
    let (_, first) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/rounds",
        Some(round_body("2021-06-30", "2031-12-31")),
        None,
    )
    .await;
    let first_id = first["id"].as_str().unwrap();
    send(
        &app,
        &fin,
        "POST",
        &format!("/api/v1/rounds/{first_id}/open"),
        None,
        None,
    )
    .await;
    let officer = token(&app, "jn.kj").await;
    let (_, list) = send(
        &app,
        &officer,
        "GET",
        &format!("/api/v1/rounds/{first_id}/reports"),
        None,
        None,
    )
    .await;
    let uri = format!(
        "/api/v1/reports/{}",
        list["items"][0]["id"].as_str().unwrap()
    );
    let (_, report) = send(&app, &officer, "GET", &uri, None, None).await;
    let derived_only_share: f64 = report["system_filled_share"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let body = json!({"forecast_execution": "2800000.00", "goal_progress": "On plan",
        "indicators": [{"id": report["indicators"][0]["id"], "actual_value": "70", "forecast_value": "120", "likelihood": "certain"}]});
    let (status, _) = send(
        &app,
        &officer,
        "PUT",
        &uri,
        Some(body),
        Some(&format!("\"{}\"", report["version"])),
    )
    .await;
    assert_eq!(status, 200);

    let (_, second) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/rounds",
        Some(round_body("2021-09-30", "2031-12-31")),
        None,
    )
    .await;
    let second_id = second["id"].as_str().unwrap();
    send(
        &app,
        &fin,
        "POST",
        &format!("/api/v1/rounds/{second_id}/open"),
        None,
        None,
    )
    .await;
    let (_, list) = send(
        &app,
        &officer,
        "GET",
        &format!("/api/v1/rounds/{second_id}/reports"),
        None,
        None,
    )
    .await;
    let uri2 = format!(
        "/api/v1/reports/{}",
        list["items"][0]["id"].as_str().unwrap()
    );
    let (_, carried) = send(&app, &officer, "GET", &uri2, None, None).await;
    assert_eq!(carried["budget"]["forecast_execution"], "2800000.00");
    assert_eq!(carried["narrative"]["goal_progress"], "On plan");
    assert_eq!(carried["indicators"][0]["actual_value"], "70");
    assert_eq!(carried["budget"]["time_progress"], "75.00");
    let filled = carried["system_filled"].as_array().unwrap();
    assert!(filled.contains(&json!("goal_progress")), "{filled:?}");
    let share: f64 = carried["system_filled_share"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        share > derived_only_share,
        "{share} vs {derived_only_share}"
    );

    // Changing a carried value makes it the department's own.
    let body = json!({"forecast_execution": "2800000.00", "goal_progress": "Ahead of plan"});
    let (_, edited) = send(
        &app,
        &officer,
        "PUT",
        &uri2,
        Some(body),
        Some(&format!("\"{}\"", carried["version"])),
    )
    .await;
    let filled = edited["system_filled"].as_array().unwrap();
    assert!(!filled.contains(&json!("goal_progress")));
    assert!(filled.contains(&json!("forecast_execution")));
}

#[actix_web::test]
async fn spending_records_and_reports_stay_within_scope() {
    let Setup { db, world } = setup();
    let app = app(state_for(&db)).await;
    let fin = token(&app, "jn.fin").await;
    let jn_project = ready_project(&app, &fin, "JN-MON-5", world.dept("jn_kj")).await;
    let qd = token(&app, "qd.fin").await;
    let (_, qd_project) = send(
        &app,
        &qd,
        "POST",
        "/api/v1/projects",
        Some(project("QD-MON-1", world.dept("qd_kj"), "10.00")),
        None,
    )
    .await;
    let qd_project = qd_project["id"].as_str().unwrap().to_owned();

    // Jinan cannot book spending on a Qingdao project, nor a department officer on anything.
    let (_, fed) = send(&app, &fin, "POST", "/api/v1/execution-records",
        Some(json!({"items": [record(&qd_project, "2021-02-01", "5.00", "X-1"), record(&jn_project, "2021-02-01", "5.00", "X-1")]})), None).await;
    assert_eq!(fed["summary"]["rejected"], 1);
    assert_eq!(fed["summary"]["created"], 1);
    let officer = token(&app, "jn.kj").await;
    let auditor = token(&app, "jn.aud").await;
    for who in [&officer, &auditor] {
        let (status, _) = send(
            &app,
            who,
            "POST",
            "/api/v1/execution-records",
            Some(json!({"items": [record(&jn_project, "2021-02-02", "5.00", "X-2")]})),
            None,
        )
        .await;
        assert_eq!(status, 403);
        assert_eq!(
            send(
                &app,
                who,
                "POST",
                "/api/v1/rounds",
                Some(round_body("2021-07-31", "2031-12-31")),
                None
            )
            .await
            .0,
            403
        );
    }
    let (_, mine) = send(
        &app,
        &officer,
        "GET",
        "/api/v1/execution-records",
        None,
        None,
    )
    .await;
    assert_eq!(mine["items"].as_array().unwrap().len(), 1);
    let sibling = token(&app, "jn.jy").await;
    let (_, theirs) = send(
        &app,
        &sibling,
        "GET",
        "/api/v1/execution-records",
        None,
        None,
    )
    .await;
    assert!(theirs["items"].as_array().unwrap().is_empty());
    let (_, qd_view) = send(
        &app,
        &qd,
        "GET",
        &format!("/api/v1/execution-records?project={jn_project}"),
        None,
        None,
    )
    .await;
    assert!(qd_view["items"].as_array().unwrap().is_empty());

    // A round of Qingdao is invisible to Jinan altogether.
    let mut qd_round = round_body("2021-07-31", "2031-12-31");
    qd_round["region_code"] = json!("370200");
    let (_, qd_round) = send(&app, &qd, "POST", "/api/v1/rounds", Some(qd_round), None).await;
    let qd_round_id = qd_round["id"].as_str().unwrap();
    for uri in [
        format!("/api/v1/rounds/{qd_round_id}"),
        format!("/api/v1/rounds/{qd_round_id}/reports"),
        format!("/api/v1/rounds/{qd_round_id}/department-reports"),
    ] {
        assert_eq!(
            send(&app, &fin, "GET", &uri, None, None).await.0,
            404,
            "{uri}"
        );
    }
    assert_eq!(
        send(
            &app,
            &fin,
            "POST",
            &format!("/api/v1/rounds/{qd_round_id}/open"),
            None,
            None
        )
        .await
        .0,
        404
    );
    let (_, rounds) = send(&app, &fin, "GET", "/api/v1/rounds", None, None).await;
    assert!(rounds["items"].as_array().unwrap().is_empty());
    // An auditor reads reports but takes no part in the workflow.
    let (_, jn_round) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/rounds",
        Some(round_body("2021-07-31", "2031-12-31")),
        None,
    )
    .await;
    let jn_round_id = jn_round["id"].as_str().unwrap();
    send(
        &app,
        &fin,
        "POST",
        &format!("/api/v1/rounds/{jn_round_id}/open"),
        None,
        None,
    )
    .await;
    let (_, list) = send(
        &app,
        &auditor,
        "GET",
        &format!("/api/v1/rounds/{jn_round_id}/reports"),
        None,
        None,
    )
    .await;
    let uri = format!(
        "/api/v1/reports/{}",
        list["items"][0]["id"].as_str().unwrap()
    );
    assert_eq!(send(&app, &auditor, "GET", &uri, None, None).await.0, 200);
    assert_eq!(
        send(&app, &auditor, "POST", &format!("{uri}/submit"), None, None)
            .await
            .0,
        403
    );
    assert_eq!(
        send(
            &app,
            &auditor,
            "POST",
            &format!("{uri}/approve"),
            None,
            None
        )
        .await
        .0,
        403
    );
    assert_eq!(
        send(&app, &fin, "PUT", &uri, Some(json!({})), Some("\"1\""))
            .await
            .0,
        403,
        "finance reads, the department fills in"
    );
}
