use bigdecimal::BigDecimal;
use chrono::{DateTime, Utc};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use uuid::Uuid;

use crate::auth::scope::hidden_projects;
use crate::error::AppError;
use crate::pagination::like_prefix;
use crate::schema::{
    project_light_changes, report_evaluations, reports, rounds, warning_rule_sets,
};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = warning_rule_sets)]
pub struct RuleSetRow {
    pub id: Uuid,
    pub region_id: Uuid,
    pub region_path: String,
    pub version: i32,
    pub overrides: serde_json::Value,
    pub created_by: Option<Uuid>,
    pub created_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// The latest override set of each of these region paths.
pub fn latest_overrides(
    conn: &mut PgConnection,
    paths: &[String],
) -> Result<Vec<RuleSetRow>, AppError> {
    warning_rule_sets::table
        .filter(warning_rule_sets::region_path.eq_any(paths))
        .distinct_on(warning_rule_sets::region_path)
        .order((
            warning_rule_sets::region_path.asc(),
            warning_rule_sets::version.desc(),
        ))
        .select(RuleSetRow::as_select())
        .load(conn)
        .map_err(AppError::from)
}

/// One recorded version of a region's overrides, by region code.
pub fn rule_set_version(
    conn: &mut PgConnection,
    region_code: &str,
    version: i32,
) -> Result<Option<RuleSetRow>, AppError> {
    use crate::schema::regions;
    warning_rule_sets::table
        .inner_join(regions::table)
        .filter(regions::code.eq(region_code))
        .filter(warning_rule_sets::version.eq(version))
        .select(RuleSetRow::as_select())
        .first(conn)
        .optional()
        .map_err(AppError::from)
}

pub fn insert_rule_set(
    conn: &mut PgConnection,
    region_id: Uuid,
    region_path: &str,
    overrides: &serde_json::Value,
    actor: (Uuid, &str),
) -> Result<RuleSetRow, AppError> {
    let current: Option<i32> = warning_rule_sets::table
        .filter(warning_rule_sets::region_id.eq(region_id))
        .select(diesel::dsl::max(warning_rule_sets::version))
        .first(conn)?;
    diesel::insert_into(warning_rule_sets::table)
        .values((
            warning_rule_sets::id.eq(Uuid::now_v7()),
            warning_rule_sets::region_id.eq(region_id),
            warning_rule_sets::region_path.eq(region_path),
            warning_rule_sets::version.eq(current.unwrap_or(0) + 1),
            warning_rule_sets::overrides.eq(overrides),
            warning_rule_sets::created_by.eq(actor.0),
            warning_rule_sets::created_by_name.eq(actor.1),
        ))
        .returning(RuleSetRow::as_returning())
        .get_result(conn)
        .map_err(AppError::from)
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = report_evaluations, treat_none_as_null = true)]
pub struct EvaluationRow {
    pub report_id: Uuid,
    pub round_id: Uuid,
    pub light_overall: String,
    pub light_budget: String,
    pub light_output: String,
    pub light_effect: String,
    pub light_satisfaction: String,
    pub light_goal: String,
    pub light_filing: String,
    pub rules_version: String,
    pub score_total: Option<BigDecimal>,
    pub grade: Option<String>,
    pub scores: serde_json::Value,
    pub digest: String,
}

pub fn evaluation(
    conn: &mut PgConnection,
    report_id: Uuid,
) -> Result<Option<EvaluationRow>, AppError> {
    report_evaluations::table
        .find(report_id)
        .select(EvaluationRow::as_select())
        .first(conn)
        .optional()
        .map_err(AppError::from)
}

/// (report id, overall light, digest) of the stored evaluations of these reports.
pub fn digests(
    conn: &mut PgConnection,
    report_ids: &[Uuid],
) -> Result<Vec<(Uuid, String, String)>, AppError> {
    report_evaluations::table
        .filter(report_evaluations::report_id.eq_any(report_ids))
        .select((
            report_evaluations::report_id,
            report_evaluations::light_overall,
            report_evaluations::digest,
        ))
        .load(conn)
        .map_err(AppError::from)
}

