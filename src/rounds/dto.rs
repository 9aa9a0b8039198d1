use bigdecimal::BigDecimal;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::domain::money::serde_money;
use crate::domain::monitoring::time_progress;
use crate::domain::regions::code_of;
use crate::rounds::store::RoundRow;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoundStatus {
    Planned,
    Open,
    Closed,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = round_example)]
pub struct Round {
    pub id: Uuid,
    /// The region whose subtree the round covers.
    pub region_code: String,
    pub fiscal_year: i16,
    pub name: String,
    /// Data up to this date count (e.g. 2021-07-31 for January to July).
    pub cutoff_date: NaiveDate,
    pub open_date: NaiveDate,
    pub due_date: NaiveDate,
    /// Days before the due date when filing warnings start.
    pub warning_days: i32,
    pub status: RoundStatus,
    /// Share of the year elapsed at the cut-off, in percent.
    #[serde(with = "serde_money")]
    #[schema(value_type = String, pattern = r"^[0-9]+\.[0-9]{2}$", example = "58.33")]
    pub time_progress: BigDecimal,
    pub opened_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<RoundRow> for Round {
    fn from(r: RoundRow) -> Round {
        Round {
            id: r.id,
            region_code: code_of(&r.region_path).to_owned(),
            fiscal_year: r.fiscal_year,
            name: r.name,
            time_progress: time_progress(r.cutoff_date),
            cutoff_date: r.cutoff_date,
            open_date: r.open_date,
            due_date: r.due_date,
            warning_days: r.warning_days,
            status: match r.status.as_str() {
                "open" => RoundStatus::Open,
                "closed" => RoundStatus::Closed,
                _ => RoundStatus::Planned,
            },
            opened_at: r.opened_at,
            closed_at: r.closed_at,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

fn seven() -> i32 {
    7
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "region_code": "370000", "fiscal_year": 2021, "name": "2021 January–July monitoring",
    "cutoff_date": "2021-07-31", "open_date": "2021-08-01", "due_date": "2021-08-20", "warning_days": 5
}))]
pub struct NewRound {
    #[schema(pattern = "^[1-9][0-9]{5}$")]
    pub region_code: String,
    #[serde(deserialize_with = "crate::validation::integral::deserialize")]
    #[schema(minimum = 2000, maximum = 2100)]
    pub fiscal_year: i16,
    #[schema(min_length = 1, max_length = 200, pattern = "\\S")]
    pub name: String,
    /// Must fall in the fiscal year.
    pub cutoff_date: NaiveDate,
    pub open_date: NaiveDate,
    /// Not before the open date.
    pub due_date: NaiveDate,
    #[serde(
        default = "seven",
        deserialize_with = "crate::validation::integral::deserialize"
    )]
    #[schema(minimum = 0, maximum = 60)]
    pub warning_days: i32,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RoundQuery {
    #[param(minimum = 2000, maximum = 2100)]
    pub fiscal_year: Option<i16>,
    pub status: Option<RoundStatus>,
    /// Only rounds of the region with this code and the regions below it.
    pub region: Option<String>,
    /// Only rounds of regions of this level (`region=370100&level=city`: Jinan's own rounds).
    pub level: Option<crate::domain::regions::RegionLevel>,
    /// Page size, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SkippedProject {
    pub project_id: Uuid,
    pub code: String,
    pub name: String,
    /// Why the project is not ready for monitoring.
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = open_result_example)]
pub struct OpenResult {
    pub round: Round,
    /// Reports created by this call.
    pub created: usize,
    /// Projects that already had a report in the round.
    pub existing: usize,
    /// Projects left out because they are not ready for monitoring.
    pub not_ready: Vec<SkippedProject>,
}

fn round_example() -> serde_json::Value {
    serde_json::json!({
        "id": "0193a0c4-7f43-7000-8000-000000000091", "region_code": "370000", "fiscal_year": 2021,
        "name": "2021 January–July monitoring", "cutoff_date": "2021-07-31",
        "open_date": "2021-08-01", "due_date": "2021-08-20", "warning_days": 5, "status": "open",
        "time_progress": "58.33", "opened_at": "2021-08-01T00:30:00Z", "closed_at": null,
        "version": 2, "created_at": "2021-07-20T03:00:00Z", "updated_at": "2021-08-01T00:30:00Z"
    })
}

fn open_result_example() -> serde_json::Value {
    serde_json::json!({
        "round": round_example(), "created": 5126, "existing": 0,
        "not_ready": [{
            "project_id": "0193a0c4-7f43-7000-8000-0000000000e3", "code": "SD2021-JT-015",
            "name": "Rural road maintenance",
            "reasons": ["the project has no performance indicators"]
        }]
    })
}
