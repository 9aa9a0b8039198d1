//! SQL of monitoring reports: project reports with their indicator rows and transitions here,
//! department reports in `department`.

use std::collections::HashMap;

use bigdecimal::BigDecimal;
use chrono::{DateTime, NaiveDate, Utc};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use crate::auth::{ListScope, Place};
use crate::error::AppError;
use crate::keyset;
use crate::pagination::{like_contains, like_prefix};
use crate::schema::{
    departments, projects, report_evaluations, report_indicators, report_transitions, reports,
    rounds,
};

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

pub struct NewReport<'a> {
    pub round_id: Uuid,
    pub project_id: Uuid,
    pub department_id: Uuid,
    pub region_id: Uuid,
    pub region_path: &'a str,
    pub department_path: &'a str,
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

pub fn insert_indicator_row(
    conn: &mut PgConnection,
    report_id: Uuid,
    indicator_id: Uuid,
    snapshot: &IndicatorSnapshot,
    entry: &IndicatorEntryFields,
) -> Result<(), AppError> {
    diesel::insert_into(report_indicators::table)
        .values((
            report_indicators::id.eq(Uuid::now_v7()),
            report_indicators::report_id.eq(report_id),
            report_indicators::indicator_id.eq(indicator_id),
            report_indicators::level1.eq(&snapshot.level1),
            report_indicators::level2.eq(&snapshot.level2),
            report_indicators::name.eq(&snapshot.name),
            report_indicators::comparator.eq(&snapshot.comparator),
            report_indicators::target_value.eq(&snapshot.target_value),
            report_indicators::target_text.eq(&snapshot.target_text),
            report_indicators::unit.eq(&snapshot.unit),
            report_indicators::weight.eq(&snapshot.weight),
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
        ))
        .execute(conn)?;
    Ok(())
}

