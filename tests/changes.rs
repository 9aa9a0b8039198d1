//! The change feed: concurrent writers, a transaction that commits after later ones, and a
//! reader paging with the cursor that misses nothing and sees nothing twice.

mod common;

use std::collections::HashSet;
use std::time::{Duration, Instant};

use common::world::{seed, send, token};
use common::{TestDb, app, state_for};
use diesel::prelude::*;
use diesel::sql_types::Text;
use serde_json::Value;

const WRITERS: usize = 4;
const TRANSACTIONS: usize = 15;

/// Writes one event of type `feed_test` with `object_id` = `tag`, on `conn` (in its
/// transaction, if one is open).
fn event(conn: &mut PgConnection, tag: &str) {
    diesel::sql_query(
        "INSERT INTO audit_events (id, action, object_type, object_id, details, classified) \
         VALUES (gen_random_uuid(), 'feed_test.written', 'feed_test', $1, '{}', false)",
    )
    .bind::<Text, _>(tag)
    .execute(conn)
    .unwrap();
}

async fn page<S>(app: &S, admin: &str, after: &str) -> Value
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let uri = if after.is_empty() {
        "/api/v1/changes?types=feed_test&limit=7".to_owned()
    } else {
        format!("/api/v1/changes?types=feed_test&limit=7&after={after}")
    };
    let (status, body) = send(app, admin, "GET", &uri, None, None).await;
    assert_eq!(status, 200, "{body}");
    body
}

#[actix_web::test]
async fn a_reader_paging_with_the_cursor_misses_nothing_and_sees_nothing_twice() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    let admin = token(&app, "admin").await;

    // A transaction that writes first and commits last.
    let mut late = db.connect();
    diesel::sql_query("BEGIN").execute(&mut late).unwrap();
    event(&mut late, "late");

    // Concurrent writers, each committing transactions of one to three events; every third
    // transaction of writer 0 rolls back, and its events must never appear.
    let mut expected: HashSet<String> = HashSet::from(["late".to_owned()]);
    for w in 0..WRITERS {
        for t in 0..TRANSACTIONS {
            if w == 0 && t % 3 == 2 {
                continue;
            }
            for e in 0..=(t % 3) {
                expected.insert(format!("w{w}-t{t}-e{e}"));
            }
        }
    }
    let url = db.url.clone();
    let writers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let url = url.clone();
            std::thread::spawn(move || {
                let mut conn = PgConnection::establish(&url).unwrap();
                for t in 0..TRANSACTIONS {
                    let outcome = conn.transaction::<_, diesel::result::Error, _>(|conn| {
                        for e in 0..=(t % 3) {
                            event(conn, &format!("w{w}-t{t}-e{e}"));
                            std::thread::sleep(Duration::from_millis(((w * 7 + t * 3) % 5) as u64));
                        }
                        if w == 0 && t % 3 == 2 {
                            return Err(diesel::result::Error::RollbackTransaction);
                        }
                        Ok(())
                    });
                    assert!(outcome.is_ok() || (w == 0 && t % 3 == 2));
                }
            })
        })
        .collect();

    // The reader pages while they write: the late transaction is still open, so none of the
    // writers' events (all of later transactions) may be given yet.
    let mut cursor = String::new();
    let mut seen: Vec<String> = Vec::new();
    let mut pages = 0;
    while writers.iter().any(|h| !h.is_finished()) {
        let body = page(&app, &admin, &cursor).await;
        assert_eq!(
            body["items"].as_array().unwrap().len(),
            0,
            "given past an open transaction: {body}"
        );
        cursor = body["next_cursor"].as_str().unwrap().to_owned();
        pages += 1;
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    }
    for h in writers {
        h.join().unwrap();
    }
    assert!(pages > 0);
    let body = page(&app, &admin, &cursor).await;
    assert_eq!(body["items"].as_array().unwrap().len(), 0, "{body}");

    // It commits: now everything comes, the late transaction's event first, each once.
    diesel::sql_query("COMMIT").execute(&mut late).unwrap();
    let deadline = Instant::now() + Duration::from_secs(180);
    let mut last_cursor: Option<(i64, String)> = None;
    while seen.len() < expected.len() && Instant::now() < deadline {
        let body = page(&app, &admin, &cursor).await;
        let items = body["items"].as_array().unwrap();
        if items.is_empty() {
            // Another database's transaction still running holds the horizon back for a moment.
            actix_web::rt::time::sleep(Duration::from_millis(50)).await;
            continue;
        }
        for item in items {
            seen.push(item["object_id"].as_str().unwrap().to_owned());
            let (txid, id) = item["cursor"].as_str().unwrap().split_once('-').unwrap();
            let position = (txid.parse::<i64>().unwrap(), id.to_owned());
            if let Some(previous) = &last_cursor {
                assert!(
                    *previous < position,
                    "out of order: {previous:?} then {position:?}"
                );
            }
            last_cursor = Some(position);
        }
        cursor = body["next_cursor"].as_str().unwrap().to_owned();
        assert_eq!(cursor, items.last().unwrap()["cursor"].as_str().unwrap());
    }
    assert_eq!(seen.first().map(String::as_str), Some("late"));
    let unique: HashSet<String> = seen.iter().cloned().collect();
    assert_eq!(unique.len(), seen.len(), "a change was given twice");
    assert_eq!(unique, expected, "missing or extra changes");
    // Resuming with the last cursor (a restart) gives nothing more.
    let body = page(&app, &admin, &cursor).await;
    assert_eq!(body["items"].as_array().unwrap().len(), 0, "{body}");
    assert_eq!(body["next_cursor"], cursor.as_str());
}

