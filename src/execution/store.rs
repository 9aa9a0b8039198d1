use bigdecimal::BigDecimal;
use chrono::{DateTime, NaiveDate, Utc};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use crate::auth::ListScope;
use crate::error::AppError;
use crate::pagination::like_prefix;
use crate::schema::{execution_records, projects};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = execution_records)]
pub struct RecordRow {
    pub id: Uuid,
    pub project_id: Uuid,
    pub region_id: Uuid,
    pub region_path: String,
    pub department_path: String,
    pub payment_date: NaiveDate,
    pub amount: BigDecimal,
    pub external_ref: String,
    pub description: String,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

pub struct NewRecord<'a> {
    pub project_id: Uuid,
    pub region_id: Uuid,
    pub region_path: &'a str,
    pub department_path: &'a str,
    pub payment_date: NaiveDate,
    pub amount: &'a BigDecimal,
    pub external_ref: &'a str,
    pub description: &'a str,
    pub created_by: Uuid,
}

/// Inserts the record unless the project already has one with this external reference;
/// returns the new row, or the existing one as `Err`.
pub fn insert_or_existing(
    conn: &mut PgConnection,
    new: NewRecord<'_>,
) -> Result<Result<RecordRow, RecordRow>, AppError> {
    let inserted = diesel::insert_into(execution_records::table)
        .values((
            execution_records::id.eq(Uuid::now_v7()),
            execution_records::project_id.eq(new.project_id),
            execution_records::region_id.eq(new.region_id),
            execution_records::region_path.eq(new.region_path),
            execution_records::department_path.eq(new.department_path),
            execution_records::payment_date.eq(new.payment_date),
            execution_records::amount.eq(new.amount),
            execution_records::external_ref.eq(new.external_ref),
            execution_records::description.eq(new.description),
            execution_records::created_by.eq(new.created_by),
        ))
        .on_conflict((
            execution_records::project_id,
            execution_records::external_ref,
        ))
        .do_nothing()
        .returning(RecordRow::as_returning())
        .get_result(conn)
        .optional()?;
    if let Some(row) = inserted {
        return Ok(Ok(row));
    }
    let existing = execution_records::table
        .filter(execution_records::project_id.eq(new.project_id))
        .filter(execution_records::external_ref.eq(new.external_ref))
        .select(RecordRow::as_select())
        .first(conn)?;
    Ok(Err(existing))
}

/// Records per INSERT: 10 parameters each, under PostgreSQL's 65,535 per statement.
const RECORDS_PER_INSERT: usize = 5000;

/// Inserts the records whose (project, external reference) is not taken yet, in as few
/// statements as the parameter limit allows; returns the rows it inserted. The references
/// must be distinct per project among `new`.
pub fn insert_new_many(
    conn: &mut PgConnection,
    new: &[NewRecord<'_>],
) -> Result<Vec<RecordRow>, AppError> {
    let mut inserted = Vec::with_capacity(new.len());
    for part in new.chunks(RECORDS_PER_INSERT) {
        let values: Vec<_> = part
            .iter()
            .map(|r| {
                (
                    execution_records::id.eq(Uuid::now_v7()),
                    execution_records::project_id.eq(r.project_id),
                    execution_records::region_id.eq(r.region_id),
                    execution_records::region_path.eq(r.region_path),
                    execution_records::department_path.eq(r.department_path),
                    execution_records::payment_date.eq(r.payment_date),
                    execution_records::amount.eq(r.amount),
                    execution_records::external_ref.eq(r.external_ref),
                    execution_records::description.eq(r.description),
                    execution_records::created_by.eq(r.created_by),
                )
            })
            .collect();
        inserted.extend(
            diesel::insert_into(execution_records::table)
                .values(values)
                .on_conflict((
                    execution_records::project_id,
                    execution_records::external_ref,
                ))
                .do_nothing()
                .returning(RecordRow::as_returning())
                .get_results::<RecordRow>(conn)?,
        );
    }
    Ok(inserted)
}

/// The stored records with these (project, external reference) pairs, in one query: each
/// column is matched with `= ANY`, and the exact pairs are picked here.
pub fn find_by_refs(
    conn: &mut PgConnection,
    keys: &[(Uuid, &str)],
) -> Result<Vec<RecordRow>, AppError> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let wanted: std::collections::HashSet<(Uuid, &str)> = keys.iter().copied().collect();
    let projects: Vec<Uuid> = wanted
        .iter()
        .map(|k| k.0)
        .collect::<std::collections::HashSet<_>>()
        .into_iter()
        .collect();
    let refs: Vec<&str> = wanted.iter().map(|k| k.1).collect();
    let rows: Vec<RecordRow> = execution_records::table
        .filter(execution_records::project_id.eq_any(projects))
        .filter(execution_records::external_ref.eq_any(refs))
        .select(RecordRow::as_select())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|r| wanted.contains(&(r.project_id, r.external_ref.as_str())))
        .collect())
}

