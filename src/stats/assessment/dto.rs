//! What `/stats/department-assessment` answers with.

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Value, json};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::domain::assessment::Weights;
use crate::domain::scoring::Grade;
use crate::stats::dto::{AdjustmentTotals, RegionRef};

/// The weights the overall score was computed with (they sum to 100).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DepartmentAssessmentWeights {
    #[schema(example = 60)]
    pub score: u8,
    #[schema(example = 10)]
    pub timeliness: u8,
    #[schema(example = 5)]
    pub not_returned: u8,
    #[schema(example = 10)]
    pub completeness: u8,
    #[schema(example = 5)]
    pub checks: u8,
    #[schema(example = 10)]
    pub rectification: u8,
}

impl From<Weights> for DepartmentAssessmentWeights {
    fn from(w: Weights) -> Self {
        DepartmentAssessmentWeights {
            score: w.score,
            timeliness: w.timeliness,
            not_returned: w.not_returned,
            completeness: w.completeness,
            checks: w.checks,
            rectification: w.rectification,
        }
    }
}

/// A round of the year that reached the region's departments (the region's own or one above).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DepartmentAssessmentRound {
    pub id: Uuid,
    pub name: String,
    pub cutoff_date: NaiveDate,
}

/// A department's score and grade in one round: its row of that round's rankings.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DepartmentAssessmentRoundScore {
    pub round_id: Uuid,
    /// As `/rounds/{id}/rankings` and `/stats/departments` give it; null while no project of
    /// the department has a total.
    #[schema(value_type = Option<String>, pattern = r"^[0-9]+\.[0-9]{2}$", example = "86.40")]
    pub score: Option<String>,
    pub grade: Option<Grade>,
}

/// One department's year of monitoring.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DepartmentAssessmentRow {
    /// 1 for the best overall score; departments without one come last, ties by code.
    pub rank: usize,
    pub department_id: Uuid,
    pub department_code: String,
    pub department_name: String,
    /// Rounds of the year in which the department had reports.
    pub rounds_covered: i64,
    /// Its project reports in those rounds.
    pub reports: i64,
    /// Submitted or approved, and submitted by the due date.
    pub reports_on_time: i64,
    /// Submitted after the due date (at the last submission), whatever the status now.
    pub reports_late: i64,
    /// Draft or returned now.
    pub reports_unsubmitted: i64,
    /// Returned at least once.
    pub reports_returned: i64,
    /// `reports_on_time` ÷ `reports` × 100; null without reports.
    #[schema(value_type = Option<String>, pattern = r"^[0-9]+\.[0-9]{2}$", example = "90.00")]
    pub timeliness_share: Option<String>,
    /// (`reports` − `reports_returned`) ÷ `reports` × 100; null without reports.
    #[schema(value_type = Option<String>, pattern = r"^[0-9]+\.[0-9]{2}$", example = "100.00")]
    pub not_returned_share: Option<String>,
    /// Sum of the reports' `applicable_fields`.
    pub applicable_fields: i64,
    /// Sum over the reports of `generated_fields` + the number of `department_fields`, each
    /// report's at most its `applicable_fields`: a field counts as filled when the system filled
    /// it (and nobody changed it) or the department set it.
    pub filled_fields: i64,
    /// `filled_fields` ÷ `applicable_fields` × 100; null without fields.
    #[schema(value_type = Option<String>, pattern = r"^[0-9]+\.[0-9]{2}$", example = "96.30")]
    pub completeness_share: Option<String>,
    /// Reports whose `checks` hold no failing check of severity error or warning.
    pub reports_passing_checks: i64,
    /// `reports_passing_checks` ÷ `reports` × 100; null without reports.
    #[schema(value_type = Option<String>, pattern = r"^[0-9]+\.[0-9]{2}$", example = "80.00")]
    pub checks_passed_share: Option<String>,
    /// Score and grade in each round it had reports in, in cut-off order.
    pub round_scores: Vec<DepartmentAssessmentRoundScore>,
    /// Mean of the round scores (those not null); null without any.
    #[schema(value_type = Option<String>, pattern = r"^[0-9]+\.[0-9]{2}$", example = "86.40")]
    pub mean_round_score: Option<String>,
    /// Rectification tasks the department is responsible for, on projects of the year.
    pub rectifications_ordered: i64,
    /// Accepted on or before the deadline.
    pub rectifications_on_time: i64,
    /// Open or answered past the deadline (as of today), or accepted after it.
    pub rectifications_overdue: i64,
    /// `rectifications_on_time` ÷ (`rectifications_on_time` + `rectifications_overdue`) × 100;
    /// null while none is done or due.
    #[schema(value_type = Option<String>, pattern = r"^[0-9]+\.[0-9]{2}$", example = "100.00")]
    pub rectification_on_time_share: Option<String>,
    /// Fund adjustments of its projects of the year by kind, net of reversals, as in
    /// `/stats/overview`.
    pub adjustments: AdjustmentTotals,
    /// reduce + recover + reallocate, net of reversals.
    #[schema(example = "25000000.00", pattern = r"^-?[0-9]+\.[0-9]{2}$")]
    pub adjusted_and_recovered: String,
    /// Results applications recorded for its projects of the year.
    pub results_applied: i64,
    /// The weighted mean of the components with a basis (see the operation); null without any.
    #[schema(value_type = Option<String>, pattern = r"^[0-9]+\.[0-9]{2}$", example = "87.12")]
    pub overall_score: Option<String>,
    /// The overall score graded with the region's grade edges.
    pub overall_grade: Option<Grade>,
}

