//! The annual department assessment (DOMAIN.md, "What monitoring leads to"): a department's year
//! of monitoring as shares on a 100-point scale, and the overall score a weighted mean of them.
//!
//! The components, each 0–100 with two decimals:
//! - `score`: the mean of the department's scores in the year's rounds (the rankings' score of
//!   each round it reported in, as published, two decimals);
//! - `timeliness`: reports submitted (or approved) by the due date ÷ reports × 100;
//! - `not_returned`: reports never returned ÷ reports × 100;
//! - `completeness`: applicable fields filled ÷ applicable fields × 100;
//! - `checks`: reports failing no error or warning logic check ÷ reports × 100;
//! - `rectification`: rectifications accepted by their deadline ÷ those accepted or overdue
//!   (the ones whose outcome is known) × 100.
//!
//! overall = Σ wᵢ · cᵢ ÷ Σ wᵢ over the components that have a basis (a department with no
//! rectification due or done has no `rectification` component, one without scored rounds no
//! `score`): a component without a basis neither helps nor harms, and the others keep their
//! proportions. With the default weights and every component present this is Σ wᵢ · cᵢ ÷ 100.
//! No component with a basis and a weight above 0: no overall score. Shares and the overall
//! score are rounded half up to two decimals, the overall from the rounded components, so a
//! reader can recompute it from the published row.

use bigdecimal::{BigDecimal, RoundingMode};

/// The weights of the components, integers 0 to 100 summing to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weights {
    pub score: u8,
    pub timeliness: u8,
    pub not_returned: u8,
    pub completeness: u8,
    pub checks: u8,
    pub rectification: u8,
}

impl Weights {
    /// The defaults: the round scores weigh most (they already hold 10 % monitoring quality);
    /// timeliness, completeness and rectification 10 each; returns and checks 5 each.
    pub const DEFAULT: Weights = Weights {
        score: 60,
        timeliness: 10,
        not_returned: 5,
        completeness: 10,
        checks: 5,
        rectification: 10,
    };

    /// The query parameter naming each weight, in the order of `values`.
    pub const PARAMETERS: [&'static str; 6] = [
        "weight_score",
        "weight_timeliness",
        "weight_not_returned",
        "weight_completeness",
        "weight_checks",
        "weight_rectification",
    ];

    pub fn values(self) -> [u8; 6] {
        [
            self.score,
            self.timeliness,
            self.not_returned,
            self.completeness,
            self.checks,
            self.rectification,
        ]
    }

    /// The weights given as text (by `PARAMETERS`' order; `None` takes the default), checked:
    /// each an integer 0 to 100, together 100.
    pub fn parse(given: [Option<&str>; 6]) -> Result<Weights, WeightError> {
        let defaults = Weights::DEFAULT.values();
        let mut values = [0u8; 6];
        for (i, raw) in given.iter().enumerate() {
            values[i] = match raw {
                None => defaults[i],
                Some(text) => parse_weight(Weights::PARAMETERS[i], text)?,
            };
        }
        let total: u32 = values.iter().map(|v| u32::from(*v)).sum();
        if total != 100 {
            return Err(WeightError::Sum { total });
        }
        let [
            score,
            timeliness,
            not_returned,
            completeness,
            checks,
            rectification,
        ] = values;
        Ok(Weights {
            score,
            timeliness,
            not_returned,
            completeness,
            checks,
            rectification,
        })
    }
}

impl Default for Weights {
    fn default() -> Weights {
        Weights::DEFAULT
    }
}

/// Why a set of weights was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WeightError {
    /// Not an integer from 0 to 100.
    Invalid {
        parameter: &'static str,
        given: String,
    },
    /// The weights do not add up to 100.
    Sum { total: u32 },
}

impl std::fmt::Display for WeightError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WeightError::Invalid { parameter, given } => write!(
                f,
                "{parameter} must be an integer from 0 to 100, got {given:?}"
            ),
            WeightError::Sum { total } => write!(
                f,
                "{} must add up to 100, got {total}",
                Weights::PARAMETERS.join(" + ")
            ),
        }
    }
}

fn parse_weight(parameter: &'static str, text: &str) -> Result<u8, WeightError> {
    let invalid = || WeightError::Invalid {
        parameter,
        given: text.to_owned(),
    };
    // Digits only: no sign, no spaces, no decimals; at most "100".
    if text.is_empty() || text.len() > 3 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid());
    }
    text.parse::<u8>()
        .ok()
        .filter(|v| *v <= 100)
        .ok_or_else(invalid)
}