#[actix_web::test]
async fn the_feed_carries_the_services_writes_and_refuses_bad_cursors_and_departments() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let fin = token(&app, "jn.fin").await;
    let qd = token(&app, "qd.fin").await;
    let (_, start) = send(&app, &fin, "GET", "/api/v1/changes?limit=1000", None, None).await;
    let cursor = start["next_cursor"].as_str().unwrap().to_owned();
    let body = serde_json::json!({
        "code": "JN-FEED-1", "name": "Feed", "department_id": world.dept("jn_kj"), "fiscal_year": 2021,
        "function_class": "20601", "fund_sources": {"municipal": "100.00"}, "initial_budget": "100.00"
    });
    let (status, project) = send(&app, &fin, "POST", "/api/v1/projects", Some(body), None).await;
    assert_eq!(status, 201, "{project}");
    let uri = format!("/api/v1/changes?after={cursor}&types=project");
    // A transaction still running anywhere on the server (another test's) holds the horizon
    // back for a moment: poll.
    let deadline = Instant::now() + Duration::from_secs(180);
    let changes = loop {
        let (_, changes) = send(&app, &fin, "GET", &uri, None, None).await;
        if !changes["items"].as_array().unwrap().is_empty() || Instant::now() > deadline {
            break changes;
        }
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    };
    let items = changes["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{changes}");
    assert_eq!(items[0]["action"], "project.created");
    assert_eq!(items[0]["object_id"], project["id"]);
    assert_eq!(items[0]["region_code"], "370100");
    // Another city's officer does not see Jinan's change.
    let (_, theirs) = send(&app, &qd, "GET", &uri, None, None).await;
    assert_eq!(theirs["items"].as_array().unwrap().len(), 0, "{theirs}");
    for bad in [
        "after=nonsense",
        "after=",
        "after=12-x",
        "types=Project",
        "types=",
        "limit=0",
        "limit=1001",
    ] {
        let (status, body) = send(
            &app,
            &fin,
            "GET",
            &format!("/api/v1/changes?{bad}"),
            None,
            None,
        )
        .await;
        assert_eq!(status, 400, "{bad}: {body}");
    }
    let kj = token(&app, "jn.kj").await;
    assert_eq!(
        send(&app, &kj, "GET", "/api/v1/changes", None, None)
            .await
            .0,
        403
    );
}
