//! Reads never write: a report's system figures and lights are brought up to date by the writes
//! that move their inputs (spending records, indicators, budget changes, warning rules, fund
//! adjustments, returning a report), in the same transaction, and a GET of a report leaves its
//! row, its indicator rows and its evaluation exactly as they were (not even locked: `xmin` and
//! `xmax` of each row stay). Every GET operation of the OpenAPI document also answers through a
//! database connection that refuses writes.

mod common;
#[allow(dead_code)]
#[path = "visibility/scene.rs"]
mod scene;

use actix_web::dev::{Service, ServiceResponse};
use common::api::Api;
use common::walk::call;
use common::world::seed;
use common::{TestDb, app, config_for, state_for};
use diesel::pg::PgConnection;
use diesel::sql_types::Text;
use diesel::{QueryableByName, RunQueryDsl};
use serde_json::{Value, json};

const USERS: [&str; 6] = ["admin", "sd.fin", "jn.fin", "jn.aud", "jn.kj", "jn.jy"];
/// Jinan's round: cut-off 30 June, so the time progress is 50.00 by months, 49.59 by days.
const CUTOFF: &str = "2021-06-30";

/// Everything stored about a report, with each row's `xmin` and `xmax`: a row written or even
/// locked (`SELECT ... FOR UPDATE`) since shows a different one.
fn stored(conn: &mut PgConnection, report: &str) -> String {
    #[derive(QueryableByName)]
    struct State {
        #[diesel(sql_type = Text)]
        state: String,
    }
    diesel::sql_query(
        "SELECT concat_ws(E'\\n', \
           (SELECT concat(r.xmin, ' ', r.xmax, ' ', row_to_json(r)) FROM reports r \
             WHERE r.id = $1::uuid), \
           (SELECT string_agg(concat(i.xmin, ' ', i.xmax, ' ', row_to_json(i)), E'\\n' \
                              ORDER BY i.id) \
              FROM report_indicators i WHERE i.report_id = $1::uuid), \
           (SELECT concat(e.xmin, ' ', e.xmax, ' ', row_to_json(e)) FROM report_evaluations e \
             WHERE e.report_id = $1::uuid), \
           (SELECT concat('light changes: ', count(*)) FROM project_light_changes c \
             WHERE c.report_id = $1::uuid), \
           (SELECT concat('audit events: ', count(*)) FROM audit_events)) AS state",
    )
    .bind::<Text, _>(report)
    .get_result::<State>(conn)
    .expect("the stored report")
    .state
}

/// Reads the report several times, as several readers, and checks that the reads changed
/// nothing stored and agree with each other (body, version, ETag, `updated_at`). Returns it.
async fn read_without_writing<S>(api: &Api<'_, S>, conn: &mut PgConnection, report: &str) -> Value
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    let before = stored(conn, report);
    let uri = format!("/api/v1/reports/{report}");
    let first = api.call("jn.kj", "GET", &uri, None).await;
    assert_eq!(first.status, 200, "{}", first.text);
    let body = first.json();
    assert_eq!(
        first.etag.as_deref(),
        Some(format!("\"{}\"", body["version"]).as_str()),
        "the ETag is the version"
    );
    for who in ["jn.fin", "jn.aud", "admin", "jn.kj"] {
        let again = api.call(who, "GET", &uri, None).await;
        assert_eq!(again.status, 200, "{who}: {}", again.text);
        assert_eq!(again.etag, first.etag, "{who}'s read moved the ETag");
        assert_eq!(again.json(), body, "{who} read another report");
    }
    let after = stored(conn, report);
    assert_eq!(before, after, "reading the report wrote or locked a row");
    body
}

