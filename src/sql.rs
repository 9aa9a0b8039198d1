//! SQL functions used by several stores.

use diesel::pg::Pg;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::Text;
use diesel::{QueryResult, RunQueryDsl, define_sql_function};

define_sql_function! {
    /// PostgreSQL `lower(text)`, for case-insensitive matches backed by expression indexes.
    fn lower(x: Text) -> Text;
}

/// A query run as a cached prepared statement although diesel would not cache it: a boxed query,
/// whose SQL depends on which filters are set. Diesel's cache then keys it by its SQL text and
/// bind types, so each combination of filters is parsed and planned once per connection and
/// later runs send only the values.
///
/// Only for queries whose text takes a bounded number of forms: filters and sorts chosen from
/// fixed sets, values always bound, never written into the text (the cache is unbounded).
#[derive(Debug, Clone, Copy)]
pub struct Prepared<Q>(pub Q);

impl<Q: Query> Query for Prepared<Q> {
    type SqlType = Q::SqlType;
}

impl<Q: QueryFragment<Pg>> QueryFragment<Pg> for Prepared<Q> {
    fn walk_ast<'b>(&'b self, pass: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        self.0.walk_ast(pass)
    }

    // What makes it cacheable: boxed queries mark themselves unsafe to cache because their
    // text varies, but the cache keys such queries by their text.
    fn is_safe_to_cache_prepared(&self, _backend: &Pg) -> QueryResult<bool> {
        Ok(true)
    }
}

impl<Q> QueryId for Prepared<Q> {
    type QueryId = ();
    // No static id: the statement cache keys the query by its SQL text.
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q, Conn> RunQueryDsl<Conn> for Prepared<Q> {}
