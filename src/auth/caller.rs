//! The `Caller` extractor: a verified bearer token plus the user's current record.
//!
//! The user row is read or checked on every request, so deactivation, a password change or a
//! role change takes effect on the very next request rather than at token expiry. The first
//! request of a user on this instance reads it (one round trip before the handler); later ones
//! take the principal read then (`principals`) and leave a `PreCheck` that the handler's first
//! run makes on its own connection before its work, or, when the handler made no run,
//! [`settle`] makes after it and turns its answer into 401 if the check is refused.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use actix_web::body::BoxBody;
use actix_web::dev::{Payload, ServiceResponse};
use actix_web::http::header;
use actix_web::{FromRequest, HttpMessage, HttpRequest, ResponseError, web};

use crate::AppState;
use crate::auth::scope::{Caller, Role, Scope};
use crate::auth::store::{self, Principal};
use crate::auth::tokens::invalid_token;
use crate::db::{Db, PreCheck, budget};
use crate::error::AppError;
use crate::http::request_context::RequestId;

impl FromRequest for Caller {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Caller, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = bearer_token(req);
        let request_id = req.extensions().get::<RequestId>().map(|r| r.0.clone());
        Box::pin(async move {
            let state =
                state.ok_or_else(|| AppError::Internal("application state missing".into()))?;
            let token = token.ok_or_else(|| {
                AppError::Unauthorized(
                    "Send an access token as Authorization: Bearer <token>.".to_owned(),
                )
            })?;
            let claims = state.tokens.verify(&token)?;
            if let Some(budget) = budget::current()
                && let Some(principal) = state.principals.get(claims.sub, claims.ver)
            {
                let caller =
                    caller_from(principal.clone(), request_id).ok_or_else(invalid_token)?;
                let role = caller.role.as_str();
                budget.set_check(PreCheck {
                    passes: Arc::new(move |conn| store::caller_still_valid(conn, &principal, role)),
                    refused: invalid_token,
                });
                return Ok(caller);
            }
            let principal = state
                .db
                .run(move |conn| store::load_principal(conn, claims.sub))
                .await?
                .ok_or_else(invalid_token)?;
            if !principal.active || principal.token_version != claims.ver {
                return Err(invalid_token());
            }
            state.principals.put(principal.clone());
            caller_from(principal, request_id).ok_or_else(invalid_token)
        })
    }
}

/// Makes the request's caller check when the handler answered without a run that made it (an
/// early 400 or 403, a handler with no database work), and answers 401 instead when the check is
/// refused or was refused; nothing the handler decided from a stale principal leaves the
/// service.
pub async fn settle(res: ServiceResponse<BoxBody>, db: &Db) -> ServiceResponse<BoxBody> {
    if !budget::current().is_some_and(|b| b.check_outstanding()) {
        return res;
    }
    match db.run(|_| Ok(())).await {
        Ok(()) => res,
        Err(err) => {
            let (req, _) = res.into_parts();
            ServiceResponse::new(req, err.error_response())
        }
    }
}

fn bearer_token(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    (scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty())
        .then(|| token.trim().to_owned())
}

/// The caller's role and scope as the database has them now.
pub fn caller_from(p: Principal, request_id: Option<String>) -> Option<Caller> {
    let role = Role::parse(&p.role)?;
    let scope = match role {
        Role::Admin => Scope::All,
        Role::FinanceOfficer | Role::Auditor => Scope::Region {
            region_id: p.region_id?,
            path: p.region_path?,
        },
        Role::DepartmentOfficer => Scope::Department {
            department_id: p.department_id?,
            region_id: p.department_region_id?,
            region_path: p.department_region_path?,
            path: p.department_path?,
        },
    };
    Some(Caller {
        user_id: p.id,
        username: p.username,
        role,
        scope,
        request_id,
    })
}
