//! Early-warning lights through the HTTP API: explanations, history, rule overrides per region,
//! recompute and rankings.

mod common;

use actix_web::test::{TestRequest, call_service, read_body};
use common::world::{seed, send, token};
use common::{TestDb, app, state_for};
use serde_json::{Value, json};

async fn monitored_project<S>(app: &S, fin: &str, code: &str, dept: uuid::Uuid) -> String
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let body = json!({"code": code, "name": format!("Project {code}"), "department_id": dept, "fiscal_year": 2021,
        "function_class": "20601", "fund_sources": {"municipal": "1000000.00"}, "initial_budget": "1000000.00"});
    let (status, p) = send(app, fin, "POST", "/api/v1/projects", Some(body), None).await;
    assert_eq!(status, 201, "{p}");
    let id = p["id"].as_str().unwrap().to_owned();
    let (status, _) = send(app, fin, "POST", &format!("/api/v1/projects/{id}/indicators"), Some(json!({
        "level1": "output", "level2": "quantity", "name": "Enterprises supported", "comparator": ">=",
        "target_value": "120", "unit": "enterprises", "weight": "90"})), None).await;
    assert_eq!(status, 201);
    id
}

async fn open_round<S>(app: &S, fin: &str, region: &str, cutoff: &str) -> String
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let (status, round) = send(
        app,
        fin,
        "POST",
        "/api/v1/rounds",
        Some(json!({
        "region_code": region, "fiscal_year": 2021, "name": format!("{region} to {cutoff}"),
        "cutoff_date": cutoff, "open_date": "2021-07-01", "due_date": "2031-12-31"})),
        None,
    )
    .await;
    assert_eq!(status, 201, "{round}");
    let id = round["id"].as_str().unwrap().to_owned();
    assert_eq!(
        send(
            app,
            fin,
            "POST",
            &format!("/api/v1/rounds/{id}/open"),
            None,
            None
        )
        .await
        .0,
        200
    );
    id
}

async fn the_report<S>(app: &S, who: &str, round: &str) -> (String, Value)
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let (_, list) = send(
        app,
        who,
        "GET",
        &format!("/api/v1/rounds/{round}/reports"),
        None,
        None,
    )
    .await;
    let uri = format!(
        "/api/v1/reports/{}",
        list["items"][0]["id"].as_str().unwrap()
    );
    let (status, report) = send(app, who, "GET", &uri, None, None).await;
    assert_eq!(status, 200, "{report}");
    (uri, report)
}

#[actix_web::test]
async fn a_lagging_indicator_is_red_with_its_reason_and_green_once_fixed() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let fin = token(&app, "jn.fin").await;
    let project = monitored_project(&app, &fin, "L-1", world.dept("jn_kj")).await;
    let (status, fed) = send(&app, &fin, "POST", "/api/v1/execution-records", Some(json!({"items": [
        {"project_id": project, "payment_date": "2021-06-01", "amount": "500000.00", "external_ref": "R-1"}]})), None).await;
    assert_eq!(status, 200, "{fed}");
    let round = open_round(&app, &fin, "370100", "2021-06-30").await;
    let officer = token(&app, "jn.kj").await;
    let (uri, report) = the_report(&app, &officer, &round).await;
    assert_eq!(report["lights"]["overall"], "none", "no actual value yet");
    assert_eq!(report["lights"]["budget"], "green", "{}", report["lights"]);

    let row = report["indicators"][0]["id"].clone();
    let put = |actual: &str, version: &Value| {
        let app = &app;
        let officer = officer.clone();
        let uri = uri.clone();
        let body = json!({"indicators": [{"id": row, "actual_value": actual}]});
        let tag = format!("\"{version}\"");
        async move { send(app, &officer, "PUT", &uri, Some(body), Some(&tag)).await }
    };
    // 30 of an expected 60 (120 × 50%): 50% of the way, below the red edge of 60.
    let (status, red) = put("30", &report["version"]).await;
    assert_eq!(status, 200, "{red}");
    assert_eq!(red["lights"]["output"], "red");
    assert_eq!(
        red["lights"]["overall"], "yellow",
        "execution normal, goal doubtful"
    );
    let why = &red["lights"]["explanations"]["indicators"][0];
    assert_eq!(why["rule"], "indicator_accruing");
    assert_eq!(why["value"], "50");
    assert_eq!(why["matched"], "below 60");
    assert_eq!(why["inputs"]["expected"], "60");
    assert_eq!(red["lights"]["rules_version"], "default");
    assert_eq!(red["lights"]["scores"]["indicators"][0], "22.50");

    let (status, green) = put("60", &red["version"]).await;
    assert_eq!(status, 200);
    assert_eq!(green["lights"]["output"], "green");
    assert_eq!(green["lights"]["overall"], "green");

    let (status, history) = send(
        &app,
        &officer,
        "GET",
        &format!("/api/v1/projects/{project}/lights"),
        None,
        None,
    )
    .await;
    assert_eq!(status, 200, "{history}");
    let steps: Vec<(&str, &str)> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["from"].as_str().unwrap(), c["to"].as_str().unwrap()))
        .collect();
    assert_eq!(steps, [("none", "yellow"), ("yellow", "green")]);

    // Lists filter by light.
    let (_, reds) = send(
        &app,
        &fin,
        "GET",
        &format!("/api/v1/rounds/{round}/reports?light=red"),
        None,
        None,
    )
    .await;
    assert!(reds["items"].as_array().unwrap().is_empty());
    let (_, greens) = send(
        &app,
        &fin,
        "GET",
        &format!("/api/v1/rounds/{round}/reports?light=green&budget_light=green"),
        None,
        None,
    )
    .await;
    assert_eq!(greens["items"].as_array().unwrap().len(), 1);
    assert_eq!(greens["items"][0]["light"], "green");
}

