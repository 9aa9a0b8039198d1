//! The demo's monitoring data as it arises in a province: business systems feed measured
//! indicator values (Qingdao's platform nearly all of them, elsewhere the project management
//! system the counts), the round's reports are pre-filled and proposed by the service itself,
//! and departments type what no system knows: the other actual values, the reasons and
//! measures of what lags, and their own account of construction and management.

use bigdecimal::{BigDecimal, RoundingMode};
use chrono::NaiveDate;
use diesel::pg::PgConnection;
use uuid::Uuid;

use super::plan::Plan;
use super::store::{self, DepartmentEntry, RowEntry, ValueInsert};
use super::{FISCAL_YEAR, INDICATORS, Ids, SeedError};
use crate::domain::fields::indicator_field;
use crate::domain::indicators::Comparator;
use crate::domain::monitoring::{Achievement, is_behind};

/// Time progress at the demo round's cut-off (31 July, by month), in percent.
const PROGRESS: &str = "58.33";

/// How far indicator `k` of project `i` is reached, in thousandths: the project's performance
/// moved a little per indicator, and in one project of twelve the beneficiaries are less
/// satisfied than the outputs would suggest, so categories do not all move together.
pub fn row_perf(project_perf: i64, i: usize, k: usize) -> i64 {
    let h = (i.wrapping_mul(7919) ^ k.wrapping_mul(104_729)) % 121;
    let spread = i64::try_from(h).unwrap_or(60) - 60;
    let satisfaction = INDICATORS[k].0 == "satisfaction";
    if satisfaction && i % 12 == 3 {
        return 700;
    }
    (project_perf + spread).clamp(300, 1500)
}

fn dec(text: &str) -> BigDecimal {
    text.parse().unwrap_or_default()
}

/// What indicator `k` stands at for a performance of `perf` thousandths, `share` of the way
/// through the year (in percent): a number, or an achievement for qualitative ones.
pub fn value_at(
    k: usize,
    perf: i64,
    share: &BigDecimal,
) -> (Option<BigDecimal>, Option<Achievement>) {
    let (_, _, _, comparator, target, _, unit, _, accrues) = INDICATORS[k];
    let perf_d = BigDecimal::from(perf);
    let thousand = BigDecimal::from(1000);
    let Some(target) = target.map(BigDecimal::from) else {
        let a = match perf {
            850.. => Achievement::Achieved,
            600.. => Achievement::PartlyAchieved,
            _ => Achievement::NotAchieved,
        };
        return (None, Some(a));
    };
    let value = if accrues {
        // Counts: whole items and people.
        (target * share / BigDecimal::from(100) * perf_d / thousand)
            .with_scale_round(0, RoundingMode::HalfEven)
    } else if comparator == "<=" {
        // A cost: at or under the target when on track.
        let factor = if perf >= 850 {
            BigDecimal::from(1) - BigDecimal::from(perf - 850) / BigDecimal::from(3000)
        } else {
            BigDecimal::from(1) + BigDecimal::from(850 - perf) / thousand
        };
        (target * factor).with_scale_round(2, RoundingMode::HalfEven)
    } else {
        // A rate in percent: at or over the target when on track, never above 100.
        let room = BigDecimal::from(100) - &target;
        let v = if perf >= 850 {
            let part = BigDecimal::from((perf - 850).min(600)) / BigDecimal::from(600);
            &target + room * part
        } else {
            &target
                - BigDecimal::from(850 - perf) / BigDecimal::from(if unit == "%" { 20 } else { 10 })
        };
        v.with_scale_round(2, RoundingMode::HalfEven)
    };
    (Some(value), None)
}

/// The indicators (by place in `INDICATORS`) a business system measures for project `i`:
/// Qingdao's data platform all but the satisfaction survey; elsewhere, for five projects in
/// six, the project management and financial systems the counts, the acceptance rate and the
/// unit cost.
pub fn measured(plan: &Plan, i: usize) -> &'static [usize] {
    if plan.city_of(&plan.projects[i]) == "370200" {
        &[0, 1, 2, 3, 4]
    } else if i % 6 != 5 {
        &[0, 1, 3, 4]
    } else {
        &[]
    }
}

fn date(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(i32::from(FISCAL_YEAR), month, day).expect("a valid date")
}

