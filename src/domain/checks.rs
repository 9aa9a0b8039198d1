//! Logic checks (校验, Qingdao's "logical operations"): consistency rules run on every save of a
//! report and on its submission. Each finding names its rule, the field and a severity; an
//! `error` blocks submission, a `warning` is shown on the report. A region sets each rule's
//! severity (or turns it off) in its warning-rule set, inherited downwards like the rules.

use std::collections::BTreeMap;

use bigdecimal::{BigDecimal, Zero};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::indicators::Comparator;
use crate::domain::lights::Light;
use crate::domain::monitoring::Achievement;

/// A logic check a region may configure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CheckKey {
    /// More spent by the cut-off than the adjusted budget.
    ExecutedOverBudget,
    /// A full-year forecast execution below what is already spent.
    ForecastBelowSpent,
    /// A full-year forecast execution above the adjusted budget.
    ForecastOverBudget,
    /// A numeric actual value far outside its target's scale: negative against a positive
    /// target, or more than ten times the target.
    ActualOutOfScale,
    /// A qualitative indicator without a value.
    QualitativeWithoutValue,
    /// An indicator behind its expected value without deviation reasons.
    BehindWithoutReasons,
    /// A red overall light and no corrective measures for the project.
    RedWithoutMeasures,
}

impl CheckKey {
    pub const ALL: [CheckKey; 7] = [
        CheckKey::ExecutedOverBudget,
        CheckKey::ForecastBelowSpent,
        CheckKey::ForecastOverBudget,
        CheckKey::ActualOutOfScale,
        CheckKey::QualitativeWithoutValue,
        CheckKey::BehindWithoutReasons,
        CheckKey::RedWithoutMeasures,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CheckKey::ExecutedOverBudget => "executed_over_budget",
            CheckKey::ForecastBelowSpent => "forecast_below_spent",
            CheckKey::ForecastOverBudget => "forecast_over_budget",
            CheckKey::ActualOutOfScale => "actual_out_of_scale",
            CheckKey::QualitativeWithoutValue => "qualitative_without_value",
            CheckKey::BehindWithoutReasons => "behind_without_reasons",
            CheckKey::RedWithoutMeasures => "red_without_measures",
        }
    }

    /// The severity a check has unless a region says otherwise.
    pub fn default_severity(self) -> CheckSeverity {
        match self {
            CheckKey::ForecastBelowSpent
            | CheckKey::QualitativeWithoutValue
            | CheckKey::BehindWithoutReasons => CheckSeverity::Error,
            CheckKey::ExecutedOverBudget
            | CheckKey::ForecastOverBudget
            | CheckKey::ActualOutOfScale
            | CheckKey::RedWithoutMeasures => CheckSeverity::Warning,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CheckSeverity {
    /// Blocks submission.
    Error,
    /// Shown on the report.
    Warning,
    /// Not run.
    Off,
}

/// The severity of every check: the defaults with a region's overrides applied.
pub fn severities(
    overrides: &BTreeMap<CheckKey, CheckSeverity>,
) -> BTreeMap<CheckKey, CheckSeverity> {
    CheckKey::ALL
        .iter()
        .map(|k| {
            (
                *k,
                overrides.get(k).copied().unwrap_or(k.default_severity()),
            )
        })
        .collect()
}

/// One check that failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CheckResult {
    pub rule: CheckKey,
    /// The field at fault, named as in the report's input (`indicators[0].actual_value`).
    pub field: String,
    pub severity: CheckSeverity,
    pub message: String,
}

/// One indicator row as the checks see it.
pub struct CheckedRow<'a> {
    pub comparator: Comparator,
    pub target: Option<&'a BigDecimal>,
    pub actual_value: Option<&'a BigDecimal>,
    pub actual_text: Option<Achievement>,
    pub behind: bool,
    pub deviation_reasons: usize,
}

