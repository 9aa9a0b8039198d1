//! Bulk writes of the demo data set: many rows per statement, because the set must load in
//! well under a minute and `--scale` reaches provincial size.

use bigdecimal::BigDecimal;
use chrono::{DateTime, NaiveDate, Utc};
use diesel::dsl::count_star;
use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::sql_types::{Array, Bool, Nullable, Numeric, Text, Uuid as SqlUuid};
use uuid::Uuid;

use crate::error::AppError;
use crate::schema::{
    budget_ledger, departments, execution_records, indicator_values, indicators, projects, regions,
    report_transitions, reports,
};

/// Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for the widest table.
const CHUNK: usize = 1_000;

pub fn is_empty(conn: &mut PgConnection) -> Result<bool, AppError> {
    let n: i64 = regions::table.select(count_star()).first(conn)?;
    Ok(n == 0)
}

pub struct RegionInsert {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub level: &'static str,
    pub parent_id: Option<Uuid>,
    pub path: String,
}

pub fn insert_regions(conn: &mut PgConnection, rows: &[RegionInsert]) -> Result<(), AppError> {
    for chunk in rows.chunks(CHUNK) {
        let values: Vec<_> = chunk
            .iter()
            .map(|r| {
                (
                    regions::id.eq(r.id),
                    regions::code.eq(&r.code),
                    regions::name.eq(&r.name),
                    regions::level.eq(r.level),
                    regions::parent_id.eq(r.parent_id),
                    regions::path.eq(&r.path),
                )
            })
            .collect();
        diesel::insert_into(regions::table)
            .values(values)
            .execute(conn)?;
    }
    Ok(())
}

pub struct DepartmentInsert {
    pub id: Uuid,
    pub region_id: Uuid,
    pub region_path: String,
    pub code: String,
    pub name: String,
    pub classified: bool,
}

pub fn insert_departments(
    conn: &mut PgConnection,
    rows: &[DepartmentInsert],
) -> Result<(), AppError> {
    for chunk in rows.chunks(CHUNK) {
        let values: Vec<_> = chunk
            .iter()
            .map(|d| {
                (
                    departments::id.eq(d.id),
                    departments::region_id.eq(d.region_id),
                    departments::region_path.eq(&d.region_path),
                    departments::code.eq(&d.code),
                    departments::name.eq(&d.name),
                    departments::path.eq(format!("{}/", d.code)),
                    departments::classified.eq(d.classified),
                )
            })
            .collect();
        diesel::insert_into(departments::table)
            .values(values)
            .execute(conn)?;
    }
    Ok(())
}

pub struct ProjectInsert {
    pub id: Uuid,
    pub department_id: Uuid,
    pub region_id: Uuid,
    pub region_path: String,
    pub department_path: String,
    pub code: String,
    pub name: String,
    pub function_class: &'static str,
    pub annual_goal: String,
    /// central, provincial, municipal, county
    pub funds: [BigDecimal; 4],
    pub budget: BigDecimal,
    pub classified: bool,
}

/// Inserts projects with their opening ledger entry (the ledger's trigger sets the adjusted
/// budget, as it does for projects created through the API).
pub fn insert_projects(
    conn: &mut PgConnection,
    rows: &[ProjectInsert],
    fiscal_year: i16,
    actor: (Uuid, &str),
) -> Result<(), AppError> {
    let start = NaiveDate::from_ymd_opt(i32::from(fiscal_year), 1, 1);
    let end = NaiveDate::from_ymd_opt(i32::from(fiscal_year), 12, 31);
    for chunk in rows.chunks(CHUNK) {
        let values: Vec<_> = chunk
            .iter()
            .map(|p| {
                (
                    (
                        projects::id.eq(p.id),
                        projects::department_id.eq(p.department_id),
                        projects::region_id.eq(p.region_id),
                        projects::region_path.eq(&p.region_path),
                        projects::department_path.eq(&p.department_path),
                        projects::fiscal_year.eq(fiscal_year),
                        projects::code.eq(&p.code),
                        projects::name.eq(&p.name),
                        projects::function_class.eq(p.function_class),
                        projects::start_date.eq(start),
                        projects::end_date.eq(end),
                        projects::annual_goal.eq(&p.annual_goal),
                    ),
                    (
                        projects::fund_central.eq(&p.funds[0]),
                        projects::fund_provincial.eq(&p.funds[1]),
                        projects::fund_municipal.eq(&p.funds[2]),
                        projects::fund_county.eq(&p.funds[3]),
                        projects::initial_budget.eq(&p.budget),
                        projects::classified.eq(p.classified),
                    ),
                )
            })
            .collect();
        diesel::insert_into(projects::table)
            .values(values)
            .execute(conn)?;
        let ledger: Vec<_> = chunk
            .iter()
            .map(|p| {
                (
                    budget_ledger::id.eq(Uuid::now_v7()),
                    budget_ledger::project_id.eq(p.id),
                    budget_ledger::kind.eq("initial"),
                    budget_ledger::amount.eq(&p.budget),
                    budget_ledger::reason.eq("initial budget"),
                    budget_ledger::reference.eq("demo data"),
                    budget_ledger::actor_id.eq(actor.0),
                    budget_ledger::actor_name.eq(actor.1),
                )
            })
            .collect();
        diesel::insert_into(budget_ledger::table)
            .values(ledger)
            .execute(conn)?;
    }
    Ok(())
}

