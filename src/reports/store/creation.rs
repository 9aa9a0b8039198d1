//! Creating reports, one at a time or pre-filled in bulk when a round opens, and what creation
//! starts from: the reports a round already has and last round's.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use super::{DerivedFields, ReportEntryFields, ReportRow};
use crate::error::AppError;
use crate::schema::{reports, rounds};

pub struct NewReport<'a> {
    pub round_id: Uuid,
    pub project_id: Uuid,
    pub department_id: Uuid,
    pub region_id: Uuid,
    pub region_path: &'a str,
    pub department_path: &'a str,
    /// The project's indicator-set version, which the report keeps.
    pub indicator_set_version: i32,
}

pub fn insert(
    conn: &mut PgConnection,
    new: NewReport<'_>,
    entry: &ReportEntryFields,
    system_filled: &[String],
) -> Result<ReportRow, AppError> {
    diesel::insert_into(reports::table)
        .values((
            reports::id.eq(Uuid::now_v7()),
            reports::round_id.eq(new.round_id),
            reports::project_id.eq(new.project_id),
            reports::department_id.eq(new.department_id),
            reports::region_id.eq(new.region_id),
            reports::region_path.eq(new.region_path),
            reports::department_path.eq(new.department_path),
            reports::indicator_set_version.eq(new.indicator_set_version),
            reports::forecast_execution.eq(&entry.forecast_execution),
            reports::goal_progress.eq(&entry.goal_progress),
            reports::construction.eq(&entry.construction),
            reports::management.eq(&entry.management),
            reports::financial_management.eq(&entry.financial_management),
            reports::problems.eq(&entry.problems),
            reports::corrective_measures.eq(&entry.corrective_measures),
            reports::targets_need_adjusting.eq(entry.targets_need_adjusting),
            reports::system_filled.eq(system_filled),
        ))
        .returning(ReportRow::as_returning())
        .get_result(conn)
        .map_err(AppError::from)
}

/// A report as the system creates it when a round opens: its own figures and carried-over
/// entries already in place.
pub struct PrefilledReport<'a> {
    pub id: Uuid,
    pub report: NewReport<'a>,
    pub entry: ReportEntryFields,
    pub derived: DerivedFields,
    pub system_filled: Vec<String>,
    pub department_fields: Vec<String>,
}

/// Inserts many pre-filled reports, a few hundred rows per statement.
pub fn insert_prefilled(
    conn: &mut PgConnection,
    reports_new: &[PrefilledReport<'_>],
) -> Result<(), AppError> {
    for chunk in reports_new.chunks(500) {
        let values: Vec<_> = chunk
            .iter()
            .map(|r| {
                (
                    (
                        reports::id.eq(r.id),
                        reports::round_id.eq(r.report.round_id),
                        reports::project_id.eq(r.report.project_id),
                        reports::department_id.eq(r.report.department_id),
                        reports::region_id.eq(r.report.region_id),
                        reports::region_path.eq(r.report.region_path),
                        reports::department_path.eq(r.report.department_path),
                        reports::adjusted_budget.eq(&r.derived.adjusted_budget),
                        reports::executed_amount.eq(&r.derived.executed_amount),
                        reports::execution_rate.eq(&r.derived.execution_rate),
                        reports::time_progress.eq(&r.derived.time_progress),
                    ),
                    (
                        reports::forecast_execution.eq(&r.entry.forecast_execution),
                        reports::goal_progress.eq(&r.entry.goal_progress),
                        reports::construction.eq(&r.entry.construction),
                        reports::management.eq(&r.entry.management),
                        reports::financial_management.eq(&r.entry.financial_management),
                        reports::problems.eq(&r.entry.problems),
                        reports::corrective_measures.eq(&r.entry.corrective_measures),
                        reports::targets_need_adjusting.eq(r.entry.targets_need_adjusting),
                        reports::system_filled.eq(&r.system_filled),
                        reports::department_fields.eq(&r.department_fields),
                        reports::indicator_set_version.eq(r.report.indicator_set_version),
                    ),
                )
            })
            .collect();
        diesel::insert_into(reports::table)
            .values(values)
            .execute(conn)?;
    }
    Ok(())
}

/// For each project, its latest report in an earlier round of the same year.
pub fn previous_reports(
    conn: &mut PgConnection,
    project_ids: &[Uuid],
    fiscal_year: i16,
    before: NaiveDate,
) -> Result<HashMap<Uuid, ReportRow>, AppError> {
    let rows: Vec<(NaiveDate, ReportRow)> = reports::table
        .inner_join(rounds::table)
        .filter(reports::project_id.eq_any(project_ids))
        .filter(rounds::fiscal_year.eq(fiscal_year))
        .filter(rounds::cutoff_date.lt(before))
        .select((rounds::cutoff_date, ReportRow::as_select()))
        .load(conn)?;
    let mut latest: HashMap<Uuid, (NaiveDate, ReportRow)> = HashMap::new();
    for (cutoff, row) in rows {
        match latest.get(&row.project_id) {
            Some((seen, _)) if *seen >= cutoff => {}
            _ => {
                latest.insert(row.project_id, (cutoff, row));
            }
        }
    }
    Ok(latest.into_iter().map(|(k, (_, r))| (k, r)).collect())
}

/// Project ids that already have a report in the round.
pub fn reported_projects(conn: &mut PgConnection, round_id: Uuid) -> Result<Vec<Uuid>, AppError> {
    reports::table
        .filter(reports::round_id.eq(round_id))
        .select(reports::project_id)
        .load(conn)
        .map_err(AppError::from)
}