/// The annual assessment of a region's own departments.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = assessment_example)]
pub struct DepartmentAssessment {
    /// The region whose departments are assessed (the caller's own when it asked about a region
    /// above it).
    pub region: RegionRef,
    pub year: i16,
    pub weights: DepartmentAssessmentWeights,
    /// The rounds of the year that reached the region, by cut-off date; `round_N_*` columns of
    /// the CSV and XLSX follow this order.
    pub rounds: Vec<DepartmentAssessmentRound>,
    /// Best overall score first.
    pub departments: Vec<DepartmentAssessmentRow>,
}

fn assessment_example() -> Value {
    let ca = |count: i64, amount: &str| json!({"count": count, "amount": amount});
    json!({
        "region": {"code": "370000", "name": "Shandong", "level": "province"},
        "year": 2021,
        "weights": {"score": 60, "timeliness": 10, "not_returned": 5, "completeness": 10,
                    "checks": 5, "rectification": 10},
        "rounds": [{"id": "0193a0c4-7f43-7000-8000-000000000091",
                    "name": "2021 January–July monitoring", "cutoff_date": "2021-07-31"}],
        "departments": [{
            "rank": 1, "department_id": "0193a0c4-7f43-7000-8000-0000000000a1",
            "department_code": "SD-KJ", "department_name": "Shandong Provincial Department of Science and Technology",
            "rounds_covered": 1, "reports": 4, "reports_on_time": 4, "reports_late": 0,
            "reports_unsubmitted": 0, "reports_returned": 0,
            "timeliness_share": "100.00", "not_returned_share": "100.00",
            "applicable_fields": 108, "filled_fields": 104, "completeness_share": "96.30",
            "reports_passing_checks": 4, "checks_passed_share": "100.00",
            "round_scores": [{"round_id": "0193a0c4-7f43-7000-8000-000000000091",
                              "score": "91.25", "grade": "excellent"}],
            "mean_round_score": "91.25",
            "rectifications_ordered": 2, "rectifications_on_time": 1,
            "rectifications_overdue": 0, "rectification_on_time_share": "100.00",
            "adjustments": {"reduce": ca(1, "25000000.00"), "recover": ca(0, "0.00"),
                            "reallocate": ca(0, "0.00"), "suspend": ca(0, "0.00"),
                            "stop": ca(0, "0.00"), "increase": ca(0, "0.00")},
            "adjusted_and_recovered": "25000000.00",
            "results_applied": 1,
            "overall_score": "94.38", "overall_grade": "excellent"
        }]
    })
}