pub struct IndicatorInsert {
    pub id: Uuid,
    pub project_id: Uuid,
    pub level1: &'static str,
    pub level2: &'static str,
    pub name: &'static str,
    pub comparator: &'static str,
    pub target_value: Option<BigDecimal>,
    pub target_text: Option<&'static str>,
    pub unit: &'static str,
    pub weight: BigDecimal,
    pub accrues: bool,
}

pub fn insert_indicators(
    conn: &mut PgConnection,
    rows: &[IndicatorInsert],
) -> Result<(), AppError> {
    for chunk in rows.chunks(CHUNK) {
        let values: Vec<_> = chunk
            .iter()
            .map(|i| {
                (
                    indicators::id.eq(i.id),
                    indicators::project_id.eq(i.project_id),
                    indicators::level1.eq(i.level1),
                    indicators::level2.eq(i.level2),
                    indicators::name.eq(i.name),
                    indicators::comparator.eq(i.comparator),
                    indicators::target_value.eq(&i.target_value),
                    indicators::target_text.eq(i.target_text),
                    indicators::unit.eq(i.unit),
                    indicators::weight.eq(&i.weight),
                    indicators::accrues.eq(i.accrues),
                )
            })
            .collect();
        diesel::insert_into(indicators::table)
            .values(values)
            .execute(conn)?;
    }
    Ok(())
}

pub struct PaymentInsert {
    pub project_id: Uuid,
    pub region_id: Uuid,
    pub region_path: String,
    pub department_path: String,
    pub date: NaiveDate,
    pub amount: BigDecimal,
    pub external_ref: String,
}

pub fn insert_payments(conn: &mut PgConnection, rows: &[PaymentInsert]) -> Result<(), AppError> {
    for chunk in rows.chunks(CHUNK) {
        let values: Vec<_> = chunk
            .iter()
            .map(|p| {
                (
                    execution_records::id.eq(Uuid::now_v7()),
                    execution_records::project_id.eq(p.project_id),
                    execution_records::region_id.eq(p.region_id),
                    execution_records::region_path.eq(&p.region_path),
                    execution_records::department_path.eq(&p.department_path),
                    execution_records::payment_date.eq(p.date),
                    execution_records::amount.eq(&p.amount),
                    execution_records::external_ref.eq(&p.external_ref),
                    execution_records::description.eq("treasury payment"),
                )
            })
            .collect();
        diesel::insert_into(execution_records::table)
            .values(values)
            .execute(conn)?;
    }
    Ok(())
}

/// A measured indicator value as a business system sends it.
pub struct ValueInsert {
    pub indicator_id: Uuid,
    pub project_id: Uuid,
    pub region_id: Uuid,
    pub region_path: String,
    pub department_path: String,
    pub measured_on: NaiveDate,
    pub value: Option<BigDecimal>,
    pub achievement: Option<&'static str>,
    pub source_system: &'static str,
    pub external_ref: String,
    pub created_by: Uuid,
}

