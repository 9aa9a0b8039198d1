use bigdecimal::BigDecimal;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::domain::checks::CheckResult;
use crate::domain::fields::indicator_field;
use crate::domain::indicators::{Comparator, Level1, Level2};
use crate::domain::lights::Light;
use crate::domain::money::{
    format_money, serde_decimal, serde_decimal_opt, serde_money, serde_money_opt,
};
use crate::domain::monitoring::{
    Achievement, DeviationReason, Likelihood, ReportStatus, is_behind,
};
use crate::domain::proposals::{ForecastMethod, IndicatorForecastMethod};
use crate::domain::regions::code_of;
use crate::domain::scoring::Grade;
use crate::export::ExportFormat;
use crate::lights::store::EvaluationRow;
use crate::reports::store::{ReportIndicatorRow, ReportListRow, ReportRow, TransitionRow};

/// Budget execution, as the system computed it at the round's cut-off.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BudgetPart {
    /// System: the project's adjusted budget (the sum of its ledger).
    #[serde(with = "serde_money")]
    #[schema(value_type = String, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,2})?$")]
    pub adjusted_budget: BigDecimal,
    /// System: spending records up to the cut-off, refunds subtracted.
    #[serde(with = "serde_money")]
    #[schema(value_type = String, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,2})?$")]
    pub executed_amount: BigDecimal,
    /// System: executed ÷ adjusted budget, in percent; null without a budget.
    #[serde(with = "serde_money_opt")]
    #[schema(value_type = Option<String>, pattern = r"^-?[0-9]+\.[0-9]{2}$", example = "46.50")]
    pub execution_rate: Option<BigDecimal>,
    /// System: share of the year elapsed at the cut-off, in percent.
    #[serde(with = "serde_money")]
    #[schema(value_type = String, pattern = r"^[0-9]+\.[0-9]{2}$", example = "58.33")]
    pub time_progress: BigDecimal,
    /// Expected execution for the full year, in yuan: proposed by the system (see
    /// `forecast_method`) until the department sets it.
    #[serde(with = "serde_money_opt")]
    #[schema(value_type = Option<String>, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,2})?$")]
    pub forecast_execution: Option<BigDecimal>,
    /// How the system made `forecast_execution`; null when the forecast is the department's.
    pub forecast_method: Option<ForecastMethod>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Narrative {
    pub goal_progress: String,
    pub construction: String,
    pub management: String,
    pub financial_management: String,
    pub problems: String,
    pub corrective_measures: String,
    pub targets_need_adjusting: Option<bool>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReportIndicator {
    /// Id of this row of the report (use it in `PUT`).
    pub id: Uuid,
    pub indicator_id: Option<Uuid>,
    pub level1: Level1,
    pub level2: Level2,
    pub name: String,
    pub comparator: Comparator,
    #[serde(with = "serde_decimal_opt")]
    #[schema(value_type = Option<String>, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,4})?$")]
    pub target_value: Option<BigDecimal>,
    pub target_text: Option<String>,
    pub unit: String,
    #[serde(with = "serde_decimal")]
    #[schema(value_type = String, pattern = r"^[0-9]{1,2}(\.[0-9]{1,2})?$")]
    pub weight: BigDecimal,
    pub accrues: bool,
    /// System: where the indicator should be at the cut-off.
    #[serde(with = "serde_decimal_opt")]
    #[schema(value_type = Option<String>, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,4})?$")]
    pub expected_value: Option<BigDecimal>,
    #[serde(with = "serde_decimal_opt")]
    #[schema(value_type = Option<String>, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,4})?$")]
    pub actual_value: Option<BigDecimal>,
    pub actual_text: Option<Achievement>,
    /// The business system whose measured value is the actual value (`POST
    /// /indicator-values`), while the system filled it; null when the department did.
    pub actual_source: Option<String>,
    /// When that value was measured: the latest value up to the round's cut-off.
    pub actual_measured_on: Option<chrono::NaiveDate>,
    #[serde(with = "serde_decimal_opt")]
    #[schema(value_type = Option<String>, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,4})?$")]
    pub forecast_value: Option<BigDecimal>,
    pub forecast_text: Option<Achievement>,
    /// How the system made the forecast; null when it is the department's (or there is none).
    pub forecast_method: Option<IndicatorForecastMethod>,
    pub deviation_reasons: Vec<DeviationReason>,
    pub deviation_note: String,
    pub likelihood: Option<Likelihood>,
    pub corrective_measures: String,
    /// Behind its expected value at the cut-off: deviation reasons and measures are required.
    pub behind: bool,
}

impl From<ReportIndicatorRow> for ReportIndicator {
    fn from(r: ReportIndicatorRow) -> ReportIndicator {
        let comparator = Comparator::parse(&r.comparator).unwrap_or(Comparator::AtLeast);
        let actual_text = r.actual_text.as_deref().and_then(Achievement::parse);
        ReportIndicator {
            behind: is_behind(
                comparator,
                r.expected_value.as_ref(),
                r.actual_value.as_ref(),
                actual_text,
            ),
            id: r.id,
            indicator_id: r.indicator_id,
            level1: Level1::parse(&r.level1).unwrap_or(Level1::Output),
            level2: Level2::parse(&r.level2).unwrap_or(Level2::Quantity),
            name: r.name,
            comparator,
            target_value: r.target_value,
            target_text: r.target_text,
            unit: r.unit,
            weight: r.weight,
            accrues: r.accrues,
            expected_value: r.expected_value,
            actual_value: r.actual_value,
            actual_text,
            actual_source: r.actual_source,
            actual_measured_on: r.actual_measured_on,
            forecast_value: r.forecast_value,
            forecast_text: r.forecast_text.as_deref().and_then(Achievement::parse),
            forecast_method: None,
            deviation_reasons: r
                .deviation_reasons
                .iter()
                .filter_map(|s| DeviationReason::parse(s))
                .collect(),
            deviation_note: r.deviation_note,
            likelihood: r.likelihood.as_deref().and_then(Likelihood::parse),
            corrective_measures: r.corrective_measures,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Transition {
    pub from: String,
    pub to: String,
    pub actor_id: Option<Uuid>,
    pub actor_name: Option<String>,
    pub comment: String,
    pub at: DateTime<Utc>,
}

impl From<TransitionRow> for Transition {
    fn from(t: TransitionRow) -> Transition {
        Transition {
            from: t.from_status,
            to: t.to_status,
            actor_id: t.actor_id,
            actor_name: t.actor_name,
            comment: t.comment,
            at: t.created_at,
        }
    }
}

/// The report's early-warning lights, with why each is what it is, and its scores.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReportLights {
    /// The project light.
    pub overall: Light,
    pub budget: Light,
    pub output: Light,
    pub effect: Light,
    pub satisfaction: Light,
    /// The worst indicator light.
    pub goal: Light,
    /// For reports not yet submitted: closeness of the due date.
    pub filing: Light,
    /// Per light: rule, metric, inputs, value, band and result (`indicators` in row order).
    #[schema(value_type = Object)]
    pub explanations: serde_json::Value,
    /// The rule versions that computed these lights.
    pub rules_version: String,
    /// Total score on the 100-point scale; null while an indicator has no actual value.
    #[schema(value_type = Option<String>, pattern = r"^[0-9]+\.[0-9]{2}$", example = "97.97")]
    pub score_total: Option<String>,
    #[schema(value_type = Option<Grade>)]
    pub grade: Option<String>,
    /// Budget and per-indicator scores.
    #[schema(value_type = Object)]
    pub scores: serde_json::Value,
}

impl ReportLights {
    pub fn new(e: EvaluationRow, explanations: serde_json::Value) -> ReportLights {
        let light = |s: &str| Light::parse(s).unwrap_or(Light::None);
        ReportLights {
            overall: light(&e.light_overall),
            budget: light(&e.light_budget),
            output: light(&e.light_output),
            effect: light(&e.light_effect),
            satisfaction: light(&e.light_satisfaction),
            goal: light(&e.light_goal),
            filing: light(&e.light_filing),
            explanations,
            rules_version: e.rules_version,
            score_total: e.score_total.as_ref().map(format_money),
            grade: e.grade,
            scores: e.scores,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = report_example)]
pub struct Report {
    pub id: Uuid,
    pub round_id: Uuid,
    pub project_id: Uuid,
    pub project_code: String,
    pub project_name: String,
    pub department_id: Uuid,
    pub region_code: String,
    pub status: ReportStatus,
    /// Submitted after the round's due date.
    pub late: bool,
    pub submitted_at: Option<DateTime<Utc>>,
    pub budget: BudgetPart,
    pub narrative: Narrative,
    pub indicators: Vec<ReportIndicator>,
    /// The version of the project's indicator set this report monitors: the one current when
    /// the report was created. A target adjustment approved later does not change it.
    pub indicator_set_version: i32,
    /// Lights and scores; null until first computed.
    pub lights: Option<ReportLights>,
    /// The logic checks that fail, as of the last save (each region sets which run and how
    /// severe they are in its warning-rule set): an `error` blocks submission, a `warning` is
    /// for the department and the reviewer to look at.
    pub checks: Vec<CheckResult>,
    /// Fields the system filled and nobody changed since: computed, proposed, drafted, or
    /// carried over from the previous round (`indicators.<indicator id>.<field>` for indicator
    /// rows, with `actual`, `forecast`, `likelihood` and so on as the field).
    pub system_filled: Vec<String>,
    /// Fields the department has set (changed, filled or emptied); the system proposes nothing
    /// into them any more.
    pub department_fields: Vec<String>,
    /// How many of the fields that apply to this report are in `system_filled`.
    pub generated_fields: i32,
    /// How many fields apply to this report: the 12 budget and narrative fields and, per
    /// indicator, expected value (numeric ones), actual, forecast and likelihood, plus deviation
    /// reasons, note and corrective measures for a row behind or with likelihood `impossible`.
    pub applicable_fields: i32,
    /// `generated_fields` ÷ `applicable_fields` × 100, two decimals.
    #[schema(value_type = String, pattern = r"^[0-9]+\.[0-9]{2}$", example = "41.18")]
    pub system_filled_share: String,
    /// Every status change, oldest first.
    pub history: Vec<Transition>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Report {
    pub fn assemble(
        row: ReportRow,
        project_code: String,
        project_name: String,
        rows: Vec<ReportIndicatorRow>,
        history: Vec<TransitionRow>,
        evaluation: Option<(EvaluationRow, serde_json::Value)>,
    ) -> Report {
        let share = crate::reports::proposals::share(row.generated_fields, row.applicable_fields);
        let by_system = |name: &str| row.system_filled.iter().any(|f| f == name);
        let forecast_method =
            by_system("forecast_execution").then_some(ForecastMethod::SpendingPace);
        let indicators: Vec<ReportIndicator> = rows
            .into_iter()
            .map(|r| {
                let proposed = r
                    .indicator_id
                    .is_some_and(|iid| by_system(&indicator_field(iid, "forecast")));
                let method = if r.accrues && r.comparator != "qualitative" {
                    IndicatorForecastMethod::Pace
                } else {
                    IndicatorForecastMethod::LatestValue
                };
                let mut dto = ReportIndicator::from(r);
                dto.forecast_method = proposed.then_some(method);
                dto
            })
            .collect();
        Report {
            id: row.id,
            round_id: row.round_id,
            project_id: row.project_id,
            project_code,
            project_name,
            department_id: row.department_id,
            region_code: code_of(&row.region_path).to_owned(),
            status: ReportStatus::parse(&row.status).unwrap_or(ReportStatus::Draft),
            late: row.late,
            submitted_at: row.submitted_at,
            budget: BudgetPart {
                adjusted_budget: row.adjusted_budget,
                executed_amount: row.executed_amount,
                execution_rate: row.execution_rate,
                time_progress: row.time_progress,
                forecast_execution: row.forecast_execution,
                forecast_method,
            },
            narrative: Narrative {
                goal_progress: row.goal_progress,
                construction: row.construction,
                management: row.management,
                financial_management: row.financial_management,
                problems: row.problems,
                corrective_measures: row.corrective_measures,
                targets_need_adjusting: row.targets_need_adjusting,
            },
            indicators,
            indicator_set_version: row.indicator_set_version,
            lights: evaluation.map(|(e, why)| ReportLights::new(e, why)),
            checks: serde_json::from_value(row.checks).unwrap_or_default(),
            system_filled: row.system_filled,
            department_fields: row.department_fields,
            generated_fields: row.generated_fields,
            applicable_fields: row.applicable_fields,
            system_filled_share: format_money(&share),
            history: history.into_iter().map(Transition::from).collect(),
            version: row.version,
            created_at: row.created_at,
            updated_at: row.updated_at,
        }
    }
}

fn report_example() -> serde_json::Value {
    serde_json::json!({
        "id": "0193a0c4-7f43-7000-8000-000000000092",
        "round_id": "0193a0c4-7f43-7000-8000-000000000091",
        "project_id": "0193a0c4-7f43-7000-8000-0000000000e1", "project_code": "SD2021-KJ-007",
        "project_name": "Aviation emergency rescue capability",
        "department_id": "0193a0c4-7f43-7000-8000-0000000000a1", "region_code": "370000",
        "status": "submitted", "late": false, "submitted_at": "2021-08-18T09:12:00Z",
        "budget": {
            "adjusted_budget": "120000000.00", "executed_amount": "55800000.00",
            "execution_rate": "46.50", "time_progress": "58.33",
            "forecast_execution": "118000000.00", "forecast_method": null
        },
        "narrative": {
            "goal_progress": "Six of eight rescue bases are in service",
            "construction": "Two bases are waiting for airspace approval", "management": "",
            "financial_management": "", "problems": "Spending of the two delayed bases is on hold",
            "corrective_measures": "Airspace applications resubmitted in July",
            "targets_need_adjusting": false
        },
        "indicators": [
            {
                "id": "0193a0c4-7f43-7000-8000-0000000000d1",
                "indicator_id": "0193a0c4-7f43-7000-8000-0000000000c1",
                "level1": "output", "level2": "quantity", "name": "Rescue bases built",
                "comparator": ">=", "target_value": "8", "target_text": null, "unit": "bases",
                "weight": "60", "accrues": true, "expected_value": "4.6664", "actual_value": "6",
                "actual_text": null, "actual_source": null, "actual_measured_on": null,
                "forecast_value": "8", "forecast_text": null, "forecast_method": null,
                "deviation_reasons": [], "deviation_note": "", "likelihood": "certain",
                "corrective_measures": "", "behind": false
            },
            {
                "id": "0193a0c4-7f43-7000-8000-0000000000d2",
                "indicator_id": "0193a0c4-7f43-7000-8000-0000000000c2",
                "level1": "effect", "level2": "social", "name": "Average response time",
                "comparator": "<=", "target_value": "30", "target_text": null, "unit": "minutes",
                "weight": "30", "accrues": false, "expected_value": "30", "actual_value": "28",
                "actual_text": null, "actual_source": "jinan-emergency-dispatch",
                "actual_measured_on": "2021-07-28", "forecast_value": "25", "forecast_text": null, "forecast_method": null,
                "deviation_reasons": [], "deviation_note": "", "likelihood": "certain",
                "corrective_measures": "", "behind": false
            }
        ],
        "lights": {
            "overall": "yellow", "budget": "yellow", "output": "blue", "effect": "green",
            "satisfaction": "none", "goal": "green", "filing": "none",
            "explanations": {
                "overall": {"light": "yellow", "reason": "budget execution is behind",
                            "budget": "yellow", "goal": "green"},
                "budget": {"rule": "budget_execution", "metric": "ratio_to_prorated",
                           "inputs": {"execution_rate": "46.5", "time_progress": "58.33"},
                           "value": "79.7188", "matched": "below 80", "light": "yellow"}
            },
            "rules_version": "default", "score_total": "97.97", "grade": "excellent",
            "scores": {"budget": "7.97", "budget_share": "10", "indicators": ["60.00", "30.00"],
                       "total": "97.97", "grade": "excellent"}
        },
        "checks": [{
            "rule": "forecast_over_budget", "field": "forecast_execution", "severity": "warning",
            "message": "the full-year forecast 121000000.00 is more than the adjusted budget of 120000000.00"
        }],
        "system_filled": [
            "adjusted_budget", "executed_amount", "execution_rate", "time_progress",
            "indicators.0193a0c4-7f43-7000-8000-0000000000c1.expected_value",
            "indicators.0193a0c4-7f43-7000-8000-0000000000c2.expected_value",
            "indicators.0193a0c4-7f43-7000-8000-0000000000c2.actual"
        ],
        "department_fields": [
            "forecast_execution", "goal_progress",
            "indicators.0193a0c4-7f43-7000-8000-0000000000c1.actual",
            "indicators.0193a0c4-7f43-7000-8000-0000000000c1.forecast",
            "indicators.0193a0c4-7f43-7000-8000-0000000000c2.forecast"
        ],
        "generated_fields": 7, "applicable_fields": 20, "indicator_set_version": 1,
        "system_filled_share": "35.00",
        "history": [{
            "from": "draft", "to": "submitted",
            "actor_id": "0193a0c4-7f43-7000-8000-0000000000b3", "actor_name": "kjt.officer",
            "comment": "", "at": "2021-08-18T09:12:00Z"
        }],
        "version": 4, "created_at": "2021-08-01T00:30:00Z", "updated_at": "2021-08-18T09:12:00Z"
    })
}

/// What the department fills in for one indicator row.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportIndicatorInput {
    /// The row's `id` in the report.
    pub id: Uuid,
    /// For numeric indicators: the value reached by the cut-off.
    #[serde(default, with = "serde_decimal_opt")]
    #[schema(value_type = Option<String>, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,4})?$")]
    pub actual_value: Option<BigDecimal>,
    /// For qualitative indicators.
    pub actual_text: Option<Achievement>,
    #[serde(default, with = "serde_decimal_opt")]
    #[schema(value_type = Option<String>, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,4})?$")]
    pub forecast_value: Option<BigDecimal>,
    pub forecast_text: Option<Achievement>,
    #[serde(default)]
    pub deviation_reasons: Vec<DeviationReason>,
    #[serde(default)]
    pub deviation_note: String,
    pub likelihood: Option<Likelihood>,
    #[serde(default)]
    pub corrective_measures: String,
}

/// Everything the department fills in. A PUT replaces it: a text left out is stored empty, a
/// forecast or `targets_need_adjusting` left out is cleared. Indicator rows not listed keep
/// their values; a listed row is replaced the same way. Fields the system computes are not
/// accepted.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "forecast_execution": "118000000.00", "goal_progress": "Six of eight rescue bases are in service",
    "construction": "Two bases are waiting for airspace approval", "management": "", "financial_management": "",
    "problems": "", "corrective_measures": "", "targets_need_adjusting": false,
    "indicators": [{"id": "0193a0c4-7f43-7000-8000-0000000000d1", "actual_value": "6", "forecast_value": "8", "likelihood": "certain"}]
}))]
pub struct ReportInput {
    #[serde(default, with = "serde_money_opt")]
    #[schema(value_type = Option<String>, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,2})?$")]
    pub forecast_execution: Option<BigDecimal>,
    #[serde(default)]
    pub goal_progress: String,
    #[serde(default)]
    pub construction: String,
    #[serde(default)]
    pub management: String,
    #[serde(default)]
    pub financial_management: String,
    #[serde(default)]
    pub problems: String,
    #[serde(default)]
    pub corrective_measures: String,
    pub targets_need_adjusting: Option<bool>,
    #[serde(default)]
    pub indicators: Vec<ReportIndicatorInput>,
}

