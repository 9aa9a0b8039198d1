use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::auth::Role;
use crate::users::store::UserRow;

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "0193a0c4-7f43-7000-8000-0000000000b1", "username": "jinan.finance",
    "display_name": "Wang Fang", "email": "wang.fang@jnczj.example", "phone": null,
    "role": "finance_officer", "region_code": "370100", "department_id": null, "active": true,
    "version": 1, "created_at": "2021-01-04T08:00:00Z", "updated_at": "2021-01-04T08:00:00Z"
}))]
pub struct User {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub role: Role,
    /// The region a finance officer or auditor is scoped to (with its subtree).
    pub region_code: Option<String>,
    /// The department a department officer is scoped to (with its units).
    pub department_id: Option<Uuid>,
    pub active: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<UserRow> for User {
    fn from(row: UserRow) -> User {
        User {
            id: row.id,
            role: Role::parse(&row.role).unwrap_or(Role::DepartmentOfficer),
            username: row.username,
            display_name: row.display_name,
            email: row.email,
            phone: row.phone,
            region_code: row.region_code,
            department_id: row.department_id,
            active: row.active,
            version: row.version,
            created_at: row.created_at,
            updated_at: row.updated_at,
        }
    }
}

pub fn username_format(name: &str) -> Result<(), validator::ValidationError> {
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphanumeric());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || "_.@-".contains(c));
    if first_ok && rest_ok && (3..=64).contains(&name.len()) {
        return Ok(());
    }
    let mut err = validator::ValidationError::new("username");
    err.message =
        Some("must be 3 to 64 letters, digits, _ . @ or -, starting with a letter or digit".into());
    Err(err)
}

fn phone_format(phone: &str) -> Result<(), validator::ValidationError> {
    let ok = (3..=32).contains(&phone.len())
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()".contains(c));
    if ok {
        return Ok(());
    }
    let mut err = validator::ValidationError::new("phone");
    err.message = Some("must be 3 to 32 digits, spaces, +, - or parentheses".into());
    Err(err)
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "username": "jinan.kjj", "password": "Kjj-2021-monitor", "display_name": "Li Na",
    "role": "department_officer", "department_id": "0193a0c4-7f43-7000-8000-0000000000a1"
}))]
pub struct NewUser {
    #[validate(custom(function = "username_format"))]
    #[schema(pattern = "^[A-Za-z0-9][A-Za-z0-9_.@-]{2,63}$")]
    pub username: String,
    /// At least 10 characters and not the username.
    #[schema(min_length = 10, max_length = 256, format = Password)]
    pub password: String,
    #[serde(default)]
    #[validate(length(max = 100, message = "must be at most 100 characters"))]
    #[schema(max_length = 100)]
    pub display_name: String,
    #[validate(email(message = "must be an email address"), length(max = 254))]
    #[schema(format = Email, max_length = 254)]
    pub email: Option<String>,
    #[validate(custom(function = "phone_format"))]
    #[schema(pattern = "^[0-9 +()-]{3,32}$")]
    pub phone: Option<String>,
    pub role: Role,
    /// Required for finance officers and auditors; absent otherwise.
    #[schema(pattern = "^[1-9][0-9]{5}$")]
    pub region_code: Option<String>,
    /// Required for department officers; absent otherwise.
    pub department_id: Option<Uuid>,
}

/// Profile fields anyone may change on themselves; role, scope and `active` only an admin or a
/// finance officer may change, and never on themselves.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "display_name": "Wang Fang", "email": "wang.fang@jnczj.example", "phone": "0531-86081234"
}))]
pub struct UserChanges {
    #[validate(length(max = 100, message = "must be at most 100 characters"))]
    #[schema(max_length = 100)]
    pub display_name: Option<String>,
    #[validate(email(message = "must be an email address"), length(max = 254))]
    #[schema(format = Email, max_length = 254)]
    pub email: Option<String>,
    #[validate(custom(function = "phone_format"))]
    #[schema(pattern = "^[0-9 +()-]{3,32}$")]
    pub phone: Option<String>,
    /// Changing the role needs the scope of the new role (`region_code` or `department_id`).
    pub role: Option<Role>,
    #[schema(pattern = "^[1-9][0-9]{5}$")]
    pub region_code: Option<String>,
    pub department_id: Option<Uuid>,
    /// `false` deactivates the user and ends all its sessions at once.
    pub active: Option<bool>,
}

impl UserChanges {
    pub fn touches_access(&self) -> bool {
        self.role.is_some()
            || self.region_code.is_some()
            || self.department_id.is_some()
            || self.active.is_some()
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"new_password": "Kjj-2021-reset-01"}))]
pub struct PasswordReset {
    /// At least 10 characters and not the username.
    #[schema(min_length = 10, max_length = 256, format = Password)]
    pub new_password: String,
}

/// The order of a user list: a field, or `-` and the field for descending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum UserOrder {
    /// Username, ascending (the default).
    Username,
    /// Username, descending.
    #[serde(rename = "-username")]
    UsernameDesc,
}

impl UserOrder {
    /// The `sort` value as sent.
    pub fn as_str(self) -> &'static str {
        match self {
            UserOrder::Username => "username",
            UserOrder::UsernameDesc => "-username",
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserQuery {
    pub role: Option<Role>,
    /// Only users scoped to the region with this code or below it (finance officers, auditors,
    /// department officers of departments there).
    pub region: Option<String>,
    /// Only officers of this department.
    pub department: Option<Uuid>,
    pub active: Option<bool>,
    /// Username prefix or part of the display name.
    pub q: Option<String>,
    /// `username` (default); prefix `-` for descending.
    pub sort: Option<UserOrder>,
    /// Page size, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}
