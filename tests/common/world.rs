//! A small Shandong: the province, Jinan (with the Lixia district), Qingdao; departments in
//! Jinan (science and technology with a unit, education, a classified one) and Qingdao; and one
//! user of each role and scope. Built directly through the stores, then used through the API.

use std::collections::HashMap;

use actix_web::dev::{Service, ServiceResponse};
use actix_web::test::{TestRequest, call_service};
use budget_monitor::auth::{Role, password};
use budget_monitor::departments::store::{self as departments, NewDepartmentRow};
use budget_monitor::regions::store::{self as regions, NewRegionRow};
use budget_monitor::users::store::{self as users, NewUserRow};
use diesel::pg::PgConnection;
use uuid::Uuid;

use super::{TestDb, json_body};

pub const PASSWORD: &str = "Monitor-2021-pass";

pub struct World {
    pub departments: HashMap<&'static str, Uuid>,
    pub users: HashMap<&'static str, Uuid>,
}

impl World {
    pub fn dept(&self, key: &str) -> Uuid {
        self.departments[key]
    }

    pub fn user(&self, key: &str) -> Uuid {
        self.users[key]
    }
}

fn region(
    conn: &mut PgConnection,
    code: &str,
    name: &str,
    level: &'static str,
    parent: Option<&str>,
) {
    let parent = parent.map(|c| regions::find_by_code(conn, c).unwrap().unwrap());
    let path = format!("{}{code}/", parent.as_ref().map_or("", |p| p.path.as_str()));
    regions::insert(
        conn,
        NewRegionRow {
            code,
            name,
            level,
            parent_id: parent.map(|p| p.id),
            path: &path,
        },
    )
    .unwrap();
}

fn department(
    conn: &mut PgConnection,
    region_code: &str,
    code: &str,
    name: &str,
    parent: Option<Uuid>,
    classified: bool,
) -> Uuid {
    let region = regions::find_by_code(conn, region_code).unwrap().unwrap();
    let parent = parent.map(|id| departments::find(conn, id).unwrap().unwrap());
    let path = format!("{}{code}/", parent.as_ref().map_or("", |p| p.path.as_str()));
    departments::insert(
        conn,
        NewDepartmentRow {
            region_id: region.id,
            region_path: &region.path,
            code,
            name,
            parent_id: parent.map(|p| p.id),
            path: &path,
            classified,
            active: true,
        },
    )
    .unwrap()
    .id
}

fn user(
    conn: &mut PgConnection,
    hash: &str,
    username: &str,
    role: Role,
    region_code: Option<&str>,
    department: Option<Uuid>,
) -> Uuid {
    let region = region_code.map(|c| regions::find_by_code(conn, c).unwrap().unwrap());
    let dept = department.map(|id| departments::find(conn, id).unwrap().unwrap());
    let scope_path = region
        .as_ref()
        .map(|r| r.path.clone())
        .or_else(|| dept.as_ref().map(|d| d.region_path.clone()));
    users::insert(
        conn,
        NewUserRow {
            username,
            display_name: username,
            email: None,
            phone: None,
            password_hash: hash,
            role: role.as_str(),
            region_id: region.map(|r| r.id),
            department_id: dept.map(|d| d.id),
            scope_path: scope_path.as_deref(),
        },
    )
    .unwrap()
}

