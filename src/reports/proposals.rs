//! The system's part of a report beyond its figures: forecasts, likelihoods, whether targets
//! need adjusting and the drafted analysis, proposed into every field the department has not
//! set, the logic checks, and the report's generated and applicable field counts. Runs on
//! every write that re-evaluates a report (`lights::service::recompute`), before the lights are computed, so the
//! lights see the proposed likelihoods and the drafts name the lights the report will show.

use std::collections::HashMap;

use bigdecimal::BigDecimal;
use diesel::pg::PgConnection;
use uuid::Uuid;

use crate::domain::checks::{self, CheckedReport, CheckedRow};
use crate::domain::drafts::{DraftFacts, DraftIndicator, draft};
use crate::domain::evaluation::{Evaluation, evaluate};
use crate::domain::fields::{RowState, applicable, count, indicator_field};
use crate::domain::indicators::Comparator;
use crate::domain::monitoring::{Achievement, Likelihood, ReportStatus, is_behind};
use crate::domain::proposals::{
    forecast_execution, indicator_forecast, likelihood_of, targets_need_adjusting,
};
use crate::error::AppError;
use crate::indicator_values::store::{self as values, ValueRow};
use crate::lights::service::{Effective, report_facts};
use crate::reports::store::{ReportIndicatorRow, ReportProposalWrite, ReportRow, RowProposalWrite};
use crate::rounds::store::RoundRow;

/// Which fields the system may write: those the department has not set, and that are empty or
/// still the system's (a value that is neither is the department's, e.g. typed before
/// `department_fields` was kept).
struct Ownership<'a> {
    report: &'a ReportRow,
}

impl Ownership<'_> {
    fn may_write(&self, name: &str, has_value: bool) -> bool {
        !self.report.department_fields.iter().any(|f| f == name)
            && (!has_value || self.report.system_filled.iter().any(|f| f == name))
    }
}

/// Lists `name` as the system's when `filled`, and drops it from the system's list when not.
fn mark(system_filled: &mut Vec<String>, name: &str, filled: bool) {
    let present = system_filled.iter().any(|f| f == name);
    if filled && !present {
        system_filled.push(name.to_owned());
    } else if !filled && present {
        system_filled.retain(|f| f != name);
    }
}

fn achievement(text: &Option<String>) -> Option<Achievement> {
    text.as_deref().and_then(Achievement::parse)
}

fn comparator(row: &ReportIndicatorRow) -> Comparator {
    Comparator::parse(&row.comparator).unwrap_or(Comparator::AtLeast)
}

fn behind(row: &ReportIndicatorRow) -> bool {
    is_behind(
        comparator(row),
        row.expected_value.as_ref(),
        row.actual_value.as_ref(),
        achievement(&row.actual_text),
    )
}

/// Proposes into an editable report's open fields and recounts any report's fields. The rows
/// and report are changed in place; returns what to write, or `None` when nothing moved.
/// The latest fed value of each indicator up to its report's cut-off, for the editable
/// reports of a batch: report id → indicator id → value.
pub fn fed_values(
    conn: &mut PgConnection,
    batch: &[ReportRow],
    rows_by_report: &HashMap<Uuid, Vec<ReportIndicatorRow>>,
    rounds: &HashMap<Uuid, RoundRow>,
) -> Result<HashMap<Uuid, HashMap<Uuid, ValueRow>>, AppError> {
    let mut by_cutoff: HashMap<chrono::NaiveDate, Vec<(Uuid, Vec<Uuid>)>> = HashMap::new();
    for report in batch {
        let Some(round) = rounds.get(&report.round_id) else {
            continue;
        };
        if !ReportStatus::parse(&report.status).is_some_and(ReportStatus::editable)
            || round.status == "closed"
        {
            continue;
        }
        let indicators: Vec<Uuid> = rows_by_report
            .get(&report.id)
            .map(|rows| rows.iter().filter_map(|r| r.indicator_id).collect())
            .unwrap_or_default();
        by_cutoff
            .entry(round.cutoff_date)
            .or_default()
            .push((report.id, indicators));
    }
    let mut out: HashMap<Uuid, HashMap<Uuid, ValueRow>> = HashMap::new();
    for (cutoff, reports) in by_cutoff {
        let ids: Vec<Uuid> = reports
            .iter()
            .flat_map(|(_, i)| i.iter().copied())
            .collect();
        let latest = values::latest_up_to(conn, &ids, cutoff)?;
        for (report, indicators) in reports {
            let mine: HashMap<Uuid, ValueRow> = indicators
                .iter()
                .filter_map(|i| latest.get(i).map(|v| (*i, v.clone())))
                .collect();
            out.insert(report, mine);
        }
    }
    Ok(out)
}

