//! One query language for every list, checked against the OpenAPI document: an unknown query
//! parameter answers 400 naming it on every operation, and each shared filter (`region`,
//! `department`, `project`, `round`, `fiscal_year`, `status`, `q`, `level`) narrows every list
//! that documents it to the items it names.

mod common;

use std::collections::HashMap;

use actix_web::dev::{Service, ServiceResponse};
use common::api::Api;
use common::walk::{Operation, call, fill_path, operations, with_query};
use common::world::{seed, token};
use common::{TestDb, app, state_for};
use serde_json::{Value, json};

impl<S> Api<'_, S>
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    async fn project(
        &self,
        who: &str,
        code: &str,
        name: &str,
        dept: uuid::Uuid,
        year: i32,
    ) -> String {
        let id = self
            .created(
                who,
                "/api/v1/projects",
                json!({"code": code, "name": name, "department_id": dept, "fiscal_year": year,
                       "function_class": "20601", "fund_sources": {"municipal": "1000000.00"},
                       "initial_budget": "1000000.00"}),
            )
            .await;
        self.created(
            who,
            &format!("/api/v1/projects/{id}/indicators"),
            json!({"level1": "output", "level2": "quantity", "name": "Output", "comparator": ">=",
                   "target_value": "120", "unit": "items", "weight": "90"}),
        )
        .await;
        id
    }

    /// An inspection (in `round`, if any) with a finding and a rectification, an adjustment,
    /// a spending record and a measured value of `project`'s indicator.
    async fn activity(&self, project: &str, round: Option<&str>, reference: &str) {
        let inspection = self
            .created(
                "jn.fin",
                "/api/v1/inspections",
                json!({"project_id": project, "round_id": round}),
            )
            .await;
        let finding = self
            .created(
                "jn.fin",
                &format!("/api/v1/inspections/{inspection}/findings"),
                json!({"category": "slow_progress", "description": "Behind", "severity": "low"}),
            )
            .await;
        self.created(
            "jn.fin",
            "/api/v1/rectifications",
            json!({"finding_id": finding, "requirement": "Catch up", "deadline": "2031-12-31"}),
        )
        .await;
        self.created(
            "jn.fin",
            "/api/v1/adjustments",
            json!({"project_id": project, "kind": "reduce", "amount": "10.00",
                   "document_number": reference}),
        )
        .await;
        self.expect(
            "jn.fin",
            "POST",
            "/api/v1/execution-records",
            Some(
                json!({"items": [{"project_id": project, "payment_date": "2021-03-01",
                                   "amount": "100.00", "external_ref": reference}]}),
            ),
            200,
        )
        .await;
        let indicators = self
            .call(
                "jn.fin",
                "GET",
                &format!("/api/v1/projects/{project}/indicators"),
                None,
            )
            .await;
        let indicator = indicators.json()["items"][0]["id"].clone();
        let fed = self
            .expect(
                "jn.fin",
                "POST",
                "/api/v1/indicator-values",
                Some(
                    json!({"items": [{"indicator_id": indicator, "measured_on": "2021-03-01",
                                       "value": "10", "source_system": "test",
                                       "external_ref": reference}]}),
                ),
                200,
            )
            .await;
        assert_eq!(fed["summary"]["created"], 1, "{fed}");
    }

    /// What the project's monitoring led to: a target adjustment, a results application in
    /// `round`, and a policy revision of its inspection.
    async fn results(&self, project: &str, round: &str) {
        let indicators = self
            .call(
                "jn.fin",
                "GET",
                &format!("/api/v1/projects/{project}/indicators"),
                None,
            )
            .await;
        let indicator = indicators.json()["items"][0]["id"].clone();
        self.created(
            "jn.fin",
            &format!("/api/v1/projects/{project}/target-adjustments"),
            json!({"reason": "Renamed", "changes": [
                {"op": "change", "indicator_id": indicator, "set": {"name": "Renamed indicator"}}
            ]}),
        )
        .await;
        self.created(
            "jn.fin",
            "/api/v1/result-applications",
            json!({"round_id": round, "project_id": project, "measures": ["continue"]}),
        )
        .await;
        let inspections = self
            .call(
                "jn.fin",
                "GET",
                &format!("/api/v1/inspections?project={project}"),
                None,
            )
            .await;
        let inspection = inspections.json()["items"][0]["id"].clone();
        self.created(
            "jn.fin",
            &format!(
                "/api/v1/inspections/{}/opinions",
                inspection.as_str().unwrap()
            ),
            json!({"kind": "policy_revision", "text": "Revise", "policy_name": "Rules"}),
        )
        .await;
    }
}

/// The values for required parameters and for path ids of a list.
struct Known {
    round: String,
    project: String,
}

