//! The `budget-monitor` binary as an operator runs it.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{TestDb, binary};
use diesel::RunQueryDsl;
use diesel::sql_types::BigInt;

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A plain HTTP/1.1 GET; returns the status and body.
fn http_get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut text = String::new();
    stream.read_to_string(&mut text).ok()?;
    let status = text.split(' ').nth(1)?.parse().ok()?;
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_owned())?;
    Some((status, body))
}

fn command(db_url: &str) -> Command {
    let mut cmd = Command::new(binary());
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", db_url)
        .env("RUST_LOG", "info");
    cmd
}

struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn signal(child: &Child, sig: &str) {
    let status = Command::new("kill")
        .args([sig, &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
}

fn wait_for_exit(child: &mut Child, within: Duration) -> std::process::ExitStatus {
    let deadline = Instant::now() + within;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        assert!(
            Instant::now() < deadline,
            "process did not exit within {within:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_bad_setting_stops_start_up_naming_the_variable() {
    let db = TestDb::unmade();
    for (var, value) in [
        ("DB_POOL_SIZE", "zero"),
        ("BIND_ADDR", "localhost"),
        ("LOG_FORMAT", "xml"),
        ("CORS_ALLOWED_ORIGINS", "not-an-origin"),
    ] {
        let out = command(&db.url)
            .env(var, value)
            .arg("serve")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{var}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("invalid {var}")),
            "{var}: {stderr}"
        );
    }
}

#[test]
fn unknown_command_prints_usage_and_fails() {
    let out = Command::new(binary()).arg("serv").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Usage: budget-monitor"));
}

#[test]
fn openapi_command_prints_the_committed_document() {
    let out = Command::new(binary()).arg("openapi").output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        include_str!("../openapi/openapi.json")
    );
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[test]
fn migrate_creates_the_database_and_is_idempotent() {
    let db = TestDb::unmade();
    let out = command(&db.url).arg("migrate").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let total = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations"))
        .unwrap()
        .count();
    assert!(
        stdout.contains(&format!("applied {total} migration(s)")),
        "{stdout}"
    );

    let count: Count = diesel::sql_query(
        "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'audit_events'",
    )
    .get_result(&mut db.connect())
    .unwrap();
    assert_eq!(count.n, 1);

    let again = command(&db.url).arg("migrate").output().unwrap();
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stdout).contains("applied 0 migration(s)"));
}

#[test]
fn unreachable_database_fails_start_up_with_a_clear_message() {
    let out = command("postgres://postgres@127.0.0.1:1/budget_monitor")
        .arg("serve")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot connect to postgres://postgres@127.0.0.1:1/"),
        "{stderr}"
    );
}

#[test]
fn serve_creates_its_database_logs_requests_and_stops_on_sigterm() {
    let db = TestDb::unmade();
    let port = free_port();
    let mut child = command(&db.url)
        .env("BIND_ADDR", format!("127.0.0.1:{port}"))
        .env("LOG_FORMAT", "json")
        .arg("serve")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let mut server = Running(child);
    let log_lines = std::thread::spawn(move || {
        BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
            .collect::<Vec<_>>()
    });

    let deadline = Instant::now() + Duration::from_secs(30);
    while http_get(port, "/healthz").is_none() {
        assert!(Instant::now() < deadline, "server did not come up");
        std::thread::sleep(Duration::from_millis(100));
    }
    let (status, body) = http_get(port, "/readyz").unwrap();
    assert_eq!(status, 200, "{body}");
    let (status, _) = http_get(port, "/missing").unwrap();
    assert_eq!(status, 404);

    signal(&server.0, "-TERM");
    let exit = wait_for_exit(&mut server.0, Duration::from_secs(20));
    assert!(exit.success(), "{exit:?}");
    assert!(
        http_get(port, "/healthz").is_none(),
        "still answering after shutdown"
    );

    let lines = log_lines.join().unwrap();
    let access: Vec<serde_json::Value> = lines
        .iter()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["message"] == "request")
        .collect();
    let missing = access
        .iter()
        .find(|v| v["path"] == "/missing")
        .unwrap_or_else(|| panic!("no access line for /missing in {lines:#?}"));
    assert_eq!(missing["status"], 404);
    assert_eq!(missing["method"], "GET");
    assert!(missing["latency_ms"].is_number());
    assert!(missing["span"]["request_id"].is_string(), "{missing}");
    assert!(
        lines.iter().any(|l| l.contains("created database")),
        "{lines:#?}"
    );
}

