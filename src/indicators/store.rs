use bigdecimal::BigDecimal;
use chrono::{DateTime, Utc};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use crate::error::AppError;
use crate::schema::indicators;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = indicators)]
pub struct IndicatorRow {
    pub id: Uuid,
    pub project_id: Uuid,
    pub level1: String,
    pub level2: String,
    pub name: String,
    pub comparator: String,
    pub target_value: Option<BigDecimal>,
    pub target_text: Option<String>,
    pub unit: String,
    pub weight: BigDecimal,
    pub accrues: bool,
    pub measurement: String,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The editable columns of an indicator.
#[derive(Debug, Clone, PartialEq, Eq, Insertable, AsChangeset)]
#[diesel(table_name = indicators, treat_none_as_null = true)]
pub struct IndicatorFields {
    pub level1: String,
    pub level2: String,
    pub name: String,
    pub comparator: String,
    pub target_value: Option<BigDecimal>,
    pub target_text: Option<String>,
    pub unit: String,
    pub weight: BigDecimal,
    pub accrues: bool,
    pub measurement: String,
}

impl IndicatorFields {
    pub fn of(row: &IndicatorRow) -> IndicatorFields {
        IndicatorFields {
            level1: row.level1.clone(),
            level2: row.level2.clone(),
            name: row.name.clone(),
            comparator: row.comparator.clone(),
            target_value: row.target_value.clone(),
            target_text: row.target_text.clone(),
            unit: row.unit.clone(),
            weight: row.weight.clone(),
            accrues: row.accrues,
            measurement: row.measurement.clone(),
        }
    }
}

pub fn for_project(
    conn: &mut PgConnection,
    project_id: Uuid,
) -> Result<Vec<IndicatorRow>, AppError> {
    indicators::table
        .filter(indicators::project_id.eq(project_id))
        .filter(indicators::retired_in_version.is_null())
        .select(IndicatorRow::as_select())
        .order(indicators::id.asc())
        .load(conn)
        .map_err(AppError::from)
}

pub fn count_for_project(conn: &mut PgConnection, project_id: Uuid) -> Result<i64, AppError> {
    indicators::table
        .filter(indicators::project_id.eq(project_id))
        .filter(indicators::retired_in_version.is_null())
        .count()
        .get_result(conn)
        .map_err(AppError::from)
}

/// The indicators of many projects, each project's in creation order.
pub fn for_projects(
    conn: &mut PgConnection,
    project_ids: &[Uuid],
) -> Result<Vec<IndicatorRow>, AppError> {
    indicators::table
        .filter(indicators::project_id.eq_any(project_ids))
        .filter(indicators::retired_in_version.is_null())
        .select(IndicatorRow::as_select())
        .order((indicators::project_id.asc(), indicators::id.asc()))
        .load(conn)
        .map_err(AppError::from)
}

pub fn find(conn: &mut PgConnection, id: Uuid) -> Result<Option<IndicatorRow>, AppError> {
    indicators::table
        .find(id)
        .filter(indicators::retired_in_version.is_null())
        .select(IndicatorRow::as_select())
        .first(conn)
        .optional()
        .map_err(AppError::from)
}

pub fn insert(
    conn: &mut PgConnection,
    project_id: Uuid,
    fields: &IndicatorFields,
) -> Result<IndicatorRow, AppError> {
    diesel::insert_into(indicators::table)
        .values((
            indicators::id.eq(Uuid::now_v7()),
            indicators::project_id.eq(project_id),
            fields,
        ))
        .returning(IndicatorRow::as_returning())
        .get_result(conn)
        .map_err(AppError::from)
}

/// Inserts several indicators of a project in one statement, in order.
pub fn insert_many(
    conn: &mut PgConnection,
    project_id: Uuid,
    fields: &[IndicatorFields],
) -> Result<Vec<IndicatorRow>, AppError> {
    if fields.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<_> = fields
        .iter()
        .map(|f| {
            (
                indicators::id.eq(Uuid::now_v7()),
                indicators::project_id.eq(project_id),
                f,
            )
        })
        .collect();
    let mut inserted: Vec<IndicatorRow> = diesel::insert_into(indicators::table)
        .values(rows)
        .returning(IndicatorRow::as_returning())
        .get_results(conn)?;
    // UUIDv7 ids grow with creation order, which is the order given.
    inserted.sort_by_key(|r| r.id);
    Ok(inserted)
}

/// Indicator rows per INSERT (12 parameters each, under PostgreSQL's 65,535).
const INDICATORS_PER_INSERT: usize = 5000;

/// Inserts the indicators of many projects with as few statements as the parameter limit
/// allows; returns them ordered by id, which is each project's given order.
pub fn insert_for_projects(
    conn: &mut PgConnection,
    sets: &[(Uuid, &[IndicatorFields])],
) -> Result<Vec<IndicatorRow>, AppError> {
    let rows: Vec<(Uuid, &IndicatorFields)> = sets
        .iter()
        .flat_map(|(project_id, fields)| fields.iter().map(move |f| (*project_id, f)))
        .collect();
    let mut inserted = Vec::with_capacity(rows.len());
    for part in rows.chunks(INDICATORS_PER_INSERT) {
        let values: Vec<_> = part
            .iter()
            .map(|(project_id, f)| {
                (
                    indicators::id.eq(Uuid::now_v7()),
                    indicators::project_id.eq(*project_id),
                    *f,
                )
            })
            .collect();
        inserted.extend(
            diesel::insert_into(indicators::table)
                .values(values)
                .returning(IndicatorRow::as_returning())
                .get_results::<IndicatorRow>(conn)?,
        );
    }
    // UUIDv7 ids grow with creation order, which is the order given.
    inserted.sort_by_key(|r| r.id);
    Ok(inserted)
}

/// Writes the fields if the indicator is still at `expected_version`.
pub fn update(
    conn: &mut PgConnection,
    id: Uuid,
    expected_version: Option<i32>,
    fields: &IndicatorFields,
) -> Result<Option<IndicatorRow>, AppError> {
    let mut q = diesel::update(indicators::table)
        .filter(indicators::id.eq(id))
        .into_boxed();
    if let Some(v) = expected_version {
        q = q.filter(indicators::version.eq(v));
    }
    q.set((
        fields,
        indicators::version.eq(indicators::version + 1),
        indicators::updated_at.eq(Utc::now()),
    ))
    .returning(IndicatorRow::as_returning())
    .get_result(conn)
    .optional()
    .map_err(AppError::from)
}

pub fn delete(conn: &mut PgConnection, id: Uuid) -> Result<(), AppError> {
    diesel::delete(indicators::table.find(id)).execute(conn)?;
    Ok(())
}
