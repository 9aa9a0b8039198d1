//! The batched queries of the figure refresh (`service::refresh_figures`): which reports to
//! refresh, locking them, and writing their snapshots and figures many rows per statement.

use std::collections::HashMap;

use bigdecimal::BigDecimal;
use chrono::{NaiveDate, Utc};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use super::{DerivedFields, IndicatorSnapshot, ReportRow};
use crate::error::AppError;
use crate::pagination::like_prefix;
use crate::schema::{projects, reports, rounds};

/// The draft and returned reports among these, locked in id order (so that writers refreshing
/// overlapping sets queue instead of deadlocking).
pub fn editable_for_update(
    conn: &mut PgConnection,
    ids: &[Uuid],
) -> Result<Vec<ReportRow>, AppError> {
    reports::table
        .filter(reports::id.eq_any(ids))
        .filter(reports::status.eq_any(["draft", "returned"]))
        .order(reports::id.asc())
        .select(ReportRow::as_select())
        .for_update()
        .load(conn)
        .map_err(AppError::from)
}

/// The current adjusted budget of each of these projects.
pub fn adjusted_budgets(
    conn: &mut PgConnection,
    project_ids: &[Uuid],
) -> Result<HashMap<Uuid, (BigDecimal, i32)>, AppError> {
    let rows: Vec<(Uuid, BigDecimal, i32)> = projects::table
        .filter(projects::id.eq_any(project_ids))
        .select((
            projects::id,
            projects::adjusted_budget,
            projects::indicator_set_version,
        ))
        .load(conn)?;
    Ok(rows.into_iter().map(|(id, b, v)| (id, (b, v))).collect())
}

/// Replaces the snapshots of many indicator rows, a thousand rows per statement.
pub fn update_snapshots(
    conn: &mut PgConnection,
    rows: &[(Uuid, IndicatorSnapshot)],
) -> Result<(), AppError> {
    use diesel::sql_types::{Array, Bool, Nullable, Numeric, Text, Uuid as SqlUuid};
    for chunk in rows.chunks(1000) {
        let column = |f: fn(&IndicatorSnapshot) -> String| -> Vec<String> {
            chunk.iter().map(|(_, s)| f(s)).collect()
        };
        diesel::sql_query(
            "UPDATE report_indicators AS ri SET level1 = v.level1, level2 = v.level2, \
             name = v.name, comparator = v.comparator, target_value = v.target_value, \
             target_text = v.target_text, unit = v.unit, weight = v.weight, \
             accrues = v.accrues, expected_value = v.expected_value \
             FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], \
                         $6::numeric[], $7::text[], $8::text[], $9::numeric[], $10::bool[], \
                         $11::numeric[]) \
               AS v(id, level1, level2, name, comparator, target_value, target_text, unit, \
                    weight, accrues, expected_value) \
             WHERE ri.id = v.id",
        )
        .bind::<Array<SqlUuid>, _>(chunk.iter().map(|(id, _)| *id).collect::<Vec<_>>())
        .bind::<Array<Text>, _>(column(|s| s.level1.clone()))
        .bind::<Array<Text>, _>(column(|s| s.level2.clone()))
        .bind::<Array<Text>, _>(column(|s| s.name.clone()))
        .bind::<Array<Text>, _>(column(|s| s.comparator.clone()))
        .bind::<Array<Nullable<Numeric>>, _>(
            chunk
                .iter()
                .map(|(_, s)| s.target_value.clone())
                .collect::<Vec<_>>(),
        )
        .bind::<Array<Nullable<Text>>, _>(
            chunk
                .iter()
                .map(|(_, s)| s.target_text.clone())
                .collect::<Vec<_>>(),
        )
        .bind::<Array<Text>, _>(column(|s| s.unit.clone()))
        .bind::<Array<Numeric>, _>(
            chunk
                .iter()
                .map(|(_, s)| s.weight.clone())
                .collect::<Vec<_>>(),
        )
        .bind::<Array<Bool>, _>(chunk.iter().map(|(_, s)| s.accrues).collect::<Vec<_>>())
        .bind::<Array<Nullable<Numeric>>, _>(
            chunk
                .iter()
                .map(|(_, s)| s.expected_value.clone())
                .collect::<Vec<_>>(),
        )
        .execute(conn)?;
    }
    Ok(())
}

