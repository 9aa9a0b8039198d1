//! Report lifecycle: creation when a round opens, the system's pre-fill, and the workflow.

use std::collections::{HashMap, HashSet};

use bigdecimal::BigDecimal;
use chrono::Utc;
use diesel::pg::PgConnection;
use uuid::Uuid;

use crate::audit::{self, AuditEntry};
use crate::auth::scope::not_found;
use crate::auth::{Action, Caller};
use crate::domain::indicators::{Comparator, readiness};
use crate::domain::monitoring::{
    Achievement, IndicatorEntry, ReportAction, ReportStatus, execution_rate, expected_value,
    missing_for_submission, transition,
};
use crate::error::{AppError, FieldErrors};
use crate::execution::store as execution;
use crate::indicators::store::{self as indicators, IndicatorRow};
use crate::projects::store as projects;
use crate::reports::store::{
    self, DerivedFields, IndicatorEntryFields, IndicatorSnapshot, NewReport, NewTransition,
    ReportEntryFields, ReportIndicatorRow, ReportRow,
};
use crate::rounds::dto::SkippedProject;
use crate::rounds::store::{self as rounds, RoundRow};

/// Fields the system always computes.
pub const DERIVED: [&str; 4] = [
    "adjusted_budget",
    "executed_amount",
    "execution_rate",
    "time_progress",
];

fn indicator_field(indicator_id: Uuid, field: &str) -> String {
    format!("indicators.{indicator_id}.{field}")
}

fn snapshot(ind: &IndicatorRow, progress: &BigDecimal) -> IndicatorSnapshot {
    IndicatorSnapshot {
        level1: ind.level1.clone(),
        level2: ind.level2.clone(),
        name: ind.name.clone(),
        comparator: ind.comparator.clone(),
        target_value: ind.target_value.clone(),
        target_text: ind.target_text.clone(),
        unit: ind.unit.clone(),
        weight: ind.weight.clone(),
        accrues: ind.accrues,
        expected_value: expected_value(ind.target_value.as_ref(), ind.accrues, progress),
    }
}

fn snapshot_of_row(row: &ReportIndicatorRow) -> IndicatorSnapshot {
    IndicatorSnapshot {
        level1: row.level1.clone(),
        level2: row.level2.clone(),
        name: row.name.clone(),
        comparator: row.comparator.clone(),
        target_value: row.target_value.clone(),
        target_text: row.target_text.clone(),
        unit: row.unit.clone(),
        weight: row.weight.clone(),
        accrues: row.accrues,
        expected_value: row.expected_value.clone(),
    }
}

/// Names of the filled-in fields of a report and its rows (what a carry-over copies).
pub fn entered_fields(
    entry: &ReportEntryFields,
    rows: &[(Uuid, IndicatorEntryFields)],
) -> Vec<String> {
    let mut names = Vec::new();
    let text_fields = [
        ("goal_progress", &entry.goal_progress),
        ("construction", &entry.construction),
        ("management", &entry.management),
        ("financial_management", &entry.financial_management),
        ("problems", &entry.problems),
        ("corrective_measures", &entry.corrective_measures),
    ];
    if entry.forecast_execution.is_some() {
        names.push("forecast_execution".to_owned());
    }
    for (name, value) in text_fields {
        if !value.trim().is_empty() {
            names.push(name.to_owned());
        }
    }
    if entry.targets_need_adjusting.is_some() {
        names.push("targets_need_adjusting".to_owned());
    }
    for (id, e) in rows {
        let given = [
            (
                "actual",
                e.actual_value.is_some() || e.actual_text.is_some(),
            ),
            (
                "forecast",
                e.forecast_value.is_some() || e.forecast_text.is_some(),
            ),
            ("deviation_reasons", !e.deviation_reasons.is_empty()),
            ("deviation_note", !e.deviation_note.trim().is_empty()),
            ("likelihood", e.likelihood.is_some()),
            (
                "corrective_measures",
                !e.corrective_measures.trim().is_empty(),
            ),
        ];
        for (field, is_given) in given {
            if is_given {
                names.push(indicator_field(*id, field));
            }
        }
    }
    names
}

