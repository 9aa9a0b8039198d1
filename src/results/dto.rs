//! Results application as the API shows and takes it.

use bigdecimal::BigDecimal;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::domain::lights::Light;
use crate::domain::money::{serde_decimal_opt, serde_money, serde_money_opt};
use crate::domain::results::{ResultMeasure, Suggestion};
use crate::domain::scoring::Grade;
use crate::results::store::ApplicationRow;

fn measures_of(texts: &[String]) -> Vec<ResultMeasure> {
    texts
        .iter()
        .filter_map(|t| ResultMeasure::parse(t))
        .collect()
}

/// What the region's rules suggest for a project of a round.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct ResultSuggestion {
    pub measures: Vec<ResultMeasure>,
    /// Percent of the adjusted budget by which next year's budget should move.
    #[serde(with = "serde_decimal_opt")]
    #[schema(value_type = Option<String>, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,4})?$", example = "-20")]
    pub next_year_change_percent: Option<BigDecimal>,
    /// That percent of the report's adjusted budget, in yuan.
    #[serde(with = "serde_money_opt")]
    #[schema(value_type = Option<String>, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,2})?$", example = "-19000000.00")]
    pub next_year_budget_change: Option<BigDecimal>,
    /// The suggestion rule that matched (its `name`), or `default_continue`.
    pub rule: String,
}

impl From<Suggestion> for ResultSuggestion {
    fn from(s: Suggestion) -> ResultSuggestion {
        ResultSuggestion {
            measures: s.measures,
            next_year_change_percent: s.change_percent,
            next_year_budget_change: s.change_amount,
            rule: s.rule,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = application_example)]
pub struct ResultApplication {
    pub id: Uuid,
    pub project_id: Uuid,
    pub project_code: String,
    pub round_id: Uuid,
    pub report_id: Option<Uuid>,
    pub fiscal_year: i16,
    /// What the results led to, as decided.
    pub measures: Vec<ResultMeasure>,
    pub text: String,
    /// Yuan by which next year's budget moves: negative for `reduce_next_year_budget`,
    /// positive for `raise_next_year_budget`; null without either.
    #[serde(with = "serde_money_opt")]
    #[schema(value_type = Option<String>, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,2})?$", example = "-2000000.00")]
    pub next_year_budget_change: Option<BigDecimal>,
    /// The fund adjustment a funds measure was booked as.
    pub adjustment_id: Option<Uuid>,
    /// What the rules suggested when the decision was recorded, kept beside it.
    pub suggestion: ResultSuggestion,
    /// Whether the decided measures differ from the suggested ones.
    pub differs_from_suggestion: bool,
    /// The report's grade and overall light when the decision was recorded.
    pub grade: Option<Grade>,
    pub overall_light: Option<Light>,
    pub created_by_name: String,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<ApplicationRow> for ResultApplication {
    fn from(r: ApplicationRow) -> ResultApplication {
        let measures = measures_of(&r.measures);
        let suggested = measures_of(&r.suggested_measures);
        let differs_from_suggestion = crate::domain::results::differs(&measures, &suggested);
        let suggested_change = r.suggested_change_percent.clone();
        ResultApplication {
            id: r.id,
            project_id: r.project_id,
            project_code: r.project_code,
            round_id: r.round_id,
            report_id: r.report_id,
            fiscal_year: r.fiscal_year,
            measures,
            text: r.text,
            next_year_budget_change: r.next_year_budget_change,
            adjustment_id: r.adjustment_id,
            suggestion: ResultSuggestion {
                measures: suggested,
                next_year_budget_change: r.suggested_change,
                next_year_change_percent: suggested_change,
                rule: r.suggestion_rule,
            },
            differs_from_suggestion,
            grade: r.grade.as_deref().and_then(grade_of),
            overall_light: r.overall_light.as_deref().and_then(Light::parse),
            created_by_name: r.created_by_name,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

pub fn grade_of(text: &str) -> Option<Grade> {
    [Grade::Excellent, Grade::Good, Grade::Fair, Grade::Poor]
        .into_iter()
        .find(|g| g.as_str() == text)
}

fn application_example() -> serde_json::Value {
    serde_json::json!({
        "id": "0193a0c4-7f43-7000-8000-0000000000b5",
        "project_id": "0193a0c4-7f43-7000-8000-0000000000e1", "project_code": "SD2021-KJ-007",
        "round_id": "0193a0c4-7f43-7000-8000-000000000031",
        "report_id": "0193a0c4-7f43-7000-8000-000000000051", "fiscal_year": 2021,
        "measures": ["reduce_next_year_budget", "rectify"],
        "text": "Two rescue bases slipped to 2022: next year's budget is cut and the plan rectified.",
        "next_year_budget_change": "-19000000.00", "adjustment_id": null,
        "suggestion": {"measures": ["reduce_next_year_budget", "rectify"],
                       "next_year_change_percent": "-20", "next_year_budget_change": "-19000000.00",
                       "rule": "poor_grade"},
        "differs_from_suggestion": false, "grade": "poor", "overall_light": "red",
        "created_by_name": "sd.finance", "version": 1,
        "created_at": "2021-10-20T06:30:00Z", "updated_at": "2021-10-20T06:30:00Z"
    })
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "round_id": "0193a0c4-7f43-7000-8000-000000000031",
    "project_id": "0193a0c4-7f43-7000-8000-0000000000e1",
    "measures": ["reduce_next_year_budget", "rectify"],
    "text": "Two rescue bases slipped to 2022: next year's budget is cut and the plan rectified.",
    "next_year_budget_change": "-19000000.00"
}))]
pub struct NewResultApplication {
    pub round_id: Uuid,
    pub project_id: Uuid,
    /// 1 to 11 distinct measures.
    #[schema(min_items = 1, max_items = 11)]
    pub measures: Vec<ResultMeasure>,
    #[serde(default)]
    #[schema(max_length = 4000)]
    pub text: String,
    /// Required with a next-year budget measure (negative to reduce, positive to raise), and
    /// refused without one.
    #[serde(default, with = "serde_money_opt")]
    #[schema(value_type = Option<String>, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,2})?$")]
    pub next_year_budget_change: Option<BigDecimal>,
    /// The fund adjustment of this project a funds measure was booked as; its kind must match
    /// one of the measures (reduce → `reduce_funds`, recover → `recover_funds`, …).
    pub adjustment_id: Option<Uuid>,
}

/// Replaces the decision: every field is sent again.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "measures": ["reduce_next_year_budget", "rectify"],
    "text": "Cut by 1.2 million after the second inspection.",
    "next_year_budget_change": "-1200000.00"
}))]
pub struct ResultApplicationChanges {
    #[schema(min_items = 1, max_items = 11)]
    pub measures: Vec<ResultMeasure>,
    #[serde(default)]
    #[schema(max_length = 4000)]
    pub text: String,
    #[serde(default, with = "serde_money_opt")]
    #[schema(value_type = Option<String>, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,2})?$")]
    pub next_year_budget_change: Option<BigDecimal>,
    pub adjustment_id: Option<Uuid>,
}

