//! What monitoring leads to, through the HTTP API: target adjustments that make versions of a
//! project's indicator set, results application beside the rules' suggestion and carried to
//! next year's project, policy revisions, and the statistics that add them up.

mod common;

use common::world::{seed, send, token};
use common::{TestDb, app, state_for};
use serde_json::{Value, json};

fn project(code: &str, department: uuid::Uuid, year: i32, budget: &str) -> Value {
    json!({
        "code": code, "name": format!("Project {code}"), "department_id": department,
        "fiscal_year": year, "function_class": "20601",
        "fund_sources": {"municipal": budget}, "initial_budget": budget
    })
}

fn tag(v: &Value) -> String {
    format!("\"{}\"", v["version"])
}

fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default()
}

async fn call<S>(app: &S, who: &str, method: &str, uri: &str, body: Option<Value>) -> (u16, Value)
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    send(app, who, method, uri, body, None).await
}

/// A project with an accruing output (>= 120, weight 60) and an effect (<= 30, weight 30).
/// Returns (project id, output indicator id, effect indicator id).
async fn ready_project<S>(
    app: &S,
    fin: &str,
    code: &str,
    dept: uuid::Uuid,
) -> (String, String, String)
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let (status, p) = call(
        app,
        fin,
        "POST",
        "/api/v1/projects",
        Some(project(code, dept, 2021, "3000000.00")),
    )
    .await;
    assert_eq!(status, 201, "{p}");
    let id = p["id"].as_str().unwrap().to_owned();
    let uri = format!("/api/v1/projects/{id}/indicators");
    let mut ids = Vec::new();
    for body in [
        json!({"level1": "output", "level2": "quantity", "name": "Enterprises supported", "comparator": ">=",
               "target_value": "120", "unit": "enterprises", "weight": "60"}),
        json!({"level1": "effect", "level2": "social", "name": "Service response time", "comparator": "<=",
               "target_value": "30", "unit": "minutes", "weight": "30", "accrues": false}),
    ] {
        let (status, b) = call(app, fin, "POST", &uri, Some(body)).await;
        assert_eq!(status, 201, "{b}");
        ids.push(b["id"].as_str().unwrap().to_owned());
    }
    (id, ids.remove(0), ids.remove(0))
}

async fn open_round<S>(app: &S, fin: &str, cutoff: &str, due: &str) -> String
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let body = json!({"region_code": "370100", "fiscal_year": 2021, "name": format!("Jinan 2021 to {cutoff}"),
                      "cutoff_date": cutoff, "open_date": "2021-06-01", "due_date": due, "warning_days": 5});
    let (status, round) = call(app, fin, "POST", "/api/v1/rounds", Some(body)).await;
    assert_eq!(status, 201, "{round}");
    let id = round["id"].as_str().unwrap().to_owned();
    let (status, opened) = call(app, fin, "POST", &format!("/api/v1/rounds/{id}/open"), None).await;
    assert_eq!(status, 200, "{opened}");
    id
}

async fn report_of<S>(app: &S, who: &str, round: &str, project: &str) -> Value
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let (status, page) = call(
        app,
        who,
        "GET",
        &format!("/api/v1/rounds/{round}/reports?project={project}"),
        None,
    )
    .await;
    assert_eq!(status, 200, "{page}");
    let id = page["items"][0]["id"]
        .as_str()
        .expect("a report")
        .to_owned();
    let (status, report) = call(app, who, "GET", &format!("/api/v1/reports/{id}"), None).await;
    assert_eq!(status, 200, "{report}");
    report
}