/// How many fields a report has: the budget part, the narrative and each indicator row's.
pub fn field_count(rows: &[ReportIndicatorRow]) -> usize {
    let per_row: usize = rows
        .iter()
        .map(|r| if r.comparator == "qualitative" { 6 } else { 7 })
        .sum();
    DERIVED.len() + 8 + per_row
}

/// Brings an editable report up to date with the ledger, the spending records and the
/// project's indicators. Does nothing to submitted, approved or closed reports.
pub fn refresh(conn: &mut PgConnection, report_id: Uuid) -> Result<(), AppError> {
    let Some(report) = store::find_for_update(conn, report_id)? else {
        return Ok(());
    };
    let editable = ReportStatus::parse(&report.status).is_some_and(ReportStatus::editable);
    let round = rounds::find(conn, report.round_id)?.ok_or_else(not_found)?;
    if !editable || round.status == "closed" {
        return Ok(());
    }
    let project = projects::find(conn, report.project_id)?.ok_or_else(not_found)?;
    let progress = crate::lights::service::effective(conn, &report.region_path)?
        .settings
        .time_progress
        .at(round.cutoff_date);
    let executed = execution::executed_up_to(conn, project.row.id, round.cutoff_date)?;
    let derived = DerivedFields {
        execution_rate: execution_rate(&executed, &project.row.adjusted_budget),
        adjusted_budget: project.row.adjusted_budget.clone(),
        executed_amount: executed,
        time_progress: progress.clone(),
    };
    let current_indicators = indicators::for_project(conn, project.row.id)?;
    let rows = store::indicator_rows(conn, report_id)?;
    let mut by_indicator: HashMap<Uuid, ReportIndicatorRow> = rows
        .into_iter()
        .filter_map(|r| r.indicator_id.map(|id| (id, r)))
        .collect();
    let mut changed = false;
    let mut live = HashSet::new();
    let mut system_filled: Vec<String> = DERIVED.iter().map(|s| (*s).to_owned()).collect();
    for ind in &current_indicators {
        live.insert(ind.id);
        let snap = snapshot(ind, &progress);
        if snap.expected_value.is_some() {
            system_filled.push(indicator_field(ind.id, "expected_value"));
        }
        match by_indicator.remove(&ind.id) {
            Some(row) if snapshot_of_row(&row) == snap => {}
            Some(row) => {
                store::update_snapshot(conn, row.id, &snap)?;
                changed = true;
            }
            None => {
                store::insert_indicator_row(
                    conn,
                    report_id,
                    ind.id,
                    &snap,
                    &IndicatorEntryFields::default(),
                )?;
                changed = true;
            }
        }
    }
    // Rows of indicators deleted since (and rows left without an indicator) go.
    for row in by_indicator.into_values() {
        store::delete_indicator_row(conn, row.id)?;
        changed = true;
    }
    for row in store::indicator_rows(conn, report_id)? {
        if row.indicator_id.is_none() {
            store::delete_indicator_row(conn, row.id)?;
            changed = true;
        }
    }
    // Carried-over values stay marked as the system's while the department leaves them be.
    for name in &report.system_filled {
        let derived_name = DERIVED.contains(&name.as_str()) || name.ends_with(".expected_value");
        let of_live_indicator = match name.strip_prefix("indicators.") {
            Some(rest) => rest
                .split('.')
                .next()
                .and_then(|id| Uuid::parse_str(id).ok())
                .is_some_and(|id| live.contains(&id)),
            None => true,
        };
        if !derived_name && of_live_indicator {
            system_filled.push(name.clone());
        }
    }
    let stored = DerivedFields {
        adjusted_budget: report.adjusted_budget.clone(),
        executed_amount: report.executed_amount.clone(),
        execution_rate: report.execution_rate.clone(),
        time_progress: report.time_progress.clone(),
    };
    if changed || stored != derived || system_filled != report.system_filled {
        store::update_derived(conn, report_id, &derived, &system_filled)?;
    }
    crate::lights::service::recompute(conn, &[report_id])?;
    Ok(())
}

