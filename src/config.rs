//! Settings read from the environment once at start-up.
//!
//! Every variable has a documented default (see README.md). A value that does not parse stops the
//! service before it binds a port, with a message naming the variable, because a half-configured
//! finance service that starts anyway is worse than one that refuses to start.

use std::fmt;
use std::net::SocketAddr;
use std::time::Duration;

pub const DEFAULT_DATABASE_URL: &str = "postgres://postgres@127.0.0.1:5432/budget_monitor";
pub const DEFAULT_BIND_ADDR: &str = "127.0.0.1:8080";
pub const DEFAULT_DB_CONNECT_TIMEOUT_SECS: u64 = 5;
pub const DEFAULT_MAX_BODY_BYTES: usize = 16 * 1024 * 1024;
pub const DEFAULT_DATABASE_READ_MAX_LAG_SECS: u64 = 30;
const MAX_POOL_SIZE: u32 = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Pretty,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppEnv {
    Dev,
    Prod,
}

/// Origins allowed to call the API from a browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorsOrigins {
    /// No cross-origin access (the default: browsers get no CORS headers).
    None,
    /// Any origin (`*`); safe because the API authenticates with bearer tokens, not cookies.
    Any,
    List(Vec<String>),
}

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    /// A streaming replica of the primary (or another URL of the primary) for the reads of GET
    /// and HEAD requests; `None` reads everything from `database_url`.
    pub database_read_url: Option<String>,
    /// A replica that has not replayed what the primary held this long ago serves no reads.
    pub database_read_max_lag: Duration,
    pub bind_addr: SocketAddr,
    pub db_pool_size: u32,
    pub db_connect_timeout: Duration,
    /// HTTP worker threads (`HTTP_WORKERS`); `None`: one per CPU.
    pub http_workers: Option<usize>,
    pub max_body_bytes: usize,
    pub cors_allowed_origins: CorsOrigins,
    pub log_format: LogFormat,
    pub app_env: AppEnv,
    pub auth: AuthSettings,
}

/// Token settings. Secrets are never logged or shown.
#[derive(Clone)]
pub struct AuthSettings {
    /// Signing keys as (key id, secret), never empty. The first signs new tokens; all of them
    /// verify, so a key can be introduced before it signs and retired after its tokens expire.
    pub jwt_keys: Vec<(String, Vec<u8>)>,
    /// True when neither `JWT_KEYS` nor `JWT_SECRET` was given in dev and a random key was made
    /// for this process.
    pub jwt_keys_generated: bool,
    pub access_token_ttl: Duration,
    pub refresh_token_ttl: Duration,
}

impl fmt::Debug for AuthSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Key ids are shown because they are what an operator compares across instances.
        let ids: Vec<&str> = self.jwt_keys.iter().map(|(id, _)| id.as_str()).collect();
        f.debug_struct("AuthSettings")
            .field("jwt_key_ids", &ids)
            .field("jwt_secrets", &"<redacted>")
            .field("jwt_keys_generated", &self.jwt_keys_generated)
            .field("access_token_ttl", &self.access_token_ttl)
            .field("refresh_token_ttl", &self.refresh_token_ttl)
            .finish()
    }
}

pub const MIN_JWT_SECRET_BYTES: usize = 32;
/// The key id `JWT_SECRET` stands for, and the key that verifies tokens carrying no `kid`
/// (those issued before key ids existed).
pub const DEFAULT_JWT_KEY_ID: &str = "default";
const MAX_JWT_KEY_ID_CHARS: usize = 64;
pub const DEFAULT_ACCESS_TOKEN_TTL_SECS: u64 = 15 * 60;
pub const DEFAULT_REFRESH_TOKEN_TTL_SECS: u64 = 14 * 24 * 3600;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub variable: &'static str,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {}: {}", self.variable, self.message)
    }
}

impl std::error::Error for ConfigError {}