/// A project of `dept` of 1,000,000.00 yuan with one accruing output indicator (>= 120, weight
/// 90), and its report in an open Jinan round to 30 June: (project, round, report).
async fn monitored_report<S>(
    api: &Api<'_, S>,
    dept: uuid::Uuid,
    code: &str,
) -> (String, String, String)
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    let project = monitored(api, dept, code).await;
    let round = api
        .created(
            "jn.fin",
            "/api/v1/rounds",
            json!({"region_code": "370100", "fiscal_year": 2021, "name": format!("Jinan {code}"),
                   "cutoff_date": CUTOFF, "open_date": "2021-07-01", "due_date": "2031-12-31",
                   "warning_days": 5}),
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
    let report = report_of(api, &round, &project).await;
    (project, round, report)
}

#[actix_web::test]
async fn spending_records_are_in_the_report_before_anyone_reads_it() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let api = Api::new(&app, &USERS).await;
    let mut conn = db.connect();
    let (project, _, report) = monitored_report(&api, world.dept("jn_kj"), "RNW-SPEND").await;
    let fresh = read_without_writing(&api, &mut conn, &report).await;
    assert_eq!(fresh["budget"]["executed_amount"], "0.00");
    assert_eq!(fresh["lights"]["budget"], "red", "{}", fresh["lights"]);

    // Before the cut-off, after it (not counted), and a refund.
    spend(&api, &project, "2021-03-01", "500000.00", "S-1").await;
    spend(&api, &project, "2021-07-15", "50000.00", "S-2").await;
    spend(&api, &project, "2021-05-01", "-50000.00", "S-3").await;
    let report_now = read_without_writing(&api, &mut conn, &report).await;
    assert_eq!(report_now["budget"]["executed_amount"], "450000.00");
    assert_eq!(report_now["budget"]["execution_rate"], "45.00");
    assert_eq!(
        report_now["lights"]["budget"], "green",
        "{}",
        report_now["lights"]
    );
    assert!(report_now["version"].as_i64() > fresh["version"].as_i64());
}

#[actix_web::test]
async fn indicator_changes_are_in_the_report_before_anyone_reads_it() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let api = Api::new(&app, &USERS).await;
    let mut conn = db.connect();
    let (project, _, report) = monitored_report(&api, world.dept("jn_kj"), "RNW-IND").await;
    let fresh = read_without_writing(&api, &mut conn, &report).await;
    assert_eq!(fresh["indicators"][0]["expected_value"], "60");
    let indicator = fresh["indicators"][0]["indicator_id"]
        .as_str()
        .unwrap()
        .to_owned();

    // A finance officer raises the target mid-round.
    api.change(
        "jn.fin",
        "PATCH",
        &format!("/api/v1/indicators/{indicator}"),
        json!({"target_value": "240"}),
    )
    .await;
    let edited = read_without_writing(&api, &mut conn, &report).await;
    assert_eq!(edited["indicators"][0]["target_value"], "240");
    assert_eq!(edited["indicators"][0]["expected_value"], "120");

    // An indicator added, then deleted.
    let added = api
        .created(
            "jn.fin",
            &format!("/api/v1/projects/{project}/indicators"),
            json!({"level1": "effect", "level2": "social", "name": "Response time",
                   "comparator": "<=", "target_value": "30", "unit": "minutes", "weight": "10",
                   "accrues": false}),
        )
        .await;
    let with_two = read_without_writing(&api, &mut conn, &report).await;
    let rows = with_two["indicators"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{with_two}");
    assert!(rows.iter().any(|r| r["indicator_id"] == added.as_str()));
    assert!(
        with_two["system_filled"]
            .as_array()
            .unwrap()
            .contains(&json!(format!("indicators.{added}.expected_value")))
    );

    api.expect(
        "jn.fin",
        "DELETE",
        &format!("/api/v1/indicators/{added}"),
        None,
        204,
    )
    .await;
    let with_one = read_without_writing(&api, &mut conn, &report).await;
    assert_eq!(
        with_one["indicators"].as_array().unwrap().len(),
        1,
        "{with_one}"
    );
    assert!(
        !with_one["system_filled"]
            .as_array()
            .unwrap()
            .contains(&json!(format!("indicators.{added}.expected_value")))
    );
}