/// A project of a round with what its results suggest and what was decided.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "report_id": "0193a0c4-7f43-7000-8000-000000000051",
    "project_id": "0193a0c4-7f43-7000-8000-0000000000e1", "project_code": "SD2021-KJ-007",
    "project_name": "Aviation emergency rescue capability",
    "department_id": "0193a0c4-7f43-7000-8000-0000000000a1", "region_code": "370000",
    "score": "52.40", "grade": "poor", "overall_light": "red", "adjusted_budget": "95000000.00",
    "suggestion": {"measures": ["reduce_next_year_budget", "rectify"],
                   "next_year_change_percent": "-20", "next_year_budget_change": "-19000000.00",
                   "rule": "poor_grade"},
    "application": null
}))]
pub struct RoundResult {
    pub report_id: Uuid,
    pub project_id: Uuid,
    pub project_code: String,
    pub project_name: String,
    pub department_id: Uuid,
    pub region_code: String,
    /// Score on the 100-point scale; null until the report can be scored.
    #[serde(with = "serde_decimal_opt")]
    #[schema(value_type = Option<String>, pattern = r"^[0-9]{1,3}(\.[0-9]{1,2})?$", example = "52.40")]
    pub score: Option<BigDecimal>,
    pub grade: Option<Grade>,
    pub overall_light: Option<Light>,
    #[serde(with = "serde_money")]
    #[schema(value_type = String, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,2})?$", example = "95000000.00")]
    pub adjusted_budget: BigDecimal,
    /// What the rules suggest now, from the current grade and light.
    pub suggestion: ResultSuggestion,
    /// The recorded decision, if any.
    pub application: Option<ResultApplication>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RoundResultQuery {
    pub department: Option<Uuid>,
    /// Only projects whose decision is (`true`) or is not yet (`false`) recorded.
    pub applied: Option<bool>,
    /// Page size, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ResultApplicationQuery {
    pub round: Option<Uuid>,
    pub project: Option<Uuid>,
    pub department: Option<Uuid>,
    /// Only applications in the region with this code and below it.
    pub region: Option<String>,
    #[param(minimum = 2000, maximum = 2100)]
    pub year: Option<i16>,
    /// Only applications with this measure.
    pub measure: Option<ResultMeasure>,
    /// Page size, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}
