//! SQL functions used by several stores.

use diesel::define_sql_function;
use diesel::sql_types::Text;

define_sql_function! {
    /// PostgreSQL `lower(text)`, for case-insensitive matches backed by expression indexes.
    fn lower(x: Text) -> Text;
}