/// What the checks look at in a report.
pub struct CheckedReport<'a> {
    pub adjusted_budget: &'a BigDecimal,
    pub executed: &'a BigDecimal,
    pub forecast_execution: Option<&'a BigDecimal>,
    pub overall_light: Light,
    pub corrective_measures: &'a str,
    pub rows: Vec<CheckedRow<'a>>,
}

/// How many times its target an actual value may be before it looks mistyped.
const SCALE: u32 = 10;

/// Every failed check, in the order of `CheckKey::ALL` and then of the rows.
pub fn run(
    report: &CheckedReport<'_>,
    severity: &BTreeMap<CheckKey, CheckSeverity>,
) -> Vec<CheckResult> {
    let mut out = Vec::new();
    let mut fail = |rule: CheckKey, field: String, message: String| {
        let severity = severity
            .get(&rule)
            .copied()
            .unwrap_or(rule.default_severity());
        if severity != CheckSeverity::Off {
            out.push(CheckResult {
                rule,
                field,
                severity,
                message,
            });
        }
    };
    if report.executed > report.adjusted_budget {
        fail(
            CheckKey::ExecutedOverBudget,
            "executed_amount".to_owned(),
            format!(
                "{} spent by the cut-off is more than the adjusted budget of {}",
                report.executed, report.adjusted_budget
            ),
        );
    }
    if let Some(forecast) = report.forecast_execution {
        if forecast < report.executed {
            fail(
                CheckKey::ForecastBelowSpent,
                "forecast_execution".to_owned(),
                format!(
                    "the full-year forecast {forecast} is less than the {} already spent",
                    report.executed
                ),
            );
        }
        if forecast > report.adjusted_budget {
            fail(
                CheckKey::ForecastOverBudget,
                "forecast_execution".to_owned(),
                format!(
                    "the full-year forecast {forecast} is more than the adjusted budget of {}",
                    report.adjusted_budget
                ),
            );
        }
    }
    for (i, row) in report.rows.iter().enumerate() {
        if let (Some(actual), Some(target)) = (row.actual_value, row.target)
            && row.comparator != Comparator::Qualitative
            && *target > BigDecimal::zero()
            && (*actual < BigDecimal::zero() || *actual > target * BigDecimal::from(SCALE))
        {
            fail(
                CheckKey::ActualOutOfScale,
                format!("indicators[{i}].actual_value"),
                format!(
                    "{actual} is far outside the scale of the target {target} (below zero or \
                     more than {SCALE} times it): check the unit"
                ),
            );
        }
    }
    for (i, row) in report.rows.iter().enumerate() {
        if row.comparator == Comparator::Qualitative && row.actual_text.is_none() {
            fail(
                CheckKey::QualitativeWithoutValue,
                format!("indicators[{i}].actual_text"),
                "a qualitative indicator needs achieved, partly_achieved or not_achieved"
                    .to_owned(),
            );
        }
    }
    for (i, row) in report.rows.iter().enumerate() {
        if row.behind && row.deviation_reasons == 0 {
            fail(
                CheckKey::BehindWithoutReasons,
                format!("indicators[{i}].deviation_reasons"),
                "the indicator is behind its expected value: give the reasons".to_owned(),
            );
        }
    }
    if report.overall_light == Light::Red && report.corrective_measures.trim().is_empty() {
        fail(
            CheckKey::RedWithoutMeasures,
            "corrective_measures".to_owned(),
            "the project light is red: say what will be done about it".to_owned(),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> BigDecimal {
        s.parse().unwrap()
    }

    fn rules(results: &[CheckResult]) -> Vec<(&'static str, &str, CheckSeverity)> {
        results
            .iter()
            .map(|r| (r.rule.as_str(), r.field.as_str(), r.severity))
            .collect()
    }

    fn row<'a>(target: &'a BigDecimal, actual: Option<&'a BigDecimal>) -> CheckedRow<'a> {
        CheckedRow {
            comparator: Comparator::AtLeast,
            target: Some(target),
            actual_value: actual,
            actual_text: None,
            behind: false,
            deviation_reasons: 0,
        }
    }

    #[test]
    fn a_consistent_report_passes() {
        let (budget, spent, forecast, target, actual) =
            (d("100"), d("100"), d("100"), d("10"), d("100"));
        let report = CheckedReport {
            adjusted_budget: &budget,
            executed: &spent,
            forecast_execution: Some(&forecast),
            overall_light: Light::Green,
            corrective_measures: "",
            rows: vec![row(&target, Some(&actual))],
        };
        assert!(run(&report, &severities(&BTreeMap::new())).is_empty());
    }

    #[test]
    fn budget_and_forecast_checks_at_their_edges() {
        let (budget, over, forecast_low) = (d("100"), d("100.01"), d("100.00"));
        let report = CheckedReport {
            adjusted_budget: &budget,
            executed: &over,
            forecast_execution: Some(&forecast_low),
            overall_light: Light::None,
            corrective_measures: "",
            rows: Vec::new(),
        };
        assert_eq!(
            rules(&run(&report, &severities(&BTreeMap::new()))),
            [
                (
                    "executed_over_budget",
                    "executed_amount",
                    CheckSeverity::Warning
                ),
                (
                    "forecast_below_spent",
                    "forecast_execution",
                    CheckSeverity::Error
                ),
            ]
        );
        let high = d("100.01");
        let report = CheckedReport {
            executed: &budget,
            forecast_execution: Some(&high),
            ..report
        };
        assert_eq!(
            rules(&run(&report, &severities(&BTreeMap::new()))),
            [(
                "forecast_over_budget",
                "forecast_execution",
                CheckSeverity::Warning
            )]
        );
    }

    #[test]
    fn indicator_checks_at_their_edges() {
        let (budget, target) = (d("100"), d("10"));
        let (ten_times, over, negative) = (d("100"), d("100.0001"), d("-1"));
        let mut behind = row(&target, Some(&ten_times));
        behind.behind = true;
        let mut explained = row(&target, None);
        explained.behind = true;
        explained.deviation_reasons = 1;
        let qualitative = CheckedRow {
            comparator: Comparator::Qualitative,
            target: None,
            actual_value: None,
            actual_text: None,
            behind: false,
            deviation_reasons: 0,
        };
        let report = CheckedReport {
            adjusted_budget: &budget,
            executed: &budget,
            forecast_execution: None,
            overall_light: Light::Red,
            corrective_measures: " ",
            rows: vec![
                behind,
                row(&target, Some(&over)),
                row(&target, Some(&negative)),
                qualitative,
                explained,
            ],
        };
        assert_eq!(
            rules(&run(&report, &severities(&BTreeMap::new()))),
            [
                (
                    "actual_out_of_scale",
                    "indicators[1].actual_value",
                    CheckSeverity::Warning
                ),
                (
                    "actual_out_of_scale",
                    "indicators[2].actual_value",
                    CheckSeverity::Warning
                ),
                (
                    "qualitative_without_value",
                    "indicators[3].actual_text",
                    CheckSeverity::Error
                ),
                (
                    "behind_without_reasons",
                    "indicators[0].deviation_reasons",
                    CheckSeverity::Error
                ),
                (
                    "red_without_measures",
                    "corrective_measures",
                    CheckSeverity::Warning
                ),
            ]
        );
        // A region turns one off and makes another blocking.
        let overrides = BTreeMap::from([
            (CheckKey::ActualOutOfScale, CheckSeverity::Off),
            (CheckKey::RedWithoutMeasures, CheckSeverity::Error),
        ]);
        assert_eq!(
            rules(&run(&report, &severities(&overrides))),
            [
                (
                    "qualitative_without_value",
                    "indicators[3].actual_text",
                    CheckSeverity::Error
                ),
                (
                    "behind_without_reasons",
                    "indicators[0].deviation_reasons",
                    CheckSeverity::Error
                ),
                (
                    "red_without_measures",
                    "corrective_measures",
                    CheckSeverity::Error
                ),
            ]
        );
    }
}
