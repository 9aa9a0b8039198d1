//! Drafted analysis: the narrative a report's figures can write by themselves (goal progress,
//! financial management and, where a light is red or yellow, the problems), in Chinese or
//! English. The department keeps or rewrites each text.

use bigdecimal::{BigDecimal, RoundingMode};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::lights::Light;
use crate::domain::monitoring::Achievement;

/// The language a region's drafted texts are written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// One indicator as a drafted text names it.
pub struct DraftIndicator<'a> {
    pub name: &'a str,
    pub expected: Option<&'a BigDecimal>,
    pub actual_value: Option<&'a BigDecimal>,
    pub actual_text: Option<Achievement>,
    pub behind: bool,
}

/// The figures a draft is written from.
pub struct DraftFacts<'a> {
    pub cutoff: NaiveDate,
    pub execution_rate: Option<&'a BigDecimal>,
    pub time_progress: &'a BigDecimal,
    pub budget_light: Light,
    pub overall_light: Light,
    pub indicators: Vec<DraftIndicator<'a>>,
}

/// The drafted texts; `problems` only where a light is red or yellow (the overall or budget
/// light, or an indicator behind its expected value), and `financial_management` only with an
/// execution rate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drafts {
    pub goal_progress: String,
    pub financial_management: Option<String>,
    pub problems: Option<String>,
}

fn percent(value: &BigDecimal) -> String {
    format!("{}%", value.with_scale_round(2, RoundingMode::HalfEven))
}

/// A value with the digits it has, without trailing zeros (69.9960 → 69.996).
fn plain(value: &BigDecimal) -> String {
    let text = value.normalized().to_plain_string();
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

fn light_zh(light: Light) -> &'static str {
    match light {
        Light::Red => "红灯",
        Light::Yellow => "黄灯",
        Light::Green => "绿灯",
        Light::Blue => "蓝灯",
        Light::None => "未亮灯",
    }
}

fn light_en(light: Light) -> &'static str {
    match light {
        Light::Red => "red",
        Light::Yellow => "yellow",
        Light::Green => "green",
        Light::Blue => "blue",
        Light::None => "not lit",
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn by_cutoff(lang: Lang, cutoff: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("截至{}月{}日", cutoff.month(), cutoff.day()),
        Lang::En => format!("By {} {}", cutoff.day(), MONTHS[cutoff.month0() as usize]),
    }
}

fn relation(lang: Lang, a: &BigDecimal, b: &BigDecimal) -> &'static str {
    match (lang, a.cmp(b)) {
        (Lang::Zh, std::cmp::Ordering::Less) => "低于",
        (Lang::Zh, std::cmp::Ordering::Equal) => "等于",
        (Lang::Zh, std::cmp::Ordering::Greater) => "高于",
        (Lang::En, std::cmp::Ordering::Less) => "below",
        (Lang::En, std::cmp::Ordering::Equal) => "equal to",
        (Lang::En, std::cmp::Ordering::Greater) => "above",
    }
}

fn achievement(lang: Lang, a: Achievement) -> &'static str {
    match (lang, a) {
        (Lang::Zh, Achievement::Achieved) => "已完成",
        (Lang::Zh, Achievement::PartlyAchieved) => "部分完成",
        (Lang::Zh, Achievement::NotAchieved) => "未完成",
        (Lang::En, Achievement::Achieved) => "achieved",
        (Lang::En, Achievement::PartlyAchieved) => "partly achieved",
        (Lang::En, Achievement::NotAchieved) => "not achieved",
    }
}

/// The budget clause: rate against time progress and the budget light.
fn budget_clause(lang: Lang, rate: &BigDecimal, f: &DraftFacts<'_>) -> String {
    let rel = relation(lang, rate, f.time_progress);
    match lang {
        Lang::Zh => format!(
            "项目预算执行率{}，{}序时进度{}，预算执行预警为{}",
            percent(rate),
            rel,
            percent(f.time_progress),
            light_zh(f.budget_light)
        ),
        Lang::En => format!(
            "the project had executed {} of its budget, {} the time progress of {}; the budget \
             execution light is {}",
            percent(rate),
            rel,
            percent(f.time_progress),
            light_en(f.budget_light)
        ),
    }
}

