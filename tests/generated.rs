//! What the system fills in a report (forecasts, likelihoods, drafted analysis) and the share of
//! generated fields, from the report up to the statistics.

mod common;

use common::world::{seed, send, token};
use common::{TestDb, app, binary, state_for};
use diesel::RunQueryDsl;
use serde_json::{Value, json};

/// A project of `dept` with an accruing output (>= 120, weight 60) and a fixed effect (<= 30
/// minutes, weight 30), ready for monitoring. Returns its id.
async fn project<S>(app: &S, fin: &str, code: &str, dept: uuid::Uuid) -> String
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let body = json!({
        "code": code, "name": format!("Project {code}"), "department_id": dept,
        "fiscal_year": 2021, "function_class": "20601",
        "fund_sources": {"municipal": "3000000.00"}, "initial_budget": "3000000.00"
    });
    let (status, p) = send(app, fin, "POST", "/api/v1/projects", Some(body), None).await;
    assert_eq!(status, 201, "{p}");
    let id = p["id"].as_str().unwrap().to_owned();
    for body in [
        json!({"level1": "output", "level2": "quantity", "name": "Enterprises supported",
               "comparator": ">=", "target_value": "120", "unit": "enterprises", "weight": "60"}),
        json!({"level1": "effect", "level2": "social", "name": "Service response time",
               "comparator": "<=", "target_value": "30", "unit": "minutes", "weight": "30",
               "accrues": false}),
    ] {
        let uri = format!("/api/v1/projects/{id}/indicators");
        let (status, b) = send(app, fin, "POST", &uri, Some(body), None).await;
        assert_eq!(status, 201, "{b}");
    }
    id
}

fn names(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap().to_owned())
        .collect()
}

/// The department's PUT body that keeps everything as the report shows it, then `change`.
fn as_shown(report: &Value, change: impl FnOnce(&mut Value)) -> Value {
    let rows: Vec<Value> = report["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            json!({"id": r["id"], "actual_value": r["actual_value"],
                   "forecast_value": r["forecast_value"], "likelihood": r["likelihood"],
                   "deviation_reasons": r["deviation_reasons"],
                   "deviation_note": r["deviation_note"],
                   "corrective_measures": r["corrective_measures"]})
        })
        .collect();
    let n = &report["narrative"];
    let mut body = json!({
        "forecast_execution": report["budget"]["forecast_execution"],
        "goal_progress": n["goal_progress"], "construction": n["construction"],
        "management": n["management"], "financial_management": n["financial_management"],
        "problems": n["problems"], "corrective_measures": n["corrective_measures"],
        "targets_need_adjusting": n["targets_need_adjusting"], "indicators": rows
    });
    change(&mut body);
    body
}

