use bigdecimal::BigDecimal;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::domain::indicators::{Comparator, Level1, Level2, check_indicator};
use crate::domain::money::{serde_decimal, serde_decimal_opt};
use crate::error::FieldErrors;
use crate::indicators::store::{IndicatorFields, IndicatorRow};

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "0193a0c4-7f43-7000-8000-0000000000c1",
    "project_id": "0193a0c4-7f43-7000-8000-0000000000e1", "level1": "output", "level2": "quantity",
    "name": "Rescue bases built", "comparator": ">=", "target_value": "8", "target_text": null,
    "unit": "bases", "weight": "60", "accrues": true,
    "measurement": "Bases accepted by the provincial emergency department", "version": 1,
    "created_at": "2021-01-05T02:10:00Z", "updated_at": "2021-01-05T02:10:00Z"
}))]
pub struct Indicator {
    pub id: Uuid,
    pub project_id: Uuid,
    pub level1: Level1,
    pub level2: Level2,
    /// The level-3 indicator.
    pub name: String,
    pub comparator: Comparator,
    /// Numeric target for `>=`, `>`, `=`, `<`, `<=`; null for qualitative indicators.
    #[serde(with = "serde_decimal_opt")]
    #[schema(value_type = Option<String>, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,4})?$", example = "120")]
    pub target_value: Option<BigDecimal>,
    /// The target in words for qualitative indicators.
    pub target_text: Option<String>,
    pub unit: String,
    /// Share of the 90 points of a project's indicators.
    #[serde(with = "serde_decimal")]
    #[schema(value_type = String, pattern = r"^[0-9]{1,2}(\.[0-9]{1,2})?$", example = "20")]
    pub weight: BigDecimal,
    /// Whether the target accrues over the year (pro-rated at a cut-off).
    pub accrues: bool,
    /// How the indicator is measured.
    pub measurement: String,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<IndicatorRow> for Indicator {
    fn from(r: IndicatorRow) -> Indicator {
        Indicator {
            id: r.id,
            project_id: r.project_id,
            level1: Level1::parse(&r.level1).unwrap_or(Level1::Output),
            level2: Level2::parse(&r.level2).unwrap_or(Level2::Quantity),
            name: r.name,
            comparator: Comparator::parse(&r.comparator).unwrap_or(Comparator::AtLeast),
            target_value: r.target_value,
            target_text: r.target_text,
            unit: r.unit,
            weight: r.weight,
            accrues: r.accrues,
            measurement: r.measurement,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "level1": "output", "level2": "quantity", "name": "Rescue bases built", "comparator": ">=",
    "target_value": "8", "unit": "bases", "weight": "30",
    "measurement": "Bases accepted by the provincial emergency department"
}))]
pub struct NewIndicator {
    pub level1: Level1,
    /// Must belong to `level1`: output → quantity, quality, timeliness, cost; effect → economic,
    /// social, ecological, sustainability; satisfaction → beneficiary_satisfaction.
    pub level2: Level2,
    #[schema(min_length = 1, max_length = 200, pattern = "\\S")]
    pub name: String,
    pub comparator: Comparator,
    #[serde(default, with = "serde_decimal_opt")]
    #[schema(value_type = Option<String>, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,4})?$")]
    pub target_value: Option<BigDecimal>,
    pub target_text: Option<String>,
    /// Required for numeric targets.
    #[serde(default)]
    pub unit: String,
    #[serde(with = "serde_decimal")]
    #[schema(value_type = String, pattern = r"^[0-9]{1,2}(\.[0-9]{1,2})?$")]
    pub weight: BigDecimal,
    /// Defaults from level 2: quantity, effect and satisfaction indicators accrue.
    pub accrues: Option<bool>,
    #[serde(default)]
    pub measurement: String,
}

impl NewIndicator {
    /// Checks the indicator and gives the columns to store; field names are prefixed.
    pub fn fields(&self, prefix: &str) -> Result<IndicatorFields, FieldErrors> {
        let fields = IndicatorFields {
            level1: self.level1.as_str().to_owned(),
            level2: self.level2.as_str().to_owned(),
            name: self.name.trim().to_owned(),
            comparator: self.comparator.as_str().to_owned(),
            target_value: self.target_value.clone(),
            target_text: self.target_text.as_ref().map(|t| t.trim().to_owned()),
            unit: self.unit.trim().to_owned(),
            weight: self.weight.clone(),
            accrues: self.accrues.unwrap_or(self.level2.accrues_by_default()),
            measurement: self.measurement.trim().to_owned(),
        };
        check_fields(&fields, prefix).map(|()| fields)
    }
}