fn invalid(variable: &'static str, message: impl Into<String>) -> ConfigError {
    ConfigError {
        variable,
        message: message.into(),
    }
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads settings through `lookup` so tests can supply variables without touching the process
    /// environment. Empty values count as unset.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| {
            lookup(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };

        let app_env = match get("APP_ENV").as_deref() {
            None | Some("dev") => AppEnv::Dev,
            Some("prod") => AppEnv::Prod,
            Some(other) => {
                return Err(invalid(
                    "APP_ENV",
                    format!("expected dev or prod, got {other:?}"),
                ));
            }
        };

        let database_url = get("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
        if !(database_url.starts_with("postgres://") || database_url.starts_with("postgresql://")) {
            return Err(invalid(
                "DATABASE_URL",
                "expected a postgres:// or postgresql:// URL",
            ));
        }
        if database_name(&database_url).is_none() {
            return Err(invalid("DATABASE_URL", "the URL names no database"));
        }

        let database_read_url = match get("DATABASE_READ_URL") {
            None => None,
            Some(url) => {
                if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
                    return Err(invalid(
                        "DATABASE_READ_URL",
                        "expected a postgres:// or postgresql:// URL",
                    ));
                }
                if database_name(&url).is_none() {
                    return Err(invalid("DATABASE_READ_URL", "the URL names no database"));
                }
                Some(url)
            }
        };
        let database_read_max_lag = parse_secs(
            &get,
            "DATABASE_READ_MAX_LAG",
            DEFAULT_DATABASE_READ_MAX_LAG_SECS,
            1..=3600,
        )?;

        let bind_raw = get("BIND_ADDR").unwrap_or_else(|| DEFAULT_BIND_ADDR.to_owned());
        let bind_addr = bind_raw.parse::<SocketAddr>().map_err(|_| {
            invalid(
                "BIND_ADDR",
                format!("expected an IP address and port such as 127.0.0.1:8080, got {bind_raw:?}"),
            )
        })?;

        let default_pool = default_pool_size();
        let db_pool_size = match get("DB_POOL_SIZE") {
            None => default_pool,
            Some(raw) => match raw.parse::<u32>() {
                Ok(n) if (1..=MAX_POOL_SIZE).contains(&n) => n,
                _ => {
                    return Err(invalid(
                        "DB_POOL_SIZE",
                        format!("expected a whole number from 1 to {MAX_POOL_SIZE}, got {raw:?}"),
                    ));
                }
            },
        };

        let db_connect_timeout = match get("DB_CONNECT_TIMEOUT") {
            None => Duration::from_secs(DEFAULT_DB_CONNECT_TIMEOUT_SECS),
            Some(raw) => match raw.parse::<u64>() {
                Ok(n) if (1..=300).contains(&n) => Duration::from_secs(n),
                _ => {
                    return Err(invalid(
                        "DB_CONNECT_TIMEOUT",
                        format!("expected whole seconds from 1 to 300, got {raw:?}"),
                    ));
                }
            },
        };

        let http_workers = match get("HTTP_WORKERS") {
            None => None,
            Some(raw) => match raw.parse::<usize>() {
                Ok(n) if (1..=64).contains(&n) => Some(n),
                _ => {
                    return Err(invalid(
                        "HTTP_WORKERS",
                        format!("expected a whole number from 1 to 64, got {raw:?}"),
                    ));
                }
            },
        };

        let max_body_bytes = match get("MAX_BODY_BYTES") {
            None => DEFAULT_MAX_BODY_BYTES,
            Some(raw) => match raw.parse::<usize>() {
                Ok(n) if (1024..=1024 * 1024 * 1024).contains(&n) => n,
                _ => {
                    return Err(invalid(
                        "MAX_BODY_BYTES",
                        format!("expected a number of bytes from 1024 to 1073741824, got {raw:?}"),
                    ));
                }
            },
        };

        let cors_allowed_origins = match get("CORS_ALLOWED_ORIGINS") {
            None => CorsOrigins::None,
            Some(raw) => parse_origins(&raw)?,
        };

        let log_format = match get("LOG_FORMAT").as_deref() {
            None => match app_env {
                AppEnv::Dev => LogFormat::Pretty,
                AppEnv::Prod => LogFormat::Json,
            },
            Some("pretty") => LogFormat::Pretty,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(invalid(
                    "LOG_FORMAT",
                    format!("expected pretty or json, got {other:?}"),
                ));
            }
        };

        let auth = parse_auth(&get, app_env)?;

        Ok(Config {
            database_url,
            database_read_url,
            database_read_max_lag,
            bind_addr,
            db_pool_size,
            db_connect_timeout,
            http_workers,
            max_body_bytes,
            cors_allowed_origins,
            log_format,
            app_env,
            auth,
        })
    }
}

