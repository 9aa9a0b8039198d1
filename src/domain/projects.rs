//! Project rules: statuses, function class codes, dates and fund sources.

use bigdecimal::BigDecimal;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    Active,
    Suspended,
    Stopped,
    Completed,
}

impl ProjectStatus {
    pub const ALL: [ProjectStatus; 4] = [
        ProjectStatus::Active,
        ProjectStatus::Suspended,
        ProjectStatus::Stopped,
        ProjectStatus::Completed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ProjectStatus::Active => "active",
            ProjectStatus::Suspended => "suspended",
            ProjectStatus::Stopped => "stopped",
            ProjectStatus::Completed => "completed",
        }
    }

    pub fn parse(text: &str) -> Option<ProjectStatus> {
        ProjectStatus::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// An expenditure function classification code: class (3 digits, e.g. 206 science and
/// technology), section (5) or item (7).
pub fn is_function_class(code: &str) -> bool {
    matches!(code.len(), 3 | 5 | 7) && code.bytes().all(|b| b.is_ascii_digit())
}

pub fn is_project_code(code: &str) -> bool {
    let mut chars = code.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
        && code.len() <= 64
}

/// Amounts by fund source, in yuan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FundSources {
    pub central: BigDecimal,
    pub provincial: BigDecimal,
    pub municipal: BigDecimal,
    pub county: BigDecimal,
    pub self_raised: BigDecimal,
    pub other: BigDecimal,
}

impl FundSources {
    pub fn total(&self) -> BigDecimal {
        &self.central
            + &self.provincial
            + &self.municipal
            + &self.county
            + &self.self_raised
            + &self.other
    }

    pub fn named(&self) -> [(&'static str, &BigDecimal); 6] {
        [
            ("central", &self.central),
            ("provincial", &self.provincial),
            ("municipal", &self.municipal),
            ("county", &self.county),
            ("self_raised", &self.self_raised),
            ("other", &self.other),
        ]
    }
}

/// The budget and schedule rules of a project; (field, message) for each broken one.
pub fn check_budget_and_dates(
    fund_sources: &FundSources,
    initial_budget: &BigDecimal,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
) -> Vec<(String, String)> {
    let mut problems = Vec::new();
    let zero = BigDecimal::from(0);
    for (name, amount) in fund_sources.named() {
        if *amount < zero {
            problems.push((
                format!("fund_sources.{name}"),
                "must not be negative".to_owned(),
            ));
        }
    }
    if *initial_budget < zero {
        problems.push((
            "initial_budget".to_owned(),
            "must not be negative".to_owned(),
        ));
    }
    let total = fund_sources.total();
    if total != *initial_budget {
        problems.push((
            "fund_sources".to_owned(),
            format!(
                "add up to {}, but the initial budget is {}",
                crate::domain::money::format_money(&total),
                crate::domain::money::format_money(initial_budget)
            ),
        ));
    }
    if let (Some(start), Some(end)) = (start, end)
        && end < start
    {
        problems.push((
            "end_date".to_owned(),
            "must not be before start_date".to_owned(),
        ));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(v: &str) -> BigDecimal {
        v.parse().unwrap()
    }

    #[test]
    fn function_classes_are_class_section_or_item() {
        for ok in ["206", "20601", "2060101"] {
            assert!(is_function_class(ok), "{ok}");
        }
        for bad in ["20", "2060", "206010", "20601010", "2a6"] {
            assert!(!is_function_class(bad), "{bad}");
        }
    }

    #[test]
    fn fund_sources_must_add_up_to_the_initial_budget() {
        let sources = FundSources {
            central: m("100000000.00"),
            provincial: m("50000000.50"),
            ..FundSources::default()
        };
        assert!(check_budget_and_dates(&sources, &m("150000000.50"), None, None).is_empty());
        let p = check_budget_and_dates(&sources, &m("150000000.00"), None, None);
        assert_eq!(p[0].0, "fund_sources");
        assert!(p[0].1.contains("150000000.50"), "{}", p[0].1);
    }

    #[test]
    fn end_date_not_before_start() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let none = FundSources::default();
        assert!(
            check_budget_and_dates(&none, &m("0"), d("2021-01-01"), d("2021-01-01")).is_empty()
        );
        let p = check_budget_and_dates(&none, &m("0"), d("2021-02-01"), d("2021-01-31"));
        assert_eq!(p[0].0, "end_date");
    }
}
