//! Target adjustments as the API shows and takes them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::indicators::dto::{IndicatorChanges, NewIndicator};
use crate::targets::store::TargetAdjustmentRow;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TargetAdjustmentStatus {
    Requested,
    Approved,
    Rejected,
}

impl TargetAdjustmentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TargetAdjustmentStatus::Requested => "requested",
            TargetAdjustmentStatus::Approved => "approved",
            TargetAdjustmentStatus::Rejected => "rejected",
        }
    }

    pub fn parse(text: &str) -> TargetAdjustmentStatus {
        match text {
            "approved" => TargetAdjustmentStatus::Approved,
            "rejected" => TargetAdjustmentStatus::Rejected,
            _ => TargetAdjustmentStatus::Requested,
        }
    }
}

/// One change of the indicator set: `change` an indicator (its target, unit, weight or any
/// other field), `add` one, or `retire` one (it leaves the set; reports that monitored it keep
/// it).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum TargetChange {
    Change {
        indicator_id: Uuid,
        /// The fields to change, as in `PATCH /indicators/{id}`.
        set: IndicatorChanges,
    },
    Add {
        indicator: NewIndicator,
    },
    Retire {
        indicator_id: Uuid,
    },
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "reason": "The second rescue base cannot be built this year: the site was reassigned.",
    "finding_id": "0193a0c4-7f43-7000-8000-0000000000f1",
    "changes": [{"op": "change", "indicator_id": "0193a0c4-7f43-7000-8000-0000000000c1",
                 "set": {"target_value": "7"}}]
}))]
pub struct NewTargetAdjustment {
    #[schema(min_length = 1, max_length = 2000, pattern = "\\S")]
    pub reason: String,
    /// The finding the request answers (e.g. of category `unreasonable_targets`), of this
    /// project.
    pub finding_id: Option<Uuid>,
    /// The report that says targets need adjusting, of this project.
    pub report_id: Option<Uuid>,
    /// 1 to 100 changes, at most one per indicator.
    #[schema(min_items = 1, max_items = 100)]
    pub changes: Vec<TargetChange>,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"comment": "Agreed: the park opens in 2022."}))]
pub struct TargetAdjustmentDecision {
    /// Required to reject.
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub comment: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "0193a0c4-7f43-7000-8000-0000000000a7",
    "project_id": "0193a0c4-7f43-7000-8000-0000000000e1", "status": "approved",
    "reason": "The second rescue base cannot be built this year: the site was reassigned.",
    "finding_id": "0193a0c4-7f43-7000-8000-0000000000f1", "report_id": null,
    "changes": [{"op": "change", "indicator_id": "0193a0c4-7f43-7000-8000-0000000000c1",
                 "set": {"target_value": "7"}}],
    "from_version": 1, "to_version": 2, "requested_by_name": "jn.kj.officer",
    "decided_by_name": "jn.finance", "decision_comment": "Agreed.",
    "decided_at": "2021-08-20T03:00:00Z", "version": 2,
    "created_at": "2021-08-18T09:00:00Z", "updated_at": "2021-08-20T03:00:00Z"
}))]
pub struct TargetAdjustment {
    pub id: Uuid,
    pub project_id: Uuid,
    pub status: TargetAdjustmentStatus,
    pub reason: String,
    pub finding_id: Option<Uuid>,
    pub report_id: Option<Uuid>,
    /// The changes as requested.
    #[schema(value_type = Vec<TargetChange>)]
    pub changes: serde_json::Value,
    /// The indicator-set version the request was made against.
    pub from_version: i32,
    /// The version the approval made; null until approved.
    pub to_version: Option<i32>,
    pub requested_by_name: String,
    pub decided_by_name: Option<String>,
    pub decision_comment: String,
    pub decided_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<TargetAdjustmentRow> for TargetAdjustment {
    fn from(r: TargetAdjustmentRow) -> TargetAdjustment {
        TargetAdjustment {
            id: r.id,
            project_id: r.project_id,
            status: TargetAdjustmentStatus::parse(&r.status),
            reason: r.reason,
            finding_id: r.finding_id,
            report_id: r.report_id,
            changes: r.changes,
            from_version: r.from_version,
            to_version: r.to_version,
            requested_by_name: r.requested_by_name,
            decided_by_name: r.decided_by_name,
            decision_comment: r.decision_comment,
            decided_at: r.decided_at,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TargetAdjustmentQuery {
    pub status: Option<TargetAdjustmentStatus>,
    pub project: Option<Uuid>,
    pub department: Option<Uuid>,
    /// Only requests in the region with this code and below it.
    pub region: Option<String>,
    /// Only requests citing this finding.
    pub finding: Option<Uuid>,
    /// Page size, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}
