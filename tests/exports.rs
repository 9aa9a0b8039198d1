//! Exports of the project, report, rectification and adjustment lists: the CSV and the XLSX file
//! hold the same rows, in the same order, with the same values as the JSON list read page by page
//! with the same filters; scope and errors are the JSON list's.

mod common;

use std::io::Cursor;

use actix_web::body::{BodySize, MessageBody};
use actix_web::test::{TestRequest, call_service, read_body};
use calamine::{Data, DataType, Reader, Xlsx};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use common::world::{World, seed, send, token};
use common::{TestDb, app, expect_problem, state_for};
use serde_json::{Value, json};

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Small internal pages, so a few dozen rows cross several page boundaries. Every test of this
/// file sets the same value, so it does not matter which one runs first.
const PAGE_ROWS: i64 = 7;

async fn setup() -> (
    TestDb,
    World,
    impl actix_web::dev::Service<
        actix_http::Request,
        Response = actix_web::dev::ServiceResponse,
        Error = actix_web::Error,
    >,
) {
    budget_monitor::export::set_page_rows(PAGE_ROWS);
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    (db, world, app)
}

/// Every item of a JSON list, following `next_cursor` with small pages.
async fn all_items<S>(app: &S, token: &str, uri: &str) -> Vec<Value>
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let sep = if uri.contains('?') { '&' } else { '?' };
    let mut items = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let page_uri = match &cursor {
            Some(c) => format!("{uri}{sep}limit=4&cursor={c}"),
            None => format!("{uri}{sep}limit=4"),
        };
        let (status, page) = send(app, token, "GET", &page_uri, None, None).await;
        assert_eq!(status, 200, "{page_uri}: {page}");
        items.extend(page["items"].as_array().unwrap().iter().cloned());
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => return items,
        }
    }
}

struct File {
    content_type: String,
    disposition: String,
    /// Whether the body had a known length (the XLSX file) or streamed (CSV).
    sized: bool,
    bytes: Vec<u8>,
}

/// A file export: `format` as a query parameter, or CSV asked for with `Accept: text/csv`.
async fn download<S>(app: &S, token: &str, uri: &str, how: &str) -> File
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let mut req = TestRequest::get().insert_header(("authorization", format!("Bearer {token}")));
    req = match how {
        "accept-csv" => req.uri(uri).insert_header(("accept", "text/csv")),
        format => {
            let sep = if uri.contains('?') { '&' } else { '?' };
            req.uri(&format!("{uri}{sep}format={format}"))
        }
    };
    let res = call_service(app, req.to_request()).await;
    let status = res.status().as_u16();
    let header = |name: &str| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned()
    };
    let content_type = header("content-type");
    let disposition = header("content-disposition");
    let sized = matches!(res.response().body().size(), BodySize::Sized(_));
    let bytes = read_body(res).await.to_vec();
    assert_eq!(
        status,
        200,
        "{uri} ({how}): {}",
        String::from_utf8_lossy(&bytes)
    );
    File {
        content_type,
        disposition,
        sized,
        bytes,
    }
}

/// How a column's value is compared.
#[derive(Clone, Copy)]
enum K {
    Text,
    Int,
    Money,
    Bool,
    Date,
    Time,
    /// An array of strings, joined with "; ".
    Joined,
}

/// A column: its name in the files, how it compares, and where its value is in a JSON item.
type Col = (&'static str, K, &'static str);

fn at<'a>(item: &'a Value, path: &str) -> &'a Value {
    path.split('.').fold(item, |v, key| &v[key])
}

/// The value as CSV text, from the JSON item.
fn csv_text(value: &Value, kind: K) -> String {
    match (kind, value) {
        (_, Value::Null) => String::new(),
        (K::Joined, Value::Array(parts)) => parts
            .iter()
            .map(|p| p.as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
            .join("; "),
        (_, Value::String(s)) => s.clone(),
        (_, other) => other.to_string(),
    }
}

fn excel_epoch() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(1899, 12, 30)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
}

