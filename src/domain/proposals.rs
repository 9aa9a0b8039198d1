//! What the system proposes for a report from its figures: the full-year forecast execution,
//! an indicator's full-year forecast, the likelihood of reaching the target and whether targets
//! need adjusting. The department keeps or changes each proposal.

use bigdecimal::{BigDecimal, RoundingMode, Zero};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::indicators::Comparator;
use crate::domain::monitoring::{Achievement, Likelihood};

/// How the system's full-year forecast execution was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ForecastMethod {
    /// Spending to the cut-off carried on at the same pace for the rest of the year: executed ÷
    /// time progress × 100, no less than what is already spent and no more than the adjusted
    /// budget (or what is spent, if that is more).
    SpendingPace,
}

/// The proposed full-year execution; none without time progress.
pub fn forecast_execution(
    executed: &BigDecimal,
    adjusted: &BigDecimal,
    time_progress: &BigDecimal,
) -> Option<BigDecimal> {
    if *time_progress <= BigDecimal::zero() {
        return None;
    }
    let paced = executed * BigDecimal::from(100) / time_progress;
    let ceiling = if adjusted > executed {
        adjusted
    } else {
        executed
    };
    let bounded = if &paced > ceiling {
        ceiling.clone()
    } else {
        paced
    };
    let bounded = if &bounded < executed {
        executed.clone()
    } else {
        bounded
    };
    Some(bounded.with_scale_round(2, RoundingMode::HalfEven))
}

/// How the system's forecast of an indicator was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorForecastMethod {
    /// An accruing indicator: the value to the cut-off carried on at the same pace (actual ÷
    /// time progress × 100).
    Pace,
    /// A rate, quality, timeliness, cost or qualitative indicator: its latest value is the best
    /// guess for the year.
    LatestValue,
}

/// The proposed full-year value of a numeric indicator from its actual value.
pub fn indicator_forecast(
    accrues: bool,
    actual: &BigDecimal,
    time_progress: &BigDecimal,
) -> Option<(BigDecimal, IndicatorForecastMethod)> {
    if !accrues {
        return Some((actual.clone(), IndicatorForecastMethod::LatestValue));
    }
    if *time_progress <= BigDecimal::zero() {
        return None;
    }
    Some((
        (actual * BigDecimal::from(100) / time_progress)
            .with_scale_round(4, RoundingMode::HalfEven),
        IndicatorForecastMethod::Pace,
    ))
}

/// The edges, in percent of the target reached by the forecast, at or above which reaching the
/// target is `possible` and `certain` (part of a region's warning-rule settings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LikelihoodEdges {
    pub possible: BigDecimal,
    pub certain: BigDecimal,
}

impl Default for LikelihoodEdges {
    fn default() -> LikelihoodEdges {
        LikelihoodEdges {
            possible: BigDecimal::from(60),
            certain: BigDecimal::from(80),
        }
    }
}

/// How much of its target a forecast reaches, in percent: forecast ÷ target for targets to
/// reach or exceed, target ÷ forecast for upper bounds, and for `=` 100 less the relative
/// distance. A zero target or forecast counts as fully reached where it meets the comparator.
pub fn reach(comparator: Comparator, target: &BigDecimal, forecast: &BigDecimal) -> BigDecimal {
    let hundred = BigDecimal::from(100);
    match comparator {
        Comparator::AtLeast | Comparator::Above | Comparator::Qualitative => {
            if target.is_zero() {
                return hundred;
            }
            forecast * &hundred / target
        }
        Comparator::AtMost | Comparator::Below => {
            if forecast.is_zero() || forecast <= target {
                return hundred;
            }
            target * &hundred / forecast
        }
        Comparator::Equal => {
            if target.is_zero() {
                return if forecast.is_zero() {
                    hundred
                } else {
                    BigDecimal::zero()
                };
            }
            let distance = (forecast - target).abs() * &hundred / target.abs();
            &hundred - distance
        }
    }
}

/// The likelihood of reaching the target a forecast gives.
pub fn likelihood_of(
    comparator: Comparator,
    target: Option<&BigDecimal>,
    forecast_value: Option<&BigDecimal>,
    forecast_text: Option<Achievement>,
    edges: &LikelihoodEdges,
) -> Option<Likelihood> {
    if comparator == Comparator::Qualitative {
        return forecast_text.map(|f| match f {
            Achievement::Achieved => Likelihood::Certain,
            Achievement::PartlyAchieved => Likelihood::Possible,
            Achievement::NotAchieved => Likelihood::Impossible,
        });
    }
    let reached = reach(comparator, target?, forecast_value?);
    // `>` and `<` are strict: reaching the target exactly is not reaching it.
    let strict_miss = match comparator {
        Comparator::Above => forecast_value? <= target?,
        Comparator::Below => forecast_value? >= target?,
        _ => false,
    };
    Some(if reached >= edges.certain && !strict_miss {
        Likelihood::Certain
    } else if reached >= edges.possible {
        Likelihood::Possible
    } else {
        Likelihood::Impossible
    })
}

