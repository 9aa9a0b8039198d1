//! Report lifecycle: creation when a round opens (`creation`), the system's pre-fill and its
//! refresh (`figures`), and the workflow (here).

mod creation;
mod figures;

pub use creation::create_for_round;
pub use figures::{
    refresh, refresh_figures, refresh_for_projects, refresh_for_spending,
    refresh_for_spending_many, refresh_many,
};

use bigdecimal::BigDecimal;
use chrono::Utc;
use diesel::pg::PgConnection;
use uuid::Uuid;

use crate::audit::{self, AuditEntry};
use crate::auth::scope::not_found;
use crate::auth::{Action, Caller};
use crate::domain::checks::{CheckResult, CheckSeverity};
use crate::domain::fields::indicator_field;
use crate::domain::indicators::Comparator;
use crate::domain::monitoring::{
    Achievement, IndicatorEntry, ReportAction, ReportStatus, expected_value,
    missing_for_submission, transition,
};
use crate::error::{AppError, FieldErrors};
use crate::indicators::store::IndicatorRow;
use crate::projects::store as projects;
use crate::reports::store::{
    self, IndicatorEntryFields, IndicatorSnapshot, NewTransition, ReportEntryFields, ReportRow,
};
use crate::rounds::store::{self as rounds, RoundRow};

/// Fields the system always computes.
pub const DERIVED: [&str; 4] = [
    "adjusted_budget",
    "executed_amount",
    "execution_rate",
    "time_progress",
];

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

/// What a new round's report takes over from the project's previous report: the values the
/// department set there (itself, or carried over from a round before), not what the system
/// proposed or drafted, which the new report proposes afresh from its own figures. Returns the
/// entry, the indicator entries and the names carried.
pub fn carried_over(
    previous: &ReportRow,
    mut entry: ReportEntryFields,
    mut rows: Vec<(Uuid, IndicatorEntryFields)>,
) -> (
    ReportEntryFields,
    Vec<(Uuid, IndicatorEntryFields)>,
    Vec<String>,
) {
    let proposed = |name: &str| {
        previous.system_filled.iter().any(|f| f == name)
            && !previous.department_fields.iter().any(|f| f == name)
    };
    for name in entered_fields(&entry, &rows) {
        if !proposed(&name) {
            continue;
        }
        match name.as_str() {
            "forecast_execution" => entry.forecast_execution = None,
            "goal_progress" => entry.goal_progress.clear(),
            "construction" => entry.construction.clear(),
            "management" => entry.management.clear(),
            "financial_management" => entry.financial_management.clear(),
            "problems" => entry.problems.clear(),
            "corrective_measures" => entry.corrective_measures.clear(),
            "targets_need_adjusting" => entry.targets_need_adjusting = None,
            other => {
                let mut parts = other.split('.').skip(1);
                let (Some(id), Some(field)) = (
                    parts.next().and_then(|p| Uuid::parse_str(p).ok()),
                    parts.next(),
                ) else {
                    continue;
                };
                let Some((_, e)) = rows.iter_mut().find(|(i, _)| *i == id) else {
                    continue;
                };
                match field {
                    "actual" => (e.actual_value, e.actual_text) = (None, None),
                    "forecast" => (e.forecast_value, e.forecast_text) = (None, None),
                    "deviation_reasons" => e.deviation_reasons.clear(),
                    "deviation_note" => e.deviation_note.clear(),
                    "likelihood" => e.likelihood = None,
                    "corrective_measures" => e.corrective_measures.clear(),
                    _ => {}
                }
            }
        }
    }
    let names = entered_fields(&entry, &rows);
    (entry, rows, names)
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
        let failed: Vec<CheckResult> =
            serde_json::from_value(report.checks.clone()).unwrap_or_default();
        let blocking: Vec<&CheckResult> = failed
            .iter()
            .filter(|c| c.severity == CheckSeverity::Error)
            .collect();
        if !missing.is_empty() || !blocking.is_empty() {
            let mut errors = FieldErrors::new();
            for (field, message) in missing {
                errors.entry(field).or_default().push(message);
            }
            for check in &blocking {
                let message = format!("{}: {}", check.rule.as_str(), check.message);
                let messages = errors.entry(check.field.clone()).or_default();
                if !messages.contains(&message) {
                    messages.push(message);
                }
            }
            return Err(AppError::validation(
                "The report is not complete or fails a logic check; fix each listed field.",
                errors,
            ));
        }
        let now = Utc::now();
        submitted = Some((now, now.date_naive() > round.due_date));
    }
    store::set_status(conn, id, to.as_str(), submitted)?;
    if to.editable() {
        // A returned report is filled in again: its figures catch up with whatever moved
        // while it was submitted (spending, budget, indicators, rules), and it is re-evaluated.
        refresh(conn, id)?;
    } else {
        crate::lights::service::recompute(conn, &[id])?;
    }
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
