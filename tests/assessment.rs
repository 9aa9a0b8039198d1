//! The annual department assessment over the demo data set: one row per provincial department,
//! every figure the same as the endpoints it summarises give for that department, the same rows
//! as CSV and XLSX, and the weights refused naming the parameters.

mod common;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use actix_web::test::{TestRequest, call_service, read_body};
use budget_monitor::demo;
use common::world::{login_pair, send};
use common::{TestDb, app, state_for};
use diesel::RunQueryDsl;
use diesel::sql_types::{BigInt, Nullable, Text};
use serde_json::Value;

/// One seeded database shared by every test here: they only read. Besides the demo's own, a
/// results application for two projects of the first provincial department with a
/// key-monitored project, and one for a project of the classified bureau (which must count
/// nowhere).
fn demo_db() -> &'static TestDb {
    static DB: OnceLock<TestDb> = OnceLock::new();
    DB.get_or_init(|| {
        let db = TestDb::new();
        let mut conn = db.connect();
        let outcome = demo::seed(&mut conn, &demo::Options { scale: 1 }, &mut |_| {})
            .expect("demo data loads");
        assert!(matches!(outcome, demo::Outcome::Loaded(_)));
        for (department, n) in [
            (
                "SELECT d.id FROM departments d
                  WHERE d.region_path = '370000/' AND NOT d.classified
                    AND EXISTS (SELECT 1 FROM projects k
                                 WHERE k.department_id = d.id AND k.key_monitoring)
                  ORDER BY d.code LIMIT 1",
                2,
            ),
            ("SELECT id FROM departments WHERE code = 'SD-BM'", 1),
        ] {
            diesel::sql_query(format!(
                "INSERT INTO result_applications (id, project_id, round_id, report_id, region_id,
                     region_path, department_path, fiscal_year, project_code, measures,
                     suggested_measures, suggestion_rule, created_by, created_by_name)
                 SELECT gen_random_uuid(), p.id, ro.id, r.id, p.region_id, p.region_path,
                        p.department_path, p.fiscal_year, p.code, ARRAY['continue'],
                        ARRAY['continue'], 'test', u.id, u.username
                   FROM projects p
                   JOIN rounds ro ON ro.fiscal_year = p.fiscal_year AND ro.region_path = '370000/'
                   LEFT JOIN reports r ON r.project_id = p.id AND r.round_id = ro.id
                   JOIN users u ON u.username = 'sd.finance'
                  WHERE p.department_id = ({department})
                    AND NOT EXISTS (SELECT 1 FROM result_applications a
                                     WHERE a.project_id = p.id AND a.round_id = ro.id)
                  ORDER BY p.code LIMIT {n}"
            ))
            .execute(&mut conn)
            .expect("results applications recorded");
        }
        db
    })
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Results applications of 2021 for the projects of the department with this id (or of every
/// provincial department that is not classified, for `None`), not secret-related ones.
fn applications(db: &TestDb, department: Option<&str>) -> i64 {
    let mut conn = db.connect();
    diesel::sql_query(
        "SELECT count(*) AS n FROM result_applications ra
           JOIN projects p ON p.id = ra.project_id
           JOIN departments d ON d.id = p.department_id
          WHERE ra.fiscal_year = 2021 AND d.region_path = '370000/'
            AND ($1::text IS NULL OR d.id = $1::uuid)
            AND p.id NOT IN (SELECT id FROM hidden_projects)",
    )
    .bind::<Nullable<Text>, _>(department)
    .get_result::<Count>(&mut conn)
    .unwrap()
    .n
}

async fn token_of<S>(app: &S, username: &str) -> String
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    login_pair(app, username, demo::DEMO_PASSWORD).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Every item of a list, following `next_cursor`.
async fn all_items<S>(app: &S, token: &str, uri: &str) -> Vec<Value>
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let mut out = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let page_uri = match &cursor {
            Some(c) => format!("{uri}&cursor={c}"),
            None => uri.to_owned(),
        };
        let (status, page) = send(app, token, "GET", &page_uri, None, None).await;
        assert_eq!(status, 200, "{page_uri}: {page}");
        out.extend(page["items"].as_array().unwrap().iter().cloned());
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => return out,
        }
    }
}

