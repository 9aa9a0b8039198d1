//! Creating a round's reports when it opens, pre-filled and evaluated.

use std::collections::{HashMap, HashSet};

use bigdecimal::BigDecimal;
use diesel::pg::PgConnection;
use uuid::Uuid;

use super::{DERIVED, carried_over, indicator_field, snapshot};
use crate::audit::{self, AuditEntry};
use crate::auth::Caller;
use crate::domain::indicators::readiness;
use crate::domain::monitoring::execution_rate;
use crate::error::AppError;
use crate::execution::store as execution;
use crate::indicators::store::{self as indicators, IndicatorRow};
use crate::projects::store as projects;
use crate::reports::store::{
    self, DerivedFields, IndicatorEntryFields, NewReport, ReportEntryFields,
};
use crate::rounds::dto::SkippedProject;
use crate::rounds::store::RoundRow;

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
        // Carried values are the department's from the round before: they count as filled by
        // the system (it copied them) and the system proposes nothing over them.
        let (entry, carried_rows, carried) = match previous {
            Some(r) => carried_over(r, ReportEntryFields::of(r), carried_rows),
            None => (ReportEntryFields::default(), carried_rows, Vec::new()),
        };
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
        system_filled.extend(carried.iter().cloned());
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
                indicator_set_version: p.indicator_set_version,
            },
            entry,
            derived: DerivedFields {
                execution_rate: execution_rate(&executed, &p.adjusted_budget),
                adjusted_budget: p.adjusted_budget.clone(),
                executed_amount: executed,
                time_progress: progress,
            },
            system_filled,
            department_fields: carried,
        });
    }
    let report_ids: Vec<Uuid> = new_reports.iter().map(|r| r.id).collect();
    store::insert_prefilled(conn, &new_reports)?;
    store::insert_indicator_rows(conn, &new_rows)?;
    audit::record_many(conn, audits)?;
    crate::lights::service::recompute(conn, &report_ids)?;
    Ok(report_ids.len())
}
