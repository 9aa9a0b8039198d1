//! The project report row and the reads and writes of one report: lookups, the department's
//! entries and the workflow status.

use bigdecimal::BigDecimal;
use chrono::{DateTime, NaiveDate, Utc};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use crate::auth::Place;
use crate::error::AppError;
use crate::schema::{reports, rounds};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = reports)]
pub struct ReportRow {
    pub id: Uuid,
    pub round_id: Uuid,
    pub project_id: Uuid,
    pub department_id: Uuid,
    pub region_id: Uuid,
    pub region_path: String,
    pub department_path: String,
    pub status: String,
    pub late: bool,
    pub submitted_at: Option<DateTime<Utc>>,
    pub adjusted_budget: BigDecimal,
    pub executed_amount: BigDecimal,
    pub execution_rate: Option<BigDecimal>,
    pub time_progress: BigDecimal,
    pub forecast_execution: Option<BigDecimal>,
    pub goal_progress: String,
    pub construction: String,
    pub management: String,
    pub financial_management: String,
    pub problems: String,
    pub corrective_measures: String,
    pub targets_need_adjusting: Option<bool>,
    pub system_filled: Vec<String>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Fields the department has set; the system proposes nothing into them.
    pub department_fields: Vec<String>,
    pub generated_fields: i32,
    pub applicable_fields: i32,
    /// The logic checks that failed at the last write (`domain::checks::CheckResult`s).
    pub checks: serde_json::Value,
    /// The version of its project's indicator set the report monitors.
    pub indicator_set_version: i32,
}

impl ReportRow {
    /// Where the report lives; `classified` is whether its project is secret-related now
    /// (`projects::store::secret_related`): a project classified after its round opened keeps
    /// its reports, hidden as the project is.
    pub fn place(&self, classified: bool) -> Place<'_> {
        Place {
            region_path: &self.region_path,
            department: Some((self.region_id, &self.department_path)),
            classified,
        }
    }
}

/// What the department fills in for the report as a whole.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset)]
#[diesel(table_name = reports, treat_none_as_null = true)]
pub struct ReportEntryFields {
    pub forecast_execution: Option<BigDecimal>,
    pub goal_progress: String,
    pub construction: String,
    pub management: String,
    pub financial_management: String,
    pub problems: String,
    pub corrective_measures: String,
    pub targets_need_adjusting: Option<bool>,
}

impl ReportEntryFields {
    pub fn of(row: &ReportRow) -> ReportEntryFields {
        ReportEntryFields {
            forecast_execution: row.forecast_execution.clone(),
            goal_progress: row.goal_progress.clone(),
            construction: row.construction.clone(),
            management: row.management.clone(),
            financial_management: row.financial_management.clone(),
            problems: row.problems.clone(),
            corrective_measures: row.corrective_measures.clone(),
            targets_need_adjusting: row.targets_need_adjusting,
        }
    }
}

/// The budget part the system computes.
#[derive(Debug, Clone, PartialEq, AsChangeset)]
#[diesel(table_name = reports, treat_none_as_null = true)]
pub struct DerivedFields {
    pub adjusted_budget: BigDecimal,
    pub executed_amount: BigDecimal,
    pub execution_rate: Option<BigDecimal>,
    pub time_progress: BigDecimal,
}

pub fn find(conn: &mut PgConnection, id: Uuid) -> Result<Option<ReportRow>, AppError> {
    reports::table
        .find(id)
        .select(ReportRow::as_select())
        .first(conn)
        .optional()
        .map_err(AppError::from)
}

pub fn find_for_update(conn: &mut PgConnection, id: Uuid) -> Result<Option<ReportRow>, AppError> {
    reports::table
        .find(id)
        .select(ReportRow::as_select())
        .for_update()
        .first(conn)
        .optional()
        .map_err(AppError::from)
}

pub fn find_many(conn: &mut PgConnection, ids: &[Uuid]) -> Result<Vec<ReportRow>, AppError> {
    reports::table
        .filter(reports::id.eq_any(ids))
        .select(ReportRow::as_select())
        .load(conn)
        .map_err(AppError::from)
}

pub fn update_entry(
    conn: &mut PgConnection,
    id: Uuid,
    expected_version: i32,
    entry: &ReportEntryFields,
    system_filled: &[String],
    department_fields: &[String],
) -> Result<bool, AppError> {
    let n = diesel::update(
        reports::table
            .filter(reports::id.eq(id))
            .filter(reports::version.eq(expected_version)),
    )
    .set((
        entry,
        reports::system_filled.eq(system_filled),
        reports::department_fields.eq(department_fields),
        reports::version.eq(reports::version + 1),
        reports::updated_at.eq(Utc::now()),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn set_status(
    conn: &mut PgConnection,
    id: Uuid,
    status: &str,
    submitted: Option<(DateTime<Utc>, bool)>,
) -> Result<(), AppError> {
    let q = diesel::update(reports::table.find(id));
    match submitted {
        Some((at, late)) => q
            .set((
                reports::status.eq(status),
                reports::submitted_at.eq(at),
                reports::late.eq(late),
                reports::version.eq(reports::version + 1),
                reports::updated_at.eq(Utc::now()),
            ))
            .execute(conn)?,
        None => q
            .set((
                reports::status.eq(status),
                reports::version.eq(reports::version + 1),
                reports::updated_at.eq(Utc::now()),
            ))
            .execute(conn)?,
    };
    Ok(())
}

/// The latest report of the project in an earlier round of the same year.
pub fn previous_report(
    conn: &mut PgConnection,
    project_id: Uuid,
    fiscal_year: i16,
    before: NaiveDate,
) -> Result<Option<ReportRow>, AppError> {
    reports::table
        .inner_join(rounds::table)
        .filter(reports::project_id.eq(project_id))
        .filter(rounds::fiscal_year.eq(fiscal_year))
        .filter(rounds::cutoff_date.lt(before))
        .order(rounds::cutoff_date.desc())
        .select(ReportRow::as_select())
        .first(conn)
        .optional()
        .map_err(AppError::from)
}

/// Whether the project has a report in a round that is open now.
pub fn in_open_round(conn: &mut PgConnection, project_id: Uuid) -> Result<bool, AppError> {
    diesel::select(diesel::dsl::exists(
        reports::table
            .inner_join(rounds::table)
            .filter(reports::project_id.eq(project_id))
            .filter(rounds::status.eq("open")),
    ))
    .get_result(conn)
    .map_err(AppError::from)
}