fn target_of(report: &Value, name: &str) -> Option<String> {
    report["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == name)
        .map(|r| r["target_value"].as_str().unwrap_or("").to_owned())
}

#[actix_web::test]
async fn a_target_adjustment_makes_a_version_the_next_round_monitors() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let fin = token(&app, "jn.fin").await;
    let dept = token(&app, "jn.kj").await;
    let other_dept = token(&app, "jn.jy").await;
    let (pid, output, effect) = ready_project(&app, &fin, "JN-TA-1", world.dept("jn_kj")).await;
    let first_round = open_round(&app, &fin, "2021-06-30", "2021-07-20").await;

    // Key monitoring finds the targets unreasonable.
    let (_, inspection) = call(
        &app,
        &fin,
        "POST",
        "/api/v1/inspections",
        Some(json!({"project_id": pid})),
    )
    .await;
    let iid = inspection["id"].as_str().unwrap();
    let (status, finding) = call(&app, &fin, "POST", &format!("/api/v1/inspections/{iid}/findings"),
        Some(json!({"category": "unreasonable_targets", "description": "120 enterprises cannot be reached: the park opens in 2022", "severity": "medium"}))).await;
    assert_eq!(status, 201, "{finding}");
    let finding_id = finding["id"].as_str().unwrap();

    // A request that would leave the project unready is refused, naming the rule.
    let uri = format!("/api/v1/projects/{pid}/target-adjustments");
    let (status, problem) = call(&app, &dept, "POST", &uri, Some(json!({
        "reason": "Drop the output indicator", "changes": [{"op": "retire", "indicator_id": output}]
    }))).await;
    assert_eq!(status, 422, "{problem}");
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("no output indicator"),
        "{problem}"
    );
    let (status, problem) = call(&app, &dept, "POST", &uri, Some(json!({
        "reason": "Lighter effect", "changes": [{"op": "change", "indicator_id": effect, "set": {"weight": "20"}}]
    }))).await;
    assert_eq!(status, 422, "{problem}");
    assert!(
        problem["detail"].as_str().unwrap().contains("add up to 80"),
        "{problem}"
    );
    // An indicator of another project, or named twice, is named by its index.
    let (status, problem) = call(
        &app,
        &dept,
        "POST",
        &uri,
        Some(json!({
            "reason": "x", "changes": [
                {"op": "change", "indicator_id": output, "set": {"target_value": "90"}},
                {"op": "retire", "indicator_id": output},
                {"op": "retire", "indicator_id": uuid::Uuid::now_v7()}
            ]
        })),
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(
        fields(&problem),
        vec!["changes[1].indicator_id", "changes[2].indicator_id"]
    );
    // Another department's officer cannot see the project.
    let good = json!({
        "reason": "The park opens in 2022: 90 enterprises this year, and a satisfaction survey.",
        "finding_id": finding_id,
        "changes": [
            {"op": "change", "indicator_id": output, "set": {"target_value": "90", "weight": "50"}},
            {"op": "add", "indicator": {"level1": "satisfaction", "level2": "beneficiary_satisfaction",
                "name": "Enterprise satisfaction", "comparator": ">=", "target_value": "85", "unit": "%", "weight": "10"}}
        ]
    });
    assert_eq!(
        call(&app, &other_dept, "POST", &uri, Some(good.clone()))
            .await
            .0,
        404
    );
    let (status, request) = call(&app, &dept, "POST", &uri, Some(good.clone())).await;
    assert_eq!(status, 201, "{request}");
    assert_eq!(request["status"], "requested");
    assert_eq!(request["from_version"], 1);
    assert_eq!(request["changes"], good["changes"]);
    let rid = request["id"].as_str().unwrap().to_owned();
    // Only one open request per project.
    let (status, problem) = call(&app, &dept, "POST", &uri, Some(good.clone())).await;
    assert_eq!(status, 409, "{problem}");
    // Nothing changed yet.
    let (_, p) = call(&app, &fin, "GET", &format!("/api/v1/projects/{pid}"), None).await;
    assert_eq!(p["indicator_set_version"], 1);

    // The department cannot decide its own request; finance approves with If-Match.
    let (status, _) = send(
        &app,
        &dept,
        "POST",
        &format!("/api/v1/target-adjustments/{rid}/approve"),
        Some(json!({})),
        Some(&tag(&request)),
    )
    .await;
    assert_eq!(status, 403);
    let (status, _) = send(
        &app,
        &fin,
        "POST",
        &format!("/api/v1/target-adjustments/{rid}/approve"),
        Some(json!({})),
        Some("\"99\""),
    )
    .await;
    assert_eq!(status, 412);
    let (status, approved) = send(
        &app,
        &fin,
        "POST",
        &format!("/api/v1/target-adjustments/{rid}/approve"),
        Some(json!({"comment": "Agreed."})),
        Some(&tag(&request)),
    )
    .await;
    assert_eq!(status, 200, "{approved}");
    assert_eq!(approved["status"], "approved");
    assert_eq!(approved["to_version"], 2);
    assert_eq!(approved["decided_by_name"], "jn.fin");
    let (status, again) = send(
        &app,
        &fin,
        "POST",
        &format!("/api/v1/target-adjustments/{rid}/reject"),
        Some(json!({"comment": "no"})),
        Some(&tag(&approved)),
    )
    .await;
    assert_eq!(status, 409, "{again}");

    let (_, p) = call(&app, &fin, "GET", &format!("/api/v1/projects/{pid}"), None).await;
    assert_eq!(p["indicator_set_version"], 2);
    let (_, versions) = call(
        &app,
        &dept,
        "GET",
        &format!("/api/v1/projects/{pid}/indicator-versions"),
        None,
    )
    .await;
    let versions = versions["items"].as_array().unwrap().clone();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0]["version"], 1);
    assert_eq!(versions[0]["current"], false);
    assert_eq!(versions[0]["indicators"].as_array().unwrap().len(), 2);
    assert_eq!(versions[1]["version"], 2);
    assert_eq!(versions[1]["current"], true);
    assert_eq!(versions[1]["adjustment_id"], rid.as_str());
    assert_eq!(versions[1]["indicators"].as_array().unwrap().len(), 3);

    // The round already running keeps version 1, even after a refresh by new spending.
    let (status, _) = call(&app, &fin, "POST", "/api/v1/execution-records", Some(json!({"items": [
        {"project_id": pid, "payment_date": "2021-06-10", "amount": "500000.00", "external_ref": "TA-1"}
    ]}))).await;
    assert!(status == 200 || status == 201, "{status}");
    let old = report_of(&app, &fin, &first_round, &pid).await;
    assert_eq!(old["indicator_set_version"], 1);
    assert_eq!(old["budget"]["executed_amount"], "500000.00");
    assert_eq!(
        target_of(&old, "Enterprises supported").as_deref(),
        Some("120")
    );
    assert_eq!(old["indicators"].as_array().unwrap().len(), 2);

    // A round opened after the approval monitors version 2.
    let second_round = open_round(&app, &fin, "2021-09-30", "2021-10-20").await;
    let new = report_of(&app, &fin, &second_round, &pid).await;
    assert_eq!(new["indicator_set_version"], 2);
    assert_eq!(
        target_of(&new, "Enterprises supported").as_deref(),
        Some("90")
    );
    assert_eq!(new["indicators"].as_array().unwrap().len(), 3);
    // ... and the earlier round's report still shows the old one.
    let old = report_of(&app, &fin, &first_round, &pid).await;
    assert_eq!(
        target_of(&old, "Enterprises supported").as_deref(),
        Some("120")
    );

    // A rejection changes nothing and needs a reason.
    let (status, second) = call(
        &app,
        &dept,
        "POST",
        &uri,
        Some(json!({
            "reason": "Retire the response time", "changes": [
                {"op": "retire", "indicator_id": effect},
                {"op": "change", "indicator_id": output, "set": {"weight": "80"}}
            ]
        })),
    )
    .await;
    assert_eq!(status, 201, "{second}");
    let sid = second["id"].as_str().unwrap();
    let (status, _) = send(
        &app,
        &fin,
        "POST",
        &format!("/api/v1/target-adjustments/{sid}/reject"),
        Some(json!({})),
        Some(&tag(&second)),
    )
    .await;
    assert_eq!(status, 422);
    let (status, rejected) = send(
        &app,
        &fin,
        "POST",
        &format!("/api/v1/target-adjustments/{sid}/reject"),
        Some(json!({"comment": "Response time stays a target."})),
        Some(&tag(&second)),
    )
    .await;
    assert_eq!(status, 200, "{rejected}");
    assert_eq!(rejected["status"], "rejected");
    assert_eq!(rejected["to_version"], Value::Null);
    let (_, p) = call(&app, &fin, "GET", &format!("/api/v1/projects/{pid}"), None).await;
    assert_eq!(p["indicator_set_version"], 2);
    let (_, list) = call(
        &app,
        &fin,
        "GET",
        &format!("/api/v1/projects/{pid}/indicators"),
        None,
    )
    .await;
    assert_eq!(list["items"].as_array().unwrap().len(), 3);

    // The project's history shows both requests.
    let (_, history) = call(
        &app,
        &dept,
        "GET",
        &format!("/api/v1/projects/{pid}/key-monitoring"),
        None,
    )
    .await;
    let statuses: Vec<&str> = history["target_adjustments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["approved", "rejected"]);

    // Lists with filters, scope, audit, statistics.
    let (_, all) = call(
        &app,
        &fin,
        "GET",
        &format!("/api/v1/target-adjustments?project={pid}"),
        None,
    )
    .await;
    assert_eq!(all["items"].as_array().unwrap().len(), 2);
    let (_, open) = call(
        &app,
        &fin,
        "GET",
        "/api/v1/target-adjustments?status=approved",
        None,
    )
    .await;
    assert_eq!(open["items"].as_array().unwrap().len(), 1);
    let (_, cited) = call(
        &app,
        &fin,
        "GET",
        &format!("/api/v1/target-adjustments?finding={finding_id}"),
        None,
    )
    .await;
    assert_eq!(cited["items"].as_array().unwrap().len(), 1);
    let (_, theirs) = call(&app, &other_dept, "GET", "/api/v1/target-adjustments", None).await;
    assert_eq!(theirs["items"].as_array().unwrap().len(), 0);
    let (_, events) = call(
        &app,
        &fin,
        "GET",
        "/api/v1/audit-events?action=target_adjustment.approved",
        None,
    )
    .await;
    assert_eq!(events["items"].as_array().unwrap().len(), 1, "{events}");
    let (status, stats) = call(
        &app,
        &fin,
        "GET",
        "/api/v1/stats/results?region=370100&year=2021",
        None,
    )
    .await;
    assert_eq!(status, 200, "{stats}");
    assert_eq!(
        stats["target_adjustments"],
        json!({"requested": 2, "approved": 1, "rejected": 1, "open": 0})
    );
}

