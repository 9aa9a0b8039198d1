//! Everything the rules say about one report: its lights (per indicator, per category, goal,
//! overall, filing) with explanations, and its scores and grade.

use std::collections::BTreeMap;

use bigdecimal::BigDecimal;
use serde::Serialize;
use serde_json::{Value, json};

use crate::domain::indicators::Level1;
use crate::domain::lights::{
    Explanation, IndicatorFacts, Light, Rule, Settings, budget_light, filing_light,
    indicator_light, overall_light, worst_of,
};
use crate::domain::money::{format_money, parse_decimal};
use crate::domain::scoring::{Grade, budget_score, grade, indicator_score};

pub struct RowFacts<'a> {
    pub level1: Level1,
    pub weight: &'a BigDecimal,
    pub facts: IndicatorFacts<'a>,
}

pub struct ReportFacts<'a> {
    pub rate: Option<&'a BigDecimal>,
    pub progress: &'a BigDecimal,
    pub rows: Vec<RowFacts<'a>>,
    pub days_left: i64,
    pub warning_days: i64,
    pub submitted: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub overall: Light,
    pub budget: Light,
    pub output: Light,
    pub effect: Light,
    pub satisfaction: Light,
    pub goal: Light,
    pub filing: Light,
    /// Why the overall light is what it is.
    pub reason: String,
    /// Why each light is what it is; built only when asked for (it is the costly part).
    pub explanations: Option<Value>,
    /// Budget score plus indicator scores; none while any indicator has no actual value.
    pub total: Option<BigDecimal>,
    pub grade: Option<Grade>,
    pub scores: Value,
}

fn to_json<T: Serialize>(e: &T) -> Value {
    serde_json::to_value(e).unwrap_or(Value::Null)
}

pub fn evaluate(
    rules: &BTreeMap<String, Rule>,
    settings: &Settings,
    facts: &ReportFacts<'_>,
    explain: bool,
) -> Evaluation {
    let budget = budget_light(rules, settings, facts.rate, facts.progress);
    let indicator_lights: Vec<Explanation> = facts
        .rows
        .iter()
        .map(|r| indicator_light(rules, &r.facts))
        .collect();
    let category = |level: Level1| {
        worst_of(
            facts
                .rows
                .iter()
                .zip(&indicator_lights)
                .filter(|(r, _)| r.level1 == level)
                .map(|(_, e)| e.light),
        )
    };
    let (output, effect, satisfaction) = (
        category(Level1::Output),
        category(Level1::Effect),
        category(Level1::Satisfaction),
    );
    let goal = worst_of(indicator_lights.iter().map(|e| e.light));
    let (overall, reason) = overall_light(budget.light, goal);
    let filing = filing_light(rules, facts.days_left, facts.warning_days, facts.submitted);

    let share = parse_decimal(&settings.budget_share, 4).unwrap_or_else(|_| BigDecimal::from(10));
    let budget_points = budget_score(facts.rate, facts.progress, &share);
    let indicator_points: Vec<Option<BigDecimal>> = facts
        .rows
        .iter()
        .map(|r| {
            indicator_score(
                r.facts.comparator,
                r.weight,
                r.facts.target,
                r.facts.actual_value,
                r.facts.actual_text,
            )
        })
        .collect();
    let total = match (&budget_points, indicator_points.iter().all(Option::is_some)) {
        (Some(b), true) if !facts.rows.is_empty() => Some(
            indicator_points
                .iter()
                .flatten()
                .fold(b.clone(), |acc, s| acc + s),
        ),
        _ => None,
    };
    let edges: Vec<BigDecimal> = settings
        .grade_edges
        .iter()
        .filter_map(|e| parse_decimal(e, 4).ok())
        .collect();
    let grade = match (&total, <[BigDecimal; 3]>::try_from(edges)) {
        (Some(t), Ok(edges)) => Some(grade(t, &edges)),
        _ => None,
    };
    let money = |v: &Option<BigDecimal>| v.as_ref().map(format_money);
    Evaluation {
        overall,
        budget: budget.light,
        output,
        effect,
        satisfaction,
        goal,
        filing: filing.light,
        reason: reason.clone(),
        explanations: explain.then(|| json!({
            "budget": to_json(&budget),
            "indicators": indicator_lights.iter().map(to_json).collect::<Vec<_>>(),
            "goal": {"light": goal, "rule": "worst indicator light (red > yellow > green > blue)"},
            "overall": {"light": overall, "reason": reason, "budget": budget.light, "goal": goal},
            "filing": to_json(&filing),
            "categories": {"budget": budget.light, "output": output, "effect": effect, "satisfaction": satisfaction},
        })),
        scores: json!({
            "budget": money(&budget_points),
            "budget_share": settings.budget_share,
            "indicators": indicator_points.iter().map(money).collect::<Vec<_>>(),
            "total": money(&total),
            "grade": grade.map(Grade::as_str),
        }),
        total,
        grade,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::indicators::Comparator;
    use crate::domain::lights::default_rules;

    fn d(v: &str) -> BigDecimal {
        v.parse().unwrap()
    }

    #[test]
    fn a_report_behind_on_one_indicator_is_doubtful_and_scored() {
        let (rate, progress) = (d("46.67"), d("58.33"));
        let (w60, w30, t120, e70, a50, t30, a25) = (
            d("60"),
            d("30"),
            d("120"),
            d("69.996"),
            d("50"),
            d("30"),
            d("25"),
        );
        let facts = ReportFacts {
            rate: Some(&rate),
            progress: &progress,
            rows: vec![
                RowFacts {
                    level1: Level1::Output,
                    weight: &w60,
                    facts: IndicatorFacts {
                        comparator: Comparator::AtLeast,
                        accrues: true,
                        target: Some(&t120),
                        expected: Some(&e70),
                        actual_value: Some(&a50),
                        actual_text: None,
                        likelihood: None,
                    },
                },
                RowFacts {
                    level1: Level1::Effect,
                    weight: &w30,
                    facts: IndicatorFacts {
                        comparator: Comparator::AtMost,
                        accrues: false,
                        target: Some(&t30),
                        expected: Some(&t30),
                        actual_value: Some(&a25),
                        actual_text: None,
                        likelihood: None,
                    },
                },
            ],
            days_left: 3,
            warning_days: 5,
            submitted: false,
        };
        let e = evaluate(&default_rules(), &Settings::default(), &facts, true);
        assert_eq!(
            (e.budget, e.output, e.effect, e.satisfaction),
            (Light::Green, Light::Yellow, Light::Green, Light::None)
        );
        assert_eq!(
            (e.goal, e.overall, e.filing),
            (Light::Yellow, Light::Yellow, Light::Yellow)
        );
        // 8.00 (46.67 ÷ 58.33 × 10) + 25.00 (50 ÷ 120 × 60) + 30
        assert_eq!(e.total.as_ref().map(format_money).as_deref(), Some("63.00"));
        assert_eq!(e.grade, Some(Grade::Fair));
        assert_eq!(
            e.explanations.unwrap()["indicators"][0]["matched"],
            "below 80"
        );
    }

    #[test]
    fn no_data_yet_shows_none() {
        let progress = d("58.33");
        let facts = ReportFacts {
            rate: None,
            progress: &progress,
            rows: vec![],
            days_left: 30,
            warning_days: 5,
            submitted: false,
        };
        let e = evaluate(&default_rules(), &Settings::default(), &facts, false);
        assert!(e.explanations.is_none());
        assert_eq!(
            (e.overall, e.budget, e.goal, e.filing),
            (Light::None, Light::None, Light::None, Light::None)
        );
        assert!(e.total.is_none());
    }
}
