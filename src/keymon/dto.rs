use bigdecimal::BigDecimal;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::domain::lights::Light;
use crate::domain::money::serde_money_opt;
use crate::export::ExportFormat;
use crate::keymon::store::{FindingRow, InspectionRow, OpinionRow, RectificationRow};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum InspectionStatus {
    Planned,
    InProgress,
    Concluded,
}

impl InspectionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            InspectionStatus::Planned => "planned",
            InspectionStatus::InProgress => "in_progress",
            InspectionStatus::Concluded => "concluded",
        }
    }

    pub fn parse(s: &str) -> InspectionStatus {
        match s {
            "in_progress" => InspectionStatus::InProgress,
            "concluded" => InspectionStatus::Concluded,
            _ => InspectionStatus::Planned,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FindingCategory {
    SlowProgress,
    UnreasonableTargets,
    NonStandardManagement,
    UnclearObjectives,
    IdleFunds,
    Other,
}

impl FindingCategory {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingCategory::SlowProgress => "slow_progress",
            FindingCategory::UnreasonableTargets => "unreasonable_targets",
            FindingCategory::NonStandardManagement => "non_standard_management",
            FindingCategory::UnclearObjectives => "unclear_objectives",
            FindingCategory::IdleFunds => "idle_funds",
            FindingCategory::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Low,
    Medium,
    High,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OpinionKind {
    Opinion,
    Suggestion,
    PolicyRevision,
}

impl OpinionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OpinionKind::Opinion => "opinion",
            OpinionKind::Suggestion => "suggestion",
            OpinionKind::PolicyRevision => "policy_revision",
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = finding_example)]
pub struct Finding {
    pub id: Uuid,
    pub inspection_id: Uuid,
    pub project_id: Uuid,
    #[schema(value_type = FindingCategory)]
    pub category: String,
    pub description: String,
    #[schema(value_type = Severity)]
    pub severity: String,
    /// Money involved (e.g. idle funds), in yuan.
    #[serde(with = "serde_money_opt")]
    #[schema(value_type = Option<String>, pattern = r"^[0-9]+\.[0-9]{2}$")]
    pub amount: Option<BigDecimal>,
    pub created_at: DateTime<Utc>,
}

impl From<FindingRow> for Finding {
    fn from(r: FindingRow) -> Finding {
        Finding {
            id: r.id,
            inspection_id: r.inspection_id,
            project_id: r.project_id,
            category: r.category,
            description: r.description,
            severity: r.severity,
            amount: r.amount,
            created_at: r.created_at,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = opinion_example)]
pub struct Opinion {
    pub id: Uuid,
    #[schema(value_type = OpinionKind)]
    pub kind: String,
    pub text: String,
    pub created_at: DateTime<Utc>,
    /// For a `policy_revision`: the policy to revise; null for other kinds.
    pub policy_name: Option<String>,
    /// For a `policy_revision`: whether the department has revised the policy.
    pub revised: bool,
    pub revised_at: Option<DateTime<Utc>>,
    /// What was revised, or why not yet.
    pub revision_note: String,
    pub version: i32,
}

impl From<OpinionRow> for Opinion {
    fn from(r: OpinionRow) -> Opinion {
        Opinion {
            id: r.id,
            kind: r.kind,
            text: r.text,
            created_at: r.created_at,
            policy_name: r.policy_name,
            revised: r.revised,
            revised_at: r.revised_at,
            revision_note: r.revision_note,
            version: r.version,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = inspection_example)]
pub struct Inspection {
    pub id: Uuid,
    pub project_id: Uuid,
    pub round_id: Option<Uuid>,
    pub status: InspectionStatus,
    pub inspector_id: Uuid,
    pub inspector_name: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub conclusion: String,
    pub findings: Vec<Finding>,
    /// Opinions, suggestions and policy revisions.
    pub opinions: Vec<Opinion>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Inspection {
    pub fn assemble(
        r: InspectionRow,
        findings: Vec<FindingRow>,
        opinions: Vec<OpinionRow>,
    ) -> Inspection {
        Inspection {
            id: r.id,
            project_id: r.project_id,
            round_id: r.round_id,
            status: InspectionStatus::parse(&r.status),
            inspector_id: r.inspector_id,
            inspector_name: r.inspector_name,
            start_date: r.start_date,
            end_date: r.end_date,
            conclusion: r.conclusion,
            findings: findings.into_iter().map(Finding::from).collect(),
            opinions: opinions.into_iter().map(Opinion::from).collect(),
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "project_id": "0193a0c4-7f43-7000-8000-0000000000e1",
    "round_id": "0193a0c4-7f43-7000-8000-000000000091", "start_date": "2021-09-06",
    "end_date": "2021-09-10"
}))]
pub struct NewInspection {
    /// The project to key-monitor; it is marked `key_monitoring`.
    pub project_id: Uuid,
    /// The round the inspection belongs to, if any.
    pub round_id: Option<Uuid>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "status": "concluded",
    "conclusion": "Six of eight bases in service; the two delayed ones leave 25,000,000.00 yuan idle."
}))]
pub struct InspectionChanges {
    /// Moves forward only: planned → in_progress → concluded.
    pub status: Option<InspectionStatus>,
    pub conclusion: Option<String>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "category": "idle_funds", "severity": "high", "amount": "25000000.00",
    "description": "25,000,000.00 yuan of two delayed rescue bases unspent on 31 August."
}))]
pub struct NewFinding {
    pub category: FindingCategory,
    #[schema(min_length = 1, pattern = "\\S")]
    pub description: String,
    pub severity: Severity,
    #[serde(default, with = "serde_money_opt")]
    #[schema(value_type = Option<String>, pattern = r"^[0-9]{1,16}(\.[0-9]{1,2})?$")]
    pub amount: Option<BigDecimal>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "kind": "suggestion",
    "text": "Return the idle funds to the provincial budget and plan the two bases for 2022."
}))]
pub struct NewOpinion {
    pub kind: OpinionKind,
    #[schema(min_length = 1, pattern = "\\S")]
    pub text: String,
    /// The policy to revise: required for `policy_revision`, refused for other kinds.
    #[schema(min_length = 1, max_length = 200, pattern = "\\S")]
    pub policy_name: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InspectionQuery {
    pub round: Option<Uuid>,
    pub project: Option<Uuid>,
    /// Only inspections of this department's projects.
    pub department: Option<Uuid>,
    /// Only where the project's report in the inspection's round has this overall light.
    pub light: Option<Light>,
    pub status: Option<InspectionStatus>,
    /// Only inspections of projects in the region with this code and below it.
    pub region: Option<String>,
    /// Page size, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FindingQuery {
    pub category: Option<FindingCategory>,
    pub severity: Option<Severity>,
    /// Only findings of projects in the region with this code and below it.
    pub region: Option<String>,
    /// Only findings of inspections in this round.
    pub round: Option<Uuid>,
    pub project: Option<Uuid>,
    /// Only findings of this department's projects.
    pub department: Option<Uuid>,
    pub inspection: Option<Uuid>,
    /// Page size, 1 to 500 (default 50); exports ignore it.
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page; exports ignore it.
    pub cursor: Option<String>,
    /// `csv` or `xlsx`: every matching finding as a file, in the list's order;
    /// `Accept: text/csv` also gives CSV. `json` (default): a page.
    #[param(value_type = Option<ExportFormat>)]
    pub format: Option<String>,
}

/// Where a rectification task stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RectificationStatus {
    /// Waiting for the department's answer (also after a rejected answer).
    Open,
    /// Answered; waiting for verification.
    Answered,
    /// Verified and accepted.
    Accepted,
}

