//! Logging in, sessions and the attacks tokens must withstand.

mod common;

use actix_web::test::{TestRequest, call_service};
use budget_monitor::auth::tokens::{AUDIENCE, Claims, ISSUER};
use budget_monitor::schema::audit_events;
use common::world::{PASSWORD, World, login_pair, seed, send, token};
use common::{TEST_JWT_SECRET, TestDb, app, expect_problem, state_for};
use diesel::prelude::*;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::json;
use uuid::Uuid;

async fn login_status<S>(
    app: &S,
    username: &str,
    password: &str,
) -> (u16, serde_json::Value, Option<String>)
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let req = TestRequest::post()
        .uri("/api/v1/auth/login")
        .set_json(json!({"username": username, "password": password}))
        .to_request();
    let res = call_service(app, req).await;
    let retry = res
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let status = res.status().as_u16();
    let body = common::json_body(res).await;
    (status, body, retry)
}

fn claims_for(world: &World, user: &str, role: &str) -> Claims {
    let now = chrono::Utc::now().timestamp();
    Claims {
        sub: world.user(user),
        role: role.to_owned(),
        region: None,
        department: None,
        ver: 1,
        iat: now,
        exp: now + 600,
        iss: ISSUER.to_owned(),
        aud: AUDIENCE.to_owned(),
        jti: Uuid::now_v7(),
    }
}

fn sign(claims: &Claims, secret: &[u8]) -> String {
    jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        claims,
        &EncodingKey::from_secret(secret),
    )
    .unwrap()
}

fn b64(value: &serde_json::Value) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(serde_json::to_vec(value).unwrap())
}

#[actix_web::test]
async fn login_returns_tokens_that_identify_the_caller() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    // Usernames match whatever their case.
    let pair = login_pair(&app, "JN.Fin", PASSWORD).await;
    assert_eq!(pair["token_type"], "Bearer");
    assert_eq!(pair["expires_in"], 900);
    assert!(pair["refresh_token"].as_str().unwrap().len() >= 40);
    let (status, me) = send(
        &app,
        pair["access_token"].as_str().unwrap(),
        "GET",
        "/api/v1/auth/me",
        None,
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(me["username"], "jn.fin");
    assert_eq!(me["role"], "finance_officer");
    assert_eq!(me["region_code"], "370100");
    assert!(me.get("password_hash").is_none());
}

#[actix_web::test]
async fn unknown_user_and_wrong_password_get_the_same_answer_and_are_audited() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    let (s1, b1, _) = login_status(&app, "jn.fin", "not-the-password").await;
    let (s2, b2, _) = login_status(&app, "nobody.here", "not-the-password").await;
    assert_eq!((s1, s2), (401, 401));
    assert_eq!(b1, b2);
    login_pair(&app, "jn.fin", PASSWORD).await;

    let mut conn = db.connect();
    let actions: Vec<(String, Option<Uuid>)> = audit_events::table
        .filter(audit_events::object_type.eq("session"))
        .order(audit_events::occurred_at.asc())
        .select((audit_events::action, audit_events::actor_id))
        .load(&mut conn)
        .unwrap();
    let names: Vec<&str> = actions.iter().map(|(a, _)| a.as_str()).collect();
    assert_eq!(
        names,
        [
            "auth.login_failed",
            "auth.login_failed",
            "auth.login_succeeded"
        ]
    );
    assert!(
        actions[0].1.is_some(),
        "a known user's failure names the user"
    );
    assert!(actions[1].1.is_none());
}

#[actix_web::test]
async fn five_failures_lock_the_username_even_for_the_right_password() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    for attempt in 1..=5 {
        let (status, _, _) = login_status(&app, "jn.aud", "wrong-password-1").await;
        assert_eq!(status, 401, "attempt {attempt}");
    }
    let (status, body, retry) = login_status(&app, "JN.AUD", PASSWORD).await;
    assert_eq!(status, 429, "{body}");
    let retry: u64 = retry.expect("Retry-After").parse().unwrap();
    assert!((800..=900).contains(&retry), "Retry-After {retry}");
    // Other usernames are not affected.
    login_pair(&app, "jn.fin", PASSWORD).await;
}

#[actix_web::test]
async fn a_successful_login_resets_the_failure_count() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    for _ in 0..4 {
        assert_eq!(login_status(&app, "jn.kj", "wrong-password-1").await.0, 401);
    }
    login_pair(&app, "jn.kj", PASSWORD).await;
    for _ in 0..4 {
        assert_eq!(login_status(&app, "jn.kj", "wrong-password-1").await.0, 401);
    }
    assert_eq!(login_status(&app, "jn.kj", PASSWORD).await.0, 200);
}

