//! Statistics over the demo data set: the published Shandong 2021 figures, drill-down that adds
//! up, scoping by role, classified data left out, and the same figures as CSV and XLSX.

mod common;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use actix_web::test::{TestRequest, call_service, read_body};
use budget_monitor::demo;
use common::world::{login_pair, send};
use common::{TestDb, app, binary, state_for};
use diesel::prelude::*;
use serde_json::Value;

/// One seeded database shared by every test here: they only read.
fn demo_db() -> &'static TestDb {
    static DB: OnceLock<TestDb> = OnceLock::new();
    DB.get_or_init(|| {
        let db = TestDb::new();
        let mut conn = db.connect();
        let outcome = demo::seed(&mut conn, &demo::Options { scale: 1 }, &mut |_| {})
            .expect("demo data loads");
        assert!(matches!(outcome, demo::Outcome::Loaded(_)));
        db
    })
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

/// Every number in a figures object, money strings included, by its path.
fn leaves(v: &Value, prefix: &str, out: &mut BTreeMap<String, f64>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                if k == "system_filled_share" {
                    continue;
                }
                leaves(v, &format!("{prefix}{k}."), out);
            }
        }
        Value::Number(n) => {
            out.insert(prefix.to_owned(), n.as_f64().unwrap());
        }
        Value::String(s) => {
            if let Ok(x) = s.parse::<f64>() {
                out.insert(prefix.to_owned(), x);
            }
        }
        _ => {}
    }
}

fn child<'a>(breakdown: &'a Value, code: &str) -> &'a Value {
    breakdown["children"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["region"]["code"] == code)
        .map(|c| &c["figures"])
        .unwrap_or_else(|| panic!("no child {code}"))
}