/// The shape rules of stored indicator columns, as (prefixed) field errors.
pub fn check_fields(f: &IndicatorFields, prefix: &str) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut push = |field: &str, msg: String| {
        errors
            .entry(format!("{prefix}{field}"))
            .or_default()
            .push(msg);
    };
    if f.name.is_empty() || f.name.chars().count() > 200 {
        push("name", "must be 1 to 200 characters".to_owned());
    }
    let level1 = Level1::parse(&f.level1).unwrap_or(Level1::Output);
    let level2 = Level2::parse(&f.level2).unwrap_or(Level2::Quantity);
    let comparator = Comparator::parse(&f.comparator).unwrap_or(Comparator::AtLeast);
    for (field, msg) in check_indicator(
        level1,
        level2,
        comparator,
        f.target_value.as_ref(),
        f.target_text.as_deref(),
        &f.unit,
        &f.weight,
    ) {
        push(field, msg);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Only the fields sent change; the result must still satisfy every indicator rule. Send
/// `target_value: null` explicitly when turning a numeric indicator qualitative.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "target_value": "10", "weight": "25",
    "measurement": "Bases accepted by the provincial emergency department"
}))]
pub struct IndicatorChanges {
    pub level1: Option<Level1>,
    pub level2: Option<Level2>,
    pub name: Option<String>,
    pub comparator: Option<Comparator>,
    #[serde(default, deserialize_with = "double_option_decimal")]
    #[schema(value_type = Option<String>, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,4})?$")]
    pub target_value: Option<Option<BigDecimal>>,
    #[serde(default, deserialize_with = "double_option_text")]
    pub target_text: Option<Option<String>>,
    pub unit: Option<String>,
    #[serde(default, with = "serde_decimal_opt")]
    #[schema(value_type = Option<String>, pattern = r"^[0-9]{1,2}(\.[0-9]{1,2})?$")]
    pub weight: Option<BigDecimal>,
    pub accrues: Option<bool>,
    pub measurement: Option<String>,
}

fn double_option_decimal<'de, D>(d: D) -> Result<Option<Option<BigDecimal>>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    serde_decimal_opt::deserialize(d).map(Some)
}

fn double_option_text<'de, D>(d: D) -> Result<Option<Option<String>>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    Option::<String>::deserialize(d).map(Some)
}

impl IndicatorChanges {
    pub fn apply(&self, current: &IndicatorRow) -> IndicatorFields {
        let level2 = self.level2.map(|l| l.as_str().to_owned());
        IndicatorFields {
            level1: self
                .level1
                .map_or_else(|| current.level1.clone(), |l| l.as_str().to_owned()),
            level2: level2.clone().unwrap_or_else(|| current.level2.clone()),
            name: self
                .name
                .as_ref()
                .map_or_else(|| current.name.clone(), |n| n.trim().to_owned()),
            comparator: self
                .comparator
                .map_or_else(|| current.comparator.clone(), |c| c.as_str().to_owned()),
            target_value: self
                .target_value
                .clone()
                .unwrap_or_else(|| current.target_value.clone()),
            target_text: self
                .target_text
                .clone()
                .unwrap_or_else(|| current.target_text.clone()),
            unit: self
                .unit
                .as_ref()
                .map_or_else(|| current.unit.clone(), |u| u.trim().to_owned()),
            weight: self
                .weight
                .clone()
                .unwrap_or_else(|| current.weight.clone()),
            accrues: self.accrues.unwrap_or_else(|| match self.level2 {
                // A new level 2 brings its own default unless accrual is given too.
                Some(l2) => l2.accrues_by_default(),
                None => current.accrues,
            }),
            measurement: self
                .measurement
                .as_ref()
                .map_or_else(|| current.measurement.clone(), |m| m.trim().to_owned()),
        }
    }
}