fn from_serial(serial: f64) -> NaiveDateTime {
    excel_epoch() + chrono::Duration::seconds((serial * 86_400.0).round() as i64)
}

/// Asserts that an XLSX cell holds the JSON item's value, typed as a spreadsheet would.
fn same_cell(cell: &Data, value: &Value, kind: K, what: &str) {
    if value.is_null() {
        assert_eq!(cell, &Data::Empty, "{what}");
        return;
    }
    match kind {
        K::Text | K::Joined => match cell {
            Data::String(s) => assert_eq!(s, &csv_text(value, kind), "{what}"),
            Data::Empty => assert_eq!(csv_text(value, kind), "", "{what}"),
            other => panic!("{what}: expected text, got {other:?}"),
        },
        K::Int => assert_eq!(
            cell.as_i64(),
            Some(value.as_i64().unwrap()),
            "{what}: {cell:?}"
        ),
        K::Money => {
            // A number in the sheet (a float there is acceptable), with the JSON's exact cents.
            let Data::Float(f) = cell else {
                panic!("{what}: expected a number, got {cell:?}");
            };
            assert_eq!(format!("{f:.2}"), value.as_str().unwrap(), "{what}");
        }
        K::Bool => assert_eq!(cell, &Data::Bool(value.as_bool().unwrap()), "{what}"),
        K::Date => {
            let Data::DateTime(d) = cell else {
                panic!("{what}: expected a date, got {cell:?}");
            };
            assert_eq!(
                from_serial(d.as_f64()).date().to_string(),
                value.as_str().unwrap(),
                "{what}"
            );
        }
        K::Time => {
            let Data::DateTime(d) = cell else {
                panic!("{what}: expected a date and time, got {cell:?}");
            };
            let expected: DateTime<Utc> = value.as_str().unwrap().parse().unwrap();
            // The sheet keeps whole seconds.
            assert_eq!(
                from_serial(d.as_f64()),
                expected.naive_utc().with_nanosecond_zero(),
                "{what}"
            );
        }
    }
}

trait WholeSeconds {
    fn with_nanosecond_zero(self) -> Self;
}

impl WholeSeconds for NaiveDateTime {
    fn with_nanosecond_zero(self) -> Self {
        chrono::Timelike::with_nanosecond(&self, 0).unwrap()
    }
}

fn csv_records(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

fn xlsx_rows(bytes: &[u8]) -> Vec<Vec<Data>> {
    let mut book = Xlsx::new(Cursor::new(bytes.to_vec())).expect("a readable workbook");
    let names = book.sheet_names();
    assert_eq!(names.len(), 1, "one sheet");
    let range = book.worksheet_range(&names[0]).unwrap();
    assert_eq!(range.start(), Some((0, 0)), "the sheet starts at A1");
    range.rows().map(<[Data]>::to_vec).collect()
}

/// Exports `uri` as CSV (both ways of asking) and XLSX and checks both against `items`.
async fn check_exports<S>(
    app: &S,
    token: &str,
    uri: &str,
    name: &str,
    cols: &[Col],
    items: &[Value],
) where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let names: Vec<&str> = cols.iter().map(|c| c.0).collect();
    for how in ["csv", "accept-csv"] {
        let file = download(app, token, uri, how).await;
        assert_eq!(file.content_type, "text/csv; charset=utf-8");
        assert_eq!(
            file.disposition,
            format!("attachment; filename=\"{name}.csv\"")
        );
        assert!(!file.sized, "CSV streams");
        let text = String::from_utf8(file.bytes.clone()).unwrap();
        assert!(text.ends_with("\r\n"), "RFC 4180 line ends: {text}");
        let (header, rows) = csv_records(&file.bytes);
        assert_eq!(header, names, "{uri}");
        assert_eq!(rows.len(), items.len(), "{uri}: {text}");
        for (row, item) in rows.iter().zip(items) {
            let expected: Vec<String> = cols
                .iter()
                .map(|(_, kind, path)| csv_text(at(item, path), *kind))
                .collect();
            assert_eq!(row, &expected, "{uri}");
        }
    }

    let file = download(app, token, uri, "xlsx").await;
    assert_eq!(file.content_type, XLSX);
    assert_eq!(
        file.disposition,
        format!("attachment; filename=\"{name}.xlsx\"")
    );
    assert!(file.sized, "the finished workbook has a known length");
    let rows = xlsx_rows(&file.bytes);
    let header: Vec<Data> = names
        .iter()
        .map(|n| Data::String((*n).to_owned()))
        .collect();
    assert_eq!(rows[0], header);
    assert_eq!(rows.len() - 1, items.len(), "{uri}");
    for (r, (row, item)) in rows[1..].iter().zip(items).enumerate() {
        assert_eq!(row.len(), cols.len());
        for (cell, (column, kind, path)) in row.iter().zip(cols) {
            same_cell(
                cell,
                at(item, path),
                *kind,
                &format!("{uri} row {r} {column}"),
            );
        }
    }
}