fn parse_secs(
    get: &impl Fn(&str) -> Option<String>,
    variable: &'static str,
    default: u64,
    range: std::ops::RangeInclusive<u64>,
) -> Result<Duration, ConfigError> {
    match get(variable) {
        None => Ok(Duration::from_secs(default)),
        Some(raw) => match raw.parse::<u64>() {
            Ok(n) if range.contains(&n) => Ok(Duration::from_secs(n)),
            _ => Err(invalid(
                variable,
                format!(
                    "expected whole seconds from {} to {}, got {raw:?}",
                    range.start(),
                    range.end()
                ),
            )),
        },
    }
}

fn parse_auth(
    get: &impl Fn(&str) -> Option<String>,
    app_env: AppEnv,
) -> Result<AuthSettings, ConfigError> {
    let (jwt_keys, jwt_keys_generated) = match (get("JWT_KEYS"), get("JWT_SECRET")) {
        (Some(_), Some(_)) => {
            // Refused rather than merged: which one wins would be a guess, and a guess about
            // signing keys fails as tokens that stop verifying after a deploy.
            return Err(invalid(
                "JWT_KEYS",
                "JWT_KEYS and JWT_SECRET are both set; set only one (JWT_SECRET=s is JWT_KEYS=default:s)",
            ));
        }
        (Some(raw), None) => (parse_jwt_keys(&raw)?, false),
        (None, Some(secret)) if secret.len() >= MIN_JWT_SECRET_BYTES => (
            vec![(DEFAULT_JWT_KEY_ID.to_owned(), secret.into_bytes())],
            false,
        ),
        (None, Some(_)) => {
            return Err(invalid(
                "JWT_SECRET",
                format!("must be at least {MIN_JWT_SECRET_BYTES} bytes"),
            ));
        }
        (None, None) if app_env == AppEnv::Prod => {
            return Err(invalid(
                "JWT_KEYS",
                format!(
                    "JWT_KEYS or JWT_SECRET is required when APP_ENV=prod (secrets of at least {MIN_JWT_SECRET_BYTES} bytes)"
                ),
            ));
        }
        (None, None) => {
            let mut bytes = vec![0u8; 48];
            rand::Rng::fill(&mut rand::rng(), &mut bytes[..]);
            (vec![(DEFAULT_JWT_KEY_ID.to_owned(), bytes)], true)
        }
    };
    let access_token_ttl = parse_secs(
        get,
        "ACCESS_TOKEN_TTL",
        DEFAULT_ACCESS_TOKEN_TTL_SECS,
        30..=24 * 3600,
    )?;
    let refresh_token_ttl = parse_secs(
        get,
        "REFRESH_TOKEN_TTL",
        DEFAULT_REFRESH_TOKEN_TTL_SECS,
        300..=90 * 24 * 3600,
    )?;
    Ok(AuthSettings {
        jwt_keys,
        jwt_keys_generated,
        access_token_ttl,
        refresh_token_ttl,
    })
}

/// `JWT_KEYS`: `id:secret` items separated by commas, in order (the first signs). Messages name
/// items by position or key id and never quote an item, since any part of one may be a secret.
fn parse_jwt_keys(raw: &str) -> Result<Vec<(String, Vec<u8>)>, ConfigError> {
    let mut keys: Vec<(String, Vec<u8>)> = Vec::new();
    for (index, item) in raw.split(',').map(str::trim).enumerate() {
        let position = index + 1;
        if item.is_empty() {
            // An empty item is most likely a key deleted by hand; saying so beats guessing.
            return Err(invalid(
                "JWT_KEYS",
                format!("item {position} is empty; expected id:secret items separated by commas"),
            ));
        }
        let Some((id, secret)) = item.split_once(':') else {
            return Err(invalid(
                "JWT_KEYS",
                format!("item {position} is not of the form id:secret"),
            ));
        };
        let (id, secret) = (id.trim(), secret.trim());
        let id_ok = (1..=MAX_JWT_KEY_ID_CHARS).contains(&id.len())
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
        if !id_ok {
            return Err(invalid(
                "JWT_KEYS",
                format!(
                    "item {position}: a key id must be 1 to {MAX_JWT_KEY_ID_CHARS} characters of A-Z, a-z, 0-9, '.', '_' and '-'"
                ),
            ));
        }
        if keys.iter().any(|(seen, _)| seen == id) {
            return Err(invalid(
                "JWT_KEYS",
                format!("key id {id:?} appears more than once"),
            ));
        }
        if secret.len() < MIN_JWT_SECRET_BYTES {
            return Err(invalid(
                "JWT_KEYS",
                format!("the secret of key {id:?} must be at least {MIN_JWT_SECRET_BYTES} bytes"),
            ));
        }
        keys.push((id.to_owned(), secret.as_bytes().to_vec()));
    }
    Ok(keys)
}

