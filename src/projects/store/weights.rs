//! A project's indicator weights as a column of the statement that reads the project.

use std::str::FromStr;

use bigdecimal::BigDecimal;
use diesel::QueryResult;
use diesel::expression::is_aggregate;
use diesel::expression::{AppearsOnTable, Expression, SelectableExpression, ValidGrouping};
use diesel::pg::Pg;
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::sql_types::{Array, Text};

use super::Weights;
use crate::domain::indicators::Level1;

/// The project's indicators as `level1:weight` texts (a correlated subquery on
/// `indicators_project_idx`), so a project and a page of them each cost one statement and one
/// round trip. A type of its own rather than `dsl::sql`: diesel never keeps a statement with a
/// raw SQL literal prepared, and re-planning the project GET every time cost more than the round
/// trip it saves.
#[derive(Debug, Clone, Copy, QueryId)]
pub struct WeightsColumn;

impl Expression for WeightsColumn {
    type SqlType = Array<Text>;
}

impl QueryFragment<Pg> for WeightsColumn {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql(
            "ARRAY(SELECT i.level1 || ':' || i.weight FROM indicators i \
             WHERE i.project_id = \"projects\".\"id\" AND i.retired_in_version IS NULL)",
        );
        Ok(())
    }
}

// It names `projects.id`: it belongs only in statements whose FROM has `projects`, which is how
// the two readers in `store` use it.
impl<QS> AppearsOnTable<QS> for WeightsColumn {}
impl<QS> SelectableExpression<QS> for WeightsColumn {}

impl ValidGrouping<()> for WeightsColumn {
    type IsAggregate = is_aggregate::Never;
}

/// The weights `WeightsColumn` read; an entry whose level 1 the service does not know is left
/// out, as `store::indicator_weights` leaves it out.
pub fn parse(entries: &[String]) -> Weights {
    entries
        .iter()
        .filter_map(|entry| {
            let (level1, weight) = entry.split_once(':')?;
            Some((Level1::parse(level1)?, BigDecimal::from_str(weight).ok()?))
        })
        .collect()
}