#[actix_web::test]
async fn the_system_fills_what_it_can_and_the_share_adds_up_to_the_statistics() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let fin = token(&app, "jn.fin").await;
    let a = project(&app, &fin, "GEN-A", world.dept("jn_kj")).await;
    project(&app, &fin, "GEN-B", world.dept("jn_jy")).await;
    let spend = |date: &str, amount: &str, reference: &str| {
        json!({"items": [{"project_id": a, "payment_date": date, "amount": amount,
                          "external_ref": reference}]})
    };
    let (status, fed) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/execution-records",
        Some(spend("2021-06-30", "1000000.00", "GEN-1")),
        None,
    )
    .await;
    assert_eq!(status, 200, "{fed}");
    let (_, round) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/rounds",
        Some(
            json!({"region_code": "370100", "fiscal_year": 2021, "name": "Jinan to July",
                    "cutoff_date": "2021-07-31", "open_date": "2021-08-01",
                    "due_date": "2031-08-20", "warning_days": 5}),
        ),
        None,
    )
    .await;
    let round_id = round["id"].as_str().unwrap().to_owned();
    let (status, _) = send(
        &app,
        &fin,
        "POST",
        &format!("/api/v1/rounds/{round_id}/open"),
        None,
        None,
    )
    .await;
    assert_eq!(status, 200);
    let kj = token(&app, "jn.kj").await;
    let (_, list) = send(
        &app,
        &kj,
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
    let get = |uri: String, who: String| {
        let app = &app;
        async move {
            let (status, r) = send(app, &who, "GET", &uri, None, None).await;
            assert_eq!(status, 200, "{r}");
            r
        }
    };

    // Opened: 1,000,000 of 3,000,000 spent at 58.33 % of the year. The system proposes the
    // full-year execution at that pace and drafts the goal progress, the financial management
    // and, the budget light being red, the problems (the overall light waits for the goal). No actual values yet: no indicator
    // forecast or likelihood.
    let report = get(uri.clone(), kj.clone()).await;
    assert_eq!(report["budget"]["forecast_execution"], "1714383.68");
    assert_eq!(report["budget"]["forecast_method"], "spending_pace");
    let n = &report["narrative"];
    assert_eq!(
        n["financial_management"],
        "截至7月31日，项目预算执行率33.33%，低于序时进度58.33%，预算执行预警为红灯。"
    );
    assert!(
        n["problems"]
            .as_str()
            .unwrap()
            .starts_with("截至7月31日，项目预算执行率33.33%"),
        "{n}"
    );
    assert_eq!(n["targets_need_adjusting"], Value::Null);
    assert_eq!(report["indicators"][0]["likelihood"], Value::Null);
    // 12 report fields + 4 per indicator on schedule; the 4 figures, the forecast, the 3 texts
    // and the 2 expected values are generated.
    assert_eq!(report["applicable_fields"], 20);
    assert_eq!(report["generated_fields"], 10);
    assert_eq!(report["system_filled_share"], "50.00");

    // The department reports its actual values and keeps the rest as shown. The system then
    // forecasts each indicator (by pace for the accruing one, 50 ÷ 58.33 %; its latest value
    // for the fixed one), proposes the likelihoods and that targets need no adjusting. The first
    // indicator is behind its expected 69.996, so its reasons, note and measures now apply.
    let body = as_shown(&report, |b| {
        b["indicators"][0]["actual_value"] = json!("50");
        b["indicators"][1]["actual_value"] = json!("28");
    });
    let version = format!("\"{}\"", report["version"]);
    let (status, filled) = send(&app, &kj, "PUT", &uri, Some(body), Some(&version)).await;
    assert_eq!(status, 200, "{filled}");
    let rows = &filled["indicators"];
    assert_eq!(rows[0]["behind"], true);
    assert_eq!(rows[0]["forecast_value"], "85.7192");
    assert_eq!(rows[0]["forecast_method"], "pace");
    assert_eq!(rows[0]["likelihood"], "possible", "85.7 of 120 is 71 %");
    assert_eq!(rows[1]["forecast_value"], "28");
    assert_eq!(rows[1]["forecast_method"], "latest_value");
    assert_eq!(rows[1]["likelihood"], "certain");
    assert_eq!(filled["narrative"]["targets_need_adjusting"], false);
    assert!(
        filled["narrative"]["goal_progress"]
            .as_str()
            .unwrap()
            .contains("指标\"Enterprises supported\"完成值50，低于序时目标69.996，进度滞后"),
        "the draft follows the figures while it is the system's: {}",
        filled["narrative"]
    );
    let row0 = rows[0]["indicator_id"].as_str().unwrap().to_owned();
    let department = names(&filled["department_fields"]);
    assert!(department.contains(&format!("indicators.{row0}.actual")));
    assert!(!department.contains(&"goal_progress".to_owned()));
    assert_eq!(filled["applicable_fields"], 23);
    // The 10 before, the targets answer, and two forecasts and two likelihoods.
    assert_eq!(filled["generated_fields"], 15);

    // A forecast the department changes is its own; the likelihood, still the system's,
    // follows it (110 of 120 is 92 %). Emptying the goal progress makes it the department's too.
    let body = as_shown(&filled, |b| {
        b["indicators"][0]["forecast_value"] = json!("110");
        b["goal_progress"] = json!("");
    });
    let version = format!("\"{}\"", filled["version"]);
    let (status, edited) = send(&app, &kj, "PUT", &uri, Some(body), Some(&version)).await;
    assert_eq!(status, 200, "{edited}");
    assert_eq!(edited["indicators"][0]["forecast_value"], "110");
    assert_eq!(edited["indicators"][0]["forecast_method"], Value::Null);
    assert_eq!(edited["indicators"][0]["likelihood"], "certain");
    let system = names(&edited["system_filled"]);
    assert!(!system.contains(&format!("indicators.{row0}.forecast")));
    assert!(system.contains(&format!("indicators.{row0}.likelihood")));
    assert!(names(&edited["department_fields"]).contains(&"goal_progress".to_owned()));
    assert_eq!(edited["generated_fields"], 13);

    // New spending moves the system's forecast and nothing of the department's.
    let (status, _) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/execution-records",
        Some(spend("2021-07-15", "500000.00", "GEN-2")),
        None,
    )
    .await;
    assert_eq!(status, 200);
    let moved = get(uri.clone(), kj.clone()).await;
    assert_eq!(moved["budget"]["forecast_execution"], "2571575.52");
    assert_eq!(moved["narrative"]["goal_progress"], "");
    assert_eq!(moved["indicators"][0]["forecast_value"], "110");

    // The statistics are the sums over the reports, per department and for the region.
    let other_list = send(
        &app,
        &fin,
        "GET",
        &format!("/api/v1/rounds/{round_id}/reports"),
        None,
        None,
    )
    .await
    .1;
    let mut by_department = std::collections::BTreeMap::new();
    let (mut generated, mut applicable) = (0, 0);
    for item in other_list["items"].as_array().unwrap() {
        let r = get(
            format!("/api/v1/reports/{}", item["id"].as_str().unwrap()),
            fin.clone(),
        )
        .await;
        let (g, t) = (
            r["generated_fields"].as_i64().unwrap(),
            r["applicable_fields"].as_i64().unwrap(),
        );
        by_department.insert(r["department_id"].as_str().unwrap().to_owned(), (g, t));
        generated += g;
        applicable += t;
    }
    assert_eq!(by_department.len(), 2);
    let (_, overview) = send(
        &app,
        &fin,
        "GET",
        "/api/v1/stats/overview?region=370100&year=2021",
        None,
        None,
    )
    .await;
    let f = &overview["figures"];
    assert_eq!(
        (
            f["system_filled_fields"].as_i64(),
            f["report_fields"].as_i64()
        ),
        (Some(generated), Some(applicable)),
        "{f}"
    );
    let (_, departments) = send(
        &app,
        &fin,
        "GET",
        &format!("/api/v1/stats/departments?region=370100&year=2021&round={round_id}"),
        None,
        None,
    )
    .await;
    for d in departments["items"].as_array().unwrap() {
        let (g, t) = by_department[d["department_id"].as_str().unwrap()];
        assert_eq!(d["system_filled_fields"], g, "{d}");
        assert_eq!(d["report_fields"], t, "{d}");
    }
    let (_, regions) = send(
        &app,
        &fin,
        "GET",
        "/api/v1/stats/regions?parent=370000&year=2021",
        None,
        None,
    )
    .await;
    let jinan = regions["children"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["region"]["code"] == "370100")
        .unwrap();
    assert_eq!(jinan["figures"]["system_filled_fields"], generated);
    assert_eq!(jinan["figures"]["report_fields"], applicable);

    // Jinan drafts in English from now on: the other department's drafts follow, while the
    // goal progress this department emptied stays empty.
    let rules = "/api/v1/regions/370100/warning-rules";
    let settings = |edges: Value| {
        json!({"settings": {"budget_rule": "budget_execution", "budget_share": "10",
               "grade_edges": ["90", "80", "60"], "time_progress": "month",
               "likelihood_edges": edges, "lang": "en"}})
    };
    let (status, problem) = send(
        &app,
        &fin,
        "PUT",
        rules,
        Some(settings(json!(["90", "80"]))),
        None,
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    assert!(problem["errors"]["settings.likelihood_edges"].is_array());
    let (status, changed) = send(
        &app,
        &fin,
        "PUT",
        rules,
        Some(settings(json!(["60", "80"]))),
        None,
    )
    .await;
    assert_eq!(status, 200, "{changed}");
    let jy = token(&app, "jn.jy").await;
    let (_, jy_list) = send(
        &app,
        &jy,
        "GET",
        &format!("/api/v1/rounds/{round_id}/reports"),
        None,
        None,
    )
    .await;
    let jy_report = get(
        format!(
            "/api/v1/reports/{}",
            jy_list["items"][0]["id"].as_str().unwrap()
        ),
        jy.clone(),
    )
    .await;
    assert!(
        jy_report["narrative"]["goal_progress"]
            .as_str()
            .unwrap()
            .starts_with("By 31 July, 0 of 2 indicators have a value"),
        "{}",
        jy_report["narrative"]
    );
    let still = get(uri.clone(), kj.clone()).await;
    assert_eq!(still["narrative"]["goal_progress"], "");

    // Counts left behind (as by reports written before the rule) are put right by
    // `recount-fields`, and the figures follow at once.
    let mut conn = db.connect();
    diesel::sql_query("UPDATE reports SET generated_fields = 1, applicable_fields = 2")
        .execute(&mut conn)
        .unwrap();
    let out = std::process::Command::new(binary())
        .arg("recount-fields")
        .env("DATABASE_URL", &db.url)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "checked 2 reports: 2 recounted"
    );
    let recounted = get(uri.clone(), kj.clone()).await;
    assert_eq!(
        (
            &recounted["generated_fields"],
            &recounted["applicable_fields"]
        ),
        (&still["generated_fields"], &still["applicable_fields"])
    );
    let (_, overview) = send(
        &app,
        &fin,
        "GET",
        "/api/v1/stats/overview?region=370100&year=2021",
        None,
        None,
    )
    .await;
    assert_ne!(overview["figures"]["report_fields"], 4);
    assert!(
        still["narrative"]["financial_management"]
            .as_str()
            .unwrap()
            .starts_with("By 31 July, the project had executed 50.00% of its budget")
    );
}

