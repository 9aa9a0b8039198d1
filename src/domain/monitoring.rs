//! Dual monitoring rules: time progress, execution rate, expected indicator values, what a
//! report needs before submission, and the report workflow.

use bigdecimal::{BigDecimal, RoundingMode};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::indicators::Comparator;

/// Share of the year elapsed at the cut-off, in percent: month of the cut-off ÷ 12 (the
/// default rule; a July 31 cut-off gives 58.33).
pub fn time_progress(cutoff: NaiveDate) -> BigDecimal {
    (BigDecimal::from(cutoff.month()) * BigDecimal::from(100) / BigDecimal::from(12))
        .with_scale_round(2, RoundingMode::HalfEven)
}

/// Share of the year elapsed at the cut-off by days, in percent (the `day` rule setting).
pub fn time_progress_by_day(cutoff: NaiveDate) -> BigDecimal {
    let days_in_year = if NaiveDate::from_ymd_opt(cutoff.year(), 2, 29).is_some() {
        366
    } else {
        365
    };
    (BigDecimal::from(cutoff.ordinal()) * BigDecimal::from(100) / BigDecimal::from(days_in_year))
        .with_scale_round(2, RoundingMode::HalfEven)
}

/// Executed ÷ adjusted budget, in percent with two decimals; none without a budget.
pub fn execution_rate(executed: &BigDecimal, adjusted: &BigDecimal) -> Option<BigDecimal> {
    if *adjusted == 0 {
        return None;
    }
    Some((executed * BigDecimal::from(100) / adjusted).with_scale_round(2, RoundingMode::HalfEven))
}