/// Fills a row's actual value from the latest fed value, or empties it when there is none;
/// returns whether a value was filled in.
fn feed_actual(row: &mut ReportIndicatorRow, fed: Option<&ValueRow>) -> bool {
    let qualitative = comparator(row) == Comparator::Qualitative;
    // A value of the other kind (the indicator changed since) is no value for this row.
    let fed = fed.filter(|v| v.achievement.is_some() == qualitative);
    row.actual_value = fed.and_then(|v| v.value.clone());
    row.actual_text = fed.and_then(|v| v.achievement.clone());
    row.actual_source = fed.map(|v| v.source_system.clone());
    row.actual_measured_on = fed.map(|v| v.measured_on);
    fed.is_some()
}

/// What `propose` did to a report: what to write, if anything moved, and the evaluation it
/// made with the proposals in place (editable reports only), which the caller stores instead
/// of evaluating the report again.
pub struct Proposed {
    pub write: Option<(ReportProposalWrite, Vec<RowProposalWrite>)>,
    pub evaluation: Option<Evaluation>,
}

pub fn propose(
    report: &mut ReportRow,
    rows: &mut [ReportIndicatorRow],
    round: &RoundRow,
    effective: &Effective,
    today: chrono::NaiveDate,
    fed: &HashMap<Uuid, ValueRow>,
) -> Proposed {
    let editable = ReportStatus::parse(&report.status).is_some_and(ReportStatus::editable)
        && round.status != "closed";
    if !editable {
        // Only the counts can move (a rule change): nothing else of a submitted report is the
        // system's to change.
        let counts = counts(report, rows);
        if counts == (report.generated_fields, report.applicable_fields) {
            return Proposed {
                write: None,
                evaluation: None,
            };
        }
        (report.generated_fields, report.applicable_fields) = counts;
        return Proposed {
            write: Some((ReportProposalWrite::of(report), Vec::new())),
            evaluation: None,
        };
    }
    let before_report = report.clone();
    let mut row_writes = Vec::new();
    let kept_evaluation;
    {
        let mut filled = report.system_filled.clone();
        let settings = &effective.settings;
        let edges = settings.likelihood_edges();
        let own = Ownership { report };
        let mut forecast = report.forecast_execution.clone();
        if own.may_write("forecast_execution", forecast.is_some()) {
            forecast = forecast_execution(
                &report.executed_amount,
                &report.adjusted_budget,
                &report.time_progress,
            );
            mark(&mut filled, "forecast_execution", forecast.is_some());
        }
        for row in rows.iter_mut() {
            let Some(iid) = row.indicator_id else {
                continue;
            };
            let before = (
                row.forecast_value.clone(),
                row.forecast_text.clone(),
                row.likelihood.clone(),
                row.actual_value.clone(),
                row.actual_text.clone(),
                row.actual_source.clone(),
                row.actual_measured_on,
            );
            let name = indicator_field(iid, "actual");
            if own.may_write(
                &name,
                row.actual_value.is_some() || row.actual_text.is_some(),
            ) {
                let filled_by_feed = feed_actual(row, fed.get(&iid));
                mark(&mut filled, &name, filled_by_feed);
            } else {
                // The department's value: no source of the system's beside it.
                row.actual_source = None;
                row.actual_measured_on = None;
            }
            let qualitative = comparator(row) == Comparator::Qualitative;
            let name = indicator_field(iid, "forecast");
            if own.may_write(
                &name,
                row.forecast_value.is_some() || row.forecast_text.is_some(),
            ) {
                if qualitative {
                    row.forecast_text = row.actual_text.clone();
                    row.forecast_value = None;
                } else {
                    row.forecast_value = row.actual_value.as_ref().and_then(|a| {
                        indicator_forecast(row.accrues, a, &report.time_progress).map(|f| f.0)
                    });
                    row.forecast_text = None;
                }
                mark(
                    &mut filled,
                    &name,
                    row.forecast_value.is_some() || row.forecast_text.is_some(),
                );
            }
            let name = indicator_field(iid, "likelihood");
            if own.may_write(&name, row.likelihood.is_some()) {
                row.likelihood = likelihood_of(
                    comparator(row),
                    row.target_value.as_ref(),
                    row.forecast_value.as_ref(),
                    achievement(&row.forecast_text),
                    &edges,
                )
                .map(|l| l.as_str().to_owned());
                mark(&mut filled, &name, row.likelihood.is_some());
            }
            let after = (
                row.forecast_value.clone(),
                row.forecast_text.clone(),
                row.likelihood.clone(),
                row.actual_value.clone(),
                row.actual_text.clone(),
                row.actual_source.clone(),
                row.actual_measured_on,
            );
            if before != after {
                row_writes.push(RowProposalWrite {
                    id: row.id,
                    actual_value: row.actual_value.clone(),
                    actual_text: row.actual_text.clone(),
                    actual_source: row.actual_source.clone(),
                    actual_measured_on: row.actual_measured_on,
                    forecast_value: row.forecast_value.clone(),
                    forecast_text: row.forecast_text.clone(),
                    likelihood: row.likelihood.clone(),
                });
            }
        }
        let mut adjusting = report.targets_need_adjusting;
        if own.may_write("targets_need_adjusting", adjusting.is_some()) {
            let likelihoods: Vec<Option<Likelihood>> = rows
                .iter()
                .map(|r| r.likelihood.as_deref().and_then(Likelihood::parse))
                .collect();
            adjusting = targets_need_adjusting(&likelihoods);
            mark(&mut filled, "targets_need_adjusting", adjusting.is_some());
        }
        // The drafts name the lights the report will show, so they are evaluated with the
        // proposals above in place.
        let evaluation = {
            let facts = report_facts(report, round, rows, today);
            evaluate(&effective.rules, settings, &facts, false)
        };
        let drafts = draft(
            settings.lang,
            &DraftFacts {
                cutoff: round.cutoff_date,
                execution_rate: report.execution_rate.as_ref(),
                time_progress: &report.time_progress,
                budget_light: evaluation.budget,
                overall_light: evaluation.overall,
                indicators: rows
                    .iter()
                    .map(|r| DraftIndicator {
                        name: &r.name,
                        expected: r.expected_value.as_ref(),
                        actual_value: r.actual_value.as_ref(),
                        actual_text: achievement(&r.actual_text),
                        behind: behind(r),
                    })
                    .collect(),
            },
        );
        let texts = [
            (
                "goal_progress",
                report.goal_progress.clone(),
                Some(drafts.goal_progress),
            ),
            (
                "financial_management",
                report.financial_management.clone(),
                drafts.financial_management,
            ),
            ("problems", report.problems.clone(), drafts.problems),
        ];
        let mut written: Vec<String> = Vec::with_capacity(3);
        for (name, current, drafted) in texts {
            if own.may_write(name, !current.trim().is_empty()) {
                mark(&mut filled, name, drafted.is_some());
                written.push(drafted.unwrap_or_default());
            } else {
                written.push(current);
            }
        }
        let mut written = written.into_iter();
        report.goal_progress = written.next().unwrap_or_default();
        report.financial_management = written.next().unwrap_or_default();
        report.problems = written.next().unwrap_or_default();
        report.forecast_execution = forecast;
        report.targets_need_adjusting = adjusting;
        report.system_filled = filled;
        let results = checks::run(
            &CheckedReport {
                adjusted_budget: &report.adjusted_budget,
                executed: &report.executed_amount,
                forecast_execution: report.forecast_execution.as_ref(),
                overall_light: evaluation.overall,
                corrective_measures: &report.corrective_measures,
                rows: rows
                    .iter()
                    .map(|r| CheckedRow {
                        comparator: comparator(r),
                        target: r.target_value.as_ref(),
                        actual_value: r.actual_value.as_ref(),
                        actual_text: achievement(&r.actual_text),
                        behind: behind(r),
                        deviation_reasons: r.deviation_reasons.len(),
                    })
                    .collect(),
            },
            &effective.checks,
        );
        report.checks = serde_json::to_value(results).unwrap_or_else(|_| serde_json::json!([]));
        kept_evaluation = Some(evaluation);
    }
    (report.generated_fields, report.applicable_fields) = counts(report, rows);
    let moved = !row_writes.is_empty()
        || report.forecast_execution != before_report.forecast_execution
        || report.goal_progress != before_report.goal_progress
        || report.financial_management != before_report.financial_management
        || report.problems != before_report.problems
        || report.targets_need_adjusting != before_report.targets_need_adjusting
        || report.system_filled != before_report.system_filled
        || report.generated_fields != before_report.generated_fields
        || report.applicable_fields != before_report.applicable_fields
        || report.checks != before_report.checks;
    Proposed {
        write: moved.then(|| (ReportProposalWrite::of(report), row_writes)),
        evaluation: kept_evaluation,
    }
}

