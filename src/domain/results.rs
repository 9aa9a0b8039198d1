//! Results application (结果应用): the measures monitoring can lead to, and the rules that
//! suggest one from a report's grade and overall light.

use bigdecimal::{BigDecimal, RoundingMode};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::lights::Light;
use crate::domain::scoring::Grade;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ResultMeasure {
    /// Continue as planned.
    Continue,
    Rectify,
    AdjustTargets,
    ReduceFunds,
    RecoverFunds,
    ReallocateFunds,
    SuspendFunds,
    StopFunds,
    /// Reduce next year's budget of the project (by `next_year_budget_change`).
    ReduceNextYearBudget,
    /// Raise next year's budget of the project (by `next_year_budget_change`).
    RaiseNextYearBudget,
    RevisePolicy,
}

pub const MEASURES: [ResultMeasure; 11] = [
    ResultMeasure::Continue,
    ResultMeasure::Rectify,
    ResultMeasure::AdjustTargets,
    ResultMeasure::ReduceFunds,
    ResultMeasure::RecoverFunds,
    ResultMeasure::ReallocateFunds,
    ResultMeasure::SuspendFunds,
    ResultMeasure::StopFunds,
    ResultMeasure::ReduceNextYearBudget,
    ResultMeasure::RaiseNextYearBudget,
    ResultMeasure::RevisePolicy,
];

impl ResultMeasure {
    pub fn as_str(self) -> &'static str {
        match self {
            ResultMeasure::Continue => "continue",
            ResultMeasure::Rectify => "rectify",
            ResultMeasure::AdjustTargets => "adjust_targets",
            ResultMeasure::ReduceFunds => "reduce_funds",
            ResultMeasure::RecoverFunds => "recover_funds",
            ResultMeasure::ReallocateFunds => "reallocate_funds",
            ResultMeasure::SuspendFunds => "suspend_funds",
            ResultMeasure::StopFunds => "stop_funds",
            ResultMeasure::ReduceNextYearBudget => "reduce_next_year_budget",
            ResultMeasure::RaiseNextYearBudget => "raise_next_year_budget",
            ResultMeasure::RevisePolicy => "revise_policy",
        }
    }

    pub fn parse(text: &str) -> Option<ResultMeasure> {
        MEASURES.into_iter().find(|m| m.as_str() == text)
    }

    /// The fund-adjustment kind a measure is booked as, if it moves this year's funds.
    pub fn adjustment_kind(self) -> Option<&'static str> {
        match self {
            ResultMeasure::ReduceFunds => Some("reduce"),
            ResultMeasure::RecoverFunds => Some("recover"),
            ResultMeasure::ReallocateFunds => Some("reallocate"),
            ResultMeasure::SuspendFunds => Some("suspend"),
            ResultMeasure::StopFunds => Some("stop"),
            _ => None,
        }
    }
}

/// A suggestion rule of a region's warning-rule set: when the report's grade and overall light
/// match (an absent condition matches anything), suggest these measures. Rules are tried in
/// order and the first that matches gives the suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SuggestionRule {
    /// Names the rule in the suggestion it gives.
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    pub grade: Option<Grade>,
    pub overall_light: Option<Light>,
    #[schema(min_items = 1)]
    pub measures: Vec<ResultMeasure>,
    /// For a next-year budget measure: percent of this year's adjusted budget by which next
    /// year's is to move, negative to reduce (e.g. `-20`).
    #[schema(value_type = Option<String>, pattern = r"^-?[0-9]{1,3}(\.[0-9]{1,2})?$", example = "-20")]
    pub next_year_change_percent: Option<String>,
}