#[actix_web::test]
async fn a_budget_change_is_in_the_report_before_anyone_reads_it() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let api = Api::new(&app, &USERS).await;
    let mut conn = db.connect();
    let (project, _, report) = monitored_report(&api, world.dept("jn_kj"), "RNW-BUDGET").await;
    spend(&api, &project, "2021-03-01", "500000.00", "B-1").await;
    let before = read_without_writing(&api, &mut conn, &report).await;
    assert_eq!(before["budget"]["execution_rate"], "50.00");
    assert_eq!(before["lights"]["budget"], "green");

    api.change(
        "jn.fin",
        "PATCH",
        &format!("/api/v1/projects/{project}"),
        json!({"initial_budget": "2000000.00", "fund_sources": {"municipal": "2000000.00"}}),
    )
    .await;
    let after = read_without_writing(&api, &mut conn, &report).await;
    assert_eq!(after["budget"]["adjusted_budget"], "2000000.00");
    assert_eq!(after["budget"]["execution_rate"], "25.00");
    assert_eq!(after["lights"]["budget"], "red", "{}", after["lights"]);
}

#[actix_web::test]
async fn a_rule_change_moves_the_figures_and_lights_before_anyone_reads_them() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let api = Api::new(&app, &USERS).await;
    let mut conn = db.connect();
    let (project, _, report) = monitored_report(&api, world.dept("jn_kj"), "RNW-RULES").await;
    spend(&api, &project, "2021-03-01", "500000.00", "R-1").await;
    let before = read_without_writing(&api, &mut conn, &report).await;
    assert_eq!(before["budget"]["time_progress"], "50.00");
    assert_eq!(before["lights"]["budget"], "green");

    // Jinan counts the year by days and wants 110 % of the prorated budget spent.
    let changed = api
        .expect(
            "jn.fin",
            "PUT",
            "/api/v1/regions/370100/warning-rules",
            Some(json!({
                "rules": {"budget_execution": {"metric": "ratio_to_prorated", "bands": [
                    {"below": "110", "light": "red"}, {"below": "120", "light": "yellow"},
                    {"light": "green"}]}},
                "settings": {"budget_rule": "budget_execution", "budget_share": "10",
                             "grade_edges": ["90", "80", "60"], "time_progress": "day"}})),
            200,
        )
        .await;
    assert_eq!(changed["recomputed"], 1, "{changed}");
    let after = read_without_writing(&api, &mut conn, &report).await;
    // 181 of 365 days; the indicator's expected value follows (120 × 49.59 %).
    assert_eq!(after["budget"]["time_progress"], "49.59");
    assert_eq!(after["indicators"][0]["expected_value"], "59.508");
    assert_eq!(after["lights"]["budget"], "red", "{}", after["lights"]);
    assert_eq!(after["lights"]["rules_version"], "370100:1");
    assert!(after["version"].as_i64() > before["version"].as_i64());
}

#[actix_web::test]
async fn fund_adjustments_and_their_reversal_are_in_the_report_before_anyone_reads_it() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let api = Api::new(&app, &USERS).await;
    let mut conn = db.connect();
    let (project, _, report) = monitored_report(&api, world.dept("jn_kj"), "RNW-ADJ").await;
    spend(&api, &project, "2021-03-01", "500000.00", "A-1").await;
    read_without_writing(&api, &mut conn, &report).await;

    let reduce = api
        .created(
            "jn.fin",
            "/api/v1/adjustments",
            json!({"project_id": project, "kind": "reduce", "amount": "100000.00",
                   "document_number": "JNCZ-2021-1"}),
        )
        .await;
    let reduced = read_without_writing(&api, &mut conn, &report).await;
    assert_eq!(reduced["budget"]["adjusted_budget"], "900000.00");
    assert_eq!(reduced["budget"]["execution_rate"], "55.56");

    api.created(
        "jn.fin",
        "/api/v1/adjustments",
        json!({"project_id": project, "kind": "reduce", "amount": "100000.00",
               "document_number": "JNCZ-2021-1R", "reverses_id": reduce}),
    )
    .await;
    let reversed = read_without_writing(&api, &mut conn, &report).await;
    assert_eq!(reversed["budget"]["adjusted_budget"], "1000000.00");
    assert_eq!(reversed["budget"]["execution_rate"], "50.00");
}

