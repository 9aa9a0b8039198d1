//! One way to answer a list, whatever the resource: a JSON page (`limit`, `cursor`,
//! `{items, next_cursor}`) or, where the list offers exports, every matching row as CSV or XLSX
//! read with the same fetch, filters and scope. A handler parses its filters, then hands
//! [`Listing::respond`] a `fetch(conn, after, limit)` that loads up to `limit + 1` items in the
//! list's order after the keyset position `after`, and a `key_of` that gives an item's keyset
//! position. Unknown query parameters never reach a handler (`http::query_guard`).

use actix_web::{HttpRequest, HttpResponse};
use diesel::pg::PgConnection;
use serde::Serialize;
use uuid::Uuid;

use crate::db::Db;
use crate::error::AppError;
use crate::export::{self, Cell, Column, Format};
use crate::pagination::{self, Page, decode_cursor, page};
use crate::regions::store as regions;

/// What a list request asked for beyond its filters.
pub struct Listing {
    format: Format,
    limit: i64,
    after: Option<(String, Uuid)>,
    sort_label: String,
}

/// How a list offers itself as a file.
pub struct Export<C> {
    /// File name without extension.
    pub filename: String,
    pub columns: &'static [Column],
    pub cells: C,
}

impl Listing {
    /// Reads `format` (`Format::of`), `limit` and `cursor` (bound to `sort_label`): 400 for a bad
    /// value of any of them.
    pub fn of(
        req: &HttpRequest,
        limit: Option<i64>,
        cursor: Option<&str>,
        sort_label: &str,
    ) -> Result<Listing, AppError> {
        Ok(Listing {
            format: Format::of(req)?,
            limit: pagination::limit(limit)?,
            after: decode_cursor(cursor, sort_label)?.map(|a| (a.key, a.id)),
            sort_label: sort_label.to_owned(),
        })
    }

    /// Where the previous page ended, for handlers that turn it into a typed key first.
    pub fn after(&self) -> Option<&(String, Uuid)> {
        self.after.as_ref()
    }

    /// The page as JSON, or everything as a file when `export` is given and the request asked
    /// for CSV or XLSX. A list without exports answers JSON whatever `Accept` says.
    pub async fn respond<T, F, K, C>(
        self,
        db: &Db,
        export: Option<Export<C>>,
        mut fetch: F,
        key_of: K,
    ) -> Result<HttpResponse, AppError>
    where
        T: Serialize + Send + 'static,
        F: FnMut(&mut PgConnection, Option<(String, Uuid)>, i64) -> Result<Vec<T>, AppError>
            + Send
            + 'static,
        K: Fn(&T) -> (String, Uuid) + Send + 'static,
        C: Fn(&T) -> Vec<Cell> + Send + 'static,
    {
        if let Some(budget) = crate::db::budget::current() {
            budget.plan_each_time();
        }
        if let Some(export) = export
            && self.format != Format::Json
        {
            return export::paged(
                db,
                self.format,
                &export.filename,
                export.columns,
                fetch,
                key_of,
                export.cells,
            )
            .await;
        }
        let Listing {
            limit,
            after,
            sort_label,
            ..
        } = self;
        let page: Page<T> = db
            .run(move |conn| {
                let rows = fetch(conn, after, limit)?;
                Ok(page(rows, limit, &sort_label, key_of, |t| t))
            })
            .await?;
        Ok(HttpResponse::Ok().json(page))
    }
}

impl Listing {
    /// `respond` for a list that offers no file.
    pub async fn respond_json<T, F, K>(
        self,
        db: &Db,
        fetch: F,
        key_of: K,
    ) -> Result<HttpResponse, AppError>
    where
        T: Serialize + Send + 'static,
        F: FnMut(&mut PgConnection, Option<(String, Uuid)>, i64) -> Result<Vec<T>, AppError>
            + Send
            + 'static,
        K: Fn(&T) -> (String, Uuid) + Send + 'static,
    {
        self.respond(db, None::<Export<fn(&T) -> Vec<Cell>>>, fetch, key_of)
            .await
    }
}

/// A list's `region` filter: the region with this code and every region below it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegionFilter {
    /// No `region` given.
    Any,
    /// The materialized path of the region asked for.
    Subtree(String),
    /// No region has the code: nothing matches (an empty list, not an error, as for any
    /// filter value that matches nothing).
    Unknown,
}

impl RegionFilter {
    pub fn resolve(conn: &mut PgConnection, code: Option<&str>) -> Result<RegionFilter, AppError> {
        let Some(code) = code else {
            return Ok(RegionFilter::Any);
        };
        Ok(match regions::find_by_code(conn, code)? {
            Some(region) => RegionFilter::Subtree(region.path),
            None => RegionFilter::Unknown,
        })
    }

    /// `None` when nothing can match; otherwise the path to filter by, if any.
    pub fn path(self) -> Option<Option<String>> {
        match self {
            RegionFilter::Any => Some(None),
            RegionFilter::Subtree(path) => Some(Some(path)),
            RegionFilter::Unknown => None,
        }
    }
}
