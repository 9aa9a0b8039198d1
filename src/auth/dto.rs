use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"username": "jinan.finance", "password": "Jinan-2021-monitor"}))]
pub struct LoginRequest {
    #[schema(max_length = 64)]
    pub username: String,
    #[schema(max_length = 256, format = Password)]
    pub password: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "access_token": "eyJhbGciOiJIUzI1NiJ9...", "token_type": "Bearer", "expires_in": 900,
    "refresh_token": "q1Jk...", "refresh_expires_in": 1209600
}))]
pub struct TokenPair {
    /// Send as `Authorization: Bearer <access_token>`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: TokenType,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    /// Exchange at `POST /api/v1/auth/refresh` for a new pair; usable once.
    pub refresh_token: String,
    /// Seconds until the refresh token expires.
    pub refresh_expires_in: i64,
}

/// How to send the access token: `Authorization: Bearer <access_token>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
pub enum TokenType {
    #[serde(rename = "Bearer")]
    Bearer,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"refresh_token": "q1Jk..."}))]
pub struct RefreshRequest {
    pub refresh_token: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "current_password": "Jinan-2021-monitor", "new_password": "Jinan-2021-autumn"
}))]
pub struct PasswordChange {
    #[schema(format = Password)]
    pub current_password: String,
    /// At least 10 characters and not the username.
    #[schema(min_length = 10, max_length = 256, format = Password)]
    pub new_password: String,
}