/// Targets need adjusting when some indicator cannot reach its target; none while no row has a
/// likelihood to go by.
pub fn targets_need_adjusting(likelihoods: &[Option<Likelihood>]) -> Option<bool> {
    if likelihoods.iter().all(Option::is_none) {
        return None;
    }
    Some(likelihoods.contains(&Some(Likelihood::Impossible)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> BigDecimal {
        s.parse().unwrap()
    }

    #[test]
    fn forecast_execution_carries_the_pace_on_within_the_budget() {
        // 393 of 1000 spent at 58.33 % of the year: 673.75 at that pace.
        assert_eq!(
            forecast_execution(&d("393"), &d("1000"), &d("58.33")),
            Some(d("673.75"))
        );
        // Ahead of time: capped at the adjusted budget.
        assert_eq!(
            forecast_execution(&d("800"), &d("1000"), &d("50")),
            Some(d("1000.00"))
        );
        // Already over the budget: never below what is spent.
        assert_eq!(
            forecast_execution(&d("1200"), &d("1000"), &d("50")),
            Some(d("1200.00"))
        );
        assert_eq!(
            forecast_execution(&d("0"), &d("1000"), &d("50")),
            Some(d("0.00"))
        );
        assert_eq!(forecast_execution(&d("10"), &d("1000"), &d("0")), None);
    }

    #[test]
    fn an_accruing_indicator_is_forecast_by_pace_and_a_fixed_one_by_its_value() {
        assert_eq!(
            indicator_forecast(true, &d("97.64"), &d("58.33")),
            Some((d("167.3924"), IndicatorForecastMethod::Pace))
        );
        assert_eq!(
            indicator_forecast(false, &d("96.5"), &d("58.33")),
            Some((d("96.5"), IndicatorForecastMethod::LatestValue))
        );
        assert_eq!(indicator_forecast(true, &d("1"), &d("0")), None);
    }

    #[test]
    fn likelihood_bands_at_their_edges() {
        assert_eq!(
            LikelihoodEdges::default(),
            LikelihoodEdges {
                possible: d("60"),
                certain: d("80")
            }
        );
        let edges = LikelihoodEdges {
            possible: d("80"),
            certain: d("100"),
        };
        let at_least = |f: &str| {
            likelihood_of(
                Comparator::AtLeast,
                Some(&d("200")),
                Some(&d(f)),
                None,
                &edges,
            )
        };
        assert_eq!(at_least("200"), Some(Likelihood::Certain));
        assert_eq!(at_least("199.99"), Some(Likelihood::Possible));
        assert_eq!(at_least("160"), Some(Likelihood::Possible));
        assert_eq!(at_least("159.99"), Some(Likelihood::Impossible));
        let above = |f: &str| {
            likelihood_of(
                Comparator::Above,
                Some(&d("200")),
                Some(&d(f)),
                None,
                &edges,
            )
        };
        assert_eq!(above("200"), Some(Likelihood::Possible));
        assert_eq!(above("200.01"), Some(Likelihood::Certain));
        let at_most = |f: &str| {
            likelihood_of(
                Comparator::AtMost,
                Some(&d("100")),
                Some(&d(f)),
                None,
                &edges,
            )
        };
        assert_eq!(at_most("100"), Some(Likelihood::Certain));
        assert_eq!(at_most("0"), Some(Likelihood::Certain));
        assert_eq!(at_most("125"), Some(Likelihood::Possible));
        assert_eq!(at_most("125.01"), Some(Likelihood::Impossible));
        let below = |f: &str| {
            likelihood_of(
                Comparator::Below,
                Some(&d("100")),
                Some(&d(f)),
                None,
                &edges,
            )
        };
        assert_eq!(below("100"), Some(Likelihood::Possible));
        assert_eq!(below("99.99"), Some(Likelihood::Certain));
        let equal =
            |f: &str| likelihood_of(Comparator::Equal, Some(&d("50")), Some(&d(f)), None, &edges);
        assert_eq!(equal("50"), Some(Likelihood::Certain));
        assert_eq!(equal("60"), Some(Likelihood::Possible));
        assert_eq!(equal("40"), Some(Likelihood::Possible));
        assert_eq!(equal("60.01"), Some(Likelihood::Impossible));
        let strict = LikelihoodEdges {
            possible: d("90"),
            certain: d("110"),
        };
        assert_eq!(
            likelihood_of(
                Comparator::AtLeast,
                Some(&d("100")),
                Some(&d("105")),
                None,
                &strict
            ),
            Some(Likelihood::Possible)
        );
    }

    #[test]
    fn likelihood_needs_a_forecast_and_a_target() {
        let edges = LikelihoodEdges::default();
        assert_eq!(
            likelihood_of(Comparator::AtLeast, Some(&d("1")), None, None, &edges),
            None
        );
        assert_eq!(
            likelihood_of(Comparator::AtLeast, None, Some(&d("1")), None, &edges),
            None
        );
        let q = |a| likelihood_of(Comparator::Qualitative, None, None, Some(a), &edges);
        assert_eq!(q(Achievement::Achieved), Some(Likelihood::Certain));
        assert_eq!(q(Achievement::PartlyAchieved), Some(Likelihood::Possible));
        assert_eq!(q(Achievement::NotAchieved), Some(Likelihood::Impossible));
    }

    #[test]
    fn targets_need_adjusting_when_one_cannot_be_reached() {
        assert_eq!(targets_need_adjusting(&[None, None]), None);
        assert_eq!(
            targets_need_adjusting(&[Some(Likelihood::Possible), None]),
            Some(false)
        );
        assert_eq!(
            targets_need_adjusting(&[Some(Likelihood::Certain), Some(Likelihood::Impossible)]),
            Some(true)
        );
    }
}
