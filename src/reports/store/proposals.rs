//! Writing what the system proposed (`reports::proposals`), many reports per statement.

use bigdecimal::BigDecimal;
use chrono::Utc;
use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use crate::error::AppError;

/// A report's proposed fields, its `system_filled` list and its field counts.
pub struct ReportProposalWrite {
    pub id: Uuid,
    pub forecast_execution: Option<BigDecimal>,
    pub goal_progress: String,
    pub financial_management: String,
    pub problems: String,
    pub targets_need_adjusting: Option<bool>,
    pub system_filled: Vec<String>,
    pub generated_fields: i32,
    pub applicable_fields: i32,
    pub checks: serde_json::Value,
}

/// An indicator row's fed actual value, proposed forecast and likelihood.
pub struct RowProposalWrite {
    pub id: Uuid,
    pub actual_value: Option<BigDecimal>,
    pub actual_text: Option<String>,
    pub actual_source: Option<String>,
    pub actual_measured_on: Option<chrono::NaiveDate>,
    pub forecast_value: Option<BigDecimal>,
    pub forecast_text: Option<String>,
    pub likelihood: Option<String>,
}

/// Reports in id order after `after`, `limit` of them.
pub fn reports_after(
    conn: &mut PgConnection,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<super::ReportRow>, AppError> {
    use crate::schema::reports;
    let mut q = reports::table
        .select(super::ReportRow::as_select())
        .order(reports::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        q = q.filter(reports::id.gt(after));
    }
    q.load(conn).map_err(AppError::from)
}

/// Writes recounted (generated, applicable) field counts. The version stays: the fields did
/// not change, only how they are counted.
pub fn save_counts(conn: &mut PgConnection, rows: &[(Uuid, i32, i32)]) -> Result<(), AppError> {
    use diesel::sql_types::{Array, Integer, Uuid as SqlUuid};
    for chunk in rows.chunks(1000) {
        diesel::sql_query(
            "UPDATE reports AS r SET generated_fields = v.g, applicable_fields = v.t \
             FROM unnest($1::uuid[], $2::int[], $3::int[]) AS v(id, g, t) WHERE r.id = v.id",
        )
        .bind::<Array<SqlUuid>, _>(chunk.iter().map(|r| r.0).collect::<Vec<_>>())
        .bind::<Array<Integer>, _>(chunk.iter().map(|r| r.1).collect::<Vec<_>>())
        .bind::<Array<Integer>, _>(chunk.iter().map(|r| r.2).collect::<Vec<_>>())
        .execute(conn)?;
    }
    Ok(())
}

/// Writes the proposals, a thousand rows per statement; each report's version moves on so a
/// client holding the older ETag re-reads.
pub fn save_proposals(
    conn: &mut PgConnection,
    reports: &[ReportProposalWrite],
    rows: &[RowProposalWrite],
) -> Result<(), AppError> {
    use diesel::sql_types::{
        Array, Bool, Date, Integer, Nullable, Numeric, Text, Timestamptz, Uuid as SqlUuid,
    };
    for chunk in rows.chunks(1000) {
        diesel::sql_query(
            "UPDATE report_indicators AS ri SET forecast_value = v.forecast_value, \
             forecast_text = v.forecast_text, likelihood = v.likelihood, \
             actual_value = v.actual_value, actual_text = v.actual_text, \
             actual_source = v.actual_source, actual_measured_on = v.actual_measured_on \
             FROM unnest($1::uuid[], $2::numeric[], $3::text[], $4::text[], $5::numeric[], \
                         $6::text[], $7::text[], $8::date[]) \
               AS v(id, forecast_value, forecast_text, likelihood, actual_value, actual_text, \
                    actual_source, actual_measured_on) \
             WHERE ri.id = v.id",
        )
        .bind::<Array<SqlUuid>, _>(chunk.iter().map(|r| r.id).collect::<Vec<_>>())
        .bind::<Array<Nullable<Numeric>>, _>(
            chunk
                .iter()
                .map(|r| r.forecast_value.clone())
                .collect::<Vec<_>>(),
        )
        .bind::<Array<Nullable<Text>>, _>(
            chunk
                .iter()
                .map(|r| r.forecast_text.clone())
                .collect::<Vec<_>>(),
        )
        .bind::<Array<Nullable<Text>>, _>(
            chunk
                .iter()
                .map(|r| r.likelihood.clone())
                .collect::<Vec<_>>(),
        )
        .bind::<Array<Nullable<Numeric>>, _>(
            chunk
                .iter()
                .map(|r| r.actual_value.clone())
                .collect::<Vec<_>>(),
        )
        .bind::<Array<Nullable<Text>>, _>(
            chunk
                .iter()
                .map(|r| r.actual_text.clone())
                .collect::<Vec<_>>(),
        )
        .bind::<Array<Nullable<Text>>, _>(
            chunk
                .iter()
                .map(|r| r.actual_source.clone())
                .collect::<Vec<_>>(),
        )
        .bind::<Array<Nullable<Date>>, _>(
            chunk
                .iter()
                .map(|r| r.actual_measured_on)
                .collect::<Vec<_>>(),
        )
        .execute(conn)?;
    }
    let now = Utc::now();
    for chunk in reports.chunks(1000) {
        // `system_filled` lists differ in length, so each travels as a JSON array.
        let filled: Vec<String> = chunk
            .iter()
            .map(|r| serde_json::to_string(&r.system_filled).unwrap_or_else(|_| "[]".to_owned()))
            .collect();
        diesel::sql_query(
            "UPDATE reports AS r SET forecast_execution = v.forecast_execution, \
             goal_progress = v.goal_progress, financial_management = v.financial_management, \
             problems = v.problems, targets_need_adjusting = v.targets_need_adjusting, \
             system_filled = ARRAY(SELECT f.name FROM jsonb_array_elements_text(v.filled::jsonb) \
                                   WITH ORDINALITY AS f(name, n) ORDER BY f.n), \
             generated_fields = v.generated, applicable_fields = v.applicable, \
             checks = v.checks::jsonb, version = r.version + 1, updated_at = $10 \
             FROM unnest($1::uuid[], $2::numeric[], $3::text[], $4::text[], $5::text[], \
                         $6::bool[], $7::text[], $8::int[], $9::int[], $11::text[]) \
               AS v(id, forecast_execution, goal_progress, financial_management, problems, \
                    targets_need_adjusting, filled, generated, applicable, checks) \
             WHERE r.id = v.id",
        )
        .bind::<Array<SqlUuid>, _>(chunk.iter().map(|r| r.id).collect::<Vec<_>>())
        .bind::<Array<Nullable<Numeric>>, _>(
            chunk
                .iter()
                .map(|r| r.forecast_execution.clone())
                .collect::<Vec<_>>(),
        )
        .bind::<Array<Text>, _>(
            chunk
                .iter()
                .map(|r| r.goal_progress.clone())
                .collect::<Vec<_>>(),
        )
        .bind::<Array<Text>, _>(
            chunk
                .iter()
                .map(|r| r.financial_management.clone())
                .collect::<Vec<_>>(),
        )
        .bind::<Array<Text>, _>(chunk.iter().map(|r| r.problems.clone()).collect::<Vec<_>>())
        .bind::<Array<Nullable<Bool>>, _>(
            chunk
                .iter()
                .map(|r| r.targets_need_adjusting)
                .collect::<Vec<_>>(),
        )
        .bind::<Array<Text>, _>(filled)
        .bind::<Array<Integer>, _>(chunk.iter().map(|r| r.generated_fields).collect::<Vec<_>>())
        .bind::<Array<Integer>, _>(
            chunk
                .iter()
                .map(|r| r.applicable_fields)
                .collect::<Vec<_>>(),
        )
        .bind::<Timestamptz, _>(now)
        .bind::<Array<Text>, _>(
            chunk
                .iter()
                .map(|r| r.checks.to_string())
                .collect::<Vec<_>>(),
        )
        .execute(conn)?;
    }
    Ok(())
}