fn project(code: &str, name: &str, department: uuid::Uuid, budget: &str, class: &str) -> Value {
    json!({
        "code": code, "name": name, "department_id": department, "fiscal_year": 2021,
        "function_class": class, "category": "special", "start_date": "2021-02-01",
        "annual_goal": "Goal of project",
        "fund_sources": {"municipal": budget}, "initial_budget": budget
    })
}

async fn create<S>(app: &S, token: &str, uri: &str, body: Value) -> Value
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let (status, created) = send(app, token, "POST", uri, Some(body), None).await;
    assert_eq!(status, 201, "{uri}: {created}");
    created
}

const PROJECT_COLUMNS: &[Col] = &[
    ("id", K::Text, "id"),
    ("code", K::Text, "code"),
    ("name", K::Text, "name"),
    ("department_id", K::Text, "department_id"),
    ("department_code", K::Text, "department_code"),
    ("region_code", K::Text, "region_code"),
    ("fiscal_year", K::Int, "fiscal_year"),
    ("function_class", K::Text, "function_class"),
    ("category", K::Text, "category"),
    ("start_date", K::Date, "start_date"),
    ("end_date", K::Date, "end_date"),
    ("annual_goal", K::Text, "annual_goal"),
    ("fund_central", K::Money, "fund_sources.central"),
    ("fund_provincial", K::Money, "fund_sources.provincial"),
    ("fund_municipal", K::Money, "fund_sources.municipal"),
    ("fund_county", K::Money, "fund_sources.county"),
    ("fund_self_raised", K::Money, "fund_sources.self_raised"),
    ("fund_other", K::Money, "fund_sources.other"),
    ("initial_budget", K::Money, "initial_budget"),
    ("adjusted_budget", K::Money, "adjusted_budget"),
    ("status", K::Text, "status"),
    ("key_monitoring", K::Bool, "key_monitoring"),
    ("classified", K::Bool, "classified"),
    ("ready", K::Bool, "readiness.ready"),
    ("not_ready_reasons", K::Joined, "readiness.reasons"),
    ("created_at", K::Time, "created_at"),
    ("updated_at", K::Time, "updated_at"),
];