/// A two-decimal figure as hundredths, exactly.
fn cents(text: &str) -> i128 {
    let (whole, frac) = text.split_once('.').unwrap_or((text, "0"));
    let negative = whole.starts_with('-');
    let whole: i128 = whole.trim_start_matches('-').parse().unwrap();
    let frac: i128 = format!("{frac:0<2}")[..2].parse().unwrap();
    let v = whole * 100 + frac;
    if negative { -v } else { v }
}

/// `part` ÷ `whole` × 100 as two-decimal text, half up; null without a basis.
fn share(part: i64, whole: i64) -> Value {
    if whole == 0 {
        return Value::Null;
    }
    let hundredths = (i128::from(part) * 20000 + i128::from(whole)) / (2 * i128::from(whole));
    Value::String(format!("{}.{:02}", hundredths / 100, hundredths % 100))
}

fn assessment_uri(query: &str) -> String {
    format!("/api/v1/stats/department-assessment?region=370000&year=2021{query}")
}

#[actix_web::test]
async fn the_2021_assessment_of_the_provincial_departments_matches_the_endpoints_it_summarises() {
    let db = demo_db();
    let app = app(state_for(db)).await;
    let token = token_of(&app, "sd.finance").await;
    let (status, body) = send(&app, &token, "GET", &assessment_uri(""), None, None).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["region"]["code"], "370000");
    assert_eq!(body["weights"]["score"], 60);
    let rows = body["departments"].as_array().unwrap();
    // 108 provincial departments; the state secrets bureau is not among them.
    assert_eq!(rows.len(), 108);
    assert!(rows.iter().all(|r| r["department_code"] != "SD-BM"));
    assert!(
        rows.iter()
            .all(|r| r["department_code"].as_str().unwrap().starts_with("SD-"))
    );
    let ranks: Vec<u64> = rows.iter().map(|r| r["rank"].as_u64().unwrap()).collect();
    assert_eq!(ranks, (1..=108).collect::<Vec<u64>>());
    let overall: Vec<i128> = rows
        .iter()
        .map(|r| cents(r["overall_score"].as_str().unwrap()))
        .collect();
    assert!(overall.windows(2).all(|w| w[0] >= w[1]), "best first");
    let rounds = body["rounds"].as_array().unwrap();
    assert_eq!(rounds.len(), 1);
    let round_id = rounds[0]["id"].as_str().unwrap().to_owned();

    // The round's ranking, once for every department.
    let ranking = all_items(
        &app,
        &token,
        &format!("/api/v1/stats/departments?region=370000&year=2021&round={round_id}&limit=500"),
    )
    .await;

    // Departments to check figure by figure: the one with most rectifications among those with
    // adjustments, the first and the last.
    let busy = rows
        .iter()
        .filter(|r| {
            r["adjustments"]
                .as_object()
                .unwrap()
                .values()
                .any(|c| c["count"].as_i64().unwrap() != 0)
        })
        .max_by_key(|r| r["rectifications_ordered"].as_i64().unwrap())
        .expect("a provincial department with fund adjustments");
    assert!(busy["rectifications_ordered"].as_i64().unwrap() > 0);
    // And one with a returned report and one with a late report.
    let returned = rows
        .iter()
        .find(|r| r["reports_returned"].as_i64().unwrap() > 0)
        .expect("a provincial department with a returned report");
    let late = rows
        .iter()
        .find(|r| r["reports_late"].as_i64().unwrap() > 0)
        .expect("a provincial department with a late report");
    let applied = rows
        .iter()
        .max_by_key(|r| r["results_applied"].as_i64().unwrap())
        .unwrap();
    assert!(
        applied["results_applied"].as_i64().unwrap() > 0,
        "{applied}"
    );
    let picked = [busy, &rows[0], &rows[107], returned, late, applied];
    for row in picked {
        let id = row["department_id"].as_str().unwrap();
        let code = row["department_code"].as_str().unwrap();

        // Score and grade: the department's row of the round's ranking.
        let ranked = ranking
            .iter()
            .find(|r| r["department_id"] == id)
            .unwrap_or_else(|| panic!("{code} ranked"));
        let scores = row["round_scores"].as_array().unwrap();
        assert_eq!(scores.len(), 1, "{code}");
        assert_eq!(scores[0]["round_id"], round_id.as_str());
        assert_eq!(scores[0]["score"], ranked["score"], "{code}");
        assert_eq!(scores[0]["grade"], ranked["grade"], "{code}");
        assert_eq!(row["mean_round_score"], ranked["score"], "{code}");

        // Reports: the round's list for the department, each report as shown.
        let listed = all_items(
            &app,
            &token,
            &format!("/api/v1/rounds/{round_id}/reports?department={id}&limit=500"),
        )
        .await;
        assert_eq!(ranked["reports"].as_u64(), Some(listed.len() as u64));
        let (mut on_time, mut late, mut unsubmitted, mut returned) = (0, 0, 0, 0);
        let (mut applicable, mut filled, mut passing) = (0, 0, 0);
        for item in &listed {
            let (status, report) = send(
                &app,
                &token,
                "GET",
                &format!("/api/v1/reports/{}", item["id"].as_str().unwrap()),
                None,
                None,
            )
            .await;
            assert_eq!(status, 200);
            let st = report["status"].as_str().unwrap();
            let is_late = report["late"].as_bool().unwrap();
            on_time += i64::from(matches!(st, "submitted" | "approved") && !is_late);
            late += i64::from(is_late);
            unsubmitted += i64::from(matches!(st, "draft" | "returned"));
            returned += i64::from(
                report["history"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|t| t["to"] == "returned"),
            );
            let a = report["applicable_fields"].as_i64().unwrap();
            let g = report["generated_fields"].as_i64().unwrap();
            let d = report["department_fields"].as_array().unwrap().len() as i64;
            applicable += a;
            filled += a.min(g + d);
            passing += i64::from(
                !report["checks"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|c| c["severity"] == "error" || c["severity"] == "warning"),
            );
        }
        let reports = listed.len() as i64;
        assert_eq!(row["rounds_covered"], i64::from(reports > 0), "{code}");
        assert_eq!(row["reports"], reports, "{code}");
        assert_eq!(row["reports_on_time"], on_time, "{code}");
        assert_eq!(row["reports_late"], late, "{code}");
        assert_eq!(row["reports_late"], ranked["late_reports"], "{code}");
        assert_eq!(row["reports_unsubmitted"], unsubmitted, "{code}");
        assert_eq!(row["reports_returned"], returned, "{code}");
        assert_eq!(row["timeliness_share"], share(on_time, reports), "{code}");
        assert_eq!(
            row["not_returned_share"],
            share(reports - returned, reports),
            "{code}"
        );
        assert_eq!(row["applicable_fields"], applicable, "{code}");
        assert_eq!(row["filled_fields"], filled, "{code}");
        assert_eq!(
            row["completeness_share"],
            share(filled, applicable),
            "{code}"
        );
        assert_eq!(row["reports_passing_checks"], passing, "{code}");
        assert_eq!(
            row["checks_passed_share"],
            share(passing, reports),
            "{code}"
        );

        // Rectifications the department is responsible for.
        let tasks = all_items(
            &app,
            &token,
            &format!("/api/v1/rectifications?department={id}&limit=500"),
        )
        .await;
        let accepted_by = |t: &Value| {
            t["accepted_at"]
                .as_str()
                .map(|at| at[..10] <= *t["deadline"].as_str().unwrap())
        };
        let done_on_time = tasks
            .iter()
            .filter(|t| t["status"] == "accepted" && accepted_by(t) == Some(true))
            .count() as i64;
        let overdue = tasks
            .iter()
            .filter(|t| {
                t["overdue"] == true || (t["status"] == "accepted" && accepted_by(t) == Some(false))
            })
            .count() as i64;
        assert_eq!(row["rectifications_ordered"], tasks.len() as i64, "{code}");
        assert_eq!(row["rectifications_on_time"], done_on_time, "{code}");
        assert_eq!(row["rectifications_overdue"], overdue, "{code}");
        assert_eq!(
            row["rectification_on_time_share"],
            share(done_on_time, done_on_time + overdue),
            "{code}"
        );

        // Fund adjustments of its projects, net of reversals.
        let adjustments = all_items(
            &app,
            &token,
            &format!("/api/v1/adjustments?department={id}&limit=500"),
        )
        .await;
        let mut by_kind: BTreeMap<String, (i64, i128)> = BTreeMap::new();
        for a in &adjustments {
            let sign = if a["reverses_id"].is_null() { 1 } else { -1 };
            let amount = a["amount"].as_str().map_or(0, cents);
            let e = by_kind
                .entry(a["kind"].as_str().unwrap().to_owned())
                .or_default();
            e.0 += sign;
            e.1 += i128::from(sign) * amount;
        }
        for kind in [
            "reduce",
            "recover",
            "reallocate",
            "suspend",
            "stop",
            "increase",
        ] {
            let (n, amount) = by_kind.get(kind).copied().unwrap_or_default();
            let shown = &row["adjustments"][kind];
            assert_eq!(shown["count"], n, "{code} {kind}");
            assert_eq!(
                cents(shown["amount"].as_str().unwrap()),
                amount,
                "{code} {kind}"
            );
        }
        let moved: i128 = ["reduce", "recover", "reallocate"]
            .iter()
            .map(|k| by_kind.get(*k).map_or(0, |e| e.1))
            .sum();
        assert_eq!(
            cents(row["adjusted_and_recovered"].as_str().unwrap()),
            moved,
            "{code}"
        );

        // Results applications of its projects.
        assert_eq!(row["results_applied"], applications(db, Some(id)), "{code}");

        // The overall score: the documented formula over the row's own components.
        let weights = [
            ("mean_round_score", 60),
            ("timeliness_share", 10),
            ("not_returned_share", 5),
            ("completeness_share", 10),
            ("checks_passed_share", 5),
            ("rectification_on_time_share", 10),
        ];
        let (mut weighted, mut total) = (0i128, 0i128);
        for (field, w) in weights {
            if let Some(c) = row[field].as_str() {
                weighted += cents(c) * w;
                total += w;
            }
        }
        let expected = (weighted * 2 + total) / (2 * total);
        assert_eq!(
            cents(row["overall_score"].as_str().unwrap()),
            expected,
            "{code}"
        );
        let grade = match expected {
            e if e >= 9000 => "excellent",
            e if e >= 8000 => "good",
            e if e >= 6000 => "fair",
            _ => "poor",
        };
        assert_eq!(row["overall_grade"], grade, "{code}");
    }
    let all_applied: i64 = rows
        .iter()
        .map(|r| r["results_applied"].as_i64().unwrap())
        .sum();
    assert_eq!(all_applied, applications(db, None));
    // The classified bureau's application is in the database but in no row.
    let mut conn = db.connect();
    let secret = diesel::sql_query(
        "SELECT count(*) AS n FROM result_applications ra JOIN projects p ON p.id = ra.project_id
           JOIN departments d ON d.id = p.department_id WHERE d.code = 'SD-BM'",
    )
    .get_result::<Count>(&mut conn)
    .unwrap()
    .n;
    assert!(secret > 0);
}