#[actix_web::test]
async fn results_application_keeps_the_suggestion_and_reaches_next_years_project() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let fin = token(&app, "jn.fin").await;
    let dept = token(&app, "jn.kj").await;
    let (poor, output, effect) = ready_project(&app, &fin, "JN-RA-1", world.dept("jn_kj")).await;
    let (good, _, _) = ready_project(&app, &fin, "JN-RA-2", world.dept("jn_kj")).await;
    let round = open_round(&app, &fin, "2021-06-30", "2021-07-20").await;

    // The first project reports nothing done: a poor grade and a red light.
    let report = report_of(&app, &dept, &round, &poor).await;
    let rows: Vec<Value> = report["indicators"].as_array().unwrap().iter().map(|r| {
        let value = if r["indicator_id"] == output.as_str() { "1" } else { "90" };
        json!({"id": r["id"], "actual_value": value, "likelihood": "impossible",
               "deviation_reasons": ["funding"], "deviation_note": "Funds late", "corrective_measures": "Re-plan"})
    }).collect();
    let _ = effect;
    let (status, edited) = send(
        &app,
        &dept,
        "PUT",
        &format!("/api/v1/reports/{}", report["id"].as_str().unwrap()),
        Some(json!({"indicators": rows, "corrective_measures": "Re-plan the support programme"})),
        Some(&tag(&report)),
    )
    .await;
    assert_eq!(status, 200, "{edited}");

    let (status, page) = call(
        &app,
        &fin,
        "GET",
        &format!("/api/v1/rounds/{round}/results"),
        None,
    )
    .await;
    assert_eq!(status, 200, "{page}");
    let items = page["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 2);
    let of = |id: &str| {
        items
            .iter()
            .find(|i| i["project_id"] == id)
            .unwrap()
            .clone()
    };
    let p = of(&poor);
    assert_eq!(p["grade"], "poor", "{p}");
    assert_eq!(p["suggestion"]["rule"], "poor_grade");
    assert_eq!(
        p["suggestion"]["measures"],
        json!(["reduce_next_year_budget", "rectify"])
    );
    assert_eq!(p["suggestion"]["next_year_change_percent"], "-20");
    assert_eq!(p["suggestion"]["next_year_budget_change"], "-600000.00");
    assert_eq!(p["application"], Value::Null);
    let g = of(&good);
    assert_ne!(g["suggestion"]["rule"], "poor_grade", "{g}");

    // A region's own rules change the suggestion; a broken rule is refused by index.
    let (_, rules) = call(
        &app,
        &fin,
        "GET",
        "/api/v1/regions/370100/warning-rules",
        None,
    )
    .await;
    let mut settings = rules["settings"].clone();
    settings["result_suggestions"] = json!([{"name": "raise", "grade": "poor", "measures": ["raise_next_year_budget"],
                                              "next_year_change_percent": "-5"}]);
    let (status, problem) = call(
        &app,
        &fin,
        "PUT",
        "/api/v1/regions/370100/warning-rules",
        Some(json!({"settings": settings})),
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(fields(&problem), vec!["settings.result_suggestions[0]"]);

    // Finance decides otherwise: rectify and cut next year's budget by 1 million, not 20 %.
    let body = json!({"round_id": round, "project_id": poor, "measures": ["rectify", "reduce_next_year_budget", "adjust_targets"],
                      "text": "Support programme re-planned; 2022 budget cut.", "next_year_budget_change": "-1000000.00"});
    for (bad, field) in [
        (
            json!({"next_year_budget_change": null}),
            "next_year_budget_change",
        ),
        (
            json!({"next_year_budget_change": "1000000.00"}),
            "next_year_budget_change",
        ),
        (json!({"measures": ["rectify", "rectify"]}), "measures"),
        (
            json!({"measures": ["reduce_next_year_budget", "raise_next_year_budget"]}),
            "measures",
        ),
        (
            json!({"adjustment_id": uuid::Uuid::now_v7()}),
            "adjustment_id",
        ),
    ] {
        let mut b = body.clone();
        for (k, v) in bad.as_object().unwrap() {
            b[k] = v.clone();
        }
        let (status, problem) =
            call(&app, &fin, "POST", "/api/v1/result-applications", Some(b)).await;
        assert_eq!(status, 422, "{problem}");
        assert!(fields(&problem).contains(&field.to_owned()), "{problem}");
    }
    assert_eq!(
        call(
            &app,
            &dept,
            "POST",
            "/api/v1/result-applications",
            Some(body.clone())
        )
        .await
        .0,
        403
    );
    let (status, applied) = call(
        &app,
        &fin,
        "POST",
        "/api/v1/result-applications",
        Some(body.clone()),
    )
    .await;
    assert_eq!(status, 201, "{applied}");
    assert_eq!(applied["suggestion"]["rule"], "poor_grade");
    assert_eq!(
        applied["suggestion"]["measures"],
        json!(["reduce_next_year_budget", "rectify"])
    );
    assert_eq!(applied["differs_from_suggestion"], true);
    assert_eq!(applied["next_year_budget_change"], "-1000000.00");
    assert_eq!(applied["grade"], "poor");
    assert_eq!(
        call(
            &app,
            &fin,
            "POST",
            "/api/v1/result-applications",
            Some(body.clone())
        )
        .await
        .0,
        409
    );
    let (_, page) = call(
        &app,
        &fin,
        "GET",
        &format!("/api/v1/rounds/{round}/results?applied=true"),
        None,
    )
    .await;
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    assert_eq!(page["items"][0]["application"]["id"], applied["id"]);
    // A decision that follows the suggestion.
    let (status, same) = call(
        &app,
        &fin,
        "POST",
        "/api/v1/result-applications",
        Some(json!({
            "round_id": round, "project_id": good, "measures": g["suggestion"]["measures"].clone()
        })),
    )
    .await;
    assert_eq!(status, 201, "{same}");
    assert_eq!(same["differs_from_suggestion"], false);

    // Next year's project of the same code shows the measure it followed.
    let (status, next) = call(
        &app,
        &fin,
        "POST",
        "/api/v1/projects",
        Some(project("JN-RA-1", world.dept("jn_kj"), 2022, "2000000.00")),
    )
    .await;
    assert_eq!(status, 201, "{next}");
    assert_eq!(next["follows_result"]["application_id"], applied["id"]);
    assert_eq!(next["follows_result"]["measure"], "reduce_next_year_budget");
    assert_eq!(next["follows_result"]["amount"], "-1000000.00");
    let (_, other) = call(
        &app,
        &fin,
        "POST",
        "/api/v1/projects",
        Some(project("JN-RA-2", world.dept("jn_kj"), 2022, "3000000.00")),
    )
    .await;
    assert_eq!(other["follows_result"], Value::Null);

    // Changing the decision moves next year's project with it.
    let (status, changed) = send(&app, &fin, "PATCH", &format!("/api/v1/result-applications/{}", applied["id"].as_str().unwrap()),
        Some(json!({"measures": ["rectify", "reduce_next_year_budget", "adjust_targets"], "text": "Cut by 1.2 million.",
                    "next_year_budget_change": "-1200000.00"})), Some(&tag(&applied))).await;
    assert_eq!(status, 200, "{changed}");
    let (_, next) = call(
        &app,
        &fin,
        "GET",
        &format!("/api/v1/projects/{}", next["id"].as_str().unwrap()),
        None,
    )
    .await;
    assert_eq!(next["follows_result"]["amount"], "-1200000.00");
    assert_eq!(changed["suggestion"]["rule"], "poor_grade");

    let (_, history) = call(
        &app,
        &fin,
        "GET",
        &format!("/api/v1/projects/{poor}/key-monitoring"),
        None,
    )
    .await;
    assert_eq!(history["result_applications"][0]["id"], applied["id"]);

    // The statistics add them up.
    let (status, stats) = call(
        &app,
        &fin,
        "GET",
        "/api/v1/stats/results?region=370100&year=2021",
        None,
    )
    .await;
    assert_eq!(status, 200, "{stats}");
    let ra = &stats["result_applications"];
    assert_eq!(ra["recorded"], 2);
    assert_eq!(ra["differing_from_suggestion"], 1);
    assert_eq!(ra["next_year_budget_reduced"], "1200000.00");
    assert_eq!(ra["next_year_budget_raised"], "0.00");
    assert_eq!(ra["next_year_budget_net"], "-1200000.00");
    assert_eq!(ra["next_year_projects_following"], 1);
    let count = |m: &str| {
        ra["by_measure"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["measure"] == m)
            .unwrap()["count"]
            .clone()
    };
    assert_eq!(
        count("rectify"),
        if g["suggestion"]["measures"]
            .as_array()
            .unwrap()
            .contains(&json!("rectify"))
        {
            2
        } else {
            1
        }
    );
    assert_eq!(count("reduce_next_year_budget"), 1);
    assert_eq!(count("stop_funds"), 0);
    // A department officer reads its own; the list filters by measure.
    let (_, mine) = call(
        &app,
        &dept,
        "GET",
        "/api/v1/result-applications?measure=reduce_next_year_budget",
        None,
    )
    .await;
    assert_eq!(mine["items"].as_array().unwrap().len(), 1);
}

#[actix_web::test]
async fn policy_revisions_are_named_and_counted_as_revised() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let fin = token(&app, "jn.fin").await;
    let dept = token(&app, "jn.kj").await;
    let (pid, _, _) = ready_project(&app, &fin, "JN-PR-1", world.dept("jn_kj")).await;
    let (_, inspection) = call(
        &app,
        &fin,
        "POST",
        "/api/v1/inspections",
        Some(json!({"project_id": pid})),
    )
    .await;
    let iid = inspection["id"].as_str().unwrap();
    let uri = format!("/api/v1/inspections/{iid}/opinions");
    let (status, problem) = call(
        &app,
        &fin,
        "POST",
        &uri,
        Some(json!({"kind": "policy_revision", "text": "Revise"})),
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(fields(&problem), vec!["policy_name"]);
    let (status, _) = call(
        &app,
        &fin,
        "POST",
        &uri,
        Some(json!({"kind": "opinion", "text": "x", "policy_name": "y"})),
    )
    .await;
    assert_eq!(status, 422);
    let mut ids = Vec::new();
    for name in [
        "Science fund management measures",
        "Enterprise subsidy rules",
    ] {
        let (status, o) = call(
            &app,
            &fin,
            "POST",
            &uri,
            Some(json!({"kind": "policy_revision",
            "text": "Tie disbursement to accepted milestones.", "policy_name": name})),
        )
        .await;
        assert_eq!(status, 201, "{o}");
        assert_eq!(o["revised"], false);
        ids.push(o);
    }
    let (_, opinion) = call(
        &app,
        &fin,
        "POST",
        &uri,
        Some(json!({"kind": "opinion", "text": "Speed up."})),
    )
    .await;
    let (status, _) = send(
        &app,
        &dept,
        "POST",
        &format!(
            "/api/v1/opinions/{}/revision",
            opinion["id"].as_str().unwrap()
        ),
        Some(json!({"revised": true})),
        Some(&tag(&opinion)),
    )
    .await;
    assert_eq!(status, 409);
    // The department says it revised the first policy.
    let first = &ids[0];
    let (status, revised) = send(
        &app,
        &dept,
        "POST",
        &format!(
            "/api/v1/opinions/{}/revision",
            first["id"].as_str().unwrap()
        ),
        Some(json!({"revised": true, "note": "Published 2021-11-02"})),
        Some(&tag(first)),
    )
    .await;
    assert_eq!(status, 200, "{revised}");
    assert_eq!(revised["opinion"]["revised"], true);
    assert!(revised["opinion"]["revised_at"].is_string());
    assert_eq!(revised["project_id"], pid.as_str());
    let (status, _) = send(
        &app,
        &dept,
        "POST",
        &format!(
            "/api/v1/opinions/{}/revision",
            first["id"].as_str().unwrap()
        ),
        Some(json!({"revised": false})),
        Some(&tag(first)),
    )
    .await;
    assert_eq!(status, 412);
    let (_, list) = call(
        &app,
        &fin,
        "GET",
        "/api/v1/policy-revisions?revised=true",
        None,
    )
    .await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert_eq!(
        list["items"][0]["opinion"]["policy_name"],
        "Science fund management measures"
    );
    let (_, list) = call(&app, &fin, "GET", "/api/v1/policy-revisions", None).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
    let (_, stats) = call(
        &app,
        &fin,
        "GET",
        "/api/v1/stats/results?region=370100&year=2021",
        None,
    )
    .await;
    assert_eq!(
        stats["policy_revisions"],
        json!({"suggested": 2, "revised": 1})
    );
    // Another department's officer counts only its own department's; another city's officer
    // does not reach Jinan at all.
    let (_, stats) = call(
        &app,
        &token(&app, "jn.jy").await,
        "GET",
        "/api/v1/stats/results?region=370100&year=2021",
        None,
    )
    .await;
    assert_eq!(
        stats["policy_revisions"],
        json!({"suggested": 0, "revised": 0})
    );
    let (status, _) = call(
        &app,
        &token(&app, "qd.fin").await,
        "GET",
        "/api/v1/stats/results?region=370100&year=2021",
        None,
    )
    .await;
    assert_eq!(status, 404);
}