#[actix_web::test]
async fn the_overview_tells_the_published_2021_story() {
    let db = demo_db();
    let app = app(state_for(db)).await;
    let token = token_of(&app, "sd.finance").await;
    let (status, body) = send(
        &app,
        &token,
        "GET",
        "/api/v1/stats/overview?region=370000&year=2021",
        None,
        None,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let f = &body["figures"];
    assert_eq!(f["key_monitored_projects"], 1384);
    assert_eq!(f["key_monitored_funds"], "41770000000.00");
    assert_eq!(f["adjusted_and_recovered"], "3370000000.00");
    assert!(f["departments_monitored"].as_i64().unwrap() > 108);
    let reports = &f["reports"];
    for status in [
        "approved",
        "submitted",
        "draft",
        "returned",
        "late",
        "missing",
    ] {
        assert!(
            reports[status].as_i64().unwrap() > 0,
            "no {status} reports: {reports}"
        );
    }

    let (status, regions) = send(
        &app,
        &token,
        "GET",
        "/api/v1/stats/regions?parent=370000&year=2021",
        None,
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(regions["own_level_label"], "provincial level");
    assert_eq!(regions["own_level"]["key_monitored_projects"], 9);
    assert_eq!(regions["children"].as_array().unwrap().len(), 16);
    let rizhao = child(&regions, "371100");
    assert_eq!(rizhao["key_monitoring_items"], 49);
    let said = rizhao["opinions"].as_i64().unwrap() + rizhao["suggestions"].as_i64().unwrap();
    assert!(said > 100, "Rizhao opinions and suggestions: {said}");
    assert!(rizhao["policy_revisions"].as_i64().unwrap() > 20);
    let jinan = child(&regions, "370100");
    assert_eq!(jinan["adjustments"]["reduce"]["amount"], "300000000.00");
    assert_eq!(jinan["adjustments"]["reduce"]["count"], 12);
    let yantai = child(&regions, "370600");
    assert_eq!(
        yantai["adjustments"]["reallocate"]["amount"],
        "200000000.00"
    );

    // Qingdao's 70 %: most of the monitoring data is the system's, and Qingdao, whose data
    // platform feeds nearly every indicator, is above the province.
    let share = |f: &Value| -> f64 { f["system_filled_share"].as_str().unwrap().parse().unwrap() };
    let qingdao_fin = token_of(&app, "qd.finance").await;
    let (_, qingdao) = send(
        &app,
        &qingdao_fin,
        "GET",
        "/api/v1/stats/overview?region=370200&year=2021",
        None,
        None,
    )
    .await;
    assert!(
        share(f) >= 70.0,
        "the province's share: {}",
        f["system_filled_share"]
    );
    assert!(
        share(&qingdao["figures"]) > share(f),
        "Qingdao {} against the province {}",
        qingdao["figures"]["system_filled_share"],
        f["system_filled_share"]
    );
    assert_eq!(
        child(&regions, "370200")["system_filled_share"],
        qingdao["figures"]["system_filled_share"]
    );
    // Like a real province: most projects green, a minority yellow, few red; and categories
    // that do not all move together.
    let overall = &f["lights"]["overall"];
    let (green, yellow, red) = (
        overall["green"].as_i64().unwrap() + overall["blue"].as_i64().unwrap(),
        overall["yellow"].as_i64().unwrap(),
        overall["red"].as_i64().unwrap(),
    );
    assert!(green > yellow && yellow > red, "{overall}");
    assert!(
        green * 2 > f["reports"]["total"].as_i64().unwrap(),
        "{overall}"
    );
    assert_ne!(
        f["lights"]["output"], f["lights"]["satisfaction"],
        "categories move together"
    );

    // The named projects are there to be found.
    let (_, science) = send(
        &app,
        &token,
        "GET",
        "/api/v1/projects?region=370100&function_class=206&key_monitoring=true&limit=100",
        None,
        None,
    )
    .await;
    assert_eq!(science["items"].as_array().unwrap().len(), 12, "{science}");
    let (_, aviation) = send(
        &app,
        &token,
        "GET",
        "/api/v1/projects?q=Aviation%20emergency&key_monitoring=true",
        None,
        None,
    )
    .await;
    assert_eq!(
        aviation["items"][0]["name"],
        "Aviation emergency rescue capacity building"
    );
    let (_, moved) = send(
        &app,
        &token,
        "GET",
        "/api/v1/adjustments?kind=reallocate&limit=100",
        None,
        None,
    )
    .await;
    assert!(moved["items"].as_array().unwrap().iter().any(|a| {
        a["destination_text"]
            .as_str()
            .unwrap_or("")
            .starts_with("People's livelihood")
    }));
}

#[actix_web::test]
async fn the_drill_down_adds_up_to_the_parent_for_every_figure() {
    let db = demo_db();
    let app = app(state_for(db)).await;
    let token = token_of(&app, "demo.admin").await;
    for parent in ["370000", "370100"] {
        let (_, overview) = send(
            &app,
            &token,
            "GET",
            &format!("/api/v1/stats/overview?region={parent}&year=2021"),
            None,
            None,
        )
        .await;
        let (_, parts) = send(
            &app,
            &token,
            "GET",
            &format!("/api/v1/stats/regions?parent={parent}&year=2021"),
            None,
            None,
        )
        .await;
        let mut whole = BTreeMap::new();
        leaves(&overview["figures"], "", &mut whole);
        let mut sum: BTreeMap<String, f64> = BTreeMap::new();
        let mut add = |v: &Value| {
            let mut part = BTreeMap::new();
            leaves(v, "", &mut part);
            for (k, x) in part {
                *sum.entry(k).or_default() += x;
            }
        };
        add(&parts["own_level"]);
        for c in parts["children"].as_array().unwrap() {
            add(&c["figures"]);
        }
        assert!(whole.len() > 60, "{parent}: {} figures", whole.len());
        for (k, x) in &whole {
            let s = sum.get(k).copied().unwrap_or(0.0);
            assert!(
                (s - x).abs() < 0.005,
                "{parent} {k}: parts {s} vs whole {x}"
            );
        }
    }
}

#[actix_web::test]
async fn figures_are_scoped_to_the_caller_and_leave_classified_projects_out() {
    let db = demo_db();
    let app = app(state_for(db)).await;
    let admin = token_of(&app, "demo.admin").await;
    let jn_fin = token_of(&app, "jn.finance").await;
    let jn_aud = token_of(&app, "jn.auditor").await;
    let officer = token_of(&app, "jn.kj.officer").await;
    let get = |t: &str, uri: &str| {
        let t = t.to_owned();
        let uri = uri.to_owned();
        let app = &app;
        async move { send(app, &t, "GET", &uri, None, None).await }
    };
    let (_, jinan_admin) = get(&admin, "/api/v1/stats/overview?region=370100&year=2021").await;
    // A city officer asking about the province gets only its city.
    let (status, jinan_fin) = get(&jn_fin, "/api/v1/stats/overview?region=370000&year=2021").await;
    assert_eq!(status, 200);
    assert_eq!(jinan_fin["figures"], jinan_admin["figures"]);
    let (_, jinan_aud) = get(&jn_aud, "/api/v1/stats/overview?region=370100&year=2021").await;
    assert_eq!(jinan_aud["figures"], jinan_fin["figures"]);
    let (_, province) = get(&admin, "/api/v1/stats/overview?region=370000&year=2021").await;
    assert!(
        province["figures"]["projects_monitored"].as_i64()
            > jinan_fin["figures"]["projects_monitored"].as_i64()
    );
    // The city officer sees one child in the drill-down, a neighbour's region not at all.
    let (_, parts) = get(&jn_fin, "/api/v1/stats/regions?parent=370000&year=2021").await;
    assert_eq!(parts["children"].as_array().unwrap().len(), 1);
    let (status, _) = get(&jn_fin, "/api/v1/stats/overview?region=370200&year=2021").await;
    assert_eq!(status, 404);

    // A department officer's figures are its department's.
    let (_, own) = get(&officer, "/api/v1/stats/overview?region=370100&year=2021").await;
    let (_, listed) = get(&officer, "/api/v1/projects?limit=200").await;
    let projects = listed["items"].as_array().unwrap().len() as i64;
    assert_eq!(own["figures"]["projects_monitored"], projects);
    assert_eq!(own["figures"]["key_monitored_projects"], 12);
    let (status, _) = get(&officer, "/api/v1/stats/departments?region=370100&year=2021&round=00000000-0000-0000-0000-000000000000").await;
    assert_eq!(status, 403);

    // The secrets bureau's key-monitored projects are in the database but in no figure.
    let mut conn = db.connect();
    use budget_monitor::schema::projects::dsl as p;
    let flagged: i64 = p::projects
        .filter(p::key_monitoring.eq(true))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(flagged, 1387);
    assert_eq!(province["figures"]["key_monitored_projects"], 1384);
    let (_, problems) = get(&admin, "/api/v1/stats/problems?region=370000&year=2021").await;
    let findings: i64 = problems
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["findings"].as_i64().unwrap())
        .sum();
    let f = &province["figures"]["findings"];
    let total: i64 = [
        "slow_progress",
        "unreasonable_targets",
        "non_standard_management",
        "unclear_objectives",
        "idle_funds",
        "other",
    ]
    .iter()
    .map(|c| f[c]["count"].as_i64().unwrap())
    .sum();
    assert_eq!(findings, total);
}

#[actix_web::test]
async fn bad_questions_get_clear_problems() {
    let db = demo_db();
    let app = app(state_for(db)).await;
    let token = token_of(&app, "sd.finance").await;
    let (status, body) = send(
        &app,
        &token,
        "GET",
        "/api/v1/stats/overview?region=999999&year=2021",
        None,
        None,
    )
    .await;
    assert_eq!(status, 404, "{body}");
    let (status, body) = send(
        &app,
        &token,
        "GET",
        "/api/v1/stats/overview?region=370000&year=1999",
        None,
        None,
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(body["errors"]["year"].is_array());
    let (status, body) = send(
        &app,
        &token,
        "GET",
        "/api/v1/stats/overview?region=370000&year=2021&round=00000000-0000-0000-0000-000000000000",
        None,
        None,
    )
    .await;
    assert_eq!(status, 404, "a round that does not exist: {body}");
    assert_eq!(body["status"], 404);
    let (status, _) = send(
        &app,
        &token,
        "GET",
        "/api/v1/stats/trend?year=2021",
        None,
        None,
    )
    .await;
    assert_eq!(status, 400);
    let (status, _) = send(
        &app,
        &token,
        "GET",
        "/api/v1/stats/overview?region=370000&year=2021&format=pdf",
        None,
        None,
    )
    .await;
    assert_eq!(status, 400);
}

#[actix_web::test]
async fn statistics_export_the_same_figures_as_csv_and_xlsx() {
    use calamine::{Data, DataType, Reader, Xlsx};
    let db = demo_db();
    let app = app(state_for(db)).await;
    let token = token_of(&app, "sd.finance").await;
    let (_, parts) = send(
        &app,
        &token,
        "GET",
        "/api/v1/stats/regions?parent=370000&year=2021",
        None,
        None,
    )
    .await;
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
    let (kind, csv) = fetch(
        "/api/v1/stats/regions?parent=370000&year=2021".into(),
        Some("text/csv"),
    )
    .await;
    assert!(kind.starts_with("text/csv"));
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 17);
    assert_eq!(&rows[0][col("part")], "provincial level");
    assert_eq!(&rows[0][col("key_monitored_projects")], "9");
    let jinan = rows
        .iter()
        .find(|r| &r[col("region_code")] == "370100")
        .unwrap();
    assert_eq!(&jinan[col("adjustments_reduce_amount")], "300000000.00");
    assert_eq!(
        &jinan[col("reports_total")],
        child(&parts, "370100")["reports"]["total"].to_string()
    );

    let (kind, xlsx) = fetch(
        "/api/v1/stats/regions?parent=370000&year=2021&format=xlsx".into(),
        None,
    )
    .await;
    assert!(kind.starts_with("application/vnd.openxmlformats"));
    let mut book = Xlsx::new(std::io::Cursor::new(xlsx)).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let cells: Vec<Vec<Data>> = sheet.rows().map(<[Data]>::to_vec).collect();
    assert_eq!(cells.len(), 18);
    let names: Vec<String> = cells[0].iter().map(ToString::to_string).collect();
    assert_eq!(names, header);
    let yantai = cells.iter().find(|r| r[0] == "370600").unwrap();
    assert_eq!(
        yantai[col("adjustments_reallocate_amount")].as_f64(),
        Some(200_000_000.0)
    );
    for (row, csv_row) in cells[1..].iter().zip(&rows) {
        assert_eq!(
            row[col("key_monitored_projects")]
                .as_f64()
                .unwrap()
                .to_string(),
            csv_row[col("key_monitored_projects")]
        );
    }

    let (_, overview_csv) = fetch(
        "/api/v1/stats/overview?region=370000&year=2021&format=csv".into(),
        None,
    )
    .await;
    let text = String::from_utf8(overview_csv).unwrap();
    assert!(text.contains("41770000000.00"), "{text}");
    assert!(text.contains("3370000000.00"));
}

#[test]
fn seed_demo_loads_once_and_refuses_production() {
    let db = demo_db();
    let out = std::process::Command::new(binary())
        .arg("seed-demo")
        .env("DATABASE_URL", &db.url)
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("already loaded"), "{stdout}");
    assert!(stdout.contains(demo::DEMO_PASSWORD));

    let out = std::process::Command::new(binary())
        .args(["seed-demo"])
        .env("DATABASE_URL", &db.url)
        .env("APP_ENV", "prod")
        .env("JWT_SECRET", "production-secret-production-secret-0123")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("APP_ENV=prod"));

    let fresh = TestDb::new();
    let mut conn = fresh.connect();
    diesel::sql_query("INSERT INTO regions (id, code, name, level, path) VALUES (gen_random_uuid(), '110000', 'Beijing', 'province', '110000/')")
        .execute(&mut conn)
        .unwrap();
    let out = std::process::Command::new(binary())
        .arg("seed-demo")
        .env("DATABASE_URL", &fresh.url)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty database"));
}