/// Refreshes the editable reports of these projects (after new spending, budget or indicators).
pub fn refresh_for_projects(conn: &mut PgConnection, project_ids: &[Uuid]) -> Result<(), AppError> {
    if project_ids.is_empty() {
        return Ok(());
    }
    for id in store::editable_reports_of(conn, project_ids)? {
        refresh(conn, id)?;
    }
    Ok(())
}

/// Creates the missing reports of an open round: one per active, non-classified, ready project
/// of its year in its subtree, pre-filled as `refresh` would (figures to the cut-off, expected
/// values, last round's entries) and evaluated. Works a few hundred projects at a time with a
/// handful of statements each, so a province-wide round opens in one transaction quickly.
/// Returns (created, already there, not ready).
pub fn create_for_round(
    conn: &mut PgConnection,
    caller: &Caller,
    round: &RoundRow,
) -> Result<(usize, usize, Vec<SkippedProject>), AppError> {
    let eligible = projects::eligible_for_round(conn, &round.region_path, round.fiscal_year)?;
    let existing: HashSet<Uuid> = store::reported_projects(conn, round.id)?
        .into_iter()
        .collect();
    let ids: Vec<Uuid> = eligible.iter().map(|p| p.row.id).collect();
    let weights = projects::indicator_weights(conn, &ids)?;
    let (mut already, mut not_ready, mut ready) = (0, Vec::new(), Vec::new());
    for project in eligible {
        if existing.contains(&project.row.id) {
            already += 1;
            continue;
        }
        let list = weights
            .get(&project.row.id)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let readiness = readiness(list.iter().map(|(l, w)| (*l, w)));
        if readiness.ready {
            ready.push(project);
        } else {
            not_ready.push(SkippedProject {
                project_id: project.row.id,
                code: project.row.code.clone(),
                name: project.row.name.clone(),
                reasons: readiness.reasons,
            });
        }
    }
    let mut progress_by_region: HashMap<String, BigDecimal> = HashMap::new();
    let mut created = 0;
    for chunk in ready.chunks(500) {
        created += create_chunk(conn, caller, round, chunk, &mut progress_by_region)?;
    }
    crate::reports::department::ensure_for_round(conn, caller, round)?;
    Ok((created, already, not_ready))
}

