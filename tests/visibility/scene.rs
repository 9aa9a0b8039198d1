//! The scenario of `tests/visibility`: data of a project and a department made while they are
//! ordinary, to be classified afterwards.

use std::collections::BTreeMap;

use actix_web::dev::{Service, ServiceResponse};
use serde_json::json;

use crate::common::api::Api;
use crate::common::walk::{Operation, fill_path, operations, with_query};
use crate::common::world::World;

/// Region-scoped readers of the classified objects' region, who must never see them.
pub const REGION_READERS: [&str; 3] = ["jn.fin", "jn.aud", "sd.fin"];
/// Marks every free text written about the objects to be classified.
const MARK: &str = "SECRETMARK";
const ROUND_CUTOFF: &str = "2021-06-30";

impl<S> Api<'_, S>
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    /// A project with one output indicator of weight 90, so it is ready for monitoring.
    async fn monitored(&self, code: &str, name: &str, department: uuid::Uuid) -> String {
        let id = self.project(code, name, department).await;
        self.created(
            "jn.fin",
            &format!("/api/v1/projects/{id}/indicators"),
            json!({"level1": "output", "level2": "quantity", "name": format!("{name} output"),
                   "comparator": ">=", "target_value": "120", "unit": "items", "weight": "90"}),
        )
        .await;
        id
    }

    async fn project(&self, code: &str, name: &str, department: uuid::Uuid) -> String {
        self.created(
            "jn.fin",
            "/api/v1/projects",
            json!({"code": code, "name": name, "department_id": department, "fiscal_year": 2021,
                   "function_class": "20601", "fund_sources": {"municipal": "1000000.00"},
                   "initial_budget": "1000000.00"}),
        )
        .await
    }

    /// The report of `project` in `round`, as `who` lists it.
    async fn report_of(&self, who: &str, round: &str, project: &str) -> String {
        let list = self
            .expect(
                who,
                "GET",
                &format!("/api/v1/rounds/{round}/reports?project={project}"),
                None,
                200,
            )
            .await;
        list["items"][0]["id"].as_str().unwrap().to_owned()
    }

    /// Fills in a report completely (with `text` in its free text) and submits it, as its
    /// department's officer.
    async fn submit(&self, officer: &str, report: &str, text: &str) {
        let uri = format!("/api/v1/reports/{report}");
        let current = self.expect(officer, "GET", &uri, None, 200).await;
        let row = current["indicators"][0]["id"].clone();
        self.change(
            officer,
            "PUT",
            &uri,
            json!({"forecast_execution": "900000.00", "goal_progress": format!("{text} on its way"),
                   "indicators": [{"id": row, "actual_value": "60", "forecast_value": "120",
                                   "likelihood": "possible", "deviation_reasons": ["staffing"],
                                   "corrective_measures": format!("{text} more staff")}]}),
        )
        .await;
        self.expect(officer, "POST", &format!("{uri}/submit"), None, 200)
            .await;
    }

    /// An inspection of `project` in `round` with a finding, an opinion and a rectification
    /// the department has answered: (inspection, finding, rectification).
    async fn key_monitoring(
        &self,
        project: &str,
        round: &str,
        officer: &str,
        text: &str,
    ) -> (String, String, String) {
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
                json!({"category": "idle_funds", "description": format!("{text} idle"),
                       "severity": "high", "amount": "100.00"}),
            )
            .await;
        self.created(
            "jn.fin",
            &format!("/api/v1/inspections/{inspection}/opinions"),
            json!({"kind": "suggestion", "text": format!("{text} suggestion")}),
        )
        .await;
        let rectification = self
            .created(
                "jn.fin",
                "/api/v1/rectifications",
                json!({"finding_id": finding, "requirement": format!("{text} fix it"),
                       "deadline": "2031-12-31", "warning_days": 7}),
            )
            .await;
        self.expect(
            officer,
            "POST",
            &format!("/api/v1/rectifications/{rectification}/response"),
            Some(json!({"response": format!("{text} fixed")})),
            200,
        )
        .await;
        (inspection, finding, rectification)
    }

    async fn spend(&self, project: &str, reference: &str) -> String {
        let answer = self
            .expect(
                "jn.fin",
                "POST",
                "/api/v1/execution-records",
                Some(
                    json!({"items": [{"project_id": project, "payment_date": "2021-03-01",
                                       "amount": "5000.00", "external_ref": reference,
                                       "description": reference}]}),
                ),
                200,
            )
            .await;
        assert_eq!(answer["items"][0]["status"], "created", "{answer}");
        answer["items"][0]["id"].as_str().unwrap().to_owned()
    }
}