/// One indicator's clause, if it has a value to report.
fn indicator_clause(lang: Lang, i: &DraftIndicator<'_>) -> Option<String> {
    let behind = match (lang, i.behind) {
        (_, false) => "",
        (Lang::Zh, true) => "，进度滞后",
        (Lang::En, true) => ", behind schedule",
    };
    if let Some(text) = i.actual_text {
        return Some(match lang {
            Lang::Zh => format!("指标\"{}\"{}{}", i.name, achievement(lang, text), behind),
            Lang::En => format!(
                "indicator \"{}\" {}{}",
                i.name,
                achievement(lang, text),
                behind
            ),
        });
    }
    let actual = i.actual_value?;
    Some(match (lang, i.expected) {
        (Lang::Zh, Some(e)) => format!(
            "指标\"{}\"完成值{}，{}序时目标{}{}",
            i.name,
            plain(actual),
            relation(lang, actual, e),
            plain(e),
            behind
        ),
        (Lang::Zh, None) => format!("指标\"{}\"完成值{}{}", i.name, plain(actual), behind),
        (Lang::En, Some(e)) => format!(
            "indicator \"{}\" stood at {}, {} its expected {}{}",
            i.name,
            plain(actual),
            relation(lang, actual, e),
            plain(e),
            behind
        ),
        (Lang::En, None) => format!(
            "indicator \"{}\" stood at {}{}",
            i.name,
            plain(actual),
            behind
        ),
    })
}

fn sentence(lang: Lang, head: String, clauses: Vec<String>) -> String {
    match lang {
        Lang::Zh => format!("{head}，{}。", clauses.join("；")),
        Lang::En => format!("{head}, {}.", clauses.join("; ")),
    }
}

