//! The figures statistics endpoints answer with, and how they are put together from the grouped
//! counts the store returns.

use std::collections::BTreeMap;

use bigdecimal::{BigDecimal, RoundingMode};
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Value, json};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::domain::money::format_money;
use crate::domain::regions::RegionLevel;
pub use crate::stats::store::StatRow;

#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct CountAmount {
    pub count: i64,
    /// Yuan, two decimals.
    #[schema(example = "300000000.00", pattern = r"^-?[0-9]+\.[0-9]{2}$")]
    pub amount: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct ReportCounts {
    pub total: i64,
    pub approved: i64,
    pub submitted: i64,
    pub draft: i64,
    pub returned: i64,
    /// Submitted after the due date (also counted under their status).
    pub late: i64,
    /// Draft or returned after the round's due date.
    pub missing: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct LightCounts {
    pub red: i64,
    pub yellow: i64,
    pub green: i64,
    pub blue: i64,
    /// Not enough data for a light yet.
    pub none: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct LightsByCategory {
    /// The project light.
    pub overall: LightCounts,
    pub budget: LightCounts,
    pub output: LightCounts,
    pub effect: LightCounts,
    pub satisfaction: LightCounts,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct FindingCounts {
    pub slow_progress: CountAmount,
    pub unreasonable_targets: CountAmount,
    pub non_standard_management: CountAmount,
    pub unclear_objectives: CountAmount,
    pub idle_funds: CountAmount,
    pub other: CountAmount,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct RectificationCounts {
    /// Not yet accepted (overdue ones included).
    pub open: i64,
    /// Not accepted and past the deadline.
    pub overdue: i64,
    pub accepted: i64,
}

/// Net of reversals: a reversal takes its original out of the count and the amount.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct AdjustmentTotals {
    pub reduce: CountAmount,
    pub recover: CountAmount,
    pub reallocate: CountAmount,
    pub suspend: CountAmount,
    pub stop: CountAmount,
    pub increase: CountAmount,
}

/// The figures of one region (or level), for one fiscal year and optionally one round.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct Figures {
    /// Departments with at least one project report.
    pub departments_monitored: i64,
    /// Projects with at least one report.
    pub projects_monitored: i64,
    /// Their budgets at the start of the year, yuan.
    #[schema(pattern = r"^-?[0-9]+\.[0-9]{2}$")]
    pub projects_monitored_funds: String,
    pub key_monitored_projects: i64,
    /// Budgets at the start of the year of the key-monitored projects, yuan.
    #[schema(example = "41770000000.00", pattern = r"^-?[0-9]+\.[0-9]{2}$")]
    pub key_monitored_funds: String,
    /// Inspections of key-monitored projects.
    pub key_monitoring_items: i64,
    pub reports: ReportCounts,
    pub lights: LightsByCategory,
    pub findings: FindingCounts,
    pub opinions: i64,
    pub suggestions: i64,
    pub policy_revisions: i64,
    pub rectifications: RectificationCounts,
    pub adjustments: AdjustmentTotals,
    /// Reduced, recovered and reallocated, yuan: the money taken off projects.
    #[schema(example = "3370000000.00", pattern = r"^-?[0-9]+\.[0-9]{2}$")]
    pub adjusted_and_recovered: String,
    /// Sum of the reports' `generated_fields`: fields that apply and that the system filled
    /// and nobody changed since.
    pub system_filled_fields: i64,
    /// Sum of the reports' `applicable_fields` (the rule is on the report's `applicable_fields`).
    pub report_fields: i64,
    /// `system_filled_fields` ÷ `report_fields` × 100, two decimals; absent without reports.
    #[schema(example = "71.35", pattern = r"^[0-9]+\.[0-9]{2}$")]
    pub system_filled_share: Option<String>,
}

fn add(target: &mut CountAmount, n: i64, amount: Option<&BigDecimal>) {
    target.count += n;
    let current = crate::domain::money::parse_decimal(&target.amount, 2).unwrap_or_default();
    target.amount = format_money(&(current + amount.cloned().unwrap_or_default()));
}

fn light(counts: &mut LightCounts, light: &str, n: i64) {
    match light {
        "red" => counts.red += n,
        "yellow" => counts.yellow += n,
        "green" => counts.green += n,
        "blue" => counts.blue += n,
        _ => counts.none += n,
    }
}

impl Figures {
    fn empty() -> Figures {
        let zero = format_money(&BigDecimal::from(0));
        let ca = || CountAmount {
            count: 0,
            amount: zero.clone(),
        };
        Figures {
            projects_monitored_funds: zero.clone(),
            key_monitored_funds: zero.clone(),
            adjusted_and_recovered: zero.clone(),
            findings: FindingCounts {
                slow_progress: ca(),
                unreasonable_targets: ca(),
                non_standard_management: ca(),
                unclear_objectives: ca(),
                idle_funds: ca(),
                other: ca(),
            },
            adjustments: AdjustmentTotals {
                reduce: ca(),
                recover: ca(),
                reallocate: ca(),
                suspend: ca(),
                stop: ca(),
                increase: ca(),
            },
            ..Figures::default()
        }
    }

    fn apply(&mut self, row: &StatRow) {
        let n = row.n;
        let amount = row.amount.as_ref();
        let money = |v: Option<&BigDecimal>| format_money(&v.cloned().unwrap_or_default());
        let (kind, detail) = row.key.split_once(':').unwrap_or((row.key.as_str(), ""));
        match kind {
            "departments" => self.departments_monitored += n,
            "projects" => {
                self.projects_monitored += n;
                self.projects_monitored_funds = money(amount);
            }
            "key_projects" => {
                self.key_monitored_projects += n;
                self.key_monitored_funds = money(amount);
            }
            "inspections" => self.key_monitoring_items += n,
            "status" => {
                self.reports.total += n;
                match detail {
                    "approved" => self.reports.approved += n,
                    "submitted" => self.reports.submitted += n,
                    "returned" => self.reports.returned += n,
                    _ => self.reports.draft += n,
                }
            }
            "late" => self.reports.late += n,
            "missing" => self.reports.missing += n,
            "system_filled" => self.system_filled_fields += n,
            "indicator_fields" => self.report_fields += n,
            "light" => {
                let (category, colour) = detail.split_once(':').unwrap_or((detail, ""));
                let counts = match category {
                    "overall" => &mut self.lights.overall,
                    "budget" => &mut self.lights.budget,
                    "output" => &mut self.lights.output,
                    "effect" => &mut self.lights.effect,
                    _ => &mut self.lights.satisfaction,
                };
                light(counts, colour, n);
            }
            "finding" => {
                let f = &mut self.findings;
                let target = match detail {
                    "slow_progress" => &mut f.slow_progress,
                    "unreasonable_targets" => &mut f.unreasonable_targets,
                    "non_standard_management" => &mut f.non_standard_management,
                    "unclear_objectives" => &mut f.unclear_objectives,
                    "idle_funds" => &mut f.idle_funds,
                    _ => &mut f.other,
                };
                add(target, n, amount);
            }
            "opinion" => match detail {
                "opinion" => self.opinions += n,
                "suggestion" => self.suggestions += n,
                _ => self.policy_revisions += n,
            },
            "rectification" => match detail {
                "accepted" => self.rectifications.accepted += n,
                "overdue" => {
                    self.rectifications.open += n;
                    self.rectifications.overdue += n;
                }
                _ => self.rectifications.open += n,
            },
            "adjustment" => {
                let a = &mut self.adjustments;
                let target = match detail {
                    "reduce" => &mut a.reduce,
                    "recover" => &mut a.recover,
                    "reallocate" => &mut a.reallocate,
                    "suspend" => &mut a.suspend,
                    "stop" => &mut a.stop,
                    _ => &mut a.increase,
                };
                add(target, n, amount);
            }
            _ => {}
        }
    }

    fn finish(mut self) -> Figures {
        let a = &self.adjustments;
        let moved: BigDecimal = [&a.reduce, &a.recover, &a.reallocate]
            .iter()
            .map(|c| crate::domain::money::parse_decimal(&c.amount, 2).unwrap_or_default())
            .sum();
        self.adjusted_and_recovered = format_money(&moved);
        self.system_filled_share = (self.report_fields > 0).then(|| {
            let share = BigDecimal::from(self.system_filled_fields) * BigDecimal::from(100)
                / BigDecimal::from(self.report_fields);
            format_money(&share.with_scale_round(2, RoundingMode::HalfUp))
        });
        self
    }

    /// Figures per bucket, every bucket of `buckets` present (with zeros when it has no rows).
    pub fn by_bucket(rows: &[StatRow], buckets: &[String]) -> BTreeMap<String, Figures> {
        let mut out: BTreeMap<String, Figures> = buckets
            .iter()
            .map(|b| (b.clone(), Figures::empty()))
            .collect();
        for row in rows {
            if let Some(f) = out.get_mut(&row.bucket) {
                f.apply(row);
            }
        }
        out.into_iter().map(|(k, f)| (k, f.finish())).collect()
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegionRef {
    #[schema(example = "370000")]
    pub code: String,
    #[schema(example = "Shandong")]
    pub name: String,
    #[schema(value_type = RegionLevel)]
    pub level: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = overview_example)]
pub struct Overview {
    pub region: RegionRef,
    #[schema(example = 2021)]
    pub year: i16,
    pub round_id: Option<Uuid>,
    pub figures: Figures,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RegionFigures {
    pub region: RegionRef,
    pub figures: Figures,
}

/// A region's figures split into its own level and each child region: the parts add up to the
/// region's overview.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = region_breakdown_example)]
pub struct RegionBreakdown {
    pub parent: RegionRef,
    pub year: i16,
    pub round_id: Option<Uuid>,
    /// The parent's own departments ("provincial level" for a province).
    #[schema(example = "provincial level")]
    pub own_level_label: String,
    pub own_level: Figures,
    pub children: Vec<RegionFigures>,
}

/// Figures of a region in the shape of Shandong's published 2021 monitoring, counts scaled down
/// by `part`; `money` is the key-monitored funds, then reduced, recovered, reallocated, their
/// sum, and the idle funds found.
fn figures_example(part: i64, key_projects: i64, money: [&str; 6]) -> Value {
    let reports = 5126 / part;
    let lights = |red: i64, yellow: i64, blue: i64| {
        let none = 92 / part;
        json!({"red": red / part, "yellow": yellow / part, "blue": blue / part, "none": none,
               "green": reports - (red + yellow + blue) / part - none})
    };
    let ca = |count: i64, amount: &str| json!({"count": count / part, "amount": amount});
    let approved = reports - (260 + 98 + 58) / part;
    json!({
        "departments_monitored": 1260 / part, "projects_monitored": reports,
        "projects_monitored_funds": if part == 1 { "98350000000.00" } else { "6420000000.00" },
        "key_monitored_projects": key_projects, "key_monitored_funds": money[0],
        "key_monitoring_items": key_projects,
        "reports": {"total": reports, "approved": approved, "submitted": 260 / part,
                    "draft": 98 / part, "returned": 58 / part, "late": 131 / part,
                    "missing": 156 / part},
        "lights": {"overall": lights(212, 655, 187), "budget": lights(305, 820, 0),
                   "output": lights(150, 480, 402), "effect": lights(96, 350, 120),
                   "satisfaction": lights(40, 210, 35)},
        "findings": {"slow_progress": ca(412, "0.00"), "unreasonable_targets": ca(188, "0.00"),
                     "non_standard_management": ca(235, "0.00"),
                     "unclear_objectives": ca(97, "0.00"), "idle_funds": ca(96, money[5]),
                     "other": ca(41, "0.00")},
        "opinions": 1020 / part, "suggestions": 764 / part, "policy_revisions": 131 / part,
        "rectifications": {"open": 143 / part, "overdue": 12 / part, "accepted": 1105 / part},
        "adjustments": {"reduce": ca(57, money[1]), "recover": ca(38, money[2]),
                        "reallocate": ca(21, money[3]), "suspend": ca(6, "0.00"),
                        "stop": ca(3, "0.00"), "increase": ca(4, "0.00")},
        "adjusted_and_recovered": money[4],
        "system_filled_fields": 73450 / part, "report_fields": 102950 / part,
        "system_filled_share": "71.35"
    })
}

/// Shandong's published 2021 figures: 1,384 key-monitored projects worth 41.77 bn yuan and
/// 3.37 bn adjusted and recovered.
fn overview_example() -> Value {
    json!({
        "region": {"code": "370000", "name": "Shandong", "level": "province"}, "year": 2021,
        "round_id": null,
        "figures": figures_example(
            1,
            1384,
            [
                "41770000000.00",
                "1650000000.00",
                "820000000.00",
                "900000000.00",
                "3370000000.00",
                "1180000000.00",
            ],
        )
    })
}

fn region_breakdown_example() -> Value {
    json!({
        "parent": {"code": "370000", "name": "Shandong", "level": "province"}, "year": 2021,
        "round_id": null, "own_level_label": "provincial level",
        "own_level": figures_example(
            16,
            9,
            ["1630000000.00", "25000000.00", "0.00", "0.00", "25000000.00", "25000000.00"],
        ),
        "children": [{
            "region": {"code": "370100", "name": "Jinan", "level": "city"},
            "figures": figures_example(
                16,
                96,
                ["2890000000.00", "300000000.00", "0.00", "0.00", "300000000.00", "86000000.00"],
            )
        }]
    })
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "region": {"code": "370100", "name": "Jinan", "level": "city"}, "own_level": false,
    "category": "idle_funds", "findings": 7, "amount": "86000000.00"
}))]
pub struct ProblemRow {
    /// The child region, or the region itself for findings at its own level.
    pub region: RegionRef,
    /// Whether `region` is the requested region's own level.
    pub own_level: bool,
    #[schema(example = "slow_progress")]
    pub category: String,
    pub findings: i64,
    /// Amounts named by the findings, yuan.
    #[schema(pattern = r"^-?[0-9]+\.[0-9]{2}$")]
    pub amount: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "round_id": "0193a0c4-7f43-7000-8000-000000000091",
    "round_name": "2021 January–July monitoring", "cutoff_date": "2021-07-31", "reports": 5126,
    "adjusted_budget": "98350000000.00", "executed_amount": "52125500000.00",
    "execution_rate": "53.00",
    "lights": {"red": 212, "yellow": 655, "green": 3980, "blue": 187, "none": 92}
}))]
pub struct TrendPoint {
    pub round_id: Uuid,
    pub round_name: String,
    pub cutoff_date: NaiveDate,
    pub reports: i64,
    /// Yuan.
    #[schema(pattern = r"^-?[0-9]+\.[0-9]{2}$")]
    pub adjusted_budget: String,
    /// Yuan, executed by the cut-off.
    #[schema(pattern = r"^-?[0-9]+\.[0-9]{2}$")]
    pub executed_amount: String,
    /// executed ÷ adjusted budget × 100, two decimals.
    #[schema(pattern = r"^[0-9]+\.[0-9]{2}$")]
    pub execution_rate: Option<String>,
    pub lights: LightCounts,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(bucket: &str, key: &str, n: i64, amount: Option<i64>) -> StatRow {
        StatRow {
            bucket: bucket.to_owned(),
            key: key.to_owned(),
            n,
            amount: amount.map(BigDecimal::from),
        }
    }

