//! Spending-record batches as a treasury system sends them: records written a chunk to a
//! transaction, a record the database refuses reported on its own, the open reports brought up
//! to date, a chunk whose COMMIT fails reported as to be resent.

mod common;

use actix_web::test::{TestRequest, call_service, read_body};
use budget_monitor::execution::batch::CHUNK;
use budget_monitor::schema::{audit_events, execution_records};
use common::world::{seed, send, token};
use common::{TestDb, app, state_for};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use serde_json::{Value, json};

const URI: &str = "/api/v1/execution-records";

/// Imports monitored projects (two indicators, weights 60 and 30) of Jinan's science bureau
/// and returns their ids.
async fn projects<S>(app: &S, token: &str, codes: &[&str]) -> Vec<String>
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let items: Vec<Value> = codes
        .iter()
        .map(|code| {
            json!({
                "region_code": "370100", "fiscal_year": 2021, "code": code,
                "department_code": "KJJ", "name": format!("Project {code}"),
                "function_class": "20601", "fund_sources": {"municipal": "3000000.00"},
                "initial_budget": "3000000.00",
                "indicators": [
                    {"level1": "output", "level2": "quantity", "name": "Enterprises supported",
                     "comparator": ">=", "target_value": "120", "unit": "enterprises", "weight": "60"},
                    {"level1": "effect", "level2": "social", "name": "Service response time",
                     "comparator": "<=", "target_value": "30", "unit": "minutes", "weight": "30",
                     "accrues": false}
                ]
            })
        })
        .collect();
    let (status, report) = send(
        app,
        token,
        "POST",
        "/api/v1/projects/import",
        Some(json!({ "items": items })),
        None,
    )
    .await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["summary"]["created"], codes.len(), "{report}");
    report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["project_id"].as_str().unwrap().to_owned())
        .collect()
}

fn record(project: &str, date: &str, amount: &str, reference: &str) -> Value {
    json!({"project_id": project, "payment_date": date, "amount": amount, "external_ref": reference})
}

async fn feed<S>(app: &S, token: &str, items: &[Value], key: Option<&str>) -> (u16, Value, bool)
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

fn statuses(report: &Value) -> Vec<String> {
    report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["status"].as_str().unwrap().to_owned())
        .collect()
}

fn stored(db: &TestDb) -> (i64, i64) {
    let mut conn = db.connect();
    (
        execution_records::table
            .count()
            .get_result(&mut conn)
            .unwrap(),
        audit_events::table
            .filter(audit_events::action.eq("execution_record.created"))
            .count()
            .get_result(&mut conn)
            .unwrap(),
    )
}

#[actix_web::test]
async fn a_batch_of_several_chunks_reports_every_record_and_refreshes_the_open_reports() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    let fin = token(&app, "jn.fin").await;
    let ids = projects(&app, &fin, &["JN-SP-1", "JN-SP-2"]).await;
    let round = json!({"region_code": "370100", "fiscal_year": 2021, "name": "Jinan to July",
                       "cutoff_date": "2021-07-31", "open_date": "2021-08-01",
                       "due_date": "2031-12-31", "warning_days": 5});
    let (status, round) = send(&app, &fin, "POST", "/api/v1/rounds", Some(round), None).await;
    assert_eq!(status, 201, "{round}");
    let round_id = round["id"].as_str().unwrap();
    let (status, opened) = send(
        &app,
        &fin,
        "POST",
        &format!("/api/v1/rounds/{round_id}/open"),
        None,
        None,
    )
    .await;
    assert_eq!(
        (status, opened["created"].as_i64()),
        (200, Some(2)),
        "{opened}"
    );

    // Records of both projects over three chunks, before and after the cut-off; in the second
    // chunk a record sent twice, a reference reused with another amount, a refund.
    let total = 2 * CHUNK + 5;
    let mut items: Vec<Value> = (0..total)
        .map(|i| {
            let date = if i % 3 == 0 {
                "2021-09-01"
            } else {
                "2021-03-01"
            };
            record(&ids[i % 2], date, "10.00", &format!("GK-{i:05}"))
        })
        .collect();
    items[CHUNK + 2] = items[CHUNK + 1].clone();
    let mut reused = items[CHUNK + 1].clone();
    reused["amount"] = json!("11.00");
    items[CHUNK + 3] = reused;
    items[CHUNK + 4] = record(&ids[0], "2021-05-01", "-5.00", "GK-REFUND");
    let (status, report, replayed) = feed(&app, &fin, &items, Some("feed-chunks")).await;
    assert_eq!((status, replayed), (200, false), "{report}");
    let mut expected = vec!["created"; total];
    expected[CHUNK + 2] = "duplicate";
    expected[CHUNK + 3] = "rejected";
    assert_eq!(statuses(&report), expected);
    assert_eq!(
        report["summary"],
        json!({"received": total, "created": total - 2, "duplicate": 1, "rejected": 1,
               "not_processed": 0})
    );
    assert_eq!(
        report["items"][CHUNK + 2]["id"],
        report["items"][CHUNK + 1]["id"]
    );
    assert!(
        report["items"][CHUNK + 3]["errors"]["external_ref"][0]
            .as_str()
            .unwrap()
            .contains("different date or amount")
    );
    for (i, result) in report["items"].as_array().unwrap().iter().enumerate() {
        assert_eq!(result["index"], i);
        if expected[i] == "created" {
            assert_eq!(result["project_id"], json!(ids[i % 2]));
        }
    }
    // One event per stored record, showing it as the list does.
    assert_eq!(stored(&db), (total as i64 - 2, total as i64 - 2));
    let first = report["items"][0]["id"].as_str().unwrap();
    let after: Option<Value> = audit_events::table
        .filter(audit_events::object_id.eq(first))
        .select(audit_events::after)
        .first(&mut db.connect())
        .unwrap();
    let (_, listed) = send(
        &app,
        &fin,
        "GET",
        &format!("{URI}?external_ref=GK-00000"),
        None,
        None,
    )
    .await;
    assert_eq!(after.unwrap(), listed["items"][0]);

    // The open reports count what was paid up to the cut-off, refund included.
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
    assert_eq!(list["items"].as_array().unwrap().len(), 2, "{list}");
    for report_row in list["items"].as_array().unwrap() {
        let (_, shown) = send(
            &app,
            &officer,
            "GET",
            &format!("/api/v1/reports/{}", report_row["id"].as_str().unwrap()),
            None,
            None,
        )
        .await;
        let project = shown["project_id"].as_str().unwrap();
        let cents: i64 = items
            .iter()
            .zip(&expected)
            .filter(|(item, status)| {
                **status == "created"
                    && item["project_id"] == project
                    && item["payment_date"].as_str().unwrap() <= "2021-07-31"
            })
            .map(|(item, _)| {
                let amount = item["amount"].as_str().unwrap().replace('.', "");
                amount.parse::<i64>().unwrap()
            })
            .sum();
        let executed = format!("{}.{:02}", cents / 100, cents % 100);
        assert_eq!(shown["budget"]["executed_amount"], executed, "{shown}");
    }

    // The retry with the key gets the same answer and stores nothing.
    let (status, again, replayed) = feed(&app, &fin, &items, Some("feed-chunks")).await;
    assert_eq!((status, replayed), (200, true));
    assert_eq!(again, report);
    assert_eq!(stored(&db), (total as i64 - 2, total as i64 - 2));
}