impl RectificationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RectificationStatus::Open => "open",
            RectificationStatus::Answered => "answered",
            RectificationStatus::Accepted => "accepted",
        }
    }

    pub fn parse(s: &str) -> RectificationStatus {
        match s {
            "answered" => RectificationStatus::Answered,
            "accepted" => RectificationStatus::Accepted,
            _ => RectificationStatus::Open,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RectificationEvent {
    pub from: String,
    pub to: String,
    pub actor_name: String,
    pub comment: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = rectification_example)]
pub struct Rectification {
    pub id: Uuid,
    pub finding_id: Uuid,
    pub project_id: Uuid,
    /// The department responsible for the fix.
    pub department_id: Uuid,
    pub requirement: String,
    pub deadline: NaiveDate,
    pub warning_days: i32,
    pub status: RectificationStatus,
    pub response: String,
    pub answered_at: Option<DateTime<Utc>>,
    pub accepted_at: Option<DateTime<Utc>>,
    /// Not accepted and past the deadline.
    pub overdue: bool,
    /// By the `rectification` warning rule: red past the deadline, yellow within the warning days.
    pub light: Light,
    pub history: Vec<RectificationEvent>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
}

impl Rectification {
    pub fn assemble(
        r: RectificationRow,
        light: Light,
        overdue: bool,
        history: Vec<RectificationEvent>,
    ) -> Rectification {
        Rectification {
            id: r.id,
            finding_id: r.finding_id,
            project_id: r.project_id,
            department_id: r.department_id,
            requirement: r.requirement,
            deadline: r.deadline,
            warning_days: r.warning_days,
            status: RectificationStatus::parse(&r.status),
            response: r.response,
            answered_at: r.answered_at,
            accepted_at: r.accepted_at,
            overdue,
            light,
            history,
            version: r.version,
            created_at: r.created_at,
        }
    }
}

fn seven() -> i32 {
    7
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "finding_id": "0193a0c4-7f43-7000-8000-0000000000f1",
    "requirement": "Submit a revised spending plan for the two delayed bases",
    "deadline": "2021-10-31", "warning_days": 7
}))]
pub struct NewRectification {
    pub finding_id: Uuid,
    #[schema(min_length = 1, pattern = "\\S")]
    pub requirement: String,
    pub deadline: NaiveDate,
    /// Days before the deadline when the task turns yellow.
    #[serde(
        default = "seven",
        deserialize_with = "crate::validation::integral::deserialize"
    )]
    #[schema(minimum = 0, maximum = 60)]
    pub warning_days: i32,
    /// Defaults to the project's department.
    pub department_id: Option<Uuid>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "response": "Revised plan approved on 12 October; the idle 25,000,000.00 yuan are returned."
}))]
pub struct RectificationAnswer {
    /// What was done.
    #[schema(min_length = 1, pattern = "\\S")]
    pub response: String,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"accept": true, "comment": "Plan and budget return checked"}))]
