//! Classification after the fact: a project and a department get reports, department reports,
//! inspections, findings, opinions, rectifications, adjustments (one a reallocation to a
//! visible project), spending records and audit events, and are classified only then. Every
//! GET operation of the OpenAPI document is walked (so an endpoint added later is covered
//! without editing this file): for region-scoped readers the classified objects answer 404, no
//! answer, export or ranking names them, and no statistic moves; admins and the objects' own
//! departments still reach them; every write on them answers 404 to a region officer and
//! changes nothing.

mod common;

use std::collections::{BTreeMap, HashMap};

use actix_web::dev::{Service, ServiceResponse};
use common::walk::{Answer, Operation, call, fill_path, operations, with_query};
use common::world::{World, seed, token};
use common::{TestDb, app, state_for};
use serde_json::{Value, json};

const USERS: [&str; 8] = [
    "admin",
    "sd.fin",
    "jn.fin",
    "jn.aud",
    "jn.kj",
    "jn.jy",
    "qd.fin",
    "jn.secret",
];
/// Region-scoped readers of the classified objects' region, who must never see them.
const REGION_READERS: [&str; 3] = ["jn.fin", "jn.aud", "sd.fin"];
/// Marks every free text written about the objects to be classified.
const MARK: &str = "SECRETMARK";
const ROUND_CUTOFF: &str = "2021-06-30";

struct Api<'a, S> {
    app: &'a S,
    tokens: HashMap<&'static str, String>,
}

impl<S> Api<'_, S>
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    async fn call(&self, who: &str, method: &str, uri: &str, body: Option<Value>) -> Answer {
        call(
            self.app,
            &self.tokens[who],
            method,
            uri,
            body.as_ref(),
            None,
        )
        .await
    }

    /// The JSON answer of a request that must give `status`.
    async fn expect(
        &self,
        who: &str,
        method: &str,
        uri: &str,
        body: Option<Value>,
        status: u16,
    ) -> Value {
        let answer = self.call(who, method, uri, body).await;
        assert_eq!(
            answer.status, status,
            "{who} {method} {uri}: {}",
            answer.text
        );
        answer.json()
    }

    async fn created(&self, who: &str, uri: &str, body: Value) -> String {
        let v = self.expect(who, "POST", uri, Some(body), 201).await;
        v["id"].as_str().unwrap().to_owned()
    }

    /// A PUT or PATCH with the current ETag (read first by `who`).
    async fn change(&self, who: &str, method: &str, uri: &str, body: Value) -> Value {
        let current = self.call(who, "GET", uri, None).await;
        assert_eq!(current.status, 200, "{who} GET {uri}: {}", current.text);
        let etag = current.etag.expect("an ETag");
        let answer = call(
            self.app,
            &self.tokens[who],
            method,
            uri,
            Some(&body),
            Some(&etag),
        )
        .await;
        assert_eq!(answer.status, 200, "{who} {method} {uri}: {}", answer.text);
        answer.json()
    }

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
struct Scene {
    world: World,
    round: String,
    /// Ids of everything that is about to be classified, by kind.
    secrets: Vec<(&'static str, String)>,
    /// Codes, names and other text that only the classified objects carry.
    secret_texts: Vec<String>,
    /// Ids of visible objects, to walk the operations that take them.
    visible: Vec<String>,
    /// The KJJ department report, which keeps a classified project's report in its department.
    kjj_department_report: String,
    secret_project: String,
    secret_department: uuid::Uuid,
}

impl Scene {
    fn secret_ids(&self) -> Vec<&str> {
        self.secrets.iter().map(|(_, id)| id.as_str()).collect()
    }