pub fn insert_values(conn: &mut PgConnection, rows: &[ValueInsert]) -> Result<(), AppError> {
    for chunk in rows.chunks(CHUNK * 4) {
        let values: Vec<_> = chunk
            .iter()
            .map(|v| {
                (
                    indicator_values::id.eq(Uuid::now_v7()),
                    indicator_values::indicator_id.eq(v.indicator_id),
                    indicator_values::project_id.eq(v.project_id),
                    indicator_values::region_id.eq(v.region_id),
                    indicator_values::region_path.eq(&v.region_path),
                    indicator_values::department_path.eq(&v.department_path),
                    indicator_values::measured_on.eq(v.measured_on),
                    indicator_values::value.eq(&v.value),
                    indicator_values::achievement.eq(v.achievement),
                    indicator_values::source_system.eq(v.source_system),
                    indicator_values::external_ref.eq(&v.external_ref),
                    indicator_values::created_by.eq(v.created_by),
                )
            })
            .collect();
        diesel::insert_into(indicator_values::table)
            .values(values)
            .execute(conn)?;
    }
    Ok(())
}

/// What a department types into one indicator row: the actual value (`typed`), and reasons,
/// note and measures for a row behind (`explain`).
pub struct RowEntry {
    pub row_id: Uuid,
    pub actual_value: Option<BigDecimal>,
    pub actual_text: Option<&'static str>,
    pub typed: bool,
    pub explain: bool,
}

pub fn enter_rows(conn: &mut PgConnection, rows: &[RowEntry]) -> Result<(), AppError> {
    for chunk in rows.chunks(CHUNK * 5) {
        diesel::sql_query(
            "UPDATE report_indicators ri SET
               actual_value = CASE WHEN v.typed THEN v.actual_value ELSE ri.actual_value END,
               actual_text = CASE WHEN v.typed THEN v.actual_text ELSE ri.actual_text END,
               deviation_reasons = CASE WHEN v.explain THEN ARRAY['funding', 'other']
                                        ELSE ri.deviation_reasons END,
               deviation_note = CASE WHEN v.explain
                 THEN 'Tendering took longer than planned; funds arrived late.'
                 ELSE ri.deviation_note END,
               corrective_measures = CASE WHEN v.explain
                 THEN 'Weekly progress meetings; payments scheduled against milestones.'
                 ELSE ri.corrective_measures END
             FROM unnest($1::uuid[], $2::numeric[], $3::text[], $4::bool[], $5::bool[])
               AS v(id, actual_value, actual_text, typed, explain)
             WHERE ri.id = v.id",
        )
        .bind::<Array<SqlUuid>, _>(chunk.iter().map(|r| r.row_id).collect::<Vec<_>>())
        .bind::<Array<Nullable<Numeric>>, _>(
            chunk
                .iter()
                .map(|r| r.actual_value.clone())
                .collect::<Vec<_>>(),
        )
        .bind::<Array<Nullable<Text>>, _>(chunk.iter().map(|r| r.actual_text).collect::<Vec<_>>())
        .bind::<Array<Bool>, _>(chunk.iter().map(|r| r.typed).collect::<Vec<_>>())
        .bind::<Array<Bool>, _>(chunk.iter().map(|r| r.explain).collect::<Vec<_>>())
        .execute(conn)?;
    }
    Ok(())
}

/// What a department types into a report as a whole, and the names of every field it typed.
pub struct DepartmentEntry {
    pub report_id: Uuid,
    pub full: bool,
    /// Some indicator is behind: the measures say what is done about it.
    pub lagging: bool,
    /// Its own goal progress instead of the drafted one.
    pub goal_progress: Option<&'static str>,
    pub department_fields: Vec<String>,
}

pub fn enter_reports(conn: &mut PgConnection, rows: &[DepartmentEntry]) -> Result<(), AppError> {
    for chunk in rows.chunks(CHUNK * 5) {
        let names: Vec<String> = chunk
            .iter()
            .map(|r| serde_json::to_string(&r.department_fields).unwrap_or_else(|_| "[]".into()))
            .collect();
        diesel::sql_query(
            "WITH v AS (SELECT v.*, ARRAY(SELECT jsonb_array_elements_text(v.fields::jsonb)) AS typed
                          FROM unnest($1::uuid[], $2::bool[], $3::bool[], $4::text[], $5::text[])
                            AS v(id, full_entry, lagging, goal_progress, fields))
             UPDATE reports r SET
               construction = CASE WHEN v.full_entry THEN 'Construction follows the approved plan.'
                                   ELSE r.construction END,
               management = CASE WHEN v.full_entry THEN 'Responsibilities are assigned per task.'
                                 ELSE r.management END,
               corrective_measures = CASE WHEN NOT v.full_entry THEN r.corrective_measures
                 WHEN v.lagging THEN 'Milestones re-planned with the contractor.'
                 ELSE 'None needed; progress is checked monthly.' END,
               goal_progress = coalesce(v.goal_progress, r.goal_progress),
               department_fields = ARRAY(SELECT DISTINCT unnest(r.department_fields || v.typed)),
               system_filled = ARRAY(SELECT f FROM unnest(r.system_filled) WITH ORDINALITY AS s(f, n)
                                      WHERE f <> ALL (v.typed) ORDER BY n)
             FROM v WHERE r.id = v.id",
        )
        .bind::<Array<SqlUuid>, _>(chunk.iter().map(|r| r.report_id).collect::<Vec<_>>())
        .bind::<Array<Bool>, _>(chunk.iter().map(|r| r.full).collect::<Vec<_>>())
        .bind::<Array<Bool>, _>(chunk.iter().map(|r| r.lagging).collect::<Vec<_>>())
        .bind::<Array<Nullable<Text>>, _>(
            chunk.iter().map(|r| r.goal_progress).collect::<Vec<_>>(),
        )
        .bind::<Array<Text>, _>(names)
        .execute(conn)?;
    }
    Ok(())
}

