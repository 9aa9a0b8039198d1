//! To-do lists: what waits for a department officer and a finance officer follows the objects'
//! states through the report, rectification and target-adjustment workflows.

mod common;

use chrono::{NaiveDate, Utc};
use common::api::Api;
use common::world::seed;
use common::{TestDb, app, state_for};
use serde_json::{Value, json};

const USERS: [&str; 5] = ["jn.fin", "jn.kj", "jn.jy", "jn.aud", "admin"];
const DUE: &str = "2031-08-20";

fn count(tasks: &Value, kind: &str) -> i64 {
    tasks["counts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == kind)
        .unwrap_or_else(|| panic!("no count of {kind}: {tasks}"))["count"]
        .as_i64()
        .unwrap()
}

fn ids(tasks: &Value, kind: &str) -> Vec<String> {
    tasks["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["kind"] == kind)
        .map(|t| t["object_id"].as_str().unwrap().to_owned())
        .collect()
}

#[actix_web::test]
async fn each_roles_to_do_list_follows_the_objects_states() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let api = Api::new(&app, &USERS).await;
    let tasks = |who: &'static str| {
        let api = &api;
        async move { api.expect(who, "GET", "/api/v1/me/tasks", None, 200).await }
    };

    // Three ready projects: two of the science bureau, one of the education bureau.
    let mut projects = Vec::new();
    for (code, dept) in [
        ("JN-T-1", "jn_kj"),
        ("JN-T-2", "jn_kj"),
        ("JN-T-3", "jn_jy"),
    ] {
        let id = api
            .created(
                "jn.fin",
                "/api/v1/projects",
                json!({"code": code, "name": format!("Project {code}"), "department_id": world.dept(dept),
                       "fiscal_year": 2021, "function_class": "20601",
                       "fund_sources": {"municipal": "1000000.00"}, "initial_budget": "1000000.00"}),
            )
            .await;
        api.created(
            "jn.fin",
            &format!("/api/v1/projects/{id}/indicators"),
            json!({"level1": "output", "level2": "quantity", "name": "Items", "comparator": ">=",
                   "target_value": "120", "unit": "items", "weight": "90"}),
        )
        .await;
        projects.push(id);
    }
    // Nothing is open yet: nothing to do.
    let kj = tasks("jn.kj").await;
    assert_eq!(count(&kj, "report_to_fill"), 0);
    let round = api
        .created(
            "jn.fin",
            "/api/v1/rounds",
            json!({"region_code": "370100", "fiscal_year": 2021, "name": "Jinan H1",
                   "cutoff_date": "2021-06-30", "open_date": "2021-07-01", "due_date": DUE}),
        )
        .await;
    api.expect(
        "jn.fin",
        "POST",
        &format!("/api/v1/rounds/{round}/open"),
        None,
        200,
    )
    .await;

    // The department: its two drafts and its department report, with the days left.
    let kj = tasks("jn.kj").await;
    let kinds: Vec<&str> = kj["counts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "report_to_fill",
            "report_to_resubmit",
            "department_report_to_fill",
            "department_report_to_resubmit",
            "rectification_to_answer",
            "target_adjustment_rejected"
        ]
    );
    assert_eq!(count(&kj, "report_to_fill"), 2);
    assert_eq!(count(&kj, "department_report_to_fill"), 1);
    let days =
        (NaiveDate::parse_from_str(DUE, "%Y-%m-%d").unwrap() - Utc::now().date_naive()).num_days();
    let first = &kj["items"][0];
    assert_eq!(first["kind"], "report_to_fill");
    assert_eq!(first["due_date"], DUE);
    assert_eq!(first["days_left"], days);
    let report = first["object_id"].as_str().unwrap().to_owned();
    assert_eq!(first["link"], format!("/api/v1/reports/{report}"));
    let linked = api
        .expect("jn.kj", "GET", first["link"].as_str().unwrap(), None, 200)
        .await;
    assert_eq!(linked["status"], "draft");
    // The other bureau sees only its own; an auditor has no tasks.
    let jy = tasks("jn.jy").await;
    assert_eq!(count(&jy, "report_to_fill"), 1);
    assert!(!ids(&jy, "report_to_fill").contains(&report));
    let aud = tasks("jn.aud").await;
    assert_eq!(aud, json!({"counts": [], "items": []}));
    // Finance has nothing to review yet.
    let fin = tasks("jn.fin").await;
    assert_eq!(count(&fin, "report_to_review"), 0);

    // Submitted: off the department's list, on finance's.
    let uri = format!("/api/v1/reports/{report}");
    let current = api.expect("jn.kj", "GET", &uri, None, 200).await;
    let row = current["indicators"][0]["id"].clone();
    api.change(
        "jn.kj",
        "PUT",
        &uri,
        json!({"forecast_execution": "900000.00", "goal_progress": "On its way",
               "indicators": [{"id": row, "actual_value": "60", "forecast_value": "120",
                               "likelihood": "possible", "deviation_reasons": ["staffing"],
                               "corrective_measures": "More staff"}]}),
    )
    .await;
    api.expect("jn.kj", "POST", &format!("{uri}/submit"), None, 200)
        .await;
    assert_eq!(count(&tasks("jn.kj").await, "report_to_fill"), 1);
    let fin = tasks("jn.fin").await;
    assert_eq!(ids(&fin, "report_to_review"), vec![report.clone()]);
    assert_eq!(
        ids(&tasks("admin").await, "report_to_review"),
        vec![report.clone()]
    );
    // Returned: back on the department's list to resubmit.
    api.expect(
        "jn.fin",
        "POST",
        &format!("{uri}/return"),
        Some(json!({"comment": "Explain the delay"})),
        200,
    )
    .await;
    let kj = tasks("jn.kj").await;
    assert_eq!(ids(&kj, "report_to_resubmit"), vec![report.clone()]);
    assert_eq!(count(&tasks("jn.fin").await, "report_to_review"), 0);

    // A rectification: to answer, then to verify, then off both lists.
    let inspection = api
        .created(
            "jn.fin",
            "/api/v1/inspections",
            json!({"project_id": projects[0], "round_id": round}),
        )
        .await;
    let finding = api
        .created(
            "jn.fin",
            &format!("/api/v1/inspections/{inspection}/findings"),
            json!({"category": "unreasonable_targets", "description": "Too high", "severity": "medium"}),
        )
        .await;
    let rectification = api
        .created(
            "jn.fin",
            "/api/v1/rectifications",
            json!({"finding_id": finding, "requirement": "Revise the plan", "deadline": "2031-09-30"}),
        )
        .await;
    let kj = tasks("jn.kj").await;
    assert_eq!(
        ids(&kj, "rectification_to_answer"),
        vec![rectification.clone()]
    );
    assert_eq!(count(&tasks("jn.jy").await, "rectification_to_answer"), 0);
    api.expect(
        "jn.kj",
        "POST",
        &format!("/api/v1/rectifications/{rectification}/response"),
        Some(json!({"response": "Plan revised"})),
        200,
    )
    .await;
    assert_eq!(count(&tasks("jn.kj").await, "rectification_to_answer"), 0);
    let fin = tasks("jn.fin").await;
    assert_eq!(
        ids(&fin, "rectification_to_verify"),
        vec![rectification.clone()]
    );
    api.expect(
        "jn.fin",
        "POST",
        &format!("/api/v1/rectifications/{rectification}/verify"),
        Some(json!({"accept": true})),
        200,
    )
    .await;
    assert_eq!(count(&tasks("jn.fin").await, "rectification_to_verify"), 0);

    // A target adjustment: to decide, then rejected news for the department.
    let indicators = api
        .expect(
            "jn.kj",
            "GET",
            &format!("/api/v1/projects/{}/indicators", projects[0]),
            None,
            200,
        )
        .await;
    let request = api
        .expect(
            "jn.kj",
            "POST",
            &format!("/api/v1/projects/{}/target-adjustments", projects[0]),
            Some(json!({"reason": "Too high", "finding_id": finding, "changes": [
                {"op": "change", "indicator_id": indicators["items"][0]["id"], "set": {"target_value": "100"}}
            ]})),
            201,
        )
        .await;
    let rid = request["id"].as_str().unwrap().to_owned();
    assert_eq!(
        ids(&tasks("jn.fin").await, "target_adjustment_to_decide"),
        vec![rid.clone()]
    );
    assert_eq!(
        count(&tasks("jn.kj").await, "target_adjustment_rejected"),
        0
    );
    let answer = common::walk::call(
        api.app,
        &api.tokens["jn.fin"],
        "POST",
        &format!("/api/v1/target-adjustments/{rid}/reject"),
        Some(&json!({"comment": "Keep the target"})),
        Some("\"1\""),
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert_eq!(
        count(&tasks("jn.fin").await, "target_adjustment_to_decide"),
        0
    );
    let kj = tasks("jn.kj").await;
    assert_eq!(ids(&kj, "target_adjustment_rejected"), vec![rid.clone()]);
    let item = kj["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["object_id"] == rid.as_str())
        .unwrap();
    assert_eq!(item["link"], format!("/api/v1/target-adjustments/{rid}"));
    assert_eq!(item["days_left"], Value::Null);

    // `limit` bounds the items per kind, never the counts.
    let one = api
        .expect("jn.jy", "GET", "/api/v1/me/tasks?limit=1", None, 200)
        .await;
    assert_eq!(count(&one, "report_to_fill"), 1);
    let kj = api
        .expect("jn.kj", "GET", "/api/v1/me/tasks?limit=1", None, 200)
        .await;
    assert_eq!(count(&kj, "report_to_fill"), 1);
    assert_eq!(count(&kj, "department_report_to_fill"), 1);
    assert_eq!(kj["items"].as_array().unwrap().len(), 4);
    for bad in ["0", "501", "x"] {
        let answer = api
            .call(
                "jn.kj",
                "GET",
                &format!("/api/v1/me/tasks?limit={bad}"),
                None,
            )
            .await;
        assert_eq!(answer.status, 400, "{bad}: {}", answer.text);
    }
}