#[actix_web::test]
async fn project_exports_hold_the_lists_rows_in_its_order() {
    let (_db, world, app) = setup().await;
    let fin = token(&app, "jn.fin").await;
    let admin = token(&app, "admin").await;
    let qd = token(&app, "qd.fin").await;
    // Budgets repeat so that the descending budget order needs its id tie-break; names need
    // quoting in CSV and are not all ASCII.
    let names = [
        "Technology vouchers, phase 1",
        "The \"Spring Seedling\" programme",
        "科技成果转化",
        "Two\nlines",
        "Plain",
    ];
    for n in 0..31 {
        let dept = match n % 3 {
            0 => world.dept("jn_kj"),
            1 => world.dept("jn_jy"),
            _ => world.dept("lixia_cz"),
        };
        let budget = format!("{}.{:02}", 1_000_000 + (n % 4) * 250_000, n % 3 * 5);
        let class = if n % 5 == 4 { "20101" } else { "20601" };
        let mut body = project(
            &format!("JN-EX-{n:02}"),
            names[n as usize % names.len()],
            dept,
            &budget,
            class,
        );
        if n % 6 == 0 {
            body["end_date"] = json!("2021-12-31");
        }
        create(&app, &fin, "/api/v1/projects", body).await;
    }
    // Indicators make one project ready, so readiness differs between rows.
    let (_, first) = send(&app, &fin, "GET", "/api/v1/projects?q=JN-EX-00", None, None).await;
    let first_id = first["items"][0]["id"].as_str().unwrap().to_owned();
    create(
        &app,
        &fin,
        &format!("/api/v1/projects/{first_id}/indicators"),
        json!({"level1": "output", "level2": "quantity", "name": "Vouchers", "comparator": ">=",
               "target_value": "100", "unit": "vouchers", "weight": "90"}),
    )
    .await;
    // Hidden from Jinan's finance office: a classified project and one of a classified
    // department; out of its scope: Qingdao's projects.
    let mut secret = project(
        "JN-EX-SECRET",
        "Secret",
        world.dept("jn_kj"),
        "5.00",
        "20601",
    );
    secret["classified"] = json!(true);
    create(&app, &admin, "/api/v1/projects", secret).await;
    create(
        &app,
        &admin,
        "/api/v1/projects",
        project(
            "JN-EX-POLICE",
            "Police",
            world.dept("jn_secret"),
            "6.00",
            "20601",
        ),
    )
    .await;
    create(
        &app,
        &qd,
        "/api/v1/projects",
        project("QD-EX-1", "Qingdao", world.dept("qd_kj"), "7.00", "20601"),
    )
    .await;

    let uri = "/api/v1/projects?fiscal_year=2021&function_class=206&sort=-budget";
    let items = all_items(&app, &fin, uri).await;
    assert_eq!(items.len(), 25, "31 minus the 6 of class 20101");
    assert!(items.iter().any(|p| p["readiness"]["ready"] == true));
    check_exports(&app, &fin, uri, "projects", PROJECT_COLUMNS, &items).await;

    // The default order and another filter.
    let uri = "/api/v1/projects?region=370102";
    let items = all_items(&app, &fin, uri).await;
    assert_eq!(items.len(), 10);
    check_exports(&app, &fin, uri, "projects", PROJECT_COLUMNS, &items).await;

    // A region that does not exist matches nothing: a file with just the header.
    let file = download(&app, &fin, "/api/v1/projects?region=999999", "csv").await;
    assert_eq!(String::from_utf8(file.bytes).unwrap(), {
        let names: Vec<&str> = PROJECT_COLUMNS.iter().map(|c| c.0).collect();
        format!("{}\r\n", names.join(","))
    });
    let file = download(&app, &fin, "/api/v1/projects?region=999999", "xlsx").await;
    assert_eq!(xlsx_rows(&file.bytes).len(), 1);
}

