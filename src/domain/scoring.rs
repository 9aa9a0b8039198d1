//! Default scoring (DOMAIN.md): indicator scores by comparator, the budget execution score, the
//! project total on a 100-point scale and its grade.

use bigdecimal::{BigDecimal, RoundingMode};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::indicators::Comparator;
use crate::domain::monitoring::Achievement;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    Excellent,
    Good,
    Fair,
    Poor,
}

impl Grade {
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::Excellent => "excellent",
            Grade::Good => "good",
            Grade::Fair => "fair",
            Grade::Poor => "poor",
        }
    }
}

fn round2(v: BigDecimal) -> BigDecimal {
    v.with_scale_round(2, RoundingMode::HalfEven)
}

fn zero() -> BigDecimal {
    BigDecimal::from(0)
}

/// The score of one indicator of weight `w` from its actual value against its target; none
/// while the actual value is missing.
pub fn indicator_score(
    comparator: Comparator,
    weight: &BigDecimal,
    target: Option<&BigDecimal>,
    actual_value: Option<&BigDecimal>,
    actual_text: Option<Achievement>,
) -> Option<BigDecimal> {
    let w = weight.clone();
    let score = match comparator {
        Comparator::Qualitative => {
            let factor = match actual_text? {
                Achievement::Achieved => BigDecimal::from(1),
                Achievement::PartlyAchieved => "0.7".parse().ok()?,
                Achievement::NotAchieved => "0.3".parse().ok()?,
            };
            w * factor
        }
        Comparator::Equal if target.is_some_and(|t| *t == 0) => {
            if *actual_value? <= zero() {
                w
            } else {
                zero()
            }
        }
        Comparator::AtLeast | Comparator::Above | Comparator::Equal => {
            let (a, t) = (actual_value?, target?);
            if *t <= zero() || a >= t {
                w
            } else if *a <= zero() {
                zero()
            } else {
                a / t * w
            }
        }
        Comparator::AtMost | Comparator::Below => {
            let (a, t) = (actual_value?, target?);
            if a <= t {
                w
            } else if *t <= zero() || *a >= t * BigDecimal::from(2) {
                zero()
            } else {
                (BigDecimal::from(1) - (a - t) / t) * w
            }
        }
    };
    Some(round2(score))
}

/// Budget execution score: execution rate ÷ time progress × share, capped at the share.
pub fn budget_score(
    rate: Option<&BigDecimal>,
    progress: &BigDecimal,
    share: &BigDecimal,
) -> Option<BigDecimal> {
    let rate = rate?;
    if *progress == 0 {
        return None;
    }
    let raw = rate / progress * share;
    Some(round2(if raw > *share {
        share.clone()
    } else if raw < zero() {
        zero()
    } else {
        raw
    }))
}

/// The grade of a total against the edges for excellent, good and fair (at or above each).
pub fn grade(total: &BigDecimal, edges: &[BigDecimal; 3]) -> Grade {
    if *total >= edges[0] {
        Grade::Excellent
    } else if *total >= edges[1] {
        Grade::Good
    } else if *total >= edges[2] {
        Grade::Fair
    } else {
        Grade::Poor
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::format_money;

    fn d(v: &str) -> BigDecimal {
        v.parse().unwrap()
    }

    fn score(c: Comparator, target: &str, actual: &str) -> String {
        format_money(
            &indicator_score(c, &d("20"), Some(&d(target)), Some(&d(actual)), None).unwrap(),
        )
    }

    #[test]
    fn at_least_scores_in_proportion_up_to_the_weight() {
        assert_eq!(score(Comparator::AtLeast, "120", "120"), "20.00");
        assert_eq!(score(Comparator::AtLeast, "120", "150"), "20.00");
        assert_eq!(score(Comparator::AtLeast, "120", "60"), "10.00");
        assert_eq!(score(Comparator::Above, "120", "90"), "15.00");
    }

    #[test]
    fn equal_to_zero_is_all_or_nothing() {
        assert_eq!(score(Comparator::Equal, "0", "0"), "20.00");
        assert_eq!(score(Comparator::Equal, "0", "1"), "0.00");
        assert_eq!(score(Comparator::Equal, "100", "50"), "10.00");
    }

    #[test]
    fn at_most_loses_in_proportion_until_double_the_target() {
        assert_eq!(score(Comparator::AtMost, "30", "30"), "20.00");
        assert_eq!(score(Comparator::AtMost, "30", "45"), "10.00");
        assert_eq!(score(Comparator::AtMost, "30", "60"), "0.00");
        assert_eq!(score(Comparator::Below, "30", "75"), "0.00");
    }

    #[test]
    fn qualitative_and_missing_values() {
        let q = |a| {
            format_money(
                &indicator_score(Comparator::Qualitative, &d("10"), None, None, Some(a)).unwrap(),
            )
        };
        assert_eq!(q(Achievement::Achieved), "10.00");
        assert_eq!(q(Achievement::PartlyAchieved), "7.00");
        assert_eq!(q(Achievement::NotAchieved), "3.00");
        assert!(
            indicator_score(Comparator::AtLeast, &d("10"), Some(&d("5")), None, None).is_none()
        );
        assert!(
            indicator_score(Comparator::AtLeast, &d("10"), None, Some(&d("5")), None).is_none()
        );
    }

    #[test]
    fn budget_score_is_capped_at_its_share() {
        let share = d("10");
        assert_eq!(
            format_money(&budget_score(Some(&d("29.17")), &d("58.33"), &share).unwrap()),
            "5.00"
        );
        assert_eq!(
            format_money(&budget_score(Some(&d("90")), &d("58.33"), &share).unwrap()),
            "10.00"
        );
        assert!(budget_score(None, &d("58.33"), &share).is_none());
        assert!(budget_score(Some(&d("5")), &d("0"), &share).is_none());
    }

    #[test]
    fn grades_at_their_edges() {
        let edges = [d("90"), d("80"), d("60")];
        assert_eq!(grade(&d("90"), &edges), Grade::Excellent);
        assert_eq!(grade(&d("89.99"), &edges), Grade::Good);
        assert_eq!(grade(&d("80"), &edges), Grade::Good);
        assert_eq!(grade(&d("60"), &edges), Grade::Fair);
        assert_eq!(grade(&d("59.99"), &edges), Grade::Poor);
    }
}
