use std::time::Duration;

use actix_web::{HttpMessage, HttpRequest, HttpResponse, get, post, web};
use chrono::Utc;
use diesel::Connection;
use diesel::pg::PgConnection;
use serde_json::json;
use uuid::Uuid;

use crate::AppState;
use crate::audit::{self, AuditEntry};
use crate::auth::dto::{LoginRequest, PasswordChange, RefreshRequest, TokenPair, TokenType};
use crate::auth::scope::not_found;
use crate::auth::tokens::{Subject, new_refresh_token, refresh_token_hash};
use crate::auth::{Caller, password, store};
use crate::error::AppError;
use crate::http::request_context::RequestId;
use crate::users::dto::User;
use crate::users::store as users;

/// Failed logins allowed per username within `FAILURE_WINDOW` before it is locked.
pub const MAX_FAILURES: i32 = 5;
pub const FAILURE_WINDOW: Duration = Duration::from_secs(15 * 60);
pub const LOCKOUT: Duration = Duration::from_secs(15 * 60);

fn bad_credentials() -> AppError {
    AppError::Unauthorized("The username or password is wrong.".to_owned())
}

fn bad_refresh() -> AppError {
    AppError::Unauthorized("The refresh token is invalid, expired or already used.".to_owned())
}

fn locked(seconds: i64) -> AppError {
    AppError::TooManyRequests {
        detail: "Too many failed logins for this username; wait before trying again.".to_owned(),
        retry_after: Duration::from_secs(u64::try_from(seconds).unwrap_or(1)),
    }
}

fn request_id(req: &HttpRequest) -> Option<String> {
    req.extensions().get::<RequestId>().map(|r| r.0.clone())
}

/// Issues an access token for the user's current record and a refresh token in `family`.
fn issue_pair(
    conn: &mut PgConnection,
    state: &AppState,
    user_id: Uuid,
    family: Uuid,
) -> Result<TokenPair, AppError> {
    let principal = store::load_principal(conn, user_id)?.ok_or_else(bad_credentials)?;
    let (access_token, expires_in) = state.tokens.issue(&Subject {
        user_id,
        role: &principal.role,
        region_code: principal.region_code.as_deref(),
        department_id: principal.department_id,
        token_version: principal.token_version,
    })?;
    let refresh_token = new_refresh_token();
    let refresh_ttl = state.tokens.refresh_ttl;
    let expires_at = Utc::now() + chrono::Duration::from_std(refresh_ttl).unwrap_or_default();
    store::insert_refresh_token(
        conn,
        user_id,
        family,
        &refresh_token_hash(&refresh_token),
        expires_at,
    )?;
    Ok(TokenPair {
        access_token,
        token_type: TokenType::Bearer,
        expires_in,
        refresh_token,
        refresh_expires_in: i64::try_from(refresh_ttl.as_secs()).unwrap_or(0),
    })
}

/// Log in with username and password.
#[utoipa::path(
    tag = "auth",
    operation_id = "login",
    summary = "Log in",
    description = "Returns a short-lived access token and a single-use refresh token. A wrong \
                   password and an unknown username get the same 401. After 5 failures for a \
                   username within 15 minutes it is locked for 15 minutes: 429 with `Retry-After`, \
                   whatever the password. Public.",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in", body = TokenPair),
        (status = 429, description = "Too many failed logins for this username",
         body = crate::error::Problem, content_type = "application/problem+json",
         headers(("Retry-After" = u32, description = "Seconds until the lock ends"))),
    ),
    extensions(("x-roles" = json!(["public"])))
)]
#[post("/auth/login")]
pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<LoginRequest>,
) -> Result<web::Json<TokenPair>, AppError> {
    let LoginRequest { username, password } = body.into_inner();
    let key = username.trim().to_lowercase();
    let request_id = request_id(&req);

    let lookup_key = key.clone();
    let account = state
        .db
        .run(move |conn| {
            if let Some(seconds) = store::lockout_remaining(conn, &lookup_key)? {
                return Err(locked(seconds));
            }
            store::find_login(conn, &lookup_key)
        })
        .await?;

    let user_id = account.as_ref().map(|a| a.id);
    // Hash off the pooled connection: verification takes tens of milliseconds by design.
    crate::db::budget::let_go();
    let verified = web::block(move || match &account {
        Some(a) => password::verify(&password, &a.password_hash) && a.active,
        None => {
            password::verify_against_nobody(&password);
            false
        }
    })
    .await?;

    let state2 = state.clone();
    let outcome = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let attempt = AuditEntry::unauthenticated(
                    "auth.login_succeeded",
                    "session",
                    user_id,
                    Some(key.clone()),
                    request_id,
                )
                .details(json!({"username": key}));
                match (verified, user_id) {
                    (true, Some(id)) => {
                        store::clear_failures(conn, &key)?;
                        let pair = issue_pair(conn, &state2, id, Uuid::now_v7())?;
                        audit::record(conn, attempt)?;
                        Ok(Some(pair))
                    }
                    _ => {
                        let now_locked = store::record_failure(
                            conn,
                            &key,
                            MAX_FAILURES,
                            FAILURE_WINDOW.as_secs_f64(),
                            LOCKOUT.as_secs_f64(),
                        )?;
                        audit::record(
                            conn,
                            AuditEntry {
                                action: "auth.login_failed",
                                details: json!({"username": key, "locked": now_locked}),
                                ..attempt
                            },
                        )?;
                        Ok(None)
                    }
                }
            })
        })
        .await?;
    outcome.map(web::Json).ok_or_else(bad_credentials)
}