#[actix_web::test]
async fn a_region_scoped_export_has_no_classified_project() {
    let (_db, world, app) = setup().await;
    let fin = token(&app, "jn.fin").await;
    let admin = token(&app, "admin").await;
    for n in 0..9 {
        create(
            &app,
            &fin,
            "/api/v1/projects",
            project(
                &format!("JN-OPEN-{n}"),
                "Open",
                world.dept("jn_kj"),
                "1.00",
                "20601",
            ),
        )
        .await;
    }
    for n in 0..4 {
        let mut secret = project(
            &format!("JN-SECRET-{n}"),
            "Secret",
            world.dept("jn_kj"),
            "1.00",
            "20601",
        );
        secret["classified"] = json!(true);
        create(&app, &admin, "/api/v1/projects", secret).await;
        create(
            &app,
            &admin,
            "/api/v1/projects",
            project(
                &format!("JN-POLICE-{n}"),
                "Police",
                world.dept("jn_secret"),
                "1.00",
                "20601",
            ),
        )
        .await;
    }
    for who in ["jn.fin", "jn.aud"] {
        let t = token(&app, who).await;
        let csv = download(&app, &t, "/api/v1/projects", "csv").await;
        let (header, rows) = csv_records(&csv.bytes);
        let code = header.iter().position(|h| h == "code").unwrap();
        let classified = header.iter().position(|h| h == "classified").unwrap();
        let codes: Vec<&str> = rows.iter().map(|r| r[code].as_str()).collect();
        assert_eq!(codes.len(), 9, "{who}: {codes:?}");
        assert!(codes.iter().all(|c| c.starts_with("JN-OPEN-")), "{codes:?}");
        assert!(rows.iter().all(|r| r[classified] == "false"));
        let xlsx = xlsx_rows(&download(&app, &t, "/api/v1/projects", "xlsx").await.bytes);
        assert_eq!(xlsx.len(), 10, "{who}");
        assert!(
            xlsx[1..]
                .iter()
                .all(|r| matches!(&r[1], Data::String(c) if c.starts_with("JN-OPEN-")))
        );
    }
    // The admin sees them all, the classified ones marked.
    let csv = download(&app, &admin, "/api/v1/projects", "csv").await;
    let (_, rows) = csv_records(&csv.bytes);
    assert_eq!(rows.len(), 17);
    let items = all_items(&app, &admin, "/api/v1/projects").await;
    check_exports(
        &app,
        &admin,
        "/api/v1/projects",
        "projects",
        PROJECT_COLUMNS,
        &items,
    )
    .await;
}

/// A project the round will monitor: an output indicator and an effect indicator, weights 90.
async fn ready_project<S>(app: &S, fin: &str, code: &str, dept: uuid::Uuid, budget: &str) -> String
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let p = create(
        app,
        fin,
        "/api/v1/projects",
        project(code, &format!("Project {code}"), dept, budget, "20601"),
    )
    .await;
    let id = p["id"].as_str().unwrap().to_owned();
    let uri = format!("/api/v1/projects/{id}/indicators");
    for body in [
        json!({"level1": "output", "level2": "quantity", "name": "Enterprises supported", "comparator": ">=",
               "target_value": "120", "unit": "enterprises", "weight": "60"}),
        json!({"level1": "effect", "level2": "social", "name": "Response time", "comparator": "<=",
               "target_value": "30", "unit": "minutes", "weight": "30", "accrues": false}),
    ] {
        create(app, fin, &uri, body).await;
    }
    id
}

const REPORT_COLUMNS: &[Col] = &[
    ("report_id", K::Text, "id"),
    ("project_code", K::Text, "project_code"),
    ("project_name", K::Text, "project_name"),
    ("department_code", K::Text, "department_code"),
    ("region_code", K::Text, "region_code"),
    ("status", K::Text, "status"),
    ("late", K::Bool, "late"),
    ("submitted_at", K::Time, "submitted_at"),
    ("key_monitoring", K::Bool, "key_monitoring"),
    ("adjusted_budget", K::Money, "adjusted_budget"),
    ("executed_amount", K::Money, "executed_amount"),
    ("execution_rate", K::Money, "execution_rate"),
    ("light", K::Text, "light"),
    ("round_id", K::Text, "round_id"),
    ("project_id", K::Text, "project_id"),
    ("department_id", K::Text, "department_id"),
];