/// The drafts for a report.
pub fn draft(lang: Lang, f: &DraftFacts<'_>) -> Drafts {
    let head = by_cutoff(lang, f.cutoff);
    let reported: Vec<&DraftIndicator<'_>> = f
        .indicators
        .iter()
        .filter(|i| i.actual_value.is_some() || i.actual_text.is_some())
        .collect();
    let behind = reported.iter().filter(|i| i.behind).count();
    let count = match lang {
        Lang::Zh => format!(
            "监控指标{}个，已报完成值{}个，其中{}个进度滞后",
            f.indicators.len(),
            reported.len(),
            behind
        ),
        Lang::En => format!(
            "{} of {} indicators have a value, {} of them behind schedule",
            reported.len(),
            f.indicators.len(),
            behind
        ),
    };
    let mut goal = vec![count];
    goal.extend(reported.iter().filter_map(|i| indicator_clause(lang, i)));
    let goal_progress = sentence(lang, head.clone(), goal);
    let financial_management = f
        .execution_rate
        .map(|rate| sentence(lang, head.clone(), vec![budget_clause(lang, rate, f)]));
    let warned = |l: Light| matches!(l, Light::Red | Light::Yellow);
    let problems = (warned(f.overall_light) || warned(f.budget_light) || behind > 0).then(|| {
        let mut clauses = Vec::new();
        if warned(f.overall_light) {
            clauses.push(match lang {
                Lang::Zh => format!("项目总体预警为{}", light_zh(f.overall_light)),
                Lang::En => format!(
                    "the project's overall light is {}",
                    light_en(f.overall_light)
                ),
            });
        }
        if warned(f.budget_light)
            && let Some(rate) = f.execution_rate
        {
            clauses.push(budget_clause(lang, rate, f));
        }
        clauses.extend(
            reported
                .iter()
                .filter(|i| i.behind)
                .filter_map(|i| indicator_clause(lang, i)),
        );
        sentence(lang, head.clone(), clauses)
    });
    Drafts {
        goal_progress,
        financial_management,
        problems,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> BigDecimal {
        s.parse().unwrap()
    }

    #[test]
    fn the_chinese_draft_names_the_figures_lights_and_indicators() {
        let (rate, progress, actual, expected) = (d("39.30"), d("58.33"), d("97.64"), d("69.9960"));
        let facts = DraftFacts {
            cutoff: NaiveDate::from_ymd_opt(2021, 7, 31).unwrap(),
            execution_rate: Some(&rate),
            time_progress: &progress,
            budget_light: Light::Yellow,
            overall_light: Light::Yellow,
            indicators: vec![DraftIndicator {
                name: "完成任务数",
                expected: Some(&expected),
                actual_value: Some(&actual),
                actual_text: None,
                behind: false,
            }],
        };
        let drafts = draft(Lang::Zh, &facts);
        assert_eq!(
            drafts.financial_management.as_deref(),
            Some("截至7月31日，项目预算执行率39.30%，低于序时进度58.33%，预算执行预警为黄灯。")
        );
        assert_eq!(
            drafts.goal_progress,
            "截至7月31日，监控指标1个，已报完成值1个，其中0个进度滞后；指标\"完成任务数\"完成值97.64，高于序时目标69.996。"
        );
        assert_eq!(
            drafts.problems.as_deref(),
            Some(
                "截至7月31日，项目总体预警为黄灯；项目预算执行率39.30%，低于序时进度58.33%，预算执行预警为黄灯。"
            )
        );
    }

    #[test]
    fn the_english_draft_and_a_green_report_without_problems() {
        let (rate, progress, expected) = (d("60"), d("58.33"), d("10"));
        let facts = DraftFacts {
            cutoff: NaiveDate::from_ymd_opt(2021, 7, 31).unwrap(),
            execution_rate: Some(&rate),
            time_progress: &progress,
            budget_light: Light::Green,
            overall_light: Light::Green,
            indicators: vec![
                DraftIndicator {
                    name: "Sites built",
                    expected: Some(&expected),
                    actual_value: None,
                    actual_text: None,
                    behind: false,
                },
                DraftIndicator {
                    name: "Residents satisfied",
                    expected: None,
                    actual_value: None,
                    actual_text: Some(Achievement::Achieved),
                    behind: false,
                },
            ],
        };
        let drafts = draft(Lang::En, &facts);
        assert_eq!(drafts.problems, None);
        assert_eq!(
            drafts.goal_progress,
            "By 31 July, 1 of 2 indicators have a value, 0 of them behind schedule; indicator \
             \"Residents satisfied\" achieved."
        );
        assert_eq!(
            drafts.financial_management.as_deref(),
            Some(
                "By 31 July, the project had executed 60.00% of its budget, above the time \
                 progress of 58.33%; the budget execution light is green."
            )
        );
    }

    #[test]
    fn a_red_budget_light_alone_is_a_problem() {
        let (rate, progress) = (d("20"), d("50"));
        let facts = DraftFacts {
            cutoff: NaiveDate::from_ymd_opt(2021, 6, 30).unwrap(),
            execution_rate: Some(&rate),
            time_progress: &progress,
            budget_light: Light::Red,
            overall_light: Light::None,
            indicators: Vec::new(),
        };
        assert_eq!(
            draft(Lang::Zh, &facts).problems.as_deref(),
            Some("截至6月30日，项目预算执行率20.00%，低于序时进度50.00%，预算执行预警为红灯。")
        );
    }

    #[test]
    fn a_red_report_lists_the_indicators_behind() {
        let (progress, actual, expected) = (d("50"), d("3"), d("5"));
        let facts = DraftFacts {
            cutoff: NaiveDate::from_ymd_opt(2021, 6, 30).unwrap(),
            execution_rate: None,
            time_progress: &progress,
            budget_light: Light::None,
            overall_light: Light::Red,
            indicators: vec![DraftIndicator {
                name: "Roads",
                expected: Some(&expected),
                actual_value: Some(&actual),
                actual_text: None,
                behind: true,
            }],
        };
        let drafts = draft(Lang::En, &facts);
        assert_eq!(drafts.financial_management, None);
        assert_eq!(
            drafts.problems.as_deref(),
            Some(
                "By 30 June, the project's overall light is red; indicator \"Roads\" stood at 3, \
                 below its expected 5, behind schedule."
            )
        );
    }
}
