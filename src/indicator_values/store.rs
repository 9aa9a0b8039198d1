//! SQL of measured indicator values.

use std::collections::HashMap;

use bigdecimal::BigDecimal;
use chrono::{DateTime, NaiveDate, Utc};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use crate::auth::ListScope;
use crate::error::AppError;
use crate::pagination::like_prefix;
use crate::schema::{indicator_values, indicators, projects};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = indicator_values)]
pub struct ValueRow {
    pub id: Uuid,
    pub indicator_id: Uuid,
    pub project_id: Uuid,
    pub region_id: Uuid,
    pub region_path: String,
    pub department_path: String,
    pub measured_on: NaiveDate,
    pub value: Option<BigDecimal>,
    pub achievement: Option<String>,
    pub source_system: String,
    pub external_ref: String,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

pub struct NewValue<'a> {
    pub indicator_id: Uuid,
    pub project_id: Uuid,
    pub region_id: Uuid,
    pub region_path: &'a str,
    pub department_path: &'a str,
    pub measured_on: NaiveDate,
    pub value: Option<&'a BigDecimal>,
    pub achievement: Option<&'a str>,
    pub source_system: &'a str,
    pub external_ref: &'a str,
    pub created_by: Uuid,
}

/// Values per INSERT: 12 parameters each, under PostgreSQL's 65,535 per statement.
const VALUES_PER_INSERT: usize = 5000;

/// Inserts the values whose (indicator, external reference) is not taken yet; returns the rows
/// it inserted. The references must be distinct per indicator among `new`.
pub fn insert_new_many(
    conn: &mut PgConnection,
    new: &[NewValue<'_>],
) -> Result<Vec<ValueRow>, AppError> {
    let mut inserted = Vec::with_capacity(new.len());
    for part in new.chunks(VALUES_PER_INSERT) {
        let rows: Vec<_> = part
            .iter()
            .map(|v| {
                (
                    indicator_values::id.eq(Uuid::now_v7()),
                    indicator_values::indicator_id.eq(v.indicator_id),
                    indicator_values::project_id.eq(v.project_id),
                    indicator_values::region_id.eq(v.region_id),
                    indicator_values::region_path.eq(v.region_path),
                    indicator_values::department_path.eq(v.department_path),
                    indicator_values::measured_on.eq(v.measured_on),
                    indicator_values::value.eq(v.value),
                    indicator_values::achievement.eq(v.achievement),
                    indicator_values::source_system.eq(v.source_system),
                    indicator_values::external_ref.eq(v.external_ref),
                    indicator_values::created_by.eq(v.created_by),
                )
            })
            .collect();
        inserted.extend(
            diesel::insert_into(indicator_values::table)
                .values(rows)
                .on_conflict((
                    indicator_values::indicator_id,
                    indicator_values::external_ref,
                ))
                .do_nothing()
                .returning(ValueRow::as_returning())
                .get_results::<ValueRow>(conn)?,
        );
    }
    Ok(inserted)
}

/// The stored values with these (indicator, external reference) pairs.
pub fn find_by_refs(
    conn: &mut PgConnection,
    keys: &[(Uuid, &str)],
) -> Result<Vec<ValueRow>, AppError> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let wanted: std::collections::HashSet<(Uuid, &str)> = keys.iter().copied().collect();
    let ids: Vec<Uuid> = wanted.iter().map(|k| k.0).collect();
    let refs: Vec<&str> = wanted.iter().map(|k| k.1).collect();
    let rows: Vec<ValueRow> = indicator_values::table
        .filter(indicator_values::indicator_id.eq_any(ids))
        .filter(indicator_values::external_ref.eq_any(refs))
        .select(ValueRow::as_select())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|r| wanted.contains(&(r.indicator_id, r.external_ref.as_str())))
        .collect())
}

/// The latest value of each of these indicators measured on or before `cutoff` (the one
/// received last among values of the same day).
pub fn latest_up_to(
    conn: &mut PgConnection,
    indicator_ids: &[Uuid],
    cutoff: NaiveDate,
) -> Result<HashMap<Uuid, ValueRow>, AppError> {
    if indicator_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<ValueRow> = indicator_values::table
        .filter(indicator_values::indicator_id.eq_any(indicator_ids))
        .filter(indicator_values::measured_on.le(cutoff))
        .distinct_on(indicator_values::indicator_id)
        .order((
            indicator_values::indicator_id,
            indicator_values::measured_on.desc(),
            indicator_values::id.desc(),
        ))
        .select(ValueRow::as_select())
        .load(conn)?;
    Ok(rows.into_iter().map(|r| (r.indicator_id, r)).collect())
}

/// An indicator as a batch names it: (id, name, comparator).
pub type NamedIndicator = (Uuid, String, String);

/// The indicators of these projects, by project.
pub fn indicators_of(
    conn: &mut PgConnection,
    project_ids: &[Uuid],
) -> Result<HashMap<Uuid, Vec<NamedIndicator>>, AppError> {
    let rows: Vec<(Uuid, Uuid, String, String)> = indicators::table
        .filter(indicators::project_id.eq_any(project_ids))
        .filter(indicators::retired_in_version.is_null())
        .select((
            indicators::project_id,
            indicators::id,
            indicators::name,
            indicators::comparator,
        ))
        .load(conn)?;
    let mut out: HashMap<Uuid, Vec<NamedIndicator>> = HashMap::new();
    for (project, id, name, comparator) in rows {
        out.entry(project).or_default().push((id, name, comparator));
    }
    Ok(out)
}

/// The projects of these indicators.
pub fn projects_of(
    conn: &mut PgConnection,
    indicator_ids: &[Uuid],
) -> Result<HashMap<Uuid, Uuid>, AppError> {
    let rows: Vec<(Uuid, Uuid)> = indicators::table
        .filter(indicators::id.eq_any(indicator_ids))
        .select((indicators::id, indicators::project_id))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

#[derive(Debug, Default)]
pub struct ValueFilter {
    pub project_id: Option<Uuid>,
    pub department_id: Option<Uuid>,
    pub indicator_id: Option<Uuid>,
    pub region_path: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub source_system: Option<String>,
}

/// Oldest first by time of receipt (ids are UUIDv7).
pub fn list(
    conn: &mut PgConnection,
    scope: &ListScope,
    filter: &ValueFilter,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<ValueRow>, AppError> {
    let mut q = indicator_values::table
        .select(ValueRow::as_select())
        .into_boxed();
    q = crate::visible!(q, scope, indicator_values, project_id);
    if let Some(p) = filter.project_id {
        q = q.filter(indicator_values::project_id.eq(p));
    }
    if let Some(d) = filter.department_id {
        q = q.filter(
            indicator_values::project_id.eq_any(
                projects::table
                    .filter(projects::department_id.eq(d))
                    .select(projects::id),
            ),
        );
    }
    if let Some(i) = filter.indicator_id {
        q = q.filter(indicator_values::indicator_id.eq(i));
    }
    if let Some(path) = &filter.region_path {
        q = q.filter(indicator_values::region_path.like(like_prefix(path)));
    }
    if let Some(from) = filter.from {
        q = q.filter(indicator_values::measured_on.ge(from));
    }
    if let Some(to) = filter.to {
        q = q.filter(indicator_values::measured_on.le(to));
    }
    if let Some(s) = &filter.source_system {
        q = q.filter(indicator_values::source_system.eq(s.clone()));
    }
    if let Some(after) = after {
        q = q.filter(indicator_values::id.gt(after));
    }
    q.order(indicator_values::id.asc())
        .limit(limit + 1)
        .load(conn)
        .map_err(AppError::from)
}