/// The suggestions every region starts with: a poor grade cuts next year's budget by 20 % and
/// calls for rectification; a red overall light calls for rectification; otherwise continue.
pub fn default_suggestions() -> Vec<SuggestionRule> {
    vec![
        SuggestionRule {
            name: "poor_grade".to_owned(),
            grade: Some(Grade::Poor),
            overall_light: None,
            measures: vec![ResultMeasure::ReduceNextYearBudget, ResultMeasure::Rectify],
            next_year_change_percent: Some("-20".to_owned()),
        },
        SuggestionRule {
            name: "red_overall_light".to_owned(),
            grade: None,
            overall_light: Some(Light::Red),
            measures: vec![ResultMeasure::Rectify],
            next_year_change_percent: None,
        },
    ]
}

/// The name of the suggestion no rule matched.
pub const FALLBACK_RULE: &str = "default_continue";

/// What the rules suggest for one project of a round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub measures: Vec<ResultMeasure>,
    pub change_percent: Option<BigDecimal>,
    /// Yuan: `change_percent` of the adjusted budget, rounded to the fen.
    pub change_amount: Option<BigDecimal>,
    pub rule: String,
}

fn percent(text: &str) -> Option<BigDecimal> {
    crate::domain::money::parse_decimal(text, 2).ok()
}

/// What is wrong with a rule set, by rule index, if anything.
pub fn check_rules(rules: &[SuggestionRule]) -> Vec<(usize, String)> {
    let mut errors = Vec::new();
    for (i, r) in rules.iter().enumerate() {
        if r.name.trim().is_empty() || r.name.chars().count() > 100 {
            errors.push((i, "name must be 1 to 100 characters".to_owned()));
        }
        if r.measures.is_empty() {
            errors.push((i, "needs at least one measure".to_owned()));
        }
        let next_year = r.measures.iter().filter(|m| is_next_year(**m)).count();
        let hundred = BigDecimal::from(100);
        let zero = BigDecimal::from(0);
        match (&r.next_year_change_percent, next_year) {
            (None, 0) => {}
            (Some(_), 0) => errors.push((
                i,
                "next_year_change_percent needs a next-year budget measure".to_owned(),
            )),
            (None, _) => errors.push((
                i,
                "a next-year budget measure needs next_year_change_percent".to_owned(),
            )),
            (Some(p), 1) => match percent(p) {
                Some(v) if v != zero && v.abs() <= hundred => {
                    let reduce = r.measures.contains(&ResultMeasure::ReduceNextYearBudget);
                    if reduce != (v < zero) {
                        errors.push((
                            i,
                            "next_year_change_percent is negative for a reduction, positive for a raise"
                                .to_owned(),
                        ));
                    }
                }
                _ => errors.push((
                    i,
                    "next_year_change_percent must be a number from -100 to 100, not 0".to_owned(),
                )),
            },
            (Some(_), _) => errors.push((
                i,
                "reduce and raise next year's budget cannot both be suggested".to_owned(),
            )),
        }
    }
    errors
}

/// Whether a decision's measures differ from the suggested ones, whatever their order.
pub fn differs<T: Ord + Clone>(decided: &[T], suggested: &[T]) -> bool {
    let (mut a, mut b) = (decided.to_vec(), suggested.to_vec());
    a.sort();
    b.sort();
    a != b
}

pub fn is_next_year(m: ResultMeasure) -> bool {
    matches!(
        m,
        ResultMeasure::ReduceNextYearBudget | ResultMeasure::RaiseNextYearBudget
    )
}