impl ReportProposalWrite {
    fn of(report: &ReportRow) -> ReportProposalWrite {
        ReportProposalWrite {
            id: report.id,
            forecast_execution: report.forecast_execution.clone(),
            goal_progress: report.goal_progress.clone(),
            financial_management: report.financial_management.clone(),
            problems: report.problems.clone(),
            targets_need_adjusting: report.targets_need_adjusting,
            system_filled: report.system_filled.clone(),
            generated_fields: report.generated_fields,
            applicable_fields: report.applicable_fields,
            checks: report.checks.clone(),
        }
    }
}

/// (generated, applicable) fields of a report with these rows, by `domain::fields`' rule.
pub fn counts(report: &ReportRow, rows: &[ReportIndicatorRow]) -> (i32, i32) {
    let states: Vec<RowState> = rows
        .iter()
        .filter_map(|r| {
            Some(RowState {
                indicator_id: r.indicator_id?,
                comparator: comparator(r),
                behind: behind(r),
                unlikely: r.likelihood.as_deref() == Some(Likelihood::Impossible.as_str()),
            })
        })
        .collect();
    let (generated, total) = count(&applicable(&states), &report.system_filled);
    (
        i32::try_from(generated).unwrap_or(i32::MAX),
        i32::try_from(total).unwrap_or(i32::MAX),
    )
}

