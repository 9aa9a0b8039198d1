//! `budget-monitor verify-rollups [--repair]`: recomputes every summary row from the raw rows
//! and reports (and repairs) the departments whose stored figures differ, so an operator can
//! trust the statistics after a restore or a manual SQL fix.

use diesel::Connection;
use diesel::pg::PgConnection;

use crate::error::AppError;
use crate::stats::store::{self, RollupDifference};

pub struct Verification {
    /// (department, year) pairs checked.
    pub checked: i64,
    pub differences: Vec<RollupDifference>,
    pub repaired: bool,
}

/// Compares in one consistent snapshot (a writer's rollups commit with its raw rows, so a
/// snapshot never sees one without the other); with `repair`, rewrites each differing
/// department's year in its own transaction.
pub fn verify(conn: &mut PgConnection, repair: bool) -> Result<Verification, AppError> {
    let (checked, differences) =
        conn.build_transaction()
            .repeatable_read()
            .read_only()
            .run(|conn| {
                Ok::<_, AppError>((store::rollup_keys(conn)?, store::rollup_differences(conn)?))
            })?;
    if repair {
        for d in &differences {
            conn.transaction(|conn| store::repair_rollup(conn, d.department_id, d.fiscal_year))?;
        }
    }
    Ok(Verification {
        checked,
        repaired: repair && !differences.is_empty(),
        differences,
    })
}
