use chrono::{DateTime, Utc};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use crate::auth::ListScope;
use crate::error::AppError;
use crate::keyset;
use crate::pagination::{After, like_contains, like_prefix};
use crate::schema::regions;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = regions)]
pub struct RegionRow {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub level: String,
    pub parent_id: Option<Uuid>,
    pub path: String,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionSort {
    Code,
    Name,
}

#[derive(Debug, Default)]
pub struct RegionFilter {
    pub parent_id: Option<Uuid>,
    pub level: Option<&'static str>,
    pub region_path: Option<String>,
    pub q: Option<String>,
}

pub fn find_by_code(conn: &mut PgConnection, code: &str) -> Result<Option<RegionRow>, AppError> {
    regions::table
        .filter(regions::code.eq(code))
        .select(RegionRow::as_select())
        .first(conn)
        .optional()
        .map_err(AppError::from)
}

/// The regions with these codes (one query for a whole batch).
pub fn find_by_codes(conn: &mut PgConnection, codes: &[&str]) -> Result<Vec<RegionRow>, AppError> {
    regions::table
        .filter(regions::code.eq_any(codes))
        .select(RegionRow::as_select())
        .load(conn)
        .map_err(AppError::from)
}

/// The regions directly under `parent_id`, by code.
pub fn children_of(conn: &mut PgConnection, parent_id: Uuid) -> Result<Vec<RegionRow>, AppError> {
    regions::table
        .filter(regions::parent_id.eq(parent_id))
        .order(regions::code.asc())
        .select(RegionRow::as_select())
        .load(conn)
        .map_err(AppError::from)
}

pub struct NewRegionRow<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub level: &'static str,
    pub parent_id: Option<Uuid>,
    pub path: &'a str,
}

pub fn insert(conn: &mut PgConnection, new: NewRegionRow<'_>) -> Result<RegionRow, AppError> {
    diesel::insert_into(regions::table)
        .values((
            regions::id.eq(Uuid::now_v7()),
            regions::code.eq(new.code),
            regions::name.eq(new.name.trim()),
            regions::level.eq(new.level),
            regions::parent_id.eq(new.parent_id),
            regions::path.eq(new.path),
        ))
        .returning(RegionRow::as_returning())
        .get_result(conn)
        .map_err(AppError::from)
}

/// Renames the region if it is still at `expected_version`; `None` when it moved on.
pub fn rename(
    conn: &mut PgConnection,
    id: Uuid,
    expected_version: i32,
    name: Option<&str>,
) -> Result<Option<RegionRow>, AppError> {
    let target = regions::table
        .filter(regions::id.eq(id))
        .filter(regions::version.eq(expected_version));
    let row = match name {
        Some(name) => diesel::update(target)
            .set((
                regions::name.eq(name.trim()),
                regions::version.eq(regions::version + 1),
                regions::updated_at.eq(Utc::now()),
            ))
            .returning(RegionRow::as_returning())
            .get_result(conn)
            .optional()?,
        None => target
            .select(RegionRow::as_select())
            .first(conn)
            .optional()?,
    };
    Ok(row)
}

pub fn delete(conn: &mut PgConnection, id: Uuid) -> Result<(), AppError> {
    diesel::delete(regions::table.find(id)).execute(conn)?;
    Ok(())
}

pub fn list(
    conn: &mut PgConnection,
    scope: &ListScope,
    filter: &RegionFilter,
    sort: RegionSort,
    descending: bool,
    after: Option<After>,
    limit: i64,
) -> Result<Vec<RegionRow>, AppError> {
    let mut q = regions::table.select(RegionRow::as_select()).into_boxed();
    q = match scope {
        ListScope::All => q,
        ListScope::RegionSubtree(path) => q.filter(regions::path.like(like_prefix(path))),
        ListScope::Department { region_path, .. } => {
            q.filter(regions::path.eq(region_path.clone()))
        }
    };
    if let Some(parent) = filter.parent_id {
        q = q.filter(regions::parent_id.eq(parent));
    }
    if let Some(level) = filter.level {
        q = q.filter(regions::level.eq(level));
    }
    if let Some(path) = &filter.region_path {
        q = q.filter(regions::path.like(like_prefix(path)));
    }
    if let Some(text) = &filter.q {
        q = q.filter(
            regions::code
                .like(like_prefix(text))
                .or(regions::name.ilike(like_contains(text))),
        );
    }
    let q = match sort {
        RegionSort::Code => keyset!(
            q,
            regions::code,
            regions::id,
            descending,
            after.map(|a| (a.key, a.id))
        ),
        RegionSort::Name => keyset!(
            q,
            regions::name,
            regions::id,
            descending,
            after.map(|a| (a.key, a.id))
        ),
    };
    q.limit(limit + 1).load(conn).map_err(AppError::from)
}
