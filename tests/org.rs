//! Regions, departments and users as an administrator or officer uses them: scoped lists,
//! pagination, validation, versions and conflicts.

mod common;

use std::collections::BTreeSet;

use common::world::{seed, send, token};
use common::{TestDb, app, state_for};
use serde_json::{Value, json};

fn codes(body: &Value, field: &str) -> BTreeSet<String> {
    body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i[field].as_str().unwrap().to_owned())
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

#[actix_web::test]
async fn lists_return_only_rows_in_the_callers_scope() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    let get = |who: &'static str, uri: &'static str| {
        let app = &app;
        async move {
            let t = token(app, who).await;
            let (status, body) = send(app, &t, "GET", uri, None, None).await;
            assert_eq!(status, 200, "{who} {uri}: {body}");
            body
        }
    };

    let all = set(&["370000", "370100", "370102", "370200"]);
    assert_eq!(codes(&get("admin", "/api/v1/regions").await, "code"), all);
    assert_eq!(codes(&get("sd.fin", "/api/v1/regions").await, "code"), all);
    assert_eq!(
        codes(&get("jn.fin", "/api/v1/regions").await, "code"),
        set(&["370100", "370102"])
    );
    assert_eq!(
        codes(&get("qd.aud", "/api/v1/regions").await, "code"),
        set(&["370200"])
    );
    assert_eq!(
        codes(&get("jn.kj", "/api/v1/regions").await, "code"),
        set(&["370100"])
    );

    let depts = |body: Value| {
        body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                format!(
                    "{}:{}",
                    i["region_code"].as_str().unwrap(),
                    i["code"].as_str().unwrap()
                )
            })
            .collect::<BTreeSet<_>>()
    };
    assert_eq!(
        depts(get("admin", "/api/v1/departments").await),
        set(&[
            "370100:GAJ",
            "370100:JYJ",
            "370100:KJJ",
            "370100:KJJ-01",
            "370102:LX-CZ",
            "370200:KJJ"
        ])
    );
    // The classified public security bureau is hidden from the province and the city...
    assert_eq!(
        depts(get("sd.fin", "/api/v1/departments").await),
        set(&[
            "370100:JYJ",
            "370100:KJJ",
            "370100:KJJ-01",
            "370102:LX-CZ",
            "370200:KJJ"
        ])
    );
    assert_eq!(
        depts(get("jn.aud", "/api/v1/departments").await),
        set(&["370100:JYJ", "370100:KJJ", "370100:KJJ-01", "370102:LX-CZ"])
    );
    // ...but its own officer sees it; a department officer sees its units, not its siblings.
    assert_eq!(
        depts(get("jn.secret", "/api/v1/departments").await),
        set(&["370100:GAJ"])
    );
    assert_eq!(
        depts(get("jn.kj", "/api/v1/departments").await),
        set(&["370100:KJJ", "370100:KJJ-01"])
    );

    assert_eq!(
        codes(&get("jn.fin", "/api/v1/users").await, "username"),
        set(&["jn.aud", "jn.fin", "jn.jy", "jn.kj"])
    );
    assert_eq!(
        codes(&get("qd.aud", "/api/v1/users").await, "username"),
        set(&["qd.aud", "qd.fin", "qd.kj"])
    );
    assert_eq!(
        codes(&get("admin", "/api/v1/users").await, "username").len(),
        10
    );
}