/// What the scenario made.
pub struct Scene {
    pub world: World,
    pub round: String,
    /// Ids of everything that is about to be classified, by kind.
    pub secrets: Vec<(&'static str, String)>,
    /// Codes, names and other text that only the classified objects carry.
    pub secret_texts: Vec<String>,
    /// Ids of visible objects, to walk the operations that take them.
    pub visible: Vec<String>,
    /// The KJJ department report, which keeps a classified project's report in its department.
    pub kjj_department_report: String,
    pub secret_project: String,
    pub secret_department: uuid::Uuid,
}

impl Scene {
    pub fn secret_ids(&self) -> Vec<&str> {
        self.secrets.iter().map(|(_, id)| id.as_str()).collect()
    }

    pub fn leaks(&self, text: &str) -> Vec<String> {
        let mut found: Vec<String> = self
            .secrets
            .iter()
            .filter(|(_, id)| text.contains(id.as_str()))
            .map(|(kind, id)| format!("{kind} {id}"))
            .collect();
        found.extend(
            self.secret_texts
                .iter()
                .filter(|t| text.contains(t.as_str()))
                .cloned(),
        );
        found
    }
}

/// The path of the single-object GET of each kind of secret.
pub fn by_id(kind: &str, id: &str) -> String {
    let base = match kind {
        "project" => "projects",
        "report" => "reports",
        "department_report" => "department-reports",
        "inspection" => "inspections",
        "finding" => "findings",
        "rectification" => "rectifications",
        "adjustment" => "adjustments",
        "department" => "departments",
        "user" => "users",
        "indicator" => "indicators",
        "target_adjustment" => "target-adjustments",
        "result_application" => "result-applications",
        // Spending records have no single-object GET; the list shows them.
        "execution_record" => return "/api/v1/execution-records?limit=500".to_owned(),
        other => panic!("no single-object path for {other}"),
    };
    format!("/api/v1/{base}/{id}")
}

/// Values for the query parameters an operation requires.
pub fn required_query(op: &Operation, uri: String, round: &str) -> String {
    let mut uri = uri;
    for p in op.query().filter(|p| p.required) {
        let value = match p.name.as_str() {
            "region" | "parent" => "370100".to_owned(),
            "year" => "2021".to_owned(),
            "round" => round.to_owned(),
            other => panic!("{} requires {other}: give the walk a value", op.id),
        };
        uri = with_query(&uri, &p.name, &value);
    }
    // One page holds everything this scenario makes, so nothing hides past page one.
    if op.takes("limit") {
        uri = with_query(&uri, "limit", "500");
    }
    uri
}

pub async fn build<S>(api: &Api<'_, S>, world: World) -> Scene
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    let kjj = world.dept("jn_kj");
    let jyj = world.dept("jn_jy");
    // Visible: a monitored project with a report, key monitoring and spending, and a project
    // outside the round that will receive a reallocation from the classified one.
    let p1 = api.monitored("JN-VIS-OPEN", "Open incubator", kjj).await;
    let receiver = api.project("JN-VIS-RECV", "Receiving project", kjj).await;
    let round = api
        .created(
            "jn.fin",
            "/api/v1/rounds",
            json!({"region_code": "370100", "fiscal_year": 2021, "name": "Jinan first half",
                   "cutoff_date": ROUND_CUTOFF, "open_date": "2021-07-01",
                   "due_date": "2031-12-31", "warning_days": 5}),
        )
        .await;
    let open = format!("/api/v1/rounds/{round}/open");
    api.expect("jn.fin", "POST", &open, None, 200).await;
    let p1_report = api.report_of("jn.fin", &round, &p1).await;
    api.submit("jn.kj", &p1_report, "Open").await;
    let (p1_inspection, p1_finding, p1_rectification) =
        api.key_monitoring(&p1, &round, "jn.kj", "Open").await;
    let p1_record = api.spend(&p1, "OPEN-ER-1").await;
    let listed = api
        .expect(
            "jn.fin",
            "GET",
            &format!("/api/v1/rounds/{round}/department-reports?department={kjj}"),
            None,
            200,
        )
        .await;
    let kjj_department_report = listed["items"][0]["id"].as_str().unwrap().to_owned();
    Scene {
        visible: vec![
            p1.clone(),
            receiver.clone(),
            round.clone(),
            p1_report,
            p1_inspection,
            p1_finding,
            p1_rectification,
            p1_record,
            kjj_department_report.clone(),
            kjj.to_string(),
            world.dept("jn_kj_unit").to_string(),
            world.user("jn.kj").to_string(),
            world.user("jn.fin").to_string(),
        ],
        world,
        round,
        secrets: Vec::new(),
        secret_texts: Vec::new(),
        kjj_department_report,
        secret_project: String::new(),
        secret_department: jyj,
    }
}

/// The classified objects' data, made while they are still ordinary.
pub async fn add_secret_data<S>(api: &Api<'_, S>, scene: &mut Scene)
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    let kjj = scene.world.dept("jn_kj");
    let jyj = scene.secret_department;
    let round = scene.round.clone();
    let secret = api
        .monitored("JN-VIS-SECRET", &format!("{MARK} aviation"), kjj)
        .await;
    let education = api
        .monitored("JN-VIS-EDU", &format!("{MARK} schools"), jyj)
        .await;
    let mut secrets = vec![("project", secret.clone()), ("project", education.clone())];
    for project in [&secret, &education] {
        let listed = api
            .expect(
                "admin",
                "GET",
                &format!("/api/v1/projects/{project}/indicators"),
                None,
                200,
            )
            .await;
        for indicator in listed["items"].as_array().unwrap() {
            secrets.push(("indicator", indicator["id"].as_str().unwrap().to_owned()));
        }
    }
    secrets.push((
        "execution_record",
        api.spend(&secret, &format!("{MARK}-ER-1")).await,
    ));
    secrets.push((
        "execution_record",
        api.spend(&education, &format!("{MARK}-ER-2")).await,
    ));
    // Opening again adds the new projects' reports and the education bureau's department report.
    api.expect(
        "jn.fin",
        "POST",
        &format!("/api/v1/rounds/{round}/open"),
        None,
        200,
    )
    .await;
    let secret_report = api.report_of("jn.fin", &round, &secret).await;
    let education_report = api.report_of("jn.fin", &round, &education).await;
    api.submit("jn.kj", &secret_report, MARK).await;
    api.submit("jn.jy", &education_report, MARK).await;
    secrets.push(("report", secret_report));
    secrets.push(("report", education_report));
    let listed = api
        .expect(
            "jn.fin",
            "GET",
            &format!("/api/v1/rounds/{round}/department-reports?department={jyj}"),
            None,
            200,
        )
        .await;
    let education_department_report = listed["items"][0]["id"].as_str().unwrap().to_owned();
    let uri = format!("/api/v1/department-reports/{education_department_report}");
    api.change(
        "jn.jy",
        "PUT",
        &uri,
        json!({"summary": format!("{MARK} summary")}),
    )
    .await;
    api.expect("jn.jy", "POST", &format!("{uri}/submit"), None, 200)
        .await;
    secrets.push(("department_report", education_department_report));
    for (project, officer) in [(&secret, "jn.kj"), (&education, "jn.jy")] {
        let (inspection, finding, rectification) = api
            .key_monitoring(project, &round, officer, &format!("{MARK} {officer}"))
            .await;
        secrets.push(("inspection", inspection));
        secrets.push(("finding", finding));
        secrets.push(("rectification", rectification));
        let reduce = api
            .created(
                "jn.fin",
                "/api/v1/adjustments",
                json!({"project_id": project, "kind": "reduce", "amount": "100.00",
                       "document_number": format!("{MARK}-DOC-{officer}")}),
            )
            .await;
        secrets.push(("adjustment", reduce));
    }
    // What monitoring led to: a target adjustment, a results application, a policy revision.
    for (project, officer) in [(&secret, "jn.kj"), (&education, "jn.jy")] {
        let listed = api
            .expect(
                "admin",
                "GET",
                &format!("/api/v1/projects/{project}/indicators"),
                None,
                200,
            )
            .await;
        let indicator = listed["items"][0]["id"].as_str().unwrap().to_owned();
        let request = api
            .created(
                officer,
                &format!("/api/v1/projects/{project}/target-adjustments"),
                json!({"reason": format!("{MARK} targets"), "changes": [
                    {"op": "change", "indicator_id": indicator, "set": {"name": format!("{MARK} indicator")}}
                ]}),
            )
            .await;
        secrets.push(("target_adjustment", request));
        let application = api
            .created(
                "jn.fin",
                "/api/v1/result-applications",
                json!({"round_id": round, "project_id": project, "measures": ["rectify"],
                       "text": format!("{MARK} results")}),
            )
            .await;
        secrets.push(("result_application", application));
        let inspections = api
            .expect(
                "admin",
                "GET",
                &format!("/api/v1/inspections?project={project}"),
                None,
                200,
            )
            .await;
        let inspection = inspections["items"][0]["id"].as_str().unwrap().to_owned();
        api.created(
            "jn.fin",
            &format!("/api/v1/inspections/{inspection}/opinions"),
            json!({"kind": "policy_revision", "text": format!("{MARK} revise"),
                   "policy_name": format!("{MARK} policy")}),
        )
        .await;
    }
    let reallocation = api
        .created(
            "jn.fin",
            "/api/v1/adjustments",
            json!({"project_id": secret, "kind": "reallocate", "amount": "1000.00",
                   "document_number": format!("{MARK}-DOC-REALLOC"),
                   "destination_project_id": scene.visible[1]}),
        )
        .await;
    secrets.push(("adjustment", reallocation));
    secrets.push(("department", jyj.to_string()));
    secrets.push(("user", scene.world.user("jn.jy").to_string()));
    scene.secrets = secrets;
    scene.secret_texts = vec![
        MARK.to_owned(),
        "JN-VIS-SECRET".to_owned(),
        "JN-VIS-EDU".to_owned(),
        "Jinan Education Bureau".to_owned(),
        "jn.jy".to_owned(),
    ];
    scene.secret_project = secret;
}

/// Every statistic and ranking each reader can ask about the round's region.
pub async fn statistics<S>(api: &Api<'_, S>, scene: &Scene) -> BTreeMap<String, String>
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    let mut out = BTreeMap::new();
    let round = &scene.round;
    let mut uris: Vec<String> = Vec::new();
    for op in operations()
        .iter()
        .filter(|o| o.method == "GET" && o.path.starts_with("/api/v1/stats/"))
    {
        for region in ["370100", "370000"] {
            let mut uri = op.path.clone();
            for p in op.query().filter(|p| p.required) {
                let value = match p.name.as_str() {
                    "region" | "parent" => region.to_owned(),
                    "year" => "2021".to_owned(),
                    "round" => round.clone(),
                    other => panic!("{} requires {other}", op.id),
                };
                uri = with_query(&uri, &p.name, &value);
            }
            uris.push(uri.clone());
            if op.takes("round") && !uri.contains("round=") {
                uris.push(with_query(&uri, "round", round));
            }
        }
    }
    uris.push(format!("/api/v1/rounds/{round}/rankings"));
    uris.push(format!("/api/v1/rounds/{round}/rankings?format=csv"));
    for who in ["admin", "sd.fin", "jn.fin", "jn.aud", "jn.kj"] {
        for uri in &uris {
            let answer = api.call(who, "GET", uri, None).await;
            out.insert(
                format!("{who} {uri}"),
                format!("{} {}", answer.status, answer.text),
            );
        }
    }
    // Department-report totals as the region's readers see them.
    for who in REGION_READERS {
        for uri in [
            format!("/api/v1/department-reports/{}", scene.kjj_department_report),
            format!("/api/v1/rounds/{round}/department-reports"),
        ] {
            let answer = api.call(who, "GET", &uri, None).await;
            out.insert(
                format!("{who} {uri}"),
                format!("{} {}", answer.status, answer.text),
            );
        }
    }
    out
}

/// Every GET operation, with every id the scene knows where it takes an id, also as CSV and
/// XLSX where it exports, and with each uuid-typed filter set to each classified id.
pub fn get_requests(scene: &Scene) -> Vec<(Operation, String)> {
    let secret_ids = scene.secret_ids();
    let mut out = Vec::new();
    for op in operations().into_iter().filter(|o| o.method == "GET") {
        let path_params = op.path_params();
        // (path, whether to try the filters on it)
        let paths: Vec<(String, bool)> = if path_params.iter().any(|p| p == "code") {
            ["370000", "370100", "370102", "370200"]
                .iter()
                .map(|c| (fill_path(&op.path, |_| (*c).to_owned()), false))
                .collect()
        } else if path_params.is_empty() {
            vec![(op.path.clone(), true)]
        } else {
            let secret = secret_ids
                .iter()
                .map(|id| (fill_path(&op.path, |_| (*id).to_owned()), false));
            let visible = scene
                .visible
                .iter()
                .map(|id| (fill_path(&op.path, |_| id.clone()), true));
            secret.chain(visible).collect()
        };
        for (path, with_filters) in paths {
            let uri = required_query(&op, path, &scene.round);
            let mut variants = vec![uri.clone()];
            if op.takes("format") {
                variants.push(with_query(&uri, "format", "csv"));
                variants.push(with_query(&uri, "format", "xlsx"));
            }
            if with_filters {
                for p in op.query().filter(|p| p.kind == "uuid" && !p.required) {
                    for secret in &secret_ids {
                        variants.push(with_query(&uri, &p.name, secret));
                    }
                }
            }
            out.extend(variants.into_iter().map(|v| (op.clone(), v)));
        }
    }
    out
}
