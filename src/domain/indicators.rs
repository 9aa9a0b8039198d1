//! The performance indicator hierarchy and what makes a project ready for monitoring.

use bigdecimal::BigDecimal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Level1 {
    Output,
    Effect,
    Satisfaction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Level2 {
    Quantity,
    Quality,
    Timeliness,
    Cost,
    Economic,
    Social,
    Ecological,
    Sustainability,
    BeneficiarySatisfaction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum Comparator {
    #[serde(rename = ">=")]
    AtLeast,
    #[serde(rename = ">")]
    Above,
    #[serde(rename = "=")]
    Equal,
    #[serde(rename = "<")]
    Below,
    #[serde(rename = "<=")]
    AtMost,
    #[serde(rename = "qualitative")]
    Qualitative,
}

impl Level1 {
    pub const ALL: [Level1; 3] = [Level1::Output, Level1::Effect, Level1::Satisfaction];

    pub fn as_str(self) -> &'static str {
        match self {
            Level1::Output => "output",
            Level1::Effect => "effect",
            Level1::Satisfaction => "satisfaction",
        }
    }

    pub fn parse(text: &str) -> Option<Level1> {
        Level1::ALL.into_iter().find(|l| l.as_str() == text)
    }
}

impl Level2 {
    pub const ALL: [Level2; 9] = [
        Level2::Quantity,
        Level2::Quality,
        Level2::Timeliness,
        Level2::Cost,
        Level2::Economic,
        Level2::Social,
        Level2::Ecological,
        Level2::Sustainability,
        Level2::BeneficiarySatisfaction,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Level2::Quantity => "quantity",
            Level2::Quality => "quality",
            Level2::Timeliness => "timeliness",
            Level2::Cost => "cost",
            Level2::Economic => "economic",
            Level2::Social => "social",
            Level2::Ecological => "ecological",
            Level2::Sustainability => "sustainability",
            Level2::BeneficiarySatisfaction => "beneficiary_satisfaction",
        }
    }

    pub fn parse(text: &str) -> Option<Level2> {
        Level2::ALL.into_iter().find(|l| l.as_str() == text)
    }

    /// The level 1 this level 2 belongs to.
    pub fn level1(self) -> Level1 {
        match self {
            Level2::Quantity | Level2::Quality | Level2::Timeliness | Level2::Cost => {
                Level1::Output
            }
            Level2::Economic | Level2::Social | Level2::Ecological | Level2::Sustainability => {
                Level1::Effect
            }
            Level2::BeneficiarySatisfaction => Level1::Satisfaction,
        }
    }

    /// Quantity, effect and satisfaction indicators accrue over the year (their expected value at
    /// a cut-off is pro-rated); quality, timeliness and cost targets hold at any time.
    pub fn accrues_by_default(self) -> bool {
        !matches!(self, Level2::Quality | Level2::Timeliness | Level2::Cost)
    }
}

