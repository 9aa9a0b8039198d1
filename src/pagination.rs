//! Cursor pagination: `?limit=` and an opaque `cursor`; responses are `{items, next_cursor}`.
//!
//! The cursor carries the sort field, the last row's sort key and id, so the next page continues
//! after that row with an index range scan (keyset pagination) however deep the client pages.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::AppError;

pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 500;

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; null on the last page.
    pub next_cursor: Option<String>,
}

pub fn limit(requested: Option<i64>) -> Result<i64, AppError> {
    match requested {
        None => Ok(DEFAULT_LIMIT),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        Some(n) => Err(AppError::BadRequest(format!(
            "Invalid query parameters: limit must be from 1 to {MAX_LIMIT}, got {n}"
        ))),
    }
}

/// A sort order from `sort=field` or `sort=-field`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sort<F> {
    pub field: F,
    pub descending: bool,
    /// The normalized `sort` value; cursors are bound to it.
    pub label: String,
}

/// Parses `sort` against the allowed fields (name → field); `default` when absent.
pub fn sort<F: Copy + PartialEq>(
    requested: Option<&str>,
    allowed: &[(&str, F)],
    default: F,
) -> Result<Sort<F>, AppError> {
    let Some(raw) = requested.filter(|s| !s.is_empty()) else {
        let label = allowed
            .iter()
            .find(|(_, f)| same(*f, default))
            .map_or("", |(n, _)| *n)
            .to_owned();
        return Ok(Sort {
            field: default,
            descending: false,
            label,
        });
    };
    let (descending, name) = match raw.strip_prefix('-') {
        Some(name) => (true, name),
        None => (false, raw),
    };
    allowed
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, field)| Sort {
            field: *field,
            descending,
            label: raw.to_owned(),
        })
        .ok_or_else(|| {
            let names: Vec<_> = allowed.iter().map(|(n, _)| *n).collect();
            AppError::BadRequest(format!(
                "Invalid query parameters: sort must be one of {} (prefix - for descending), got {raw:?}",
                names.join(", ")
            ))
        })
}

fn same<F: PartialEq>(a: F, b: F) -> bool {
    a == b
}

#[derive(Debug, Serialize, Deserialize)]
struct CursorData {
    /// The sort this cursor was made for, e.g. "-name".
    s: String,
    k: String,
    i: Uuid,
}

/// Where the previous page ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct After {
    pub key: String,
    pub id: Uuid,
}

pub fn encode_cursor(sort_label: &str, key: &str, id: Uuid) -> String {
    let data = CursorData {
        s: sort_label.to_owned(),
        k: key.to_owned(),
        i: id,
    };
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(&data).expect("cursor serializes"))
}

/// Decodes a cursor made for the same sort; a cursor from another sort or tampered with is 400.
pub fn decode_cursor(cursor: Option<&str>, sort_label: &str) -> Result<Option<After>, AppError> {
    let Some(raw) = cursor.filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    let bad = || {
        AppError::BadRequest(
            "Invalid query parameters: cursor is not one this list returned for this sort"
                .to_owned(),
        )
    };
    let bytes = URL_SAFE_NO_PAD.decode(raw).map_err(|_| bad())?;
    let data: CursorData = serde_json::from_slice(&bytes).map_err(|_| bad())?;
    if data.s != sort_label {
        return Err(bad());
    }
    Ok(Some(After {
        key: data.k,
        id: data.i,
    }))
}

/// Builds a page from `limit + 1` fetched rows: the extra row only says another page exists.
pub fn page<R, T>(
    mut rows: Vec<R>,
    limit: i64,
    sort_label: &str,
    key_of: impl Fn(&R) -> (String, Uuid),
    to_item: impl Fn(R) -> T,
) -> Page<T> {
    let limit = usize::try_from(limit).unwrap_or(0);
    let next_cursor = if rows.len() > limit {
        rows.truncate(limit);
        rows.last().map(|r| {
            let (key, id) = key_of(r);
            encode_cursor(sort_label, &key, id)
        })
    } else {
        None
    };
    Page {
        items: rows.into_iter().map(to_item).collect(),
        next_cursor,
    }
}

/// A LIKE pattern matching strings that start with `prefix`, with LIKE's wildcards escaped
/// (department codes may contain `_`).
pub fn like_prefix(prefix: &str) -> String {
    let mut pattern = String::with_capacity(prefix.len() + 1);
    for ch in prefix.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(ch);
    }
    pattern.push('%');
    pattern
}

/// A LIKE pattern for a case-insensitive substring search.
pub fn like_contains(text: &str) -> String {
    let inner = like_prefix(text);
    format!("%{inner}")
}

/// Applies a keyset condition and order on a boxed diesel query; `$after` is an optional
/// `(key, id)` of the last row of the previous page, the key typed like the column.
#[macro_export]
macro_rules! keyset {
    ($query:expr, $key:expr, $id:expr, $sort_desc:expr, $after:expr) => {{
        use diesel::prelude::*;
        let mut q = $query;
        if let Some((key, id)) = $after {
            // The redundant bound on the key alone lets an index on (key, id) start at the
            // position instead of filtering every row before it.
            q = if $sort_desc {
                q.filter($key.le(key.clone()))
                    .filter($key.lt(key.clone()).or($key.eq(key).and($id.lt(id))))
            } else {
                q.filter($key.ge(key.clone()))
                    .filter($key.gt(key.clone()).or($key.eq(key).and($id.gt(id))))
            };
        }
        if $sort_desc {
            q.order(($key.desc(), $id.desc()))
        } else {
            q.order(($key.asc(), $id.asc()))
        }
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_round_trips_only_for_its_sort() {
        let id = Uuid::now_v7();
        let c = encode_cursor("-name", "Jinan", id);
        let after = decode_cursor(Some(&c), "-name").unwrap().unwrap();
        assert_eq!(after.key, "Jinan");
        assert_eq!(after.id, id);
        assert!(decode_cursor(Some(&c), "name").is_err());
        assert!(decode_cursor(Some("garbage!"), "name").is_err());
        assert!(decode_cursor(None, "name").unwrap().is_none());
    }

    #[test]
    fn limit_and_sort_are_checked() {
        assert_eq!(limit(None).unwrap(), 50);
        assert_eq!(limit(Some(500)).unwrap(), 500);
        assert!(limit(Some(0)).is_err());
        assert!(limit(Some(501)).is_err());
        let allowed = [("code", 1), ("name", 2)];
        let s = sort(Some("-name"), &allowed, 1).unwrap();
        assert_eq!((s.field, s.descending), (2, true));
        assert!(sort(Some("budget"), &allowed, 1).is_err());
    }

    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(like_prefix("KJ_T/"), "KJ\\_T/%");
        assert_eq!(like_contains("50%"), "%50\\%%");
    }

    #[test]
    fn page_sets_a_cursor_only_when_more_rows_exist() {
        let ids: Vec<Uuid> = (0..3).map(|_| Uuid::now_v7()).collect();
        let rows: Vec<(String, Uuid)> = ids.iter().map(|i| (i.to_string(), *i)).collect();
        let p = page(rows.clone(), 2, "code", |r| r.clone(), |r| r.0);
        assert_eq!(p.items.len(), 2);
        assert!(p.next_cursor.is_some());
        let p = page(rows, 3, "code", |r| r.clone(), |r| r.0);
        assert!(p.next_cursor.is_none());
    }
}