/// Four connections per core, chosen by measurement (docs/PERFORMANCE.md, issue 17): on the
/// 2-core machine, 32 clients got more single GETs and list pages per second from 8 and 16
/// connections than from DESIGN.md's 2 per core, with PostgreSQL on the same cores; past 4 per
/// core the gain stopped while each connection still costs PostgreSQL a backend.
fn default_pool_size() -> u32 {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    u32::try_from(cores * 4)
        .unwrap_or(8)
        .clamp(2, MAX_POOL_SIZE)
}

fn parse_origins(raw: &str) -> Result<CorsOrigins, ConfigError> {
    if raw == "*" {
        return Ok(CorsOrigins::Any);
    }
    let mut origins = Vec::new();
    for part in raw.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let valid_scheme = part.starts_with("http://") || part.starts_with("https://");
        let rest = part.split_once("://").map_or("", |(_, r)| r);
        if !valid_scheme || rest.is_empty() || rest.contains('/') || part == "*" {
            return Err(invalid(
                "CORS_ALLOWED_ORIGINS",
                format!(
                    "expected * or a comma-separated list of origins such as https://monitor.example.gov.cn, got {part:?}"
                ),
            ));
        }
        origins.push(part.to_owned());
    }
    if origins.is_empty() {
        return Ok(CorsOrigins::None);
    }
    Ok(CorsOrigins::List(origins))
}

/// The database name of a `postgres://` URL: the path after the authority, before any query.
pub fn database_name(url: &str) -> Option<&str> {
    let (_, rest) = url.split_once("://")?;
    let (_, path) = rest.split_once('/')?;
    let name = path.split('?').next().unwrap_or("");
    (!name.is_empty()).then_some(name)
}

/// The same URL pointing at another database on the same server, keeping credentials and options.
pub fn with_database(url: &str, database: &str) -> Option<String> {
    let name = database_name(url)?;
    let (scheme, rest) = url.split_once("://")?;
    let (authority, path) = rest.split_once('/')?;
    let query = &path[name.len()..];
    Some(format!("{scheme}://{authority}/{database}{query}"))
}

