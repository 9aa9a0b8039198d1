//! Classification after the fact: a project and a department get reports, department reports,
//! inspections, findings, opinions, rectifications, adjustments (one a reallocation to a
//! visible project), spending records and audit events, and are classified only then. Every
//! GET operation of the OpenAPI document is walked (so an endpoint added later is covered
//! without editing this file): for region-scoped readers the classified objects answer 404, no
//! answer, export or ranking names them, and no statistic moves; admins and the objects' own
//! departments still reach them; every write on them answers 404 to a region officer and
//! changes nothing.

#[path = "../common/mod.rs"]
mod common;
mod scene;

use std::collections::BTreeMap;

use actix_web::dev::{Service, ServiceResponse};
use common::api::Api;
use common::walk::{call, fill_path, operations};
use common::world::{World, seed};
use common::{TestDb, app, state_for};
use scene::{REGION_READERS, Scene, add_secret_data, build, by_id, get_requests, statistics};
use serde_json::json;

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

#[actix_web::test]
async fn classified_after_the_fact_is_invisible_everywhere_to_region_scopes() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let api = Api::new(&app, &USERS).await;
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
    let api = Api::new(&app, &USERS).await;
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

#[actix_web::test]
async fn a_recompute_counts_no_secret_related_report_for_a_region_officer() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let api = Api::new(&app, &USERS).await;
    let (scene, _) = classified_scene(&api, world).await;
    let reports_uri = format!("/api/v1/rounds/{}/reports?limit=200", scene.round);
    let count = |who: &'static str| {
        let (api, uri) = (&api, &reports_uri);
        async move {
            let listed = api.expect(who, "GET", uri, None, 200).await;
            listed["items"].as_array().unwrap().len()
        }
    };
    let (visible, all) = (count("jn.fin").await, count("admin").await);
    assert!(
        all > visible,
        "the round holds secret-related reports: {all} / {visible}"
    );

    // Every report is evaluated; the answer counts what its caller may see.
    let recompute = format!("/api/v1/rounds/{}/recompute", scene.round);
    let answer = api.expect("jn.fin", "POST", &recompute, None, 200).await;
    assert_eq!(answer["recomputed"], visible, "{answer}");
    let answer = api.expect("admin", "POST", &recompute, None, 200).await;
    assert_eq!(answer["recomputed"], all, "{answer}");

    // A rule change recomputes the subtree's open reports: the same in its answer, and its
    // audit event, read by the region, never counts the secret-related ones, even when an
    // admin made the change.
    for who in ["jn.fin", "admin"] {
        let answer = api
            .expect(
                who,
                "PUT",
                "/api/v1/regions/370100/warning-rules",
                Some(json!({"rules": {}})),
                200,
            )
            .await;
        let expected = if who == "admin" { all } else { visible };
        assert_eq!(answer["recomputed"], expected, "{who}: {answer}");
        let events = api
            .expect(
                "jn.aud",
                "GET",
                "/api/v1/audit-events?action=warning_rules.set&limit=1",
                None,
                200,
            )
            .await;
        assert_eq!(
            events["items"][0]["details"]["recomputed"], visible,
            "{who}: {events}"
        );
    }
}