#[actix_web::test]
async fn a_returned_report_catches_up_with_what_moved_while_it_was_submitted() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let api = Api::new(&app, &USERS).await;
    let mut conn = db.connect();
    let (project, _, report) = monitored_report(&api, world.dept("jn_kj"), "RNW-RETURN").await;
    let uri = format!("/api/v1/reports/{report}");
    let fresh = read_without_writing(&api, &mut conn, &report).await;
    let row = fresh["indicators"][0]["id"].clone();
    api.change(
        "jn.kj",
        "PUT",
        &uri,
        json!({"forecast_execution": "900000.00", "goal_progress": "On its way",
               "indicators": [{"id": row, "actual_value": "60", "forecast_value": "120",
                               "likelihood": "certain"}]}),
    )
    .await;
    api.expect("jn.kj", "POST", &format!("{uri}/submit"), None, 200)
        .await;

    // A submitted report keeps the figures it was submitted with.
    spend(&api, &project, "2021-03-01", "300000.00", "T-1").await;
    let submitted = read_without_writing(&api, &mut conn, &report).await;
    assert_eq!(submitted["status"], "submitted");
    assert_eq!(submitted["budget"]["executed_amount"], "0.00");

    api.expect(
        "jn.fin",
        "POST",
        &format!("{uri}/return"),
        Some(json!({"comment": "Explain the slow spending"})),
        200,
    )
    .await;
    let returned = read_without_writing(&api, &mut conn, &report).await;
    assert_eq!(returned["status"], "returned");
    assert_eq!(returned["budget"]["executed_amount"], "300000.00");
    assert_eq!(returned["budget"]["execution_rate"], "30.00");
}

#[actix_web::test]
async fn recomputing_a_round_repairs_stale_figures() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let api = Api::new(&app, &USERS).await;
    let mut conn = db.connect();
    let (project, round, report) = monitored_report(&api, world.dept("jn_kj"), "RNW-REPAIR").await;
    spend(&api, &project, "2021-03-01", "500000.00", "P-1").await;
    // Figures gone stale behind the service's back (as those of reports last refreshed by a
    // read, before reads stopped writing, may be).
    diesel::sql_query(
        "UPDATE reports SET executed_amount = 1, execution_rate = 0 WHERE id = $1::uuid",
    )
    .bind::<Text, _>(&report)
    .execute(&mut conn)
    .unwrap();
    let stale = read_without_writing(&api, &mut conn, &report).await;
    assert_eq!(
        stale["budget"]["executed_amount"], "1.00",
        "a read repairs nothing"
    );

    api.expect(
        "jn.fin",
        "POST",
        &format!("/api/v1/rounds/{round}/recompute"),
        None,
        200,
    )
    .await;
    let repaired = read_without_writing(&api, &mut conn, &report).await;
    assert_eq!(repaired["budget"]["executed_amount"], "500000.00");
    assert_eq!(repaired["budget"]["execution_rate"], "50.00");
}