/// Recounts the generated and applicable fields of every report, 2,000 at a time, writing
/// only the counts that differ: for reports no write has re-evaluated since the rule changed
/// (migration `000012` gave them the earlier rule's counts). Returns (reports, recounted).
pub fn recount_all(conn: &mut PgConnection) -> Result<(usize, usize), AppError> {
    let (mut seen, mut changed) = (0, 0);
    let mut after = None;
    loop {
        let batch = crate::reports::store::reports_after(conn, after, 2000)?;
        let Some(last) = batch.last() else {
            break;
        };
        after = Some(last.id);
        let ids: Vec<Uuid> = batch.iter().map(|r| r.id).collect();
        let mut rows_of: HashMap<Uuid, Vec<ReportIndicatorRow>> = HashMap::new();
        for row in crate::reports::store::indicator_rows_many(conn, &ids)? {
            rows_of.entry(row.report_id).or_default().push(row);
        }
        let differ: Vec<(Uuid, i32, i32)> = batch
            .iter()
            .filter_map(|r| {
                let rows = rows_of.get(&r.id).map(Vec::as_slice).unwrap_or(&[]);
                let (g, t) = counts(r, rows);
                (g != r.generated_fields || t != r.applicable_fields).then_some((r.id, g, t))
            })
            .collect();
        crate::reports::store::save_counts(conn, &differ)?;
        seen += batch.len();
        changed += differ.len();
    }
    Ok((seen, changed))
}

/// The share of generated fields, in percent with two decimals.
pub fn share(generated: i32, applicable: i32) -> BigDecimal {
    if applicable <= 0 {
        return BigDecimal::from(0);
    }
    (BigDecimal::from(generated) * BigDecimal::from(100) / BigDecimal::from(applicable))
        .with_scale_round(2, bigdecimal::RoundingMode::HalfUp)
}