/// What the assessment of one department is computed from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Inputs {
    /// Its score in each round it has one (two decimals, as the rankings publish it).
    pub round_scores: Vec<BigDecimal>,
    pub reports: i64,
    pub reports_on_time: i64,
    pub reports_returned: i64,
    pub applicable_fields: i64,
    pub filled_fields: i64,
    pub reports_passing_checks: i64,
    pub rectifications_on_time: i64,
    pub rectifications_overdue: i64,
}

/// The components (0–100, two decimals), `None` where there is no basis.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Components {
    pub score: Option<BigDecimal>,
    pub timeliness: Option<BigDecimal>,
    pub not_returned: Option<BigDecimal>,
    pub completeness: Option<BigDecimal>,
    pub checks: Option<BigDecimal>,
    pub rectification: Option<BigDecimal>,
}

impl Components {
    fn values(&self) -> [Option<&BigDecimal>; 6] {
        [
            self.score.as_ref(),
            self.timeliness.as_ref(),
            self.not_returned.as_ref(),
            self.completeness.as_ref(),
            self.checks.as_ref(),
            self.rectification.as_ref(),
        ]
    }
}

fn round2(v: BigDecimal) -> BigDecimal {
    v.with_scale_round(2, RoundingMode::HalfUp)
}

/// `part` ÷ `whole` × 100, two decimals (half up); `None` when `whole` is 0.
pub fn share(part: i64, whole: i64) -> Option<BigDecimal> {
    (whole > 0)
        .then(|| round2(BigDecimal::from(part) * BigDecimal::from(100) / BigDecimal::from(whole)))
}

/// The mean of the scores, two decimals (half up); `None` without any.
pub fn mean(scores: &[BigDecimal]) -> Option<BigDecimal> {
    if scores.is_empty() {
        return None;
    }
    let sum: BigDecimal = scores.iter().sum();
    let n = i64::try_from(scores.len()).unwrap_or(i64::MAX);
    Some(round2(sum / BigDecimal::from(n)))
}

pub fn components(inputs: &Inputs) -> Components {
    Components {
        score: mean(&inputs.round_scores),
        timeliness: share(inputs.reports_on_time, inputs.reports),
        not_returned: share(inputs.reports - inputs.reports_returned, inputs.reports),
        completeness: share(inputs.filled_fields, inputs.applicable_fields),
        checks: share(inputs.reports_passing_checks, inputs.reports),
        rectification: share(
            inputs.rectifications_on_time,
            inputs.rectifications_on_time + inputs.rectifications_overdue,
        ),
    }
}

/// Σ wᵢ · cᵢ ÷ Σ wᵢ over the components with a basis, two decimals (half up); `None` when no
/// component with a basis has a weight.
pub fn overall(components: &Components, weights: &Weights) -> Option<BigDecimal> {
    let mut weighted = BigDecimal::from(0);
    let mut total: u32 = 0;
    for (value, weight) in components.values().into_iter().zip(weights.values()) {
        if let Some(v) = value {
            weighted += v * BigDecimal::from(weight);
            total += u32::from(weight);
        }
    }
    (total > 0).then(|| round2(weighted / BigDecimal::from(total)))
}