#[actix_web::test]
async fn report_exports_hold_the_rounds_reports_and_stay_in_scope() {
    let (_db, world, app) = setup().await;
    let fin = token(&app, "jn.fin").await;
    let mut ids = Vec::new();
    for n in 0..13 {
        let dept = if n < 10 {
            world.dept("jn_kj")
        } else {
            world.dept("jn_jy")
        };
        let budget = format!("{}.00", 2_000_000 + n * 1000);
        ids.push(ready_project(&app, &fin, &format!("JN-RP-{n:02}"), dept, &budget).await);
    }
    // Spending gives the first projects an execution rate.
    let records: Vec<Value> = ids
        .iter()
        .take(5)
        .enumerate()
        .map(|(i, id)| {
            json!({"project_id": id, "payment_date": "2021-05-10",
                   "amount": format!("{}.50", 100_000 * (i + 1)), "external_ref": format!("GK-{i}")})
        })
        .collect();
    let (status, fed) = send(
        &app,
        &fin,
        "POST",
        "/api/v1/execution-records",
        Some(json!({"items": records})),
        None,
    )
    .await;
    assert_eq!(status, 200, "{fed}");
    let round = create(
        &app,
        &fin,
        "/api/v1/rounds",
        json!({"region_code": "370100", "fiscal_year": 2021, "name": "Jinan mid-year",
               "cutoff_date": "2021-06-30", "open_date": "2021-07-01", "due_date": "2021-07-20",
               "warning_days": 5}),
    )
    .await;
    let round_id = round["id"].as_str().unwrap().to_owned();
    let (status, opened) = send(
        &app,
        &fin,
        "POST",
        &format!("/api/v1/rounds/{round_id}/open"),
        None,
        None,
    )
    .await;
    assert_eq!(status, 200, "{opened}");
    assert_eq!(opened["created"], 13);

    let name = format!("round-{round_id}-reports");
    let uri = format!(
        "/api/v1/rounds/{round_id}/reports?department={}",
        world.dept("jn_kj")
    );
    let items = all_items(&app, &fin, &uri).await;
    assert_eq!(items.len(), 10);
    assert!(items.iter().any(|r| !r["execution_rate"].is_null()));
    check_exports(&app, &fin, &uri, &name, REPORT_COLUMNS, &items).await;
    let uri = format!("/api/v1/rounds/{round_id}/reports");
    let items = all_items(&app, &fin, &uri).await;
    assert_eq!(items.len(), 13);
    check_exports(&app, &fin, &uri, &name, REPORT_COLUMNS, &items).await;
    // A department officer exports its own department's reports only.
    let officer = token(&app, "jn.jy").await;
    let items = all_items(&app, &officer, &uri).await;
    assert_eq!(items.len(), 3);
    check_exports(&app, &officer, &uri, &name, REPORT_COLUMNS, &items).await;

    // A round outside the caller's scope is not there, as a file or otherwise.
    let qd = token(&app, "qd.fin").await;
    for format in ["csv", "xlsx", "json"] {
        let res = call_service(
            &app,
            TestRequest::get()
                .uri(&format!("{uri}?format={format}"))
                .insert_header(("authorization", format!("Bearer {qd}")))
                .to_request(),
        )
        .await;
        expect_problem(res, 404).await;
    }
    let res = call_service(
        &app,
        TestRequest::get()
            .uri(&format!("/api/v1/rounds/{}/reports", uuid::Uuid::now_v7()))
            .insert_header(("authorization", format!("Bearer {fin}")))
            .insert_header(("accept", "text/csv"))
            .to_request(),
    )
    .await;
    expect_problem(res, 404).await;
}

const RECTIFICATION_COLUMNS: &[Col] = &[
    ("id", K::Text, "id"),
    ("finding_id", K::Text, "finding_id"),
    ("project_id", K::Text, "project_id"),
    ("department_id", K::Text, "department_id"),
    ("requirement", K::Text, "requirement"),
    ("deadline", K::Date, "deadline"),
    ("warning_days", K::Int, "warning_days"),
    ("status", K::Text, "status"),
    ("response", K::Text, "response"),
    ("answered_at", K::Time, "answered_at"),
    ("accepted_at", K::Time, "accepted_at"),
    ("overdue", K::Bool, "overdue"),
    ("light", K::Text, "light"),
    ("created_at", K::Time, "created_at"),
];