enum RefreshOutcome {
    Issued(TokenPair),
    Reused,
    Invalid,
}

/// Trade a refresh token for a new token pair.
#[utoipa::path(
    tag = "auth",
    operation_id = "refresh_token",
    summary = "Refresh tokens",
    description = "Each refresh token works once and is replaced by the one returned. Presenting a \
                   token that was already used revokes every token descended from the same login \
                   (someone copied it) and answers 401. Public.",
    request_body = RefreshRequest,
    responses((status = 200, description = "A new token pair", body = TokenPair)),
    extensions(("x-roles" = json!(["public"])))
)]
#[post("/auth/refresh")]
pub async fn refresh(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<RefreshRequest>,
) -> Result<web::Json<TokenPair>, AppError> {
    let hash = refresh_token_hash(&body.into_inner().refresh_token);
    let request_id = request_id(&req);
    let state2 = state.clone();
    let outcome = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                let Some(row) = store::lock_refresh_token(conn, &hash)? else {
                    return Ok(RefreshOutcome::Invalid);
                };
                if row.rotated_at.is_some() || row.revoked_at.is_some() {
                    store::revoke_family(conn, row.family_id)?;
                    if row.rotated_at.is_some() {
                        audit::record(
                            conn,
                            AuditEntry::unauthenticated(
                                "auth.refresh_token_reused",
                                "session",
                                Some(row.user_id),
                                None,
                                request_id,
                            )
                            .object(row.family_id, None),
                        )?;
                        return Ok(RefreshOutcome::Reused);
                    }
                    return Ok(RefreshOutcome::Invalid);
                }
                if row.expires_at <= Utc::now() {
                    return Ok(RefreshOutcome::Invalid);
                }
                let active = store::load_principal(conn, row.user_id)?.is_some_and(|p| p.active);
                if !active {
                    return Ok(RefreshOutcome::Invalid);
                }
                store::mark_rotated(conn, row.id)?;
                Ok(RefreshOutcome::Issued(issue_pair(
                    conn,
                    &state2,
                    row.user_id,
                    row.family_id,
                )?))
            })
        })
        .await?;
    match outcome {
        RefreshOutcome::Issued(pair) => Ok(web::Json(pair)),
        RefreshOutcome::Reused | RefreshOutcome::Invalid => Err(bad_refresh()),
    }
}

/// End a session.
#[utoipa::path(
    tag = "auth",
    operation_id = "logout",
    summary = "Log out",
    description = "Revokes the refresh token and every token of the same login. Answers 204 also for \
                   a token that is unknown or already revoked. Public (the refresh token is the \
                   credential).",
    request_body = RefreshRequest,
    responses((status = 204, description = "Logged out")),
    extensions(("x-roles" = json!(["public"])))
)]
#[post("/auth/logout")]
pub async fn logout(
    state: web::Data<AppState>,
    body: web::Json<RefreshRequest>,
) -> Result<HttpResponse, AppError> {
    let hash = refresh_token_hash(&body.into_inner().refresh_token);
    state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                if let Some(row) = store::lock_refresh_token(conn, &hash)? {
                    store::revoke_family(conn, row.family_id)?;
                }
                Ok(())
            })
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The caller, with its role and scope.
#[utoipa::path(
    tag = "auth",
    operation_id = "get_me",
    summary = "Who am I",
    description = "Roles: admin, finance_officer, auditor, department_officer.",
    responses((status = 200, description = "The calling user", body = User)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[get("/auth/me")]
pub async fn me(state: web::Data<AppState>, caller: Caller) -> Result<web::Json<User>, AppError> {
    let id = caller.user_id;
    let row = state
        .db
        .run(move |conn| users::find(conn, id))
        .await?
        .ok_or_else(not_found)?;
    Ok(web::Json(User::from(row)))
}

/// Change one's own password.
#[utoipa::path(
    tag = "auth",
    operation_id = "change_password",
    summary = "Change your password",
    description = "Needs the current password. Ends every session of the user, including this one, \
                   and returns a fresh token pair. Roles: admin, finance_officer, auditor, \
                   department_officer.",
    request_body = PasswordChange,
    responses((status = 200, description = "Password changed; a new token pair", body = TokenPair)),
    extensions(("x-roles" = json!(["admin", "finance_officer", "auditor", "department_officer"])))
)]
#[post("/auth/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<PasswordChange>,
) -> Result<web::Json<TokenPair>, AppError> {
    let PasswordChange {
        current_password,
        new_password,
    } = body.into_inner();
    if let Some(problem) = password::policy_violation(&caller.username, &new_password) {
        return Err(AppError::invalid_field("new_password", problem));
    }
    let id = caller.user_id;
    let stored = state
        .db
        .run(move |conn| store::password_hash(conn, id))
        .await?;
    crate::db::budget::let_go();
    let new_hash = web::block(move || {
        if !password::verify(&current_password, &stored) {
            return Err(AppError::invalid_field(
                "current_password",
                "is not your current password",
            ));
        }
        password::hash(&new_password)
    })
    .await??;
    let state2 = state.clone();
    let pair = state
        .db
        .run(move |conn| {
            conn.transaction(|conn| {
                store::set_password(conn, id, &new_hash)?;
                audit::record(
                    conn,
                    AuditEntry::by(&caller, "auth.password_changed", "user").object(id, None),
                )?;
                issue_pair(conn, &state2, id, Uuid::now_v7())
            })
        })
        .await?;
    Ok(web::Json(pair))
}