#[actix_web::test]
async fn the_demo_records_rizhaos_revised_policies_and_next_year_cuts() {
    let app = app(state_for(demo_db())).await;
    let sd = token_of(&app, "sd.finance").await;
    let (status, rizhao) = send(
        &app,
        &sd,
        "GET",
        "/api/v1/stats/results?region=371100&year=2021",
        None,
        None,
    )
    .await;
    assert_eq!(status, 200, "{rizhao}");
    let revised = rizhao["policy_revisions"]["revised"].as_i64().unwrap();
    assert_eq!(
        revised,
        i64::from(demo::plan::RIZHAO_POLICY_REVISIONS),
        "{rizhao}"
    );
    assert_eq!(rizhao["policy_revisions"]["suggested"], revised);
    let (_, province) = send(
        &app,
        &sd,
        "GET",
        "/api/v1/stats/results?region=370000&year=2021",
        None,
        None,
    )
    .await;
    // Only Rizhao's departments have revised theirs; elsewhere revisions are still suggested.
    assert_eq!(province["policy_revisions"]["revised"], revised);
    assert!(province["policy_revisions"]["suggested"].as_i64().unwrap() > revised);
    let (_, listed) = send(
        &app,
        &sd,
        "GET",
        "/api/v1/policy-revisions?region=371100&revised=false",
        None,
        None,
    )
    .await;
    assert_eq!(listed["items"].as_array().unwrap().len(), 0);

    // Provincial key-monitored projects carry a results application, five a next-year cut.
    let (status, page) = send(
        &app,
        &sd,
        "GET",
        "/api/v1/result-applications?year=2021&limit=500",
        None,
        None,
    )
    .await;
    assert_eq!(status, 200, "{page}");
    let items = page["items"].as_array().unwrap();
    let cuts: Vec<&Value> = items
        .iter()
        .filter(|a| !a["next_year_budget_change"].is_null())
        .collect();
    assert_eq!(cuts.len(), 5);
    assert!(items.len() > cuts.len());
    let cut_total: f64 = cuts
        .iter()
        .map(|a| {
            a["next_year_budget_change"]
                .as_str()
                .unwrap()
                .parse::<f64>()
                .unwrap()
        })
        .sum();
    let figures = &province["result_applications"];
    assert_eq!(figures["recorded"], items.len());
    assert_eq!(
        figures["next_year_budget_reduced"]
            .as_str()
            .unwrap()
            .parse::<f64>()
            .unwrap(),
        -cut_total
    );
    for a in items {
        let uri = format!("/api/v1/projects/{}", a["project_id"].as_str().unwrap());
        let (_, project) = send(&app, &sd, "GET", &uri, None, None).await;
        assert_eq!(project["region_code"], "370000", "{a}");
        assert_eq!(project["key_monitoring"], true, "{a}");
        assert!(!a["suggestion"]["rule"].as_str().unwrap().is_empty());
    }
}