#[actix_web::test]
async fn a_record_the_database_refuses_is_rejected_and_the_rest_of_its_chunk_lands() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    let fin = token(&app, "jn.fin").await;
    let ids = projects(&app, &fin, &["JN-SP-3"]).await;
    let mut items: Vec<Value> = (0..5)
        .map(|i| record(&ids[0], "2021-03-01", "1.00", &format!("NUL-{i}")))
        .collect();
    // Nothing in Rust looks for U+0000 in a description; PostgreSQL refuses to store it.
    items[2]["description"] = json!("Invoice\u{0}42");
    // Named by code with U+0000: refused alone, not with the lookup of the whole batch.
    items.push(
        json!({"region_code": "370100", "fiscal_year": 2021, "project_code": "JN\u{0}X",
                      "payment_date": "2021-03-01", "amount": "1.00", "external_ref": "NUL-5"}),
    );
    items.push(
        json!({"region_code": "370100", "fiscal_year": 2021, "project_code": "JN-SP-3",
                      "payment_date": "2021-03-01", "amount": "1.00", "external_ref": "NUL-6"}),
    );
    let (status, report, _) = feed(&app, &fin, &items, None).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(
        statuses(&report),
        [
            "created", "created", "rejected", "created", "created", "rejected", "created"
        ]
    );
    let nul = json!({"item": ["Text must not contain the character U+0000."]});
    assert_eq!(report["items"][2]["errors"], nul);
    assert_eq!(report["items"][5]["errors"], nul);
    assert_eq!(stored(&db), (5, 5));
}

#[actix_web::test]
async fn a_chunk_whose_commit_fails_is_not_processed_and_the_retry_lands_it() {
    let db = TestDb::new();
    seed(&db);
    // A check that only COMMIT runs, refusing one record of the second chunk.
    db.connect()
        .batch_execute(
            "CREATE FUNCTION test_refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
                 IF NEW.external_ref = 'GK-BOOM' THEN RAISE EXCEPTION 'refused at commit'; END IF;
                 RETURN NULL;
             END $$;
             CREATE CONSTRAINT TRIGGER test_refuse_at_commit AFTER INSERT ON execution_records
                 DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                 EXECUTE FUNCTION test_refuse_at_commit();",
        )
        .unwrap();
    let app = app(state_for(&db)).await;
    let fin = token(&app, "jn.fin").await;
    let ids = projects(&app, &fin, &["JN-SP-4"]).await;
    let total = CHUNK + 20;
    let mut items: Vec<Value> = (0..total)
        .map(|i| record(&ids[0], "2021-03-01", "1.00", &format!("GK-{i:05}")))
        .collect();
    items[CHUNK + 7]["external_ref"] = json!("GK-BOOM");
    let (status, report, _) = feed(&app, &fin, &items, Some("feed-commit")).await;
    assert_eq!(status, 200, "{report}");
    let mut expected = vec!["created"; CHUNK];
    expected.extend(vec!["not_processed"; 20]);
    assert_eq!(statuses(&report), expected);
    assert!(
        report["items"][CHUNK]["errors"]["item"][0]
            .as_str()
            .unwrap()
            .contains("resend")
    );
    assert_eq!(stored(&db), (CHUNK as i64, CHUNK as i64));

    // Not kept for the key: the retry stores what is missing, the rest are duplicates.
    db.connect()
        .batch_execute("DROP TRIGGER test_refuse_at_commit ON execution_records")
        .unwrap();
    let (status, second, replayed) = feed(&app, &fin, &items, Some("feed-commit")).await;
    assert_eq!((status, replayed), (200, false), "{second}");
    assert_eq!(
        second["summary"],
        json!({"received": total, "created": 20, "duplicate": CHUNK, "rejected": 0,
               "not_processed": 0})
    );
    assert_eq!(stored(&db), (total as i64, total as i64));
}