pub struct RectificationVerdict {
    /// Accept the answer, or reject it back to the department.
    pub accept: bool,
    #[serde(default)]
    pub comment: String,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RectificationQuery {
    pub status: Option<RectificationStatus>,
    pub overdue: Option<bool>,
    /// Not accepted and due within this many days (overdue ones included).
    #[param(minimum = 0, maximum = 3650)]
    pub due_within: Option<i64>,
    /// The responsible department.
    pub department: Option<Uuid>,
    pub project: Option<Uuid>,
    /// Only rectifications in the region with this code and below it.
    pub region: Option<String>,
    /// Only rectifications of findings of inspections in this round.
    pub round: Option<Uuid>,
    /// Page size, 1 to 500 (default 50); exports ignore it.
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page; exports ignore it.
    pub cursor: Option<String>,
    /// `csv` or `xlsx`: every matching rectification as a file, in the list's order;
    /// `Accept: text/csv` also gives CSV. `json` (default): a page.
    #[param(value_type = Option<ExportFormat>)]
    pub format: Option<String>,
}

pub(crate) fn finding_example() -> serde_json::Value {
    serde_json::json!({
        "id": "0193a0c4-7f43-7000-8000-0000000000f1",
        "inspection_id": "0193a0c4-7f43-7000-8000-000000000094",
        "project_id": "0193a0c4-7f43-7000-8000-0000000000e1", "category": "idle_funds",
        "description": "25,000,000.00 yuan of two delayed rescue bases unspent on 31 August.",
        "severity": "high", "amount": "25000000.00", "created_at": "2021-09-09T08:00:00Z"
    })
}

fn opinion_example() -> serde_json::Value {
    serde_json::json!({
        "id": "0193a0c4-7f43-7000-8000-000000000099", "kind": "suggestion",
        "text": "Return the idle funds to the provincial budget and plan the two bases for 2022.",
        "created_at": "2021-09-10T08:00:00Z", "policy_name": null, "revised": false,
        "revised_at": null, "revision_note": "", "version": 1
    })
}

pub(crate) fn inspection_example() -> serde_json::Value {
    serde_json::json!({
        "id": "0193a0c4-7f43-7000-8000-000000000094",
        "project_id": "0193a0c4-7f43-7000-8000-0000000000e1",
        "round_id": "0193a0c4-7f43-7000-8000-000000000091", "status": "concluded",
        "inspector_id": "0193a0c4-7f43-7000-8000-0000000000b2", "inspector_name": "Zhang Wei",
        "start_date": "2021-09-06", "end_date": "2021-09-10",
        "conclusion": "Six of eight bases in service; the two delayed ones leave 25,000,000.00 yuan idle.",
        "findings": [finding_example()], "opinions": [opinion_example()], "version": 3,
        "created_at": "2021-09-01T02:00:00Z", "updated_at": "2021-09-10T09:00:00Z"
    })
}

pub(crate) fn rectification_example() -> serde_json::Value {
    serde_json::json!({
        "id": "0193a0c4-7f43-7000-8000-000000000095",
        "finding_id": "0193a0c4-7f43-7000-8000-0000000000f1",
        "project_id": "0193a0c4-7f43-7000-8000-0000000000e1",
        "department_id": "0193a0c4-7f43-7000-8000-0000000000a1",
        "requirement": "Submit a revised spending plan for the two delayed bases",
        "deadline": "2021-10-31", "warning_days": 7, "status": "answered",
        "response": "Revised plan approved on 12 October; the idle 25,000,000.00 yuan are returned.",
        "answered_at": "2021-10-12T03:00:00Z", "accepted_at": null, "overdue": false,
        "light": "green",
        "history": [{
            "from": "open", "to": "answered", "actor_name": "kjt.officer", "comment": "",
            "at": "2021-10-12T03:00:00Z"
        }],
        "version": 2, "created_at": "2021-09-13T02:00:00Z"
    })
}
