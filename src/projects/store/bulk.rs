//! Statements for many projects at once (an import's chunk, a batch's lookups): one query per
//! kind of row, split only where PostgreSQL's limit of 65,535 parameters per statement is near.

use std::collections::HashSet;

use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use super::{LedgerEntryNew, ProjectFields, ProjectKey, ProjectRow, ProjectView};
use crate::error::AppError;
use crate::schema::{budget_ledger, departments, projects};

/// A project's natural key: region, fiscal year and code.
pub type CodeKey = (Uuid, i16, String);

/// Which of these natural keys are taken, in one query for a whole batch: each column is
/// matched with `= ANY`, and the exact triples are picked here.
pub fn taken_codes(
    conn: &mut PgConnection,
    keys: &[(Uuid, i16, &str)],
) -> Result<HashSet<CodeKey>, AppError> {
    if keys.is_empty() {
        return Ok(HashSet::new());
    }
    let (regions, years, codes) = key_columns(keys);
    let wanted: HashSet<(Uuid, i16, &str)> = keys.iter().copied().collect();
    let found: Vec<CodeKey> = projects::table
        .filter(projects::region_id.eq_any(regions))
        .filter(projects::fiscal_year.eq_any(years))
        .filter(projects::code.eq_any(codes))
        .select((projects::region_id, projects::fiscal_year, projects::code))
        .load(conn)?;
    Ok(found
        .into_iter()
        .filter(|(r, y, c)| wanted.contains(&(*r, *y, c.as_str())))
        .collect())
}

/// Projects by natural key with their departments, unlocked, in one query for a whole batch.
pub fn find_many_by_code(
    conn: &mut PgConnection,
    keys: &[(Uuid, i16, &str)],
) -> Result<Vec<ProjectView>, AppError> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let (regions, years, codes) = key_columns(keys);
    let wanted: HashSet<(Uuid, i16, &str)> = keys.iter().copied().collect();
    let found: Vec<ProjectView> = project_view_query!()
        .filter(projects::region_id.eq_any(regions))
        .filter(projects::fiscal_year.eq_any(years))
        .filter(projects::code.eq_any(codes))
        .load(conn)?;
    Ok(found
        .into_iter()
        .filter(|v| wanted.contains(&(v.row.region_id, v.row.fiscal_year, v.row.code.as_str())))
        .collect())
}

fn key_columns<'a>(keys: &[(Uuid, i16, &'a str)]) -> (Vec<Uuid>, Vec<i16>, Vec<&'a str>) {
    let regions: HashSet<Uuid> = keys.iter().map(|k| k.0).collect();
    let years: HashSet<i16> = keys.iter().map(|k| k.1).collect();
    let codes: HashSet<&str> = keys.iter().map(|k| k.2).collect();
    (
        regions.into_iter().collect(),
        years.into_iter().collect(),
        codes.into_iter().collect(),
    )
}

/// Rows per multi-row INSERT: PostgreSQL binds at most 65,535 parameters in one statement, and
/// a project row takes 23.
const PROJECTS_PER_INSERT: usize = 2000;

/// Inserts many projects with as few statements as the parameter limit allows; returns their
/// ids, in order.
pub fn insert_many(
    conn: &mut PgConnection,
    rows: &[(ProjectKey<'_>, &ProjectFields)],
) -> Result<Vec<Uuid>, AppError> {
    let ids: Vec<Uuid> = rows.iter().map(|_| Uuid::now_v7()).collect();
    for (part, part_ids) in rows
        .chunks(PROJECTS_PER_INSERT)
        .zip(ids.chunks(PROJECTS_PER_INSERT))
    {
        let values: Vec<_> = part
            .iter()
            .zip(part_ids)
            .map(|((key, fields), id)| {
                (
                    projects::id.eq(*id),
                    projects::department_id.eq(key.department_id),
                    projects::region_id.eq(key.region_id),
                    projects::region_path.eq(key.region_path),
                    projects::department_path.eq(key.department_path),
                    projects::fiscal_year.eq(key.fiscal_year),
                    projects::code.eq(key.code),
                    *fields,
                )
            })
            .collect();
        diesel::insert_into(projects::table)
            .values(values)
            .execute(conn)?;
    }
    Ok(ids)
}

/// Ledger rows per INSERT (10 parameters each, under PostgreSQL's 65,535).
const LEDGER_PER_INSERT: usize = 5000;

/// Appends many entries with as few statements as the parameter limit allows; the trigger
/// moves each project's adjusted budget as for a single entry.
pub fn append_ledger_many(
    conn: &mut PgConnection,
    entries: &[LedgerEntryNew<'_>],
) -> Result<(), AppError> {
    for part in entries.chunks(LEDGER_PER_INSERT) {
        let values: Vec<_> = part
            .iter()
            .map(|e| {
                (
                    budget_ledger::id.eq(Uuid::now_v7()),
                    budget_ledger::project_id.eq(e.project_id),
                    budget_ledger::kind.eq(e.kind),
                    budget_ledger::amount.eq(e.amount),
                    budget_ledger::reason.eq(e.reason),
                    budget_ledger::reference.eq(e.reference),
                    budget_ledger::adjustment_id.eq(e.adjustment_id),
                    budget_ledger::counterpart_project_id.eq(e.counterpart_project_id),
                    budget_ledger::actor_id.eq(e.actor_id),
                    budget_ledger::actor_name.eq(e.actor_name),
                )
            })
            .collect();
        diesel::insert_into(budget_ledger::table)
            .values(values)
            .execute(conn)?;
    }
    Ok(())
}