/// Inserts or replaces evaluations, several hundred rows per statement.
pub fn save_evaluations(conn: &mut PgConnection, rows: &[EvaluationRow]) -> Result<(), AppError> {
    use diesel::upsert::excluded;
    use report_evaluations as e;
    for chunk in rows.chunks(500) {
        diesel::insert_into(e::table)
            .values(chunk)
            .on_conflict(e::report_id)
            .do_update()
            .set((
                e::light_overall.eq(excluded(e::light_overall)),
                e::light_budget.eq(excluded(e::light_budget)),
                e::light_output.eq(excluded(e::light_output)),
                e::light_effect.eq(excluded(e::light_effect)),
                e::light_satisfaction.eq(excluded(e::light_satisfaction)),
                e::light_goal.eq(excluded(e::light_goal)),
                e::light_filing.eq(excluded(e::light_filing)),
                e::rules_version.eq(excluded(e::rules_version)),
                e::score_total.eq(excluded(e::score_total)),
                e::grade.eq(excluded(e::grade)),
                e::scores.eq(excluded(e::scores)),
                e::digest.eq(excluded(e::digest)),
                e::computed_at.eq(Utc::now()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub struct LightChange<'a> {
    pub project_id: Uuid,
    pub report_id: Uuid,
    pub round_id: Uuid,
    pub from: &'a str,
    pub to: &'a str,
    pub reason: &'a str,
    pub rules_version: &'a str,
}

/// Records light changes, several hundred per statement.
pub fn record_changes(
    conn: &mut PgConnection,
    changes: &[LightChange<'_>],
) -> Result<(), AppError> {
    for chunk in changes.chunks(1000) {
        let rows: Vec<_> = chunk
            .iter()
            .map(|c| {
                (
                    project_light_changes::id.eq(Uuid::now_v7()),
                    project_light_changes::project_id.eq(c.project_id),
                    project_light_changes::report_id.eq(c.report_id),
                    project_light_changes::round_id.eq(c.round_id),
                    project_light_changes::from_light.eq(c.from),
                    project_light_changes::to_light.eq(c.to),
                    project_light_changes::reason.eq(c.reason),
                    project_light_changes::rules_version.eq(c.rules_version),
                )
            })
            .collect();
        diesel::insert_into(project_light_changes::table)
            .values(rows)
            .execute(conn)?;
    }
    Ok(())
}

#[derive(Debug, Clone, Queryable)]
pub struct ChangeRow {
    pub report_id: Uuid,
    pub round_id: Uuid,
    pub from_light: String,
    pub to_light: String,
    pub reason: String,
    pub rules_version: String,
    pub created_at: DateTime<Utc>,
}

pub fn changes(conn: &mut PgConnection, project_id: Uuid) -> Result<Vec<ChangeRow>, AppError> {
    project_light_changes::table
        .filter(project_light_changes::project_id.eq(project_id))
        .order((
            project_light_changes::created_at.asc(),
            project_light_changes::id.asc(),
        ))
        .select((
            project_light_changes::report_id,
            project_light_changes::round_id,
            project_light_changes::from_light,
            project_light_changes::to_light,
            project_light_changes::reason,
            project_light_changes::rules_version,
            project_light_changes::created_at,
        ))
        .load(conn)
        .map_err(AppError::from)
}

/// Reports of open rounds in the subtree, each with whether it is secret-related now (its
/// project or department classified: `auth::scope`'s hidden set).
pub fn open_reports_under(
    conn: &mut PgConnection,
    region_path: &str,
) -> Result<Vec<(Uuid, bool)>, AppError> {
    reports::table
        .inner_join(rounds::table)
        .filter(rounds::status.eq("open"))
        .filter(reports::region_path.like(like_prefix(region_path)))
        .select((reports::id, reports::project_id.eq_any(hidden_projects())))
        .load(conn)
        .map_err(AppError::from)
}

/// The round's reports, each with whether it is secret-related now.
pub fn reports_of_round(
    conn: &mut PgConnection,
    round_id: Uuid,
) -> Result<Vec<(Uuid, bool)>, AppError> {
    reports::table
        .filter(reports::round_id.eq(round_id))
        .select((reports::id, reports::project_id.eq_any(hidden_projects())))
        .load(conn)
        .map_err(AppError::from)
}