#[actix_web::test]
async fn filters_narrow_lists_within_scope() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let admin = token(&app, "admin").await;
    let jn = token(&app, "jn.fin").await;
    let get = |t: &str, uri: String| {
        let app = &app;
        let t = t.to_owned();
        async move { send(app, &t, "GET", &uri, None, None).await.1 }
    };
    assert_eq!(
        codes(
            &get(&admin, "/api/v1/regions?parent=370000".into()).await,
            "code"
        ),
        set(&["370100", "370200"])
    );
    assert_eq!(
        codes(
            &get(&admin, "/api/v1/regions?level=county".into()).await,
            "code"
        ),
        set(&["370102"])
    );
    assert_eq!(
        codes(
            &get(&admin, "/api/v1/regions?region=370100".into()).await,
            "code"
        ),
        set(&["370100", "370102"])
    );
    assert_eq!(
        codes(&get(&admin, "/api/v1/regions?q=qing".into()).await, "code"),
        set(&["370200"])
    );
    assert_eq!(
        codes(&get(&admin, "/api/v1/regions?q=3701".into()).await, "code"),
        set(&["370100", "370102"])
    );
    assert!(
        codes(
            &get(&admin, "/api/v1/regions?region=999900".into()).await,
            "code"
        )
        .is_empty()
    );
    // A filter cannot widen a scope: Jinan's officer asking for Qingdao gets nothing.
    assert!(
        codes(
            &get(&jn, "/api/v1/departments?region=370200".into()).await,
            "code"
        )
        .is_empty()
    );
    assert_eq!(
        codes(
            &get(&jn, "/api/v1/departments?region=370102".into()).await,
            "code"
        ),
        set(&["LX-CZ"])
    );
    let units = get(
        &jn,
        format!("/api/v1/departments?parent={}", world.dept("jn_kj")),
    )
    .await;
    assert_eq!(codes(&units, "code"), set(&["KJJ-01"]));
    assert_eq!(
        codes(
            &get(&jn, "/api/v1/departments?q=education".into()).await,
            "code"
        ),
        set(&["JYJ"])
    );
    assert_eq!(
        codes(
            &get(&admin, "/api/v1/users?role=auditor".into()).await,
            "username"
        ),
        set(&["jn.aud", "qd.aud"])
    );
    assert_eq!(
        codes(
            &get(
                &admin,
                format!("/api/v1/users?department={}", world.dept("jn_kj"))
            )
            .await,
            "username"
        ),
        set(&["jn.kj"])
    );
    assert_eq!(
        codes(
            &get(&admin, "/api/v1/users?region=370200&q=qd.f".into()).await,
            "username"
        ),
        set(&["qd.fin"])
    );
}

#[actix_web::test]
async fn cursor_pagination_walks_every_row_once_in_order() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    let admin = token(&app, "admin").await;
    for sort in ["username", "-username"] {
        let mut seen = Vec::new();
        let mut uri = format!("/api/v1/users?limit=3&sort={sort}");
        let mut pages = 0;
        loop {
            let (status, body) = send(&app, &admin, "GET", &uri, None, None).await;
            assert_eq!(status, 200, "{body}");
            pages += 1;
            for item in body["items"].as_array().unwrap() {
                seen.push(item["username"].as_str().unwrap().to_owned());
            }
            match body["next_cursor"].as_str() {
                Some(cursor) => uri = format!("/api/v1/users?limit=3&sort={sort}&cursor={cursor}"),
                None => break,
            }
        }
        assert_eq!(pages, 4, "{sort}");
        let mut expected = seen.clone();
        expected.sort();
        if sort.starts_with('-') {
            expected.reverse();
        }
        assert_eq!(seen, expected, "{sort}");
        assert_eq!(seen.len(), 10);
    }
    let (status, body) = send(
        &app,
        &admin,
        "GET",
        "/api/v1/regions?sort=-name&limit=2",
        None,
        None,
    )
    .await;
    assert_eq!(status, 200);
    let names: Vec<_> = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].clone())
        .collect();
    assert_eq!(names, [json!("Shandong"), json!("Qingdao")]);
    let cursor = body["next_cursor"].as_str().unwrap().to_owned();
    // A cursor belongs to its sort.
    let (status, _) = send(
        &app,
        &admin,
        "GET",
        &format!("/api/v1/regions?sort=code&cursor={cursor}"),
        None,
        None,
    )
    .await;
    assert_eq!(status, 400);
    for bad in [
        "limit=0",
        "limit=501",
        "sort=budget",
        "cursor=!!",
        "active=maybe",
    ] {
        let (status, body) = send(
            &app,
            &admin,
            "GET",
            &format!("/api/v1/departments?{bad}"),
            None,
            None,
        )
        .await;
        assert_eq!(status, 400, "{bad}: {body}");
    }
}