#[actix_web::test]
async fn a_city_override_moves_only_that_citys_open_reports() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let jn = token(&app, "jn.fin").await;
    let qd = token(&app, "qd.fin").await;
    let jn_project = monitored_project(&app, &jn, "L-JN", world.dept("jn_kj")).await;
    let qd_project = monitored_project(&app, &qd, "L-QD", world.dept("qd_kj")).await;
    let closed_round = open_round(&app, &jn, "370100", "2021-05-31").await;
    let jn_round = open_round(&app, &jn, "370100", "2021-06-30").await;
    let qd_round = open_round(&app, &qd, "370200", "2021-06-30").await;
    let _ = (jn_project, qd_project);
    let fill = |who: &'static str, round: String| {
        let app = &app;
        async move {
            let t = token(app, who).await;
            let (uri, report) = the_report(app, &t, &round).await;
            let body = json!({"indicators": [{"id": report["indicators"][0]["id"], "actual_value": "45"}]});
            let (status, r) = send(
                app,
                &t,
                "PUT",
                &uri,
                Some(body),
                Some(&format!("\"{}\"", report["version"])),
            )
            .await;
            assert_eq!(status, 200, "{r}");
            (uri, r)
        }
    };
    // 45 of an expected 60 is 75%: yellow by default; of 50 expected (May) it is 90%: green.
    let (jn_uri, jn_report) = fill("jn.kj", jn_round.clone()).await;
    let (qd_uri, qd_report) = fill("qd.kj", qd_round.clone()).await;
    let (closed_uri, closed_report) = fill("jn.kj", closed_round.clone()).await;
    assert_eq!(jn_report["lights"]["output"], "yellow");
    assert_eq!(qd_report["lights"]["output"], "yellow");
    assert_eq!(closed_report["lights"]["output"], "green");
    let sd = token(&app, "sd.fin").await;
    // Close the May round of Jinan before the rules change (the province runs no round here,
    // so Jinan's finance office closes its own).
    assert_eq!(
        send(
            &app,
            &jn,
            "POST",
            &format!("/api/v1/rounds/{closed_round}/close"),
            None,
            None
        )
        .await
        .0,
        200
    );

    // Broken overrides are refused, naming the rule.
    let (status, problem) = send(&app, &jn, "PUT", "/api/v1/regions/370100/warning-rules", Some(json!({"rules": {
        "indicator_accruing": {"metric": "ratio_to_prorated", "bands": [
            {"below": "80", "light": "red"}, {"below": "70", "light": "yellow"}, {"light": "green"}]}}})), None).await;
    assert_eq!(status, 422, "{problem}");
    assert!(
        problem["errors"]["rules.indicator_accruing"].is_array(),
        "{problem}"
    );
    assert_eq!(
        send(
            &app,
            &qd,
            "PUT",
            "/api/v1/regions/370100/warning-rules",
            Some(json!({"rules": {}})),
            None
        )
        .await
        .0,
        404
    );
    assert_eq!(
        send(
            &app,
            &jn,
            "PUT",
            "/api/v1/regions/370000/warning-rules",
            Some(json!({"rules": {}})),
            None
        )
        .await
        .0,
        403
    );

    // Jinan turns anything under 80% of the way red.
    let (status, changed) = send(&app, &jn, "PUT", "/api/v1/regions/370100/warning-rules", Some(json!({"rules": {
        "indicator_accruing": {"metric": "ratio_to_prorated", "bands": [
            {"below": "80", "light": "red"}, {"below": "120", "light": "green"}, {"light": "blue"}]}}})), None).await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!(
        changed["recomputed"], 1,
        "only Jinan's open report: {changed}"
    );
    assert_eq!(changed["rules"]["version"], "370100:1");
    let accruing = changed["rules"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "indicator_accruing")
        .unwrap();
    assert_eq!(accruing["source"], "370100");

    let jn_now = send(&app, &jn, "GET", &jn_uri, None, None).await.1;
    assert_eq!(jn_now["lights"]["output"], "red");
    assert_eq!(jn_now["lights"]["rules_version"], "370100:1");
    assert_eq!(
        send(&app, &qd, "GET", &qd_uri, None, None).await.1["lights"]["output"],
        "yellow"
    );
    let closed_now = send(&app, &jn, "GET", &closed_uri, None, None).await.1;
    assert_eq!(
        closed_now["lights"]["output"], "green",
        "closed rounds keep their lights"
    );
    assert_eq!(closed_now["lights"]["rules_version"], "default");

    // Qingdao and the province still see the defaults; Jinan's county inherits Jinan's.
    let (_, qd_rules) = send(
        &app,
        &qd,
        "GET",
        "/api/v1/regions/370200/warning-rules",
        None,
        None,
    )
    .await;
    assert_eq!(qd_rules["version"], "default");
    let (_, lixia) = send(
        &app,
        &sd,
        "GET",
        "/api/v1/regions/370102/warning-rules",
        None,
        None,
    )
    .await;
    assert_eq!(lixia["version"], "370100:1");
    assert_eq!(
        send(
            &app,
            &sd,
            "POST",
            &format!("/api/v1/rounds/{closed_round}/recompute"),
            None,
            None
        )
        .await
        .0,
        409
    );
    let (status, recomputed) = send(
        &app,
        &jn,
        "POST",
        &format!("/api/v1/rounds/{jn_round}/recompute"),
        None,
        None,
    )
    .await;
    assert_eq!(status, 200, "{recomputed}");
    assert_eq!(
        (
            recomputed["recomputed"].as_i64(),
            recomputed["changed"].as_i64()
        ),
        (Some(1), Some(0))
    );
}

