//! Rotating the access-token signing key through `JWT_KEYS` without logging anyone out: each
//! step of the README's procedure is a separate service over the same database, as instances
//! of successive deploys would be.

mod common;

use actix_web::dev::{Service, ServiceResponse};
use actix_web::test::{TestRequest, call_service};
use budget_monitor::AppState;
use budget_monitor::auth::tokens::{AUDIENCE, Claims};
use budget_monitor::config::Config;
use common::world::{seed, token};
use common::{TestDb, app, config_for, expect_problem};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};

const OLD_SECRET: &str = "old-secret-old-secret-old-secret-0123456789";
const NEW_SECRET: &str = "new-secret-new-secret-new-secret-9876543210";

/// The app as it runs with `JWT_KEYS=<jwt_keys>`, parsed the way the service parses its
/// environment, so the test covers the variable and not only the key ring behind it.
fn service_state(db: &TestDb, jwt_keys: &str) -> AppState {
    let mut config = config_for(&db.url);
    config.auth = Config::from_lookup(|name| match name {
        "DATABASE_URL" => Some(db.url.clone()),
        "JWT_KEYS" => Some(jwt_keys.to_owned()),
        _ => None,
    })
    .expect("JWT_KEYS parses")
    .auth;
    assert!(!config.auth.jwt_keys_generated);
    AppState::new(config)
}

async fn me<S>(app: &S, token: &str) -> ServiceResponse
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    let req = TestRequest::get()
        .uri("/api/v1/auth/me")
        .insert_header(("authorization", format!("Bearer {token}")))
        .to_request();
    call_service(app, req).await
}

async fn assert_accepted<S>(app: &S, token: &str, what: &str)
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    let res = me(app, token).await;
    assert_eq!(res.status().as_u16(), 200, "{what}");
}

async fn assert_refused<S>(app: &S, token: &str, what: &str)
where
    S: Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error>,
{
    let res = me(app, token).await;
    assert_eq!(res.status().as_u16(), 401, "{what}");
    expect_problem(res, 401).await;
}

fn kid_of(token: &str) -> Option<String> {
    jsonwebtoken::decode_header(token).expect("JWT header").kid
}

/// The claims of a genuine token, so forged tokens differ from real ones only where intended.
fn claims_of(token: &str, secret: &str) -> Claims {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_audience(&[AUDIENCE]);
    jsonwebtoken::decode::<Claims>(
        token,
        &DecodingKey::from_secret(secret.as_bytes()),
        &validation,
    )
    .expect("genuine token")
    .claims
}

fn sign(claims: &Claims, kid: Option<&str>, secret: &str) -> String {
    let header = Header {
        kid: kid.map(str::to_owned),
        ..Header::new(Algorithm::HS256)
    };
    jsonwebtoken::encode(
        &header,
        claims,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .unwrap()
}

#[actix_web::test]
async fn a_rotation_keeps_sessions_alive_until_the_old_key_is_removed() {
    let db = TestDb::new();
    seed(&db);

    let before = app(service_state(&db, &format!("old:{OLD_SECRET}"))).await;
    let old_token = token(&before, "jn.fin").await;
    assert_eq!(kid_of(&old_token).as_deref(), Some("old"));
    assert_accepted(&before, &old_token, "old token, old service").await;

    // Whitespace around the items is how a hand-edited variable often looks.
    let during = app(service_state(
        &db,
        &format!(" new:{NEW_SECRET} , old:{OLD_SECRET} "),
    ))
    .await;
    assert_accepted(
        &during,
        &old_token,
        "old token after the new key came first",
    )
    .await;
    let new_token = token(&during, "jn.fin").await;
    assert_eq!(kid_of(&new_token).as_deref(), Some("new"));
    assert_eq!(
        jsonwebtoken::decode_header(&new_token).unwrap().alg,
        Algorithm::HS256
    );
    assert_accepted(&during, &new_token, "new token, rotating service").await;
    // An instance still on the previous deploy does not know the new key yet; step 1 of the
    // procedure (the new key listed second) exists for exactly this.
    assert_refused(
        &before,
        &new_token,
        "new token on a service without the new key",
    )
    .await;

    let after = app(service_state(&db, &format!("new:{NEW_SECRET}"))).await;
    assert_accepted(&after, &new_token, "new token after the old key is gone").await;
    assert_refused(&after, &old_token, "old token after the old key is gone").await;
}

#[actix_web::test]
async fn a_kid_that_does_not_name_the_signing_key_is_refused() {
    let db = TestDb::new();
    seed(&db);
    let service = app(service_state(
        &db,
        &format!("new:{NEW_SECRET},old:{OLD_SECRET}"),
    ))
    .await;
    let genuine = token(&service, "jn.aud").await;
    let claims = claims_of(&genuine, NEW_SECRET);

    // The control: a token the test signs itself is accepted when its kid is true, so every
    // refusal below is down to the kid alone.
    assert_accepted(
        &service,
        &sign(&claims, Some("old"), OLD_SECRET),
        "old key, kid old",
    )
    .await;
    assert_accepted(
        &service,
        &sign(&claims, Some("new"), NEW_SECRET),
        "new key, kid new",
    )
    .await;

    for (what, kid, secret) in [
        ("old key claiming to be new", Some("new"), OLD_SECRET),
        ("new key claiming to be old", Some("old"), NEW_SECRET),
        ("unknown kid", Some("retired"), NEW_SECRET),
        ("kid differing only in case", Some("NEW"), NEW_SECRET),
        ("no kid while no key is named default", None, NEW_SECRET),
        ("no kid, old key", None, OLD_SECRET),
    ] {
        assert_refused(&service, &sign(&claims, kid, secret), what).await;
    }
}

#[actix_web::test]
async fn jwt_secret_alone_is_the_key_named_default() {
    let db = TestDb::new();
    seed(&db);
    let mut config = config_for(&db.url);
    config.auth = Config::from_lookup(|name| match name {
        "DATABASE_URL" => Some(db.url.clone()),
        "JWT_SECRET" => Some(OLD_SECRET.to_owned()),
        _ => None,
    })
    .unwrap()
    .auth;
    let legacy = app(AppState::new(config)).await;
    let issued = token(&legacy, "jn.kj").await;
    assert_eq!(kid_of(&issued).as_deref(), Some("default"));

    // Tokens from before key ids carry none; naming the former JWT_SECRET `default` in JWT_KEYS
    // keeps them valid through the switch, and stops them once `default` is removed.
    let bare = sign(&claims_of(&issued, OLD_SECRET), None, OLD_SECRET);
    assert_accepted(&legacy, &bare, "token without kid, JWT_SECRET service").await;
    let switched = app(service_state(
        &db,
        &format!("new:{NEW_SECRET},default:{OLD_SECRET}"),
    ))
    .await;
    assert_accepted(&switched, &bare, "token without kid, default listed").await;
    assert_accepted(&switched, &issued, "kid default, default listed").await;
    let retired = app(service_state(&db, &format!("new:{NEW_SECRET}"))).await;
    assert_refused(&retired, &bare, "token without kid, default removed").await;
}