    fn leaks(&self, text: &str) -> Vec<String> {
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
fn by_id(kind: &str, id: &str) -> String {
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
        // Spending records have no single-object GET; the list shows them.
        "execution_record" => return "/api/v1/execution-records?limit=500".to_owned(),
        other => panic!("no single-object path for {other}"),
    };
    format!("/api/v1/{base}/{id}")
}

/// Values for the query parameters an operation requires.
fn required_query(op: &Operation, uri: String, round: &str) -> String {
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

async fn build<S>(api: &Api<'_, S>, world: World) -> Scene
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
async fn add_secret_data<S>(api: &Api<'_, S>, scene: &mut Scene)
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
async fn statistics<S>(api: &Api<'_, S>, scene: &Scene) -> BTreeMap<String, String>
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
fn get_requests(scene: &Scene) -> Vec<(Operation, String)> {
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

/// Builds the scene, with the statistics as they were before the classified data existed, and
/// classifies the project and (separately) the department.
async fn classified_scene<S>(api: &Api<'_, S>, world: World) -> (Scene, BTreeMap<String, String>)
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    let mut scene = build(api, world).await;
    let before = statistics(api, &scene).await;
    add_secret_data(api, &mut scene).await;

    // Everything is visible to the region before the flags are set (the walks would pass
    // vacuously otherwise).
    let listed = api
        .call(
            "jn.fin",
            "GET",
            &format!("/api/v1/rounds/{}/reports", scene.round),
            None,
        )
        .await;
    assert!(!scene.leaks(&listed.text).is_empty());
    let events = api
        .call("jn.aud", "GET", "/api/v1/audit-events?limit=500", None)
        .await;
    assert!(!scene.leaks(&events.text).is_empty());

    let project_uri = format!("/api/v1/projects/{}", scene.secret_project);
    api.change("admin", "PATCH", &project_uri, json!({"classified": true}))
        .await;
    let department_uri = format!("/api/v1/departments/{}", scene.secret_department);
    api.change(
        "admin",
        "PATCH",
        &department_uri,
        json!({"classified": true}),
    )
    .await;
    (scene, before)
}

async fn tokens<S>(app: &S) -> HashMap<&'static str, String>
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    let mut tokens = HashMap::new();
    for who in USERS {
        tokens.insert(who, token(app, who).await);
    }
    tokens
}

#[actix_web::test]
async fn classified_after_the_fact_is_invisible_everywhere_to_region_scopes() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let api = Api {
        tokens: tokens(&app).await,
        app: &app,
    };
    let (scene, before) = classified_scene(&api, world).await;

    // No statistic moved: they are what they were before the classified data existed.
    let after = statistics(&api, &scene).await;
    for (key, was) in &before {
        assert_eq!(&after[key], was, "{key} moved");
    }

    // Region readers: every GET of the document.
    let requests = get_requests(&scene);
    let secret_ids = scene.secret_ids();
    let mut walked = 0;
    for who in REGION_READERS {
        for (op, uri) in &requests {
            let answer = api.call(who, "GET", uri, None).await;
            walked += 1;
            assert!(answer.status < 500, "{who} GET {uri}: {}", answer.text);
            let leaks = scene.leaks(&answer.text);
            assert!(
                leaks.is_empty(),
                "{who} GET {uri} ({}) names {leaks:?}: {}",
                answer.status,
                answer.text
            );
            let names_secret_in_path = secret_ids
                .iter()
                .any(|id| uri.split('?').next().unwrap().contains(id));
            if names_secret_in_path {
                let expected = if op.allows(api_role(who)) { 404 } else { 403 };
                assert_eq!(answer.status, expected, "{who} GET {uri}: {}", answer.text);
            }
        }
    }
    assert!(walked > 1000, "the walk made only {walked} requests");

    // Admins and the objects' own departments still reach them.
    for (kind, id) in &scene.secrets {
        let answer = api.call("admin", "GET", &by_id(kind, id), None).await;
        assert_eq!(answer.status, 200, "admin {kind} {id}: {}", answer.text);
        assert!(
            answer.text.contains(id.as_str()),
            "admin {kind}: {}",
            answer.text
        );
    }
    for (who, kinds_of) in [
        ("jn.kj", &scene.secret_project),
        ("jn.jy", &scene.secrets[1].1),
    ] {
        let answer = api
            .call(
                who,
                "GET",
                &format!("/api/v1/rounds/{}/reports?project={kinds_of}", scene.round),
                None,
            )
            .await;
        assert_eq!(answer.json()["items"].as_array().unwrap().len(), 1, "{who}");
        let answer = api
            .call(
                who,
                "GET",
                &format!("/api/v1/projects/{kinds_of}/key-monitoring"),
                None,
            )
            .await;
        assert_eq!(answer.status, 200, "{who}: {}", answer.text);
    }
    let answer = api
        .call(
            "admin",
            "GET",
            &format!("/api/v1/audit-events?project={}", scene.secret_project),
            None,
        )
        .await;
    assert!(answer.json()["items"].as_array().unwrap().len() > 3);
    let answer = api
        .call(
            "jn.kj",
            "GET",
            &format!("/api/v1/department-reports/{}", scene.kjj_department_report),
            None,
        )
        .await;
    let counts = &answer.json()["reports_by_status"];
    assert_eq!(
        counts,
        &json!([{"status": "submitted", "count": 2}]),
        "own department counts its classified project's report"
    );

    // The receiving project keeps its money, without the source's code, id or adjustment.
    let receiver = &scene.visible[1];
    let history = api
        .call(
            "jn.fin",
            "GET",
            &format!("/api/v1/projects/{receiver}/budget-history"),
            None,
        )
        .await
        .json();
    let entries = history["items"].as_array().unwrap();
    assert_eq!(entries.len(), 2, "{history}");
    assert_eq!(entries[1]["amount"], "1000.00");
    assert_eq!(entries[1]["reason"], "reallocated from another project");
    let admin_history = api
        .call(
            "admin",
            "GET",
            &format!("/api/v1/projects/{receiver}/budget-history"),
            None,
        )
        .await
        .json();
    assert_eq!(
        admin_history["items"][1]["reason"],
        "reallocated from project JN-VIS-SECRET"
    );
    assert_eq!(
        admin_history["items"][1]["counterpart_project_id"],
        scene.secret_project.as_str()
    );
}

#[actix_web::test]
async fn every_write_on_a_classified_object_is_404_for_the_region_and_changes_nothing() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let api = Api {
        tokens: tokens(&app).await,
        app: &app,
    };
    let (scene, _) = classified_scene(&api, world).await;
    // What an admin reads of each classified object, and the newest audit event.
    let snapshot = || async {
        let mut seen = Vec::new();
        for (kind, id) in &scene.secrets {
            seen.push(api.call("admin", "GET", &by_id(kind, id), None).await.text);
        }
        seen.push(
            api.call("admin", "GET", "/api/v1/audit-events?limit=1", None)
                .await
                .text,
        );
        seen
    };
    let before = snapshot().await;

    // Each write must answer exactly as it answers for an object that does not exist: 404, or
    // 403 where the role may never do it, with the same words.
    let nobody = uuid::Uuid::now_v7().to_string();
    let mut tried = 0;
    for op in operations().into_iter().filter(|o| o.method != "GET") {
        let path_params = op.path_params();
        if path_params.is_empty() || path_params.iter().any(|p| p == "code") {
            continue;
        }
        for who in REGION_READERS {
            let send = |id: String, etag: Option<String>| {
                let op = &op;
                let api = &api;
                async move {
                    let uri = fill_path(&op.path, |_| id.clone());
                    let if_match = op
                        .has_header("If-Match")
                        .then(|| etag.unwrap_or_else(|| "\"1\"".to_owned()));
                    call(
                        api.app,
                        &api.tokens[who],
                        &op.method,
                        &uri,
                        op.body_example.as_ref(),
                        if_match.as_deref(),
                    )
                    .await
                }
            };
            let missing = send(nobody.clone(), None).await;
            assert!(
                [403, 404].contains(&missing.status),
                "{who} {} {} on a missing object: {}",
                op.method,
                op.path,
                missing.text
            );
            for id in scene.secret_ids() {
                // The version the object is at, so only the scope can stop the write.
                let uri = fill_path(&op.path, |_| id.to_owned());
                let etag = if op.has_header("If-Match") {
                    api.call("admin", "GET", &uri, None).await.etag
                } else {
                    None
                };
                let answer = send(id.to_owned(), etag).await;
                tried += 1;
                assert_eq!(
                    (answer.status, answer.json()["detail"].clone()),
                    (missing.status, missing.json()["detail"].clone()),
                    "{who} {} {uri} ({}) answers otherwise than for a missing object: {}",
                    op.method,
                    op.id,
                    answer.text
                );
            }
        }
    }
    assert!(tried > 300, "only {tried} writes tried");
    assert_eq!(
        snapshot().await,
        before,
        "a refused write changed something"
    );

    // Creates that name a classified object in their body: it does not exist for the caller.
    let [secret, education] = [&scene.secrets[0].1, &scene.secrets[1].1];
    let finding = scene.secrets.iter().find(|(k, _)| *k == "finding").unwrap();
    for (uri, body, field) in [
        (
            "/api/v1/inspections",
            json!({"project_id": secret}),
            "project_id",
        ),
        (
            "/api/v1/adjustments",
            json!({"project_id": education, "kind": "reduce", "amount": "1.00", "document_number": "X-1"}),
            "project_id",
        ),
        (
            "/api/v1/adjustments",
            json!({"project_id": scene.visible[0], "kind": "reallocate", "amount": "1.00", "document_number": "X-2", "destination_project_id": secret}),
            "destination_project_id",
        ),
        (
            "/api/v1/rectifications",
            json!({"finding_id": finding.1, "requirement": "Fix", "deadline": "2031-12-31"}),
            "finding_id",
        ),
        (
            "/api/v1/projects",
            json!({"code": "X-NEW", "name": "New", "department_id": scene.secret_department, "fiscal_year": 2021,
                                    "function_class": "20601", "fund_sources": {"municipal": "1.00"}, "initial_budget": "1.00"}),
            "department_id",
        ),
    ] {
        let answer = api.call("jn.fin", "POST", uri, Some(body)).await;
        assert_eq!(answer.status, 422, "POST {uri}: {}", answer.text);
        assert!(
            answer.json()["errors"][field].is_array(),
            "POST {uri}: {}",
            answer.text
        );
        assert!(scene.leaks(&answer.text).is_empty(), "{}", answer.text);
    }
    let fed = api
        .expect(
            "jn.fin",
            "POST",
            "/api/v1/execution-records",
            Some(
                json!({"items": [{"project_id": secret, "payment_date": "2021-04-01",
                                   "amount": "1.00", "external_ref": "X-3"}]}),
            ),
            200,
        )
        .await;
    assert_eq!(fed["items"][0]["status"], "rejected", "{fed}");
    assert_eq!(
        fed["items"][0]["errors"]["project_id"][0],
        "no project in your scope matches"
    );

    // The code of a classified project is unavailable, and nothing says who holds it.
    let taken = json!({"code": "JN-VIS-SECRET", "name": "Again", "department_id": scene.world.dept("jn_kj"),
                       "fiscal_year": 2021, "function_class": "20601",
                       "fund_sources": {"municipal": "1.00"}, "initial_budget": "1.00"});
    let answer = api
        .call("jn.fin", "POST", "/api/v1/projects", Some(taken))
        .await;
    assert_eq!(answer.status, 409, "{}", answer.text);
    let detail = answer.json()["detail"].as_str().unwrap().to_owned();
    assert!(
        detail.contains("not available") && !detail.contains("scope"),
        "{detail}"
    );
    let imported = api
        .expect(
            "jn.fin",
            "POST",
            "/api/v1/projects/import",
            Some(json!({"items": [{"region_code": "370100", "fiscal_year": 2021, "code": "JN-VIS-SECRET",
                "department_code": "KJJ", "name": "Again", "function_class": "20601",
                "fund_sources": {"municipal": "1.00"}, "initial_budget": "1.00"}]})),
            200,
        )
        .await;
    let item = &imported["items"][0];
    assert_eq!(item["status"], "rejected", "{imported}");
    let said = item.to_string();
    assert!(
        said.contains("not available") && !said.contains("outside your scope"),
        "{said}"
    );
    let answer = api
        .call(
            "jn.fin",
            "POST",
            "/api/v1/departments",
            Some(json!({"region_code": "370100", "code": "JYJ", "name": "Another"})),
        )
        .await;
    assert_eq!(answer.status, 409, "{}", answer.text);
    assert!(
        answer.json()["detail"]
            .as_str()
            .unwrap()
            .contains("not available")
    );
}

/// The role of a seeded user, as the document's `x-roles` name it.
fn api_role(who: &str) -> &'static str {
    match who {
        "admin" => "admin",
        "sd.fin" | "jn.fin" | "qd.fin" => "finance_officer",
        "jn.aud" | "qd.aud" => "auditor",
        _ => "department_officer",
    }
}
