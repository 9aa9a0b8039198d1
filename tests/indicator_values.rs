//! The indicator data feed end to end: business systems send measured values, the latest one
//! up to a round's cut-off becomes the report's actual value, and the department's own value
//! wins over anything fed later.

mod common;

use actix_web::test::{TestRequest, call_service, read_body};
use common::world::{seed, send, token};
use common::{TestDb, app, state_for};
use serde_json::{Value, json};

const URI: &str = "/api/v1/indicator-values";

async fn feed<S>(app: &S, token: &str, items: Value, key: Option<&str>) -> (u16, Value, bool)
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let mut req = TestRequest::post()
        .uri(URI)
        .insert_header(("authorization", format!("Bearer {token}")))
        .set_json(json!({ "items": items }));
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

/// A ready project with an accruing output indicator and a fixed effect one; returns the
/// project id and the two indicator ids.
async fn project<S>(
    app: &S,
    who: &str,
    code: &str,
    dept: uuid::Uuid,
    classified: bool,
) -> (String, String, String)
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let body = json!({
        "code": code, "name": format!("Project {code}"), "department_id": dept,
        "fiscal_year": 2021, "function_class": "20601", "classified": classified,
        "fund_sources": {"municipal": "3000000.00"}, "initial_budget": "3000000.00"
    });
    let (status, p) = send(app, who, "POST", "/api/v1/projects", Some(body), None).await;
    assert_eq!(status, 201, "{p}");
    let id = p["id"].as_str().unwrap().to_owned();
    let mut ids = Vec::new();
    for body in [
        json!({"level1": "output", "level2": "quantity", "name": "Enterprises supported",
               "comparator": ">=", "target_value": "120", "unit": "enterprises", "weight": "60"}),
        json!({"level1": "effect", "level2": "social", "name": "Service response time",
               "comparator": "<=", "target_value": "30", "unit": "minutes", "weight": "30",
               "accrues": false}),
    ] {
        let uri = format!("/api/v1/projects/{id}/indicators");
        let (status, b) = send(app, who, "POST", &uri, Some(body), None).await;
        assert_eq!(status, 201, "{b}");
        ids.push(b["id"].as_str().unwrap().to_owned());
    }
    (id, ids[0].clone(), ids[1].clone())
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
async fn fed_values_fill_the_actual_values_up_to_the_cut_off() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let fin = token(&app, "jn.fin").await;
    let admin = token(&app, "admin").await;
    let qd = token(&app, "qd.fin").await;
    let (_, output, effect) = project(&app, &fin, "FEED-A", world.dept("jn_kj"), false).await;
    let (_, secret, _) = project(&app, &admin, "FEED-S", world.dept("jn_kj"), true).await;
    let (_, qingdao, _) = project(&app, &qd, "FEED-Q", world.dept("qd_kj"), false).await;
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
    let open = format!("/api/v1/rounds/{round_id}/open");
    assert_eq!(send(&app, &fin, "POST", &open, None, None).await.0, 200);

    let by_name = |date: &str, value: &str, reference: &str| {
        json!({"region_code": "370100", "fiscal_year": 2021, "project_code": "FEED-A",
               "indicator_name": "Enterprises supported", "measured_on": date, "value": value,
               "source_system": "jn-enterprise", "external_ref": reference})
    };
    let by_id = |indicator: &str, date: &str, value: &str, reference: &str| {
        json!({"indicator_id": indicator, "measured_on": date, "value": value,
               "source_system": "jn-dispatch", "external_ref": reference})
    };
    let items = json!([
        by_name("2021-06-30", "40", "V1"),
        by_name("2021-07-20", "55", "V2"),
        // After the cut-off: stored, but not the report's.
        by_name("2021-08-10", "70", "V3"),
        // Resent: counted once.
        by_name("2021-07-20", "55", "V2"),
        // The same reference with another value.
        by_name("2021-07-20", "56", "V2"),
        by_id(&effect, "2021-07-01", "27", "R1"),
        {"indicator_id": effect, "measured_on": "2021-07-02", "achievement": "achieved",
         "source_system": "jn-dispatch", "external_ref": "R-bad"},
        by_id("0193a0c4-7f43-7000-8000-00000000dead", "2021-07-01", "1", "X1"),
        by_id(&effect, "2020-12-31", "27", "R-old"),
        by_id(&secret, "2021-07-01", "5", "S1"),
        by_id(&qingdao, "2021-07-01", "5", "Q1"),
        {"region_code": "370100", "fiscal_year": 2021, "project_code": "FEED-A",
         "measured_on": "2021-07-01", "value": "1", "source_system": "x", "external_ref": "N1"},
    ]);
    let (status, fed, _) = feed(&app, &fin, items.clone(), None).await;
    assert_eq!(status, 200, "{fed}");
    assert_eq!(
        statuses(&fed),
        [
            "created",
            "created",
            "created",
            "duplicate",
            "rejected",
            "created",
            "rejected",
            "rejected",
            "rejected",
            "rejected",
            "rejected",
            "rejected"
        ]
    );
    let errors = |i: usize| fed["items"][i]["errors"].clone();
    assert!(errors(4)["external_ref"].is_array(), "{fed}");
    assert!(errors(6)["value"].is_array(), "{fed}");
    assert!(errors(7)["indicator_id"].is_array(), "{fed}");
    assert!(errors(8)["measured_on"].is_array(), "{fed}");
    // A classified project's indicator and another city's are as unknown as a made-up id.
    assert_eq!(errors(9), errors(7));
    assert_eq!(errors(10), errors(7));
    assert!(errors(11)["indicator_id"].is_array(), "{fed}");
    assert_eq!(
        fed["summary"],
        json!({"received": 12, "created": 4, "duplicate": 1, "rejected": 7, "not_processed": 0})
    );
    assert_eq!(
        send(&app, &admin, "POST", URI, Some(json!({"items": []})), None)
            .await
            .0,
        200
    );
    let kj = token(&app, "jn.kj").await;
    assert_eq!(
        send(&app, &kj, "POST", URI, Some(json!({"items": []})), None)
            .await
            .0,
        403
    );

    // The report shows the latest value up to 31 July, with where and when it was measured.
    let (_, list) = send(
        &app,
        &kj,
        "GET",
        &format!("/api/v1/rounds/{round_id}/reports"),
        None,
        None,
    )
    .await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1, "{list}");
    let uri = format!(
        "/api/v1/reports/{}",
        list["items"][0]["id"].as_str().unwrap()
    );
    let (_, report) = send(&app, &kj, "GET", &uri, None, None).await;
    let rows = &report["indicators"];
    assert_eq!(rows[0]["actual_value"], "55");
    assert_eq!(rows[0]["actual_source"], "jn-enterprise");
    assert_eq!(rows[0]["actual_measured_on"], "2021-07-20");
    assert_eq!(rows[1]["actual_value"], "27");
    assert_eq!(rows[1]["actual_source"], "jn-dispatch");
    let system: Vec<&str> = report["system_filled"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(system.contains(&format!("indicators.{output}.actual").as_str()));
    // The fed values carry the forecast and likelihood along.
    assert_eq!(rows[1]["forecast_value"], "27");
    assert_eq!(rows[1]["likelihood"], "certain");

    // The department's own value stays, whatever is fed after it; the other row still follows
    // the feed.
    let body = json!({
        "forecast_execution": report["budget"]["forecast_execution"],
        "goal_progress": report["narrative"]["goal_progress"],
        "financial_management": report["narrative"]["financial_management"],
        "problems": report["narrative"]["problems"],
        "targets_need_adjusting": report["narrative"]["targets_need_adjusting"],
        "indicators": [{"id": rows[0]["id"], "actual_value": "60",
                        "forecast_value": rows[0]["forecast_value"],
                        "likelihood": rows[0]["likelihood"]}]
    });
    let version = format!("\"{}\"", report["version"]);
    let (status, own) = send(&app, &kj, "PUT", &uri, Some(body), Some(&version)).await;
    assert_eq!(status, 200, "{own}");
    assert_eq!(own["indicators"][0]["actual_value"], "60");
    assert_eq!(own["indicators"][0]["actual_source"], Value::Null);
    let later = json!([
        by_name("2021-07-28", "58", "V4"),
        by_id(&effect, "2021-07-30", "26", "R2"),
    ]);
    let (status, fed, replayed) = feed(&app, &fin, later.clone(), Some("late-july")).await;
    assert_eq!((status, replayed), (200, false), "{fed}");
    assert_eq!(statuses(&fed), ["created", "created"]);
    let (status, again, replayed) = feed(&app, &fin, later, Some("late-july")).await;
    assert_eq!((status, replayed), (200, true));
    assert_eq!(again, fed);
    let (_, report) = send(&app, &kj, "GET", &uri, None, None).await;
    let rows = &report["indicators"];
    assert_eq!(
        rows[0]["actual_value"], "60",
        "the department's value stays"
    );
    assert_eq!(rows[0]["actual_source"], Value::Null);
    let department: Vec<&str> = report["department_fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(department.contains(&format!("indicators.{output}.actual").as_str()));
    assert_eq!(rows[1]["actual_value"], "26");
    assert_eq!(rows[1]["actual_measured_on"], "2021-07-30");

    // Listed within scope.
    let (_, values) = send(
        &app,
        &fin,
        "GET",
        &format!("{URI}?indicator={output}"),
        None,
        None,
    )
    .await;
    let listed: Vec<&str> = values["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["external_ref"].as_str().unwrap())
        .collect();
    assert_eq!(listed, ["V1", "V2", "V3", "V4"]);
    let (_, dept) = send(
        &app,
        &kj,
        "GET",
        &format!("{URI}?to=2021-07-31"),
        None,
        None,
    )
    .await;
    assert_eq!(dept["items"].as_array().unwrap().len(), 5, "{dept}");
    let (_, other_city) = send(&app, &qd, "GET", URI, None, None).await;
    assert!(other_city["items"].as_array().unwrap().is_empty());
}