#[actix_web::test]
async fn rectification_exports_hold_the_lists_rows() {
    let (_db, world, app) = setup().await;
    let fin = token(&app, "jn.fin").await;
    let today = Utc::now().date_naive();
    for (code, dept) in [("JN-RC-1", "jn_kj"), ("JN-RC-2", "jn_jy")] {
        let p = create(
            &app,
            &fin,
            "/api/v1/projects",
            project(code, code, world.dept(dept), "1000.00", "20601"),
        )
        .await;
        let inspection = create(
            &app,
            &fin,
            "/api/v1/inspections",
            json!({"project_id": p["id"]}),
        )
        .await;
        let finding = create(
            &app,
            &fin,
            &format!(
                "/api/v1/inspections/{}/findings",
                inspection["id"].as_str().unwrap()
            ),
            json!({"category": "slow_progress", "description": "Milestones missed", "severity": "medium"}),
        )
        .await;
        for n in 0..9i64 {
            let deadline = today + chrono::Duration::days(n * 4 - 6);
            create(
                &app,
                &fin,
                "/api/v1/rectifications",
                json!({"finding_id": finding["id"],
                       "requirement": format!("Publish recovery plan {n}, \"signed\""),
                       "deadline": deadline.to_string(), "warning_days": 7}),
            )
            .await;
        }
    }
    // One answered, so that a timestamp column is filled.
    let officer = token(&app, "jn.kj").await;
    let mine = all_items(&app, &officer, "/api/v1/rectifications").await;
    let (status, answered) = send(
        &app,
        &officer,
        "POST",
        &format!(
            "/api/v1/rectifications/{}/response",
            mine[0]["id"].as_str().unwrap()
        ),
        Some(json!({"response": "Plan published"})),
        None,
    )
    .await;
    assert_eq!(status, 200, "{answered}");

    let uri = "/api/v1/rectifications";
    let items = all_items(&app, &fin, uri).await;
    assert_eq!(items.len(), 18);
    assert!(items.iter().any(|r| r["light"] == "red"));
    check_exports(
        &app,
        &fin,
        uri,
        "rectifications",
        RECTIFICATION_COLUMNS,
        &items,
    )
    .await;
    let uri = format!(
        "/api/v1/rectifications?overdue=false&department={}",
        world.dept("jn_kj")
    );
    let items = all_items(&app, &fin, &uri).await;
    assert_eq!(items.len(), 7);
    check_exports(
        &app,
        &fin,
        &uri,
        "rectifications",
        RECTIFICATION_COLUMNS,
        &items,
    )
    .await;
    let uri = "/api/v1/rectifications?due_within=10";
    let items = all_items(&app, &officer, uri).await;
    check_exports(
        &app,
        &officer,
        uri,
        "rectifications",
        RECTIFICATION_COLUMNS,
        &items,
    )
    .await;
}

const ADJUSTMENT_COLUMNS: &[Col] = &[
    ("id", K::Text, "id"),
    ("project_id", K::Text, "project_id"),
    ("kind", K::Text, "kind"),
    ("amount", K::Money, "amount"),
    ("document_number", K::Text, "document_number"),
    ("finding_id", K::Text, "finding_id"),
    ("report_id", K::Text, "report_id"),
    ("destination_project_id", K::Text, "destination_project_id"),
    ("destination_text", K::Text, "destination_text"),
    (
        "destination_function_class",
        K::Text,
        "destination_function_class",
    ),
    ("reverses_id", K::Text, "reverses_id"),
    ("note", K::Text, "note"),
    ("created_by_name", K::Text, "created_by_name"),
    ("created_at", K::Time, "created_at"),
];