#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"comment": "Give the reason why two bases are behind schedule"}))]
pub struct WorkflowComment {
    /// Required when returning a report: what the department must fix.
    #[serde(default)]
    pub comment: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "0193a0c4-7f43-7000-8000-000000000092",
    "round_id": "0193a0c4-7f43-7000-8000-000000000091",
    "project_id": "0193a0c4-7f43-7000-8000-0000000000e1", "project_code": "SD2021-KJ-007",
    "project_name": "Aviation emergency rescue capability", "key_monitoring": true,
    "department_id": "0193a0c4-7f43-7000-8000-0000000000a1", "department_code": "KJT",
    "region_code": "370000", "status": "submitted", "late": false,
    "submitted_at": "2021-08-18T09:12:00Z", "adjusted_budget": "120000000.00",
    "executed_amount": "55800000.00", "execution_rate": "46.50", "light": "yellow",
    "budget_light": "yellow", "version": 4
}))]
pub struct ReportListItem {
    pub id: Uuid,
    pub round_id: Uuid,
    pub project_id: Uuid,
    pub project_code: String,
    pub project_name: String,
    pub key_monitoring: bool,
    pub department_id: Uuid,
    pub department_code: String,
    pub region_code: String,
    pub status: ReportStatus,
    pub late: bool,
    pub submitted_at: Option<DateTime<Utc>>,
    #[serde(with = "serde_money")]
    #[schema(value_type = String, pattern = r"^-?[0-9]+\.[0-9]{2}$")]
    pub adjusted_budget: BigDecimal,
    #[serde(with = "serde_money")]
    #[schema(value_type = String, pattern = r"^-?[0-9]+\.[0-9]{2}$")]
    pub executed_amount: BigDecimal,
    #[serde(with = "serde_money_opt")]
    #[schema(value_type = Option<String>, pattern = r"^-?[0-9]+\.[0-9]{2}$")]
    pub execution_rate: Option<BigDecimal>,
    /// The project light (`none` until computed).
    pub light: Light,
    pub budget_light: Light,
    pub version: i32,
}