#[actix_web::test]
async fn forged_and_stale_tokens_are_rejected() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let me = |token: String| {
        let app = &app;
        async move {
            let req = TestRequest::get()
                .uri("/api/v1/auth/me")
                .insert_header(("authorization", format!("Bearer {token}")))
                .to_request();
            call_service(app, req).await
        }
    };
    let good = claims_for(&world, "jn.kj", "department_officer");
    assert_eq!(
        me(sign(&good, TEST_JWT_SECRET)).await.status().as_u16(),
        200
    );

    let unsigned = format!(
        "{}.{}.",
        b64(&json!({"alg": "none", "typ": "JWT"})),
        b64(&serde_json::to_value(&good).unwrap())
    );
    let other_secret = sign(&good, b"another-secret-another-secret-another-secret");
    let expired = sign(
        &Claims {
            iat: good.iat - 7200,
            exp: good.iat - 3600,
            ..good.clone()
        },
        TEST_JWT_SECRET,
    );
    let wrong_iss = sign(
        &Claims {
            iss: "someone-else".into(),
            ..good.clone()
        },
        TEST_JWT_SECRET,
    );
    let wrong_aud = sign(
        &Claims {
            aud: "another-api".into(),
            ..good.clone()
        },
        TEST_JWT_SECRET,
    );
    // A real token with its payload edited to claim another user and role.
    let real = sign(&good, TEST_JWT_SECRET);
    let parts: Vec<&str> = real.split('.').collect();
    let edited = format!(
        "{}.{}.{}",
        parts[0],
        b64(&serde_json::to_value(claims_for(&world, "admin", "admin")).unwrap()),
        parts[2]
    );
    let hs512 = jsonwebtoken::encode(
        &Header::new(Algorithm::HS512),
        &good,
        &EncodingKey::from_secret(TEST_JWT_SECRET),
    )
    .unwrap();
    let stale_version = sign(
        &Claims {
            ver: 0,
            ..good.clone()
        },
        TEST_JWT_SECRET,
    );
    let unknown_user = sign(
        &Claims {
            sub: Uuid::now_v7(),
            ..good.clone()
        },
        TEST_JWT_SECRET,
    );

    for (name, token) in [
        ("alg none", unsigned),
        ("other secret", other_secret),
        ("expired", expired),
        ("wrong iss", wrong_iss),
        ("wrong aud", wrong_aud),
        ("edited payload", edited),
        ("other algorithm", hs512),
        ("old token version", stale_version),
        ("unknown user", unknown_user),
        ("garbage", "not.a.token".to_owned()),
    ] {
        let res = me(token).await;
        assert_eq!(res.status().as_u16(), 401, "{name}");
        expect_problem(res, 401).await;
    }
}

#[actix_web::test]
async fn deactivating_a_user_kills_its_access_token_at_once() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let officer = token(&app, "jn.jy").await;
    let admin = token(&app, "admin").await;
    assert_eq!(
        send(&app, &officer, "GET", "/api/v1/auth/me", None, None)
            .await
            .0,
        200
    );

    let uri = format!("/api/v1/users/{}", world.user("jn.jy"));
    let (status, body) = send(
        &app,
        &admin,
        "PATCH",
        &uri,
        Some(json!({"active": false})),
        Some("\"1\""),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["active"], false);

    assert_eq!(
        send(&app, &officer, "GET", "/api/v1/auth/me", None, None)
            .await
            .0,
        401
    );
    assert_eq!(login_status(&app, "jn.jy", PASSWORD).await.0, 401);
}

#[actix_web::test]
async fn a_role_change_kills_old_tokens_and_refresh_tokens() {
    let db = TestDb::new();
    let world = seed(&db);
    let app = app(state_for(&db)).await;
    let pair = login_pair(&app, "jn.aud", PASSWORD).await;
    let old = pair["access_token"].as_str().unwrap().to_owned();
    let admin = token(&app, "admin").await;
    let uri = format!("/api/v1/users/{}", world.user("jn.aud"));
    let (status, body) = send(
        &app,
        &admin,
        "PATCH",
        &uri,
        Some(json!({"role": "department_officer", "department_id": world.dept("jn_jy")})),
        Some("\"1\""),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["region_code"], serde_json::Value::Null);
    assert_eq!(
        send(&app, &old, "GET", "/api/v1/auth/me", None, None)
            .await
            .0,
        401
    );
    let req = TestRequest::post()
        .uri("/api/v1/auth/refresh")
        .set_json(json!({"refresh_token": pair["refresh_token"]}))
        .to_request();
    assert_eq!(call_service(&app, req).await.status().as_u16(), 401);
    // A fresh login carries the new role.
    let fresh = token(&app, "jn.aud").await;
    let (_, me) = send(&app, &fresh, "GET", "/api/v1/auth/me", None, None).await;
    assert_eq!(me["role"], "department_officer");
}