#[actix_web::test]
async fn the_assessment_is_scoped_and_leaves_classified_departments_out_for_everyone() {
    let db = demo_db();
    let app = app(state_for(db)).await;
    let get = |user: &'static str, uri: String| {
        let app = &app;
        async move {
            let token = token_of(app, user).await;
            send(app, &token, "GET", &uri, None, None).await
        }
    };
    let (status, admin) = get("demo.admin", assessment_uri("")).await;
    assert_eq!(status, 200);
    let codes: Vec<&str> = admin["departments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["department_code"].as_str().unwrap())
        .collect();
    assert_eq!(codes.len(), 108);
    assert!(!codes.contains(&"SD-BM"));
    let (status, auditor) = get("sd.auditor", assessment_uri("")).await;
    assert_eq!(status, 200);
    assert_eq!(auditor["departments"], admin["departments"]);

    // A city officer asking about the province gets its own city's departments.
    let (status, jinan) = get("jn.finance", assessment_uri("")).await;
    assert_eq!(status, 200, "{jinan}");
    assert_eq!(jinan["region"]["code"], "370100");
    let rows = jinan["departments"].as_array().unwrap();
    assert_eq!(rows.len(), 15);
    assert!(
        rows.iter()
            .all(|r| r["department_code"].as_str().unwrap().starts_with("JN-"))
    );
    // The provincial round reaches Jinan's departments.
    assert_eq!(jinan["rounds"].as_array().unwrap().len(), 1);
    assert!(rows.iter().all(|r| r["rounds_covered"] == 1));
    let (status, _) = get(
        "jn.finance",
        "/api/v1/stats/department-assessment?region=370200&year=2021".into(),
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = get("jn.kj.officer", assessment_uri("")).await;
    assert_eq!(status, 403);

    let (status, body) = get(
        "sd.finance",
        "/api/v1/stats/department-assessment?region=999999&year=2021".into(),
    )
    .await;
    assert_eq!(status, 404, "{body}");
    for year in ["1999", "2101", "abc"] {
        let (status, body) = get(
            "sd.finance",
            format!("/api/v1/stats/department-assessment?region=370000&year={year}"),
        )
        .await;
        assert_eq!(status, 400, "{year}: {body}");
        assert!(body["detail"].as_str().unwrap().contains("year"), "{body}");
    }
    // A year without monitoring: no departments.
    let (status, empty) = get(
        "sd.finance",
        "/api/v1/stats/department-assessment?region=370000&year=2020".into(),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(empty["departments"], serde_json::json!([]));
}

#[actix_web::test]
async fn weights_are_validated_and_change_the_overall_score() {
    let db = demo_db();
    let app = app(state_for(db)).await;
    let token = token_of(&app, "sd.finance").await;
    for (query, parameter) in [
        ("&weight_score=abc", "weight_score"),
        ("&weight_timeliness=101", "weight_timeliness"),
        ("&weight_checks=-5", "weight_checks"),
        ("&weight_rectification=2.5", "weight_rectification"),
    ] {
        let req = TestRequest::get()
            .uri(&assessment_uri(query))
            .insert_header(("authorization", format!("Bearer {token}")))
            .to_request();
        let res = call_service(&app, req).await;
        assert_eq!(res.status().as_u16(), 400, "{query}");
        let kind = res.headers().get("content-type").unwrap().to_str().unwrap();
        assert!(kind.starts_with("application/problem+json"), "{kind}");
        let body: Value = serde_json::from_slice(&read_body(res).await).unwrap();
        assert_eq!(body["status"], 400);
        assert!(
            body["detail"].as_str().unwrap().contains(parameter),
            "{query}: {body}"
        );
    }
    // Weights each allowed but not adding up to 100: 422 naming all six.
    let (status, body) = send(
        &app,
        &token,
        "GET",
        &assessment_uri("&weight_score=50"),
        None,
        None,
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body["detail"]
            .as_str()
            .unwrap()
            .contains("weight_score + weight_timeliness"),
        "{body}"
    );
    assert_eq!(body["errors"].as_object().unwrap().len(), 6, "{body}");
    // Everything on the round scores: the overall score is the mean round score.
    let (status, body) = send(
        &app,
        &token,
        "GET",
        &assessment_uri(
            "&weight_score=100&weight_timeliness=0&weight_not_returned=0\
             &weight_completeness=0&weight_checks=0&weight_rectification=0",
        ),
        None,
        None,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["weights"]["score"], 100);
    assert_eq!(body["weights"]["rectification"], 0);
    for row in body["departments"].as_array().unwrap() {
        assert_eq!(row["overall_score"], row["mean_round_score"]);
    }
    // The defaults the document states are the ones applied.
    let doc = serde_json::to_value(budget_monitor::openapi::document()).unwrap();
    let (_, defaults) = send(&app, &token, "GET", &assessment_uri(""), None, None).await;
    let documented: u64 = doc["paths"]["/api/v1/stats/department-assessment"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| {
            let name = p["name"].as_str()?.strip_prefix("weight_")?;
            assert_eq!(p["schema"]["default"], defaults["weights"][name], "{name}");
            p["schema"]["default"].as_u64()
        })
        .sum();
    assert_eq!(documented, 100);
    // Weights that sum to 100 in another split are accepted.
    let (status, body) = send(
        &app,
        &token,
        "GET",
        &assessment_uri("&weight_score=40&weight_timeliness=30"),
        None,
        None,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["weights"]["timeliness"], 30);
}

#[actix_web::test]
async fn the_assessment_exports_the_same_rows_as_csv_and_xlsx() {
    use calamine::{Data, DataType, Reader, Xlsx};
    let db = demo_db();
    let app = app(state_for(db)).await;
    let token = token_of(&app, "sd.finance").await;
    let (_, json) = send(&app, &token, "GET", &assessment_uri(""), None, None).await;
    let rows = json["departments"].as_array().unwrap();
    let fetch = |uri: String, accept: Option<&'static str>| {
        let token = token.clone();
        let app = &app;
        async move {
            let mut req = TestRequest::get()
                .uri(&uri)
                .insert_header(("authorization", format!("Bearer {token}")));
            if let Some(a) = accept {
                req = req.insert_header(("accept", a));
            }
            let res = call_service(app, req.to_request()).await;
            assert_eq!(res.status().as_u16(), 200);
            let kind = res
                .headers()
                .get("content-type")
                .unwrap()
                .to_str()
                .unwrap()
                .to_owned();
            (kind, read_body(res).await.to_vec())
        }
    };
    let (kind, csv) = fetch(assessment_uri(""), Some("text/csv")).await;
    assert!(kind.starts_with("text/csv"), "{kind}");
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("column {name}"))
    };
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 108);
    let text = |v: &Value| match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    for (record, row) in records.iter().zip(rows) {
        for name in [
            "rank",
            "department_code",
            "overall_score",
            "overall_grade",
            "mean_round_score",
            "reports",
            "reports_on_time",
            "reports_returned",
            "completeness_share",
            "checks_passed_share",
            "rectifications_ordered",
            "rectifications_overdue",
            "adjusted_and_recovered",
            "results_applied",
        ] {
            assert_eq!(record[col(name)], text(&row[name]), "{name}");
        }
        assert_eq!(
            record[col("adjustments_reduce_amount")],
            text(&row["adjustments"]["reduce"]["amount"])
        );
        assert_eq!(
            record[col("round_1_score")],
            text(&row["round_scores"][0]["score"])
        );
        assert_eq!(
            record[col("round_1_grade")],
            text(&row["round_scores"][0]["grade"])
        );
    }

    let (kind, xlsx) = fetch(assessment_uri("&format=xlsx"), None).await;
    assert!(kind.starts_with("application/vnd.openxmlformats"), "{kind}");
    let mut book = Xlsx::new(std::io::Cursor::new(xlsx)).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let cells: Vec<Vec<Data>> = sheet.rows().map(<[Data]>::to_vec).collect();
    assert_eq!(cells.len(), 109);
    let names: Vec<String> = cells[0].iter().map(ToString::to_string).collect();
    assert_eq!(names, header);
    for (sheet_row, row) in cells[1..].iter().zip(rows) {
        assert_eq!(
            sheet_row[col("department_code")],
            *row["department_code"].as_str().unwrap()
        );
        assert_eq!(sheet_row[col("reports")].as_f64(), row["reports"].as_f64());
        let overall = cents(row["overall_score"].as_str().unwrap()) as f64 / 100.0;
        assert_eq!(sheet_row[col("overall_score")].as_f64(), Some(overall));
    }
}