pub fn update_snapshot(
    conn: &mut PgConnection,
    row_id: Uuid,
    snapshot: &IndicatorSnapshot,
) -> Result<(), AppError> {
    diesel::update(report_indicators::table.find(row_id))
        .set(snapshot)
        .execute(conn)?;
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

pub fn delete_indicator_row(conn: &mut PgConnection, row_id: Uuid) -> Result<(), AppError> {
    diesel::delete(report_indicators::table.find(row_id)).execute(conn)?;
    Ok(())
}

/// Writes the system's figures; bumps the version so clients holding an older ETag re-read.
pub fn update_derived(
    conn: &mut PgConnection,
    id: Uuid,
    derived: &DerivedFields,
    system_filled: &[String],
) -> Result<(), AppError> {
    diesel::update(reports::table.find(id))
        .set((
            derived,
            reports::system_filled.eq(system_filled),
            reports::version.eq(reports::version + 1),
            reports::updated_at.eq(Utc::now()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn update_entry(
    conn: &mut PgConnection,
    id: Uuid,
    expected_version: i32,
    entry: &ReportEntryFields,
    system_filled: &[String],
) -> Result<bool, AppError> {
    let n = diesel::update(
        reports::table
            .filter(reports::id.eq(id))
            .filter(reports::version.eq(expected_version)),
    )
    .set((
        entry,
        reports::system_filled.eq(system_filled),
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

#[derive(Debug, Clone, Queryable)]
pub struct TransitionRow {
    pub from_status: String,
    pub to_status: String,
    pub actor_id: Option<Uuid>,
    pub actor_name: Option<String>,
    pub comment: String,
    pub created_at: DateTime<Utc>,
}

pub struct NewTransition<'a> {
    pub report_id: Uuid,
    pub kind: &'static str,
    pub from: &'a str,
    pub to: &'a str,
    pub actor_id: Uuid,
    pub actor_name: &'a str,
    pub comment: &'a str,
}

pub fn record_transition(conn: &mut PgConnection, t: NewTransition<'_>) -> Result<(), AppError> {
    diesel::insert_into(report_transitions::table)
        .values((
            report_transitions::id.eq(Uuid::now_v7()),
            report_transitions::report_id.eq(t.report_id),
            report_transitions::report_kind.eq(t.kind),
            report_transitions::from_status.eq(t.from),
            report_transitions::to_status.eq(t.to),
            report_transitions::actor_id.eq(t.actor_id),
            report_transitions::actor_name.eq(t.actor_name),
            report_transitions::comment.eq(t.comment),
        ))
        .execute(conn)?;
    Ok(())
}

/// The transitions of several reports, each report's oldest first.
pub fn transitions_of(
    conn: &mut PgConnection,
    report_ids: &[Uuid],
) -> Result<Vec<(Uuid, TransitionRow)>, AppError> {
    report_transitions::table
        .filter(report_transitions::report_id.eq_any(report_ids))
        .order((
            report_transitions::report_id.asc(),
            report_transitions::created_at.asc(),
            report_transitions::id.asc(),
        ))
        .select((
            report_transitions::report_id,
            (
                report_transitions::from_status,
                report_transitions::to_status,
                report_transitions::actor_id,
                report_transitions::actor_name,
                report_transitions::comment,
                report_transitions::created_at,
            ),
        ))
        .load(conn)
        .map_err(AppError::from)
}

pub fn transitions(
    conn: &mut PgConnection,
    report_id: Uuid,
) -> Result<Vec<TransitionRow>, AppError> {
    report_transitions::table
        .filter(report_transitions::report_id.eq(report_id))
        .order((
            report_transitions::created_at.asc(),
            report_transitions::id.asc(),
        ))
        .select((
            report_transitions::from_status,
            report_transitions::to_status,
            report_transitions::actor_id,
            report_transitions::actor_name,
            report_transitions::comment,
            report_transitions::created_at,
        ))
        .load(conn)
        .map_err(AppError::from)
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

/// A report in a list, with its project's code, name and selection.
#[derive(Debug, Clone, Queryable)]
pub struct ReportListRow {
    pub report: ReportRow,
    pub project_code: String,
    pub project_name: String,
    pub key_monitoring: bool,
    pub department_code: String,
    pub light: Option<String>,
    pub budget_light: Option<String>,
}

#[derive(Debug, Default)]
pub struct ReportFilter {
    pub department_id: Option<Uuid>,
    pub project_id: Option<Uuid>,
    pub region_path: Option<String>,
    pub status: Option<String>,
    pub late: Option<bool>,
    pub key_monitoring: Option<bool>,
    pub light: Option<&'static str>,
    pub budget_light: Option<&'static str>,
    pub q: Option<String>,
}

pub fn list_for_round(
    conn: &mut PgConnection,
    round_id: Uuid,
    scope: &ListScope,
    filter: &ReportFilter,
    after: Option<(String, Uuid)>,
    limit: Option<i64>,
) -> Result<Vec<ReportListRow>, AppError> {
    let mut q = reports::table
        .inner_join(projects::table)
        .inner_join(departments::table.on(departments::id.eq(reports::department_id)))
        .left_join(report_evaluations::table)
        .filter(reports::round_id.eq(round_id))
        .select((
            ReportRow::as_select(),
            projects::code,
            projects::name,
            projects::key_monitoring,
            departments::code,
            report_evaluations::light_overall.nullable(),
            report_evaluations::light_budget.nullable(),
        ))
        .into_boxed();
    q = crate::visible!(q, scope, reports, project_id);
    if let Some(d) = filter.department_id {
        q = q.filter(reports::department_id.eq(d));
    }
    if let Some(p) = filter.project_id {
        q = q.filter(reports::project_id.eq(p));
    }
    if let Some(path) = &filter.region_path {
        q = q.filter(reports::region_path.like(like_prefix(path)));
    }
    if let Some(s) = &filter.status {
        q = q.filter(reports::status.eq(s.clone()));
    }
    if let Some(late) = filter.late {
        q = q.filter(reports::late.eq(late));
    }
    if let Some(k) = filter.key_monitoring {
        q = q.filter(projects::key_monitoring.eq(k));
    }
    if let Some(l) = filter.light {
        q = q.filter(report_evaluations::light_overall.nullable().eq(l));
    }
    if let Some(l) = filter.budget_light {
        q = q.filter(report_evaluations::light_budget.nullable().eq(l));
    }
    if let Some(text) = &filter.q {
        q = q.filter(
            projects::code
                .ilike(like_prefix(text))
                .or(projects::name.ilike(like_contains(text))),
        );
    }
    let q = keyset!(q, projects::code, reports::id, false, after);
    let q = match limit {
        Some(limit) => q.limit(limit + 1),
        None => q,
    };
    q.load::<ReportListRow>(conn).map_err(AppError::from)
}

mod department;

pub use department::*;