async fn refresh_with<S>(app: &S, refresh_token: &serde_json::Value) -> (u16, serde_json::Value)
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let req = TestRequest::post()
        .uri("/api/v1/auth/refresh")
        .set_json(json!({"refresh_token": refresh_token}))
        .to_request();
    let res = call_service(app, req).await;
    let status = res.status().as_u16();
    (status, common::json_body(res).await)
}

#[actix_web::test]
async fn refresh_rotates_and_reuse_revokes_the_whole_family() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    let first = login_pair(&app, "jn.fin", PASSWORD).await;
    let (status, second) = refresh_with(&app, &first["refresh_token"]).await;
    assert_eq!(status, 200);
    assert_ne!(second["refresh_token"], first["refresh_token"]);
    assert_eq!(
        send(
            &app,
            second["access_token"].as_str().unwrap(),
            "GET",
            "/api/v1/auth/me",
            None,
            None
        )
        .await
        .0,
        200
    );

    // Someone replays the first (already rotated) token: refused, and the family is revoked.
    assert_eq!(refresh_with(&app, &first["refresh_token"]).await.0, 401);
    assert_eq!(refresh_with(&app, &second["refresh_token"]).await.0, 401);

    // Another login is a separate family and still works.
    let other = login_pair(&app, "jn.fin", PASSWORD).await;
    assert_eq!(refresh_with(&app, &other["refresh_token"]).await.0, 200);

    let mut conn = db.connect();
    let reused: i64 = audit_events::table
        .filter(audit_events::action.eq("auth.refresh_token_reused"))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(reused, 1);
}

#[actix_web::test]
async fn logout_ends_the_session() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    let pair = login_pair(&app, "jn.kj", PASSWORD).await;
    let req = TestRequest::post()
        .uri("/api/v1/auth/logout")
        .set_json(json!({"refresh_token": pair["refresh_token"]}))
        .to_request();
    assert_eq!(call_service(&app, req).await.status().as_u16(), 204);
    assert_eq!(refresh_with(&app, &pair["refresh_token"]).await.0, 401);
    // Logging out twice, or with nonsense, is harmless.
    let req = TestRequest::post()
        .uri("/api/v1/auth/logout")
        .set_json(json!({"refresh_token": "nonsense"}))
        .to_request();
    assert_eq!(call_service(&app, req).await.status().as_u16(), 204);
}

#[actix_web::test]
async fn changing_ones_password_needs_the_old_one_and_ends_other_sessions() {
    let db = TestDb::new();
    seed(&db);
    let app = app(state_for(&db)).await;
    let pair = login_pair(&app, "jn.kj", PASSWORD).await;
    let access = pair["access_token"].as_str().unwrap().to_owned();

    let (status, body) = send(
        &app,
        &access,
        "POST",
        "/api/v1/auth/password",
        Some(json!({"current_password": "wrong-one-here", "new_password": "Brand-new-pass-1"})),
        None,
    )
    .await;
    assert_eq!(status, 422);
    assert!(body["errors"]["current_password"].is_array(), "{body}");

    let (status, body) = send(
        &app,
        &access,
        "POST",
        "/api/v1/auth/password",
        Some(json!({"current_password": PASSWORD, "new_password": "jn.kj"})),
        None,
    )
    .await;
    assert_eq!(status, 422);
    assert!(body["errors"]["new_password"].is_array(), "{body}");

    let (status, fresh) = send(
        &app,
        &access,
        "POST",
        "/api/v1/auth/password",
        Some(json!({"current_password": PASSWORD, "new_password": "Brand-new-pass-1"})),
        None,
    )
    .await;
    assert_eq!(status, 200, "{fresh}");
    assert_eq!(
        send(&app, &access, "GET", "/api/v1/auth/me", None, None)
            .await
            .0,
        401
    );
    assert_eq!(refresh_with(&app, &pair["refresh_token"]).await.0, 401);
    assert_eq!(
        send(
            &app,
            fresh["access_token"].as_str().unwrap(),
            "GET",
            "/api/v1/auth/me",
            None,
            None
        )
        .await
        .0,
        200
    );
    assert_eq!(login_status(&app, "jn.kj", PASSWORD).await.0, 401);
    login_pair(&app, "jn.kj", "Brand-new-pass-1").await;
}