#[actix_web::test]
async fn departments_are_ranked_by_score() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let fin = token(&app, "jn.fin").await;
    monitored_project(&app, &fin, "R-KJ", world.dept("jn_kj")).await;
    monitored_project(&app, &fin, "R-JY", world.dept("jn_jy")).await;
    let round = open_round(&app, &fin, "370100", "2021-06-30").await;
    for (who, actual) in [("jn.kj", "60"), ("jn.jy", "30")] {
        let t = token(&app, who).await;
        let (uri, report) = the_report(&app, &t, &round).await;
        let body = json!({"forecast_execution": "1000000.00", "goal_progress": "Reported",
            "indicators": [{"id": report["indicators"][0]["id"], "actual_value": actual, "forecast_value": "120",
                            "likelihood": "certain", "deviation_reasons": ["staffing"], "corrective_measures": "More staff"}]});
        let (status, r) = send(
            &app,
            &t,
            "PUT",
            &uri,
            Some(body),
            Some(&format!("\"{}\"", report["version"])),
        )
        .await;
        assert_eq!(status, 200, "{r}");
        assert_eq!(
            send(&app, &t, "POST", &format!("{uri}/submit"), None, None)
                .await
                .0,
            200
        );
    }
    let (status, ranking) = send(
        &app,
        &fin,
        "GET",
        &format!("/api/v1/rounds/{round}/rankings"),
        None,
        None,
    )
    .await;
    assert_eq!(status, 200, "{ranking}");
    let rows = ranking["items"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert!(ranking["next_cursor"].is_null());
    assert_eq!(
        (
            rows[0]["rank"].as_i64(),
            rows[0]["department_code"].as_str()
        ),
        (Some(1), Some("KJJ"))
    );
    assert_eq!(rows[1]["department_code"], "JYJ");
    assert_eq!(
        rows[0]["lights"]["red"], 1,
        "nothing spent by mid-year: execution is abnormal"
    );
    // 0.9 × 45 (0 for budget execution + 60 ÷ 120 × 90) + 0.1 × 100 (submitted on time, never returned)
    assert_eq!(rows[0]["score"], "50.50");
    assert_eq!(rows[0]["monitoring_quality"], "100.00");
    let res = call_service(
        &app,
        TestRequest::get()
            .uri(&format!("/api/v1/rounds/{round}/rankings"))
            .insert_header(("authorization", format!("Bearer {fin}")))
            .insert_header(("accept", "text/csv"))
            .to_request(),
    )
    .await;
    let csv = String::from_utf8(read_body(res).await.to_vec()).unwrap();
    let kjj = rows[0]["department_id"].as_str().unwrap();
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .starts_with(&format!("1,{kjj},KJJ,")),
        "{csv}"
    );
    // Pages of one: the second page holds the second department, and is the last.
    let (_, first) = send(
        &app,
        &fin,
        "GET",
        &format!("/api/v1/rounds/{round}/rankings?limit=1"),
        None,
        None,
    )
    .await;
    assert_eq!(first["items"][0]["department_code"], "KJJ");
    let cursor = first["next_cursor"].as_str().unwrap();
    let (_, second) = send(
        &app,
        &fin,
        "GET",
        &format!("/api/v1/rounds/{round}/rankings?limit=1&cursor={cursor}"),
        None,
        None,
    )
    .await;
    assert_eq!(second["items"][0]["department_code"], "JYJ");
    assert_eq!(second["items"][0]["rank"], 2);
    assert!(second["next_cursor"].is_null());
    let officer = token(&app, "jn.kj").await;
    assert_eq!(
        send(
            &app,
            &officer,
            "GET",
            &format!("/api/v1/rounds/{round}/rankings"),
            None,
            None
        )
        .await
        .0,
        403
    );
}
