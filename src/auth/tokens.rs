//! Access tokens (short-lived HS256 JWTs) and refresh tokens (opaque, stored hashed).

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::config::AuthSettings;
use crate::error::AppError;

pub const ISSUER: &str = "budget-monitor";
pub const AUDIENCE: &str = "budget-monitor-api";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    pub sub: Uuid,
    pub role: String,
    /// Region code for finance officers and auditors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Department id for department officers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<Uuid>,
    /// The user's token version when issued; a bump (deactivation, password or role change)
    /// invalidates every older token on its next use.
    pub ver: i32,
    pub iat: i64,
    pub exp: i64,
    pub iss: String,
    pub aud: String,
    pub jti: Uuid,
}

/// Keys and validation rules, built once at start-up.
pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    pub access_ttl: Duration,
    pub refresh_ttl: Duration,
}

/// Who a token is for.
pub struct Subject<'a> {
    pub user_id: Uuid,
    pub role: &'a str,
    pub region_code: Option<&'a str>,
    pub department_id: Option<Uuid>,
    pub token_version: i32,
}

impl TokenKeys {
    pub fn new(settings: &AuthSettings) -> TokenKeys {
        // The algorithm is pinned: a token naming another (or "none") fails verification.
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 30;
        TokenKeys {
            encoding: EncodingKey::from_secret(&settings.jwt_secret),
            decoding: DecodingKey::from_secret(&settings.jwt_secret),
            validation,
            access_ttl: settings.access_token_ttl,
            refresh_ttl: settings.refresh_token_ttl,
        }
    }

    /// A signed access token and its lifetime in seconds.
    pub fn issue(&self, subject: &Subject<'_>) -> Result<(String, i64), AppError> {
        let now = chrono::Utc::now().timestamp();
        let ttl = i64::try_from(self.access_ttl.as_secs()).unwrap_or(900);
        let claims = Claims {
            sub: subject.user_id,
            role: subject.role.to_owned(),
            region: subject.region_code.map(str::to_owned),
            department: subject.department_id,
            ver: subject.token_version,
            iat: now,
            exp: now + ttl,
            iss: ISSUER.to_owned(),
            aud: AUDIENCE.to_owned(),
            jti: Uuid::now_v7(),
        };
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| AppError::Internal(format!("token signing failed: {e}")))?;
        Ok((token, ttl))
    }

    pub fn verify(&self, token: &str) -> Result<Claims, AppError> {
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map(|data| data.claims)
            .map_err(|e| {
                tracing::debug!(reason = %e, "rejected access token");
                invalid_token()
            })
    }
}

pub fn invalid_token() -> AppError {
    AppError::Unauthorized("The access token is missing, invalid or expired.".to_owned())
}

/// A new opaque refresh token (256 random bits).
pub fn new_refresh_token() -> String {
    let mut bytes = [0u8; 32];
    rand::Rng::fill(&mut rand::rng(), &mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Only this hash is stored, so a database leak does not hand out sessions.
pub fn refresh_token_hash(token: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(secret: &[u8]) -> TokenKeys {
        TokenKeys::new(&AuthSettings {
            jwt_secret: secret.to_vec(),
            jwt_secret_generated: false,
            access_token_ttl: Duration::from_secs(900),
            refresh_token_ttl: Duration::from_secs(3600),
        })
    }

    fn subject() -> Subject<'static> {
        Subject {
            user_id: Uuid::now_v7(),
            role: "auditor",
            region_code: Some("370100"),
            department_id: None,
            token_version: 1,
        }
    }

    #[test]
    fn issued_tokens_verify_with_the_same_secret_only() {
        let a = keys(&[7u8; 32]);
        let (token, ttl) = a.issue(&subject()).unwrap();
        assert_eq!(ttl, 900);
        let claims = a.verify(&token).unwrap();
        assert_eq!(claims.role, "auditor");
        assert_eq!(claims.region.as_deref(), Some("370100"));
        assert!(keys(&[8u8; 32]).verify(&token).is_err());
    }

    #[test]
    fn refresh_tokens_are_random_and_hashed() {
        let t1 = new_refresh_token();
        let t2 = new_refresh_token();
        assert_ne!(t1, t2);
        assert_eq!(refresh_token_hash(&t1), refresh_token_hash(&t1));
        assert_ne!(refresh_token_hash(&t1), t1);
    }
}
