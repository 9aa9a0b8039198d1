//! Access tokens (short-lived HS256 JWTs) and refresh tokens (opaque, stored hashed).

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::config::{AuthSettings, DEFAULT_JWT_KEY_ID};
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
    /// The id written into the `kid` header of new tokens, and its key.
    signing_kid: String,
    encoding: EncodingKey,
    /// Every configured key, looked up by the token's `kid`; a handful at most, so a list.
    decoding: Vec<(String, DecodingKey)>,
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
        let (signing_kid, signing_secret) = settings
            .jwt_keys
            .first()
            .expect("configuration always provides at least one signing key");
        TokenKeys {
            signing_kid: signing_kid.clone(),
            encoding: EncodingKey::from_secret(signing_secret),
            decoding: settings
                .jwt_keys
                .iter()
                .map(|(kid, secret)| (kid.clone(), DecodingKey::from_secret(secret)))
                .collect(),
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
        let header = Header {
            kid: Some(self.signing_kid.clone()),
            ..Header::new(Algorithm::HS256)
        };
        let token = jsonwebtoken::encode(&header, &claims, &self.encoding)
            .map_err(|e| AppError::Internal(format!("token signing failed: {e}")))?;
        Ok((token, ttl))
    }

    pub fn verify(&self, token: &str) -> Result<Claims, AppError> {
        // Only the key the token names is tried, so `kid` binds a token to one key instead of
        // being a hint, and a bad token costs one HMAC however many keys are listed.
        let key = jsonwebtoken::decode_header(token)
            .map_err(|e| e.to_string())
            .and_then(|header| {
                self.decoding_key(header.kid.as_deref())
                    .ok_or_else(|| "no configured key has the token's kid".to_owned())
            });
        key.and_then(|key| {
            jsonwebtoken::decode::<Claims>(token, key, &self.validation)
                .map(|data| data.claims)
                .map_err(|e| e.to_string())
        })
        .map_err(|reason| {
            tracing::debug!(%reason, "rejected access token");
            invalid_token()
        })
    }

    /// A token without `kid` predates key ids, when the only secret was `JWT_SECRET`, which is
    /// now the key `default`; so that key, and no other, may verify it.
    fn decoding_key(&self, kid: Option<&str>) -> Option<&DecodingKey> {
        let kid = kid.unwrap_or(DEFAULT_JWT_KEY_ID);
        self.decoding
            .iter()
            .find(|(id, _)| id == kid)
            .map(|(_, key)| key)
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
        keyring(&[(DEFAULT_JWT_KEY_ID, secret)])
    }

    fn keyring(keys: &[(&str, &[u8])]) -> TokenKeys {
        TokenKeys::new(&AuthSettings {
            jwt_keys: keys
                .iter()
                .map(|(kid, secret)| ((*kid).to_owned(), secret.to_vec()))
                .collect(),
            jwt_keys_generated: false,
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
    fn the_first_key_signs_and_names_itself_and_every_key_verifies_its_own() {
        let (old, new) = ([1u8; 32], [2u8; 32]);
        let before = keyring(&[("old", &old)]);
        let (old_token, _) = before.issue(&subject()).unwrap();
        let during = keyring(&[("new", &new), ("old", &old)]);
        let (new_token, _) = during.issue(&subject()).unwrap();
        let header = jsonwebtoken::decode_header(&new_token).unwrap();
        assert_eq!(header.kid.as_deref(), Some("new"));
        assert_eq!(header.alg, Algorithm::HS256);
        assert!(during.verify(&old_token).is_ok());
        assert!(during.verify(&new_token).is_ok());
        let after = keyring(&[("new", &new)]);
        assert!(after.verify(&old_token).is_err());
        assert!(after.verify(&new_token).is_ok());
    }

    #[test]
    fn a_token_without_kid_is_verified_only_by_the_default_key() {
        let secret = [3u8; 32];
        let (token, _) = keys(&secret).issue(&subject()).unwrap();
        let claims = keys(&secret).verify(&token).unwrap();
        let bare = jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &EncodingKey::from_secret(&secret),
        )
        .unwrap();
        assert!(keys(&secret).verify(&bare).is_ok());
        assert!(
            keyring(&[("a", &secret), (DEFAULT_JWT_KEY_ID, &secret)])
                .verify(&bare)
                .is_ok()
        );
        assert!(keyring(&[("a", &secret)]).verify(&bare).is_err());
        assert!(
            keyring(&[("a", &secret), ("b", &secret)])
                .verify(&bare)
                .is_err()
        );
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
