//! The figure refresh: bringing editable reports up to date with the ledger, the spending
//! records and the project's indicators, in batches, writing only what moved.

use std::collections::{HashMap, HashSet};

use bigdecimal::BigDecimal;
use diesel::pg::PgConnection;
use uuid::Uuid;

use super::{DERIVED, indicator_field, snapshot};
use crate::auth::scope::not_found;
use crate::domain::monitoring::execution_rate;
use crate::error::AppError;
use crate::execution::store as execution;
use crate::indicators::store::{self as indicators, IndicatorRow};
use crate::reports::store::{
    self, DerivedFields, IndicatorEntryFields, IndicatorSnapshot, ReportIndicatorRow, ReportRow,
};
use crate::rounds::store::{self as rounds, RoundRow};

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

/// Brings an editable report up to date with the ledger, the spending records and the
/// project's indicators, and re-evaluates it. Does nothing to submitted, approved or closed
/// reports.
pub fn refresh(conn: &mut PgConnection, report_id: Uuid) -> Result<(), AppError> {
    refresh_many(conn, &[report_id])
}

/// Refreshes the editable reports of these projects (after new spending, budget or indicators).
pub fn refresh_for_projects(conn: &mut PgConnection, project_ids: &[Uuid]) -> Result<(), AppError> {
    if project_ids.is_empty() {
        return Ok(());
    }
    let ids = store::editable_reports_of(conn, project_ids)?;
    refresh_many(conn, &ids)
}

/// Refreshes the editable reports of a project whose figures a spending record paid on
/// `payment_date` moves: those of open rounds whose cut-off is on or after that date.
pub fn refresh_for_spending(
    conn: &mut PgConnection,
    project_id: Uuid,
    payment_date: chrono::NaiveDate,
) -> Result<(), AppError> {
    let ids = store::editable_reports_covering(conn, project_id, payment_date)?;
    refresh_many(conn, &ids)
}

/// `refresh_for_spending` for the records of a batch at once: each project with the earliest
/// payment date among its new records, which covers the reports every one of them moves.
pub fn refresh_for_spending_many(
    conn: &mut PgConnection,
    earliest: &HashMap<Uuid, chrono::NaiveDate>,
) -> Result<(), AppError> {
    let ids = store::editable_reports_covering_many(conn, earliest)?;
    refresh_many(conn, &ids)
}

/// `refresh_figures` and then the lights of the reports it brought up to date.
pub fn refresh_many(conn: &mut PgConnection, report_ids: &[Uuid]) -> Result<(), AppError> {
    let refreshed = refresh_figures(conn, report_ids)?;
    crate::lights::service::recompute(conn, &refreshed)?;
    Ok(())
}