impl From<ReportListRow> for ReportListItem {
    fn from(r: ReportListRow) -> ReportListItem {
        ReportListItem {
            id: r.report.id,
            round_id: r.report.round_id,
            project_id: r.report.project_id,
            project_code: r.project_code,
            project_name: r.project_name,
            key_monitoring: r.key_monitoring,
            department_id: r.report.department_id,
            department_code: r.department_code,
            region_code: code_of(&r.report.region_path).to_owned(),
            status: ReportStatus::parse(&r.report.status).unwrap_or(ReportStatus::Draft),
            late: r.report.late,
            submitted_at: r.report.submitted_at,
            adjusted_budget: r.report.adjusted_budget,
            executed_amount: r.report.executed_amount,
            execution_rate: r.report.execution_rate,
            light: r
                .light
                .as_deref()
                .and_then(Light::parse)
                .unwrap_or(Light::None),
            budget_light: r
                .budget_light
                .as_deref()
                .and_then(Light::parse)
                .unwrap_or(Light::None),
            version: r.report.version,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// Only reports of projects in the region with this code and below it.
    pub region: Option<String>,
    pub department: Option<Uuid>,
    pub project: Option<Uuid>,
    pub status: Option<ReportStatus>,
    pub late: Option<bool>,
    pub key_monitoring: Option<bool>,
    /// Only reports whose project light is this.
    pub light: Option<Light>,
    /// Only reports whose budget execution light is this.
    pub budget_light: Option<Light>,
    /// Project code prefix or part of the project name.
    pub q: Option<String>,
    /// Page size, 1 to 500 (default 50); exports ignore it.
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page; exports ignore it.
    pub cursor: Option<String>,
    /// `csv` or `xlsx`: every matching report as a file, in the list's order;
    /// `Accept: text/csv` also gives CSV. `json` (default): a page.
    #[param(value_type = Option<ExportFormat>)]
    pub format: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DepartmentReportQuery {
    /// Only department reports of departments in the region with this code and below it.
    pub region: Option<String>,
    pub department: Option<Uuid>,
    pub status: Option<ReportStatus>,
    pub late: Option<bool>,
    /// Page size, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StatusCount {
    #[schema(value_type = ReportStatus)]
    pub status: String,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "0193a0c4-7f43-7000-8000-000000000093",
    "round_id": "0193a0c4-7f43-7000-8000-000000000091",
    "department_id": "0193a0c4-7f43-7000-8000-0000000000a1", "department_code": "KJT",
    "department_name": "Department of Science and Technology", "region_code": "370000",
    "status": "submitted", "late": false, "submitted_at": "2021-08-19T07:40:00Z",
    "summary": "Nine projects reported; aviation rescue spends slowly while two bases await airspace.",
    "adjusted_budget": "486000000.00", "executed_amount": "251300000.00", "execution_rate": "51.71",
    "reports_by_status": [{"status": "submitted", "count": 8}, {"status": "approved", "count": 1}],
    "history": [
        {
            "from": "draft", "to": "submitted", "actor_id": "0193a0c4-7f43-7000-8000-0000000000b3",
            "actor_name": "kjt.officer", "comment": "", "at": "2021-08-19T07:40:00Z"
        }
    ],
    "version": 3, "created_at": "2021-08-01T00:30:00Z", "updated_at": "2021-08-19T07:40:00Z"
}))]
pub struct DepartmentReport {
    pub id: Uuid,
    pub round_id: Uuid,
    pub department_id: Uuid,
    pub department_code: String,
    pub department_name: String,
    pub region_code: String,
    pub status: ReportStatus,
    pub late: bool,
    pub submitted_at: Option<DateTime<Utc>>,
    /// The department's summary of the round.
    pub summary: String,
    /// Sum of the adjusted budgets of its project reports.
    #[serde(with = "serde_money")]
    #[schema(value_type = String, pattern = r"^-?[0-9]+\.[0-9]{2}$")]
    pub adjusted_budget: BigDecimal,
    #[serde(with = "serde_money")]
    #[schema(value_type = String, pattern = r"^-?[0-9]+\.[0-9]{2}$")]
    pub executed_amount: BigDecimal,
    #[serde(with = "serde_money_opt")]
    #[schema(value_type = Option<String>, pattern = r"^-?[0-9]+\.[0-9]{2}$")]
    pub execution_rate: Option<BigDecimal>,
    /// Its project reports by status.
    pub reports_by_status: Vec<StatusCount>,
    pub history: Vec<Transition>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "summary": "Nine projects reported; aviation rescue spends slowly while two bases await airspace."
}))]
pub struct DepartmentReportInput {
    #[schema(max_length = 20000)]
    pub summary: String,
}