/// The first rule matching the grade and overall light, or "continue".
pub fn suggest(
    rules: &[SuggestionRule],
    grade: Option<Grade>,
    overall: Option<Light>,
    adjusted_budget: &BigDecimal,
) -> Suggestion {
    let matched = rules.iter().find(|r| {
        r.grade.is_none_or(|g| Some(g) == grade)
            && r.overall_light.is_none_or(|l| Some(l) == overall)
    });
    match matched {
        Some(r) => {
            let change_percent = r.next_year_change_percent.as_deref().and_then(percent);
            let change_amount = change_percent.as_ref().map(|p| {
                (adjusted_budget * p / BigDecimal::from(100))
                    .with_scale_round(2, RoundingMode::HalfEven)
            });
            Suggestion {
                measures: r.measures.clone(),
                change_percent,
                change_amount,
                rule: r.name.clone(),
            }
        }
        None => Suggestion {
            measures: vec![ResultMeasure::Continue],
            change_percent: None,
            change_amount: None,
            rule: FALLBACK_RULE.to_owned(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(v: &str) -> BigDecimal {
        v.parse().unwrap()
    }

    #[test]
    fn the_first_matching_rule_suggests() {
        let rules = default_suggestions();
        let budget = d("1000000.00");
        let poor = suggest(&rules, Some(Grade::Poor), Some(Light::Red), &budget);
        assert_eq!(poor.rule, "poor_grade");
        assert_eq!(
            poor.measures,
            vec![ResultMeasure::ReduceNextYearBudget, ResultMeasure::Rectify]
        );
        assert_eq!(poor.change_amount, Some(d("-200000.00")));
        let red = suggest(&rules, Some(Grade::Fair), Some(Light::Red), &budget);
        assert_eq!(red.rule, "red_overall_light");
        assert_eq!(red.change_amount, None);
        for light in [Light::Yellow, Light::Green, Light::Blue, Light::None] {
            let s = suggest(&rules, Some(Grade::Good), Some(light), &budget);
            assert_eq!(s.rule, FALLBACK_RULE);
            assert_eq!(s.measures, vec![ResultMeasure::Continue]);
        }
        // No evaluation yet: only rules without conditions match.
        assert_eq!(suggest(&rules, None, None, &budget).rule, FALLBACK_RULE);
    }

    #[test]
    fn the_suggestion_follows_the_grade_at_its_edges() {
        let edges = [d("90"), d("80"), d("60")];
        let rules = default_suggestions();
        let budget = d("3000000.00");
        let at = |score: &str, light: Light| {
            let grade = crate::domain::scoring::grade(&d(score), &edges);
            suggest(&rules, Some(grade), Some(light), &budget).rule
        };
        // Just below the fair edge is poor: next year's budget is cut, whatever the light.
        for light in [Light::Blue, Light::Green, Light::Yellow, Light::Red] {
            assert_eq!(at("59.99", light), "poor_grade");
        }
        // At the edge it is fair: only a red light calls for rectification.
        assert_eq!(at("60", Light::Red), "red_overall_light");
        assert_eq!(at("60", Light::Yellow), FALLBACK_RULE);
        assert_eq!(at("89.99", Light::Red), "red_overall_light");
        assert_eq!(at("90", Light::Green), FALLBACK_RULE);
        assert_eq!(at("100", Light::Blue), FALLBACK_RULE);
    }

    #[test]
    fn the_change_is_rounded_to_the_fen() {
        let rules = vec![SuggestionRule {
            name: "raise".into(),
            grade: Some(Grade::Excellent),
            overall_light: None,
            measures: vec![ResultMeasure::RaiseNextYearBudget],
            next_year_change_percent: Some("3.33".into()),
        }];
        let s = suggest(&rules, Some(Grade::Excellent), None, &d("100.01"));
        assert_eq!(s.change_amount, Some(d("3.33")));
    }

    #[test]
    fn broken_rules_are_named() {
        let mut rules = default_suggestions();
        rules[0].next_year_change_percent = Some("20".into());
        rules[1].next_year_change_percent = Some("-5".into());
        rules.push(SuggestionRule {
            name: " ".into(),
            grade: None,
            overall_light: None,
            measures: vec![],
            next_year_change_percent: None,
        });
        let errors = check_rules(&rules);
        let at: Vec<usize> = errors.iter().map(|(i, _)| *i).collect();
        assert_eq!(at, vec![0, 1, 2, 2]);
        assert!(check_rules(&default_suggestions()).is_empty());
    }
}