impl Comparator {
    pub const ALL: [Comparator; 6] = [
        Comparator::AtLeast,
        Comparator::Above,
        Comparator::Equal,
        Comparator::Below,
        Comparator::AtMost,
        Comparator::Qualitative,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Comparator::AtLeast => ">=",
            Comparator::Above => ">",
            Comparator::Equal => "=",
            Comparator::Below => "<",
            Comparator::AtMost => "<=",
            Comparator::Qualitative => "qualitative",
        }
    }

    pub fn parse(text: &str) -> Option<Comparator> {
        Comparator::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

/// The shape rules of one indicator; returns (field, message) pairs for what is wrong.
pub fn check_indicator(
    level1: Level1,
    level2: Level2,
    comparator: Comparator,
    target_value: Option<&BigDecimal>,
    target_text: Option<&str>,
    unit: &str,
    weight: &BigDecimal,
) -> Vec<(&'static str, String)> {
    let mut problems = Vec::new();
    if level2.level1() != level1 {
        problems.push((
            "level2",
            format!(
                "{} belongs to {}, not {}",
                level2.as_str(),
                level2.level1().as_str(),
                level1.as_str()
            ),
        ));
    }
    if comparator == Comparator::Qualitative {
        if target_value.is_some() {
            problems.push((
                "target_value",
                "must be absent for a qualitative indicator".to_owned(),
            ));
        }
        if target_text.is_none_or(|t| t.trim().is_empty()) {
            problems.push((
                "target_text",
                "is required for a qualitative indicator".to_owned(),
            ));
        }
    } else {
        if target_value.is_none() {
            problems.push((
                "target_value",
                format!("is required with the {} comparator", comparator.as_str()),
            ));
        }
        if unit.trim().is_empty() {
            problems.push(("unit", "is required for a numeric target".to_owned()));
        }
    }
    let (zero, max) = (BigDecimal::from(0), BigDecimal::from(90));
    if *weight <= zero || *weight > max {
        problems.push(("weight", "must be greater than 0 and at most 90".to_owned()));
    }
    problems
}

/// Indicator weights of a project add up to this; budget execution is worth the other 10.
pub const INDICATOR_WEIGHT_TOTAL: u32 = 90;

/// The most indicators a project may have. Real indicator sets have a few to a few dozen; the
/// bound lets a project's indicators be listed, and copied into each report, whole.
pub const MAX_INDICATORS: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Readiness {
    /// True when the project can be monitored: at least one output indicator and weights adding
    /// up to 90.
    pub ready: bool,
    /// Why not, in words; empty when ready.
    pub reasons: Vec<String>,
}

/// Whether a project with these indicators (level 1 and weight each) can be monitored.
pub fn readiness<'a>(indicators: impl IntoIterator<Item = (Level1, &'a BigDecimal)>) -> Readiness {
    let mut total = BigDecimal::from(0);
    let mut outputs = 0;
    let mut count = 0;
    for (level1, weight) in indicators {
        count += 1;
        total += weight;
        if level1 == Level1::Output {
            outputs += 1;
        }
    }
    let mut reasons = Vec::new();
    if count == 0 {
        reasons.push("the project has no performance indicators".to_owned());
    } else if outputs == 0 {
        reasons.push("the project has no output indicator".to_owned());
    }
    let expected = BigDecimal::from(INDICATOR_WEIGHT_TOTAL);
    if total != expected {
        reasons.push(format!(
            "indicator weights add up to {}, not {INDICATOR_WEIGHT_TOTAL}",
            crate::domain::money::format_decimal(&total)
        ));
    }
    Readiness {
        ready: reasons.is_empty(),
        reasons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(v: &str) -> BigDecimal {
        v.parse().unwrap()
    }

    #[test]
    fn level2_must_belong_to_level1() {
        for l2 in Level2::ALL {
            let ok = check_indicator(
                l2.level1(),
                l2,
                Comparator::AtLeast,
                Some(&d("1")),
                None,
                "km",
                &d("10"),
            );
            assert!(ok.is_empty(), "{l2:?}: {ok:?}");
        }
        let bad = check_indicator(
            Level1::Effect,
            Level2::Quantity,
            Comparator::AtLeast,
            Some(&d("1")),
            None,
            "km",
            &d("10"),
        );
        assert_eq!(bad[0].0, "level2");
    }

    #[test]
    fn targets_follow_the_comparator() {
        let fields = |c, v: Option<&BigDecimal>, t: Option<&str>, unit: &str| {
            check_indicator(Level1::Output, Level2::Quantity, c, v, t, unit, &d("10"))
                .into_iter()
                .map(|(f, _)| f)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            fields(Comparator::AtLeast, None, None, "km"),
            ["target_value"]
        );
        assert_eq!(
            fields(Comparator::AtMost, Some(&d("5")), None, " "),
            ["unit"]
        );
        assert_eq!(
            fields(Comparator::Qualitative, Some(&d("5")), None, ""),
            ["target_value", "target_text"]
        );
        assert!(
            fields(
                Comparator::Qualitative,
                None,
                Some("Rescue network in place"),
                ""
            )
            .is_empty()
        );
    }

    #[test]
    fn weights_are_bounded() {
        for (w, ok) in [
            ("0", false),
            ("0.5", true),
            ("90", true),
            ("90.01", false),
            ("-1", false),
        ] {
            let p = check_indicator(
                Level1::Output,
                Level2::Cost,
                Comparator::AtMost,
                Some(&d("1")),
                None,
                "yuan",
                &d(w),
            );
            assert_eq!(p.is_empty(), ok, "{w}");
        }
    }

    #[test]
    fn accrual_defaults_by_level2() {
        assert!(Level2::Quantity.accrues_by_default());
        assert!(Level2::Social.accrues_by_default());
        assert!(Level2::BeneficiarySatisfaction.accrues_by_default());
        assert!(!Level2::Quality.accrues_by_default());
        assert!(!Level2::Timeliness.accrues_by_default());
        assert!(!Level2::Cost.accrues_by_default());
    }

    #[test]
    fn readiness_needs_an_output_and_weights_of_90() {
        let (w60, w30, w90) = (d("60"), d("30"), d("90"));
        assert!(readiness([(Level1::Output, &w60), (Level1::Effect, &w30)]).ready);
        let r = readiness([(Level1::Effect, &w90)]);
        assert_eq!(r.reasons, ["the project has no output indicator"]);
        let r = readiness([(Level1::Output, &w60)]);
        assert_eq!(r.reasons, ["indicator weights add up to 60, not 90"]);
        let r = readiness(std::iter::empty());
        assert_eq!(r.reasons.len(), 2);
    }
}
