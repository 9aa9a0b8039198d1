//! The random writes of the rollup test: one kind of write per call, through the API, on objects
//! picked from the database as it is at that step.

use actix_web::dev::{Service, ServiceResponse};
use serde_json::{Value, json};

use crate::{Rig, Rng, ids};

/// One random write; returns its name and whether the service accepted it.
pub async fn step<S>(rig: &mut Rig<S>, rng: &mut Rng) -> (&'static str, bool)
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    rig.seq += 1;
    let n = rig.seq;
    let visible_projects =
        "SELECT p.id FROM projects p JOIN departments d ON d.id = p.department_id
                             WHERE p.fiscal_year = 2021 AND NOT p.classified AND NOT d.classified
                             ORDER BY p.id";
    let kind = rng.below(17);
    let ok = |s: u16| (200..300).contains(&s);
    match kind {
        0 | 1 => {
            let projects = ids(
                &mut rig.conn,
                "SELECT DISTINCT r.project_id AS id FROM reports r JOIN projects p ON p.id = r.project_id
                  WHERE r.status IN ('draft', 'returned') AND p.status = 'active' ORDER BY 1",
            );
            let Some(p) = rng.pick(&projects) else {
                return ("spending", false);
            };
            let amount = format!("{}.{:02}", 1000 + rng.below(90_000), rng.below(100));
            let body = json!({"items": [{"project_id": p, "amount": amount, "payment_date": "2021-06-15",
                                          "external_ref": format!("RND-{n}"), "description": "random step"}]});
            let (s, b) = rig
                .call(
                    "sd.finance",
                    "POST",
                    "/api/v1/execution-records",
                    Some(body),
                )
                .await;
            (
                "spending",
                ok(s) && b["summary"]["created"].as_i64() == Some(1),
            )
        }
        2 => {
            let Some(p) = rng.pick(&ids(&mut rig.conn, visible_projects)) else {
                return ("key_monitoring", false);
            };
            let uri = format!("/api/v1/projects/{p}");
            let (_, cur) = rig.call("sd.finance", "GET", &uri, None).await;
            let flag = !cur["key_monitoring"].as_bool().unwrap_or(false);
            let (s, _) = rig
                .change("sd.finance", "PATCH", &uri, json!({"key_monitoring": flag}))
                .await;
            ("key_monitoring", ok(s))
        }
        3 => {
            let classified = ids(
                &mut rig.conn,
                "SELECT id FROM projects WHERE classified AND fiscal_year = 2021 ORDER BY id",
            );
            let (p, flag) = if rng.below(2) == 0 && !classified.is_empty() {
                (rng.pick(&classified).unwrap(), false)
            } else {
                let Some(p) = rng.pick(&ids(&mut rig.conn, visible_projects)) else {
                    return ("classify_project", false);
                };
                (p, true)
            };
            let (s, _) = rig
                .change(
                    "demo.admin",
                    "PATCH",
                    &format!("/api/v1/projects/{p}"),
                    json!({"classified": flag}),
                )
                .await;
            ("classify_project", ok(s))
        }
        4 => {
            let departments = ids(
                &mut rig.conn,
                "SELECT d.id FROM departments d WHERE NOT d.classified AND d.code <> 'JN-KJ'
                   AND EXISTS (SELECT 1 FROM projects p WHERE p.department_id = d.id) ORDER BY d.id",
            );
            let Some(d) = rng.pick(&departments) else {
                return ("classify_department", false);
            };
            let (s, _) = rig
                .change(
                    "demo.admin",
                    "PATCH",
                    &format!("/api/v1/departments/{d}"),
                    json!({"classified": true}),
                )
                .await;
            ("classify_department", ok(s))
        }
        5 | 6 => {
            let reports = ids(
                &mut rig.conn,
                "SELECT r.id FROM reports r JOIN departments d ON d.id = r.department_id
                   JOIN rounds ro ON ro.id = r.round_id
                  WHERE d.code = 'JN-KJ' AND r.status IN ('draft', 'returned') AND ro.status = 'open'
                  ORDER BY r.id",
            );
            let Some(r) = rng.pick(&reports) else {
                return ("fill_and_submit", false);
            };
            let uri = format!("/api/v1/reports/{r}");
            let (status, report) = rig.call("jn.kj.officer", "GET", &uri, None).await;
            assert_eq!(status, 200, "{report}");
            let rows: Vec<Value> = report["indicators"]
                .as_array()
                .unwrap()
                .iter()
                .map(|row| {
                    let target = row["target_value"].as_str().unwrap_or("1").to_owned();
                    if row["comparator"] == "qualitative" {
                        json!({"id": row["id"], "actual_text": "achieved", "forecast_text": "achieved",
                               "likelihood": "certain"})
                    } else {
                        json!({"id": row["id"], "actual_value": target, "forecast_value": target,
                               "likelihood": "certain"})
                    }
                })
                .collect();
            let body = json!({"forecast_execution": "100.00", "goal_progress": format!("step {n}"),
                              "indicators": rows});
            let (s, filled) = rig.change("jn.kj.officer", "PUT", &uri, body).await;
            if !ok(s) {
                eprintln!("fill refused: {filled}");
                return ("fill_and_submit", false);
            }
            if rng.below(3) == 0 {
                return ("fill", true);
            }
            let (s, b) = rig
                .call("jn.kj.officer", "POST", &format!("{uri}/submit"), None)
                .await;
            if !ok(s) {
                eprintln!("submit refused: {b}");
            }
            ("fill_and_submit", ok(s))
        }
        7 | 8 => {
            let submitted = ids(
                &mut rig.conn,
                "SELECT id FROM reports WHERE status = 'submitted' ORDER BY id",
            );
            let Some(r) = rng.pick(&submitted) else {
                return ("review", false);
            };
            let (action, body) = if kind == 7 {
                ("return", json!({"comment": "Explain the slow spending"}))
            } else {
                ("approve", json!({}))
            };
            let (s, _) = rig
                .call(
                    "sd.finance",
                    "POST",
                    &format!("/api/v1/reports/{r}/{action}"),
                    Some(body),
                )
                .await;
            (if kind == 7 { "return" } else { "approve" }, ok(s))
        }
        9 => {
            let projects = ids(
                &mut rig.conn,
                "SELECT r.project_id AS id FROM reports r JOIN projects p ON p.id = r.project_id
                   JOIN departments d ON d.id = p.department_id
                  WHERE NOT p.classified AND NOT d.classified ORDER BY 1",
            );
            let Some(p) = rng.pick(&projects) else {
                return ("inspection", false);
            };
            let rounds = rig.rounds();
            let round = rng.pick(&rounds);
            let (s, b) = rig
                .call(
                    "sd.finance",
                    "POST",
                    "/api/v1/inspections",
                    Some(json!({"project_id": p, "round_id": round})),
                )
                .await;
            if !ok(s) {
                eprintln!("inspection refused: {b}");
            }
            ("inspection", ok(s))
        }
        10 | 11 => {
            let inspections = ids(
                &mut rig.conn,
                "SELECT i.id FROM inspections i JOIN projects p ON p.id = i.project_id
                   JOIN departments d ON d.id = p.department_id
                  WHERE i.status <> 'concluded' AND NOT p.classified AND NOT d.classified ORDER BY 1",
            );
            let Some(i) = rng.pick(&inspections) else {
                return ("finding", false);
            };
            if kind == 10 {
                let category = [
                    "slow_progress",
                    "unreasonable_targets",
                    "idle_funds",
                    "other",
                ][rng.below(4)];
                let body = json!({"category": category, "description": format!("finding {n}"),
                                  "severity": "medium", "amount": format!("{}.00", 100 * (1 + rng.below(50)))});
                let (s, b) = rig
                    .call(
                        "sd.finance",
                        "POST",
                        &format!("/api/v1/inspections/{i}/findings"),
                        Some(body),
                    )
                    .await;
                if !ok(s) {
                    eprintln!("finding refused: {b}");
                }
                ("finding", ok(s))
            } else {
                let kind = ["opinion", "suggestion", "policy_revision"][rng.below(3)];
                let body = json!({"kind": kind, "text": format!("opinion {n}")});
                let (s, b) = rig
                    .call(
                        "sd.finance",
                        "POST",
                        &format!("/api/v1/inspections/{i}/opinions"),
                        Some(body),
                    )
                    .await;
                if !ok(s) {
                    eprintln!("opinion refused: {b}");
                }
                ("opinion", ok(s))
            }
        }
        12 => {
            let findings = ids(
                &mut rig.conn,
                "SELECT f.id FROM findings f JOIN projects p ON p.id = f.project_id
                   JOIN departments d ON d.id = p.department_id
                  WHERE NOT p.classified AND NOT d.classified
                    AND NOT EXISTS (SELECT 1 FROM rectifications t WHERE t.finding_id = f.id)
                  ORDER BY 1",
            );
            let Some(f) = rng.pick(&findings) else {
                return ("rectification", false);
            };
            let deadline = if rng.below(2) == 0 {
                "2021-10-31"
            } else {
                "2099-06-30"
            };
            let body = json!({"finding_id": f, "requirement": format!("fix {n}"), "deadline": deadline,
                              "warning_days": 7});
            let (s, b) = rig
                .call("sd.finance", "POST", "/api/v1/rectifications", Some(body))
                .await;
            if !ok(s) {
                eprintln!("rectification refused: {b}");
            }
            ("rectification", ok(s))
        }
        13 => {
            let open = ids(
                &mut rig.conn,
                "SELECT t.id FROM rectifications t JOIN departments d ON d.id = t.department_id
                  WHERE d.code = 'JN-KJ' AND t.status = 'open' ORDER BY 1",
            );
            let Some(t) = rng.pick(&open) else {
                return ("rectification_accepted", false);
            };
            let uri = format!("/api/v1/rectifications/{t}");
            let (s, b) = rig
                .call(
                    "jn.kj.officer",
                    "POST",
                    &format!("{uri}/response"),
                    Some(json!({"response": "done"})),
                )
                .await;
            if !ok(s) {
                eprintln!("answer refused: {b}");
                return ("rectification_accepted", false);
            }
            let (s, b) = rig
                .call(
                    "sd.finance",
                    "POST",
                    &format!("{uri}/verify"),
                    Some(json!({"accept": true})),
                )
                .await;
            if !ok(s) {
                eprintln!("verify refused: {b}");
            }
            ("rectification_accepted", ok(s))
        }
        14 | 15 => {
            if kind == 15 {
                let open = ids(
                    &mut rig.conn,
                    "SELECT a.id FROM adjustments a JOIN projects p ON p.id = a.project_id
                      WHERE a.reverses_id IS NULL AND a.kind IN ('reduce', 'recover', 'increase')
                        AND NOT EXISTS (SELECT 1 FROM adjustments b WHERE b.reverses_id = a.id)
                        AND p.status = 'active' ORDER BY 1",
                );
                if let Some(a) = rng.pick(&open) {
                    let (_, adj) = rig
                        .call(
                            "sd.finance",
                            "GET",
                            &format!("/api/v1/adjustments/{a}"),
                            None,
                        )
                        .await;
                    let body = json!({"project_id": adj["project_id"], "kind": adj["kind"], "amount": adj["amount"],
                                      "reverses_id": a, "document_number": format!("REV-{n}")});
                    let (s, b) = rig
                        .call("sd.finance", "POST", "/api/v1/adjustments", Some(body))
                        .await;
                    if !ok(s) {
                        eprintln!("reversal refused: {b}");
                    }
                    return ("reversal", ok(s));
                }
            }
            let projects = ids(
                &mut rig.conn,
                "SELECT p.id FROM projects p JOIN departments d ON d.id = p.department_id
                  WHERE p.fiscal_year = 2021 AND p.status = 'active' AND NOT p.classified
                    AND NOT d.classified AND p.adjusted_budget > 100000 ORDER BY 1",
            );
            let Some(p) = rng.pick(&projects) else {
                return ("adjustment", false);
            };
            let kind = ["reduce", "recover", "increase"][rng.below(3)];
            let body = json!({"project_id": p, "kind": kind, "amount": "1000.00",
                              "document_number": format!("ADJ-{n}")});
            let (s, b) = rig
                .call("sd.finance", "POST", "/api/v1/adjustments", Some(body))
                .await;
            if !ok(s) {
                eprintln!("adjustment refused: {b}");
            }
            ("adjustment", ok(s))
        }
        _ => {
            let Some(p) = rng.pick(&ids(&mut rig.conn, visible_projects)) else {
                return ("status", false);
            };
            let status = ["suspended", "active", "completed"][rng.below(3)];
            let (s, _) = rig
                .change(
                    "sd.finance",
                    "PATCH",
                    &format!("/api/v1/projects/{p}"),
                    json!({"status": status}),
                )
                .await;
            ("status", ok(s))
        }
    }
}
