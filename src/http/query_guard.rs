//! Refuses query parameters an operation does not document: a misspelt or retired filter
//! answers 400 naming it, instead of being ignored and returning more than the client asked for.
//! The parameters of each operation are read from the OpenAPI document, so what is accepted can
//! never drift from what is documented, and an operation added later is covered without a line
//! of its own.
//!
//! It also refuses, on every path, a URI longer than `MAX_URI_BYTES` (414): no operation needs
//! one, and without a limit of our own the answer would depend on where actix-http happens to
//! give up (`http::edge` covers what it refuses before any middleware runs).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{HttpResponse, ResponseError};

use crate::error::AppError;

/// (path template, lower-case method) → the names of its query parameters.
static QUERY_PARAMETERS: LazyLock<HashMap<(String, String), Vec<String>>> = LazyLock::new(|| {
    let doc = serde_json::to_value(crate::openapi::document()).unwrap_or_default();
    let mut out = HashMap::new();
    let Some(paths) = doc["paths"].as_object() else {
        return out;
    };
    for (path, item) in paths {
        let Some(ops) = item.as_object() else {
            continue;
        };
        for (method, op) in ops {
            let names = op["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|p| p["in"] == "query")
                .filter_map(|p| p["name"].as_str().map(str::to_owned))
                .collect();
            out.insert((path.clone(), method.clone()), names);
        }
    }
    out
});

/// The longest path and query accepted; well above what any list filter or cursor needs.
pub const MAX_URI_BYTES: usize = 16 * 1024;

/// The 414 for a request target longer than `MAX_URI_BYTES`.
pub fn uri_too_long() -> AppError {
    AppError::UriTooLong(format!(
        "The request URI is longer than {MAX_URI_BYTES} bytes; send long filters in fewer, \
         shorter parameters."
    ))
}

/// Parameters that were renamed, with what to send instead.
const RENAMED: &[(&str, &str)] = &[("within", "region")];

/// `application/x-www-form-urlencoded` decoding of one name or value; `None` when the bytes it
/// stands for are not UTF-8 (a lossy decoding would search for text nobody sent).
fn decode(part: &str) -> Option<String> {
    let hex = |b: Option<&u8>| b.and_then(|b| (*b as char).to_digit(16));
    let bytes = part.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
                (Some(high), Some(low)) => {
                    out.push(u8::try_from(high * 16 + low).ok()?);
                    i += 2;
                }
                // A `%` not followed by two hex digits stands for itself.
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// The problem for a query string `allowed` does not cover, if any.
fn check(query: &str, allowed: &[String]) -> Option<AppError> {
    let mut names = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        match (decode(name), decode(value)) {
            (Some(name), Some(_)) => names.push(name),
            _ => {
                return Some(AppError::BadRequest(
                    "Invalid query parameters: the query string is not UTF-8 once decoded."
                        .to_owned(),
                ));
            }
        }
    }
    let mut seen = HashSet::new();
    let unknown: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .filter(|name| !allowed.iter().any(|a| a == name))
        .filter(|name| seen.insert(*name))
        .collect();
    if unknown.is_empty() {
        return None;
    }
    let named: Vec<String> = unknown
        .iter()
        .map(|name| match RENAMED.iter().find(|(old, _)| old == name) {
            Some((_, new)) => format!("`{name}` (now `{new}`)"),
            None => format!("`{name}`"),
        })
        .collect();
    let takes = if allowed.is_empty() {
        "this operation takes no query parameters".to_owned()
    } else {
        format!("this operation takes {}", allowed.join(", "))
    };
    Some(AppError::BadRequest(format!(
        "Invalid query parameters: unknown {} {}; {takes}.",
        if unknown.len() == 1 {
            "parameter"
        } else {
            "parameters"
        },
        named.join(", ")
    )))
}

pub async fn query_guard(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let uri_len = req.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    // The pattern comes from the app's resource map, known before routing; only API operations
    // are checked (probes and the docs UI take what they take).
    let refused = if uri_len > MAX_URI_BYTES {
        Some(uri_too_long())
    } else {
        req.match_pattern()
            .filter(|pattern| pattern.starts_with("/api/"))
            .and_then(|pattern| {
                let key = (pattern, req.method().as_str().to_ascii_lowercase());
                QUERY_PARAMETERS.get(&key)
            })
            .and_then(|allowed| check(req.query_string(), allowed))
    };
    match refused {
        Some(problem) => {
            let res: HttpResponse = problem.error_response();
            Ok(req.into_response(res).map_into_right_body())
        }
        None => Ok(next.call(req).await?.map_into_left_body()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn documented_parameters_pass() {
        let list = allowed(&["region", "limit", "cursor"]);
        assert!(check("", &list).is_none());
        assert!(check("region=370100&limit=5", &list).is_none());
    }

    #[test]
    fn an_unknown_parameter_is_named_once_with_what_is_taken() {
        let list = allowed(&["region", "limit"]);
        let Some(AppError::BadRequest(detail)) = check("regoin=1&regoin=2&limit=3", &list) else {
            panic!("expected a bad request");
        };
        assert!(detail.contains("`regoin`"), "{detail}");
        assert_eq!(detail.matches("regoin").count(), 1, "{detail}");
        assert!(detail.contains("takes region, limit"), "{detail}");
    }

    #[test]
    fn a_renamed_parameter_says_what_to_send() {
        let Some(AppError::BadRequest(detail)) = check("within=370100", &allowed(&["region"]))
        else {
            panic!("expected a bad request");
        };
        assert!(detail.contains("`within` (now `region`)"), "{detail}");
    }

    #[test]
    fn an_operation_without_parameters_takes_none() {
        let Some(AppError::BadRequest(detail)) = check("x=1", &[]) else {
            panic!("expected a bad request");
        };
        assert!(detail.contains("takes no query parameters"), "{detail}");
    }

    #[test]
    fn names_are_decoded_as_forms_encode_them() {
        assert_eq!(decode("due%5Fwithin").as_deref(), Some("due_within"));
        assert_eq!(decode("a+b%2").as_deref(), Some("a b%2"));
        assert_eq!(decode("%E6%B5%8E").as_deref(), Some("济"));
        assert!(check("due%5Fwithin=3", &allowed(&["due_within"])).is_none());
    }

    #[test]
    fn a_query_string_that_is_not_utf8_is_refused() {
        assert!(matches!(
            check("q=%ff%fe", &allowed(&["q"])),
            Some(AppError::BadRequest(_))
        ));
    }
}