/// Writes the system's figures of many reports, a thousand per statement; bumps each one's
/// version so clients holding an older ETag re-read.
pub fn update_derived_many(
    conn: &mut PgConnection,
    rows: &[(Uuid, DerivedFields, Vec<String>)],
) -> Result<(), AppError> {
    use diesel::sql_types::{Array, Nullable, Numeric, Text, Timestamptz, Uuid as SqlUuid};
    let now = Utc::now();
    for chunk in rows.chunks(1000) {
        // `system_filled` lists differ in length, so each travels as a JSON array.
        let filled: Vec<String> = chunk
            .iter()
            .map(|(_, _, names)| serde_json::to_string(names).unwrap_or_else(|_| "[]".to_owned()))
            .collect();
        diesel::sql_query(
            "UPDATE reports AS r SET adjusted_budget = v.adjusted_budget, \
             executed_amount = v.executed_amount, execution_rate = v.execution_rate, \
             time_progress = v.time_progress, \
             system_filled = ARRAY(SELECT f.name FROM jsonb_array_elements_text(v.filled::jsonb) \
                                   WITH ORDINALITY AS f(name, n) ORDER BY f.n), \
             version = r.version + 1, updated_at = $7 \
             FROM unnest($1::uuid[], $2::numeric[], $3::numeric[], $4::numeric[], \
                         $5::numeric[], $6::text[]) \
               AS v(id, adjusted_budget, executed_amount, execution_rate, time_progress, filled) \
             WHERE r.id = v.id",
        )
        .bind::<Array<SqlUuid>, _>(chunk.iter().map(|(id, _, _)| *id).collect::<Vec<_>>())
        .bind::<Array<Numeric>, _>(
            chunk
                .iter()
                .map(|(_, d, _)| d.adjusted_budget.clone())
                .collect::<Vec<_>>(),
        )
        .bind::<Array<Numeric>, _>(
            chunk
                .iter()
                .map(|(_, d, _)| d.executed_amount.clone())
                .collect::<Vec<_>>(),
        )
        .bind::<Array<Nullable<Numeric>>, _>(
            chunk
                .iter()
                .map(|(_, d, _)| d.execution_rate.clone())
                .collect::<Vec<_>>(),
        )
        .bind::<Array<Numeric>, _>(
            chunk
                .iter()
                .map(|(_, d, _)| d.time_progress.clone())
                .collect::<Vec<_>>(),
        )
        .bind::<Array<Text>, _>(filled)
        .bind::<Timestamptz, _>(now)
        .execute(conn)?;
    }
    Ok(())
}

/// Ids of reports of these projects that the department may still change, in open rounds.
pub fn editable_reports_of(
    conn: &mut PgConnection,
    project_ids: &[Uuid],
) -> Result<Vec<Uuid>, AppError> {
    reports::table
        .inner_join(rounds::table)
        .filter(reports::project_id.eq_any(project_ids))
        .filter(reports::status.eq_any(["draft", "returned"]))
        .filter(rounds::status.eq("open"))
        .select(reports::id)
        .load(conn)
        .map_err(AppError::from)
}

/// Ids of the editable reports of the project in open rounds whose cut-off is on or after
/// `date`: the reports whose executed amount a payment on that date counts in.
pub fn editable_reports_covering(
    conn: &mut PgConnection,
    project_id: Uuid,
    date: NaiveDate,
) -> Result<Vec<Uuid>, AppError> {
    reports::table
        .inner_join(rounds::table)
        .filter(reports::project_id.eq(project_id))
        .filter(reports::status.eq_any(["draft", "returned"]))
        .filter(rounds::status.eq("open"))
        .filter(rounds::cutoff_date.ge(date))
        .select(reports::id)
        .load(conn)
        .map_err(AppError::from)
}

/// `editable_reports_covering` for many projects at once, each with its own earliest date, in
/// one query (the dates are compared here, as there are few reports per project).
pub fn editable_reports_covering_many(
    conn: &mut PgConnection,
    since: &HashMap<Uuid, NaiveDate>,
) -> Result<Vec<Uuid>, AppError> {
    if since.is_empty() {
        return Ok(Vec::new());
    }
    let projects: Vec<Uuid> = since.keys().copied().collect();
    let rows: Vec<(Uuid, Uuid, NaiveDate)> = reports::table
        .inner_join(rounds::table)
        .filter(reports::project_id.eq_any(&projects))
        .filter(reports::status.eq_any(["draft", "returned"]))
        .filter(rounds::status.eq("open"))
        .select((reports::id, reports::project_id, rounds::cutoff_date))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|(_, project, cutoff)| since.get(project).is_some_and(|d| cutoff >= d))
        .map(|(id, _, _)| id)
        .collect())
}

/// Ids of the editable reports of open rounds in the region subtree `region_path`.
pub fn editable_reports_under(
    conn: &mut PgConnection,
    region_path: &str,
) -> Result<Vec<Uuid>, AppError> {
    reports::table
        .inner_join(rounds::table)
        .filter(reports::region_path.like(like_prefix(region_path)))
        .filter(reports::status.eq_any(["draft", "returned"]))
        .filter(rounds::status.eq("open"))
        .select(reports::id)
        .load(conn)
        .map_err(AppError::from)
}
