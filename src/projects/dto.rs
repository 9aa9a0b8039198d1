use bigdecimal::BigDecimal;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::domain::indicators::Readiness;
use crate::domain::money::{serde_money, zero};
use crate::domain::projects::{FundSources, ProjectStatus};
use crate::domain::regions::code_of;
use crate::export::ExportFormat;
use crate::projects::store::{LedgerRow, ProjectView};

/// Amounts by fund source, in yuan, as decimal strings.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FundSourceAmounts {
    #[serde(with = "serde_money", default = "zero")]
    #[schema(value_type = String, pattern = r"^[0-9]{1,16}(\.[0-9]{1,2})?$", example = "300000000.00")]
    pub central: BigDecimal,
    #[serde(with = "serde_money", default = "zero")]
    #[schema(value_type = String, pattern = r"^[0-9]{1,16}(\.[0-9]{1,2})?$", example = "0.00")]
    pub provincial: BigDecimal,
    #[serde(with = "serde_money", default = "zero")]
    #[schema(value_type = String, pattern = r"^[0-9]{1,16}(\.[0-9]{1,2})?$", example = "0.00")]
    pub municipal: BigDecimal,
    #[serde(with = "serde_money", default = "zero")]
    #[schema(value_type = String, pattern = r"^[0-9]{1,16}(\.[0-9]{1,2})?$", example = "0.00")]
    pub county: BigDecimal,
    #[serde(with = "serde_money", default = "zero")]
    #[schema(value_type = String, pattern = r"^[0-9]{1,16}(\.[0-9]{1,2})?$", example = "0.00")]
    pub self_raised: BigDecimal,
    #[serde(with = "serde_money", default = "zero")]
    #[schema(value_type = String, pattern = r"^[0-9]{1,16}(\.[0-9]{1,2})?$", example = "0.00")]
    pub other: BigDecimal,
}

impl From<FundSourceAmounts> for FundSources {
    fn from(a: FundSourceAmounts) -> FundSources {
        FundSources {
            central: a.central,
            provincial: a.provincial,
            municipal: a.municipal,
            county: a.county,
            self_raised: a.self_raised,
            other: a.other,
        }
    }
}

impl From<FundSources> for FundSourceAmounts {
    fn from(f: FundSources) -> FundSourceAmounts {
        FundSourceAmounts {
            central: f.central,
            provincial: f.provincial,
            municipal: f.municipal,
            county: f.county,
            self_raised: f.self_raised,
            other: f.other,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "0193a0c4-7f43-7000-8000-0000000000e1", "code": "SD2021-KJ-007",
    "name": "Aviation emergency rescue capability",
    "department_id": "0193a0c4-7f43-7000-8000-0000000000a1", "department_code": "KJT",
    "region_code": "370000", "fiscal_year": 2021, "function_class": "22401", "category": "special",
    "start_date": "2021-01-01", "end_date": "2021-12-31",
    "annual_goal": "Build a provincial aviation rescue network",
    "fund_sources": {
        "central": "0.00", "provincial": "120000000.00", "municipal": "0.00", "county": "0.00",
        "self_raised": "0.00", "other": "0.00"
    },
    "initial_budget": "120000000.00", "adjusted_budget": "95000000.00", "status": "active",
    "key_monitoring": true, "classified": false, "readiness": {"ready": true, "reasons": []},
    "indicator_set_version": 1, "follows_result": null, "version": 3, "created_at": "2021-01-05T02:00:00Z", "updated_at": "2021-10-20T06:30:00Z"
}))]
pub struct Project {
    pub id: Uuid,
    /// Unique within the region and fiscal year.
    pub code: String,
    pub name: String,
    pub department_id: Uuid,
    pub department_code: String,
    pub region_code: String,
    pub fiscal_year: i16,
    /// Expenditure function classification (class, section or item), e.g. `20601`.
    pub function_class: String,
    pub category: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    /// The overall annual goal.
    pub annual_goal: String,
    pub fund_sources: FundSourceAmounts,
    /// Budget at the start of the year; equals the sum of the fund sources.
    #[serde(with = "serde_money")]
    #[schema(value_type = String, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,2})?$", example = "300000000.00")]
    pub initial_budget: BigDecimal,
    /// The sum of the budget ledger (`/budget-history`): the initial budget and every change since.
    #[serde(with = "serde_money")]
    #[schema(value_type = String, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,2})?$", example = "270000000.00")]
    pub adjusted_budget: BigDecimal,
    pub status: ProjectStatus,
    /// Selected by the finance department for key monitoring.
    pub key_monitoring: bool,
    /// Secret-related: visible only to admins and the department's own officers. True also when
    /// the department is classified.
    pub classified: bool,
    /// Whether the project can be monitored, and why not.
    pub readiness: Readiness,
    /// The version of its indicator set: 1 as registered, one more per approved target
    /// adjustment (`/projects/{id}/indicator-versions`).
    pub indicator_set_version: i32,
    /// The results application of last year's project of the same region and code whose
    /// next-year budget measure this project's budget followed; null when there is none.
    pub follows_result: Option<FollowedResult>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Project {
    pub fn from_view(view: ProjectView, readiness: Readiness) -> Project {
        let ProjectView {
            row,
            department_code,
            department_classified,
        } = view;
        Project {
            id: row.id,
            region_code: code_of(&row.region_path).to_owned(),
            code: row.code,
            name: row.name,
            department_id: row.department_id,
            department_code,
            fiscal_year: row.fiscal_year,
            function_class: row.function_class,
            category: row.category,
            start_date: row.start_date,
            end_date: row.end_date,
            annual_goal: row.annual_goal,
            fund_sources: FundSourceAmounts {
                central: row.fund_central,
                provincial: row.fund_provincial,
                municipal: row.fund_municipal,
                county: row.fund_county,
                self_raised: row.fund_self_raised,
                other: row.fund_other,
            },
            initial_budget: row.initial_budget,
            adjusted_budget: row.adjusted_budget,
            status: ProjectStatus::parse(&row.status).unwrap_or(ProjectStatus::Active),
            key_monitoring: row.key_monitoring,
            classified: row.classified || department_classified,
            readiness,
            indicator_set_version: row.indicator_set_version,
            follows_result: match (row.follows_application_id, row.follows_measure) {
                (Some(application_id), Some(measure)) => Some(FollowedResult {
                    application_id,
                    measure,
                    amount: row.follows_amount.unwrap_or_default(),
                }),
                _ => None,
            },
            version: row.version,
            created_at: row.created_at,
            updated_at: row.updated_at,
        }
    }
}

/// A next-year budget measure of last year's monitoring that a project's budget followed.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FollowedResult {
    /// The result application (`/result-applications/{id}`).
    pub application_id: Uuid,
    /// `reduce_next_year_budget` or `raise_next_year_budget`.
    pub measure: String,
    /// Yuan by which this year's budget was to move: negative when reduced.
    #[serde(with = "serde_money")]
    #[schema(value_type = String, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,2})?$", example = "-2000000.00")]
    pub amount: BigDecimal,
}