#[actix_web::test]
async fn every_get_answers_through_a_read_only_connection() {
    let db = TestDb::new();
    let world = seed(&db);
    let writer = app(state_for(&db)).await;
    let api = Api::new(&writer, &USERS).await;
    let mut scene = scene::build(&api, world).await;
    scene::add_secret_data(&api, &mut scene).await;
    // A report still being filled in, whose figures a GET used to refresh.
    let draft = monitored(&api, scene.world.dept("jn_kj"), "JN-RO-DRAFT").await;
    api.expect(
        "jn.fin",
        "POST",
        &format!("/api/v1/rounds/{}/open", scene.round),
        None,
        200,
    )
    .await;
    let draft_report = report_of(&api, &scene.round, &draft).await;
    spend(&api, &draft, "2021-05-01", "1000.00", "RO-1").await;
    scene.visible.push(draft_report);

    // Every transaction of this app is READ ONLY: a GET that writes answers 500.
    let read_only = app(budget_monitor::AppState::new(config_for(&format!(
        "{}?options=-c%20default_transaction_read_only%3Don",
        db.url
    ))))
    .await;
    let mut failures = Vec::new();
    let requests = scene::get_requests(&scene);
    assert!(
        requests.len() > 50,
        "the walk found {} GETs",
        requests.len()
    );
    for (op, uri) in &requests {
        for who in USERS {
            if !op.allows(&role_of(who)) {
                continue;
            }
            let answer = call(&read_only, &api.tokens[who], "GET", uri, None, None).await;
            if answer.status >= 500 {
                failures.push(format!("{} ({who} GET {uri}): {}", op.path, answer.status));
            }
        }
    }
    failures.sort();
    failures.dedup_by(|a, b| a.split(' ').next() == b.split(' ').next());
    assert!(
        failures.is_empty(),
        "GETs that write:\n{}",
        failures.join("\n")
    );
}

fn role_of(who: &str) -> String {
    match who {
        "admin" => "admin",
        "sd.fin" | "jn.fin" | "qd.fin" => "finance_officer",
        "jn.aud" | "qd.aud" => "auditor",
        _ => "department_officer",
    }
    .to_owned()
}

/// A project of the Jinan science bureau, 1,000,000.00 yuan, with one accruing output indicator
/// (>= 120, weight 90), ready for monitoring.
async fn monitored<S>(api: &Api<'_, S>, dept: uuid::Uuid, code: &str) -> String
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    let id = api
        .created(
            "jn.fin",
            "/api/v1/projects",
            json!({"code": code, "name": format!("Project {code}"), "department_id": dept,
                   "fiscal_year": 2021, "function_class": "20601",
                   "fund_sources": {"municipal": "1000000.00"}, "initial_budget": "1000000.00"}),
        )
        .await;
    api.created(
        "jn.fin",
        &format!("/api/v1/projects/{id}/indicators"),
        json!({"level1": "output", "level2": "quantity", "name": "Enterprises supported",
               "comparator": ">=", "target_value": "120", "unit": "enterprises", "weight": "90"}),
    )
    .await;
    id
}

async fn report_of<S>(api: &Api<'_, S>, round: &str, project: &str) -> String
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    let list = api
        .expect(
            "jn.fin",
            "GET",
            &format!("/api/v1/rounds/{round}/reports?project={project}"),
            None,
            200,
        )
        .await;
    list["items"][0]["id"].as_str().unwrap().to_owned()
}

async fn spend<S>(api: &Api<'_, S>, project: &str, date: &str, amount: &str, reference: &str)
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    let answer = api
        .expect(
            "jn.fin",
            "POST",
            "/api/v1/execution-records",
            Some(
                json!({"items": [{"project_id": project, "payment_date": date,
                                   "amount": amount, "external_ref": reference}]}),
            ),
            200,
        )
        .await;
    assert_eq!(answer["items"][0]["status"], "created", "{answer}");
}

#[actix_web::test]
async fn the_filing_light_is_computed_as_the_report_is_read() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let api = Api::new(&app, &USERS).await;
    let mut conn = db.connect();
    let (_, _, report) = monitored_report(&api, world.dept("jn_kj"), "RNW-FILING").await;
    let fresh = read_without_writing(&api, &mut conn, &report).await;
    assert_eq!(fresh["lights"]["filing"], "none", "due in 2031");
    // The stored light was right when it was computed; the date has moved on since (here:
    // the due date is brought forward behind the service's back).
    diesel::sql_query(
        "UPDATE rounds SET due_date = '2021-08-20' \
          WHERE id = (SELECT round_id FROM reports WHERE id = $1::uuid)",
    )
    .bind::<Text, _>(&report)
    .execute(&mut conn)
    .unwrap();
    let late = read_without_writing(&api, &mut conn, &report).await;
    assert_eq!(late["lights"]["filing"], "red", "{}", late["lights"]);
    assert_eq!(late["lights"]["explanations"]["filing"]["light"], "red");
}