#[actix_web::test]
async fn regions_must_fit_the_tree() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    let admin = token(&app, "admin").await;
    let post = |body: Value| {
        let app = &app;
        let admin = admin.clone();
        async move { send(app, &admin, "POST", "/api/v1/regions", Some(body), None).await }
    };
    for (body, field) in [
        (
            json!({"code": "3701", "name": "X", "level": "county", "parent_code": "370100"}),
            "code",
        ),
        (
            json!({"code": "370300", "name": "Zibo", "level": "city"}),
            "parent_code",
        ),
        (
            json!({"code": "370103", "name": "X", "level": "county", "parent_code": "370000"}),
            "parent_code",
        ),
        (
            json!({"code": "370203", "name": "X", "level": "county", "parent_code": "370100"}),
            "code",
        ),
        (
            json!({"code": "370103", "name": "   ", "level": "county", "parent_code": "370100"}),
            "name",
        ),
        (
            json!({"code": "370103", "name": "X", "level": "county", "parent_code": "379900"}),
            "parent_code",
        ),
    ] {
        let (status, problem) = post(body.clone()).await;
        assert_eq!(status, 422, "{body}: {problem}");
        assert!(problem["errors"][field].is_array(), "{body}: {problem}");
    }
    let (status, problem) =
        post(json!({"code": "370103", "name": "X", "level": "town", "parent_code": "370100"}))
            .await;
    assert_eq!(status, 422, "{problem}");
    let (status, _) = post(
        json!({"code": "370100", "name": "Jinan again", "level": "city", "parent_code": "370000"}),
    )
    .await;
    assert_eq!(status, 409);
    let (status, created) =
        post(json!({"code": "370300", "name": " Zibo ", "level": "city", "parent_code": "370000"}))
            .await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["name"], "Zibo");
    assert_eq!(created["parent_code"], "370000");
}

#[actix_web::test]
async fn updates_need_the_current_version() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let jn = token(&app, "jn.fin").await;
    let uri = format!("/api/v1/departments/{}", world.dept("jn_jy"));
    let body = json!({"name": "Jinan Municipal Education Bureau"});
    let (status, _) = send(&app, &jn, "PATCH", &uri, Some(body.clone()), None).await;
    assert_eq!(status, 428);
    let (status, updated) = send(&app, &jn, "PATCH", &uri, Some(body.clone()), Some("\"1\"")).await;
    assert_eq!(status, 200);
    assert_eq!(updated["version"], 2);
    // A second officer still holding version 1 is refused, and the first change stays.
    let (status, _) = send(
        &app,
        &jn,
        "PATCH",
        &uri,
        Some(json!({"name": "Overwritten"})),
        Some("\"1\""),
    )
    .await;
    assert_eq!(status, 412);
    let (_, current) = send(&app, &jn, "GET", &uri, None, None).await;
    assert_eq!(current["name"], "Jinan Municipal Education Bureau");
    let (status, _) = send(
        &app,
        &jn,
        "PATCH",
        &uri,
        Some(json!({"nmae": "typo"})),
        Some("\"2\""),
    )
    .await;
    assert_eq!(status, 422);
}

