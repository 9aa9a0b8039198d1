//! Key monitoring (重点监控): inspections of selected projects, findings, opinions and
//! suggestions, rectification within deadlines, and fund adjustments (results application).

pub mod adjustments;
pub mod dto;
pub mod history;
pub mod inspections;
pub mod policies;
pub mod rectifications;
pub mod store;

use diesel::pg::PgConnection;

use crate::auth::scope::not_found;
use crate::auth::{Action, Caller};
use crate::error::AppError;
use store::ProjectRecord;

/// A record the caller may do `action` on: 403 when the role may never, 404 when it is missing
/// or out of scope, judged by its project's current classified flags.
pub fn authorized<R: ProjectRecord>(
    conn: &mut PgConnection,
    caller: &Caller,
    action: Action,
    found: Option<R>,
) -> Result<R, AppError> {
    caller.require(action)?;
    let row = found.ok_or_else(not_found)?;
    let hidden = crate::projects::store::secret_related(conn, row.project_id())?;
    caller.authorize(action, &row.place(hidden))?;
    Ok(row)
}