    #[test]
    fn rows_become_figures_per_bucket() {
        let rows = vec![
            row("370100", "status:approved", 3, None),
            row("370100", "status:draft", 1, None),
            row("370100", "adjustment:reduce", 2, Some(300)),
            row("370100", "adjustment:reallocate", 1, Some(200)),
            row("370100", "adjustment:increase", 1, Some(50)),
            row("370100", "rectification:overdue", 2, None),
            row("370100", "rectification:open", 1, None),
            row("370100", "system_filled", 30, None),
            row("370100", "indicator_fields", 60, None),
            row("370100", "light:budget:red", 2, None),
            row("", "key_projects", 9, Some(1000)),
        ];
        let by = Figures::by_bucket(
            &rows,
            &["".to_owned(), "370100".to_owned(), "370200".to_owned()],
        );
        let jinan = &by["370100"];
        assert_eq!(jinan.reports.total, 4);
        assert_eq!(jinan.adjusted_and_recovered, "500.00");
        assert_eq!(jinan.adjustments.increase.amount, "50.00");
        assert_eq!(jinan.rectifications.open, 3);
        assert_eq!(jinan.rectifications.overdue, 2);
        assert_eq!(jinan.report_fields, 60);
        assert_eq!(jinan.system_filled_share.as_deref(), Some("50.00"));
        assert_eq!(jinan.lights.budget.red, 2);
        assert_eq!(by[""].key_monitored_funds, "1000.00");
        assert_eq!(by["370200"].system_filled_share, None);
        assert_eq!(by["370200"].adjusted_and_recovered, "0.00");
    }
}