fn active() -> ProjectStatus {
    ProjectStatus::Active
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "code": "SD2021-KJ-007", "name": "Aviation emergency rescue capability",
    "department_id": "0193a0c4-7f43-7000-8000-0000000000a1", "fiscal_year": 2021,
    "function_class": "22401", "category": "special", "start_date": "2021-01-01",
    "end_date": "2021-12-31", "annual_goal": "Build a provincial aviation rescue network",
    "fund_sources": {"provincial": "120000000.00"}, "initial_budget": "120000000.00"
}))]
pub struct NewProject {
    /// Letters, digits, `_`, `.` and `-`, starting with a letter or digit; at most 64.
    #[schema(pattern = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    pub code: String,
    /// 1 to 200 characters, not only spaces.
    #[schema(min_length = 1, max_length = 200, pattern = "\\S")]
    pub name: String,
    pub department_id: Uuid,
    #[serde(deserialize_with = "crate::validation::integral::deserialize")]
    #[schema(minimum = 2000, maximum = 2100)]
    pub fiscal_year: i16,
    #[schema(pattern = "^[0-9]{3}([0-9]{2}){0,2}$")]
    pub function_class: String,
    #[serde(default)]
    pub category: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    #[serde(default)]
    pub annual_goal: String,
    /// Missing sources count as zero; they must add up to `initial_budget`.
    pub fund_sources: FundSourceAmounts,
    #[serde(with = "serde_money")]
    #[schema(value_type = String, pattern = r"^[0-9]{1,16}(\.[0-9]{1,2})?$")]
    pub initial_budget: BigDecimal,
    #[serde(default = "active")]
    pub status: ProjectStatus,
    /// Finance officers and admins only.
    #[serde(default)]
    pub key_monitoring: bool,
    /// Admins only.
    #[serde(default)]
    pub classified: bool,
}

/// Only the fields sent change. Department officers may change name, function class, category,
/// dates and goal; budgets, status and key monitoring are for finance officers and admins;
/// `classified` for admins.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "annual_goal": "Build eight aviation rescue bases covering every city of the province",
    "end_date": "2021-12-31"
}))]
pub struct ProjectChanges {
    /// 1 to 200 characters, not only spaces.
    #[schema(min_length = 1, max_length = 200, pattern = "\\S")]
    pub name: Option<String>,
    #[schema(pattern = "^[0-9]{3}([0-9]{2}){0,2}$")]
    pub function_class: Option<String>,
    pub category: Option<String>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub annual_goal: Option<String>,
    pub fund_sources: Option<FundSourceAmounts>,
    /// A change is booked in the budget ledger as a correction.
    #[serde(default, with = "crate::domain::money::serde_money_opt")]
    #[schema(value_type = Option<String>, pattern = r"^[0-9]{1,16}(\.[0-9]{1,2})?$")]
    pub initial_budget: Option<BigDecimal>,
    pub status: Option<ProjectStatus>,
    pub key_monitoring: Option<bool>,
    pub classified: Option<bool>,
}