fn create_chunk(
    conn: &mut PgConnection,
    caller: &Caller,
    round: &RoundRow,
    chunk: &[projects::ProjectView],
    progress_by_region: &mut HashMap<String, BigDecimal>,
) -> Result<usize, AppError> {
    let ids: Vec<Uuid> = chunk.iter().map(|p| p.row.id).collect();
    // Last round's values of the same year are the starting point.
    let previous = store::previous_reports(conn, &ids, round.fiscal_year, round.cutoff_date)?;
    let previous_ids: Vec<Uuid> = previous.values().map(|r| r.id).collect();
    let mut previous_rows: HashMap<Uuid, HashMap<Uuid, IndicatorEntryFields>> = HashMap::new();
    for row in store::indicator_rows_many(conn, &previous_ids)? {
        if let Some(indicator) = row.indicator_id {
            previous_rows
                .entry(row.report_id)
                .or_default()
                .insert(indicator, IndicatorEntryFields::of(&row));
        }
    }
    let mut indicators_of: HashMap<Uuid, Vec<IndicatorRow>> = HashMap::new();
    for ind in indicators::for_projects(conn, &ids)? {
        indicators_of.entry(ind.project_id).or_default().push(ind);
    }
    let executed = execution::executed_up_to_many(conn, &ids, round.cutoff_date)?;
    let mut new_reports = Vec::with_capacity(chunk.len());
    let mut new_rows = Vec::new();
    let mut audits = Vec::with_capacity(chunk.len());
    for project in chunk {
        let p = &project.row;
        let progress = match progress_by_region.get(&p.region_path) {
            Some(progress) => progress.clone(),
            None => {
                let progress = crate::lights::service::effective(conn, &p.region_path)?
                    .settings
                    .time_progress
                    .at(round.cutoff_date);
                progress_by_region.insert(p.region_path.clone(), progress.clone());
                progress
            }
        };
        let previous = previous.get(&p.id);
        let entry = previous.map(ReportEntryFields::of).unwrap_or_default();
        let carried_from = previous.and_then(|r| previous_rows.get(&r.id));
        let project_indicators = indicators_of.remove(&p.id).unwrap_or_default();
        let carried_rows: Vec<(Uuid, IndicatorEntryFields)> = project_indicators
            .iter()
            .filter_map(|i| {
                carried_from
                    .and_then(|m| m.get(&i.id))
                    .map(|e| (i.id, e.clone()))
            })
            .collect();
        let report_id = Uuid::now_v7();
        // Same order as `refresh`: the system's figures, expected values, then carried entries.
        let mut system_filled: Vec<String> = DERIVED.iter().map(|s| (*s).to_owned()).collect();
        for ind in &project_indicators {
            let snap = snapshot(ind, &progress);
            if snap.expected_value.is_some() {
                system_filled.push(indicator_field(ind.id, "expected_value"));
            }
            let carried = carried_rows
                .iter()
                .find(|(id, _)| *id == ind.id)
                .map(|(_, e)| e.clone())
                .unwrap_or_default();
            new_rows.push((report_id, ind.id, snap, carried));
        }
        system_filled.extend(entered_fields(&entry, &carried_rows));
        let executed = executed
            .get(&p.id)
            .cloned()
            .unwrap_or_else(|| BigDecimal::from(0));
        audits.push(
            AuditEntry::by(caller, "report.created", "report")
                .object(report_id, Some(&p.region_path))
                .project(p.id)
                .details(serde_json::json!({
                    "round_id": round.id, "project_id": p.id, "project_code": p.code,
                    "carried_over_from": previous.map(|r| r.id),
                })),
        );
        new_reports.push(store::PrefilledReport {
            id: report_id,
            report: NewReport {
                round_id: round.id,
                project_id: p.id,
                department_id: p.department_id,
                region_id: p.region_id,
                region_path: &p.region_path,
                department_path: &p.department_path,
            },
            entry,
            derived: DerivedFields {
                execution_rate: execution_rate(&executed, &p.adjusted_budget),
                adjusted_budget: p.adjusted_budget.clone(),
                executed_amount: executed,
                time_progress: progress,
            },
            system_filled,
        });
    }
    let report_ids: Vec<Uuid> = new_reports.iter().map(|r| r.id).collect();
    store::insert_prefilled(conn, &new_reports)?;
    store::insert_indicator_rows(conn, &new_rows)?;
    audit::record_many(conn, audits)?;
    crate::lights::service::recompute(conn, &report_ids)?;
    Ok(report_ids.len())
}

fn conflict_if_closed(round: &RoundRow) -> Result<(), AppError> {
    if round.status == "closed" {
        return Err(AppError::Conflict(
            "The round is closed; its reports are read-only.".to_owned(),
        ));
    }
    Ok(())
}

/// The report and its round, if the caller may do `action` on it.
pub fn report_for(
    conn: &mut PgConnection,
    caller: &Caller,
    action: Action,
    id: Uuid,
    lock: bool,
) -> Result<(ReportRow, RoundRow), AppError> {
    caller.require(action)?;
    let report = if lock {
        store::find_for_update(conn, id)?
    } else {
        store::find(conn, id)?
    }
    .ok_or_else(not_found)?;
    let hidden = projects::secret_related(conn, report.project_id)?;
    caller.authorize(action, &report.place(hidden))?;
    let round = rounds::find(conn, report.round_id)?.ok_or_else(not_found)?;
    Ok((report, round))
}