/// Rank order: the higher overall score first, departments without one last, ties by code.
/// Returns the indexes of `rows` in rank order (rank = position + 1).
pub fn rank_order(rows: &[(Option<BigDecimal>, &str)]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&a, &b| {
        rows[b]
            .0
            .cmp(&rows[a].0)
            .then_with(|| rows[a].1.cmp(rows[b].1))
    });
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(text: &str) -> BigDecimal {
        BigDecimal::from_str(text).unwrap()
    }

    #[test]
    fn default_weights_sum_to_100_and_parse_as_given() {
        let total: u32 = Weights::DEFAULT
            .values()
            .iter()
            .map(|v| u32::from(*v))
            .sum();
        assert_eq!(total, 100);
        assert_eq!(Weights::parse([None; 6]), Ok(Weights::DEFAULT));
        let w = Weights::parse([
            Some("100"),
            Some("0"),
            Some("0"),
            Some("0"),
            Some("0"),
            Some("0"),
        ])
        .unwrap();
        assert_eq!(w.values(), [100, 0, 0, 0, 0, 0]);
    }

    #[test]
    fn a_weight_that_is_not_an_integer_from_0_to_100_names_its_parameter() {
        for bad in ["", "-1", "101", "1000", "12.5", "+5", " 5", "abc", "0x10"] {
            let mut given = [None; 6];
            given[1] = Some(bad);
            let err = Weights::parse(given).unwrap_err();
            assert_eq!(
                err,
                WeightError::Invalid {
                    parameter: "weight_timeliness",
                    given: bad.to_owned()
                },
                "{bad:?}"
            );
            assert!(err.to_string().starts_with("weight_timeliness must be"));
        }
        // "007" is seven: digits only, three at most.
        let mut given = [None; 6];
        given[0] = Some("057");
        given[1] = Some("013");
        assert_eq!(Weights::parse(given).unwrap().timeliness, 13);
    }

    #[test]
    fn weights_must_add_up_to_100() {
        let mut given = [None; 6];
        given[0] = Some("50");
        let err = Weights::parse(given).unwrap_err();
        assert_eq!(err, WeightError::Sum { total: 90 });
        assert!(err.to_string().contains("weight_score + weight_timeliness"));
        given[1] = Some("20");
        assert_eq!(Weights::parse(given).unwrap().score, 50);
    }

    #[test]
    fn shares_round_half_up_and_need_a_basis() {
        assert_eq!(share(2, 3), Some(d("66.67")));
        assert_eq!(share(1, 8), Some(d("12.50")));
        // 1/800 = 0.125 % → 0.13 (half up, not half even).
        assert_eq!(share(1, 800), Some(d("0.13")));
        assert_eq!(share(0, 5), Some(d("0.00")));
        assert_eq!(share(0, 0), None);
        assert_eq!(mean(&[]), None);
        assert_eq!(mean(&[d("80.00"), d("85.25")]), Some(d("82.63")));
    }

    fn full() -> Inputs {
        Inputs {
            round_scores: vec![d("80.00"), d("90.00")],
            reports: 10,
            reports_on_time: 8,
            reports_returned: 2,
            applicable_fields: 200,
            filled_fields: 150,
            reports_passing_checks: 9,
            rectifications_on_time: 1,
            rectifications_overdue: 1,
        }
    }

    #[test]
    fn components_are_the_documented_shares() {
        let c = components(&full());
        assert_eq!(c.score, Some(d("85.00")));
        assert_eq!(c.timeliness, Some(d("80.00")));
        assert_eq!(c.not_returned, Some(d("80.00")));
        assert_eq!(c.completeness, Some(d("75.00")));
        assert_eq!(c.checks, Some(d("90.00")));
        assert_eq!(c.rectification, Some(d("50.00")));
    }

    #[test]
    fn overall_is_the_weighted_mean_of_the_components() {
        let c = components(&full());
        // (60·85 + 10·80 + 5·80 + 10·75 + 5·90 + 10·50) / 100 = 80.00
        assert_eq!(overall(&c, &Weights::DEFAULT), Some(d("80.00")));
        let only_checks = Weights {
            score: 0,
            timeliness: 0,
            not_returned: 0,
            completeness: 0,
            checks: 100,
            rectification: 0,
        };
        assert_eq!(overall(&c, &only_checks), Some(d("90.00")));
    }

    #[test]
    fn a_component_without_a_basis_leaves_the_others_in_proportion() {
        let mut inputs = full();
        inputs.rectifications_on_time = 0;
        inputs.rectifications_overdue = 0;
        let c = components(&inputs);
        assert_eq!(c.rectification, None);
        // (60·85 + 10·80 + 5·80 + 10·75 + 5·90) / 90 = 83.33
        assert_eq!(overall(&c, &Weights::DEFAULT), Some(d("83.33")));
        // Nothing at all, or only components of weight 0: no overall score.
        assert_eq!(overall(&Components::default(), &Weights::DEFAULT), None);
        let only_rectification = Weights {
            score: 0,
            timeliness: 0,
            not_returned: 0,
            completeness: 0,
            checks: 0,
            rectification: 100,
        };
        assert_eq!(overall(&c, &only_rectification), None);
    }

    #[test]
    fn overall_is_computed_from_the_rounded_components() {
        let c = Components {
            score: Some(d("66.67")),
            timeliness: Some(d("33.33")),
            ..Components::default()
        };
        let w = Weights {
            score: 50,
            timeliness: 50,
            not_returned: 0,
            completeness: 0,
            checks: 0,
            rectification: 0,
        };
        assert_eq!(overall(&c, &w), Some(d("50.00")));
        // 0.125 rounds up.
        let c = Components {
            score: Some(d("0.25")),
            timeliness: Some(d("0.00")),
            ..Components::default()
        };
        assert_eq!(overall(&c, &w), Some(d("0.13")));
    }

    #[test]
    fn ranks_put_the_best_first_the_unscored_last_and_ties_by_code() {
        let rows = vec![
            (Some(d("70.00")), "B"),
            (None, "A"),
            (Some(d("90.00")), "C"),
            (Some(d("70.00")), "A"),
        ];
        assert_eq!(rank_order(&rows), vec![2, 3, 0, 1]);
    }
}
