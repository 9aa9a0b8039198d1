use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::domain::regions::{RegionLevel, code_of, parent_code_of};
use crate::regions::store::RegionRow;
use crate::validation::not_blank;

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "0193a0c4-7f43-7000-8000-000000000001", "code": "370100", "name": "Jinan",
    "level": "city", "parent_code": "370000", "version": 1,
    "created_at": "2021-01-04T08:00:00Z", "updated_at": "2021-01-04T08:00:00Z"
}))]
pub struct Region {
    pub id: Uuid,
    /// GB/T 2260 code.
    pub code: String,
    pub name: String,
    pub level: RegionLevel,
    /// Code of the parent region; null for a province.
    pub parent_code: Option<String>,
    /// Changes on every update; the `ETag` header carries it too.
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<RegionRow> for Region {
    fn from(row: RegionRow) -> Region {
        Region {
            parent_code: parent_code_of(&row.path).map(str::to_owned),
            id: row.id,
            code: code_of(&row.path).to_owned(),
            name: row.name,
            level: RegionLevel::parse(&row.level).unwrap_or(RegionLevel::County),
            version: row.version,
            created_at: row.created_at,
            updated_at: row.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"code": "370100", "name": "Jinan", "level": "city", "parent_code": "370000"}))]
pub struct NewRegion {
    /// GB/T 2260 code: `XX0000` for a province, `XXYY00` for a city, `XXYYZZ` for a county.
    #[schema(pattern = "^[1-9][0-9]{5}$")]
    pub code: String,
    #[validate(
        length(min = 1, max = 100, message = "must be 1 to 100 characters"),
        custom(function = "not_blank")
    )]
    #[schema(min_length = 1, max_length = 100, pattern = "\\S")]
    pub name: String,
    pub level: RegionLevel,
    /// Required for cities and counties; must be absent for a province.
    #[schema(pattern = "^[1-9][0-9]{5}$")]
    pub parent_code: Option<String>,
}

/// Only the name of a region can change; its code and place in the tree are fixed.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Jinan"}))]
pub struct RegionChanges {
    #[validate(
        length(min = 1, max = 100, message = "must be 1 to 100 characters"),
        custom(function = "not_blank")
    )]
    #[schema(min_length = 1, max_length = 100, pattern = "\\S")]
    pub name: Option<String>,
}

/// The order of a region list: a field, or `-` and the field for descending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RegionOrder {
    /// Region code, ascending (the default).
    Code,
    /// Region code, descending.
    #[serde(rename = "-code")]
    CodeDesc,
    /// Name, ascending.
    Name,
    /// Name, descending.
    #[serde(rename = "-name")]
    NameDesc,
}

impl RegionOrder {
    /// The `sort` value as sent.
    pub fn as_str(self) -> &'static str {
        match self {
            RegionOrder::Code => "code",
            RegionOrder::CodeDesc => "-code",
            RegionOrder::Name => "name",
            RegionOrder::NameDesc => "-name",
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegionQuery {
    /// Only direct children of the region with this code.
    pub parent: Option<String>,
    pub level: Option<RegionLevel>,
    /// Only the region with this code and everything below it.
    pub region: Option<String>,
    /// Code prefix or part of the name.
    pub q: Option<String>,
    /// `code` (default), `name`; prefix `-` for descending.
    pub sort: Option<RegionOrder>,
    /// Page size, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}