impl ProjectChanges {
    /// Fields only finance officers and admins may change.
    pub fn managed_fields(&self) -> Vec<&'static str> {
        let mut fields = Vec::new();
        if self.fund_sources.is_some() {
            fields.push("fund_sources");
        }
        if self.initial_budget.is_some() {
            fields.push("initial_budget");
        }
        if self.status.is_some() {
            fields.push("status");
        }
        if self.key_monitoring.is_some() {
            fields.push("key_monitoring");
        }
        fields
    }
}

/// The order of a project list: a field, or `-` and the field for descending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProjectOrder {
    /// Project code, ascending (the default).
    Code,
    /// Project code, descending.
    #[serde(rename = "-code")]
    CodeDesc,
    /// Name, ascending.
    Name,
    /// Name, descending.
    #[serde(rename = "-name")]
    NameDesc,
    /// Adjusted budget, ascending.
    Budget,
    /// Adjusted budget, descending.
    #[serde(rename = "-budget")]
    BudgetDesc,
}

impl ProjectOrder {
    /// The `sort` value as sent.
    pub fn as_str(self) -> &'static str {
        match self {
            ProjectOrder::Code => "code",
            ProjectOrder::CodeDesc => "-code",
            ProjectOrder::Name => "name",
            ProjectOrder::NameDesc => "-name",
            ProjectOrder::Budget => "budget",
            ProjectOrder::BudgetDesc => "-budget",
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProjectQuery {
    #[param(minimum = 2000, maximum = 2100)]
    pub fiscal_year: Option<i16>,
    /// Only projects of the region with this code and the regions below it.
    pub region: Option<String>,
    pub department: Option<Uuid>,
    pub status: Option<ProjectStatus>,
    pub key_monitoring: Option<bool>,
    /// Function class or a prefix of it, e.g. `206` for all science and technology.
    pub function_class: Option<String>,
    /// Code prefix or part of the name.
    pub q: Option<String>,
    /// `code` (default), `name`, `budget` (adjusted budget); prefix `-` for descending.
    pub sort: Option<ProjectOrder>,
    /// Page size, 1 to 500 (default 50); exports ignore it.
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page; exports ignore it.
    pub cursor: Option<String>,
    /// `csv` or `xlsx`: every matching project as a file, in the list's order;
    /// `Accept: text/csv` also gives CSV. `json` (default): a page.
    #[param(value_type = Option<ExportFormat>)]
    pub format: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "0193a0c4-7f43-7000-8000-000000000098", "kind": "reduce", "amount": "-25000000.00",
    "reason": "reduce",
    "reference": "adjustment 0193a0c4-7f43-7000-8000-000000000096 (济财绩〔2021〕12号)",
    "adjustment_id": "0193a0c4-7f43-7000-8000-000000000096", "counterpart_project_id": null,
    "actor_id": "0193a0c4-7f43-7000-8000-0000000000b2", "actor_name": "sd.finance",
    "created_at": "2021-10-20T06:30:00Z"
}))]
pub struct LedgerEntry {
    pub id: Uuid,
    /// `initial` for the start-of-year budget, `correction` for a corrected initial budget;
    /// fund adjustments add their own kinds.
    pub kind: String,
    /// Signed change in yuan.
    #[serde(with = "serde_money")]
    #[schema(value_type = String, pattern = r"^-?[0-9]{1,16}(\.[0-9]{1,2})?$")]
    pub amount: BigDecimal,
    pub reason: String,
    /// What caused the entry.
    pub reference: String,
    /// The fund adjustment that booked the entry.
    pub adjustment_id: Option<Uuid>,
    /// The other project of a reallocation.
    pub counterpart_project_id: Option<Uuid>,
    pub actor_id: Option<Uuid>,
    pub actor_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl LedgerEntry {
    /// The entry as a reader who may see its counterpart project reads it, or, for one who may
    /// not, without that project's code or id and without the adjustment (which may be the
    /// counterpart's): the amount stays, so the history still adds up to the adjusted budget.
    pub fn of(r: LedgerRow, counterpart_visible: bool) -> LedgerEntry {
        if r.counterpart_project_id.is_none() || counterpart_visible {
            return LedgerEntry {
                id: r.id,
                kind: r.kind,
                amount: r.amount,
                reason: r.reason,
                reference: r.reference,
                adjustment_id: r.adjustment_id,
                counterpart_project_id: r.counterpart_project_id,
                actor_id: r.actor_id,
                actor_name: r.actor_name,
                created_at: r.created_at,
            };
        }
        let reason = match r.kind.as_str() {
            "reallocate_in" => "reallocated from another project",
            "reallocate_out" => "reallocated to another project",
            _ => "reversal of a reallocation with another project",
        };
        LedgerEntry {
            id: r.id,
            reason: reason.to_owned(),
            reference: String::new(),
            adjustment_id: None,
            counterpart_project_id: None,
            kind: r.kind,
            amount: r.amount,
            actor_id: r.actor_id,
            actor_name: r.actor_name,
            created_at: r.created_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LedgerQuery {
    /// Page size, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}
