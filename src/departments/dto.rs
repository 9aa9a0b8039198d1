use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::domain::regions::RegionLevel;
use uuid::Uuid;
use validator::Validate;

use crate::departments::store::DepartmentRow;
use crate::domain::regions::code_of;
use crate::validation::not_blank;

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "0193a0c4-7f43-7000-8000-0000000000a1", "region_code": "370000", "code": "KJT",
    "name": "Department of Science and Technology", "parent_id": null, "classified": false,
    "active": true, "version": 1,
    "created_at": "2021-01-04T08:00:00Z", "updated_at": "2021-01-04T08:00:00Z"
}))]
pub struct Department {
    pub id: Uuid,
    /// Code of the region the department belongs to.
    pub region_code: String,
    /// Unique within the region.
    pub code: String,
    pub name: String,
    /// The department this unit belongs to; null for a top-level department.
    pub parent_id: Option<Uuid>,
    /// Secret-related: excluded from monitoring, statistics and exports; visible only to admins
    /// and the department's own officers.
    pub classified: bool,
    pub active: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<DepartmentRow> for Department {
    fn from(row: DepartmentRow) -> Department {
        Department {
            id: row.id,
            region_code: code_of(&row.region_path).to_owned(),
            code: row.code,
            name: row.name,
            parent_id: row.parent_id,
            classified: row.classified,
            active: row.active,
            version: row.version,
            created_at: row.created_at,
            updated_at: row.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"region_code": "370000", "code": "KJT", "name": "Department of Science and Technology"}))]
pub struct NewDepartment {
    #[schema(pattern = "^[1-9][0-9]{5}$")]
    pub region_code: String,
    /// Letters, digits, `_`, `.`, `-`; unique within the region.
    #[validate(custom(function = "department_code"))]
    #[schema(pattern = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")]
    pub code: String,
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "not_blank")
    )]
    #[schema(min_length = 1, max_length = 200, pattern = "\\S")]
    pub name: String,
    /// Make this a unit of another department of the same region.
    pub parent_id: Option<Uuid>,
    /// Admins only. Units of a classified department are classified too.
    #[serde(default)]
    pub classified: bool,
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

fn department_code(code: &str) -> Result<(), validator::ValidationError> {
    let mut chars = code.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphanumeric());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c));
    if first_ok && rest_ok && code.len() <= 32 {
        return Ok(());
    }
    let mut err = validator::ValidationError::new("department_code");
    err.message =
        Some("must be 1 to 32 letters, digits, _ . or -, starting with a letter or digit".into());
    Err(err)
}

/// Code, region and parent are fixed once created.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Department of Science and Technology", "active": true}))]
pub struct DepartmentChanges {
    #[validate(
        length(min = 1, max = 200, message = "must be 1 to 200 characters"),
        custom(function = "not_blank")
    )]
    #[schema(min_length = 1, max_length = 200, pattern = "\\S")]
    pub name: Option<String>,
    /// Admins only; setting it also classifies the department's units.
    pub classified: Option<bool>,
    pub active: Option<bool>,
}

/// The order of a department list: a field, or `-` and the field for descending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DepartmentOrder {
    /// Department code, ascending (the default).
    Code,
    /// Department code, descending.
    #[serde(rename = "-code")]
    CodeDesc,
    /// Name, ascending.
    Name,
    /// Name, descending.
    #[serde(rename = "-name")]
    NameDesc,
}

impl DepartmentOrder {
    /// The `sort` value as sent.
    pub fn as_str(self) -> &'static str {
        match self {
            DepartmentOrder::Code => "code",
            DepartmentOrder::CodeDesc => "-code",
            DepartmentOrder::Name => "name",
            DepartmentOrder::NameDesc => "-name",
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DepartmentQuery {
    /// Only departments of the region with this code and the regions below it.
    pub region: Option<String>,
    /// Only departments of regions of this level (with `region`: `region=370100&level=city`
    /// gives Jinan's own departments, without those of its districts and counties).
    pub level: Option<RegionLevel>,
    /// Only units of this department.
    pub parent: Option<Uuid>,
    pub active: Option<bool>,
    /// Code prefix or part of the name.
    pub q: Option<String>,
    /// `code` (default), `name`; prefix `-` for descending.
    pub sort: Option<DepartmentOrder>,
    /// Page size, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}
