use chrono::{DateTime, Utc};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use crate::auth::{ListScope, Place};
use crate::error::AppError;
use crate::keyset;
use crate::pagination::{After, like_contains, like_prefix};
use crate::schema::{departments, regions};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = departments)]
pub struct DepartmentRow {
    pub id: Uuid,
    pub region_id: Uuid,
    pub region_path: String,
    pub code: String,
    pub name: String,
    pub parent_id: Option<Uuid>,
    pub path: String,
    pub classified: bool,
    pub active: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl DepartmentRow {
    pub fn place(&self) -> Place<'_> {
        Place {
            region_path: &self.region_path,
            department: Some((self.region_id, &self.path)),
            classified: self.classified,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DepartmentSort {
    Code,
    Name,
}

#[derive(Debug, Default)]
pub struct DepartmentFilter {
    pub region_path: Option<String>,
    pub level: Option<&'static str>,
    pub parent_id: Option<Uuid>,
    pub active: Option<bool>,
    pub q: Option<String>,
}

pub fn find(conn: &mut PgConnection, id: Uuid) -> Result<Option<DepartmentRow>, AppError> {
    departments::table
        .find(id)
        .select(DepartmentRow::as_select())
        .first(conn)
        .optional()
        .map_err(AppError::from)
}

/// Whether the department is classified now (false for one that does not exist).
pub fn classified_now(conn: &mut PgConnection, department_id: Uuid) -> Result<bool, AppError> {
    diesel::select(crate::auth::scope::department_is_classified(department_id))
        .get_result(conn)
        .map_err(AppError::from)
}

pub fn find_by_code(
    conn: &mut PgConnection,
    region_id: Uuid,
    code: &str,
) -> Result<Option<DepartmentRow>, AppError> {
    departments::table
        .filter(departments::region_id.eq(region_id))
        .filter(departments::code.eq(code))
        .select(DepartmentRow::as_select())
        .first(conn)
        .optional()
        .map_err(AppError::from)
}

/// The departments with one of these codes in one of these regions (one query for a whole
/// batch; the caller picks the (region, code) pairs it asked for).
pub fn find_by_codes(
    conn: &mut PgConnection,
    region_ids: &[Uuid],
    codes: &[&str],
) -> Result<Vec<DepartmentRow>, AppError> {
    departments::table
        .filter(departments::region_id.eq_any(region_ids))
        .filter(departments::code.eq_any(codes))
        .select(DepartmentRow::as_select())
        .load(conn)
        .map_err(AppError::from)
}

pub struct NewDepartmentRow<'a> {
    pub region_id: Uuid,
    pub region_path: &'a str,
    pub code: &'a str,
    pub name: &'a str,
    pub parent_id: Option<Uuid>,
    pub path: &'a str,
    pub classified: bool,
    pub active: bool,
}

pub fn insert(
    conn: &mut PgConnection,
    new: NewDepartmentRow<'_>,
) -> Result<DepartmentRow, AppError> {
    diesel::insert_into(departments::table)
        .values((
            departments::id.eq(Uuid::now_v7()),
            departments::region_id.eq(new.region_id),
            departments::region_path.eq(new.region_path),
            departments::code.eq(new.code),
            departments::name.eq(new.name.trim()),
            departments::parent_id.eq(new.parent_id),
            departments::path.eq(new.path),
            departments::classified.eq(new.classified),
            departments::active.eq(new.active),
        ))
        .returning(DepartmentRow::as_returning())
        .get_result(conn)
        .map_err(AppError::from)
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = departments)]
pub struct DepartmentChangeset {
    pub name: Option<String>,
    pub classified: Option<bool>,
    pub active: Option<bool>,
}

/// Applies the changes if the row is still at `expected_version`; `None` when it moved on.
pub fn update(
    conn: &mut PgConnection,
    id: Uuid,
    expected_version: i32,
    changes: DepartmentChangeset,
) -> Result<Option<DepartmentRow>, AppError> {
    let target = departments::table
        .filter(departments::id.eq(id))
        .filter(departments::version.eq(expected_version));
    diesel::update(target)
        .set((
            changes,
            departments::version.eq(departments::version + 1),
            departments::updated_at.eq(Utc::now()),
        ))
        .returning(DepartmentRow::as_returning())
        .get_result(conn)
        .optional()
        .map_err(AppError::from)
}

/// Marks every unit below `row` classified, as the department itself now is.
pub fn classify_units(conn: &mut PgConnection, row: &DepartmentRow) -> Result<usize, AppError> {
    diesel::update(
        departments::table
            .filter(departments::region_id.eq(row.region_id))
            .filter(departments::path.like(like_prefix(&row.path)))
            .filter(departments::id.ne(row.id))
            .filter(departments::classified.eq(false)),
    )
    .set((
        departments::classified.eq(true),
        departments::version.eq(departments::version + 1),
        departments::updated_at.eq(Utc::now()),
    ))
    .execute(conn)
    .map_err(AppError::from)
}

pub fn delete(conn: &mut PgConnection, id: Uuid) -> Result<(), AppError> {
    diesel::delete(departments::table.find(id)).execute(conn)?;
    Ok(())
}

pub fn code_taken(conn: &mut PgConnection, region_id: Uuid, code: &str) -> Result<bool, AppError> {
    diesel::select(diesel::dsl::exists(
        departments::table
            .filter(departments::region_id.eq(region_id))
            .filter(departments::code.eq(code)),
    ))
    .get_result(conn)
    .map_err(AppError::from)
}

pub fn list(
    conn: &mut PgConnection,
    scope: &ListScope,
    filter: &DepartmentFilter,
    sort: DepartmentSort,
    descending: bool,
    after: Option<After>,
    limit: i64,
) -> Result<Vec<DepartmentRow>, AppError> {
    let mut q = departments::table
        .select(DepartmentRow::as_select())
        .into_boxed();
    q = match scope {
        ListScope::All => q,
        ListScope::RegionSubtree(path) => q
            .filter(departments::region_path.like(like_prefix(path)))
            .filter(departments::classified.eq(false)),
        ListScope::Department {
            region_id, path, ..
        } => q
            .filter(departments::region_id.eq(*region_id))
            .filter(departments::path.like(like_prefix(path))),
    };
    if let Some(path) = &filter.region_path {
        q = q.filter(departments::region_path.like(like_prefix(path)));
    }
    if let Some(level) = filter.level {
        q = q.filter(
            departments::region_id.eq_any(
                regions::table
                    .filter(regions::level.eq(level))
                    .select(regions::id),
            ),
        );
    }
    if let Some(parent) = filter.parent_id {
        q = q.filter(departments::parent_id.eq(parent));
    }
    if let Some(active) = filter.active {
        q = q.filter(departments::active.eq(active));
    }
    if let Some(text) = &filter.q {
        q = q.filter(
            departments::code
                .ilike(like_prefix(text))
                .or(departments::name.ilike(like_contains(text))),
        );
    }
    let q = match sort {
        DepartmentSort::Code => keyset!(
            q,
            departments::code,
            departments::id,
            descending,
            after.map(|a| (a.key, a.id))
        ),
        DepartmentSort::Name => keyset!(
            q,
            departments::name,
            departments::id,
            descending,
            after.map(|a| (a.key, a.id))
        ),
    };
    q.limit(limit + 1).load(conn).map_err(AppError::from)
}