#[actix_web::test]
async fn adjustment_exports_hold_the_lists_rows() {
    let (_db, world, app) = setup().await;
    let fin = token(&app, "jn.fin").await;
    let qd = token(&app, "qd.fin").await;
    let mut jinan = Vec::new();
    for n in 0..5 {
        let p = create(
            &app,
            &fin,
            "/api/v1/projects",
            project(
                &format!("JN-AD-{n}"),
                "Adjusted",
                world.dept(if n < 3 { "jn_kj" } else { "lixia_cz" }),
                "10000000.00",
                "20601",
            ),
        )
        .await;
        jinan.push(p["id"].as_str().unwrap().to_owned());
    }
    for (i, id) in jinan.iter().enumerate() {
        for body in [
            json!({"project_id": id, "kind": "reduce", "amount": format!("{}.25", 100_000 * (i + 1)),
                   "document_number": format!("济财绩〔2021〕{i}号"), "note": "Slow progress, cut"}),
            json!({"project_id": id, "kind": "increase", "amount": "1234567.89",
                   "document_number": "JNCZ-2021-9"}),
            json!({"project_id": id, "kind": "reallocate", "amount": "1000.00",
                   "document_number": "JNCZ-2021-10", "destination_text": "Rural roads",
                   "destination_function_class": "21401"}),
        ] {
            create(&app, &fin, "/api/v1/adjustments", body).await;
        }
    }
    create(
        &app,
        &fin,
        "/api/v1/adjustments",
        json!({"project_id": jinan[0], "kind": "suspend", "document_number": "JNCZ-2021-11"}),
    )
    .await;
    let qd_project = create(
        &app,
        &qd,
        "/api/v1/projects",
        project("QD-AD-1", "Qingdao", world.dept("qd_kj"), "500.00", "20601"),
    )
    .await;
    create(
        &app,
        &qd,
        "/api/v1/adjustments",
        json!({"project_id": qd_project["id"], "kind": "reduce", "amount": "1.00",
               "document_number": "QD-1"}),
    )
    .await;

    let sd = token(&app, "sd.fin").await;
    let uri = "/api/v1/adjustments?region=370100";
    let items = all_items(&app, &sd, uri).await;
    assert_eq!(items.len(), 16);
    assert!(items.iter().any(|a| a["amount"].is_null()));
    check_exports(&app, &sd, uri, "adjustments", ADJUSTMENT_COLUMNS, &items).await;
    let uri = "/api/v1/adjustments?kind=reduce";
    let items = all_items(&app, &sd, uri).await;
    assert_eq!(items.len(), 6);
    check_exports(&app, &sd, uri, "adjustments", ADJUSTMENT_COLUMNS, &items).await;
    // Jinan's office never gets Qingdao's.
    let uri = "/api/v1/adjustments";
    let items = all_items(&app, &fin, uri).await;
    assert_eq!(items.len(), 16);
    check_exports(&app, &fin, uri, "adjustments", ADJUSTMENT_COLUMNS, &items).await;
}

#[actix_web::test]
async fn an_unknown_format_is_a_problem() {
    let (_db, world, app) = setup().await;
    let fin = token(&app, "jn.fin").await;
    let round = create(
        &app,
        &fin,
        "/api/v1/rounds",
        json!({"region_code": "370100", "fiscal_year": 2021, "name": "Jinan",
               "cutoff_date": "2021-06-30", "open_date": "2021-07-01", "due_date": "2021-07-20",
               "warning_days": 5}),
    )
    .await;
    let _ = world;
    for uri in [
        "/api/v1/projects?format=pdf".to_owned(),
        format!(
            "/api/v1/rounds/{}/reports?format=pdf",
            round["id"].as_str().unwrap()
        ),
        "/api/v1/rectifications?format=pdf".to_owned(),
        "/api/v1/adjustments?format=pdf&kind=reduce".to_owned(),
    ] {
        let res = call_service(
            &app,
            TestRequest::get()
                .uri(&uri)
                .insert_header(("authorization", format!("Bearer {fin}")))
                .to_request(),
        )
        .await;
        let problem = expect_problem(res, 400).await;
        let detail = problem["detail"].as_str().unwrap();
        assert!(
            detail.contains("json, csv, xlsx") && detail.contains("pdf"),
            "{uri}: {detail}"
        );
    }
    // Without a token an export is refused like the list.
    let res = call_service(
        &app,
        TestRequest::get()
            .uri("/api/v1/projects?format=csv")
            .to_request(),
    )
    .await;
    expect_problem(res, 401).await;
}