#[actix_web::test]
async fn classifying_a_department_hides_it_and_its_units_from_the_city() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let admin = token(&app, "admin").await;
    let jn = token(&app, "jn.fin").await;
    let uri = format!("/api/v1/departments/{}", world.dept("jn_kj"));
    let (status, _) = send(
        &app,
        &jn,
        "PATCH",
        &uri,
        Some(json!({"classified": true})),
        Some("\"1\""),
    )
    .await;
    assert_eq!(status, 403, "only admins classify");
    let (status, body) = send(
        &app,
        &admin,
        "PATCH",
        &uri,
        Some(json!({"classified": true})),
        Some("\"1\""),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let unit = format!("/api/v1/departments/{}", world.dept("jn_kj_unit"));
    assert_eq!(send(&app, &jn, "GET", &uri, None, None).await.0, 404);
    assert_eq!(send(&app, &jn, "GET", &unit, None, None).await.0, 404);
    let (_, list) = send(&app, &jn, "GET", "/api/v1/departments", None, None).await;
    assert_eq!(codes(&list, "code"), set(&["JYJ", "LX-CZ"]));
    // The department's own officer keeps working with it; its user disappears from city lists.
    let own = token(&app, "jn.kj").await;
    assert_eq!(send(&app, &own, "GET", &unit, None, None).await.0, 200);
    let (_, users) = send(&app, &jn, "GET", "/api/v1/users", None, None).await;
    assert_eq!(
        codes(&users, "username"),
        set(&["jn.aud", "jn.fin", "jn.jy"])
    );
}

#[actix_web::test]
async fn department_codes_are_unique_per_region_and_units_stay_in_their_region() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let jn = token(&app, "jn.fin").await;
    let (status, _) = send(
        &app,
        &jn,
        "POST",
        "/api/v1/departments",
        Some(json!({"region_code": "370100", "code": "KJJ", "name": "Duplicate"})),
        None,
    )
    .await;
    assert_eq!(status, 409);
    let admin = token(&app, "admin").await;
    // Qingdao may use the same code as Jinan.
    let (status, _) = send(
        &app,
        &admin,
        "POST",
        "/api/v1/departments",
        Some(json!({"region_code": "370200", "code": "JYJ", "name": "Qingdao Education Bureau"})),
        None,
    )
    .await;
    assert_eq!(status, 201);
    let (status, body) = send(&app, &jn, "POST", "/api/v1/departments",
        Some(json!({"region_code": "370102", "code": "U1", "name": "Unit", "parent_id": world.dept("jn_kj")})), None).await;
    assert_eq!(status, 422, "a unit belongs to its parent's region");
    assert!(body["errors"]["parent_id"].is_array());
    let (status, body) = send(
        &app,
        &jn,
        "POST",
        "/api/v1/departments",
        Some(json!({"region_code": "370100", "code": "bad code!", "name": "X"})),
        None,
    )
    .await;
    assert_eq!(status, 422);
    assert!(body["errors"]["code"].is_array(), "{body}");
}

#[actix_web::test]
async fn nobody_changes_their_own_role_scope_or_active_flag() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let officer = token(&app, "jn.kj").await;
    let me = format!("/api/v1/users/{}", world.user("jn.kj"));
    for change in [
        json!({"role": "admin"}),
        json!({"role": "finance_officer", "region_code": "370000"}),
        json!({"department_id": world.dept("jn_jy")}),
        json!({"region_code": "370000"}),
        json!({"active": false}),
    ] {
        let (status, body) = send(
            &app,
            &officer,
            "PATCH",
            &me,
            Some(change.clone()),
            Some("\"1\""),
        )
        .await;
        assert_eq!(status, 403, "{change}: {body}");
    }
    let (status, body) = send(
        &app,
        &officer,
        "PATCH",
        &me,
        Some(json!({"display_name": "Li Na", "password_hash": "x"})),
        Some("\"1\""),
    )
    .await;
    assert_eq!(status, 422, "unknown fields are refused: {body}");
    assert!(body["errors"]["password_hash"].is_array(), "{body}");
    let (status, body) = send(
        &app,
        &officer,
        "PATCH",
        &me,
        Some(json!({"display_name": "Li Na", "phone": "0531-12345678"})),
        Some("\"1\""),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        (body["display_name"].as_str(), body["role"].as_str()),
        (Some("Li Na"), Some("department_officer"))
    );

    // Even an admin and a finance officer cannot change their own role or scope.
    let admin = token(&app, "admin").await;
    let admin_uri = format!("/api/v1/users/{}", world.user("admin"));
    let (status, _) = send(
        &app,
        &admin,
        "PATCH",
        &admin_uri,
        Some(json!({"active": false})),
        Some("\"1\""),
    )
    .await;
    assert_eq!(status, 403);
    let jn = token(&app, "jn.fin").await;
    let jn_uri = format!("/api/v1/users/{}", world.user("jn.fin"));
    let (status, _) = send(
        &app,
        &jn,
        "PATCH",
        &jn_uri,
        Some(json!({"region_code": "370000"})),
        Some("\"1\""),
    )
    .await;
    assert_eq!(status, 403);
}

