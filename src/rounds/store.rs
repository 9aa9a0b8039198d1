use chrono::{DateTime, NaiveDate, Utc};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use crate::auth::ListScope;
use crate::error::AppError;
use crate::pagination::like_prefix;
use crate::schema::rounds;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = rounds)]
pub struct RoundRow {
    pub id: Uuid,
    pub region_id: Uuid,
    pub region_path: String,
    pub fiscal_year: i16,
    pub name: String,
    pub cutoff_date: NaiveDate,
    pub open_date: NaiveDate,
    pub due_date: NaiveDate,
    pub warning_days: i32,
    pub status: String,
    pub opened_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub fn find(conn: &mut PgConnection, id: Uuid) -> Result<Option<RoundRow>, AppError> {
    rounds::table
        .find(id)
        .select(RoundRow::as_select())
        .first(conn)
        .optional()
        .map_err(AppError::from)
}

pub fn find_many(conn: &mut PgConnection, ids: &[Uuid]) -> Result<Vec<RoundRow>, AppError> {
    rounds::table
        .filter(rounds::id.eq_any(ids))
        .select(RoundRow::as_select())
        .load(conn)
        .map_err(AppError::from)
}

/// The round, locked against concurrent opening or closing.
pub fn find_for_update(conn: &mut PgConnection, id: Uuid) -> Result<Option<RoundRow>, AppError> {
    rounds::table
        .find(id)
        .select(RoundRow::as_select())
        .for_update()
        .first(conn)
        .optional()
        .map_err(AppError::from)
}

pub struct NewRoundRow<'a> {
    pub region_id: Uuid,
    pub region_path: &'a str,
    pub fiscal_year: i16,
    pub name: &'a str,
    pub cutoff_date: NaiveDate,
    pub open_date: NaiveDate,
    pub due_date: NaiveDate,
    pub warning_days: i32,
}

pub fn insert(conn: &mut PgConnection, new: NewRoundRow<'_>) -> Result<RoundRow, AppError> {
    diesel::insert_into(rounds::table)
        .values((
            rounds::id.eq(Uuid::now_v7()),
            rounds::region_id.eq(new.region_id),
            rounds::region_path.eq(new.region_path),
            rounds::fiscal_year.eq(new.fiscal_year),
            rounds::name.eq(new.name.trim()),
            rounds::cutoff_date.eq(new.cutoff_date),
            rounds::open_date.eq(new.open_date),
            rounds::due_date.eq(new.due_date),
            rounds::warning_days.eq(new.warning_days),
        ))
        .returning(RoundRow::as_returning())
        .get_result(conn)
        .map_err(AppError::from)
}

pub fn set_status(conn: &mut PgConnection, id: Uuid, status: &str) -> Result<RoundRow, AppError> {
    let now = Utc::now();
    let q = diesel::update(rounds::table.find(id));
    let row = match status {
        "open" => q
            .set((
                rounds::status.eq(status),
                rounds::opened_at.eq(now),
                rounds::version.eq(rounds::version + 1),
                rounds::updated_at.eq(now),
            ))
            .returning(RoundRow::as_returning())
            .get_result(conn)?,
        _ => q
            .set((
                rounds::status.eq(status),
                rounds::closed_at.eq(now),
                rounds::version.eq(rounds::version + 1),
                rounds::updated_at.eq(now),
            ))
            .returning(RoundRow::as_returning())
            .get_result(conn)?,
    };
    Ok(row)
}

#[derive(Debug, Default)]
pub struct RoundFilter {
    pub fiscal_year: Option<i16>,
    pub status: Option<String>,
    pub region_path: Option<String>,
    pub level: Option<&'static str>,
}

/// Rounds of the caller's subtree and of the regions above it (which cover its projects);
/// newest first.
pub fn list(
    conn: &mut PgConnection,
    scope: &ListScope,
    filter: &RoundFilter,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<RoundRow>, AppError> {
    let mut q = rounds::table.select(RoundRow::as_select()).into_boxed();
    q = match scope {
        ListScope::All => q,
        ListScope::RegionSubtree(path) => q.filter(
            rounds::region_path
                .like(like_prefix(path))
                .or(rounds::region_path.eq_any(scope.ancestor_paths())),
        ),
        ListScope::Department { .. } => {
            q.filter(rounds::region_path.eq_any(scope.ancestor_paths()))
        }
    };
    if let Some(y) = filter.fiscal_year {
        q = q.filter(rounds::fiscal_year.eq(y));
    }
    if let Some(s) = &filter.status {
        q = q.filter(rounds::status.eq(s.clone()));
    }
    if let Some(path) = &filter.region_path {
        q = q.filter(rounds::region_path.like(like_prefix(path)));
    }
    if let Some(level) = filter.level {
        q = q.filter(
            rounds::region_id.eq_any(
                crate::schema::regions::table
                    .filter(crate::schema::regions::level.eq(level))
                    .select(crate::schema::regions::id),
            ),
        );
    }
    if let Some(after) = after {
        q = q.filter(rounds::id.lt(after));
    }
    q.order(rounds::id.desc())
        .limit(limit + 1)
        .load(conn)
        .map_err(AppError::from)
}