#[actix_web::test]
async fn logic_checks_run_on_every_save_and_errors_block_submission() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let fin = token(&app, "jn.fin").await;
    let a = project(&app, &fin, "CHK-A", world.dept("jn_kj")).await;
    let records = json!({"items": [{"project_id": a, "payment_date": "2021-06-30",
                                    "amount": "1000000.00", "external_ref": "CHK-1"}]});
    let (status, _) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/execution-records",
        Some(records),
        None,
    )
    .await;
    assert_eq!(status, 200);
    let (_, round) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/rounds",
        Some(
            json!({"region_code": "370100", "fiscal_year": 2021, "name": "Jinan checks",
                    "cutoff_date": "2021-07-31", "open_date": "2021-08-01",
                    "due_date": "2031-08-20", "warning_days": 5}),
        ),
        None,
    )
    .await;
    let round_id = round["id"].as_str().unwrap().to_owned();
    let open = format!("/api/v1/rounds/{round_id}/open");
    assert_eq!(send(&app, &fin, "POST", &open, None, None).await.0, 200);
    let kj = token(&app, "jn.kj").await;
    let (_, list) = send(
        &app,
        &kj,
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
    let (_, report) = send(&app, &kj, "GET", &uri, None, None).await;
    let checks = |r: &Value| -> Vec<(String, String, String)> {
        r["checks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["rule"].as_str().unwrap().to_owned(),
                    c["field"].as_str().unwrap().to_owned(),
                    c["severity"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let check = |rule: &str, field: &str, severity: &str| {
        (rule.to_owned(), field.to_owned(), severity.to_owned())
    };

    // On schedule on both indicators, but a forecast below the million already spent, and a red
    // budget light without corrective measures.
    let body = as_shown(&report, |b| {
        b["forecast_execution"] = json!("900000.00");
        b["indicators"][0]["actual_value"] = json!("80");
        b["indicators"][1]["actual_value"] = json!("28");
    });
    let version = format!("\"{}\"", report["version"]);
    let (status, saved) = send(&app, &kj, "PUT", &uri, Some(body), Some(&version)).await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["lights"]["overall"], "red");
    assert_eq!(
        checks(&saved),
        [
            check("forecast_below_spent", "forecast_execution", "error"),
            check("red_without_measures", "corrective_measures", "warning"),
        ]
    );
    let submit = format!("{uri}/submit");
    let (status, problem) = send(&app, &kj, "POST", &submit, None, None).await;
    assert_eq!(status, 422, "{problem}");
    let errors = problem["errors"].as_object().unwrap();
    assert_eq!(errors.keys().collect::<Vec<_>>(), ["forecast_execution"]);
    assert!(
        errors["forecast_execution"][0]
            .as_str()
            .unwrap()
            .starts_with("forecast_below_spent: the full-year forecast 900000.00 is less"),
        "{problem}"
    );

    // Jinan makes a red light without measures blocking; the fixed forecast, now above the
    // budget, is only a warning.
    let (status, rules) = send(
        &app,
        &fin,
        "PUT",
        "/api/v1/regions/370100/warning-rules",
        Some(json!({"checks": {"red_without_measures": "error"}})),
        None,
    )
    .await;
    assert_eq!(status, 200, "{rules}");
    assert_eq!(
        rules["rules"]["checks"]["red_without_measures"], "error",
        "{rules}"
    );
    let (_, report) = send(&app, &kj, "GET", &uri, None, None).await;
    let body = as_shown(&report, |b| b["forecast_execution"] = json!("3100000.00"));
    let version = format!("\"{}\"", report["version"]);
    let (status, saved) = send(&app, &kj, "PUT", &uri, Some(body), Some(&version)).await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(
        checks(&saved),
        [
            check("forecast_over_budget", "forecast_execution", "warning"),
            check("red_without_measures", "corrective_measures", "error"),
        ]
    );
    let (status, problem) = send(&app, &kj, "POST", &submit, None, None).await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(
        problem["errors"]
            .as_object()
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        ["corrective_measures"]
    );

    // With measures it goes in, the warning still on it for the reviewer.
    let body = as_shown(&saved, |b| {
        b["corrective_measures"] = json!("Payments scheduled against the autumn milestones")
    });
    let version = format!("\"{}\"", saved["version"]);
    let (status, saved) = send(&app, &kj, "PUT", &uri, Some(body), Some(&version)).await;
    assert_eq!(status, 200, "{saved}");
    let (status, submitted) = send(&app, &kj, "POST", &submit, None, None).await;
    assert_eq!(status, 200, "{submitted}");
    assert_eq!(
        checks(&submitted),
        [check(
            "forecast_over_budget",
            "forecast_execution",
            "warning"
        )]
    );
}