pub struct ReportStep {
    pub report_id: Uuid,
    pub from: &'static str,
    pub to: &'static str,
    pub by: (Uuid, String),
    pub comment: &'static str,
    pub at: DateTime<Utc>,
}

/// Moves reports along the workflow as their history says: the last step of each report gives
/// its status; a submission after `due` makes it late.
pub fn apply_steps(
    conn: &mut PgConnection,
    steps: &[ReportStep],
    due_end: DateTime<Utc>,
) -> Result<(), AppError> {
    for chunk in steps.chunks(CHUNK) {
        let values: Vec<_> = chunk
            .iter()
            .map(|s| {
                (
                    report_transitions::id.eq(Uuid::now_v7()),
                    report_transitions::report_id.eq(s.report_id),
                    report_transitions::report_kind.eq("project"),
                    report_transitions::from_status.eq(s.from),
                    report_transitions::to_status.eq(s.to),
                    report_transitions::actor_id.eq(Some(s.by.0)),
                    report_transitions::actor_name.eq(Some(s.by.1.as_str())),
                    report_transitions::comment.eq(s.comment),
                    report_transitions::created_at.eq(s.at),
                )
            })
            .collect();
        diesel::insert_into(report_transitions::table)
            .values(values)
            .execute(conn)?;
    }
    for chunk in steps.chunks(CHUNK * 5) {
        let ids: Vec<Uuid> = chunk.iter().map(|s| s.report_id).collect();
        let statuses: Vec<&str> = chunk.iter().map(|s| s.to).collect();
        let times: Vec<DateTime<Utc>> = chunk.iter().map(|s| s.at).collect();
        // Steps are applied in order, so a report's last row wins.
        diesel::sql_query(
            "WITH v AS (SELECT DISTINCT ON (id) id, status, at FROM unnest($1::uuid[], $2::text[], $3::timestamptz[])
                          WITH ORDINALITY AS v(id, status, at, n) ORDER BY id, n DESC)
             UPDATE reports r SET status = v.status,
               submitted_at = CASE WHEN v.status = 'submitted' THEN v.at ELSE r.submitted_at END,
               late = r.late OR (v.status = 'submitted' AND v.at > $4),
               version = r.version + 1
             FROM v WHERE r.id = v.id",
        )
        .bind::<Array<SqlUuid>, _>(&ids)
        .bind::<Array<Text>, _>(&statuses)
        .bind::<Array<diesel::sql_types::Timestamptz>, _>(&times)
        .bind::<diesel::sql_types::Timestamptz, _>(due_end)
        .execute(conn)?;
    }
    Ok(())
}

pub fn report_ids_of_round(
    conn: &mut PgConnection,
    round_id: Uuid,
) -> Result<Vec<(Uuid, Uuid)>, AppError> {
    reports::table
        .filter(reports::round_id.eq(round_id))
        .select((reports::id, reports::project_id))
        .load(conn)
        .map_err(AppError::from)
}

pub fn mark_key_monitored(conn: &mut PgConnection, ids: &[Uuid]) -> Result<(), AppError> {
    for chunk in ids.chunks(CHUNK * 5) {
        diesel::update(projects::table.filter(projects::id.eq_any(chunk)))
            .set(projects::key_monitoring.eq(true))
            .execute(conn)?;
    }
    Ok(())
}

pub fn analyze(conn: &mut PgConnection) -> Result<(), AppError> {
    diesel::sql_query("ANALYZE").execute(conn)?;
    Ok(())
}
