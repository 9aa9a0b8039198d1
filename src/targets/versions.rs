//! The versions of a project's indicator set: each as it was, kept as JSON.

use bigdecimal::BigDecimal;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::AppError;
use crate::indicators::dto::Indicator;
use crate::indicators::store::IndicatorRow;
use crate::targets::store::VersionRow;

/// One indicator of a kept version: what a report monitoring that version snapshots.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct KeptIndicator {
    id: Uuid,
    level1: String,
    level2: String,
    name: String,
    comparator: String,
    target_value: Option<String>,
    target_text: Option<String>,
    unit: String,
    weight: String,
    accrues: bool,
    measurement: String,
    version: i32,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

/// The set as JSON to keep.
pub fn keep(rows: &[IndicatorRow]) -> serde_json::Value {
    let kept: Vec<KeptIndicator> = rows
        .iter()
        .map(|r| KeptIndicator {
            id: r.id,
            level1: r.level1.clone(),
            level2: r.level2.clone(),
            name: r.name.clone(),
            comparator: r.comparator.clone(),
            target_value: r.target_value.as_ref().map(|v| v.to_string()),
            target_text: r.target_text.clone(),
            unit: r.unit.clone(),
            weight: r.weight.to_string(),
            accrues: r.accrues,
            measurement: r.measurement.clone(),
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
        .collect();
    serde_json::to_value(kept).unwrap_or_else(|_| serde_json::json!([]))
}

fn decimal(text: &str) -> Result<BigDecimal, AppError> {
    text.parse()
        .map_err(|_| AppError::Internal(format!("a kept indicator set holds {text:?}")))
}

/// The indicators of a kept version, as rows.
pub fn rows_of(version: &VersionRow) -> Result<Vec<IndicatorRow>, AppError> {
    let kept: Vec<KeptIndicator> = serde_json::from_value(version.indicators.clone())
        .map_err(|e| AppError::Internal(format!("a kept indicator set is unreadable: {e}")))?;
    kept.into_iter()
        .map(|k| {
            Ok(IndicatorRow {
                id: k.id,
                project_id: version.project_id,
                level1: k.level1,
                level2: k.level2,
                name: k.name,
                comparator: k.comparator,
                target_value: k.target_value.as_deref().map(decimal).transpose()?,
                target_text: k.target_text,
                unit: k.unit,
                weight: decimal(&k.weight)?,
                accrues: k.accrues,
                measurement: k.measurement,
                version: k.version,
                created_at: k.created_at,
                updated_at: k.updated_at,
            })
        })
        .collect()
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "version": 2, "valid_from": "2021-08-20T03:00:00Z",
    "adjustment_id": "0193a0c4-7f43-7000-8000-0000000000f1", "current": true,
    "indicators": []
}))]
pub struct IndicatorSetVersion {
    /// 1 for the set as registered; each approved target adjustment adds one.
    pub version: i32,
    /// When the version began: the project's registration for version 1, else the approval.
    pub valid_from: DateTime<Utc>,
    /// The target adjustment whose approval made it; null for version 1.
    pub adjustment_id: Option<Uuid>,
    /// Whether new reports monitor this version.
    pub current: bool,
    pub indicators: Vec<Indicator>,
}

impl IndicatorSetVersion {
    pub fn of(row: &VersionRow, current: bool) -> Result<IndicatorSetVersion, AppError> {
        Ok(IndicatorSetVersion {
            version: row.version,
            valid_from: row.valid_from,
            adjustment_id: row.adjustment_id,
            current,
            indicators: rows_of(row)?.into_iter().map(Indicator::from).collect(),
        })
    }
}
