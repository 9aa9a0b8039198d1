//! `budget-monitor create-admin`: the first administrator, made from the command line.

use diesel::Connection;
use diesel::pg::PgConnection;
use serde_json::json;

use crate::audit::{self, AuditEntry};
use crate::auth::{Role, password};
use crate::error::AppError;
use crate::users::dto::username_format;
use crate::users::store::{self, NewUserRow};

/// Creates an active admin; fails when the username is taken or the password is too weak.
pub fn create_admin(
    conn: &mut PgConnection,
    username: &str,
    plain_password: &str,
) -> Result<uuid::Uuid, String> {
    username_format(username).map_err(|e| {
        format!(
            "invalid username: {}",
            e.message.map(|m| m.to_string()).unwrap_or_default()
        )
    })?;
    if let Some(problem) = password::policy_violation(username, plain_password) {
        return Err(format!("the password {problem}"));
    }
    let hash = password::hash(plain_password).map_err(|e| e.to_string())?;
    conn.transaction(|conn| {
        if store::username_taken(conn, username)? {
            return Err(AppError::Conflict(format!(
                "a user named {username} already exists"
            )));
        }
        let id = store::insert(
            conn,
            NewUserRow {
                username,
                display_name: "",
                email: None,
                phone: None,
                password_hash: &hash,
                role: Role::Admin.as_str(),
                region_id: None,
                department_id: None,
                scope_path: None,
            },
        )?;
        audit::record(
            conn,
            AuditEntry::unauthenticated(
                "user.created",
                "user",
                None,
                Some("budget-monitor create-admin".to_owned()),
                None,
            )
            .object(id, None)
            .details(json!({"username": username, "role": "admin"})),
        )?;
        Ok(id)
    })
    .map_err(|e: AppError| match e {
        AppError::Conflict(msg) => msg,
        other => other.to_string(),
    })
}