fn list_uri(op: &Operation, known: &Known) -> String {
    let mut uri = fill_path(&op.path, |_| {
        if op.path.starts_with("/api/v1/rounds/") {
            known.round.clone()
        } else {
            known.project.clone()
        }
    });
    for p in op.query().filter(|p| p.required) {
        let value = match p.name.as_str() {
            "region" | "parent" => "370000".to_owned(),
            "year" => "2021".to_owned(),
            "round" => known.round.clone(),
            other => panic!("{} requires {other}: give the test a value", op.id),
        };
        uri = with_query(&uri, &p.name, &value);
    }
    with_query(&uri, "limit", "500")
}

#[actix_web::test]
async fn an_unknown_query_parameter_is_a_400_naming_it_on_every_operation() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    let admin = token(&app, "admin").await;
    let known = Known {
        round: uuid::Uuid::now_v7().to_string(),
        project: uuid::Uuid::now_v7().to_string(),
    };
    let mut checked = 0;
    for op in operations()
        .into_iter()
        .filter(|o| o.path.starts_with("/api/"))
    {
        let uri = fill_path(&op.path, |name| match name {
            "code" => "370100".to_owned(),
            _ => known.project.clone(),
        });
        let uri = with_query(&uri, "regoin", "370100");
        let answer = call(&app, &admin, &op.method, &uri, None, None).await;
        assert_eq!(answer.status, 400, "{} {uri}: {}", op.method, answer.text);
        let problem = answer.json();
        let detail = problem["detail"].as_str().unwrap_or_default();
        assert!(detail.contains("`regoin`"), "{} {uri}: {detail}", op.method);
        assert_eq!(answer.content_type, "application/problem+json");
        checked += 1;
    }
    assert!(checked >= 80, "only {checked} operations");
    // A filter that was renamed says what it is called now.
    let answer = call(
        &app,
        &admin,
        "GET",
        "/api/v1/projects?within=370100",
        None,
        None,
    )
    .await;
    assert_eq!(answer.status, 400);
    assert!(
        answer.text.contains("`within` (now `region`)"),
        "{}",
        answer.text
    );
    // The statistics still name a missing required parameter.
    let answer = call(
        &app,
        &admin,
        "GET",
        "/api/v1/stats/departments?region=370100&year=2021",
        None,
        None,
    )
    .await;
    assert_eq!(answer.status, 400);
    assert!(answer.text.contains("round"), "{}", answer.text);
}

/// Whether `item` fits filter `name` = `value`, judged by the fields the item carries (an item
/// without the field is judged by the list's count alone).
fn fits(name: &str, value: &str, item: &Value, lixia_projects: &[String]) -> bool {
    match name {
        "region" => ["region_code", "code"]
            .iter()
            .find_map(|f| item[*f].as_str())
            .is_none_or(|code| code == "370102"),
        "department" => item["department_id"].as_str().is_none_or(|d| d == value),
        "project" => match item["project_id"].as_str() {
            Some(p) => p == value || item["destination_project_id"].as_str() == Some(value),
            None => true,
        },
        "round" => item["round_id"].as_str().is_none_or(|r| r == value),
        "fiscal_year" => item["fiscal_year"]
            .as_i64()
            .is_none_or(|y| y.to_string() == value),
        "q" => {
            item.to_string().to_lowercase().contains("lixia")
                || item["project_id"]
                    .as_str()
                    .is_some_and(|p| lixia_projects.iter().any(|l| l == p))
        }
        "level" => item["region_code"].as_str().is_none_or(|c| c == "370102"),
        _ => true,
    }
}