/// The URL with any password replaced, safe for logs.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return "<unparsable url>".to_owned();
    };
    let (authority, tail) = rest.split_once('/').unwrap_or((rest, ""));
    let authority = match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{user}:***@{host}"),
            None => format!("{userinfo}@{host}"),
        },
        None => authority.to_owned(),
    };
    format!("{scheme}://{authority}/{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Config::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn defaults_apply_when_nothing_is_set() {
        let c = config(&[]).unwrap();
        assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(c.database_read_url, None);
        assert_eq!(c.database_read_max_lag, Duration::from_secs(30));
        assert_eq!(c.bind_addr.to_string(), "127.0.0.1:8080");
        assert_eq!(c.db_connect_timeout, Duration::from_secs(5));
        assert_eq!(c.max_body_bytes, DEFAULT_MAX_BODY_BYTES);
        assert_eq!(c.cors_allowed_origins, CorsOrigins::None);
        assert_eq!(c.log_format, LogFormat::Pretty);
        assert_eq!(c.app_env, AppEnv::Dev);
        assert!(c.db_pool_size >= 2);
    }

    #[test]
    fn a_read_url_is_taken_as_given() {
        let url = "postgres://reader@replica:5433/budget_monitor?sslmode=require";
        let c = config(&[("DATABASE_READ_URL", url), ("DATABASE_READ_MAX_LAG", "5")]).unwrap();
        assert_eq!(c.database_read_url.as_deref(), Some(url));
        assert_eq!(c.database_read_max_lag, Duration::from_secs(5));
        assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
    }

    #[test]
    fn prod_logs_json_by_default() {
        let secret = "s".repeat(MIN_JWT_SECRET_BYTES);
        let c = config(&[("APP_ENV", "prod"), ("JWT_SECRET", &secret)]).unwrap();
        assert_eq!(c.log_format, LogFormat::Json);
    }

    #[test]
    fn each_bad_value_names_its_variable() {
        let cases = [
            ("APP_ENV", "staging"),
            ("DATABASE_URL", "mysql://localhost/db"),
            ("DATABASE_URL", "postgres://localhost"),
            ("DATABASE_READ_URL", "mysql://localhost/db"),
            ("DATABASE_READ_URL", "postgres://replica:5433"),
            ("DATABASE_READ_MAX_LAG", "0"),
            ("DATABASE_READ_MAX_LAG", "1m"),
            ("BIND_ADDR", "localhost"),
            ("DB_POOL_SIZE", "0"),
            ("DB_POOL_SIZE", "many"),
            ("DB_CONNECT_TIMEOUT", "0"),
            ("DB_CONNECT_TIMEOUT", "5s"),
            ("HTTP_WORKERS", "0"),
            ("HTTP_WORKERS", "all"),
            ("MAX_BODY_BYTES", "12"),
            ("CORS_ALLOWED_ORIGINS", "example.com"),
            ("CORS_ALLOWED_ORIGINS", "https://a.example/path"),
            ("LOG_FORMAT", "xml"),
            ("JWT_SECRET", "too-short"),
            ("JWT_KEYS", "k:too-short"),
            ("ACCESS_TOKEN_TTL", "1"),
            ("REFRESH_TOKEN_TTL", "forever"),
        ];
        for (var, value) in cases {
            let err = config(&[(var, value)]).expect_err(var);
            assert_eq!(err.variable, var, "{value}");
            assert!(err.to_string().starts_with(&format!("invalid {var}:")));
        }
    }

    #[test]
    fn prod_requires_a_signing_key_and_dev_makes_one() {
        let err = config(&[("APP_ENV", "prod")]).unwrap_err();
        assert_eq!(err.variable, "JWT_KEYS");
        assert!(err.message.contains("JWT_SECRET"), "{err}");
        let secret = "s".repeat(MIN_JWT_SECRET_BYTES);
        let c = config(&[("APP_ENV", "prod"), ("JWT_SECRET", &secret)]).unwrap();
        assert_eq!(
            c.auth.jwt_keys,
            [(DEFAULT_JWT_KEY_ID.to_owned(), secret.as_bytes().to_vec())]
        );
        assert!(!c.auth.jwt_keys_generated);
        let keys = format!("k1:{secret}");
        let c = config(&[("APP_ENV", "prod"), ("JWT_KEYS", &keys)]).unwrap();
        assert_eq!(c.auth.jwt_keys[0].0, "k1");
        let dev = config(&[]).unwrap();
        assert!(dev.auth.jwt_keys_generated);
        assert_eq!(dev.auth.jwt_keys.len(), 1);
        assert_eq!(dev.auth.jwt_keys[0].0, DEFAULT_JWT_KEY_ID);
        assert!(dev.auth.jwt_keys[0].1.len() >= MIN_JWT_SECRET_BYTES);
    }

    fn secret_of(c: char) -> String {
        c.to_string().repeat(MIN_JWT_SECRET_BYTES)
    }

    fn jwt_keys_error(raw: &str) -> ConfigError {
        let err = config(&[("JWT_KEYS", raw)]).expect_err(raw);
        assert_eq!(err.variable, "JWT_KEYS", "{err}");
        err
    }

    #[test]
    fn jwt_keys_keep_their_order_and_trim_whitespace() {
        let (a, b, c) = (secret_of('a'), secret_of('b'), secret_of('c'));
        let raw = format!(" new.2024-b:{b} ,\told_1:{a},  z:{c}\n");
        let keys = config(&[("JWT_KEYS", &raw)]).unwrap().auth.jwt_keys;
        assert_eq!(
            keys,
            [
                ("new.2024-b".to_owned(), b.into_bytes()),
                ("old_1".to_owned(), a.into_bytes()),
                ("z".to_owned(), c.into_bytes()),
            ]
        );
        // A secret may itself contain colons: only the first one separates the id.
        let colons = format!("k:{}:x", secret_of('d'));
        let keys = config(&[("JWT_KEYS", &colons)]).unwrap().auth.jwt_keys;
        assert_eq!(keys[0].1, format!("{}:x", secret_of('d')).into_bytes());
    }

    #[test]
    fn duplicate_jwt_key_ids_are_refused() {
        let err = jwt_keys_error(&format!("k1:{},k1:{}", secret_of('a'), secret_of('b')));
        assert!(err.message.contains("\"k1\""), "{err}");
        assert!(err.message.contains("more than once"), "{err}");
    }

    #[test]
    fn a_short_jwt_key_names_its_id_and_not_its_secret() {
        let short = "short-secret-value-17";
        let err = jwt_keys_error(&format!("good:{},weak:{short}", secret_of('a')));
        assert!(err.message.contains("\"weak\""), "{err}");
        assert!(!err.to_string().contains(short), "{err}");
        assert!(!err.to_string().contains(&secret_of('a')), "{err}");
    }

    #[test]
    fn malformed_jwt_keys_are_refused_without_quoting_them() {
        let secret = secret_of('q');
        let long_id = "i".repeat(MAX_JWT_KEY_ID_CHARS + 1);
        let ok_id = "i".repeat(MAX_JWT_KEY_ID_CHARS);
        assert!(config(&[("JWT_KEYS", &format!("{ok_id}:{secret}"))]).is_ok());
        for raw in [
            secret.clone(),
            format!(":{secret}"),
            format!("{long_id}:{secret}"),
            format!("bad id:{secret}"),
            format!("bad/id:{secret}"),
            format!("ключ:{secret}"),
            format!("a:{secret},,b:{secret}"),
            format!("a:{secret},"),
        ] {
            let err = jwt_keys_error(&raw);
            assert!(!err.to_string().contains(&secret), "{err}");
        }
    }

    #[test]
    fn jwt_keys_and_jwt_secret_together_are_refused() {
        let secret = secret_of('s');
        let err = config(&[
            ("JWT_KEYS", &format!("k:{secret}")),
            ("JWT_SECRET", &secret),
        ])
        .unwrap_err();
        assert!(err.to_string().contains("JWT_KEYS"), "{err}");
        assert!(err.to_string().contains("JWT_SECRET"), "{err}");
        assert!(!err.to_string().contains(&secret), "{err}");
    }

    #[test]
    fn debug_shows_key_ids_but_no_secret() {
        let (a, b) = (secret_of('a'), secret_of('b'));
        let c = config(&[("JWT_KEYS", &format!("new:{b},old:{a}"))]).unwrap();
        let shown = format!("{:?}", c.auth);
        assert!(
            shown.contains("\"new\"") && shown.contains("\"old\""),
            "{shown}"
        );
        assert!(!shown.contains(&a) && !shown.contains(&b), "{shown}");
        assert!(!format!("{c:?}").contains(&a));
    }

    #[test]
    fn origins_parse_as_list_or_any() {
        let c = config(&[(
            "CORS_ALLOWED_ORIGINS",
            "https://a.example, http://localhost:3000",
        )])
        .unwrap();
        assert_eq!(
            c.cors_allowed_origins,
            CorsOrigins::List(vec![
                "https://a.example".into(),
                "http://localhost:3000".into()
            ])
        );
        let c = config(&[("CORS_ALLOWED_ORIGINS", "*")]).unwrap();
        assert_eq!(c.cors_allowed_origins, CorsOrigins::Any);
    }

    #[test]
    fn url_helpers_keep_credentials_and_options() {
        let url = "postgres://u:secret@db:5433/budget?sslmode=disable";
        assert_eq!(database_name(url), Some("budget"));
        assert_eq!(
            with_database(url, "postgres").unwrap(),
            "postgres://u:secret@db:5433/postgres?sslmode=disable"
        );
        assert_eq!(
            redact_url(url),
            "postgres://u:***@db:5433/budget?sslmode=disable"
        );
        assert_eq!(database_name("postgres://db:5432/"), None);
    }
}