/// Brings the system's figures of these reports up to date: adjusted budget, executed amount
/// to the cut-off, rate, time progress, the indicator snapshots with their expected values, and
/// `system_filled`. Only draft and returned reports of rounds that are not closed are touched;
/// they are locked (in id order), and a report whose figures did not move is not written, so
/// its version (the ETag) stays. Works 500 reports at a time with a fixed number of queries
/// per batch (plus one per distinct region and cut-off). Returns the reports it looked at, for
/// the caller to re-evaluate; lights are not computed here.
pub fn refresh_figures(
    conn: &mut PgConnection,
    report_ids: &[Uuid],
) -> Result<Vec<Uuid>, AppError> {
    let mut ids = report_ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let mut looked_at = Vec::with_capacity(ids.len());
    let mut rounds_by_id: HashMap<Uuid, Option<RoundRow>> = HashMap::new();
    let mut settings_by_region: HashMap<String, crate::domain::lights::Settings> = HashMap::new();
    for chunk in ids.chunks(500) {
        let locked = store::editable_for_update(conn, chunk)?;
        let missing: Vec<Uuid> = locked
            .iter()
            .map(|r| r.round_id)
            .filter(|id| !rounds_by_id.contains_key(id))
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        for id in &missing {
            rounds_by_id.insert(*id, None);
        }
        for round in rounds::find_many(conn, &missing)? {
            rounds_by_id.insert(round.id, Some(round));
        }
        let reports: Vec<(ReportRow, RoundRow)> = locked
            .into_iter()
            .filter_map(|r| {
                let round = rounds_by_id.get(&r.round_id)?.as_ref()?;
                (round.status != "closed").then(|| (r, round.clone()))
            })
            .collect();
        if reports.is_empty() {
            continue;
        }
        for (report, _) in &reports {
            if !settings_by_region.contains_key(&report.region_path) {
                let settings =
                    crate::lights::service::effective(conn, &report.region_path)?.settings;
                settings_by_region.insert(report.region_path.clone(), settings);
            }
        }
        let project_ids: Vec<Uuid> = reports
            .iter()
            .map(|(r, _)| r.project_id)
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        let budgets = store::adjusted_budgets(conn, &project_ids)?;
        // Spending to each cut-off (a chunk usually has one or two).
        let mut by_cutoff: HashMap<chrono::NaiveDate, Vec<Uuid>> = HashMap::new();
        for (report, round) in &reports {
            by_cutoff
                .entry(round.cutoff_date)
                .or_default()
                .push(report.project_id);
        }
        let mut executed: HashMap<(chrono::NaiveDate, Uuid), BigDecimal> = HashMap::new();
        for (cutoff, projects) in by_cutoff {
            for (project, sum) in execution::executed_up_to_many(conn, &projects, cutoff)? {
                executed.insert((cutoff, project), sum);
            }
        }
        let mut indicators_of: HashMap<Uuid, Vec<IndicatorRow>> = HashMap::new();
        for ind in indicators::for_projects(conn, &project_ids)? {
            indicators_of.entry(ind.project_id).or_default().push(ind);
        }
        // A report keeps the indicator set it began with: one on a version an approved target
        // adjustment has since replaced is refreshed against that version, as it was kept.
        let older: Vec<(Uuid, i32)> = reports
            .iter()
            .filter(|(r, _)| {
                budgets
                    .get(&r.project_id)
                    .is_some_and(|(_, v)| *v != r.indicator_set_version)
            })
            .map(|(r, _)| (r.project_id, r.indicator_set_version))
            .collect();
        let mut kept_sets: HashMap<(Uuid, i32), Vec<IndicatorRow>> = HashMap::new();
        for version in crate::targets::store::versions_many(conn, &older)? {
            let rows = crate::targets::versions::rows_of(&version)?;
            kept_sets.insert((version.project_id, version.version), rows);
        }
        let chunk_ids: Vec<Uuid> = reports.iter().map(|(r, _)| r.id).collect();
        let mut rows_of: HashMap<Uuid, Vec<ReportIndicatorRow>> = HashMap::new();
        for row in store::indicator_rows_many(conn, &chunk_ids)? {
            rows_of.entry(row.report_id).or_default().push(row);
        }
        let mut plan = RefreshPlan::default();
        for (report, round) in &reports {
            let progress = settings_by_region[&report.region_path]
                .time_progress
                .at(round.cutoff_date);
            let (adjusted, _) = budgets
                .get(&report.project_id)
                .cloned()
                .ok_or_else(not_found)?;
            let spent = executed
                .get(&(round.cutoff_date, report.project_id))
                .cloned()
                .unwrap_or_else(|| BigDecimal::from(0));
            let derived = DerivedFields {
                execution_rate: execution_rate(&spent, &adjusted),
                adjusted_budget: adjusted,
                executed_amount: spent,
                time_progress: progress.clone(),
            };
            let current = kept_sets
                .get(&(report.project_id, report.indicator_set_version))
                .or_else(|| indicators_of.get(&report.project_id))
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let rows = rows_of.remove(&report.id).unwrap_or_default();
            plan.add(report, derived, &progress, current, rows);
        }
        plan.write(conn)?;
        looked_at.extend(chunk_ids);
    }
    Ok(looked_at)
}

/// What `refresh_figures` writes for a batch of reports: only what differs from what is stored.
#[derive(Default)]
struct RefreshPlan {
    snapshots: Vec<(Uuid, IndicatorSnapshot)>,
    inserts: Vec<(Uuid, Uuid, IndicatorSnapshot, IndicatorEntryFields)>,
    deletes: Vec<Uuid>,
    derived: Vec<(Uuid, DerivedFields, Vec<String>)>,
}

impl RefreshPlan {
    /// Compares one report with the figures it should have.
    fn add(
        &mut self,
        report: &ReportRow,
        derived: DerivedFields,
        progress: &BigDecimal,
        current_indicators: &[IndicatorRow],
        rows: Vec<ReportIndicatorRow>,
    ) {
        let mut by_indicator: HashMap<Uuid, ReportIndicatorRow> = HashMap::new();
        let mut changed = false;
        for row in rows {
            match row.indicator_id {
                Some(id) => {
                    by_indicator.insert(id, row);
                }
                // Rows left without an indicator go.
                None => {
                    self.deletes.push(row.id);
                    changed = true;
                }
            }
        }
        let mut live = HashSet::new();
        let mut system_filled: Vec<String> = DERIVED.iter().map(|s| (*s).to_owned()).collect();
        for ind in current_indicators {
            live.insert(ind.id);
            let snap = snapshot(ind, progress);
            if snap.expected_value.is_some() {
                system_filled.push(indicator_field(ind.id, "expected_value"));
            }
            match by_indicator.remove(&ind.id) {
                Some(row) if snapshot_of_row(&row) == snap => {}
                Some(row) => {
                    self.snapshots.push((row.id, snap));
                    changed = true;
                }
                None => {
                    self.inserts
                        .push((report.id, ind.id, snap, IndicatorEntryFields::default()));
                    changed = true;
                }
            }
        }
        // Rows of indicators deleted since go.
        for row in by_indicator.into_values() {
            self.deletes.push(row.id);
            changed = true;
        }
        // Carried-over values stay marked as the system's while the department leaves them be.
        for name in &report.system_filled {
            let derived_name =
                DERIVED.contains(&name.as_str()) || name.ends_with(".expected_value");
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
            self.derived.push((report.id, derived, system_filled));
        }
    }

    fn write(self, conn: &mut PgConnection) -> Result<(), AppError> {
        store::delete_indicator_rows(conn, &self.deletes)?;
        store::update_snapshots(conn, &self.snapshots)?;
        store::insert_indicator_rows(conn, &self.inserts)?;
        store::update_derived_many(conn, &self.derived)
    }
}