#[actix_web::test]
async fn finance_officers_cannot_raise_anyone_above_auditor() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let jn = token(&app, "jn.fin").await;
    let uri = format!("/api/v1/users/{}", world.user("jn.aud"));
    let (status, _) = send(
        &app,
        &jn,
        "PATCH",
        &uri,
        Some(json!({"role": "finance_officer", "region_code": "370100"})),
        Some("\"1\""),
    )
    .await;
    assert_eq!(status, 403);
    let (status, _) = send(
        &app,
        &jn,
        "PATCH",
        &uri,
        Some(json!({"role": "admin"})),
        Some("\"1\""),
    )
    .await;
    assert_eq!(status, 403);
    // Moving the auditor to a department within the subtree is allowed.
    let (status, body) = send(
        &app,
        &jn,
        "PATCH",
        &uri,
        Some(json!({"role": "department_officer", "department_id": world.dept("lixia_cz")})),
        Some("\"1\""),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["department_id"], json!(world.dept("lixia_cz")));
}

#[actix_web::test]
async fn new_users_need_a_unique_name_a_fitting_scope_and_a_decent_password() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let admin = token(&app, "admin").await;
    let post = |body: Value| {
        let app = &app;
        let admin = admin.clone();
        async move { send(app, &admin, "POST", "/api/v1/users", Some(body), None).await }
    };
    let kj = world.dept("jn_kj");
    for (body, field) in [
        (
            json!({"username": "x", "password": "Long-enough-1", "role": "auditor", "region_code": "370100"}),
            "username",
        ),
        (
            json!({"username": "wang.li", "password": "short", "role": "auditor", "region_code": "370100"}),
            "password",
        ),
        (
            json!({"username": "wang.li.2021", "password": "WANG.LI.2021", "role": "auditor", "region_code": "370100"}),
            "password",
        ),
        (
            json!({"username": "wang.li", "password": "Long-enough-1", "role": "auditor"}),
            "region_code",
        ),
        (
            json!({"username": "wang.li", "password": "Long-enough-1", "role": "auditor", "department_id": kj, "region_code": "370100"}),
            "department_id",
        ),
        (
            json!({"username": "wang.li", "password": "Long-enough-1", "role": "department_officer", "region_code": "370100"}),
            "region_code",
        ),
        (
            json!({"username": "wang.li", "password": "Long-enough-1", "role": "admin", "region_code": "370100"}),
            "region_code",
        ),
        (
            json!({"username": "wang.li", "password": "Long-enough-1", "role": "auditor", "region_code": "370100", "email": "not-mail"}),
            "email",
        ),
    ] {
        let (status, problem) = post(body.clone()).await;
        assert_eq!(status, 422, "{body}: {problem}");
        assert!(problem["errors"][field].is_array(), "{body}: {problem}");
    }
    let (status, created) = post(json!({"username": "Wang.Li", "password": "Long-enough-1", "role": "auditor", "region_code": "370100"})).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["region_code"], "370100");
    let (status, _) = post(json!({"username": "wang.li", "password": "Long-enough-1", "role": "auditor", "region_code": "370100"})).await;
    assert_eq!(status, 409, "usernames are unique ignoring case");
    common::world::login_pair(&app, "wang.li", "Long-enough-1").await;
}
