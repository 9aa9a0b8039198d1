//! A report's indicator rows: the snapshot of each indicator with its expected value, and
//! what the department fills in for it.

use bigdecimal::BigDecimal;
use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use crate::error::AppError;
use crate::schema::report_indicators;

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = report_indicators)]
pub struct ReportIndicatorRow {
    pub id: Uuid,
    pub report_id: Uuid,
    pub indicator_id: Option<Uuid>,
    pub level1: String,
    pub level2: String,
    pub name: String,
    pub comparator: String,
    pub target_value: Option<BigDecimal>,
    pub target_text: Option<String>,
    pub unit: String,
    pub weight: BigDecimal,
    pub accrues: bool,
    pub expected_value: Option<BigDecimal>,
    pub actual_value: Option<BigDecimal>,
    pub actual_text: Option<String>,
    pub forecast_value: Option<BigDecimal>,
    pub forecast_text: Option<String>,
    pub deviation_reasons: Vec<String>,
    pub deviation_note: String,
    pub likelihood: Option<String>,
    pub corrective_measures: String,
    /// The business system of a pre-filled actual value, while it is the system's.
    pub actual_source: Option<String>,
    pub actual_measured_on: Option<chrono::NaiveDate>,
}

/// The indicator snapshot and the system's expected value.
#[derive(Debug, Clone, PartialEq, AsChangeset)]
#[diesel(table_name = report_indicators, treat_none_as_null = true)]
pub struct IndicatorSnapshot {
    pub level1: String,
    pub level2: String,
    pub name: String,
    pub comparator: String,
    pub target_value: Option<BigDecimal>,
    pub target_text: Option<String>,
    pub unit: String,
    pub weight: BigDecimal,
    pub accrues: bool,
    pub expected_value: Option<BigDecimal>,
}

/// What the department fills in for an indicator.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset)]
#[diesel(table_name = report_indicators, treat_none_as_null = true)]
pub struct IndicatorEntryFields {
    pub actual_value: Option<BigDecimal>,
    pub actual_text: Option<String>,
    pub forecast_value: Option<BigDecimal>,
    pub forecast_text: Option<String>,
    pub deviation_reasons: Vec<String>,
    pub deviation_note: String,
    pub likelihood: Option<String>,
    pub corrective_measures: String,
}

impl IndicatorEntryFields {
    pub fn of(row: &ReportIndicatorRow) -> IndicatorEntryFields {
        IndicatorEntryFields {
            actual_value: row.actual_value.clone(),
            actual_text: row.actual_text.clone(),
            forecast_value: row.forecast_value.clone(),
            forecast_text: row.forecast_text.clone(),
            deviation_reasons: row.deviation_reasons.clone(),
            deviation_note: row.deviation_note.clone(),
            likelihood: row.likelihood.clone(),
            corrective_measures: row.corrective_measures.clone(),
        }
    }
}

/// The rows of many reports, each report's in order.
pub fn indicator_rows_many(
    conn: &mut PgConnection,
    report_ids: &[Uuid],
) -> Result<Vec<ReportIndicatorRow>, AppError> {
    report_indicators::table
        .filter(report_indicators::report_id.eq_any(report_ids))
        .select(ReportIndicatorRow::as_select())
        .order((
            report_indicators::report_id.asc(),
            report_indicators::id.asc(),
        ))
        .load(conn)
        .map_err(AppError::from)
}

pub fn indicator_rows(
    conn: &mut PgConnection,
    report_id: Uuid,
) -> Result<Vec<ReportIndicatorRow>, AppError> {
    report_indicators::table
        .filter(report_indicators::report_id.eq(report_id))
        .select(ReportIndicatorRow::as_select())
        .order(report_indicators::id.asc())
        .load(conn)
        .map_err(AppError::from)
}

/// Inserts many indicator rows: (report, indicator, snapshot, entry).
pub fn insert_indicator_rows(
    conn: &mut PgConnection,
    rows: &[(Uuid, Uuid, IndicatorSnapshot, IndicatorEntryFields)],
) -> Result<(), AppError> {
    for chunk in rows.chunks(500) {
        let values: Vec<_> = chunk
            .iter()
            .map(|(report_id, indicator_id, snapshot, entry)| {
                (
                    (
                        report_indicators::id.eq(Uuid::now_v7()),
                        report_indicators::report_id.eq(*report_id),
                        report_indicators::indicator_id.eq(*indicator_id),
                        report_indicators::level1.eq(&snapshot.level1),
                        report_indicators::level2.eq(&snapshot.level2),
                        report_indicators::name.eq(&snapshot.name),
                        report_indicators::comparator.eq(&snapshot.comparator),
                        report_indicators::target_value.eq(&snapshot.target_value),
                        report_indicators::target_text.eq(&snapshot.target_text),
                        report_indicators::unit.eq(&snapshot.unit),
                        report_indicators::weight.eq(&snapshot.weight),
                    ),
                    (
                        report_indicators::accrues.eq(snapshot.accrues),
                        report_indicators::expected_value.eq(&snapshot.expected_value),
                        report_indicators::actual_value.eq(&entry.actual_value),
                        report_indicators::actual_text.eq(&entry.actual_text),
                        report_indicators::forecast_value.eq(&entry.forecast_value),
                        report_indicators::forecast_text.eq(&entry.forecast_text),
                        report_indicators::deviation_reasons.eq(&entry.deviation_reasons),
                        report_indicators::deviation_note.eq(&entry.deviation_note),
                        report_indicators::likelihood.eq(&entry.likelihood),
                        report_indicators::corrective_measures.eq(&entry.corrective_measures),
                    ),
                )
            })
            .collect();
        diesel::insert_into(report_indicators::table)
            .values(values)
            .execute(conn)?;
    }
    Ok(())
}

pub fn update_indicator_entry(
    conn: &mut PgConnection,
    row_id: Uuid,
    entry: &IndicatorEntryFields,
) -> Result<(), AppError> {
    diesel::update(report_indicators::table.find(row_id))
        .set(entry)
        .execute(conn)?;
    Ok(())
}

pub fn delete_indicator_rows(conn: &mut PgConnection, row_ids: &[Uuid]) -> Result<(), AppError> {
    for chunk in row_ids.chunks(1000) {
        diesel::delete(report_indicators::table.filter(report_indicators::id.eq_any(chunk)))
            .execute(conn)?;
    }
    Ok(())
}