/// What an indicator should have reached at the cut-off: target × time progress for accruing
/// targets, the target itself otherwise; none for qualitative indicators.
pub fn expected_value(
    target: Option<&BigDecimal>,
    accrues: bool,
    time_progress: &BigDecimal,
) -> Option<BigDecimal> {
    let target = target?;
    if !accrues {
        return Some(target.clone());
    }
    Some(
        (target * time_progress / BigDecimal::from(100))
            .with_scale_round(4, RoundingMode::HalfEven),
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Achievement {
    Achieved,
    PartlyAchieved,
    NotAchieved,
}

impl Achievement {
    pub fn as_str(self) -> &'static str {
        match self {
            Achievement::Achieved => "achieved",
            Achievement::PartlyAchieved => "partly_achieved",
            Achievement::NotAchieved => "not_achieved",
        }
    }

    pub fn parse(text: &str) -> Option<Achievement> {
        [
            Achievement::Achieved,
            Achievement::PartlyAchieved,
            Achievement::NotAchieved,
        ]
        .into_iter()
        .find(|a| a.as_str() == text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Likelihood {
    Certain,
    Possible,
    Impossible,
}

impl Likelihood {
    pub fn as_str(self) -> &'static str {
        match self {
            Likelihood::Certain => "certain",
            Likelihood::Possible => "possible",
            Likelihood::Impossible => "impossible",
        }
    }

    pub fn parse(text: &str) -> Option<Likelihood> {
        [
            Likelihood::Certain,
            Likelihood::Possible,
            Likelihood::Impossible,
        ]
        .into_iter()
        .find(|l| l.as_str() == text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeviationReason {
    Funding,
    Institutional,
    Staffing,
    Facilities,
    Other,
}

impl DeviationReason {
    pub fn as_str(self) -> &'static str {
        match self {
            DeviationReason::Funding => "funding",
            DeviationReason::Institutional => "institutional",
            DeviationReason::Staffing => "staffing",
            DeviationReason::Facilities => "facilities",
            DeviationReason::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<DeviationReason> {
        [
            DeviationReason::Funding,
            DeviationReason::Institutional,
            DeviationReason::Staffing,
            DeviationReason::Facilities,
            DeviationReason::Other,
        ]
        .into_iter()
        .find(|r| r.as_str() == text)
    }
}

/// Whether an indicator is behind where it should be at the cut-off.
pub fn is_behind(
    comparator: Comparator,
    expected: Option<&BigDecimal>,
    actual_value: Option<&BigDecimal>,
    actual_text: Option<Achievement>,
) -> bool {
    match comparator {
        Comparator::Qualitative => {
            matches!(
                actual_text,
                Some(Achievement::PartlyAchieved | Achievement::NotAchieved)
            )
        }
        Comparator::AtLeast | Comparator::Equal => {
            matches!((actual_value, expected), (Some(a), Some(e)) if a < e)
        }
        Comparator::Above => matches!((actual_value, expected), (Some(a), Some(e)) if a <= e),
        Comparator::AtMost => matches!((actual_value, expected), (Some(a), Some(e)) if a > e),
        Comparator::Below => matches!((actual_value, expected), (Some(a), Some(e)) if a >= e),
    }
}

/// The fields of one report row that submission checks.
pub struct IndicatorEntry<'a> {
    pub comparator: Comparator,
    pub expected: Option<&'a BigDecimal>,
    pub actual_value: Option<&'a BigDecimal>,
    pub actual_text: Option<Achievement>,
    pub forecast_given: bool,
    pub likelihood_given: bool,
    pub deviation_reasons: usize,
    pub corrective_measures: &'a str,
}

/// Everything missing before a report may be submitted: (field path, message).
pub fn missing_for_submission(
    forecast_execution_given: bool,
    goal_progress: &str,
    indicators: &[IndicatorEntry<'_>],
) -> Vec<(String, String)> {
    let mut missing = Vec::new();
    if !forecast_execution_given {
        missing.push(("forecast_execution".to_owned(), "is required".to_owned()));
    }
    if goal_progress.trim().is_empty() {
        missing.push(("goal_progress".to_owned(), "is required".to_owned()));
    }
    for (i, row) in indicators.iter().enumerate() {
        let actual_given = match row.comparator {
            Comparator::Qualitative => row.actual_text.is_some(),
            _ => row.actual_value.is_some(),
        };
        // Named as the fields of the input, so a client can put each message beside its field.
        let (actual, forecast) = if row.comparator == Comparator::Qualitative {
            ("actual_text", "forecast_text")
        } else {
            ("actual_value", "forecast_value")
        };
        if !actual_given {
            missing.push((
                format!("indicators[{i}].{actual}"),
                "is required".to_owned(),
            ));
        }
        if !row.forecast_given {
            missing.push((
                format!("indicators[{i}].{forecast}"),
                "is required".to_owned(),
            ));
        }
        if !row.likelihood_given {
            missing.push((
                format!("indicators[{i}].likelihood"),
                "is required".to_owned(),
            ));
        }
        if is_behind(
            row.comparator,
            row.expected,
            row.actual_value,
            row.actual_text,
        ) {
            if row.deviation_reasons == 0 {
                missing.push((
                    format!("indicators[{i}].deviation_reasons"),
                    "are required for an indicator behind its expected value".to_owned(),
                ));
            }
            if row.corrective_measures.trim().is_empty() {
                missing.push((
                    format!("indicators[{i}].corrective_measures"),
                    "are required for an indicator behind its expected value".to_owned(),
                ));
            }
        }
    }
    missing
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    Draft,
    Submitted,
    Returned,
    Approved,
}

impl ReportStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ReportStatus::Draft => "draft",
            ReportStatus::Submitted => "submitted",
            ReportStatus::Returned => "returned",
            ReportStatus::Approved => "approved",
        }
    }

    pub fn parse(text: &str) -> Option<ReportStatus> {
        [
            ReportStatus::Draft,
            ReportStatus::Submitted,
            ReportStatus::Returned,
            ReportStatus::Approved,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }

    /// The department may still change the report.
    pub fn editable(self) -> bool {
        matches!(self, ReportStatus::Draft | ReportStatus::Returned)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportAction {
    Submit,
    Return,
    Approve,
}

/// The status a report moves to, or why it cannot.
pub fn transition(from: ReportStatus, action: ReportAction) -> Result<ReportStatus, String> {
    use ReportAction::*;
    use ReportStatus::*;
    match (from, action) {
        (Draft | Returned, Submit) => Ok(Submitted),
        (Submitted, Return) => Ok(Returned),
        (Submitted, Approve) => Ok(Approved),
        (from, action) => Err(format!(
            "a {} report cannot be {}",
            from.as_str(),
            match action {
                Submit => "submitted",
                Return => "returned",
                Approve => "approved",
            }
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(v: &str) -> BigDecimal {
        v.parse().unwrap()
    }

    #[test]
    fn time_progress_is_the_month_share() {
        let date = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(time_progress(date("2021-07-31")).to_string(), "58.33");
        assert_eq!(time_progress(date("2021-06-30")).to_string(), "50.00");
        assert_eq!(time_progress(date("2021-12-31")).to_string(), "100.00");
        assert_eq!(time_progress(date("2021-01-31")).to_string(), "8.33");
        assert_eq!(
            time_progress_by_day(date("2021-07-31")).to_string(),
            "58.08"
        );
        assert_eq!(
            time_progress_by_day(date("2021-12-31")).to_string(),
            "100.00"
        );
        assert_eq!(
            time_progress_by_day(date("2020-12-31")).to_string(),
            "100.00"
        );
        assert_eq!(time_progress_by_day(date("2021-01-01")).to_string(), "0.27");
    }

    #[test]
    fn execution_rate_rounds_and_needs_a_budget() {
        assert_eq!(
            execution_rate(&d("2000000"), &d("3000000"))
                .unwrap()
                .to_string(),
            "66.67"
        );
        assert_eq!(execution_rate(&d("0"), &d("100")).unwrap(), d("0"));
        assert!(execution_rate(&d("5"), &d("0")).is_none());
    }

    #[test]
    fn expected_values_prorate_only_accruing_targets() {
        let tp = d("58.33");
        assert_eq!(
            expected_value(Some(&d("120")), true, &tp)
                .unwrap()
                .to_string(),
            "69.9960"
        );
        assert_eq!(expected_value(Some(&d("95")), false, &tp).unwrap(), d("95"));
        assert!(expected_value(None, true, &tp).is_none());
    }

    #[test]
    fn behind_depends_on_the_comparator() {
        let (e, lo, hi) = (d("10"), d("9"), d("11"));
        assert!(is_behind(Comparator::AtLeast, Some(&e), Some(&lo), None));
        assert!(!is_behind(Comparator::AtLeast, Some(&e), Some(&e), None));
        assert!(is_behind(Comparator::Above, Some(&e), Some(&e), None));
        assert!(is_behind(Comparator::AtMost, Some(&e), Some(&hi), None));
        assert!(!is_behind(Comparator::AtMost, Some(&e), Some(&e), None));
        assert!(is_behind(Comparator::Below, Some(&e), Some(&e), None));
        assert!(is_behind(
            Comparator::Qualitative,
            None,
            None,
            Some(Achievement::PartlyAchieved)
        ));
        assert!(!is_behind(
            Comparator::Qualitative,
            None,
            None,
            Some(Achievement::Achieved)
        ));
        assert!(!is_behind(Comparator::AtLeast, Some(&e), None, None));
    }

    #[test]
    fn submission_lists_every_missing_item() {
        let (e, a) = (d("10"), d("4"));
        let rows = [
            IndicatorEntry {
                comparator: Comparator::AtLeast,
                expected: Some(&e),
                actual_value: Some(&a),
                actual_text: None,
                forecast_given: true,
                likelihood_given: true,
                deviation_reasons: 0,
                corrective_measures: "",
            },
            IndicatorEntry {
                comparator: Comparator::Qualitative,
                expected: None,
                actual_value: None,
                actual_text: None,
                forecast_given: false,
                likelihood_given: false,
                deviation_reasons: 0,
                corrective_measures: "",
            },
        ];
        let fields: Vec<String> = missing_for_submission(false, " ", &rows)
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(
            fields,
            [
                "forecast_execution",
                "goal_progress",
                "indicators[0].deviation_reasons",
                "indicators[0].corrective_measures",
                "indicators[1].actual_text",
                "indicators[1].forecast_text",
                "indicators[1].likelihood",
            ]
        );
    }

    #[test]
    fn the_workflow_allows_only_its_transitions() {
        use ReportAction::*;
        use ReportStatus::*;
        assert_eq!(transition(Draft, Submit), Ok(Submitted));
        assert_eq!(transition(Returned, Submit), Ok(Submitted));
        assert_eq!(transition(Submitted, Return), Ok(Returned));
        assert_eq!(transition(Submitted, Approve), Ok(Approved));
        assert!(transition(Approved, Submit).is_err());
        assert!(transition(Draft, Approve).is_err());
        assert!(transition(Returned, Return).is_err());
    }
}