#[actix_web::test]
async fn every_shared_filter_narrows_every_list_that_documents_it() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let api = Api::new(&app, &["admin", "jn.fin", "jn.kj"]).await;
    // Jinan's two bureaus, a Lixia (county) bureau, and a project of 2022.
    let lixia = world.dept("lixia_cz");
    let p1 = api
        .project("jn.fin", "QL-KJ-1", "Incubator", world.dept("jn_kj"), 2021)
        .await;
    api.project("jn.fin", "QL-JY-1", "Schools", world.dept("jn_jy"), 2021)
        .await;
    let lx = api
        .project("jn.fin", "QL-LX-1", "Lixia roads", lixia, 2021)
        .await;
    api.project("jn.fin", "QL-KJ-22", "Next year", world.dept("jn_kj"), 2022)
        .await;
    let round = api
        .created(
            "jn.fin",
            "/api/v1/rounds",
            json!({"region_code": "370100", "fiscal_year": 2021, "name": "Jinan H1",
                   "cutoff_date": "2021-06-30", "open_date": "2021-07-01", "due_date": "2031-12-31"}),
        )
        .await;
    let mut lixia_round = String::new();
    for (region, year) in [("370102", 2021), ("370100", 2022)] {
        let id = api.created(
            "jn.fin",
            "/api/v1/rounds",
            json!({"region_code": region, "fiscal_year": year, "name": format!("{region} {year}"),
                   "cutoff_date": format!("{year}-06-30"), "open_date": format!("{year}-07-01"),
                   "due_date": "2031-12-31"}),
        )
        .await;
        if region == "370102" {
            lixia_round = id;
        }
    }
    api.expect(
        "jn.fin",
        "POST",
        &format!("/api/v1/rounds/{round}/open"),
        None,
        200,
    )
    .await;
    api.activity(&p1, Some(&round), "QL-DOC-1").await;
    api.activity(&lx, None, "QL-DOC-2").await;
    // Lixia's own round, open, holds Lixia's results application.
    api.expect(
        "jn.fin",
        "POST",
        &format!("/api/v1/rounds/{lixia_round}/open"),
        None,
        200,
    )
    .await;
    api.results(&p1, &round).await;
    api.results(&lx, &lixia_round).await;
    api.created(
        "admin",
        "/api/v1/users",
        json!({"username": "lx.officer", "password": "Lixia-2021-pass", "display_name": "Lixia officer",
               "role": "department_officer", "department_id": lixia}),
    )
    .await;
    let known = Known {
        round: round.clone(),
        project: p1.clone(),
    };
    let values: HashMap<&str, String> = HashMap::from([
        ("region", "370102".to_owned()),
        ("department", lixia.to_string()),
        ("project", lx.clone()),
        ("round", round.clone()),
        ("fiscal_year", "2022".to_owned()),
        ("q", "Lixia".to_owned()),
        ("level", "county".to_owned()),
    ]);
    let lixia_projects = vec![lx.clone()];
    let mut checked: Vec<String> = Vec::new();
    for op in operations()
        .into_iter()
        .filter(|o| o.method == "GET" && o.takes("limit"))
    {
        let base = list_uri(&op, &known);
        let all = call(&app, &api.tokens["admin"], "GET", &base, None, None).await;
        assert_eq!(all.status, 200, "{base}: {}", all.text);
        let total = all.json()["items"].as_array().unwrap().len();
        for (name, value) in &values {
            // A required parameter is the list's subject (the region of a statistic), set above.
            if !op.query().any(|p| p.name == *name && !p.required) {
                continue;
            }
            let uri = with_query(&base, name, value);
            let answer = call(&app, &api.tokens["admin"], "GET", &uri, None, None).await;
            assert_eq!(answer.status, 200, "{uri}: {}", answer.text);
            let items = answer.json()["items"].as_array().unwrap().clone();
            assert!(!items.is_empty(), "{uri} matches nothing");
            assert!(
                items.len() < total,
                "{uri} does not narrow the list ({total} items)"
            );
            for item in &items {
                assert!(
                    fits(name, value, item, &lixia_projects),
                    "{uri} gave {item}"
                );
            }
            checked.push(format!("{} {name}", op.id));
        }
        // A status filter gives only items of that status, and the statuses add up to all.
        if let Some(status) = op.query().find(|p| p.name == "status") {
            let doc = serde_json::to_value(budget_monitor::openapi::document()).unwrap();
            let values = doc["components"]["schemas"][&status.kind]["enum"]
                .as_array()
                .unwrap_or_else(|| panic!("{}: status is not an enum", op.id))
                .clone();
            let mut sum = 0;
            for v in values {
                let v = v.as_str().unwrap();
                let uri = with_query(&base, "status", v);
                let answer = call(&app, &api.tokens["admin"], "GET", &uri, None, None).await;
                assert_eq!(answer.status, 200, "{uri}: {}", answer.text);
                let items = answer.json()["items"].as_array().unwrap().clone();
                assert!(items.iter().all(|i| i["status"] == v), "{uri}: {items:?}");
                sum += items.len();
            }
            assert_eq!(sum, total, "{}: the statuses do not add up", op.id);
            checked.push(format!("{} status", op.id));
        }
    }
    for expected in [
        "list_projects region",
        "list_projects department",
        "list_projects fiscal_year",
        "list_projects status",
        "list_projects q",
        "list_departments region",
        "list_departments level",
        "list_regions region",
        "list_users region",
        "list_users department",
        "list_rounds region",
        "list_rounds level",
        "list_rounds fiscal_year",
        "list_rounds status",
        "list_round_reports region",
        "list_round_reports department",
        "list_round_reports project",
        "list_round_reports status",
        "list_round_reports q",
        "list_department_reports region",
        "list_department_reports department",
        "list_department_reports status",
        "list_rankings region",
        "list_inspections region",
        "list_inspections project",
        "list_inspections round",
        "list_inspections department",
        "list_findings region",
        "list_findings project",
        "list_findings round",
        "list_findings department",
        "list_rectifications region",
        "list_rectifications project",
        "list_rectifications round",
        "list_rectifications department",
        "list_adjustments region",
        "list_adjustments project",
        "list_adjustments department",
        "list_execution_records region",
        "list_execution_records project",
        "list_execution_records department",
        "list_indicator_values region",
        "list_indicator_values project",
        "list_indicator_values department",
        "list_audit_events region",
        "list_audit_events project",
        "list_audit_events department",
    ] {
        assert!(
            checked.iter().any(|c| c == expected),
            "{expected} was not checked: {checked:?}"
        );
    }
}