fn achievement(text: &Option<String>) -> Option<Achievement> {
    text.as_deref().and_then(Achievement::parse)
}

/// Moves a report through the workflow, keeping the transition and an audit event.
pub fn act(
    conn: &mut PgConnection,
    caller: &Caller,
    id: Uuid,
    action: ReportAction,
    comment: &str,
) -> Result<(), AppError> {
    let needed = match action {
        ReportAction::Submit => Action::EditReports,
        ReportAction::Return | ReportAction::Approve => Action::ReviewReports,
    };
    let (report, round) = report_for(conn, caller, needed, id, true)?;
    conflict_if_closed(&round)?;
    let from = ReportStatus::parse(&report.status).unwrap_or(ReportStatus::Draft);
    let to = transition(from, action).map_err(AppError::Conflict)?;
    if action == ReportAction::Return && comment.trim().is_empty() {
        return Err(AppError::invalid_field(
            "comment",
            "say what the department must fix",
        ));
    }
    let mut submitted = None;
    if action == ReportAction::Submit {
        refresh(conn, id)?;
        let report = store::find(conn, id)?.ok_or_else(not_found)?;
        let rows = store::indicator_rows(conn, id)?;
        let entries: Vec<IndicatorEntry<'_>> = rows
            .iter()
            .map(|r| IndicatorEntry {
                comparator: Comparator::parse(&r.comparator).unwrap_or(Comparator::AtLeast),
                expected: r.expected_value.as_ref(),
                actual_value: r.actual_value.as_ref(),
                actual_text: achievement(&r.actual_text),
                forecast_given: r.forecast_value.is_some() || r.forecast_text.is_some(),
                likelihood_given: r.likelihood.is_some(),
                deviation_reasons: r.deviation_reasons.len(),
                corrective_measures: &r.corrective_measures,
            })
            .collect();
        let missing = missing_for_submission(
            report.forecast_execution.is_some(),
            &report.goal_progress,
            &entries,
        );
        if !missing.is_empty() {
            let mut errors = FieldErrors::new();
            for (field, message) in missing {
                errors.entry(field).or_default().push(message);
            }
            return Err(AppError::validation(
                "The report is not complete; fill in each listed field.",
                errors,
            ));
        }
        let now = Utc::now();
        submitted = Some((now, now.date_naive() > round.due_date));
    }
    store::set_status(conn, id, to.as_str(), submitted)?;
    crate::lights::service::recompute(conn, &[id])?;
    store::record_transition(
        conn,
        NewTransition {
            report_id: id,
            kind: "project",
            from: from.as_str(),
            to: to.as_str(),
            actor_id: caller.user_id,
            actor_name: &caller.username,
            comment: comment.trim(),
        },
    )?;
    audit::record(
        conn,
        AuditEntry::by(
            caller,
            match action {
                ReportAction::Submit => "report.submitted",
                ReportAction::Return => "report.returned",
                ReportAction::Approve => "report.approved",
            },
            "report",
        )
        .object(id, Some(&report.region_path))
        .project(report.project_id)
        .change(
            Some(&serde_json::json!({"status": from.as_str()})),
            Some(&serde_json::json!({"status": to.as_str(), "late": submitted.map(|s| s.1)})),
        )
        .details(serde_json::json!({"comment": comment.trim()})),
    )
}

pub fn check_editable(report: &ReportRow, round: &RoundRow) -> Result<(), AppError> {
    conflict_if_closed(round)?;
    if !ReportStatus::parse(&report.status).is_some_and(ReportStatus::editable) {
        return Err(AppError::Conflict(format!(
            "A {} report cannot be changed.",
            report.status
        )));
    }
    Ok(())
}