/// Feeds the measured values: one at the end of June, one a week before the cut-off and, on
/// Qingdao's platform, one in mid-August that the July round must not use. Returns how many.
pub fn feed(
    conn: &mut PgConnection,
    plan: &Plan,
    ids: &Ids,
    indicators: &[Uuid],
    by: Uuid,
) -> Result<usize, SeedError> {
    let mut rows = Vec::new();
    let june = dec("50");
    let july = dec("56.45");
    let august = dec("62.50");
    for (i, p) in plan.projects.iter().enumerate() {
        let dept = &plan.departments[p.department];
        let qingdao = plan.city_of(p) == "370200";
        let source = if qingdao {
            "qingdao-performance-data-platform"
        } else {
            "shandong-project-management"
        };
        for &k in measured(plan, i) {
            let perf = row_perf(p.performance_permille, i, k);
            let mut points = vec![
                (date(6, 30), &june, perf * 9 / 10),
                (date(7, 24), &july, perf),
            ];
            if qingdao {
                points.push((date(8, 15), &august, perf));
            }
            for (n, (on, share, perf)) in points.into_iter().enumerate() {
                let (value, achievement) = value_at(k, perf, share);
                rows.push(ValueInsert {
                    indicator_id: indicators[i * INDICATORS.len() + k],
                    project_id: ids.projects[i],
                    region_id: ids.regions[dept.region],
                    region_path: ids.region_paths[dept.region].clone(),
                    department_path: format!("{}/", dept.code),
                    measured_on: on,
                    value,
                    achievement: achievement.map(Achievement::as_str),
                    source_system: source,
                    external_ref: format!("{}-{k}-{n}", p.code),
                    created_by: by,
                });
            }
        }
    }
    store::insert_values(conn, &rows)?;
    Ok(rows.len())
}

/// A report the department has worked on: `full` when it filled in everything it had to.
pub struct Filled {
    pub report_id: Uuid,
    pub project: usize,
    pub full: bool,
}

/// What the departments type into their reports once the round has opened and the service
/// has pre-filled them: the actual values no system measured (all of them in a full report,
/// the output ones in a draft), reasons, note and measures for each indicator behind, and in
/// full reports their account of construction, management and measures; one department in
/// five rewrites the drafted goal progress. Every field typed is listed as the department's.
pub fn department_entries(
    conn: &mut PgConnection,
    plan: &Plan,
    filled: &[Filled],
) -> Result<(), SeedError> {
    let progress = dec(PROGRESS);
    let report_ids: Vec<Uuid> = filled.iter().map(|f| f.report_id).collect();
    let mut rows_of: std::collections::HashMap<
        Uuid,
        Vec<crate::reports::store::ReportIndicatorRow>,
    > = std::collections::HashMap::new();
    for chunk in report_ids.chunks(2000) {
        for row in crate::reports::store::indicator_rows_many(conn, chunk)? {
            rows_of.entry(row.report_id).or_default().push(row);
        }
    }
    let mut row_entries = Vec::new();
    let mut reports = Vec::new();
    for f in filled {
        let p = &plan.projects[f.project];
        let mut names = Vec::new();
        let mut any_behind = false;
        for row in rows_of.get(&f.report_id).map(Vec::as_slice).unwrap_or(&[]) {
            let (Some(iid), Some(k)) = (
                row.indicator_id,
                INDICATORS.iter().position(|t| t.2 == row.name),
            ) else {
                continue;
            };
            let fed = row.actual_source.is_some();
            let typed = !fed && (f.full || INDICATORS[k].0 == "output");
            let (value, achievement) = if typed {
                value_at(k, row_perf(p.performance_permille, f.project, k), &progress)
            } else {
                (
                    row.actual_value.clone(),
                    row.actual_text.as_deref().and_then(Achievement::parse),
                )
            };
            let comparator = Comparator::parse(&row.comparator).unwrap_or(Comparator::AtLeast);
            let behind = is_behind(
                comparator,
                row.expected_value.as_ref(),
                value.as_ref(),
                achievement,
            );
            let explain = f.full && behind;
            any_behind |= behind;
            if typed {
                names.push(indicator_field(iid, "actual"));
            }
            if explain {
                for field in ["deviation_reasons", "deviation_note", "corrective_measures"] {
                    names.push(indicator_field(iid, field));
                }
            }
            if typed || explain {
                row_entries.push(RowEntry {
                    row_id: row.id,
                    actual_value: value,
                    actual_text: achievement.map(|a| a.as_str()),
                    typed,
                    explain,
                });
            }
        }
        let rewrite = f.full && f.project % 5 == 1;
        if f.full {
            names.extend(["construction", "management", "corrective_measures"].map(str::to_owned));
            if rewrite {
                names.push("goal_progress".to_owned());
            }
        }
        reports.push(DepartmentEntry {
            report_id: f.report_id,
            full: f.full,
            lagging: any_behind,
            goal_progress: rewrite.then_some(
                "Work follows the annual plan; the lagging items are being caught up with the \
                 contractors.",
            ),
            department_fields: names,
        });
    }
    store::enter_rows(conn, &row_entries)?;
    store::enter_reports(conn, &reports)?;
    Ok(())
}