#[test]
fn create_admin_reads_the_password_from_stdin_or_the_environment() {
    let db = TestDb::unmade();
    let mut child = command(&db.url)
        .args(["create-admin", "--username", "root.admin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Provincial-admin-1\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("created admin root.admin"));

    // The same name in another case is taken; a weak password is refused.
    let dup = command(&db.url)
        .env("ADMIN_PASSWORD", "Another-admin-2")
        .args(["create-admin", "--username", "ROOT.ADMIN"])
        .output()
        .unwrap();
    assert_eq!(dup.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&dup.stderr).contains("already exists"));
    let weak = command(&db.url)
        .env("ADMIN_PASSWORD", "short")
        .args(["create-admin", "--username", "second.admin"])
        .output()
        .unwrap();
    assert_eq!(weak.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&weak.stderr).contains("at least 10 characters"));
    let no_name = command(&db.url).args(["create-admin"]).output().unwrap();
    assert_eq!(no_name.status.code(), Some(2));

    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        role: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        password_hash: String,
    }
    let rows: Vec<Row> = diesel::sql_query("SELECT role, password_hash FROM users")
        .load(&mut db.connect())
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].role, "admin");
    assert!(rows[0].password_hash.starts_with("$argon2id$"));
    assert!(budget_monitor::auth::password::verify(
        "Provincial-admin-1",
        &rows[0].password_hash
    ));
}

/// A plain HTTP/1.1 request with a JSON body; returns the status and body.
fn http_json(
    port: u16,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: &str,
) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .ok()?;
    let auth = token
        .map(|t| format!("Authorization: Bearer {t}\r\n"))
        .unwrap_or_default();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n{auth}Content-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .ok()?;
    let mut text = String::new();
    stream.read_to_string(&mut text).ok()?;
    let status = text.split(' ').nth(1)?.parse().ok()?;
    Some((
        status,
        text.split_once("\r\n\r\n").map(|(_, b)| b.to_owned())?,
    ))
}

#[test]
fn sigterm_lets_a_request_in_flight_finish() {
    let db = TestDb::unmade();
    let made = command(&db.url)
        .env("ADMIN_PASSWORD", "Shutdown-admin-1")
        .args(["create-admin", "--username", "shutdown.admin"])
        .output()
        .unwrap();
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let port = free_port();
    let child = command(&db.url)
        .env("BIND_ADDR", format!("127.0.0.1:{port}"))
        .env("RUST_LOG", "warn")
        .arg("serve")
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut server = Running(child);
    let deadline = Instant::now() + Duration::from_secs(30);
    while http_get(port, "/healthz").is_none() {
        assert!(Instant::now() < deadline, "server did not come up");
        std::thread::sleep(Duration::from_millis(100));
    }
    let (_, login) = http_json(
        port,
        "POST",
        "/api/v1/auth/login",
        None,
        r#"{"username":"shutdown.admin","password":"Shutdown-admin-1"}"#,
    )
    .unwrap();
    let token: String = serde_json::from_str::<serde_json::Value>(&login).unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, _) = http_json(
        port,
        "POST",
        "/api/v1/regions",
        Some(&token),
        r#"{"code":"370000","name":"Shandong","level":"province"}"#,
    )
    .unwrap();
    assert_eq!(status, 201);
    let (status, _) = http_json(
        port,
        "POST",
        "/api/v1/departments",
        Some(&token),
        r#"{"region_code":"370000","code":"KJT","name":"Science"}"#,
    )
    .unwrap();
    assert_eq!(status, 201);
    // A batch big enough to take a while: the signal arrives while it is being written.
    let items: Vec<serde_json::Value> = (0..2500)
        .map(|n| serde_json::json!({"region_code": "370000", "fiscal_year": 2021, "code": format!("S{n}"),
            "department_code": "KJT", "name": "P", "function_class": "206",
            "fund_sources": {"provincial": "1.00"}, "initial_budget": "1.00"}))
        .collect();
    let body = serde_json::json!({"items": items}).to_string();
    let in_flight = std::thread::spawn(move || {
        let answer = http_json(port, "POST", "/api/v1/projects/import", Some(&token), &body);
        (answer, Instant::now())
    });
    std::thread::sleep(Duration::from_millis(500));
    signal(&server.0, "-TERM");
    let signalled = Instant::now();
    let (answer, answered) = in_flight.join().unwrap();
    assert!(
        answered > signalled,
        "the import finished before the signal; make the batch bigger"
    );
    let (status, report) = answer.expect("the request in flight got its answer");
    assert_eq!(status, 200, "{report}");
    let report: serde_json::Value = serde_json::from_str(&report).unwrap();
    assert_eq!(report["summary"]["created"], 2500);
    let exit = wait_for_exit(&mut server.0, Duration::from_secs(40));
    assert!(exit.success(), "{exit:?}");
    assert!(http_get(port, "/healthz").is_none());
}