pub fn seed(db: &TestDb) -> World {
    let mut conn = db.connect();
    let conn = &mut conn;
    region(conn, "370000", "Shandong", "province", None);
    region(conn, "370100", "Jinan", "city", Some("370000"));
    region(conn, "370200", "Qingdao", "city", Some("370000"));
    region(conn, "370102", "Lixia", "county", Some("370100"));

    let mut d = HashMap::new();
    let jn_kj = department(
        conn,
        "370100",
        "KJJ",
        "Jinan Science and Technology Bureau",
        None,
        false,
    );
    d.insert("jn_kj", jn_kj);
    d.insert(
        "jn_kj_unit",
        department(
            conn,
            "370100",
            "KJJ-01",
            "Jinan Technology Market Centre",
            Some(jn_kj),
            false,
        ),
    );
    d.insert(
        "jn_jy",
        department(conn, "370100", "JYJ", "Jinan Education Bureau", None, false),
    );
    d.insert(
        "jn_secret",
        department(
            conn,
            "370100",
            "GAJ",
            "Jinan Public Security Bureau",
            None,
            true,
        ),
    );
    d.insert(
        "lixia_cz",
        department(conn, "370102", "LX-CZ", "Lixia Finance Bureau", None, false),
    );
    d.insert(
        "qd_kj",
        department(
            conn,
            "370200",
            "KJJ",
            "Qingdao Science and Technology Bureau",
            None,
            false,
        ),
    );

    let hash = password::hash(PASSWORD).unwrap();
    let mut u = HashMap::new();
    u.insert("admin", user(conn, &hash, "admin", Role::Admin, None, None));
    u.insert(
        "sd.fin",
        user(
            conn,
            &hash,
            "sd.fin",
            Role::FinanceOfficer,
            Some("370000"),
            None,
        ),
    );
    u.insert(
        "jn.fin",
        user(
            conn,
            &hash,
            "jn.fin",
            Role::FinanceOfficer,
            Some("370100"),
            None,
        ),
    );
    u.insert(
        "qd.fin",
        user(
            conn,
            &hash,
            "qd.fin",
            Role::FinanceOfficer,
            Some("370200"),
            None,
        ),
    );
    u.insert(
        "jn.aud",
        user(conn, &hash, "jn.aud", Role::Auditor, Some("370100"), None),
    );
    u.insert(
        "qd.aud",
        user(conn, &hash, "qd.aud", Role::Auditor, Some("370200"), None),
    );
    u.insert(
        "jn.kj",
        user(
            conn,
            &hash,
            "jn.kj",
            Role::DepartmentOfficer,
            None,
            Some(d["jn_kj"]),
        ),
    );
    u.insert(
        "jn.jy",
        user(
            conn,
            &hash,
            "jn.jy",
            Role::DepartmentOfficer,
            None,
            Some(d["jn_jy"]),
        ),
    );
    u.insert(
        "jn.secret",
        user(
            conn,
            &hash,
            "jn.secret",
            Role::DepartmentOfficer,
            None,
            Some(d["jn_secret"]),
        ),
    );
    u.insert(
        "qd.kj",
        user(
            conn,
            &hash,
            "qd.kj",
            Role::DepartmentOfficer,
            None,
            Some(d["qd_kj"]),
        ),
    );
    World {
        departments: d,
        users: u,
    }
}

/// Logs in through the API and returns the full token answer.
pub async fn login_pair<S>(app: &S, username: &str, password: &str) -> serde_json::Value
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    let req = TestRequest::post()
        .uri("/api/v1/auth/login")
        .set_json(serde_json::json!({"username": username, "password": password}))
        .to_request();
    let res = call_service(app, req).await;
    assert_eq!(res.status().as_u16(), 200, "login as {username}");
    json_body(res).await
}

/// An access token for a seeded user.
pub async fn token<S>(app: &S, username: &str) -> String
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    login_pair(app, username, PASSWORD).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Sends a request with a bearer token and an optional JSON body; returns status and body.
pub async fn send<S>(
    app: &S,
    token: &str,
    method: &str,
    uri: &str,
    body: Option<serde_json::Value>,
    if_match: Option<&str>,
) -> (u16, serde_json::Value)
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    let method = actix_web::http::Method::from_bytes(method.as_bytes()).unwrap();
    let mut req = TestRequest::default()
        .method(method)
        .uri(uri)
        .insert_header(("authorization", format!("Bearer {token}")));
    if let Some(tag) = if_match {
        req = req.insert_header(("if-match", tag));
    }
    if let Some(body) = body {
        req = req.set_json(body);
    }
    let res = call_service(app, req.to_request()).await;
    let status = res.status().as_u16();
    let bytes = actix_web::test::read_body(res).await;
    let body = if bytes.is_empty() {
        serde_json::Value::Null
    } else {
        serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null)
    };
    (status, body)
}