/// Spending of a project up to and including `cutoff` (refunds are negative records).
pub fn executed_up_to(
    conn: &mut PgConnection,
    project_id: Uuid,
    cutoff: NaiveDate,
) -> Result<BigDecimal, AppError> {
    let sum: Option<BigDecimal> = execution_records::table
        .filter(execution_records::project_id.eq(project_id))
        .filter(execution_records::payment_date.le(cutoff))
        .select(diesel::dsl::sum(execution_records::amount))
        .first(conn)?;
    Ok(sum.unwrap_or_else(|| BigDecimal::from(0)))
}

/// Spending of each project up to and including `cutoff`; projects without records are absent.
pub fn executed_up_to_many(
    conn: &mut PgConnection,
    project_ids: &[Uuid],
    cutoff: NaiveDate,
) -> Result<std::collections::HashMap<Uuid, BigDecimal>, AppError> {
    let rows: Vec<(Uuid, Option<BigDecimal>)> = execution_records::table
        .filter(execution_records::project_id.eq_any(project_ids))
        .filter(execution_records::payment_date.le(cutoff))
        .group_by(execution_records::project_id)
        .select((
            execution_records::project_id,
            diesel::dsl::sum(execution_records::amount),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, sum)| sum.map(|s| (id, s)))
        .collect())
}

/// Everything spent on a project so far (refunds subtracted).
pub fn executed_total(conn: &mut PgConnection, project_id: Uuid) -> Result<BigDecimal, AppError> {
    let sum: Option<BigDecimal> = execution_records::table
        .filter(execution_records::project_id.eq(project_id))
        .select(diesel::dsl::sum(execution_records::amount))
        .first(conn)?;
    Ok(sum.unwrap_or_else(|| BigDecimal::from(0)))
}

#[derive(Debug, Default)]
pub struct RecordFilter {
    pub project_id: Option<Uuid>,
    pub department_id: Option<Uuid>,
    pub region_path: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub external_ref: Option<String>,
}

/// Oldest first by time of receipt (ids are UUIDv7).
pub fn list(
    conn: &mut PgConnection,
    scope: &ListScope,
    filter: &RecordFilter,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<RecordRow>, AppError> {
    let mut q = execution_records::table
        .select(RecordRow::as_select())
        .into_boxed();
    q = crate::visible!(q, scope, execution_records, project_id);
    if let Some(p) = filter.project_id {
        q = q.filter(execution_records::project_id.eq(p));
    }
    if let Some(d) = filter.department_id {
        q = q.filter(
            execution_records::project_id.eq_any(
                projects::table
                    .filter(projects::department_id.eq(d))
                    .select(projects::id),
            ),
        );
    }
    if let Some(path) = &filter.region_path {
        q = q.filter(execution_records::region_path.like(like_prefix(path)));
    }
    if let Some(from) = filter.from {
        q = q.filter(execution_records::payment_date.ge(from));
    }
    if let Some(to) = filter.to {
        q = q.filter(execution_records::payment_date.le(to));
    }
    if let Some(r) = &filter.external_ref {
        q = q.filter(execution_records::external_ref.eq(r.clone()));
    }
    if let Some(after) = after {
        q = q.filter(execution_records::id.gt(after));
    }
    q.order(execution_records::id.asc())
        .limit(limit + 1)
        .load(conn)
        .map_err(AppError::from)
}
